"""Flash-drive exchange that never loses work (DESIGN.md section 6).

* :mod:`.workspace` -- :func:`open_for_editing`: the working file always on the local disk.
* :mod:`.safecopy` -- :func:`save_copy`: verified, atomic "Simpan salinan ke...".
* :mod:`.lock` -- sidecar lock files (who has the file open, stale locks).
* :mod:`.integrity` / :mod:`.recover` -- checks on open, salvage of a damaged file.
* :mod:`.backups` -- rotating backups and merge bases in the user's data folder.
* :mod:`.diff` / :mod:`.merge` -- compare and merge two copies of one document, row by row.
* :mod:`.consolidate` -- many agencies' Renja into one read-only city view.
* :func:`backups.startup_cleanup` -- call once at app start (leftover temporary files).

Nothing here imports Qt; the dialogs are in :mod:`renja_desktop.gui.exchange_dialogs`.
"""
from __future__ import annotations

from .errors import CopyConflict, ExchangeError
from .backups import startup_cleanup
from .integrity import IntegrityReport, check_file
from .lock import FileLock, FileLocked, LockInfo, acquire
from .safecopy import CopyResult, save_copy
from .workspace import WorkSession, open_for_editing

__all__ = [
    "CopyConflict", "ExchangeError", "startup_cleanup", "IntegrityReport", "check_file", "FileLock",
    "FileLocked", "LockInfo", "acquire", "CopyResult", "save_copy", "WorkSession", "open_for_editing",
]
