"""ftzdata.ingest: real files of each format made here, read back; metadata read from their text."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import pytest

from ftzdata.errors import FtzDataError, IngestError
from ftzdata.ingest import detect_metadata, read_document, zones_named
from ftzdata.ingest.unwrap import hard_wrap
from ftzdata.normalize import to_simplified
import test_ingest_samples as S
from conftest_extract import from_real, real_text


def _lines(text):
    return text.split("\n")


def _assert_in_order(text, parts):
    pos = -1
    for part in parts:
        at = text.find(part, pos + 1)
        assert at > pos, f"{part!r} missing or out of order"
        pos = at


# ------------------------------------------------------------------------------------------------ HTML


@pytest.fixture(scope="module")
def gov_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "notice.html"
    path.write_bytes(S.gov_page_html().encode("gb18030"))
    return path


def test_html_keeps_the_article_and_drops_navigation_scripts_share_and_footer(gov_page):
    got = read_document(gov_page)
    assert got.format == "html" and got.encoding == "gb18030"
    lines = _lines(got.text)
    assert lines[0] == S.TITLE
    for p in S.PARAGRAPHS + S.LIST_ITEMS + [S.DOC_NUMBER, S.ISSUER, S.DATE_ZH]:
        assert p in lines  # paragraphs and list items are whole lines
    _assert_in_order(got.text, [S.TITLE, S.DOC_NUMBER, *S.PARAGRAPHS, "\t".join(S.TABLE[0]), *S.LIST_ITEMS, S.DATE_ZH])
    for junk in S.NAV + S.FOOTER + S.SHARE + [S.SCRIPT_TEXT, "当前位置", "打印本页", "关闭窗口", "相关文章", "_hmt"]:
        assert junk not in got.text, junk


def test_html_table_rows_are_tab_separated_lines_and_br_ends_a_line(gov_page):
    lines = _lines(read_document(gov_page).text)
    for row in S.TABLE:
        assert "\t".join(row) in lines
    i = lines.index("一、总体要求")
    assert lines[i + 1] == "以制度创新为核心，对标国际先进规则。"


def test_html_keeps_the_publication_line_for_metadata(gov_page):
    text = read_document(gov_page).text
    assert f"来源：{S.SOURCE}" in text and "发布时间：2018-07-05" in text
    assert text.index("发布时间") < text.index(S.DOC_NUMBER)


def test_html_layout_table_page_falls_back_to_readability(tmp_path):
    path = tmp_path / "old.htm"
    path.write_bytes(S.layout_table_page_html().encode("gbk"))
    got = read_document(path)
    assert got.encoding == "gb18030"
    for p in S.PARAGRAPHS:
        assert p in _lines(got.text)
    for junk in S.NAV + S.FOOTER + S.SHARE + ["通知公告", "打印"]:
        assert junk not in got.text, junk
    assert any("readability" in w for w in got.warnings)


def test_html_without_charset_is_detected_and_utf8_declared_page_read(tmp_path):
    undeclared = tmp_path / "a.html"
    undeclared.write_bytes(S.gov_page_html().replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "").encode("gb18030"))
    assert read_document(undeclared).encoding == "gb18030"
    assert S.PARAGRAPHS[2] in read_document(undeclared).text
    utf8 = tmp_path / "b.html"
    utf8.write_bytes(S.gov_page_html(charset="utf-8").encode("utf-8"))
    got = read_document(utf8)
    assert got.encoding == "utf-8" and not got.warnings and S.PARAGRAPHS[1] in got.text


def test_html_declared_charset_that_is_wrong_gives_a_warning(tmp_path):
    path = tmp_path / "c.html"
    path.write_bytes(S.gov_page_html(charset="gb2312").encode("utf-8"))
    got = read_document(path)
    assert got.encoding == "utf-8" and S.PARAGRAPHS[0] in got.text
    assert any("declares gb18030" in w for w in got.warnings)


# ------------------------------------------------------------------------------------------------ DOCX


@pytest.fixture(scope="module")
def numbered_docx(tmp_path_factory):
    return S.write_docx(tmp_path_factory.mktemp("docx") / "notice.docx")


def _word_number(fmt, level_text, n):
    """The label Word draws for item ``n`` of a level, from the sample's own level text and format."""
    import cn2an

    placeholder = level_text[level_text.index("%"): level_text.index("%") + 2]
    return level_text.replace(placeholder, cn2an.an2cn(n) if fmt == "chineseCounting" else str(n))


