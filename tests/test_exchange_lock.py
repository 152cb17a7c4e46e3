"""Sidecar locks and the local working copy of files opened from a flash disk or a share."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from exchange_util import small_document, state

from renja_desktop import paths
from renja_desktop.exchange import location
from renja_desktop.exchange.errors import CopyConflict
from renja_desktop.exchange.lock import FileLocked, LockInfo, acquire, lock_path, read_lock
from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.exchange.workspace import open_for_editing, origin_of
from renja_desktop.service import EditError, RenjaDocument


@pytest.fixture
def doc_path(tmp_path):
    return small_document(tmp_path / "renja.sqlite")


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_lock(path, **fields):
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    info = {"host": "PC-KEUANGAN", "user": "budi", "pid": 4242, "since": now, "refreshed": now,
            "token": "abc", **fields}
    lock_path(path).write_text(json.dumps(info), encoding="utf-8")


def test_second_opener_is_told_who_and_since_when(doc_path):
    lock = acquire(doc_path)
    with pytest.raises(FileLocked) as info:
        acquire(doc_path)
    err = info.value
    assert not err.stale
    assert "sedang dibuka oleh" in str(err) and err.info.host in str(err) and "sejak" in str(err)
    assert "hanya-baca" in str(err)
    lock.release()
    assert not lock_path(doc_path).exists()
    acquire(doc_path).release()


def test_lock_from_another_pc_that_is_alive(doc_path):
    write_lock(doc_path)
    with pytest.raises(FileLocked) as info:
        acquire(doc_path)
    assert not info.value.stale
    assert "budi di komputer PC-KEUANGAN" in str(info.value)


def test_stale_lock_after_a_crash_on_this_pc(doc_path):
    from renja_desktop.exchange.lock import host_name

    write_lock(doc_path, host=host_name(), pid=dead_pid())
    with pytest.raises(FileLocked) as info:
        acquire(doc_path)
    assert info.value.stale
    assert "sudah tertutup" in str(info.value) and "diambil alih" in str(info.value)
    lock = acquire(doc_path, takeover=True)
    assert read_lock(doc_path).token == lock.info.token
    lock.release()
    assert not lock_path(doc_path).exists()


def test_stale_lock_from_another_pc_by_age(doc_path):
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat(timespec="seconds")
    write_lock(doc_path, since=old, refreshed=old)
    with pytest.raises(FileLocked) as info:
        acquire(doc_path)
    assert info.value.stale


def test_unreadable_lock_file(doc_path):
    lock_path(doc_path).write_bytes(b"\x00\x01garbage")
    with pytest.raises(FileLocked) as info:
        acquire(doc_path)
    assert info.value.info is None and "tidak terbaca" in str(info.value)


def test_release_never_removes_someone_elses_lock(doc_path):
    mine = acquire(doc_path)
    other = acquire(doc_path, takeover=True)  # another instance took it over
    mine.release()
    assert read_lock(doc_path).token == other.info.token
    assert not mine.refresh()
    assert other.refresh()
    other.release()


def test_lock_is_a_sidecar_not_a_row(doc_path):
    before = content_hash_of(doc_path)
    lock = acquire(doc_path)
    assert content_hash_of(doc_path) == before
    lock.release()


def test_open_local_file_locks_and_offers_read_only(doc_path):
    doc, session = open_for_editing(doc_path)
    try:
        assert session.origin is None and session.working == doc_path
        with pytest.raises(FileLocked):
            open_for_editing(doc_path)
        before = state(doc_path)
        ro, ro_session = open_for_editing(doc_path, readonly=True)
        with pytest.raises(EditError):
            ro.set_document(judul="X")
        ro.close()
        ro_session.close()
        assert state(doc_path) == before
    finally:
        doc.close()
        session.close()
    assert not lock_path(doc_path).exists()


def test_take_over_a_stale_lock_when_opening(doc_path):
    from renja_desktop.exchange.lock import host_name

    write_lock(doc_path, host=host_name(), pid=dead_pid())
    with pytest.raises(FileLocked) as info:
        open_for_editing(doc_path)
    assert info.value.stale
    doc, session = open_for_editing(doc_path, takeover=True)
    doc.set_document(judul="RENJA")
    doc.close()
    session.close()


@pytest.fixture
def usb(tmp_path, monkeypatch):
    folder = tmp_path / "media" / "FLASHDISK"
    folder.mkdir(parents=True)
    monkeypatch.setenv("RENJA_DESKTOP_REMOVABLE", str(tmp_path / "media"))
    return folder


def test_location_override_and_linux_mounts(usb, tmp_path):
    assert location.classify(usb / "x.sqlite") == location.REMOVABLE
    assert location.classify(tmp_path / "lokal.sqlite") == location.LOCAL
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/budi/FLASH\\040DISK vfat rw 0 0\n"
                      "//server/renja /srv/bersama cifs rw 0 0\n", encoding="utf-8")
    from pathlib import Path

    assert location._classify_linux(Path("/media/budi/FLASH DISK/a.sqlite"), str(mounts)) == location.REMOVABLE
    assert location._classify_linux(Path("/srv/bersama/a.sqlite"), str(mounts)) == location.NETWORK
    assert location._classify_linux(Path("/home/budi/a.sqlite"), str(mounts)) == location.LOCAL
    location.set_classifier(lambda p: location.NETWORK)
    try:
        assert location.classify(tmp_path / "x") == location.NETWORK
    finally:
        location.set_classifier(None)


def test_file_on_flash_disk_is_edited_on_the_local_disk(usb, tmp_path):
    original = small_document(usb / "renja.sqlite")
    before = state(original)
    doc, session = open_for_editing(original)
    try:
        assert session.origin == original
        assert session.working.parent == paths.documents_dir()
        assert origin_of(session.working) == original
        doc.set_document(judul="RANWAL RENJA")
        assert state(original) == before  # nothing written on the flash disk while editing
        result = session.save_to_origin(doc)
        assert result.replaced
        assert content_hash_of(original) == content_hash_of(session.working)
        # a second save after more edits is allowed (the flash copy is an earlier version)
        doc.set_document(judul="RENJA AKHIR")
        session.save_to_origin(doc)
        with RenjaDocument.open(original, readonly=True) as back:
            assert back.info["judul"] == "RENJA AKHIR"
    finally:
        doc.close()
        session.close()


def test_flash_copy_changed_on_another_pc_is_not_overwritten(usb, tmp_path):
    original = small_document(usb / "renja.sqlite")
    doc, session = open_for_editing(original)
    try:
        session.save_to_origin(doc)
        # the flash disk goes to another PC (its own documents folder), is edited and saved back
        doc2, s2 = open_for_editing(original, documents_dir=tmp_path / "pc2")
        doc2.set_document(tempat="Binjai")
        s2.save_to_origin(doc2)
        doc2.close()
        s2.close()
        before = state(original)
        doc.set_document(judul="PERUBAHAN DI PC 1")
        with pytest.raises(CopyConflict):
            session.save_to_origin(doc)
        assert state(original) == before
    finally:
        doc.close()
        session.close()


def test_network_share_is_locked_at_its_origin(tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv("RENJA_DESKTOP_NETWORK", str(share))
    original = small_document(share / "renja.sqlite")
    doc, session = open_for_editing(original)
    try:
        assert lock_path(original).exists()
        # the second PC (another user) cannot take it for editing
        info = LockInfo.from_json(lock_path(original).read_text(encoding="utf-8"))
        info.host = "PC-LAIN"
        lock_path(original).write_text(info.to_json(), encoding="utf-8")
        with pytest.raises(FileLocked) as err:
            open_for_editing(original, documents_dir=tmp_path / "pc2")
        assert "sedang dibuka oleh" in str(err.value)
        ro, ro_session = open_for_editing(original, readonly=True)
        assert ro.readonly and ro_session.working != original
        ro.close()
        ro_session.close()
    finally:
        doc.close()
        session.close()


def test_reopening_keeps_a_changed_local_copy_as_backup(usb):
    original = small_document(usb / "renja.sqlite")
    doc, session = open_for_editing(original)
    doc.set_document(judul="BELUM DISIMPAN KE FLASH")
    doc.close()
    session.close()
    doc, session = open_for_editing(original)
    try:
        assert any("cadangan" in n for n in session.notes)
        assert doc.info["judul"] == ""
    finally:
        doc.close()
        session.close()


def test_conflict_on_save_merge_then_save(usb, tmp_path):
    """The whole flash-disk story: changed elsewhere -> compare -> choose -> merged -> saved back."""
    original = small_document(usb / "renja.sqlite")
    doc, session = open_for_editing(original)
    try:
        session.save_to_origin(doc)
        doc2, s2 = open_for_editing(original, documents_dir=tmp_path / "pc2")
        sid = next(n.id for n in doc2.plan.walk() if n.level == 5)
        doc2.set_plan(sid, pagu="9.000.000")
        doc2.set_document(tempat="Binjai")
        s2.save_to_origin(doc2)
        doc2.close()
        s2.close()
        doc.set_plan(sid, pagu="8.000.000")
        doc.set_document(judul="RENJA")
        with pytest.raises(CopyConflict):
            session.save_to_origin(doc)
        plan = session.plan_merge_with_origin()
        assert plan.three_way and [c.field for c in plan.conflicts] == ["pagu"]
        result = session.write_merged(plan, {plan.conflicts[0].key: "mine"})
        doc = session.adopt_merged(result.output, doc)
        assert doc.info["judul"] == "RENJA" and doc.info["tempat"] == "Binjai"
        assert doc.plan.nodes[sid].values["pagu"] == 8_000_000
        session.save_to_origin(doc)  # no conflict now
        assert content_hash_of(original) == content_hash_of(session.working)
    finally:
        doc.close()
        session.close()
