"""Undo/redo for every change made in the window: a QUndoStack of commands calling the service.

Every edit the user makes goes through :class:`Editor`. It performs the edit on the document at
once (the service checks it, writes it to the file and commits), and only when the service accepted
it pushes a command onto the :class:`QUndoStack` whose ``undo()`` puts the document back the same
way: the old field values, the deleted rows from their :class:`~renja_desktop.service.Snapshot`,
the old parent, position and codes of a moved row, the rows added by a paste removed again.
A refused edit returns the service's Indonesian message and leaves the stack untouched.
"""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..service import Change, EditError, Snapshot
from ..storage import DocumentFileError
from .texts import level_name

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument


translate = QCoreApplication.translate

#: human names of fields, for undo texts and messages
FIELD_LABELS = {
    "kode": QT_TRANSLATE_NOOP("Undo", "kode"),
    "nama": QT_TRANSLATE_NOOP("Undo", "uraian"),
    "outcome": QT_TRANSLATE_NOOP("Undo", "outcome/keluaran"),
    "lokasi": QT_TRANSLATE_NOOP("Undo", "lokasi"),
    "pagu": QT_TRANSLATE_NOOP("Undo", "pagu"),
    "pagu_n1": QT_TRANSLATE_NOOP("Undo", "pagu n+1"),
    "catatan": QT_TRANSLATE_NOOP("Undo", "catatan penting"),
    "penanggung_jawab": QT_TRANSLATE_NOOP("Undo", "penanggung jawab"),
    "rkpd_nama": QT_TRANSLATE_NOOP("Undo", "uraian RKPD"),
    "rkpd_lokasi": QT_TRANSLATE_NOOP("Undo", "lokasi RKPD"),
    "rkpd_indikator": QT_TRANSLATE_NOOP("Undo", "indikator RKPD"),
    "rkpd_target": QT_TRANSLATE_NOOP("Undo", "target RKPD"),
    "rkpd_pagu": QT_TRANSLATE_NOOP("Undo", "pagu RKPD"),
    "rkpd_catatan": QT_TRANSLATE_NOOP("Undo", "catatan RKPD"),
}


def field_label(key: str) -> str:
    return translate("Undo", FIELD_LABELS[key]) if key in FIELD_LABELS else key


