"""``ftzdata review DOC_ID``: list a document's pending claims and record decisions in its review sidecar.

The sidecar (``<doc_id>.review.csv``, see :mod:`ftzdata.review`) is read and checked as a hand-edited one
is; the changes of one call (``set``, then ``accept`` / ``reject``) are checked row by row with the same
rules and written in one atomic replace, or not at all (:class:`~ftzdata.errors.ReviewError`).
"""

from __future__ import annotations

import re
import warnings

import pandas as pd

from .corpus import Corpus
from .errors import FtzDataWarning, ReviewError
from .metrics import VALUE_FIELDS
from .review import KINDS, REVIEW_COLUMNS, _check_row, read_review, reconcile
from .sidecar import write_sidecar

__all__ = ["load", "save", "set_fields", "accept", "reject", "pending_lines", "SETTABLE", "CORRECTABLE"]

SETTABLE = ("metric", "label_en", "label_zh", "kind", "per", "note", "case_id")  # cells set directly
SHORTHANDS = {"before": ("before_low", "before_high"), "after": ("after_low", "after_high"),
              "change": ("change_low", "change_high"), "change_pct": ("change_pct_low", "change_pct_high")}
CORRECTABLE = (*SHORTHANDS, *VALUE_FIELDS, "direction")  # stored in ``corrections``, need a reason
NEEDED_TO_ACCEPT = ("case_id", "metric", "label_en", "label_zh", "kind")
_PLACEHOLDER = re.compile(rf"(?:{'|'.join(KINDS)})_at_\d+")


# ---------------------------------------------------------------------------------------- the sidecar
def load(corpus: Corpus, doc_id: str) -> pd.DataFrame:
    """``doc_id``'s review as strings, one column per REVIEW_COLUMNS (checked as any hand edit is)."""
    df = read_review(corpus, doc_id).drop(columns=["doc_id"])
    df = df.astype(object).where(df.notna(), "")
    return df.astype(str).reset_index(drop=True)


def save(corpus: Corpus, doc_id: str, df: pd.DataFrame) -> None:
    """Check every row of ``df`` with the sidecar's rules, then replace the sidecar atomically."""
    path = corpus.sidecar(doc_id, "review")
    checked = df.copy()
    checked.attrs.update(path=path, lines=list(range(2, len(df) + 2)))
    for i, r in enumerate(checked.to_dict("records")):
        _check_row(checked, i, r)
    write_sidecar(path, df, REVIEW_COLUMNS)


def _index(df: pd.DataFrame, ids, doc_id: str) -> list[int]:
    """Row positions of ``ids``; ReviewError naming the unknown ones and the ids there are."""
    known = df["id"].tolist()
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ReviewError(f"unknown claim id {', '.join(unknown)} in {doc_id}'s review; its ids: "
                          f"{', '.join(known) or '(none: --sync writes the claims found)'}")
    return [known.index(i) for i in ids]


# ---------------------------------------------------------------------------------------- decisions
def _pairs(spec: str) -> dict[str, str]:
    out = {}
    for part in (spec or "").split(";"):
        if part.strip():
            key, _, value = part.partition("=")
            out[key.strip()] = value.strip()
    return out


def _correction(field: str, value: str) -> dict[str, str]:
    """``field=value`` as corrections cells (a shorthand sets both ends); ReviewError if not a number."""
    if field == "direction":
        if value not in ("decrease", "increase"):
            raise ReviewError(f"direction={value!r}; allowed: decrease, increase")
        return {field: value}
    try:
        float(value)
    except ValueError:
        raise ReviewError(f"{field}={value!r} is not a number; values are in the kind's unit (hours, yuan, "
                          "items, percent, m2)") from None
    return {f: value for f in SHORTHANDS.get(field, (field,))}


def set_fields(df: pd.DataFrame, doc_id: str, claim_id: str, assignments: list[str], reason: str | None,
               case_ids=()) -> pd.DataFrame:
    """``df`` with ``field=value`` assignments applied to ``claim_id``: SETTABLE cells directly, CORRECTABLE
    values into ``corrections`` (a reason is then required and stored in ``reason``)."""
    df = df.copy()
    (i,) = _index(df, [claim_id], doc_id)
    fixes, named = {}, []
    for a in assignments:
        field, eq, value = a.partition("=")
        field, value = field.strip(), value.strip()
        if not eq or not field:
            raise ReviewError(f"--set {claim_id} {a!r}: expected FIELD=VALUE, e.g. metric=customs_clearance_time")
        if field in SETTABLE:
            if field == "kind" and value not in KINDS:
                raise ReviewError(f"kind={value!r}; allowed: {', '.join(KINDS)}")
            if field == "case_id" and value and case_ids and value not in case_ids:
                raise ReviewError(f"case_id={value!r} is not a case of {doc_id}; its cases: {', '.join(case_ids)}")
            df.loc[i, field] = value
        elif field in CORRECTABLE:
            fixes.update(_correction(field, value))
            named.append(field)
        else:
            raise ReviewError(f"--set {claim_id} {field}=…: cannot set {field!r}; allowed: {', '.join(SETTABLE)}, "
                              f"or a corrected value {', '.join(CORRECTABLE)} (with --reason)")
    if fixes:
        if not reason:
            raise ReviewError(f"--set {claim_id} {', '.join(named)}: a corrected value needs --reason TEXT "
                              "(why the extractor's value is wrong)")
        merged = {**_pairs(df.loc[i, "corrections"]), **fixes}
        df.loc[i, "corrections"] = "; ".join(f"{k}={v}" for k, v in merged.items())
        df.loc[i, "reason"] = reason
    return df


def missing_to_accept(row: dict) -> list[str]:
    """What a claim lacks to be accepted: empty NEEDED_TO_ACCEPT cells, or the placeholder metric name."""
    placeholder = bool(row["metric"]) and bool(_PLACEHOLDER.fullmatch(row["metric"]))
    return [c for c in NEEDED_TO_ACCEPT if not row[c] or (c == "metric" and placeholder)]


def accept(df: pd.DataFrame, doc_id: str, ids: list[str], corpus_arg: str = "") -> pd.DataFrame:
    """``df`` with ``ids`` accepted; ReviewError naming, for each id that cannot be, what is missing and
    the command that sets it."""
    df = df.copy()
    problems = []
    for i, cid in zip(_index(df, ids, doc_id), ids):
        missing = missing_to_accept(df.loc[i].to_dict())
        if missing:
            example = {"case_id": f"case_id={doc_id}-01", "metric": "metric=customs_clearance_time",
                       "label_en": 'label_en="Customs clearance time"', "label_zh": "label_zh=通关时间",
                       "kind": "kind=duration"}
            what = ", ".join(f"{m} (now the placeholder {df.loc[i, 'metric']})" if m == "metric" and df.loc[i, "metric"]
                             else m for m in missing)
            problems.append(f"{cid}: cannot accept, {what} missing; set {'it' if len(missing) == 1 else 'them'} "
                            f"first: ftzdata review {doc_id}{corpus_arg} --set {cid} "
                            f"{' '.join(example[m] for m in missing)} --accept {cid}")
        df.loc[i, "status"] = "accepted"
    if problems:
        raise ReviewError("\n".join(problems))
    return df


def reject(df: pd.DataFrame, doc_id: str, ids: list[str], reason: str | None) -> pd.DataFrame:
    """``df`` with ``ids`` rejected for ``reason`` (required)."""
    if not reason or not reason.strip():
        raise ReviewError("--reject needs --reason TEXT (why these are not reform effects), e.g. --reason "
                          "\"a target, not a result\"")
    df = df.copy()
    for i in _index(df, ids, doc_id):
        df.loc[i, "status"] = "rejected"
        df.loc[i, "reason"] = reason.strip()
    return df


# ---------------------------------------------------------------------------------------- listing
def _values(corpus: Corpus, doc_id: str) -> dict[tuple[int, int], str]:
    """(start, end) -> the claim's values in words ('120 h → 24 h') for every claim found in ``doc_id``."""
    from . import metrics as _metrics
    from .plot import labels as L

    with warnings.catch_warnings():  # lost or stale decisions are listed by pending_lines itself
        warnings.simplefilter("ignore", FtzDataWarning)
        m = _metrics(corpus=corpus, review="all", doc_id=doc_id)
    return {(int(r["start"]), int(r["end"])): L.fmt_claim(r, "en") for _, r in m.iterrows()}


def pending_lines(corpus: Corpus, doc_id: str, show_all: bool = False, corpus_arg: str = "") -> list[str]:
    """The listing of ``ftzdata review DOC_ID``: each pending claim (every claim with ``show_all``) with its
    id, case, kind, values in words, quote and offsets, and what it still needs to be accepted."""
    df = load(corpus, doc_id)
    if not corpus.sidecar(doc_id, "review").is_file():
        return [f"{doc_id} has no review file yet: ftzdata review {doc_id}{corpus_arg} --sync writes every claim "
                "found as pending"]
    values = _values(corpus, doc_id)
    shown = df if show_all else df[df["status"] == "pending"]
    counts = df["status"].value_counts().to_dict()
    lines = [f"{doc_id}: " + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("pending", "accepted", "rejected", "missed"))]
    for _, r in shown.iterrows():
        words = values.get((int(r["start"]), int(r["end"])), "")
        lines.append(f"{r['id']}  {r['status']:<8}  {r['kind'] or '?':<8}  {words or '(values: see quote)'}  "
                     f"case {r['case_id'] or '— (outside every case: set case_id)'}")
        lines.append(f"      “{r['quote']}” [{r['start']}:{r['end']}]")
        extra = [f"{c}={r[c]}" for c in ("metric", "label_en", "label_zh", "per", "corrections", "reason", "note")
                 if r[c]]
        lines.append("      " + "  ".join(extra))
        if r["status"] == "pending" and missing_to_accept(r.to_dict()):
            lines.append(f"      to accept, set: {', '.join(missing_to_accept(r.to_dict()))}")
    rec = reconcile(corpus)
    known = set(zip(df["start"].astype(int), df["end"].astype(int)))
    unlisted = [k for k in zip(rec.pending.get("doc_id", []), rec.pending.get("start", []), rec.pending.get("end", []))
                if k[0] == doc_id and (int(k[1]), int(k[2])) not in known]
    if unlisted:
        lines.append(f"{len(unlisted)} more claim(s) found that the review file does not list: "
                     f"ftzdata review {doc_id}{corpus_arg} --sync adds them")
    lines += [p for p in rec.problems if f"{doc_id}.review.csv" in p]
    if len(lines) == 1:
        lines.append("nothing pending" + ("" if show_all else " (--all lists every claim)"))
    return lines
