"""Time the report pipeline: one report, the default set of 9, and a no-change rerun.

    .venv/bin/python benchmarks/reports_speed.py [--out DIR] [--lang en|zh] [--jobs N] [--cold-font] [--naive]

Prints, per report, the seconds spent executing the notebook, rendering HTML and rendering the PDF
(measured inside the workers), the wall time of each stage of the benchmark, the PDF sizes, and the
wall time of a rerun where nothing changed (a fresh ``python -m ftzdata reports`` process) and of the one
report as a command (``python -m ftzdata report``, start to exit). Each stage
also prints its CPU-seconds (this process and every child it waited for: workers, kernels) and the
machine's 1-minute load average, since other work on a shared machine changes wall times.
``--cold-font`` also times building the font subset from scratch (in a temporary cache folder).
``--naive`` also builds the same set, in the same run, the plain way a notebook user would script it —
jupytext → papermill (a new ``python3`` kernel per report) → nbconvert's HTML exporter → WeasyPrint, one
report at a time and two at a time — and prints ftzdata's time as a fraction of each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _table(results, out: Path) -> None:
    print(f"  {'report':32s} {'execute':>8s} {'html':>6s} {'pdf':>6s} {'pdf size':>10s}")
    for r in results:
        t = r.timings
        pdf = out / f"{r.name}.pdf"
        size = f"{pdf.stat().st_size / 1024:8.0f} KB" if pdf.exists() else "-"
        print(f"  {r.name:32s} {t.get('execute', 0):8.2f} {t.get('html', 0):6.2f} {t.get('pdf', 0):6.2f} {size:>10s}"
              + ("" if r.status == "built" else f"  [{r.status}] {r.message}"))
    tot = {k: sum(r.timings.get(k, 0) for r in results) for k in ("execute", "html", "pdf")}
    print(f"  {'sum (CPU-side, across workers)':32s} {tot['execute']:8.2f} {tot['html']:6.2f} {tot['pdf']:6.2f}")


def _cpu() -> float:
    """CPU-seconds (user + system) of this process and of its waited-for children so far."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _stage(label: str, t0: float, c0: float) -> str:
    load = os.getloadavg()[0]
    return f"{label}: {time.perf_counter() - t0:.2f} s wall, {_cpu() - c0:.1f} CPU-s, load {load:.2f} on {os.cpu_count()} cores"


def _naive_one(task) -> float:
    """One report the plain way (see the module docstring); returns its wall seconds."""
    nb_path, parameters, out = task
    import jupytext
    import nbformat
    import papermill as pm
    import weasyprint
    from nbconvert import HTMLExporter

    t0 = time.perf_counter()
    name = Path(nb_path).stem + "-" + "-".join(str(v) for v in parameters.values())
    ipynb = Path(out) / f"{name}.ipynb"
    nbformat.write(jupytext.read(nb_path), str(Path(out) / f"{name}.src.ipynb"))
    pm.execute_notebook(str(Path(out) / f"{name}.src.ipynb"), str(ipynb), parameters=parameters,
                        kernel_name="python3", progress_bar=False)
    body, _ = HTMLExporter(exclude_input=True).from_filename(str(ipynb))
    (Path(out) / f"{name}.html").write_text(body, encoding="utf-8")
    weasyprint.HTML(string=body, base_url=str(out)).write_pdf(str(Path(out) / f"{name}.pdf"))
    return time.perf_counter() - t0


