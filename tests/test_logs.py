"""Unattended runs: one timestamped line per report off a terminal (no carriage returns), and
``bash run.sh build ARGS`` can pass the same ARGS to the dataset step and the report steps."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from ftzdata import build
from ftzdata.cli import build_parser as cli_parser
from ftzdata.report import batch
from ftzdata.report.params import discover

LINE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d) (built|up to date|failed) (\S+)(?: \((\d+\.\d\d?) s; ([a-z ]+)\))?$")


def _options(parser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings}


def test_the_dataset_step_accepts_every_option_of_the_report_steps():
    reports = next(a for a in cli_parser()._actions if a.dest == "command").choices["reports"]
    assert _options(reports) <= _options(build.build_parser())


def test_the_dataset_step_with_report_options(tmp_path, capsys):
    assert build.main(["-q", "--jobs", "1", "--lang", "zh", "--formats", "pdf", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""  # -q
    assert (tmp_path / "data" / "metrics.csv").is_file()
    with pytest.raises(SystemExit) as exc:  # checked as `ftzdata reports` checks it
        build.main(["--jobs", "0", "--out", str(tmp_path)])
    assert exc.value.code == 2
    assert "invalid --jobs '0'; allowed: a whole number ≥ 1" in capsys.readouterr().err


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere():
    assert batch.progress_mode(True, _Tty()) == "bar"
    assert batch.progress_mode(True, io.StringIO()) == "lines"
    assert batch.progress_mode(False, _Tty()) is None


NOTEBOOK = '''# %% tags=["parameters"]
n: int = 1

# %%
print(n)
'''


def test_off_a_terminal_each_report_gets_one_timestamped_line(tmp_path, capsys):
    (tmp_path / "nb").mkdir()
    (tmp_path / "nb" / "tiny.py").write_text(NOTEBOOK, encoding="utf-8")
    spec = discover(tmp_path / "nb")["tiny"]
    out = tmp_path / "out"
    jobs = [batch.Job(spec, {"n": i}, out, ("ipynb",)) for i in (1, 2)]
    start = datetime.now().replace(microsecond=0)
    t0 = time.perf_counter()
    assert [r.status for r in batch.build_many(jobs, n_jobs=1)] == ["built", "built"]
    took = time.perf_counter() - t0
    err = capsys.readouterr().err
    assert "\r" not in err
    lines = [LINE.match(ln) for ln in err.splitlines()]
    assert all(lines), err
    assert sorted(m[3] for m in lines) == sorted(j.name for j in jobs)
    assert all(m[2] == "built" and 0 < float(m[4]) <= took + 0.05 for m in lines), err
    assert {m[5] for m in lines} == {"first build"}, err
    assert all(start <= datetime.fromisoformat(m[1]) <= datetime.now() for m in lines), err

    batch.build_many(jobs, n_jobs=1)  # nothing to do: still one line each
    again = [LINE.match(ln) for ln in capsys.readouterr().err.splitlines()]
    assert all(again) and [(m[2], m[3], m[4]) for m in again] == [("up to date", j.name, None) for j in jobs]


def test_a_rebuilt_reports_line_says_what_changed(tmp_path, capsys):
    """A scheduled run's log says why a report was built again: the notebook, a parameter, the corpus …"""
    nb = tmp_path / "nb" / "tiny.py"
    nb.parent.mkdir()
    nb.write_text(NOTEBOOK, encoding="utf-8")
    out = tmp_path / "out"

    def run(params, formats=("ipynb",), force=False):
        job = batch.Job(discover(nb.parent)["tiny"], params, out, formats)
        batch.build_many([job], n_jobs=1, force=force)
        return [LINE.match(ln)[5] for ln in capsys.readouterr().err.splitlines()]

    assert run({"n": 1}) == ["first build"]
    nb.write_text(NOTEBOOK + "print(n + 1)\n", encoding="utf-8")
    assert run({"n": 1}) == ["notebook changed"]
    assert run({"n": 1}, formats=("ipynb", "html")) == ["formats changed"]
    assert run({"n": 1}, formats=("ipynb", "html")) == [None]  # up to date
    assert run({"n": 1}, formats=("ipynb", "html"), force=True) == ["forced"]
    next(out.glob("tiny*.ipynb")).unlink()
    assert run({"n": 1}, formats=("ipynb", "html")) == ["outputs missing"]


def _run_sh_build(*args: str) -> list[list[str]]:
    """The commands ``bash run.sh build ARGS`` runs (its dry run: printed, not run), each as argv."""
    import os
    import shlex
    import subprocess

    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(["bash", str(root / "run.sh"), "build", *args], capture_output=True, text=True,
                          env={**os.environ, "RUN_SH_DRY_RUN": "1"}, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return [shlex.split(line) for line in proc.stdout.splitlines()]


def _report_langs(commands) -> list[str]:
    """The languages the report step builds, as `ftzdata reports` parses the options it is handed."""
    from ftzdata.report.params import LANGS

    langs = []
    for c in commands:
        if c[1:3] == ["-m", "ftzdata.build"] and "--reports" in c:
            lang = cli_parser().parse_args(["reports", *(a for a in c[3:] if a != "--reports")]).lang
            langs += list(LANGS) if lang == "all" else [lang]
    return langs


@pytest.mark.parametrize("lang_args", [["--lang", "en"], ["--lang=en"], ["--lang", "zh"]])
def test_run_sh_build_with_a_language_builds_only_that_set(lang_args):
    commands = _run_sh_build(*lang_args, "-q", "--out", "/tmp/out dir")
    want = lang_args[-1].split("=")[-1]
    assert _report_langs(commands) == [want]
    assert len(commands) == 1 and commands[0][1:3] == ["-m", "ftzdata.build"]  # one process for everything
    assert commands[0][-3:] == ["-q", "--out", "/tmp/out dir"]  # the ARGS reach it
    assert build.build_parser().parse_args(commands[0][3:]).out == "/tmp/out dir"


def test_run_sh_build_without_a_language_builds_both_sets():
    commands = _run_sh_build("--jobs", "1")
    assert _report_langs(commands) == ["en", "zh"]
    assert len(commands) == 1 and commands[0][-2:] == ["--jobs", "1"]


def test_the_dataset_step_builds_the_reports_in_the_same_process(tmp_path, capsys):
    """`python -m ftzdata.build --reports ARGS`: the dataset, then the report set as `ftzdata reports ARGS`
    builds it; a second run finds both up to date."""
    args = ["--reports", "--lang", "en", "--formats", "ipynb", "--jobs", "2", "--out", str(tmp_path)]
    assert build.main(args) == 0
    first = capsys.readouterr().out
    assert (tmp_path / "data" / "metrics.csv").is_file()
    built = sorted(p.name for p in tmp_path.glob("*.ipynb"))
    assert built and all(not n.endswith("-zh.ipynb") for n in built), built
    assert "wrote" in first and f"{len(built)} built" in first
    assert build.main(args) == 0
    again = capsys.readouterr().out
    assert "dataset up to date" in again and f"0 built, {len(built)} up to date" in again
    # a new process finds everything up to date without importing pandas (the rerun's floor is Python's start)
    probe = ("import sys; from ftzdata import build; code = build.main(sys.argv[1:]); "
             "print('pandas imported' if 'pandas' in sys.modules else 'no pandas'); sys.exit(code)")
    proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert f"0 built, {len(built)} up to date" in proc.stdout and "no pandas" in proc.stdout, proc.stdout
