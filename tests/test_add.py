"""``ftzdata add``: real files of each format (made here) into a temporary corpus; text, metadata, cases,
claims and offsets checked against the files' own text; every refusal and every interrupted add leaves the
corpus byte-identical."""

from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import ftzdata
from ftzdata import Corpus
from ftzdata.add import AddOptions, Added, Failed, add_files, corpus_lock, derive_doc_id
from ftzdata.cli import main
from ftzdata.corpus import MANIFEST_COLUMNS
from ftzdata.corpus_admin import init_corpus
from ftzdata.dictionary import COLUMNS
from ftzdata.extract import claims as extract_claims
from ftzdata.ingest import read_document
from ftzdata.review import read_review
import test_ingest_samples as S

ROOT = Path(__file__).resolve().parent.parent
BIG5_TEXT = ("福建自貿試驗區廈門片區進口整體通關時間由原來的48小時壓縮至12小時。\n"
             "據介紹，海關推行「提前申報」等改革，企業通關成本每箱降低200元。\n福建省商務廳\n2019年3月5日")
HAINAN_TEXT = ("海南自由贸易港制度创新案例\n一、国际贸易“单一窗口”\n船舶进出境通关时间由36小时缩短至2.5小时。\n"
               "二、企业开办\n新设企业开办时间从5天减至1天，申请材料减少6项。\n海南省人民政府\n2020年6月10日")


