"""Reading and writing the reviewed CSV files beside each document (``<doc_id>.cases.csv``, ``.review.csv``).

They are written as UTF-8 with a byte-order mark, so that Excel shows the Chinese text, and read back
with or without it. A bad row is one :class:`~ftzdata.errors.ReviewError` naming file, line and column.
Writes go to a temporary file in the same folder, then replace the old file in one rename.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import ReviewError

__all__ = ["read_sidecar", "write_sidecar", "bad_cell"]


def read_sidecar(path: Path, columns: list[str], required: list[str]) -> pd.DataFrame:
    """The CSV at ``path`` with exactly ``columns`` (absent optional ones empty; cells stripped strings).

    ``line`` (the file's line number of each row) is kept in ``df.attrs['lines']`` for error messages.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not valid UTF-8 (byte {exc.start}); save it as CSV UTF-8") from None
    if not text.strip():
        return pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise ReviewError(f"{path}: not a readable CSV ({str(exc).splitlines()[0]})") from None
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ReviewError(f"{path}: missing column {', '.join(missing)}; required: {', '.join(required)}")
    unknown = [c for c in df.columns if c not in columns]
    if unknown:
        raise ReviewError(f"{path}: unknown column {', '.join(map(repr, unknown))}; allowed: {', '.join(columns)}")
    for c in columns:
        if c not in df.columns:
            df[c] = ""
    df = df[columns].apply(lambda s: s.str.strip())
    df.attrs["path"] = path
    df.attrs["lines"] = list(range(2, len(df) + 2))  # header is line 1 (rows with line breaks in cells: approximate)
    return df


def bad_cell(df: pd.DataFrame, i: int, column: str, problem: str) -> ReviewError:
    """The error for row position ``i`` of a sidecar read by :func:`read_sidecar`."""
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
