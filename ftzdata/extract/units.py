"""Unit table: every Chinese unit word the extractor knows, with its canonical unit and factor.

``UNITS[surface] = Unit(canonical, dimension, factor, en, zh)``; a value in the surface unit times
``factor`` is the value in the canonical unit.

Canonical units
    duration  ``h`` (hours).  秒 1/3600, 分钟 1/60, 小时 1, 天/日 24, 工作日 24 (a working day is
              converted like a calendar day, 24 h, and the quantity's qualifier says
              ``working days``), 周/星期 168, 个月 730 (365/12 days), 年 8760.
    money     ``CNY`` (yuan; 万/亿 are numeral multipliers: 万元 → ×1e4), ``USD`` (美元),
              ``HKD`` (港元/港币), ``EUR`` (欧元).
    count     ``count:<classifier>``: the Chinese classifier or counted noun is kept, e.g.
              ``count:项``, ``count:家``, ``count:次``, ``count:标箱``, ``count:人次``, ``count:步``
              (步/步骤), ``count:个`` (generic classifier).  万/亿 go into the value: 4488.9万人次 →
              44 889 000 ``count:人次``.
    ratio     ``%`` (percent; fractions such as 三分之一 become 33.33 %, 五成 50 %), ``pp`` (个百分点), ``times`` (倍).
    area      ``m2`` (平方米; 平方公里 ×1e6, 亩 ×666.67, 公顷 ×1e4).
    other     ``t`` (吨), ``km`` (公里/千米), ``m3`` (立方米).
"""

from __future__ import annotations

from typing import NamedTuple

from ftzdata import terms as _terms

__all__ = ["Unit", "UNITS", "UNIT_SURFACES", "PER_WORDS", "unit_label", "DIMENSIONS"]

DIMENSIONS = ("duration", "count", "money", "ratio", "area", "other")


class Unit(NamedTuple):
    canonical: str
    dimension: str
    factor: float
    en: str
    zh: str


_H = "h"
UNITS: dict[str, Unit] = {
    # duration (canonical hours)
    "秒钟": Unit(_H, "duration", 1 / 3600, "second", "秒"),
    "秒": Unit(_H, "duration", 1 / 3600, "second", "秒"),
    "分钟": Unit(_H, "duration", 1 / 60, "minute", "分钟"),
    "个小时": Unit(_H, "duration", 1.0, "hour", "小时"),
    "小时": Unit(_H, "duration", 1.0, "hour", "小时"),
    "个钟头": Unit(_H, "duration", 1.0, "hour", "小时"),
    "钟头": Unit(_H, "duration", 1.0, "hour", "小时"),
    "个工作日": Unit(_H, "duration", 24.0, "working day", "工作日"),
    "工作日": Unit(_H, "duration", 24.0, "working day", "工作日"),
    "个自然日": Unit(_H, "duration", 24.0, "day", "自然日"),
    "自然日": Unit(_H, "duration", 24.0, "day", "自然日"),
    "天": Unit(_H, "duration", 24.0, "day", "天"),
    "日": Unit(_H, "duration", 24.0, "day", "日"),
    "个星期": Unit(_H, "duration", 168.0, "week", "星期"),
    "星期": Unit(_H, "duration", 168.0, "week", "星期"),
    "周": Unit(_H, "duration", 168.0, "week", "周"),
    "个月": Unit(_H, "duration", 730.0, "month", "个月"),
    "个季度": Unit(_H, "duration", 2190.0, "quarter", "季度"),
    "年": Unit(_H, "duration", 8760.0, "year", "年"),
    # money
    "元": Unit("CNY", "money", 1.0, "yuan", "元"),
    "元人民币": Unit("CNY", "money", 1.0, "yuan", "元"),
    "人民币": Unit("CNY", "money", 1.0, "yuan", "元"),
    "美元": Unit("USD", "money", 1.0, "US dollar", "美元"),
    "港元": Unit("HKD", "money", 1.0, "HK dollar", "港元"),
    "港币": Unit("HKD", "money", 1.0, "HK dollar", "港元"),
    "欧元": Unit("EUR", "money", 1.0, "euro", "欧元"),
    # ratio
    "%": Unit("%", "ratio", 1.0, "percent", "%"),
    "‰": Unit("%", "ratio", 0.1, "per mille", "‰"),
    "个百分点": Unit("pp", "ratio", 1.0, "percentage point", "个百分点"),
    "百分点": Unit("pp", "ratio", 1.0, "percentage point", "个百分点"),
    "倍": Unit("times", "ratio", 1.0, "times", "倍"),
    "成": Unit("%", "ratio", 10.0, "tenth", "成"),  # 五成 = 50 %
    # area (canonical m2)
    "平方米": Unit("m2", "area", 1.0, "square metre", "平方米"),
    "㎡": Unit("m2", "area", 1.0, "square metre", "平方米"),
    "平方公里": Unit("m2", "area", 1e6, "square kilometre", "平方公里"),
    "平方千米": Unit("m2", "area", 1e6, "square kilometre", "平方公里"),
    "公顷": Unit("m2", "area", 1e4, "hectare", "公顷"),
    "亩": Unit("m2", "area", 10000 / 15, "mu", "亩"),
    # other
    "吨": Unit("t", "other", 1.0, "tonne", "吨"),
    "公里": Unit("km", "other", 1.0, "kilometre", "公里"),
    "千米": Unit("km", "other", 1.0, "kilometre", "公里"),
    "立方米": Unit("m3", "other", 1.0, "cubic metre", "立方米"),
}