def _naive(specs, default_set, out: Path, workers: int) -> float:
    """Wall seconds of the plain pipeline over ``default_set`` with ``workers`` processes."""
    from concurrent.futures import ProcessPoolExecutor

    out.mkdir(parents=True, exist_ok=True)
    tasks = [(str(specs[nb].path), p, str(out)) for nb, p in default_set]
    t0 = time.perf_counter()
    if workers == 1:
        for task in tasks:
            _naive_one(task)
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_naive_one, tasks))
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a temporary one)")
    ap.add_argument("--lang", default="en", choices=("en", "zh"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--cold-font", action="store_true", help="also time building the font subset from scratch")
    ap.add_argument("--naive", action="store_true", help="also time the plain jupytext/papermill/nbconvert/weasyprint way")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from ftzdata.fonts import subset_font_path
    from ftzdata.report import batch, params

    print(f"imports: {time.perf_counter() - t0:.2f} s")
    if args.cold_font:
        with tempfile.TemporaryDirectory() as cache:
            os.environ["FTZDATA_CACHE_DIR"] = cache
            t0 = time.perf_counter()
            subset_font_path()
            print(f"font subset from scratch: {time.perf_counter() - t0:.2f} s (once per machine, cached)")
            del os.environ["FTZDATA_CACHE_DIR"]
    t0 = time.perf_counter()
    path = subset_font_path()
    print(f"font subset (cache): {time.perf_counter() - t0:.2f} s, {path.stat().st_size / 1e6:.2f} MB at {path}")

    tmp = None
    if args.out is None:
        tmp = tempfile.TemporaryDirectory(prefix="ftzdata-bench-")
        out = Path(tmp.name)
    else:
        out = args.out
    specs = params.discover()

    # One report, one process, fresh kernel.
    spec, full = params.resolve("zone_profile", {"zone": "Guangdong", "lang": args.lang}, specs=specs)
    print(f"load before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    t0, c0 = time.perf_counter(), _cpu()
    res = batch.build_many([batch.Job(spec, full, out / "one")], n_jobs=1, force=True, progress=False)
    print("\n" + _stage(f"one report ({res[0].name})", t0, c0))
    _table(res, out / "one")

    # The same report as a user runs it: a new ``ftzdata report`` process, start to exit.
    t0, c0 = time.perf_counter(), _cpu()
    proc = subprocess.run(
        [sys.executable, "-m", "ftzdata", "report", "zone_profile", "-p", "zone", "Guangdong", "-p", "lang", args.lang,
         "--force", "--out", str(out / "one-command"), "-q"], cwd=ROOT, capture_output=True, text=True,
    )
    print(_stage("one report as a command (python -m ftzdata report …, start to exit)", t0, c0)
          + ("" if proc.returncode == 0 else f"  [failed] {proc.stderr.strip()}"))

    # The default set, in parallel.
    jobs = [batch.Job(*params.resolve(nb, p, specs=specs), out / "set") for nb, p in params.default_set(args.lang)]
    t0, c0 = time.perf_counter(), _cpu()
    res = batch.build_many(jobs, n_jobs=args.jobs, force=True, progress=False)
    set_seconds = time.perf_counter() - t0
    print("\n" + _stage(f"default set ({len(jobs)} reports, {args.jobs} workers)", t0, c0))
    _table(res, out / "set")
    sizes = [(out / "set" / f"{r.name}.pdf").stat().st_size for r in res if (out / "set" / f"{r.name}.pdf").exists()]
    if sizes:
        print(f"  PDF sizes: max {max(sizes) / 1e6:.2f} MB, total {sum(sizes) / 1e6:.2f} MB")

    if args.naive:
        for workers in (1, 2):
            t0, c0 = time.perf_counter(), _cpu()
            naive = _naive(specs, params.default_set(args.lang), out / f"naive{workers}", workers)
            print("\n" + _stage(f"naive pipeline, {workers} at a time", t0, c0)
                  + f"; ftzdata's set: {set_seconds / naive:.2f} x its time")

    # A rerun where nothing changed: a new process, as a user would run it.
    t0, c0 = time.perf_counter(), _cpu()
    proc = subprocess.run(
        [sys.executable, "-m", "ftzdata", "reports", "--out", str(out / "set"), "--lang", args.lang, "-q"],
        cwd=ROOT, capture_output=True, text=True,
    )
    print("\n" + _stage("no-change rerun", t0, c0) + f" ({proc.stdout.strip()})")
    if tmp is not None:
        tmp.cleanup()
    return 0 if all(r.status == "built" for r in res) and proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
