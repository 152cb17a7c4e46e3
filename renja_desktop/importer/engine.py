"""Turning the rows of one table block into document rows, accounting for every source row.

Pass 1 (:func:`assemble`) sorts each source row into header / column numbers / TOTAL / running
page header / blank / data / continuation / rejected, and merges continuation rows (a row split by
a page break) cell by cell into the data row above. Pass 2 (the table writers) reads fields from
each data row by the layout, places plan rows by their codes (not by row order alone), fills rows
that already exist, and keeps every printed parent total, TOTAL and leaf value as a declared value
for the audit.
"""
from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import codes
from ..codes import SUB_KEGIATAN, CodeError
from ..catalog import match_sumber_dana
from ..compute import is_additive
from ..findings import IMPORT_NOTES_KEY
from ..formatting import format_rupiah
from ..errors import Msg, Text, level_text
from ..model import fast_id, now_stamp
from ..readers import ImportFailure, SourceRow, TableNotRecognized
from .cells import (
    caption_table, is_dash, is_kr_row, is_number_row, is_page_header, is_sheet_error, is_summary_row,
    is_plain_coded_row, is_total_row, join_text, looks_like_code_attempt, looks_like_money, nonempty, norm_text,
    read_code, read_k, total_row_code,
    read_money,
    split_target,
)
from .header import is_comment_line
from .layouts import (
    MONEY_FIELDS, Layout, apply_column_map, default_layout, guess_table, is_header_row, layout_from_header,
)
from .report import CONTINUATION, IMPORTED, RECOGNISED, REJECTED, ImportReport, RowOutcome

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument


@dataclass
class Logical:
    """A data row after continuation rows were merged into it."""

    line: int
    cells: list[str]          # the source row's own list until a continuation row is merged in
    outcome: RowOutcome
    merged: list[int] = field(default_factory=list)
    code: Any = None          # the row's CodeCells as read in pass 1 (read again if merged)


@dataclass
class Block:
    table: str
    layout: Layout
    logicals: list[Logical]
    totals: list[tuple[SourceRow, RowOutcome]]


# =============================================================================== pass 1
def _header_lines_of(doc: "RenjaDocument") -> tuple[str, ...]:
    try:
        a, b = doc.running_header()
    except Exception:  # pragma: no cover - identity always present
        return ()
    return tuple(x for x in (a, b) if x)


def _has_key(table: str, cells: list[str], layout: Layout, paste: bool, found: list | None = None) -> bool:
    """Does the row start a new data row (a code, a number in the No column, a name)?
    ``found`` receives the row's code as read (coded tables)."""
    if table in ("4.1", "3.1"):
        width = _code_width(layout)
        cc = read_code(cells, start=layout.code_start, max_cells=width)
        if found is not None:
            found.append(cc)
        if cc.tokens:
            return True
        first = next((c for c in cells[layout.code_start:layout.code_start + min(width, 6)] if c.strip()), "")
        if looks_like_code_attempt(first):
            return True  # an odd code cell starts its own row (rejected alone if unreadable)
        if paste:
            return bool(nonempty(cells))
        return False
    if table == "2.1":
        return eval_anchor(cells) is not None
    # 2.2, 2.3, 2.4: the No column
    col = layout.absolute_anchor or 0
    if col < len(cells) and cells[col].strip():
        return True
    return False


#: the level of a code of that many segments, and how many segments its parent's code has
_LEVEL_OF_SEGMENTS = {1: codes.URUSAN, 2: codes.BIDANG_URUSAN, 3: codes.PROGRAM, 5: codes.KEGIATAN, 6: SUB_KEGIATAN}
_PARENT_SEGMENTS = {2: 1, 3: 2, 5: 3, 6: 5}


def _code_level(kode: str) -> int:
    """``codes.code_level(kode)`` without parsing a canonical code into a :class:`codes.Code`
    (every code of a table is a different one, so caching does not help)."""
    level = _LEVEL_OF_SEGMENTS.get(kode.count(".") + 1)
    if level is not None and codes.CANONICAL_OF_LEVEL[level].fullmatch(kode):
        return level
    return codes.code_level(kode)   # anything else: as parsed (or its CodeError)


def _parent_code(kode: str) -> str:
    """``str(parse_code(kode).parent())`` for a code below urusan level, the same way: the first
    segments of a canonical code."""
    parts = kode.split(".")
    n = _PARENT_SEGMENTS.get(len(parts))
    if n is not None and codes.CANONICAL_OF_LEVEL[_LEVEL_OF_SEGMENTS[len(parts)]].fullmatch(kode):
        return ".".join(parts[:n])
    return str(codes.parse_code(kode).parent())


def _code_width(layout: Layout) -> int:
    """How many cells from the first code column may hold the code: up to and including the name
    column when the header says where it is (a glued ``0001 Name`` sits there), else 7. A value in
    a later column (a target ``100``) is then never read as a code segment."""
    name_col = layout.header_positions.get("nama") if layout.from_header else None
    if name_col is not None and name_col >= layout.code_start:
        return name_col - layout.code_start + 1
    return 7


_ROMAN = re.compile(r"^(?=[IVXLC]+\.?$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\.?$")


def eval_anchor(cells: list[str]) -> int | None:
    """Tabel 2.1: the column of the row's name (rows are shifted left in places)."""
    for i, c in enumerate(cells[:4]):
        t = c.strip()
        if not t:
            continue
        if re.fullmatch(r"\d{1,3}\.?|[IVX]+\.?|[A-Za-z]\.?", t):
            continue  # the No column
        if looks_like_money(t) or re.fullmatch(r"[\d.,%\s]+", t):
            return None
        return i
    return None


def find_layout(rows: list[SourceRow], table: str | None, tahun: int | None, running: tuple[str, ...] = (),
                column_map: dict[str, str] | None = None, paste: bool = False, source: str = "",
                plain: set[int] | None = None) -> tuple[str, Layout, list[SourceRow]]:
    """The table (given or guessed), its layout and the header rows of one block, exactly as the
    import reads them (also used by the column-mapping step before an import). ``plain`` receives
    the ``id`` of each row that :func:`is_plain_coded_row` accepts (so the import tests it once)."""
    # header rows: any row that reads as a header (they repeat on every page)
    header_rows: list[SourceRow] = []
    first_header_block: list[SourceRow] = []
    seen_data = False
    for r in rows:
        if is_plain_coded_row(r.cells):
            seen_data = True
            if plain is not None:
                plain.add(id(r))
            continue
        if r.is_blank() or is_page_header(r.cells, running) or caption_table(r.cells):
            continue
        if not header_rows and is_comment_line(r.cells):
            continue  # '#' comments and title lines above the header
        if is_header_row(r.cells) or is_kr_row(r.cells):
            header_rows.append(r)
            if not seen_data:
                first_header_block.append(r)
            continue
        if is_number_row(r.cells):
            continue
        seen_data = True
    if table is None:
        data_like = [r.cells for r in rows if r not in header_rows and not r.is_blank()]
        table = guess_table([r.cells for r in first_header_block], data_like)
        if table is None and paste:
            widest = max((len(nonempty(c)) for c in data_like), default=0)
            table = "3.1" if widest > 5 else "4.1"
        if table is None:
            raise TableNotRecognized("import.not_recognised", source=source or "sumber")
    layout = None
    hdr_cells = [r.cells for r in first_header_block if not is_kr_row(r.cells)]
    if hdr_cells:
        layout = layout_from_header(table, hdr_cells, tahun, [r.line for r in first_header_block])
    if layout is None:
        layout = default_layout(table)
    if column_map:
        layout = apply_column_map(layout, column_map, hdr_cells or None)
    if table == "2.1":
        layout = _eval_layout_from_numbers(rows, layout)
    return table, layout, header_rows


