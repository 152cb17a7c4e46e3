"""Integrity on open, recovery of a damaged file, automatic backups and restore."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from exchange_util import file_bytes_hash, small_document, state

from renja_desktop import paths
from renja_desktop.cli import main as cli_main
from renja_desktop.exchange import backups
from renja_desktop.exchange.integrity import check_file
from renja_desktop.exchange.recover import PLACEHOLDER_NAME, recover
from renja_desktop.exchange.safecopy import restore_backup, save_copy
from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.exchange.workspace import open_for_editing
from renja_desktop.service import RenjaDocument
from renja_desktop.storage import DocumentFileError, backup_file, inspect_file



@pytest.fixture
def sample(sample_file, tmp_path):
    return shutil.copyfile(sample_file, tmp_path / "renja.sqlite")


def damage_page_holding(path, text: str):
    """Overwrite the b-tree header of the page that holds ``text`` (a plan row's name)."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    at = data.find(text.encode())
    assert at > 0
    page = at // page_size
    data[page * page_size:page * page_size + 8] = b"\x00" * 8
    path.write_bytes(bytes(data))


def test_truncated_file(sample):
    data = sample.read_bytes()
    sample.write_bytes(data[: len(data) // 2])
    before = file_bytes_hash(sample)
    report = check_file(sample)
    assert not report.ok and report.kind == "truncated" and "terpotong" in report.message
    with pytest.raises(DocumentFileError) as info:
        open_for_editing(sample)
    assert "terpotong" in str(info.value)
    assert file_bytes_hash(sample) == before


def with_small_pages(path):
    """The same document in 4 KiB pages (files of earlier versions): its 48 plan rows then span
    several pages, so one damaged page loses some of them, not all."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA page_size=4096")
    conn.execute("VACUUM")
    conn.close()
    return path


def test_flipped_bytes_in_a_page(sample, tmp_path):
    with_small_pages(sample)
    with RenjaDocument.open(sample, readonly=True) as doc:
        total = doc.plan.totals[0]
        names = [n.nama for n in doc.plan.walk() if n.level == 5]
    damage_page_holding(sample, names[0])
    before = file_bytes_hash(sample)
    report = check_file(sample)
    assert not report.ok and report.kind == "damaged" and "rusak" in report.message
    with pytest.raises(DocumentFileError):
        open_for_editing(sample)
    with pytest.raises(DocumentFileError):
        save_copy(sample, tmp_path / "salinan.sqlite")
    assert not (tmp_path / "salinan.sqlite").exists()
    assert file_bytes_hash(sample) == before  # a damaged file is never written to
    # what can be read goes into a new file, with a report
    out = tmp_path / "selamat.sqlite"
    rep = recover(sample, out)
    assert file_bytes_hash(sample) == before
    inspect_file(out, deep=True)
    plan = rep.tables["plan_row"]
    assert plan.expected == 48 and 0 < plan.lost < 48 and plan.read_errors >= 1
    assert plan.lost_codes and not rep.complete
    assert rep.tables["eval_row"].lost == 0 and rep.tables["declared_value"].lost == 0
    text = "\n".join(rep.lines())
    assert "dari 48 baris terselamatkan" in text and "kode baris yang hilang" in text
    with RenjaDocument.open(out, readonly=True) as doc:
        assert doc.document_id == rep.document_id
        assert 0 < doc.plan.totals[0] < total
        saved_names = {n.nama for n in doc.plan.walk()}
        # surviving rows keep their place under marked placeholders of lost parents
        assert PLACEHOLDER_NAME in saved_names or plan.lost == 0
        assert all(n.level == 1 for n in doc.plan.roots)


def test_flipped_byte_inside_a_value_of_a_saved_copy(sample, tmp_path):
    """quick_check cannot see it; the digest recorded at saving time can."""
    copy = tmp_path / "usb.sqlite"
    save_copy(sample, copy)
    data = bytearray(copy.read_bytes())
    at = data.find("Kesatuan Bangsa".encode())
    data[at] ^= 0x20  # 'K' -> 'k'
    copy.write_bytes(bytes(data))
    inspect_file(copy, deep=True)  # structurally fine
    report = check_file(copy)  # the row digests name the row
    assert not report.ok and report.kind == "damaged"
    assert "tidak cocok dengan sidik barisnya" in report.message and "kesatuan Bangsa" in report.message


def test_non_sqlite_file(tmp_path):
    bad = tmp_path / "renja.sqlite"
    bad.write_bytes(b"PK\x03\x04 ini berkas Word yang diganti namanya" * 20)
    before = file_bytes_hash(bad)
    report = check_file(bad)
    assert not report.ok and report.kind == "not_sqlite" and "bukan dokumen Renja" in report.message
    with pytest.raises(DocumentFileError) as info:
        recover(bad, tmp_path / "hasil.sqlite")
    assert "bukan berkas SQLite" in str(info.value)
    assert file_bytes_hash(bad) == before


def test_recover_a_good_file_is_complete(sample, tmp_path):
    out = tmp_path / "utuh.sqlite"
    rep = recover(sample, out)
    assert rep.complete
    assert content_hash_of(out) == content_hash_of(sample)


def test_check_deep_on_the_command_line(sample, capsys):
    assert cli_main(["check", "--deep", str(sample)]) in (0, 1)
    damage_page_holding(sample, "Penyediaan Gaji")
    assert cli_main(["check", "--deep", str(sample)]) == 2
    assert "rusak" in capsys.readouterr().err


def test_cli_recover(sample, tmp_path, capsys):
    damage_page_holding(sample, "Penyediaan Gaji")
    out = tmp_path / "hasil.sqlite"
    assert cli_main(["recover", str(sample), "-o", str(out)]) == 1
    text = capsys.readouterr().out
    assert "terselamatkan" in text and "sebagian isi hilang" in text
    assert cli_main(["recover", str(sample), "-o", str(out)]) == 2  # never overwrites
    assert "sudah ada" in capsys.readouterr().err


def test_backups_rotate_list_and_restore(tmp_path, monkeypatch, capsys):
    doc = small_document(tmp_path / "renja.sqlite")
    other = small_document(tmp_path / "lain.sqlite")
    monkeypatch.setattr(backups, "KEEP_PER_DOCUMENT", 3)
    made = []
    for i in range(5):
        with RenjaDocument.open(doc) as d:
            d.set_document(judul=f"VERSI {i}")
        made.append(backups.take_backup(doc, "sebelum-gabung"))
    backups.take_backup(other, "manual")
    mine = backups.list_backups(doc)
    assert [e.path for e in mine] == made[::-1][:3]  # newest first, oldest rotated away
    assert all(not p.exists() for p in made[:2])
    assert all(e.reason_text() == "sebelum penggabungan" for e in mine)
    assert len(backups.list_backups(other)) == 1
    # restore the oldest kept one as a new file, then over the document itself
    target = tmp_path / "pulih.sqlite"
    restore_backup(mine[-1].path, target)
    with RenjaDocument.open(target, readonly=True) as d:
        assert d.info["judul"] == "VERSI 2"
    before = state(doc)
    with pytest.raises(Exception) as info:
        restore_backup(mine[-1].path.name, doc)
    assert "sudah ada" in str(info.value) and state(doc) == before
    restore_backup(mine[-1].path.name, doc, overwrite=True)
    with RenjaDocument.open(doc, readonly=True) as d:
        assert d.info["judul"] == "VERSI 2"
    kept = backups.list_backups(doc)
    assert kept[0].reason == "sebelum-pulih" and state(kept[0].path)[1] == before[1]
    # the command line
    assert cli_main(["backups", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "sebelum dipulihkan dari cadangan" in out and "sebelum penggabungan" in out
    assert cli_main(["restore", kept[1].path.name, "-o", str(tmp_path / "lagi.sqlite")]) == 0
    assert (tmp_path / "lagi.sqlite").exists()


def test_upgrade_backups_are_listed_and_rotated(tmp_path, monkeypatch):
    doc = small_document(tmp_path / "renja.sqlite")
    monkeypatch.setattr(backups, "KEEP_PER_DOCUMENT", 2)
    for _ in range(3):
        backup_file(doc, "sebelum-pembaruan-v0")  # what storage.upgrade_if_needed takes
    assert len(backups.list_backups(doc)) == 3
    assert backups.list_backups(doc)[0].reason_text().startswith("sebelum pembaruan format")
    from renja_desktop.exchange.backups import startup_cleanup

    startup_cleanup()
    assert len(backups.list_backups(doc)) == 2
    assert paths.backups_dir().is_dir()


def test_recover_keeps_stages_notes_and_renstra(sample, tmp_path):
    """What a planner wrote besides the tables (frozen stages, verification notes, the Renstra) is
    saved too: a sound file comes back whole, with the same content hash."""
    from pathlib import Path

    from renja_desktop import notes, renstra, stages

    data = Path(__file__).parent / "data" / "renstra_kesbangpol_2022_2026.tsv"
    with RenjaDocument.open(sample) as doc:
        renstra.import_renstra(doc, data)
        stages.freeze(doc, "Rancangan Awal", oleh="Budi")
        node = next(n for n in doc.plan.walk() if n.level == 5)
        notes.add_note(doc, node.id, "Target kurang jelas", oleh="Bappeda")
    conn = sqlite3.connect(sample)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("renja_stage", "catatan_verifikasi", "renstra_row", "renstra_nilai")}
    conn.close()
    assert all(counts.values()), counts
    out = tmp_path / "utuh.sqlite"
    rep = recover(sample, out)
    assert rep.complete, rep.lines()
    assert {t: rep.tables[t].saved for t in counts} == counts
    assert content_hash_of(out) == content_hash_of(sample)
    text = "\n".join(rep.lines())
    assert "tahap Renja (potret): 1 dari 1 baris terselamatkan" in text
    with RenjaDocument.open(out, readonly=True) as doc:
        assert [s.nama for s in stages.list_stages(doc)] == ["Rancangan Awal"]
        assert len(renstra.load(doc)) > 0


def test_recover_places_rows_whose_parent_was_lost(sample, tmp_path):
    """A chapter section or Renstra row whose parent row was lost goes to the top level, an
    indicator-like row of a lost owner is listed as not placed; the result is a sound file."""
    from pathlib import Path

    from renja_desktop import renstra
    from renja_desktop.exchange import recover as recover_module

    data = Path(__file__).parent / "data" / "renstra_kesbangpol_2022_2026.tsv"
    with RenjaDocument.open(sample) as doc:
        renstra.import_renstra(doc, data)
    conn = sqlite3.connect(sample)
    section = conn.execute("SELECT id, judul FROM section WHERE parent_id IS NOT NULL LIMIT 1").fetchone()
    child = conn.execute("SELECT id, kode, parent_id FROM renstra_row WHERE parent_id IS NOT NULL "
                         "ORDER BY level DESC LIMIT 1").fetchone()
    conn.close()
    real_read = recover_module._read_all

    def read_losing_parents(src, report):  # the parents were on a page that could not be read
        data = real_read(src, report)
        sect_parent = next(r["parent_id"] for r in data["section"] if r["id"] == section[0])
        data["section"] = [r for r in data["section"] if r["id"] != sect_parent]
        data["renstra_row"] = [r for r in data["renstra_row"] if r["id"] != child[2]]
        return data

    recover_module._read_all = read_losing_parents
    try:
        rep = recover(sample, tmp_path / "selamat.sqlite")
    finally:
        recover_module._read_all = real_read
    inspect_file(tmp_path / "selamat.sqlite", deep=True)
    assert not rep.complete
    text = "\n".join(rep.lines())
    assert f"{child[1]}: induknya hilang, ditempatkan di tingkat teratas" in text
    assert "induknya hilang" in "\n".join(rep.tables["section"].dropped)
    assert any("baris Renstra-nya hilang" in d for d in rep.tables["renstra_nilai"].dropped)
    conn = sqlite3.connect(tmp_path / "selamat.sqlite")
    assert conn.execute("SELECT parent_id FROM section WHERE id = ?", (section[0],)).fetchone() == (None,)
    assert conn.execute("SELECT parent_id FROM renstra_row WHERE id = ?", (child[0],)).fetchone() == (None,)
    conn.close()
