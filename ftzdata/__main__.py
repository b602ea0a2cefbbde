"""``python -m ftzdata``: see :mod:`ftzdata.cli`."""

import sys

from ftzdata.cli import console

if __name__ == "__main__":
    sys.exit(console())
