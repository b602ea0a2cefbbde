"""The claim review: a human decision on each effect claim, kept beside its document.

``<doc_id>.review.csv`` has one row per decided claim, with the verbatim ``quote`` and its offsets
``start``/``end`` into the document's text:

- ``accepted``: the claim goes into the dataset, with its ``case_id``, canonical ``metric`` name
  (snake_case), ``label_en``/``label_zh``, ``kind`` and ``per``; ``corrections`` fixes a value the
  extractor got wrong (``field=value; …``, in the extractor's canonical units) and ``reason`` says why;
  ``note`` is a caveat for readers.
- ``rejected``: not a reform effect, or a restatement; ``reason`` says why.
- ``missed``: a claim the extractor does not find, added by hand; ``roles`` says which numbers of the
  quote are which (``before=1; after=2`` counts the quote's quantities as
  :func:`ftzdata.extract.quantities` finds them).
- ``pending``: found, not yet decided (``ftzdata add`` writes these).

Decisions are anchored by their quote, not only by offsets: when a document is edited (a BOM, other
line endings, a paragraph added), each decision is found again at the occurrence of its quote nearest
to where it was. A decision whose quote is no longer in the text is *lost*, and one whose quote is
there but no longer found by the extractor is *stale*; :func:`reconcile` reports both by name and
nothing is dropped silently: :func:`ftzdata.metrics` warns, ``build`` and ``reports`` stop.
Claims found that no row covers are *pending*.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .arrow_memory import use_system_pool
from .corpus import Corpus, resolve
from .errors import FtzDataWarning, ReviewError
from .sidecar import bad_cell, read_sidecar_rows, write_sidecar


use_system_pool()  # see ftzdata.arrow_memory: frames of a corpus run free much Arrow memory

__all__ = ["REVIEW_COLUMNS", "STATUSES", "KINDS", "Review", "read_review", "anchor", "found_claims", "reconcile",
           "sync_review", "check_review", "load_reviews"]

REVIEW_COLUMNS = ["id", "start", "end", "quote", "status", "case_id", "metric", "label_en", "label_zh", "kind",
                  "per", "roles", "corrections", "reason", "note"]
REQUIRED = ["start", "end", "quote", "status"]
STATUSES = ("accepted", "rejected", "missed", "pending")
KINDS = ("duration", "count", "money", "ratio", "area")
KEY = ["doc_id", "start", "end"]
DRAFT_FIELDS = ["id", "case_id", "metric", "label_en", "label_zh", "kind", "per", "note", "corrections"]
_METRIC_RE = re.compile(r"[a-z][a-z0-9_]*")


# ---------------------------------------------------------------------------------------- reading
def read_review(corpus: Corpus, doc_id: str) -> pd.DataFrame:
    """The review of ``doc_id`` (empty if it has no sidecar), checked; ``start``/``end`` as int64, empty cells
    None."""
    rows = _checked_rows(corpus, doc_id)
    df = _review_frame([(doc_id, rows)])
    if rows:
        df.attrs.update(rows.attrs)
    return df


def _reviews(corpus: Corpus) -> pd.DataFrame:
    """Every document's review (:func:`read_review`), one frame: each sidecar read and checked in turn, the
    frame built once (not one per document, then joined)."""
    return _review_frame([(d, _checked_rows(corpus, d)) for d in corpus.doc_ids])


def _checked_rows(corpus: Corpus, doc_id: str) -> list[dict[str, str]]:
    """The rows of ``doc_id``'s review sidecar (none if it has none), each checked (:func:`_check_row`)."""
    path = corpus.sidecar(doc_id, "review")
    if not path.is_file():
        return []
    rows = read_sidecar_rows(path, REVIEW_COLUMNS, REQUIRED)
    seen: set[str] = set()
    for i, r in enumerate(rows):
        _check_row(rows, i, r)
        if r["id"] and (r["id"] in seen or seen.add(r["id"])):
            raise bad_cell(rows, i, "id", f"id {r['id']!r} is used twice; each row needs its own id")
    return rows


