"""Dumbbell chart: each claim's value before → after the reform."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ftzdata.metrics import KINDS

from . import _axes, theme
from . import labels as L
from ._common import both_values, check_choice, cols_for, require_frame

COLUMNS = ["metric_id", "doc_id", "zone", "domain", "kind", "unit", "label_en", "label_zh", "before", "after",
           "before_low", "before_high", "after_low", "after_high", "qualifier"]
HUES = ("zone", "domain", None)
LOG_KINDS = ("duration",)  # always log; other kinds are log when their values span ≥ 8×
# Kinds whose units cannot share an axis get one panel per unit (CNY vs USD, % vs pp vs times).
SPLIT_BY_UNIT = ("money", "ratio")


def panel_key(row) -> tuple:
    k = str(row["kind"])
    order = KINDS.index(k) if k in KINDS else len(KINDS)
    return (order, k, str(row["unit"]) if k in SPLIT_BY_UNIT else "")


def _after_marker(qualifier, zero: bool) -> tuple[str, str | None]:
    """Marker and legend class of the after value."""
    if zero:
        return theme.QUALIFIER_MARKERS["zero"], "zero"
    classes = L.qualifier_classes(qualifier)
    for cls in ("fastest", "approximate", "average"):
        if cls in classes:
            return theme.QUALIFIER_MARKERS[cls], cls
    return "o", None


def before_after(data: pd.DataFrame, hue: str | None = "zone", lang: str = "en"):
    """A dumbbell chart, one row per claim that states both a before and an after value.

    ``data``: rows of :func:`ftzdata.metrics` (any filter). Claims of different kinds get their own
    panel, each with its own x axis (time, numbers, money, rates); money and rates get one panel per
    unit. Durations are drawn on a log axis labelled in min / h / days; other kinds use a log axis when
    their values span 8× or more. A range stated in the text (2 至 3 天) is a bar from low to high;
    the after marker's shape says when the text qualifies the claim (approximate or a bound, "fastest",
    "average"); a value of zero (当场办结) sits at the axis edge as ◀. Each row shows its values
    in words at the right ("36 h → 2.5 h"). ``hue``: "zone" (default), "domain" or None.

    Returns the Figure. Raises :class:`~ftzdata.plot.PlotDataError` when no row has both values.
    """
    L.check_lang(lang)
    check_choice("hue", hue, HUES)
    data = require_frame(data, "metrics", COLUMNS)
    rows = both_values(data).copy()
    rows["_key"] = rows.apply(panel_key, axis=1)
    hue_order = list(theme.hue_colors(hue)) if hue else []
    if hue:
        rows["_h"] = rows[hue].astype(str).map({v: i for i, v in enumerate(hue_order)}).fillna(len(hue_order))
    else:
        rows["_h"] = 0
    rows = rows.assign(_r=rows["after"] / rows["before"].where(rows["before"] != 0))
    rows = rows.sort_values(["_key", "_h", "_r"], kind="stable")
    panels = list(dict.fromkeys(rows["_key"]))

    label_cols = 30
    wrapped = {i: L.mathsafe(L.wrap(L.metric_label(r, lang), label_cols, 2)) for i, r in rows.iterrows()}
    n_lines = {i: w.count("\n") + 1 for i, w in wrapped.items()}
    heights = [sum(0.2 + theme.LINE_HEIGHT * n_lines[i] for i in rows.index[rows["_key"] == k]) + 0.55 for k in panels]

    with theme.context():
        fig = theme.figure(height=sum(heights) + 1.6)
        axes = fig.subplots(len(panels) + 1, 1, squeeze=False, gridspec_kw={"height_ratios": [0.4, *heights]})[:, 0]
        present = set()
        for ax, key in zip(axes[1:], panels):
            part = rows[rows["_key"] == key]
            present |= _panel(ax, part, key, hue, lang, wrapped)
        handles = _legend_handles(rows, hue, lang, present)
        axes[0].get_gridspec().set_height_ratios([theme.legend_axes(axes[0], handles, ncols=4), *heights])
        kinds = [L.kind(k[1], lang) for k in panels]
        kinds_text = "、".join(dict.fromkeys(kinds)) if lang == "zh" else ", ".join(
            dict.fromkeys(k.lower() for k in kinds))
        theme.title(fig, L.t("ba_title", lang, kinds=kinds_text), L.t("ba_sub", lang, n=len(rows)))
        theme.source_line(fig, L.source_text(rows["doc_id"], lang, cols_for(theme.FIG_WIDTH, theme.SOURCE_SIZE), L.corpus_of(rows)))
    return theme.finish(fig, rows)


def _bounds(r) -> tuple[float, float, float, float]:
    blo = r["before_low"] if pd.notna(r["before_low"]) else r["before"]
    bhi = r["before_high"] if pd.notna(r["before_high"]) else r["before"]
    alo = r["after_low"] if pd.notna(r["after_low"]) else r["after"]
    ahi = r["after_high"] if pd.notna(r["after_high"]) else r["after"]
    return blo, bhi, alo, ahi


def _panel(ax, part: pd.DataFrame, key: tuple, hue, lang: str, wrapped: dict) -> set:
    _, kind, unit = key
    values = np.concatenate([np.array(_bounds(r), dtype=float) for _, r in part.iterrows()])
    log = kind in LOG_KINDS or _axes.wants_log(values)
    if log:
        lo, hi = _axes.log_limits(values)
        floor = lo * 1.15
        if kind == "duration":
            _axes.duration_axis(ax, lo, hi, lang)
        else:
            _axes.log_axis(ax, lo, hi)
    else:
        lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
        fmt = (lambda v, _p: f"{L.num(v)}%") if unit == "%" else None
        _axes.linear_axis(ax, lo, hi, fmt)
        floor = None
    present = set()
    ys = np.arange(len(part))
    for y, (idx, r) in zip(ys, part.iterrows()):
        color = theme.color_of(hue, r[hue]) if hue else theme.NEUTRAL
        blo, bhi, alo, ahi = _bounds(r)
        before, after = r["before"], r["after"]
        zero = log and after <= 0
        ax_after = floor if zero else after
        for lo_, hi_ in ((blo, bhi), (alo, ahi)):
            if hi_ > lo_ and (not log or lo_ > 0):
                ax.plot([lo_, hi_], [y, y], color=color, alpha=0.35, lw=6, solid_capstyle="butt", zorder=1,
                        gid="range")
                present.add("range")
        ax.annotate("", xy=(ax_after, y), xytext=(before, y), zorder=2,
                    arrowprops=dict(arrowstyle="-|>", color=color, lw=1.2, alpha=0.8, shrinkA=4, shrinkB=5,
                                    mutation_scale=8))
        ax.plot([before], [y], marker="o", ms=theme.MARKER_SIZE, mfc="white", mec=color, mew=1.4, ls="none",
                zorder=3, gid="before")
        marker, cls = _after_marker(r["qualifier"], zero)
        size = theme.MARKER_SIZE * (1.6 if marker == "*" else 1.0)
        ax.plot([ax_after], [y], marker=marker, ms=size, mfc=color, mec=color, ls="none", zorder=4, gid="after")
        if cls:
            present.add(cls)
        text = f"{L.fmt_value(before, r['unit'], lang)} → {L.fmt_value(after, r['unit'], lang)}"
        q = L.qualifier_words(r["qualifier"], lang)
        if q:
            text += f"（{q}）" if lang == "zh" else f" ({q})"
        ax.annotate(L.mathsafe(text), xy=(1.01, y), xycoords=("axes fraction", "data"), va="center", ha="left",
                    fontsize=theme.SMALL, color="#333333", annotation_clip=False)
    _axes.rows_axis(ax, ys, [wrapped[i] for i in part.index])
    name = L.kind(kind, lang)
    unit_txt = _unit_caption(kind, unit, part, lang)
    scale = L.t("log", lang) if log else None
    bits = [b for b in (unit_txt, scale) if b]
    sep = "，" if lang == "zh" else ", "
    ax.set_title(f"{name}（{sep.join(bits)}）" if lang == "zh" and bits else
                 f"{name} ({sep.join(bits)})" if bits else name, fontsize=theme.PANEL_TITLE)
    return present


def _unit_caption(kind: str, unit: str, part: pd.DataFrame, lang: str) -> str:
    if kind == "duration":
        return ""
    if kind == "count":
        nouns = [L.unit_name(u, lang) for u in dict.fromkeys(map(str, part["unit"]))]
        nouns = [n for n in nouns if n]
        return ("、" if lang == "zh" else ", ").join(nouns)
    return L.unit_name(unit, lang)


def _legend_handles(rows: pd.DataFrame, hue, lang: str, present: set) -> list:
    grey = theme.NEUTRAL
    handles = [
        Line2D([], [], marker="o", ms=theme.MARKER_SIZE, mfc="white", mec=grey, mew=1.4, ls="none",
               label=L.t("before", lang)),
        Line2D([], [], marker="o", ms=theme.MARKER_SIZE, mfc=grey, mec=grey, ls="none", label=L.t("after", lang)),
    ]
    if "range" in present:
        handles.append(Line2D([], [], color=grey, alpha=0.35, lw=6, label=L.t("range", lang)))
    for cls in ("approximate", "fastest", "average", "zero"):
        if cls in present:
            m = theme.QUALIFIER_MARKERS[cls]
            handles.append(Line2D([], [], marker=m, ms=theme.MARKER_SIZE * (1.6 if m == "*" else 1), mfc=grey,
                                  mec=grey, ls="none", label=L.t(cls, lang)))
    if hue:
        for v in theme.hue_colors(hue):
            if (rows[hue].astype(str) == v).any():
                handles.append(Line2D([], [], color=theme.color_of(hue, v), lw=2.5, label=L.hue_label(hue, v, lang)))
    return handles
