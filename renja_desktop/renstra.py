"""The agency's Renstra (5-year strategic plan) inside the document: import, checks, Tabel 2.1 column 5.

A Renstra PD table lists program, kegiatan and sub kegiatan with code, name, indicator, satuan and,
for every year of the period, a target and an anggaran (often also the period-end values). It is
read from xlsx/csv/tsv/pasted text by the importer's readers (comment lines ``#``, stacked header
rows, a column-number row and empty rows are skipped); year columns are recognised by the year in
their header (``2022``, ``Tahun 2022 Target``, ``Rp 2022``).

Checks (:func:`check`): roll-up errors of the Renstra itself (a parent whose declared anggaran is
not the sum of its children's, a parent with anggaran but no children), the Renja against the
Renstra for the document's year (pagu and target deviation per row, rows only on one side) and a
status per kegiatan: ``sesuai Renstra``, ``dimajukan`` (planned later, done now), ``ditunda``
(planned now, not in the Renja) and ``baru`` (not in the Renstra).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from . import codes
from .codes import KEGIATAN, PROGRAM, SUB_KEGIATAN
from .errors import Msg, Text
from .formatting import decimal_to_text
from .i18n import pick
from .model import RenstraNilai, RenstraRow, new_id, now_stamp
from .operations import Operation
from .stages import StageError, has_tables

if TYPE_CHECKING:  # pragma: no cover
    from .service import RenjaDocument

T_ROW = RenstraRow.__table__
T_VAL = RenstraNilai.__table__
ROW_COLUMNS = ("id", "parent_id", "position", "level", "kode", "nama", "indikator", "satuan", "target_akhir",
               "anggaran_akhir", "sumber", "modified_at")


class RenstraError(StageError):
    """A Renstra that cannot be imported or checked; the message names file, row and column."""


@dataclass
class RenstraItem:
    id: str
    parent_id: str | None
    position: int
    level: int
    kode: str
    nama: str
    indikator: str = ""
    satuan: str = ""
    target_akhir: str = ""
    anggaran_akhir: int | None = None
    sumber: str = ""
    #: year -> (target, anggaran)
    nilai: dict[int, tuple[str, int | None]] = field(default_factory=dict)
    children: list["RenstraItem"] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"kode": self.kode, "nama": self.nama, "level": self.level, "indikator": self.indikator,
                "satuan": self.satuan, "target_akhir": self.target_akhir, "anggaran_akhir": self.anggaran_akhir,
                "tahun": {str(y): {"target": t, "anggaran": a} for y, (t, a) in sorted(self.nilai.items())},
                "sumber": self.sumber}


# ----------------------------------------------------------------------------------- stored rows
def load(doc: "RenjaDocument") -> list[RenstraItem]:
    """The document's Renstra rows in tree order (empty when it has none)."""
    if not has_tables(doc):
        return []
    rows = doc.conn.exec_driver_sql(f"SELECT {', '.join(ROW_COLUMNS[:-1])} FROM renstra_row").fetchall()
    vals = doc.conn.exec_driver_sql("SELECT row_id, tahun, target, anggaran FROM renstra_nilai").fetchall()
    if not doc._batch_depth:
        doc.conn.rollback()
    items = {r[0]: RenstraItem(*r) for r in rows}
    for rid, tahun, target, anggaran in vals:
        if rid in items:
            items[rid].nilai[tahun] = (target or "", anggaran)
    roots = []
    for it in items.values():
        parent = items.get(it.parent_id) if it.parent_id else None
        (parent.children if parent else roots).append(it)
    out: list[RenstraItem] = []

    def walk(nodes):
        for n in sorted(nodes, key=lambda x: (x.position, x.kode)):
            out.append(n)
            walk(n.children)
    walk(roots)
    return out


def by_code(items: list[RenstraItem]) -> dict[str, RenstraItem]:
    return {it.kode: it for it in items if it.kode}


def years(items: list[RenstraItem]) -> list[int]:
    return sorted({y for it in items for y in it.nilai})


def period_end(item: RenstraItem) -> tuple[str | None, int | None]:
    """Tabel 2.1 column 5 (K, Rp): the printed period-end values, else the last year's target and
    the sum of the yearly anggaran."""
    target = item.target_akhir or None
    if target is None and item.nilai:
        last = max(item.nilai)
        target = item.nilai[last][0] or None
    anggaran = item.anggaran_akhir
    if anggaran is None:
        amounts = [a for _, a in item.nilai.values() if a is not None]
        anggaran = sum(amounts) if amounts else None
    if target is not None:
        try:
            target = decimal_to_text(Decimal(target.replace(",", "."))) if _is_number(target) else None
        except InvalidOperation:
            target = None
    return target, anggaran


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:[.,]\d+)?", (text or "").strip()))


