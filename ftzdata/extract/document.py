"""One normalised document prepared for extraction: text, offsets map, clause/sentence boundaries.

Shared by :mod:`quantities` and :mod:`claims` so that :func:`ftzdata.extract.extract` normalises once.
Internal module.
"""

from __future__ import annotations

import functools
import gc
import re
from array import array
from bisect import bisect_right

import numpy as np

from ftzdata.normalize import Normalized, normalize

from .lexicon import LEX

__all__ = ["Doc", "prepare", "without_gc"]

# A comma between digit groups that is a thousands separator: "1,100", "12,345,678" (only when the
# original character was an ASCII comma, see _mark_thousands).
_THOUSANDS = re.compile(r"(?=\d)(?<![\d.,_])(\d{1,3})((?:,\d{3})+)(?![\d.,])")
_CLAUSE_END = re.compile(r"[,;。!?:\n]")
_SENTENCE_END = re.compile(r"[;。!?\n]")
_CLAUSE_CPS = np.array([ord(c) for c in ",;。!?:\n"], dtype=np.uint32)
_SENTENCE_CPS = np.array([ord(c) for c in ";。!?\n"], dtype=np.uint32)
# Quoted slogans and names (“一次告知”, 「三证合一」): no clause punctuation inside. A quoted sentence
# (an official's words: “以前要跑三四次，现在一次都不用跑。”) is text like any other.
_QUOTED = re.compile(r"“[^”“\n,;:!?。，；：！？]{0,60}”|「[^」\n,;:!?。，；：！？]{0,60}」|‘[^’\n,;:!?。，；：！？]{0,60}’")
_DATE_CHARS = set(LEX["not_quantity"]["date_chars"])
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _safe_normalize(text: str) -> Normalized:
    """``normalize`` that never raises (lone surrogates and other unencodable input)."""
    try:
        return normalize(text)
    except Exception:  # noqa: BLE001 - fall back to a same-length sanitised copy
        pass
    clean = _SURROGATE.sub("\ufffd", text)
    try:
        n = normalize(clean)
        return Normalized(text=n.text, original=text, offsets=n.offsets)
    except Exception:  # noqa: BLE001 - identity map as the last resort
        idx = np.arange(len(text), dtype=np.int64)
        return Normalized(text=clean, original=text, starts=idx, ends=idx + 1)


class Doc:
    """Normalised text (``text``), the text the number grammar scans (``scan``: same length, real
    thousands separators replaced by ``_``), and clause/sentence/quote boundaries."""

    __slots__ = ("norm", "text", "scan", "clause_ends", "sentence_ends", "line_ends", "quoted", "_quoted_starts",
                 "carry")

    def __init__(self, original: str, norm: Normalized | None = None):
        self.norm = _unwrapped(_safe_normalize(original) if norm is None else norm)
        t = self.norm.text
        self.text = t
        self.scan = _mark_thousands(t, self.norm) if "," in t else t
        self.clause_ends, self.sentence_ends, self.line_ends = _boundaries(self.scan)  # 227,247万元: no clause end
        self.quoted = [m.span() for m in _QUOTED.finditer(t)] if "“" in t or "「" in t or "‘" in t else []
        self._quoted_starts = [a for a, _ in self.quoted]
        #: what the rules remember of the text read so far (the N合一 it has named, the figures it has stated
        #: without a condition): shared by the windows of one long text (see
        #: :func:`ftzdata.extract.windows.by_window`), a new one for a text read at once
        self.carry: dict = {}

    def clause_start(self, pos: int) -> int:
        """Start of the clause containing ``pos`` (just after the last , ; 。 : ! ? or newline)."""
        i = bisect_right(self.clause_ends, pos - 1)
        return self.clause_ends[i - 1] + 1 if i else 0

    def clause_end(self, pos: int) -> int:
        i = bisect_right(self.clause_ends, pos - 1)
        return self.clause_ends[i] if i < len(self.clause_ends) else len(self.text)

    def sentence_start(self, pos: int) -> int:
        i = bisect_right(self.sentence_ends, pos - 1)
        return self.sentence_ends[i - 1] + 1 if i else 0

    def sentence_end(self, pos: int) -> int:
        i = bisect_right(self.sentence_ends, pos - 1)
        return self.sentence_ends[i] if i < len(self.sentence_ends) else len(self.text)

    def in_quotes(self, pos: int) -> bool:
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def quote_span(self, pos: int) -> tuple[int, int] | None:
        """(start of the opening mark, end after the closing mark) of the quoted span ``pos`` is inside, or None."""
        i = bisect_right(self._quoted_starts, pos) - 1
        return self.quoted[i] if i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1] else None

    def quote_end(self, pos: int) -> int | None:
        """End (after the closing mark) of the quoted span that ``pos`` is inside, or None."""
        span = self.quote_span(pos)
        return span[1] if span else None

    def paragraph_start(self, pos: int) -> int:
        """Start of the line containing ``pos`` (just after the last newline before it)."""
        i = bisect_right(self.line_ends, pos - 1)
        return self.line_ends[i - 1] + 1 if i else 0


