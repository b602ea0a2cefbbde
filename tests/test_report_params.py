"""Parameter validation: bad input is refused before any kernel starts, in one line, exit 2, nothing written."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ftzdata.cli import main
from ftzdata.report import params
from ftzdata.report.params import ParamError, check, default_set, report_name, resolve

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "argv, needle, allowed",
    [
        (["report", "nope"], "unknown notebook 'nope'", "overview"),
        (["report", "overview", "-p", "zone", "Fujian"], "unknown parameter 'zone'", "lang"),
        (["report", "zone_profile", "-p", "zone", "Beijing"], "zone='Beijing'", "Fujian"),
        (["report", "metric_comparison", "-p", "kind", "speed"], "kind='speed'", "duration, count, money, ratio"),
        (["report", "overview", "-p", "lang", "fr"], "lang='fr'", "en, zh"),
        (["report", "overview", "--formats", "pdf,docx"], "unknown format docx", "ipynb, html, pdf"),
        (["reports", "--lang", "fr"], "invalid choice: 'fr'", "en"),
        (["reports", "--jobs", "0"], "invalid --jobs", "≥ 1"),
    ],
)
def test_bad_input_exit_2_one_line_nothing_written(tmp_path, capsys, argv, needle, allowed):
    out = tmp_path / "out"
    with pytest.raises(SystemExit) if argv[-2] in ("--lang", "--jobs", "--formats") else _no_raise() as exc:
        code = main([*argv, "--out", str(out)])
    if exc is not None and getattr(exc, "value", None) is not None:
        code = exc.value.code
    assert code == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert needle in lines[0] and allowed in lines[0]
    assert not out.exists()


class _no_raise:
    value = None

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def test_cli_subprocess_refuses_fast_without_kernel(tmp_path):
    """The real command: exit 2, one line, no output folder, well under a kernel's start-up time."""
    out = tmp_path / "reports"
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "ftzdata", "report", "zone_profile", "-p", "zone", "Beijing", "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    elapsed = time.perf_counter() - t0
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "allowed: Shanghai, Guangdong, Tianjin, Fujian" in proc.stderr
    assert not out.exists()
    assert "ipykernel" not in sys.modules or True  # (separate process: checked by timing instead)
    assert elapsed < 10


def test_parameters_file_is_validated(tmp_path, capsys):
    pfile = tmp_path / "p.yaml"
    pfile.write_text("zone: Atlantis\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "zone_profile", "-f", str(pfile), "--out", str(out)]) == 2
    assert "zone='Atlantis'" in capsys.readouterr().err
    assert not out.exists()


def test_parameters_file_not_a_mapping(tmp_path, capsys):
    pfile = tmp_path / "p.yaml"
    pfile.write_text("- a\n- b\n", encoding="utf-8")
    assert main(["report", "overview", "-f", str(pfile), "--out", str(tmp_path / "o")]) == 2
    assert "mapping" in capsys.readouterr().err


def test_check_lists_allowed_values():
    assert check("zone_profile", zone="Fujian", lang="zh") == {"zone": "Fujian", "lang": "zh"}
    with pytest.raises(ParamError, match="allowed: duration, count, money, ratio"):
        check("metric_comparison", kind="weight")


def test_notebooks_and_their_parameters():
    specs = params.discover()
    assert {"overview", "zone_profile", "metric_comparison"} <= set(specs)
    assert specs["overview"].parameters == {"lang": "en", "corpus": ""}
    assert set(specs["zone_profile"].parameters) == {"zone", "lang", "corpus"}
    assert set(specs["metric_comparison"].parameters) == {"kind", "lang", "corpus"}
    for spec in specs.values():  # defaults obey the rules
        check(spec.name, **spec.parameters)


def test_default_set_and_names():
    en = default_set("en")
    assert len(en) == 9
    names = [report_name(nb, p) for nb, p in en]
    assert names[0] == "overview"
    assert "zone_profile-Fujian" in names and "metric_comparison-duration" in names
    zh = [report_name(nb, p) for nb, p in default_set("zh")]
    assert "overview-zh" in zh and "zone_profile-Fujian-zh" in zh
    assert len(set(names) | set(zh)) == 18


def test_values_are_coerced_to_the_default_type(tmp_path):
    (tmp_path / "typed.py").write_text(
        '# %% tags=["parameters"]\nn = 1\nratio = 0.5\nflag = False\nlabel = "a"\n\n# %%\nprint(n)\n',
        encoding="utf-8",
    )
    spec, full = resolve("typed", {"n": "3", "ratio": "2.5", "flag": "true", "label": "7"}, directory=tmp_path)
    assert full == {"n": 3, "ratio": 2.5, "flag": True, "label": "7"}
    with pytest.raises(ParamError, match="expected int"):
        resolve("typed", {"n": "three"}, directory=tmp_path)
    assert report_name("typed", full) == "typed-3-2.5-True-7"
