"""Writers for the published tables: CSV and Parquet, written atomically and byte-identically.

Every file is written to a temporary file in the target folder and renamed into place, so a failed
run never leaves a half-written file and never damages the previous good one.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

__all__ = ["atomic_write_bytes", "clean_leftovers", "folder_lock", "publish_folder", "to_csv_bytes",
           "to_parquet_bytes", "flat"]

PART = ".part"  #: suffix of the temporary files written here; left-overs of killed runs end in it


def _write_file(fd: int, data: bytes) -> None:
    """Write ``data`` to the open file ``fd`` and close it."""
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a uniquely named temporary file and a rename.

    On failure (a full disk, a read-only folder) the temporary file is removed, ``path`` keeps its
    previous content and the OSError names ``path``."""
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART, dir=path.parent)
        _write_file(fd, data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise
    return path


def clean_leftovers(folder: str | Path) -> list[Path]:
    """Remove the temporary files of killed runs (``.NAME.*.part``) directly in ``folder``; returns them."""
    removed = []
    folder = Path(folder)
    if folder.is_dir():
        for tmp in folder.glob(f".*{PART}"):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


@contextlib.contextmanager
def folder_lock(folder: str | Path, name: str = ".lock", on_wait=None):
    """Hold an exclusive lock (``fcntl.flock`` on ``folder/name``) while the block runs.

    If another process holds it, ``on_wait(pid_text)`` is called once and the call waits for it.
    Where ``fcntl`` does not exist (Windows) the block runs unlocked."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / name, "a+", encoding="utf-8") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                f.seek(0)
                on_wait(f.read().strip() or "?")
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            f.seek(0)
            f.truncate()
            f.write(str(os.getpid()))
            f.flush()
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return rc == 0


def publish_folder(new: str | Path, target: str | Path) -> None:
    """Make the finished folder ``new`` become ``target`` (a sibling) all at once; the old ``target`` goes.

    With an atomic exchange where the system has one, else two renames (``target`` is missing for an
    instant, never mixed)."""
    new, target = Path(new), Path(target)
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the old set
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rename(target, old / target.name)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


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