def assemble(doc: "RenjaDocument", rows: list[SourceRow], table: str | None, report: ImportReport,
             column_map: dict[str, str] | None = None, paste: bool = False,
             source: str = "") -> Block:
    """Pass 1 for one table block."""
    running = _header_lines_of(doc)
    plain: set[int] = set()
    table, layout, header_rows = find_layout(rows, table, doc.info.get("tahun"), running,
                                             column_map=column_map, paste=paste, source=source, plain=plain)
    for note in layout.year_notes:
        report.messages.append(Msg("cell.table_note", table=table, note=note))
    if layout.ignored:
        report.messages.append(Msg("cell.columns_not_kept", table=table,
                                   columns="; ".join(f"'{t}'" for t in layout.ignored[:6])))

    logicals: list[Logical] = []
    totals: list[tuple[SourceRow, RowOutcome]] = []
    header_ids = {id(r) for r in header_rows}
    coded = table in ("4.1", "3.1")
    for r in rows:
        def rec(kind: str, reason: "Msg | str" = "") -> RowOutcome:
            return report.add(RowOutcome(r.line, RECOGNISED, table, kind=kind, reason=reason or kind))

        if coded and id(r) in plain:
            found: list = []
            if _has_key(table, r.cells, layout, paste, found):
                out = report.add(RowOutcome(r.line, IMPORTED, table))
                logicals.append(Logical(r.line, r.cells, out, code=found[0] if found else None))
                continue
        if r.is_blank():
            rec("kosong", Msg("cell.blank"))
            continue
        if id(r) in header_ids:
            rec("kepala tabel", Msg("cell.header"))
            continue
        cap = caption_table(r.cells)
        if cap:
            rec("judul tabel", Msg("cell.caption", table=cap))
            continue
        if is_page_header(r.cells, running):
            rec("kepala halaman", Msg("cell.page_header"))
            continue
        if is_number_row(r.cells):
            rec("nomor kolom", Msg("cell.number_row"))
            continue
        if is_comment_line(r.cells) and (not logicals or r.cells[0].strip().startswith("#")) \
                and not _has_key(table, r.cells, layout, False):
            rec("judul/komentar", Msg("cell.comment"))
            continue
        if is_total_row(r.cells):
            out = rec("total", Msg("cell.total"))
            totals.append((r, out))
            continue
        if is_summary_row(r.cells):
            out = rec("ringkasan", Msg("cell.summary"))
            figures = [c.strip() for _, c in nonempty(r.cells)[1:] if re.search(r"\d", c)]
            if figures:
                out.notes.append(Msg("cell.summary_figures", figures=", ".join(figures[:4])))
            continue
        filled = nonempty(r.cells)
        if table == "2.4" and any(c.strip().upper() == "NIHIL" for _, c in filled):
            rec("nihil", Msg("cell.nihil"))
            continue
        found: list = []
        if _has_key(table, r.cells, layout, paste, found):
            out = report.add(RowOutcome(r.line, IMPORTED, table))
            logicals.append(Logical(r.line, r.cells, out, code=found[0] if found else None))
            continue
        if logicals and len(filled) >= 1:
            prev = logicals[-1]
            completes = not prev.merged and _fills_gaps(prev.cells, r.cells)
            if not prev.merged:
                prev.cells = list(prev.cells)   # the source row's cells stay as read
            for i, c in enumerate(r.cells):
                if not c.strip():
                    continue
                while len(prev.cells) <= i:
                    prev.cells.append("")
                prev.cells[i] = join_text(prev.cells[i], c)
            prev.merged.append(r.line)
            report.add(RowOutcome(r.line, CONTINUATION, table, merged_into=prev.line,
                                  reason=Msg("row.completes") if completes else Msg("row.continues")))
            continue
        if len(filled) == 1 and len(filled[0][1]) > 0 and "\t" not in r.raw:
            rec("teks", Msg("row.text_outside"))
            continue
        report.add(RowOutcome(r.line, REJECTED, table, reason=Msg("row.orphan")))
    return Block(table, layout, logicals, totals)


def _fills_gaps(above: list[str], row: list[str]) -> bool:
    """A row whose filled cells are all empty in the row above: it completes that row (a SIPD
    name row followed by its indicator/value row) rather than continuing cut text."""
    return all(i >= len(above) or not above[i].strip() for i, c in enumerate(row) if c.strip())


def _eval_layout_from_numbers(rows: list[SourceRow], layout: Layout) -> Layout:
    """Tabel 2.1: read column positions from the column-number row (5, 6, 7, 8-11, 12...)."""
    if layout.manual:
        return layout
    for r in rows:
        if not is_number_row(r.cells):
            continue
        positions: dict[int, int] = {}
        for i, c in enumerate(r.cells):
            m = re.match(r"^\(?(\d{1,2})", c.strip())
            if m:
                positions.setdefault(int(m.group(1)), i)
        if 3 not in positions or 5 not in positions:
            break
        name_col = positions[3]
        offsets = {"nama": 0}
        if 4 in positions:
            offsets["indikator"] = positions[4] - name_col
        for num in (5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15):
            if num in positions:
                offsets[f"k_{num}"] = positions[num] - name_col
                offsets[f"rp_{num}"] = positions[num] + 1 - name_col
        if 16 in positions:
            offsets["penanggung_jawab"] = positions[16] - name_col
        if 17 in positions:
            offsets["keterangan"] = positions[17] - name_col
        return Layout("2.1", offsets, "nama", from_header=True, header_lines=[r.line],
                      header_positions={f: name_col + off for f, off in offsets.items()})
    return layout


# =============================================================================== helpers
def _cell(cells: list[str], idx: int | None) -> str:
    if idx is None or idx < 0 or idx >= len(cells):
        return ""
    return cells[idx].strip()


_SMALL_NUMBER = re.compile(r"\d{1,3}")
_NUMBER_CHARS = re.compile(r"[\d.,]+")
_DIGIT = re.compile(r"\d")


