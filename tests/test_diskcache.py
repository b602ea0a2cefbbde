"""Claims cached on disk are keyed by the text and the extractor: an edited document is never served stale."""

import pandas as pd
import pytest

import ftzdata
from conftest import register_sha
from ftzdata import diskcache
from ftzdata.errors import DocumentError
from ftzdata.extract import claims


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FTZDATA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "claims"


def test_a_cached_result_equals_a_fresh_one_and_is_reused(cache):
    text = ftzdata.document_text("mofcom-2015-best-practices")
    first = diskcache.claims_of_text(text)
    assert first.equals(claims(text))
    assert len(list(cache.glob("*.pkl"))) == 1
    assert diskcache.claims_of_text(text).equals(first)
    assert len(list(cache.glob("*.pkl"))) == 1


def test_an_edited_document_and_review_are_seen_at_once(cache, seeds_copy):
    corpus = ftzdata.Corpus(seeds_copy)
    before = ftzdata.metrics(corpus=corpus)
    path = seeds_copy / "mofcom-2017-best-practices.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n经改革,企业开办时间由5天缩短至1天。\n", encoding="utf-8")
    register_sha(seeds_copy, "mofcom-2017-best-practices")
    pending = ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy), review="all")
    assert pending["quote"].str.contains("由5天缩短至1天").any()  # the new text's claim, not a cached old result
    review = seeds_copy / "mofcom-2015-best-practices.review.csv"
    review.write_bytes(review.read_bytes().replace(b"Clearance steps a trader goes through", b"Steps at the border"))
    after = ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy))
    assert "Steps at the border" in set(after["label_en"]) and len(after) == len(before)


def test_the_cache_can_be_off_or_unwritable(tmp_path, monkeypatch):
    text = ftzdata.document_text("mofcom-2017-best-practices")
    monkeypatch.setenv("FTZDATA_CACHE_DIR", str(tmp_path / "unused"))
    monkeypatch.setenv("FTZDATA_NO_CACHE", "1")
    assert diskcache.claims_of_text(text).equals(claims(text))
    assert not (tmp_path / "unused").exists()
    monkeypatch.delenv("FTZDATA_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FTZDATA_CACHE_DIR", str(blocker))  # claims/ cannot be created under a file
    assert diskcache.claims_of_text(text).equals(claims(text))


def test_cached_cases_follow_every_edit_of_a_sidecar_or_text(cache, seeds_copy):
    first = ftzdata.cases(ftzdata.Corpus(seeds_copy))
    assert list((cache.parent / "cases").glob("*.pkl"))
    side = seeds_copy / "mofcom-2017-best-practices.cases.csv"
    text = side.read_text(encoding="utf-8-sig").splitlines()
    head, row = text[0], text[1].split(",")
    row[head.split(",").index("title_en")] = "A title edited by hand"
    side.write_text("\n".join([head, ",".join(row), *text[2:]]) + "\n", encoding="utf-8")
    again = ftzdata.cases(ftzdata.Corpus(seeds_copy))
    assert again.loc[again["case_id"] == "mofcom2017-01", "title_en"].item() == "A title edited by hand"
    assert first.loc[first["case_id"] == "mofcom2017-01", "title_en"].item() != "A title edited by hand"
    (seeds_copy / "mofcom-2017-best-practices.txt").write_bytes(b"")  # damaged: refused, never served cached
    with pytest.raises(ftzdata.DocumentError, match="the file is empty"):
        ftzdata.cases(ftzdata.Corpus(seeds_copy))


def _texts():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    paths = sorted(root.glob("seeds/*.txt")) + sorted(root.glob("benchmarks/realtext/*/docs/*.txt"))[:12]
    return [p.read_text(encoding="utf-8") for p in paths]


def test_extraction_in_two_processes_gives_what_one_gives():
    texts = _texts()
    one = diskcache.extract_all(texts, jobs=1)
    two = diskcache.extract_all(texts, jobs=2)
    assert len(one) == len(two) == len(texts)
    for a, b, t in zip(one, two, texts):
        assert a.equals(b)
        assert all(t[s:e] == q for s, e, q in zip(b["start"], b["end"], b["quote"]))


