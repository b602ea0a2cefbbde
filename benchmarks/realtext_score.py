"""Recall and precision of the extractor on real FTZ texts nobody wrote for ftzdata.

    python benchmarks/realtext_score.py            # every set, one line each
    python benchmarks/realtext_score.py --verbose  # and every MISS and FALSE

Claims found in a text with no gold row at all (a text of growth, targets and counts) count against
precision too; the shared scorer alone would not see them.

Sets: ``../shared/realtext`` (the shared development set, when present) and every batch under
``benchmarks/realtext/`` (``docs/``, ``gold.csv``, ``sources.csv``; collected from stored public pages and
annotated by hand with the shared conventions, see each batch's README). Scored by
``benchmarks/realtext/score.py``, a copy of the shared scorer.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE / "realtext" / "score.py"


def sets() -> list[tuple[str, Path]]:
    out = []
    shared = HERE.parent.parent / "shared" / "realtext"
    if (shared / "gold.csv").is_file():
        out.append(("shared/realtext", shared))
    out += [(f"realtext/{p.name}", p) for p in sorted((HERE / "realtext").iterdir()) if (p / "gold.csv").is_file()]
    return out


def check_quotes(folder: Path) -> None:
    """Every gold quote is an exact substring of its document (the annotations' first rule)."""
    import csv

    for row in csv.DictReader(open(folder / "gold.csv", encoding="utf-8")):
        text = (folder / "docs" / row["file"]).read_text(encoding="utf-8")
        if row["quote"] not in text:
            raise SystemExit(f"{folder / 'gold.csv'}: quote {row['quote']!r} is not in {row['file']}")


def score(folder: Path, verbose: bool) -> tuple[int, int, int, int, str]:
    args = [sys.executable, str(SCORER), str(folder / "gold.csv"), str(folder / "docs"), "--min-precision", "0"]
    if verbose:
        args.append("--verbose")
    # the scorer runs from benchmarks/realtext/: put this checkout first, so that it scores this ftzdata
    # and not another one installed in the interpreter (a worktree run with the main checkout's .venv)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))}
    res = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    m = re.search(r"recall [\d.]+ \((\d+)/(\d+)\) precision [\d.]+ \((\d+)/(\d+)\)", res.stdout)
    if not m:
        raise SystemExit(f"scorer failed on {folder}: {res.stderr or res.stdout}")
    return (*map(int, m.groups()), res.stdout)


def unannotated_claims(folder: Path) -> list[tuple[str, str]]:
    """Claims the extractor returns in documents of ``folder`` that have no gold row (texts of growth,
    targets and counts only): the shared scorer visits only files named in ``gold.csv``, so these would
    otherwise never count against precision. Returned as (file, quote)."""
    import csv

    if str(HERE.parent) not in sys.path:
        sys.path.insert(0, str(HERE.parent))
    from ftzdata.extract import claims

    named = {row["file"] for row in csv.DictReader(open(folder / "gold.csv", encoding="utf-8-sig"))}
    out = []
    for doc in sorted((folder / "docs").glob("*.txt")):
        if doc.name not in named:
            out += [(doc.name, q) for q in claims(doc.read_text(encoding="utf-8"))["quote"]]
    return out


def main() -> int:
    verbose = "--verbose" in sys.argv
    totals = [0, 0, 0, 0]
    print(f"{'set':<22} {'recall':>16} {'precision':>16}")
    for name, folder in sets():
        check_quotes(folder)
        found, gold, right, returned, text = score(folder, verbose)
        extra = unannotated_claims(folder)
        returned += len(extra)  # false claims in texts with no annotated claim
        if verbose:
            print(text + "".join(f"FALSE {f} {q} (a text with no annotated claim)\n" for f, q in extra))
        totals = [a + b for a, b in zip(totals, (found, gold, right, returned))]
        print(_line(name, found, gold, right, returned))
    print(_line("all", *totals))
    return 0


def _ratio(a: int, b: int) -> str:
    """``a / b`` to three places; a dash when ``b`` is 0 (a set with no scored claim has no recall)."""
    return f"{a / b:>6.3f}" if b else f"{'—':>6}"


def _line(name: str, found: int, gold: int, right: int, returned: int) -> str:
    return f"{name:<22} {_ratio(found, gold)} ({found:>3}/{gold:<3}) {_ratio(right, returned)} ({right:>3}/{returned:<3})"


if __name__ == "__main__":
    sys.exit(main())
