"""Cell editors: money cells (right-aligned, checked as typed), names with catalog suggestions."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyledItemDelegate, QWidget

from ..formatting import NumberError, parse_rupiah


class MoneyDelegate(QStyledItemDelegate):
    """Rupiah cells: the editor shows ``1.500.000``; the model (the service) checks what is typed."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setPlaceholderText(self.tr("contoh: 1.500.000"))
        editor.textEdited.connect(lambda text, e=editor: self._check(e, text))
        return editor

    def _check(self, editor: QLineEdit, text: str) -> None:
        try:
            parse_rupiah(text)
        except NumberError as exc:
            editor.setStyleSheet("QLineEdit { background: #fde2e1; }")
            editor.setToolTip(str(exc))
        else:
            editor.setStyleSheet("")
            editor.setToolTip("")

    def setEditorData(self, editor: QLineEdit, index: QModelIndex) -> None:
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()


class CompleterDelegate(QStyledItemDelegate):
    """Text cells offering suggestions (catalog names) while the user types."""

    def __init__(self, suggestions: Callable[[QModelIndex], list[str]], parent=None):
        super().__init__(parent)
        self._suggestions = suggestions

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        words = self._suggestions(index)
        if words:
            completer = QCompleter(QStringListModel(words, editor), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setMaxVisibleItems(12)
            editor.setCompleter(completer)
        return editor

    def setEditorData(self, editor: QLineEdit, index: QModelIndex) -> None:
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))


