"""Every change a user can make to a Renja, as one operation object (no Qt).

An operation is executed on an open :class:`~renja_desktop.service.RenjaDocument`; executing it
returns an :class:`Applied`: the operation's result (a new row's id, an import report, ...), its
:class:`ChangeSet` and its inverse operation, which undoes exactly that change set. The document
keeps the undo/redo history (``doc.history.execute(op)``, ``undo()``, ``redo()``, see
:mod:`renja_desktop.history`); the window wraps each entry in one generic ``QUndoCommand`` and the
command line calls the same operations, so both read a typed value the same way.

How the inverse comes about: every primitive write of the service (a field set, a row inserted,
deleted or moved, a list replaced, ...) records how to undo itself while an operation runs
(:meth:`RenjaDocument.recording`). The change set is those recorded steps plus the change events
the service emitted; the inverse is :class:`Revert`, which replays the steps backwards and, being
an operation itself, records its own inverse (the redo). No operation copies rows before and after.

How to add an operation (e.g. for chapters or stages)
-----------------------------------------------------
1. Make sure each document write it needs is a service method that calls ``self._record(...)``
   with the call that undoes it, right after the write succeeded, and ``self._emit(ChangeEvent(...))``
   for the views (see ``RenjaDocument.set_list_item`` for the pattern).
2. Subclass :class:`Operation`: store the arguments in ``__init__`` (with ``super().__init__()``),
   set ``label`` (a short Indonesian description, shown in Edit ▸ Urungkan) and implement
   ``apply(doc)``, which validates, calls the service and returns a result. Several writes go in
   ``with doc.batch():`` so that all or none are saved. Write nothing when nothing would change
   (an operation without steps is not kept in the history).
3. Add a case to ``tests/test_operations.py`` (apply, undo, redo compared on the content dump).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from . import registry
from .errors import level_text
from .formatting import NumberError, parse_rupiah
from .importer import TableNotRecognized, import_file, import_source, import_text
from .service import ChangeEvent, EditError, Step

if TYPE_CHECKING:  # pragma: no cover
    from .compute import Node
    from .service import RenjaDocument

#: cells of a plan row that edit its first indicator (cell key -> indicator field)
INDIKATOR_KEYS = {k: ("teks" if k == "indikator" else k) for k in registry.fields("indikator")}
INDIKATOR_FIELDS = tuple(INDIKATOR_KEYS.values())
#: fields stored on the plan row itself
PLAN_ROW_FIELDS = registry.fields("plan")
#: every settable cell of a plan row
PLAN_CELL_KEYS = registry.plan_cells()


# ---------------------------------------------------------------------------------- the result
@dataclass
class ChangeSet:
    """What an operation changed: the recorded inverse steps and the change events for views."""

    steps: list[Step] = field(default_factory=list)
    events: list[ChangeEvent] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.steps)

    def inserted(self, table: str) -> list[str]:
        """Ids of the rows inserted into ``table`` ('plan', 'eval', 'pelayanan', ...), in order."""
        out: list[str] = []
        for ev in self.events:
            if ev.table == table:
                out.extend(ev.inserted)
        return out

    def changed(self, table: str) -> set[str]:
        out: set[str] = set()
        for ev in self.events:
            if ev.table == table:
                out |= ev.changed
        return out

    def tables(self) -> set[str]:
        return {ev.table for ev in self.events}


@dataclass
class Applied:
    """An executed operation: its result, change set and the operation that undoes it."""

    result: Any
    changes: ChangeSet
    inverse: "Operation"


class Operation:
    """One user-level change. Subclasses implement :meth:`apply`; see the module docstring."""

    label = ""

    def apply(self, doc: "RenjaDocument") -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def execute(self, doc: "RenjaDocument") -> Applied:
        """Apply on ``doc``; return the result, the change set and the inverse."""
        with doc.recording() as rec:
            result = self.apply(doc)
        changes = ChangeSet(list(rec.steps), list(rec.events))
        return Applied(result, changes, Revert(changes.steps, self.label))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.label!r}>"


class Revert(Operation):
    """Undo a change set: replay its steps backwards (one transaction when there are several)."""

    def __init__(self, steps: list[Step], label: str = ""):
        self.steps = list(steps)
        self.label = label

    def apply(self, doc: "RenjaDocument") -> None:
        if len(self.steps) > 1:
            with doc.batch():
                doc.replay(self.steps)
        elif self.steps:
            doc.replay(self.steps)


class Call(Operation):
    """Any function of the document as one operation (``fn(doc)``), e.g. a whole import."""

    def __init__(self, fn: Callable[["RenjaDocument"], Any], label: str = ""):
        self.fn = fn
        self.label = label

    def apply(self, doc: "RenjaDocument") -> Any:
        with doc.batch():
            return self.fn(doc)


# ---------------------------------------------------------------------------------- helpers
def tree_of(doc: "RenjaDocument", which: str):
    if which == "plan":
        return doc.plan
    if which == "eval":
        return doc.evaluation
    raise EditError("edit.unknown_table", name=which)


def _node(doc: "RenjaDocument", which: str, row_id: str) -> "Node":
    node = tree_of(doc, which).nodes.get(row_id)
    if node is None:
        raise EditError("edit.row_missing")
    return node


def same_value(old: Any, new: Any) -> bool:
    """Is a typed value the same as the stored one (so nothing needs to change)?"""
    if old is None:
        return new is None or str(new).strip() == ""
    if isinstance(old, int) and not isinstance(old, bool):
        if isinstance(new, int):
            return old == new
        try:
            return parse_rupiah(new) == old
        except NumberError:
            return False
    return str(old) == ("" if new is None else str(new))


def same_items(old: list[dict], new: list[dict], keys: Iterable[str]) -> bool:
    if len(old) != len(new):
        return False
    for a, b in zip(old, new):
        for k in keys:
            va, vb = a.get(k), b.get(k)
            if k == "jumlah":
                if not same_value(va, vb):
                    return False
            elif str(va or "").strip() != str(vb or "").strip():
                return False
    return True


def parse_sumber_dana(text: str, current: list[dict] | None = None) -> list[dict]:
    """Funding sources as typed in one cell or on the command line: ``"DAU"`` or
    ``"DAU=1.000.000; PAD=500.000"``. A source typed without an amount keeps the amount (and
    code) it has now, found by name, or, for a renamed source, at the same place in the list; an
    empty text removes them all. The one reading of that text for the window and the CLI."""
    current = list(current or [])
    parts = [p.strip() for p in str(text or "").split(";") if p.strip()]
    named = {str(x.get("nama") or "").strip() for x in current}
    typed_names = set()
    items = []
    for part in parts:
        if "=" in part:
            nama, jumlah = part.rsplit("=", 1)
            items.append({"nama": nama.strip(), "jumlah": jumlah.strip() or None})
        else:
            items.append({"nama": part, "jumlah": None, "_keep": True})
        typed_names.add(items[-1]["nama"])
    for i, item in enumerate(items):
        if not item.pop("_keep", False):
            continue
        match = next((x for x in current if str(x.get("nama") or "").strip() == item["nama"]), None)
        if match is None and i < len(current) and str(current[i].get("nama") or "").strip() not in typed_names \
                and str(current[i].get("nama") or "").strip() in named:
            match = current[i]
        if match is not None:
            item["jumlah"] = match.get("jumlah")
            item["kode"] = match.get("kode") or "" if match.get("nama") == item["nama"] else ""
            if match.get("id") and not any(x.get("id") == match["id"] for x in items):
                item["id"] = match["id"]
    return items


def with_first_indikator(items: list[dict], key: str, value: Any) -> list[dict]:
    """Indicators after typing ``value`` into the first one's ``key`` (``teks``, ``target``,
    ``satuan``, ``target_n1``): a first indicator left all empty is removed. The one rule for the
    window's cells and the command line."""
    items = [dict(x) for x in items] or [{}]
    items[0][key] = "" if value is None else str(value)
    if not any(str(items[0].get(k) or "").strip() for k in INDIKATOR_FIELDS):
        items = items[1:]
    return items


