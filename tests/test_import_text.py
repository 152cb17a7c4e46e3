"""Importing pasted text and CSV: pasting under a row, manual column mapping, bad input, rollback."""
from __future__ import annotations

import pytest

from renja_desktop.importer import REJECTED, ImportFailure, import_file, import_text
from renja_desktop.service import RenjaDocument
from renja_desktop.validation import validate

SKELETON = (
    "Kode\t\t\t\tUraian\tPagu Indikatif (Rp)\tSumber Dana\n"
    "8\t\t\t\tUNSUR PEMERINTAHAN UMUM\t\t\n"
    "8\t01\t\t\tKESATUAN BANGSA DAN POLITIK\t\t\n"
    "8\t01\t02\t\tPROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN\t\t\n"
    "8\t01\t02\t2.01\tPerumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila\t\t\n"
)


@pytest.fixture()
def doc(tmp_path):
    d = RenjaDocument.create(tmp_path / "doc.sqlite", tahun=2024, pemda="Kota Binjai", opd="Kesbangpol")
    import_text(d, SKELETON)
    yield d
    d.close()


def test_paste_under_a_row_with_short_or_missing_codes(doc):
    keg = doc.plan_by_kode("8.01.02.2.01")
    paste = ("0001\tPenyusunan Program Kerja\t70.000.000\tDAU\n"
             "\tPembentukan Paskibraka\t650.000.000\tDAU\n")
    report = import_text(doc, paste, parent_id=keg.id)
    assert [c.kode for c in keg.children] == ["8.01.02.2.01.0001", "8.01.02.2.01.0002"]
    assert keg.sums[0] == 720_000_000
    assert report.inserted == 2 and report.rejected == []
    assert "diberi kode 8.01.02.2.01.0002" in report.rows[1].notes[0]


def test_rejected_rows_never_stop_the_rest(doc):
    paste = ("8.01.02.2.01.0001\tPenyusunan Program Kerja\t70.000.000\tDAU\n"
             "8.01.02.2.XY\tKode rusak\t5.000.000\tDAU\n"
             "8\t01\t02\t2\tKode kegiatan tanpa nomor\t1.000\t\n"
             "8.01.02.2.01.0003\tPelaksanaan Kebijakan\t1.50.000\tDAU\n"
             "8.01.02.2.01.0008\tPembentukan Paskibraka\t650.000.000\tDAU\n")
    report = import_text(doc, paste, table="4.1", source="tempel.txt")
    by_line = {r.line: r for r in report.rows}
    assert by_line[2].status == REJECTED and "8.01.02.2.XY" in by_line[2].reason
    assert by_line[3].status == REJECTED and "tidak lengkap" in by_line[3].reason
    assert [r.line for r in report.rejected] == [2, 3]
    assert doc.plan_by_kode("8.01.02.2.01.0008").values["pagu"] == 650_000_000
    # the broken number: row imported without pagu, the message names file, row and column
    broken = by_line[4]
    assert any("kolom pagu '1.50.000'" in n for n in broken.notes)
    assert "tempel.txt baris 4" in broken.line_text("tempel.txt")
    assert doc.plan_by_kode("8.01.02.2.01.0003").values["pagu"] is None
    (f,) = [f for f in validate(doc) if f.rule == "declared_malformed"]
    assert f.kode == "8.01.02.2.01.0003" and f.tercetak == "1.50.000" and "tempel.txt baris 4" in f.pesan
    assert "2 ditolak" in report.summary()


def test_failed_import_leaves_the_file_byte_for_byte_unchanged(doc, monkeypatch):
    doc.close()
    before = doc.path.read_bytes()
    again = RenjaDocument.open(doc.path)
    real = again.add_plan_rows_bulk

    def failing(*args, **kwargs):
        real(*args, **kwargs)          # the rows are written, then the power goes
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(again, "add_plan_rows_bulk", failing)
    paste = "".join(f"8.01.02.2.01.000{i}\tSub {i}\t{i}.000.000\tDAU\n" for i in range(1, 6))
    with pytest.raises(RuntimeError, match="listrik padam"):
        import_text(again, paste, table="4.1")
    # memory was reloaded from the file: nothing of the failed import remains
    assert again.plan_by_kode("8.01.02.2.01.0001") is None
    again.close()
    assert doc.path.read_bytes() == before


def test_nothing_importable_is_refused_and_changes_nothing(doc):
    count = len(doc.plan.nodes)
    with pytest.raises(ImportFailure, match="tidak ada baris data"):
        import_text(doc, "catatan rapat\nbukan tabel", table="4.1")
    with pytest.raises(ImportFailure, match="tidak dikenal"):
        import_text(doc, "a\tb", table="9.9")
    with pytest.raises(ImportFailure, match="jenis tabel tidak dikenali"):
        import_text(doc, "apa\tini\nitu\tdia")
    assert len(doc.plan.nodes) == count


def test_manual_column_mapping_csv_with_its_own_headers(doc, tmp_path):
    path = tmp_path / "anggaran.csv"
    path.write_text("No;Rincian;Uraian Kegiatan;Nilai;Dana Dari\n"
                    "1;8.01.02.2.01.0007;Pembinaan Purnapaskibraka;2.000.000;PAD\n", encoding="utf-8")
    report = import_file(doc, path, table="4.1", column_map={
        "kode": "Rincian", "nama": "Uraian Kegiatan", "pagu": "Nilai", "sumber_dana": "E"})
    node = doc.plan_by_kode("8.01.02.2.01.0007")
    assert node is not None and node.nama == "Pembinaan Purnapaskibraka"
    assert node.values["pagu"] == 2_000_000 and doc.sumber_dana_text(node.id) == "PAD"
    assert report.rejected == []


