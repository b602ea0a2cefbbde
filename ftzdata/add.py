"""``ftzdata add``: a file as the user got it (web page, Word, PDF, GB18030/Big5 text) into a corpus.

For each file: the original is kept byte for byte under ``originals/<doc_id>/`` (its sha256 in the
manifest's ``original_sha256``), the extracted UTF-8 text becomes ``<doc_id>.txt`` (what quotes and offsets
refer to; its sha256 in ``sha256``), the manifest gets a row with what the text says (title, issuer,
document number, date, script, zone) and what the user passed (user values win), and every claim the
extractor finds goes into ``<doc_id>.review.csv`` as ``pending`` (:func:`ftzdata.review.sync_review`).

An add is all or nothing. The document's files are prepared in a hidden folder inside the corpus
(``.add-*``, itself a one-document corpus), moved in, and the manifest is replaced last with
:func:`os.replace`: that rename is the commit point. Anything that stops an add before it (an error, Ctrl-C,
a full disk) moves the files back out; a hard crash leaves the hidden folder with a journal, and the next
``add`` on the corpus rolls it back (or, if the manifest was already replaced, just removes it). Two adds on
one corpus take turns: each holds an exclusive ``flock`` on the corpus folder itself, so nothing is written
for the lock.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import _DOC_ID_RE, MANIFEST_COLUMNS, Corpus, _parse_date
from .errors import FtzDataError, IngestError

__all__ = ["AddOptions", "Added", "Failed", "AddRefused", "add_files", "add_file", "check_options", "derive_doc_id",
           "corpus_lock", "clean_stale", "ORIGINALS", "DETECTED_FIELDS"]

ORIGINALS = "originals"
STAGING_PREFIX = ".add-"
JOURNAL = "journal.json"
# manifest field <- detect_metadata key, for the fields read from the text
DETECTED_FIELDS = {"title_zh": "title", "issuer": "issuer", "doc_number": "doc_number", "date": "date",
                   "script": "script"}
SUMMARY_FIELDS = ["title_zh", "issuer", "doc_number", "date", "script", "zone", "source_url"]


class AddRefused(FtzDataError):
    """A file that cannot go into the corpus: its content or its doc_id is already there."""


@dataclass(frozen=True)
class AddOptions:
    """What the user passed: ``doc_id``/``title``/``date`` name one document; ``zone``/``source_url`` apply
    to every file of the call. ``zone`` is the vocabulary's English name (see :func:`check_options`)."""

    doc_id: str | None = None
    title: str | None = None
    date: str | None = None
    zone: str | None = None
    source_url: str | None = None


@dataclass
class Added:
    """One file added: its manifest row, where each field came from (``detected``/``passed``), and what was
    found in it."""

    source: Path
    doc_id: str
    format: str
    encoding: str | None
    row: dict
    origin: dict
    structure: str
    n_cases: int
    n_claims: int
    zones_named: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def empty(self) -> list[str]:
        """The summary's manifest fields left empty."""
        return [f for f in SUMMARY_FIELDS if not self.row.get(f)]


@dataclass
class Failed:
    """One file that did not go in, and the one-line reason."""

    source: Path
    message: str


# ---------------------------------------------------------------------------------------- options
def check_options(files: list, opts: AddOptions) -> AddOptions:
    """``opts`` checked against ``files`` (one :class:`ValueError` line per problem); zone canonicalised."""
    from .vocab import check_zone

    one_doc = [f"--{n.replace('_', '-')}" for n in ("doc_id", "title", "date") if getattr(opts, n)]
    if len(files) > 1 and one_doc:
        raise ValueError(f"{', '.join(one_doc)} name one document, but {len(files)} files were given; add them one "
                         "at a time (--zone and --source-url apply to every file)")
    if opts.doc_id is not None and not _DOC_ID_RE.fullmatch(opts.doc_id):
        raise ValueError(f"--doc-id {opts.doc_id!r} is not allowed; use lower-case letters, digits, '.', '_' and "
                         "'-' (at most 80), starting with a letter or digit, e.g. hainan-2020-notice")
    if opts.date is not None:
        try:
            _parse_date(opts.date)
        except ValueError as exc:
            raise ValueError(f"--date {opts.date!r} is {exc}; allowed: YYYY, YYYY-MM or YYYY-MM-DD") from None
    zone = check_zone(opts.zone, "--zone") if opts.zone is not None else None
    if opts.title is not None and not opts.title.strip():
        raise ValueError("--title is empty; give the document's title, or leave the option out")
    return AddOptions(opts.doc_id, opts.title and opts.title.strip(), opts.date, zone, opts.source_url)


