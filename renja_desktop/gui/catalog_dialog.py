"""Berkas ▸ Katalog nomenklatur…: the catalog versions (bundled and the user's own), loading a newer
official list from an Excel/CSV/TSV file (the same service as ``renja-desktop catalog load``), and
making the open document follow a version (one undoable identity change)."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QInputDialog, QLabel,
    QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from .. import catalog
from ..operations import SetCatalogVersion
from . import settings as app_settings
from . import texts

VERSION_ROLE = Qt.ItemDataRole.UserRole


def _wrap(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CatalogDialog(QDialog):
    """The versions of the nomenclature catalog; ``window`` is the main window (its document and
    editor, for "Pakai untuk dokumen ini"), or any widget when no document is open."""

    def __init__(self, parent: QWidget | None, window=None):
        super().__init__(parent)
        self.window_ = window
        self.versions: list[dict] = []
        self.setWindowTitle(self.tr("Katalog nomenklatur"))
        self.resize(940, 440)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrap(self.tr(
            "Daftar kode dan nama resmi program, kegiatan dan sub kegiatan, satu versi per terbitan "
            "Kepmendagri. Pemeriksaan dokumen membandingkan kode dan nama dengan versi yang diikuti dokumen.")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Versi"), self.tr("Baris"), self.tr("Asal"), self.tr("Judul")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.use_selected())
        layout.addWidget(self.table, 1)
        self.current_label = _wrap("")
        layout.addWidget(self.current_label)
        self.message = _wrap("")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.load_button = buttons.addButton(self.tr("&Muat versi baru…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button = buttons.addButton(self.tr("&Pakai untuk dokumen ini"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.load_button.setToolTip(self.tr("Memuat daftar nomenklatur dari berkas Excel (.xlsx), CSV atau TSV"))
        self.use_button.setToolTip(self.tr("Dokumen yang terbuka mengikuti versi terpilih (dapat diurungkan)"))
        self.load_button.clicked.connect(self.ask_load)
        self.use_button.clicked.connect(self.use_selected)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        self.table.setFocus()

    # ---------------------------------------------------------------------------- state
    @property
    def doc(self):
        return getattr(self.window_, "doc", None)

    def document_version(self) -> str:
        doc = self.doc
        return (doc.info.get("nomenklatur_versi") or "").strip() if doc is not None else ""

    def _origin_text(self, asal: str) -> str:
        return self.tr("bawaan") if asal == "bawaan" else self.tr("milik sendiri")

    def refresh(self, select: str | None = None) -> None:
        """Fill the table again; ``select``: the version to select (else the document's one)."""
        try:
            self.versions = catalog.available_versions()
        except (catalog.CatalogError, OSError) as exc:
            self.versions = []
            self._show_message(str(exc), error=True)
        current = self.document_version()
        # a user's own version hides a bundled one of the same name (catalog.get_catalog): mark that one
        effective = {v["versi"]: i for i, v in enumerate(self.versions)}
        marked = effective.get(current) if current else None
        self.table.setRowCount(len(self.versions))
        for r, v in enumerate(self.versions):
            name = v["versi"]
            if r == marked:
                name = self.tr("%1 (dipakai dokumen ini)").replace("%1", v["versi"])
            cells = (name, f"{int(v.get('baris') or 0):,}".replace(",", "."), self._origin_text(v["asal"]),
                     v.get("judul", ""))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(VERSION_ROLE, v["versi"])
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r == marked:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if col == 3:
                    item.setToolTip(text)
                self.table.setItem(r, col, item)
        if self.doc is None:
            self.current_label.setText(self.tr("Tidak ada dokumen yang terbuka."))
        elif not current:
            self.current_label.setText(self.tr("Dokumen ini belum menyebut versi nomenklatur; "
                                               "pemeriksaan nomenklatur dilewati."))
        elif marked is None:
            self.current_label.setText(self.tr("Dokumen ini menyebut versi '%1', yang tidak ada di katalog.")
                                       .replace("%1", current))
        else:
            self.current_label.setText(self.tr("Dokumen ini mengikuti versi '%1' (dicetak tebal).")
                                       .replace("%1", current))
        target = select if select is not None else current
        row = next((i for i in range(len(self.versions) - 1, -1, -1) if self.versions[i]["versi"] == target), 0)
        if self.versions:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_version(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.versions[rows[0].row()]["versi"]

    def _update_buttons(self) -> None:
        doc = self.doc
        chosen = self.selected_version()
        self.use_button.setEnabled(bool(doc is not None and not doc.readonly and chosen
                                        and chosen != self.document_version()))

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---------------------------------------------------------------------------- loading
    def name_problem(self, versi: str) -> str | None:
        """The message for an invalid version name (the rule of ``catalog load --versi``), or ``None``."""
        problem = catalog.version_name_problem(versi)
        if problem is None:
            return None
        kind, detail = problem
        if kind == "kosong":
            return self.tr("Nama versi belum diisi.")
        if kind == "panjang":
            return (self.tr("Nama versi terlalu panjang: %1 karakter, paling banyak %2.")
                    .replace("%1", detail).replace("%2", str(catalog.VERSION_NAME_MAX)))
        if kind == "awal":
            return self.tr("Nama versi harus diawali huruf atau angka, bukan '%1'.").replace("%1", detail)
        return self.tr("Nama versi memuat karakter yang tidak boleh: %1. Pakai hanya huruf, angka, titik, "
                       "garis bawah atau tanda hubung, mis. kep900-2023.").replace("%1", detail)

    def ask_load(self) -> dict | None:
        """File, sheet, version name, confirmation; then load. Returns the service's answer or ``None``."""
        start = str(app_settings.value("catalog/folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Muat katalog nomenklatur"), start,
            self.tr("Daftar nomenklatur (*.xlsx *.csv *.tsv);;Semua berkas (*)"))
        if not path:
            return None
        source = Path(path)
        app_settings.set_value("catalog/folder", str(source.parent))
        from .import_flow import ask_sheet

        ok, sheet = ask_sheet(self, source, self.tr("Lembar kerja yang berisi daftar nomenklatur:"))
        if not ok:
            return None
        suggested = re.sub(r"[^A-Za-z0-9._-]+", "-", source.stem).strip("-._")[:catalog.VERSION_NAME_MAX]
        versi = suggested
        while True:
            versi, ok = QInputDialog.getText(
                self, self.tr("Nama versi"),
                self.tr("Nama versi katalog (huruf, angka, titik, garis bawah, tanda hubung), mis. kep900-2023:"),
                QLineEdit.EchoMode.Normal, versi)
            if not ok:
                return None
            versi = versi.strip()
            problem = self.name_problem(versi)
            if problem is None:
                break
            texts.show_error(self, self.tr("Nama versi tidak sah"), problem)
        overwrite = False
        existing = [v for v in self.versions if v["versi"] == versi]
        if existing:
            own = any(v["asal"] == "pengguna" for v in existing)
            informative = (self.tr("Versi itu akan diganti dengan isi berkas %1.") if own else
                           self.tr("Versi milik sendiri dengan nama itu akan dipakai menggantikan versi bawaan."))
            if not texts.ask_yes_no(self, self.tr("Ganti versi katalog"),
                                    self.tr("Versi katalog '%1' sudah ada. Ganti?").replace("%1", versi),
                                    informative.replace("%1", source.name)):
                return None
            overwrite = True
        return self.load(source, versi, sheet, overwrite)

    def load(self, source: Path, versi: str, sheet: str | None = None, overwrite: bool = False) -> dict | None:
        """Load ``source`` as version ``versi`` (``catalog.load_user_catalog``) and report it."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = catalog.load_user_catalog(source, versi, sheet=sheet, overwrite=overwrite)
        except (catalog.CatalogError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            texts.show_error(self, self.tr("Katalog tidak dimuat"), str(exc))
            return None
        QApplication.restoreOverrideCursor()
        skipped = int(info.get("dilewati_jumlah", len(info.get("dilewati", []))))
        text = (self.tr("Katalog '%1' dimuat: %2 baris, %3 baris dilewati.")
                .replace("%1", info["versi"]).replace("%2", str(info["baris"])).replace("%3", str(skipped)))
        reasons = info.get("dilewati", [])[:5]
        informative = ""
        if reasons:
            informative = self.tr("Yang dilewati pertama:") + "\n" + "\n".join(f"• {r}" for r in reasons)
        self.refresh(select=info["versi"])
        self._show_message(text)
        texts.show_info(self, self.tr("Katalog dimuat"), text, informative)
        return info

    # ---------------------------------------------------------------------------- the document
    def use_selected(self) -> bool:
        """The open document follows the selected version (through the editor: one undo step)."""
        versi = self.selected_version()
        doc = self.doc
        if versi is None or doc is None or doc.readonly or versi == self.document_version():
            return False
        error = self.window_.editor.execute(SetCatalogVersion(versi), self.tr("Ikuti katalog %1").replace("%1", versi))
        if error:
            texts.show_error(self, self.tr("Versi nomenklatur tidak diubah"), error)
            return False
        self.refresh(select=versi)
        self._show_message(self.tr("Dokumen kini mengikuti versi '%1'. Dapat diurungkan dengan "
                                   "Edit ▸ Urungkan (Ctrl+Z).").replace("%1", versi))
        return True
