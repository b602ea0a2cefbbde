"""End to end: a real report (ipynb, HTML without code, PDF with embedded CJK font), skip-up-to-date,
index links, a failing notebook that keeps the old report, and a small parallel batch.

Each test that runs notebooks starts kernels (~1–3 s each); the module stays well under a minute.
"""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import ftzdata
from ftzdata.report import batch, params

ROOT = Path(__file__).resolve().parent.parent
ZONE = "Fujian"  # a small zone: a short report
NAME = f"zone_profile-{ZONE}"


def _run_cli(*args, cwd=ROOT, timeout=300):
    return subprocess.run([sys.executable, "-m", "ftzdata", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    proc = _run_cli("report", "zone_profile", "-p", "zone", ZONE, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def test_report_files_exist(built):
    for ext in ("ipynb", "html", "pdf"):
        assert (built / f"{NAME}.{ext}").stat().st_size > 0
    assert (built / "index.html").is_file()
    assert not (built / ".tmp").exists()
    assert (built / f"{NAME}.pdf").stat().st_size < 3_000_000


def test_html_hides_code_and_has_title_block(built):
    page = (built / f"{NAME}.html").read_text(encoding="utf-8")
    assert "ftzdata.cases()" not in page and "check(" not in page and "import " not in page
    assert "zone = Fujian" in page  # parameters in the title block
    assert ftzdata.__version__ in page
    # nothing loaded from the network (images are inline data: URIs)
    assert not re.search(r'(src|href)="(https?:)?//', page) and "<script" not in page


def _charts(page: str) -> list[str]:
    return re.findall(r'<svg class="chart".*?</svg>', page, re.S)


def test_every_chart_has_a_real_text_alternative(built):
    page = (built / f"{NAME}.html").read_text(encoding="utf-8")
    charts = _charts(page)
    alts = [html.unescape(re.search(r'aria-label="([^"]*)"', c).group(1)) for c in charts]
    titles = [html.unescape(re.search(r"<title>(.*?)</title>", c, re.S).group(1)) for c in charts]
    assert len(alts) >= 2 and alts == titles and all('role="img"' in c for c in charts)
    assert "No description has been provided" not in page
    assert all(len(a) > 10 for a in alts)
    assert any("Before and after the reform" in a for a in alts)  # the dumbbell chart's own title


def test_a_chart_of_fewer_than_three_bars_is_a_table(built):
    """Fujian's cases fall in two domains: the report lists them in a small table, not a two-bar chart."""
    page = (built / f"{NAME}.html").read_text(encoding="utf-8")
    section = page.split('id="Cases-per-domain"', 1)[1].split("<h2", 1)[0]
    cases = ftzdata.cases()
    counts = cases[cases["zone"] == ZONE]["domain"].astype(str).value_counts()
    assert len(counts) < 3 and "<svg" not in section and "<table" in section
    for domain, n in counts.items():
        assert re.search(rf"<td>{re.escape(domain.capitalize())}</td>\s*<td>{n}</td>", section, re.I), domain


def test_html_has_contents_and_links_to_the_index_and_the_other_language(built):
    page = (built / f"{NAME}.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([^"]+)">', page)
    toc = re.findall(r'<nav class="toc".*?</nav>', page, re.S)[0]
    assert re.findall(r'href="#([^"]+)"', toc) == ids and len(ids) >= 3
    nav = re.findall(r'<nav class="report-nav">(.*?)</nav>', page)[0]
    assert 'href="index.html"' in nav and f'href="{NAME}-zh.html"' in nav


def test_charts_are_vector_with_their_text_in_the_embedded_font(built):
    """Inline SVG, no PNG; its words are text (searchable, sharp when zoomed) in the page's own font, which
    has every character they use; what a chart refers to (clip paths, markers) is defined once on the page: each chart's own."""
    import base64
    import io

    from fontTools.ttLib import TTFont

    from ftzdata.fonts import WEB_FONT_FAMILY

    page = (built / f"{NAME}.html").read_text(encoding="utf-8")
    charts = _charts(page)
    assert len(charts) >= 2 and "data:image/png" not in page and "<img" not in page
    words = "".join(html.unescape(w) for c in charts for w in re.findall(r"<text[^>]*>([^<]*)</text>", c))
    assert "Before and after the reform" in words
    for c in charts:
        families = set(re.findall(r"font-family: ([^;\"]+)", c))
        assert families and all(f.startswith(f"'{WEB_FONT_FAMILY}'") for f in families), families
    font = re.search(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", page).group(1)
    cmap = TTFont(io.BytesIO(base64.b64decode(font))).getBestCmap()
    assert not {c for c in words if not c.isspace() and ord(c) not in cmap}
    ids = re.findall(r'\bid="([^"]+)"', page)
    used = set(re.findall(r'(?:url\(#|href="#)([^")]+)', "".join(charts)))
    assert used and all(ids.count(i) == 1 for i in used)  # each clip path / glyph / marker defined once


def test_chart_text_is_9pt_or_more_at_its_own_size(built):
    """SVG units are points (width="468pt", viewBox 0 0 468 …): the smallest text, scaled to the chart's
    width, is 9 pt (12 CSS px) or more. (What a browser shows: the Chromium test below.)"""
    for c in _charts((built / f"{NAME}.html").read_text(encoding="utf-8")):
        width = float(re.search(r'width="([\d.]+)pt"', c).group(1))
        view = float(re.search(r'viewBox="0 0 ([\d.]+) ', c).group(1))
        sizes = [float(v) for v in re.findall(r"font-size: ([\d.]+)px", c)]
        assert sizes and min(sizes) * width / view >= 9, (min(sizes), width, view)


def test_chromium_shows_chart_text_at_12_css_px_or_more(built, tmp_path):
    """The displayed size, measured in headless Chromium at a desktop window: each chart text's font size
    times the chart's scale on screen (its shown width ÷ its viewBox width)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("headless Chromium not installed (apt-get install chromium)")
    script = ("<script>let m = 1e9, n = 0; for (const s of document.querySelectorAll('svg.chart')) {"
              "const k = s.getBoundingClientRect().width / s.viewBox.baseVal.width;"
              "for (const t of s.querySelectorAll('text')) { m = Math.min(m, parseFloat(getComputedStyle(t).fontSize) * k); n++; }}"
              "document.title = 'min ' + m.toFixed(2) + ' n ' + n;</script>")
    page = (built / f"{NAME}.html").read_text(encoding="utf-8").replace("</body>", script + "</body>")
    path = tmp_path / "measure.html"
    path.write_text(page, encoding="utf-8")
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                          "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=60, check=True).stdout
    smallest, n = re.search(r"<title>min ([\d.]+) n (\d+)</title>", dom).groups()
    assert int(n) > 20 and float(smallest) >= 12, (smallest, n)


def test_pdf_charts_are_vector_with_text_of_9pt_or_more(built):
    """No raster image in the PDF; the charts' longer texts are PDF text set at 9 pt or more."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page_html = (built / f"{NAME}.html").read_text(encoding="utf-8")
    texts = {html.unescape(w).strip() for c in _charts(page_html) for w in re.findall(r"<text[^>]*>([^<]*)</text>", c)}
    outside = _page_text_of(re.sub(r'<svg class="chart".*?</svg>', "", page_html, flags=re.S))
    texts = [t for t in texts if len(t) >= 12 and t not in outside]
    pdf = pdfium.PdfDocument(str(built / f"{NAME}.pdf"))
    sizes, images = [], 0
    for page in pdf:
        images += len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])))
        tp = page.get_textpage()
        for t in texts:
            found = tp.search(t).get_next()
            if found:
                sizes += [pdfium_c.FPDFText_GetFontSize(tp.raw, i) for i in range(found[0], found[0] + found[1])
                          if not chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i)).isspace()]  # spaces: pdfium's own
    assert images == 0
    assert len(sizes) > 100 and min(sizes) >= 8.99, (len(sizes), min(sizes, default=None))


