"""ftzdata: the reform metrics of China's Pilot Free Trade Zones as tidy pandas dataframes.

    >>> import ftzdata
    >>> ftzdata.documents()      # the source documents under seeds/
    >>> ftzdata.cases()          # one row per reform case (67)
    >>> ftzdata.metrics()        # one row per reviewed effect claim, with its verbatim quote

Every number traces to a verbatim quote at known offsets of a document under ``seeds/``.
"""

from __future__ import annotations

from .errors import (DocumentError, FtzDataError, FtzDataWarning, PlotDataError, ReviewError, UnknownValueError,
                     ValidationError)
from .lazy import make_lazy

__version__ = "0.1.0"

#: Public names and the module each comes from, imported on first use: ``import ftzdata`` itself loads no
#: pandas (0.3 s), so the command line starts its work at once (see :mod:`ftzdata.cli`).
_LAZY = {"cases": "cases", "summaries": "cases", "consistency": "consistency", "metrics": "metrics",
         "Corpus": "corpus", "default_corpus": "corpus", "resolve": "corpus", "zones": "vocab",
         "normalize": "normalize", "Normalized": "normalize"}


make_lazy(__name__)

__all__ = [
    "documents", "document_text", "normalized_text", "cases", "summaries", "metrics", "consistency", "validate",
    "normalize", "Normalized",
    "zones", "Corpus", "DocumentError", "ReviewError", "FtzDataWarning", "FtzDataError", "PlotDataError", "UnknownValueError", "ValidationError", "__version__",
]


def documents(corpus: Corpus | str | None = None):
    """One row per source document: doc_id, titles, issuer, doc_number, date, script, kind, sha256,
    published (first day of the stated date), date_precision and n_chars."""
    from .corpus import resolve

    return resolve(corpus).documents()


def document_text(doc_id: str, corpus: Corpus | str | None = None) -> str:
    """The original text of ``doc_id``, exactly as stored in the corpus (checked against its sha256)."""
    from .corpus import resolve

    return resolve(corpus).text(doc_id)


def normalized_text(doc_id: str, corpus: Corpus | str | None = None) -> Normalized:
    """The text of ``doc_id`` prepared for parsing (``.text``), with ``.original_span(start, end)`` mapping
    any span of it back to the original; see :mod:`ftzdata.normalize`."""
    from .corpus import resolve

    return resolve(corpus).normalized(doc_id)


def validate(df, corpus: Corpus | str | None = None):
    """Check ``df`` against the published metrics schema (pandera) and the corpus's cases and texts; returns
    it, or raises :class:`ValidationError` with one line per failing row and column. See
    :mod:`ftzdata.schema` (imported on first use: pandera takes a while to load)."""
    from .schema import validate as _validate

    return _validate(df, corpus)
