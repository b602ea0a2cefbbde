"""Executed notebook → standalone HTML with the code hidden and a title block.

nbconvert's ``basic`` template renders the cells (inputs excluded, prompts excluded, cells tagged
``parameters``/``injected-parameters``/``validation``/``remove-cell`` dropped, stderr dropped); the
page around it (title block, small stylesheet) is ours, so the HTML loads nothing from the network
and WeasyPrint does not have to cascade JupyterLab's large stylesheet.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["render_html", "inline_svg", "page_css", "with_web_font", "with_navigation", "contents"]

REMOVE_TAGS = {"parameters", "injected-parameters", "validation", "remove-cell", "papermill-error-cell-tag"}

_CSS = Path(__file__).with_name("report.css")


@lru_cache(maxsize=1)
def page_css() -> str:
    return _CSS.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _exporter():
    from . import execute  # noqa: F401  (nbformat first, without jsonschema's slow iri grammars)
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exp = HTMLExporter(template_name="basic")
    exp.exclude_input = True
    exp.exclude_input_prompt = True
    exp.exclude_output_prompt = True
    exp.exclude_unknown = True
    exp.anchor_link_text = ""
    tags = TagRemovePreprocessor(remove_cell_tags=REMOVE_TAGS, enabled=True)
    exp.register_preprocessor(tags, enabled=True)
    return exp


def _strip_stderr(nb):
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = [o for o in cell.get("outputs", []) if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    return nb


def title_block(meta: dict) -> str:
    """The title, the parameters, the date of the data and the package version."""
    zh = meta.get("params", {}).get("lang") == "zh"
    labels = (
        ("参数", "数据日期", "ftzdata 版本", "报告")
        if zh
        else ("Parameters", "Data as of", "ftzdata version", "Report")
    )
    params = ", ".join(f"{k} = {v}" for k, v in meta.get("params", {}).items() if v not in ("", None)) or "—"
    rows = [
        (labels[3], meta.get("name", "")),
        (labels[0], params),
        (labels[1], meta.get("data_date") or "—"),
        (labels[2], meta.get("version") or "—"),
    ]
    dl = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in rows)
    return (
        f'<header class="title-block"><h1>{html.escape(meta.get("title", meta.get("name", "")))}</h1>'
        f'<dl class="meta">{dl}</dl></header>'
    )


def _images_with_alt(nb) -> dict[str, str]:
    """Charts whose output carries a text alternative (``nb.figure``/``nb.chart``) become inline ``<svg>``
    (vector, text as text in the page's font) or, from an older output with only a PNG, ``<img alt=…>``.

    The SVGs are put in after nbconvert (which re-parses its HTML, lower-casing ``viewBox``): the outputs get
    a placeholder, and the returned dict maps each placeholder to its SVG."""
    from .nb import SVG_MIME

    charts = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if out.get("output_type") not in ("display_data", "execute_result"):
                continue
            data, meta = out.get("data", {}), out.get("metadata", {})
            svg, png = data.get(SVG_MIME), data.get("image/png")
            alt = meta.get(SVG_MIME, {}).get("alt") or meta.get("image/png", {}).get("alt")
            if svg and alt:
                key = f"c{len(charts) + 1}"
                charts[f'<div data-ftzdata-chart="{key}"></div>'] = inline_svg(svg, alt, f"{key}-")
                out["data"] = {"text/html": f'<div data-ftzdata-chart="{key}"></div>'}
            elif alt and png:
                out["data"] = {"text/html": f'<img alt="{html.escape(alt)}" src="data:image/png;base64,'
                                            f'{"".join(png.split())}">'}
    return charts


_SVG_REF = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
_SVG_FONT = re.compile(r"font-family: [^;\"]+")


def inline_svg(svg: str, alt: str, prefix: str) -> str:
    """A matplotlib SVG (text as ``<text>``) ready to sit in the page: no XML prolog or metadata, its ids
    prefixed (``prefix``, unique per page: two charts' clip paths must not share an id), its text in the
    page's embedded CJK font (the font matplotlib measured it with), ``alt`` as its accessible name."""
    from ftzdata.fonts import PDF_FONT_FAMILY, WEB_FONT_FAMILY

    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    svg = _SVG_REF.sub(lambda m: m.group(1) + prefix + m.group(2), svg)
    families = ", ".join(f"'{f}'" for f in dict.fromkeys((WEB_FONT_FAMILY, PDF_FONT_FAMILY, "Noto Sans CJK SC")))
    svg = _SVG_FONT.sub(f"font-family: {families}, sans-serif", svg)
    label = html.escape(alt, quote=True)
    return svg.replace("<svg ", f'<svg class="chart" role="img" aria-label="{label}" ', 1).replace(
        ">", f"><title>{html.escape(alt)}</title>", 1).rstrip() + "\n"


def render_html(executed_nb, meta: dict, extra_css: str = "") -> str:
    """A standalone HTML page for ``executed_nb`` (a NotebookNode); ``meta`` feeds the title block."""
    import copy

    nb = _strip_stderr(copy.deepcopy(executed_nb))
    charts = _images_with_alt(nb)
    body, _ = _exporter().from_notebook_node(nb)
    for placeholder, svg in charts.items():
        body = body.replace(placeholder, svg, 1)
    body = contents(body, meta.get("params", {}).get("lang", "en")) + body
    lang = "zh-Hans" if meta.get("params", {}).get("lang") == "zh" else "en"
    footer_label = "第 {page} 页，共 {pages} 页" if lang != "en" else "page {page} of {pages}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(meta.get('title', meta.get('name', 'report')))}</title>"
        f'<meta name="ftzdata-report" content="{html.escape(meta.get("name", ""))}">'
        f'<meta name="ftzdata-footer" content="{html.escape(footer_label)}">'
        f"<style>\n{page_css()}\n{extra_css}</style></head>\n"
        f'<body><main class="report">{title_block(meta)}\n{body}</main></body></html>\n'
    )


def with_web_font(page: str) -> str:
    """``page`` carrying its own CJK font: a WOFF subset of exactly the page's characters, embedded, listed
    first for the page's text, so that Chinese shows on a machine without a Chinese font (the PDF embeds its
    own font and is rendered from the page without this)."""
    from ftzdata.fonts import WEB_FONT_FAMILY, web_font_css

    from .render_pdf import _visible_text

    # charts were laid out with the font's Latin letters too: with charts, the subset has them as well
    css = web_font_css(_visible_text(page), latin='<svg class="chart"' in page)
    if not css:
        return page
    rule = (f'{css}html, body, table, pre, code {{ font-family: "{WEB_FONT_FAMILY}", "Noto Sans CJK SC", '
            '"Helvetica Neue", Arial, sans-serif; }\n')
    return page.replace("</head>", f"<style>\n{rule}</style></head>", 1)


_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)


