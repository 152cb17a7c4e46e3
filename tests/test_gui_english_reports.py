"""The reports the core writes and the window shows (rescue of a damaged file, damaged rows, the
combination of the agencies' Renja, the notes of opening a file) follow the window's language:
English in the English window, the Indonesian text exactly what it always was (the command line's)."""
from __future__ import annotations

import re
import sqlite3

import pytest

from exchange_util import small_document
from renja_desktop.exchange.consolidate import consolidate
from renja_desktop.exchange.recover import recover
from renja_desktop.gui import texts
from renja_desktop.gui.app import install_translators
from renja_desktop.gui.exchange_dialogs import ConsolidateDialog
from renja_desktop.gui.main_window import MainWindow
from renja_desktop.service import RenjaDocument

#: Indonesian words none of these English reports may show (the rows' own names and codes aside)
INDONESIAN = re.compile(r"\b(baris|terselamatkan|hilang|tidak|dari|dapat|ditempatkan|bagian|rusak|dilompati|"
                        r"Catatan|Hasil|Penyelamatan|sidik|berkas|ditolak|gabungan|ditulis|perangkat|urusan|"
                        r"pagu|peringatan|dokumen yang sama|sedangkan|tahun rencana|lainnya|periksa)\b")


@pytest.fixture
def said(monkeypatch):
    """Every message box answered without showing it; what they said is recorded."""
    out = {"questions": [], "errors": [], "infos": []}

    def ask(_p, title, text, informative="", default_yes=False):
        out["questions"].append((title, text, informative))
        return len(out["questions"]) == 1  # yes to "rescue?", no to "open the rescued file?"

    monkeypatch.setattr(texts, "ask_yes_no", ask)
    monkeypatch.setattr(texts, "show_error", lambda _p, t, text, informative="": out["errors"].append(text))
    monkeypatch.setattr(texts, "show_info", lambda _p, t, text, informative="": out["infos"].append(informative))
    return out


@pytest.fixture
def window(qtbot):
    install_translators("id")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.set_language("id")
    w.close()
    install_translators("id")


