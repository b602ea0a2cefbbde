"""A long text read in windows gives the rows of the text read at once (offsets into the whole text)."""

import csv
import importlib
from pathlib import Path

import opencc
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftzdata.extract import claims, extract, quantities
from ftzdata.normalize import normalize

W = importlib.import_module("ftzdata.extract.windows")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REAL = sorted((ROOT / "benchmarks" / "realtext").glob("*/docs/*.txt"))
DOCS = [p.read_text(encoding="utf-8") for p in SEEDS + REAL]
HELDOUT = [row["sentence"] for p in sorted((ROOT / "tests" / "data").glob("extract_heldout*.csv"))
           for row in csv.DictReader(open(p, encoding="utf-8", newline=""))]
LINES = [line for d in DOCS for line in d.split("\n") if line.strip()] + HELDOUT
LONG = "\n".join(DOCS + ["\n".join(dict.fromkeys(HELDOUT))])  # every real text, then every held-out row


def at_once(text: str, fn=extract):
    """``fn(text)`` with a window longer than the text."""
    old = W.WINDOW
    W.WINDOW = len(text) + 1
    try:
        return fn(text)
    finally:
        W.WINDOW = old


def windowed(text: str, size: int, fn=extract):
    old = W.WINDOW
    W.WINDOW = size
    try:
        return fn(text)
    finally:
        W.WINDOW = old


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert list(a.dtypes) == list(b.dtypes)


@pytest.mark.parametrize("size", [2_000, 30_000, 200_000])
def test_a_long_document_of_real_texts_gives_the_same_rows_in_windows(size):
    n_windows = sum(1 for _ in W.windows(LONG, size))
    assert n_windows >= len(LONG) // (3 * size)  # it is read in windows, not at once
    q0, c0 = at_once(LONG)
    assert len(c0) > 500 and len(q0) > 2000
    q1, c1 = windowed(LONG, size)
    same(q0, q1)
    same(c0, c1)
    same(windowed(LONG, size, claims), c0)
    same(windowed(LONG, size, quantities), q0)
    assert (c1["quote"] == [LONG[a:b] for a, b in zip(c1["start"], c1["end"])]).all()


def test_windows_cover_the_text_in_order_and_end_after_newlines():
    got = list(W.windows(LONG, 5_000))
    offsets = [o for o, _ in got]
    assert offsets[0] == 0 and offsets == sorted(set(offsets))
    assert "".join(d.norm.original for _, d in got) == LONG
    assert all(LONG[o - 1] == "\n" for o in offsets[1:])
    assert "".join(d.text for _, d in got) == normalize(LONG).text


# Joints between real lines that the cut rules must see: blank lines, CR LF, a space or a bookmark before
# the newline, tags over lines, table cells, a paragraph opening with an after marker, a line broken in two.
_JOINTS = ["\n", "\n\n", "\r\n", " \n", "\t\n", "[bookmark: _GoBack]\n", "<p>", "</p>\n", "<div\nclass='x'>", "<br/>",
           "\t", "|", "\n|", "\n\t", "\n现在", "\n“现在", "\n改革后,", "\n目前"]
_S2T = opencc.OpenCC("s2t")


@st.composite
def real_documents(draw):
    """A document of real lines (seeds, real texts, held-out rows) joined by hostile joints, some lines in
    Traditional characters, some broken at a random place."""
    out = []
    for _ in range(draw(st.integers(5, 60))):
        line = draw(st.sampled_from(LINES))
        if draw(st.integers(0, 9)) == 0:
            line = _S2T.convert(line)
        if len(line) > 2 and draw(st.integers(0, 4)) == 0:
            k = draw(st.integers(1, len(line) - 1))
            line = line[:k] + draw(st.sampled_from(_JOINTS)) + line[k:]
        out += [line, draw(st.sampled_from(_JOINTS))]
    return "".join(out)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(real_documents(), st.integers(20, 3000))
def test_real_lines_with_hostile_joints_give_the_same_rows_in_windows(text, size):
    q0, c0 = at_once(text)
    q1, c1 = windowed(text, size)
    same(q0, q1)
    same(c0, c1)


def _split_at(text: str, o: int):
    """Rows of ``text[:o]`` and ``text[o:]`` read apart, the second half with what the rules remember of the
    first (``Doc.carry``, as windows pass it on), offsets into ``text``."""
    from ftzdata.extract import _both
    from ftzdata.extract.document import prepare

    first, second = prepare(text[:o]), prepare(text[o:])
    q1, c1 = _both(first)
    second.carry = first.carry
    q2, c2 = _both(second)
    for f in (q2, c2):
        f["start"] += o
        f["end"] += o
    return (pd.concat([q1, q2], ignore_index=True), pd.concat([c1, c2], ignore_index=True))


