"""The exchange dialogs (pytest-qt): locked file, compare/merge with a choice per conflict,
backups and restore, consolidation."""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone

import pytest
from exchange_util import small_document, state

from renja_desktop.exchange import backups
from renja_desktop.exchange.lock import FileLocked, acquire, host_name, lock_path
from renja_desktop.exchange.merge import plan_merge, write_merge
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.gui.exchange_dialogs import (
    READONLY, TAKEOVER, BackupsDialog, ConsolidateDialog, LockedFileDialog, MergeDialog,
)
from renja_desktop.service import RenjaDocument


def locked_error(path, **fields):
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    info = {"host": "PC-BAPPEDA", "user": "sari", "pid": 99999, "since": now, "refreshed": now, "token": "x"}
    info.update(fields)
    lock_path(path).write_text(json.dumps(info), encoding="utf-8")
    with pytest.raises(FileLocked) as err:
        acquire(path)
    return err.value


def test_locked_file_dialog_offers_read_only(qtbot, tmp_path):
    doc = small_document(tmp_path / "renja.sqlite")
    dialog = LockedFileDialog(None, locked_error(doc))
    qtbot.addWidget(dialog)
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.advice)))
    assert "sari" in texts and "PC-BAPPEDA" in texts and "sejak" in texts
    assert dialog.readonly_button.isDefault()
    dialog.readonly_button.click()
    assert dialog.choice == READONLY


def test_locked_file_dialog_stale_lock_can_be_taken_over(qtbot, tmp_path):
    doc = small_document(tmp_path / "renja.sqlite")
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    dialog = LockedFileDialog(None, locked_error(doc, host=host_name(), pid=proc.pid))
    qtbot.addWidget(dialog)
    assert "sudah tertutup" in dialog.advice.text()
    assert dialog.takeover_button.isDefault()
    dialog.takeover_button.click()
    assert dialog.choice == TAKEOVER
    acquire(doc, takeover=True).release()


@pytest.fixture
def conflicting(tmp_path):
    work = small_document(tmp_path / "kerja.sqlite")
    usb = tmp_path / "usb.sqlite"
    save_copy(work, usb)
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    save_copy(usb, a)
    save_copy(usb, b)
    with RenjaDocument.open(a) as d:
        subs = [n.id for n in d.plan.walk() if n.level == 5]
        d.set_plan(subs[0], pagu="11.000.000")
        d.set_plan(subs[1], lokasi="Binjai Utara")
        d.set_document(judul="RENJA A")
    with RenjaDocument.open(b) as d:
        d.set_plan(subs[0], pagu="12.000.000")
        d.delete_plan_row(subs[2])
        d.set_document(judul="RENJA B")
    return a, b, subs


def test_merge_dialog_lists_changes_and_a_choice_per_conflict(qtbot, tmp_path, conflicting):
    a, b, subs = conflicting
    plan = plan_merge(a, b)
    out = tmp_path / "hasil.sqlite"
    dialog = MergeDialog(None, plan, mine_label="Komputer ini", theirs_label="Flash disk",
                         write=lambda p, r: write_merge(p, out, r))
    qtbot.addWidget(dialog)
    assert dialog.conflicts.rowCount() == 2  # pagu of the same row, and the title
    assert dialog.changes.topLevelItemCount() >= 2
    sides = {dialog.changes.topLevelItem(i).text(0) for i in range(dialog.changes.topLevelItemCount())}
    assert sides == {"Komputer ini", "Flash disk"}
    headers = [dialog.conflicts.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers[3:5] == ["Komputer ini", "Flash disk"]
    assert not dialog.merge_button.isEnabled()  # nothing chosen yet
    assert "2 belum dipilih" in dialog.summary.text()
    pagu = next(c for c in plan.conflicts if c.field == "pagu")
    judul = next(c for c in plan.conflicts if c.field == "judul")
    row = plan.conflicts.index(pagu)
    assert dialog.conflicts.item(row, 3).text() == "Rp 11.000.000"
    assert dialog.conflicts.item(row, 4).text() == "Rp 12.000.000"
    dialog.choose(pagu.key, "theirs")
    assert not dialog.merge_button.isEnabled()
    dialog.choose(judul.key, "mine")
    assert dialog.merge_button.isEnabled()
    before = state(a), state(b)
    dialog.merge_button.click()
    assert dialog.result is not None and out.exists()
    assert (state(a), state(b)) == before
    with RenjaDocument.open(out, readonly=True) as d:
        assert d.plan.nodes[subs[0]].values["pagu"] == 12_000_000
        assert d.plan.nodes[subs[1]].values["lokasi"] == "Binjai Utara"
        assert subs[2] not in d.plan.nodes
        assert d.info["judul"] == "RENJA A"


def test_merge_dialog_shows_a_write_failure_and_stays_open(qtbot, tmp_path, conflicting):
    a, b, _ = conflicting
    plan = plan_merge(a, b)
    taken = tmp_path / "sudah-ada.sqlite"
    taken.write_bytes(b"x")
    dialog = MergeDialog(None, plan, write=lambda p, r: write_merge(p, taken, r))
    qtbot.addWidget(dialog)
    dialog.choose_all("mine")
    dialog.merge_button.click()
    assert dialog.result is None and "sudah ada" in dialog.error.text()


def test_compare_only_view(qtbot, conflicting):
    a, b, _ = conflicting
    dialog = MergeDialog(None, plan_merge(a, b), compare_only=True)
    qtbot.addWidget(dialog)
    assert dialog.merge_button is None and dialog.windowTitle() == "Bandingkan salinan"
    assert not dialog._combos[next(iter(dialog._combos))].isEnabled()


def test_backups_dialog_restores_and_compares(qtbot, tmp_path):
    doc = small_document(tmp_path / "renja.sqlite")
    backups.take_backup(doc, "sebelum-gabung")
    with RenjaDocument.open(doc) as d:
        d.set_document(judul="SESUDAH CADANGAN")
    dialog = BackupsDialog(None, doc)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "sebelum penggabungan"
    out = tmp_path / "pulih.sqlite"
    assert dialog.restore_selected(out)
    assert "dipulihkan" in dialog.message.text()
    with RenjaDocument.open(out, readonly=True) as d:
        assert d.info["judul"] == ""
    assert not dialog.restore_selected(out)  # never over an existing file
    assert "sudah ada" in dialog.message.text()
    view = dialog.compare_selected()
    qtbot.addWidget(view)
    assert view.compare_only and view.conflicts.rowCount() == 1  # the title differs


def test_backups_dialog_without_backups(qtbot, tmp_path):
    doc = small_document(tmp_path / "baru.sqlite")
    dialog = BackupsDialog(None, doc)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and not dialog.empty.isHidden()


def test_consolidate_dialog(qtbot, tmp_path):
    one = small_document(tmp_path / "satu.sqlite")
    two = small_document(tmp_path / "dua.sqlite")
    dup = shutil.copyfile(one, tmp_path / "satu-salinan.sqlite")
    out = tmp_path / "rkpd.sqlite"
    dialog = ConsolidateDialog(None, files=[one, two, dup], output=out)
    qtbot.addWidget(dialog)
    dialog.run()
    assert not out.exists() and "id dokumen sama" in dialog.report.toPlainText()
    dialog.files.setCurrentRow(2)
    dialog.remove_selected()
    assert len(dialog.file_list()) == 2
    result = dialog.run()
    assert result.written and out.exists()
    assert "Per urusan" in dialog.report.toPlainText()