def copy_rows(items: list[RenstraItem], stamp: str) -> tuple[list[dict], list[dict]]:
    """Rows for another document (new ids, same tree)."""
    ids = {it.id: new_id() for it in items}
    rows, vals = [], []
    for it in items:
        rows.append({"id": ids[it.id], "parent_id": ids.get(it.parent_id) if it.parent_id else None,
                     "position": it.position, "level": it.level, "kode": it.kode, "nama": it.nama,
                     "indikator": it.indikator, "satuan": it.satuan, "target_akhir": it.target_akhir,
                     "anggaran_akhir": it.anggaran_akhir, "sumber": it.sumber, "modified_at": stamp})
        for y, (t, a) in it.nilai.items():
            vals.append({"id": new_id(), "row_id": ids[it.id], "tahun": y, "target": t, "anggaran": a,
                         "modified_at": stamp})
    return rows, vals


# ----------------------------------------------------------------------------------- reading a source
HEADER_KODE = re.compile(r"\bkode\b")
YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
NUMBER_CELL = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass
class _Columns:
    kode: int
    nama: int | None = None
    indikator: int | None = None
    satuan: int | None = None
    target: dict[int, int] = field(default_factory=dict)     # year -> column
    anggaran: dict[int, int] = field(default_factory=dict)
    target_akhir: int | None = None
    anggaran_akhir: int | None = None


def _columns_from(header: list[str]) -> _Columns | None:
    cols = _Columns(kode=-1)
    for i, text in enumerate(header):
        t = text.lower()
        ys = [int(y) for y in YEAR.findall(t)]
        if re.search(r"\brp\b", t):
            money = True
        elif re.search(r"\b(target|kinerja|k)\b", t):
            money = False
        else:
            money = bool(re.search(r"\b(anggaran|pagu|dana)\b", t))
        if len(ys) == 1:
            (cols.anggaran if money else cols.target)[ys[0]] = i
        elif re.search(r"akhir|kondisi", t):
            if money:
                cols.anggaran_akhir = i
            else:
                cols.target_akhir = i
        elif HEADER_KODE.search(t) and cols.kode < 0:
            cols.kode = i
        elif re.search(r"indikator", t) and cols.indikator is None:
            cols.indikator = i
        elif re.search(r"satuan", t) and cols.satuan is None:
            cols.satuan = i
        elif re.search(r"program|kegiatan|uraian|nama", t) and cols.nama is None:
            cols.nama = i
    if cols.kode < 0 or not (cols.target or cols.anggaran):
        return None
    if cols.nama is None:
        cols.nama = cols.kode + 1
    return cols


def read_source(path: str | Path, sheet: str | None = None) -> tuple[list[RenstraItem], list[str]]:
    """Renstra rows (tree linked by code) and notes about skipped rows, from a file."""
    from .readers import ImportFailure, file_source

    try:
        src = file_source(path, sheet)
    except ImportFailure as exc:
        raise RenstraError(str(exc)) from None
    return parse_rows(src.label, src.rows)


