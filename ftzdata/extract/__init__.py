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

import importlib
import sys
import types

#: Public name → the submodule that defines it.
_PUBLIC = {
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
    from .windows import by_window

    q, c = by_window(text, _both, [_public("empty_quantities"), _public("empty_claims")])
    return q, c


def _both(doc) -> list:
    from .claims import claims_frame, find_claims
    from .quantities import quantities_frame, scan_quantities

    qs = scan_quantities(doc)
    return [quantities_frame(doc, qs), claims_frame(doc, find_claims(doc, qs))]


def _public(name: str):
    return getattr(importlib.import_module(f"{__name__}.{_PUBLIC[name]}"), name)


class _Package(types.ModuleType):
    """This package, whose public names load on first use. ``claims`` and ``quantities`` are both a
    function and the submodule defining it: importing the submodule (``from ftzdata.extract.claims import
    …``) makes Python set the package's attribute to the module, which this keeps the function instead."""

    def __getattr__(self, name: str):
        if name not in _PUBLIC:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = _public(name)
        setattr(self, name, value)
        return value

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and _PUBLIC.get(name) == name:
            value = getattr(value, name)  # the submodule claims → the function claims
        super().__setattr__(name, value)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(_PUBLIC))


sys.modules[__name__].__class__ = _Package
