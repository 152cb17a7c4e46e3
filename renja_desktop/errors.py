"""The error a refused edit raises, kept at the bottom of the module graph.

:class:`EditError` lives here rather than in :mod:`renja_desktop.service` so that lower modules
(the file readers, for example, whose :class:`~renja_desktop.readers.ImportFailure` is an
``EditError``) can use it without importing the document service. ``service`` re-exports it.
"""
from __future__ import annotations


class EditError(ValueError):
    """An edit that was refused; the message is Indonesian and names the row and field."""


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


def medium_text(exc: BaseException) -> str | None:
    """What SQLite's error says about the medium (full, read-only, removed), in Indonesian."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    code = getattr(getattr(exc, "orig", None) or exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == 13 or "disk is full" in text:
        return "ruang penyimpanan penuh; kosongkan sebagian isi atau pilih tempat lain"
    if primary == 8 or "readonly" in text or "read-only" in text:
        return "media hanya dapat dibaca (flash disk terkunci tulis atau media hanya-baca)"
    if primary == 10 or "disk i/o error" in text:
        return "media tidak dapat diakses (flash disk dicabut atau rusak?)"
    if primary in (3, 23):
        return "tidak ada izin menulis di folder itu"
    return None


#: set by :mod:`renja_desktop.exchange.lock`: refuses to edit a file a window holds (sidecar lock)
LOCK_CHECK = None

__all__ = ["EditError", "one_line", "medium_text", "LOCK_CHECK"]
