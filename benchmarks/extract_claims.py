"""Claims found in each seed document, and the extractor's precision and recall against the reviewed ledger.

``claims_by_document()`` returns ``{doc_id: claims DataFrame}`` for the documents listed in
``seeds/manifest.csv`` (the text of doc_id X is ``seeds/X.txt``); ``quantities_by_document()`` does
the same for quantities.  Running the module prints, per document, every claim: quote, subject,
before → after or change, unit, per and qualifier, then a count per document, then precision and recall
against ``the seeds' <doc_id>.review.csv files``: a found claim is correct when the ledger accepts it or rejects it
only as a restatement (a real claim, kept out of the dataset so it is not counted twice); it is wrong
when the ledger's reason starts with "not a claim"; ledger rows marked ``missed`` count against recall,
and accepted rows with ``corrections`` are value errors. Last, precision and recall on the held-out
sentences of ``tests/data/extract_heldout*.csv``.

Usage: .venv/bin/python benchmarks/extract_claims.py [doc_id ...]
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ftzdata.extract import extract  # noqa: E402

SEEDS = ROOT / "seeds"


def doc_ids() -> list[str]:
    with open(SEEDS / "manifest.csv", encoding="utf-8") as f:
        return [row["doc_id"] for row in csv.DictReader(f)]


def _both(ids=None) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    return {d: extract((SEEDS / f"{d}.txt").read_text(encoding="utf-8")) for d in (ids or doc_ids())}


def claims_by_document(ids=None) -> dict[str, pd.DataFrame]:
    """doc_id → claims dataframe (columns of ``ftzdata.extract.claims``)."""
    return {d: c for d, (_, c) in _both(ids).items()}


def quantities_by_document(ids=None) -> dict[str, pd.DataFrame]:
    """doc_id → quantities dataframe."""
    return {d: q for d, (q, _) in _both(ids).items()}


def _rng(lo: float, hi: float) -> str:
    if math.isnan(lo):
        return "?"
    return f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"


def describe(row) -> str:
    parts = []
    if not (math.isnan(row.before_low) and math.isnan(row.after_low)):
        parts.append(f"{_rng(row.before_low, row.before_high)} → {_rng(row.after_low, row.after_high)}")
    if not math.isnan(row.change_low):
        parts.append(f"change {_rng(row.change_low, row.change_high)}")
    if not math.isnan(row.change_pct_low):
        parts.append(f"change {_rng(row.change_pct_low, row.change_pct_high)}%")
    extra = "".join(f" {k}={v}" for k, v in (("per", row.per), ("qualifier", row.qualifier)) if v)
    return f"{row.direction} {'; '.join(parts)} [{row.unit}]{extra}"


def main(argv: list[str]) -> None:
    by_doc = claims_by_document(argv or None)
    for d, df in by_doc.items():
        print(f"== {d}: {len(df)} claims")
        for row in df.itertuples():
            print(f"  「{row.quote}」")
            print(f"      subject={row.subject}  {describe(row)}")
    print()
    print("claims per document:")
    for d, df in by_doc.items():
        kinds = df["kind"].value_counts().to_dict() if len(df) else {}
        print(f"  {d:40s} {len(df):4d}  {kinds}")


def ledger_scores() -> pd.DataFrame:
    """Per document: claims found, correct, wrong, missed, with corrected values; precision and recall."""
    from ftzdata.review import load_reviews as load_ledger

    ledger = load_ledger()
    rows = []
    for d, found in claims_by_document().items():
        lg = ledger[ledger["doc_id"] == d]
        wrong = lg[(lg["status"] == "rejected") & lg["reason"].fillna("").str.startswith("not a claim")]
        missed = (lg["status"] == "missed").sum()
        corrected = ((lg["status"] == "accepted") & lg["corrections"].notna()).sum()
        correct = len(found) - len(wrong)
        rows.append(dict(doc_id=d, found=len(found), correct=correct, wrong=len(wrong), missed=missed,
                         corrected_values=corrected))
    df = pd.DataFrame(rows)
    total = df.drop(columns="doc_id").sum()
    df.loc[len(df)] = {"doc_id": "all", **total.to_dict()}
    df["precision"] = (df["correct"] / df["found"]).round(3)
    df["recall"] = (df["correct"] / (df["correct"] + df["missed"])).round(3)
    return df


if __name__ == "__main__":
    main(sys.argv[1:])
    print()
    print("against the reviewed ledger (the seeds' <doc_id>.review.csv files):")
    print(ledger_scores().to_string(index=False))
    print()
    print("against the held-out sentences (tests/data/extract_heldout*.csv, not from the seeds):")
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest_extract import evaluate  # noqa: E402

    for table in sorted((ROOT / "tests" / "data").glob("extract_heldout*.csv")):
        precision, recall, details = evaluate(pd.read_csv(table))
        print(f"  {table.name:32s} precision {precision:.3f}  recall {recall:.3f}  ({len(details)} misses/extras)")
