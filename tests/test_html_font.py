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


def _screenshot(page: str, tmp_path, name: str) -> bytes:
    import shutil
    import subprocess

    import pytest

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("headless Chromium not installed (apt-get install chromium)")
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    png = tmp_path / f"{name}.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=400,120", f"--screenshot={png}", path.as_uri()],
                   capture_output=True, timeout=60, check=True)
    return png.read_bytes()


def test_chromium_draws_glyphs_not_boxes(tmp_path):
    """Two different Chinese words drawn with the embedded font look different; drawn as missing-glyph boxes
    (what a machine without a Chinese font shows) they would look the same."""
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
            '<p style="font-size:48px;margin:10px">{}</p></body></html>')
    words = ("海南福建", "湖北四川")
    both = with_web_font(page.format(" ".join(words)))  # one font with the characters of both words
    style = re.search(r"<style>.*?</style>", both, re.S).group(0)
    shots = [_screenshot(page.format(w).replace("</head>", style + "</head>"), tmp_path, f"w{i}")
             for i, w in enumerate(words)]
    assert shots[0] != shots[1]
