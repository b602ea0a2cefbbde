"""Helpers for the extract tests: seed sentences, and the held-out precision/recall evaluation.

Held-out evaluation: precision/recall of ``claims()`` against a table of expected claims.

Expected rows: ``id, sentence, kind, direction, before_low … change_pct_high, unit``; a sentence with no
claim has one row with an empty ``kind``.  A predicted claim matches an expected one of the same
sentence when direction and unit agree (``count:*`` matches any count unit) and every numeric field
the expectation fills agrees within 1 % (fields it leaves empty are not checked, so a claim that also
folds a restated change still matches).  Each expected claim matches at most one prediction.

Run ``python tests/conftest_extract.py`` to print the held-out misses and extras.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ftzdata.extract import claims

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@lru_cache(maxsize=None)
def seed_text(doc_id: str) -> str:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


def from_seed(doc_id: str, fragment: str) -> str:
    """Return ``fragment`` after checking that it occurs verbatim in the seed document."""
    assert fragment in seed_text(doc_id), f"not in {doc_id}: {fragment}"
    return fragment


REALTEXT = Path(__file__).resolve().parents[1] / "benchmarks" / "realtext"


@lru_cache(maxsize=None)
def real_text(batch: str, name: str) -> str:
    """A real text of a benchmark batch (``benchmarks/realtext/<batch>/docs/<name>``)."""
    return (REALTEXT / batch / "docs" / name).read_text(encoding="utf-8")


def from_real(batch: str, name: str, fragment: str) -> str:
    """Return ``fragment`` after checking that it occurs verbatim in the real text."""
    assert fragment in real_text(batch, name), f"not in {batch}/{name}: {fragment}"
    return fragment


M15 = "mofcom-2015-best-practices"
M17 = "mofcom-2017-best-practices"
GZ = "guangzhou-nansha-batch3-2018"
TJ = "tianjin-2021-replicable-experiences"
TB = "textbook-12-best-practices"

HELDOUT = Path(__file__).parent / "data" / "extract_heldout.csv"
NUMERIC = ["before_low", "before_high", "after_low", "after_high", "change_low", "change_high", "change_pct_low",
           "change_pct_high"]


def _close(a: float, b: float) -> bool:
    return not (isinstance(b, float) and math.isnan(b)) and abs(a - b) <= 0.01 * max(abs(a), 1e-9) + 1e-6


def matches(exp: pd.Series, got: pd.Series) -> bool:
    if exp["direction"] != got["direction"]:
        return False
    unit = exp["unit"]
    if unit == "count:*":
        if not str(got["unit"]).startswith("count"):
            return False
    elif unit != got["unit"]:
        return False
    for f in NUMERIC:
        e = exp[f]
        if isinstance(e, float) and math.isnan(e):
            continue
        if not _close(float(e), float(got[f])):
            return False
    return True


def evaluate(table: pd.DataFrame = None):
    """Return (precision, recall, details) where details lists per-sentence misses and extras."""
    if table is None:
        table = pd.read_csv(HELDOUT)
    tp_pred = n_pred = tp_exp = n_exp = 0
    details = []
    for sid, rows in table.groupby("id", sort=False):
        sentence = rows["sentence"].iloc[0]
        expected = [r for _, r in rows.iterrows() if isinstance(r["kind"], str) and r["kind"]]
        got = claims(sentence)
        n_exp += len(expected)
        n_pred += len(got)
        taken = set()
        for e in expected:
            hit = None
            for k, g in got.iterrows():
                if k not in taken and matches(e, g):
                    hit = k
                    break
            if hit is None:
                details.append((sid, "missed", sentence, e[["direction", "unit"] + NUMERIC].to_dict()))
            else:
                taken.add(hit)
                tp_exp += 1
        tp_pred += len(taken)
        for k, g in got.iterrows():
            if k not in taken:
                details.append((sid, "extra", sentence, g[["quote", "direction", "unit"] + NUMERIC].to_dict()))
    precision = tp_pred / n_pred if n_pred else 1.0
    recall = tp_exp / n_exp if n_exp else 1.0
    return precision, recall, details


if __name__ == "__main__":
    p, r, d = evaluate()
    for x in d:
        print(x[0], x[1], x[2])
        print("     ", {k: v for k, v in x[3].items() if not (isinstance(v, float) and math.isnan(v))})
    print(f"precision={p:.3f} recall={r:.3f}")
