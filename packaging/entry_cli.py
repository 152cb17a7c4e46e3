"""Frozen entry point of ``renja-desktop`` (console): the command line."""
import sys

from renja_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
