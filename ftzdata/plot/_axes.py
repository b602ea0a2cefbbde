"""Axis scales and tick labels readers understand: durations in min/h/days, plain numbers on log axes."""

from __future__ import annotations

import math

from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator, NullLocator

from . import labels as L

_MIN, _H, _D = 1 / 60, 1.0, 24.0
MAX_TICKS = 6  # on a panel about 3 in wide
DURATION_TICKS = [_MIN, 5 * _MIN, 15 * _MIN, _H, 3 * _H, 8 * _H, _D, 3 * _D, 7 * _D, 30 * _D, 90 * _D, 365 * _D,
                  3 * 365 * _D]


def _nice_log_ticks(lo: float, hi: float) -> list[float]:
    """1, 2, 5 × 10^k between lo and hi (fewer when the span is wide)."""
    k0, k1 = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    subs = (1, 2, 5) if k1 - k0 <= 2 else (1, 3) if k1 - k0 <= 3 else (1,)
    ticks = [s * 10**k for k in range(k0, k1 + 1) for s in subs]
    return [v for v in ticks if lo <= v <= hi]


def log_limits(values, pad: float = 1.6) -> tuple[float, float]:
    pos = [v for v in values if v > 0]
    lo, hi = min(pos), max(pos)
    return lo / pad, hi * pad


def duration_axis(ax, lo: float, hi: float, lang: str, axis: str = "x") -> None:
    """Log axis in hours with ticks at 1 min, 5 min, 15 min, 1 h, 3 h, 12 h, 1 day, …"""
    set_lim = ax.set_xlim if axis == "x" else ax.set_ylim
    a = ax.xaxis if axis == "x" else ax.yaxis
    (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
    set_lim(lo, hi)
    ticks = [v for v in DURATION_TICKS if lo <= v <= hi]
    if len(ticks) < 3:
        ticks = _nice_log_ticks(lo, hi)
    ticks = ticks[::-(-len(ticks) // MAX_TICKS)]  # labels such as "15 min" need ~0.5 in each
    a.set_major_locator(FixedLocator(ticks))
    a.set_minor_locator(NullLocator())
    a.set_major_formatter(FuncFormatter(lambda v, _pos: L.fmt_duration(v, lang, day_from=24.0)))


def log_axis(ax, lo: float, hi: float, fmt=None, axis: str = "x") -> None:
    """Log axis with plain-number ticks (1, 2, 5, 10 …)."""
    (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
    (ax.set_xlim if axis == "x" else ax.set_ylim)(lo, hi)
    a = ax.xaxis if axis == "x" else ax.yaxis
    a.set_major_locator(FixedLocator(_nice_log_ticks(lo, hi)))
    a.set_minor_locator(NullLocator())
    a.set_major_formatter(FuncFormatter(fmt or (lambda v, _pos: L.num(v))))


def linear_axis(ax, lo: float, hi: float, fmt=None, axis: str = "x") -> None:
    span = (hi - lo) or abs(hi) or 1.0
    (ax.set_xlim if axis == "x" else ax.set_ylim)(min(0, lo - 0.08 * span), hi + 0.08 * span)
    a = ax.xaxis if axis == "x" else ax.yaxis
    a.set_major_locator(MaxNLocator(6))
    a.set_major_formatter(FuncFormatter(fmt or (lambda v, _pos: L.num(v))))


def wants_log(values) -> bool:
    pos = [v for v in values if v > 0]
    return bool(pos) and max(pos) / min(pos) >= 8


def rows_axis(ax, ys=None, labels=None, top: float = -0.5, **tick_kw) -> None:
    """One labelled row per item from the top down (``ys`` 0, 1, 2 …), no y ticks, vertical grid lines
    behind the data. ``top``: the upper y limit (more negative leaves room above the first row)."""
    if ys is not None:
        ax.set_yticks(ys, labels=labels, **tick_kw)
        ax.set_ylim(len(ys) - 0.5, top)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", zorder=0)
    ax.set_axisbelow(True)
