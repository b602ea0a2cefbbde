"""Words of the charts in English and Chinese, value formatting, wrapping and shortening.

Everything a chart writes goes through :func:`t` (fixed words), :func:`zone`, :func:`domain`,
:func:`kind`, :func:`case_titles`, :func:`fmt_value` … so that ``lang="zh"`` gives a fully Chinese chart.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from ftzdata.errors import UnknownValueError
from ftzdata import terms
from ftzdata.vocab import DOMAINS, ZONES

LANGS = ("en", "zh")

# Kinds, units, counted nouns, per and qualifiers: the one registry (ftzdata/data/terms.yaml).
QUALIFIERS = {k: (v["en"], v["zh"], v["marker"]) for k, v in terms.terms()["qualifiers"].items()}


def per_name(per, lang: str) -> str:
    """'per container' / '每集装箱'; '' when the value is a total."""
    if not isinstance(per, str) or not per:
        return ""
    en, zh = terms.per_words(per)
    return zh if lang == "zh" else en


WORDS = {
    "source": ("Source: ftzdata, from ", "来源：ftzdata，据"),
    "sep": ("; ", "；"),
    "before": ("Before", "改革前"),
    "after": ("After", "改革后"),
    "range": ("Range stated in the text", "原文给出的区间"),
    "approximate": ("Approximate or a bound (about, more than …)", "约数或界限（约、超过等）"),
    "fastest": ("Fastest case, not typical", "最快情形"),
    "average": ("Average", "平均值"),
    "zero": ("Zero (on the spot), at the axis edge", "为零（当场办结），画在坐标轴边缘"),
    "log": ("log scale", "对数坐标"),
    "ba_title": ("Before and after the reform: {kinds}", "改革前后对比：{kinds}"),
    "ba_sub": ("{n} claims that state both values; time on a log scale", "{n} 条同时给出改革前后数值的指标；时长为对数坐标"),
    "pct_title": ("Percentage change reported for each claim, by {by}", "各指标的变化幅度（%），按{by}分组"),
    "pct_sub": ("{n} claims; negative = reduction", "{n} 条指标；负值表示减少"),
    "pct_axis": ("Change (%)", "变化（%）"),
    "zone_word": ("zone", "自贸试验区"),
    "domain_word": ("domain", "领域"),
    "ratio_title": ("How much each reform changed its metric: after ÷ before", "各项改革带来的变化倍数：改革后 ÷ 改革前"),
    "ratio_sub": ("{n} claims ({kinds} together) on one log scale; left of 1 = reduction",
                  "{n} 条指标（{kinds}）共用一个对数坐标；小于1表示减少"),
    "ratio_axis": ("After ÷ before (log scale)", "改革后 ÷ 改革前（对数坐标）"),
    "no_change": ("no change", "不变"),
    "zero_short": ("0", "0"),
    "cov_title": ("Reform cases per zone and domain, and how many report a quantified effect",
                  "各自贸试验区、各领域的改革案例数，及其中报告量化效果的案例数"),
    "cov_sub": ("Cells: cases with a quantified effect / all cases", "单元格：有量化效果的案例数 / 案例总数"),
    "cov_cbar": ("Reform cases", "改革案例数"),
    "cov_total": ("All", "合计"),
    "no_domain": ("(no domain given)", "（未注明领域）"),
    "no_zone": ("(no zone given)", "（未注明自贸试验区）"),
    "tl_title": ("Source documents by date, with their reform cases per zone", "来源文件发布时间及各自贸试验区案例数"),
    "tl_sub": ("A bar spans the month or year when a document gives only that", "仅注明年份或月份的文件以横条表示整个年份或月份"),
    "tl_date": ("Publication date", "发布时间"),
    "tl_cases": ("Reform cases", "改革案例数"),
    "tl_undated": ("Undated, not shown: ", "未注明日期（未显示）："),
    "cases_n": ("{n} cases", "{n} 个案例"),
    "zone_legend": ("Zone", "自贸试验区"),
    "domain_legend": ("Domain", "领域"),
    "kind_legend": ("Metric kind", "指标类型"),
    "min": ("min", "分钟"),
    "hour": ("h", "小时"),
    "day": ("day", "天"),
    "days": ("days", "天"),
    "year": ("year", "年"),
    "clipped": ("bar cut at the axis edge", "超出坐标轴的部分截断"),
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise UnknownValueError("lang", lang, LANGS)
    return lang


def t(key: str, lang: str, **fmt) -> str:
    """The chart words ``key`` in ``lang``, formatted with ``fmt``; English "{n} claims" is "1 claim" for n = 1."""
    en, zh = WORDS[key]
    text = zh if lang == "zh" else en
    if lang != "zh" and fmt.get("n") == 1:
        text = re.sub(r"\{n\} (claim|case)s\b", r"{n} \1", text)
    return text.format(**fmt) if fmt else text


def zone(name, lang: str) -> str:
    return ZONES.get(str(name), str(name)) if lang == "zh" else str(name)


def domain(name, lang: str) -> str:
    if lang == "zh":
        return DOMAINS.get(str(name), str(name))
    s = str(name)
    return s[:1].upper() + s[1:]


def kind(name, lang: str) -> str:
    en, zh = terms.kind_words(name)
    return zh if lang == "zh" else en


def hue_label(hue: str, value, lang: str) -> str:
    return zone(value, lang) if hue == "zone" else domain(value, lang) if hue == "domain" else str(value)


def unit_name(unit, lang: str) -> str:
    """The word written after a value: h/小时, CNY/元, items/项 …"""
    u = str(unit)
    if u.startswith("count:"):
        noun = u.split(":", 1)[1]
        return noun if lang == "zh" else terms.count_noun(noun)
    en, zh = terms.unit_words(u)
    return zh if lang == "zh" else en


def qualifier_words(qualifier, lang: str) -> str:
    """'approximately; more than' -> 'approx., more than' / '约、超过' (unknown parts kept as written)."""
    if not isinstance(qualifier, str) or not qualifier:
        return ""
    parts = [q.strip() for q in qualifier.split(";") if q.strip()]
    words = [QUALIFIERS.get(p, (p, p, None))[1 if lang == "zh" else 0] for p in parts]
    return ("、" if lang == "zh" else ", ").join(words)


def qualifier_classes(qualifier) -> set[str]:
    if not isinstance(qualifier, str):
        return set()
    return {QUALIFIERS[p.strip()][2] for p in qualifier.split(";") if QUALIFIERS.get(p.strip(), (0, 0, None))[2]}


# ----------------------------------------------------------------------------------------------
# Numbers


def num(x: float, digits: int = 3) -> str:
    """Short human number: 2.5, 36, 1,249, 0.27 (no trailing zeros)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if x == 0:
        return "0"
    ax = abs(x)
    if ax >= 1000:
        return f"{x:,.0f}"
    s = f"{x:.{digits}g}"
    return s


