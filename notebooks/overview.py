# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version,-jupytext.text_representation.format_version
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["remove-cell"]
# # Overview of the reform cases
# Documents and reform cases of the Pilot Free Trade Zones. Every number comes from `ftzdata`.

# %% tags=["parameters"]
lang: str = "en"  # one of: en, zh
corpus: str = ""  # a corpus folder; empty: $FTZDATA_CORPUS, else the bundled seeds

# %% tags=["validation"]
from ftzdata.report.params import check_injected

check_injected(globals(), "overview", lang=lang, corpus=corpus)

# %%
import pandas as pd

import ftzdata
import ftzdata.plot as fplot
from ftzdata.report import nb

documents = ftzdata.documents(corpus or None)
cases = ftzdata.cases(corpus or None)
# Zones and domains in the report's language, from the fixed vocabulary (the Tianjin list has no domains
# of its own, so domain_zh is empty there: group by the vocabulary, not by the documents' wording).
cases = cases.assign(zone_label=[fplot.labels.zone(z, lang) for z in cases["zone"]],
                     domain_label=[fplot.labels.domain(d, lang) for d in cases["domain"]])

nb.say(
    lang,
    en=f"The corpus holds {nb.count(len(documents), 'source document')} describing {nb.count(len(cases), 'reform case')} "
    f"in {nb.count(cases['zone'].nunique(), 'Pilot Free Trade Zone')}, published between "
    f"{cases['published'].min():%Y-%m} and {cases['published'].max():%Y-%m}.",
    zh=f"语料包含 **{len(documents)}** 份文件，共 **{len(cases)}** 个改革案例，涉及 "
    f"**{cases['zone'].nunique()}** 个自由贸易试验区，发布时间为 "
    f"{cases['published'].min():%Y年%m月}至{cases['published'].max():%Y年%m月}。",
)

# %%
nb.heading(lang, "Source documents", "来源文件")
nb.table(
    documents,
    nb.pick(
        lang,
        {"doc_id": "Document", "title_en": "Title", "issuer_en": "Issuer", "date": "Date", "n_cases": "Cases"},
        {"doc_id": "文件", "title_zh": "标题", "issuer": "发文机关", "date": "日期", "n_cases": "案例数"},
    ),
)

# %%
nb.heading(lang, "Documents over time", "来源文件时间线")
nb.plot(fplot.timeline, documents, cases, lang=lang)

# %%
nb.heading(lang, "Cases per zone", "各自贸试验区案例数")
per_zone = cases.groupby("zone_label").size().sort_values()
nb.barh(per_zone, lang, "Reform cases", "改革案例数", color=nb.zone_colors(per_zone.index, lang))

# %%
nb.heading(lang, "Cases per domain and zone", "各领域、各自贸试验区案例数")
crosstab = nb.domain_rows(nb.zone_columns(pd.crosstab(cases["domain_label"], cases["zone_label"]), lang), lang)
crosstab = crosstab.rename_axis(index=None, columns=None)
nb.table(crosstab, index=True)

# %%
nb.heading(lang, "Reported metrics", "案例报告的指标")
metrics = ftzdata.metrics(corpus=corpus or None)
nb.no_claims_note(metrics, lang)
kinds = pd.crosstab([fplot.labels.kind(k, lang) for k in metrics["kind"]],
                    [fplot.labels.zone(z, lang) for z in metrics["zone"]])
nb.table(nb.zone_columns(kinds, lang).rename_axis(index=None, columns=None), index=True)

# %%
nb.heading(lang, "Which cases report a quantified effect", "哪些案例报告了量化效果")
nb.plot(fplot.coverage, cases, metrics, lang=lang)
nb.heading(lang, "Size of the reported changes", "报告的变化幅度")
nb.plot(fplot.ratios, metrics, lang=lang)

# %%
nb.heading(lang, "The largest cuts in time, items and cost", "时间、事项和成本的最大降幅")
nb.say(lang, en="For each kind, the largest reductions, ranked by percentage change; claims that state only an "
       "amount saved follow.", zh="按类别列出降幅最大的指标，按变化幅度排序；仅给出节省数额的指标排在其后。")
for kind in ["duration", "count", "money"]:
    cuts = nb.largest_cuts(metrics, kind)
    if cuts.empty:
        continue
    nb.subheading(lang, fplot.labels.kind(kind, "en"), fplot.labels.kind(kind, "zh"))
    nb.table(nb.claims(cuts, lang, quotes=False)[["zone", "case", "metric", "values", "per", "change_pct", "qualifier"]],
             nb.CLAIM_HEADERS[lang])

# %%
nb.heading(lang, "Every claim with its quote", "全部指标及原文")
nb.table(nb.claims(metrics, lang, rows=nb.TABLE_ROWS)[["zone", "metric", "values", "per", "change_pct", "quote", "source"]],
         nb.CLAIM_HEADERS[lang], of=len(metrics))
