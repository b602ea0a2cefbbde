"""Long texts read in windows, so that extracting one document takes bounded memory whatever its length.

A text longer than :data:`WINDOW` characters is cut into windows of about that many characters; each is
normalised, scanned and read by the rules on its own, and its rows, their offsets moved to the window's
place in the text, are the rows of the whole text in order. A window ends just after a newline that
nothing reads across (checked on the normalised text):

- normalisation: a newline where :func:`ftzdata.normalize.normalize` may cut a text into pieces (no markup
  contains it or runs over it), read as a newline of its own;
- sentences, clauses, quotes and every rule's pattern stop at a newline, except a number that runs over one
  (a range ``5\\n-10天``, ``10\\n^30``): the line before the cut does not end with a digit or a Chinese numeral
  character, nor with a space;
- tables (rows of tab- or ``|``-separated cells, over blank lines): the line before the cut is not empty
  and has no tab and no ``|``, so that a table ends there;
- a paragraph that opens with an after marker (现在呢?…) answers the one before it (rule 3): the line
  after the cut opens with none.

What the rules remember of the text before (``Doc.carry``: the N合一 a text has named, the figures it has
stated without a condition) goes from each window to the next, in order.

A stretch without such a newline makes a longer window. Where OpenCC changes the length of a piece, or a
window cannot be normalised, the text is read at once, as a short one is. Windowed rows are the rows of
the text read at once (``tests/test_windows.py``, ``benchmarks/extract_snapshot.py --window``).
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

import pandas as pd

from ftzdata.normalize import Normalized, OffsetMap, has_traditional, is_cut, next_cut, normalize_part

from .document import Doc, prepare
from .lexicon import LEX, alt
from .numbers import AR_MULT, CN_CHARS, MORE

__all__ = ["WINDOW", "windows", "by_window"]

# Characters per window (about 2.6 MB of Chinese text in UTF-8; the rules' state of a window is a few
# tens of MB).
WINDOW = 1 << 20

_AFTER_MARK = re.compile(alt(LEX["markers"]["after"]))
_OPEN_SKIP = LEX["markers"]["paragraph_open_skip"]
# A line ending with one of these may go on in a number on the next line (5\n-10天).
_NUMERAL_END = frozenset(CN_CHARS) | frozenset(MORE) | frozenset(AR_MULT) | {"_"}


class _ReadAtOnce(Exception):
    """The text cannot be read in windows that give the rows of the whole (see the module docstring)."""


def windows(text: str, size: int | None = None) -> Iterator[tuple[int, Doc]]:
    """``(offset, window)`` of ``text`` in order: each window a :class:`Doc` of ``text[offset:next offset]``
    of about ``size`` (default :data:`WINDOW`) characters; one window when the text is no longer.
    Raises :class:`_ReadAtOnce` (before or between windows) when the text must be read at once."""
    size = size or WINDOW
    n = len(text)
    if n <= size:
        yield 0, prepare(text)
        return
    simplify = has_traditional(text)
    a = 0
    while n - a > size:
        got = _window(text, a, size, simplify)
        if got is None:
            break
        o, doc = got
        yield a, doc
        a = o
    if a == 0:
        yield 0, prepare(text)
        return
    rest = text[a:]
    yield a, Doc(rest, _part(rest, simplify))


def _part(text: str, simplify: bool) -> Normalized:
    """:func:`normalize_part`, or :class:`_ReadAtOnce` when it cannot give the whole's normalisation."""
    try:
        got = normalize_part(text, simplify)
    except Exception as e:  # noqa: BLE001 - lone surrogates &c.: the whole text takes prepare()'s fallbacks
        raise _ReadAtOnce from e
    if got is None:
        raise _ReadAtOnce
    return got


def _window(text: str, a: int, size: int, simplify: bool) -> tuple[int, Doc] | None:
    """``(end, window)``: the window starting at offset ``a``, of at least ``size`` characters where it can
    end (longer if no newline before lets it); None when the rest of the text is one window."""
    norm, start, end = None, a, a + size
    while True:
        b = next_cut(text, end - 1)
        if b is None:
            return None
        part = _part(text[start:b], simplify)
        lo = 0 if norm is None else len(norm.text) - 1
        norm = part if norm is None else _joined(norm, part, start - a)
        got = _last_cut(norm, text, a, lo)
        if got is not None:
            k, o = got
            original = text[a:o]
            return o, Doc(original, Normalized(norm.text[:k], original, offsets=norm.offsets.head(k)))
        start, end = b, b + size