# ---------------------------------------------------------------------------------- plan rows
class SetPlanFields(Operation):
    """Set cells of one plan row, as typed or as values: row fields (``nama``, ``pagu``, ...), the
    first indicator's ``indikator``/``target``/``satuan``/``target_n1`` and ``sumber_dana`` (text,
    see :func:`parse_sumber_dana`, or a list of dicts)."""

    def __init__(self, row_id: str, fields: dict[str, Any], check: bool = True, label: str = ""):
        self.row_id = row_id
        self.fields = dict(fields)
        self.check = check
        self.label = label or "Ubah " + ", ".join(self.fields)

    def apply(self, doc: "RenjaDocument") -> None:
        node = _node(doc, "plan", self.row_id)
        unknown = [k for k in self.fields if k not in PLAN_CELL_KEYS]
        if unknown:
            raise EditError("edit.unknown_field", field=unknown[0], what=EditError("edit.plan_row"))
        row = {k: v for k, v in self.fields.items() if k in PLAN_ROW_FIELDS
               and not same_value(node.values.get(k), v)}
        writes: list[Callable[[], Any]] = []
        if row:
            writes.append(lambda: doc.set_plan(self.row_id, check=self.check, **row))
        ind_keys = [k for k in self.fields if k in INDIKATOR_KEYS]
        if ind_keys:
            items = doc.indikator.get(self.row_id, [])
            for k in ind_keys:
                items = with_first_indikator(items, INDIKATOR_KEYS[k], self.fields[k])
            if not same_items(doc.indikator.get(self.row_id, []), items, INDIKATOR_FIELDS):
                writes.append(lambda: doc.set_indikator(self.row_id, items))
        if "sumber_dana" in self.fields:
            value = self.fields["sumber_dana"]
            old = doc.sumber_dana.get(self.row_id, [])
            sd = value if isinstance(value, list) else parse_sumber_dana(value, old)
            if not same_items(old, sd, ("nama", "kode", "jumlah")):
                writes.append(lambda: doc.set_sumber_dana(self.row_id, sd))
        if len(writes) > 1:
            with doc.batch():
                for w in writes:
                    w()
        elif writes:
            writes[0]()