def test_manual_mapping_errors_name_the_columns(doc, tmp_path):
    text = "Kode\tUraian\tPagu\n8.01.02.2.01.0001\tA\t1.000\n"
    with pytest.raises(ImportFailure, match="isian 'anggaran' tidak dikenal"):
        import_text(doc, text, table="4.1", column_map={"anggaran": "Pagu"})
    with pytest.raises(ImportFailure, match="kolom 'Nilai' tidak ditemukan; kolom yang ada: A 'kode'"):
        import_text(doc, text, table="4.1", column_map={"pagu": "Nilai"})


def test_headerless_rows_mapped_by_letter(doc):
    report = import_text(doc, "x\t8.01.02.2.01.0009\tPengangkatan\t9.000.000\n", table="4.1",
                         column_map={"kode": "B", "nama": "C", "pagu": "D"})
    assert report.rejected == []
    assert doc.plan_by_kode("8.01.02.2.01.0009").values["pagu"] == 9_000_000


def test_header_years_tell_n_from_n_plus_1(tmp_path):
    doc = RenjaDocument.create(tmp_path / "y.sqlite", tahun=2024, pemda="Kota Binjai", opd="X")
    try:
        text = ("Kode\tProgram/Kegiatan/Sub Kegiatan\tIndikator Kinerja\tLokasi\tTarget 2024\t"
                "Pagu Indikatif 2024\tSumber Dana\tTarget 2025\tKebutuhan Dana 2025\tPenanggung Jawab\n"
                "8.01.02.2.01.0001\tPenyusunan Program Kerja\tJumlah Dokumen\tKota Binjai\t1 Dokumen\t"
                "70.000.000\tDAU\t2 Dokumen\t126.000.000\tBidang Ideologi\n")
        report = import_text(doc, text)
        assert report.tables == ["3.1"]
        node = doc.plan_by_kode("8.01.02.2.01.0001")
        assert node.values["pagu"] == 70_000_000 and node.values["pagu_n1"] == 126_000_000
        assert node.values["penanggung_jawab"] == "Bidang Ideologi"
        ind = doc.indikator[node.id][0]
        assert (ind["teks"], ind["target"], ind["satuan"], ind["target_n1"]) == ("Jumlah Dokumen", "1", "Dokumen", "2")
        # the parents were made from the code (names from the catalog when the document names one)
        assert report.created_parents[:2] == ["8", "8.01"]
    finally:
        doc.close()


def test_clipboard_cells_with_line_breaks_and_thousands(doc):
    text = ('8.01.02.2.01.0004\t"Pelaksanaan Koordinasi\ndi Bidang Ideologi"\tRp 24.350.000,00\tDAU\n')
    report = import_text(doc, text, table="4.1")
    node = doc.plan_by_kode("8.01.02.2.01.0004")
    assert node.nama == "Pelaksanaan Koordinasi di Bidang Ideologi"
    assert node.values["pagu"] == 24_350_000
    assert [r.line for r in report.rows] == [1]


def test_foreign_files_get_a_clear_message(doc, tmp_path):
    png = tmp_path / "gambar.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportFailure, match="'gambar.csv' bukan berkas teks"):
        import_file(doc, png)
    fake = tmp_path / "laporan.xlsx"
    fake.write_bytes(b"bukan zip sama sekali")
    with pytest.raises(ImportFailure, match="'laporan.xlsx' bukan buku kerja Excel"):
        import_file(doc, fake)
    with pytest.raises(ImportFailure, match="dokumen Renja"):
        import_file(doc, doc.path)
    with pytest.raises(ImportFailure, match="tidak ditemukan"):
        import_file(doc, tmp_path / "tidak-ada.xlsx")


def test_importing_the_same_table_again_fills_and_replaces_printed_values(doc):
    table = ("8\t01\t02\t2.01\tPerumusan Kebijakan Teknis\t72.000.000\t\n"
             "8.01.02.2.01.0001\tPenyusunan Program Kerja\t70.000.000\tDana Transfer Umum - Dana Alokasi Umum\n"
             "TOTAL\t\t\t\t\t99.000.000\t\n")
    first = import_text(doc, table, table="4.1")
    declared = sorted((d["tabel"], d["kode"], d["kolom"], d["nilai"]) for d in doc.declared)
    second = import_text(doc, table, table="4.1")
    assert first.inserted == 1 and second.inserted == 0 and second.updated == 0
    assert sorted((d["tabel"], d["kode"], d["kolom"], d["nilai"]) for d in doc.declared) == declared
    assert ("4.1", "", "pagu", 99_000_000) in declared and ("4.1", "8.01.02.2.01", "pagu", 72_000_000) in declared
    node = doc.plan_by_kode("8.01.02.2.01.0001")
    # the funding source is recognised in the catalog's tree (Dana Alokasi Umum)
    assert doc.sumber_dana[node.id][0]["kode"] == "1.2.01.01.02.0001"
    doc.close()
    again = RenjaDocument.open(doc.path)
    try:
        assert sorted((d["tabel"], d["kode"], d["kolom"], d["nilai"]) for d in again.declared) == declared
    finally:
        again.close()


def test_headerless_mapping_needs_the_name_column(doc):
    with pytest.raises(ImportFailure, match="petakan juga kolom nama"):
        import_text(doc, "8.01.02.2.01.0009\tPengangkatan\t9.000.000\n", table="4.1", column_map={"pagu": "C"})
