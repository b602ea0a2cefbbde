"""Writing files and folders safely: a file through a temporary file and a rename, a folder swapped in at
once, an exclusive lock, and the clean-up of what killed runs left. No pandas: an unchanged rerun uses these.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

__all__ = ["atomic_write_bytes", "clean_leftovers", "folder_lock", "publish_folder", "PART"]

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
