"""A corpus is a folder: ``manifest.csv``, each document's text, and beside each document its review.

    corpus/
      manifest.csv                     one row per document (see MANIFEST_COLUMNS; only doc_id and file required)
      <file>                           the document's text (UTF-8): what quotes and offsets refer to
      <doc_id>.cases.csv               optional: what the text does not say about its cases (English titles,
                                       areas, assigned domains, zone) — see ftzdata.cases
      <doc_id>.review.csv              optional: the claim review (accepted / rejected / missed / pending,
                                       with reasons) — see ftzdata.review
      originals/<doc_id>/<name>        optional: the file as received (web page, Word, PDF …), byte for byte,
                                       which ``ftzdata add`` converted to the text (see ftzdata.add)

The bundled seeds are one such folder. Which corpus a call reads is decided in one place,
:func:`resolve`: a :class:`Corpus` or a path passed as ``corpus=``, else ``$FTZDATA_CORPUS``, else the
bundled seeds. Every read is checked: a file that is missing, empty, not UTF-8, or whose SHA-256 differs
from the manifest raises :class:`~ftzdata.errors.DocumentError` naming the file and the problem.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DocumentError, FtzDataWarning, UnknownValueError
from .fileread import csv_records, read_nonempty_bytes

if TYPE_CHECKING:  # imported on use: opening a corpus (an unchanged rerun's whole work) needs neither
    import pandas as pd

    from .normalize import Normalized

__all__ = ["Corpus", "SEEDS_DIR", "default_corpus", "resolve", "MANIFEST_COLUMNS", "REQUIRED_COLUMNS",
           "SIDECARS"]

ENV_VAR = "FTZDATA_CORPUS"
#: Set to 1 in a report's kernel (see :func:`ftzdata.report.template.kernel_env`): the kernel looks at its
#: corpus's files once (:meth:`Corpus.fingerprint`) and reads that one state for the whole report, instead of
#: stat-ing every file again on every call (3,000 files of a 1,000-document corpus: 7 ms a call). A corpus
#: edited during a build is still rebuilt: the build's key, taken from the files before it ran, no longer
#: matches them.
SNAPSHOT_ENV = "FTZDATA_CORPUS_SNAPSHOT"


def _find_seeds() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "seeds", here / "seeds"):  # source tree, then an installed wheel
        if (candidate / "manifest.csv").is_file():
            return candidate
    return here.parent / "seeds"


SEEDS_DIR = _find_seeds()

MANIFEST_COLUMNS = [
    "doc_id", "file", "title_zh", "title_en", "issuer", "issuer_en", "doc_number", "date",
    "script", "kind", "zone", "n_cases", "layout", "case_prefix", "sha256", "source_file", "original",
    "original_sha256", "source_url", "encoding", "notes",
]
REQUIRED_COLUMNS = ["doc_id", "file"]
SCRIPTS = ("simplified", "traditional")
SIDECARS = {"cases": "cases.csv", "review": "review.csv"}  # kind -> suffix after "<doc_id>."
_DOC_ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,79}")
_SHA_RE = re.compile(r"[0-9a-f]{64}")


def _parse_date(value: str) -> tuple[datetime.datetime | None, str | None]:
    """ISO date with reduced precision ('2015-11-30', '2017-07', '2021') -> (first day, precision)."""
    if not value:
        return None, None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not m:
        raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    precision = "day" if day else "month" if month else "year"
    try:
        stamp = datetime.datetime(year, month or 1, day or 1)
    except ValueError as exc:
        raise ValueError(f"not a real date ({exc})") from None
    return stamp, precision


def _stat_key(path: Path) -> tuple:
    try:
        st = path.stat()
    except FileNotFoundError:
        return (str(path), None)
    return (str(path), st.st_mtime_ns, st.st_size)


class Corpus:
    """A folder of source documents described by its ``manifest.csv`` (see the module docstring)."""

    def __init__(self, root: str | os.PathLike | None = None):
        self.root = Path(root) if root is not None else SEEDS_DIR
        self.manifest_path = self.root / "manifest.csv"
        if not self.root.is_dir():
            raise DocumentError(f"{self.root}: corpus folder not found (a corpus is a folder with a manifest.csv; "
                                "`ftzdata init DIR` creates one)")
        if not self.manifest_path.is_file():
            raise DocumentError(f"{self.manifest_path}: manifest not found (`ftzdata init {self.root}` creates one)")
        self._manifest_stat = _stat_key(self.manifest_path)
        self._records = _read_manifest(self.manifest_path)
        self._verified: dict[str, tuple[tuple, bytes, int]] = {}  # doc_id -> (stat, sha256, characters)
        self._last: tuple[str, tuple, str] | None = None  # (doc_id, stat, text) of the one text kept
        self._rows = {r["doc_id"]: r for r in self._records}
        self._derived: dict[str, tuple[str, object]] = {}
        self._watched: list[str] | None = None
        self._snapshot: str | None = None  # the fingerprint kept under SNAPSHOT_ENV
        self._warned_unverified = False

    def __repr__(self) -> str:
        return f"Corpus({str(self.root)!r}, {len(self.doc_ids)} documents)"

    # ------------------------------------------------------------------ metadata
    @property
    def doc_ids(self) -> list[str]:
        """The documents' ids, in manifest order."""
        return [r["doc_id"] for r in self._records]

    @property
    def is_bundled(self) -> bool:
        """Whether this is the package's own seeds folder."""
        return self.root.resolve() == SEEDS_DIR.resolve()

    def row(self, doc_id: str) -> dict[str, str]:
        """The manifest row of ``doc_id`` (column → cell, every column of MANIFEST_COLUMNS, empty cells as '')."""
        if doc_id not in self._rows:
            raise UnknownValueError("doc_id", doc_id, self.doc_ids)
        return self._rows[doc_id]


    def path(self, doc_id: str) -> Path:
        """The text file of ``doc_id``."""
        return self.root / self.row(doc_id)["file"]

    def sidecar(self, doc_id: str, kind: str) -> Path:
        """The path of ``doc_id``'s sidecar of ``kind`` (cases or review), whether or not it exists."""
        if kind not in SIDECARS:
            raise UnknownValueError("sidecar kind", kind, SIDECARS)
        self.row(doc_id)
        return self.root / f"{doc_id}.{SIDECARS[kind]}"

    def documents(self) -> pd.DataFrame:
        """One row per document: the manifest's columns, ``structure`` (how its cases were found: see
        :mod:`ftzdata.splitter`), ``published`` (first day of the stated date), ``date_precision`` (day,
        month or year) and ``n_chars`` (characters of the text)."""
        def build(c: Corpus) -> pd.DataFrame:
            from .cases import structures

            df = c.manifest_frame()
            df.insert(df.columns.get_loc("layout") + 1, "structure", structures(c).tolist())
            return df

        return self.derived("documents", build).copy()

    def manifest_frame(self) -> pd.DataFrame:
        """:meth:`documents` without ``structure`` (which needs the cases)."""
        import pandas as pd

        df = pd.DataFrame(self._records, columns=MANIFEST_COLUMNS, dtype=str)  # as read_csv(dtype=str) reads
        parsed = [_parse_date(d) for d in df["date"]]  # checked when the manifest was read
        df["published"] = pd.to_datetime(pd.Series([p[0] for p in parsed], dtype="object"))
        df["date_precision"] = pd.Series([p[1] for p in parsed], dtype="object")
        df["n_cases"] = pd.to_numeric(df["n_cases"].replace("", None)).astype("Int64")
        df["n_chars"] = [self.n_chars(d) for d in df["doc_id"]]
        df = df.replace({"": None})
        if not df["n_cases"].isna().any():
            df["n_cases"] = df["n_cases"].astype("int64")
        df.attrs.update(
            title="Source documents of ftzdata",
            source=str(self.manifest_path),
            corpus=str(self.root),
            description="Public Chinese texts about Pilot Free Trade Zone reform cases.",
        )
        return df

    # ------------------------------------------------------------------ text
    def text(self, doc_id: str) -> str:
        """The text of ``doc_id``, exactly as stored, after checking the file (UTF-8, sha256).

        Only the text read last is kept (a corpus run reads one document at a time: its memory does not grow
        with the corpus); what is known of the others is their checked digest and length."""
        row = self.row(doc_id)
        path = self.root / row["file"]
        key = _stat_key(path)
        if self._last is not None and self._last[:2] == (doc_id, key):
            return self._last[2]
        self._last = None  # the previous text is freed before this one is read
        text, digest = _read_text(path, row, self.manifest_path)
        if not row["sha256"] and not self._warned_unverified:
            self._warned_unverified = True
            unverified = [r["doc_id"] for r in self._records if not r["sha256"]]
            warnings.warn(f"{self.manifest_path}: no sha256 recorded for {', '.join(unverified)}: their text is not "
                          "verified (`ftzdata add` records it)", FtzDataWarning, stacklevel=3)
        self._verified[doc_id] = (key, digest, len(text))
        self._last = (doc_id, key, text)
        return text

    def _checked(self, doc_id: str) -> tuple[bytes, int]:
        """(SHA-256 of the file's bytes, length of its text in characters), the file read and checked as by
        :meth:`text` unless it is unchanged (by stat) since it was."""
        key = _stat_key(self.path(doc_id))
        hit = self._verified.get(doc_id)
        if hit is None or hit[0] != key:
            self.text(doc_id)
            hit = self._verified[doc_id]
        return hit[1], hit[2]

    def digest(self, doc_id: str) -> bytes:
        """The SHA-256 digest (32 bytes) of ``doc_id``'s file, which :meth:`text` checks against the manifest."""
        return self._checked(doc_id)[0]

    def n_chars(self, doc_id: str) -> int:
        """The length of ``doc_id``'s text in characters."""
        return self._checked(doc_id)[1]

    def normalized(self, doc_id: str) -> Normalized:
        """The text of ``doc_id`` normalised for parsing, with its map back to the original."""
        return _normalized_cached(self.text(doc_id))

    # ------------------------------------------------------------------ derived data
    def fingerprint(self) -> str:
        """A key that changes whenever the manifest, a document or a sidecar changes (by stat); in a report's
        kernel (``$FTZDATA_CORPUS_SNAPSHOT`` = 1) the first one, kept."""
        if self._snapshot is not None:
            return self._snapshot
        if self._watched is None:  # the files the manifest names (a changed manifest changes its own stat)
            self._watched = [os.path.join(self.root, name) for r in self._records
                             for name in (r["file"], *(f"{r['doc_id']}.{suffix}" for suffix in SIDECARS.values()))]
        parts = [self._manifest_stat]
        for path in self._watched:
            try:
                st = os.stat(path)
                parts.append((path, st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                parts.append((path, None))
        fp = hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
        if os.environ.get(SNAPSHOT_ENV) == "1":
            self._snapshot = fp
        return fp

    def derived(self, name: str, build):
        """``build(self)``, cached until the corpus's files change (see :meth:`fingerprint`)."""
        fp = self.fingerprint()
        hit = self._derived.get(name)
        if hit is not None and hit[0] == fp:
            return hit[1]
        value = build(self)
        self._derived[name] = (fp, value)
        return value

    def manifest_changed(self) -> bool:
        return _stat_key(self.manifest_path) != self._manifest_stat


def _read_text(path: Path, row: dict[str, str], manifest_path: Path) -> tuple[str, bytes]:
    """The file's text and the SHA-256 digest of its bytes, checked (UTF-8, the manifest's sha256)."""
    data = read_nonempty_bytes(path, DocumentError, missing=f"file not found (listed in {manifest_path})",
                               empty=f"the file is empty; expected the text of document {row['doc_id']!r}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 4]!r}); "
            "documents must be UTF-8 text (`ftzdata add` converts GBK, Big5, HTML, Word and PDF)"
        ) from None
    raw = hashlib.sha256(data).digest()
    del data
    digest = raw.hex()
    if row["sha256"] and digest != row["sha256"]:
        raise DocumentError(
            f"{path}: sha256 {digest[:12]}… differs from the manifest's {row['sha256'][:12]}…; "
            "the file was changed since it was registered (restore it, or update manifest.csv: reviewed "
            "claims are then found again by their quotes, and any that cannot be are reported)"
        )
    return text, raw


def _read_manifest(path: Path) -> list[dict[str, str]]:
    """The manifest's rows (column → stripped cell, every column of MANIFEST_COLUMNS, absent optional ones
    empty), checked. Blank lines are skipped; a short row's missing cells are empty."""
    raw = path.read_bytes()
    if not raw.strip():
        raise DocumentError(f"{path}: the manifest is empty; expected a CSV header with at least "
                            f"{', '.join(REQUIRED_COLUMNS)}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path}: not valid UTF-8 (byte {exc.start}); save the manifest as UTF-8") from None
    optional = f" (optional: {', '.join(c for c in MANIFEST_COLUMNS if c not in REQUIRED_COLUMNS)})"
    records, lines = csv_records(path, text, MANIFEST_COLUMNS, REQUIRED_COLUMNS, DocumentError, optional)
    for line, record in zip(lines, records):
        _check_row(path, line, record)
    for col, problem in (("doc_id", "duplicate doc_id {}; each document needs its own doc_id"),
                         ("file", "the file {} is listed twice; each document has its own file")):
        seen: set[str] = set()
        dup = [r[col] for r in records if r[col] in seen or seen.add(r[col])]
        if dup:
            raise DocumentError(f"{path}: " + problem.format(", ".join(dup) if col == "doc_id" else dup[0]))
    return records


def _check_row(path: Path, line: int, r: dict) -> None:
    where = f"{path}, line {line}"
    if not _DOC_ID_RE.fullmatch(r["doc_id"]):
        raise DocumentError(f"{where}: doc_id {r['doc_id']!r} is not allowed; use lower-case letters, digits, "
                            "'.', '_' and '-' (at most 80), e.g. hainan-2020-notice")
    doc = f"{where} (doc_id {r['doc_id']})"
    f = r["file"]
    if not f or Path(f).is_absolute() or ".." in Path(f).parts or f.startswith("."):
        raise DocumentError(f"{doc}: file {f!r} must be a file name inside the corpus folder")
    if f.endswith(tuple(SIDECARS.values())) or f == "manifest.csv":
        raise DocumentError(f"{doc}: file {f!r} is a name the corpus keeps for itself (manifest or sidecar)")
    try:
        _parse_date(r["date"])
    except ValueError as exc:
        raise DocumentError(f"{doc}: date {r['date']!r} is {exc}; allowed: YYYY, YYYY-MM or YYYY-MM-DD "
                            "(or empty)") from None
    if r["n_cases"] and not r["n_cases"].isdigit():
        raise DocumentError(f"{doc}: n_cases {r['n_cases']!r} is not a whole number; allowed: 0, 1, 2 … or empty")
    if r["script"] and r["script"] not in SCRIPTS:
        raise DocumentError(f"{doc}: script {r['script']!r}; allowed: {', '.join(SCRIPTS)} or empty")
    for col in ("sha256", "original_sha256"):
        if r[col] and not _SHA_RE.fullmatch(r[col]):
            raise DocumentError(f"{doc}: {col} {r[col]!r} is not 64 lower-case hex digits (or empty)")
    o = r["original"]
    if o and (Path(o).is_absolute() or ".." in Path(o).parts or o.startswith(".")):
        raise DocumentError(f"{doc}: original {o!r} must be a path inside the corpus folder (originals/…)")


@lru_cache(maxsize=2)  # each entry holds a text twice (original and normalised): a few, not a corpus
def _normalized_cached(text: str) -> Normalized:
    from .normalize import normalize

    return normalize(text)


_OPEN: dict[str, Corpus] = {}


def resolve(corpus: Corpus | str | os.PathLike | None = None) -> Corpus:
    """The corpus a call reads: ``corpus`` (a Corpus or a folder), else ``$FTZDATA_CORPUS``, else the seeds.

    Folders are opened once and reused while their manifest is unchanged, so caches survive between calls.
    """
    if isinstance(corpus, Corpus):
        return corpus
    if corpus is None:
        corpus = os.environ.get(ENV_VAR) or SEEDS_DIR
    if not isinstance(corpus, (str, os.PathLike)):
        raise TypeError(f"corpus must be a ftzdata.Corpus or a folder path, not {type(corpus).__name__}")
    key = str(Path(corpus).expanduser().resolve())
    hit = _OPEN.get(key)
    if hit is None or hit.manifest_changed():
        hit = _OPEN[key] = Corpus(Path(corpus).expanduser())
    return hit


def default_corpus() -> Corpus:
    """The corpus used when none is passed: ``$FTZDATA_CORPUS`` or the bundled seeds."""
    return resolve(None)
