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

Grammar (applied per sentence, on the normalised text; parenthetical notes are ignored between parts):

1. before → after: ``[由|从|将|把] A … VERB(了)(到|至|为|成) B`` (缩短至, 减少到, 整合减少为, 提高到,
   拓展至, 调整为 …), ``变/改 A … 为 B``; parallel lists pair up (变3次申报、3次查验为1次申报、1次查验
   gives two claims).  当场办结/即时办结/即办 count as an after value of 0 h (qualifier ``on the spot``).
2. after only: ``VERB(到|至|为) B`` with a directional verb (报检报关数据减到103项).
3. 改革前/原来/以往 … A …, then 改革后/…后/现在 … (减少到|仅需|只需) B of the same unit in the same
   paragraph: before A → after B (A must be unique, or the one marked 合计/共计/累计).
4. amount of change: ``VERB(了)[object] Q`` (节省通关物流时间约170万小时, 每票下调5元, 降低90%, 提升24个
   百分点, 提高近3倍), and ``降幅/精减幅度(达) Q%``.  A baseline stated with 比/较 (较2018年的8.5天减少
   了88%) becomes the before value.
5. ``N合1`` / ``五证合一``: before N, after 1.
6. tables with a 改革前 and a 改革后 column (tab- or ``|``-separated rows): each row with a value and a
   unit in both cells (see :mod:`ftzdata.extract.tables`).

Restatements: a change that restates the before/after claim just before it in the same sentence
(149项…整合减少为96项, 减少录入53项; 250项 … 19项左右, 精减幅度超过90%) is *folded* into that claim
(change_* / change_pct_* filled, span extended) instead of being a separate row, when the numbers agree.
A level without a change (合格率达98.17%) is not a claim; nor is a target (力争/目标/计划 …, or 推动 … 压缩至 with
no before value) or a merge that describes the measure (将A、B等环节整合至1个平台).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np
import pandas as pd

from .document import Doc, prepare
from .tables import table_claims
from .quantities import STR, Qty, _obj, _typed, find_per, qualifier_string, scan_quantities

__all__ = ["claims", "CLAIM_COLUMNS", "find_claims", "claims_frame", "empty_claims"]

CLAIM_COLUMNS = ["start", "end", "quote", "subject", "kind", "direction", "before_low", "before_high", "after_low",
                 "after_high", "change_low", "change_high", "change_pct_low", "change_pct_high", "unit", "per",
                 "qualifier"]
_FLOATS = ["before_low", "before_high", "after_low", "after_high", "change_low", "change_high", "change_pct_low",
           "change_pct_high"]

NAN = float("nan")

# --- lexicon ------------------------------------------------------------------------------------
_DEC2 = ["缩短", "缩减", "减少", "减轻", "减免", "压缩", "压减", "压降", "降低", "下降", "下调", "精简", "精减", "简化",
         "节省", "节约", "省去", "省下", "削减", "合并", "整合", "减低", "降费", "少跑", "少用", "少付", "少缴", "少交", "少花"]
_INC2 = ["提高", "提升", "增加", "增长", "扩大", "扩展", "拓展", "上升", "上调", "加快", "翻了", "延长"]
_DEC1 = ["减", "降", "缩", "压", "省", "少", "快"]  # 快: 时间快2.5天 (2.5 days less than the baseline)
_INC1 = ["增", "提", "升", "扩"]
_NEUTRAL = ["调整", "转变", "转换", "优化", "改", "变", "转"]
_DEC_SET = set(_DEC2 + _DEC1)
_INC_SET = set(_INC2 + _INC1)


def _alt(words):
    return "|".join(sorted(words, key=len, reverse=True))


_VERB_ANY = _alt(_DEC2 + _INC2 + _DEC1 + _INC1 + _NEUTRAL + ["提速"])
_SEP = r"[,;。!?:]"
_NOSEP = r"[^,;。!?:\n]"

