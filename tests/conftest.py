import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_copy(tmp_path):
    """A writable copy of seeds/ for tests that damage files."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst
