"""Property-based tests: never raise, spans and quotes consistent, numerals round-trip."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftzdata.extract import QUANTITY_COLUMNS, claims, extract, parse_number, quantities

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text built from the characters the grammar cares about, plus anything at all.
_PIECES = ["由", "从", "将", "缩短", "减少", "至", "到", "为", "降低", "提高", "节省", "每票", "每个集装箱", "约", "近", "超过",
           "以上", "左右", "多", "余", "万", "亿", "千", "个", "项", "家", "天", "小时", "分钟", "个工作日", "元", "%", "％",
           "个百分点", "倍", "年", "月", "日", "三分之一", "两", "十", "一", "五", "至", "-", "~", "1", "2", "3", "0", ".",
           ",", "，", "。", ";", "(", ")", "（", "）", "“", "”", "<p>", "</p>", "&amp;", " ", "\n", "縮短", "小時", "當場辦結",
           "改革前", "改革后", "合1", "\x00", "\ud800", "9" * 30]
cjk_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), cjk_text)


@FAST
@given(any_text)
def test_never_raises_and_spans_are_consistent(text):
    q, c = extract(text)
    assert list(q.columns) == QUANTITY_COLUMNS
    for df in (q, c):
        for r in df.itertuples():
            assert 0 <= r.start <= r.end <= len(text)
            assert text[r.start:r.end] == r.quote
    for r in q.itertuples():
        assert r.value_low <= r.value_high
        assert math.isfinite(r.value_low) and math.isfinite(r.value_high)
    for r in c.itertuples():
        assert r.direction in ("decrease", "increase")
        for a, b in ((r.before_low, r.before_high), (r.after_low, r.after_high), (r.change_low, r.change_high),
                     (r.change_pct_low, r.change_pct_high)):
            assert (math.isnan(a) and math.isnan(b)) or a <= b


def test_edge_inputs():
    for text in ["", "\x00\x01", "\ud800缩短至2.5小时", "9" * 5000 + "天", "1" * 400 + "万亿元", "<" * 1000, "由" * 500]:
        q, c = extract(text)
        for r in q.itertuples():
            assert text[r.start:r.end] == r.quote
    r = quantities("\ud800缩短至2.5小时").iloc[0]
    assert (r.value_low, r.quote) == (2.5, "2.5小时")


_CN = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """Integer 0 < n < 10**8 in standard Chinese numerals."""
    def below_10k(x: int, lead: bool) -> str:
        out, zero = "", False
        for unit, div in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d, x = divmod(x, div)
            if d:
                if zero:
                    out += "零"
                out += ("" if (unit == "十" and d == 1 and not out and lead) else _CN[d]) + unit
                zero = False
            elif out:
                zero = True
        return out
    hi, lo = divmod(n, 10000)
    if not hi:
        return below_10k(lo, True)
    s = below_10k(hi, True) + "万"
    if lo:
        s += ("零" if lo < 1000 else "") + below_10k(lo, False)
    return s


@FAST
@given(st.integers(1, 99_999_999))
def test_chinese_integers_round_trip(n):
    assert parse_number(_cn(n)) == (n, n)


@FAST
@given(st.integers(0, 10 ** 6), st.integers(0, 99), st.sampled_from(["", "万", "亿"]),
       st.sampled_from(["", "约", "近", "超过"]), st.sampled_from(["", "多", "余", "左右", "以上"]))
def test_arabic_with_multiplier_and_qualifier_round_trip(whole, frac, mult, pre, suf):
    num = f"{whole}.{frac:02d}" if frac else str(whole)
    value = (whole + frac / 100) * {"": 1, "万": 1e4, "亿": 1e8}[mult]
    lo, hi = parse_number(f"{pre}{num}{mult}{suf}")
    assert math.isclose(lo, value, rel_tol=1e-12, abs_tol=1e-9) and lo == hi


@FAST
@given(st.integers(1, 500), st.integers(0, 500), st.sampled_from(["至", "-", "~", "到"]))
def test_ranges_round_trip(a, extra, sep):
    assert parse_number(f"{a}{sep}{a + extra}") == (a, a + extra)


@FAST
@given(st.integers(1, 9999), st.integers(0, 500), st.sampled_from([("天", 24), ("小时", 1), ("个工作日", 24), ("项", 1),
                                                                     ("万元", 1e4), ("%", 1), ("家", 1)]),
       st.sampled_from(["", "约", "超过", "近"]), st.booleans())
def test_quantities_round_trip(a, extra, unit, pre, is_range):
    surface, factor = unit
    b = a + extra
    num = f"{a}至{b}" if is_range else str(a)
    text = f"全年共有{pre}{num}{surface}。"
    q = quantities(text)
    assert len(q) == 1, q
    r = q.iloc[0]
    assert math.isclose(r.value_low, a * factor) and math.isclose(r.value_high, (b if is_range else a) * factor)
    assert r.quote == f"{pre}{num}{surface}"


@FAST
@given(st.integers(2, 99), st.sampled_from(["缩短至", "减少到", "压缩至", "降至"]), st.sampled_from(["天", "小时", "项"]))
def test_generated_before_after_claims(a, verb, unit):
    b = a // 2
    text = f"办理时间由{a}{unit}{verb}{b}{unit}。"
    r = claims(text).iloc[0]
    assert r.direction == "decrease" and r.quote == text[:-1]
    factor = 24 if unit == "天" else 1
    assert (r.before_low, r.after_low) == (a * factor, b * factor)
