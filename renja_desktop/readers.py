"""Readers: tab-separated text (the clipboard of Word and Excel), .tsv/.csv files, .xlsx workbooks.

Every reader yields :class:`SourceRow` objects carrying the row's 1-based line (or worksheet row)
number and its cells as text, so the rest of the importer never cares where a table came from. A
merged cell of a workbook gives its text to its top-left cell only, exactly as Word and Excel put
a merged cell on the clipboard; that is what makes an .xlsx and the same table pasted as text import
to the same tree.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from .errors import EditError


class ImportFailure(EditError):
    """The source as a whole cannot be read (wrong file type, missing sheet...). Indonesian message."""


class TableNotRecognized(ImportFailure):
    """The kind of table could not be told from the column headers (the caller may name it)."""


@dataclass
class SourceRow:
    line: int
    cells: list[str]
    raw: str = ""

    def text(self) -> str:
        return " ".join(c for c in self.cells if c).strip()

    def is_blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


@dataclass
class Source:
    name: str                     # shown in messages: file name, "teks tempelan"
    rows: list[SourceRow] = field(default_factory=list)
    sheet: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} (lembar '{self.sheet}')" if self.sheet else self.name


def _clean_cell(text: str) -> str:
    if text.isascii() and "*" not in text and "\r" not in text:
        return text.strip()   # the common case, fast
    text = text.replace("\u00a0", " ").replace("\r", " ").strip()
    # markdown bold from document converters: **RENCANA KERJA**
    if text.startswith("**") or text.endswith("**"):
        text = text.replace("**", "").strip()
    return text


def rows_from_text(text: str, first_line: int = 1) -> list[SourceRow]:
    """Tab-separated text, one row a line (a cell with a line break inside quotes is kept whole)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    out: list[SourceRow] = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines):
        line = lines[i]
        number = first_line + i
        # Excel quotes a cell holding a line break: "a<LF>b" - join until the quote closes
        if '"' in line and line.count('"') % 2 == 1 and "\t" in line:
            j = i
            joined = line
            while joined.count('"') % 2 == 1 and j + 1 < len(lines):
                j += 1
                joined += "\n" + lines[j]
            if joined.count('"') % 2 == 0:
                cells = next(csv.reader(io.StringIO(joined), delimiter="\t"))
                out.append(SourceRow(number, [_clean_cell(c.replace("\n", " ")) for c in cells], joined))
                i = j + 1
                continue
        if line.isascii() and "*" not in line and "\r" not in line:
            cells = [c.strip() for c in line.split("\t")]    # what _clean_cell gives each such cell
        else:
            cells = [_clean_cell(c) for c in line.split("\t")]
        out.append(SourceRow(number, cells, line))
        i += 1
    return out


def text_source(text: str, name: str = "teks tempelan") -> Source:
    if "\x00" in text:
        raise ImportFailure(f"{name}: isi bukan teks (berisi byte NUL); salin tabel dari Word/Excel sebagai teks")
    return Source(name, rows_from_text(text))


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise ImportFailure(
            f"Berkas '{path.name}' bukan berkas teks (.tsv/.csv/.txt); "
            "untuk buku kerja Excel gunakan berkas .xlsx"
        )
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ImportFailure(f"Berkas '{path.name}' tidak dapat dibaca sebagai teks UTF-8 atau Windows-1252")


def csv_source(path: Path) -> Source:
    """A .csv (comma or semicolon, as Indonesian Excel writes it) or .tsv/.txt file."""
    data = path.read_bytes()
    text = _decode(data, path)
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".txt", ".tab") or ("\t" in text and suffix != ".csv"):
        return Source(path.name, rows_from_text(text))
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    out = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for cells in reader:
            line = reader.line_num
            out.append(SourceRow(line, [_clean_cell(c.replace("\n", " ")) for c in cells]))
    except csv.Error as exc:
        raise ImportFailure(f"Berkas '{path.name}' baris {reader.line_num}: CSV rusak ({exc})") from None
    # csv line_num counts physical lines at the end of a record; keep them increasing and unique
    return Source(path.name, out)


