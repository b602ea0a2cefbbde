"""The CJK font helper: no missing glyphs, global rcParams untouched, subset covers the data."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import ftzdata  # noqa: E402
from ftzdata import fonts  # noqa: E402


def _rc_snapshot():
    return {k: (list(v) if isinstance(v, list) else v) for k, v in mpl.rcParams.items()}


def test_font_path_is_the_noto_cjk_from_mplfonts():
    path = fonts.font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert "mplfonts" in str(path)


def test_missing_package_is_named(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(FileNotFoundError, match="mplfonts"):
        fonts.font_path()


def test_chinese_figure_has_no_missing_glyphs_and_rcparams_unchanged():
    before = _rc_snapshot()
    titles = ftzdata.cases()["title_zh_hans"].head(5).tolist()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with fonts.cjk_rc():
            fig, ax = plt.subplots()
            ax.set_title("各片区案例数 Cases per zone −1")
            ax.barh(titles, range(len(titles)))
            ax.set_xlabel("改革案例数 (reform cases)")
            fig.canvas.draw()
        plt.close(fig)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]
    assert not missing, missing
    assert _rc_snapshot() == before


def test_use_cjk_on_an_existing_figure():
    before = _rc_snapshot()
    fig, ax = plt.subplots()
    ax.set_title("上海 Shanghai")
    family = fonts.use_cjk(fig)
    assert family == "Noto Sans CJK SC"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    plt.close(fig)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert _rc_snapshot() == before
    assert fonts.use_cjk() == family  # registering twice is harmless


def test_subset_covers_every_character_of_the_data():
    from fontTools.ttLib import TTFont

    path = fonts.subset_font_path()
    assert path.is_file() and path.stat().st_size < 4_000_000
    with TTFont(str(path), lazy=True) as font:
        cmap = {chr(c) for c in font.getBestCmap()}
    cases = ftzdata.cases()
    docs = ftzdata.documents()
    text = "".join(
        str(v)
        for col in ("title_zh", "title_zh_hans", "title_en", "zone_zh", "domain_zh", "domain", "area_zh")
        for v in cases[col].dropna()
    ) + "".join(str(v) for col in ("title_zh", "title_en", "issuer", "doc_number") for v in docs[col].dropna())
    missing = {c for c in text if not c.isspace()} - cmap
    assert not missing, "".join(sorted(missing))
    # the same path again, from the cache
    assert fonts.subset_font_path("国际贸易 single window") == path


def test_pdf_font_css_points_at_the_subset():
    css = fonts.pdf_font_css()
    assert "@font-face" in css and fonts.PDF_FONT_FAMILY in css
    assert str(fonts.subset_font_path()) in css.replace("file://", "")


def test_two_processes_needing_the_subset_build_it_once(tmp_path):
    """Parallel workers (or runs) on a machine without the cached subset: one builds, the other waits."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    marks = tmp_path / "marks"
    code = (
        "import os, sys, time\n"
        "from ftzdata import fonts\n"
        "fonts.corpus_chars = lambda: set('abc 上海')\n"  # a small subset: the test is about the lock
        "make = fonts._make_subset\n"
        "def slow(*a):\n"
        "    with open(sys.argv[1], 'a') as f: f.write(f'{os.getpid()}\\n')\n"
        "    time.sleep(1.0)\n"  # the other process arrives while this one builds
        "    make(*a)\n"
        "fonts._make_subset = slow\n"
        "print(fonts.subset_font_path())\n"
    )
    env = dict(os.environ, FTZDATA_CACHE_DIR=str(tmp_path / "cache"))
    procs = [subprocess.Popen([sys.executable, "-c", code, str(marks)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    paths = {out.strip() for out, _ in outs}
    assert len(paths) == 1 and Path(paths.pop()).is_file()
    assert len(marks.read_text().split()) == 1


def test_the_minus_sign_is_as_wide_as_a_digit_in_the_embedded_fonts():
    # Noto Sans CJK's own U+2212 is full width: "−30%" read like "一30%" in tables and charts
    import base64
    import io
    import re

    from fontTools.ttLib import TTFont

    def width(font, ch):
        return font["hmtx"][font.getBestCmap()[ord(ch)]][0] / font["head"].unitsPerEm

    with TTFont(str(fonts.subset_font_path("−30%"))) as pdf_font:
        assert width(pdf_font, "−") < 0.7 and abs(width(pdf_font, "−") - width(pdf_font, "0")) < 0.15
    css = fonts.web_font_css("−30% 减少", latin=True)
    web_font = TTFont(io.BytesIO(base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", css).group(1))))
    assert width(web_font, "−") < 0.7 and width(web_font, "减") == 1.0
