"""Normalised text for parsing, with a map from every normalised character back to the original.

``normalize(text)`` returns a :class:`Normalized`: the text in Simplified characters (OpenCC ``t2s``),
with HTML tags and entities removed, Word debris removed (``[bookmark: _GoBack]``, stray spaces inside
words such as ``办 证``, full-width indents), a list item's dash between Chinese words (``…5分钟[2] - 两岸…``)
read as a line break, and full-width ASCII forms folded to ASCII (``（，％３`` → ``(,%3``).  ``starts[i]:ends[i]`` is the span of the original that normalised character ``i`` came from
(kept as runs, see :class:`OffsetMap`), so anything found in the normalised text can be quoted verbatim from the original with
:meth:`Normalized.original_span`.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import numpy as np

__all__ = ["Normalized", "OffsetMap", "normalize", "normalize_text", "clean_text", "normalize_part", "has_traditional", "next_cut", "is_cut", "to_simplified"]

# Full-width ASCII forms (U+FF01..U+FF5E) -> ASCII; ideographic and no-break spaces -> space.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x301C: 0x7E})


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified characters with OpenCC (``t2s``); other characters pass through."""
    return _converter().convert(text)


@lru_cache(maxsize=1)
def _traditional_chars() -> re.Pattern:
    """The CJK characters that t2s changes on their own (about 3,800; built once in ~10 ms)."""
    chars = [chr(c) for c in range(0x3400, 0xA000)]
    out = to_simplified("\n".join(chars)).split("\n")
    changed = "".join(c for c, o in zip(chars, out) if c != o) if len(out) == len(chars) else ""
    return re.compile(f"[{re.escape(changed)}]") if changed else re.compile(r"[\u3400-\u9fff]")


def _simplify_same_length(text: str) -> str:
    """``to_simplified`` that keeps every character in place (falls back line by line, then per char).
    Text without a Traditional character is returned as it is (most documents: no OpenCC pass)."""
    if not _traditional_chars().search(text):
        return text
    out = to_simplified(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    fixed = []
    for line in lines:
        conv = to_simplified(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c) == 1 else ch for ch, c in ((ch, to_simplified(ch)) for ch in line))
        fixed.append(conv)
    return "\n".join(fixed)


