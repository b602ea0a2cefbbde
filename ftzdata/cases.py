"""The case registry: one row per reform case, found from each document's own structure.

Cases are found by :func:`ftzdata.splitter.split`, which recognises the structure a document uses
(case headings, numbered headings, tables with a number and a title column, …; see that module) and
says which one it used (:func:`structures`). The manifest's ``layout`` column may name the structure
(a hint; empty: detect); ``summaries`` marks short restatements ``案例N:标题(上海自贸试验区提供)。`` of
cases told in full elsewhere — they are not new cases, see :func:`summaries`. Case ids are
``{case_prefix}-{seq:02d}``, the prefix from the manifest's ``case_prefix`` column (empty: the doc_id).

What the text does not say (English titles, areas, domains of lists without categories) comes from the
reviewed file ``ftzdata/data/cases_reviewed.csv``, keyed by ``case_id``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from .corpus import Corpus, default_corpus
from .errors import DocumentError
from .normalize import normalize
from .splitter import STRUCTURES, Found, Split, split, zone_pattern
from .vocab import AREAS, DOMAIN_ALIASES, DOMAINS, ZONE_BY_ZH, ZONES

__all__ = ["cases", "summaries", "structures", "CASE_COLUMNS", "SUMMARY_COLUMNS"]

CASE_COLUMNS = [
    "case_id", "doc_id", "seq", "title_zh", "title_zh_hans", "title_en", "zone", "zone_zh", "area",
    "area_zh", "domain", "domain_zh", "domain_source", "lead_units", "published", "start", "end",
    "title_start", "title_end", "summary_id", "text",
]
SUMMARY_COLUMNS = ["summary_id", "doc_id", "batch", "seq", "case_id", "title_zh", "text", "start", "end"]

_NUM_WORDS = "一二三四五六七八九十"


def _clean(s: str) -> str:
    return normalize(s).text.strip()


# ---------------------------------------------------------------------------------------- splitting
def _split(doc_id: str, corpus: Corpus, hint: str) -> Split:
    """The document's cases by :func:`ftzdata.splitter.split`, ``hint`` the manifest's layout (or empty)."""
    if hint and hint not in STRUCTURES:
        raise DocumentError(
            f"{corpus.manifest_path}: layout {hint!r} of {doc_id} is unknown; allowed: empty (detect), "
            f"summaries, {', '.join(STRUCTURES)}"
        )
    try:
        return split(corpus.normalized(doc_id), hint or None)
    except ValueError as exc:
        raise DocumentError(f"{corpus.path(doc_id)}: {exc}") from None


def _case_prefix(doc: pd.Series, doc_id: str) -> str:
    """The manifest's ``case_prefix`` (a column a user's manifest may lack), else the doc_id."""
    prefix = doc.get("case_prefix")
    return prefix if isinstance(prefix, str) and prefix else doc_id


# ---------------------------------------------------------------------------------------- registry
def _reviewed() -> pd.DataFrame:
    with resources.files("ftzdata").joinpath("data/cases_reviewed.csv").open(encoding="utf-8") as f:
        return pd.read_csv(f, dtype=str, keep_default_na=False).set_index("case_id")


def _check_sequence(doc_id: str, corpus: Corpus, found: list[Found], expected: int):
    seqs = [f.seq for f in found]
    if seqs != list(range(1, len(seqs) + 1)) or (expected and len(seqs) != expected):
        raise DocumentError(
            f"{corpus.path(doc_id)}: found cases numbered {seqs}; the manifest expects {expected} "
            "numbered 1..N — the document's structure changed"
        )


def _build_cases(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    docs = corpus.documents().set_index("doc_id")
    reviewed = _reviewed()
    rows, used = [], {}
    for doc_id, doc in docs.iterrows():
        if doc["layout"] == "summaries":
            continue
        result = _split(doc_id, corpus, doc["layout"] or "")
        used[doc_id] = result.structure
        found = result.cases
        _check_sequence(doc_id, corpus, found, int(doc["n_cases"]))
        original = corpus.text(doc_id)
        prefix = _case_prefix(doc, doc_id)
        for f in found:
            case_id = f"{prefix}-{f.seq:02d}"
            if case_id not in reviewed.index:
                raise DocumentError(f"ftzdata/data/cases_reviewed.csv: no row for case {case_id!r} of {doc_id}")
            rev = reviewed.loc[case_id]
            zone_zh = f.zone_zh or rev["zone_zh"]
            if f.domain_zh:
                domain, source = DOMAIN_ALIASES[f.domain_zh], "document"
            else:
                domain, source = rev["domain"], "assigned"
            title_zh = original[f.title_start:f.title_end]
            rows.append(dict(
                case_id=case_id, doc_id=doc_id, seq=f.seq, title_zh=title_zh,
                title_zh_hans=_clean(title_zh).rstrip("。."), title_en=rev["title_en"],
                zone=ZONE_BY_ZH[zone_zh], zone_zh=zone_zh, area=AREAS.get(rev["area_zh"]) if rev["area_zh"] else None,
                area_zh=rev["area_zh"] or None, domain=domain, domain_zh=f.domain_zh, domain_source=source,
                lead_units=f.lead_units, published=doc["published"], start=f.start, end=f.end,
                title_start=f.title_start, title_end=f.title_end, summary_id=None, text=f.text,
            ))
    df = pd.DataFrame(rows, columns=CASE_COLUMNS)
    extra = sorted(set(reviewed.index) - set(df["case_id"]))
    if extra:
        raise DocumentError(f"ftzdata/data/cases_reviewed.csv: rows for cases not in the documents: {extra}")
    summ = _build_summaries(corpus, df)
    df["summary_id"] = df["case_id"].map(dict(zip(summ["case_id"], summ["summary_id"])))
    return _typed(df), summ, used


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["zone"] = pd.Categorical(df["zone"], categories=list(ZONES))
    df["domain"] = pd.Categorical(df["domain"], categories=list(DOMAINS))
    df["domain_source"] = pd.Categorical(df["domain_source"], categories=["document", "assigned"])
    for col in ("seq", "start", "end", "title_start", "title_end"):
        df[col] = df[col].astype("int64")
    df["published"] = pd.to_datetime(df["published"])
    df.attrs.update(
        title="Reform cases of China's Pilot Free Trade Zones",
        source="seeds/ (see ftzdata.documents()); English titles, areas and assigned domains: "
               "ftzdata/data/cases_reviewed.csv",
        description="One row per reform case. start/end are character offsets of the case in the original "
                    "document; title_zh is the original text at [title_start, title_end).",
    )
    return df.reset_index(drop=True)


# ---------------------------------------------------------------------------------------- summaries
def _build_summaries(corpus: Corpus, cases_df: pd.DataFrame) -> pd.DataFrame:
    docs = corpus.documents()
    rows = []
    for doc_id in docs.loc[docs["layout"] == "summaries", "doc_id"]:
        norm = corpus.normalized(doc_id)
        t = norm.text
        sections = list(re.finditer(r"^[\d.]+ ?第([一二三四五六七八九十])批.*$", t, re.M))
        items = list(re.finditer(rf"^案例(?P<seq>\d+):(?P<title>.+?){zone_pattern()}。?$", t, re.M))
        for i, it in enumerate(items):
            sec = [s for s in sections if s.start() < it.start()]
            if not sec:
                raise DocumentError(f"{corpus.path(doc_id)}: case summary {it.group(0)!r} is before any batch heading")
            section = sec[-1]
            batch = _NUM_WORDS.index(section.group(1)) + 1
            # the batch's full document: the one whose date is the year and month the section names
            intro = t[section.end(): section.end() + 200]
            ym = re.search(r"(\d{4})年(\d{1,2})月", intro)
            target = _document_for(docs, cases_df, ym, corpus.path(doc_id))
            nxt = items[i + 1].start() if i + 1 < len(items) else len(t.rstrip())
            nxt = min([s.start() for s in sections if s.start() > it.start()] + [nxt])
            s, e = norm.original_span(it.start(), nxt)
            seq = int(it.group("seq"))
            match = cases_df[(cases_df["doc_id"] == target) & (cases_df["seq"] == seq)]
            title = it.group("title")
            if match.empty or _key(match.iloc[0]["title_zh_hans"]) != _key(title):
                raise DocumentError(
                    f"{corpus.path(doc_id)}: summary 案例{seq} {title!r} does not match case {seq} of {target}"
                )
            rows.append(dict(summary_id=f"textbook-{len(rows) + 1:02d}", doc_id=doc_id, batch=batch, seq=seq,
                             case_id=match.iloc[0]["case_id"], title_zh=corpus.text(doc_id)[s:e].split("\n")[0],
                             text=t[it.end():nxt].strip(), start=s, end=e))
        expected = int(docs.loc[docs["doc_id"] == doc_id, "n_cases"].iloc[0])
        got = sum(r["doc_id"] == doc_id for r in rows)
        if got != expected:
            raise DocumentError(f"{corpus.path(doc_id)}: found {got} case summaries; the manifest expects {expected}")
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def _key(title: str) -> str:
    return re.sub(r"[\W_]+", "", title)


def _document_for(docs: pd.DataFrame, cases_df: pd.DataFrame, ym, where) -> str:
    if ym is None:
        raise DocumentError(f"{where}: a batch heading is not followed by the year and month of its batch")
    year, month = int(ym.group(1)), int(ym.group(2))
    with_cases = docs[docs["doc_id"].isin(cases_df["doc_id"])]
    hit = with_cases[(with_cases["published"].dt.year == year) & (with_cases["published"].dt.month == month)]
    if len(hit) != 1:
        raise DocumentError(f"{where}: no single document dated {year}-{month:02d} holds the full cases")
    return hit.iloc[0]["doc_id"]


# ---------------------------------------------------------------------------------------- public API
@lru_cache(maxsize=4)
def _cached(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    return _build_cases(corpus)


def cases(corpus: Corpus | None = None) -> pd.DataFrame:
    """One row per reform case (67 in the bundled seeds); see ``CASE_COLUMNS`` and the data dictionary.

    ``lead_units`` is a list of the lead/responsible units the document names (Simplified);
    ``published`` is the document's date; ``text`` is the case's text, normalised (Simplified, no markup).
    """
    return _cached(corpus or default_corpus())[0].copy()


def summaries(corpus: Corpus | None = None) -> pd.DataFrame:
    """The textbook's short restatements of full cases, each linked to its case by ``case_id``."""
    return _cached(corpus or default_corpus())[1].copy()


def structures(corpus: Corpus | None = None) -> pd.Series:
    """The structure each document's cases were found by (a name in
    :data:`ftzdata.splitter.STRUCTURES`, or ``summaries``), indexed by doc_id in manifest order."""
    corpus = corpus or default_corpus()
    used = _cached(corpus)[2]
    docs = corpus.documents()
    return pd.Series([used.get(d, "summaries") for d in docs["doc_id"]], index=docs["doc_id"].tolist(),
                     name="structure", dtype="object")