def assign_money(cells: list[str], anchor: int, layout: Layout, fields: tuple[str, ...]
                 ) -> tuple[dict[str, tuple[int, str]], list[str]]:
    """Find the money cells of a row even when its columns are shifted.

    Candidates are cells that look like Rupiah (``1.500.000``, malformed ``40.145568.718``) and, at
    the expected column only, plain small numbers, ``-`` and spreadsheet errors. With as many
    candidates as money fields they are taken in order; otherwise each goes to the nearest field.
    """
    present = [f for f in fields if f in layout.offsets]
    expected = {f: anchor + layout.offsets[f] for f in present}
    exp_cols = set(expected.values())
    cands = []
    for i in range(anchor + 1, len(cells)):
        c = cells[i].strip()
        if not c:
            continue
        if looks_like_money(c):
            cands.append(i)
        elif i in exp_cols and (_SMALL_NUMBER.fullmatch(c) or is_dash(c) or is_sheet_error(c)
                                or _NUMBER_CHARS.fullmatch(c)):
            cands.append(i)
    notes: list[str] = []
    out: dict[str, tuple[int, str]] = {}
    for f in present:
        c = cells[expected[f]].strip() if expected[f] < len(cells) else ""
        if "%" in c and _DIGIT.search(c):
            notes.append(Msg("cell.percentage", field=f, text=c))
    if not present or not cands:
        return out, notes
    if len(cands) == len(present):
        pairs = list(zip(present, cands))
    else:
        pairs = []
        remaining = list(cands)
        # exact hits first, then nearest in order
        for f in present:
            if expected[f] in remaining:
                pairs.append((f, expected[f]))
                remaining.remove(expected[f])
        done = {f for f, _ in pairs}
        for f in present:
            if f in done or not remaining:
                continue
            lo = max([i for g, i in pairs if present.index(g) < present.index(f)], default=anchor)
            hi = min([i for g, i in pairs if present.index(g) > present.index(f)], default=len(cells))
            allowed = [i for i in remaining if lo < i < hi]
            if not allowed:
                continue
            best = min(allowed, key=lambda i: abs(i - expected[f]))
            pairs.append((f, best))
            remaining.remove(best)
        if len(cands) > len(present):
            extra = [cells[i] for i in remaining if looks_like_money(cells[i])]
            if extra:
                notes.append(Msg("cell.other_figures", figures=", ".join(extra[:3])))
    for f, i in pairs:
        out[f] = (i, cells[i].strip())
        if i != expected[f]:
            notes.append(Msg("cell.shifted", field=f, shift=f"{i - expected[f]:+d}", text=cells[i].strip()))
    return out, notes


def _text_field(cells: list[str], anchor: int, layout: Layout, name: str, used: set[int],
                shifts: list[tuple[int, int]] = ()) -> str:
    """A text field; in a row whose money cells were found shifted, the cells around follow them.

    ``shifts`` are (expected column, found column) of the row's money fields. A field after a
    shifted money cell moves with it; a field between two money cells whose own cell is empty takes
    the cell moved by the shift of the next money cell, when that one is filled.
    """
    idx = layout.pos(name, anchor)
    if idx is None:
        return ""
    before, after = 0, None     # the shift of the last money cell before, of the first one after
    for exp, found in shifts:
        if exp < idx:
            before = found - exp
        elif exp > idx and after is None:
            after = found - exp
    got = _text_value(cells, idx + before, used)
    if not got and after is not None and after != before:
        got = _text_value(cells, idx + after, used)
    return got


def _text_value(cells: list[str], i: int, used: set[int]) -> str:
    c = _cell(cells, i)
    if i in used or looks_like_money(c) or is_dash(c):
        return ""
    return c


def _stored(pesan: Msg, **fields: Any) -> dict:
    """An import finding to store: its fields, its message's Indonesian text as ``pesan`` (what older
    versions and the command line read) and the message itself as ``kunci``/``arg`` (so the window
    shows it in its own language)."""
    return {**fields, "pesan": str(pesan), **pesan.data()}


def _source_arg(source: str) -> "str | Text":
    """The source's name as a message argument: pasted text is named in both languages."""
    return Text("teks tempelan", "pasted text") if source == "teks tempelan" else source


def _add_import_findings(doc: "RenjaDocument", items: list[dict]) -> None:
    if not items:
        return
    try:
        old = json.loads(doc.meta.get(IMPORT_NOTES_KEY) or "[]")
    except ValueError:
        old = []
    keys = {(o.get("tabel"), o.get("kode"), o.get("kolom"), o.get("pesan")) for o in old}
    for it in items:
        key = (it.get("tabel"), it.get("kode"), it.get("kolom"), it.get("pesan"))
        if key not in keys:
            old.append(it)
            keys.add(key)
    doc.set_meta(IMPORT_NOTES_KEY, json.dumps(old, ensure_ascii=False, separators=(",", ":")))


#: the row notes (or the reason inside one) that say a printed figure could not be reconciled, by
#: their message key: such notes become findings of ``check`` (with the source line), not only lines
#: of the import report
UNRECONCILED_KEYS = frozenset({
    "number.not_rupiah", "number.negative", "number.bad_rupiah", "number.not_number", "number.sheet_error",
    "number.bad_number", "edit.year", "edit.bad_code", "edit.bad_level", "edit.not_negative",
    "cell.segment_not_number", "cell.sheet_error_rupiah", "cell.odd_digits_retype", "cell.negative",
    "cell.sheet_error", "cell.odd_digits", "cell.not_performance", "cell.summary_figures", "cell.percentage",
    "cell.other_figures", "cell.shifted", "cell.code_unreadable", "cell.other_value", "cell.funding_ignored",
    "cell.k_error", "cell.rp_error", "cell.unit_shifted", "cell.unit_number",
})


def _unreconciled(note) -> bool:
    """The note (a :class:`Msg`) or a reason given inside it is one of :data:`UNRECONCILED_KEYS`; a
    malformed pagu is not (it is already a declared value that ``check`` reports)."""
    key = getattr(note, "key", None)
    if key is None:
        return False
    params = getattr(note, "params", {})
    if key == "cell.column_text_error" and params.get("field") == "pagu":
        return False
    return key in UNRECONCILED_KEYS or any(_unreconciled(v) for v in params.values())


def _column_of(note) -> str:
    """The column a note names (its ``field`` or ``column`` argument; 16 for the unit column), or ''."""
    if getattr(note, "key", None) in ("cell.unit_shifted", "cell.unit_number"):
        return "16"
    params = getattr(note, "params", {})
    value = params.get("field", params.get("column", ""))
    return str(value) if value is not None else ""


def _shifted_column(note) -> str | None:
    """The column of a note saying a printed figure sat in the wrong column (by the note's key)."""
    key = getattr(note, "key", None)
    if key == "cell.shifted":
        return str(note.params["field"])
    return "16" if key == "cell.unit_shifted" else None


