"""The words of the dataset's values — kinds, units, ``per``, qualifiers with their caveats — in English and
Chinese, read once from ``ftzdata/data/terms.yaml``; counted nouns and long unit names from the extractor's
lexicon (``ftzdata/extract/lexicon.yaml``). Charts and reports take their words from here, so that each word
lives once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .datafiles import read_yaml

__all__ = ["terms", "word", "kind_words", "unit_words", "count_noun", "per_words", "qualifier"]


@lru_cache(maxsize=1)
def terms() -> dict:
    """The whole registry (a dict of sections)."""
    with resources.files("ftzdata").joinpath("data/terms.yaml").open(encoding="utf-8") as f:
        return read_yaml(f)


def _pair(section: str, key, default=None) -> tuple[str, str]:
    entry = terms()[section].get(key)
    if entry is None:
        return (default, default) if default is not None else (str(key), str(key))
    return entry["en"], entry["zh"]


def kind_words(kind) -> tuple[str, str]:
    """('Time', '时长') for ``duration``; the name itself for an unknown kind."""
    return _pair("kinds", str(kind))


def unit_words(unit) -> tuple[str, str]:
    """Short words after a value: ('h', '小时') for ``h``."""
    return _pair("units", str(unit))


def unit_long(unit) -> str | None:
    """The English name of a canonical unit ('hours'), or None."""
    from ftzdata.extract.lexicon import LEX

    entry = LEX["unit_labels"].get(str(unit))
    return str(entry[0]) if entry else None


def count_noun(zh: str) -> str:
    """English of a counted noun (项 → item); the noun itself if unknown."""
    from ftzdata.extract.lexicon import LEX

    return str(LEX["count_names"].get(zh, zh))


def per_words(per: str) -> tuple[str, str]:
    """('per container', '每集装箱'); for an unknown key ('per <key>', the key)."""
    entry = terms()["per"].get(per)
    return (entry["en"], entry["zh"]) if entry else (f"per {per}", per)


def qualifier(name: str) -> dict | None:
    """The registry entry of a qualifier (en, zh, marker, caveat_en, caveat_zh), or None."""
    return terms()["qualifiers"].get(name)


def word(section: str, key) -> tuple[str, str]:
    """(en, zh) of any ``key`` of a section with en/zh entries."""
    return _pair(section, key)
