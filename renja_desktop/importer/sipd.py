"""Tabel 3.1 and 4.1 in the column order of SIPD-RI's Renja print/Excel, for Bappeda to paste in.

The SIPD-RI form (17 columns for Tabel 3.1) has a three-row header (groups, sub-headers, column
numbers) and prints each row of the plan as a *name row* (No, Kode, name) followed by an
*indicator/value row* (indicator, location, target, pagu, funding...); several indicators or
funding sources of one row are joined by line breaks in one cell; a ``Jumlah Program <kode>`` row
closes every program and ``Jumlah Total`` the table. The importer reads this layout back
(:mod:`.engine`: the value row completes its name row, the ``Jumlah`` rows are printed subtotals).

Money is written as numbers (Rupiah, format ``#.##0``), so Excel sums them.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import codes
from ..formatting import format_rupiah

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

#: (group, header, field) per column; group "" = a header spanning the two upper rows
COLUMNS = {
    "3.1": (
        ("", "No", "no"),
        ("", "Kode", "kode"),
        ("", "Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan", "nama"),
        ("", "Indikator Kinerja Program (Outcome)/ Kegiatan (Output)/ Sub Kegiatan (Output)", "indikator"),
        ("Rencana Tahun {n}", "Lokasi", "lokasi"),
        ("Rencana Tahun {n}", "Target Capaian Kinerja", "target"),
        ("Rencana Tahun {n}", "Satuan", "satuan"),
        ("Rencana Tahun {n}", "Pagu Indikatif (Rp)", "pagu"),
        ("Rencana Tahun {n}", "Sumber Dana", "sumber_dana"),
        ("Rencana Tahun {n}", "Kelompok Sasaran", ""),
        ("", "Catatan Penting", "catatan"),
        ("Prakiraan Maju Rencana Tahun {n1}", "Target Capaian Kinerja", "target_n1"),
        ("Prakiraan Maju Rencana Tahun {n1}", "Satuan", "satuan_n1"),
        ("Prakiraan Maju Rencana Tahun {n1}", "Kebutuhan Dana (Rp)", "pagu_n1"),
        ("", "Unit Kerja Penanggung Jawab", "penanggung_jawab"),
        ("", "Prioritas", ""),
        ("", "Keterangan", ""),
    ),
    "4.1": (
        ("", "No", "no"),
        ("", "Kode", "kode"),
        ("", "Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan", "nama"),
        ("", "Indikator Kinerja", "indikator"),
        ("Rencana Tahun {n}", "Lokasi", "lokasi"),
        ("Rencana Tahun {n}", "Target Capaian Kinerja", "target"),
        ("Rencana Tahun {n}", "Satuan", "satuan"),
        ("Rencana Tahun {n}", "Pagu Indikatif (Rp)", "pagu"),
        ("Rencana Tahun {n}", "Sumber Dana", "sumber_dana"),
        ("Prakiraan Maju Rencana Tahun {n1}", "Kebutuhan Dana (Rp)", "pagu_n1"),
    ),
}


def header_rows(table: str, tahun: int) -> list[list[str]]:
    """The three header rows: groups, sub-headers, column numbers."""
    cols = COLUMNS[table]
    top = [(g or h).format(n=tahun, n1=tahun + 1) for g, h, _ in cols]
    # a group is written once, over its columns (the cells to its right stay empty: merged)
    for i in range(len(cols) - 1, 0, -1):
        if cols[i][0] and cols[i][0] == cols[i - 1][0]:
            top[i] = ""
    sub = [h if g else "" for g, h, _ in cols]
    return [top, sub, [str(i + 1) for i in range(len(cols))]]


def _indicator_lines(doc: "RenjaDocument", row_id: str) -> dict[str, str]:
    items = doc.indikator.get(row_id, [])
    return {k: "\n".join(str(it.get(k) or "") for it in items) if any(it.get(k) for it in items) else ""
            for k in ("teks", "target", "satuan", "target_n1")}


def _sources(doc: "RenjaDocument", row_id: str) -> str:
    items = doc.sumber_dana.get(row_id, [])
    lines = []
    for it in items:
        name = it.get("nama") or it.get("kode") or ""
        if it.get("jumlah") is not None and len(items) > 1:
            name = f"{name}: {format_rupiah(it['jumlah'])}"
        lines.append(name)
    return "\n".join(lines)


def table_rows(doc: "RenjaDocument", table: str) -> list[list]:
    """The data rows of the SIPD form: name row + indicator/value row per plan row, ``Jumlah`` rows."""
    cols = COLUMNS[table]
    idx = {f: i for i, (_, _, f) in enumerate(cols) if f}
    width = len(cols)
    out: list[list] = []
    pagu_i = doc.plan.COLUMNS.index("pagu")
    n1_i = doc.plan.COLUMNS.index("pagu_n1")
    number = 0

    def close_program(node) -> None:
        row = [""] * width
        row[idx["nama"]] = f"Jumlah Program {node.kode}" if node.kode else "Jumlah Program"
        row[idx["pagu"]] = node.sums[pagu_i]
        if "pagu_n1" in idx:
            row[idx["pagu_n1"]] = node.sums[n1_i]
        # the label sits in the code column, as SIPD prints it
        row[idx["kode"]], row[idx["nama"]] = row[idx["nama"]], ""
        out.append(row)

    open_program = None
    for node in doc.plan.walk():
        if node.level <= codes.PROGRAM and open_program is not None:
            close_program(open_program)
            open_program = None
        number += 1
        name = [""] * width
        name[idx["no"]] = number
        name[idx["kode"]] = node.kode
        name[idx["nama"]] = node.nama
        out.append(name)
        value = [""] * width
        ind = _indicator_lines(doc, node.id)
        fields = {
            "indikator": ind["teks"], "target": ind["target"], "satuan": ind["satuan"],
            "target_n1": ind["target_n1"], "satuan_n1": ind["satuan"] if ind["target_n1"] else "",
            "lokasi": node.values.get("lokasi") or "", "catatan": node.values.get("catatan") or "",
            "penanggung_jawab": node.values.get("penanggung_jawab") or "",
            "outcome": node.values.get("outcome") or "",
            "pagu": node.sums[pagu_i], "pagu_n1": node.sums[n1_i],
            "sumber_dana": _sources(doc, node.id) if node.level == codes.SUB_KEGIATAN else "",
        }
        for f, v in fields.items():
            if f in idx and v not in ("", None):
                value[idx[f]] = v
        out.append(value)
        if node.level == codes.PROGRAM:
            open_program = node
    if open_program is not None:
        close_program(open_program)
    total = [""] * width
    total[idx["kode"]] = "Jumlah Total"
    total[idx["pagu"]] = doc.plan.totals[pagu_i]
    if "pagu_n1" in idx:
        total[idx["pagu_n1"]] = doc.plan.totals[n1_i]
    out.append(total)
    return out


def export_sipd(doc: "RenjaDocument", path: str | Path, table: str = "3.1") -> Path:
    """Write Tabel ``table`` (3.1 or 4.1) as an .xlsx in the SIPD-RI column order."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    if table not in COLUMNS:
        raise ValueError(f"tabel {table}: ekspor SIPD hanya untuk Tabel 3.1 dan 4.1")
    path = Path(path)
    tahun = int(doc.info.get("tahun") or 0)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = f"Tabel {table}"
    cols = COLUMNS[table]
    headers = header_rows(table, tahun)
    for r, row in enumerate(headers, start=1):
        for c, text in enumerate(row, start=1):
            cell = ws.cell(r, c, text or None)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # merged header cells: single headers over two rows, groups over their columns
    c = 0
    while c < len(cols):
        group = cols[c][0]
        if not group:
            ws.merge_cells(start_row=1, start_column=c + 1, end_row=2, end_column=c + 1)
            c += 1
            continue
        end = c
        while end + 1 < len(cols) and cols[end + 1][0] == group:
            end += 1
        ws.merge_cells(start_row=1, start_column=c + 1, end_row=1, end_column=end + 1)
        c = end + 1
    money = {i for i, (_, _, f) in enumerate(cols) if f in ("pagu", "pagu_n1")}
    for r, row in enumerate(table_rows(doc, table), start=len(headers) + 1):
        for c, value in enumerate(row, start=1):
            if value in ("", None):
                continue
            cell = ws.cell(r, c, value)
            if c - 1 in money and isinstance(value, int):
                cell.number_format = "#,##0"
            if isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"no": 5, "kode": 20, "nama": 50, "indikator": 40}
    for i, (_, _, f) in enumerate(cols, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = widths.get(f, 16)
    ws.freeze_panes = ws.cell(len(headers) + 1, 4)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path
