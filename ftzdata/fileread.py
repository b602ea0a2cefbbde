"""Reading a user's file whole, with one clear error for each way it can fail (missing, a folder,
unreadable, empty) — for documents of a corpus and for files given to ``ftzdata add``."""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_nonempty_bytes"]


def read_nonempty_bytes(path: Path, error: type[Exception], missing: str = "no such file",
                        empty: str = "the file is empty") -> bytes:
    """The bytes of ``path``; ``error`` (an exception class) with a message naming the file otherwise:
    ``missing`` when it does not exist, ``empty`` when it holds nothing but white space."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: {missing}") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a document file") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise error(f"{path}: {empty}")
    return data
