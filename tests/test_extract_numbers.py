"""Numeral grammar and unit table (sentences from the seeds)."""

import pytest

from ftzdata.extract import UNITS, parse_number, quantities
from ftzdata.extract.units import unit_label
from conftest_extract import GZ, M15, M17, TJ, from_seed


@pytest.mark.parametrize("numeral, low, high", [
    ("2.5万", 25000, 25000), ("1259.7亿", 1259.7e8, 1259.7e8), ("4488.9万", 44_889_000, 44_889_000),
    ("170万", 1_700_000, 1_700_000), ("715.5万", 7_155_000, 7_155_000), ("十", 10, 10), ("一千", 1000, 1000),
    ("两", 2, 2), ("四", 4, 4), ("五", 5, 5), ("5至10", 5, 10), ("2至3", 2, 3), ("2-3", 2, 3), ("10~15", 10, 15),
    ("200多万", 2_000_000, 2_000_000), ("1,100", 1100, 1100), ("超过30", 30, 30), ("约170万", 1.7e6, 1.7e6),
    ("十余", 10, 10), ("两三", 2, 3), ("三千零五", 3005, 3005), ("一万二千", 12000, 12000), ("0.17", 0.17, 0.17),
    # rough ranges: the next digit or 三五 (a few), also before a magnitude; a positional numeral is no range
    ("三五", 3, 5), ("二三十", 20, 30), ("一二十", 10, 20), ("三四百", 300, 400), ("三十五", 35, 35), ("十五", 15, 15),
])
def test_parse_number(numeral, low, high):
    assert parse_number(numeral) == pytest.approx((low, high))


def test_parse_number_fraction_and_rejects():
    assert parse_number("三分之一") == pytest.approx((1 / 3, 1 / 3))
    assert parse_number("一半") == (0.5, 0.5)
    for bad in ["", "abc", "万", "1e5", "5至3", "第三"]:
        assert parse_number(bad) is None
    with pytest.raises(TypeError):
        parse_number(5)


def test_unit_table():
    assert UNITS["个工作日"].canonical == "h" and UNITS["个工作日"].factor == 24
    assert UNITS["分钟"].factor == pytest.approx(1 / 60)
    assert UNITS["个百分点"].canonical == "pp" and UNITS["倍"].canonical == "times"
    assert UNITS["平方米"].canonical == "m2" and UNITS["美元"].canonical == "USD"
    assert UNITS["项"].canonical == "count:项" and UNITS["个标箱"].canonical == "count:标箱"
    for u in UNITS.values():
        assert u.dimension in ("duration", "count", "money", "ratio", "area", "other") and u.en and u.zh
    assert unit_label("count:项") == "item" and unit_label("h", "zh") == "小时"


def one(text, fragment=None):
    q = quantities(text)
    if fragment is not None:
        q = q[q["quote"].str.contains(fragment, regex=False)]
    assert len(q) == 1, q
    return q.iloc[0]


def test_decimals_and_multipliers_from_seeds():
    s = from_seed(M15, "间接服务的外贸企业2.5万多家")
    r = one(s)
    assert (r.value_low, r.unit, r.qualifier) == (25000, "count:家", "more than")
    s = from_seed(M15, "涉及货值1259.7亿美元")
    assert one(s).value_low == pytest.approx(1259.7e8) and one(s).unit == "USD"
    s = from_seed(M15, "公示系统网站累计访问量已达4488.9万人次")
    assert one(s).value_low == pytest.approx(4488.9e4) and one(s).unit == "count:人次"
    s = from_seed(M15, "为企业节省通关物流时间约170万小时")
    r = one(s)
    assert (r.value_low, r.unit, r.qualifier, r.quote) == (1.7e6, "h", "approximately", "约170万小时")
    s = from_seed(M15, "累计归集公示数据信息达715.5万条")
    assert one(s).value_low == pytest.approx(715.5e4) and one(s).unit == "count:条"


def test_chinese_numerals_from_seeds():
    r = one(from_seed(M15, "至少可以为企业节省三分之一的办事时间"))
    assert (r.value_low, r.unit, r.dimension) == (pytest.approx(100 / 3), "%", "ratio")
    r = one(from_seed(M15, "需至少一个星期时间准备"))
    assert (r.value_low, r.unit, r.qualifier) == (7 * 24, "h", "at least")
    r = one(from_seed(M17, "码头移柜、掏箱作业由两次减为一次"), "两次")
    assert (r.value_low, r.unit) == (2, "count:次")
    r = one(from_seed(M15, "有的仅身份证就要提交10余次"))
    assert (r.value_low, r.qualifier) == (10, "more than")
    r = one(from_seed(M17, "每天开通上线的企业超过一千家"))
    assert (r.value_low, r.unit, r.per, r.qualifier) == (1000, "count:家", "day", "more than")
    s = from_seed(GZ, "將原本的接受四次不同單位的檢查改為接受一次集中檢查")
    assert quantities(s)["value_low"].tolist() == [4, 1]
    r = one(from_seed(GZ, "五個步驟簡化為現場即時檢測"))
    assert (r.value_low, r.unit) == (5, "count:步")
    assert one("提交十余次").value_low == 10  # 十余次 as a Chinese numeral


