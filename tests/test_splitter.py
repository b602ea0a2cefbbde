"""The case splitter: every structure on small documents written here, the seeds, speed, bad input.

Expected titles, domains and zones are read off the test's own document text (the line after a marker,
the words inside a note), never typed as the splitter's output.
"""

import csv
import importlib
import re
import shutil
import time

import pytest

import ftzdata
from ftzdata.corpus import Corpus
from ftzdata.errors import DocumentError
from ftzdata.normalize import normalize, to_simplified
from ftzdata.splitter import STRUCTURES, domain_as_written, split
from conftest import SEEDS

MANIFEST = {r["doc_id"]: r for r in csv.DictReader(open(SEEDS / "manifest.csv", encoding="utf-8"))}


def _split(text, hint=None):
    return split(normalize(text), hint)


def _titles(text, result):
    """The original text at each case's title span."""
    return [text[c.title_start:c.title_end] for c in result.cases]


def _lines_after(text, pattern):
    """The next non-empty line after each line matching ``pattern`` (how a reader finds the title)."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if re.fullmatch(pattern, line.strip()):
            out.append(next(x for x in lines[i + 1:] if x.strip()).strip())
    return out


def _check_spans(text, result):
    for c in result.cases:
        assert 0 <= c.start <= c.title_start < c.title_end <= c.end <= len(text)
    assert [c.seq for c in result.cases] == list(range(1, len(result.cases) + 1))
    for a, b in zip(result.cases, result.cases[1:]):
        assert a.end <= b.start


# ---------------------------------------------------------------------------------------- case headings
HAINAN = """海南自由贸易港制度创新案例(第一批)

