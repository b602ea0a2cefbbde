"""The case registry: one row per reform case, found from each document's own structure.

A document's ``layout`` (in ``seeds/manifest.csv``) says how its cases are marked:

- ``case-headings``: a heading line ``[领域-]案例N``, the title on the next line, then
  ``(中国(上海)自由贸易试验区提供)``; the case runs to the next heading.
- ``pipe-table``: a table flattened with `` | `` separators: ``分类 | 序号 | 项目名称 | 实施内容 | 牵头单位 | …``;
  a category cell (``二、贸易便利化(11项)``) carries over to the rows below it.
- ``tsv-table``: a tab-separated table ``序号  改革事项  主要内容  负责单位`` with HTML in cells and the
  header row repeated.
- ``summaries``: short restatements ``案例N:标题(上海自贸试验区提供)。`` of cases told in full elsewhere;
  they are not new cases, see :func:`summaries`.

What the text does not say (English titles, areas, domains of lists without categories) comes from the
reviewed file ``ftzdata/data/cases_reviewed.csv``, keyed by ``case_id``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pandas as pd

from .corpus import Corpus, default_corpus
from .errors import DocumentError
from .normalize import normalize
from .vocab import AREAS, DOMAIN_ALIASES, DOMAINS, ZONE_BY_ZH, ZONES

__all__ = ["cases", "summaries", "CASE_COLUMNS", "SUMMARY_COLUMNS"]

CASE_ID_PREFIX = {  # doc_id -> readable prefix of its case ids
    "mofcom-2015-best-practices": "mofcom2015",
    "mofcom-2017-best-practices": "mofcom2017",
    "guangzhou-nansha-batch3-2018": "nansha2018",
    "tianjin-2021-replicable-experiences": "tianjin2021",
}

CASE_COLUMNS = [
    "case_id", "doc_id", "seq", "title_zh", "title_zh_hans", "title_en", "zone", "zone_zh", "area",
    "area_zh", "domain", "domain_zh", "domain_source", "lead_units", "published", "start", "end",
    "title_start", "title_end", "summary_id", "text",
]
SUMMARY_COLUMNS = ["summary_id", "doc_id", "batch", "seq", "case_id", "title_zh", "text", "start", "end"]

_ZONE_RE = re.compile(r"\((?:中国\()?(上海|广东|天津|福建)\)?自(?:由)?贸(?:易)?试验区提供\)")
_NUM_WORDS = "一二三四五六七八九十"


@dataclass
class _Found:
    """A case as found in a document: spans are into the original text."""

    seq: int
    start: int
    end: int
    title_start: int
    title_end: int
    zone_zh: str | None = None
    domain_zh: str | None = None
    lead_units: list[str] = field(default_factory=list)
    text: str = ""


def _clean(s: str) -> str:
    return normalize(s).text.strip()


def _split_units(cell: str) -> list[str]:
    return [u for u in (x.strip() for x in _clean(cell).split("、")) if u]


# ---------------------------------------------------------------------------------------- layouts
def _case_headings(doc_id: str, corpus: Corpus) -> list[_Found]:
    norm = corpus.normalized(doc_id)
    t = norm.text
    heads = list(re.finditer(r"^(?:(?P<domain>[^\n\-:]{2,12})-)?案例(?P<seq>\d+)[ \t]*$", t, re.M))
    found = []
    for i, h in enumerate(heads):
        end_n = heads[i + 1].start() if i + 1 < len(heads) else len(t.rstrip())
        title = re.compile(r"\n*([^\n]+)").match(t, h.end())
        if title is None:
            raise DocumentError(f"{corpus.path(doc_id)}: heading {h.group(0)!r} has no title line after it")
        zone = _ZONE_RE.match(t, title.end() + 1)
        s, e = norm.original_span(h.start(), end_n)
        ts, te = norm.original_span(title.start(1), title.end(1))
        found.append(_Found(
            seq=int(h.group("seq")), start=s, end=e, title_start=ts, title_end=te,
            zone_zh=zone.group(1) if zone else None, domain_zh=h.group("domain"),
            text=t[(zone.end() if zone else title.end()):end_n].strip(),
        ))
    return found


def _table_rows(doc_id: str, corpus: Corpus, sep: str):
    """Yield (line_start, cells with their original spans) for every line of a flattened table."""
    text = corpus.text(doc_id)
    pos = 0
    for line in text.split("\n"):
        cells, cpos = [], pos
        for part in line.split(sep):
            lead = len(part) - len(part.lstrip())
            cells.append((part.strip(), cpos + lead, cpos + lead + len(part.strip())))
            cpos += len(part) + len(sep)
        yield pos, pos + len(line.rstrip()), cells
        pos += len(line) + 1


def _pipe_table(doc_id: str, corpus: Corpus) -> list[_Found]:
    found, category = [], None
    for start, end, cells in _table_rows(doc_id, corpus, "|"):
        values = [c[0] for c in cells]
        if values and re.fullmatch(rf"[{_NUM_WORDS}]+、.+", _clean(values[0])) and len(values) > 2 \
                and values[1].isdigit():
            category = re.sub(r"\(\d+项\)$", "", _clean(values[0]).split("、", 1)[1])
            cells = cells[1:]
            values = values[1:]
        if len(values) < 4 or not values[0].isdigit():
            continue
        seq_cell, title, content, units = cells[0], cells[1], cells[2], cells[3]
        found.append(_Found(
            seq=int(seq_cell[0]), start=seq_cell[1], end=end, title_start=title[1], title_end=title[2],
            domain_zh=category, lead_units=_split_units(units[0]), text=_clean(content[0]),
        ))
    return found


def _tsv_table(doc_id: str, corpus: Corpus) -> list[_Found]:
    found = []
    for start, end, cells in _table_rows(doc_id, corpus, "\t"):
        values = [c[0] for c in cells]
        if len(values) < 4 or not values[0].isdigit():
            continue  # blank lines, the title line and the repeated header rows
        seq_cell, title, content, units = cells[0], cells[1], cells[2], cells[3]
        found.append(_Found(
            seq=int(seq_cell[0]), start=seq_cell[1], end=end, title_start=title[1], title_end=title[2],
            lead_units=_split_units(units[0]), text=_clean(content[0]),
        ))
    return found


_LAYOUTS = {"case-headings": _case_headings, "pipe-table": _pipe_table, "tsv-table": _tsv_table}


# ---------------------------------------------------------------------------------------- registry
def _reviewed() -> pd.DataFrame:
    with resources.files("ftzdata").joinpath("data/cases_reviewed.csv").open(encoding="utf-8") as f:
        return pd.read_csv(f, dtype=str, keep_default_na=False).set_index("case_id")


def _check_sequence(doc_id: str, corpus: Corpus, found: list[_Found], expected: int):
    seqs = [f.seq for f in found]
    if seqs != list(range(1, len(seqs) + 1)) or (expected and len(seqs) != expected):
        raise DocumentError(
            f"{corpus.path(doc_id)}: found cases numbered {seqs}; the manifest expects {expected} "
            "numbered 1..N — the document's structure changed"
        )


def _build_cases(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    docs = corpus.documents().set_index("doc_id")
    reviewed = _reviewed()
    rows = []
    for doc_id, doc in docs.iterrows():
        parse = _LAYOUTS.get(doc["layout"])
        if parse is None:
            continue
        found = parse(doc_id, corpus)
        _check_sequence(doc_id, corpus, found, int(doc["n_cases"]))
        original = corpus.text(doc_id)
        prefix = CASE_ID_PREFIX.get(doc_id, doc_id)
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
    return _typed(df), summ


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
        items = list(re.finditer(r"^案例(?P<seq>\d+):(?P<title>.+?)\((?P<zone>上海|广东|天津|福建)自贸试验区提供\)。?$",
                                 t, re.M))
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
def _cached(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
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
