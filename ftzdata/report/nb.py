"""Small helpers for report notebooks: text in the report's language, tables and charts.

They keep numbers and styling out of the notebooks (every number comes from ``ftzdata`` calls):

    from ftzdata.report import nb
    nb.say(lang, en="…", zh="…")   # a paragraph (Markdown) in the report's language
    nb.table(df)                    # a DataFrame as a plain HTML table, no index
    with nb.chart() as (fig, ax):   # a figure with the CJK font, shown when the block ends
        series.plot.barh(ax=ax)
"""

from __future__ import annotations

import base64
import contextlib
import html

from ftzdata import terms as _terms

__all__ = ["CHART_ROWS", "TABLE_ROWS", "label", "barh", "bullets", "caveats", "chart", "claims", "count", "figure",
           "heading", "largest_cuts", "no_claims_note", "pick", "plot", "rank", "say", "subheading", "table",
           "zone_columns", "domain_rows", "zone_colors", "alt_text"]

# Report figure style: applied only inside ``chart()`` (never to the global rcParams).
FIGURE_RC = {
    "figure.figsize": (6.5, 3.0),  # inches: the reports' text width, where the chart shows at 1:1 (see plot.theme)
    "figure.dpi": 100,  # the PNG JupyterLab shows (the reports use the SVG)
    "savefig.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 9,  # points: 12 CSS px, the smallest text of every chart
    "axes.titlesize": 11,
    "axes.labelsize": 9.5,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
}


def pick(lang: str, en, zh):
    """``zh`` for Chinese reports, else ``en``."""
    return zh if lang == "zh" else en


def count(n, noun: str, plural: str | None = None) -> str:
    """``**1** claim``, ``**3** claims``: a bold English count with its noun in the right number."""
    n = int(n)
    return f"**{n}** {noun if n == 1 else (plural or noun + 's')}"


def say(lang: str, en: str = "", zh: str = "") -> None:
    """Display a Markdown paragraph in the report's language."""
    from IPython.display import Markdown, display

    display(Markdown(pick(lang, en, zh)))


def heading(lang: str, en: str, zh: str, level: int = 2) -> None:
    from IPython.display import Markdown, display

    display(Markdown("#" * level + " " + pick(lang, en, zh)))


def subheading(lang: str, en: str, zh: str) -> None:
    """A level-3 heading, under a :func:`heading`."""
    heading(lang, en, zh, level=3)


def _fmt_float(value) -> str:
    return f"{value:,.4g}"


# A table shows at most this many rows (a report of thousands of rows is unreadable, and slow to build and
# print); a sentence under it says how many it left out.
TABLE_ROWS = 100


def table(df, columns: dict | None = None, index: bool = False, lang: str | None = None,
          of: int | None = None) -> None:
    """Display ``df`` as an HTML table (class ``ftz-table``).

    ``columns`` maps column → header: it selects, orders and renames; columns ``df`` lacks are
    skipped (so a report survives a renamed or dropped column of a dataset that is still growing).
    Of more than :data:`TABLE_ROWS` rows only the first ones are shown, with a sentence saying how many
    of how many, in ``lang`` (default: Chinese when a header is written in Chinese, else English). ``of``:
    the number of rows of the whole table when ``df`` holds only its first ones (:func:`claims` with ``rows``).
    """
    from IPython.display import HTML, display

    total = len(df) if of is None else max(of, len(df))
    if columns is not None:
        keep = {c: h for c, h in columns.items() if c in df.columns}
        df = df[list(keep)].rename(columns=keep)
    shown = df.head(TABLE_ROWS)
    body = shown.to_html(index=index, border=0, classes="ftz-table", na_rep="", escape=True, float_format=_fmt_float)
    display(HTML(body.replace(">None<", "><").replace(">nan<", "><")))
    if total > len(shown):
        lang = lang or ("zh" if any(_has_cjk(str(c)) for c in df.columns) else "en")
        say(lang, en=f"*The table shows the first {len(shown)} of its {total:,} rows; every row is in the data "
                     f"(`ftzdata.metrics()`, `ftzdata.cases()`, `ftzdata.documents()`).*",
            zh=f"*表中仅显示全部{total}行中的前{len(shown)}行；完整数据见 `ftzdata.metrics()`、`ftzdata.cases()`、"
               f"`ftzdata.documents()`。*")


