"""The Dokumen tab on the sample Renja: edit a paragraph, insert a field, reorder a section, undo,
paste from Word, refused edits, and Cetak… of the whole document (PDF and Word)."""
from __future__ import annotations

import shutil

import docx
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

from renja_desktop.gui import document_tab as dt  # noqa: E402
from renja_desktop.gui import print_dialog as pd  # noqa: E402
from renja_desktop.gui import texts  # noqa: E402
from renja_desktop.gui.main_window import MainWindow  # noqa: E402
from renja_desktop.gui.narrative_edit import NarrativeEdit  # noqa: E402
from renja_desktop.gui.print_dialog import PrintDialog  # noqa: E402
from renja_desktop.narrative import format as fmt  # noqa: E402
from renja_desktop.narrative import store  # noqa: E402
from renja_desktop.sample import build_sample  # noqa: E402

TIMEOUT = 60_000


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("gui-doc") / "contoh.sqlite")


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dt, "show_error", lambda parent, title, text, informative="": shown.append(text))
    monkeypatch.setattr(pd, "show_error", lambda parent, title, text, informative="": shown.append(text))
    monkeypatch.setattr(texts, "ask_yes_no", lambda *a, **k: True)
    return shown


@pytest.fixture
def win(qtbot, sample_path, tmp_path, errors):
    path = tmp_path / "renja.sqlite"
    shutil.copy(sample_path, path)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 850)
    w.show()
    assert w.open_document(path)
    w.tabs.setCurrentWidget(w.document_page)
    yield w
    w.close()


def outline(doc):
    return [(n.id, n.nomor, n.judul, n.content) for n in store.flat(doc)]


def test_edit_a_paragraph_then_undo(win, qtbot):
    tab = win.document_tab
    before = outline(win.doc)
    tab.select_section(store.find(win.doc, "1.1").id)
    assert tab.title_label.text() == "1.1 Latar Belakang"
    cursor = tab.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    tab.edit.setTextCursor(cursor)
    tab.edit.setFocus()
    qtbot.keyClicks(tab.edit, "Pada dasarnya, ")
    assert tab.commit()
    text = fmt.plain_text(store.blocks_of(store.find(win.doc, "1.1")))
    assert text.startswith("Pada dasarnya, Rencana kerja (Renja) Perangkat Daerah")
    assert win.stack.undoText().startswith("Ubah isi")
    win.stack.undo()
    assert outline(win.doc) == before
    assert fmt.plain_text(tab.edit.blocks()).startswith("Rencana kerja (Renja)")
    win.stack.redo()
    assert fmt.plain_text(store.blocks_of(store.find(win.doc, "1.1"))).startswith("Pada dasarnya, ")


def test_insert_a_field_with_live_value(win, qtbot, errors):
    tab = win.document_tab
    tab.select_section(store.find(win.doc, "BAB V").id)
    cursor = tab.edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    tab.edit.setTextCursor(cursor)
    tab.insert_field("kepala_nama")
    qtbot.keyClicks(tab.edit, " menetapkan. ")
    assert tab.commit()
    blocks = store.blocks_of(store.find(win.doc, "BAB V"))
    assert fmt.runs_text(blocks[0]["runs"]).startswith("{kepala_nama} menetapkan. Rencana Kerja")
    values = {tab.fields_table.item(r, 0).text(): tab.fields_table.item(r, 1).text()
              for r in range(tab.fields_table.rowCount())}
    assert values["{kepala_nama}"] == "Drs. Ruslianto, M.Pd"
    assert values["{total_pagu}"] == "40.145.568.718"
    # the value follows the identity (live)
    win.doc.set_document(kepala_nama="Dr. Nama Baru")
    values = {tab.fields_table.item(r, 0).text(): tab.fields_table.item(r, 1).text()
              for r in range(tab.fields_table.rowCount())}
    assert values["{kepala_nama}"] == "Dr. Nama Baru"
    # row counts follow rows added and removed; totals follow edited values
    def shown():
        return {tab.fields_table.item(r, 0).text(): tab.fields_table.item(r, 1).text()
                for r in range(tab.fields_table.rowCount())}

    subs = int(shown()["{jumlah_sub_kegiatan}"])
    kegiatan = next(n for n in win.doc.plan.walk() if n.level == 4)
    leaf = kegiatan.children[0]
    win.doc.set_plan(leaf.id, pagu=(leaf.values.get("pagu") or 0) + 1)
    assert shown()["{total_pagu}"] == "40.145.568.719" and shown()["{jumlah_sub_kegiatan}"] == str(subs)
    new = win.doc.add_plan_row(kegiatan.id, win.doc.next_free_code(kegiatan.id), "Sub kegiatan baru")
    assert shown()["{jumlah_sub_kegiatan}"] == str(subs + 1)
    win.doc.delete_plan_row(new)
    assert shown()["{jumlah_sub_kegiatan}"] == str(subs)
    tab.insert_field("tidak_ada")
    assert "Isian {tidak_ada} tidak ada." in errors[-1]


