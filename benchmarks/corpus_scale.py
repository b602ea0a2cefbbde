"""ftzdata on a corpus of 1,000 documents (≈ 30 MB): cold and warm ``metrics()``, memory by corpus size,
and the report set against the seeds' set.

The corpus is built here, deterministically (``--seed``), from real text: each document is one of the
seeds' case documents (not the textbook's summaries, which refer to the others by date) with its digits
varied (each run of digits gets its own permutation of 1–9, the same length, so every reviewed claim keeps
its offsets; years 19xx/20xx stay), its zones rotated among the seeds' zones (``cases.csv``), its case ids
renamed (``case_prefix``), and one to four paragraphs of ``benchmarks/realtext/*/docs`` appended (digits
varied likewise). Its review is the seed's, the quotes re-read at the same offsets. The manifest has the
corpus format of :mod:`ftzdata.corpus` (sha256 recorded).

Measured, each in a fresh interpreter with its own empty cache folder (``FTZDATA_CACHE_DIR``):
- ``metrics(corpus=…)`` cold (nothing cached) at 250, 500 and 1,000 documents, with peak RSS;
- warm: the same call in a new interpreter once the disk cache holds the corpus's claims, splits and cases;
- ``ftzdata reports --corpus DIR`` (the default set, HTML only unless ``--formats``) on the 1,000 documents
  against ``ftzdata reports`` on the seeds, one after the other, with the load average.

Usage: .venv/bin/python benchmarks/corpus_scale.py [--docs 1000] [--dir DIR] [--no-reports] [--jobs N]
       [--formats html]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
REALTEXT = sorted((ROOT / "benchmarks" / "realtext").glob("*/docs/*.txt"))
_DIGITS = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_HEADING = re.compile(r"[\s|#*]*[\d一二三四五六七八九十百（(第【〔IVX]")


# ------------------------------------------------------------------------------------------ the corpus
def _vary_digits(text: str, rng: random.Random) -> str:
    """Each run of digits with its digits 1–9 permuted (0 stays, so no new leading zeros). Dates stay, and so
    do the numbers that open a line or a table cell or follow 案例/第 (case numbers: the splitter checks their
    sequence)."""
    def repl(m: re.Match) -> str:
        s = m.group(0)
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        after = text[m.end():m.end() + 1]
        if (_YEAR.fullmatch(s) or not line.strip(" \t|(（第案例") or line.rstrip(" ").endswith(("|", "\t", "案例", "第"))
                or after in ("月", "日", "号", "批")):
            return s
        perm = list("123456789")
        rng.shuffle(perm)
        return s.translate(str.maketrans("123456789", "".join(perm)))
    return _DIGITS.sub(repl, text)


def _paragraphs() -> list[str]:
    """The lines of the real texts that have a digit (what the extractor reads) and do not look like a
    heading (a line opening with a number could be read as one more case)."""
    out = []
    for p in REALTEXT:
        out += [ln for ln in p.read_text(encoding="utf-8").splitlines()
                if len(ln) > 30 and any(c.isdigit() for c in ln) and not _HEADING.match(ln)]
    return out


def _read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames or []), list(r)


def _write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _moved(case: dict, case_id: str, shift: dict) -> dict:
    """A cases.csv row renamed and moved to another zone (its area, which belongs to the old zone, dropped)."""
    zone = shift.get(case["zone"], case["zone"])
    return dict(case, case_id=case_id, zone=zone, area_zh=case["area_zh"] if zone == case["zone"] else "")


def build_corpus(folder: Path, n_docs: int, seed: int = 15) -> float:
    """Write a corpus of ``n_docs`` documents to ``folder`` (replaced); returns its text in MB (UTF-8)."""
    rng = random.Random(seed)
    fields, rows = _read_csv(SEEDS / "manifest.csv")
    bases = [r for r in rows if r["layout"] != "summaries"]
    zones = sorted({c["zone"] for r in bases if (SEEDS / f"{r['doc_id']}.cases.csv").is_file()
                    for c in _read_csv(SEEDS / f"{r['doc_id']}.cases.csv")[1] if c["zone"]})
    paras = _paragraphs()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    out_rows, total = [], 0
    for k in range(n_docs):
        base, v = bases[k % len(bases)], k // len(bases)
        doc_id = f"{base['doc_id']}-v{v:03d}"
        prefix = f"{base['case_prefix'] or base['doc_id']}v{v:03d}"
        text = _vary_digits((SEEDS / base["file"]).read_text(encoding="utf-8"), rng)
        tail = "\n".join(_vary_digits(p, rng) for p in rng.sample(paras, rng.randint(1, 4)))
        text = text.rstrip("\n") + "\n\n" + tail + "\n"
        data = text.encode("utf-8")
        (folder / f"{doc_id}.txt").write_bytes(data)
        total += len(data)
        shift = {z: zones[(i + v) % len(zones)] for i, z in enumerate(zones)}
        rename = lambda cid: prefix + cid[len(base["case_prefix"] or base["doc_id"]):] if cid else cid
        side = SEEDS / f"{base['doc_id']}.cases.csv"
        if side.is_file():
            cf, cases = _read_csv(side)
            _write_csv(folder / f"{doc_id}.cases.csv", cf,
                       [_moved(c, rename(c["case_id"]), shift) for c in cases])
        side = SEEDS / f"{base['doc_id']}.review.csv"
        if side.is_file():
            rf, review = _read_csv(side)
            _write_csv(folder / f"{doc_id}.review.csv", rf,
                       [dict(r, case_id=rename(r["case_id"]), quote=text[int(r["start"]):int(r["end"])]) for r in review])
        out_rows.append(dict(base, doc_id=doc_id, file=f"{doc_id}.txt", case_prefix=prefix,
                             sha256=hashlib.sha256(data).hexdigest(), source_file=""))
    _write_csv(folder / "manifest.csv", fields, out_rows)
    return total / 1e6


# ------------------------------------------------------------------------------------------ measuring
CHILD = r"""
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
t = time.perf_counter()
import ftzdata
import ftzdata.metrics  # the modules metrics() runs (pandas: ``import ftzdata`` alone loads them on first use)
imported = time.perf_counter() - t
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
m = ftzdata.metrics(corpus=sys.argv[1])
first = time.perf_counter() - t
t = time.perf_counter()
ftzdata.metrics(corpus=sys.argv[1])
again = time.perf_counter() - t
print(json.dumps({"import": imported, "metrics": first, "again": again, "rows": len(m),
                  "rss_before": rss0, "rss_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _env(cache: Path, **extra) -> dict:
    return {**os.environ, "FTZDATA_CACHE_DIR": str(cache), "PYTHONWARNINGS": "ignore", **extra}


def time_metrics(corpus: Path, cache: Path, **env) -> dict:
    """``metrics(corpus=…)`` in a fresh interpreter with ``cache`` as its cache folder: seconds and RSS."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus)], capture_output=True, text=True, check=True,
                         env=_env(cache, **env), cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def time_reports(corpus: Path | None, out: Path, cache: Path, jobs: int, formats: str) -> float:
    """Wall seconds of ``ftzdata reports`` (``--corpus`` when given) into ``out``."""
    cmd = [sys.executable, "-m", "ftzdata", "reports", "--out", str(out), "--force", "-q", "--formats", formats,
           "--jobs", str(jobs)] + (["--corpus", str(corpus)] if corpus else [])
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=_env(cache), cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--dir", type=Path, default=None, help="where to build the corpora (default: a temporary folder)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--no-reports", action="store_true")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--formats", default="html", help="formats of the report runs (default: html)")
    args = ap.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="ftzdata-corpus-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores, load average {_load()}; corpora under {work}")
    sizes = sorted({max(1, args.docs // 4), max(1, args.docs // 2), args.docs})
    for n in sizes:
        t = time.perf_counter()
        mb = build_corpus(work / f"corpus-{n}", n, args.seed)
        print(f"built {n} documents, {mb:.1f} MB, in {time.perf_counter() - t:.1f} s")
    print(f"\n{'docs':>5} {'cold metrics s':>14} {'rows':>6} {'RSS before':>10} {'peak RSS':>9} {'MB / 100 docs':>13} load")
    for n in sizes:
        cache = work / f"cache-{n}"
        shutil.rmtree(cache, ignore_errors=True)
        r = time_metrics(work / f"corpus-{n}", cache)
        print(f"{n:5d} {r['metrics']:14.2f} {r['rows']:6d} {r['rss_before']:10.0f} {r['rss_peak']:9.0f} "
              f"{(r['rss_peak'] - r['rss_before']) / n * 100:13.1f} {_load()}")
    big, cache = work / f"corpus-{args.docs}", work / f"cache-{args.docs}"
    warm = time_metrics(big, cache)
    print(f"\nwarm metrics() on {args.docs} documents (disk cache filled, new interpreter): {warm['metrics']:.2f} s "
          f"(before it, importing ftzdata's modules and pandas {warm['import']:.2f} s; a second call in the same interpreter {warm['again']:.3f} s); "
          f"load {_load()}")
    seeds_cache = work / "cache-seeds"
    shutil.rmtree(seeds_cache, ignore_errors=True)
    seeds = time_metrics(SEEDS, seeds_cache)
    seeds_warm = time_metrics(SEEDS, seeds_cache)
    print(f"seeds for comparison: cold {seeds['metrics']:.2f} s, warm {seeds_warm['metrics']:.2f} s")
    if args.no_reports:
        return 0
    print(f"\nreport sets (--formats {args.formats}, --jobs {args.jobs}), caches warm:")
    time_reports(None, work / "reports-seeds", seeds_cache, args.jobs, args.formats)  # warm-up: font, kernels
    s = time_reports(None, work / "reports-seeds", seeds_cache, args.jobs, args.formats)
    print(f"  seeds ({len(list(SEEDS.glob('*.txt')))} documents): {s:.1f} s, load {_load()}")
    time_reports(big, work / f"reports-{args.docs}", cache, args.jobs, args.formats)  # warm-up, as for the seeds:
    c = time_reports(big, work / f"reports-{args.docs}", cache, args.jobs, args.formats)  # its cache folder's fonts
    print(f"  corpus ({args.docs} documents): {c:.1f} s, load {_load()}  -> {c / s:.2f} x the seeds' set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
