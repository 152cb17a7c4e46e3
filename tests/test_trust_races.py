"""Issue 14, cases 3 and 4: edits of several processes at once, the window's lock, and journals
left behind by a crash (rolled back only into the file they belong to)."""
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
from exchange_util import small_document
from trust_util import assert_one_galat_line, cli, env

from renja_desktop import codes
from renja_desktop.exchange.lock import acquire
from renja_desktop.service import RenjaDocument

RACER = (
    "import os, sys, time\n"
    "from renja_desktop import cli\n"
    "go = sys.argv[1]\n"
    "while not os.path.exists(go):\n"
    "    time.sleep(0.001)\n"
    "sys.exit(cli.main(sys.argv[2:]))\n"
)


def race(tmp_path, *commands):
    """Start one process per command, release them at the same instant, return their results."""
    go = tmp_path / f"go-{time.monotonic_ns()}"
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(go), *map(str, c)], env=env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    time.sleep(2.0)  # every process has imported the app and waits
    go.write_text("go")
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=120)
        out.append((p.returncode, stdout, stderr))
    return out


def consistent(path: Path) -> list[str]:
    """Codes used twice, and rows whose code does not extend their parent's code."""
    problems = []
    with RenjaDocument.open(path, readonly=True) as doc:
        seen = {}
        for node in doc.plan.walk():
            if node.kode in seen:
                problems.append(f"kode {node.kode} dua kali")
            seen[node.kode] = node
            if node.parent is not None and node.parent.kode and node.kode:
                if not codes.parse_code(node.kode).extends(codes.parse_code(node.parent.kode)):
                    problems.append(f"{node.kode} tidak di bawah {node.parent.kode}")
    return problems


def test_the_same_code_added_by_several_processes_at_once_is_added_once(tmp_path):
    path = small_document(tmp_path / "renja.sqlite")
    for round_ in range(3):
        kode = f"8.01.01.2.01.{50 + round_:04d}"
        results = race(tmp_path, *[("add", path, kode, f"Proses {i}", "--pagu", "1.000") for i in range(5)])
        ok = [r for r in results if r[0] == 0]
        assert len(ok) == 1, results
        for code, _out, err in results:
            if code != 0:
                assert_one_galat_line(subprocess.CompletedProcess([], code, "", err), "sudah dipakai")
        with RenjaDocument.open(path, readonly=True) as doc:
            assert len(doc.plan.find_kode(kode)) == 1
        assert consistent(path) == []


def test_a_move_and_an_add_under_the_moved_row_at_once_stay_consistent(tmp_path):
    """Process A moves kegiatan 8.01.01.2.01 to program 8.01.02 (its code follows: 8.01.02.2.02),
    process B adds a sub kegiatan under its old code at the same moment."""
    for round_ in range(3):
        path = small_document(tmp_path / f"renja{round_}.sqlite")
        results = race(tmp_path, ("move", path, "8.01.01.2.01", "--to", "8.01.02"),
                       ("add", path, "8.01.01.2.01.0077", "Baru di bawah kode lama", "--pagu", "5"))
        assert results[0][0] == 0, results
        assert results[1][0] in (0, 2), results
        if results[1][0] == 2:  # the move came first: the old parent code is gone
            assert_one_galat_line(subprocess.CompletedProcess([], 2, "", results[1][2]), "8.01.01.2.01")
        assert consistent(path) == []
        with RenjaDocument.open(path, readonly=True) as doc:
            new = [n for n in doc.plan.walk() if n.nama == "Baru di bawah kode lama"]
            assert len(new) == (1 if results[1][0] == 0 else 0)


def test_a_stale_document_in_memory_is_refused_and_reloaded(tmp_path):
    path = small_document(tmp_path / "renja.sqlite")
    doc = RenjaDocument.open(path)
    try:
        parent = doc.plan_by_kode("8.01.01.2.01")
        assert cli("add", path, "8.01.01.2.01.0040", "Dari perintah lain").returncode == 0
        assert doc.changed_elsewhere()
        from renja_desktop.service import StaleDocument

        with pytest.raises(StaleDocument) as info:
            doc.add_plan_row(parent.id, "8.01.01.2.01.0040", "Dari jendela")
        assert "diubah oleh program lain" in str(info.value)
        assert doc.plan_by_kode("8.01.01.2.01.0040").nama == "Dari perintah lain"  # reloaded
        assert not doc.changed_elsewhere()
    finally:
        doc.close()


