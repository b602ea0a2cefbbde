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

from .document import Doc, without_gc
from .lexicon import LEX, alt, longest_first
from .numbers import (AR_MULT, BARE_WORDS, BIG, CN_CHARS, DIGITS, FRACTION, HALF, NONZERO_POSITIONAL, NUMBER, POSITIONAL, RANGE_SEP, SMALL, TEN,
                      consecutive_pair, parse_fraction, range_floats)
from .units import PER_WORDS, UNIT_SURFACES, UNITS
from .windows import by_window

__all__ = ["quantities", "QUANTITY_COLUMNS", "QUALIFIER_ORDER", "Qty", "scan_quantities", "empty_quantities",
           "qualifier_string", "find_per"]

QUANTITY_COLUMNS = ["start", "end", "quote", "value_low", "value_high", "unit", "dimension", "per", "qualifier"]
_QL = LEX["qualifiers"]
QUALIFIER_ORDER: list[str] = list(_QL["order"])
_QRANK = {q: i for i, q in enumerate(QUALIFIER_ORDER)}
_MORE = LEX["numerals"]["more"]  # 多, 余
_MORE_RE = re.compile(alt(_MORE))
_MORE_AFTER_UNIT = frozenset(_QL["more_after_unit"])

# A unit, tried only where one can start (a one-character test first: the alternation is long).
_UNIT_ALT = f"(?=[{''.join(sorted({re.escape(u[0]) for u in UNIT_SURFACES}))}])(?:" + "|".join(
    re.escape(u) for u in UNIT_SURFACES) + ")"
_SUFFIX_QUAL: dict[str, str] = dict(_QL["after_number"])
_SUFFIX = rf"(?:{alt(_SUFFIX_QUAL)})"
# An aside in brackets, without digits, between a range's first value and its separator (八百元(人民币,下同)至一千元).
_ASIDE = rf"(?:\((?![^()]*\d)[^()\n]{{1,{int(LEX['numerals']['range_aside'])}}}\))"
QTY_RE = re.compile(
    rf"(?=[\d{DIGITS}{HALF}{SMALL}{BIG}])"  # cheap first-character test: 3-4x faster scanning
    rf"(?:(?P<frac>{FRACTION}|(?<=[{LEX['numerals']['half_alone_after']}]){HALF}(?!{_UNIT_ALT}|个))"
    rf"|(?P<n1>{NUMBER})(?:\s?(?P<sep1>{RANGE_SEP})\s?(?P<n2>{NUMBER}))?(?P<m1>{alt(_MORE)})?(?P<u1>{_UNIT_ALT})"
    rf"(?:{_ASIDE}?(?P<sep2>{RANGE_SEP})(?P<n3>{NUMBER})(?P<m3>{alt(_MORE)})?(?P<u3>{_UNIT_ALT}))?"
    rf"(?P<suf>{_SUFFIX}{{0,2}}))"
)

_PREFIX_QUAL: dict[str, str] = dict(_QL["before_number"])
_PREFIX_LAST = {w[-1] for w in _PREFIX_QUAL}
_PREFIX_RE = re.compile(f"(?:{alt(longest_first(_PREFIX_QUAL))})$")
_SUFFIX_SPLIT = re.compile(_SUFFIX)
# 节约, 制约, 预约, 签约, 附近, 最近 …: the character is part of a word, not a qualifier.
_NOT_QUAL_BEFORE = set(_QL["not_before_chars"])
_ONE_CHAR_QUALS = tuple(_QL["one_char_words"])
_WITHIN, _NOT_WITHIN = _QL["within_one_char"], _QL["not_within_chars"]
_WORKING_DAYS = tuple(_QL["working_days"])

