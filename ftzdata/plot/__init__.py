"""Charts of the metrics, cases and documents: each function returns a matplotlib Figure.

    >>> import ftzdata, ftzdata.plot as fp
    >>> fig = fp.before_after(ftzdata.metrics(zone="Fujian"), lang="zh")
    >>> fp.save(fig, "before_after-Fujian", dir="figures")   # figures/before_after-Fujian.png + .svg

Conventions (as seaborn): the data first, ``hue`` where colour encodes a column, ``lang`` ("en" or "zh")
for every word on the chart, ``ax`` where the chart is one axes (:func:`ratios`, :func:`coverage`).
Each zone always has the same colour (:data:`theme.ZONE_COLORS`, Okabe–Ito). The global rcParams are
never changed. Unsuitable input raises :class:`PlotDataError` or :class:`ftzdata.UnknownValueError`
(both ``ValueError``).
"""

from __future__ import annotations

from ._common import PlotDataError
from .before_after import before_after
from .change_pct import change_pct
from .coverage import coverage
from .ratios import ratios
from .save import save
from .theme import DOMAIN_COLORS, ZONE_COLORS
from .timeline import timeline

__all__ = ["before_after", "change_pct", "ratios", "coverage", "timeline", "save", "PlotDataError",
           "ZONE_COLORS", "DOMAIN_COLORS"]
