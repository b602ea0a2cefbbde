"""Throughput and peak memory of the extraction engine on a corpus made by repeating the seeds.

Documents are generated one at a time (never the whole corpus in memory): each repeat of a seed is a
separate ``extract()`` call (one normalisation for both quantities and claims).  Prints, for three
corpus sizes, MB/s per phase (normalise, quantities, claims, dataframes), total time, and the peak
Python heap (tracemalloc is too slow for a 50 MB run, so peak RSS from getrusage is reported, plus a
tracemalloc peak on the smallest size).

Usage: .venv/bin/python benchmarks/extract_throughput.py [--sizes 12.5 25 50] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ftzdata.extract.claims import claims_frame, find_claims  # noqa: E402
from ftzdata.extract.document import prepare  # noqa: E402
from ftzdata.extract.quantities import quantities_frame, scan_quantities  # noqa: E402


def seed_texts() -> list[str]:
    with open(ROOT / "seeds" / "manifest.csv", encoding="utf-8") as f:
        return [(ROOT / "seeds" / f"{row['doc_id']}.txt").read_text(encoding="utf-8") for row in csv.DictReader(f)]


def documents(target_mb: float):
    """Yield seed documents round-robin until ``target_mb`` MB (UTF-8) have been produced."""
    seeds = seed_texts()
    sizes = [len(s.encode("utf-8")) for s in seeds]
    total, i = 0, 0
    while total < target_mb * 1e6:
        k = i % len(seeds)
        yield seeds[k], sizes[k]
        total += sizes[k]
        i += 1


def run(target_mb: float) -> dict:
    t = {"normalise": 0.0, "quantities": 0.0, "claims": 0.0, "frames": 0.0}
    nbytes = ndocs = nq = nc = 0
    clock = time.perf_counter
    t0 = clock()
    for text, size in documents(target_mb):
        a = clock()
        doc = prepare(text)
        b = clock()
        qs = scan_quantities(doc)
        c = clock()
        cl = find_claims(doc, qs)
        d = clock()
        qdf = quantities_frame(doc, qs)
        cdf = claims_frame(doc, cl)
        e = clock()
        t["normalise"] += b - a
        t["quantities"] += c - b
        t["claims"] += d - c
        t["frames"] += e - d
        nbytes += size
        ndocs += 1
        nq += len(qdf)
        nc += len(cdf)
    total = clock() - t0
    return {"mb": nbytes / 1e6, "docs": ndocs, "quantities": nq, "claims": nc, "total": total, "phases": t}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[12.5, 25, 50])
    ap.add_argument("--profile", action="store_true", help="cProfile a 5 MB run and print the top functions")
    args = ap.parse_args()
    if args.profile:
        pr = cProfile.Profile()
        pr.enable()
        run(5)
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(25)
        return
    # warm-up (imports, OpenCC dictionary, regex compilation) and a tracemalloc peak on 2 MB
    tracemalloc.start()
    run(2)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"tracemalloc peak over a 2 MB run: {traced_peak / 1e6:.1f} MB")
    print(f"{'corpus MB':>9} {'docs':>6} {'total s':>8} {'MB/s':>6} | {'normalise':>9} {'quantities':>10} "
          f"{'claims':>7} {'frames':>7} (MB/s per phase) | {'peak RSS MB':>11}")
    for size in args.sizes:
        r = run(size)
        ph = r["phases"]
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{r['mb']:9.1f} {r['docs']:6d} {r['total']:8.2f} {r['mb'] / r['total']:6.2f} | "
              f"{r['mb'] / ph['normalise']:9.1f} {r['mb'] / ph['quantities']:10.1f} {r['mb'] / ph['claims']:7.1f} "
              f"{r['mb'] / ph['frames']:7.1f}                  | {rss:11.1f}")
        print(f"{'':9} quantities={r['quantities']} claims={r['claims']}")


if __name__ == "__main__":
    main()