def record_unreconciled(doc: "RenjaDocument", report: ImportReport) -> None:
    """Every row note about a printed figure the import could not reconcile, as an import finding
    naming the source line (shown by ``check`` while its row exists). A malformed pagu is already a
    declared value that ``check`` reports, so its note is not repeated."""
    items = []
    shifted: dict[tuple[str, str], list] = {}
    for out in report.rows:
        for note in out.notes:
            kolom = _shifted_column(note)
            if kolom:
                shifted.setdefault((out.tabel, kolom), []).append(out)
    grouped = {k for k, v in shifted.items() if len(v) > 3}
    for (tabel, kolom) in sorted(grouped):
        rows = shifted[(tabel, kolom)]
        lines = ", ".join(str(o.line) for o in rows[:12]) + (" ..." if len(rows) > 12 else "")
        items.append(_stored(Msg("finding.import_shifted", column=kolom, count=len(rows), lines=lines,
                                 source=_source_arg(report.source)),
                             severity="warning", tabel=tabel, kode="", kolom=kolom, row_id=None,
                             baris_sumber=rows[0].line))
    for out in report.rows:
        if out.status == REJECTED and out.tabel:
            items.append(_stored(Msg("finding.import_rejected", reason=out.reason, line=out.line,
                                     source=_source_arg(report.source)),
                                 severity="error", tabel=out.tabel, kode=out.kode, kolom="",
                                 tercetak=out.nama[:60], row_id=None, baris_sumber=out.line))
        for note in out.notes:
            if not _unreconciled(note):
                continue
            if (out.tabel, _shifted_column(note)) in grouped:
                continue
            items.append(_stored(Msg("finding.import_note", note=note, line=out.line,
                                     source=_source_arg(report.source)),
                                 severity="warning", tabel=out.tabel, kode=out.kode, kolom=_column_of(note),
                                 pohon="2.1" if out.tabel == "2.1" else "",
                                 row_id=out.row_id if out.status == IMPORTED else None, baris_sumber=out.line))
    _add_import_findings(doc, items)


# =============================================================================== plan tables
class PlanWriter:
    """Places plan rows by their codes; fills rows that already exist; keeps printed values."""

    def __init__(self, doc: "RenjaDocument", report: ImportReport, table: str, source: str,
                 parent_id: str | None = None, catalog=None):
        self.doc = doc
        self.report = report
        self.table = table
        self.source = source
        self.catalog = catalog
        self.existing: dict[str, list[str]] = {}
        for n in doc.plan.walk():
            if n.kode:
                self.existing.setdefault(n.kode, []).append(n.id)
        self.seen: Counter = Counter()
        self.last_by_code: dict[str, str] = {}
        self.stack: dict[int, str] = {}
        self.paste_parent = doc.plan.nodes.get(parent_id) if parent_id else None
        if parent_id and self.paste_parent is None:
            raise ImportFailure("import.paste_target_missing")
        if self.paste_parent is not None:
            node = self.paste_parent
            while node is not None:
                self.stack[node.level] = node.id
                node = node.parent
        self.findings: list[dict] = []
        self.pending: list[dict] = []
        self.made: dict[str, str] = {}      # rows this import created itself (validation.IMPORT_ROWS_KEY)
        # new rows are collected and written at once by flush() (doc.add_plan_rows_bulk); a paste
        # under a row (small, and it needs the tree for the next free code) writes row by row
        self.bulk = parent_id is None
        self.stamp = now_stamp()
        self.new_rows: dict[str, dict] = {}
        self.new_children: Counter = Counter()
        self.new_ind: dict[str, list[dict]] = {}
        self.new_sd: dict[str, list[dict]] = {}

    # -------------------------------------------------------------- rows, written or not yet
    def values_of(self, rid: str) -> dict:
        row = self.new_rows.get(rid)
        return row if row is not None else self.doc.plan.nodes[rid].values

    def exists(self, rid: str) -> bool:
        return rid in self.new_rows or rid in self.doc.plan.nodes

    def update(self, rid: str, updates: dict[str, Any]) -> None:
        row = self.new_rows.get(rid)
        if row is None:
            self.doc.set_plan(rid, check=False, **updates)
            return
        label = row["kode"] or row["nama"][:40]
        for key, value in updates.items():
            row[key] = value.strip() if key == "nama" else self.doc._parse_plan_value(row["level"], key, value, label)

    def has_indikator(self, rid: str) -> bool:
        return bool(self.new_ind.get(rid) or self.doc.indikator.get(rid))

    def set_indikator(self, rid: str, items: list[dict]) -> None:
        if rid not in self.new_rows:
            self.doc.set_indikator(rid, items)
            return
        stamp = self.new_rows[rid]["modified_at"]
        self.new_ind[rid] = [{"id": fast_id(), "row_id": rid, "position": i,
                              **{k: str(it.get(k) or "").strip() for k in ("teks", "target", "satuan", "target_n1")},
                              "modified_at": stamp} for i, it in enumerate(items)]

    def has_sumber_dana(self, rid: str) -> bool:
        return bool(self.new_sd.get(rid) or self.doc.sumber_dana.get(rid))

    def set_sumber_dana(self, rid: str, items: list[dict]) -> None:
        if rid not in self.new_rows:
            self.doc.set_sumber_dana(rid, items)
            return
        stamp = self.new_rows[rid]["modified_at"]
        self.new_sd[rid] = [{"id": fast_id(), "row_id": rid, "position": i, "kode": it.get("kode") or "",
                             "nama": it.get("nama") or "", "jumlah": it.get("jumlah"), "modified_at": stamp}
                            for i, it in enumerate(items)]

    # -------------------------------------------------------------- placing
    def _new_row(self, parent_id: str | None, kode: str, nama: str, level: int, claimed: bool = True,
                 fields: dict[str, Any] | None = None) -> str:
        """Insert a row. ``claimed=False``: a parent made from a code prefix, which a later printed
        row with that code takes over instead of duplicating it."""
        if self.bulk:
            plan = self.doc.plan
            before = len(plan.children_of(parent_id)) if parent_id is None or parent_id in plan.nodes else 0
            row = self.doc.new_plan_values(parent_id, kode, nama, level,
                                           before + self.new_children[parent_id], fields, stamp=self.stamp,
                                           row_id=fast_id())
            self.new_children[parent_id] += 1
            rid = row["id"]
            self.new_rows[rid] = row
        else:
            rid = self.doc.add_plan_row(parent_id, kode, nama, level=level, check=False, **(fields or {}))
        self.report.inserted += 1
        if kode:
            self.existing.setdefault(kode, []).append(rid)
            if claimed:
                self.seen[kode] += 1
        return rid

    def _catalog_name(self, kode: str) -> str:
        if self.catalog is None:
            return ""
        entry = self.catalog.lookup(kode)
        return entry.nama if entry else ""

    def _ensure_code_row(self, kode: str, level: int) -> str | None:
        """A parent that only exists as a code prefix: find it, or create it (name from the catalog)."""
        if kode in self.last_by_code:
            return self.last_by_code[kode]
        if self.existing.get(kode):
            return self.existing[kode][-1]
        if level == codes.URUSAN:
            parent_id = None
        else:
            pcode = _parent_code(kode)
            parent_id = self._ensure_code_row(pcode, level - 1)
        nama = self._catalog_name(kode)
        rid = self._new_row(parent_id, kode, nama, level, claimed=False)
        self.made[rid] = "induk"
        self.last_by_code[kode] = rid
        self.report.created_parents.append(kode + (f" {nama[:40]}" if nama else ""))
        return rid

    def _parent_for(self, kode: str, level: int, notes: list[str]) -> str | None:
        if level == codes.URUSAN and not self.paste_parent:
            return None
        if not kode:
            pid = self.stack.get(level - 1)
            return pid
        pcode = _parent_code(kode) if level > 1 else ""
        pid = self.last_by_code.get(pcode)
        if pid is None and self.existing.get(pcode):
            pid = self.existing[pcode][-1]
        if pid is not None:
            return pid
        above = self.stack.get(level - 1)
        if above is not None:
            above_row = self.values_of(above)
            notes.append(Msg("cell.parent_missing", parent=pcode, level=level_text(level - 1, lower=True),
                             row=above_row["kode"] or above_row["nama"][:40]))
            self.findings.append(_stored(
                Msg("finding.import_parent", level=level_text(level - 1, lower=True), above=above_row["kode"],
                    parent=pcode),
                severity="warning", tabel=self.table, kode=kode, kolom="kode", tercetak=kode,
                terhitung=above_row["kode"], induk=pcode, row_id=None))
            return above
        if level == codes.URUSAN:
            return None
        return self._ensure_code_row(pcode, level - 1)

    def place(self, kode: str, nama: str, level: int, notes: list[str],
              fields: dict[str, Any] | None = None) -> tuple[str, bool]:
        """The row for this source row: an existing one with the same code, or a new one (made
        with ``fields`` at once)."""
        if kode:
            occ = self.seen[kode]
            ids = self.existing.get(kode, [])
            if occ < len(ids) and self.exists(ids[occ]):
                self.seen[kode] += 1
                rid = ids[occ]
                self._remember(rid, level, kode)
                return rid, False
            if occ >= 1:
                notes.append(Msg("cell.code_twice", kode=kode))
        parent = self._parent_for(kode, level, notes)
        if not kode and self.paste_parent is not None:
            kode = self.doc.next_free_code(parent) if parent else ""
            notes.append(Msg("cell.code_given", kode=kode))
        rid = self._new_row(parent, kode, nama, level, fields=fields)
        self._remember(rid, level, kode)
        return rid, True

    def _remember(self, rid: str, level: int, kode: str) -> None:
        if kode:
            self.last_by_code[kode] = rid
        self.stack[level] = rid
        for deeper in range(level + 1, SUB_KEGIATAN + 1):
            self.stack.pop(deeper, None)

    # -------------------------------------------------------------- declared values
    def declare(self, kode: str, kolom: str, teks: str, nilai: int | None, row_id: str | None, line: int) -> None:
        self.pending.append({"tabel": self.table, "kode": kode, "kolom": kolom, "teks": teks, "nilai": nilai,
                             "row_id": row_id, "sumber": f"{self.source} baris {line}"})
        self.report.declared += 1

    def flush(self) -> None:
        """Write the new rows, then the printed values collected so far (one statement for each
        table) and the rows the import made itself."""
        if self.new_rows:
            self.doc.add_plan_rows_bulk(list(self.new_rows.values()),
                                        [x for items in self.new_ind.values() for x in items],
                                        [x for items in self.new_sd.values() for x in items])
            self.new_rows, self.new_ind, self.new_sd = {}, {}, {}
            self.new_children.clear()
        if self.pending:
            with self.doc.large_cache():
                self.doc.add_declared_many(self.pending)
            self.pending = []
        if self.made:
            from ..findings import IMPORT_ROWS_KEY, import_rows

            known = {rid: kind for rid, kind in import_rows(self.doc).items() if rid in self.doc.plan.nodes}
            known.update(self.made)
            self.doc.set_meta(IMPORT_ROWS_KEY, json.dumps(known))
            self.made = {}

    def declare_total(self, row: SourceRow, out: RowOutcome, fields: tuple[str, ...], layout: Layout) -> None:
        """The printed TOTAL: money cells of the row, in order, to the money fields."""
        cells = row.cells
        first = nonempty(cells)[0][0]
        anchor = first
        # the TOTAL label sits in the code or name column: align with the layout's anchor
        found, notes = assign_money(cells, anchor if layout.anchor != "nama" else
                                    _total_anchor(cells, layout), layout, fields)
        kode, row_id = total_row_code(cells), None
        if kode:   # a subtotal of one row ("Jumlah Program 1.02.02")
            try:
                kode = codes.normalize_code(kode)
            except CodeError:
                kode = ""
            row_id = self.last_by_code.get(kode) or (self.existing.get(kode) or [None])[-1] if kode else None
            if row_id is None:
                out.notes.append(Msg("cell.total_unknown_code", kode=kode or "?"))
            out.kind, out.kode = "jumlah", kode
        for f, (_, teks) in found.items():
            value, err = read_money(teks)
            if err:
                out.notes.append(Msg("cell.column_error", field=f, reason=err))
            if not teks or is_dash(teks):
                continue
            self.declare(kode, f, teks, value, row_id, row.line)
        out.notes.extend(n for n in notes if getattr(n, "key", None) != "cell.shifted")