def _review_frame(docs: list[tuple[str, list[dict[str, str]]]]) -> pd.DataFrame:
    """The checked rows of reviews, ``(doc_id, rows)`` each, as one dataframe: a row without an id gets
    ``r<its row number>``; a column with an empty cell is ``object`` with None there, the others strings."""
    pairs = [(doc_id, i, r) for doc_id, rows in docs for i, r in enumerate(rows)]
    if not pairs:
        df = pd.DataFrame({c: pd.Series(dtype=str) for c in REVIEW_COLUMNS})
        df["start"], df["end"] = df["start"].astype("int64"), df["end"].astype("int64")
        df.insert(0, "doc_id", pd.Series(dtype=str))
        return df
    data = {"doc_id": [d for d, _, _ in pairs], "id": [r["id"] or f"r{i + 1}" for _, i, r in pairs],
            "start": np.array([int(r["start"]) for _, _, r in pairs], dtype=np.int64),
            "end": np.array([int(r["end"]) for _, _, r in pairs], dtype=np.int64)}
    for c in (c for c in REVIEW_COLUMNS if c not in ("id", "start", "end")):
        cells = [r[c] for _, _, r in pairs]
        data[c] = pd.Series([v or None for v in cells], dtype=object) if "" in cells else cells
    return pd.DataFrame(data)


def _check_row(df: pd.DataFrame, i: int, r: dict) -> None:
    if r["status"] not in STATUSES:
        raise bad_cell(df, i, "status", f"{r['status']!r} is not allowed; allowed: {', '.join(STATUSES)}")
    for col in ("start", "end"):
        if not r[col].isdigit():
            raise bad_cell(df, i, col, f"{r[col]!r} is not a character offset (a whole number ≥ 0)")
    if int(r["start"]) >= int(r["end"]):
        raise bad_cell(df, i, "end", f"end {r['end']} must be after start {r['start']}")
    if not r["quote"]:
        raise bad_cell(df, i, "quote", "empty; the quote is the claim's verbatim text")
    if r["status"] in ("accepted", "missed"):
        for col in ("case_id", "metric", "label_en", "label_zh", "kind"):
            if not r[col]:
                raise bad_cell(df, i, col, f"empty; an {r['status']} claim needs case_id, metric, label_en, "
                                           "label_zh and kind")
        if not _METRIC_RE.fullmatch(r["metric"]):
            raise bad_cell(df, i, "metric", f"{r['metric']!r} is not snake_case (a-z, 0-9, _)")
    if r["kind"] and r["kind"] not in KINDS:
        raise bad_cell(df, i, "kind", f"{r['kind']!r}; allowed: {', '.join(KINDS)}")
    if r["status"] == "rejected" and not r["reason"]:
        raise bad_cell(df, i, "reason", "empty; a rejected claim needs a reason")
    if r["status"] == "missed" and not r["roles"]:
        raise bad_cell(df, i, "roles", "empty; a missed claim says which numbers are which (before=1; after=2)")


