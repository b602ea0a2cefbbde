"""After ÷ before on one log axis, across kinds: "36 h → 1 h" and "149 → 96 items" on one scale."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from . import _axes, theme
from . import labels as L
from ._common import both_values, check_choice, cols_for, require_frame

COLUMNS = ["metric_id", "doc_id", "zone", "domain", "kind", "unit", "label_en", "label_zh", "before", "after",
           "ratio", "qualifier"]
HUES = ("zone", "domain", None)


def _ratio_fmt(v, _pos=None) -> str:
    return f"×{L.num(v)}" if v >= 0.01 else f"×{v:.3f}".rstrip("0")


def ratios(data: pd.DataFrame, hue: str | None = "zone", lang: str = "en", ax=None):
    """One dot per claim with both values: ``after / before`` on a log axis, all kinds together.

    Colour: ``hue`` ("zone" default, "domain" or None); marker shape: the metric kind. Each dot is
    labelled with its values in words ("36 h → 2.5 h", "149 items → 96 items"); a ratio of zero (the
    after value is 0, e.g. 当场办结) sits at the left edge as ◀. Sorted from the largest reduction to
    the largest increase. ``ax``: draw into an existing axes (no title/legend row/source line are then
    added to its figure besides the axes legend). Returns the Figure.
    """
    L.check_lang(lang)
    check_choice("hue", hue, HUES)
    data = require_frame(data, "metrics", COLUMNS)
    rows = both_values(data)
    rows = rows[rows["before"] != 0].copy()
    if rows.empty:
        from ._common import PlotDataError

        raise PlotDataError("every claim with both values has before = 0: no ratio to draw")
    rows["_r"] = rows["after"] / rows["before"]
    rows = rows.sort_values(["_r", "metric_id"], kind="stable").reset_index(drop=True)
    n = len(rows)
    ylabels = [L.mathsafe(L.wrap(L.metric_label(r, lang), 30, 2)) for _, r in rows.iterrows()]
    row_h = theme.ROW_HEIGHT * 1.25

    with theme.context():
        own = ax is None
        if own:
            fig = theme.figure(height=n * row_h + 1.9)
            lax, ax = fig.subplots(2, 1, gridspec_kw={"height_ratios": [0.3, n * row_h]})
        else:
            fig = ax.figure
        pos = rows["_r"][rows["_r"] > 0]
        lo, hi = _axes.log_limits(list(pos) + [1.0], pad=2.2)
        _axes.log_axis(ax, lo, hi, fmt=_ratio_fmt)
        floor = lo * 1.15
        ax.axvline(1, color=theme.NEUTRAL, lw=0.9, ls="--", zorder=1)
        ax.annotate(L.t("no_change", lang), xy=(1, 1), xycoords=("data", "axes fraction"), xytext=(3, 2),
                    textcoords="offset points", fontsize=theme.SMALL, color=theme.NEUTRAL, va="bottom")
        ys = np.arange(n)
        kinds_present, zero = [], False
        for y, (_, r) in zip(ys, rows.iterrows()):
            color = theme.color_of(hue, r[hue]) if hue else theme.NEUTRAL
            k = str(r["kind"])
            kinds_present.append(k)
            x = r["_r"]
            marker = theme.KIND_MARKERS.get(k, "o")
            if x <= 0:
                x, marker, zero = floor, theme.QUALIFIER_MARKERS["zero"], True
            ax.plot([1, x], [y, y], color=color, lw=1, alpha=0.5, zorder=2)
            ax.plot([x], [y], marker=marker, ms=theme.MARKER_SIZE, color=color, ls="none", zorder=3, gid="ratio")
            text = f"{L.fmt_value(r['before'], r['unit'], lang)} → {L.fmt_value(r['after'], r['unit'], lang)}"
            ax.annotate(L.mathsafe(text), xy=(1.01, y), xycoords=("axes fraction", "data"), ha="left",
                        va="center", fontsize=theme.SMALL, color="#333333", annotation_clip=False)
        _axes.rows_axis(ax, ys, ylabels, top=-0.9)
        ax.set_xlabel(L.t("ratio_axis", lang))
        handles = []
        if hue:
            handles += [Line2D([], [], marker="o", ls="none", color=theme.color_of(hue, v), ms=theme.MARKER_SIZE,
                               label=L.hue_label(hue, v, lang))
                        for v in theme.hue_colors(hue) if (rows[hue].astype(str) == v).any()]
        handles += [Line2D([], [], marker=theme.KIND_MARKERS.get(k, "o"), ls="none", color=theme.NEUTRAL,
                           ms=theme.MARKER_SIZE, label=L.kind(k, lang)) for k in dict.fromkeys(kinds_present)]
        if zero:
            handles.append(Line2D([], [], marker=theme.QUALIFIER_MARKERS["zero"], ls="none", color=theme.NEUTRAL,
                                  ms=theme.MARKER_SIZE, label=L.t("zero", lang)))
        if own:
            lax.get_gridspec().set_height_ratios([theme.legend_axes(lax, handles, ncols=5), n * row_h])
            kinds = [L.kind(k, lang) for k in dict.fromkeys(kinds_present)]
            kinds = "、".join(kinds) if lang == "zh" else ", ".join(k.lower() for k in kinds)
            theme.title(fig, L.t("ratio_title", lang), L.t("ratio_sub", lang, n=n, kinds=kinds))
            theme.source_line(fig, L.source_text(rows["doc_id"], lang, cols_for(theme.FIG_WIDTH, theme.SOURCE_SIZE), L.corpus_of(rows)))
        else:
            ax.legend(handles=handles, loc="lower right", fontsize=theme.SMALL)
    return theme.finish(fig, rows)
