"""Build reports: one (:func:`build_one`) or many in parallel (:func:`build_many`), skipping up-to-date ones.

Layout under the output folder ``out`` (default ``reports/``)::

    NAME.ipynb  NAME.html  NAME.pdf     the report (formats as asked)
    index.html                          every report with links and parameters
    _failed/NAME.ipynb                  the executed notebook of the last failed run of NAME
    .state/NAME.json                    inputs key, parameters, files, timings (feeds the index)
    .tmp/                               work area; results move into place with os.replace
    .lock                               held by the run building into ``out`` (a second run waits)

Interrupts: Ctrl-C stops the workers and their kernels at once, removes ``.tmp/`` and leaves every
report as it was or as just rebuilt, never half-written; workers die with their parent (Linux
``prctl(PR_SET_PDEATHSIG)``, else a watchdog thread), kernels with their worker (ipykernel watches its
parent). Left-overs of a killed run are removed by the next run.

A report is up to date when ``.state/NAME.json`` holds the same inputs key and its files exist. The
key hashes the notebook source, the parameters, the formats, every file of the ``ftzdata`` package
(code, data, templates, hence its version), the corpus under ``seeds/`` and the font package file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from ftzdata.atomic import atomic_write_bytes, clean_leftovers, folder_lock

from . import schedule, template
from .params import FORMATS, NotebookSpec, report_name, report_title

__all__ = ["FORMATS", "Job", "Result", "build_many", "build_one", "inputs_key", "is_up_to_date", "key_parts",
           "rebuild_reason", "log_line", "progress_mode"]

STATE_DIR = ".state"
FAILED_DIR = "_failed"
TMP_DIR = ".tmp"


@dataclass
class Job:
    spec: NotebookSpec
    params: dict
    out: Path
    formats: tuple = FORMATS

    @property
    def name(self) -> str:
        return report_name(self.spec.name, self.params)


@dataclass
class Result:
    name: str
    status: str  # built | skipped | failed
    message: str = ""
    timings: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    failed_notebook: str | None = None
    seconds: float = 0.0  # wall time of the build, including the kernel start
    reason: str = ""  # why it was built: "first build", "corpus changed", "forced" … (see rebuild_reason)


def _timed_build(job: Job, **kw) -> Result:
    """:func:`build_one` with its wall time in ``Result.seconds``."""
    t0 = time.perf_counter()
    res = build_one(job, **kw)
    res.seconds = time.perf_counter() - t0
    return res


def log_line(res: Result, now: float | None = None) -> str:
    """One line of an unattended run's log: ``2026-12-01T06:00:12 built zone_profile-Fujian (4.1 s; corpus changed)``."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(now))
    status = "up to date" if res.status == "skipped" else res.status
    took = ""
    if res.status != "skipped":
        why = f"; {res.reason}" if res.reason else ""
        took = f" ({res.seconds:.{1 if res.seconds >= 0.1 else 2}f} s{why})"  # 0.04 s, not 0.0
    return f"{stamp} {status} {res.name}{took}"


def progress_mode(progress: bool, stream=None) -> str | None:
    """How a batch reports progress: ``"bar"`` on a terminal, ``"lines"`` (one timestamped line per report,
    no carriage returns) off a terminal such as a cron log, None when ``progress`` is off (``-q``)."""
    if not progress:
        return None
    stream = sys.stderr if stream is None else stream
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return "bar" if tty else "lines"


# ----------------------------------------------------------------------------------------------
# Inputs key


def _hash_tree(h, root: Path, skip_dirs=("__pycache__",)) -> None:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if any(part in skip_dirs or part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.is_file() and path.suffix not in {".pyc", ".pyo"}:
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())


@lru_cache(maxsize=1)
def environment_key() -> str:
    """Hash of the package files and the font package (same for every report)."""
    import ftzdata
    from ftzdata.fonts import font_path

    h = hashlib.sha256()
    _hash_tree(h, Path(ftzdata.__file__).resolve().parent)
    try:
        fp = font_path()
        h.update(f"{fp.name}\0{fp.stat().st_size}".encode())
    except FileNotFoundError:
        h.update(b"no-font")
    h.update(sys.version.encode())
    return h.hexdigest()


def corpus_key(root: str) -> str:
    """Hash of every file of the corpus folder ``root`` (documents, manifest, review sidecars); the hash is
    recomputed whenever a file's size or modification time changes."""
    return _corpus_key(root, tuple(sorted(_file_stats(root))))


