"""A corpus run reads one document at a time: its memory does not grow with the text it has read."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ftzdata
from ftzdata import diskcache
from ftzdata.extract import claims

ROOT = Path(__file__).resolve().parent.parent
REALTEXT = sorted((ROOT / "benchmarks" / "realtext").glob("*/docs/*.txt"))


def _corpus(folder: Path, n_docs: int, per_doc: int, digits: bool = True, first: int = 0) -> list[str]:
    """A corpus of ``n_docs`` documents, each ``per_doc`` of the real texts joined (a different run of them
    each, the first from the ``first``-th), read as one case (layout whole-document), without their Arabic
    digits unless ``digits``; returns the texts."""
    folder.mkdir(parents=True)
    lines, texts = ["doc_id,file,layout,sha256"], []
    drop = {} if digits else str.maketrans("", "", "0123456789")
    for k in range(n_docs):
        parts = [REALTEXT[(first + k * per_doc + i) % len(REALTEXT)] for i in range(per_doc)]
        text = "\n\n".join(p.read_text(encoding="utf-8") for p in parts).translate(drop)
        data = text.encode("utf-8")
        (folder / f"doc-{k:02d}.txt").write_bytes(data)
        lines.append(f"doc-{k:02d},doc-{k:02d}.txt,whole-document,{hashlib.sha256(data).hexdigest()}")
        texts.append(text)
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts


CHILD = r"""
import gc, json, sys, tracemalloc, warnings
warnings.simplefilter("ignore")
import ftzdata
from ftzdata.corpus import _OPEN
from ftzdata.review import found_claims
small, half, full = sys.argv[1:4]
ftzdata.metrics(corpus=small, review="all")  # a small corpus first: what is imported and compiled once
tracemalloc.start()
r = {}
for name in ("half", "full"):  # every text read, checked, extracted, its claims stored and kept
    _OPEN.clear()
    gc.collect()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    found = found_claims(sys.argv[2 if name == "half" else 3])
    r[name] = tracemalloc.get_traced_memory()[1] - base
m = ftzdata.metrics(corpus=full, review="all")
c = ftzdata.cases(full)
r.update(rows=len(m), claims=len(found), cases=len(c), chars=int(c["text"].str.len().sum()))
del found, m, c
_OPEN.clear()  # the corpus and what it keeps until its files change: the frames
gc.collect()
r["left"] = tracemalloc.get_traced_memory()[0] - base
print(json.dumps(r))
"""


def test_a_corpus_run_holds_one_document_at_a_time_not_the_corpus(tmp_path):
    """Python's heap (by tracemalloc) in cold corpus runs over real text: finding the claims of 48 documents
    peaks barely higher than for 24 (the extractor's own peak on one document is in both), and once the frames
    are dropped what stays is a few documents, not the corpus (the corpus used to keep every text, and a cache
    every normalised text, at once). The digits are removed so that the claims, which are kept and do grow
    with the corpus, are few: what is measured is reading the texts."""
    _corpus(tmp_path / "small", 2, 4)
    half = _corpus(tmp_path / "half", 24, len(REALTEXT) // 4, digits=False, first=100)
    texts = _corpus(tmp_path / "full", 48, len(REALTEXT) // 4, digits=False)
    one_doc = max(sys.getsizeof(t) for t in texts)  # bytes of the largest text as a Python string
    added = sum(sys.getsizeof(t) for t in texts) - sum(sys.getsizeof(t) for t in half)
    out = subprocess.run([sys.executable, "-c", CHILD, *(str(tmp_path / n) for n in ("small", "half", "full"))],
                         check=True, capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "FTZDATA_CACHE_DIR": str(tmp_path / "cache"),
                              "FTZDATA_EXTRACT_JOBS": "1"}).stdout
    r = json.loads(out.strip().splitlines()[-1])
    assert r["cases"] == 48 and r["claims"] > 48  # every document read and extracted
    assert r["chars"] >= sum(len(t.strip()) for t in texts) * 0.9  # the result does hold the cases' texts
    assert r["full"] - r["half"] < added / 4, (
        f"finding the claims of 48 documents peaked {(r['full'] - r['half']) / 1e6:.1f} MB higher than of 24 "
        f"(the 24 more hold {added / 1e6:.1f} MB of text)")
    assert r["left"] < 10 * one_doc < added / 2, (
        f"a corpus run of 48 documents (the largest {one_doc / 1e6:.2f} MB) left {r['left'] / 1e6:.1f} MB once "
        "its frames were dropped")


def test_claims_of_a_corpus_read_by_two_processes_are_those_of_each_text(tmp_path, monkeypatch):
    """Workers read and check the texts themselves: same claims as one process, each stored under its text."""
    monkeypatch.setenv("FTZDATA_CACHE_DIR", str(tmp_path / "cache"))
    texts = _corpus(tmp_path / "c", 9, 3)
    corpus = ftzdata.Corpus(tmp_path / "c")
    two = diskcache.claims_of_docs(corpus, jobs=2)
    assert len(list((tmp_path / "cache" / "claims").glob("*.pkl"))) == len(set(texts))
    monkeypatch.setenv("FTZDATA_NO_CACHE", "1")
    one = diskcache.claims_of_docs(ftzdata.Corpus(tmp_path / "c"), jobs=1)
    for a, b, t in zip(one, two, texts):
        assert a.equals(b) and a.equals(claims(t))
        assert all(t[s:e] == q for s, e, q in zip(b["start"], b["end"], b["quote"]))


def test_a_text_edited_after_it_was_checked_is_refused_by_the_reader(tmp_path, monkeypatch):
    """Only the last text is kept: a document changed on disk is read (and checked) again, never served from
    memory."""
    monkeypatch.setenv("FTZDATA_NO_CACHE", "1")
    _corpus(tmp_path / "c", 3, 2)
    corpus = ftzdata.Corpus(tmp_path / "c")
    first = corpus.text("doc-00")
    corpus.text("doc-01")
    assert corpus.n_chars("doc-00") == len(first)
    path = tmp_path / "c" / "doc-00.txt"
    path.write_bytes(path.read_bytes() + "改".encode())
    with pytest.raises(ftzdata.DocumentError, match="differs from the manifest"):
        corpus.text("doc-00")
    with pytest.raises(ftzdata.DocumentError, match="differs from the manifest"):
        corpus.n_chars("doc-00")


def test_frames_use_the_system_allocator_unless_the_user_chose_one():
    """Arrow's default pool keeps what it frees, so a corpus run's memory grew with the corpus; ftzdata makes
    the system allocator Arrow's pool when it builds frames — but a pool the user chose stays."""
    import pyarrow as pa

    code = "import pyarrow as pa, ftzdata.cases, ftzdata.review; print(pa.default_memory_pool().backend_name)"
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    run = lambda **extra: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                         env={**env, **extra}).stdout.split()[-1]
    assert run() == "system"
    if "mimalloc" not in pa.supported_memory_backends():
        pytest.skip("this pyarrow has no mimalloc to choose")
    assert run(ARROW_DEFAULT_MEMORY_POOL="mimalloc") == "mimalloc"
