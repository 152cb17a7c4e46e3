"""Offline crash reporting: an unexpected error is written to a log file the user can hand to IT.

:func:`install` sets ``sys.excepthook`` (and ``threading.excepthook``) so that any exception that
would end the program is written, with the app version, platform and traceback, to
``<data dir>/logs/galat-YYYYmmdd-HHMMSS.log``, then passed to an optional ``notify`` callback (the
GUI shows a dialog with a short message and the log's path). Work already committed to the open
document is safe: every edit is committed when it is made, so nothing is flushed here.
"""
from __future__ import annotations

import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from typing import Callable

from . import __version__, paths

Notify = Callable[[str, Path], None]
_notify: Notify | None = None


def logs_dir() -> Path:
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_report(exc_type, exc, tb, where: str = "") -> Path:
    """Write one crash log and return its path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = logs_dir() / f"galat-{stamp}.log"
    lines = [
        "Laporan galat Renja Desktop",
        f"Waktu      : {datetime.now().isoformat(timespec='seconds')}",
        f"Versi      : {__version__}",
        f"Python     : {sys.version.split()[0]} ({platform.platform()})",
        f"Dibekukan  : {'ya' if getattr(sys, 'frozen', False) else 'tidak'}",
        f"Tempat     : {where or 'utas utama'}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def short_message(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"Terjadi galat yang tidak terduga: {text[:200]}"


def _hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        path = write_report(exc_type, exc, tb)
    except OSError:
        sys.__excepthook__(exc_type, exc, tb)
        return
    sys.stderr.write(f"{short_message(exc)}\nLaporan galat disimpan di: {path}\n")
    if _notify is not None:
        try:
            _notify(short_message(exc), path)
        except Exception:  # the dialog itself failed: the log is written, keep going
            pass


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    try:
        path = write_report(args.exc_type, args.exc_value, args.exc_traceback,
                            where=f"utas {args.thread.name if args.thread else '?'}")
    except OSError:
        return
    if _notify is not None and args.exc_value is not None:
        try:
            _notify(short_message(args.exc_value), path)
        except Exception:
            pass


def install(notify: Notify | None = None) -> None:
    """Route uncaught exceptions to a log file (and ``notify``)."""
    global _notify
    _notify = notify
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
