"""An .xlsx laid out like Tabel 4.1 (merged header cells) imports to the same tree as pasted text."""
from __future__ import annotations

import openpyxl
import pytest

from renja_desktop.importer import ImportFailure, import_file, import_text, list_sheets
from renja_desktop.service import RenjaDocument

from test_import_seed import table_41

HEADER = [
    ["Kode", "", "", "", "Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan", "Rencana Tahun 2024", ""],
    ["", "", "", "", "", "Pagu Indikatif (Rp)", "Sumber Dana"],
]


def seed_41_rows() -> list[list[str]]:
    """The seed's Tabel 4.1 rows (without its one-line header), as cells."""
    lines = table_41().split("\n")[1:]
    return [ln.split("\t") for ln in lines]


def write_workbook(path, rows, numbers=True):
    wb = openpyxl.Workbook()
    other = wb.active
    other.title = "Catatan"
    other["A1"] = "lembar lain yang bukan tabel"
    ws = wb.create_sheet("Tabel 4.1")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value == "":
                continue
            if numbers and c >= 6 and value.replace(".", "").isdigit() and "." in value:
                try:
                    from renja_desktop.formatting import parse_rupiah

                    value = parse_rupiah(value)   # a real number cell, as typed in Excel
                except ValueError:
                    pass                          # 40.145568.718 stays text, as in the source
            ws.cell(r, c, value)
    # merged header cells: Kode over 4 columns and 2 rows, the name over 2 rows, the year over 2 columns
    ws.merge_cells("A1:D2")
    ws.merge_cells("E1:E2")
    ws.merge_cells("F1:G1")
    wb.save(path)


def tree(doc):
    return [(r["kode"], r["nama"], r["level"], r["pagu"], r["sumber_dana"]) for r in doc.plan_records()]


def declared(doc):
    return sorted((d["tabel"], d["kode"], d["kolom"], d["nilai"]) for d in doc.declared)


@pytest.fixture()
def two_docs(tmp_path):
    a = RenjaDocument.create(tmp_path / "teks.sqlite", tahun=2024, pemda="Kota Binjai", opd="Kesbangpol")
    b = RenjaDocument.create(tmp_path / "excel.sqlite", tahun=2024, pemda="Kota Binjai", opd="Kesbangpol")
    yield a, b
    a.close()
    b.close()


def test_xlsx_imports_to_the_same_tree_as_pasted_text(two_docs, tmp_path):
    rows = HEADER + seed_41_rows()
    text = "\n".join("\t".join(r) for r in rows)
    book = tmp_path / "tabel41.xlsx"
    write_workbook(book, rows)
    a, b = two_docs
    ra = import_text(a, text)
    rb = import_file(b, book, sheet="Tabel 4.1")
    assert ra.tables == rb.tables == ["4.1"]
    assert tree(a) == tree(b)
    assert len(tree(a)) == 48 and a.plan.totals[0] == 40_143_568_718
    assert declared(a) == declared(b)
    assert [(r.line, r.status) for r in ra.rows] == [(r.line, r.status) for r in rb.rows]
    assert rb.source == "tabel41.xlsx (lembar 'Tabel 4.1')"
    # the merged header was read: the year did not turn the pagu into n+1
    assert all(r["pagu_n1"] == 0 for r in a.plan_records())


def test_sheet_names_and_a_wrong_sheet(tmp_path, two_docs):
    book = tmp_path / "buku.xlsx"
    write_workbook(book, HEADER + seed_41_rows()[:5])
    assert list_sheets(book) == ["Catatan", "Tabel 4.1"]
    a, _ = two_docs
    with pytest.raises(ImportFailure) as exc:
        import_file(a, book, sheet="Tabel 3.1")
    msg = str(exc.value)
    assert "'buku.xlsx'" in msg and "'Tabel 3.1'" in msg and "'Catatan', 'Tabel 4.1'" in msg
    assert a.plan.nodes == {}


def test_xlsx_rejected_row_names_sheet_row_and_column(tmp_path, two_docs):
    rows = HEADER + [["8", "01", "01", "2.01", "0001 Penyusunan Dokumen", "1.000.00", "DAU"],
                     ["8", "01", "0x", "", "Program rusak", "", ""]]
    book = tmp_path / "rusak.xlsx"
    write_workbook(book, rows, numbers=False)
    a, _ = two_docs
    report = import_file(a, book, sheet="Tabel 4.1")
    first = report.by_line(3)[0]
    assert "kolom pagu '1.000.00'" in first.notes[0]
    assert "rusak.xlsx (lembar 'Tabel 4.1') baris 3" in first.line_text(report.source)
    (bad,) = report.rejected
    assert bad.line == 4 and "kolom kode" in bad.reason
