"""Issue 14, cases 1 and 2: damage inside row data is found on every open and by ``check --deep``,
named by row, and a damaged file is never written to (also not by the window's open path)."""
from __future__ import annotations

import json
import random
import sqlite3

import pytest
from exchange_util import file_bytes_hash, small_document
from trust_util import assert_one_galat_line, cli

from renja_desktop import rowcheck
from renja_desktop.exchange.backups import take_backup
from renja_desktop.exchange.integrity import check_file
from renja_desktop.exchange.recover import recover
from renja_desktop.exchange.safecopy import restore_backup, save_copy
from renja_desktop.exchange.workspace import open_for_editing
from renja_desktop.service import RenjaDocument
from renja_desktop.storage import DocumentFileError, inspect_file


@pytest.fixture
def doc_file(tmp_path):
    return small_document(tmp_path / "renja.sqlite", subs=40)


def flip(path, offset, mask=0x01):
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


def tree_json(path):
    proc = cli("tree", path, "--json")
    return proc.returncode, proc.stdout, proc.stderr


def test_a_flipped_letter_of_a_name_is_named_everywhere_and_nothing_is_written(doc_file):
    data = doc_file.read_bytes()
    at = data.find("Sub kegiatan 2.7".encode())
    flip(doc_file, at + 4, 0x20)  # 'k' -> 'K'
    before = file_bytes_hash(doc_file)
    inspect_file(doc_file, deep=True)  # SQLite's own checks see nothing
    for args in (("info",), ("tree",), ("check",), ("check", "--deep")):
        proc = cli(*args, doc_file)
        assert_one_galat_line(proc, "tidak cocok dengan sidik barisnya", "8.01.02.2.01.0007", "Sub Kegiatan 2.7")
    with pytest.raises(DocumentFileError) as info:
        RenjaDocument.open(doc_file)
    assert info.value.kind == "damaged" and "8.01.02.2.01.0007" in str(info.value)
    assert not check_file(doc_file).ok
    assert file_bytes_hash(doc_file) == before


def test_an_amount_turned_negative_is_found(doc_file):
    """A pagu of 7.000.000 is stored in 3 bytes; one bit makes it -1.388.608."""
    conn = sqlite3.connect(doc_file)
    assert conn.execute("SELECT count(*) FROM plan_row WHERE pagu = 7000000").fetchone()[0] == 2
    conn.close()
    data = doc_file.read_bytes()
    raw = (7_000_000).to_bytes(3, "big")
    at = data.find(raw)
    assert at > 0
    flip(doc_file, at, 0x80)
    before = file_bytes_hash(doc_file)
    conn = sqlite3.connect(f"file:{doc_file}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM plan_row WHERE pagu < 0").fetchone()[0] == 1  # it shows
    conn.close()
    proc = cli("check", "--deep", doc_file)
    assert_one_galat_line(proc, "tidak cocok dengan sidik barisnya", "baris rencana '8.01.0")
    assert file_bytes_hash(doc_file) == before


def test_random_flips_never_show_changed_content_and_never_write(doc_file, tmp_path):
    """300 files, each with one byte flipped at random: every open either refuses with one line
    or shows exactly the original rows; no file is ever written."""
    code, good, _ = tree_json(doc_file)
    assert code == 0
    good_info = json.loads(cli("info", doc_file, "--json").stdout)
    original = doc_file.read_bytes()
    rng = random.Random(14)
    refused = shown = 0
    for i in range(300):
        path = tmp_path / f"flip{i}.sqlite"
        data = bytearray(original)
        at = rng.randrange(100, len(data))  # past the 100-byte header (its checks are tested elsewhere)
        data[at] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        try:
            with RenjaDocument.open(path, readonly=True) as doc:
                records = doc.plan_records()
                info = dict(doc.info)
            same = (json.dumps(records, default=str) == json.dumps(json.loads(good), default=str)
                    and all(info.get(k) == v for k, v in good_info.items() if k in info))
            assert same, f"flip at {at} shows changed content"
            shown += 1
        except DocumentFileError as exc:
            assert "\n" not in str(exc)
            refused += 1
        assert path.read_bytes() == bytes(data), f"flip at {at}: the file was written"
        path.unlink()
    assert refused >= 10 and shown > 0  # most of a small file is free space


