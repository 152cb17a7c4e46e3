"""A Qt item model over a :class:`renja_desktop.compute.RollupTree`, updated incrementally.

The document service changes its trees first and reports a :class:`~renja_desktop.service.ChangeEvent`
afterwards, while Qt wants ``beginInsertRows``/``beginRemoveRows``/``beginMoveRows`` *before* its
structure changes. So the model keeps a light mirror of the structure (one :class:`_Item` per row:
id, parent, children, row number) and, on each change, brings the mirror in line with the tree
step by step, announcing each step to Qt:

* removed rows are taken out of the mirror (``beginRemoveRows``),
* the children of every parent that gained, lost or reordered rows are reconciled in order
  (``beginMoveRows`` for rows that exist elsewhere in the mirror, ``beginInsertRows`` for new ones),
* rows whose shown values changed get one ``dataChanged`` each, never a model reset.

Only ``ChangeEvent('reset')`` (a batch that was rolled back and reloaded) resets the model.
Subclasses define the columns and what each cell shows.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal

from .. import registry
from ..compute import Node, RollupTree
from ..longlived import built_to_last
from ..registry import Heading
from .header import GROUP_ROLE

if TYPE_CHECKING:  # pragma: no cover
    from ..service import ChangeEvent, RenjaDocument

#: a role giving the row id (str) of any index
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: a role giving "kode nama" for the search filter
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
#: a role giving the column key (str)
COLUMN_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
#: a role giving the row's level (int)
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 4


#: a row not shown nor changed since the model was built (see ``_stamps``)
_UNSEEN = object()


def _mark(values: dict) -> tuple:
    """What tells that a row itself changed: its modification stamp, and its code (a parent's new
    code renames the rows below it without touching their stamps)."""
    return values.get("modified_at"), values.get("kode")


class _Item:
    __slots__ = ("id", "parent", "children", "row")

    def __init__(self, row_id: str | None, parent: "_Item | None", row: int = 0):
        self.id = row_id
        self.parent = parent
        self.children: list[_Item] = []
        self.row = row


class RollupTreeModel(QAbstractItemModel):
    """Base class: structure and incremental updates; subclasses fill in the cells."""

    #: which document tree: 'plan' or 'eval' (matches ChangeEvent.table)
    TABLE = "plan"
    #: the columns, from :data:`renja_desktop.registry.WINDOW_COLUMNS` (headers are not defined here)
    COLUMNS: tuple[Heading, ...] = ()
    #: columns a parent derives from its rows (a change below it repaints only these cells)
    SUM_KEYS: tuple[str, ...] = ()

    #: emitted when an edit typed into a cell was refused: (message, index)
    editRefused = Signal(str, QModelIndex)
    #: an edit was taken, with a note for the user (a code stored in its canonical form)
    editNoted = Signal(str, QModelIndex)

    def __init__(self, doc: "RenjaDocument", parent: QObject | None = None):
        super().__init__(parent)
        self._doc = doc
        self._root = _Item(None, None)
        self._items: dict[str, _Item] = {}
        self._graveyard: list[_Item] = []   # removed items stay referenced (index pointers)
        self._errors: dict[tuple[str, str], str] = {}
        self._ncols = len(self.COLUMNS)
        self._keys = [c.key for c in self.COLUMNS]
        sums = [self._keys.index(k) for k in self.SUM_KEYS if k in self._keys]
        self._sum_span = (min(sums), max(sums)) if sums else None
        #: each row's modification stamp and code (:func:`_mark`) when first shown (``data()``
        #: records it) or last changed: a row whose mark did not change but whose descendants
        #: changed only shows new totals;
        #: so does a row never shown yet (nothing of it is on screen). Recorded as rows are shown,
        #: not for all 50.000 rows at open.
        self._stamps: dict[str, tuple] = {}
        #: hook for tests and benchmarks: called as probe(index, role) from data()
        self.data_probe: Callable[[QModelIndex, int], None] | None = None
        self._build()
        doc.add_listener(self._on_change)

    # ------------------------------------------------------------------ life cycle
    def detach(self) -> None:
        """Stop listening to the document (before it is closed)."""
        self._doc.remove_listener(self._on_change)

    @property
    def doc(self) -> "RenjaDocument":
        return self._doc

    @property
    def tree(self) -> RollupTree:
        return self._doc.plan if self.TABLE == "plan" else self._doc.evaluation

    def _build(self) -> None:
        with built_to_last():  # one _Item per row lives as long as the model, like the document's tree
            self._build_mirror()

    def _build_mirror(self) -> None:
        self._root = _Item(None, None)
        self._items = {}
        self._graveyard = []
        self._populate(self._root, self.tree.roots)
        self._stamps = {}

    def _populate(self, item: _Item, nodes: list[Node]) -> None:
        stack = [(item, nodes)]
        items = self._items
        while stack:
            parent, children = stack.pop()
            lst = parent.children
            for i, node in enumerate(children):
                child = _Item(node.id, parent, i)
                lst.append(child)
                items[node.id] = child
                if node.children:
                    stack.append((child, node.children))

    # ------------------------------------------------------------------ lookups
    def column_index(self, key: str) -> int:
        return self._keys.index(key)

    def column_key(self, column: int) -> str:
        return self._keys[column]

    def node(self, index: QModelIndex) -> Node | None:
        if not index.isValid():
            return None
        item = index.internalPointer()
        return self.tree.nodes.get(item.id)

    def row_id(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        return index.internalPointer().id

    def index_of(self, row_id: str | None, column: int = 0) -> QModelIndex:
        if row_id is None:
            return QModelIndex()
        item = self._items.get(row_id)
        if item is None:
            return QModelIndex()
        return self.createIndex(item.row, column, item)

    def _index_of_item(self, item: _Item) -> QModelIndex:
        if item is self._root:
            return QModelIndex()
        return self.createIndex(item.row, 0, item)

    # ------------------------------------------------------------------ Qt structure
    # index(), hasChildren() and flags() are called once per row by expandAll (50.000 rows: every
    # Python call saved there counts); an invalid index has no pointer (None) and column -1
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        item = parent.internalPointer()
        if row >= 0 and 0 <= column < self._ncols:
            try:
                return self.createIndex(row, column, (item or self._root).children[row])
            except IndexError:
                pass
        return QModelIndex()

    def parent(self, index: QModelIndex | None = None):  # noqa: D401 - Qt override
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        p = index.internalPointer().parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._root.children)
        if parent.column() > 0:
            return 0
        return len(parent.internalPointer().children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return self._ncols

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        item = parent.internalPointer()
        if item is None:
            return bool(self._root.children)
        return bool(item.children) and parent.column() <= 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self._ncols:
            return None
        col = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(col)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip_id:
            return self.header_tooltip(col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == GROUP_ROLE:
            return self.header_group(col) if col.group else None
        return None

    def header_text(self, col: Heading) -> str:
        """The registry's label in the current language, with the document's years filled in."""
        return registry.fill_years(col.label(), self._doc.info.get("tahun"), self._doc.info.get("renstra_selesai"))

    def header_group(self, col: Heading) -> str:
        return registry.fill_years(registry.header_group(col.group), self._doc.info.get("tahun"),
                                   self._doc.info.get("renstra_selesai"))

    def header_tooltip(self, col: Heading) -> str:
        return col.tooltip()

    # ------------------------------------------------------------------ errors shown in cells
    def set_cell_error(self, row_id: str, key: str, message: str | None) -> None:
        if message:
            self._errors[(row_id, key)] = message
        else:
            self._errors.pop((row_id, key), None)
        idx = self.index_of(row_id, self.column_index(key)) if key in self._keys else QModelIndex()
        if idx.isValid():
            self.dataChanged.emit(idx, idx)

    def forget_errors(self, keep_row: str | None = None) -> None:
        """A refused value's mark lasts while the user is on its row: once they move on (the old
        value kept), or the row changes, the cell is shown normally again."""
        for row_id, key in [k for k in self._errors if k[0] != keep_row]:
            self.set_cell_error(row_id, key, None)

    # ------------------------------------------------------------------ incremental updates
    def _on_change(self, change: "ChangeEvent") -> None:
        if change.table == "reset":
            self.beginResetModel()
            self._build()
            self.invalidate_cache(None)
            self.endResetModel()
            return
        if change.table != self.TABLE:
            self.on_other_change(change)
            return
        tree = self.tree
        nodes = tree.nodes
        # 1. removals
        for rid in change.removed:
            item = self._items.get(rid)
            if item is not None and rid not in nodes:
                self._remove_item(item)
        # 2. insertions and moves: reconcile the children of every parent involved
        parents: dict[str | None, int] = {}
        for rid in list(change.inserted) + list(change.moved):
            node = nodes.get(rid)
            if node is None:
                continue
            pid = node.parent.id if node.parent is not None else None
            parents[pid] = node.depth() - 1
            item = self._items.get(rid)
            if item is not None and item.parent is not None and item.parent.id != pid:
                parents.setdefault(item.parent.id, 99)  # the old parent: after the new ones
        for pid in sorted(parents, key=lambda p: parents[p]):
            parent_item = self._root if pid is None else self._items.get(pid)
            if parent_item is None:
                continue  # a parent inserted with its subtree in this change: already complete
            self._sync_children(parent_item)
        # 3. values: rows edited themselves repaint whole; their ancestors only their totals
        changed = change.changed
        if self._errors:  # a row changed since its value was refused: the mark is stale
            for row_id, key in [k for k in self._errors if k[0] in changed or k[0] in change.removed]:
                self._errors.pop((row_id, key), None)
        self.invalidate_cache(changed)
        last = self._ncols - 1
        above: set[str] = set()
        if self._sum_span is not None and len(changed) > 1:
            for rid in changed:
                node = nodes.get(rid)
                if node is not None:
                    for a in node.ancestors():
                        if a.id in changed:
                            above.add(a.id)
        stamps = self._stamps
        for rid in changed:
            item = self._items.get(rid)
            node = nodes.get(rid)
            if item is None or node is None:
                continue
            stamp = _mark(node.values)
            old = stamps.get(rid, _UNSEEN)
            stamps[rid] = stamp
            if rid in above and (old is _UNSEEN or (old[0] is not None and stamp == old)):
                first, end = self._sum_span
            else:
                first, end = 0, last
            self.dataChanged.emit(self.createIndex(item.row, first, item), self.createIndex(item.row, end, item))
        self.after_change(change)

    def on_other_change(self, change: "ChangeEvent") -> None:
        """A change of another table (subclasses may care, e.g. indicators)."""

    def after_change(self, change: "ChangeEvent") -> None:
        """Hook after a change of this model's table was applied."""

    def shown(self, node: Node) -> None:
        """``data()`` shows ``node`` (its display text): remember its stamp the first time."""
        if node.id not in self._stamps:
            self._stamps[node.id] = _mark(node.values)

    def invalidate_cache(self, row_ids) -> None:
        """Forget cached computed values of these rows (``None``: all)."""

    @staticmethod
    def _renumber(item: _Item, start: int = 0) -> None:
        children = item.children
        for i in range(start, len(children)):
            children[i].row = i

    def _drop_subtree(self, item: _Item) -> None:
        stack = [item]
        while stack:
            it = stack.pop()
            self._items.pop(it.id, None)
            stack.extend(it.children)
        self._graveyard.append(item)

    def _remove_item(self, item: _Item) -> None:
        parent = item.parent
        row = item.row
        self.beginRemoveRows(self._index_of_item(parent), row, row)
        parent.children.pop(row)
        self._renumber(parent, row)
        self._drop_subtree(item)
        self.endRemoveRows()

    def _sync_children(self, parent_item: _Item) -> None:
        pid = parent_item.id
        nodes = self.tree.children_of(pid) if (pid is None or pid in self.tree.nodes) else []
        pidx = self._index_of_item(parent_item)
        for i, node in enumerate(nodes):
            cur = parent_item.children
            if i < len(cur) and cur[i].id == node.id:
                continue
            item = self._items.get(node.id)
            if item is not None and item.parent is parent_item:
                j = item.row
                # Qt's destination row counts positions before the move
                if self.beginMoveRows(pidx, j, j, pidx, i):
                    cur.pop(j)
                    cur.insert(i, item)
                    self._renumber(parent_item, min(i, j))
                    self.endMoveRows()
            elif item is not None:
                src = item.parent
                j = item.row
                sidx = self._index_of_item(src)
                if self.beginMoveRows(sidx, j, j, pidx, i):
                    src.children.pop(j)
                    self._renumber(src, j)
                    cur.insert(i, item)
                    item.parent = parent_item
                    self._renumber(parent_item, i)
                    self.endMoveRows()
            else:
                self.beginInsertRows(pidx, i, i)
                item = _Item(node.id, parent_item, i)
                cur.insert(i, item)
                self._items[node.id] = item
                self._populate(item, node.children)
                self._renumber(parent_item, i)
                self.endInsertRows()
        # rows left over at the end were moved elsewhere (synced with their new parent) or gone
        cur = parent_item.children
        wanted = {n.id for n in nodes}
        for item in list(cur[len(nodes):]):
            if item.id not in wanted and item.id not in self.tree.nodes:
                self._remove_item(item)

    # ------------------------------------------------------------------ consistency (tests)
    def mirror_matches_tree(self) -> bool:
        """True when the mirror has exactly the tree's structure (used by the tests)."""
        def same(item: _Item, nodes: list[Node]) -> bool:
            if [c.id for c in item.children] != [n.id for n in nodes]:
                return False
            for i, (c, n) in enumerate(zip(item.children, nodes)):
                if c.row != i or c.parent is not item or not same(c, n.children):
                    return False
            return True
        return same(self._root, self.tree.roots) and len(self._items) == len(self.tree.nodes)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # pragma: no cover
        raise NotImplementedError
