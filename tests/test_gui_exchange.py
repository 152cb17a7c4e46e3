"""The flash-drive exchange from the main window (pytest-qt, offscreen): a file on a (simulated)
flash disk is worked on locally and saved back, locks, a changed flash copy merged, compare and
merge with another copy, backups, consolidation, rescue of a damaged file, start-up clean-up."""
from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone

import pytest
from PySide6.QtWidgets import QApplication

from exchange_util import file_bytes_hash, small_document, state
from renja_desktop import paths
from renja_desktop.exchange import backups, fsutil
from renja_desktop.exchange.lock import acquire, lock_path
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.gui import exchange_dialogs, main_window, texts
from renja_desktop.gui.main_window import MainWindow
from renja_desktop.gui.session import SessionController
from renja_desktop.service import RenjaDocument


@pytest.fixture
def dialogs(monkeypatch):
    """Every message box answered without showing it; what they said is recorded."""
    said = {"errors": [], "infos": [], "questions": []}
    answers = []
    monkeypatch.setattr(texts, "show_error", lambda _p, title, text, informative="": said["errors"].append(
        (title, text, informative)))
    monkeypatch.setattr(texts, "show_info", lambda _p, title, text, informative="": said["infos"].append(
        (title, text, informative)))

    def ask(_p, title, text, informative="", default_yes=False):
        said["questions"].append((title, text, informative))
        return answers.pop(0) if answers else True

    monkeypatch.setattr(texts, "ask_yes_no", ask)
    said["answers"] = answers
    return said


@pytest.fixture
def usb(tmp_path, monkeypatch):
    """A folder the location classifier takes for a flash disk."""
    folder = tmp_path / "E"
    folder.mkdir()
    monkeypatch.setenv("RENJA_DESKTOP_REMOVABLE", str(folder))
    return folder


@pytest.fixture
def window(qtbot, dialogs, monkeypatch):
    w = MainWindow()
    # closing with changes not yet on the flash disk asks; the answers a test queues, else "discard"
    dialogs["close_answers"] = []
    dialogs["close_asked"] = 0

    def ask_close():
        dialogs["close_asked"] += 1
        return dialogs["close_answers"].pop(0) if dialogs["close_answers"] else "discard"

    monkeypatch.setattr(w.ctl, "ask_save_before_close", ask_close)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    yield w
    w.close()


def flash_copy(tmp_path, usb, name="Renja.sqlite"):
    """A Renja saved to the flash disk from a PC's working file (as the app does)."""
    (tmp_path / "pc1").mkdir(exist_ok=True)
    work = small_document(tmp_path / "pc1" / name)
    target = usb / name
    save_copy(work, target)
    return target


def subs(doc):
    return [n for n in doc.plan.walk() if n.level == 5]


def pagu_of(path, index):
    with RenjaDocument.open(path, readonly=True) as doc:
        return subs(doc)[index].values["pagu"], subs(doc)[index].values.get("lokasi")


def other_pc_edits(tmp_path, origin, **changes):
    """Another PC takes the flash copy, edits it, and saves it back (safe copy both ways)."""
    other = tmp_path / "pc2" / origin.name
    other.parent.mkdir(exist_ok=True)
    save_copy(origin, other)
    with RenjaDocument.open(other) as doc:
        leaves = subs(doc)
        for index, values in changes.items():
            doc.set_plan(leaves[int(index[1:])].id, **values)
    save_copy(other, origin)
    return other


# ---------------------------------------------------------------------------- flash disk round trip
def test_flash_disk_file_is_worked_on_locally_and_saved_back(window, tmp_path, usb, dialogs):
    origin = flash_copy(tmp_path, usb)
    before = file_bytes_hash(origin)
    assert window.open_document(origin)
    working = window.doc.path
    assert working.parent == paths.documents_dir() and working != origin
    assert window.session.origin == origin
    assert lock_path(working).exists()
    assert str(origin) in window.windowTitle() and "dari flash disk" in window.windowTitle()
    assert str(origin) in window.origin_label.text()
    assert window.actions_["save_origin"].isEnabled()
    assert dialogs["errors"] == [] and dialogs["infos"] == []

    leaf = subs(window.doc)[0].id
    assert window.editor.set_plan(leaf, pagu="7.500.000") is None
    assert "belum disimpan ke flash disk" in window.windowTitle()
    assert file_bytes_hash(origin) == before   # nothing written to the flash disk yet

    window.actions_["save_origin"].trigger()
    assert dialogs["errors"] == []
    assert pagu_of(origin, 0)[0] == 7_500_000
    assert content_hash_of(origin) == content_hash_of(working)
    assert "belum disimpan" not in window.windowTitle()
    assert "Tersimpan ke flash disk" in window.statusBar().currentMessage()

    window.close()
    assert not lock_path(working).exists()


