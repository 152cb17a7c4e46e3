"""Safe save-a-copy: verified, atomic, refuses to overwrite changes made elsewhere, clean failures."""
from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from exchange_util import file_bytes_hash, small_document, state, sub_kegiatan_ids

from renja_desktop import paths
from renja_desktop.cli import main as cli_main
from renja_desktop.exchange import backups, fsutil, safecopy
from renja_desktop.exchange.errors import CopyConflict, ExchangeError
from renja_desktop.exchange.sqlitefile import (
    KEY_TOKEN, connect_ro, content_hash_of, file_digest_status, lineage_tokens, read_meta,
)
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.service import RenjaDocument
from renja_desktop.storage import DocumentFileError, inspect_file


@pytest.fixture
def work(tmp_path):
    (tmp_path / "kerja").mkdir()
    w = small_document(tmp_path / "kerja" / "renja.sqlite")
    usb = tmp_path / "usb"
    usb.mkdir()
    return w, usb / "renja.sqlite"


def meta_of(path):
    conn = connect_ro(path)
    try:
        return read_meta(conn)
    finally:
        conn.close()


def edit(path, pagu="7.777.000"):
    with RenjaDocument.open(path) as doc:
        sid = next(n.id for n in doc.plan.walk() if n.level == 5)
        doc.set_plan(sid, pagu=pagu)


def no_temp_files(folder):
    return not list(folder.glob(f"*{fsutil.TMP_SUFFIX}")) and not list(folder.glob("*-journal"))


def test_copy_is_verified_and_records_its_version(work):
    w, t = work
    result = save_copy(w, t)
    inspect_file(t, deep=True)
    assert content_hash_of(t) == content_hash_of(w)
    assert file_digest_status(t) == "intact"
    tmeta, wmeta = meta_of(t), meta_of(w)
    assert tmeta[KEY_TOKEN] == result.token
    assert result.token in lineage_tokens(wmeta) and result.token in lineage_tokens(tmeta)
    assert no_temp_files(t.parent)
    # the copy opens as an ordinary document
    with RenjaDocument.open(t, readonly=True) as doc:
        assert doc.plan.totals[0] == (1 + 2 + 3) * 1_000_000 * 2


def test_second_copy_replaces_and_keeps_the_previous_version(work):
    w, t = work
    save_copy(w, t)
    old = state(t)
    edit(w)
    result = save_copy(w, t)
    assert content_hash_of(t) == content_hash_of(w)
    assert result.previous_backup is not None and result.previous_backup.parent == paths.backups_dir()
    assert state(result.previous_backup) == old


def test_target_changed_elsewhere_is_refused_with_a_merge_offer(work, tmp_path):
    w, t = work
    save_copy(w, t)
    # another PC takes the copy from the flash disk, edits it and saves it back
    other = tmp_path / "pc2" / "renja.sqlite"
    other.parent.mkdir()
    save_copy(t, other)
    edit(other, pagu="1.234.000")
    save_copy(other, t)
    # meanwhile this PC edited its own working file
    edit(w, pagu="9.999.000")
    before_t, before_w = state(t), content_hash_of(w)
    with pytest.raises(CopyConflict) as info:
        save_copy(w, t)
    assert "telah berubah sejak terakhir disalin" in str(info.value)
    assert "gabungkan" in str(info.value)
    assert state(t) == before_t
    assert content_hash_of(w) == before_w
    assert no_temp_files(t.parent)
    # forced, the old one is still kept as a backup
    result = save_copy(w, t, force=True)
    assert state(result.previous_backup) == before_t