# ---------------------------------------------------------------------------------------- metadata
def manifest_row(text: str, opts: AddOptions) -> tuple[dict, dict, list[str]]:
    """The manifest fields read from ``text`` and passed in ``opts`` (passed wins), where each came from
    (``detected``/``passed``), and the zones the text names (English names, vocabulary order)."""
    from .ingest import detect_metadata
    from .normalize import normalize_text
    from .vocab import main_zone, zones_named

    meta = detect_metadata(text)
    row = {f: meta[k] for f, k in DETECTED_FIELDS.items() if meta.get(k)}
    origin = {f: "detected" for f in row}
    plain = normalize_text(text)  # Simplified, without markup or a mirror's pinyin (安徽自貿(mào)試驗區)
    named = zones_named(plain)
    if (zone := main_zone(plain)) is not None:  # the one zone named, or the one named far more than others
        row["zone"], origin["zone"] = zone, "detected"
    passed = {"title_zh": opts.title, "date": opts.date, "zone": opts.zone, "source_url": opts.source_url}
    for f, v in passed.items():
        if v:
            row[f], origin[f] = v, "passed"
    return row, origin, named


def _slug(text: str) -> str:
    """Lower-case ASCII slug of ``text`` ('' if it has no ASCII letters or digits)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def derive_doc_id(row: dict, file_name: str, text_sha: str, taken) -> str:
    """A doc_id for a document the user did not name, unique among ``taken``.

    An ASCII title gives its slug (+ date); otherwise the zone (or the file name's ASCII part, else ``doc``),
    the date and a short hash of the text: ``hainan-2020-06-10-3f2a``. The hash grows until the id is free.
    """
    title = row.get("title_zh") or ""
    ascii_title = title and not re.search(r"[^\x00-\x7f]", title) and len(_slug(title)) >= 3
    if ascii_title:
        head = _slug(title)[:50].strip("-")
    else:
        head = _slug(row.get("zone") or "") or _slug(Path(file_name).stem)[:30].strip("-") or "doc"
    base = "-".join(p for p in (head, row.get("date") or "") if p)
    candidates = ([base] if ascii_title else []) + [f"{base}-{text_sha[:n]}" for n in range(4, 65, 2)]
    for cand in candidates:
        cand = cand[:80]
        if cand not in taken:
            return cand
    raise AddRefused(f"no free doc_id for {file_name}; pass --doc-id")  # 64 hex digits all taken: not reachable


# ---------------------------------------------------------------------------------------- the manifest
@dataclass
class Manifest:
    """A manifest as written: its header, its rows (every cell as written) and whether it has a BOM."""

    header: list
    rows: list
    bom: bool = False

    @classmethod
    def read(cls, root: Path) -> "Manifest":
        raw = (root / "manifest.csv").read_bytes()
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
        rows = [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in reader]
        return cls([c.strip() for c in (reader.fieldnames or [])], rows, raw.startswith(b"\xef\xbb\xbf"))

    def with_row(self, row: dict) -> "Manifest":
        return Manifest(self.header, self.rows + [row], self.bom)

    def to_bytes(self) -> bytes:
        """The CSV: the header plus every column the rows use that it lacks (in MANIFEST_COLUMNS order);
        the other rows' cells as they were."""
        used = {k for r in self.rows for k, v in r.items() if v}
        columns = self.header + [c for c in MANIFEST_COLUMNS if c in used and c not in self.header]
        buf = io.StringIO()
        w = csv.DictWriter(buf, columns, lineterminator="\n", extrasaction="ignore", restval="")
        w.writeheader()
        w.writerows(self.rows)
        return (b"\xef\xbb\xbf" if self.bom else b"") + buf.getvalue().encode("utf-8")


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


# ---------------------------------------------------------------------------------------- locking, staging
@contextmanager
def corpus_lock(root: Path, on_wait=None):
    """Hold an exclusive lock on the corpus folder (``flock`` on the folder itself); ``on_wait()`` is called
    once if another ``add`` holds it."""
    fd = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _journal(staging: Path) -> dict:
    try:
        return json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _roll_back(root: Path, journal: dict) -> None:
    """Remove what an unfinished add moved into ``root`` (its journal lists it), deepest first."""
    for rel in journal.get("moved", []):
        dest = root / rel
        if dest.is_dir() and not dest.is_symlink():
            shutil.rmtree(dest, ignore_errors=True)
        elif dest.exists():
            dest.unlink()
    for rel in reversed(journal.get("created_dirs", [])):
        try:
            (root / rel).rmdir()
        except OSError:
            pass


def clean_stale(root: Path) -> list[str]:
    """Finish what interrupted adds left (call under :func:`corpus_lock`): roll back the ones the manifest
    does not list, remove their hidden folders. Returns the doc_ids rolled back."""
    stale = [p for p in root.glob(f"{STAGING_PREFIX}*") if p.is_dir()]
    if not stale:
        return []
    listed = {r.get("doc_id") for r in Manifest.read(root).rows}
    rolled = []
    for staging in stale:
        journal = _journal(staging)
        if journal.get("doc_id") and journal["doc_id"] not in listed:
            _roll_back(root, journal)
            rolled.append(journal["doc_id"])
        shutil.rmtree(staging, ignore_errors=True)
    return rolled


# ---------------------------------------------------------------------------------------- one document
def _refuse_duplicates(rows: list[dict], original_sha: str, text_sha: str, source: Path) -> None:
    for r in rows:
        if original_sha == r.get("original_sha256"):
            raise AddRefused(f"{source}: already in the corpus as {r['doc_id']} (the same file); nothing added")
        if text_sha == r.get("sha256"):
            raise AddRefused(f"{source}: already in the corpus as {r['doc_id']} (the same text); nothing added")


def _planned(doc_id: str) -> dict[str, str]:
    """Staging path -> corpus path (both relative) of a document's files."""
    return {f"{doc_id}.txt": f"{doc_id}.txt", f"{doc_id}.review.csv": f"{doc_id}.review.csv",
            f"{ORIGINALS}/{doc_id}": f"{ORIGINALS}/{doc_id}"}


def _refuse_existing(root: Path, doc_id: str, ids, source: Path) -> None:
    if doc_id in ids:
        raise AddRefused(f"{source}: doc_id {doc_id} is already in the corpus; choose another --doc-id; nothing added")
    clash = [rel for rel in _planned(doc_id).values() if (root / rel).exists()]
    clash += [f"{doc_id}.cases.csv"] if (root / f"{doc_id}.cases.csv").exists() else []
    if clash:
        raise AddRefused(f"{source}: {', '.join(clash)} already in {root} but not in its manifest; move "
                         f"{'it' if len(clash) == 1 else 'them'} away or choose another --doc-id; nothing added")


def _stage(staging: Path, doc_id: str, source: Path, text: str, row: dict) -> dict:
    """Write the document's files into ``staging`` (a one-document corpus) and its pending claims; returns
    the staged corpus's structure, case and claim counts."""
    from .cases import cases as _cases
    from .review import read_review, sync_review

    (staging / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    orig_dir = staging / ORIGINALS / doc_id
    orig_dir.mkdir(parents=True)
    shutil.copyfile(source, orig_dir / source.name)
    if hashlib.sha256((orig_dir / source.name).read_bytes()).hexdigest() != row["original_sha256"]:
        raise IngestError(f"{source}: the copy differs from the file (it changed while being added?)")
    _write_durably(staging / "manifest.csv", Manifest(list(MANIFEST_COLUMNS), [row]).to_bytes())
    staged = Corpus(staging)
    found = dict(structure=str(staged.documents()["structure"].iloc[0] or ""), n_cases=len(_cases(staged)))
    sync_review(staged, doc_id)  # uses the cases just found (cached until a file of the corpus changes)
    return dict(found, n_claims=len(read_review(staged, doc_id)))


def _commit(root: Path, staging: Path, doc_id: str, manifest: Manifest) -> None:
    """Move the staged files into ``root``, then replace the manifest (the commit point)."""
    journal = {"doc_id": doc_id, "moved": [], "created_dirs": []}
    if not (root / ORIGINALS).exists():
        journal["created_dirs"].append(ORIGINALS)
    moves = _planned(doc_id)
    journal["moved"] = list(moves.values())
    _write_durably(staging / JOURNAL, json.dumps(journal).encode("utf-8"))
    (root / ORIGINALS).mkdir(exist_ok=True)
    for src, dest in moves.items():
        os.rename(staging / src, root / dest)
    tmp = staging / "manifest.new"
    _write_durably(tmp, manifest.to_bytes())
    os.replace(tmp, root / "manifest.csv")


def add_file(root: Path, manifest: Manifest, source: Path, opts: AddOptions) -> tuple[Added, Manifest]:
    """Add ``source`` to the corpus at ``root`` whose manifest is ``manifest`` (call under
    :func:`corpus_lock`); returns what was added and the new manifest. Raises IngestError or AddRefused
    (corpus untouched); any other exception, Ctrl-C included, also leaves the corpus as it was."""
    from .ingest import read_document

    source = Path(source)
    got = read_document(source)
    text_sha = hashlib.sha256(got.text.encode("utf-8")).hexdigest()
    _refuse_duplicates(manifest.rows, got.sha256, text_sha, source)
    fields, origin, named = manifest_row(got.text, opts)
    ids = {r.get("doc_id") for r in manifest.rows}
    doc_id = opts.doc_id or derive_doc_id(fields, source.name, text_sha, ids)
    if opts.doc_id:
        origin["doc_id"] = "passed"
    _refuse_existing(root, doc_id, ids, source)
    row = {c: "" for c in MANIFEST_COLUMNS}
    row.update(fields, doc_id=doc_id, file=f"{doc_id}.txt", sha256=text_sha, source_file=source.name,
               original=f"{ORIGINALS}/{doc_id}/{source.name}", original_sha256=got.sha256,
               encoding=got.encoding or "")
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        found = _stage(staging, doc_id, source, got.text, row)
        new = manifest.with_row(row)
        _commit(root, staging, doc_id, new)
    except BaseException:
        _roll_back(root, _journal(staging))
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return Added(source, doc_id, got.format, got.encoding, row, origin, found["structure"], found["n_cases"],
                 found["n_claims"], named, list(got.warnings)), new


def add_files(corpus, files, opts: AddOptions = AddOptions(), on_result=None, on_wait=None) -> list:
    """Add each of ``files`` to ``corpus`` (a folder or :class:`~ftzdata.Corpus`); one :class:`Added` or
    :class:`Failed` per file, in order (``on_result(result)`` is called as each is done). A file that fails
    leaves the corpus as it was and the others still go in. Bad options raise ValueError before anything."""
    root = corpus.root if isinstance(corpus, Corpus) else Path(corpus)
    opts = check_options(list(files), opts)
    Corpus(root)  # the corpus must be readable as it is (one clear DocumentError otherwise)
    results = []
    with corpus_lock(root, on_wait):
        clean_stale(root)
        manifest = Manifest.read(root)
        for f in files:
            try:
                result, manifest = add_file(root, manifest, Path(f), opts)
            except (IngestError, AddRefused) as exc:
                result = Failed(Path(f), str(exc))
            except OSError as exc:  # a full disk, a permission: the add was rolled back
                result = Failed(Path(f), f"{f}: could not be added ({exc.strerror or exc}); nothing added")
            results.append(result)
            if on_result:
                on_result(result)
    return results


# ---------------------------------------------------------------------------------------- what is printed
def _shown(value: str, cols: int = 44) -> str:
    return value if len(value) <= cols else value[: cols - 1] + "…"


def _field_note(added: Added, f: str) -> str:
    if added.row.get(f):
        note = added.origin.get(f, "")
        if f == "zone" and added.zones_named:
            note += f" (the text names {', '.join(added.zones_named)})"
        return note
    if f == "zone" and len(added.zones_named) > 1:
        return f"empty: the text names {', '.join(added.zones_named)}; pass --zone if it is about one"
    flag = {"title_zh": "--title", "date": "--date", "zone": "--zone", "source_url": "--source-url"}.get(f)
    if f == "source_url":
        return "empty: pass --source-url"
    return "empty: not found in the text" + (f"; pass {flag}" if flag else "")


def one_line(added: Added) -> str:
    """``added DOC_ID ← FILE: format, encoding, structure, cases, claims; empty: …`` on one line."""
    enc = f", {added.encoding}" if added.encoding else ""
    empty = f"; empty: {', '.join(added.empty)}" if added.empty else ""
    return (f"added {added.doc_id} ← {added.source.name}: {added.format}{enc}, {added.structure}, "
            f"{added.n_cases} case{'s' * (added.n_cases != 1)}, {added.n_claims} claim{'s' * (added.n_claims != 1)} "
            f"pending{empty}")


def summary(added: Added, corpus_arg: str = "") -> str:
    """The one-screen summary of an added file: what was read, found, detected, passed and left empty."""
    how = "passed" if added.origin.get("doc_id") == "passed" else "derived"
    lines = [f"added {added.doc_id} ({how}) ← {added.source}",
             f"  {'read':<11} {added.format}" + (f", encoding {added.encoding}" if added.encoding else ""),
             f"  {'structure':<11} {added.structure}: {added.n_cases} case{'s' * (added.n_cases != 1)}",
             f"  {'claims':<11} {added.n_claims} found, pending review: ftzdata review {added.doc_id}{corpus_arg}"]
    for f in SUMMARY_FIELDS:
        value = _shown(added.row.get(f) or "—")
        lines.append(f"  {f:<11} {value}  [{_field_note(added, f)}]")
    lines += [f"  {'warning':<11} {w}" for w in added.warnings]
    if added.empty:
        lines.append(f"  {'empty':<11} {', '.join(added.empty)}")
    return "\n".join(lines)
