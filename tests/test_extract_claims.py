"""Effect claims on seed sentences: expected values are the literals of the sentence, in canonical units."""

import math
from pathlib import Path

import pandas as pd
import pytest

from ftzdata.extract import CLAIM_COLUMNS, claims, extract, parse_number, quantities
from ftzdata.normalize import normalize
from conftest_extract import GZ, M15, M17, TB, TJ, from_real, from_seed, real_text, seed_text

H = 1.0  # hours
D = 24.0  # a day (and a working day) in hours


def only(text):
    c = claims(text)
    assert len(c) == 1, c
    return c.iloc[0]


def isnan(x):
    return isinstance(x, float) and math.isnan(x)


def check(r, direction, unit, before=None, after=None, change=None, pct=None):
    assert r.direction == direction
    assert r.unit == unit
    for name, val in (("before", before), ("after", after), ("change", change), ("change_pct", pct)):
        lo, hi = r[f"{name}_low"], r[f"{name}_high"]
        if val is None:
            assert isnan(lo) and isnan(hi), (name, lo, hi)
        else:
            vlo, vhi = val if isinstance(val, tuple) else (val, val)
            assert (lo, hi) == (pytest.approx(vlo), pytest.approx(vhi)), name


def test_before_after_durations():
    r = only(from_seed(M15, "企业进出口货物申报时间从4个小时缩短至5至10分钟"))
    check(r, "decrease", "h", before=4 * H, after=(5 / 60, 10 / 60))
    assert r.subject == "企业进出口货物申报时间" and r.kind == "duration"
    r = only(from_seed(M15, "船舶进境时间由36小时缩短至2.5小时"))
    check(r, "decrease", "h", before=36, after=2.5)
    s = from_seed(M15, "一般货物贸易出口全流程时间从16天(注:世界银行评估的中国货物贸易全流程时间)缩短至8天")
    r = only(s)
    check(r, "decrease", "h", before=16 * D, after=8 * D)
    assert r.subject == "一般货物贸易出口全流程时间"
    assert r.quote == s


def test_compound_range_fastest():
    s = from_seed(M15, "法检货物从报检到放行由原来2至3天,最快可缩短到6.5小时")
    r = only(s)
    check(r, "decrease", "h", before=(2 * D, 3 * D), after=6.5)
    assert "fastest" in r.qualifier
    r = only(from_seed(M15, "商品检验检疫办结率由以往的平均2至3天缩短为16分钟"))
    check(r, "decrease", "h", before=(2 * D, 3 * D), after=16 / 60)
    assert "average" in r.qualifier


def test_working_days_to_on_the_spot():
    r = only(from_seed(M17, "审批办理时限从20个工作日缩短至当场办结"))
    check(r, "decrease", "h", before=20 * D, after=0)
    assert "working days" in r.qualifier and "on the spot" in r.qualifier
    r = only(from_seed(M17, "审批期限由20日调整为15日"))
    check(r, "decrease", "h", before=20 * D, after=15 * D)


def test_counts_before_after():
    r = only(from_seed(M15, "报检报关数据减到103项"))
    check(r, "decrease", "count:项", after=103)
    r = only(from_seed(M15, "116项审批事项合并为26项"))
    check(r, "decrease", "count:项", before=116, after=26)
    assert r.subject == "审批事项"
    r = only(from_seed(M15, "上海市信用平台数据归集单位从开通运行时的67家拓展至99家"))
    check(r, "increase", "count:家", before=67, after=99)
    r = only(from_seed(M15, "归集信息事项从1249项拓展至3441项"))
    check(r, "increase", "count:项", before=1249, after=3441)
    r = only(from_seed(M17, "码头移柜、掏箱作业由两次减为一次"))
    check(r, "decrease", "count:次", before=2, after=1)


def test_restatement_is_folded():
    s = from_seed(M15, "货物进出口一单两报将分别报关、报检所需的149项数据整合减少为96项,减少录入53项")
    r = only(s)
    check(r, "decrease", "count:项", before=149, after=96, change=53)
    r = only(from_seed(M15, "共641项数据,整合为384项,减少录入257项"))
    check(r, "decrease", "count:项", before=641, after=384, change=257)


def test_parallel_lists_and_changed_inspections():
    s = from_seed(GZ, "變以往3次申報、3次查驗為1次申報、1次查驗")
    c = claims(s)
    assert len(c) == 2
    for r in c.itertuples():
        assert (r.before_low, r.after_low, r.unit, r.direction) == (3, 1, "count:次", "decrease")
    assert c["subject"].tolist() == ["申报", "查验"]
    r = only(from_seed(GZ, "將原本的接受四次不同單位的檢查改為接受一次集中檢查"))
    check(r, "decrease", "count:次", before=4, after=1)


def test_eight_in_one():
    r = only(from_seed(M15, "办理以上事项(8合1)"))
    assert (r.before_low, r.after_low, r.direction, r.kind) == (8, 1, "decrease", "count")


def test_reform_before_after_across_sentences():
    para = from_seed(M15, "改革前,据不完全统计,一项工程投资项目从招商引资到竣工验收,企业需要提交的各种申请材料累计多达250项,"
                          "有的仅身份证就要提交10余次。改革后,申请材料减少到19项左右,精减幅度超过90%。")
    r = only(para)
    check(r, "decrease", "count:项", before=250, after=19, pct=90)
    assert r.subject == "申请材料"
    assert "approximately" in r.qualifier and "more than" in r.qualifier


def test_ratio_before_after_years_are_not_values():
    r = only(from_seed(M17, "所占分值比例由2015年的30%提高到2016年的50%"))
    check(r, "increase", "%", before=30, after=50)
    assert r.subject == "所占分值比例"


def test_amount_of_change():
    r = only(from_seed(M15, "每个集装箱可减少费用600元"))
    check(r, "decrease", "CNY", change=600)
    assert (r.subject, r.per) == ("费用", "container")
    r = only(from_seed(M15, "海关申报费用每票下调5元"))
    check(r, "decrease", "CNY", change=5)
    assert (r.subject, r.per) == ("海关申报费用", "declaration")
    r = only(from_seed(M15, "通关时间较改革前平均每批货物节省0.5天"))
    check(r, "decrease", "h", change=0.5 * D)
    assert (r.subject, r.per, r.qualifier) == ("通关时间", "batch", "average")
    r = only(from_seed(M15, "可省去材料准备、传递等时间1.4天"))
    check(r, "decrease", "h", change=1.4 * D)
    r = only(from_seed(M17, "每标准集装箱可为货主节省移柜、掏箱费用约600元"))
    check(r, "decrease", "CNY", change=600)
    assert (r.per, r.qualifier) == ("TEU", "approximately")
    r = only(from_seed(M15, "为企业节省通关物流时间约170万小时"))
    check(r, "decrease", "h", change=1.7e6)
    assert (r.subject, r.qualifier) == ("通关物流时间", "approximately")


def test_share_and_multiple_of_change():
    r = only(from_seed(M15, "查验率降低90%"))
    check(r, "decrease", "%", pct=90)
    assert r.kind == "ratio" and r.subject == "查验率"
    r = only(from_seed(M15, "节约近30%的人力成本"))
    check(r, "decrease", "%", pct=30)
    assert (r.subject, r.qualifier) == ("人力成本", "nearly")
    r = only(from_seed(M15, "整体行政效能提高近3倍"))
    check(r, "increase", "times", change=3)
    r = only(from_seed(M15, "产品合格率提升24个百分点"))
    check(r, "increase", "pp", change=24)
    r = only(from_seed(M15, "至少可以为企业节省三分之一的办事时间"))
    check(r, "decrease", "%", pct=100 / 3)
    assert (r.subject, r.qualifier) == ("办事时间", "at least")
    r = only(from_seed(M17, "使企业的通关时间缩短约40%"))
    check(r, "decrease", "%", pct=40)
    assert r.subject == "通关时间"


def test_level_is_not_a_claim_unless_changed():
    assert claims(from_seed(M17, "合格率达98.17%")).empty
    assert claims(from_seed(M15, "在上海国际贸易“单一窗口”平台开户的各类企业超过1100家")).empty
    assert claims(from_seed(M17, "实现新注册企业专属网页开通率100%")).empty
    r = only(from_seed(M17, "合格率达98.17%，比2015年提高了0.17个百分点"))
    check(r, "increase", "pp", change=0.17)
    assert r.subject == "合格率"


def test_claims_without_numbers_are_not_returned():
    assert claims(from_seed(M15, "成功将进出口货物和进出境船舶的通关流程由串联模式改为并联模式")).empty
    assert claims(from_seed(M15, "由按月预缴改为按实际批次缴交")).empty


def test_quotes_map_to_the_original_text():
    for doc in (M15, M17, GZ, TJ, TB):
        text = seed_text(doc)
        q, c = extract(text)
        for df in (q, c):
            for r in df.itertuples():
                assert text[r.start:r.end] == r.quote
    text = seed_text(GZ)  # Traditional: quote is in Traditional, subject in Simplified
    c = claims(text)
    assert any("查驗" in x for x in c["quote"]) and any(s == "查验" for s in c["subject"])


def test_columns_and_dtypes_are_stable():
    empty, full = claims(""), claims(from_seed(M15, "船舶进境时间由36小时缩短至2.5小时"))
    assert list(empty.columns) == CLAIM_COLUMNS == list(full.columns)
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    assert str(full.dtypes["start"]) == "int64" and str(full.dtypes["before_low"]) == "float64"
    with pytest.raises(TypeError):
        claims(None)


def test_extract_matches_separate_calls():
    text = seed_text(M17)
    q, c = extract(text)
    from ftzdata.extract import quantities
    pd.testing.assert_frame_equal(q, quantities(text))
    pd.testing.assert_frame_equal(c, claims(text))


def test_a_share_about_another_subject_is_not_folded_into_the_claim_before_it():
    """"…由原来的7个精简为2个，申请材料减少60%以上": the 60% is about 申请材料, a second claim."""
    from ftzdata.extract import claims

    text = "通过“一网通办”，办理环节由原来的7个精简为2个，申请材料减少60%以上。"
    c = claims(text)
    assert list(c["subject"]) == ["办理环节", "申请材料"]
    assert c.iloc[0]["change_pct_low"] != c.iloc[0]["change_pct_low"]  # NaN: nothing folded in
    assert c.iloc[1]["change_pct_low"] == float(text[text.index("减少") + 2:text.index("%")])


# --- rules of issue 12 (sentences written for these tests) --------------------------------------------
def test_baseline_after_the_new_value():
    r = only("企业登记不到1天就办完了原本需要5天的手续")
    check(r, "decrease", "h", before=5 * D, after=1 * D)
    assert "less than" in r.qualifier
    r = only("新厂房验收只用了6个工作日,较以往30个工作日大大提速")
    check(r, "decrease", "h", before=30 * D, after=6 * D)
    # the earlier value is the size of a change, not a new level: no before → after claim
    c = claims("报关节省了2天,比以往的5天少了不少")
    assert not ((c.before_low == 5 * D) & (c.after_low == 2 * D)).any(), c


def test_chain_first_to_latest_value():
    r = only("原来办一票要20分钟,后来缩短到8分钟,现在只要30秒")
    check(r, "decrease", "h", before=20 / 60, after=30 / 3600)
    r = only("以前报检要4个小时,现在1个小时就办完")
    check(r, "decrease", "h", before=4, after=1)


def test_halved():
    r = only("港口设施保安费减半")
    check(r, "decrease", "%", pct=50)
    assert r.subject == "港口设施保安费"
    # with its values, 减半 is the verb of a before → after claim, not a second −50 % claim
    r = only("运输时间由原12天减半至6天")
    check(r, "decrease", "h", before=12 * D, after=6 * D)


def test_bare_magnitude_some_and_old_tens():
    r = only("每年为企业节省物流费用逾百万元")
    check(r, "decrease", "CNY", change=1e6)
    assert r.qualifier == "more than"
    r = only("二十几个窗口整合为一个窗口")
    check(r, "decrease", "count:窗口", before=(21, 29), after=1)
    r = only("查验时间缩短至卅五秒")
    check(r, "decrease", "h", after=35 / 3600)
    assert claims("万元户").empty  # a magnitude alone is no number


def test_after_only_within_and_size_ratio():
    r = only("进口冷链货物通关时长压缩在8小时以内")
    check(r, "decrease", "h", after=8)
    assert "within" in r.qualifier
    r = only("各环节耗时降低比均达到四成")
    check(r, "decrease", "%", pct=40)


def test_ranks_value_added_and_expected():
    assert claims("该综保区进出口额全国排名上升12位").empty
    assert claims("片区工业增加值120亿元").empty
    r = only("这一做法推开后,预计每年可为企业节省仓储费用200万元")
    check(r, "decrease", "CNY", change=2e6)
    assert "expected" in r.qualifier
    assert "expected" not in only("这一做法每年为企业节省仓储费用200万元").qualifier
    # 可预期 is predictability (batch1 doc 10: 可預期的一流營商環境; batch10 doc 01: 可预期性), no projection
    r = only("这一做法以稳定透明、可预期的规则每年为企业节省仓储费用200万元")
    check(r, "decrease", "CNY", change=2e6)
    assert "expected" not in r.qualifier


def test_targets_are_no_claims_but_estimates_from_plans_are_expected():
    assert claims("力争到2025年将通关时间压缩至24小时以内").empty
    assert claims("计划到明年底企业开办时间压缩至1个工作日").empty
    # an estimate from planned projects is a projected effect of a reform in place
    r = only("根据未来3年计划实施项目测算,这一改革将为企业节约6000多万元的评估费用")
    check(r, "decrease", "CNY", change=6e7)
    assert "expected" in r.qualifier and "more than" in r.qualifier
    # 计划性 (planned, an adjective) is no target
    r = only("箱源作计划性预留,为企业压缩空箱调运成本约15%")
    check(r, "decrease", "%", pct=15)


def test_no_trips_is_not_one_trip():
    r = only("以前要跑五六次,现在一次都不用跑")
    check(r, "decrease", "count:次", before=(5, 6), after=0)


def test_merge_without_a_count_before_is_the_measure():
    assert claims("将名称核准、银行开户和税务登记合并为一次").empty
    assert claims("将行业准入涉及的多个许可证整合为一张综合凭证").empty
    r = only("审批环节由5个合并为1个")
    check(r, "decrease", "count:个", before=5, after=1)


def test_points_of_time_attributive_counts_and_rates():
    # 两年前 is a point in time, 今年前5个月 a period: neither is the before value
    r = only("原来办证要3天,两年前压缩到了1天,现在只要2小时")
    check(r, "decrease", "h", before=3 * D, after=2)
    r = only("今年前5个月,口岸查验效率提升30%")
    check(r, "increase", "%", pct=30)
    # a count that qualifies a noun (三个片区的) is not the size of the change
    assert claims("进一步提升三个片区的协同水平").empty
    # a rate of response (每缩短1天 … 就能提高2%) relates two measures; it is no effect
    assert claims("运输时间每缩短1天,企业利润就能提高2%").empty
    assert len(claims("每票货物通关时间缩短2小时")) == 1


def test_unit_written_once():
    r = only("许可审批时限从60个工作日减至15个")
    check(r, "decrease", "h", before=60 * D, after=15 * D)
    assert "working days" in r.qualifier
    r = only("验收时间由3个至5个月缩短为20天")
    check(r, "decrease", "h", before=(3 * 730, 5 * 730), after=20 * D)
    # the classifier of another clause is its own count (…10个工作日，环节减少两个)
    c = claims("办理时间由20个工作日压缩至5个工作日,审批环节减少两个")
    assert (c.unit == "h").sum() == 1 and (c.unit == "count:个").sum() == 1, c


def test_chain_without_verbs():
    r = only("以往一票要30分钟,后来10分钟,现在3分钟")
    check(r, "decrease", "h", before=0.5, after=3 / 60)


def test_levels_then_their_change():
    c = claims("口岸进口、出口查验时间分别为12小时和3小时,较2019年分别缩短了40%和60%")
    assert len(c) == 2, c
    check(c.iloc[0], "decrease", "h", after=12, pct=40)
    check(c.iloc[1], "decrease", "h", after=3, pct=60)
    assert c.iloc[0].kind == "duration"
    r = only("单证审核时间为2小时,较去年缩短了一半")
    check(r, "decrease", "h", after=2, pct=50)
    # a level with no change against a baseline is not a claim
    assert claims("查验时间为2小时,企业满意度很高").empty


def test_newly_added_is_no_change():
    assert claims("这家企业上月在片区新增了一家门店").empty
    assert len(claims("办理环节减少了2个")) == 1


def test_level_reached_and_list_items_are_not_paired():
    # 达 …亿元 is a volume reached, and its growth (比2015年增长了1.5倍) is general growth: no claim
    assert claims("全区跨境结算额达800亿元,比2015年增长了1.5倍").empty
    # 提升营商环境、12项为…: the count starts the next item of a list
    assert claims("其中20项为优化审批、12项为提升营商环境、9项为推动贸易便利化").empty
    c = claims("通关时间比上年分别压缩30%、45%")
    assert sorted(c.change_pct_low) == [30, 45]


def test_growth_figures_are_no_claim_unless_a_reform_measure_grows():
    for sentence in ("去年园区货物进出口额同比增长21.4%", "实际利用外资较上年增长36%", "新设企业数量比2018年增长了2倍",
                     "口岸出入境人员达到18万人次,同比增长1.5倍"):
        assert claims(sentence).empty, sentence
    r = only("改革后企业通关效率增长了35%")  # efficiency is what the reform changes
    check(r, "increase", "%", pct=35)


def test_average_growth_rate_is_no_claim():
    assert claims("五年来片区外贸进出口年均增长18%").empty
    assert claims("跨境电商销售额月均增长40%").empty
    r = only("单家企业年均物流成本节省20万元")  # an average saving is a claim
    check(r, "decrease", "CNY", change=2e5)


def test_paragraph_opening_with_now_answers_the_one_before():
    r = only("过去开一家店,手续得花20至30天。每家店都这样。\n现在呢?全程只需三四天。")
    check(r, "decrease", "h", before=(20 * D, 30 * D), after=(3 * D, 4 * D))
    # without the opening marker the next paragraph is its own
    assert claims("过去开一家店,手续得花20至30天。\n全程只需三四天。").empty


def test_amounts_of_change_are_not_levels_of_a_marked_pair():
    # 原先 … 现在 mark levels; 节约…35元 and 节省…700万元 are amounts saved, not a level before and a level after
    c = claims("供油时间由原先的2天缩短为4个小时,每吨节约物流成本约35元。按目前每年20万吨测算,预计每年可为企业节省运营成本700万元以上。")
    assert not ((c.before_low == 35) & (c.after_low == 7_000_000)).any(), c
    saved = c[c.change_low == 35]
    assert len(saved) == 1 and saved.iloc[0].direction == "decrease" and saved.iloc[0].per == "tonne"
    big = c[c.change_low == 7_000_000].iloc[0]
    assert "expected" in big.qualifier and big.quote.startswith("节省运营成本700万元")


def test_volume_growth_is_no_claim_but_a_reform_measure_or_rate_that_rises_is():
    for text in ("2012—2020年进出口总值从202.82亿元增至2631.5亿元", "进出口货运量从52万吨增至328.91万吨",
                 "全货机航线拓展至49条", "其有关政策扩大到面积114.7平方公里", "交易体量增加300%",
                 "出入境车辆从5.68万辆次增至34.6万辆次"):
        assert claims(text).empty, text
    check(only("国际快件通关效率较原先提升了30%"), "increase", "%", pct=30)
    check(only("重车一次性通过率由此前的20%提升至95%"), "increase", "%", before=20, after=95)
    # the reach of a reform counted in firms stays a claim (a seed's reviewed claim)
    check(only("信用平台数据归集单位从开通运行时的67家拓展至99家"), "increase", "count:家", before=67, after=99)


def test_a_range_that_varies_is_the_amount_and_at_least_is_no_verb():
    # 从A到B不等: a saving that ranges from A to B, not a before value A
    r = only("平均每票货物可节约通关时间从0.8小时—5.4小时不等")
    check(r, "decrease", "h", change=(0.8, 5.4))
    assert r.per == "declaration"
    # 最少2份 (at least two) after a claim is no amount of change: 少 is part of 最少
    r = only("申报材料由10份减至5份,最少2份")
    check(r, "decrease", "count:份", before=10, after=5)


def test_money_written_without_its_unit_and_a_bare_magnitude_after_shang():
    r = only("可累计节省评估费用40多万,区域评估改革成效明显")
    check(r, "decrease", "CNY", change=4e5)
    assert "more than" in r.qualifier
    r = only("年可节约运营成本上千万")
    check(r, "decrease", "CNY", change=1e7)
    assert "more than" in r.qualifier
    check(only("每年可为企业节省物流成本上亿元"), "decrease", "CNY", change=1e8)
    # no magnitude, no unit: the amount is not read
    assert claims("节省费用40,效果明显").empty
    # 上 before a digit is still a word (上年: last year)
    r = only("比上年减少3天")
    check(r, "decrease", "h", change=3 * D)


def test_a_verb_whose_object_holds_another_number_is_not_this_values():
    assert claims("加快转变政府职能等7大方面提出110余项开放创新政策措施").empty
    # a list under one verb, and a later verb of its own, still read
    c = claims("审批时间压缩50%、材料压缩14%")
    assert sorted(c["change_pct_low"]) == [14, 50]
    check(only("每年节省企业一次性投入500万元"), "decrease", "CNY", change=5e6)


def test_an_after_value_with_a_deadline_before_it_is_a_target():
    assert claims("《方案》提出,到2019年6月底,园区项目审批时间压缩至57个工作日").empty
    assert claims("2020年底前,企业开办时间压缩至1个工作日").empty
    # as of a date, or already reached: an achieved value
    check(only("截至2020年底,企业开办时间压缩至1个工作日"), "decrease", "h", after=1 * D)
    check(only("到2020年底,企业开办时间已压缩至1个工作日"), "decrease", "h", after=1 * D)


def test_a_share_of_a_total_that_rises_is_no_claim():
    assert claims("贡献了占全国18.1%的外商投资和17.9%的进出口贸易,2023年上半年进一步提升到18.4%和18.6%").empty
    check(only("重车一次性通过率由此前的20%提升至95%"), "increase", "%", before=20, after=95)


def test_an_after_value_a_policy_asks_for_is_a_target():
    assert claims("支持片区依托审批平台实现一网通办,政府投资项目审批时间压缩至70个工作日以内。").empty
    check(only("片区依托审批平台实现一网通办,政府投资项目审批时间压缩至70个工作日以内。"), "decrease", "h", after=70 * D)


