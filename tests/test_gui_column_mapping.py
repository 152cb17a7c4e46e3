"""Berkas ▸ Impor tabel…, the column-mapping step: the real dialog driven offscreen."""
from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from renja_desktop.gui import import_flow, texts
from renja_desktop.gui.column_mapping import ColumnMappingDialog
from renja_desktop.importer import import_file

DAU = "Dana Transfer Umum - Dana Alokasi Umum"
HEADER = ["Kode Rekening", "Nomenklatur", "Nilai Usulan", "Asal Anggaran", "Keterangan Lain"]
ROWS = [
    ["8.01.02.2.01.0009", "Pembinaan Paskibraka Baru", 25000000, DAU, "prioritas"],
    ["8.01.02.2.01.0010", "Pelatihan Purna Paskibraka", "15.000.000", DAU, ""],
]


def unusual_workbook(tmp_path):
    """Headers the importer reads wrongly: "Nilai Usulan" is not recognised and "Asal Anggaran"
    (the funding source) reads as money."""
    path = tmp_path / "usulan.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Usulan"
    ws.append([])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def session(window, tmp_path, monkeypatch):
    """Import of the unusual workbook as Tabel 4.1; ``drive(fn)`` answers the mapping dialog."""
    shown, errors, infos, dialogs = [], [], [], []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(texts, "show_error", lambda parent, title, text, informative="": errors.append(text))
    monkeypatch.setattr(texts, "show_info", lambda parent, title, text, informative="": infos.append(text))
    path = unusual_workbook(tmp_path)
    monkeypatch.setattr(import_flow, "choose_source", lambda parent, start: (path, "Usulan", "4.1"))

    def drive(answer):
        def exec_(self):
            dialogs.append(self)
            answer(self)
            return self.result()
        monkeypatch.setattr(ColumnMappingDialog, "exec", exec_)

    class S:
        pass
    s = S()
    s.path, s.shown, s.errors, s.infos, s.dialogs, s.drive = path, shown, errors, infos, dialogs, drive
    return s


def choose(dialog, column: int, field: str | None):
    """What the user does: pick the field in the column's combo box by keyboard."""
    combo = dialog.combos[column]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(field) if field else 0)


def click_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_prefilled_with_what_the_importer_recognises(window, session, qtbot):
    def look(dialog):
        assert dialog.windowTitle() == "Petakan kolom"
        assert [c.currentData() for c in dialog.combos] == ["kode", "nama", None, "pagu", None]
        assert dialog.combos[3].currentText() == "Pagu indikatif 2024 (Rp)"
        assert dialog.combos[2].currentText() == "(abaikan)"
        # preview: header row first (bold), then the data, with the source's own row numbers
        tw = dialog.table_widget
        assert tw.item(1, 2).text() == "Nilai Usulan" and tw.item(1, 2).font().bold()
        assert tw.item(2, 2).text() == "25000000" and tw.verticalHeaderItem(2).text() == "3"
        assert tw.horizontalHeaderItem(2).text() == "C"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert (ok.text(), cancel.text()) == ("Oke", "Batal")
        dialog.reject()
    session.drive(look)
    before = window.doc.content_hash()
    assert window.import_table() is False            # Batal: nothing imported
    assert session.dialogs and window.doc.content_hash() == before and not window.stack.canUndo()


def test_changed_mapping_imports_the_chosen_columns(window, session, qtbot):
    def remap(dialog):
        choose(dialog, 2, "pagu")
        choose(dialog, 3, "sumber_dana")
        click_ok(qtbot, dialog)
        assert not dialog.error.isVisibleTo(dialog)
    session.drive(remap)
    doc = window.doc
    before_total = doc.plan.totals[0]
    assert window.import_table() is True
    assert not session.errors, session.errors
    node = doc.plan_by_kode("8.01.02.2.01.0009")
    assert node.values["pagu"] == 25_000_000 and isinstance(node.values["pagu"], int)
    assert doc.sumber_dana_text(node.id) == DAU
    other = doc.plan_by_kode("8.01.02.2.01.0010")
    assert other.values["pagu"] == 15_000_000 and doc.sumber_dana_text(other.id) == DAU
    assert doc.plan.totals[0] == before_total + 40_000_000
    assert session.shown and "diimpor" in session.shown[0]
    window.actions_["undo"].trigger()                 # still one undo step
    assert window.doc.plan_by_kode("8.01.02.2.01.0009") is None


