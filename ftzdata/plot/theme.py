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

THEME_RC = {
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.titleweight": "normal",
    "axes.titlelocation": "left",
    "axes.labelsize": 8,
    "axes.labelcolor": "#333333",
    "axes.edgecolor": "#888888",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.color": "#E3E3E3",
    "grid.linewidth": 0.6,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "legend.fontsize": 7.5,
    "legend.frameon": False,
    "figure.titlesize": 11,
    "figure.titleweight": "normal",
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.constrained_layout.h_pad": 0.06,
    "figure.constrained_layout.w_pad": 0.06,
}

FIG_WIDTH = 8.0  # inches; reports show charts at full text width
ROW_HEIGHT = 0.27  # inches per one-line row
SOURCE_SIZE = 6.5
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
    """A new constrained-layout figure (not registered with pyplot's figure manager... but closable)."""
    import matplotlib.pyplot as plt

    return plt.figure(figsize=(width, height), layout="constrained", **kwargs)


def finish(fig):
    """Pin the CJK font on every text of ``fig`` so that it draws the same outside the theme context."""
    from ftzdata.fonts import use_cjk

    use_cjk(fig)
    return fig


def source_line(fig, text: str) -> None:
    """The grey source note at the bottom left (a ``supxlabel``, so constrained layout makes room)."""
    fig.supxlabel(text, x=0.005, ha="left", fontsize=SOURCE_SIZE, color=SOURCE_COLOR, linespacing=1.3)


def title(fig, text: str, subtitle: str | None = None) -> None:
    """Figure title (bold, left) with an optional plain subtitle line."""
    full = text if not subtitle else f"{text}\n{subtitle}"
    t = fig.suptitle(full, x=0.005, ha="left", linespacing=1.4)
    t.set_multialignment("left")


def legend_axes(ax, handles, ncols: int = 3) -> None:
    """Use ``ax`` (a thin top row of the layout) as the legend: no frame, no ticks."""
    ax.set_axis_off()
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 1), ncols=min(ncols, len(handles)),
              handlelength=1.8, columnspacing=1.4, borderaxespad=0, alignment="left")


def legend_height(n_handles: int, ncols: int = 3) -> float:
    return 0.2 * -(-n_handles // ncols) + 0.05


def ink_on(color: str) -> str:
    """Black or white text, whichever reads better on ``color`` (relative luminance)."""
    from matplotlib.colors import to_rgb

    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(color))
    return "#111111" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.25 else "white"
