"""Derived data cached on disk, keyed by the content it came from — never stale.

The cases of a corpus are stored the same way under ``<cache dir>/cases/``, keyed by the manifest, every
document's and sidecar's bytes and the package's files — their texts apart, under ``case_texts/`` (an Arrow
file, written a document at a time and read memory-mapped, see :class:`TextColumn`), so that what needs only
the cases' rows never holds them; each document's split under ``split/``, keyed by its text, its layout hint
and the package's files.

A corpus run reads one document at a time (:func:`iter_claims_of_docs`: extraction workers read and check the
texts themselves): what it keeps grows with the claims and cases it returns, not with the text it read.

The claims of a document depend only on its text and on the extractor's code and lexicon: they are stored
under ``<cache dir>/claims/<key>.pkl``, the key a hash of the text and of every file of
:mod:`ftzdata.extract` (and of :mod:`ftzdata.normalize`). An edited document, or a newer ftzdata, gets a new
key; nothing is ever read back for other content. The cache folder is ``$FTZDATA_CACHE_DIR``, else
``$XDG_CACHE_HOME/ftzdata``, else ``~/.cache/ftzdata`` (as for the font subset); ``FTZDATA_NO_CACHE=1``
turns it off.
Writes go to a temporary file, then rename; an unreadable entry is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

__all__ = ["claims_of_text", "claims_of_texts", "claims_of_docs", "iter_claims_of_docs", "code_key", "cached",
           "corpus_key", "files_key", "text_digests", "corpus_files_key", "cases_inputs_key", "TextColumn",
           "read_text_column", "entry_name"]

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of the extractor's code and lexicon (``ftzdata/extract/*``, ``ftzdata/normalize.py``)."""
    h = hashlib.sha256()
    for path in sorted([*(_PKG / "extract").glob("*.py"), *(_PKG / "extract").glob("*.yaml"), _PKG / "normalize.py"]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:20]


def _folder(kind: str = "claims") -> Path | None:
    if os.environ.get("FTZDATA_NO_CACHE", "") not in ("", "0"):
        return None
    from .fonts import cache_dir

    return cache_dir() / kind


def files_key(paths, digests: dict | None = None) -> str:
    """Hash of the names and bytes of ``paths`` (a missing file counts as absent). ``digests`` maps a path
    (as ``str``) to the SHA-256 digest of its bytes when that is already known (a corpus's checked texts):
    the file is not read again, the key is the same."""
    h = hashlib.sha256()
    for p in paths:
        known = digests.get(str(p)) if digests else None
        p = Path(p)
        h.update(str(p.name).encode() + b"\0")
        if known is not None:
            h.update(known)
            continue
        try:
            h.update(hashlib.sha256(p.read_bytes()).digest())
        except OSError:
            h.update(b"absent")
    return h.hexdigest()[:32]


def text_digests(corpus) -> dict[str, bytes]:
    """Each document file of ``corpus`` (path as ``str``) -> the SHA-256 digest of its bytes, every text read
    and checked against its sha256 (a damaged document is refused, never served from the cache), one at a
    time and not kept."""
    return {str(corpus.path(d)): corpus.digest(d) for d in corpus.doc_ids}


def corpus_files_key(corpus, sidecars=()) -> str:
    """:func:`files_key` of a corpus's manifest, every text and each document's sidecars of the kinds
    ``sidecars`` (``cases``, ``review``). Texts are read and checked first: a damaged document is refused,
    never served from the cache."""
    digests = text_digests(corpus)
    files = [corpus.manifest_path]
    for d in corpus.doc_ids:
        files += [corpus.path(d), *(corpus.sidecar(d, kind) for kind in sidecars)]
    return files_key(files, digests)


def cases_inputs_key(corpus) -> str:
    """A key of everything a corpus's cases come from: the manifest, every text and every cases sidecar (the
    package's files are added by :func:`cached`)."""
    return corpus_files_key(corpus, ("cases",))


@lru_cache(maxsize=1)
def _package_key() -> str:
    """Hash of the package's code and data files (what derived tables other than claims depend on)."""
    return files_key(sorted(p for p in _PKG.rglob("*") if p.suffix in {".py", ".csv", ".yaml"}
                            and "__pycache__" not in p.parts))


def cached(kind: str, key: str, build):
    """``build()``, stored under ``<cache dir>/<kind>/<key + package key>.pkl`` and read back for the same key
    (the key must cover every input of ``build``; the package's own files are added here)."""
    return _through(kind, entry_name(key), build)