def _total_anchor(cells: list[str], layout: Layout) -> int:
    """Where the name column would be in a TOTAL row (its money is read relative to it)."""
    first = nonempty(cells)[0][0]
    name_col = layout.absolute_anchor if layout.absolute_anchor is not None else layout.header_positions.get("nama")
    if name_col is not None and first <= name_col:
        return name_col   # the header says where the name column is
    # TOTAL is printed in the code column (first column) or in the name column
    code_width = 4 if layout.table == "4.1" else 5
    if first == 0 and len(cells) > code_width:
        return min(code_width, len(cells) - 1)
    return first


def write_plan(doc: "RenjaDocument", block: Block, report: ImportReport, source: str,
               parent_id: str | None = None, catalog=None) -> None:
    table, layout = block.table, block.layout
    w = PlanWriter(doc, report, table, source, parent_id=parent_id, catalog=catalog)
    money_fields = MONEY_FIELDS[table]
    base = w.paste_parent.kode if w.paste_parent is not None and w.paste_parent.kode else None
    text_fields = [f for f in layout.offsets if f not in money_fields and f not in ("nama", "no")]
    for lg in block.logicals:
        out = lg.outcome
        try:
            _write_plan_row(doc, w, lg, layout, money_fields, base, text_fields)
        except (CodeError, ValueError) as exc:
            out.status = REJECTED
            out.reason = Msg.of(exc)
    for row, out in block.totals:
        w.declare_total(row, out, money_fields, layout)
    w.flush()
    _add_import_findings(doc, w.findings)


