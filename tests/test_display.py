"""What a reader sees first: a bare ``ftzdata.metrics()`` or ``ftzdata.cases()`` in a notebook shows the
case, zone, what was measured and the values, not ids and offsets; the documentation follows the same order."""

from __future__ import annotations

import re

import pandas as pd

import ftzdata
from conftest import ROOT
from ftzdata.dictionary import COLUMNS

FIRST_SCREEN = {"metrics": ["case_id", "zone", "label_en", "before", "after", "unit", "change", "change_pct"],
                "cases": ["case_id", "title_en", "title_zh_hans", "zone", "domain", "published"]}


def _shown_columns(df: pd.DataFrame) -> list[str]:
    """The column names pandas shows with Jupyter's default display options (20 columns, middle elided)."""
    with pd.option_context("display.max_columns", 20, "display.width", 100_000, "display.max_rows", 10):
        header = repr(df).splitlines()[0]
    return header.split()


def test_a_bare_metrics_shows_what_an_economist_reads_first():
    m = ftzdata.metrics()
    shown = _shown_columns(m)
    assert shown[: len(FIRST_SCREEN["metrics"])] == FIRST_SCREEN["metrics"]
    assert "..." in shown and {"quote", "doc_id"} <= set(shown)  # provenance at the end, still on screen
    assert shown.index("quote") > shown.index("...")


def test_a_bare_cases_shows_titles_first_and_its_text_last():
    c = ftzdata.cases()
    shown = _shown_columns(c)
    assert shown[: len(FIRST_SCREEN["cases"]) + 1] == FIRST_SCREEN["cases"][:4] + ["area"] + FIRST_SCREEN["cases"][4:]
    assert list(c.columns)[-1] == "text"


def _readme_table(heading: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split(heading, 1)[1].split("\n\n", 2)[1]
    return [name for row in block.splitlines() for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])]


def test_every_column_is_kept_and_documented_in_the_order_shown():
    m, c = ftzdata.metrics(), ftzdata.cases()
    assert list(COLUMNS["metrics"]) == list(m.columns)
    assert list(COLUMNS["cases"]) == list(c.columns)
    assert _readme_table("### Data dictionary: `ftzdata.metrics()`") == list(m.columns)
    documented = set(_readme_table("## Data dictionary: `ftzdata.cases()`")) | {"title_start", "title_end"}
    assert documented == set(c.columns)  # the offsets of the title are described in title_zh's row