def _has_cjk(text: str) -> bool:
    """Whether ``text`` has a CJK ideograph (U+4E00–U+9FFF)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@contextlib.contextmanager
def chart(nrows: int = 1, ncols: int = 1, alt: str | None = None, **rc):
    """``with chart() as (fig, ax):`` — draw with the CJK font; the figure is shown (with ``alt`` as its text
    alternative, else one made from its titles and labels) and closed at exit."""
    import matplotlib.pyplot as plt

    from ftzdata.fonts import cjk_rc, use_cjk

    with cjk_rc({**FIGURE_RC, **rc}):
        fig, ax = plt.subplots(nrows, ncols, layout="constrained")
        yield fig, ax
        use_cjk(fig)
        _show(fig, alt)
        plt.close(fig)


def alt_text(fig) -> str:
    """A text alternative for a chart: its title, subtitle and source line, else its axes' titles and labels."""
    parts = [t.get_text() for t in fig.texts]
    if not any(p.strip() for p in parts):
        for ax in fig.axes:
            parts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    lines = [" ".join(line.split()) for p in parts if p for line in p.splitlines() if line.strip()]
    out = ""
    for line in lines:  # a line that ends in ; or , was wrapped: its sentence goes on
        out += ("" if not out else " " if out[-1] in ";,；，、" else ". ") + line
    return out or "Chart"


#: MIME type of the chart as SVG with text as text, which the HTML and PDF reports show (they embed the
#: font). JupyterLab has no renderer for it and shows the PNG beside it, which needs no font on the machine.
SVG_MIME = "application/vnd.ftzdata.chart+svg"


def _show(fig, alt: str | None = None) -> None:
    """Display ``fig`` as PNG (for JupyterLab) and as SVG (``SVG_MIME``, for the reports), with its text
    alternative in the output's metadata (the HTML report's ``alt``)."""
    from IPython import get_ipython
    from IPython.display import display

    from ftzdata.plot.save import svg_and_png

    alt = alt or alt_text(fig)
    shell = get_ipython()
    if shell is None:  # plain Python: nothing to show the chart in
        display(fig)
        return
    svg, png = svg_and_png(fig, FIGURE_RC["savefig.dpi"])
    data = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": repr(fig), SVG_MIME: svg}
    display(data, raw=True, metadata={"image/png": {"alt": alt}, SVG_MIME: {"alt": alt}})


def escape(text) -> str:
    return html.escape(str(text))


def barh(series, lang: str, xlabel_en: str, xlabel_zh: str, color="#3b6ea5") -> None:
    """A horizontal bar chart of counts (``series``: label → count) with the CJK font, shown at once; ``color``
    one colour or one per bar. Its text alternative lists every bar and its count. Fewer than
    :data:`MIN_BARS` bars: a two-column table instead."""
    from matplotlib.ticker import MaxNLocator

    xlabel = pick(lang, xlabel_en, xlabel_zh)
    if len(series) < MIN_BARS:
        import pandas as pd

        table(pd.DataFrame({"": [str(k) for k in series[::-1].index], xlabel: list(series[::-1])}))
        return
    alt = f"{xlabel}: " + ("；" if lang == "zh" else "; ").join(f"{k} {v}" for k, v in series[::-1].items())
    with chart(alt=alt) as (fig, ax):
        series.plot.barh(ax=ax, color=color)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.bar_label(ax.containers[0], padding=3)


def figure(fig) -> None:
    """Display a ready-made matplotlib figure (e.g. from ``ftzdata.plot``) once (SVG for the reports, a
    100 dpi PNG for JupyterLab), then close it."""
    import matplotlib.pyplot as plt

    fig.set_dpi(FIGURE_RC["figure.dpi"])
    _show(fig)
    plt.close(fig)