def test_speed_up_of_a_duration_and_a_chain_stays_in_its_clause():
    # 提速 with durations: the time goes down, whatever the subject is called
    r = only("《国内水路运输许可证》从7个工作日提速至2个工作日")
    check(r, "decrease", "h", before=7 * D, after=2 * D)
    # a value two clauses on, about another subject, does not extend the claim
    c = claims("实施流程优化后,许可证从7个工作日提速至2个工作日,天涯区作为改革试点,政务服务事项平均办结用时仅1.3个工作日")
    assert ((c.before_low == 7 * D) & (c.after_low == 2 * D)).sum() == 1, c


# --- rules from the real-text batches 6 and 7 (benchmarks/realtext/): sentences read from the texts ---------
B6, B7 = "batch6", "batch7"


def test_now_as_an_after_marker_and_the_time_it_now_takes_after_the_value():
    # 目前 marks the after value as 现在 / 如今 do (Traditional script: 原來 … 目前是)
    s = from_real(B6, "01_sh_pudong_yiye_yizheng_launch_trad.txt",
                  "辦理一家便利店原來在各個許可證辦證環節大約38個工作日,目前是5個工作日")
    r = only(s)
    check(r, "decrease", "h", before=38 * D, after=5 * D)
    assert r.qualifier == "approximately; working days" and r.subject == ""
    # without a before marker the two values are two levels: no claim
    assert claims(s.replace("原來", "")).empty
    # one 原来 … 现在 sentence, three measures: sets of forms, pages (页), and the days, whose after value comes
    # before 即可 (两天即可拿到: the time it now takes) in the clause after the marker's
    s = from_real(B7, "05_ln_yingkou_46_certificates_2018.txt",
                  "原来企业需要跑23个部门,填写4套、共86页材料、65天才能办完的手续,现在只需要填写一套共27页的材料,"
                  "两天即可拿到带有动态二维码的营业执照")
    c = claims(s).sort_values("start")
    assert len(c) == 3, c
    check(c.iloc[0], "decrease", "count:套", before=4, after=1)
    check(c.iloc[1], "decrease", "count:页", before=86, after=27)
    check(c.iloc[2], "decrease", "h", before=65 * D, after=2 * D)
    # 即可 after a value with no before → after markers around it is a level
    assert claims(s[s.index("两天"):]).empty


def test_the_same_day_as_an_after_value():
    s = from_real(B6, "05_gd_nansha_five_years_business_trad.txt", "企業注冊設立時間從一周變成當天幾個小時內即可完成")
    r = only(s)
    check(r, "decrease", "h", before=168, after=24)
    assert r.qualifier == "within" and r.subject == "企业注册设立时间"
    # 当天 not right after a change's to-word is a date or a level: no value
    assert claims(from_real(B7, "21_gx_qinzhou_area_three_years_2022.txt", "到港的粮食可实现当天运往工厂")).empty


def test_a_programme_named_plan_is_no_target():
    s = from_real(B6, "16_zj_port_logistics_cost_2025.txt",
                  "2024年以来,该计划惠及挂靠世界第一大港——宁波舟山港船舶907艘次,减少船舶待港时间1.27万个小时,"
                  "助力航运企业节约运营成本约3.2亿元人民币。")
    c = claims(s).sort_values("start")
    assert len(c) == 2, c
    check(c.iloc[0], "decrease", "h", change=1.27e4)
    check(c.iloc[1], "decrease", "CNY", change=3.2e8)
    assert c.iloc[1].qualifier == "approximately" and c.iloc[1].quote.endswith("人民币")
    # 计划 as a verb (plan to) is still a target
    assert claims(s.replace("该计划惠及", "计划惠及")).empty


def test_a_count_widened_to_with_no_before_value_is_coverage():
    for name, s in (("24_sc_qingbaijiang_area_two_years_2019.txt", "境外站点数拓展至24个"),
                    ("16_xj_urumqi_land_port_one_stop.txt", "运载货物拓展至200多个品类")):
        assert claims(from_real(B7, name, s)).empty, s
    # with its before value it is a change (a seed's reviewed claim, the reach of a reform) …
    r = only("数据归集单位从67家拓展至99家。")
    check(r, "increase", "count:家", before=67, after=99)
    # … unless what grows is the windows, departments or service items a service offers (the batch marks it borderline)
    assert claims(from_real(B6, "02_sh_pudong_food_liquor_licences_trad.txt", "受理窗口從原來2個擴大至43個")).empty


def test_a_leap_and_growth_over_a_span_of_time_are_growth():
    s = from_real(B6, "09_gd_qianhai_forty_years_trad.txt",
                  "自貿區註冊企業增加值從2015年的1019億元、日均產出3億元,躍升至2017年的2030億元、日均6億元,"
                  "稅收也從174億元增長至345億元,兩年時間全部翻了一番。")
    assert claims(s).empty, claims(s)
    # a doubling whose subject names what doubled stays a change (a written held-out sentence)
    held = pd.read_csv(Path(__file__).parent / "data" / "extract_heldout_batch8.csv")
    s = held[held["id"] == "b8-02"].iloc[0]["sentence"]
    assert ((claims(s).unit == "times") & (claims(s).change_low == 1)).sum() == 1


def test_a_verb_without_direction_after_a_comma_starts_a_new_item():
    s = from_real(B6, "11_tj_ftz_approval_bureau_trad.txt",
                  "其中直接取消審批37項,審批改為備案9項,實行告知承諾42項,優化審批服務121項")
    assert claims(s).empty, claims(s)
    # with 由 before the first value, a verb without direction still links the two
    check(only(from_seed(M17, "审批期限由20日调整为15日")), "decrease", "h", before=20 * D, after=15 * D)


def test_a_marked_count_of_another_noun_when_it_is_the_only_count():
    # 原本要跑四部门 … 如今 … 一次办理: departments → one visit (as 十几个部门变成了一个窗口 says with a verb)
    s = from_real("batch4", "16_fj_xiamen_premier_visit_2015_trad.txt", "企業原本要跑四部門辦理的手續,如今能在新平台一次辦理")
    r = only(s)
    check(r, "decrease", "count:次", before=4, after=1)
    assert r.subject == ""
    # two counts of other nouns before the marker: which one the after value answers is not said
    assert claims(s.replace("四部門", "四部門、交十份材料")).empty


B8 = "batch8"


def held_sentence(batch_file, row_id):
    """A sentence of a written held-out batch (tests/data), by its id."""
    held = pd.read_csv(Path(__file__).parent / "data" / batch_file)
    return held[held["id"] == row_id].iloc[0]["sentence"]


def test_a_cut_given_as_a_percent_of_items():
    s = from_real(B8, "01_fj_xiamen_area_business_env_2017.txt", "减少47.8%的前置审批环节,取消36.8%的中介服务事项")
    c = claims(s)
    assert len(c) == 2, c
    check(c.iloc[0], "decrease", "%", pct=47.8)
    check(c.iloc[1], "decrease", "%", pct=36.8)
    assert c.iloc[1].subject == "中介服务事项" and c.iloc[1].quote == "取消36.8%"
    # a count after 取消 is a count of cancelled approvals, no claim
    assert claims(from_real(B6, "11_tj_ftz_approval_bureau_trad.txt", "其中直接取消審批37項")).empty


def test_a_count_of_what_an_act_handles_is_the_amount():
    s = from_real(B8, "03_sc_tianfu_service_hall_2020.txt", "减少了5个表单的填写,企业资料提交缩减了20%")
    c = claims(s)
    assert len(c) == 2, c
    check(c.iloc[0], "decrease", "count:个", change=5)
    assert c.iloc[0].subject == "表单的填写"
    # a count that qualifies the thing that changes stays no amount
    assert claims("进一步提升三个片区的协同水平").empty


def test_declines_of_trade_flows_are_growth_figures():
    s = from_real(B8, "19_sh_ftz_waigaoqiao_trade_trad.txt",
                  "1-6月,中國進出口總值12.4萬億元人民幣,比去年同期下降0.9%,其中出口6.5萬億元,下降1.2%;進口5.9萬億元,下降0.6%")
    assert claims(s).empty, claims(s)
    # a cut of export clearance time (no sum of money before it) stays a claim
    s = from_real("batch5", "04_gx_qinzhou_port_clearance_2020.txt", "进口整体通关时间压缩54.13%,出口整体通关压缩87.81%")
    c = claims(s)
    assert list(c.change_pct_low) == [pytest.approx(54.13), pytest.approx(87.81)]
    # and so does a decline after a sum that is no trade flow (a written held-out row)
    assert (claims(held_sentence("extract_heldout_batch7.csv", "b7-26")).change_pct_low == 21.6).sum() == 1


def test_growth_rate_words_state_growth():
    s = from_real(B8, "04_tj_customs_rail_transfer_2019.txt", "天津口岸发运中欧班列连续4个月同比增幅超75%")
    assert claims(s).empty, claims(s)
    # year on year, a measure a reform changes stays a claim (a written held-out row)
    c = claims(held_sentence("extract_heldout_batch5.csv", "b5-30"))
    assert ((c.change_pct_low == 18) & (c.direction == "decrease")).sum() == 1


def test_a_quota_raised_is_a_policy_parameter():
    s = from_real(B8, "17_hn_ftp_five_years_closure_2025.txt", "离岛免税购物额度增加至每人每年10万元")
    assert claims(s).empty, claims(s)
    # the credit firms obtained, grown by a multiple, stays a change (a written held-out row)
    c = claims(held_sentence("extract_heldout_batch3.csv", "b3-25"))
    assert ((c.unit == "times") & (c.change_low == 3)).sum() == 1


def test_percentage_points_of_a_share_are_no_effect():
    for name, s in (("16_hn_ftp_island_closure_2025_trad.txt", "佔全部商品稅目的比例達到74%，比封關前提高了近53個百分點"),
                    ("17_hn_ftp_five_years_closure_2025.txt",
                     "旅游业、现代服务业、高新技术产业、热带特色高效农业四大主导产业5年提高13.7个百分点,占全省GDP比重67%")):
        assert claims(from_real(B8, name, s)).empty, s
    # a share of costs is a measure a reform changes
    r = only(from_real("batch1", "29_tj_port_southbound_route_2025.txt", "物流支出占运营总成本比例预期下降五个百分点"))
    check(r, "decrease", "pp", change=5)
    assert r.qualifier == "expected"


def test_conditions_are_no_reported_effect():
    for s in ("HS编码误填导致归类争议时,需追加商品鉴定,延长3-7个工作日", "涉及关税保证金或价格质疑的案件,审核周期可能延长至15个工作日",
              "单证审核时间压缩至2小时内"):
        s = from_real(B8, "06_tj_clearance_time_guide_2023.txt", s)
        assert claims(s).empty == (s != "单证审核时间压缩至2小时内"), s
    s = from_real("batch6", "19_hn_closure_tariff_savings.txt", "若按每吨约4000元计算,在达到30%加工增值标准后,单吨即可节省约360元成本")
    assert claims(s).empty, claims(s)
    # a point of time (截至…时) is no condition; nor is 可能 in another clause (a purpose)
    # (the shared set's sentence, its parenthesis left out: 截至发稿时,…许可证10059张(…),平均审批时限压减近90%)
    r = only("截至发稿时,浦东新区累计发放行业综合许可证10059张,平均审批时限压减近90%")
    check(r, "decrease", "%", pct=90)
    s = from_real("batch7", "23_gx_youyiguan_15_second_clearance_2026.txt",
                  "为解决出入境车辆排队卸车可能面临的备案逾期问题,2025年3月,友谊关口岸将出入境申报有效期从24小时延长至72小时")
    check(only(s), "increase", "h", before=24, after=72)
    # a hedged or conditioned before value is still a reported change
    check(only(s.replace("2025年3月", "如果按原来的规定")), "increase", "h", before=24, after=72)
    check(only(s.replace("将出入境申报有效期从24小时", "将出入境申报有效期从可能的24小时")), "increase", "h", before=24, after=72)


# --- rules from the real-text batch 9 (benchmarks/realtext/batch9): sentences read from the texts ----------
B9 = "batch9"


def test_a_bare_magnitude_before_its_unit_and_about_is_one_of_it():
    # 千元左右: about a thousand yuan, the second item of 节省's object, its noun after it (的物流成本)
    s = from_real(B9, "01_ln_dalian_customs_one_stop_trad.txt",
                  "平均每單跨省區進出口貨物至少節省一天通關時間和千元左右的物流成本")
    c = claims(s).sort_values("start")
    assert len(c) == 2, c
    check(c.iloc[0], "decrease", "h", change=D)
    money = c[c.unit == "CNY"].iloc[0]
    check(money, "decrease", "CNY", change=1e3)
    assert money.subject == "物流成本" and "approximately" in money.qualifier
    # without 左右 a bare 千元 is a unit word (单位:千元), no value
    assert claims(s.replace("千元左右", "千元")).unit.tolist() == ["h"]
    assert claims("单位:千元").empty


def test_a_level_given_as_the_basis_of_a_further_change_is_its_before_value():
    s = from_real(B9, "16_js_nanjing_jiangbei_approval_bureau.txt",
                  "江北新区在企业开办0.5天办结常态化的基础上,将企业开办流程环节提速至“2小时”办结")
    r = only(s)
    check(r, "decrease", "h", before=12, after=2)
    assert r.subject == "企业开办流程环节"
    # without 在 … 基础上 the 0.5 day is a level of its own: the after-only claim keeps no before value
    r = only(s.replace("的基础上", ""))
    check(r, "decrease", "h", after=2)
    # an amount of change as the basis (在去年压缩50%的基础上) is no level: no before value
    r = claims("在去年压缩1天的基础上,今年将审批时间缩短至2天").sort_values("start")
    check(r.iloc[-1], "decrease", "h", after=2 * D)


def test_the_same_day_before_jiu_keyi_after_a_before_marked_value():
    s = from_real(B9, "22_js_suzhou_special_goods_approval_2021.txt",
                  "原来的审批流程需要3个工作日左右,改由苏州工业园区海关审批后,只要资料齐全,当日就可以审批完成")
    r = only(s)
    check(r, "decrease", "h", before=3 * D, after=D)
    assert r.subject == "审批流程" and "within" in r.qualifier and "approximately" in r.qualifier
    # no before marker: two levels, no claim; 当日 not before 就可以/即可 is a date, no value
    assert claims(s.replace("原来的", "")).empty
    assert claims(s.replace("当日就可以", "当日可以")).empty


def test_a_change_with_its_measure_then_the_level_in_the_next_clause():
    s = from_real(B9, "22_js_suzhou_special_goods_approval_2021.txt",
                  "从而进一步压缩了D类特殊物品的审批时长,平均审批时间不到24小时")
    r = only(s)
    check(r, "decrease", "h", after=24)
    assert r.subject == "审批时间" and r.qualifier == "average; less than"
    # the value of the next clause is a change of its own (每吨节约物流成本约35元): an amount, as before
    s = from_real("batch1", "27_zj_zhoushan_cross_customs_bunkering.txt", "節(jié)約供油成本,平均每噸節(jié)約物流成本約35元")
    r = only(s)
    check(r, "decrease", "CNY", change=35)
    # no measure before the level (下放范围已经扩大至11家): no after value of the change
    assert claims("进一步压缩了审批时长,覆盖11家隶属海关").empty


def test_a_year_on_year_increase_of_a_volume_is_growth():
    s = from_real(B9, "15_xj_horgos_car_export_clearance_2025_trad.txt",
                  "2024年,霍爾果斯口岸出口汽車42.1萬輛,同比增加38.6%,創歷史新高。")
    assert claims(s).empty, claims(s)
    assert claims(from_real("batch8", "04_tj_customs_rail_transfer_2019.txt", "天津口岸发运中欧班列连续4个月同比增幅超75%")).empty
    # the same sentence about a measure a reform changes stays a claim
    r = only(s.replace("出口汽車42.1萬輛", "整體通關效率"))
    check(r, "increase", "%", pct=38.6)


def test_a_comparison_with_an_average_elsewhere_is_no_change():
    s = from_real(B9, "18_yn_province_clearance_2020.txt",
                  "2020年,云南省口岸出口整体通关时间为0.12小时,比全国平均出口通关时间少2.07小时,出口整体通关时间排全国最短省区第1位。")
    assert claims(s).empty, claims(s)
    # the level before the comparison is the after value of the change over time after it
    s = from_real(B9, "18_yn_province_clearance_2020.txt",
                  "云南省口岸进口整体通关时间为14.02小时,比全国平均进口通关时间少27.8小时,较2017年压缩87.56%")
    r = only(s)
    check(r, "decrease", "h", after=14.02, pct=87.56)
    assert r.subject == "云南省口岸进口整体通关时间"
    # against the area without the reform (较区外) it is the reform's effect: a claim
    r = only(from_real("batch8", "06_tj_clearance_time_guide_2023.txt", "综保区内企业平均清关时间较区外缩短40%"))
    check(r, "decrease", "%", pct=40)


# --- rules from the real-text batch 10 (benchmarks/realtext/batch10): sentences read from the texts ---------
B10 = "batch10"


def test_a_unit_and_its_qualifier_written_once_after_the_last_item_of_a_list():
    s = from_real(B10, "02_sn_konggang_region_assessment_joint_approval.txt",
                  "将政府投资、社会投资建设工程竣工联合验收时限分别压缩至8个、5个工作日以内")
    c = claims(s).sort_values("start")
    assert len(c) == 2, c
    for r, days in zip(c.itertuples(), (8, 5)):
        assert r.unit == "h" and r.kind == "duration" and r.after_low == r.after_high == days * D
        assert r.qualifier == "within; working days"
    # a qualifier before the last value is that value's own (约5个工作日): the first item shares the unit and 以内 only
    c = claims(s.replace("、5个", "、约5个")).sort_values("start")
    assert c.iloc[0].after_low == 8 * D and c.iloc[0].qualifier == "within; working days"
    assert "approximately" in c.iloc[1].qualifier
    # a count of another noun before the list joiner (8个环节、5个工作日) keeps its own unit
    assert (claims(s.replace("8个、", "8个环节、")).unit == "h").sum() == 1
    # a unit word that does not start with the classifier (8个、5天) is no unit written once
    assert (claims(s.replace("5个工作日", "5天")).unit == "h").sum() == 1


def test_a_part_of_a_total_count_after_qizhong_is_no_change():
    s = from_real(B10, "01_zj_zhoushan_zhengzhao_fenli_2018.txt",
                  "确定了98项“证照分离”改革事项,其中完全取消审批4项,审批改为备案2项,全面实行告知承诺制21项,"
                  "提高透明度和可预期性37项,加强准入监管34项。")
    assert claims(s).empty, claims(s)
    s5 = from_real(B10, "05_gd_zhengzhao_fenli_province_2018.txt",
                   "选定了106项审批事项进行分类改革,其中取消审批2项,改为备案管理1项,实行告知承诺19项,优化准入服务84项")
    assert claims(s5).empty, claims(s5)
    # without 其中 the count after 提高 is an amount of change again: the rule is what drops it
    assert len(claims(s.replace("其中", ""))) == 1
    # a total that is a claim's value (数据减到103项): the parts after 其中 are parts of the change, kept
    s = from_seed(M15, "报检报关数据减到103项") + ",其中减少32项"
    c = claims(s)
    assert len(c) == 2 and set(c.kind) == {"count"}, c


# --- rules from the real-text batch 11 (benchmarks/realtext/batch11): sentences read from the texts ---------
def test_this_time_marks_the_after_value_of_a_before_marker():
    """这次/此次 (this time) answers 以前/原来 as 现在 does (batch11 doc 01, Traditional script)."""
    s = from_real("batch11", "01_hen_luoyang_one_seal_trad.txt", "以前需要兩個多月才能申請下來的許可證,這次只用了20天")
    r = only(s)
    check(r, "decrease", "h", before=claims(s.split(",")[0] + ",現在只用了20天").iloc[0].before_low, after=20 * D)
    assert r.before_low >= 60 * D and "more than" in r.qualifier  # 兩個多月: more than two months
    # without the before marker, 这次 alone is no change
    assert claims(s.replace("以前需要", "需要")).empty


# --- rules from the real-text batches 12-14 (benchmarks/realtext/batch12..14): sentences read from the texts -----
B12, B13, B14 = "batch12", "batch13", "batch14"


def test_dao_counts_steps_of_a_procedure():
    """道 after a number counts steps or procedures (batch12 doc 15: 由9道缩减为4道)."""
    s = from_real(B12, "15_xj_road_port_local_direct_2025.txt", "进口通关环节由9道缩减为4道,出口通关环节由12道减少为4道")
    c = claims(s).sort_values("start")
    assert len(c) == 2 and set(c.unit) == {"count:道"} and set(c.direction) == {"decrease"}, c
    for r, part in zip(c.itertuples(), s.split(",")):
        n = quantities(part).sort_values("start")  # the values are the text's own 9道 / 4道
        assert list(n.quote) == [part[part.index("由") + 1:part.index("道") + 1], part[-2:]]
        assert (r.before_low, r.after_low) == (n.iloc[0].value_low, n.iloc[1].value_low)
    # 一道 (together) is no count of steps, and the duration beside it is still the claim
    s = from_real(B12, "15_xj_road_port_local_direct_2025.txt", "由9道缩减为4道") + ";与企业一道把办理时间由5天缩短至1天"
    assert set(claims(s).unit) == {"count:道", "h"}


def test_a_baseline_after_the_new_value_behind_a_verb_of_time_spent():
    """过去需辗转多部门、耗时20余天: the before marker, a longer stretch of its clause, then 耗时/用时 … before the
    old value (batch12 doc 04, Traditional script with pinyin debris, quoted verbatim)."""
    name = "04_ah_bengbu_yuhui_one_thing_trad.txt"
    s = from_real(B12, name, "彼時(shí)兩天半后,營(yíng)業(yè)執(zhí)照、食品經(jīng)營(yíng)許可、消防檢查、門頭招牌備案等過(guò)去需"
                             "輾轉(zhuǎn)多部門、耗時(shí)20余天的手續(xù)全部辦結(jié)")
    r = only(s)
    q = quantities(s).sort_values("start")
    assert list(q.quote) == ["兩天半", "20余天"]
    check(r, "decrease", "h", before=q.iloc[1].value_low, after=q.iloc[0].value_low)
    assert s[r.start:r.end] == r.quote and r.quote.endswith("耗時(shí)20余天") and "more than" in r.qualifier
    # without a verb of time spent before the value, the long stretch links nothing (the short gap still does)
    assert claims(s.replace("耗時(shí)", "共")).empty
    assert len(claims("仅用两天半,过去需要20余天")) == 1