def tampered(path):
    """A document whose sub-activities were renamed by another program (their row digests no longer match)."""
    small_document(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE plan_row SET nama = 'diubah di luar' WHERE level = 5")
    conn.commit()
    conn.close()
    return path


def page_damaged(path):
    """A document with one damaged page (the plan rows on it cannot be read)."""
    small_document(path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    page = data.find(b"Sub kegiatan 2.2") // page_size
    assert page > 0
    data[page * page_size:page * page_size + 8] = b"\x00" * 8
    path.write_bytes(bytes(data))
    return path


def rescue_texts(window, said, monkeypatch, bad, out, lang):
    """Open the damaged file in the window in ``lang``, accept the rescue: (the question, the report)."""
    window.set_language(lang)
    said["questions"].clear()
    monkeypatch.setattr(window.ctl, "ask_save_path", lambda *a: out)
    assert not window.open_document(bad)
    assert out.exists()
    (question, report) = said["questions"]
    return question[1], report[2]


def test_rescue_of_a_file_with_damaged_rows_speaks_the_window_language(window, said, monkeypatch, tmp_path):
    bad = tampered(tmp_path / "damaged.sqlite")
    question, report = rescue_texts(window, said, monkeypatch, bad, tmp_path / "rescued-en.sqlite", "en")
    assert question.startswith("File 'damaged.sqlite' is damaged: the content of 6 rows does not match their row "
                               "digests (plan row '8.01.01.2.01.0001' 'diubah di luar'; ")
    assert "; and 1 more). Damage inside the values" in question
    assert "Rescue of 'damaged.sqlite'" in report and "- plan rows (Table 3.1/4.1): 12 of 12 rows saved" in report
    assert "Note: 6 rows do not match their row digests" in report and "Result: all content was saved." in report
    assert not INDONESIAN.search(question.replace("diubah di luar", "")), question
    assert not INDONESIAN.search(report.replace("diubah di luar", "")), report

    question, report = rescue_texts(window, said, monkeypatch, bad, tmp_path / "rescued-id.sqlite", "id")
    assert question.startswith("Berkas 'damaged.sqlite' rusak: isi 6 baris tidak cocok dengan sidik barisnya (baris "
                               "rencana '8.01.01.2.01.0001' 'diubah di luar'; ")
    assert question.endswith("; dan 1 lainnya). Kerusakan di dalam nilai (atau perubahan oleh program lain) yang "
                             "tidak terlihat oleh pemeriksaan SQLite. Berkas tidak diubah; pulihkan dari cadangan "
                             "(renja-desktop restore) atau selamatkan isinya (renja-desktop recover).")
    lines = report.split("\n")
    assert lines[0] == f"Penyelamatan 'damaged.sqlite' -> '{tmp_path / 'rescued-id.sqlite'}'"
    assert "- baris rencana (Tabel 3.1/4.1): 12 dari 12 baris terselamatkan" in lines
    assert lines[-3] == "Hasil: semua isi terselamatkan."
    assert lines[-4].startswith("Catatan: 6 baris tidak cocok dengan sidik barisnya (isinya mungkin rusak; periksa "
                                "dengan cadangan): baris rencana '8.01.01.2.01.0001' 'diubah di luar'; ")


def test_rescue_report_of_a_damaged_page_in_english_and_indonesian(window, said, monkeypatch, tmp_path):
    bad = page_damaged(tmp_path / "damaged.sqlite")
    _question, report = rescue_texts(window, said, monkeypatch, bad, tmp_path / "rescued-en.sqlite", "en")
    assert "- plan rows (Table 3.1/4.1): " in report and " lost); 1 damaged parts skipped" in report
    assert "    codes of the lost rows: " in report and "could not be placed: " in report
    assert "Result: some content was lost; check the list above and compare it with a backup." in report
    assert not INDONESIAN.search(report), report

    window.set_language("id")
    cli = recover(bad, tmp_path / "rescued-cli.sqlite").lines()   # the command line's report: Indonesian
    _question, report = rescue_texts(window, said, monkeypatch, bad, tmp_path / "rescued-id.sqlite", "id")
    shown = report.split("\n")
    assert shown[1:len(cli)] == cli[1:]
    assert any(re.fullmatch(r"- baris rencana \(Tabel 3\.1/4\.1\): \d+ dari 12 baris terselamatkan \(\d+ hilang\); "
                            r"1 bagian rusak dilompati", line) for line in shown)
    assert "    tidak dapat ditempatkan: 'Jumlah dokumen 1.1': baris rencana (Tabel 3.1/4.1)-nya hilang" in shown
    assert "Hasil: sebagian isi hilang; periksa daftar di atas dan bandingkan dengan cadangan." in shown


def test_consolidation_report_speaks_the_window_language(window, qtbot, tmp_path):
    one = small_document(tmp_path / "a.sqlite")
    two = small_document(tmp_path / "b.sqlite")
    other_year = small_document(tmp_path / "c.sqlite")
    with RenjaDocument.open(other_year) as doc:
        doc.set_document(tahun=2025)
    files = [one, two, other_year, tmp_path / "nowhere.sqlite"]

    def shown(lang, out):
        window.set_language(lang)
        dialog = ConsolidateDialog(window, files=files, output=out)
        qtbot.addWidget(dialog)
        dialog.skip_bad.setChecked(True)
        assert dialog.run().written
        return dialog.report.toPlainText()

    english = shown("en", tmp_path / "kota-en.sqlite")
    assert english.startswith("Files refused:\n  - c.sqlite: plan year 2025, while the others are 2024\n"
                              "  - nowhere.sqlite: file not found\nThe combination of 2 Renja was written to ")
    assert "By agency:" in english and "sub-activities  budget n Rp" in english and "By affair:" in english
    assert "      warning: the agency's name is the same as in 'a.sqlite' but the document differs" in english
    assert "TOTAL budget n Rp 24.000.000; budget n+1 Rp 0" in english
    assert not INDONESIAN.search(english.replace("UNSUR PEMERINTAHAN UMUM", "")), english

    indonesian = shown("id", tmp_path / "kota-id.sqlite")
    cli = consolidate(files, tmp_path / "kota-cli.sqlite", skip_bad=True).lines()
    assert indonesian.replace("kota-id", "kota-cli").split("\n") == cli
    assert cli[:3] == ["Berkas yang ditolak:", "  - c.sqlite: tahun rencana 2025, sedangkan yang lain 2024",
                       "  - nowhere.sqlite: berkas tidak ditemukan"]
    assert "      peringatan: nama perangkat daerah sama dengan 'a.sqlite' tetapi dokumennya berbeda; pastikan bukan " \
           "dua versi Renja yang sama" in cli
    assert cli[-1] == "TOTAL pagu n Rp 24.000.000; pagu n+1 Rp 0"


def test_note_of_opening_a_combination_speaks_the_window_language(window, said, tmp_path):
    out = tmp_path / "kota.sqlite"
    consolidate([small_document(tmp_path / "a.sqlite")], out)
    window.set_language("en")
    assert window.open_document(out)
    assert said["infos"][-1] == "This file is a combination of Renja (the city view), opened read-only."
    window.close_document()
    window.set_language("id")
    assert window.open_document(out)
    assert said["infos"][-1] == "Berkas ini adalah gabungan Renja (tampilan kota), dibuka hanya-baca."


#: a Tabel 4.1 with the usual faults of a table typed in a word processor
MESSY = ("Kode\tProgram/Kegiatan/Sub Kegiatan\tLokasi\tIndikator\tTarget\tPagu\tSumber Dana\n"
         "9\tUNSUR\t\t\t\t\t\n9.01\tBIDANG\t\t\t\t\t\n9.01.01\tPROGRAM A\t\t\t\t\t\n"
         "9.01.01.2.01\tKegiatan A\t\t\t\t\tDAU\n"
         "9.01.01.2.01.0001\tSub one\tBinjai\tJumlah\t5 Dok\t(1.000)\tDAU\n"
         "9.01.01.2.1.2\tSub two\tBinjai\tJumlah\t5 Dok\t#REF!\tDAU\n"
         "9.01.01.2.01.0003\tSub three\tBinjai\tJumlah\t5 Dok\t12%\tDAU\n"
         "9.01.x1\tBroken\t\t\t\t\t\n")


def test_import_report_notes_speak_the_window_language(qtbot, tmp_path, monkeypatch):
    """The importer's notes on single rows and cells: English in the English window's import report,
    Indonesian as before in the Indonesian one."""
    from PySide6.QtWidgets import QMessageBox

    from gui_support import build_small_document
    from renja_desktop.gui import import_flow

    source = tmp_path / "messy.tsv"
    source.write_text(MESSY, encoding="utf-8")
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: reports.append(box.text() + "\n" + box.detailedText()) or 0)
    install_translators("id")
    shown = {}
    for lang in ("en", "id"):
        path = tmp_path / f"{lang}.sqlite"
        build_small_document(path).close()
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        try:
            assert w.open_document(path)
            w.set_language(lang)
            assert import_flow.run_import(w, source, None, "4.1")
            shown[lang] = reports[-1]
        finally:
            w.set_language("id")
            w.close()
    english = shown["en"]
    assert "code segment '1' written without its leading zeros (read as 01)" in english
    assert "'#REF!' is a spreadsheet error, not a Rupiah amount" in english
    assert "'(1.000)' is a negative number (in brackets or with a minus sign)" in english
    assert "column pagu holds a percentage '12%', not Rupiah; not imported" in english
    assert "funding source 'DAU' ignored on this activity (for sub-activities only)" in english
    assert "9.01.x1 Broken: the code column cannot be read: code '9.01.x1' is not of the form U.BB.PP.K.KK.SSSS" \
        in english
    # the rows' names, the quoted cells and the field's key (pagu) are the table's own words
    names = re.compile(r"'[^']*'|\b(UNSUR|BIDANG|PROGRAM A|Kegiatan A|Binjai|Jumlah|Dok)\b|(?<=column )pagu\b")
    assert not INDONESIAN.search(names.sub("", english)), english
    indonesian = shown["id"]
    for note in ("catatan: segmen kode '1' ditulis tanpa nol di depan (dibaca 01)",
                 "catatan: kolom pagu '#REF!': '#REF!' adalah galat lembar kerja, bukan angka rupiah",
                 "catatan: kolom pagu '(1.000)': '(1.000)' adalah angka negatif (dalam kurung atau bertanda minus); "
                 "pagu tidak boleh negatif, baris diimpor tanpa nilai ini",
                 "catatan: kolom pagu berisi persentase '12%', bukan rupiah; tidak diimpor",
                 "catatan: sumber dana 'DAU' pada kegiatan diabaikan (hanya untuk sub kegiatan)"):
        assert note in indonesian, note


def test_stage_dialogs_speak_the_window_language(window, qtbot, tmp_path, monkeypatch):
    """Next year's wizard, the stage comparison and the Renstra check: the core's words in English."""
    from pathlib import Path

    from gui_support import build_small_document
    from renja_desktop.codes import SUB_KEGIATAN

    path = tmp_path / "renja.sqlite"
    build_small_document(path).close()
    assert window.open_document(path)
    window.set_language("en")
    menu = window.stage_menu
    monkeypatch.setattr(texts, "show_info", lambda *a, **k: None)
    assert menu.freeze("Rancangan Awal", "Budi") is None
    leaf = next(n for n in window.doc.plan.walk() if n.level == SUB_KEGIATAN)
    assert window.editor.set_plan(leaf.id, pagu=(leaf.values["pagu"] or 0) + 500_000) is None

    wizard = menu.rollover()
    qtbot.addWidget(wizard)
    wizard.target.setText(str(tmp_path / "next.sqlite"))
    wizard.next()
    report = wizard.output.toPlainText()
    assert report.startswith(f"Renja 2025 made from Renja 2024: {tmp_path / 'next.sqlite'}\nCarried over: identity 1 rows")
    assert "Budget 2025 from the forward estimates; total budget Rp " in report
    assert f"  {leaf.kode:<20} {leaf.nama[:60]}  budget " in report
    carried = "\n".join(line for line in report.split("\n") if not line.startswith("  ") or ":" in line)
    assert not INDONESIAN.search(carried), report

    dialog = menu.compare()
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItem(0).child(0).text(2) == "budget"

    data = Path(__file__).parent / "data" / "renstra_kesbangpol_2022_2026.tsv"
    assert menu.import_renstra(str(data)) is None
    check = menu.check_renstra()
    qtbot.addWidget(check)
    kinds = {check.tree.topLevelItem(0).child(i).text(0) for i in range(check.tree.topLevelItem(0).childCount())}
    statuses = {check.tree.topLevelItem(2).child(i).text(0) for i in range(check.tree.topLevelItem(2).childCount())}
    assert kinds and kinds <= {"roll-up", "roll-up without rows"}
    assert statuses and statuses <= {"new", "as in the Renstra", "brought forward", "postponed", "not planned this year"}
    window.set_language("id")
    check = menu.check_renstra()
    qtbot.addWidget(check)
    statuses = {check.tree.topLevelItem(2).child(i).text(0) for i in range(check.tree.topLevelItem(2).childCount())}
    assert statuses <= {"baru", "sesuai Renstra", "dimajukan", "ditunda", "tidak direncanakan tahun ini"}


def test_chapter_import_status_speaks_the_window_language(window, tmp_path):
    """The status line after importing the chapters of a Renja text: the narrative report's first line."""
    from pathlib import Path

    from gui_support import build_small_document

    path = tmp_path / "renja.sqlite"
    build_small_document(path).close()
    sample = Path(__file__).resolve().parent.parent / "resources" / "sample" / "renja_kesbangpol_binjai_2024.txt"
    for lang, expected in (("en", "renja_kesbangpol_binjai_2024.txt: 213 source lines read, 21 sections"),
                           ("id", "renja_kesbangpol_binjai_2024.txt: 213 baris sumber terbaca, 21 bagian")):
        assert window.open_document(path)
        window.set_language(lang)
        assert window.document_tab.import_narrative(str(sample))
        assert window.statusBar().currentMessage() == expected
        assert window.close_document()


def test_save_to_flash_drive_message_speaks_the_window_language(window, said, tmp_path, monkeypatch):
    from renja_desktop.codes import SUB_KEGIATAN
    from renja_desktop.exchange.safecopy import save_copy

    usb = tmp_path / "E"
    usb.mkdir()
    monkeypatch.setenv("RENJA_DESKTOP_REMOVABLE", str(usb))
    (tmp_path / "pc").mkdir()
    origin = usb / "Renja.sqlite"
    save_copy(small_document(tmp_path / "pc" / "Renja.sqlite"), origin)
    assert window.open_document(origin)
    shown = {}
    for lang, pagu in (("en", "7.500.000"), ("id", "8.500.000")):
        window.set_language(lang)
        leaf = next(n for n in window.doc.plan.walk() if n.level == SUB_KEGIATAN)
        assert window.editor.set_plan(leaf.id, pagu=pagu) is None
        window.actions_["save_origin"].trigger()
        shown[lang] = window.statusBar().currentMessage()
    assert f": Copy saved and verified: {origin} (" in shown["en"] and " MB). The old version was kept as " in shown["en"]
    assert f": Salinan tersimpan dan terverifikasi: {origin} (" in shown["id"]
    assert " MB). Versi lama disimpan sebagai cadangan: " in shown["id"]


def test_backup_reasons_speak_the_window_language(window, qtbot, tmp_path):
    from renja_desktop.exchange import backups
    from renja_desktop.gui.exchange_dialogs import BackupsDialog

    doc = small_document(tmp_path / "renja.sqlite")
    backups.take_backup(doc, "sebelum-gabung")
    backups.take_backup(doc, "sebelum-impor")
    for lang, expected in (("en", {"before a merge", "before an import"}),
                           ("id", {"sebelum penggabungan", "sebelum impor"})):
        window.set_language(lang)
        dialog = BackupsDialog(window, doc)
        qtbot.addWidget(dialog)
        assert {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())} == expected


