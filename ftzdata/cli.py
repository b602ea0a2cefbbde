"""Command line: ``ftzdata report`` (one report) and ``ftzdata reports`` (the default set).

    ftzdata report NOTEBOOK [-p NAME VALUE]... [-f params.yaml] [--out DIR] [--formats ipynb,html,pdf] [--force]
    ftzdata reports [--out DIR] [--lang en|zh] [--force] [--jobs N]
    ftzdata notebooks                       the notebooks and the parameter values the corpus allows
    ftzdata init DIR [--with-seeds]         a new corpus folder
    ftzdata status                          per document: structure, cases, claims pending/accepted/rejected

Every command takes ``--corpus DIR`` (default: ``$FTZDATA_CORPUS``, else the bundled seeds).

Exit status: 0 success (or everything up to date), 1 a report failed or an output could not be
written, 2 bad input (unknown notebook, parameter or value, bad option, an unusable ``--out`` or
notebook folder): refused before any kernel starts, nothing written; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["main"]

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse's default prints the whole usage)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _formats(text: str) -> tuple:
    from ftzdata.report.batch import FORMATS

    fmts = tuple(dict.fromkeys(f.strip() for f in text.split(",") if f.strip()))
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(bad) or '(empty)'!s}; allowed: {', '.join(FORMATS)}")
    return fmts


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"invalid --jobs {text!r}; allowed: a whole number ≥ 1")
    return n


def build_parser() -> argparse.ArgumentParser:
    from ftzdata.report.params import LANGS, default_jobs

    from ftzdata import __version__

    parser = _Parser(prog="ftzdata", description="Reports on the reform cases of China's Pilot Free Trade Zones.")
    parser.add_argument("--version", action="version", version=f"ftzdata {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    common = _Parser(add_help=False)
    common.add_argument("--out", default="reports", type=Path, help="output folder (default: reports/)")
    common.add_argument("--force", action="store_true", help="rebuild even if up to date")
    common.add_argument("--notebooks", type=Path, default=None,
                        help="folder of report notebooks (default: notebooks/ beside the package, or $FTZDATA_NOTEBOOKS)")
    common.add_argument("--formats", type=_formats, default=("ipynb", "html", "pdf"),
                        help="comma-separated subset of ipynb,html,pdf (default: all)")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    common.add_argument("--corpus", type=Path, default=None, help=CORPUS_HELP)

    one = sub.add_parser("report", parents=[common], help="build one report")
    one.add_argument("notebook", help="notebook name, e.g. overview, zone_profile, metric_comparison")
    one.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                     help="set a parameter (repeatable)")
    one.add_argument("-f", "--parameters-file", type=Path, help="YAML file of parameters (like papermill's -f)")

    many = sub.add_parser("reports", parents=[common], help="build the default set (9 reports)")
    many.add_argument("--lang", choices=LANGS, default="en", help="language of the set (default: en)")
    many.add_argument("--jobs", type=_jobs, default=default_jobs(), help="worker processes (default: CPU count)")

    lst = sub.add_parser("notebooks", help="list the report notebooks and their parameters")
    lst.add_argument("--notebooks", type=Path, default=None)
    lst.add_argument("--corpus", type=Path, default=None, help=CORPUS_HELP)

    init = sub.add_parser("init", help="create an empty corpus folder")
    init.add_argument("dir", type=Path, help="the new corpus folder (must not exist, or be empty)")
    init.add_argument("--with-seeds", action="store_true", help="copy the bundled documents and their review")

    status = sub.add_parser("status", help="per document: structure, cases, claims pending / accepted / rejected")
    status.add_argument("--corpus", type=Path, default=None, help=CORPUS_HELP)
    return parser


CORPUS_HELP = "corpus folder (default: $FTZDATA_CORPUS, else the bundled seeds)"


def _fail(message: str) -> int:
    print(f"ftzdata: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _load_yaml(path: Path) -> dict:
    import yaml

    try:
        text = path.read_bytes().decode("utf-8")
        data = yaml.safe_load(text) or {}
    except OSError as exc:
        raise ValueError(f"cannot read parameters file {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"parameters file {path} is not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"parameters file {path} is not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise ValueError(f"parameters file {path} must hold a mapping of NAME: VALUE")
    return data


def _report_results(results, out: Path) -> int:
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        print(f"ftzdata: error: {r.message}", file=sys.stderr)
        if r.failed_notebook:
            print(f"ftzdata: executed notebook kept at {r.failed_notebook}", file=sys.stderr)
    built = sum(r.status == "built" for r in results)
    skipped = sum(r.status == "skipped" for r in results)
    print(f"{built} built, {skipped} up to date, {len(failed)} failed → {out / 'index.html'}")
    return EXIT_FAILED if failed else 0


def _open_corpus(path):
    """The corpus of ``--corpus`` (or the default), opened and checked before anything else runs."""
    from ftzdata.corpus import resolve

    return resolve(path)


def _list_notebooks(directory, corpus) -> int:
    from ftzdata.errors import FtzDataError
    from ftzdata.report.params import ParamError, discover, rules_for

    try:
        specs = discover(directory)
        rules = rules_for(corpus.root)
    except (ParamError, FtzDataError) as exc:
        return _fail(str(exc))
    for name, spec in specs.items():
        if spec.error:
            print(f"ftzdata: warning: notebook '{name}' cannot be used: {spec.error}", file=sys.stderr)
            continue
        params = " ".join(f"{k}={v!r}" + (f" ({'|'.join(rules[k])})" if k in rules else "")
                          for k, v in spec.parameters.items())
        print(f"{name}\t{params}\t{spec.path}")
    if not specs:
        print(f"ftzdata: warning: no notebooks in {directory or 'the notebook folder'}", file=sys.stderr)
    return 0


def _resolve_all(args, corpus) -> list:
    """The (spec, parameters) of every report asked for; ParamError/ValueError for bad input. With
    ``--corpus``, every report reads that corpus (its folder is passed as the ``corpus`` parameter)."""
    from ftzdata.report.params import default_set, discover, resolve

    specs = discover(args.notebooks)
    root = str(corpus.root.resolve()) if args.corpus is not None else None
    if args.command == "report":
        params = {}
        if args.parameters_file:
            params.update(_load_yaml(args.parameters_file))
        params.update(dict(args.parameter))
        if root:
            params["corpus"] = root
        return [resolve(args.notebook, params, specs=specs)]
    return [resolve(nb, p, specs=specs) for nb, p in default_set(args.lang, root)]


def main(argv: list[str] | None = None) -> int:
    from ftzdata.build import out_problem
    from ftzdata.report.params import ParamError

    from ftzdata.errors import FtzDataError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "init":
        from ftzdata.corpus_admin import init_corpus

        try:
            root = init_corpus(args.dir, with_seeds=args.with_seeds)
        except FtzDataError as exc:
            return _fail(str(exc))
        print(f"created corpus {root}" + (" with the bundled seeds" if args.with_seeds else ""))
        return 0
    try:
        corpus = _open_corpus(args.corpus)
    except FtzDataError as exc:
        return _fail(str(exc))
    if args.command == "status":
        from ftzdata.corpus_admin import status

        try:
            print(status(corpus).to_string(index=False))
        except FtzDataError as exc:
            return _fail(str(exc))
        return 0

    if args.command == "notebooks":
        return _list_notebooks(args.notebooks, corpus)

    # Validate everything before touching the disk or starting a kernel.
    try:
        wanted = _resolve_all(args, corpus)
    except (ParamError, ValueError, FtzDataError) as exc:
        return _fail(str(exc))
    out = args.out
    problem = out_problem(out)
    if problem:
        return _fail(f"cannot write reports to --out {out}: {problem}")

    from ftzdata.report.batch import Job, build_many

    jobs = [Job(spec, full, out, tuple(args.formats)) for spec, full in wanted]
    n_jobs = getattr(args, "jobs", 1)
    try:
        results = build_many(jobs, n_jobs=n_jobs, force=args.force, progress=not args.quiet)
    except KeyboardInterrupt:
        print(f"ftzdata: interrupted; the reports in {out} are each as before or completely rebuilt", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = exc.filename or out
        print(f"ftzdata: error: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    return _report_results(results, out)


if __name__ == "__main__":
    sys.exit(main())
