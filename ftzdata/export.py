"""Writers for the published tables: CSV and Parquet, written atomically and byte-identically.

Every file is written to a temporary file in the target folder and renamed into place, so a failed
run never leaves a half-written file and never damages the previous good one.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pandas as pd

__all__ = ["atomic_write_bytes", "to_csv_bytes", "to_parquet_bytes", "flat"]


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def flat(df: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with '; ', dates as ISO strings, categories as strings: a table any tool can read."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            out[col] = s.astype("string")
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d").astype("string")
        elif s.dtype == object and s.map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = s.map(lambda v: "; ".join(v) if isinstance(v, (list, tuple)) else v)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV without BOM, '\\n' line ends, ISO dates, no index."""
    return flat(df).to_csv(index=False, lineterminator="\n").encode("utf-8")


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    """Parquet (pyarrow), lists kept as lists; deterministic for the same data and library versions."""
    buf = io.BytesIO()
    out = df.copy()
    out.attrs = {}
    out.to_parquet(buf, index=False, engine="pyarrow", compression="zstd")
    return buf.getvalue()