class OffsetMap:
    """Per normalised character ``i``, the span ``[start(i), end(i))`` of the original it came from, stored as
    runs rather than two arrays of one integer per character (16 bytes a character for a long document).

    Run ``k`` covers the normalised characters ``[at[k], at[k + 1])``; in it ``start(i) = orig[k] + (i − at[k])``
    and ``end(i) = start(i) + width[k]``. Unchanged text is one run of width 1 per stretch between edits;
    a replaced character (an HTML tag read as a newline, an entity) is a run of its own. Memory grows with
    the number of edits, not with the length of the text. All values are character offsets."""

    __slots__ = ("at", "orig", "width", "n", "_last")

    def __init__(self, at: np.ndarray, orig: np.ndarray, width: np.ndarray, n: int):
        self.at, self.orig, self.width, self.n = at, orig, width, n
        self._last = None

    @classmethod
    def from_spans(cls, starts, ends, at_offset: int = 0, orig_offset: int = 0) -> "OffsetMap":
        """The map of per-character ``starts``/``ends`` arrays, shifted by ``at_offset`` normalised and
        ``orig_offset`` original characters."""
        st = np.asarray(starts, dtype=np.int64)
        w = np.asarray(ends, dtype=np.int64) - st
        if len(st) == 0:
            return cls.concat([], 0)
        brk = np.ones(len(st), dtype=bool)
        brk[1:] = (w[1:] != 1) | (w[:-1] != 1) | (st[1:] != st[:-1] + 1)
        k = np.flatnonzero(brk)
        return cls(k + at_offset, st[k] + orig_offset, w[k], len(st) + at_offset)

    @classmethod
    def concat(cls, maps: list["OffsetMap"], n: int) -> "OffsetMap":
        """Maps of consecutive pieces (each already shifted to its place) as one map of ``n`` characters."""
        if not maps:
            z = np.zeros(0, dtype=np.int64)
            return cls(z, z, z, n)
        if len(maps) == 1:
            return cls(maps[0].at, maps[0].orig, maps[0].width, n)
        return cls(*(np.concatenate([getattr(m, f) for m in maps]) for f in ("at", "orig", "width")), n)

    def head(self, k: int) -> "OffsetMap":
        """The map of the first ``k`` normalised characters (``0 ≤ k ≤ n``)."""
        m = int(np.searchsorted(self.at, k, side="left"))
        return OffsetMap(self.at[:m], self.orig[:m], self.width[:m], k)

    def shifted(self, at_offset: int, orig_offset: int) -> "OffsetMap":
        """This map moved ``at_offset`` normalised and ``orig_offset`` original characters on."""
        return OffsetMap(self.at + at_offset, self.orig + orig_offset, self.width, self.n + at_offset)

    def _runs(self, idx: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.at, idx, side="right") - 1

    def starts_of(self, idx) -> np.ndarray:
        """``start(i)`` for every ``i`` of ``idx`` (each ``0 ≤ i < n``)."""
        idx = np.asarray(idx, dtype=np.int64)
        k = self._runs(idx)
        return self.orig[k] + (idx - self.at[k])

    def ends_of(self, idx) -> np.ndarray:
        """``end(i)`` for every ``i`` of ``idx`` (each ``0 ≤ i < n``)."""
        idx = np.asarray(idx, dtype=np.int64)
        k = self._runs(idx)
        return self.orig[k] + (idx - self.at[k]) + self.width[k]

    def start_of(self, i: int) -> int:
        """``start(i)`` of one character ``0 ≤ i < n``."""
        k = int(np.searchsorted(self.at, i, side="right")) - 1
        return int(self.orig[k]) + i - int(self.at[k])

    def end_of(self, i: int) -> int:
        """``end(i)`` of one character ``0 ≤ i < n``."""
        k = int(np.searchsorted(self.at, i, side="right")) - 1
        return int(self.orig[k]) + i - int(self.at[k]) + int(self.width[k])

    def dense(self) -> tuple[np.ndarray, np.ndarray]:
        """``(starts, ends)``: one int64 per normalised character."""
        lens = np.diff(np.append(self.at, self.n))
        base = np.repeat(self.orig - self.at, lens)
        starts = base + np.arange(self.n, dtype=np.int64)
        return starts, starts + np.repeat(self.width, lens)

    def index_of(self, positions) -> np.ndarray:
        """For each original offset ``x``, the first normalised character whose start is ≥ ``x`` (``n`` if
        none): ``np.searchsorted(starts, positions, side="left")`` without the per-character array."""
        x = np.asarray(positions, dtype=np.int64)
        if self._last is None:
            self._last = self.orig + np.diff(np.append(self.at, self.n)) - 1  # start of each run's last char
        k = np.searchsorted(self._last, x, side="left")
        inside = k < len(self.at)
        kk = np.where(inside, k, 0)
        got = self.at[kk] + np.maximum(0, x - self.orig[kk]) if len(self.at) else np.zeros_like(x)
        return np.where(inside, got, self.n)

    def __getstate__(self):
        return self.at, self.orig, self.width, self.n

    def __setstate__(self, state):
        self.at, self.orig, self.width, self.n = state
        self._last = None


