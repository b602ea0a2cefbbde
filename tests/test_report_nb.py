"""The report helpers that turn metrics into a reader's tables and caveats (ftzdata.report.nb) and the
value wording they share with the charts (ftzdata.plot.labels)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import ftzdata
from ftzdata.plot import labels as L
from ftzdata.report import nb

M = ftzdata.metrics()


def row_with(fragment: str) -> pd.Series:
    hits = M[M["quote"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, fragment
    return hits.iloc[0]


def test_values_in_words_follow_the_quote():
    r = row_with("从4个小时缩短至5至10分钟")
    before, lo, hi = re.search(r"从(\d+)个小时缩短至(\d+)至(\d+)分钟", r["quote"]).groups()
    assert L.fmt_claim(r, "en") == f"{before} h → {lo}–{hi} min"
    assert L.fmt_claim(r, "zh") == f"{before}小时 → {lo}–{hi}分钟"
    r = row_with("由原来2至3天")
    lo, hi = re.search(r"(\d+)至(\d+)天", r["quote"]).groups()
    assert L.fmt_claim(r, "en").startswith(f"{lo}–{hi} days → ")


def test_a_stated_saving_reads_as_a_signed_amount():
    r = row_with("每个集装箱可减少费用600元") if M["quote"].str.contains("每个集装箱可减少费用600元").any() \
        else row_with("减少费用600元")
    amount = re.search(r"(\d+)元", r["quote"]).group(1)
    assert L.fmt_claim(r, "en") == f"−{amount} CNY"
    assert L.fmt_claim(r, "zh") == f"−{amount}元"
    assert L.per_name(r["per"], "en") == "per container" and L.per_name(r["per"], "zh") == "每集装箱"


def test_percentages_never_round_to_everything_gone():
    assert L.fmt_pct(-99.6) == "−99.6%"
    assert L.fmt_pct(-100.0) == "−100%"
    assert L.fmt_pct(12.4) == "+12%"


def test_rank_goes_from_the_largest_cut_to_the_largest_rise():
    ranked = nb.rank(M)
    assert sorted(ranked.index) == sorted(M.index)
    pct = ranked["change_pct"]
    with_pct = pct.notna().sum()
    assert pct.iloc[:with_pct].is_monotonic_increasing
    assert pct.iloc[with_pct:].isna().all()
    assert len(nb.rank(M, n=3)) == 3


@pytest.mark.parametrize("kind", ["duration", "count", "money"])
def test_largest_cuts_are_reductions_of_one_kind(kind):
    cuts = nb.largest_cuts(M, kind)
    assert 0 < len(cuts) <= 5
    assert (cuts["kind"] == kind).all() and (cuts["direction"] == "decrease").all()
    rest = M[(M["kind"] == kind) & (M["direction"] == "decrease") & ~M.index.isin(cuts.index)]
    if cuts["change_pct"].notna().all() and rest["change_pct"].notna().any():
        assert cuts["change_pct"].max() <= rest["change_pct"].min()


def test_claims_table_quotes_the_documents_at_their_offsets():
    table = nb.claims(M, "en", numbered=True)
    assert list(table["rank"]) == list(range(1, len(M) + 1))
    docs = ftzdata.documents().set_index("doc_id")
    for quote, source, doc, case in zip(table["quote"], table["source"], M["doc_id"], M["case_id"]):
        title, case_shown, span = source.split(" · ")
        start, end = map(int, span.split("–"))
        assert ftzdata.document_text(doc)[start:end] == quote
        assert case_shown == case
        assert docs.loc[doc, "title_en"].startswith(title.rstrip("…")[:20])  # the document's title, not its slug
    zh = nb.claims(M, "zh", quotes=False)
    assert set(zh["zone"]) <= {"上海", "广东", "天津", "福建"}
    assert "quote" not in zh.columns


def test_caveats_name_fastest_values_and_container_units():
    durations = M[M["kind"] == "duration"]
    fastest = durations[durations["qualifier"].fillna("").str.contains("fastest")]
    assert len(fastest) >= 1
    text = "\n".join(nb.caveats(durations, "en"))
    assert "**fastest**" in text and fastest.iloc[0]["label_en"] in text
    money = M[M["kind"] == "money"]
    assert {"container", "TEU"} <= set(money["per"].dropna())
    assert "two TEU" in "\n".join(nb.caveats(money, "en"))
    assert "标箱" in "\n".join(nb.caveats(money, "zh"))


def test_a_caveat_names_a_few_claims_then_counts_the_rest():
    """A large corpus: a qualifier shared by many claims names the first CAVEAT_NAMES, then 'and N more'
    (the count in its heading stays the total); notes likewise."""
    import pandas as pd

    many = pd.concat([M.assign(metric_id=M["metric_id"] + f"-{i}") for i in range(4)], ignore_index=True)
    many["qualifier"] = "fastest"
    many["note"] = "a note"
    for lang, more in (("en", "and {} more"), ("zh", "另有{}条")):
        [fastest] = [b for b in nb.caveats(many, lang) if "fastest" in b or "最快" in b]
        assert f"（{len(many)}）" in fastest or f"({len(many)})" in fastest
        assert more.format(len(many) - nb.CAVEAT_NAMES) in fastest
        sep, text = ("；", nb.QUALIFIER_CAVEATS["fastest"][1]) if lang == "zh" else ("; ", nb.QUALIFIER_CAVEATS["fastest"][0])
        assert fastest.count(sep) - text.count(sep) == nb.CAVEAT_NAMES  # 8 names, then "and N more"
        notes = [b for b in nb.caveats(many, lang) if b.endswith("a note")]
        assert len(notes) == nb.CAVEAT_NAMES
    assert len(nb.caveats(many, "en")) < 2 * nb.CAVEAT_NAMES + 4


def test_no_caveats_for_plain_claims():
    plain = M.assign(qualifier=None, per=None, note=None)
    assert nb.caveats(plain, "en") == []


__all__ = ["label", "barh", "bullets", "caveats", "chart", "claims", "count", "figure", "heading", "largest_cuts",
           "no_claims_note", "pick", "plot", "rank", "say", "subheading", "table", "zone_columns", "domain_rows"]


def _shown(monkeypatch, call) -> list:
    """What ``call()`` displays (IPython's ``display`` captured)."""
    import IPython.display

    out = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: out.extend(objs))
    call()
    return out


