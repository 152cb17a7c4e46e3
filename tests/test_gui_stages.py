"""The Tahap menu in the window: freeze (undoable), view a stage, compare, notes panel, Perubahan
after Penetapan, next year's wizard, Renstra import and check."""
from __future__ import annotations

from pathlib import Path

from renja_desktop import notes, renstra, stages
from renja_desktop.codes import SUB_KEGIATAN
from renja_desktop.service import RenjaDocument

DATA = Path(__file__).parent / "data"


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_stage_menu_freeze_undo_view_compare(window, qtbot, tmp_path):
    assert "Taha&p" in _menu_titles(window)
    menu = window.stage_menu
    doc = window.doc
    assert menu.freeze("Rancangan Awal", "Budi") is None
    assert [s.nama for s in stages.list_stages(doc)] == ["Rancangan Awal"]
    window.stack.undo()
    assert stages.list_stages(doc) == []
    window.stack.redo()
    assert [s.nama for s in stages.list_stages(doc)] == ["Rancangan Awal"]
    # an existing name: one error dialog (answered by the test double), nothing changed
    errors = []
    import renja_desktop.gui.stages_ui as ui

    orig = ui.texts.show_error
    ui.texts.show_error = lambda parent, title, text, informative="": errors.append(text)
    try:
        assert "sudah ada" in menu.freeze("rancangan awal", "Budi")
    finally:
        ui.texts.show_error = orig
    assert len(errors) == 1 and len(stages.list_stages(doc)) == 1
    leaf = next(n for n in doc.plan.walk() if n.level == SUB_KEGIATAN)
    assert window.editor.set_plan(leaf.id, pagu=(leaf.values["pagu"] or 0) + 500_000) is None
    dialog = menu.compare()
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 1
    top = dialog.tree.topLevelItem(0)
    assert top.text(1) == leaf.kode and top.text(5) == "500.000"
    assert top.child(0).text(2) == "pagu"
    pdf = dialog.print_pdf(str(tmp_path / "perubahan.pdf"))
    assert pdf is not None and pdf.stat().st_size > 1000
    view = menu.view("Rancangan Awal")
    qtbot.addWidget(view)
    assert view.tree.topLevelItemCount() >= 1
    printed = view.print_pdf(str(tmp_path / "ranwal.pdf"), "4.1")
    import pypdfium2 as pdfium

    text = pdfium.PdfDocument(str(printed))[0].get_textpage().get_text_range()
    assert "RANCANGAN AWAL" in text


def test_notes_panel_add_filter_close(window, qtbot):
    menu = window.stage_menu
    menu.freeze("Rancangan", "Budi")
    panel = menu.show_notes()
    leaf = next(n for n in window.doc.plan.walk() if n.level == SUB_KEGIATAN)
    assert window.plan_page.select_row(leaf.id)
    assert window.plan_page.current_row_id() == leaf.id
    panel.stage.setCurrentText("Rancangan")
    assert panel.add_note("Target belum terukur") is None
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "terbuka"
    panel.table.selectRow(0)
    assert panel.toggle_status() is None
    assert panel.table.item(0, 0).text() == "selesai"
    panel.status.setCurrentText("terbuka")
    assert panel.table.rowCount() == 0
    window.stack.undo()  # reopen
    window.stack.undo()  # remove the note
    assert notes.list_notes(window.doc) == []


def test_after_penetapan_an_edit_asks_to_start_a_perubahan(window):
    menu = window.stage_menu
    menu.freeze("Penetapan", "Budi")
    doc = window.doc
    leaf = next(n for n in doc.plan.walk() if n.level == SUB_KEGIATAN)
    # the conftest answers every question "yes": the edit starts Perubahan 1 and goes through
    assert window.editor.set_plan(leaf.id, pagu=123_000) is None
    assert doc.meta.get(stages.KEY_PERUBAHAN) == "Perubahan 1"
    assert not stages.is_locked(doc)


def test_rollover_wizard_and_renstra(window, qtbot, tmp_path):
    menu = window.stage_menu
    wizard = menu.rollover()
    qtbot.addWidget(wizard)
    target = tmp_path / "berikut.sqlite"
    wizard.target.setText(str(target))
    wizard.next()
    assert wizard.currentId() == 1 and target.exists()
    assert "Renja 2025" in wizard.output.toPlainText()
    with RenjaDocument.open(target, readonly=True) as new:
        assert new.info["tahun"] == 2025
    # an existing target: refused, stays on the first page
    wizard2 = menu.rollover()
    qtbot.addWidget(wizard2)
    wizard2.target.setText(str(target))
    import renja_desktop.gui.stages_ui as ui

    errors = []
    orig = ui.texts.show_error
    ui.texts.show_error = lambda parent, title, text, informative="": errors.append(text)
    try:
        wizard2.next()
    finally:
        ui.texts.show_error = orig
    assert wizard2.currentId() == 0 and "sudah ada" in errors[0]
    # Renstra: import (undoable) and check
    orig_info = ui.texts.show_info
    ui.texts.show_info = lambda *a, **k: None
    try:
        assert menu.import_renstra(str(DATA / "renstra_kesbangpol_2022_2026.tsv")) is None
    finally:
        ui.texts.show_info = orig_info
    assert len(renstra.load(window.doc)) == 15
    dialog = menu.check_renstra()
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItem(0).childCount() == len(dialog.result.rollup) >= 1
    window.stack.undo()
    assert renstra.load(window.doc) == []
