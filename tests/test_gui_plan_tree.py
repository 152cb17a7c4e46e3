"""The plan tree in the main window: live totals, undo/redo, refused input, structure edits."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QLineEdit

from gui_support import ids_by_kode
from renja_desktop.formatting import format_rupiah
from renja_desktop.gui import texts
from renja_desktop.service import RenjaDocument

LEAF = "8.01.01.2.01.0001"
ANCESTORS = ("8.01.01.2.01", "8.01.01", "8.01", "8")


def cell(page, kode: str, key: str) -> str:
    ids = ids_by_kode(page.doc)
    return page.view_index(ids[kode], key).data()


def type_into(qtbot, page, kode: str, key: str, text: str) -> None:
    """Edit a cell as a user does: select it, type (starts the editor), press Enter."""
    ids = ids_by_kode(page.doc)
    idx = page.view_index(ids[kode], key)
    page.view.setCurrentIndex(idx)
    page.view.setFocus()
    page.view.edit(idx)
    editor = page.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_model_tester_over_every_kind_of_change(window, qtlog):
    page = window.plan_page
    tester = QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    page.search.setText("8")   # the filter proxy in the view, every row matching: it follows every change
    page._apply_filter()
    assert page.view.model() is page.proxy
    tester_proxy = QAbstractItemModelTester(page.proxy, QAbstractItemModelTester.FailureReportingMode.Warning)
    tester_23 = QAbstractItemModelTester(window.t23_page.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    doc, editor = window.doc, window.editor
    ids = ids_by_kode(doc)
    assert editor.set_plan(ids[LEAF], pagu="3.000.000") is None
    row_id, err = editor.add_row("plan", ids["8.01.02.2.01"], doc.next_free_code(ids["8.01.02.2.01"]), "Baru",
                                 pagu="10")
    assert err is None
    assert editor.move_row("plan", ids[LEAF], ids["8.01.02.2.01"], 0) is None
    assert editor.move_row("plan", ids["8.01.02"], ids["8.01"], 0) is None
    assert editor.delete_rows("plan", [ids["8.01.01.2.02"]]) is None
    for _ in range(5):
        window.stack.undo()
    for _ in range(5):
        window.stack.redo()
    for _ in range(5):
        window.stack.undo()
    assert page.model.mirror_matches_tree()
    failures = [r.message for r in qtlog.records if "FAIL" in r.message or "modeltest" in r.message.lower()]
    assert failures == []
    assert window.t23_page.model.mirror_matches_tree()
    del tester, tester_proxy, tester_23


def test_typing_a_pagu_updates_ancestors_total_and_only_those_rows(window, qtbot):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    before = {k: doc.plan.pagu(ids[k]) for k in ANCESTORS}
    changed_rows: list[str] = []
    spans: dict[str, tuple[int, int]] = {}

    def record(tl, br, roles=()):
        if tl.row() == br.row():
            changed_rows.append(page.model.row_id(tl))
            spans[page.model.row_id(tl)] = (tl.column(), br.column())

    page.model.dataChanged.connect(record)
    type_into(qtbot, page, LEAF, "pagu", "2.500.000")
    assert cell(page, LEAF, "pagu") == "2.500.000"
    for k in ANCESTORS:
        assert cell(page, k, "pagu") == format_rupiah(before[k] + 1_500_000)
    assert set(changed_rows) == {ids[LEAF]} | {ids[k] for k in ANCESTORS}
    # the edited row repaints whole, its ancestors only their totals
    model = page.model
    assert spans[ids[LEAF]] == (0, model.columnCount() - 1)
    for k in ANCESTORS:
        first, last = spans[ids[k]]
        assert first <= model.column_index("pagu") <= last and first > model.column_index("nama")
    total = doc.plan.totals[0]
    assert format_rupiah(total) in window.total_label.text()
    assert window.total_label.text().startswith("Total pagu 2024: Rp ")
    # committed to the file at once
    again = RenjaDocument.open(doc.path, readonly=True)
    assert again.plan.pagu(ids[LEAF]) == 2_500_000
    again.close()
    # undo and redo through the menu actions
    window.actions_["undo"].trigger()
    assert cell(page, LEAF, "pagu") == "1.000.000"
    assert cell(page, "8", "pagu") == format_rupiah(before["8"])
    assert format_rupiah(before["8"]) in window.total_label.text()
    window.actions_["redo"].trigger()
    assert cell(page, "8", "pagu") == format_rupiah(before["8"] + 1_500_000)
    assert format_rupiah(before["8"] + 1_500_000) in window.total_label.text()


def test_plain_digits_are_accepted(window, qtbot):
    page = window.plan_page
    type_into(qtbot, page, LEAF, "pagu_n1", "1500000")
    assert cell(page, LEAF, "pagu_n1") == "1.500.000"


@pytest.mark.parametrize("bad", ["2.000.00", "1,5 jt", "12a", "40.145568.718", "-5"])
def test_bad_money_is_refused_and_old_value_kept(window, qtbot, bad):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    total = doc.plan.totals[0]
    type_into(qtbot, page, LEAF, "pagu", bad)
    assert cell(page, LEAF, "pagu") == "1.000.000"
    assert doc.plan.totals[0] == total
    idx = page.view_index(ids[LEAF], "pagu")
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    assert bad in tip and "pagu" in tip
    assert bad in window.statusBar().currentMessage()
    assert not window.stack.canUndo()
    # a good value afterwards clears the message
    type_into(qtbot, page, LEAF, "pagu", "1.250.000")
    assert "bukan" not in (idx.data(Qt.ItemDataRole.ToolTipRole) or "")


def test_parent_totals_are_read_only_and_look_different(window):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    parent = page.view_index(ids["8.01.01"], "pagu")
    leaf = page.view_index(ids[LEAF], "pagu")
    assert not parent.flags() & Qt.ItemFlag.ItemIsEditable
    assert leaf.flags() & Qt.ItemFlag.ItemIsEditable
    assert parent.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert leaf.data(Qt.ItemDataRole.BackgroundRole) is None
    assert "otomatis" in parent.data(Qt.ItemDataRole.ToolTipRole)
    assert page.view.model().setData(parent, "5") is False
    assert page.model.data(page.model.index_of(ids["8.01.01"], 1), Qt.ItemDataRole.FontRole).bold()


def _dialog_then(qtbot, action):
    """Run ``action`` (which opens a modal dialog) and hand the dialog to the test when it shows."""
    found = {}

    def grab():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, grab)
            return
        found["dialog"] = dialog
        found["callback"](dialog)

    def run(callback):
        found["callback"] = callback
        QTimer.singleShot(0, grab)
        action()
        return found.get("dialog")
    return run


def test_add_child_proposes_next_code_and_totals_follow(window, qtbot):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    assert page.select_row(ids["8.01.01.2.01"])
    seen = {}

    def fill(dialog):
        seen["kode"] = dialog.kode.text()
        qtbot.keyClicks(dialog.nama, "Evaluasi Kinerja Perangkat Daerah")
        qtbot.keyClicks(dialog.pagu, "7.000.000")
        qtbot.keyClick(dialog.pagu, Qt.Key.Key_Return)

    before = doc.plan.totals[0]
    _dialog_then(qtbot, window.actions_["add_child"].trigger)(fill)
    assert seen["kode"] == "8.01.01.2.01.0007"
    node = doc.plan.find_kode("8.01.01.2.01.0007")[0]
    assert node.parent.id == ids["8.01.01.2.01"]
    assert doc.plan.totals[0] == before + 7_000_000
    assert page.current_row_id() == node.id
    assert cell(page, "8.01.01.2.01", "pagu") == "9.000.000"
    window.stack.undo()
    assert node.id not in doc.plan.nodes
    assert doc.plan.totals[0] == before
    window.stack.redo()
    assert cell(page, "8.01.01.2.01.0007", "pagu") == "7.000.000"
    assert page.model.mirror_matches_tree()


def test_add_dialog_shows_refusal_and_stays_open(window, qtbot):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    page.select_row(ids["8.01.01.2.01"])
    seen = {}

    def fill(dialog):
        dialog.kode.setText("8.01.01.2.01.0001")   # taken
        qtbot.keyClicks(dialog.nama, "Nama")
        qtbot.keyClick(dialog.nama, Qt.Key.Key_Return)
        seen["error"] = dialog.error.text()
        seen["visible"] = dialog.isVisible()
        dialog.reject()

    _dialog_then(qtbot, window.actions_["add_child"].trigger)(fill)
    assert "sudah dipakai" in seen["error"]
    assert seen["visible"]
    assert not window.stack.canUndo()


def test_add_sibling_inserts_after_current(window, qtbot):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.select_row(ids["8.01.01.2.01.0001"])

    def fill(dialog):
        qtbot.keyClicks(dialog.nama, "Sub kegiatan sisipan")
        qtbot.keyClick(dialog.nama, Qt.Key.Key_Return)

    _dialog_then(qtbot, window.actions_["add_sibling"].trigger)(fill)
    kids = [n.kode for n in doc.plan.nodes[ids["8.01.01.2.01"]].children]
    assert kids == ["8.01.01.2.01.0001", "8.01.01.2.01.0007", "8.01.01.2.01.0006"]


def test_keyboard_moves_follow_codes_and_totals_and_undo(window, qtbot):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    leaf = ids["8.01.01.2.01.0006"]
    page.select_row(leaf, "nama")
    # first: down past the last child of its kegiatan -> first child of the next kegiatan, recoded
    window.actions_["move_down"].trigger()
    node = doc.plan.nodes[leaf]
    assert node.parent.id == ids["8.01.01.2.02"]
    assert node.kode == "8.01.01.2.02.0006"
    assert page.current_row_id() == leaf
    assert cell(page, "8.01.01.2.01", "pagu") == "1.000.000"
    assert cell(page, "8.01.01.2.02", "pagu") == format_rupiah(4_348_298_123 + 1_000_000)
    # up again within the new kegiatan's place, then undo both
    window.actions_["move_up"].trigger()
    assert doc.plan.nodes[leaf].parent.id == ids["8.01.01.2.01"]
    window.stack.undo()
    window.stack.undo()
    node = doc.plan.nodes[leaf]
    assert node.parent.id == ids["8.01.01.2.01"] and node.kode == "8.01.01.2.01.0006"
    assert [c.id for c in node.parent.children] == [ids["8.01.01.2.01.0001"], leaf]
    assert page.model.mirror_matches_tree()


def test_moving_a_program_moves_its_subtree(window):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.select_row(ids["8.01.02"])
    window.actions_["move_up"].trigger()
    assert [c.kode for c in doc.plan.nodes[ids["8.01"]].children] == ["8.01.02", "8.01.01"]
    assert page.view_index(ids["8.01.02.2.01.0008"]).isValid()
    assert page.view.model().index(0, 0, page.view_index(ids["8.01"])).data() == "8.01.02"
    window.stack.undo()
    assert [c.kode for c in doc.plan.nodes[ids["8.01"]].children] == ["8.01.01", "8.01.02"]


def test_delete_asks_then_removes_subtree_and_undo_restores(window, monkeypatch):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    asked = {}

    def ask(_parent, _title, text, informative="", **_k):
        asked["text"], asked["info"] = text, informative
        return True

    monkeypatch.setattr(texts, "ask_yes_no", ask)
    page.select_row(ids["8.01.01.2.01"])
    before = doc.plan.totals[0]
    window.actions_["delete"].trigger()
    assert "8.01.01.2.01" in asked["text"]
    assert "3 baris" in asked["info"] and "2.000.000" in asked["info"]
    assert ids["8.01.01.2.01"] not in doc.plan.nodes and ids[LEAF] not in doc.plan.nodes
    assert doc.plan.totals[0] == before - 2_000_000
    assert not page.view_index(ids[LEAF]).isValid()
    window.actions_["undo"].trigger()
    assert doc.plan.nodes[ids[LEAF]].parent.id == ids["8.01.01.2.01"]
    assert doc.indikator[ids[LEAF]][0]["teks"].startswith("Jumlah dokumen")
    assert doc.plan.totals[0] == before
    assert cell(page, LEAF, "pagu") == "1.000.000"
    assert page.model.mirror_matches_tree()


def test_delete_refused_by_user_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(texts, "ask_yes_no", lambda *a, **k: False)
    ids = ids_by_kode(window.doc)
    window.plan_page.select_row(ids["8.01.01"])
    window.actions_["delete"].trigger()
    assert ids["8.01.01"] in window.doc.plan.nodes
    assert not window.stack.canUndo()


@pytest.mark.parametrize("search", ["", "8.01"])
def test_drag_and_drop_moves_through_the_view_model(window, search):
    """Through the model itself (no search) and through the filter proxy (a search active)."""
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.search.setText(search)
    page._apply_filter()
    shown = page.view.model()
    assert shown is (page.proxy if search else page.model)
    source = page.view_index(ids[LEAF])
    data = shown.mimeData([source])
    target_parent = page.view_index(ids["8.01.02.2.01"])
    assert shown.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target_parent)
    # a sub kegiatan cannot land under a program
    assert not shown.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, page.view_index(ids["8.01.02"]))
    shown.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target_parent)
    node = doc.plan.nodes[ids[LEAF]]
    assert node.parent.id == ids["8.01.02.2.01"] and node.kode.startswith("8.01.02.2.01.")
    assert cell(page, "8.01.02.2.01", "pagu") == "651.000.000"
    window.stack.undo()
    assert doc.plan.nodes[ids[LEAF]].kode == LEAF


def test_copy_and_paste_rows_with_new_codes(window):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.select_row(ids["8.01.01.2.01"])
    window.actions_["copy"].trigger()
    text = QApplication.clipboard().text()
    assert "8.01.01.2.01.0001\tPenyusunan Dokumen" in text
    page.select_row(ids["8.01.02"])
    before = doc.plan.totals[0]
    window.actions_["paste"].trigger()
    new = doc.plan.find_kode("8.01.02.2.02")
    assert len(new) == 1
    kids = [c.kode for c in new[0].children]
    assert kids == ["8.01.02.2.02.0001", "8.01.02.2.02.0006"]
    assert doc.plan.totals[0] == before + 2_000_000
    assert doc.indikator[new[0].children[0].id][0]["satuan"] == "Dokumen"
    assert doc.sumber_dana[new[0].children[0].id][0]["nama"].startswith("Dana Transfer Umum")
    window.stack.undo()
    assert not doc.plan.find_kode("8.01.02.2.02")
    assert doc.plan.totals[0] == before
    window.stack.redo()
    assert doc.plan.find_kode("8.01.02.2.02.0006")
    assert page.model.mirror_matches_tree()


def test_search_keeps_ancestors_visible(window, qtbot):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    page.search.setText("paskibraka")
    page._apply_filter()
    assert page.view_index(ids["8.01.02.2.01.0008"]).isValid()
    for kode in ("8.01.02.2.01", "8.01.02", "8.01", "8"):
        assert page.view_index(ids[kode]).isValid()
    assert not page.view_index(ids[LEAF]).isValid()
    assert "1 baris" in page.matches.text()
    page.search.setText("8.01.01.2.02")
    page._apply_filter()
    assert page.view_index(ids["8.01.01.2.02.0001"]).isValid()   # children of a match stay
    assert not page.view_index(ids["8.01.02"]).isValid()
    page.search.clear()
    page._apply_filter()
    assert page.view_index(ids[LEAF]).isValid()


def test_edit_name_and_indicator_cells(window, qtbot):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    type_into(qtbot, page, LEAF, "indikator", "Jumlah dokumen RENJA")
    assert doc.indikator[ids[LEAF]][0]["teks"] == "Jumlah dokumen RENJA"
    assert doc.indikator[ids[LEAF]][0]["satuan"] == "Dokumen"
    type_into(qtbot, page, "8.01.01.2.02.0001", "target", "12")
    assert doc.indikator[ids["8.01.01.2.02.0001"]][0]["target"] == "12"
    type_into(qtbot, page, LEAF, "nama", "Penyusunan Renja")
    assert doc.plan.nodes[ids[LEAF]].nama == "Penyusunan Renja"
    window.stack.undo()
    assert doc.plan.nodes[ids[LEAF]].nama == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    window.stack.undo()
    assert ids["8.01.01.2.02.0001"] not in doc.indikator
    type_into(qtbot, page, LEAF, "kode", "8.01.01.2.01.0002")
    assert doc.plan.nodes[ids[LEAF]].kode == "8.01.01.2.01.0002"
    type_into(qtbot, page, "8.01.01.2.01.0002", "kode", "8.01.02.2.01.0003")   # not under its parent
    assert doc.plan.nodes[ids[LEAF]].kode == "8.01.01.2.01.0002"
    assert "tidak berada di bawah" in window.statusBar().currentMessage()


def test_money_text_matches_the_core_formatting():
    import random

    from renja_desktop.gui.plan_model import money_text

    rnd = random.Random(4)
    values = [0, 1, 999, 1000, 999_999, 1_000_000, 40_145_568_718, 2**62, -5, -1_234_567]
    values += [rnd.randrange(0, 10**15) for _ in range(300)]
    for v in values:
        assert money_text(v) == format_rupiah(v)
    assert money_text(None) == ""


def test_a_code_change_on_a_parent_repaints_its_rows_whole(window):
    page = window.plan_page
    ids = ids_by_kode(window.doc)
    spans = {}
    page.model.dataChanged.connect(lambda tl, br, roles=(): spans.__setitem__(page.model.row_id(tl),
                                                                              (tl.column(), br.column())))
    assert window.editor.set_plan(ids["8.01.01.2.02"], kode="8.01.01.2.03") is None
    assert cell(page, "8.01.01.2.03", "kode") == "8.01.01.2.03"
    assert cell(page, "8.01.01.2.03.0001", "kode") == "8.01.01.2.03.0001"
    full = (0, page.model.columnCount() - 1)
    assert spans[ids["8.01.01.2.02"]] == full and spans[ids["8.01.01.2.02.0001"]] == full


def test_untouched_index_is_invalid_outside_model(window):
    page = window.plan_page
    assert page.model.index(99, 0, QModelIndex()) == QModelIndex()
    assert page.model.parent(QModelIndex()) == QModelIndex()


EXCEL_BLOCK = (
    "Kode\tUraian\tPagu Indikatif (Rp)\tSumber Dana\n"
    "8.01.02.2.02\tFasilitasi Organisasi Kemasyarakatan\t\t\n"
    "8.01.02.2.02.0001\tPembinaan Organisasi Kemasyarakatan\t25.000.000\tDana Transfer Umum - Dana Alokasi Umum\n"
    "8.01.02.2.02.0002\tPengawasan Organisasi Kemasyarakatan\t5.000.000\tDana Transfer Umum - Dana Alokasi Umum\n"
)


def test_pasted_excel_block_lands_under_the_selected_row(window):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.select_row(ids["8.01.02"])
    QApplication.clipboard().setText(EXCEL_BLOCK)
    before = doc.plan.totals[0]
    window.actions_["paste"].trigger()
    kegiatan = doc.plan.find_kode("8.01.02.2.02")
    assert len(kegiatan) == 1 and kegiatan[0].parent.id == ids["8.01.02"]
    assert [c.kode for c in kegiatan[0].children] == ["8.01.02.2.02.0001", "8.01.02.2.02.0002"]
    assert doc.plan.totals[0] == before + 30_000_000
    assert cell(page, "8.01.02", "pagu") == "680.000.000"
    assert cell(page, "8.01.02.2.02.0001", "sumber_dana").startswith("Dana Transfer Umum")
    assert page.current_row_id() == kegiatan[0].id
    assert "3 baris ditempel" in window.statusBar().currentMessage()
    # one undo step removes the whole block, redo brings it back
    window.actions_["undo"].trigger()
    assert not doc.plan.find_kode("8.01.02.2.02")
    assert doc.plan.totals[0] == before
    window.actions_["redo"].trigger()
    assert doc.plan.find_kode("8.01.02.2.02.0002")
    assert doc.plan.totals[0] == before + 30_000_000
    assert page.model.mirror_matches_tree()


def test_pasted_rows_without_header_under_a_kegiatan(window):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.select_row(ids["8.01.02.2.01"])
    QApplication.clipboard().setText(
        "8.01.02.2.01.0009\tPembinaan Purnapaskibraka\t2.000.000\tDana Transfer Umum - Dana Alokasi Umum\n")
    window.actions_["paste"].trigger()
    new = doc.plan.find_kode("8.01.02.2.01.0009")
    assert new and new[0].parent.id == ids["8.01.02.2.01"]
    assert cell(page, "8.01.02.2.01", "pagu") == "652.000.000"


def test_paste_of_unreadable_text_changes_nothing(window):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.select_row(ids["8.01.02"])
    count = len(doc.plan.nodes)
    QApplication.clipboard().setText("\t\t\n\t\n")
    window.actions_["paste"].trigger()
    assert len(doc.plan.nodes) == count
    assert not window.stack.canUndo()
    assert "kosong" in window.statusBar().currentMessage()


@pytest.mark.parametrize("seed", [int(s) for s in __import__("os").environ.get("GUI_SEEDS", "1,2,3").split(",")])
def test_random_edits_moves_deletes_and_undo_keep_model_and_tree_in_step(window, seed):
    """Any sequence of edits, moves, pastes, deletes, undos and redos: the model mirrors the tree,
    every parent shows the sum of its rows, and undoing everything gives back the start."""
    import random

    rnd = random.Random(seed)
    page = window.plan_page
    doc, editor, stack = window.doc, window.editor, window.stack
    tester = QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    def rows(d):
        return [(r["kode"], r["nama"], r["pagu"], r["pagu_n1"], r["indikator"]) for r in d.plan_records()]

    start = rows(doc)
    start_totals = list(doc.plan.totals)
    def pick(items):
        return rnd.choice(items) if items else None

    for _ in range(40):
        nodes = list(doc.plan.nodes.values())
        op = rnd.choice(["pagu", "pagu", "move", "add", "delete", "undo", "redo", "kode"])
        if op == "pagu":
            leaf = pick([n for n in nodes if n.level == 5])
            if leaf:
                editor.set_plan(leaf.id, pagu=str(rnd.randrange(0, 10**9)))
        elif op == "move":
            node = pick([n for n in nodes if n.level >= 3])
            target = pick([n for n in nodes if node and n.level == node.level - 1])
            if node and target:
                editor.move_row("plan", node.id, target.id, rnd.randrange(0, len(target.children) + 1))
        elif op == "add":
            parent = pick([n for n in nodes if n.level < 5])
            if parent:
                editor.add_row("plan", parent.id, doc.next_free_code(parent.id), "Baris acak",
                               **({"pagu": "1.000"} if parent.level == 4 else {}))
        elif op == "delete" and len(nodes) > 6:
            node = pick([n for n in nodes if n.level >= 3])
            if node:
                editor.delete_rows("plan", [node.id])
        elif op == "kode":
            node = pick([n for n in nodes if n.level == 4])
            if node:
                editor.set_plan(node.id, kode=doc.next_free_code(node.parent.id))
        elif op == "undo":
            stack.undo()
        elif op == "redo":
            stack.redo()
        assert page.model.mirror_matches_tree()
        for node in doc.plan.nodes.values():
            if node.level < 5:
                shown = page.model.index_of(node.id, page.model.column_index("pagu")).data()
                assert shown == format_rupiah(sum(n.values.get("pagu") or 0 for n in doc.plan.subtree(node)
                                                  if n.level == 5))
    while stack.canUndo():
        stack.undo()
    assert doc.plan.totals == start_totals
    assert page.model.mirror_matches_tree()
    # the rows and their values are back, in memory and in the file (modification stamps aside)
    assert rows(doc) == start
    again = RenjaDocument.open(doc.path, readonly=True)
    assert rows(again) == start
    again.close()
    del tester
