"""How often ``ftzdata add`` reads a real text's date and zone right, on every text of the real-text sets.

    PYTHONPATH=. .venv/bin/python benchmarks/metadata_detect.py [-v]

Dates: ``detect_date`` against the date the text's annotator recorded in ``sources.csv`` (from the page, its URL
or its dateline). Counts: right (the recorded date starts with the detected one, or the other way round), same
year but another day or month (often the page's date against the article's), wrong year, none detected; texts
whose recorded date has no year are counted apart.

Zones: the zone ``add`` fills in (``manifest_row``) against the zone code in the text's file name (``07_gd_…``: gd),
each code read as the zone that the texts naming exactly one zone most often name (codes some batches used for
two provinces, hb and hn, and bj for Hebei's Daxing area, make a few of the "wrong" ones right); texts whose code
names no one zone (nat, multi …) are left out.

``-v`` lists every detected date and zone that is not right, with the words around a date.
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
from ftzdata.add import AddOptions, manifest_row  # noqa: E402
from ftzdata.normalize import normalize_text  # noqa: E402
from ftzdata.vocab import zones_named  # noqa: E402

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
    zones(verbose)


def zones(verbose: bool) -> None:
    texts = []
    for sources in SETS:
        for path in sorted((sources.parent / "docs").glob("*.txt")):
            code = re.match(r"\d+_([a-z]+)_", path.name)
            texts.append((path, code.group(1) if code else "", path.read_text(encoding="utf-8")))
    named = {}
    for path, code, text in texts:
        if len(one := zones_named(normalize_text(text))) == 1:
            named.setdefault(code, Counter())[one[0]] += 1
    zone_of_code = {c: n.most_common(1)[0][0] for c, n in named.items() if n.most_common(1)[0][1] >= 3}
    counts, shown = Counter(), []
    for path, code, text in texts:
        if code not in zone_of_code:
            continue
        got = manifest_row(text, AddOptions())[0].get("zone")  # what add fills in
        counts["none" if got is None else "right" if got == zone_of_code[code] else "wrong"] += 1
        if verbose and got not in (None, zone_of_code[code]):
            shown.append(f"{path.parent.parent.name}/{path.name} | code {code} = {zone_of_code[code]} | detected {got}")
    total = sum(counts.values())
    print(f"\nzones of {total} texts with a one-zone code: " + ", ".join(
        f"{k} {counts[k]} ({counts[k] / total:.1%})" for k in ("right", "wrong", "none")))
    print(*shown, sep="\n")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
