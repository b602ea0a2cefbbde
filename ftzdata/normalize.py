"""Normalised text for parsing, with a map from every normalised character back to the original.

``normalize(text)`` returns a :class:`Normalized`: the text in Simplified characters (OpenCC ``t2s``),
with HTML tags and entities removed, Word debris removed (``[bookmark: _GoBack]``, stray spaces inside
words such as ``办 证``, full-width indents), and full-width ASCII forms folded to ASCII (``（，％３`` →
``(,%3``).  ``starts[i]:ends[i]`` is the span of the original that normalised character ``i`` came from,
so anything found in the normalised text can be quoted verbatim from the original with
:meth:`Normalized.original_span`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = ["Normalized", "normalize", "to_simplified"]

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


@dataclass(frozen=True)
class Normalized:
    """Normalised ``text`` plus, per character, the ``[starts, ends)`` span of ``original`` it came from."""

    text: str
    original: str
    starts: np.ndarray
    ends: np.ndarray

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
            pos = int(self.starts[start]) if start < len(self.text) else len(self.original)
            return pos, pos
        return int(self.starts[start]), int(self.ends[end - 1])

    def original_spans(self, starts, ends) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`original_span` for non-empty spans."""
        s = np.asarray(starts, dtype=np.int64)
        e = np.asarray(ends, dtype=np.int64)
        if len(s) == 0:
            return s, e
        return self.starts[s].astype(np.int64), self.ends[e - 1].astype(np.int64)

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


_BLOCK_TAGS = {"p", "br", "li", "ol", "ul", "div", "tr", "td", "th", "table", "h1", "h2", "h3", "h4"}

# Pass 1: markup and export debris.
_MARKUP = re.compile(
    r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,500}?/?\s*>"  # HTML tag
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # HTML entity
    r"|[ \t]{0,64}\[bookmark:[^\]\n]{0,200}\][ \t]{0,64}\n?"  # Word bookmark debris (bounded: linear on blanks)
    r"|\r"
    # pinyin that mirror sites insert after a character, inside words: 區(qū)域, 環(huán)節(jié), 運(yùn) 
    r"|(?<=[\u4e00-\u9fff])\((?=[a-zü]*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{2,6}\) ?"
)


def _markup_replacement(m: re.Match, text: str) -> str | None:
    tok = m.group(0)
    if tok == "\r":
        return ""
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


# Pass 2: spaces. A run of spaces is removed at the start or end of a line and between two wide
# characters or a wide character and a digit (Word's "办 证", "天津口岸 300 余家"); otherwise it
# collapses to a single space.
_SPACES = re.compile(r" +")


def _space_replacement(m: re.Match, text: str) -> str | None:
    s, e = m.span()
    before = text[s - 1] if s > 0 else "\n"
    after = text[e] if e < len(text) else "\n"
    if before in "\n\t" or after in "\n\t":
        return ""
    if (_is_wide(before) or before.isdigit()) and (_is_wide(after) or after.isdigit()):
        if _is_wide(before) or _is_wide(after):
            return ""
    return None if e - s == 1 else " "


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for parsing and keep the map back to it (see the module docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, got {type(text).__name__}")
    folded = _fold_width(_simplify_same_length(text))  # both keep every character in place
    t1, s1, e1 = _rewrite(folded, _MARKUP, _markup_replacement)
    t2, s2, e2 = _rewrite(t1, _SPACES, _space_replacement)
    if len(t2):
        starts = s1[s2]
        ends = e1[e2 - 1]
    else:
        starts = ends = np.zeros(0, dtype=np.int64)
    return Normalized(text=t2, original=text, starts=starts, ends=ends)
