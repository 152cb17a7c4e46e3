"""Frozen first columns for a wide tree table (Tabel 2.1: Kode and Uraian stay in view).

Qt's frozen-column technique, for a tree: a second :class:`QTreeView` lies over the left edge of
the table, shows only the first columns, and shares the model and the selection model. It follows
the table's vertical scrolling, row expansion, column widths and header height; the table scrolls
its other columns underneath it. Editing a frozen cell happens in the overlay (where the cell is
seen), whether it was started there or by typing in the table.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTreeView


#: view settings the overlay copies from the table (setter, getter)
_SHARED_SETTINGS = (
    ("setUniformRowHeights", "uniformRowHeights"), ("setAlternatingRowColors", "alternatingRowColors"),
    ("setSelectionBehavior", "selectionBehavior"), ("setSelectionMode", "selectionMode"),
    ("setEditTriggers", "editTriggers"), ("setDragEnabled", "dragEnabled"), ("setAcceptDrops", "acceptDrops"),
    ("setDropIndicatorShown", "showDropIndicator"), ("setDragDropMode", "dragDropMode"),
    ("setDefaultDropAction", "defaultDropAction"), ("setAllColumnsShowFocus", "allColumnsShowFocus"),
    ("setAnimated", "isAnimated"), ("setIndentation", "indentation"),
    ("setExpandsOnDoubleClick", "expandsOnDoubleClick"), ("setRootIsDecorated", "rootIsDecorated"),
    ("setItemsExpandable", "itemsExpandable"),
)


class FrozenColumnsMixin:
    """Mix into a :class:`QTreeView` subclass; call :meth:`freeze_columns` once the model is set."""

    _frozen: QTreeView | None = None
    _frozen_count = 0
    _syncing = False

    # ------------------------------------------------------------------ set up
    def freeze_columns(self, count: int) -> QTreeView:
        """Keep the first ``count`` columns in view while the others scroll horizontally."""
        view: QTreeView = self  # type: ignore[assignment]
        frozen = QTreeView(view)
        frozen.setObjectName("frozenColumns")
        frozen.setModel(view.model())
        frozen.setSelectionModel(view.selectionModel())
        for setter, getter in _SHARED_SETTINGS:
            getattr(frozen, setter)(getattr(view, getter)())
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the table, which shares the current cell
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollMode(view.verticalScrollMode())
        header = frozen.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(view.header().defaultAlignment())
        header.setMinimumSectionSize(view.header().minimumSectionSize())
        header.setSectionsMovable(False)
        self._frozen = frozen
        self._frozen_count = count
        for column in range(count):
            delegate = view.itemDelegateForColumn(column)
            if delegate is not None:
                frozen.setItemDelegateForColumn(column, delegate)
        self._sync_columns()
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        # scrolling, expansion and widths follow each other
        view.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        frozen.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.expanded.connect(lambda i: self._mirror(frozen, i, True))
        view.collapsed.connect(lambda i: self._mirror(frozen, i, False))
        frozen.expanded.connect(lambda i: self._mirror(view, i, True))
        frozen.collapsed.connect(lambda i: self._mirror(view, i, False))
        view.header().sectionResized.connect(self._table_section_resized)
        header.sectionResized.connect(self._frozen_section_resized)
        view.header().geometriesChanged.connect(self._place_frozen)
        self._watch(view.model(), True)
        frozen.show()
        self._place_frozen()
        return frozen

    @property
    def frozen_view(self) -> QTreeView | None:
        return self._frozen

    def frozen_width(self) -> int:
        frozen = self._frozen
        if frozen is None:
            return 0
        view: QTreeView = self  # type: ignore[assignment]
        return sum(view.header().sectionSize(c) for c in range(self._frozen_count)
                   if not view.isColumnHidden(c))

    # ------------------------------------------------------------------ keeping the two in step
    def _sync_columns(self) -> None:
        frozen = self._frozen
        view: QTreeView = self  # type: ignore[assignment]
        model = view.model()
        columns = model.columnCount() if model is not None else 0
        for column in range(columns):
            frozen.setColumnHidden(column, column >= self._frozen_count or view.isColumnHidden(column))
        for column in range(min(self._frozen_count, columns)):
            frozen.header().resizeSection(column, view.header().sectionSize(column))

    def _mirror(self, target: QTreeView, index: QModelIndex, expanded: bool) -> None:
        if self._syncing or target.isExpanded(index) == expanded:
            return
        self._syncing = True
        try:
            target.setExpanded(index, expanded)
        finally:
            self._syncing = False

    def _mirror_all(self) -> None:
        """After an expand/collapse that emits no signal per row (expandAll, collapseAll)."""
        frozen = self._frozen
        if frozen is None:
            return
        view: QTreeView = self  # type: ignore[assignment]
        model = view.model()
        frozen.setUpdatesEnabled(False)
        try:
            stack = [QModelIndex()]
            while stack:
                parent = stack.pop()
                for row in range(model.rowCount(parent)):
                    index = model.index(row, 0, parent)
                    if model.hasChildren(index):
                        expanded = view.isExpanded(index)
                        if frozen.isExpanded(index) != expanded:
                            frozen.setExpanded(index, expanded)
                        if expanded:
                            stack.append(index)
        finally:
            frozen.setUpdatesEnabled(True)
        frozen.verticalScrollBar().setValue(view.verticalScrollBar().value())

    def _after_reset(self) -> None:
        if self._frozen is not None:
            self._sync_columns()
            self._mirror_all()

    def _table_section_resized(self, column: int, _old: int, new: int) -> None:
        if self._frozen is not None and column < self._frozen_count:
            if self._frozen.header().sectionSize(column) != new:
                self._frozen.header().resizeSection(column, new)
            self._place_frozen()

    def _frozen_section_resized(self, column: int, _old: int, new: int) -> None:
        view: QTreeView = self  # type: ignore[assignment]
        if column < self._frozen_count and view.header().sectionSize(column) != new:
            view.header().resizeSection(column, new)  # the user widened Uraian on the overlay

    def _place_frozen(self) -> None:
        frozen = self._frozen
        if frozen is None:
            return
        view: QTreeView = self  # type: ignore[assignment]
        header_h = view.header().height()
        if frozen.header().height() != header_h:
            frozen.header().setFixedHeight(header_h)
        fw = view.frameWidth()
        frozen.setGeometry(fw, fw, self.frozen_width(), view.viewport().height() + header_h)

    def _watch(self, model, on: bool) -> None:
        if model is None:
            return
        for signal in (model.modelReset, model.layoutChanged):
            if on:
                signal.connect(self._after_reset)
            else:
                signal.disconnect(self._after_reset)

    # ------------------------------------------------------------------ QTreeView overrides
    def setModel(self, model) -> None:
        """A new model (the page swaps its search filter in and out) goes to the overlay too."""
        view: QTreeView = self  # type: ignore[assignment]
        frozen = self._frozen
        if frozen is not None:
            self._watch(view.model(), False)
        super().setModel(model)
        if frozen is not None:
            frozen.setModel(model)
            old = frozen.selectionModel()
            frozen.setSelectionModel(view.selectionModel())
            if old is not None and old is not view.selectionModel():
                old.deleteLater()
            self._watch(model, True)
            self._sync_columns()

    def expandAll(self) -> None:
        super().expandAll()
        self._mirror_all()

    def collapseAll(self) -> None:
        super().collapseAll()
        self._mirror_all()

    def expandToDepth(self, depth: int) -> None:
        super().expandToDepth(depth)
        self._mirror_all()

    def setColumnHidden(self, column: int, hide: bool) -> None:
        super().setColumnHidden(column, hide)
        if self._frozen is not None:
            self._frozen.setColumnHidden(column, hide or column >= self._frozen_count)
            self._place_frozen()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place_frozen()

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """A cell right of the frozen columns is scrolled out from under them."""
        view: QTreeView = self  # type: ignore[assignment]
        if self._frozen is not None and index.isValid() and index.column() < self._frozen_count:
            # a frozen cell is always in view sideways: only scroll up or down to it
            bar = view.horizontalScrollBar()
            keep = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(keep)
            return
        super().scrollTo(index, hint)
        if self._frozen is None or not index.isValid():
            return
        rect = view.visualRect(index)
        covered = self.frozen_width() - rect.left()
        if covered > 0:
            bar = view.horizontalScrollBar()
            bar.setValue(bar.value() - covered)

    def edit(self, index, trigger=None, event=None):  # noqa: D401 - Qt override (both overloads)
        """A frozen cell is edited on the overlay, where it can be seen."""
        frozen = self._frozen
        if trigger is None:
            if frozen is not None and index.isValid() and index.column() < self._frozen_count:
                return frozen.edit(index)
            return super().edit(index)
        if frozen is not None and index.isValid() and index.column() < self._frozen_count:
            return frozen.edit(index, trigger, event)
        return super().edit(index, trigger, event)
