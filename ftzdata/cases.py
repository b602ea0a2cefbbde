"""The case registry: one row per reform case, found from each document's own structure.

Cases are found by :func:`ftzdata.splitter.split`, which recognises the structure a document uses
(case headings, numbered headings, tables with a number and a title column, …; see that module) and
says which one it used (:func:`structures`). The manifest's ``layout`` column may name the structure
(a hint; empty: detect); ``summaries`` marks short restatements ``案例N:标题(上海自贸试验区提供)。`` of
cases told in full elsewhere — they are not new cases, see :func:`summaries`. Case ids are
``{case_prefix}-{seq:02d}``, the prefix from the manifest's ``case_prefix`` column (empty: the doc_id).

What the text does not say (English titles, areas, domains of lists without categories, a zone) comes from
the document's reviewed sidecar ``<doc_id>.cases.csv``, keyed by ``case_id``; a document without one is
valid (titles in Chinese, English empty; zone and area found in the text where it names them).
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from .arrow_memory import use_system_pool
from .corpus import Corpus, resolve
from .errors import DocumentError, ReviewError
from .normalize import clean_text as _clean
from .sidecar import bad_cell, read_sidecar_rows
from .splitter import STRUCTURES, Found, Split, split, zone_pattern
from .vocab import DOMAINS, ZONES, area_of, area_zh_of, areas_named, areas_of, domain_of, main_zone, zone_of, zones_named

if TYPE_CHECKING:
    from .diskcache import TextColumn


use_system_pool()  # see ftzdata.arrow_memory: frames of a corpus run free much Arrow memory

__all__ = ["cases", "case_index", "summaries", "structures", "CASE_COLUMNS", "SUMMARY_COLUMNS"]

CASE_COLUMNS = [  # what a reader looks at first (case, title, zone, domain, date); offsets, then the long text last
    "case_id", "title_en", "title_zh_hans", "zone", "area", "domain", "published", "zone_zh", "area_zh",
    "domain_zh", "domain_source", "lead_units", "doc_id", "seq", "title_zh", "start", "end", "title_start",
    "title_end", "summary_id", "text",
]
SUMMARY_COLUMNS = ["summary_id", "doc_id", "batch", "seq", "case_id", "title_zh", "text", "start", "end"]

_NUM_WORDS = "一二三四五六七八九十"


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
CASE_REVIEW_COLUMNS = ["case_id", "zone", "area_zh", "domain", "title_en", "note"]


def case_reviews(corpus: Corpus, doc_id: str) -> dict[str, dict[str, str]]:
    """``<doc_id>.cases.csv``: what the text does not say about its cases, checked, as case_id → its row
    (column → cell, "" when empty); empty when the document has none."""
    path = corpus.sidecar(doc_id, "cases")
    if not path.is_file():
        return {}
    rows = read_sidecar_rows(path, CASE_REVIEW_COLUMNS, ["case_id"])
    out: dict[str, dict[str, str]] = {}
    for i, r in enumerate(rows):
        if not r["case_id"]:
            raise bad_cell(rows, i, "case_id", "empty; each row names the case it is about")
        if r["zone"] and zone_of(r["zone"]) is None:
            raise bad_cell(rows, i, "zone", f"unknown zone {r['zone']!r}; allowed: "
                           + ", ".join(f"{en} ({zh})" for en, zh in ZONES.items()))
        if r["domain"] and r["domain"] not in DOMAINS:
            raise bad_cell(rows, i, "domain", f"unknown domain {r['domain']!r}; allowed: {', '.join(DOMAINS)}")
        if r["case_id"] in out:
            raise ReviewError(f"{path}: case {r['case_id']!r} has two rows; one row per case")
        out[r["case_id"]] = r
    return out


def _check_sequence(doc_id: str, corpus: Corpus, found: list[Found], expected: int | None):
    seqs = [f.seq for f in found]
    if seqs != list(range(1, len(seqs) + 1)) or (expected is not None and len(seqs) != expected):
        raise DocumentError(
            f"{corpus.path(doc_id)}: found cases numbered {seqs}; the manifest expects {expected} "
            "numbered 1..N — the document's structure changed"
        )


def _zone_for(f: Found, rev, title: str, doc, doc_title_zones: list[str]) -> tuple[str | None, str]:
    """The case's zone and where it came from: as written in the case, the review, the case's text,
    the manifest, or the document's title."""
    if f.zone_zh and zone_of(f.zone_zh):
        return zone_of(f.zone_zh), "document"
    if rev is not None and rev["zone"]:
        return zone_of(rev["zone"]), "review"
    named = main_zone(title + "\n" + f.text)  # the zone it names, or names far more often than any other
    if named is not None:
        return named, "text"
    if doc["zone"] and zone_of(doc["zone"]):
        return zone_of(doc["zone"]), "manifest"
    if len(doc_title_zones) == 1:
        return doc_title_zones[0], "title"
    return None, ""


