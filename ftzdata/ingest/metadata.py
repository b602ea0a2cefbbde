"""What can be read from a document's text: title, issuer, document number, date, script, zones.

``detect_metadata(text)`` returns a dict of the fields found (``None`` where nothing was found) and, under
``"spans"``, the ``(start, end)`` offsets in ``text`` each value was read from. Patterns and word lists
are in ``metadata.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_yaml

__all__ = ["detect_date", "detect_doc_number", "detect_issuer", "detect_metadata", "detect_script",
           "detect_title", "zones_named"]

Found = tuple  # (value, start, end)


@lru_cache(maxsize=1)
def config() -> dict:
    """The patterns and word lists (``metadata.yaml`` beside this module)."""
    return read_yaml(Path(__file__).with_name("metadata.yaml").read_text(encoding="utf-8"))


def _lines(text: str) -> list[tuple[str, int]]:
    """``(line, start offset)`` for each line of ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((line, pos))
        pos += len(line) + 1
    return out


def _stripped(line: str, start: int) -> tuple[str, int, int]:
    s = line.strip()
    lead = len(line) - len(line.lstrip())
    return s, start + lead, start + lead + len(s)


def detect_title(text: str) -> Found | None:
    """The heading: a 关于…的通知 line (or two lines that make one) among the first lines, else the
    first line that is not a label, number or date line."""
    cfg = config()["title"]
    lines = [_stripped(ln, p) for ln, p in _lines(text)[: cfg["lines_searched"]]]
    lines = [x for x in lines if x[0]]
    notice, start_re, end_re = (re.compile(cfg[k]) for k in ("notice", "notice_start", "notice_end"))
    for i, (line, a, b) in enumerate(lines):
        if notice.search(line):
            return line, a, b
        if start_re.search(line) and not end_re.search(line) and i + 1 < len(lines) and end_re.search(lines[i + 1][0]):
            return line + lines[i + 1][0], a, lines[i + 1][2]
    skip = re.compile(cfg["not_title"])
    for line, a, b in lines:
        if not skip.search(line) and len(line) <= cfg["max_chars"]:
            return line, a, b
    return None


def detect_doc_number(text: str) -> Found | None:
    """The first document number (穗府函〔2018〕161号, 国发[2019]16号, …), verbatim."""
    m = re.search(config()["doc_number"], text)
    return (m.group(0), m.start(), m.end()) if m else None


def _label_value(text: str, labels: list[str]) -> Found | None:
    """The value after the first of ``labels`` found (``来源：X``), up to a space or tab."""
    for label in labels:
        m = re.search(rf"{re.escape(label)}\s*[:：]\s*([^\s:：]+)", text)
        if m:
            return m.group(1), m.start(1), m.end(1)
    return None


def _is_body(line: str) -> bool:
    cfg = config()["issuer"]
    return 0 < len(line) <= cfg["max_chars"] and line.endswith(tuple(cfg["body_endings"])) and not re.search(r"[，。；：,:]", line)


def signature_issuer(text: str) -> Found | None:
    """The body (or bodies, joined by 、) named on the lines just before the date line at the end."""
    lines = [_stripped(ln, p) for ln, p in _lines(text)]
    lines = [x for x in lines if x[0]]
    tail = lines[-config()["date"]["end_lines"]:]
    for i in range(len(tail) - 1, -1, -1):
        if _date_in(tail[i][0], whole_line=True):
            above = []
            for line, a, b in reversed(tail[:i]):
                if not _is_body(line) or len(above) >= config()["issuer"]["signature_lines"]:
                    break
                above.insert(0, (line, a, b))
            if above:
                return "、".join(x[0] for x in above), above[0][1], above[-1][2]
            return None
    return None


def detect_issuer(text: str) -> Found | None:
    """The issuing body: a 发文机关/发布机构 line, else the signature block, else 来源, else the part of
    a 关于 title before 关于 when it names a body."""
    labels = config()["issuer"]["labels"]
    strong = [lb for lb in labels if "来源" not in lb]
    found = _label_value(text, strong) or signature_issuer(text) or _label_value(text, [lb for lb in labels if "来源" in lb])
    if found:
        return found
    title = detect_title(text)
    if title and "关于" in title[0]:
        head = title[0].split("关于", 1)[0]
        if _is_body(head):
            return head, title[1], title[1] + len(head)
    return None


def _numeral(s: str) -> int:
    """A year/month/day in digits or Chinese numerals (二〇一八, 十二) as an int."""
    if s.isdigit() and s.isascii():
        return int(s)
    if len(s) == 4 and all(c in "〇○零OΟ一二三四五六七八九" for c in s):
        return int("".join(str("〇○零OΟ一二三四五六七八九".index(c) - 4) if c in "一二三四五六七八九" else "0" for c in s))
    from ftzdata.extract.numbers import parse_numeral

    d = parse_numeral(s)  # 十二, 二十三; cn2an (slow to load) for the rest
    if d is not None and d == int(d):
        return int(d)
    import cn2an

    return int(cn2an.cn2an(s, "smart"))


@lru_cache(maxsize=1)
def _date_patterns() -> list[re.Pattern]:
    return [re.compile(p) for p in config()["date"]["patterns"]]


