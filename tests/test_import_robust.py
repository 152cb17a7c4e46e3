"""The importer never drops or misplaces a row silently: odd code cells, negatives and non-ASCII
digits, unreconciled figures reaching `check`, cross-table totals, findings kept per table, rows
the import made itself, Tabel 2.3 alone."""
from __future__ import annotations

from collections import Counter

import pytest

from renja_desktop.importer import CONTINUATION, IMPORTED, RECOGNISED, REJECTED, import_text
from renja_desktop.importer.cells import read_money
from renja_desktop.service import RenjaDocument
from renja_desktop.validation import validate

HEAD = "Kode\tUraian\tPagu Indikatif (Rp)\tSumber Dana\tPagu n+1\n"


@pytest.fixture()
def doc(tmp_path):
    d = RenjaDocument.create(tmp_path / "dinkes.sqlite", tahun=2026, pemda="Kabupaten Contoh",
                             opd="Dinas Kesehatan", nomenklatur_versi="kep050-5889-2021")
    yield d
    d.close()


def _lines(report) -> Counter:
    return Counter(r.line for r in report.rows)


ODD = (HEAD +
       "1.02.02.2.01.0001\tPengelolaan Pelayanan Kesehatan Ibu Hamil\t1.000.000\tDAU\n"
       "1.02.02.2.01. 0002\tPengelolaan Pelayanan Kesehatan Ibu Bersalin\t2.000.000\tDAU\n"
       "1.02.02.2.01.0003\tPengelolaan Pelayanan Kesehatan Bayi Baru Lahir\t3.000.000\tDAU\n"
       "1.02.02.2.010004\tPengelolaan Pelayanan Kesehatan Balita\t4.000.000\tDAU\n"
       "1.02.02.2.01.0005\tPengelolaan Pelayanan Kesehatan pada Usia Pendidikan Dasar\t5.000.000\tDAU\n"
       "1.02.02.2.01.006\tPengelolaan Pelayanan Kesehatan pada Usia Produktif\t6.000.000\tDAU\n"
       "1.02.02.2.01.0007\tPengelolaan Pelayanan Kesehatan pada Usia Lanjut\t7.000.000\tDAU\n"
       "1.02.02.2.01.00X8\tPengelolaan Pelayanan Kesehatan Penderita Hipertensi\t8.000.000\tDAU\n"
       "1.02.02.2.01.0009\tPengelolaan Pelayanan Kesehatan Penderita Diabetes Melitus\t9.000.000\tDAU\n")


def test_odd_code_cells_are_read_when_unambiguous_and_never_reject_a_neighbour(doc):
    report = import_text(doc, ODD, table="4.1", source="dinkes.txt")
    by_line = {r.line: r for r in report.rows}
    # every source row exactly once
    assert _lines(report) == Counter(range(1, 11))
    assert [r.line for r in report.rows if r.status == CONTINUATION] == []
    assert [r.line for r in report.rejected] == [9]
    assert "00X8" in by_line[9].reason and "tidak terbaca" in by_line[9].reason
    for line in (2, 4, 6, 8, 10):           # the neighbours of odd rows
        assert by_line[line].status == IMPORTED and not by_line[line].notes
    assert "spasi di dalam kode" in by_line[3].notes[0]
    assert "menempel pada kode kegiatan" in by_line[5].notes[0]
    assert "'006'" in by_line[7].notes[0]
    keg = doc.plan_by_kode("1.02.02.2.01")
    assert [c.kode[-4:] for c in keg.children] == ["0001", "0002", "0003", "0004", "0005", "0006", "0007", "0009"]
    assert keg.sums[0] == 1_000_000 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 9)      # leaf sum exact
    findings = validate(doc)
    odd = sorted(f.kode for f in findings if f.rule == "import_note" and "tidak baku" in f.pesan)
    assert odd == ["1.02.02.2.01.0002", "1.02.02.2.01.0004", "1.02.02.2.01.0006"]
    (rej,) = [f for f in findings if "ditolak" in f.pesan]
    assert rej.severity == "error" and "dinkes.txt baris 9" in rej.pesan and "00X8" in rej.pesan


