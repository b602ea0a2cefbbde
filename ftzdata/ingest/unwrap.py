"""Paragraphs from lines: where a paragraph ends and starts (shared by the PDF reader), and hard-wrapped plain
text (copied out of a PDF or an e-mail, every full line cut at one width) rejoined into its paragraphs.

Settings in ``readers.yaml`` (``paragraphs``, ``text.unwrap``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from ftzdata.ingest.document import settings


@lru_cache(maxsize=1)
def _start() -> re.Pattern:
    return re.compile(settings()["paragraphs"]["start"])


def paragraph_ends() -> str:
    """The characters that end a paragraph when a line ends with one (。；：！？ …)."""
    return settings()["paragraphs"]["end"]


def starts_paragraph(line: str) -> bool:
    """Does ``line`` (stripped) open a paragraph: a heading or a numbered item (第一条, 一、, （一）, 1.), a
    Markdown heading, bullet or quote (# …, - …, > …)?"""
    return bool(_start().match(line))


def joiner(a: str, b: str) -> str:
    """'' between lines of Chinese text and inside a number cut at the line end (818 / 9), ' ' between two
    Latin words (a letter or a digit next to a letter)."""
    x, y = a[-1:], b[:1]
    latin = x.isascii() and x.isalnum() and y.isascii() and y.isalnum()
    return " " if latin and not (x.isdigit() and y.isdigit()) else ""


def width(line: str) -> int:
    """Display columns of ``line``: 2 for a wide character (CJK, full-width), 1 for any other."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def hard_wrap(text: str, columns: int) -> str:
    """``text`` with every line cut at ``columns`` display columns, as a text copied out of a PDF is (the
    inverse of :func:`unwrap`, for tests and benchmarks)."""
    out = []
    for line in text.split("\n"):
        cur, used = "", 0
        for ch in line:
            w = width(ch)
            if used + w > columns:
                out.append(cur)
                cur, used = "", 0
            cur, used = cur + ch, used + w
        out.append(cur)
    return "\n".join(out)


def _is_row(line: str) -> bool:
    return "\t" in line or "|" in line


def wrap_width(lines: list[str]) -> int | None:
    """The width every full line of a hard-wrapped text was cut at, or None when the lines do not look cut
    (fewer than ``min_lines`` lines, or less than ``share`` of the wide ones, within ``tolerance`` columns of
    one width)."""
    cfg = settings()["text"]["unwrap"]
    tol = cfg["tolerance"]
    widths = Counter(w for ln in lines if not _is_row(ln) and (w := width(ln.rstrip())) >= cfg["min_width"])
    wide = sum(widths.values())
    if wide < cfg["min_lines"]:
        return None
    near = {w: sum(n for v, n in widths.items() if abs(v - w) <= tol) for w in widths}
    best = max(near, key=lambda w: (near[w], w))
    if near[best] < cfg["min_lines"] or near[best] < cfg["share"] * wide:
        return None
    return max(v for v in widths if abs(v - best) <= tol)


def may_be_wrapped(text: str) -> bool:
    """A quick test before :func:`wrap_joins`, for the extractor, which reads every text (one that fails it is read
    as it is; the reader of ``ftzdata add`` calls :func:`unwrap` alone): at least ``min_lines`` lines of ``min_width``/2 characters or more, ``prefilter_share`` of them within
    ``prefilter_chars`` characters of one length, as lines cut at one width are (a wide character is two columns,
    a digit one)."""
    cfg = settings()["text"]["unwrap"]
    if text.count("\n") < cfg["min_lines"]:
        return False
    lens = sorted(n for n in map(len, text.split("\n")) if 2 * n >= cfg["min_width"])
    need = max(cfg["min_lines"], cfg["prefilter_share"] * len(lens))
    lo = 0
    for hi, n in enumerate(lens):  # the most lines whose lengths are at most prefilter_chars apart
        while n - lens[lo] > cfg["prefilter_chars"]:
            lo += 1
        if hi - lo + 1 >= need:
            return True
    return False


def _double_spaced(lines: list[str]) -> bool:
    """Is every line of text followed by one empty line (a PDF copied with a blank line after each line), in
    ``double_spaced`` of the places where one line of text follows another, at least ``min_lines`` of them?"""
    cfg = settings()["text"]["unwrap"]
    gaps = []
    i = next((k for k, ln in enumerate(lines) if ln.strip()), len(lines))
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines):
            gaps.append(j - i - 1)
        i = j
    return len(gaps) >= cfg["min_lines"] and gaps.count(1) >= cfg["double_spaced"] * len(gaps)


def wrap_joins(text: str) -> list[tuple[int, int, str]]:
    """Where the hard-wrapped lines of ``text`` run on: ``(start, end, joiner)`` for each line break to replace
    (the newline, and in a double-spaced text the empty line after it), in order; [] when the text does not look
    hard-wrapped. A line as wide as the wrap width (within the tolerance) runs on into the next one unless it
    ends with a paragraph end, or the next line is empty, indented, a table row or a heading. In a
    double-spaced text (an empty line after every line) the empty lines are read as plain line breaks."""
    lines = text.split("\n")
    begins, at = [], 0
    for ln in lines:
        begins.append(at)
        at += len(ln) + 1
    keep = range(len(lines))
    if _double_spaced(lines):
        keep = [k for k, ln in enumerate(lines) if ln.strip()]
    kept = [lines[k] for k in keep]
    full = wrap_width(kept)
    if full is None:
        return []
    low = full - 2 * settings()["text"]["unwrap"]["tolerance"]
    ends = paragraph_ends()
    joins: list[tuple[int, int, str]] = []
    run_on, prev = False, None
    tail = last = ""  # the paragraph so far: its last character, and its last one that is not a space
    for k in keep:
        line = lines[k]
        starts = not line.strip() or line[:1].isspace() or _is_row(line) or starts_paragraph(line.strip())
        if run_on and not starts:
            glue = joiner(tail, line)
            joins.append((begins[prev] + len(lines[prev]), begins[k], glue))
            tail = (tail + glue + line)[-1:]
            last = (last + glue + line).rstrip()[-1:]
        else:
            tail, last = line[-1:], line.rstrip()[-1:]
        run_on = bool(last) and not _is_row(line) and width(line.rstrip()) >= low and last not in ends
        prev = k
    return joins


def unwrap(text: str) -> tuple[str, int]:
    """``text`` with its hard-wrapped lines rejoined (see :func:`wrap_joins`), and how many line breaks were
    removed (0: the text is returned as it is). In a double-spaced text every empty line goes."""
    joins = wrap_joins(text)
    if not joins:
        return text, 0
    out, at = [], 0
    for a, b, glue in joins:
        out.append(text[at:a])
        out.append(glue)
        at = b
    out.append(text[at:])
    joined = "".join(out)
    if _double_spaced(text.split("\n")):
        joined = "\n".join(ln for ln in joined.split("\n") if ln.strip())
    return joined, len(joins)
