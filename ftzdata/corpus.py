"""The source documents under ``seeds/``: manifest, verified text and normalised text.

``Corpus(root)`` reads ``root/manifest.csv``; the package's own copy of the seeds is the default corpus
behind ``ftzdata.documents()``, ``ftzdata.document_text()`` and ``ftzdata.normalized_text()``.
Every read is checked: a file that is missing, empty, not UTF-8, or whose SHA-256 differs from the
manifest raises :class:`~ftzdata.errors.DocumentError` naming the file and the problem.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import DocumentError, UnknownValueError
from .normalize import Normalized, normalize

__all__ = ["Corpus", "SEEDS_DIR", "default_corpus"]


def _find_seeds() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "seeds", here / "seeds"):  # source tree, then an installed wheel
        if (candidate / "manifest.csv").is_file():
            return candidate
    return here.parent / "seeds"


SEEDS_DIR = _find_seeds()

MANIFEST_COLUMNS = [
    "doc_id", "file", "title_zh", "title_en", "issuer", "issuer_en", "doc_number", "date",
    "script", "kind", "n_cases", "layout", "case_prefix", "sha256", "source_file", "notes",
]
OPTIONAL_COLUMNS = ("case_prefix",)  # a manifest may leave these out: read as empty


def _parse_date(value: str) -> tuple[pd.Timestamp | None, str | None]:
    """ISO date with reduced precision ('2015-11-30', '2017-07', '2021') -> (first day, precision)."""
    if not value:
        return None, None
    parts = value.split("-")
    precision = {1: "year", 2: "month", 3: "day"}.get(len(parts))
    try:
        stamp = pd.Timestamp(year=int(parts[0]), month=int(parts[1]) if len(parts) > 1 else 1,
                             day=int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError) as exc:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return stamp, precision


class Corpus:
    """A folder of source documents described by its ``manifest.csv``."""

    def __init__(self, root: str | Path | None = None):
        self.root = Path(root) if root is not None else SEEDS_DIR
        self.manifest_path = self.root / "manifest.csv"
        if not self.manifest_path.is_file():
            raise DocumentError(f"{self.manifest_path}: manifest not found")
        manifest = pd.read_csv(self.manifest_path, dtype=str, keep_default_na=False, encoding="utf-8")
        for col in OPTIONAL_COLUMNS:
            if col not in manifest.columns:
                manifest[col] = ""
        missing = [c for c in MANIFEST_COLUMNS if c not in manifest.columns]
        if missing:
            raise DocumentError(f"{self.manifest_path}: missing columns {missing}; expected {MANIFEST_COLUMNS}")
        if manifest["doc_id"].duplicated().any():
            dup = manifest.loc[manifest["doc_id"].duplicated(), "doc_id"].tolist()
            raise DocumentError(f"{self.manifest_path}: duplicate doc_id {dup}")
        self._manifest = manifest[MANIFEST_COLUMNS]
        self._cache: dict[str, str] = {}

    # ------------------------------------------------------------------ metadata
    @property
    def doc_ids(self) -> list[str]:
        """The documents' ids, in manifest order."""
        return self._manifest["doc_id"].tolist()

    def _row(self, doc_id: str) -> pd.Series:
        rows = self._manifest[self._manifest["doc_id"] == doc_id]
        if rows.empty:
            raise UnknownValueError("doc_id", doc_id, self.doc_ids)
        return rows.iloc[0]

    def path(self, doc_id: str) -> Path:
        """The file of ``doc_id``."""
        return self.root / self._row(doc_id)["file"]

    def documents(self) -> pd.DataFrame:
        """One row per document: the manifest's columns, ``published`` (first day of the stated
        date), ``date_precision`` (day, month or year) and ``n_chars`` (characters of the original)."""
        df = self._manifest.copy()
        parsed = [_parse_date(d) for d in df["date"]]
        df["published"] = pd.to_datetime(pd.Series([p[0] for p in parsed], dtype="object"))
        df["date_precision"] = pd.Series([p[1] for p in parsed], dtype="object")
        df["n_cases"] = pd.to_numeric(df["n_cases"]).astype("int64")
        df["n_chars"] = [len(self.text(d)) for d in df["doc_id"]]
        df = df.replace({"": None})
        df.attrs.update(
            title="Source documents of ftzdata",
            source=str(self.manifest_path),
            description="Public Chinese government texts about Pilot Free Trade Zone reform cases.",
        )
        return df

    # ------------------------------------------------------------------ text
    def text(self, doc_id: str) -> str:
        """The original text of ``doc_id``, exactly as stored, after checking the file."""
        if doc_id in self._cache:
            return self._cache[doc_id]
        row = self._row(doc_id)
        path = self.root / row["file"]
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise DocumentError(f"{path}: file not found (listed in {self.manifest_path})") from None
        if not data.strip():
            raise DocumentError(f"{path}: the file is empty; expected the text of document {doc_id!r}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 4]!r}); "
                "documents must be UTF-8 text"
            ) from None
        digest = hashlib.sha256(data).hexdigest()
        if row["sha256"] and digest != row["sha256"]:
            raise DocumentError(
                f"{path}: sha256 {digest[:12]}… differs from the manifest's {row['sha256'][:12]}…; "
                "the file was changed since it was registered (restore it, or update manifest.csv)"
            )
        self._cache[doc_id] = text
        return text

    def normalized(self, doc_id: str) -> Normalized:
        """The text of ``doc_id`` normalised for parsing, with its map back to the original."""
        return _normalized_cached(self.text(doc_id))


@lru_cache(maxsize=16)
def _normalized_cached(text: str) -> Normalized:
    return normalize(text)


@lru_cache(maxsize=1)
def default_corpus() -> Corpus:
    """The corpus bundled with the package (``seeds/``)."""
    return Corpus()