# Text between a before value and an after value.
_BETWEEN = re.compile(
    rf"^(?P<pre>{_NOSEP}{{0,16}}?)(?:,(?P<adv>{_NOSEP}{{0,8}}?))?"
    rf"(?P<verb>(?:{_VERB_ANY})+)了?(?:到|至|为|成)(?P<post>{_NOSEP}{{0,10}})$")
_BETWEEN_BARE = re.compile(rf"^(?P<pre>{_NOSEP}{{0,12}}?)(?:为|成)(?P<post>{_NOSEP}{{0,10}})$")
_TRIGGER = re.compile(r"由(?!于)|从(?!而|事|业|严|快|简|重|宽)|将(?!近|来)|把|变(?!更|化)|改(?!革|善|进|造)")
_BARE_TRIGGER = re.compile(r"变|改(?!革|善|进|造)|化")
# After-only: the clause text right before the value.
_AFTER_ONLY = re.compile(rf"(?P<verb>(?:{_alt(_DEC2 + _INC2 + _DEC1 + _INC1 + ['提速'])})+)了?(?:到|至|为)"
                         rf"(?P<post>[^,;。!?:\n到至为]{{0,6}})$")
# Amount of change: verb, optional object, then the value.
_CHANGE_VERBS = [v for v in _DEC2 + _INC2 + ["提速"] if v not in ("整合", "合并", "简化")]
# A one-character verb right before the value is a place noun after 全/本/各/外 … (在全省11个地市 is not 省11个).
_CHANGE = re.compile(rf"(?P<verb>{_alt(_CHANGE_VERBS)}|(?<![全本各外该跨分我他一两多])(?:{_alt(_DEC1 + _INC1)})(?=了|$))了?"
                     rf"(?P<obj>[^,;。!?:\n到至为达是占由从比较]{{0,14}})$")
_OBJ_NOT_CHANGE = re.compile(r"涵盖|包括|覆盖|包含|涉及|拥有|设有|位于")
_RANGE_WORD = re.compile(r"(?:(?P<v>" + _alt(_DEC2 + _INC2) + r")(?:幅度|率|比例)|(?P<d>降|减|增|涨)幅)"
                         r"(?:达到|达|为|超过|约|近|在|高达)*$")
_PAREN = re.compile(r"\([^()]{0,80}\)")
_GROUP_LINK = re.compile(r"^[^\d,;。!?:为至到]{0,8}?(?:、|和|及|与)$")
_ZERO = re.compile(r"当场办结|即时办结|当场办理|即时办理|即来即办|立等可取|立即办结|即办")
_HE1 = re.compile(r"(?<![\d.一二两三四五六七八九十])(?P<n>\d{1,2}|[二两三四五六七八九十]{1,3})"
                  r"(?P<noun>[证表章码规项个类单])?合(?:1|一)(?![\d.])")
_BEFORE_MARK = re.compile(r"改革前|原来|原先|以往|过去|此前|以前|改革之前")
_AFTER_MARK = re.compile(r"(?:改革|实施|方式|模式|措施|推行|上线|运行|试点)后|改革以来|现在|如今|目前")
_AFTER_CUE = re.compile(r"(?:仅需|只需|仅要|只要|仅用|只用|仅|只|最快|最短|需要?|为|减少到|减少为|减至|降至|缩短至|缩短为|压缩至)"
                        rf"{_NOSEP}{{0,8}}$")
_TOTAL_MARK = re.compile(r"(?:合计|共计|总计|累计|共)$")
_COMPARE = re.compile(r"(?:比|较|相比)")
_CONTEXT_QUAL = [("最快", "fastest"), ("最短", "fastest"), ("平均", "average"), ("至少", "at least")]

# Subject clean-up
_LEAD = re.compile(
    r"^(?:使得|使|让|将|把|平均|其中|并且|并|也|还|且|而且|而|同时|从而|进一步|有效|大幅度?|大大|可以|可|能够|实现了?|由于|对于|"
    r"对|在|为企业|为货主|为|据测算|据统计|经测算|通过|目前|现在|此外|另外|截至[^,]{0,12}?(?:底|末|日|月)|"
    r"\d{4}年度?(?:\d{1,2}(?:-\d{1,2})?月)?(?:底|末|初)?|今年|上年|全年|一是|二是|三是|四是|五是|六是|"
    r"\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+\.|据[^,]{0,8}?(?:测算|统计|显示)|"
    r"改革后|改革前|实施后|原来|原先|以往|过去|同比|环比)+")
