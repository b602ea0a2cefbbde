"""Check batch2 gold.csv: same columns as the dev set, every quote occurs exactly once in its doc, every doc has a source.

usage: python check_quotes.py   (run from anywhere; exits 1 and names each bad row)
"""
import csv, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent
COLUMNS = "file,quote,kind,before_low,before_high,after_low,after_high,change_low,change_high,change_pct_low,change_pct_high,unit,per,qualifier,note".split(",")


def problems():
    """Yield one message per problem found in gold.csv / sources.csv."""
    with open(HERE / "gold.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            yield f"gold.csv columns {reader.fieldnames} differ from {COLUMNS}"
        for n, row in enumerate(reader, start=2):
            doc = HERE / "docs" / row["file"]
            if not doc.is_file():
                yield f"gold.csv line {n}: no document {row['file']}"
                continue
            count = doc.read_text(encoding="utf-8").count(row["quote"])
            if count != 1:
                yield f"gold.csv line {n}: quote found {count} times in {row['file']}: {row['quote']!r}"
    with open(HERE / "sources.csv", encoding="utf-8", newline="") as fh:
        listed = {r["file"] for r in csv.DictReader(fh)}
    for doc in sorted((HERE / "docs").glob("*.txt")):
        if doc.name not in listed:
            yield f"sources.csv: no row for {doc.name}"


if __name__ == "__main__":
    found = list(problems())
    print("\n".join(found) or "ok: every quote occurs once in its document, every document has a source")
    sys.exit(1 if found else 0)