# Characters that, written just before a numeral, make it part of a word or a code, not a number.
_NQ = LEX["not_quantity"]
_CN_BLOCK_BEFORE = set(_NQ["cn_after_chars"])
_AR_BLOCK_BEFORE = set(_NQ["ascii_after_chars"])
_CHENG_WORD = set(_NQ["cheng_word_chars"])
_CN_CHARS = CN_CHARS
_EXP_SIGNS, _EXP_LETTERS = set(_NQ["exponent_signs"]), set(_NQ["exponent_letters"])
_BATCH_GOODS = set(_NQ["batch_goods_chars"])
_HALF_AFTER = set(_NQ["half_after_chars"])
_NUMERAL_VERBS = tuple(_NQ["numeral_after_verbs"])  # 省下半小时: a numeral after a verb that ends in 下
_NUMERAL_VERBS_LEN = max(map(len, _NUMERAL_VERBS))
_TIMES_SIGNS = set(_NQ["times_signs"])
_YEAR_WORD = set(_NQ["year_word_chars"])
_WEEK_WORD = set(_NQ["week_word_chars"])
_MONTH_DAY = tuple(_NQ["month_day"])
_DAY_EVENTS = tuple(_NQ["day_events"])
_DAY_EVENT_AFTER = re.compile(rf"(?:{alt(_NQ['day_event_time'])})?(?:{_NQ['day_event_place']}[^\s，。；,;！？!?：:、]{{1,{_NQ['day_event_place_chars']}}}?)?"
                              rf"(?:{alt(_DAY_EVENTS)})")
_POSITIONAL_DIGITS = set(POSITIONAL)
_NOT_FRACTION_AFTER = {_NQ["ordinal"], LEX["per"]["each"]}  # 第三分之一? 每三分之一?: not a share

_PER = LEX["per"]
_PER_AVG: dict[str, str] = dict(_PER["average"])
_PER_SINGLE: dict[str, str] = dict(_PER["single"])
_PER_ALT = alt(longest_first(PER_WORDS))
_PER_BEFORE = re.compile(rf"{_PER['each']}(?:{alt(_PER['each_classifiers'])})?(?P<w>{_PER_ALT})"
                         rf"|(?P<a>{alt(_PER_AVG)}){_PER['average_suffix']}|{_PER['single_prefix']}(?P<s>{alt(_PER_SINGLE)})")
_PER_AFTER = re.compile(rf"/(?P<w>{_PER_ALT})")
_PER_MARK_RE = re.compile(f"[{''.join(re.escape(w) for w in (_PER['each'], _PER['average_suffix'], _PER['single_prefix']))}]")
_has_per_mark = _PER_MARK_RE.search  # 每 / 均 / 单 somewhere in the text


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
    if b > a and _has_per_mark(text[a:b]):
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
    return len(s) == 4 and all(ch in _POSITIONAL_DIGITS for ch in s)


def _is_whole_quote(doc: Doc, a: int, b: int) -> bool:
    """Is [a, b) all that a quoted span holds (“半年”: a value in quotation marks, not a slogan)?"""
    span = doc.quote_span(a)
    return span is not None and (a, b) == (span[0] + 1, span[1] - 1)