def fmt_duration(hours: float, lang: str, day_from: float = 48.0) -> str:
    """Hours -> '5 min', '2.5 h', '16 days' ('5分钟', '2.5小时', '16天')."""
    zh = lang == "zh"
    if hours == 0:
        return "0"
    if hours < 1:
        v, unit = hours * 60, t("min", lang)
    elif hours < day_from:
        v, unit = hours, t("hour", lang)
    else:
        v = hours / 24
        unit = t("day", lang) if (not zh and abs(v - 1) < 1e-9) else t("days", lang)
    return f"{num(v)}{unit}" if zh else f"{num(v)} {unit}"


def fmt_value(value: float, unit, lang: str) -> str:
    """A value with its unit as a reader writes it: '36 h', '149 items', '600 CNY', '30%'; zh '36小时', '149项'."""
    u = str(unit)
    if u == "h":
        return fmt_duration(value, lang)
    name = unit_name(u, lang)
    v = num(value)
    if u in ("%",):
        return f"{v}%"
    if u == "times":
        return f"{v}倍" if lang == "zh" else f"{v}×"
    if not name:
        return v
    if lang == "zh":
        return f"{v}{name}"
    if u.startswith("count:") and value != 1:
        name = plural(name)  # 1 item, 2 items
    return f"{v} {name}"