# Counts: classifier / counted noun → canonical "count:<zh>" (surface → zh label).
_COUNTS = {
    "项": "项", "个": "个", "家": "家", "票": "票", "批次": "批次", "批": "批", "个标箱": "标箱", "标箱": "标箱",
    "个标准箱": "标箱", "标准箱": "标箱", "TEU": "标箱", "张": "张", "人次": "人次", "次": "次", "份": "份",
    "个步骤": "步", "步骤": "步", "步": "步", "个环节": "环节", "环节": "环节", "条": "条", "件": "件",
    "卷": "卷", "户": "户", "名": "名", "位": "位", "种": "种", "类": "类", "辆": "辆", "台": "台",
    "艘次": "艘次", "艘": "艘", "架次": "架次", "架": "架", "套": "套", "笔": "笔", "宗": "宗",
    "个部门": "部门", "个窗口": "窗口", "个证": "证", "证": "证", "单": "单", "万人次": "人次",
    "家次": "家次", "项次": "项次", "人": "人", "个工作组": "工作组",
}
_COUNT_EN = _terms.terms()["counted_nouns"]  # counted noun -> English (one registry)
for _surface, _zh in _COUNTS.items():
    UNITS[_surface] = Unit(f"count:{_zh}", "count", 10000.0 if _surface == "万人次" else 1.0,
                           _COUNT_EN[_zh], _zh)

# Longest first, so that the regex alternation prefers 个工作日 over 个 and 万人次 over 人次.
UNIT_SURFACES = sorted(UNITS, key=len, reverse=True)

# Per-unit words: 每<word> / <word>均 / "/<word>" → English label of the ``per`` column.
PER_WORDS: dict[str, str] = {
    "标准集装箱": "TEU", "标准箱": "TEU", "标箱": "TEU", "TEU": "TEU",
    "集装箱": "container", "货柜": "container", "箱": "container", "柜": "container",
    "票报关单": "declaration", "报关单": "declaration", "票": "declaration",
    "批货物": "batch", "批次": "batch", "批": "batch",
    "艘次": "ship", "艘": "ship", "船": "ship", "航次": "voyage",
    "辆": "vehicle", "车": "vehicle", "架次": "flight",
    "企业": "enterprise", "家企业": "enterprise", "户": "enterprise", "家": "enterprise",
    "项目": "project", "事项": "matter", "件": "case", "单": "order", "订单": "order",
    "人次": "person", "人": "person", "位": "person",
    "天": "day", "日": "day", "周": "week", "月": "month", "年": "year", "季度": "quarter",
    "次": "time", "吨": "tonne",
}


def unit_label(canonical: str, lang: str = "en") -> str:
    """Short label of a canonical unit (``"h"`` → ``"hours"``; ``"count:项"`` → ``"item"`` / ``"项"``)."""
    if canonical != "count" and _terms.unit_long(canonical):
        return _terms.unit_long(canonical) if lang == "en" else _terms.unit_words(canonical)[1]
    if canonical.startswith("count:"):
        zh = canonical[6:]
        return _COUNT_EN.get(zh, zh) if lang == "en" else zh
    return canonical