def parse_rows(name: str, rows) -> tuple[list[RenstraItem], list[str]]:
    from .importer.cells import is_dash, is_number_row, read_money
    from .importer.layouts import combine_header

    notes: list[str] = []
    start = None
    for i, r in enumerate(rows):
        if r.cells and r.cells[0].lstrip().startswith("#"):
            continue
        if any(HEADER_KODE.search(c.lower()) for c in r.cells):
            start = i
            break
    if start is None:
        raise RenstraError("renstra.no_header", source=name)
    header_rows = []
    data_from = start
    for j in range(start, min(start + 4, len(rows))):
        cells = rows[j].cells
        first = next((c for c in cells if c.strip()), "")
        if j > start and all(NUMBER_CELL.match(c.strip()) for c in cells if c.strip()):
            data_from = j + 1  # the column-number row closes the header
            break
        if j > start and _code_of(first) is not None:
            break
        header_rows.append(cells)
        data_from = j + 1
    cols = _columns_from(combine_header(header_rows))
    if cols is None:
        raise RenstraError("renstra.header_columns", source=name, line=rows[start].line)
    items: list[RenstraItem] = []
    by_kode: dict[str, RenstraItem] = {}
    last: RenstraItem | None = None

    def cell(cells, i):
        return cells[i].strip() if i is not None and i < len(cells) else ""

    for r in rows[data_from:]:
        cells = r.cells
        if not any(c.strip() for c in cells) or (cells and cells[0].lstrip().startswith("#")) or is_number_row(cells):
            continue
        raw_kode = cell(cells, cols.kode)
        if not raw_kode:
            if last is not None and cell(cells, cols.indikator):  # another indicator of the row above
                last.indikator = "; ".join(x for x in (last.indikator, cell(cells, cols.indikator)) if x)
                continue
            notes.append(f"baris {r.line}: tanpa kode, dilewati ('{' '.join(c for c in cells if c)[:50]}')")
            continue
        kode = _code_of(raw_kode)
        if kode is None:
            raise RenstraError("renstra.bad_code", source=name, line=r.line, column=cols.kode + 1, kode=raw_kode)
        if kode in by_kode:
            raise RenstraError("renstra.code_twice", source=name, line=r.line, kode=kode,
                               first=by_kode[kode].sumber.rsplit(" ", 1)[-1])
        level = codes.code_level(kode)
        item = RenstraItem(new_id(), None, 0, level, kode, cell(cells, cols.nama), cell(cells, cols.indikator),
                           cell(cells, cols.satuan), sumber=f"{Path(name).name} baris {r.line}")
        for kind, mapping in (("target", cols.target), ("anggaran", cols.anggaran)):
            for year, i in mapping.items():
                t, a = item.nilai.get(year, ("", None))
                if kind == "target":
                    t = "" if is_dash(cell(cells, i)) else cell(cells, i)
                else:
                    a, err = read_money(cell(cells, i))
                    if err:
                        raise RenstraError("renstra.bad_budget", source=name, line=r.line, column=i + 1, year=year,
                                           reason=err)
                item.nilai[year] = (t, a)
        if cols.target_akhir is not None:
            item.target_akhir = cell(cells, cols.target_akhir)
        if cols.anggaran_akhir is not None:
            a, err = read_money(cell(cells, cols.anggaran_akhir))
            if err:
                raise RenstraError("renstra.bad_final_budget", source=name, line=r.line,
                                   column=cols.anggaran_akhir + 1, reason=err)
            item.anggaran_akhir = a
        items.append(item)
        by_kode[kode] = item
        last = item
    if not items:
        raise RenstraError("renstra.no_rows", source=name)
    # link by code: the nearest ancestor code present
    counters: dict[str | None, int] = {}
    for it in items:
        parent = None
        p = codes.parse_code(it.kode).parent()
        while p is not None:
            if str(p) in by_kode:
                parent = by_kode[str(p)]
                break
            p = p.parent()
        it.parent_id = parent.id if parent else None
        it.position = counters.get(it.parent_id, 0)
        counters[it.parent_id] = it.position + 1
        if parent:
            parent.children.append(it)
    return items, notes


def _code_of(text: str) -> str | None:
    try:
        return codes.normalize_code(text.strip())
    except codes.CodeError:
        return None


# ----------------------------------------------------------------------------------- import
@dataclass
class ImportResult:
    rows: int
    years: list[int]
    notes: list[str]
    unknown_codes: list[str]
    tabel21_filled: int

    def as_dict(self) -> dict:
        return {"baris": self.rows, "tahun": self.years, "catatan": self.notes,
                "kode_tidak_di_nomenklatur": self.unknown_codes, "tabel21_kolom5_diisi": self.tabel21_filled}


def _nomenclature_problem(doc: "RenjaDocument", items: list[RenstraItem], name: str) -> list[str]:
    """Codes not in the document's nomenclature; refuses a Renstra written in another one."""
    from .catalog import CatalogError, available_versions, get_catalog, pemda_jenis

    versi = (doc.info.get("nomenklatur_versi") or "").strip()
    try:
        cat = get_catalog(versi or None)
    except CatalogError:
        return []
    jenis = pemda_jenis(doc)
    checked = [it for it in items if it.level >= PROGRAM]
    unknown = [it.kode for it in checked if cat.lookup(it.kode, jenis) is None]
    if checked and len(unknown) * 2 > len(checked):
        better = []
        for v in available_versions():
            if v["versi"] == cat.versi:
                continue
            try:
                other = get_catalog(v["versi"])
            except CatalogError:
                continue
            miss = sum(1 for it in checked if other.lookup(it.kode, jenis) is None)
            if miss < len(unknown):
                better.append(v["versi"])
        hint = Text(f"; kode-kodenya cocok dengan nomenklatur {', '.join(better)}",
                    f"; its codes match nomenclature {', '.join(better)}") if better else ""
        raise RenstraError("renstra.other_nomenclature", source=name, count=len(unknown), of=len(checked),
                           versi=cat.versi, examples=", ".join(unknown[:3]), hint=hint)
    return unknown


