"""Screenshots of the main window on the bundled sample, for the README and the user guide.

    python scripts/screenshots.py [--out docs/screenshots]

Writes (Bahasa Indonesia unless noted):
  gui_pohon_program.png   the main window: program tree fully expanded, detail and findings panels
  gui_rincian.png         the detail panel of a sub kegiatan (indicators, funding split)
  gui_temuan.png          the findings panel after a check, one finding selected
  gui_tabel_2_1.png       the Tabel 2.1 tab (evaluation, computed columns 12-15)
  gui_tabel_2_3.png       the Tabel 2.3 tab (RKPD draft vs needs analysis, with the difference)
  gui_identitas.png       the identity and signing-block form
  gui_en_pohon_program.png  the main window in English
  dialog_renja_baru.png   the Renja baru dialog (identity and nomenclature version)
  gui_1366x768.png        the window on a 1366×768 laptop screen: totals and panels in view
  gui_1366x768_tabel_2_1.png  Tabel 2.1 there, scrolled to the triwulan columns: Kode and Uraian stay
Runs offscreen on a 1920×1080 screen; settings go to a temporary folder so the shots use the default
layout.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="renja-shots-") as tmp:
        if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
            # a full-HD screen: the window fits itself to the screen it opens on
            screen = Path(tmp) / "screen.json"
            screen.write_text('{"screens": [{"name": "fullhd", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                              '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}')
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        os.environ["RENJA_DESKTOP_DATA_DIR"] = str(Path(tmp) / "userdata")
        written = shoot(out, Path(tmp))
    for path in written:
        print(path)
    return 0


def shoot(out: Path, tmp: Path) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from renja_desktop.gui import settings as app_settings
    from renja_desktop.gui.app import create_app
    from renja_desktop.sample import build_sample

    app = create_app([], lang="id")
    from renja_desktop.gui.main_window import MainWindow

    sample = tmp / "Renja Kesbangpol Binjai 2024.sqlite"
    build_sample(sample)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()

    def save(widget, name: str) -> None:
        window.statusBar().clearMessage()
        for page in (window.plan_page, window.eval_page, window.t23_page):
            if page is not None:
                page.view.horizontalScrollBar().setValue(0)
        settle()
        path = out / name
        widget.grab().save(str(path))
        written.append(path)

    window = MainWindow()
    window.resize(1920, 1050)
    window.show()
    assert window.open_document(sample)
    window.resizeDocks([window.detail_dock], [440], Qt.Orientation.Horizontal)
    window.resizeDocks([window.findings_dock], [200], Qt.Orientation.Vertical)
    window.findings.refresh()
    page = window.plan_page
    page.view.expandAll()
    tree = window.doc.plan
    # a sub kegiatan with indicators and money: the first one with an indicator
    leaf = next((n for n in tree.walk() if n.level == 5 and window.doc.indikator.get(n.id)), None) \
        or next(n for n in tree.walk() if n.level == 5)
    page.select_row(leaf.id, "pagu")
    page.view.scrollToTop()
    save(window, "gui_pohon_program.png")
    save(window.detail_dock, "gui_rincian.png")

    panel = window.findings
    if panel.tree.topLevelItemCount():
        panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    save(window.findings_dock, "gui_temuan.png")

    # the wide tables get the whole width
    window.detail_dock.hide()
    window.tabs.setCurrentWidget(window.eval_page)
    window.eval_page.view.expandAll()
    first = window.eval_page.view.model().index(0, 0)
    window.eval_page.view.setCurrentIndex(first)
    save(window, "gui_tabel_2_1.png")

    window.tabs.setCurrentWidget(window.t23_page)
    window.detail_dock.hide()  # (the tab shows the panel: this shot gives the wide table the room)
    window.t23_page.view.expandAll()
    save(window, "gui_tabel_2_3.png")

    window.tabs.setCurrentWidget(window.identity)
    save(window, "gui_identitas.png")
    window.detail_dock.show()

    # English
    window.tabs.setCurrentWidget(window.plan_page)
    window.set_language("en")
    window.resizeDocks([window.detail_dock], [440], Qt.Orientation.Horizontal)
    window.resizeDocks([window.findings_dock], [200], Qt.Orientation.Vertical)
    window.plan_page.view.expandAll()
    window.plan_page.select_row(leaf.id, "pagu")
    window.plan_page.view.scrollToTop()
    window.findings.refresh()
    save(window, "gui_en_pohon_program.png")
    window.set_language("id")
    app_settings.set_language("id")

    # an office laptop: 1366×768, the window fitted to it
    from PySide6.QtCore import QRect

    from renja_desktop.gui import window_geometry

    window_geometry.place(window, None, QRect(0, 0, 1366, 768))
    window.tabs.setCurrentWidget(window.plan_page)
    window.plan_page.view.expandAll()
    window.plan_page.select_row(leaf.id, "pagu")
    window.plan_page.view.scrollToTop()
    window.findings.refresh()
    save(window, "gui_1366x768.png")
    page = window.eval_page
    window.tabs.setCurrentWidget(page)
    page.set_quarters_visible(True)
    page.view.expandAll()
    settle()
    k8 = page.view.model().index(0, page.model.column_index("k_8"))
    page.view.setCurrentIndex(k8)
    settle()
    # scrolled so that the triwulan columns start right after the frozen Kode and Uraian
    page.view.horizontalScrollBar().setValue(
        page.view.header().sectionPosition(k8.column()) - page.view.frozen_width())
    window.statusBar().clearMessage()
    settle()
    path = out / "gui_1366x768_tabel_2_1.png"
    window.grab().save(str(path))  # (not save(): it scrolls back to the first column)
    written.append(path)
    page.set_quarters_visible(False)
    window.close()

    from renja_desktop.gui.dialogs import NewDocumentDialog

    dialog = NewDocumentDialog(None, 2026)
    dialog.pemda.setText("Kabupaten Contoh")
    dialog.opd.setText("Dinas Kesehatan")
    dialog.opd_singkat.setText("Dinkes")
    dialog.show()
    settle()
    path = out / "dialog_renja_baru.png"
    dialog.grab().save(str(path))
    written.append(path)
    dialog.close()
    return written


if __name__ == "__main__":
    sys.exit(main())
