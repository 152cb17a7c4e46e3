"""Stages inside one document: freeze, compare, Perubahan Renja, lock after Penetapan, notes."""
from __future__ import annotations

import json
import shutil

import pypdfium2 as pdfium
import pytest

from renja_desktop import notes, stages
from renja_desktop.cli import main as cli_main
from renja_desktop.exchange.consolidate import consolidate
from renja_desktop.exchange.merge import merge_files
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.reports import ReportOptions, render_pdf
from renja_desktop.sample import build_sample
from renja_desktop.service import EditError, RenjaDocument

SUB = "8.01.01.2.01.0001"


@pytest.fixture
def doc_path(sample_file, tmp_path):
    return shutil.copyfile(sample_file, tmp_path / "renja.sqlite")


def pdf_text(path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_freeze_edit_compare_shows_exactly_that_edit(doc_path):
    with RenjaDocument.open(doc_path) as doc:
        info = stages.freeze(doc, "Rancangan Awal", oleh="Budi")
        assert info.total_pagu == doc.plan.totals[0]
        assert [s.nama for s in stages.list_stages(doc)] == ["Rancangan Awal"]
        # nothing edited yet: nothing differs
        assert stages.compare(doc, "Rancangan Awal").changes == []
        node = doc.plan_by_kode(SUB)
        old, old_lokasi = node.values["pagu"], node.values["lokasi"]
        doc.set_plan(node.id, pagu=old + 2_500_000, lokasi="Binjai Timur")
        cmp = stages.compare(doc, "rancangan awal", "sekarang")
    assert len(cmp.changes) == 1
    ch = cmp.changes[0]
    assert (ch.tabel, ch.id, ch.jenis, ch.kode) == ("plan_row", node.id, "diubah", SUB)
    assert {(f.isian, f.sebelum, f.sesudah) for f in ch.isian} == {
        ("pagu", old, old + 2_500_000), ("lokasi", old_lokasi, "Binjai Timur")}
    assert ch.selisih == 2_500_000
    assert cmp.selisih == 2_500_000
    # the Perubahan Renja table: the sub kegiatan and its kegiatan and program, nothing else
    rows = stages.perubahan_rows(cmp)
    assert [r.kode for r in rows] == ["8.01.01", "8.01.01.2.01", SUB]
    assert all(r.selisih == 2_500_000 for r in rows)
    assert "pagu" in rows[-1].keterangan and "lokasi" in rows[-1].keterangan


def test_compare_two_stages_added_and_removed_rows_and_indicators(doc_path):
    with RenjaDocument.open(doc_path) as doc:
        stages.freeze(doc, "Rancangan Awal")
        gone = doc.plan_by_kode("8.01.02.2.01.0001")
        gone_pagu = gone.sums[0]
        doc.delete_plan_row(gone.id)
        parent = doc.plan_by_kode("8.01.01.2.01")
        new_id = doc.add_plan_row(parent.id, "8.01.01.2.01.0009", "Sub kegiatan baru", pagu="7.000.000")
        node = doc.plan_by_kode(SUB)
        doc.set_indikator(node.id, [{"teks": "Dokumen perencanaan", "target": "3", "satuan": "Dokumen"}])
        stages.freeze(doc, "Rancangan")
        cmp = stages.compare(doc, "Rancangan Awal", "Rancangan")
        after = stages.compare(doc, "Rancangan")
    kinds = {(c.kode, c.jenis) for c in cmp.changes if c.tabel == "plan_row"}
    assert ("8.01.02.2.01.0001", "dihapus") in kinds
    assert ("8.01.01.2.01.0009", "ditambah") in kinds
    assert (SUB, "diubah") in kinds
    changed = next(c for c in cmp.changes if c.kode == SUB)
    assert [f.isian for f in changed.isian] == ["indikator"]
    added = next(c for c in cmp.changes if c.id == new_id)
    assert (added.pagu_sebelum, added.pagu_sesudah) == (None, 7_000_000)
    assert cmp.selisih == 7_000_000 - gone_pagu
    assert after.changes == []


def test_freeze_with_an_existing_name_is_refused_and_changes_nothing(doc_path, capsys):
    assert cli_main(["stage", str(doc_path), "freeze", "Rancangan Awal", "--oleh", "Budi"]) == 0
    before = doc_path.read_bytes()
    assert cli_main(["stage", str(doc_path), "freeze", "  rancangan   AWAL "]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("galat: tahap 'Rancangan Awal' sudah ada")
    assert doc_path.read_bytes() == before


def test_stage_is_read_only_in_the_file(doc_path):
    import sqlite3

    with RenjaDocument.open(doc_path) as doc:
        stages.freeze(doc, "Rancangan Awal")
    conn = sqlite3.connect(doc_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="hanya-baca"):
            conn.execute("UPDATE renja_stage SET nama = 'x'")
    finally:
        conn.close()


def test_comparing_stages_of_two_different_documents_is_refused(doc_path, tmp_path, capsys):
    other = tmp_path / "lain.sqlite"
    build_sample(other)  # the same content, but another document (another id)
    for p in (doc_path, other):
        assert cli_main(["stage", str(p), "freeze", "Rancangan"]) == 0
    before = (doc_path.read_bytes(), other.read_bytes())
    assert cli_main(["stage", str(doc_path), "compare", "Rancangan", "Rancangan", "--b-file", str(other)]) == 2
    err = capsys.readouterr().err
    assert "dua dokumen berbeda" in err and err.count("\n") == 1
    assert (doc_path.read_bytes(), other.read_bytes()) == before
    # a copy of the same document compares fine
    copy = tmp_path / "salinan.sqlite"
    save_copy(doc_path, copy)
    assert cli_main(["stage", str(doc_path), "compare", "Rancangan", "Rancangan", "--b-file", str(copy),
                     "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["perubahan"] == []


def test_unknown_stage_names_the_ones_there(doc_path, capsys):
    assert cli_main(["stage", str(doc_path), "freeze"]) == 0  # default name
    assert cli_main(["stage", str(doc_path), "show", "Penetapan"]) == 2
    assert "(ada: Rancangan Awal)" in capsys.readouterr().err


def test_after_penetapan_edits_need_a_perubahan(doc_path, capsys):
    for name in ("Rancangan Awal", "Rancangan", "Rancangan Akhir", "Penetapan"):
        assert cli_main(["stage", str(doc_path), "freeze", name]) == 0
    capsys.readouterr()
    before = doc_path.read_bytes()
    assert cli_main(["set", str(doc_path), SUB, "pagu", "5.000.000"]) == 2
    err = capsys.readouterr().err
    assert "sudah ditetapkan" in err and "perubahan" in err and "Perubahan 1" in err
    assert doc_path.read_bytes() == before
    assert cli_main(["stage", str(doc_path), "perubahan"]) == 0
    assert cli_main(["set", str(doc_path), SUB, "pagu", "5.000.000"]) == 0
    assert cli_main(["note", str(doc_path), "add", SUB, "Penyesuaian KUA-PPAS", "--alasan"]) == 0
    assert cli_main(["stage", str(doc_path), "freeze"]) == 0  # named Perubahan 1
    assert cli_main(["stage", str(doc_path), "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("{"):])
    assert [s["nama"] for s in listed["tahap"]][-1] == "Perubahan 1"
    assert listed["terkunci"] is True
    with RenjaDocument.open(doc_path) as doc:
        with pytest.raises(EditError):
            doc.set_plan(doc.plan_by_kode(SUB).id, pagu=1)
        doc.edit_guard = lambda: True  # the window asked and the user agreed
        cmp = stages.compare(doc, "Penetapan", "Perubahan 1")
        rows = stages.perubahan_rows(cmp, notes.reasons_by_row(doc))
    assert rows[-1].kode == SUB and "Alasan: Penyesuaian KUA-PPAS" in rows[-1].keterangan


def test_notes_listed_filtered_closed(doc_path, capsys):
    with RenjaDocument.open(doc_path) as doc:
        stages.freeze(doc, "Rancangan Awal")
        sub = doc.plan_by_kode(SUB)
        prog = doc.plan_by_kode("8.01.02")
        a = notes.add_note(doc, sub.id, "Target belum terukur", "Rancangan Awal", oleh="Verifikator Bappeda")
        notes.add_note(doc, prog.id, "Outcome program perlu dirumuskan ulang", "Rancangan Awal")
        notes.add_note(doc, sub.id, "Ditambah rapat koordinasi", jenis="alasan")
        with pytest.raises(stages.StageError):
            notes.add_note(doc, sub.id, "   ")
        assert [n.teks for n in notes.list_notes(doc, kode="8.01.01")] == [
            "Target belum terukur", "Ditambah rapat koordinasi"]
        assert len(notes.list_notes(doc, stage="Rancangan Awal")) == 2
        assert len(notes.list_notes(doc, stage="sekarang")) == 1
        before = notes.set_status(doc, a.id, "selesai", oleh="Budi")
        assert before[0] == "terbuka"
        closed = notes.list_notes(doc, status="selesai")
        assert [(n.id, n.ditutup_oleh) for n in closed] == [(a.id, "Budi")]
        notes.restore_status(doc, a.id, before)
        assert notes.list_notes(doc, status="selesai") == []
    assert cli_main(["note", str(doc_path), "close", a.id[:8], "--oleh", "Sari"]) == 0
    assert cli_main(["note", str(doc_path), "list", "--status", "terbuka", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("["):])
    assert {n["teks"] for n in listed} == {"Outcome program perlu dirumuskan ulang", "Ditambah rapat koordinasi"}
    assert cli_main(["note", str(doc_path), "close", a.id[:8]]) == 2  # already closed


def test_perubahan_pdf_and_a_stage_printed_carries_its_name(doc_path, tmp_path):
    with RenjaDocument.open(doc_path) as doc:
        stages.freeze(doc, "Rancangan Awal")
        node = doc.plan_by_kode(SUB)
        frozen_pagu = node.values["pagu"]
        doc.set_plan(node.id, pagu=frozen_pagu + 1_000_000)
        notes.add_note(doc, node.id, "Tambahan rapat", jenis="alasan")
        notes.add_note(doc, node.id, "Periksa indikator", "Rancangan Awal", oleh="Bappeda")
        out = tmp_path / "perubahan.pdf"
        render_pdf(doc, out, ["perubahan", "catatan"], ReportOptions(compare=("Rancangan Awal", "sekarang")))
        stage_file = stages.write_stage_file(doc, "Rancangan Awal", tmp_path / "ranwal.sqlite")
    text = pdf_text(out)
    assert "Perubahan Renja" in text and "Catatan Verifikasi" in text
    assert "1.000.000" in text and "Alasan: Tambahan rapat" in text and "Periksa indikator" in text
    with RenjaDocument.open(stage_file, readonly=True) as staged:
        assert staged.plan_by_kode(SUB).values["pagu"] == frozen_pagu  # as frozen
        render_pdf(staged, tmp_path / "ranwal.pdf", "4.1")
    assert "RANCANGAN AWAL" in pdf_text(tmp_path / "ranwal.pdf")
    assert cli_main(["stage", str(doc_path), "print", "rancangan awal", "-o", str(tmp_path / "cli.pdf"),
                     "--table", "4.1,3.1"]) == 0
    text = pdf_text(tmp_path / "cli.pdf")
    assert "RANCANGAN AWAL" in text and "Tabel 3.1" in text and "Tabel 4.1" in text
    assert "RANCANGAN AWAL" not in pdf_text(out)  # printed from the working state: no stage name
    with pytest.raises(Exception):
        stages.write_stage_file(RenjaDocument.open(doc_path, readonly=True), "Rancangan Awal", stage_file)


def test_freeze_changes_the_content_hash_and_merge_keeps_both_sides_stages(sample_file, tmp_path):
    work = shutil.copyfile(sample_file, tmp_path / "kantor.sqlite")
    usb = tmp_path / "usb.sqlite"
    save_copy(work, usb)
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    save_copy(usb, a)
    save_copy(usb, b)
    h = content_hash_of(a)
    with RenjaDocument.open(a) as doc:
        stages.freeze(doc, "Rancangan Awal", oleh="PC A")
        assert doc.content_hash() == content_hash_of(a) != h
    with RenjaDocument.open(b) as doc:
        stages.freeze(doc, "Rancangan Awal", oleh="PC B")
        notes.add_note(doc, doc.plan_by_kode(SUB).id, "dari PC B")
        doc.set_plan(doc.plan_by_kode(SUB).id, pagu=9_000_000)
    from renja_desktop.exchange.diff import compare_files

    lines = compare_files(a, b, base=usb).lines()
    assert "  + tahap 'Rancangan Awal' hanya ada di A" in lines
    assert "  + tahap 'Rancangan Awal' hanya ada di B" in lines
    assert "  ~ catatan verifikasi: 0 hanya di A, 1 hanya di B, 0 berbeda" in lines
    out = tmp_path / "gabung.sqlite"
    merge_files(a, b, out, base=usb)
    with RenjaDocument.open(out, readonly=True) as doc:
        names = sorted(s.nama for s in stages.list_stages(doc))
        assert names == ["Rancangan Awal", "Rancangan Awal (salinan b)"]
        assert [n.teks for n in notes.list_notes(doc)] == ["dari PC B"]
        assert doc.plan_by_kode(SUB).values["pagu"] == 9_000_000
    city = tmp_path / "kota.sqlite"
    consolidate([a], city)
    import sqlite3

    conn = sqlite3.connect(city)
    try:
        assert conn.execute("SELECT nama, oleh FROM renja_stage").fetchall() == [("Rancangan Awal", "PC A")]
    finally:
        conn.close()
