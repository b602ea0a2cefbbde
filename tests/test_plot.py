"""Charts of ftzdata.plot: both languages, no missing glyphs, counts from the data, deterministic files."""

from __future__ import annotations

import re
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import ftzdata  # noqa: E402
import ftzdata.plot as fp  # noqa: E402
from ftzdata.errors import UnknownValueError  # noqa: E402
from ftzdata.vocab import DOMAINS, ZONES  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def metrics():
    return ftzdata.metrics()


@pytest.fixture(scope="module")
def cases():
    return ftzdata.cases()


@pytest.fixture(scope="module")
def documents():
    return ftzdata.documents()


@pytest.fixture(scope="module")
def zone(metrics):
    """A zone that has claims with both values, chosen from the data."""
    both = metrics[metrics["before"].notna() & metrics["after"].notna()]
    return str(both["zone"].astype(str).value_counts().index[0])


def _rc():
    return {k: (list(v) if isinstance(v, list) else v) for k, v in mpl.rcParams.items()}


def _draw(make):
    """Call make(), draw the figure (outside any rc context) and return (fig, texts, warnings)."""
    before = _rc()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = make()
        fig.canvas.draw()
    assert _rc() == before, "global rcParams changed"
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from font" in str(w.message)]
    assert not glyphs, glyphs
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]
    return fig, texts


def _gid(fig, gid):
    return [a for a in fig.findobj(lambda a: a.get_gid() == gid)]


def _assert_lang(texts, lang, en_words, zh_words):
    joined = "\n".join(texts)
    if lang == "zh":
        assert HAN.search(joined)
        assert any(w in joined for w in zh_words), zh_words
    else:
        assert any(w in joined for w in en_words), en_words
        assert not any(w in joined for w in zh_words if HAN.search(w))


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


# ---------------------------------------------------------------------------------------------- before_after


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scope", ["all", "zone"])
def test_before_after(metrics, zone, lang, scope):
    data = metrics if scope == "all" else ftzdata.metrics(zone=zone)
    both = data[data["before"].notna() & data["after"].notna()]
    fig, texts = _draw(lambda: fp.before_after(data, lang=lang))
    assert isinstance(fig, matplotlib.figure.Figure)
    assert len(_gid(fig, "before")) == len(both)
    assert len(_gid(fig, "after")) == len(both)
    ranges = ((both["before_high"] > both["before_low"]) | (both["after_high"] > both["after_low"])).sum()
    assert len(_gid(fig, "range")) >= ranges
    labels = both["label_zh" if lang == "zh" else "label_en"].tolist()
    joined = "".join(texts).replace("\n", "").replace(" ", "")
    assert all(lbl.replace(" ", "")[:8] in joined for lbl in labels)
    _assert_lang(texts, lang, ["Before", "After"], ["改革前", "改革后"])


def test_before_after_durations_have_human_ticks(metrics):
    fig = fp.before_after(ftzdata.metrics(kind="duration"))
    fig.canvas.draw()
    ticks = [t.get_text() for ax in fig.axes for t in ax.get_xticklabels()]
    assert any(t.endswith(" h") for t in ticks) and any(t.endswith("min") for t in ticks)
    assert any(ax.get_xscale() == "log" for ax in fig.axes)


def test_before_after_marks_qualified_values(metrics):
    both = metrics[metrics["before"].notna() & metrics["after"].notna()]
    fig = fp.before_after(metrics)
    legend = [t.get_text() for leg in fig.findobj(matplotlib.legend.Legend) for t in leg.get_texts()]
    if both["qualifier"].fillna("").str.contains("fastest").any():
        assert any("Fastest" in t for t in legend)
    if both["qualifier"].fillna("").str.contains("approximately|nearly|more than|at least").any():
        assert any("Approximate" in t for t in legend)


# ---------------------------------------------------------------------------------------------- change_pct


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("by", ["zone", "domain"])
def test_change_pct(metrics, cases, lang, by):
    with_pct = metrics[metrics["change_pct"].notna()]
    fig, texts = _draw(lambda: fp.change_pct(metrics, by=by, lang=lang))
    assert len(_gid(fig, "change_pct")) == len(with_pct)  # one bar (Rectangle) per claim
    groups = with_pct[by].astype(str).unique()
    names = [ZONES[g] if lang == "zh" and by == "zone" else DOMAINS[g] if lang == "zh" else g for g in groups]
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    for name in names:
        assert any(t.lower().startswith(name.lower()) for t in titles), (name, titles)
    col = "title_zh_hans" if lang == "zh" else "title_en"
    first = cases.set_index("case_id").loc[with_pct["case_id"].iloc[0], col]
    assert any(first[:6] in t for t in texts)


