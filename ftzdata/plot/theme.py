"""One look for every ftzdata chart: palette, markers, font sizes, figure helpers.

Nothing here touches the global ``matplotlib.rcParams``: charts are drawn inside :func:`context`
(a ``plt.rc_context`` that puts the CJK font first) and :func:`finish` pins the font family on every
text of the figure, so the figure also draws without "Glyph … missing" warnings outside the context
(in a notebook, when saved later, …).
"""

from __future__ import annotations

import contextlib

from ftzdata.vocab import ZONES

# Each zone always gets the same colour, by its place in the zone vocabulary: first the Okabe & Ito (2008)
# colour-blind-safe palette (Shanghai blue, Guangdong orange, Tianjin bluish green, Fujian reddish purple …),
# then Paul Tol's "bright" and "light" schemes for the zones after the first eight.
ZONE_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442",
    "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB",
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#AAAA00", "#DDDDDD",
)
ZONE_COLORS = {zone: ZONE_PALETTE[i % len(ZONE_PALETTE)] for i, zone in enumerate(ZONES)}
# Paul Tol's "muted" scheme (colour-blind safe) for the seven reform domains.
DOMAIN_COLORS = {
    "trade facilitation": "#332288",
    "investment facilitation": "#88CCEE",
    "in-process and ex-post supervision": "#44AA99",
    "transformation of government functions": "#117733",
    "rule of law": "#999933",
    "financial opening and innovation": "#CC6677",
    "green city": "#882255",
}
HUE_COLORS = {"zone": ZONE_COLORS, "domain": DOMAIN_COLORS}
FALLBACK_COLOR = "#777777"
NEUTRAL = "#555555"  # before markers, connectors, reference lines
LIGHT = "#BBBBBB"
HEATMAP_CMAP = "Blues"  # single-hue sequential: safe for colour-vision deficiencies

# Marker of a metric kind (ratios chart) and of a qualified value (dumbbells).
KIND_MARKERS = {"duration": "o", "count": "s", "money": "D", "ratio": "^", "area": "v"}
QUALIFIER_MARKERS = {"approximate": "D", "fastest": "*", "average": "s", "zero": "<"}
MARKER_SIZE = 6.5

# Text sizes (points). Charts are drawn at the reports' text width (FIG_WIDTH) and shown at their own size
# there, so a point is a point: 9 pt (12 CSS px) is the smallest text, beside 10.5 pt body text in the HTML
# and 9.5 pt in the PDF.
SMALL = 9  # ticks, legends, value labels, source line
PANEL_TITLE = 10.5
THEME_RC = {
    "font.size": SMALL,
    "axes.titlesize": PANEL_TITLE,
    "axes.titleweight": "normal",
    "axes.titlelocation": "left",
    "axes.labelsize": 9.5,
    "axes.labelcolor": "#333333",
    "axes.edgecolor": "#888888",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.color": "#E3E3E3",
    "grid.linewidth": 0.6,
    "xtick.labelsize": SMALL,
    "ytick.labelsize": SMALL,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "legend.fontsize": SMALL,
    "legend.frameon": False,
    "figure.titlesize": 12,
    "figure.titleweight": "normal",
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.constrained_layout.h_pad": 0.06,
    "figure.constrained_layout.w_pad": 0.06,
}

FIG_WIDTH = 6.5  # inches: the reports' text width (HTML 630 CSS px, PDF 7 in), where charts show at 1:1
ROW_HEIGHT = 0.31  # inches per one-line row
# inches: the tallest chart, which fits an A4 page under its heading (259 mm of text height, less the heading);
# a chart of more rows gets closer rows, not a page of its own that spills past the footer
MAX_HEIGHT = 9.3
LINE_HEIGHT = SMALL * 1.25 / 72  # inches per line of SMALL text
SOURCE_SIZE = SMALL
SOURCE_COLOR = "#666666"