class SetIndikator(Operation):
    """Replace a plan row's indicators (dicts of ``teks``, ``target``, ``satuan``, ``target_n1``)."""

    def __init__(self, row_id: str, items: list[dict], label: str = ""):
        self.row_id = row_id
        self.items = [dict(x) for x in items]
        self.label = label or "Ubah indikator"

    def apply(self, doc: "RenjaDocument") -> None:
        _node(doc, "plan", self.row_id)
        if not same_items(doc.indikator.get(self.row_id, []), self.items, INDIKATOR_FIELDS):
            doc.set_indikator(self.row_id, [dict(x) for x in self.items])


class SetSumberDana(Operation):
    """Replace a sub kegiatan's funding sources: a list of dicts or the text of one cell."""

    def __init__(self, row_id: str, items: "list[dict] | str", label: str = ""):
        self.row_id = row_id
        self.items = items if isinstance(items, str) else [dict(x) for x in items]
        self.label = label or "Ubah sumber dana"

    def apply(self, doc: "RenjaDocument") -> None:
        _node(doc, "plan", self.row_id)
        old = doc.sumber_dana.get(self.row_id, [])
        items = parse_sumber_dana(self.items, old) if isinstance(self.items, str) else self.items
        if not same_items(old, items, ("nama", "kode", "jumlah")):
            doc.set_sumber_dana(self.row_id, [dict(x) for x in items])


class SetEvalFields(Operation):
    """Set fields of one evaluation row (Tabel 2.1), as typed or as values."""

    def __init__(self, row_id: str, fields: dict[str, Any], label: str = ""):
        self.row_id = row_id
        self.fields = dict(fields)
        self.label = label or "Ubah Tabel 2.1"

    def apply(self, doc: "RenjaDocument") -> None:
        node = _node(doc, "eval", self.row_id)
        fields = {k: v for k, v in self.fields.items() if not same_value(node.values.get(k), v)}
        if fields:
            doc.set_eval(self.row_id, **fields)


def next_code(doc: "RenjaDocument", which: str, parent_id: str | None, level: int | None = None) -> str:
    """The code proposed for a new row under ``parent_id`` (the one rule, for both trees)."""
    return doc.next_free_code(parent_id, which, level)