def import_renstra(doc: "RenjaDocument", path: str | Path, sheet: str | None = None) -> ImportResult:
    """Replace the document's Renstra by the table in ``path`` and fill Tabel 2.1 column 5 from it.
    Refused (nothing changed) when the period does not contain the document's year or the codes
    follow another nomenclature."""
    doc._writable()
    items, notes = read_source(path, sheet)
    return store(doc, items, notes, Path(path).name)


def store(doc: "RenjaDocument", items: list[RenstraItem], notes: list[str], name: str) -> ImportResult:
    ys = years(items)
    tahun = doc.info["tahun"]
    if not ys:
        raise RenstraError("renstra.no_values", source=name)
    if tahun not in ys:
        raise RenstraError("renstra.period", source=name, first=min(ys), last=max(ys), tahun=tahun)
    unknown = _nomenclature_problem(doc, items, name)
    stamp = now_stamp()
    rows, vals = copy_rows(items, stamp)
    filled = 0
    with doc.batch():
        replace_rows(doc, rows, vals)
        if not doc.info.get("renstra_mulai"):
            doc.set_document(renstra_mulai=min(ys), renstra_selesai=max(ys))
        filled = fill_tabel21(doc, by_code(items))
    return ImportResult(len(items), ys, notes, unknown, filled)


def _stored(doc: "RenjaDocument", table: str) -> list[dict]:
    if not has_tables(doc):
        return []
    cur = doc.conn.exec_driver_sql(f'SELECT * FROM "{table}"').cursor
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def replace_rows(doc: "RenjaDocument", rows: list[dict], vals: list[dict]) -> None:
    """Replace the stored Renstra by these rows (records the old ones as its inverse)."""
    doc._writable()
    old_rows, old_vals = _stored(doc, "renstra_row"), _stored(doc, "renstra_nilai")
    # parents before children, so the foreign key holds while inserting
    depth: dict = {}
    by_id = {r["id"]: r for r in rows}

    def level(r) -> int:
        if r["id"] not in depth:
            parent = by_id.get(r.get("parent_id"))
            depth[r["id"]] = 0 if parent is None else level(parent) + 1
        return depth[r["id"]]

    ordered = sorted(rows, key=level)
    with doc._atomic():
        doc.conn.exec_driver_sql("DELETE FROM renstra_nilai")
        doc.conn.exec_driver_sql("DELETE FROM renstra_row")
        if ordered:
            doc.conn.execute(T_ROW.insert(), ordered)
        if vals:
            doc.conn.execute(T_VAL.insert(), vals)
    doc._record("_call", "renja_desktop.renstra:replace_rows", old_rows, old_vals)
    doc._emit_stage_change()


class ImportRenstra(Operation):
    """Import a Renstra table into the document (replacing the one there) and fill Tabel 2.1
    column 5 from it; undo puts the old Renstra and column 5 back."""

    def __init__(self, path, sheet: str | None = None, label: str = ""):
        super().__init__()
        self.path, self.sheet = path, sheet
        self.label = label or "Impor Renstra"

    def apply(self, doc: "RenjaDocument") -> ImportResult:
        return import_renstra(doc, self.path, self.sheet)


def fill_tabel21(doc: "RenjaDocument", renstra: dict[str, RenstraItem]) -> int:
    """Tabel 2.1 column 5 (target Renstra at period end, K and Rp) of every sub kegiatan row whose
    code the Renstra has. Returns how many rows changed."""
    count = 0
    catalog = document_catalog(doc)
    for node in list(doc.evaluation.walk()):
        item = match_eval(renstra, node, catalog)
        if item is None:
            continue
        k5, rp5 = period_end(item)
        fields = {}
        if k5 is not None and node.values.get("k_5") != k5:
            fields["k_5"] = k5
        if rp5 is not None and node.values.get("rp_5") != rp5:
            fields["rp_5"] = rp5
        if fields:
            doc.set_eval(node.id, **fields)
            count += 1
    return count