def hue_colors(hue: str | None) -> dict:
    return HUE_COLORS.get(hue, {}) if hue else {}


def color_of(hue: str | None, value) -> str:
    if not hue:
        return ZONE_PALETTE[0]
    return hue_colors(hue).get(str(value), FALLBACK_COLOR)


@contextlib.contextmanager
def context(extra: dict | None = None):
    """The theme (and CJK font) for the duration of a ``with`` block; rcParams restored after."""
    from ftzdata.fonts import cjk_rc

    with cjk_rc({**THEME_RC, **(extra or {})}):
        yield


def figure(height: float, width: float = FIG_WIDTH, **kwargs):
    """A new constrained-layout figure (not registered with pyplot's figure manager... but closable), at most
    :data:`MAX_HEIGHT` inches tall."""
    import matplotlib.pyplot as plt

    return plt.figure(figsize=(width, min(height, MAX_HEIGHT)), layout="constrained", **kwargs)


def finish(fig, rows=None):
    """Pin the CJK font on every text of ``fig`` so that it draws the same outside the theme context.

    ``rows``: the claims the chart draws, one row (bar, dumbbell, dot) each, kept as ``fig.ftzdata_rows`` —
    so that a report can show a small table instead of a chart of one or two rows (``report.nb.plot``)."""
    from ftzdata.fonts import use_cjk

    use_cjk(fig)
    if rows is not None:
        fig.ftzdata_rows = rows.drop(columns=[c for c in rows.columns if str(c).startswith("_")])
    return fig


def source_line(fig, text: str) -> None:
    """The grey source note at the bottom left (a ``supxlabel``, so constrained layout makes room)."""
    fig.supxlabel(text, x=0.005, ha="left", fontsize=SOURCE_SIZE, color=SOURCE_COLOR, linespacing=1.3)


def title(fig, text: str, subtitle: str | None = None) -> None:
    """Figure title (bold, left) with an optional plain subtitle line."""
    full = text if not subtitle else f"{text}\n{subtitle}"
    t = fig.suptitle(full, x=0.005, ha="left", linespacing=1.4)
    t.set_multialignment("left")


def legend_cols(handles, width: float = FIG_WIDTH, most: int = 5) -> int:
    """How many legend columns (at most ``most``) fit in ``width`` inches at the legend's text size."""
    from . import labels as L

    widest = max((L.width(h.get_label()) for h in handles), default=0)
    per_col = (widest * 0.52 * SMALL + 4 * SMALL) / 72  # label + handle, gap and spacing (~4 em), inches
    return max(1, min(most, len(handles), int(width / per_col)))


def legend_axes(ax, handles, ncols: int = 5) -> float:
    """Use ``ax`` (a thin top row of the layout) as the legend: no frame, no ticks. The legend starts at the
    figure's left edge and is left out of the layout (a wide legend would squeeze the axes below it); it
    has as many columns as fit the figure (at most ``ncols``). Returns the height it needs, in inches."""
    from matplotlib.transforms import blended_transform_factory

    ax.set_axis_off()
    fig = ax.figure
    cols = legend_cols(handles, fig.get_figwidth() - 0.1, ncols)
    leg = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.005, 1), ncols=cols,
                    bbox_transform=blended_transform_factory(fig.transFigure, ax.transAxes),
                    handlelength=1.8, columnspacing=1.4, borderaxespad=0, alignment="left")
    leg.set_in_layout(False)
    return legend_height(len(handles), cols)


def legend_height(n_handles: int, ncols: int = 3) -> float:
    """Inches for a legend of ``n_handles`` in ``ncols`` columns."""
    return LINE_HEIGHT * 1.3 * -(-n_handles // ncols) + 0.05


def ink_on(color: str) -> str:
    """Black or white text, whichever reads better on ``color`` (relative luminance)."""
    from matplotlib.colors import to_rgb

    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(color))
    return "#111111" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.25 else "white"