def _skip(doc: Doc, m: re.Match, n1: str, n2: str | None, u1: str) -> bool:
    """Filters for things the grammar matches that are not quantities (``n1``, ``n2``, ``u1``: its groups)."""
    t = doc.scan
    n1s = m.start("n1")
    prev = t[n1s - 1] if n1s > 0 else " "
    cn = n1[0] in _CN_CHARS
    if cn:
        after_verb = t.endswith(_NUMERAL_VERBS, max(0, n1s - _NUMERAL_VERBS_LEN), n1s)  # 省下半小时
        if prev in _CN_BLOCK_BEFORE and not (prev in BARE_WORDS and n1[0] in AR_MULT) and not after_verb:
            return True  # (上千万元 is a value)
        if doc.quoted and doc.in_quotes(n1s) and not _is_whole_quote(doc, n1s, m.end("u1")):
            return True  # a numeral in a quoted slogan (“一网通办”), not a quoted value (从“半年”到“一个月”)
        nxt = t[m.end("u1"):m.end("u1") + 1]
        if n1 == "一" and u1 == "次" and nxt == _NQ["once_word"]:  # 一次性
            return True
        if n1 == "一" and u1 == "批" and nxt not in _BATCH_GOODS:  # 一批 (a batch of), not 一批货
            return True
        if n1 == "一" and u1 in _NQ["article_classifiers"] and prev == _NQ["article_after"] \
                and nxt not in _NQ["article_not_before"] + _NQ["article_not_before_end"]:
            return True  # 的一个缩影, 的一项重要制度安排: the article "a"
        if n1 == "二" and u1 == "次":  # 二次掏箱
            return True
        if n1 == HALF and prev in _HALF_AFTER and not after_verb:
            return True  # 上半年, 多半 (not 省下半小时)
    else:
        if prev in _AR_BLOCK_BEFORE:
            return True
        if prev == "-" and n1s > 1 and t[n1s - 2].isdigit():
            return True
        if prev in _EXP_SIGNS and n1s > 1 and t[n1s - 2] in _EXP_LETTERS:  # 1E+308: an exponent
            return True
    if prev == _NQ["ordinal"] or prev in _TIMES_SIGNS:
        return True
    if u1 == "年" and (_is_year(n1) or (n2 and _is_year(n2))):
        return True
    if u1 == "年" and t[m.end("u1"):m.end("u1") + 1] in _YEAR_WORD and not n2:
        return True
    if u1 == _MONTH_DAY[1] and prev == _MONTH_DAY[0]:
        return True
    if u1 == _MONTH_DAY[1] and n1.isdigit() and 1 <= int(n1) <= 31 and not n2 \
            and _DAY_EVENT_AFTER.match(t, m.end("u1")):  # 大会8日举行, 16日在此间召开: the day of an event
        return True
    if u1 == "成":  # 五成 (50 %), not 形成/成本/成员/一成不变
        nxt = t[m.end("u1"):m.end("u1") + 2]
        if (n2 and len(n2) > 1) or nxt[:1] in _CHENG_WORD or nxt == _NQ["cheng_idiom"] or len(n1) > 2:  # 四至五成: a range
            return True
    if u1 == "周" and t[m.end("u1"):m.end("u1") + 1] in _WEEK_WORD:
        return True
    if u1 == "个" and t[m.end("u1"):m.end("u1") + 1] == "月":  # "两个多月" handled elsewhere; "个月" is a unit
        return True
    if UNITS[u1].dimension == "duration" and not m.group("suf") and _is_time_reference(t, n1s, m.end()):
        return True
    return False


def _is_time_reference(t: str, a: int, e: int) -> bool:
    """半年前 / 3天前 (ago) and 今年前8个月 (the first eight months): points and periods of time, not
    durations (``a``, ``e``: start and end of the numeral with its unit)."""
    return t.startswith(_NQ["ago"], e) or t.endswith(_NQ["period_before"], 0, a)


def _value(s: str) -> tuple[float, float] | None:
    """The value of a numeral the scan matched (a bare magnitude only matches after 逾/超/近)."""
    return range_floats(s, True)


_HALF_UNIT = re.compile(rf"{HALF}(?P<u>{'|'.join('个?' + w for w in LEX['numerals']['half_after_classifier'])})")
_MINUTES = re.compile(rf"(?P<n>\d{{1,2}}|[{NONZERO_POSITIONAL}{TEN}]{{1,3}})分(?:钟)?")
# What may follow a duration's unit and go on with it: 2天半, 1小时30分钟.
_GOES_ON = set("0123456789") | set(NONZERO_POSITIONAL) | set(TEN) | {HALF}


_MORE_UNIT = re.compile(rf"(?:{alt(_MORE)})(?P<u>{'|'.join(LEX['numerals']['half_after_classifier'])})")


