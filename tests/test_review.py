"""The seeds' review sidecars cover exactly what the extractor finds: nothing dropped, nothing invented."""

import re

import pytest

import ftzdata
from ftzdata.review import STATUSES, load_reviews, reconcile
from ftzdata.metrics import KINDS

LEDGER = load_reviews()


def test_every_quote_is_the_original_text_at_its_offsets():
    for _, r in LEDGER.iterrows():
        assert ftzdata.document_text(r["doc_id"])[r["start"]:r["end"]] == r["quote"], (r["doc_id"], r["start"])


def test_every_row_is_decided():
    assert set(LEDGER["status"]) <= set(STATUSES) - {"pending"}, "a pending row is waiting for review (ftzdata review)"


def test_accepted_and_missed_rows_say_what_they_measure():
    rows = LEDGER[LEDGER["status"].isin(["accepted", "missed"])]
    assert rows["case_id"].notna().all()
    assert rows["metric"].str.fullmatch(r"[a-z][a-z0-9_]*").all()
    assert rows["label_en"].str.len().min() > 3 and rows["label_zh"].str.len().min() > 1
    assert not rows["label_en"].str.contains(r"[\u4e00-\u9fff]").any()
    assert set(rows["kind"]) <= set(KINDS)
    assert not (rows["case_id"] + "." + rows["metric"]).duplicated().any()


def test_rejected_and_missed_rows_give_a_reason():
    assert LEDGER.loc[LEDGER["status"] == "rejected", "reason"].str.len().min() > 10
    missed = LEDGER[LEDGER["status"] == "missed"]
    assert missed["reason"].notna().all() and missed["roles"].notna().all()


def test_case_ids_are_the_cases_that_hold_the_quote():
    cases = ftzdata.cases()
    for _, r in LEDGER[LEDGER["case_id"].notna()].iterrows():
        c = cases[(cases["doc_id"] == r["doc_id"]) & (cases["start"] <= r["start"]) & (cases["end"] >= r["end"])]
        assert list(c["case_id"]) == [r["case_id"]], r["quote"]


def test_extractor_and_ledger_agree():
    rec = reconcile()
    listing = lambda df: [f"{r.doc_id} [{r.start},{r.end}) {r.quote}" for r in df.itertuples()]
    assert rec.unreviewed.empty, "found but not reviewed (run ftzdata review --sync):\n" + "\n".join(listing(rec.unreviewed))
    assert rec.stale.empty, "reviewed but no longer found:\n" + "\n".join(listing(rec.stale))
    assert rec.lost.empty and rec.problems == [], "\n".join(rec.problems)
    assert rec.found_missed.empty, "marked missed but found now:\n" + "\n".join(listing(rec.found_missed))


def test_extractor_recall_counts_the_missed_claims():
    rec = reconcile()
    accepted = (rec.matched["status"] == "accepted").sum()
    recall = accepted / (accepted + len(rec.missed))
    assert 0 < recall <= 1
    assert len(rec.missed) == (LEDGER["status"] == "missed").sum()


# ---------------------------------------------------------------------------------------- edited documents
import warnings as _warnings

from conftest import register_sha

SEEDS_METRICS = ftzdata.metrics()


def _same_dataset(m):
    cols = ["metric_id", "before", "after", "change", "change_pct", "quote", "unit"]
    assert m[cols].equals(SEEDS_METRICS[cols])


def test_a_bom_added_and_registered_keeps_every_decision(seeds_copy):
    path = seeds_copy / "mofcom-2015-best-practices.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    register_sha(seeds_copy, "mofcom-2015-best-practices")
    corpus = ftzdata.Corpus(seeds_copy)
    with _warnings.catch_warnings():
        _warnings.simplefilter("error")
        m = ftzdata.metrics(corpus=corpus)
    _same_dataset(m)
    shifted = m[m["doc_id"] == "mofcom-2015-best-practices"]
    old = SEEDS_METRICS[SEEDS_METRICS["doc_id"] == "mofcom-2015-best-practices"]
    assert (shifted["start"].to_numpy() == old["start"].to_numpy() + 1).all()
    for r in m.itertuples():
        assert corpus.text(r.doc_id)[r.start:r.end] == r.quote


def test_crlf_line_endings_registered_keep_every_decision(seeds_copy):
    for doc_id in ftzdata.Corpus(seeds_copy).doc_ids:
        path = seeds_copy / f"{doc_id}.txt"
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        register_sha(seeds_copy, doc_id)
    corpus = ftzdata.Corpus(seeds_copy)
    with _warnings.catch_warnings():
        _warnings.simplefilter("error")
        m = ftzdata.metrics(corpus=corpus)
    _same_dataset(m)
    assert len(ftzdata.cases(corpus)) == 67


def test_an_edited_figure_is_reported_never_published_beside_the_old_quote(seeds_copy, tmp_path, capsys):
    from ftzdata import build

    path = seeds_copy / "mofcom-2015-best-practices.txt"
    text = path.read_text(encoding="utf-8")
    old = "由36小时缩短至2.5小时"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "由96小时缩短至2.5小时"), encoding="utf-8")
    register_sha(seeds_copy, "mofcom-2015-best-practices")
    corpus = ftzdata.Corpus(seeds_copy)
    with pytest.warns(ftzdata.FtzDataWarning, match=r"mofcom-2015-best-practices\.review\.csv: accepted claim c\d+ "
                                                    r"“[^”]*36小时缩短至2\.5小时” is no longer in the text"):
        m = ftzdata.metrics(corpus=corpus)
    assert len(m) == len(SEEDS_METRICS) - 1
    assert not m["quote"].str.contains("96小时").any()
    for r in m.itertuples():
        assert corpus.text(r.doc_id)[r.start:r.end] == r.quote
    with pytest.warns(ftzdata.FtzDataWarning, match="no longer in the text"):
        pending = ftzdata.metrics(corpus=corpus, review="all")
    assert pending.loc[pending["quote"].str.contains("96小时"), "review"].tolist() == ["pending"]
    out = tmp_path / "out"
    assert build.main(["--out", str(out), "--corpus", str(seeds_copy)]) == 2
    err = capsys.readouterr().err
    assert "36小时缩短至2.5小时" in err and "no longer in the text" in err and "Traceback" not in err
    assert not out.exists()


def test_a_decision_survives_a_paragraph_added_before_it(seeds_copy):
    path = seeds_copy / "mofcom-2017-best-practices.txt"
    path.write_text("编者按:本文为转载。\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    register_sha(seeds_copy, "mofcom-2017-best-practices")
    with _warnings.catch_warnings():
        _warnings.simplefilter("error")
        _same_dataset(ftzdata.metrics(corpus=ftzdata.Corpus(seeds_copy)))