class Normalized:
    """Normalised ``text`` plus, per character, the ``[start, end)`` span of ``original`` it came from
    (``offsets``, an :class:`OffsetMap`; ``starts``/``ends`` give them as one array each)."""

    __slots__ = ("text", "original", "offsets")

    def __init__(self, text: str, original: str, starts=None, ends=None, *, offsets: OffsetMap | None = None):
        if offsets is None:
            offsets = OffsetMap.from_spans(starts, ends)
        self.text, self.original, self.offsets = text, original, offsets

    def __repr__(self) -> str:
        return f"Normalized({len(self.text)} characters from {len(self.original)})"

    def __eq__(self, other) -> bool:
        if not isinstance(other, Normalized):
            return NotImplemented
        return (self.text == other.text and self.original == other.original
                and all(np.array_equal(a, b) for a, b in zip(self.offsets.dense(), other.offsets.dense())))

    __hash__ = None

    def __getstate__(self):
        return self.text, self.original, self.offsets

    def __setstate__(self, state):
        self.text, self.original, self.offsets = state

    @property
    def starts(self) -> np.ndarray:
        """Per normalised character, the offset in ``original`` where its source starts (int64, built on each
        access: prefer :meth:`original_spans` on long texts)."""
        return self.offsets.dense()[0]

    @property
    def ends(self) -> np.ndarray:
        """Per normalised character, the offset in ``original`` just after its source (int64, built on access)."""
        return self.offsets.dense()[1]

    def _check_span(self, start, end) -> None:
        """ValueError unless ``0 ≤ start ≤ end ≤ len(text)`` (whole numbers, character offsets)."""
        n = len(self.text)
        whole = all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in (start, end))
        if not whole or not 0 <= start <= end <= n:
            raise ValueError(f"span [{start!r}, {end!r}) is outside the normalised text: allowed are whole numbers "
                             f"with 0 ≤ start ≤ end ≤ {n} (its length in characters)")

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` (character offsets) to the span of the original it came
        from. ValueError for bounds outside ``0 ≤ start ≤ end ≤ len(text)``."""
        self._check_span(start, end)
        if end == start:
            pos = self.offsets.start_of(int(start)) if start < len(self.text) else len(self.original)
            return pos, pos
        return self.offsets.start_of(int(start)), self.offsets.end_of(int(end) - 1)

    def original_spans(self, starts, ends) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`original_span` for non-empty spans."""
        s = np.asarray(starts, dtype=np.int64)
        e = np.asarray(ends, dtype=np.int64)
        if len(s) == 0:
            return s, e
        return self.offsets.starts_of(s), self.offsets.ends_of(e - 1)

    def normalized_positions(self, positions) -> np.ndarray:
        """For each offset of the original, the first normalised character that starts at or after it."""
        return self.offsets.index_of(positions)

    def quote(self, start: int, end: int) -> str:
        """The original text behind the normalised span ``[start, end)``, verbatim."""
        s, e = self.original_span(start, end)
        return self.original[s:e]


def _fold_width(text: str) -> str:
    """``text.translate(_WIDTH)`` on a UTF-32 numpy view (much faster than a per-character dict lookup)."""
    if not text:
        return text
    a = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    wide = (a >= 0xFF01) & (a <= 0xFF5E)
    a[wide] -= 0xFEE0
    for src, dst in _WIDTH.items():
        if not 0xFF01 <= src <= 0xFF5E:
            a[a == src] = dst
    return a.tobytes().decode("utf-32-le", "surrogatepass")


def _rewrite(text: str, pattern: re.Pattern, replace) -> tuple[str, np.ndarray, np.ndarray]:
    """Apply ``replace(match, text) -> str | None`` at each match; None keeps the match as it is.

    Returns the new text and, per new character, the span of ``text`` it came from. Every replacement
    here is no longer than its match, so one index map is filled by slices and compacted with a mask.
    """
    subs = []
    for m in pattern.finditer(text):
        new = replace(m, text)
        if new is None:
            continue
        s, e = m.span()
        if len(new) > e - s:
            return _rewrite_general(text, pattern, replace)
        subs.append((s, e, new))
    idx = np.arange(len(text), dtype=np.int64)
    if not subs:
        return text, idx, idx + 1
    pieces, last = [], 0
    for s, e, new in subs:
        pieces += [text[last:s], new]
        last = e
    pieces.append(text[last:])
    # Vectorised index map: the k characters of a replacement come from its whole match [s, e); the
    # rest of the match (s + k … e) is dropped. Matches never overlap.
    S = np.fromiter((t[0] for t in subs), dtype=np.int64, count=len(subs))
    E = np.fromiter((t[1] for t in subs), dtype=np.int64, count=len(subs))
    K = np.fromiter((len(t[2]) for t in subs), dtype=np.int64, count=len(subs))
    n = len(text) + 1
    keep = np.cumsum(np.bincount(S + K, minlength=n) - np.bincount(E, minlength=n))[:-1] == 0
    starts, ends = idx.copy(), idx + 1
    total = int(K.sum())
    if total:
        first = np.repeat(S, K)
        pos = first + (np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(K) - K, K))
        starts[pos] = first
        ends[pos] = np.repeat(E, K)
    return "".join(pieces), starts[keep], ends[keep]


def _rewrite_general(text: str, pattern: re.Pattern, replace) -> tuple[str, np.ndarray, np.ndarray]:
    """:func:`_rewrite` for replacements of any length (slower: arrays per replacement)."""
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    last = 0
    for m in pattern.finditer(text):
        new = replace(m, text)
        if new is None:
            continue
        s, e = m.span()
        if s > last:
            pieces.append(text[last:s])
            starts.append(np.arange(last, s, dtype=np.int64))
            ends.append(np.arange(last + 1, s + 1, dtype=np.int64))
        if new:
            pieces.append(new)
            starts.append(np.full(len(new), s, dtype=np.int64))
            ends.append(np.full(len(new), e, dtype=np.int64))
        last = e
    if last < len(text):
        pieces.append(text[last:])
        starts.append(np.arange(last, len(text), dtype=np.int64))
        ends.append(np.arange(last + 1, len(text) + 1, dtype=np.int64))
    if not starts:
        return "", np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return "".join(pieces), np.concatenate(starts), np.concatenate(ends)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"  # pinyin vowels with a tone mark
_BLOCK_TAGS = {"p", "br", "li", "ol", "ul", "div", "tr", "td", "th", "table", "h1", "h2", "h3", "h4"}

# Pass 1: markup and export debris.
_MARKUP = re.compile(
    r"(?=[<&\[ \t\r(])(?:"  # the first character of every alternative: re skips to the candidates
    r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,500}?/?\s*>"  # HTML tag
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # HTML entity
    r"|[ \t]{0,64}\[bookmark:[^\]\n]{0,200}\][ \t]{0,64}\n?"  # Word bookmark debris (bounded: linear on blanks)
    r"|\r"
    # a list item's dash between Chinese words (digest pages: …缩短至不到5分钟[2] - 两岸通行证件与政策演进 - 台胞…): a line break
    r"| - (?<=[\u4e00-\u9fff\]] - )(?=[\u4e00-\u9fff])"
    # pinyin that mirror sites insert after a character, inside words: 區(qū)域, 環(huán)節(jié), 運(yùn) , 創(chuàng )新;
    # with a tone mark also after a garbled character (靶羞M(jìn)) and cut off at a line's end (聯動(dòn⏎, 現(x⏎)
    # (one alternative that starts with its bracket: the scan stays as fast as without it)
    rf"|\((?:(?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}} ?\) ?"
    rf"|(?<=[\u4e00-\u9fff]\()(?:(?=[a-zü]*[aeiouü])[a-zü]{{2,6}} ?\) ?|[a-zü{_TONED}]{{1,5}}(?=\n|\Z))))"
)


_ITEM_DASH = " - "


def _markup_replacement(m: re.Match, text: str) -> str | None:
    tok = m.group(0)
    if tok == "\r":
        return ""
    if tok == _ITEM_DASH:
        return "\n"
    if tok.startswith("&"):
        out = html.unescape(tok)
        if out == tok:
            return None
        return " " if out.isspace() else out[:1] if len(out) == 1 else out
    if tok.lstrip(" \t").startswith("[bookmark:") or tok.startswith("("):
        return ""
    tag = (m.group(2) or "").lower()
    return "\n" if tag in _BLOCK_TAGS else ""


def _is_wide(ch: str) -> bool:
    return ord(ch) > 0x2E7F  # CJK radicals, punctuation, ideographs and beyond


# Pass 2: spaces. A run of spaces is removed at the start or end of a line, between two wide
# characters or a wide character and a digit (Word's "办 证", "天津口岸 300 余家"), and between a wide
# character and a clause mark (pages that space their punctuation: "据统计 , 今年", "要求 , 到2021年底");
# otherwise it collapses to a single space.
_SPACES = re.compile(r" +")
_CLAUSE_MARKS = ",;:!?"  # as folded from full width (。 is wide itself)


def _space_replacement(m: re.Match, text: str) -> str | None:
    s, e = m.span()
    before = text[s - 1] if s > 0 else "\n"
    after = text[e] if e < len(text) else "\n"
    if before in "\n\t" or after in "\n\t":
        return ""
    if (_is_wide(before) or before.isdigit()) and (_is_wide(after) or after.isdigit()):
        if _is_wide(before) or _is_wide(after):
            return ""
    if (_is_wide(before) and after in _CLAUSE_MARKS) or (before in _CLAUSE_MARKS and _is_wide(after)):
        return ""
    return None if e - s == 1 else " "


# Long texts are normalised in pieces of about this many characters (a piece ends just after a newline that
# no pass can change or look across, see _cuts), so that the per-character arrays of a pass stay small.
CHUNK = 1 << 18


def _cuts(text: str, size: int | None = None) -> list[int]:
    """Offsets ``0 = c0 < c1 < … < ck = len(text)`` that split ``text`` into pieces of about ``size``
    characters whose normalisations, joined, are the normalisation of ``text``.

    Each inner cut is just after a newline that no markup match can contain or look across: not after
    ``]``, space or tab (Word bookmark debris ends with its newline), and not between a ``<`` and the next
    ``>`` (an HTML tag may span lines). The space pass then sees a newline on both sides of a cut, as in the
    whole text; OpenCC's phrases never contain a newline."""
    size = size or CHUNK
    n = len(text)
    cuts = [0]
    pos = size
    while pos < n:
        c = next_cut(text, pos)
        if c is None:
            break
        cuts.append(c)
        pos = c + size
    cuts.append(n)
    return cuts


def next_cut(text: str, pos: int) -> int | None:
    """The first offset ``c`` after ``pos`` (``pos < c < len(text)``) where :func:`_cuts` may cut ``text``: just
    after a newline no markup match contains or runs over. None if there is none."""
    c = text.find("\n", pos) + 1
    while c and _unsafe_cut(text, c):
        c = text.find("\n", c) + 1
    return c if c and c < len(text) else None


def is_cut(text: str, c: int) -> bool:
    """May :func:`_cuts` cut ``text`` at offset ``c`` (just after a newline, see :func:`next_cut`)?"""
    return 0 < c < len(text) and text[c - 1] == "\n" and not _unsafe_cut(text, c)


def _unsafe_cut(text: str, c: int) -> bool:
    """Could a markup match contain the newline just before offset ``c``, or run over ``c``?"""
    return text[c - 2:c - 1] in (" ", "\t", "]") or _in_tag(text, c)


def _in_tag(text: str, c: int) -> bool:
    """Could an HTML tag run over offset ``c``? (A ``<`` before it with no ``>`` since, and a ``>`` after it
    before any ``<``.)"""
    lt = text.rfind("<", 0, c)
    if lt == -1 or text.rfind(">", lt, c) != -1:
        return False
    gt = text.find(">", c)
    if gt == -1:
        return False
    nxt = text.find("<", c, gt)
    return nxt == -1


def _normalize_piece(piece: str, simplify: bool) -> tuple[str, np.ndarray, np.ndarray] | None:
    """Normalised ``piece`` and its per-character map; None when OpenCC changed its length (the caller then
    normalises the whole text at once, as before)."""
    if simplify:
        conv = to_simplified(piece)
        if len(conv) != len(piece):
            return None
        piece = conv
    t1, s1, e1 = _rewrite(_fold_width(piece), _MARKUP, _markup_replacement)
    t2, s2, e2 = _rewrite(t1, _SPACES, _space_replacement)
    if not len(t2):
        z = np.zeros(0, dtype=np.int64)
        return t2, z, z
    return t2, s1[s2], e1[e2 - 1]


def _normalize_whole(text: str) -> Normalized:
    """The normalisation in one piece (every pass on the whole text)."""
    folded = _fold_width(_simplify_same_length(text))  # both keep every character in place
    t1, s1, e1 = _rewrite(folded, _MARKUP, _markup_replacement)
    t2, s2, e2 = _rewrite(t1, _SPACES, _space_replacement)
    if len(t2):
        starts = s1[s2]
        ends = e1[e2 - 1]
    else:
        starts = ends = np.zeros(0, dtype=np.int64)
    return Normalized(text=t2, original=text, starts=starts, ends=ends)


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for parsing and keep the map back to it (see the module docstring).

    A long text is read in pieces (see :func:`_cuts`): memory stays about ``CHUNK`` characters' worth of
    arrays plus two copies of the text, whatever its length; the result is the same as in one piece."""
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, got {type(text).__name__}")
    cuts = _cuts(text)
    if len(cuts) <= 2:
        return _normalize_whole(text)
    got = _normalize_cuts(text, cuts, has_traditional(text))
    return got if got is not None else _normalize_whole(text)


def normalize_text(text: str) -> str:
    """``normalize(text).text`` without the map back to ``text``: for the short strings a caller only compares
    or looks up (titles, table cells), where building the map costs more than the text."""
    if len(text) > CHUNK:
        return normalize(text).text
    t = _simplify_same_length(text).translate(_WIDTH)
    if "<" in t or "&" in t or "[" in t or "\r" in t or "(" in t or _ITEM_DASH in t:  # what every markup match starts with
        t = _MARKUP.sub(lambda m: _kept(m, _markup_replacement(m, m.string)), t)
    return _SPACES.sub(lambda m: _kept(m, _space_replacement(m, m.string)), t) if " " in t else t


def clean_text(text: str) -> str:
    """:func:`normalize_text` of ``text``, stripped: a title or a table cell as the rules compare it."""
    return normalize_text(text).strip()


def _kept(m: re.Match, new: str | None) -> str:
    """A pass's replacement of match ``m`` (None: the match as it is)."""
    return m.group(0) if new is None else new


def has_traditional(text: str) -> bool:
    """Does ``text`` hold a character that OpenCC's t2s changes on its own (then every piece is converted)?"""
    return _traditional_chars().search(text) is not None


def normalize_part(text: str, simplify: bool) -> Normalized | None:
    """The normalisation of ``text``, a part of a longer document cut where :func:`_cuts` may cut, read in
    pieces; ``simplify`` says whether the whole document has Traditional characters
    (:func:`has_traditional`). Joined, the parts are :func:`normalize` of the document. None when OpenCC
    changes the length of a piece (the document is then normalised at once, see :func:`normalize`)."""
    return _normalize_cuts(text, _cuts(text), simplify)


def _normalize_cuts(text: str, cuts: list[int], simplify: bool) -> Normalized | None:
    """``text`` normalised piece by piece between ``cuts`` (see :func:`_cuts`); None when OpenCC changed the
    length of a piece."""
    pieces: list[str] = []
    maps: list[OffsetMap] = []
    n = 0
    for a, b in zip(cuts, cuts[1:]):
        got = _normalize_piece(text[a:b], simplify)
        if got is None:
            return None
        t, st, en = got
        if len(t):
            maps.append(OffsetMap.from_spans(st, en, at_offset=n, orig_offset=a))
            pieces.append(t)
            n += len(t)
    out = "".join(pieces)
    del pieces
    return Normalized(text=out, original=text, offsets=OffsetMap.concat(maps, n))
