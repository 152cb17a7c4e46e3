"""``gui --sample`` and Berkas ▸ Buka contoh: one working copy of the sample, no pile-up."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from renja_desktop import cli
from renja_desktop.gui import main_window
from renja_desktop.paths import data_dir, documents_dir
from renja_desktop.sample import SAMPLE_NEW, SAMPLE_RENEWED, SAMPLE_REUSED, sample_copy


def _sqlite_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.sqlite")) if folder.exists() else []


def test_sample_copy_is_reused_until_edited(tmp_path):
    from renja_desktop.service import RenjaDocument

    folder = tmp_path / "contoh"
    path, outcome = sample_copy(folder, "Contoh")
    assert outcome == SAMPLE_NEW
    again, outcome = sample_copy(folder, "Contoh")
    assert (again, outcome) == (path, SAMPLE_REUSED)
    with RenjaDocument.open(path) as doc:   # the user edits the sample
        doc.set_document(opd="Dinas Uji")
    fresh, outcome = sample_copy(folder, "Contoh")
    assert (fresh, outcome) == (path, SAMPLE_RENEWED)
    with RenjaDocument.open(fresh, readonly=True) as doc:
        assert doc.info["opd"] != "Dinas Uji"
    with RenjaDocument.open(folder / "Contoh (diubah).sqlite", readonly=True) as doc:
        assert doc.info["opd"] == "Dinas Uji"  # the edited copy is kept, once
    assert sample_copy(folder, "Contoh")[1] == SAMPLE_REUSED
    assert _sqlite_files(folder) == ["Contoh (diubah).sqlite", "Contoh.sqlite"]


def test_gui_sample_three_times_one_file(qtbot, monkeypatch):
    opened = []

    def fake_exec(*_a):
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, main_window.MainWindow) and w.isVisible())
        opened.append(window.doc.path)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    for _ in range(3):
        assert cli.main(["gui", "--sample"]) == 0
    assert len(set(opened)) == 1 and opened[0].exists()
    assert not any("Contoh" in name for name in _sqlite_files(documents_dir()))
    assert _sqlite_files(data_dir()) == [opened[0].name]
    assert str(opened[0]).startswith(os.environ["RENJA_DESKTOP_DATA_DIR"])


def test_open_sample_twice_in_one_window(window):
    assert window.ctl.open_sample()
    path = window.doc.path
    assert window.ctl.open_sample()           # already open: stays open, nothing rebuilt
    assert window.doc.path == path
    assert "sudah terbuka" in window.statusBar().currentMessage()