def contents(body: str, lang: str) -> str:
    """A table of contents linking the report's sections (its ``<h2 id=…>`` headings); '' with fewer than 3."""
    items = [(anchor, re.sub(r"<[^>]+>", "", text).strip()) for anchor, text in _H2.findall(body)]
    if len(items) < 3:
        return ""
    label = "目录" if lang == "zh" else "Contents"
    links = "".join(f'<li><a href="#{html.escape(a, quote=True)}">{html.escape(t)}</a></li>' for a, t in items)
    return f'<nav class="toc" aria-label="{label}"><h2 class="toc-title">{label}</h2><ol>{links}</ol></nav>\n'


def with_navigation(page: str, lang: str, other: str | None) -> str:
    """``page`` with a line of links at the top: back to the index, and to the same report in the other
    language (``other``: its file name without suffix). For the HTML file only (the PDF stands alone)."""
    zh = lang == "zh"
    links = [f'<a href="index.html">{"全部报告" if zh else "All reports"}</a>']
    if other:
        links.append(f'<a href="{html.escape(other, quote=True)}.html" hreflang="{"en" if zh else "zh-Hans"}">'
                     f'{"English" if zh else "中文"}</a>')
    nav = f'<nav class="report-nav">{" · ".join(links)}</nav>'
    return page.replace('<main class="report">', f'<main class="report">{nav}', 1)
