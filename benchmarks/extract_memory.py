"""Peak memory of extracting one document, by its size: should stay a few MB per MB of text.

Each size runs in a fresh subprocess: import and warm up the extractor, build one document of the size by
joining the seeds and ``benchmarks/realtext/*/docs`` (repeated), then ``ftzdata.extract.extract(text)``
(quantities and claims). Peak RSS (``resource.getrusage``'s ``ru_maxrss``) is read before and after the
call; the difference is the extraction's peak, printed in MB and in MB per MB of text (UTF-8), next to the
size of the two dataframes it returns (``memory_usage(deep=True)``: each string counted once per row, an
upper bound). A long text is read in windows (:mod:`ftzdata.extract.windows`), so that what the
extraction holds beyond its output stays about the same whatever the document's size.

Usage: .venv/bin/python benchmarks/extract_memory.py [--sizes 1 10 50]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
root = Path(sys.argv[1]); mb = float(sys.argv[2])
sys.path.insert(0, str(root))
from ftzdata.extract import extract
extract("改革前需要5天，现在缩短至1天。")  # imports, lexicon, OpenCC
texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("seeds/*.txt"))]
texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("benchmarks/realtext/*/docs/*.txt"))]
base = "\n".join(texts)
doc = "\n".join([base] * (int(mb * 1e6 / len(base.encode("utf-8"))) + 1))
del texts, base
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB
before = rss()
t = time.perf_counter()
q, c = extract(doc)
seconds = time.perf_counter() - t
after = rss()  # before the size below is measured: its UTF-8 copy would count as the extraction's
output = (q.memory_usage(deep=True).sum() + c.memory_usage(deep=True).sum()) / 2**20
print(json.dumps({"mb": len(doc.encode("utf-8")) / 1e6, "chars": len(doc), "before": before, "after": after,
                  "seconds": seconds, "claims": len(c), "quantities": len(q), "output": output}))
"""


def measure(mb: float) -> dict:
    """Peak RSS before/after extracting one document of about ``mb`` MB, in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(mb)], check=True, capture_output=True,
                         text=True, env={**os.environ, "FTZDATA_NO_CACHE": "1"}).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    args = ap.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'doc MB':>7} {'chars':>10} {'claims':>7} {'s':>6} {'RSS before':>10} {'peak RSS':>9} "
          f"{'extraction peak MB':>18} {'MB per MB':>9} {'output MB':>9}")
    for mb in args.sizes:
        r = measure(mb)
        delta = r["after"] - r["before"]
        print(f"{r['mb']:7.1f} {r['chars']:10d} {r['claims']:7d} {r['seconds']:6.2f} {r['before']:10.0f} "
              f"{r['after']:9.0f} {delta:18.0f} {delta / r['mb']:9.1f} {r['output']:9.0f}")


if __name__ == "__main__":
    main()
