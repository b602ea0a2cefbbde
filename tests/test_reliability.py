"""Interrupts that stop, outputs that stay whole, and one clear line for every bad input (issue 13, §3–§5).

The report runs here use tiny stand-in notebooks (the real ones are tested in test_report_build.py): a
cell that can be told to wait (``FTZ_TEST_SLEEP``) and to leave a mark when it starts (``FTZ_TEST_MARKS``),
so that an interrupt can be sent while kernels are busy.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import ftzdata
from ftzdata import atomic, build, export
from ftzdata.cli import main
from ftzdata.errors import ValidationError
from ftzdata.report import batch, params
from ftzdata.report.index import write_index
from ftzdata.schema import validate

ROOT = Path(__file__).resolve().parent.parent

BODY = '''
# %%
import os, pathlib, time
if os.environ.get("FTZ_TEST_MARKS"):
    pathlib.Path(os.environ["FTZ_TEST_MARKS"], str(os.getpid())).touch()
time.sleep(float(os.environ.get("FTZ_TEST_SLEEP", "0")))
print("report body")
'''
STAND_INS = {  # the parameters `ftzdata reports` passes to each notebook of the default set
    "overview": 'lang = "en"\n',
    "zone_profile": 'zone = "Shanghai"\nlang = "en"\n',
    "metric_comparison": 'kind = "duration"\nlang = "en"\n',
    "custom": 'city = "x"\nlang = "en"\n',
}
DIES = '# %% tags=["parameters"]\nlang = "en"\n\n# %%\nx = 1\n\n# %%\nimport os\nos._exit(3)\n'
BROKEN = '# %% tags=["parameters"]\nlang = (\n'


@pytest.fixture(scope="module")
def nbdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("notebooks")
    for name, parameters in STAND_INS.items():
        (d / f"{name}.py").write_text(f'# %% tags=["parameters"]\n{parameters}{BODY}', encoding="utf-8")
    (d / "dies.py").write_text(DIES, encoding="utf-8")
    (d / "broken.py").write_text(BROKEN, encoding="utf-8")  # must not affect the other notebooks
    return d


def _env(**extra) -> dict:
    env = dict(os.environ, FTZ_TEST_SLEEP="0", PYTHONFAULTHANDLER="1")  # a stack on SIGABRT, for a hang
    env.pop("FTZ_TEST_MARKS", None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def _cli(*args, env=None, **kw) -> subprocess.Popen:
    """The command as a terminal would start it: Ctrl-C at its default even when this suite runs in the
    background of a script (``pytest … &``), where SIGINT is ignored and a child would inherit that."""
    return subprocess.Popen([sys.executable, "-m", "ftzdata", *map(str, args)], cwd=ROOT, env=env or _env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_default_sigint, **kw)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run(*args, env=None, timeout=120) -> subprocess.CompletedProcess:
    p = _cli(*args, env=env)
    out, err = p.communicate(timeout=timeout)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def _alive(pids) -> list[int]:
    out = []
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            out.append(p)
    return out


def _wait_for(predicate, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def _busy_batch(nbdir, out, marks, sleep):
    """``ftzdata reports`` on 2 workers, in its own session, returned once both kernels run a cell."""
    marks.mkdir(exist_ok=True)
    proc = _cli("reports", "--notebooks", nbdir, "--out", out, "--formats", "html", "-q", "--force", "--jobs", "2",
                env=_env(FTZ_TEST_SLEEP=sleep, FTZ_TEST_MARKS=marks), start_new_session=True)
    assert _wait_for(lambda: len(list(marks.iterdir())) >= 2, 90), proc.communicate(timeout=5)
    return proc


def _communicate_or_dump_stacks(proc, family, timeout: float):
    """``proc.communicate(timeout=...)``; when it hangs, fail with the Python stack of every process of
    ``family`` still alive (faulthandler, enabled by ``_env``, prints it on SIGABRT) instead of a bare timeout."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        alive = _alive(family)
        for pid in alive:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGABRT)
        _, err = proc.communicate(timeout=30)
        pytest.fail(f"no exit {timeout} s after the signal; alive: {alive}; their stacks:\n{err}")


