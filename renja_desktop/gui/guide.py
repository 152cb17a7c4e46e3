"""Bantuan ▸ Panduan: the user guide (docs/panduan.md) shown offline inside the app."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..paths import app_root
from .dialogs import localize_button_box


def guide_path():
    return app_root() / "docs" / "panduan.md"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Panduan Renja Desktop"))
        self.resize(980, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        path = guide_path()
        if path.exists():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
            self.fit_images(860)
        else:
            self.browser.setPlainText(self.tr("Berkas panduan tidak ditemukan: %1").replace("%1", str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        localize_button_box(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def fit_images(self, max_width: int) -> int:
        """Show the screenshots no wider than ``max_width`` pixels (Markdown cannot size images).
        Returns how many were scaled."""
        doc = self.browser.document()
        scaled = 0
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image_format = fmt.toImageFormat()
                    image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
                    width = image.width() if image is not None and hasattr(image, "width") else 0
                    if width > max_width:
                        image_format.setWidth(max_width)
                        image_format.setHeight(image.height() * max_width / width)
                        cursor = QTextCursor(doc)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
                        scaled += 1
                it += 1
            block = block.next()
        return scaled
