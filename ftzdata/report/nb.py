"""Small helpers for report notebooks: text in the report's language, tables and charts.

They keep numbers and styling out of the notebooks (every number comes from ``ftzdata`` calls):

    from ftzdata.report import nb
    nb.say(lang, en="…", zh="…")   # a paragraph (Markdown) in the report's language
    nb.table(df)                    # a DataFrame as a plain HTML table, no index
    with nb.chart() as (fig, ax):   # a figure with the CJK font, shown when the block ends
        series.plot.barh(ax=ax)
"""

from __future__ import annotations

import contextlib
import html

__all__ = ["available", "label", "barh", "chart", "figure", "heading", "pick", "say", "table"]

# Report figure style: applied only inside ``chart()`` (never to the global rcParams).
FIGURE_RC = {
    "figure.figsize": (7.0, 3.2),
    "figure.dpi": 150,
    "savefig.dpi": 150,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
}


def pick(lang: str, en, zh):
    """``zh`` for Chinese reports, else ``en``."""
    return zh if lang == "zh" else en


def say(lang: str, en: str = "", zh: str = "") -> None:
    """Display a Markdown paragraph in the report's language."""
    from IPython.display import Markdown, display

    display(Markdown(pick(lang, en, zh)))


def heading(lang: str, en: str, zh: str, level: int = 2) -> None:
    from IPython.display import Markdown, display

    display(Markdown("#" * level + " " + pick(lang, en, zh)))


def _fmt_float(value) -> str:
    return f"{value:,.4g}"


def table(df, columns: dict | None = None, index: bool = False) -> None:
    """Display ``df`` as an HTML table (class ``ftz-table``).

    ``columns`` maps column → header: it selects, orders and renames; columns ``df`` lacks are
    skipped (so a report survives a renamed or dropped column of a dataset that is still growing).
    """
    from IPython.display import HTML, display

    if columns is not None:
        keep = {c: h for c, h in columns.items() if c in df.columns}
        df = df[list(keep)].rename(columns=keep)
    body = df.to_html(index=index, border=0, classes="ftz-table", na_rep="", escape=True, float_format=_fmt_float)
    display(HTML(body.replace(">None<", "><").replace(">nan<", "><")))


def available(module, name: str) -> bool:
    """``module.name`` exists and is callable (a submodule of the same name does not count)."""
    return callable(getattr(module, name, None))


@contextlib.contextmanager
def chart(nrows: int = 1, ncols: int = 1, **rc):
    """``with chart() as (fig, ax):`` — draw with the CJK font; the figure is shown and closed at exit."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    from ftzdata.fonts import cjk_rc, use_cjk

    with cjk_rc({**FIGURE_RC, **rc}):
        fig, ax = plt.subplots(nrows, ncols, layout="constrained")
        yield fig, ax
        use_cjk(fig)
        display(fig)
        plt.close(fig)


def escape(text) -> str:
    return html.escape(str(text))


def barh(series, lang: str, xlabel_en: str, xlabel_zh: str, color: str = "#3b6ea5") -> None:
    """A horizontal bar chart of counts (``series``: label → count) with the CJK font, shown at once."""
    from matplotlib.ticker import MaxNLocator

    with chart() as (fig, ax):
        series.plot.barh(ax=ax, color=color)
        ax.set_xlabel(pick(lang, xlabel_en, xlabel_zh))
        ax.set_ylabel("")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.bar_label(ax.containers[0], padding=3)


def figure(fig) -> None:
    """Display a ready-made matplotlib figure (e.g. from ``ftzdata.plot``) once, then close it."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(fig)
    plt.close(fig)


def label(value: str, lang: str) -> str:
    """A zone or metric kind in the report's language (上海, 时长 …); other values unchanged."""
    if lang != "zh":
        return value
    from .params import KIND_ZH, ZONE_ZH

    return ZONE_ZH.get(value, KIND_ZH.get(value, value))
