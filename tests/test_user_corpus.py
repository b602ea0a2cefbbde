"""A corpus of the user's own documents, end to end: cases, zones, areas, domains, claims, review, charts, a PDF.

The documents are written here, in Chinese, for zones the bundled seeds do not have (Hainan, Hubei, Sichuan,
Xinjiang): one with nested numbered headings, one a tab table with HTML in cells, one in Traditional characters
with case headings, one plain prose. Every value checked below is the one the test wrote into the text.
"""

import csv
import hashlib
import warnings

import pandas as pd
import pytest

import ftzdata
import ftzdata.plot as fp
from ftzdata import Corpus, DocumentError, ReviewError
from ftzdata.review import read_review, sync_review

HAINAN = {"doc_id": "hainan-2020-cases", "file": "hainan.txt", "title_zh": "海南省关于印发海南自由贸易港第一批制度创新案例的通知",
          "date": "2020-06-10"}
HAINAN_TEXT = """海南省关于印发海南自由贸易港第一批制度创新案例的通知
一、贸易便利化
(一)国际贸易“单一窗口”
船舶进出境通关时间由{b1}小时缩短至{a1}小时。
(二)船舶登记
船舶登记办理时间由{b2}个工作日压缩至{a2}个工作日。
二、投资便利化
(三)企业开办
新设企业开办时间从{b3}天减至{a3}天,申请材料减少{c3}项。
"""
HUBEI = {"doc_id": "hubei-2019-list", "file": "hubei.txt", "title_zh": "湖北自贸试验区第二批改革试点经验", "zone": "湖北",
         "date": "2019"}
HUBEI_TEXT = ("湖北自贸试验区第二批改革试点经验\n序号\t改革事项\t主要内容\t负责单位\n"
              "1\t<p>进口通关改革</p>\t<p>武汉片区进口货物通关时间由{b1}小时压缩至{a1}小时。</p>\t武汉海关\n"
              "序号\t改革事项\t主要内容\t负责单位\n"
              "2\t企业注销改革\t<ol><li>简易注销办理时间由{b2}天缩短至{a2}天。</li></ol>\t省市场监管局\n")
SICHUAN = {"doc_id": "sichuan-2018-cases", "file": "sichuan.txt", "title_zh": "四川自貿試驗區最佳實踐案例", "date": "2018-05"}
SICHUAN_TEXT = """案例1
國際鐵路聯運“一單制”
(中國(四川)自由貿易試驗區提供)
貨物在途時間由原來的{b1}天縮短至{a1}天。
案例2
稅務“套餐式”服務
(中國(四川)自由貿易試驗區提供)
辦稅時間由{b2}分鐘減少到{a2}分鐘。
"""
XINJIANG = {"doc_id": "xinjiang-2024-news", "file": "xinjiang.txt", "title_zh": "新疆自贸试验区挂牌一年", "date": "2024-11-01"}
XINJIANG_TEXT = "新疆自贸试验区挂牌一年。霍尔果斯片区推行“提前申报”,以前报关要{b1}个小时,现在{a1}个小时就完成。\n"

VALUES = {"hainan": dict(b1=36, a1=2.5, b2=5, a2=1, b3=5, a3=1, c3=6), "hubei": dict(b1=72, a1=24, b2=20, a2=3),
          "sichuan": dict(b1=15, a1=10, b2=30, a2=10), "xinjiang": dict(b1=3, a1=1)}


