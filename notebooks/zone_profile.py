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
# # Zone profile
# The reform cases of one Pilot Free Trade Zone. Every number comes from `ftzdata`.

# %% tags=["parameters"]
zone: str = "Shanghai"  # a zone with cases in the corpus; for the bundled seeds one of: Shanghai, Guangdong, Tianjin, Fujian
lang: str = "en"  # one of: en, zh
corpus: str = ""  # a corpus folder; empty: $FTZDATA_CORPUS, else the bundled seeds

# %% tags=["validation"]
from ftzdata.report.params import check_injected

check_injected(globals(), "zone_profile", zone=zone, lang=lang, corpus=corpus)

# %%
import ftzdata
import ftzdata.plot as fplot
from ftzdata.report import nb

cases = ftzdata.cases(corpus or None)
mine = cases[cases["zone"] == zone].sort_values(["published", "doc_id", "seq"])
zone_name = nb.pick(lang, zone, dict(zip(cases["zone"], cases["zone_zh"])).get(zone, zone))
mine = mine.assign(domain_label=[fplot.labels.domain(d, lang) for d in mine["domain"]])  # fixed vocabulary

nb.say(
    lang,
    en=f"**{zone_name}** accounts for **{len(mine)}** of the {nb.count(len(cases), 'reform case')} "
    f"({len(mine) / len(cases):.0%}), from {nb.count(mine['doc_id'].nunique(), 'source document')} "
    f"across {nb.count(mine['domain'].nunique(), 'domain')}.",
    zh=f"**{zone_name}**共有 **{len(mine)}** 个改革案例（占全部 **{len(cases)}** 个的 {len(mine) / len(cases):.0%}），"
    f"来自 **{mine['doc_id'].nunique()}** 份文件，涉及 **{mine['domain'].nunique()}** 个领域。",
)

# %%
nb.heading(lang, "Cases per domain", "各领域案例数")
per_domain = mine.groupby("domain_label").size().sort_values()
nb.barh(per_domain, lang, "Reform cases", "改革案例数")

# %%
nb.heading(lang, "Cases", "案例列表")
shown = mine.assign(published=mine["published"].dt.strftime("%Y-%m"))
nb.table(
    shown,
    nb.pick(
        lang,
        {"case_id": "Case", "title_en": "Title", "title_zh_hans": "Chinese title", "domain_label": "Domain", "published": "Published"},
        {"case_id": "编号", "title_zh_hans": "标题", "domain_label": "领域", "published": "发布"},
    ),
)

# %%
nb.heading(lang, "Reported metrics", "案例报告的指标")
metrics = ftzdata.metrics(zone=zone, corpus=corpus or None)
nb.table(nb.claims(metrics, lang, quotes=False, rows=nb.TABLE_ROWS)[["metric", "values", "per", "change_pct", "qualifier"]],
         nb.CLAIM_HEADERS[lang], of=len(metrics))

# %%
has_both = metrics["before"].notna() & metrics["after"].notna()
if has_both.any():
    nb.heading(lang, "Before and after the reforms", "改革前后对比")
    nb.plot(fplot.before_after, metrics, lang=lang)
if metrics["change_pct"].notna().any():
    nb.heading(lang, "Percentage change by domain", "各领域的变化幅度")
    nb.plot(fplot.change_pct, metrics, by="domain", lang=lang)

# %%
nb.heading(lang, "Compared with the other zones", "与其他自贸试验区比较")
nb.say(lang, en="Per kind of metric this zone reports, every zone's number of claims and its median and largest "
       "percentage change (negative = reduction).",
       zh="对本自贸试验区报告的每类指标，列出各自贸试验区的指标数及变化幅度的中位数和最大降幅（负值表示减少）。")
kinds = sorted(metrics["kind"].dropna().unique())
if not kinds:
    nb.say(lang, en=f"{zone_name} reports no quantified effect to compare.", zh=f"{zone_name}没有可比较的量化效果。")
else:
    peers = ftzdata.metrics(corpus=corpus or None)
    peers = peers[peers["kind"].isin(kinds)]
    summary = (
        peers.groupby(["kind", "zone"], observed=True)
        .agg(claims=("metric_id", "size"), with_pct=("change_pct", "count"),
             median_pct=("change_pct", "median"), largest_cut=("change_pct", "min"))
        .reset_index()
    )
    summary["kind"] = [fplot.labels.kind(k, lang) for k in summary["kind"]]
    summary["zone"] = [fplot.labels.zone(z, lang) + (" ◀" if z == zone else "") for z in summary["zone"]]
    for col in ("median_pct", "largest_cut"):  # −36% as in every other table (a true minus sign, the % sign)
        summary[col] = [fplot.labels.fmt_pct(v) if v == v else "" for v in summary[col]]
    nb.table(
        summary,
        nb.pick(
            lang,
            {"kind": "Kind", "zone": "Zone", "claims": "Claims", "with_pct": "With a % change", "median_pct": "Median change", "largest_cut": "Largest cut"},
            {"kind": "类别", "zone": "自贸试验区", "claims": "指标数", "with_pct": "有变化幅度", "median_pct": "变化幅度中位数", "largest_cut": "最大降幅"},
        ),
    )
    both = peers[peers["before"].notna() & peers["after"].notna()]
    if set(both["zone"]) - {zone}:  # other zones have before-and-after values of the same kinds
        nb.plot(fplot.ratios, both, lang=lang)
