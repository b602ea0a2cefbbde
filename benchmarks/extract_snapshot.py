"""Snapshot of every extraction output, to check that a refactor changes nothing.

Runs :func:`ftzdata.extract.claims` and :func:`ftzdata.extract.quantities` over every seed document
(``seeds/*.txt``), every sentence of the held-out batches (``tests/data/extract_heldout*.csv``), every
real text in ``/work/shared/realtext/docs/*.txt`` (when present) and ``benchmarks/realtext/*/docs/*.txt``, and
all those documents joined into one long text, and writes the rows — sorted, NaN as
None, so that two runs compare equal — to a pickle outside the repository.

Usage:
    .venv/bin/python benchmarks/extract_snapshot.py write [/tmp/extract-before.pkl]
    .venv/bin/python benchmarks/extract_snapshot.py compare [/tmp/extract-before.pkl] [--window N]

``compare`` exits 1 and prints every input whose rows differ (rows only before, rows only after).
``--window N`` reads every text longer than N characters in windows of about N (see
:mod:`ftzdata.extract.windows`; the default is about a million), so that small windows check that
windowed extraction gives the rows of the text read at once.
"""

from __future__ import annotations

import csv
import math
import os
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ftzdata.extract import claims, quantities, windows  # noqa: E402

REALTEXT = Path("/work/shared/realtext/docs")
DEFAULT = Path("/tmp/extract-before.pkl")


def inputs() -> dict[str, str]:
    """Name → text of every input, in a fixed order."""
    out: dict[str, str] = {}
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out[f"seed:{p.name}"] = p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "tests" / "data").glob("extract_heldout*.csv")):
        with open(p, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out.setdefault(f"heldout:{p.name}:{row['id']}", row["sentence"])
    if REALTEXT.is_dir():
        for p in sorted(REALTEXT.glob("*.txt")):
            out[f"real:{p.name}"] = p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "benchmarks" / "realtext").glob("*/docs/*.txt")):
        out[f"bench:{p.parent.parent.name}/{p.name}"] = p.read_text(encoding="utf-8")
    # one long document (every text above, one after the other): offsets far into a large input
    out["joined:all"] = "\n".join(t for k, t in out.items() if not k.startswith("heldout:"))
    return out


def _cell(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    return v.item() if hasattr(v, "item") else v


def rows(df) -> list[tuple]:
    """The dataframe's rows as sorted tuples (column names first)."""
    cols = list(df.columns)
    body = sorted((tuple(_cell(v) for v in r) for r in df.itertuples(index=False, name=None)),
                  key=lambda t: tuple((x is None, str(x)) for x in t))
    return [tuple(cols)] + body


def snapshot() -> dict[str, dict[str, list[tuple]]]:
    return {name: {"claims": rows(claims(text)), "quantities": rows(quantities(text))}
            for name, text in inputs().items()}


def write(path: Path) -> None:
    snap = snapshot()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(snap, f)
    os.replace(tmp, path)
    n_c = sum(len(v["claims"]) - 1 for v in snap.values())
    n_q = sum(len(v["quantities"]) - 1 for v in snap.values())
    print(f"wrote {path}: {len(snap)} inputs, {n_c} claim rows, {n_q} quantity rows")


def compare(path: Path) -> int:
    with open(path, "rb") as f:
        before = pickle.load(f)
    after = snapshot()
    bad = 0
    for name in sorted(set(before) | set(after)):
        b, a = before.get(name), after.get(name)
        if b is None or a is None:
            print(f"{name}: only {'after' if b is None else 'before'}")
            bad += 1
            continue
        for what in ("claims", "quantities"):
            if b[what] != a[what]:
                bad += 1
                sb, sa = set(b[what]), set(a[what])
                print(f"{name} {what}:")
                for r in sorted(sb - sa, key=str):
                    print("   - ", r)
                for r in sorted(sa - sb, key=str):
                    print("   + ", r)
    n_c = sum(len(v["claims"]) - 1 for v in after.values())
    n_q = sum(len(v["quantities"]) - 1 for v in after.values())
    print(f"{len(after)} inputs, {n_c} claim rows, {n_q} quantity rows: "
          + ("identical" if not bad else f"{bad} differences"))
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("write", "compare"):
        print("usage: extract_snapshot.py write|compare [PATH]", file=sys.stderr)
        return 2
    if "--window" in argv:
        i = argv.index("--window")
        windows.WINDOW = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if argv[0] == "write":
        write(path)
        return 0
    return compare(path)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
