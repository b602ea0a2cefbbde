"""Plain papermill on the report notebooks: a misspelt or bad parameter fails in one line, and
``papermill --help-notebook`` shows each parameter's type and allowed values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

from conftest import ROOT
from ftzdata.report.params import KINDS, LANGS, ParamError, check_injected, corpus_zones, discover

PAPERMILL = str(Path(sys.executable).parent / "papermill")


@pytest.fixture(scope="module")
def ipynb(tmp_path_factory) -> dict[str, Path]:
    """Each notebook as the ``.ipynb`` papermill reads (``jupytext --to ipynb``, as the README says)."""
    folder = tmp_path_factory.mktemp("ipynb")
    out = {}
    for name, spec in discover(ROOT / "notebooks").items():
        out[name] = folder / f"{name}.ipynb"
        jupytext.write(jupytext.read(spec.path), out[name])
    return out


def _papermill(ipynb: Path, *args) -> subprocess.Popen:
    return subprocess.Popen([PAPERMILL, str(ipynb), str(ipynb.with_name("out.ipynb")), *args], cwd=ipynb.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _what_the_kernel_said(stderr: str) -> list[str]:
    """The lines papermill prints for the failing cell (after its own traceback)."""
    return [ln for ln in stderr.split('Exception encountered at "In [', 1)[1].splitlines()[1:] if ln.strip()]


def test_a_misspelt_or_bad_parameter_fails_in_one_line(ipynb):
    zones = corpus_zones()
    runs = {  # started together: each one starts a kernel
        "misspelt": _papermill(ipynb["zone_profile"], "-p", "zon", "Fujian"),
        "value": _papermill(ipynb["zone_profile"], "-p", "zone", "Narnia"),
        "type": _papermill(ipynb["metric_comparison"], "-p", "corpus", "3"),
    }
    said = {}
    for what, proc in runs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode != 0, (what, err)
        said[what] = _what_the_kernel_said(err)
    assert said["misspelt"] == ["ftzdata: error: unknown parameter 'zon' for notebook 'zone_profile'; "
                                "allowed: zone, lang, corpus"]
    assert said["value"] == [f"ftzdata: error: invalid value zone='Narnia' for notebook 'zone_profile'; "
                             f"allowed: {', '.join(zones)}"]
    assert said["type"] == ["ftzdata: error: invalid value corpus=3 for notebook 'metric_comparison'; expected str"]


def test_help_notebook_shows_each_parameters_type_and_allowed_values(ipynb):
    allowed = {"zone": corpus_zones(), "kind": KINDS, "lang": LANGS}
    for name, path in ipynb.items():
        got = subprocess.run([PAPERMILL, "--help-notebook", str(path)], capture_output=True, text=True, timeout=60)
        assert got.returncode == 0, got.stderr
        text = " ".join(got.stdout.split())
        for param, default in discover(ROOT / "notebooks")[name].parameters.items():
            assert f'{param}: {type(default).__name__} (default "{default}")' in text, (name, param)
            if param in allowed:
                assert f"one of: {', '.join(allowed[param])}" in text, (name, param)


def _namespace(declared: str, injected: str | None) -> dict:
    """A kernel's namespace after the parameters cell and (if any) papermill's injected cell."""
    history = ["", declared] + ([injected] if injected is not None else [])
    return {"In": history}


DECLARED = 'zone: str = "Shanghai"\nlang: str = "en"\ncorpus: str = ""\n'


def test_check_injected_names_all_unknown_parameters():
    ns = _namespace(DECLARED, '# Parameters\nzon = "Fujian"\nlnag = "zh"\n')
    with pytest.raises(ParamError, match=r"^unknown parameters 'zon', 'lnag' for notebook 'zone_profile'; "
                                         r"allowed: zone, lang, corpus$"):
        check_injected(ns, "zone_profile", zone="Shanghai", lang="en", corpus="")


def test_check_injected_accepts_declared_parameters_and_runs_without_papermill():
    ns = _namespace(DECLARED, '# Parameters\nzone = "Fujian"\nlang = "zh"\n')
    assert check_injected(ns, "zone_profile", zone="Fujian", lang="zh", corpus="")["zone"] == "Fujian"
    assert check_injected({}, "zone_profile", zone="Fujian", lang="en", corpus="")["lang"] == "en"  # Jupyter, a script
    with pytest.raises(ParamError, match="invalid value lang='fr'"):  # values are checked without papermill too
        check_injected({}, "zone_profile", zone="Fujian", lang="fr", corpus="")


def test_a_validation_error_renders_as_one_line_in_ipython():
    lines = ParamError("invalid value lang='fr'; allowed: en, zh")._render_traceback_()
    assert lines == ["ftzdata: error: invalid value lang='fr'; allowed: en, zh"]