def _half_or_minutes(t: str, e: int, u1: str, r1: tuple[float, float]):
    """A duration that goes on after its unit, at ``t[e]``: ``2天半`` (+½ day), ``一个半小时`` /
    ``3个半月`` (N½ of the unit after 半), ``4个多月`` (more than 4 months), ``1小时30分钟``; ``十天半个月``
    (half of a larger unit after it: a rough range, 10 days to half a month). Returns (low, high, unit, dimension, end) in
    hours, or None."""
    info = UNITS[u1]
    if u1 == "个":
        mm = _MORE_UNIT.match(t, e)  # 4个多月: more than 4 months
        if mm:
            f = UNITS["个月" if mm.group("u") == "月" else mm.group("u")].factor
            return r1[0] * f, r1[1] * f, "h", "duration", mm.end()
        hm = _HALF_UNIT.match(t, e)
        if not hm:
            return None
        word = hm.group("u").lstrip("个")
        f = UNITS["个月" if word == "月" else word].factor
        return (r1[0] + 0.5) * f, (r1[1] + 0.5) * f, "h", "duration", hm.end()
    if info.dimension != "duration":
        return None
    hm = _HALF_UNIT.match(t, e)
    if hm:
        word = hm.group("u").lstrip("个")
        half = 0.5 * UNITS["个月" if word == "月" else word].factor
        if half > r1[1] * info.factor:  # 十天半个月: ten days to half a month, a rough range
            return r1[0] * info.factor, half, "h", "duration", hm.end()
    if t[e] == HALF and not t.startswith(HALF + "年", e) and not t.startswith(HALF + "个", e):
        return (r1[0] + 0.5) * info.factor, (r1[1] + 0.5) * info.factor, "h", "duration", e + 1
    if info.factor == 1.0:  # hours, then minutes
        mm = _MINUTES.match(t, e)
        if mm:
            v = _value(mm.group("n"))
            if v is not None and v[0] < 60:
                return r1[0] + v[0] / 60, r1[1] + v[0] / 60, "h", "duration", mm.end()
    return None


_PAIR_JOINER = LEX["numerals"]["pair_joiner"]


def _paired_digit(t: str, nstart: int, n1: str) -> float | None:
    """The first digit of a rough range of durations joined by 、 (二、三天 → 2, before the 三 at ``nstart``), or
    None. (Of other units such digits are ordinals: 分列二、三位, 二、三类医疗器械; at a line's start, a heading's
    number: 二、三天内办结.)"""
    if len(n1) != 1 or nstart < 2 or t[nstart - 1] != _PAIR_JOINER:
        return None
    if nstart < 3 or t[nstart - 3] in _CN_CHARS or t[nstart - 3] in _PAIR_JOINER + "\n" or t[nstart - 3] in _CN_BLOCK_BEFORE:
        return None  # 一、二、三 (a list), 第一、二 (ordinals), a heading
    pair = consecutive_pair(t[nstart - 2] + n1)
    return None if pair is None else float(pair[0])


@without_gc
def scan_quantities(doc: Doc) -> list[Qty]:
    """All quantities of a prepared document, in order, in normalised coordinates."""
    out: list[Qty] = []
    t = doc.scan
    text = doc.text
    prev_end = 0
    pos, retry = 0, None
    while True:
        m = retry if retry is not None else QTY_RE.search(t, pos)
        retry = None
        if m is None:
            break
        pos = max(m.end(), m.start() + 1)
        if m.start() < prev_end:  # inside a quantity read past its match (一个半小时, 1小时30分钟)
            continue
        frac, n1, _, n2, m1, u1, _, n3, m3, u3, suf = m.groups()
        quals: list[str] = []
        if frac:
            s, e = m.span("frac")
            prev = t[s - 1] if s > 0 else " "
            if prev in _NOT_FRACTION_AFTER or (doc.quoted and doc.in_quotes(s)):
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
            if _skip(doc, m, n1, n2, u1):
                if n2 is not None:  # 减半至6天: not a range from 半, but 6天 may still be a quantity
                    retry = QTY_RE.match(t, m.start("n2"))
                continue
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
            if n3:
                r3 = _value(n3)
                info3 = UNITS[u3]
                if r3 is not None and u1 != u3 and u3.startswith(u1) and not n2:
                    # 2个至4个月: one classifier shared, the unit written once, on the second number
                    info, u1 = info3, u3
                    low, high = r1[0] * info.factor, r1[1] * info.factor
                if r3 is not None and info3.canonical == info.canonical:
                    high3 = r3[1] * info3.factor
                    if high3 >= low:
                        high = high3
                        e = m.end("u3")
                if e != m.end("u3"):  # 从7天到半天: no range, the second value is read on its own
                    pos = m.start("sep2")
            if not (math.isfinite(low) and math.isfinite(high)) or low > high:
                continue
            unit, dim, surface = info.canonical, info.dimension, u1
            if not n2 and not n3 and e < len(t) and (t[e] in _GOES_ON or t[e] in _MORE):
                goes_on_more = t[e] in _MORE
                more = _half_or_minutes(t, e, u1, r1)  # 2天半, 一个半小时, 3个半月, 4个多月, 1小时30分钟
                if more is not None:
                    low, high, unit, dim, e = more
                    if goes_on_more:
                        quals.append("more than")
            nstart = m.start("n1")
            if not n2 and not n3 and info.dimension == "duration" and low == high == r1[0] * info.factor \
                    and (first := _paired_digit(t, nstart, n1)) is not None:
                low, nstart = first * info.factor, nstart - 2  # 二、三天: 2 to 3 days
            s = nstart
            nend = e
            if m1 or _MORE_RE.search(n1) or (m3 and e == m.end("u3")):
                quals.append("more than")
            if any(w in u1 for w in _WORKING_DAYS):
                quals.append("working days")
            if suf and e == m.start("suf"):
                base = m.start("suf")
                for sm in _SUFFIX_SPLIT.finditer(suf):
                    w = sm.group(0)
                    nxt = t[base + sm.end():base + sm.end() + 1]
                    if w == _WITHIN and nxt in _NOT_WITHIN:  # 内容, 内部 …
                        break
                    if w in _MORE and unit not in _MORE_AFTER_UNIT:
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
            if pm.group(0) in _ONE_CHAR_QUALS and pm.start() > 0 and t[pm.start() - 1] in _NOT_QUAL_BEFORE:
                break
            quals.append(_PREFIX_QUAL[pm.group(0)])
            s = pm.start()
        if s > 0 and t[s - 1] in BARE_WORDS and not frac and n1 and n1[0] in AR_MULT:
            quals.append(BARE_WORDS[t[s - 1]])  # 上千万元: more than ten million
            s -= 1
        a = prev_end  # 每票 / 人均 … in the clause, after the previous quantity (look up the clause only then)
        if s > a and _PER_MARK_RE.search(text, a, s):
            a = max(doc.clause_start(s), a)
        per = find_per(text, a, s, after=e)
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