def _file_stats(folder: str):
    """(path, size, mtime_ns) of every file under ``folder``, one stat each, in no particular order."""
    with os.scandir(folder) as entries:
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                yield from _file_stats(e.path)
            elif e.is_file():
                st = e.stat()
                yield e.path, st.st_size, st.st_mtime_ns


@lru_cache(maxsize=8)
def _corpus_key(root: str, stats: tuple) -> str:
    h = hashlib.sha256()
    _hash_tree(h, Path(root))
    return h.hexdigest()


def key_parts(job: Job, corpus_keys: dict | None = None) -> dict[str, str]:
    """The digests ``job``'s outputs come from, by what they cover: ``environment`` (ftzdata's files, the font,
    Python), ``corpus`` (every file of the corpus folder), ``notebook``, ``params`` and ``formats``.
    ``corpus_keys`` (folder → :func:`corpus_key`) is shared by the jobs of one build, so that a corpus's files
    are looked at once per build, not per report."""
    from ftzdata.corpus import resolve

    root = str(resolve(job.params.get("corpus") or None).root.resolve())
    if corpus_keys is None:
        corpus_keys = {}
    if root not in corpus_keys:
        corpus_keys[root] = corpus_key(root)
    return {
        "environment": environment_key(),
        "corpus": corpus_keys[root],
        "notebook": hashlib.sha256(job.spec.path.read_bytes()).hexdigest(),
        "params": hashlib.sha256(json.dumps(job.params, sort_keys=True, default=str).encode()).hexdigest(),
        "formats": ",".join(sorted(job.formats)),
    }


def key_of(parts: dict[str, str]) -> str:
    """One digest of :func:`key_parts`."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def inputs_key(job: Job, corpus_keys: dict | None = None) -> str:
    """The key of everything ``job``'s outputs come from (:func:`key_parts` in one digest)."""
    return key_of(key_parts(job, corpus_keys))


def rebuild_reason(job: Job, parts: dict[str, str]) -> str | None:
    """Why ``job`` must be built, in a few words (``"first build"``, ``"corpus changed"``, ``"environment and
    notebook changed"``, ``"outputs missing"`` …), or None when its outputs are up to date with ``parts``
    (:func:`key_parts`)."""
    state = read_state(job.out, job.name)
    if not state:
        return "first build"
    if state.get("key") != key_of(parts):
        old = state.get("key_parts")
        if not isinstance(old, dict):
            return "built by an older ftzdata"
        return " and ".join(name for name in parts if old.get(name) != parts[name]) + " changed"
    if not all((job.out / f).is_file() for f in state.get("files", {}).values()):
        return "outputs missing"
    return None


def _state_path(out: Path, name: str) -> Path:
    return out / STATE_DIR / f"{name}.json"


