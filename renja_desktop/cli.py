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
    for command in sub.choices.values():  # every command: --force also overrides a window's lock
        if not any("--force" in a.option_strings for a in command._actions):
            command.add_argument(
                "--force", action="store_true",
                help="ubah berkas walau sedang dibuka di jendela Renja Desktop lain (kuncinya diabaikan; "
                     "jendela itu memuat ulang isinya)")
    return parser


def error_line(exc: BaseException) -> str:
    """Any error as one Indonesian line (no traceback, no SQL, no engine report)."""
    import sqlite3
    from pathlib import Path

    from .exchange.errors import one_line, os_error_message, sqlite_error_message
    from .service import EditError
    from .storage import DocumentFileError, is_busy_error

    from renja_desktop.cli import CliError as imported  # this module may also run as __main__

    if isinstance(exc, (CliError, imported, EditError, DocumentFileError)):
        return one_line(exc)
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        if is_busy_error(orig):
            return ("berkas sedang dikunci oleh program lain lebih dari 2 detik (mis. jendela Renja Desktop "
                    "atau perintah lain yang sedang menulis); tidak ada yang diubah. Coba lagi.")
        medium = sqlite_error_message(orig, Path(getattr(orig, "filename", None) or "berkas"), "mengakses")
        if medium is not None:
            return one_line(medium)
        return f"berkas tidak dapat dibaca atau ditulis SQLite: {one_line(orig)}."
    if isinstance(exc, OSError):
        target = Path(exc.filename or "berkas")
        return one_line(os_error_message(exc, target, "mengakses"))
    if isinstance(exc, MemoryError):
        return "memori komputer tidak cukup untuk perintah ini; tutup program lain lalu coba lagi."
    from . import crash

    try:
        log = crash.write_report(type(exc), exc, exc.__traceback__, where="cli")
        where = f" Rincian dicatat di {log}."
    except Exception:  # noqa: BLE001 - the message itself still goes out
        where = ""
    return f"kesalahan tak terduga ({type(exc).__name__}: {one_line(exc)}).{where}"


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
    from . import service

    if getattr(args, "force", False):
        service.IGNORE_LOCKS = True
    try:
        for attempt in range(3):
            try:
                return handler(args)
            except service.StaleDocument:
                # another process changed the file between loading and writing: run the command
                # again on the fresh content (it may now be refused for a real reason)
                if attempt == 2:
                    raise
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
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - every error is one line, never a traceback
        sys.stderr.write(f"galat: {error_line(exc)}\n")
        return EXIT_USAGE
    finally:
        service.IGNORE_LOCKS = False
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