def test_every_newline_a_window_may_end_after_is_one_nothing_reads_across():
    """For each line of real texts where a window may end, reading the two halves apart changes nothing."""
    accepted = 0
    for path in SEEDS[:3] + REAL[::10]:
        text = path.read_text(encoding="utf-8")
        norm = normalize(text)
        q0, c0 = at_once(text)
        newlines = [i for i, ch in enumerate(norm.text) if ch == "\n"]
        for p, nxt in zip(newlines, newlines[1:]):
            o = W.window_end(norm, text, 0, p, nxt)
            if o is not None:
                accepted += 1
                q, c = _split_at(text, o)
                same(q, q0)
                same(c, c0)
    assert accepted > 50


def _fragment(path: str, words: str) -> str:
    """``words`` after checking that a real text holds them verbatim."""
    assert words in (ROOT / "benchmarks" / "realtext" / path).read_text(encoding="utf-8")
    return words


def test_no_window_ends_before_a_paragraph_that_answers_the_one_before():
    """现在呢?… opens a paragraph whose after value has its before value in the paragraph before (rule 3):
    read apart, the two lose the claim; in windows, no window ends between them."""
    before = _fragment("batch1/docs/23_tj_dongjiang_customs_2015.txt", "以往每票报关单的通关时间约1至2天")
    after = _fragment("batch1/docs/05_zj_zhoushan_bunkering_anchorages.txt", "受油船舶通关全程仅需10分钟")
    pair = f"{before}。\n现在呢?{after}。\n"
    text = LONG[:40_000] + "\n" + pair * 200 + LONG[40_000:80_000]
    c0 = at_once(text, claims)
    o = text.index(pair) + len(before) + 2
    assert len(_split_at(pair, len(before) + 2)[1]) == 0 < len(at_once(pair, claims))
    assert len(_split_at(text, o)[1]) == len(c0) - 1
    for size in (97, 500, 4_000):
        same(windowed(text, size, claims), c0)


def test_a_text_that_cannot_be_read_in_windows_is_read_at_once(monkeypatch):
    """Where a part cannot be normalised as a piece of the whole (OpenCC changed a length), the text is
    read at once: the same rows."""
    q0, c0 = at_once(LONG)
    monkeypatch.setattr(W, "normalize_part", lambda text, simplify: None)
    q1, c1 = windowed(LONG, 5_000)
    same(q0, q1)
    same(c0, c1)


def test_bad_input_is_one_clear_error():
    with pytest.raises(TypeError, match="expected a str, got bytes"):
        claims(b"\xe6\x94\xb9")


def _heldout(row_id: str) -> str:
    return next(s for p in sorted((ROOT / "tests" / "data").glob("extract_heldout*.csv"))
                for row in csv.DictReader(open(p, encoding="utf-8", newline="")) if row["id"] == row_id
                for s in [row["sentence"]])


def test_no_window_ends_inside_a_table_read_over_blank_lines():
    """A before/after table goes on over blank lines: no window ends between its rows."""
    table = "\n\n".join(_heldout("b5-04").split("\n"))  # header, rule, row; a blank line between each
    text = "\n".join([table, DOCS[0].split("\n")[0]] * 150)
    c0 = at_once(text, claims)
    assert len(c0) >= 150 and len(at_once(table, claims)) == 1
    for size in (60, 200, 3_000):
        same(windowed(text, size, claims), c0)


def test_no_window_ends_inside_a_number_that_runs_over_a_newline():
    """``2\\n至3天`` is one range: a window does not end after a line that ends with a numeral."""
    line = next(x for x in LINES if "原来2至3天" in x)
    broken = line.replace("原来2至3天", "原来2\n至3天")
    text = "\n".join([broken] * 300)
    q0 = at_once(text, quantities)
    assert q0["quote"].str.contains("\n").sum() >= 300  # the range is read over the newline
    for size in (50, 400, 5_000):
        same(windowed(text, size, quantities), q0)
        same(windowed(text, size, claims), at_once(text, claims))


def test_a_figure_stated_in_a_window_without_conditions_keeps_its_conditional_restatement_later():
    """The heading 直通班列让物流效率提高60%以上 (a window with no 如果 in it), then, windows later, 如果通过直通班列,…
    提高了60%以上: the restatement is kept, as when the text is read at once (batch15 doc 15)."""
    doc = next(p for p in REAL if p.parent.parent.name == "batch15" and p.name.startswith("15_"))
    text = doc.read_text(encoding="utf-8")
    head = next(line for line in text.split("\n") if "直通班列让物流效率提高60%以上" in line)
    body = next(line for line in text.split("\n") if "如果通过直通班列" in line)
    filler = "\n".join(["这标志着班列正式开通运行。"] * 200)
    long = "\n".join([head, filler, body])
    assert "如果" not in head + filler
    q0, c0 = at_once(long)
    q1, c1 = windowed(long, 1_000)
    assert c0["quote"].str.contains("提高了60%以上").any()
    same(c0, c1)