_TRAIL = re.compile(r"(?:可以|可|均|将|已经|已|都|也|再|分别|进一步|大幅度?|大大|有效|明显|显著|累计|共计|共|合计|了|得到|"
                    r"仅需|只需|仅|只|平均|最快|最短|最多|能够|就|还|又|从|由|被|需要|需|的|至少|约|近|"
                    r"整体|总体|逐步|进而|全部|同比|环比)+$")
_CMP_CUT = re.compile(r"比(?!例|重|率|对|较)|较(?!高|低|大|小|多|少|好|强|快|慢|为)|相比|同比|与[^,]{0,12}相比")
_PER_CUT = re.compile(r"每|人均|单票|单箱")
_VERBISH = re.compile(r"(?:办理|实现|提交|申请|申报|进行|开展|实施|设置|使用|完成|表示|显示|可以)")
_LEVEL = re.compile(r"(?:达到|达|为|是|约|近|超过)$")
_OBJ_LEAD = re.compile(r"^(?:了|为企业|为货主|企业|各类|各项)+")
_AFTER_NOUN = re.compile(rf"的(?P<n>[^,;。!?:()的\n]{{1,12}}?)(?=[,;。!?:(\n]|$|和|及|并)")


def _clean_subject(s: str) -> tuple[str, int]:
    """Short subject phrase from a clause fragment; returns (subject, offset of subject in ``s``)."""
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
    s = _TRAIL.sub("", s)
    j = s.rfind("的")
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


class _Claim:
    __slots__ = ("start", "end", "subject", "kind", "direction", "before", "after", "change", "pct", "unit", "per",
                 "quals", "sent", "after_only", "after_tok")

    def __init__(self, start, end, subject, kind, direction, unit, sent):
        self.start, self.end, self.subject, self.kind, self.direction = start, end, subject, kind, direction
        self.before = self.after = self.change = self.pct = None
        self.unit, self.per, self.quals, self.sent = unit, "", [], sent
        self.after_only = False
        self.after_tok = None


# Trips a citizen makes, down to none: an after value of 0 times (零跑动; 一次都不用跑).
_ZERO_TRIPS = re.compile(r"零跑[动腿]|不(?:用|需要?)再?跑")  # literal first characters: a fast scan
_TRIPS_LEAD = ("一次都", "一次也", "再也")
# Zero as the after value, in the unit of the before value: 由100元降为零, 由3次减少为0, 降至“零收费”.
_ZERO_VALUE = re.compile(r"[零0](?<=[为至到成][零0])(?![\d.%零〇])|“零(?:收费|租金|费用|成本)”")  # first char: fast scan
# Substrings that every match of each zero pattern contains: a plain ``in`` test (fast) gates the scan.
_ZERO_GATE = ("当场", "即时", "即办", "立等", "立即办")
_ZERO_VALUE_GATE = ("为零", "至零", "到零", "成零", "为0", "至0", "到0", "成0", "“零")


def _zero_tokens(doc: Doc) -> list[Qty]:
    out = []
    t = doc.text
    if any(w in t for w in _ZERO_GATE):
        for m in _ZERO.finditer(t):
            out.append(Qty(m.start(), m.end(), m.start(), m.end(), 0.0, 0.0, "h", "duration", "", ["on the spot"], ""))
    if any(w in t for w in _ZERO_VALUE_GATE):
        for m in _ZERO_VALUE.finditer(t):
            out.append(Qty(m.start(), m.end(), m.start(), m.end(), 0.0, 0.0, "", "zero", "", [], ""))
    if "跑" in t:
        for m in _ZERO_TRIPS.finditer(t):
            a = m.start()
            a -= len(next((w for w in _TRIPS_LEAD if t.endswith(w, 0, a)), ""))
            out.append(Qty(a, m.end(), a, m.end(), 0.0, 0.0, "count:次", "count", "", [], t[a:m.end()]))
    return out


