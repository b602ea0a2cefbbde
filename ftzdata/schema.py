"""The published schema of the metrics dataset, and ``validate(df)`` for users who edit or extend it.

Checked with pandera: dtypes, allowed categories, units per kind, ``low ≤ high`` for every range, unique
``metric_id``, finite numbers, and every ``quote`` equal to the original document at ``[start, end)``.
Then, row by row, what an edit can make contradict itself: amounts that cannot be negative, ``change``,
``change_pct`` and ``ratio`` against ``before`` and ``after``, ``direction`` against the sign of the
change, and ``case_id``/``zone``/``doc_id`` against :func:`ftzdata.cases`. Every failure is one line:
row, column, value and what is allowed.
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
NUMBERS = ("before", "after", "before_low", "before_high", "after_low", "after_high", "change", "change_low",
           "change_high", "change_pct", "change_pct_low", "change_pct_high", "change_stated",
           "change_pct_stated", "ratio")
AMOUNTS = ("before", "after", "before_low", "before_high", "after_low", "after_high")  # values, not changes
NON_NEGATIVE_KINDS = ("duration", "count", "money", "area")  # a length of time, a number, a sum, an area
TOLERANCE = dict(rtol=1e-6, atol=1e-6)  # derived values are compared with this tolerance
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
        out, doc, text = [], None, ""  # one document's text at a time (rows come sorted by doc_id)
        for doc_id, s, e, q in zip(df["doc_id"], df["start"], df["end"], df["quote"]):
            if doc_id != doc:
                try:
                    text, doc = corpus.text(doc_id), doc_id
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
        "zone": pa.Column(pd.CategoricalDtype(list(ZONES)), **opt),
        "area": pa.Column(str, **opt),
        "domain": pa.Column(pd.CategoricalDtype(list(DOMAINS)), **opt),
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
    finite = pa.Check(lambda s: ~np.isinf(s), element_wise=False, name="allowed: a finite number or empty (not inf)")
    for c in NUMBERS:
        cols[c] = pa.Column("float64", finite, **num)
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
    """Check ``df`` against the metrics schema and the cases of ``corpus`` (default: the bundled seeds);
    returns it, or raises ValidationError with one line per failing row and column (at most 10 shown)."""
    corpus = resolve(corpus)
    schema = metrics_schema(corpus)
    missing = [c for c in schema.columns if c not in df.columns]
    if missing:
        raise ValidationError(f"metrics do not meet the schema: missing column{'s' if len(missing) > 1 else ''} "
                              f"{', '.join(missing)}; every column of ftzdata.metrics() is required")
    lines: list[str] = []
    out = df
    try:
        out = schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        lines += _describe(exc.failure_cases, df)
    except pa.errors.SchemaError as exc:
        lines.append(str(exc))
    lines += _row_problems(df, corpus)
    if lines:
        more = f"\n… and {len(lines) - 10} more" if len(lines) > 10 else ""
        raise ValidationError("metrics do not meet the schema:\n" + "\n".join(lines[:10]) + more)
    return out


def _where(df: pd.DataFrame, index) -> str:
    if index is not None and not pd.isna(index) and index in df.index and "metric_id" in df.columns:
        return f"row {index} ({df.loc[index, 'metric_id']})"
    return "the table" if index is None or pd.isna(index) else f"row {index}"


def _describe(cases: pd.DataFrame, df: pd.DataFrame) -> list[str]:
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
        what = check if wide else f"column {r.get('column')}: value {r.get('failure_case')!r}; {check}"
        lines.append(f"{_where(df, index)}: {what}")
    return lines


def _num(df: pd.DataFrame, col: str) -> pd.Series:
    return pd.to_numeric(df[col], errors="coerce").astype("float64")


def _line(df, index, col, value, allowed: str) -> str:
    return f"{_where(df, index)}: column {col}: value {value!r}; allowed: {allowed}"


def _negative_amounts(df: pd.DataFrame) -> list[str]:
    """Durations, counts, sums of money and areas below zero."""
    kind = df["kind"].astype(object)
    lines = []
    for col in AMOUNTS:
        v = _num(df, col)
        for i in df.index[kind.isin(NON_NEGATIVE_KINDS) & (v < 0)]:
            lines.append(_line(df, i, col, float(v[i]), f"≥ 0 for kind {kind[i]}"))
    return lines


def _derived_mismatch(df: pd.DataFrame) -> list[str]:
    """``change``, ``change_pct`` and ``ratio`` that do not follow from ``before`` and ``after``."""
    before, after, change = _num(df, "before"), _num(df, "after"), _num(df, "change")
    change_pct, ratio = _num(df, "change_pct"), _num(df, "ratio")
    rules = [
        ("change", change, after - before, "after − before = {:g}"),
        ("change_pct", change_pct, 100 * change / before.where(before != 0), "100 × change / before = {:g}"),
        ("ratio", ratio, after / before.where(before != 0), "after / before = {:g}"),
    ]
    lines = []
    for col, have, want in ((c, h, w) for c, h, w, _ in rules):
        fmt = next(f for c, _, _, f in rules if c == col)
        both = have.notna() & want.notna() & np.isfinite(want) & np.isfinite(have)
        bad = both & ~pd.Series(np.isclose(have.fillna(0), want.fillna(0), **TOLERANCE), index=df.index)
        lines += [_line(df, i, col, float(have[i]), fmt.format(want[i])) for i in df.index[bad]]
    return lines


def _direction_mismatch(df: pd.DataFrame) -> list[str]:
    """A decrease with a positive change, an increase with a negative one."""
    direction = df["direction"].astype(object)
    lines = []
    for col in ("change", "change_pct"):
        v = _num(df, col)
        for i in df.index[(direction == "increase") & (v < 0)]:
            lines.append(_line(df, i, col, float(v[i]), "≥ 0 with direction 'increase' (or set direction to 'decrease')"))
        for i in df.index[(direction == "decrease") & (v > 0)]:
            lines.append(_line(df, i, col, float(v[i]), "≤ 0 with direction 'decrease' (or set direction to 'increase')"))
    return lines


def _case_mismatch(df: pd.DataFrame, corpus: Corpus) -> list[str]:
    """A case_id that ``ftzdata.cases(corpus)`` does not have; a zone or doc_id other than its case's."""
    from .cases import cases

    known = cases(corpus).set_index("case_id")
    lines = []
    for i, case_id in zip(df.index, df["case_id"].astype(object)):
        if case_id not in known.index:
            example = ", ".join(known.index[:2])
            lines.append(_line(df, i, "case_id", case_id, f"a case_id of ftzdata.cases() (e.g. {example})"))
            continue
        for col in ("zone", "doc_id"):
            want, have = known.at[case_id, col], df.at[i, col]
            if not pd.isna(have) and str(have) != str(want):
                lines.append(_line(df, i, col, str(have), f"{want} (the {col} of case {case_id})"))
    return lines


def _row_problems(df: pd.DataFrame, corpus: Corpus) -> list[str]:
    """What contradicts itself row by row (see the module's docstring)."""
    return (_negative_amounts(df) + _derived_mismatch(df) + _direction_mismatch(df)
            + _case_mismatch(df, corpus))
