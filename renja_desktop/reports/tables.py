"""The six appendix tables as data: columns, multi-level headers, number row, rows, TOTAL.

Each ``build_*`` function turns an open :class:`~renja_desktop.service.RenjaDocument` into a
:class:`TableSpec` that both the PDF renderer (:mod:`.pdf`) and the Excel export (:mod:`.excel`)
draw from, so the two always show the same rows and the same numbers. Every amount comes from the
computation service (``doc.plan`` sums and totals, ``doc.evaluation.values_of``); nothing is added
up here. Cells keep typed values (``int`` Rupiah, ``Decimal`` rates and volumes); formatting to
Indonesian text happens in :func:`format_cell`.

Layouts follow docs/domain.md ("Tables and formulas") and the Binjai 2024 seed document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .. import codes, registry
from ..codes import BIDANG_URUSAN, KEGIATAN, PROGRAM, SUB_KEGIATAN, URUSAN, CodeError
from ..compute import is_additive
from ..errors import RenjaError
from ..formatting import (
    DASH, NumberError, format_decimal_id, format_nip, format_percent, format_rupiah, parse_decimal,
    opd_with_pemda,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

# ---------------------------------------------------------------------------------- cell kinds
TEXT = "text"      # free text, wraps
CODE = "code"      # a code or a number label, never wraps, centred
MONEY = "money"    # int Rupiah (None: empty cell), right-aligned
RATE = "rate"      # Decimal percent (None: en dash), right-aligned
VOLUME = "volume"  # Decimal K volume (None: empty), right-aligned, optional suffix (satuan)

LEFT, CENTER, RIGHT = "left", "center", "right"

# ---------------------------------------------------------------------------------- row styles
STYLE_URUSAN = "urusan"
STYLE_BIDANG = "bidang"
STYLE_PROGRAM = "program"
STYLE_KEGIATAN = "kegiatan"
STYLE_SUB = "sub"
STYLE_SUMMARY = "summary"   # Tabel 2.1 "rata-rata capaian kinerja" of a program
STYLE_TOTAL = "total"
STYLE_PLAIN = "plain"       # list tables (2.2, 2.4)
STYLE_NIHIL = "nihil"

LEVEL_STYLE = {
    URUSAN: STYLE_URUSAN, BIDANG_URUSAN: STYLE_BIDANG, PROGRAM: STYLE_PROGRAM,
    KEGIATAN: STYLE_KEGIATAN, SUB_KEGIATAN: STYLE_SUB,
}
#: styles printed in bold
BOLD_STYLES = frozenset({STYLE_URUSAN, STYLE_BIDANG, STYLE_PROGRAM, STYLE_SUMMARY, STYLE_TOTAL})
#: styles printed on a shaded background
SHADED_STYLES = frozenset({STYLE_KEGIATAN, STYLE_TOTAL, STYLE_SUMMARY})

#: every table, in the order the appendices are bound
TABLE_ORDER = ("2.1", "2.2", "2.3", "2.4", "3.1", "4.1")

PAPERS_MM = {"F4": (215.0, 330.0), "A4": (210.0, 297.0), "Legal": (215.9, 355.6)}


class ReportError(RenjaError, ValueError):
    """Bad report options (unknown table or paper, margins that leave no room); Indonesian text."""


@dataclass
class ReportOptions:
    """How the tables are printed. Margins in millimetres; ``font_size`` ``None``: per table."""

    paper: str = "F4"
    margin_top: float = 20.0
    margin_bottom: float = 15.0
    margin_left: float = 15.0
    margin_right: float = 15.0
    font_size: float | None = None
    thousands: bool = False
    cover: bool = False
    #: Tabel 2.1 with the quarterly columns 8-11 and column 17; ``None``: only when filled in
    tabel21_lengkap: bool | None = None
    #: the two stages the Perubahan Renja table compares (``"sekarang"``: the working state)
    compare: tuple[str, str] | None = None

    def check(self) -> None:
        if self.paper not in PAPERS_MM:
            raise ReportError("report.paper", paper=self.paper, choices=", ".join(PAPERS_MM))
        for name in ("margin_top", "margin_bottom", "margin_left", "margin_right"):
            value = getattr(self, name)
            if not 0 <= value <= 60:
                raise ReportError("report.margin", side=name[7:], value=value)
        if self.font_size is not None and not 5 <= self.font_size <= 14:
            raise ReportError("report.font_size", size=self.font_size, low=5, high=14)


def normalize_tables(tables: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """``"all"``/``None`` -> every table in order; ``"4.1"`` or a list -> checked, in order."""
    if tables is None or tables == "all":
        return list(TABLE_ORDER)
    if isinstance(tables, str):
        tables = [tables]
    out = []
    for t in tables:
        t = str(t).strip()
        if t == "all":
            return list(TABLE_ORDER)
        if t not in TABLE_ORDER and t not in EXTRA_BUILDERS:
            raise ReportError("report.unknown_table_all", table=t, choices=", ".join(TABLE_ORDER))
        if t not in out:
            out.append(t)
    if not out:
        raise ReportError("report.no_table")
    order = TABLE_ORDER + tuple(EXTRA_BUILDERS)
    return sorted(out, key=order.index)


# ---------------------------------------------------------------------------------- structure
class Cell:
    """One cell of a body row. ``span`` columns wide."""

    __slots__ = ("value", "kind", "span", "suffix", "align")

    def __init__(self, value: Any = None, kind: str = TEXT, span: int = 1, suffix: str = "",
                 align: str | None = None):
        self.value = value
        self.kind = kind
        self.span = span
        self.suffix = suffix
        self.align = align

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cell({self.value!r}, {self.kind}, span={self.span})"


class Row:
    __slots__ = ("cells", "style", "row_id", "kode")

    def __init__(self, cells: list[Cell], style: str, row_id: str | None = None, kode: str = ""):
        self.cells = cells
        self.style = style
        self.row_id = row_id
        self.kode = kode


@dataclass
class Column:
    key: str
    kind: str = TEXT
    #: share of the width left over after the fitted columns (0: fit to the content)
    weight: float = 0.0
    align: str = LEFT
    min_mm: float = 6.0
    #: a fitted column never grows beyond this (its text wraps)
    max_mm: float = 60.0
    #: width in the Excel sheet (characters)
    excel_width: float = 12.0
    #: text typed by the user that is a number when it reads as one (Tabel 2.2 targets): Excel
    #: gets the number
    numeric_text: bool = False


@dataclass
class HeaderCell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class TableSpec:
    nomor: str                      # "4.1"
    judul: str                      # the full title printed under "Tabel 4.1"
    singkat: str                    # a short name for the page footer
    columns: list[Column]
    header: list[HeaderCell]        # the multi-level header (row 0 at the top)
    header_rows: int
    numbers: list[HeaderCell]       # the column-number row ("1", "14=6+12" ...)
    rows: list[Row] = field(default_factory=list)
    font_size: float = 8.0          # the default body font size of this table
    thousands: bool = False
    #: the computed totals shown in the TOTAL row (column key -> value), for checks and tests
    totals: dict[str, Any] = field(default_factory=dict)
    #: printed instead of "Tabel <nomor>" (tables outside the regulation's numbering)
    caption: str = ""

    def column_index(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)


_heading = registry.report_heading   # the official column headings live in the registry


# ---------------------------------------------------------------------------------- formatting
def format_cell(cell: Cell, thousands: bool = False) -> str:
    """The text printed for a cell (Indonesian numbers, en dash for undefined rates)."""
    v = cell.value
    kind = cell.kind
    if kind == MONEY:
        if v is None:
            return ""
        if not thousands and type(v) is int and v >= 0:
            # the same text as format_rupiah (dot grouping), without Babel's per-call cost
            return f"{v:,}".replace(",", ".")
        return format_rupiah(v, thousands=thousands)
    if kind == RATE:
        return format_percent(v)
    if kind == VOLUME:
        if v is None:
            return ""
        text = format_decimal_id(v)
        if cell.suffix:
            text += cell.suffix if cell.suffix == "%" else " " + cell.suffix
        return text
    if v is None:
        return ""
    return str(v)


@dataclass
class SignatureBlock:
    """The signing block under each table (place and date, the head's title, name, rank, NIP)."""

    place: str
    jabatan: str
    nama: str
    pangkat: str
    nip_line: str


def signature_block(doc: "RenjaDocument") -> SignatureBlock:
    """The signing block as printed; dotted lines stand for what is not filled in yet."""
    info = doc.info
    tempat = (info.get("tempat") or "").strip()
    tanggal = (info.get("tanggal") or "").strip()
    place = ", ".join(x for x in (tempat, tanggal) if x) or "............................, ....................."
    jabatan = (info.get("kepala_jabatan") or "").strip()
    if not jabatan:
        jabatan = "Kepala " + opd_with_pemda(info.get("opd"), info.get("pemda"))
    nama = (info.get("kepala_nama") or "").strip() or "(.........................................)"
    nip = format_nip(info.get("kepala_nip"))
    return SignatureBlock(place, jabatan, nama, (info.get("kepala_pangkat") or "").strip(),
                          f"NIP. {nip}" if nip else "NIP. ...............................")


def _money_title(thousands: bool) -> str:
    return "(Rp.000)" if thousands else "(Rp)"


def _who(doc: "RenjaDocument") -> str:
    return opd_with_pemda(doc.info.get("opd"), doc.info.get("pemda"))


def split_code(kode: str) -> list[str] | None:
    """``8.01.01.2.01.0001`` -> ``['8', '01', '01', '2.01', '0001']``; ``None`` if not a code."""
    try:
        seg = codes.parse_code(kode).segments
    except CodeError:
        return None
    out = list(seg[:3])
    if len(seg) >= 5:
        out.append(f"{seg[3]}.{seg[4]}")
    if len(seg) == 6:
        out.append(seg[5])
    return out + [""] * (5 - len(out))


def _code_cells(kode: str) -> list[Cell]:
    parts = split_code(kode)
    if parts is None:
        # a code that is not U.BB.PP.K.KK.SSSS (imported as printed): show it whole
        return [Cell(kode, CODE, span=5)]
    return [Cell(p, CODE) for p in parts]


def _code_columns() -> list[Column]:
    return [
        Column("kode_u", CODE, align=CENTER, min_mm=4, excel_width=4),
        Column("kode_bb", CODE, align=CENTER, min_mm=5, excel_width=4),
        Column("kode_pp", CODE, align=CENTER, min_mm=5, excel_width=4),
        Column("kode_kk", CODE, align=CENTER, min_mm=7, excel_width=5),
        Column("kode_ss", CODE, align=CENTER, min_mm=8, excel_width=6),
    ]


def _target_text(item: dict) -> str:
    """An indicator's target as printed: ``12 Dokumen``, ``100%``."""
    return _amount_with_unit(item.get("target"), item.get("satuan"))


def _amount_with_unit(amount: Any, satuan: Any) -> str:
    amount = str(amount or "").strip()
    satuan = str(satuan or "").strip()
    if amount:
        try:
            number = parse_decimal(amount)
        except NumberError:
            # already written with its unit ("68 Orang") it prints as typed; a grade or a word
            # ("B" with satuan "Predikat") gets its unit like every other target
            if not satuan or re.search(r"(?<!\w)" + re.escape(satuan.casefold()) + r"(?!\w)",
                                       amount.casefold()) or satuan == "%" and amount.endswith("%"):
                return amount
            return f"{amount} {satuan}"
        if number is not None:
            amount = format_decimal_id(number)
    if not amount:
        return ""
    if not satuan:
        return amount
    if satuan == "%":
        return amount + "%"
    return f"{amount} {satuan}"


def _listed(items: list[str]) -> str:
    """Several indicators in one cell: numbered lines; one: as it is."""
    items = [x for x in items]
    if len(items) <= 1:
        return items[0] if items else ""
    return "\n".join(f"{i}. {x}" for i, x in enumerate(items, start=1))


def _sumber_text(doc: "RenjaDocument", row_id: str, thousands: bool) -> str:
    items = doc.sumber_dana.get(row_id, [])
    if not items:
        return ""
    if len(items) == 1:
        return items[0]["nama"] or items[0]["kode"]
    lines = []
    for it in items:
        name = it["nama"] or it["kode"]
        if it.get("jumlah") is not None:
            name += f" (Rp {format_rupiah(it['jumlah'], thousands=thousands)})"
        lines.append(name)
    return "\n".join(lines)


Progress = Callable[[int], None]


def _walk_plan(doc: "RenjaDocument", tick: Progress | None) -> Iterator:
    for i, node in enumerate(doc.plan.walk()):
        if tick is not None and i % 1000 == 0:
            tick(i)
        yield node


# ================================================================================ Tabel 4.1
def build_41(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    n = doc.info["tahun"]
    rp = _money_title(options.thousands)
    columns = _code_columns() + [
        Column("uraian", TEXT, weight=6, min_mm=50, excel_width=60),
        Column("pagu", MONEY, align=RIGHT, min_mm=22, excel_width=20),
        Column("sumber_dana", TEXT, weight=2.2, min_mm=30, excel_width=36),
    ]
    header = [
        HeaderCell(0, 0, _heading("4.1", "kode"), colspan=5),
        HeaderCell(0, 5, _heading("4.1", "nama")),
        HeaderCell(0, 6, f"{_heading('4.1', 'pagu', n)} {rp}"),
        HeaderCell(0, 7, _heading("4.1", "sumber_dana")),
    ]
    numbers = [HeaderCell(0, 0, "1", colspan=5), HeaderCell(0, 5, "2"), HeaderCell(0, 6, "3"),
               HeaderCell(0, 7, "4")]
    spec = TableSpec("4.1", f"Rencana Kerja dan Pendanaan {_who(doc)} Tahun {n}",
                     "Rencana Kerja dan Pendanaan", columns, header, 1, numbers, font_size=8.5,
                     thousands=options.thousands)
    plan = doc.plan
    rows = spec.rows
    for node in _walk_plan(doc, tick):
        leaf = node.level == SUB_KEGIATAN
        cells = _code_cells(node.kode)
        cells.append(Cell(node.nama))
        cells.append(Cell(node.sums[0], MONEY))
        cells.append(Cell(_sumber_text(doc, node.id, options.thousands) if leaf else ""))
        rows.append(Row(cells, LEVEL_STYLE.get(node.level, STYLE_SUB), node.id, node.kode))
    total = plan.totals[0]
    rows.append(Row([Cell("TOTAL", TEXT, span=6, align=CENTER), Cell(total, MONEY), Cell("")],
                    STYLE_TOTAL))
    spec.totals = {"pagu": total}
    return spec


# ================================================================================ Tabel 3.1
def build_31(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    n = doc.info["tahun"]
    rp = _money_title(options.thousands)
    columns = _code_columns() + [
        Column("uraian", TEXT, weight=4.2, min_mm=35, excel_width=45),
        Column("outcome", TEXT, weight=2.6, min_mm=20, excel_width=35),
        Column("indikator", TEXT, weight=3.0, min_mm=22, excel_width=40),
        Column("lokasi", TEXT, weight=1.5, min_mm=12, excel_width=20),
        Column("target", TEXT, weight=1.2, min_mm=12, excel_width=14),
        Column("pagu", MONEY, align=RIGHT, min_mm=18, excel_width=18),
        Column("sumber_dana", TEXT, weight=1.7, min_mm=14, excel_width=26),
        Column("catatan", TEXT, weight=1.2, min_mm=10, excel_width=20),
        Column("target_n1", TEXT, weight=1.2, min_mm=12, excel_width=14),
        Column("pagu_n1", MONEY, align=RIGHT, min_mm=18, excel_width=18),
        Column("penanggung_jawab", TEXT, weight=1.7, min_mm=14, excel_width=26),
    ]
    header = [
        HeaderCell(0, 0, _heading("3.1", "kode"), rowspan=2, colspan=5),
        HeaderCell(0, 5, _heading("3.1", "nama"), rowspan=2),
        HeaderCell(0, 6, _heading("3.1", "outcome"), rowspan=2),
        HeaderCell(0, 7, _heading("3.1", "indikator"), rowspan=2),
        HeaderCell(0, 8, f"Rencana Tahun {n}", colspan=4),
        HeaderCell(0, 12, _heading("3.1", "catatan"), rowspan=2),
        HeaderCell(0, 13, f"Prakiraan Maju Rencana Tahun {n + 1}", colspan=2),
        HeaderCell(0, 15, _heading("3.1", "penanggung_jawab"), rowspan=2),
        HeaderCell(1, 8, _heading("3.1", "lokasi")),
        HeaderCell(1, 9, _heading("3.1", "target")),
        HeaderCell(1, 10, f"{_heading('3.1', 'pagu')} {rp}"),
        HeaderCell(1, 11, _heading("3.1", "sumber_dana")),
        HeaderCell(1, 13, _heading("3.1", "target_n1")),
        HeaderCell(1, 14, f"{_heading('3.1', 'pagu_n1')} {rp}"),
    ]
    numbers = [HeaderCell(0, 0, "1", colspan=5)] + [
        HeaderCell(0, c, str(c - 3)) for c in range(5, 16)
    ]
    spec = TableSpec(
        "3.1",
        f"Rumusan Rencana Program dan Kegiatan {_who(doc)} Tahun {n} dan Prakiraan Maju Tahun {n + 1}",
        "Rumusan Rencana Program dan Kegiatan", columns, header, 2, numbers, font_size=7.0,
        thousands=options.thousands,
    )
    rows = spec.rows
    for node in _walk_plan(doc, tick):
        v = node.values
        leaf = node.level == SUB_KEGIATAN
        inds = doc.indikator.get(node.id, [])
        cells = _code_cells(node.kode)
        cells += [
            Cell(node.nama),
            Cell(v.get("outcome") or ""),
            Cell(_listed([i.get("teks") or "" for i in inds])),
            Cell(v.get("lokasi") or ""),
            Cell(_listed([_target_text(i) for i in inds])),
            Cell(node.sums[0], MONEY),
            Cell(_sumber_text(doc, node.id, options.thousands) if leaf else ""),
            Cell(v.get("catatan") or ""),
            Cell(_listed([_amount_with_unit(i.get("target_n1"), i.get("satuan")) for i in inds])),
            Cell(node.sums[1], MONEY),
            Cell(v.get("penanggung_jawab") or ""),
        ]
        rows.append(Row(cells, LEVEL_STYLE.get(node.level, STYLE_SUB), node.id, node.kode))
    t = doc.plan.totals
    rows.append(Row([
        Cell("TOTAL", TEXT, span=10, align=CENTER), Cell(t[0], MONEY), Cell("", span=3),
        Cell(t[1], MONEY), Cell(""),
    ], STYLE_TOTAL))
    spec.totals = {"pagu": t[0], "pagu_n1": t[1]}
    return spec


# ================================================================================ Tabel 2.3
def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def _letters(number: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA (spreadsheet style)."""
    out = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        out = chr(65 + rem) + out
    return out


def build_23(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    n = doc.info["tahun"]
    rp = _money_title(options.thousands)
    side = [
        ("nama", TEXT, 3.4, 28, 45), ("lokasi", TEXT, 1.3, 12, 16), ("indikator", TEXT, 2.8, 22, 40),
        ("target", TEXT, 1.1, 11, 14), ("pagu", MONEY, 0, 18, 18),
    ]
    columns = [Column("no", CODE, align=CENTER, min_mm=7, excel_width=6)]
    for prefix in ("rkpd", "analisis"):
        for key, kind, weight, min_mm, xw in side:
            columns.append(Column(f"{prefix}_{key}", kind, weight=weight,
                                  align=RIGHT if kind == MONEY else LEFT, min_mm=min_mm,
                                  excel_width=xw))
    columns.append(Column("catatan", TEXT, weight=1.8, min_mm=16, excel_width=30))
    sub_titles = [_heading("2.3", k) for k in ("nama", "lokasi", "indikator", "target")] + \
        [f"{_heading('2.3', 'pagu')} {rp}"]
    header = [
        HeaderCell(0, 0, "No.", rowspan=2),
        HeaderCell(0, 1, f"Rancangan Awal RKPD Tahun {n}", colspan=5),
        HeaderCell(0, 6, "Hasil Analisis Kebutuhan", colspan=5),
        HeaderCell(0, 11, _heading("2.3", "rkpd_catatan"), rowspan=2),
    ]
    for i, t in enumerate(sub_titles):
        header.append(HeaderCell(1, 1 + i, t))
        header.append(HeaderCell(1, 6 + i, t))
    numbers = [HeaderCell(0, c, f"({c + 1})") for c in range(12)]
    spec = TableSpec("2.3", f"Review terhadap Rancangan Awal RKPD Tahun {n}",
                     "Review terhadap Rancangan Awal RKPD", columns, header, 2, numbers,
                     font_size=7.0, thousands=options.thousands)
    plan = doc.plan
    rows = spec.rows
    n_prog = n_keg = n_sub = 0
    for node in _walk_plan(doc, tick):
        level = node.level
        if level < PROGRAM:
            continue
        v = node.values
        if level == PROGRAM:
            n_prog += 1
            n_keg = n_sub = 0
            no = _roman(n_prog)
        elif level == KEGIATAN:
            n_keg += 1
            no = _letters(n_keg)
        else:
            n_sub += 1
            no = f"{n_sub:02d}"
        inds = doc.indikator.get(node.id, [])
        pagu, rkpd = node.sums[0], node.sums[2]
        if level == SUB_KEGIATAN:
            in_draft = v.get("rkpd_pagu") is not None or bool((v.get("rkpd_nama") or "").strip())
        else:
            in_draft = any(
                d.values.get("rkpd_pagu") is not None or (d.values.get("rkpd_nama") or "").strip()
                for d in plan.subtree(node) if d.level == SUB_KEGIATAN
            ) if rkpd == 0 else True
        notes = []
        if (v.get("rkpd_catatan") or "").strip():
            notes.append(v["rkpd_catatan"].strip())
        if not in_draft:
            notes.append("Tidak ada dalam Rancangan Awal RKPD")
            left = [Cell("–", align=CENTER), Cell(""), Cell(""), Cell(""), Cell(None, MONEY)]
        else:
            left = [
                Cell(v.get("rkpd_nama") or node.nama),
                Cell(v.get("rkpd_lokasi") or ""),
                Cell(v.get("rkpd_indikator") or ""),
                Cell(v.get("rkpd_target") or ""),
                Cell(rkpd, MONEY),
            ]
            if pagu != rkpd:
                diff = format_rupiah(abs(pagu - rkpd), thousands=options.thousands)
                notes.append(f"Pagu {'bertambah' if pagu > rkpd else 'berkurang'} {diff}")
        name = f"{node.kode} {node.nama}" if node.kode else node.nama
        right = [
            Cell(name),
            Cell(v.get("lokasi") or ""),
            Cell(_listed([i.get("teks") or "" for i in inds])),
            Cell(_listed([_target_text(i) for i in inds])),
            Cell(pagu, MONEY),
        ]
        rows.append(Row([Cell(no, CODE)] + left + right + [Cell("; ".join(notes))],
                        LEVEL_STYLE[level], node.id, node.kode))
    t = plan.totals
    notes = ""
    if t[0] != t[2]:
        notes = (f"Pagu {'bertambah' if t[0] > t[2] else 'berkurang'} "
                 f"{format_rupiah(abs(t[0] - t[2]), thousands=options.thousands)}")
    rows.append(Row([
        Cell("TOTAL", TEXT, span=5, align=CENTER), Cell(t[2], MONEY), Cell("", span=4),
        Cell(t[0], MONEY), Cell(notes),
    ], STYLE_TOTAL))
    spec.totals = {"rkpd_pagu": t[2], "analisis_pagu": t[0]}
    return spec


# ================================================================================ Tabel 2.1
_PAIR_TITLES = {
    5: "Target Renstra Perangkat Daerah pada Tahun {akhir}",
    6: "Realisasi Capaian Kinerja Renstra Perangkat Daerah s.d. Renja Perangkat Daerah Tahun {e1}",
    7: "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun {e} yang Dievaluasi",
    12: "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
    13: "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah yang Dievaluasi (%)",
    14: "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Renja Perangkat Daerah Tahun {e}",
    15: "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s.d. Tahun {e} (%)",
}


def tabel21_lengkap(doc: "RenjaDocument", options: ReportOptions) -> bool:
    """Whether Tabel 2.1 prints the quarterly columns 8-11 and column 17 (keterangan)."""
    if options.tabel21_lengkap is not None:
        return options.tabel21_lengkap
    for node in doc.evaluation.nodes.values():
        v = node.values
        if (v.get("keterangan") or "").strip():
            return True
        for c in (8, 9, 10, 11):
            if v.get(f"rp_{c}") is not None or v.get(f"k_{c}") is not None:
                return True
    return False


def build_21(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    n = doc.info["tahun"]
    e = n - 2
    akhir = doc.info.get("renstra_selesai") or ""
    lengkap = tabel21_lengkap(doc, options)
    rp_note = " (Rp.000)" if options.thousands else ""
    pairs = [5, 6, 7] + ([8, 9, 10, 11] if lengkap else []) + [12, 13, 14, 15]
    with_codes = any(node.kode for node in doc.evaluation.nodes.values())
    columns = [
        Column("kode", CODE, align=LEFT if with_codes else CENTER, min_mm=12 if with_codes else 7,
               excel_width=20 if with_codes else 6),
        Column("sasaran", TEXT, weight=1.6, min_mm=10, excel_width=30),
        Column("uraian", TEXT, weight=3.2, min_mm=22, excel_width=45),
        Column("indikator", TEXT, weight=2.6, min_mm=16, excel_width=40),
    ]
    for c in pairs:
        rate = c in (13, 15)
        columns.append(Column(f"k_{c}", RATE if rate else VOLUME, align=RIGHT, min_mm=5,
                              max_mm=16, excel_width=10))
        columns.append(Column(f"rp_{c}", RATE if rate else MONEY, align=RIGHT, min_mm=8,
                              excel_width=10 if rate else 17))
    columns.append(Column("penanggung_jawab", TEXT, weight=1.5, min_mm=12, excel_width=26))
    if lengkap:
        columns.append(Column("keterangan", TEXT, weight=1.2, min_mm=10, excel_width=24))
    col_of = {c.key: i for i, c in enumerate(columns)}
    # rows without codes (as the Binjai original): number the programs, as typists do
    header = [
        HeaderCell(0, 0, _heading("2.1", "kode") if with_codes else "No.", rowspan=3),
        HeaderCell(0, 1, _heading("2.1", "sasaran"), rowspan=3),
        HeaderCell(0, 2, _heading("2.1", "nama"), rowspan=3),
        HeaderCell(0, 3, _heading("2.1", "indikator"), rowspan=3),
    ]
    if lengkap:
        header.append(HeaderCell(0, col_of["k_8"], f"Realisasi Kinerja pada Triwulan (Tahun {e})",
                                 colspan=8))
        for c, roman in zip((8, 9, 10, 11), ("I", "II", "III", "IV")):
            header.append(HeaderCell(1, col_of[f"k_{c}"], roman, colspan=2))
    for c in pairs:
        if c in _PAIR_TITLES:
            text = _PAIR_TITLES[c].format(akhir=akhir, e=e, e1=e - 1).replace("Tahun  ", "Tahun ")
            if c not in (13, 15):
                text += rp_note
            header.append(HeaderCell(0, col_of[f"k_{c}"], text, rowspan=2, colspan=2))
        header.append(HeaderCell(2, col_of[f"k_{c}"], "K"))
        header.append(HeaderCell(2, col_of[f"rp_{c}"], "Rp"))
    header.append(HeaderCell(0, col_of["penanggung_jawab"], _heading("2.1", "penanggung_jawab"),
                             rowspan=3))
    if lengkap:
        header.append(HeaderCell(0, col_of["keterangan"], _heading("2.1", "keterangan"), rowspan=3))
    number_text = {12: "12=8+9+10+11" if lengkap else "12", 13: "13=12/7x100", 14: "14=6+12",
                   15: "15=14/5x100"}
    numbers = [HeaderCell(0, i, str(i + 1)) for i in range(4)]
    for c in pairs:
        numbers.append(HeaderCell(0, col_of[f"k_{c}"], number_text.get(c, str(c)), colspan=2))
    numbers.append(HeaderCell(0, col_of["penanggung_jawab"], "16"))
    if lengkap:
        numbers.append(HeaderCell(0, col_of["keterangan"], "17"))
    who = _who(doc)
    spec = TableSpec("2.1", f"Evaluasi Pelaksanaan Renja dan Capaian Renstra {who} Tahun {e}",
                     "Evaluasi Pelaksanaan Renja dan Capaian Renstra", columns, header, 3, numbers,
                     font_size=6.0 if lengkap else 6.5, thousands=options.thousands)
    tree = doc.evaluation
    rows = spec.rows
    label_span = col_of["k_13"]

    def value_cells(node, ev, leaf: bool) -> list[Cell]:
        out = []
        percent = not is_additive(node.values.get("satuan")) if leaf else False
        satuan = (node.values.get("satuan") or "").strip() if leaf else ""
        for c in pairs:
            if c in (13, 15):
                # a parent's K rate is the mean of its rows' rates: printed on the program's
                # summary row ("rata-rata capaian kinerja"), not on every parent row
                out.append(Cell(getattr(ev, f"k_{c}"), RATE) if leaf else Cell(None, MONEY))
                out.append(Cell(getattr(ev, f"rp_{c}"), RATE))
                continue
            if c in (8, 9, 10, 11):
                k, r = ev.k_tw[c - 8], ev.rp_tw[c - 8]
            else:
                k, r = getattr(ev, f"k_{c}"), getattr(ev, f"rp_{c}")
            suffix = ""
            if leaf and k is not None:
                if percent:
                    suffix = "%"
                elif c == 5 and satuan:
                    suffix = satuan
            out.append(Cell(k if leaf else None, VOLUME, suffix=suffix))
            out.append(Cell(r, MONEY))
        return out

    def summary_row(node) -> Row:
        ev = tree.values_of(node.id)
        label = f"Rata-rata capaian kinerja {node.nama}"
        if ev.k_13_rows or ev.k_15_rows:
            label += f" (K: rata-rata {max(ev.k_13_rows, ev.k_15_rows)} baris)"
        cells = [Cell(label, TEXT, span=label_span, align=RIGHT),
                 Cell(ev.k_13, RATE), Cell(ev.rp_13, RATE), Cell(None, MONEY, span=2),
                 Cell(ev.k_15, RATE), Cell(ev.rp_15, RATE)]
        rest = len(columns) - (label_span + 6)
        cells.append(Cell("", span=rest))
        return Row(cells, STYLE_SUMMARY, node.id, node.kode)

    # document order, with a summary row closing each program
    stack: list = []
    program_no = 0
    for i, node in enumerate(tree.walk()):
        if tick is not None and i % 1000 == 0:
            tick(i)
        while stack and stack[-1].level >= node.level:
            done = stack.pop()
            if done.level == PROGRAM:
                rows.append(summary_row(done))
        if node.level <= PROGRAM:
            stack.append(node)
        leaf = node.level == SUB_KEGIATAN
        ev = tree.values_of(node.id)
        v = node.values
        if with_codes:
            first = node.kode
        elif node.level == PROGRAM:
            program_no += 1
            first = str(program_no)
        else:
            first = ""
        cells = [Cell(first, CODE, align=None if with_codes else CENTER), Cell(v.get("sasaran") or ""),
                 Cell(node.nama),
                 Cell(v.get("indikator") or "")]
        cells += value_cells(node, ev, leaf)
        cells.append(Cell(v.get("penanggung_jawab") or ""))
        if lengkap:
            cells.append(Cell(v.get("keterangan") or ""))
        rows.append(Row(cells, LEVEL_STYLE.get(node.level, STYLE_SUB), node.id, node.kode))
    while stack:
        done = stack.pop()
        if done.level == PROGRAM:
            rows.append(summary_row(done))
    total = tree.values_of(None)
    label = "TOTAL"
    if total.k_13_rows or total.k_15_rows:
        label += (" (rata-rata capaian kinerja seluruh program: "
                  f"K dari {max(total.k_13_rows, total.k_15_rows)} baris)")
    cells = [Cell(label, TEXT, span=4, align=CENTER)]
    for c in pairs:
        if c in (13, 15):
            cells += [Cell(getattr(total, f"k_{c}"), RATE), Cell(getattr(total, f"rp_{c}"), RATE)]
        elif c in (8, 9, 10, 11):
            cells += [Cell(None, VOLUME), Cell(total.rp_tw[c - 8], MONEY)]
        else:
            cells += [Cell(None, VOLUME), Cell(getattr(total, f"rp_{c}"), MONEY)]
    cells.append(Cell(""))
    if lengkap:
        cells.append(Cell(""))
    rows.append(Row(cells, STYLE_TOTAL))
    spec.totals = {f"rp_{c}": getattr(total, f"rp_{c}") for c in (5, 6, 7, 12, 13, 14, 15)}
    spec.totals.update(k_13=total.k_13, k_15=total.k_15)
    return spec


# ================================================================================ Tabel 2.2
def build_22(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    n = doc.info["tahun"]
    keys = ["target_n3", "target_n2", "target_n1", "target_n", "realisasi_n3", "realisasi_n2",
            "proyeksi_n", "proyeksi_n_plus1"]
    years = [n - 3, n - 2, n - 1, n, n - 3, n - 2, n, n + 1]
    columns = [
        Column("no", CODE, align=CENTER, min_mm=7, excel_width=6),
        Column("indikator", TEXT, weight=4, min_mm=40, excel_width=50),
        Column("spm", TEXT, weight=1.5, min_mm=16, excel_width=18),
        Column("ikk", TEXT, weight=1.5, min_mm=16, excel_width=18),
    ] + [Column(k, TEXT, weight=1.0, align=CENTER, min_mm=14, excel_width=12, numeric_text=True)
         for k in keys] + [
        Column("catatan", TEXT, weight=3, min_mm=30, excel_width=40),
    ]
    header = [
        HeaderCell(0, 0, "No.", rowspan=2),
        HeaderCell(0, 1, _heading("2.2", "indikator"), rowspan=2),
        HeaderCell(0, 2, _heading("2.2", "spm"), rowspan=2),
        HeaderCell(0, 3, _heading("2.2", "ikk"), rowspan=2),
        HeaderCell(0, 4, "Target Renstra Perangkat Daerah", colspan=4),
        HeaderCell(0, 8, "Realisasi Capaian", colspan=2),
        HeaderCell(0, 10, "Proyeksi", colspan=2),
        HeaderCell(0, 12, _heading("2.2", "catatan"), rowspan=2),
    ] + [HeaderCell(1, 4 + i, f"Tahun {y}") for i, y in enumerate(years)]
    numbers = [HeaderCell(0, c, f"({c + 1})") for c in range(13)]
    spec = TableSpec("2.2", f"Pencapaian Kinerja Pelayanan {_who(doc)} Tahun {n - 2}",
                     "Pencapaian Kinerja Pelayanan", columns, header, 2, numbers, font_size=8.0,
                     thousands=options.thousands)
    for i, item in enumerate(doc.pelayanan, start=1):
        cells = [Cell(f"{i}.", CODE), Cell(item.get("indikator") or ""), Cell(item.get("spm") or ""),
                 Cell(item.get("ikk") or "")]
        cells += [Cell(item.get(k) or "", align=CENTER) for k in keys]
        cells.append(Cell(item.get("catatan") or ""))
        spec.rows.append(Row(cells, STYLE_PLAIN, item.get("id")))
    if not doc.pelayanan:
        spec.rows.append(Row([Cell("–", CODE), Cell("NIHIL")] + [Cell("–", align=CENTER)
                                                                   for _ in range(11)], STYLE_NIHIL))
    return spec


# ================================================================================ Tabel 2.4
def build_24(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    n = doc.info["tahun"]
    columns = [
        Column("no", CODE, align=CENTER, min_mm=8, excel_width=6),
        Column("program_kegiatan", TEXT, weight=4, min_mm=40, excel_width=50),
        Column("lokasi", TEXT, weight=2, min_mm=20, excel_width=24),
        Column("indikator", TEXT, weight=3.2, min_mm=30, excel_width=40),
        Column("volume", TEXT, weight=1.4, align=CENTER, min_mm=18, excel_width=16),
        Column("catatan", TEXT, weight=2.6, min_mm=24, excel_width=34),
    ]
    header = [HeaderCell(0, 0, "No.")] + [
        HeaderCell(0, 1 + i, _heading("2.4", k))
        for i, k in enumerate(("program_kegiatan", "lokasi", "indikator", "volume", "catatan"))]
    numbers = [HeaderCell(0, c, f"({c + 1})") for c in range(6)]
    spec = TableSpec("2.4", f"Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun {n}",
                     "Usulan Program dan Kegiatan dari Para Pemangku Kepentingan", columns, header, 1,
                     numbers, font_size=9.0, thousands=options.thousands)
    for i, item in enumerate(doc.usulan, start=1):
        spec.rows.append(Row([
            Cell(f"{i}.", CODE), Cell(item.get("program_kegiatan") or ""),
            Cell(item.get("lokasi") or ""), Cell(item.get("indikator") or ""),
            Cell(item.get("volume") or "", align=CENTER), Cell(item.get("catatan") or ""),
        ], STYLE_PLAIN, item.get("id")))
    if not doc.usulan:
        spec.rows.append(Row([
            Cell("–", CODE), Cell("NIHIL"), Cell(doc.info.get("pemda") or "–"),
            Cell("–", align=CENTER), Cell("–", align=CENTER), Cell("–", align=CENTER),
        ], STYLE_NIHIL))
    return spec


BUILDERS: dict[str, Callable[..., TableSpec]] = {
    "2.1": build_21, "2.2": build_22, "2.3": build_23, "2.4": build_24, "3.1": build_31,
    "4.1": build_41,
}

#: the official title of each table as printed (from the registry)
TABLE_TITLES = {n: t.id for n, t in registry.TABLES.items()}


#: shared with the stage comparison tables (reports/perubahan.py)
code_cells, code_columns, money_title, who = _code_cells, _code_columns, _money_title, _who

#: tables printed on request only (never part of "all"): name -> builder (see reports/perubahan.py)
EXTRA_BUILDERS: dict[str, Callable] = {}


def build_table(doc: "RenjaDocument", nomor: str, options: ReportOptions,
                tick: Progress | None = None) -> TableSpec:
    try:
        builder = BUILDERS.get(nomor) or EXTRA_BUILDERS[nomor]
    except KeyError:
        raise ReportError("report.unknown_table", table=nomor, choices=", ".join(TABLE_ORDER)) from None
    return builder(doc, options, tick)


def row_count(doc: "RenjaDocument", nomor: str) -> int:
    """About how many body rows a table has (for progress bars)."""
    if nomor in ("3.1", "4.1", "2.3"):
        return len(doc.plan.nodes) + 1
    if nomor == "2.1":
        return len(doc.evaluation.nodes) + 1
    if nomor == "2.2":
        return max(1, len(doc.pelayanan))
    return max(1, len(doc.usulan))


__all__ = [
    "Cell", "Row", "Column", "HeaderCell", "TableSpec", "ReportOptions", "ReportError",
    "build_table", "format_cell", "normalize_tables", "TABLE_ORDER", "TABLE_TITLES", "PAPERS_MM",
    "DASH",
]
