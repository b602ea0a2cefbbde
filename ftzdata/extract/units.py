"""Unit table: every Chinese unit word the extractor knows, with its canonical unit and factor.

``UNITS[surface] = Unit(canonical, dimension, factor, en, zh)``; a value in the surface unit times
``factor`` is the value in the canonical unit.

Canonical units
    duration  ``h`` (hours).  秒 1/3600, 分钟 1/60, 小时 1, 天/日 24, 工作日 24 (a working day is
              converted like a calendar day, 24 h, and the quantity's qualifier says
              ``working days``), 周/星期 168, 个月 730 (365/12 days), 年 8760.
    money     ``CNY`` (yuan; 万/亿 are numeral multipliers: 万元 → ×1e4), ``USD`` (美元),
              ``HKD`` (港元/港币), ``EUR`` (欧元).
    count     ``count:<classifier>``: the Chinese classifier or counted noun is kept, e.g.
              ``count:项``, ``count:家``, ``count:次``, ``count:标箱``, ``count:人次``, ``count:步``
              (步/步骤), ``count:个`` (generic classifier).  万/亿 go into the value: 4488.9万人次 →
              44 889 000 ``count:人次``.
    ratio     ``%`` (percent; fractions such as 三分之一 become 33.33 %, 五成 50 %), ``pp`` (个百分点), ``times`` (倍).
    area      ``m2`` (平方米; 平方公里 ×1e6, 亩 ×666.67, 公顷 ×1e4).
    other     ``t`` (吨), ``km`` (公里/千米), ``m3`` (立方米).
"""

from __future__ import annotations

from typing import NamedTuple

from .lexicon import LEX, factor

__all__ = ["Unit", "UNITS", "UNIT_SURFACES", "PER_WORDS", "unit_label", "DIMENSIONS"]

DIMENSIONS = ("duration", "count", "money", "ratio", "area", "other")


class Unit(NamedTuple):
    canonical: str
    dimension: str
    factor: float
    en: str
    zh: str


def _build_units() -> dict[str, Unit]:
    """Surface → Unit from the lexicon's ``units`` and ``count_surfaces`` (in that order)."""
    out: dict[str, Unit] = {}
    for surface, (canonical, dimension, f, en, zh) in LEX["units"].items():
        out[str(surface)] = Unit(str(canonical), str(dimension), factor(f), str(en), str(zh))
    names = LEX["count_names"]
    for surface, zh in LEX["count_surfaces"].items():
        out[str(surface)] = Unit(f"count:{zh}", "count", factor(LEX["count_factors"].get(surface, 1)), names[zh], zh)
    return out


UNITS: dict[str, Unit] = _build_units()
_COUNT_EN: dict[str, str] = dict(LEX["count_names"])

# Longest first, so that the regex alternation prefers 个工作日 over 个 and 万人次 over 人次.
UNIT_SURFACES = sorted(UNITS, key=len, reverse=True)

# Per-unit words: 每<word> / <word>均 / "/<word>" → English label of the ``per`` column.
PER_WORDS: dict[str, str] = {str(k): str(v) for k, v in LEX["per"]["words"].items()}
_LABELS: dict[str, tuple[str, str]] = {str(k): (str(v[0]), str(v[1])) for k, v in LEX["unit_labels"].items()}


def unit_label(canonical: str, lang: str = "en") -> str:
    """Short label of a canonical unit (``"h"`` → ``"hours"``; ``"count:项"`` → ``"item"`` / ``"项"``)."""
    if canonical in _LABELS:
        return _LABELS[canonical][0 if lang == "en" else 1]
    if canonical.startswith("count:"):
        zh = canonical[6:]
        return _COUNT_EN.get(zh, zh) if lang == "en" else zh
    return canonical