def _unwrapped(norm: Normalized) -> Normalized:
    """``norm`` with the line breaks of hard-wrapped text removed (a PDF copied out line by line, every full line
    cut at one width: :func:`ftzdata.ingest.unwrap.wrap_joins`, on the original text, whose widths are the
    page's), so that a sentence cut at a line's end reads as one; ``norm`` itself when the text does not look
    hard-wrapped."""
    from ftzdata.ingest.unwrap import may_be_wrapped, wrap_joins  # (imported on the first document)

    original, t = norm.original, norm.text
    if not may_be_wrapped(original):
        return norm
    joins = wrap_joins(original)
    if not joins:
        return norm
    at_norm = norm.offsets.index_of(np.array([x for a, b, _ in joins for x in (a, b)], dtype=np.int64))
    starts, ends = norm.offsets.dense()
    text, st, en, at = [], [], [], 0
    for (_, _, glue), i, j in zip(joins, at_norm[0::2], at_norm[1::2]):
        if i < at or t[i:j].strip():  # (what normalisation made of the break is not only blanks: kept)
            continue
        glue = glue[:j - i]
        text += [t[at:i], glue]
        st += [starts[at:i], starts[i:i + len(glue)]]  # a space between two Latin words stands for the break
        en += [ends[at:i], ends[j - len(glue):j]]
        at = j
    if at == 0:
        return norm
    text.append(t[at:])
    st.append(starts[at:])
    en.append(ends[at:])
    return Normalized("".join(text), original, np.concatenate(st), np.concatenate(en))


# Boundaries are found in pieces of this many characters (a UTF-32 copy of a piece, not of the whole text).
_PIECE = 1 << 20


def _boundaries(t: str) -> tuple[array, array, array]:
    """Offsets of every clause end (, ; 。 : ! ? newline), sentence end (; 。 ! ? newline) and newline of
    ``t``, in order, as compact integer arrays (bisect reads them like lists)."""
    clause_ends, sentence_ends, line_ends = array("q"), array("q"), array("q")
    for a in range(0, len(t), _PIECE):
        cps = np.frombuffer(t[a:a + _PIECE].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        clause = np.flatnonzero(np.isin(cps, _CLAUSE_CPS))  # sentence and line ends are clause ends too
        marks = cps[clause]
        clause_ends.frombytes((clause + a).astype(np.int64).tobytes())
        sentence_ends.frombytes((clause[np.isin(marks, _SENTENCE_CPS)] + a).astype(np.int64).tobytes())
        line_ends.frombytes((clause[marks == 10] + a).astype(np.int64).tobytes())
    return clause_ends, sentence_ends, line_ends


def _mark_thousands(t: str, n: Normalized) -> str:
    original = n.original
    start_of = n.offsets.start_of

    def repl(m: re.Match) -> str:
        s = m.start(2)
        body = m.group(2)
        # every comma must have been an ASCII comma in the original (a full-width "，" is a clause
        # comma), and the number must not follow 月/日 (a date: "9月30,100家" is not 30,100)
        for k, ch in enumerate(body):
            if ch == "," and original[start_of(s + k)] != ",":
                return m.group(0)
        if m.start() > 0 and t[m.start() - 1] in _DATE_CHARS:
            return m.group(0)
        return m.group(1) + body.replace(",", "_")

    return _THOUSANDS.sub(repl, t)


def without_gc(func):
    """Run ``func`` with the cyclic garbage collector paused (restored after, also on error).

    Extraction makes one small object per number and per claim and no reference cycles, so the collector
    finds nothing; but its full passes grow with the number of live objects, which made extraction on a
    dense input superlinear (1 MB of ``1天``: 2.0 s/MB at 100k characters, 3.0 s/MB at 1M)."""
    @functools.wraps(func)
    def run(*args, **kwargs):
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()
    return run


def prepare(text: str) -> Doc:
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return Doc(text)
