"""Importing the real seed (Renja Kesbangpol Kota Binjai 2024): Tabel 4.1 and 3.1, then the audit.

The findings asserted here were checked by hand against the seed text (line numbers of
resources/sample/renja_kesbangpol_binjai_2024.txt, a verbatim copy of the seed):

* 4.1 line 581 prints program 8.01.01 as 5.117.798.123; its sixteen sub kegiatan add up to
  5.177.798.123 (1.000.000 + 1.000.000 + 4.348.298.123 + 300.000.000 + 50.000.000 + 6.000.000 +
  10.000.000 + 35.000.000 + 15.000.000 + 10.000.000 + 200.000.000 + 3.500.000 + 99.000.000 +
  30.000.000 + 60.000.000 + 9.000.000).
* 4.1 line 597 prints kegiatan 8.01.01.2.08 as 133.500.000; 3.500.000 + 99.000.000 + 30.000.000 =
  132.500.000, which is what 3.1 line 522 prints.
* 4.1 line 630 prints TOTAL 7.701.036.123 (the RKPD total of Tabel 2.3 line 387); the six
  programs add up to 40.145.568.718 once the Forum Koordinasi row (2.000.000, 3.1 line 565) is in.
* 4.1 line 580 and 3.1 line 566 print 40.145568.718 (malformed).
* 4.1 lines 618 and 622 both print program code 8.01.05; lines 624 and 627 write segment 6 for 06.
* 3.1 line 532 prints pagu n+1 346.500.000 for 8.01.01.2.09; its rows give 157.500.000 + 31.500.000.
"""
from __future__ import annotations

import pytest

from renja_desktop import codes
from renja_desktop.importer import CONTINUATION, IMPORTED, RECOGNISED, REJECTED, import_text
from renja_desktop.sample import sample_text
from renja_desktop.service import RenjaDocument
from renja_desktop.validation import validate


