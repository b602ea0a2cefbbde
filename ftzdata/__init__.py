"""ftzdata: the reform metrics of China's Pilot Free Trade Zones as tidy pandas dataframes.

    >>> import ftzdata
    >>> ftzdata.documents()      # the source documents under seeds/
    >>> ftzdata.cases()          # one row per reform case (67)
    >>> ftzdata.metrics()        # one row per reviewed effect claim, with its verbatim quote

Every number traces to a verbatim quote at known offsets of a document under ``seeds/``.
"""

from __future__ import annotations

from .cases import cases, summaries
from .consistency import consistency
from .metrics import metrics
from .corpus import Corpus, default_corpus, resolve
from .errors import (DocumentError, FtzDataError, FtzDataWarning, PlotDataError, ReviewError, UnknownValueError,
                     ValidationError)
from .vocab import zones
from .normalize import Normalized, normalize

__version__ = "0.1.0"

__all__ = [
    "documents", "document_text", "normalized_text", "cases", "summaries", "metrics", "consistency", "validate",
    "normalize", "Normalized",
    "zones", "Corpus", "DocumentError", "ReviewError", "FtzDataWarning", "FtzDataError", "PlotDataError", "UnknownValueError", "ValidationError", "__version__",
]


def documents(corpus: Corpus | str | None = None):
    """One row per source document: doc_id, titles, issuer, doc_number, date, script, kind, sha256,
    published (first day of the stated date), date_precision and n_chars."""
    return resolve(corpus).documents()


def document_text(doc_id: str, corpus: Corpus | str | None = None) -> str:
    """The original text of ``doc_id``, exactly as stored in the corpus (checked against its sha256)."""
    return resolve(corpus).text(doc_id)


def normalized_text(doc_id: str, corpus: Corpus | str | None = None) -> Normalized:
    """The text of ``doc_id`` prepared for parsing (``.text``), with ``.original_span(start, end)`` mapping
    any span of it back to the original; see :mod:`ftzdata.normalize`."""
    return resolve(corpus).normalized(doc_id)


def validate(df, corpus: Corpus | str | None = None):
    """Check ``df`` against the published metrics schema (pandera) and the corpus's cases and texts; returns
    it, or raises :class:`ValidationError` with one line per failing row and column. See
    :mod:`ftzdata.schema` (imported on first use: pandera takes a while to load)."""
    from .schema import validate as _validate

    return _validate(df, corpus)