def plural(noun: str) -> str:
    """English plural of a counted noun: item → items, entity → entities, batch → batches; TEU stays."""
    if not noun or noun.isupper() or not noun[-1].isalpha():
        return noun
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def fmt_range(low: float, high: float, unit, lang: str) -> str:
    """'2–3 days', '5–10 min', '36 h'; a range whose ends carry the same unit writes it once."""
    a = fmt_value(low, unit, lang)
    if low == high or high is None or (isinstance(high, float) and math.isnan(high)):
        return a
    b = fmt_value(high, unit, lang)
    num_a, num_b = _lead_number(a), _lead_number(b)
    if num_a and a[len(num_a):] == b[len(num_b):]:
        return f"{num_a}–{b}"
    return f"{a} – {b}"


def _lead_number(text: str) -> str:
    m = re.match(r"[−+-]?[\d,.]+", text)
    return m.group(0) if m else ""


def fmt_claim(row, lang: str) -> str:
    """The claim's values in words: '36 h → 2.5 h', '2–3 days → 16 min', '−600 CNY', '−30%'."""
    unit = row["unit"]
    has = lambda c: c in row and not (isinstance(row[c], float) and math.isnan(row[c]))  # noqa: E731
    if has("before") and has("after"):
        before = fmt_range(row["before_low"], row["before_high"], unit, lang)
        after = fmt_range(row["after_low"], row["after_high"], unit, lang)
        return f"{before} → {after}"
    if has("after"):
        return ("→ " if lang != "zh" else "改革后 ") + fmt_range(row["after_low"], row["after_high"], unit, lang)
    if has("change"):
        sign = "−" if row["change"] < 0 else "+"
        low, high = sorted((abs(row["change_low"]), abs(row["change_high"])))
        return sign + fmt_range(low, high, unit, lang)
    if has("change_pct"):
        return fmt_pct(row["change_pct"])
    return ""


def fmt_pct(value: float) -> str:
    whole = abs(value) >= 10 or value == round(value)
    if whole and round(value) in (-100, 100) and value != round(value):
        whole = False  # −99.6% must not read as −100% (everything gone)
    s = f"{value:+.0f}%" if whole else f"{value:+.1f}%"
    return s.replace("-", "−")


# ----------------------------------------------------------------------------------------------
# Wrapping and shortening (CJK characters count as two columns)