def test_parentheses_negatives_and_non_ascii_digits_are_rejected_with_a_message(doc):
    assert read_money("(1.500.000)")[0] is None and "negatif" in read_money("(1.500.000)")[1]
    assert read_money("-1.500.000")[0] is None and "negatif" in read_money("-1.500.000")[1]
    assert read_money("١٢٣٤٥٦٧")[0] is None and "bukan 0-9" in read_money("١٢٣٤٥٦٧")[1]
    assert read_money("１.０００")[0] is None
    text = (HEAD +
            "1.02.02.2.01.0001\tPengelolaan Pelayanan Kesehatan Ibu Hamil\t(1.500.000)\tDAU\n"
            "1.02.02.2.01.0002\tPengelolaan Pelayanan Kesehatan Ibu Bersalin\t２.０００.０００\tDAU\n"
            "1.02.02.2.01.0003\tPengelolaan Pelayanan Kesehatan Bayi Baru Lahir\t3.000.000\tDAU\t٣٠٠٠٠٠٠\n")
    report = import_text(doc, text, table="4.1", source="angka.txt")
    rows = {r.line: r for r in report.rows}
    assert any("negatif" in n for n in rows[2].notes)
    assert any("bukan 0-9" in n for n in rows[3].notes)
    assert any("pagu_n1" in n and "bukan 0-9" in n for n in rows[4].notes)
    for kode in ("1.02.02.2.01.0001", "1.02.02.2.01.0002"):
        assert doc.plan_by_kode(kode).values["pagu"] is None        # never read as 0 or as digits
    assert doc.plan_by_kode("1.02.02.2.01.0003").values["pagu_n1"] is None
    findings = validate(doc)
    bad = {f.kode: f for f in findings if f.rule == "declared_malformed"}
    assert bad["1.02.02.2.01.0001"].tercetak == "(1.500.000)" and "angka.txt baris 2" in bad["1.02.02.2.01.0001"].pesan
    assert "1.02.02.2.01.0002" in bad
    (n1,) = [f for f in findings if f.rule == "import_note" and f.kolom == "pagu_n1"]
    assert "angka.txt baris 4" in n1.pesan


def test_unreconciled_printed_figures_become_check_findings_with_the_source_line(doc):
    text = (HEAD +
            "1.02.02.2.01\tPenyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan\t#DIV/0!\t\t\n"
            "1.02.02.2.01.0001\tPengelolaan Pelayanan Kesehatan Ibu Hamil\t95%\tDAU\t\n"
            "1.02.02.2.01.0002\tPengelolaan Pelayanan Kesehatan Ibu Bersalin\t\t2.000.000\tDAU\t2.500.000\n"
            "Rata-rata\t\t1.000.000\t\t\n")
    report = import_text(doc, text, table="4.1", source="campur.txt")
    assert _lines(report) == Counter(range(1, 6))
    findings = [f for f in validate(doc) if "campur.txt" in f.pesan]
    where = {(f.kolom, f.pesan.split("[")[-1]) for f in findings}
    assert ("pagu", "campur.txt baris 2]") in where                     # #DIV/0! on the kegiatan
    assert ("pagu", "campur.txt baris 3]") in where                     # printed percentage
    assert any("bergeser" in f.pesan and "baris 4]" in f.pesan for f in findings)   # shifted column
    assert any("rata-rata" in f.pesan and "baris 5]" in f.pesan for f in findings)  # printed average


PLAN_41 = (HEAD +
           "1\t\t\t\tURUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR\t10.000.000\t\t\n"
           "1.02\tURUSAN PEMERINTAHAN BIDANG KESEHATAN\t10.000.000\t\t\n"
           "1.02.02\tPROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT\t10.000.000\t\t\n"
           "1.02.02.2.01\tPenyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota\t10.000.000\t\t\n"
           "1.02.02.2.01.0001\tPembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya\t4.000.000\tDAK\n"
           "1.02.02.2.01.0002\tPembangunan Puskesmas\t6.000.000\tDAK\n"
           "TOTAL\t\t10.000.000\t\t\n")


