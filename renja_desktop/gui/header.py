"""A two-level table header, like the printed tables: a group cell spanning its K/Rp columns.

The model answers :data:`GROUP_ROLE` in ``headerData`` with the group's text for the sections that
belong to a group (consecutive sections with the same text form one group) and ``None`` for the
others, which take the whole header height. Long texts wrap inside their cell.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

GROUP_ROLE = Qt.ItemDataRole.UserRole + 20


class GroupedHeader(QHeaderView):
    def __init__(self, parent=None, group_lines: int = 2, label_lines: int = 1):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._group_lines = group_lines
        self._label_lines = label_lines
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def _line(self) -> int:
        return self.fontMetrics().lineSpacing()

    def _top_height(self) -> int:
        return self._line() * self._group_lines + 8

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self._top_height() + self._line() * self._label_lines + 8)
        return hint

    def _group(self, logical: int):
        model = self.model()
        if model is None:
            return None
        return model.headerData(logical, self.orientation(), GROUP_ROLE)

    def _group_span(self, logical: int, text: str) -> tuple[int, int]:
        """Viewport x and width of the visible sections of ``logical``'s group."""
        visual = self.visualIndex(logical)
        first = last = visual
        while first - 1 >= 0 and self._group(self.logicalIndex(first - 1)) == text:
            first -= 1
        while last + 1 < self.count() and self._group(self.logicalIndex(last + 1)) == text:
            last += 1
        x0 = None
        x1 = None
        for v in range(first, last + 1):
            li = self.logicalIndex(v)
            if self.isSectionHidden(li):
                continue
            pos = self.sectionViewportPosition(li)
            if x0 is None:
                x0 = pos
            x1 = pos + self.sectionSize(li)
        return (x0 or 0), (x1 or 0) - (x0 or 0)

    def _paint_cell(self, painter, rect: QRect, text: str, logical: int) -> None:
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        opt.rect = rect
        opt.section = logical
        opt.text = ""
        opt.position = QStyleOptionHeader.SectionPosition.Middle
        opt.orientation = self.orientation()
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, opt, painter, self)
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect.adjusted(4, 2, -4, -2),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)
        painter.restore()

    def paintSection(self, painter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        model = self.model()
        label = str(model.headerData(logical, self.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        group = self._group(logical)
        if not group:
            self._paint_cell(painter, rect, label, logical)
            return
        top = self._top_height()
        x, width = self._group_span(logical, group)
        self._paint_cell(painter, QRect(x, rect.top(), width, top), group, logical)
        self._paint_cell(painter, QRect(rect.left(), rect.top() + top, rect.width(), rect.height() - top),
                         label, logical)
