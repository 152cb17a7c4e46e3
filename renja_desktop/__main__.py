"""``python -m renja_desktop``: the command line (same as ``renja-desktop``)."""
import sys

from renja_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
