"""Extraction time on hostile input: every shape that once took quadratic time, and debris a corpus holds.

Each shape is fed to :func:`ftzdata.extract.extract` (normalisation, quantities and claims) at 10k, 100k
and 1M characters; the table shows seconds and seconds per MB (UTF-8). Linear time means the s/MB column
is flat across sizes; the target is any 1 MB input in under 2 s. Times are the best of three runs at 10k and
100k characters (one run at 1M), as other processes on the machine add noise. ``tests/test_extract_linear.py`` runs
the same shapes at 100k characters as guards.

Usage: .venv/bin/python benchmarks/extract_adversarial.py [--sizes 10000 100000 1000000] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ftzdata.extract import extract  # noqa: E402


def _repeat(unit: str):
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _random_digits(n: int) -> str:
    rng = random.Random(13)
    return "".join(rng.choice("0123456789") if rng.random() < 0.9 else rng.choice(" .,-/%\n") for _ in range(n))


def _ocr_debris(n: int) -> str:
    rng = random.Random(7)
    pieces = ["审批", "时间", "由", "从", "缩短", "减少", "至", "为", "天", "个工作日", "%", "元", "项", "。", "，", "、",
              "|", "\t", " ", "\n", "l", "I", "O", "0", "1", "5", "9", ".", "~", "-", "…", "□", "■", "(", ")", "约",
              "近", "以上", "分别", "改革前", "改革后", "仅需", "三分之一", "零", "万", "亿", "十", "^", "E+", "<b>", "&amp;"]
    out, size = [], 0
    while size < n:
        p = rng.choice(pieces)
        out.append(p)
        size += len(p)
    return "".join(out)[:n]


def _spreadsheet(n: int) -> str:
    rng = random.Random(3)
    rows = ["指标\t改革前\t改革后\t压缩比例"]
    size = len(rows[0])
    while size < n:
        row = "\t".join([f"事项{rng.randint(1, 999)}(天)", str(rng.randint(1, 99)), str(rng.randint(1, 99)),
                         f"{rng.random() * 100:.2f}%"] + [f"{rng.random() * 1e6:.3f}" for _ in range(rng.randint(0, 6))])
        rows.append(row)
        size += len(row) + 1
    return "\n".join(rows)[:n]


def _number_grid(n: int) -> str:
    rng = random.Random(5)
    cells, size = [], 0
    while size < n:
        c = rng.choice([f"{rng.randint(0, 10 ** 9):,}", f"{rng.random():.6f}", str(rng.randint(0, 99)) + "%",
                        str(rng.randint(1, 12)) + "月", "|", "\t", "\n"])
        cells.append(c)
        size += len(c) + 1
    return " ".join(cells)[:n]


# name -> function of the size in characters
SHAPES = {
    "digits 9999…": _repeat("9"),
    "减减…1天": lambda n: "减" * (n - 2) + "1天",
    "零跑动…": _repeat("零跑动"),
    "由1天至…": _repeat("由1天至"),
    "claim without 。": _repeat("审批时间由5天缩短至1天"),
    "claim with ，": _repeat("审批时间由5天缩短至1天，"),
    "三分之一…": _repeat("三分之一"),
    "改革前…改革后仅需…": _repeat("改革前需要5天改革后仅需2天"),
    "分别 lists": _repeat("材料、时间分别由10份、5天减少到3份、1天"),
    "spaces": _repeat(" "),
    "spaces and tabs": _repeat(" \t"),
    "random digits": _random_digits,
    "OCR debris": _ocr_debris,
    "pasted spreadsheet": _spreadsheet,
    "number grid": _number_grid,
    "一一一…": _repeat("一"),
    "多多…": lambda n: "5" + "多" * (n - 2) + "天",
    "list 1天、…": _repeat("1天、"),
    "dense 1天": _repeat("1天"),
    "减至1天…": _repeat("减至1天"),
    "较5天减少了20%…": _repeat("较5天减少了20%"),
    "力争…压缩至…": _repeat("力争将时间压缩至3天"),
    "、…等…整合": _repeat("、") ,
    "3合1 / 翻一番": _repeat("3合1翻一番"),
    "table rows |": _repeat("|改革前|改革后|\n|时间(天)|5|2|\n"),
    "one long | line": _repeat("|改革前"),
    "HTML soup": _repeat("<p><b>由</b>5&nbsp;天</p>"),
    "thousands 1,000": _repeat("1,000"),
    "10^30 / 1E+308": _repeat("由10^30天缩短至1天降低了1E+308%"),
    "实现…的目标、…": _repeat("审批时间实现了压缩1天的目标、"),
    "精简调整…项、…": _repeat("精简调整事项3项、"),
    "压缩至…,压缩率为…": _repeat("材料压缩至5个,压缩率为50%,"),
    "少则…多则…": _repeat("少则7、8个月,多则一年,"),
}


def time_shape(make, n: int, repeat: int = 1) -> tuple[float, float]:
    """(seconds, best of ``repeat`` runs; MB of UTF-8) to extract from the shape at ``n`` characters."""
    text = make(n)
    mb = len(text.encode("utf-8", "surrogatepass")) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract(text)
        best = min(best, time.perf_counter() - t0)
    return best, mb


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--only", nargs="*", help="shape names (substrings) to run")
    args = ap.parse_args()
    extract("审批时间由5天缩短至1天。")  # warm-up: imports and regex compilation
    names = [k for k in SHAPES if not args.only or any(o in k for o in args.only)]
    head = " | ".join(f"{n // 1000:>5}k s   s/MB" for n in args.sizes)
    print(f"{'shape':22} | {head} | worst s/MB")
    worst_all = 0.0
    for name in names:
        cells, per_mb = [], []
        for n in args.sizes:
            sec, mb = time_shape(SHAPES[name], n, repeat=3 if n <= 100_000 else 1)  # other processes add noise
            per_mb.append(sec / mb)
            cells.append(f"{sec:8.3f} {sec / mb:6.2f}")
        worst_all = max(worst_all, max(per_mb))
        print(f"{name:22} | {' | '.join(cells)} | {max(per_mb):6.2f}", flush=True)
    print(f"worst time per MB over all shapes and sizes: {worst_all:.2f} s (target: under 2 s)")


if __name__ == "__main__":
    main()