def _write_corpus(root, with_sha=True):
    root.mkdir()
    docs = [(HAINAN, HAINAN_TEXT, "hainan"), (HUBEI, HUBEI_TEXT, "hubei"), (SICHUAN, SICHUAN_TEXT, "sichuan"),
            (XINJIANG, XINJIANG_TEXT, "xinjiang")]
    rows = []
    for meta, text, key in docs:
        data = text.format(**VALUES[key]).encode("utf-8")
        (root / meta["file"]).write_bytes(data)
        rows.append({**meta, "sha256": hashlib.sha256(data).hexdigest() if with_sha else ""})
    fields = ["doc_id", "file", "title_zh", "date", "zone", "sha256"]
    with open(root / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n")
        w.writeheader()
        w.writerows({k: r.get(k, "") for k in fields} for r in rows)
    return root


def _edit_review(path, i, **fields):
    """Edit row ``i`` of a review sidecar by hand, as a reviewer in Excel would; returns the rows."""
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
    rows[i].update(fields)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return rows


@pytest.fixture
def corpus_dir(tmp_path):
    return _write_corpus(tmp_path / "mine")


def test_cases_zones_areas_and_domains(corpus_dir):
    corpus = Corpus(corpus_dir)
    c = ftzdata.cases(corpus)
    by_doc = c.groupby("doc_id")["case_id"].count().to_dict()
    assert by_doc == {"hainan-2020-cases": 3, "hubei-2019-list": 2, "sichuan-2018-cases": 2, "xinjiang-2024-news": 1}
    zone = dict(zip(c["doc_id"], c["zone"].astype(str)))
    assert zone == {"hainan-2020-cases": "Hainan", "hubei-2019-list": "Hubei", "sichuan-2018-cases": "Sichuan",
                    "xinjiang-2024-news": "Xinjiang"}
    hainan = c[c["doc_id"] == "hainan-2020-cases"]
    assert hainan["domain_zh"].tolist() == ["贸易便利化", "贸易便利化", "投资便利化"]
    assert hainan["domain"].astype(str).tolist() == ["trade facilitation"] * 2 + ["investment facilitation"]
    assert hainan["title_zh"].tolist() == ["国际贸易“单一窗口”", "船舶登记", "企业开办"]
    assert c.loc[c["doc_id"] == "hubei-2019-list", "area"].fillna("").tolist() == ["Wuhan", ""]
    assert c.loc[c["doc_id"] == "xinjiang-2024-news", "area"].tolist() == ["Khorgos"]
    assert c["title_en"].isna().all()  # no review sidecar: English titles empty
    for r in c.itertuples():  # titles are the original text at their offsets
        assert corpus.text(r.doc_id)[r.title_start:r.title_end] == r.title_zh
    docs = ftzdata.documents(corpus)
    assert dict(zip(docs["doc_id"], docs["structure"])) == {
        "hainan-2020-cases": "paren-headings", "hubei-2019-list": "tsv-table",
        "sichuan-2018-cases": "case-headings", "xinjiang-2024-news": "whole-document"}


def test_claims_are_pending_until_reviewed_then_accepted(corpus_dir):
    corpus = Corpus(corpus_dir)
    with pytest.warns(ftzdata.errors.FtzDataWarning, match="await review"):  # and it says so
        assert ftzdata.metrics(corpus=corpus).empty  # nothing reviewed yet: nothing accepted
    pending = ftzdata.metrics(corpus=corpus, review="all")
    assert set(pending["review"]) == {"pending"}
    for r in pending.itertuples():
        assert corpus.text(r.doc_id)[r.start:r.end] == r.quote
    hn = pending[pending["doc_id"] == "hainan-2020-cases"].sort_values("start")
    v = VALUES["hainan"]
    assert hn.iloc[0][["before", "after"]].tolist() == [v["b1"], v["a1"]]
    assert hn.iloc[1][["before", "after"]].tolist() == [v["b2"] * 24, v["a2"] * 24]
    assert str(hn.iloc[0]["zone"]) == "Hainan" and str(hn.iloc[0]["domain"]) == "trade facilitation"
    trad = pending[pending["doc_id"] == "sichuan-2018-cases"].sort_values("start")
    assert trad.iloc[0]["quote"].startswith("貨物在途時間") or "縮短至" in trad.iloc[0]["quote"]
    assert trad.iloc[0][["before", "after"]].tolist() == [VALUES["sichuan"]["b1"] * 24, VALUES["sichuan"]["a1"] * 24]

    # review: sync writes every found claim as pending, then the reviewer accepts one by editing the CSV
    report = sync_review(corpus, "hainan-2020-cases")
    assert report["added"] == len(hn) and report["problems"] == []
    path = corpus.sidecar("hainan-2020-cases", "review")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel shows the Chinese text
    _edit_review(path, 0, status="accepted", metric="vessel_clearance_time", label_en="Clearance time of a vessel",
                 label_zh="船舶进出境通关时间")
    accepted = ftzdata.metrics(corpus=corpus)
    assert accepted["metric_id"].tolist() == ["hainan-2020-cases-01.vessel_clearance_time"]
    assert accepted.iloc[0][["before", "after"]].tolist() == [v["b1"], v["a1"]]
    ftzdata.validate(accepted, corpus=corpus)
    # a second sync keeps the decision and adds nothing
    again = sync_review(corpus, "hainan-2020-cases")
    assert again["added"] == 0
    assert read_review(corpus, "hainan-2020-cases")["status"].tolist().count("accepted") == 1


def test_filters_and_zone_names_follow_the_corpus(corpus_dir):
    corpus = Corpus(corpus_dir)
    m = ftzdata.metrics(corpus=corpus, review="all")
    assert len(ftzdata.metrics(zone="海南", corpus=corpus, review="all")) == (m["zone"] == "Hainan").sum() > 0
    assert ftzdata.metrics(zone="Shanghai", corpus=corpus, review="all").empty
    from ftzdata.report.params import corpus_zones
    assert corpus_zones(corpus_dir) == ("Hubei", "Sichuan", "Hainan", "Xinjiang")  # vocabulary order


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_in_both_languages(corpus_dir, lang):
    m = ftzdata.metrics(corpus=Corpus(corpus_dir), review="all")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no missing glyphs
        fig = fp.before_after(m, lang=lang)
        texts = " ".join(t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text")))
        fig2 = fp.change_pct(m, by="zone", lang=lang)
    names = {"en": ["Hainan", "Hubei", "Sichuan", "船舶登记"], "zh": ["海南", "湖北", "四川", "船舶登记"]}[lang]
    texts2 = " ".join(t.get_text() for t in fig2.findobj(lambda o: hasattr(o, "get_text")))
    assert all(n in texts2 for n in names), texts2[:300]
    source = {"en": "hainan-2020-cases", "zh": "海南省关于印发海南自由贸易港"}[lang]
    assert source in texts  # the source line names the user's document, not the seeds


def test_environment_variable_selects_the_corpus(corpus_dir, monkeypatch):
    monkeypatch.setenv("FTZDATA_CORPUS", str(corpus_dir))
    assert set(ftzdata.documents()["doc_id"]) == {"hainan-2020-cases", "hubei-2019-list", "sichuan-2018-cases",
                                                  "xinjiang-2024-news"}
    assert len(ftzdata.cases()) == 8


def test_a_document_without_sha256_is_read_with_a_warning(tmp_path):
    corpus = Corpus(_write_corpus(tmp_path / "nosha", with_sha=False))
    with pytest.warns(ftzdata.FtzDataWarning, match="no sha256 recorded for hainan-2020-cases"):
        corpus.text("hainan-2020-cases")


# ---------------------------------------------------------------------------------------- bad input
def _manifest(root):
    return list(csv.DictReader(open(root / "manifest.csv", encoding="utf-8")))


def _rewrite(root, rows, fields=None):
    fields = fields or list(rows[0])
    with open(root / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


@pytest.mark.parametrize("damage, message", [
    (lambda rows: (rows, [f for f in rows[0] if f != "file"]), r"manifest\.csv: missing column file; required: doc_id, file"),
    (lambda rows: (rows + [rows[0]], None), r"manifest\.csv: duplicate doc_id hainan-2020-cases"),
    (lambda rows: ([{**rows[0], "date": "2015-13-45"}] + rows[1:], None),
     r"manifest\.csv, line 2 \(doc_id hainan-2020-cases\): date '2015-13-45' is not a real date .*allowed: YYYY"),
    (lambda rows: ([{**rows[0], "titel_zh": "x"}] + rows[1:], list(rows[0]) + ["titel_zh"]),
     r"unknown column 'titel_zh'; allowed: doc_id, file, title_zh"),
    (lambda rows: ([{**rows[0], "doc_id": "Hainan 2020"}] + rows[1:], None), r"doc_id 'Hainan 2020' is not allowed"),
])
def test_bad_manifests_are_one_clear_error(corpus_dir, damage, message):
    rows, fields = damage(_manifest(corpus_dir))
    _rewrite(corpus_dir, rows, fields)
    with pytest.raises(DocumentError, match=message):
        Corpus(corpus_dir)


def _manifest_lines(root):
    return (root / "manifest.csv").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("damage, message", [
    (lambda lines: lines[:2] + [lines[2] + ",extra"] + lines[3:],
     r"manifest\.csv: not a readable CSV \(line 3: \d+ cells, but the header has \d+ columns\)"),
    (lambda lines: [lines[0] + ",doc_id"] + [line + ",x" for line in lines[1:]],
     r"manifest\.csv: the column doc_id is in the header twice"),
    (lambda lines: lines[:2] + [lines[2].replace(",", ',"', 1) + '"x'] + lines[3:],
     r"manifest\.csv: not a readable CSV \(line 3: "),
])
def test_manifest_rows_that_do_not_fit_the_header_are_named_by_line(corpus_dir, damage, message):
    path = corpus_dir / "manifest.csv"
    path.write_text("\n".join(damage(_manifest_lines(corpus_dir))) + "\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=message):
        Corpus(corpus_dir)


def test_blank_lines_and_short_rows_of_a_manifest_are_read_as_pandas_would(corpus_dir):
    """A blank line is skipped, and a row that stops early has its last cells empty; line numbers in errors
    count the file's lines."""
    lines = _manifest_lines(corpus_dir)
    header = lines[0].split(",")
    short = ",".join(lines[1].split(",")[:header.index("file") + 1])  # the row up to its file, nothing after
    (corpus_dir / "manifest.csv").write_text("\n".join([lines[0], "", short, *lines[2:]]) + "\n", encoding="utf-8")
    corpus = Corpus(corpus_dir)
    first = dict(zip(header, next(csv.reader([short]))))
    assert corpus.doc_ids[0] == first["doc_id"] and corpus.row(first["doc_id"])["sha256"] == ""
    assert len(corpus.doc_ids) == len(lines) - 1
    bad = [lines[0], "", *lines[1:2], lines[2].replace(lines[2].split(",")[0], "Bad Id", 1), *lines[3:]]
    (corpus_dir / "manifest.csv").write_text("\n".join(bad) + "\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"manifest\.csv, line 4: doc_id 'Bad Id' is not allowed"):
        Corpus(corpus_dir)


def test_the_zones_a_report_set_covers_follow_an_edited_manifest(corpus_dir):
    """The zones of a corpus are kept on disk (an unchanged rerun reads them without pandas), keyed by the
    manifest, texts and cases sidecars: dropping a document drops its zone, from a new process's view too."""
    from ftzdata.report.params import corpus_zones

    assert "Xinjiang" in corpus_zones(Corpus(corpus_dir))
    rows = [r for r in _manifest(corpus_dir) if r["doc_id"] != "xinjiang-2024-news"]
    _rewrite(corpus_dir, rows)
    assert corpus_zones(Corpus(corpus_dir)) == ("Hubei", "Sichuan", "Hainan")


def test_an_empty_manifest_and_a_missing_folder(tmp_path, corpus_dir):
    (corpus_dir / "manifest.csv").write_bytes(b"")
    with pytest.raises(DocumentError, match=r"manifest\.csv: the manifest is empty"):
        Corpus(corpus_dir)
    with pytest.raises(DocumentError, match=r"nowhere: corpus folder not found"):
        ftzdata.cases(tmp_path / "nowhere")


def test_sidecar_rows_for_unknown_cases_and_zones_are_named(corpus_dir):
    side = corpus_dir / "hainan-2020-cases.cases.csv"
    side.write_text("case_id,zone,title_en\nhainan-2020-cases-09,海南,Ghost case\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"hainan-2020-cases\.cases\.csv: rows for cases not in the document: "
                                          r"hainan-2020-cases-09; the document has hainan-2020-cases-01"):
        ftzdata.cases(Corpus(corpus_dir))
    side.write_text("case_id,zone,title_en\nhainan-2020-cases-01,Atlantis,Single window\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"cases\.csv, line 2, column zone: unknown zone 'Atlantis'; allowed: "
                                          r"Shanghai \(上海\)"):
        ftzdata.cases(Corpus(corpus_dir))
    side.write_text("case_id,zone,title_en\nhainan-2020-cases-01,Hainan,Single window\n", encoding="utf-8")
    c = ftzdata.cases(Corpus(corpus_dir))
    assert c.loc[c["case_id"] == "hainan-2020-cases-01", "title_en"].item() == "Single window"


def test_bad_review_rows_name_file_line_and_column(corpus_dir):
    side = corpus_dir / "hainan-2020-cases.review.csv"
    side.write_text("start,end,quote,status\n10,20,船舶,approved\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"review\.csv, line 2, column status: 'approved' is not allowed; "
                                          r"allowed: accepted, rejected, missed, pending"):
        ftzdata.metrics(corpus=Corpus(corpus_dir))
    side.write_text("start,end,quote,status,reason\n10,x,船舶,rejected,not an effect\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"line 2, column end: 'x' is not a character offset"):
        ftzdata.metrics(corpus=Corpus(corpus_dir))


@pytest.mark.parametrize("content, message", [
    # a row with more cells than the header, with a blank line before it: the line as an editor numbers it
    ("start,end,quote,status\n\n10,20,船舶,pending,extra\n",
     r"review\.csv: not a readable CSV \(line 3: 5 cells, but the header has 4 columns\)"),
    ("start,end,quote,status,status\n10,20,船舶,pending,pending\n",
     r"review\.csv: the column status is in the header twice; each column once"),
    ('start,end,quote,status\n10,20,"船舶,pending\n', r"review\.csv: not a readable CSV \(line \d+: "),
    ("start,end,quote\n10,20,船舶\n", r"review\.csv: missing column status; required: start, end, quote, status"),
    # a short row: its missing cells are empty, and the first that must not be is named
    ("start,end,quote,status\n\n\n10,20,船舶\n", r"review\.csv, line 4, column status: '' is not allowed"),
])
def test_a_review_that_is_no_readable_table_is_one_error_naming_its_line(corpus_dir, content, message):
    side = corpus_dir / "hainan-2020-cases.review.csv"
    side.write_text(content, encoding="utf-8")
    with pytest.raises(ReviewError, match=message):
        ftzdata.metrics(corpus=Corpus(corpus_dir))


def test_a_review_with_blank_lines_reads_as_without(corpus_dir):
    """Blank lines (an editor's, Excel's trailing ones) are skipped; cells are stripped."""
    side = corpus_dir / "hainan-2020-cases.review.csv"
    text = Corpus(corpus_dir).text("hainan-2020-cases")
    quote = text[10:20]
    side.write_text(f"start,end,quote,status\n10,20,{quote},pending\n", encoding="utf-8")
    plain = read_review(Corpus(corpus_dir), "hainan-2020-cases")
    side.write_text(f"\ufeffstart , end,quote,status\n\n 10 ,20,{quote}, pending \n\n\n", encoding="utf-8")
    spaced = read_review(Corpus(corpus_dir), "hainan-2020-cases")
    assert spaced.attrs["lines"] == [3]
    pd.testing.assert_frame_equal(spaced, plain)
    assert plain[["start", "end", "quote", "status"]].values.tolist() == [[10, 20, quote, "pending"]]


def test_the_build_refuses_nothing_written(corpus_dir, tmp_path, capsys):
    from ftzdata import build

    side = corpus_dir / "hainan-2020-cases.review.csv"
    side.write_text("start,end,quote,status\n10,20,船舶,approved\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build.main(["--out", str(out), "--corpus", str(corpus_dir)]) == 2
    err = capsys.readouterr().err
    assert "column status" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_coverage_of_cases_without_domain_or_zone(corpus_dir, lang):
    corpus = Corpus(corpus_dir)
    c = ftzdata.cases(corpus)
    assert c["domain"].isna().any()  # the Hubei table, the Sichuan headings and the Xinjiang news name none
    fig = fp.coverage(c, ftzdata.metrics(corpus=corpus, review="all"), lang=lang)
    texts = " ".join(t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text")))
    assert {"en": "(no domain given)", "zh": "（未注明领域）"}[lang] in texts
    n_none = int(c["domain"].isna().sum())
    assert f"/ {n_none})" in texts


def test_pending_claims_show_what_the_reviewer_already_wrote(corpus_dir):
    corpus = Corpus(corpus_dir)
    sync_review(corpus, "hainan-2020-cases")
    path = corpus.sidecar("hainan-2020-cases", "review")
    rows = _edit_review(path, 1, metric="ship_registration_time", label_en="Time to register a ship")  # still pending
    m = ftzdata.metrics(corpus=corpus, review="all")
    row = m[m["start"] == int(rows[1]["start"])].iloc[0]
    assert (row["metric"], row["label_en"], row["review"]) == ("ship_registration_time", "Time to register a ship",
                                                                "pending")


def test_init_with_seeds_gives_the_same_dataset_and_refuses_a_full_folder(tmp_path, capsys):
    from ftzdata.cli import main

    dest = tmp_path / "copy"
    assert main(["init", str(dest), "--with-seeds"]) == 0
    seeds = ftzdata.metrics()
    mine = ftzdata.metrics(corpus=dest)
    cols = ["metric_id", "before", "after", "change_pct", "quote", "start", "end"]
    assert mine[cols].equals(seeds[cols])
    assert main(["init", str(dest)]) == 2
    assert "already exists and is not an empty folder" in capsys.readouterr().err
    assert main(["status", "--corpus", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "mofcom-2015-best-practices" in out and "case-headings" in out


def test_a_zone_profile_pdf_of_the_users_corpus(corpus_dir, tmp_path):
    import shutil
    import subprocess

    from ftzdata.cli import main

    corpus = Corpus(corpus_dir)
    sync_review(corpus, "hainan-2020-cases")
    path = corpus.sidecar("hainan-2020-cases", "review")
    _edit_review(path, 0, status="accepted", metric="vessel_clearance_time", label_en="Clearance time of a vessel",
                 label_zh="船舶进出境通关时间")
    out = tmp_path / "reports"
    assert main(["report", "zone_profile", "-p", "zone", "Hainan", "-p", "lang", "zh", "--corpus", str(corpus_dir),
                 "--out", str(out), "--formats", "pdf", "-q"]) == 0
    pdf = out / "zone_profile-Hainan-zh.pdf"
    assert pdf.is_file()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "海南" in text and "船舶进出境通关时间" in text
    v = VALUES["hainan"]
    assert f"{v['b1']}" in text  # the value the test wrote into the Hainan notice
    assert main(["report", "zone_profile", "-p", "zone", "Shanghai", "--corpus", str(corpus_dir), "--out", str(out),
                 "--formats", "pdf", "-q"]) == 2  # no Shanghai case in this corpus: refused before any kernel