贸易便利化-案例1
国际船舶登记“一站式”服务
(海南自由贸易港提供)
海南推行国际船舶登记“一站式”办理,登记时间由5个工作日压缩至1个工作日。
一、主要做法
建立联合审批机制。
二、实践效果
企业满意。
投资便利化-案例2
市场主体注销“一件事”改革
(中国(海南)自由贸易试验区提供)
推行简易注销,办理时间缩短一半。
一、主要做法
并联办理。
贸易便利化-案例3
洋浦港“直通港区”模式
(海南自由贸易港洋浦经济开发区提供)
进口货物直接提离港区。
"""


def test_case_headings_with_domain_prefix_and_zone_notes():
    r = _split(HAINAN)
    assert r.structure == "case-headings"
    _check_spans(HAINAN, r)
    assert _titles(HAINAN, r) == _lines_after(HAINAN, r"\S+-案例\d+")
    assert [c.domain_zh for c in r.cases] == re.findall(r"^(\S+)-案例\d+$", HAINAN, re.M)
    assert [c.zone_zh for c in r.cases] == ["海南"] * 3  # 海南自由贸易港 and 中国(海南)自由贸易试验区
    assert "一、主要做法" in r.cases[0].text and "压缩至1个工作日" in r.cases[0].text
    assert "(海南自由贸易港提供)" not in r.cases[0].text  # the zone note is not the case's text
    assert HAINAN[r.cases[-1].start:r.cases[-1].end].rstrip().endswith("进口货物直接提离港区。")


SICHUAN_TRAD = """中國(四川)自由貿易試驗區第三批制度創新案例
目錄
案例1:天府國際機場“智慧通關”
案例2:跨境人民幣結算便利化
案例1
天府國際機場“智慧通關”
（中國（四川）自由貿易試驗區成都天府新區片區提供）
　　旅客通關時間由30分鐘縮短至10分鐘。
案例2
跨境人民幣結算便利化
（中國（四川）自由貿易試驗區川南臨港片區提供）
　　結算時間由3天縮短至1天。
"""


def test_traditional_case_headings_after_a_table_of_contents():
    r = _split(SICHUAN_TRAD)
    assert r.structure == "case-headings"
    _check_spans(SICHUAN_TRAD, r)
    # the body's headings, not the table of contents (the last run 1..N)
    assert _titles(SICHUAN_TRAD, r) == _lines_after(SICHUAN_TRAD, r"案例\d")
    assert r.cases[0].start == SICHUAN_TRAD.index("案例1\n")
    assert {c.zone_zh for c in r.cases} == {to_simplified("四川")}
    assert [c.domain_zh for c in r.cases] == [None, None]
    assert r.cases[1].text == to_simplified("結算時間由3天縮短至1天。")


# ---------------------------------------------------------------------------------------- numbered headings
HUBEI_NESTED = """中国(湖北)自由贸易试验区第二批改革创新成果
(中国(湖北)自由贸易试验区提供)
一、贸易便利化领域(2项)
(一)多式联运“一单制”。以一份单证完成全程运输,物流成本下降20%。
(二)汉欧班列“铁路快通”。通关时间由2天缩短至4小时。
二、投资便利化领域(1项)
(一)企业开办“一网通办”。开办时间压缩至1个工作日。
"""


def test_nested_headings_keep_their_parent_as_domain():
    r = _split(HUBEI_NESTED)
    assert r.structure == "paren-headings"
    _check_spans(HUBEI_NESTED, r)
    heads = re.findall(r"^\([一二]\)(.+?)。", HUBEI_NESTED, re.M)
    assert _titles(HUBEI_NESTED, r) == heads
    parents = re.findall(r"^[一二]、(.+?)\(\d项\)$", HUBEI_NESTED, re.M)
    assert [c.domain_zh for c in r.cases] == [parents[0], parents[0], parents[1]]
    assert [c.zone_zh for c in r.cases] == ["湖北"] * 3  # the note before the first case
    assert r.cases[1].text == "通关时间由2天缩短至4小时。"
    # a case ends where the next parent heading begins
    assert not HUBEI_NESTED[r.cases[1].start:r.cases[1].end].rstrip().endswith("(1项)")


def test_nested_numbering_that_continues_under_the_next_parent():
    text = HUBEI_NESTED.replace("(一)企业开办", "(三)企业开办")
    r = _split(text)
    assert r.structure == "paren-headings" and len(r.cases) == 3
    assert r.cases[2].domain_zh == domain_as_written("二、投资便利化领域(1项)") == "投资便利化领域"


def test_cn_headings_as_cases():
    text = "新疆自贸试验区首批试点经验\n一、中欧班列集结中心建设。开行量增长30%。\n二、棉花“保税+期货”交割。\n正文。\n"
    r = _split(text)
    assert r.structure == "cn-headings"
    assert _titles(text, r) == ["中欧班列集结中心建设", "棉花“保税+期货”交割。"]
    assert r.cases[0].text == "开行量增长30%。"


@pytest.mark.parametrize("marker, structure", [
    ("{n}.", "arabic-headings"), ("{n}、", "arabic-headings"), ("{c}", "circled-headings"),
    ("{n2} ", "numbered-lines"),
])
def test_other_numbered_headings(marker, structure):
    titles = ["喀什综合保税区“两步申报”", "霍尔果斯口岸“提前申报”", "乌鲁木齐国际陆港区“一站式”服务"]
    lines = ["新疆自贸试验区创新案例", "(中国(新疆)自由贸易试验区提供)"]
    for i, t in enumerate(titles, 1):
        lines += [marker.format(n=i, c="①②③"[i - 1], n2=f"{i:02d}") + t, f"通关时间缩短{i}0%。"]
    text = "\n".join(lines) + "\n"
    r = _split(text)
    assert r.structure == structure
    _check_spans(text, r)
    assert _titles(text, r) == titles
    assert [c.zone_zh for c in r.cases] == ["新疆"] * 3
    assert [c.text for c in r.cases] == [f"通关时间缩短{i}0%。" for i in (1, 2, 3)]


# ---------------------------------------------------------------------------------------- tables
PIPE = """附件 湖北自贸试验区改革试点经验清单
分类 | 序号 | 改革事项 | 主要内容 | 责任单位 |
一、贸易便利化(2项) | 1 | 出口退税“无纸化” | 退税时间缩短至3天。 | 武汉海关、省税务局 |
2 | 进口“两段准入” | 货物提离时间缩短一半。 | 武汉海关 |
分类 | 序号 | 改革事项 | 主要内容 | 责任单位 |
二、金融开放创新(1项) | 3 | 跨境融资便利化 | 融资成本下降。 | 人民银行武汉分行 |
"""


def test_pipe_table_with_carried_categories_and_a_repeated_header():
    r = _split(PIPE)
    assert r.structure == "pipe-table"
    _check_spans(PIPE, r)
    # the cells after the number cell: title, content, units
    rows = [m.groups() for m in re.finditer(r"(?:^|\| )\d \| (.+?) \| (.+?) \| (.+?) \|$", PIPE, re.M)]
    assert _titles(PIPE, r) == [row[0] for row in rows]
    assert [c.domain_zh for c in r.cases] == ["贸易便利化", "贸易便利化", "金融开放创新"]
    assert [c.lead_units for c in r.cases] == [row[2].split("、") for row in rows]
    assert [c.text for c in r.cases] == [row[1] for row in rows]


TSV = ("四川自贸试验区第四批可复制改革经验\n\n序号\t创新举措\t具体内容\t牵头单位\n"
       "1\t“一证通办”\t<p>1. 企业凭营业执照办理&nbsp;全部事项。</p><p>2. 办理时间缩短80%。</p>\t省政务服务中心\n\n"
       "序号\t创新举措\t具体内容\t牵头单位\n"
       "2\t中欧班列“蓉欧+”\t<ol><li>运输时间缩短至12天。</li></ol>\t成都国际铁路港管委会、成都海关\n")


def test_tsv_table_with_html_in_cells():
    r = _split(TSV)
    assert r.structure == "tsv-table"
    _check_spans(TSV, r)
    assert _titles(TSV, r) == [line.split("\t")[1] for line in TSV.splitlines() if line[:1].isdigit()]
    assert not any(re.search(r"<|&nbsp;", c.text) for c in r.cases)
    assert "办理时间缩短80%" in r.cases[0].text
    assert r.cases[1].lead_units == ["成都国际铁路港管委会", "成都海关"]
    assert [c.domain_zh for c in r.cases] == [None, None]


XINJIANG_HTML = """<p>（中國（新疆）自由貿易試驗區提供）</p>
<table>
<tr><th>序號</th><th>創新舉措</th><th>具體內容</th><th>責任單位</th></tr>
<tr><td colspan="4">一、貿易便利化(2項)</td></tr>
<tr><td>1</td><td><b>中歐班列“鐵路快通”</b></td><td><p>通關時間由1天<br>縮短至2小時。</p></td><td>烏魯木齊海關</td></tr>
<tr><th>序號</th><th>創新舉措</th><th>具體內容</th><th>責任單位</th></tr>
<tr><td>2</td><td>棉花“保稅倉儲”</td><td>倉儲成本下降&amp;30%。</td><td>烏魯木齊海關、自治區商務廳</td></tr>
<tr><td colspan="4">二、投資便利化(1項)</td></tr>
<tr><td>3</td><td>外資企業“一窗通辦”</td><td>辦理時間壓縮至3天。</td><td>自治區市場監管局</td></tr>
</table>
"""


def test_html_table_in_traditional_with_categories_and_repeated_header():
    r = _split(XINJIANG_HTML)
    assert r.structure == "html-table"
    _check_spans(XINJIANG_HTML, r)
    titles = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<tr><td>\d</td><td>(.+?)</td>", XINJIANG_HTML)]
    assert _titles(XINJIANG_HTML, r) == titles
    cats = [to_simplified(c) for c in re.findall(r"[一二]、(.+?)\(", XINJIANG_HTML)]
    assert [c.domain_zh for c in r.cases] == [cats[0], cats[0], cats[1]]
    assert [c.zone_zh for c in r.cases] == ["新疆"] * 3
    assert r.cases[1].lead_units == [to_simplified(u) for u in ("烏魯木齊海關", "自治區商務廳")]
    assert not any("<" in c.text for c in r.cases) and r.cases[1].text == to_simplified("倉儲成本下降&30%。")


def test_rows_without_a_header_are_not_a_table():
    text = "1 | 甲事项 | 内容 |\n2 | 乙事项 | 内容 |\n"
    assert _split(text).structure == "whole-document"


# ---------------------------------------------------------------------------------------- fallback, hints
def test_a_document_without_structure_is_one_case():
    text = "\n关于支持湖北自贸试验区高质量发展的若干措施\n(湖北自贸试验区提供)\n为进一步深化改革,现提出如下措施。\n"
    r = _split(text)
    assert r.structure == "whole-document" and len(r.cases) == 1
    c = r.cases[0]
    assert text[c.title_start:c.title_end] == text.split("\n")[1]
    assert c.zone_zh == "湖北" and c.text == "为进一步深化改革,现提出如下措施。"
    assert text[c.start:c.end] == text.strip()


def test_one_numbered_heading_is_not_a_structure():
    text = "海南自贸港政策解读\n一、总体要求\n坚持制度集成创新。\n"
    assert _split(text).structure == "whole-document"


def test_hint_restricts_to_one_structure_and_unknown_hints_are_refused():
    assert _split(HUBEI_NESTED, "cn-headings").structure == "cn-headings"
    assert len(_split(HUBEI_NESTED, "cn-headings").cases) == 2
    with pytest.raises(ValueError, match="structure 'bogus' is unknown; allowed: case-headings"):
        _split(HUBEI_NESTED, "bogus")


def test_structure_names_are_the_documented_ones():
    assert set(STRUCTURES) >= {"case-headings", "pipe-table", "tsv-table", "html-table", "whole-document"}
    for text in (HAINAN, SICHUAN_TRAD, HUBEI_NESTED, PIPE, TSV, XINJIANG_HTML, "无结构的文字。"):
        assert _split(text).structure in STRUCTURES


# ---------------------------------------------------------------------------------------- the seeds
SEED_IDS = [d for d, r in MANIFEST.items() if r["layout"] != "summaries"]


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seeds_are_found_without_hints(doc_id):
    """Detection alone picks each seed's structure and its cases; titles are the text at the spans."""
    r = split(ftzdata.normalized_text(doc_id))
    assert r.structure == MANIFEST[doc_id]["layout"]
    assert len(r.cases) == int(MANIFEST[doc_id]["n_cases"])
    original = ftzdata.document_text(doc_id)
    cases = ftzdata.cases()
    cases = cases[cases["doc_id"] == doc_id]
    assert [original[c.title_start:c.title_end] for c in r.cases] == cases["title_zh"].tolist()
    assert [(c.start, c.end) for c in r.cases] == list(zip(cases["start"], cases["end"]))


