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
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, field
from pathlib import Path

from .. import registry
from ..errors import Msg, Text
from ..formatting import format_rupiah
from ..model import Base
from ..storage import DocumentFileError
from .errors import ExchangeError
from .sqlitefile import SYNC, connect_ro, content_hash, io_pool, uri_of

ROW_TABLES = ("document", "plan_row", "eval_row", "pelayanan", "usulan", "section", "declared_value", "meta")
TREE_TABLES = ("plan_row", "eval_row", "section")
ORDERED_TABLES = ("plan_row", "eval_row", "pelayanan", "usulan", "section")
NOT_COMPARED = {"id", "position", "modified_at", "created_at"}
VIRTUAL = ("indikator", "sumber_dana")
IND_FIELDS = ("teks", "target", "satuan", "target_n1")
SD_FIELDS = ("kode", "nama", "jumlah")

TABLE_NAMES = {
    "document": "Identitas dokumen", "plan_row": "Rencana (Tabel 3.1/4.1)", "eval_row": "Evaluasi (Tabel 2.1)",
    "pelayanan": "Tabel 2.2", "usulan": "Tabel 2.4", "section": "Naskah (bab)", "declared_value": "Nilai tercetak", "meta": "Catatan berkas",
}
#: the same names in English (the window in English)
TABLE_NAMES_EN = {
    "document": "Document identity", "plan_row": "Plan (Table 3.1/4.1)", "eval_row": "Evaluation (Table 2.1)",
    "pelayanan": "Table 2.2", "usulan": "Table 2.4", "section": "Text (chapters)", "declared_value": "Printed values",
    "meta": "File notes",
}


def table_text(table: str) -> Text:
    """A compared table's name in both languages, for a message."""
    return Text(TABLE_NAMES.get(table, table), TABLE_NAMES_EN.get(table, table))
#: labels of compared fields (from the registry; the plan's wording first)
FIELD_NAMES = {**{k: v[0] for k, v in registry.OTHER_LABELS.items()},
               **{f.key: f.id for f in reversed(registry.FIELDS) if not f.key.startswith(("k_", "rp_"))}}
for _key, _label in (("judul", "judul"), ("content", "isi naskah"), ("kind", "jenis bagian")):  # sections
    FIELD_NAMES.setdefault(_key, _label)
MONEY = {"pagu", "pagu_n1", "rkpd_pagu", "nilai", "rp_5", "rp_6", "rp_7", "rp_8", "rp_9", "rp_10", "rp_11",
         "rp_12", "jumlah"}


@dataclass
class TableRows:
    name: str
    columns: list[str]                       # stored columns, in table order
    fields: list[str]                        # compared fields (stored + virtual)
    raw: dict = field(default_factory=dict)  # key -> stored row tuple (rows loaded so far)
    values: dict = field(default_factory=dict)  # key -> tuple of compared field values

    def index(self, column: str) -> int:
        return self.columns.index(column)