def _alt_texts(doc) -> list[str]:
    """The alternative texts of the structure elements (figures) of a PDF, page by page."""
    import ctypes

    import pypdfium2.raw as c

    alts = []

    def walk(el):
        n = c.FPDF_StructElement_GetAltText(el, None, 0)
        if n > 2:
            buf = ctypes.create_string_buffer(n)
            c.FPDF_StructElement_GetAltText(el, buf, n)
            alts.append(buf.raw.decode("utf-16-le").rstrip("\x00"))
        for i in range(c.FPDF_StructElement_CountChildren(el)):
            child = c.FPDF_StructElement_GetChildAtIndex(el, i)
            if child:
                walk(child)

    for page in doc:
        tree = c.FPDF_StructTree_GetForPage(page.raw)
        for i in range(c.FPDF_StructTree_CountChildren(tree)):
            walk(c.FPDF_StructTree_GetChildAtIndex(tree, i))
        c.FPDF_StructTree_Close(tree)
    return alts


def test_pdf_is_tagged_and_each_chart_is_a_figure_with_its_text_alternative(built):
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(str(built / f"{NAME}.pdf"))
    assert c.FPDFCatalog_IsTagged(doc.raw)
    page = (built / f"{NAME}.html").read_text(encoding="utf-8")
    wanted = [html.unescape(re.search(r'aria-label="([^"]*)"', ch).group(1)) for ch in _charts(page)]
    got = _alt_texts(doc)
    assert len(got) == len(wanted) >= 2
    assert [g[:40] for g in got] == [w[:40] for w in wanted]  # (pdfium returns the text as laid out)


