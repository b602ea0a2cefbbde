"""The real-text sets in the forms users also bring them: another script, and hard-wrapped lines.

    python benchmarks/realtext_variants.py [--scripts s2hk,s2tw,t2s,s2twp,fullwidth] [--columns 50,72]

- **Scripts.** Every document and gold quote of every set converted with OpenCC (``s2hk``, ``s2tw``: to
  Traditional as Hong Kong and Taiwan write it; ``t2s``: the Traditional texts to Simplified; ``s2twp``: with
  Taiwan's words, 最佳化 for 优化), or with its digits and punctuation full-width (``fullwidth``: ０-９，；：！？（）％,
  as Word files and many web pages write them), then scored by the shared scorer as the originals are
  (``realtext_score.py``; claims in texts without gold rows are not counted here). The same score as the
  originals' means the normalisation carries every script.
- **Hard wrap.** Every document cut into lines of at most N display columns (a wide character is 2), as a
  text copied out of a PDF is: the claims found (kind, direction and values) compared with the original's,
  as given to ``claims()`` and as read from a ``.txt`` file (``ftzdata.ingest``, which rejoins the lines).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from realtext_score import SCORER, sets  # noqa: E402

from ftzdata.extract import claims  # noqa: E402
from ftzdata.ingest.unwrap import hard_wrap, unwrap  # noqa: E402

_KEYS = ["kind", "direction", "before_low", "after_low", "change_low", "change_pct_low", "unit"]
_SCORE = re.compile(r"recall [\d.]+ \((\d+)/(\d+)\) precision [\d.]+ \((\d+)/(\d+)\)")


def _score(gold: Path, docs: Path) -> list[int]:
    res = subprocess.run([sys.executable, str(SCORER), str(gold), str(docs), "--min-precision", "0"],
                         capture_output=True, text=True, check=False,
                         env={**os.environ, "PYTHONPATH": str(HERE.parent)})
    m = _SCORE.search(res.stdout)
    if not m:
        raise SystemExit(f"scorer failed on {docs}: {res.stderr or res.stdout}")
    return list(map(int, m.groups()))


def _converted(folder: Path, out: Path, convert) -> None:
    (out / "docs").mkdir(parents=True)
    for doc in (folder / "docs").glob("*.txt"):
        (out / "docs" / doc.name).write_text(convert(doc.read_text(encoding="utf-8")), encoding="utf-8")
    with open(folder / "gold.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
        fields = list(rows[0]) if rows else ["file", "quote"]
    with open(out / "gold.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows({**r, "quote": convert(r["quote"])} for r in rows)


#: ASCII digits, letters and punctuation to their full-width forms (，；：！？（）％ and ０-９), as many Chinese
#: web pages and Word files write them; the stored texts mostly have ASCII ones.
_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789,;:!?()%"}


def fullwidth(text: str) -> str:
    """``text`` with ASCII digits and punctuation as full-width characters (see ``_FULLWIDTH``)."""
    return "".join(_FULLWIDTH.get(c, c) for c in text)


def scripts(configs: list[str]) -> None:
    import opencc

    base = [0, 0, 0, 0]
    for _, folder in sets():
        base = [a + b for a, b in zip(base, _score(folder / "gold.csv", folder / "docs"))]
    print(f"{'as found':10} recall {base[0] / base[1]:.3f} ({base[0]}/{base[1]}) precision {base[2] / base[3]:.3f} "
          f"({base[2]}/{base[3]})")
    for config in configs:
        convert = fullwidth if config == "fullwidth" else opencc.OpenCC(config).convert
        tot = [0, 0, 0, 0]
        with tempfile.TemporaryDirectory(prefix="ftzdata-variants-") as tmp:
            for name, folder in sets():
                out = Path(tmp) / name.replace("/", "_")
                _converted(folder, out, convert)
                tot = [a + b for a, b in zip(tot, _score(out / "gold.csv", out / "docs"))]
        print(f"{config:10} recall {tot[0] / tot[1]:.3f} ({tot[0]}/{tot[1]}) precision {tot[2] / tot[3]:.3f} "
              f"({tot[2]}/{tot[3]})", flush=True)


def _signature(text: str) -> Counter:
    df = claims(text)[_KEYS]
    return Counter(tuple(None if isinstance(v, float) and v != v else v for v in row) for row in df.itertuples(index=False))


def wraps(columns: list[int]) -> None:
    docs = [p for _, folder in sets() for p in sorted((folder / "docs").glob("*.txt"))]
    originals = {p: p.read_text(encoding="utf-8").strip("\n") for p in docs}
    found = {p: _signature(t) for p, t in originals.items()}
    total = sum(sum(c.values()) for c in found.values())
    for n in columns:
        raw = read = same = 0
        for p, text in originals.items():
            wrapped = hard_wrap(text, n)
            raw += sum((found[p] & _signature(wrapped)).values())
            rejoined, _ = unwrap(wrapped)
            read += sum((found[p] & _signature(rejoined)).values())
            same += rejoined == text
        print(f"wrapped at {n} columns: claims kept {raw / total:.3f} ({raw}/{total}) as given, "
              f"{read / total:.3f} ({read}/{total}) read as a text file; texts restored exactly {same}/{len(docs)}",
              flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scripts", default="s2hk,s2tw,t2s,s2twp,fullwidth")
    ap.add_argument("--columns", default="50,72")
    a = ap.parse_args()
    scripts([c for c in a.scripts.split(",") if c])
    wraps([int(c) for c in a.columns.split(",") if c])
    return 0


if __name__ == "__main__":
    sys.exit(main())
