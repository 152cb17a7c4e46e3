"""Every row of a document as plain tuples, keyed by identity, for compare and merge.

Rows are matched by their UUID ``id`` -- never by name or code. A plan row's indicators and funding
sources are compared as two more fields of that row (``indikator``, ``sumber_dana``: the list of
their values in order), so a row's funding edited on both sides is one conflict, not two half
lists added together. Printed (declared) values are matched by what they are (table, code, column,
row), because re-importing gives them new ids. ``meta`` entries are matched by key; the exchange's
own bookkeeping (``renja.sync.*``) is not compared.

``position`` is not a field: the order of siblings is merged as a sequence (see :mod:`.merge`).
``modified_at`` is not compared either (it only tells which side is newer).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..formatting import format_rupiah
from ..model import Base
from .sqlitefile import SYNC, connect_ro, content_hash, read_meta

ROW_TABLES = ("document", "plan_row", "eval_row", "pelayanan", "usulan", "declared_value", "meta")
TREE_TABLES = ("plan_row", "eval_row")
ORDERED_TABLES = ("plan_row", "eval_row", "pelayanan", "usulan")
NOT_COMPARED = {"id", "position", "modified_at", "created_at"}
VIRTUAL = ("indikator", "sumber_dana")
IND_FIELDS = ("teks", "target", "satuan", "target_n1")
SD_FIELDS = ("kode", "nama", "jumlah")

TABLE_NAMES = {
    "document": "Identitas dokumen", "plan_row": "Rencana (Tabel 3.1/4.1)", "eval_row": "Evaluasi (Tabel 2.1)",
    "pelayanan": "Tabel 2.2", "usulan": "Tabel 2.4", "declared_value": "Nilai tercetak", "meta": "Catatan berkas",
}
FIELD_NAMES = {
    "parent_id": "letak (baris induk)", "kode": "kode", "nama": "nama", "outcome": "outcome/keluaran",
    "lokasi": "lokasi", "pagu": "pagu indikatif", "pagu_n1": "pagu n+1", "catatan": "catatan penting",
    "penanggung_jawab": "penanggung jawab", "rkpd_nama": "nama di RKPD", "rkpd_lokasi": "lokasi di RKPD",
    "rkpd_indikator": "indikator di RKPD", "rkpd_target": "target di RKPD", "rkpd_pagu": "pagu di RKPD",
    "rkpd_catatan": "catatan RKPD", "indikator": "indikator", "sumber_dana": "sumber dana", "level": "tingkat",
    "value": "isi", "teks": "teks tercetak", "nilai": "nilai tercetak", "sumber": "sumber", "*": "baris",
    "*order": "urutan",
}
MONEY = {"pagu", "pagu_n1", "rkpd_pagu", "nilai", "rp_5", "rp_6", "rp_7", "rp_8", "rp_9", "rp_10", "rp_11",
         "rp_12", "jumlah"}


@dataclass
class TableRows:
    name: str
    columns: list[str]                       # stored columns, in table order
    fields: list[str]                        # compared fields (stored + virtual)
    raw: dict = field(default_factory=dict)  # key -> stored row tuple
    values: dict = field(default_factory=dict)  # key -> tuple of compared field values

    def index(self, column: str) -> int:
        return self.columns.index(column)


@dataclass
class DocRows:
    path: Path
    document_id: str
    meta: dict[str, str]
    tables: dict[str, TableRows]
    indikator: dict[str, list[tuple]]        # plan row id -> stored indikator rows (position order)
    sumber_dana: dict[str, list[tuple]]
    ind_columns: list[str]
    sd_columns: list[str]
    opd: str = ""
    tahun: int | None = None
    _hash: str | None = None

    def content_hash(self) -> str:
        if self._hash is None:
            conn = connect_ro(self.path)
            try:
                self._hash = content_hash(conn)
            finally:
                conn.close()
        return self._hash

    def order(self, table: str) -> dict[str | None, list[str]]:
        """Children (or list items) of each parent in stored order: {parent id or None: [ids]}."""
        t = self.tables[table]
        pos = t.index("position")
        par = t.index("parent_id") if "parent_id" in t.columns else None
        groups: dict[str | None, list[tuple]] = {}
        for key, row in t.raw.items():
            groups.setdefault(row[par] if par is not None else None, []).append((row[pos] or 0, key))
        return {p: [k for _, k in sorted(items)] for p, items in groups.items()}

    def label(self, table: str, key) -> str:
        return row_label(self, table, key)


def _columns(table: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[table].columns]


def _fetch(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    cur = conn.execute(f"SELECT * FROM {table}")
    cols = [d[0] for d in cur.description]
    return cols, cur.fetchall()


def load(path: str | Path) -> DocRows:
    """Read a document file (read-only) into :class:`DocRows`."""
    path = Path(path)
    conn = connect_ro(path)
    try:
        meta = read_meta(conn)
        cols, rows = _fetch(conn, "document")
        if not rows:
            from ..storage import DocumentFileError

            raise DocumentFileError("damaged", f"Berkas '{path.name}' tidak berisi identitas dokumen.", path)
        doc = dict(zip(cols, rows[0]))
        ind_cols, ind_rows = _fetch(conn, "indikator")
        sd_cols, sd_rows = _fetch(conn, "sumber_dana")
        tables: dict[str, TableRows] = {}
        # document: one record
        fields = [c for c in cols if c not in NOT_COMPARED]
        t = TableRows("document", cols, fields)
        t.raw["document"] = rows[0]
        t.values["document"] = tuple(doc[f] for f in fields)
        tables["document"] = t
        for name in ("plan_row", "eval_row", "pelayanan", "usulan"):
            cols, rows = _fetch(conn, name)
            stored = [c for c in cols if c not in NOT_COMPARED]
            idx = [cols.index(c) for c in stored]
            t = TableRows(name, cols, stored + (list(VIRTUAL) if name == "plan_row" else []))
            for r in rows:
                t.raw[r[0]] = r
                t.values[r[0]] = tuple(r[i] for i in idx)
            tables[name] = t
        cols, rows = _fetch(conn, "declared_value")
        stored = [c for c in cols if c not in NOT_COMPARED and c not in ("tabel", "kode", "kolom", "row_id")]
        idx = [cols.index(c) for c in stored]
        kidx = [cols.index(c) for c in ("tabel", "kode", "kolom", "row_id")]
        t = TableRows("declared_value", cols, stored)
        for r in rows:
            key = tuple(r[i] for i in kidx)
            t.raw[key] = r
            t.values[key] = tuple(r[i] for i in idx)
        tables["declared_value"] = t
        t = TableRows("meta", ["key", "value"], ["value"])
        for k, v in meta.items():
            if not k.startswith(SYNC):
                t.raw[k] = (k, v)
                t.values[k] = (v,)
        tables["meta"] = t
    finally:
        conn.close()
    indikator = _group(ind_cols, ind_rows)
    sumber = _group(sd_cols, sd_rows)
    plan = tables["plan_row"]
    ii = [ind_cols.index(c) for c in IND_FIELDS]
    si = [sd_cols.index(c) for c in SD_FIELDS]
    for key, vals in plan.values.items():
        ind = tuple(tuple(r[i] for i in ii) for r in indikator.get(key, ()))
        sd = tuple(tuple(r[i] for i in si) for r in sumber.get(key, ()))
        plan.values[key] = vals + (ind, sd)
    return DocRows(path, doc["id"], meta, tables, indikator, sumber, ind_cols, sd_cols,
                   doc.get("opd") or "", doc.get("tahun"))


def _group(cols: list[str], rows: list[tuple]) -> dict[str, list[tuple]]:
    rid, pos = cols.index("row_id"), cols.index("position")
    out: dict[str, list[tuple]] = {}
    for r in rows:
        out.setdefault(r[rid], []).append(r)
    for items in out.values():
        items.sort(key=lambda r: (r[pos] or 0, r[0]))
    return out


# ---------------------------------------------------------------------------- display
def field_name(f: str) -> str:
    if f in FIELD_NAMES:
        return FIELD_NAMES[f]
    if f.startswith(("k_", "rp_")):
        kind, col = f.split("_", 1)
        return f"kolom {col} ({'K' if kind == 'k' else 'Rp'})"
    return f.replace("_", " ")


def show_value(docs: list[DocRows], table: str, f: str, value) -> str:
    """A value as the user reads it: Rupiah grouped, parents by their code, lists joined."""
    if value is None or value == "":
        return "(kosong)"
    if f in MONEY and isinstance(value, int):
        return "Rp " + format_rupiah(value)
    if f == "parent_id":
        for d in docs:
            if d is not None and table in d.tables and value in d.tables[table].raw:
                return row_label(d, table, value)
        return "(baris induk tidak ada)"
    if f == "indikator":
        return "; ".join(" ".join(x for x in (teks, f"target {target}" if target else "", satuan) if x)
                         for teks, target, satuan, _n1 in value) or "(kosong)"
    if f == "sumber_dana":
        return "; ".join(f"{nama or kode}" + (f" Rp {format_rupiah(jumlah)}" if jumlah is not None else "")
                         for kode, nama, jumlah in value) or "(kosong)"
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def row_label(doc: DocRows, table: str, key) -> str:
    t = doc.tables.get(table)
    if table == "document":
        return "Identitas dokumen"
    if table == "meta":
        return f"Catatan berkas '{key}'"
    if table == "declared_value":
        tabel, kode, kolom, _ = key
        return f"Nilai tercetak Tabel {tabel} {kode or 'TOTAL'} kolom {kolom}"
    if t is None or key not in t.raw:
        return f"{TABLE_NAMES.get(table, table)} baris {str(key)[:8]}"
    row = dict(zip(t.columns, t.raw[key]))
    if table in TREE_TABLES:
        nama = (row.get("nama") or "").strip()
        nama = nama if len(nama) <= 60 else nama[:59] + "…"
        prefix = "" if table == "plan_row" else "Tabel 2.1 "
        return f"{prefix}{row.get('kode') or '(tanpa kode)'} {nama}".strip()
    text = row.get("indikator") or row.get("program_kegiatan") or ""
    text = text if len(text) <= 50 else text[:49] + "…"
    return f"{TABLE_NAMES[table]} '{text}'"


__all__ = ["DocRows", "TableRows", "load", "ROW_TABLES", "TREE_TABLES", "ORDERED_TABLES", "VIRTUAL",
           "field_name", "show_value", "row_label", "TABLE_NAMES"]
