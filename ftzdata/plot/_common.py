"""Input checks shared by the chart functions."""

from __future__ import annotations

import pandas as pd

from ftzdata.errors import PlotDataError, UnknownValueError


def require_frame(data, name: str, columns) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise PlotDataError(f"{name} must be a pandas DataFrame (e.g. ftzdata.{name}()), not {type(data).__name__}")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        hint = " (a long-format frame? pass ftzdata.metrics(), not long=True)" if "phase" in data.columns else ""
        raise PlotDataError(f"{name} lacks the column(s) {', '.join(missing)}{hint}")
    return data


def check_choice(what: str, value, allowed) -> None:
    if value not in allowed:
        raise UnknownValueError(what, value, allowed)


def both_values(data: pd.DataFrame, name: str = "metrics") -> pd.DataFrame:
    """Rows with both a before and an after value; a clear error when there are none."""
    both = data[data["before"].notna() & data["after"].notna()]
    if both.empty:
        raise PlotDataError(
            f"no claim in {name} ({len(data)} rows) states both a before and an after value: nothing to draw"
        )
    return both


def cols_for(width_in: float, size_pt: float) -> int:
    """How many Latin columns of text fit in ``width_in`` inches at ``size_pt`` points (CJK = 2 columns)."""
    return max(10, int(width_in * 72 / (0.52 * size_pt)))
