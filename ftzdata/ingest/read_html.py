"""Web pages (.html, .htm): the article through trafilatura (readability-lxml where trafilatura keeps a
page-layout table), the page's title and metadata lines (发布时间, 来源, …) before it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ftzdata.errors import IngestError
from ftzdata.ingest.document import settings
from ftzdata.ingest.lines import BLOCK_TAGS, CELL_TAGS, element_lines
from ftzdata.ingest.read_text import codec_for, decode


def html_encoding(data: bytes) -> str | None:
    """The encoding a page declares (BOM, ``<meta charset>``, XML declaration), as a codec name."""
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)
    return codec_for(declared) if declared else None


def decode_html(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """``(html, encoding, warnings)``: the declared encoding if the bytes decode with it, else detection."""
    declared = html_encoding(data)
    if declared:
        try:
            return data.decode(declared), declared, []
        except (LookupError, UnicodeDecodeError):
            text, found = decode(data, path, "web page")
            return text, found, [f"the page declares {declared} but is {found}; read as {found}"]
    text, found = decode(data, path, "web page")
    return text, found, []


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in settings()["html"]["boilerplate_lines"]))


@lru_cache(maxsize=1)
def _header_label() -> re.Pattern:
    labels = "|".join(map(re.escape, settings()["html"]["header_labels"]))
    return re.compile(rf"(?:^|\s)(?:{labels})\s*[:：]")


def _layout_table_kept(body) -> bool:
    """True if trafilatura's output has a table cell holding paragraphs: a page-layout table, not data."""
    return any(_tag(d) in BLOCK_TAGS for c in body.iter("cell") for d in c.iterdescendants())


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _readability_lines(html: str) -> list[str]:
    import lxml.html
    from readability import Document

    fragment = Document(html).summary(html_partial=True)
    return element_lines(lxml.html.fromstring(fragment)) if fragment.strip() else []


def article(html: str) -> tuple[str | None, list[str], list[str]]:
    """``(title, article lines, warnings)`` of a page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_tables=True, include_comments=False, with_metadata=True)
    title = (doc.title or "").strip() or None if doc is not None else None
    body = getattr(doc, "body", None) if doc is not None else None
    if body is not None and not _layout_table_kept(body):
        lines, warnings = element_lines(body), []
    else:
        lines = _readability_lines(html)
        warnings = ["trafilatura found no article (or kept a page-layout table); the article was taken by readability"]
    return title, [ln for ln in lines if not is_boilerplate(ln)], warnings


def is_boilerplate(line: str) -> bool:
    """A short line with a share button, print/close link or font-size switch."""
    return len(line) <= settings()["html"]["boilerplate_max_chars"] and bool(_boilerplate().search(line))


def page_lines(html: str) -> list[str]:
    """All text lines of the page (scripts and styles left out)."""
    import lxml.html

    root = lxml.html.fromstring(html)
    body = root.find(".//body")
    return element_lines(root if body is None else body)


def header_lines(page: list[str], first_article_line: str, title: str | None) -> list[str]:
    """The page's metadata lines (labelled 发布时间, 来源, …) above the article's first line."""
    out = []
    for line in page:
        if line == first_article_line or (first_article_line and first_article_line in line):
            break
        if line != title and _header_label().search(line) and line not in out:
            out.append(line)
    return out


def read(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """A web page's ``(text, encoding, warnings)``: title line, metadata lines, then the article."""
    html, encoding, warnings = decode_html(data, path)
    if "<" not in html:
        raise IngestError(f"{path}: no HTML markup in this file; a plain text file should end in .txt")
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses an encoding declaration in a str
    title, lines, more = article(html)
    warnings += more
    if not lines:
        raise IngestError(f"{path}: no article text found in this web page")
    head = [title] if title and title not in lines[:3] else []
    head += header_lines(page_lines(html), lines[0], title)
    return "\n".join(head + lines), encoding, warnings
