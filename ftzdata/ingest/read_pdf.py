"""PDFs with a text layer, through pypdfium2 (PDFium): pages in order, running headers/footers and page
numbers dropped, the line breaks inside a paragraph rejoined.

pypdf and pdfplumber (pdfminer) return garbage or nothing for the CID fonts WeasyPrint and many Chinese
PDF makers embed; PDFium reads them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ftzdata.errors import IngestError
from ftzdata.ingest.document import settings
from ftzdata.ingest.unwrap import joiner, paragraph_ends, starts_paragraph

_SPACES = re.compile(r"\s+")


def _cfg() -> dict:
    return settings()["pdf"]


@lru_cache(maxsize=1)
def _page_number() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _cfg()["page_number_patterns"]), re.I)


@dataclass(frozen=True)
class Line:
    """A line of a page's text layer: its text, right edge and height (PDF points)."""

    text: str
    left: float
    right: float
    height: float


def _page_lines(textpage) -> list[Line]:
    """A page's lines from PDFium's text rectangles (rectangles on one baseline make one line)."""
    out: list[Line] = []
    last_bottom = None
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", "").replace("\n", "")
        if not text.strip():
            continue
        height = top - bottom
        if out and last_bottom is not None and abs(bottom - last_bottom) < 0.5 * height:
            prev = out[-1]
            out[-1] = Line(prev.text + text, min(prev.left, left), max(prev.right, right), max(prev.height, height))
        else:
            out.append(Line(text, left, right, height))
        last_bottom = bottom
    return out


def page_lines(data: bytes, path: Path) -> list[list[Line]]:
    """The text-layer lines of each page, in page order."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise IngestError(f"{path}: not a readable PDF ({exc})") from None
    try:
        out = []
        for page in pdf:
            textpage = page.get_textpage()
            out.append(_page_lines(textpage))
            textpage.close()
            page.close()
        return out
    finally:
        pdf.close()


def _key(line: str) -> str:
    """A line with spaces removed and digits folded, to find lines repeated from page to page."""
    return re.sub(r"\d+", "#", _SPACES.sub("", line))


def is_page_number(line: str) -> bool:
    """``- 3 -``, ``第3页``, ``3/10``, ``Page 3`` … (spaces ignored)."""
    return bool(_page_number().match(_SPACES.sub("", line)))


def _is_short(line: Line, right_margin: float) -> bool:
    """A line that stops before the text's right margin (by more than ``short_line_heights`` line heights)."""
    return line.right < right_margin - _cfg()["short_line_heights"] * line.height


def _margin_keys(lines: list[Line]) -> dict[int, tuple[int, str]]:
    """``index -> (position, key)`` of a page's top and bottom lines; position counts from the top
    (0, 1, …) or from the bottom (-1, -2, …)."""
    m = _cfg()["margin_lines"]
    out = {i: (i, _key(lines[i].text)) for i in range(min(m, len(lines)))}
    for k in range(1, min(m, len(lines)) + 1):
        out[len(lines) - k] = (-k, _key(lines[-k].text))
    return out


def running_lines(pages: list[list[Line]]) -> set[tuple[int, str]]:
    """``(position, key)`` of the short lines found at the same place at the top or bottom of most
    pages (running headers and footers)."""
    seen = Counter()
    for lines in pages:
        margin = max((ln.right for ln in lines), default=0)
        seen.update({pk for i, pk in _margin_keys(lines).items() if _is_short(lines[i], margin)})
    need = max(2, math.ceil(_cfg()["running_share"] * len(pages)))
    return {pk for pk, n in seen.items() if n >= need and pk[1]}


def body_lines(pages: list[list[Line]]) -> list[tuple[Line, bool, bool]]:
    """``(line, short, apart)`` for all pages' lines without running headers/footers and page numbers (looked
    for in the top and bottom lines of each page); ``apart``: centred or right-aligned, a paragraph of
    its own."""
    running = running_lines(pages)
    out = []
    for lines in pages:
        margin = max((ln.right for ln in lines), default=0)
        left = min((ln.left for ln in lines), default=0)
        keys = _margin_keys(lines)
        for i, line in enumerate(lines):
            if i in keys and (keys[i] in running or is_page_number(line.text)):
                continue
            aligned_apart = line.left > left + _cfg()["apart_line_heights"] * line.height
            out.append((line, _is_short(line, margin), aligned_apart))
    return out


def paragraphs(lines: list[tuple[Line, bool, bool]]) -> list[str]:
    """Lines rejoined into paragraphs: a paragraph ends after a line ending with 。；：！？ or a short line,
    and before an indented line, a heading/numbered item or a change of font size; centred and
    right-aligned lines stand alone."""
    ends, size_change = paragraph_ends(), _cfg()["size_change"]
    out: list[str] = []
    open_ = False
    last_height = None
    for line, short, apart in lines:
        text = line.text.strip()
        resized = last_height is not None and abs(line.height - last_height) > size_change * last_height
        last_height = line.height
        starts = apart or resized or line.text[:1].isspace() or starts_paragraph(text)
        if open_ and not starts:
            out[-1] += joiner(out[-1], text) + text
        else:
            out.append(text)
        open_ = not (text[-1] in ends or short or apart)
    return out


def read(data: bytes, path: Path) -> tuple[str, None, list[str]]:
    """A PDF's ``(text, None, warnings)``; :class:`IngestError` if it has no text layer."""
    pages = page_lines(data, path)
    if not any(pages):
        raise IngestError(f"{path}: no text layer (a scan?): run OCR first")
    warnings = []
    empty = [str(i + 1) for i, lines in enumerate(pages) if not lines]
    if empty:
        warnings.append(f"page(s) {', '.join(empty)} have no text layer (scanned pages?); their text is missing")
    return "\n".join(paragraphs(body_lines(pages))), None, warnings