def test_a_cold_cache_extracts_in_parallel_only_when_there_is_enough_text(cache, monkeypatch):
    import os

    texts = _texts()
    monkeypatch.delenv("FTZDATA_EXTRACT_JOBS", raising=False)
    assert diskcache.extract_jobs(texts[:2]) == 1  # two documents: not worth starting workers
    monkeypatch.setattr(diskcache, "PARALLEL_MIN_CHARS", 1000)
    assert diskcache.extract_jobs(texts) == min(2, os.cpu_count() or 1)
    got = diskcache.claims_of_texts(texts)
    assert len(set(cache.glob("*.pkl"))) == len(set(texts))
    assert all(g.equals(claims(t)) for g, t in zip(got, texts))
    monkeypatch.setenv("FTZDATA_EXTRACT_JOBS", "1")
    assert diskcache.extract_jobs(texts) == 1


def test_metrics_read_back_from_disk_equal_a_fresh_build_and_still_warn(cache, seeds_copy, monkeypatch):
    review = seeds_copy / "mofcom-2015-best-practices.review.csv"
    quote = review.read_text(encoding="utf-8-sig").splitlines()[1].split(",")[3]
    assert quote in ftzdata.document_text("mofcom-2015-best-practices")
    gone = quote + "之后再也找不到的字"  # a decided claim whose quote is no longer in the text
    review.write_bytes(review.read_bytes().replace(f",{quote},".encode(), f",{gone},".encode(), 1))
    with pytest.warns(ftzdata.FtzDataWarning, match="cannot be applied"):
        cold = ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy))
    assert list((cache.parent / "metrics").glob("*.pkl")) and list((cache.parent / "review").glob("*.pkl"))
    with pytest.warns(ftzdata.FtzDataWarning, match="cannot be applied"):
        warm = ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy))  # a new Corpus: read from disk
    assert warm.equals(cold)
    monkeypatch.setenv("FTZDATA_NO_CACHE", "1")
    with pytest.warns(ftzdata.FtzDataWarning, match=gone):
        fresh = ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy))
    assert fresh.equals(cold)


def test_documents_held_in_memory_follow_an_edited_text(cache, seeds_copy):
    corpus = ftzdata.Corpus(seeds_copy)
    first = ftzdata.documents(corpus)
    first.loc[:, "title_en"] = "changed by the caller"  # a copy: the held frame is not touched
    assert (ftzdata.documents(corpus)["title_en"] != "changed by the caller").all()
    path = seeds_copy / "mofcom-2017-best-practices.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n经改革,企业开办时间由5天缩短至1天。\n", encoding="utf-8")
    register_sha(seeds_copy, "mofcom-2017-best-practices")
    docs = ftzdata.documents(ftzdata.Corpus(seeds_copy)).set_index("doc_id")
    assert docs.loc["mofcom-2017-best-practices", "n_chars"] == len(path.read_text(encoding="utf-8"))
    with pytest.raises(DocumentError, match="differs from the manifest"):  # the object read the old manifest:
        ftzdata.documents(corpus)  # it refuses the edited text rather than serve its old frame


def test_a_value_built_on_a_miss_is_returned_as_the_cache_reads_it_back(cache):
    """A cold call returns the copy read back from the file (what a warm call returns), not the built object
    (whose strings pickling has doubled with a cached UTF-8 copy)."""
    text = ftzdata.document_text("mofcom-2015-best-practices")
    built = []

    def build():
        built.append({"claims": claims(text), "quotes": list(claims(text)["quote"])})
        return built[-1]

    cold = diskcache.cached("test-store", "k", build)
    assert cold is not built[0] and cold["quotes"] == built[0]["quotes"] and cold["claims"].equals(built[0]["claims"])
    warm = diskcache.cached("test-store", "k", build)
    assert len(built) == 1 and warm["quotes"] == cold["quotes"] and warm["claims"].equals(cold["claims"])


