"""The extraction lexicon (``lexicon.yaml``), read once, and helpers that turn word lists into regex.

Every word list of :mod:`ftzdata.extract` lives in ``lexicon.yaml`` next to this module: change verbs by
direction, before/after markers, plan and target words, qualifiers and their English names, table
header words, numeral words, unit and per-unit words. Modules read :data:`LEX` (a plain dict) and build
their patterns from it; no module keeps a word list of its own.

Internal module.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import yaml

__all__ = ["LEX", "LEXICON_PATH", "load", "alt", "longest_first", "not_followed", "chars", "factor"]

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")


class LexiconError(ValueError):
    """``lexicon.yaml`` is missing a section or has a value of the wrong type."""


_SECTIONS = ("change_verbs", "before_after", "markers", "amount", "fold", "zero", "n_in_one", "doubling", "plan",
             "subject", "qualifiers", "numerals", "not_quantity", "per", "units", "count_surfaces",
             "count_factors", "count_names", "unit_labels")


def load(path: Path = LEXICON_PATH) -> dict:
    """The lexicon as a dict (``yaml.safe_load``); raises :class:`LexiconError` naming a missing section."""
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when present: 9× faster
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of sections, got {type(data).__name__}")
    missing = [s for s in _SECTIONS if not isinstance(data.get(s), dict)]
    if missing:
        raise LexiconError(f"{path}: missing or not a mapping: {', '.join(missing)}")
    return data


LEX: dict = load()


def alt(words) -> str:
    """Regex alternation of literal ``words`` in the given order (the order the grammar tries them)."""
    return "|".join(re.escape(w) for w in words)


def longest_first(words) -> list[str]:
    """``words`` sorted longest first (stable), so that an alternation prefers 个工作日 over 个."""
    return sorted(words, key=len, reverse=True)


def not_followed(mapping: dict) -> str:
    """Alternation of each ``word`` not followed by what makes it another word, from
    ``{word: "chars"}`` (any of these characters) or ``{word: [words]}`` (any of these words)."""
    parts = []
    for word, after in mapping.items():
        if isinstance(after, list):
            guard = f"(?!{alt(after)})" if after else ""
        else:
            guard = f"(?![{chars(after)}])" if after else ""
        parts.append(re.escape(word) + guard)
    return "|".join(parts)


def chars(s) -> str:
    """A character class body (escaped) from a string or list of single characters."""
    return "".join(re.escape(c) for c in ("".join(s) if not isinstance(s, str) else s))


def factor(v) -> float:
    """A unit factor written as a number or a fraction string (``"1/3600"``) → float."""
    if isinstance(v, str):
        return float(Fraction(v.replace(" ", "")))
    return float(v)
