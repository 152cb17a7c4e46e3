"""What the window shows stays true: refused cells, undone steps, the findings line, idle actions,
and codes read differently than typed."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui_support import ids_by_kode
from renja_desktop.gui.main_window import OPERATIONS, MainWindow
from renja_desktop.gui.plan_model import ERROR_BACKGROUND
from test_gui_plan_tree import _dialog_then, type_into

LEAF = "8.01.01.2.01.0001"


def _pink(page, kode, key) -> bool:
    ids = ids_by_kode(page.doc)
    return page.view_index(ids[kode], key).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND


def test_refused_cell_is_pink_only_while_it_matters(window, qtbot):
    page = window.plan_page
    type_into(qtbot, page, LEAF, "pagu", "40.145568.718")
    assert _pink(page, LEAF, "pagu")  # refused: marked, the old value kept
    assert page.view_index(ids_by_kode(page.doc)[LEAF], "pagu").data() == "1.000.000"
    # the user leaves the row, keeping the old value: the cell is an ordinary cell again
    page.select_row(ids_by_kode(page.doc)["8.01.01.2.01.0006"], "pagu")
    assert not _pink(page, LEAF, "pagu")
    # refused again, then the row changes another way (the detail panel, an undo...): not pink either
    type_into(qtbot, page, LEAF, "pagu", "abc")
    assert _pink(page, LEAF, "pagu")
    assert window.editor.set_plan(ids_by_kode(page.doc)[LEAF], pagu="2.000.000") is None
    assert not _pink(page, LEAF, "pagu")


def test_refused_list_cell_clears_when_leaving_the_row(window, qtbot):
    page = window.pelayanan_page
    window.tabs.setCurrentWidget(page)
    window.doc.add_list_item("pelayanan", indikator="Kedua", target_n="1")
    model = page.model
    first = model.index(0, model._keys.index("indikator"))
    model._errors[(model.item_id(0), "indikator")] = "ditolak"  # as setData leaves a refusal
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None
    page.view.setCurrentIndex(first)
    page.view.setCurrentIndex(model.index(1, 0))
    assert first.data(Qt.ItemDataRole.BackgroundRole) is None


def test_status_bar_follows_undo(window, qtbot):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    page.select_row(ids["8.01.01.2.01"])

    def fill(dialog):
        qtbot.keyClicks(dialog.nama, "Evaluasi Kinerja")
        qtbot.keyClick(dialog.nama, Qt.Key.Key_Return)

    _dialog_then(qtbot, window.actions_["add_child"].trigger)(fill)
    assert "ditambahkan" in window.statusBar().currentMessage()
    window.actions_["undo"].trigger()
    message = window.statusBar().currentMessage()
    assert "ditambahkan" not in message and message.startswith("Diurungkan:"), message
    window.actions_["redo"].trigger()
    assert window.statusBar().currentMessage().startswith("Diulangi:")


def test_no_document_no_live_actions(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    a = window.actions_
    for key in OPERATIONS + ("undo", "redo", "save_origin", "save_copy", "print", "close", "import"):
        assert not a[key].isEnabled(), key
    assert a["open"].isEnabled() and a["new"].isEnabled()


def test_findings_line_is_never_cut(window):
    panel = window.findings
    window.resizeDocks([window.findings_dock], [200], Qt.Orientation.Vertical)
    panel.summary.setStyleSheet("color: #b3261e; font-weight: bold;")
    panel.summary.setText("128 galat, 1.204 peringatan, 37 info")
    for width in (1300, 520, 360):
        panel.resize(width, 200)
        panel.layout().activate()
        QApplication.processEvents()
        label = panel.summary
        assert label.wordWrap() and label.width() > 0
        assert label.height() >= label.heightForWidth(label.width()), width
        # the longest word fits its width (no word is cut off at the edge)
        assert label.width() >= label.fontMetrics().horizontalAdvance("peringatan,")


def test_typed_code_is_shown_normalised_before_it_is_taken(window, qtbot):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    page.select_row(ids["8.01.01.2.01"])
    seen = {}

    def fill(dialog):
        dialog.kode.setText("8.1.1.2.1.7")
        qtbot.keyClicks(dialog.nama, "Kode pendek")
        qtbot.keyClick(dialog.nama, Qt.Key.Key_Return)      # first Oke: shows what will be stored
        seen["kode"] = dialog.kode.text()
        seen["note"] = dialog.error.text()
        seen["open"] = dialog.isVisible()
        seen["rows"] = len(window.doc.plan.nodes)
        qtbot.keyClick(dialog.nama, Qt.Key.Key_Return)      # second Oke: taken

    _dialog_then(qtbot, window.actions_["add_child"].trigger)(fill)
    assert seen["open"] and seen["kode"] == "8.01.01.2.01.0007"
    assert "8.1.1.2.1.7" in seen["note"] and "8.01.01.2.01.0007" in seen["note"]
    assert seen["rows"] == 11  # nothing stored before the user saw the code
    assert window.doc.plan.find_kode("8.01.01.2.01.0007")
    # typed into the Kode cell: stored canonical, and the status bar says so
    type_into(qtbot, page, "8.01.01.2.01.0007", "kode", "8.1.1.2.1.8")
    assert window.doc.plan.find_kode("8.01.01.2.01.0008")
    assert "dibaca sebagai 8.01.01.2.01.0008" in window.statusBar().currentMessage()


def test_code_typed_in_the_detail_panel_is_shown_normalised(window, qtbot):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    page.select_row(ids[LEAF], "nama")
    panel = window.detail
    field = panel.fields["kode"]
    messages = []
    panel.message.connect(messages.append)
    field.setText("8.1.1.2.1.9")
    field.editingFinished.emit()
    QApplication.processEvents()
    assert window.doc.plan.nodes[ids[LEAF]].kode == "8.01.01.2.01.0009"
    assert field.text() == "8.01.01.2.01.0009"
    assert messages and "dibaca sebagai 8.01.01.2.01.0009" in messages[-1]
