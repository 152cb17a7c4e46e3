"""The error a refused edit raises, kept at the bottom of the module graph.

:class:`EditError` lives here rather than in :mod:`renja_desktop.service` so that lower modules
(the file readers, for example, whose :class:`~renja_desktop.readers.ImportFailure` is an
``EditError``) can use it without importing the document service. ``service`` re-exports it.
"""
from __future__ import annotations


class EditError(ValueError):
    """An edit that was refused; the message is Indonesian and names the row and field."""


__all__ = ["EditError"]