def _write_plan_row(doc, w: PlanWriter, lg: Logical, layout: Layout, money_fields, base, text_fields) -> None:
    cells, out = lg.cells, lg.outcome
    cc = lg.code if lg.code is not None and base is None and not lg.merged else \
        read_code(cells, start=layout.code_start, base=base, max_cells=_code_width(layout))
    if cc.error:
        out.status = REJECTED
        out.kode = cc.printed
        out.nama = _cell(cells, cc.name_index)
        out.reason = Msg("cell.code_unreadable", reason=cc.error)
        return
    anchor = layout.absolute_anchor if layout.absolute_anchor is not None else cc.name_index
    nama = cc.glued_name if cc.glued_name is not None else _cell(cells, anchor)
    if looks_like_money(nama):
        nama = ""
    kode = cc.kode
    if kode:
        level = _code_level(kode)
    elif w.paste_parent is not None:
        level = min(w.paste_parent.level + 1, SUB_KEGIATAN)
    else:
        out.status = REJECTED
        out.reason = Msg("cell.no_code")
        return
    out.kode, out.nama = kode, nama
    notes = list(cc.notes)
    money, mnotes = assign_money(cells, anchor, layout, money_fields)
    notes.extend(mnotes)
    used = {i for i, _ in money.values()}
    shifts = sorted((anchor + layout.offsets[f], i) for f, (i, _) in money.items())
    text = {f: _text_field(cells, anchor, layout, f, used, shifts) for f in text_fields}
    if len(text) > 8:
        _older_layout_fields(text)
    initial: dict[str, Any] = {}
    outcome, keluaran = text.get("outcome", ""), text.get("keluaran", "")
    if keluaran and keluaran != outcome:     # both, once each
        outcome = f"{outcome}\n{keluaran}" if outcome else keluaran
    for key, value in (("outcome", outcome), ("lokasi", text.get("lokasi", "")),
                       ("catatan", text.get("catatan", "")),
                       ("penanggung_jawab", text.get("penanggung_jawab", ""))):
        if value:
            initial[key] = value
    read = {f: read_money(teks) for f, (_, teks) in money.items()}
    if level == SUB_KEGIATAN:
        for f, (value, err) in read.items():
            if value is not None and not err:
                initial[f] = value
    first_new = len(w.findings)
    row_id, created = w.place(kode, nama, level, notes, fields=initial)
    for item in w.findings[first_new:]:     # what placing this row noticed
        if item.get("row_id", "") is None and item.get("kode") == kode:
            item["row_id"] = row_id
    if cc.notes:
        w.findings.append(_stored(Msg("finding.import_code_form", notes=list(cc.notes), line=lg.line,
                                      source=_source_arg(w.source)),
                                  severity="warning", tabel=w.table, kode=kode, kolom="kode", tercetak=cc.printed,
                                  terhitung=kode, row_id=row_id))
    if created and kode and not nama and not any(text.values()) and not money:
        w.findings.append(_stored(Msg("finding.import_code_only", table=w.table, line=lg.line,
                                      source=_source_arg(w.source)),
                                  severity="error", tabel=w.table, kode=kode, kolom="nama", row_id=row_id))
    if any(getattr(n, "key", None) == "cell.code_twice" for n in notes):
        w.findings.append(_stored(Msg("finding.import_code_twice", kode=kode, table=w.table, line=lg.line,
                                      source=_source_arg(w.source)),
                                  severity="error", tabel=w.table, kode=kode, kolom="kode", row_id=row_id))
    vals = w.values_of(row_id)
    out.row_id = row_id
    if not nama and not any(text.values()) and not money:
        notes.append(Msg("cell.code_only"))
    # ------------------------------------------------------------ row fields
    updates: dict[str, Any] = {}
    if nama and not vals["nama"]:
        updates["nama"] = nama
    elif nama and not created and norm_text(nama) != norm_text(vals["nama"]):
        notes.append(Msg("cell.other_name", name=vals["nama"][:50]))
    for key, value in initial.items():
        if key not in MONEY_FIELDS["4.1"] and value and not vals.get(key):
            updates[key] = value
    for f, (idx, teks) in money.items():
        value, err = read[f]
        if err:
            notes.append(Msg("cell.column_text_error", field=f, text=teks, reason=err))
        if level == SUB_KEGIATAN:
            current = vals.get(f)
            if value is not None and current is None:
                updates[f] = value
            elif value is not None and current != value:
                notes.append(Msg("cell.other_value", field=f, printed=format_rupiah(value),
                                 current=format_rupiah(current)))
            if f == "pagu" and teks and not is_dash(teks):
                w.declare(kode, f, teks, value, row_id, lg.line)
        elif teks and not is_dash(teks):
            w.declare(kode, f, teks, value, row_id, lg.line)
    if updates:
        w.update(row_id, updates)
        if not created:
            w.report.updated += 1
    # ------------------------------------------------------------ indicator and funding
    items = _indicator_items(text)
    if items and not w.has_indikator(row_id):
        w.set_indikator(row_id, items)
    sd = text.get("sumber_dana", "")
    if sd and level == SUB_KEGIATAN and not w.has_sumber_dana(row_id):
        w.set_sumber_dana(row_id, list(_funding_items(sd)))   # read, never changed
    elif sd and level != SUB_KEGIATAN:
        notes.append(Msg("cell.funding_ignored", name=sd[:40], level=level_text(level, lower=True)))
    out.notes.extend(notes)
    if not created:
        out.reason = Msg("cell.completes")


def _older_layout_fields(text: dict[str, str]) -> None:
    """The older 19-column Renja: the indicator of a program is its Capaian Program, of a kegiatan
    or sub kegiatan its Keluaran Kegiatan; Hasil Kegiatan is the outcome."""
    for name in ("keluaran", "capaian"):
        if not text.get("indikator") and text.get(f"{name}_tolok_ukur"):
            text["indikator"] = text[f"{name}_tolok_ukur"]
            if not text.get("target") and text.get(f"{name}_target"):
                text["target"] = text[f"{name}_target"]
    hasil = " ".join(x for x in (text.get("hasil_tolok_ukur", ""), text.get("hasil_target", "")) if x)
    if hasil and not text.get("outcome"):
        text["outcome"] = hasil


_SOURCE_AMOUNT = re.compile(r"^(.*?)\s*(?::|=|\(Rp\.?)\s*(?:Rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)\)?$")


def _source_item(text: str) -> dict:
    """A funding source as printed: ``DAU``, or with its share ``DAU: 1.000.000``."""
    m = _SOURCE_AMOUNT.match(text)
    if m and m.group(1).strip():
        value, err = read_money(m.group(2))
        if not err and value is not None:
            nama = m.group(1).strip()
            return {"nama": nama, "kode": _sumber_dana_code(nama), "jumlah": value}
    return {"nama": text, "kode": _sumber_dana_code(text), "jumlah": None}


@lru_cache(maxsize=4096)
def _funding_items(sd: str) -> tuple[dict, ...]:
    """The funding sources of a sumber dana cell (read once per distinct cell text; shared, so
    callers only read the items). Several sources joined by line breaks (SIPD): one entry each."""
    names = [_SPACES.sub(" ", x).strip() for x in sd.split("\n")] if "\n" in sd else [_SPACES.sub(" ", sd)]
    return tuple(_source_item(n) for n in dict.fromkeys(n for n in names if n))


_SPACES = re.compile(r"\s+")


def _lines(value: str) -> list[str]:
    return [x.strip() for x in value.split("\n")] if "\n" in value else [value]


def _indicator_items(text: dict[str, str]) -> list[dict]:
    """The row's indicators; several joined by line breaks in one cell (SIPD prints them so, with
    their targets and units line by line) become one indicator each."""
    teks, tgt, sat = text.get("indikator", ""), text.get("target", ""), text.get("satuan", "")
    tgt1, sat1 = text.get("target_n1", ""), text.get("satuan_n1", "")
    if not (teks or tgt or tgt1):
        return []
    columns = [_lines(v) for v in (teks, tgt, sat, tgt1, sat1)]
    count = max(len(c) for c in columns)
    items = []
    for k in range(count):
        t, g, s, g1, s1 = (c[k] if k < len(c) else "" for c in columns)
        target, satuan = split_target(g)
        if s:
            satuan = s
        target_n1, unit_n1 = split_target(g1)
        if g1 and unit_n1 and unit_n1 != (s1 or satuan):
            target_n1 = g1
        if t or target or target_n1:
            items.append({"teks": t, "target": target, "satuan": satuan, "target_n1": target_n1})
    return items


