"""Two tables printed with a stage comparison, in the landscape style of the appendix tables.

* ``perubahan`` -- "Perubahan Renja": per program, kegiatan and sub kegiatan whose content changed
  between two stages, the pagu sebelum / sesudah / selisih and what changed, with the reasons
  written as ``alasan`` notes (:mod:`renja_desktop.notes`).
* ``catatan`` -- the verification notes (who, when, text, status) of the document.

Both are built from :class:`~renja_desktop.reports.tables.ReportOptions` ``compare`` (the two
stage names) and registered in :data:`~renja_desktop.reports.tables.EXTRA_BUILDERS`, so the PDF
renderer and the Excel export draw them like any other table.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..codes import KEGIATAN, PROGRAM, SUB_KEGIATAN
from .tables import (
    CENTER, CODE, EXTRA_BUILDERS, MONEY, RIGHT, STYLE_KEGIATAN, STYLE_PLAIN, STYLE_PROGRAM, STYLE_SUB,
    STYLE_TOTAL, TABLE_TITLES, TEXT, Cell, Column, HeaderCell, Progress, ReportError, ReportOptions, Row,
    TableSpec, code_cells, code_columns, money_title, who,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

STYLES = {PROGRAM: STYLE_PROGRAM, KEGIATAN: STYLE_KEGIATAN, SUB_KEGIATAN: STYLE_SUB}


def _date(stamp: str) -> str:
    """``2024-06-03T...`` -> ``03-06-2024``."""
    d = (stamp or "")[:10]
    return f"{d[8:10]}-{d[5:7]}-{d[0:4]}" if len(d) == 10 else d


def _stage_title(name: str) -> str:
    return "keadaan saat ini" if " ".join(name.split()).lower() == "sekarang" else f"tahap {name}"


def build_perubahan(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    from .. import stages
    from ..notes import reasons_by_row

    if not options.compare:
        raise ReportError("report.perubahan_stages")
    a, b = options.compare
    try:
        cmp = stages.compare(doc, a, b)
    except stages.StageError as exc:
        raise ReportError(str(exc)) from None
    rows = stages.perubahan_rows(cmp, reasons_by_row(doc))
    n = doc.info["tahun"]
    rp = money_title(options.thousands)
    columns = code_columns() + [
        Column("uraian", TEXT, weight=5, min_mm=50, excel_width=55),
        Column("sebelum", MONEY, align=RIGHT, min_mm=24, excel_width=20),
        Column("sesudah", MONEY, align=RIGHT, min_mm=24, excel_width=20),
        Column("selisih", MONEY, align=RIGHT, min_mm=24, excel_width=20),
        Column("keterangan", TEXT, weight=3, min_mm=40, excel_width=45),
    ]
    header = [
        HeaderCell(0, 0, "Kode", colspan=5, rowspan=2),
        HeaderCell(0, 5, "Program/Kegiatan/Sub Kegiatan", rowspan=2),
        HeaderCell(0, 6, f"Pagu Indikatif Tahun {n} {rp}", colspan=3),
        HeaderCell(1, 6, f"Sebelum ({cmp.a})"),
        HeaderCell(1, 7, f"Sesudah ({cmp.b if cmp.b != stages.NOW else 'saat ini'})"),
        HeaderCell(1, 8, "Selisih (+/-)"),
        HeaderCell(0, 9, "Keterangan / Alasan Perubahan", rowspan=2),
    ]
    numbers = [HeaderCell(0, 0, "1", colspan=5), HeaderCell(0, 5, "2"), HeaderCell(0, 6, "3"),
               HeaderCell(0, 7, "4"), HeaderCell(0, 8, "5=4-3"), HeaderCell(0, 9, "6")]
    spec = TableSpec(
        "perubahan", f"Perubahan Rencana Kerja {who(doc)} Tahun {n}: {_stage_title(cmp.a)} dibanding "
        f"{_stage_title(cmp.b)}", f"({cmp.a} – {cmp.b if cmp.b != stages.NOW else 'saat ini'})", columns, header, 2, numbers, font_size=8.5,
        thousands=options.thousands, caption="Perubahan Renja")
    for i, r in enumerate(rows):
        if tick is not None and i % 1000 == 0:
            tick(i)
        cells = code_cells(r.kode)
        cells += [Cell(r.nama), Cell(r.sebelum, MONEY), Cell(r.sesudah, MONEY), Cell(r.selisih, MONEY),
                  Cell(r.keterangan)]
        spec.rows.append(Row(cells, STYLES.get(r.level, STYLE_SUB), r.id, r.kode))
    if not rows:
        spec.rows.append(Row([Cell("–", CODE, span=5), Cell("Tidak ada perubahan", align=CENTER),
                              Cell(None, MONEY), Cell(None, MONEY), Cell(None, MONEY), Cell("")], STYLE_PLAIN))
    spec.rows.append(Row([Cell("TOTAL", TEXT, span=6, align=CENTER), Cell(cmp.total_sebelum, MONEY),
                          Cell(cmp.total_sesudah, MONEY), Cell(cmp.selisih, MONEY), Cell("")], STYLE_TOTAL))
    spec.totals = {"sebelum": cmp.total_sebelum, "sesudah": cmp.total_sesudah, "selisih": cmp.selisih}
    return spec


def build_catatan(doc: "RenjaDocument", options: ReportOptions, tick: Progress | None = None) -> TableSpec:
    from ..notes import list_notes

    notes = list_notes(doc)
    columns = [
        Column("no", CODE, align=CENTER, min_mm=8, excel_width=6),
        Column("tahap", TEXT, weight=1.2, min_mm=20, excel_width=18),
        Column("kode", CODE, align=CENTER, min_mm=26, excel_width=20),
        Column("uraian", TEXT, weight=3, min_mm=40, excel_width=40),
        Column("catatan", TEXT, weight=5, min_mm=60, excel_width=60),
        Column("oleh", TEXT, weight=1.2, min_mm=20, excel_width=18),
        Column("tanggal", CODE, align=CENTER, min_mm=18, excel_width=12),
        Column("status", TEXT, weight=1.4, min_mm=22, excel_width=22),
    ]
    titles = ["No.", "Tahap", "Kode", "Program/Kegiatan/Sub Kegiatan", "Catatan Verifikasi", "Oleh",
              "Tanggal", "Status"]
    header = [HeaderCell(0, c, t) for c, t in enumerate(titles)]
    numbers = [HeaderCell(0, c, str(c + 1)) for c in range(len(titles))]
    spec = TableSpec("catatan", f"Catatan Verifikasi Rencana Kerja {who(doc)} Tahun {doc.info['tahun']}",
                     "", columns, header, 1, numbers, font_size=8.5,
                     thousands=options.thousands, caption="Catatan Verifikasi")
    for i, note in enumerate(notes, start=1):
        status = note.status
        if note.status == "selesai":
            status += f" ({note.ditutup_oleh or '-'}, {_date(note.ditutup_at)})"
        teks = note.teks if note.jenis == "verifikasi" else f"[alasan perubahan] {note.teks}"
        spec.rows.append(Row([
            Cell(f"{i}.", CODE), Cell(note.tahap or "saat ini"), Cell(note.kode, CODE), Cell(note.nama),
            Cell(teks), Cell(note.oleh), Cell(_date(note.dibuat_at), CODE), Cell(status),
        ], STYLE_PLAIN, note.id, note.kode))
    if not notes:
        spec.rows.append(Row([Cell("–", CODE), Cell(""), Cell(""), Cell("NIHIL"), Cell(""), Cell(""),
                              Cell(""), Cell("")], STYLE_PLAIN))
    return spec


EXTRA_BUILDERS.setdefault("perubahan", build_perubahan)
EXTRA_BUILDERS.setdefault("catatan", build_catatan)
TABLE_TITLES.setdefault("perubahan", "Perubahan Renja")
TABLE_TITLES.setdefault("catatan", "Catatan Verifikasi")
