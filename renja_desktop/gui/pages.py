"""The tabs of the main window: tree tables (3.1/4.1, 2.3, 2.1) and list tables (2.2, 2.4).

Each page owns its model and view and implements the Edit menu's operations for its table (add
child/sibling, delete, move up/down, copy/paste), all through the :class:`~.undo.Editor`.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QTreeView, QVBoxLayout, QWidget,
)

from .. import codes
from .. import operations as ops
from ..errors import message as message_text
from ..codes import SUB_KEGIATAN
from ..formatting import format_rupiah
from . import settings as app_settings
from . import texts
from .delegates import CompleterDelegate, MoneyDelegate
from .dialogs import AddRowDialog
from .eval_model import EvalModel
from .frozen_columns import FrozenColumnsMixin
from .header import GroupedHeader
from .list_model import ListModel
from .plan_model import PlanModel, Tabel23Model
from .suggestions import name_suggestions, sumber_dana_names
from .texts import level_name
from .tree_model import SEARCH_ROLE

if TYPE_CHECKING:  # pragma: no cover
    from ..compute import Node
    from ..service import RenjaDocument
    from .undo import Editor

MIME_CLIPBOARD = "application/x-renja-plan-rows+json"

PLAN_WIDTHS = {"kode": 200, "nama": 360, "indikator": 200, "target": 55, "satuan": 75, "lokasi": 100,
               "pagu": 125, "sumber_dana": 220, "pagu_n1": 125}
T23_WIDTHS = {"kode": 200, "rkpd_nama": 250, "rkpd_lokasi": 90, "rkpd_indikator": 160, "rkpd_target": 75,
              "rkpd_pagu": 120, "nama": 250, "lokasi": 90, "indikator": 160, "target": 75, "pagu": 120,
              "selisih": 115, "rkpd_catatan": 200}


class FilterProxy(QSortFilterProxyModel):
    """Search over code and name; ancestors of matches stay visible, and so do their children.

    Recursive filtering is switched on only while a search is active: with it on, every
    ``dataChanged`` makes the proxy re-check the row's ancestors, which costs more than the rest of
    an edit's repaint in a fully expanded 50.000-row tree.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def search(self, text: str) -> None:
        active = bool(text)
        if active:
            self.setRecursiveFilteringEnabled(True)
            self.setAutoAcceptChildRows(True)
            self.setFilterFixedString(text)
        else:
            self.setFilterFixedString("")
            self.setRecursiveFilteringEnabled(False)
            self.setAutoAcceptChildRows(False)


class TreeView(QTreeView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUniformRowHeights(True)          # docs/domain.md, "Known traps": no per-row measuring
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAllColumnsShowFocus(True)
        self.setAnimated(False)
        self.setIndentation(14)
        self.setExpandsOnDoubleClick(False)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)   # never ResizeToContents
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(40)


class TablePage(QWidget):
    """Base of all pages: the operations the Edit menu asks for."""

    #: a line for the status bar
    message = Signal(str)
    #: the current row changed (row id or None)
    currentRowChanged = Signal(object)

    which = ""
    title = ""

    def can(self, operation: str) -> bool:
        return False

    def run(self, operation: str) -> None:
        getattr(self, operation)()

    def save_state(self) -> None:
        pass

    def detach(self) -> None:
        pass