def _inside(qs: list[Qty], qstarts: list[int], z: Qty) -> bool:
    i = bisect_right(qstarts, z.start) - 1
    return i >= 0 and qs[i].end > z.start


def _compatible(a: Qty, b: Qty) -> bool:
    if b.dimension == "zero":  # 降为零: zero in whatever unit the before value has
        return a.dimension != "zero"
    if a.dimension != b.dimension:
        return False
    if a.dimension == "count":
        return True
    return a.unit == b.unit


def _claim_unit(a: Qty | None, b: Qty | None) -> str:
    units = [q.unit for q in (a, b) if q is not None and q.surface != "" and q.unit]
    if not units:
        units = [q.unit for q in (a, b) if q is not None and q.unit]
    for u in units:
        if u != "count:个":
            return u
    return units[0] if units else ""


def _direction_of_verbs(verbs: str, subject: str = "") -> str | None:
    """decrease / increase from a verb chain (整合减少, 缩短, 提高 …), None if only neutral verbs."""
    if "提速" in verbs:
        return "decrease" if ("时" in subject or "期" in subject) else "increase"
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


def find_claims(doc: Doc, qs: list[Qty]) -> list[_Claim]:
    """All claims of a prepared document (normalised coordinates)."""
    text = doc.text
    zeros = _zero_tokens(doc)
    if zeros and qs:  # a zero inside a quantity (为0.5天 is excluded by the pattern; 为0元 is a quantity)
        qstarts = [q.start for q in qs]
        zeros = [z for z in zeros if z.dimension != "zero" or not _inside(qs, qstarts, z)]
    toks = sorted(qs + zeros, key=lambda q: q.start) if zeros else list(qs)
    n = len(toks)
    sent = [doc.sentence_start(q.start) for q in toks]
    tstarts = [q.start for q in toks]

    def toks_in(a: int, b: int) -> range:
        """Indices of tokens starting in [a, b)."""
        return range(bisect_left(tstarts, a), bisect_left(tstarts, b))
    used: set[int] = set()
    out: list[_Claim] = []

    def between(i: int, j: int) -> str:
        s = text[toks[i].end:toks[j].start]
        return _PAREN.sub("", s) if "(" in s else s

    def linked(i: int, j: int) -> bool:
        return sent[i] == sent[j] and bool(_GROUP_LINK.match(between(i, j)))

    # 1. before -> after pairs ------------------------------------------------------------------
    has_resp = "分别" in text
    for i in range(n - 1):
        j = i + 1
        if i in used or j in used or sent[i] != sent[j]:
            continue
        a, b = toks[i], toks[j]
        # 材料、时间分别由10份、5天减少到3份、1天: the lists pair up in order, whatever their units
        resp = has_resp and "分别" in text[max(sent[i], a.start - 40):a.start]
        if a.surface == "" or not (resp or _compatible(a, b)):
            continue
        btw = between(i, j)
        # first of the before group
        g0 = i
        while g0 - 1 >= 0 and g0 - 1 not in used and linked(g0 - 1, g0) and (resp or _compatible(toks[g0 - 1], a)):
            g0 -= 1
        cs = doc.clause_start(toks[g0].start)
        prefix = text[cs:toks[g0].start]
        trig = None
        for tm in _TRIGGER.finditer(prefix):
            if len(prefix) - tm.end() <= 16:
                trig = tm
                break
        m = _BETWEEN.match(btw)
        verbs = ""
        if m:
            if m.group("adv") is not None and len(m.group("pre")) > 8:
                continue
            if m.group("adv") is not None and trig is None and len(m.group("pre")) > 6:
                continue
            verbs = m.group("verb")
            noun = m.group("pre")
        else:
            m = _BETWEEN_BARE.match(btw)
            if not m:
                continue
            if not _BARE_TRIGGER.search(prefix[-12:]):
                continue
            noun = m.group("pre")
        # after group
        g1 = j
        while g1 + 1 < n and g1 + 1 not in used and linked(g1, g1 + 1) and (resp or _compatible(toks[g1 + 1], b)):
            g1 += 1
        before_idx = list(range(g0, i + 1))
        after_idx = list(range(j, g1 + 1))
        if len(before_idx) == len(after_idx) and len(before_idx) > 1:
            pairs = list(zip(before_idx, after_idx))
        else:
            pairs = [(i, j)]
        subj_from_trigger = ""
        subj_start = None
        if trig is not None and trig.group(0) in "由从":
            subj_from_trigger, off = _clean_subject(prefix[:trig.start()])
            subj_start = cs + off if subj_from_trigger else None
        elif trig is None:
            subj_from_trigger, off = _clean_subject(prefix)
            subj_start = cs + off if subj_from_trigger else None
        for (bi, ai) in pairs:
            qa, qb = toks[bi], toks[ai]
            if not _compatible(qa, qb):
                continue
            if bi == i:
                own_noun = noun
            else:
                own_noun = text[qa.end:toks[bi + 1].start]
                own_noun = re.sub(r"(?:、|和|及|与)$", "", own_noun)
            own_noun = _PAREN.sub("", own_noun)
            subj, _ = _clean_subject(own_noun) if own_noun.strip() else ("", 0)
            if not subj:
                subj = subj_from_trigger
            direction = _direction_of_verbs(verbs, subj)
            if qa.mid == qb.mid:
                continue
            value_dir = "decrease" if qb.mid < qa.mid else "increase"
            if direction is None:
                direction = value_dir
            elif direction != value_dir:
                continue
            start = qa.start
            if trig is not None:
                start = min(start, cs + trig.start())
            if subj_start is not None and subj == subj_from_trigger:
                start = min(start, subj_start)
            c = _Claim(start, qb.end, subj, qa.dimension, direction, _claim_unit(qa, qb), sent[bi])
            c.before, c.after = (qa.low, qa.high), (qb.low, qb.high)
            c.quals = qa.quals + qb.quals + _context_quals(text, start, qb.end)
            c.per = qb.per or qa.per or find_per(text, start, qb.end)
            c.after_tok = ai
            out.append(c)
            used.add(bi)
            used.add(ai)

    # 2. after only ----------------------------------------------------------------------------
    for j in range(n):
        if j in used:
            continue
        q = toks[j]
        if q.dimension == "zero":
            continue
        cs = doc.clause_start(q.start)
        prefix = text[cs:q.start]
        m = _AFTER_ONLY.search(prefix)
        if not m:
            continue
        subj, off = _clean_subject(prefix[:m.start()])
        direction = _direction_of_verbs(m.group("verb"), subj)
        if direction is None:
            continue
        start = cs + off if subj else cs + m.start()
        c = _Claim(start, q.end, subj, q.dimension, direction, _claim_unit(q, None), sent[j])
        c.quals = q.quals + _context_quals(text, start, q.end)
        c.per = q.per or find_per(text, start, q.end)
        if q.unit == "%" and direction == "decrease" and q.high < 100 and _OF_ORIGINAL.search(m.group("post")):
            c.pct = (100 - q.high, 100 - q.low)  # 压缩至原来的1/3: a cut of 66.7 %
        else:
            c.after = (q.low, q.high)
            c.after_only = True
            c.after_tok = j
        out.append(c)
        used.add(j)

    # 3. 改革前 … A … 改革后 … B ---------------------------------------------------------------------
    by_after = {c.after_tok: c for c in out if c.after_only}
    for j in range(n):
        if j in used and j not in by_after:
            continue
        q = toks[j]
        if q.surface == "":
            continue
        ss = sent[j]
        cs = doc.clause_start(q.start)
        trips = q.dimension == "count" and q.low == 0 and "跑" in q.surface  # 现在一次都不用跑: a cue itself
        if j not in by_after and not trips and not _AFTER_CUE.search(text, cs, max(q.start, q.nstart)):
            continue
        am = None
        for am in _AFTER_MARK.finditer(text, ss, q.start):
            pass
        if am is None and not (j in by_after):
            continue
        limit = am.start() if am is not None else cs
        ps = doc.paragraph_start(q.start)
        bm = None
        for bm in _BEFORE_MARK.finditer(text, ps, limit):
            pass
        if bm is None:
            continue
        cands = [k for k in toks_in(bm.end(), limit) if k not in used and toks[k].end <= limit
                 and toks[k].unit == q.unit and not _determiner(text, toks[k])]
        if not cands:
            continue
        if len(cands) > 1:
            tot = [k for k in cands if _TOTAL_MARK.search(text, max(0, toks[k].start - 3), toks[k].start)]
            if len(tot) != 1:
                continue
            cands = tot
        k = cands[0]
        qa = toks[k]
        if qa.mid == q.mid:
            continue
        value_dir = "decrease" if q.mid < qa.mid else "increase"
        c = by_after.get(j)
        if c is not None:
            if c.direction != value_dir:
                continue
            c.before = (qa.low, qa.high)
            c.quals = qa.quals + c.quals
            c.after_only = False
            c.start = min(c.start, qa.start)
        else:
            prefix = text[cs:q.start]
            subj, off = _clean_subject(re.sub(r"(?:仅需|只需|仅要|只要|需要|需)[^,;。]*$", "", prefix))
            c = _Claim(qa.start, q.end, subj, q.dimension, value_dir, q.unit, ss)
            c.before, c.after = (qa.low, qa.high), (q.low, q.high)
            c.quals = qa.quals + q.quals
            c.per = q.per
            c.after_tok = j
            out.append(c)
            used.add(j)
        used.add(k)

    # 4. amount of change ------------------------------------------------------------------------
    for j in range(n):
        if j in used:
            continue
        q = toks[j]
        if q.surface == "" or q.dimension == "other":
            continue
        cs = doc.clause_start(q.start)
        prefix = text[cs:q.start]
        m = _CHANGE.search(prefix)
        word = None
        if not m:
            if q.unit == "%":
                word = _RANGE_WORD.search(prefix)
            if not word:
                continue
            verbs = word.group("v") or word.group("d")
            vstart = cs + word.start()
            obj = ""
        else:
            verbs = m.group("verb")
            vstart = cs + m.start()
            obj = _OBJ_LEAD.sub("", m.group("obj"))
            # 扩展区域涵盖…3个: the verb names a thing and the number counts what it covers;
            # 占…扩展区域面积的三成: a share of something. Neither is a change.
            if _OBJ_NOT_CHANGE.search(obj) or (obj.endswith("的") and "占" in text[cs:vstart]):
                continue
        # subject: object, else "的X" after the value, else the text before the verb
        subj, sstart = "", None
        if obj:
            subj, off = _clean_subject(obj)
            sstart = None
        if not subj:
            am = _AFTER_NOUN.match(text, q.end, min(len(text), q.end + 16))
            if am:
                subj = am.group("n")
        pre_verb = text[cs:vstart]
        if not subj:
            subj, off = _clean_subject(pre_verb)
            sstart = cs + off if subj else None
        if not subj and cs > sent[j]:
            pcs = doc.clause_start(cs - 1)
            prev = text[pcs:cs - 1]
            r = toks_in(pcs, cs - 1)
            lm = toks[r[0]] if len(r) else None
            head = prev[:lm.start - pcs] if lm is not None else prev
            head = _LEVEL.sub("", head)
            subj, _ = _clean_subject(head)
        direction = _direction_of_verbs(verbs, subj)
        if direction is None:
            continue
        start = min(vstart, sstart) if sstart is not None else vstart
        if word is not None and sstart is None:
            start = vstart
        c = _Claim(start, q.end, subj, q.dimension, direction, q.unit, sent[j])
        if q.unit == "%":
            c.pct = (q.low, q.high)
        else:
            c.change = (q.low, q.high)
        c.quals = q.quals + _context_quals(text, cs, q.end)
        c.per = q.per or find_per(text, start, q.end)
        # a baseline stated with 比/较 between the clause start and the verb
        base = None
        cm = _COMPARE.search(pre_verb)
        if cm:
            for k in toks_in(cs + cm.end(), vstart):
                tk = toks[k]
                if tk.end <= vstart and k not in used and tk.unit != q.unit:
                    base = k
        c.after_tok = ("base", base)
        out.append(c)
        used.add(j)
        if base is not None:
            used.add(base)

    # fold restatements and baselines into the claim just before, same sentence ---------------------
    out.sort(key=lambda c: (c.end, c.start))
    folded: list[_Claim] = []
    for c in out:
        base = c.after_tok[1] if isinstance(c.after_tok, tuple) else None
        p = folded[-1] if folded else None
        if p is not None and p.sent == c.sent and (c.change is not None or c.pct is not None) \
                and p.change is None and p.pct is None and p.after is not None:
            if base is not None and p.after_only and toks[base].unit == p.unit:
                tb = toks[base]
                p.before = (tb.low, tb.high)
                p.after_only = False
            if p.before is not None and _restates(p, c) and not _new_subject(p, c, text):
                if c.change is not None:
                    p.change = c.change
                else:
                    p.pct = c.pct
                p.end = max(p.end, c.end)
                p.quals = p.quals + [x for x in c.quals if x not in ("average", "fastest")]
                continue
        if base is not None and c.change is not None and toks[base].unit == c.unit:
            tb = toks[base]
            c.before = (tb.low, tb.high)
        folded.append(c)
    out = folded

    # 5. N合1 ---------------------------------------------------------------------------------------
    if "合" in text:
        for m in _HE1.finditer(text):
            nv = m.group("n")
            try:
                v = float(nv) if nv.isdigit() else float(_cn_small(nv))
            except ValueError:
                continue
            if v < 2:
                continue
            cs = doc.clause_start(m.start())
            pre = text[cs:m.start()].rstrip("(“")
            subj, off = _clean_subject(pre)
            noun = m.group("noun") or ""
            unit = f"count:{noun}" if noun else "count"
            c = _Claim(m.start(), m.end(), subj, "count", "decrease", unit, doc.sentence_start(m.start()))
            c.before, c.after = (v, v), (1.0, 1.0)
            out.append(c)

    # 5b. 翻一番 / 翻了两番: doubled (×2, a change of 1 times), quadrupled (×4, 3 times) ------------------
    if "番" in text:
        for m in _FAN.finditer(text):
            k = _FAN_TIMES[m.group("n")]
            cs = doc.clause_start(m.start())
            subj, off = _clean_subject(text[cs:m.start()])
            c = _Claim(cs + off if subj else m.start(), m.end(), subj, "ratio", "increase", "times",
                       doc.sentence_start(m.start()))
            c.change = (float(2 ** k - 1), float(2 ** k - 1))
            out.append(c)

    # 6. tables with a 改革前 and a 改革后 column ----------------------------------------------------
    for t in table_claims(text):
        if any(c.start < t.end and t.start < c.end for c in out):
            continue  # a cell that says it in words (由5天压缩至1天) was read above
        direction = "decrease" if sum(t.after) < sum(t.before) else "increase"
        c = _Claim(t.start, t.end, t.label, t.kind, direction, t.unit, doc.sentence_start(t.start))
        c.before, c.after, c.quals = t.before, t.after, list(t.quals)
        out.append(c)
    out = [c for c in out if not _is_plan(text, doc.sentence_start(c.start), doc.clause_start(c.start), c)]
    out.sort(key=lambda c: (c.start, c.end))
    return out


