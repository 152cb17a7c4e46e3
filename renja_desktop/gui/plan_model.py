"""The plan tree as a Qt model (Tabel 3.1/4.1), and the same tree seen as Tabel 2.3.

Parents show derived totals, read-only and drawn differently (grey background, dark grey text);
program rows and above are bold. Edits typed into a cell go through the window's
:class:`~renja_desktop.gui.undo.Editor` (so they can be undone); a refused edit keeps the old value
and shows the reason in the cell's tooltip and through :attr:`editRefused`.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from .. import operations as ops
from .. import registry
from ..codes import PROGRAM, SUB_KEGIATAN, normalization_note
from ..compute import Node
from ..formatting import format_rupiah
from .texts import level_name
from .tree_model import (
    COLUMN_KEY_ROLE, LEVEL_ROLE, ROW_ID_ROLE, SEARCH_ROLE, RollupTreeModel,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument
    from .undo import Editor

translate = QCoreApplication.translate

DERIVED_BACKGROUND = QBrush(QColor("#eceff3"))
DERIVED_FOREGROUND = QBrush(QColor("#37474f"))
ERROR_BACKGROUND = QBrush(QColor("#fde2e1"))
ERROR_FOREGROUND = QBrush(QColor("#b3261e"))
DIFF_FOREGROUND = QBrush(QColor("#b3261e"))
RKPD_BACKGROUND = QBrush(QColor("#f7f4ea"))

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

#: item flags, combined once (enum ``|`` is Python-level and data() hot paths call flags() a lot)
ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
             | Qt.ItemFlag.ItemIsDropEnabled)
EDITABLE_FLAGS = ROW_FLAGS | Qt.ItemFlag.ItemIsEditable
ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled

MIME_PLAN_ROWS = "application/x-renja-plan-row-ids"
MIME_EVAL_ROWS = "application/x-renja-eval-row-ids"

#: columns holding one of the row's first indicator's fields
INDIKATOR_KEYS = ops.INDIKATOR_KEYS


def money_text(value: int | None) -> str:
    """Rupiah with Indonesian grouping (``1.234.567``): the same text as
    :func:`renja_desktop.formatting.format_rupiah`, without Babel's cost on every repaint."""
    if value is None:
        return ""
    if type(value) is int:
        return f"{value:,}".replace(",", ".")
    return format_rupiah(value)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class EditableTreeModel(RollupTreeModel):
    """Shared behaviour of editable trees: the editor, drag and drop moves, refused edits."""

    MIME = MIME_PLAN_ROWS

    def __init__(self, doc: "RenjaDocument", editor: "Editor", parent: QObject | None = None):
        self.editor = editor
        self._bold_font = _bold()
        super().__init__(doc, parent)
        # per column: its flags when they do not depend on the row, else None (expandAll asks
        # every row for column 0's flags: they must cost no lookup)
        # (Qt.ItemNeverHasChildren on sub kegiatan was tried: Qt then asks flags() two more times
        # per row instead of hasChildren() once, which is slower from Python)
        fixed = [self.editable_in_every_row(key) for key in self._keys]
        self._column_flags = [None if f is None else (EDITABLE_FLAGS if f else ROW_FLAGS) for f in fixed]
        self._column_flags.append(ROOT_FLAGS)  # [-1]: the invalid index (the root), whose column is -1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = self._column_flags[index.column()]
        if flags is not None:
            return flags
        column = index.column()
        node = self.tree.nodes.get(index.internalPointer().id)
        return EDITABLE_FLAGS if node is not None and self.is_editable(node, self._keys[column]) else ROW_FLAGS

    def editable_in_every_row(self, key: str) -> bool | None:
        """Whether column ``key`` is editable whatever the row (``None``: it depends on the row;
        then :meth:`is_editable` decides). Must agree with :meth:`is_editable`."""
        return None

    def common_role(self, node: Node, key: str, role: int) -> Any:
        """The roles every editable tree answers alike (tooltips, ids for search, filter, jumps)."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(node, key)
        if role == ROW_ID_ROLE:
            return node.id
        if role == SEARCH_ROLE:
            return f"{node.kode} {node.nama}"
        if role == LEVEL_ROLE:
            return node.values["level"]
        if role == COLUMN_KEY_ROLE:
            return key
        return None

    # ---------------------------------------------------------------- editing
    def apply_edit(self, node: Node, key: str, value: Any) -> str | None:  # pragma: no cover
        raise NotImplementedError

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        node = self.node(index)
        if node is None:
            return False
        key = self._keys[index.column()]
        if not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = "" if value is None else str(value)
        error = self.apply_edit(node, key, text.strip() if key not in ("nama",) else text)
        if error:
            self.set_cell_error(node.id, key, error)
            self.editRefused.emit(error, index)
            return False
        if (node.id, key) in self._errors:
            self.set_cell_error(node.id, key, None)
        if key == "kode":
            if normalization_note(text):  # 1.2.2.2.2.8 was stored as 1.02.02.2.02.0008: the cell shows it,
                self.editNoted.emit(translate("PlanModel", "Kode '%1' dibaca sebagai %2")  # the status bar says it
                                    .replace("%1", "".join(text.split())).replace("%2", node.kode), index)
        return True

    # ---------------------------------------------------------------- drag and drop (moves)
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = []
        for idx in indexes:
            rid = self.row_id(idx)
            if rid is not None and rid not in ids:
                ids.append(rid)
        data = QMimeData()
        data.setData(self.MIME, json.dumps(ids).encode("utf-8"))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex):
        """Where a drop would put the dragged row: (row_id, new_parent_id, position) or None."""
        if not data.hasFormat(self.MIME):
            return None
        try:
            ids = json.loads(bytes(data.data(self.MIME)).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        if len(ids) != 1:
            return None
        node = self.tree.nodes.get(ids[0])
        if node is None:
            return None
        target = self.node(parent) if parent.isValid() else None
        target_level = target.level if target is not None else 0
        if target_level == node.level - 1:
            new_parent = target
            position = row if row >= 0 else len(self.tree.children_of(target.id if target else None))
        elif target is not None and target.level == node.level and row < 0:
            # dropped onto a row of the same level: place it just after that row
            new_parent = target.parent
            position = self.tree.index_of(target) + 1
        else:
            return None
        new_parent_id = new_parent.id if new_parent is not None else None
        probe = new_parent
        while probe is not None:
            if probe is node:
                return None
            probe = probe.parent
        if node.parent is new_parent and self.tree.index_of(node) < position:
            position -= 1   # the service counts positions after taking the row out
        return node.id, new_parent_id, position

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self._drop_target(data, row, parent)
        if target is None:
            self.editRefused.emit(translate(
                "PlanModel", "Baris hanya dapat dipindah ke bawah induk satu tingkat di atasnya."), parent)
            return False
        row_id, new_parent_id, position = target
        error = self.editor.move_row(self.TABLE, row_id, new_parent_id, position)
        if error:
            self.editRefused.emit(error, parent)
            return False
        # the model already moved the row (incremental update); nothing for the view to remove
        return False


class PlanModel(EditableTreeModel):
    """Tabel 3.1 / 4.1: the program tree with its derived totals."""

    TABLE = "plan"
    COLUMNS = registry.WINDOW_COLUMNS["3.1"]
    MONEY_KEYS = {"pagu": 0, "pagu_n1": 1, "rkpd_pagu": 2}
    SUM_KEYS = ("pagu", "pagu_n1", "rkpd_pagu", "selisih")

    # ---------------------------------------------------------------- values
    def display(self, node: Node, key: str) -> str:
        if key in self.MONEY_KEYS:
            if node.values["level"] == SUB_KEGIATAN:
                return money_text(node.values.get(key))
            return money_text(node.sums[self.MONEY_KEYS[key]])
        if key in INDIKATOR_KEYS:
            inds = self._doc.indikator.get(node.id)
            if not inds:
                return ""
            text = inds[0].get(INDIKATOR_KEYS[key]) or ""
            if key == "indikator" and len(inds) > 1:
                more = translate("PlanModel", "(+%1 lainnya)").replace("%1", str(len(inds) - 1))
                text = f"{text} {more}"
            return text
        if key == "sumber_dana":
            return self._doc.sumber_dana_text(node.id)
        if key == "selisih":
            return self._selisih_text(node)
        return node.values.get(key) or ""

    def edit_text(self, node: Node, key: str) -> str:
        if key in INDIKATOR_KEYS:
            inds = self._doc.indikator.get(node.id)
            return (inds[0].get(INDIKATOR_KEYS[key]) or "") if inds else ""
        return self.display(node, key)

    def is_derived(self, node: Node, key: str) -> bool:
        return key in self.MONEY_KEYS and node.values["level"] != SUB_KEGIATAN or key == "selisih"

    def editable_in_every_row(self, key: str) -> bool | None:
        if self._doc.readonly:
            return False
        if key in self.MONEY_KEYS or key == "sumber_dana":
            return None
        return key != "selisih"

    def is_editable(self, node: Node, key: str) -> bool:
        if self._doc.readonly:
            return False
        if key in self.MONEY_KEYS:
            return node.values["level"] == SUB_KEGIATAN
        if key == "sumber_dana":
            return node.values["level"] == SUB_KEGIATAN and len(self._doc.sumber_dana.get(node.id, [])) <= 1
        return key != "selisih"

    def _selisih(self, node: Node) -> int | None:
        if node.values["level"] == SUB_KEGIATAN and node.values.get("rkpd_pagu") is None \
                and node.values.get("pagu") is None:
            return None
        return node.sums[0] - node.sums[2]

    def _selisih_text(self, node: Node) -> str:
        diff = self._selisih(node)
        if diff is None:
            return ""
        if diff > 0:
            return "+" + money_text(diff)
        if diff < 0:
            return "\u2212" + money_text(-diff)
        return "0"

    def tooltip(self, node: Node, key: str) -> str | None:
        error = self._errors.get((node.id, key))
        if error:
            return error
        if key in self.MONEY_KEYS and node.values["level"] != SUB_KEGIATAN:
            return translate("PlanModel", "Jumlah dari rincian %1 ini (dihitung otomatis, tidak dapat diubah)") \
                .replace("%1", level_name(node.values["level"]).lower())
        if key == "indikator":
            inds = self._doc.indikator.get(node.id) or []
            if len(inds) > 1:
                return "\n".join(f"{i + 1}. {x.get('teks') or ''} — {x.get('target') or ''} {x.get('satuan') or ''}"
                                 for i, x in enumerate(inds))
        if key == "sumber_dana" and len(self._doc.sumber_dana.get(node.id, [])) > 1:
            lines = [f"{x['nama'] or x['kode']}: {format_rupiah(x['jumlah'], empty='–')}"
                     for x in self._doc.sumber_dana[node.id]]
            lines.append(translate("PlanModel", "Ubah pembagian sumber dana di panel Rincian."))
            return "\n".join(lines)
        if key == "nama":
            return f"{level_name(node.values['level'])}: {node.nama}"
        if key == "selisih":
            return translate("PlanModel", "Selisih = pagu hasil analisis kebutuhan − pagu rancangan awal RKPD")
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        key = self._keys[index.column()]
        if self.data_probe is not None:
            self.data_probe(index, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if node.id not in self._stamps:
                self.shown(node)
            return self.display(node, key)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_text(node, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if (key in self.MONEY_KEYS or key == "selisih") else LEFT
        if role == Qt.ItemDataRole.FontRole:
            return self._bold_font if node.values["level"] <= PROGRAM else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if (node.id, key) in self._errors:
                return ERROR_BACKGROUND
            if self.is_derived(node, key):
                return DERIVED_BACKGROUND
            return self.background(node, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if (node.id, key) in self._errors:
                return ERROR_FOREGROUND
            if key == "selisih":
                diff = self._selisih(node)
                return DIFF_FOREGROUND if diff else DERIVED_FOREGROUND
            if self.is_derived(node, key):
                return DERIVED_FOREGROUND
            return None
        return self.common_role(node, key, role)

    def background(self, node: Node, key: str):
        return None

    def apply_edit(self, node: Node, key: str, value: str) -> str | None:
        return self.editor.set_plan(node.id, **{key: value})

    def on_other_change(self, change) -> None:
        if change.table == "document":
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._ncols - 1)


class Tabel23Model(PlanModel):
    """Tabel 2.3: the RKPD draft side and the needs-analysis side of each row, and their difference."""

    COLUMNS = registry.WINDOW_COLUMNS["2.3"]

    def background(self, node: Node, key: str):
        return RKPD_BACKGROUND if key.startswith("rkpd_") else None
