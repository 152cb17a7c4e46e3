"""Small dialogs: adding a row (code proposed, names suggested), a new document."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from .. import codes
from ..codes import SUB_KEGIATAN
from .texts import level_name
from .ui_new_document import Ui_NewDocumentDialog  # generated from ui/new_document.ui

#: submit(kode, nama, fields) -> error message or None
Submit = Callable[[str, str, dict], "str | None"]


def localize_button_box(box: QDialogButtonBox) -> None:
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(QCoreApplication.translate("Dialogs", "Oke"))
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    if cancel is not None:
        cancel.setText(QCoreApplication.translate("Dialogs", "Batal"))


def finish_form(dialog: QDialog, form) -> QLabel:
    """Lay out a form dialog: the form, a red message line (hidden until a refusal) and Oke/Batal
    wired to ``dialog._accept`` / ``reject``. Returns the message label."""
    error = QLabel()
    error.setWordWrap(True)
    error.setStyleSheet("color: #b3261e;")
    error.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    localize_button_box(buttons)
    buttons.accepted.connect(dialog._accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error



class AddRowDialog(QDialog):
    """Add a row: the next free code is proposed; names from the catalog are offered as you type.

    ``suggestions`` are (kode, nama) pairs; picking a name whose code fits here also fills the code.
    The dialog stays open when the service refuses the row, showing why.
    """

    def __init__(self, parent: QWidget | None, *, level: int, parent_label: str, proposed_code: str,
                 suggestions: list[tuple[str, str]], submit: Submit, with_pagu: bool | None = None,
                 code_required: bool = True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah %1").replace("%1", level_name(level).lower()))
        self.setMinimumWidth(560)
        self._submit = submit
        self._codes_by_name = {}
        for kode, nama in suggestions:
            self._codes_by_name.setdefault(nama, kode)
        self.row_id: str | None = None

        form = QFormLayout()
        form.addRow(self.tr("Tingkat:"), QLabel(level_name(level)))
        under = QLabel(parent_label or self.tr("(tingkat teratas)"))
        under.setWordWrap(True)
        form.addRow(self.tr("Di bawah:"), under)
        self.kode = QLineEdit(proposed_code)
        self.kode.setPlaceholderText(self.tr("mis. 8.01.01.2.01.0001") if code_required else self.tr("boleh kosong"))
        form.addRow(self.tr("&Kode:"), self.kode)
        self.nama = QLineEdit()
        self.nama.setPlaceholderText(self.tr("ketik untuk melihat nama dari nomenklatur"))
        names = list(self._codes_by_name)
        if names:
            completer = QCompleter(QStringListModel(names, self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setMaxVisibleItems(12)
            completer.activated.connect(self._picked)
            self.nama.setCompleter(completer)
        form.addRow(self.tr("&Uraian:"), self.nama)
        self.pagu = None
        if with_pagu if with_pagu is not None else level == SUB_KEGIATAN:
            self.pagu = QLineEdit()
            self.pagu.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.pagu.setPlaceholderText(self.tr("contoh: 1.500.000"))
            form.addRow(self.tr("&Pagu indikatif:"), self.pagu)
        self.error = finish_form(self, form)
        self.nama.setFocus()

    def _picked(self, name: str) -> None:
        kode = self._codes_by_name.get(name)
        if kode:
            self.kode.setText(kode)

    def _accept(self) -> None:
        typed = self.kode.text().strip()
        if codes.normalization_note(typed):
            # 1.2.2.2.2.8 would be stored as 1.02.02.2.02.0008: show it and let the user confirm
            canonical = codes.normalize_code(typed)
            self.kode.setText(canonical)
            self.error.setStyleSheet("color: #8a5a00;")
            self.error.setText(self.tr("Kode '%1' ditulis sebagai %2. Periksa kodenya, lalu tekan Oke sekali "
                                       "lagi.").replace("%1", typed).replace("%2", canonical))
            self.error.show()
            self.kode.setFocus()
            return
        fields = {}
        if self.pagu is not None and self.pagu.text().strip():
            fields["pagu"] = self.pagu.text().strip()
        error = self._submit(typed, self.nama.text().strip(), fields)
        if error:
            self.error.setStyleSheet("color: #b3261e;")
            self.error.setText(error)
            self.error.show()
            return
        self.accept()


class NewDocumentDialog(QDialog):
    """Identity of a new Renja (the file name is asked for afterwards). The form is the Qt Designer
    file ``ui/new_document.ui``, compiled to :mod:`.ui_new_document` (``scripts/build_ui.py``)."""

    def __init__(self, parent: QWidget | None, year: int):
        super().__init__(parent)
        self.ui = Ui_NewDocumentDialog()
        self.ui.setupUi(self)
        self.pemda, self.opd, self.opd_singkat = self.ui.pemda, self.ui.opd, self.ui.opd_singkat
        self.tahun, self.error = self.ui.tahun, self.ui.error
        self.tahun.setValue(year)
        self.nomenklatur = self.ui.nomenklatur
        self._fill_versions()
        self.error.hide()
        localize_button_box(self.ui.buttons)
        self.ui.buttons.accepted.connect(self._accept)
        self.ui.buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        if not self.pemda.text().strip() or not self.opd.text().strip():
            self.error.setText(self.tr("Isi nama pemerintah daerah dan perangkat daerah."))
            self.error.show()
            return
        self.accept()

    def _fill_versions(self) -> None:
        """Every catalog version, the default for new documents selected; and "none"."""
        from ..catalog import CatalogError, available_versions, new_document_version

        try:
            versions, default = available_versions(), new_document_version()
        except CatalogError:
            versions, default = [], ""
        for v in versions:
            judul = (v.get("judul") or "").split(" (")[0].strip()
            self.nomenklatur.addItem(f"{judul} ({v['versi']})" if judul else v["versi"], v["versi"])
            if v.get("judul"):
                self.nomenklatur.setItemData(self.nomenklatur.count() - 1, v["judul"], Qt.ItemDataRole.ToolTipRole)
        self.nomenklatur.addItem(self.tr("(tanpa katalog: kode tidak diperiksa)"), "")
        index = self.nomenklatur.findData(default)
        self.nomenklatur.setCurrentIndex(max(index, 0))

    def values(self) -> dict:
        return {"pemda": self.pemda.text().strip(), "opd": self.opd.text().strip(),
                "opd_singkat": self.opd_singkat.text().strip(), "tahun": self.tahun.value(),
                "nomenklatur_versi": self.nomenklatur.currentData() or ""}