@without_gc
def quantities_frame(doc: Doc, qs: list[Qty]) -> pd.DataFrame:
    if not qs:
        return empty_quantities()
    ns = np.fromiter((q.start for q in qs), dtype=np.int64, count=len(qs))
    ne = np.fromiter((q.end for q in qs), dtype=np.int64, count=len(qs))
    os_, oe = doc.norm.original_spans(ns, ne)
    original = doc.norm.original
    return frame_of({
        "start": os_.astype(np.int64),
        "end": oe.astype(np.int64),
        "quote": [original[a:b] for a, b in zip(os_.tolist(), oe.tolist())],
        "value_low": np.fromiter((q.low for q in qs), dtype=np.float64, count=len(qs)),
        "value_high": np.fromiter((q.high for q in qs), dtype=np.float64, count=len(qs)),
        "unit": [q.unit for q in qs],
        "dimension": [q.dimension for q in qs],
        "per": [q.per for q in qs],
        "qualifier": [qualifier_string(q.quals) for q in qs],
    })


def frame_of(columns: dict) -> pd.DataFrame:
    """A dataframe of ``columns`` (name → numpy array, or list of str kept as an ``object`` column: never
    pandas' inferred ``str``, see :data:`STR`). Built from the arrays as they are, which is several times
    faster than the ``DataFrame`` constructor on the small frames of one document; the same frame."""
    arrays = [_object_array(v) if isinstance(v, list) else v for v in columns.values()]
    index = pd.RangeIndex(len(arrays[0]))
    try:
        return pd.DataFrame._from_arrays(arrays, columns=list(columns), index=index, verify_integrity=False)
    except (AttributeError, TypeError):  # a pandas without it: the public constructor, same frame
        return pd.DataFrame({k: pd.Series(a, dtype=a.dtype) for k, a in zip(columns, arrays)}, index=index)


def _object_array(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def quantities(text: str) -> pd.DataFrame:
    """Every number with a unit in ``text`` (see the module docstring for columns and conventions); a long
    text is read in windows (see :mod:`.windows`)."""
    return by_window(text, _quantities_of, [empty_quantities])[0]


def _quantities_of(doc: Doc) -> list[pd.DataFrame]:
    return [quantities_frame(doc, scan_quantities(doc))]
