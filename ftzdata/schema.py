"""The published schema of the metrics dataset, and ``validate(df)`` for users who edit or extend it.

Checked with pandera: dtypes, allowed categories, units per kind, ``low ≤ high`` for every range, unique
``metric_id``, and every ``quote`` equal to the original document at ``[start, end)``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .corpus import Corpus, resolve
from .errors import ValidationError
from .vocab import DOMAINS, ZONES

__all__ = ["validate", "metrics_schema", "UNITS_BY_KIND"]

KINDS = ("duration", "count", "money", "ratio", "area")
UNITS_BY_KIND = {  # regular expressions of the units each kind may use
    "duration": r"h",
    "count": r"count(:\S+)?",
    "money": r"CNY|USD|HKD|EUR",
    "ratio": r"%|pp|times",
    "area": r"m2",
}
RANGES = [("before_low", "before_high"), ("after_low", "after_high"), ("change_low", "change_high"),
          ("change_pct_low", "change_pct_high")]


def _le(lo: str, hi: str) -> pa.Check:
    return pa.Check(lambda df: df[lo].isna() | df[hi].isna() | (df[lo] <= df[hi] + 1e-9),
                    name=f"{lo} must not exceed {hi}")


def _units_fit_kind(df: pd.DataFrame) -> pd.Series:
    kind = df["kind"].astype(object)
    unit = df["unit"].astype(object)
    return pd.Series([isinstance(u, str) and bool(re.fullmatch(UNITS_BY_KIND.get(k, "(?!)"), u))
                      for k, u in zip(kind, unit)], index=df.index)


def _quotes_match(corpus: Corpus):
    def check(df: pd.DataFrame) -> pd.Series:
        texts = {}
        out = []
        for doc_id, s, e, q in zip(df["doc_id"], df["start"], df["end"], df["quote"]):
            try:
                text = texts.setdefault(doc_id, corpus.text(doc_id))
            except Exception:
                out.append(False)
                continue
            out.append(isinstance(q, str) and text[int(s):int(e)] == q)
        return pd.Series(out, index=df.index)

    return pa.Check(check, name="quote must equal the original document's text at [start, end)")


def metrics_schema(corpus: Corpus | None = None) -> pa.DataFrameSchema:
    """The pandera schema of :func:`ftzdata.metrics`."""
    corpus = resolve(corpus)
    text = dict(nullable=False)
    opt = dict(nullable=True)
    num = dict(nullable=True, coerce=False)
    cols = {
        "metric_id": pa.Column(str, unique=True, **text),
        "case_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9._-]*-\d{2,}$"), **text),
        "doc_id": pa.Column(str, pa.Check.isin(corpus.doc_ids), **text),
        "zone": pa.Column(pd.CategoricalDtype(list(ZONES)), **text),
        "area": pa.Column(str, **opt),
        "domain": pa.Column(pd.CategoricalDtype(list(DOMAINS)), **text),
        "published": pa.Column("datetime64[ns]", nullable=True, coerce=True),
        "metric": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"), **text),
        "label_en": pa.Column(str, **text),
        "label_zh": pa.Column(str, **text),
        "kind": pa.Column(pd.CategoricalDtype(list(KINDS)), **text),
        "unit": pa.Column(checks=pa.Check(lambda s: s.astype(object).map(lambda v: isinstance(v, str))), **text),
        "per": pa.Column(str, **opt),
        "direction": pa.Column(pd.CategoricalDtype(["decrease", "increase"]), **text),
        "qualifier": pa.Column(str, **opt),
        "stated": pa.Column(str, pa.Check.str_matches(r"^((before|after|change|change_pct)(,|$))+"), **text),
        "quote": pa.Column(str, **text),
        "start": pa.Column("int64", pa.Check.ge(0)),
        "end": pa.Column("int64", pa.Check.ge(0)),
        "source": pa.Column(str, pa.Check.isin(["extractor", "review"]), **text),
    }
    for c in ("before", "after", "before_low", "before_high", "after_low", "after_high", "change", "change_low",
              "change_high", "change_pct", "change_pct_low", "change_pct_high", "change_stated",
              "change_pct_stated", "ratio"):
        cols[c] = pa.Column("float64", **num)
    checks = [_le(lo, hi) for lo, hi in RANGES]
    checks += [
        pa.Check(lambda df: df["start"] < df["end"], name="start must be before end"),
        pa.Check(_units_fit_kind,
                 name="unit must fit kind (" + "; ".join(f"{k}: {v}" for k, v in UNITS_BY_KIND.items()) + ")"),
        pa.Check(lambda df: df[["before", "after", "change", "change_pct"]].notna().any(axis=1),
                 name="a claim needs before/after, a change or a percentage change"),
        _quotes_match(corpus),
    ]
    return pa.DataFrameSchema(cols, checks=checks, strict=False, ordered=False)


def validate(df: pd.DataFrame, corpus: Corpus | None = None) -> pd.DataFrame:
    """Check ``df`` against the metrics schema; returns it, or raises ValidationError listing failures."""
    try:
        return metrics_schema(corpus).validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise ValidationError("metrics do not meet the schema:\n" + _describe(exc.failure_cases, df)) from None
    except pa.errors.SchemaError as exc:
        raise ValidationError(f"metrics do not meet the schema: {exc}") from None


def _describe(cases: pd.DataFrame, df: pd.DataFrame, limit: int = 10) -> str:
    """One line per failing check and row: which row (metric_id), which column, what is wrong."""
    lines = []
    seen = set()
    for r in cases.to_dict("records"):
        check, index = str(r.get("check")), r.get("index")
        wide = r.get("schema_context") == "DataFrameSchema"
        key = (check, index) if wide else (check, index, r.get("column"))
        if key in seen:
            continue
        seen.add(key)
        where = "the table"
        if index is not None and not pd.isna(index) and index in df.index and "metric_id" in df.columns:
            where = f"row {index} ({df.loc[index, 'metric_id']})"
        what = check if wide else f"column {r.get('column')}: {check} (value {r.get('failure_case')!r})"
        lines.append(f"{where}: {what}")
    more = f"\n… and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more
