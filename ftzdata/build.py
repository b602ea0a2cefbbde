"""The main job: build every output from a corpus — the bundled seeds by default (``bash run.sh build``).

``python -m ftzdata.build [--out DIR] [--corpus DIR]`` writes the dataset to ``DIR/data`` (default ``reports/``):
CSV and Parquet for every table, Stata ``.dta`` for metrics, cases and documents, one Excel workbook,
and a Frictionless ``datapackage.json`` whose fields carry descriptions and units.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from . import __version__
from .cases import cases, summaries
from .consistency import consistency
from .corpus import Corpus, resolve
from .dictionary import COLUMNS, TITLES, UNITS_NOTE
from .errors import FtzDataError
from .export import atomic_write_bytes, to_csv_bytes, to_excel_bytes, to_parquet_bytes, to_stata_bytes
from .metrics import metrics
from .review import check_review
from .schema import validate
from .vocab import zones

STATA_TABLES = ("metrics", "cases", "documents")


def tables(corpus: Corpus | str | None = None, strict: bool = False) -> dict[str, pd.DataFrame]:
    """The published tables by name. ``strict``: a reviewed decision that cannot be applied, or a metrics
    row that fails the schema or its quote, is an error (as in ``build``), not a warning."""
    corpus = resolve(corpus)
    check_review(corpus, strict=strict)
    m = metrics(corpus=corpus)
    if strict:
        validate(m, corpus=corpus)
    return {"metrics": m, "cases": cases(corpus), "documents": corpus.documents(),
            "summaries": summaries(corpus), "consistency": consistency(corpus), "zones": zones()}


def _field_type(s: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(s):
        return "boolean"
    if pd.api.types.is_integer_dtype(s):
        return "integer"
    if pd.api.types.is_float_dtype(s):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(s):
        return "date"
    return "string"


def datapackage(frames: dict[str, pd.DataFrame]) -> dict:
    """A Frictionless Data Package descriptor for the CSV files."""
    resources = []
    for name, df in frames.items():
        fields = []
        for col in df.columns:
            field = {"name": col, "type": _field_type(df[col]), "description": COLUMNS[name].get(col, "")}
            if name == "metrics" and col in ("before", "after", "change", "change_low", "change_high", "before_low",
                                               "before_high", "after_low", "after_high", "change_stated"):
                field["unit"] = "see the unit column: " + UNITS_NOTE
            if name == "metrics" and col.startswith("change_pct"):
                field["unit"] = "percent"
            if _field_type(df[col]) == "date":
                field["format"] = "%Y-%m-%d"
            fields.append(field)
        resources.append({
            "name": name, "path": f"{name}.csv", "title": TITLES[name], "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "profile": "tabular-data-resource",
            "schema": {"fields": fields},
        })
    return {
        "name": "ftzdata", "title": "Reform metrics of China's Pilot Free Trade Zones", "version": __version__,
        "profile": "tabular-data-package",
        "description": "Effect claims (time saved, items reduced, cost per container) reported in public Chinese "
                       "government documents about Pilot Free Trade Zone reform cases, each with its verbatim quote "
                       "and offsets into the source document.",
        "sources": [{"title": t or f, "path": f} for t, f in
                    zip(frames["documents"]["title_zh"], frames["documents"]["file"])],
        "resources": resources,
    }


def write_data(out: Path, corpus: Corpus | str | None = None) -> list[Path]:
    """Write every table of ``corpus`` under ``out``; returns the files written. Everything is checked
    before the first file is written (review, schema, quotes)."""
    frames = tables(corpus, strict=True)
    written = []
    for name, df in frames.items():
        written.append(atomic_write_bytes(out / f"{name}.csv", to_csv_bytes(df)))
        written.append(atomic_write_bytes(out / f"{name}.parquet", to_parquet_bytes(df)))
        if name in STATA_TABLES:
            written.append(atomic_write_bytes(out / f"{name}.dta", to_stata_bytes(df, TITLES[name], COLUMNS[name])))
    written.append(atomic_write_bytes(out / "ftzdata.xlsx", to_excel_bytes(frames)))
    descriptor = json.dumps(datapackage(frames), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    written.append(atomic_write_bytes(out / "datapackage.json", descriptor.encode("utf-8")))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ftzdata.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="reports", help="output folder (default: reports)")
    parser.add_argument("--force", action="store_true", help="accepted for symmetry with `ftzdata reports`; "
                        "the dataset is always rebuilt (it takes about a second)")
    parser.add_argument("--corpus", default=None, help="corpus folder (default: $FTZDATA_CORPUS, else the bundled "
                        "seeds)")
    args = parser.parse_args(argv)
    try:
        files = write_data(Path(args.out) / "data", args.corpus)
    except FtzDataError as exc:
        print(f"ftzdata: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(files)} files to {Path(args.out) / 'data'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