def match_eval(renstra: dict[str, RenstraItem], node, catalog=None) -> RenstraItem | None:
    """The Renstra row of a Tabel 2.1 sub kegiatan row: by its code; a row imported without a code
    by its name (the same name, or one name the start of the other: Renstra tables often shorten
    the nomenclature's long names), when exactly one Renstra sub kegiatan fits."""
    from .catalog import normalize_name

    if node.level != SUB_KEGIATAN:
        return None
    if node.kode:
        return renstra.get(node.kode)
    key = normalize_name(node.nama)
    if len(key) < 12:
        return None
    hits = []
    for it in renstra.values():
        if it.level != SUB_KEGIATAN:
            continue
        other = normalize_name(it.nama)
        if other == key or (len(other) >= 20 and (key.startswith(other) or other.startswith(key))):
            hits.append(it)
    return hits[0] if len(hits) == 1 else None


def document_catalog(doc: "RenjaDocument"):
    from .catalog import CatalogError, get_catalog

    try:
        return get_catalog((doc.info.get("nomenklatur_versi") or "").strip() or None)
    except CatalogError:
        return None


# ----------------------------------------------------------------------------------- checks
#: the kinds of finding and the statuses of a kegiatan as the window names them (Indonesian, English)
KIND_WORDS = {"rollup": Text("rollup", "roll-up"), "rollup_tanpa_anak": Text("rollup tanpa anak", "roll-up without rows"),
              "pagu": Text("pagu", "budget"), "target": Text("target", "target"),
              "hanya_renja": Text("hanya renja", "Renja only"), "hanya_renstra": Text("hanya renstra", "Renstra only")}
STATUS_WORDS = {"baru": Text("baru", "new"), "sesuai Renstra": Text("sesuai Renstra", "as in the Renstra"),
                "dimajukan": Text("dimajukan", "brought forward"), "ditunda": Text("ditunda", "postponed"),
                "tidak direncanakan tahun ini": Text("tidak direncanakan tahun ini", "not planned this year")}


def check_word(value: str, lang: str | None = None) -> str:
    """A finding's kind or a kegiatan's status (:data:`KIND_WORDS`, :data:`STATUS_WORDS`) in ``lang``."""
    word = KIND_WORDS.get(value) or STATUS_WORDS.get(value)
    return pick(word.id, word.en, lang) if word else value.replace("_", " ")


@dataclass
class Finding:
    jenis: str            # rollup, rollup_tanpa_anak, pagu, target, hanya_renja, hanya_renstra
    kode: str
    nama: str
    pesan: str
    tahun: int | None = None
    renja: object = None
    renstra: object = None

    def as_dict(self) -> dict:
        return {"jenis": self.jenis, "kode": self.kode, "nama": self.nama, "tahun": self.tahun,
                "renja": self.renja, "renstra": self.renstra, "pesan": self.pesan}


@dataclass
class CheckResult:
    tahun: int
    periode: tuple[int, int] | None
    rollup: list[Finding]
    deviasi: list[Finding]
    status: list[dict]

    def as_dict(self) -> dict:
        return {"tahun": self.tahun, "periode": list(self.periode) if self.periode else None,
                "rollup": [f.as_dict() for f in self.rollup], "renja_vs_renstra": [f.as_dict() for f in self.deviasi],
                "status_kegiatan": self.status}


def _rp(v: int | None) -> str:
    from .formatting import format_rupiah

    return "Rp " + format_rupiah(v) if v is not None else "(kosong)"


def check_rollup(items: list[RenstraItem]) -> list[Finding]:
    out = []
    deepest = max((it.level for it in items), default=0)
    for it in items:
        if it.children:
            for y in sorted(it.nilai):
                declared = it.nilai[y][1]
                kids = [c.nilai.get(y, ("", None))[1] for c in it.children]
                if declared is None or all(k is None for k in kids):
                    continue
                total = sum(k or 0 for k in kids)
                if declared != total:
                    out.append(Finding("rollup", it.kode, it.nama,
                                       Msg("renstra.rollup", year=y, declared=_rp(declared), total=_rp(total),
                                           diff=_rp(declared - total)), y, total, declared))
            if it.anggaran_akhir is not None:
                kids = [c.anggaran_akhir for c in it.children]
                if any(k is not None for k in kids):
                    total = sum(k or 0 for k in kids)
                    if total != it.anggaran_akhir:
                        out.append(Finding("rollup", it.kode, it.nama,
                                           Msg("renstra.rollup_final", declared=_rp(it.anggaran_akhir),
                                               total=_rp(total)),
                                           None, total, it.anggaran_akhir))
        elif it.level < deepest and (any(a for _, a in it.nilai.values()) or it.anggaran_akhir):
            out.append(Finding("rollup_tanpa_anak", it.kode, it.nama,
                               Msg("renstra.no_children"), None, None,
                               it.anggaran_akhir if it.anggaran_akhir is not None
                               else sum(a or 0 for _, a in it.nilai.values())))
    return out


