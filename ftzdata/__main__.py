"""``python -m ftzdata``: see :mod:`ftzdata.cli`."""

import sys

from ftzdata.cli import main

if __name__ == "__main__":
    sys.exit(main())
