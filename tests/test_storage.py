"""The file format: bad files get their own message and stay byte-for-byte untouched."""
import hashlib
import os
import sqlite3

import pytest

from renja_desktop import storage
from renja_desktop.service import RenjaDocument
from renja_desktop.storage import APPLICATION_ID, SCHEMA_VERSION, DocumentFileError


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.sqlite"
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol")
    u = doc.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
    b = doc.add_plan_row(u, "8.01", "KESATUAN BANGSA DAN POLITIK")
    p = doc.add_plan_row(b, "8.01.02", "PROGRAM PENGUATAN IDEOLOGI")
    k = doc.add_plan_row(p, "8.01.02.2.01", "Perumusan Kebijakan")
    for i in range(1, 200):
        doc.add_plan_row(k, f"8.01.02.2.01.{i:04d}", "Sub kegiatan " + "panjang " * 20, pagu=i * 1000)
    doc.close()
    return path


def expect_refused(path, kind, words):
    before = digest(path) if path.exists() and path.is_file() else None
    with pytest.raises(DocumentFileError) as info:
        RenjaDocument.open(path)
    assert info.value.kind == kind
    message = str(info.value)
    for w in words:
        assert w in message, message
    assert path.name in message
    if before is not None:
        assert digest(path) == before, "a refused file must not change"
    # no side files were left beside it
    assert not path.with_name(path.name + "-journal").exists()
    assert not path.with_name(path.name + "-wal").exists()
    return message


def test_good_file_properties(good):
    conn = sqlite3.connect(good)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    with RenjaDocument.open(good) as doc:
        fk = doc.conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        assert fk == 1
        assert doc.plan.totals[0] == sum(i * 1000 for i in range(1, 200))


def test_random_bytes(tmp_path):
    path = tmp_path / "acak.sqlite"
    path.write_bytes(os.urandom(8192))
    expect_refused(path, "not_sqlite", ["bukan dokumen Renja"])


def test_empty_file(tmp_path):
    path = tmp_path / "kosong.sqlite"
    path.write_bytes(b"")
    expect_refused(path, "empty", ["kosong"])


def test_missing_file(tmp_path):
    with pytest.raises(DocumentFileError) as info:
        RenjaDocument.open(tmp_path / "tidakada.sqlite")
    assert info.value.kind == "missing"
    assert "tidak ditemukan" in str(info.value)


def test_truncated_copy(good, tmp_path):
    path = tmp_path / "terpotong.sqlite"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    expect_refused(path, "truncated", ["terpotong"])


def test_header_only(good, tmp_path):
    path = tmp_path / "kepala.sqlite"
    path.write_bytes(good.read_bytes()[:60])
    expect_refused(path, "truncated", ["terpotong"])


def test_other_application(tmp_path):
    path = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
    conn.execute("INSERT INTO pelanggan VALUES (1, 'Budi')")
    conn.commit()
    conn.close()
    expect_refused(path, "foreign", ["aplikasi lain"])


def test_future_version(good):
    conn = sqlite3.connect(good)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    expect_refused(good, "newer", ["lebih baru", "Perbarui aplikasi"])


def test_damaged_page(good):
    data = bytearray(good.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # overwrite the middle of page 3 (a b-tree page of the plan rows) with garbage
    start = page_size * 2 + 8
    data[start:start + 200] = b"\xff" * 200
    good.write_bytes(bytes(data))
    expect_refused(good, "damaged", ["rusak", "tidak diubah"])


def test_readonly_open_does_not_write(good):
    before = digest(good)
    with RenjaDocument.open(good, readonly=True) as doc:
        assert doc.plan.totals[0] > 0
    assert digest(good) == before


def test_upgrade_ladder_backs_up_first(good, tmp_path, monkeypatch):
    """A file one version older is backed up, then upgraded by the step in a transaction."""
    def step(conn):
        conn.execute("ALTER TABLE plan_row ADD COLUMN uji_kolom TEXT")

    before = digest(good)
    facts = storage.inspect_file(good)
    backup = storage.upgrade_if_needed(good, facts, steps={facts.user_version + 1: step},
                                       target_version=facts.user_version + 1)
    assert backup is not None and backup.exists()
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == facts.user_version
    conn = sqlite3.connect(good)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == facts.user_version + 1
    cols = [r[1] for r in conn.execute("PRAGMA table_info(plan_row)")]
    assert "uji_kolom" in cols
    conn.close()
    assert digest(good) != before


def test_failed_upgrade_step_rolls_back(good, tmp_path):
    def step(conn):
        conn.execute("ALTER TABLE plan_row ADD COLUMN a TEXT")
        conn.execute("THIS IS NOT SQL")

    facts = storage.inspect_file(good)
    with pytest.raises(sqlite3.OperationalError):
        storage.upgrade_if_needed(good, facts, steps={facts.user_version + 1: step},
                                  target_version=facts.user_version + 1)
    conn = sqlite3.connect(good)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == facts.user_version
    assert "a" not in [r[1] for r in conn.execute("PRAGMA table_info(plan_row)")]
    conn.close()


def test_missing_ladder_step_refused(good):
    facts = storage.inspect_file(good)
    with pytest.raises(DocumentFileError) as info:
        storage.upgrade_if_needed(good, facts, steps={}, target_version=SCHEMA_VERSION + 1)
    assert info.value.kind == "no_migration"


def test_create_refuses_to_overwrite(good):
    before = digest(good)
    with pytest.raises(DocumentFileError) as info:
        RenjaDocument.create(good, tahun=2024)
    assert "sudah ada" in str(info.value)
    assert digest(good) == before


def test_every_edit_is_committed_at_once(good):
    """A second connection sees an edit immediately (nothing waits for a 'save')."""
    doc = RenjaDocument.open(good)
    leaf = next(n for n in doc.plan.walk() if n.level == 5)
    doc.set_plan(leaf.id, pagu="7.654.321")
    other = sqlite3.connect(good)
    assert other.execute("SELECT pagu FROM plan_row WHERE id=?", (leaf.id,)).fetchone()[0] == 7654321
    other.close()
    doc.close()


def test_crash_in_the_middle_of_an_edit_loses_nothing_saved(good, tmp_path):
    """A process killed inside a write transaction leaves a hot journal; opening rolls it back and
    the document holds exactly what was committed before."""
    import signal
    import subprocess
    import sys
    import time

    with RenjaDocument.open(good) as doc:
        committed = doc.content_hash()
        total = doc.plan.totals[0]
    code = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=DELETE')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute('UPDATE plan_row SET pagu = 1 WHERE pagu IS NOT NULL')\n"
        "c.execute('DELETE FROM indikator')\n"
        "c.execute('PRAGMA cache_size=1')\n"   # spill changed pages into the file
        "c.execute('UPDATE plan_row SET nama = nama || \"x\"')\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(good)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    journal = good.with_name(good.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    with RenjaDocument.open(good) as doc:
        assert doc.content_hash() == committed
        assert doc.plan.totals[0] == total
    assert not journal.exists() or journal.stat().st_size == 0