def test_local_file_has_no_save_to_flash_disk_and_is_locked_until_closed(window, tmp_path):
    path = small_document(tmp_path / "lokal.sqlite")
    assert window.open_document(path)
    assert window.doc.path == path
    assert not window.actions_["save_origin"].isEnabled()
    assert lock_path(path).exists()
    assert window.lock_timer.isActive()
    assert window.lock_timer.interval() == 300 * 1000
    assert window.ctl.refresh_locks()
    assert window.close_document()
    assert not lock_path(path).exists()
    assert not window.lock_timer.isActive()
    # reopening the open file does not lock it against itself
    assert window.open_document(path)
    assert window.open_document(path)
    assert window.doc.path == path


def test_drive_removed_before_saving_is_explained_and_work_is_kept(window, tmp_path, usb, dialogs):
    origin = flash_copy(tmp_path, usb)
    assert window.open_document(origin)
    working = window.doc.path
    window.editor.set_plan(subs(window.doc)[1].id, pagu="4.000.000")
    kept = content_hash_of(working)
    shutil.move(str(usb), str(tmp_path / "dicabut"))
    assert not window.ctl.save_to_origin()
    title, text, informative = dialogs["errors"][-1]
    assert "flash disk" in title and "dicabut" in text and "tetap aman" in informative
    assert content_hash_of(working) == kept
    assert "belum disimpan ke flash disk" in window.windowTitle()


def test_closing_with_changes_not_on_the_flash_disk_asks_first(window, tmp_path, usb, dialogs):
    origin = flash_copy(tmp_path, usb)
    assert window.open_document(origin)
    working = window.doc.path
    assert window.close_document() and dialogs["close_asked"] == 0   # nothing to save: no question
    assert window.open_document(origin)
    window.editor.set_plan(subs(window.doc)[2].id, pagu="6.600.000")
    before = state(origin)
    # the real question: Simpan / Jangan simpan / Batal, in Indonesian
    from PySide6.QtWidgets import QMessageBox

    boxes = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "exec", lambda box: boxes.append(
            (box.text(), sorted(b.text() for b in box.buttons()))) or QMessageBox.StandardButton.Cancel)
        assert SessionController.ask_save_before_close(window.ctl) == "cancel"  # the real one, not the fixture's
    assert "belum disimpan ke flash disk" in boxes[0][0]
    assert boxes[0][1] == ["Batal", "Jangan simpan", "Simpan"]
    dialogs["close_answers"] += ["cancel", "cancel", "save"]
    assert not window.close_document()                # Batal: still open, nothing written
    assert window.doc is not None and state(origin) == before
    window.close()                                    # closing the window: asked, and it stays
    assert window.isVisible() and window.doc is not None
    assert window.close_document()                    # Simpan: written to the flash disk, then closed
    assert window.doc is None and dialogs["close_asked"] == 3
    assert pagu_of(origin, 2)[0] == 6_600_000
    assert not lock_path(working).exists()


def test_network_share_is_locked_at_its_origin_too(window, tmp_path, monkeypatch):
    share = tmp_path / "server" / "renja"
    share.mkdir(parents=True)
    monkeypatch.setenv("RENJA_DESKTOP_NETWORK", str(tmp_path / "server"))
    (tmp_path / "pc1").mkdir()
    origin = share / "Renja.sqlite"
    save_copy(small_document(tmp_path / "pc1" / "Renja.sqlite"), origin)
    assert window.open_document(origin)
    assert window.doc.path != origin and lock_path(origin).exists() and lock_path(window.doc.path).exists()
    assert "folder jaringan" in window.windowTitle()
    assert window.actions_["save_origin"].text() == "Simpan ke &folder jaringan"
    window.editor.set_plan(subs(window.doc)[0].id, pagu="2.500.000")
    assert window.ctl.save_to_origin()
    assert pagu_of(origin, 0)[0] == 2_500_000
    working = window.doc.path
    assert window.close_document()
    assert not lock_path(origin).exists() and not lock_path(working).exists()


