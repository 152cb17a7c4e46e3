"""Issue 14 in the window: a change another process makes to the open file is noticed and shown
(the document reloads), and a damaged file is refused with one dialog and left untouched."""
from __future__ import annotations

import pytest
from exchange_util import small_document
from trust_util import cli

from renja_desktop.gui import texts
from renja_desktop.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch):
    said = {"errors": [], "infos": [], "asks": []}
    monkeypatch.setattr(texts, "ask_yes_no", lambda _p, title, text, informative="", default_yes=False:
                        said["asks"].append(text) and False)
    monkeypatch.setattr(texts, "show_error", lambda _p, title, text, informative="": said["errors"].append(text))
    monkeypatch.setattr(texts, "show_info", lambda _p, title, text, informative="": said["infos"].append(text))
    w = MainWindow()
    w.said = said
    monkeypatch.setattr(w.ctl, "ask_save_before_close", lambda: "discard")
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    yield w
    w.close()


def test_the_window_reloads_a_change_made_by_another_process(window, qtbot, tmp_path):
    path = small_document(tmp_path / "renja.sqlite")
    assert window.open_document(path)
    leaf = window.doc.plan_by_kode("8.01.01.2.01.0001")
    assert leaf.values["pagu"] == 1_000_000
    total_before = window.total_label.text()
    # the command line refuses while the window has the file, names who, and points at --force
    proc = cli("set", path, "8.01.01.2.01.0001", "pagu", "4.321.000")
    assert proc.returncode == 2 and "sedang dibuka oleh" in proc.stderr and "--force" in proc.stderr
    proc = cli("set", path, "8.01.01.2.01.0001", "pagu", "4.321.000", "--force")
    assert proc.returncode == 0, proc.stderr
    qtbot.waitUntil(lambda: window.doc.plan_by_kode("8.01.01.2.01.0001").values["pagu"] == 4_321_000,
                    timeout=10_000)
    assert window.total_label.text() != total_before and "4.321.000" not in total_before
    assert "diubah oleh program lain" in window.statusBar().currentMessage()
    assert not window.doc.history.can_undo  # the history no longer fits the file
    # the window's own edits go on from the fresh content
    node = window.doc.plan_by_kode("8.01.01.2.01.0002")
    assert window.editor.set_plan(node.id, pagu="2.500.000") is None
    assert window.said["errors"] == []


def test_a_file_with_a_damaged_row_is_refused_in_one_dialog_and_not_written(window, tmp_path):
    path = small_document(tmp_path / "renja.sqlite")
    data = bytearray(path.read_bytes())
    at = data.find("Sub kegiatan 1.2".encode())
    data[at + 1] ^= 0x20
    path.write_bytes(bytes(data))
    assert not window.open_document(path)  # one dialog: it names the row, offers to rescue the rest
    assert window.said["errors"] == [] and len(window.said["asks"]) == 1
    assert "tidak cocok dengan sidik barisnya" in window.said["asks"][0] and "8.01.01.2.01.0002" in window.said["asks"][0]
    assert "\n" not in window.said["asks"][0]
    assert path.read_bytes() == bytes(data)
