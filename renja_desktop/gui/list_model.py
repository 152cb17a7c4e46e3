"""Tabel 2.2 (service performance) and Tabel 2.4 (stakeholder proposals) as Qt table models."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal

from .plan_model import ERROR_BACKGROUND, ERROR_FOREGROUND, LEFT
from .. import registry
from .tree_model import COLUMN_KEY_ROLE, ROW_ID_ROLE

if TYPE_CHECKING:  # pragma: no cover
    from ..service import ChangeEvent, RenjaDocument
    from .undo import Editor

translate = QCoreApplication.translate

class ListModel(QAbstractTableModel):
    """One of the plain lists; updated incrementally from the service's changes."""

    editRefused = Signal(str, QModelIndex)

    def __init__(self, doc: "RenjaDocument", editor: "Editor", name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._doc = doc
        self.editor = editor
        self.name = name
        #: the columns, from the registry (Tabel 2.2 or 2.4)
        self.COLUMNS = registry.WINDOW_COLUMNS["2.2" if name == "pelayanan" else "2.4"]
        self._keys = [c.key for c in self.COLUMNS]
        self._ids: list[str] = [it["id"] for it in self.items]
        #: the rows as Qt knows them (a removed item stays readable until Qt has been told)
        self._by_id: dict[str, dict] = {it["id"]: it for it in self.items}
        self._errors: dict[tuple[str, str], str] = {}
        doc.add_listener(self._on_change)

    def detach(self) -> None:
        self._doc.remove_listener(self._on_change)

    @property
    def items(self) -> list[dict]:
        return self._doc.pelayanan if self.name == "pelayanan" else self._doc.usulan

    def column_index(self, key: str) -> int:
        return self._keys.index(key)

    def item_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: str) -> int:
        return self._ids.index(item_id) if item_id in self._ids else -1

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            # the printed "No" column: row numbers follow positions by themselves
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._ids):
                return str(section + 1)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return registry.fill_years(self.COLUMNS[section].label(), self._doc.info.get("tahun"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        item = self._by_id.get(self._ids[row]) if 0 <= row < len(self._ids) else None
        if item is None:
            return None
        key = self._keys[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.get(key) or ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._errors.get((item["id"], key))
        if role == Qt.ItemDataRole.BackgroundRole and (item["id"], key) in self._errors:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and (item["id"], key) in self._errors:
            return ERROR_FOREGROUND
        if role == ROW_ID_ROLE:
            return item["id"]
        if role == COLUMN_KEY_ROLE:
            return key
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._doc.readonly:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self._keys[index.column()]
        item_id = self._ids[index.row()]
        error = self.editor.set_list_item(self.name, item_id, **{key: "" if value is None else str(value).strip()})
        if error:
            self._errors[(item_id, key)] = error
            self.dataChanged.emit(index, index)
            self.editRefused.emit(error, index)
            return False
        self._errors.pop((item_id, key), None)
        return True

    def forget_errors(self, keep_row: str | None = None) -> None:
        """Once the user moved to another row (the old value kept), a refused cell looks normal."""
        for item_id, key in [k for k in self._errors if k[0] != keep_row]:
            del self._errors[(item_id, key)]
            if item_id in self._ids:
                index = self.index(self._ids.index(item_id), self._keys.index(key))
                self.dataChanged.emit(index, index)

    # ---------------------------------------------------------------- incremental updates
    def _on_change(self, change: "ChangeEvent") -> None:
        if change.table == "reset":
            self.beginResetModel()
            self._ids = [it["id"] for it in self.items]
            self._by_id = {it["id"]: it for it in self.items}
            self.endResetModel()
            return
        if change.table == "document":
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
            return
        if change.table != self.name:
            return
        target = [it["id"] for it in self.items]
        present = set(target)
        self._by_id.update({it["id"]: it for it in self.items})
        for rid in list(self._ids):
            if rid not in present:
                row = self._ids.index(rid)
                self.beginRemoveRows(QModelIndex(), row, row)
                self._ids.pop(row)
                self.endRemoveRows()
        for i, rid in enumerate(target):
            if i < len(self._ids) and self._ids[i] == rid:
                continue
            if rid in self._ids:
                j = self._ids.index(rid)
                if self.beginMoveRows(QModelIndex(), j, j, QModelIndex(), i):
                    self._ids.pop(j)
                    self._ids.insert(i, rid)
                    self.endMoveRows()
            else:
                self.beginInsertRows(QModelIndex(), i, i)
                self._ids.insert(i, rid)
                self.endInsertRows()
        self._by_id = {it["id"]: it for it in self.items}
        last = len(self.COLUMNS) - 1
        for key in [k for k in self._errors if k[0] in change.changed or k[0] not in present]:
            self._errors.pop(key, None)  # the row changed since its value was refused
        for rid in change.changed:
            if rid in self._ids:
                row = self._ids.index(rid)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