# ---------------------------------------------------------------------------- locks
def foreign_lock(path, host="PC-BAPPEDA", user="sari"):
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    info = {"host": host, "user": user, "pid": 4242, "since": now, "refreshed": now, "token": "lain"}
    lock_path(path).write_text(json.dumps(info), encoding="utf-8")
    return lock_path(path).read_bytes()


def test_locked_file_offers_read_only(window, tmp_path, monkeypatch):
    first = small_document(tmp_path / "pertama.sqlite")
    assert window.open_document(first)
    path = small_document(tmp_path / "dikunci.sqlite")
    held = foreign_lock(path)
    asked = []
    answers = [None, exchange_dialogs.READONLY]
    monkeypatch.setattr(exchange_dialogs, "ask_locked", lambda _p, err: asked.append(err) or answers.pop(0))
    # Batal: the document already open stays open
    assert not window.open_document(path)
    assert window.doc.path == first and not window.doc.readonly
    assert asked[-1].info.user == "sari" and asked[-1].info.host == "PC-BAPPEDA"
    # Buka hanya-baca
    assert window.open_document(path)
    assert window.doc.path == path and window.doc.readonly
    assert "(hanya baca)" in window.windowTitle()
    assert not window.actions_["import"].isEnabled() and not window.actions_["save_origin"].isEnabled()
    assert lock_path(path).read_bytes() == held     # the other PC's lock is left alone
    assert not lock_path(first).exists()            # the first document was closed, its lock released
    window.close()
    assert lock_path(path).read_bytes() == held


def test_locked_file_can_be_taken_over_and_a_lost_lock_is_reported(window, tmp_path, monkeypatch, dialogs):
    path = small_document(tmp_path / "dikunci.sqlite")
    foreign_lock(path)
    monkeypatch.setattr(exchange_dialogs, "ask_locked", lambda _p, err: exchange_dialogs.TAKEOVER)
    assert window.open_document(path)
    assert not window.doc.readonly
    assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()
    # someone takes it over in turn: the next refresh tells the user (once)
    theirs = acquire(path, takeover=True)
    assert not window.ctl.refresh_locks()
    assert not window.ctl.refresh_locks()
    lost = [e for e in dialogs["errors"] if "diambil alih" in e[1]]
    assert len(lost) == 1
    window.close()
    assert lock_path(path).exists()   # theirs, not removed by us
    theirs.release()


# ---------------------------------------------------------------------------- a changed flash copy
def test_changed_flash_copy_is_merged_and_the_result_saved(window, tmp_path, usb, monkeypatch, dialogs):
    origin = flash_copy(tmp_path, usb)
    assert window.open_document(origin)
    working = window.doc.path
    leaves = subs(window.doc)
    window.editor.set_plan(leaves[0].id, pagu="11.000.000")    # both change this one
    window.editor.set_plan(leaves[1].id, lokasi="Binjai Utara")  # only here
    other_pc_edits(tmp_path, origin, s0={"pagu": "12.000.000"}, s3={"pagu": "9.000.000"})
    theirs_before = state(origin)

    shown = {}

    def merge_exec(dialog):
        shown["conflicts"] = [(c.field, c.mine, c.theirs) for c in dialog.plan.conflicts]
        for c in dialog.plan.conflicts:
            dialog.choose(c.key, exchange_dialogs.THEIRS)
        assert dialog.merge_button.isEnabled()
        dialog.merge_button.click()
        return dialog.result is not None

    monkeypatch.setattr(exchange_dialogs.MergeDialog, "exec", merge_exec)
    window.actions_["save_origin"].trigger()
    assert any("sudah berubah" in q[0] for q in dialogs["questions"])
    assert len(shown["conflicts"]) == 1 and shown["conflicts"][0][0] == "pagu"
    assert dialogs["errors"] == []
    # the merged document is open in the window, with a fresh undo history
    assert window.doc.path == working and window.session.origin == origin
    assert window.stack.count() == 0
    values = {n.kode: n.values for n in subs(window.doc)}
    kodes = [n.kode for n in subs(window.doc)]
    assert values[kodes[0]]["pagu"] == 12_000_000            # their side chosen for the conflict
    assert values[kodes[1]]["lokasi"] == "Binjai Utara"       # mine kept
    assert values[kodes[3]]["pagu"] == 9_000_000              # theirs applied automatically
    assert window.total_label.text().endswith(
        __import__("renja_desktop.formatting", fromlist=["x"]).format_rupiah(window.doc.plan.totals[0]))
    # and saved to the flash disk
    assert state(origin) != theirs_before
    assert content_hash_of(origin) == content_hash_of(working)
    assert pagu_of(origin, 3)[0] == 9_000_000 and pagu_of(origin, 1)[1] == "Binjai Utara"
    assert "belum disimpan" not in window.windowTitle()
    assert not list(working.parent.glob("*gabungan*"))
    assert lock_path(working).exists()


