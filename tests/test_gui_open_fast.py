"""What keeps a big document quick to open stays invisible to the user (issue 17).

* The tree view shows its model directly while no search is active; the filter proxy is swapped in
  for a search and out when it is cleared (gui/pages.py). Editing, the current row, the expanded
  rows, the column widths and hidden columns survive both swaps.
* Tabel 2.1 and 2.3 build their trees when first shown, from the document as it is then.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui_support import ids_by_kode
from renja_desktop.formatting import format_rupiah

LEAF = "8.01.01.2.01.0001"


def search(page, text: str) -> None:
    page.search.setText(text)
    page._apply_filter()


def test_search_typed_then_cleared_swaps_the_proxy_in_and_out(window):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    assert page.view.model() is page.model            # no search: no proxy in between
    page.view.collapseAll()
    page.view.expand(page.view_index(ids["8"]))
    page.view.expand(page.view_index(ids["8.01"]))
    page.view.expand(page.view_index(ids["8.01.01"]))
    page.view.header().resizeSection(page.model.column_index("nama"), 333)
    page.select_row(ids["8.01.02"], "nama")

    search(page, "paskibraka")
    assert page.view.model() is page.proxy
    assert page.current_row_id() == ids["8.01.02"]     # still the current row (it is an ancestor)
    assert not page.view_index(ids[LEAF]).isValid()
    match = ids["8.01.02.2.01.0008"]
    assert page.view.isExpanded(page.view_index(ids["8.01.02.2.01"]))   # matches are shown
    # an edit while searching goes through the proxy and repaints the parents' totals
    assert page.view.model().setData(page.view_index(match, "pagu"), "7.000.000", Qt.ItemDataRole.EditRole)
    assert doc.plan.nodes[match].values["pagu"] == 7_000_000
    assert page.view_index(ids["8.01.02"], "pagu").data() == format_rupiah(doc.plan.pagu(ids["8.01.02"]))
    assert page.view.header().sectionSize(page.model.column_index("nama")) == 333

    search(page, "")
    assert page.view.model() is page.model
    assert page.proxy.sourceModel() is None           # no proxy work on edits while not searching
    assert page.view_index(ids[LEAF]).isValid()
    assert page.current_row_id() == ids["8.01.02"]
    assert page.view.currentIndex().column() == page.model.column_index("nama")
    # the rows expanded before the search are expanded again, the others folded as they were
    for kode in ("8", "8.01", "8.01.01"):
        assert page.view.isExpanded(page.view_index(ids[kode]))
    assert not page.view.isExpanded(page.view_index(ids["8.01.02"]))   # expanded only to show the match
    assert page.view.header().sectionSize(page.model.column_index("nama")) == 333
    # the current row follows the new selection model: the detail panel and actions keep working
    page.select_row(ids[LEAF], "pagu")
    assert window.detail.row_id == ids[LEAF]
    assert page.current_row_id() == ids[LEAF]
    assert window.actions_["delete"].isEnabled()
    window.stack.undo()
    assert doc.plan.nodes[match].values["pagu"] != 7_000_000


def test_search_again_after_clearing_and_undo_while_searching(window):
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    for _ in range(2):
        search(page, "8.01.01.2.02")
        assert page.view.model() is page.proxy
        assert page.view_index(ids["8.01.01.2.02.0001"]).isValid()
        assert not page.view_index(ids["8.01.02"]).isValid()
        search(page, "")
        assert page.view_index(ids["8.01.02"]).isValid()
    search(page, "8.01.01")
    assert window.editor.set_plan(ids[LEAF], nama="Nama baru") is None
    assert page.view_index(ids[LEAF], "nama").data() == "Nama baru"
    window.stack.undo()
    assert page.view_index(ids[LEAF], "nama").data() != "Nama baru"
    search(page, "")
    assert page.model.mirror_matches_tree()


def test_frozen_columns_of_tabel_21_follow_the_swap(window):
    page = window.eval_page
    window.tabs.setCurrentWidget(page)
    frozen = page.view.frozen_view
    hidden = page.view.isColumnHidden(page.model.column_index("k_8"))
    search(page, "8.01.01")
    assert frozen.model() is page.proxy and frozen.selectionModel() is page.view.selectionModel()
    assert page.view.isColumnHidden(page.model.column_index("k_8")) == hidden   # quarters as chosen
    search(page, "")
    assert frozen.model() is page.model and frozen.selectionModel() is page.view.selectionModel()
    assert page.view.isColumnHidden(page.model.column_index("k_8")) == hidden
    assert frozen.isColumnHidden(page.model.column_index("rp_5"))   # only Kode and Uraian on the overlay


def test_tabs_not_shown_build_their_tree_when_first_shown_with_earlier_edits(window):
    doc = window.doc
    ids = ids_by_kode(doc)
    t23 = window.t23_page
    assert not t23.built and not window.eval_page.built   # opening built only the shown tab
    # edits made before Tabel 2.3 was ever shown, one of them undone
    assert window.editor.set_plan(ids[LEAF], pagu="4.000.000") is None
    row_id, error = window.editor.add_row("plan", ids["8.01.01.2.01"], doc.next_free_code(ids["8.01.01.2.01"]),
                                          "Sub kegiatan baru", pagu="1.000")
    assert error is None
    assert window.editor.set_plan(ids[LEAF], nama="Diubah lalu diurungkan") is None
    window.stack.undo()
    assert not t23.built
    window.tabs.setCurrentWidget(t23)
    QApplication.processEvents()
    assert t23.built
    assert t23.model.mirror_matches_tree()
    assert t23.view_index(ids[LEAF], "pagu").data() == "4.000.000"
    assert t23.view_index(row_id, "nama").data() == "Sub kegiatan baru"
    assert t23.view_index(ids[LEAF], "nama").data() == doc.plan.nodes[ids[LEAF]].nama
    assert t23.view.isExpanded(t23.view_index(ids["8.01.01.2.01"]))   # a small document opens expanded
    # and it follows the edits from then on, undo included
    window.stack.undo()
    assert not t23.view_index(row_id).isValid()
    assert t23.model.mirror_matches_tree()


def test_unbuilt_tabs_keep_their_saved_widths_and_quarters_choice(window):
    from renja_desktop.gui import settings as app_settings

    assert not window.eval_page.built
    app_settings.set_column_widths("tabel23", [123] * 13)
    window.save_view_state()                      # Tabel 2.3 never shown: its widths are not touched
    assert app_settings.column_widths("tabel23")[:2] == [123, 123]
    window.eval_page.set_quarters_visible(True)   # chosen before Tabel 2.1 was shown
    assert not window.eval_page.built
    assert window.eval_page.quarters_visible()
    window.tabs.setCurrentWidget(window.eval_page)
    page = window.eval_page
    assert not page.view.isColumnHidden(page.model.column_index("k_8"))
    assert window.t23_page.view.header().sectionSize(0) == 123


@pytest.fixture
def sliced_window(request, monkeypatch):
    """The window on the small document, with the findings checked as for a big one, in slices
    of three rows."""
    from renja_desktop.gui import findings_panel

    monkeypatch.setattr(findings_panel, "BIG", 1)
    monkeypatch.setattr(findings_panel, "SLICE", 3)
    return request.getfixturevalue("window")


def lines(findings) -> list[str]:
    return [f"{f.rule} {f.row_id} {f.line()}" for f in findings]


def test_big_document_findings_are_checked_in_slices_with_edits_made_meanwhile(sliced_window, qtbot):
    from renja_desktop.validation import validate

    window = sliced_window
    panel = window.findings
    doc = window.doc
    ids = ids_by_kode(doc)
    assert panel.scanning and panel.findings == []
    assert "Memeriksa" in panel.summary.text()
    QApplication.processEvents()                  # one slice: the window answers between slices
    assert panel.scanning
    # edits while the check runs: a new sub kegiatan without sumber dana, a row removed
    row_id, error = window.editor.add_row("plan", ids["8.01.02.2.01"], doc.next_free_code(ids["8.01.02.2.01"]),
                                          "Baru tanpa sumber dana", pagu="5.000")
    assert error is None
    assert window.editor.delete_rows("plan", [ids["8.01.01.2.02.0001"]]) is None
    qtbot.waitUntil(lambda: not panel.scanning, timeout=5000)
    assert lines(panel.findings) == lines(validate(doc))
    assert any(f.row_id == row_id and f.rule == "sumber_dana_missing" for f in panel.findings)
    # from then on an edit is checked again incrementally, with the same result as a full check
    window.stack.undo()
    window.stack.undo()
    panel.update_findings()
    assert not panel.scanning
    assert lines(panel.findings) == lines(validate(doc))


def test_a_full_check_asked_for_during_the_slices_replaces_them(sliced_window):
    from renja_desktop.validation import validate

    panel = sliced_window.findings
    assert panel.scanning
    panel.refresh()
    assert not panel.scanning
    assert lines(panel.findings) == lines(validate(sliced_window.doc))
    QApplication.processEvents()
    assert lines(panel.findings) == lines(validate(sliced_window.doc))


def test_document_tab_is_made_when_first_shown(window):
    assert not window.document_page.built           # opening did not make (nor import) it
    window.tabs.setCurrentWidget(window.document_page)
    QApplication.processEvents()
    assert window.document_page.built
    tab = window.document_tab
    assert tab.isVisible() and tab.fields_table.rowCount() > 0   # its field values are shown
    assert window.document_tab is tab                # made once


def test_document_tab_field_values_wait_until_the_tab_is_shown(window):
    doc = window.doc
    ids = ids_by_kode(doc)
    tab = window.document_tab                        # made, but its tab not shown
    assert not tab.isVisible()

    def shown() -> dict[str, str]:
        return {tab.fields_table.item(r, 0).text(): tab.fields_table.item(r, 1).text()
                for r in range(tab.fields_table.rowCount())}

    # edits while the tab is hidden: a value, then a row added (the counts change), then a value
    assert window.editor.set_plan(ids[LEAF], pagu="4.000.000") is None
    kegiatan = ids["8.01.01.2.01"]
    row_id, error = window.editor.add_row("plan", kegiatan, doc.next_free_code(kegiatan), "Baru", pagu="1.000")
    assert error is None
    assert window.editor.set_plan(row_id, pagu="2.000") is None
    window.tabs.setCurrentWidget(window.document_page)
    QApplication.processEvents()
    values = shown()
    assert values["{total_pagu}"] == format_rupiah(doc.plan.totals[0])
    subs = sum(1 for n in doc.plan.walk() if n.level == 5)
    assert values["{jumlah_sub_kegiatan}"] == str(subs)
    # while shown, the values follow at once
    assert window.editor.set_plan(row_id, pagu="3.000") is None
    assert shown()["{total_pagu}"] == format_rupiah(doc.plan.totals[0])


@pytest.mark.parametrize("text", ["", "8.01"])
def test_typing_moving_and_undo_keep_selection_and_expanded_rows(window, qtbot, text):
    """With the model itself in the view (no search) and with the filter proxy (a search)."""
    from PySide6.QtWidgets import QLineEdit

    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    search(page, text)
    view = page.view
    view.collapseAll()
    for kode in ("8", "8.01", "8.01.01", "8.01.01.2.01"):
        view.expand(page.view_index(ids[kode]))
    # keyboard entry into a pagu cell
    idx = page.view_index(ids[LEAF], "pagu")
    view.setCurrentIndex(idx)
    view.setFocus()
    view.edit(idx)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "3.000.000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert doc.plan.nodes[ids[LEAF]].values["pagu"] == 3_000_000
    assert page.current_row_id() == ids[LEAF]                 # still on the edited row
    # a move and its undo keep the rows expanded and the current row
    page.select_row(ids["8.01.01.2.01"], "nama")
    window.actions_["move_down"].trigger()
    assert page.current_row_id() == ids["8.01.01.2.01"]
    window.stack.undo()
    window.stack.undo()
    assert doc.plan.nodes[ids[LEAF]].values["pagu"] == 1_000_000
    for kode in ("8", "8.01", "8.01.01", "8.01.01.2.01"):
        assert view.isExpanded(page.view_index(ids[kode])), kode
    assert page.view_index(ids[LEAF], "pagu").data() == "1.000.000"
    assert page.model.mirror_matches_tree()


def test_a_rows_own_change_repaints_it_whole_even_under_changed_rows(window):
    """A program's new code renames the rows below it: every one of them repaints its code, also
    those (kegiatan) whose own rows changed too; an edit below a row only repaints its totals."""
    page = window.plan_page
    doc = window.doc
    ids = ids_by_kode(doc)
    page.view.expandAll()
    QApplication.processEvents()                      # the rows are shown (their stamps known)
    spans: dict[str, tuple[int, int]] = {}

    def record(tl, br, roles=()):
        spans[page.model.row_id(tl)] = (tl.column(), br.column())

    page.model.dataChanged.connect(record)
    program = ids["8.01.02"]
    assert window.editor.set_plan(program, kode="8.01.07") is None
    below = [n for n in doc.plan.subtree(doc.plan.nodes[program])]
    assert all(n.kode.startswith("8.01.07") for n in below)
    kode_col = page.model.column_index("kode")
    for n in below:
        if n.id in spans:
            assert spans[n.id][0] <= kode_col, n.kode
    assert page.view_index(program, "kode").data() == "8.01.07"
    spans.clear()
    assert window.editor.set_plan(ids[LEAF], pagu="2.000.000") is None
    assert spans[ids[LEAF]][0] == 0
    assert spans[ids["8.01.01"]][0] > page.model.column_index("nama")   # its totals only
