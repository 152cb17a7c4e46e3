"""Header detection: comment/title lines above the header, year-labelled columns, the reusable
find_header() for any table's expected fields."""
from __future__ import annotations

import pytest

from renja_desktop.importer import RECOGNISED, import_text
from renja_desktop.importer.header import ExpectedField, find_header
from renja_desktop.service import RenjaDocument


@pytest.fixture()
def doc(tmp_path):
    d = RenjaDocument.create(tmp_path / "doc.sqlite", tahun=2026, pemda="Kota Contoh", opd="Dinas Kesehatan")
    yield d
    d.close()


def test_comment_and_title_lines_above_the_header_are_skipped_and_mapping_by_header_works(doc):
    text = ("# diekspor dari lembar kerja bidang program\t\t\n"
            "RENCANA KERJA DAN PENDANAAN DINAS KESEHATAN\n"
            "\n"
            "Kode\tUraian\tSumber Dana\tJumlah Dana (Rp)\n"
            "1.02.02.2.01.0001\tPengelolaan Pelayanan Kesehatan Ibu Hamil\tDAU\t12.500.000\n")
    report = import_text(doc, text, table="4.1", column_map={"pagu": "Jumlah Dana (Rp)"})
    by_line = {r.line: r for r in report.rows}
    assert by_line[1].status == RECOGNISED and by_line[2].status == RECOGNISED
    assert by_line[4].kind == "kepala tabel"
    node = doc.plan_by_kode("1.02.02.2.01.0001")
    assert node.values["pagu"] == 12_500_000
    assert doc.sumber_dana_text(node.id) == "DAU"
    assert len(report.rows) == 5


def test_year_labelled_columns_follow_the_document_year_not_their_position(doc):
    # the 2025 column comes first; the 2026 Renja must read 2026 as pagu and 2027 as n+1
    text = ("Kode\tUraian\tPagu 2025\tAnggaran 2026\tTarget 2027\tPagu 2027\n"
            "1.02.02.2.01.0001\tPengelolaan Pelayanan Kesehatan Ibu Hamil\t9.000.000\t12.500.000\t100\t13.000.000\n")
    report = import_text(doc, text, table="3.1")
    node = doc.plan_by_kode("1.02.02.2.01.0001")
    assert node.values["pagu"] == 12_500_000
    assert node.values["pagu_n1"] == 13_000_000
    assert doc.indikator[node.id][0]["target_n1"] == "100"
    assert any("pagu 2025" in m for m in report.messages)


def test_find_header_is_reusable_with_any_fields_and_years():
    rows = [["# komentar"], ["Tabel 5.2 Rencana Program"], [],
            ["Kode", "Program", "Target Kinerja", "", "", "Pagu", ""],
            ["", "", "2025", "2026", "2027", "2025", "2026"],
            ["1.02.02", "PROGRAM X", "10", "20", "30", "1.000", "2.000"]]
    fields = [ExpectedField("kode", ("kode",)), ExpectedField("nama", ("program",)),
              ExpectedField("target_1", ("target",), year=2025), ExpectedField("target_2", ("target",), year=2026),
              ExpectedField("pagu_1", ("pagu",), year=2025), ExpectedField("pagu_2", ("pagu",), year=2026)]
    m = find_header(rows, fields, required=("kode", "nama"))
    assert (m.start, m.end) == (3, 5)
    assert m.skipped == [0, 1]
    assert m.columns == {"kode": 0, "nama": 1, "target_1": 2, "target_2": 3, "pagu_1": 5, "pagu_2": 6}
    assert [c for c, _ in m.other_years] == [4]
    assert find_header([["a", "b"], ["1", "2"]], fields, required=("kode",)) is None
