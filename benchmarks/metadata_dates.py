"""How often ``ftzdata add`` reads a real text's date right: ``detect_date`` on every text of the real-text
sets against the date its annotator recorded in ``sources.csv`` (from the page, its URL or its dateline).

    PYTHONPATH=. .venv/bin/python benchmarks/metadata_dates.py [-v]

Counts: right (the recorded date starts with the detected one, or the other way round), same year but
another day or month (often the page's date against the article's), wrong year, none detected; texts whose
recorded date has no year are counted apart. ``-v`` lists every detected date that is not right, with the
words around it.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ftzdata.ingest.metadata import detect_date  # noqa: E402

SETS = sorted((ROOT / "benchmarks" / "realtext").glob("batch*/sources.csv"), key=lambda p: int(p.parent.name[5:]))
SETS.append(ROOT.parent / "shared" / "realtext" / "sources.csv")
RECORDED = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def outcome(recorded: str, found) -> str:
    m = RECORDED.match(recorded.strip())
    if not m:
        return "no recorded date: " + ("none detected" if found is None else "detected")
    if found is None:
        return "none detected"
    want = "-".join(g for g in m.groups() if g)
    if want.startswith(found[0]) or found[0].startswith(want):
        return "right"
    return "same year, other day or month" if found[0][:4] == want[:4] else "wrong year"


def main(verbose: bool) -> None:
    counts, shown = Counter(), []
    for sources in SETS:
        if not sources.exists():
            continue
        for row in csv.DictReader(sources.open(encoding="utf-8")):
            path = sources.parent / "docs" / row.get("file", "")
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            found = detect_date(text)
            got = outcome(row.get("date") or "", found)
            counts[got] += 1
            if verbose and found and got in ("wrong year", "same year, other day or month"):
                near = text[max(0, found[2] - 25): found[3] + 10].replace("\n", "/")
                shown.append(f"{sources.parent.name}/{path.name} | recorded {row['date'][:40]} | detected {found[0]} | {near}")
    dated = sum(n for k, n in counts.items() if not k.startswith("no recorded"))
    for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        share = f" ({n / dated:.1%} of {dated} dated texts)" if not key.startswith("no recorded") else ""
        print(f"{key:34s} {n:5d}{share}")
    detected = counts["right"] + counts["same year, other day or month"] + counts["wrong year"]
    if detected:
        print(f"of the dates detected: {counts['right'] / detected:.1%} right, "
              f"{counts['wrong year'] / detected:.1%} in a wrong year")
    print(*shown, sep="\n")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