def seed_lines(first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of the seed text."""
    lines = sample_text().split("\n")
    return "\n".join(lines[first - 1:last])


def table_41() -> str:
    text = seed_lines(578, 630)
    assert text.startswith("Kode") and text.rstrip().endswith("7.701.036.123")
    return text


def table_31() -> str:
    text = seed_lines(512, 566)
    assert text.startswith("8\t01\t01\t2.02\t00 04") and "TOTAL" in text.split("\n")[-1]
    return text


@pytest.fixture()
def doc(tmp_path):
    d = RenjaDocument.create(tmp_path / "impor.sqlite", tahun=2024, pemda="Kota Binjai",
                             opd="Badan Kesatuan Bangsa dan Politik", opd_singkat="Badan Kesbangpol",
                             nomenklatur_versi="kep050-5889-2021")
    yield d
    d.close()


@pytest.fixture()
def imported(doc):
    r41 = import_text(doc, table_41(), table="4.1", source="seed 4.1")
    r31 = import_text(doc, table_31(), table="3.1", source="seed 3.1")
    return doc, r41, r31


PRINTED_41_LEAVES = {
    "8.01.01.2.01.0001": 1_000_000, "8.01.01.2.01.0006": 1_000_000,
    "8.01.01.2.02.0001": 4_348_298_123, "8.01.01.2.02.0004": 300_000_000,
    "8.01.01.2.05.0009": 50_000_000, "8.01.01.2.06.0001": 6_000_000,
    "8.01.01.2.06.0003": 10_000_000, "8.01.01.2.06.0004": 35_000_000,
    "8.01.01.2.06.0005": 15_000_000, "8.01.01.2.06.0006": 10_000_000,
    "8.01.01.2.06.0009": 200_000_000, "8.01.01.2.08.0001": 3_500_000,
    "8.01.01.2.08.0002": 99_000_000, "8.01.01.2.08.0004": 30_000_000,
    "8.01.01.2.09.0002": 60_000_000, "8.01.01.2.09.0006": 9_000_000,
    "8.01.02.2.01.0001": 70_000_000, "8.01.02.2.01.0003": 353_000_000,
    "8.01.02.2.01.0007": 2_000_000, "8.01.02.2.01.0008": 650_000_000,
    "8.01.03.2.01.0003": 33_409_770_595, "8.01.03.2.01.0005": 35_000_000,
    "8.01.04.2.01.0003": 35_000_000, "8.01.05.2.01.0003": 130_000_000,
    "8.01.05.2.01.0004": 80_000_000, "8.01.06.2.01.0002": 135_000_000,
    "8.01.06.2.01.0003": 1_000_000, "8.01.06.2.01.0004": 65_000_000,
}


def test_every_sub_kegiatan_with_its_pagu(imported):
    doc, r41, r31 = imported
    subs = {n.kode: n for n in doc.plan.walk() if n.level == codes.SUB_KEGIATAN}
    for kode, pagu in PRINTED_41_LEAVES.items():
        assert subs[kode].values["pagu"] == pagu, kode
    # the row 4.1 prints with a code only, and the row only 3.1 has (with its own code 0008)
    assert subs["8.01.06.2.01.0006"].values["pagu"] is None and subs["8.01.06.2.01.0006"].nama == ""
    forum = subs["8.01.06.2.01.0008"]
    assert forum.nama.startswith("Pelaksanaan Forum Koordinasi Pimpinan Daerah")
    assert forum.values["pagu"] == 2_000_000 and forum.values["pagu_n1"] == 100_000_000
    assert set(subs) == set(PRINTED_41_LEAVES) | {"8.01.06.2.01.0006", "8.01.06.2.01.0008"}
    # the six programs (the sixth printed as a second 8.01.05) total 40.145.568.718
    programs = [n for n in doc.plan.walk() if n.level == codes.PROGRAM]
    assert [p.kode for p in programs] == ["8.01.01", "8.01.02", "8.01.03", "8.01.04", "8.01.05", "8.01.05"]
    assert sum(p.sums[0] for p in programs) == 40_145_568_718 == doc.plan.totals[0]


def test_31_fills_the_rows_41_created(imported):
    doc, r41, r31 = imported
    akuntansi = doc.plan_by_kode("8.01.01.2.02.0004")
    assert akuntansi.values["pagu_n1"] == 320_250_000
    assert akuntansi.values["lokasi"] == "Kota Binjai, Binjai Barat, Limau Mungkur"
    ind = doc.indikator[akuntansi.id][0]
    assert ind["teks"] == "Jumlah Dokumen Koordinasi dan Pelaksanaan Akuntansi SKPD"
    assert (ind["target"], ind["satuan"]) == ("12", "Dokumen")
    assert doc.sumber_dana_text(akuntansi.id) == "Dana Transfer Umum - dana Alokasi Umum"
    assert r31.updated >= 25
    # 3.1's first row (0004 of 2.02) found its 4.1 twin; no parent rows were made from codes
    assert r31.created_parents == []


def test_continuation_rows_and_page_headers(imported):
    doc, r41, r31 = imported
    # 4.1 line 626 continues line 624 after a page break (name and sumber dana both split)
    node = doc.plan_by_kode("8.01.06.2.01.0002")
    assert node.nama.endswith("Fasilitas Kelembagaan Bidang Kewaspadaan, serta Penanganan Konflik di Daerah")
    assert node.nama.startswith("Penyusunan Bahan Perumusan Kebijakan di Bidang Kewaspadaan Dini")
    assert doc.sumber_dana_text(node.id) == "Dana Transfer Umum - dana Alokasi Umum"
    cont = [r for r in r41.rows if r.status == CONTINUATION]
    assert [(r.line, r.merged_into) for r in cont] == [(49, 47)]  # lines within the pasted block
    # 3.1 lines 524-527 and 557-560: the running header printed mid-table
    kinds = {r.line: r.kind for r in r31.rows if r.status == RECOGNISED}
    assert kinds[13] == "kepala halaman" and kinds[14] == "kepala halaman" and kinds[16] == "kepala halaman"
    assert kinds[55] == "total"


def test_every_source_row_accounted_for_exactly_once(imported):
    doc, r41, r31 = imported
    for report, text in ((r41, table_41()), (r31, table_31())):
        n = len(text.split("\n"))
        lines = [r.line for r in report.rows]
        assert sorted(lines) == list(range(1, n + 1))
        assert report.rejected == []
        assert {r.status for r in report.rows} <= {IMPORTED, CONTINUATION, RECOGNISED, REJECTED}
    assert "53 baris sumber dibaca" in r41.summary()


def _find(findings, tabel, kode, kolom, rule=None):
    return [f for f in findings if f.tabel == tabel and f.kode == kode and f.kolom == kolom
            and (rule is None or f.rule == rule)]


def test_check_reports_the_seed_inconsistencies(imported):
    doc, _, _ = imported
    findings = validate(doc)
    (f,) = _find(findings, "4.1", "8.01.01", "pagu", "declared_mismatch")
    assert (f.tercetak, f.terhitung) == ("5.117.798.123", "5.177.798.123")
    (f,) = _find(findings, "4.1", "8.01.01.2.08", "pagu", "declared_mismatch")
    assert (f.tercetak, f.terhitung) == ("133.500.000", "132.500.000")
    assert _find(findings, "3.1", "8.01.01.2.08", "pagu") == []  # 3.1 prints 132.500.000: right
    (f,) = _find(findings, "4.1", "TOTAL", "pagu", "declared_mismatch")
    assert (f.tercetak, f.terhitung) == ("7.701.036.123", "40.145.568.718")
    (f,) = _find(findings, "4.1", "8.01", "pagu", "declared_malformed")
    assert (f.tercetak, f.terhitung) == ("40.145568.718", "40.145.568.718")
    (f,) = _find(findings, "3.1", "TOTAL", "pagu", "declared_malformed")
    assert f.tercetak == "40.145568.718"
    (f,) = _find(findings, "3.1", "8.01.01.2.09", "pagu_n1", "declared_mismatch")
    assert (f.tercetak, f.terhitung) == ("346.500.000", "189.000.000")
    dup = [f for f in findings if f.rule == "code_duplicate" and f.kode == "8.01.05"]
    assert dup and "2 kali" in dup[0].pesan
    six = [f for f in findings if f.rule == "import_note" and f.tabel == "4.1" and f.kode == "8.01.06.2.01.0002"
           and "tanpa nol" in f.pesan]
    assert six and six[0].tercetak == "8.01.6.2.01.0002" and six[0].terhitung == "8.01.06.2.01.0002"
    (f,) = [f for f in findings if f.rule == "name_missing" and f.kode == "8.01.06.2.01.0006"]
    assert f.severity == "error"
    # rows printed under the second "8.01.05" although their codes say 8.01.06
    misplaced = {f.kode for f in findings if f.rule == "code_parent"}
    assert {"8.01.06.2.01.0002", "8.01.06.2.01.0003", "8.01.06.2.01.0004"} <= misplaced


def test_cross_table_difference_with_tabel_23(tmp_path):
    """Tabel 2.3 line 359 prints 2.000.000.000 for the row 4.1 and 3.1 print as 2.000.000."""
    doc = RenjaDocument.create(tmp_path / "x.sqlite", tahun=2024, pemda="Kota Binjai", opd="Kesbangpol")
    try:
        import_text(doc, table_41(), table="4.1")
        import_text(doc, table_31(), table="3.1")
        report = import_text(doc, seed_lines(319, 387), table="2.3")
        assert report.rejected == []
        findings = validate(doc)
        (f,) = [f for f in findings if f.rule == "cross_table_pagu"]
        assert (f.tabel, f.kode, f.tercetak, f.terhitung) == ("2.3", "8.01.02.2.01.0007", "2.000.000.000", "2.000.000")
        assert "Tabel 4.1 2.000.000; Tabel 3.1 2.000.000; Tabel 2.3 2.000.000.000" in f.pesan
        gaji = doc.plan_by_kode("8.01.01.2.02.0001")
        assert gaji.values["rkpd_pagu"] == 4_328_298_122
        (t,) = [f for f in findings if f.tabel == "2.3" and f.kode == "TOTAL" and f.kolom == "rkpd_pagu"]
        assert t.tercetak == "7.701.036.123"
    finally:
        doc.close()


def test_whole_document_text_accounts_for_every_line(tmp_path):
    text = sample_text()
    doc = RenjaDocument.create(tmp_path / "all.sqlite", tahun=2024, pemda="Kota Binjai",
                               opd="Badan Kesatuan Bangsa dan Politik")
    try:
        report = import_text(doc, text, source="seed.txt")
        n = len(text.split("\n")) - (1 if text.endswith("\n") else 0)
        assert sorted(r.line for r in report.rows) == list(range(1, n + 1))
        assert report.rejected == []
        assert set(report.tables) == {"4.1", "3.1", "2.3", "2.1", "2.2", "2.4"}
        assert doc.info["kepala_nama"] == "Drs. Ruslianto, M.Pd"
        # Tabel 2.1: 6 programs with kegiatan and sub kegiatan, values and #DIV/0! handled
        programs = [n for n in doc.evaluation.walk() if n.level == codes.PROGRAM]
        assert len(programs) == 6
        gaji = next(n for n in doc.evaluation.walk() if n.nama.startswith("Penyediaan Gaji"))
        assert gaji.values["rp_5"] == 25_540_525_895 and gaji.values["rp_12"] == 3_924_184_088
        div0 = [r for r in report.rows if any("#DIV/0!" in note for note in r.notes)]
        assert [r.line for r in div0] == [222, 223, 248]
        assert len(doc.pelayanan) == 7 and doc.pelayanan[2]["target_n"] == "9 Parpol"
        assert doc.usulan == []
    finally:
        doc.close()


def test_import_notes_follow_the_rows(imported):
    """A note about a printed code disappears once the row is put where its code says."""
    doc, _, _ = imported
    notes = [f for f in validate(doc) if f.rule == "import_note" and f.kode == "8.01.06.2.01.0004"]
    assert notes and "8.01.06.2.01" in notes[0].pesan
    # give the sixth program its own code: its kegiatan follows, and the notes go away
    programs = [n for n in doc.plan.walk() if n.kode == "8.01.05"]
    doc.set_plan(programs[1].id, kode="8.01.06")
    assert doc.plan_by_kode("8.01.06.2.01") is not None
    left = [f for f in validate(doc) if f.rule == "import_note" and f.kode == "8.01.06.2.01.0004"]
    assert left == []
    assert not [f for f in validate(doc) if f.rule == "code_duplicate"]
