"""Time each chart function and refresh the README gallery (figures/gallery/*.png, 72 dpi).

    .venv/bin/python benchmarks/plot_gallery.py [--out figures] [--dpi 72]

Prints the seconds each call takes (building the figure, then saving it). The data tables are loaded
(and cached) before timing starts. The five charts the README shows go to OUT/gallery (checked in);
the others to OUT (generated, not checked in).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ftzdata  # noqa: E402
import ftzdata.plot as fp  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "figures"))
    ap.add_argument("--dpi", type=float, default=72)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    metrics, cases, documents = ftzdata.metrics(), ftzdata.cases(), ftzdata.documents()
    fp.theme.finish(plt.figure())  # register the CJK font outside the timings
    plt.close("all")
    print(f"{'load data + font':28s} {time.perf_counter() - t0:6.2f} s")
    zone = str(metrics.dropna(subset=["before", "after"])["zone"].astype(str).value_counts().index[0])
    charts = [
        ("before_after", lambda: fp.before_after(metrics)),
        ("before_after-zh", lambda: fp.before_after(metrics, lang="zh")),
        (f"before_after-{zone}", lambda: fp.before_after(ftzdata.metrics(zone=zone))),
        ("change_pct", lambda: fp.change_pct(metrics, by="zone")),
        ("change_pct-domain-zh", lambda: fp.change_pct(metrics, by="domain", lang="zh")),
        ("ratios", lambda: fp.ratios(metrics)),
        ("coverage", lambda: fp.coverage(cases, metrics)),
        ("coverage-zh", lambda: fp.coverage(cases, metrics, lang="zh")),
        ("timeline", lambda: fp.timeline(documents, cases)),
    ]
    gallery = {"before_after", "change_pct-domain-zh", "ratios", "coverage-zh", "timeline"}
    print(f"{'chart':28s} {'build':>8s} {'save':>8s}")
    for name, make in charts:
        t1 = time.perf_counter()
        fig = make()
        t2 = time.perf_counter()
        out = Path(args.out) / "gallery" if name in gallery else Path(args.out)
        fp.save(fig, name, dir=out, formats=("png",), dpi=args.dpi)
        t3 = time.perf_counter()
        plt.close(fig)
        print(f"{name:28s} {t2 - t1:6.2f} s {t3 - t2:6.2f} s")
    print(f"{'total':28s} {time.perf_counter() - t0:6.2f} s  -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
