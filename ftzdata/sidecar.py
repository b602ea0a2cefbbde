"""Reading and writing the reviewed CSV files beside each document (``<doc_id>.cases.csv``, ``.review.csv``).

They are written as UTF-8 with a byte-order mark, so that Excel shows the Chinese text, and read back
with or without it. A bad row is one :class:`~ftzdata.errors.ReviewError` naming file, line and column.
Writes go to a temporary file in the same folder, then replace the old file in one rename.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import ReviewError
from .fileread import csv_records

__all__ = ["read_sidecar_rows", "SidecarRows", "write_sidecar", "bad_cell"]


class SidecarRows(list):
    """The rows of a sidecar as dicts (column → stripped cell, every column), with a frame's ``attrs``:
    ``path`` and ``lines`` (each row's line number in the file, for :func:`bad_cell`)."""

    def __init__(self, rows: list[dict[str, str]], path: Path, lines: list[int]):
        super().__init__(rows)
        self.attrs = {"path": path, "lines": lines}


def read_sidecar_rows(path: Path, columns: list[str], required: list[str]) -> SidecarRows:
    """The CSV at ``path`` as :class:`SidecarRows` with exactly ``columns`` (absent optional ones and a short
    row's missing cells empty). Blank lines are skipped. Read with :mod:`csv`: a document's sidecar is small,
    and a corpus has one per document (pandas' reader costs milliseconds a file)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not valid UTF-8 (byte {exc.start}); save it as CSV UTF-8") from None
    if not text.strip():
        return SidecarRows([], path, [])
    rows, lines = csv_records(path, text, columns, required, ReviewError)
    return SidecarRows(rows, path, lines)


def bad_cell(df, i: int, column: str, problem: str) -> ReviewError:
    """The error for row position ``i`` of a sidecar read by :func:`read_sidecar_rows` (or of a dataframe with
    the same ``attrs``)."""
    line = df.attrs.get("lines", [None] * (i + 1))[i]
    return ReviewError(f"{df.attrs.get('path', 'sidecar')}, line {line}, column {column}: {problem}")


def write_sidecar(path: Path, df: pd.DataFrame, columns: list[str]) -> Path:
    """Write ``df[columns]`` to ``path`` atomically (UTF-8 with BOM, ``\\n`` line ends)."""
    data = df[columns].fillna("").astype(str).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