#: A chart needs at least this many bars (rows, dumbbells); with fewer, a small table says the same better.
MIN_BARS = 3

# A chart that draws one row per claim or per document shows at most this many rows (a taller chart is
# unreadable and slow to draw, and no longer fits a page: see ftzdata.plot.theme.MAX_HEIGHT); :func:`plot`
# says under it how many it left out.
CHART_ROWS = 24


def plot(draw, *args, **kwargs) -> None:
    """``figure(draw(*args, **kwargs))``; where the chart would draw fewer than :data:`MIN_BARS` claims, a
    small table of them instead (zone, what was measured, values, change); where the data has nothing to
    draw (a corpus without reviewed claims, a zone without before/after values), one sentence in the
    chart's ``lang`` saying so.

    A chart with one row per claim (``before_after``, ``ratios``, ``change_pct``) or per document
    (``timeline``) draws at most :data:`CHART_ROWS` rows: the first ones ranked from the largest reduction
    (:func:`rank`), or the most recent documents; a sentence under it says how many of how many it shows.
    Data a chart would refuse goes to it unchanged (its own error, or the sentence above)."""
    import matplotlib.pyplot as plt

    from ftzdata.errors import PlotDataError

    lang = kwargs.get("lang", "en")
    rule = _row_rule(draw)
    note = None
    if rule is not None and _frames_with(args, rule.columns):
        args, note = rule(*args, lang=lang)
    try:
        fig = draw(*args, **kwargs)
    except PlotDataError:
        say(lang, en="*No chart here: the reviewed data has nothing of this kind to draw (yet).*",
            zh="*此处无图：已审核的数据中暂无可绘制的此类内容。*")
        return
    rows = getattr(fig, "ftzdata_rows", None)
    if rows is not None and len(rows) < MIN_BARS:
        plt.close(fig)
        shown = claims(rows, lang, quotes=False)
        table(shown[["zone", "metric", "values", "per", "change_pct", "qualifier"]], CLAIM_HEADERS[lang])
        return
    figure(fig)
    if note:
        say(lang, **note)


def _frames_with(args, columns) -> bool:
    """Whether the first ``len(columns)`` positional ``args`` are DataFrames with those columns each."""
    import pandas as pd

    return len(args) >= len(columns) and all(isinstance(a, pd.DataFrame) and set(c) <= set(a.columns)
                                             for a, c in zip(args, columns))


def _row_rule(draw):
    """The function that caps the rows of chart ``draw``, or None for a chart of fixed size."""
    from ftzdata import plot as fp

    return {fp.before_after: _claims_rows("both"), fp.ratios: _claims_rows("ratio"),
            fp.change_pct: _claims_rows("change_pct"), fp.timeline: _document_rows}.get(draw)


# Which claims a one-row-per-claim chart draws -> (mask over the metrics frame, what they are in en, zh).
_DRAWN = {
    "both": (lambda m: m["before"].notna() & m["after"].notna(),
             "claims that state both values", "同时给出改革前后数值的指标"),
    "ratio": (lambda m: m["before"].notna() & m["after"].notna() & (m["before"] != 0),
              "claims that state both values", "同时给出改革前后数值的指标"),
    "change_pct": (lambda m: m["change_pct"].notna(), "claims with a percentage change", "有变化幅度的指标"),
}


def _claims_rows(drawn: str):
    """A row rule for a chart of claims (``drawn``, a key of :data:`_DRAWN`): ``metrics`` unchanged when it
    has at most :data:`CHART_ROWS` claims to draw, else only the largest reductions among them, and the
    sentence that says so."""
    def rule(metrics, *rest, lang: str = "en"):
        mask, what_en, what_zh = _DRAWN[drawn]
        rows = metrics[mask(metrics)]
        n = CHART_ROWS
        if len(rows) <= n:
            return (metrics, *rest), None
        keep = rank(rows, n).index
        return (metrics[metrics.index.isin(keep)], *rest), {
            "en": f"*The chart shows {n} of the {len(rows):,} {what_en}: the first {n} ranked from the largest "
                  f"reduction to the largest increase.*",
            "zh": f"*图中仅显示{len(rows)}条{what_zh}中按降幅由大到小排列的前{n}条。*"}
    rule.columns = [("before", "after", "change_pct", "unit", "change", "metric_id")]
    return rule