def test_window_open_path_refuses_a_damaged_copy_without_touching_it(doc_file, tmp_path):
    """A saved copy carries its image digest; opening it for editing used to clear that slot
    before the load refused the file, erasing the evidence."""
    copy = tmp_path / "salinan.sqlite"
    save_copy(doc_file, copy)
    data = copy.read_bytes()
    flip(copy, data.find("Sub kegiatan 1.3".encode()) + 13, 0x02)
    before = copy.read_bytes()
    with pytest.raises(DocumentFileError) as info:
        open_for_editing(copy)
    assert "tidak cocok dengan sidik barisnya" in str(info.value)
    assert copy.read_bytes() == before
    assert not (tmp_path / "salinan.sqlite.renja-lock").exists()


def test_restore_refuses_a_backup_that_changed_and_says_so(doc_file, tmp_path):
    copy = tmp_path / "usb.sqlite"
    save_copy(doc_file, copy)
    backup = take_backup(copy, "uji", raw=True)
    data = bytearray(backup.read_bytes())
    # a byte outside any row (the unused middle of a page): only the copy digest can tell
    at = bytes(data).find(b"\0" * 256, 16384) + 128
    data[at] ^= 0x01
    backup.write_bytes(bytes(data))
    out = tmp_path / "pulih.sqlite"
    with pytest.raises(DocumentFileError) as info:
        restore_backup(backup, out)
    assert "tidak lagi sama persis" in str(info.value)
    assert not out.exists()
    proc = cli("restore", backup, "-o", out)
    assert_one_galat_line(proc, "tidak dipulihkan")


def test_recover_names_rows_whose_digest_does_not_match(doc_file, tmp_path):
    data = doc_file.read_bytes()
    flip(doc_file, data.find("Sub kegiatan 1.4".encode()) + 2, 0x04)
    before = file_bytes_hash(doc_file)
    report = recover(doc_file, tmp_path / "selamat.sqlite")
    text = "\n".join(report.lines())
    assert "8.01.01.2.01.0004" in text and "sidik baris" in text
    assert file_bytes_hash(doc_file) == before
    with RenjaDocument.open(tmp_path / "selamat.sqlite", readonly=True) as doc:  # its own digests are whole
        assert doc.plan_by_kode("8.01.01.2.01.0003") is not None


def test_every_commit_keeps_the_digests_current(doc_file):
    with RenjaDocument.open(doc_file) as doc:
        leaf = doc.plan_by_kode("8.01.01.2.01.0002")
        doc.set_plan(leaf.id, pagu="2.500.000", nama="Nama baru")
        doc.add_plan_row(leaf.parent.id, "8.01.01.2.01.0099", "Tambahan", pagu="1")
        doc.delete_plan_row(doc.plan_by_kode("8.01.02.2.01.0001").id)
    conn = sqlite3.connect(doc_file)
    assert rowcheck.verify(conn) == []
    # a change made by another program without the digests is named as such
    conn.execute("UPDATE plan_row SET nama = 'diubah di luar' WHERE kode = '8.01.01.2.01.0003'")
    conn.commit()
    damage = rowcheck.verify(conn)
    conn.close()
    assert [d.label() for d in damage] == ["baris rencana '8.01.01.2.01.0003' 'diubah di luar'"]


def test_an_older_file_without_digests_gets_them_after_its_checks(doc_file):
    conn = sqlite3.connect(doc_file)
    conn.execute("DELETE FROM row_digest")
    conn.commit()
    conn.close()
    with RenjaDocument.open(doc_file, readonly=True):
        pass
    conn = sqlite3.connect(doc_file)
    assert conn.execute("SELECT count(*) FROM row_digest").fetchone()[0] == 0  # read-only: untouched
    conn.close()
    RenjaDocument.open(doc_file).close()
    conn = sqlite3.connect(doc_file)
    assert rowcheck.established(conn) and rowcheck.verify(conn) == []
    conn.close()