def test_notes_panel_and_stage_comparison_words_in_english(window, tmp_path):
    from gui_support import build_small_document
    from renja_desktop.codes import SUB_KEGIATAN

    path = tmp_path / "renja.sqlite"
    build_small_document(path).close()
    assert window.open_document(path)
    window.set_language("en")
    menu = window.stage_menu
    assert menu.freeze("Rancangan", "Budi") is None
    panel = menu.show_notes()
    leaf = next(n for n in window.doc.plan.walk() if n.level == SUB_KEGIATAN)
    assert window.plan_page.select_row(leaf.id)
    panel.stage.setCurrentText("now")
    panel.kind.setCurrentText("reason")
    assert panel.add_note("Target belum terukur") is None
    row = [panel.table.item(0, c).text() for c in (0, 1, 6)]
    assert row == ["open", "now", "reason"]
    panel.status.setCurrentText("done")
    assert panel.table.rowCount() == 0
    panel.status.setCurrentText("open")
    assert panel.table.rowCount() == 1
    assert window.editor.set_plan(leaf.id, pagu=(leaf.values["pagu"] or 0) + 500_000) is None
    dialog = menu.compare()
    assert dialog.b.currentText() == "now"
    assert dialog.summary.text().startswith("Rancangan → now: 1 ")
    assert dialog.tree.topLevelItem(0).text(0) == "changed"
    dialog.close()


