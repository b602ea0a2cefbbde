"""Extraction engine: quantities and effect claims from Pilot Free Trade Zone texts.

- :func:`quantities` — every number with a unit (see :mod:`ftzdata.extract.quantities`).
- :func:`claims` — effect claims: before/after, amount or share of change (see :mod:`ftzdata.extract.claims`).
- :func:`extract` — both with a single normalisation (faster on large corpora).
- :func:`parse_number` — a numeral string to ``(low, high)`` (see :mod:`ftzdata.extract.numbers`).
- :data:`UNITS` — the unit table (see :mod:`ftzdata.extract.units`).
- ``lexicon.yaml`` — every word list the engine uses (verbs, markers, plan words, qualifiers, numerals,
  units), read once by :mod:`ftzdata.extract.lexicon`.

All offsets are into the text passed in (Traditional characters and markup are normalised inside).

The public names load their modules on first use: reading the lexicon alone (the reports' labels do, through
:mod:`ftzdata.terms`) does not compile the grammar (~0.1 s).
"""

from __future__ import annotations

from ..lazy import make_lazy

#: Public names and the submodule each comes from, imported on first use (see :mod:`ftzdata.lazy`).
_LAZY = {
    "claims": "claims", "claims_frame": "claims", "empty_claims": "claims", "find_claims": "claims",
    "CLAIM_COLUMNS": "claims",
    "quantities": "quantities", "quantities_frame": "quantities", "empty_quantities": "quantities",
    "scan_quantities": "quantities", "QUANTITY_COLUMNS": "quantities", "QUALIFIER_ORDER": "quantities",
    "Doc": "document", "parse_number": "numbers", "UNITS": "units", "Unit": "units", "unit_label": "units",
    "by_window": "windows",
}

__all__ = ["quantities", "claims", "extract", "parse_number", "UNITS", "Unit", "unit_label", "QUANTITY_COLUMNS",
           "CLAIM_COLUMNS", "QUALIFIER_ORDER"]


def extract(text: str):
    """``(quantities(text), claims(text))`` computed with one normalisation and one number scan (a long text
    window by window, see :mod:`.windows`)."""
    from .claims import empty_claims
    from .quantities import empty_quantities
    from .windows import by_window

    q, c = by_window(text, _both, [empty_quantities, empty_claims])
    return q, c


def _both(doc) -> list:
    from .claims import claims_frame, find_claims
    from .quantities import quantities_frame, scan_quantities

    qs = scan_quantities(doc)
    return [quantities_frame(doc, qs), claims_frame(doc, find_claims(doc, qs))]


make_lazy(__name__)