def entry_name(key: str) -> str:
    """The name :func:`cached` stores ``key``'s entry under: the key and the package's files."""
    return f"{key}-{_package_key()[:16]}"


def _through(kind: str, name: str, build):
    """The value stored as ``<cache dir>/<kind>/<name>.pkl``, else ``build()`` stored there (an unreadable
    entry is rebuilt; with the cache off, always ``build()``)."""
    folder = _folder(kind)
    if folder is None:
        return build()
    path = folder / f"{name}.pkl"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    return _store(folder, path, [build()])


def _store(folder: Path, path: Path, box: list):
    """Store the value in ``box`` (a one-item list, emptied here) as ``path`` (written to a temporary file,
    then renamed) and return it as read back from there.

    The copy read back, not the value, is what the caller keeps: pickling a string gives it a UTF-8 copy of
    itself that lives as long as it does (CPython caches it), so the value would hold its strings twice. The
    value is dropped before the copy is read (the box holds the only reference), and the copy is what a
    later run reads from the cache anyway. If the folder cannot be written, the value itself."""
    value = box.pop()
    if not _write(folder, path, value):
        return value
    del value
    _release_arrow_memory()
    with open(path, "rb") as f:
        return pickle.load(f)


def _write(folder: Path, path: Path, value) -> bool:
    """Pickle ``value`` to ``path`` (a temporary file in ``folder``, then renamed); False if the folder cannot
    be written (a read-only or full cache folder: the result is still right, only not kept)."""
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", dir=folder)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
    return True


class TextColumn:
    """A string column written as it is built, one part at a time (a document's case texts), so that the
    builder never holds all of it: to ``<cache dir>/<kind>/<name>.arrow``, an Arrow file written to a
    temporary file and renamed into place by :meth:`close`. With the cache off (or ``kind`` None), the parts are
    kept in memory instead and :meth:`close` gives them back.

    If the file cannot be written (a read-only or full cache folder), the parts are dropped: :meth:`close`
    gives None, as when they are stored, and the reader, finding no file, builds the column again in memory.
    Read back with :func:`read_text_column` (memory-mapped: texts are paged in as they are read)."""

    def __init__(self, kind: str | None, name: str = ""):
        """``kind`` None: kept in memory."""
        folder = _folder(kind) if kind is not None else None
        self._folder, self._path = folder, (folder / f"{name}.arrow" if folder is not None else None)
        self._tmp = self._writer = self._sink = None
        self._kept: list | None = [] if folder is None else None

    def add(self, arrow_strings) -> None:
        """Append a part: a pyarrow string array."""
        if self._kept is not None:
            self._kept.append(arrow_strings)
            return
        if self._path is None:
            return  # the file failed: dropped, the reader builds the column again
        import pyarrow as pa

        try:
            if self._writer is None:
                self._folder.mkdir(parents=True, exist_ok=True)
                fd, self._tmp = tempfile.mkstemp(prefix=f".{self._path.stem}.", dir=self._folder)
                os.close(fd)
                self._sink = pa.OSFile(self._tmp, "wb")
                self._writer = pa.ipc.new_file(self._sink, pa.schema([("text", arrow_strings.type)]))
            self._writer.write_batch(pa.record_batch([arrow_strings], names=["text"]))
        except (OSError, pa.ArrowException):
            self._abandon()

    def close(self):
        """Finish: the parts in memory as one ``pa.ChunkedArray`` if they were kept there, else None (the
        file renamed into place, or dropped if it could not be written)."""
        import pyarrow as pa

        if self._kept is not None:
            return pa.chunked_array(self._kept, type=self._kept[0].type if self._kept else pa.large_string())
        if self._path is not None:
            try:
                if self._writer is None:  # no part at all: an empty column
                    self.add(pa.array([], type=pa.large_string()))
                if self._writer is not None:
                    self._writer.close()
                    self._sink.close()
                    os.replace(self._tmp, self._path)
                    self._tmp = None
            except (OSError, pa.ArrowException):
                pass
        self._abandon()
        return None

    def discard(self) -> None:
        """Stop without keeping anything (the build failed)."""
        self._abandon()
        self._kept = None

    def _abandon(self) -> None:
        for part in (self._writer, self._sink):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.close()
        if self._tmp:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
        self._writer = self._sink = self._tmp = self._path = None


