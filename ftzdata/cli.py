"""Command line: ``ftzdata report`` (one report) and ``ftzdata reports`` (the default set).

    ftzdata report NOTEBOOK [-p NAME VALUE]... [-f params.yaml] [--out DIR] [--formats ipynb,html,pdf] [--force]
    ftzdata reports [--out DIR] [--lang en|zh|all] [--force] [--jobs N]
    ftzdata notebooks                       the notebooks and the parameter values the corpus allows
    ftzdata init DIR [--with-seeds]         a new corpus folder
    ftzdata status                          per document: structure, cases, claims pending/accepted/rejected
    ftzdata add FILE... [--doc-id ID] [--title T] [--date D] [--zone Z] [--source-url U]
                                            documents (.html, .docx, .pdf, .txt) into the corpus
    ftzdata review DOC_ID [--accept ID...] [--reject ID... --reason TEXT] [--set ID FIELD=VALUE...] [--sync]
                                            a document's pending claims, and decisions on them

Every command takes ``--corpus DIR`` (default: ``$FTZDATA_CORPUS``, else the bundled seeds).

Exit status: 0 success (or everything up to date), 1 a report failed, an output could not be written, or a
file ``add`` could not add (the others still went in), 2 bad input (unknown notebook, parameter or value, bad
option, an unusable ``--out`` or notebook folder): refused before any kernel starts, nothing written; 130
interrupted (Ctrl-C).
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
    from ftzdata.report.params import FORMATS

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
    many.add_argument("--lang", choices=(*LANGS, "all"), default="en",
                      help="language of the set; all: every language's set in one run (default: en)")
    many.add_argument("--jobs", type=_jobs, default=default_jobs(), help="worker processes (default: CPU count)")

    lst = sub.add_parser("notebooks", help="list the report notebooks and their parameters")
    lst.add_argument("--notebooks", type=Path, default=None)
    lst.add_argument("--corpus", type=Path, default=None, help=CORPUS_HELP)

    init = sub.add_parser("init", help="create an empty corpus folder")
    init.add_argument("dir", type=Path, help="the new corpus folder (must not exist, or be empty)")
    init.add_argument("--with-seeds", action="store_true", help="copy the bundled documents and their review")

    status = sub.add_parser("status", help="per document: structure, cases, claims pending / accepted / rejected")
    status.add_argument("--corpus", type=Path, default=None, help=CORPUS_HELP)

    add = sub.add_parser("add", help="add documents (.html/.htm, .docx, .pdf, .txt/.md) to the corpus")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--corpus", type=Path, default=None, help=CORPUS_HELP)
    add.add_argument("--doc-id", help="the document's id (one FILE only; default: derived from title, zone, date)")
    add.add_argument("--title", help="the document's title (one FILE only; default: read from the text)")
    add.add_argument("--date", help="YYYY, YYYY-MM or YYYY-MM-DD (one FILE only; default: read from the text)")
    add.add_argument("--zone", help="the zone the documents are about: Hainan, 海南, 中国(海南)自由贸易试验区 …")
    add.add_argument("--source-url", help="where the documents were found")
    add.add_argument("-q", "--quiet", action="store_true", help="one line per document instead of a summary")

    rev = sub.add_parser("review", help="a document's pending claims; accept, reject or correct them")
    rev.add_argument("doc_id", metavar="DOC_ID")
    rev.add_argument("--corpus", type=Path, default=None, help=CORPUS_HELP)
    rev.add_argument("--accept", nargs="+", default=[], metavar="ID", help="accept these claims (c001 …)")
    rev.add_argument("--reject", nargs="+", default=[], metavar="ID", help="reject these claims (needs --reason)")
    rev.add_argument("--reason", help="why: for --reject, and for a corrected value in --set")
    rev.add_argument("--set", nargs="+", action="append", default=[], metavar="ID FIELD=VALUE",
                     help="set metric, label_en, label_zh, kind, per, note, case_id, or correct a value "
                          "(before, after, change, change_pct …, with --reason); repeatable")
    rev.add_argument("--sync", action="store_true", help="re-run extraction: add newly found claims as pending")
    rev.add_argument("--all", action="store_true", help="list every claim, not only the pending ones")
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
    from ftzdata.report.params import LANGS, default_set, discover, resolve

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
    langs = LANGS if args.lang == "all" else (args.lang,)
    return [resolve(nb, p, specs=specs) for lang in langs for nb, p in default_set(lang, root)]


def _corpus_arg(args) -> str:
    return f" --corpus {args.corpus}" if args.corpus is not None else ""


def _progress(n: int, quiet: bool):
    """A tqdm bar on stderr for several files when it is a terminal, else None (then one line per file)."""
    if n < 2 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=n, unit="file", desc="adding", file=sys.stderr)


def _add(corpus, args) -> int:
    from ftzdata.add import AddOptions, Failed, add_files, one_line, summary
    from ftzdata.errors import FtzDataError

    opts = AddOptions(args.doc_id, args.title, args.date, args.zone, args.source_url)
    bar = _progress(len(args.files), args.quiet)
    say = bar.write if bar is not None else print

    def report(result):
        if isinstance(result, Failed):
            if bar is not None:
                bar.write(f"ftzdata: error: {result.message}", file=sys.stderr)
            else:
                print(f"ftzdata: error: {result.message}", file=sys.stderr)
        else:
            say(one_line(result) if args.quiet else summary(result, _corpus_arg(args)))
        if bar is not None:
            bar.update(1)

    def waiting():
        print(f"ftzdata: waiting for another `ftzdata add` on {corpus.root} to finish …", file=sys.stderr)

    try:
        results = add_files(corpus, args.files, opts, on_result=report, on_wait=waiting)
    except (ValueError, FtzDataError) as exc:  # bad options or an unreadable corpus: nothing written
        return _fail(str(exc))
    finally:
        if bar is not None:
            bar.close()
    failed = sum(isinstance(r, Failed) for r in results)
    if len(results) > 1:
        print(f"{len(results) - failed} added, {failed} failed → {corpus.root}")
    return EXIT_FAILED if failed else 0


def _review(corpus, args) -> int:
    from ftzdata import review_edit as R
    from ftzdata.errors import FtzDataError

    doc_id, where = args.doc_id, _corpus_arg(args)
    both = set(args.accept) & set(args.reject)
    if both:
        return _fail(f"{', '.join(sorted(both))}: both --accept and --reject; decide each claim once")
    try:
        corpus.row(doc_id)
        if args.sync:
            from ftzdata.review import sync_review

            got = sync_review(corpus, doc_id)
            print(f"{doc_id}: {got['added']} claim(s) added as pending, {got['moved']} moved, {got['kept']} kept")
            for p in got["problems"]:
                print(f"ftzdata: warning: {p}", file=sys.stderr)
        if args.set or args.accept or args.reject:
            from ftzdata.cases import case_index as _cases

            df = R.load(corpus, doc_id)
            case_ids = _cases(corpus).query("doc_id == @doc_id")["case_id"].tolist()
            for claim_id, *assignments in args.set:
                df = R.set_fields(df, doc_id, claim_id, assignments, args.reason, case_ids)
            if args.accept:
                df = R.accept(df, doc_id, args.accept, where)
            if args.reject:
                df = R.reject(df, doc_id, args.reject, args.reason)
            R.save(corpus, doc_id, df)
            for claim_id, *_ in args.set:
                print(f"{claim_id}: set {', '.join(a.partition('=')[0] for a in _)}")
            if args.accept:
                print(f"accepted {', '.join(args.accept)}")
            if args.reject:
                print(f"rejected {', '.join(args.reject)}: {args.reason}")
            left = int((df["status"] == "pending").sum())
            print(f"{doc_id}: {left} pending" + (f" (ftzdata review {doc_id}{where} lists them)" if left else ""))
        elif not args.sync:
            print("\n".join(R.pending_lines(corpus, doc_id, args.all, where)))
    except FtzDataError as exc:
        return _fail(str(exc))
    return 0


def main(argv: list[str] | None = None) -> int:
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
    if args.command in ("report", "reports"):  # the kernel template imports while we check everything
        from ftzdata.report import template

        template.start_early(str(Path(args.corpus).resolve()) if args.corpus is not None else "",
                             1 if args.command == "report" else (getattr(args, "jobs", None) or os.cpu_count() or 1))
    from ftzdata.build import out_problem
    from ftzdata.report.params import ParamError
    try:
        corpus = _open_corpus(args.corpus)
    except FtzDataError as exc:
        return _fail(str(exc))
    if args.command == "add":
        return _add(corpus, args)
    if args.command == "review":
        return _review(corpus, args)
    if args.command == "status":
        from ftzdata.corpus_admin import status

        try:
            print(status(corpus).to_string(index=False))
        except FtzDataError as exc:
            return _fail(str(exc))
        return 0

    if args.command == "notebooks":
        return _list_notebooks(args.notebooks, corpus)

    # Validate everything before writing anything or starting a kernel.
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


def console() -> int:
    """The ``ftzdata`` command (and ``python -m ftzdata``): :func:`main`, then :func:`quick_exit`."""
    return quick_exit(main())


def quick_exit(code: int) -> int:
    """``code``, after moving every live object into the garbage collector's permanent generation, for a
    process about to exit: the interpreter's last collections then no longer walk the objects pandas,
    matplotlib and WeasyPrint leave (~0.25 s of every command's exit). Objects still alive are freed as
    the process ends, as without it; every file is written and closed before (``with``, atomic renames)."""
    import gc

    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(console())