_FAN = re.compile(r"翻了?(?P<n>[一两二三123])番")
_FAN_TIMES = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3}
_OF_ORIGINAL = re.compile(r"(?:原来|原先|以前|过去|改革前)的?$")
_PLAN = re.compile(r"力争|争取|力求|目标|计划(?!单列)|拟将|拟于|下一步|今后|[将要](?:推动|推进|进一步|继续)")
_PLAN_AFTER_ONLY = re.compile(r"推动|推进|确保")
_MEASURE_MERGE = re.compile(r"、[^,;。]*等[^,;。]*(?:整合|合并)(?:至|为|到|成)")


def _is_plan(text: str, sentence_start: int, clause_start: int, c: _Claim) -> bool:
    """A target or a description of the measure, not an achieved effect: 力争将…压缩至3个月以内;
    推动…进一步压缩至30个工作日以内; 将设立登记、公章刻制等环节整合至1个平台 (what is merged is listed,
    no count before)."""
    if _PLAN.search(text, sentence_start, c.end):  # 力争新增…30项以上，推动…压缩至30小时以内
        return True
    if not c.after_only:
        return False
    span = text[clause_start:c.end]
    return bool(_PLAN_AFTER_ONLY.search(span) or _MEASURE_MERGE.search(span))


def _determiner(text: str, q: Qty) -> bool:
    """一项/一个/一家 …: the numeral 一 used as an article ("一项工程"), not as a count."""
    return q.low == 1.0 and text[q.nstart] == "一"


