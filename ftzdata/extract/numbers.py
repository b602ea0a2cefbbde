"""Numeral grammar: Arabic and Chinese numerals, 万/亿/千 multipliers, fractions and ranges.

Regex fragments here are shared by :mod:`ftzdata.extract.quantities`; :func:`parse_number` is the
public entry point for a single numeral string (``"2.5万"`` → ``(25000.0, 25000.0)``,
``"5至10"`` → ``(5.0, 10.0)``, ``"三分之一"`` → ``(0.333…, 0.333…)``).

Values are plain numbers (no unit).  Fractions parse to their value (``三分之一`` → 1/3); the quantity
layer turns a fraction into a percentage.  Vague words (多/余 "more than", 约 "about" …) do not
change the value: a bound is carried by a qualifier, never by moving the number.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .lexicon import LEX, alt, chars, longest_first

__all__ = ["parse_number", "parse_numeral", "CN_DIGIT", "AR_NUM", "CN_NUM", "NUMBER", "FRACTION", "RANGE_SEP"]

_NUM = LEX["numerals"]
CN_DIGIT: dict[str, int] = {str(k): int(v) for k, v in _NUM["digits"].items()}
_CN_SMALL_UNIT: dict[str, int] = {str(k): int(v) for k, v in {**_NUM["small_units"], **_NUM["tens"]}.items()}
_CN_BIG_UNIT: dict[str, int] = {str(k): int(v) for k, v in _NUM["big_units"].items()}
_MULT = {**_CN_SMALL_UNIT, **_CN_BIG_UNIT}
POINT, HALF, A_HALF, FRACTION_WORD = _NUM["point"], _NUM["half"], _NUM["a_half"], _NUM["fraction"]

# --- character classes (bodies, escaped) built from the lexicon's numerals -------------------------
DIGITS = chars(CN_DIGIT)  # 零〇○一二两三四五六七八九
POSITIONAL = chars(d for d in CN_DIGIT if d not in _NUM["counting_only"])  # digits of 二〇一五 / 零点五
NONZERO = chars(d for d, v in CN_DIGIT.items() if v > 0)  # 一二两三 …
NONZERO_POSITIONAL = chars(d for d, v in CN_DIGIT.items() if v > 0 and d not in _NUM["counting_only"])
SMALL = chars(_CN_SMALL_UNIT)  # 十百千
BIG = chars(_CN_BIG_UNIT)  # 万亿
TEN = chars(k for k, v in _CN_SMALL_UNIT.items() if v < 100)  # 十廿卅: a numeral may start with one
TEN_HUNDRED = chars(k for k, v in _CN_SMALL_UNIT.items() if v in (10, 100))  # 十百 (百分之三十)
SOME = _NUM["some"]  # 几: 十几
# 逾千万元 / 超百万元: a magnitude (百千万亿, at most two) with no leading digit, after one of these.
BARE_WORDS: dict[str, str] = dict(_NUM["bare_magnitude_words"])  # 上千万: a qualifier before a bare magnitude
BARE_AFTER = chars(_NUM["bare_magnitude_after"] + "".join(BARE_WORDS))
_BARE_MULT = chars(k for k, v in _MULT.items() if v >= 100)
# … or, with no numeral before it, followed by its unit and 左右/上下 (千元左右: about a thousand yuan).
BARE_MAGNITUDE = (rf"(?<=[{BARE_AFTER}])[{_BARE_MULT}]{{1,2}}"
                  rf"|(?<![\d{DIGITS}{chars(_MULT)}{SOME}])[{_BARE_MULT}]{{1,2}}"
                  rf"(?=[^\d{DIGITS}{chars(_MULT)},;。!?:\s]{{1,{int(_NUM['bare_magnitude_unit_chars'])}}}"
                  rf"(?:{alt(_NUM['bare_magnitude_before'])}))")
AR_MULT = chars(k for k, v in _MULT.items() if v >= 100)  # 百千万亿: multipliers written after digits (2.5万)
MORE = chars(_NUM["more"])  # 多余
CN_CHARS = set(CN_DIGIT) | set(_MULT) | {HALF, SOME}  # every character of a Chinese numeral

# --- regex fragments (no capturing groups) ----------------------------------------------------------
# Every repetition is bounded, so that a scan is linear in the text whatever it holds (a run of 8000
# digits is not a number): no real number has more than 15 integer digits, 12 decimals, or a Chinese
# numeral of more than 25 characters (一亿二千三百四十五万六千七百八十九 has 17). A longer run is not read.
MAX_DIGITS, MAX_DECIMALS, MAX_CN = 15, 12, 24
# Arabic numeral; "_" marks a validated thousands separator (the quantity layer rewrites "1,100" to
# "1_100" only where the comma is a real separator). It starts where a digit run starts.
AR_NUM = rf"(?<![\d_])\d{{1,{MAX_DIGITS}}}(?:_\d{{3}}){{0,5}}(?:\.\d{{1,{MAX_DECIMALS}}})?"
CN_NUM = (rf"(?:[{DIGITS}{TEN}](?:[{DIGITS}{SMALL}{BIG}]|[{MORE}](?=[{BIG}])|(?<=[{TEN}]){SOME}){{0,{MAX_CN}}}"
          rf"(?:{POINT}[{POSITIONAL}]{{1,{MAX_DECIMALS}}}[{BIG}]?)?|{HALF}|{BARE_MAGNITUDE})")  # 一千二百, 零点五, 一点五万
_AR_WITH_MULT = rf"{AR_NUM}(?:{alt(_NUM['more'])})?(?:[{AR_MULT}]{{1,2}})?"
NUMBER = rf"(?:{_AR_WITH_MULT}|{CN_NUM})"
_AR_INT = rf"(?<![\d_])\d{{1,{MAX_DIGITS}}}"
FRACTION = (rf"(?:(?:{alt(_NUM['per_hundred'])})(?:\d{{1,{MAX_DIGITS}}}(?:\.\d{{1,{MAX_DECIMALS}}})?"
            rf"|[{DIGITS}{TEN_HUNDRED}]{{1,{MAX_CN}}})"
            rf"|(?:{_AR_INT}|[{NONZERO}{TEN}]{{1,{MAX_CN}}}){FRACTION_WORD}(?:\d{{1,{MAX_DIGITS}}}|[{NONZERO}{TEN}]{{1,{MAX_CN}}})"
            rf"|{A_HALF}|(?<![\d/.])[1-9]/[1-9](?![\d/.]))")
RANGE_SEP = rf"(?:{alt(_NUM['range_separators'])})"

_QUALS = LEX["qualifiers"]
_TRAILING_MULT = re.compile(rf"[{AR_MULT}]+$")
_RANGE_RE = re.compile(rf"^({NUMBER})\s*{RANGE_SEP}\s*({NUMBER})$")
_QUAL_RE = re.compile(rf"^(?:{alt(longest_first(list(_QUALS['before_number']) + _QUALS['emphasis']))})+"
                      rf"|(?:{alt(longest_first(_QUALS['after_number']))})+$")


def _dec(s: str) -> Decimal | None:
    try:
        d = Decimal(s.replace("_", "").replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def _parse_cn(s: str) -> Decimal | None:
    """Chinese numeral (一千二百, 十余 without 余, 二〇一五, 两万, 三千五百万) → Decimal."""
    if not s:
        return None
    if s == HALF:
        return Decimal("0.5")
    if POINT in s:  # Chinese decimal: 零点五, 三点二五, 一点五万
        whole, _, frac = s.partition(POINT)
        big = frac[-1] if frac and frac[-1] in _CN_BIG_UNIT else ""
        frac = frac[:-1] if big else frac
        head = _parse_cn(whole)
        if head is None or not frac or any(ch not in CN_DIGIT for ch in frac):
            return None
        value = head + Decimal("0." + "".join(str(CN_DIGIT[ch]) for ch in frac))
        return value * _CN_BIG_UNIT[big] if big else value
    if all(ch in CN_DIGIT for ch in s):  # positional: 二〇一五, or a single digit
        if len(s) == 1:
            return Decimal(CN_DIGIT[s])
        return Decimal("".join(str(CN_DIGIT[ch]) for ch in s))
    total = Decimal(0)  # finished 亿/万 sections
    section = Decimal(0)  # value below the current 万/亿
    digit: int | None = None
    last_big = None
    for ch in s:
        if ch in CN_DIGIT:
            if digit is not None and digit != 0 and CN_DIGIT[ch] != 0:
                return None  # two digits in a row inside a structured numeral
            digit = CN_DIGIT[ch]
        elif ch in _CN_SMALL_UNIT:
            unit = _CN_SMALL_UNIT[ch]
            section += Decimal(1 if digit is None else digit) * unit
            digit = None
        elif ch in _CN_BIG_UNIT:
            unit = _CN_BIG_UNIT[ch]
            section += Decimal(digit or 0)
            digit = None
            if section == 0 and total == 0:
                return None
            if last_big is not None and unit > last_big:  # 万亿: multiply everything so far
                total = (total + section) * unit
            else:
                total += section * unit
            section = Decimal(0)
            last_big = unit
        else:
            return None
    section += Decimal(digit or 0)
    return total + section


_AR_FULL = re.compile(rf"(\d+(?:[_,]\d{{3}})*(?:\.\d+)?)(?:{alt(_NUM['more'])})?([{AR_MULT}]{{0,2}})")
_CN_FULL = re.compile(rf"[{DIGITS}{SMALL}{BIG}{POINT}]+|{HALF}")


def parse_numeral(s: str) -> Decimal | None:
    """One numeral (no range, no qualifier): ``"1259.7亿"``, ``"2.5万"``, ``"十"``, ``"3千"`` → Decimal."""
    s = s.strip()
    if not s:
        return None
    m = _AR_FULL.fullmatch(s)
    if m:
        if len(m.group(1)) > 40:
            return None
        d = _dec(m.group(1))
        if d is None:
            return None
        for ch in m.group(2):
            d *= _MULT[ch]
        return d
    if _CN_FULL.fullmatch(s):
        if len(s) > 40:
            return None
        return _parse_cn(s)
    return None


def parse_fraction(s: str) -> Decimal | None:
    """``三分之一`` → 1/3, ``百分之三十`` → 0.3, ``一半`` → 0.5, ``2/3`` → 2/3."""
    if s in (A_HALF, HALF):  # 一半, and 半 alone (近半)
        return Decimal("0.5")
    if "/" in s:
        a, _, b = s.partition("/")
        na, nb = _dec(a), _dec(b)
        return None if na is None or not nb else na / nb
    den, sep, num = s.partition(FRACTION_WORD)
    if not sep:
        return None
    nd, nn = parse_numeral(den), parse_numeral(num)
    if nd is None or nn is None or nd == 0:
        return None
    return nn / nd


_LOOSE_PAIRS = frozenset(_NUM.get("loose_pairs", ()))


def consecutive_pair(s: str) -> tuple[Decimal, Decimal] | None:
    """两三 / 三四 / 七八 → (2, 3) …, 三五 → (3, 5): two Chinese digits read as a rough range; followed by a
    magnitude (二三十 → (20, 30), 三四百 → (300, 400)) the range is of it."""
    mult = 1
    if len(s) == 3 and s[2] in _MULT:
        s, mult = s[:2], _MULT[s[2]]
    if len(s) == 2 and s[0] in CN_DIGIT and s[1] in CN_DIGIT:
        a, b = CN_DIGIT[s[0]], CN_DIGIT[s[1]]
        if 1 <= a and (b == a + 1 or s in _LOOSE_PAIRS):
            return Decimal(a * mult), Decimal(b * mult)
    return None


def _some_after_ten(s: str) -> tuple[Decimal, Decimal] | None:
    """十几 / 二十几 → (11, 19) / (21, 29): a round ten and 几 ("some"), read as the range of its ones."""
    if len(s) < 2 or not s.endswith(SOME):
        return None
    ten = _parse_cn(s[:-1])
    if ten is None or ten % 10 or s[-2] not in TEN:
        return None
    return ten + 1, ten + 9


def _bare_magnitude(s: str) -> Decimal | None:
    """千万 / 百万 / 千 (no leading digit: 逾千万元) → 1 of the magnitude."""
    if s and s[0] in _MULT and _MULT[s[0]] >= 100 and len(s) <= 2 and all(ch in _MULT for ch in s):
        return _parse_cn("一" + s)
    return None


def numeral_range(s: str) -> tuple[Decimal, Decimal] | None:
    """A numeral or a numeral range (``5至10``, ``2-3``, ``两三``, ``十几``) → (low, high) as Decimals."""
    pair = consecutive_pair(s) or _some_after_ten(s)
    if pair:
        return pair
    m = _RANGE_RE.match(s)
    if m:
        a, b = parse_numeral(m.group(1)), parse_numeral(m.group(2))
        # 3-5万 = 3万-5万: a multiplier written only on the second number applies to both
        mult = _TRAILING_MULT.search(m.group(2))
        if a is not None and mult and not _TRAILING_MULT.search(m.group(1)) and m.group(1)[-1].isdigit() \
                and m.group(2)[0].isdigit():
            for ch in mult.group(0):
                a *= _MULT[ch]
        if a is None or b is None or a > b:
            return None
        return a, b
    v = parse_numeral(s)
    if v is None:
        v = parse_fraction(s)
    return None if v is None else (v, v)


_MAX_INPUT = 200
_INNER_MORE = re.compile(rf"(?<=[{SMALL}])[{MORE}](?=[{BIG}])")


@lru_cache(maxsize=8192)
def range_floats(s: str, bare: bool = False) -> tuple[float, float] | None:
    """Cached :func:`numeral_range` as finite floats (None when not a numeral or not finite). With
    ``bare``, a magnitude without a leading digit (千万, read after 逾/超/近) is one of it."""
    if any(w in s for w in _NUM["more"]):  # 两千多万 = 两千万 (the qualifier is read by the caller)
        s = _INNER_MORE.sub("", s)
    try:
        b = _bare_magnitude(s) if bare else None
        r = (b, b) if b is not None else numeral_range(s)
    except (InvalidOperation, ValueError, ArithmeticError):
        return None
    if r is None:
        return None
    lo, hi = float(r[0]), float(r[1])
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    return lo, hi


def parse_number(s: str) -> tuple[float, float] | None:
    """Parse a numeral string to ``(low, high)`` floats, or None if it is not a numeral.

    Accepts Arabic (``1.5``, ``1,100``), Chinese (``一千``, ``十``, ``两``), multipliers (``2.5万``,
    ``1259.7亿``, ``200多万``), fractions (``三分之一`` → 1/3, ``一半`` → 0.5), ranges (``5至10``,
    ``2-3``, ``10~15``, ``两三``; ``3-5万`` is 30000–50000) and surrounding qualifier words (``约``, ``近``, ``超过``, ``多``,
    ``余``, ``左右``, ``以上`` …), which do not change the value: ``"超过30"`` → ``(30.0, 30.0)``.
    A trailing ``%`` is accepted and ignored.  Never raises; non-str input raises TypeError.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_number() needs a str, got {type(s).__name__}")
    t = s.strip().replace("，", ",").replace("～", "~").replace("％", "%")
    t = t.translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)})
    if t.endswith("%"):
        t = t[:-1]
    if len(t) > _MAX_INPUT:  # no numeral with its qualifiers is this long (and the scan stays linear)
        return None
    prev, lead = None, t
    while prev != t:
        prev = t
        t = _QUAL_RE.sub("", t).strip()
    if not t or len(t) > 80:
        return None
    return range_floats(t, bare=lead[:1] in BARE_AFTER and not lead.startswith(t))
