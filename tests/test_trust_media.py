"""Issue 14, cases 5, 7, 8 and 9 and the FAT32 flash disk: read-only and full media, WAL files,
amounts beyond what a Renja can hold, a medium that drops writes, killed copies, read-only targets
-- each a clear Indonesian message, and no byte of a good file lost or changed."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from exchange_util import file_bytes_hash, small_document
from trust_util import (assert_one_galat_line, cli, env, ext4_loop, fat32, files_state, remount_ro,
                        tmpfs)

from renja_desktop import rowcheck
from renja_desktop.exchange import fsutil
from renja_desktop.exchange.backups import list_backups
from renja_desktop.exchange.errors import ExchangeError
from renja_desktop.exchange.integrity import check_file
from renja_desktop.exchange.lock import acquire, lock_path, read_lock
from renja_desktop.exchange.merge import merge_files
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.formatting import MAX_RUPIAH, NumberError, parse_rupiah
from renja_desktop.service import RenjaDocument

def fill(path: Path) -> None:
    """Fill the medium of ``path`` up to the last block."""
    with open(path, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass


needs_root = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mounting needs root")


# ---------------------------------------------------------------------------- 5: errors as one line
@needs_root
def test_read_only_mount_edits_are_one_line_and_reading_works(tmp_path):
    with tmpfs(tmp_path / "ro", "8m") as where:
        path = small_document(where / "renja.sqlite")
        remount_ro(where)
        before = files_state(where)
        proc = cli("set", path, "8.01.01.2.01.0001", "pagu", "5.000", "--force")
        assert_one_galat_line(proc, "hanya dapat dibaca")
        for args in (("info",), ("tree",), ("check", "--deep")):
            proc = cli(*args, path)
            assert proc.returncode == 0, proc.stderr
        proc = cli("copy", path, where / "salinan.sqlite")
        assert_one_galat_line(proc, "hanya dapat dibaca")
        assert files_state(where) == before


@needs_root
def test_disk_full_during_an_edit_is_one_line_and_loses_nothing(tmp_path):
    with tmpfs(tmp_path / "full", "3m") as where:
        path = small_document(where / "renja.sqlite", subs=40)
        filler = where / "isi-lain.bin"
        fill(filler)
        saved = content_hash_of(path)
        big = "panjang " * 2000
        proc = None
        for i in range(40):  # grow the file until the medium is full
            proc = cli("info", path, "--set", f"judul={big}{i}", "--force")
            if proc.returncode != 0:
                break
            saved = content_hash_of(path)
        assert_one_galat_line(proc, "penuh")
        assert content_hash_of(path) == saved  # the last saved state, whole
        conn = sqlite3.connect(path)
        try:
            assert rowcheck.verify(conn) == []
        finally:
            conn.close()
        assert not Path(str(path) + "-journal").exists() or Path(str(path) + "-journal").stat().st_size == 0


@needs_root
def test_a_copy_to_a_full_medium_leaves_the_old_target_and_no_temporary_file(tmp_path):
    work = small_document(tmp_path / "kerja.sqlite", subs=300)
    with tmpfs(tmp_path / "usb", "3m") as where:
        target = where / "renja.sqlite"
        save_copy(work, target)
        with RenjaDocument.open(work) as doc:
            for node in [n for n in doc.plan.walk() if n.level == 5][:200]:
                doc.set_plan(node.id, catatan="catatan panjang " * 40)
        fill(where / "isi-lain.bin")
        before = files_state(where)
        with pytest.raises(ExchangeError) as info:
            save_copy(work, target)
        assert info.value.kind == "no_space" and "penuh" in str(info.value)
        assert files_state(where) == before
        assert not list(where.glob(f"*{fsutil.TMP_SUFFIX}"))


def test_wal_file_is_refused_without_creating_anything(tmp_path):
    (tmp_path / "docs").mkdir()
    path = small_document(tmp_path / "docs" / "renja.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    before = files_state(path.parent)
    for args in (("info",), ("tree",), ("check", "--deep"), ("set", path, "8.01.01.2.01.0001", "pagu", "1")):
        proc = cli(*args) if args[0] == "set" else cli(*args, path)
        assert_one_galat_line(proc, "mode WAL")
        assert files_state(path.parent) == before  # no -wal, no -shm
    proc = cli("copy", path, path.parent / "salinan.sqlite")
    assert_one_galat_line(proc, "mode WAL")
    assert files_state(path.parent) == before


def test_amounts_are_bounded_when_read(tmp_path):
    assert parse_rupiah("99.999.999.999.999") == MAX_RUPIAH
    for text in ("100.000.000.000.000", "9223372036854775807", 2**63 - 1, 1e300, float("inf")):
        with pytest.raises(NumberError):
            parse_rupiah(text)
    # the sum of one column over a whole Renja (even 92.233 rows) at the bound fits SQLite's INTEGER
    assert 92_233 * MAX_RUPIAH < 2**63
    path = small_document(tmp_path / "renja.sqlite")
    before = file_bytes_hash(path)
    proc = cli("set", path, "8.01.01.2.01.0001", "pagu", str(2**63 - 1))
    assert_one_galat_line(proc, "terlalu besar", "99.999.999.999.999")
    assert file_bytes_hash(path) == before


def test_consolidate_of_a_file_with_an_amount_beyond_the_bound_is_one_line(tmp_path):
    a = small_document(tmp_path / "a.sqlite")
    b = tmp_path / "b.sqlite"
    small_document(b)
    conn = sqlite3.connect(b)  # written by another program (or before the bound existed)
    with conn:
        conn.execute("UPDATE plan_row SET pagu = ? WHERE kode = '8.01.01.2.01.0001'", (2**63 - 1,))
        rowcheck.rebuild(conn)
    conn.close()
    proc = cli("consolidate", a, b, "-o", tmp_path / "kota.sqlite")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr + proc.stdout
    assert "b.sqlite: pagu baris 8.01.01.2.01.0001 (Rp 9.223.372.036.854.775.807) melebihi batas" in proc.stdout
    assert not (tmp_path / "kota.sqlite").exists()


# ---------------------------------------------------------------------------- 7: a medium that drops writes
@needs_root
def test_copy_verification_reads_the_medium_not_the_cache(tmp_path, monkeypatch):
    """A fake-capacity flash disk keeps what was written in the PC's cache but not on the medium.
    Simulated on a loop device: after the flush, the copy's bytes are changed in the image behind
    the mounted file system's back. Read through the cache, the copy would look right."""
    work = small_document(tmp_path / "kerja.sqlite", subs=40)
    with ext4_loop(tmp_path) as (where, image):
        target = where / "renja.sqlite"
        real_drop = fsutil.drop_cache
        seen = []

        def medium_drops_writes(path):
            data = Path(path).read_bytes()  # from the cache: the copy as written
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            digest = dict(conn.execute("SELECT key, value FROM meta"))["renja.sync.digest"]
            conn.close()
            assert digest.encode() in data
            with open(image, "r+b") as fh:  # the medium lost that block: it reads back as zeros
                raw = fh.read()
                at = raw.find(digest.encode())
                assert at > 0
                fh.seek(at)
                fh.write(b"\0" * 64)
                fh.flush()
                os.fsync(fh.fileno())
            seen.append(path)
            real_drop(path)

        monkeypatch.setattr(fsutil, "drop_cache", medium_drops_writes)
        with pytest.raises(ExchangeError) as info:
            save_copy(work, target)
        assert info.value.kind == "verify_failed" and seen == [target]
        assert "media" in str(info.value)