def test_change_pct_one_zone(zone):
    data = ftzdata.metrics(zone=zone)
    fig, _ = _draw(lambda: fp.change_pct(data, lang="zh"))
    assert len(_gid(fig, "change_pct")) == data["change_pct"].notna().sum()


def test_change_pct_unknown_by(metrics):
    with pytest.raises(UnknownValueError, match="zone, domain"):
        fp.change_pct(metrics, by="kind")


# ---------------------------------------------------------------------------------------------- ratios


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scope", ["all", "zone"])
def test_ratios(metrics, zone, lang, scope):
    data = metrics if scope == "all" else ftzdata.metrics(zone=zone)
    both = data[data["before"].notna() & data["after"].notna() & (data["before"] != 0)]
    fig, texts = _draw(lambda: fp.ratios(data, lang=lang))
    assert len(_gid(fig, "ratio")) == len(both)
    assert fig.axes[-1].get_xscale() == "log"
    zones = both["zone"].astype(str).unique()
    for z in zones:
        assert (ZONES[z] if lang == "zh" else z) in texts
    _assert_lang(texts, lang, ["After ÷ before (log scale)"], ["改革后 ÷ 改革前（对数坐标）"])


def test_ratios_into_an_existing_axes(metrics):
    fig, ax = plt.subplots()
    assert fp.ratios(metrics, ax=ax) is fig


