"""The document's identity and signing block, editable (each change undoable)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget,
)

from ..formatting import format_nip

if TYPE_CHECKING:  # pragma: no cover
    from ..service import ChangeEvent, RenjaDocument
    from .undo import Editor


class IdentityForm(QScrollArea):
    message = Signal(str)

    def __init__(self, doc: "RenjaDocument", editor: "Editor", parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.editor = editor
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        outer = QHBoxLayout(body)
        column = QVBoxLayout()
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        ident = QGroupBox(self.tr("Identitas dokumen"))
        form = QFormLayout(ident)
        self._add(form, "pemda", self.tr("Pemerintah daerah:"), self.tr("mis. Kota Binjai"))
        self._add(form, "opd", self.tr("Perangkat Daerah:"), self.tr("mis. Badan Kesatuan Bangsa dan Politik"))
        self._add(form, "opd_singkat", self.tr("Nama singkat:"), self.tr("mis. Badan Kesbangpol (untuk kepala halaman)"))
        self._add(form, "tahun", self.tr("Tahun rencana (n):"), "2024")
        self._add(form, "renstra_mulai", self.tr("Renstra mulai:"), "2021")
        self._add(form, "renstra_selesai", self.tr("Renstra selesai:"), "2026")
        from ..catalog import CatalogError, new_document_version

        try:
            example = new_document_version()
        except CatalogError:
            example = ""
        # an example the catalog really holds (Berkas ▸ Katalog nomenklatur… lists them all)
        self._add(form, "nomenklatur_versi", self.tr("Versi nomenklatur:"),
                  self.tr("mis. %1").replace("%1", example) if example else "")
        self._add(form, "judul", self.tr("Judul dokumen:"), self.tr("mis. RANCANGAN AWAL RENJA"))
        self._add(form, "running_header", self.tr("Kepala halaman:"), "")
        self.header_preview = QLabel()
        self.header_preview.setStyleSheet("color: #555;")
        form.addRow(self.tr("Tercetak di setiap halaman:"), self.header_preview)
        column.addWidget(ident)

        sign = QGroupBox(self.tr("Pengesahan (blok tanda tangan)"))
        form = QFormLayout(sign)
        self._add(form, "tempat", self.tr("Tempat:"), self.tr("mis. Binjai"))
        self._add(form, "tanggal", self.tr("Tanggal:"), self.tr("mis. Juni 2023"))
        self._add(form, "kepala_jabatan", self.tr("Jabatan:"),
                  self.tr("mis. Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai"))
        self._add(form, "kepala_nama", self.tr("Nama Kepala:"), "")
        self._add(form, "kepala_pangkat", self.tr("Pangkat:"), self.tr("mis. Pembina"))
        self._add(form, "kepala_nip", self.tr("NIP:"), self.tr("18 digit, mis. 19670621 199702 1 002"))
        column.addWidget(sign)
        column.addStretch(1)
        doc.add_listener(self._on_change)
        self.refresh()

    def detach(self) -> None:
        self.doc.remove_listener(self._on_change)

    def _add(self, form: QFormLayout, key: str, label: str, placeholder: str) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(lambda k=key: self._commit(k))
        error = QLabel()
        error.setStyleSheet("color: #b3261e;")
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        v = QVBoxLayout(holder)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(edit)
        v.addWidget(error)
        form.addRow(label, holder)
        self.fields[key] = edit
        self.errors[key] = error

    def _shown(self, key: str) -> str:
        value = self.doc.info.get(key)
        if value is None:
            return ""
        if key == "kepala_nip":
            return format_nip(str(value))
        if key == "running_header":
            return str(value).replace("\n", " / ")
        return str(value)

    def refresh(self) -> None:
        for key, edit in self.fields.items():
            edit.setReadOnly(self.doc.readonly)
            if edit.hasFocus():
                continue
            with QSignalBlocker(edit):
                edit.setText(self._shown(key))
        if not self.doc.info.get("running_header"):
            self.fields["running_header"].setPlaceholderText(self.tr("(otomatis dari tahun dan nama singkat)"))
        self.header_preview.setText(" / ".join(x for x in self.doc.running_header() if x))

    def _commit(self, key: str) -> None:
        if self.doc.readonly:
            return
        text = self.fields[key].text().strip()
        if text == self._shown(key):
            return
        if key == "running_header":
            text = text.replace(" / ", "\n")
        if key == "tahun" and not text:
            text = str(self.doc.info.get("tahun"))
        error = self.editor.set_document(**{key: text})
        if error:
            self.errors[key].setText(error)
            self.errors[key].show()
            self.message.emit(error)
            with QSignalBlocker(self.fields[key]):
                self.fields[key].setText(self._shown(key))
        else:
            self.errors[key].hide()
            self.refresh()

    def _on_change(self, change: "ChangeEvent") -> None:
        if change.table in ("document", "reset"):
            self.refresh()