@dataclass
class DocRows:
    """One document's rows: all of them (:func:`load`), or -- for a merge (:func:`load_set`) -- only
    those that differ somewhere and their parents, the rest read on demand (children of a parent,
    whether an id exists, a subtree) with short read-only queries."""

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
    user_version: int = 0
    complete: bool = False
    _hash: str | None = None

    def __post_init__(self) -> None:
        self._places: dict[str, dict] = {t: {} for t in ORDERED_TABLES}   # id -> (parent, position)
        self._absent: dict[str, set] = {t: set() for t in ORDERED_TABLES}
        self._kids: dict[str, dict] = {t: {} for t in ORDERED_TABLES}     # parent -> [(id, position)]

    def content_hash(self) -> str:
        if self._hash is None:
            conn = connect_ro(self.path)
            try:
                self._hash = content_hash(conn)
            finally:
                conn.close()
        return self._hash

    # -- on-demand reads ------------------------------------------------------------------
    def _sql(self, query: str, params=()) -> list[tuple]:
        conn = connect_ro(self.path)
        try:
            conn.execute("PRAGMA mmap_size = 1073741824")
            return conn.execute(query, params).fetchall()
        finally:
            conn.close()

    def _has_parent(self, table: str) -> bool:
        return "parent_id" in self.tables[table].columns

    def place(self, table: str, key) -> tuple | None:
        """(parent id, position) of a row, or None when this copy does not have it."""
        t = self.tables[table]
        if key in t.raw:
            row = t.raw[key]
            return (row[t.index("parent_id")] if self._has_parent(table) else None, row[t.index("position")])
        if key in self._places[table]:
            return self._places[table][key]
        if self.complete or key in self._absent[table]:
            return None
        self.exists(table, [key])
        return self._places[table].get(key)

    def exists(self, table: str, keys) -> set:
        """Which of ``keys`` this copy has."""
        t = self.tables[table]
        keys = [k for k in keys if k is not None]
        unknown = [k for k in keys if k not in t.raw and k not in self._places[table]
                   and k not in self._absent[table]]
        if unknown and not self.complete:
            par = "parent_id" if self._has_parent(table) else "NULL"
            for i in range(0, len(unknown), 500):
                chunk = unknown[i:i + 500]
                marks = ",".join("?" for _ in chunk)
                for rid, parent, pos in self._sql(
                        f"SELECT id, {par}, position FROM {table} WHERE id IN ({marks})", chunk):
                    self._places[table][rid] = (parent, pos)
            self._absent[table].update(k for k in unknown if k not in self._places[table])
        return {k for k in keys if k in t.raw or k in self._places[table]}

    def has(self, table: str, key) -> bool:
        if key in self.tables[table].raw:
            return True
        return bool(self.exists(table, [key]))

    def children(self, table: str, parents) -> dict:
        """{parent: [(id, position), ...] in stored order} for the given parents (None: top level)."""
        cache = self._kids[table]
        missing = [p for p in set(parents) if p not in cache]
        if missing:
            if self.complete:
                t = self.tables[table]
                pi = t.index("parent_id") if self._has_parent(table) else None
                groups: dict = {}
                at = t.index("position")  # looked up once, not per row
                if pi is None:
                    groups[None] = [(k, row[at]) for k, row in t.raw.items()]
                else:
                    for k, row in t.raw.items():
                        groups.setdefault(row[pi], []).append((k, row[at]))
                for p in missing:
                    cache[p] = groups.get(p, [])
            else:
                found: dict = {p: [] for p in missing}
                if not self._has_parent(table):
                    for rid, pos in self._sql(f"SELECT id, position FROM {table}"):
                        found[None].append((rid, pos))
                else:
                    named = [p for p in missing if p is not None]
                    if None in found:
                        for rid, pos in self._sql(f"SELECT id, position FROM {table} WHERE parent_id IS NULL"):
                            found[None].append((rid, pos))
                    for i in range(0, len(named), 500):
                        chunk = named[i:i + 500]
                        marks = ",".join("?" for _ in chunk)
                        for parent, rid, pos in self._sql(
                                f"SELECT parent_id, id, position FROM {table} WHERE parent_id IN ({marks})", chunk):
                            found[parent].append((rid, pos))
                for p, items in found.items():
                    cache[p] = items
                    for rid, pos in items:
                        self._places[table].setdefault(rid, (p, pos))
            for p in missing:
                cache[p] = sorted(cache[p], key=lambda x: (x[1] or 0, x[0]))
        return {p: cache[p] for p in parents}

    def subtree(self, table: str, root: str) -> list[str]:
        """``root`` and every row beneath it in this copy."""
        if self.complete:
            out, stack = [], [root]
            kids = self.children(table, self.tables[table].raw.keys())
            while stack:
                k = stack.pop()
                out.append(k)
                stack.extend(x for x, _ in kids.get(k, []))
            return out
        rows = self._sql(f"WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM {table} t "
                         f"JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub", (root,))
        return [r[0] for r in rows]

    def ensure(self, table: str, keys) -> None:
        """Load more rows of a tree or list table by id (for labels)."""
        t = self.tables[table]
        want = [k for k in self.exists(table, keys) if k not in t.raw]
        if not want:
            return
        conn = connect_ro(self.path)
        try:
            _load_rows(conn, "main", self, table, want)
        finally:
            conn.close()

    def label(self, table: str, key) -> str:
        return row_label(self, table, key)


def _columns(table: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[table].columns]


def _fetch(conn: sqlite3.Connection, table: str, schema: str = "main") -> tuple[list[str], list[tuple]]:
    cur = conn.execute(f"SELECT * FROM {schema}.{table}")
    cols = [d[0] for d in cur.description]
    return cols, cur.fetchall()


