"""Fixed vocabularies: zones, reform domains and areas, with their Chinese names."""

from __future__ import annotations

ZONES = {  # English name -> Chinese name, in the order used for charts and tables
    "Shanghai": "上海",
    "Guangdong": "广东",
    "Tianjin": "天津",
    "Fujian": "福建",
}

DOMAINS = {  # the one fixed vocabulary of reform domains: English -> Chinese
    "trade facilitation": "贸易便利化",
    "investment facilitation": "投资便利化",
    "in-process and ex-post supervision": "事中事后监管",
    "transformation of government functions": "政府职能转变",
    "rule of law": "法治环境建设",
    "financial opening and innovation": "金融开放创新",
    "green city": "绿色城市建设",
}

# Domain names as the documents write them (Simplified) -> the vocabulary above.
DOMAIN_ALIASES = {
    "贸易便利化": "trade facilitation",
    "投资便利化": "investment facilitation",
    "投资体制改革": "investment facilitation",
    "事中事后监管": "in-process and ex-post supervision",
    "政府职能转变": "transformation of government functions",
    "法治环境建设": "rule of law",
    "金融开放创新": "financial opening and innovation",
    "绿色城市建设": "green city",
}

AREAS = {  # 片区 or district names as written (Simplified) -> English
    "南沙": "Nansha",
    "前海蛇口": "Qianhai-Shekou",
    "横琴": "Hengqin",
    "平潭": "Pingtan",
    "厦门": "Xiamen",
    "福州": "Fuzhou",
    "张江": "Zhangjiang",
    "浦东": "Pudong",
    "东疆": "Dongjiang",
    "机场": "Airport",
    "中心商务": "Central Business",
    "滨海新区": "Binhai New Area",
}

ZONE_BY_ZH = {zh: en for en, zh in ZONES.items()}
