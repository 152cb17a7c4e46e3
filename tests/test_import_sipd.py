"""SIPD layouts: SIPD-RI's 17-column Renja (3-row header, name row + indicator/value row, line
breaks inside cells, Jumlah rows), the older 19-column layout, HTML tables saved as .xls, and the
export of Tabel 3.1/4.1 in the SIPD-RI column order (read back with exact leaf sums)."""
from __future__ import annotations

import html

import openpyxl
import pytest

from renja_desktop.importer import CONTINUATION, REJECTED, import_file
from renja_desktop.importer.sipd import COLUMNS, export_sipd, header_rows, table_rows
from renja_desktop.service import RenjaDocument
from renja_desktop.validation import validate

LEAVES = {
    "1.02.02.2.01.0001": 125_000_000, "1.02.02.2.01.0002": 37_500_000,
    "1.02.02.2.02.0001": 250_000_000, "1.02.03.2.01.0001": 9_999_999,
}


def _new(path, **kw):
    return RenjaDocument.create(path, tahun=2026, pemda="Kabupaten Contoh", opd="Dinas Kesehatan",
                                nomenklatur_versi="kep050-5889-2021", **kw)


@pytest.fixture()
def source(tmp_path):
    """A Dinas Kesehatan plan: two programs, multi-indicator and two-source rows."""
    doc = _new(tmp_path / "sumber.sqlite")
    u = doc.add_plan_row(None, "1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR")
    b = doc.add_plan_row(u, "1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN")
    p = doc.add_plan_row(b, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT")
    doc.set_indikator(p, [{"teks": "Angka kematian ibu", "target": "90", "satuan": "per 100.000 KH"}])
    k1 = doc.add_plan_row(p, "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota")
    k2 = doc.add_plan_row(p, "1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota")
    p2 = doc.add_plan_row(b, "1.02.03", "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN")
    k3 = doc.add_plan_row(p2, "1.02.03.2.01", "Pemberian Izin Praktik Tenaga Kesehatan di Wilayah Kabupaten/Kota")
    rows = {}
    for kode, pagu in LEAVES.items():
        parent = {"1.02.02.2.01": k1, "1.02.02.2.02": k2, "1.02.03.2.01": k3}[kode[:12]]
        rows[kode] = doc.add_plan_row(parent, kode, f"Sub kegiatan {kode[-4:]} pelayanan kesehatan",
                                      pagu=pagu, pagu_n1=pagu + 1_000_000, lokasi="Kabupaten Contoh")
        doc.set_sumber_dana(rows[kode], [{"nama": "DAU", "jumlah": None}])
    doc.set_indikator(rows["1.02.02.2.01.0001"], [
        {"teks": "Jumlah puskesmas yang direhabilitasi", "target": "3", "satuan": "Unit", "target_n1": "4"},
        {"teks": "Jumlah alat kesehatan yang diadakan", "target": "25", "satuan": "Paket", "target_n1": "30"}])
    doc.set_sumber_dana(rows["1.02.02.2.02.0001"], [{"nama": "DAK Fisik", "jumlah": 150_000_000},
                                                    {"nama": "PAD", "jumlah": 100_000_000}])
    yield doc
    doc.close()


def _shape(doc):
    out = {}
    for n in doc.plan.walk():
        out[n.kode] = (n.nama, n.sums[0], n.sums[1],
                       [(i["teks"], i["target"], i["satuan"], i["target_n1"]) for i in doc.indikator.get(n.id, [])],
                       [(s["nama"], s["jumlah"]) for s in doc.sumber_dana.get(n.id, [])])
    return out


def _check_round_trip(source, target, report):
    assert report.rejected == []
    assert _shape(target) == _shape(source)
    for kode, pagu in LEAVES.items():
        assert target.plan_by_kode(kode).values["pagu"] == pagu          # leaf sums exact
    assert target.plan.totals[0] == sum(LEAVES.values())
    findings = validate(target)
    assert not [f for f in findings if f.severity == "error"], [f.line() for f in findings if f.severity == "error"]


def test_sipd_ri_17_column_export_reads_back_exactly(source, tmp_path):
    path = export_sipd(source, tmp_path / "renja_sipd.xlsx", "3.1")
    ws = openpyxl.load_workbook(path).active
    assert ws.max_column == 17 and len(COLUMNS["3.1"]) == 17
    assert ws.cell(1, 5).value == "Rencana Tahun 2026" and ws.cell(2, 8).value == "Pagu Indikatif (Rp)"
    assert [ws.cell(3, c).value for c in (1, 17)] == ["1", "17"]
    # a sub kegiatan: its name row, then its indicator/value row with line breaks
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == "1.02.02.2.01.0001")
    assert ws.cell(row, 4).value is None and ws.cell(row + 1, 2).value is None
    assert ws.cell(row + 1, 4).value == "Jumlah puskesmas yang direhabilitasi\nJumlah alat kesehatan yang diadakan"
    assert ws.cell(row + 1, 8).value == 125_000_000
    assert any(str(ws.cell(r, 2).value or "").startswith("Jumlah Program 1.02.02") for r in range(4, ws.max_row + 1))
    assert ws.cell(ws.max_row, 2).value == "Jumlah Total" and ws.cell(ws.max_row, 8).value == sum(LEAVES.values())

    target = _new(tmp_path / "baru.sqlite")
    try:
        report = import_file(target, path)
        assert report.tables == ["3.1"]
        values = [r for r in report.rows if r.status == CONTINUATION]
        assert values and all("indikator/nilai" in r.reason for r in values)
        jumlah = [r for r in report.rows if r.kind == "jumlah"]
        assert [r.kode for r in jumlah] == ["1.02.02", "1.02.03"]
        _check_round_trip(source, target, report)
    finally:
        target.close()