def _with_chapters_stage_note_renstra(path):
    """The small document with what a planner writes besides the tables: chapter text, a frozen
    stage, a verification note, Renstra rows."""
    from pathlib import Path

    from renja_desktop import notes, renstra, stages
    from renja_desktop.narrative import format as fmt
    from renja_desktop.narrative import store

    with RenjaDocument.open(path) as doc:
        store.install_outline(doc)
        bab1 = store.find(doc, "BAB I")
        doc.history.execute(store.SetContent(bab1.id, [fmt.paragraph("Latar belakang penyusunan Renja.")]))
        renstra.import_renstra(doc, Path(__file__).parent / "data" / "renstra_kesbangpol_2022_2026.tsv")
        stages.freeze(doc, "Rancangan Awal", oleh="Budiman Sudarsono")
        notes.add_note(doc, doc.plan_by_kode("8.01.01.2.01.0002").id, "Target belum terukur", oleh="Bappeda")
    return path


@pytest.mark.parametrize("table, text, named", [
    ("section", "Latar belakang penyusunan Renja.", "bagian naskah"),
    ("catatan_verifikasi", "Target belum terukur", "catatan verifikasi"),
    ("renja_stage", "Budiman Sudarsono", "tahap"),
    ("renstra_row", "Persentase pemahaman ideologi", "baris Renstra"),
])
def test_a_flipped_byte_in_chapters_stages_notes_or_renstra_is_named(doc_file, table, text, named):
    """The row digests cover the chapter text, frozen stages, verification notes and the Renstra as
    well: a byte flipped inside them is named on open and by ``check --deep``; nothing is written."""
    _with_chapters_stage_note_renstra(doc_file)
    conn = sqlite3.connect(doc_file)
    assert rowcheck.current(conn) and rowcheck.verify(conn) == []
    conn.close()
    data = doc_file.read_bytes()
    at = data.find(text.encode())
    assert at > 0
    flip(doc_file, at + 2, 0x20)
    before = file_bytes_hash(doc_file)
    inspect_file(doc_file, deep=True)  # SQLite's own checks see nothing
    with pytest.raises(DocumentFileError) as info:
        RenjaDocument.open(doc_file, readonly=True)
    assert info.value.kind == "damaged" and named in str(info.value)
    proc = cli("check", "--deep", doc_file)
    assert_one_galat_line(proc, "tidak cocok dengan sidik barisnya", named)
    assert file_bytes_hash(doc_file) == before


def test_a_file_with_digests_of_the_first_scheme_is_checked_then_completed(doc_file):
    """A file whose digests were made before they covered chapters, stages, notes and the Renstra
    (scheme 1): opened read-only, its own digests are checked and nothing else is asked of it;
    the first open for writing digests the remaining tables, after which they are checked too."""
    _with_chapters_stage_note_renstra(doc_file)
    conn = sqlite3.connect(doc_file)
    conn.execute("DELETE FROM row_digest WHERE tbl IN (%s)" % ", ".join("?" * len(rowcheck.EXTRA_TABLES)),
                 rowcheck.EXTRA_TABLES)
    conn.execute("UPDATE row_digest SET crc = 1 WHERE tbl = '*'")
    conn.commit()
    assert rowcheck.scheme_of(conn) == 1 and rowcheck.verify(conn) == []
    conn.close()
    before = file_bytes_hash(doc_file)
    with RenjaDocument.open(doc_file, readonly=True):
        pass
    assert file_bytes_hash(doc_file) == before
    RenjaDocument.open(doc_file).close()
    conn = sqlite3.connect(doc_file)
    assert rowcheck.current(conn) and rowcheck.verify(conn) == []
    conn.execute("UPDATE section SET judul = 'diubah di luar' WHERE rowid = (SELECT min(rowid) FROM section)")
    conn.commit()
    assert [d.label() for d in rowcheck.verify(conn)][0].startswith("bagian naskah")
    conn.close()
