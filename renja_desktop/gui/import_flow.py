"""Berkas ▸ Impor tabel…: choose a file (and sheet, and table type), import it as one undoable
step after a backup of the working file, then show the importer's row-by-row report."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from ..service import EditError
from . import texts

translate = QCoreApplication.translate

TABLE_CHOICES = [
    (None, QT_TRANSLATE_NOOP("Import", "Kenali dari kepala kolom (otomatis)")),
    ("4.1", QT_TRANSLATE_NOOP("Import", "Tabel 4.1 Rencana kerja dan pendanaan")),
    ("3.1", QT_TRANSLATE_NOOP("Import", "Tabel 3.1 Rencana program dan kegiatan")),
    ("2.3", QT_TRANSLATE_NOOP("Import", "Tabel 2.3 Review rancangan awal RKPD")),
    ("2.1", QT_TRANSLATE_NOOP("Import", "Tabel 2.1 Evaluasi Renja tahun lalu")),
    ("2.2", QT_TRANSLATE_NOOP("Import", "Tabel 2.2 Kinerja pelayanan")),
    ("2.4", QT_TRANSLATE_NOOP("Import", "Tabel 2.4 Usulan pemangku kepentingan")),
]


def choose_source(parent: QWidget, start: str) -> tuple[Path, str | None, str | None] | None:
    """Ask for the file, the sheet of a workbook and the table type. ``None`` when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("Import", "Impor tabel"), start,
        translate("Import", "Tabel (*.xlsx *.tsv *.csv *.txt);;Semua berkas (*)"))
    if not path:
        return None
    source = Path(path)
    sheet = None
    if source.suffix.lower() == ".xlsx":
        from ..importer.readers import list_sheets

        try:
            sheets = list_sheets(source)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            texts.show_error(parent, translate("Import", "Berkas tidak dapat dibaca"), str(exc))
            return None
        if len(sheets) > 1:
            sheet, ok = QInputDialog.getItem(parent, translate("Import", "Pilih lembar kerja"),
                                             translate("Import", "Lembar kerja yang diimpor:"), sheets, 0, False)
            if not ok:
                return None
    labels = [translate("Import", label) for _t, label in TABLE_CHOICES]
    chosen, ok = QInputDialog.getItem(parent, translate("Import", "Jenis tabel"),
                                      translate("Import", "Tabel yang diimpor:"), labels, 0, False)
    if not ok:
        return None
    table = TABLE_CHOICES[labels.index(chosen)][0]
    return source, sheet, table


def run_import(window, source: Path, sheet: str | None, table: str | None) -> bool:
    """Import ``source`` into the window's document as one undo step. Returns True when imported."""
    from ..exchange.backups import take_backup
    from ..exchange.errors import ExchangeError
    from ..importer import import_file

    doc = window.doc
    try:
        take_backup(doc.path, "sebelum-impor")
    except (ExchangeError, OSError) as exc:
        texts.show_error(window, translate("Import", "Impor dibatalkan"),
                         translate("Import", "Cadangan sebelum impor tidak dapat dibuat."), str(exc))
        return False

    def operation():
        report = import_file(doc, source, table=table, sheet=sheet)
        if report.failed:
            raise EditError(report.summary())
        return report

    text = translate("Import", "Impor %1").replace("%1", source.name)
    report, error = window.editor.whole_document(operation, text)
    if error:
        texts.show_error(window, translate("Import", "Impor gagal"), error,
                         translate("Import", "Dokumen tidak diubah."))
        return False
    box = QMessageBox(QMessageBox.Icon.Information, translate("Import", "Laporan impor"),
                      report.summary(), parent=window)
    box.setInformativeText(translate("Import", "Impor dapat dibatalkan dengan Edit ▸ Urungkan (Ctrl+Z)."))
    box.setDetailedText(report.details())
    texts.localize_buttons(box)
    box.exec()
    return True
