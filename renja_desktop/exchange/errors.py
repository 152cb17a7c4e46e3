"""Errors of the exchange package. Every message is plain Bahasa Indonesia naming the file."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import Text
from ..storage import DocumentFileError


class ExchangeError(DocumentFileError):
    """A copy, lock, merge or recovery step that failed; nothing good was changed.

    It is a :class:`~renja_desktop.storage.DocumentFileError`, so the command line prints it as one
    ``galat: ...`` line. ``kind`` names the case for callers (``no_space``, ``read_only``...).
    """


class CopyConflict(ExchangeError):
    """The target was changed elsewhere since it was last copied from this document.

    Overwriting it would lose those changes, so the copy is refused and a merge offered:
    ``target`` is the changed file, ``source`` the working file.
    """

    def __init__(self, message: str, source: Path, target: Path, **params):
        super().__init__("conflict", message, target, **params)
        self.source = Path(source)
        self.target = Path(target)


def _place(path: Path) -> str:
    """How to name the place of a file in a message: its folder (drive letter on Windows)."""
    path = Path(path)
    anchor = path.anchor or str(path.parent)
    if os.name == "nt" and path.drive:
        return f"drive {path.drive}"
    return f"folder '{path.parent}'" if path.parent != Path(anchor) else f"'{anchor}'"


#: what was being done when the operating system refused, for :func:`os_error_message`
_ACTIONS = {
    "menyimpan": Text("menyimpan", "save"),
    "membuat cadangan": Text("membuat cadangan", "back up"),
    "mengunci": Text("mengunci", "lock"),
    "mengambil alih kunci": Text("mengambil alih kunci", "take over the lock of"),
    "mengakses": Text("mengakses", "access"),
}


def os_error_message(exc: OSError, target: Path, action: str = "menyimpan") -> ExchangeError:
    """Turn an operating-system error while writing ``target`` into a clear Indonesian message."""
    target = Path(target)
    name = target.name
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    action_text = _ACTIONS.get(action, Text(action, action))
    args = {"action": action_text, "name": name, "place": _place(target)}
    if code == errno.ENOSPC or winerror in (39, 112):
        return ExchangeError("no_space", "exchange.no_space", target, **args)
    if code == errno.EROFS or winerror == 19:
        return ExchangeError("read_only", "exchange.read_only", target, **args)
    if winerror in (32, 33) or code == errno.EBUSY:
        return ExchangeError("in_use", "exchange.in_use", target, **args)
    if code in (errno.EACCES, errno.EPERM) or winerror == 5:
        return ExchangeError("no_access", "exchange.no_access", target, **args)
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ENOTDIR) or winerror in (
            2, 3, 15, 21, 1006, 1117, 1167):
        return ExchangeError("gone", "exchange.gone", target, **args)
    detail = exc.strerror or str(exc)
    return ExchangeError("io", "exchange.io", target, detail=detail, **args)


#: SQLite primary result codes and the operating-system error they stand for
_SQLITE_AS_ERRNO = {
    13: errno.ENOSPC,   # SQLITE_FULL
    10: errno.EIO,      # SQLITE_IOERR (a drive pulled out while writing)
    8: errno.EROFS,     # SQLITE_READONLY
    3: errno.EACCES,    # SQLITE_PERM
    23: errno.EACCES,   # SQLITE_AUTH
    14: errno.ENOENT,   # SQLITE_CANTOPEN
    5: errno.EBUSY,     # SQLITE_BUSY
    6: errno.EBUSY,     # SQLITE_LOCKED
}
_SQLITE_TEXTS = (("disk is full", errno.ENOSPC), ("disk i/o error", errno.EIO),
                 ("readonly", errno.EROFS), ("unable to open", errno.ENOENT))


def sqlite_error_message(exc: Exception, target: Path, action: str = "menyimpan") -> ExchangeError | None:
    """The message for an error SQLite reported while writing ``target``, when it is one of the
    medium's (full, removed, read-only, in use); ``None`` for other errors (e.g. a damaged source)."""
    code = getattr(exc, "sqlite_errorcode", None)
    number = _SQLITE_AS_ERRNO.get(code & 0xFF) if isinstance(code, int) else None
    if number is None:
        text = str(exc).lower()
        number = next((n for t, n in _SQLITE_TEXTS if t in text), None)
    if number is None:
        return None
    return os_error_message(OSError(number, str(exc)), target, action)


from ..errors import one_line  # noqa: E402 - re-exported

__all__ = ["ExchangeError", "CopyConflict", "os_error_message", "sqlite_error_message", "DocumentFileError",
           "one_line"]

