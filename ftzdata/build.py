"""The main job: build every output from a corpus — the bundled seeds by default (``bash run.sh build``).

``python -m ftzdata.build [--out DIR] [--corpus DIR]`` writes the dataset to ``DIR/data`` (default ``reports/``):
CSV and Parquet for every table, Stata ``.dta`` for metrics, cases and documents, one Excel workbook,
and a Frictionless ``datapackage.json`` whose fields carry descriptions and units.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from typing import TYPE_CHECKING

from . import __version__
from .dictionary import COLUMNS, TITLES, UNITS_NOTE
from .errors import FtzDataError

if TYPE_CHECKING:  # pandas and the corpus modules are imported when used: `python -m ftzdata.build --reports`
    import pandas as pd  # starts the reports' kernel template first, then imports them while it boots

    from .corpus import Corpus

STATA_TABLES = ("metrics", "cases", "documents")


def tables(corpus: Corpus | str | None = None, strict: bool = False) -> dict[str, pd.DataFrame]:
    """The published tables by name. ``strict``: a reviewed decision that cannot be applied, or a metrics
    row that fails the schema or its quote, is an error (as in ``build``), not a warning."""
    from .cases import cases, summaries
    from .consistency import consistency
    from .corpus import resolve
    from .metrics import metrics
    from .review import check_review
    from .vocab import zones

    corpus = resolve(corpus)
    check_review(corpus, strict=strict)
    m = metrics(corpus=corpus)
    if strict:
        from .schema import validate  # pandera (~0.15 s to import) only when a build checks the schema

        validate(m, corpus=corpus)
    return {"metrics": m, "cases": cases(corpus), "documents": corpus.documents(),
            "summaries": summaries(corpus), "consistency": consistency(corpus), "zones": zones()}


def _field_type(s: pd.Series) -> str:
    import pandas as pd

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


def _write_tables(frames: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write every table of ``frames`` into the folder ``out``; returns the files written."""
    from .export import atomic_write_bytes, to_csv_bytes, to_excel_bytes, to_parquet_bytes, to_stata_bytes

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


def _clean_siblings(out: Path) -> None:
    """Remove the half-built and replaced folders that killed runs left beside ``out``."""
    for pattern in (f".{out.name}-new-*", f".{out.name}-old-*"):
        for left in out.parent.glob(pattern):
            shutil.rmtree(left, ignore_errors=True)


STAMP = ".inputs"  # in the data folder: the key of the inputs the set was built from


def inputs_key(corpus: Corpus | str | None = None) -> str:
    """A key of everything the exports depend on: the package's files and every file of the corpus."""
    from .corpus import resolve
    from .report.batch import corpus_key, environment_key

    return f"{environment_key()[:32]}-{corpus_key(str(resolve(corpus).root.resolve()))[:32]}"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_up_to_date(out: Path, key: str) -> bool:
    """Whether ``out`` holds, unchanged, the whole set built from inputs with ``key``."""
    try:
        lines = (Path(out) / STAMP).read_text(encoding="utf-8").splitlines()
        return lines[0] == key and all(_digest(Path(out) / name) == digest
                                       for name, digest in (line.split(" ") for line in lines[1:]))
    except (OSError, IndexError, ValueError):
        return False


def write_data(out: Path, corpus: Corpus | str | None = None, force: bool = False) -> list[Path]:
    """Write every table of ``corpus`` to the folder ``out`` as one set: everything is checked first
    (review, schema, quotes), then built in a new sibling folder and swapped in at once, so that ``out``
    always holds a whole set (the old one or the new one, never a mix). Returns the files, under ``out``;
    none when ``out`` already holds the set of the same inputs (unless ``force``)."""
    out = Path(out)
    key = inputs_key(corpus)
    if not force and is_up_to_date(out, key):
        return []  # before anything imports pandas: an unchanged rerun never needs it
    from .atomic import folder_lock, publish_folder

    frames = tables(corpus, strict=True)  # computed (and checked) before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(out.parent, f".{out.name}.lock"):
        _clean_siblings(out)
        new = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(new, 0o777 & ~umask)  # mkdtemp makes 0700; the published folder gets the usual permissions
        try:
            written = _write_tables(frames, new)
            stamp = [key, *(f"{p.name} {_digest(p)}" for p in sorted(written))]
            (new / STAMP).write_text("\n".join(stamp) + "\n", encoding="utf-8")
            publish_folder(new, out)
        finally:
            shutil.rmtree(new, ignore_errors=True)
    return [out / p.name for p in written]


def out_problem(out: Path) -> str | None:
    """Why nothing can be written under the folder ``out`` (a file, under a file, read-only), else None."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        return f"{out} is a file, not a folder"
    existing = out
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        return f"{out} is under {existing}, which is a file, not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"{existing} is read-only" + ("" if existing == out else f" (cannot create {out})")
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ftzdata.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="reports", help="output folder (default: reports)")
    parser.add_argument("--force", action="store_true", help="rebuild even if the exports are up to date (built "
                        "from the same package and corpus files)")
    parser.add_argument("--corpus", default=None, help="corpus folder (default: $FTZDATA_CORPUS, else the bundled "
                        "seeds)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no line on success")
    parser.add_argument("--reports", action="store_true", help="then build the report set(s) in this process, as "
                        "`ftzdata reports` with the same options does (`bash run.sh build` runs this)")
    _accept_report_options(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv)
    data = Path(args.out) / "data"
    problem = out_problem(data)
    if problem:
        print(f"ftzdata: error: cannot write the dataset to --out {args.out}: {problem}", file=sys.stderr)
        return 2
    if args.reports:  # the reports' kernel template imports while this process imports and writes the dataset
        from .report import template

        template.start_early(str(Path(args.corpus).resolve()) if args.corpus is not None else "",
                             args.jobs or os.cpu_count() or 1)
    try:
        files = write_data(data, args.corpus, force=args.force)
    except FtzDataError as exc:
        print(f"ftzdata: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ftzdata: error: cannot write {exc.filename or data}: {exc.strerror or exc}; "
              f"the previous dataset in {data} is unchanged", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"ftzdata: interrupted; the previous dataset in {data} is unchanged", file=sys.stderr)
        return 130
    if not args.quiet:
        print(f"wrote {len(files)} files to {data}" if files else f"dataset up to date in {data}")
    if args.reports:  # one process for the dataset and every report: imports and checks paid once
        from .cli import main as reports_main

        return reports_main(["reports", *(a for a in argv if a != "--reports")])
    return 0


def _accept_report_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``ftzdata reports`` that do not apply to the dataset, accepted (checked the same way)
    and ignored, so that ``bash run.sh build ARGS`` can pass the same ARGS to every step."""
    from .cli import _formats, _jobs
    from .report.params import LANGS

    note = "ignored here; accepted because `bash run.sh build ARGS` passes ARGS to `ftzdata reports` too"
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N", help=f"worker processes of the reports; {note}")
    parser.add_argument("--lang", choices=(*LANGS, "all"), default=None, help=f"language of a report set; {note}")
    parser.add_argument("--notebooks", default=None, help=f"folder of report notebooks; {note}")
    parser.add_argument("--formats", type=_formats, default=None, help=f"report formats; {note}")


if __name__ == "__main__":
    from .cli import quick_exit

    sys.exit(quick_exit(main()))