def test_cases_read_back_from_disk_equal_a_fresh_build(cache, seeds_copy, monkeypatch):
    """The cases' texts are stored as their pyarrow chunks: read back, the frame is the one built (same values,
    same string type), and each case's text is still the document's case."""
    cold = ftzdata.cases(ftzdata.Corpus(seeds_copy))
    warm = ftzdata.cases(ftzdata.Corpus(seeds_copy))  # a new Corpus: read from disk
    monkeypatch.setenv("FTZDATA_NO_CACHE", "1")
    fresh = ftzdata.cases(ftzdata.Corpus(seeds_copy))
    for df in (cold, warm):
        assert df.equals(fresh) and list(df.columns) == list(fresh.columns) and (df.dtypes == fresh.dtypes).all()
    assert str(warm["text"].dtype) == "str" and warm.attrs == fresh.attrs
    norm = ftzdata.normalized_text("mofcom-2017-best-practices", corpus=ftzdata.Corpus(seeds_copy))
    row = warm[warm["doc_id"] == "mofcom-2017-best-practices"].iloc[0]
    assert row["text"] and row["text"].strip() in norm.text


def test_case_texts_are_an_entry_of_their_own_that_metrics_never_reads(cache, seeds_copy, monkeypatch):
    """The cases' texts are stored apart from their rows (an Arrow file, read memory-mapped): metrics() and the
    rows of the cases never open it; an entry removed or damaged is found again, the same texts."""
    from ftzdata.cases import case_index

    cold = ftzdata.cases(ftzdata.Corpus(seeds_copy))
    texts = list((cache.parent / "case_texts").glob("*.arrow"))
    assert len(texts) == 1 and texts[0].stat().st_size > 0
    opened = []
    real = diskcache.read_text_column
    monkeypatch.setattr(diskcache, "read_text_column", lambda *a: opened.append(a) or real(*a))
    rows = case_index(ftzdata.Corpus(seeds_copy))
    assert ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy)).equals(ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy)))
    assert opened == [] and "text" not in rows.columns
    pd.testing.assert_frame_equal(rows, cold.drop(columns="text"))
    for damage in (lambda p: p.unlink(), lambda p: p.write_bytes(b"not an arrow file"),
                   lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])):
        damage(texts[0])
        again = ftzdata.cases(ftzdata.Corpus(seeds_copy))
        pd.testing.assert_frame_equal(again, cold)
        assert texts[0].stat().st_size > 100  # found again and stored again
    doc = "mofcom-2017-best-practices"
    norm = ftzdata.normalized_text(doc, corpus=ftzdata.Corpus(seeds_copy)).text
    for r in cold[cold["doc_id"] == doc].itertuples():
        assert r.text and r.text.strip() in norm


def test_case_texts_with_an_unwritable_cache_are_kept_in_memory(tmp_path, seeds_copy, monkeypatch):
    monkeypatch.setenv("FTZDATA_NO_CACHE", "1")
    fresh = ftzdata.cases(ftzdata.Corpus(seeds_copy))
    monkeypatch.delenv("FTZDATA_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FTZDATA_CACHE_DIR", str(blocker))  # case_texts/ cannot be created under a file
    pd.testing.assert_frame_equal(ftzdata.cases(ftzdata.Corpus(seeds_copy)), fresh)
    assert str(fresh["text"].dtype) == "str" and fresh["text"].str.len().min() > 0


def test_a_report_kernel_reads_one_state_of_its_corpus(cache, seeds_copy, monkeypatch):
    """With FTZDATA_CORPUS_SNAPSHOT=1 (what report kernels get) a corpus's files are looked at once: an edit
    during the report is not half-seen; a new look (a new Corpus: the next build) sees it."""
    from ftzdata.corpus import SNAPSHOT_ENV
    from ftzdata.report.template import kernel_env

    assert kernel_env()[SNAPSHOT_ENV] == "1"
    monkeypatch.setenv(SNAPSHOT_ENV, "1")
    corpus = ftzdata.Corpus(seeds_copy)
    first = ftzdata.documents(corpus).set_index("doc_id")["n_chars"]
    path = seeds_copy / "mofcom-2017-best-practices.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n经改革,企业开办时间由5天缩短至1天。\n", encoding="utf-8")
    register_sha(seeds_copy, "mofcom-2017-best-practices")
    assert ftzdata.documents(corpus).set_index("doc_id")["n_chars"].equals(first)  # the state it first read
    monkeypatch.delenv(SNAPSHOT_ENV)
    fresh = ftzdata.documents(ftzdata.Corpus(seeds_copy)).set_index("doc_id")["n_chars"]
    assert fresh["mofcom-2017-best-practices"] == len(path.read_text(encoding="utf-8")) != first["mofcom-2017-best-practices"]
