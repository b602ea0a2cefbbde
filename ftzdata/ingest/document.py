"""``read_document``: any allowed file to an :class:`Extracted` (one reader per format)."""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_yaml

from ftzdata.errors import IngestError
from ftzdata.fileread import read_nonempty_bytes

__all__ = ["Extracted", "read_document", "settings"]


@dataclass(frozen=True)
class Extracted:
    """What a reader got from a file.

    ``text`` is the UTF-8 text that quotes and offsets refer to (``\\n`` line ends, no BOM); ``format`` is
    ``'html'``, ``'docx'``, ``'pdf'`` or ``'text'``; ``encoding`` is the codec the bytes were decoded with
    (text and HTML files; ``None`` for Word and PDF); ``sha256`` is the hex digest of the file's bytes.
    """

    path: Path
    text: str
    format: str
    encoding: str | None
    sha256: str
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def settings() -> dict:
    """The readers' settings and word lists (``readers.yaml`` beside this module)."""
    return read_yaml((Path(__file__).with_name("readers.yaml")).read_text(encoding="utf-8"))


def allowed_suffixes() -> list[str]:
    """File suffixes ``read_document`` accepts, sorted."""
    return sorted(settings()["formats"])


def _format_of(path: Path) -> str:
    fmt = settings()["formats"].get(path.suffix.lower())
    if fmt is None:
        what = f"'{path.suffix}' files" if path.suffix else "files without a suffix"
        raise IngestError(f"{path}: cannot read {what}; allowed: {', '.join(allowed_suffixes())}")
    return fmt


def _read_bytes(path: Path) -> bytes:
    return read_nonempty_bytes(path, IngestError)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` → ``\\n``; a leading BOM dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def read_document(path) -> Extracted:
    """Read ``path`` (.html/.htm, .docx, .pdf, .txt/.md) into UTF-8 text; :class:`IngestError` otherwise.

    The error is one line naming the file and what is allowed (or what is wrong with it).
    """
    path = Path(path)
    fmt = _format_of(path)
    data = _read_bytes(path)
    reader = importlib.import_module(f"ftzdata.ingest.read_{fmt}")  # each reader loads only its own library
    text, encoding, warnings = reader.read(data, path)
    text = normalize_newlines(text).strip("\n")
    if not text.strip():
        raise IngestError(f"{path}: no text found in this {fmt} file")
    return Extracted(path, text, fmt, encoding, hashlib.sha256(data).hexdigest(), list(warnings))