@lru_cache(maxsize=None)  # a few thousand characters in all, each looked up once
def _columns(ch: str) -> int:
    """Columns the character ``ch`` takes: 2 for East Asian wide and full-width, else 1."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _wide(ch: str) -> bool:
    return _columns(ch) == 2


def width(text: str) -> int:
    """Columns ``text`` takes (CJK characters two)."""
    return sum(map(_columns, text))


def _tokens(text: str):
    """Words (Latin runs, with their trailing space) and single CJK characters, in order (a generator: a
    wrap that has its lines stops reading)."""
    cur = ""
    for ch in text:
        if _wide(ch):
            if cur:
                yield cur
                cur = ""
            yield ch
        elif ch == " ":
            yield cur + ch
            cur = ""
        else:
            cur += ch
    if cur:
        yield cur


_NO_LINE_START = set("，。、；：？！）》」』”’%,.;:!?)]")


def wrap(text: str, cols: int, max_lines: int = 2) -> str:
    """Wrap ``text`` to lines of at most ``cols`` columns; beyond ``max_lines`` the last line ends with '…'."""
    text = " ".join(str(text).split())
    lines, cur, cur_w = [], "", 0  # cur_w: width(cur), kept as tokens are added (the text has single spaces)
    enough = max(max_lines + 1, 3)  # lines past these are dropped below (and the orphan rule needs two)
    for tok in _tokens(text):
        if len(lines) >= enough:
            break
        tok_w = width(tok)
        trailing = len(tok) - len(tok.rstrip())
        if cur and cur_w + tok_w - trailing > cols and tok not in _NO_LINE_START:
            lines.append(cur.rstrip())
            cur = tok.lstrip()
            cur_w = tok_w - (len(tok) - len(cur))
        else:
            cur += tok
            cur_w += tok_w
        while cur_w - (len(cur) - len(cur.rstrip())) > cols:  # a single word longer than a line: cut it
            cut = _cut(cur, cols)
            lines.append(cur[:cut])
            cur = cur[cut:]
            cur_w = width(cur)
    if cur.strip() and len(lines) < enough:
        lines.append(cur.rstrip())
    if len(lines) == 2 and width(lines[1]) <= 4 < cols:  # an orphan (one or two characters): even lines,
        even_cols = (width(text) + 1) // 2 + 2  # narrower ones (so that this ends)
        even = wrap(text, even_cols, max_lines) if even_cols < cols else ""
        if even.count("\n") == 1:
            return even
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = lines[: max_lines - 1] + [shorten(last + " " + lines[max_lines], cols)]
        if not lines[-1].endswith("…"):
            lines[-1] = shorten(lines[-1] + "……", cols)
    return "\n".join(lines)


def _cut(s: str, cols: int) -> int:
    w = 0
    for i, ch in enumerate(s):
        w += _columns(ch)
        if w > cols:
            return max(i, 1)
    return len(s)


def shorten(text: str, cols: int) -> str:
    """``text`` cut to ``cols`` columns with '…' (at a word boundary for Latin text when possible)."""
    text = " ".join(str(text).split())
    if width(text) <= cols:
        return text
    cut = _cut(text, cols - 1)
    head = text[:cut]
    if not _wide(head[-1]) and " " in head and cut < len(text) and text[cut] != " ":
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-–—(") + "…"


def mathsafe(text: str) -> str:
    """Escape '$' so that matplotlib does not read mathtext."""
    return str(text).replace("$", r"\$")


# ----------------------------------------------------------------------------------------------
# Titles from the other tables


def corpus_of(frame) -> str | None:
    """The corpus folder a frame of ftzdata came from (``frame.attrs['corpus']``), if it says."""
    return getattr(frame, "attrs", {}).get("corpus")


def case_titles(lang: str, corpus=None, case_ids=None) -> dict:
    """case_id -> case title (title_en / title_zh_hans) in ``corpus`` (None: the default corpus); a case
    without a reviewed English title keeps its Chinese one. ``case_ids``: only these cases (a chart or table
    of a few claims of a large corpus)."""
    import ftzdata

    c = ftzdata.cases(corpus)
    columns = ["case_id", "title_en", "title_zh_hans"]  # never a copy of the cases' texts
    c = c[columns] if case_ids is None else c.loc[c["case_id"].isin(list(dict.fromkeys(case_ids))), columns]
    zh = c["title_zh_hans"]
    titles = zh if lang == "zh" else c["title_en"].where(c["title_en"].notna() & (c["title_en"] != ""), zh)
    return dict(zip(c["case_id"], titles))


def metric_label(row, lang: str) -> str:
    return str(row["label_zh"] if lang == "zh" else row["label_en"])


def doc_titles(lang: str, corpus=None, documents=None, doc_ids=None) -> dict:
    """doc_id -> a name for the source line: the doc_id (en) or the Chinese title, Simplified (zh), from
    ``documents`` if given, else from ``corpus``'s documents; ``doc_ids``: only these documents."""
    import ftzdata

    d = ftzdata.documents(corpus) if documents is None else documents
    if doc_ids is not None:
        d = d.loc[d["doc_id"].isin(list(dict.fromkeys(doc_ids))), ["doc_id", "title_zh"]]
    if lang != "zh":
        return {i: i for i in d["doc_id"]}
    try:
        from ftzdata.normalize import to_simplified
    except Exception:  # pragma: no cover - OpenCC missing
        def to_simplified(s):
            return s
    return {i: to_simplified(str(tz)) if isinstance(tz, str) and tz else i for i, tz in zip(d["doc_id"], d["title_zh"])}


def source_text(doc_ids, lang: str, cols: int, corpus=None) -> str:
    """'Source: ftzdata, from mofcom-2015-best-practices; …' wrapped to ``cols`` columns."""
    ids = sorted(dict.fromkeys(str(d) for d in doc_ids if isinstance(d, str)))
    names = doc_titles(lang, corpus, doc_ids=ids)
    if lang == "zh":
        parts = [f"《{shorten(names.get(i, i), 44)}》" for i in ids]
    else:
        parts = [names.get(i, i) for i in ids]
    return wrap(t("source", lang) + t("sep", lang).join(parts), cols, max_lines=4)