def test_docx_numbering_is_rendered_from_numbering_xml(numbered_docx):
    sample = S.DocxSample()
    lines = _lines(read_document(numbered_docx).text)
    counters: dict[int, int] = {}
    expected = []
    for level, text in sample.items:
        counters[level] = counters.get(level, 0) + 1
        counters = {k: v for k, v in counters.items() if k <= level}
        fmt, lvl_text = sample.levels[level]
        expected.append(_word_number(fmt, lvl_text, counters[level]) + text)
    numbered = [ln for ln in lines if any(ln.endswith(t) for _, t in sample.items)]
    assert numbered == expected
    assert expected[0].startswith("一、") and expected[1].startswith("（一）") and expected[2].startswith("1.")


def test_docx_list_style_numbering_and_document_order(numbered_docx):
    got = read_document(numbered_docx)
    assert got.format == "docx" and got.encoding is None
    lines = _lines(got.text)
    assert [ln for ln in lines if ln.endswith(tuple(S.LIST_ITEMS))] == [f"{i}. {x}" for i, x in enumerate(S.LIST_ITEMS, 1)]
    table_at = lines.index("\t".join(S.TABLE[0]))
    assert lines[table_at + 1: table_at + len(S.TABLE)] == ["\t".join(r) for r in S.TABLE[1:]]
    third_item = S.DocxSample().items[2][1]
    assert lines[table_at - 1].endswith(third_item)  # the table comes where it is in the document
    assert lines[0] == S.TITLE and lines[-1] == S.DATE_ZH


# ------------------------------------------------------------------------------------------------ PDF


@pytest.fixture(scope="module")
def two_page_pdf(tmp_path_factory):
    return S.write_pdf(tmp_path_factory.mktemp("pdf") / "notice.pdf")


def test_pdf_rejoins_paragraphs_and_drops_running_header_and_page_numbers(two_page_pdf):
    got = read_document(two_page_pdf)
    assert got.format == "pdf" and got.encoding is None and not got.warnings
    lines = _lines(got.text)
    paragraphs = S.pdf_paragraphs()
    assert [ln for ln in lines if ln.startswith("第")] == paragraphs  # each wrapped paragraph one line again
    assert lines[:2] == [S.TITLE, S.DOC_NUMBER] and lines[-2:] == [S.ISSUER, S.DATE_ZH]
    assert S.PDF_HEADER not in got.text
    assert not any(ln.replace(" ", "").replace("\u3000", "").strip("-").isdigit() for ln in lines)


@pytest.mark.parametrize("style", ["第{}页", "{}/2"])
def test_pdf_other_page_number_styles_are_dropped(tmp_path, style):
    got = read_document(S.write_pdf(tmp_path / "p.pdf", page_number=style))
    assert _lines(got.text)[-1] == S.DATE_ZH
    assert "第1页" not in got.text and "1/2" not in got.text


def test_pdf_without_text_layer_is_refused(tmp_path):
    path = S.write_image_pdf(tmp_path / "scan.pdf")
    with pytest.raises(IngestError, match=r"scan\.pdf: no text layer \(a scan\?\): run OCR first"):
        read_document(path)


# ------------------------------------------------------------------------------------------------ text


CLAIM_T = "福建自貿試驗區廈門片區進口整體通關時間由原來的48小時壓縮至12小時。"


