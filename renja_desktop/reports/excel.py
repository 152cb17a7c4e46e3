"""Excel export of the appendix tables (openpyxl), for Bappeda staff who reuse the numbers.

One sheet per table, laid out as the printed table (same :class:`~.tables.TableSpec`): title,
merged multi-level header, column-number row, the rows and the TOTAL. Amounts are real numbers
(``int`` Rupiah with the ``#,##0`` format, which Excel shows with the user's separators, i.e.
``40.145.568.718`` on an Indonesian PC); rates are fractions with the ``0.00%`` format; an
undefined rate is the en dash as text (never ``#DIV/0!``). The header rows are frozen and repeat
on every printed page. ``thousands`` only changes the display format (``#,##0,``): the cell keeps
the full Rupiah value.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from ..formatting import DASH
from .pdf import ProgressFn, RenderCancelled, Progress
from .tables import (
    BOLD_STYLES, CENTER, CODE, MONEY, RATE, RIGHT, SHADED_STYLES, STYLE_SUMMARY, TEXT, VOLUME,
    ReportOptions, TableSpec, normalize_tables, row_count,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

#: openpyxl paper sizes (Excel's codes): Folio 8,5 x 13 in is the F4 of Indonesian offices
PAPER_CODE = {"F4": 14, "A4": 9, "Legal": 5}
FONT_NAME = "Arial"   # the font offices type these tables in (Liberation Sans is metric-equal)

MONEY_FORMAT = "#,##0"
MONEY_FORMAT_THOUSANDS = "#,##0,"
RATE_FORMAT = "0.00%"

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
NUMBER_FILL = PatternFill("solid", fgColor="F0F0F0")
ROW_FILL = {"kegiatan": PatternFill("solid", fgColor="EDEDED"),
            "total": PatternFill("solid", fgColor="D9D9D9"),
            "summary": PatternFill("solid", fgColor="F5F5F5")}


@dataclass
class ExportResult:
    path: Path
    sheets: list[str]
    specs: dict[str, TableSpec]
    #: per table: the sheet row of the first body row (1-based)
    first_row: dict[str, int]


def sheet_name(nomor: str) -> str:
    return f"Tabel {nomor}"


class _Styles:
    """Named styles, registered once per workbook (assigning a name is much cheaper than objects)."""

    def __init__(self, wb: Workbook, thousands: bool):
        self.names: dict[tuple, str] = {}
        self.wb = wb
        self.money_format = MONEY_FORMAT_THOUSANDS if thousands else MONEY_FORMAT

    def get(self, kind: str, align: str, style: str, number_format: str | None = None) -> str:
        key = (kind, align, style, number_format)
        name = self.names.get(key)
        if name is not None:
            return name
        name = f"renja_{len(self.names)}"
        bold = style in BOLD_STYLES
        ns = NamedStyle(name=name)
        ns.font = Font(name=FONT_NAME, size=9, bold=bold, italic=style == STYLE_SUMMARY)
        ns.border = BORDER
        horizontal = {"left": "left", CENTER: "center", RIGHT: "right"}[align]
        ns.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=kind == TEXT)
        if style in SHADED_STYLES:
            ns.fill = ROW_FILL[style]
        if number_format:
            ns.number_format = number_format
        elif kind == MONEY:
            ns.number_format = self.money_format
        elif kind == RATE:
            ns.number_format = RATE_FORMAT
        self.wb.add_named_style(ns)
        self.names[key] = name
        return name


def _volume_format(value: Decimal, suffix: str) -> str:
    base = "#,##0" if value == value.to_integral_value() else "#,##0.##"
    if not suffix:
        return base
    suffix = suffix.replace('"', "")
    return f'{base}"{suffix}"' if suffix == "%" else f'{base}" {suffix}"'


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _write_sheet(ws, spec: TableSpec, doc: "RenjaDocument", styles: _Styles, options: ReportOptions,
                 progress: Progress) -> int:
    ncol = len(spec.columns)
    last_col = get_column_letter(ncol)
    running = doc.running_header()
    # title block
    ws["A1"] = f"Tabel {spec.nomor}"
    ws["A1"].font = Font(name=FONT_NAME, size=12, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A1:{last_col}1")
    ws["A2"] = spec.judul
    ws["A2"].font = Font(name=FONT_NAME, size=12, bold=True)
    ws["A2"].alignment = Alignment(horizontal="center", wrap_text=True)
    ws.merge_cells(f"A2:{last_col}2")
    ws.row_dimensions[2].height = 32
    top = 4
    header_font = Font(name=FONT_NAME, size=9, bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # every header cell gets borders and fill, merged areas included
    for r in range(top, top + spec.header_rows + 1):
        for c in range(1, ncol + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            cell.fill = HEADER_FILL if r < top + spec.header_rows else NUMBER_FILL
            cell.alignment = center
            cell.font = header_font if r < top + spec.header_rows else Font(name=FONT_NAME, size=8)
    for hc in spec.header:
        r, c = top + hc.row, 1 + hc.col
        ws.cell(row=r, column=c, value=hc.text)
        if hc.rowspan > 1 or hc.colspan > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r + hc.rowspan - 1,
                           end_column=c + hc.colspan - 1)
    num_row = top + spec.header_rows
    for hc in spec.numbers:
        ws.cell(row=num_row, column=1 + hc.col, value=hc.text)
        if hc.colspan > 1:
            ws.merge_cells(start_row=num_row, start_column=1 + hc.col, end_row=num_row,
                           end_column=hc.col + hc.colspan)
    for r in range(top, num_row):
        ws.row_dimensions[r].height = 42 if spec.header_rows == 1 else 30
    first = num_row + 1
    for i, col in enumerate(spec.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.excel_width

    columns = spec.columns
    get = styles.get
    reported = 0
    for i, row in enumerate(spec.rows):
        if i - reported >= 2000:
            progress.step(i - reported, f"Menulis lembar Tabel {spec.nomor}")
            reported = i
        r = first + i
        col = 0
        for cell in row.cells:
            c = col + 1
            column = columns[col]
            kind = cell.kind
            value = cell.value
            fmt = None
            align = cell.align or (RIGHT if kind in (MONEY, RATE, VOLUME) else column.align)
            if kind == MONEY:
                out = value
            elif kind == RATE:
                if value is None:
                    out = DASH
                else:
                    out = float(Decimal(value) / 100)
            elif kind == VOLUME:
                if value is None:
                    out = None
                else:
                    out = _number(Decimal(value))
                    fmt = _volume_format(Decimal(value), cell.suffix)
            else:
                out = value if value not in ("", None) else None
                if kind == CODE:
                    kind = TEXT if cell.span > 1 else CODE
            target = ws.cell(row=r, column=c, value=out)
            target.style = get(kind, align, row.style, fmt)
            if cell.span > 1:
                for extra in range(c + 1, c + cell.span):
                    ws.cell(row=r, column=extra).style = get(kind, align, row.style, fmt)
                ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + cell.span - 1)
            col += cell.span
    progress.step(len(spec.rows) - reported, f"Menulis lembar Tabel {spec.nomor}")

    # the header stays in view and is printed on every page
    ws.freeze_panes = ws.cell(row=first, column=1)
    ws.print_title_rows = f"{top}:{num_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_CODE.get(options.paper, 14)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=options.margin_left / 25.4, right=options.margin_right / 25.4,
                                  top=options.margin_top / 25.4, bottom=options.margin_bottom / 25.4)
    ws.oddHeader.right.text = "&B" + running[0] + "\n" + running[1]
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.left.text = f"Tabel {spec.nomor} {spec.singkat}"
    return first


def export_xlsx(doc: "RenjaDocument", path: str | Path, tables: str | list[str] | None = "all",
                options: ReportOptions | None = None, progress: ProgressFn | None = None) -> ExportResult:
    """Write ``tables`` of ``doc`` to an .xlsx workbook at ``path`` (replaced only when complete)."""
    options = options or ReportOptions()
    options.check()
    names = normalize_tables(tables)
    path = Path(path)
    counts = {t: row_count(doc, t) for t in names}
    prog = Progress(progress, 2 * sum(counts.values()) + 1)
    prog.report("Menyiapkan lembar kerja")
    wb = Workbook()
    wb.remove(wb.active)
    styles = _Styles(wb, options.thousands)
    specs: dict[str, TableSpec] = {}
    firsts: dict[str, int] = {}
    for t in names:
        spec = specs[t] = prog.build(doc, t, options, counts[t])
        ws = wb.create_sheet(sheet_name(t))
        firsts[t] = _write_sheet(ws, spec, doc, styles, options, prog)
    info = doc.info
    wb.properties.title = f"Lampiran Renja {info.get('opd') or ''} {info['tahun']}".strip()
    wb.properties.creator = "Renja Desktop"
    tmp = path.with_name(path.name + ".sementara")
    try:
        prog.report("Menyimpan berkas")
        wb.save(str(tmp))
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    if progress is not None:
        progress(1.0, "Selesai")
    return ExportResult(path, [sheet_name(t) for t in names], specs, firsts)


__all__ = ["export_xlsx", "ExportResult", "RenderCancelled", "sheet_name"]
