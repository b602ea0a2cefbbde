"""Write a figure as PNG and SVG: deterministic bytes (no dates, fixed SVG ids), atomic (temp file, rename)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

from . import theme

__all__ = ["save", "svg_and_png", "FORMATS"]

FORMATS = ("png", "svg")
CREATOR = "ftzdata"
# Metadata that would otherwise carry the matplotlib version or a date.
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": CREATOR},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": CREATOR, "Producer": CREATOR},
}


def save(fig, name: str, dir: str | os.PathLike = "figures", formats=FORMATS, dpi: float | None = 150) -> list[Path]:
    """Write ``dir/NAME.png`` and ``dir/NAME.svg`` and return their paths.

    Two calls on the same figure give byte-identical files: no timestamps or software versions in the
    metadata, a fixed ``svg.hashsalt`` (SVG ids), text as paths in SVG (no font dependence). Each file
    is written to a temporary file in ``dir`` and renamed into place, so readers never see half a file.
    ``formats``: any of png, svg, pdf. ``dpi`` applies to PNG (default 150).
    """
    from ftzdata.errors import UnknownValueError

    out_dir = Path(dir)
    name = str(name)
    if not name or "/" in name or os.sep in name or name.startswith("."):
        raise ValueError(f"name must be a plain file stem such as 'before_after', not {name!r}")
    for fmt in formats:
        if fmt not in _METADATA:
            raise UnknownValueError("format", fmt, list(_METADATA))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    with theme.context(_RC), _frozen_layout(fig):
        for fmt in formats:
            dest = out_dir / f"{name}.{fmt}"
            fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=f".{fmt}.tmp")
            try:
                data = _render(fig, fmt, dpi)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual file mode
                os.replace(tmp, dest)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            paths.append(dest)
    return paths


_RC = {"svg.hashsalt": CREATOR, "svg.fonttype": "path", "pdf.fonttype": 42, "path.simplify": True}


def _render(fig, fmt: str, dpi: float | None = None) -> bytes:
    """The bytes of ``fig`` in ``fmt`` with the fixed metadata (inside the ``_RC`` context)."""
    buf = io.BytesIO()
    kwargs = {"dpi": dpi} if fmt == "png" and dpi else {}
    fig.savefig(buf, format=fmt, metadata=_METADATA[fmt], **kwargs)
    return _stable_svg_ids(buf.getvalue()) if fmt == "svg" else buf.getvalue()


def svg_and_png(fig, dpi: float) -> tuple[str, bytes]:
    """``fig`` as SVG whose words are ``<text>`` elements (not glyph outlines) and as PNG at ``dpi`` (dots per
    inch), both from one layout, deterministic as :func:`save`.

    The SVG is for pages that bring their own font (the HTML and PDF reports embed the CJK font): about a
    sixth of the size of the SVG with text as paths and searchable, but shown with boxes where the font
    named in the SVG is missing — :func:`save` (text as paths) is the one for standalone files. Laying out
    a chart (constrained layout measures every label) costs as much as drawing it, so the two formats share
    one layout: that of the PNG's draw, when the figure has an Agg canvas at ``dpi`` (else a layout pass
    first); the PNG is the figure's full size (no cropping to a tight box).
    """
    with theme.context({**_RC, "svg.fonttype": "none"}):
        png = _png_with_layout(fig, dpi)
        if png is None:  # not an Agg canvas at this dpi: lay out first, then draw each format
            with _frozen_layout(fig, settle=False):
                return _lean_svg(_render(fig, "svg").decode("utf-8")), _render(fig, "png", dpi)
        with _kept_positions(fig):
            return _lean_svg(_render(fig, "svg").decode("utf-8")), png


def _png_with_layout(fig, dpi: float) -> bytes | None:
    """``fig`` as PNG from one draw of its Agg canvas, which also runs its layout engine (a separate layout
    pass before drawing would cost a third of a chart's saving time); None where ``savefig`` would draw
    differently (a canvas other than Agg, another dpi, a transparent, cropped or recoloured save). Metadata
    and dpi are those of ``savefig``; the pixels too, but for an antialiased edge pixel now and then (the
    positions are the layout's own, not rounded to 1e-9)."""
    import matplotlib
    import matplotlib.image
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import same_color

    rc = matplotlib.rcParams
    if (not isinstance(fig.canvas, FigureCanvasAgg) or fig.dpi != dpi or rc["savefig.transparent"]
            or rc["savefig.bbox"] == "tight"
            or any(rc[f"savefig.{k}"] != "auto" and not same_color(rc[f"savefig.{k}"], getattr(fig, f"get_{k}")())
                   for k in ("facecolor", "edgecolor"))):
        return None  # savefig would paint or crop differently
    fig.canvas.draw()
    buf = io.BytesIO()
    matplotlib.image.imsave(buf, fig.canvas.buffer_rgba(), format="png", origin="upper", dpi=dpi,
                            metadata=_METADATA["png"])
    return buf.getvalue()


@contextlib.contextmanager
def _kept_positions(fig):
    """Keep the positions the last draw's layout gave (rounded to 1e-9 of the figure) while saving; the
    layout engine is restored afterwards."""
    engine = fig.get_layout_engine()
    if engine is None:
        yield
        return
    positions = {ax: [round(v, 9) for v in ax.get_position().bounds] for ax in fig.axes}
    with theme.context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    for ax, bounds in positions.items():
        ax.set_position(bounds)
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


@contextlib.contextmanager
def _frozen_layout(fig, settle: bool = True):
    """Run the layout engine, then keep the positions while saving; the engine is restored afterwards.

    Each draw moves constrained layout's positions a little: by 3e-5 of the figure after the first pass,
    3e-9 after the second (a fiftieth of a pixel, then nothing visible), and the layout also depends on
    the output dpi. With ``settle`` the engine runs to its fixed point, so a second save of the same
    figure gives the same bytes; without, it runs once (laying out is the slowest part of saving a chart:
    for a figure saved once, in every format it needs, inside one frozen layout). Positions are rounded
    to 1e-9 of the figure.
    """
    engine = fig.get_layout_engine()
    if engine is None:
        yield
        return
    last = None
    for _ in range(8 if settle else 1):  # settling: usually 4 passes, until no axes moves by 1e-9 any more
        fig.draw_without_rendering()
        now = [ax.get_position().bounds for ax in fig.axes]
        if last is not None and all(abs(a - b) < 1e-9 for x, y in zip(now, last) for a, b in zip(x, y)):
            break
        last = now
    # Round away the last float noise (1e-16 back and forth between passes) so the bytes are stable; no
    # engine at all while saving (not the "none" placeholder, which still makes savefig draw the whole
    # figure once more before printing it: a fifth of a chart's saving time).
    with _kept_positions(fig):
        yield


_CLIP_ID = re.compile(rb'(?<=id=")p[0-9a-f]{10}(?=")|(?<=url\(#)p[0-9a-f]{10}(?=\))')


def _stable_svg_ids(svg: bytes) -> bytes:
    """Clip-path ids are hashes of the clip box, which carries float noise from the layout: number
    them in order of appearance instead (clip1, clip2 …)."""
    names: dict[bytes, bytes] = {}

    def sub(m):
        return names.setdefault(m.group(0), b"clip%d" % (len(names) + 1))

    return _CLIP_ID.sub(sub, svg)


_SVG_ID = re.compile(r' id="([^"]+)"')
_SVG_REF_ID = re.compile(r'#([^\s"\')]+)')
_SVG_GROUP = re.compile(r"(<g>|<g [^>]*>|</g>)")


def _lean_svg(svg: str) -> str:
    """``svg`` without what draws nothing: the ids no ``url(#…)``/``href`` refers to, then the ``<g>``
    that are left without any attribute (matplotlib wraps every artist in one, ~500 in a chart of 20
    bars; a page renderer handles each). Elements, their order and every other attribute stay as they
    were, so the picture is the same."""
    used = set(_SVG_REF_ID.findall(svg))
    svg = _SVG_ID.sub(lambda m: m.group(0) if m.group(1) in used else "", svg)
    out, kept = [], []  # kept: for each open <g>, whether its tags stay
    for part in _SVG_GROUP.split(svg):
        if part == "<g>":
            kept.append(False)
        elif part == "</g>":
            if kept.pop():
                out.append(part)
        else:
            if part.startswith("<g "):
                kept.append(True)
            out.append(part)
    return "".join(out)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
