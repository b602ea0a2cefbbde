"""Quantities: every number with a unit, as a dataframe.

``quantities(text)`` returns one row per number-with-unit found in ``text`` (which may be
Traditional Chinese or contain HTML; it is normalised inside and offsets map back to ``text``).

Columns and dtypes
    ``start``, ``end`` (int64)   span in ``text``; ``quote == text[start:end]``.  The span covers the
                                 number, its unit and adjacent qualifier words (约, 超过, 以上 …).
    ``quote`` (object: str)
    ``value_low``, ``value_high`` (float64)  value in the canonical unit (see :mod:`.units`: hours,
                                 CNY, ``count:<classifier>``, %, pp, times, m2).  A single number has
                                 low == high; a range (5至10分钟, 2-3年, 10%~15%) has low < high.  A bound
                                 is *not* moved into the value: "超过30%" is low = high = 30 and the
                                 qualifier says "more than".
    ``unit`` (str)               canonical unit string.
    ``dimension`` (str)          duration, count, money, ratio, area or other.
    ``per`` (str)                "" or an English per-unit: TEU, container, declaration, batch,
                                 person, day, week, month, year, enterprise, project, ship, vehicle …
    ``qualifier`` (str)          "" or English qualifiers joined with "; " in the fixed order of
                                 :data:`QUALIFIER_ORDER`: average, fastest, approximately, nearly,
                                 more than, at least, less than, at most, within, working days.

String columns have dtype ``object`` (Python str; not pandas' arrow ``str``, which cannot hold lone
surrogates) and are never null.

Not quantities: bare numbers without a unit (list markers, case numbers, phone numbers, versions such
as 2.0版, codes such as B2B/12360), dates and years (2015年, 9月30日, 2016年4月1日起, 1-8月),
ordinals (第三批), the service-hours phrase 7×24小时, and Chinese numerals in quoted slogans
(“一个平台、一次提交”).  Idioms 进一步, 一次性, 二次(掏箱), 一批(a batch of) are not counts.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .document import Doc, prepare
from .numbers import FRACTION, NUMBER, RANGE_SEP, parse_fraction, range_floats
from .units import PER_WORDS, UNIT_SURFACES, UNITS

__all__ = ["quantities", "QUANTITY_COLUMNS", "QUALIFIER_ORDER", "Qty", "scan_quantities", "empty_quantities",
           "qualifier_string", "find_per"]

QUANTITY_COLUMNS = ["start", "end", "quote", "value_low", "value_high", "unit", "dimension", "per", "qualifier"]
QUALIFIER_ORDER = ["average", "fastest", "approximately", "nearly", "more than", "at least", "less than",
                   "at most", "within", "working days", "on the spot"]
_QRANK = {q: i for i, q in enumerate(QUALIFIER_ORDER)}

_UNIT_ALT = "|".join(re.escape(u) for u in UNIT_SURFACES)
_SUFFIX = r"(?:左右|上下|以上|以下|以内|之内|有余|多|余|内)"
QTY_RE = re.compile(
    r"(?=[\d零〇○一二两三四五六七八九十半百千])"  # cheap first-character test: 3-4x faster scanning
    rf"(?:(?P<frac>{FRACTION})"
    rf"|(?P<n1>{NUMBER})(?:\s?(?P<sep1>{RANGE_SEP})\s?(?P<n2>{NUMBER}))?(?P<m1>多|余)?(?P<u1>{_UNIT_ALT})"
    rf"(?:(?P<sep2>{RANGE_SEP})(?P<n3>{NUMBER})(?P<m3>多|余)?(?P<u3>{_UNIT_ALT}))?"
    rf"(?P<suf>{_SUFFIX}{{0,2}}))"
)

_PREFIX_QUAL = {
    "大约": "approximately", "约为": "approximately", "约": "approximately",
    "将近": "nearly", "接近": "nearly", "近": "nearly",
    "超过": "more than", "逾": "more than", "超": "more than",
    "至少": "at least", "不少于": "at least", "不低于": "at least",
    "不超过": "at most", "最多": "at most", "不高于": "at most",
    "不到": "less than", "不足": "less than", "少于": "less than", "低于": "less than",
    "最快": "fastest", "最短": "fastest", "平均": "average",
}
_PREFIX_LAST = {w[-1] for w in _PREFIX_QUAL}
_PREFIX_RE = re.compile("(?:" + "|".join(sorted(_PREFIX_QUAL, key=len, reverse=True)) + r")$")
_SUFFIX_QUAL = {"左右": "approximately", "上下": "approximately", "以上": "at least", "以下": "at most",
                "以内": "within", "之内": "within", "内": "within", "有余": "more than", "多": "more than",
                "余": "more than"}
_SUFFIX_SPLIT = re.compile(_SUFFIX)
# 节约, 制约, 预约, 签约, 附近, 最近 …: the character is part of a word, not a qualifier.
_NOT_QUAL_BEFORE = set("节制契预签公条合邀简特履违守规附最临靠就将接赶")

# Characters that, written just before a Chinese numeral, make it part of a word, not a number.
_CN_BLOCK_BEFORE = set("第每进统唯之单同逐任万周初合划归专整其另某哪这那各星礼上下前后大多一二三四五六七八九十两")
_AR_BLOCK_BEFORE = set("0123456789._/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz第×*")
_CHENG_WORD = set("本员果立功交绩效熟型都为长份品像果人")
_CN_CHARS = set("零〇○一二两三四五六七八九十百千万亿半")

_PER_ALT = "|".join(re.escape(w) for w in sorted(PER_WORDS, key=len, reverse=True))
_PER_BEFORE = re.compile(rf"每(?:一|个|一个|家|位|名|张)?(?P<w>{_PER_ALT})|(?P<a>人|日|年|月)均|单(?P<s>票|箱|车|批)")
_PER_AFTER = re.compile(rf"/(?P<w>{_PER_ALT})")
_PER_AVG = {"人": "person", "日": "day", "年": "year", "月": "month"}
_PER_SINGLE = {"票": "declaration", "箱": "container", "车": "vehicle", "批": "batch"}


class Qty:
    """A quantity in normalised coordinates (internal; the dataframe is the public form)."""

    __slots__ = ("start", "end", "nstart", "nend", "low", "high", "unit", "dimension", "per", "quals",
                 "surface")

    def __init__(self, start, end, nstart, nend, low, high, unit, dimension, per, quals, surface):
        self.start, self.end, self.nstart, self.nend = start, end, nstart, nend
        self.low, self.high, self.unit, self.dimension = low, high, unit, dimension
        self.per, self.quals, self.surface = per, quals, surface

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Qty({self.start}:{self.end} {self.low}-{self.high} {self.unit} {self.quals} per={self.per})"

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2


def qualifier_string(quals) -> str:
    """Join qualifier labels in the fixed order of :data:`QUALIFIER_ORDER`."""
    return "; ".join(sorted(set(quals), key=lambda q: _QRANK.get(q, 99)))


def find_per(text: str, a: int, b: int, after: int | None = None) -> str:
    """Per-unit stated in ``text[a:b]`` (the last 每X / 人均 / 单票 there) or as ``/X`` right at ``after``."""
    per = ""
    if after is not None and after < len(text) and text[after] == "/":
        m = _PER_AFTER.match(text, after)
        if m:
            return PER_WORDS[m.group("w")]
    if b > a and ("每" in text[a:b] or "均" in text[a:b] or "单" in text[a:b]):
        for m in _PER_BEFORE.finditer(text, a, b):
            if m.group("w"):
                per = PER_WORDS[m.group("w")]
            elif m.group("a"):
                per = _PER_AVG[m.group("a")]
            else:
                per = _PER_SINGLE[m.group("s")]
    return per


def _is_year(num: str) -> bool:
    s = num.replace("_", "")
    if s.isdigit() and len(s) == 4 and 1900 <= int(s) <= 2100:
        return True
    return len(s) == 4 and all(ch in "零〇○一二三四五六七八九" for ch in s)


def _skip(doc: Doc, m: re.Match) -> bool:
    """Filters for things the grammar matches that are not quantities."""
    t = doc.scan
    n1s = m.start("n1")
    prev = t[n1s - 1] if n1s > 0 else " "
    n1 = m.group("n1")
    u1 = m.group("u1")
    cn = n1[0] in _CN_CHARS
    if cn:
        if prev in _CN_BLOCK_BEFORE:
            return True
        if doc.quoted and doc.in_quotes(n1s):
            return True
        if n1 == "一" and u1 == "次" and t[m.end("u1"):m.end("u1") + 1] == "性":
            return True
        if n1 == "一" and u1 == "批" and t[m.end("u1"):m.end("u1") + 1] not in ("货", "次"):
            return True
        if n1 == "二" and u1 in ("次",):
            return True
        if n1 == "半" and prev in "上下前后多大":
            return True
    else:
        if prev in _AR_BLOCK_BEFORE:
            return True
        if prev == "-" and n1s > 1 and t[n1s - 2].isdigit():
            return True
    if prev == "第" or (prev in "×*xX"):
        return True
    if u1 == "年" and (_is_year(n1) or (m.group("n2") and _is_year(m.group("n2")))):
        return True
    if u1 == "年" and t[m.end("u1"):m.end("u1") + 1] in ("度", "底", "初", "末") and not m.group("n2"):
        return True
    if u1 == "日" and prev == "月":
        return True
    if u1 == "成":  # 五成 (50 %), not 形成/成本/成员/一成不变
        nxt = t[m.end("u1"):m.end("u1") + 2]
        n2 = m.group("n2")
        if (n2 and len(n2) > 1) or nxt[:1] in _CHENG_WORD or nxt == "不变" or len(n1) > 2:  # 四至五成: a range
            return True
    if u1 == "周" and t[m.end("u1"):m.end("u1") + 1] in ("年", "岁"):
        return True
    if u1 == "个" and t[m.end("u1"):m.end("u1") + 1] == "月":  # "两个多月" handled elsewhere; "个月" is a unit
        return True
    return False


_value = range_floats


_HALF_UNIT = re.compile(r"半(?P<u>个?小时|个?钟头|个?月)")
_MINUTES = re.compile(r"(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})分(?:钟)?")


def _half_or_minutes(t: str, e: int, u1: str, r1: tuple[float, float]):
    """A duration that goes on after its unit, at ``t[e]``: ``2天半`` (+½ day), ``一个半小时`` /
    ``3个半月`` (N½ of the unit after 半), ``1小时30分钟``. Returns (low, high, unit, dimension, end) in
    hours, or None."""
    info = UNITS[u1]
    if u1 == "个":
        hm = _HALF_UNIT.match(t, e)
        if not hm:
            return None
        word = hm.group("u").lstrip("个")
        f = UNITS["个月" if word == "月" else word].factor
        return (r1[0] + 0.5) * f, (r1[1] + 0.5) * f, "h", "duration", hm.end()
    if info.dimension != "duration":
        return None
    if t[e] == "半" and not t.startswith("半年", e) and not t.startswith("半个", e):
        return (r1[0] + 0.5) * info.factor, (r1[1] + 0.5) * info.factor, "h", "duration", e + 1
    if info.factor == 1.0:  # hours, then minutes
        mm = _MINUTES.match(t, e)
        if mm:
            v = _value(mm.group("n"))
            if v is not None and v[0] < 60:
                return r1[0] + v[0] / 60, r1[1] + v[0] / 60, "h", "duration", mm.end()
    return None


def scan_quantities(doc: Doc) -> list[Qty]:
    """All quantities of a prepared document, in order, in normalised coordinates."""
    out: list[Qty] = []
    t = doc.scan
    text = doc.text
    prev_end = 0
    for m in QTY_RE.finditer(t):
        if m.start() < prev_end:  # inside a quantity read past its match (一个半小时, 1小时30分钟)
            continue
        frac = m.group("frac")
        quals: list[str] = []
        if frac:
            s, e = m.span("frac")
            prev = t[s - 1] if s > 0 else " "
            if prev in "第每" or (doc.quoted and doc.in_quotes(s)):
                continue
            try:
                v = parse_fraction(frac)
            except (ArithmeticError, ValueError):
                v = None
            if v is None:
                continue
            low = high = float(v) * 100.0
            unit, dim, surface = "%", "ratio", frac
            nstart, nend = s, e
        else:
            if _skip(doc, m):
                continue
            n1, n2, u1 = m.group("n1"), m.group("n2"), m.group("u1")
            info = UNITS[u1]
            r1 = _value(n1 if not n2 else f"{n1}至{n2}")
            if r1 is None:
                if n2 is None:
                    continue
                # "10到5天": not a range; keep the second number alone
                r1 = _value(n2)
                if r1 is None:
                    continue
            low = r1[0] * info.factor
            high = r1[1] * info.factor
            e = m.end("u1")
            if m.group("n3"):
                r3 = _value(m.group("n3"))
                info3 = UNITS[m.group("u3")]
                if r3 is not None and info3.canonical == info.canonical:
                    high3 = r3[1] * info3.factor
                    if high3 >= low:
                        high = high3
                        e = m.end("u3")
            if not (math.isfinite(low) and math.isfinite(high)) or low > high:
                continue
            unit, dim, surface = info.canonical, info.dimension, u1
            if not m.group("n2") and not m.group("n3") and e < len(t) and t[e] in "半0123456789一二三四五六七八九十":
                more = _half_or_minutes(t, e, u1, r1)  # 2天半, 一个半小时, 3个半月, 1小时30分钟
                if more is not None:
                    low, high, unit, dim, e = more
            nstart = m.start("n1")
            s = nstart
            nend = e
            if "多" in n1 or "余" in n1 or m.group("m1") or (m.group("m3") and e == m.end("u3")):
                quals.append("more than")
            if "工作日" in u1:
                quals.append("working days")
            suf = m.group("suf")
            if suf and e == m.start("suf"):
                base = m.start("suf")
                for sm in _SUFFIX_SPLIT.finditer(suf):
                    w = sm.group(0)
                    nxt = t[base + sm.end():base + sm.end() + 1]
                    if w == "内" and nxt in "容部外地涵陆":  # 内容, 内部 …
                        break
                    if w in ("多", "余") and dim != "duration":
                        break
                    quals.append(_SUFFIX_QUAL[w])
                    e = base + sm.end()
        # prefix qualifiers (约 / 近 / 超过 / 平均 / 最快 …), up to three stacked words
        for _ in range(3):
            if s == 0 or t[s - 1] not in _PREFIX_LAST:
                break
            pm = _PREFIX_RE.search(t, max(0, s - 3), s)
            if not pm:
                break
            if pm.group(0) in ("约", "近", "超") and pm.start() > 0 and t[pm.start() - 1] in _NOT_QUAL_BEFORE:
                break
            quals.append(_PREFIX_QUAL[pm.group(0)])
            s = pm.start()
        per = find_per(text, max(doc.clause_start(s), prev_end), s, after=e)
        if per and e < len(t) and t[e] == "/":
            pm = _PER_AFTER.match(t, e)
            if pm:
                e = pm.end()
        out.append(Qty(s, e, nstart, nend, low, high, unit, dim, per, quals, surface))
        prev_end = e
    return out


# String columns are ``object`` (Python str) rather than pandas' arrow-backed ``str``: quotes may contain
# lone surrogates, which arrow cannot store.  Never null ("" when empty).
STR = object
_DTYPES = {"start": "int64", "end": "int64", "quote": STR, "value_low": "float64", "value_high": "float64",
           "unit": STR, "dimension": STR, "per": STR, "qualifier": STR}
_EMPTY = None


def empty_quantities() -> pd.DataFrame:
    global _EMPTY
    if _EMPTY is None:
        _EMPTY = pd.DataFrame({c: pd.Series([], dtype=_DTYPES[c]) for c in QUANTITY_COLUMNS})
    return _EMPTY.copy()


def quantities_frame(doc: Doc, qs: list[Qty]) -> pd.DataFrame:
    if not qs:
        return empty_quantities()
    ns = np.fromiter((q.start for q in qs), dtype=np.int64, count=len(qs))
    ne = np.fromiter((q.end for q in qs), dtype=np.int64, count=len(qs))
    os_, oe = doc.norm.original_spans(ns, ne)
    original = doc.norm.original
    return _typed(pd.DataFrame({
        "start": os_.astype(np.int64),
        "end": oe.astype(np.int64),
        "quote": _obj([original[a:b] for a, b in zip(os_.tolist(), oe.tolist())]),
        "value_low": np.fromiter((q.low for q in qs), dtype=np.float64, count=len(qs)),
        "value_high": np.fromiter((q.high for q in qs), dtype=np.float64, count=len(qs)),
        "unit": _obj([q.unit for q in qs]),
        "dimension": _obj([q.dimension for q in qs]),
        "per": _obj([q.per for q in qs]),
        "qualifier": _obj([qualifier_string(q.quals) for q in qs]),
    }), _DTYPES)


def _obj(values: list) -> pd.Series:
    return pd.Series(values, dtype=object)


def _typed(df: pd.DataFrame, dtypes: dict) -> pd.DataFrame:
    """Keep string columns ``object`` whatever pandas would infer (stable dtypes)."""
    return df


def quantities(text: str) -> pd.DataFrame:
    """Every number with a unit in ``text`` (see the module docstring for columns and conventions)."""
    doc = prepare(text)
    return quantities_frame(doc, scan_quantities(doc))
