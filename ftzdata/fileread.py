"""Reading a user's file whole, with one clear error for each way it can fail (missing, a folder,
unreadable, empty) — for documents of a corpus and for files given to ``ftzdata add`` — and a CSV table of
known columns (a corpus's manifest, a document's review files) into rows, each problem one error naming the
file and the line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

__all__ = ["read_nonempty_bytes", "csv_records"]


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


def csv_records(path: Path, text: str, columns: list[str], required: list[str], error: type[Exception],
                required_note: str = "") -> tuple[list[dict[str, str]], list[int]]:
    """The rows of CSV ``text`` (the contents of ``path``) as dicts with exactly ``columns`` (cells stripped;
    absent optional columns and a short row's missing cells empty), and each row's line number. Blank lines
    are skipped. ``error`` (an exception class) for a table that is no readable CSV, a required column
    missing (``required_note`` added to the message), an unknown column, a column named twice, or a row
    with more cells than the header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [c.strip() for c in next(reader, [])]
        found = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise error(f"{path}: not a readable CSV (line {reader.line_num}: {exc})") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise error(f"{path}: missing column {', '.join(missing)}; required: {', '.join(required)}{required_note}")
    unknown = [c for c in header if c not in columns]
    if unknown:
        raise error(f"{path}: unknown column {', '.join(map(repr, unknown))}; allowed: {', '.join(columns)}")
    twice = sorted({c for c in header if header.count(c) > 1})
    if twice:
        raise error(f"{path}: the column {', '.join(twice)} is in the header twice; each column once")
    rows, lines = [], []
    for line, row in found:
        if len(row) > len(header):
            raise error(f"{path}: not a readable CSV (line {line}: {len(row)} cells, but the header has "
                        f"{len(header)} columns)")
        cells = dict(zip(header, (cell.strip() for cell in row)))
        rows.append({c: cells.get(c, "") for c in columns})
        lines.append(line)
    return rows, lines
