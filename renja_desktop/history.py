"""The undo/redo history of one open document (``doc.history``).

It holds, for each operation done, the operation that undoes it (the inverse returned when it was
executed, see :mod:`renja_desktop.operations`). Undoing executes that inverse, whose own inverse
becomes the redo step; a new operation clears the redo steps. The window's ``QUndoStack`` only
mirrors this history; the command line uses it within one command.

This module knows nothing of the document's tables: an operation is anything with
``execute(doc) -> Applied`` (``Applied.inverse``, ``Applied.changes``) and a ``label``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Entry:
    """One step of the history: its label and the operation that goes back (or forward again)."""

    label: str
    operation: Any


class History:
    """Undo and redo for one document. ``execute`` is the one way to change it undoably."""

    def __init__(self, doc: Any):
        self.doc = doc
        self._undo: list[Entry] = []
        self._redo: list[Entry] = []
        self._listeners: list[Callable[[], None]] = []

    # ------------------------------------------------------------------ state
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    @property
    def labels(self) -> list[str]:
        """The labels of the steps that can be undone, oldest first."""
        return [e.label for e in self._undo]

    def __len__(self) -> int:
        return len(self._undo)

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._notify()

    def add_listener(self, fn: Callable[[], None]) -> None:
        self._listeners.append(fn)

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn()

    # ------------------------------------------------------------------ doing and undoing
    def execute(self, operation: Any) -> Any:
        """Do ``operation`` on the document; keep its inverse when it changed anything.
        Returns its ``Applied`` (result, change set, inverse). Errors leave history unchanged."""
        applied = operation.execute(self.doc)
        if applied.changes:
            self._undo.append(Entry(operation.label, applied.inverse))
            self._redo.clear()
            self._notify()
        return applied

    def undo(self) -> Any:
        """Undo the last operation. Raises ``IndexError`` when there is none; on any other error the
        history is unchanged."""
        entry = self._undo[-1]
        applied = entry.operation.execute(self.doc)
        self._undo.pop()
        self._redo.append(Entry(entry.label, applied.inverse))
        self._notify()
        return applied

    def redo(self) -> Any:
        """Do again the last undone operation (``IndexError`` when there is none)."""
        entry = self._redo[-1]
        applied = entry.operation.execute(self.doc)
        self._redo.pop()
        self._undo.append(Entry(entry.label, applied.inverse))
        self._notify()
        return applied