def test_command_line_edits_respect_the_windows_lock(tmp_path):
    path = small_document(tmp_path / "renja.sqlite")
    lock = acquire(path)  # as the window does (this test process stays alive)
    try:
        before = path.read_bytes()
        proc = cli("set", path, "8.01.01.2.01.0001", "pagu", "9.000")
        assert_one_galat_line(proc, "sedang dibuka oleh", "--force")
        assert path.read_bytes() == before
        assert cli("info", path).returncode == 0  # reading is fine
        proc = cli("set", path, "8.01.01.2.01.0001", "pagu", "9.000", "--force")
        assert proc.returncode == 0, proc.stderr
    finally:
        lock.release()
    with RenjaDocument.open(path, readonly=True) as doc:
        assert doc.plan_by_kode("8.01.01.2.01.0001").values["pagu"] == 9000


# ---------------------------------------------------------------------------- journals
CRASH = (
    "import sqlite3, sys, time\n"
    "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "c.execute('PRAGMA cache_size=1')\n"  # every changed page spills into the file at once
    "c.execute('BEGIN IMMEDIATE')\n"
    "c.execute(\"UPDATE plan_row SET nama = nama || ' setengah jadi'\")\n"
    "if sys.argv[2] == 'free':\n"
    "    c.execute('DELETE FROM indikator')\n"  # frees pages: page 1 (the free list) is journaled
    "c.execute(\"UPDATE plan_row SET catatan = hex(randomblob(1500))\")\n"  # more pages than the cache holds
    "print('ready', flush=True)\n"
    "time.sleep(60)\n"
)


def crash_in_an_edit(path: Path, variant: str) -> Path:
    proc = subprocess.Popen([sys.executable, "-c", CRASH, str(path), variant], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    journal = Path(str(path) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    assert journal.read_bytes()[:8] == bytes.fromhex("d9d505f920a163d7")  # flushed: pages were written
    return journal


@pytest.mark.parametrize("variant", ["free", "plain"])
def test_a_journal_left_by_a_crash_is_rolled_back_into_its_own_file(tmp_path, variant):
    path = small_document(tmp_path / "renja.sqlite", subs=200)
    with RenjaDocument.open(path, readonly=True) as doc:
        names = sorted(n.nama for n in doc.plan.walk())
    crash_in_an_edit(path, variant)
    proc = cli("info", path)
    assert proc.returncode == 0, proc.stderr
    with RenjaDocument.open(path, readonly=True) as doc:
        assert sorted(n.nama for n in doc.plan.walk()) == names


@pytest.mark.parametrize("variant", ["free", "plain"])
def test_a_journal_of_an_older_version_is_not_rolled_back_into_a_newer_file(tmp_path, variant):
    """The file is replaced with ``cp`` (a newer version from elsewhere) while the journal of a
    crashed edit of the older version is still beside it: both are kept, the open is refused."""
    path = small_document(tmp_path / "renja.sqlite", subs=200)
    newer = tmp_path / "lebih-baru.sqlite"
    shutil.copyfile(path, newer)
    with RenjaDocument.open(newer) as doc:
        for node in [n for n in doc.plan.walk() if n.level == 5][:30]:
            doc.set_plan(node.id, nama=node.nama + " (versi baru)")
    journal = crash_in_an_edit(path, variant)
    old_time = time.time() - 3600
    os.utime(journal, (old_time, old_time))  # the crash was an hour ago; the cp comes now
    subprocess.run(["cp", str(newer), str(path)], check=True)
    before = {p.name: p.read_bytes() for p in (path, journal)}
    for args in (("info",), ("tree",), ("check", "--deep"), ("set", path, "8.01.01.2.01.0001", "pagu", "1")):
        proc = cli(*args) if args[0] == "set" else cli(*args, path)
        assert_one_galat_line(proc, "bukan milik isi berkas sekarang", "-journal")
        assert {p.name: p.read_bytes() for p in (path, journal)} == before
    # once the journal is moved away, the newer content is there, whole
    shutil.move(str(journal), str(tmp_path / "jurnal-lama"))
    with RenjaDocument.open(path, readonly=True) as doc:
        assert sum(1 for n in doc.plan.walk() if n.nama.endswith("(versi baru)")) == 30


def test_database_busy_for_more_than_two_seconds_is_one_line(tmp_path):
    path = small_document(tmp_path / "renja.sqlite")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE')\nprint('ready', flush=True)\ntime.sleep(30)\n", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        proc = cli("set", path, "8.01.01.2.01.0001", "pagu", "1.000")
        assert_one_galat_line(proc, "dikunci")
    finally:
        holder.kill()
        holder.wait()
    assert cli("set", path, "8.01.01.2.01.0001", "pagu", "1.000").returncode == 0
