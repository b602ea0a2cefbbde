"""The README's "Your own documents" walk-through, run as written (the commands parsed from the README) on a
small GBK notice written here: init, add, review, accept, status, and one report PDF."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

import ftzdata
from ftzdata import Corpus
from ftzdata.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"
NOTICE = ("海南省关于印发海南自由贸易港第一批制度创新案例的通知\n一、贸易便利化\n(一)国际贸易“单一窗口”\n"
          "船舶进出境通关时间由36小时缩短至2.5小时。\n(二)船舶登记\n船舶登记办理时间由5个工作日压缩至1个工作日。\n"
          "二、投资便利化\n(三)企业开办\n新设企业开办时间从5天减至1天，申请材料减少6项。\n海南省人民政府\n2020年6月10日\n")


def walkthrough() -> list[list[str]]:
    """The commands of the first bash block of the README's "Your own documents" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Your own documents\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]


def test_the_walkthrough_names_every_step():
    steps = [c[:2] for c in walkthrough()]
    assert all(c[0] == "ftzdata" for c in steps)
    assert [s[1] for s in steps] == ["init", "add", "review", "review", "status", "report"]


def test_the_readme_walkthrough_runs_to_a_pdf(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    commands = walkthrough()
    notice = commands[1][2]                      # the file the README adds
    Path(notice).write_bytes(NOTICE.encode("gbk"))
    for argv in commands:
        assert main(argv[1:]) == 0, (argv, capsys.readouterr().err)
    out = capsys.readouterr().out
    corpus_dir = commands[0][2]
    c = Corpus(corpus_dir)
    (doc_id,) = c.doc_ids
    assert (Path(corpus_dir) / "originals" / doc_id / notice).read_bytes() == NOTICE.encode("gbk")
    m = ftzdata.metrics(corpus=c)
    accepted = commands[3]
    metric = next(a.split("=", 1)[1] for a in accepted if a.startswith("metric="))
    assert m["metric"].tolist() == [metric]
    assert c.text(doc_id)[m.iloc[0]["start"]:m.iloc[0]["end"]] == m.iloc[0]["quote"]
    assert m.iloc[0]["quote"] in NOTICE and str(m.iloc[0]["zone"]) == "Hainan"
    assert f"{doc_id} " in out and "accepted" in out       # status lists it
    pdf = tmp_path / "reports" / "overview.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Hainan" in words