def _table_columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def _new_doc(conn: sqlite3.Connection, schema: str, path: Path) -> DocRows:
    meta = {k: v for k, v in conn.execute(f"SELECT key, value FROM {schema}.meta")}
    cols, rows = _fetch(conn, "document", schema)
    if not rows:
        raise DocumentFileError("damaged", "file.no_identity", path, name=path.name)
    doc = dict(zip(cols, rows[0]))
    version = conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0]
    tables: dict[str, TableRows] = {}
    fields = [c for c in cols if c not in NOT_COMPARED]
    t = TableRows("document", cols, fields)
    t.raw["document"] = rows[0]
    t.values["document"] = tuple(doc[f] for f in fields)
    tables["document"] = t
    for name in ORDERED_TABLES:
        tcols = _table_columns(conn, schema, name) or _columns(name)  # (a file from before the table)
        stored = [c for c in tcols if c not in NOT_COMPARED]
        tables[name] = TableRows(name, tcols, stored + (list(VIRTUAL) if name == "plan_row" else []))
    tcols = _table_columns(conn, schema, "declared_value")
    stored = [c for c in tcols if c not in NOT_COMPARED and c not in ("tabel", "kode", "kolom", "row_id")]
    tables["declared_value"] = TableRows("declared_value", tcols, stored)
    t = TableRows("meta", ["key", "value"], ["value"])
    for k, v in meta.items():
        if not k.startswith(SYNC):
            t.raw[k] = (k, v)
            t.values[k] = (v,)
    tables["meta"] = t
    return DocRows(path, doc["id"], meta, tables, {}, {}, _table_columns(conn, schema, "indikator"),
                   _table_columns(conn, schema, "sumber_dana"), doc.get("opd") or "", doc.get("tahun"), version)


def _load_declared(conn: sqlite3.Connection, schema: str, d: DocRows) -> None:
    t = d.tables["declared_value"]
    cols, rows = _fetch(conn, "declared_value", schema)
    idx = [cols.index(c) for c in t.fields]
    kidx = [cols.index(c) for c in ("tabel", "kode", "kolom", "row_id")]
    for r in rows:
        key = tuple(r[i] for i in kidx)
        t.raw[key] = r
        t.values[key] = tuple(r[i] for i in idx)


