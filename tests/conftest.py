import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """Backups, logs and working copies go to a temporary folder, never the real user folder."""
    monkeypatch.setenv("RENJA_DESKTOP_DATA_DIR", str(tmp_path / "userdata"))
    from renja_desktop import i18n

    i18n.set_language("id")   # core messages start Indonesian whatever an earlier test chose
    yield


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The main window on a small Binjai-shaped document (tests/gui_support.py), confirmations
    answered yes. GUI test modules use it; Qt is imported only when a test asks for it."""
    from gui_support import build_small_document
    from renja_desktop.gui import texts
    from renja_desktop.gui.main_window import MainWindow

    path = tmp_path / "binjai.sqlite"
    build_small_document(path).close()
    monkeypatch.setattr(texts, "ask_yes_no", lambda *a, **k: True)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    assert w.open_document(path)
    yield w
    w.close()