def _cn_small(s: str) -> int:
    from .numbers import parse_numeral

    v = parse_numeral(s)
    if v is None:
        raise ValueError(s)
    return int(v)


_RESTATE_WORDS = re.compile(r"(幅度|比例|降幅|增幅|比率|率|录入)$")
_DIGIT = re.compile(r"[\d一二两三四五六七八九十半]")


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
    if b == 0:
        return False
    pct = abs(b - a) / abs(b) * 100
    lo, hi = c.pct
    quals = set(c.quals)
    if quals & {"more than", "at least"}:
        return pct >= lo - 1
    if quals & {"less than", "at most"}:
        return pct <= hi + 1
    tol = 10 if quals & {"approximately", "nearly"} else 3
    return lo - tol <= pct <= hi + tol


_DTYPES = {c: STR for c in CLAIM_COLUMNS}
_DTYPES.update({c: "float64" for c in _FLOATS})
_DTYPES.update({"start": "int64", "end": "int64"})
_EMPTY = None


def empty_claims() -> pd.DataFrame:
    global _EMPTY
    if _EMPTY is None:
        _EMPTY = pd.DataFrame({c: pd.Series([], dtype=_DTYPES[c]) for c in CLAIM_COLUMNS})
    return _EMPTY.copy()


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

    def col(get):
        return np.array([get(c) for c in cs], dtype=np.float64)

    def pair(attr, k):
        return col(lambda c: getattr(c, attr)[k] if getattr(c, attr) is not None else NAN)

    data = {
        "start": os_.astype(np.int64),
        "end": oe.astype(np.int64),
        "quote": _obj([original[a:b] for a, b in zip(os_.tolist(), oe.tolist())]),
        "subject": _obj([c.subject for c in cs]),
        "kind": _obj([c.kind if c.unit not in ("%", "pp", "times") else "ratio" for c in cs]),
        "direction": _obj([c.direction for c in cs]),
        "before_low": pair("before", 0), "before_high": pair("before", 1),
        "after_low": pair("after", 0), "after_high": pair("after", 1),
        "change_low": pair("change", 0), "change_high": pair("change", 1),
        "change_pct_low": pair("pct", 0), "change_pct_high": pair("pct", 1),
        "unit": _obj([c.unit for c in cs]),
        "per": _obj([c.per for c in cs]),
        "qualifier": _obj([qualifier_string(c.quals) for c in cs]),
    }
    return _typed(pd.DataFrame(data), _DTYPES)


def claims(text: str) -> pd.DataFrame:
    """Effect claims in ``text`` (see the module docstring for columns and grammar)."""
    doc = prepare(text)
    return claims_frame(doc, find_claims(doc, scan_quantities(doc)))

