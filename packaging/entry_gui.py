"""Frozen entry point of ``RenjaDesktop`` (windowed): the main window, optionally on a file."""
import sys

from renja_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main(["gui", *sys.argv[1:]]))
