"""The main job: build every output from the bundled seeds (``bash run.sh build``).

``python -m ftzdata.build [--out DIR]`` writes the dataset tables to ``DIR/data`` (default ``reports/``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import cases, documents, summaries
from .errors import FtzDataError
from .export import atomic_write_bytes, to_csv_bytes, to_parquet_bytes


def tables() -> dict:
    """The published tables by name."""
    return {"documents": documents(), "cases": cases(), "summaries": summaries()}


def write_data(out: Path) -> list[Path]:
    """Write every table as CSV and Parquet under ``out``; returns the files written."""
    written = []
    for name, df in tables().items():
        written.append(atomic_write_bytes(out / f"{name}.csv", to_csv_bytes(df)))
        written.append(atomic_write_bytes(out / f"{name}.parquet", to_parquet_bytes(df)))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ftzdata.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="reports", help="output folder (default: reports)")
    args = parser.parse_args(argv)
    try:
        files = write_data(Path(args.out) / "data")
    except FtzDataError as exc:
        print(f"ftzdata: {exc}", file=sys.stderr)
        return 1
    for f in files:
        print(f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