# ---------------------------------------------------------------------------------------------- coverage, timeline


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_coverage(cases, metrics, zone, lang):
    fig, texts = _draw(lambda: fp.coverage(cases, metrics, lang=lang))
    z, d = cases["zone"].astype(str), cases["domain"].astype(str)
    cells = (cases.groupby([z, d]).size()).items()
    quantified = set(metrics["case_id"])
    for (zz, dd), n in cells:
        sel = cases[(z == zz) & (d == dd)]
        assert f"{sel['case_id'].isin(quantified).sum()} / {n}" in texts
    _assert_lang(texts, lang, ["Trade facilitation"], ["贸易便利化"])
    one = cases[cases["zone"] == zone]
    fig, _ = _draw(lambda: fp.coverage(one, ftzdata.metrics(zone=zone), lang=lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_timeline(documents, cases, zone, lang):
    fig, texts = _draw(lambda: fp.timeline(documents, cases, lang=lang))
    dated = documents[documents["doc_id"].isin(cases["doc_id"]) & documents["published"].notna()]
    assert len(_gid(fig, "document")) == len(dated)
    for _, d in dated.iterrows():
        assert any(str(d["published"].year) in t for t in texts)
    _assert_lang(texts, lang, ["Publication date"], ["发布时间"])
    fig, _ = _draw(lambda: fp.timeline(documents, cases[cases["zone"] == zone], lang=lang))


# ---------------------------------------------------------------------------------------------- errors, save


def test_errors(metrics, cases, documents):
    with pytest.raises(UnknownValueError, match="lang"):
        fp.before_after(metrics, lang="fr")
    for fn in (fp.before_after, fp.ratios):
        with pytest.raises(fp.PlotDataError, match="both"):
            fn(metrics[metrics["after"].isna()])
        with pytest.raises(ValueError):
            fn(metrics.iloc[0:0])
        with pytest.raises(fp.PlotDataError, match="DataFrame"):
            fn([1, 2])
    with pytest.raises(fp.PlotDataError, match="long"):
        fp.before_after(ftzdata.metrics(long=True))
    with pytest.raises(fp.PlotDataError, match="percentage"):
        fp.change_pct(metrics[metrics["change_pct"].isna()])
    with pytest.raises(UnknownValueError, match="hue"):
        fp.ratios(metrics, hue="kind")
    with pytest.raises(fp.PlotDataError):
        fp.coverage(cases.iloc[0:0], metrics)
    with pytest.raises(fp.PlotDataError):
        fp.timeline(documents, cases.iloc[0:0])
    with pytest.raises(UnknownValueError, match="lang"):
        fp.timeline(documents, cases, lang="de")
    assert issubclass(fp.PlotDataError, ValueError) and issubclass(fp.PlotDataError, ftzdata.FtzDataError)


def test_save_is_deterministic_and_atomic(tmp_path, metrics):
    before = _rc()
    fig = fp.before_after(ftzdata.metrics(kind="duration"), lang="zh")
    a = fp.save(fig, "chart", dir=tmp_path / "a")
    b = fp.save(fig, "chart", dir=tmp_path / "b")
    assert [p.name for p in a] == ["chart.png", "chart.svg"]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes()
    svg = a[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in a[0].read_bytes()[:300]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["chart.png", "chart.svg"]  # no temp files
    assert _rc() == before
    with pytest.raises(ValueError):
        fp.save(fig, "../x", dir=tmp_path)


def test_chart_for_reports_is_drawn_once_per_format(metrics, monkeypatch):
    """svg_and_png draws the chart twice: the PNG (whose draw also lays it out) and the SVG at the positions
    that layout gave — no separate layout pass, and no extra draw inside savefig (matplotlib makes one for
    any layout engine, even the "none" placeholder); the figure keeps its constrained layout afterwards."""
    from matplotlib.figure import Figure

    from ftzdata.plot.save import svg_and_png

    fig = fp.ratios(metrics, lang="zh")
    engine = fig.get_layout_engine()
    draws = []
    original = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, renderer: (draws.append(type(renderer).__name__),
                                                                 original(self, renderer))[1])
    svg, png = svg_and_png(fig, 100)
    assert draws == ["RendererAgg", "MixedModeRenderer"], draws  # the PNG, the SVG (matplotlib wraps its renderer)
    assert fig.get_layout_engine() is engine
    monkeypatch.undo()
    draws.clear()
    assert svg_and_png(fig, 100) == (svg, png)  # the same bytes again


def test_chart_for_reports_at_another_dpi_is_drawn_at_that_dpi(metrics):
    """At a dpi other than the figure's, svg_and_png lays out and draws each format as savefig would: the
    PNG has that dpi's size, the SVG is the one at the figure's own dpi."""
    import io

    from PIL import Image

    from ftzdata.plot.save import svg_and_png

    svg, png = svg_and_png(fp.ratios(metrics, lang="en"), 100)
    fig = fp.ratios(metrics, lang="en")
    svg2, png2 = svg_and_png(fig, 2 * fig.dpi)
    w, h = Image.open(io.BytesIO(png)).size
    assert Image.open(io.BytesIO(png2)).size == (2 * w, 2 * h) and svg2 == svg


def test_report_svg_keeps_every_drawing_element(metrics):
    """The reports' SVG drops only attribute-less groups and ids nothing refers to: every other element,
    in order, with every other attribute, is matplotlib's own; every reference still resolves."""
    import xml.etree.ElementTree as ET

    from ftzdata.plot.save import _lean_svg, _render, svg_and_png, theme, _RC

    fig = fp.ratios(metrics, lang="zh")
    lean, png = svg_and_png(fig, 100)
    assert png.startswith(b"\x89PNG") and lean.startswith("<?xml")
    with theme.context({**_RC, "svg.fonttype": "none"}):
        full = _render(fig, "svg").decode("utf-8")  # laid out as svg_and_png left it
    assert _lean_svg(full) == lean

    def drawn(svg):
        root = ET.fromstring(svg)
        refs = set(re.findall(r"#([^\s\"')]+)", svg))
        out = []
        for el in root.iter():
            attrs = {k: v for k, v in el.attrib.items() if not (k == "id" and v not in refs)}
            if el.tag.endswith("}g") and not attrs:
                continue
            out.append((el.tag, attrs, (el.text or "").strip()))
        return out, refs, {el.get("id") for el in root.iter() if el.get("id")}

    lean_els, lean_refs, lean_ids = drawn(lean)
    full_els, _, _ = drawn(full)
    assert lean_els == full_els
    assert lean.count("<g") < full.count("<g") / 3
    ref_ids = {r for r in re.findall(r'(?:href="|url\()#([^"\)]+)', lean)}
    assert ref_ids and ref_ids <= lean_ids


@pytest.mark.parametrize("text, cols", [("Source: a", 8), ("(h) 。 from", 8), (",赶船期也比较", 12), ("Source: 。", 8)])
def test_wrapping_a_short_label_with_an_orphan_ends_and_keeps_to_its_width(text, cols):
    """An orphan on the second line is evened out only with narrower lines (these recursed forever before)."""
    from ftzdata.plot import labels as L

    for max_lines in (1, 2, 4):
        wrapped = L.wrap(text, cols, max_lines)
        assert all(L.width(line) <= cols for line in wrapped.split("\n")), wrapped
        assert len(wrapped.split("\n")) <= max_lines


def test_wrapping_a_long_source_line_is_fast_and_cut_to_its_lines():
    """A source line naming 1,000 documents wraps to its four lines, the last ending in '…'."""
    from ftzdata.plot import labels as L

    names = " ; ".join(f"document-{i:04d}" for i in range(1000))
    wrapped = L.wrap(names, 60, max_lines=4).split("\n")
    assert len(wrapped) == 4 and wrapped[-1].endswith("…") and wrapped[0].startswith("document-0000")
    assert all(L.width(line) <= 60 for line in wrapped)
