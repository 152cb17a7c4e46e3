"""``renja-desktop``: every capability of the app as a command (the GUI calls the same services).

Each feature module contributes its commands through a ``register(subparsers)`` function listed in
:data:`COMMAND_MODULES`; a command handler takes the parsed arguments and returns the exit status.
Errors print one clear line (``galat: ...``) to stderr and exit non-zero.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any, Callable

from . import __version__
from .errors import RenjaError
from .cli_argparse_id import IndonesianParser, install as _install_indonesian_argparse

#: modules whose ``register(subparsers)`` adds commands, in help order
COMMAND_MODULES = [
    "renja_desktop.cli_core",
    "renja_desktop.cli_exchange",
    "renja_desktop.cli_tables",
    "renja_desktop.cli_report",
    "renja_desktop.cli_import",
    "renja_desktop.cli_document",
    "renja_desktop.cli_stages",
    "renja_desktop.cli_gui",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CliError(RenjaError):
    """A bad argument or input: printed as one line, exit status 2."""


_Parser = IndonesianParser  # one ``galat:`` line for usage errors, Indonesian help, negative amounts


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def build_parser() -> argparse.ArgumentParser:
    _install_indonesian_argparse()
    parser = _Parser(
        prog="renja-desktop",
        description="Renja Desktop: menyusun Rencana Kerja Perangkat Daerah secara luring.",
    )
    parser.add_argument("--version", action="version", version=f"renja-desktop {__version__}",
                        help="menampilkan versi program lalu keluar")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Windows consoles default to a legacy code page; Rupiah names and dashes need UTF-8.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_OK
    try:
        return handler(args)
    except RenjaError as exc:   # every refusal, in Indonesian: the command line's language
        sys.stderr.write(f"galat: {exc.message('id')}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and closed early
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("dibatalkan\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
