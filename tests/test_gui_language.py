"""Bahasa Indonesia by default (Qt's own buttons included), English on request, remembered."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QMessageBox

from gui_support import build_small_document
from renja_desktop.gui import settings as app_settings
from renja_desktop.gui.app import install_translators, translations_dir
from renja_desktop.gui.main_window import MainWindow


def ts_messages(name: str) -> list[tuple[str, str, str | None, str | None]]:
    root = ET.parse(translations_dir() / f"{name}.ts").getroot()
    out = []
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = tr.text if tr is not None else None
            if tr is not None and tr.find("numerusform") is not None:
                text = tr.find("numerusform").text
            out.append((ctx.findtext("name"), msg.findtext("source"), text,
                        tr.get("type") if tr is not None else "missing"))
    return out


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "binjai.sqlite"
    build_small_document(path).close()
    install_translators("id")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_document(path)
    yield w
    w.close()
    install_translators("id")


def menu_texts(window) -> list[str]:
    texts = []

    def walk(menu: QMenu) -> None:
        texts.append(menu.title())
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator() and action.text():
                texts.append(action.text())

    for action in window.menuBar().actions():
        walk(action.menu())
    return texts


def test_translation_files_are_complete_and_built():
    for name in ("renja_en", "renja_qt_id"):
        assert (translations_dir() / f"{name}.qm").stat().st_size > 1000
        unfinished = [m for m in ts_messages(name) if m[3] is not None or not m[2]]
        assert unfinished == []


def test_qt_own_buttons_and_menus_are_indonesian(qtbot):
    install_translators("id")
    B = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Teks", B.Yes | B.No | B.Cancel | B.Ok)
    assert box.button(B.Yes).text().replace("&", "") == "Ya"
    assert box.button(B.No).text().replace("&", "") == "Tidak"
    assert box.button(B.Cancel).text() == "Batal"
    assert box.button(B.Ok).text() == "Oke"
    edit = QLineEdit("teks")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    words = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert "Salin" in words and "Tempel" in words and "Pilih semua" in words
    assert not {"Copy", "Paste", "Select All"} & set(words)


def test_switching_to_english_and_back_keeps_the_document_open(window):
    english = {m[2] for m in ts_messages("renja_en")}
    indonesian = {m[1] for m in ts_messages("renja_en")} - english
    ids_before = set(window.doc.plan.nodes)
    window.set_language("en")
    assert app_settings.language() == "en"
    texts = [t for t in menu_texts(window) if not t.startswith("&1 ") and t != "(none yet)"]
    leftovers = [t for t in texts if t in indonesian]
    assert leftovers == []
    assert "&File" in texts and "&Undo" in texts and "Add c&hild" in texts
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[0] == "Program plan (Table 3.1 / 4.1)"
    assert window.detail_dock.windowTitle() == "Row details"
    header = window.plan_page.model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
    assert header == "Name"
    assert window.total_label.text().startswith("Total budget 2024: Rp ")
    assert set(window.doc.plan.nodes) == ids_before   # same document, still open
    window.set_language("id")
    assert app_settings.language() == "id"
    assert "&Berkas" in menu_texts(window)
    assert window.total_label.text().startswith("Total pagu 2024: Rp ")


def test_language_is_remembered_for_the_next_start(qtbot):
    app_settings.set_language("en")
    from renja_desktop.gui.app import create_app

    create_app()
    w = MainWindow()
    qtbot.addWidget(w)
    assert "&File" in menu_texts(w)
    w.close()
    app_settings.set_language("id")
    install_translators("id")
    QApplication.processEvents()


def test_english_texts_do_not_keep_indonesian_words():
    """Words that exist only in Indonesian must not survive in the English translation."""
    import re
    from pathlib import Path

    ts = (Path(__file__).resolve().parent.parent / "resources" / "translations" / "renja_en.ts").read_text(
        encoding="utf-8")
    translations = re.findall(r"<translation>([^<]*)</translation>", ts)
    indonesian = re.compile(r"\b(Tabel|Berkas|Simpan|Batal|Tutup|Hapus|Tambah|Cetak|Baris|Kolom)\b")
    leftovers = [t for t in translations if indonesian.search(t)]
    assert not leftovers, leftovers[:10]


def test_english_window_shows_core_refusals_in_english(window):
    """Errors made by the core (not by Qt texts) follow the window's language too."""
    from gui_support import ids_by_kode

    leaf = ids_by_kode(window.doc)["8.01.01.2.01.0001"]
    window.set_language("en")
    try:
        refused = window.editor.set_plan(leaf, pagu="40.145568.718")
        assert refused == ("8.01.01.2.01.0001, column pagu: '40.145568.718' is not a valid Rupiah amount "
                           "(for example 1.500.000)")
        assert window.plan_page.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        from renja_desktop.gui.texts import level_name
        assert level_name(4) == "Activity"
    finally:
        window.set_language("id")
    assert window.editor.set_plan(leaf, pagu="12a").startswith("8.01.01.2.01.0001, kolom pagu: '12a' bukan")