def tree(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` (hidden ones too): relative path -> sha256 of its bytes, or 'dir'."""
    out = {}
    for p in sorted(root.rglob("*")):
        out[str(p.relative_to(root))] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def corpus(tmp_path):
    return init_corpus(tmp_path / "corpus")


@pytest.fixture
def files(tmp_path):
    """One file of each format, written here."""
    d = tmp_path / "in"
    d.mkdir()
    out = {"html": d / "notice.html", "gb18030": d / "hainan.txt", "big5": d / "xiamen.txt"}
    out["html"].write_bytes(S.gov_page_html().encode("gb18030"))
    out["gb18030"].write_bytes(HAINAN_TEXT.replace("\n", "\r\n").encode("gb18030"))
    out["big5"].write_bytes(BIG5_TEXT.encode("big5"))
    out["docx"] = S.write_docx(d / "plan.docx")
    return out


def manifest(root: Path) -> list[dict]:
    with open(root / "manifest.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def add_one(corpus: Path, path: Path, *args, capsys=None) -> tuple[int, dict]:
    rc = main(["add", str(path), "--corpus", str(corpus), *args])
    rows = [r for r in manifest(corpus) if r["source_file"] == path.name]
    return rc, (rows[-1] if rows else {})


def check_document(corpus: Path, row: dict, source: Path) -> str:
    """What must hold for every added document; returns its stored text."""
    root = corpus
    text_bytes = (root / row["file"]).read_bytes()
    text = text_bytes.decode("utf-8")
    assert text == read_document(source).text                       # the extracted text, as stored
    assert row["sha256"] == hashlib.sha256(text_bytes).hexdigest()
    original = root / row["original"]
    assert original.name == source.name and original.read_bytes() == source.read_bytes()  # byte for byte
    assert row["original_sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    c = Corpus(root)
    review = read_review(c, row["doc_id"])
    found = extract_claims(text)
    assert sorted(zip(review["start"], review["end"])) == sorted(zip(found["start"], found["end"]))
    assert set(review["status"]) <= {"pending"}
    cases = ftzdata.cases(c)
    cases = cases[cases["doc_id"] == row["doc_id"]]
    for r in review.itertuples():
        assert text[r.start:r.end] == r.quote
        if r.case_id:
            case = cases[cases["case_id"] == r.case_id].iloc[0]
            assert case["start"] <= r.start and r.end <= case["end"]
    for r in cases.itertuples():
        assert text[r.title_start:r.title_end] == r.title_zh
    return text


# ------------------------------------------------------------------------------------------------ formats


def test_a_web_page_goes_in_with_its_metadata_cases_and_claims(corpus, files, capsys):
    page = files["html"]
    rc, row = add_one(corpus, page)
    out = capsys.readouterr().out
    assert rc == 0
    text = check_document(corpus, row, page)
    for p in S.PARAGRAPHS:
        assert p in text
    for junk in S.NAV[1:] + S.SHARE + [S.SCRIPT_TEXT, S.FOOTER[0]]:
        assert junk not in text
    assert "\t".join(S.TABLE[1]) in text                          # a table row is a line of tab-separated cells
    assert (row["title_zh"], row["issuer"], row["doc_number"]) == (S.TITLE, S.ISSUER, S.DOC_NUMBER)
    assert row["date"] == S.DATE.isoformat() and row["script"] == "simplified"
    assert row["zone"] == "Guangdong"                              # 南沙自贸片区 names the Guangdong FTZ
    assert row["encoding"] == "gb18030" and row["source_url"] == ""
    assert row["doc_id"] == f"guangdong-{S.DATE.isoformat()}-{row['sha256'][:4]}"
    n_cases = int((ftzdata.cases(Corpus(corpus))["doc_id"] == row["doc_id"]).sum())
    n_claims = len(read_review(Corpus(corpus), row["doc_id"]))
    assert n_claims > 0
    assert f"{n_cases} case" in out and f"{n_claims} found" in out and "encoding gb18030" in out
    assert f"issuer      {S.ISSUER}  [detected]" in out
    assert "source_url  —  [empty: pass --source-url]" in out
    docs = ftzdata.documents(Corpus(corpus))
    assert docs.loc[docs["doc_id"] == row["doc_id"], "structure"].item() in out


def test_word_file_user_values_win_and_are_marked_passed(corpus, files, capsys):
    rc, row = add_one(corpus, files["docx"], "--doc-id", "nansha-plan", "--title", "南沙深化改革方案",
                      "--date", "2018-07", "--zone", "广东", "--source-url", "http://example.org/a.docx")
    out = capsys.readouterr().out
    assert rc == 0
    text = check_document(corpus, row, files["docx"])
    assert "一、总体要求" in text and "（一）主要任务" in text     # Word's numbering kept
    assert "\t".join(S.TABLE[2]) in text
    assert row["doc_id"] == "nansha-plan" and row["file"] == "nansha-plan.txt"
    assert (row["title_zh"], row["date"], row["zone"]) == ("南沙深化改革方案", "2018-07", "Guangdong")
    assert row["doc_number"] == S.DOC_NUMBER and row["encoding"] == ""  # detected; Word has no text encoding
    assert "added nansha-plan (passed)" in out and "南沙深化改革方案  [passed]" in out
    assert f"doc_number  {S.DOC_NUMBER}  [detected]" in out


def test_text_files_in_gb18030_and_big5(corpus, files, capsys):
    rc = main(["add", str(files["gb18030"]), str(files["big5"]), "--corpus", str(corpus)])
    assert rc == 0
    rows = {r["source_file"]: r for r in manifest(corpus)}
    hn, xm = rows["hainan.txt"], rows["xiamen.txt"]
    assert check_document(corpus, hn, files["gb18030"]) == HAINAN_TEXT   # CRLF → LF, otherwise verbatim
    assert check_document(corpus, xm, files["big5"]) == BIG5_TEXT
    assert (hn["encoding"], xm["encoding"]) == ("gb18030", "big5")
    assert (hn["script"], xm["script"]) == ("simplified", "traditional")
    assert (hn["zone"], xm["zone"]) == ("Hainan", "Fujian")
    assert (hn["date"], xm["date"]) == ("2020-06-10", "2019-03-05")
    assert hn["doc_id"].startswith("hainan-2020-06-10-") and xm["doc_id"].startswith("fujian-2019-03-05-")
    cases = ftzdata.cases(Corpus(corpus))
    assert cases.loc[cases["doc_id"] == hn["doc_id"], "title_zh"].tolist() == ["国际贸易“单一窗口”", "企业开办"]
    pending = ftzdata.metrics(corpus=Corpus(corpus), review="all")
    mine = pending[pending["doc_id"] == xm["doc_id"]].sort_values("start")
    assert mine.iloc[0]["quote"] in BIG5_TEXT and "48小時" in mine.iloc[0]["quote"]
    out = capsys.readouterr().out
    assert "encoding big5" in out and "encoding gb18030" in out and "2 added, 0 failed" in out


def test_a_pdf_with_a_text_layer(corpus, tmp_path):
    pdf = S.write_pdf(tmp_path / "notice.pdf")
    rc, row = add_one(corpus, pdf)
    assert rc == 0
    text = check_document(corpus, row, pdf)
    assert S.PDF_HEADER not in text and S.pdf_paragraphs()[0] in text  # header dropped, paragraph rejoined
    assert row["title_zh"] == S.TITLE and row["date"] == S.DATE.isoformat() and row["encoding"] == ""


def test_a_scan_is_refused_and_the_other_files_still_go_in(corpus, files, tmp_path, capsys):
    scan = S.write_image_pdf(tmp_path / "scan.pdf")
    rc = main(["add", str(scan), str(files["gb18030"]), "--corpus", str(corpus)])
    err = capsys.readouterr().err
    assert rc == 1
    assert err.strip().splitlines() == [f"ftzdata: error: {scan}: no text layer (a scan?): run OCR first"]
    assert [r["source_file"] for r in manifest(corpus)] == ["hainan.txt"]
    assert not list(corpus.glob("originals/*/scan.pdf"))


# ------------------------------------------------------------------------------------------------ refusals


def _refused(corpus: Path, argv: list[str], capsys, rc: int, message: str) -> None:
    before = tree(corpus)
    assert main(argv) == rc
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert tree(corpus) == before


def test_every_refusal_leaves_the_corpus_byte_identical(corpus, files, tmp_path, capsys):
    assert main(["add", str(files["gb18030"]), "--corpus", str(corpus)]) == 0
    doc_id = manifest(corpus)[0]["doc_id"]
    c = ["--corpus", str(corpus)]
    _refused(corpus, ["add", str(files["gb18030"]), *c], capsys, 1, f"already in the corpus as {doc_id} (the same file)")
    same_text = tmp_path / "same.md"
    same_text.write_text(HAINAN_TEXT, encoding="utf-8")           # other bytes, the same text
    _refused(corpus, ["add", str(same_text), *c], capsys, 1, f"already in the corpus as {doc_id} (the same text)")
    _refused(corpus, ["add", str(files["big5"]), "--doc-id", doc_id, *c], capsys, 1,
             f"doc_id {doc_id} is already in the corpus")
    (corpus / "stray.txt").write_text("left here by hand", encoding="utf-8")
    _refused(corpus, ["add", str(files["big5"]), "--doc-id", "stray", *c], capsys, 1,
             f"stray.txt already in {corpus} but not in its manifest")
    bad = tmp_path / "table.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    _refused(corpus, ["add", str(bad), *c], capsys, 1, "cannot read '.xls' files; allowed:")
    _refused(corpus, ["add", str(tmp_path / "nope.pdf"), *c], capsys, 1, "nope.pdf: no such file")
    # bad usage: exit 2, nothing read
    _refused(corpus, ["add", str(files["big5"]), str(files["html"]), "--title", "T", *c], capsys, 2,
             "--title name one document, but 2 files were given")
    _refused(corpus, ["add", str(files["big5"]), "--date", "2019-13-01", *c], capsys, 2,
             "--date '2019-13-01' is not a real date")
    _refused(corpus, ["add", str(files["big5"]), "--date", "5 March 2019", *c], capsys, 2,
             "allowed: YYYY, YYYY-MM or YYYY-MM-DD")
    _refused(corpus, ["add", str(files["big5"]), "--zone", "Atlantis", *c], capsys, 2, "unknown --zone 'Atlantis'")
    _refused(corpus, ["add", str(files["big5"]), "--doc-id", "Xiamen Notice", *c], capsys, 2,
             "--doc-id 'Xiamen Notice' is not allowed")
    _refused(corpus, ["add", str(files["big5"]), "--corpus", str(tmp_path / "nowhere")], capsys, 2,
             "corpus folder not found")


def test_same_content_twice_in_one_call_goes_in_once(corpus, files, tmp_path, capsys):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(files["big5"].read_bytes())
    results = add_files(corpus, [files["big5"], copy])
    assert isinstance(results[0], Added) and isinstance(results[1], Failed)
    assert f"already in the corpus as {results[0].doc_id}" in results[1].message
    assert len(manifest(corpus)) == 1


# ------------------------------------------------------------------------------------------------ interruptions


def _fail_after_first_move(monkeypatch, exc):
    """os.rename raises ``exc`` once one file (the text) has been moved into the corpus."""
    real, moved = os.rename, []

    def rename(src, dst, *a, **k):
        if moved:
            raise exc
        real(src, dst, *a, **k)
        moved.append(dst)

    monkeypatch.setattr(os, "rename", rename)
    return moved


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_add_leaves_the_corpus_as_it_was(corpus, files, monkeypatch, exc, capsys):
    assert main(["add", str(files["big5"]), "--corpus", str(corpus)]) == 0
    before = tree(corpus)
    moved = _fail_after_first_move(monkeypatch, exc)
    if isinstance(exc, KeyboardInterrupt):
        with pytest.raises(KeyboardInterrupt):
            add_files(corpus, [files["gb18030"]])
    else:
        assert main(["add", str(files["gb18030"]), "--corpus", str(corpus)]) == 1
        assert "hainan.txt: could not be added (No space left on device); nothing added" in capsys.readouterr().err
    assert moved and Path(moved[0]).name.endswith(".txt")      # the text had been moved in
    assert tree(corpus) == before


def test_ctrl_c_at_the_manifest_leaves_the_corpus_as_it_was(corpus, files, monkeypatch):
    before = tree(corpus)
    real = os.replace

    def replace(src, dst, *a, **k):
        if Path(dst).name == "manifest.csv":
            raise KeyboardInterrupt
        real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        add_files(corpus, [files["html"]])
    assert tree(corpus) == before


CRASH = """
import os, sys
from pathlib import Path
real = os.replace
def replace(src, dst, *a, **k):
    if Path(dst).name == "manifest.csv":
        os._exit(3)  # the process dies: no clean-up runs
    real(src, dst, *a, **k)
os.replace = replace
from ftzdata.cli import main
main(["add", sys.argv[1], "--corpus", sys.argv[2]])
"""


def test_a_crash_is_rolled_back_by_the_next_add(corpus, files, capsys):
    before = tree(corpus)
    done = subprocess.run([sys.executable, "-c", CRASH, str(files["big5"]), str(corpus)], cwd=ROOT)
    assert done.returncode == 3
    left = tree(corpus)
    assert any(k.startswith(".add-") for k in left) and any(k.endswith(".txt") for k in left if "/" not in k)
    assert main(["add", str(files["big5"].with_name("missing.txt")), "--corpus", str(corpus)]) == 1
    assert tree(corpus) == before                              # the stale add was rolled back
    assert main(["add", str(files["big5"]), "--corpus", str(corpus)]) == 0  # and the file can be added now


def test_two_adds_on_one_corpus_take_turns(corpus, files):
    cmd = [sys.executable, "-m", "ftzdata", "add", str(files["big5"]), "--corpus", str(corpus), "-q"]
    with corpus_lock(corpus):  # another add holds the corpus
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(6)          # time to start, read the file and reach the lock
        assert proc.poll() is None and manifest(corpus) == []       # it waits: nothing written
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "waiting for another `ftzdata add`" in err
    assert [r["source_file"] for r in manifest(corpus)] == ["xiamen.txt"]


# ------------------------------------------------------------------------------------------------ the manifest


def test_an_older_manifest_keeps_its_rows_and_gains_the_new_columns(seeds_copy, files):
    before = manifest(seeds_copy)
    n_cases = len(ftzdata.cases(Corpus(seeds_copy)))
    assert "original" not in before[0]
    (added,) = add_files(seeds_copy, [files["gb18030"]])
    after = manifest(seeds_copy)
    assert [{k: r[k] for k in before[0]} for r in after[:-1]] == before
    assert after[-1]["original"] == f"originals/{added.doc_id}/hainan.txt"
    cases = ftzdata.cases(Corpus(seeds_copy))
    assert len(cases) == n_cases + added.n_cases and added.n_cases == 2


def test_manifest_columns_are_in_the_data_dictionary():
    assert [c for c in MANIFEST_COLUMNS if c not in COLUMNS["documents"]] == []


def test_derived_doc_ids():
    sha = hashlib.sha256(b"x").hexdigest()
    assert derive_doc_id({"title_zh": "Shanghai FTZ: Annual Report", "date": "2021"}, "a.pdf", sha, set()) == \
        "shanghai-ftz-annual-report-2021"
    row = {"title_zh": "海南省关于印发…的通知", "zone": "Hainan", "date": "2020-06-10"}
    first = derive_doc_id(row, "a.html", sha, set())
    assert first == f"hainan-2020-06-10-{sha[:4]}"
    assert derive_doc_id(row, "a.html", sha, {first}) == f"hainan-2020-06-10-{sha[:6]}"  # unique in the corpus
    assert derive_doc_id({}, "Notice_2018 final.docx", sha, set()) == f"notice-2018-final-{sha[:4]}"
    assert derive_doc_id({}, "通知.docx", sha, set()) == f"doc-{sha[:4]}"


def test_quiet_gives_one_line_per_document(corpus, files, capsys):
    assert main(["add", str(files["gb18030"]), str(files["big5"]), "--corpus", str(corpus), "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    ids = [r["doc_id"] for r in manifest(corpus)]
    assert [ln.split()[1] for ln in lines[:2]] == ids and lines[2].startswith("2 added, 0 failed")
    assert all("claims pending" in ln or "claim pending" in ln for ln in lines[:2])


def test_options_checked_in_the_library_too(corpus, files):
    with pytest.raises(ValueError, match="--doc-id name one document"):
        add_files(corpus, [files["big5"], files["gb18030"]], AddOptions(doc_id="x"))


REAL = ROOT / "benchmarks" / "realtext"


def test_the_zone_a_real_text_names_far_more_often_is_its_zone(corpus, capsys):
    """A report on Qianhai that names the Shanghai FTZ once (batch1 doc 16) is about Guangdong, and the summary
    says which zones the text names; a text on a Hebei–Tianjin agreement that names both about equally (batch24
    doc 10) gets no zone but the advice to pass --zone."""
    from ftzdata.normalize import to_simplified
    from ftzdata.vocab import zone_mentions

    qianhai = REAL / "batch1" / "docs" / "16_gd_qianhai_half_year_2015.txt"
    named = zone_mentions(to_simplified(qianhai.read_text(encoding="utf-8")))
    assert set(named) == {"Guangdong", "Shanghai"} and named["Guangdong"] >= 3 * named["Shanghai"]
    rc, row = add_one(corpus, qianhai)
    assert rc == 0 and row["zone"] == "Guangdong"
    assert "(the text names Shanghai, Guangdong)" in capsys.readouterr().out
    both = REAL / "batch24" / "docs" / "10_heb_zhengding_tianjin_agreement_2023.txt"
    named = zone_mentions(to_simplified(both.read_text(encoding="utf-8")))
    assert set(named) == {"Tianjin", "Hebei"}
    rc, row = add_one(corpus, both)
    assert rc == 0 and row["zone"] == ""
    assert "empty: the text names Tianjin, Hebei; pass --zone if it is about one" in capsys.readouterr().out


def test_an_areas_short_name_that_is_a_common_phrase_names_no_zone():
    """科技创新 and 高端产业 are the short names of two Beijing areas and common phrases: a Harbin plan that speaks
    of 科技创新 (batch39 doc 09) names no zone; the area's full name still does, and so do the place names added as
    aliases (天府新区, 前海蛇口)."""
    from ftzdata.normalize import to_simplified
    from ftzdata.vocab import main_zone, zones_named

    path = REAL / "batch39" / "docs" / "09_hlj_harbin_new_area_2024_targets.txt"
    text = to_simplified(path.read_text(encoding="utf-8"))
    assert "科技创新" in text and zones_named(text) == [] and main_zone(text) is None
    assert zones_named("北京自贸试验区科技创新片区发布政策。") == ["Beijing"]
    assert zones_named("天府新区推行极简审批。") == ["Sichuan"] and zones_named("前海蛇口推行新政。") == ["Guangdong"]


def test_a_case_takes_the_zone_its_text_names_far_more_often(corpus, tmp_path):
    """With no zone in the manifest (left empty by hand) and none in the title, a case whose text names one zone
    three times and another once is the first one's, as ``add`` reads a document's zone."""
    path = tmp_path / "note.txt"
    path.write_text("改革经验介绍\n福建自贸试验区推行“一口受理”。福建自贸试验区学习上海自贸试验区的做法。"
                    "福建自贸试验区企业开办时间由5天压缩至1天。\n", encoding="utf-8")
    rc, row = add_one(corpus, path)
    assert rc == 0 and row["zone"] == "Fujian"
    rows = manifest(corpus)
    with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows([{**r, "zone": ""} for r in rows])
    cases = ftzdata.cases(Corpus(corpus))
    assert set(cases.loc[cases["doc_id"] == row["doc_id"], "zone"].astype(str)) == {"Fujian"}


def test_a_zone_named_through_a_mirrors_pinyin_or_a_city_areas_short_form():
    """Mirror sites insert pinyin inside words (安徽自貿(mào)試驗區, batch27 doc 02): the zone is read from the text as
    extraction reads it; 大连自贸片区 (batch76 doc 01) names the Dalian area, hence Liaoning."""
    from ftzdata.add import manifest_row

    for batch, name, zone in (("batch27", "02_ah_ftz_q1_2023_presser_trad.txt", "Anhui"),
                              ("batch76", "01_ln_dalian_area_permit_green_channel_2020.txt", "Liaoning")):
        text = (REAL / batch / "docs" / name).read_text(encoding="utf-8")
        assert manifest_row(text, AddOptions())[0].get("zone") == zone, name


def test_metrics_of_a_corpus_whose_claims_all_await_review_says_so(corpus, tmp_path):
    """A corpus just filled with `ftzdata add` (a real report, batch65 doc 01) has claims but none accepted:
    metrics() is empty and warns once, naming how many await review, the document and the command; a filter that
    matches no pending claim, and a corpus with accepted claims, give no warning."""
    import warnings

    from ftzdata.errors import FtzDataWarning

    src = ROOT / "benchmarks" / "realtext" / "batch65" / "docs" / "01_zj_zhoushan_reform_gains_2019.txt"
    rc, row = add_one(corpus, src)
    assert rc == 0
    pending = ftzdata.metrics(corpus=corpus, review="all")
    assert len(pending) and (pending["review"] == "pending").all()
    with pytest.warns(FtzDataWarning, match=rf"{len(pending)} found in .* await review \({row['doc_id']}\).*"
                                            rf"ftzdata review {row['doc_id']}") as got:
        assert ftzdata.metrics(corpus=corpus).empty
    assert len(got) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error", FtzDataWarning)
        assert ftzdata.metrics(corpus=corpus, kind="area").empty
        assert len(ftzdata.metrics())
