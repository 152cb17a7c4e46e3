"""The command line and the window give the same document for the same input: each case is run
through ``renja-desktop`` on one copy and through the window's widgets on another, and the
resulting plan tree (``tree --json``) and Tabel 2.1 (``eval --json``) are compared."""
from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import Qt

from gui_support import build_small_document, ids_by_kode
from renja_desktop.cli import main
from renja_desktop.cli_tables import _eval_record
from renja_desktop.gui import dialogs, texts

LEAF = "8.01.01.2.01.0001"


def strip(records: list[dict]) -> list[dict]:
    """Rows without their ids (rows added on each side get their own)."""
    return [{k: v for k, v in r.items() if k not in ("id", "parent_id")} for r in records]


def cli(capsys, *args) -> str:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.fixture
def pair(qtbot, tmp_path, monkeypatch, capsys):
    """(CLI file, window) on two copies of the same small document."""
    from renja_desktop.gui.main_window import MainWindow

    a = tmp_path / "cli.sqlite"
    build_small_document(a).close()
    b = tmp_path / "gui.sqlite"
    shutil.copy(a, b)
    monkeypatch.setattr(texts, "ask_yes_no", lambda *x, **k: True)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    assert w.open_document(b)
    yield a, w
    w.close()


def same(capsys, path, window) -> None:
    tree = json.loads(cli(capsys, "tree", path, "--json"))
    assert strip(tree) == strip(json.loads(json.dumps(window.doc.plan_records(), default=str)))
    rows = json.loads(cli(capsys, "eval", path, "--json"))
    mine = [_eval_record(i, n, window.doc.evaluation.values_of(n.id))
            for i, n in enumerate(window.doc.evaluation.walk(), start=1)]
    assert strip(rows) == strip(json.loads(json.dumps(mine, default=str)))


def set_cell(page, row_id: str, key: str, text: str) -> None:
    """What the view does when a cell's editor is committed."""
    idx = page.view_index(row_id, key)
    assert page.view.model().setData(idx, text, Qt.ItemDataRole.EditRole)


def accept_add_dialog(monkeypatch, nama: str, pagu: str = "") -> list[str]:
    """Answer the Add-row dialog as a user who keeps the proposed code."""
    proposed = []

    def exec_(self):
        proposed.append(self.kode.text())
        self.nama.setText(nama)
        if self.pagu is not None:
            self.pagu.setText(pagu)
        self._accept()
        return 1

    monkeypatch.setattr(dialogs.AddRowDialog, "exec", exec_)
    return proposed


def test_funding_text(pair, capsys):
    path, window = pair
    cli(capsys, "set", path, LEAF, "sumber_dana", "DAU=1.000.000; PAD=500.000")
    set_cell(window.plan_page, ids_by_kode(window.doc)[LEAF], "sumber_dana", "DAU=1.000.000; PAD=500.000")
    same(capsys, path, window)
    sources = window.doc.sumber_dana[ids_by_kode(window.doc)[LEAF]]
    assert [(s["nama"], s["jumlah"]) for s in sources] == [("DAU", 1_000_000), ("PAD", 500_000)]


def test_pagu_and_name_typed(pair, capsys):
    path, window = pair
    cli(capsys, "set", path, LEAF, "pagu", "1.500.000")
    cli(capsys, "set", path, LEAF, "nama", "Nama baru")
    row = ids_by_kode(window.doc)[LEAF]
    set_cell(window.plan_page, row, "pagu", "1.500.000")
    set_cell(window.plan_page, row, "nama", "Nama baru")
    same(capsys, path, window)


def test_emptied_first_indicator(pair, capsys):
    path, window = pair
    for key in ("indikator", "target", "satuan", "target_n1"):
        cli(capsys, "set", path, LEAF, key, "")
    row = ids_by_kode(window.doc)[LEAF]
    for key in ("indikator", "target", "satuan"):
        set_cell(window.plan_page, row, key, "")
    assert window.editor.set_plan(row, target_n1="") is None   # the detail panel's field
    same(capsys, path, window)
    assert not window.doc.indikator.get(row)


def test_add_with_next_code(pair, capsys, monkeypatch):
    path, window = pair
    cli(capsys, "add", path, "8.01.02.2.01", "Sub kegiatan baru", "--next", "--pagu", "5.000.000")
    proposed = accept_add_dialog(monkeypatch, "Sub kegiatan baru", "5.000.000")
    page = window.plan_page
    assert page.select_row(ids_by_kode(window.doc)["8.01.02.2.01"])
    assert page.add_child()
    assert proposed == ["8.01.02.2.01.0009"]
    same(capsys, path, window)


def test_move_into_another_program(pair, capsys):
    path, window = pair
    cli(capsys, "move", path, "8.01.01.2.02", "--to", "8.01.02", "--position", "1")
    model = window.plan_page.model
    ids = ids_by_kode(window.doc)
    data = model.mimeData([model.index_of(ids["8.01.01.2.02"], 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(ids["8.01.02"], 0))
    same(capsys, path, window)
    assert "8.01.02.2.02" in ids_by_kode(window.doc)   # the code followed its new program


def test_eval_add_with_next_code(pair, capsys, monkeypatch):
    path, window = pair
    cli(capsys, "eval-add", path, "Kegiatan baru", "--parent", "#1", "--next", "--set", "satuan=Dokumen")
    proposed = accept_add_dialog(monkeypatch, "Kegiatan baru")
    page = window.eval_page
    first = next(iter(window.doc.evaluation.walk()))
    assert page.select_row(first.id)
    new_id = page.add_child()
    assert new_id and proposed == [window.doc.evaluation.nodes[new_id].kode]
    set_cell(page, new_id, "satuan", "Dokumen")
    same(capsys, path, window)


def test_cli_refuses_a_file_open_in_the_window(pair, capsys):
    _path, window = pair
    code = main(["set", str(window.doc.path), LEAF, "pagu", "1"])
    _out, err = capsys.readouterr()
    assert code == 2 and err.startswith("galat: ") and "dibuka" in err