class AddRow(Operation):
    """Add a plan or evaluation row. ``kode=None``: the next free code under the parent. The result
    is the new row's id."""

    def __init__(self, which: str, parent_id: str | None, kode: str | None, nama: str,
                 position: int | None = None, level: int | None = None, fields: dict | None = None,
                 check: bool = True, label: str = ""):
        self.which = which
        self.parent_id = parent_id
        self.kode = kode
        self.nama = nama
        self.position = position
        self.level = level
        self.fields = dict(fields or {})
        self.check = check
        self.label = label or f"Tambah {kode or nama[:30]}"

    def apply(self, doc: "RenjaDocument") -> str:
        tree_of(doc, self.which)
        kode = self.kode
        if kode is None:
            kode = next_code(doc, self.which, self.parent_id, self.level)
        if self.which == "plan":
            extra = {} if self.level is None or self.parent_id is not None else {"level": self.level}
            return doc.add_plan_row(self.parent_id, kode, self.nama, position=self.position,
                                    check=self.check, **extra, **self.fields)
        extra = {} if self.level is None else {"level": self.level}
        return doc.add_eval_row(self.parent_id, kode, self.nama, position=self.position, **extra, **self.fields)


def top_rows(tree, row_ids: Iterable[str]) -> list["Node"]:
    """The top-most of the given rows (children go with their parent), in document order."""
    wanted = {r for r in row_ids if r in tree.nodes}
    return [n for n in tree.walk() if n.id in wanted and not any(a.id in wanted for a in n.ancestors())]


class DeleteRows(Operation):
    """Delete rows with their subtrees."""

    def __init__(self, which: str, row_ids: Iterable[str], label: str = ""):
        self.which = which
        self.row_ids = list(row_ids)
        self.label = label or "Hapus baris"

    def apply(self, doc: "RenjaDocument") -> int:
        tree = tree_of(doc, self.which)
        tops = top_rows(tree, self.row_ids)
        if not tops:
            raise EditError("edit.nothing_selected")
        count = sum(sum(1 for _ in tree.subtree(n)) for n in tops)
        with doc.batch():
            for n in tops:
                doc._delete_tree_row(self.which, n.id)
        return count


class MoveRow(Operation):
    """Move a row with its subtree to ``position`` under ``new_parent_id`` (codes follow the new
    parent). ``position=None``: last."""

    def __init__(self, which: str, row_id: str, new_parent_id: str | None, position: int | None = None,
                 label: str = ""):
        self.which = which
        self.row_id = row_id
        self.new_parent_id = new_parent_id
        self.position = position
        self.label = label or "Pindahkan baris"

    def apply(self, doc: "RenjaDocument") -> None:
        tree = tree_of(doc, self.which)
        node = _node(doc, self.which, self.row_id)
        same_parent = (node.parent.id if node.parent else None) == self.new_parent_id
        if same_parent and self.position is not None and tree.index_of(node) == self.position:
            return
        doc._move_tree_row(self.which, self.row_id, self.new_parent_id, self.position, True)


# ---------------------------------------------------------------------------------- copy and paste
def subtree_records(doc: "RenjaDocument", which: str, node: "Node") -> dict:
    """A row with its subtree as plain data (what is copied to the clipboard)."""
    rec = {k: v for k, v in node.values.items() if k not in ("id", "parent_id", "position", "modified_at")}
    if which == "plan":
        rec["_indikator"] = [{k: x.get(k) for k in INDIKATOR_FIELDS} for x in doc.indikator.get(node.id, [])]
        rec["_sumber_dana"] = [{k: x.get(k) for k in ("kode", "nama", "jumlah")}
                               for x in doc.sumber_dana.get(node.id, [])]
    rec["_children"] = [subtree_records(doc, which, c) for c in node.children]
    return rec


def paste_place(tree, current: "Node | None", level: int) -> "tuple[Node | None, int | None]":
    """Where rows of ``level`` pasted at the current row go: (parent, position). Raises
    :class:`EditError` when that level cannot go there."""
    if current is None:
        parent, position = None, None
    elif current.level == level - 1:
        parent, position = current, None
    elif current.level == level:
        parent, position = current.parent, tree.index_of(current) + 1
    else:
        raise EditError("edit.paste_under", level=level_text(level), parent=level_text(current.level, lower=True))
    if (parent.level if parent else 0) != level - 1:
        raise EditError("edit.paste_top", level=level_text(level))
    return parent, position


