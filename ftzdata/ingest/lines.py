"""Element trees (trafilatura's XML or HTML) to text lines: blocks and line breaks end a line, a table
row is one line with its cells separated by tabs."""

from __future__ import annotations

import re

# Tags that start and end a line, in trafilatura's XML and in HTML.
BLOCK_TAGS = frozenset(
    "p head item list quote code table "  # trafilatura
    "div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre section article header footer main aside "
    "center form tbody thead tfoot caption figure figcaption address".split()
)
BREAK_TAGS = frozenset({"lb", "br", "hr"})
ROW_TAGS = frozenset({"row", "tr"})
CELL_TAGS = frozenset({"cell", "td", "th"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "button", "select", "head"})
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _inline_text(el) -> str:
    """All text under ``el`` on one line (whitespace runs → one space)."""
    return _SPACE.sub(" ", "".join(t for t in el.itertext() if isinstance(t, str))).strip()


def row_line(row) -> str:
    """A table row as its cells' texts joined by tabs (cells of nested rows are not separate cells)."""
    cells = [c for c in row if _tag(c) in CELL_TAGS]
    return "\t".join(_inline_text(c) for c in cells)


def element_lines(root, skip=SKIP_TAGS) -> list[str]:
    """The non-empty lines of ``root``'s text, in document order, each stripped of surrounding spaces."""
    lines: list[str] = []
    buf: list[str] = []

    def flush():
        line = _SPACE.sub(" ", "".join(buf)).strip()
        if line:
            lines.append(line)
        buf.clear()

    def walk(el):
        tag = _tag(el)
        if tag in skip and el is not root:
            return
        if tag in ROW_TAGS:
            flush()
            line = row_line(el)
            if line.strip("\t "):
                lines.append(line)
            return
        block = tag in BLOCK_TAGS
        if block or tag in BREAK_TAGS:
            flush()
        if el.text and tag not in BREAK_TAGS:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return lines