def test_refusing_the_merge_leaves_the_flash_copy_alone(window, tmp_path, usb, dialogs):
    origin = flash_copy(tmp_path, usb)
    assert window.open_document(origin)
    window.editor.set_plan(subs(window.doc)[0].id, pagu="11.000.000")
    other_pc_edits(tmp_path, origin, s2={"pagu": "5.000.000"})
    before = state(origin)
    dialogs["answers"].append(False)
    assert not window.ctl.save_to_origin()
    assert state(origin) == before
    assert "belum disimpan ke flash disk" in window.windowTitle()


# ---------------------------------------------------------------------------- compare / merge with a copy
def test_compare_and_merge_with_another_copy_writes_a_new_file(window, tmp_path, monkeypatch, dialogs):
    path = small_document(tmp_path / "renja.sqlite")
    other = tmp_path / "kiriman" / "renja.sqlite"
    other.parent.mkdir()
    save_copy(path, other)
    with RenjaDocument.open(other) as doc:
        doc.set_plan(subs(doc)[2].id, pagu="8.800.000")
    assert window.open_document(path)
    window.editor.set_plan(subs(window.doc)[4].id, lokasi="Binjai Timur")
    before = (file_bytes_hash(path), state(other))
    out = tmp_path / "hasil gabungan.sqlite"
    monkeypatch.setattr(window.ctl, "ask_open_path", lambda *a: other)
    monkeypatch.setattr(window.ctl, "ask_save_path", lambda *a: out)
    seen = {}

    def merge_exec(dialog):
        seen["changes"] = len(dialog.plan.changes)
        seen["conflicts"] = len(dialog.plan.conflicts)
        dialog.merge_button.click()
        return 1

    monkeypatch.setattr(exchange_dialogs.MergeDialog, "exec", merge_exec)
    window.actions_["compare"].trigger()
    assert seen == {"changes": 2, "conflicts": 0}
    assert (file_bytes_hash(path), state(other)) == before   # both inputs untouched
    assert window.doc.path == out                              # offered and opened
    leaves = subs(window.doc)
    assert leaves[2].values["pagu"] == 8_800_000 and leaves[4].values["lokasi"] == "Binjai Timur"
    assert not lock_path(path).exists()


def test_compare_with_another_document_is_refused_clearly(window, tmp_path, monkeypatch, dialogs):
    path = small_document(tmp_path / "a.sqlite")
    stranger = small_document(tmp_path / "b.sqlite")
    assert window.open_document(path)
    assert not window.ctl.compare_with_copy(stranger)
    assert "bukan salinan dokumen yang sama" in dialogs["errors"][-1][1]


# ---------------------------------------------------------------------------- backups, consolidation
def test_backups_dialog_opens_for_the_document_and_a_restore_can_be_opened(window, tmp_path, monkeypatch):
    path = small_document(tmp_path / "renja.sqlite")
    backups.take_backup(path, "sebelum-impor")
    assert window.open_document(path)
    restored = tmp_path / "dipulihkan.sqlite"
    seen = {}

    def backups_exec(dialog):
        seen["path"] = dialog.document_path
        seen["entries"] = len(dialog.entries)
        assert dialog.restore_selected(restored)
        return 0

    monkeypatch.setattr(exchange_dialogs.BackupsDialog, "exec", backups_exec)
    window.actions_["backups"].trigger()
    assert seen["path"] == path and seen["entries"] >= 1
    assert window.doc.path == restored


