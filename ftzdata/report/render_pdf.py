"""HTML → PDF with WeasyPrint: A4, "page n of N" footer, Chinese as real text in an embedded subset font.

The font is the cached subset from :func:`ftzdata.fonts.subset_font_path` (never the 16 MB file:
WeasyPrint would parse and re-subset it for every PDF, seconds each). Characters of the page that
the cached subset lacks make an extended subset (also cached), so no glyph falls back to a box.
"""

from __future__ import annotations

import contextlib
import html as _html
import os
import re
import sys
from pathlib import Path

from ftzdata.fonts import PDF_FONT_FAMILY, pdf_font_css

__all__ = ["import_weasyprint", "render_pdf", "print_css"]


def print_css(footer: str = "page {page} of {pages}", header: str = "") -> str:
    """Print rules: A4 pages, margins, footer with page counters, the subset font for everything."""

    def css_content(template: str) -> str:
        parts = re.split(r"(\{page\}|\{pages\})", template)
        out = []
        for p in parts:
            if p == "{page}":
                out.append("counter(page)")
            elif p == "{pages}":
                out.append("counter(pages)")
            elif p:
                out.append('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"')
        return " ".join(out) or '""'

    fam = f'"{PDF_FONT_FAMILY}"'
    return f"""
@page {{
  size: A4;
  margin: 18mm 16mm 20mm 16mm;
  @bottom-center {{ content: {css_content(footer)}; font-family: {fam}; font-size: 8.5pt; color: #5b6670; }}
  @top-right {{ content: {css_content(header) if header else '""'}; font-family: {fam}; font-size: 8pt; color: #8a949c; }}
}}
html, body, table, pre, code {{ font-family: {fam}; }}
html {{ font-size: 9.5pt; }}
main.report {{ max-width: none; padding: 0; }}
h1, h2, h3 {{ break-after: avoid; }}
img, svg {{ break-inside: avoid; }}
img.chart {{ display: block; margin: 0.4em 0 1em; }}
tr {{ break-inside: avoid; }}
thead {{ display: table-header-group; }}
"""


def _meta(html: str, name: str) -> str:
    m = re.search(rf'<meta name="{name}" content="([^"]*)">', html)
    return _html.unescape(m.group(1)) if m else ""


def _visible_text(html: str) -> str:
    text = re.sub(r'<img[^>]*>|<style.*?</style>|src="data:[^"]*"', " ", html, flags=re.S)
    return _html.unescape(re.sub(r"<[^>]+>", " ", text))


def _ldconfig_finder():
    """``ctypes.util.find_library`` answered from one ``ldconfig -p`` listing (Linux), or None.

    WeasyPrint tries up to six names per library and cffi asks ``find_library`` for each, which runs
    ``ldconfig`` (and ``gcc``) every time: ~20 processes, 0.5 s per ``import weasyprint``. The answer
    for a name is the one CPython's own ldconfig lookup would give; names not in the listing fall back
    to the original function when ``LD_LIBRARY_PATH`` is set (libraries outside the system cache)."""
    import ctypes.util
    import re
    import subprocess

    if not sys.platform.startswith("linux"):
        return None
    try:
        listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, timeout=10,
                                 env={"LC_ALL": "C", "LANG": "C", "PATH": os.environ.get("PATH", "/usr/sbin:/sbin")}).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if not listing:
        return None
    machine = os.uname().machine
    abi = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(machine)
    original = ctypes.util.find_library

    def find_library(name: str):
        pattern = rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\(" + (rf"[^)]*{re.escape(abi)}" if abi else "")
        match = re.search(pattern, listing)
        if match:
            return match.group(1)
        return original(name) if os.environ.get("LD_LIBRARY_PATH") else None

    return find_library


