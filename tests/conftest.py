import csv
import hashlib
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_copy(tmp_path):
    """A writable copy of seeds/ for tests that damage files."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


def register_sha(seeds_dir: Path, doc_id: str) -> None:
    """Record the current sha256 of ``doc_id``'s file in ``seeds_dir/manifest.csv`` (for tests that edit a
    document on purpose and want only the edit, not the checksum, to matter)."""
    path = seeds_dir / "manifest.csv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["doc_id"] == doc_id:
            r["sha256"] = hashlib.sha256((seeds_dir / r["file"]).read_bytes()).hexdigest()
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