def test_case_ids_take_the_manifest_prefix():
    cases = ftzdata.cases()
    for doc_id in SEED_IDS:
        ids = cases.loc[cases["doc_id"] == doc_id, "case_id"]
        prefix = MANIFEST[doc_id]["case_prefix"] or doc_id
        assert ids.tolist() == [f"{prefix}-{i:02d}" for i in range(1, len(ids) + 1)]


def test_structures_name_each_documents_structure():
    s = importlib.import_module("ftzdata.cases").structures()  # ftzdata.cases is also the function
    assert s.to_dict() == {d: r["layout"] for d, r in MANIFEST.items()}


def _copy_seeds(tmp_path, edit):
    shutil.copytree(SEEDS, tmp_path / "c")
    path = tmp_path / "c" / "manifest.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    fields, rows = edit(list(rows[0]), rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows([{k: r[k] for k in fields} for r in rows])
    return Corpus(tmp_path / "c")


def test_empty_layouts_are_detected_and_give_the_same_cases(tmp_path):
    def blank(fields, rows):
        for r in rows:
            r["layout"] = "" if r["layout"] != "summaries" else "summaries"
        return fields, rows
    got = ftzdata.cases(_copy_seeds(tmp_path, blank))
    want = ftzdata.cases()
    cols = ["case_id", "title_zh", "start", "end", "title_start", "title_end", "domain_zh", "text"]
    assert got[cols].equals(want[cols])


