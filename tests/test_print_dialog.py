"""The Cetak dialog: preview, options, save PDF, Excel export, print to a (PDF) printer, cancel."""
from __future__ import annotations

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from renja_desktop.gui import print_dialog as pd  # noqa: E402
from renja_desktop.gui.print_dialog import PrintDialog  # noqa: E402
from renja_desktop.service import RenjaDocument  # noqa: E402
from renja_desktop.synthetic import build_city_document  # noqa: E402

from report_check import check_page_numbers, check_paper, read_pdf  # noqa: E402
from report_doc import build_binjai  # noqa: E402

TIMEOUT = 60_000


@pytest.fixture(scope="module")
def binjai_path(tmp_path_factory):
    return build_binjai(tmp_path_factory.mktemp("binjai") / "binjai.sqlite")


@pytest.fixture
def doc(binjai_path):
    d = RenjaDocument.open(binjai_path, readonly=True)
    yield d
    d.close()


@pytest.fixture(autouse=True)
def no_modal_errors(monkeypatch):
    shown = []
    monkeypatch.setattr(pd, "show_error", lambda parent, title, text, informative="": shown.append(text))
    return shown


def _open(qtbot, doc) -> PrintDialog:
    dlg = PrintDialog(doc)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg.show()
    assert blocker.args == ["preview", True]
    return dlg


def test_preview_pages_and_navigation(qtbot, doc):
    dlg = _open(qtbot, doc)
    assert dlg.windowTitle() == "Cetak Tabel Lampiran"
    assert dlg.cancel_button.text() == "Batal"
    pages = read_pdf(dlg.preview_path())
    assert dlg.page_count() == len(pages) > 6
    check_paper(pages, "F4")
    check_page_numbers(pages)
    assert dlg.page_label.text() == f"dari {len(pages)}"
    pixmap = dlg.preview_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() > pixmap.height()  # landscape
    assert not dlg.prev_button.isEnabled() and dlg.next_button.isEnabled()
    dlg.next_button.click()
    assert dlg.current_page() == 1 and dlg.page_spin.value() == 2
    dlg.page_spin.setValue(len(pages))
    assert dlg.current_page() == len(pages) - 1 and not dlg.next_button.isEnabled()
    dlg.zoom_combo.setCurrentIndex(3)  # 100 %
    assert dlg.preview_label.pixmap().width() > 900
    assert "Pratinjau siap" in dlg.status_label.text()


def test_options_rerender(qtbot, doc):
    dlg = _open(qtbot, doc)
    first = dlg.preview_path()
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg._set_all(False)
        dlg.table_checks["4.1"].setChecked(True)
        dlg.paper_combo.setCurrentIndex(dlg.paper_combo.findData("A4"))
        dlg.thousands_check.setChecked(True)
    qtbot.waitUntil(lambda: not dlg.is_busy() and dlg.preview_path() != first, timeout=TIMEOUT)
    assert blocker.args[0] == "preview"
    pages = read_pdf(dlg.preview_path())
    check_paper(pages, "A4")
    assert pages[0].lines[2] == "Tabel 4.1"
    assert "(Rp.000)" in pages[0].text
    assert "TOTAL 40.145.569" in pages[-1].lines
    # no table chosen: nothing to print, and the dialog says why
    dlg._set_all(False)
    assert not dlg.print_button.isEnabled() and not dlg.save_pdf_button.isEnabled()
    assert "sekurang-kurangnya satu tabel" in dlg.status_label.text()


def test_save_pdf_and_excel(qtbot, doc, tmp_path):
    dlg = _open(qtbot, doc)
    out = tmp_path / "lampiran.pdf"
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg.save_pdf(out)
    assert blocker.args == ["pdf", True]
    assert out.read_bytes() == dlg.preview_path().read_bytes()
    # options changed and not previewed yet: saving renders anew
    dlg.cover_check.setChecked(True)
    dlg._debounce.stop()
    out2 = tmp_path / "sampul.pdf"
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg.save_pdf(out2)
    assert blocker.args == ["pdf", True]
    pages = read_pdf(out2)
    assert "LAMPIRAN" in pages[0].text
    check_page_numbers(pages, cover=True)
    qtbot.waitUntil(lambda: not dlg.is_busy(), timeout=TIMEOUT)
    xlsx = tmp_path / "lampiran.xlsx"
    dlg._set_all(False)
    dlg.table_checks["3.1"].setChecked(True)
    dlg.table_checks["4.1"].setChecked(True)
    dlg._debounce.stop()
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT,
                          check_params_cb=lambda kind, ok: kind == "excel") as blocker:
        dlg.export_excel(xlsx)
    assert blocker.args == ["excel", True]
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Tabel 3.1", "Tabel 4.1"]
    assert "Excel disimpan" in dlg.status_label.text()


def test_print_to_pdf_printer(qtbot, doc, tmp_path):
    dlg = _open(qtbot, doc)
    dlg._set_all(False)
    dlg.table_checks["4.1"].setChecked(True)
    dlg._debounce.stop()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    dlg.make_printer(printer)
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT,
                          check_params_cb=lambda kind, ok: kind == "print") as blocker:
        dlg.print_document(printer)  # the preview is stale: it renders first, then prints
    assert blocker.args == ["print", True]
    printed = read_pdf(out)
    assert len(printed) == dlg.page_count() == len(read_pdf(dlg.preview_path()))
    # Qt matches 215 x 330 mm to the printers' Folio (8,5 x 13 in = 215,9 x 330,2 mm)
    for page in printed:
        assert page.width > page.height
        assert abs(page.width - 330 * 72 / 25.4) < 3 and abs(page.height - 215 * 72 / 25.4) < 3
    assert "Terkirim ke printer" in dlg.status_label.text()


def test_cancel_long_render(qtbot, tmp_path, no_modal_errors):
    path = build_city_document(tmp_path / "kota.sqlite", rows=6000)
    with RenjaDocument.open(path, readonly=True) as doc:
        dlg = PrintDialog(doc)
        qtbot.addWidget(dlg)
        seen = []
        dlg.jobFinished.connect(lambda kind, ok: seen.append((kind, ok)))
        dlg._debounce.stop()
        qtbot.waitUntil(lambda: dlg.is_busy(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: dlg.progress_bar.value() > 0, timeout=TIMEOUT)
        assert dlg.cancel_button.isEnabled()
        dlg.cancel_button.click()
        qtbot.waitUntil(lambda: bool(seen), timeout=TIMEOUT)
        assert seen == [("preview", False)]
        assert dlg.status_label.text() == "Dibatalkan."
        assert dlg.preview_path() is None and dlg.page_count() == 0
        assert not dlg.cancel_button.isEnabled()
        # a cancelled render leaves no file behind
        assert not list(__import__("pathlib").Path(dlg._tmp.name).iterdir())
        assert no_modal_errors == []
        dlg.close()


def test_bad_margins_reported(qtbot, doc, no_modal_errors, tmp_path):
    dlg = _open(qtbot, doc)
    for spin in dlg.margin_spins.values():
        spin.setValue(60)
    dlg._debounce.stop()
    with qtbot.waitSignal(dlg.jobFinished, timeout=TIMEOUT) as blocker:
        dlg.save_pdf(tmp_path / "x.pdf")
    assert blocker.args == ["pdf", False]
    assert "margin" in dlg.status_label.text().lower()
    assert no_modal_errors and no_modal_errors[0] == dlg.status_label.text()
    assert not (tmp_path / "x.pdf").exists()
