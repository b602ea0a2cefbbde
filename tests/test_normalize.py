"""Normalised text and its map back to the original."""

import html
import re

import pytest

import ftzdata
from ftzdata.normalize import _WIDTH, normalize, normalize_text, to_simplified
from conftest import SEEDS

DOC_IDS = list(ftzdata.documents()["doc_id"])


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_character_maps_back_to_where_it_came_from(doc_id):
    original = ftzdata.document_text(doc_id)
    n = ftzdata.normalized_text(doc_id)
    assert len(n.starts) == len(n.ends) == len(n.text)
    assert (n.starts[1:] >= n.starts[:-1]).all(), "map is monotonic"
    assert ((n.ends - n.starts) >= 1).all()
    for i, ch in enumerate(n.text):
        src = original[n.starts[i]:n.ends[i]]
        if len(src) == 1:
            assert to_simplified(src).translate(_WIDTH) == ch, (i, src, ch)
        else:  # a multi-character source: an HTML tag (-> newline) or entity
            assert (ch == "\n" and src.startswith("<")) or html.unescape(src).startswith(ch), (i, src, ch)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_spans_quote_the_original_verbatim(doc_id):
    original = ftzdata.document_text(doc_id)
    n = ftzdata.normalized_text(doc_id)
    for m in re.finditer(r"[^\n,。;:]{4,40}", n.text):
        s, e = n.original_span(*m.span())
        assert n.quote(*m.span()) == original[s:e]
        assert normalize(original[s:e]).text.strip() == m.group(0).strip()


def test_traditional_becomes_simplified():
    n = ftzdata.normalized_text("guangzhou-nansha-batch3-2018")
    assert "報關單“一鍵改配”" in ftzdata.document_text("guangzhou-nansha-batch3-2018")
    j = n.text.index("报关单“一键改配”")
    assert n.quote(j, j + 9) == "報關單“一鍵改配”"


def test_word_debris_is_removed():
    original = ftzdata.document_text("mofcom-2017-best-practices")
    assert "[bookmark: _GoBack]" in original and "办 证" in original and "\u3000\u3000" in original
    text = ftzdata.normalized_text("mofcom-2017-best-practices").text
    assert "[bookmark" not in text and "办 证" not in text and "\u3000" not in text
    assert text.count("办证") == original.count("办 证") + original.count("办证")
    assert not re.search(r"^ ", text, re.M)


def test_html_markup_is_removed():
    original = ftzdata.document_text("tianjin-2021-replicable-experiences")
    assert "<ol" in original and "<p>" in original
    text = ftzdata.normalized_text("tianjin-2021-replicable-experiences").text
    assert not re.search(r"</?(p|ol|li)\b", text)
    assert "采集天津口岸300余家" in text  # spaces around numbers inside Chinese text are dropped


def test_entities_and_widths():
    n = normalize("A&amp;B&nbsp;C（约３０％）")
    assert n.text == "A&B C(约30%)"
    assert n.quote(1, 2) == "&amp;"


@pytest.mark.parametrize("text", ["", " ", "\n\n", "<p></p>", "&bogus;", "\u3000", "a\r\nb"])
def test_edge_cases(text):
    n = normalize(text)
    assert len(n.starts) == len(n.text)
    for i in range(len(n.text)):
        assert 0 <= n.starts[i] < n.ends[i] <= len(text)


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError):
        normalize(b"bytes")


def test_pinyin_that_mirror_sites_insert_inside_words_is_removed_with_its_offsets():
    from ftzdata.normalize import normalize

    original = "減少審批環(huán)節(jié)43%,壓縮空箱調(diào)運(yùn)成本約15%"
    n = normalize(original)
    assert n.text == "减少审批环节43%,压缩空箱调运成本约15%"
    i = n.text.index("43%")
    s, e = n.original_span(i, i + 3)
    assert original[s:e] == "43%"
    for kept in ("标准箱(TEU)", "企业(a)类", "上海(沪)", "(一)贸易便利化"):
        assert normalize(kept).text == kept