class PasteRows(Operation):
    """Paste copied rows (with their subtrees, see :func:`subtree_records`) under ``parent_id`` at
    ``position``, each root with the next free code there and its descendants' codes following.
    The result is the list of new root ids."""

    def __init__(self, which: str, records: list[dict], parent_id: str | None, position: int | None,
                 label: str = ""):
        self.which = which
        self.records = records
        self.parent_id = parent_id
        self.position = position
        self.label = label or f"Tempel {len(records)} baris"

    def apply(self, doc: "RenjaDocument") -> list[str]:
        which = self.which
        tree_of(doc, which)

        def insert(rec: dict, parent_id: str | None, position: int | None, old_prefix: str, new_prefix: str) -> str:
            kode = rec.get("kode") or ""
            if old_prefix and kode.startswith(old_prefix):
                kode = new_prefix + kode[len(old_prefix):]
            fields = {k: v for k, v in rec.items() if not k.startswith("_") and k not in ("kode", "nama", "level")}
            if which == "plan":
                rid = doc.add_plan_row(parent_id, kode, rec.get("nama") or "", level=rec["level"],
                                       position=position, check=False, **fields)
                if rec.get("_indikator"):
                    doc.set_indikator(rid, rec["_indikator"])
                if rec.get("_sumber_dana"):
                    doc.set_sumber_dana(rid, rec["_sumber_dana"])
            else:
                rid = doc.add_eval_row(parent_id, kode, rec.get("nama") or "", level=rec["level"],
                                       position=position, **{k: v for k, v in fields.items() if v is not None})
            for child in rec.get("_children", []):
                insert(child, rid, None, old_prefix, new_prefix)
            return rid

        roots = []
        pos = self.position
        with doc.batch():
            for rec in self.records:
                new_code = next_code(doc, which, self.parent_id, rec.get("level"))
                roots.append(insert(rec, self.parent_id, pos, rec.get("kode") or "", new_code))
                if pos is not None:
                    pos += 1
        return roots


# ---------------------------------------------------------------------------------- import
def inserted_roots(doc: "RenjaDocument", changes: ChangeSet, which: str) -> list[str]:
    """The rows an operation added to a tree whose parent it did not add, in document order."""
    tree = tree_of(doc, which)
    ids = {i for i in changes.inserted(which) if i in tree.nodes}
    roots = [i for i in ids if tree.nodes[i].parent is None or tree.nodes[i].parent.id not in ids]
    if len(roots) > 1:
        order = {n.id: k for k, n in enumerate(tree.walk())}
        roots.sort(key=lambda i: order.get(i, 0))
    return roots


class ImportFile(Operation):
    """Import a table file (or a source already read) into the document; the result is the import
    report. A failed import changes nothing."""

    def __init__(self, path=None, table: str | None = None, sheet: str | None = None,
                 column_map: dict[str, str] | None = None, source=None, label: str = ""):
        self.path = path
        self.table = table
        self.sheet = sheet
        self.column_map = column_map
        self.source = source
        self.label = label or "Impor"

    def apply(self, doc: "RenjaDocument"):
        with doc.batch():
            if self.source is not None:
                report = import_source(doc, self.source, table=self.table, column_map=self.column_map)
            else:
                report = import_file(doc, self.path, table=self.table, sheet=self.sheet,
                                     column_map=self.column_map)
            if report.failed:
                raise EditError(report.summary())
        return report


class ImportText(Operation):
    """Rows of text (tab-separated, e.g. pasted from Excel) read by the importer under
    ``parent_id``: with a header row its columns are recognised, without one Tabel 4.1's order is
    assumed (kode, uraian, pagu, sumber dana). The result is the import report."""

    def __init__(self, text: str, parent_id: str | None = None, label: str = ""):
        self.text = text
        self.parent_id = parent_id
        self.label = label or "Tempel dari Excel"

    def apply(self, doc: "RenjaDocument"):
        with doc.batch():
            try:
                return import_text(doc, self.text, parent_id=self.parent_id)
            except TableNotRecognized:
                return import_text(doc, self.text, table="4.1", parent_id=self.parent_id)


