"""The tidy metrics dataset: values traced to quotes, derived values computed, filters, long form."""

import math
import re

import numpy as np
import pandas as pd
import pytest

import ftzdata
from ftzdata import UnknownValueError, ValidationError
from ftzdata.extract import quantities
from ftzdata.review import load_reviews
from ftzdata.metrics import METRIC_COLUMNS, metrics, to_long
from ftzdata.schema import validate
from ftzdata.vocab import ZONES
from conftest import register_sha

M = metrics()


def row_with(fragment):
    hits = M[M["quote"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, fragment
    return hits.iloc[0]


def test_one_row_per_accepted_or_missed_claim_in_documented_order():
    ledger = load_reviews()
    assert len(M) == ledger["status"].isin(["accepted", "missed"]).sum()
    assert list(M.columns) == METRIC_COLUMNS
    assert M["metric_id"].is_unique
    for col in ("zone", "domain", "kind", "unit"):
        assert isinstance(M[col].dtype, pd.CategoricalDtype), col


def test_the_published_dataset_passes_its_schema():
    validate(M)


def test_stated_values_come_from_the_quote():
    """Every stated before/after/change value is a number written in the quote (in canonical units)."""
    for _, r in M.iterrows():
        q = quantities(r["quote"])
        values = set(np.round(q["value_low"], 6)) | set(np.round(q["value_high"], 6))
        values |= {float(x) for x in re.findall(r"\d+(?:\.\d+)?", r["quote"])}  # bare numbers: 8合1
        for field in ("before_low", "before_high", "after_low", "after_high"):
            if not pd.isna(r[field]) and r[field] != 0:
                assert round(r[field], 6) in values, (r["metric_id"], field, r[field], r["quote"])
        if "change" in r["stated"].split(","):
            assert round(abs(r["change_stated"]), 6) in values, (r["metric_id"], r["quote"])


def test_derived_values_are_computed():
    both = M[M["before"].notna() & M["after"].notna()]
    assert len(both) > 15
    assert np.allclose(both["change"], both["after"] - both["before"])
    nonzero = both[both["before"] != 0]
    assert np.allclose(nonzero["change_pct"], 100 * nonzero["change"] / nonzero["before"])
    assert np.allclose(nonzero["ratio"], nonzero["after"] / nonzero["before"])
    assert np.allclose(both["before"], (both["before_low"] + both["before_high"]) / 2)
    assert (both.loc[both["change"] < 0, "direction"] == "decrease").all()
    assert (both.loc[both["change"] > 0, "direction"] == "increase").all()


def test_a_stated_saving_per_container_is_a_negative_change():
    r = row_with("每个集装箱可减少费用600元") if M["quote"].str.contains("每个集装箱可减少费用600元").any() \
        else row_with("减少费用600元")
    amount = float(re.search(r"(\d+)元", r["quote"]).group(1))
    assert r["change"] == -amount and r["unit"] == "CNY" and r["per"] == "container"
    assert r["direction"] == "decrease" and r["stated"] == "change"


def test_hours_before_and_after():
    r = row_with("船舶进境时间由36小时缩短至2.5小时")
    before, after = map(float, re.findall(r"[\d.]+(?=小时)", r["quote"]))
    assert (r["before"], r["after"], r["unit"], r["kind"]) == (before, after, "h", "duration")
    assert r["change_pct"] == pytest.approx(100 * (after - before) / before)


def test_ranges_give_midpoints_and_bounds():
    r = row_with("从4个小时缩短至5至10分钟")
    lo, hi = map(float, re.search(r"(\d+)至(\d+)分钟", r["quote"]).groups())
    assert (r["after_low"], r["after_high"]) == pytest.approx((lo / 60, hi / 60))
    assert r["after"] == pytest.approx((lo + hi) / 120)


def test_a_before_range_bounds_the_percentage_change():
    """由原来2至3天,最快可缩短到6.5小时: every before in 2–3 days and after 6.5 h is inside the bounds."""
    r = row_with("由原来2至3天,最快可缩短到6.5小时")
    lo_days, hi_days = map(float, re.search(r"(\d+)至(\d+)天", r["quote"]).groups())
    after = float(re.search(r"([\d.]+)小时", r["quote"]).group(1))
    pcts = [100 * (after / (days * 24) - 1) for days in (lo_days, hi_days)]
    assert (r["change_pct_low"], r["change_pct_high"]) == pytest.approx((min(pcts), max(pcts)))
    both = M[M["before"].notna() & M["after"].notna() & (M["before_low"] > 0)]
    assert len(both) > 15
    for _, row in both.iterrows():  # every combination of the stated bounds lies within [low, high]
        for b in (row["before_low"], row["before_high"]):
            for a in (row["after_low"], row["after_high"]):
                assert row["change_pct_low"] - 1e-9 <= 100 * (a / b - 1) <= row["change_pct_high"] + 1e-9
        assert row["change_pct_low"] - 1e-9 <= row["change_pct"] <= row["change_pct_high"] + 1e-9
        assert row["change_pct_low"] >= -100


def test_stated_changes_agree_with_the_values():
    """Where the text states values and the change (169项 → 105项, 减少了超过30%), both must agree."""
    checked = 0
    for _, r in M[M["before"].notna() & M["after"].notna()].iterrows():
        if not pd.isna(r["change_stated"]):
            assert r["change"] == pytest.approx(r["change_stated"]), r["quote"]
            checked += 1
        if not pd.isna(r["change_pct_stated"]):
            stated, derived = r["change_pct_stated"], r["change_pct"]
            assert math.copysign(1, stated) == math.copysign(1, derived), r["quote"]
            qual = r["qualifier"] or ""
            if "more than" in qual or "at least" in qual:
                assert abs(derived) >= abs(stated), r["quote"]
            else:
                assert abs(derived - stated) <= 0.1 * abs(stated), r["quote"]
            checked += 1
    assert checked >= 3


def test_filters_and_their_errors():
    for zone in ZONES:
        sub = metrics(zone=zone)
        assert (sub["zone"] == zone).all() and len(sub) == (M["zone"] == zone).sum()
    assert set(metrics(kind="duration")["unit"]) == {"h"}
    assert (metrics(domain="trade facilitation")["domain"] == "trade facilitation").all()
    assert (metrics(doc_id="mofcom-2017-best-practices")["doc_id"] == "mofcom-2017-best-practices").all()
    assert metrics(zone="Beijing").empty  # a zone of the vocabulary with no claim in the seeds
    fujian = metrics(zone="Fujian")
    for spelling in ("fujian", "FUJIAN", "福建", "中国(福建)自由贸易试验区", "福建自贸区"):
        assert metrics(zone=spelling)["metric_id"].tolist() == fujian["metric_id"].tolist(), spelling
    with pytest.raises(UnknownValueError, match=r"unknown zone 'Atlantis'; allowed: Shanghai, Guangdong, Tianjin, "
                                                r"Fujian, .*Hainan.*Xinjiang"):
        metrics(zone="Atlantis")
    for bad in (pd.NA, ["Fujian"], pd.Series(["Fujian"]), 3):
        with pytest.raises(UnknownValueError, match="unknown zone"):
            metrics(zone=bad)
    with pytest.raises(UnknownValueError, match="unknown kind 'time'; allowed: duration, count, money, ratio, area"):
        metrics(kind="time")
    with pytest.raises(UnknownValueError, match="domain"):
        metrics(domain="trade")
    with pytest.raises(UnknownValueError, match="mofcom-2015-best-practices"):
        metrics(doc_id="nope")


def test_long_form_for_seaborn():
    long = metrics(long=True)
    both = M[M["before"].notna() & M["after"].notna()]
    assert list(long["phase"].cat.categories) == ["before", "after"]
    assert (long["phase"] == "before").sum() == M["before"].notna().sum()
    assert (long["phase"] == "after").sum() == M["after"].notna().sum()
    one = long[long["metric_id"] == both.iloc[0]["metric_id"]]
    assert list(one["value"]) == [both.iloc[0]["before"], both.iloc[0]["after"]]
    assert "before" not in long.columns and "value_low" in long.columns


def test_metadata_travels_with_the_dataframe():
    assert "Free Trade Zone" in M.attrs["title"] and M.attrs["source"] and M.attrs["description"]


@pytest.mark.parametrize("damage, message", [
    (lambda d: d.__setitem__("quote", d["quote"].where(d.index != 0, "篡改")), "quote must equal the original"),
    (lambda d: d.loc.__setitem__((1, "after_low"), 1e12), "after_low must not exceed after_high"),
    (lambda d: d.__setitem__("metric_id", d["metric_id"].where(d.index != 2, d.loc[3, "metric_id"])), "metric_id"),
    (lambda d: d.__setitem__("unit", d["unit"].cat.add_categories("kg").where(d.index != 0, "kg")), "unit must fit kind"),
    (lambda d: d.__setitem__("zone", d["zone"].astype(object).where(d.index != 0, "Beijing")), "zone"),
])
def test_validate_names_what_is_wrong(damage, message):
    bad = M.copy()
    damage(bad)
    with pytest.raises(ValidationError, match=message):
        validate(bad)


def test_restated_figures_are_checked_across_documents(seeds_copy):
    c = ftzdata.consistency()
    assert c["agrees"].all()
    restated = set(c["quote"])
    assert {"116项", "17个"} <= restated  # 证照分离's 116 approvals; the Shanghai single window's 17 departments
    # a summary that misquotes its case is caught
    path = seeds_copy / "textbook-12-best-practices.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("所涉116项", "所涉118项"), encoding="utf-8")
    register_sha(seeds_copy, "textbook-12-best-practices")
    bad = ftzdata.consistency(ftzdata.Corpus(seeds_copy))
    row = bad[bad["quote"] == "118项"].iloc[0]
    assert not row["agrees"] and row["full_quote"] == "116项"