def _dec(text: str) -> Decimal | None:
    t = (text or "").strip().replace(",", ".")
    if not _is_number(t):
        return None
    return Decimal(t)


def check(doc: "RenjaDocument") -> CheckResult:
    items = load(doc)
    tahun = doc.info["tahun"]
    ys = years(items)
    if not items:
        raise RenstraError("renstra.none", name=doc.path.name)
    rs = by_code(items)
    rollup = check_rollup(items)
    dev: list[Finding] = []
    in_renja: dict[str, object] = {}
    for node in doc.plan.walk():
        if node.level not in (PROGRAM, KEGIATAN, SUB_KEGIATAN) or not node.kode:
            continue
        in_renja[node.kode] = node
        it = rs.get(node.kode)
        if it is None:
            dev.append(Finding("hanya_renja", node.kode, node.nama, Msg("renstra.only_renja"), tahun,
                               node.sums[0], None))
            continue
        target, anggaran = it.nilai.get(tahun, ("", None))
        pagu = node.sums[0]
        if anggaran is not None and pagu != anggaran:
            dev.append(Finding("pagu", node.kode, node.nama,
                               Msg("renstra.pagu", pagu=_rp(pagu), tahun=tahun, anggaran=_rp(anggaran),
                                   diff=_rp(pagu - anggaran)), tahun, pagu, anggaran))
        inds = doc.indikator.get(node.id, [])
        renja_target = _dec(inds[0].get("target", "")) if inds else None
        renstra_target = _dec(target)
        if renja_target is not None and renstra_target is not None and renja_target != renstra_target:
            dev.append(Finding("target", node.kode, node.nama,
                               Msg("renstra.target", renja=inds[0].get("target"), tahun=tahun, renstra=target),
                               tahun, inds[0].get("target"), target))
    for it in items:
        if it.level in (PROGRAM, KEGIATAN, SUB_KEGIATAN) and it.kode not in in_renja:
            anggaran = it.nilai.get(tahun, ("", None))[1]
            dev.append(Finding("hanya_renstra", it.kode, it.nama, Msg("renstra.only_renstra"), tahun,
                               None, anggaran))
    status = []
    for kode in sorted(set(k for k, n in in_renja.items() if n.level == KEGIATAN)
                       | {it.kode for it in items if it.level == KEGIATAN}, key=_code_key):
        node = in_renja.get(kode)
        it = rs.get(kode)
        if it is None:
            st = "baru"
        else:
            planned_now = bool(it.nilai.get(tahun, ("", None))[1]) or bool(it.nilai.get(tahun, ("", None))[0])
            later = any((a or t) for y, (t, a) in it.nilai.items() if y > tahun)
            done_now = node is not None and (node.sums[0] or 0) > 0
            if done_now and planned_now:
                st = "sesuai Renstra"
            elif done_now and not planned_now and later:
                st = "dimajukan"
            elif planned_now and not done_now:
                st = "ditunda"
            elif node is not None:
                st = "sesuai Renstra" if not planned_now and not done_now else "dimajukan"
            else:
                st = "tidak direncanakan tahun ini"
        status.append({"kode": kode, "nama": (node.nama if node is not None else it.nama), "status": st,
                       "pagu_renja": node.sums[0] if node is not None else None,
                       "anggaran_renstra": it.nilai.get(tahun, ("", None))[1] if it else None})
    return CheckResult(tahun, (min(ys), max(ys)) if ys else None, rollup, dev, status)


def _code_key(kode: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in kode.replace(".", " ").split())


__all__ = ["RenstraItem", "RenstraError", "load", "by_code", "years", "period_end", "read_source", "parse_rows",
           "import_renstra", "store", "check", "check_rollup", "fill_tabel21", "CheckResult", "Finding"]