def test_ranges_from_seeds():
    r = one(from_seed(M15, "企业进出口货物申报时间从4个小时缩短至5至10分钟"), "分钟")
    assert (r.value_low, r.value_high) == (pytest.approx(5 / 60), pytest.approx(10 / 60))
    r = one(from_seed(M15, "由原来2至3天"))
    assert (r.value_low, r.value_high) == (48, 72)
    r = one(from_seed(M15, "长的可达2-3年"))
    assert (r.value_low, r.value_high) == (2 * 8760, 3 * 8760)
    r = one(from_seed(M17, "企业筹建和审核通过效率提升10%～15%"))
    assert (r.value_low, r.value_high, r.unit) == (10, 15, "%")
    r = one(from_seed(GZ, "進行3個月至6個月的監督考驗"))
    assert (r.value_low, r.value_high) == (3 * 730, 6 * 730)


def test_qualifiers_from_seeds():
    assert one(from_seed(M15, "开户的各类企业超过1100家")).qualifier == "more than"
    assert one(from_seed(M15, "实现95%以上的业务覆盖")).qualifier == "at least"
    assert one(from_seed(M15, "申请材料减少到19项左右")).qualifier == "approximately"
    assert one(from_seed(M15, "节约近30%的人力成本")).qualifier == "nearly"  # 节约 is not 约
    r = one(from_seed(M15, "最快1小时内完成"))
    assert r.qualifier == "fastest; within"
    r = one(from_seed(M15, "审批办理时限压缩到93个工作日以内"))
    assert (r.value_low, r.qualifier) == (93 * 24, "within; working days")
    r = one(from_seed(M15, "由以往的平均2至3天缩短为16分钟"), "天")
    assert r.qualifier == "average"


def test_per_units_from_seeds():
    assert one(from_seed(M15, "每个集装箱可减少费用600元")).per == "container"
    assert one(from_seed(M17, "每标准集装箱可为货主节省移柜、掏箱费用约600元")).per == "TEU"
    assert one(from_seed(M15, "海关申报费用每票下调5元")).per == "declaration"
    assert one(from_seed(M15, "平均每批货物节省0.5天")).per == "batch"
    assert one(from_seed(GZ, "實現邊檢通關速度人均3秒")).per == "person"


def test_traditional_and_markup():
    r = one("縮短至2.5小時")
    assert (r.value_low, r.unit, r.quote, r.start, r.end) == (2.5, "h", "2.5小時", 3, 8)
    s = from_seed(TJ, "采集天津口岸 300 余家大中型平行车销售商")
    r = one("<p>1. " + s + "</p>")
    assert (r.value_low, r.quote) == (300, "300 余家")


@pytest.mark.parametrize("doc, fragment", [
    (M15, "2015年11月30日"), (M17, "2016年4月1日起"), (M15, "截至2015年9月底"), (M15, "截至10月20日"),
    (M15, "商资函〔2015〕945号"), (M15, "1.货物进出口申报"), (M15, "提供7×24小时服务响应"), (M15, "设立了96114、968910用户专线"),
    (M15, "“单一窗口”2.0版建设推进方案"), (GZ, "廣州海關12360"), (GZ, "跨境電商B2B"), (GZ, "要素式審判智能系統3.0"),
    (M15, "案例1:国际贸易"), (GZ, "第三批31項"), (M15, "一是与其他自由贸易试验区的标准有待统一"), (M15, "2015年1-8月"),
    (M15, "“一个平台、一次提交、结果反馈、数据共享”"), (M15, "进一步降低运营成本"), (M15, "截至9月30日"),
])
def test_not_quantities(doc, fragment):
    s = from_seed(doc, fragment)
    q = quantities(s)
    if fragment == "第三批31項":
        assert q["quote"].tolist() == ["31項"]
    else:
        assert q.empty, q


def test_thousands_separator():
    assert one("开户企业1,100家").value_low == 1100
    assert quantities("截至9月30日,100家企业")["value_low"].tolist() == [100]
    assert quantities("共30家，100家企业")["value_low"].tolist() == [30, 100]


@pytest.mark.parametrize("text, value", [("零点五", 0.5), ("三点二五", 3.25), ("一点五万", 15000.0), ("十二点五", 12.5)])
def test_chinese_decimals(text, value):
    from ftzdata.extract import parse_number

    assert parse_number(text) == (value, value)


