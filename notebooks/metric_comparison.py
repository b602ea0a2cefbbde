# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
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
kind = "duration"
lang = "en"

# %% tags=["validation"]
from ftzdata.report.params import check

check("metric_comparison", kind=kind, lang=lang)

# %%
import ftzdata
from ftzdata.report import nb

cases = ftzdata.cases()
zone_col = nb.pick(lang, "zone", "zone_zh")
has_metrics = nb.available(ftzdata, "metrics")

# %%
if has_metrics:
    metrics = ftzdata.metrics(kind=kind)
    nb.say(
        lang,
        en=f"**{len(metrics)}** claims of kind *{kind}* from **{metrics['doc_id'].nunique()}** documents.",
        zh=f"共 **{len(metrics)}** 条“{nb.label(kind, lang)}”类指标，来自 **{metrics['doc_id'].nunique()}** 份文件。",
    )
    nb.table(
        metrics,
        nb.pick(
            lang,
            {"case_id": "Case", "zone": "Zone", "label_en": "Metric", "unit": "Unit", "per": "Per", "before": "Before", "after": "After", "change_pct": "Change %"},
            {"case_id": "案例", "zone": "片区", "label_zh": "指标", "unit": "单位", "per": "每", "before": "改革前", "after": "改革后", "change_pct": "变化 %"},
        ),
    )
else:
    nb.say(
        lang,
        en=f"The metrics dataset (kind *{kind}*) is not available in ftzdata {ftzdata.__version__} yet; "
        f"this report lists the cases per zone it will cover.",
        zh=f"ftzdata {ftzdata.__version__} 尚未提供指标数据（{nb.label(kind, lang)}）；本报告暂列出各片区的案例数。",
    )

# %%
if has_metrics:
    import ftzdata.plot as fplot

    if (metrics["before"].notna() & metrics["after"].notna()).any():
        nb.heading(lang, "Before and after", "改革前后对比")
        nb.figure(fplot.before_after(metrics, lang=lang))
    if metrics["change_pct"].notna().any():
        nb.heading(lang, "Percentage change by zone", "各片区的变化幅度")
        nb.figure(fplot.change_pct(metrics, by="zone", lang=lang))

# %%
nb.heading(lang, "Cases per zone", "各片区案例数")
per_zone = cases.groupby(zone_col, observed=True).size().sort_values()
nb.barh(per_zone, lang, "Reform cases", "改革案例数")
