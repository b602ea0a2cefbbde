"""Writers for the published tables: CSV, Parquet, Stata and Excel bytes, the same bytes for the same frame.

Files are written with :func:`ftzdata.atomic.atomic_write_bytes` (a temporary file in the target folder renamed
into place), so a failed run never leaves a half-written file and never damages the previous good one.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from .atomic import atomic_write_bytes, clean_leftovers, folder_lock, publish_folder  # noqa: F401 (re-exported)

__all__ = ["atomic_write_bytes", "clean_leftovers", "folder_lock", "publish_folder", "to_csv_bytes",
           "to_parquet_bytes", "flat"]


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


STATA_NAMES = {"start": "start_offset", "end": "end_offset"}  # `end` is reserved in Stata


def to_stata_bytes(df: pd.DataFrame, label: str = "", variable_labels: dict | None = None) -> bytes:
    """Stata .dta (version 118, Unicode), with a fixed time stamp so that the bytes do not change.

    ``start``/``end`` become ``start_offset``/``end_offset``; ``variable_labels`` (≤ 80 characters) label
    the variables."""
    import datetime as _dt

    out = flat(df).rename(columns=STATA_NAMES)
    labels = {STATA_NAMES.get(k, k): v[:80] for k, v in (variable_labels or {}).items() if k in df.columns}
    for col in out.columns:
        if out[col].dtype == "bool":
            out[col] = out[col].astype("int8")
        elif not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].astype(object).where(out[col].notna(), "").astype(str)
    buf = io.BytesIO()
    out.to_stata(buf, write_index=False, version=118, data_label=label[:80] or None,
                 time_stamp=_dt.datetime(2000, 1, 1), variable_labels=labels)
    return buf.getvalue()


def to_excel_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook, one sheet per table; zip entries and document properties carry fixed dates."""
    import zipfile

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, df in sheets.items():
            flat(df).to_excel(writer, sheet_name=name[:31], index=False)
        import datetime as _dt

        props = writer.book.properties
        props.created = props.modified = _dt.datetime(2000, 1, 1)
        props.creator = props.lastModifiedBy = "ftzdata"
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    fixed = io.BytesIO()
    with zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)
    return fixed.getvalue()