class DocCommand(QUndoCommand):
    """A command already applied when pushed: the first ``redo()`` (from ``push``) does nothing."""

    def __init__(self, editor: "Editor", text: str):
        super().__init__(text)
        self.editor = editor
        self.doc = editor.doc
        self._skip_redo = True

    # subclasses implement these; they may raise EditError
    def apply(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def reapply(self) -> None:
        self.apply()

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self.reapply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except (EditError, DocumentFileError, ValueError) as exc:
            self.editor.failed.emit(str(exc))


# ------------------------------------------------------------------------------ plan and eval rows
class SetFieldsCommand(DocCommand):
    """Change stored fields of one plan or evaluation row."""

    def __init__(self, editor, which: str, row_id: str, fields: dict[str, Any], text: str):
        super().__init__(editor, text)
        self.which = which
        self.row_id = row_id
        self.fields = dict(fields)
        tree = self.doc.plan if which == "plan" else self.doc.evaluation
        values = tree.nodes[row_id].values
        self.old = {k: values.get(k) for k in fields}

    def _set(self, fields: dict[str, Any], restoring: bool) -> None:
        if self.which == "plan":
            if restoring and "kode" not in fields:
                self.doc.set_plan(self.row_id, check=False, **fields)
            elif restoring:
                try:
                    self.doc.set_plan(self.row_id, **fields)
                except EditError:
                    self.doc.set_plan(self.row_id, check=False, **fields)
            else:
                self.doc.set_plan(self.row_id, **fields)
        else:
            self.doc.set_eval(self.row_id, **fields)

    def apply(self) -> None:
        self._set(self.fields, False)

    def revert(self) -> None:
        self._set(self.old, True)


class SetListCommand(DocCommand):
    """Replace a plan row's indicators or funding sources."""

    def __init__(self, editor, kind: str, row_id: str, items: list[dict], text: str):
        super().__init__(editor, text)
        self.kind = kind   # 'indikator' | 'sumber_dana'
        self.row_id = row_id
        self.items = copy.deepcopy(items)
        store = self.doc.indikator if kind == "indikator" else self.doc.sumber_dana
        self.old = copy.deepcopy(store.get(row_id, []))

    def _set(self, items: list[dict]) -> None:
        if self.kind == "indikator":
            self.doc.set_indikator(self.row_id, copy.deepcopy(items))
        else:
            self.doc.set_sumber_dana(self.row_id, copy.deepcopy(items))

    def apply(self) -> None:
        self._set(self.items)
        # keep the ids the service gave new items, so redo after undo reuses them
        store = self.doc.indikator if self.kind == "indikator" else self.doc.sumber_dana
        self.items = copy.deepcopy(store.get(self.row_id, []))

    def revert(self) -> None:
        self._set(self.old)


class AddRowCommand(DocCommand):
    def __init__(self, editor, which: str, parent_id: str | None, kode: str, nama: str,
                 position: int | None, fields: dict[str, Any], text: str):
        super().__init__(editor, text)
        self.which = which
        self.parent_id = parent_id
        self.kode = kode
        self.nama = nama
        self.position = position
        self.fields = dict(fields)
        self.row_id: str | None = None
        self.snapshot: Snapshot | None = None

    def apply(self) -> None:
        if self.which == "plan":
            self.row_id = self.doc.add_plan_row(self.parent_id, self.kode, self.nama,
                                                position=self.position, **self.fields)
        else:
            self.row_id = self.doc.add_eval_row(self.parent_id, self.kode, self.nama,
                                                position=self.position, **self.fields)

    def reapply(self) -> None:
        if self.snapshot is None:
            self.apply()
        else:
            self.doc.restore(self.snapshot)

    def revert(self) -> None:
        if self.which == "plan":
            self.snapshot = self.doc.delete_plan_row(self.row_id)
        else:
            self.snapshot = self.doc.delete_eval_row(self.row_id)


class DeleteRowsCommand(DocCommand):
    """Delete rows with their subtrees (in document order); undo restores them in reverse."""

    def __init__(self, editor, which: str, row_ids: list[str], text: str):
        super().__init__(editor, text)
        self.which = which
        self.row_ids = list(row_ids)
        self.snapshots: list[Snapshot] = []

    def apply(self) -> None:
        snaps = []
        with self.doc.batch():
            for rid in self.row_ids:
                if self.which == "plan":
                    snaps.append(self.doc.delete_plan_row(rid))
                else:
                    snaps.append(self.doc.delete_eval_row(rid))
        self.snapshots = snaps

    def revert(self) -> None:
        with self.doc.batch():
            for snap in reversed(self.snapshots):
                self.doc.restore(snap)


class MoveRowCommand(DocCommand):
    """Move a row (with its subtree); codes follow the new parent, and come back on undo."""

    def __init__(self, editor, which: str, row_id: str, new_parent_id: str | None,
                 position: int | None, text: str):
        super().__init__(editor, text)
        self.which = which
        self.row_id = row_id
        self.new_parent_id = new_parent_id
        self.position = position
        tree = self.tree
        node = tree.nodes[row_id]
        self.old_parent_id = node.parent.id if node.parent is not None else None
        self.old_position = tree.index_of(node)
        self.old_codes = {n.id: n.kode for n in tree.subtree(node)}

    @property
    def tree(self):
        return self.doc.plan if self.which == "plan" else self.doc.evaluation

    def apply(self) -> None:
        if self.which == "plan":
            self.doc.move_plan_row(self.row_id, self.new_parent_id, self.position)
        else:
            self.doc.move_eval_row(self.row_id, self.new_parent_id, self.position)

    def revert(self) -> None:
        with self.doc.batch():
            if self.which == "plan":
                self.doc.move_plan_row(self.row_id, self.old_parent_id, self.old_position, recode=False)
            else:
                # the evaluation tree always recodes: put the codes back below
                self.doc.move_eval_row(self.row_id, self.old_parent_id, self.old_position)
            nodes = self.tree.nodes
            for rid, kode in self.old_codes.items():
                node = nodes.get(rid)
                if node is not None and node.kode != kode:
                    if self.which == "plan":
                        self.doc.set_plan(rid, check=False, kode=kode)
                    else:
                        self.doc.set_eval(rid, kode=kode)


class InsertedRowsCommand(DocCommand):
    """One operation that adds rows and may complete existing ones (a paste, pasted text read by the
    importer). Undo deletes the added rows (kept as snapshots for redo) and puts back the previous
    fields, indicators and funding sources of rows it changed, the printed values it stored and the
    identity fields it filled in."""

    PLAN_KEYS = ("kode", "nama", "outcome", "lokasi", "pagu", "pagu_n1", "catatan", "penanggung_jawab",
                 "rkpd_nama", "rkpd_lokasi", "rkpd_indikator", "rkpd_target", "rkpd_pagu", "rkpd_catatan")

    def __init__(self, editor, which: str, operation: Callable[[], Any], text: str):
        super().__init__(editor, text)
        self.which = which
        self.operation = operation
        self.roots: list[str] = []
        self.snapshots: list[Snapshot] = []
        self.result: Any = None
        self.modified: dict[str, tuple[dict, dict]] = {}      # row id -> (old fields, new fields)
        self.lists: dict[tuple[str, str], tuple[list, list]] = {}  # (kind, row id) -> (old, new)
        self.declared: tuple[list, list] | None = None
        self.info: tuple[dict, dict] | None = None

    @property
    def tree(self):
        return self.doc.plan if self.which == "plan" else self.doc.evaluation

    def apply(self) -> None:
        doc = self.doc
        before_values = {i: dict(n.values) for i, n in self.tree.nodes.items()}
        before_ind = dict(doc.indikator)
        before_sd = dict(doc.sumber_dana)
        before_declared = [dict(d) for d in doc.declared]
        before_info = dict(doc.info)
        inserted: list[str] = []
        touched: set[str] = set()

        def listen(change: Change) -> None:
            if change.table == self.which:
                inserted.extend(change.inserted)
                touched.update(change.changed)
            elif change.table == "reset":
                inserted.clear()
                touched.clear()

        doc.add_listener(listen)
        try:
            self.result = self.operation()
        finally:
            doc.remove_listener(listen)
        tree = self.tree
        ids = {i for i in inserted if i in tree.nodes and i not in before_values}
        roots = [i for i in ids if tree.nodes[i].parent is None or tree.nodes[i].parent.id not in ids]
        order = {n.id: k for k, n in enumerate(tree.walk())} if len(roots) > 1 else {}
        self.roots = sorted(roots, key=lambda i: order.get(i, 0))
        keys = self.PLAN_KEYS if self.which == "plan" else None
        for rid in touched - ids:
            node = tree.nodes.get(rid)
            old = before_values.get(rid)
            if node is None or old is None:
                continue
            fields = keys or [k for k in node.values if k not in ("id", "parent_id", "position", "level",
                                                                   "modified_at")]
            diff_old = {k: old.get(k) for k in fields if old.get(k) != node.values.get(k)}
            if diff_old:
                self.modified[rid] = (diff_old, {k: node.values.get(k) for k in diff_old})
            if self.which == "plan":
                for kind, before, now in (("indikator", before_ind, doc.indikator),
                                          ("sumber_dana", before_sd, doc.sumber_dana)):
                    if before.get(rid) is not now.get(rid):
                        self.lists[(kind, rid)] = (copy.deepcopy(before.get(rid, [])),
                                                   copy.deepcopy(now.get(rid, [])))
        if [(d["tabel"], d["kode"], d["kolom"], d["nilai"]) for d in before_declared] != \
                [(d["tabel"], d["kode"], d["kolom"], d["nilai"]) for d in doc.declared]:
            self.declared = (before_declared, [dict(d) for d in doc.declared])
        info_diff = {k: before_info.get(k) for k in before_info
                     if k not in ("modified_at",) and before_info.get(k) != doc.info.get(k)}
        if info_diff:
            self.info = (info_diff, {k: doc.info.get(k) for k in info_diff})
        if not self.roots and not self.modified and not self.lists and self.declared is None and self.info is None:
            raise EditError(translate("Undo", "Tidak ada baris yang ditambahkan atau diubah."))

    def _put(self, rows: dict[str, dict], lists: dict, declared: list | None, info: dict | None) -> None:
        doc = self.doc
        for rid, fields in rows.items():
            if self.which == "plan":
                doc.set_plan(rid, check=False, **fields)
            else:
                doc.set_eval(rid, **fields)
        for (kind, rid), items in lists.items():
            if kind == "indikator":
                doc.set_indikator(rid, copy.deepcopy(items))
            else:
                doc.set_sumber_dana(rid, copy.deepcopy(items))
        if declared is not None:
            doc.clear_declared()
            for d in declared:
                doc.add_declared(d["tabel"], d["kode"], d["kolom"], d["teks"], d["nilai"],
                                 row_id=d.get("row_id"), sumber=d.get("sumber") or "")
        if info:
            doc.set_document(**info)

    def reapply(self) -> None:
        with self.doc.batch():
            for snap in reversed(self.snapshots):
                self.doc.restore(snap)
            self._put({r: new for r, (_old, new) in self.modified.items()},
                      {k: new for k, (_old, new) in self.lists.items()},
                      self.declared[1] if self.declared else None, self.info[1] if self.info else None)

    def revert(self) -> None:
        snaps = []
        with self.doc.batch():
            for rid in self.roots:
                if self.which == "plan":
                    snaps.append(self.doc.delete_plan_row(rid))
                else:
                    snaps.append(self.doc.delete_eval_row(rid))
            self._put({r: old for r, (old, _new) in self.modified.items()},
                      {k: old for k, (old, _new) in self.lists.items()},
                      self.declared[0] if self.declared else None, self.info[0] if self.info else None)
        self.snapshots = snaps


class WholeDocumentCommand(DocCommand):
    """An operation that may touch every table (importing a file): undo and redo put the whole
    document back from in-memory snapshots taken before and after it."""

    def __init__(self, editor, operation: Callable[[], Any], text: str):
        super().__init__(editor, text)
        self.operation = operation
        self.result: Any = None
        self.before = None
        self.after = None

    def apply(self) -> None:
        self.before = self.doc.take_snapshot()
        self.result = self.operation()
        self.after = self.doc.take_snapshot()

    def revert(self) -> None:
        self.doc.restore_snapshot(self.before)

    def reapply(self) -> None:
        self.doc.restore_snapshot(self.after)


# ------------------------------------------------------------------------------ identity
class SetDocumentCommand(DocCommand):
    def __init__(self, editor, fields: dict[str, Any], text: str):
        super().__init__(editor, text)
        self.fields = dict(fields)
        self.old = {k: self.doc.info.get(k) for k in fields}

    def apply(self) -> None:
        self.doc.set_document(**self.fields)

    def revert(self) -> None:
        self.doc.set_document(**self.old)


# ------------------------------------------------------------------------------ lists (2.2, 2.4)
class ListItemCommand(DocCommand):
    """Add, change, delete or move items of Tabel 2.2 ('pelayanan') or 2.4 ('usulan')."""

    def __init__(self, editor, name: str, kind: str, text: str, *, item_ids: Iterable[str] = (),
                 fields: dict[str, Any] | None = None, position: int | None = None):
        super().__init__(editor, text)
        self.name = name
        self.kind = kind          # 'add' | 'set' | 'delete' | 'move'
        self.item_ids = list(item_ids)
        self.fields = dict(fields or {})
        self.position = position
        self.snapshots: list[Snapshot] = []
        self.old: dict[str, Any] = {}
        self.old_position: int | None = None
        if kind == "set":
            item = self._item(self.item_ids[0])
            self.old = {k: item.get(k) for k in self.fields}
        if kind == "move":
            self.old_position = self._position(self.item_ids[0])

    def _items(self) -> list[dict]:
        return self.doc.pelayanan if self.name == "pelayanan" else self.doc.usulan

    def _item(self, item_id: str) -> dict:
        for it in self._items():
            if it["id"] == item_id:
                return it
        raise EditError(translate("Undo", "Baris tidak ditemukan (mungkin sudah dihapus)."))

    def _position(self, item_id: str) -> int:
        for i, it in enumerate(self._items()):
            if it["id"] == item_id:
                return i
        raise EditError(translate("Undo", "Baris tidak ditemukan (mungkin sudah dihapus)."))

    def _move(self, item_id: str, position: int) -> None:
        with self.doc.batch():
            snap = self.doc.delete_list_item(self.name, item_id)
            row = snap.rows[0]
            fields = {k: v for k, v in row.items() if k not in ("id", "position", "modified_at")}
            self.doc.add_list_item(self.name, position=position, item_id=item_id, **fields)

    def apply(self) -> None:
        if self.kind == "add":
            if self.snapshots:
                self.doc.restore(self.snapshots[0])
            else:
                self.item_ids = [self.doc.add_list_item(self.name, position=self.position, **self.fields)]
        elif self.kind == "set":
            self.doc.set_list_item(self.name, self.item_ids[0], **self.fields)
        elif self.kind == "delete":
            ordered = sorted(self.item_ids, key=self._position)
            snaps = []
            with self.doc.batch():
                for iid in ordered:
                    snaps.append(self.doc.delete_list_item(self.name, iid))
            self.snapshots = snaps
        elif self.kind == "move":
            self._move(self.item_ids[0], self.position)

    def revert(self) -> None:
        if self.kind == "add":
            self.snapshots = [self.doc.delete_list_item(self.name, self.item_ids[0])]
        elif self.kind == "set":
            self.doc.set_list_item(self.name, self.item_ids[0], **self.old)
        elif self.kind == "delete":
            with self.doc.batch():
                for snap in reversed(self.snapshots):
                    self.doc.restore(snap)
        elif self.kind == "move":
            self._move(self.item_ids[0], self.old_position)


# ------------------------------------------------------------------------------ the editor
class Editor(QObject):
    """The one way the window changes a document: apply through the service, then push for undo.

    Every method returns ``None`` when the edit was done, or the Indonesian message saying why it
    was refused (the document and the undo stack are then unchanged).
    """

    #: an undo or redo that could not be carried out (the message)
    failed = Signal(str)

    def __init__(self, doc: "RenjaDocument", stack: QUndoStack | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.stack = stack if stack is not None else QUndoStack(self)

    def execute(self, cmd: DocCommand) -> str | None:
        try:
            cmd.apply()
        except (EditError, DocumentFileError) as exc:
            return str(exc)
        except ValueError as exc:  # a refused tree operation (e.g. a move into itself)
            return str(exc)
        self.stack.push(cmd)
        return None

    # -- plan rows ----------------------------------------------------------------------
    def _label(self, which: str, row_id: str) -> str:
        tree = self.doc.plan if which == "plan" else self.doc.evaluation
        node = tree.nodes.get(row_id)
        if node is None:
            return ""
        return node.kode or node.nama[:30]

    def set_plan(self, row_id: str, **fields: Any) -> str | None:
        node = self.doc.plan.nodes.get(row_id)
        if node is None:
            return translate("Undo", "Baris tidak ditemukan (mungkin sudah dihapus).")
        if all(_same(node.values.get(k), v) for k, v in fields.items()):
            return None
        what = ", ".join(field_label(k) for k in fields)
        text = translate("Undo", "Ubah %1 %2").replace("%1", what).replace("%2", self._label("plan", row_id))
        return self.execute(SetFieldsCommand(self, "plan", row_id, fields, text))

    def set_indikator(self, row_id: str, items: list[dict]) -> str | None:
        old = self.doc.indikator.get(row_id, [])
        if _same_items(old, items, ("teks", "target", "satuan", "target_n1")):
            return None
        text = translate("Undo", "Ubah indikator %1").replace("%1", self._label("plan", row_id))
        return self.execute(SetListCommand(self, "indikator", row_id, items, text))

    def set_first_indikator(self, row_id: str, field: str, value: str) -> str | None:
        items = [dict(x) for x in self.doc.indikator.get(row_id, [])] or [{}]
        items[0][field] = value
        if not any(str(items[0].get(k) or "").strip() for k in ("teks", "target", "satuan", "target_n1")):
            items = items[1:]
        return self.set_indikator(row_id, items)

    def set_sumber_dana(self, row_id: str, items: list[dict]) -> str | None:
        old = self.doc.sumber_dana.get(row_id, [])
        if _same_items(old, items, ("nama", "kode", "jumlah")):
            return None
        text = translate("Undo", "Ubah sumber dana %1").replace("%1", self._label("plan", row_id))
        return self.execute(SetListCommand(self, "sumber_dana", row_id, items, text))

    def add_row(self, which: str, parent_id: str | None, kode: str, nama: str,
                position: int | None = None, **fields: Any) -> tuple[str | None, str | None]:
        """Add a row; return (new row id, None) or (None, message)."""
        level = None
        tree = self.doc.plan if which == "plan" else self.doc.evaluation
        if parent_id is not None and parent_id in tree.nodes:
            level = tree.nodes[parent_id].level + 1
        what = level_name(level).lower() if level else translate("Undo", "baris")
        text = translate("Undo", "Tambah %1 %2").replace("%1", what).replace("%2", kode or nama[:30])
        cmd = AddRowCommand(self, which, parent_id, kode, nama, position, fields, text)
        err = self.execute(cmd)
        return (None, err) if err else (cmd.row_id, None)

    def delete_rows(self, which: str, row_ids: Iterable[str]) -> str | None:
        tree = self.doc.plan if which == "plan" else self.doc.evaluation
        wanted = {r for r in row_ids if r in tree.nodes}
        if not wanted:
            return translate("Undo", "Tidak ada baris yang dipilih.")
        # only the top-most of the chosen rows (children go with their parent), in document order
        tops = [n.id for n in tree.walk()
                if n.id in wanted and not any(a.id in wanted for a in n.ancestors())]
        if len(tops) == 1:
            text = translate("Undo", "Hapus %1").replace("%1", self._label(which, tops[0]))
        else:
            text = translate("Undo", "Hapus %1 baris").replace("%1", str(len(tops)))
        return self.execute(DeleteRowsCommand(self, which, tops, text))

    def move_row(self, which: str, row_id: str, new_parent_id: str | None, position: int | None) -> str | None:
        tree = self.doc.plan if which == "plan" else self.doc.evaluation
        node = tree.nodes.get(row_id)
        if node is None:
            return translate("Undo", "Baris tidak ditemukan (mungkin sudah dihapus).")
        same_parent = (node.parent.id if node.parent else None) == new_parent_id
        if same_parent and position is not None and tree.index_of(node) == position:
            return None
        text = translate("Undo", "Pindahkan %1").replace("%1", self._label(which, row_id))
        return self.execute(MoveRowCommand(self, which, row_id, new_parent_id, position, text))

    def whole_document(self, operation: Callable[[], Any], text: str) -> tuple[Any, str | None]:
        """Run an operation that may change any table as one undoable step. Returns (result, error)."""
        cmd = WholeDocumentCommand(self, operation, text)
        err = self.execute(cmd)
        return cmd.result, err

    def insert_rows(self, which: str, operation: Callable[[], Any], text: str) -> tuple[Any, list[str], str | None]:
        """Run ``operation`` (which adds rows); make it one undoable step. Returns (result, roots, error)."""
        cmd = InsertedRowsCommand(self, which, operation, text)
        err = self.execute(cmd)
        return cmd.result, cmd.roots, err

    # -- evaluation rows ------------------------------------------------------------------
    def set_eval(self, row_id: str, **fields: Any) -> str | None:
        node = self.doc.evaluation.nodes.get(row_id)
        if node is None:
            return translate("Undo", "Baris tidak ditemukan (mungkin sudah dihapus).")
        if all(_same(node.values.get(k), v) for k, v in fields.items()):
            return None
        text = translate("Undo", "Ubah Tabel 2.1 %1").replace("%1", self._label("eval", row_id))
        return self.execute(SetFieldsCommand(self, "eval", row_id, fields, text))

    # -- identity -------------------------------------------------------------------------
    def set_document(self, **fields: Any) -> str | None:
        if all(_same(self.doc.info.get(k), v) for k, v in fields.items()):
            return None
        return self.execute(SetDocumentCommand(self, fields, translate("Undo", "Ubah identitas dokumen")))

    # -- lists ----------------------------------------------------------------------------
    def add_list_item(self, name: str, position: int | None = None, **fields: Any) -> tuple[str | None, str | None]:
        cmd = ListItemCommand(self, name, "add", translate("Undo", "Tambah baris"), fields=fields, position=position)
        err = self.execute(cmd)
        return (None, err) if err else (cmd.item_ids[0], None)

    def set_list_item(self, name: str, item_id: str, **fields: Any) -> str | None:
        items = self.doc.pelayanan if name == "pelayanan" else self.doc.usulan
        item = next((it for it in items if it["id"] == item_id), None)
        if item is None:
            return translate("Undo", "Baris tidak ditemukan (mungkin sudah dihapus).")
        if all(_same(item.get(k), v) for k, v in fields.items()):
            return None
        return self.execute(ListItemCommand(self, name, "set", translate("Undo", "Ubah baris"), item_ids=[item_id], fields=fields))

    def delete_list_items(self, name: str, item_ids: Iterable[str]) -> str | None:
        ids = list(item_ids)
        if not ids:
            return translate("Undo", "Tidak ada baris yang dipilih.")
        return self.execute(ListItemCommand(self, name, "delete", translate("Undo", "Hapus baris"), item_ids=ids))

    def move_list_item(self, name: str, item_id: str, position: int) -> str | None:
        return self.execute(ListItemCommand(self, name, "move", translate("Undo", "Pindahkan baris"),
                                            item_ids=[item_id], position=position))


def _same(old: Any, new: Any) -> bool:
    """Is a typed value the same as the stored one (so no undo step is needed)?"""
    if old is None:
        return new is None or str(new).strip() == ""
    if isinstance(old, int) and not isinstance(old, bool):
        if isinstance(new, int):
            return old == new
        from ..formatting import NumberError, parse_rupiah
        try:
            return parse_rupiah(new) == old
        except NumberError:
            return False
    return str(old) == ("" if new is None else str(new))


def _same_items(old: list[dict], new: list[dict], keys: tuple[str, ...]) -> bool:
    if len(old) != len(new):
        return False
    for a, b in zip(old, new):
        for k in keys:
            va, vb = a.get(k), b.get(k)
            if k == "jumlah":
                if not _same(va, vb):
                    return False
            elif str(va or "").strip() != str(vb or "").strip():
                return False
    return True
