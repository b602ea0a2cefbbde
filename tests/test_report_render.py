"""``import weasyprint`` without ~20 ``ldconfig``/``gcc`` processes: one ``ldconfig -p`` answers the look-ups."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys

import pytest

from ftzdata.report import render_pdf

NAMES = ["gobject-2.0", "pango-1.0", "harfbuzz", "harfbuzz-subset", "fontconfig", "pangoft2-1.0",
         "libgobject-2.0-0", "harfbuzz-vector", "no-such-library-ftzdata"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the ldconfig listing is Linux only")
def test_the_listing_answers_as_find_library_does():
    finder = render_pdf._ldconfig_finder()
    assert finder is not None
    assert [finder(n) for n in NAMES] == [ctypes.util.find_library(n) for n in NAMES]


def test_import_weasyprint_starts_at_most_one_process():
    code = (
        "import subprocess, sys\n"
        "n = []\n"
        "orig = subprocess.Popen.__init__\n"
        "subprocess.Popen.__init__ = lambda self, *a, **k: (n.append(a), orig(self, *a, **k))[1]\n"
        "from ftzdata.report.render_pdf import import_weasyprint\n"
        "import_weasyprint()\n"
        "from weasyprint.text import ffi\n"
        "import ctypes.util\n"
        "assert ctypes.util.find_library.__module__ == 'ctypes.util'\n"  # put back after the import
        "print(len(n), ffi.pango is not None)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    count, loaded = proc.stdout.split()
    assert loaded == "True"
    assert int(count) <= 1
