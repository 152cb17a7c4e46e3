"""Berkas ▸ Impor tabel…: choose a file (and sheet, and table type), check or change which column
holds which field (:mod:`.column_mapping`), import it as one undoable step after a backup of the
working file, then show the importer's row-by-row report."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from ..operations import ImportFile
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


def ask_sheet(parent: QWidget, source: Path, prompt: str) -> tuple[bool, str | None]:
    """For a workbook with several sheets, ask which one (``prompt`` names what it should hold).
    Returns (False, None) when cancelled or unreadable (the error is shown), else (True, sheet or
    None for the only sheet and for other files)."""
    if source.suffix.lower() != ".xlsx":
        return True, None
    from ..readers import list_sheets

    try:
        sheets = list_sheets(source)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        texts.show_error(parent, translate("Import", "Berkas tidak dapat dibaca"), str(exc))
        return False, None
    if len(sheets) <= 1:
        return True, None
    sheet, ok = QInputDialog.getItem(parent, translate("Import", "Pilih lembar kerja"), prompt, sheets, 0, False)
    return (True, sheet) if ok else (False, None)


def choose_source(parent: QWidget, start: str) -> tuple[Path, str | None, str | None] | None:
    """Ask for the file, the sheet of a workbook and the table type. ``None`` when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("Import", "Impor tabel"), start,
        translate("Import", "Tabel (*.xlsx *.tsv *.csv *.txt);;Semua berkas (*)"))
    if not path:
        return None
    source = Path(path)
    ok, sheet = ask_sheet(parent, source, translate("Import", "Lembar kerja yang diimpor:"))
    if not ok:
        return None
    ok, table = ask_table(parent)
    if not ok:
        return None
    return source, sheet, table


def ask_table(parent: QWidget, automatic: bool = True) -> tuple[bool, str | None]:
    """The table type (``None``: recognise it); ``(False, None)`` when cancelled."""
    choices = [c for c in TABLE_CHOICES if automatic or c[0] is not None]
    labels = [translate("Import", label) for _t, label in choices]
    chosen, ok = QInputDialog.getItem(parent, translate("Import", "Jenis tabel"),
                                      translate("Import", "Tabel yang diimpor:"), labels, 0, False)
    if not ok:
        return False, None
    return True, choices[labels.index(chosen)][0]


def table_title(table: str) -> str:
    return next(translate("Import", label) for t, label in TABLE_CHOICES if t == table)


def choose_columns(parent: QWidget, source: Path, sheet: str | None, table: str | None, doc=None):
    """The column-mapping step. Returns ``(table, column_map, src)`` for :func:`run_import`, or
    ``None`` when cancelled. Kept unchanged, the mapping gives back the table as chosen and
    ``column_map=None`` (the import runs as without this step); a source that cannot be read gives
    ``src=None`` so the import reports why, as always."""
    from ..importer.mapping import detect_columns, looks_like_document
    from ..readers import file_source
    from .column_mapping import ColumnMappingDialog

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        src = file_source(source, sheet)
    except Exception:  # noqa: BLE001 - the import itself reads it again and reports why
        return table, None, None
    finally:
        QApplication.restoreOverrideCursor()
    if table is None and looks_like_document(src):
        return table, None, src   # a whole Renja converted to text: several tables, read by captions
    tahun = doc.info.get("tahun") if doc is not None else None
    running = tuple(x for x in doc.running_header() if x) if doc is not None else ()
    detected = detect_columns(src.rows, table, tahun, running)
    chosen_table = table
    if detected.table is None:
        texts.show_info(parent, translate("Import", "Jenis tabel tidak dikenali"),
                        translate("Import", "Jenis tabel %1 tidak dikenali dari kepala kolomnya.")
                        .replace("%1", src.label),
                        translate("Import", "Pilih jenis tabelnya, lalu periksa kolom-kolomnya."))
        ok, chosen_table = ask_table(parent, automatic=False)
        if not ok:
            return None
        detected = detect_columns(src.rows, chosen_table, tahun, running)
    dialog = ColumnMappingDialog(parent, src, detected, table_title(detected.table), tahun)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        column_map = dialog.column_map()
    finally:
        dialog.deleteLater()
    if column_map is None:
        return chosen_table, None, src
    return detected.table, column_map, src


def run_import(window, source: Path, sheet: str | None, table: str | None,
               column_map: dict[str, str] | None = None, src=None) -> bool:
    """Import ``source`` into the window's document as one undo step. Returns True when imported.
    ``column_map`` as for ``import --column``; ``src``: the source already read (else it is read)."""
    from ..exchange.backups import take_backup
    from ..exchange.errors import ExchangeError

    doc = window.doc
    try:
        take_backup(doc.path, "sebelum-impor")
    except (ExchangeError, OSError) as exc:
        texts.show_error(window, translate("Import", "Impor dibatalkan"),
                         translate("Import", "Cadangan sebelum impor tidak dapat dibuat."), str(exc))
        return False

    text = translate("Import", "Impor %1").replace("%1", source.name)
    op = ImportFile(source, table=table, sheet=sheet, column_map=column_map, source=src)
    applied, error = window.editor.run(op, text)
    if error:
        texts.show_error(window, translate("Import", "Impor gagal"), error,
                         translate("Import", "Dokumen tidak diubah."))
        return False
    report = applied.result
    box = QMessageBox(QMessageBox.Icon.Information, translate("Import", "Laporan impor"),
                      report.summary(), parent=window)
    box.setInformativeText(translate("Import", "Impor dapat dibatalkan dengan Edit ▸ Urungkan (Ctrl+Z)."))
    box.setDetailedText(report.details())
    texts.localize_buttons(box)
    box.exec()
    return True