def _document_rows(documents, cases, *rest, lang: str = "en"):
    """The row rule of a chart of documents with cases: unchanged when at most :data:`CHART_ROWS` documents
    have cases, else only the most recent of them (undated ones last), and the sentence that says so."""
    with_cases = documents[documents["doc_id"].isin(set(cases["doc_id"]))]
    n = CHART_ROWS
    if len(with_cases) <= n:
        return (documents, cases, *rest), None
    keep = set(with_cases.sort_values(["published", "doc_id"], ascending=[False, True], na_position="last",
                                      kind="stable").head(n)["doc_id"])
    return (documents[documents["doc_id"].isin(keep)], cases[cases["doc_id"].isin(keep)], *rest), {
        "en": f"*The chart shows the {n} most recent of the {len(with_cases):,} documents with cases.*",
        "zh": f"*图中仅显示{len(with_cases)}份有案例的文件中最新的{n}份。*"}


_document_rows.columns = [("doc_id", "published"), ("doc_id",)]


def zone_colors(labels, lang: str) -> list[str]:
    """The charts' colour of each zone label (上海 or Shanghai …), grey for anything else."""
    from ftzdata.plot import labels as L
    from ftzdata.plot.theme import FALLBACK_COLOR, ZONE_COLORS

    by_label = {L.zone(z, lang): c for z, c in ZONE_COLORS.items()}
    return [by_label.get(str(label), FALLBACK_COLOR) for label in labels]


def zone_columns(df, lang: str):
    """``df`` with its zone-label columns in the vocabulary's order (Shanghai, Guangdong, Tianjin, Fujian …),
    the order of the charts, instead of alphabetical."""
    from ftzdata.plot import labels as L
    from ftzdata.vocab import ZONES

    order = [L.zone(z, lang) for z in ZONES]
    return df[sorted(df.columns, key=lambda c: order.index(c) if c in order else len(order))]


def domain_rows(df, lang: str):
    """``df`` with its domain-label rows in the vocabulary's order (trade facilitation, investment …, as in
    ``domains.csv``), labels the vocabulary lacks last, instead of alphabetical."""
    from ftzdata.plot import labels as L
    from ftzdata.vocab import DOMAINS

    order = [L.domain(d, lang) for d in DOMAINS]
    return df.loc[sorted(df.index, key=lambda r: order.index(r) if r in order else len(order))]


def no_claims_note(metrics, lang: str) -> None:
    """A note when no claim of the corpus has been accepted in review yet (``ftzdata review``)."""
    if len(metrics) == 0:
        say(lang, en="*No claim of this corpus has been accepted in review yet: the numbers below are empty. "
                     "Review the claims found with `ftzdata review DOC_ID`.*",
            zh="*本语料中尚无经审核接受的指标，以下数字为空。请用 `ftzdata review DOC_ID` 审核提取的指标。*")


def label(value: str, lang: str) -> str:
    """A zone or metric kind in the report's language (上海, 时长 …); other values unchanged."""
    if lang != "zh":
        return value
    from .params import KIND_ZH, ZONE_ZH

    return ZONE_ZH.get(value, KIND_ZH.get(value, value))


# What each qualifier means for a reader comparing figures -> (en, zh)
QUALIFIER_CAVEATS = {k: (v["caveat_en"], v["caveat_zh"]) for k, v in _terms.terms()["qualifiers"].items()}