def test_findings_panel_shows_stored_import_findings_in_english(window, tmp_path):
    """What an import stored in the document (odd codes, a refused row, a code printed twice) is
    listed in the findings panel in English in the English window, as stored in the Indonesian one."""
    import json

    from test_import_same_result import ODD
    from renja_desktop.errors import message
    from renja_desktop.findings import IMPORT_NOTES_KEY
    from renja_desktop.importer import import_text

    path = tmp_path / "impor.sqlite"
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol")
    import_text(doc, ODD, table="4.1", source="dinkes.txt")
    stored = {it["pesan"] for it in json.loads(doc.meta[IMPORT_NOTES_KEY])}
    doc.close()
    assert window.open_document(path)

    def shown() -> list[str]:
        window.findings.update_findings()
        return [window.findings.tree.topLevelItem(i).text(4) for i, f in enumerate(window.findings.findings)
                if f.rule == "import_note"]

    window.set_language("en")
    english = shown()
    window.set_language("id")
    indonesian = shown()
    assert len(english) == len(indonesian) >= 8
    assert "code 1.02.02.2.01.0001 is printed more than once in Table 4.1 [dinkes.txt line 11]" in english
    assert "source row refused, its content is not in the document: the code column cannot be read: code " \
           "'1.02.02.2.01.00X8' is not of the form U.BB.PP.K.KK.SSSS [dinkes.txt line 7]" in english
    for text in english:
        assert not re.search(r"\b(kode|baris|tercetak|tidak|kolom|ditolak)\b", re.sub(r"'[^']*'", "", text)), text
    assert set(indonesian) <= stored
    assert "kode 1.02.02.2.01.0001 tercetak lebih dari sekali di Tabel 4.1 [dinkes.txt baris 11]" in indonesian
    assert [message(f.pesan, "id") for f in window.findings.findings if f.rule == "import_note"] == indonesian