def _page_text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _pdftotext(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: apt-get install -y poppler-utils")
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_embeds_the_cjk_font(built):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) not installed: apt-get install -y poppler-utils")
    listing = subprocess.run(["pdffonts", str(built / f"{NAME}.pdf")], capture_output=True, text=True, check=True).stdout
    rows = [line for line in listing.splitlines() if "ftzdata-CJK" in line]
    assert rows, listing
    for row in rows:
        emb = row.split()[-5]  # columns: name type... encoding emb sub uni object ID
        assert emb == "yes", row


def test_pdf_text_has_a_chinese_case_title_and_page_numbers(built):
    text = _pdftotext(built / f"{NAME}.pdf")
    flat = re.sub(r"\s+", "", text)
    cases = ftzdata.cases()
    titles = cases.loc[cases["zone"] == ZONE, "title_zh_hans"].tolist()
    assert titles
    found = [t for t in titles if re.sub(r"\s+", "", t) in flat]
    assert found, (titles, text[:2000])
    assert re.search(r"page 1 of \d+", text)
    data_date = batch.data_info()["data_date"]
    assert data_date and data_date in text


def test_executed_notebook_has_outputs_and_parameters(built):
    import nbformat

    nb = nbformat.read(str(built / f"{NAME}.ipynb"), as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'zone = "Fujian"' in injected[0].source
    assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href"]


def test_index_links_every_format(built):
    parser = _Links()
    page = (built / "index.html").read_text(encoding="utf-8")
    parser.feed(page)
    assert {f"{NAME}.pdf", f"{NAME}.html", f"{NAME}.ipynb"} <= set(parser.hrefs)
    for href in parser.hrefs:
        assert (built / href).is_file(), href
    assert "zone = Fujian" in page


def test_rerun_is_skipped_then_force_rebuilds(built):
    pdf = built / f"{NAME}.pdf"
    mtime = pdf.stat().st_mtime_ns
    proc = _run_cli("report", "zone_profile", "-p", "zone", ZONE, "--out", str(built))
    assert proc.returncode == 0 and "1 up to date" in proc.stdout, proc.stdout + proc.stderr  # stderr says why
    assert pdf.stat().st_mtime_ns == mtime
    # --formats changes the key: a different set of outputs is a different build
    spec, full = params.resolve("zone_profile", {"zone": ZONE})
    job = batch.Job(spec, full, built)
    assert batch.is_up_to_date(job)
    assert not batch.is_up_to_date(batch.Job(spec, full, built, ("pdf",)))


GOOD = '''# %% tags=["parameters"]
lang = "en"

# %% tags=["validation"]
from ftzdata.report.params import check
check("broken", lang=lang)

# %%
from ftzdata.report import nb
nb.say(lang, en="A good run", zh="好")
'''

BAD = GOOD + '''
# %%
values = {}
values["missing"]  # first line of the failing cell is the line above
'''


def test_failing_notebook_keeps_old_report_and_sets_failed_aside(tmp_path):
    nbdir, out = tmp_path / "nbs", tmp_path / "out"
    nbdir.mkdir()
    (nbdir / "broken.py").write_text(GOOD, encoding="utf-8")
    proc = _run_cli("report", "broken", "--notebooks", str(nbdir), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    before = {p.name: p.read_bytes() for p in out.glob("broken.*")}
    assert set(before) == {"broken.ipynb", "broken.html", "broken.pdf"}

    (nbdir / "broken.py").write_text(BAD, encoding="utf-8")
    proc = _run_cli("report", "broken", "--notebooks", str(nbdir), "--out", str(out))
    assert proc.returncode == 1
    err = proc.stderr
    assert "notebook 'broken' failed in cell 3 ('values = {}')" in err, err
    assert "KeyError" in err and "missing" in err
    failed = out / "_failed" / "broken.ipynb"
    assert failed.is_file() and str(failed) in err
    after = {p.name: p.read_bytes() for p in out.glob("broken.*")}
    assert after == before  # the previous good report is untouched
    assert not (out / ".tmp").exists()
    assert "last run failed" in (out / "index.html").read_text(encoding="utf-8")


def test_parallel_batch_of_small_notebooks(tmp_path, monkeypatch):
    from ftzdata.report import schedule

    monkeypatch.setattr(schedule, "_path", lambda: tmp_path / "cache" / schedule.FILE)
    nbdir, out = tmp_path / "nbs", tmp_path / "out"
    nbdir.mkdir()
    for name in ("one", "two", "three"):
        (nbdir / f"{name}.py").write_text(GOOD.replace('check("broken"', f'check("{name}"'), encoding="utf-8")
    specs = params.discover(nbdir)
    jobs = [batch.Job(specs[n], dict(specs[n].parameters), out, ("html",)) for n in ("one", "two", "three")]
    results = batch.build_many(jobs, n_jobs=2, progress=False)
    assert [r.status for r in results] == ["built"] * 3, [r.message for r in results]
    assert sorted(p.name for p in out.glob("*.html")) == ["index.html", "one.html", "three.html", "two.html"]
    assert not list(out.glob("*.pdf")) and not list(out.glob("*.ipynb"))
    seconds = {r.name: r.seconds for r in results}
    assert schedule._known() == pytest.approx(seconds, abs=1e-3)  # remembered for the next build's order
    names = ["one", "two", "three"]  # the record keeps milliseconds: reports within 1 ms of each other tie
    assert [names[i] for i in schedule.longest_first(names)] \
        == sorted(names, key=lambda n: (-round(seconds[n], 3), names.index(n)))
    again = batch.build_many(jobs, n_jobs=2, progress=False)
    assert [r.status for r in again] == ["skipped"] * 3


def test_reports_are_handed_out_longest_first_and_new_ones_before_them(tmp_path, monkeypatch):
    """Two workers end together when the longest reports go first; one never built here goes before them (its
    time is unknown), in the order given. An unreadable record of times orders nothing and is replaced."""
    from ftzdata.report import schedule

    path = tmp_path / schedule.FILE
    monkeypatch.setattr(schedule, "_path", lambda: path)
    names = ["overview", "new-a", "short", "long", "new-b"]
    assert schedule.longest_first(names) == [0, 1, 2, 3, 4]  # nothing known: as given
    schedule.remember({"overview": 2.5, "short": 0.6, "long": 1.9})
    assert [names[i] for i in schedule.longest_first(names)] == ["new-a", "new-b", "overview", "long", "short"]
    path.write_text("{not json", encoding="utf-8")
    assert schedule.longest_first(names) == [0, 1, 2, 3, 4]
    schedule.remember({"short": 0.7})
    assert schedule._known() == {"short": 0.7}
    monkeypatch.setattr(schedule, "KEEP", 3)  # the file keeps the reports built last
    for name in ("a", "b", "c", "short"):
        schedule.remember({name: 1.0})
    assert list(schedule._known()) == ["b", "c", "short"]


def test_index_links_the_dataset_files(tmp_path):
    from ftzdata.report.index import write_index

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "metrics.csv").write_text("metric_id\n", encoding="utf-8")
    page = write_index(tmp_path).read_text(encoding="utf-8")
    assert 'href="data/metrics.csv"' in page


@pytest.fixture(scope="module")
def other_reports(tmp_path_factory):
    """overview in Chinese and metric_comparison for money, HTML only (the PDF path is tested above)."""
    out = tmp_path_factory.mktemp("other")
    for args in (["overview", "-p", "lang", "zh"], ["metric_comparison", "-p", "kind", "money"]):
        proc = _run_cli("report", *args, "--out", str(out), "--formats", "ipynb,html", "-q")
        assert proc.returncode == 0, proc.stderr
    return out


def _page_text(path: Path) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_overview_lists_every_claim_with_its_quote(other_reports):
    text = _page_text(other_reports / "overview-zh.html")
    metrics = ftzdata.metrics()
    missing = [q for q in metrics["quote"] if q not in text]
    assert not missing
    for kind in ("duration", "count", "money"):  # the largest cuts of each kind are named
        assert nb_label(kind) in text
    assert "Fujian" not in text and "福建" in text  # the Chinese report names zones in Chinese
    from ftzdata.plot import labels

    # every case's domain, including the Tianjin items whose domain was assigned (no domain_zh of their own)
    for domain in ftzdata.cases()["domain"].unique():
        assert labels.domain(domain, "zh") in text, domain


def nb_label(kind: str) -> str:
    from ftzdata.plot import labels

    return labels.kind(kind, "zh")


def test_metric_comparison_ranks_with_quotes_and_caveats(other_reports):
    text = _page_text(other_reports / "metric_comparison-money.html")
    money = ftzdata.metrics(kind="money")
    for quote in money["quote"]:
        assert quote in text
    assert "two TEU" in text  # per container and per TEU figures are both present: the caveat says so
    from ftzdata.report import nb

    ranked = nb.rank(money)["label_en"].tolist()
    assert ranked[0] != ranked[-1]
    assert text.index(ranked[0]) < text.index(ranked[-1])


def test_two_builds_give_the_same_html_and_pdf_bytes(tmp_path):
    """Cell ids come from the notebook's content (jupytext would make random ones): HTML and PDF repeat."""
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    chart = '\n# %%\nimport pandas as pd\nnb.barh(pd.Series({"a": 1, "b": 2, "c": 3}), lang, "n", "n")\n'
    (nbdir / "same.py").write_text(GOOD.replace('check("broken"', 'check("same"') + chart, encoding="utf-8")
    specs = params.discover(nbdir)
    outputs = []
    for run in ("a", "b"):
        job = batch.Job(specs["same"], dict(specs["same"].parameters), tmp_path / run, ("html", "pdf"))
        [res] = batch.build_many([job], n_jobs=1, progress=False)
        assert res.status == "built", res.message
        outputs.append({fmt: (tmp_path / run / f"same.{fmt}").read_bytes() for fmt in ("html", "pdf")})
    assert 'id="cell-id=' in outputs[0]["html"].decode("utf-8")
    assert outputs[0]["html"].count(b'<svg class="chart"') == 1  # the chart's SVG repeats too
    assert outputs[0] == outputs[1]


def test_every_chart_fits_an_a4_page_under_its_heading(other_reports):
    """A chart taller than the page's text height (A4 less margins: 259 mm) spilled past the footer."""
    from ftzdata.plot.theme import MAX_HEIGHT

    page = (other_reports / "overview-zh.html").read_text(encoding="utf-8")
    heights = [float(h) for h in re.findall(r'<svg class="chart"[^>]*?\sheight="([\d.]+)pt"', page)]
    assert len(heights) >= 3
    text_height_pt = (297 - 18 - 20) / 25.4 * 72
    assert max(heights) <= MAX_HEIGHT * 72 + 0.5 < text_height_pt - 30  # room for the heading


def test_the_corpus_key_changes_with_any_file_of_the_folder_and_only_then(seeds_copy):
    from ftzdata.report.batch import corpus_key

    first = corpus_key(str(seeds_copy))
    assert corpus_key(str(seeds_copy)) == first
    review = seeds_copy / "mofcom-2015-best-practices.review.csv"
    review.write_bytes(review.read_bytes() + b"\n")
    edited = corpus_key(str(seeds_copy))
    assert edited != first
    (seeds_copy / "notes").mkdir()
    (seeds_copy / "notes" / "a.txt").write_text("x", encoding="utf-8")  # a file in a subfolder counts too
    assert corpus_key(str(seeds_copy)) not in (first, edited)


def test_the_build_loads_nbformat_without_compiling_the_iri_grammars():
    """jsonschema (under nbformat) imports rfc3987-syntax when installed, which compiles 38 grammars
    (~1 s in every build process); the build imports nbformat without it, and leaves it importable."""
    code = ("import sys, importlib.util, ftzdata.report.execute, jsonschema\n"
            "print('jsonschema' in sys.modules, 'rfc3987_syntax' in sys.modules,\n"
            "      importlib.util.find_spec('rfc3987_syntax') is not None)\n"
            "import rfc3987_syntax\n")
    if importlib.util.find_spec("rfc3987_syntax") is None:
        pytest.skip("rfc3987-syntax is not installed here: nothing to avoid")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "False", "True"]
