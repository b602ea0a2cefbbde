"""In which order a build hands its reports to the workers: the longest first, by how long each took last time.

With two workers, a long report handed out last keeps one worker busy while the other has nothing left to
do; handing out the longest first (longest-processing-time scheduling) ends both workers at about the same
time. How long each report took is remembered per machine (its wall seconds, kernel start included), in
``report-seconds.json`` in the cache folder (:func:`ftzdata.fonts.cache_dir`; the last :data:`KEEP` reports
built); a report never built on this machine goes first, in the order given. The order changes no output:
each report is built on its own.
"""

from __future__ import annotations

import contextlib
import json
import math
from pathlib import Path

__all__ = ["longest_first", "remember"]

FILE = "report-seconds.json"
KEEP = 200  # reports remembered (the most recently built): the file stays small whatever is built here


def _path() -> Path:
    from ftzdata.fonts import cache_dir

    return cache_dir() / FILE


def _known() -> dict[str, float]:
    """Seconds per report name from the last builds on this machine ({} when unreadable)."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: float(v) for k, v in data.items() if isinstance(v, (int, float)) and math.isfinite(v)}


def longest_first(names: list[str]) -> list[int]:
    """The indices of ``names`` in the order to build them: unknown reports first (as given), then the
    known ones from the longest to the shortest (ties as given)."""
    known = _known()
    return sorted(range(len(names)), key=lambda i: (names[i] in known, -known.get(names[i], 0.0), i))


def remember(seconds: dict[str, float]) -> None:
    """Record how long each report just built took (name → seconds); nothing happens when the cache folder
    cannot be written."""
    if not seconds:
        return
    from ftzdata.atomic import atomic_write_bytes

    known = {k: v for k, v in _known().items() if k not in seconds}  # the ones just built go last: the newest
    known.update({k: round(v, 3) for k, v in seconds.items()})
    known = dict(list(known.items())[-KEEP:])
    with contextlib.suppress(OSError):
        _path().parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(_path(), json.dumps(known, indent=0, ensure_ascii=False).encode("utf-8"))
