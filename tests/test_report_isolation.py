"""Every report runs as if in a fresh kernel, although kernels are forked from one pre-imported template
process per worker (issue 15): nothing a notebook does reaches the next one built by the same worker.

A "setter" notebook changes every kind of process state a report could touch (a global, matplotlib
rcParams and style, NumPy's and Python's random state, an environment variable, the working folder,
a monkeypatched attribute of an imported module, a pandas option, a user module in ``sys.modules``,
the warnings filters); a "checker" notebook, built next through the real batch machinery, finds none
of it. Both record the parent of their kernel, so the test also proves they came from the same
template process (otherwise it would not be testing reuse at all).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ftzdata.report import batch, params

PARAMS = '# %% tags=["parameters"]\nlang = "en"\nmarks = ""\n\n'

SETTER = PARAMS + '''# %%
import json, os, pathlib, random, sys, warnings
import numpy as np
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import ftzdata

first_state = {"np": [int(x) for x in np.random.get_state()[1][:4]], "py": random.random()}
LEAK = "a global"
matplotlib.rcParams["lines.linewidth"] = 7.5
plt.style.use("dark_background")
np.random.seed(12345)
random.seed(12345)
os.environ["FTZ_LEAK"] = "1"
ftzdata.cases = lambda *a, **k: "patched"
pd.set_option("display.max_rows", 3)
mod_dir = pathlib.Path(marks, "mods")
mod_dir.mkdir(exist_ok=True)
(mod_dir / "leakmod.py").write_text("VALUE = 1\\n")
sys.path.insert(0, str(mod_dir))
import leakmod
warnings.simplefilter("error")
os.chdir(marks)
pathlib.Path(marks, "setter.json").write_text(json.dumps({"ppid": os.getppid(), "first": first_state}))
print("state set")
'''

CHECKER = PARAMS + '''# %%
import json, os, pathlib, random, sys, warnings
import numpy as np

setter = json.loads(pathlib.Path(marks, "setter.json").read_text())
leaks = []
if "LEAK" in globals() or "ftzdata" in globals() or "pandas" in globals():
    leaks.append("names in the namespace")
if np.random.get_state()[1][:4].tolist() in (setter["first"]["np"], np.random.RandomState(12345).get_state()[1][:4].tolist()):
    leaks.append("numpy random state")
if random.random() in (setter["first"]["py"], random.Random(12345).random()):
    leaks.append("python random state")
if "FTZ_LEAK" in os.environ:
    leaks.append("environment variable")
if os.path.realpath(os.getcwd()) == os.path.realpath(marks):
    leaks.append("working folder")
if "leakmod" in sys.modules or any(p.endswith("mods") for p in sys.path):
    leaks.append("user module")
if any(f[0] == "error" and f[2] is Warning and f[1] is None and f[3] is None for f in warnings.filters):
    leaks.append("warnings filter")
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import ftzdata
if matplotlib.rcParams["lines.linewidth"] != matplotlib.rcParamsDefault["lines.linewidth"]:
    leaks.append("rcParams")
if matplotlib.rcParams["axes.facecolor"] != matplotlib.rcParamsDefault["axes.facecolor"]:
    leaks.append("matplotlib style")
if pd.get_option("display.max_rows") == 3:
    leaks.append("pandas option")
if not isinstance(ftzdata.cases(), pd.DataFrame):
    leaks.append("monkeypatched module attribute")
pathlib.Path(marks, "checker.json").write_text(json.dumps({"ppid": os.getppid(), "leaks": leaks}))
assert not leaks, f"state leaked from the previous report: {leaks}"
print("no leak")
'''


def test_a_report_sees_nothing_of_the_report_built_before_it_in_the_same_worker(tmp_path):
    nbdir, out, marks = tmp_path / "nbs", tmp_path / "out", tmp_path / "marks"
    for d in (nbdir, marks):
        d.mkdir()
    (nbdir / "setter.py").write_text(SETTER, encoding="utf-8")
    (nbdir / "checker.py").write_text(CHECKER, encoding="utf-8")
    specs = params.discover(nbdir)
    jobs = [batch.Job(specs[n], {"lang": "en", "marks": str(marks)}, out, ("ipynb",)) for n in ("setter", "checker")]

    results = batch.build_many(jobs, n_jobs=1, progress=False)  # one worker: the checker runs second

    assert [r.status for r in results] == ["built", "built"], [r.message for r in results]
    setter = json.loads((marks / "setter.json").read_text())
    checker = json.loads((marks / "checker.json").read_text())
    assert checker["leaks"] == []
    assert checker["ppid"] == setter["ppid"], "the two kernels did not come from the same template process"
    executed = (out / f"{results[1].name}.ipynb").read_text(encoding="utf-8")
    assert "no leak" in executed


def test_the_leaks_the_checker_looks_for_are_real_without_a_fresh_kernel(tmp_path):
    """The checker finds the setter's state when both run in one kernel: its checks can fail."""
    marks = tmp_path / "marks"
    marks.mkdir()
    source = SETTER + "\n" + CHECKER[len(PARAMS):]
    nbdir, out = tmp_path / "nbs", tmp_path / "out"
    nbdir.mkdir()
    (nbdir / "both.py").write_text(source, encoding="utf-8")
    specs = params.discover(nbdir)
    [res] = batch.build_many([batch.Job(specs["both"], {"lang": "en", "marks": str(marks)}, out, ("ipynb",))],
                             n_jobs=1, progress=False)
    assert res.status == "failed"
    leaks = json.loads((marks / "checker.json").read_text())["leaks"]
    assert set(leaks) >= {"names in the namespace", "numpy random state", "python random state",
                          "environment variable", "working folder", "user module", "warnings filter", "rcParams",
                          "matplotlib style", "pandas option", "monkeypatched module attribute"}, leaks


def test_workers_share_one_kernel_template(tmp_path):
    """Two workers at once: both kernels are forked from the one template process the build started (not
    started the slow way, nor from a template per worker), and the template is gone with the build. (That
    a forked kernel sees nothing of the one before it is the test above.)"""
    nbdir, out = tmp_path / "nbs", tmp_path / "out"
    nbdir.mkdir()
    for n in ("a", "b"):
        (tmp_path / n).mkdir()
        (nbdir / f"setter_{n}.py").write_text(SETTER, encoding="utf-8")
    specs = params.discover(nbdir)
    jobs = [batch.Job(specs[f"setter_{n}"], {"lang": "en", "marks": str(tmp_path / n)}, out, ("ipynb",))
            for n in ("a", "b")]

    results = batch.build_many(jobs, n_jobs=2, progress=False)

    assert [r.status for r in results] == ["built", "built"], [r.message for r in results]
    a, b = (json.loads((tmp_path / n / "setter.json").read_text())["ppid"] for n in ("a", "b"))
    assert a == b != os.getpid()
    assert not Path(f"/proc/{a}").exists(), "the kernel template outlived the build"
