"""Before/after claims from tables: a header row with a 改革前 cell and a 改革后 cell, then rows of values.

    指标            改革前   改革后            | 序号 | 事项         | 改革前     | 改革后    |
    通关时间(小时)   48.5     12               | 1    | 工作许可时限  | 20个工作日 | 5个工作日 |

Cells are separated by tabs or ``|`` (Markdown; a ``|---|`` rule is skipped). A value's unit is the one
written in its cell (``20个工作日``), else the one in brackets in the column header (``改革前(天)``), else
the one in brackets in the row's label (``通关时间(小时)``). A row without a recognisable unit, or whose
values are equal, gives no claim. The table ends at the first line that is not a row.

:func:`table_claims` works on normalised text (ASCII brackets and ``%``) and returns plain tuples;
:mod:`ftzdata.extract.claims` turns them into claims.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import LEX, alt
from .numbers import parse_number
from .units import UNIT_SURFACES, UNITS

__all__ = ["TableClaim", "table_claims"]

# Header words: the lexicon's before and after markers (the same words as in prose, 改革前 … 改革后).
_BEFORE_WORDS = alt(LEX["markers"]["before"])
_AFTER_WORDS = alt(LEX["markers"]["after"])
_BEFORE_HEAD = re.compile(rf"^(?:{_BEFORE_WORDS})")
_AFTER_HEAD = re.compile(rf"^(?:{_AFTER_WORDS})")
_WORKING_DAYS = tuple(LEX["qualifiers"]["working_days"])
_BRACKET = re.compile(r"\(([^()]{1,8})\)")
_RULE = re.compile(r"^:?-{2,}:?$")
_LINE = re.compile(r"[^\n]+")
_SURFACE = re.compile(r"(?P<num>.+?)(?P<unit>" + "|".join(re.escape(u) for u in UNIT_SURFACES) + r")?$")


class TableClaim(NamedTuple):
    start: int  # the row's label cell
    end: int  # end of the after cell
    label: str
    kind: str  # duration, count, money, ratio, area
    unit: str  # canonical (h, CNY, count:项, % …)
    before: tuple[float, float]
    after: tuple[float, float]
    quals: tuple[str, ...]


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell, stripped of spaces; offsets into the whole text."""
    if "\t" in line:
        sep = "\t"
    elif line.count("|") >= 2:
        sep = "|"
    else:
        return []
    inner_start, inner = 0, line
    if sep == "|":
        stripped = line.strip()
        lead = line.index(stripped[0]) if stripped else 0
        inner_start = lead + (1 if stripped.startswith("|") else 0)
        inner = line[inner_start:len(line.rstrip()) - (1 if stripped.endswith("|") else 0)]
    out, pos = [], inner_start
    for part in inner.split(sep):
        text = part.strip()
        a = pos + (part.index(text) if text else 0)
        out.append((offset + a, offset + a + len(text), text))
        pos += len(part) + 1
    return out


def _unit(surface: str | None):
    return UNITS.get(surface) if surface else None


def _value(cell: str, fallback_units: list[str | None]):
    """(low, high, Unit, surface) of a cell such as ``48.5``, ``20个工作日``, ``30%``; None if not a value."""
    m = _SURFACE.fullmatch(cell)
    if not m:
        return None
    nums = parse_number(m.group("num"))
    if nums is None:
        return None
    surface = m.group("unit")
    unit = _unit(surface)
    if unit is None:
        for s in fallback_units:
            unit, surface = _unit(s), s
            if unit is not None:
                break
    if unit is None:
        return None
    return nums[0] * unit.factor, nums[1] * unit.factor, unit, surface


def _bracket_unit(cell: str) -> str | None:
    found = _BRACKET.findall(cell)
    return found[-1].strip() if found else None


_HEADS = rf"(?:{_BEFORE_WORDS}|{_AFTER_WORDS})"
# A line that may be a header: two cells (after a tab or |) that open with a before or after word.
_HEADER_LINE = re.compile(rf"^[^\n]*[\t|] *{_HEADS}[^\n]*[\t|] *{_HEADS}[^\n]*$", re.M)


def table_claims(text: str) -> list[TableClaim]:
    """Claims of every before/after table in normalised ``text``, in order."""
    if "\t" not in text and "|" not in text:
        return []
    out: list[TableClaim] = []
    done = 0
    for h in _HEADER_LINE.finditer(text):
        if h.start() < done:
            continue
        cells = _cells(h.group(0), h.start())
        texts = [c[2] for c in cells]
        b = next((i for i, t in enumerate(texts) if _BEFORE_HEAD.match(t)), None)
        a = next((i for i, t in enumerate(texts) if _AFTER_HEAD.match(t)), None)
        if b is None or a is None or b == a:
            continue
        done = _rows(text, h.end(), (b, a, _bracket_unit(texts[b]), _bracket_unit(texts[a])), out)
    return out


def _rows(text: str, pos: int, header: tuple, out: list[TableClaim]) -> int:
    """Read the rows after a header line (ending at ``pos``) into ``out``; return where the table ends."""
    b, a, head_b, head_a = header
    for m in _LINE.finditer(text, pos):
        cells = _cells(m.group(0), m.start())
        texts = [c[2] for c in cells]
        if len(cells) <= max(a, b):
            return m.start()
        if all(_RULE.match(t) or not t for t in texts):
            continue
        label_i = next((i for i, t in enumerate(texts) if i not in (a, b) and t and parse_number(t) is None), None)
        if label_i is None:
            continue
        label = texts[label_i]
        row_unit = _bracket_unit(label)
        before = _value(texts[b], [head_b, row_unit])
        after = _value(texts[a], [head_a, row_unit])
        if before is None or after is None or before[2].canonical != after[2].canonical:
            continue
        if (before[0] + before[1]) == (after[0] + after[1]):
            continue
        unit = before[2]
        quals = ("working days",) if any(w in f"{before[3]}{after[3]}" for w in _WORKING_DAYS) else ()
        start, end = min(cells[label_i][0], cells[b][0]), max(cells[a][1], cells[b][1])
        out.append(TableClaim(start, end, _BRACKET.sub("", label).strip(), unit.dimension, unit.canonical,
                              before[:2], after[:2], quals))
    return len(text)
