"""The fixed vocabularies — zones, their areas (片区) and reform domains — read once from the package's data.

``ftzdata/data/zones.csv`` (all 22 pilot FTZs and the Hainan Free Trade Port), ``areas.csv`` (every area,
with the zone it belongs to) and ``domains.csv`` are the only place these names live: case zone and area
detection, the schema's categories, filters and their error messages, chart labels and colours, and
report parameters all derive from them. :func:`zones` returns them as one dataframe with establishment
dates and the source of each date.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .errors import UnknownValueError

if TYPE_CHECKING:
    import pandas as pd  # only :func:`zones` needs it: importing the vocabulary stays light

__all__ = ["ZONES", "DOMAINS", "DOMAIN_ALIASES", "AREAS", "zones", "zone_of", "area_of", "domain_of", "areas_of",
           "area_zh_of", "check_zone", "zones_named", "zone_mentions", "main_zone", "areas_named", "ZONE_COLUMNS"]


class _Table(dict):
    """A CSV of the package's data as columns (header → list of stripped strings, file order) and rows."""

    def __init__(self, name: str):
        with resources.files("ftzdata").joinpath(f"data/{name}").open(encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = [h.strip() for h in next(reader)]
            pad = [""] * len(header)  # a short row's missing cells are empty, as pandas reads them
            rows = [([cell.strip() for cell in row] + pad)[:len(header)] for row in reader if row]
        super().__init__({h: [r[i] for r in rows] for i, h in enumerate(header)})
        self.records = [dict(zip(header, r)) for r in rows]


def _read(name: str) -> _Table:
    return _Table(name)


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


_ZONES = _read("zones.csv")
_AREAS = _read("areas.csv")
_DOMAINS = _read("domains.csv")

ZONES: dict[str, str] = dict(zip(_ZONES["zone"], _ZONES["zone_zh"]))  # English -> Chinese, vocabulary order
DOMAINS: dict[str, str] = dict(zip(_DOMAINS["domain"], _DOMAINS["domain_zh"]))
DOMAIN_ALIASES: dict[str, str] = {}  # domain as written (Simplified) -> the vocabulary's English name
for _d, _zh, _aliases in zip(_DOMAINS["domain"], _DOMAINS["domain_zh"], _DOMAINS["aliases_zh"]):
    for _a in [_zh, *_split(_aliases)]:
        DOMAIN_ALIASES.setdefault(_a, _d)
AREAS: dict[str, str] = {}  # area as written (Simplified, short) -> English
for _zh, _en in zip(_AREAS["area_zh"], _AREAS["area"]):
    AREAS.setdefault(_zh, _en)


def _zone_names() -> dict[str, str]:
    """Every way of naming a zone (English, case-folded; Chinese; full names; aliases) -> zone."""
    out: dict[str, str] = {}
    for r in _ZONES.records:
        for name in [r["zone"].casefold(), r["zone_zh"], r["name_zh"], r["name_en"].casefold(),
                     *_split(r["aliases_zh"])]:
            if name:
                out.setdefault(name, r["zone"])
    return out


_ZONE_NAMES = _zone_names()


def zone_of(name) -> str | None:
    """The zone ``name`` refers to (Fujian, fujian, 福建, 中国(福建)自由贸易试验区, 福建自贸区 …), or None."""
    if not isinstance(name, str):
        return None
    key = name.strip()
    return _ZONE_NAMES.get(key) or _ZONE_NAMES.get(key.casefold()) or _ZONE_NAMES.get(
        key.replace("（", "(").replace("）", ")"))


def check_zone(name, what: str = "zone") -> str:
    """:func:`zone_of`, or :class:`UnknownValueError` listing the zones."""
    zone = zone_of(name)
    if zone is None:
        raise UnknownValueError(what, name, [f"{en} ({zh})" for en, zh in ZONES.items()])
    return zone


def _area_names() -> dict[tuple[str, str], str]:
    out = {}
    for r in _AREAS.records:
        for name in [r["area_zh"], r["name_zh"], r["area"].casefold(), *_split(r["aliases_zh"])]:
            if name:
                out.setdefault((r["zone"], name), r["area"])
    return out


_AREA_NAMES = _area_names()


def area_of(name: str, zone: str | None = None) -> str | None:
    """The English name of the area ``name`` (南沙, 南沙片区, Nansha) in ``zone`` (any zone if None)."""
    if not isinstance(name, str) or not name.strip():
        return None
    key = name.strip()
    for (z, n), area in _AREA_NAMES.items():
        if (zone is None or z == zone) and (n == key or n == key.casefold()):
            return area
    return None


def areas_of(zone: str | None) -> list[str]:
    """The English names of ``zone``'s areas, in file order."""
    return [a for z, a in zip(_AREAS["zone"], _AREAS["area"]) if z == zone]


def area_zh_of(area: str | None, zone: str | None = None) -> str | None:
    """The short Chinese name of ``area``."""
    for z, a, zh in zip(_AREAS["zone"], _AREAS["area"], _AREAS["area_zh"]):
        if a == area and (zone is None or z == zone):
            return zh
    return None


def domain_of(written: str | None) -> str | None:
    """The vocabulary's domain for a heading as written (贸易便利化, 深化投资管理体制改革 …), or None."""
    if not written:
        return None
    if written in DOMAIN_ALIASES:
        return DOMAIN_ALIASES[written]
    hits = [a for a in DOMAIN_ALIASES if a in written]
    return DOMAIN_ALIASES[max(hits, key=len)] if hits else None


@lru_cache(maxsize=1)
def _zone_patterns() -> list[tuple[str, str]]:
    """Chinese names of three characters or more that identify a zone in running text, longest first: the zones'
    names and aliases, and the areas' full names and aliases (广州南沙新区片区, 南沙自贸片区), not an area's bare short
    name, which may be a common phrase (Beijing's 科技创新, 高端产业; Tianjin's 中心商务)."""
    names = [(n, z) for n, z in _ZONE_NAMES.items() if len(n) > 2 and any("\u4e00" <= ch <= "\u9fff" for ch in n)]
    names += [(n, r["zone"]) for r in _AREAS.records for n in [r["name_zh"], *_split(r["aliases_zh"])]
              if n and len(n) >= 4 and any("\u4e00" <= ch <= "\u9fff" for ch in n)]
    return sorted(set(names), key=lambda p: (-len(p[0]), p))


def zones_named(text: str) -> list[str]:
    """The zones ``text`` (Simplified) names as free trade zones (福建自贸试验区, 中国(湖北)自由贸易试验区 …) or
    by an area's full name (广州南沙新区片区, 海南自由贸易港), in vocabulary order; a bare province name (福建)
    counts only as part of such a name."""
    text = text.replace("（", "(").replace("）", ")")
    found = {z for n, z in _zone_patterns() if n in text}
    return [z for z in ZONES if z in found]


@lru_cache(maxsize=1)
def _zone_name_re() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern of :func:`_zone_patterns` (longest first: the longest name at a place wins), and name → zone."""
    names = dict(_zone_patterns())
    return re.compile("|".join(map(re.escape, names))), names


def zone_mentions(text: str) -> dict[str, int]:
    """How many times ``text`` (Simplified) names each zone, by the names :func:`zones_named` reads (the longest
    name at each place, each place counted once), in vocabulary order."""
    pattern, names = _zone_name_re()
    counts: dict[str, int] = {}
    for m in pattern.finditer(text.replace("（", "(").replace("）", ")")):
        counts[names[m.group()]] = counts.get(names[m.group()], 0) + 1
    return {z: counts[z] for z in ZONES if z in counts}


#: A text that names several zones is about the one it names most when that one is named at least MAIN_ZONE_MIN
#: times and MAIN_ZONE_RATIO times as often as any other (a report on Qianhai that compares it with Shanghai once).
MAIN_ZONE_MIN, MAIN_ZONE_RATIO = 3, 3


def main_zone(text: str) -> str | None:
    """The zone ``text`` (Simplified) is about: the one it names, or, of several, the one it names far more often
    than the others (see :data:`MAIN_ZONE_RATIO`); None when it names none, or several about equally."""
    counts = sorted(zone_mentions(text).items(), key=lambda kv: -kv[1])
    if not counts:
        return None
    if len(counts) == 1:
        return counts[0][0]
    (top, n), (_, second) = counts[0], counts[1]
    return top if n >= MAIN_ZONE_MIN and n >= MAIN_ZONE_RATIO * second else None


def areas_named(text: str, zone: str) -> list[str]:
    """The areas of ``zone`` that ``text`` names (short names such as 南沙 included), in file order."""
    found = []
    for (z, n), area in _AREA_NAMES.items():
        if z == zone and len(n) >= 2 and n in text and area not in found:
            found.append(area)
    return found


ZONE_COLUMNS = ["zone", "zone_zh", "level", "area", "area_zh", "area_kind", "name_en", "name_zh", "kind",
                "approved", "approved_source", "launched", "launched_source", "published", "published_source",
                "area_km2", "area_source", "aliases_zh", "notes"]
DATE_COLUMNS = ("approved", "launched", "published")


def zones() -> pd.DataFrame:
    """Every zone and area: names (English, Chinese, aliases), kind, establishment dates with their sources.

    One row per zone (``level`` = zone) followed by its areas (``level`` = area), in vocabulary order.
    ``approved`` is the date of the State Council notice issuing the zone's plan, ``launched`` the official
    launch (挂牌), ``published`` the day the plan was made public; each has a ``*_source`` column, and a date
    no source confirms is empty (see ``notes``). A treatment-timing table for difference-in-differences:
    ``zones().query("level == 'zone'")[["zone", "approved", "launched", "published"]]``.
    """
    import pandas as pd

    zones_df, areas_df = pd.DataFrame(dict(_ZONES)), pd.DataFrame(dict(_AREAS))
    z = zones_df.assign(level="zone", area="", area_zh="", area_kind="")
    a = areas_df.rename(columns={"kind": "area_kind"}).merge(zones_df[["zone", "zone_zh", "kind"]], on="zone",
                                                             how="left").assign(level="area")
    a["name_en"] = a["area"]
    order = {zone: i for i, zone in enumerate(ZONES)}
    df = pd.concat([z, a], ignore_index=True)
    df = df.assign(_z=df["zone"].map(order), _l=(df["level"] == "area").astype(int))
    df = df.sort_values(["_z", "_l"], kind="stable").drop(columns=["_z", "_l"])
    for col in ZONE_COLUMNS:
        if col not in df.columns:
            df[col] = ""
    df = df[ZONE_COLUMNS].fillna("").replace({"": None}).reset_index(drop=True)
    for col in DATE_COLUMNS:
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d")
    df["area_km2"] = pd.to_numeric(df["area_km2"])
    df["zone"] = pd.Categorical(df["zone"], categories=list(ZONES))
    df["level"] = pd.Categorical(df["level"], categories=["zone", "area"])
    df.attrs.update(
        title="China's Pilot Free Trade Zones and the Hainan Free Trade Port, with their areas",
        source="ftzdata/data/zones.csv, ftzdata/data/areas.csv (each date with its source in a column; "
               "see ftzdata/data/zones_SOURCES.md)",
        description="One row per zone and per area (片区): names, kind, State Council approval, launch and "
                    "publication dates.",
    )
    return df