@pytest.mark.parametrize("encoding, text", [
    ("gb18030", "\n".join(S.PARAGRAPHS)),
    ("big5", CLAIM_T + "\n據介紹，海關推行「提前申報」等改革，企業通關成本每箱降低200元。"),
    ("utf-8", "\n".join(S.PARAGRAPHS)),
    ("utf-8-sig", "\n".join(S.PARAGRAPHS)),
])
def test_text_encodings_are_detected_and_returned(tmp_path, encoding, text):
    path = tmp_path / f"doc.{'md' if encoding == 'utf-8' else 'txt'}"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    got = read_document(path)
    assert got.format == "text" and got.encoding == encoding
    assert got.text == text  # CRLF → LF, BOM dropped, otherwise verbatim
    assert got.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_gbk_file_reads_as_gb18030(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(S.PARAGRAPHS[2].encode("gbk"))
    got = read_document(path)
    assert got.encoding == "gb18030" and got.text == S.PARAGRAPHS[2]


REALTEXT = Path(__file__).resolve().parent.parent / "benchmarks" / "realtext"


@pytest.mark.parametrize("doc, columns", [("batch3/docs/12_cq_liangjiang_2017_trad.txt", 40),
                                          ("batch3/docs/12_cq_liangjiang_2017_trad.txt", 80),
                                          ("batch19/docs/02_gd_ftz_clearance_2015_trad.txt", 60)])
def test_a_hard_wrapped_text_file_is_read_as_its_paragraphs(tmp_path, doc, columns):
    """A real text hard-wrapped at ``columns`` (copied out of a PDF) and saved in GB18030 reads back as the
    text itself, with a warning that says so, and the extractor finds the same claims in it (and in the wrapped
    copy read as it is: the extractor rejoins hard-wrapped lines too)."""
    from ftzdata.extract import claims

    text = (REALTEXT / doc).read_text(encoding="utf-8").strip("\n")
    wrapped = hard_wrap(text, columns)
    assert wrapped != text and claims(wrapped)[["before_low", "after_low"]].equals(claims(text)[["before_low", "after_low"]])
    path = tmp_path / "copied.txt"
    path.write_bytes(wrapped.encode("gb18030"))
    got = read_document(path)
    assert got.text == text
    assert len(got.warnings) == 1 and "hard-wrapped" in got.warnings[0]
    assert claims(got.text)["quote"].tolist() == claims(text)["quote"].tolist()


def test_a_hard_wrapped_markdown_file_keeps_its_headings_bullets_and_quotes(tmp_path):
    """Paragraphs of a real text under a Markdown heading, as bullets and as a quote, hard-wrapped at 60
    columns: each paragraph is rejoined, and every heading, bullet and quote line still starts its own."""
    paras = [p for p in (REALTEXT / "batch1/docs/01_sh_zhangjiang_two_warehouses.txt").read_text(encoding="utf-8")
             .split("\n") if len(p) > 80][:3]
    text = "\n".join(["# 张江", paras[0], "- " + paras[1], "- " + paras[2], "> " + paras[0]])
    path = tmp_path / "notes.md"
    path.write_text(hard_wrap(text, 60), encoding="utf-8")
    assert read_document(path).text == text


def test_text_that_is_not_hard_wrapped_is_read_as_it_is(tmp_path):
    """No line break is removed from a text whose lines are paragraphs: every real text of the benchmark
    batches (but the one PDF copy among them, below), a list of items of one width, table rows, a short note."""
    from ftzdata.ingest.unwrap import unwrap

    changed = [p.name for p in sorted(REALTEXT.glob("*/docs/*.txt")) if unwrap(p.read_text(encoding="utf-8"))[1]]
    assert changed == [DOUBLE_SPACED.name]
    items = "\n".join(f"{i}. 第{i}项改革事项的办理时间压缩至{i}个工作日以内；" for i in range(1, 9))
    rows = "\n".join(f"事项{i}\t改革前{i + 10}个工作日办结，改革后当场办结的事项\t{i}个工作日" for i in range(8))
    note = "通关时间由36小时缩短至2.5小时\n企业每年节省物流成本约300万元"
    for text in (items, rows, note):
        path = tmp_path / "plain.txt"
        path.write_bytes(text.encode("utf-8"))
        got = read_document(path)
        assert got.text == text and not got.warnings


DOUBLE_SPACED = REALTEXT / "batch65" / "docs" / "01_zj_zhoushan_reform_gains_2019.txt"


def test_a_double_spaced_pdf_copy_is_rejoined(tmp_path):
    """A report copied out of a PDF with an empty line after every line (batch65 doc 01: 为企业节约 / (empty) /
    2500 余万元) is read as hard-wrapped: its lines run on into their paragraphs, which still end where a line
    ends with 。, and the reader says so. The same text with its lines as paragraphs keeps them."""
    text = DOUBLE_SPACED.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    got = read_document(path)
    assert "为企业节约2500 余万元" in got.text and "从原来 9 天减少到 4 天" in got.text
    assert got.warnings and "hard-wrapped" in got.warnings[0]
    lines = [ln.rstrip() for ln in got.text.split("\n") if ln.strip()]
    ends = [ln.rstrip() for ln in text.split("\n") if ln.rstrip().endswith("。")]
    assert all(any(out.endswith(end) for out in lines) for end in ends)  # a paragraph still ends there
    assert "一、深化“最多跑一次”改革" in lines  # a heading stays a line of its own
    single = "\n\n".join(f"第{i}项改革事项的办理时间由原来的{i + 10}个工作日压缩至{i}个工作日以内。" for i in range(1, 9))
    path.write_bytes(single.encode("utf-8"))
    assert read_document(path).text == single


# ------------------------------------------------------------------------------------------------ errors


@pytest.mark.parametrize("name, data, message", [
    ("table.xls", b"\xd0\xcf\x11\xe0 whatever", r"table\.xls: cannot read '\.xls' files; allowed: \.docx, \.htm, \.html, \.md, \.pdf, \.txt"),
    ("README", b"text", r"README: cannot read files without a suffix; allowed: \.docx"),
    ("broken.docx", b"PK\x03\x04 not really a zip", r"broken\.docx: not a readable Word \.docx file"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, r"old\.docx: not a readable Word \.docx file .*save.* as \.docx"),
    ("broken.pdf", b"%PDF-1.7\nnothing here", r"broken\.pdf: not a readable PDF"),
    ("empty.txt", b"", r"empty\.txt: the file is empty"),
    ("blank.html", b"  \n\n ", r"blank\.html: the file is empty"),
    ("binary.txt", bytes(range(256)) * 4, r"binary\.txt: binary data, not a text file"),
    ("nav.html", b"<html><body><script>x()</script></body></html>", r"nav\.html: no article text found"),
])
def test_bad_files_raise_one_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=message) as info:
        read_document(path)
    assert isinstance(info.value, FtzDataError) and "\n" not in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(IngestError, match=r"nope\.pdf: no such file"):
        read_document(tmp_path / "nope.pdf")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match=r"dir\.txt: is a folder"):
        read_document(tmp_path / "dir.txt")