# ---------------------------------------------------------------------------------- identity
class SetDocument(Operation):
    """Set identity/signature fields of the document (``pemda``, ``tahun``, ``kepala_nip``, ...)."""

    def __init__(self, fields: dict[str, Any], label: str = ""):
        self.fields = dict(fields)
        self.label = label or "Ubah identitas dokumen"

    def apply(self, doc: "RenjaDocument") -> None:
        fields = {k: v for k, v in self.fields.items() if not same_value(doc.info.get(k), v)}
        if fields:
            doc.set_document(**fields)


class SetCatalogVersion(SetDocument):
    """Make the document follow a version of the nomenclature catalog."""

    def __init__(self, versi: str, label: str = ""):
        super().__init__({"nomenklatur_versi": versi}, label or f"Ikuti katalog {versi}")


class ClearDeclared(Operation):
    """Remove the printed values kept from an import (of one table, or all)."""

    def __init__(self, tabel: str | None = None, label: str = ""):
        self.tabel = tabel
        self.label = label or "Hapus nilai tercetak"

    def apply(self, doc: "RenjaDocument") -> int:
        count = sum(1 for d in doc.declared if self.tabel is None or d["tabel"] == self.tabel)
        if count:
            doc.clear_declared(self.tabel)
        return count


# ---------------------------------------------------------------------------------- lists (2.2, 2.4)
def list_items(doc: "RenjaDocument", name: str) -> list[dict]:
    return doc._list(name)[0]


def _list_index(doc: "RenjaDocument", name: str, item_id: str) -> int:
    for i, it in enumerate(list_items(doc, name)):
        if it["id"] == item_id:
            return i
    raise EditError("edit.row_missing")


class AddListItem(Operation):
    """Add an item to Tabel 2.2 (``'pelayanan'``) or 2.4 (``'usulan'``); the result is its id."""

    def __init__(self, name: str, position: int | None = None, fields: dict | None = None, label: str = ""):
        self.name = name
        self.position = position
        self.fields = dict(fields or {})
        self.label = label or "Tambah baris"

    def apply(self, doc: "RenjaDocument") -> str:
        return doc.add_list_item(self.name, position=self.position, **self.fields)


class SetListItem(Operation):
    def __init__(self, name: str, item_id: str, fields: dict, label: str = ""):
        self.name = name
        self.item_id = item_id
        self.fields = dict(fields)
        self.label = label or "Ubah baris"

    def apply(self, doc: "RenjaDocument") -> None:
        item = list_items(doc, self.name)[_list_index(doc, self.name, self.item_id)]
        fields = {k: v for k, v in self.fields.items() if not same_value(item.get(k), v)}
        if fields:
            doc.set_list_item(self.name, self.item_id, **fields)


class DeleteListItems(Operation):
    def __init__(self, name: str, item_ids: Iterable[str], label: str = ""):
        self.name = name
        self.item_ids = list(item_ids)
        self.label = label or "Hapus baris"

    def apply(self, doc: "RenjaDocument") -> None:
        if not self.item_ids:
            raise EditError("edit.nothing_selected")
        ordered = sorted(self.item_ids, key=lambda i: _list_index(doc, self.name, i))
        with doc.batch():
            for iid in ordered:
                doc.delete_list_item(self.name, iid)


class MoveListItem(Operation):
    def __init__(self, name: str, item_id: str, position: int, label: str = ""):
        self.name = name
        self.item_id = item_id
        self.position = position
        self.label = label or "Pindahkan baris"

    def apply(self, doc: "RenjaDocument") -> None:
        index = _list_index(doc, self.name, self.item_id)
        if index == self.position:
            return
        with doc.batch():
            snap = doc.delete_list_item(self.name, self.item_id)
            row = snap.rows[0]
            fields = {k: v for k, v in row.items() if k not in ("id", "position", "modified_at")}
            doc.add_list_item(self.name, position=self.position, item_id=self.item_id, **fields)


__all__ = [name for name in dir() if not name.startswith("_")]