def _build_cases(corpus: Corpus, texts: TextColumn) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(cases without their texts, summaries); each document's case texts go to ``texts`` as they are found
    (one document's at a time in memory)."""
    docs = corpus.manifest_frame().set_index("doc_id")
    columns = {c: [] for c in CASE_COLUMNS[:-1]}  # one list per column: no dict per case kept
    for doc_id, doc in docs.iterrows():
        if doc["layout"] == "summaries":
            continue
        layout = doc["layout"] if isinstance(doc["layout"], str) else ""
        found = _split_of(corpus, doc_id, layout).cases  # one document's split at a time, not kept
        expected = None if pd.isna(doc["n_cases"]) else int(doc["n_cases"])
        _check_sequence(doc_id, corpus, found, expected)
        original = corpus.text(doc_id)
        reviewed = case_reviews(corpus, doc_id)
        prefix = _case_prefix(doc, doc_id)
        doc_row = corpus.row(doc_id)
        title_zones = zones_named(_clean(doc_row["title_zh"] + "\n" + original[:200].split("\n")[0]))
        ids, doc_texts = [], []
        for f in found:
            case_id = f"{prefix}-{f.seq:02d}"
            ids.append(case_id)
            rev = reviewed.get(case_id)
            title_zh = original[f.title_start:f.title_end]
            zone, _ = _zone_for(f, rev, _clean(title_zh), doc_row, title_zones)
            if rev is not None:
                area_zh = rev["area_zh"] or None
                area = area_of(area_zh, zone) if area_zh else None
                if area_zh and area is None:
                    raise ReviewError(f"{corpus.sidecar(doc_id, 'cases')}: case {case_id}: unknown area {area_zh!r} "
                                      f"of {zone}; allowed: {', '.join(areas_of(zone)) or '(none known)'}")
            else:
                named = areas_named(_clean(title_zh) + "\n" + f.text, zone) if zone else []
                area = named[0] if len(named) == 1 else None
                area_zh = area_zh_of(area, zone)
            domain_written = domain_of(f.domain_zh)
            if domain_written:
                domain, source = domain_written, "document"
            elif rev is not None and rev["domain"]:
                domain, source = rev["domain"], "assigned"
            else:
                domain, source = None, None
            _append(columns, dict(
                case_id=case_id, doc_id=doc_id, seq=f.seq, title_zh=title_zh,
                title_zh_hans=_clean(title_zh).rstrip("。."),
                title_en=(rev["title_en"] or None) if rev is not None else None,
                zone=zone, zone_zh=ZONES.get(zone) if zone else None, area=area, area_zh=area_zh,
                domain=domain, domain_zh=f.domain_zh, domain_source=source,
                lead_units=f.lead_units, published=doc["published"], start=f.start, end=f.end,
                title_start=f.title_start, title_end=f.title_end, summary_id=None,
            ))
            doc_texts.append(f.text)
        if doc_texts:
            texts.add(pa.array(doc_texts, type=pa.large_string()))
        del found, doc_texts
        extra = sorted(set(reviewed) - set(ids))
        if extra:
            raise ReviewError(f"{corpus.sidecar(doc_id, 'cases')}: rows for cases not in the document: "
                              f"{', '.join(extra)}; the document has {', '.join(ids) or 'no cases'}")
    df = pd.DataFrame(columns, columns=CASE_COLUMNS[:-1]) if columns["case_id"] else \
        pd.DataFrame([], columns=CASE_COLUMNS[:-1])
    del columns
    summ = _build_summaries(corpus, df)
    df["summary_id"] = df["case_id"].map(dict(zip(summ["case_id"], summ["summary_id"])))
    return _typed(df), summ


def _append(columns: dict[str, list], row: dict) -> None:
    """Add ``row`` (a value for each column) to the column lists."""
    for name, values in columns.items():
        values.append(row[name])


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy(deep=False)  # copy-on-write: the caller's frame is not changed, and its texts are not copied
    df["zone"] = pd.Categorical(df["zone"], categories=list(ZONES))
    df["domain"] = pd.Categorical(df["domain"], categories=list(DOMAINS))
    df["domain_source"] = pd.Categorical(df["domain_source"], categories=["document", "assigned"])
    for col in ("seq", "start", "end", "title_start", "title_end"):
        df[col] = df[col].astype("int64")
    df["published"] = pd.to_datetime(df["published"])
    df.attrs.update(
        title="Reform cases of China's Pilot Free Trade Zones",
        source="the corpus's documents (see ftzdata.documents()); English titles, areas and assigned domains: "
               "each document's <doc_id>.cases.csv",
        description="One row per reform case. start/end are character offsets of the case in the original "
                    "document; title_zh is the original text at [title_start, title_end).",
    )
    return df.reset_index(drop=True)


# ---------------------------------------------------------------------------------------- summaries
def _build_summaries(corpus: Corpus, cases_df: pd.DataFrame) -> pd.DataFrame:
    docs = corpus.manifest_frame()
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
def _index(corpus) -> tuple[pd.DataFrame, pd.DataFrame, object]:
    """(cases without their texts, summaries, the texts: the name of their cache entry, or the texts)."""
    return resolve(corpus).derived("case_index", _index_cached)


def _index_cached(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame, object]:
    """:func:`_build_cases`, from the disk cache when the manifest, texts and sidecars are byte-identical
    (texts are read, and checked against their sha256, either way). The case texts are a cache entry of their
    own (``case_texts/``, an Arrow file read memory-mapped), so that what needs only the cases' rows
    (``metrics()``, the review) never holds the texts."""
    from .diskcache import TextColumn, cached, cases_inputs_key, entry_name

    key = cases_inputs_key(corpus)
    name = entry_name(key)  # the texts' entry: the same name as the rows' own

    def build():
        column = TextColumn(_TEXTS, name)
        try:
            df, summ = _build_cases(corpus, column)
        except BaseException:
            column.discard()
            raise
        kept = column.close()
        return df, summ, name if kept is None else kept

    return cached("cases", key, build)


_TEXTS = "case_texts"


def _cached(corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(cases with their texts, summaries)."""
    return resolve(corpus).derived("cases", _with_texts)


def _with_texts(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    from .diskcache import read_text_column

    df, summ, texts = _index(corpus)
    if isinstance(texts, str):
        name, texts = texts, read_text_column(_TEXTS, texts)
        if texts is None or len(texts) != len(df):  # removed or unreadable: found again (and stored again)
            texts = _texts_again(corpus, name)
    df = df.copy(deep=False)
    df["text"] = _text_column(texts, df.index)
    return df, summ


def _texts_again(corpus: Corpus, name: str):
    """The cases' texts found again, stored as entry ``name`` and read back from there; kept in memory if
    they cannot be stored."""
    from .diskcache import TextColumn, read_text_column

    column = TextColumn(_TEXTS, name)
    _build_cases(corpus, column)
    texts = column.close()  # None: stored, read it back
    if texts is None:
        texts = read_text_column(_TEXTS, name)
    if texts is None:  # it could not be stored: kept in memory
        column = TextColumn(None)
        _build_cases(corpus, column)
        texts = column.close()
    return texts


def _text_column(texts, index) -> pd.Series:
    """The cases' texts (a pyarrow string column) as the frame's ``text``: pandas' ``str`` (Arrow-backed: no
    copy of the memory-mapped texts), ``object`` when there is no case."""
    if not len(index):
        return pd.Series([], dtype=object, index=index)
    empty = pd.array([], dtype="str")
    if isinstance(empty, ArrowStringArray):
        return pd.Series(ArrowStringArray(texts, dtype=empty.dtype), index=index)
    return pd.Series(pd.array(texts.to_pylist(), dtype="str"), index=index)


def case_index(corpus: Corpus | str | None = None) -> pd.DataFrame:
    """:func:`cases` without the ``text`` column: the cases' rows, for what joins claims to their cases (the
    texts are not read)."""
    return _index(corpus)[0].copy(deep=False)


def _split_of(corpus: Corpus, doc_id: str, layout: str) -> Split:
    """The split of one document (``layout`` its manifest's hint), from the disk cache when the same text was
    split with the same hint before (keyed by the text's sha256; the package's files are in the key)."""
    from .diskcache import cached

    key = f"{corpus.digest(doc_id).hex()[:32]}-{hashlib.sha256(layout.encode()).hexdigest()[:8]}"
    return cached("split", key, lambda: _split(doc_id, corpus, layout))


def _structures(corpus) -> dict[str, str]:
    """Each document's structure (summaries documents excepted), cached until the corpus changes and on disk
    keyed by the manifest and the texts: only the names are kept, not the splits."""
    def build(c: Corpus) -> dict[str, str]:
        from .diskcache import cached, corpus_files_key

        return cached("structures", corpus_files_key(c), lambda: {d: _split_of(c, d, layout).structure for d, layout in
                                                             zip(c.doc_ids, c.manifest_frame()["layout"].fillna(""))
                                                             if layout != "summaries"})

    return resolve(corpus).derived("structures", build)


def cases(corpus: Corpus | str | None = None) -> pd.DataFrame:
    """One row per reform case (67 in the bundled seeds); see ``CASE_COLUMNS`` and the data dictionary.

    ``lead_units`` is a list of the lead/responsible units the document names (Simplified);
    ``published`` is the document's date; ``text`` is the case's text, normalised (Simplified, no markup).
    """
    df = _cached(corpus)[0].copy(deep=False)  # copy-on-write: a change to it copies, the cached frame stays
    df.attrs["corpus"] = str(resolve(corpus).root)
    return df


def summaries(corpus: Corpus | str | None = None) -> pd.DataFrame:
    """The textbook's short restatements of full cases, each linked to its case by ``case_id``."""
    df = _index(corpus)[1].copy(deep=False)
    df.attrs["corpus"] = str(resolve(corpus).root)
    return df


def structures(corpus: Corpus | str | None = None) -> pd.Series:
    """The structure each document's cases were found by (a name in
    :data:`ftzdata.splitter.STRUCTURES`, or ``summaries``), indexed by doc_id in manifest order."""
    corpus = resolve(corpus)
    found = _structures(corpus)
    return pd.Series([found.get(d, "summaries") for d in corpus.doc_ids], index=corpus.doc_ids,
                     name="structure", dtype="object")
