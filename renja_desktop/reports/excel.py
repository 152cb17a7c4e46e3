"""Excel export of the appendix tables (XlsxWriter), for Bappeda staff who reuse the numbers.

One sheet per table, laid out as the printed table (same :class:`~.tables.TableSpec`): title,
merged multi-level header, column-number row, the rows, the TOTAL and the signing block. Amounts are
real numbers (``int`` Rupiah with the ``#,##0`` format, which Excel shows with the user's
separators, i.e. ``40.145.568.718`` on an Indonesian PC); rates are fractions with the ``0.00%``
format; an undefined rate is the en dash as text (never ``#DIV/0!``). Tabel 2.2's targets, typed as
text, are numbers when they read as one.

Totals are formulas: a parent row's amount is ``=SUM(...)`` of its children's cells and the TOTAL
row sums the top rows, each stored with its computed value as well, so a sheet edited in Excel stays
consistent and a reader that does not recalculate still sees the numbers. (A total that is not the
sum of the cells under it, which the tables never print, stays a plain number.) The header rows are
frozen and repeat on every printed page. ``thousands`` only changes the display format
(``#,##0,``): the cell keeps the full Rupiah value.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from .output import partial_path, put_in_place
from ..formatting import DASH, NumberError, parse_decimal
from .pdf import ProgressFn, RenderCancelled, Progress
from .tables import (
    BOLD_STYLES, CENTER, CODE, MONEY, RATE, RIGHT, SHADED_STYLES, STYLE_SUMMARY, STYLE_TOTAL, TEXT,
    VOLUME, ReportOptions, TableSpec, normalize_tables, row_count, signature_block,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..compute import RollupTree
    from ..service import RenjaDocument

#: Excel's paper codes: Folio 8,5 x 13 in is the F4 of Indonesian offices
PAPER_CODE = {"F4": 14, "A4": 9, "Legal": 5}
FONT_NAME = "Arial"   # the font offices type these tables in (Liberation Sans is metric-equal)

MONEY_FORMAT = "#,##0"
MONEY_FORMAT_THOUSANDS = "#,##0,"
RATE_FORMAT = "0.00%"

HEADER_FILL = "#D9D9D9"
NUMBER_FILL = "#F0F0F0"
ROW_FILL = {"kegiatan": "#EDEDED", "total": "#D9D9D9", "summary": "#F5F5F5"}
#: a SUM takes at most 255 arguments; longer lists are summed in groups
SUM_ARGS = 200
#: the tables whose rows are the plan tree, or the evaluation tree
PLAN_TABLES = ("4.1", "3.1", "2.3")


@dataclass
class ExportResult:
    path: Path
    sheets: list[str]
    specs: dict[str, TableSpec]
    #: per table: the sheet row of the first body row (1-based)
    first_row: dict[str, int]


def sheet_name(nomor: str) -> str:
    return f"Tabel {nomor}"


class _Formats:
    """Cell formats, made once per workbook."""

    def __init__(self, wb, thousands: bool):
        self.wb = wb
        self.cache: dict[tuple, object] = {}
        self.bodies: dict[tuple, object] = {}
        self.money_format = MONEY_FORMAT_THOUSANDS if thousands else MONEY_FORMAT

    def make(self, **props):
        key = tuple(sorted(props.items()))
        fmt = self.cache.get(key)
        if fmt is None:
            fmt = self.cache[key] = self.wb.add_format({"font_name": FONT_NAME, **props})
        return fmt

    def body(self, kind: str, align: str, style: str, number_format: str | None = None):
        key = (kind, align, style, number_format)
        fmt = self.bodies.get(key)
        if fmt is None:
            fmt = self.bodies[key] = self._body(kind, align, style, number_format)
        return fmt

    def _body(self, kind: str, align: str, style: str, number_format: str | None):
        props = {"font_size": 9, "border": 1, "valign": "top",
                 "align": {"left": "left", CENTER: "center", RIGHT: "right"}[align]}
        if kind == TEXT:
            props["text_wrap"] = True
        if style in BOLD_STYLES:
            props["bold"] = True
        if style == STYLE_SUMMARY:
            props["italic"] = True
        if style in SHADED_STYLES:
            props["bg_color"] = ROW_FILL[style]
            props["pattern"] = 1
        if number_format:
            props["num_format"] = number_format
        elif kind == MONEY:
            props["num_format"] = self.money_format
        elif kind == RATE:
            props["num_format"] = RATE_FORMAT
        return self.make(**props)


def _volume_format(value: Decimal, suffix: str) -> str:
    base = "#,##0" if value == value.to_integral_value() else "#,##0.##"
    if not suffix:
        return base
    suffix = suffix.replace('"', "")
    return f'{base}"{suffix}"' if suffix == "%" else f'{base}" {suffix}"'


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _typed_number(text: str) -> tuple[Decimal, str] | None:
    """``"80"`` -> (80, ""), ``"95,5 %"`` -> (95.5, "%"); ``None`` for words ("Baik", "B")."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = parse_decimal(text)
    except NumberError:
        return None
    if value is None:
        return None
    return value, "%" if text.endswith("%") else ""


