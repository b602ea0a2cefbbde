"""The HTML reports carry their own CJK font: every character of the page is in the embedded subset."""

import base64
import io
import re

from fontTools.ttLib import TTFont

from ftzdata.fonts import WEB_FONT_FAMILY
from ftzdata.report.render_html import with_web_font
from ftzdata.report.render_pdf import _visible_text

PAGE = ('<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><style>p {}</style></head>'
        "<body><main><h1>自贸试验区概况：海南</h1><p>船舶进出境通关时间由36小时缩短至2.5小时（−93%）。</p>"
        "<table><tr><td>廣州南沙</td></tr></table></main></body></html>")


def _embedded_font(page: str) -> TTFont:
    m = re.search(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", page)
    assert m, "no embedded font"
    return TTFont(io.BytesIO(base64.b64decode(m.group(1))))


def test_the_page_embeds_a_font_with_every_character_it_shows():
    page = with_web_font(PAGE)
    assert f'font-family: "{WEB_FONT_FAMILY}"' in page and page.count("@font-face") == 1
    cmap = _embedded_font(page).getBestCmap()
    shown = {c for c in _visible_text(PAGE) if ord(c) > 0x7F and not c.isspace()}
    assert shown and all(ord(c) in cmap for c in shown), sorted(c for c in shown if ord(c) not in cmap)
    assert len(cmap) < 200  # a subset of the page's characters, not the whole font
    assert with_web_font(PAGE) == page  # deterministic (cached by its characters)


def test_a_page_without_non_ascii_text_is_unchanged():
    plain = PAGE.replace(re.search(r"<main>.*</main>", PAGE).group(0), "<main><p>only ASCII</p></main>")
    assert with_web_font(plain) == plain
