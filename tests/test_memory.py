"""Extraction memory is bounded per MB of text, and normalising a long text in pieces changes nothing."""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ftzdata.normalize import OffsetMap, normalize

nz = importlib.import_module("ftzdata.normalize")  # the module (ftzdata.normalize is also the function)

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]

# What the passes change or look across, next to newlines: tags over lines, Word bookmarks (which eat
# their newline), spaces at line ends, CR LF, entities, pinyin, Traditional characters and phrases.
_PIECES = ["\n", "\n", "\r\n", " ", "  ", "\t", "　", "<p>", "</p>", "<p\nclass='a'>", "<br/>", "<", ">", "<div \n>",
           "[bookmark: _GoBack]", "[bookmark: x] \n", "]", "&amp;", "&nbsp;", "&#x4e00;", "區(qū)域", "環(huán)節(jié)",
           "乾燥", "縮短", "辦 證", "办 证", "天津口岸 300 余家", "１２３", "，", "。", "由5天缩短至1天", "abc", "1,100"]
texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=60).map("".join)


def _same(a, b) -> None:
    assert a.text == b.text
    sa, ea = a.offsets.dense()
    sb, eb = b.offsets.dense()
    assert np.array_equal(sa, sb) and np.array_equal(ea, eb)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.integers(1, 12))
@example("a[bookmark: x]\n  b", 1)  # the bookmark eats its newline: no cut there
@example("x\n<div\n\nclass='a'>  b", 1)  # a tag over lines: no cut inside it
def test_normalising_in_pieces_is_normalising_at_once(text, size):
    old = nz.CHUNK
    nz.CHUNK = size
    try:
        pieced = normalize(text)
    finally:
        nz.CHUNK = old
    _same(pieced, nz._normalize_whole(text))


def test_a_long_real_text_in_pieces_maps_every_character_as_at_once(monkeypatch):
    text = "\n".join(SEED_TEXTS)
    whole = nz._normalize_whole(text)
    monkeypatch.setattr(nz, "CHUNK", 2000)
    assert len(nz._cuts(text)) > 20
    pieced = normalize(text)
    _same(pieced, whole)
    # quotes of every line come out the same through the run map
    lines = [i for i, ch in enumerate(pieced.text) if ch == "\n"]
    s, e = pieced.original_spans(np.array([0] + [i + 1 for i in lines[:-1]]), np.array(lines))
    ws, we = whole.starts, whole.ends
    assert s.tolist() == ws[[0] + [i + 1 for i in lines[:-1]]].tolist()
    assert e.tolist() == we[np.array(lines) - 1].tolist()


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.integers(-3, 400), max_size=20))
def test_normalized_positions_are_searchsorted_over_the_starts(text, positions):
    n = normalize(text)
    want = np.searchsorted(n.starts, np.asarray(positions, dtype=np.int64), side="left")
    assert n.normalized_positions(positions).tolist() == want.tolist()


def test_the_run_map_of_plain_text_is_one_run_whatever_its_length():
    text = "改革前需要5天，现在缩短至1天。\n" * 20000
    m = normalize(text).offsets
    assert m.n == len(text)
    assert len(m.at) <= len(nz._cuts(text))  # one run per piece: no per-character arrays are kept
    assert isinstance(m, OffsetMap)


CHILD = r"""
import json, resource, sys
from pathlib import Path
root = Path(sys.argv[1])
sys.path.insert(0, str(root))
from ftzdata.extract import extract
extract("改革前需要5天，现在缩短至1天。")
base = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.glob("seeds/*.txt")))
doc = "\n".join([base] * (int(5e6 / len(base.encode("utf-8"))) + 1))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
q, c = extract(doc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"mb": len(doc.encode("utf-8")) / 1e6, "peak": (after - before) / 1024, "claims": len(c)}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KiB is Linux's")
def test_extracting_a_5_mb_document_peaks_well_under_150_mb():
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT)], check=True, capture_output=True, text=True,
                         env={**os.environ, "FTZDATA_NO_CACHE": "1"}).stdout
    r = json.loads(out.strip().splitlines()[-1])
    assert r["mb"] >= 5 and r["claims"] > 1000
    # was 26 MB per MB of text (130 MB here); now about 5
    assert r["peak"] < 60, f"extracting {r['mb']:.1f} MB peaked at {r['peak']:.0f} MB"