def _sum_formula(cells: list[str]) -> str:
    if len(cells) <= SUM_ARGS:
        return "=SUM(" + ",".join(cells) + ")"
    groups = ["SUM(" + ",".join(cells[i:i + SUM_ARGS]) + ")" for i in range(0, len(cells), SUM_ARGS)]
    return _sum_formula(groups)


def _tree_of(doc: "RenjaDocument", nomor: str) -> "RollupTree | None":
    if nomor in PLAN_TABLES:
        return doc.plan
    if nomor == "2.1":
        return doc.evaluation
    return None


def _total_formulas(spec: TableSpec, doc: "RenjaDocument", first: int) -> dict[tuple[int, int], str]:
    """``(row index, column) -> "=SUM(...)"`` for the money cells that are the sum of the rows under
    them: a parent row sums its children's rows, the TOTAL row the top rows. Only where the
    computed value equals that sum (the cached value and a recalculation then agree)."""
    tree = _tree_of(doc, spec.nomor)
    if tree is None:
        return {}
    sheet_row: dict[str, int] = {}
    money: list[dict[int, object]] = []   # per row: column -> money value (single-column cells)
    for i, row in enumerate(spec.rows):
        if row.row_id is not None and row.row_id in tree.nodes:
            sheet_row[row.row_id] = i
        cols: dict[int, object] = {}
        col = 0
        for cell in row.cells:
            if cell.kind == MONEY and cell.span == 1:
                cols[col] = cell.value
            col += cell.span
        money.append(cols)
    children: dict[int, list[int]] = {}
    tops: list[int] = []
    for row_id, i in sheet_row.items():
        node = tree.nodes[row_id]
        parent = node.parent.id if node.parent is not None else None
        if parent in sheet_row:
            children.setdefault(sheet_row[parent], []).append(i)
        else:
            tops.append(i)
    tops.sort()
    for i, row in enumerate(spec.rows):
        if row.style == STYLE_TOTAL and row.row_id is None:
            children[i] = tops
    formulas: dict[tuple[int, int], str] = {}
    for i, kids in children.items():
        kids = sorted(kids)
        for col, value in money[i].items():
            if value is None or not kids or any(col not in money[k] for k in kids):
                continue
            if sum(money[k][col] or 0 for k in kids) != value:
                continue
            formulas[(i, col)] = _sum_formula([xl_rowcol_to_cell(first + k, col) for k in kids])
    return formulas