def test_reorder_add_rename_delete_and_undo_all(win, errors):
    tab = win.document_tab
    doc = win.doc
    before = outline(doc)
    tab.select_section(store.find(doc, "1.2").id)
    assert tab.move_section(-1)
    assert store.find(doc, "1.1").judul == "Landasan Hukum"
    assert tab.tree.currentItem().text(0) == "1.1 Landasan Hukum"
    new_id = tab.add_section("sub", "Gambaran Umum {opd_singkat}")
    assert new_id and store.find(doc, new_id).nomor == "1.2"
    assert tab.tree.currentItem().text(0) == "1.2 Gambaran Umum Badan Kesbangpol"
    assert tab.rename_section("Gambaran Umum")
    assert tab.delete_section()
    # refused: a section holding a table, and an unknown field in a title
    tab.select_section(store.find(doc, "BAB IV").id)
    assert not tab.delete_section()
    assert "memuat Tabel 4.1" in errors[-1]
    assert not tab.rename_section("Rencana {tidak_ada}")
    assert "{tidak_ada}" in errors[-1]
    for _ in range(5):
        win.stack.undo()
    assert outline(doc) == before
    assert tab.tree.topLevelItem(4).child(0).text(0) == "1.1 Latar Belakang"


def test_paste_from_word_keeps_paragraphs_lists_and_emphasis(qtbot):
    edit = NarrativeEdit()
    qtbot.addWidget(edit)
    html = """<html><body>
<p class=MsoNormal style='text-align:justify'><span style='font-family:Calibri;color:#FF0000;font-size:14pt'>
Paragraf <b>tebal</b> dan <i>miring</i> dari Word.</span></p>
<p class=MsoListParagraph style='margin-left:36pt;text-indent:-18pt'><span>a.&nbsp;&nbsp;&nbsp;</span>butir pertama</p>
<p class=MsoListParagraph style='margin-left:36pt;text-indent:-18pt'><span>b.&nbsp;&nbsp;&nbsp;</span>butir <u>kedua</u></p>
<ol><li>satu</li><li>dua</li></ol>
<h1 style='color:blue'>Judul berwarna</h1>
<table border=1><tr><td>x</td></tr></table>
</body></html>"""
    mime = QMimeData()
    mime.setHtml(html)
    edit.insertFromMimeData(mime)
    blocks = edit.blocks()
    assert blocks[0] == {"type": "paragraph", "runs": [
        {"text": "Paragraf "}, {"text": "tebal", "b": True}, {"text": " dan "}, {"text": "miring", "i": True},
        {"text": " dari Word."}]}
    assert blocks[1] == {"type": "list", "style": "lower-alpha", "items": [
        {"runs": [{"text": "butir pertama"}]}, {"runs": [{"text": "butir "}, {"text": "kedua", "u": True}]}]}
    assert blocks[2] == {"type": "list", "style": "decimal", "items": [{"runs": [{"text": "satu"}]},
                                                                      {"runs": [{"text": "dua"}]}]}
    # a Word heading stays a (bold) paragraph; colour and font are gone (the format has none)
    assert fmt.runs_text(blocks[3]["runs"]) == "Judul berwarna"
    assert blocks[4]["type"] == "table"
    stored = fmt.dumps(blocks)
    assert "FF0000" not in stored and "Calibri" not in stored and "<" not in stored


def test_image_that_is_not_an_image_is_refused(win, tmp_path, errors):
    tab = win.document_tab
    before = outline(win.doc)
    tab.select_section(outline(win.doc)[0][0])  # the cover
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"bukan gambar sama sekali")
    assert not tab.insert_image(str(fake))
    assert "bukan gambar PNG atau JPEG" in errors[-1]
    assert outline(win.doc) == before


def test_print_whole_document_pdf_and_word(win, qtbot, tmp_path, errors):
    dlg = PrintDialog(win.doc, win, mode="document_pdf")
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg.show()
    assert blocker.args == ["preview", True], errors
    assert dlg.windowTitle() == "Cetak Dokumen Lengkap"
    assert dlg.page_count() > 40
    assert not dlg.tables_group.isEnabled()
    first = dlg.page_image(0, 0.5)
    table_page = next(i for i in range(dlg.page_count()) if dlg._pdf[i].get_size()[0] > dlg._pdf[i].get_size()[1])
    landscape = dlg.page_image(table_page, 0.5)
    assert first.height() > first.width() and landscape.width() > landscape.height()
    out = tmp_path / "renja.pdf"
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg.save_pdf(out)
    assert blocker.args[1] and out.exists()
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("document_docx"))
    assert dlg.export_button.text() == "Simpan Word…" and dlg.export_button.isEnabled()
    out_docx = tmp_path / "renja.docx"
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg.save_docx(out_docx)
    assert blocker.args == ["docx", True], errors
    assert len(docx.Document(str(out_docx)).tables) >= 6
    qtbot.waitUntil(lambda: not dlg.is_busy(), timeout=TIMEOUT)
    dlg.close()
