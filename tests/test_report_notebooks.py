"""Source notebooks: Jupytext percent scripts, no outputs in git, one parameters cell, no typed numbers."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import jupytext
import pytest

from ftzdata.report.params import discover, notebook_dir

NB_DIR = notebook_dir()
SOURCES = sorted(p for p in NB_DIR.glob("*.py"))


def test_there_are_report_notebooks():
    assert {p.stem for p in SOURCES} >= {"overview", "zone_profile", "metric_comparison"}


def test_ipynb_files_are_never_committed():
    ignore = (NB_DIR / ".gitignore").read_text(encoding="utf-8").split()
    assert "*.ipynb" in ignore
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    proc = subprocess.run(["git", "ls-files", "--", str(NB_DIR)], capture_output=True, text=True, cwd=NB_DIR)
    if proc.returncode != 0:
        pytest.skip("not a git checkout")
    assert not [f for f in proc.stdout.split() if f.endswith(".ipynb")]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_percent_notebook_structure(path):
    nb = jupytext.read(path, fmt="py:percent")
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged parameters"
    i = tagged[0]
    # plain literal assignments, each annotated with its type (papermill --help-notebook shows it)
    for node in ast.parse(nb.cells[i].source).body:
        assert isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Constant), ast.dump(node)
        assert ast.unparse(node.annotation) == type(node.value.value).__name__, ast.dump(node)
    nxt = nb.cells[i + 1]
    assert "validation" in nxt.metadata.get("tags", [])
    assert f'check_injected(globals(), "{path.stem}"' in nxt.source
    for name in discover(NB_DIR)[path.stem].parameters:
        assert f"{name}={name}" in nxt.source
    for cell in nb.cells:
        assert not cell.get("outputs") and not cell.get("execution_count")
        if cell.cell_type == "markdown":  # prose would not follow lang: it belongs in nb.say(lang, en=…, zh=…)
            assert "remove-cell" in cell.metadata.get("tags", []), cell.source


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_no_number_is_typed_into_a_notebook(path):
    nb = jupytext.read(path, fmt="py:percent")
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                pytest.fail(f"{path.name}: number {node.value!r} typed in cell:\n{cell.source}")
