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


def unwrap(text: str) -> tuple[str, int]:
    """``text`` with its hard-wrapped lines rejoined, and how many line breaks were removed (0: the text is
    returned as it is). A line as wide as the wrap width (within the tolerance) runs on into the next one
    unless it ends with a paragraph end, or the next line is empty, indented, a table row or a heading. In a
    double-spaced text (an empty line after every line) the empty lines are read as plain line breaks."""
    lines = text.split("\n")
    if _double_spaced(lines):
        lines = [ln for ln in lines if ln.strip()]
        if wrap_width(lines) is None:
            return text, 0
    full = wrap_width(lines)
    if full is None:
        return text, 0
    low = full - 2 * settings()["text"]["unwrap"]["tolerance"]
    ends = paragraph_ends()
    out: list[str] = []
    joined = 0
    run_on = False
    for line in lines:
        starts = not line.strip() or line[:1].isspace() or _is_row(line) or starts_paragraph(line.strip())
        if run_on and not starts:
            out[-1] += joiner(out[-1], line) + line
            joined += 1
        else:
            out.append(line)
        last = out[-1].rstrip()
        run_on = bool(last) and not _is_row(line) and width(line.rstrip()) >= low and last[-1] not in ends
    return ("\n".join(out), joined) if joined else (text, 0)
