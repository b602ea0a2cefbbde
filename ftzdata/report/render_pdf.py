"""HTML → PDF with WeasyPrint: A4, "page n of N" footer, Chinese as real text in an embedded subset font.

The font is the cached subset from :func:`ftzdata.fonts.subset_font_path` (never the 16 MB file:
WeasyPrint would parse and re-subset it for every PDF, seconds each). Characters of the page that
the cached subset lacks make an extended subset (also cached), so no glyph falls back to a box.
"""

from __future__ import annotations

import html as _html
import re
from pathlib import Path

from ftzdata.fonts import PDF_FONT_FAMILY, pdf_font_css

__all__ = ["render_pdf", "print_css"]


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
img {{ break-inside: avoid; }}
tr {{ break-inside: avoid; }}
thead {{ display: table-header-group; }}
"""


def _meta(html: str, name: str) -> str:
    m = re.search(rf'<meta name="{name}" content="([^"]*)">', html)
    return _html.unescape(m.group(1)) if m else ""


def _visible_text(html: str) -> str:
    text = re.sub(r'<img[^>]*>|<style.*?</style>|src="data:[^"]*"', " ", html, flags=re.S)
    return _html.unescape(re.sub(r"<[^>]+>", " ", text))


def render_pdf(html: str, out: Path, base_url: str | None = None) -> Path:
    """Write ``html`` as a PDF to ``out``."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    footer = _meta(html, "ftzdata-footer") or "page {page} of {pages}"
    header = _meta(html, "ftzdata-report")
    font_css = pdf_font_css(_visible_text(html) + footer + header)
    font_config = FontConfiguration()  # needed for @font-face rules to load
    stylesheets = [CSS(string=font_css + print_css(footer, header), font_config=font_config)]
    HTML(string=html, base_url=base_url or str(Path(out).parent)).write_pdf(
        str(out), stylesheets=stylesheets, font_config=font_config
    )
    return Path(out)
