"""Time to ``ftzdata add`` documents (target: a 30 KB document in under 1 s; 200 documents in one call).

* one ~30 KB document of each format (the builders of ``tests/test_ingest_samples.py``: a GB18030 web
  page, a Word file, a PDF, a GB18030 text file) added to a fresh corpus, in this process after a warm-up
  (``warm``: reading, metadata, cases, claims, the review sidecar, the manifest; median of 3), and as a CLI
  call (``cli``: ``python -m ftzdata add FILE``, interpreter start and imports included);
* 200 distinct text documents of ~30 KB each added in one CLI call (``-q``, no TTY: one line per document).

Usage: .venv/bin/python benchmarks/add_speed.py
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from ingest_speed import _paragraphs, write_samples  # noqa: E402

from ftzdata.add import Added, add_files  # noqa: E402
from ftzdata.corpus_admin import init_corpus  # noqa: E402


def _child_cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def _fresh(folder: Path, name: str) -> Path:
    return init_corpus(folder / name)


def warm(samples: dict[str, Path], folder: Path) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of adding each sample to a fresh corpus in this process (after a warm-up)."""
    out = {}
    for fmt, path in samples.items():
        add_files(_fresh(folder, f"warmup-{fmt}"), [path])
        times = []
        for i in range(3):
            corpus = _fresh(folder, f"warm-{fmt}-{i}")
            t, c = time.perf_counter(), time.process_time()
            (r,) = add_files(corpus, [path])
            times.append((time.perf_counter() - t, time.process_time() - c))
            assert isinstance(r, Added), r
        out[fmt] = (statistics.median(x[0] for x in times), statistics.median(x[1] for x in times))
    return out


def cli(samples: dict[str, Path], folder: Path) -> dict[str, tuple[float, float]]:
    """Best of 3 (wall, CPU) seconds of ``python -m ftzdata add FILE --corpus DIR`` (a fresh process each)."""
    out = {}
    for fmt, path in samples.items():
        runs = []
        for i in range(3):
            corpus = _fresh(folder, f"cli-{fmt}-{i}")
            t, c = time.perf_counter(), _child_cpu()
            subprocess.run([sys.executable, "-m", "ftzdata", "add", str(path), "--corpus", str(corpus), "-q"],
                           check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            runs.append((time.perf_counter() - t, _child_cpu() - c))
        out[fmt] = min(runs)
    return out


def many(folder: Path, n: int = 200) -> tuple[float, float, int]:
    """(wall, CPU) seconds to add ``n`` distinct ~30 KB GB18030 text files in one CLI call, and the lines
    printed."""
    src = folder / "many"
    src.mkdir()
    paras = _paragraphs()
    files = []
    for i in range(n):
        p = src / f"doc{i:03d}.txt"
        p.write_bytes((f"第{i}号文件\n" + "\n".join(paras)).encode("gb18030"))
        files.append(str(p))
    corpus = _fresh(folder, "many-corpus")
    t, c = time.perf_counter(), _child_cpu()
    done = subprocess.run([sys.executable, "-m", "ftzdata", "add", *files, "--corpus", str(corpus), "-q"],
                          check=True, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - t, _child_cpu() - c, len(done.stdout.splitlines())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        samples = write_samples(folder)
        sizes = {fmt: len(p.read_bytes()) for fmt, p in samples.items()}
        w, c = warm(samples, folder), cli(samples, folder)
        print(f"{'format':<7} {'file KB':>8} {'warm s':>7} {'(cpu)':>6} {'cli s':>7} {'(cpu)':>6}")
        for fmt in samples:
            print(f"{fmt:<7} {sizes[fmt] / 1000:>8.0f} {w[fmt][0]:>7.2f} {w[fmt][1]:>6.2f} {c[fmt][0]:>7.2f} "
                  f"{c[fmt][1]:>6.2f}")
        secs, cpu, lines = many(folder)
        print(f"200 text documents of ~30 KB in one call: {secs:.1f} s wall, {cpu:.1f} s CPU "
              f"({secs / 200 * 1000:.0f} ms each), {lines} lines printed")


if __name__ == "__main__":
    main()
