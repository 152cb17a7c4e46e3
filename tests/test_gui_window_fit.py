"""The window on an office laptop (1366×768), remembered sizes, and Tabel 2.1's frozen columns."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from gui_support import build_small_document
from renja_desktop.gui import settings as app_settings
from renja_desktop.gui import window_geometry
from renja_desktop.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar


def _inside(window, widget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def _settle():
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "binjai.sqlite"
    build_small_document(path).close()
    return path


def test_initial_rect_fits_the_screen():
    rect = window_geometry.initial_rect(LAPTOP)
    assert LAPTOP.contains(rect) and rect.size().width() == 1366 and rect.height() == 728
    big = QRect(0, 0, 1920, 1040)
    rect = window_geometry.initial_rect(big)
    assert rect.size() == window_geometry.PREFERRED and big.contains(rect)
    # a remembered geometry from a big monitor comes back onto the laptop
    assert LAPTOP.contains(window_geometry.fitted(QRect(300, 200, 1800, 1000), LAPTOP))
    assert window_geometry.fitted(QRect(10, 10, 800, 600), LAPTOP) == QRect(10, 10, 800, 600)


def test_on_a_laptop_totals_and_detail_panel_are_in_view(qtbot, doc_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window_geometry.place(window, None, LAPTOP)  # (the test screen is smaller: placed once shown)
    assert window.open_document(doc_path)
    _settle()
    assert LAPTOP.contains(window.frameGeometry())
    for widget in (window.statusBar(), window.total_label, window.total_n1_label, window.detail_dock,
                   window.findings_dock):
        assert widget.isVisible() and _inside(window, widget), widget
    assert "Total pagu 2024" in window.total_label.text()
    window.close()


def test_the_size_is_remembered(qtbot, doc_path):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(40, 30, 720, 520))  # (the test screen is 800×600)
    _settle()
    first.close()
    saved = app_settings.value("window/geometry")
    assert saved is not None and not saved.isEmpty()
    assert str(app_settings.settings().fileName()).startswith(os.environ["RENJA_DESKTOP_DATA_DIR"])
    second = MainWindow()
    qtbot.addWidget(second)
    rect = window_geometry.place(second, saved, QRect(0, 0, 1920, 1040))
    assert rect.size() == first.geometry().size()
    # the same remembered size on a smaller screen is kept on it
    third = MainWindow()
    qtbot.addWidget(third)
    assert QRect(0, 0, 640, 480).contains(window_geometry.place(third, saved, QRect(0, 0, 640, 480)))


def test_a_real_1366x768_screen(tmp_path, doc_path):
    """The installed command on a 1366×768 screen: the window's picture is no larger than it."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "renja_desktop.cli", "gui", str(doc_path), "--screenshot", str(shot)],
                   env=env, check=True, capture_output=True, timeout=120)
    image = QImage(str(shot))
    assert 0 < image.width() <= 1366 and 0 < image.height() <= 768


# ---------------------------------------------------------------------- Tabel 2.1 frozen columns
def test_kode_and_uraian_stay_in_view(window, qtbot):
    page = window.eval_page
    window.tabs.setCurrentWidget(page)
    page.set_quarters_visible(True)
    window_geometry.place(window, None, LAPTOP)
    _settle()
    view = page.view
    frozen = view.frozen_view
    assert frozen is not None and frozen.isVisible()
    assert frozen.model() is view.model() and frozen.selectionModel() is view.selectionModel()
    shown = [c for c in range(view.model().columnCount()) if not frozen.isColumnHidden(c)]
    assert [page.model.column_key(c) for c in shown] == ["kode", "nama"]
    assert frozen.width() == view.header().sectionSize(0) + view.header().sectionSize(1)
    # scrolled to the triwulan columns: the overlay still shows Kode and Uraian at the left edge
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0
    k8 = view.model().index(0, page.model.column_index("k_8"))
    view.scrollTo(k8)
    _settle()
    assert bar.value() > 0
    assert view.visualRect(k8).left() >= frozen.width()  # the cell is not hidden under the overlay
    scrolled = bar.value()
    view.scrollTo(view.model().index(0, page.model.column_index("nama")))
    assert bar.value() == scrolled  # Uraian is in view already: the triwulan columns stay
    assert frozen.geometry().left() <= view.frameWidth()
    # rows fold and unfold in both (also through expandAll/collapseAll, which emit no signals)
    root = view.model().index(0, 0)
    view.collapseAll()
    assert not frozen.isExpanded(root)
    view.expandAll()
    assert frozen.isExpanded(root)
    frozen.collapse(root)
    assert not view.isExpanded(root)
    frozen.expand(root)
    # widths follow each other; vertical scrolling too
    view.header().resizeSection(1, 260)
    assert frozen.header().sectionSize(1) == 260 and frozen.width() == view.header().sectionSize(0) + 260
    # the same row is current in both: a Uraian typed in the table is edited on the overlay
    nama = view.model().index(0, page.model.column_index("nama"))
    view.setCurrentIndex(nama)
    assert frozen.currentIndex() == nama
    view.edit(nama)
    _settle()
    assert frozen.indexWidget(nama) is not None or frozen.state() == frozen.State.EditingState


def test_detail_panel_only_where_it_shows_something(window):
    assert window.detail_dock.isVisible()
    for page in (window.eval_page, window.pelayanan_page, window.usulan_page, window.identity):
        window.tabs.setCurrentWidget(page)
        assert not window.detail_dock.isVisible(), page
    window.tabs.setCurrentWidget(window.t23_page)
    assert window.detail_dock.isVisible()
    # the user's own choice is kept: hidden on the plan tab stays hidden after visiting Tabel 2.1
    window.tabs.setCurrentWidget(window.plan_page)
    window.detail_dock.toggleViewAction().trigger()
    assert not window.detail_dock.isVisible()
    window.tabs.setCurrentWidget(window.eval_page)
    window.tabs.setCurrentWidget(window.plan_page)
    assert not window.detail_dock.isVisible()
    window.detail_dock.toggleViewAction().trigger()
    assert window.detail_dock.isVisible()


def test_a_window_left_on_the_second_monitor_stays_there(tmp_path):
    """Two screens (a laptop and a monitor to its right): the remembered place on the monitor is
    kept, not pulled back onto the laptop."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1},
        {"name": "monitor", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    script = (
        "from PySide6.QtCore import QRect\n"
        "from renja_desktop.gui.app import create_app\n"
        "app = create_app([], lang='id')\n"
        "from renja_desktop.gui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); w.setGeometry(QRect(1500, 100, 1500, 900)); app.processEvents(); w.close()\n"
        "v = MainWindow(); v.show(); app.processEvents()\n"
        "g = v.frameGeometry(); print(g.x(), g.y(), g.width(), g.height())\n")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                         check=True).stdout.split()
    x, y, width, height = map(int, out[-4:])
    assert x >= 1366 and width > 1366 and QRect(1366, 0, 1920, 1080).contains(QRect(x, y, width, height))