def _snapshot(out: Path) -> dict:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".lock"}


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")


# ----------------------------------------------------------------------------------------------
# §3 Interrupts and whole outputs


@needs_proc
def test_ctrl_c_stops_at_once_and_keeps_every_previous_report(nbdir, tmp_path):
    out = tmp_path / "out"
    (out / ".state").mkdir(parents=True)
    (out / "overview.html").write_text("the previous overview\n", encoding="utf-8")
    (out / ".state" / "overview.json").write_text('{"name": "overview"}', encoding="utf-8")
    before = _snapshot(out)
    proc = _busy_batch(nbdir, out, tmp_path / "marks", sleep=60)
    family = _descendants(proc.pid)
    assert len(family) >= 5  # the command, 2 workers, their kernels
    t0 = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
    _, err = _communicate_or_dump_stacks(proc, family, timeout=10)
    assert time.monotonic() - t0 < 5
    assert proc.returncode == 130
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "interrupted" in lines[0], err  # no traceback
    assert _wait_for(lambda: not _alive(family), 5), _alive(family)  # workers and kernels gone
    assert not (out / ".tmp").exists()
    assert _snapshot(out) == before


@needs_proc
def test_killed_parent_takes_workers_and_kernels_along_and_the_next_run_cleans_up(nbdir, tmp_path):
    out = tmp_path / "out"
    proc = _busy_batch(nbdir, out, tmp_path / "marks", sleep=2)  # orphans would finish 2 s later
    family = _descendants(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert _wait_for(lambda: not _alive(family), 5), _alive(family)
    time.sleep(2.5)
    assert not list(out.glob("*.html")), "a worker went on writing after its parent was killed"
    # what the killed run left is removed by the next one
    (out / ".index.html.x1y2z3.part").write_bytes(b"")
    (out / ".state").mkdir(exist_ok=True)
    (out / ".state" / ".overview.json.a1b2.part").write_bytes(b"{")
    proc = _run("report", "overview", "--notebooks", nbdir, "--out", out, "--formats", "html", "-q")
    assert proc.returncode == 0, proc.stderr
    assert not (out / ".tmp").exists()
    assert not list(out.glob(".*.part")) and not list((out / ".state").glob(".*.part"))
    assert (out / "overview.html").is_file()


def test_a_second_run_into_the_same_folder_waits_then_finds_it_up_to_date(nbdir, tmp_path):
    out, marks = tmp_path / "out", tmp_path / "marks"
    marks.mkdir()
    args = ("report", "overview", "--notebooks", nbdir, "--out", out, "--formats", "html", "-q")
    first = _cli(*args, env=_env(FTZ_TEST_SLEEP=2, FTZ_TEST_MARKS=marks))
    assert _wait_for(lambda: any(marks.iterdir()), 60)
    second = _run(*args)
    out1, err1 = first.communicate(timeout=60)
    assert first.returncode == 0 and "1 built" in out1, err1
    assert second.returncode == 0, second.stderr
    assert "another run" in second.stderr and str(out) in second.stderr
    assert "0 built, 1 up to date" in second.stdout
    assert len(list(marks.iterdir())) == 1  # the notebook ran once


def test_index_written_concurrently_is_never_missing_or_half_written(tmp_path):
    (tmp_path / ".state").mkdir()
    write_index(tmp_path)
    seen, errors, stop = [], [], threading.Event()

    def read():
        while not stop.is_set():
            try:
                seen.append((tmp_path / "index.html").read_text(encoding="utf-8"))
            except FileNotFoundError as exc:
                seen.append(exc)

    def write():
        for _ in range(40):
            try:
                write_index(tmp_path)
            except OSError as exc:  # two writers sharing one temporary name
                errors.append(exc)

    reader = threading.Thread(target=read)
    writers = [threading.Thread(target=write) for _ in range(6)]
    reader.start()
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    stop.set()
    reader.join()
    assert not errors
    assert seen and all(isinstance(s, str) and s.endswith("</html>\n") for s in seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".state", "index.html"]


def _enospc(fd, data):
    os.write(fd, data[: len(data) // 2])
    os.close(fd)
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_full_disk_keeps_the_previous_index_and_no_temporary_file(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("previous index\n", encoding="utf-8")
    monkeypatch.setattr(atomic, "_write_file", _enospc)
    with pytest.raises(OSError) as exc:
        write_index(tmp_path)
    assert exc.value.errno == errno.ENOSPC and exc.value.filename == str(tmp_path / "index.html")
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "previous index\n"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_full_disk_in_the_command_is_one_line(nbdir, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["report", "overview", "--notebooks", str(nbdir), "--out", str(out), "--formats", "html", "-q"]) == 0
    index = (out / "index.html").read_bytes()
    capsys.readouterr()
    monkeypatch.setattr(atomic, "_write_file", _enospc)
    code = main(["report", "overview", "--notebooks", str(nbdir), "--out", str(out), "--formats", "html", "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().count("\n") == 0 and f"cannot write {out / 'index.html'}: No space left on device" in err
    assert (out / "index.html").read_bytes() == index


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("build") / "data"
    build.write_data(data)
    return data


def test_an_interrupted_build_leaves_the_older_dataset_whole(dataset, monkeypatch):
    (dataset / "metrics.csv").write_bytes(b"an older metrics table\n")  # an older set, told apart from the new
    before = _snapshot(dataset)

    def interrupted(frames):
        raise KeyboardInterrupt  # after every CSV, Parquet and Stata file of the new set is written

    monkeypatch.setattr(export, "to_excel_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build.write_data(dataset)
    assert _snapshot(dataset) == before
    assert sorted(p.name for p in dataset.parent.iterdir() if p.name.startswith(".data")) == [".data.lock"]
    assert build.main(["--out", str(dataset.parent)]) == 130


def test_build_publishes_the_new_set_and_cleans_what_killed_runs_left(dataset, capsys):
    (dataset.parent / ".data-new-abc123").mkdir()
    (dataset.parent / ".data-new-abc123" / "metrics.csv").write_text("half\n", encoding="utf-8")
    (dataset.parent / ".data-old-def456").mkdir()
    assert build.main(["--out", str(dataset.parent)]) == 0
    assert sorted(p.name for p in dataset.parent.iterdir() if p.name.startswith(".data")) == [".data.lock"]
    assert (dataset / "metrics.csv").read_bytes() == export.to_csv_bytes(ftzdata.metrics())


# ----------------------------------------------------------------------------------------------
# §4 One clear line, never a traceback


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def _read_only(monkeypatch, folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root ignores permission bits: answer as the kernel would for others
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == folder else real(p, mode, **kw))


@pytest.mark.parametrize("where, needle", [("file", "is a file, not a folder"),
                                           ("file/sub", "which is a file"),
                                           ("ro/sub", "is read-only")])
def test_bad_out_folder_is_one_line_exit_2(tmp_path, monkeypatch, capsys, where, needle):
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    _read_only(monkeypatch, tmp_path / "ro")
    out = tmp_path / where
    assert main(["report", "overview", "--out", str(out)]) == 2
    line = _one_line(capsys)
    assert f"--out {out}" in line and needle in line
    assert build.main(["--out", str(out)]) == 2
    assert needle in _one_line(capsys)
    assert (tmp_path / "file").read_text(encoding="utf-8") == "not a folder\n"  # nothing written
    assert where == "file" or not out.exists()


def test_a_broken_notebook_affects_only_itself(nbdir, capsys):
    assert main(["notebooks", "--notebooks", str(nbdir)]) == 0
    captured = capsys.readouterr()
    assert "overview\tlang='en'" in captured.out and "broken" not in captured.out
    assert f"notebook 'broken' cannot be used: {nbdir / 'broken.py'}: line 2" in captured.err
    assert main(["report", "broken", "--notebooks", str(nbdir), "--out", str(nbdir / "never")]) == 2
    line = _one_line(capsys)
    assert str(nbdir / "broken.py") in line and "line 2" in line and "<unknown>" not in line
    spec, full = params.resolve("overview", {}, nbdir)  # the others resolve as before
    assert full == {"lang": "en"}


def test_parameters_file_that_is_not_utf8(tmp_path, capsys):
    pfile = tmp_path / "p.yaml"
    pfile.write_bytes("zone: 福建\n".encode("gb18030"))
    assert main(["report", "zone_profile", "-f", str(pfile), "--out", str(tmp_path / "out")]) == 2
    line = _one_line(capsys)
    assert str(pfile) in line and "not UTF-8" in line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv", [["notebooks"], ["report", "overview"], ["reports"]])
def test_missing_notebook_folder_is_named(tmp_path, capsys, argv):
    missing = tmp_path / "nonexistent"
    assert main([*argv, "--notebooks", str(missing)]) == 2
    line = _one_line(capsys)
    assert f"notebook folder {missing} (--notebooks) does not exist" in line


def test_long_and_non_ascii_values_get_short_distinct_names(nbdir, tmp_path):
    specs = params.discover(nbdir)
    values = ["x" * 300, "上海", "福建", "a b", "a_b", "Fujian"]
    names = [batch.Job(*params.resolve("custom", {"city": v}, specs=specs), tmp_path).name for v in values]
    assert len(set(names)) == len(values)
    assert names[-1] == "custom-Fujian"  # a plain value is kept as it is
    assert all(len(n) <= params.MAX_NAME for n in names)
    for n in names:  # every file a report writes can be created
        for f in (tmp_path / f"{n}.ipynb", tmp_path / ".state" / f".{n}.json.abcdefgh.part"):
            f.parent.mkdir(exist_ok=True)
            f.write_bytes(b"")
    many = {f"p{i}": "v" * 40 for i in range(10)}
    assert len(params.report_name("custom", many)) <= params.MAX_NAME


def test_a_dead_kernel_names_the_notebook_and_the_cell(nbdir, tmp_path):
    proc = _run("report", "dies", "--notebooks", nbdir, "--out", tmp_path / "out", "--formats", "html", "-q")
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines == ["ftzdata: error: notebook 'dies' failed in cell 2 ('import os'): the kernel died "
                     "(it exited or was killed; out of memory?)"], proc.stderr


# ----------------------------------------------------------------------------------------------
# §5 validate() and original_span


M = ftzdata.metrics()
BOTH = M.index[M["before"].notna() & M["after"].notna() & (M["before"] > 0)]


def _set(df, i, col, value):
    df[col] = df[col].astype(object)
    df.loc[i, col] = value


def _damaged(col, value, row=None):
    df = M.copy()
    i = BOTH[0] if row is None else row
    dtype = M[col].dtype
    _set(df, i, col, value)
    if isinstance(dtype, pd.CategoricalDtype):
        df[col] = df[col].astype(pd.CategoricalDtype(sorted(set(dtype.categories) | {value})))
    elif pd.api.types.is_float_dtype(dtype):
        df[col] = df[col].astype("float64")
    return df, i


def _message(df) -> str:
    with pytest.raises(ValidationError) as exc:
        validate(df)
    return str(exc.value)


def test_negative_amounts_and_inf_are_refused_by_row_and_column():
    i = BOTH[0]
    kind = M.loc[i, "kind"]
    df, _ = _damaged("before", -1.0)
    assert f"row {i} ({M.loc[i, 'metric_id']}): column before: value -1.0; allowed: ≥ 0 for kind {kind}" in _message(df)
    df, _ = _damaged("after", np.inf)
    assert f"row {i} ({M.loc[i, 'metric_id']}): column after: value inf; allowed: a finite number" in _message(df)


@pytest.mark.parametrize("col, formula", [("change", "after − before"), ("change_pct", "100 × change / before"),
                                          ("ratio", "after / before")])
def test_derived_values_that_contradict_before_and_after(col, formula):
    i = BOTH[0]
    wrong = float(M.loc[i, col]) + 7.0
    df, _ = _damaged(col, wrong)
    want = {"change": M.loc[i, "after"] - M.loc[i, "before"],
            "change_pct": 100 * M.loc[i, "change"] / M.loc[i, "before"],
            "ratio": M.loc[i, "after"] / M.loc[i, "before"]}[col]
    assert f"row {i} ({M.loc[i, 'metric_id']}): column {col}: value {wrong!r}; allowed: {formula} = {want:g}" in _message(df)


def test_direction_against_the_sign_of_the_change():
    i = M.index[(M["direction"] == "decrease") & (M["change_pct"] < 0)][0]
    df, _ = _damaged("direction", "increase", row=i)
    df["direction"] = df["direction"].astype(M["direction"].dtype)
    msg = _message(df)
    assert f"row {i} ({M.loc[i, 'metric_id']}): column change_pct: value {float(M.loc[i, 'change_pct'])!r}; allowed: ≥ 0 with direction 'increase'" in msg


def test_case_id_and_zone_must_fit_the_cases():
    cases = ftzdata.cases().set_index("case_id")
    i = 0
    df, _ = _damaged("case_id", "mofcom2015-99", row=i)
    msg = _message(df)
    assert f"row {i} ({M.loc[i, 'metric_id']}): column case_id: value 'mofcom2015-99'; allowed: a case_id of ftzdata.cases()" in msg
    right = cases.at[M.loc[i, "case_id"], "zone"]
    other = next(z for z in M["zone"].cat.categories if z != right)
    df, _ = _damaged("zone", other, row=i)
    df["zone"] = df["zone"].astype(M["zone"].dtype)
    msg = _message(df)
    assert f"row {i} ({M.loc[i, 'metric_id']}): column zone: value '{other}'; allowed: {right} (the zone of case" in msg


def test_missing_column_is_named():
    assert "missing column unit;" in _message(M.drop(columns=["unit"]))


def test_validate_uses_the_corpus_it_is_given(seeds_copy):
    corpus = ftzdata.Corpus(seeds_copy)
    assert len(validate(M, corpus=corpus)) == len(M)


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 2), (0, None), (1.5, 3)])
def test_original_span_refuses_bounds_outside_the_text(start, end):
    n = ftzdata.normalized_text("mofcom-2015-best-practices")
    end = len(n.text) + 1 if end is None else end
    with pytest.raises(ValueError, match=rf"0 ≤ start ≤ end ≤ {len(n.text)}"):
        n.original_span(start, end)
    assert n.original_span(len(n.text), len(n.text)) == (len(n.original), len(n.original))


def _processes_with(marker: str) -> list[int]:
    """Pids of live processes whose environment holds ``marker``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                if marker.encode() in fh.read():
                    found.append(int(pid))
        except OSError:
            pass
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_early_kernel_template_goes_when_the_command_stops_on_bad_input(tmp_path):
    """`ftzdata report` starts the kernel template before checking its arguments; a bad value still
    gets its one-line error, and no template process is left behind."""
    marker = f"FTZDATA_TEST_MARK=early-{os.getpid()}-{time.time_ns()}"
    env = {**os.environ, marker.split("=")[0]: marker.split("=")[1]}
    proc = subprocess.run([sys.executable, "-m", "ftzdata", "report", "zone_profile", "-p", "zone", "Atlantis",
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Atlantis" in proc.stderr and "allowed:" in proc.stderr
    assert not (tmp_path / "out").exists()
    deadline = time.monotonic() + 5
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_with(marker) == []