def _write_sheet(wb, ws, spec: TableSpec, doc: "RenjaDocument", formats: _Formats, options: ReportOptions,
                 progress: Progress) -> int:
    """Write one table; returns the 1-based sheet row of its first body row."""
    ncol = len(spec.columns)
    running = doc.running_header()
    # title block
    title = formats.make(font_size=12, bold=True, align="center", valign="vcenter", text_wrap=True)
    ws.merge_range(0, 0, 0, ncol - 1, f"Tabel {spec.nomor}", title)
    ws.merge_range(1, 0, 1, ncol - 1, spec.judul, title)
    ws.set_row(1, 32)
    top = 3
    head = formats.make(font_size=9, bold=True, border=1, align="center", valign="vcenter", text_wrap=True,
                        bg_color=HEADER_FILL, pattern=1)
    number_head = formats.make(font_size=8, border=1, align="center", valign="vcenter", text_wrap=True,
                               bg_color=NUMBER_FILL, pattern=1)
    num_row = top + spec.header_rows
    # every header cell gets borders and fill, merged areas included
    for r in range(top, num_row + 1):
        for c in range(ncol):
            ws.write_blank(r, c, None, head if r < num_row else number_head)
    for hc in spec.header:
        r, c = top + hc.row, hc.col
        if hc.rowspan > 1 or hc.colspan > 1:
            ws.merge_range(r, c, r + hc.rowspan - 1, c + hc.colspan - 1, hc.text, head)
        else:
            ws.write_string(r, c, hc.text, head)
    for hc in spec.numbers:
        if hc.colspan > 1:
            ws.merge_range(num_row, hc.col, num_row, hc.col + hc.colspan - 1, hc.text, number_head)
        else:
            ws.write_string(num_row, hc.col, hc.text, number_head)
    for r in range(top, num_row):
        ws.set_row(r, 42 if spec.header_rows == 1 else 30)
    first = num_row + 1
    for i, col in enumerate(spec.columns):
        ws.set_column(i, i, col.excel_width)

    formulas = _total_formulas(spec, doc, first)
    columns = spec.columns
    body = formats.body
    reported = 0
    for i, row in enumerate(spec.rows):
        if i - reported >= 2000:
            progress.step(i - reported, f"Menulis lembar Tabel {spec.nomor}")
            reported = i
        r = first + i
        col = 0
        for cell in row.cells:
            column = columns[col]
            kind = cell.kind
            value = cell.value
            fmt = None
            align = cell.align or (RIGHT if kind in (MONEY, RATE, VOLUME) else column.align)
            out: object = None
            if kind == MONEY:
                out = value
            elif kind == RATE:
                out = DASH if value is None else float(Decimal(value) / 100)
            elif kind == VOLUME:
                if value is not None:
                    out = _number(Decimal(value))
                    fmt = _volume_format(Decimal(value), cell.suffix)
            else:
                out = value if value not in ("", None) else None
                if kind == CODE:
                    kind = TEXT if cell.span > 1 else CODE
                elif column.numeric_text and isinstance(out, str):
                    typed = _typed_number(out)
                    if typed is not None:   # "80" typed as text is the number 80 in Excel
                        out = _number(typed[0])
                        fmt = _volume_format(typed[0], typed[1])
                        kind = VOLUME
            cell_format = body(kind, align, row.style, fmt)
            if cell.span > 1:
                ws.merge_range(r, col, r, col + cell.span - 1, "", cell_format)
            formula = formulas.get((i, col))
            if formula is not None:
                ws.write_formula(r, col, formula, cell_format, out)
            elif out is None:
                ws.write_blank(r, col, None, cell_format)
            elif isinstance(out, str):
                ws.write_string(r, col, out, cell_format)
            else:
                ws.write_number(r, col, out, cell_format)
            col += cell.span
    progress.step(len(spec.rows) - reported, f"Menulis lembar Tabel {spec.nomor}")
    _write_signature(ws, spec, doc, formats, first + len(spec.rows) + 1)

    # the header stays in view and is printed on every page
    ws.freeze_panes(first, 0)
    ws.repeat_rows(top, num_row)
    ws.set_landscape()
    ws.set_paper(PAPER_CODE.get(options.paper, 14))
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=options.margin_left / 25.4, right=options.margin_right / 25.4,
                   top=options.margin_top / 25.4, bottom=options.margin_bottom / 25.4)

    def esc(text: str) -> str:
        return text.replace("&", "&&")

    ws.set_header("&R&B" + esc(running[0]) + "\n" + esc(running[1]))
    ws.set_footer(f"&L{esc(f'Tabel {spec.nomor} {spec.singkat}')}&RHalaman &P dari &N")
    return first + 1


def _write_signature(ws, spec: TableSpec, doc: "RenjaDocument", formats: _Formats, row: int) -> int:
    """The signing block under the table, at the right as printed; returns the row after it."""
    block = signature_block(doc)
    # the rightmost columns wide enough for the head's title (about 45 characters)
    widths = [c.excel_width for c in spec.columns]
    first_col = len(widths) - 1
    while first_col > 0 and sum(widths[first_col:]) < 45:
        first_col -= 1
    last_col = len(widths) - 1
    plain = formats.make(font_size=10, align="center", valign="top", text_wrap=True)
    name = formats.make(font_size=10, align="center", valign="top", bold=True, underline=1)
    lines = [(block.place, plain), (block.jabatan, plain), ("", plain), ("", plain), ("", plain),
             (block.nama, name)]
    if block.pangkat:
        lines.append((block.pangkat, plain))
    lines.append((block.nip_line, plain))
    for text, fmt in lines:
        if first_col == last_col:
            ws.write_string(row, first_col, text, fmt) if text else ws.write_blank(row, first_col, None, fmt)
        else:
            ws.merge_range(row, first_col, row, last_col, text, fmt)
        if text == block.jabatan and len(text) > sum(widths[first_col:]):
            ws.set_row(row, 26)
        row += 1
    return row


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
    tmp = partial_path(path)
    # text is always text: a name starting with "=" or looking like a URL stays as typed
    wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False})
    specs: dict[str, TableSpec] = {}
    firsts: dict[str, int] = {}
    with put_in_place(tmp, path):
        formats = _Formats(wb, options.thousands)
        for t in names:
            spec = specs[t] = prog.build(doc, t, options, counts[t])
            ws = wb.add_worksheet(sheet_name(t))
            firsts[t] = _write_sheet(wb, ws, spec, doc, formats, options, prog)
        info = doc.info
        wb.set_properties({"title": f"Lampiran Renja {info.get('opd') or ''} {info['tahun']}".strip(),
                           "author": "Renja Desktop"})
        prog.report("Menyimpan berkas")
        wb.close()
    if progress is not None:
        progress(1.0, "Selesai")
    return ExportResult(path, [sheet_name(t) for t in names], specs, firsts)


__all__ = ["export_xlsx", "ExportResult", "RenderCancelled", "sheet_name"]
