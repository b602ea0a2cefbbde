"""The one place that knows about the CJK font.

The font is *Noto Sans CJK SC*, shipped by the ``mplfonts`` package (nothing is downloaded).

* :func:`font_path` — the font file.
* :func:`register_cjk` / :func:`use_cjk` — make the font known to matplotlib and return its family
  name; :func:`use_cjk` can also apply it to an existing figure. Neither touches the global
  ``matplotlib.rcParams``.
* :func:`cjk_rc` — a ``plt.rc_context`` with the font first in the sans-serif list, for drawing
  charts that mix Chinese and English text without "Glyph … missing" warnings.
* :func:`subset_font_path` / :func:`pdf_font_css` — a subset of the font (corpus characters, GB 2312
  level-1 hanzi, ASCII, Latin-1 and CJK punctuation) cached on disk, and the ``@font-face`` CSS that
  points WeasyPrint at it. The subset takes ~6.5 s to build, once per machine (under a lock: parallel
  builders make it once), and is then reused; against the full 16 MB font (subset by WeasyPrint with
  HarfBuzz for each PDF) it saves ~0.2 s and a quarter of the size of each PDF, and much more where
  HarfBuzz's subsetter is missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import tempfile
from functools import lru_cache
from pathlib import Path

__all__ = [
    "FONT_PACKAGE",
    "PDF_FONT_FAMILY",
    "cache_dir",
    "cjk_rc",
    "corpus_chars",
    "font_path",
    "font_properties",
    "pdf_font_css",
    "register_cjk",
    "subset_font_path",
    "use_cjk",
]

FONT_PACKAGE = "mplfonts"
FONT_FILE = "NotoSansCJKsc-Regular.otf"
#: Family name under which the subset is declared in the PDF stylesheet.
PDF_FONT_FAMILY = "ftzdata CJK"
# Bump when the recipe of the subset (character set, options) changes: it is part of the cache key.
_SUBSET_RECIPE = "4"  # 4: the minus sign drawn with the en dash (see _narrow_minus)


def font_path() -> Path:
    """Path of Noto Sans CJK SC inside the ``mplfonts`` package; error naming the package if missing."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"the CJK font comes from the '{FONT_PACKAGE}' package, which is not installed: "
            f"pip install {FONT_PACKAGE}"
        )
    for loc in spec.submodule_search_locations:
        path = Path(loc) / "fonts" / FONT_FILE
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"{FONT_FILE} not found in the '{FONT_PACKAGE}' package "
        f"({', '.join(spec.submodule_search_locations)}); reinstall it: pip install --force-reinstall {FONT_PACKAGE}"
    )