def rank(metrics, n: int | None = None):
    """Claims ordered from the largest reduction to the largest increase: by ``change_pct``, then (for
    claims that state only an amount) by ``change`` within each unit. ``n``: keep the first n."""
    order = metrics.assign(_no_pct=metrics["change_pct"].isna())
    order = order.sort_values(["_no_pct", "change_pct", "unit", "change", "metric_id"], na_position="last",
                              kind="stable")
    ranked = metrics.loc[order.index]
    return ranked if n is None else ranked.head(n)


def largest_cuts(metrics, kind: str, n: int = 5):
    """The ``n`` largest reductions of one kind (duration, count, money …), ranked as :func:`rank`."""
    return rank(metrics[(metrics["kind"] == kind) & (metrics["direction"] == "decrease")], n)


# The columns :func:`ftzdata.plot.labels.fmt_claim` reads.
_VALUE_COLUMNS = ("unit", "before", "before_low", "before_high", "after", "after_low", "after_high", "change",
                  "change_low", "change_high", "change_pct")


def claims(metrics, lang: str, quotes: bool = True, numbered: bool = False, rows: int | None = None):
    """``metrics`` as a reader's table: zone, case, metric, values in words (2–3 days → 16 min), per,
    change %, qualifiers, note, and the verbatim quote with its document and offsets. ``numbered``:
    a first column ``rank`` 1, 2, 3 … in the order given (e.g. after :func:`rank`). ``rows``: only the
    first ``rows`` claims (what a :func:`table` shows, :data:`TABLE_ROWS`: the others are not formatted; pass
    ``of=len(metrics)`` to :func:`table`)."""
    import pandas as pd

    from ftzdata.plot import labels as L

    if rows is not None:
        metrics = metrics.head(rows)

    titles = L.case_titles(lang, L.corpus_of(metrics), case_ids=metrics["case_id"])
    out = pd.DataFrame({
        "metric_id": metrics["metric_id"],
        "zone": [L.zone(z, lang) for z in metrics["zone"]],
        "case": [titles.get(c, c) for c in metrics["case_id"]],
        "metric": metrics["label_zh" if lang == "zh" else "label_en"],
        "values": [L.fmt_claim(r, lang) for r in metrics[[c for c in _VALUE_COLUMNS if c in metrics]].to_dict("records")],
        "per": [L.per_name(p, lang) for p in metrics["per"]],
        "change_pct": [L.fmt_pct(v) if v == v else "" for v in metrics["change_pct"]],
        "qualifier": [L.qualifier_words(q, lang) for q in metrics["qualifier"]],
        "note": metrics["note"].fillna(""),
    }, index=metrics.index)
    if quotes:
        out["quote"] = metrics["quote"]
        names = _document_names(metrics, lang)
        short = {d: L.shorten(names.get(d, d), 48) for d in metrics["doc_id"].unique()}
        out["source"] = [f"{short[d]} · {c} · {a}–{b}"
                         for d, c, a, b in zip(metrics["doc_id"], metrics["case_id"], metrics["start"], metrics["end"])]
    if numbered:
        out.insert(0, "rank", range(1, len(out) + 1))
    return out


def _document_names(metrics, lang: str) -> dict:
    """doc_id -> the document's title for readers (English title where reviewed, else the Chinese one)."""
    import ftzdata
    from ftzdata.normalize import to_simplified
    from ftzdata.plot import labels as L

    docs = ftzdata.documents(L.corpus_of(metrics))
    docs = docs.loc[docs["doc_id"].isin(list(dict.fromkeys(metrics["doc_id"]))), ["doc_id", "title_en", "title_zh"]]
    names = {}
    for d, en, zh in zip(docs["doc_id"], docs["title_en"], docs["title_zh"]):
        zh = to_simplified(zh) if isinstance(zh, str) and zh else None
        names[d] = (zh or en if lang == "zh" else en or zh) or d
    return names