def _date_in(s: str, whole_line: bool = False):
    """``(iso, precision, match)`` of the first date in ``s`` (the whole of ``s`` if ``whole_line``)."""
    best = None
    for pat in _date_patterns():
        m = pat.fullmatch(s.strip()) if whole_line else pat.search(s)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    y, mo, d = best.group("y"), best.group("m"), best.group("d")
    try:
        y, mo = _numeral(y), _numeral(mo)
        d = _numeral(d) if d else None
        import datetime

        datetime.date(y, mo, d or 1)
    except (ValueError, TypeError):
        return None
    if d:
        return f"{y:04d}-{mo:02d}-{d:02d}", "day", best
    return f"{y:04d}-{mo:02d}", "month", best


def _labelled_date(text: str, labels: list[str]):
    """The date right after one of ``labels`` and a colon (``发布时间：2018-07-05``)."""
    for label in labels:
        for m in re.finditer(rf"{re.escape(label)}\s*[:：]\s*", text):
            got = _date_in(text[m.end(): m.end() + 20])
            if got and got[2].start() == 0:
                return got[0], got[1], m.end(), m.end() + got[2].end()
    return None


def _end_date(text: str):
    """A line that is only a date, among the last lines."""
    lines = [x for x in (_stripped(ln, p) for ln, p in _lines(text)) if x[0]]
    for line, a, _b in reversed(lines[-config()["date"]["end_lines"]:]):
        got = _date_in(line, whole_line=True)
        if got:
            return got[0], got[1], a + got[2].start(), a + got[2].end()
    return None


@lru_cache(maxsize=1)
def _dateline_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(prose mark, event word right before a date, what may follow a dateline's date) from ``metadata.yaml``."""
    cfg = config()["date"]
    words = "|".join(map(re.escape, sorted(cfg["event_before"], key=len, reverse=True)))
    return (re.compile(f"[{re.escape(cfg['prose_marks'])}]"), re.compile(rf"(?:{words})\s*$"),
            re.compile(cfg["dateline_after"]))


def _on_dateline(line: str, match: re.Match) -> bool:
    """Is the date ``match`` in ``line`` a dateline's (2018年04月19日 09:40 来源：…), not an event's date in a
    sentence (自2017年4月1日挂牌成立以来, 2009年7月，中共福建…)?"""
    prose, event, after_ok = _dateline_patterns()
    before, after = line[: match.start()], line[match.end():]
    return not prose.search(before) and not event.search(before) and (not prose.search(after)
                                                                      or bool(after_ok.match(after)))


def detect_date(text: str) -> tuple[str, str, int, int] | None:
    """``(iso date, precision, start, end)``: a 成文日期 date, else the date line at the end (signature),
    else a 发布时间 date, else the first dateline among the first lines (a date in a sentence there is an
    event's, not the document's: None rather than a wrong date). Precision 'day' or 'month'."""
    cfg = config()["date"]
    found = _labelled_date(text, cfg["labels"]) or _end_date(text) or _labelled_date(text, cfg["published_labels"])
    if found:
        return found
    lines = [x for x in (_stripped(ln, p) for ln, p in _lines(text)) if x[0]]
    for line, a, _b in lines[: config()["title"]["lines_searched"]]:
        got = _date_in(line)
        if got and _on_dateline(line, got[2]):
            return got[0], got[1], a + got[2].start(), a + got[2].end()
    return None


def detect_script(text: str) -> str | None:
    """``'traditional'`` or ``'simplified'`` by the share of CJK characters OpenCC t2s changes; ``None``
    for a text without CJK characters."""
    from ftzdata.normalize import to_simplified

    cjk = re.findall(r"[\u3400-\u9fff]", text)
    if not cjk:
        return None
    sample = "".join(cjk)
    changed = sum(a != b for a, b in zip(sample, to_simplified(sample)))
    return "traditional" if changed >= config()["script"]["traditional_share"] * len(sample) else "simplified"


def zones_named(text: str, aliases: dict[str, str]) -> list[str]:
    """The zones named in ``text``, in order of first mention, given ``aliases`` (alias → zone name).

    Longer aliases win where aliases overlap (南沙片区 before 南沙); Traditional text is matched through
    its Simplified form as well.
    """
    from ftzdata.normalize import to_simplified

    if not aliases:
        return []
    names = sorted(aliases, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, names)))
    first: dict[str, int] = {}
    for variant in {text, to_simplified(text)}:
        for m in pattern.finditer(variant):
            zone = aliases[m.group(0)]
            first[zone] = min(first.get(zone, m.start()), m.start())
    return sorted(first, key=first.get)


def detect_metadata(text: str, aliases: dict[str, str] | None = None) -> dict:
    """Title, issuer, doc_number, date (ISO), date_precision, script and zones (with ``aliases``) of
    ``text``; ``None`` for what was not found. ``spans[field]`` is the ``(start, end)`` it was read from."""
    out: dict = {"spans": {}}
    for name, fn in (("title", detect_title), ("issuer", detect_issuer), ("doc_number", detect_doc_number)):
        found = fn(text)
        out[name] = found[0] if found else None
        if found:
            out["spans"][name] = (found[1], found[2])
    date = detect_date(text)
    out["date"], out["date_precision"] = (date[0], date[1]) if date else (None, None)
    if date:
        out["spans"]["date"] = (date[2], date[3])
    out["script"] = detect_script(text)
    out["zones"] = zones_named(text, aliases) if aliases is not None else None
    return out
