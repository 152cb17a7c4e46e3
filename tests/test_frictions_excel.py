"""The Excel export as Bappeda staff reuse it: totals are formulas with their values, Tabel 2.2's
numbers are numbers, and the signing block is there."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from renja_desktop.reports.excel import export_xlsx
from renja_desktop.service import RenjaDocument

from report_doc import build_binjai


@pytest.fixture(scope="module")
def binjai(tmp_path_factory):
    return build_binjai(tmp_path_factory.mktemp("binjai") / "binjai.sqlite")


@pytest.fixture(scope="module")
def exported(binjai, tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "lampiran.xlsx"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        doc_totals = (doc.plan.totals, doc.evaluation.values_of(None))
        result = export_xlsx(doc, out, "all")
    return out, result, doc_totals


def _sum_of(formula: str, ws) -> int:
    """Evaluate ``=SUM(G7,G9)`` (nested SUMs too) over the cached values."""
    refs = re.findall(r"([A-Z]+)(\d+)", formula.replace("SUM", ""))
    return sum(ws[f"{c}{r}"].value or 0 for c, r in refs)


def test_totals_are_sum_formulas_with_their_values(exported):
    out, result, (totals, _ev) = exported
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
            assert ws_v[f"G{last}"].value == totals[0]
    assert checked > 30
    # a sub kegiatan holds its number, not a formula
    ws = formulas["Tabel 4.1"]
    leaves = [ws[f"G{r}"].value for r in range(result.first_row["4.1"], ws.max_row + 1)
              if isinstance(ws[f"G{r}"].value, int)]
    assert leaves


def test_tabel_21_totals(exported):
    out, result, (_totals, ev_total) = exported
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
    with RenjaDocument.open(binjai) as doc:
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