def test_english_window_shows_core_messages_in_english(window, tmp_path, monkeypatch):
    """Switch the window to English and trigger messages made by the core: a refused stage, the
    findings of the check, the import report, a file that is not a Renja document."""
    from PySide6.QtWidgets import QMessageBox

    from renja_desktop import stages
    from renja_desktop.errors import Msg, message
    from renja_desktop.gui import import_flow, texts

    errors: list[str] = []
    monkeypatch.setattr(texts, "show_error", lambda _p, title, text, informative="": errors.append(text))
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: reports.append(box.text() + "\n" + box.detailedText()) or 0)
    window.set_language("en")
    try:
        assert window.editor.execute(stages.FreezeStage("  ", "Budi")) == \
            "empty stage name; for example: Rancangan Awal"

        kegiatan = next(n for n in window.doc.plan.walk() if n.level == 4)
        assert window.editor.add_row("plan", kegiatan.id, None, "Sub kegiatan tanpa pagu")[1] is None
        window.findings.update_findings()
        keyed = [(i, f) for i, f in enumerate(window.findings.findings) if isinstance(f.pesan, Msg)]
        assert keyed
        for i, f in keyed:
            shown = window.findings.tree.topLevelItem(i).text(4)
            assert shown == message(f.pesan, "en") and shown != f.pesan

        source = tmp_path / "usulan.tsv"
        source.write_text("No\tProgram/Kegiatan\tLokasi\tIndikator Kinerja\tBesaran/Volume\tCatatan\n"
                          "1\tPenyuluhan wawasan kebangsaan\tKota Binjai\tJumlah peserta\t100 orang\t-\n",
                          encoding="utf-8")
        assert import_flow.run_import(window, source, None, "2.4")
        assert reports[-1].startswith("Import from usulan.tsv (Table 2.4): 2 source rows read.")
        assert "usulan.tsv line 2: imported (Table 2.4)" in reports[-1]

        broken = tmp_path / "rusak.sqlite"
        broken.write_bytes(b"bukan berkas sqlite" * 100)
        assert not window.open_document(broken)
        assert errors[-1].startswith("File 'rusak.sqlite' is not a Renja Desktop document")
    finally:
        window.set_language("id")


def test_english_window_shows_merge_conflicts_and_text_format_findings_in_english(window, qtbot, tmp_path):
    """A merge conflict row and a finding about a chapter text edited outside the application:
    English in the English window, Indonesian again after switching back."""
    from exchange_util import small_document

    from renja_desktop.exchange.merge import plan_merge
    from renja_desktop.exchange.safecopy import save_copy
    from renja_desktop.gui.exchange_dialogs import MergeDialog
    from renja_desktop.narrative import store
    from renja_desktop.service import RenjaDocument

    work = small_document(tmp_path / "kerja.sqlite")
    usb, a, b = tmp_path / "usb.sqlite", tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    save_copy(work, usb)
    save_copy(usb, a)
    save_copy(usb, b)
    with RenjaDocument.open(a) as d:
        subs = [n.id for n in d.plan.walk() if n.level == 5]
        d.set_plan(subs[0], pagu="11.000.000")
        d.set_document(judul="RENJA A")
    with RenjaDocument.open(b) as d:
        d.delete_plan_row(subs[0])
        d.set_document(judul="RENJA B")
    # a chapter whose stored text is not in the format (the file edited outside the application)
    broken = tmp_path / "naskah.sqlite"
    doc = build_small_document(broken)
    sid = doc.history.execute(store.AddSection(None, "Bab uji", kind="bab")).result
    with doc.batch():
        row = store.get_section(doc, sid)
        store.put_rows(doc, [{**row, "content": '{"format": "renja-naskah", "version": 1, "blocks": [{"type": "x"}]}'}],
                       [sid])
    doc.close()
    assert window.open_document(broken)

    def shown():
        dialog = MergeDialog(window, plan_merge(a, b))
        qtbot.addWidget(dialog)
        rows = [[dialog.conflicts.item(r, c).text() for c in range(5)] + [dialog.conflicts.item(r, 1).toolTip()]
                for r in range(dialog.conflicts.rowCount())]
        rows.append([" ".join(label.text() for label in dialog.findChildren(QLabel))])
        window.findings.update_findings()
        found = [(i, f) for i, f in enumerate(window.findings.findings) if f.rule == "naskah_format"]
        assert len(found) == 1
        return rows, window.findings.tree.topLevelItem(found[0][0]).text(4)

    window.set_language("en")
    try:
        rows, finding = shown()
    finally:
        window.set_language("id")
    assert "common base version saved" in rows[-1][0] and "versi dasar" not in rows[-1][0]
    gone = next(r for r in rows if len(r) > 2 and r[2] == "present")
    assert gone[1] == "deleted in Theirs but changed in Mine: indicative budget: Rp 1.000.000 -> Rp 11.000.000"
    assert gone[3:5] == ["kept with its changes", "deleted"]
    assert gone[5] == "deleted in their copy, but changed in my copy: indicative budget: Rp 1.000.000 -> Rp 11.000.000"
    title = next(r for r in rows if r[0] == "Document identity")
    assert title[1] == "title" and title[5] == "title was changed differently in both copies"
    assert finding == "section 'BAB I Bab uji': block 1: unknown kind of block 'x'"

    rows, finding = shown()
    assert "versi dasar bersama disimpan" in rows[-1][0]
    gone = next(r for r in rows if len(r) > 2 and r[2] == "ada")
    assert gone[1] == "dihapus di Milik mereka, tetapi diubah di Milik saya: pagu indikatif: Rp 1.000.000 -> Rp 11.000.000"
    assert gone[3:5] == ["dipertahankan dengan perubahannya", "dihapus"]
    assert gone[5] == ("dihapus di salinan mereka, tetapi diubah di salinan saya: pagu indikatif: Rp 1.000.000 -> "
                       "Rp 11.000.000")
    assert next(r for r in rows if r[0] == "Identitas dokumen")[5] == "judul diubah berbeda di kedua salinan"
    assert finding == "bagian 'BAB I Bab uji': blok 1: jenis blok 'x' tidak dikenal"
