"""Reading the package's YAML data files (vocabularies, word lists), with libyaml's fast loader when present."""

from __future__ import annotations

import yaml

__all__ = ["read_yaml"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # safe either way; the C one is ~10x faster


def read_yaml(stream):
    """``yaml.safe_load(stream)`` (a str or an open text file), through the C loader if libyaml is there."""
    return yaml.load(stream, Loader=_LOADER)