def _joined(first: Normalized, second: Normalized, shift: int) -> Normalized:
    """``first`` then ``second`` (the next part of the text, ``shift`` original characters on)."""
    n = len(first.text)
    offsets = OffsetMap.concat([first.offsets, second.offsets.shifted(n, shift)], n + len(second.text))
    return Normalized(first.text + second.text, "", offsets=offsets)


def _last_cut(norm: Normalized, text: str, a: int, lo: int) -> tuple[int, int] | None:
    """``(k, o)`` of the last newline at normalised offset ``p ≥ lo`` of ``norm`` (the normalisation of
    ``text`` from offset ``a``) a window may end after: ``k = p + 1`` in the normalised text, ``o`` just after
    that newline in ``text``. None if there is none."""
    t = norm.text
    nxt = t.rfind("\n")  # the line after a cut must be whole: the last newline is no candidate
    p = t.rfind("\n", 0, nxt) if nxt > 0 else -1
    while p >= max(lo, 1):
        o = window_end(norm, text, a, p, nxt)
        if o is not None:
            return p + 1, o
        nxt, p = p, t.rfind("\n", 0, p)
    return None


def window_end(norm: Normalized, text: str, a: int, p: int, nxt: int) -> int | None:
    """May a window end after the newline at normalised offset ``p`` of ``norm`` (the normalisation of
    ``text`` from offset ``a``; ``nxt``: the newline ending the line after it)? The offset in ``text`` just
    after that newline if so (see the module docstring), else None."""
    t = norm.text
    if not _ends_a_window(t, t.rfind("\n", 0, p) + 1, p) or _opens_with_after_marker(t, p + 1, nxt):
        return None
    o = a + norm.offsets.start_of(p) + 1
    return o if norm.offsets.end_of(p) == o - a and is_cut(text, o) else None


def _ends_a_window(t: str, s: int, e: int) -> bool:
    """May a window end after the line ``t[s:e]``? Not empty, no tab or ``|`` (a table row), and not
    ending with a space or a numeral character (a number may go on over the newline)."""
    if e <= s or "\t" in t[s:e] or "|" in t[s:e]:
        return False
    last = t[e - 1]
    return not (last.isspace() or last.isdigit() or last in _NUMERAL_END)


def _opens_with_after_marker(t: str, s: int, e: int) -> bool:
    """Does the line ``t[s:e]`` open with an after marker (现在, 改革后 …), after quotes and spaces?"""
    while True:
        if _AFTER_MARK.match(t, s):
            return True
        if s < e and t[s] in _OPEN_SKIP:
            s += 1
            continue
        return False


def by_window(text: str, read: Callable[[Doc], list[pd.DataFrame]], empty: list[Callable[[], pd.DataFrame]],
              size: int | None = None) -> list[pd.DataFrame]:
    """The frames ``read(doc)`` gives for ``text`` read at once (``start``/``end`` columns: offsets into
    ``text``), computed window by window (see :func:`windows`); ``empty[i]()`` is frame ``i`` with no rows."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    if len(text) <= (size or WINDOW):
        return read(prepare(text))  # one window: read at once
    parts: list[list[pd.DataFrame]] = [[] for _ in empty]
    carry: dict = {}  # what the rules remember of the earlier windows (Doc.carry)
    try:
        for offset, doc in windows(text, size):
            doc.carry = carry
            for got, frame in zip(parts, read(doc)):
                if len(frame):
                    if offset:
                        frame["start"] += offset
                        frame["end"] += offset
                    got.append(frame)
            del doc
    except _ReadAtOnce:
        return read(prepare(text))
    return [_concat(p, e) for p, e in zip(parts, empty)]


def _concat(frames: list[pd.DataFrame], empty: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    if not frames:
        return empty()
    if len(frames) == 1:
        return frames[0]
    return pd.concat(frames, ignore_index=True)
