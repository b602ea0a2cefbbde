"""Maintainers' tool for ftzdata/data/ledger.csv (the reviewed ledger).

    python tools/ledger_sync.py status   # what the extractor finds that the ledger does not cover, and vice versa
    python tools/ledger_sync.py sync     # carry decisions over to claims whose span moved (one-to-one overlaps),
                                         # and append unreviewed claims as status "todo" for a human to decide

A "todo" row fails the test suite until someone reviews it: nothing enters the dataset unreviewed.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pandas as pd

import ftzdata
from ftzdata.ledger import LEDGER_COLUMNS, found_claims, load_ledger, reconcile

LEDGER = Path(str(resources.files("ftzdata").joinpath("data/ledger.csv")))


def case_of(doc_id: str, start: int):
    c = ftzdata.cases()
    hit = c[(c["doc_id"] == doc_id) & (c["start"] <= start) & (c["end"] > start)]
    if len(hit):
        return hit.iloc[0]["case_id"]
    s = ftzdata.summaries()
    hit = s[(s["doc_id"] == doc_id) & (s["start"] <= start) & (s["end"] > start)]
    return hit.iloc[0]["case_id"] if len(hit) else None


def status() -> int:
    rec = reconcile()
    print(f"matched {len(rec.matched)}, missed {len(rec.missed)}, unreviewed {len(rec.unreviewed)}, "
          f"stale {len(rec.stale)}, missed-now-found {len(rec.found_missed)}")
    for name in ("unreviewed", "stale", "found_missed"):
        df = getattr(rec, name)
        for _, r in df.iterrows():
            print(f"  {name}: {r['doc_id']} [{r['start']}, {r['end']}) {r['quote']}")
    return 0


def sync() -> int:
    ledger = load_ledger() if LEDGER.exists() else pd.DataFrame(columns=LEDGER_COLUMNS)
    found = found_claims()
    rec = reconcile(ledger, found)
    moved = 0
    for idx, r in rec.stale.iterrows():
        same = found[(found["doc_id"] == r["doc_id"]) & (found["start"] < r["end"]) & (found["end"] > r["start"])]
        if len(same) == 1:
            f = same.iloc[0]
            ledger.loc[idx, ["start", "end", "quote"]] = [int(f["start"]), int(f["end"]), f["quote"]]
            moved += 1
            print(f"moved: {r['quote']!r} -> {f['quote']!r}")
    rec = reconcile(ledger, found)
    todo = rec.unreviewed.assign(status="todo")
    todo["case_id"] = [case_of(d, s) for d, s in zip(todo["doc_id"], todo["start"])]
    ledger = pd.concat([ledger, todo.reindex(columns=LEDGER_COLUMNS)], ignore_index=True)
    ledger = ledger.sort_values(["doc_id", "start", "end"], kind="stable")
    ledger.to_csv(LEDGER, index=False, lineterminator="\n")
    print(f"moved {moved}, added {len(todo)} todo rows -> {LEDGER}")
    return 0


if __name__ == "__main__":
    sys.exit({"status": status, "sync": sync}[sys.argv[1] if len(sys.argv) > 1 else "status"]())
