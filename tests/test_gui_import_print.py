"""Berkas ▸ Impor tabel… (one undo step, after a backup) and Berkas ▸ Cetak…."""
import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from renja_desktop.gui import import_flow, texts

ROWS_41 = [
    ["Kode", "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif (Rp)", "Sumber Dana"],
    ["8.01.02.2.01.0009", "Pembinaan Paskibraka Baru", "25.000.000", "Dana Transfer Umum - Dana Alokasi Umum"],
    ["8.01.02.2.01.0010", "Pelatihan Purna Paskibraka", "15.000.000", "Dana Transfer Umum - Dana Alokasi Umum"],
]


@pytest.fixture
def no_modal_boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.detailedText())) or 0)
    errors = []
    monkeypatch.setattr(texts, "show_error", lambda parent, title, text, informative="": errors.append(text))
    # the column-mapping step is accepted as recognised (tests/test_gui_column_mapping.py drives it)
    from renja_desktop.gui.column_mapping import ColumnMappingDialog
    monkeypatch.setattr(ColumnMappingDialog, "exec", lambda self: (self.accept(), self.result())[1])
    return shown, errors


def workbook(tmp_path):
    path = tmp_path / "tabel41.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    for row in ROWS_41:
        ws.append(row)
    wb.create_sheet("Catatan").append(["bukan tabel"])
    wb.save(path)
    return path


def test_import_file_is_one_undo_step_with_a_report(window, tmp_path, monkeypatch, no_modal_boxes):
    shown, errors = no_modal_boxes
    xlsx = workbook(tmp_path)
    monkeypatch.setattr(import_flow, "choose_source", lambda parent, start: (xlsx, "Tabel 4.1", "4.1"))
    doc = window.doc
    before_total = doc.plan.totals[0]
    before_hash = doc.content_hash()
    assert window.actions_["import"].isEnabled()
    window.actions_["import"].trigger()
    assert not errors, errors
    assert doc.plan.totals[0] == before_total + 40_000_000
    assert doc.plan_by_kode("8.01.02.2.01.0009").sums[0] == 25_000_000
    assert shown and "diimpor" in shown[0][0]
    # the status bar total follows
    from renja_desktop.formatting import format_rupiah
    assert format_rupiah(before_total + 40_000_000) in window.total_label.text()
    from renja_desktop.exchange.backups import list_backups
    assert any("sebelum-impor" in e.path.name for e in list_backups(doc.path))
    window.actions_["undo"].trigger()
    assert window.doc.content_hash() == before_hash
    assert window.doc.plan_by_kode("8.01.02.2.01.0009") is None
    window.actions_["redo"].trigger()
    assert window.doc.plan_by_kode("8.01.02.2.01.0010").sums[0] == 15_000_000


def test_failed_import_changes_nothing(window, tmp_path, monkeypatch, no_modal_boxes):
    shown, errors = no_modal_boxes
    bad = tmp_path / "bukan.xlsx"
    bad.write_bytes(b"ini bukan berkas excel")
    monkeypatch.setattr(import_flow, "choose_source", lambda parent, start: (bad, None, None))
    before = window.doc.content_hash()
    window.actions_["import"].trigger()
    assert errors and "bukan.xlsx" in errors[0]
    assert window.doc.content_hash() == before
    assert not window.stack.canUndo()


def test_print_action_opens_the_print_dialog(window, qtbot, monkeypatch):
    from renja_desktop.gui import print_dialog

    opened = []
    monkeypatch.setattr(print_dialog.PrintDialog, "exec", lambda self: opened.append(self) or 0)
    assert window.actions_["print"].isEnabled()
    window.actions_["print"].trigger()
    assert opened and opened[0].doc is window.doc



def test_clear_printed_values_is_undoable(window, tmp_path, monkeypatch, no_modal_boxes):
    doc = window.doc
    doc.add_declared("4.1", "8.01.01", "pagu", "5.117.798.123", 5_117_798_123)
    window.update_actions()
    assert window.actions_["clear_declared"].isEnabled()
    window.actions_["clear_declared"].trigger()
    assert doc.declared == []
    window.actions_["undo"].trigger()
    assert [d["teks"] for d in window.doc.declared] == ["5.117.798.123"]