def read_text_column(kind: str, name: str):
    """The column :class:`TextColumn` wrote as ``<kind>/<name>.arrow``, memory-mapped (a ``pa.ChunkedArray``),
    or None when there is none or it cannot be read."""
    folder = _folder(kind)
    if folder is None:
        return None
    import pyarrow as pa

    try:
        return pa.ipc.open_file(pa.memory_map(str(folder / f"{name}.arrow"))).read_all().column("text")
    except (OSError, pa.ArrowException, KeyError):
        return None


def _release_arrow_memory() -> None:
    """Give the memory pyarrow's allocator keeps from freed buffers (pandas' string columns) back to the
    system, when pyarrow is in use: it would otherwise stay with the process while the copy is read."""
    pa = sys.modules.get("pyarrow")
    if pa is not None:
        pa.default_memory_pool().release_unused()


def corpus_key(corpus) -> str:
    """Hash of a corpus's folder and of the bytes of its manifest, texts and sidecars (every text checked
    against its sha256 first: a damaged document is refused, never served from the cache). Computed once
    per state of the corpus's files."""
    def build(c) -> str:
        from .corpus import SIDECARS

        return corpus_files_key(c, SIDECARS) + hashlib.sha256(str(c.root.resolve()).encode()).hexdigest()[:8]

    return corpus.derived("corpus_key", build)


def _claims_name(text: str) -> str:
    return _claims_name_of(hashlib.sha256(text.encode("utf-8")).digest())


def _claims_name_of(digest: bytes) -> str:
    """The cache entry's name of the claims of a text whose UTF-8 bytes have the SHA-256 ``digest``."""
    return digest.hex()[:32] + "-" + code_key()


