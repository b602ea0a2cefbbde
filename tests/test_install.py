"""What a pip user gets: the wheel ships the package, the seeds and the report notebooks; installed into a
fresh virtual environment it builds a report from any folder. The sdist holds nothing that git ignores.

The venv is made fast: created with the project's interpreter, without pip, and given a ``.pth`` line
that points at the project venv's site-packages, so that dependencies are found without downloading
anything (a path added by a ``.pth`` line is not scanned for ``.pth`` files itself, so the project's
editable install does not leak in); the wheel goes in with ``--no-deps``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import ftzdata
from conftest import ROOT

pytestmark = pytest.mark.install


def _hatchling_build(target: str, dest: Path) -> Path:
    """Build ``target`` (wheel or sdist) of the checkout into ``dest``; the archive's path."""
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", target, "-d", str(dest)], cwd=ROOT,
                   check=True, capture_output=True, text=True)
    (archive,) = dest.glob("*.whl" if target == "wheel" else "*.tar.gz")
    return archive


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dist")


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    return _hatchling_build("wheel", dist)


def _repo_notebooks() -> list[str]:
    return sorted(p.name for p in (ROOT / "notebooks").glob("*.py"))


def test_the_wheel_ships_every_notebook_and_nothing_executed(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(Path(n).name for n in names if n.startswith("ftzdata/notebooks/"))
    assert shipped == _repo_notebooks()
    assert not [n for n in names if n.endswith(".ipynb") or ".ipynb_checkpoints" in n]
    assert "ftzdata/seeds/manifest.csv" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_the_wheel_metadata_carries_the_version_license_and_classifiers(wheel):
    (meta,) = [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/METADATA")]
    text = zipfile.ZipFile(wheel).read(meta).decode()
    assert f"\nVersion: {ftzdata.__version__}\n" in text  # single-sourced from ftzdata/__init__.py
    assert "Classifier: License :: OSI Approved :: MIT License" in text
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")


def _not_ignored_by_git() -> set[str]:
    """The checkout's files that git tracks or would track (not ignored by any .gitignore)."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         check=True, capture_output=True).stdout
    return {p for p in out.decode().split("\0") if p}


def test_the_sdist_holds_nothing_git_ignores(dist):
    executed = ROOT / "notebooks" / "overview.ipynb"
    made = not executed.exists()
    if made:  # what a user who opened the notebook in Jupyter has beside the .py (ignored by git)
        executed.write_text("{}", encoding="utf-8")
    try:
        sdist = _hatchling_build("sdist", dist / "sdist")
    finally:
        if made:
            executed.unlink()
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile()}
    assert "notebooks/overview.py" in members and "LICENSE" in members
    assert members - {"PKG-INFO"} <= _not_ignored_by_git()


def _site_packages(venv: Path) -> Path:
    rel = Path(sysconfig.get_path("purelib")).relative_to(sys.prefix)
    return venv / rel


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed and the project's dependencies visible through a .pth."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = _site_packages(venv)
    (site / "_project_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
                    "--quiet", "--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True, text=True)
    return venv


def _user_env() -> dict:
    """The environment of a user outside the checkout. Jupyter's data files (nbconvert's templates), which
    a normal install puts under the venv's ``share/jupyter``, are found in the project venv's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FTZDATA_", "PYTHON", "VIRTUAL_ENV", "JUPYTER"))}
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    if "FTZDATA_CACHE_DIR" in os.environ:  # the font cache, as the rest of the suite uses it
        env["FTZDATA_CACHE_DIR"] = os.environ["FTZDATA_CACHE_DIR"]
    return env


def _run(venv: Path, cwd: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([str(venv / "bin" / args[0]), *args[1:]], cwd=cwd, env=_user_env(),
                          capture_output=True, text=True, timeout=120)


def test_the_installed_package_is_the_wheel_not_the_checkout(venv, tmp_path):
    got = _run(venv, tmp_path, "python", "-c", "import ftzdata, os, sys; print(ftzdata.__file__); print(*map(os.path.realpath, sys.path), sep='\\n')")
    assert got.returncode == 0, got.stderr
    path, *search = got.stdout.splitlines()
    assert Path(path).is_relative_to(venv), path
    assert ROOT.resolve() not in {Path(p) for p in search}
    version = _run(venv, tmp_path, "ftzdata", "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"ftzdata {ftzdata.__version__}")


def test_a_pip_user_builds_a_report_from_any_folder(venv, tmp_path):
    listed = _run(venv, tmp_path, "ftzdata", "notebooks")
    assert listed.returncode == 0, listed.stderr
    paths = {line.split("\t")[0]: Path(line.split("\t")[-1]) for line in listed.stdout.splitlines()}
    assert sorted(f"{n}.py" for n in paths) == _repo_notebooks()
    assert all(p.is_relative_to(venv) for p in paths.values()), paths

    out = tmp_path / "out"
    built = _run(venv, tmp_path, "ftzdata", "report", "zone_profile", "-p", "zone", "Fujian", "--out", str(out),
                 "--formats", "html", "-q")
    assert built.returncode == 0, built.stderr
    page = (out / "zone_profile-Fujian.html").read_text(encoding="utf-8")
    cases = ftzdata.cases()
    fujian = cases[cases["zone"] == "Fujian"]
    assert len(fujian) and all(title in page for title in fujian["title_en"].dropna())
    assert "Traceback" not in page