def test_pinyin_debris_with_a_space_after_a_garbled_character_or_cut_off_is_removed():
    """Real mirror-site debris (benchmarks/realtext): 創(chuàng )新, M(jìn) after a garbled character, (dòn at a line's end."""
    from pathlib import Path

    from ftzdata.normalize import normalize

    docs = Path(__file__).resolve().parents[1] / "benchmarks" / "realtext"
    for batch, name, debris, clean in (
            ("batch11", "10_hun_chenzhou_*.txt", "新創(chuàng )", "新创"),
            ("batch1", "08_fj_xiamen*.txt", "靶羞M(jìn)", "靶羞M"),
            ("batch9", "14_ah_linkag*.txt", "動(dòn\n", "动\n")):
        text = next((docs / batch / "docs").glob(name)).read_text(encoding="utf-8")
        assert debris in text, (batch, debris)
        n = normalize(text)
        i = n.text.index(clean)
        s, e = n.original_span(i, i + len(clean))
        assert text.startswith(debris, s), text[s:e]  # the cleaned words still point at the source's characters
        assert n.text[i + len(clean):i + len(clean) + 1] != "("
    # a letter in brackets that is no pinyin stays (企业(a)类, (ODI), 流中心(B型)); a toneless one mid-line too
    for kept in ("企业(a)类", "对外投资(ODI)", "流中心(B型)", "方案(a)第二条"):
        assert normalize(kept).text == kept


def test_normalize_text_is_the_text_of_normalize():
    """The short-string path (no offset map) gives normalize()'s text: on every line of the seeds and the real
    texts, and on the debris each pass removes."""
    from pathlib import Path

    from ftzdata.normalize import clean_text, normalize_text

    root = Path(__file__).resolve().parents[1]
    lines = [line for f in sorted((root / "seeds").glob("*.txt")) + sorted((root / "benchmarks" / "realtext").glob("*/docs/*.txt"))
             for line in f.read_text(encoding="utf-8").split("\n")]
    debris = ["<p>办 证</p>", "&amp;&#x4e2d;&nbsp;", "區(qū)域 環(huán)節(jié)", "[bookmark: _Toc1] \n", "a\u3000\u3000b",
              "（１２３）", " 天津口岸 300 余家 ", "x\r\ny", "\ud800", ""]
    assert len(lines) > 5000
    for s in lines + debris + ["\n".join(lines[:50])]:
        assert normalize_text(s) == normalize(s).text, s
        assert clean_text(s) == normalize(s).text.strip()


def test_a_list_items_dash_between_chinese_words_is_a_line_break():
    """Digest pages list items with " - " (batch4 doc 22: 全程时效控制在17天 [3] - 跨里海…运输时间压缩至最快11天 [3] - 中哈…): the dash
    between Chinese words (or after a citation's bracket) ends the item as a line break would, so a claim and its
    subject stay inside their item and quote the original; a range with spaced digits (20 - 30天) and Latin text keep
    theirs, and the short-string path agrees."""
    from pathlib import Path

    from ftzdata.extract import claims, quantities

    doc = Path(__file__).resolve().parents[1] / "benchmarks/realtext/batch4/docs/22_sn_xian_rail_port_2025_digest.txt"
    text = doc.read_text(encoding="utf-8")
    c = claims(text)
    assert not c["subject"].str.contains(r"\] -|\[\d\]", regex=True).any(), c["subject"].tolist()
    assert all(text[a:b] == q for a, b, q in zip(c["start"], c["end"], c["quote"]))
    item = c[c["quote"].str.contains("跨里海")].iloc[0]
    assert item.quote.startswith("跨里海") and item.after_low == quantities("11天").iloc[0].value_low
    for s in ("缩短至不到5分钟[2] - 两岸通行证件", "时间 20 - 30天", "A - B"):
        assert normalize(s).text == normalize_text(s)
    assert normalize("缩短至不到5分钟[2] - 两岸通行证件").text == "缩短至不到5分钟[2]\n两岸通行证件"
    assert quantities("时间 20 - 30天").iloc[0].value_high == quantities("30天").iloc[0].value_low
