"""Flash-drive exchange that never loses work (docs/architecture.md, "Copy and merge").

* :mod:`.workspace` -- :func:`open_for_editing`: the working file always on the local disk.
* :mod:`.safecopy` -- :func:`save_copy`: verified, atomic "Simpan salinan ke...".
* :mod:`.lock` -- sidecar lock files (who has the file open, stale locks).
* :mod:`.integrity` / :mod:`.recover` -- checks on open, salvage of a damaged file.
* :mod:`.backups` -- rotating backups and merge bases in the user's data folder.
* :mod:`.diff` / :mod:`.merge` -- compare and merge two copies of one document, row by row.
* :mod:`.consolidate` -- many agencies' Renja into one read-only city view.
* :func:`backups.startup_cleanup` -- call once at app start (leftover temporary files).

Nothing here imports Qt; the dialogs are in :mod:`renja_desktop.gui.exchange_dialogs`. The package
re-exports nothing: callers import the module they need, so that the service can use the errors
and locks without loading the whole exchange layer (no import cycle).
"""