def import_weasyprint():
    """``import weasyprint`` with the library look-ups answered by one ``ldconfig -p`` (see above)."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    import ctypes.util

    finder = _ldconfig_finder()
    original = ctypes.util.find_library
    if finder is not None:
        ctypes.util.find_library = finder
    try:
        import weasyprint
        import weasyprint.text.fonts  # noqa: F401
    finally:
        ctypes.util.find_library = original
    return weasyprint


def render_pdf(html: str, out: Path, base_url: str | None = None) -> Path:
    """Write ``html`` as a PDF to ``out``."""
    import_weasyprint()
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    footer = _meta(html, "ftzdata-footer") or "page {page} of {pages}"
    header = _meta(html, "ftzdata-report")
    font_css = pdf_font_css(_visible_text(html) + footer + header)
    font_config = FontConfiguration()  # needed for @font-face rules to load
    stylesheets = [CSS(string=font_css + print_css(footer, header), font_config=font_config)]
    with svg_text_in_runs():
        HTML(string=charts_as_images(html), base_url=base_url or str(Path(out).parent)).write_pdf(
            str(out), stylesheets=stylesheets, font_config=font_config, pdf_tags=True  # tagged: structure for readers
        )
    return Path(out)


_INLINE_CHART = re.compile(r'<svg class="chart" role="img" aria-label="([^"]*)".*?</svg>', re.S)


def charts_as_images(html: str) -> str:
    """The page with each inline chart (``<svg class="chart" …>``, see ``render_html.inline_svg``) as an
    ``<img class="chart">`` holding the same SVG, its text alternative as ``alt``: the picture and the
    PDF's text are the same, but WeasyPrint reads the SVG with an XML parser instead of its HTML parser and
    computes no page styles for its ~500 elements (a tenth of a report's PDF time)."""
    import base64

    def image(m):
        data = base64.b64encode(m.group(0).encode("utf-8")).decode("ascii")
        return f'<img class="chart" alt="{m.group(1)}" src="data:image/svg+xml;base64,{data}">'

    return _INLINE_CHART.sub(image, html)


class _Run(str):
    """A string that iterates as one item: itself (WeasyPrint's SVG text drawing loops over a text's characters)."""

    def __iter__(self):
        yield str(self)


_POSITION_LISTS = ("x", "y", "dx", "dy", "rotate")


@contextlib.contextmanager
def svg_text_in_runs():
    """While rendering, WeasyPrint shapes and draws each SVG ``<text>`` without glyph-specific positions as one
    run, instead of laying out and drawing it character by character (a known WeasyPrint limitation,
    Kozea/WeasyPrint#2249, whose maintainer proposes this as the workaround for the common case; about a
    fifth of a report's PDF time went into the charts' ~4,000 single-character layouts). The words are the same and
    in the same place; kerning between characters is kept, as in the HTML. Text with per-character
    ``x``/``y``/``dx``/``dy``/``rotate`` lists, ``letter-spacing`` or ``textLength`` keeps WeasyPrint's own path,
    and so does every text if this WeasyPrint draws SVG text some other way."""
    try:
        import weasyprint.svg as svg_module
        from weasyprint.svg.utils import normalize
    except ImportError:
        yield
        return
    original = getattr(svg_module, "text", None)
    tags = [tag for tag, draw in getattr(svg_module, "TAGS", {}).items() if draw is original]
    if original is None or not callable(original) or not tags:
        yield
        return

    def text(svg, node, font_size):
        element = getattr(node, "_etree_node", None)
        plain = (element is not None and isinstance(element.text, str) and len(element.text) > 1
                 and not any(len(normalize(node.get(k, "")).split()) > 1 for k in _POSITION_LISTS)
                 and not node.get("letter-spacing") and not node.get("textLength"))
        if not plain:
            return original(svg, node, font_size)
        before = element.text
        element.text = _Run(before)
        try:
            return original(svg, node, font_size)
        finally:
            element.text = before

    svg_module.text = text  # draw_node compares TAGS[tag] with this name to find text nodes
    for tag in tags:
        svg_module.TAGS[tag] = text
    try:
        yield
    finally:
        svg_module.text = original
        for tag in tags:
            svg_module.TAGS[tag] = original
