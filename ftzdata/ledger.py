"""The reviewed ledger: a human decision on every effect claim the extractor finds in the seeds.

``ftzdata/data/ledger.csv`` has one row per claim, keyed by ``(doc_id, start, end)`` — offsets into the
original document — with the verbatim ``quote``:

- ``accepted``: the claim goes into the dataset, with its ``case_id``, canonical ``metric`` name
  (snake_case), ``label_en``/``label_zh``, ``kind`` and ``per``; ``corrections`` fixes a value the
  extractor got wrong (``field=value; …``, in the extractor's canonical units) and ``reason`` says why;
  ``note`` is a caveat for readers (a World Bank estimate, an aggregate over many batches …).
- ``rejected``: not a reform effect, or a restatement; ``reason`` says why.
- ``missed``: a claim in the text that the extractor does not find, added by hand with its quote and
  offsets; ``roles`` says which numbers of the quote are which (``before=1; after=2`` counts the
  quote's quantities as :func:`ftzdata.extract.quantities` finds them). Missed rows count against the
  extractor's recall.

:func:`reconcile` compares the ledger with what the extractor finds now: nothing is silently dropped
(found but not reviewed) or invented (reviewed as found but no longer found).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pandas as pd

from .corpus import Corpus, default_corpus

__all__ = ["LEDGER_COLUMNS", "STATUSES", "load_ledger", "found_claims", "reconcile", "Reconciliation"]

LEDGER_COLUMNS = [
    "doc_id", "start", "end", "quote", "status", "case_id", "metric", "label_en", "label_zh", "kind",
    "per", "roles", "corrections", "reason", "note",
]
STATUSES = ("accepted", "rejected", "missed")
KEY = ["doc_id", "start", "end"]


def load_ledger(path=None) -> pd.DataFrame:
    """The reviewed ledger as a dataframe (offsets as int64, empty cells as None)."""
    if path is None:
        with resources.files("ftzdata").joinpath("data/ledger.csv").open(encoding="utf-8") as f:
            df = pd.read_csv(f, dtype=str, keep_default_na=False)
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in LEDGER_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"ledger {path or 'ftzdata/data/ledger.csv'}: missing columns {missing}")
    df = df[LEDGER_COLUMNS].replace({"": None})
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    return df


@lru_cache(maxsize=4)
def _found(corpus: Corpus) -> pd.DataFrame:
    from .extract import claims

    frames = []
    for doc_id in corpus.doc_ids:
        df = claims(corpus.text(doc_id))
        df.insert(0, "doc_id", doc_id)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def found_claims(corpus: Corpus | None = None) -> pd.DataFrame:
    """Every claim :func:`ftzdata.extract.claims` finds in every document, with its ``doc_id``."""
    return _found(corpus or default_corpus()).copy()


@dataclass
class Reconciliation:
    """The ledger against the extractor's current output."""

    matched: pd.DataFrame  # ledger rows (accepted/rejected) joined with the claim found at the same span
    unreviewed: pd.DataFrame  # claims found that the ledger does not cover
    stale: pd.DataFrame  # accepted/rejected ledger rows whose claim is no longer found
    missed: pd.DataFrame  # claims the extractor does not find (added by hand)
    found_missed: pd.DataFrame  # "missed" rows the extractor now finds: update the ledger


def reconcile(ledger: pd.DataFrame | None = None, found: pd.DataFrame | None = None) -> Reconciliation:
    """Match ledger rows and found claims on ``(doc_id, start, end)``."""
    ledger = load_ledger() if ledger is None else ledger
    found = found_claims() if found is None else found
    reviewed = ledger[ledger["status"] != "missed"]
    missed = ledger[ledger["status"] == "missed"]
    keys_found = set(map(tuple, found[KEY].itertuples(index=False)))
    keys_reviewed = set(map(tuple, reviewed[KEY].itertuples(index=False)))
    matched = reviewed.merge(found.drop(columns=["quote"]), on=KEY, how="inner", suffixes=("", "_found"))
    return Reconciliation(
        matched=matched,
        unreviewed=found[[k not in keys_reviewed for k in map(tuple, found[KEY].itertuples(index=False))]],
        stale=reviewed[[k not in keys_found for k in map(tuple, reviewed[KEY].itertuples(index=False))]],
        missed=missed,
        found_missed=missed[[k in keys_found for k in map(tuple, missed[KEY].itertuples(index=False))]],
    )
