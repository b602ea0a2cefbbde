"""Derived data cached on disk, keyed by the content it came from — never stale.

The claims of a document depend only on its text and on the extractor's code and lexicon: they are stored
under ``<cache dir>/claims/<key>.pkl``, the key a hash of the text and of every file of
:mod:`ftzdata.extract` (and of :mod:`ftzdata.normalize`). An edited document, or a newer ftzdata, gets a new
key; nothing is ever read back for other content. The cache folder is ``$FTZDATA_CACHE_DIR``, else
``$XDG_CACHE_HOME/ftzdata``, else ``~/.cache/ftzdata`` (as for the font subset); ``FTZDATA_NO_CACHE=1``
turns it off.
Writes go to a temporary file, then rename; an unreadable entry is rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

__all__ = ["claims_of_text", "code_key"]

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of the extractor's code and lexicon (``ftzdata/extract/*``, ``ftzdata/normalize.py``)."""
    h = hashlib.sha256()
    for path in sorted([*(_PKG / "extract").glob("*.py"), *(_PKG / "extract").glob("*.yaml"), _PKG / "normalize.py"]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:20]


def _folder() -> Path | None:
    if os.environ.get("FTZDATA_NO_CACHE", "") not in ("", "0"):
        return None
    from .fonts import cache_dir

    return cache_dir() / "claims"


def claims_of_text(text: str):
    """:func:`ftzdata.extract.claims` of ``text``, from the disk cache when the same text was extracted by the
    same extractor before."""
    folder = _folder()
    if folder is None:
        from .extract import claims

        return claims(text)
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + "-" + code_key()
    path = folder / f"{key}.pkl"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    from .extract import claims  # imported only on a miss: compiling the grammar takes a while

    df = claims(text)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", dir=folder)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(df, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a read-only or full cache folder: the result is still right, only not kept
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass
    return df