# ---------------------------------------------------------------------------------------- anchoring
def anchor(text: str, start: int, end: int, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` now: at ``[start, end)`` if still there, else the occurrence nearest
    to ``start`` (line endings may differ: ``\\n`` matches ``\\r\\n``); ``None`` if it is gone."""
    if text[start:end] == quote:
        return start, end
    spans = []
    i = text.find(quote)
    while i != -1:
        spans.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    if not spans and "\n" in quote:
        pattern = re.compile(re.escape(quote).replace("\\\n", "\r?\n").replace("\n", "\r?\n"))
        spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return None
    return min(spans, key=lambda s: (abs(s[0] - start), s[0]))


# ---------------------------------------------------------------------------------------- reconciling
def _found(corpus: Corpus) -> pd.DataFrame:
    from .diskcache import iter_claims_of_docs

    frames = []  # one document's claims read at a time, with their doc_id
    for doc_id, df in zip(corpus.doc_ids, iter_claims_of_docs(corpus)):  # each a frame of its own (read back)
        df.insert(0, "doc_id", doc_id)
        frames.append(df)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["doc_id"])


def found_claims(corpus: Corpus | str | None = None) -> pd.DataFrame:
    """Every claim :func:`ftzdata.extract.claims` finds in every document, with its ``doc_id``."""
    return resolve(corpus).derived("found_claims", _found).copy()


@dataclass
class Review:
    """The review of a corpus against the extractor's current output."""

    matched: pd.DataFrame   # accepted/rejected rows joined with the claim found at the same span
    pending: pd.DataFrame   # claims found that no decision covers (or decided 'pending')
    stale: pd.DataFrame     # accepted/rejected rows whose quote is in the text but no longer found as a claim
    lost: pd.DataFrame      # rows whose quote is no longer in the text at all
    missed: pd.DataFrame    # claims the extractor does not find (added by hand), anchored
    found_missed: pd.DataFrame  # 'missed' rows the extractor now finds: decide them as accepted
    moved: pd.DataFrame     # rows found again at other offsets (old_start/old_end kept)
    problems: list[str] = field(default_factory=list)  # one line per lost or stale decision

    @property
    def unreviewed(self) -> pd.DataFrame:  # the name of older versions
        return self.pending


def _anchored(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every review row at its current offsets, and the rows whose quote is gone."""
    rows = _reviews(corpus)
    if not len(rows):
        empty = pd.DataFrame(columns=["doc_id", *REVIEW_COLUMNS, "old_start", "old_end"])
        return empty, empty.copy()
    spans = [anchor(corpus.text(d), s, e, q) for d, s, e, q in zip(rows["doc_id"], rows["start"], rows["end"],
                                                                   rows["quote"])]
    rows["old_start"], rows["old_end"] = rows["start"], rows["end"]
    gone = pd.Series([s is None for s in spans], index=rows.index)
    rows.loc[~gone, "start"] = [s[0] for s in spans if s is not None]
    rows.loc[~gone, "end"] = [s[1] for s in spans if s is not None]
    rows["start"] = rows["start"].astype("int64")
    rows["end"] = rows["end"].astype("int64")
    return rows[~gone].reset_index(drop=True), rows[gone].reset_index(drop=True)


def _where(df: pd.DataFrame, test) -> np.ndarray:
    """A boolean row mask: ``test((doc_id, start, end))`` for each row (an empty frame gives an empty mask)."""
    return np.array([test(k) for k in df[KEY].itertuples(index=False, name=None)], dtype=bool)


def _reconcile(corpus: Corpus) -> Review:
    found = _found(corpus)  # not kept by the corpus once the review is built (found_claims keeps its own)
    rows, lost = _anchored(corpus)
    decided = rows[rows["status"].isin(["accepted", "rejected"])]
    missed = rows[rows["status"] == "missed"]
    keys_found = set(map(tuple, found[KEY].itertuples(index=False)))
    keys_decided = set(map(tuple, decided[KEY].itertuples(index=False)))
    in_found = _where(decided, lambda k: k in keys_found)
    matched = decided.loc[in_found].merge(found.drop(columns=["quote"]), on=KEY, how="inner", suffixes=("", "_found"))
    stale = decided.loc[~in_found]
    pending = found.loc[_where(found, lambda k: k not in keys_decided)]
    # what a reviewer already wrote on a claim still pending (a metric name, labels, a correction) comes along
    drafts = rows.loc[rows["status"] == "pending", KEY + DRAFT_FIELDS].rename(columns=lambda c: c if c in KEY
                                                                               else f"{c}_review")
    pending = pending.merge(drafts.drop_duplicates(KEY), on=KEY, how="left")
    moved = rows[(rows["start"] != rows["old_start"]) | (rows["end"] != rows["old_end"])]
    problems = [f"{corpus.sidecar(r.doc_id, 'review')}: {r.status} claim {r.id} “{r.quote}” is no longer in the "
                f"text (it was at [{r.old_start}, {r.old_end})); restore the text or decide the claim again"
                for r in lost.itertuples()]
    problems += [f"{corpus.sidecar(r.doc_id, 'review')}: {r.status} claim {r.id} “{r.quote}” [{r.start}, {r.end}) "
                 "is no longer found by the extractor; mark it missed (with roles) or decide it again"
                 for r in stale.itertuples()]
    return Review(matched=matched.reset_index(drop=True), pending=pending.reset_index(drop=True),
                  stale=stale.reset_index(drop=True), lost=lost, missed=missed.reset_index(drop=True),
                  found_missed=missed.loc[_where(missed, lambda k: k in keys_found)],
                  moved=moved.reset_index(drop=True), problems=problems)


def reconcile(corpus: Corpus | str | None = None) -> Review:
    """The review of every document against what the extractor finds now (cached until files change, and on
    disk keyed by the corpus's files)."""
    return resolve(corpus).derived("review", _reconcile_cached)


def _reconcile_cached(corpus: Corpus) -> Review:
    from .diskcache import cached, corpus_key

    return cached("review", corpus_key(corpus), lambda: _reconcile(corpus))


def check_review(corpus: Corpus | str | None = None, strict: bool = False) -> Review:
    """:func:`reconcile`, then warn (or, with ``strict``, raise :class:`ReviewError`) for each problem."""
    rec = reconcile(corpus)
    if rec.problems:
        head = f"{len(rec.problems)} reviewed decision(s) cannot be applied:\n" + "\n".join(rec.problems[:20])
        if strict:
            raise ReviewError(head)
        warnings.warn(head, FtzDataWarning, stacklevel=3)
    return rec


# ---------------------------------------------------------------------------------------- writing
def sync_review(corpus: Corpus | str | None, doc_id: str) -> dict:
    """Bring ``doc_id``'s review up to date with the extractor and write it back (atomically).

    Keeps every decision (moved ones at their new offsets; lost ones untouched, and reported), adds newly
    found claims as ``pending`` with the case they fall in and a proposed metric name. Returns counts and
    the problems found.
    """
    from .cases import case_index as _cases

    corpus = resolve(corpus)
    rec = reconcile(corpus)
    current = read_review(corpus, doc_id)
    mine = lambda df: df[df["doc_id"] == doc_id]
    moved = {(r.old_start, r.old_end, r.quote): (r.start, r.end) for r in mine(rec.moved).itertuples()}
    for i, r in current.iterrows():
        if (r["start"], r["end"], r["quote"]) in moved:
            current.loc[i, ["start", "end"]] = moved[(r["start"], r["end"], r["quote"])]
    new = mine(rec.pending)
    known = set(zip(current["start"], current["end"]))
    new = new[[(s, e) not in known for s, e in zip(new["start"], new["end"])]]
    case_rows = _cases(corpus)
    case_rows = case_rows[case_rows["doc_id"] == doc_id]
    starts, ends, case_ids = case_rows["start"].to_numpy(), case_rows["end"].to_numpy(), case_rows["case_id"].tolist()
    next_id = _next_id(current["id"])
    added = []
    for r in new.itertuples():
        hit = np.flatnonzero((starts <= r.start) & (ends >= r.end))  # the first case holding the claim
        added.append(dict(id=f"c{next_id:03d}", start=r.start, end=r.end, quote=r.quote, status="pending",
                          case_id=case_ids[hit[0]] if len(hit) else None, metric=proposed_metric(r),
                          label_en=None, label_zh=r.subject, kind=r.kind, per=r.per or None))
        next_id += 1
    out = pd.concat([current.drop(columns=["doc_id"]), pd.DataFrame(added, columns=REVIEW_COLUMNS)],
                    ignore_index=True)
    out = out.sort_values(["start", "end"], kind="stable")
    write_sidecar(corpus.sidecar(doc_id, "review"), out, REVIEW_COLUMNS)
    return dict(added=len(added), moved=len(moved), kept=len(current),
                problems=[p for p in rec.problems if f"{doc_id}.review.csv" in p])


def _next_id(ids) -> int:
    nums = [int(m.group(1)) for m in (re.fullmatch(r"c(\d+)", str(i)) for i in ids) if m]
    return max(nums, default=0) + 1


def proposed_metric(claim) -> str:
    """A placeholder metric name for an undecided claim: its kind and where it starts (``duration_at_120``)."""
    return f"{claim.kind}_at_{claim.start}"


def load_reviews(corpus: Corpus | str | None = None) -> pd.DataFrame:
    """Every document's review rows as stored (offsets as written, before anchoring), with ``doc_id``."""
    return _reviews(resolve(corpus))
