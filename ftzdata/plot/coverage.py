"""Heatmap zone × domain: how many reform cases, and how many of them report a quantified effect."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ftzdata.vocab import DOMAINS, ZONES

from . import theme
from . import labels as L
from ._common import PlotDataError, cols_for, require_frame


NO_ZONE, NO_DOMAIN = "\0no zone", "\0no domain"  # keys of cases without a zone / domain


def coverage(cases: pd.DataFrame, metrics: pd.DataFrame, lang: str = "en", ax=None):
    """Rows: the reform domains; columns: the zones. Colour: the number of cases; each cell reads
    ``n_with / n_cases`` — cases with at least one claim in ``metrics`` / all cases. The margins give
    the totals per zone and per domain. Empty cells (no case) stay blank. ``ax``: draw into an existing
    axes (no title/source line then). Returns the Figure.
    """
    import seaborn as sns

    L.check_lang(lang)
    cases = require_frame(cases, "cases", ["case_id", "doc_id", "zone", "domain"])
    metrics = require_frame(metrics, "metrics", ["case_id"])
    if cases.empty:
        raise PlotDataError("cases is empty: nothing to draw")
    quantified = cases["case_id"].isin(set(metrics["case_id"]))
    # cases whose document and review give no zone or domain get a row/column of their own
    z = cases["zone"].astype(object).where(cases["zone"].notna(), NO_ZONE).astype(str)
    d = cases["domain"].astype(object).where(cases["domain"].notna(), NO_DOMAIN).astype(str)
    zones = [v for v in [*ZONES, NO_ZONE] if (z == v).any()]
    domains = [v for v in [*DOMAINS, NO_DOMAIN] if (d == v).any()]
    n_all = pd.crosstab(d, z).reindex(index=domains, columns=zones, fill_value=0)
    n_with = pd.crosstab(d[quantified], z[quantified]).reindex(index=domains, columns=zones, fill_value=0)
    annot = np.where(n_all.to_numpy() > 0,
                     [[f"{w} / {a}" for w, a in zip(rw, ra)] for rw, ra in zip(n_with.to_numpy(), n_all.to_numpy())],
                     "")
    shown = n_all.astype(float).where(n_all > 0)
    total = L.t("cov_total", lang)
    xlabels = [f"{L.t('no_zone', lang) if c == NO_ZONE else L.zone(c, lang)}\n{n_with[c].sum()} / {n_all[c].sum()}"
               for c in zones]
    ylabels = [f"{L.wrap(L.t('no_domain', lang) if r == NO_DOMAIN else L.domain(r, lang), 30, 2)}  "
               f"({n_with.loc[r].sum()} / {n_all.loc[r].sum()})"
               .replace("\n", "\n") for r in domains]

    with theme.context():
        own = ax is None
        if own:
            fig = theme.figure(height=0.42 * len(domains) + 2.0, width=theme.FIG_WIDTH)
            ax = fig.subplots()
        else:
            fig = ax.figure
        sns.heatmap(shown, ax=ax, cmap=theme.HEATMAP_CMAP, annot=annot, fmt="", linewidths=1.5, linecolor="white",
                    vmin=0, cbar_kws={"label": L.t("cov_cbar", lang), "shrink": 0.8}, annot_kws={"fontsize": theme.SMALL},
                    square=False)
        ax.set_xticks(np.arange(len(zones)) + 0.5, labels=xlabels, rotation=0)
        ax.set_yticks(np.arange(len(domains)) + 0.5, labels=ylabels, rotation=0)
        ax.tick_params(length=0)
        ax.xaxis.tick_top()
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_title(f"{total}: {int(quantified.sum())} / {len(cases)}" if lang == "en"
                     else f"{total}：{int(quantified.sum())} / {len(cases)}", loc="right", fontsize=theme.SMALL,
                     color=theme.NEUTRAL, pad=28)
        if own:
            theme.title(fig, L.t("cov_title", lang), L.t("cov_sub", lang))
            theme.source_line(fig, L.source_text(cases["doc_id"], lang, cols_for(theme.FIG_WIDTH, theme.SOURCE_SIZE), L.corpus_of(cases)))
    return theme.finish(fig)