def test_a_wrong_jumlah_row_is_a_check_finding(source, tmp_path):
    path = export_sipd(source, tmp_path / "renja_sipd.xlsx", "3.1")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    row = next(r for r in range(4, ws.max_row + 1) if str(ws.cell(r, 2).value or "") == "Jumlah Program 1.02.03")
    ws.cell(row, 8).value = 10_000_000
    wb.save(path)
    target = _new(tmp_path / "baru.sqlite")
    try:
        import_file(target, path)
        (f,) = [f for f in validate(target) if f.rule == "declared_mismatch"]
        assert (f.kode, f.tercetak, f.terhitung) == ("1.02.03", "10000000", "9.999.999")
        assert f"baris {row}" in f.pesan
    finally:
        target.close()


def test_export_41_in_sipd_order(source, tmp_path):
    path = export_sipd(source, tmp_path / "t41.xlsx", "4.1")
    ws = openpyxl.load_workbook(path).active
    assert [ws.cell(2, c).value for c in range(5, 10)] == ["Lokasi", "Target Capaian Kinerja", "Satuan",
                                                         "Pagu Indikatif (Rp)", "Sumber Dana"]
    target = _new(tmp_path / "baru41.sqlite")
    try:
        report = import_file(target, path, table="4.1")
        assert report.rejected == []
        for kode, pagu in LEAVES.items():
            assert target.plan_by_kode(kode).values["pagu"] == pagu
    finally:
        target.close()


def _html_table(head: list[list[str]], rows: list[list]) -> str:
    """How SIPD helper tools save a report as .xls: an HTML table with row/column spans."""
    out = ["<html><head><meta charset='utf-8'></head><body><table border='1'>"]
    top, sub, numbers = head
    cells = []
    c = 0
    while c < len(top):
        if sub[c]:
            span = 1
            while c + span < len(top) and not top[c + span] and sub[c + span]:
                span += 1
            cells.append(f"<th colspan='{span}'>{html.escape(top[c])}</th>")
            c += span
        else:
            cells.append(f"<th rowspan='2'>{html.escape(top[c])}</th>")
            c += 1
    out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("<tr>" + "".join(f"<th>{html.escape(s)}</th>" for s in sub if s) + "</tr>")
    out.append("<tr>" + "".join(f"<td>{n}</td>" for n in numbers) + "</tr>")
    for row in rows:
        tds = []
        for v in row:
            text = f"{v:,}".replace(",", ".") if isinstance(v, int) and not isinstance(v, bool) else str(v)
            tds.append("<td>" + "<br>".join(html.escape(x) for x in text.split("\n")) + "</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table></body></html>")
    return "\n".join(out)


def test_html_table_saved_as_xls_imports_like_the_workbook(source, tmp_path):
    path = tmp_path / "laporan_renja.xls"
    path.write_text(_html_table(header_rows("3.1", 2026), table_rows(source, "3.1")), encoding="utf-8")
    target = _new(tmp_path / "html.sqlite")
    try:
        report = import_file(target, path)
        _check_round_trip(source, target, report)
    finally:
        target.close()


