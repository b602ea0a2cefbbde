"""Extraction engine: quantities and effect claims from Pilot Free Trade Zone texts.

- :func:`quantities` — every number with a unit (see :mod:`ftzdata.extract.quantities`).
- :func:`claims` — effect claims: before/after, amount or share of change (see :mod:`ftzdata.extract.claims`).
- :func:`extract` — both with a single normalisation (faster on large corpora).
- :func:`parse_number` — a numeral string to ``(low, high)`` (see :mod:`ftzdata.extract.numbers`).
- :data:`UNITS` — the unit table (see :mod:`ftzdata.extract.units`).
- ``lexicon.yaml`` — every word list the engine uses (verbs, markers, plan words, qualifiers, numerals,
  units), read once by :mod:`ftzdata.extract.lexicon`.

All offsets are into the text passed in (Traditional characters and markup are normalised inside).
"""

from __future__ import annotations

import pandas as pd

from .claims import CLAIM_COLUMNS, claims, claims_frame, empty_claims, find_claims
from .document import Doc
from .numbers import parse_number
from .quantities import (QUALIFIER_ORDER, QUANTITY_COLUMNS, empty_quantities, quantities, quantities_frame,
                         scan_quantities)
from .units import UNITS, Unit, unit_label
from .windows import by_window

__all__ = ["quantities", "claims", "extract", "parse_number", "UNITS", "Unit", "unit_label", "QUANTITY_COLUMNS",
           "CLAIM_COLUMNS", "QUALIFIER_ORDER"]


def extract(text: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(quantities(text), claims(text))`` computed with one normalisation and one number scan (a long text
    window by window, see :mod:`.windows`)."""
    q, c = by_window(text, _both, [empty_quantities, empty_claims])
    return q, c


def _both(doc: Doc) -> list[pd.DataFrame]:
    qs = scan_quantities(doc)
    return [quantities_frame(doc, qs), claims_frame(doc, find_claims(doc, qs))]
