"""JupyterLab: the set-up gives a lab that opens ``notebooks/*.py`` as notebooks, and saving one from the
lab changes nothing but what the user changed (no header rewrite, so no git diff and no rebuild)."""

from __future__ import annotations

import asyncio
import difflib
import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT

jupyter_server = pytest.importorskip("jupyter_server", reason="JupyterLab is installed by `bash run.sh setup`")

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))


@pytest.fixture
def lab(tmp_path):
    """The contents manager the lab uses (jupytext's, over jupyter_server's default) on a copy of notebooks/."""
    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

    folder = tmp_path / "notebooks"
    folder.mkdir()
    for path in [*NOTEBOOKS, ROOT / "notebooks" / "jupytext.toml"]:
        shutil.copy2(path, folder)
    return build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(root_dir=str(tmp_path))


def _open_and_save(cm, name: str, edit=None) -> None:
    async def run():
        model = await cm.get(f"notebooks/{name}", content=True, type="notebook")
        assert model["type"] == "notebook" and model["content"]["cells"]
        if edit:
            edit(model["content"])
        await cm.save(model, f"notebooks/{name}")

    asyncio.run(run())


@pytest.mark.parametrize("source", NOTEBOOKS, ids=lambda p: p.stem)
def test_saving_a_notebook_from_the_lab_changes_nothing(lab, source):
    _open_and_save(lab, source.name)
    assert (Path(lab.root_dir) / "notebooks" / source.name).read_bytes() == source.read_bytes()


def test_saving_after_an_edit_changes_only_the_edit(lab):
    source = ROOT / "notebooks" / "overview.py"

    def edit(nb):
        cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
        cell["source"] = cell["source"].replace('lang: str = "en"', 'lang: str = "zh"')

    _open_and_save(lab, source.name, edit)
    saved = (Path(lab.root_dir) / "notebooks" / source.name).read_text(encoding="utf-8")
    changed = [ln for ln in difflib.unified_diff(source.read_text(encoding="utf-8").splitlines(), saved.splitlines(),
                                                 lineterm="", n=0) if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]
    assert [ln[1:].split("#")[0].strip() for ln in changed] == ['lang: str = "en"', 'lang: str = "zh"']


def test_the_lab_opens_python_scripts_as_jupytext_notebooks(tmp_path):
    from jupyterlab_server.settings_utils import _get_overrides

    (tmp_path / "overrides.d").mkdir()
    shutil.copy2(ROOT / "lab" / "ftzdata.json", tmp_path / "overrides.d")
    overrides, error = _get_overrides(str(tmp_path))  # as the lab reads its settings folder
    assert not error
    viewer = overrides["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"]["python"]
    extension = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "jupyterlab-jupytext"
    assert any(f'"{viewer}"' in js.read_text(encoding="utf-8", errors="replace")  # a viewer the extension registers
               for js in (extension / "static").glob("*.js"))


def test_run_sh_set_up_the_lab_of_the_project_venv():
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        pytest.skip("not the venv of `bash run.sh setup`")
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "ftzdata.json"
    assert json.loads(installed.read_text()) == json.loads((ROOT / "lab" / "ftzdata.json").read_text())
    assert shutil.which("jupyter-lab", path=str(Path(sys.prefix) / "bin"))