CLAIM_HEADERS = {
    "en": {"rank": "#", "metric_id": "Metric", "zone": "Zone", "case": "Case", "metric": "What was measured",
           "values": "Values", "per": "Per", "change_pct": "Change", "qualifier": "Qualifiers", "note": "Note",
           "quote": "Quote", "source": "Source: document · case · characters"},
    "zh": {"rank": "序号", "metric_id": "指标编号", "zone": "自贸试验区", "case": "案例", "metric": "指标", "values": "数值",
           "per": "计量单位", "change_pct": "变化", "qualifier": "限定", "note": "说明（英文）", "quote": "原文",
           "source": "出处：文件 · 案例 · 字符位置"},
}


#: A caveat names at most this many claims (then says how many more), and at most this many notes are shown.
CAVEAT_NAMES = 8


def caveats(metrics, lang: str) -> list[str]:
    """Markdown bullets on what makes these claims hard to compare, from the data itself: qualifiers
    (fastest vs average, bounds, working days), different per-units (per container vs per TEU), notes."""
    import pandas as pd

    from ftzdata.plot import labels as L

    zh = lang == "zh"
    names = {mid: (f"{lab}（{L.zone(z, lang)}）" if zh else f"{lab} ({L.zone(z, lang)})")
             for mid, lab, z in zip(metrics["metric_id"], metrics["label_zh" if zh else "label_en"], metrics["zone"])}
    bullets = []
    quals = metrics["qualifier"].fillna("").str.split(";").explode().str.strip()
    for q in QUALIFIER_CAVEATS:
        ids = metrics.loc[quals[quals == q].index.unique(), "metric_id"].tolist()
        if ids:
            word = L.qualifier_words(q, lang)
            text = QUALIFIER_CAVEATS[q][1 if zh else 0]
            which = [names[i] for i in ids[:CAVEAT_NAMES]]
            more = len(ids) - len(which)
            if more:
                which.append(f"另有{more}条" if zh else f"and {more} more")
            bullets.append(f"**{word}**（{len(ids)}）：{text}。{'；'.join(which)}" if zh
                           else f"**{word}** ({len(ids)}): {text}. {'; '.join(which)}")
    pers = metrics["per"].dropna()
    pers = pers[pers != ""].value_counts()
    if len(pers) > 1:
        parts = [f"{L.per_name(p, lang)}（{n}）" if zh else f"{L.per_name(p, lang)} ({n})" for p, n in pers.items()]
        extra = ""
        if {"container", "TEU"} <= set(pers.index):
            extra = ("；一个40英尺集装箱折合2个标箱（TEU），每集装箱与每标箱的数值不能直接比较" if zh
                     else "; a 40-foot container is two TEU, so per-container and per-TEU figures differ by up to 2×")
        bullets.append(("**计量单位不同**：" + "、".join(parts) + extra + "。") if zh
                       else ("**Different per-units**: " + ", ".join(parts) + extra + "."))
    totals = int((metrics["per"].isna() | (metrics["per"] == "")).sum())
    if totals and len(pers):
        bullets.append(f"**{totals}** 条指标为总量或整体水平，而非单个事项的数值。" if zh
                       else f"{count(totals, 'claim')} {'is a total or overall level' if totals == 1 else 'are totals or overall levels'}, not per-item values.")
    notes = [(mid, note) for mid, note in zip(metrics["metric_id"], metrics["note"])
             if isinstance(note, str) and note and not pd.isna(note)]
    for mid, note in notes[:CAVEAT_NAMES]:
        bullets.append(f"{names[mid]}：{note}" if zh else f"{names[mid]}: {note}")
    if len(notes) > CAVEAT_NAMES:
        more = len(notes) - CAVEAT_NAMES
        bullets.append(f"另有{more}条指标附有说明（指标表的 note 列）。" if zh
                       else f"{count(more, 'more claim')} {'has' if more == 1 else 'have'} a note (the metrics table's note column).")
    return bullets


def bullets(items: list[str]) -> None:
    """Display Markdown bullets (nothing when the list is empty)."""
    from IPython.display import Markdown, display

    if items:
        display(Markdown("\n".join(f"- {b}" for b in items)))