# ------------------------------------------------------------------------------------------------ metadata


def _quoted(text, meta, field):
    a, b = meta["spans"][field]
    return text[a:b]


def test_metadata_of_the_gov_page(gov_page):
    text = read_document(gov_page).text
    meta = detect_metadata(text)
    assert meta["title"] == S.TITLE and meta["doc_number"] == S.DOC_NUMBER
    assert meta["issuer"] == S.ISSUER  # the signature block wins over 来源
    assert meta["date"] == S.DATE.isoformat() and meta["date_precision"] == "day"  # the signed date
    assert meta["script"] == "simplified"
    for field in ("title", "doc_number", "issuer", "date"):
        assert _quoted(text, meta, field) in (meta[field], S.DATE_ZH)


def test_metadata_of_word_and_pdf_files(numbered_docx, two_page_pdf):
    for path in (numbered_docx, two_page_pdf):
        text = read_document(path).text
        meta = detect_metadata(text)
        assert (meta["title"], meta["doc_number"], meta["issuer"], meta["date"]) == (
            S.TITLE, S.DOC_NUMBER, S.ISSUER, S.DATE.isoformat()), path.name
        assert _quoted(text, meta, "date") == S.DATE_ZH


def test_metadata_of_a_news_page_uses_source_and_publication_date(tmp_path):
    path = tmp_path / "old.htm"
    path.write_bytes(S.layout_table_page_html().encode("gbk"))
    text = read_document(path).text
    meta = detect_metadata(text)
    assert meta["title"] == S.TITLE and meta["issuer"] == S.SOURCE
    assert meta["date"] == S.DATE.isoformat() and _quoted(text, meta, "date") == f"{S.DATE:%Y/%m/%d}"
    assert meta["doc_number"] is None


@pytest.mark.parametrize("number", ["国发〔2019〕16号", "国发[2019]16号", "国发(2019)16号", "国发（2019）16号",
                                    "閩政〔2019〕3號", "沪府规〔2020〕第7号"])
def test_doc_number_variants(number):
    text = f"关于做好自贸试验区工作的通知\n{number}\n各有关单位："
    assert detect_metadata(text)["doc_number"] == number


