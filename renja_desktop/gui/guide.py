"""Bantuan ▸ Panduan: the user guide (docs/panduan.md) shown offline inside the app."""
from __future__ import annotations

from PySide6.QtCore import QUrl
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
        else:
            self.browser.setPlainText(self.tr("Berkas panduan tidak ditemukan: %1").replace("%1", str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        localize_button_box(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
