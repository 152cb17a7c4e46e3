"""Small widgets of the main window: the status-bar text, the page shown without a document, and
a tab whose content is built when it is first shown."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from . import settings as app_settings

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow


class LazyTab(QWidget):
    """A tab whose content is made by ``build()`` the first time it is shown or asked for
    (:meth:`content`): opening a big document then does not wait for a tab nobody looked at yet."""

    def __init__(self, build: Callable[[QWidget], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._build = build
        self._content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._build(self)
            self.layout().addWidget(self._content)
        return self._content

    def built_content(self) -> QWidget | None:
        """The content if it was made already (None: nothing to refresh or save in it)."""
        return self._content

    def showEvent(self, event) -> None:
        self.content()
        super().showEvent(event)


def make_document_tab(window, parent: QWidget) -> QWidget:
    """The Dokumen tab (the written document: outline + text editor) of a main window."""
    from .document_tab import DocumentTab  # (imported when first needed: it is not small)

    tab = DocumentTab(window.doc, window.editor, parent)
    tab.message.connect(window.show_message)
    tab.printRequested.connect(window.print_tables)
    return tab


class StatusText(QWidget):
    """A status-bar text that repaints only itself when it changes.

    A QLabel asks its layout to re-measure on every ``setText``; in the status bar that re-lays out
    the whole main window and repaints it after every edit (the totals change with each pagu).
    This widget keeps its width (growing only when a longer text needs it) and just repaints.
    """

    def __init__(self, parent: QWidget | None = None, bold: bool = False, reserve: tuple[str, ...] = ()):
        super().__init__(parent)
        self._text = ""
        if bold:
            font = self.font()
            font.setBold(True)
            self.setFont(font)
        #: texts whose width is kept even while a shorter one is shown (one known to come, e.g.
        #: "saved, not copied yet" after the first edit, then needs no new layout of the window);
        #: measured with the font the widget has when a text is set (the status bar's, once shown)
        self._reserve = reserve
        self._width = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def _needed(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text) + 16

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        needed = max([self._needed(t) for t in (text, *self._reserve) if t], default=0)
        if needed > self._width or not text:
            self._width = needed
            self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._width, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect().adjusted(8, 0, -8, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), self._text)


class WelcomePage(QWidget):
    """What the window shows with no document open."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        title = QLabel(self.tr("Renja Desktop"))
        title.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f3a5f;")
        sub = QLabel(self.tr("Menyusun Rencana Kerja Perangkat Daerah secara luring: pohon program, pagu, "
                             "evaluasi, dan tabel lampiran yang siap dicetak."))
        sub.setWordWrap(True)
        sub.setStyleSheet("font-size: 11pt; color: #444;")
        layout.addWidget(title)
        layout.addWidget(sub)
        layout.addSpacing(20)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Renja baru…"), window.ctl.new_document),
                           (self.tr("Buka berkas…"), window.ctl.open_dialog),
                           (self.tr("Buka contoh (Kesbangpol Binjai 2024)"), window.ctl.open_sample)):
            b = QPushButton(text)
            b.setMinimumHeight(34)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(20)
        layout.addWidget(QLabel(self.tr("Berkas terakhir:")))
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: window.open_document(Path(item.data(Qt.ItemDataRole.UserRole))))
        layout.addWidget(self.recent, 1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in app_settings.recent_files():
            item = QListWidgetItem(f"{Path(path).name}    —    {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
