"""Undo/redo in the window: the ``QUndoStack`` mirrors the document's own history.

Every edit the window makes is a core operation (:mod:`renja_desktop.operations`) executed through
:class:`Editor`: ``doc.history.execute(op)`` does it (checked, written, committed) and, when it
changed anything, one generic :class:`OperationCommand` is pushed whose ``undo()``/``redo()`` call
``doc.history.undo()``/``redo()``. A refused edit returns the core's message and leaves both
histories untouched.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from .. import operations as ops
from .. import registry
from ..service import EditError
from ..storage import DocumentFileError
from .texts import level_name

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument


translate = QCoreApplication.translate

NOT_FOUND = QT_TRANSLATE_NOOP("Undo", "Baris tidak ditemukan (mungkin sudah dihapus).")
NOTHING_SELECTED = QT_TRANSLATE_NOOP("Undo", "Tidak ada baris yang dipilih.")

#: errors an operation reports to the user (anything else is a bug and propagates)
REFUSED = (EditError, DocumentFileError, ValueError)


def field_label(key: str) -> str:
    """A plan field's label in the window's language (from the registry)."""
    return registry.field_label(key, "plan")


class OperationCommand(QUndoCommand):
    """One entry of the document's history, on the window's undo stack. It is pushed after the
    operation was done, so the first ``redo()`` (from ``push``) does nothing."""

    def __init__(self, editor: "Editor", text: str):
        super().__init__(text)
        self.editor = editor
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.editor._step(self.editor.doc.history.redo)

    def undo(self) -> None:
        self.editor._step(self.editor.doc.history.undo)


class Editor(QObject):
    """The one way the window changes a document: execute a core operation, mirror it for undo.

    :meth:`run` returns ``(applied, None)`` or ``(None, message)``; the convenience methods return
    ``None`` when the edit was done, or the message saying why it was refused (the document and
    the undo stack are then unchanged).
    """

    #: an undo or redo that could not be carried out (the message)
    failed = Signal(str)

    def __init__(self, doc: "RenjaDocument", stack: QUndoStack | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.stack = stack if stack is not None else QUndoStack(self)

    # -- the generic path ---------------------------------------------------------------
    def run(self, op: ops.Operation, text: str | None = None) -> tuple[ops.Applied | None, str | None]:
        """Execute ``op`` on the document; when it changed something, push it for undo."""
        if text:
            op.label = text
        try:
            applied = self.doc.history.execute(op)
        except REFUSED as exc:
            return None, str(exc)
        if applied.changes:
            self.stack.push(OperationCommand(self, op.label))
        return applied, None

    def execute(self, op: ops.Operation, text: str | None = None) -> str | None:
        return self.run(op, text)[1]

    def _step(self, fn) -> None:
        try:
            fn()
        except IndexError:  # the history was cleared under the stack (a reload)
            pass
        except REFUSED as exc:
            self.failed.emit(str(exc))

    # -- plan rows ----------------------------------------------------------------------
    def _label(self, which: str, row_id: str) -> str:
        node = ops.tree_of(self.doc, which).nodes.get(row_id)
        if node is None:
            return ""
        return node.kode or node.nama[:30]

    def set_plan(self, row_id: str, **fields: Any) -> str | None:
        """Set cells of a plan row as typed (row fields, first indicator, ``sumber_dana`` text)."""
        if row_id not in self.doc.plan.nodes:
            return translate("Undo", NOT_FOUND)
        what = ", ".join(field_label(k) for k in fields)
        text = translate("Undo", "Ubah %1 %2").replace("%1", what).replace("%2", self._label("plan", row_id))
        return self.execute(ops.SetPlanFields(row_id, fields), text)

    def set_indikator(self, row_id: str, items: list[dict]) -> str | None:
        text = translate("Undo", "Ubah indikator %1").replace("%1", self._label("plan", row_id))
        return self.execute(ops.SetIndikator(row_id, items), text)

    def set_first_indikator(self, row_id: str, field: str, value: str) -> str | None:
        key = next(k for k, f in ops.INDIKATOR_KEYS.items() if f == field)
        text = translate("Undo", "Ubah indikator %1").replace("%1", self._label("plan", row_id))
        return self.execute(ops.SetPlanFields(row_id, {key: value}), text)

    def set_sumber_dana(self, row_id: str, items: "list[dict] | str") -> str | None:
        text = translate("Undo", "Ubah sumber dana %1").replace("%1", self._label("plan", row_id))
        return self.execute(ops.SetSumberDana(row_id, items), text)

    def add_row(self, which: str, parent_id: str | None, kode: str | None, nama: str,
                position: int | None = None, level: int | None = None,
                **fields: Any) -> tuple[str | None, str | None]:
        """Add a row; return (new row id, None) or (None, message)."""
        tree = ops.tree_of(self.doc, which)
        shown = level
        if parent_id is not None and parent_id in tree.nodes:
            shown = tree.nodes[parent_id].level + 1
        what = level_name(shown).lower() if shown else translate("Undo", "baris")
        text = translate("Undo", "Tambah %1 %2").replace("%1", what).replace("%2", kode or nama[:30])
        applied, err = self.run(ops.AddRow(which, parent_id, kode, nama, position, level, fields), text)
        return (None, err) if err else (applied.result, None)

    def delete_rows(self, which: str, row_ids: Iterable[str]) -> str | None:
        tops = ops.top_rows(ops.tree_of(self.doc, which), row_ids)
        if not tops:
            return translate("Undo", NOTHING_SELECTED)
        if len(tops) == 1:
            text = translate("Undo", "Hapus %1").replace("%1", self._label(which, tops[0].id))
        else:
            text = translate("Undo", "Hapus %1 baris").replace("%1", str(len(tops)))
        return self.execute(ops.DeleteRows(which, [n.id for n in tops]), text)

    def move_row(self, which: str, row_id: str, new_parent_id: str | None, position: int | None) -> str | None:
        if row_id not in ops.tree_of(self.doc, which).nodes:
            return translate("Undo", NOT_FOUND)
        text = translate("Undo", "Pindahkan %1").replace("%1", self._label(which, row_id))
        return self.execute(ops.MoveRow(which, row_id, new_parent_id, position), text)

    # -- evaluation rows ------------------------------------------------------------------
    def set_eval(self, row_id: str, **fields: Any) -> str | None:
        if row_id not in self.doc.evaluation.nodes:
            return translate("Undo", NOT_FOUND)
        text = translate("Undo", "Ubah Tabel 2.1 %1").replace("%1", self._label("eval", row_id))
        return self.execute(ops.SetEvalFields(row_id, fields), text)

    # -- identity -------------------------------------------------------------------------
    def set_document(self, **fields: Any) -> str | None:
        return self.execute(ops.SetDocument(fields), translate("Undo", "Ubah identitas dokumen"))

    # -- lists ----------------------------------------------------------------------------
    def add_list_item(self, name: str, position: int | None = None, **fields: Any) -> tuple[str | None, str | None]:
        applied, err = self.run(ops.AddListItem(name, position, fields), translate("Undo", "Tambah baris"))
        return (None, err) if err else (applied.result, None)

    def set_list_item(self, name: str, item_id: str, **fields: Any) -> str | None:
        if not any(it["id"] == item_id for it in ops.list_items(self.doc, name)):
            return translate("Undo", NOT_FOUND)
        return self.execute(ops.SetListItem(name, item_id, fields), translate("Undo", "Ubah baris"))

    def delete_list_items(self, name: str, item_ids: Iterable[str]) -> str | None:
        ids = list(item_ids)
        if not ids:
            return translate("Undo", NOTHING_SELECTED)
        return self.execute(ops.DeleteListItems(name, ids), translate("Undo", "Hapus baris"))

    def move_list_item(self, name: str, item_id: str, position: int) -> str | None:
        return self.execute(ops.MoveListItem(name, item_id, position), translate("Undo", "Pindahkan baris"))
