"""``renja-desktop gui [FILE] [--sample]``."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from gui_support import build_small_document
from renja_desktop import cli
from renja_desktop.gui import main_window


def _run(monkeypatch, argv):
    opened = {}

    def fake_exec(*_a):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, main_window.MainWindow)
                      and w.isVisible())
        opened["doc"] = window.doc
        opened["path"] = window.doc.path if window.doc else None
        opened["rows"] = len(window.doc.plan.nodes) if window.doc else 0
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    status = cli.main(argv)
    return status, opened


def test_gui_opens_a_file(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "binjai.sqlite"
    build_small_document(path).close()
    status, opened = _run(monkeypatch, ["gui", str(path)])
    assert status == 0
    assert opened["path"] == path and opened["rows"] == 11


def test_gui_sample_opens_a_fresh_copy(qtbot, monkeypatch):
    status, opened = _run(monkeypatch, ["gui", "--sample"])
    assert status == 0
    assert opened["path"].exists() and opened["rows"] > 40
    assert "Contoh" in opened["path"].name


def test_gui_refuses_a_missing_file(tmp_path, capsys):
    status = cli.main(["gui", str(tmp_path / "tidak-ada.sqlite")])
    assert status == cli.EXIT_USAGE
    assert "tidak ditemukan" in capsys.readouterr().err
    status = cli.main(["gui", str(tmp_path / "a.sqlite"), "--sample"])
    assert status == cli.EXIT_USAGE