def _load_rows(conn: sqlite3.Connection, schema: str, d: DocRows, table: str, ids) -> None:
    """Load whole rows (and, for plan rows, their indicators and funding) by id."""
    t = d.tables[table]
    ids = list(ids)
    if not ids or not _table_columns(conn, schema, table):
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS want(id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.want")
    conn.executemany("INSERT OR IGNORE INTO temp.want(id) VALUES (?)", [(k,) for k in ids])
    idx = [t.index(c) for c in t.fields if not (table == "plan_row" and c in VIRTUAL)]
    rows = conn.execute(f"SELECT * FROM {schema}.{table} WHERE id IN (SELECT id FROM temp.want)").fetchall()
    if table == "plan_row":
        ind = _group(d.ind_columns, conn.execute(
            f"SELECT * FROM {schema}.indikator WHERE row_id IN (SELECT id FROM temp.want)").fetchall())
        sd = _group(d.sd_columns, conn.execute(
            f"SELECT * FROM {schema}.sumber_dana WHERE row_id IN (SELECT id FROM temp.want)").fetchall())
        d.indikator.update(ind)
        d.sumber_dana.update(sd)
        ii = [d.ind_columns.index(c) for c in IND_FIELDS]
        si = [d.sd_columns.index(c) for c in SD_FIELDS]
    for r in rows:
        t.raw[r[0]] = r
        vals = tuple(r[i] for i in idx)
        if table == "plan_row":
            vals += (tuple(tuple(x[i] for i in ii) for x in d.indikator.get(r[0], ())),
                     tuple(tuple(x[i] for i in si) for x in d.sumber_dana.get(r[0], ())))
        t.values[r[0]] = vals


def _changed_ids(conn: sqlite3.Connection, table: str, x: str, y: str) -> set[str]:
    """Ids whose rows differ between two attached copies (added, removed or any column changed).

    Copies of one document share their row layout, so rows are paired by rowid first (a fast
    sequential join); a row at another place simply shows up as changed and is compared by id later.
    """
    cols = _table_columns(conn, x, table)
    if not cols or not _table_columns(conn, y, table):  # a file from before the table existed
        return set()
    a = ", ".join(f"a.{c}" for c in cols)
    b = ", ".join(f"b.{c}" for c in cols)
    q = (f"SELECT a.id FROM {x}.{table} a LEFT JOIN {y}.{table} b ON a.rowid = b.rowid "
         f"WHERE b.rowid IS NULL OR ({a}) IS NOT ({b}) "
         f"UNION SELECT b.id FROM {y}.{table} b LEFT JOIN {x}.{table} a ON a.rowid = b.rowid "
         f"WHERE a.rowid IS NULL OR a.id IS NOT b.id")
    return {r[0] for r in conn.execute(q)}


def _row_ids_of(conn: sqlite3.Connection, schemas: list[str], table: str, ids: set[str]) -> set[str]:
    """The plan rows owning the given indikator / sumber_dana ids, in any of the copies."""
    if not ids:
        return set()
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS want(id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.want")
    conn.executemany("INSERT OR IGNORE INTO temp.want(id) VALUES (?)", [(k,) for k in ids])
    out: set[str] = set()
    for s in schemas:
        out |= {r[0] for r in conn.execute(f"SELECT row_id FROM {s}.{table} WHERE id IN (SELECT id FROM temp.want)")}
    return out


def _side_changes(conn: sqlite3.Connection, x: str, y: str) -> dict[str, set]:
    """Per table, the ids of the rows that differ between the attached copies ``x`` and ``y`` (a
    plan row also when its indicators or funding differ)."""
    out = {table: _changed_ids(conn, table, x, y) for table in ORDERED_TABLES}
    for kind in ("indikator", "sumber_dana"):
        ids = _changed_ids(conn, kind, x, y)
        out["plan_row"] |= _row_ids_of(conn, [x, y], kind, ids)
    return out


def _side_changes_apart(paths: dict[str, Path], x: str, y: str) -> dict[str, set]:
    """:func:`_side_changes` on a connection of its own (for a worker thread)."""
    conn = sqlite3.connect(":memory:")
    try:
        for alias, path in paths.items():
            conn.execute(f"ATTACH DATABASE ? AS {alias}", (f"file:{_uri(path)}?mode=ro",))
            conn.execute(f"PRAGMA {alias}.mmap_size = 1073741824")
        return _side_changes(conn, x, y)
    finally:
        conn.close()


@dataclass
class LoadedSet:
    mine: DocRows
    theirs: DocRows
    base: DocRows | None
    #: per side ('mine'/'theirs'), per table: ids that differ from the base (or from the other side)
    changed: dict[str, dict[str, set]]


def load_set(mine: Path, theirs: Path, base: Path | None) -> LoadedSet:
    """Read what a compare or merge needs from two copies and their base, without reading every row:
    only rows that differ somewhere are loaded whole; every row's place is read (light index)."""
    conn = sqlite3.connect(":memory:")
    try:
        docs: dict[str, DocRows] = {}
        named = [("m", Path(mine)), ("t", Path(theirs))] + ([("b", Path(base))] if base is not None else [])
        for alias, path in named:
            conn.execute(f"ATTACH DATABASE ? AS {alias}", (f"file:{_uri(path)}?mode=ro",))
            conn.execute(f"PRAGMA {alias}.mmap_size = 1073741824")  # read through the OS cache directly
            docs[alias] = _new_doc(conn, alias, path)
        versions = {d.user_version for d in docs.values()}
        if len(versions) > 1:
            raise ExchangeError("versions", "exchange.versions", Path(mine))
        if base is not None:
            # the two comparisons with the base are independent: theirs runs on a worker thread
            # with a connection of its own (SQLite works outside the GIL) while mine runs here
            paths = dict(named)
            other = io_pool().submit(_side_changes_apart, {"t": paths["t"], "b": paths["b"]}, "t", "b")
            try:
                mine_changed = _side_changes(conn, "m", "b")
            except BaseException:
                futures_wait([other])  # its failure, if any, is not the one to report
                raise
            changed = {"mine": mine_changed, "theirs": other.result()}
        else:  # two-way: one comparison serves both sides
            changed = {"mine": _side_changes(conn, "m", "t")}
            changed["theirs"] = changed["mine"]
        for alias, d in docs.items():
            _load_declared(conn, alias, d)
        for table in ORDERED_TABLES:
            want = changed["mine"][table] | changed["theirs"][table]
            for alias, d in docs.items():
                _load_rows(conn, alias, d, table, want)
                d._absent[table].update(k for k in want if k not in d.tables[table].raw)
            if table in TREE_TABLES:  # the parents of changed rows too (labels name where a row sits)
                parents = set()
                for d in docs.values():
                    t = d.tables[table]
                    pi = t.index("parent_id")
                    parents |= {t.raw[k][pi] for k in want if k in t.raw and t.raw[k][pi] is not None}
                for alias, d in docs.items():
                    _load_rows(conn, alias, d, table, parents - set(d.tables[table].raw))
        return LoadedSet(docs["m"], docs["t"], docs.get("b"), changed)
    finally:
        conn.close()


def _uri(path: Path) -> str:
    return uri_of(path)


def load(path: str | Path) -> DocRows:
    """Read a whole document file (read-only) into :class:`DocRows`."""
    path = Path(path)
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("ATTACH DATABASE ? AS d", (f"file:{_uri(path)}?mode=ro",))
        d = _new_doc(conn, "d", path)
        for table in ORDERED_TABLES:
            if _table_columns(conn, "d", table):
                _load_rows(conn, "d", d, table, [r[0] for r in conn.execute(f"SELECT id FROM d.{table}")])
        _load_declared(conn, "d", d)
        d.complete = True
    finally:
        conn.close()
    return d


def _group(cols: list[str], rows: list[tuple]) -> dict[str, list[tuple]]:
    rid, pos = cols.index("row_id"), cols.index("position")
    out: dict[str, list[tuple]] = {}
    for r in rows:
        out.setdefault(r[rid], []).append(r)
    for items in out.values():
        items.sort(key=lambda r: (r[pos] or 0, r[0]))
    return out


# ---------------------------------------------------------------------------- display
def field_name(f: str, lang: str | None = None) -> str:
    """A compared field's label (the registry's, in ``lang``; bawaan: the current language)."""
    if f in FIELD_NAMES:
        return registry.field_label(f, None, lang)
    if f.startswith(("k_", "rp_")):
        kind, col = f.split("_", 1)
        return Msg("merge.column", column=col, unit="K" if kind == "k" else "Rp").message(lang)
    return f.replace("_", " ")


def field_text(f: str) -> Text:
    """A compared field's label in both languages, for a message."""
    return Text(field_name(f, "id"), field_name(f, "en"))


#: an empty value, as shown in a conflict or a change
EMPTY = Msg("merge.empty")


def show_value(docs: list[DocRows], table: str, f: str, value) -> str:
    """A value as the user reads it: Rupiah grouped, parents by their code, lists joined."""
    if value is None or value == "":
        return EMPTY
    if f in MONEY and isinstance(value, int):
        return "Rp " + format_rupiah(value)
    if f == "parent_id":
        for d in docs:
            if d is not None and table in d.tables and value in d.tables[table].raw:
                return row_label(d, table, value)
        return Msg("merge.no_parent")
    if f == "indikator" and isinstance(value, tuple):
        return "; ".join(" ".join(x for x in (teks, f"target {target}" if target else "", satuan) if x)
                         for teks, target, satuan, _n1 in value) or EMPTY
    if f == "sumber_dana" and isinstance(value, tuple):
        return "; ".join(f"{nama or kode}" + (f" Rp {format_rupiah(jumlah)}" if jumlah is not None else "")
                         for kode, nama, jumlah in value) or EMPTY
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def row_label(doc: DocRows, table: str, key) -> str:
    """How a row is named to the user: a plan row by its code and name (the data itself), the other
    rows by a :class:`~renja_desktop.errors.Msg` (Indonesian as a string, English in the window)."""
    t = doc.tables.get(table)
    if table == "document":
        return Msg("merge.row_document")
    if table == "meta":
        return Msg("merge.row_meta", key=key)
    if table == "declared_value":
        tabel, kode, kolom, _ = key
        return Msg("merge.row_declared", table=tabel, code=kode or "TOTAL", column=kolom)
    if t is None or key not in t.raw:
        return Msg("merge.row_unknown", table=table_text(table), id=str(key)[:8])
    row = dict(zip(t.columns, t.raw[key]))
    if table == "section":
        return Msg("merge.row_section", title=(row.get("judul") or "")[:60])
    if table in TREE_TABLES:
        nama = (row.get("nama") or "").strip()
        nama = nama if len(nama) <= 60 else nama[:59] + "…"
        kode = row.get("kode")
        if table == "plan_row" and kode:
            return f"{kode} {nama}".strip()
        name = f" {nama}" if nama else ""
        if table == "plan_row":
            return Msg("merge.row_no_code", name=name)
        return Msg("merge.row_eval", code=kode or Msg("merge.row_no_code", name=""), name=name)
    text = row.get("indikator") or row.get("program_kegiatan") or ""
    text = text if len(text) <= 50 else text[:49] + "…"
    return Msg("merge.row_list", table=table_text(table), text=text)


__all__ = ["DocRows", "TableRows", "load", "load_set", "LoadedSet", "ROW_TABLES", "TREE_TABLES", "ORDERED_TABLES", "VIRTUAL",
           "field_name", "field_text", "show_value", "row_label", "TABLE_NAMES", "TABLE_NAMES_EN", "table_text", "EMPTY"]