def test_a_copy_just_verified_is_not_hashed_again_until_a_byte_changes(work, monkeypatch):
    from renja_desktop.exchange import sqlitefile

    w, t = work
    save_copy(w, t)
    hashed = []
    real = sqlitefile.file_digest
    monkeypatch.setattr(sqlitefile, "file_digest", lambda *a, **k: hashed.append(a[0]) or real(*a, **k))
    edit(w)
    save_copy(w, t)  # over the copy verified by the save before: its verdict is remembered
    assert hashed == []
    # a byte flipped in place, the modification time put back: the change time still differs
    st = t.stat()
    with open(t, "r+b") as fh:
        fh.seek(st.st_size - 200)
        byte = fh.read(1)
        fh.seek(st.st_size - 200)
        fh.write(bytes([byte[0] ^ 0x01]))
    os.utime(t, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert file_digest_status(t) == "changed" and hashed == [t]


def test_snapshot_through_a_buffer_where_the_kernel_cannot_copy(work, monkeypatch):
    """Between file systems (or on an old kernel) copy_file_range refuses: the pages go through a
    buffer, and the copy is the same verified copy."""
    w, t = work
    calls = []

    def refuse(*args):
        calls.append(args)
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    monkeypatch.setattr(safecopy, "SNAPSHOT_STEP_PAGES", 3)  # several steps, the last one short
    save_copy(w, t)
    assert calls  # it was tried, and refused
    inspect_file(t, deep=True)
    assert content_hash_of(t) == content_hash_of(w) and file_digest_status(t) == "intact"


def test_target_edited_in_place_is_refused(work):
    w, t = work
    save_copy(w, t)
    edit(t, pagu="5.000.000")  # someone edited the file on the flash disk directly
    assert file_digest_status(t) == "changed"
    edit(w, pagu="6.000.000")
    before = state(t)
    with pytest.raises(CopyConflict) as info:
        save_copy(w, t)
    assert "diubah langsung" in str(info.value)
    assert state(t) == before


def test_target_resaved_elsewhere_without_changes_may_be_replaced(work, tmp_path):
    w, t = work
    save_copy(w, t)
    other = tmp_path / "pc2.sqlite"
    save_copy(t, other)
    save_copy(other, t)  # saved back without any change: a new version token, the same rows
    edit(w)
    save_copy(w, t)
    assert content_hash_of(t) == content_hash_of(w)


def test_target_with_the_same_rows_may_be_replaced(work, tmp_path):
    w, t = work
    import shutil

    shutil.copyfile(w, t)  # copied by Explorer: no version token, the same rows
    save_copy(w, t)
    assert content_hash_of(t) == content_hash_of(w)


def test_target_holding_another_document_is_refused(work, tmp_path):
    w, t = work
    small_document(t)  # a different document (new id) with the same name
    before = state(t)
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "other_document" and "dokumen lain" in str(info.value)
    assert state(t) == before


def test_target_that_is_not_a_renja_file_is_refused(work):
    w, t = work
    t.write_bytes(b"Laporan keuangan, bukan basis data\n" * 50)
    before = file_bytes_hash(t)
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "target_bad" and "bukan dokumen Renja" in str(info.value)
    assert file_bytes_hash(t) == before


def sqlite_error(text, code):
    """An error as SQLite reports it (``sqlite_errorcode`` set, as the sqlite3 module does)."""
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code
    return exc


def fail_during_snapshot(monkeypatch, exc):
    """SQLite writes the snapshot into the temporary file; fail it after the first step."""
    steps = []

    def progress(status, remaining, total):
        steps.append(remaining)
        if remaining:
            raise exc

    monkeypatch.setattr(safecopy, "SNAPSHOT_STEP_PAGES", 2)
    monkeypatch.setattr(safecopy, "snapshot_progress", progress)
    return steps


def test_disk_full_fails_cleanly(work, monkeypatch):
    w, t = work
    save_copy(w, t)
    edit(w)
    before_t, before_w = state(t), content_hash_of(w)
    steps = fail_during_snapshot(monkeypatch, sqlite_error("database or disk is full", 13))
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert steps  # it failed half way through, not before
    assert info.value.kind == "no_space"
    assert "tidak cukup" in str(info.value) and "Berkas lama di tujuan tidak berubah" in str(info.value)
    assert state(t) == before_t and content_hash_of(w) == before_w
    assert no_temp_files(t.parent)


@pytest.fixture
def small_drive(tmp_path):
    """A real 3 MB file system (tmpfs) as the flash disk; skipped where mounting is not allowed."""
    import subprocess

    mnt = tmp_path / "flashdisk"
    mnt.mkdir()
    if os.name == "nt" or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)],
                                         capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_really_full_flash_disk_fails_cleanly(work, small_drive):
    w, _ = work
    t = small_drive / "renja.sqlite"
    save_copy(w, t)
    edit(w)
    before_t, before_w = state(t), content_hash_of(w)
    free = os.statvfs(small_drive).f_bavail * os.statvfs(small_drive).f_frsize
    (small_drive / "foto.jpg").write_bytes(b"\xff" * (free - t.stat().st_size // 2))
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "no_space", info.value
    assert "tidak cukup" in str(info.value)
    assert state(t) == before_t and content_hash_of(w) == before_w
    assert no_temp_files(small_drive)
    (small_drive / "foto.jpg").unlink()
    save_copy(w, t)  # room again: the copy goes through
    assert content_hash_of(t) == before_w


def test_read_only_target_fails_cleanly(work, monkeypatch):
    w, t = work
    save_copy(w, t)
    edit(w)
    before_t, before_w = state(t), content_hash_of(w)
    real_open = os.open

    def read_only_open(path, flags, *a, **k):
        if str(path).endswith(fsutil.TMP_SUFFIX) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(os, "open", read_only_open)
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    monkeypatch.undo()
    assert info.value.kind == "read_only" and "hanya dapat dibaca" in str(info.value)
    assert state(t) == before_t and content_hash_of(w) == before_w


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permissions do not bind root")
def test_read_only_folder_for_real(work):  # pragma: no cover - CI runs as root here
    w, t = work
    save_copy(w, t)
    before = state(t)
    os.chmod(t.parent, 0o555)
    try:
        with pytest.raises(ExchangeError) as info:
            save_copy(w, t, force=True)
    finally:
        os.chmod(t.parent, 0o755)
    assert info.value.kind in ("no_access", "read_only")
    assert state(t) == before


class SharingViolation(OSError):
    """What Windows raises while an antivirus scanner holds the target (WinError 32)."""

    def __init__(self):
        super().__init__(errno.EACCES, "The process cannot access the file because it is being used")
        self.winerror = 32


def test_replace_retries_while_the_target_is_held(work, monkeypatch):
    w, t = work
    save_copy(w, t)
    edit(w)
    calls = []
    real = fsutil._move_replace

    def held_twice(src, dst):
        calls.append(1)
        if len(calls) <= 2:
            raise SharingViolation()
        real(src, dst)

    monkeypatch.setattr(fsutil, "replace_step", held_twice)
    save_copy(w, t)
    assert len(calls) == 3
    assert content_hash_of(t) == content_hash_of(w)


def test_target_held_for_good_fails_cleanly(work, monkeypatch):
    w, t = work
    save_copy(w, t)
    edit(w)
    before_t, before_w = state(t), content_hash_of(w)

    def always_held(src, dst):
        raise SharingViolation()

    monkeypatch.setattr(fsutil, "replace_step", always_held)
    monkeypatch.setattr(fsutil.time, "sleep", lambda s: None)
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "in_use" and "sedang dipakai program lain" in str(info.value)
    assert state(t) == before_t and content_hash_of(w) == before_w
    assert no_temp_files(t.parent)


def test_drive_removed_before_the_copy(work):
    w, t = work
    gone = t.parent / "tidak-ada" / "renja.sqlite"
    with pytest.raises(ExchangeError) as info:
        save_copy(w, gone)
    assert info.value.kind == "gone" and "flash disk dicabut" in str(info.value)


def test_drive_removed_while_writing(work, monkeypatch):
    w, t = work
    save_copy(w, t)
    edit(w)
    before_w = content_hash_of(w)
    fail_during_snapshot(monkeypatch, sqlite_error("disk I/O error", 778))  # SQLITE_IOERR_WRITE
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "gone" and "dicabut" in str(info.value)
    assert content_hash_of(w) == before_w


def test_drive_removed_while_writing_the_digest(work, monkeypatch):
    w, t = work
    save_copy(w, t)
    edit(w)
    before_t, before_w = state(t), content_hash_of(w)

    def pulled(fh, chunk):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(fsutil, "write_chunk", pulled)
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "gone" and "dicabut" in str(info.value)
    assert state(t) == before_t and content_hash_of(w) == before_w
    assert no_temp_files(t.parent)


def test_damaged_source_is_not_copied(work, tmp_path):
    w, t = work
    save_copy(w, t)
    before = state(t)
    bad = tmp_path / "rusak.sqlite"
    data = bytearray(w.read_bytes())
    # damage rows, not free space: the end of the plan rows' root page, where SQLite keeps its cells
    import sqlite3

    conn = sqlite3.connect(w)
    root, page = (conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'plan_row'").fetchone()[0],
                  conn.execute("PRAGMA page_size").fetchone()[0])
    conn.close()
    at = root * page - 512
    data[at:at + 64] = b"\xff" * 64
    bad.write_bytes(bytes(data[:len(data) - 1000]))  # truncated too
    with pytest.raises(DocumentFileError):
        save_copy(bad, t, force=True)
    assert state(t) == before


def flip_after_snapshot(monkeypatch, where):
    """The medium keeps one other byte than SQLite wrote into the temporary file: the byte at
    ``where(tmp, data, snapshot facts)``."""
    real = safecopy._snapshot_into

    def lying_medium(source, tmp, extra):
        out = real(source, tmp, extra)
        data = bytearray(tmp.read_bytes())
        data[where(tmp, data, out)] ^= 0x01
        tmp.write_bytes(bytes(data))
        return out

    monkeypatch.setattr(safecopy, "_snapshot_into", lying_medium)


def test_verification_catches_a_byte_changed_after_writing(work, monkeypatch):
    """If the medium keeps other bytes than were written, the old target stays."""
    w, t = work
    save_copy(w, t)
    edit(w)
    before = state(t)
    flip_after_snapshot(monkeypatch, lambda tmp, data, out: len(data) - 10)  # a row near the end
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "verify_failed"
    assert state(t) == before
    assert no_temp_files(t.parent)


def test_a_byte_change_in_free_space_is_caught_by_the_page_check(work, monkeypatch):
    """quick_check and the rows cannot see a flipped byte in unused space; the page check can."""
    w, t = work
    save_copy(w, t)
    edit(w)
    seen = {}

    def unused_byte(tmp, data, out):
        size, page_size, *_ = out
        conn = sqlite3.connect(str(tmp))
        free = {r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'meta'")}
        conn.close()
        page = next(p for p in range(size // page_size, 1, -1) if p not in free)
        # the gap between a page's cell pointers and its cells: no row, no pointer, nothing checked
        header = (page - 1) * page_size
        cells = int.from_bytes(data[header + 3:header + 5], "big")
        at = header + 8 + 4 + 2 * cells + 1  # past an interior page's longer header too
        content = int.from_bytes(data[header + 5:header + 7], "big") or 65536
        assert at < header + content, "no free gap on that page"
        seen["before"] = data[at]
        return at

    flip_after_snapshot(monkeypatch, unused_byte)
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "verify_failed"
    assert "before" in seen


def test_target_that_reads_back_differently_is_put_back(work, monkeypatch):
    """The copy is in place but reads back other bytes: the previous version returns."""
    w, t = work
    save_copy(w, t)
    edit(w)
    before = state(t)
    from renja_desktop.exchange import sqlitefile

    real = sqlitefile.read_segment_into

    def flaky(path, start, view):
        real(path, start, view)
        if Path(path) == t and start == 0:
            view[-1] ^= 0x01  # the medium returns one other byte of the copy in place

    monkeypatch.setattr(sqlitefile, "read_segment_into", flaky)
    monkeypatch.setattr(safecopy, "read_segment_into", flaky)
    with pytest.raises(ExchangeError) as info:
        save_copy(w, t)
    assert info.value.kind == "verify_failed" and "Versi lama telah dikembalikan" in str(info.value)
    assert state(t) == before


def test_crash_journal_in_the_working_file_is_rolled_back(work):
    w, t = work
    before = content_hash_of(w)
    conn = sqlite3.connect(str(w), isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE plan_row SET nama = 'SETENGAH JADI'")
    # simulate the crash: copy the file with its hot journal elsewhere, as a pulled plug leaves it
    hot = w.with_name("hot.sqlite")
    import shutil

    shutil.copyfile(w, hot)
    journal = w.with_name(w.name + "-journal")
    assert journal.exists()
    shutil.copyfile(journal, hot.with_name(hot.name + "-journal"))
    conn.execute("ROLLBACK")
    conn.close()
    save_copy(hot, t)
    assert content_hash_of(t) == before


def test_startup_cleanup_removes_leftover_temporary_files(work):
    w, t = work
    tmp = fsutil.temp_path_for(t)
    tmp.write_bytes(b"half a copy")
    os.utime(tmp, (1, 1))
    local_left = paths.documents_dir() / f".x.sqlite.abcd{fsutil.TMP_SUFFIX}"
    local_left.write_bytes(b"x")
    os.utime(local_left, (1, 1))
    removed = backups.startup_cleanup()
    assert tmp in removed and local_left in removed
    assert not tmp.exists() and not local_left.exists()


def test_cli_copy(work, capsys):
    w, t = work
    assert cli_main(["copy", str(w), str(t.parent)]) == 0
    out = capsys.readouterr().out
    assert "terverifikasi" in out
    assert content_hash_of(t) == content_hash_of(w)
    edit(t)
    edit(w, pagu="3.000.000")
    assert cli_main(["copy", str(w), str(t)]) == 2
    assert "telah berubah" in capsys.readouterr().err
    assert cli_main(["copy", str(w), str(t), "--force"]) == 0


def test_sub_ids_helper_sanity(work):
    w, _ = work
    assert len(sub_kegiatan_ids(w)) == 6


def test_a_saved_copy_edited_in_place_leaves_its_stored_base_alone(work):
    """The merge base shares the copy's bytes (a hard link on the same disk); the first edit of the
    copy gives the copy bytes of its own, so the stored version stays as saved."""
    from renja_desktop.exchange import backups
    from renja_desktop.exchange.sqlitefile import document_id

    w, t = work
    token = save_copy(w, t).token
    conn = connect_ro(t)
    doc_id = document_id(conn)
    conn.close()
    base = backups.find_base(doc_id, token)
    assert base is not None and os.path.samefile(base, t)  # no second copy of the bytes
    edit(t)
    assert not os.path.samefile(base, t) and t.stat().st_nlink == 1
    assert file_digest_status(base) == "intact" and backups.find_base(doc_id, token) == base
    assert content_hash_of(base) != content_hash_of(t)