# ---------------------------------------------------------------------------- 8: killed copies
KILLED_COPY = (
    "import sys\n"
    "from renja_desktop.exchange.safecopy import save_copy\n"
    "print('start', flush=True)\n"
    "while True:\n"
    "    save_copy(sys.argv[1], sys.argv[2], force=True)\n"
)


def test_leftovers_of_killed_copies_are_removed_by_the_next_copy(tmp_path):
    work = small_document(tmp_path / "kerja.sqlite", subs=400)
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "renja.sqlite"
    for delay in (0.05, 0.15, 0.3, 0.5, 0.8):
        proc = subprocess.Popen([sys.executable, "-c", KILLED_COPY, str(work), str(target)], env=env(),
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "start"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():  # always the old or the new version, whole (a crash journal of the
            # working file -- killed while noting the version in it -- is rolled back on open)
            assert check_file(target).content_hash == check_file(work).content_hash
    live = fsutil.temp_path_for(target)  # a copy of this (living) process: left alone
    live.write_bytes(b"sedang ditulis")
    save_copy(work, target, force=True)
    left = sorted(p.name for p in usb.iterdir() if p.name.startswith("."))
    assert left == [live.name]
    fsutil.forget_temp(live)


# ---------------------------------------------------------------------------- 9: read-only target
def test_a_read_only_target_is_refused_unless_forced_and_stays_read_only(tmp_path):
    work = small_document(tmp_path / "kerja.sqlite")
    target = tmp_path / "usb.sqlite"
    save_copy(work, target)
    os.chmod(target, 0o444)
    with RenjaDocument.open(work) as doc:
        doc.set_plan(doc.plan_by_kode("8.01.01.2.01.0001").id, pagu="4.000")
    before = target.read_bytes()
    with pytest.raises(ExchangeError) as info:
        save_copy(work, target)
    assert info.value.kind == "read_only_target" and "hanya-baca" in str(info.value)
    assert target.read_bytes() == before
    proc = cli("copy", work, target)
    assert_one_galat_line(proc, "hanya-baca", "--force")
    save_copy(work, target, force=True)
    assert content_hash_of(target) == content_hash_of(work)
    assert target.stat().st_mode & 0o777 == 0o444


# ---------------------------------------------------------------------------- FAT32
@needs_root
def test_copy_lock_backup_and_merge_on_a_real_fat32_flash_disk(tmp_path):
    """2-second time stamps, no hard links, names that differ only in case are one file."""
    work = small_document(tmp_path / "kerja.sqlite", subs=40)
    with fat32(tmp_path) as (usb, how):
        target = usb / "Renja.sqlite"
        save_copy(work, target)
        assert content_hash_of(target) == content_hash_of(work)
        with pytest.raises(OSError):
            os.link(target, usb / "link.sqlite")  # no hard links here: backups are byte copies
        # edit, save again over the earlier version (a backup of it is kept locally)
        with RenjaDocument.open(work) as doc:
            doc.set_plan(doc.plan_by_kode("8.01.01.2.01.0002").id, pagu="2.222.000")
        result = save_copy(work, usb / "RENJA.SQLITE")  # the same file, in other case
        assert result.previous_backup is not None and result.previous_backup.exists()
        assert [p.name.lower() for p in usb.iterdir() if p.suffix.lower() == ".sqlite"] == ["renja.sqlite"]
        assert any(b.path == result.previous_backup for b in list_backups())
        # the lock of a file on the flash disk
        lock = acquire(target)
        assert read_lock(target).pid == os.getpid()
        with pytest.raises(ExchangeError):
            acquire(usb / "renja.sqlite")  # the same file by another spelling
        lock.release()
        assert not lock_path(target).exists()
        # two PCs edit their copies; merged on the flash disk
        other = tmp_path / "pc2.sqlite"
        save_copy(target, other)
        with RenjaDocument.open(other) as doc:
            doc.set_plan(doc.plan_by_kode("8.01.02.2.01.0001").id, pagu="7.777.000")
        save_copy(other, usb / "pc2.sqlite")
        with RenjaDocument.open(work) as doc:
            doc.set_plan(doc.plan_by_kode("8.01.01.2.01.0003").id, pagu="3.333.000")
        merged = usb / "gabungan.sqlite"
        merge_files(work, usb / "pc2.sqlite", merged)
        with RenjaDocument.open(merged, readonly=True) as doc:
            assert doc.plan_by_kode("8.01.02.2.01.0001").values["pagu"] == 7_777_000
            assert doc.plan_by_kode("8.01.01.2.01.0003").values["pagu"] == 3_333_000
        proc = cli("check", "--deep", merged)
        assert proc.returncode in (0, 1), proc.stderr
        assert not [p for p in usb.iterdir() if p.name.endswith(fsutil.TMP_SUFFIX)]
        # a copy killed half way on FAT is cleaned up by the next copy
        leftover = usb / f".Renja.sqlite.{fsutil._owner_tag().rsplit('-', 1)[0]}-999999-abcd{fsutil.TMP_SUFFIX}"
        leftover.write_bytes(b"setengah")
        save_copy(work, target)
        assert not leftover.exists()
        print(f"FAT32 through {how}")
