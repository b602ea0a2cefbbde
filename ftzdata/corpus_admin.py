"""Making and inspecting corpus folders: ``ftzdata init`` and ``ftzdata status``."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .corpus import MANIFEST_COLUMNS, SEEDS_DIR, SIDECARS, Corpus, resolve
from .errors import DocumentError

__all__ = ["init_corpus", "status", "STATUS_COLUMNS"]

STATUS_COLUMNS = ["doc_id", "structure", "cases", "claims", "pending", "accepted", "rejected", "missed", "problems",
                  "missing_metadata"]
_METADATA = ("title_zh", "issuer", "date", "zone")


def init_corpus(path: str | Path, with_seeds: bool = False) -> Path:
    """Create the corpus folder ``path`` (absent or empty) with an empty manifest, or a copy of the seeds.

    The folder appears whole or not at all: it is filled beside its destination, then renamed.
    """
    dest = Path(path)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise DocumentError(f"{dest}: already exists and is not an empty folder; choose a new folder")
    parent = dest.parent if str(dest.parent) else Path(".")
    if not parent.is_dir():
        raise DocumentError(f"{parent}: folder not found; create it first, or choose a folder inside an existing one")
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=parent))
    try:
        if with_seeds:
            for doc_id in Corpus(SEEDS_DIR).doc_ids:
                for src in _files_of(Corpus(SEEDS_DIR), doc_id):
                    shutil.copy2(src, work / src.name)
            shutil.copy2(SEEDS_DIR / "manifest.csv", work / "manifest.csv")
        else:
            (work / "manifest.csv").write_text(",".join(MANIFEST_COLUMNS) + "\n", encoding="utf-8")
        if dest.exists():
            dest.rmdir()
        work.rename(dest)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return dest


def _files_of(corpus: Corpus, doc_id: str) -> list[Path]:
    files = [corpus.path(doc_id)]
    files += [p for p in (corpus.sidecar(doc_id, k) for k in SIDECARS) if p.is_file()]
    return files


def status(corpus: Corpus | str | None = None) -> pd.DataFrame:
    """One row per document: the structure its cases were found by, cases, claims by review status,
    decisions that cannot be applied, and the manifest fields left empty."""
    from .cases import cases as _cases
    from .review import reconcile

    corpus = resolve(corpus)
    docs = corpus.documents()
    case_rows = _cases(corpus)
    rec = reconcile(corpus)
    rows = []
    for doc in docs.to_dict("records"):
        d = doc["doc_id"]
        mine = lambda df: df[df["doc_id"] == d] if len(df) else df
        matched = mine(rec.matched)
        rows.append(dict(
            doc_id=d, structure=doc.get("structure") or doc.get("layout") or "",
            cases=int((case_rows["doc_id"] == d).sum()),
            claims=len(matched) + len(mine(rec.pending)),
            pending=len(mine(rec.pending)),
            accepted=int((matched["status"] == "accepted").sum()) if len(matched) else 0,
            rejected=int((matched["status"] == "rejected").sum()) if len(matched) else 0,
            missed=len(mine(rec.missed)),
            problems=len(mine(rec.lost)) + len(mine(rec.stale)),
            missing_metadata=", ".join(f for f in _METADATA if not doc.get(f)),
        ))
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)
