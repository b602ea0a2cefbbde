"""Effect claims: statements that something changed, with before/after values or the size of the change.

``claims(text)`` returns one row per claim.  Columns and dtypes:

    ``start``, ``end`` (int64), ``quote`` (str)   span in ``text``; ``quote == text[start:end]``.
    ``subject`` (str)     the phrase the claim is about, as written in the *normalised* text
                             (Simplified, full-width folded), e.g. 企业进出口货物申报时间, 申请材料.
    ``kind`` (str)        duration, count, money, ratio or area: the dimension of the claim's numbers
                             (a percent / percentage-point / multiple change is ``ratio``).
    ``direction`` (str)   decrease or increase.
    ``before_low/high``, ``after_low/high`` (float64)   levels before and after, in ``unit``.
    ``change_low/high`` (float64)   stated size of the change (positive), in ``unit``; a multiple
                             (提高近3倍) has unit ``times``, percentage points unit ``pp``.
    ``change_pct_low/high`` (float64)   stated change in percent (降低90%, 节省三分之一 = 33.3).
    ``unit`` (str)        canonical unit (see :mod:`.units`): h, CNY, USD, count:<classifier>, %, pp,
                             times, m2.  Durations are in hours, a working day counting 24 h (the
                             qualifier then says ``working days``).
    ``per`` (str)         "" or English per-unit (TEU, container, declaration, batch, person, day …).
    ``qualifier`` (str)   "" or "; "-joined English qualifiers (see ``QUALIFIER_ORDER``), the union of
                             those of the numbers involved plus 最快/平均/至少 stated in the claim.

Missing numbers are NaN; string columns (subject, kind, direction, unit, per, qualifier, quote) use
dtype ``object`` (Python str) and are never null ("" when empty).

Grammar (applied per sentence, on the normalised text; parenthetical notes are ignored between parts).
The rules run in the order of :data:`RULES`, each a function of its own; every word they use comes from
``lexicon.yaml`` (see :mod:`.lexicon`).

1. ``_before_after``: ``[由|从|将|把] A … VERB(了)(到|至|为|成) B`` (缩短至, 减少到, 整合减少为, 提高到,
   拓展至, 调整为 …), ``变/改 A … 为 B``; parallel lists pair up (变3次申报、3次查验为1次申报、1次查验
   gives two claims), and so do 分别 lists whatever their units.  当场办结/即时办结/即办 count as an after
   value of 0 h (qualifier ``on the spot``), 降为零 / “零收费” as 0 in the before value's unit, 零跑动 /
   一次都不用跑 as 0 times, 变成当天 / 缩短至当日 as at most a day (24 h, ``within``).  A unit written once is
   read on both values (从120个工作日减至30个: 30 working days; 2个至4个月 is a range of months), and on every
   item of a list with the qualifier written after the last (分别压缩至8个、5个工作日以内: both within 8 and 5
   working days; ``_list_units``).  A verb
   without a direction (改为, 调整为) links two values across a comma only after 由/从 (直接取消审批37项,
   审批改为备案9项 are two items of a list).  ``从 A 到 B`` with no verb is a change when B is smaller (企业注册从
   7天到半天; 从3天到5天 and 从A到B不等 are ranges).  Two counts across a comma in other classifiers, the after
   one written before its own noun, count other things (事项数量精减到73项,整合为4个审批环节).  A value reached by
   its own verb (已压缩到56个工作日,并将进一步压减至40个工作日) is an after value, no before value of the next one.
2. ``_after_only``: ``VERB(到|至|为) B`` with a directional verb (报检报关数据减到103项); 压缩至原来的1/3
   is a cut of 66.7 %; a verb without a direction to a best-case time (从“两上两下”变成最快5秒通关) is a cut to it.
   ``_statutory_promised``: the limit the law sets, then the limit promised, in one sentence (平均法定办理时限28天,
   平均承诺办理时限2.75天): before the statutory value → after the smaller promised one.
3. ``_marked_before_after``: 改革前/原来/以往 … A …, then 改革后/…后/现在 … (减少到|仅需|只需) B of the
   same unit in the same paragraph: before A → after B (A must be unique, or the one marked 合计/共计/累计);
   目前 marks the after value as 现在 does, and a value right before 即可/就能 (现在只需…,两天即可拿到) is the
   time it now takes; 以为要 … 没想到 B (我以为要折腾半天,没想到半个小时搞定) is what one expected against what it
   took, and 经过…改革 (经过持续改革) is an after marker that answers 改革前 in an earlier sentence, where a count
   pairs only with a count of the noun it counts (…112个行政权力事项…。…事项数量精减到73项).  原需 / 现只 are the
   short markers (原需5个工作日,现只要3小时), and a time limit the rules set (初审应该在5个工作日办结,现在…压缩到2个
   工作日以内) is a before value, and so is the usual time (通常/往往/按惯例 …).  后 ending an event's clause or
   right before 只/仅 marks the after value (绿色通道开通后,只需要一两天; 过来以后只用1小时); before values listed
   with 、 pair in order with the after values of a 分别 list (用地审查15个工作日、用林审查30个工作日,但现在分别是
   3个工作日和5个工作日), each with its item's noun.
   ``_need_after_marked_before``: with no after marker, 原来 … A …, … B即可/就可以 in one sentence is before A
   → after B (当日就可以审批完成: 当日/当天 right before 即可/就可以 is at most a day; 原本计划6个月才能取得的
   证件,3个月就办结了: 原本计划 is what was planned before, no target, and B就办结 the time it took).
3a. ``_basis_before``: 在 … A … 的基础上, … VERB至 B: the level A is the before value of B (在企业开办0.5天办结
   常态化的基础上,将…提速至“2小时”办结).  ``_level_after_change``: a change with its measure and no value, then
   the measure's level in the next clause (压缩了…的审批时长,平均审批时间不到24小时): an after value.
3b. ``_baseline_after``: the new value first, then the old one after a before marker (``B …
   [比|较](原本|以往|原来)(需要|的) A``: 不到1天就办完了原本需要5天的手续; 只用6个工作日,较以往30个工作日):
   before A → after B, unless B is the size of a change (节省了2天).  Rule 3 also reads chains
   (原来要20分钟,后来缩短到8分钟,现在只要30秒; 以往30分钟,后来10分钟,现在3分钟): a marked after value
   with no before value of its own extends the before → after claim just before it, and steps joined by
   后来/之后 are passed over: one claim from the first to the latest value.  A paragraph that opens with an
   after marker (现在呢?…只需三四天) answers the one before it, where its before value may be.
3c. ``_halved``: 减半 / 折半: a decrease of 50 %.
4. ``_amount_of_change``: ``VERB(了)[object] Q`` (节省通关物流时间约170万小时, 每票下调5元, 降低90%,
   提升24个百分点, 提高近3倍, 审批事项精简近半: 近半 is about 50 %; 节省时间可达30多个工作日: 可达 before the value
   still gives the size), and ``降幅/精减幅度(达) Q%``.  A verb whose
   object holds another value is not the later value's (精简近半审批时间最快30天), and a verb that names what it
   cuts takes only that or a percent (天津港降费一年有余: the time since, no amount).  A baseline stated with 比/较 (较2018年的8.5天
   减少了88%) becomes the before value.
   A bare magnitude before its unit and 左右/上下 is one of it (千元左右: about 1,000 yuan); the later item of a
   verb's object takes its noun after it (节省一天通关时间和千元左右的物流成本: 物流成本).
   ``_drop_benchmark_comparisons``: an amount of change against an average elsewhere (比全国平均…少27.8小时)
   is no change over time (较区外, the area without the reform, is a change).
4b. ``_levels_then_change``: ``X(分别)为A(和B),较<baseline>(分别)VERB P(和Q)``: the levels are the after
   values of the changes of the next clause, paired in order (通关时间分别为12小时和3小时,较2019年分别缩短了
   40%和60%); a level left without its change is an after value of the same direction.
5. ``_fold_restatements``: a change that restates the before/after claim just before it in the same
   sentence (149项…整合减少为96项, 减少录入53项; 250项 … 19项左右, 精减幅度超过90%) is *folded* into that
   claim (change_* / change_pct_* filled, span extended) instead of being a separate row, when the
   numbers agree.
6. ``_n_in_one``: ``N合1`` / ``五证合一``: before N, after 1 (not a quoted N合一 after a count, the name of a
   kind of thing: 三个“三合一”开放平台).
7. ``_doubling``: 翻一番 / 翻了两番: a change of 1 / 3 times.
8. ``_tables``: tables with a 改革前 and a 改革后 column (tab- or ``|``-separated rows): each row with a
   value and a unit in both cells (see :mod:`ftzdata.extract.tables`).
9. ``_drop_ranks``: a claim about a rank (排名上升12位; 位列全国第27位,较上年提升37位: places in a sentence that
   names a rank) is not a reform effect; ``_drop_titles``: nor is a claim inside a document's title
   (《陕西省优化提升营商环境工作三年行动计划》), nor one that joins two quoted names (“…关税减免”“加工增值30%免关税”:
   ``_drop_across_names``); ``_drop_frequencies``: nor is the period of a frequency
   (班轮从两周一班增加到一周八班); ``_drop_service_hours``: nor is a service's opening hours (海关实行24小时
   待命, 24小时通关); ``_drop_rates``: nor is a
   rate of response (运输时间每缩短1天,企业利润就能提高2%: 每 before a change verb).  (Rule 4 also skips a
   count that qualifies a noun, 提升三个片区的协同水平; the quantity layer does not read 半年前 / 今年前8个月
   as durations.)
10. ``_drop_plans``: a target (力争/目标/计划 …, but not 该计划 / “…”计划, a programme's name; or 推动 …
   压缩至 with no before value; what a plan says, 《方案》提出, or 根据《方案》, … 将 — a notice or a rule only by its
   title, 《…的通知》要求, while 通知明确,… decrees a change that is made; 计划 as a noun, 制订生产计划, opens none; a quoted target,
   “…压缩至100小时”的工作目标; a plan's task, whose paragraph goes on to name the units it is assigned to,
   (牵头单位:…)) or a merge with
   no count before, which describes the measure (将A、B等环节整合至1个平台), is not a claim; an effect estimated from plans
   (根据…计划实施项目测算,将为企业节约…) is kept as ``expected``.
11. ``_mark_expected``: a projected effect of a reform already in place (预计每年可为企业节省成本300万元,
   通关效率预计提升15%) is a claim with the qualifier ``expected``; a target (rule 10) is not a claim.

A level without a change (合格率达98.17%) is not a claim.

Precision conventions:

- Growth and volume figures are not reform effects unless the sentence ties them to the reform as a
  before/after of the same measure (因私出入境中介机构已有126家(改革前仅有10家) is a claim).  Applied
  today to: average growth rates (年均增长, 月均增长: ``_drop_average_growth``), ranks (``_drop_ranks``),
  rates of response (``_drop_rates``), 增加值 (value added), 新增 (newly added), growth (同比增长22%,
  进出口增长20.7%, 增加值从1019亿元跃升至2030亿元: ``_drop_growth``, unless a measure a reform changes grows:
  效率提升), an increase whose subject is only a span of time (两年时间全部翻了一番: ``_drop_span_growth``)
  a year-on-year increase of no reform measure (出口汽车42.1万辆,同比增加38.6%: ``_drop_year_on_year``),
  and the increase of a volume, throughput or coverage (货运量从52万吨增至328.91万吨, 航线拓展至49条, 面积扩大到
  114.7平方公里, 境外站点数拓展至24个 with no before value: ``_drop_volume_growth``).
- So is the change of a trade flow in percent right after its sum (出口6.5万亿元,下降1.2%; 共进口5739.9万吨,
  增加34%: ``_drop_flow_changes``); growth is also stated with 增幅 / 涨幅 / 同比 (同比增幅超75%).
- A policy parameter (离岛免税购物额度增加至每人每年10万元: a quota's level, ``_drop_policy_parameters``) and
  percentage points of a share of a total (占全省GDP比重67%, …提高13.7个百分点: ``_drop_share_points``) are
  no effects, nor is a time allowed that is lengthened (中转货物报关期限从14天延长至3个月; 有效期 longer is an effect); nor is what may happen in a case (审核周期可能延长至15个工作日; 若按…计算; …争议时,…延长3-7个工作日:
  ``_drop_conditions``).
- Nor is a share of a total in percent (外商直接投资占全省比重由4.3%上升到31.2%, 社会投资占比从30%提升至56%:
  ``_drop_shares_of_a_total``), a count of measures rolled out (加快复制推广33项), the
  growth of who uses a measure (实施“船边直提”的企业从十几家扩展至6000余家, “先进区、后报关”参与企业从7家增至419家; yearly 纳税主体增加4.9万户 with their
  growth rate: ``_drop_uptake``; a fall, 审批部门由十几个变成一个, and a pilot's reach are effects), or a count of
  the aspects a programme covers (等6个方面: ``_drop_aspect_counts``), or of matters streamlined or adjusted (精简调整…363项:
  ``_drop_undirected_compounds``). A span up to now (五年来, 三年以来) is no value at all.
- A part of a total count after 其中 (确定了98项改革事项,其中…提高透明度和可预期性37项: items by category of a
  count of reforms) is no change (``_drop_breakdowns``), unless the total is a claim's value.
- Rule 4 also reads a cut given as a percent of items (取消36.8%的中介服务事项; a count after 取消 is a count
  of reforms) and a count of what an act handles (减少了5个表单的填写).
- A projected effect of a reform already in place (预计每年可为企业节省成本300万元, 通关效率预计提升15%) is a
  claim with the qualifier ``expected`` (``_mark_expected``).
- A target (力争, 目标, 计划到2025年压缩至 …) is not a claim (``_drop_plans``), nor is anything a plan says
  (《方案》提出,… up to the end of its sentence, across ;).
- A measure now a fraction of what it was (现在的申报耗时仅为整合申报所需时间的1/5) is a cut of the rest (80 %:
  ``_fraction_of_before``, rule 2b); less than a fraction, in the clause after the level (僅需2周時間,不到以往…周期的
  3分之1), a cut of at least the rest.
- 猛增 (soaring) is growth as 飙升 / 激增 are (进口规模将从…近千個猛增至9000個左右), and 128项任务已完成123项 (tasks of
  a plan done) no change: 完成 is no 成 "into", 深改 no 改 A 为 B.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate

import numpy as np
import pandas as pd

from .document import Doc, without_gc
from .lexicon import LEX, alt, chars, longest_first, not_followed
from .numbers import (BARE_WORDS, CN_DIGIT, HALF, MAX_DIGITS, NONZERO, NONZERO_POSITIONAL, NUMBER, TEN, parse_number,
                      parse_numeral, range_floats)
from .quantities import STR, Qty, find_per, frame_of, qualifier_string, scan_quantities
from .tables import table_claims
from .units import _COUNT_EN, UNITS  # _COUNT_EN: 名 → person
from .windows import by_window

__all__ = ["claims", "CLAIM_COLUMNS", "RULES", "find_claims", "claims_frame", "empty_claims"]

CLAIM_COLUMNS = ["start", "end", "quote", "subject", "kind", "direction", "before_low", "before_high", "after_low",
                 "after_high", "change_low", "change_high", "change_pct_low", "change_pct_high", "unit", "per",
                 "qualifier"]
_FLOATS = ["before_low", "before_high", "after_low", "after_high", "change_low", "change_high", "change_pct_low",
           "change_pct_high"]

NAN = float("nan")

# --- limits: every rule reads a bounded stretch of text, so that extraction is linear in the input ----
# Text a rule reads before a value: at most this many characters of its clause. The longest clause in
# the real texts and held-out batches has 224 characters, but what a claim reads of it lies within 64
# characters of the value (every output is the same with a window of 96); a longer clause is read
# from here on.
WINDOW = 128
_MAX_VERBS = 6  # a verb chain (整合减少, 压缩减少为) has at most this many verbs
_TRIGGER_REACH = 16  # 由/从/将 at most this many characters before the before value
_MAX_LIST = 16  # items of a parallel list (变3次申报、3次查验为 …)
_MAX_MARKED = 64  # values between a before marker and an after marker (改革前 … 改革后)
_MAX_LEVEL_WORDS = 3  # 降幅达到约 …
_MAX_TRAIL = 60  # characters of words stripped from the end of a subject

# --- patterns, built from the lexicon (lexicon.yaml) ----------------------------------------------
_V, _BA, _MK, _AM = LEX["change_verbs"], LEX["before_after"], LEX["markers"], LEX["amount"]
_ZR, _PL, _SJ, _QL = LEX["zero"], LEX["plan"], LEX["subject"], LEX["qualifiers"]

_DEC2, _INC2 = list(_V["decrease"]), list(_V["increase"])
_DEC1, _INC1 = list(_V["decrease_one_char"]), list(_V["increase_one_char"])
_SPEED = list(_V["speed_up"])
_VERB_MEASURE = {v: {d} if isinstance(d, str) else set(d) for v, d in _V["verb_measure"].items()}  # 降费: {money}
_SHARE_OF_NOUNS = re.compile(alt(longest_first(_V["share_of_nouns"])))  # 九成事项
_POWER_LIST = re.compile(alt(longest_first(_V["power_lists"])))  # 行政审批事项
_UNDIRECTED_WORD = re.compile(alt(_V["undirected_compound"]))  # 调整, after a verb with a direction: 精简调整
_DIRECTED_VERBS = tuple(_V["decrease"] + _V["increase"])
_DEC_PERF = list(_V["decrease_perfective"])  # 提前了90余天: a change only with 了
_DEC_SET = set(_DEC2 + _DEC1 + list(_V["share_cut"]) + _DEC_PERF + list(_V["earlier_done"]["verbs"]))
_INC_SET = set(_INC2 + _INC1)
_DIRECTIONAL = _DEC2 + _INC2 + _DEC1 + _INC1 + _SPEED
_SPEED_VERB = re.compile(alt(longest_first(_SPEED)))
_VERB_ANY = alt(longest_first(_DEC2 + _INC2 + _DEC1 + _INC1 + list(_V["neutral"]) + _SPEED))
_NOSEP = r"[^,;。!?:\n]"
_TO = alt(_BA["to_words"])
_POSSESSIVE = _SJ["possessive"]  # 的
_FRAME_OPEN, _FRAME_AFTER = _SJ["frame"]["open"], tuple(_SJ["frame"]["after_possessive"])  # 在…的基础上

# rule 1, before → after: the text between a before value and an after value
_BETWEEN = re.compile(
    rf"^(?P<pre>{_NOSEP}{{0,16}}?)(?:,(?P<adv>{_NOSEP}{{0,8}}?))?"
    rf"(?P<verb>(?:{_VERB_ANY}){{1,{_MAX_VERBS}}})了?(?:{_TO})(?P<post>{_NOSEP}{{0,10}})$")
_BETWEEN_BARE = re.compile(rf"^(?P<pre>{_NOSEP}{{0,12}}?)(?:" + "|".join(
    (f"(?<![{chars(_BA['bare_to_not_after'][w])}])" if w in _BA["bare_to_not_after"] else "") + re.escape(w)
    for w in _BA["bare_to_words"]) + rf")(?P<post>{_NOSEP}{{0,10}})$")
_TRIGGER = re.compile(not_followed(_BA["from_words"]))
_TRIGGER_LEN = max(map(len, _BA["from_words"]))
_BARE_TRIGGER = re.compile("|".join(
    (f"(?<![{chars(_BA['bare_from_not_after'][w])}])" if w in _BA["bare_from_not_after"] else "")
    + f"(?:{not_followed({w: after})})" for w, after in _BA["bare_from_words"].items()))
_SUBJECT_BEFORE_TRIGGER = set(_BA["subject_before"])  # 由, 从
_BFT = _BA["bare_from_to"]
_BARE_FROM_TO = frozenset(w for w in _BA["to_words"] if w not in _BA["bare_to_words"])  # 到, 至
_BARE_TO_ONLY = re.compile(rf"(?:{alt(_BARE_FROM_TO)})(?:{alt(_BFT['only'])})[\u4e00-\u9fff]{{0,{int(_BFT['verb'])}}}")  # 到只跑
_JOINERS = alt(_BA["list_joiners"])
_GROUP_LINK = re.compile(rf"^[^\d,;。!?:{chars(_BA['after_only_to_words'])}]{{0,8}}?(?:{_JOINERS})$")
_JOINER_END = re.compile(rf"(?:{_JOINERS})$")
_RESPECTIVELY = _BA["respectively"]  # 分别
_NOUN_LINK = re.compile(rf"[^\d\s,;。!?:、()“”《》]{{1,{int(_BA['noun_list']['noun'])}}}")  # 3张申请表18个材料要件
_PAREN = re.compile(r"\([^()]{0,80}\)")
_ELIDED_END = set(_BA["elided_unit_end"])
_LIST_JOINER_SET = set(_BA["list_joiners"])
# qualifiers written after a list's last value that every item shares (以内, 左右; 多/余 belong to a number)
_SHARED_AFTER = {w: n for w, n in _QL["after_number"].items() if w not in LEX["numerals"]["more"]}

# rule 2, after only: the clause text right before the value
_AFTER_ONLY_TO = _BA["after_only_to_words"]
_AOL = _BA["after_only_list"]  # 缩减为受理报装、装表通水2个环节
_AFTER_ONLY = re.compile(rf"(?P<verb>(?:{alt(longest_first(_DIRECTIONAL))}){{1,{_MAX_VERBS}}})了?"
                         rf"(?:(?:{alt(_AFTER_ONLY_TO)})(?P<post>[^,;。!?:\n{chars(_AFTER_ONLY_TO)}]{{0,6}})"
                         rf"|(?:{alt(_BA['after_only_into'])}))$")
_AFTER_ONLY_LISTED = re.compile(rf"(?P<verb>(?:{alt(longest_first(_DIRECTIONAL))}){{1,{_MAX_VERBS}}})了?(?:{alt(_AFTER_ONLY_TO)})"
                                rf"(?P<list>[^,;。!?:\n\d{_AOL['joiner']}]{{1,12}}(?:{_AOL['joiner']}[^,;。!?:\n\d{_AOL['joiner']}]{{1,12}})+)$")
_AFTER_ONLY_REACH = _MAX_VERBS * max(map(len, _DIRECTIONAL)) + 1 + max(map(len, _AFTER_ONLY_TO)) + 6
_AFTER_ONLY_LIST_REACH = _AFTER_ONLY_REACH - 6 + int(_AOL["reach"])  # 缩减为受理报装、装表通水2个环节
_VOT = _BA["verb_object_to"]
_VERB_OBJECT_TO = re.compile(rf"(?P<verb>(?:{alt(longest_first(_DEC2 + _INC2))}){{1,{_MAX_VERBS}}})了?"
                             rf"(?P<obj>[^\d\s,;。!?:、()“”《》]{{0,{int(_VOT['gap'])}}}?(?:{alt(_VOT['measures'])}))"
                             rf"(?:{alt(_AFTER_ONLY_TO)})$")
_VERB_OBJECT_TO_REACH = _MAX_VERBS * max(map(len, _DIRECTIONAL)) + 1 + int(_VOT["gap"]) \
    + max(map(len, _VOT["measures"])) + max(map(len, _AFTER_ONLY_TO))
# A quick gate: an after-only match puts the last character of a to-word within this many characters
# before the value.
_AFTER_ONLY_GATE = (frozenset(w[-1] for w in _AFTER_ONLY_TO + _BA["after_only_into"]), 1 + 6)
_AFTER_ONLY_LIST_ITEM = 1 + 12  # …、装表通水2个环节: the list's joiner at most this far before the value
_BEST_CASE = frozenset(_QL["best_case"])  # 变成最快5秒: a neutral verb to a best-case time is a cut
_NEUTRAL_TO = re.compile(rf"(?P<verb>{alt(longest_first(list(_V['neutral'])))})(?:{_TO})(?P<post>[^,;。!?:\n]{{0,6}})$")
_FROM_WORDS = tuple(_BA["subject_before"])  # 由 / 从 open a before value, not a subject
_FROM_STATE = re.compile(rf"(?<![{chars(_BA['from_state']['not_after'])}])(?:{alt(_FROM_WORDS)})"
                         rf"[^\d{chars(_FROM_WORDS)}]{{1,{int(_BA['from_state']['gap'])}}}$")  # 由一大摞
_STA = _MK["share_then_amount"]
_SHARE_AMOUNT_LINK = re.compile(rf"(?:的(?P<noun>[^\d\s,;。!?:、()%]{{1,{int(_STA['noun'])}}}?))?(?P<link>{alt(_STA['links'])})?")
_SHARE_AMOUNT_LINKS = tuple(_STA["links"])
_QUAL_WORDS_LONGEST = longest_first(_QL["before_number"])
_SN = _MK["subset_needed"]
_SUBSET_ONLY = re.compile(alt(_SN["only"]))
_SUBSET_TOTAL = re.compile(rf"(?P<noun>[^\d\s,;。!?:、()]{{0,{int(_SN['noun'])}}}?)(?:{alt(_SN['of'])}),")
_SUBSET_REACH = max(map(len, _SN["only"])) + int(_SN["gap"])
_SP = _MK["statutory_promised"]
_STATUTORY_WORD = re.compile(alt(_SP["before"]))


def _limit_before(words: list[str]) -> re.Pattern:
    """One of ``words``, at most the gap, a limit noun and an optional link, right before a value (searched
    from a clause's start to the value: ``$``)."""
    return re.compile(rf"(?:{alt(words)})[^\d,;。!?:\n]{{0,{int(_SP['gap'])}}}?(?:{alt(_SP['nouns'])})"
                      rf"(?P<link>{alt(_SP['link'])})?$")


_PROMISED_WORD = re.compile(alt(_SP["after"]))
_LIMIT_REACH = max(map(len, _SP["before"] + _SP["after"])) + int(_SP["gap"]) + max(map(len, _SP["nouns"])) \
    + max(map(len, _SP["link"]))  # the longest stretch _limit_before matches
_STATUTORY_BEFORE = _limit_before(_SP["before"])  # 法定办理时限 28天
_PROMISED_BEFORE = _limit_before(_SP["after"])  # 承诺办理时限 2.75天
_OF_ORIGINAL = re.compile(rf"(?:{alt(_MK['before'])}){_POSSESSIVE}?$")  # 压缩至原来的1/3

# rule 3, 改革前 … A …, 改革后 … B
_BEFORE_MARK = re.compile(alt(_MK["before"]))
_CN = _MK["count_noun"]
_NOUN_AFTER_COUNT = re.compile(rf"[^\d\s,;。!?:、(){_POSSESSIVE}]{{1,{int(_CN['length'])}}}(?=[,;。!?:、\n])")
_NOUN_HEAD = int(_CN["head"])
_FO = _MK["fraction_of"]
_FRACTION_OF = re.compile(rf"(?P<only>{alt(longest_first(_FO['only'] + _FO['plain']))})(?P<what>[^\d,;。!?:\n]{{0,{int(_FO['gap'])}}}){_POSSESSIVE}$")
_FRACTION_OF_REACH = max(map(len, _FO["only"])) + int(_FO["gap"]) + 1
_AR = _MK["after_reform"]
_AE = _MK["after_event"]
_AFTER_EVENT = re.compile(rf"(?:{alt(_AE['ends'])})(?=,|[\u4e00-\u9fff]{{0,{int(_AE['noun'])}}}?(?:{alt(_AE['then'])}))")  # 开通后, / 以后只 / 封关后报价仅
_AFTER_MARK = re.compile(alt(_MK["after"]) + rf"|{_AR['open']}[^\d,;。!?:\n]{{0,{int(_AR['gap'])}}}?{_AR['close']}"
                         rf"|{_AFTER_EVENT.pattern}"
                         rf"|{_MK['now_opening']['word']}(?<=[,;。!?:\n]{_MK['now_opening']['word']})(?![{_MK['now_opening']['not_before']}])")
_AFTER_CUE = re.compile(rf"(?:{alt(list(_MK['need']) + list(_MK['after_cue']))}){_NOSEP}{{0,8}}$")
_AFTER_CUE_REACH = max(map(len, list(_MK["need"]) + list(_MK["after_cue"]))) + 8
_NEED = re.compile(alt(_MK["need"]))
_DA = _MK["done_after"]
_NEED_AFTER = re.compile(alt(_MK["need_after"])  # 两天即可拿到: matched right after the value
                         + rf"|(?:{alt(_DA['then'])})(?:{alt(longest_first(_DA['adverbs']))})?(?:{alt(_DA['done'])})")
_DONE_AFTER = re.compile(rf"(?:{alt(longest_first(_DA['adverbs']))})?(?:{alt(_DA['done'])})")  # 在30个工作日内全部完成
_THEN = re.compile(alt(_MK["then"]))
_OPEN_SKIP = _MK["paragraph_open_skip"]
_TOTAL_MARK = re.compile(rf"(?:{alt(_MK['total'])})$")

# rule 4, amount of change: verb, optional object, then the value
_NOT_AMOUNT = set(_V["merge"]) | set(_V["before_after_only"])
_CHANGE_VERBS = [v for v in _DEC2 + _INC2 + _SPEED if v not in _NOT_AMOUNT]
# A one-character verb right before the value is a place noun after 全/本/各/外 … (在全省11个地市 is not 省11个),
# and 省 after a province's name is the province (广东省18个地级市).
_NOT_PROVINCE = "".join(f"(?<!{re.escape(p)})" for p in _V["provinces"])
_ONE_CHAR_VERB = "|".join(_NOT_PROVINCE + re.escape(v) if v == _V["province_char"] else re.escape(v)
                          for v in longest_first(_DEC1 + _INC1))
_WORD_BEFORE_ONE = "|".join(f"(?<={re.escape(w)})" for w in _V["words_before_one_char"])  # 成本降40%
# 至少跑腿 / 全省去年 / 广东省下: no verb begins inside a word that ends there
_NOT_VERB_START = "".join(f"(?!(?<={re.escape(w[:-1])}){re.escape(w[-1])})"
                          for w in _V["words_not_verbs"] + [p + _V["province_char"] for p in _V["provinces"]])
_NOT_VERB_END = "".join(f"(?!(?<={re.escape(w[0])}){re.escape(w[1:])})" for w in _V["words_after_verbs"])  # 省下放
_ED = _V["earlier_done"]
_EARLIER = list(_ED["verbs"])  # 提早5天完成: with a done verb after the value and a before marker before
_EARLIER_DONE = re.compile(rf"[^,;。!?:\n]{{0,{int(_ED['gap'])}}}?(?:{alt(_ED['done'])})")
_EARLIER_STARTED = re.compile(alt(_ED["started"] + _ED["done"]))
_EARLIER_CAUSE = re.compile(alt(_ED["cause"]))
_EARLIER_CAN = re.compile(alt(_ED["cause"] + _ED["can"]))
_CHANGE = re.compile(rf"(?P<verb>{_NOT_VERB_START}(?:{alt(longest_first(_CHANGE_VERBS))}){_NOT_VERB_END}|(?:{alt(_DEC_PERF)})(?=了)"
                     rf"|(?:{alt(_EARLIER)})(?=[^,;。!?:\n]{{0,4}}$)"
                     rf"|(?:(?<![{chars(_V['place_before_one_char'] + _V['new_before_one_char'])}])|{_WORD_BEFORE_ONE})"
                     rf"(?:{_ONE_CHAR_VERB})(?=了|$))了?"
                     rf"(?P<obj>[^,;。!?:\n{chars(_V['object_stop_chars'])}]{{0,14}}?)(?:{alt(_PL['achieved'])})?(?:{alt(longest_first(_AM['amount_reach']))})?$")
_OBJ_STOP = chars(_V["object_stop_chars"])
_LIST_REACH = int(_AM["list_object_reach"])
# 可节省港口新建查验场地、配备设施等费用近300万元: an object that lists items with 、 and ends in 等 and its noun
_CHANGE_LIST = re.compile(rf"(?P<verb>{alt(longest_first(_CHANGE_VERBS))})了?"
                          rf"(?P<obj>[^,;。!?:\n\d{_OBJ_STOP}]*{_AM['object_list_end']}[^,;。!?:\n\d{_OBJ_STOP}]*"
                          rf"{_AM['list_object_etc']}[^,;。!?:\n\d{_OBJ_STOP}{_AM['object_list_end']}]{{1,6}})$")
_MORE_CHARS = "".join(LEX["numerals"]["more"])  # 多余
_MONEY_UNIT = UNITS[_AM["money_unit"]].canonical
_MONEY_BOUND = alt(longest_first(list(_QL["before_number"]) + list(BARE_WORDS)))  # 超, 约, 上 … before the value
_MONEY_NUM = rf"(?:{_MONEY_BOUND})?(?:{NUMBER})"
_MONEY_LEFT_OUT = re.compile(  # 节省评估费用40多万, or the noun right after the value: 节省5000万成本
    rf"(?P<verb>{alt(longest_first(_CHANGE_VERBS))})了?"
    rf"(?:(?P<obj>[^,;。!?:\n\d]{{0,10}}?(?:{alt(_AM['money_nouns'])}))(?P<num>{_MONEY_NUM})(?=[,;。!?:\n)的]|$)"
    rf"|(?P<num_first>{_MONEY_NUM})(?P<noun_after>{alt(_AM['money_nouns'])})(?=[,;。!?:\n)]|$)"
    rf"|(?P<num_alone>{_MONEY_NUM})(?=[,;。!?:\n)]|$))")  # 为出口企业节省超千万: after a verb of saving only
_MONEY_SAVING = frozenset(_AM["money_saving_verbs"])
_ARABIC = re.compile(r"\d")  # (not 一: 节省企业一次性投入500万元 keeps its verb)
_LIST_TAIL = re.compile(rf"(?:{_JOINERS})$")  # 压缩48.5%、53.3%: the value before is an item of the same list
_RANGE_FROM, _RANGE_VARIES = frozenset(_AM["range_from"]), _AM["range_varies"]
_CHANGE_REACH = (max(map(len, _CHANGE_VERBS + _DEC1 + _INC1)) + 1 + 14 + max(map(len, _PL["achieved"]))
                 + max(map(len, _AM["amount_reach"])))
_CHANGE_GATE = (frozenset(w[-1] for w in _CHANGE_VERBS + _DEC1 + _INC1), 1 + 1 + 14)  # verb end, 了, object
_OBJ_NOT_CHANGE = re.compile(alt(_V["object_not_change"]))
_MC = _V["measures_counted"]
_MEASURES_COUNTED = re.compile(rf"[^\d\s,;。!?:、()]{{0,{int(_MC['gap'])}}}?(?:{alt(_MC['nouns'])})(?=[,;。!?:、\n]|$)")
_SHARE_CUT = re.compile(rf"(?:{alt(_V['share_cut'])})了?$")  # 取消36.8%的中介服务事项
_SHARE_CUT_REACH = max(map(len, _V["share_cut"])) + 1
_CANCEL = re.compile(alt(_V["share_cut"]))  # 取消…783项: a count of what was cancelled
_NOUN_COMPOUNDS = tuple(_V["noun_compounds"])  # 增加值: a noun, not the verb 增加
_SHARE = _V["share_word"]  # 占
# 提升…两个市场的竞争力: a count followed by its noun and 的 qualifies that noun; it is not the change.
# a count that names the noun of a phrase: before 的 (两个市场的竞争力) or before the noun's share (提高一类企业占比)
_ATTRIBUTIVE = re.compile(rf"[^\d,;。!?:\s{_POSSESSIVE}]{{1,4}}(?:{_POSSESSIVE}|{alt(_V['share_composition'])})")
_ACT_OBJECT = re.compile(rf"[^\d,;。!?:\s{_POSSESSIVE}]{{1,4}}{_POSSESSIVE}(?:{alt(_V['action_nouns'])})(?=[,;。!?:\n]|$)")
_LEVEL_WORDS = alt(_AM["level_words"])
_RANGE_WORD = re.compile(rf"(?:(?P<v>{alt(longest_first(_DEC2 + _INC2))})(?:{alt(_AM['size_words'])})"
                         rf"|(?P<d>{alt(_AM['size_one_char'])}){_AM['size_suffix']})(?:{_LEVEL_WORDS}){{0,{_MAX_LEVEL_WORDS}}}$")
_SIZE_LINK = re.compile(rf"[,;](?:{alt(_AM['size_link'])})?")  # …14个工作日, (平均)压缩率达72%: the next clause
_RANGE_WORD_REACH = (max(map(len, _DEC2 + _INC2)) + max(map(len, _AM["size_words"]))
                     + _MAX_LEVEL_WORDS * max(map(len, _AM["level_words"])))
_RANGE_WORD_GATE = (frozenset(w[-1] for w in list(_AM["size_words"]) + [_AM["size_suffix"]]),
                    1 + _MAX_LEVEL_WORDS * max(map(len, _AM["level_words"])))
_LEVEL = re.compile(rf"(?:{_LEVEL_WORDS})$")
_LEVEL_IS = re.compile(rf"(?:{alt(_AM['level_is'])})$")
_LEVEL_BOUNDS = frozenset(_AM["level_bounds"])
_OBJ_LEAD = re.compile(rf"^(?:{alt(_AM['object_lead'])})+")
_COMPARE = re.compile(alt(_AM["comparison"]))
_BENCHMARK = re.compile(rf"(?:{alt(list(_AM['comparison']) + list(_AM['compare_with']))})(?:{alt(_AM['benchmarks'])})")
_AFTER_NOUN = re.compile(rf"{_POSSESSIVE}(?P<n>[^,;。!?:(){_POSSESSIVE}\n]{{1,12}}?)"
                         rf"(?=[,;。!?:(\n]|$|{alt(_SJ['noun_end'])})")
_CONTEXT_QUAL = [(w, _QL["before_number"][w]) for w in _QL["in_claim"]]  # 最快 → fastest …

# zero values: tokens for 当场办结 (0 h), 零跑动 (0 times), 降为零 (0 in the before value's unit)
_ZERO = re.compile(alt(_ZR["on_the_spot"]))
_ZERO_TRIPS = re.compile(alt(longest_first(_ZR["no_trips"])))
_TRIPS_LEAD = tuple(_ZR["no_trips_lead"])
_ZERO_CHARS, _ZERO_TO = _ZR["zero_chars"], _ZR["zero_to_chars"]
_ZERO_VALUE = re.compile(rf"[{chars(_ZERO_CHARS)}](?<=[{chars(_ZERO_TO)}][{chars(_ZERO_CHARS)}])"
                         rf"(?![\d{chars(_ZR['not_after_zero_chars'])}])"
                         rf"|“{_ZERO_CHARS[0]}(?:{alt(_ZR['quoted_zero_nouns'])})”")
# Substrings that every match of _ZERO_VALUE contains: a search for them (fast: literals only) gates the scan.
_ZERO_VALUE_GATE = re.compile(alt([t + z for t in _ZERO_TO for z in _ZERO_CHARS] + ["“" + _ZERO_CHARS[0]]))
_SAME_DAY = _ZR["same_day"]
_NOUN_CUES = longest_first(list(_MK["after_cue"]) + list(_MK["need"]) + [_MK["done_after"]["before"]])  # …的工商变更仅用3小时
_ONLY_TOOK = re.compile(rf"(?:{alt(longest_first(_MK['only_took']))})$")
_ONLY_TOOK_REACH = max(map(len, _MK["only_took"]))
_AM_PM = _ZR["morning_afternoon"]
_AFTERNOON = re.compile(rf"{re.escape(_AM_PM['morning'])}[^。;!?\n]{{1,{int(_AM_PM['gap'])}}}?"
                        rf"({re.escape(_AM_PM['afternoon'])})(?=(?:{alt(_MK['need_after'])}))")  # 上午递交…,下午就拿到
_SAME_DAY_DONE = re.compile(alt(_SAME_DAY["done"]))  # 当天办结
_SAME_DAY_RE = re.compile(rf"(?<=[{chars(_ZERO_TO)}])(?:{alt(_SAME_DAY['words'])})"
                          rf"|(?:{alt(_SAME_DAY['words'])})(?=(?:{alt(_MK['need_after'] + _SAME_DAY['done'])}))")  # 当日就可以审批完成, 当天办结

# halved (减半): a decrease of 50 %
_HALVED = re.compile(alt(_V["halved"]["words"]))
_HALVED_PCT = float(_V["halved"]["pct"])
_TAX_HOLIDAY = re.compile(rf"{_V['halved']['holiday']}[{_V['halved']['holiday_years']}]$")  # 二免三(减半)

# a baseline after the new value (不到1天就办完了原本需要3天的手续; 过去需辗转多部门、耗时20余天)
_BA_LONG = _MK["baseline_after_long"]
_LA = _BA["labelled_afters"]
_LABELLED_AFTER = re.compile(rf"{_LA['joiner']}(?P<label>[^,;。!?:\n\d{_LA['joiner']}]{{1,{int(_LA['label'])}}}?)(?=\d)")
_BTV = _MK["baseline_then_verb"]
_COMPARE_FIRST = tuple(sorted({w[0] for w in _AM["comparison"]}))  # 比, 较, 相, 同: a comparison word's first character


def _clause_openings(text: str, firsts: tuple[str, ...]) -> list[int]:
    """Positions of the , or ; right before one of ``firsts`` (found with str.find: faster than a pattern)."""
    out = []
    for ch in firsts:
        p = text.find(ch, 1)
        while p != -1:
            if text[p - 1] in ",;":
                out.append(p - 1)
            p = text.find(ch, p + 1)
    return sorted(out)


_NOSEP_ONLY = re.compile(r"[^,;。!?:\n\d]*")
_BOUND_WORDS = longest_first(list(_QL["before_number"]))  # 约, 近, 超过 …: a value's qualifier, written before it


def _strip_bound(noun: str) -> str:
    """``noun`` without the bracket and the qualifier that open the value after it (平均办理时间(约 → 平均办理时间)."""
    noun = noun.rstrip("(")
    word = next((w for w in _BOUND_WORDS if noun.endswith(w)), "")
    return noun[:len(noun) - len(word)].rstrip("(")


def _btv_verb(name: str) -> str:
    """An adverb (大幅) and a change verb, the verb as group ``name``."""
    return rf"(?:{alt(longest_first(_BTV['adverbs']))})?(?P<{name}>{alt(longest_first(_DEC2 + _INC2 + _SPEED))})"


_MARKED_THEN_VERB = re.compile(rf"(?P<marker>{alt(_MK['before'])})(?P<noun>[^,;。!?:\n\d]{{0,{int(_BTV['noun'])}}}?)"
                               rf"{_btv_verb('verb')}了?(?=[,;。!?\n]|$)")
# … the verb ends the old value's clause, or opens the next one (较2018年6.01天,提速202.01%)
_OLD_THEN_VERB = re.compile(rf"[)]?(?:{_btv_verb('verb1')}了?(?=[,;。!?\n]|$)|(?=,{_btv_verb('verb2')}))")
_BASELINE_AFTER = re.compile(rf"(?:{alt(_AM['comparison'])})?(?:{alt(_MK['before'])})"
                             rf"(?:[^,;。!?:\n\d]{{0,{int(_MK['baseline_after_gap'])}}}"
                             rf"|[^,;。!?:\n\d]{{0,{int(_BA_LONG['gap'])}}}(?:{alt(_BA_LONG['verbs'])})"
                             rf"|,[^,;。!?:\n\d]{{1,{int(_MK['baseline_after_clause'])}}},(?:{alt(_BA_LONG['verbs'])}))$")
_BASELINE_AFTER_REACH = 2 + max(map(len, _MK["before"])) + max(int(_MK["baseline_after_gap"]),
                                                               int(_BA_LONG["gap"]) + max(map(len, _BA_LONG["verbs"])),
                                                               2 + int(_MK["baseline_after_clause"]) + max(map(len, _BA_LONG["verbs"])))

_PAST_SPAN = _MK["past_span"]  # 过去十年
# a time spent, then 现在 (耗费一年多时间,现在只要100多天): the before value with no marker
_STN = _MK["spent_then_now"]
_NEXT_MEASURE = _MK["next_measure"]
_SPENT = re.compile(rf"(?:{alt(_BA_LONG['verbs'])}|(?<![{chars(_STN['not_after'])}])(?:{alt(_STN['verbs'])}))"
                    rf"[^,;。!?:\n\d]{{0,{int(_STN['gap'])}}}$")
_NOW_DONE = re.compile(rf"(?:{alt(_STN['done'])})(?!率)")  # 现在一个窗口3天办结 (not 3天办结率: a rate)
_SPENT_REACH = max(map(len, _BA_LONG["verbs"] + _STN["verbs"])) + int(_STN["gap"]) + 2
_NOW_ONLY = re.compile(rf"(?:{alt(_BA['bare_from_to']['only'])})[^,;。!?:\n\d]{{0,3}}$")  # 现…仅4至6小时
_CONTRAST_OPEN = re.compile(rf"[“”\"\s]*(?:{alt(longest_first(_MK['spent_then_contrast']['openers']))})")

# a level given as the basis of a further change (在…0.5天办结…的基础上, … 提速至2小时)
_BASIS = _MK["basis"]
_BASIS_CLOSE = re.compile(re.escape(_BASIS["close"]))
_PB = _MK["points_back"]
_POINTS_BACK = re.compile(rf"(?<![{chars(_PB['not_after'])}])(?:{alt(_PB['words'])})")  # 将以上程序, 这些材料

# a change with its measure and no value, its level in the next clause (压缩了审批时长,平均审批时间不到24小时)
_CHANGE_NO_VALUE = re.compile(rf"(?P<verb>(?:{alt(longest_first(_DIRECTIONAL))}){{1,{_MAX_VERBS}}})了?"
                              rf"(?P<obj>[^,;。!?:\n\d]{{1,{int(_MK['next_clause_object'])}}})$")
_RATE_MEASURES = tuple(_MK["next_clause_rates"])
_MEASURE_END = re.compile(rf"(?:{alt(_V['reform_measures'])})(?P<is>{alt(_MK['next_clause_level_words'])})?$")

# qualifier expected (预计 …), and ranks
_EXPECTED = re.compile(rf"(?<![{chars(_QL['expected']['not_after'])}])(?:{alt(_QL['expected']['words'])})")
_EXPECTED_NAME = _QL["expected"]["name"]
_RANK = re.compile(alt(_SJ["rank"]) + rf"|{_SJ['rank_ordinal']['open']}(?:{NUMBER})"
                   rf"(?:{alt(_SJ['rank_ordinal']['close'])})")  # 第101名
_RANK_UNIT = _SJ["rank_unit"]
_FREQUENCY = re.compile(rf"(?:{NUMBER})(?:{alt(longest_first(_SJ['frequency_counts']))})")  # 两周一班: 一班
_TIMES_UNITS = frozenset(f"count:{c}" for c in _SJ["frequency_counts"])  # counts of times or trips (次, 趟 …)
_TITLE_OPEN = _SJ["title"]["open"]
_TITLE = re.compile(rf"{_TITLE_OPEN}[^{_SJ['title']['close']}\n]{{0,{int(_SJ['title']['reach'])}}}{_SJ['title']['close']}")
_QN = _SJ["quoted_name"]
_QUOTE_MARKS = _QN["open"] + _QN["close"] + "".join(_QN["inner"])
_QUOTED_NAME = re.compile(rf"[{_QN['open']}{_QN['inner'][0]}][^{_QUOTE_MARKS}\n]{{1,{int(_QN['reach'])}}}[{_QN['close']}{_QN['inner'][1]}]")
_NUMBER_ONLY = re.compile(rf"(?:{NUMBER})[^\d,;。!?:\s]{{0,4}}")  # 四个, 三个环节: a count, its classifier and noun, nothing else
_SH = _SJ["service_hours"]
_SERVICE_BEFORE, _SERVICE_AFTER = tuple(_SH["before"]), tuple(_SH["after"])
_GROWTH = re.compile(alt(_V["growth"]))
_FLOW = re.compile(alt(_V["flows"]))
_FLOW_SUM = re.compile(rf"(?:{_FLOW.pattern})[^,;。]{{0,{int(_V['flow_sums']['gap'])}}}(?:{alt(_V['flow_sums']['sums'])})")
_DECLINE_GAP = int(_V["volume_decline_gap"])
_POLICY_PARAMETER = re.compile(alt(_V["policy_parameters"] + _V["policy_limits"]))  # with a level
_TIME_ALLOWED = re.compile(alt(_V["time_allowed"]))
_TIME_ALLOWED_AFTER = re.compile(rf"[^\d,;。!?:\n]{{0,{int(_V['time_allowed_gap'])}}}(?:{alt(_V['time_allowed'])})")
_POLICY_LIMIT = re.compile(alt(_V["policy_limits"]))
_POLICY_RATE = re.compile(alt(_V["policy_rates"]))  # 税率降至15%
_BREAKDOWN = re.compile(alt(_V["breakdown"]))
_BREAKDOWN_WORDS = tuple(_V["breakdown"])
_SHARE_NOUN = re.compile(alt(_V["share_nouns"]))
_SHARE_TOTAL = re.compile(rf"{re.escape(_V['share_word'])}[^,;。!?:\n\d]{{0,{int(_V['share_total_gap'])}}}"
                          rf"(?:{alt(_V['share_totals'])})")  # 占全省, 占运营总
_SHARE_COMPOSITION = re.compile(alt(_V["share_composition"]))  # 社会投资占比
_SHARE_INDICATOR = re.compile(alt(_V["share_indicators"]))  # 经济外向度
_UPTAKE_UNITS = frozenset(_V["uptake_units"])
_UPTAKE_USER = re.compile(rf"(?:{alt(_V['uptake_verbs'])})(?:[^,;。!?:\n\d]{{0,{int(_V['uptake_gap'])}}}的)?"
                          rf"(?:{alt(_V['uptake_users'])})")  # 实施“船边直提”的企业, 参与企业
_UPTAKE_NAMED = re.compile(alt(_V["uptake_users"]))
_UPTAKE_RATE = re.compile(rf"(?:{alt(_V['growth'])})[^,;。!?:\n\d]{{0,{int(_V['uptake_rate_gap'])}}}$")
_ASPECT = re.compile(alt(_V["aspect_nouns"]))
_SINCE = tuple(_MK["since"])
_REFORM_MEASURE = re.compile(alt(_V["reform_measures"]))
_YOY_AT_START = rf"(?:(?<=[,;:\n])(?:{alt(_V['year_on_year_clause_start'])}))"  # ,年增45%
_YEAR_ON_YEAR = re.compile(rf"{alt(_V['year_on_year'])}|{_YOY_AT_START}")
_YOY_VERB = re.compile(rf"(?:{alt(longest_first(_V['year_on_year']))}|{_YOY_AT_START})(?:{alt(_V['year_on_year_between'])})?"
                       rf"(?:{alt(longest_first(_DIRECTIONAL))})")
_YOY_REACH = max(map(len, _V["year_on_year"])) + max(map(len, _V["year_on_year_between"]))
_VOLUME_SUBJECT = re.compile(alt(_V["volume_subjects"]))
_MONEY_VOLUME_SUBJECT = re.compile(alt(_V["money_volume_subjects"]))
_VOLUME_SUFFIX = re.compile(rf"(?<![{chars(_V['volume_suffix']['not_after'])}]){_V['volume_suffix']['word']}$")
_FURTHER = re.compile(alt(_V["further"]))
_COMPLETED_MARKS = tuple(_V["completed_marks"])
_VOLUME_UNITS = frozenset(_V["volume_units"])
_RUNNING_TOTAL = re.compile(rf"\s*[、,;，；]\s*(?:{alt(_V['running_total']['opens'])})(?:{alt(_V['running_total']['verbs'])})"
                            rf"\s*[\d{chars(_V['running_total']['numerals'])}]")  # …总量达2971个, not 累计为企业节省
_SHARE_RE = re.compile(re.escape(_SHARE))  # 占
_AVERAGE_GROWTH = re.compile(rf"(?:{alt(_V['average_growth'][0])})(?:{alt(_V['average_growth'][1])})")
_SPAN_SUBJECT = re.compile(rf"[\d{chars(CN_DIGIT)}{TEN}{chars(LEX['numerals']['small_units'])}{LEX['numerals']['some']}"
                           rf"{_MORE_CHARS}]+(?:{alt(_V['span_growth'][0])})(?:{alt(_V['span_growth'][1])})?")
_EACH_CHANGE = re.compile(rf"{_SJ['each_change']}(?:{alt(longest_first(_DIRECTIONAL))})")

# rules 5 and 6, N合1 and 翻一番
_N1 = LEX["n_in_one"]
_TWO_PLUS = chars(d for d, v in CN_DIGIT.items() if v >= 2)
# A pattern that opens with a lookbehind is tried at every character; a lookahead of its first character
# before it lets ``re`` skip to the candidates (three times faster on a whole text).
_HE1 = re.compile(rf"(?=[\d{_TWO_PLUS}{TEN}])(?<![\d.{NONZERO}{TEN}])(?P<n>\d{{1,2}}|[{_TWO_PLUS}{TEN}]{{1,3}})"
                  rf"(?P<noun>[{chars(_N1['nouns'])}])?{_N1['joined']}(?:{alt(_N1['one'])})(?![\d.])")
_DB = LEX["doubling"]
_FAN_TIMES = {str(k): int(v) for k, v in _DB["counts"].items()}
_FAN = re.compile(rf"{_DB['verb']}{_DB['particle']}?(?P<n>[{chars(_FAN_TIMES)}]){_DB['noun']}")

# A number the quantity layer refuses to read (10^30, 1E+308, a run of 16 digits): a claim in its clause
# would miss it, so there is none.
_NQ = LEX["not_quantity"]
_UNREADABLE = re.compile(rf"\d(?:(?:\s?\^\s?|[{chars(_NQ['exponent_letters'])}][{chars(_NQ['exponent_signs'])}]?)\d"
                         rf"|\d{{{MAX_DIGITS}}})")

# folding, and plans
_RESTATE_WORDS = re.compile(rf"(?:{alt(LEX['fold']['restate_subject_end'])})$")
_DIGIT = re.compile(rf"[\d{NONZERO}{TEN}{HALF}]")


def _plan_words() -> str:
    """Alternation of the plan words, each not followed by what makes it another word (计划性) and not
    preceded by what makes it a programme's name (该计划) or what was planned before (原本计划)."""
    parts = []
    for word, after in _PL["words"].items():
        guard = "".join(f"(?<!{re.escape(b)})" for b in _PL["named_after"].get(word, []) + _PL["original_after"].get(word, []))
        parts.append(guard + not_followed({word: after}))
    return "|".join(parts)


_GB = _PL["guided_by"]
# 按照“…最短”的目标, : a goal the work follows, matched first so that its 目标 is no plan word (see _plan_in)
_GUIDED_GOAL = rf"(?:{alt(_GB['opens'])})[^,;。!?\n]{{0,{int(_GB['gap'])}}}?(?:{alt(_GB['nouns'])})(?=[,;])"
_PLAN = re.compile(_GUIDED_GOAL + "|" + _plan_words() + rf"|[{chars(_PL['will'])}](?:{alt(_PL['push'])})|{_PL['will'][0]}(?:{alt(_PL['push_adverbs'])})(?:{alt(_PL['push'])})"
                   rf"|{_PL['must']['word']}(?<![{chars(_PL['must']['not_after'])}]{_PL['must']['word']})"
                   rf"(?=[{chars(''.join(sorted({v[0] for v in _DEC2 + _INC2})))}])(?=(?:{alt(longest_first(_DEC2 + _INC2))}))")
_GUIDED_OPENS = tuple(_GB["opens"])


def _plan_in(text: str, a: int, b: int, first: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Span of the first plan word in text[a:b] (``first``: the first match of :data:`_PLAN` there, when known),
    passing over the goals the work follows (按照…的目标, then the clause goes on: what was done to that end)."""
    span = first if first is not None else (m.span() if (m := _PLAN.search(text, a, b)) else None)
    while span is not None and text.startswith(_GUIDED_OPENS, span[0]):
        m = _PLAN.search(text, span[1], b)
        span = m.span() if m else None
    return span
_PLAN_AFTER_ONLY = re.compile(alt(_PL["after_only_push"]))
_ESTIMATE = re.compile(alt(_PL["estimate"]))
_PROJECTION = frozenset(_PL["projection"])
_PROGRESS = re.compile(rf"(?:{alt(_PL['progress'][0])}).*(?:{alt(_PL['progress'][1])})$")
_AS_OF = _SJ["as_of"]  # 截至
_MODAL = re.compile(not_followed(_PL["modal"]))
_CONDITIONAL = re.compile(not_followed(_PL["conditional"]))
_SUFFICIENT = _PL["sufficient"]
_SUFFICIENT_THEN = re.compile(alt(_SUFFICIENT["then"]))
_CONDITION_END = re.compile(rf"(?<![{chars(_PL['condition_end_not_after'])}]){_PL['condition_end']},")
_PROCEDURE_SETTING = re.compile(rf"{_PL['procedure_setting']['open']}(?:{alt(_PL['procedure_setting']['verbs'])})")
_DIRECTIVE = re.compile(rf"\s*(?:{alt(_PL['directive_openers'])})")
_SAYS = _PL["says"]
_PLAN_SAYS = re.compile(rf"(?:(?:{alt(_SAYS['nouns'])})》?|(?:{alt(_SAYS['titled_nouns'])})[》”])"
                        rf"(?:{alt(_SAYS['verbs'])})[{chars(_SAYS['then'])}]")
_SAYS_UNTIL = re.compile(f"[{chars(_SAYS['until'])}]")
_PLAN_ACCORDING = re.compile(rf"(?:{alt(_SAYS['according'])})[^《》,;。!?:\n]{{0,{int(_SAYS['according_gap'])}}}《[^》\n]{{0,{int(_SAYS['title'])}}}?(?:{alt(_SAYS['nouns'] + _SAYS['titled_nouns'])})》"
                             rf"[{chars(_SAYS['then'])}]")
_WILL = re.compile(f"[{chars(_PL['will'])}]")
_TR = _PL["target_reached"]
_REACHED_VERB = re.compile(alt(_TR["verbs"]))  # 实现了…的目标
_SET_BY = re.compile(alt(_TR["set_by"]))
_PROVISIONS_WORD = re.compile(re.escape(_PL["provisions"]["then"]))  # 如下
_PROVISIONS = re.compile(rf"(?:{alt(_PL['provisions']['nouns'])}){_PL['provisions']['then']}")  # 通知如下
_ACHIEVED = re.compile(rf"(?:{alt(_PL['achieved'])})(?:{alt(longest_first(_DIRECTIONAL))})")  # 已压缩至
_DEADLINE = re.compile(rf"(?<![{chars(_PL['deadline_not_after'])}])(?:{alt(_PL['deadline_by'])})(?:19|20)\d\d年(?:\d{{1,2}}月)?(?:底|末)?"
                       rf"|(?:19|20)\d\d年(?:\d{{1,2}}月)?(?:{alt(_PL['deadline_end'])})")
_TU = _PL["task_units"]
_TASK_UNITS = re.compile(rf"{re.escape(_TU['open'])}(?:{alt(_TU['units'])}){re.escape(_TU['then'])}")
_QT = _PL["quoted_target"]
_QUOTED_TARGET = re.compile(rf"[^,;。!?\n“”]{{0,{int(_QT['gap'])}}}?(?:{alt(_QT['nouns'])})")
_TS = _PL["target_set"]
_TARGET_NOUN_AFTER = re.compile(rf"[^,;。!?\n“”\d]{{0,{int(_TS['gap'])}}}?(?:{alt(_QT['nouns'])})")
_MERGE_TO = re.compile(rf"(?:{alt(_V['merge'])})(?:{_TO})")  # 整合至 / 合并为 with no count before

# subject clean-up
_LEAD = re.compile(
    rf"^(?:{alt(_SJ['lead'])}"
    rf"|{_SJ['as_of']}[^,]{{0,12}}?[{chars(_SJ['as_of_end'])}]"  # 截至2020年底
    rf"|\d{{4}}年度?(?:\d{{1,2}}(?:-\d{{1,2}})?月)?[{chars(_SJ['year_end'])}]?"  # 2019年, 2020年1-6月
    rf"|\([{NONZERO_POSITIONAL}{TEN}\d]+\)|[{NONZERO_POSITIONAL}{TEN}]+、|\d+\."  # (一) 一、 1.
    rf"|{_SJ['according_to']}[^,]{{0,8}}?(?:{alt(_SJ['according_to_end'])}))+")  # 据海关统计
_TRAIL_WORDS = frozenset(_SJ["trail"])
_TRAIL_LENS = sorted({len(w) for w in _TRAIL_WORDS})
_TRAIL_LAST = frozenset(w[-1] for w in _TRAIL_WORDS)
_CMP_CUT = re.compile(not_followed(_AM["comparison"])
                      + rf"|{_AM['compare_with'][0]}[^,]{{0,12}}{_AM['compare_with'][1]}")
_PER_CUT = re.compile(alt(_SJ["cut_before"]))
_VERBISH = re.compile(alt(_SJ["verbs"]))
_SPEED_RE = re.compile(alt(_SPEED))
_TIME_SUBJECT_RE = re.compile(f"[{chars(_V['time_subject_chars'])}]")
_SPEED_SUBJECTS = tuple(_V["speed_subjects"])


@lru_cache(maxsize=4096)
def _clean_subject(s: str) -> tuple[str, int]:
    """Short subject phrase from a clause fragment; returns (subject, offset of subject in ``s``).
    (Cached: the same fragment recurs in lists, tables and repeated boilerplate.)"""
    off = 0
    i = max(s.rfind(","), s.rfind(";"), s.rfind("。"), s.rfind(":"), s.rfind("\n"), s.rfind("!"), s.rfind("?"))
    if i >= 0:
        off, s = off + i + 1, s[i + 1:]
    if s.count("(") > s.count(")"):
        j = s.rfind("(")
        s = s[:j]
    s = _PAREN.sub(lambda m: "\x00" * len(m.group(0)), s)
    m = _CMP_CUT.search(s)
    if m and m.start() > 0:
        s = s[:m.start()]
    elif m:
        return "", off
    m = _PER_CUT.search(s)
    if m and m.start() > 0:
        s = s[:m.start()]
    m = _LEAD.match(s)
    if m:
        off, s = off + m.end(), s[m.end():]
    s = s[:_trail_start(s)]
    j = s.rfind(_POSSESSIVE)
    opens = s.rfind(_FRAME_OPEN, 0, j) if 0 <= j and s.startswith(_FRAME_AFTER, j + 1) else -1
    if opens == -1 and s.endswith(_FRAME_AFTER):  # 在原有标准基础上 (no 的): the frame ends the subject
        opens = s.rfind(_FRAME_OPEN, 0, len(s) - max(len(w) for w in _FRAME_AFTER if s.endswith(w)))
    if opens > 0:
        s = s[:opens]  # 在2015年1133亿元的基础上: the subject is before the frame
        s = s[:_trail_start(s)]
        j = s.rfind(_POSSESSIVE)
    if 0 <= j and len(s) - j - 1 >= 2:
        off, s = off + j + 1, s[j + 1:]
    if len(s.replace("\x00", "")) > 14:
        last = None
        for last in _VERBISH.finditer(s):
            pass
        if last is not None and len(s) - last.end() >= 2:
            off, s = off + last.end(), s[last.end():]
    k = len(s) - len(s.lstrip("“”\"' \x00"))
    off, s = off + k, s[k:]
    s = s.rstrip("“”\"' \x00").replace("\x00", "")
    return s, off


def _trail_start(s: str) -> int:
    """Where the run of trail words (可以, 已, 均, 了 …) at the end of ``s`` starts (``len(s)`` if none): the
    leftmost position from which the rest of ``s`` is a sequence of trail words, at most
    :data:`_MAX_TRAIL` characters back."""
    n = len(s)
    if not n or s[-1] not in _TRAIL_LAST:
        return n
    ok, best, miss, longest = {n}, n, 0, _TRAIL_LENS[-1]
    for p in range(n - 1, max(0, n - _MAX_TRAIL) - 1, -1):
        if any(p + k in ok and s[p:p + k] in _TRAIL_WORDS for k in _TRAIL_LENS):
            ok.add(p)
            best, miss = p, 0
        else:
            miss += 1
            if miss >= longest:  # no word sequence can bridge this gap: nothing further left fits
                break
    return best


class _Claim:
    """A claim in normalised coordinates (internal; the dataframe is the public form).

    ``after_tok`` is the token of the after value of an after-only claim (rule 3 may add its before
    value); ``base_tok`` the token of a baseline stated with 比/较 in an amount-of-change claim (the
    folding step may make it the before value)."""

    __slots__ = ("start", "end", "subject", "kind", "direction", "before", "after", "change", "pct", "unit", "per",
                 "quals", "sent", "after_only", "after_tok", "base_tok")

    def __init__(self, start, end, subject, kind, direction, unit, sent):
        self.start, self.end, self.subject, self.kind, self.direction = start, end, subject, kind, direction
        self.before = self.after = self.change = self.pct = None
        self.unit, self.per, self.quals, self.sent = unit, "", [], sent
        self.after_only = False
        self.after_tok: int | None = None
        self.base_tok: int | None = None


def _is_span_since(text: str, q: Qty) -> bool:
    """Is ``q`` a span of time up to now (五年来, 三年以来: the period a text looks back over, no value)?"""
    return q.dimension == "duration" and text.startswith(_SINCE, q.end)


def _zero_tokens(doc: Doc) -> list[Qty]:
    """Values that are not written as numbers: 当场办结 (0 h, on the spot), 降为零 / “零收费” (0 in whatever
    unit the before value has: dimension ``zero``), 零跑动 / 一次都不用跑 (0 times), and 变成当天 / 缩短至当日
    (the same day: within 24 h)."""
    out = []
    t = doc.text
    for m in _ZERO.finditer(t):
        out.append(Qty(m.start(), m.end(), m.start(), m.end(), 0.0, 0.0, "h", "duration", "",
                       [_QL["on_the_spot"]], ""))
    if _ZERO_VALUE_GATE.search(t):
        for m in _ZERO_VALUE.finditer(t):
            out.append(Qty(m.start(), m.end(), m.start(), m.end(), 0.0, 0.0, "", "zero", "", [], ""))
    if any(w in t for w in _SAME_DAY["words"]):
        h = float(_SAME_DAY["hours"])
        for m in _SAME_DAY_RE.finditer(t):
            out.append(Qty(m.start(), m.end(), m.start(), m.end(), h, h, "h", "duration", "", [_SAME_DAY["qualifier"]],
                           m.group(0)))
    if _AM_PM["morning"] in t:
        for m in _AFTERNOON.finditer(t):
            a, b = m.span(1)
            out.append(Qty(a, b, a, b, float(_SAME_DAY["hours"]), float(_SAME_DAY["hours"]),
                           "h", "duration", "", [_SAME_DAY["qualifier"]], m.group(1)))
    for m in _ZERO_TRIPS.finditer(t):
        a = m.start()
        a -= len(next((w for w in _TRIPS_LEAD if t.endswith(w, 0, a)), ""))
        out.append(Qty(a, m.end(), a, m.end(), 0.0, 0.0, "count:次", "count", "", [], t[a:m.end()]))
    return out


def _elided_units(doc: Doc, toks: list[Qty]) -> None:
    """A unit written once (从120个工作日减至30个; 由5个工作日减至2个-3个; 原来需要120个工作日,现在只要30个): a bare
    classifier count right after a value of the same clause, or of the clause before in the same sentence when an
    after marker stands before the count in its own clause, whose
    unit word starts with that classifier, and followed by punctuation or the end, is in that unit. Rewrites
    ``toks`` in place."""
    text = doc.text
    for k in range(1, len(toks)):
        b, a = toks[k], toks[k - 1]
        if b.dimension != "count" or not b.surface or a.surface == b.surface or not a.surface.startswith(b.surface) \
                or a.surface not in UNITS:
            continue
        bc = doc.clause_start(b.start)
        if doc.clause_start(a.start) != bc and (bc == 0 or doc.clause_start(bc - 1) > a.start
                                                or doc.sentence_start(a.start) != doc.sentence_start(b.start)
                                                or not _AFTER_MARK.search(text, bc, b.start)):
            continue  # (the clause before, with an after marker in b's: …前期审批环节减少14个以上 names its own noun)
        if b.end < len(text) and text[b.end] not in _ELIDED_END:
            continue
        info = UNITS[a.surface]
        quals = b.quals + [x for x in a.quals if x == _QL["working_days_name"] and x not in b.quals]
        toks[k] = Qty(b.start, b.end, b.nstart, b.nend, b.low * info.factor, b.high * info.factor, info.canonical,
                      info.dimension, b.per, quals, a.surface)


def _list_units(doc: Doc, toks: list[Qty]) -> None:
    """A unit written once after the last item of a list (分别压缩至8个、5个工作日以内): a bare classifier
    count joined by 、/和/及/与 right to the next value, whose unit word starts with that classifier, is in
    that unit and takes the qualifiers written after the last item (以内, 左右 …; not 多/余, which belong to a
    number). Read from the end, so that every earlier item of a longer list takes them. Rewrites ``toks``."""
    text = doc.text
    for k in range(len(toks) - 2, -1, -1):
        b, a = toks[k], toks[k + 1]
        if b.dimension != "count" or not b.surface or b.quals or a.surface == b.surface \
                or not a.surface.startswith(b.surface) or a.surface not in UNITS \
                or text[b.end:a.start] not in _LIST_JOINER_SET:
            continue
        info = UNITS[a.surface]
        tail = text[a.nend:a.end]
        quals = [x for x in a.quals if x == _QL["working_days_name"]]
        quals += [n for n in dict.fromkeys(_SHARED_AFTER[w] for w in _SHARED_AFTER if w in tail) if n not in quals]
        toks[k] = Qty(b.start, b.end, b.nstart, b.nend, b.low * info.factor, b.high * info.factor, info.canonical,
                      info.dimension, b.per, quals, a.surface)


_BARE_ITEM = re.compile(r"(?<![\d._])(\d{1,6}(?:\.\d{1,4})?)、$")  # 65、 (before 53、50个工作日)


def _span_ranges(doc: Doc, toks: list[Qty]) -> list[Qty]:
    """``toks`` with a range said as its two ends in two clauses (少则7、8个月,多则一年; 短则一周,长则需要一个月) read as
    one value from the first's low to the second's high (see ``span_range``)."""
    text = doc.text
    starts = None
    pairs: dict[int, Qty] = {}  # index of the low end → the range
    for w in _SR["high"]:  # from each high word: the value right after it, and the one before it
        p = text.find(w)
        while p != -1:
            if starts is None:
                starts = [q.start for q in toks]
            kb = bisect_left(starts, p)
            if 0 < kb < len(toks) and (r := _span_range(doc, toks[kb - 1], toks[kb])) is not None:
                pairs[kb - 1] = r
            p = text.find(w, p + 1)
    if not pairs:
        return toks
    out, k = [], 0
    while k < len(toks):
        if k in pairs:
            out.append(pairs[k])
            k += 2
        else:
            out.append(toks[k])
            k += 1
    return out


def _span_range(doc: Doc, a: Qty, b: Qty) -> Qty | None:
    """The range of low end ``a`` (after 少则/短则 …) and high end ``b`` (after 多则/长则 … in the next clause), or None."""
    text = doc.text
    lo = _SPAN_LOW.search(text, max(0, a.nstart - _SPAN_LOW_REACH), a.nstart)
    if lo is None or a.dimension != b.dimension or a.dimension not in ("duration", "count", "money") \
            or doc.clause_start(b.start) != doc.clause_end(a.start) + 1 \
            or not _SPAN_HIGH.search(text, doc.clause_start(b.start), b.nstart) \
            or doc.sentence_start(a.start) != doc.sentence_start(b.start):
        return None
    low = a.low
    m = _BARE_ITEM.search(text, max(0, a.nstart - 4), a.nstart)  # 7、8个月: seven or eight months
    if m is not None and UNITS.get(a.surface) is not None:
        low = min(low, float(m.group(1)) * UNITS[a.surface].factor)
    start = m.start(1) if m is not None else (lo.end() if lo.end() <= a.start else a.start)
    return Qty(start, b.end, start, b.nend, low, b.high, b.unit if a.unit == b.unit else a.unit, a.dimension,
               a.per or b.per, sorted(set(a.quals) | set(b.quals)), a.surface)


def _bare_list_items(doc: Doc, toks: list[Qty]) -> list[Qty]:
    """``toks`` with the bare numbers of a 分别 list whose unit is written once, after its last item (分别由2019年的
    65、53、50个工作日,压缩到目前的39、33、31个工作日): each number joined by 、 right before a value, in a sentence
    that holds 分别 before it, is a value in that value's unit."""
    text = doc.text
    if _RESPECTIVELY not in text or "、" not in text:
        return toks
    extra = []
    for a in toks:
        if a.surface not in UNITS or a.nstart < 2 or text[a.nstart - 1] != "、" \
                or _RESPECTIVELY not in text[doc.sentence_start(a.start):a.start]:
            continue
        info, pos = UNITS[a.surface], a.nstart
        quals = [x for x in a.quals if x == _QL["working_days_name"]]
        while (m := _BARE_ITEM.search(text, max(0, pos - 12), pos)) is not None:
            v = float(m.group(1)) * info.factor
            extra.append(Qty(m.start(1), m.end(1), m.start(1), m.end(1), v, v, info.canonical, info.dimension,
                             a.per, list(quals), a.surface))
            pos = m.start(1)
    return sorted(toks + extra, key=lambda q: q.start) if extra else toks


_SR = _MK["span_range"]
_SPAN_LOW = re.compile(rf"(?:{alt(_SR['low'])})[^,;。!?:\n\d]{{0,{int(_SR['gap'])}}}(?:\d{{1,2}}、)?$")
_SPAN_LOW_REACH = max(map(len, _SR["low"])) + int(_SR["gap"]) + 3
_SPAN_HIGH = re.compile(rf"(?:{alt(_SR['high'])})[^,;。!?:\n\d]{{0,{int(_SR['gap'])}}}$")
_MONEY_NOUN_RE = re.compile(alt(_AM["money_nouns"]))
_BARE_MONEY = re.compile(  # 1400多万 / 720万 / 超千万, then the clause's end, a change verb or a to word
    rf"(?P<q>{_MONEY_BOUND})?(?P<num>{NUMBER})"
    rf"(?=[,;。!?:\n)(\s]|$|(?:{_VERB_ANY})|(?:{_TO}))")


def _money_tokens(doc: Doc, toks: list[Qty]) -> list[Qty]:
    """``toks`` with the amounts written without 元 in a clause about money (物流成本由原来的每年1400多万降至现在的
    720万): a value that ends with 万/亿, after one of the money nouns (成本, 费用 …) of its clause and before the
    clause's end, a change verb or a to word, is in yuan."""
    text = doc.text
    if not any(ch in text for ch in _AM["money_magnitudes"]) or not _MONEY_NOUN_RE.search(text):
        return toks
    starts = [q.start for q in toks]
    extra: list[Qty] = []
    scanned = 0
    for noun in _MONEY_NOUN_RE.finditer(text):  # the rest of each clause that names money (few), not the text
        a = max(noun.end(), scanned)
        scanned = min(len(text), doc.clause_end(noun.end()) + 1)
        for m in _BARE_MONEY.finditer(text, a, scanned):
            num = m.group("num")
            if num.rstrip(_MORE_CHARS)[-1:] not in _AM["money_magnitudes"]:
                continue
            i = bisect_right(starts, m.end()) - 1
            if i >= 0 and toks[i].end > m.start():
                continue  # a quantity with its unit (720万元) or inside one
            r = _money_value(m.group(0))
            if r is not None:
                extra.append(Qty(m.start(), m.end(), m.start("num"), m.end(), r[0], r[1], _MONEY_UNIT, "money", "",
                                 _money_quals(m.group(0)), _AM["money_unit"]))  # the unit it leaves out
    return sorted(toks + extra, key=lambda q: q.start) if extra else toks


def _is_trips(q: Qty) -> bool:
    """Is ``q`` a zero-trips token (零跑动, 一次都不用跑)?"""
    return _ZERO_TRIPS.search(q.surface) is not None


def _inside(qs: list[Qty], qstarts: list[int], z: Qty) -> bool:
    i = bisect_right(qstarts, z.start) - 1
    return i >= 0 and qs[i].end > z.start


def _compatible(a: Qty, b: Qty) -> bool:
    """Can ``b`` be the after value of before value ``a``? (same dimension; same unit unless counts)"""
    if b.dimension == "zero":  # 降为零: zero in whatever unit the before value has
        return a.dimension != "zero"
    if a.dimension != b.dimension:
        return False
    if a.dimension == "count":  # any classifier, but persons only with persons (see count_kinds_apart)
        return (_count_kind(a.unit) in _KINDS_APART) == (_count_kind(b.unit) in _KINDS_APART)
    return a.unit == b.unit


_KINDS_APART = frozenset(_BA["count_kinds_apart"])


def _count_kind(unit: str) -> str:
    """English name of a count unit's classifier (count:名 → person)."""
    return _COUNT_EN.get(unit.partition(":")[2], "")


def _claim_unit(a: Qty | None, b: Qty | None) -> str:
    units = [q.unit for q in (a, b) if q is not None and q.surface != "" and q.unit]
    if not units:
        units = [q.unit for q in (a, b) if q is not None and q.unit]
    for u in units:
        if u != "count:个":
            return u
    return units[0] if units else ""


def _direction_of_verbs(verbs: str, subject: str = "", dimension: str = "") -> str | None:
    """decrease / increase from a verb chain (整合减少, 缩短, 提高 …), None if only neutral verbs. 提速 (speed
    up) decreases a time: its subject names one, or its value is a duration (许可证从7个工作日提速至2个工作日); a
    speed raised whose values are durations does too (出厂速度从3分钟提升为1分钟)."""
    if _SPEED_RE.search(verbs):
        return "decrease" if dimension == "duration" or _TIME_SUBJECT_RE.search(subject) else "increase"
    direction = _chain_direction(verbs)
    if direction == "increase" and dimension == "duration" and subject.endswith(_SPEED_SUBJECTS):
        return "decrease"  # 出厂速度从3分钟提升为1分钟: the time falls (运行速度从13天缩短至11天 names the time)
    return direction


@lru_cache(maxsize=1024)
def _chain_direction(verbs: str) -> str | None:
    """Direction of a verb chain without 提速 (cached: chains are a small vocabulary)."""
    d = None
    i = 0
    while i < len(verbs):
        two = verbs[i:i + 2]
        if two in _DEC_SET:
            d = "decrease"
            i += 2
            continue
        if two in _INC_SET:
            d = "increase"
            i += 2
            continue
        one = verbs[i]
        if one in _DEC_SET and d is None:
            d = "decrease"
        elif one in _INC_SET and d is None:
            d = "increase"
        i += 1
    return d


def _context_quals(text: str, a: int, b: int) -> list[str]:
    seg = text[a:b]
    return [q for w, q in _CONTEXT_QUAL if w in seg]


def _value_direction(before: float, after: float) -> str:
    return "decrease" if after < before else "increase"


# --- the state the rules share -------------------------------------------------------------------
class _Spans:
    """The spans of the claims found so far, for asking whether a stretch of text is already claimed."""

    def __init__(self, claims: list[_Claim]):
        spans = sorted((c.start, c.end) for c in claims)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # the furthest end among the first k

    def overlap(self, a: int, b: int) -> bool:
        """Does a claim cover part of [a, b)?"""
        k = bisect_left(self.starts, b) - 1
        return k >= 0 and self.reach[k] > a


class _Run:
    """One document being read: its tokens (quantities and zero values, in order), the sentence start of
    each, the tokens a claim already uses, and the claims so far. Rules add claims with :meth:`emit`."""

    __slots__ = ("doc", "text", "toks", "sent", "starts", "used", "out", "n", "_marks", "_occurs", "_firsts", "_opens",
                 "ends_by_sentence", "_noun_links")

    def __init__(self, doc: Doc, qs: list[Qty]):
        zeros = _zero_tokens(doc)
        if zeros and qs:  # a zero inside a quantity (为0.5天 is excluded by the pattern; 为0元 is a quantity)
            qstarts = [q.start for q in qs]
            zeros = [z for z in zeros if z.dimension != "zero" or not _inside(qs, qstarts, z)]
            trips = [(z.start, z.end) for z in zeros if _is_trips(z)]
            if trips:  # 一次都不用跑 is zero trips, not one trip: its 一次 is no quantity of its own
                qs = [q for q in qs if not any(a <= q.start < b for a, b in trips)]
        self.doc, self.text = doc, doc.text
        self.toks: list[Qty] = sorted(qs + zeros, key=lambda q: q.start) if zeros else list(qs)
        if any(q.dimension == "duration" and self.text.startswith(_SINCE, q.end) for q in self.toks):
            self.toks = [q for q in self.toks if not _is_span_since(self.text, q)]
        _elided_units(doc, self.toks)
        _list_units(doc, self.toks)
        self.toks = _bare_list_items(doc, self.toks)
        self.toks = _span_ranges(doc, self.toks)
        self.toks = _money_tokens(doc, self.toks)
        self.n = len(self.toks)
        self.sent = [doc.sentence_start(q.start) for q in self.toks]
        self.starts = [q.start for q in self.toks]
        self.used: set[int] = set()
        self.out: list[_Claim] = []
        self._marks: dict[re.Pattern, tuple[list[int], list[int]]] = {}
        self._occurs: dict[re.Pattern, bool] = {}
        self._firsts: dict[tuple[re.Pattern, int], tuple[int, int] | None] = {}  # see _first
        self._opens: dict[re.Pattern, dict[int, bool]] = {}
        self.ends_by_sentence: dict[int, list[int]] | None = None  # set by _drop_plans (see _target_reached)
        self._noun_links: dict[int, bool] = {}  # see _noun_linked

    def _first(self, pattern: re.Pattern, a: int, b: int) -> tuple[int, int] | None:
        """Span of the first match of ``pattern`` in [a, b), found once per (pattern, a): every caller
        reads to the end of the sentence of ``a``, so ``a`` decides ``b``."""
        key = (pattern, a)
        if key not in self._firsts:
            m = pattern.search(self.text, a, max(a, b))
            self._firsts[key] = m.span() if m else None
        return self._firsts[key]

    def first_after(self, pattern: re.Pattern, a: int, pos: int) -> float:
        """End of the first match of ``pattern`` after ``a`` in the sentence of ``pos``, or infinity."""
        span = self._first(pattern, a, self.doc.sentence_end(pos))
        return span[1] if span else float("inf")

    def first_in_sentence(self, pattern: re.Pattern, pos: int) -> float:
        """End of the first match of ``pattern`` in the sentence of ``pos``, or infinity when there is none."""
        return self.first_after(pattern, self.doc.sentence_start(pos), pos)

    def sentence_opens_with(self, pattern: re.Pattern, pos: int) -> bool:
        """Does the sentence of ``pos`` open with ``pattern``? (Found once per sentence.)"""
        ss = self.doc.sentence_start(pos)
        if ss not in self._opens.setdefault(pattern, {}):
            self._opens[pattern][ss] = pattern.match(self.text, ss) is not None
        return self._opens[pattern][ss]

    def occurs(self, pattern: re.Pattern) -> bool:
        """Does ``pattern`` (a plain word list, no anchors or lookarounds) match anywhere in the text? A
        filter whose words the document never uses has nothing to drop (checked once per document)."""
        got = self._occurs.get(pattern)
        if got is None:
            got = self._occurs[pattern] = pattern.search(self.text) is not None
        return got

    def near(self, gate: tuple[frozenset, int], pos: int) -> bool:
        """Is one of the gate's characters among the ``gate[1]`` characters before ``pos``? (A necessary
        condition of a rule's pattern: a quick test before the pattern.)"""
        return not gate[0].isdisjoint(self.text[max(0, pos - gate[1]):pos])

    def plan_word(self, pos: int, end: int) -> tuple[int, int] | None:
        """The first plan or target word (力争, 目标 …) in the sentence of ``pos``, ending by ``end``, as
        (start, end), or None. (The first one of each sentence is found once.)"""
        ss, se = self.doc.sentence_start(pos), self.doc.sentence_end(pos)
        if end > se:  # a claim over two sentences (改革前 … 。 改革后 …): look at all of it
            return _plan_in(self.text, ss, end)
        first = self._first(_PLAN, ss, se)
        if first is not None and self.text.startswith(_GUIDED_OPENS, first[0]):
            first = _plan_in(self.text, ss, se, first)
        return first if first is not None and first[1] <= end else None

    def clause_start(self, pos: int) -> int:
        """Where a rule starts reading the clause of ``pos``: its start, or :data:`WINDOW` characters
        back in a longer clause."""
        return max(self.doc.clause_start(pos), pos - WINDOW)

    def _spans(self, pattern: re.Pattern) -> tuple[list[int], list[int]]:
        """Starts and ends of every match of ``pattern`` in the text (found once per document)."""
        got = self._marks.get(pattern)
        if got is None:
            spans = [m.span() for m in pattern.finditer(self.text)]
            got = self._marks[pattern] = ([a for a, _ in spans], [b for _, b in spans])
        return got

    def any_mark(self, pattern: re.Pattern, a: int, b: int) -> bool:
        """Is there a match of ``pattern`` inside [a, b)?"""
        starts, ends = self._spans(pattern)
        k = bisect_left(starts, a)
        return k < len(starts) and ends[k] <= b

    def within(self, pattern: re.Pattern, a: int, b: int) -> bool:
        """Is [a, b) inside one match of ``pattern``?"""
        starts, ends = self._spans(pattern)
        k = bisect_right(starts, a) - 1
        return k >= 0 and ends[k] >= b

    def last_mark(self, pattern: re.Pattern, a: int, b: int) -> tuple[int, int] | None:
        """The last match of marker ``pattern`` inside [a, b), as (start, end)."""
        starts, ends = self._spans(pattern)
        k = bisect_right(ends, b) - 1
        return (starts[k], ends[k]) if k >= 0 and starts[k] >= a else None


    def emit(self, c: _Claim, *tokens: int) -> None:
        """Add claim ``c``; ``tokens`` (indices) are its values, which no later rule may use."""
        self.out.append(c)
        self.used.update(tokens)

    def toks_in(self, a: int, b: int) -> range:
        """Indices of tokens starting in [a, b)."""
        return range(bisect_left(self.starts, a), bisect_left(self.starts, b))

    def between(self, i: int, j: int) -> str:
        """Text between tokens ``i`` and ``j``, parenthetical notes removed."""
        s = self.text[self.toks[i].end:self.toks[j].start]
        return _PAREN.sub("", s) if "(" in s else s

    def linked(self, i: int, j: int) -> bool:
        """Are tokens ``i`` and ``j`` items of one list (3次申报、3次查验)?"""
        return self.sent[i] == self.sent[j] and bool(_GROUP_LINK.match(self.between(i, j)))


# --- rule 1: before → after ----------------------------------------------------------------------
def _respectively(run: _Run, i: int) -> bool:
    """Is the before value ``i`` in a 分别 list (材料、时间分别由10份、5天减少到3份、1天)? Then the lists pair
    up in order, whatever their units."""
    a = run.toks[i]
    return _RESPECTIVELY in run.text[max(run.sent[i], a.start - 40):a.start]


def _parallel_lists(run: _Run, i: int, j: int) -> list[tuple[int, int]] | None:
    """The pairs (before, after) when the list that ends with before value ``i`` and the list that starts with
    after value ``j`` hold as many values, of the same kinds in the same order (平均承诺时限和平均申报材料由12.5天、
    5.72个压缩到6.39天、3.27个): they pair up in order without 分别. Else None."""
    g0, g1 = _group_start(run, i, True), _group_end(run, j, True)
    if i - g0 != g1 - j or i == g0:
        return None
    if not all(_compatible(run.toks[g0 + k], run.toks[j + k]) for k in range(i - g0 + 1)):
        return None
    return [(g0 + k, j + k) for k in range(i - g0 + 1)]


def _noun_linked(run: _Run, k: int) -> bool:
    """Are values ``k`` and ``k + 1`` items of one list written with only the first one's noun between them
    (3张申请表18个材料要件)?"""
    if k in run.used or k + 1 in run.used:
        return False
    link = run._noun_links.get(k)
    if link is None:  # the text between two values never changes: read it once per run
        link = run._noun_links[k] = (run.sent[k] == run.sent[k + 1]
                                     and bool(_NOUN_LINK.fullmatch(run.between(k, k + 1))))
    return link


def _noun_lists(run: _Run, i: int, j: int) -> list[tuple[int, int]] | None:
    """The pairs (before, after) of two lists whose items follow each other with only their nouns between (see
    ``noun_list`` in the lexicon): each after value with the one before value of its unit (classifier), every
    after value paired (3张申请表18个材料要件 → 1张申请表9个材料要件). Else None."""
    g0, g1 = i, j
    while g0 > 0 and i - g0 < _MAX_LIST and _noun_linked(run, g0 - 1):
        g0 -= 1
    while g1 + 1 < run.n and g1 - j < _MAX_LIST and _noun_linked(run, g1):
        g1 += 1
    if g0 == i or g1 == j:
        return None
    befores: dict[str, list[int]] = {}
    for k in range(g0, i + 1):
        befores.setdefault(run.toks[k].unit, []).append(k)
    pairs = []
    for k in range(j, g1 + 1):
        cands = befores.get(run.toks[k].unit, [])
        if len(cands) != 1:
            return None
        pairs.append((cands[0], k))
    return pairs


def _group_start(run: _Run, i: int, resp: bool) -> int:
    """First token of the list that ends with before value ``i`` (变3次申报、3次查验为 …)."""
    g0 = i
    while g0 - 1 >= 0 and i - g0 < _MAX_LIST and g0 - 1 not in run.used and run.linked(g0 - 1, g0) \
            and (resp or _compatible(run.toks[g0 - 1], run.toks[i])):
        g0 -= 1
    return g0


def _group_end(run: _Run, j: int, resp: bool) -> int:
    """Last token of the list that starts with after value ``j``."""
    g1 = j
    while g1 + 1 < run.n and g1 - j < _MAX_LIST and g1 + 1 not in run.used and run.linked(g1, g1 + 1) \
            and (resp or _compatible(run.toks[g1 + 1], run.toks[j])):
        g1 += 1
    return g1


def _trigger(prefix: str) -> re.Match | None:
    """由 / 从 / 将 / 把 / 变 / 改 at most 16 characters before the before value (``prefix`` ends there)."""
    for tm in _TRIGGER.finditer(prefix, max(0, len(prefix) - _TRIGGER_REACH - _TRIGGER_LEN)):
        if len(prefix) - tm.end() <= _TRIGGER_REACH:
            return tm
    return None


def _link(btw: str, prefix: str, trig: re.Match | None) -> tuple[str, str] | None:
    """(verbs, noun after the before value) when ``btw`` links a before and an after value
    (…缩短至…, or 变 A 为 B), else None."""
    m = _BETWEEN.match(btw)
    if m:
        if m.group("adv") is not None and len(m.group("pre")) > 8:
            return None
        if m.group("adv") is not None and trig is None and len(m.group("pre")) > 6:
            return None
        if m.group("adv") is not None and trig is None and _direction_of_verbs(m.group("verb")) is None:
            return None  # 取消审批37项,审批改为备案9项: a verb without a direction after a comma starts a new item
        return m.group("verb"), m.group("pre")
    m = _BETWEEN_BARE.match(btw)
    if not m or not _BARE_TRIGGER.search(prefix[-12:]):
        return None
    return "", m.group("pre")


def _trigger_subject(prefix: str, cs: int, trig: re.Match | None) -> tuple[str, int | None]:
    """Subject written before 由/从 (or before the value when there is no trigger) and its start."""
    if trig is not None and trig.group(0) in _SUBJECT_BEFORE_TRIGGER:
        subj, off = _clean_subject(prefix[:trig.start()])
    elif trig is None:
        subj, off = _clean_subject(prefix)
    else:
        return "", None
    return subj, (cs + off if subj else None)


def _before_after(run: _Run) -> None:
    """``[由|从|将|把] A … VERB(了)(到|至|为|成) B``, ``变 A 为 B``; parallel and 分别 lists pair up."""
    has_resp = _RESPECTIVELY in run.text
    for i in range(run.n - 1):
        j = i + 1
        if i in run.used or j in run.used or run.sent[i] != run.sent[j]:
            continue
        a, b = run.toks[i], run.toks[j]
        resp = has_resp and _respectively(run, i)
        if a.surface == "":
            continue
        listed = None
        if not (resp or _compatible(a, b)):
            listed = _parallel_lists(run, i, j) or _noun_lists(run, i, j)
            if listed is None:
                continue
            resp = True  # the lists pair up, as with 分别
        elif not resp and a.unit != b.unit and a.dimension == "count":
            listed = _noun_lists(run, i, j)  # 3张申请表18个材料要件,减少为1张申请表9个材料要件: by classifier
        btw = run.between(i, j)
        if _bare_from_to(run, i, j, btw):
            _emit_bare_from_to(run, i, j)
            continue
        if not (_BETWEEN.match(btw) or _BETWEEN_BARE.match(btw)):
            continue  # nothing links the two values (a quick test before the full one in _link)
        g0 = _group_start(run, i, resp)
        g1 = _group_end(run, j, resp)
        before_idx, after_idx = list(range(g0, i + 1)), list(range(j, g1 + 1))
        if listed is not None:
            pairs, g0 = listed, min(g0, listed[0][0])
        elif len(before_idx) == len(after_idx) and len(before_idx) > 1:
            pairs = list(zip(before_idx, after_idx))
        elif a.mid == b.mid:
            continue  # 1天减至1天: no change (and no list to pair up)
        else:
            pairs = [(i, j)]
        cs = run.clause_start(run.toks[g0].start)
        prefix = run.text[cs:run.toks[g0].start]
        trig = _trigger(prefix)
        if trig is None and _AFTER_ONLY.search(prefix):
            continue  # 已压缩到56个工作日,并将进一步压减至40个: A is its own verb's after value, no before value
        if trig is None and _CANCEL.search(prefix):
            continue  # 累计取消下放…事项783项,…削减至417项: a count of items cancelled, no level before
        link = _link(btw, prefix, trig)
        if link is None:
            continue
        verbs, noun = link
        trig_subj = None
        for bi, ai in pairs:
            qa, qb = run.toks[bi], run.toks[ai]
            if not _compatible(qa, qb) or qa.mid == qb.mid:
                continue
            if trig_subj is None:
                trig_subj = _trigger_subject(prefix, cs, trig)
            c = _pair_claim(run, bi, ai, i, noun, verbs, trig_subj, None if trig is None else cs + trig.start())
            if c is not None:
                run.emit(c, bi, ai)


def _bare_from_to(run: _Run, i: int, j: int, btw: str) -> bool:
    """``从 A 到 B`` with no verb and B smaller than A (企业注册从7天到半天; 从至少四次到只跑一次; 从“半年”到“一个月”): a decrease.
    Upwards (从3天到5天) or before 不等 it is a range."""
    quotes = _BFT["quotes"]
    btw = btw.strip(quotes)
    if btw not in _BARE_FROM_TO and not _BARE_TO_ONLY.fullmatch(btw):
        return False
    a, b = run.toks[i], run.toks[j]
    if not (b.mid < a.mid) or run.text[max(0, a.start - 2):a.start].rstrip(quotes)[-1:] != _BFT["from"]:
        return False
    return not run.text[b.end:b.end + 1 + len(_BFT["varies"])].lstrip(quotes).startswith(_BFT["varies"])


def _emit_bare_from_to(run: _Run, i: int, j: int) -> None:
    """The claim of ``从 A 到 B`` (see :func:`_bare_from_to`), its subject the words before 从."""
    cs = run.clause_start(run.toks[i].start)
    trig = _trigger(run.text[cs:run.toks[i].start])
    c = _pair_claim(run, i, j, i, "", "", _trigger_subject(run.text[cs:run.toks[i].start], cs, trig),
                    None if trig is None else cs + trig.start())
    if c is not None:
        if (qe := run.doc.quote_end(run.toks[j].start)) is not None:
            c.end = qe  # 从“半年”到“一个月”: the quote with its closing mark
        run.emit(c, i, j)


def _counts_of_another_noun(run: _Run, bi: int, ai: int) -> bool:
    """Do counts ``bi`` and ``ai``, across a comma and in other classifiers, count other things, the after
    value's noun written after it (事项数量精减到73项,整合为4个审批环节: items, then steps)?"""
    qa, qb = run.toks[bi], run.toks[ai]
    if qa.dimension != "count" or qa.unit == qb.unit or "," not in run.text[qa.end:qb.start]:
        return False
    nxt = run.text[qb.end:qb.end + 1]
    return bool(nxt) and nxt not in _ELIDED_END and not nxt.isspace()


def _pair_claim(run: _Run, bi: int, ai: int, i: int, noun: str, verbs: str, trig_subj: tuple[str, int | None],
                trig_pos: int | None) -> _Claim | None:
    """The claim of before value ``bi`` and after value ``ai`` (``i``: the last before value, whose noun is
    ``noun``; ``trig_subj``: the subject before 由/从 and its start), or None when the directions disagree."""
    text = run.text
    qa, qb = run.toks[bi], run.toks[ai]
    trig_subj, trig_start = trig_subj
    own_noun = noun if bi == i else _JOINER_END.sub("", text[qa.end:run.toks[bi + 1].start])
    own_noun = _PAREN.sub("", own_noun)
    subj, _ = _clean_subject(own_noun) if own_noun.strip() else ("", 0)
    if not subj:
        subj = trig_subj
    if _counts_of_another_noun(run, bi, ai):
        return None
    # with no subject, the clause's words before the values say what the verbs change (使每个集装箱出厂速度从…)
    said = subj or text[run.clause_start(qa.start):qa.start if trig_pos is None else trig_pos]
    direction = _direction_of_verbs(verbs, said, qa.dimension)
    value_dir = _value_direction(qa.mid, qb.mid)
    if direction is None:
        direction = value_dir
    elif direction != value_dir:
        return None
    start = qa.start
    if trig_pos is not None:
        start = min(start, trig_pos)
    if trig_start is not None and subj == trig_subj:
        start = min(start, trig_start)
    c = _Claim(start, qb.end, subj, qa.dimension, direction, _claim_unit(qa, qb), run.sent[bi])
    c.before, c.after = (qa.low, qa.high), (qb.low, qb.high)
    c.quals = qa.quals + qb.quals + _context_quals(text, start, qb.end)
    c.per = qb.per or qa.per or find_per(text, start, qb.end)
    return c


# --- rule 2: after only --------------------------------------------------------------------------
def _after_only(run: _Run) -> None:
    """``VERB(到|至|为) B`` with a directional verb (报检报关数据减到103项); 压缩至原来的1/3 is a cut of 66.7 %, and so
    is a measure cut to a fraction (时间缩短至1/3);
    a verb without a direction to a best-case time (变成最快5秒通关) is a cut to it."""
    text = run.text
    for j in range(run.n):
        if j in run.used:
            continue
        q = run.toks[j]
        best = _best_case_cut(q)
        gate = run.near(_AFTER_ONLY_GATE, q.start)
        # 缩减为受理报装、装表通水2个环节: the steps left, listed before their count (the list's joiner right before)
        listed = not gate and q.dimension == "count" \
            and text.rfind(_AOL["joiner"], max(0, q.start - _AFTER_ONLY_LIST_ITEM), q.start) != -1
        if q.dimension == "zero" or not (gate or best or listed):
            continue
        cs = run.clause_start(q.start)
        reach = max(cs, q.start - _AFTER_ONLY_REACH)
        if listed:  # from the last to word before the value: the verb right before it, the list after it
            w0 = max(cs, q.start - _AFTER_ONLY_LIST_REACH)
            t = max(text.rfind(w, w0, q.start) for w in _AFTER_ONLY_TO)
            m = _AFTER_ONLY_LISTED.search(text, max(w0, t - _AFTER_ONLY_REACH), q.start) if t >= 0 else None
            if not m:
                continue
        else:
            m = _AFTER_ONLY.search(text, reach, q.start) if gate else None
        if not m and best:
            m = _NEUTRAL_TO.search(text, reach, q.start)  # 变成最快5秒通关: a neutral verb to a best-case time
        obj = None
        if not m and gate:  # 压减开办耗时至1个工作日以内: the verb, its object, then 至
            m = _VERB_OBJECT_TO.search(text, max(cs, q.start - _VERB_OBJECT_TO_REACH), q.start)
            obj = m.group("obj") if m else None
        if not m:
            continue
        subj, off = _clean_subject(text[cs:m.start()] if obj is None else obj)
        if obj is not None:
            off = m.start() - cs  # the quote opens with the verb: 压减开办耗时至…
        direction = _direction_of_verbs(m.group("verb"), subj, q.dimension) or best
        if direction is None:
            continue
        start = cs + off if subj else m.start()
        if subj.startswith(_FROM_WORDS):
            subj = ""  # 从“两上两下”变成最快5秒: the state before, no subject
        elif fs := _FROM_STATE.search(subj):
            subj = subj[:fs.start()]  # 企业提交材料由一大摞简化为一张纸: the state before is no part of the subject
        c = _Claim(start, q.end, subj, q.dimension, direction, _claim_unit(q, None), run.sent[j])
        c.quals = q.quals + _context_quals(text, start, q.end)
        c.per = q.per or find_per(text, start, q.end)
        if q.unit == "%" and direction == "decrease" and q.high < 100 and (
                _OF_ORIGINAL.search(m.groupdict().get("post") or "") or _fraction_of_a_measure(q, subj)):
            c.pct = (100 - q.high, 100 - q.low)  # 压缩至原来的1/3, 时间缩短至1/3: a cut of 66.7 %
        else:
            c.after = (q.low, q.high)
            c.after_only = True
            c.after_tok = j
        run.emit(c, j)


def _fraction_of_a_measure(q: Qty, subj: str) -> bool:
    """Is ``q`` a fraction (1/3, 三分之一, 一半) that a measure a reform changes is cut to (注册时间缩短至1/3: to a
    third of what it took, no level in percent)?"""
    return any(f in q.surface for f in _FO["fraction_marks"]) and _REFORM_MEASURE.search(subj) is not None


def _best_case_cut(q: Qty) -> str | None:
    """"decrease" for a best-case duration reached by a verb without a direction (从“两上两下”变成最快5秒通关:
    the fastest time now), else None."""
    return "decrease" if q.dimension == "duration" and not _BEST_CASE.isdisjoint(q.quals) else None


def _statutory_promised(run: _Run) -> None:
    """A statutory limit, then the promised limit, in one sentence (平均法定办理时限28天,平均承诺办理时限2.75天):
    before the statutory value → after the smaller promised value of the same unit, in a later clause."""
    if not run.occurs(_STATUTORY_WORD):
        return
    text = run.text
    for j in range(run.n):
        q = run.toks[j]
        if j in run.used or q.surface == "":
            continue
        if not run.any_mark(_PROMISED_WORD, q.start - _LIMIT_REACH, q.start):
            continue  # a quick gate: no promise word just before the value
        cs = run.clause_start(q.start)
        am = _PROMISED_BEFORE.search(text, max(cs, q.start - _LIMIT_REACH), q.start)
        if am is None:
            continue
        k = next((k for k in reversed(run.toks_in(run.sent[j], cs)) if run.toks[k].unit == q.unit), None)
        if k is None or k in run.used or run.toks[k].surface == "":
            continue  # the statutory value is the nearest value of the unit before, in the sentence
        qa = run.toks[k]
        qcs = run.clause_start(qa.start)
        bm = _STATUTORY_BEFORE.search(text, max(qcs, qa.start - _LIMIT_REACH), qa.start)
        if bm is None or q.high >= qa.low:
            continue
        subj, _ = _clean_subject(text[am.start():am.end() - len(am.group("link") or "")])
        c = _Claim(qa.start, q.end, subj, q.dimension, "decrease", q.unit, run.sent[j])
        c.before, c.after = (qa.low, qa.high), (q.low, q.high)
        c.quals = qa.quals + q.quals + _context_quals(text, qcs, bm.start())  # 平均法定…: average
        c.per = q.per or qa.per
        run.emit(c, j, k)


def _share_then_amount(run: _Run) -> None:
    """A cut in percent or a share, then the amount it comes to (每个集装箱运输成本降低一半约达1000元, 减少了2/3的
    抽样量约700瓶酒): the amount right after a link word (``share_then_amount``) is a second claim, an amount of
    change in the share's direction; a noun after 的 between them is the subject of both."""
    for c in list(run.out):
        if c.pct is None or c.change is not None or c.before is not None or c.kind != "ratio":
            continue
        k = bisect_left(run.starts, c.end)
        if k >= run.n or k in run.used:
            continue
        q = run.toks[k]
        link = _SHARE_AMOUNT_LINK.fullmatch(run.text, c.end, q.start)
        if link is None or q.unit == "%" or q.dimension == "zero" or run.sent[k] != c.sent:
            continue
        word = link.group("link") or ""
        if not word and not run.text.startswith(_SHARE_AMOUNT_LINKS, q.start):
            continue  # no link word, in the text or as the amount's own qualifier (约1000元)
        if link.group("noun"):
            c.subject = link.group("noun")  # 减少了2/3的抽样量约700瓶酒: 抽样量, not what follows it
        a = _Claim(c.start, q.end, c.subject, q.dimension, c.direction, _claim_unit(q, None), c.sent)
        a.change = (q.low, q.high)
        lead = next((w for w in _QUAL_WORDS_LONGEST if word.startswith(w)), None)  # 约达: approximately
        a.quals = q.quals + ([_QL["before_number"][lead]] if lead and _QL["before_number"][lead] not in q.quals else [])
        a.per = q.per or c.per
        run.emit(a, k)


def _subset_needed(run: _Run) -> None:
    """A total, then only part of it needed, in the next clause of the sentence (105个申报项目中,只需申报9个项目):
    before the total → after the smaller count of the same unit (``subset_needed``)."""
    if not run.occurs(_SUBSET_ONLY):
        return
    text = run.text
    for j in range(1, run.n):
        q = run.toks[j]
        if j in run.used or q.dimension != "count" or not run.any_mark(_SUBSET_ONLY, q.start - _SUBSET_REACH, q.start):
            continue
        cs = run.clause_start(q.start)
        if _SUBSET_ONLY.search(text, max(cs, q.start - _SUBSET_REACH), q.start) is None:
            continue  # the only word in the value's own clause
        k = j - 1
        qa = run.toks[k]
        total = _SUBSET_TOTAL.fullmatch(text, qa.end, cs)
        if (total is None or k in run.used or run.sent[k] != run.sent[j] or qa.dimension != "count"
                or qa.unit != q.unit or q.high >= qa.low):
            continue
        subj = total.group("noun") or q.unit.partition(":")[2]  # 20个环节当中: the classifier is the noun
        c = _Claim(qa.start, q.end, subj, q.dimension, "decrease", q.unit, run.sent[j])
        c.before, c.after = (qa.low, qa.high), (q.low, q.high)
        c.quals = qa.quals + q.quals
        c.per = q.per or qa.per
        run.emit(c, k, j)


def _fraction_of_before(run: _Run) -> None:
    """``现在…X仅为…Y的F`` with F a fraction (现在的申报耗时仅为整合申报所需时间的1/5): X is now F of what it was, a
    cut of (100 − F) %; read only with an after marker before 仅为 in the clause (or a before marker between
    仅为 and F: 仅为原来的五分之一; after a plain 为/约为 only so: 用时约为原来的1/5) and a subject that names a
    measure a reform changes (耗时, 成本 …)."""
    text = run.text
    for j in range(run.n):
        q = run.toks[j]
        if j in run.used or q.unit != "%" or q.high >= 100 or not any(f in q.surface for f in _FO["fraction_marks"]):
            continue
        cs = run.clause_start(q.start)
        m = _FRACTION_OF.search(text, max(cs, q.start - _FRACTION_OF_REACH), q.start)
        if not m:
            continue
        head = text[cs:m.start()]
        plain = m.group("only") in _FO["plain"]
        if not (_BEFORE_MARK.search(m.group("what")) or (not plain and _AFTER_MARK.search(head))):
            continue
        subj, off = _clean_subject(head)
        start = cs + off
        if not subj:
            subj, start = _measure_of_clause_before(run, j, cs), m.start()
        if not _REFORM_MEASURE.search(subj):
            continue
        c = _Claim(start, q.end, subj, q.dimension, "decrease", "%", run.sent[j])
        c.pct = (100 - q.high, 100 - q.low)
        c.quals = q.quals + _context_quals(text, start, q.end)
        if m.group("only") in _FO["less_than"]:
            c.quals = c.quals + ["at least"]  # 不到…的3分之1: a cut of more than two thirds
        run.emit(c, j)


def _measure_of_clause_before(run: _Run, j: int, cs: int) -> str:
    """The measure a level in the clause before ``cs`` (same sentence, after a comma) names (僅需2周時間,
    不到以往…的3分之1: 时间), or ""."""
    if cs - 1 <= run.sent[j] or run.text[cs - 1] != ",":
        return ""
    pcs = run.clause_start(cs - 1)
    k = bisect_left(run.starts, pcs)
    if not (k < j and run.starts[k] < cs - 1):
        return ""  # no level in the clause before
    mm = _REFORM_MEASURE.search(run.text, pcs, cs - 1)
    return mm.group() if mm else ""


# --- rule 3: 改革前 … A …, 改革后 … B --------------------------------------------------------------
def _paragraph_opening(run: _Run, pos: int) -> tuple[int, int] | None:
    """The after marker opening the paragraph of ``pos`` (现在呢?…), when there is a paragraph before it."""
    ps = run.doc.paragraph_start(pos)
    if ps == 0:
        return None
    a = ps
    while a < pos and run.text[a] in _OPEN_SKIP:
        a += 1
    m = _AFTER_MARK.match(run.text, a)
    return m.span() if m else None


def _marked_before(run: _Run, j: int, limit: int, para: int | None = None) -> int | None:
    """The before value for after value ``j``: the one value of its unit between the last before marker
    of the paragraph (or of ``para``, where it starts) and ``limit`` (or the one marked 合计/共计), else None.
    A count with none of its unit there takes the one count of another noun (四部门 → 一次: 十几个部门变成
    一个窗口 says it with a verb)."""
    text, q = run.text, run.toks[j]
    bm = run.last_mark(_BEFORE_MARK, run.doc.paragraph_start(q.start) if para is None else para, limit)
    if bm is None:
        return None
    between = run.toks_in(bm[1], limit)
    if len(between) > _MAX_MARKED:
        return None
    def level(k: int, same) -> bool:
        tk = run.toks[k]
        return k not in run.used and tk.end <= limit and same(tk) and not _determiner(text, tk) and not _is_amount(run, k)

    cands = [k for k in between if level(k, lambda tk: tk.unit == q.unit)]
    cross = q.dimension == "count" and run.doc.sentence_start(bm[0]) != run.sent[j]
    if cross:  # from a sentence before, counts of two nouns are two things (…112个行政权力事项…。…整合为4个审批环节)
        cands = [k for k in cands if not _other_nouns(run, k, j)]
    if not cands and q.dimension == "count":  # 原本要跑四部门…,如今…一次办理: the one count there, of another noun
        # (not a count of times or trips before a count of things: 跑四五趟 … 交到一个窗口 says no number of trips)
        times = q.unit in _TIMES_UNITS
        cands = [k for k in between
                 if level(k, lambda tk: tk.dimension == "count" and (times or tk.unit not in _TIMES_UNITS))]
        if cross:  # …112个行政权力事项…。…事项数量精减到73项: the count of the noun said
            said = _count_noun(run, j) or text[run.clause_start(q.start):q.start]
            cands = [k for k in cands if (noun := _count_noun(run, k)) and noun[-_NOUN_HEAD:] in said]
        return cands[0] if len(cands) == 1 else None
    if len(cands) > 1 and _chain_steps(run, cands, q):
        return cands[0]
    if len(cands) > 1:
        cands = [k for k in cands if _TOTAL_MARK.search(text, max(0, run.toks[k].start - 3), run.toks[k].start)]
    return cands[0] if len(cands) == 1 else None


def _spent_before(run: _Run, j: int, am: tuple[int, int]) -> int | None:
    """The before value of after value ``j`` when there is no before marker: after marker ``am`` is one of
    ``spent_then_now`` and opens its clause, a need word follows it (or an only word right before the value, or a
    need_after word or one of its ``done`` verbs right after it: 现在一个窗口3天办结), and the sentence before the marker holds the time spent
    (:func:`_spent_value`; 一个项目…耗费一年多时间,现在只要100多天就能完成; 需要4至6天,费用要1.2万元,现…仅4至6小时).
    Else None."""
    text, q = run.text, run.toks[j]
    if text[am[0]:am[1]] not in _STN["now"] or run.clause_start(am[0]) != am[0] or am[0] <= run.sent[j]:
        return None
    if not (_NEED.search(text, am[0], q.start) or _NOW_ONLY.search(text, max(am[0], q.start - 5), q.start)
            or _NEED_AFTER.match(text, q.end) or _NOW_DONE.match(text, q.end)
            or _next_measure(run, j, run.clause_start(q.start))):
        return None  # (现在已完成20天的工作: no need word, no time it now takes)
    return _spent_value(run, j, max(run.sent[j], am[0] - int(_STN["reach"])), am[0])


def _spent_sentence_before(run: _Run, j: int) -> int | None:
    """The before value of after value ``j`` one sentence back (``spent_then_contrast``): ``j``'s sentence opens
    with a contrast, and the sentence before it, in the same paragraph, holds the time spent (:func:`_spent_value`;
    等了一周时间。而这次…只用了10分钟). Else None."""
    ss = run.sent[j]
    if ss == 0 or not run.sentence_opens_with(_CONTRAST_OPEN, run.toks[j].start):
        return None
    prev = run.doc.sentence_start(ss - 1)
    if run.doc.paragraph_start(prev) != run.doc.paragraph_start(run.toks[j].start):
        return None
    return _spent_value(run, j, prev, ss)


def _spent_value(run: _Run, j: int, a: int, b: int) -> int | None:
    """The one unused value of after value ``j``'s unit in [a, b), when it is larger and right after a verb of
    time or cost spent (需要, 耗费, 等了 …), else None."""
    q = run.toks[j]
    cands = [k for k in run.toks_in(a, b) if run.toks[k].unit == q.unit and k not in run.used]
    if len(cands) != 1:
        return None
    qa = run.toks[cands[0]]
    cs = run.clause_start(qa.start)
    if not qa.mid > q.mid or not _SPENT.search(run.text, max(cs, qa.start - _SPENT_REACH), qa.start):
        return None
    return cands[0]


def _spent_subject(run: _Run, k: int) -> str:
    """The subject of before value ``k`` found by :func:`_spent_before`: its clause up to the verb of spending."""
    text, qa = run.text, run.toks[k]
    cs = run.clause_start(qa.start)
    m = _SPENT.search(text, max(cs, qa.start - _SPENT_REACH), qa.start)
    return _clean_subject(text[cs:m.start()])[0] if m else ""


def _count_noun(run: _Run, k: int) -> str:
    """The noun written right after count ``k`` (112个行政权力事项: 行政权力事项), or ""."""
    m = _NOUN_AFTER_COUNT.match(run.text, run.toks[k].end)
    return m.group() if m else ""


def _other_nouns(run: _Run, k: int, j: int) -> bool:
    """Are counts ``k`` and ``j`` each written before a noun, and the nouns' heads differ (行政权力事项, 审批环节)?"""
    a, b = _count_noun(run, k), _count_noun(run, j)
    return bool(a and b) and a[-_NOUN_HEAD:] != b[-_NOUN_HEAD:]


def _is_amount(run: _Run, k: int) -> bool:
    """Is value ``k`` an amount of change (节约物流成本约35元, 节省运营成本700万元), the object of a change
    verb in its clause, rather than a level (原来需要5天, 现在仅需1天)?"""
    q = run.toks[k]
    return _change_verb(run, q, run.clause_start(q.start)) is not None


def _chain_steps(run: _Run, cands: list[int], q: Qty) -> bool:
    """Are the values ``cands`` steps of one chain towards ``q`` (原来10分钟,后来2分钟,现在20秒): a 后来/
    之后 … before each later step, and every step in the same direction? The steps between the first and
    ``q`` are then marked used (one claim from the first to the latest value)."""
    vals = [run.toks[k].mid for k in cands] + [q.mid]
    if not (all(x > y for x, y in zip(vals, vals[1:])) or all(x < y for x, y in zip(vals, vals[1:]))):
        return False
    if not all(_THEN.search(run.text, run.toks[a].end, run.toks[b].start) for a, b in zip(cands, cands[1:])):
        return False
    run.used.update(cands[1:])
    return True


def _marked_before_after(run: _Run) -> None:
    """改革前/原来/以往 … A …, then 改革后/现在 … (减少到|仅需|只需) B of the same unit in the same paragraph:
    before A → after B. Completes an after-only claim of rule 2 (adds its before value) or adds a claim."""
    text = run.text
    by_after = {c.after_tok: c for c in run.out if c.after_only}
    marked = sorted((c for c in run.out if c.before is not None and c.after is not None), key=lambda c: c.end)
    marked_ends = [c.end for c in marked]  # claims before → after so far, by end, for chains
    for j in range(run.n):
        if j in run.used and j not in by_after:
            continue
        q = run.toks[j]
        if q.surface == "":
            continue
        cs = run.clause_start(q.start)
        trips = q.dimension == "count" and q.low == 0 and _is_trips(q)  # 现在一次都不用跑: a cue itself
        cue_end = max(q.start, q.nstart)
        next_measure = False
        if j not in by_after and not trips and not _NEED_AFTER.match(text, q.end) \
                and not _AFTER_CUE.search(text, max(cs, cue_end - _AFTER_CUE_REACH), cue_end) \
                and not _done_in(text, q) and _RESPECTIVELY not in text[cs:q.start]:
            next_measure = _next_measure(run, j, cs)
            if not next_measure:
                continue  # (在两个工作日内拿到证件: the time it now takes, a cue of its own; 分别是3个工作日和5个: a list's cue)
        am = run.last_mark(_AFTER_MARK, run.sent[j], q.start)
        para = None
        if am is None and j not in by_after:
            am = _paragraph_opening(run, q.start)
            if am is None:
                if (k := _spent_sentence_before(run, j)) is not None:  # 新厂…至少需一年。但我们…3个多月便完成
                    _emit_spent(run, j, k)
                continue
            para = run.doc.paragraph_start(am[0] - 1)  # the paragraph it answers
        k = _marked_before(run, j, am[0] if am is not None else cs, para)
        listed = k is None and am is not None and (k := _listed_before(run, j, am, para)) is not None
        spent = k is None and am is not None and para is None and (
            (k := _spent_before(run, j, am)) is not None or (k := _spent_sentence_before(run, j)) is not None)
        if k is None:
            if am is not None and j not in by_after:
                k = bisect_right(marked_ends, q.start) - 1
                _extend_chain(run, marked[k] if k >= 0 else None, j)
            continue
        qa = run.toks[k]
        if qa.mid == q.mid or (j not in by_after and _is_amount(run, j)):
            continue
        if next_measure and not _parallel(run, k, j):
            continue  # (…整合为4个审批环节,每个环节由一个部门牵头: no second measure of the same change)
        value_dir = _value_direction(qa.mid, q.mid)
        c = by_after.get(j)
        if c is None:
            head = text[cs:q.start]
            # 改革后仅需 …: the subject is before the need word, else before the cue (如今能在新平台一次办理)
            need = _NEED.search(head) or _AFTER_CUE.search(head)
            cut = need.start() if need else len(head)
            if am is not None and am[0] < cs + cut < am[1]:
                cut = am[0] - cs  # 现只要3小时: the marker runs into the need word, the subject is before both
            subj, off = _clean_subject(head[:cut])
            if am is not None and (ev := _AFTER_EVENT.match(text, am[0])) and ev.end() == am[1]:
                subj = _before_subject(run, j, qa)  # 通常需要近两周,绿色通道开通后,…: the event is no subject
            if spent and (not subj or subj.startswith(text[am[0]:am[1]])):
                # 一个项目…耗费一年多时间,现在只要…; 货柜“香港一日游”需要4至6天,…,现“保税物流一日游”仅…: the before clause's
                subj = _spent_subject(run, k) or subj
            if listed or _RESPECTIVELY in head:
                # 用地审查15个工作日、用林审查30个工作日,但现在分别是…: each item's noun, written before its value
                qcs = run.clause_start(qa.start)
                item = text.rfind("、", qcs, qa.start) + 1
                if listed or item > 0:
                    subj, _ = _clean_subject(text[max(qcs, item):qa.start])
            c = _Claim(qa.start, q.end, subj, q.dimension, value_dir, q.unit, run.sent[j])
            c.before, c.after = (qa.low, qa.high), (q.low, q.high)
            c.quals = qa.quals + q.quals
            c.per = q.per
            run.emit(c, j, k)
        elif c.direction == value_dir:
            _add_before(run, c, k)


def _next_measure(run: _Run, j: int, cs: int) -> bool:
    """Is value ``j`` the next measure of an after side, cued by the clause before it: its own clause (from ``cs``)
    holds only a short verb or noun before the value and at most a short noun after it (现在只需1天,费用500元;
    现在只需跑1个窗口,提交5份材料), and the clause right before it, in the same sentence, holds a value after a cue or
    ends with the after value of a claim found so far? (The cue must follow an after marker in that clause.)"""
    text, q = run.text, run.toks[j]
    if cs <= run.sent[j] or q.start - cs > _NEXT_MEASURE["noun"] or _DIGIT.search(text, cs, q.start) \
            or run.doc.clause_end(q.start) - q.end > _NEXT_MEASURE["tail"]:
        return False
    prev = bisect_left(run.starts, cs) - 1  # the last value before this clause
    pcs = run.clause_start(cs - 1)
    if prev < 0 or pcs < run.sent[j] or run.toks[prev].start < pcs:
        return False
    p = run.toks[prev]
    if run.last_mark(_AFTER_MARK, pcs, p.start) is not None \
            and _AFTER_CUE.search(text, max(pcs, p.start - _AFTER_CUE_REACH), max(p.start, p.nstart)):
        return True  # (项目审批需要30天,现在已完成20天的工作: 需要 is on the before side)
    return prev in run.used and any(c.end == p.end and c.before is not None and c.after is not None for c in run.out)


def _parallel(run: _Run, k: int, j: int) -> bool:
    """Are before value ``k`` and next-measure value ``j`` (see :func:`_next_measure`) the same measure: the same
    unit, and a word of two characters said before both in their clauses (提交20多份材料 … 提交5份材料, 费用要1.2万元 …
    费用2000元)?"""
    text, qa, q = run.text, run.toks[k], run.toks[j]
    if qa.unit != q.unit:
        return False
    before = text[run.clause_start(qa.start):qa.start]
    own = text[run.clause_start(q.start):q.start]
    return any(own[i:i + 2] in before for i in range(len(own) - 1))


def _emit_spent(run: _Run, j: int, k: int) -> None:
    """The claim of before value ``k`` (a time spent, a sentence back) and after value ``j`` with no after marker
    (see :func:`_spent_sentence_before`), its subject the before clause's."""
    qa, q = run.toks[k], run.toks[j]
    c = _Claim(qa.start, q.end, _spent_subject(run, k), q.dimension, "decrease", q.unit, run.doc.sentence_start(qa.start))
    c.before, c.after = (qa.low, qa.high), (q.low, q.high)
    c.quals = qa.quals + q.quals
    c.per = q.per
    run.emit(c, j, k)


def _done_in(text: str, q: Qty) -> bool:
    """Is value ``q`` the time work is done in: 在 before it, a done verb after it (在30个工作日内全部完成,
    在两个工作日内拿到证件)?"""
    return text.endswith(_DA["before"], 0, q.start) and _DONE_AFTER.match(text, q.end) is not None


def _need_after_marked_before(run: _Run) -> None:
    """原来 … A …, … B即可/就可以 with no after marker, in one sentence: the value right before 即可/就能 (or
    after 在 and before 完成: 在30个工作日内全部完成), in a later clause than the one value of its unit after the
    before marker, is the time it now takes: before A → after B (原来的审批流程需要3个工作日左右,改由…海关审批后,
    只要资料齐全,当日就可以审批完成; 将原来需3个月的审批流程, 在30个工作日内全部完成); with 在…完成, also in
    the same clause when the old time qualifies a noun (原本需要14个工作日完成的…审批许可在2个工作日完成; 原本需要5个工作日的
    工商变更当天办结, the same day and a done verb)."""
    text = run.text
    for j in range(run.n):
        q = run.toks[j]
        if j in run.used or q.surface == "":
            continue
        same_day_done = _SAME_DAY_DONE.match(text, q.end) is not None and q.surface in _SAME_DAY["words"]
        if not (_NEED_AFTER.match(text, q.end) or _done_in(text, q) or same_day_done
                or (_ONLY_TOOK.search(text, max(0, q.nstart - _ONLY_TOOK_REACH), q.nstart) is not None
                    and run.last_mark(_BEFORE_MARK, run.sent[j], q.start) is not None)):  # “过去…,这块地只用了3个月时间
            continue
        cs = run.doc.clause_start(q.start)
        k = _marked_before(run, j, cs, run.sent[j])
        if k is None:
            # 原本需要14个工作日完成的…审批许可在2个工作日完成, 原本需要5个工作日的工商变更当天办结: the old time qualifies
            # the noun (的) in q's clause
            k = _marked_before(run, j, q.start, run.sent[j])
            if k is not None and (k >= j or _POSSESSIVE not in text[run.toks[k].end:q.start]):
                k = None
        if k is None or run.toks[k].mid == q.mid or _is_amount(run, j) or run.toks[k].unit != q.unit:
            continue
        qa = run.toks[k]
        subj = _before_subject(run, j, qa)
        of = text.find(_POSSESSIVE, qa.end, q.start) if qa.start >= cs else -1
        if of != -1:  # 原本需要5个工作日的工商变更当天办结 (one clause): the noun between 的 and the new value
            noun = text[of + len(_POSSESSIVE):q.start]
            cue = next((w for w in _NOUN_CUES if noun.endswith(w)), "")
            subj = noun[:len(noun) - len(cue)].strip() or subj
        c = _Claim(qa.start, q.end, subj, q.dimension, _value_direction(qa.mid, q.mid), q.unit, run.sent[j])
        c.before, c.after = (qa.low, qa.high), (q.low, q.high)
        c.quals = qa.quals + q.quals
        c.per = q.per or qa.per
        run.emit(c, j, k)


def _listed_before(run: _Run, j: int, am: tuple[int, int], para: int | None) -> int | None:
    """The before value of after value ``j`` when both are lists paired in order by 分别 after the after marker
    (用地审查15个工作日、用林审查30个工作日,但现在分别是3个工作日和5个工作日): the values of ``j``'s unit between the
    before marker and the after marker, and those after 分别 in ``j``'s clause, as many of each; else None."""
    text, q = run.text, run.toks[j]
    resp = text.rfind(_RESPECTIVELY, am[1], q.start)
    if resp == -1 or run.clause_start(q.start) > resp:
        return None
    bm = run.last_mark(_BEFORE_MARK, run.doc.paragraph_start(q.start) if para is None else para, am[0])
    if bm is None:
        return None
    def listed(a: int, b: int) -> list[int]:
        return [k for k in run.toks_in(a, b) if run.toks[k].unit == q.unit and k not in run.used]
    before = listed(bm[1], am[0])
    after = [k for k in listed(resp, run.doc.clause_end(q.start)) if k not in before]
    if len(before) < 2 or len(before) != len(after) or j not in after:
        return None
    return before[after.index(j)]


def _before_subject(run: _Run, j: int, qa: Qty) -> str:
    """The subject written with before value ``qa`` of after value ``j``: between its before marker and its need
    word (原来的审批流程需要3个工作日: 审批流程), else the noun it measures (原来需3个月的审批流程)."""
    text = run.text
    bm = run.last_mark(_BEFORE_MARK, run.sent[j], qa.start)
    head = text[bm[1]:qa.start] if bm else ""
    need = _NEED.search(head)
    subj, _ = _clean_subject(head[:need.start()] if need else head)
    if subj in _PL["original_after"]:
        subj = ""  # 原本计划6个月…: what was planned, not what is measured
    if not subj and (am := _AFTER_NOUN.match(text, qa.end, min(len(text), qa.end + 16))):
        subj = am.group("n").strip()  # 原来需3个月的审批流程: the noun the before value measures
    if not subj and bm:  # 这些药品的通关检验通常需要近两周: the subject before an adverb of the usual
        subj, _ = _clean_subject(text[run.clause_start(bm[0]):bm[0]])
    return subj


def _extend_chain(run: _Run, c: _Claim | None, j: int) -> None:
    """A chain of values (原来要10分钟，后来缩短到2分钟，现在20秒): the marked after value ``j`` with no
    before value of its own, right after before → after claim ``c`` (same paragraph and unit, same
    direction, no other value of the unit between, in the clause right after it), becomes ``c``'s after value: first → latest value."""
    if c is None:
        return
    q = run.toks[j]
    if c.unit != q.unit or c.before is None or c.after is None or c.change is not None or c.pct is not None \
            or c.end > q.start or run.doc.paragraph_start(c.end) != run.doc.paragraph_start(q.start):
        return
    if any(run.toks[k].unit == q.unit for k in run.toks_in(c.end, q.start)):
        return
    ends = run.doc.clause_ends
    if bisect_left(ends, q.start) - bisect_left(ends, c.end) > 1:
        return  # …提速至2个工作日,天涯区作为改革试点,政务服务事项…仅1.3个工作日: another clause, another subject
    if _value_direction(sum(c.before) / 2, q.mid) != c.direction or sum(c.after) / 2 == q.mid:
        return
    c.after, c.end = (q.low, q.high), q.end
    c.quals = c.quals + q.quals
    run.used.add(j)


def _add_before(run: _Run, c: _Claim, k: int) -> None:
    """Complete after-only claim ``c`` with before value ``k`` (rule 3)."""
    qa = run.toks[k]
    c.before = (qa.low, qa.high)
    c.quals = qa.quals + c.quals
    c.after_only = False
    c.start = min(c.start, qa.start)
    run.used.add(k)


# --- rule 3b: a cut whose object points back to a value before it --------------------------------------
def _pointed_before(run: _Run) -> None:
    """``A …, … 将以上/上述/这些 X VERB至 B``: the one unused value of B's kind before the clause of B, in the same
    sentence and at most ``points_back.reach`` characters before the pointing word, is the before value of
    after-only claim B, when the values go the verb's way (交互环节至少有5.5个,而…将以上程序简化为2个环节)."""
    text = run.text
    if not run.occurs(_POINTS_BACK):
        return
    for c in run.out:
        if not c.after_only or c.before is not None or c.after_tok is None:
            continue
        q = run.toks[c.after_tok]
        cs = run.clause_start(q.start)
        m = _POINTS_BACK.search(text, cs, q.start)
        if m is None or cs <= run.sent[c.after_tok]:
            continue
        cands = [k for k in run.toks_in(max(run.sent[c.after_tok], m.start() - int(_PB["reach"])), cs)
                 if k not in run.used and _compatible(run.toks[k], q) and not _is_amount(run, k)
                 and _value_direction(run.toks[k].mid, q.mid) == c.direction]
        if len(cands) == 1:
            _add_before(run, c, cands[0])
            named = _POINTS_BACK.search(c.subject or "")
            if named and named.end() < len(c.subject):  # 将以上程序 → 程序, 这些材料 → 材料: the thing pointed back to
                c.subject = c.subject[named.end():]


# --- rule 3a: a level given as the basis of a further change -------------------------------------------
def _basis_before(run: _Run) -> None:
    """``在 … A … 的基础上, … VERB至 B``: the one level A of B's unit stated as the basis (not an amount of
    change) is the before value of after-only claim B, in the same sentence (在企业开办0.5天办结常态化的
    基础上,将企业开办流程环节提速至“2小时”办结: 12 h → 2 h), when the values go the verb's way."""
    text = run.text
    if _BASIS["close"] not in text:
        return
    for c in run.out:
        if not c.after_only or c.before is not None or c.after_tok is None:
            continue
        q = run.toks[c.after_tok]
        close = run.last_mark(_BASIS_CLOSE, run.sent[c.after_tok], c.start)
        if close is None:
            continue
        opened = text.rfind(_BASIS["open"], max(run.sent[c.after_tok], close[0] - int(_BASIS["gap"])), close[0])
        if opened < 0:
            continue
        cands = [k for k in run.toks_in(opened, close[0]) if k not in run.used and _compatible(run.toks[k], q)
                 and run.toks[k].mid != q.mid and not _is_amount(run, k)]
        if len(cands) == 1 and _value_direction(run.toks[cands[0]].mid, q.mid) == c.direction:
            _add_before(run, c, cands[0])


# --- rule 3a': a change with its measure, its level in the next clause ---------------------------------
def _level_after_change(run: _Run) -> None:
    """``VERB(了) …<measure>, <measure>(为) B``: a change stated with its measure and no value, then in
    the next clause of the sentence that measure's level and nothing else (进一步压缩了D类特殊物品的审批
    时长,平均审批时间不到24小时): B is the after value, in the verb's direction. Both the object and the
    level's subject end with a measure a reform changes (时间, 时长, 成本 …)."""
    text = run.text
    for j in range(run.n):
        q = run.toks[j]
        if j in run.used or q.surface == "" or q.dimension in ("zero", "other"):
            continue
        cs = run.doc.clause_start(q.start)
        if cs <= run.sent[j]:
            continue  # the first clause of its sentence
        head = text[cs:q.start]
        me = _MEASURE_END.search(head)
        if not me or _is_amount(run, j):
            continue  # no measure right before the value, or the value is a change of its own (每吨节约成本约35元)
        pcs = run.doc.clause_start(cs - 1)
        if j > 0 and run.toks[j - 1].end > pcs:
            continue  # a value in the clause before (or before the level in its own clause)
        m = _CHANGE_NO_VALUE.search(text, max(pcs, cs - 1 - _CHANGE_REACH - _MAX_VERBS * 2), cs - 1)
        if not m or not _MEASURE_END.search(m.group("obj")):
            continue
        if q.dimension == "duration" and m.group("obj").endswith(_RATE_MEASURES):
            continue  # 提升一线工作效率,…平均用时55.8分钟: a rate raised, a time of its own
        subj, _ = _clean_subject(head[:me.start("is")] if me.group("is") else head)
        direction = _direction_of_verbs(m.group("verb"), subj, q.dimension)
        if direction is None:
            continue
        c = _Claim(m.start(), q.end, subj, q.dimension, direction, _claim_unit(q, None), run.sent[j])
        c.after, c.after_only, c.after_tok = (q.low, q.high), True, j
        c.quals = q.quals + _context_quals(text, cs, q.end)
        c.per = q.per or find_per(text, cs, q.end)
        run.emit(c, j)


# --- rule 3b: a baseline written after the new value ---------------------------------------------------
def _baseline_after(run: _Run) -> None:
    """``B … [比|较](原本|以往|原来 …)(需要|的) A``: the new value first, then the old one it replaces
    (不到1天就办完了原本需要3天的手续; 只用了5个工作日,比以往20个工作日): before A → after B, B being
    the nearest earlier value of A's dimension in the sentence, unused and not the size of a change. A
    change verb between the marker and A makes A the size of the change, no baseline (不超过15个工作日,
    较原来缩短了20个工作日: at most 15 working days, 20 less; left to the amount-of-change rule), and a time B
    longer than A is not its new value (仅用时18个月,原本需要14个工作日完成的…: another measure). B may be the
    after value of an after-only claim, which A then completes when the values go its verb's way and A's clause
    opens with the marker (通关时间压缩至1小时以内,此前平均需要6小时; 缩短至40—110个工作日,较改革前的平均200多个工作日)."""
    text = run.text
    by_after = {c.after_tok: c for c in run.out if c.after_only and c.after_tok is not None}
    for j in range(1, run.n):
        q = run.toks[j]
        if j in run.used or q.surface == "" or q.dimension in ("zero", "other"):
            continue
        m = _BASELINE_AFTER.search(text, max(run.sent[j], q.start - _BASELINE_AFTER_REACH), q.nstart)
        if not m or _change_verb(run, q, m.start()) is not None:
            continue
        if q.surface in _PAST_SPAN["units"] and text.endswith(tuple(_PAST_SPAN["words"]), 0, q.start):
            continue  # 这是过去十年…的普遍困境: the period looked back over
        i = next((k for k in range(j - 1, max(-1, j - _MAX_LIST), -1)
                  if run.toks[k].dimension == q.dimension), None)
        if i is None or run.sent[i] != run.sent[j] or run.toks[i].end > m.start():
            continue
        if i in run.used:
            c = by_after.get(i)
            if c is not None and c.before is None and _compatible(q, run.toks[i]) and m.start() == run.clause_start(q.start) \
                    and c.direction == _value_direction(q.mid, run.toks[i].mid):  # (…,投资报建审批项目由原来120个…: another
                _add_before(run, c, j)
                c.end = max(c.end, q.end)
            continue
        qb = run.toks[i]
        cs = run.clause_start(qb.start)
        if not _compatible(q, qb) or qb.mid == q.mid or _change_verb(run, qb, cs) is not None:
            continue
        if q.dimension == "duration" and qb.mid > q.mid:
            continue  # 从谈判到投产仅用时18个月,原本需要14个工作日完成的…: a longer "new" time is another measure
        subj, off = _clean_subject(text[cs:qb.start])
        start = cs + off if subj else qb.start
        c = _Claim(start, q.end, subj, q.dimension, _value_direction(q.mid, qb.mid), _claim_unit(q, qb), run.sent[j])
        c.before, c.after = (q.low, q.high), (qb.low, qb.high)
        c.quals = q.quals + qb.quals + _context_quals(text, start, qb.end)
        c.per = qb.per or q.per or find_per(text, start, q.end)
        run.emit(c, i, j)


def _level_then_compared(run: _Run) -> None:
    """``X A, 较<when> B (大幅)VERB``: a level, then in the next clause the old value it is compared with and a change
    verb that ends that clause or opens the next one (进口平均通关时间5.82小时,较去年38.08小时大幅缩减; 平均时间为1.99天,
    较2018年6.01天,提速202.01%): before B → after A, when the values agree with the verb; with no old value but a
    before marker (相关部门可在5个工作日内出具备案证明,较以往的审批周期大大压缩), A is an after value in the verb's
    direction."""
    text, doc = run.text, run.doc
    if not run.n:
        return
    for p0 in _clause_openings(text, _COMPARE_FIRST):  # a clause that opens with 较 / 比 …, and the last value before it
        i = bisect_left(run.starts, p0) - 1
        if i < 0:
            continue
        a = run.toks[i]
        if i in run.used or a.surface == "" or a.dimension in ("zero", "other", "ratio"):
            continue
        ce = doc.clause_end(a.start)
        if ce != p0 or ce >= doc.sentence_end(a.start) or not _NOSEP_ONLY.fullmatch(text, a.end, ce) \
                or not (head := _COMPARE.match(text, ce + 1)):
            continue  # the level ends its clause, and the next one opens with 较 / 比
        ks = list(run.toks_in(head.end(), doc.clause_end(head.end())))
        if len(ks) == 1:  # 较去年38.08小时大幅缩减: the old value, then the verb
            b = run.toks[ks[0]]
            m = _OLD_THEN_VERB.match(text, b.end)
            if ks[0] in run.used or b.nstart - head.end() > int(_BTV["gap"]) or not m:
                continue
            direction = _direction_of_verbs(m.group("verb1") or m.group("verb2"), "", a.dimension)
            if direction is None or not _compatible(a, b) or b.mid == a.mid or _value_direction(b.mid, a.mid) != direction:
                continue
            c = _Claim(a.start, m.end(), "", a.dimension, direction, _claim_unit(b, a), run.sent[i])
            c.before, c.after = (b.low, b.high), (a.low, a.high)
            c.quals = b.quals + a.quals
            seg = text[head.end():b.start]
            noun = _strip_bound(seg[seg.rfind(_POSSESSIVE) + 1:]) if _POSSESSIVE in seg else ""  # …的平均办理时间(约1个工作日)
            used = (i, ks[0])
        elif not ks and (m := _MARKED_THEN_VERB.match(text, head.end())):  # 较以往的审批周期大大压缩
            direction = _direction_of_verbs(m.group("verb"), "", a.dimension)
            if direction is None:
                continue
            c = _Claim(a.start, m.end(), "", a.dimension, direction, a.unit, run.sent[i])
            c.after, c.after_only, c.after_tok = (a.low, a.high), True, i
            c.quals = list(a.quals)
            used, noun = (i,), m.group("noun").removeprefix(_POSSESSIVE)  # the measure, named with the old time
        else:
            continue
        cs = run.clause_start(a.start)
        subj, off = _clean_subject(text[cs:a.start])
        c.start = cs + off if subj else a.start
        c.subject = noun if noun and (not used[1:] or (_REFORM_MEASURE.search(noun) and not _REFORM_MEASURE.search(subj))) else subj
        c.per = a.per or find_per(text, c.start, c.end)
        run.emit(c, *used)


def _labelled_afters(run: _Run) -> None:
    """``由A VERB至 X B、Y C``: one before value and a list of after values, each with its label (由原来的 109个工作日压缩至
    出让地项目审批23个工作日、划拨地项目审批25个工作日): C is an after value of A too, its label the subject. (Runs after the
    filters: a claim they drop, 增加值从…1019亿元、日均产出3亿元,跃升至…2030亿元、日均6亿元, lends its before value to none.)"""
    text = run.text
    if _LA["joiner"] not in text:
        return
    for c in list(run.out):
        if c.before is None or c.after is None or c.pct is not None or c.change is not None:
            continue
        end = c.end
        while (m := _LABELLED_AFTER.match(text, end)) is not None:
            ks = [k for k in run.toks_in(m.end(), m.end() + 1)]
            if not ks or ks[0] in run.used:
                break
            q = run.toks[ks[0]]
            if q.unit != c.unit or q.mid == (c.before[0] + c.before[1]) / 2 \
                    or _value_direction((c.before[0] + c.before[1]) / 2, q.mid) != c.direction:
                break
            d = _Claim(m.start("label"), q.end, m.group("label"), c.kind, c.direction, c.unit, c.sent)
            d.before, d.after = c.before, (q.low, q.high)
            d.quals, d.per = list(q.quals), c.per
            run.emit(d, ks[0])
            end = q.end


# --- rule 3c: halved ----------------------------------------------------------------------------
def _halved(run: _Run) -> None:
    """``X减半`` / ``X折半``: X decreased by 50 % (路桥费减半), unless an earlier rule's claim holds the word
    (由12天减半至6天 is before 12 days → after 6 days) or it ends a tax holiday's formula (二免三减半)."""
    text = run.text
    if not any(w in text for w in _V["halved"]["words"]):
        return
    taken = _Spans(run.out)
    for m in _HALVED.finditer(text):
        if taken.overlap(m.start(), m.start() + 1):
            continue  # 由12天减半至6天: a before → after claim already says it
        if _TAX_HOLIDAY.search(text, max(0, m.start() - 2), m.start()):
            continue  # 二免三减半: the formula of a tax holiday, not a cut
        cs = run.clause_start(m.start())
        subj, off = _clean_subject(text[cs:m.start()])
        c = _Claim(cs + off if subj else m.start(), m.end(), subj, "ratio", "decrease", "%",
                   run.doc.sentence_start(m.start()))
        c.pct = (_HALVED_PCT, _HALVED_PCT)
        c.quals = _context_quals(text, cs, m.end())
        run.emit(c)


# --- rule 4: amount of change --------------------------------------------------------------------
def _other_measure(verbs: str, q: Qty) -> bool:
    """Does the verb name another measure than value ``q``'s (降费 cuts money: 降费一年有余 is a span)?
    A percent fits any verb."""
    for verb, dim in _VERB_MEASURE.items():
        if verbs.endswith(verb):
            return q.unit != "%" and q.dimension not in dim
    return False


def _holds_value(run: _Run, a: int, b: int) -> bool:
    """Does a quantity start in ``text[a:b]`` (精简近半审批时间最快30天: 近半 is 精简's object, not 30天)?"""
    k = bisect_left(run.starts, a)
    return k < run.n and run.starts[k] < b


def _change_verb(run: _Run, q: Qty, cs: int) -> tuple[str, int, str] | None:
    """(verbs, verb start, object) of the change stated before value ``q``, or None."""
    text = run.text
    end = q.start
    if end > cs and text[end - 1] in _RANGE_FROM and text.startswith(_RANGE_VARIES, q.end):
        end -= 1  # 节约通关时间从0.8小时—5.4小时不等: the range is the amount
    m = _CHANGE.search(text, max(cs, end - _CHANGE_REACH), end)
    if not m and _AM["list_object_etc"] in text[max(cs, end - 8):end]:
        m = _CHANGE_LIST.search(text, max(cs, end - _LIST_REACH), end)
    while m and (_ARABIC.search(m.group("obj")) or _holds_value(run, m.end("verb"), q.start)) \
            and not _LIST_TAIL.search(m.group("obj")):
        # 加快…等7大方面提出110余项: another number in the object, the verb is not this value's; a later
        # verb may be (时间压缩50%、材料压缩14%), the search goes on after this one
        m = _CHANGE.search(text, m.start() + 1, end)
    if not m and q.unit == "%" and text.startswith(_POSSESSIVE, q.end):
        cut = _SHARE_CUT.search(text, max(cs, q.start - _SHARE_CUT_REACH), q.start)
        if cut:  # 取消36.8%的中介服务事项: a percent of the items cut
            return cut.group(), cut.start(), ""
    if not m:
        word = _RANGE_WORD.search(text, max(cs, q.start - _RANGE_WORD_REACH), q.start) if q.unit == "%" else None
        if not word:
            return None
        return word.group("v") or word.group("d"), word.start(), ""
    vstart = m.start()
    if text.startswith(_NOUN_COMPOUNDS, vstart):  # 增加值765亿元: value added, not an increase
        return None
    if m.group("verb") in _EARLIER and _lead_time(run, m, q):
        return None  # 提前3天申报: a rule's lead time; 以往…,此次提早5天完成了转运 is work done that much earlier
    if m.group("obj").endswith(_AM["object_list_end"]) and not _DIGIT.search(m.group("obj")):
        return None  # 提升营商环境、31项为…: a noun, then the next list item (not 压缩48.5%、53.3%)
    if q.dimension == "count" and m.group("obj").endswith(_AM["list_object_etc"]):
        return None  # “一口受理”初步探索、…完善提升等三个发展阶段: a count after 等 counts the items listed
    obj = _OBJ_LEAD.sub("", m.group("obj"))
    # 扩展区域涵盖…3个: the verb names a thing and the number counts what it covers;
    # 占…扩展区域面积的三成: a share of something. Neither is a change.
    if _OBJ_NOT_CHANGE.search(obj) or (obj.endswith(_POSSESSIVE) and _SHARE in text[cs:vstart]):
        return None
    if q.dimension == "count" and _MEASURES_COUNTED.match(text, q.end):
        return None  # 增加了77项济南市自主创新措施: a count of the measures themselves
    return m.group("verb"), vstart, obj


def _change_subject(run: _Run, j: int, cs: int, vstart: int, obj: str) -> tuple[str, int | None]:
    """Subject of an amount of change (and its start when read before the verb): the object, else "的X"
    after the value, else the text before the verb, else the head of the previous clause."""
    text, q = run.text, run.toks[j]
    subj, sstart = "", None
    if obj and _earlier_items(run, q.start - len(obj), q.start):
        obj = ""  # 同比减少10.1%、7.3%: the object is the list's earlier item, the subject is the verb's
    am = _AFTER_NOUN.match(text, q.end, min(len(text), q.end + 16))
    if obj and not (am and _JOINER_END.search(obj)):  # 节省一天通关时间和千元左右的物流成本: a later item, its noun after it
        subj, _ = _clean_subject(obj)
    if not subj and am:
        subj = am.group("n")
    if not subj and q.dimension == "count":
        act = _ACT_OBJECT.match(text, q.end, q.end + 8)  # 减少了5个表单的填写: the forms' filling-in
        if act:
            subj = act.group()
    if not subj:
        subj, off = _clean_subject(text[cs:vstart])
        sstart = cs + off if subj else None
    if not subj and cs > run.sent[j] and cs == run.doc.clause_start(q.start):
        pcs = run.clause_start(cs - 1)
        prev = text[pcs:cs - 1]
        r = run.toks_in(pcs, cs - 1)
        head = prev[:run.toks[r[0]].start - pcs] if len(r) else prev
        subj, _ = _clean_subject(_LEVEL.sub("", head))
    return subj, sstart


def _lead_time(run: _Run, m: re.Match, q: Qty) -> bool:
    """Is 提前/提早 (``m``) before value ``q`` a lead time, no saving: neither 提前了, nor a done verb after ``q``
    in a sentence that names the old way before the verb (以往…,此次提早5天完成了转运), nor work started or done
    that much earlier because of the measure, or as it now can be (此举可使项目提前开工60天左右; 进口企业可提前6天至13天
    提货), nor work started that much earlier with no 可 before it (平均每个项目提前开工30天: what was achieved)?"""
    verb = m.group("verb")
    if verb in _DEC_PERF and run.text.startswith("了", m.end("verb")):
        return False
    cs = run.clause_start(m.start())
    if _EARLIER_STARTED.fullmatch(run.text, m.end("verb"), q.start) \
            and (_EARLIER_CAUSE.search(run.text, cs, m.start()) or not _EARLIER_CAN.search(run.text, cs, m.start())):
        return False  # 此举可使项目提前开工60天; 平均每个项目提前开工30天 (not 可提前开工…: what one may do)
    if _EARLIER_STARTED.match(run.text, q.end) and _EARLIER_CAN.search(run.text, cs, m.start()):
        return False  # 进口企业可提前6天至13天提货
    return not (_EARLIER_DONE.match(run.text, q.end)
                and run.any_mark(_BEFORE_MARK, run.doc.sentence_start(q.start), m.start()))


def _earlier_items(run: _Run, a: int, b: int) -> bool:
    """Is the text in [a, b) only values, each followed by a list joiner (10.1%、): a list's earlier items?"""
    pos = a
    for k in run.toks_in(a, b):
        tk = run.toks[k]
        if tk.start != pos or tk.end >= b or run.text[tk.end] not in _LIST_JOINER_SET:
            return False
        pos = tk.end + 1
    return pos == b and pos > a


def _baseline(run: _Run, j: int, cs: int, vstart: int) -> int | None:
    """A value given with 比/较 between the clause start and the verb (较2018年的8.5天减少了88%), not in
    the unit of the change."""
    cm = _COMPARE.search(run.text, cs, vstart)
    base = None
    if cm:
        for k in run.toks_in(cm.end(), vstart):
            tk = run.toks[k]
            if tk.end <= vstart and k not in run.used and tk.unit != run.toks[j].unit:
                base = k
    return base


def _amount_of_change(run: _Run) -> None:
    """``VERB(了)[object] Q`` (节省通关物流时间约170万小时, 每票下调5元, 降低90%, 提升24个百分点, 提高近3倍)
    and ``降幅/精减幅度(达) Q%``; a baseline stated with 比/较 is kept for the folding step."""
    text, doc = run.text, run.doc
    for j in range(run.n):
        if j in run.used:
            continue
        q = run.toks[j]
        if q.surface == "" or q.dimension == "other":
            continue
        if not run.near(_CHANGE_GATE, q.start) and not (q.unit == "%" and run.near(_RANGE_WORD_GATE, q.start)):
            continue
        cs = run.clause_start(q.start)
        if q.dimension == "count" and _ATTRIBUTIVE.match(text, q.end, q.end + 5) \
                and not _ACT_OBJECT.match(text, q.end, q.end + 8):
            continue  # 两个市场的竞争力, 一类企业占比: the count belongs to a noun phrase (not 5个表单的填写: what an act handles)
        found = _change_verb(run, q, cs)
        if found is None:
            continue
        verbs, vstart, obj = found
        if _other_measure(verbs, q):
            continue
        subj, sstart = _change_subject(run, j, cs, vstart, obj)
        direction = _direction_of_verbs(verbs, subj, q.dimension)
        if direction == "decrease" and q.unit == "%" and q.high > 100 and _SPEED_VERB.search(verbs):
            direction = "increase"  # 平均时间…较2018年6.01天提速202.01%: the speed, three times as fast
        if direction is None or (direction == "decrease" and q.unit == "%" and q.high > 100):
            continue  # no direction; or a decrease of more than 100 %, which cannot be
        start = min(vstart, sstart) if sstart is not None else vstart
        c = _Claim(start, q.end, subj, q.dimension, direction, q.unit, run.sent[j])
        if q.unit == "%":
            c.pct = (q.low, q.high)
        else:
            c.change = (q.low, q.high)
        c.quals = q.quals + _context_quals(text, cs, q.end)
        c.per = q.per or find_per(text, start, q.end)
        c.base_tok = _baseline(run, j, cs, vstart)
        run.emit(c, j, *(() if c.base_tok is None else (c.base_tok,)))


# --- rule 4a: a saving of money written without 元 ----------------------------------------------------
def _money_unit_left_out(run: _Run) -> None:
    """``VERB(了) …费用/成本 N万`` with no unit (节省评估费用40多万, 年可节约运营成本上千万), or the noun right after
    the value (19家企业节省5000万成本): the amount is in yuan, the unit the money noun implies; read only when the
    value ends with 万/亿 and then the clause (or the noun)."""
    text = run.text
    if not any(ch in text for ch in _AM["money_magnitudes"]):
        return
    taken = _Spans(run.out)
    for m in _MONEY_LEFT_OUT.finditer(text):
        key = next(k for k in ("num", "num_first", "num_alone") if m.group(k) is not None)
        if key == "num_alone" and m.group("verb") not in _MONEY_SAVING:
            continue
        num = m.group(key)
        if num.rstrip(_MORE_CHARS)[-1:] not in _AM["money_magnitudes"]:
            continue
        if taken.overlap(m.start(key), m.end(key)):
            continue  # a rule before read it
        r = _money_value(num)
        subj, _ = _clean_subject(m.group("obj") if key == "num" else m.group("noun_after") or "")
        direction = _direction_of_verbs(m.group("verb"), subj)
        if r is None or direction is None:
            continue
        cs = run.clause_start(m.start())
        c = _Claim(m.start(), m.end(), subj, "money", direction, _MONEY_UNIT, run.doc.sentence_start(m.start()))
        c.change = r
        c.quals = _money_quals(num) + _context_quals(text, cs, m.end())
        c.per = find_per(text, cs, m.end())
        run.emit(c)


def _money_value(num: str) -> tuple[float, float] | None:
    """(low, high) yuan of a value written without its unit, its bound word first (超千万, 上千万: 1e7)."""
    return range_floats(num[1:], True) if num[:1] in BARE_WORDS else parse_number(num)


def _money_quals(num: str) -> list[str]:
    """Qualifiers of a value written without its unit: the bound word before it, 多/余 after its digits."""
    quals = [name for w, name in _QL["before_number"].items() if num.startswith(w)][:1]
    if num[:1] in BARE_WORDS:
        quals.append(BARE_WORDS[num[0]])
    if any(ch in num for ch in _MORE_CHARS):  # 40多万: more than 400,000
        quals.append(_QL["after_number"][_MORE_CHARS[0]])
    return quals


# --- rule 4a': a comparison with an average elsewhere is no change -------------------------------------
def _benchmark_clause(run: _Run, pos: int, end: int) -> bool:
    """Does the clause of ``pos``, up to ``end``, compare with an average elsewhere (比全国平均…)?"""
    return run.any_mark(_BENCHMARK, run.clause_start(pos), end)


def _drop_benchmark_comparisons(run: _Run) -> None:
    """Drop an amount of change against an average elsewhere (云南省口岸进口整体通关时间为14.02小时,比全国
    平均进口通关时间少27.8小时): a comparison with other places, not a change over time. Its value stays
    used, so that no later rule reads it as a level."""
    if run.occurs(_BENCHMARK):
        run.out = [c for c in run.out if not (c.before is None and c.after is None
                                              and (c.change is not None or c.pct is not None)
                                              and _benchmark_clause(run, c.end - 1, c.end))]


# --- rule 4b: levels, then their change against a baseline ------------------------------------------
def _levels_then_change(run: _Run) -> None:
    """``X(分别)为A(和B), 较<baseline>(分别)VERB P(和Q)``: the levels of the first clause are the after values
    of the changes of the next one (通关时间分别为30小时和2小时,较2017年分别压缩70%和80%), paired in order;
    a level left without its change (the text stops) is an after value of the same direction. A bound
    of the level's own stands for 为 (全程耗时不超过15个工作日,较原来缩短了20个工作日)."""
    text, doc = run.text, run.doc
    by_clause: dict[int, list[_Claim]] = {}
    for c in run.out:
        if (c.pct is not None or c.change is not None) and c.after is None and c.before is None:
            by_clause.setdefault(doc.clause_start(c.start), []).append(c)
    for cs, changes in by_clause.items():
        if cs == 0 or not _COMPARE.match(text, cs) or doc.sentence_start(cs) > cs - 1:
            continue
        pcs = run.clause_start(cs - 1)
        if pcs > 0 and _COMPARE.match(text, pcs) and _benchmark_clause(run, pcs, cs - 1) \
                and doc.sentence_start(pcs) <= pcs - 1:
            pcs = run.clause_start(pcs - 1)  # 为14.02小时,比全国平均…少27.8小时,较2017年压缩87.56%: past the comparison
            cs = doc.clause_start(cs - 1)
        levels = [k for k in run.toks_in(pcs, cs - 1) if k not in run.used and run.toks[k].unit not in ("%", "pp")]
        if not levels or any(not run.linked(a, b) for a, b in zip(levels, levels[1:])):
            continue
        head = text[pcs:run.toks[levels[0]].start]
        if not (_LEVEL_IS.search(head) or _LEVEL_BOUNDS.intersection(run.toks[levels[0]].quals)) \
                or len(changes) > len(levels) \
                or any(c.change is not None and c.unit != run.toks[k].unit for c, k in zip(changes, levels)):
            continue  # 达1500亿元,比2015年增长了1.2倍: a volume reached; a multiple is no change of the level's unit
        subj, off = _clean_subject(_LEVEL_IS.sub("", head))
        changes.sort(key=lambda c: c.end)
        for n, k in enumerate(levels):
            q = run.toks[k]
            if n < len(changes):
                c = changes[n]
                c.start = min(c.start, pcs + off if subj else q.start)
            else:
                c = _Claim(q.start, q.end, subj, q.dimension, changes[0].direction, q.unit, run.sent[k])
                c.after_only, c.after_tok = True, k
                run.out.append(c)
            c.after, c.subject, c.unit, c.kind = (q.low, q.high), subj or c.subject, q.unit, q.dimension
            c.quals = c.quals + q.quals
            run.used.add(k)


# --- folding: restatements and baselines ----------------------------------------------------------
def _fold_restatements(run: _Run) -> None:
    """A change that restates the before/after claim just before it in the same sentence is folded into
    that claim (149项…整合减少为96项, 减少录入53项); a baseline (较…8.5天) becomes a before value."""
    run.out.sort(key=lambda c: (c.end, c.start))
    folded: list[_Claim] = []
    for c in run.out:
        p = folded[-1] if folded else None
        if p is not None and (_fold_into(run, p, c) or _fold_size_of_change(run, p, c)):
            continue
        tb = run.toks[c.base_tok] if c.base_tok is not None else None
        if tb is not None and c.change is not None and tb.unit == c.unit:
            c.before = (tb.low, tb.high)
        elif tb is not None and c.pct is not None and c.before is None and _percent_of_base(run, c, tb):
            c.before = (tb.low, tb.high)  # 较2019年的7.8个月缩短45%: the baseline is the before value
            c.unit, c.kind, c.start = tb.unit, tb.dimension, min(c.start, tb.start)
        folded.append(c)
    for c in folded:
        if c.before is None and c.after is not None and c.pct is not None:
            _before_from_percent(run, c)
    run.out = folded


def _before_from_percent(run: _Run, c: _Claim) -> None:
    """Give after-value-and-percent claim ``c`` the before value its percent implies, when its sentence states that
    value earlier, among the last ``_MAX_LIST`` values before it, and no claim uses it (53项审批的420项申请材料,经过梳理,
    容缺要件压缩至237个,压缩率为43.6%: 420 → 237 is 43.6 %): a count of any classifier, another value in ``c``'s unit;
    within one point for an exact percent."""
    a = (c.after[0] + c.after[1]) / 2
    exact = not set(c.quals) & {"more than", "at least", "less than", "at most", "approximately", "nearly"}
    earlier = run.toks_in(run.doc.sentence_start(c.start), c.start)
    for k in reversed(earlier[-_MAX_LIST:]):  # the values just before it (a bounded look back: linear in the text)
        t = run.toks[k]
        if k in run.used or not (t.unit == c.unit or (c.kind == "count" and t.dimension == "count")):
            continue
        pct_ba = abs(t.mid - a) / abs(t.mid) * 100 if t.mid else None
        if pct_ba is not None and (t.mid > a) == (c.direction == "decrease") and (
                abs(pct_ba - (c.pct[0] + c.pct[1]) / 2) <= 1 if exact else _percent_agrees(t.mid, a, c.pct, c.quals)):
            c.before, c.start = (t.low, t.high), min(c.start, t.start)
            c.after_only = False
            run.used.add(k)
            return


def _fold_size_of_change(run: _Run, p: _Claim, c: _Claim) -> bool:
    """Fold percent ``c``, the size of a change stated right after it (缩减14个工作日,压缩率达72%; 缩短至1小时,降幅达
    80%: 压缩率 / 降幅 (达) P%), into claim ``p`` of its sentence, the clause before, that states the change or its
    level in a unit of its own and no percent; True if folded."""
    if c.pct is None or c.change is not None or c.after is not None or c.before is not None \
            or p.pct is not None or p.unit in ("%", "pp", "times") or p.sent != c.sent \
            or p.direction != c.direction or (p.change is None and p.after is None):
        return False
    k = next(iter(run.toks_in(c.start, c.end)), None)
    if k is None or not _RANGE_WORD.fullmatch(run.text, c.start, run.toks[k].start) \
            or not _SIZE_LINK.fullmatch(run.text, p.end, c.start):
        return False
    p.pct, p.end = c.pct, c.end
    p.quals = p.quals + [x for x in c.quals if x not in p.quals]
    return True


def _percent_of_base(run: _Run, c: _Claim, tb: Qty) -> bool:
    """Is baseline ``tb`` (a value, not a percent) the before value of percent change ``c``: ``c`` has no level
    yet, or a level in ``tb``'s unit that the percent joins to it (为30.56小时,较2017年的100小时压缩69%)? Not
    when a verb of speed states the percent (较…8.5个工作日提速近一半: the speed, not the time, changed)."""
    if tb.unit in ("%", "pp", "times") or _SPEED_VERB.search(run.text, tb.end, c.end):
        return False
    if c.after is None:
        return True
    return c.unit == tb.unit and _percent_agrees(tb.mid, (c.after[0] + c.after[1]) / 2, c.pct, c.quals)


def _fold_into(run: _Run, p: _Claim, c: _Claim) -> bool:
    """Fold change claim ``c`` into the claim ``p`` just before it when it restates it; True if folded.
    (A baseline of ``c`` in ``p``'s unit completes an after-only ``p`` first.)"""
    if not (p.sent == c.sent and (c.change is not None or c.pct is not None)
            and p.change is None and p.pct is None and p.after is not None):
        return False
    if c.base_tok is not None and p.after_only and run.toks[c.base_tok].unit == p.unit:
        tb = run.toks[c.base_tok]
        p.before = (tb.low, tb.high)
        p.after_only = False
    if p.before is None or not _restates(p, c) or _new_subject(p, c, run.text):
        return False
    if c.change is not None:
        p.change = c.change
    else:
        p.pct = c.pct
    p.end = max(p.end, c.end)
    p.quals = p.quals + [x for x in c.quals if x not in ("average", "fastest")]
    return True


# --- rule 5: N合1 -------------------------------------------------------------------------------
def _counted_name(run: _Run, pos: int) -> bool:
    """Is the quoted N合一 at ``pos`` the name of a kind of thing that a count right before its quote
    counts (重庆市三个“三合一”开放平台之一: platforms of that kind, no merge)?"""
    text = run.text
    if pos == 0 or text[pos - 1] != _N1["name_quote"]:
        return False
    k = bisect_left(run.starts, pos) - 1
    return k >= 0 and run.toks[k].end == pos - 1 and run.toks[k].dimension == "count"


def _n_in_one(run: _Run) -> None:
    """``N合1`` / ``五证合一``: before N, after 1; a later mention of the same N合一 names the reform again and
    is no claim of its own."""
    text, doc = run.text, run.doc
    if not any(_N1["joined"] + one in text for one in _N1["one"]):
        return
    named: set[tuple[float, str]] = doc.carry.setdefault("named", set())  # of this text, earlier windows too
    for m in _HE1.finditer(text):
        nv = m.group("n")
        v = float(nv) if nv.isdigit() else _cn_small(nv)
        if v is None or v < 2 or _counted_name(run, m.start()):
            continue
        noun = m.group("noun") or ""
        if (v, noun) in named:
            continue  # 海南三证合一改革是…; …三证合一不仅减少了…: the reform's name again
        named.add((v, noun))
        cs = run.clause_start(m.start())
        subj, off = _clean_subject(text[cs:m.start()].rstrip("(“"))
        unit = f"count:{noun}" if noun else "count"
        c = _Claim(m.start(), m.end(), subj, "count", "decrease", unit, doc.sentence_start(m.start()))
        c.before, c.after = (v, v), (1.0, 1.0)
        run.emit(c)


# --- rule 6: 翻一番 -----------------------------------------------------------------------------
def _doubling(run: _Run) -> None:
    """翻一番 / 翻了两番: doubled (×2, a change of 1 times), quadrupled (×4, 3 times)."""
    text, doc = run.text, run.doc
    if _DB["noun"] not in text:
        return
    for m in _FAN.finditer(text):
        k = _FAN_TIMES[m.group("n")]
        cs = run.clause_start(m.start())
        subj, off = _clean_subject(text[cs:m.start()])
        c = _Claim(cs + off if subj else m.start(), m.end(), subj, "ratio", "increase", "times",
                   doc.sentence_start(m.start()))
        c.change = (float(2 ** k - 1), float(2 ** k - 1))
        run.emit(c)


# --- rule 7: tables -----------------------------------------------------------------------------
def _tables(run: _Run) -> None:
    """Rows of a table with a 改革前 and a 改革后 column (see :mod:`ftzdata.extract.tables`), unless a
    claim read above covers the row (a cell that says it in words: 由5天压缩至1天)."""
    tables = table_claims(run.text)
    if not tables:
        return
    covered = _Covered(run.out)
    for t in tables:
        if covered.overlaps(t.start, t.end):
            continue
        covered.add(t.start, t.end)
        c = _Claim(t.start, t.end, t.label, t.kind, _value_direction(sum(t.before), sum(t.after)), t.unit,
                   run.doc.sentence_start(t.start))
        c.before, c.after, c.quals = t.before, t.after, list(t.quals)
        run.emit(c)


class _Covered:
    """Spans of the claims found so far, to ask in O(log n) whether a new span overlaps one of them."""

    def __init__(self, claims: list[_Claim]):
        spans = sorted((c.start, c.end) for c in claims)
        self.starts = [a for a, _ in spans]
        self.max_end, top = [], -1  # max_end[k]: the furthest end among the first k + 1 spans
        for _, b in spans:
            top = max(top, b)
            self.max_end.append(top)
        self.extra: list[tuple[int, int]] = []  # spans added in increasing order (table rows)

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b) - 1  # spans that start before b
        if k >= 0 and self.max_end[k] > a:
            return True
        return bool(self.extra) and self.extra[-1][0] < b and a < self.extra[-1][1]

    def add(self, a: int, b: int) -> None:
        self.extra.append((a, b))


# --- last: claims with an unreadable number, plans and targets are not claims ------------------------
def _drop_unreadable(run: _Run) -> None:
    """Drop a claim whose clause holds a number too large or too odd to read (由10^30天缩短至1天: the
    before value is 10^30 days, which is not read, so the claim would be half of what the text says)."""
    if run.out:
        run.out = [c for c in run.out if not run.any_mark(_UNREADABLE, run.clause_start(c.start), c.end)]


def _drop_titles(run: _Run) -> None:
    """Drop a claim inside a document's title (《陕西省优化提升营商环境工作三年行动计划》): a name, no change."""
    if _TITLE_OPEN in run.text and run.out:
        run.out = [c for c in run.out if not run.within(_TITLE, c.start, c.end)]


def _drop_across_names(run: _Run) -> None:
    """Drop a claim that begins inside one quoted name and ends inside another (“营运交通工具进口关税减免”
    “加工增值30%免关税”: the verb of one policy's name, the figure of the next), or a count that begins inside
    quoted names and is written right after them (“…指标提升、…影响力提升”四个提升工程: it counts the names): names
    listed, no change."""
    if (_QN["open"] not in run.text and _QN["inner"][0] not in run.text) or not run.out:
        return
    def across(c: _Claim) -> bool:
        return (run.within(_QUOTED_NAME, c.start, c.start + 1) and run.within(_QUOTED_NAME, c.end - 1, c.end)
                and not run.within(_QUOTED_NAME, c.start, c.end))
    def counts_names(c: _Claim) -> bool:  # “…指标提升、…影响力提升”四个提升工程: the count after counts the names
        qe = run.doc.quote_end(c.start) if c.kind == "count" else None
        return qe is not None and qe < c.end and _NUMBER_ONLY.fullmatch(run.text, qe, c.end) is not None
    run.out = [c for c in run.out if not (across(c) or counts_names(c))]


def _drop_frequencies(run: _Run) -> None:
    """Drop a duration claim one of whose values is the period of a frequency, a count of sailings or trips
    right after it (集装箱班轮从两周一班增加到一周八班): how often, not how long."""
    period: dict[int, bool] = {}  # token → is a frequency's period: each token read once, however many claims span it
    def is_period(k: int) -> bool:
        got = period.get(k)
        if got is None:
            got = period[k] = _FREQUENCY.match(run.text, run.toks[k].end) is not None
        return got
    def frequency(c: _Claim) -> bool:
        return c.kind == "duration" and any(is_period(k) for k in run.toks_in(c.start, c.end + 1))
    run.out = [c for c in run.out if not frequency(c)]


def _drop_ranks(run: _Run) -> None:
    """Drop a claim about a rank (进出口值排名提升55位: a place in a league table, not a reform effect), and
    a change in places (位) in a paragraph that names a rank before it (位列全国第27位,较上年提升37位; 排名前十位的
    依次是…。…变化较大的是重庆(上升2位))."""
    text = run.text
    if run.occurs(_RANK):
        run.out = [c for c in run.out if not (
            _RANK.search(text, run.clause_start(c.start), c.end)
            or (c.unit == _RANK_UNIT and _RANK.search(text, run.doc.paragraph_start(c.start), c.end)))]


def _drop_service_hours(run: _Run) -> None:
    """Drop a claim whose last value is a service's opening hours (海关实行24小时待命, 24小时通关, 7×24小时服务):
    when a service is open, not how long a procedure takes."""
    if _SH["hours"] not in run.text:
        return
    text, h = run.text, _SH["hours"]
    def hours(c: _Claim) -> bool:
        start = c.end - len(h)
        return text.startswith(h, start) and (text[:start].endswith(_SERVICE_BEFORE) or text.startswith(_SERVICE_AFTER, c.end))
    run.out = [c for c in run.out if not hours(c)]


def _drop_rates(run: _Run) -> None:
    """Drop the claims of a rate of response (时间成本每降低1%,育种效率就能提升0.7%): 每 right before a
    change verb, in the claim's sentence before its end (at most :data:`WINDOW` characters back)."""
    text = run.text
    if _SJ["each_change"] not in text:
        return
    run.out = [c for c in run.out
               if not _EACH_CHANGE.search(text, max(run.doc.sentence_start(c.start), c.start - WINDOW), c.end)]


def _drop_average_growth(run: _Run) -> None:
    """Drop an average growth rate (进出口年均增长22%, 销售额月均增长67%): growth over a span of time, a
    volume figure, not the effect of a reform (growth words right after 年均/月均, in the claim's span)."""
    text = run.text
    if run.occurs(_AVERAGE_GROWTH):
        run.out = [c for c in run.out if not _AVERAGE_GROWTH.search(text, max(0, c.start - 3), c.end)]


def _drop_span_growth(run: _Run) -> None:
    """Drop an increase whose subject is only a span of time (两年时间全部翻了一番: the volumes named before it
    doubled in two years): growth over a span, like an average growth rate, not a reform's effect."""
    run.out = [c for c in run.out if not (c.direction == "increase" and _SPAN_SUBJECT.fullmatch(c.subject or ""))]


def _drop_growth(run: _Run) -> None:
    """Drop a growth figure (进出口增长20.7%, 外贸从1778亿元增长到2926亿元): a claim stated with a growth
    verb (增长) whose subject is not a measure a reform changes (效率, 时间, 成本 …)."""
    text = run.text
    if not run.occurs(_GROWTH):
        return
    run.out = [c for c in run.out if not (_GROWTH.search(text, c.start, c.end)
                                          and not _REFORM_MEASURE.search(c.subject or ""))]


def _drop_year_on_year(run: _Run) -> None:
    """Drop a year-on-year growth figure (出口汽车42.1万辆,同比增加38.6%; 同比分别上升10.92%、7.89%; 较去年同期增加
    16个; 年增45% at a clause start): an increase with no before or after value, stated with 同比/环比/较去年同期 right before its verb,
    whose subject names no measure a reform changes (通关效率同比提升 stays a claim). (Declines are left as they
    are: the written held-out batches count 新设外资企业212家,同比下降3.2% as a claim.)"""
    text = run.text
    if not run.occurs(_YEAR_ON_YEAR):
        return
    run.out = [c for c in run.out if not (c.direction == "increase" and c.before is None and c.after is None
                                          and _YOY_VERB.search(text, max(0, c.start - _YOY_REACH), c.end)
                                          and not _REFORM_MEASURE.search(c.subject or ""))]


_RN = _V["reach_nouns"]
_ZONE_SUBJECT = re.compile(rf"(?:{alt(longest_first(_RN['zones']))})(?:{alt(_RN['counts'])})?[)”」]?$")
_PLACES_SUBJECT = re.compile(rf"(?:{alt(longest_first(_RN['zones'] + _RN['places'] + _RN['kinds'] + _RN['services']))})(?:{alt(_RN['counts'])})?[)”」]?$")


def _drop_volume_growth(run: _Run) -> None:
    """Drop the increase of a volume, throughput or coverage (进出口总值从202.82亿元增至2631.5亿元, 航线拓展至
    49条): a claim that increases, in a unit only volumes have (tonnes, vehicles, routes, firms …), or whose
    subject names a volume (总值, 货运量, 规模 …, or ends with 量, 包裹量, in a sentence of no other claim) and no
    measure a reform changes (效率, 时间, 成本 …), or a
    percent reached after a share (占全国18.1%的外商投资,…提升到18.4%), a count widened to with no
    before value (境外站点数拓展至24个: coverage), or the zones or places reached, in number or size (自贸试验区将由
    4个增加到11个, 原产国由最初的4个增加到了15个, 前海深港合作区扩大7倍), or a stock built up to the total the next
    clause states (泊位增加379个、总量达2971个)."""
    def volume(c: _Claim) -> bool:
        if c.direction != "increase":
            return False
        if _RUNNING_TOTAL.match(run.text, c.end):
            return True  # 泊位增加379个、总量达2971个: a stock built up to a total
        if c.unit in _VOLUME_UNITS:  # unless a rate of a measure rises: 通关效率从832人/小时提升至2000人/小时
            return not (c.per and c.before is not None and _REFORM_MEASURE.search(c.subject or ""))
        if c.kind == "count" and c.after_only and c.before is None:
            return True  # 境外站点数拓展至24个, 跨国公司总部增至138家: how far something reaches, how many there are
        if c.unit == "%" and c.before is None and c.after is not None \
                and run.first_in_sentence(_SHARE_RE, c.start) <= c.start:
            return True  # 贡献了占全国18.1%的外商投资,…进一步提升到18.4%: a share of a total that rises
        if (_PLACES_SUBJECT if c.kind == "count" or c.unit == "%" else _ZONE_SUBJECT).search(
                c.subject or run.text[run.clause_start(c.start):c.start]):
            return True  # 自贸试验区将由4个增加到11个, 从3个城市拓展到18个, 前海合作区扩大7倍, 服务事项…分别提升89.9%: reach
        # a claim with no subject of its own is read with its sentence's words before it (我省货物贸易连跨3个千亿元
        # 台阶,,从2020年5406亿元提高到2023年8052亿元)
        subj = c.subject or _PAREN.sub("", run.text[run.doc.sentence_start(c.start):c.start])
        named = _VOLUME_SUBJECT.search(subj) is not None or (c.kind == "money"
                                                              and _MONEY_VOLUME_SUBJECT.search(subj) is not None)
        # 量 ends the subject (与半年前相比,…电商直购包裹量提升了1倍): a volume, unless the sentence also states a
        # reform's effects, to which it then ties the growth (推行…,通关时间由两天半压缩至5个半小时,…年进口量增加了一倍)
        named = named or (_VOLUME_SUFFIX.search(subj) is not None and per_sentence[c.sent] == 1)
        return named and _REFORM_MEASURE.search(subj) is None
    per_sentence = Counter(c.sent for c in run.out)
    run.out = [c for c in run.out if not volume(c)]


def _drop_flow_changes(run: _Run) -> None:
    """Drop the change of a trade flow in percent (进出口总值12.4万亿元,比去年同期下降0.9%; 出口6.5万亿元,
    下降1.2%; 共进口5739.9万吨,增加34%): a growth figure, not a reform effect — a percent with no before/after
    value, whose subject names a trade flow (进出口, 出口, 外资 …) and no measure a reform changes (效率, 时间 …),
    right after the flow's sum of money, or (an increase) its volume, then at most a few words without a
    number, or whose subject names the sum itself (出口贸易额均出现下降,同比减少10.1%). (A decline after a volume stays: the written held-out batches count 天津口岸进口汽车8.2万辆,同比下降6.5%.)"""
    def flow_change(c: _Claim) -> bool:
        subj = c.subject or ""
        if c.unit != "%" or c.before is not None or c.after is not None \
                or _REFORM_MEASURE.search(subj) or not _FLOW.search(subj):
            return False
        return _FLOW_SUM.search(subj) is not None or _after_flow_level(run, c.start, volumes=c.direction == "increase")
    run.out = [c for c in run.out if not flow_change(c)]


def _after_flow_level(run: _Run, pos: int, volumes: bool) -> bool:
    """Is the value just before ``pos`` in its sentence a sum of money (or, with ``volumes``, a volume: tonnes,
    vehicles …) no claim uses, at most ``volume_decline_gap`` characters before it with no number between
    (出口6.5万亿元,下降1.2%)?"""
    r = run.toks_in(run.doc.sentence_start(pos), pos)
    if not len(r):
        return False
    k = r[-1]
    q = run.toks[k]
    gap = run.text[q.end:pos]
    return ((q.dimension == "money" or volumes and q.unit in _VOLUME_UNITS) and k not in run.used and len(gap) <= _DECLINE_GAP
            and not _DIGIT.search(gap))


def _drop_policy_parameters(run: _Run) -> None:
    """Drop a policy parameter (离岛免税购物额度增加至每人每年10万元): a claim with a level (after value) whose
    subject names a quota, limit or threshold (额度, 限额, 上限 …) says what a policy allows, not what a reform
    achieved (融资额度提升了约3倍, an amount of change of the credit firms got, is kept), and any change of a
    limit (挥发性酸度上限提高14%); so is a time allowed that is lengthened (报关期限从14天延长至3个月, 增加6个月销售
    过渡期: more time granted; a time limit shortened is an effect), and a
    claim that takes a dropped one further in the next clause (…年限从7年缩短到5年,核心人才进一步缩短到3年), and
    one whose values are all times one must have completed (连续缴纳满5年…调整为连续缴纳满3年: a condition)."""
    out, last = [], None  # last: the policy parameter dropped last
    for c in sorted(run.out, key=lambda c: c.start):
        if _is_policy_parameter(run, c) or (last is not None and _takes_further(run, last, c)):
            last = c
        else:
            out.append(c)
    run.out = out


def _takes_further(run: _Run, p: _Claim, c: _Claim) -> bool:
    """Is after-only claim ``c`` the next clause of ``p``'s sentence taking ``p`` further (进一步, same unit)?"""
    if not c.after_only or c.unit != p.unit or c.sent != p.sent or run.doc.clause_start(c.start) < p.end:
        return False
    return _FURTHER.search(run.text, p.end, c.end) is not None and not _DIGIT.search(run.text, p.end, c.start)


def _is_policy_parameter(run: _Run, c: _Claim) -> bool:
    """Does claim ``c`` set a quota's level or lengthen a time allowed (see :func:`_drop_policy_parameters`)? The
    quota may be named in the claim before its value when its subject stops at 每 (离岛旅客每年每人免税购物额度
    提高至10万元: subject 离岛旅客)."""
    subj = c.subject or ""
    if c.direction == "increase" and (_TIME_ALLOWED.search(subj) or _TIME_ALLOWED_AFTER.match(run.text, c.end)):
        return True  # 报关期限从14天延长至3个月; 增加6个月销售过渡期
    if _POLICY_LIMIT.search(subj):
        return True  # 挥发性酸度上限提高14%: a limit's change, with or without a level
    if c.unit == "%" and c.after is not None and _POLICY_RATE.search(subj):
        return True  # 企业所得税率降至15%: the rate a policy sets
    if c.kind == "duration" and _all_completed(run, c):
        return True
    return c.after is not None and (_POLICY_PARAMETER.search(subj) is not None
                                    or _POLICY_PARAMETER.search(run.text, c.start, _first_value_start(run, c)) is not None)


def _all_completed(run: _Run, c: _Claim) -> bool:
    """Is every value inside claim ``c`` a time one must have completed, right after 满 (连续缴纳满5年…调整为连续
    缴纳满3年)?"""
    ks = run.toks_in(c.start, c.end)
    return len(ks) > 0 and all(run.text.endswith(_COMPLETED_MARKS, 0, run.toks[k].start) for k in ks)


def _drop_breakdowns(run: _Run) -> None:
    """Drop a part of a total count (确定了98项改革事项,其中…提高透明度和可预期性37项): a count claim with no
    before value after 其中, whose sentence holds before 其中 a count in its classifier that no claim uses —
    the number of items in one category of the total, not a change."""
    if not run.occurs(_BREAKDOWN):
        return
    run.out = [c for c in run.out if not _is_breakdown(run, c)]


def _is_breakdown(run: _Run, c: _Claim) -> bool:
    """Is claim ``c`` a part of a total count written before 其中 in its sentence, or a count change whose before
    value is such a part (其中70多家是香港企业。目前进驻横琴的企业达9787家: a part is no baseline)?"""
    if c.kind != "count":
        return False
    if c.before is not None:
        return any(run.text.startswith(w, c.start - len(w)) for w in _BREAKDOWN_WORDS)
    ss = run.doc.sentence_start(c.start)
    mark = run.last_mark(_BREAKDOWN, ss, c.start)
    if mark is None:
        return False
    return any(k not in run.used and run.toks[k].unit == c.unit for k in run.toks_in(ss, mark[0]))


def _drop_share_points(run: _Run) -> None:
    """Drop a change in percentage points of a share of a total (四大主导产业5年提高13.7个百分点,占全省GDP比重67%;
    佔全部商品稅目的比例達到74%,比封關前提高了近53個百分點): a pp claim whose sentence names a share (占, 比重,
    比例 …) and whose subject names no measure a reform changes (物流支出占运营总成本比例…下降五个百分点 is kept)."""
    run.out = [c for c in run.out if not (c.unit == "pp" and not _REFORM_MEASURE.search(c.subject or "")
                                          and run.first_in_sentence(_SHARE_NOUN, c.start) < float("inf"))]


def _drop_shares_of_a_total(run: _Run) -> None:
    """Drop a change of a share of a total in percent (外商直接投资占全省比重由挂牌初的4.3%上升到31.2%): a % claim
    whose clause before its first value holds 占 and a total (全省, 全国, 总 …) and whose subject names no
    measure a reform changes (物流支出占运营总成本比例 is kept); a structural indicator, not an effect. So is a
    share by composition, 占比 or 比重 before the values in a text that writes 占 (社会投资占比从2020年的30%提升至2022年
    的56%) or with its percent in the clause before a bare change (境外人士佔比50%,比五一假期提升兩成), and a share by
    definition, 外向度 or 依存度 before the values (经济外向度提高到35%)."""
    shares, indicators = run.occurs(_SHARE_RE), run.occurs(_SHARE_INDICATOR)
    if not (shares or indicators):
        return
    def share(c: _Claim) -> bool:
        if c.unit != "%" or _REFORM_MEASURE.search(c.subject or ""):
            return False
        cs, v = run.clause_start(c.start), _first_value_start(run, c)
        if indicators and _SHARE_INDICATOR.search(run.text, cs, v):
            return True
        return shares and (_SHARE_TOTAL.search(run.text, cs, v) is not None
                           or _SHARE_COMPOSITION.search(run.text, cs, v) is not None
                           or _changes_share_before(run, c, cs))
    run.out = [c for c in run.out if not share(c)]


def _changes_share_before(run: _Run, c: _Claim, cs: int) -> bool:
    """Is ``c`` (starting its clause ``cs``) a bare change, no before/after value, right after a clause that
    states a share by composition in percent (境外人士佔比50%,比五一假期提升兩成: the share's rise)?"""
    if c.before is not None or c.after is not None or cs == 0:
        return False
    ps = run.doc.clause_start(cs - 1)
    m = _SHARE_COMPOSITION.search(run.text, ps, cs)
    return m is not None and any(run.toks[k].unit == "%" and k not in run.used for k in run.toks_in(m.end(), cs))


def _first_value_start(run: _Run, c: _Claim) -> int:
    """Start of the first token inside claim ``c`` (its end when it holds none)."""
    k = bisect_left(run.starts, c.start)
    return run.starts[k] if k < run.n and run.starts[k] < c.end else c.end


def _drop_uptake(run: _Run) -> None:
    """Drop the growth of who uses a service: an increase in a count of firms, households or persons (家, 户 …)
    whose clause before its first value names the users of a measure (在天津港实施“船边直提”的企业已从初期的十几家
    扩展至6000余家), or an amount of users (纳税主体分别增加4.9万户) whose sentence then gives a growth rate in %
    (…相比分别增长9%: yearly figures). Uptake, not a reform effect; a fall (审批部门由十几个变成一个) and a pilot's
    reach (试点企业由12家增加到56家) are kept (see ``uptake_users`` in the lexicon)."""
    def uptake(c: _Claim) -> bool:
        if c.direction != "increase" or c.unit not in _UPTAKE_UNITS:
            return False
        cs = run.clause_start(c.start)
        if _UPTAKE_USER.search(run.text, cs, _first_value_start(run, c)):
            return True
        return c.before is None and c.after is None and _UPTAKE_NAMED.search(run.text, cs, c.end) is not None \
            and _growth_rate_after(run, c.end)
    run.out = [c for c in run.out if not uptake(c)]


def _growth_rate_after(run: _Run, pos: int) -> bool:
    """Is there a % value after ``pos`` in its sentence with a growth word (增长 …) just before it?"""
    se = run.doc.sentence_end(pos)
    for k in run.toks_in(pos, se):
        q = run.toks[k]
        if q.unit == "%" and _UPTAKE_RATE.search(run.text, max(pos, q.start - 12), q.start):
            return True
    return False


def _drop_shares_of_nouns(run: _Run) -> None:
    """Drop a percent change whose value is written right before the things it is a share of (压缩行政审批时限 超九成
    事项三天内办结: 90 % of the matters, see ``share_of_nouns``): a share, no change."""
    if not any(c.pct is not None and c.before is None and c.after is None for c in run.out):
        return
    def share(c: _Claim) -> bool:
        if c.pct is None or c.before is not None or c.after is not None:
            return False
        ks = [k for k in run.toks_in(c.start, c.end) if run.toks[k].unit == "%"]
        return bool(ks) and _SHARE_OF_NOUNS.match(run.text, run.toks[ks[-1]].end) is not None
    run.out = [c for c in run.out if not share(c)]


def _drop_undirected_compounds(run: _Run) -> None:
    """Drop an amount of change whose verb is joined to one without a direction (累计精简调整各类事项环节363项:
    matters streamlined or adjusted, see ``undirected_compound``): a count of matters handled, no change."""
    text = run.text
    joined = [m.start() for m in _UNDIRECTED_WORD.finditer(text) if text.endswith(_DIRECTED_VERBS, 0, m.start())]
    if not joined:
        return
    def undirected(c: _Claim) -> bool:
        k = bisect_right(joined, c.start)  # the first 调整 after the claim's start: inside it?
        return c.before is None and c.after is None and c.pct is None and k < len(joined) and joined[k] < c.end
    run.out = [c for c in run.out if not undirected(c)]


def _drop_power_list_cuts(run: _Run) -> None:
    """Drop a number cut from the government's lists of powers with no before or after value (精简了行政审批事项22项,
    see ``power_lists``): the size of a reform's list, no effect; 由113项精简到59项 stays."""
    if not any(w in run.text for w in _V["power_lists"]):
        return
    run.out = [c for c in run.out if not (c.kind == "count" and c.before is None and c.after is None
                                          and _POWER_LIST.search(c.subject or "") is not None)]


def _drop_aspect_counts(run: _Run) -> None:
    """Drop a count of the aspects or fields a programme covers (支持扩大口岸开放等6个方面: the parts of a plan):
    a count claim every value of which is followed right away by 方面, 领域 … (see ``aspect_nouns``)."""
    if not run.occurs(_ASPECT):
        return
    def aspects(c: _Claim) -> bool:
        if c.kind != "count":
            return False
        ks = [k for k in run.toks_in(c.start, c.end) if run.toks[k].end <= c.end]
        return bool(ks) and all(_ASPECT.match(run.text, run.toks[k].end) for k in ks)
    run.out = [c for c in run.out if not aspects(c)]


def _drop_conditions(run: _Run) -> None:
    """Drop what may happen in a case, not a reported effect: a claim with no before value (a stated before
    value makes a reported change: 原本可能需要一周,现在只要1天) and a conditional opener (如果, 若, 一旦 …) in its
    sentence before its end (若按每吨约4000元计算,…单吨即可节省约360元), or a modal (可能) in its clause before
    its end (审核周期可能延长至15个工作日), or a clause before it that ends with 时 (HS编码误填导致归类争议时,
    需追加商品鉴定,延长3-7个工作日). A figure the text also states with no condition (the heading 直通班列让物流
    效率提高60%以上, then 如果通过直通班列,…在时间效率上提高了60%以上) earlier in the text (an earlier window
    too) is a restatement of a reported effect: kept."""
    stated: set = run.doc.carry.setdefault("stated", set())
    if not (run.occurs(_MODAL) or run.occurs(_CONDITIONAL) or run.occurs(_CONDITION_END)):
        stated.update(_figure(c) for c in run.out)  # a later window's restatement may need them
        return

    def condition(c: _Claim) -> bool:
        if c.before is not None:  # 原本可能需要一周,现在只要1天: a hedged before value, a reported change
            return False
        return (_conditional_before(run, c) or run.any_mark(_MODAL, run.clause_start(c.start), c.end)
                or _condition_clause_before(run, c.start))
    kept = []
    for c in sorted(run.out, key=lambda c: (c.start, c.end)):
        if not condition(c):
            stated.add(_figure(c))
            kept.append(c)
        elif _figure(c) in stated:
            kept.append(c)
    run.out = kept


def _conditional_before(run: _Run, c: _Claim) -> bool:
    """Is there a conditional opener in the sentence of ``c`` before its end, other than a 只要 whose
    consequent (即可, 就能 …) is already stated before the claim (只要相关材料完备,…即可完成全部流程,用时约为原来的1/5)?"""
    if run.first_in_sentence(_CONDITIONAL, c.start) > c.end:
        return False
    text = run.text
    for m in _CONDITIONAL.finditer(text, run.doc.sentence_start(c.start), c.end):
        if m.group(0) != _SUFFICIENT["opener"] or not _SUFFICIENT_THEN.search(text, m.end(), c.start):
            return True
    return False


def _figure(c: _Claim) -> tuple:
    """What a claim states, without where: direction, unit and values (for finding restatements)."""
    return c.direction, c.unit, c.after, c.change, c.pct


def _condition_clause_before(run: _Run, pos: int) -> bool:
    """Is there a clause ending with 时 before ``pos`` in its sentence that is a condition, not a point of
    time (截至发稿时 opens with 截至) nor the procedure itself (企业在办理…支付时)?"""
    a = run.doc.sentence_start(pos)
    while (end := run.first_after(_CONDITION_END, a, pos)) <= pos:
        cs = run.doc.clause_start(int(end) - 2)
        clause = run.text[cs:end]
        if not clause.lstrip().startswith(_AS_OF) and not _PROCEDURE_SETTING.search(clause):
            return True
        a = int(end)
    return False


def _mark_expected(run: _Run) -> None:
    """A projected effect (预计每年可为企业节省成本300万元): the claim gets the qualifier ``expected``
    when 预计/预期/有望 is in its clause before its end, or ends the clause right before it (当局预计,…)."""
    text = run.text
    if not run.occurs(_EXPECTED):
        return
    for c in run.out:
        cs = run.clause_start(c.start)
        if _EXPECTED_NAME in c.quals:
            continue
        if _EXPECTED.search(text, cs, c.end) or (cs > 1 and text[cs - 1] == "," and _expects(text, cs - 1)):
            c.quals = c.quals + [_EXPECTED_NAME]


def _expects(text: str, comma: int) -> bool:
    """Does the clause that ends at ``comma`` end with 预计/预期 (当局预计,…)?"""
    m = _EXPECTED.search(text, max(0, comma - 4), comma)
    return m is not None and m.end() == comma


def _drop_plans(run: _Run) -> None:
    """Drop targets and descriptions of the measure (see :func:`_is_plan`)."""
    ends: dict[int, list[int]] = {}
    for c in run.out:
        ends.setdefault(c.sent, []).append(c.end)
    run.ends_by_sentence = {k: sorted(v) for k, v in ends.items()}
    run.out = [c for c in run.out if not _is_plan(run, c)]
    if _provisions(run):
        run.doc.carry["provisions"] = True  # the windows after this one read provisions too


def _provisions(run: _Run) -> bool:
    """Does the text declare a directive's provisions (…通知如下)? (A plain word test first: 如下 is rare.)"""
    return run.occurs(_PROVISIONS_WORD) and run.occurs(_PROVISIONS)  # (both found once per text)


def _is_plan(run: _Run, c: _Claim) -> bool:
    """A target or a description of the measure, not an achieved effect: 力争将…压缩至3个月以内;
    推动…进一步压缩至30个工作日以内; 到2019年6月底,…压缩至57个工作日 (a deadline before an after value);
    a merge with no count before (将设立登记、公章刻制等环节整合至1个平台,
    将多个许可证整合为一张综合凭证) describes the measure. A claim estimated from plans (plan word, then 测算/估算 before the claim) is a
    projected effect: kept, with the qualifier ``expected``, as is a change after 今后 with no other plan word
    (:func:`_projected`); so is one whose own clause says 预计 after a plan word in an
    earlier clause (将进一步提高…,…船舶运营效率预计将提高20%以上)."""
    if _in_plan_speech(run, c.start):
        return True  # 《方案》提出,…;推动…,实现…由20个工作日缩短至3个工作日: what the plan asks for
    if _quoted_target(run, c):
        return True  # “进口整体通关时间压缩至100小时”的工作目标: the name of a target
    if _target_set(run, c):
        return True  # 海关总署确定了2017年货物通关时间再压缩三分之一的目标: a target set
    if _task_of_units(run, c.end):
        return True  # 不见面开标率由76.6%提高到80%,…。(牵头单位:…): a plan's task
    if _PROGRESS.search(c.subject or ""):
        return True  # 《总体方案》实施率从92%提升到97%: how far a plan is carried out
    plan = run.plan_word(c.start, c.end)
    if plan is not None and (run.first_after(_ESTIMATE, plan[1], c.start) <= c.start or _projected(run, c, plan)):
        # 根据未来3年计划实施项目测算,将为企业节约…: estimated from plans, a projected effect
        if _EXPECTED_NAME not in c.quals:
            c.quals = c.quals + [_EXPECTED_NAME]
        return False
    if plan is not None:  # 力争新增…30项以上，推动…压缩至30小时以内
        cs = run.clause_start(c.start)
        # 将进一步提高…利用率,…,船舶运营效率预计将提高20%以上: its own clause projects it (expected), no target
        return not (plan[1] <= cs and run.any_mark(_EXPECTED, cs, c.end))
    if not c.after_only:
        return False
    if run.doc.carry.get("provisions") or (_provisions(run) and run._spans(_PROVISIONS)[0][0] < c.start):
        return True  # …通知如下: 1.…简化为申请受理、装表接通2个环节: what the provisions require (earlier windows too)
    if run.sentence_opens_with(_DIRECTIVE, c.start):
        return True  # 支持…片区…,审批时间压缩至70个工作日以内: what a policy asks for
    deadline = run.first_in_sentence(_DEADLINE, c.start)
    if deadline <= c.start and not _ACHIEVED.search(run.text, max(int(deadline), c.start), c.end):
        return True  # 到2019年6月底,…压缩至57个工作日: a target with its deadline
    cs = run.clause_start(c.start)
    return run.any_mark(_PLAN_AFTER_ONLY, cs, c.end) or run.any_mark(_MERGE_TO, cs, c.end)


def _projected(run: _Run, c: _Claim, plan: tuple[int, int]) -> bool:
    """Is ``c`` what a running measure will bring (今后…,将至少可节约10天左右的时间): a projection word as the plan word,
    no other plan word from it to the claim's end, and a change that is not a level to reach?"""
    return (run.text[plan[0]:plan[1]] in _PROJECTION and not c.after_only
            and _plan_in(run.text, plan[1], c.end) is None)


def _task_of_units(run: _Run, pos: int) -> bool:
    """Does the paragraph of ``pos`` go on to name the units a task is assigned to ((牵头单位: …), within
    the reach and no line break between)? A plan's task, not a result."""
    if not run.occurs(_TASK_UNITS):
        return False
    starts, _ = run._spans(_TASK_UNITS)
    k = bisect_left(starts, pos)
    return k < len(starts) and starts[k] - pos <= int(_TU["reach"]) and "\n" not in run.text[pos:starts[k]]


def _target_set(run: _Run, c: _Claim) -> bool:
    """Does claim ``c`` name a target: a target noun (的目标, 任务) right after it? Set (海关总署确定了…再压缩三分之一
    的目标) or reached beside the figures measured (出口整体通关时间…缩短42.7%,实现压缩三分之一目标), its figure is the
    target's, not a measurement; a target reached whose figure is the only one of its sentence before it is what was
    achieved (试点地区实现了…由平均200多个工作日压减至120个工作日的目标: :func:`_target_reached`)."""
    if _TARGET_NOUN_AFTER.match(run.text, c.end) is None:
        return False
    if _target_reached(run, c):
        if c.subject in _QT["nouns"]:
            c.subject = ""  # …缩减90%的目标: the target noun after the figure is no subject
        return False
    return True


def _target_reached(run: _Run, c: _Claim) -> bool:
    """Is the target that claim ``c`` names reached, its figure the only one of its sentence before it (see
    ``target_reached``)? Then the figure is what was achieved."""
    ss = run.doc.sentence_start(c.start)
    m = run.last_mark(_REACHED_VERB, ss, c.start)
    if m is None or _SET_BY.search(run.text, m[1], c.start):
        return False
    ends = run.ends_by_sentence.get(c.sent, []) if run.ends_by_sentence is not None else []
    return bisect_right(ends, m[0]) == 0  # no claim of the sentence ends before the verb (c itself ends after it)


def _quoted_target(run: _Run, c: _Claim) -> bool:
    """Does claim ``c`` end inside quotes that name a target (“…压缩至100小时”的工作目标)?"""
    if not run.doc.quoted:
        return False
    qe = run.doc.quote_end(c.end - 1)
    return qe is not None and _QUOTED_TARGET.match(run.text, qe) is not None


def _in_plan_speech(run: _Run, pos: int) -> bool:
    """Is ``pos`` inside what a plan says (《方案》提出, … up to the end of its sentence, across ;; or after
    根据《方案》, with 将/要 before ``pos``)?"""
    para = run.doc.paragraph_start(pos)
    if run.occurs(_PLAN_ACCORDING):
        m = run.last_mark(_PLAN_ACCORDING, para, pos)
        if m is not None and not _SAYS_UNTIL.search(run.text, m[1], pos) and _WILL.search(run.text, m[1], pos + 1):
            return True  # 根据《方案》,高新区将…: what the plan says will be done (the claim may open with it: 要求到…)
    if not run.occurs(_PLAN_SAYS):
        return False
    m = run.last_mark(_PLAN_SAYS, para, pos)
    return m is not None and not _SAYS_UNTIL.search(run.text, m[1], pos)


# The rules, in the order they run. Each reads the document and the claims so far; the rules that find
# claims add them with ``_Run.emit`` and mark their values used, so that a later rule does not read a
# value twice. ``_fold_restatements``, ``_drop_unreadable`` and ``_drop_plans`` rewrite the claims found so far.
RULES = (_before_after, _after_only, _statutory_promised, _subset_needed, _fraction_of_before, _marked_before_after, _need_after_marked_before, _basis_before, _pointed_before, _level_after_change,
         _baseline_after, _level_then_compared, _halved, _amount_of_change, _share_then_amount, _money_unit_left_out,
         _drop_benchmark_comparisons, _levels_then_change, _fold_restatements, _n_in_one, _doubling, _tables,
         _drop_unreadable, _drop_titles, _drop_across_names, _drop_frequencies, _drop_ranks, _drop_service_hours, _drop_rates, _drop_average_growth, _drop_span_growth, _drop_growth,
         _drop_year_on_year, _drop_volume_growth, _drop_flow_changes, _drop_policy_parameters, _drop_breakdowns, _drop_share_points,
         _drop_shares_of_a_total, _drop_uptake, _drop_aspect_counts, _drop_undirected_compounds, _drop_power_list_cuts, _drop_shares_of_nouns,
         _drop_conditions, _drop_plans, _labelled_afters, _mark_expected)


@without_gc
def find_claims(doc: Doc, qs: list[Qty]) -> list[_Claim]:
    """All claims of a prepared document (normalised coordinates), by :data:`RULES` in order."""
    run = _Run(doc, qs)
    for rule in RULES:
        rule(run)
    run.out.sort(key=lambda c: (c.start, c.end))
    return run.out


def _determiner(text: str, q: Qty) -> bool:
    """一项/一个/一家 …: the numeral 一 used as an article ("一项工程"), not as a count."""
    return q.low == 1.0 and text[q.nstart] == "一"


def _cn_small(s: str) -> float | None:
    """A small Chinese numeral (五, 十二) as a float, None if it is not one."""
    v = parse_numeral(s)
    return None if v is None else float(int(v))


def _new_subject(p: _Claim, c: _Claim, text: str) -> bool:
    """Is change claim ``c`` about another thing than ``p``? (…精简为2个，申请材料减少60%: yes;
    …整合减少为96项，减少录入53项 / 精减幅度超过90% / 减少了超过30%的申报项目: no)."""
    subj, psubj = c.subject or "", p.subject or ""
    if not subj or subj in psubj or psubj in subj or _RESTATE_WORDS.search(subj):
        return False
    seg = text[p.end:c.end]
    at, num = seg.find(subj), _DIGIT.search(seg)
    return at != -1 and (num is None or at < num.start())


def _restates(p: _Claim, c: _Claim) -> bool:
    """Does change claim ``c`` restate before/after claim ``p``?"""
    if p.direction != c.direction or p.before is None or p.after is None:
        return False
    b = (p.before[0] + p.before[1]) / 2
    a = (p.after[0] + p.after[1]) / 2
    if c.change is not None:
        if c.unit != p.unit and not (c.unit.startswith("count") and p.unit.startswith("count")):
            return False
        stated = (c.change[0] + c.change[1]) / 2
        return abs(abs(b - a) - stated) <= 0.02 * max(abs(b - a), 1e-9) + 1e-9
    return _percent_agrees(b, a, c.pct, c.quals)


def _percent_agrees(b: float, a: float, pct: tuple[float, float], quals: list[str]) -> bool:
    """Does a change from ``b`` to ``a`` amount to the percent ``pct`` (low, high), read with its qualifiers?"""
    if b == 0:
        return False
    pct_ba = abs(b - a) / abs(b) * 100
    lo, hi = pct
    quals = set(quals)
    if quals & {"more than", "at least"}:
        return pct_ba >= lo - 1
    if quals & {"less than", "at most"}:
        return pct_ba <= hi + 1
    tol = 10 if quals & {"approximately", "nearly"} else 3
    return lo - tol <= pct_ba <= hi + tol


_DTYPES = {c: STR for c in CLAIM_COLUMNS}
_DTYPES.update({c: "float64" for c in _FLOATS})
_DTYPES.update({"start": "int64", "end": "int64"})
_EMPTY = None


def empty_claims() -> pd.DataFrame:
    global _EMPTY
    if _EMPTY is None:
        _EMPTY = pd.DataFrame({c: pd.Series([], dtype=_DTYPES[c]) for c in CLAIM_COLUMNS})
    return _EMPTY.copy()


_NO_VALUE = (NAN, NAN)


@without_gc
def claims_frame(doc: Doc, cs: list[_Claim]) -> pd.DataFrame:
    seen = set()
    uniq = []
    for c in cs:
        key = (c.start, c.end, c.before, c.after, c.change, c.pct)
        if key not in seen:
            seen.add(key)
            uniq.append(c)
    cs = uniq
    if not cs:
        return empty_claims()
    ns = np.fromiter((c.start for c in cs), dtype=np.int64, count=len(cs))
    ne = np.fromiter((c.end for c in cs), dtype=np.int64, count=len(cs))
    os_, oe = doc.norm.original_spans(ns, ne)
    original = doc.norm.original

    def pairs(attr):
        """(low, high) columns of a value attribute, NaN where the claim has none."""
        both = np.array([v if v is not None else _NO_VALUE for v in (getattr(c, attr) for c in cs)],
                        dtype=np.float64).reshape(len(cs), 2)
        return both[:, 0], both[:, 1]

    (bl, bh), (al, ah), (cl, ch), (pl, ph) = (pairs(a) for a in ("before", "after", "change", "pct"))
    data = {
        "start": os_.astype(np.int64),
        "end": oe.astype(np.int64),
        "quote": [original[a:b] for a, b in zip(os_.tolist(), oe.tolist())],
        "subject": [c.subject for c in cs],
        "kind": [c.kind if c.unit not in ("%", "pp", "times") else "ratio" for c in cs],
        "direction": [c.direction for c in cs],
        "before_low": bl, "before_high": bh, "after_low": al, "after_high": ah,
        "change_low": cl, "change_high": ch, "change_pct_low": pl, "change_pct_high": ph,
        "unit": [c.unit for c in cs],
        "per": [c.per for c in cs],
        "qualifier": [qualifier_string(c.quals) for c in cs],
    }
    return frame_of(data)


def claims(text: str) -> pd.DataFrame:
    """Effect claims in ``text`` (see the module docstring for columns and grammar); a long text is read in
    windows (see :mod:`.windows`)."""
    return by_window(text, _claims_of, [empty_claims])[0]


def _claims_of(doc: Doc) -> list[pd.DataFrame]:
    return [claims_frame(doc, find_claims(doc, scan_quantities(doc)))]