def test_consolidation_dialog_and_its_result_opens_read_only(window, tmp_path, monkeypatch, dialogs):
    a = small_document(tmp_path / "kesbangpol.sqlite")
    b = tmp_path / "dinas.sqlite"
    doc = RenjaDocument.create(b, tahun=2024, pemda="Kota Binjai", opd="Dinas Pendidikan", opd_singkat="Disdik")
    with doc.batch():
        u = doc.add_plan_row(None, "1", "URUSAN PEMERINTAHAN WAJIB PELAYANAN DASAR")
        bid = doc.add_plan_row(u, "1.01", "PENDIDIKAN")
        p = doc.add_plan_row(bid, "1.01.01", "PROGRAM PENUNJANG")
        k = doc.add_plan_row(p, "1.01.01.2.01", "Perencanaan")
        doc.add_plan_row(k, "1.01.01.2.01.0001", "Penyusunan dokumen", pagu="3.000.000")
    doc.close()
    out = tmp_path / "RKPD 2024.sqlite"

    def consolidate_exec(dialog):
        dialog.add_file(a)
        dialog.add_file(b)
        dialog.output.setText(str(out))
        dialog.run()
        return 0

    monkeypatch.setattr(exchange_dialogs.ConsolidateDialog, "exec", consolidate_exec)
    assert window.actions_["consolidate"].isEnabled()   # no document needed
    window.actions_["consolidate"].trigger()
    assert window.doc is not None and window.doc.path == out
    assert window.doc.readonly and "(hanya baca)" in window.windowTitle()
    assert window.doc.plan.totals[0] == 12_000_000 + 3_000_000
    assert any("gabungan" in " ".join(i) for i in dialogs["infos"])   # the session's note is shown


# ---------------------------------------------------------------------------- damaged files
def test_damaged_file_is_offered_recovery_into_a_new_file(window, tmp_path, monkeypatch, dialogs):
    path = small_document(tmp_path / "rusak.sqlite")
    data = bytearray(path.read_bytes())
    at = data.find(b"Sub kegiatan 2.2")
    page_size = int.from_bytes(data[16:18], "big")
    page = at // page_size
    assert page > 0
    data[page * page_size:page * page_size + 8] = b"\x00" * 8
    path.write_bytes(bytes(data))
    before = file_bytes_hash(path)
    out = tmp_path / "selamat.sqlite"
    monkeypatch.setattr(window.ctl, "ask_save_path", lambda *a: out)
    assert not window.open_document(path)
    title, text, _ = dialogs["questions"][0]
    assert "rusak" in text
    report = dialogs["questions"][1][2]
    assert "terselamatkan" in report
    assert file_bytes_hash(path) == before             # never written to
    assert window.doc is not None and window.doc.path == out
    assert not lock_path(path).exists()


def test_recover_menu_item_never_writes_over_the_damaged_file(window, tmp_path, monkeypatch, dialogs):
    path = small_document(tmp_path / "rusak.sqlite")
    path.write_bytes(path.read_bytes()[:3000])
    before = file_bytes_hash(path)
    monkeypatch.setattr(window.ctl, "ask_open_path", lambda *a: path)
    monkeypatch.setattr(window.ctl, "ask_save_path", lambda *a: path)
    window.actions_["recover"].trigger()
    assert "berkas baru" in dialogs["errors"][-1][1]
    assert file_bytes_hash(path) == before


# ---------------------------------------------------------------------------- start-up
def test_app_start_cleans_leftover_temporary_files(qtbot, tmp_path, monkeypatch):
    from renja_desktop import cli

    leftover = paths.documents_dir() / f".Renja.sqlite.ab12{fsutil.TMP_SUFFIX}"
    leftover.write_bytes(b"setengah salinan")
    os.utime(leftover, (1, 1))
    path = small_document(tmp_path / "renja.sqlite")
    seen = {}

    def fake_exec(*_a):
        w = next(w for w in QApplication.topLevelWidgets() if isinstance(w, main_window.MainWindow) and w.isVisible())
        seen["locked"] = lock_path(path).exists()
        w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert cli.main(["gui", str(path)]) == 0
    assert not leftover.exists()
    assert seen["locked"] and not lock_path(path).exists()