@pytest.mark.parametrize("text, hours", [
    ("由2天半缩短", (2 + 0.5) * 24), ("两天半", 2.5 * 24), ("一个半小时", 1.5), ("5个半小时", 5.5),
    ("3个半月", 3.5 * 730), ("1小时30分钟", 1 + 30 / 60), ("1天半", 1.5 * 24),
])
def test_durations_that_go_on_after_the_unit(text, hours):
    from ftzdata.extract import quantities

    got = quantities(text)
    assert len(got) == 1, got  # one quantity, not 一个半小时 and 半小时
    assert got.iloc[0]["value_low"] == pytest.approx(hours) and got.iloc[0]["unit"] == "h"


@pytest.mark.parametrize("text, low, high, unit", [
    ("节约费用两千多万元", 2e7, 2e7, "CNY"), ("成本降低四至五成", 40, 50, "%"), ("降低4至5成", 40, 50, "%"),
])
def test_inner_qualifiers_and_ranges_of_tenths(text, low, high, unit):
    from ftzdata.extract import quantities

    r = quantities(text).iloc[0]
    assert (r["value_low"], r["value_high"], r["unit"]) == (low, high, unit)


def test_some_bare_magnitude_and_old_tens():
    assert parse_number("十几") == (11.0, 19.0)
    assert parse_number("三十几") == (31.0, 39.0)
    assert parse_number("廿三") == (23.0, 23.0)
    assert parse_number("逾千万") == (1e7, 1e7)
    assert parse_number("超百万") == (1e6, 1e6)
    for bad in ["万", "几", "几十几"]:  # a magnitude with no bound word; 几 alone
        assert parse_number(bad) is None, bad


def test_half_in_the_verb_jian_ban_is_not_a_number():
    from ftzdata.extract import quantities

    q = quantities("运输时间由原12天减半至6天,费用折半")
    assert q["quote"].tolist() == ["12天", "6天"]  # not the range 半至6天 (0.5 to 6 days)
    assert q["value_low"].tolist() == [12 * 24, 6 * 24]


def test_n_ge_duo_yue_is_more_than_n_months():
    from ftzdata.extract import quantities

    q = quantities("节省评估时间4个多月,审批由两个多小时缩短,共有5个多功能厅")
    assert q["quote"].tolist() == ["4个多月", "两个多小时", "5个"]
    assert q["value_low"].tolist()[:2] == [4 * 730, 2.0]
    assert q["qualifier"].tolist()[:2] == ["more than", "more than"]


def test_a_rough_range_before_a_magnitude_in_real_text():
    """五六十人 (fifty or sixty people), read from a real text of the benchmark, is 50 to 60."""
    from pathlib import Path

    doc = Path(__file__).resolve().parents[1] / "benchmarks/realtext/batch6/docs/05_gd_nansha_five_years_business_trad.txt"
    text = doc.read_text(encoding="utf-8")
    q = quantities(text)
    row = q[q["quote"] == "五六十人"].iloc[0]
    assert (row["value_low"], row["value_high"], row["unit"]) == (50.0, 60.0, "count:人")
    assert text[row["start"]:row["end"]] == "五六十人"



def test_a_whole_day_is_a_day():
    """以前通關需要一整天時間 (batch27 doc 03): 一整天, a whole day, is one day (整 between the numeral and the unit);
    整天 alone (all day long) has no numeral and is no quantity."""
    from pathlib import Path

    doc = Path(__file__).resolve().parents[1] / "benchmarks/realtext/batch27/docs/03_hlj_suifenhe_port_2019_trad.txt"
    q = quantities(doc.read_text(encoding="utf-8"))
    row = q[q["quote"] == "一整天"].iloc[0]
    one_day = quantities("一天").iloc[0]
    assert (row["value_low"], row["unit"]) == (one_day["value_low"], one_day["unit"])
    assert quantities("窗口整天排队").empty


def test_more_after_times():
    """整体的通关效率提升了一倍多 (batch87 doc 01): 多 after 倍 is more than that many times, as after a duration
    (3个月多); after another unit it starts the next word (5项多措并举)."""
    from pathlib import Path

    doc = Path(__file__).resolve().parents[1] / "benchmarks/realtext/batch87/docs/01_tj_dongjiang_cruise_visa_free_2025.txt"
    q = quantities(doc.read_text(encoding="utf-8"))
    row = q[q["quote"] == "一倍多"].iloc[0]
    assert (row["value_low"], row["unit"], row["qualifier"]) == (1.0, "times", "more than")
    assert quantities("5项多措并举")["quote"].tolist() == ["5项"]
