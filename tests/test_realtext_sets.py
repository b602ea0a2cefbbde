"""The real-text development sets (benchmarks/realtext/batch*) are well formed: what the benchmark scores
and what a reader checks a source against must parse as the files say."""

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = sorted(p for p in (ROOT / "benchmarks" / "realtext").iterdir() if (p / "gold.csv").is_file())
GOLD_HEADER = ["file", "quote", "kind", "before_low", "before_high", "after_low", "after_high", "change_low",
               "change_high", "change_pct_low", "change_pct_high", "unit", "per", "qualifier", "note"]
SOURCE_HEADER = ["file", "title", "issuer", "date", "url", "notes"]


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [r for r in rows[1:] if r]


def test_there_are_sets():
    assert len(SETS) >= 80


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_a_set_parses_and_every_quote_is_in_its_document(folder):
    docs = {p.name for p in (folder / "docs").iterdir() if p.suffix == ".txt"}
    header, gold = _rows(folder / "gold.csv")
    assert header == GOLD_HEADER, folder
    for row in gold:
        assert len(row) == len(GOLD_HEADER), (folder.name, row[:2])
        assert row[0] in docs, (folder.name, row[0])
        assert row[1] in (folder / "docs" / row[0]).read_text(encoding="utf-8"), (folder.name, row[0], row[1])
        for cell in row[3:11]:
            if cell:
                float(cell)  # a value is a number or empty
    header, sources = _rows(folder / "sources.csv")
    assert header == SOURCE_HEADER, folder
    bad = [r[0] for r in sources if len(r) != len(SOURCE_HEADER)]
    assert not bad, f"{folder.name}/sources.csv: rows with {len(SOURCE_HEADER)} fields expected (a comma not quoted?): {bad}"
    assert docs <= {r[0] for r in sources}, (folder.name, sorted(docs - {r[0] for r in sources}))
