"""The seeds' review sidecars cover exactly what the extractor finds: nothing dropped, nothing invented."""

import re

import pytest

import ftzdata
from ftzdata.review import STATUSES, load_reviews, reconcile
from ftzdata.metrics import KINDS

LEDGER = load_reviews()


def test_every_quote_is_the_original_text_at_its_offsets():
    for _, r in LEDGER.iterrows():
        assert ftzdata.document_text(r["doc_id"])[r["start"]:r["end"]] == r["quote"], (r["doc_id"], r["start"])


def test_every_row_is_decided():
    assert set(LEDGER["status"]) <= set(STATUSES) - {"pending"}, "a pending row is waiting for review (ftzdata review)"


def test_accepted_and_missed_rows_say_what_they_measure():
    rows = LEDGER[LEDGER["status"].isin(["accepted", "missed"])]
    assert rows["case_id"].notna().all()
    assert rows["metric"].str.fullmatch(r"[a-z][a-z0-9_]*").all()
    assert rows["label_en"].str.len().min() > 3 and rows["label_zh"].str.len().min() > 1
    assert not rows["label_en"].str.contains(r"[\u4e00-\u9fff]").any()
    assert set(rows["kind"]) <= set(KINDS)
    assert not (rows["case_id"] + "." + rows["metric"]).duplicated().any()


def test_rejected_and_missed_rows_give_a_reason():
    assert LEDGER.loc[LEDGER["status"] == "rejected", "reason"].str.len().min() > 10
    missed = LEDGER[LEDGER["status"] == "missed"]
    assert missed["reason"].notna().all() and missed["roles"].notna().all()


def test_case_ids_are_the_cases_that_hold_the_quote():
    cases = ftzdata.cases()
    for _, r in LEDGER[LEDGER["case_id"].notna()].iterrows():
        c = cases[(cases["doc_id"] == r["doc_id"]) & (cases["start"] <= r["start"]) & (cases["end"] >= r["end"])]
        assert list(c["case_id"]) == [r["case_id"]], r["quote"]


def test_extractor_and_ledger_agree():
    rec = reconcile()
    listing = lambda df: [f"{r.doc_id} [{r.start},{r.end}) {r.quote}" for r in df.itertuples()]
    assert rec.unreviewed.empty, "found but not reviewed (run ftzdata review --sync):\n" + "\n".join(listing(rec.unreviewed))
    assert rec.stale.empty, "reviewed but no longer found:\n" + "\n".join(listing(rec.stale))
    assert rec.lost.empty and rec.problems == [], "\n".join(rec.problems)
    assert rec.found_missed.empty, "marked missed but found now:\n" + "\n".join(listing(rec.found_missed))


def test_extractor_recall_counts_the_missed_claims():
    rec = reconcile()
    accepted = (rec.matched["status"] == "accepted").sum()
    recall = accepted / (accepted + len(rec.missed))
    assert 0 < recall <= 1
    assert len(rec.missed) == (LEDGER["status"] == "missed").sum()