def test_a_chart_of_one_or_two_claims_is_a_small_table_instead(monkeypatch):
    """The rule is the report helper's, for every chart of claims: below MIN_BARS rows, a table of them."""
    import ftzdata.plot as fp
    from matplotlib.figure import Figure

    with_pct = nb.rank(M[M["change_pct"].notna()])
    for n in range(1, nb.MIN_BARS):
        few = with_pct.head(n)
        shown = _shown(monkeypatch, lambda: nb.plot(fp.change_pct, few, by="zone", lang="en"))
        assert len(shown) == 1 and not isinstance(shown[0], Figure)
        page = shown[0].data
        assert "<table" in page and page.count("<tr") == n + 1  # header + one row per claim
        for label in few["label_en"]:
            assert label in page
    shown = _shown(monkeypatch, lambda: nb.plot(fp.change_pct, with_pct.head(nb.MIN_BARS), by="zone", lang="en"))
    assert [type(o) for o in shown] == [Figure]  # enough bars: the chart (plain Python shows the figure)


def test_a_bar_chart_of_two_counts_is_a_table(monkeypatch):
    from matplotlib.figure import Figure

    counts = pd.Series({"Trade facilitation": 2, "Investment facilitation": 1})
    shown = _shown(monkeypatch, lambda: nb.barh(counts, "en", "Reform cases", "改革案例数"))
    assert len(shown) == 1 and "<table" in shown[0].data and "Reform cases" in shown[0].data
    assert re.search(r"<td>Investment facilitation</td>\s*<td>1</td>", shown[0].data)
    three = pd.concat([counts, pd.Series({"Rule of law": 1})])
    assert [type(o) for o in _shown(monkeypatch, lambda: nb.barh(three, "en", "Reform cases", "改革案例数"))] == [Figure]


def test_counted_nouns_take_the_plural_and_one_claim_is_singular():
    counts = M[M["unit"].astype(str).str.startswith("count:") & M["before"].gt(1) & M["after"].eq(1)]
    r = counts.iloc[0]
    noun = L.unit_name(r["unit"], "en")
    assert L.fmt_value(r["before"], r["unit"], "en") == f"{L.num(r['before'])} {L.plural(noun)}"
    assert L.fmt_value(r["after"], r["unit"], "en") == f"1 {noun}"
    assert L.plural("entity") == "entities" and L.plural("batch") == "batches" and L.plural("TEU") == "TEU"
    assert L.t("pct_sub", "en", n=1).startswith("1 claim;") and L.t("pct_sub", "en", n=2).startswith("2 claims;")


