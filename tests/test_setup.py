"""The project's set-up: pyproject and environment.yml agree; CI runs the README's test command."""

import re
import tomllib

import yaml

from conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_names_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]} | {_name(r) for extra in ("test", "lab") for r in project["optional-dependencies"][extra]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip = set(), set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip |= {_name(d) for d in dep["pip"]}
        else:
            conda.add(_name(dep))
    conda -= {"python", "pip", "poppler"}  # the interpreter, the installer, and the PDF tools
    assert conda | pip == wanted


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "bash run.sh test" in readme and "bash run.sh build" in readme
    assert re.search(r"^bash run.sh test$", ci, re.M)


def test_the_readme_python_examples_run(tmp_path, monkeypatch):
    """Every ```python block of the README runs as written (charts saved into a temporary folder)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}  # one session, as a reader pastes them in order
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    plt.close("all")
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == ["before_after.png", "before_after.svg"]


def test_build_and_the_command_line_start_the_kernel_template_before_pandas():
    """``python -m ftzdata.build --reports`` and ``ftzdata reports`` / ``report`` start the reports' kernel
    template before they import pandas (or the corpus and export modules), so that it boots while they do."""
    import subprocess
    import sys

    calls = {"build": "ftzdata.build.main(['--reports', '--out', 'x', '--formats', 'html,pdf', '--jobs', '2'])",
             "reports": "ftzdata.cli.main(['reports', '--out', 'x', '--formats', 'html', '--lang', 'zh'])",
             "report": "ftzdata.cli.main(['report', 'zone_profile', '-p', 'zone', 'Fujian', '--out', 'x'])"}
    for name, call in calls.items():
        code = ("import sys\n"
                "import ftzdata.build, ftzdata.cli\n"
                "from ftzdata.report import template\n"
                "def first(corpus, clients):\n"
                "    print('pandas' in sys.modules, clients)\n"
                "    raise SystemExit(0)\n"
                "template.start_early = first\n"
                f"{call}\n")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert proc.returncode == 0, (name, proc.stderr)
        assert proc.stdout.split() == ["False", "1" if name == "report" else "2" if name == "build" else
                                       str(__import__("os").cpu_count() or 1)], (name, proc.stdout)


def test_import_is_light_and_every_public_name_resolves():
    """``import ftzdata`` loads no pandas (the command line starts its work at once); each name of
    ``__all__`` then resolves, and importing a submodule named like a function keeps the function."""
    import subprocess
    import sys

    code = ("import sys, ftzdata\n"
            "light = 'pandas' not in sys.modules\n"
            "import ftzdata.metrics, ftzdata.cases, ftzdata.consistency, ftzdata.normalize\n"
            "names = [n for n in ftzdata.__all__ if getattr(ftzdata, n, None) is None]\n"
            "calls = [n for n in ('metrics', 'cases', 'consistency', 'normalize') if not callable(getattr(ftzdata, n))]\n"
            "print(light, names, calls, len(ftzdata.metrics()) > 0, set(ftzdata.__all__) <= set(dir(ftzdata)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "[]", "[]", "True", "True"], out.stdout