def _xlsx_value(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    fmt = (cell.number_format or "") if hasattr(cell, "number_format") else ""
    if isinstance(value, (int, float, Decimal)):
        if "%" in fmt:
            pct = Decimal(str(value)) * 100
            pct = pct.quantize(Decimal(1)) if pct == pct.to_integral_value() else pct.normalize()
            return f"{pct}".replace(".", ",") + "%"
        if isinstance(value, float):
            if value == int(value):
                return str(int(value))
            return repr(value).replace(".", ",")
        return str(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%d-%m-%Y")
    return _clean_cell(str(value))


def list_sheets(path: Path) -> list[str]:
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _open_workbook(path: Path):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise ImportFailure(f"Berkas '{path}' tidak ditemukan")
    try:
        # read_only=False: merged cell ranges are only known in the normal mode
        return openpyxl.load_workbook(path, data_only=True, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFailure(
            f"Berkas '{path.name}' bukan buku kerja Excel .xlsx yang dapat dibaca ({type(exc).__name__})"
        ) from None


def xlsx_source(path: Path, sheet: str | None = None) -> Source:
    wb = _open_workbook(path)
    try:
        if sheet:
            names = {n.lower(): n for n in wb.sheetnames}
            real = names.get(sheet.strip().lower())
            if real is None:
                raise ImportFailure(
                    f"Berkas '{path.name}' tidak memiliki lembar '{sheet}'; lembar yang ada: "
                    + ", ".join(f"'{n}'" for n in wb.sheetnames)
                )
            ws = wb[real]
        else:
            ws = wb.active if wb.active is not None else wb.worksheets[0]
        covered: set[tuple[int, int]] = set()
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        out = []
        for row in ws.iter_rows():
            if not row:
                continue
            number = row[0].row
            cells = []
            for cell in row:
                if (number, cell.column) in covered:
                    cells.append("")
                else:
                    cells.append(_xlsx_value(cell))
            while cells and not cells[-1]:
                cells.pop()
            out.append(SourceRow(number, cells))
        return Source(path.name, out, sheet=ws.title)
    finally:
        wb.close()


class _TableParser(HTMLParser):
    """The cells of every ``<table>`` of an HTML page, row by row (what SIPD helper tools save
    as ``.xls``). A cell spanning rows or columns gives its text to its top-left position only,
    like a merged cell of a workbook; ``<br>`` is a line break inside the cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._covered: dict[tuple[int, int], bool] = {}
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._depth += 1
        elif tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            if self._row is None:
                self._row = []
            self._end_cell()

            def span(name):
                try:
                    return max(1, min(int(a.get(name) or 1), 200))
                except ValueError:
                    return 1
            self._span = (span("rowspan"), span("colspan"))
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self._depth = max(0, self._depth - 1)

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is None or self._row is None:
            return
        r = len(self.rows)
        c = len(self._row)
        while self._covered.pop((r, c), False):
            self._row.append("")
            c += 1
        text = "".join(self._cell)
        text = "\n".join(" ".join(part.split()) for part in text.split("\n")).strip()
        self._row.append(text)
        rows, cols = self._span
        for dr in range(rows):
            for dc in range(cols):
                if dr or dc:
                    if dr == 0:
                        self._row.append("")
                    else:
                        self._covered[(r + dr, c + dc)] = True
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            r = len(self.rows)
            c = len(self._row)
            while self._covered.pop((r, c), False):
                self._row.append("")
                c += 1
            self.rows.append(self._row)
            self._row = None


def html_source(path: Path) -> Source:
    """An HTML table saved with an .xls/.html name (SIPD helper tools export them so)."""
    text = _decode(path.read_bytes(), path)
    parser = _TableParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything else is a broken file
        raise ImportFailure(f"Berkas '{path.name}': tabel HTML tidak terbaca ({type(exc).__name__})") from None
    if not parser.rows:
        raise ImportFailure(f"Berkas '{path.name}' berisi HTML tanpa tabel (<table>) untuk diimpor")
    out = []
    for i, cells in enumerate(parser.rows, start=1):
        cells = [_clean_cell(c) for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        out.append(SourceRow(i, cells, "\t".join(cells)))
    return Source(path.name, out)


def _looks_like_html(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return h.startswith((b"<html", b"<!doctype html", b"<table", b"<meta", b"<?xml version")) and \
        (b"<table" in head.lower() or b"<html" in h[:200])


def file_source(path: str | Path, sheet: str | None = None) -> Source:
    path = Path(path)
    if not path.exists():
        raise ImportFailure(f"Berkas '{path}' tidak ditemukan")
    if path.is_dir():
        raise ImportFailure(f"'{path}' adalah folder, bukan berkas tabel")
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(4096)
    if suffix in (".xlsx", ".xlsm") or head.startswith(b"PK\x03\x04"):
        return xlsx_source(path, sheet)
    if _looks_like_html(head) or suffix in (".html", ".htm"):
        if sheet:
            raise ImportFailure(f"--sheet hanya berlaku untuk buku kerja .xlsx, bukan '{path.name}' (tabel HTML)")
        return html_source(path)
    if suffix == ".xls" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailure(
            f"Berkas '{path.name}' berformat Excel lama (.xls); simpan ulang sebagai .xlsx lalu impor lagi"
        )
    if head.startswith(b"SQLite format 3"):
        raise ImportFailure(f"Berkas '{path.name}' adalah dokumen Renja (.sqlite), bukan tabel untuk diimpor")
    if sheet:
        raise ImportFailure(f"--sheet hanya berlaku untuk buku kerja .xlsx, bukan '{path.name}'")
    return csv_source(path)
