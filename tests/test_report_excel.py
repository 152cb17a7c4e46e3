"""The Excel export reopens in openpyxl with the same numbers as the model."""
from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from renja_desktop import codes
from renja_desktop.cli import main
from renja_desktop.formatting import DASH
from renja_desktop.reports import RenderCancelled, ReportOptions
from renja_desktop.reports.excel import export_xlsx
from renja_desktop.sample import build_sample
from renja_desktop.service import RenjaDocument

from report_doc import build_binjai


@pytest.fixture(scope="module")
def binjai(tmp_path_factory):
    return build_binjai(tmp_path_factory.mktemp("binjai") / "binjai.sqlite")


@pytest.fixture(scope="module")
def exported(binjai, tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "lampiran.xlsx"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        result = export_xlsx(doc, out, "all")
    return out, result


def _kode(ws, r):
    parts = [ws.cell(row=r, column=c).value for c in range(1, 6)]
    parts = [p for p in parts if p]
    if len(parts) >= 4:
        k, kk = parts[3].split(".")
        parts = parts[:3] + [k, kk] + parts[4:]
    return ".".join(parts)


def test_sheets_and_layout(exported):
    out, result = exported
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Tabel 3.1", "Tabel 4.1"]
    ws = wb["Tabel 3.1"]
    first = result.first_row["3.1"]
    # frozen below the header and number rows, which also repeat on printed pages
    assert ws.freeze_panes == f"A{first}"
    assert ws.print_title_rows == f"$4:${first - 1}"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A4:E5" in merged            # Kode: 5 columns x 2 header rows
    assert "I4:L4" in merged            # Rencana Tahun n group
    assert "N4:O4" in merged            # Prakiraan maju n+1 group
    assert ws["I4"].value == "Rencana Tahun 2024"
    assert ws["N4"].value == "Prakiraan Maju Rencana Tahun 2025"
    ws21 = wb["Tabel 2.1"]
    merged21 = {str(r) for r in ws21.merged_cells.ranges}
    assert "E4:F5" in merged21          # a K/Rp pair title over two columns and two rows
    assert ws21["E6"].value == "K" and ws21["F6"].value == "Rp"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 14  # Folio = F4


def test_tabel_41_numbers(binjai, exported):
    out, result = exported
    wb = openpyxl.load_workbook(out, data_only=True)  # totals: cached values
    ws = wb["Tabel 4.1"]
    first = result.first_row["4.1"]
    with RenjaDocument.open(binjai, readonly=True) as doc:
        nodes = list(doc.plan.walk())
        for i, node in enumerate(nodes):
            r = first + i
            assert _kode(ws, r) == node.kode
            cell = ws.cell(row=r, column=7)
            assert cell.value == doc.plan.pagu(node.id)
            assert isinstance(cell.value, int)
            assert cell.number_format == "#,##0"
        total_row = first + len(nodes)
        assert ws.cell(row=total_row, column=1).value == "TOTAL"
        assert ws.cell(row=total_row, column=7).value == doc.plan.totals[0] == 40_145_568_718


def test_tabel_31_and_23_numbers(binjai, exported):
    out, result = exported
    wb = openpyxl.load_workbook(out, data_only=True)  # totals: cached values
    with RenjaDocument.open(binjai, readonly=True) as doc:
        ws = wb["Tabel 3.1"]
        first = result.first_row["3.1"]
        nodes = list(doc.plan.walk())
        for i, node in enumerate(nodes):
            assert ws.cell(row=first + i, column=11).value == doc.plan.pagu(node.id)
            assert ws.cell(row=first + i, column=15).value == doc.plan.pagu_n1(node.id)
        total = first + len(nodes)
        assert ws.cell(row=total, column=11).value == doc.plan.totals[0]
        assert ws.cell(row=total, column=15).value == doc.plan.totals[1]

        ws = wb["Tabel 2.3"]
        first = result.first_row["2.3"]
        shown = [n for n in nodes if n.level >= codes.PROGRAM]
        for i, node in enumerate(shown):
            rkpd = ws.cell(row=first + i, column=6).value
            if node.level == codes.SUB_KEGIATAN and node.values.get("rkpd_pagu") is None:
                assert rkpd is None
            else:
                assert rkpd == doc.plan.rkpd_pagu(node.id)
            assert ws.cell(row=first + i, column=11).value == doc.plan.pagu(node.id)
        total = first + len(shown)
        assert ws.cell(row=total, column=6).value == doc.plan.totals[2]
        assert ws.cell(row=total, column=11).value == doc.plan.totals[0]


def test_tabel_21_numbers(binjai, exported):
    out, result = exported
    wb = openpyxl.load_workbook(out, data_only=True)  # totals: cached values
    ws = wb["Tabel 2.1"]
    first = result.first_row["2.1"]
    keys = [c.key for c in result.specs["2.1"].columns]
    col = {k: i + 1 for i, k in enumerate(keys)}
    with RenjaDocument.open(binjai, readonly=True) as doc:
        rows = {ws.cell(row=r, column=1).value: r for r in range(first, ws.max_row + 1)}
        for node in doc.evaluation.walk():
            r = rows[node.kode]
            ev = doc.evaluation.values_of(node.id)
            for c in (5, 6, 7, 12, 14):
                assert ws.cell(row=r, column=col[f"rp_{c}"]).value == getattr(ev, f"rp_{c}")
            for c in (13, 15):
                rate = getattr(ev, f"rp_{c}")
                value = ws.cell(row=r, column=col[f"rp_{c}"]).value
                if rate is None:
                    assert value == DASH
                else:
                    assert value == pytest.approx(float(rate / 100), rel=1e-12)
                    assert ws.cell(row=r, column=col[f"rp_{c}"]).number_format == "0.00%"
            if node.level == codes.SUB_KEGIATAN and ev.k_5 is not None:
                value = ws.cell(row=r, column=col["k_5"]).value
                assert Decimal(str(value)) == ev.k_5
        total = doc.evaluation.values_of(None)
        r = rows["TOTAL (rata-rata capaian kinerja seluruh program: K dari "
                 f"{max(total.k_13_rows, total.k_15_rows)} baris)"]
        assert ws.cell(row=r, column=col["rp_7"]).value == total.rp_7
        assert ws.cell(row=r, column=col["rp_12"]).value == total.rp_12
        assert ws.cell(row=r, column=col["rp_13"]).value == pytest.approx(float(total.rp_13 / 100))


def test_lists_and_nihil(exported):
    out, result = exported
    wb = openpyxl.load_workbook(out)
    ws = wb["Tabel 2.4"]
    first = result.first_row["2.4"]
    assert ws.cell(row=first, column=2).value == "NIHIL"
    ws = wb["Tabel 2.2"]
    assert ws.cell(row=result.first_row["2.2"], column=2).value.startswith("Persentase konflik")


def test_thousands_keeps_full_values(binjai, tmp_path):
    out = tmp_path / "ribuan.xlsx"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        result = export_xlsx(doc, out, "4.1", ReportOptions(thousands=True))
        ws = openpyxl.load_workbook(out, data_only=True)["Tabel 4.1"]  # totals: cached values
        first = result.first_row["4.1"]
        assert ws.cell(row=first, column=7).value == doc.plan.totals[0]
        assert ws.cell(row=first, column=7).number_format == "#,##0,"
        assert "(Rp.000)" in ws["G4"].value


def test_sample_reopens(tmp_path):
    path = build_sample(tmp_path / "contoh.sqlite")
    out = tmp_path / "contoh.xlsx"
    with RenjaDocument.open(path, readonly=True) as doc:
        result = export_xlsx(doc, out, "all")
        ws = openpyxl.load_workbook(out, data_only=True)["Tabel 4.1"]  # totals: cached values
        first = result.first_row["4.1"]
        values = [ws.cell(row=r, column=7).value  # the rows and TOTAL (the signing block follows)
                  for r in range(first, first + len(doc.plan.nodes) + 1)]
        assert values[-1] == doc.plan.totals[0]
        assert values[:-1] == [doc.plan.pagu(n.id) for n in doc.plan.walk()]


def test_cancel_and_cli(binjai, tmp_path, capsys):
    out = tmp_path / "batal.xlsx"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        with pytest.raises(RenderCancelled):
            export_xlsx(doc, out, "all", progress=lambda f, m: False)
    assert not out.exists() and not list(tmp_path.iterdir())
    out = tmp_path / "cli.xlsx"
    assert main(["export", str(binjai), "-o", str(out)]) == 0
    assert "Excel ditulis" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames[0] == "Tabel 2.1"
    assert main(["export", str(binjai), "-o", str(tmp_path / "x.pdf")]) == 2
    assert ".xlsx" in capsys.readouterr().err


# ------------------------------------------------ totals as formulas, Tabel 2.2 numbers, signing block
def _sum_of(formula: str, ws) -> int:
    """Evaluate ``=SUM(G7,G9)`` (nested SUMs too) over the cached values."""
    refs = re.findall(r"([A-Z]+)(\d+)", formula.replace("SUM", ""))
    return sum(ws[f"{c}{r}"].value or 0 for c, r in refs)


def test_totals_are_sum_formulas_with_their_values(exported):
    out, result = exported
    formulas = openpyxl.load_workbook(out)
    values = openpyxl.load_workbook(out, data_only=True)
    checked = 0
    for nomor, column in (("4.1", "G"), ("3.1", "K"), ("3.1", "O"), ("2.3", "F"), ("2.3", "K")):
        ws_f, ws_v = formulas[f"Tabel {nomor}"], values[f"Tabel {nomor}"]
        first = result.first_row[nomor]
        last = first + len(result.specs[nomor].rows) - 1
        total_f = ws_f[f"{column}{last}"].value
        assert isinstance(total_f, str) and total_f.startswith("=SUM("), (nomor, column, total_f)
        for r in range(first, last + 1):
            f = ws_f[f"{column}{r}"].value
            if isinstance(f, str) and f.startswith("="):
                # the cached value is the sum of the cells the formula names: a recalculation agrees
                assert ws_v[f"{column}{r}"].value == _sum_of(f, ws_v), (nomor, r, f)
                checked += 1
        if nomor == "4.1":
            assert ws_v[f"G{last}"].value == 40_145_568_718
    assert checked > 30
    # a sub kegiatan holds its number, not a formula
    ws = formulas["Tabel 4.1"]
    leaves = [ws[f"G{r}"].value for r in range(result.first_row["4.1"], ws.max_row + 1)
              if isinstance(ws[f"G{r}"].value, int)]
    assert leaves


def test_tabel_21_totals(binjai, exported):
    out, result = exported
    with RenjaDocument.open(binjai, readonly=True) as doc:
        ev_total = doc.evaluation.values_of(None)
    ws = openpyxl.load_workbook(out)["Tabel 2.1"]
    values = openpyxl.load_workbook(out, data_only=True)["Tabel 2.1"]
    keys = [c.key for c in result.specs["2.1"].columns]
    col = openpyxl.utils.get_column_letter(keys.index("rp_7") + 1)
    cells = [ws[f"{col}{r}"].value for r in range(result.first_row["2.1"], result.first_row["2.1"]
                                                  + len(result.specs["2.1"].rows))]
    sums = [c for c in cells if isinstance(c, str) and c.startswith("=SUM(")]
    assert sums
    for r in range(result.first_row["2.1"], result.first_row["2.1"] + len(result.specs["2.1"].rows)):
        f = ws[f"{col}{r}"].value
        if isinstance(f, str) and f.startswith("="):
            assert values[f"{col}{r}"].value == _sum_of(f, values)
    assert ev_total.rp_7 in [values[f"{col}{r}"].value for r in range(1, ws.max_row + 1)]


def test_tabel_22_numbers_are_numbers(binjai, tmp_path):
    out = tmp_path / "t22.xlsx"
    copy = tmp_path / "binjai.sqlite"
    shutil.copyfile(binjai, copy)  # the module's document stays as it is
    with RenjaDocument.open(copy) as doc:
        doc.add_list_item("pelayanan", indikator="Persentase desa siaga", target_n="95,5 %", target_n1="80",
                          proyeksi_n="Baik")
        result = export_xlsx(doc, out, "2.2")
    ws = openpyxl.load_workbook(out)["Tabel 2.2"]
    keys = [c.key for c in result.specs["2.2"].columns]
    r = next(r for r in range(result.first_row["2.2"], ws.max_row + 1)
             if ws.cell(row=r, column=2).value == "Persentase desa siaga")
    target_n = ws.cell(row=r, column=keys.index("target_n") + 1)
    assert target_n.value == 95.5 and target_n.data_type == "n" and "%" in target_n.number_format
    assert ws.cell(row=r, column=keys.index("target_n1") + 1).value == 80
    assert ws.cell(row=r, column=keys.index("proyeksi_n") + 1).value == "Baik"  # a word stays a word
    # no cell that reads as a number is stored as text
    for row in ws.iter_rows(min_row=result.first_row["2.2"], max_row=r):
        for cell in row[4:12]:
            if isinstance(cell.value, str):
                assert not re.fullmatch(r"[\d.,]+\s*%?", cell.value), cell.value


@pytest.mark.parametrize("nomor", ["4.1", "2.2"])
def test_signing_block(binjai, tmp_path, nomor):
    out = tmp_path / f"{nomor}.xlsx"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        result = export_xlsx(doc, out, nomor)
        info = doc.info
    ws = openpyxl.load_workbook(out)[f"Tabel {nomor}"]
    below = result.first_row[nomor] + len(result.specs[nomor].rows)
    texts = [c.value for row in ws.iter_rows(min_row=below) for c in row if isinstance(c.value, str)]
    assert info["kepala_nama"] in texts
    assert any(t.startswith("NIP. 19670621 199702 1 002") for t in texts)
    assert any(t.startswith(info["tempat"]) for t in texts)
    assert any("Kepala" in t for t in texts)


def test_libreoffice_recalculates_the_same_totals(binjai, tmp_path):
    """A sheet whose formulas are calculated again (here by LibreOffice, values dropped first)
    gives the same totals as the app."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    out = tmp_path / "t41.xlsx"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        result = export_xlsx(doc, out, "4.1")
        expected = [doc.plan.pagu(n.id) for n in doc.plan.walk()] + [doc.plan.totals[0]]
    bare = tmp_path / "bare.xlsx"
    openpyxl.load_workbook(out).save(bare)  # openpyxl keeps the formulas, drops their values
    assert openpyxl.load_workbook(bare, data_only=True)["Tabel 4.1"][f"G{result.first_row['4.1']}"].value is None
    profile = (tmp_path / "lo-profile").as_uri()
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                          "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"), str(bare)],
                         capture_output=True, text=True, timeout=240)
    recalculated = tmp_path / "lo" / "bare.xlsx"
    if not recalculated.exists() and "could not be loaded" in run.stderr:
        pytest.skip("LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")
    assert recalculated.exists(), run.stderr
    ws = openpyxl.load_workbook(recalculated, data_only=True)["Tabel 4.1"]
    first = result.first_row["4.1"]
    got = [ws[f"G{r}"].value for r in range(first, first + len(expected))]
    assert got == expected
