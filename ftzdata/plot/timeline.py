"""The source documents on a time axis, with their reform cases per zone."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.dates import YearLocator, DateFormatter, date2num
from matplotlib.patches import Patch

from ftzdata.vocab import ZONES

from . import _axes, theme
from . import labels as L
from ._common import PlotDataError, cols_for, require_frame


def _span(published: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period a date stands for: the day, the month (2017-07) or the year (2021)."""
    if precision == "year":
        return published, published + pd.DateOffset(years=1)
    if precision == "month":
        return published, published + pd.DateOffset(months=1)
    return published, published


def _date_text(published: pd.Timestamp, precision: str, lang: str) -> str:
    zh = lang == "zh"
    if precision == "year":
        return f"{published.year}年" if zh else f"{published.year}"
    if precision == "month":
        return f"{published.year}年{published.month}月" if zh else f"{published:%Y-%m}"
    return f"{published.year}年{published.month}月{published.day}日" if zh else f"{published:%Y-%m-%d}"


def timeline(documents: pd.DataFrame, cases: pd.DataFrame, lang: str = "en"):
    """Left: each document at its date — a dot for a full date, a bar over the month or year when the
    document gives only that (``date_precision``). Right: its number of cases per zone, stacked
    (zone colours). Documents with cases but no date are named under the chart. Returns the Figure.
    """
    L.check_lang(lang)
    documents = require_frame(documents, "documents", ["doc_id", "title_zh", "published", "date_precision"])
    cases = require_frame(cases, "cases", ["case_id", "doc_id", "zone"])
    counts = pd.crosstab(cases["doc_id"], cases["zone"].astype(str))
    counts = counts.reindex(columns=[z for z in ZONES if z in counts.columns])
    docs = documents[documents["doc_id"].isin(counts.index)]
    dated = docs[docs["published"].notna()].sort_values(["published", "doc_id"], kind="stable")
    undated = docs[docs["published"].isna()]
    if dated.empty:
        raise PlotDataError("no document with a date has cases in `cases`: nothing to draw")
    n = len(dated)
    titles = L.doc_titles(lang, documents=documents)
    if lang == "zh":
        ylabels = [L.wrap(titles[d], 18, 2) for d in dated["doc_id"]]
    else:
        ylabels = list(dated["doc_id"])
    ys = np.arange(n)

    with theme.context():
        fig = theme.figure(height=0.5 * n + 2.0)
        ax, bx = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [3, 2]})
        starts, ends = [], []
        for y, (_, d) in zip(ys, dated.iterrows()):
            prec = d["date_precision"] if isinstance(d["date_precision"], str) else "day"
            a, b = _span(d["published"], prec)
            starts.append(a)
            ends.append(b)
            if b > a:
                ax.barh(y, date2num(b) - date2num(a), left=date2num(a), height=0.35, color=theme.NEUTRAL,
                        alpha=0.45, zorder=2, gid="document")
            else:
                ax.plot([date2num(a)], [y], marker="o", ms=7, color=theme.NEUTRAL, zorder=3, gid="document")
            ax.annotate(_date_text(d["published"], prec, lang), xy=(date2num(b), y), xytext=(6, 0),
                        textcoords="offset points", va="center", fontsize=theme.SMALL, color="#333333")
        lo, hi = min(starts), max(ends)
        ax.set_xlim(date2num(lo - pd.DateOffset(months=8)), date2num(hi + pd.DateOffset(months=14)))
        ax.xaxis.set_major_locator(YearLocator(max(1, -(-(hi.year - lo.year + 2) // 4))))  # about 4 labels
        ax.xaxis.set_major_formatter(DateFormatter("%Y"))
        _axes.rows_axis(ax, ys, ylabels)
        ax.set_xlabel(L.t("tl_date", lang))

        left = np.zeros(n)
        sub = counts.loc[dated["doc_id"]]
        for zone in sub.columns:
            vals = sub[zone].to_numpy()
            bx.barh(ys, vals, left=left, color=theme.ZONE_COLORS.get(zone, theme.FALLBACK_COLOR), height=0.55,
                    zorder=2, label=L.zone(zone, lang))
            ink = theme.ink_on(theme.ZONE_COLORS.get(zone, theme.FALLBACK_COLOR))
            for y, v, l0 in zip(ys, vals, left):
                if v and v >= 0.07 * counts.to_numpy().sum(axis=1).max():
                    bx.text(l0 + v / 2, y, str(int(v)), ha="center", va="center", fontsize=theme.SMALL, color=ink)
            left += vals
        for y, total in zip(ys, left):
            bx.annotate(L.t("cases_n", lang, n=int(total)), xy=(total, y), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=theme.SMALL, color="#333333")
        bx.set_xlim(0, left.max() * 1.35)
        _axes.rows_axis(bx)
        bx.set_xlabel(L.t("tl_cases", lang))
        handles = [Patch(color=theme.ZONE_COLORS[z], label=L.zone(z, lang)) for z in sub.columns if sub[z].any()]
        bx.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=theme.SMALL,
                  ncols=theme.legend_cols(handles, theme.FIG_WIDTH * 0.4, len(handles)),
                  handlelength=1.2, columnspacing=0.8, borderaxespad=0.3)
        theme.title(fig, L.t("tl_title", lang), L.t("tl_sub", lang))
        note = L.source_text(dated["doc_id"], lang, cols_for(theme.FIG_WIDTH, theme.SOURCE_SIZE), L.corpus_of(dated))
        if not undated.empty:
            names = [f"{i} ({L.t('cases_n', lang, n=int(counts.loc[i].sum()))})" for i in undated["doc_id"]]
            note = L.t("tl_undated", lang) + ", ".join(names) + "\n" + note
        theme.source_line(fig, note)
    return theme.finish(fig)