def test_printed_totals_are_compared_across_tables_at_every_level(doc):
    import_text(doc, PLAN_41.replace("1\t\t\t\tURUSAN", "1\tURUSAN"), table="4.1", source="t41")
    t31 = ("Kode\tUraian\tIndikator\tPagu Indikatif\tSumber Dana\n"
           "1.02.02\tPROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT\t\t12.000.000\t\n"
           "1.02.02.2.01\tPenyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota\t\t10.000.000\t\n"
           "1.02.02.2.01.0001\tPembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya\tJumlah RS\t4.000.000\tDAK\n"
           "1.02.02.2.01.0002\tPembangunan Puskesmas\tJumlah Puskesmas\t6.000.000\tDAK\n"
           "TOTAL\t\t\t11.000.000\t\n")
    import_text(doc, t31, table="3.1", source="t31")
    mismatch = [f for f in validate(doc) if f.rule == "declared_mismatch"]
    got = {(f.tabel, f.kode) for f in mismatch}
    assert got == {("3.1", "1.02.02"), ("3.1", "TOTAL")}
    prog = next(f for f in mismatch if f.kode == "1.02.02")
    assert "antar tabel: Tabel 4.1 mencetak 10.000.000" in prog.pesan and "[t31 baris 2]" in prog.pesan
    total = next(f for f in mismatch if f.kode == "TOTAL")
    assert "antar tabel: Tabel 4.1 mencetak 10.000.000" in total.pesan and total.tercetak == "11.000.000"
    # both tables print the same wrong kegiatan total: each is reported, with no cross-table note
    doc.set_plan(doc.plan_by_kode("1.02.02.2.01.0002").id, pagu=7_000_000)
    keg = [f for f in validate(doc) if f.rule == "declared_mismatch" and f.kode == "1.02.02.2.01"]
    assert {f.tabel for f in keg} == {"4.1", "3.1"} and not any("antar tabel" in f.pesan for f in keg)
    # the urusan and bidang, printed by Tabel 4.1 only, are compared too (at every level)
    assert {f.kode for f in validate(doc) if f.rule == "declared_mismatch" and f.tabel == "4.1"} >= {"1", "1.02"}


def test_findings_of_one_imported_table_are_not_hidden_by_the_next(doc):
    t41 = (HEAD +
           "1.02.02.2.01.0001\tPembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya\t4.000.000\tDAK\n"
           "1.02.02.2.01.0002\t\t\t\n"
           "1.02.02.2.01.0001\tPembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya\t4.000.000\tDAK\n")
    import_text(doc, t41, table="4.1", source="t41")
    before = {(f.tabel, f.kode, f.kolom) for f in validate(doc) if f.rule == "import_note"}
    assert ("4.1", "1.02.02.2.01.0002", "nama") in before and ("4.1", "1.02.02.2.01.0001", "kode") in before
    t31 = ("Kode\tUraian\tIndikator\tPagu Indikatif\tSumber Dana\n"
           "1.02.02.2.01.0002\tPembangunan Puskesmas\tJumlah Puskesmas\t6.000.000\tDAK\n")
    import_text(doc, t31, table="3.1", source="t31")
    after = {(f.tabel, f.kode, f.kolom) for f in validate(doc) if f.rule == "import_note"}
    assert before <= after
    assert doc.plan_by_kode("1.02.02.2.01.0002").nama == "Pembangunan Puskesmas"   # filled by 3.1


def test_parents_the_importer_created_are_not_reported_as_nameless(tmp_path):
    doc = RenjaDocument.create(tmp_path / "tanpa.sqlite", tahun=2026, pemda="Kabupaten Contoh",
                               opd="Dinas Kesehatan")       # no catalog: parents cannot be named
    try:
        text = (HEAD + "1.02.02.2.01.0001\tPembangunan Rumah Sakit\t4.000.000\tDAK\n")
        report = import_text(doc, text, table="4.1")
        assert len(report.created_parents) == 4
        findings = validate(doc)
        assert not [f for f in findings if f.rule == "name_missing"]
        made = [f for f in findings if f.rule == "name_from_import"]
        assert len(made) == 4 and all(f.severity == "info" for f in made)
        # a row the source itself printed without a name is still an error
        import_text(doc, HEAD + "1.02.02.2.01.0002\t\t5.000.000\tDAK\n", table="4.1")
        assert [f.kode for f in validate(doc) if f.rule == "name_missing"] == ["1.02.02.2.01.0002"]
    finally:
        doc.close()


def test_tabel_23_imported_alone_gives_no_flood_of_non_arithmetic_findings(doc):
    from test_import_seed import seed_lines

    report = import_text(doc, seed_lines(319, 387), table="2.3", source="seed 2.3")
    assert report.inserted > 40
    findings = validate(doc)
    arithmetic = {"declared_mismatch", "declared_malformed", "cross_table_pagu", "cross_table_total"}
    other = [f for f in findings if f.rule not in arithmetic]
    assert len(other) <= 3, [f.line() for f in other]
    (summary,) = [f for f in other if f.rule == "import_placeholder"]
    assert "belum berkode" in summary.pesan and "Tabel 4.1 atau 3.1" in summary.pesan
