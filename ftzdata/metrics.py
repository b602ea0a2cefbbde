"""The tidy metrics dataset: one row per accepted effect claim, with derived values computed, not typed.

Values come from :func:`ftzdata.extract.claims` at the ledger's offsets (or, for claims the extractor
misses, from :func:`ftzdata.extract.quantities` on the ledger's quote), corrected where the ledger says
so. Units are canonical: durations in hours (``h``), money in ``CNY`` (or ``USD``), counts as numbers
(``count:项`` = items …), ratios in ``%``, percentage points ``pp`` or multiples ``times``, areas ``m2``.

Derived values, where the text gives what they need:

- ``before`` / ``after``: the point value (a range's midpoint);
- ``change = after − before`` (a reduction is negative), ``change_pct = 100 × change / before``,
  ``ratio = after / before``;
- a stated change keeps its sign by ``direction`` (每个集装箱可减少费用600元 → change −600 CNY per
  container; 减少了超过30% → change_pct −30 with qualifier "more than");
- where the text states the values *and* the change (169项 → 105项, 减少了超过30%), ``change`` and
  ``change_pct`` are derived from the values and the stated ones are kept in ``change_stated`` and
  ``change_pct_stated`` (the tests check that the two agree).

``stated`` lists which values the text states; all others are derived. Where only a share of change is
stated for a duration, count, money or area (节约近30%的人力成本), ``unit`` is the kind's canonical unit.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .cases import case_index as _cases
from .corpus import Corpus, resolve
from .errors import UnknownValueError
from .review import check_review, proposed_metric
from .vocab import DOMAINS, ZONES, zone_of

__all__ = ["metrics", "METRIC_COLUMNS", "KINDS"]

KINDS = ("duration", "count", "money", "ratio", "area")

METRIC_COLUMNS = [
    # what an economist reads first: which case, what was measured, before -> after, unit, change
    "case_id", "zone", "label_en", "before", "after", "unit", "change", "change_pct", "per", "qualifier",
    "kind", "metric", "label_zh", "area", "domain", "published", "direction", "ratio",
    # ranges, and what the text states rather than what is derived
    "before_low", "before_high", "after_low", "after_high", "change_low", "change_high", "change_pct_low",
    "change_pct_high", "change_stated", "change_pct_stated", "stated", "note", "subject",
    # provenance: where the claim is written
    "metric_id", "doc_id", "quote", "start", "end", "source",
]
CANONICAL_UNIT = {"duration": "h", "money": "CNY", "count": "count", "ratio": "%", "area": "m2"}
VALUE_FIELDS = ["before_low", "before_high", "after_low", "after_high", "change_low", "change_high",
                "change_pct_low", "change_pct_high"]
_ROLE_FIELDS = {"before": ("before_low", "before_high"), "after": ("after_low", "after_high"),
                "change": ("change_low", "change_high"), "change_pct": ("change_pct_low", "change_pct_high")}


def _pairs(spec: str | None) -> dict[str, str]:
    """'a=1; b=x' -> {'a': '1', 'b': 'x'}."""
    if not spec:
        return {}
    out = {}
    for part in spec.split(";"):
        if part.strip():
            key, _, value = part.partition("=")
            out[key.strip()] = value.strip()
    return out


def _from_quantities(row: pd.Series) -> dict:
    """Values of a claim the extractor missed: the quote's quantities, assigned by the ledger's roles."""
    from .extract import quantities

    qs = quantities(row["quote"])
    roles = _pairs(row["roles"])
    values: dict = {f: np.nan for f in VALUE_FIELDS}
    quals, unit = [], None
    for role, ref in roles.items():
        if role == "direction":
            values["direction"] = ref
            continue
        if role == "unit":
            unit = ref
            continue
        q = qs.iloc[int(ref) - 1]
        lo, hi = _ROLE_FIELDS[role]
        values[lo], values[hi] = q["value_low"], q["value_high"]
        if role in ("before", "after", "change"):
            unit = unit or q["unit"]
        if isinstance(q["qualifier"], str) and q["qualifier"]:
            quals.append(q["qualifier"])
    values.update(unit=unit, qualifier="; ".join(dict.fromkeys(quals)) or None, subject=None)
    values.setdefault("direction", None)
    return values


def _apply_corrections(values: dict, spec: str | None) -> dict:
    for key, value in _pairs(spec).items():
        if key in VALUE_FIELDS:
            values[key] = float(value) if value not in ("", "nan") else np.nan
        else:
            values[key] = value or None
    return values


def _signed(low, high, direction):
    """Stated magnitudes -> signed (low, high): a decrease is negative."""
    if direction == "decrease":
        return -high, -low
    return low, high


def _rows(corpus: Corpus, rec) -> list[dict]:
    rows = []
    for _, r in rec.matched[rec.matched["status"] == "accepted"].iterrows():
        rows.append(_row(r, _apply_corrections(_found_values(r), r["corrections"]), "extractor"))
    for _, r in rec.missed.iterrows():
        rows.append(_row(r, _apply_corrections(_from_quantities(r), r["corrections"]), "review"))
    return rows


def _found_values(r) -> dict:
    values = {f: r[f] for f in VALUE_FIELDS}
    values.update(unit=r["unit"], qualifier=r["qualifier"], direction=r["direction"], subject=r["subject"])
    return values


def _pending_rows(corpus: Corpus, rec) -> list[dict]:
    """Claims found but not decided: what the reviewer already wrote on them (``ftzdata review --set``), else
    the case they fall in, a placeholder metric name and the subject as the Chinese label."""
    case_rows = _cases(corpus)
    rows = []
    for _, r in rec.pending.iterrows():
        hit = case_rows[(case_rows["doc_id"] == r["doc_id"]) & (case_rows["start"] <= r["start"])
                        & (case_rows["end"] >= r["end"])]
        draft = lambda field, default: r.get(f"{field}_review") if _given(r.get(f"{field}_review")) else default
        info = dict(case_id=draft("case_id", hit.iloc[0]["case_id"] if len(hit) else None),
                    metric=draft("metric", proposed_metric(r)), label_en=draft("label_en", None),
                    label_zh=draft("label_zh", r["subject"]), note=draft("note", None),
                    per=draft("per", r["per"] or None), kind=draft("kind", r["kind"]))
        values = _apply_corrections(_found_values(r), draft("corrections", None))
        rows.append(_row(pd.Series({**r.to_dict(), **info}), values, "extractor"))
    return rows


def _given(value) -> bool:
    return isinstance(value, str) and value != ""


def _row(r: pd.Series, v: dict, source: str) -> dict:
    stated = [name for name, (lo, _) in _ROLE_FIELDS.items() if not pd.isna(v.get(lo, np.nan))]
    before = np.nanmean([v["before_low"], v["before_high"]]) if not pd.isna(v["before_low"]) else np.nan
    after = np.nanmean([v["after_low"], v["after_high"]]) if not pd.isna(v["after_low"]) else np.nan
    direction = v.get("direction")
    if not pd.isna(before) and not pd.isna(after):
        change = after - before
        change_low, change_high = v["after_low"] - v["before_high"], v["after_high"] - v["before_low"]
        change_pct = 100 * change / before if before else np.nan
        ratio = after / before if before else np.nan
        direction = direction or ("decrease" if change < 0 else "increase")
    else:
        change = change_low = change_high = change_pct = ratio = np.nan
    change_stated = pct_stated = np.nan
    pct_low = pct_high = np.nan
    if not pd.isna(change_pct) and v["before_low"] > 0:
        # The extremes of after ÷ before over both ranges: "2至3天 → 16分钟" is −99.6% … −99.4%.
        pct_low = 100 * (v["after_low"] / v["before_high"] - 1)
        pct_high = 100 * (v["after_high"] / v["before_low"] - 1)
    if "change" in stated:
        lo, hi = _signed(v["change_low"], v["change_high"], direction)
        change_stated = (lo + hi) / 2
        if pd.isna(change):  # no before and after: the stated change is the change
            change, change_low, change_high = change_stated, lo, hi
    if "change_pct" in stated:
        lo, hi = _signed(v["change_pct_low"], v["change_pct_high"], direction)
        pct_stated = (lo + hi) / 2
        if pd.isna(change_pct):
            change_pct, pct_low, pct_high = pct_stated, lo, hi
    unit = v["unit"]
    if stated == ["change_pct"] and r["kind"] != "ratio":
        unit = CANONICAL_UNIT[r["kind"]]  # only a share is stated: the measured thing keeps its kind's unit
    return dict(
        case_id=r["case_id"], doc_id=r["doc_id"], metric=r["metric"], label_en=r["label_en"],
        label_zh=r["label_zh"], kind=r["kind"], unit=unit, per=r["per"] or None,
        before=before, after=after, before_low=v["before_low"], before_high=v["before_high"],
        after_low=v["after_low"], after_high=v["after_high"], change=change, change_low=change_low,
        change_high=change_high, change_pct=change_pct, change_pct_low=pct_low, change_pct_high=pct_high,
        change_stated=change_stated, change_pct_stated=pct_stated,
        ratio=ratio, direction=direction, qualifier=v["qualifier"] or None, stated=",".join(stated),
        subject=v.get("subject"), note=r["note"], quote=None, start=int(r["start"]), end=int(r["end"]),
        source=source,
    )


def _build(corpus: Corpus, review: str) -> pd.DataFrame:
    """The whole dataset (``review`` accepted or all), from the disk cache when the corpus's files are
    byte-identical (the review's problems are still reported)."""
    from .diskcache import cached, corpus_key

    rec = check_review(corpus)
    return cached("metrics", f"{review}-{corpus_key(corpus)}", lambda: _build_frame(corpus, rec, review))


def _build_frame(corpus: Corpus, rec, review: str) -> pd.DataFrame:
    rows = _rows(corpus, rec)
    if review == "all":
        rows += [dict(r, review="pending") for r in _pending_rows(corpus, rec)]
    df = pd.DataFrame(rows, columns=[c for c in METRIC_COLUMNS if c not in ("zone", "area", "domain", "published",
                                                                              "metric_id")] + ["review"])
    df["review"] = df["review"].astype(object).where(df["review"].notna(), "accepted")
    case_info = _cases(corpus).set_index("case_id")[["zone", "area", "domain", "published"]]
    df = df.join(case_info, on="case_id")
    df["metric_id"] = df["case_id"].fillna(df["doc_id"]) + "." + df["metric"]
    df = df.sort_values(["doc_id", "start", "end"], kind="stable")
    df["quote"] = _quotes(corpus, df)
    columns = METRIC_COLUMNS + (["review"] if review == "all" else [])
    return _typed(df[columns].reset_index(drop=True))


def _quotes(corpus: Corpus, df: pd.DataFrame) -> list[str]:
    """Each row's quote, ``text[start:end]`` of its document (rows sorted by doc_id: each text read once)."""
    out, doc, text = [], None, ""
    for d, s, e in zip(df["doc_id"], df["start"], df["end"]):
        if d != doc:
            doc, text = d, corpus.text(d)
        out.append(text[s:e])
    return out


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df["zone"] = pd.Categorical(df["zone"].astype(object), categories=list(ZONES))
    if "review" in df.columns:
        df["review"] = pd.Categorical(df["review"], categories=["accepted", "pending"])
    df["domain"] = pd.Categorical(df["domain"].astype(object), categories=list(DOMAINS))
    df["kind"] = pd.Categorical(df["kind"], categories=list(KINDS))
    units = sorted(set(df["unit"].dropna()))
    df["unit"] = pd.Categorical(df["unit"], categories=units)
    df["direction"] = pd.Categorical(df["direction"], categories=["decrease", "increase"])
    for col in ["before", "after", *VALUE_FIELDS, "change", "change_pct", "change_stated", "change_pct_stated",
                "ratio"]:
        df[col] = df[col].astype("float64")
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    df.attrs.update(
        title="Reform effects reported by China's Pilot Free Trade Zones",
        source="the corpus's documents (see ftzdata.documents()); reviewed in each document's <doc_id>.review.csv",
        description="One row per reviewed effect claim: before/after values, changes and the verbatim quote. "
                    "Units: duration h, money CNY/USD, count count:<noun>, ratio %/pp/times, area m2.",
    )
    return df


REVIEWS = ("accepted", "all")


def _filter_value(name: str, value, allowed: list[str], normalise=None):
    """``value`` as one of ``allowed`` (case-insensitive; zones also by Chinese name), or one clear error."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise UnknownValueError(name, value, allowed)
    if normalise is not None and normalise(value) in allowed:
        return normalise(value)
    folded = {a.casefold(): a for a in allowed}
    if value.strip().casefold() in folded:
        return folded[value.strip().casefold()]
    raise UnknownValueError(name, value, allowed)


def metrics(zone: str | None = None, kind: str | None = None, domain: str | None = None,
            doc_id: str | None = None, long: bool = False, corpus: Corpus | str | None = None,
            review: str = "accepted") -> pd.DataFrame:
    """The metrics dataset, one row per accepted claim (see ``METRIC_COLUMNS`` and the module docstring).

    Filters: ``zone`` (English or Chinese name, any case: Fujian, fujian, 福建), ``kind`` (duration, count,
    money, ratio, area), ``domain`` (the domain vocabulary), ``doc_id``. ``review="all"`` adds the claims
    found but not yet reviewed, with a ``review`` column (accepted / pending). ``long=True`` gives one row
    per claim and phase (``before``/``after``) with ``value``, ``value_low``, ``value_high`` — ready for
    seaborn; claims that state only a change have no phase and are left out (``df.attrs['dropped']``
    counts them). A reviewed decision that cannot be applied (its quote is gone from the edited text) is
    reported in a warning, never dropped silently; so is an empty result while claims await review (a corpus
    just filled with ``ftzdata add``), with the command that reviews them.
    """
    corpus = resolve(corpus)
    zone = _filter_value("zone", zone, list(ZONES), zone_of)
    kind = _filter_value("kind", kind, list(KINDS))
    domain = _filter_value("domain", domain, list(DOMAINS))
    doc_id = _filter_value("doc_id", doc_id, corpus.doc_ids)
    review = _filter_value("review", review, list(REVIEWS))
    full = corpus.derived(f"metrics:{review}", lambda c: _build(c, review))
    df = _selected(full.copy(), zone, kind, domain, doc_id).reset_index(drop=True)
    df.attrs = dict(full.attrs, corpus=str(corpus.root))
    if df.empty and review == "accepted":
        _hint_pending(corpus, zone, kind, domain, doc_id)
    return to_long(df) if long else df


def _selected(df: pd.DataFrame, zone, kind, domain, doc_id) -> pd.DataFrame:
    """The rows of ``df`` that match every filter given (None: any)."""
    for col, value in (("zone", zone), ("kind", kind), ("domain", domain), ("doc_id", doc_id)):
        if value is not None:
            df = df[df[col] == value]
    return df


def _hint_pending(corpus: Corpus, zone, kind, domain, doc_id) -> None:
    """Warn when no claim is accepted but some await review (a corpus just filled with ``ftzdata add``): an
    empty frame would otherwise say nothing of them."""
    import warnings

    from .errors import FtzDataWarning

    found = _selected(corpus.derived("metrics:all", lambda c: _build(c, "all")), zone, kind, domain, doc_id)
    pending = found[found["review"] == "pending"]
    if len(pending):
        docs = sorted(set(pending["doc_id"]))
        warnings.warn(f"no accepted claim, but {len(pending)} found in {corpus.root} await review "
                      f"({', '.join(docs[:3])}{' …' if len(docs) > 3 else ''}): metrics(review='all') includes them; "
                      f"`ftzdata review {docs[0]} --corpus {corpus.root}` accepts or rejects them",
                      FtzDataWarning, stacklevel=3)


def to_long(df: pd.DataFrame) -> pd.DataFrame:
    """Before/after in rows: ``phase`` (before, after), ``value``, ``value_low``, ``value_high``."""
    keep = [c for c in df.columns if not re.fullmatch(r"(before|after)(_low|_high)?", c)]
    parts = []
    for phase in ("before", "after"):
        part = df[keep].copy()
        part.insert(part.columns.get_loc("unit") + 1, "phase", phase)
        part.insert(part.columns.get_loc("phase") + 1, "value", df[phase])
        part.insert(part.columns.get_loc("value") + 1, "value_low", df[f"{phase}_low"])
        part.insert(part.columns.get_loc("value_low") + 1, "value_high", df[f"{phase}_high"])
        parts.append(part[part["value"].notna()])
    out = pd.concat(parts).sort_index(kind="stable").reset_index(drop=True)
    out["phase"] = pd.Categorical(out["phase"], categories=["before", "after"])
    out.attrs = dict(df.attrs)
    out.attrs["dropped"] = int((df["before"].isna() & df["after"].isna()).sum())
    return out