def read_state(out: Path, name: str) -> dict | None:
    try:
        return json.loads(_state_path(out, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_up_to_date(job: Job) -> bool:
    """Are ``job``'s outputs there and built from its inputs as they are now?"""
    return rebuild_reason(job, key_parts(job)) is None


def _atomic_write(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def clean_out(out: Path) -> None:
    """Remove what killed runs left in ``out``: the work area and half-written temporary files."""
    shutil.rmtree(out / TMP_DIR, ignore_errors=True)
    for folder in (out, out / STATE_DIR, out / FAILED_DIR):
        clean_leftovers(folder)
    for legacy in [out / "index.html.tmp", *(out / STATE_DIR).glob(".tmp-*")]:  # names of older versions
        with contextlib.suppress(OSError):
            legacy.unlink()


# ----------------------------------------------------------------------------------------------
# Data information for the title block


@lru_cache(maxsize=8)
def data_info(corpus: str | None = None) -> dict:
    """``data_date`` (date of the newest document of ``corpus``, as stated) and ``version`` of ftzdata."""
    import ftzdata

    version = getattr(ftzdata, "__version__", None)
    if version is None:
        try:
            from importlib.metadata import version as _v

            version = _v("ftzdata")
        except Exception:
            version = "unknown"
    date = None
    if hasattr(ftzdata, "documents"):
        docs = ftzdata.documents(corpus)
        if "published" in docs and docs["published"].notna().any():
            row = docs.loc[docs["published"].idxmax()]
            date = row.get("date") or f"{row['published']:%Y-%m-%d}"
        elif "date" in docs:
            dates = [str(d) for d in docs["date"].dropna()]
            date = max(dates) if dates else None
    return {"data_date": None if date is None else str(date), "version": str(version)}


# ----------------------------------------------------------------------------------------------
# One report


def _failure(name: str, exc: Exception) -> str:
    """One line for a report that failed outside its notebook (the traceback with ``FTZDATA_DEBUG=1``)."""
    if isinstance(exc, OSError) and exc.strerror:
        what = f"cannot write {exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    else:
        what = f"{type(exc).__name__}: {exc}"
    line = f"report '{name}' failed: {what}; the previous report of that name is unchanged"
    if os.environ.get("FTZDATA_DEBUG"):
        line += "\n" + traceback.format_exc(limit=5).rstrip()
    return line


def build_one(job: Job, km=None, info: dict | None = None, parts: dict | None = None, log=None) -> Result:
    """Execute, render and move into place one report. Never raises for a failing notebook."""
    from .execute import ExecutionFailed, execute_notebook

    out = job.out
    name = job.name
    parts = parts or key_parts(job)
    info = info or data_info(job.params.get("corpus") or None)
    timings: dict = {}
    (out / TMP_DIR).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=out / TMP_DIR))
    try:
        t0 = time.perf_counter()
        ipynb = work / f"{name}.ipynb"
        try:
            executed = execute_notebook(job.spec.path, job.params, ipynb, name, cwd=str(work), km=km)
        except ExecutionFailed as exc:
            failed = out / FAILED_DIR / f"{name}.ipynb"
            failed.parent.mkdir(parents=True, exist_ok=True)
            if not ipynb.exists() and exc.executed is not None:
                import nbformat

                nbformat.write(exc.executed, str(ipynb))
            if ipynb.exists():
                os.replace(ipynb, failed)
            return Result(name, "failed", str(exc), failed_notebook=str(failed) if failed.exists() else None)
        timings["execute"] = time.perf_counter() - t0

        meta = {"name": name, "title": report_title(job.spec.name, job.params), "params": job.params, **info}
        from .render_html import render_html, with_navigation, with_web_font

        t0 = time.perf_counter()
        page = render_html(executed, meta)
        files = {}
        if "html" in job.formats:
            lang = job.params.get("lang", "en")
            other = report_name(job.spec.name, {**job.params, "lang": "en" if lang == "zh" else "zh"}) \
                if "lang" in job.params else None
            (work / f"{name}.html").write_text(with_web_font(with_navigation(page, lang, other)), encoding="utf-8")
            files["html"] = f"{name}.html"
        timings["html"] = time.perf_counter() - t0
        if "pdf" in job.formats:
            from .render_pdf import render_pdf

            t0 = time.perf_counter()
            render_pdf(page, work / f"{name}.pdf")
            timings["pdf"] = time.perf_counter() - t0
            files["pdf"] = f"{name}.pdf"
        if "ipynb" in job.formats:
            files["ipynb"] = f"{name}.ipynb"
        for fname in files.values():
            os.replace(work / fname, out / fname)
        for fmt in FORMATS:  # formats no longer asked for would go stale: drop them
            if fmt not in files:
                with contextlib.suppress(FileNotFoundError):
                    (out / f"{name}.{fmt}").unlink()
        with contextlib.suppress(FileNotFoundError):
            (out / FAILED_DIR / f"{name}.ipynb").unlink()
        state = {
            "key": key_of(parts),
            "key_parts": parts,
            "name": name,
            "notebook": job.spec.name,
            "title": meta["title"],
            "params": job.params,
            "files": files,
            "data_date": info.get("data_date"),
            "version": info.get("version"),
            "built": time.strftime("%Y-%m-%d %H:%M:%S"),
            "timings": {k: round(v, 3) for k, v in timings.items()},
        }
        _atomic_write(_state_path(out, name), json.dumps(state, indent=1, ensure_ascii=False, default=str))
        if log:
            log(name)
        return Result(name, "built", timings=timings, files=files)
    except Exception as exc:  # rendering or I/O error: the old report stays
        return Result(name, "failed", _failure(name, exc))
    finally:
        shutil.rmtree(work, ignore_errors=True)  # .tmp itself goes in build_many, after every worker


# ----------------------------------------------------------------------------------------------
# Many reports


_SCRATCH: list[str] = []  # folders a worker removes when it is stopped


def _start_frozen(procs) -> None:
    """Start ``procs`` (forked, where the platform forks) with this process's objects frozen (``gc.freeze``):
    a worker's collections then never walk, and so never copy page by page, the renderers and data the
    parent loaded for it. The parent unfreezes its own at once."""
    import gc

    gc.freeze()
    try:
        for p in procs:
            p.start()
    finally:
        gc.unfreeze()


def prepare_renderers(formats) -> None:
    """Import the HTML and PDF renderers ahead (while a kernel template boots, in another process) and
    render a one-line page with each: their first page also loads templates and fonts (~0.3 s), which
    forked workers then share."""
    if "html" in formats or "pdf" in formats:
        from .execute import nbformat
        from .render_html import _exporter

        page = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 标题 Title")])
        html, _ = _exporter().from_notebook_node(page)
    if "pdf" in formats:
        import tempfile

        from .render_pdf import import_weasyprint, render_pdf

        import_weasyprint()
        with tempfile.TemporaryDirectory(prefix="ftzdata-warm-") as tmp:
            render_pdf(html, Path(tmp) / "warm.pdf")


def _die_with_parent(parent: int) -> None:
    """Get SIGTERM when the parent process ``parent`` dies: Linux ``prctl(PR_SET_PDEATHSIG)``, else a
    thread that checks the parent pid every second."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0) == 0:  # 1: PR_SET_PDEATHSIG
                if os.getppid() != parent:  # it died before the call
                    os.kill(os.getpid(), signal.SIGTERM)
                return
        except (OSError, AttributeError):
            pass

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


def _stop_worker(signum, frame) -> None:
    """SIGTERM in a worker: kill its kernels, remove its scratch folders, exit at once."""
    from .execute import kill_kernels

    kill_kernels()
    for folder in _SCRATCH:
        shutil.rmtree(folder, ignore_errors=True)
    os._exit(128 + signum)


def _worker(tasks, results, info, warm: bool, parent: int, zygote=None) -> None:
    """Build the reports of ``tasks`` until a ``None``; ``zygote``: this worker's line to the build's
    shared kernel template (else, with ``warm``, the worker starts its own)."""
    from .execute import KernelPool

    import asyncio

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, _stop_worker)
    _die_with_parent(parent)
    from jupyter_core.utils import ensure_event_loop

    with contextlib.suppress(Exception):  # the parent's loop, forked, still waits on the parent's sockets:
        ensure_event_loop().close()  # closed, jupyter's run_sync makes a new one for this process
    asyncio.set_event_loop(asyncio.new_event_loop())
    scratch = tempfile.mkdtemp(prefix="ftzdata-kernel-")
    _SCRATCH.append(scratch)
    pool = None
    try:
        while True:
            item = tasks.get()
            if item is None:
                break
            job, parts = item
            km = None
            if warm:
                if pool is None:
                    pool = KernelPool(cwd=scratch, zygote=zygote)
                    if zygote is None:
                        prepare_renderers(job.formats)  # while the zygote imports
                km = pool.take()
            try:
                res = _timed_build(job, km=km, info=info, parts=parts)
            except Exception as exc:  # keep the worker alive for the next report
                res = Result(job.name, "failed", _failure(job.name, exc))
            results.put(res)
    finally:
        if pool is not None:
            pool.close()
        shutil.rmtree(scratch, ignore_errors=True)


def _stop(procs, grace: float = 2.0) -> None:
    """Stop worker processes: SIGTERM (they kill their kernels), then SIGKILL after ``grace`` seconds."""
    for p in procs:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + grace
    for p in procs:
        p.join(timeout=max(0.0, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(timeout=1.0)


def _waiting(out: Path):
    def say(pid: str) -> None:
        print(f"ftzdata: another run (pid {pid}) is building into {out}; waiting for it to finish", file=sys.stderr)

    return say


def build_many(jobs: list[Job], n_jobs: int | None = None, force: bool = False, progress: bool = True,
               warm: bool = True, write_index: bool = True) -> list[Result]:
    """Build ``jobs`` (skipping up-to-date ones unless ``force``) on ``n_jobs`` worker processes.

    Holds the lock of each output folder throughout (a second run waits, then finds its reports up to
    date) and first removes what killed runs left there. Ctrl-C (KeyboardInterrupt) stops every worker
    and kernel within about two seconds and is re-raised."""
    outs = sorted({job.out for job in jobs})
    with contextlib.ExitStack() as stack:
        for out in outs:
            stack.enter_context(folder_lock(out, ".lock", on_wait=_waiting(out)))
            clean_out(out)
        try:
            results = _build_locked(jobs, n_jobs, force, progress, warm)
        finally:
            for out in outs:
                shutil.rmtree(out / TMP_DIR, ignore_errors=True)
        if write_index:
            from .index import write_index as _write_index

            for out in outs:
                _write_index(out)
    return [results[job.name] for job in jobs]


def _build_locked(jobs, n_jobs, force, progress, warm) -> dict[str, Result]:
    import multiprocessing as mp

    n_jobs = max(1, n_jobs or os.cpu_count() or 1)
    results: dict[str, Result] = {}
    mode = progress_mode(progress)
    todo = []
    corpus_keys: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for job in jobs:
        parts = key_parts(job, corpus_keys)
        reason = "forced" if force else rebuild_reason(job, parts)
        if reason is None:
            results[job.name] = Result(job.name, "skipped")
            if mode == "lines":
                print(log_line(results[job.name]), file=sys.stderr, flush=True)
        else:
            reasons[job.name] = reason
            todo.append((job, parts))
    if not todo:
        return results

    bar = None
    if mode == "bar" and len(jobs) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), desc="report", unit="report", initial=len(results), file=sys.stderr,
                   bar_format="{desc} {n_fmt} of {total_fmt} |{bar}| {elapsed}<{remaining}{postfix}",
                   dynamic_ncols=True, leave=True)

    def done(res: Result) -> None:
        res.reason = reasons.get(res.name, "")
        results[res.name] = res
        if bar:
            bar.set_postfix_str(f"{res.name} {res.status}", refresh=False)
            bar.update()
        elif mode == "lines":
            print(log_line(res), file=sys.stderr, flush=True)

    from ftzdata.fonts import subset_font_path

    from .execute import KernelPool, kill_kernels

    corpus = todo[0][0].params.get("corpus") or ""
    workers = min(n_jobs, len(todo))
    forking = "fork" in mp.get_all_start_methods()
    procs = []
    # One kernel template for every worker, started first: it imports while this process does the rest.
    shared = None
    if warm and forking:
        with contextlib.suppress(OSError):  # no template (a process limit …): kernels start the usual way
            shared = template.take(corpus, workers)
    try:
        subset_font_path()  # build the cached font subset once, before the workers need it
        info = data_info(corpus or None)
        if workers == 1:
            pool = KernelPool(zygote=shared.clients[0] if shared else None) if warm else None
            prepare_renderers(todo[0][0].formats)
            try:
                for job, parts in todo:
                    done(_timed_build(job, km=pool.take() if pool else None, info=info, parts=parts))
            finally:
                if pool:
                    pool.close()
        else:
            ctx = mp.get_context("fork" if forking else "spawn")
            if shared is not None:  # the renderers imported once, here, for the forked workers to share
                prepare_renderers({f for job, _ in todo for f in job.formats})
                lines = shared.clients[:workers]
            else:
                lines = [None] * workers
            tasks, outq = ctx.Queue(), ctx.Queue()
            for q in (tasks, outq):
                q.cancel_join_thread()  # never block the exit on a queue's feeder thread
            for i in schedule.longest_first([job.name for job, _ in todo]):  # the longest first: both end together
                tasks.put(todo[i])
            for _ in range(workers):
                tasks.put(None)
            procs = [ctx.Process(target=_worker, args=(tasks, outq, info, warm, os.getpid(), line),
                                 daemon=False) for line in lines]
            _start_frozen(procs)
            pending = {job.name for job, _ in todo}
            import queue as _queue

            while pending:
                try:
                    res = outq.get(timeout=1.0)
                except _queue.Empty:
                    if not any(p.is_alive() for p in procs):
                        break
                    continue
                pending.discard(res.name)
                done(res)
            for p in procs:
                p.join(timeout=30)
            for name in pending:  # a worker died
                results[name] = Result(name, "failed", f"report '{name}' failed: worker process died")
    except BaseException:  # Ctrl-C: stop everything now, then let the interrupt go on
        _stop(procs)
        kill_kernels()
        raise
    finally:
        if bar:
            bar.close()
        if shared is not None:
            template.close(shared)
    schedule.remember({r.name: r.seconds for r in results.values() if r.status == "built" and r.seconds > 0})
    return results
