"""The other tabs (Tabel 2.1, 2.2, 2.3, 2.4), the identity form, the detail and findings panels."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QLineEdit

from gui_support import ids_by_kode
from renja_desktop.gui import texts
from renja_desktop.gui.main_window import MainWindow

LEAF = "8.01.01.2.01.0001"


def eval_ids(doc) -> dict[str, str]:
    return {n.kode: n.id for n in doc.evaluation.walk()}


def edit_cell(qtbot, view, index, text: str) -> None:
    view.setCurrentIndex(index)
    view.setFocus()
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


# ------------------------------------------------------------------------------ Tabel 2.1
def test_eval_tree_computes_12_to_15_and_parent_sums(window, qtbot):
    page = window.eval_page
    window.tabs.setCurrentWidget(page)
    tester = QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    ids = eval_ids(window.doc)
    leaf = ids["8.01.01.2.01.0006"]
    # quarters 2+2+3+2,5 juta = 9,5 juta realised of a 10 juta target
    assert page.view_index(leaf, "rp_12").data() == "9.500.000"
    assert page.view_index(leaf, "rp_13").data() == "95,00%"
    assert page.view_index(leaf, "rp_14").data() == "17.749.900"
    assert page.view_index(leaf, "k_13").data() == "100,00%"
    # a target of 0 gives the dash, never #DIV/0!
    assert page.view_index(ids["8.01.01.2.01.0001"], "rp_13").data() == "\u2013"
    # computed cells are read-only and look different
    idx = page.view_index(leaf, "rp_12")
    assert not idx.flags() & Qt.ItemFlag.ItemIsEditable
    assert idx.data(Qt.ItemDataRole.BackgroundRole) is not None
    # typing a quarter updates 12, 13, 14 and the program's sums
    edit_cell(qtbot, page.view, page.view_index(leaf, "rp_11"), "3.000.000")
    assert page.view_index(leaf, "rp_12").data() == "10.000.000"
    assert page.view_index(leaf, "rp_13").data() == "100,00%"
    assert page.view_index(ids["8.01.01"], "rp_12").data() == "10.000.000"
    assert page.view_index(ids["8.01.01"], "rp_5").data() == "87.593.450"
    window.actions_["undo"].trigger()
    assert page.view_index(leaf, "rp_12").data() == "9.500.000"
    assert page.view_index(ids["8.01.01"], "rp_12").data() == "9.500.000"
    del tester


def test_eval_bad_k_value_refused(window, qtbot):
    page = window.eval_page
    window.tabs.setCurrentWidget(page)
    ids = eval_ids(window.doc)
    leaf = ids["8.01.01.2.01.0001"]
    edit_cell(qtbot, page.view, page.view_index(leaf, "k_5"), "lima")
    assert page.view_index(leaf, "k_5").data() == "5"
    assert "lima" in page.view_index(leaf, "k_5").data(Qt.ItemDataRole.ToolTipRole)
    edit_cell(qtbot, page.view, page.view_index(leaf, "k_5"), "2,5")
    assert page.view_index(leaf, "k_5").data() == "2,5"
    assert window.doc.evaluation.nodes[leaf].values["k_5"] == "2.5"


def test_eval_quarter_columns_toggle(window):
    page = window.eval_page
    col = page.model.column_index("rp_9")
    window.actions_["quarters"].setChecked(True)
    window.actions_["quarters"].trigger()   # toggles back off
    hidden = page.view.isColumnHidden(col)
    window.actions_["quarters"].trigger()
    assert page.view.isColumnHidden(col) != hidden


def test_eval_add_move_delete_rows(window, qtbot):
    page = window.eval_page
    window.tabs.setCurrentWidget(page)
    doc = window.doc
    ids = eval_ids(doc)
    page.select_row(ids["8.01.01.2.01.0006"])
    page.move_up()
    assert [c.kode for c in doc.evaluation.nodes[ids["8.01.01.2.01"]].children] == \
        ["8.01.01.2.01.0006", "8.01.01.2.01.0001"]
    page.select_row(ids["8.01.01.2.01.0001"])
    window.actions_["delete"].trigger()
    assert ids["8.01.01.2.01.0001"] not in doc.evaluation.nodes
    window.stack.undo()
    window.stack.undo()
    assert [c.kode for c in doc.evaluation.nodes[ids["8.01.01.2.01"]].children] == \
        ["8.01.01.2.01.0001", "8.01.01.2.01.0006"]
    assert page.model.mirror_matches_tree()


# ------------------------------------------------------------------------------ Tabel 2.3
def test_tabel_23_shows_both_sides_and_difference(window, qtbot):
    page = window.t23_page
    window.tabs.setCurrentWidget(page)
    ids = ids_by_kode(window.doc)
    leaf = ids["8.01.01.2.01.0006"]
    assert page.view_index(leaf, "rkpd_pagu").data() == "1.500.000"
    assert page.view_index(leaf, "pagu").data() == "1.000.000"
    assert page.view_index(leaf, "selisih").data() == "\u2212500.000"
    assert page.view_index(ids["8.01.02"], "selisih").data() == "+50.000.000"
    assert page.view_index(ids[LEAF], "selisih").data() == "0"
    edit_cell(qtbot, page.view, page.view_index(leaf, "rkpd_pagu"), "1.000.000")
    assert page.view_index(leaf, "selisih").data() == "0"
    assert page.view_index(ids["8.01.01"], "rkpd_pagu").data() == "4.350.298.123"
    edit_cell(qtbot, page.view, page.view_index(leaf, "rkpd_nama"), "Koordinasi Laporan Kinerja")
    assert window.doc.plan.nodes[leaf].values["rkpd_nama"] == "Koordinasi Laporan Kinerja"
    # the plan tab shows the same tree: an edit on 2.3 is seen there
    assert window.plan_page.view_index(ids["8.01.01"], "pagu").data() == "4.350.298.123"


# ------------------------------------------------------------------------------ Tabel 2.2 / 2.4
@pytest.mark.parametrize("name", ["pelayanan", "usulan"])
def test_list_tables_add_edit_move_delete_with_undo(window, qtbot, name):
    page = window.pelayanan_page if name == "pelayanan" else window.usulan_page
    window.tabs.setCurrentWidget(page)
    tester = QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    items = lambda: window.doc.pelayanan if name == "pelayanan" else window.doc.usulan  # noqa: E731
    assert len(items()) == 1
    page.view.setCurrentIndex(page.model.index(0, 0))
    window.actions_["add_sibling"].trigger()
    QApplication.processEvents()
    assert len(items()) == 2
    key = "indikator" if name == "pelayanan" else "program_kegiatan"
    col = page.model.column_index(key)
    edit_cell(qtbot, page.view, page.model.index(1, col), "Baris kedua")
    assert items()[1][key] == "Baris kedua"
    assert page.model.headerData(1, Qt.Orientation.Vertical) == "2"
    page.view.setCurrentIndex(page.model.index(1, col))
    window.actions_["move_up"].trigger()
    assert items()[0][key] == "Baris kedua"
    assert page.model.index(0, col).data() == "Baris kedua"
    page.view.setCurrentIndex(page.model.index(0, col))
    window.actions_["delete"].trigger()
    assert len(items()) == 1 and items()[0][key] != "Baris kedua"
    for _ in range(4):
        window.stack.undo()
    assert len(items()) == 1 and items()[0][key] != "Baris kedua"
    assert page.model.rowCount() == 1
    del tester


def test_list_headers_show_years(window):
    page = window.pelayanan_page
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert "Target Renstra 2021" in headers and "Proyeksi 2025" in headers


# ------------------------------------------------------------------------------ identity form
def test_identity_form_edits_are_checked_and_undoable(window, qtbot):
    form = window.identity
    window.tabs.setCurrentWidget(form)
    doc = window.doc
    nip = form.fields["kepala_nip"]
    nip.setFocus()
    nip.selectAll()
    qtbot.keyClicks(nip, "1967062119970210")   # 16 digits
    qtbot.keyClick(nip, Qt.Key.Key_Return)
    assert doc.info["kepala_nip"] == "196706211997021002"
    assert form.errors["kepala_nip"].isVisibleTo(form)
    assert "18 digit" in form.errors["kepala_nip"].text()
    assert nip.text() == "19670621 199702 1 002"
    name = form.fields["kepala_nama"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Drs. Nama Baru")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert doc.info["kepala_nama"] == "Drs. Nama Baru"
    opd = form.fields["opd_singkat"]
    opd.setFocus()
    opd.selectAll()
    qtbot.keyClicks(opd, "Kesbangpol")
    qtbot.keyClick(opd, Qt.Key.Key_Return)
    assert "KESBANGPOL KOTA BINJAI" in form.header_preview.text()
    assert "Kesbangpol" in window.windowTitle()
    window.stack.undo()
    window.stack.undo()
    assert doc.info["kepala_nama"] == "Drs. Ruslianto, M.Pd"
    assert form.fields["kepala_nama"].text() == "Drs. Ruslianto, M.Pd"


# ------------------------------------------------------------------------------ detail panel
def test_detail_panel_edits_fields_indicators_and_funding(window, qtbot):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.select_row(ids[LEAF], "nama")
    panel = window.detail
    assert panel.row_id == ids[LEAF]
    assert panel.fields["pagu"].text() == "1.000.000"
    # outcome text
    panel.fields["lokasi"].setFocus()
    panel.fields["lokasi"].selectAll()
    qtbot.keyClicks(panel.fields["lokasi"], "Binjai Barat")
    qtbot.keyClick(panel.fields["lokasi"], Qt.Key.Key_Return)
    assert doc.plan.nodes[ids[LEAF]].values["lokasi"] == "Binjai Barat"
    assert page.view_index(ids[LEAF], "lokasi").data() == "Binjai Barat"
    # a bad pagu in the panel is refused with the message under the field
    panel.fields["pagu"].setFocus()
    panel.fields["pagu"].selectAll()
    qtbot.keyClicks(panel.fields["pagu"], "1.000.0000")
    qtbot.keyClick(panel.fields["pagu"], Qt.Key.Key_Return)
    assert doc.plan.nodes[ids[LEAF]].values["pagu"] == 1_000_000
    assert not panel.errors["pagu"].isHidden()
    assert panel.fields["pagu"].text() == "1.000.000"
    # a second indicator
    panel._add_indikator()
    table = panel.ind_table
    table.item(1, 0).setText("Jumlah laporan evaluasi")
    table.item(1, 1).setText("4")
    assert [x["teks"] for x in doc.indikator[ids[LEAF]]] == ["Jumlah dokumen perencanaan yang tersusun",
                                                            "Jumlah laporan evaluasi"]
    assert "(+1 lainnya)" in page.view_index(ids[LEAF], "indikator").data()
    # split the funding over two sources that add up to the pagu
    panel.sd_table.item(0, 1).setText("600.000")
    panel._add_sumber_dana()
    panel.sd_table.item(1, 1).setText("400.000")
    panel.sd_table.item(1, 0).setText("Pendapatan Asli Daerah")
    sources = doc.sumber_dana[ids[LEAF]]
    assert [(s["nama"], s["jumlah"]) for s in sources] == [
        ("Dana Transfer Umum - Dana Alokasi Umum", 600_000), ("Pendapatan Asli Daerah", 400_000)]
    assert "= pagu" in panel.sd_sum.text()
    panel.sd_table.item(1, 1).setText("300.000")
    assert "tidak sama dengan pagu" in panel.sd_sum.text()
    # every panel edit is an undo step
    while window.stack.canUndo():
        window.stack.undo()
    assert doc.plan.nodes[ids[LEAF]].values["lokasi"] == "Kota Binjai"
    assert len(doc.indikator[ids[LEAF]]) == 1
    assert [s["jumlah"] for s in doc.sumber_dana[ids[LEAF]]] == [None]
    assert panel.fields["lokasi"].text() == "Kota Binjai"


def test_detail_panel_parent_pagu_is_read_only(window):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    page.select_row(ids["8.01.01"])
    panel = window.detail
    assert panel.fields["pagu"].isReadOnly()
    assert panel.fields["pagu"].text() == "4.350.298.123"
    assert panel.title.text().startswith("Program 8.01.01")
    assert panel.sd_box.isHidden()


def test_detail_panel_follows_an_edit_below_its_row_without_rebuilding(window):
    """An edit of a sub kegiatan below the row shown changes only the panel's total: the funding box
    of the parent row is not shown and hidden again, the indicator table keeps its cells (each of
    these re-laid out and repainted the whole panel on every edit)."""
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    page.select_row(ids["8.01.01"])
    panel = window.detail
    assert window.editor.set_indikator(ids["8.01.01"], [{"teks": "Lama", "target": "1", "satuan": "dok"}]) is None
    first_cell = panel.ind_table.item(0, 0)
    assert first_cell.text() == "Lama"
    toggles = []
    original = panel.sd_box.setVisible
    panel.sd_box.setVisible = lambda shown: (toggles.append(shown), original(shown))
    try:
        assert window.editor.set_plan(ids[LEAF], pagu="2.000.000") is None
    finally:
        del panel.sd_box.setVisible
    assert panel.fields["pagu"].text() == "4.351.298.123"
    assert toggles == []
    assert panel.sd_box.isHidden()
    assert panel.ind_table.item(0, 0) is first_cell
    assert window.editor.set_indikator(ids["8.01.01"], [{"teks": "Baru", "target": "1", "satuan": "dok"}]) is None
    assert panel.ind_table.item(0, 0).text() == "Baru"


# ------------------------------------------------------------------------------ findings panel
def test_findings_follow_edits_and_jump_to_row(window, qtbot):
    doc = window.doc
    ids = ids_by_kode(doc)
    panel = window.findings
    assert panel.findings == [] or all(f.severity != "error" for f in panel.findings)
    # a printed total that disagrees with the rows: the audit finds it
    doc.add_declared("4.1", "8.01.01", "pagu", "5.117.798.123", 5_117_798_123, row_id=ids["8.01.01"])
    # an edit: empty name on a leaf is refused, so break the sum of funding instead
    window.editor.set_sumber_dana(ids[LEAF], [{"nama": "DAU", "jumlah": "10"}])
    qtbot.waitUntil(lambda: any(f.rule == "declared_mismatch" for f in panel.findings), timeout=3000)
    finding = next(f for f in panel.findings if f.rule == "declared_mismatch")
    item = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                if panel.tree.topLevelItem(i).text(2) == "8.01.01")
    assert item.text(0) == "Galat"
    assert "berbeda" in item.text(4)
    window.tabs.setCurrentWidget(window.eval_page)
    panel.tree.itemDoubleClicked.emit(item, 0)
    assert window.tabs.currentWidget() is window.plan_page
    current = window.plan_page.view.currentIndex()
    assert window.plan_page.current_row_id() == ids["8.01.01"]
    assert window.plan_page.model.column_key(window.plan_page.to_source(current).column()) == "pagu"
    assert finding.kode in window.statusBar().currentMessage()


def test_window_title_tracks_changes_since_open(window, tmp_path):
    assert "belum disalin" not in window.windowTitle()
    ids = ids_by_kode(window.doc)
    window.editor.set_plan(ids[LEAF], pagu="5")
    assert "belum disalin" in window.windowTitle()
    assert window.ctl.save_copy_to(tmp_path / "flashdisk.sqlite")
    assert (tmp_path / "flashdisk.sqlite").exists()
    assert "belum disalin" not in window.windowTitle()
    window.editor.set_plan(ids[LEAF], pagu="6")
    assert "belum disalin" in window.windowTitle()


def test_close_and_reopen_remembers_recent_and_widths(window, qtbot):
    from renja_desktop.gui import settings as app_settings

    path = window.doc.path
    window.plan_page.view.header().resizeSection(1, 333)
    assert window.close_document()
    assert window.doc is None
    assert window.central.currentWidget() is window.welcome
    assert str(path.resolve()) == app_settings.recent_files()[0]
    assert window.welcome.recent.count() >= 1
    assert window.open_document(path)
    assert window.plan_page.view.header().sectionSize(1) == 333


def test_eval_add_child_through_the_dialog(window, qtbot):
    from PySide6.QtCore import QTimer

    page = window.eval_page
    window.tabs.setCurrentWidget(page)
    assert window.detail.row_id is None   # the plan's detail panel does not apply here
    doc = window.doc
    ids = eval_ids(doc)
    page.select_row(ids["8.01.01.2.01"])
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, fill)
            return
        seen["kode"] = dialog.kode.text()
        seen["pagu"] = dialog.pagu
        qtbot.keyClicks(dialog.nama, "Evaluasi Kinerja Perangkat Daerah")
        qtbot.keyClick(dialog.nama, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    window.actions_["add_child"].trigger()
    assert seen["kode"] == "8.01.01.2.01.0007" and seen["pagu"] is None
    node = next(n for n in doc.evaluation.walk() if n.nama == "Evaluasi Kinerja Perangkat Daerah")
    assert node.parent.id == ids["8.01.01.2.01"] and node.kode == "8.01.01.2.01.0007"
    assert page.current_row_id() == node.id
    window.stack.undo()
    assert node.id not in doc.evaluation.nodes


def test_new_document_and_refused_files(qtbot, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(texts, "show_error", lambda _p, title, text, informative="": errors.append(text))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.create_document(tmp_path / "baru", pemda="Kota Binjai", opd="Dinas Contoh", opd_singkat="Dinas",
                             tahun=2025)
    assert w.doc.path == tmp_path / "baru.sqlite"
    assert w.total_label.text() == "Total pagu 2025: Rp 0"
    # an empty document: adding the first urusan proposes code 1 at the top level
    assert w.plan_page.can("add_child")
    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(b"bukan berkas sqlite" * 100)
    assert not w.open_document(broken)
    assert errors and "rusak.sqlite" in errors[-1]
    assert w.doc is not None and w.doc.path == tmp_path / "baru.sqlite"   # still open
    assert not w.open_document(tmp_path / "tidak-ada.sqlite")
    assert "tidak ditemukan" in errors[-1]
    w.close()


def test_findings_after_edits_equal_a_full_check(window, qtbot):
    """The panel checks again only what each edit can affect; the result is always the full check's."""
    from renja_desktop.validation import validate

    doc = window.doc
    panel = window.findings

    def same_as_full():
        panel.update_findings()
        shown = [(f.rule, f.row_id, f.kolom, f.pesan) for f in panel.findings]
        full = [(f.rule, f.row_id, f.kolom, f.pesan) for f in validate(doc)]
        assert shown == full

    ids = ids_by_kode(doc)
    kegiatan = next(n for n in doc.plan.walk() if n.level == 4 and len(n.children) > 1)
    leaf = kegiatan.children[0]
    doc.set_plan(leaf.id, check=False, kode="8.01.01.2.01.9999x")  # a malformed code (as imported)
    same_as_full()
    doc.set_plan(leaf.id, check=False, kode=kegiatan.children[1].kode)  # a duplicate code
    same_as_full()
    assert any(f.rule == "code_duplicate" for f in window.findings.findings)
    doc.set_plan(leaf.id, check=False, kode=kegiatan.children[0].kode + "7")  # unique again (malformed)
    same_as_full()
    assert not any(f.rule == "code_duplicate" for f in window.findings.findings)
    doc.set_plan(leaf.id, check=False, kode=kegiatan.children[1].kode)  # a duplicate code again
    same_as_full()
    doc.set_plan(leaf.id, pagu=None)                         # a leaf without pagu
    same_as_full()
    doc.set_sumber_dana(kegiatan.children[1].id, [{"nama": "DAU", "jumlah": "10"}])
    same_as_full()
    program = ids["8.01.01"]
    doc.set_plan(program, check=False, kode="8.02.01")  # children no longer under their parent
    same_as_full()
    new = doc.add_plan_row(kegiatan.id, doc.next_free_code(kegiatan.id), "Sub kegiatan baru")
    same_as_full()
    lone = next(n for n in doc.plan.walk() if n.level == 4 and len(n.children) == 1)
    snap = doc.delete_plan_row(lone.children[0].id)          # a kegiatan left without sub kegiatan
    same_as_full()
    doc.restore(snap)
    same_as_full()
    other = next(n for n in doc.plan.walk() if n.level == 4 and n is not kegiatan)
    doc.move_plan_row(new, other.id)                         # both kegiatan change
    same_as_full()
    window.editor.stack.undo()
    same_as_full()