def test_older_19_column_layout(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    top = ["Kode", "", "", "", "", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
           "Indikator Kinerja", "", "", "", "", "", "Rencana Tahun 2026", "", "", "", "Catatan Penting",
           "Prakiraan Maju Rencana Tahun 2027", ""]
    mid = ["", "", "", "", "", "", "Capaian Program", "", "Keluaran Kegiatan", "", "Hasil Kegiatan", "",
           "Lokasi", "Target Capaian Kinerja", "Pagu Indikatif (Rp)", "Sumber Dana", "",
           "Target Capaian Kinerja", "Kebutuhan Dana/ Pagu Indikatif (Rp)"]
    low = ["", "", "", "", "", "", "Tolok Ukur", "Target", "Tolok Ukur", "Target", "Tolok Ukur", "Target",
           "", "", "", "", "", "", ""]
    data = [
        ["# diekspor dari aplikasi perencanaan lama"],
        top, mid, low, [str(i) for i in range(1, 20)],
        ["1", "02", "", "", "", "URUSAN PEMERINTAHAN BIDANG KESEHATAN"],
        ["1", "02", "02", "", "", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
         "Angka kematian ibu", "90 per 100.000 KH", "", "", "", "", "", "", "160.000.000", "", "", "", "170.000.000"],
        ["1", "02", "02", "2.01", "", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota",
         "", "", "Jumlah fasilitas kesehatan yang disediakan", "5 Unit", "", "", "", "", "160.000.000"],
        ["1", "02", "02", "2.01", "0001", "Pembangunan Puskesmas", "", "", "Jumlah puskesmas yang dibangun",
         "2 Unit", "Meningkatnya akses layanan", "100%", "Kecamatan Barat", "2 Unit", "100.000.000", "DAK Fisik",
         "lahan tersedia", "1 Unit", "110.000.000"],
        ["1", "02", "02", "2.01", "0002", "Pengadaan Alat Kesehatan", "", "", "Jumlah alat kesehatan",
         "10 Paket", "", "", "Kabupaten", "10 Paket", "60.000.000", "DAU", "", "12 Paket", "60.000.000"],
        ["", "", "", "", "", "JUMLAH", "", "", "", "", "", "", "", "", "160.000.000", "", "", "", "170.000.000"],
    ]
    for row in data:
        ws.append(row)
    path = tmp_path / "renja_19.xlsx"
    wb.save(path)
    doc = _new(tmp_path / "lama.sqlite")
    try:
        report = import_file(doc, path)
        assert report.tables == ["3.1"] and report.rejected == []
        assert len(report.rows) == len(data)
        a = doc.plan_by_kode("1.02.02.2.01.0001")
        assert (a.values["pagu"], a.values["pagu_n1"], a.values["lokasi"]) == (100_000_000, 110_000_000, "Kecamatan Barat")
        ind = doc.indikator[a.id][0]
        assert (ind["teks"], ind["target"], ind["satuan"], ind["target_n1"]) == ("Jumlah puskesmas yang dibangun", "2", "Unit", "1")
        assert a.values["outcome"].startswith("Meningkatnya akses layanan") and a.values["catatan"] == "lahan tersedia"
        assert doc.sumber_dana_text(a.id) == "DAK Fisik"
        prog = doc.plan_by_kode("1.02.02")
        assert doc.indikator[prog.id][0]["teks"] == "Angka kematian ibu"
        assert prog.sums[0] == 160_000_000 and prog.sums[1] == 170_000_000      # leaf sums exact
        assert not [f for f in validate(doc) if f.rule in ("declared_mismatch", "declared_malformed")]
    finally:
        doc.close()


def test_export_sipd_command(source, tmp_path, capsys):
    from renja_desktop.cli import main

    source.close()
    out = tmp_path / "sipd.xlsx"
    assert main(["export-sipd", str(source.path), "-o", str(out), "--table", "3.1"]) == 0
    assert "urutan kolom SIPD-RI" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).active.cell(2, 8).value == "Pagu Indikatif (Rp)"
    assert main(["export-sipd", str(source.path), "-o", str(tmp_path / "x.pdf")]) == 2
    assert capsys.readouterr().err.startswith("galat: ")
    target = tmp_path / "dari_sipd.sqlite"
    assert main(["import", str(out), "-o", str(target), "--pemda", "Kabupaten Contoh", "--opd", "Dinas Kesehatan",
                 "--tahun", "2026"]) == 0
    with RenjaDocument.open(target, readonly=True) as doc:
        assert doc.plan.totals[0] == sum(LEAVES.values())
