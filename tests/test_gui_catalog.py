"""Berkas ▸ Katalog nomenklatur…: the versions, loading a newer list, the version the document follows."""
import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from renja_desktop import catalog
from renja_desktop.gui import catalog_dialog, texts
from renja_desktop.gui.catalog_dialog import CatalogDialog

ROWS = [
    ["Kode", "Nomenklatur Urusan/Program/Kegiatan", "Satuan"],
    ["8.01", "Urusan Pemerintahan Bidang Kesatuan Bangsa dan Politik", ""],
    ["8.01.01", "Program Penunjang Urusan Pemerintahan Daerah", ""],
    ["8.01.02", "Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan", ""],
    ["bukan-kode", "Baris rusak", ""],
]


@pytest.fixture
def boxes(monkeypatch):
    shown = {"info": [], "error": []}
    monkeypatch.setattr(texts, "show_info",
                        lambda parent, title, text, informative="": shown["info"].append((text, informative)))
    monkeypatch.setattr(texts, "show_error",
                        lambda parent, title, text, informative="": shown["error"].append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    return shown


def answers(monkeypatch, path, names, sheet=None):
    """The file dialog returns ``path``; the name question returns each of ``names`` in turn."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    queue = list(names)
    asked = []

    def get_text(*a, **k):
        asked.append(a[4] if len(a) > 4 else "")
        return (queue.pop(0), True) if queue else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    sheets = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda parent, title, label, items, *a, **k: (sheets.append(list(items)),
                                                                                    (sheet, True))[1]))
    return asked, sheets


def write_tsv(tmp_path):
    path = tmp_path / "Nomenklatur 2025.tsv"
    path.write_text("\n".join("\t".join(r) for r in ROWS) + "\n", encoding="utf-8")
    return path


def write_xlsx(tmp_path):
    path = tmp_path / "kepmendagri.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["Lampiran Kepmendagri"])
    ws = wb.create_sheet("Nomenklatur")
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    return path


def rows_of(dialog):
    return {dialog.table.item(r, 0).data(catalog_dialog.VERSION_ROLE):
            (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}


def test_menu_opens_the_dialog_with_the_bundled_versions(window, monkeypatch):
    opened = []
    monkeypatch.setattr(CatalogDialog, "exec", lambda self: opened.append(rows_of(self)) or 0)
    action = window.actions_["catalog"]
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert opened and catalog.default_version() in opened[0]
    assert all(asal == "bawaan" for _n, asal in opened[0].values())


def test_loading_a_tsv_shows_the_new_version_with_its_row_count(window, tmp_path, monkeypatch, boxes, qtbot):
    tsv = write_tsv(tmp_path)
    asked, sheets = answers(monkeypatch, tsv, ["kep900-2025"])
    dialog = CatalogDialog(window, window)
    qtbot.addWidget(dialog)
    dialog.load_button.click()
    assert not boxes["error"], boxes["error"]
    assert asked == ["Nomenklatur-2025"]          # suggested from the file name
    assert sheets == []                            # no sheet question for a text file
    assert rows_of(dialog)["kep900-2025"] == ("3", "milik sendiri")
    assert dialog.selected_version() == "kep900-2025"
    text, informative = boxes["info"][0]
    assert "3 baris" in text and "1 baris dilewati" in text
    assert "baris 5, kolom Kode" in informative
    assert (catalog.user_dir() / "kep900-2025.tsv").exists()   # under RENJA_DESKTOP_DATA_DIR
    assert len(catalog.get_catalog("kep900-2025")) == 3


def test_loading_an_xlsx_asks_for_the_sheet_and_confirms_replacing(window, tmp_path, monkeypatch, boxes, qtbot):
    xlsx = write_xlsx(tmp_path)
    _asked, sheets = answers(monkeypatch, xlsx, ["kep900-2025", "kep900-2025"], sheet="Nomenklatur")
    dialog = CatalogDialog(window, window)
    qtbot.addWidget(dialog)
    assert dialog.ask_load()["baris"] == 3
    assert sheets == [["Catatan", "Nomenklatur"]]
    assert rows_of(dialog)["kep900-2025"][0] == "3"
    confirmations = []
    monkeypatch.setattr(texts, "ask_yes_no", lambda *a, **k: confirmations.append(a[2]) or False)
    assert dialog.ask_load() is None               # declined: not replaced
    assert confirmations and "sudah ada" in confirmations[0]
    assert not boxes["error"], boxes["error"]


def test_an_invalid_version_name_is_refused_and_nothing_is_written(window, tmp_path, monkeypatch, boxes, qtbot):
    tsv = write_tsv(tmp_path)
    asked, _sheets = answers(monkeypatch, tsv, ["kep 900/2025", "-awal"])   # then cancelled
    dialog = CatalogDialog(window, window)
    qtbot.addWidget(dialog)
    before = rows_of(dialog)
    assert dialog.ask_load() is None
    assert len(boxes["error"]) == 2
    assert "' '" in boxes["error"][0] and "'/'" in boxes["error"][0] and "karakter" in boxes["error"][0]
    assert "diawali huruf atau angka" in boxes["error"][1] and "'-'" in boxes["error"][1]
    assert asked[1] == "kep 900/2025"              # asked again with what was typed
    assert list(catalog.user_dir().glob("*")) == []
    assert rows_of(dialog) == before and not boxes["info"]
    assert dialog.name_problem("") and dialog.name_problem("a" * 62).startswith("Nama versi terlalu panjang")
    assert dialog.name_problem("kep900-2023.v2") is None


def test_a_file_without_a_catalog_is_an_error_and_nothing_is_written(window, tmp_path, monkeypatch, boxes, qtbot):
    bad = tmp_path / "bukan.tsv"
    bad.write_text("Nama\tPagu\nx\t1\n", encoding="utf-8")
    answers(monkeypatch, bad, ["coba"])
    dialog = CatalogDialog(window, window)
    qtbot.addWidget(dialog)
    assert dialog.ask_load() is None
    assert boxes["error"] and "Kode" in boxes["error"][0]
    assert not (catalog.user_dir() / "coba.tsv").exists()


def test_use_for_this_document_is_undoable(window, tmp_path, monkeypatch, boxes, qtbot):
    catalog.load_user_catalog(write_tsv(tmp_path), "kep900-2025")
    doc = window.doc
    before = doc.info.get("nomenklatur_versi")
    dialog = CatalogDialog(window, window)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).data(catalog_dialog.VERSION_ROLE) == "kep900-2025")
    dialog.table.selectRow(row)
    assert dialog.use_button.isEnabled()
    dialog.use_button.click()
    assert doc.info["nomenklatur_versi"] == "kep900-2025"
    assert dialog.table.item(row, 0).font().bold() and "dipakai dokumen ini" in dialog.table.item(row, 0).text()
    assert not dialog.use_button.isEnabled()
    assert window.identity.fields["nomenklatur_versi"].text() == "kep900-2025"
    window.editor.stack.undo()
    assert doc.info.get("nomenklatur_versi") == before
    window.editor.stack.redo()
    assert doc.info["nomenklatur_versi"] == "kep900-2025"
    assert not boxes["error"], boxes["error"]


def test_screenshot_layout(window, tmp_path, qtbot):
    dialog = CatalogDialog(window, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for button in (dialog.load_button, dialog.use_button):
        assert button.sizeHint().width() <= button.width()
    assert dialog.grab().save(str(tmp_path / "katalog.png"))