@lru_cache(maxsize=4096)
def _sumber_dana_code(nama: str) -> str:
    entry = match_sumber_dana(nama)
    return entry.kode if entry else ""


# =============================================================================== Tabel 2.3
def _level_from_no(no: str, last_letter: str = "") -> int | None:
    """``I``, ``II``: program; ``A``, ``B``: kegiatan; ``01``: sub kegiatan. A lone ``I``/``V``/``X``
    right after ``H``/``U``/``W`` is the next kegiatan letter, not a roman numeral."""
    t = no.strip().rstrip(".")
    if not t:
        return None
    if t in ("I", "V", "X") and last_letter and ord(t) == ord(last_letter.upper()) + 1:
        return codes.KEGIATAN
    if re.fullmatch(r"[IVX]+", t) and _ROMAN.match(t):
        return codes.PROGRAM
    if re.fullmatch(r"[A-Za-z]", t):
        return codes.KEGIATAN
    if re.fullmatch(r"\d{1,3}", t):
        return SUB_KEGIATAN
    return None


def similarity(a: str, b: str) -> float:
    a, b = norm_text(a), norm_text(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    if a.startswith(b) or b.startswith(a):
        ratio = max(ratio, 0.9)
    return ratio


def _best_match(name: str, candidates: list, taken: set[str], threshold: float = 0.72):
    best, score = None, 0.0
    for node in candidates:
        if node.id in taken:
            continue
        s = similarity(name, node.nama)
        if s > score:
            best, score = node, s
    return (best, score) if score >= threshold else (None, score)


def write_rkpd(doc: "RenjaDocument", block: Block, report: ImportReport, source: str, catalog=None) -> None:
    """Tabel 2.3: both sides matched to the plan tree by the row's level and name."""
    layout = block.layout
    taken: set[str] = set()
    current: dict[int, Any] = {}
    last_letter = ""
    w = PlanWriter(doc, report, "2.3", source, catalog=catalog)
    of_level: dict[int, list] = {}   # the rows of each level in document order, until a row is added

    def rows_of_level(level: int) -> list:
        if level not in of_level:
            of_level[level] = [n for n in doc.plan.walk() if n.level == level]
        return of_level[level]

    for lg in block.logicals:
        out = lg.outcome
        cells = lg.cells
        anchor = layout.absolute_anchor or 0
        no = _cell(cells, anchor)
        level = _level_from_no(no, last_letter)
        if level == codes.KEGIATAN:
            last_letter = no.strip().rstrip(".")
        elif level == codes.PROGRAM:
            last_letter = ""
        if level is None:
            out.status = REJECTED
            out.reason = Msg("cell.bad_number", no=no)
            continue
        money, notes = assign_money(cells, anchor, layout, MONEY_FIELDS["2.3"])
        used = {i for i, _ in money.values()}
        shifts = sorted((anchor + layout.offsets[f], i) for f, (i, _) in money.items())
        t = {f: _text_field(cells, anchor, layout, f, used, shifts) for f in layout.offsets if f not in ("no",)
             and f not in MONEY_FIELDS["2.3"]}
        nama = t.get("nama") or t.get("rkpd_nama") or ""
        out.nama = nama
        parent = current.get(level - 1)
        if level == SUB_KEGIATAN and parent is not None:
            pool = [c for c in parent.children if c.level == level]
        elif level == codes.KEGIATAN and parent is not None:
            pool = [c for c in parent.children if c.level == level]
        else:
            pool = rows_of_level(level)
        node, score = _best_match(nama, pool, taken)
        if node is None and t.get("rkpd_nama") and t.get("rkpd_nama") != nama:
            node, score = _best_match(t["rkpd_nama"], pool, taken)
        if node is None and pool is not None and level != codes.PROGRAM:
            # the name differs more than spelling: fall back to all rows of that level
            node, score = _best_match(nama, rows_of_level(level), taken, 0.85)
        created = False
        if node is None:
            pid = parent.id if parent is not None else None
            rid = doc.add_plan_row(pid, "", nama, level=level, check=False)
            of_level.clear()
            report.inserted += 1
            node = doc.plan.nodes[rid]
            w.made[rid] = "2.3"
            created = True
            notes.append(Msg("cell.no_match", level=level_text(level, lower=True)))
        taken.add(node.id)
        current[level] = node
        for deeper in range(level + 1, SUB_KEGIATAN + 1):
            current.pop(deeper, None)
        out.kode, out.row_id = node.kode, node.id
        updates: dict[str, Any] = {}
        for key in ("rkpd_nama", "rkpd_lokasi", "rkpd_indikator", "rkpd_target"):
            if t.get(key):
                updates[key] = t[key]
        if t.get("catatan"):
            updates["rkpd_catatan"] = t["catatan"]
        if created and t.get("lokasi"):
            updates["lokasi"] = t["lokasi"]
        elif t.get("lokasi") and not node.values.get("lokasi"):
            updates["lokasi"] = t["lokasi"]
        for f, (_, teks) in money.items():
            value, err = read_money(teks)
            if err:
                notes.append(Msg("cell.column_text_error", field=f, text=teks, reason=err))
            if level == SUB_KEGIATAN:
                if f == "rkpd_pagu":
                    if value is not None:
                        updates["rkpd_pagu"] = value
                else:
                    if value is not None and node.values.get("pagu") is None:
                        updates["pagu"] = value
                    if teks and not is_dash(teks):
                        w.declare(node.kode, "pagu", teks, value, node.id, lg.line)
            elif teks and not is_dash(teks):
                w.declare(node.kode, f, teks, value, node.id, lg.line)
        if updates:
            doc.set_plan(node.id, check=False, **updates)
            if not created:
                report.updated += 1
        if not re.search(r"[A-Za-z]", t.get("indikator", "")):
            t["indikator"] = ""  # a stray "0" in the indicator column of a program row
        if (t.get("indikator") or t.get("target")) and not doc.indikator.get(node.id):
            target, satuan = split_target(t.get("target", ""))
            doc.set_indikator(node.id, [{"teks": t.get("indikator", ""), "target": target, "satuan": satuan}])
        if not created:
            what = level_text(level, lower=True)
            what = Text(f"{what.id} {node.kode or ''}".strip(), f"{what.en} {node.kode or ''}".strip())
            out.reason = Msg("cell.matched", what=what) if score >= 0.999 else \
                Msg("cell.matched_similar", what=what, score=f"{score:.0%}")
        out.notes.extend(notes)
    for row, out in block.totals:
        w.declare_total(row, out, MONEY_FIELDS["2.3"], layout)
    w.flush()


# =============================================================================== Tabel 2.1
_EVAL_K = ("k_5", "k_6", "k_7", "k_8", "k_9", "k_10", "k_11", "k_12", "k_14")
_EVAL_RP = ("rp_5", "rp_6", "rp_7", "rp_8", "rp_9", "rp_10", "rp_11", "rp_12")


def write_eval(doc: "RenjaDocument", block: Block, report: ImportReport, source: str) -> None:
    layout = block.layout
    existing = {}
    for n in doc.evaluation.walk():
        existing.setdefault((n.level, norm_text(n.nama)), n.id)
    current: dict[int, str] = {}
    pending: list[dict] = []
    for lg in block.logicals:
        out, cells = lg.outcome, lg.cells
        anchor = eval_anchor(cells)
        if anchor is None:
            out.status = REJECTED
            out.reason = Msg("cell.no_name")
            continue
        nama = _cell(cells, anchor)
        no = next((c.strip() for c in cells[:anchor] if c.strip()), "")
        rest = [c for c in cells[anchor + 1:] if c.strip()]
        if no:
            level = codes.PROGRAM
        elif not rest:
            level = codes.KEGIATAN
        else:
            level = SUB_KEGIATAN
        notes: list[str] = []
        fields: dict[str, Any] = {}
        satuan = ""
        if level == SUB_KEGIATAN:
            fields["indikator"] = _cell(cells, layout.pos("indikator", anchor))
            for k in _EVAL_K:
                teks = _cell(cells, layout.pos(k, anchor))
                if not teks:
                    continue
                value, unit, err = read_k(teks)
                if err:
                    notes.append(Msg("cell.k_error", column=k[2:], reason=err))
                    continue
                if k in ("k_14",):
                    continue  # computed for counts; set below for non-additive satuan
                fields[k] = value
                if unit and not satuan and unit != "%":
                    satuan = unit
            for rp in _EVAL_RP:
                teks = _cell(cells, layout.pos(rp, anchor))
                if not teks:
                    continue
                value, err = read_money(teks)
                if err:
                    notes.append(Msg("cell.rp_error", column=rp[3:], text=teks, reason=err))
                    continue
                fields[rp] = value
            pj = _eval_unit_text(cells, layout.pos("penanggung_jawab", anchor), notes)
            if pj:
                fields["penanggung_jawab"] = pj
            if satuan:
                fields["satuan"] = satuan

            k14 = _cell(cells, layout.pos("k_14", anchor))
            if k14 and not is_additive(satuan):
                value, _, err = read_k(k14)
                if not err:
                    fields["k_14"] = value
            for num in ("13", "15"):
                for side in ("k", "rp"):
                    teks = _cell(cells, layout.pos(f"{side}_{num}", anchor))
                    if is_sheet_error(teks):
                        notes.append(Msg("cell.recomputed", column=num, side=side.upper(), text=teks))
        else:
            pj = _cell(cells, layout.pos("penanggung_jawab", anchor))
            if pj and level != codes.PROGRAM:
                fields["penanggung_jawab"] = pj
        parent_id = current.get(level - 1)
        key = (level, norm_text(nama))
        rid = existing.get(key)
        created = rid is None or (parent_id is not None and doc.evaluation.nodes[rid].values.get("parent_id") != parent_id)
        if created:
            rid = doc.add_eval_row(parent_id, "", nama, level=level, **fields)
            report.inserted += 1
        else:
            doc.set_eval(rid, **{k: v for k, v in fields.items()})
            report.updated += 1
            out.reason = Msg("cell.completes")
        current[level] = rid
        for deeper in range(level + 1, SUB_KEGIATAN + 1):
            current.pop(deeper, None)
        out.row_id, out.nama = rid, nama
        if level == SUB_KEGIATAN:
            teks = _cell(cells, layout.pos("rp_14", anchor))
            value, err = read_money(teks) if teks else (None, "")
            if teks and not err and value is not None:
                pending.append({"tabel": "2.1", "kode": "", "kolom": "rp_14", "teks": teks, "nilai": value,
                                "row_id": rid, "sumber": f"{source} baris {lg.line}"})
                report.declared += 1
        out.notes.extend(notes)
    if pending:
        doc.add_declared_many(pending)


# =============================================================================== Tabel 2.2, 2.4
def write_list(doc: "RenjaDocument", block: Block, report: ImportReport, source: str) -> None:
    name = "pelayanan" if block.table == "2.2" else "usulan"
    key_field = "indikator" if name == "pelayanan" else "program_kegiatan"
    layout = block.layout
    items = doc.pelayanan if name == "pelayanan" else doc.usulan
    for lg in block.logicals:
        out, cells = lg.outcome, lg.cells
        anchor = layout.absolute_anchor or 0
        fields = {}
        for f, off in layout.offsets.items():
            if f == "no":
                continue
            v = _cell(cells, anchor + off)
            fields[f] = "" if v in ("--",) else v
        if not fields.get(key_field):
            out.status = REJECTED
            out.reason = Msg("cell.key_empty", field=key_field)
            continue
        out.nama = fields[key_field]
        same = next((it for it in items if norm_text(it.get(key_field, "")) == norm_text(fields[key_field])), None)
        if same is not None:
            doc.set_list_item(name, same["id"], **fields)
            report.updated += 1
            out.row_id = same["id"]
            out.reason = Msg("cell.updates")
        else:
            out.row_id = doc.add_list_item(name, **fields)
            report.inserted += 1


# =============================================================================== one block
def import_block(doc: "RenjaDocument", rows: list[SourceRow], table: str | None, report: ImportReport,
                 source: str, column_map: dict[str, str] | None = None, parent_id: str | None = None,
                 catalog=None) -> str:
    """Import one table block (inside the caller's batch). Returns the table it was read as."""
    block = assemble(doc, rows, table, report, column_map=column_map, paste=parent_id is not None,
                     source=source)
    if block.table not in report.tables:
        report.tables.append(block.table)
    if parent_id is not None and block.table not in ("4.1", "3.1"):
        raise ImportFailure("import.paste_plan_only", table=block.table)
    if block.table in ("4.1", "3.1"):
        write_plan(doc, block, report, source, parent_id=parent_id, catalog=catalog)
    elif block.table == "2.3":
        write_rkpd(doc, block, report, source, catalog=catalog)
    elif block.table == "2.1":
        write_eval(doc, block, report, source)
    else:
        write_list(doc, block, report, source)
    return block.table


_NUMBERISH = re.compile(r"^[\d.,\s%\u2013-]+$")


def _eval_unit_text(cells, pos, notes: list[str]) -> str:
    """The penanggung jawab cell of a Tabel 2.1 row. Rows printed with an extra number cell push it
    right: a number or percentage found there is skipped for the first text cell after it."""
    if pos is None:
        return ""
    text = _cell(cells, pos)
    if not text or not _NUMBERISH.match(text):
        return text
    for later in range(pos + 1, len(cells)):
        candidate = _cell(cells, later)
        if candidate and not _NUMBERISH.match(candidate):
            notes.append(Msg("cell.unit_shifted", text=text))
            return candidate
    notes.append(Msg("cell.unit_number", text=text))
    return ""