@pytest.mark.parametrize("written, iso, precision", [
    ("2018年7月2日", "2018-07-02", "day"), ("2018-07-02", "2018-07-02", "day"), ("2018/7/2", "2018-07-02", "day"),
    ("二〇一八年七月二日", "2018-07-02", "day"), ("二〇一九年十二月三十一日", "2019-12-31", "day"),
    ("2018年7月", "2018-07", "month"),
])
def test_date_forms_at_the_end_of_a_notice(written, iso, precision):
    text = f"关于做好自贸试验区工作的通知\n各有关单位：\n请认真贯彻执行。\n广州市商务局\n{written}"
    meta = detect_metadata(text)
    assert (meta["date"], meta["date_precision"]) == (iso, precision)
    assert _quoted(text, meta, "date") == written
    assert meta["issuer"] == "广州市商务局"


def test_labelled_date_and_issuer_win():
    text = "自贸区通关时间大幅压缩\n发布时间：2021-03-05 09:00　来源：厦门海关\n正文2019年1月1日以来……"
    meta = detect_metadata(text)
    assert meta["date"] == "2021-03-05" and meta["issuer"] == "厦门海关"
    assert detect_metadata("发文机关：国务院办公厅\n来源：中国政府网")["issuer"] == "国务院办公厅"


@pytest.mark.parametrize("batch, name, event", [
    ("batch74", "04_hn_zero_tariff_cars_21cbh_2025_trad.txt", "政策早在2020年12月25日就已落地"),
    ("batch1", "06_zj_ftz_oil_blending_xinhua.txt", "自2017年4月1日挂牌成立以来"),
])
def test_a_date_inside_a_sentence_is_no_document_date(batch, name, event):
    """Real news texts with no dateline: the first date among their first lines is an event's (the 2025 article
    on Hainan's closure names the 2020 policy); no date is better than a wrong one (``add`` asks for --date)."""
    text = real_text(batch, name)
    assert from_real(batch, name, event)
    assert detect_metadata(text)["date"] is None


@pytest.mark.parametrize("batch, name, dateline, date", [
    ("batch14", "14_sh_pudong_zhengzhao_fenli_2_0_2017_trad.txt", "2017年12月05日 07:43", "2017年12月05日"),
    ("batch16", "12_bj_hb_daxing_cbz_phase2_2024_trad.txt", "本報北京2024年12月31日電(記者", "2024年12月31日"),
])
def test_a_dateline_among_the_first_lines_is_the_document_date(batch, name, dateline, date):
    text = real_text(batch, name)
    assert from_real(batch, name, dateline)
    meta = detect_metadata(text)
    assert _quoted(text, meta, "date") == date and text.index(dateline) + dateline.index(date) == meta["spans"]["date"][0]
    y, m, d = (int(x) for x in re.findall(r"\d+", date))
    assert meta["date"] == f"{y:04d}-{m:02d}-{d:02d}"


def test_impossible_dates_and_missing_fields_are_none():
    meta = detect_metadata("随便一行文字\n2018年13月40日")
    assert meta["date"] is None and meta["doc_number"] is None and meta["issuer"] is None
    assert detect_metadata("plain English text")["script"] is None


def test_title_split_over_two_lines():
    text = "广州市人民政府关于印发南沙自贸片区\n深化改革方案的通知\n穗府函〔2018〕161号"
    meta = detect_metadata(text)
    assert meta["title"] == "广州市人民政府关于印发南沙自贸片区深化改革方案的通知"
    assert meta["issuer"] == "广州市人民政府"  # read from the title when nothing else names it


def test_script_of_big5_text(tmp_path):
    path = tmp_path / "tw.txt"
    path.write_bytes(CLAIM_T.encode("big5"))
    text = read_document(path).text
    assert detect_metadata(text)["script"] == "traditional"
    assert detect_metadata(to_simplified(text))["script"] == "simplified"


def test_zones_named_with_a_small_vocabulary():
    aliases = {"厦门片区": "Fujian", "福建自贸试验区": "Fujian", "南沙": "Guangdong", "南沙片区": "Guangdong",
               "前海": "Shenzhen"}
    assert zones_named(CLAIM_T, aliases) == ["Fujian"]  # Traditional text matched through its Simplified form
    assert zones_named("前海与南沙片区合作，厦门片区参与。", aliases) == ["Shenzhen", "Guangdong", "Fujian"]
    assert zones_named("上海临港新片区", aliases) == []
    assert detect_metadata("南沙片区", aliases)["zones"] == ["Guangdong"]
