"""``import weasyprint`` without ~20 ``ldconfig``/``gcc`` processes: one ``ldconfig -p`` answers the look-ups."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys
from pathlib import Path

import pytest

from ftzdata.report import render_pdf

NAMES = ["gobject-2.0", "pango-1.0", "harfbuzz", "harfbuzz-subset", "fontconfig", "pangoft2-1.0",
         "libgobject-2.0-0", "harfbuzz-vector", "no-such-library-ftzdata"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the ldconfig listing is Linux only")
def test_the_listing_answers_as_find_library_does():
    finder = render_pdf._ldconfig_finder()
    assert finder is not None
    assert [finder(n) for n in NAMES] == [ctypes.util.find_library(n) for n in NAMES]


def test_import_weasyprint_starts_at_most_one_process():
    code = (
        "import subprocess, sys\n"
        "n = []\n"
        "orig = subprocess.Popen.__init__\n"
        "subprocess.Popen.__init__ = lambda self, *a, **k: (n.append(a), orig(self, *a, **k))[1]\n"
        "from ftzdata.report.render_pdf import import_weasyprint\n"
        "import_weasyprint()\n"
        "from weasyprint.text import ffi\n"
        "import ctypes.util\n"
        "assert ctypes.util.find_library.__module__ == 'ctypes.util'\n"  # put back after the import
        "print(len(n), ffi.pango is not None)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    count, loaded = proc.stdout.split()
    assert loaded == "True"
    assert int(count) <= 1


def _pdf_text_and_pixels(path):
    """Each page's text (pdfium) and its pixels at 100 dpi, grey."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    out = [(page.get_textpage().get_text_range(), page.render(scale=100 / 72, grayscale=True).to_pil())
           for page in pdf]
    return out


def test_pdf_fast_paths_read_and_look_as_weasyprint_draws_the_page(tmp_path, monkeypatch):
    """The PDF's two speed-ups — charts' SVG text drawn as whole runs, charts handed to WeasyPrint as SVG
    images instead of inline SVG — give the same text and the same picture as WeasyPrint's own way with
    the page as it is (inline SVG, drawn character by character); text placed character by character
    (an ``x`` list) still is; WeasyPrint is left as it was."""
    import contextlib

    from PIL import ImageChops

    import ftzdata
    import ftzdata.plot as fp
    import weasyprint.svg as svg_module
    from ftzdata.plot.save import svg_and_png

    from ftzdata.report.render_html import inline_svg

    svg = inline_svg(svg_and_png(fp.ratios(ftzdata.metrics(), lang="zh"), 100)[0], "比值图", "c1-")
    placed = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10 60 110" y="30" ' \
             'style="font: 12px sans-serif">甲乙丙</text></svg>'
    css = (Path(render_pdf.__file__).parent / "report.css").read_text(encoding="utf-8")  # the reports' page style
    page = f"<html lang=\"zh\"><head><title>t</title><style>{css}</style></head><body><p>图</p>{svg}{placed}</body></html>"
    assert '<img class="chart" alt="比值图"' in render_pdf.charts_as_images(page)
    render_pdf.render_pdf(page, tmp_path / "runs.pdf")
    assert svg_module.TAGS["text"] is svg_module.text and svg_module.text.__module__ == "weasyprint.svg.text"
    monkeypatch.setattr(render_pdf, "svg_text_in_runs", contextlib.nullcontext)
    monkeypatch.setattr(render_pdf, "charts_as_images", lambda page: page)
    render_pdf.render_pdf(page, tmp_path / "letters.pdf")
    runs, letters = _pdf_text_and_pixels(tmp_path / "runs.pdf"), _pdf_text_and_pixels(tmp_path / "letters.pdf")
    assert [t for t, _ in runs] == [t for t, _ in letters]
    assert "甲乙丙" in runs[-1][0].replace("\r\n", "").replace(" ", "")
    for (_, a), (_, b) in zip(runs, letters):
        # Kerning moves glyphs by fractions of a pixel: compare 8 × 8 pixel blocks (a word missing or moved
        # by its width changes a block by far more)
        assert ImageChops.difference(a.reduce(8), b.reduce(8)).getextrema()[1] < 48
