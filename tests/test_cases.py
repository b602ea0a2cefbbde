"""The case registry: counts, offsets, titles, zones, domains, summaries."""

import csv
import re

import pandas as pd
import pytest

import ftzdata
from ftzdata.normalize import normalize, to_simplified
from ftzdata.vocab import AREAS, DOMAINS, ZONES
from conftest import ROOT, SEEDS

CASES = ftzdata.cases()
MANIFEST = {r["doc_id"]: r for r in csv.DictReader(open(SEEDS / "manifest.csv", encoding="utf-8"))}


def test_counts_per_document_follow_the_manifest():
    counts = CASES.groupby("doc_id").size().to_dict()
    expected = {d: int(r["n_cases"]) for d, r in MANIFEST.items() if r["layout"] != "summaries"}
    assert counts == expected
    assert len(CASES) == 67


def test_counts_agree_with_what_the_documents_say():
    gz = ftzdata.normalized_text("guangzhou-nansha-batch3-2018").text
    stated = int(re.search(r"第三批(\d+)项改革创新经验", gz).group(1))
    assert (CASES["doc_id"] == "guangzhou-nansha-batch3-2018").sum() == stated
    m15 = ftzdata.normalized_text("mofcom-2015-best-practices").text
    assert (CASES["doc_id"] == "mofcom-2015-best-practices").sum() == int(re.search(r"突出的(\d+)个案例", m15).group(1))
    # per-category counts in the Guangzhou annex, e.g. 二、贸易便利化(11项)
    per_domain = CASES[CASES["doc_id"] == "guangzhou-nansha-batch3-2018"].groupby("domain_zh").size().to_dict()
    stated_domains = {m.group(1): int(m.group(2)) for m in re.finditer(r"[一二三四五六七]、(\w+?)\((\d+)项\)", gz)}
    assert per_domain == stated_domains


def test_case_ids_are_unique_and_readable():
    assert CASES["case_id"].is_unique
    assert CASES["case_id"].str.fullmatch(r"(mofcom2015|mofcom2017|nansha2018|tianjin2021)-\d\d").all()
    for doc_id, group in CASES.groupby("doc_id"):
        assert list(group["seq"]) == list(range(1, len(group) + 1))


def test_titles_are_the_original_text_inside_the_case():
    for _, c in CASES.iterrows():
        original = ftzdata.document_text(c["doc_id"])
        assert c["start"] <= c["title_start"] < c["title_end"] <= c["end"]
        assert original[c["title_start"]:c["title_end"]] == c["title_zh"]
        assert c["title_zh"] in original[c["start"]:c["end"]]
        assert c["title_zh_hans"] == normalize(c["title_zh"]).text.rstrip("。")


def test_guangzhou_titles_are_converted_to_simplified():
    original = ftzdata.document_text("guangzhou-nansha-batch3-2018")
    assert "報關單“一鍵改配”" in original
    row = CASES[CASES["title_zh"] == "報關單“一鍵改配”"].iloc[0]
    assert row["title_zh_hans"] == "报关单“一键改配”"
    gz = CASES[CASES["doc_id"] == "guangzhou-nansha-batch3-2018"]
    assert (gz["title_zh_hans"] == gz["title_zh_hans"].map(to_simplified)).all()
    assert (gz["title_zh"] != gz["title_zh_hans"]).sum() > 20


def test_tianjin_table_gives_clean_titles_and_texts():
    tj = CASES[CASES["doc_id"] == "tianjin-2021-replicable-experiences"]
    original = ftzdata.document_text("tianjin-2021-replicable-experiences")
    assert original.count("序号\t改革事项") > 1  # the header row is repeated in the source
    assert len(tj) == 24 and tj["title_zh_hans"].is_unique
    for col in ("title_zh_hans", "text"):
        assert not tj[col].str.contains(r"<|>|&[a-z]+;|序号\s*改革事项|改革事项\s*主要内容", regex=True).any(), col
    assert (tj["text"].str.len() > 20).all()
    assert tj["lead_units"].map(len).min() >= 1
    assert not tj["lead_units"].explode().str.contains("<|负责单位").any()


def test_zones_areas_and_domains_use_the_vocabularies():
    assert set(CASES["zone"]) <= set(ZONES)
    assert CASES["zone"].notna().all() and CASES["domain"].notna().all()
    assert set(CASES["domain"].astype(str)) <= set(DOMAINS)
    assert set(CASES["area"].dropna()) <= set(AREAS.values())
    assert isinstance(CASES["zone"].dtype, pd.CategoricalDtype)


def test_zone_comes_from_the_text_where_the_text_says_it():
    # the narrative cases name their zone: (中国(上海)自由贸易试验区提供)
    for _, c in CASES[CASES["doc_id"].str.startswith("mofcom")].iterrows():
        span = normalize(ftzdata.document_text(c["doc_id"])[c["start"]:c["end"]]).text
        assert f"({c['zone_zh']})自由贸易试验区提供" in span or f"{c['zone_zh']})自由贸易试验区提供" in span


def test_areas_are_named_in_the_case_or_its_document():
    docs = ftzdata.documents().set_index("doc_id")
    for _, c in CASES[CASES["area_zh"].notna()].iterrows():
        span = to_simplified(ftzdata.document_text(c["doc_id"])[c["start"]:c["end"]])
        assert c["area_zh"] in span or c["area_zh"] in to_simplified(docs.loc[c["doc_id"], "title_zh"]), c["case_id"]


def test_domains_are_assigned_only_where_the_document_has_none():
    for doc_id, group in CASES.groupby("doc_id"):
        sources = set(group["domain_source"].astype(str))
        assert len(sources) == 1, doc_id
        if sources == {"document"}:
            assert group["domain_zh"].notna().all()
        else:
            assert group["domain_zh"].isna().all()
    assigned = set(CASES.loc[CASES["domain_source"] == "assigned", "doc_id"])
    assert assigned == {"mofcom-2017-best-practices", "tianjin-2021-replicable-experiences"}


def test_every_case_has_an_english_title():
    assert CASES["title_en"].str.len().min() > 5
    assert not CASES["title_en"].str.contains(r"[\u4e00-\u9fff]").any()


def test_cases_do_not_overlap():
    for doc_id, group in CASES.groupby("doc_id"):
        g = group.sort_values("start")
        assert (g["start"].iloc[1:].values >= g["end"].iloc[:-1].values).all(), doc_id


def test_textbook_summaries_link_to_their_full_cases():
    s = ftzdata.summaries()
    assert len(s) == int(MANIFEST["textbook-12-best-practices"]["n_cases"])
    assert s["case_id"].is_unique
    merged = s.merge(CASES, on="case_id", suffixes=("_s", ""))
    key = lambda t: re.sub(r"[\W_]+", "", t)
    for _, r in merged.iterrows():
        assert key(r["title_zh_hans"]) in key(normalize(r["title_zh_s"]).text)
        assert r["text"]
    original = ftzdata.document_text("textbook-12-best-practices")
    for _, r in s.iterrows():
        assert original[r["start"]:r["end"]].startswith(r["title_zh"])
    assert CASES["summary_id"].notna().sum() == 12
    assert set(merged["doc_id"]) == {"mofcom-2015-best-practices", "mofcom-2017-best-practices"}


def test_attrs_describe_the_dataset():
    assert "Free Trade Zone" in CASES.attrs["title"] and CASES.attrs["source"]