def test_a_wrapped_label_leaves_no_orphan_character():
    labels = [lab for lab in M["label_zh"] if 15 < L.width(lab) // 2 < 17]  # just over one 30-column line
    assert labels
    for lab in labels:
        lines = L.wrap(lab, 30).split("\n")
        assert "".join(lines) == lab and len(lines) == 2 and min(L.width(x) for x in lines) > 4, lines


def test_tables_of_zones_and_domains_follow_the_vocabulary_order():
    from ftzdata.vocab import DOMAINS, ZONES

    cases = ftzdata.cases()
    for lang in ("en", "zh"):
        labelled = cases.assign(z=[L.zone(z, lang) for z in cases["zone"]], d=[L.domain(d, lang) for d in cases["domain"]])
        t = nb.domain_rows(nb.zone_columns(pd.crosstab(labelled["d"], labelled["z"]), lang), lang)
        zone_order = [L.zone(z, lang) for z in ZONES]
        domain_order = [L.domain(d, lang) for d in DOMAINS]
        assert list(t.columns) == [z for z in zone_order if z in set(t.columns)]
        assert list(t.index) == [d for d in domain_order if d in set(t.index)]
        assert len(t.index) > 2 and t.to_numpy().sum() == len(cases.dropna(subset=["domain"]))




@pytest.fixture
def shown(monkeypatch):
    """What nb.plot / nb.table display: figures (closed after capture) and sentences."""
    import matplotlib.pyplot as plt

    out = {"figures": [], "said": [], "html": []}

    def figure(fig):
        out["figures"].append(fig)
        plt.close(fig)

    monkeypatch.setattr(nb, "figure", figure)
    monkeypatch.setattr(nb, "say", lambda lang, en="", zh="": out["said"].append(zh if lang == "zh" else en))
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: out["html"].append(getattr(obj, "data", obj)))
    return out


def _subtitle(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts)


def test_a_chart_of_more_claims_than_its_rows_draws_the_largest_reductions_and_says_so(shown, monkeypatch):
    from ftzdata import plot as fp

    both = M[M["before"].notna() & M["after"].notna()]
    monkeypatch.setattr(nb, "CHART_ROWS", 5)
    nb.plot(fp.before_after, M, lang="en")
    (fig,) = shown["figures"]
    assert "5 claims that state both values" in _subtitle(fig)
    assert shown["said"] == [f"*The chart shows 5 of the {len(both)} claims that state both values: the first 5 ranked "
                             "from the largest reduction to the largest increase.*"]
    drawn = nb.rank(both, 5)
    left = both.drop(drawn.index)
    assert drawn["change_pct"].max() <= left["change_pct"].min()  # the largest reductions, none left out


def test_a_chart_within_its_rows_draws_everything_and_adds_nothing(shown):
    from ftzdata import plot as fp

    n = int((M["before"].notna() & M["after"].notna() & (M["before"] != 0)).sum())
    assert n <= nb.CHART_ROWS
    nb.plot(fp.ratios, M, lang="en")
    assert f"{n} claims (" in _subtitle(shown["figures"][0]) and shown["said"] == []


def test_a_timeline_of_more_documents_than_its_rows_draws_the_most_recent(shown, monkeypatch):
    from ftzdata import plot as fp

    docs, cases = ftzdata.documents(), ftzdata.cases()
    monkeypatch.setattr(nb, "CHART_ROWS", 3)
    nb.plot(fp.timeline, docs, cases, lang="en")
    labels = [t.get_text() for t in shown["figures"][0].axes[0].get_yticklabels()]
    with_cases = docs[docs["doc_id"].isin(cases["doc_id"])]
    newest = with_cases.sort_values("published", ascending=False).head(3)["doc_id"]
    assert sorted(labels) == sorted(newest)
    assert shown["said"] == [f"*The chart shows the 3 most recent of the {len(with_cases)} documents with cases.*"]


def test_a_long_table_shows_its_first_rows_and_says_how_many_it_left_out(shown, monkeypatch):
    monkeypatch.setattr(nb, "TABLE_ROWS", 4)
    table = nb.claims(M, "zh", quotes=False)
    nb.table(table, nb.CLAIM_HEADERS["zh"])
    (html,) = shown["html"]
    assert html.count("<tr") == 1 + 4  # the header row and four rows
    for metric in table["metric"].head(4):
        assert f"<td>{metric}</td>" in html
    assert f"<td>{table['metric'].iloc[4]}</td>" not in html
    assert shown["said"] == [f"*表中仅显示全部{len(M)}行中的前4行；完整数据见 `ftzdata.metrics()`、`ftzdata.cases()`、"
                             "`ftzdata.documents()`。*"]
    shown["said"].clear()
    nb.table(table.head(4), nb.CLAIM_HEADERS["zh"])
    assert shown["said"] == []
    # only the rows a table shows formatted (rows=), the whole table's size stated (of=): the same page
    first = nb.claims(M, "zh", quotes=False, rows=4)
    assert first.equals(table.head(4))
    html_all, said_all = shown["html"][-2], f"*表中仅显示全部{len(M)}行中的前4行；"
    nb.table(first, nb.CLAIM_HEADERS["zh"], of=len(M))
    assert shown["html"][-1] == html_all and shown["said"][-1].startswith(said_all)
