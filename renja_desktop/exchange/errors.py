"""Errors of the exchange package. Every message is plain Bahasa Indonesia naming the file."""
from __future__ import annotations

import errno
import os
from pathlib import Path

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

    def __init__(self, message: str, source: Path, target: Path):
        super().__init__("conflict", message, target)
        self.source = Path(source)
        self.target = Path(target)


def _place(path: Path) -> str:
    """How to name the place of a file in a message: its folder (drive letter on Windows)."""
    path = Path(path)
    anchor = path.anchor or str(path.parent)
    if os.name == "nt" and path.drive:
        return f"drive {path.drive}"
    return f"folder '{path.parent}'" if path.parent != Path(anchor) else f"'{anchor}'"


def os_error_message(exc: OSError, target: Path, action: str = "menyimpan") -> ExchangeError:
    """Turn an operating-system error while writing ``target`` into a clear Indonesian message."""
    target = Path(target)
    name = target.name
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    tail = " Berkas lama di tujuan tidak berubah dan berkas kerja Anda aman."
    if code == errno.ENOSPC or winerror in (39, 112):
        return ExchangeError(
            "no_space",
            f"Gagal {action} '{name}': ruang di {_place(target)} tidak cukup (penuh). "
            f"Kosongkan sebagian isi flash disk atau pilih tempat lain.{tail}", target)
    if code == errno.EROFS or winerror == 19:
        return ExchangeError(
            "read_only",
            f"Gagal {action} '{name}': {_place(target)} hanya dapat dibaca (flash disk terkunci "
            f"tulis atau media hanya-baca).{tail}", target)
    if winerror in (32, 33) or code == errno.EBUSY:
        return ExchangeError(
            "in_use",
            f"Gagal {action} '{name}': berkas tujuan sedang dipakai program lain (mis. antivirus "
            f"atau aplikasi yang membukanya). Tutup program itu lalu coba lagi.{tail}", target)
    if code in (errno.EACCES, errno.EPERM) or winerror == 5:
        return ExchangeError(
            "no_access",
            f"Gagal {action} '{name}': tidak ada izin menulis di {_place(target)} (hanya-baca "
            f"atau dilindungi).{tail}", target)
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ENOTDIR) or winerror in (
            2, 3, 15, 21, 1006, 1117, 1167):
        return ExchangeError(
            "gone",
            f"Gagal {action} '{name}': {_place(target)} tidak dapat diakses (flash disk dicabut "
            f"atau rusak?). Pasang kembali lalu coba lagi.{tail}", target)
    detail = exc.strerror or str(exc)
    return ExchangeError("io", f"Gagal {action} '{name}': {detail}.{tail}", target)


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


__all__ = ["ExchangeError", "CopyConflict", "os_error_message", "sqlite_error_message", "DocumentFileError",
           "one_line"]


def one_line(exc: BaseException | str) -> str:
    """An error's text as one line without SQL or engine detail: SQLAlchemy's ``[SQL: ...]`` and
    ``(Background on this error ...)`` tails, the ``(sqlite3.OperationalError)`` prefix, and
    SQLite's ``*** in database main ***`` report lines are cut."""
    import re

    text = exc if isinstance(exc, str) else (str(exc) or type(exc).__name__)
    text = re.sub(r"\[SQL:.*", "", text, flags=re.S)
    text = re.sub(r"\[parameters:.*", "", text, flags=re.S)
    text = re.sub(r"\(Background on this error.*", "", text, flags=re.S)
    text = re.sub(r"\((?:sqlite3|builtins)\.\w+\)\s*", "", text)
    text = re.sub(r"\*\*\* in database \w+ \*\*\*", "", text)
    text = " ".join(text.split())
    return text[:400] + ("…" if len(text) > 400 else "")
