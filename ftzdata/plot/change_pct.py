"""Diverging bars: the percentage change of every claim that has one, grouped by zone or domain."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MultipleLocator

from . import _axes, theme
from . import labels as L
from ._common import PlotDataError, check_choice, cols_for, require_frame

COLUMNS = ["metric_id", "case_id", "doc_id", "zone", "domain", "kind", "label_en", "label_zh", "change_pct",
           "before", "after", "before_low", "before_high", "after_low", "after_high",
           "change_pct_low", "change_pct_high", "qualifier"]
BY = ("zone", "domain")
HUES = ("zone", "domain", None)
ROW_H = 0.2 + 2 * theme.LINE_HEIGHT  # two-line row labels: case title, metric


def _cap(values: np.ndarray) -> float | None:
    """Right axis limit when one increase dwarfs the others (e.g. +1160% next to −50%), else None."""
    hi = values.max()
    if hi <= 250:
        return None
    rest = values[values < hi]
    ref = max(100.0, rest.max() if rest.size else 100.0)
    return ref * 1.5 if hi > 2.5 * ref else None


def change_pct(data: pd.DataFrame, by: str = "zone", hue: str | None = "zone", lang: str = "en"):
    """Horizontal bars of ``change_pct`` (negative = reduction), one per claim, in one panel per zone
    (``by="zone"``) or domain (``by="domain"``), sorted from the largest reduction down.

    Rows are labelled with the case title (``cases().title_en`` / ``title_zh_hans``, shortened) and the
    metric. A range of change stated in the text is drawn as a thin line with caps over the bar; the
    value and the text's qualifier ("approx.", "more than" …) are written next to the zero line. An
    increase far larger than the others is cut at the axis edge (its value written in full).
    ``hue``: "zone" (default), "domain" or None. Returns the Figure.
    """
    L.check_lang(lang)
    check_choice("by", by, BY)
    check_choice("hue", hue, HUES)
    data = require_frame(data, "metrics", COLUMNS)
    rows = data[data["change_pct"].notna()].copy()
    if rows.empty:
        raise PlotDataError(f"no claim in metrics ({len(data)} rows) has a percentage change: nothing to draw")
    order = list(theme.hue_colors(by))
    rows["_g"] = rows[by].astype(str).map({v: i for i, v in enumerate(order)}).fillna(len(order))
    rows = rows.sort_values(["_g", "change_pct", "metric_id"], kind="stable")
    groups = list(dict.fromkeys(rows[by].astype(str)))
    titles = L.case_titles(lang, L.corpus_of(data), case_ids=data["case_id"])
    case_cols, metric_cols = 42, 42

    def row_label(r) -> str:
        case = L.shorten(titles.get(r["case_id"], r["case_id"]), case_cols)
        return L.mathsafe(f"{case}\n{L.shorten(L.metric_label(r, lang), metric_cols)}")

    rows["change_pct_low"], rows["change_pct_high"] = _pct_range(rows)
    values = rows["change_pct"].to_numpy(dtype=float)
    highs = rows["change_pct_high"].fillna(rows["change_pct"]).to_numpy(dtype=float)
    lows = rows["change_pct_low"].fillna(rows["change_pct"]).to_numpy(dtype=float)
    cap = _cap(values)
    xmin = min(-100.0, float(np.nanmin(lows[np.isfinite(lows)].clip(min=-100)))) * 1.08
    xmax = cap if cap is not None else max(20.0, float(np.nanmax(highs)) * 1.1)
    heights = [ROW_H * (rows[by].astype(str) == g).sum() + 0.3 for g in groups]

    with theme.context():
        fig = theme.figure(height=sum(heights) + 1.7)
        axes = fig.subplots(len(groups) + 1, 1, squeeze=False, gridspec_kw={"height_ratios": [0.3, *heights]})[:, 0]
        clipped = ranged = False
        for ax, g in zip(axes[1:], groups):
            part = rows[rows[by].astype(str) == g]
            ys = np.arange(len(part))
            colors = [theme.color_of(hue, v) if hue else theme.NEUTRAL for v in (part[hue] if hue else part["zone"])]
            shown = part["change_pct"].clip(upper=xmax).to_numpy()
            ax.barh(ys, shown, color=colors, height=0.62, zorder=2, gid="change_pct")
            for y, (_, r), v in zip(ys, part.iterrows(), shown):
                # a reduction cannot exceed 100 % (ranges derived from a midpoint can say so)
                lo, hi = max(r["change_pct_low"], -100.0), r["change_pct_high"]
                if pd.notna(lo) and pd.notna(hi) and hi - lo > 0.5:
                    ax.errorbar([v], [y], xerr=[[v - lo], [min(hi, xmax) - v]], fmt="none", ecolor="#222222",
                                elinewidth=0.9, capsize=2.5, zorder=3)
                    ranged = True
                text = L.fmt_pct(r["change_pct"])
                q = L.qualifier_words(r["qualifier"], lang)
                if q:
                    text += f"（{q}）" if lang == "zh" else f" ({q})"
                if r["change_pct"] > xmax:
                    clipped = True
                    ax.plot([xmax], [y], marker=">", color=theme.NEUTRAL, ms=5, zorder=4, clip_on=False)
                neg = r["change_pct"] < 0
                ax.annotate(L.mathsafe(text), xy=(0, y), xytext=(4 if neg else -4, 0), textcoords="offset points",
                            ha="left" if neg else "right", va="center", fontsize=theme.SMALL, color="#222222")
            _axes.rows_axis(ax, ys, [row_label(r) for _, r in part.iterrows()], top=-0.6, fontsize=theme.SMALL)
            ax.set_xlim(xmin, xmax)
            ax.axvline(0, color=theme.NEUTRAL, lw=0.8, zorder=3)
            ax.xaxis.set_major_locator(MultipleLocator(_step(xmin, xmax)))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: L.fmt_pct(v) if v else "0%"))
            name = L.zone(g, lang) if by == "zone" else L.domain(g, lang)
            ax.set_title(f"{name}（{len(part)}）" if lang == "zh" else f"{name} ({len(part)})", fontsize=theme.PANEL_TITLE)
        axes[-1].set_xlabel(L.t("pct_axis", lang))
        handles = []
        if hue:
            present = set(rows[hue].astype(str))
            handles += [Patch(color=theme.color_of(hue, v), label=L.hue_label(hue, v, lang))
                        for v in theme.hue_colors(hue) if v in present]
        if ranged:
            handles.append(Line2D([], [], color="#222222", lw=0.9, marker="|", ms=5, label=L.t("range", lang)))
        if clipped:
            handles.append(Line2D([], [], color=theme.NEUTRAL, marker=">", ls="none", ms=5, label=L.t("clipped", lang)))
        if handles:
            axes[0].get_gridspec().set_height_ratios([theme.legend_axes(axes[0], handles, ncols=4), *heights])
        else:
            axes[0].set_axis_off()
        theme.title(fig, L.t("pct_title", lang, by=L.t(f"{by}_word", lang)), L.t("pct_sub", lang, n=len(rows)))
        theme.source_line(fig, L.source_text(rows["doc_id"], lang, cols_for(theme.FIG_WIDTH, theme.SOURCE_SIZE), L.corpus_of(rows)))
    return theme.finish(fig, rows)


def _step(lo: float, hi: float) -> float:
    span = hi - lo
    for step in (10, 20, 25, 50, 100, 200, 250, 500):
        if span / step <= 5:  # ticks at least ~0.5 in apart
            return step
    return 1000


def _pct_range(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Range of the change in %: from the before/after bounds where both are given
    (after_low / before_high − 1 … after_high / before_low − 1), else the dataset's stated range."""
    blo = rows["before_low"].fillna(rows["before"])
    bhi = rows["before_high"].fillna(rows["before"])
    alo = rows["after_low"].fillna(rows["after"])
    ahi = rows["after_high"].fillna(rows["after"])
    ok = blo.gt(0) & bhi.gt(0) & alo.notna() & ahi.notna()
    lo = (100 * (alo / bhi.where(ok) - 1)).where(ok, rows["change_pct_low"])
    hi = (100 * (ahi / blo.where(ok) - 1)).where(ok, rows["change_pct_high"])
    return lo, hi