def _load(folder: Path | None, name: str):
    """The value stored as ``<folder>/<name>.pkl``, else None (also for an unreadable entry or no cache)."""
    if folder is None:
        return None
    try:
        with open(folder / f"{name}.pkl", "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None


# Cold extraction runs in a pool of worker processes when the texts to extract add up to this many
# characters (and there are at least PARALLEL_MIN_DOCS of them): below, starting the workers costs more
# than it saves.
PARALLEL_MIN_CHARS = 1_000_000
PARALLEL_MIN_DOCS = 8


def extract_jobs(texts: list[str]) -> int:
    """How many processes extract ``texts``: 2 on a machine with two or more cores when there is enough text
    (``$FTZDATA_EXTRACT_JOBS`` overrides), else 1."""
    return _jobs_for([len(t) for t in texts])


def _jobs_for(lengths: list[int]) -> int:
    """:func:`extract_jobs` of texts of these lengths (characters)."""
    env = os.environ.get("FTZDATA_EXTRACT_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    big = len(lengths) >= PARALLEL_MIN_DOCS and sum(lengths) >= PARALLEL_MIN_CHARS
    return min(2, os.cpu_count() or 1) if big else 1


def _claims(text: str):
    from .extract import claims

    return claims(text)


# The texts a forked pool of :func:`extract_all` reads, by index: the workers inherit them, so that they are
# never pickled (which would also leave a UTF-8 copy cached in each of the caller's strings).
_FORKED: list[str] = []


def _claims_at(i: int):
    return _claims(_FORKED[i])


def extract_all(texts: list[str], jobs: int | None = None) -> list:
    """:func:`ftzdata.extract.claims` of each text, in the order given, in ``jobs`` processes (default:
    :func:`extract_jobs`). The result does not depend on ``jobs``."""
    jobs = extract_jobs(texts) if jobs is None else jobs
    if jobs <= 1 or len(texts) < 2:
        return [_claims(t) for t in texts]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from .extract import claims as _grammar  # noqa: F401 - compiled once here, inherited by forked workers

    global _FORKED
    fork = "fork" in mp.get_all_start_methods()
    chunk = max(1, len(texts) // (jobs * 16))
    if not fork:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("spawn")) as pool:
            return list(pool.map(_claims, texts, chunksize=chunk))
    _FORKED = texts
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(_claims_at, range(len(texts)), chunksize=chunk))
    finally:
        _FORKED = []


def claims_of_texts(texts: list[str], jobs: int | None = None) -> list:
    """:func:`claims_of_text` of each text, in order: the ones the disk cache lacks are extracted together by
    :func:`extract_all` (in parallel when there are enough) and stored."""
    folder = _folder("claims")
    names = [_claims_name(t) for t in texts]
    out = [_load(folder, n) for n in names]
    missing = [i for i, v in enumerate(out) if v is None]
    if missing:
        found = extract_all([texts[i] for i in missing], jobs)
        for k, i in enumerate(missing):
            box, found[k] = [found[k]], None
            out[i] = box[0] if folder is None else _store(folder, folder / f"{names[i]}.pkl", box)
    return out


def _claims_of_doc(i: int):
    corpus, doc_ids = _FORKED_DOCS
    return _claims_read(corpus, doc_ids[i])


def _claims_read(corpus, doc_id: str) -> tuple[bytes, object]:
    """(digest of the text as read, its claims): the entry is stored under the text actually extracted."""
    text = corpus.text(doc_id)
    return corpus.digest(doc_id), _claims(text)


# The corpus and doc_ids a forked pool of :func:`claims_of_docs` reads: each worker reads (and checks) the
# texts it extracts, so that the caller never holds more than one.
_FORKED_DOCS: tuple = (None, [])


def _extracted(corpus, doc_ids: list[str], jobs: int):
    """(digest, :func:`ftzdata.extract.claims`) of each document's text, in order, as an iterator (one text
    read at a time, by the process that extracts it)."""
    if jobs <= 1 or len(doc_ids) < 2:
        for d in doc_ids:
            yield _claims_read(corpus, d)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from .extract import claims as _grammar  # noqa: F401 - compiled once here, inherited by forked workers

    global _FORKED_DOCS
    chunk = max(1, len(doc_ids) // (jobs * 16))
    if "fork" not in mp.get_all_start_methods():  # texts sent a few at a time, not all at once
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("spawn")) as pool:
            step = jobs * 4
            for k in range(0, len(doc_ids), step):
                part = doc_ids[k:k + step]
                texts = [corpus.text(d) for d in part]
                digests = [corpus.digest(d) for d in part]
                yield from zip(digests, pool.map(_claims, texts))
                del texts
        return
    _FORKED_DOCS = (corpus, list(doc_ids))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork")) as pool:
            yield from pool.map(_claims_of_doc, range(len(doc_ids)), chunksize=chunk)
    finally:
        _FORKED_DOCS = (None, [])


def claims_of_docs(corpus, jobs: int | None = None) -> list:
    """:func:`claims_of_text` of each document of ``corpus``, in manifest order (see :func:`iter_claims_of_docs`)."""
    return list(iter_claims_of_docs(corpus, jobs))


def iter_claims_of_docs(corpus, jobs: int | None = None):
    """:func:`claims_of_text` of each document of ``corpus``, in manifest order, one at a time: the ones the
    disk cache lacks are extracted first (in ``jobs`` processes, default as :func:`extract_jobs` decides on
    their lengths), each stored as soon as it is found and not kept; then each is read from the cache as it
    is reached. Texts are read one at a time and not kept."""
    folder = _folder("claims")
    doc_ids = corpus.doc_ids
    names = [_claims_name_of(corpus.digest(d)) for d in doc_ids]
    missing = [i for i, n in enumerate(names) if folder is None or not (folder / f"{n}.pkl").is_file()]
    kept = {}  # what could not be stored (cache off or unwritable), until its turn
    if missing:
        ids = [doc_ids[i] for i in missing]
        jobs = _jobs_for([corpus.n_chars(d) for d in ids]) if jobs is None else jobs
        for i, (digest, found) in zip(missing, _extracted(corpus, ids, jobs)):
            names[i] = _claims_name_of(digest)  # the text as extracted (edited meanwhile: its own entry)
            if folder is None or not _write(folder, folder / f"{names[i]}.pkl", found):
                kept[i] = found
            found = None
    for i, name in enumerate(names):
        value = kept.pop(i, None)
        if value is None:
            value = _load(folder, name)
        if value is None:  # an entry unreadable since it was written: extracted again
            value = _claims_read(corpus, doc_ids[i])[1]
        yield value
        value = None


def claims_of_text(text: str):
    """:func:`ftzdata.extract.claims` of ``text``, from the disk cache when the same text was extracted by the
    same extractor before."""
    def build():
        from .extract import claims  # imported only on a miss: compiling the grammar takes a while

        return claims(text)

    return _through("claims", _claims_name(text), build)