def test_a_field_chosen_twice_is_refused_with_the_columns_named(window, session, qtbot):
    messages = []

    def twice(dialog):
        choose(dialog, 2, "pagu")                     # column D still holds pagu too
        click_ok(qtbot, dialog)
        assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.isVisibleTo(dialog)
        messages.append(dialog.error.text())
        choose(dialog, 0, None)                       # and now no code column at all
        choose(dialog, 3, "sumber_dana")
        click_ok(qtbot, dialog)
        messages.append(dialog.error.text())
        dialog.reject()
    session.drive(twice)
    before = window.doc.content_hash()
    assert window.import_table() is False
    assert messages[0] == ("Isian “Pagu indikatif 2024 (Rp)” dipilih untuk lebih dari satu kolom (kolom C dan D). "
                           "Pilih satu kolom saja; ubah yang lain menjadi “(abaikan)”.")
    assert messages[1] == "Belum ada kolom untuk “Kode”: Tabel 4.1 tidak dapat diimpor tanpanya."
    assert window.doc.content_hash() == before and not window.stack.canUndo()


def test_accepting_the_recognised_mapping_imports_exactly_as_before(window, session, qtbot, monkeypatch, tmp_path):
    from renja_desktop import importer

    passed = []
    real = importer.import_source
    from renja_desktop import operations

    def spy(doc, src, table=None, column_map=None, parent_id=None):
        passed.append((table, column_map))
        return real(doc, src, table, column_map, parent_id)

    # the import operation calls the importer by the name it imported
    monkeypatch.setattr(operations, "import_source", spy)
    session.drive(lambda dialog: click_ok(qtbot, dialog))
    assert window.import_table() is True
    assert passed == [("4.1", None)]
    # the same file imported without the mapping step into the same document
    from gui_support import build_small_document

    other = build_small_document(tmp_path / "direct.sqlite")
    try:
        import_file(other, session.path, table="4.1", sheet="Usulan")

        def rows(doc):
            return [(n.kode, n.nama, n.values.get("pagu"), doc.sumber_dana_text(n.id)) for n in doc.plan.walk()]
        assert rows(window.doc) == rows(other)
        assert window.doc.plan_by_kode("8.01.02.2.01.0009").values["pagu"] == 25_000_000
    finally:
        other.close()


def test_automatic_table_not_recognised_asks_for_the_table_first(window, session, qtbot, monkeypatch, tmp_path):
    path = tmp_path / "rincian.tsv"
    path.write_text("A\t8.01.02.2.01.0009\tPengangkatan Paskibraka\t9.000.000\n"
                    "B\t8.01.02.2.01.0010\tPelatihan Paskibraka\t1.500.000\n", encoding="utf-8")
    monkeypatch.setattr(import_flow, "choose_source", lambda parent, start: (path, None, None))
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: asked.append(items) or (items[0], True))

    def manual(dialog):
        assert dialog.table == "4.1" and all(c.currentData() is None for c in dialog.combos)
        choose(dialog, 1, "kode")
        choose(dialog, 2, "nama")
        choose(dialog, 3, "pagu")
        click_ok(qtbot, dialog)
    session.drive(manual)
    assert window.import_table() is True
    assert session.infos == ["Jenis tabel rincian.tsv tidak dikenali dari kepala kolomnya."]
    assert asked and asked[0][0] == "Tabel 4.1 Rencana kerja dan pendanaan"    # no "otomatis" this time
    assert window.doc.plan_by_kode("8.01.02.2.01.0009").values["pagu"] == 9_000_000
    assert window.doc.plan_by_kode("8.01.02.2.01.0010").nama == "Pelatihan Paskibraka"


def test_field_names_follow_the_language(window, session):
    labels = []

    def look(dialog):
        labels.append([dialog.combos[3].itemText(i) for i in range(dialog.combos[3].count())])
        labels.append(dialog.windowTitle())
        dialog.reject()
    session.drive(look)
    window.set_language("en")
    try:
        window.import_table()
    finally:
        window.set_language("id")
    assert labels[0][0] == "(skip)" and "Indicative budget 2024 (Rp)" in labels[0]
    assert labels[1] == "Map columns"


def test_keyboard_only(qtbot):
    """Tab walks the columns' boxes, then the preview, Oke, Batal; arrow keys change a box."""
    from renja_desktop.importer.mapping import detect_columns
    from renja_desktop.readers import text_source

    src = text_source("Kode Rekening\tNomenklatur\tNilai Usulan\n8.01.02.2.01.0009\tPembinaan\t25.000.000\n", "u.tsv")
    dialog = ColumnMappingDialog(None, src, detect_columns(src.rows, "4.1", 2024), "Tabel 4.1", 2024)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.waitUntil(dialog.combos[0].hasFocus)     # the first column's box has the focus at first
    order = [dialog.combos[0]]
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert order == [*dialog.combos, dialog.table_widget, ok, cancel]
    assert dialog.combos[2].currentData() is None
    qtbot.keyClick(dialog.combos[2], Qt.Key.Key_Down)
    assert dialog.combos[2].currentData() == "kode"      # the first field after "(abaikan)"