def test_a_manifest_without_case_prefix_reads_it_as_empty(tmp_path):
    corpus = _copy_seeds(tmp_path, lambda f, rows: ([c for c in f if c != "case_prefix"], rows))
    assert corpus.documents()["case_prefix"].isna().all()
    # the seeds' case sidecars name the cases by their prefixed ids: now rows for cases that do not exist
    with pytest.raises(ftzdata.ReviewError, match=r"mofcom-2015-best-practices\.cases\.csv: rows for cases not in "
                                                  r"the document: mofcom2015-01"):
        ftzdata.cases(corpus)


def test_an_unknown_layout_is_one_clear_error(tmp_path):
    def bad(fields, rows):
        rows[1]["layout"] = "two-columns"
        return fields, rows
    corpus = _copy_seeds(tmp_path, bad)
    with pytest.raises(DocumentError, match=r"manifest\.csv: layout 'two-columns' of .* is unknown; allowed: "
                                            r"empty \(detect\), summaries, case-headings"):
        ftzdata.cases(corpus)


# ---------------------------------------------------------------------------------------- speed
@pytest.mark.parametrize("kind", ["headings", "table", "noise"])
def test_linear_time_on_a_200k_character_document(kind):
    if kind == "headings":
        unit = "案例{n}\n标题{n}\n(中国(四川)自由贸易试验区提供)\n一、主要做法\n(一)做法。1.细则。\n正文正文正文。\n"
    elif kind == "table":
        unit = "序号 | 改革事项 | 主要内容 | 负责单位 |\n{n} | 事项{n} | <p>内容</p> | 单位甲、单位乙 |\n"
    else:
        unit = "一、" * 20 + "(一)" * 20 + "| \t" * 20 + "<tr><td>" * 10 + "\n1.\n①\n"
    parts, n = [], 0
    while sum(map(len, parts)) < 200_000:
        n += 1
        parts.append(unit.format(n=n))
    text = "".join(parts)
    norm = normalize(text)
    t0 = time.perf_counter()
    r = split(norm)
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, f"{elapsed:.1f} s for {len(text)} characters"
    if kind != "noise":
        assert len(r.cases) == n


def test_inline_case_headings_carry_their_zone_note():
    """The textbook's form 案例N:标题(湖北自贸试验区提供)。 for any zone; the note is not the title."""
    text = ("湖北、四川自贸试验区案例选编\n"
            "案例1:多式联运“一单制”(湖北自贸试验区提供)。\n主要做法:一单到底。\n"
            "案例2:中欧班列“蓉欧+”(中国(四川)自由贸易试验区提供)。\n主要做法:集拼分拨。\n")
    r = _split(text)
    assert r.structure == "case-headings"
    _check_spans(text, r)
    assert _titles(text, r) == re.findall(r"案例\d:(.+?)\(", text)
    assert [c.zone_zh for c in r.cases] == ["湖北", "四川"]
    assert [c.text for c in r.cases] == ["主要做法:一单到底。", "主要做法:集拼分拨。"]