@lru_cache(maxsize=None)
def _register(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def register_cjk() -> str:
    """Register the CJK font with matplotlib's font manager (once) and return its family name."""
    return _register(str(font_path()))


def use_cjk(fig=None) -> str:
    """Register the CJK font and return its family name; with ``fig``, set it on every text of the figure.

    The global ``rcParams`` are left alone: for new charts use :func:`cjk_rc` or pass
    ``fontfamily=use_cjk()`` / ``fontproperties=font_properties()`` to the text-making calls.
    """
    family = register_cjk()
    if fig is not None:
        from matplotlib.text import Text

        for text in fig.findobj(Text):
            text.set_fontfamily([family, "DejaVu Sans"])
    return family


def font_properties(size=None):
    """A ``FontProperties`` for the CJK font (``size`` optional)."""
    from matplotlib.font_manager import FontProperties

    register_cjk()
    return FontProperties(fname=str(font_path()), size=size)


def cjk_rc(extra: dict | None = None):
    """``plt.rc_context`` with the CJK font first; the previous rcParams come back on exit.

    >>> with cjk_rc():
    ...     fig, ax = plt.subplots(); ax.set_title("上海 Shanghai")
    """
    import matplotlib as mpl

    family = register_cjk()
    rc = {
        "font.family": "sans-serif",
        "font.sans-serif": [family, *[f for f in mpl.rcParams["font.sans-serif"] if f != family]],
        "axes.unicode_minus": False,
    }
    rc.update(extra or {})
    return mpl.rc_context(rc)


# ----------------------------------------------------------------------------------------------
# Subset for PDFs


def cache_dir() -> Path:
    """``$FTZDATA_CACHE_DIR``, else ``$XDG_CACHE_HOME/ftzdata``, else ``~/.cache/ftzdata``."""
    if os.environ.get("FTZDATA_CACHE_DIR"):
        return Path(os.environ["FTZDATA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "ftzdata"


def seeds_dir() -> Path | None:
    """The bundled corpus (:data:`ftzdata.corpus.SEEDS_DIR`), whose characters the cached subset covers."""
    from .corpus import SEEDS_DIR

    return SEEDS_DIR if SEEDS_DIR.is_dir() else None


def _seed_files() -> list[Path]:
    d = seeds_dir()
    if d is None:
        return []
    return sorted(p for p in d.iterdir() if p.suffix in {".txt", ".csv"} and p.is_file())


def _ranges(*pairs) -> set[str]:
    return {chr(c) for a, b in pairs for c in range(a, b + 1)}


def _gb2312_level1() -> set[str]:
    """The 3,755 level-1 (most common) hanzi of GB 2312, decoded from the codec: no list to ship."""
    out = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def _base_chars_static() -> set[str]:
    return (
        _ranges(
            (0x20, 0x7E),  # ASCII
            (0xA0, 0xFF),  # Latin-1
            (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
            (0x2030, 0x203A),  # per mille, primes, angle quotes
            (0x2190, 0x2193),  # arrows
            (0x2212, 0x2212),  # minus
            (0x2460, 0x2473),  # circled numbers
            (0x3000, 0x303F),  # CJK symbols and punctuation
            (0xFF01, 0xFF65),  # full-width forms
        )
        | {"\u00b7", "\u2116", "\u2103", "\u00d7", "\u00f7", "\u25cf", "\u25a0", "\u25b2", "\u2022"}
        | _gb2312_level1()
    )


def corpus_chars() -> set[str]:
    """Characters the reports can contain: corpus text (and its Simplified form) plus common characters."""
    chars = _base_chars_static()
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in _seed_files())
    chars |= set(text)
    try:
        from ftzdata.normalize import to_simplified

        chars |= set(to_simplified(text))
    except Exception:  # OpenCC missing: the per-document extension below still covers the PDFs
        pass
    return {c for c in chars if c.isprintable() or c == " "}


def _base_key(src: Path) -> str:
    h = hashlib.sha256()
    st = src.stat()
    h.update(f"{_SUBSET_RECIPE}\0{src.name}\0{st.st_size}\0".encode())
    for p in _seed_files():
        h.update(p.name.encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


_MINUS, _EN_DASH = 0x2212, 0x2013


def _narrow_minus(font) -> None:
    """Draw the minus sign (U+2212) with the font's en dash: Noto Sans CJK's own minus is full width, so
    "−30%" read like "一30%"; its en dash is as wide as a digit and sits where a minus does."""
    for table in font["cmap"].tables:
        if table.isUnicode() and _MINUS in table.cmap and _EN_DASH in table.cmap:
            table.cmap[_MINUS] = table.cmap[_EN_DASH]


def _make_subset(src: Path, chars: set[str], dest: Path, flavor: str | None = None) -> None:
    """Write the subset of the font ``src`` with ``chars`` to ``dest`` (``flavor``: None = OpenType, or
    ``woff``), atomically and with deterministic bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    opts = subset.Options()
    opts.notdef_outline = True
    opts.recalc_timestamp = False  # deterministic bytes
    opts.flavor = flavor
    font = TTFont(str(src), lazy=flavor is None)
    sub = subset.Subsetter(opts)
    codes = {ord(c) for c in chars}
    if _MINUS in codes:
        codes.add(_EN_DASH)  # the glyph the minus sign is drawn with
    sub.populate(unicodes=sorted(codes))
    sub.subset(font)
    _narrow_minus(font)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-", suffix=dest.suffix)
    os.close(fd)
    try:
        font.flavor = flavor
        font.save(tmp)
        os.replace(tmp, dest)  # atomic: parallel builders never see half a font
    finally:
        font.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _subset_cmap(path: Path) -> frozenset[str]:
    return _cmap_cached(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _cmap_cached(path: str, _mtime: int) -> frozenset[str]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:  # closed: a lazy font keeps its file open
        return frozenset(chr(c) for c in font.getBestCmap())


def subset_font_path(text: str = "") -> Path:
    """A cached subset of the CJK font covering the corpus, common characters and ``text``.

    The base subset's cache key is a hash of the font file (name, size), the corpus files and the
    subsetting recipe. Characters of ``text`` that the base subset lacks (and the full font has)
    give an extended subset, cached under a key that adds those characters.
    """
    src = font_path()
    key = _base_key(src)
    base = cache_dir() / "fonts" / f"NotoSansCJKsc-subset-{key}.otf"
    if not base.is_file():
        _build_once(src, corpus_chars, base)
    if not text:
        return base
    missing = {c for c in set(text) if not c.isspace() and c.isprintable()} - _subset_cmap(base)
    if not missing:
        return base
    full = _full_cmap(str(src))
    missing &= full
    if not missing:
        return base
    extra = "".join(sorted(missing))
    ext_key = hashlib.sha256(f"{key}\0{extra}".encode()).hexdigest()[:16]
    ext = cache_dir() / "fonts" / f"NotoSansCJKsc-subset-{key}-x{ext_key}.otf"
    if not ext.is_file():
        _build_once(src, lambda: corpus_chars() | missing, ext)
    return ext


def _build_once(src: Path, chars, dest: Path) -> None:
    """Make the subset ``dest`` under a lock in its folder: two processes (workers, parallel runs) that
    need the same subset build it once, the second waits and reuses it. ``chars``: callable, the set."""
    from ftzdata.atomic import folder_lock

    with folder_lock(dest.parent, f".{dest.stem}.lock"):
        if not dest.is_file():  # built while this process waited
            _make_subset(src, chars(), dest)


@lru_cache(maxsize=2)
def _full_cmap(path: str) -> frozenset[str]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:  # closed: a lazy font keeps its file open
        return frozenset(chr(c) for c in font.getBestCmap())


def pdf_font_css(text: str = "", family: str = PDF_FONT_FAMILY) -> str:
    """``@font-face`` CSS declaring ``family`` from the subset font (see :func:`subset_font_path`)."""
    path = subset_font_path(text)
    return (
        f'@font-face {{ font-family: "{family}"; src: url("{path.resolve().as_uri()}"); '
        "font-weight: normal; font-style: normal; }\n"
    )


WEB_FONT_FAMILY = "ftzdata CJK"


def web_font_css(text: str, family: str = WEB_FONT_FAMILY, latin: bool = False) -> str:
    """``@font-face`` CSS embedding (as a WOFF data URL; WOFF2 is 10 % smaller but 2.5x slower to make) a subset of the CJK font with exactly the
    non-ASCII characters of ``text`` (``latin``: its ASCII ones too) — for HTML pages that must show Chinese
    on machines without a Chinese font. Cached on disk by its characters; empty when ``text`` has no such
    character."""
    import base64

    chars = {c for c in text if (latin or ord(c) > 0x7F) and c.isprintable() and not c.isspace()}
    chars &= _full_cmap(str(font_path()))
    if not chars:
        return ""
    key = hashlib.sha256((_SUBSET_RECIPE + "\0" + "".join(sorted(chars))).encode("utf-8")).hexdigest()[:20]
    dest = cache_dir() / "fonts" / f"web-{key}.woff"
    if not dest.is_file():
        _make_subset(subset_font_path("".join(chars)), chars, dest, flavor="woff")
    data = base64.b64encode(dest.read_bytes()).decode("ascii")
    return (f'@font-face {{ font-family: "{family}"; src: url(data:font/woff;base64,{data}) format("woff"); '
            "font-weight: normal; font-style: normal; }\n")