class TreePage(TablePage):
    """A tree table with search, editing, moves and copy/paste.

    Two things keep a 50.000-row tree quick to open and to expand:

    * the view shows the model itself while no search is active, and the :class:`FilterProxy`
      only while one is (:meth:`_show_model` swaps them, keeping the current row, the expanded
      rows and the column widths): through a proxy every row Qt lays out costs several more Python
      calls (``mapToSource`` asks the model for its index again), which doubles ``expandAll``;
    * a page made with ``lazy=True`` (the tabs not shown at opening) builds its model the first
      time it is shown or asked for its ``model``, ``view`` or ``proxy``, from the document as it
      is then (edits made before are in it).
    """

    view_class = TreeView

    def __init__(self, doc: "RenjaDocument", editor: "Editor", model_cls, which: str, key: str,
                 parent: QWidget | None = None, lazy: bool = False):
        super().__init__(parent)
        self.doc = doc
        self.editor = editor
        self.which = which
        self.key = key
        self._model_cls = model_cls
        self._model = None
        self._proxy = FilterProxy(self)   # its source model is set while a search is active
        self._view = self.view_class(self)
        self._expanded_before_search: list[str] | None = None
        if any(c.group for c in model_cls.COLUMNS):
            # Tabel 2.1: long group titles over short K/Rp; Tabel 2.3: short groups over longer labels
            lines = (2, 1) if which == "eval" else (1, 2)
            self._view.setHeader(GroupedHeader(self._view, *lines))
            self._view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self._view.header().setStretchLastSection(False)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Cari kode atau uraian…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.matches = QLabel(self)
        expand = QPushButton(self.tr("Bentangkan semua"), self)
        expand.clicked.connect(lambda: self.view.expandAll())
        collapse = QPushButton(self.tr("Ciutkan ke program"), self)
        collapse.clicked.connect(self.collapse_to_programs)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search)
        top.addWidget(self.matches)
        top.addStretch(1)
        top.addWidget(expand)
        top.addWidget(collapse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self._view, 1)
        if not lazy:
            self._build_model()

    # ------------------------------------------------------------------ the model, built once
    @property
    def built(self) -> bool:
        """Whether the page's model exists (a lazy page builds it when first shown or used)."""
        return self._model is not None

    @property
    def model(self):
        if self._model is None:
            self._build_model()
        return self._model

    @property
    def view(self) -> QTreeView:
        if self._model is None:
            self._build_model()
        return self._view

    @property
    def proxy(self) -> "FilterProxy":
        if self._model is None:
            self._build_model()
        return self._proxy

    def _build_model(self) -> None:
        self._model = self._model_cls(self.doc, self.editor, self)
        self._model.editRefused.connect(self._refused)
        self._model.editNoted.connect(lambda note, _i: self.message.emit(note))
        self._view.setModel(self._model)
        self._view.selectionModel().currentChanged.connect(self._current_changed)
        self._install_delegates()
        self._restore_widths()
        self.after_build()
        # big documents open folded to programs; expanding 50.000 rows is the user's choice
        if len(self._model.tree.nodes) > 5000:
            self.collapse_to_programs()
        else:
            self._view.expandAll()

    def after_build(self) -> None:
        """Set-up a page needs once its model is in the view (Tabel 2.1: frozen columns)."""

    def showEvent(self, event) -> None:
        if self._model is None:
            self._build_model()
        super().showEvent(event)

    def _show_model(self, filtered: bool) -> None:
        """Put the proxy (``filtered``) or the model itself into the view; the current row, the
        column widths and hidden columns stay, and so do the expanded rows when the search ends
        (the rows expanded before it began)."""
        view = self._view
        target = self._proxy if filtered else self._model
        if view.model() is target:
            return
        current = self.current_node()
        column = self.to_source(view.currentIndex()).column()
        header = view.header()
        sizes = [header.sectionSize(i) for i in range(header.count())]
        hidden = [view.isColumnHidden(i) for i in range(header.count())]
        if filtered:
            self._expanded_before_search = self._expanded_ids()
            self._proxy.setSourceModel(self._model)
        old_selection = view.selectionModel()
        view.setModel(target)
        old_selection.deleteLater()
        view.selectionModel().currentChanged.connect(self._current_changed)
        for i, size in enumerate(sizes):
            header.resizeSection(i, size)
            view.setColumnHidden(i, hidden[i])
        if not filtered:
            self._proxy.setSourceModel(None)
            for row_id in self._expanded_before_search or []:
                idx = self._model.index_of(row_id)
                if idx.isValid():
                    view.setExpanded(idx, True)
            self._expanded_before_search = None
        if current is not None:
            idx = self.view_index(current.id, self._model.column_key(max(column, 0)))
            if idx.isValid():
                parent = idx.parent()
                while parent.isValid():
                    view.expand(parent)
                    parent = parent.parent()
                view.setCurrentIndex(idx)

    def _expanded_ids(self) -> list[str]:
        view = self._view
        return [n.id for n in self._model.tree.nodes.values()
                if n.children and view.isExpanded(self.view_index(n.id))]

    # ------------------------------------------------------------------ set up
    def _install_delegates(self) -> None:
        money = MoneyDelegate(self.view)
        for i, col in enumerate(self.model.COLUMNS):
            if col.kind == "money":
                self.view.setItemDelegateForColumn(i, money)
        if "nama" in self.model._keys:
            names = CompleterDelegate(self._name_suggestions, self.view)
            self.view.setItemDelegateForColumn(self.model.column_index("nama"), names)
        if "sumber_dana" in self.model._keys:
            funds = CompleterDelegate(lambda _i: sumber_dana_names(self.doc), self.view)
            self.view.setItemDelegateForColumn(self.model.column_index("sumber_dana"), funds)

    def _name_suggestions(self, index: QModelIndex) -> list[str]:
        node = self.node_at(index)
        if node is None:
            return []
        parent_code = node.parent.kode if node.parent is not None else None
        return [n for _, n in name_suggestions(self.doc, node.level, parent_code, self.which)]

    def default_widths(self) -> dict[str, int]:
        return PLAN_WIDTHS

    def _restore_widths(self) -> None:
        widths = app_settings.column_widths(self.key)
        header = self.view.header()
        defaults = self.default_widths()
        for i, col in enumerate(self.model.COLUMNS):
            if i < len(widths) and widths[i] > 10:
                header.resizeSection(i, widths[i])
            else:
                header.resizeSection(i, defaults.get(col.key, 110))

    def save_state(self) -> None:
        if self._model is None:
            return  # never shown: the widths saved before stay
        header = self._view.header()
        app_settings.set_column_widths(self.key, [header.sectionSize(i) for i in range(header.count())])

    def detach(self) -> None:
        if self._model is not None:
            self._model.detach()

    # ------------------------------------------------------------------ mapping helpers
    def to_source(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        return self._proxy.mapToSource(index) if index.model() is self._proxy else index

    def view_index(self, row_id: str, key: str | None = None) -> QModelIndex:
        """The index of a row (and column) in what the view shows (invalid: filtered out)."""
        model = self.model
        col = model.column_index(key) if key and key in model._keys else 0
        index = model.index_of(row_id, col)
        return self._proxy.mapFromSource(index) if self._view.model() is self._proxy else index

    def node_at(self, view_index: QModelIndex) -> "Node | None":
        return self.model.node(self.to_source(view_index))

    def current_node(self) -> "Node | None":
        return self.node_at(self.view.currentIndex())

    def current_row_id(self) -> str | None:
        node = self.current_node()
        return node.id if node is not None else None

    def selected_row_ids(self) -> list[str]:
        ids = []
        for idx in self.view.selectionModel().selectedIndexes():
            node = self.node_at(idx)
            if node is not None and node.id not in ids:
                ids.append(node.id)
        if not ids and self.current_row_id():
            ids.append(self.current_row_id())
        return ids

    def select_row(self, row_id: str, key: str | None = None) -> bool:
        idx = self.view_index(row_id, key)
        if not idx.isValid() and self.search.text():
            self.search.clear()
            self._apply_filter()
            idx = self.view_index(row_id, key)
        if not idx.isValid():
            return False
        parent = idx.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.setCurrentIndex(idx)
        self.view.selectionModel().select(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.node_at(current)
        self.model.forget_errors(node.id if node is not None else None)
        self.currentRowChanged.emit(node.id if node is not None else None)

    def _refused(self, message: str, _index: QModelIndex) -> None:
        self.message.emit(message)

    # ------------------------------------------------------------------ search
    def _apply_filter(self) -> None:
        text = self.search.text().strip()
        if text:
            self._proxy.search(text)   # filtered before the view sees it: one layout, not two
            self._show_model(True)
        else:
            self._show_model(False)
            self._proxy.search("")
        if text:
            self.view.expandAll()
            count = self._count_matches(text.lower())
            self.matches.setText(self.tr("%n baris cocok", "", count))
        else:
            self.matches.setText("")
        current = self.current_row_id()
        if current:
            idx = self.view_index(current)
            if idx.isValid():
                self.view.scrollTo(idx)

    def _count_matches(self, needle: str) -> int:
        return sum(1 for n in self.model.tree.walk() if needle in f"{n.kode} {n.nama}".lower())

    def collapse_to_programs(self) -> None:
        """Show urusan, bidang and programs; kegiatan and sub kegiatan folded."""
        self.view.collapseAll()
        shown = self.view.model()
        def expand(parent: QModelIndex) -> None:
            for r in range(shown.rowCount(parent)):
                idx = shown.index(r, 0, parent)
                node = self.node_at(idx)
                if node is not None and node.level < codes.PROGRAM:
                    self.view.expand(idx)
                    expand(idx)
        expand(QModelIndex())

    # ------------------------------------------------------------------ operations
    def can(self, operation: str) -> bool:
        if self.doc.readonly:
            return operation in ("copy",)
        node = self.current_node()
        if operation == "add_child":
            return node is None or node.level < SUB_KEGIATAN
        if operation == "add_sibling":
            return True
        if operation in ("delete", "copy"):
            return node is not None
        if operation in ("move_up", "move_down"):
            return node is not None
        if operation == "paste":
            return self.which == "plan"
        return False

    def _siblings(self, node: "Node") -> list:
        return self.model.tree.siblings_of(node)

    def _propose_code(self, parent: "Node | None", level: int | None = None) -> str:
        return ops.next_code(self.doc, self.which, parent.id if parent is not None else None, level)

    def _add(self, parent: "Node | None", position: int | None, level: int) -> str | None:
        parent_id = parent.id if parent is not None else None
        parent_label = f"{parent.kode} {parent.nama}".strip() if parent is not None else ""
        suggestions = name_suggestions(self.doc, level, parent.kode if parent is not None else None, self.which)
        created: dict[str, str] = {}

        def submit(kode: str, nama: str, fields: dict) -> str | None:
            row_id, error = self.editor.add_row(self.which, parent_id, kode, nama, position,
                                                None if parent is not None else level, **fields)
            if row_id:
                created["id"] = row_id
            return error

        dialog = AddRowDialog(self, level=level, parent_label=parent_label,
                              proposed_code=self._propose_code(parent, level), suggestions=suggestions,
                              submit=submit, with_pagu=(level == SUB_KEGIATAN and self.which == "plan"),
                              code_required=self.which == "plan")
        dialog.exec()
        row_id = created.get("id")
        if row_id:
            self.select_row(row_id, "nama")
            node = self.model.tree.nodes[row_id]
            self.message.emit(self.tr("%1 %2 ditambahkan.").replace("%1", level_name(node.level))
                              .replace("%2", node.kode or node.nama[:40]))
        return row_id

    def add_child(self) -> str | None:
        node = self.current_node()
        if node is not None and node.level >= SUB_KEGIATAN:
            self.message.emit(self.tr("Sub kegiatan tidak dapat memiliki rincian."))
            return None
        level = node.level + 1 if node is not None else (codes.URUSAN if self.which == "plan" else codes.PROGRAM)
        return self._add(node, None, level)

    def add_sibling(self) -> str | None:
        node = self.current_node()
        if node is None:
            return self.add_child()
        return self._add(node.parent, self.model.tree.index_of(node) + 1, node.level)

    def delete(self) -> None:
        ids = self.selected_row_ids()
        if not ids:
            return
        tree = self.model.tree
        chosen = set(ids)
        tops = [tree.nodes[i] for i in ids if not any(a.id in chosen for a in tree.nodes[i].ancestors())]
        rows = sum(sum(1 for _ in tree.subtree(n)) for n in tops)
        if len(tops) == 1:
            n = tops[0]
            text = self.tr("Hapus %1 %2 %3?").replace("%1", level_name(n.level).lower()) \
                .replace("%2", n.kode).replace("%3", n.nama[:80])
        else:
            text = self.tr("Hapus %1 baris yang dipilih?").replace("%1", str(len(tops)))
        info = ""
        if rows > len(tops):
            info = self.tr("Seluruh rinciannya ikut terhapus: %1 baris.").replace("%1", str(rows))
        if self.which == "plan":
            pagu = sum(n.sums[0] for n in tops)
            if pagu:
                info = (info + "\n" if info else "") + self.tr("Pagu yang ikut terhapus: Rp %1.").replace(
                    "%1", format_rupiah(pagu))
        info = (info + "\n" if info else "") + self.tr("Penghapusan dapat dibatalkan dengan Edit ▸ Urungkan (Ctrl+Z).")
        if not texts.ask_yes_no(self, self.tr("Hapus baris"), text, info):
            return
        error = self.editor.delete_rows(self.which, [n.id for n in tops])
        self.message.emit(error or self.tr("%1 baris dihapus.").replace("%1", str(rows)))

    def _move_target(self, node: "Node", step: int) -> tuple[str | None, int] | None:
        tree = self.model.tree
        siblings = tree.siblings_of(node)
        i = siblings.index(node)
        parent_id = node.parent.id if node.parent is not None else None
        if 0 <= i + step < len(siblings):
            return parent_id, i + step
        # past the first/last child: into the neighbouring parent (codes follow the new parent)
        parent = node.parent
        if parent is None:
            return None
        uncles = tree.siblings_of(parent)
        j = uncles.index(parent) + step
        if not 0 <= j < len(uncles):
            return None
        target = uncles[j]
        return target.id, (len(target.children) if step < 0 else 0)

    def _move(self, step: int) -> None:
        node = self.current_node()
        if node is None:
            return
        column = self.model.column_key(self.to_source(self.view.currentIndex()).column() or 0)
        target = self._move_target(node, step)
        if target is None:
            self.message.emit(self.tr("Baris sudah di posisi paling atas.") if step < 0
                              else self.tr("Baris sudah di posisi paling bawah."))
            return
        error = self.editor.move_row(self.which, node.id, target[0], target[1])
        if error:
            self.message.emit(error)
            return
        self.select_row(node.id, column)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    # ------------------------------------------------------------------ copy and paste
    def copy(self) -> None:
        ids = self.selected_row_ids()
        if not ids:
            return
        tree = self.model.tree
        chosen = set(ids)
        tops = [n for n in tree.walk() if n.id in chosen and not any(a.id in chosen for a in n.ancestors())]
        payload = {"table": self.which, "rows": [ops.subtree_records(self.doc, self.which, n) for n in tops]}
        lines = []
        for top in tops:
            for n in tree.subtree(top):
                lines.append("\t".join(self._tsv_cells(n)))
        data = QMimeData()
        data.setData(MIME_CLIPBOARD, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        data.setText("\n".join(lines) + "\n")
        QApplication.clipboard().setMimeData(data)
        count = len(lines)
        self.message.emit(self.tr("%1 baris disalin.").replace("%1", str(count)))

    def _tsv_cells(self, node: "Node") -> list[str]:
        return [str(self.model.display(node, key)).replace("\t", " ").replace("\n", " ")
                for key in self.model._keys]

    def paste(self) -> None:
        data = QApplication.clipboard().mimeData()
        if data is None:
            return
        if data.hasFormat(MIME_CLIPBOARD):
            try:
                payload = json.loads(bytes(data.data(MIME_CLIPBOARD)).decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                payload = None
            if payload and payload.get("table") == self.which and payload.get("rows"):
                self.paste_records(payload["rows"])
                return
        if data.hasText() and self.which == "plan":
            self.paste_text(data.text())

    def paste_records(self, rows: list[dict]) -> list[str]:
        """Paste copied rows (with their subtrees) under or after the current row, with new codes."""
        level = rows[0]["level"]
        try:
            parent, position = ops.paste_place(self.model.tree, self.current_node(), level)
        except ops.EditError as exc:
            self.message.emit(str(exc))
            return []
        op = ops.PasteRows(self.which, rows, parent.id if parent else None, position)
        applied, error = self.editor.run(op, self.tr("Tempel %1 baris").replace("%1", str(len(rows))))
        if error:
            self.message.emit(error)
            return []
        roots = applied.result
        if roots:
            self.select_row(roots[0], "nama")
        self.message.emit(self.tr("%1 baris ditempel.").replace("%1", str(len(roots))))
        return roots

    def paste_text(self, text: str) -> list[str]:
        """Tab-separated rows copied from Excel, read by the importer under the current row.

        With a header row the importer recognises the table's columns; without one, Tabel 4.1's
        usual order is assumed (kode, uraian, pagu, sumber dana). The whole paste is one undo step.
        """
        node = self.current_node()
        parent_id = node.id if node is not None else None
        if node is not None and node.level >= SUB_KEGIATAN:
            parent_id = node.parent.id if node.parent is not None else None

        applied, error = self.editor.run(ops.ImportText(text, parent_id), self.tr("Tempel dari Excel"))
        if error:
            self.message.emit(error)
            self.last_paste_report = None
            return []
        report = applied.result
        roots = ops.inserted_roots(self.doc, applied.changes, "plan")
        self.last_paste_report = report
        if roots:
            self.select_row(roots[0], "nama")
        count = sum(sum(1 for _ in self.model.tree.subtree(self.model.tree.nodes[r])) for r in roots)
        text_msg = self.tr("%1 baris ditempel dari teks.").replace("%1", str(count))
        rejected = list(report.rejected) if report is not None else []
        if rejected:
            first = rejected[0]
            text_msg += " " + self.tr("%1 baris ditolak (baris %2: %3).").replace("%1", str(len(rejected))) \
                .replace("%2", str(first.line)).replace("%3", message_text(first.reason))
        self.message.emit(text_msg)
        return roots


class PlanPage(TreePage):
    def __init__(self, doc, editor, parent=None):
        super().__init__(doc, editor, PlanModel, "plan", "plan", parent)


class Tabel23Page(TreePage):
    def __init__(self, doc, editor, parent=None, lazy: bool = False):
        super().__init__(doc, editor, Tabel23Model, "plan", "tabel23", parent, lazy)

    def default_widths(self) -> dict[str, int]:
        return T23_WIDTHS


class FrozenTreeView(FrozenColumnsMixin, TreeView):
    """A tree whose first columns stay in view (gui/frozen_columns.py)."""


class EvalPage(TreePage):
    QUARTERS = [f"{p}_{n}" for n in (8, 9, 10, 11) for p in ("k", "rp")]
    view_class = FrozenTreeView

    def __init__(self, doc, editor, parent=None, lazy: bool = False):
        super().__init__(doc, editor, EvalModel, "eval", "eval", parent, lazy)

    def after_build(self) -> None:
        self._view.freeze_columns(2)  # Kode and Uraian stay while the triwulan columns scroll
        self._show_quarters(self._quarters_setting())

    def default_widths(self) -> dict[str, int]:
        has_codes = any(n.kode for n in self.doc.evaluation.nodes.values())
        widths = {"kode": 190 if has_codes else 70, "nama": 320, "indikator": 220, "satuan": 80,
                  "penanggung_jawab": 200, "keterangan": 160}
        for n in range(5, 16):
            widths[f"k_{n}"] = 62 if n not in (13, 15) else 75
            widths[f"rp_{n}"] = 118 if n not in (13, 15) else 75
        return widths

    def set_quarters_visible(self, visible: bool) -> None:
        app_settings.set_value("eval/quarters", bool(visible))
        if self.built:
            self._show_quarters(visible)

    def _show_quarters(self, visible: bool) -> None:
        for key in self.QUARTERS:
            self._view.setColumnHidden(self._model.column_index(key), not visible)

    @staticmethod
    def _quarters_setting() -> bool:
        return app_settings.value("eval/quarters", False) in (True, "true", "1")

    def quarters_visible(self) -> bool:
        if not self.built:
            return self._quarters_setting()
        return not self._view.isColumnHidden(self._model.column_index("k_8"))

    def can(self, operation: str) -> bool:
        if operation == "paste":
            return not self.doc.readonly
        return super().can(operation)


class ListPage(TablePage):
    """Tabel 2.2 or 2.4: a flat list."""

    def __init__(self, doc: "RenjaDocument", editor: "Editor", name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.editor = editor
        self.which = name
        self.key = name
        self.model = ListModel(doc, editor, name, self)
        self.model.editRefused.connect(lambda m, _i: self.message.emit(m))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        if name == "usulan":
            self.hint.setText(self.tr("Bila daftar kosong, tabel dicetak dengan satu baris \u201cNIHIL\u201d."))
        else:
            self.hint.setText(self.tr("Indikator kinerja pelayanan Perangkat Daerah; tidak ada rumus."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        widths = app_settings.column_widths(self.key)
        for i, col in enumerate(self.model.COLUMNS):
            default = 320 if col.key in ("indikator", "program_kegiatan") else 130
            header.resizeSection(i, widths[i] if i < len(widths) and widths[i] > 10 else default)
        self.view.selectionModel().currentChanged.connect(
            lambda cur, _p: self.currentRowChanged.emit(self.model.item_id(cur.row()) if cur.isValid() else None))
        self.view.selectionModel().currentChanged.connect(
            lambda cur, _p: self.model.forget_errors(self.model.item_id(cur.row()) if cur.isValid() else None))

    def save_state(self) -> None:
        header = self.view.horizontalHeader()
        app_settings.set_column_widths(self.key, [header.sectionSize(i) for i in range(header.count())])

    def detach(self) -> None:
        self.model.detach()

    def current_item_id(self) -> str | None:
        idx = self.view.currentIndex()
        return self.model.item_id(idx.row()) if idx.isValid() else None

    def select_item(self, item_id: str, key: str | None = None) -> bool:
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        col = self.model.column_index(key) if key and key in self.model._keys else 0
        idx = self.model.index(row, col)
        self.view.setCurrentIndex(idx)
        self.view.scrollTo(idx)
        return True

    def can(self, operation: str) -> bool:
        if self.doc.readonly:
            return False
        if operation == "add_sibling":
            return True
        if operation in ("delete", "move_up", "move_down"):
            return self.current_item_id() is not None
        return False

    def add_sibling(self) -> str | None:
        current = self.current_item_id()
        position = self.model.row_of(current) + 1 if current else None
        item_id, error = self.editor.add_list_item(self.which, position)
        if error:
            self.message.emit(error)
            return None
        self.select_item(item_id)
        self.view.edit(self.view.currentIndex())
        return item_id

    def add_child(self) -> None:
        self.add_sibling()

    def delete(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()} or
                      ({self.view.currentIndex().row()} if self.view.currentIndex().isValid() else set()))
        ids = [self.model.item_id(r) for r in rows if self.model.item_id(r)]
        if not ids:
            return
        if not texts.ask_yes_no(self, self.tr("Hapus baris"),
                                self.tr("Hapus %1 baris yang dipilih?").replace("%1", str(len(ids))),
                                self.tr("Penghapusan dapat dibatalkan dengan Edit ▸ Urungkan (Ctrl+Z).")):
            return
        error = self.editor.delete_list_items(self.which, ids)
        if error:
            self.message.emit(error)

    def _move(self, step: int) -> None:
        item_id = self.current_item_id()
        if item_id is None:
            return
        row = self.model.row_of(item_id)
        if not 0 <= row + step < self.model.rowCount():
            return
        col = self.view.currentIndex().column()
        error = self.editor.move_list_item(self.which, item_id, row + step)
        if error:
            self.message.emit(error)
            return
        self.view.setCurrentIndex(self.model.index(row + step, col))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)
