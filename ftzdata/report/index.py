"""``index.html``: every report of an output folder, with links to its PDF, HTML and notebook."""

from __future__ import annotations

import html
import json
from pathlib import Path

from ftzdata.atomic import atomic_write_bytes

from .render_html import page_css

__all__ = ["write_index"]


def _states(out: Path) -> list[dict]:
    states = []
    for path in sorted((out / ".state").glob("*.json")):
        try:
            states.append(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            continue
    return states


LANG_NAMES = {"en": "English", "zh": "中文 (Chinese)"}


def _group_key(st: dict) -> tuple:
    """Reports grouped by kind (the known notebooks first, in their order), then language."""
    from .params import TITLES

    known = list(TITLES)
    nb = st.get("notebook", "")
    lang = st.get("params", {}).get("lang", "en")
    return (known.index(nb) if nb in known else len(known), nb, list(LANG_NAMES).index(lang)
            if lang in LANG_NAMES else len(LANG_NAMES), lang)


def _order_in_group(st: dict) -> tuple:
    """Within a group: zones and kinds in the vocabulary's order (as in the charts), others by name."""
    from ftzdata.vocab import ZONES

    from .params import KINDS

    params = st.get("params", {})
    zone, kind = params.get("zone"), params.get("kind")
    return (list(ZONES).index(zone) if zone in ZONES else len(ZONES),
            list(KINDS).index(kind) if kind in KINDS else len(KINDS), st["name"])


def _group_heading(key: tuple) -> str:
    from .params import TITLES

    nb, lang = key[1], key[3]
    title = TITLES.get(nb, (nb.replace("_", " ").capitalize(),) * 2)[0]
    return f'<tr class="group"><th colspan="7">{html.escape(title)} — {html.escape(LANG_NAMES.get(lang, lang))}</th></tr>'


def write_index(out: Path) -> Path:
    """Write ``out/index.html``: the reports grouped by kind of report, then language."""
    out = Path(out)
    rows = []
    states = sorted(_states(out), key=lambda st: (_group_key(st), _order_in_group(st)))
    group = None
    for st in states:
        if _group_key(st) != group:
            group = _group_key(st)
            rows.append(_group_heading(group))
        files = st.get("files", {})
        links = " · ".join(
            f'<a href="{html.escape(files[fmt])}">{label}</a>'
            for fmt, label in (("pdf", "PDF"), ("html", "HTML"), ("ipynb", "notebook"))
            if fmt in files and (out / files[fmt]).is_file()
        )
        params = ", ".join(f"{k} = {v}" for k, v in st.get("params", {}).items())
        failed = (out / "_failed" / f"{st['name']}.ipynb").is_file()
        rows.append(
            "<tr>"
            f"<td><strong>{html.escape(st['name'])}</strong><br><small>{html.escape(st.get('title', ''))}</small></td>"
            f"<td>{html.escape(st.get('notebook', ''))}</td>"
            f"<td>{html.escape(params)}</td>"
            f"<td>{links}</td>"
            f"<td>{html.escape(str(st.get('data_date') or ''))}</td>"
            f"<td>{html.escape(str(st.get('version') or ''))}</td>"
            f"<td>{html.escape(st.get('built', ''))}{' <em>(last run failed)</em>' if failed else ''}</td>"
            "</tr>"
        )
    failed_only = sorted(
        p.stem for p in (out / "_failed").glob("*.ipynb") if p.stem not in {s["name"] for s in states}
    ) if (out / "_failed").is_dir() else []
    for name in failed_only:
        rows.append(
            f'<tr><td><strong>{html.escape(name)}</strong></td><td colspan="6"><em>failed</em>: '
            f'<a href="_failed/{html.escape(name)}.ipynb">executed notebook</a></td></tr>'
        )
    data = sorted(p for p in (out / "data").glob("*") if p.is_file()) if (out / "data").is_dir() else []
    data_html = ""
    if data:
        links = " · ".join(f'<a href="data/{html.escape(p.name)}">{html.escape(p.name)}</a>' for p in data)
        data_html = ("<h2>Dataset</h2><p>The tables behind the reports (CSV, Parquet, Stata, Excel; "
                     f"<code>datapackage.json</code> describes every field and unit): {links}</p>")
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>ftzdata reports</title>'
        f"<style>{page_css()}\nmain.report {{ max-width: 72rem; }}</style></head><body><main class=\"report\">"
        '<header class="title-block"><h1>ftzdata reports</h1></header>'
        '<table class="ftz-table"><thead><tr><th>Report</th><th>Notebook</th><th>Parameters</th>'
        "<th>Files</th><th>Data as of</th><th>ftzdata</th><th>Built</th></tr></thead><tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>" + data_html + "</main></body></html>\n"
    )
    # a uniquely named temporary file, then a rename: concurrent writers never see a half-written page,
    # and a full disk leaves the previous index (and no temporary file)
    return atomic_write_bytes(out / "index.html", page.encode("utf-8"))
