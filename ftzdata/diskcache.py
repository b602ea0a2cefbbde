"""Derived data cached on disk, keyed by the content it came from — never stale.

The cases of a corpus are stored the same way under ``<cache dir>/cases/``, keyed by the manifest, every
document's and sidecar's bytes and the package's files.

The claims of a document depend only on its text and on the extractor's code and lexicon: they are stored
under ``<cache dir>/claims/<key>.pkl``, the key a hash of the text and of every file of
:mod:`ftzdata.extract` (and of :mod:`ftzdata.normalize`). An edited document, or a newer ftzdata, gets a new
key; nothing is ever read back for other content. The cache folder is ``$FTZDATA_CACHE_DIR``, else
``$XDG_CACHE_HOME/ftzdata``, else ``~/.cache/ftzdata`` (as for the font subset); ``FTZDATA_NO_CACHE=1``
turns it off.
Writes go to a temporary file, then rename; an unreadable entry is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

__all__ = ["claims_of_text", "code_key", "cached", "files_key"]

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of the extractor's code and lexicon (``ftzdata/extract/*``, ``ftzdata/normalize.py``)."""
    h = hashlib.sha256()
    for path in sorted([*(_PKG / "extract").glob("*.py"), *(_PKG / "extract").glob("*.yaml"), _PKG / "normalize.py"]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:20]


def _folder(kind: str = "claims") -> Path | None:
    if os.environ.get("FTZDATA_NO_CACHE", "") not in ("", "0"):
        return None
    from .fonts import cache_dir

    return cache_dir() / kind


def files_key(paths) -> str:
    """Hash of the names and bytes of ``paths`` (a missing file counts as absent)."""
    h = hashlib.sha256()
    for p in paths:
        p = Path(p)
        h.update(str(p.name).encode() + b"\0")
        try:
            h.update(hashlib.sha256(p.read_bytes()).digest())
        except OSError:
            h.update(b"absent")
    return h.hexdigest()[:32]


@lru_cache(maxsize=1)
def _package_key() -> str:
    """Hash of the package's code and data files (what derived tables other than claims depend on)."""
    return files_key(sorted(p for p in _PKG.rglob("*") if p.suffix in {".py", ".csv", ".yaml"}
                            and "__pycache__" not in p.parts))


def cached(kind: str, key: str, build):
    """``build()``, stored under ``<cache dir>/<kind>/<key + package key>.pkl`` and read back for the same key
    (the key must cover every input of ``build``; the package's own files are added here)."""
    return _through(kind, f"{key}-{_package_key()[:16]}", build)


def _through(kind: str, name: str, build):
    """The value stored as ``<cache dir>/<kind>/<name>.pkl``, else ``build()`` stored there (an unreadable
    entry is rebuilt; with the cache off, always ``build()``)."""
    folder = _folder(kind)
    if folder is None:
        return build()
    path = folder / f"{name}.pkl"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value) -> None:
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", dir=folder)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a read-only or full cache folder: the result is still right, only not kept
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def claims_of_text(text: str):
    """:func:`ftzdata.extract.claims` of ``text``, from the disk cache when the same text was extracted by the
    same extractor before."""
    def build():
        from .extract import claims  # imported only on a miss: compiling the grammar takes a while

        return claims(text)

    return _through("claims", hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + "-" + code_key(), build)
