"""Find the cases in a document's text, whatever structure it uses.

:func:`split` tries every structure FTZ documents use and keeps the one that explains the document best:

- ``case-headings``: a line ``案例N`` or ``领域-案例N`` (title on the next line), or ``案例N:标题``;
- ``pipe-table``, ``tsv-table``, ``html-table``: rows after a header row naming a number column (序号)
  and a title column (项目名称, 改革事项 …), as ``|``- or tab-separated lines or ``<tr>``/``<td>`` rows;
  a category cell or row (``二、贸易便利化(11项)``) carries over to the rows below it, repeated header
  rows are skipped;
- ``cn-headings`` (``一、``), ``paren-headings`` (``(一)``), ``arabic-headings`` (``1.``/``1、``),
  ``circled-headings`` (``①``), ``numbered-lines`` (``01``, ``02`` …);
- ``whole-document``: no structure, the document is one case.

Each structure's candidate is the longest run of headings (or rows) numbered 1, 2, … N (the last such
run if several are equally long: a table of contents comes before the body). Structures that name
themselves (case headings, tables with a header row) count double; generic numbered headings need N ≥ 2.
A heading of a higher level that encloses the cases in order (``一、贸易便利化`` above ``(一)`` …) is
their domain as written, and their numbering may restart under each such heading. A line naming the
providing zone (``(中国(海南)自由贸易试验区提供)``) after a title is that case's zone; one before the
first case is every case's zone. All work is linear in the length of the text.

Header words, the case word and the zone line's words are in ``ftzdata/data/structure.yaml``.
Spans are offsets into the original text (via :class:`~ftzdata.normalize.Normalized`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .datafiles import read_yaml

from .normalize import Normalized, clean_text as _clean

__all__ = ["Found", "Split", "STRUCTURES", "split", "zone_pattern", "domain_as_written"]

STRUCTURES = (
    "case-headings", "pipe-table", "tsv-table", "html-table", "cn-headings", "paren-headings",
    "arabic-headings", "circled-headings", "numbered-lines", "whole-document",
)
_EXPLICIT = {"case-headings", "pipe-table", "tsv-table", "html-table"}  # structures that name themselves
_LEVEL = {  # heading levels: a heading of a lower level number can enclose cases of a higher one
    "case-headings": 3, "cn-headings": 1, "paren-headings": 2, "arabic-headings": 3, "numbered-lines": 3,
    "circled-headings": 4,
}
_CN_DIGITS = "〇零一二三四五六七八九十百"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass
class Found:
    """A case as found in a document: spans are character offsets into the original text."""

    seq: int
    start: int
    end: int
    title_start: int
    title_end: int
    zone_zh: str | None = None
    domain_zh: str | None = None
    lead_units: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class Split:
    """The structure a document was split by (one of ``STRUCTURES``) and its cases in order."""

    structure: str
    cases: list[Found]


# ---------------------------------------------------------------------------------------- words
@lru_cache(maxsize=1)
def _words() -> dict:
    with resources.files("ftzdata").joinpath("data/structure.yaml").open(encoding="utf-8") as f:
        return read_yaml(f)


@lru_cache(maxsize=1)
def _header_roles() -> dict[str, str]:
    """Header cell word -> column role, in Simplified and the Traditional forms OpenCC gives."""
    import opencc

    roles = {}
    converters = [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")]
    for role, words in _words()["table_columns"].items():
        for w in words:
            for form in [w] + [c.convert(w) for c in converters]:
                roles.setdefault(form, role)
    return roles


@lru_cache(maxsize=1)
def zone_pattern() -> str:
    """Regex (no anchors) of a 'provided by' note; group ``zone`` is the zone as written (上海, 海南 …)."""
    w = _words()
    kinds = "|".join(map(re.escape, sorted(w["zone_kinds"], key=len, reverse=True)))
    by = re.escape(w["provided_by"])
    return (rf"\((?:中国\((?P<zone>[^()\n]{{1,12}}?)\)(?:{kinds})|(?P<zone2>[^()\n]{{1,12}}?)(?:{kinds}))"
            rf"[^()\n]{{0,20}}?{by}\)")


def _zone_of(m: re.Match) -> str:
    return m.group("zone") or m.group("zone2")


@lru_cache(maxsize=1)
def _zone_line() -> re.Pattern:
    return re.compile(rf"[ \t]*{zone_pattern()}[。.]?[ \t]*(?=\n|$)")


@lru_cache(maxsize=1)
def _zone_suffix() -> re.Pattern:
    return re.compile(rf"{zone_pattern()}[。.]?[ \t]*$")


@lru_cache(maxsize=1)
def _count_suffix() -> re.Pattern:
    units = "".join(_words()["count_suffix_units"])
    return re.compile(rf"\(\d+[{units}]\)[。.]?$")


_NUMBERING = re.compile(rf"^(?:[{_CN_DIGITS}]+、|\([{_CN_DIGITS}]+\)|\d{{1,3}}[.、](?!\d)|[{_CIRCLED}])\s*")


def domain_as_written(heading: str) -> str:
    """A category heading without its numbering and count: ``二、贸易便利化(11项)`` -> ``贸易便利化``."""
    s = _NUMBERING.sub("", heading.strip())
    return _count_suffix().sub("", s).strip()


@lru_cache(maxsize=512)
def _cn_number(s: str) -> int | None:
    from .extract.numbers import parse_numeral

    d = parse_numeral(s)  # the common numerals (一, 十二, 二十三); cn2an (slow to load) for the rest
    if d is not None and d == int(d):
        return int(d)
    import cn2an

    try:
        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


# ---------------------------------------------------------------------------------------- headings
@dataclass
class _Hit:
    """A numbered heading line in the normalised text: [start, end) is the line, title the text after
    the marker (empty when the title is on the next line)."""

    num: int
    start: int
    end: int
    title_start: int
    title_end: int
    prefix: str | None = None  # the domain in 领域-案例N


@lru_cache(maxsize=1)
def _heading_patterns() -> dict[str, re.Pattern]:
    case = re.escape(_words()["case_word"])
    return {
        "case-headings": re.compile(
            rf"^(?:(?P<prefix>[^\n\-:]{{2,12}})-)?{case}(?P<num>\d{{1,4}})(?:[ \t]*$|[::、.][ \t]*(?P<title>[^\n]*))",
            re.M),
        "cn-headings": re.compile(rf"^(?P<num>[{_CN_DIGITS}]{{1,4}})、[ \t]*(?P<title>[^\n]+)", re.M),
        "paren-headings": re.compile(rf"^\((?P<num>[{_CN_DIGITS}]{{1,4}})\)[ \t]*(?P<title>[^\n]+)", re.M),
        "arabic-headings": re.compile(r"^(?P<num>\d{1,4})[.、](?!\d)[ \t]*(?P<title>[^\n]+)", re.M),
        "circled-headings": re.compile(rf"^(?P<num>[{_CIRCLED}])[ \t]*(?P<title>[^\n]+)", re.M),
        "numbered-lines": re.compile(r"^(?P<num>0\d|[1-9]\d{1,2})(?:[ \t]*$|[ \t]*(?P<title>[^\d\s.、:][^\n]*))", re.M),
    }


def _number(style: str, raw: str) -> int | None:
    if style in ("cn-headings", "paren-headings"):
        return _cn_number(raw)
    if style == "circled-headings":
        return _CIRCLED.index(raw) + 1
    return int(raw)


def _hits(style: str, t: str) -> list[_Hit]:
    out = []
    for m in _heading_patterns()[style].finditer(t):
        num = _number(style, m.group("num"))
        if num is None:
            continue
        line_end = t.find("\n", m.start())
        line_end = len(t) if line_end < 0 else line_end
        ts, te = (m.start("title"), m.end("title")) if m.group("title") else (line_end, line_end)
        out.append(_Hit(num, m.start(), line_end, ts, te,
                        m.groupdict().get("prefix")))
    return out


def _best_run(hits: list[_Hit]) -> list[_Hit]:
    """The longest run of hits numbered 1, 2, … N in order (later hits that do not continue it are
    skipped; a 1 starts a new run); the last of equally long runs."""
    best: list[_Hit] = []
    run: list[_Hit] = []
    for h in hits:
        if h.num == 1:
            run = [h]
        elif run and h.num == run[-1].num + 1:
            run.append(h)
        else:
            continue
        if len(run) >= len(best):
            best = run
    return best


def _parents(p_hits: list[_Hit], first: int) -> list[_Hit] | None:
    """The enclosing headings: from the last one numbered 1 before offset ``first``, the headings of this
    style must read 1, 2, … K without a break (headings restarting inside each case are not parents)."""
    i0 = None
    for i, h in enumerate(p_hits):
        if h.start >= first:
            break
        if h.num == 1:
            i0 = i
    if i0 is None:
        return None
    seq = p_hits[i0:]
    if any(h.num != k + 1 for k, h in enumerate(seq)):
        return None
    return seq


def _nested_run(s_hits: list[_Hit], parents: list[_Hit]) -> list[_Hit]:
    """Cases numbered 1.. anew under each parent heading, in document order."""
    out: list[_Hit] = []
    bounds = [p.start for p in parents] + [float("inf")]
    j = 0
    for k, p in enumerate(parents):
        seg = []
        while j < len(s_hits) and s_hits[j].start < bounds[k + 1]:
            if s_hits[j].start > p.start:
                seg.append(s_hits[j])
            j += 1
        out += _best_run(seg)
    return out


def _heading_candidate(style: str, hits_by_style: dict[str, list[_Hit]]):
    """(cases as hits, their enclosing headings or None) for one heading style: the flat run, or the
    run numbered anew under each heading of a higher level, whichever has more cases (then the one
    with the closest enclosing level)."""
    hits = hits_by_style[style]
    flat = _best_run(hits)
    options = [(len(flat), 0, flat, None)]
    first1 = next((h for h in hits if h.num == 1), None)
    for p_style, p_hits in hits_by_style.items():
        level = _LEVEL[p_style]
        if level >= _LEVEL[style] or not p_hits:
            continue
        parents = _parents(p_hits, flat[0].start) if flat else None
        if parents:
            options.append((len(flat), level, flat, parents))
        parents = _parents(p_hits, first1.start) if first1 else None
        if parents:
            nested = _nested_run(hits, parents)
            if len(nested) > len(flat):
                options.append((len(nested), level, nested, parents))
    _, _, run, parents = max(options, key=lambda o: (o[0], o[1]))
    return run, parents


def _title_span(t: str, h: _Hit, style: str) -> tuple[int, int]:
    """The title in the normalised text: the rest of the heading line (up to a 。 that more text
    follows, and without a zone note), or the next non-empty line."""
    if h.title_end > h.title_start:
        s, e = h.title_start, h.title_end
        z = _zone_suffix().search(t, s, e)
        if z:
            e = z.start()
        elif style != "case-headings":
            stop = t.find("。", s, e)
            if 0 <= stop < e - 1:
                e = stop
        return s, len(t[s:e].rstrip()) + s
    m = re.compile(r"\n*([^\n]+)").match(t, h.end)
    if m is None:
        return h.end, h.end
    return m.start(1), m.end(1)


def _heading_cases(norm: Normalized, style: str, run: list[_Hit], parents: list[_Hit] | None) -> list[Found]:
    t = norm.text
    ends = [h.start for h in run[1:]] + [len(t.rstrip())]
    p_starts = [p.start for p in parents] if parents else []
    found, pi = [], 0
    for k, (h, end_n) in enumerate(zip(run, ends)):
        parent = None
        if parents:
            while pi + 1 < len(parents) and parents[pi + 1].start < h.start:
                pi += 1
            parent = parents[pi] if parents[pi].start < h.start else None
            nxt = [s for s in p_starts[pi + 1:pi + 2] if h.start < s < end_n]
            end_n = nxt[0] if nxt else end_n
        ts, te = _title_span(t, h, style)
        if te <= ts:
            raise ValueError(f"heading {t[h.start:h.end]!r} at offset {h.start} has no title")
        zone, body_from = None, h.end
        if h.title_end > h.title_start:  # the title is on the heading line
            zone = _zone_suffix().search(t, ts, h.end)
            if not zone and te < h.title_end:
                body_from = te + 1  # the line goes on after 标题。: that is the case's text
        else:
            body_from = te
        if zone is None and t.startswith("\n", body_from):
            zone = _zone_line().match(t, body_from + 1)
            if zone:
                body_from = zone.end()
        domain = h.prefix or (domain_as_written(t[parent.title_start:parent.title_end]) if parent else None)
        s, e = norm.original_span(h.start, end_n)
        ots, ote = norm.original_span(ts, te)
        found.append(Found(
            seq=k + 1, start=s, end=e, title_start=ots, title_end=ote,
            zone_zh=_zone_of(zone) if zone else None, domain_zh=domain,
            text=t[body_from:end_n].strip(),
        ))
    return found


# ---------------------------------------------------------------------------------------- tables
@dataclass
class _Row:
    """A table row: its span and its cells (raw value, start, end) in the original text."""

    start: int
    end: int
    cells: list[tuple[str, int, int]]


def _line_rows(text: str, sep: str, min_seps: int):
    """Every line with at least ``min_seps`` separators, as a row of stripped cells."""
    pos = 0
    for line in text.split("\n"):
        if line.count(sep) >= min_seps:
            cells, cpos = [], pos
            for part in line.split(sep):
                lead = len(part) - len(part.lstrip())
                cells.append((part.strip(), cpos + lead, cpos + lead + len(part.strip())))
                cpos += len(part) + len(sep)
            yield _Row(pos, pos + len(line.rstrip()), cells)
        else:
            yield _Row(pos, pos + len(line.rstrip()), [])  # a line between rows: may be a category
        pos += len(line) + 1


_TR = re.compile(r"<tr\b[^>]*>|</table\s*>", re.I)
_TD = re.compile(r"<t[dh]\b[^>]*>", re.I)
_TD_END = re.compile(r"</t[dh]\s*>|</tr\s*>", re.I)
_TAG = re.compile(r"<[^<>]{0,500}>")


_EDGE_TAGS = re.compile(r"(?:\s|<[^<>]{0,500}>)*")


def _edge_end(text: str, s: int, e: int) -> int:
    """End of ``text[s:e]`` without the tags and spaces it ends with (scanning back: linear)."""
    while e > s:
        if text[e - 1].isspace():
            e -= 1
        elif text[e - 1] == ">" and (lt := text.rfind("<", max(s, e - 502), e)) >= 0 \
                and ">" not in text[lt:e - 1]:
            e = lt
        else:
            break
    return e


def _html_rows(text: str):
    """Every ``<tr>`` row (up to the next ``<tr>`` or ``</table>``) with its ``<td>``/``<th>`` cells."""
    marks = list(_TR.finditer(text))
    for i, m in enumerate(marks):
        if not m.group(0).lower().startswith("<tr"):
            continue
        row_end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        tds = list(_TD.finditer(text, m.end(), row_end))
        cells = []
        for j, td in enumerate(tds):
            cell_end = tds[j + 1].start() if j + 1 < len(tds) else row_end
            close = _TD_END.search(text, td.end(), cell_end)
            s, e = td.end(), close.start() if close else cell_end
            lead, trail = _EDGE_TAGS.match(text, s, e).end(), _edge_end(text, s, e)
            if trail <= lead:
                lead = trail = s
            cells.append((text[lead:trail], lead, trail))
        end = text.rfind("</tr>", m.end(), row_end)
        yield _Row(m.start(), (end + 5) if end >= 0 else len(text[:row_end].rstrip()), cells)


def _header_key(cell: str) -> str:
    return re.sub(r"\s+", "", _TAG.sub("", cell))


def _header(row: _Row) -> dict[str, int] | None:
    """Column role -> index, if ``row`` is a header row (it names a seq and a title column)."""
    roles = _header_roles()
    found: dict[str, int] = {}
    for i, (value, _, _) in enumerate(row.cells):
        role = roles.get(_header_key(value)) if len(value) <= 40 else None
        if role and role not in found:
            found[role] = i
    return found if "seq" in found and "title" in found else None


_SEQ_CELL = re.compile(r"\d{1,4}[.、]?")


def _seq_cell(row: _Row) -> int | None:
    for i, (value, _, _) in enumerate(row.cells):
        if _SEQ_CELL.fullmatch(_header_key(value)):
            return i
    return None


def _category(row: _Row) -> str | None:
    """A row holding only a category (one non-empty short cell, or a line that is a 一、 heading)."""
    values = [v for v, _, _ in row.cells if _header_key(v)]
    if len(values) == 1 and len(values[0]) <= 40:
        return domain_as_written(_clean(values[0]))
    return None


def _table_candidate(text: str, rows) -> list[tuple[_Row, dict, int, str | None]]:
    """(row, header roles, seq cell index, category) of the rows of the best-numbered table."""
    items, header, category = [], None, None
    cn_line = _heading_patterns()["cn-headings"]
    for row in rows:
        if not row.cells:
            if header is not None:
                line = text[row.start:row.end]
                if cn_line.match(_header_key(line[:60])) and len(line) <= 60:
                    category = domain_as_written(_clean(line))
            continue
        h = _header(row)
        if h is not None:
            header = h
            continue
        if header is None:
            continue
        i = _seq_cell(row)
        if i is None:
            cat = _category(row)
            if cat:
                category = cat
            continue
        before = [v for v, _, _ in row.cells[:i] if _header_key(v)]
        if before:
            category = domain_as_written(_clean(before[-1]))
        offset = header["seq"] - i
        ti = header["title"] - offset
        if not 0 <= ti < len(row.cells) or not row.cells[ti][0]:
            continue
        items.append((row, header, i, category))
    nums = [_Hit(int(_header_key(r.cells[i][0]).rstrip(".、")), k, k, 0, 0) for k, (r, _, i, _) in enumerate(items)]
    return [items[h.start] for h in _best_run(nums)]


def _table_cases(items) -> list[Found]:
    found = []
    for k, (row, header, i, category) in enumerate(items):
        offset = header["seq"] - i

        def cell(role):
            j = header.get(role, -1) - offset
            return row.cells[j] if role in header and 0 <= j < len(row.cells) else None

        seq, title, content, lead = row.cells[i], cell("title"), cell("content"), cell("lead")
        units = [u for u in (x.strip() for x in _clean(lead[0]).split("、")) if u] if lead else []
        found.append(Found(
            seq=k + 1, start=seq[1], end=row.end, title_start=title[1], title_end=title[2],
            domain_zh=category or None, lead_units=units, text=_clean(content[0]) if content else "",
        ))
    return found


# ---------------------------------------------------------------------------------------- choosing
def _whole(norm: Normalized) -> list[Found]:
    t = norm.text
    m = re.search(r"[^\s][^\n]*", t)
    if m is None:
        return []
    ts, te = m.start(), len(m.group(0).rstrip()) + m.start()
    zone = _zone_line().match(t, te + 1)
    body_from = zone.end() if zone else te
    s, e = norm.original_span(ts, len(t.rstrip()))
    ots, ote = norm.original_span(ts, te)
    return [Found(seq=1, start=s, end=e, title_start=ots, title_end=ote,
                  zone_zh=_zone_of(zone) if zone else None, text=t[body_from:].strip())]


def _candidates(norm: Normalized, only: str | None):
    """Yield (structure, size, build) for each structure (or only ``only``); build() gives its cases."""
    original, t = norm.original, norm.text
    tables = {
        "pipe-table": lambda: _line_rows(original, "|", 2),
        "tsv-table": lambda: _line_rows(original, "\t", 1),
        "html-table": lambda: _html_rows(original),
    }
    for name, rows in tables.items():
        if only in (None, name) and (name != "html-table" or "<t" in original.lower()):
            items = _table_candidate(original, rows())
            yield name, len(items), (lambda items=items: _table_cases(items))
    styles = [s for s in _LEVEL if only in (None, s) or _LEVEL[s] < _LEVEL.get(only, 0)]
    hits = {s: _hits(s, t) for s in styles}
    for s in styles:
        if only not in (None, s):
            continue
        run, parents = _heading_candidate(s, hits)
        yield s, len(run), (lambda s=s, run=run, parents=parents: _heading_cases(norm, s, run, parents))


def split(norm: Normalized, hint: str | None = None) -> Split:
    """The cases of a document (its :class:`Normalized` text), by the structure that numbers the most
    cases 1..N (see the module docstring); ``hint`` (a name in ``STRUCTURES``) tries only that one."""
    if hint and hint not in STRUCTURES:
        raise ValueError(f"structure {hint!r} is unknown; allowed: {', '.join(STRUCTURES)}")
    if hint == "whole-document":
        return Split("whole-document", _whole(norm))
    best, best_score = None, (0.0, 0)
    for rank, (name, n, build) in enumerate(_candidates(norm, hint)):
        if n == 0 or (name not in _EXPLICIT and n < 2 and not hint):
            continue
        score = (n * (2 if name in _EXPLICIT else 1), -rank)
        if score > best_score:
            best, best_score = (name, build), score
    if best is None:
        if hint:
            return Split(hint, [])
        return Split("whole-document", _whole(norm))
    found = best[1]()
    _doc_zone(norm, found)
    return Split(best[0], found)


def _doc_zone(norm: Normalized, found: list[Found]) -> None:
    """A zone note before the first case is the zone of every case that names none of its own."""
    if not found or all(f.zone_zh for f in found):
        return
    first = int(norm.normalized_positions([found[0].start])[0]) if norm.text else 0
    zone = None
    for m in re.finditer(rf"^{zone_pattern()}", norm.text[:first], re.M):
        zone = _zone_of(m)
    if zone:
        for f in found:
            f.zone_zh = f.zone_zh or zone