def test_a_share_of_a_total_in_percent_is_no_effect():
    """占全省比重由挂牌初的4.3%上升到31.2% (batch13 doc 03): a share of the province's total, before and after given."""
    s = from_real(B13, "03_sc_customs_ftz_six_years_2023.txt", "外商直接投资占全省比重由挂牌初的4.3%上升到31.2%")
    assert claims(s).empty, claims(s)
    # without 占 and a total it is a share raised by a change (as 一次性通过率由此前的20%提升至95%)
    r = only(s.replace("占全省比重", "比重"))
    q = quantities(s).sort_values("start")
    check(r, "increase", "%", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    # a share of a measure a reform changes stays a claim (物流支出占运营总成本比例)
    assert len(claims("物流支出占运营总成本比例由12%下降到7%")) == 1


def test_users_of_a_measure_growing_in_number_are_uptake():
    """实施“船边直提”的企业从十几家扩展至6000余家 (batch13 doc 08); 纳税主体分别增加4.9万户和5.9万户, then their growth
    rate (batch14 doc 17): uptake and yearly figures, not reform effects."""
    s = from_real(B13, "08_tj_xingang_ship_side_pickup_2021.txt", "在天津港实施“船边直提”的企业已从初期的十几家扩展至6000余家")
    assert claims(s).empty, claims(s)
    t = from_real(B14, "17_sh_pudong_zhengzhao_fenli_revelation_2018.txt",
                  "2016年和2017年,浦东新区各类纳税主体分别增加4.9万户和5.9万户,和2015年4.6万户相比分别增长9%和29%。")
    assert claims(t).empty, claims(t)
    # a pilot's reach (no users of a measure named) and a fall stay claims
    assert len(claims(s.replace("在天津港实施“船边直提”的企业", "试点企业"))) == 1
    assert only(s.replace("扩展至", "减少至").replace("十几家", "8000家")).direction == "decrease"
    # the amounts without a growth rate after them are the seeds' reviewed kind (净增加纳税主体数（45146户）)
    assert len(claims(t.split(",和2015年")[0])) == 2


def test_a_count_of_the_aspects_a_programme_covers_is_no_change():
    s = from_real(B13, "10_sd_jinan_area_customs_2021.txt",
                  "泉城海关在创新海关监管体制、推动综合保税区升级、支持扩大口岸开放等6个方面,制定了27项支持自贸区建设的措施")
    assert claims(s).empty, claims(s)
    # the aspect noun is what drops it (without 等, whose count counts the items listed: see the 等三个 test)
    assert len(claims(s.replace("等6个方面", "6个口岸"))) == 1
    assert claims(s.replace("等6个方面", "6个方面")).empty


def test_a_span_of_years_up_to_now_is_no_value():
    """上升為國家戰畧五年來 (batch14 doc 23): the period a text looks back over."""
    s = from_real(B14, "23_sh_yangshan_linked_unloading_yrd_2023_trad.txt", "長三角一體化發展上升為國家戰畧五年來,")
    assert claims(s).empty, claims(s)
    assert list(quantities(s).quote) == ["五年"]  # still a quantity of the text, just no claim's value
    assert len(claims(s.replace("來", ""))) == 1
    # a span before a change leaves the change alone
    c = claims(s + "通关时间由2天缩短至1天")
    assert len(c) == 1 and c.iloc[0].before_low == 2 * D


def test_what_it_took_against_what_one_expected_before():
    """按照此前设想…怎么也得一个多月时间吧,没想到,在新区仅用时5天 (batch12 doc 01): 没想到 answers 此前 as 现在 does;
    至少抢出了一个月的工期: time won back on a schedule is time saved."""
    name = "01_hlj_harbin_new_area_commitment_2021.txt"
    s = from_real(B12, name, "按照此前设想,项目从备案到拿施工许可怎么也得一个多月时间吧,没想到,在新区仅用时5天")
    q = quantities(s).sort_values("start")
    check(only(s), "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    assert claims(s.replace("此前", "")).empty  # without the before marker, 没想到 alone pairs nothing
    t = from_real(B12, name, "至少抢出了一个月的工期")
    r = only(t)
    check(r, "decrease", "h", change=quantities(t).iloc[0].value_low)
    assert "at least" in r.qualifier


B15, B16 = "batch15", "batch16"


def test_time_brought_forward_is_time_saved():
    """時(shí)間提前了90余天 (batch15 doc 29): 提前 with 了 is a saving of time; 提前3天申报 is a lead time."""
    s = from_real(B15, "29_sn_xixian_land_list_2024_trad.txt", "時(shí)間提前了90余天")
    r = only(s)
    check(r, "decrease", "h", change=quantities(s).iloc[0].value_low)
    assert "more than" in r.qualifier and s[r.start:r.end] == r.quote
    assert claims(s.replace("了", "")).empty  # without 了 it is no change (提前90余天申报 is when to file)


def test_an_object_that_lists_items_ending_in_deng():
    """可节省港口新建查验场地、配备设施等费用近300万元 (batch16 doc 22): the verb's object is a list that ends in 等费用."""
    s = from_real(B16, "22_sd_yantai_port_breakbulk_customs_2024.txt", "可节省港口新建查验场地、配备设施等费用近300万元人民币")
    r = only(s)
    check(r, "decrease", "CNY", change=quantities(s).iloc[0].value_low)
    assert "nearly" in r.qualifier and r.subject.endswith("等费用")
    # a list with no 等 closing it is not read that far; nor is a number inside the list
    assert claims(s.replace("等费用", "费用")).empty
    c = claims(s.replace("配备设施", "配备3套设施"))
    assert (c.unit != "CNY").all(), c


def test_places_gained_in_a_ranking_are_no_effect():
    """位列全国第27位…,较上年提升37位 (batch16 doc 14): places in a league table."""
    s = from_real(B16, "14_hn_haikou_cbz_ranking_2025.txt", "位列全国第27位、全省第1位,较上年提升37位。")
    t = from_real(B16, "14_hn_haikou_cbz_ranking_2025.txt", "全国排名第70位,较上年提升76位。")
    assert claims(s).empty and claims(t).empty
    # without a rank named before it in its sentence, a change in 位 stays (the rank is what drops it)
    assert len(claims(s.split(",")[-1])) == 1


def test_a_services_opening_hours_are_no_value():
    """海关实行24小时待命 (batch15 doc 21): when a service is open, not how long it takes."""
    s = from_real(B15, "21_hen_zhengzhou_air_cargo_digest.txt", "通关与物流效率提升举措 - 海关实行24小时待命")
    assert claims(s).empty, claims(s)
    assert claims("实现7×24小时通关服务,效率提升").empty
    # a procedure that now takes 24 hours stays a claim
    assert len(claims("通关时间由3天压缩至24小时")) == 1
    assert len(claims("通关时间由3天压缩至24小时以内")) == 1


def test_volumes_soaring_are_growth():
    """出货量从最初的4000单飙升至如今的40000单 (batch15 doc 20): a volume soaring, no reform effect."""
    s = from_real(B15, "20_hen_zhengzhou_airport_cbec_2026.txt", "出货量从最初的4000单飙升至如今的40000单")
    assert claims(s).empty, claims(s)
    # orders rising with another verb are a volume too; a reform measure's soaring stays a claim
    assert claims(s.replace("飙升", "上升")).empty
    t = s.replace("出货量从最初的4000单", "查验时间从4小时").replace("如今的40000单", "40小时")
    assert len(claims(t)) == 1, t


def test_what_a_plan_says_is_a_target():
    """《方案》提出,北京要加快…;推动…,实现…由20个工作日缩短至3个工作日 (batch16 doc 25, a 2017 plan): a plan's own
    words run to the end of the sentence, across ;, and every figure there is a target."""
    name = "25_bj_business_env_plan_2017_trad.txt"
    s = from_real(B16, name, "《方案》提出,北京要加快放開部分競爭性領(lǐng)域外資準(zhǔn)入限制和股比限制,形成一批可復(fù)制可推廣的改革經(jīng)驗;"
                             "推動外資企業(yè)設(shè)立全程電子化,實現(xiàn)外商投資企業(yè)備案事項辦理時限,由20個工作日縮短至3個工作日。")
    t = from_real(B16, name, "在投資審批效率方面,《方案》提出,制定北京市政府核準(zhǔn)的投資項目目錄(2017年本),再壓減50%的核準(zhǔn)事項。")
    assert claims(s).empty and claims(t).empty
    # the same figures reported, not proposed, stay claims: a relative clause (方案提出的), another sentence
    assert len(claims(t.replace("《方案》提出,", "《方案》提出的"))) == 1
    assert len(claims(s.replace("。", "").replace(";推動", "。推動"))) == 1
    assert len(claims(t.replace("《方案》提出,", "据统计,"))) == 1


def test_a_measure_now_a_fraction_of_what_it_was():
    """现在的申报耗时仅为整合申报所需时间的1/5 (batch15 doc 24): now a fifth of the old time, a cut of 80 %."""
    s = from_real(B15, "24_ln_dalian_customs_two_step_declaration.txt", "现在的申报耗时仅为整合申报所需时间的1/5")
    r = only(s)
    check(r, "decrease", "%", pct=100 - quantities(s).iloc[0].value_low)
    assert r.subject == "申报耗时" and s[r.start:r.end] == r.quote
    # with neither an after marker before 仅为 nor a before marker after it, it is a comparison; a share of a
    # total (no measure a reform changes) is none
    assert claims(s.replace("现在的", "")).empty
    assert len(claims(s.replace("现在的", "").replace("整合申报所需", "原来的"))) == 1
    assert claims(s.replace("申报耗时", "外资企业数量")).empty


def test_a_before_value_then_the_time_the_work_now_takes():
    """将原来需3个月的审批流程, 在30个工作日内全部完成 (batch15 doc 19): 原来 … A, then 在 B 内 … 完成 in a later clause."""
    s = from_real(B15, "19_hen_kaifeng_land_green_channel_2018.txt", "将原来需3个月的审批流程, 在30个工作日内全部完成,")
    q = quantities(s).sort_values("start")
    r = only(s)
    check(r, "decrease", "h", before=q.iloc[0].value_low, after=(q.iloc[1].value_low, q.iloc[1].value_high))
    assert r.subject == "审批流程" and "within" in r.qualifier
    assert claims(s.replace("原来", "")).empty  # no before marker: nothing pairs
    assert claims(s.replace("全部完成", "全部提交")).empty  # no 完成: a time of something else
    assert claims(s.replace("在30", "30")).empty  # no 在 before the value


def test_a_conditional_restatement_of_a_stated_figure_is_kept():
    """The heading 直通班列让物流效率提高60%以上, then 如果通过直通班列,…在时间效率上提高了60%以上 (batch15 doc 15): the
    figure is reported with no condition, so its conditional restatement is no hypothetical."""
    name = "15_cq_guoyuan_direct_train_2019.txt"
    head = from_real(B15, name, "直通班列让物流效率提高60%以上")
    body = from_real(B15, name, "如果通过直通班列,从重庆到广西钦州港2天左右,然后从钦州港到越南距离最远的地方,"
                                "满打满算7天左右货物就到达目的地,在时间效率上提高了60%以上。")
    assert claims(body).empty  # alone, under 如果, it is what may happen
    c = claims(head + "\n" + body)
    assert len(c) == 2 and (c.change_pct_low == quantities(head).iloc[0].value_low).all()
    # another figure under the condition is still dropped
    assert len(claims(head + "\n" + body.replace("60%", "70%"))) == 1


B17, B18 = "batch17", "batch18"


def test_from_a_to_b_with_no_verb_is_a_change_downwards():
    """企业注册从7天到半天 (batch18 doc 02, a headline): 从 A 到 B with no verb, B smaller; 半天 after a value
    that has its own unit is read on its own, not as the end of a range."""
    s = from_real(B18, "02_ah_hefei_hitech_registration_2020.txt", "企业注册从7天到半天")
    q = quantities(s).sort_values("start")
    assert list(q.quote) == ["7天", "半天"]
    r = only(s)
    check(r, "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    assert r.subject == "企业注册"
    # written upwards it is a range; before 不等 a range too; without 从 nothing opens a before value
    assert claims(s.replace("从7天到半天", "从半天到7天")).empty
    assert claims(s + "不等").empty
    assert claims(s.replace("从", "")).empty


def test_nearly_half_after_a_cut_verb_is_a_change_of_half():
    """审批事项精简近半审批时间最快30天 (batch17 doc 04, a headline without a comma): 近半 is the cut (50 %), and
    the value after it belongs to the next phrase, not to 精简."""
    s = from_real(B17, "04_ha_investment_project_approval_2017.txt", "审批事项精简近半审批时间最快30天")
    r = only(s)
    check(r, "decrease", "%", pct=quantities(s).sort_values("start").iloc[0].value_low)
    assert r.quote == "审批事项精简近半"
    # 近半年 stays a duration, not a half
    assert list(quantities("近半年来").dimension) == ["duration"]


def test_a_verb_that_names_money_takes_no_span_of_time():
    """天津港降费一年有余 (batch17 doc 09): 降费 cuts fees, a year is how long since; a percent still fits."""
    s = from_real(B17, "09_tj_port_fee_cut_one_year_2019.txt", "天津港降费一年有余,营商环境发生了哪些改变?")
    assert claims(s).empty, claims(s)
    assert len(claims(s.replace("一年有余", "30%"))) == 1
    assert len(claims(s.replace("降费", "缩短"))) == 1  # a time verb takes the duration


def test_a_projected_surge_is_growth():
    """進口規模,將從近3年平均每年近千個猛增至9000個左右 (batch17 doc 26): 猛增 is said of volumes, as 飙升."""
    s = from_real(B17, "26_sh_bio_samples_risk_assessment_trad.txt", "將從近3年平均每年近千個猛增至9000個左右")
    assert claims(s).empty, claims(s)


def test_a_quoted_n_in_one_after_a_count_names_a_kind_of_thing():
    """重庆市三个“三合一”开放平台之一 (batch17 doc 20): platforms of that kind, no merge."""
    s = from_real(B17, "20_cq_china_europe_train_russia_2018.txt", "是重庆市三个“三合一”开放平台之一")
    assert claims(s).empty, claims(s)
    assert len(claims(s.replace("三个“", "“"))) == 1  # without the count, the rule reads it as before


def test_wancheng_is_no_bare_to_word():
    """深改方案128项任务已完成123项 (batch17 doc 12): tasks done of a plan; 完成 is no 成 "into", and 深改 no 改A为B."""
    s = from_real(B17, "12_tj_ftz_five_years_tasks.txt", "深改方案128项任务已完成123项")
    assert claims(s).empty, claims(s)
    assert len(claims("改128项任务为123项")) == 1  # 改 A 为 B still links


def test_what_one_thought_it_would_take_against_what_it_took():
    """我以为要折腾半天,没想到半个小时搞定 (batch17 doc 07): 以为要 marks the expected time, 没想到 the actual one."""
    s = from_real(B17, "07_sc_luzhou_hour_list_system.txt", "我以为要折腾半天,没想到半个小时搞定")
    q = quantities(s).sort_values("start")
    check(only(s), "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    assert claims(s.replace("我以为要", "")).empty  # no before marker: 没想到 alone pairs nothing
    assert claims(s.replace("没想到", "")).empty  # no after marker or cue


def test_what_was_planned_before_then_the_time_it_took():
    """原本计划6个月才能取得的证件,3个月就办结了 (batch17 doc 28): 原本计划 is the before value, not a target;
    a value before 就办结 is the time it took."""
    s = from_real(B17, "28_sc_chengdu_minimal_business_2020.txt", "原本计划6个月才能取得的证件,3个月就办结了")
    q = quantities(s).sort_values("start")
    check(only(s), "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    assert claims(s.replace("原本", "")).empty  # a plan with no before marker is a target
    assert claims(s.replace("就办结了", "办结了")).empty  # no 就 and no cue: nothing says it is the time taken


def test_less_than_a_fraction_of_the_old_value_in_the_clause_after_the_level():
    """僅需2周時間,不到以往各自申報進口通關周期的3分之1 (batch17 doc 26): now under a third of what it took, a cut of at
    least two thirds; the measure is the level's in the clause before (時間)."""
    s = from_real(B17, "26_sh_bio_samples_risk_assessment_trad.txt", "僅需2周時間,不到以往各自申報進口通關周期的3分之1")
    frac = quantities(s).sort_values("start").iloc[-1]
    r = only(s)
    check(r, "decrease", "%", pct=100 - frac.value_low)
    assert "at least" in r.qualifier and r.quote.startswith("不到")
    # with no before marker it is a comparison; with no level of a measure before it, nothing says what shrank
    assert claims(s.replace("以往", "")).empty
    assert claims(s.split(",")[1]).empty


def test_a_before_after_over_two_sentences_after_jingguo_gaige():
    """2018年启动改革前,…16个部门的112个行政权力事项,完成全流程审批平均需要300多天。经过持续改革,事项数量精减到73项,
    整合为4个审批环节,…全过程审批用时不超过100个工作日 (batch18 doc 17): 经过…改革 answers 改革前 across the
    sentence; counts pair by the noun they count (事项 112 → 73; 审批环节 is another noun, 用时 cues the time)."""
    name = "17_sd_construction_approval_100_days_2020.txt"
    s = from_real(B18, name, "2018年启动改革前,工程建设项目审批涉及16个部门的112个行政权力事项,完成全流程审批平均需要300多天。"
                             "经过持续改革,事项数量精减到73项,整合为4个审批环节,每个环节由一个部门牵头,即建设单位只需跟4家单位打交道,"
                             "全过程审批用时不超过100个工作日。")
    q = quantities(s).set_index("quote")
    c = claims(s).sort_values("start")
    assert len(c) == 2, c
    check(c.iloc[0], "decrease", "count:项", before=q.loc["112个"].value_low, after=q.loc["73项"].value_low)
    check(c.iloc[1], "decrease", "h", before=q.loc["300多天"].value_low, after=q.loc["不超过100个工作日"].value_low)
    assert "at most" in c.iloc[1].qualifier and "more than" in c.iloc[1].qualifier
    # without 改革前 nothing in the first sentence is a before value; without 经过…改革 the duration has no after marker
    assert (claims(s.replace("启动改革前", "启动改革")).before_low.isna()).all()
    assert len(claims(s.replace("经过持续改革", "此外"))) == 1
    # in one clause the other noun's count is no after value of the items (精减到73项,整合为4个审批环节)
    t = s.split("。")[1]
    assert (claims(t).after_low != q.loc["4个"].value_low).all()


B19 = "batch19"


def test_an_amount_of_change_reached_after_its_object():
    """节省时间可达30多个工作日 (batch19 doc 01): 可达 between the object and the value still states the size of the
    saving, not a level."""
    s = from_real(B19, "01_hb_yichang_area_first_year.txt", "节省时间可达30多个工作日")
    q = quantities(s).iloc[0]
    r = only(s)
    check(r, "decrease", "h", change=q.value_low)
    assert "more than" in r.qualifier and r.subject == "时间"
    assert claims("平均通关时间可达30个工作日").empty  # no change verb: a level, no claim


def test_an_after_value_of_its_own_verb_is_no_before_value_of_a_target():
    """目前…主流程已壓縮到56個工作日,并將進一步壓減至40個工作日 (batch19 doc 04): 56 is reached by its own verb, an
    after value; the 40 that follows is what will be (a target), so 56 → 40 is no claim."""
    s = from_real(B19, "04_fj_xiamen_business_env_2018_trad.txt",
                  "目前工程建設(shè)項目審批的主流程已壓縮到56個工作日,并將進一步壓減至40個工作日")
    q = quantities(s).sort_values("start")
    r = only(s)
    check(r, "decrease", "h", after=q.iloc[0].value_low)
    assert r.quote.endswith("56個工作日")
    # 由 A … 压缩到 B stays a before/after claim
    assert only("审批时间由56个工作日压缩到40个工作日").before_low == q.iloc[0].value_low


def test_short_before_and_after_markers_yuan_and_xian():
    """原需5个工作日,现只要3小时 (batch19 doc 05): 原需 (originally needed) and 现只 (now only) mark the levels."""
    s = from_real(B19, "05_fj_pingtan_three_in_one_2016.txt", "原需5个工作日,现只要3小时")
    q = quantities(s).sort_values("start")
    r = only(s)
    check(r, "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    assert r.subject == ""  # 现 is the marker, no subject
    assert claims(s.replace("原需", "")).empty  # no before marker: two levels, no change


def test_a_statutory_time_limit_then_now():
    """深圳海关初审应该在5个工作日办结,现在平均办理时间已压缩到2个工作日以内 (batch19 doc 18): the limit the rules set
    (应该在 … 办结) is the before value of what it now takes."""
    s = from_real(B19, "18_gd_shenzhen_customs_qa_2021.txt",
                  "深圳海关初审应该在5个工作日办结,现在平均办理时间已压缩到2个工作日以内")
    q = quantities(s).sort_values("start")
    r = only(s)
    check(r, "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    assert "within" in r.qualifier
    assert isnan(only(s.replace("应该在", "在")).before_low)  # no limit word: the after value alone


def test_ten_days_to_half_a_month():
    """以前…一般需要十天半个月才能进入仓库,而现在…2~3天就能进入自贸区仓库 (batch19 doc 21): 十天半个月 is a rough range,
    ten days to half a month."""
    s = from_real(B19, "21_sh_customs_ftz_reforms_2015.txt",
                  "以前货物到港后一般需要十天半个月才能进入仓库,而现在‘先进区、后报关’模式下,2~3天就能进入自贸区仓库")
    q = quantities(s).sort_values("start")
    assert q.iloc[0].quote == "十天半个月"
    days, half = quantities("十天").iloc[0], quantities("半个月").iloc[0]
    assert (q.iloc[0].value_low, q.iloc[0].value_high) == (days.value_low, half.value_low)
    check(only(s), "decrease", "h", before=(days.value_low, half.value_low), after=(q.iloc[1].value_low, q.iloc[1].value_high))
    # a smaller half after a larger unit is no range: 一天半小时 is not one day to half an hour
    assert quantities("一天半小时").iloc[0].value_low > quantities("一天").iloc[0].value_low


B20 = "batch20"


def test_a_time_allowed_lengthened_is_a_policy_parameter():
    """中轉貨物報關期限從14天延長至3個月 (batch19 doc 02): more time granted to declare, a policy parameter; a time limit
    shortened stays an effect, and a certificate valid longer (有效期) too."""
    s = from_real(B19, "02_gd_ftz_clearance_2015_trad.txt", "中轉貨物(wù)報關期限從14天延長至3個(gè)月")
    assert claims(s).empty, claims(s)
    assert only(s.replace("延長", "縮短").replace("3個(gè)月", "7天")).direction == "decrease"
    assert not claims(s.replace("報關期限", "備案憑證有效期")).empty


def test_a_quoted_target_is_no_claim():
    """提前完成了海关总署“压缩三分之一通关时长”和我市“进口整体通关时间压缩至100小时”的工作目标 (batch19 doc 06): the
    quotes name targets; what was achieved is not stated."""
    s = from_real(B19, "06_zj_ningbo_health_port_five_years_2019.txt",
                  "还提前完成了海关总署“压缩三分之一通关时长”和我市“进口整体通关时间压缩至100小时”的工作目标")
    assert claims(s).empty, claims(s)
    assert len(claims(s.replace("”的工作目标", "”"))) == 1  # no target noun after the quote: an after value


def test_firms_taking_part_growing_is_uptake():
    """“先进区、后报关”参与企业从自贸区成立初期的7家增至419家 (batch19 doc 21): the firms taking part in a mode, uptake."""
    s = from_real(B19, "21_sh_customs_ftz_reforms_2015.txt", "“先进区、后报关”参与企业从自贸区成立初期的7家增至419家")
    assert claims(s).empty, claims(s)
    assert len(claims(s.replace("参与企业", "试点企业"))) == 1  # a pilot's reach stays an effect


def test_what_a_plan_says_will_be_done_after_genju():
    """根据《方案》,高新区将深化商事制度改革,…;简化企业注销登记,企业注销公告时间由45天压缩至20天 (batch19 doc 11): after
    根据《方案》, and 将, a target of the plan."""
    s = from_real(B19, "11_sn_xian_hightech_plan_2020.txt",
                  "根据《方案》,高新区将深化商事制度改革,推进企业“办照新政”,压缩企业开办时间到7个工作小时;"
                  "简化企业注销登记,企业注销公告时间由45天压缩至20天;")
    assert claims(s).empty, claims(s)
    # without a will word it reports what was done by the plan
    assert len(claims(s.replace("将深化", "深化"))) >= 1


def test_a_share_by_composition_is_no_effect():
    """其中社会投资占比从2020年的30%提升至2022年的56% (batch20 doc 07): a share of the whole, no reform effect; a rate a
    reform cuts (查验比例) is."""
    s = from_real(B20, "07_hn_jiangdong_2022_results_hiipb.txt", "其中社会投资占比从2020年的30%提升至2022年的56%")
    assert claims(s).empty, claims(s)
    assert len(claims("其中查验比例从2020年的30%下降至2022年的5%")) == 1


def test_a_count_of_measures_to_roll_out_is_no_change():
    """湖南已复制推广完成109项,正加快复制推广33项 (batch20 doc 19): a count of reforms, no change."""
    s = from_real(B20, "19_hun_ftz_approved_2020.txt", "湖南已复制推广完成109项,正加快复制推广33项")
    assert claims(s).empty, claims(s)
    assert only("减少审批事项33项").direction == "decrease"  # a cut of items is a change


B21 = "batch21"


def test_a_statutory_limit_then_the_promised_one():
    """市级下放审批事项平均法定办理时限28天,平均承诺办理时限2.75天 (batch21 doc 04): the limit the law sets is the before
    value, the limit the office promises the after value."""
    s = from_real(B21, "04_tj_airport_area_zhengzhao_fenli.txt", "市级下放审批事项平均法定办理时限28天,平均承诺办理时限2.75天")
    q = quantities(s)
    r = only(s)
    check(r, "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)
    assert "average" in r.qualifier
    # a promised limit longer than the statutory one is no cut; two statutory limits are no pair
    assert claims(s.replace("28天", "2天")).empty
    assert claims(s.replace("承诺", "法定")).empty
    # a promise with no statutory limit before it is no before value
    assert claims(s.replace("法定", "")).empty


def test_a_neutral_verb_to_a_best_case_time_is_a_cut():
    """从“中间摆渡”“两上两下”变成最快5秒通关 (batch21 doc 16): 变成 has no direction of its own; a fastest time reached
    is the after value of a cut (the state before is no number)."""
    s = from_real(B21, "16_gd_hengqin_new_passenger_hall_2020.txt", "从“中间摆渡”“两上两下”变成最快5秒通关")
    r = only(s)
    check(r, "decrease", "h", after=quantities("5秒").iloc[0].value_low)
    assert "fastest" in r.qualifier and r.subject == ""
    # without the best case, a neutral verb to a time says no direction
    assert claims(s.replace("最快", "")).empty
    # nor does a best-case count (变成最多3个)
    assert claims("窗口从“多窗”变成最多3个").empty


def test_a_task_assigned_to_lead_units_is_a_target():
    """推进招投标全流程电子化,不见面开标率由76.6%提高到80%,…。(牵头单位:发展和经济运行局;…) (batch21 doc 15, a 2023
    plan): a paragraph that names the units a task is assigned to is a plan's task; its figures are targets."""
    text = real_text(B21, "15_sc_tianfu_business_environment_plan_2023.txt")
    para = next(line for line in text.splitlines() if "不见面开标率" in line)
    assert "(牵头单位:" in para
    assert claims(para).empty, claims(para)
    # the same figure without the assignment is a reported change
    assert len(claims(para[:para.index("(牵头单位")])) == 1
    # a notice of cases done names its responsible units on a line of its own: the effect stays
    assert len(claims(para[:para.index("(牵头单位")] + "\n责任单位:发展和经济运行局")) == 1


B22 = "batch22"


def test_a_change_verb_after_the_before_marker_states_the_amount():
    """全程耗时不超过15个工作日,较原来缩短了20个工作日 (batch22 doc 04): after 较原来 a change verb makes the value the
    size of the change, no baseline; the bounded level before it is the after value."""
    s = from_real(B22, "04_xj_construction_approval_2021.txt", "全程耗时不超过15个工作日,较原来缩短了20个工作日")
    q = quantities(s)
    r = only(s)
    check(r, "decrease", "h", after=q.iloc[0].value_low, change=q.iloc[1].value_low)
    assert "at most" in r.qualifier and r.subject == "全程耗时"
    # with no change verb, the value after 较原来 is the baseline (before → after)
    r = only(s.replace("较原来缩短了20个工作日", "较原来20个工作日"))
    check(r, "decrease", "h", before=q.iloc[1].value_low, after=q.iloc[0].value_low)
    # a level with no bound of its own and no 为 is no after value of the change
    r = only(s.replace("不超过", ""))
    check(r, "decrease", "h", change=q.iloc[1].value_low)


def test_a_target_set_is_no_claim():
    """海关总署确定了2017年货物通关时间再压缩三分之一的目标 (batch22 doc 05, Traditional with pinyin): a target set is
    no effect. A target reached (实现了/完成了…的目标) is no claim beside the figures measured: the real-text gold leaves
    实现压缩三分之一目标 unscored there (batch34 doc 32); when its figure is the only one of its sentence it is what was
    achieved, as three later batches score it (batch103 doc 11, batch115 doc 04, batch116 doc 01)."""
    text = real_text(B22, "05_sd_jinan_customs_2017_trad.txt")
    s = next(x + "。" for x in text.split("。") if "的目標(biāo)" in x)
    assert "確定了" in s
    assert claims(s).empty, claims(s)
    for reached in ("實現了", "完成了"):
        check(only(s.replace("確定了", reached)), "decrease", "%", pct=100 / 3)
    shenzhen = _sentence_of("batch34", "32_gd_shenzhen_customs_clearance_2018.txt", "实现压缩三分之一目标")
    q = quantities(shenzhen)
    measured = sorted(q.loc[q["quote"].str.endswith("%"), "value_low"])  # the percents written out, not 三分之一
    assert len(measured) == 2 and sorted(claims(shenzhen)["change_pct_low"]) == measured
    # the same figure without the goal noun is a cut
    r = only(s.replace("確定了", "實現了").replace("的目標(biāo)", ""))
    check(r, "decrease", "%", pct=100 / 3)


B23, B24 = "batch23", "batch24"


def test_a_target_someone_requires_is_no_claim():
    """超額完成國務院要求較2017年壓縮一半的目標 (batch23 doc 03): the cut 要求 (required) names before 的目標 is the
    target, not what was reached; the figures reached in the sentence before stay."""
    text = real_text(B23, "03_hb_business_env_five_years_trad.txt")
    s = next(x + "。" for x in text.split("。") if "壓縮一半的目標" in x)
    c = claims(s)
    assert [q for q in c["quote"] if "一半" in q] == [], c
    assert len(c) == 2 and sorted(c["change_pct_low"]) == [78.5, 97.0], c
    # the same cut stated as done, with no requiring verb, is a claim of a half
    r = only(from_real(B23, "03_hb_business_env_five_years_trad.txt", "較2017年壓縮一半") + "。")
    check(r, "decrease", "%", pct=50)


def test_yi_ge_after_de_is_the_article_a():
    """是海南全省上下加快推进封关运作各项任务的一个缩影 (batch24 doc 04): 的一个 + noun is "a", no count of one;
    a duration after 的 stays (由原来的一个月左右缩短至7天以内, the written held-out wording)."""
    s = from_real(B24, "04_hn_haikou_customs_closure_2023.txt", "是海南全省上下加快推进封关运作各项任务的一个缩影。")
    assert claims(s).empty, claims(s)
    assert quantities(s).empty, quantities(s)
    assert len(quantities(s.replace("的一个", "一个"))) == 1  # without 的 it still reads as one
    s = "企业拿到退税款的时间由原来的一个月左右缩短至7天以内。"
    q = quantities(s)
    assert q["quote"].tolist() == ["一个月左右", "7天以内"]
    check(only(s), "decrease", "h", before=q.iloc[0].value_low, after=q.iloc[1].value_low)


B25, B26 = "batch25", "batch26"


def test_a_reform_name_named_again_is_no_claim_of_its_own():
    """A page about Hainan's 三证合一 names it seven times (batch26 doc 02): one claim, the first mention; another
    N合一 (五证合一) in the same text is a claim of its own."""
    text = real_text(B26, "02_hn_three_certs_in_one_portal.txt")
    named = claims(text)
    named = named[named["quote"].str.contains("合一")]
    assert text.count("三证合一") > 2 and named["quote"].tolist() == ["三证合一"]
    assert named.iloc[0]["start"] == text.index("三证合一")
    other = claims("推行“三证合一”。在“三证合一”基础上,实行“五证合一”。")
    assert other["quote"].tolist() == ["三证合一", "五证合一"]


def test_zhiyao_opens_a_condition_unless_a_value_follows_it():
    """只要这些商品在海南经过加工,使其价值至少增加30%,就可以… (batch26 doc 06): a condition of a policy, no effect;
    只要 + a value (只要3小时) is what it now takes; a change with its before value under 只要 stays (batch9 doc 22)."""
    s = next(x + "。" for x in real_text(B26, "06_hn_ltn_economist_hainan_2026_trad.txt").split("。") if "至少增加30%" in x)
    assert "只要" in s and claims(s).empty, claims(s)
    for takes in ("只要3天", "只要三到五天", "只要花3天"):  # what it now takes, no condition
        assert len(claims(f"企业{takes}就能拿到执照,审批时间缩短了60%。")) == 1, takes
    kept = from_real("batch9", "22_js_suzhou_special_goods_approval_2021.txt",
                     "原来的审批流程需要3个工作日左右,改由苏州工业园区海关审批后,只要资料齐全,当日就可以审批完成。")
    q = quantities(kept)
    check(only(kept), "decrease", "h", before=q.iloc[0].value_low, after=24.0)


def test_loans_growing_are_volume_and_a_part_after_qizhong_is_no_baseline():
    """人幣貸款增12倍 (batch25 doc 18) is the growth of a volume; 其中70多家是香港企業。目前進駐橫琴的企業達9787家 (batch25
    doc 11) pairs a part of a total with a total: no change. A cut of loan approval time stays an effect."""
    assert claims(from_real(B25, "18_gd_wenweipo_qianhai_rmb_loans_2014_trad.txt", "人幣貸款增12倍") + "。").empty
    text = real_text(B25, "11_gd_cri_hengqin_hk_firms_2015_trad.txt")
    assert "其中70多家是香港企業。目前進駐橫琴的企業達9787家" in text
    assert not claims(text)["quote"].str.contains("9787").any(), claims(text)
    s = "其中70多家是香港企業。目前進駐橫琴的企業達9787家"
    assert len(claims(s.replace("其中", "此前"))) == 1  # the same pair with a baseline (此前) is a change
    assert len(claims("贷款审批时间由10天缩短至3天。")) == 1


def test_hong_kong_and_taiwan_working_days_read_as_working_days():
    """個工作天 is how Hong Kong and Taiwan write 个工作日: the same values and the same qualifier."""
    hk, mainland = "審批時間由10個工作天縮短至3個工作天。", "审批时间由10个工作日缩短至3个工作日。"
    assert quantities(hk)[["value_low", "unit"]].equals(quantities(mainland)[["value_low", "unit"]])
    a, b = only(hk), only(mainland)
    assert (a.before_low, a.after_low, a.qualifier) == (b.before_low, b.after_low, b.qualifier)
    assert "working days" in a.qualifier


def test_an_expectation_that_ends_the_clause_before_marks_the_claim_expected():
    """當局預計,新措施每年可為業界節省逾億元開支: 預計 ends the clause before the claim's; the claim is
    ``expected``, as with 预计 in its own clause; without it, a reported saving."""
    s = "當局預計，新措施每年可為業界節省逾億元開支。"
    assert "expected" in only(s).qualifier
    assert "expected" in only("新措施预计每年可为业界节省逾亿元开支。").qualifier
    assert "expected" not in only(s.replace("當局預計，", "")).qualifier


def test_frames_are_the_public_constructors_frames(monkeypatch):
    """The per-document frames are built from their arrays (a fast path); they equal the frames pandas'
    public constructor builds from the same columns, string columns ``object`` (never inferred ``str``),
    and a pandas without the fast path gets the same frames."""
    text = seed_text(TJ) + seed_text(GZ)
    q, c = extract(text)
    assert len(q) and len(c)
    for df in (q, c):
        public = pd.DataFrame({k: pd.Series(df[k].to_numpy(), dtype=df[k].dtype) for k in df.columns})
        pd.testing.assert_frame_equal(df, public)
        assert all(str(df[k].dtype) == "object" for k in ("quote", "unit", "qualifier"))
        assert df._mgr.is_consolidated()
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    q2, c2 = extract(text)
    pd.testing.assert_frame_equal(q2, q)
    pd.testing.assert_frame_equal(c2, c)


B28 = "batch28"


def test_sheng_after_a_provinces_name_is_the_province():
    """本文选取广东省18个地级市 (batch28 doc 10, a paper's method): 省 after 广东 is the province, not the verb
    省 "save"; 每单省8元 is still a saving of 8 yuan, and 全省11个地市 stays no claim."""
    text = real_text(B28, "10_gd_trade_effect_paper_2021.txt")
    s = next(x + "。" for x in text.split("。") if "本文选取广东省18个" in x)
    assert claims(s).empty, claims(s)
    assert claims(s.replace("广东省", "浙江省")).empty
    saved = only("推行新模式后,企业每单省8元。")
    assert (saved.direction, saved.change_low, saved.unit) == ("decrease", 8.0, "CNY")
    assert claims("在全省11个地市推开。").empty


def test_the_number_of_zones_growing_is_reach_not_an_effect():
    """中国自由贸易试验区(…,以下简称自贸试验区)将由4个增加到11个 (batch28 doc 06, a blue book): the number of zones,
    no reform effect, also with 数量; the firms gathered in a zone growing (片区…企业…增加了近90家, the written
    held-out batch7) and a count a zone cuts stay claims."""
    text = real_text(B28, "06_nat4_ftz_bluebook_2017.txt")
    s = next(x + "。" for x in text.split("。") if "将由4个增加到11个" in x)
    assert claims(s).empty, claims(s)
    assert claims("我国自贸试验区数量由18个增至21个。").empty
    firms = only("片区已集聚跨境电商企业320余家,较去年底增加了近90家。")
    assert (firms.direction, firms.change_low) == ("increase", 90.0)
    cut = only("每个片区工作机构由原来的42个压缩为17个。")
    assert (cut.before_low, cut.after_low) == (42.0, 17.0)


B29, B30 = "batch29", "batch30"


def _sentence_of(batch: str, name: str, fragment: str) -> str:
    """The sentence (up to 。) of a real text that holds ``fragment``."""
    return next(x + "。" for x in real_text(batch, name).split("。") if fragment in x)


def test_a_trade_flows_change_right_after_its_sum_or_volume_is_growth():
    """共进口5739.9万吨,增加34% (batch29 doc 01) and 合同外资1.57億美元(部口徑),同比下降79.6% (batch30 doc 24) are
    growth figures of a flow, no effect; a cut of a reform measure stays, and so does a decline right after a
    volume (天津口岸进口汽车8.2万辆,同比下降6.5%, which the written held-out batch7 counts)."""
    for batch, name, fragment in ((B29, "01_hn_trade_q1q3_2024_hndaily.txt", "增加34%"),
                                  (B30, "24_sc_national_edz_railway_port_2023_trad.txt", "下降79.6%")):
        s = _sentence_of(batch, name, fragment)
        assert not claims(s)["quote"].str.contains(fragment).any(), claims(s)
    assert len(claims("共进口5739.9万吨,通关时间压缩34%。")) == 1
    kept = only("1至11月,天津口岸进口汽车8.2万辆,同比下降6.5%。")
    assert (kept.direction, kept.change_pct_low) == ("decrease", 6.5)
    # investment is a flow too: 固定资产投资1110.9亿元,下降15.4% (batch79 doc 13, a city's work report)
    s = _sentence_of("batch79", "13_hn_haikou_work_report_2020.txt", "固定资产投资")
    assert not claims(s)["subject"].str.contains("投资").any(), claims(s)
    assert only("企业投资项目审批时间缩短50%。").change_pct_low == 50


def test_more_investment_and_how_many_there_are_now_are_no_effects():
    """增加投资1亿多元 (batch29 doc 10) is an investment, 跨國公司總部增至138家 (batch29 doc 18) how many there are
    now, with no before value; 如今已走过5个年头 (batch29 doc 19) is how old a pilot is. A count with its before value,
    money saved and a count cut stay."""
    for name, fragment in (("10_js_suzhou_area_first_year_2020.txt", "增加投资1亿多元"),
                           ("18_bj_chaoyang_two_zones_2021_trad.txt", "跨國公司總部增至138家"),
                           ("19_bj_service_opening_report_2020.txt", "如今已走过5个年头")):
        s = _sentence_of(B29, name, fragment)
        assert claims(s).empty, claims(s)
    assert quantities("已走过5个年头")["unit"].tolist() == ["h"]
    grown = only("跨国公司总部由100家增至138家。")
    assert (grown.before_low, grown.after_low) == (100.0, 138.0)
    assert only("节约投资成本300万元。").change_low == 3_000_000
    assert only("减少审批环节5个。").change_low == 5


B31, B32 = "batch31", "batch32"


def test_more_growth_in_the_forms_statistics_use():
    """From the first runs of the precision batches 31 and 32, each from a real sentence: 起降 (takeoffs and
    landings) is no 降; 同比分别上升10.92%、7.89% and 较去年同期增加16个 are year on year; 勁增 is growth; fiscal revenue
    multiplied since 1992 is a volume; a trade volume whose subject is in the clause before; a plan's rate of
    implementation. The same verbs on a reform measure stay claims."""
    cases = [(B31, "02_hn_three_airports_2021.txt", "起降26.15万次"),
             (B31, "03_hn_airports_overseas_routes_2025_trad.txt", "起降超1萬架次"),
             (B31, "15_ah_opening_npc_inquiry_2024_trad.txt", "5406億元提高到"),
             (B31, "26_sd_yantai_parks_ftz_area_2021.txt", "实施率从92%提升到97%"),
             (B32, "04_sc_court_report_15_measures_2019.txt", "上升10.92%"),
             (B32, "17_hb_open_economy_2019.txt", "较去年同期增加16个"),
             (B32, "18_ha_luoyang_hitech_zone_27_years_2019.txt", "翻了117倍"),
             (B32, "26_fj_xiamen_eu_trade_aviation_repair_trad.txt", "勁增45.7%")]
    for batch, name, fragment in cases:
        s = _sentence_of(batch, name, fragment)
        assert claims(s).empty, (name, claims(s))
    assert only("通关时间同比分别缩短30%。").direction == "decrease"
    assert only("审批效率较去年同期提升30%。").change_pct_low == 30
    assert only("查验时间降至2小时。").after_low == 2
    assert only("一次性通过率由此前的20%提升至95%。").after_low == 95
    assert only("预计将帮助港口企业增加收入2000余万元。").change_low == 20_000_000  # firms' revenue (batch2 doc 14)


B33, B34 = "batch33", "batch34"


def test_a_required_term_shortened_is_a_policy_parameter():
    """人才“居转户”(居住证转户籍)年限从原来的7年缩短到5年 (batch34 doc 35): the years one must have to qualify, what a
    policy allows, not an effect; a shorter time to approve stays one."""
    s = _sentence_of(B34, "35_sh_lingang_talent_presser_crntt_2019.txt", "年限从原来的7年缩短到5年")
    assert claims(s).empty, claims(s)  # and 核心人才进一步缩短到3年, which takes it further
    assert "核心人才进一步缩短到3年" in s
    assert only("审批时限由20天压缩至5天。").after_low == 5 * 24
    # a reform effect taken further stays two claims
    assert len(claims("审批时间从20天缩短到5天,部分事项进一步缩短到1天。")) == 2


def test_spaced_punctuation_reads_as_unspaced():
    """根据《…通知》要求 , 到2021年底 , 整体通关时间比2017年压缩一半 (batch34 doc 38, a page that spaces its commas):
    a target, as without the spaces; 在零关税之前需要3亿元,在零关税之后只要2亿元 (batch33 doc 05): 之后 answers 之前."""
    s = _sentence_of(B34, "38_sc_chengdu_customs_salmon_2019.txt", "比2017年压缩一半")
    assert " , " in s and claims(s).empty, claims(s)
    assert normalize(s).text == normalize(s.replace(" , ", ",")).text
    pair = from_real(B33, "05_hn_zero_tariff_interview.txt", "在零关税之前需要3亿元,在零关税之后只要2亿元")
    r = only(pair + "。")
    assert (r.before_low, r.after_low, r.unit) == (3e8, 2e8, "CNY")


B35, B36 = "batch35", "batch36"


def test_openness_and_value_added_are_no_effects():
    """经济外向度提高到35% (batch35 doc 01: trade as a share of GDP) and 前海注册企业增加值从2013年的49.9亿元增加到…
    1500亿元左右 (batch36 doc 30: value added) are a structural share and a volume; a rate a reform raises stays."""
    for batch, name, fragment in ((B35, "01_hn_ftp_five_years_presser_2025.txt", "经济外向度提高到35%"),
                                  (B36, "30_gd_qianhai_five_years_2017.txt", "增加值从2013年的49.9亿元")):
        s = _sentence_of(batch, name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[:4]).any(), claims(s)
    assert only("通关无纸化率提高到95%。").after_low == 95
    assert only("企业开办一次性通过率由此前的20%提升至95%。").before_low == 20


def test_a_day_before_an_event_verb_is_a_date():
    """…“换挡提速”加快开发建设推进大会8日举行 (batch38 doc 06): the day of an event, no duration (and so no claim
    of 提速); a number of days cut stays, 日内 too."""
    s = _sentence_of("batch38", "06_gd_nansha_signing_july_2020.txt", "推进大会8日举行")
    assert claims(s).empty and not quantities(s)["quote"].str.endswith("8日").any(), quantities(s)
    assert only("审批时间由10日缩短至3日。").after_low == 3 * 24
    assert quantities("办理时间缩短至3日内。")["value_low"].tolist() == [3 * 24]


def test_budget_income_rd_intensity_and_a_quota_per_person():
    """From batch39's first run: 一般公共预算收入从52亿元增加到105亿元、翻一番 and 城乡居民可支配收入增至5.9万元左右 (doc
    11) are volumes, 研發經費投入強度由1.21%增至2.43% (doc 10) a share by definition, 离岛旅客每年每人免税购物额度提高至
    10万元 (doc 02) a quota whose subject stops at 每. A saving per person stays."""
    for name, fragment in (("11_bj_daxing_75th_presser_2024.txt", "一般公共预算收入从52亿元"),
                           ("11_bj_daxing_75th_presser_2024.txt", "可支配收入增至5.9万元"),
                           ("10_hun_chenzhou_14th_fyp_presser_2025_trad.txt", "投入強度由1.21%增至2.43%"),
                           ("02_hn_duty_free_four_months_2020.txt", "免税购物额度提高至10万元")):
        s = _sentence_of("batch39", name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[:4]).any(), (name, claims(s))
    assert only("企业每年每人节省培训费用2000元。").change_low == 2000


def test_the_number_of_places_reached_growing_is_reach_not_an_effect():
    """已從開通初期的3個城市拓展到如今的18個 (batch35 doc 23: the cities a train service reaches) and 原产国也由最初
    的4个增加到了15个 (batch42 doc 08: the countries meat is imported from) say how far something reaches, like
    the number of zones; places that fall in number, and firms taking part, stay claims."""
    for batch, name, fragment in (("batch35", "23_xj_horgos_city_2023_trad.txt", "3個城市拓展到如今的18個"),
                                  ("batch42", "08_cq_meat_port_imports_2017.txt", "由最初的4个增加到了15个")):
        s = _sentence_of(batch, name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[:4]).any(), (name, claims(s))
    assert claims("开放口岸数量由3个增加到5个。").empty
    fewer = only("需要跑动的城市由3个减少到1个。")
    assert (fewer.before_low, fewer.after_low, fewer.direction) == (3.0, 1.0, "decrease")
    assert only("试点企业由12家增加到56家。").after_low == 56


def test_a_time_one_must_have_completed_is_a_condition():
    """将自购房之日前连续缴纳满5年及以上,调整为连续缴纳满3年及以上 (batch34 doc 36, a talent policy): the years of
    contributions that qualify a buyer, a policy's condition, no effect; a time that work takes stays a claim."""
    s = _sentence_of("batch34", "36_sh_lingang_talent_measures_2019.txt", "连续缴纳满5年")
    assert not claims(s)["quote"].str.contains("满5年").any(), claims(s)
    kept = only("企业开办时间由满5个工作日缩短至1个工作日。")
    assert (kept.before_low, kept.after_low) == (5 * 24, 24)


def test_a_bare_rise_right_after_a_share_is_the_shares_change():
    """境外人士佔比50%,比五一假期提升兩成 (batch34 doc 24): the rise of a share of customers, no effect; a bare
    change after a clause with no share stays a claim."""
    s = _sentence_of("batch34", "24_sh_foreign_tourists_golden_week_2025_trad.txt", "提升兩成")
    assert not claims(s)["quote"].str.contains("提升兩成").any(), claims(s)
    assert only("通关时间为5小时,比去年缩短两成。").change_pct_low == 20


def test_the_subject_of_a_verb_framed_by_zai_de_jichu_shang():
    """南沙區GDP將確保在2015年1133億元的基礎上實現翻一番 (batch36 doc 07, pinyin debris in the page): 在…的基础上
    frames the verb, so the subject is read before 在 — GDP, a volume, whose doubling is growth; a reform
    measure framed the same way keeps its claim and its subject."""
    s = _sentence_of("batch36", "07_gd_nansha_2016_congress_trad.txt", "翻一番")
    assert not claims(s)["quote"].str.contains("翻一番").any(), claims(s)
    kept = only("企业开办时间在去年的基础上再缩短50%。")
    assert (kept.subject, kept.change_pct_low) == ("企业开办时间", 50.0)


B43 = "batch43"


def test_places_gained_after_an_ordinal_rank_are_a_rank():
    """从2017年第101名提升到2019年第20名,提升了81位 (batch43 doc 29): places in a league table, named by an ordinal
    (第N名), no reform effect; a count of working days cut in the same kind of sentence stays."""
    s = _sentence_of(B43, "29_gd_nansha_five_years_no_certificate_2020.txt", "提升了81位")
    assert claims(s).empty, claims(s)
    assert only("第2批改革事项的办理时间由5个工作日压缩至1个工作日。").after_low == 24


def test_a_zone_growing_in_size_is_reach():
    """前海海深港合作區擴大7倍後,面積相當於1.5個香港島 (batch43 doc 19, Hong Kong press): the zone itself grows, no
    effect; a measure of the zone cut stays, and a port that lengthens a time allowed is no count of places."""
    s = _sentence_of(B43, "19_gd_qianhai_area_expansion_hk01_2021_trad.txt", "前海海深港合作區擴大7倍")
    assert not claims(s)["quote"].str.contains("合作區擴大").any(), claims(s)
    assert only("合作区企业开办时间压缩70%。").change_pct_low == 70


def test_an_output_flows_change_after_its_sum_with_thousands_separators():
    """第一產業總產值227,247萬元,同比下降6.1% (batch43 doc 10, Macau statistics): an output flow's change after its
    sum — the comma in 227,247 ends no clause, so the flow is the change's subject; a cut stays a cut."""
    s = _sentence_of(B43, "10_gd_nansha_h1_2023_statistics_um_trad.txt", "下降6.1%")
    assert claims(s).empty, claims(s)
    cut = only("企业物流成本1,200万元,下降了15%。")
    assert (cut.subject, cut.change_pct_low) == ("企业物流成本", 15.0)


def test_a_value_before_jiu_nadao_is_the_time_it_took():
    """以前办企业要跑好几个部门,至少等一周;现在一张表、一个窗口,两天就拿到营业执照 (batch44 doc 11): 就拿到 after the
    value gives the time it now takes, the answer to 以前…一周; a value before 就拿到 with no before value is no
    claim."""
    s = _sentence_of("batch44", "11_xj_urumqi_19365.txt", "两天就拿到")
    c = only(s)
    assert (c.before_low, c.after_low, c.direction) == (7 * 24, 48, "decrease")
    assert claims("企业两天就拿到营业执照。").empty


B45 = "batch45"


def test_a_claim_inside_a_documents_title_is_a_name():
    """…完成《陕西省优化提升营商环境工作三年行动计划(2018—2020年)》总任务量的60% (batch45 doc 08): 提升…三年 lies inside
    the plan's title, no claim; the cut the same sentence reports (较去年均缩减35%以上) stays, and so does a claim
    right after a title."""
    s = _sentence_of(B45, "08_sn_business_environment_indicators_2018.txt", "三年行动计划")
    got = claims(s)
    assert not got["quote"].str.contains("三年").any(), got
    assert got["change_pct_low"].tolist() == [35.0]
    after = only("《优化营商环境条例》实施后,开办企业时间由5天压缩至1天。")
    assert (after.before_low, after.after_low) == (120.0, 24.0)


def test_days_taken_and_a_cycle_are_measures_a_reform_changes():
    """金融案件平均審理天數(shù)同比縮短8.7天 (batch45 doc 02, a court's report, pinyin debris in the page): the days
    a trial takes, cut year on year, is a reform measure, so 同比 makes no growth figure of it; a count of cases
    growing year on year stays no claim."""
    s = _sentence_of(B45, "02_tj_ftz_court_three_years_trad.txt", "同比縮短8.7天")
    got = claims(s)
    assert got["change_low"].tolist() == [8.7 * 24], got
    assert only("审批周期同比缩短30%。").change_pct_low == 30


def test_a_trade_flows_sum_changing_in_percent_is_growth_and_a_lists_later_item_keeps_the_subject():
    """新疆地區2016年、2018年出口貿易額均出現下降,同比減少10.1%、7.3% (batch46 doc 27, a paper): the change of a
    trade flow's sum, no effect, also with no sum written before it; a goods flow's decline stays a claim (the
    written held-out batch7 counts 进口汽车8.2万辆,同比下降6.5%), and the later item of a list of cuts has the
    list's subject, not its earlier item (was 25%、)."""
    s = _sentence_of("batch46", "27_xj_ftz_prospects_customs_college_paper_trad.txt", "減少10.1%")
    assert claims(s).empty, claims(s)
    assert len(claims("天津口岸进口汽车8.2万辆,同比下降6.5%。")) == 1
    got = claims("货物进口、出口中介服务收费分别下降25%、21%。")
    assert got["subject"].tolist() == ["货物进口、出口中介服务收费"] * 2
    assert got["change_pct_low"].tolist() == [25.0, 21.0]


B47 = "batch47"


def test_the_article_yi_xiang_and_the_period_of_a_frequency_are_no_values():
    """…擴大金融市場開放和防範金融風險的一項重要制度安排 (batch47 doc 11): 的一项 is the article "an", no count of one, as
    的一个 is; 集裝箱班輪從兩周一班增加到一周八班 (batch47 doc 18): a duration right before a count of sailings is
    the period of a frequency, no time taken. A count of one item cut to stays a value, and so does a time."""
    for name, fragment in (("11_tj_ft_account_launch_trad.txt", "的一項重要"),
                           ("18_cq_cuntan_minsheng_shipping_trad.txt", "兩周一班")):
        s = _sentence_of(B47, name, fragment)
        assert claims(s).empty, (name, claims(s))
    assert only("申报材料由三项减少到一项。").after_low == 1
    assert only("船舶靠泊时间由两周缩短至一周。").after_low == 7 * 24


B49, B50 = "batch49", "batch50"


def test_bare_numbers_of_a_fenbie_list_take_the_unit_written_after_the_last():
    """分别由2019年的65、53、50个工作日,压缩到目前的39、33、31个工作日 (batch50 doc 12): three claims, the lists paired
    in order, each item in working days; bare numbers without 分别 stay no values, and so do years in a list."""
    s = _sentence_of(B50, "12_heb_approval_reform_2023.txt", "65、53、50个工作日")
    got = claims(s)
    assert list(zip(got.before_low, got.after_low)) == [(65 * 24, 39 * 24), (53 * 24, 33 * 24), (50 * 24, 31 * 24)]
    assert quantities("审批时间为65、53、50个工作日。")["value_low"].tolist() == [50 * 24]
    assert only("2019、2020年分别压缩至5天。").after_low == 5 * 24


def test_done_earlier_than_the_old_way_and_a_time_limit_then_the_time_taken():
    """根据以往的一般流程,…需求一周的工夫,此次提早5天完成了转运 (batch50 doc 15): work done 5 days earlier than the
    old way, a saving; 税务局需在20个工作日内作出核准决定,但该区税务局仅用4个工作日就全部完成 (batch50 doc 09): the
    limit, then the time taken. A lead time a rule sets, a building schedule, a milestone reached earlier than
    last year stay no claims."""
    s = _sentence_of(B50, "15_sd_qingdao_transfer_spun.txt", "提早5天")
    assert claims(s)["change_low"].tolist() == [5 * 24]
    s = _sentence_of(B50, "09_hun_chenzhou_edz_service.txt", "仅用4个工作日")
    c = claims(s)
    assert list(zip(c.before_low.dropna(), c.after_low.dropna())) == [(20 * 24, 4 * 24)]
    for text in ("企业须提前3天申报。", "项目提前17天顺利完成首栋封顶。", "数量突破100架,比去年提早了2个月。"):
        assert claims(text).empty, text


def test_work_started_earlier_because_of_the_measure_is_time_saved():
    """此举可使项目提前开工60天左右 (batch76 doc 01, a green channel for building permits): the measure makes the
    works start about 60 days earlier, a saving; a start earlier than planned, or a lead time, stays no claim."""
    s = _sentence_of("batch76", "01_ln_dalian_area_permit_green_channel_2020.txt", "提前开工60天左右")
    c = only(s)
    assert (c.direction, c.change_low, c.qualifier) == ("decrease", 60 * 24, "approximately")
    for text in ("该项目比计划提前开工30天。", "企业可提前开工5天申报。", "此举使吞吐量提前60天突破3000万人次。"):
        assert claims(text).empty, text


def test_trips_counted_in_tang_are_the_visits_counted_in_ci():
    """以前外籍船员换班要来回跑三四趟,现在推出了‘证件联办’,只跑一次 (batch78 doc 06): 趟 counts trips as 次 does, so
    3–4 trips → 1; 的一次 before a word is the article (保障通关提速的一次大胆创新, same text: no count of one), a count
    of one that ends its clause stays; and a count of trips is no number of windows (跑四五趟…交到一個窗口, batch9
    doc 04, whose gold reads no after value)."""
    s = _sentence_of("batch78", "06_hn_yangpu_border_joint_visa_2024.txt", "跑三四趟")
    c = only(s)
    assert (c.before_low, c.before_high, c.after_low, c.unit) == (3, 4, 1, "count:次")
    s = _sentence_of("batch78", "06_hn_yangpu_border_joint_visa_2024.txt", "提速的一次大胆创新")
    assert claims(s).empty, claims(s)
    assert only("跑动次数由原来的三次减少到现在的一次。").after_low == 1
    s = _sentence_of(B9, "04_js_suzhou_sip_business_env_2019_trad.txt", "四五趟")
    assert not (claims(s)["unit"] == "count:窗口").any(), claims(s)


def test_forest_cover_is_a_share_by_definition():
    """森林覆蓋率從29%上升到40% (batch49 doc 03): a land share, no reform effect; a rate a reform raises stays."""
    s = _sentence_of(B49, "03_fj_pingtan_four_ones_feature_2017_trad.txt", "森林覆蓋率")
    assert not claims(s)["quote"].str.contains("森林").any(), claims(s)
    assert only("通关无纸化率由60%提高到95%。").after_low == 95


def test_a_count_cancelled_is_no_level_before_the_next_clauses_change():
    """又累计取消下放省级行政审批事项783项,省级行政许可事项削减至417项 (batch50 doc 12): 783 items were cancelled, 417
    remain: the cut to 417 has no before value; a level before a cut in the next clause stays its before value."""
    s = _sentence_of(B50, "12_heb_approval_reform_2023.txt", "783项")
    c = only(s)
    assert (isnan(c.before_low), c.after_low) == (True, 417)
    kept = only("原有审批事项130项,削减至100项。")
    assert (kept.before_low, kept.after_low) == (130, 100)


def test_the_old_time_qualifying_the_noun_and_a_longer_new_time_is_another_measure():
    """宜品乳业项目从谈判到投产仅用时18个月,原本需要14个工作日完成的民办职业技能培训机构审批许可在2个工作日完成 (batch52
    doc 09): 18 months is another project's span, no new value of the 14 working days; the approval that took 14
    working days now takes 2 (the old time qualifies the noun, 的, in the same clause)."""
    s = _sentence_of("batch52", "09_sd_laixi_approval.txt", "原本需要14个工作日")
    got = claims(s)
    assert list(zip(got.before_low, got.after_low)) == [(14 * 24, 2 * 24)], got
    assert only("只用了5个工作日,比以往20个工作日。").after_low == 5 * 24


B53, B54 = "batch53", "batch54"


def test_yi_ge_ban_working_days_and_chaoguo_bai_wan():
    """原來…貨物通關時間需要一個半工作日,現在只要30分鐘 (batch53 doc 14): one and a half working days, not a count
    of one and half a day; 一架飞机可节省企业运输经营成本超过百万元人民币 (batch53 doc 09): more than a million
    yuan, a magnitude after 超过 as after 逾/超. 经过 before a number stays no bound."""
    got = claims(_sentence_of(B53, "14_hb_wuhan_customs_2007_trad.txt", "一個半工作日"))
    assert (got.before_low.iloc[0], got.after_low.iloc[0]) == (36.0, 0.5), got
    c = only(_sentence_of(B53, "09_tj_customs_aircraft_leasing.txt", "超过百万元"))
    assert (c.change_low, c.qualifier) == (1e6, "more than")
    assert only("审批时间由两个半工作日缩短至1天。").before_low == 60


def test_a_cut_still_to_come_and_opening_up_are_no_claims():
    """空港新城建设项目审批时间还将再压缩20% (batch53 doc 22): 将再, a further cut to come, is a target; 扩大开放6个
    10000吨级…泊位 (batch54 doc 05): opening berths up, no count increased. A cut made again stays a claim, and
    so does a claim after 不需要再."""
    for batch, name, fragment in ((B53, "22_sx_xixian_airport_3450_2018.txt", "还将再压缩20%"),
                                  (B54, "05_ah_wuhu_port_2024.txt", "扩大开放6个")):
        s = _sentence_of(batch, name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[:3]).any(), (name, claims(s))
    assert 30.0 in claims("在去年压缩一半的基础上,通关时间再压缩30%。")["change_pct_low"].tolist()
    saved = claims(_sentence_of(B53, "05_zj_zhoushan_bunkering_cctv_2020.txt", "成本平均能省2万美元"))
    assert saved["change_low"].tolist() == [20000.0, 24.0]


def test_in_n_days_get_it_after_xianzai_answers_the_sentence_before():
    """以往台湾本岛居民办证时…在7个工作日内才能拿到证件。但现在,…并在两个工作日内拿到证件 (batch55 doc 03): 在 N 内
    拿到 in a sentence that 现在 opens is the time it now takes, the answer to 以往's 7 working days; with no
    before value, no claim."""
    text = real_text("batch55", "03_fj_pingtan_taiwan_permit_2015.txt")
    i = text.index("以往台湾本岛居民")
    got = claims(text[i:text.index("。", text.index("但现在", i)) + 1])
    assert list(zip(got.before_low, got.after_low)) == [(7 * 24, 2 * 24)], got
    assert claims("现在,居民在两个工作日内拿到证件。").empty


def test_a_claim_across_two_quoted_names_is_none():
    """“营运交通工具进口关税减免”“加工增值30%免关税”等政策…首单落地 (batch37 doc 06): the verb of one policy's
    name and the figure of the next make no cut of 30%; a quoted name right before a claim leaves it, and so
    does a claim inside one quoted target."""
    s = _sentence_of("batch37", "06_hn_key_parks_2021_sina.txt", "加工增值30%")
    assert not claims(s)["quote"].str.contains("30%").any(), claims(s)
    c = only("实行“一窗受理”“一次办结”,办理时间由5天压缩至1天。")
    assert (c.before_low, c.after_low) == (5 * 24, 24)
    assert claims("提出“通关时间压缩30%”。")["change_pct_low"].tolist() == [30.0]


def test_a_count_before_a_noun_and_its_share_names_whose_share():
    """意見表示將適當提高一類企業(pinyin)占比 (batch51 doc 14): 一类企业 is whose share is raised, no count increased by one;
    a count before the noun it cuts stays a change."""
    s = _sentence_of("batch51", "14_fj_xiamen_export_tax_reply_2016_trad.txt", "提高一類")
    assert not claims(s)["unit"].eq("count:类").any(), claims(s)
    c = only("申报环节减少两个环节。")
    assert (c.change_low, c.unit) == (2.0, "count:环节")


B57, B59, B60 = "batch57", "batch59", "batch60"


def test_taiwan_nian_zeng_and_a_growth_rates_rise_are_growth():
    """福州港對台貨物吞吐量…達1,096萬噸,年增45% (batch59 doc 16, Taiwan's wording) is year-on-year growth; 增速分别较第一
    季度和去年同期提高7.2个和141.6个百分点 (batch59 doc 15) is a growth rate rising. 较上年增加了120亿元 (年 inside
    上年) and a reform measure's rise stay claims."""
    for name, fragment in (("16_fj_fuzhou_port_taiwan_cargo_2025_trad.txt", "年增45%"),
                           ("15_gd_shenzhen_qianhai_fdi_h1.txt", "141.6个百分点")):
        s = _sentence_of(B59, name, fragment)
        assert claims(s).empty, (name, claims(s))
    assert only("跨境人民币结算金额较上年增加了120亿元。").change_low == 120e8
    assert only("查验效率年增45%。").change_pct_low == 45


def test_what_a_plan_issued_by_someone_asks_for_is_a_target():
    """根据2018年10月国务院印发的《…工作方案》,要求到2018年底…压缩三分之一,到2021年底比2017年压缩一半 (batch57 doc 03):
    who issued the plan and when stand between 根据 and its title; both cuts are targets. A cut reported after such a
    plan, with no will word, stays."""
    s = _sentence_of(B57, "03_fj_port_clearance_time_2020.txt", "压缩三分之一")
    assert claims(s).empty, claims(s)
    c = only("根据2018年国务院印发的《工作方案》,全省通关时间已压缩40%。")
    assert c.change_pct_low == 40


def test_a_count_of_measures_is_no_change():
    """青島出台…項目審批提速舉措15項 (batch60 doc 02): fifteen measures to speed approval up, no count raised; a count
    after the thing a verb cuts stays."""
    s = _sentence_of(B60, "02_sd_qingdao_investment_2020_trad.txt", "提速舉措15項")
    assert claims(s).empty, claims(s)
    assert only("审批材料减少15项。").change_low == 15


def test_the_usual_time_answered_after_an_event():
    """通关检验通常需要近两周时间,绿色通道开通后,只需要一两天 (batch60 doc 08) and 之前听说…需要3个工作日可以出证,但是
    过来以后只用1小时就出证了 (batch60 doc 09): 通常 marks the usual time before, and 后 ending an event's clause or
    before 只 marks the time after. Without a before word, no claim; the event is not the subject."""
    got = claims(_sentence_of(B60, "08_bj_capital_airport_bio_green_channel_2023.txt", "一两天"))
    assert list(zip(got.before_low, got.after_low, got.after_high)) == [(14 * 24, 24, 48)], got
    assert got.subject.iloc[0].endswith("通关检验")  # written before 通常, not the event (绿色通道开通)
    got = claims(_sentence_of(B60, "09_sd_yantai_edz_approval_bureau.txt", "只用1小时"))
    assert list(zip(got.before_low, got.after_low)) == [(3 * 24, 1)], got
    assert "过来" not in got.subject.iloc[0]
    assert claims("办证需要两周,绿色通道开通后,只需要两天。").empty


def test_listed_before_values_pair_with_the_listed_after_values_in_order():
    """按惯例,用地审查15个工作日、用林审查30个工作日,但现在分别是3个工作日和5个工作日 (batch57 doc 01): two measures,
    each with its noun; three lists of one value each are no such pairing."""
    got = claims(_sentence_of(B57, "01_fj_pingtan_four_ones_approval.txt", "用地审查15个工作日"))
    assert list(zip(got.subject, got.before_low, got.after_low)) == [
        ("用地审查", 15 * 24, 3 * 24), ("用林审查", 30 * 24, 5 * 24)], got
    assert claims("以前用地审查15个工作日、用林审查30个工作日,现在分别是3个工作日、5个工作日和7个工作日。").empty


def test_dwell_time_is_a_measure_a_reform_changes():
    """日照港车辆在港停时同比压缩5% (batch60 doc 26): a vehicle's time in port cut year on year is a reform measure,
    not a growth figure."""
    c = only(_sentence_of(B60, "26_sd_ports_may_day_2025.txt", "停时同比压缩5%"))
    assert c.change_pct_low == 5


B61, B62 = "batch61", "batch62"


def test_jihua_as_a_noun_opens_no_target():
    """精准制订生产计划,…综合泊位效率同比提升3.4% (batch60 doc 26) and 码头高效计划和作业等特点 (batch61 doc 08): 计划
    before a clause mark or 和 is a noun, a plan drawn up or an item listed, not a target's opener; 计划到2025年
    … still opens a target."""
    c = only(_sentence_of(B60, "26_sd_ports_may_day_2025.txt", "综合泊位效率同比提升3.4%"))
    assert c.change_pct_low == 3.4
    assert claims("计划到2025年,开办企业时间压缩至1个工作日。").empty


def test_a_projection_in_its_own_clause_is_expected_after_a_push():
    """…将进一步提高驳船运输舱位利用率,…船舶运营效率预计将提高20%以上 (batch61 doc 08): a push earlier in the sentence,
    but the claim's own clause projects it: kept, ``expected``, and 预计 is not part of its subject. A push with no
    projection in the claim's clause stays a target."""
    c = only(_sentence_of(B61, "08_hn_yangpu_jinzhou_same_ship_route.txt", "预计将提高20%"))
    assert (c.change_pct_low, c.subject) == (20.0, "船舶运营效率")
    assert "expected" in c.qualifier
    assert claims("将进一步推动改革,通关时间压缩30%。").empty


def test_population_is_a_volume_and_a_cost_takes_a_one_character_verb():
    """海南省常住人口增加53万人 (batch61 doc 05) is growth of a volume; 兩岸快件運輸成本降四成 (batch62 doc 02): 降 right
    after 成本 is the verb, 本 here ends 成本 (not 本省, "this province": 本省11个地市 stays no claim)."""
    assert claims(_sentence_of(B61, "05_hn_fengguan_first_day_consumption.txt", "常住人口增加53万人")).empty
    text = real_text(B62, "02_fj_pingtan_sea_express_2019_trad.txt")
    c = only(text[:text.index("\n")])
    assert (c.direction, c.change_pct_low) == ("decrease", 40.0)
    assert claims("本省11个地市。").empty


def test_a_notice_named_bare_decrees_a_change_a_titled_one_sets_targets():
    """通知明确,药品注册费收费标准在原有标准基础上降低30% (batch61 doc 01): the notice decrees the fee cut, which is made
    (its subject stops before the frame 在…基础上, no 的); 根据《国务院关于印发…工作方案的通知》要求,到2021年底,整体通关
    时间比2017年压缩一半 (batch34 doc 38) is what a titled plan asks for: a target."""
    c = only(_sentence_of(B61, "01_hn_drug_registration_fee_cut.txt", "药品注册费收费标准"))
    assert (c.change_pct_low, c.subject) == (30.0, "药品注册费收费标准")
    s = _sentence_of("batch34", "38_sc_chengdu_customs_salmon_2019.txt", "压缩一半")
    assert claims(s).empty, claims(s)


def test_a_count_of_quoted_names_and_business_doubling_are_no_claims():
    """通过开展“营商环境指标提升、…、营商环境影响力提升”四个提升工程 (batch63 doc 11): 四个 counts the quoted names, no
    increase of four; 境外飞机喷涂业务翻一番 (batch63 doc 05): business doubling is growth of a volume. A count cut
    after a quoted name, and a reform measure of a business doubling, stay claims."""
    for name, fragment in (("11_hn_sanya_plan_2025.txt", "四个提升"), ("05_hn_aircraft_repair_2025.txt", "喷涂业务翻一番")):
        s = _sentence_of("batch63", name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[:2]).any(), (name, claims(s))
    assert only("推行“一窗受理”后,审批环节减少4个。").change_low == 4
    assert only("业务办理效率提升一倍。").change_low == 1


def test_a_limit_raised_and_a_transition_period_added_are_policy_parameters():
    """欧盟葡萄酒标准…将挥发性酸度上限提高14% (batch64 doc 06): a standard's limit, changed with no level, is a policy
    parameter; …国五排放标准轻型汽车增加6个月销售过渡期 (batch64 doc 09): more time granted. A credit line firms
    obtained growing, and a time limit shortened, stay claims."""
    for name, fragment in (("06_gd_shenzhen_wine_qa_2025.txt", "上限提高14%"),
                           ("09_tj_parallel_import_2020.txt", "增加6个月")):
        s = _sentence_of("batch64", name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[-3:]).any(), (name, claims(s))
    assert only("企业融资额度提升了约3倍。").change_low == 3
    assert only("审批时限由20天压缩至5天。").after_low == 5 * 24


def test_taiwan_word_zui_jia_hua_is_you_hua():
    """办理时限从197天优化为60天,压缩70% (batch7 doc 03) written with Taiwan's words (OpenCC s2twp: 最佳化 for 优化)
    gives the same claim as the original."""
    import opencc

    s = _sentence_of("batch7", "03_sc_chengdu_commitment_system_2018.txt", "从197天优化为60天")
    a, b = only(s), only(opencc.OpenCC("s2twp").convert(s))
    assert "最佳化" in b.quote
    assert (b.before_low, b.after_low, b.change_pct_low) == (a.before_low, a.after_low, a.change_pct_low) == (197 * 24, 60 * 24, 70)


def test_lists_of_values_pair_up_in_order_without_fen_bie():
    """…平均承諾時限和平均申報材料由5月底的12.5天、5.72個壓縮到9月底的6.39天、3.27個 (batch56 doc 07): a list of before
    values and a list of after values of the same kinds in the same order pair up as with 分别: 12.5 → 6.39 days
    and 5.72 → 3.27 documents. Lists whose kinds do not line up pair nothing across kinds."""
    s = _sentence_of("batch56", "07_ah_wuhu_gov_service_2018_trad.txt", "12.5天")
    c = claims(s).set_index("kind")
    assert (c.loc["duration", "before_low"], c.loc["duration", "after_low"]) == (12.5 * 24, 6.39 * 24)
    assert (c.loc["count", "before_low"], c.loc["count", "after_low"]) == (5.72, 3.27)
    assert claims("材料由10份、5天减少到1天、3份。").query("kind == 'count'")["before_low"].isna().all()


def test_no_change_verb_inside_zhi_shao_or_a_province():
    """让群众从至少跑腿 4-5 次减少\\n\\n到 0-1 次 (batch65 doc 01, its sentence cut by the page's blank lines): 至少跑腿 is
    "at least … trips", not 少跑 "fewer trips" and an amount of 4-5; 全省去年新设企业 is the province, not 省去; 新增加3個園區
    (batch65 doc 16) counts parks newly added, not an increase. 少跑腿3次 and 环节增加3个 stay amounts of change."""
    s = _sentence_of("batch65", "01_zj_zhoushan_reform_gains_2019.txt", "至少跑腿")
    assert not claims(s)["quote"].str.contains("少跑腿").any(), claims(s)
    assert claims("全省去年新设企业3000家。").empty
    s = _sentence_of("batch65", "16_hn_key_parks_2020_spun_trad.txt", "新增加3")  # newly added parks, no increase
    assert claims(s).empty, claims(s)
    assert only("审批环节增加3个。").change_low == 3
    assert only("让群众少跑腿3次。").change_low == 3


def test_from_to_with_only_and_a_verb_before_the_after_value():
    """办理次数从至少四次到只跑一次 (batch65 doc 10): 从 A 到 B with 只 and a verb before B is a cut of four trips at
    least to one. Upwards (从3天到只需5天) it is no claim."""
    c = only(_sentence_of("batch65", "10_tj_port_bonded_zone_services.txt", "从至少四次"))
    assert (c.before_low, c.after_low, c.unit, c.direction) == (4, 1, "count:次", "decrease")
    assert claims("从3天到只需5天。").empty


def test_an_amount_saved_already_more_than():
    """節省物流等相關成本已超2億元 (batch66 doc 07): 已 before the value (or before 达) is part of the amount, an amount
    saved of more than 2亿元; 已 before another verb still ends the object (扩大开放综合试点如今已走过5个年头)."""
    s = _sentence_of("batch66", "07_gd_combo_port_jan_jul_2024_trad.txt", "已超2")
    c = claims(s).query("kind == 'money'").iloc[0]
    assert (c.change_low, c.qualifier) == (2e8, "more than")
    assert claims("扩大开放综合试点如今已走过5个年头。").empty


def test_ya_suo_jin_is_cut_to_within():
    """通關時間壓縮進5小時 (batch66 doc 09): 进 right before the value is an after value (cut to within 5 hours),
    not an amount of change; 压缩进口货物通关时间30% and 湖北省进出口总值 keep 进 as the word it begins."""
    s = _sentence_of("batch66", "09_xj_horgos_rail_commentary_2024_trad.txt", "5小時")
    c = claims(s).query("quote.str.contains('壓縮進')").iloc[0]
    assert (c.after_high, c.subject) == (5, "通关时间") and isnan(c.change_low)
    assert only("进一步压缩进口货物通关时间30%。").change_pct_low == 30
    assert claims("湖北省进出口总值3543.5亿元。").empty


def test_suo_xiao_a_money_noun_after_the_value_and_a_procedure_setting():
    """From batch67: 办理时限由20个工作日缩小到3个工作日 (doc 01: 缩小 cuts as 缩短 does); 19家企业节省5000万成本 (doc
    04: the money noun right after a value in 万 makes it yuan); 试点企业在办理…境内支付时,…企业提交材料由一大摞简化为一张纸
    (doc 06: a clause of the procedure itself ending in 时 is no condition, and the before state in words is no part
    of the subject). A clause of a case ending in 时 still makes a condition."""
    c = only(_sentence_of("batch67", "01_nat_cnr_fdi_filing_2016.txt", "缩小到"))
    assert (c.before_low, c.after_low, c.direction) == (20 * 24, 3 * 24, "decrease")
    c = claims(_sentence_of("batch67", "04_gd_nansha_hengqin_rmb_loans_2015.txt", "5000万成本")).query("kind == 'money'")
    assert list(c["change_low"]) == [5e7] and list(c["unit"]) == ["CNY"]
    c = only(_sentence_of("batch67", "06_gd_qianhai_capital_fx_payment_2019.txt", "一大摞"))
    assert (c.after_low, c.subject) == (1, "企业提交材料")
    assert claims("HS编码误填导致归类争议时,需追加商品鉴定,延长3-7个工作日。").empty


def test_values_in_quotation_marks_and_numerals_of_slogans():
    """审批提速:从“半年”到“一个月”的飞跃 (batch68 doc 05, a heading): a quotation mark around a whole value leaves it a
    value, 6 months → 1 month, and the quote takes the closing mark; a numeral inside a quoted slogan (推行“三个一”
    模式, “一网通办”) is still no value."""
    s = real_text("batch68", "05_hb_xiongan_one_seal_blog_2024.txt").split("\n")
    heading = next(line for line in s if line.startswith("审批提速"))
    c = only(heading)
    hours = {w: quantities(w)["value_low"].iloc[0] for w in ("半年", "一个月")}  # the same words unquoted
    assert (c.before_low, c.after_low, c.quote) == (hours["半年"], hours["一个月"], "从“半年”到“一个月”")
    assert claims("推行“三个一”模式,实现“一网通办”。").empty


def test_lists_with_only_nouns_between_their_items_pair_by_classifier():
    """申请材料从2大类3张申请表18个材料要件,减少为1张申请表9个材料要件 (batch69 doc 11): items of a list written one after
    the other with only their nouns between pair up by classifier: forms 3 → 1, documents 18 → 9. Two before
    values of one classifier (3张申请表5张清单) leave the pairing open: no before value is guessed."""
    c = claims(_sentence_of("batch69", "11_cq_gaoxin_yiye_yizheng_2021.txt", "18个材料要件")).set_index("unit")
    assert (c.loc["count:张", "before_low"], c.loc["count:张", "after_low"]) == (3, 1)
    assert (c.loc["count:个", "before_low"], c.loc["count:个", "after_low"]) == (18, 9)
    assert claims("申请材料从3张申请表5张清单18个材料要件,减少为1张申请表9个材料要件。")["before_low"].isna().all()


def test_a_time_spent_then_now_with_no_before_marker():
    """一个项目从立项到竣工验收耗费一年多时间,现在只要100多天就能完成 (batch70 doc 07): with no before word, a time spent
    in the clause right before 现在 and a need word is the before value: more than a year → 100-odd days, the
    subject the before clause's. 现在 without a need word (现在已完成20天的工作) and a larger value after (需要3天,现在只要5天)
    make no claim."""
    c = only(_sentence_of("batch70", "07_fj_pingtan_invest_reform_scrambled_mirror.txt", "耗费一年多"))
    hours = {w: quantities(w)["value_low"].iloc[0] for w in ("一年多", "100多天")}
    assert (c.before_low, c.after_low, c.subject) == (hours["一年多"], hours["100多天"], "一个项目从立项到竣工验收")
    assert claims("项目审批需要30天,现在已完成20天的工作。").empty
    assert claims("审批需要3天,现在只要5天。").empty


def test_a_count_right_after_deng_counts_the_items_listed():
    """…“一口受理”初步探索、“四个一”框架形成、“系统集成”完善提升等三个发展阶段 (batch70 doc 08): 等三个 counts the stages
    listed, no increase of three; an amount of money after 等 (节省快递、仓储、滞箱费等约190万元, the seeds) stays a saving."""
    s = _sentence_of("batch70", "08_fj_pingtan_four_ones_case_book.txt", "等三个")
    assert not claims(s)["quote"].str.contains("等三个").any(), claims(s)
    assert only("节省快递、仓储、滞箱费等约190万元。").change_low == 1.9e6


def test_a_tax_rate_and_a_tax_holiday_formula_are_policy_parameters():
    """企業所得稅率降至15% (batch71 doc 11) and 大陸把平均關稅降到9.7% (doc 09): a rate a policy sets, no effect;
    所得稅優惠(二免三減半 (doc 09): 减半 ends a tax holiday's formula. What a firm paid before and after a tariff
    policy (在零关税之前需要3亿元,在零关税之后只要2亿元, batch33 doc 05) and 路桥费减半 stay claims."""
    for name, fragment in (("11_hn_yangpu_direct_route_cnyes_trad.txt", "稅率降至15%"),
                           ("09_hn_ftp_closure_udn_commentary_trad.txt", "二免三減半"),
                           ("09_hn_ftp_closure_udn_commentary_trad.txt", "降到9.7%")):
        s = _sentence_of("batch71", name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[-3:]).any(), (name, claims(s))
    s = _sentence_of("batch33", "05_hn_zero_tariff_interview.txt", "在零关税之后只要2亿元")
    assert (claims(s)["after_low"] == 2e8).any(), claims(s)
    assert only("路桥费减半。").change_pct_low == 50


def test_half_an_hour_saved_after_sheng_xia_and_shipments_growing():
    """这种通关模式可为每条船省下半小时 (batch72 doc 18): after 省下 the numeral is a number again (not 下半 as in
    下半年), a saving of half an hour whose subject drops 可为; 预计今年全年发货量比去年增加7倍 (doc 11): shipments
    growing are a volume's growth. 下半年 stays no value, and a cut of a reform measure stays a claim."""
    c = only(_sentence_of("batch72", "18_sh_yangshan_border_checks_online_2021.txt", "省下半小时"))
    assert (c.change_low, c.subject) == (quantities("半小时")["value_low"].iloc[0], "这种通关模式")
    s = _sentence_of("batch72", "11_tj_dongjiang_crossborder_ecommerce_double11_2018.txt", "增加7倍")
    assert not claims(s)["quote"].str.contains("发货量").any(), claims(s)
    s = _sentence_of("batch80", "19_hn_ftp_open_economy_xinhua_2022.txt", "翻了一倍")  # a terminal's workload
    assert not claims(s)["quote"].str.contains("作业量").any(), claims(s)
    assert quantities("下半年").empty
    assert only("预计今年全年通关时间比去年缩短3天。").change_low == 72


def test_a_time_spent_a_sentence_back_before_a_contrast():
    """在香港辦理工作簽證時,等了一周時間。而這次辦理…,我只用了10分鐘 (batch72 doc 13) and 新廠完成各項手續至少需一年,。但我們
    簽約3個多月便完成全部開工手續 (batch56 doc 21): a sentence that opens with a contrast (而, 但) and says the time it
    now took answers the time spent in the sentence before: a week → 10 minutes, a year → three-odd months. With
    no contrast, or no time it now takes (但是今年新增了5天的假期), no claim."""
    for batch, name, fragment, before, after in (
            ("batch72", "13_fj_xiamen_port_work_visa_first_2017_trad.txt", "只用了10分鐘", "一周", "10分钟"),
            ("batch56", "21_heb_approval_bureaus_2017_trad.txt", "便完成全部開工", "一年", "3个多月")):
        text = real_text(batch, name)
        end = text.index(fragment) + len(fragment)
        prev_end = text.rindex("。", 0, end)  # the sentence before the after value's, to the line's start at most
        start = max(text.rfind("。", 0, prev_end), text.rfind("\n", 0, prev_end)) + 1
        c = claims(text[start:end]).iloc[0]
        assert (c.before_low, c.after_low) == (quantities(before)["value_low"].iloc[0], quantities(after)["value_low"].iloc[0])
    assert claims("审批需要3天。但是今年新增了5天的假期。").empty
    assert claims("审批需要30天。现在公司规模只有5天的库存。").empty


def test_yuan_jia_and_a_price_after_an_event():
    """原價60萬元的寶馬X5,海南封關后報價僅35萬元 (batch74 doc 04): 原价 (the original price) is a before word, and 后 that
    ends an event's clause, a noun of two characters (报价) and 仅 mark the after value: 60万 → 35万 yuan, the
    subject the car. The price after the event alone states no change."""
    c = claims(_sentence_of("batch74", "04_hn_zero_tariff_cars_21cbh_2025_trad.txt", "原價60萬元"))
    c = c[c["quote"].str.startswith("60萬元的寶馬X5")].iloc[0]
    assert (c.before_low, c.after_low, c.subject) == (6e5, 3.5e5, "宝马X5")
    assert claims("海南封关后报价仅35万元。").empty


def test_the_past_decade_is_no_baseline_and_sales_volumes_grow():
    """…可能因3天的银行审核期就错失交易窗 口,甚至影响企业信誉——这是过去十年中国离岸贸易企业的普遍困境 (batch73 doc 09): years
    right after 过去 are the period looked back over, not a before value; 平行汽车销售量增加5倍 (doc 05): sales
    volumes growing. A baseline after the new value (只用了5个工作日,比以往20个工作日) stays a claim."""
    for name, fragment in (("09_sh_lingang_offshore_trade_jfrb_2025.txt", "过去十年"),
                           ("05_gd_nansha_parallel_cars_2017.txt", "销售量增加5倍")):
        s = _sentence_of("batch73", name, fragment)
        assert claims(s).empty, (name, claims(s))
    c = only("只用了5个工作日,比以往20个工作日。")
    assert (c.before_low, c.after_low) == (20 * 24, 5 * 24)


def test_importing_firms_batches_and_facilities_growing_are_growth():
    """河口口岸药材进口企业由1户增加至13户,备案进口药材由8个品种、49个批次增加至10个品种、147个批次 (batch73 doc 02): more firms
    importing, more varieties and batches; 实验和办公设施比最初的建设扩大了十倍 (doc 01): growth of capacity, no reform
    effect. Fewer inspection batches stay a claim."""
    for name, fragment in (("02_yn_honghe_medicine_licence.txt", "由1户增加至13户"),
                           ("01_sh_usp_company_clearance.txt", "扩大了十倍")):
        s = _sentence_of("batch73", name, fragment)
        assert claims(s).empty, (name, claims(s))
    assert only("查验批次由20个减少到5个。").after_low == 5


def test_money_written_without_yuan_in_a_clause_about_money():
    """现在物流成本由原来的每年1400多万降至现在的720万 (batch73 doc 10): values that end with 万 and no unit, in a clause
    that names 成本, are yuan; the same values in a clause about people, or after a cost named in another clause,
    are no money."""
    s = _sentence_of("batch73", "10_tj_customs_copy_sh_ftz_samsung_2014.txt", "720万")
    c = claims(s)
    c = c[c["quote"].str.contains("1400多万")].iloc[0]
    assert (c.kind, c.unit, c.direction) == ("money", "CNY", "decrease")
    assert (c.before_low, c.after_low) == (parse_number("1400万")[0], parse_number("720万")[0])
    assert "more than" in c.qualifier
    assert claims("服务人口由1400万增至1500万。").empty
    assert claims("物流成本下降,服务人口由1400万增至1500万。").empty


def test_a_saving_in_wan_with_no_object_is_money():
    """每年就可為出口企業節省超千萬 (batch53 doc 15): a verb of saving, then a value in 万 and the clause's end, saves
    yuan; 减少 (fewer) before such a value says nothing of its unit."""
    s = _sentence_of("batch53", "15_gd_qianhai_customs_half_year_trad.txt", "節省超千萬")
    c = claims(s)
    c = c[c["quote"].str.contains("節省超千萬")].iloc[0]
    assert (c.kind, c.unit, c.change_low, c.per) == ("money", "CNY", parse_number("超千万")[0], "year")
    assert claims("每年可减少超千万。").empty


def test_two_digits_of_a_rough_range_joined_by_a_list_comma():
    """由二、三天節省為六、七小時 (batch60 doc 11, a 2005 text): 二、三天 is 两三天 (2 to 3 days), 六、七小时 6 to 7 hours.
    Of other units such digits are ordinals (马来西亚、缅甸分列二、三位, batch41 doc 18), and at a line's start
    二、 numbers a heading (batch1 doc 20: 二、三类园区试点成效)."""
    s = _sentence_of("batch60", "11_js_suzhou_bonded_logistics_centre_2005_trad.txt", "二、三天")
    c = claims(s).iloc[0]
    two_three, six_seven = quantities("两三天").iloc[0], quantities("六七小时").iloc[0]
    assert (c.before_low, c.before_high) == (two_three.value_low, two_three.value_high)
    assert (c.after_low, c.after_high) == (six_seven.value_low, six_seven.value_high)
    ranks = quantities(_sentence_of("batch41", "18_yn_hekou_port_trade_2010.txt", "分列二、三位"))
    assert "三位" in set(ranks["quote"]) and "二、三位" not in set(ranks["quote"])
    assert "二、三天" not in set(quantities("先行区成效明显。\n二、三天内办结的事项")["quote"])
    assert "一、二、三天" not in set(quantities("分为一、二、三天")["quote"])


def test_a_rate_per_hour():
    """门机集装箱装船效率由16自然箱/小时提高到20自然箱/小时 (batch60 doc 03): containers counted one by one (自然箱) per hour."""
    s = _sentence_of("batch60", "03_gx_qinzhou_port_100m_tonnes_2021.txt", "门机集装箱装船效率")
    c = claims(s)
    c = c[c["quote"].str.contains("门机")].iloc[0]
    before, after = quantities("16自然箱/小时").iloc[0], quantities("20自然箱/小时").iloc[0]
    assert (c.unit, c.per, c.direction) == ("count:自然箱", "hour", "increase")
    assert (c.before_low, c.after_low) == (before.value_low, after.value_low) and before.per == "hour"


def test_places_moved_in_a_paragraph_that_names_a_rank():
    """…排名前十位的依次是…。…变化较大的是重庆(上升2位)和江苏苏州(上升3位) (batch82 doc 06): places in a ranking
    named a sentence before; more people (技术人员增加了3位) with no rank in the paragraph stay a count."""
    text = real_text("batch82", "06_nat_ftz_innovation_index_2025.txt")
    line = next(x for x in text.splitlines() if "上升2位" in x)
    assert claims(line).empty, claims(line)
    assert only("技术人员增加了3位。").change_low == 3


def test_a_subject_ends_before_the_time_it_took():
    """一批服装仅用5小时就走完了原本需要两三个工作日 (batch19 doc 21): the subject is what took the time (一批服装), not
    its verb (仅用, 只花, 只要)."""
    s = _sentence_of("batch19", "21_sh_customs_ftz_reforms_2015.txt", "一批服装仅用5小时")
    c = claims(s)
    assert c[c["quote"].str.contains("一批服装")].iloc[0].subject == "一批服装"
    assert only("企业开办只花了3个工作日,比以往的20个工作日大大缩短。").subject == "企业开办"


def test_costs_cut_as_jiang_ben_zeng_xiao():
    """21项制度创新成果…为企业带来了实实在在的好处与便利,降本增效超过3000万元 (batch52 doc 20): 降本增效 (costs cut,
    efficiency raised) with a sum of money is a saving of it; with no figure it states none."""
    s = _sentence_of("batch52", "20_hun_yueyang_proposal_reply.txt", "降本增效超过")
    c = claims(s)
    c = c[c["quote"].str.contains("降本增效")].iloc[0]
    assert (c.kind, c.direction, c.change_low) == ("money", "decrease", quantities("3000万元").iloc[0].value_low)
    assert "more than" in c.qualifier
    assert claims("切实为企业降本增效。").empty


def test_a_volume_named_by_liang_alone_in_its_sentence_is_growth():
    """与半年前相比,从白云机场入境的电商直购包裹量提升了1倍 (batch59 doc 03): a subject ending in 量 (parcels) that grows, in
    a sentence of no other claim, is volume growth; in a sentence that states the reform's effects (the written
    held-out batch8, 通关时间由两天半压缩至5个半小时,…年进口量增加了一倍) the growth is tied to it and stays. 抽样量 cut
    stays a claim, and so does 质量 (quality)."""
    s = _sentence_of("batch59", "03_gd_baiyun_nansha_cross_border_ecommerce_2018.txt", "包裹量提升了1倍")
    assert not claims(s)["quote"].str.contains("包裹量").any(), claims(s)
    tied = held_sentence("extract_heldout_batch8.csv", "b8-21")
    assert claims(tied)["quote"].str.contains("年进口量").any()
    assert only("企业抽样量减少了2/3。").direction == "decrease"
    assert only("通关质量提升了20%。").change_pct_low == 20


def test_a_change_after_jinhou_is_a_projection():
    """今后重庆及西部地区的货物出口…,将至少可节约10天左右的时间,物流成本也将降低10%左右 (batch51 doc 16, a rail-sea train
    that has just started): what a running service will bring, claims with the qualifier ``expected``; a level to
    reach after 今后, or a push (今后将进一步压缩…), stays a target."""
    s = _sentence_of("batch51", "16_cq_guoyuan_nansha_rail_sea_2022_trad.txt", "將至少可節")
    c = claims(s)
    assert len(c) == 2 and c["qualifier"].str.contains("expected").all(), c
    assert c.iloc[0].change_low == quantities("10天").iloc[0].value_low and c.iloc[1].change_pct_low == 10
    assert claims("今后审批时间将压缩至3天。").empty
    assert claims("今后将进一步压缩审批时间50%。").empty


def test_more_people_served_is_throughput_unless_a_rate_of_a_measure():
    """日均查验旅客由原来3000人提升至6000人 (batch52 doc 16): more travellers inspected a day is throughput, no reform
    effect; 邮轮现场整体通关效率从首航的832人/小时提升至2000人/小时 (batch78 doc 01) is a clearance rate, a measure a reform
    raises, and stays."""
    s = _sentence_of("batch52", "16_yn_jinshuihe_port.txt", "日均查验旅客")
    assert not claims(s)["quote"].str.contains("查验旅客").any(), claims(s)
    c = claims(_sentence_of("batch78", "01_hn_sanya_cruise_clearance_2024.txt", "832人"))
    c = c[c["quote"].str.contains("832人")].iloc[0]
    assert (c.before_low, c.after_low, c.per) == (quantities("832人").iloc[0].value_low,
                                                   quantities("2000人").iloc[0].value_low, "hour")


def test_a_time_as_a_plain_fraction_of_the_old_one():
    """只要相关材料完备,原则上最快仅需11日,即可完成全部流程,用时约为原来的1/5 (batch83 doc 06): 用时 (the time taken) is a
    measure, and 为/约为 before 原来的 and a fraction says it is now that fraction of what it was, an 80 % cut — what the
    procedure brings once its condition (只要…) is met, its consequent (即可) stated before the claim; 为 without a
    before marker is a share (审批用时为全国平均的1/5 compares with elsewhere), and a claim inside a 只要 condition
    before its consequent stays none (只要审批用时为原来的1/5,就可以申请). A rate raised (提升一线工作效率) has no
    time as its level in the next clause (batch19 doc 06: 交通工具登临检疫平均用时55.8分钟,比原来缩短一半)."""
    s = _sentence_of("batch83", "06_sh_pudong_simple_deregistration_2021.txt", "用时约为原来的1/5")
    c = claims(s)
    c = c[c["quote"].str.contains("1/5")].iloc[0]
    assert (c.direction, c.change_pct_low) == ("decrease", 100 - quantities("1/5").iloc[0].value_low)
    assert claims("审批用时为全国平均的1/5。").empty
    assert claims("只要审批用时为原来的1/5,就可以申请奖励。").empty
    s = _sentence_of("batch19", "06_zj_ningbo_health_port_five_years_2019.txt", "登临检疫平均用时")
    assert (claims(s)["direction"] == "decrease").all(), claims(s)


def test_a_need_a_few_words_before_the_value_one_sentence_back():
    """過去企業在申報進口時,需要一次性完成105個項目的申報,…。而在改革試點的「兩步申報」模式下,…最少僅需填報9個項目
    (batch83 doc 04): a need verb a few words before the value (需要一次性完成) still states what it took, the
    before value of the contrast's smaller value. A count in the contrast that nothing needs stays none."""
    text = real_text("batch83", "04_gd_shekou_two_step_pilot_2019_trad.txt")
    start = text.index("過去企業在申報進口時")
    c = claims(text[start:text.index("不必等到", start)])
    c = c[c["quote"].str.contains("105個")].iloc[0]
    assert (c.before_low, c.after_low, c.direction) == (quantities("105个").iloc[0].value_low,
                                                        quantities("9个").iloc[0].value_low, "decrease")
    assert claims("过去企业需要一次性完成105个项目的申报。而园区今年共有9个项目。").empty


def test_fees_cut_and_goods_picked_up_earlier():
    """經測算,以上沿海港口引航機構減費金額約每年3.2億元 (batch85 doc 08): 减费 (fees cut) is a change verb of money; 在此模式下,
    進口企業可提前6天至13天提貨 (batch85 doc 02): goods that can now be picked up (提货) that much earlier is time saved,
    while 可提前3天申报 stays a lead time a rule allows."""
    s = _sentence_of("batch85", "08_nat_port_charges_merged_2022_trad.txt", "減費金額")
    c = claims(s)
    c = c[c["quote"].str.contains("減費")].iloc[0]
    assert (c.kind, c.direction, c.change_low, c.per) == ("money", "decrease", quantities("3.2亿元").iloc[0].value_low, "year")
    s = _sentence_of("batch85", "02_ln_jinzhou_iron_ore_release_before_inspection_trad.txt", "提前6天至13天提貨")
    c = claims(s)
    c = c[c["quote"].str.contains("提前6天")].iloc[0]
    span = quantities("6天至13天").iloc[0]
    assert (c.direction, c.change_low, c.change_high) == ("decrease", span.value_low, span.value_high)
    assert claims("企业可提前3天申报。").empty


def test_zai_is_a_to_word_only_right_before_the_value():
    """累计为约3.1万余艘外籍船舶缩短在港靠泊时间5.1万余小时 (batch87 doc 08): 在港 is "at port", the value the amount cut
    (5.1万余小时 less), not the level reached; 压缩在6小时以内 reaches a level."""
    s = _sentence_of("batch87", "08_zj_border_exit_entry_measures_2025.txt", "5.1万余小时")
    c = claims(s)
    c = c[c["quote"].str.contains("5.1万余小时")].iloc[0]
    assert c.change_low == quantities("5.1万余小时").iloc[0].value_low and isnan(c.after_low)
    assert only("通关时间压缩在6小时以内。").after_high == 6


def test_xiangjiao_is_a_comparison_and_an_index_rising_is_growth():
    """2024年该指数为161.15,相较2023年提高12.80% (batch86 doc 16, a finance index): 相较 (compared with) states the
    baseline as 相比 does, and an index rising is growth, no reform effect; 全程运行时间相较公路运输减少1至2天
    (batch68 doc 14) keeps its subject whole."""
    s = _sentence_of("batch86", "16_hn_ftp_finance_index_imi_2025.txt", "相较2023年提高12.80%")
    assert claims(s).empty, claims(s)
    s = _sentence_of("batch68", "14_yn_china_laos_rail_theme_day_2023.txt", "相较公路运输减少1至2天")
    c = claims(s)
    assert c[c["quote"].str.contains("减少1至2天")].iloc[0].subject == "全程运行时间"
    assert only("通关时间相较于去年缩短12.8%。").subject == "通关时间"


def test_a_stock_built_up_to_a_stated_total_and_machines_added_are_growth():
    """泊位增加379個、總量達2971個 (batch90 doc 05) is a stock built up to the total its next clause states, and
    岸边桥吊从2台变成8台 (batch90 doc 07) machines added: growth, no reform effect. A cut stays a claim before a
    total (审批事项减少12项,累计达到80项), and so does an increase when 累计 opens no total (效率提升61%;累计为企业
    节省…, batch10 doc 01; 试点企业由首批的12家扩大到86家, the written held-out batch3 b3-34); machines cut stay."""
    s = _sentence_of("batch90", "05_nat_ports_report_qingdao_anchorage_2025_trad.txt", "泊位增加379個")
    assert not claims(s)["quote"].str.contains("泊位").any(), claims(s)
    s = _sentence_of("batch90", "07_gx_qinzhou_bonded_port_sea_rail_2019.txt", "岸边桥吊从2台变成8台")
    assert claims(s).empty, claims(s)
    s = _sentence_of("batch10", "01_zj_zhoushan_zhengzhao_fenli_2018.txt", "效率提升61%")
    c = claims(s)
    assert c[c["quote"] == "效率提升61%"].iloc[0].change_pct_low == 61
    assert only("审批事项减少12项,累计达到80项。").change_low == 12
    assert only("试点企业由首批的12家扩大到86家，累计为企业节省资金约3.6亿元。".split("，累计")[0] + "。").after_low == 86
    assert only("查验设备由5台减少至2台。").after_low == 2


def test_a_baseline_compared_with_is_the_before_value_of_a_percent_change():
    """平均周期为4.2个月,较2019年的7.8个月缩短45% (batch93 doc 01): the value given with 较 is the before value of the
    percent change, beside its level; so with no level (较2018年的8.5天减少了88%), but not when the percent is of
    a speed (较国务院要求的8.5个工作日提速近一半, batch10 doc 06) or disagrees with the level."""
    s = _sentence_of("batch93", "01_nat_enterprise_deregistration_timeline_2025.txt", "较2019年的7.8个月")
    c = claims(s)
    c = c[c["quote"].str.contains("缩短45%")].iloc[0]
    assert c.before_low == quantities("7.8个月").iloc[0].value_low
    assert c.after_low == quantities("4.2个月").iloc[0].value_low and c.change_pct_low == 45 and c.unit == "h"
    r = only("企业开办时间较2018年的8.5天减少了88%。")
    assert r.before_low == quantities("8.5天").iloc[0].value_low and r.change_pct_low == 88 and r.unit == "h"
    s = _sentence_of(B10, "06_hb_wuhan_zhengzhao_fenli_2019.txt", "提速近一半")
    c = claims(s)
    assert isnan(c[c["quote"].str.contains("提速近一半")].iloc[0].before_low)
    assert isnan(only("整体通关时间为30.56小时,较2017年的100小时压缩20%。").before_low)


def test_an_aside_in_brackets_inside_a_range():
    """成本可節省八百元(人民幣,下同)至一千元 (batch99 doc 05): the aside between a range's first value and 至 leaves
    one range, a saving of 800 to 1000 yuan; an aside with a figure in it does not (5天(2019年)至10天)."""
    s = _sentence_of("batch99", "05_gx_yn_hanoi_road_transport_launch_2025_trad.txt", "成本可節省八百元")
    c = claims(s)
    c = c[c["quote"].str.contains("八百元")].iloc[0]
    lo, hi = quantities("八百元").iloc[0].value_low, quantities("一千元").iloc[0].value_low
    assert (c.change_low, c.change_high, c.unit) == (lo, hi, "CNY") and c.quote.endswith("至一千元")
    assert len(quantities("5天(2019年)至10天")) == 2


def test_work_started_earlier_is_a_saving_unless_it_is_what_one_may_do():
    """平均每個項目提前開工30天 (batch98 doc 01): work started 30 days earlier, an effect as 此举可使项目提前开工60天 is;
    企业可提前开工30天 (what a firm may do) and 可提前3天申报 stay lead times."""
    s = _sentence_of("batch98", "01_ah_hefei_hitech_project_service_trad.txt", "提前開工30天")
    c = claims(s)
    c = c[c["quote"].str.contains("提前開工30天")].iloc[0]
    assert c.change_low == quantities("30天").iloc[0].value_low and c.direction == "decrease"
    assert claims("企业可提前开工30天。").empty and claims("企业可提前3天申报。").empty


def test_the_kinds_of_goods_a_list_covers_growing_is_its_scope():
    """免税商品项目也从约1900项扩大至6600多项 (batch100 doc 11) and 覆盖税目从约1900个增至约6600个 (batch61 doc 06): the
    goods a policy's list covers, their number growing, is the list's scope, no reform effect; fewer kinds of goods
    to declare stays a cut, and items of a reform widened (the seeds' 归集信息事项从1249项拓展至3441项) stay."""
    for batch, name, fragment in (("batch100", "11_hi_abc_chinese_customs_closure_2026.txt", "1900项扩大至"),
                                  ("batch61", "06_hn_fengguan_island_wide_policy_core.txt", "1900个增至")):
        s = _sentence_of(batch, name, fragment)
        assert not claims(s)["quote"].str.contains(fragment).any(), claims(s)
    assert only("进口商品种类由200种减少到50种。").after_low == 50
    assert only("归集信息事项从1249项拓展至3441项。").after_low == 3441


def test_a_measure_cut_to_a_fraction_is_a_percent_cut():
    """…注册一个企业需要20多天,如今时间缩短至1/3 (batch101 doc 04): a time cut to a third of what it took, a 66.7 % cut
    as 压缩至原来的1/3 is, no level of 33 %; a rate cut to a fraction stays a level."""
    s = _sentence_of("batch101", "04_nat_ftz_forum_experts_2019.txt", "缩短至1/3")
    c = claims(s)
    c = c[c["quote"].str.contains("缩短至1/3")].iloc[0]
    third = quantities("1/3").iloc[0].value_low
    assert c.change_pct_low == pytest.approx(100 - third) and isnan(c.after_low)
    assert only("审批时间压缩至一半。").change_pct_low == 100 - quantities("一半").iloc[0].value_low
    assert only("通过率下降至1/3。").after_low == pytest.approx(third)


def test_a_verb_its_measure_then_the_after_value():
    """精简整合企业开办流程为1个环节,压减开办耗时至1个工作日(8小时)以内 (batch103 doc 15): a verb, then its object naming a
    measure, then 为/至 and the value is the measure's after value; a one-character verb does not open it (云南省口岸…
    通关时间为14.02小时: 省 is the province)."""
    s = _sentence_of("batch103", "15_sc_chengdu_online_services_epidemic_2020.txt", "压减开办耗时")
    c = claims(s)
    steps = c[c["quote"].str.contains("企业开办流程为1个环节")].iloc[0]
    assert steps.after_low == quantities("1个环节").iloc[0].value_low and steps.subject == "企业开办流程"
    time = c[c["quote"].str.startswith("压减开办耗时至")].iloc[0]
    assert time.after_low == quantities("1个工作日").iloc[0].value_low and time.direction == "decrease"
    assert claims("云南省口岸出口整体通关时间为0.12小时。").empty


def test_a_speed_raised_in_minutes_is_a_time_cut():
    """出厂速度从原先的3分钟左右提升为1分钟左右 (batch102 doc 02): a speed raised whose values are times, 3 → 1 minute, a
    cut of the time (运行速度从13天缩短至11天 names the time with its cut verb, batch55 doc 10); 让我们提前15天施工
    (batch102 doc 05): construction started 15 days earlier because of the measure."""
    s = _sentence_of("batch102", "02_zj_ningbo_bonded_zone_customs_containers_2021.txt", "出厂速度")
    c = claims(s)
    c = c[c["quote"].str.contains("提升为1分钟")].iloc[0]
    assert (c.before_low, c.after_low) == (quantities("3分钟").iloc[0].value_low, quantities("1分钟").iloc[0].value_low)
    assert c.direction == "decrease"
    s = _sentence_of("batch55", "10_hen_zhengzhou_europe_train_two_years_2015.txt", "运行速度从13天")
    c = claims(s)
    assert c[c["quote"].str.contains("13天缩短至11天")].iloc[0].before_low == quantities("13天").iloc[0].value_low
    s = _sentence_of("batch102", "05_js_lianyungang_msa_permit_2024.txt", "提前15天施工")
    c = claims(s)
    assert c[c["quote"].str.contains("提前15天")].iloc[0].change_low == quantities("15天").iloc[0].value_low


def test_the_size_of_a_change_in_the_next_clause_is_the_same_claim():
    """514项政务事项承诺办理时限平均缩减14个工作日,压缩率达72% (batch103 doc 13): the cut and its size in percent are one
    claim, and so are a before/after and its 降幅 (从6小时压缩至1小时,降幅达80%, batch7 doc 15); a volume's 增幅 after
    its growth stays no claim."""
    s = _sentence_of("batch103", "13_hb_wuhan_four_ban_reform_jjrb_2019.txt", "压缩率达72%")
    c = claims(s)
    c = c[c["quote"].str.contains("压缩率达72%")]
    assert len(c) == 1 and c.iloc[0].change_low == quantities("14个工作日").iloc[0].value_low
    assert c.iloc[0].change_pct_low == 72
    s = _sentence_of("batch7", "15_xj_horgos_rail_port_2025.txt", "降幅达80%")
    c = claims(s)
    c = c[c["quote"].str.contains("降幅达80%")].iloc[0]
    assert (c.before_low, c.after_low, c.change_pct_low) == (6, 1, 80)
    assert claims("进出口额增长5亿元,增幅达20%。").empty


def test_working_hours_are_hours():
    """由市上规定的8个工作小时压缩到了4个工作小时 (batch8 doc 03): 工作小时, hours of office time, is a duration in hours,
    not a count of 个."""
    s = _sentence_of("batch8", "03_sc_tianfu_service_hall_2020.txt", "8个工作小时")
    c = claims(s)
    c = c[c["quote"].str.contains("8个工作小时")].iloc[0]
    assert (c.before_low, c.after_low, c.unit) == (8, 4, "h")


def test_a_goal_the_work_follows_is_no_target_and_measures_counted_are_no_change():
    """按照“办理环节最少、办理时限最短、申请材料最少”的目标,武汉…缩减14个工作日 (batch103 doc 13): the goal the work follows
    opens the sentence, the figures after it are what was done; a figure inside such a phrase, or after 力争, stays a
    target. 增加了77项济南市自主创新措施 (batch11 doc 13) counts the measures themselves, no change."""
    s = _sentence_of("batch103", "13_hb_wuhan_four_ban_reform_jjrb_2019.txt", "压缩率达72%")
    assert claims(s)["quote"].str.contains("缩减14个工作日").any(), claims(s)
    assert claims("按照到2025年审批时限压缩至50个工作日的目标,持续推进改革。").empty
    assert claims("按照目标,力争审批时限压缩至50个工作日。").empty
    s = _sentence_of("batch11", "13_sd_jinan_area_first_months_2019.txt", "增加了77项")
    assert claims(s).empty, claims(s)
    assert only("申请材料减少了5项。").change_low == 5


def test_dates_indices_compounds_and_quoted_slogans_of_batch104():
    """Four false claims of batch104's first run: 座谈会16日在此间召开 (doc 11) is the day of a meeting, a place with 在 between
    the day and its event, not 16 days 加快; 空气质量综合指数下降44.1% (doc 04) is an index, no reform's measure; 累计精简调整各类
    事项环节363项 (doc 12) counts matters streamlined or adjusted, no direction; “…提高效能、方便企业和群众”三个环节 (doc 05)
    counts the slogan's parts. Durations in 日 and the claims beside them stay."""
    b = "batch104"
    for name, fragment in (("11_gd_hengqin_macao_projects_measures_2015.txt", "座谈会16日"),
                           ("04_tj_binhai_coastal_city_2019.txt", "综合指数下降44.1%"),
                           ("12_fj_xiamen_engineering_approval_reform_service.txt", "精简调整各类事项环节363项"),
                           ("05_fj_xiamen_admin_service_center_2016.txt", "三个环节")):
        s = _sentence_of(b, name, fragment)
        assert fragment in s and not claims(s)["quote"].str.contains(fragment[-3:]).any(), claims(s)
    s = _sentence_of(b, "12_fj_xiamen_engineering_approval_reform_service.txt", "精简调整各类事项环节363项")
    assert claims(s)["change_pct_low"].tolist() == [quantities(p).iloc[0].value_low for p in ("94.6%", "77%")]
    assert only("审批时限由20日缩短至5日。").before_low == quantities("20日").iloc[0].value_low
    assert only("精简审批事项363项。").change_low == 363
    assert only("“减少审批、提高效能”以来,审批时间缩短3个工作日。").change_low == quantities("3个工作日").iloc[0].value_low


def test_a_year_after_er_zhi_is_a_story_told_not_a_deadline():
    """而至2021年11月,浦东新区出台的《若干规定》,再次将简易注销登记公告时限缩减至10日 (batch83 doc 06): 而至 + a year tells what
    happened next, no deadline that makes the figure a target (到2025年…压缩至 stays one); 再次将 is no subject."""
    s = _sentence_of("batch83", "06_sh_pudong_simple_deregistration_2021.txt", "再次将简易注销")
    c = only(s)
    assert (c.after_low, c.subject) == (quantities("10日").iloc[0].value_low, "简易注销登记公告时限")
    assert claims("到2025年,浦东新区将简易注销登记公告时限缩减至10日。").empty


def test_rules_from_batches_106_and_107():
    """First-run misses and false claims of batches 106–107, read from their texts: a before count the percent implies
    (420项申请材料,…容缺要件压缩至 237个,压缩率为43.6%); 省下放 is the province delegating, no 省下; approval matters cut from the
    government's list with no before value are its size (精简了行政审批事项22项); departments and service items of a
    platform growing are coverage (…市级部门从39家增加到72家,…分别提升84.6%、89.9%); 将重点推进 and “通知”要求,今年将 open
    plans; 原本需要5个工作日的工商变更当天办结 is 5 working days → the same day."""
    s = _sentence_of("batch107", "01_sd_qingdao_approval_reform_2013.txt", "容缺要件压缩至")
    c = claims(s)
    c = c[c["quote"].str.contains("压缩率为43.6%")].iloc[0]
    assert (c.before_low, c.after_low) == (quantities("420项").iloc[0].value_low, quantities("237个").iloc[0].value_low)
    assert not claims(_sentence_of("batch107", "01_sd_qingdao_approval_reform_2013.txt", "省下放的38项"))["quote"] \
        .str.contains("省下放").any()
    assert only("每年可为企业省下200万元。").change_low == quantities("200万元").iloc[0].value_low
    s = _sentence_of("batch107", "07_bj_parallel_approval_haidian_tongban_2014.txt", "精简了行政审批事项22项")
    assert not claims(s)["quote"].str.contains("22项").any(), claims(s)
    assert only("行政审批事项由113项精简到59项。").before_low == 113
    for name, fragment in (("11_zj_hangzhou_internet_gov_service_2020.txt", "从39家增加到72家"),
                           ("04_sc_chengdu_gaoxin_2019_goals.txt", "缩减企业开办时间至4个工作日"),
                           ("16_cq_gov_service_work_points_2020.txt", "比法定时限平均减少70%")):
        s = _sentence_of("batch106", name, fragment)
        assert claims(s).empty, claims(s)
    s = _sentence_of("batch106", "03_sc_chengdu_xindu_relocation_service_2025.txt", "当天办结")
    c = only(s)
    assert (c.before_low, c.after_high, c.subject) == (quantities("5个工作日").iloc[0].value_low, 24, "工商变更")


def test_rules_from_batches_105_and_108():
    """First-run misses and false claims of batches 105 and 108, read from their texts: a level, then the old value it is
    compared with and a verb that ends the clause (进口平均通关时间5.82小时,较去年38.08小时大幅缩减); an after count after the
    list of steps it counts (缩减为受理报装、装表通水2个环节); a second labelled after value of one before value (…压缩至出让地
    项目审批23个工作日、划拨地项目审批25个工作日); 现 opening a clause is now (现“保税物流一日游”仅4至6小时); what is kept after
    a cut (削减后保留的301项), a headline's 要减少二成, persons against departments (20余名工作人员承担原来21个职能部门) and a
    notice's provisions (…通知如下: …简化为…2个环节) are no claims."""
    c = only(_sentence_of("batch108", "03_sd_rizhao_customs_import_clearance_2017.txt", "较去年38.08小时"))
    assert (c.before_low, c.after_low) == (quantities("38.08小时").iloc[0].value_low, quantities("5.82小时").iloc[0].value_low)
    assert c.direction == "decrease" and c.subject.endswith("进口平均通关时间")
    assert claims("进口平均通关时间5.82小时,较去年2小时大幅缩减。").empty  # the values disagree with the verb
    c = only(_sentence_of("batch108", "06_gd_guangzhou_water_huangpu_2021.txt", "装表通水2个环节"))
    assert (c.after_low, c.subject) == (2, "办理流程")
    assert claims("将办理流程缩减为受理报装、装表通水2天。").empty  # a list before a time counts nothing
    s = _sentence_of("batch105", "11_hun_changsha_planning_approval_2016.txt", "划拨地项目审批25个工作日")
    c = claims(s)
    assert c["before_low"].tolist() == [quantities("109个工作日").iloc[0].value_low] * 2
    assert c["after_low"].tolist() == [quantities(x).iloc[0].value_low for x in ("23个工作日", "25个工作日")]
    c = only("如以前一个集装箱需要4至6天,现“保税物流一日游”仅4至6小时。")
    assert (c.before_low, c.after_low) == (quantities("4至6天").iloc[0].value_low, quantities("4至6小时").iloc[0].value_low)
    for name, fragment in (("04_ln_shenyang_approval_halls_2002.txt", "削减后保留的301项"),
                           ("11_hun_changsha_planning_approval_2016.txt", "缓办案卷要减少二成"),
                           ("12_hun_changsha_furong_approval_bureau_2017.txt", "20余名工作人员")):
        s = _sentence_of("batch105", name, fragment)
        assert not claims(s)["quote"].str.contains(fragment[-3:]).any(), claims(s)
    assert claims(real_text("batch108", "07_sd_zaozhuang_water_notice_2021.txt")).empty


def test_rules_from_batches_109_111_and_112():
    """Misses and false claims of batches 109, 111 and 112, read from their texts: a headline's 超九成事项 is a share of the
    matters, no 90 % cut; 以前, as a clause of its own, then the work, then 需要 and the value is the baseline after the new
    value (才两天就办妥了,以前,办此事要走的程序,需要10个工作日才能完成); an old value in brackets after its measure
    (较《通知》出台前的平均办理时间(约1个工作日)大幅缩短); a speed-up of more than 100 % on a time is the speed's rise
    (较2018年6.01天提速202.01%); names in single quotes (‘两地两检’…简化为‘一次排队…’); 帮助企业提前1—2天配送运输."""
    s = _sentence_of("batch109", "02_fj_changle_approval_time_limits_2017.txt", "超九成事项")
    assert not claims(s)["quote"].str.contains("九成").any(), claims(s)
    assert only("审批时间压缩九成。").change_pct_low == quantities("九成").iloc[0].value_low
    s = _sentence_of("batch109", "02_fj_changle_approval_time_limits_2017.txt", "才两天就办妥了")
    c = only(s)
    assert (c.before_low, c.after_low) == (quantities("10个工作日").iloc[0].value_low, quantities("两天").iloc[0].value_low)
    s = _sentence_of("batch111", "06_nat_trade_forex_management_optimised_2024.txt", "约1个工作日")
    c = claims(s)
    c = c[c["quote"].str.contains("大幅缩短")].iloc[0]
    assert (c.before_low, c.after_high) == (quantities("1个工作日").iloc[0].value_low, quantities("15分钟").iloc[0].value_low)
    s = _sentence_of("batch111", "08_zj_pinghu_export_tax_refund_2020.txt", "提速202.01%")
    c = only(s)
    assert (c.change_pct_low, c.direction) == (quantities("202.01%").iloc[0].value_low, "increase")
    s = _sentence_of("batch112", "02_gd_hengqin_port_one_stop_lanes_2024.txt", "两地两检")
    assert not claims(s)["quote"].str.contains("两地两检").any(), claims(s)
    s = _sentence_of("batch112", "03_fj_xiamen_customs_35_measures_2024.txt", "提前1—2天")
    c = claims(s)
    assert c[c["quote"].str.contains("提前1—2天")].iloc[0].change_high == quantities("2天").iloc[0].value_low


def test_rules_from_batches_115_and_116():
    """Misses of batches 115 and 116, read from their texts: a target reached whose figure is the only one its sentence
    states is what was achieved (试点地区实现了…由平均200多个工作日压减至120个工作日的目标); one beside the figure
    measured (缩短42.7%,实现压缩三分之一目标) or set by someone (超额完成国务院要求…压缩一半的目标) stays a target; 最多 before
    a Chinese numeral is at most (最多九个环节压缩为一个环节)."""
    s = _sentence_of("batch116", "01_nat_construction_approval_pilot_2019.txt", "200多个工作日")
    c = claims(s)
    c = c[c["quote"].str.contains("压减至120个工作日")].iloc[0]
    assert (c.before_low, c.after_low) == (quantities("200多个工作日").iloc[0].value_low,
                                           quantities("120个工作日").iloc[0].value_low)
    s = _sentence_of("batch115", "04_js_suzhou_xiangcheng_industry_licence_2019.txt", "审批时限缩减90%")
    assert claims(s)["change_pct_low"].tolist() == [quantities(p).iloc[0].value_low for p in ("54%", "90%")]
    assert only("出口整体通关时间缩短42.7%,实现压缩三分之一目标。").change_pct_low == 42.7
    assert claims("超额完成国务院要求较2017年压缩一半的目标。").empty
    s = _sentence_of("batch116", "08_tj_ecocity_one_set_of_materials_2022.txt", "最多九个环节")
    c = claims(s)
    c = c[c["quote"].str.contains("最多九个环节")].iloc[0]
    assert (c.before_high, c.after_low) == (quantities("最多九个环节").iloc[0].value_high, 1)
    assert "at most" in c.qualifier


def test_a_range_said_as_its_two_ends_and_the_time_it_took():
    """过去拿一块地少则7、8个月,多则一年,这块地只用了3个月时间 (batch116 doc 11): 少则…多则… is one range, seven months to a
    year, and 只用了 after a before marker in the sentence gives the time it took: 7 months–1 year → 3 months."""
    s = _sentence_of("batch116", "11_zj_deqing_standard_land_2018.txt", "少则7、8个月")
    c = only(s)
    assert (c.before_low, c.before_high, c.after_low) == (quantities("7个月").iloc[0].value_low,
                                                          quantities("一年").iloc[0].value_low,
                                                          quantities("3个月").iloc[0].value_low)
    assert c.subject == "拿一块地"
    c = only("过去短则一周,长则需要一个月,现在只要3天。")
    assert (c.before_low, c.before_high) == (quantities("一周").iloc[0].value_low, quantities("一个月").iloc[0].value_low)
    assert claims("企业开办少则3天,多则5天。").empty  # a range with no change


def test_a_kilowatt_hour_is_no_condition_and_a_count_is_no_speed_up():
    """电价从…0.6532元/千瓦时,预计…可降低…用电成本12.91亿元 (batch120 doc 05): 千瓦时, before a comma, is a unit, not the
    时 of a condition clause (…时,); 全力加快500多个新增用电项目的施工建设 (doc 13): 加快 speeds up a time, its count is
    the projects sped up."""
    s = _sentence_of("batch120", "05_cq_power_access_reform_2019_trad.txt", "12.91億元")
    c = claims(s)
    saved = c[c["quote"].str.contains("12.91")].iloc[0]
    assert saved.change_low == quantities("12.91億元").iloc[0].value_low and "expected" in saved.qualifier
    s = _sentence_of("batch120", "13_sh_lingang_power_applications_2022.txt", "500多个")
    assert claims(s).empty
    assert only("通关时间加快了2天。").change_low == quantities("2天").iloc[0].value_low
    assert claims("审核时,需追加商品鉴定,延长3个工作日。").empty  # a condition clause still drops the claim


def test_a_time_spent_earlier_in_the_sentence_and_a_second_measure_pair_with_the_now_clause():
    """…需要4至6天,費用要1.2萬元,現(xiàn)“保稅物流一日游”僅4至6小時,費用2000元 (batch105 doc 15, its before marker on the
    line before): the time spent is two clauses before 現 and pairs with the time after 僅; the cost in the clause after
    each is a second measure of the same change. 曾经 is a before marker, 目前 a now word."""
    s = _sentence_of("batch105", "15_hun_changsha_jinxia_bonded_logistics_2009_trad.txt", "香港一日游")
    c = claims(s)
    time = c[c["kind"] == "duration"].iloc[0]
    days, hours = quantities("4至6天").iloc[0], quantities("4至6小時").iloc[0]
    assert (time.before_low, time.before_high, time.after_low, time.after_high) == (
        days.value_low, days.value_high, hours.value_low, hours.value_high)
    cost = c[c["kind"] == "money"].iloc[0]
    assert (cost.before_low, cost.after_low) == (quantities("1.2萬元").iloc[0].value_low,
                                                 quantities("2000元").iloc[0].value_low)
    two = claims("以前报关需要3天,成本约1000元;现在只需1天,成本约300元。")
    assert sorted(two["kind"]) == ["duration", "money"] and two[two["kind"] == "money"].iloc[0].after_low == 300
    assert claims("原来需要5天,现在只需1天,全年节约500万元。")["before_low"].dropna().tolist() == [120.0]
    papers = only("开办企业过去需要跑4个部门,提交20多份材料,现在只需跑1个窗口,提交5份材料。")
    assert (papers.unit, papers.after_low) == ("count:份", quantities("5份").iloc[0].value_low)
    whole = claims(real_text("batch18", "17_sd_construction_approval_100_days_2020.txt"))
    depts, one = quantities("16个部门").iloc[0], quantities("一个部门").iloc[0]
    assert not ((whole["before_low"] == depts.value_low) & (whole["after_low"] == one.value_low)).any()  # (每个环节由一个部门牵头)
    assert only("整个流程曾经需要45天左右,目前平均只需9天。").before_low == quantities("45天").iloc[0].value_low
    assert claims("现在已完成20天的工作,需要30天。").empty  # no need word after 现在: no time it now takes


@pytest.mark.parametrize("doc_id,columns", [(M15, 60), (M17, 42)])
def test_a_hard_wrapped_text_gives_the_claims_of_its_paragraphs(doc_id, columns):
    """Text copied out of a PDF line by line (every full line cut at one width) is read as its paragraphs: the same
    claims, with quotes in the wrapped original, as the text itself."""
    from ftzdata.ingest.unwrap import hard_wrap

    text = seed_text(doc_id)
    wrapped = hard_wrap(text, columns)
    plain, cut = claims(text), claims(wrapped)
    values = ["kind", "before_low", "after_low", "change_low", "change_pct_low", "unit", "qualifier"]
    assert len(plain) > 10 and cut[values].equals(plain[values])
    assert all(wrapped[a:b] == q for a, b, q in zip(cut["start"], cut["end"], cut["quote"]))
    assert cut["quote"].str.contains("\n").any()  # claims that a line end cuts are found across it


def test_a_double_spaced_pdf_copy_is_read_across_its_line_ends():
    """batch65 doc 01, a PDF copied with an empty line after every line: 测绘时间从原⏎⏎来 9 天减少到 4 天 keeps its
    subject, and 跑腿 4-5 次减少⏎⏎到 0-1 次 and 节约⏎⏎2500 余万元 are found."""
    text = real_text("batch65", "01_zj_zhoushan_reform_gains_2019.txt")
    c = claims(text)
    survey = c[c["quote"].str.contains("9 天")].iloc[0]
    assert survey.subject == "普通工业项目测绘时间"
    trips = c[c["unit"] == "count:次"].iloc[0]
    before, after = quantities("4-5次").iloc[0], quantities("0-1次").iloc[0]
    assert (trips.before_low, trips.before_high, trips.after_low, trips.after_high) == (
        before.value_low, before.value_high, after.value_low, after.value_high)
    assert c["change_low"].tolist().count(quantities("2500余万元").iloc[0].value_low) == 1


def test_an_afternoon_after_the_morning_is_the_same_day():
    """原先至少要跑4個部門、10多天才能辦完的業務,現在上午遞交了材料,下午就拿到了相… (batch109 doc 03): 10多天 → within
    the day; an afternoon with no work done in it (上午开会,下午就出发) is no value."""
    s = _sentence_of("batch109", "03_sd_changle_county_one_thing_2020_trad.txt", "下午就")
    c = only(s)
    assert (c.before_low, c.after_high) == (quantities("10多天").iloc[0].value_low, quantities("1天").iloc[0].value_low)
    assert "within" in c.qualifier
    assert claims("原先要跑10多天,上午开会,下午就出发。").empty


def test_a_baseline_clause_after_an_after_only_cut_completes_it():
    """各类项目总审批时间缩短至40—110个工作日,较改革前的平均200多个工作日 (batch52 doc 13): the clause that opens with the
    comparison names the old value of the cut; a clause with a subject of its own before 由原来 starts another
    measure (注册时间缩短至2个工作日以内,投资报建审批项目由原来120个工作日…, batch19 doc 01)."""
    s = _sentence_of("batch52", "13_ah_hefei_construction_2019.txt", "200多个工作日")
    c = claims(s)
    cut = c[c["quote"].str.contains("40—110")].iloc[0]
    new, old = quantities("40—110个工作日").iloc[0], quantities("200多个工作日").iloc[0]
    assert (cut.before_low, cut.after_low, cut.after_high) == (old.value_low, new.value_low, new.value_high)
    s = _sentence_of("batch19", "01_hb_yichang_area_first_year.txt", "注册时间缩短至2个工作日以内")
    reg = claims(s)
    assert reg[reg["quote"].str.startswith("注册时间")]["before_low"].isna().all()
    assert only("通关时间压缩至1小时以内,此前平均需要6小时。").before_low == quantities("6小时").iloc[0].value_low
    assert only("这批货物从申报到放行只用了2小时,而按传统模式至少需要2天。").before_low == quantities("2天").iloc[0].value_low
    assert only("传统模式下需要3天,新模式下只需1天。").after_low == quantities("1天").iloc[0].value_low


def test_a_unit_written_once_in_the_clause_before_the_after_value():
    """原来需要120个工作日,现在只要30个: the bare 30个 after 现在 takes the unit of the value in the clause before; a count
    whose clause names its own noun keeps its classifier (…個部門…,使前期审批环节减少14个以上, batch56 doc 04)."""
    c = only("原来需要120个工作日,现在只要30个。")
    assert (c.before_low, c.after_low) == (quantities("120个工作日").iloc[0].value_low,
                                           quantities("30个工作日").iloc[0].value_low)
    assert "working days" in c.qualifier
    assert only("过去办结需要二十多个工作日,而现在只需要五个。").after_low == quantities("五个工作日").iloc[0].value_low
    s = _sentence_of("batch56", "04_gx_nanning_approval_time_2015.txt", "14个以上")
    steps = claims(s)
    assert steps[steps["quote"].str.contains("14个以上")]["unit"].tolist() == ["count:个"]


def test_a_cut_whose_object_points_back_takes_the_value_before_as_its_before_value():
    """客户与电网企业的交互环节至少有5.5个,而新发布的《规则》将以上程序简化为2个环节 (batch62 doc 13): 以上程序 points back to
    the 5.5 steps."""
    s = _sentence_of("batch62", "13_gd_hengqin_power_connection_rules.txt", "以上程序")
    c = only(s)
    assert (c.before_low, c.after_low, c.subject) == (quantities("5.5个").iloc[0].value_low,
                                                      quantities("2个环节").iloc[0].value_low, "程序")
    assert only("企业需提交28份材料,经过梳理,这些材料压减至8份。").before_low == quantities("28份").iloc[0].value_low


def test_a_time_spent_then_now_done_in_a_time_with_no_need_word():
    """办一个证要花20多天,现在一个窗口3天办结: after 现在 a verb of work done right after the value (办结, 办完, 办妥:
    ``spent_then_now.done``) says the time it now takes, as 就办结 does: more than 20 days → 3 days. A rate of work
    done in a time (3天办结率) and a larger value after (需要3天,现在5天办结) make no claim."""
    c = only("办一个证要花20多天,现在一个窗口3天办结。")
    hours = {w: quantities(w)["value_low"].iloc[0] for w in ("20多天", "3天")}
    assert (c.before_low, c.after_low, c.direction) == (hours["20多天"], hours["3天"], "decrease")
    assert only("开办企业要花5天,如今2天办完。").after_low == quantities("2天")["value_low"].iloc[0]
    assert claims("办一个证要花20多天,现在一个窗口3天办结率达到95%。").empty
    assert claims("审批需要3天,现在5天办结。").empty


def test_a_total_then_only_part_of_it_needed():
    """105个申报项目中,只需申报9个项目 (batch83 doc 15): a total whose clause ends with 中, then 只需 and a smaller count
    of the same unit in the next clause, is a cut from the total to the part: 105 → 9 items. 只要有 (if there is),
    a larger part, and another unit make no claim."""
    c = only(_sentence_of("batch83", "15_sh_wusong_two_step_first_2019.txt", "只需申报"))
    counts = {w: quantities(w)["value_low"].iloc[0] for w in ("105个申报项目", "9个项目")}
    assert (c.before_low, c.after_low, c.direction, c.subject) == (
        counts["105个申报项目"], counts["9个项目"], "decrease", "申报项目")
    assert only("在20个环节当中,仅需办理3个环节。").subject == "环节"
    assert claims("30个项目中,只要有5个项目完成。").empty
    assert claims("30个项目中,只需申报40个项目。").empty
    assert claims("30个项目中,只需3天。").empty


def test_a_share_cut_then_the_amount_it_comes_to_is_a_second_claim():
    """每個集裝箱運輸成本降低一半約達1000元 (batch98 doc 11) and 一年减少了2/3的抽样量约700瓶酒 (batch64 doc 05): the amount
    right after a link word (约达, 约) is an amount of change beside the share, in its direction and per container
    where the share is; a noun after 的 is the subject of both. 为 after the share is the level (降低30%为1000元), and
    an amount with no link word is no part of the share."""
    s = _sentence_of("batch98", "11_ah_wuhu_multimodal_hub_2024_trad.txt", "降低一半")
    got = claims(s)
    money = got[got["kind"] == "money"]
    assert len(money) == 1 and money.iloc[0].change_low == quantities("1000元")["value_low"].iloc[0], got
    assert money.iloc[0].per == "container" and "approximately" in money.iloc[0].qualifier
    assert (got[got["kind"] == "ratio"]["change_pct_low"] == 50).any(), got
    s = _sentence_of("batch64", "05_js_kunshan_wine_cluster.txt", "抽样量")
    got = claims(s)
    bottles = got[got["unit"] == "count:瓶"]
    assert len(bottles) == 1 and bottles.iloc[0].change_low == quantities("约700瓶")["value_low"].iloc[0], got
    assert set(got[got["quote"].str.contains("2/3")]["subject"]) == {"抽样量"}, got
    assert claims("运输成本降低30%为1000元。")["kind"].tolist() == ["ratio"]
    assert claims("运输成本降低30%1000元。")["kind"].tolist() == ["ratio"]
