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
# # Metric comparison
# One kind of metric (duration, count, money, ratio) across zones. Every number comes from `ftzdata`.

# %% tags=["parameters"]
kind: str = "duration"  # one of: duration, count, money, ratio
lang: str = "en"  # one of: en, zh
corpus: str = ""  # a corpus folder; empty: $FTZDATA_CORPUS, else the bundled seeds

# %% tags=["validation"]
from ftzdata.report.params import check_injected

check_injected(globals(), "metric_comparison", kind=kind, lang=lang, corpus=corpus)

# %%
import ftzdata
import ftzdata.plot as fplot
from ftzdata.report import nb

metrics = nb.rank(ftzdata.metrics(kind=kind, corpus=corpus or None))
nb.say(
    lang,
    en=f"{nb.count(len(metrics), 'claim')} of kind *{nb.label(kind, lang)}* from {nb.count(metrics['case_id'].nunique(), 'case')} "
    f"in {nb.count(metrics['zone'].nunique(), 'zone')} and {nb.count(metrics['doc_id'].nunique(), 'document')}, ranked from the "
    f"largest reduction to the largest increase.",
    zh=f"共 **{len(metrics)}** 条“{nb.label(kind, lang)}”类指标，来自 **{metrics['zone'].nunique()}** 个自贸试验区的 "
    f"**{metrics['case_id'].nunique()}** 个案例、**{metrics['doc_id'].nunique()}** 份文件，按降幅由大到小排列。",
)

# %%
nb.heading(lang, "Every claim, ranked", "全部指标排名")
table = nb.claims(metrics, lang, quotes=False, numbered=True, rows=nb.TABLE_ROWS)
nb.table(table[["rank", "zone", "case", "metric", "values", "per", "change_pct", "qualifier"]], nb.CLAIM_HEADERS[lang],
         of=len(metrics))

# %%
if (metrics["before"].notna() & metrics["after"].notna()).any():
    nb.heading(lang, "Before and after", "改革前后对比")
    nb.plot(fplot.before_after, metrics, lang=lang)
if metrics["change_pct"].notna().any():
    nb.heading(lang, "Percentage change by zone", "各自贸试验区的变化幅度")
    nb.plot(fplot.change_pct, metrics, by="zone", lang=lang)

# %%
nb.heading(lang, "Caveats before comparing", "比较前须知")
notes = nb.caveats(metrics, lang)
nb.bullets(notes) if notes else nb.say(lang, en="No qualifier or note applies.", zh="无限定或说明。")

# %%
nb.heading(lang, "Sources", "原文出处")
nb.table(nb.claims(metrics, lang, rows=nb.TABLE_ROWS)[["metric", "quote", "source"]], nb.CLAIM_HEADERS[lang], of=len(metrics))
