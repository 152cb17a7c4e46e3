"""Stages of one Renja document: frozen, named, read-only states kept inside the file.

A Renja is written several times a year (Rancangan Awal, Rancangan, Rancangan Akhir, Penetapan,
later Perubahan 1, 2, ...) and Bappeda verifies each stage. :func:`freeze` stores the current
content rows as one compact blob in ``renja_stage`` (zlib-compressed JSON of the stored rows, per
table); the working state continues. :func:`compare` compares two stages, or a stage and the
working state, row by row and field by field, with the rolled-up pagu of every plan row on both
sides; :func:`perubahan_rows` turns that into the "Perubahan Renja" table (sebelum / sesudah /
selisih per program, kegiatan and sub kegiatan, with the reasons written as notes).

After Penetapan (or a frozen Perubahan) the document is locked: an edit is refused until a
Perubahan is started (:func:`start_perubahan`); the window asks, the command line says how.

Verification notes (:mod:`renja_desktop.notes`) hang on a plan row and a stage.
"""
from __future__ import annotations

import getpass
import json
import os
import zlib
from operator import itemgetter
from pathlib import Path
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .codes import KEGIATAN, PROGRAM, SUB_KEGIATAN
from .errors import Text
from .i18n import pick
from .compute import PlanTree
from .model import Stage, now_stamp
from .errors import EditError
from .stagefile import READ_ONLY_TRIGGER

if TYPE_CHECKING:  # pragma: no cover
    from .service import RenjaDocument

#: default stage names, in order
DEFAULT_NAMES = ("Rancangan Awal", "Rancangan", "Rancangan Akhir", "Penetapan")
#: the tables a stage keeps (the document's content; ``meta`` is the file's bookkeeping)
STAGE_TABLES = ("document", "plan_row", "indikator", "sumber_dana", "eval_row", "pelayanan", "usulan",
                "declared_value")
#: tables of this module and of :mod:`.notes` / :mod:`.renstra` (schema version 2)
NOW = "sekarang"
FORMAT = 1

#: meta keys: the document is locked after Penetapan; the Perubahan being written
KEY_LOCKED = "renja.tahap.terkunci"     # the name of the stage that fixed the document
KEY_NEXT = "renja.tahap.berikut"        # the Perubahan an edit of the fixed document would start
KEY_PERUBAHAN = "renja.tahap.perubahan"
#: meta key of a stage opened as its own read-only file (printing shows it)
KEY_STAGE_VIEW = "renja.tahap.nama"

NOT_COMPARED = {"id", "position", "modified_at", "created_at"}
IND_FIELDS = ("teks", "target", "satuan", "target_n1")
SD_FIELDS = ("kode", "nama", "jumlah")
MONEY_FIELDS = {"pagu", "pagu_n1", "rkpd_pagu", "jumlah", "nilai"} | {f"rp_{c}" for c in (5, 6, 7, 8, 9, 10, 11, 12)}


class StageError(EditError):
    """A refused stage operation; the message is Indonesian and says what is wrong."""


def current_user() -> str:
    """The operating-system user name (who froze a stage, who wrote a note)."""
    for var in ("RENJA_DESKTOP_USER",):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system
        return ""


# ------------------------------------------------------------------------------- schema
def has_tables(doc: "RenjaDocument") -> bool:
    """Whether the file has the stage tables (a version-1 file opened read-only has not; opened for
    writing it is upgraded first, see renja_desktop/schema.py)."""
    rows = doc.conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='renja_stage'").fetchone()
    return bool(rows[0])


# ------------------------------------------------------------------------------- reading rows
def _read_tables(conn) -> dict[str, dict]:
    out = {}
    for name in STAGE_TABLES:
        cur = conn.exec_driver_sql(f'SELECT * FROM "{name}"').cursor
        columns = [d[0] for d in cur.description]
        out[name] = {"columns": columns, "rows": cur.fetchall()}
        cur.close()
    return out


def current_tables(doc: "RenjaDocument") -> dict[str, dict]:
    """The working state's stored rows, as a stage keeps them."""
    tables = _read_tables(doc.conn)
    if not doc._batch_depth:
        doc.conn.rollback()
    return tables


def encode(tables: dict[str, dict]) -> bytes:
    payload = {"format": FORMAT, "tables": {k: {"columns": v["columns"], "rows": v["rows"]}  # tuples: arrays
                                            for k, v in tables.items()}}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def decode(blob: bytes) -> dict[str, dict]:
    try:
        payload = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, ValueError, UnicodeDecodeError) as exc:
        raise StageError("stage.unreadable", reason=exc) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise StageError("stage.format")
    return payload["tables"]


# ------------------------------------------------------------------------------- stages
@dataclass
class StageInfo:
    id: str
    nama: str
    urutan: int
    tahun: int | None
    dibuat_at: str
    oleh: str
    keterangan: str
    jumlah_baris: int
    total_pagu: int
    document_id: str

    def as_dict(self) -> dict:
        return {"nama": self.nama, "urutan": self.urutan, "tahun": self.tahun, "dibuat_at": self.dibuat_at,
                "oleh": self.oleh, "keterangan": self.keterangan, "jumlah_baris": self.jumlah_baris,
                "total_pagu": self.total_pagu, "id": self.id}


_INFO_COLUMNS = "id, nama, urutan, tahun, dibuat_at, oleh, keterangan, jumlah_baris, total_pagu, document_id"


def list_stages(doc: "RenjaDocument") -> list[StageInfo]:
    """This document's stages in the order they were frozen."""
    if not has_tables(doc):
        return []
    rows = doc.conn.exec_driver_sql(
        f"SELECT {_INFO_COLUMNS} FROM renja_stage WHERE document_id = ? ORDER BY urutan, dibuat_at",
        (doc.document_id,)).fetchall()
    if not doc._batch_depth:
        doc.conn.rollback()
    return [StageInfo(*r) for r in rows]


def find_stage(doc: "RenjaDocument", nama: str) -> StageInfo:
    wanted = _key(nama)
    stages = list_stages(doc)
    for s in stages:
        if _key(s.nama) == wanted:
            return s
    if has_tables(doc):
        other = doc.conn.exec_driver_sql(
            "SELECT count(*) FROM renja_stage WHERE document_id <> ? AND lower(trim(nama)) = ?",
            (doc.document_id, wanted)).fetchone()[0]
        doc.conn.rollback()
        if other:
            raise StageError("stage.other_document", nama=nama, name=doc.path.name)
    known = ", ".join(s.nama for s in stages) or "belum ada tahap"
    raise StageError("stage.missing", nama=nama, name=doc.path.name, known=known)


def _key(nama: str) -> str:
    return " ".join(nama.split()).lower()


def _next_perubahan(names: list[str]) -> str:
    used = {_key(n) for n in names}
    k = 1
    while _key(f"Perubahan {k}") in used:
        k += 1
    return f"Perubahan {k}"


def next_default_name(doc: "RenjaDocument") -> str:
    """The name the next freeze suggests: the next default stage, then Perubahan 1, 2, ..."""
    names = {_key(s.nama) for s in list_stages(doc)}
    if not any(is_lock_stage(n) for n in names):  # after Penetapan only Perubahan follow
        for n in DEFAULT_NAMES:
            if _key(n) not in names:
                return n
    k = 1
    while _key(f"Perubahan {k}") in names:
        k += 1
    return f"Perubahan {k}"


def is_lock_stage(nama: str) -> bool:
    key = _key(nama)
    return key == "penetapan" or key.startswith("perubahan")


def stage_tables(doc: "RenjaDocument", nama: str) -> dict[str, dict]:
    """The rows a stage kept (``sekarang``: the working state)."""
    if _key(nama) == NOW:
        return current_tables(doc)
    info = find_stage(doc, nama)
    blob = doc.conn.exec_driver_sql("SELECT data FROM renja_stage WHERE id = ?", (info.id,)).fetchone()[0]
    if not doc._batch_depth:
        doc.conn.rollback()
    return decode(blob)


def check_name(doc: "RenjaDocument", nama: str) -> str:
    clean = " ".join((nama or "").split())
    if not clean:
        raise StageError("stage.name_empty")
    if len(clean) > 80:
        raise StageError("stage.name_long", count=len(clean))
    if _key(clean) == NOW:
        raise StageError("stage.name_reserved", nama=clean)
    for s in list_stages(doc):
        if _key(s.nama) == _key(clean):
            raise StageError("stage.exists", nama=s.nama, date=s.dibuat_at[:10], by=s.oleh or "-")
    return clean


def freeze(doc: "RenjaDocument", nama: str, oleh: str | None = None, keterangan: str = "") -> StageInfo:
    """Freeze the current state as stage ``nama`` (one transaction). Refuses a name already used.
    Records its inverse (:func:`remove_stage`) while an operation runs (:class:`FreezeStage`)."""
    doc._writable_plain()
    nama = check_name(doc, nama)
    oleh = current_user() if oleh is None else oleh.strip()
    tables = current_tables(doc)
    blob = encode(tables)
    plan_rows = tables["plan_row"]
    lvl = plan_rows["columns"].index("level")
    pi = plan_rows["columns"].index("pagu")
    total = sum(r[pi] or 0 for r in plan_rows["rows"] if r[lvl] == SUB_KEGIATAN)
    stages = list_stages(doc)
    urutan = (max(s.urutan for s in stages) + 1) if stages else 1
    from .model import new_id

    info = StageInfo(new_id(), nama, urutan, doc.info.get("tahun"), now_stamp(), oleh, keterangan,
                     len(plan_rows["rows"]), total, doc.document_id)
    before = lock_state(doc)
    row = dict(id=info.id, document_id=info.document_id, nama=nama, urutan=urutan, tahun=info.tahun,
               dibuat_at=info.dibuat_at, oleh=oleh, keterangan=keterangan, jumlah_baris=info.jumlah_baris,
               total_pagu=total, data=blob, modified_at=info.dibuat_at)
    locks = is_lock_stage(nama)
    _insert_stage(doc, row, [], {KEY_LOCKED: nama if locks else None, KEY_PERUBAHAN: None,
                                 KEY_NEXT: _next_perubahan([s.nama for s in stages] + [nama]) if locks else None})
    doc._record("_call", "renja_desktop.stages:remove_stage", info.id, before)
    doc._emit_stage_change()
    return info


def _insert_stage(doc: "RenjaDocument", row: dict, notes: list[dict], meta: dict[str, str | None]) -> None:
    with doc._atomic():
        doc.conn.exec_driver_sql(READ_ONLY_TRIGGER)
        doc.conn.execute(Stage.__table__.insert().values(**row))
        if notes:
            from .model import VerificationNote

            doc.conn.execute(VerificationNote.__table__.insert(), notes)
        for key, value in meta.items():
            _set_meta(doc, key, value)


def insert_stage(doc: "RenjaDocument", row: dict, notes: list[dict], meta: dict[str, str | None]) -> None:
    """Put a removed stage back exactly, with its notes and the lock state it set (undo/redo)."""
    doc._writable_plain()
    before = lock_state(doc)
    _insert_stage(doc, row, notes, meta)
    doc._record("_call", "renja_desktop.stages:remove_stage", row["id"], before)
    doc._emit_stage_change()


def remove_stage(doc: "RenjaDocument", stage_id: str, meta: dict[str, str | None]) -> None:
    """Remove a stage (and its notes) and set the lock state to ``meta`` (the inverse of a freeze)."""
    doc._writable_plain()
    cur = doc.conn.exec_driver_sql("SELECT * FROM renja_stage WHERE id = ?", (stage_id,)).cursor
    names = [d[0] for d in cur.description]
    found = cur.fetchone()
    if found is None:
        raise StageError("stage.gone")
    row = dict(zip(names, found))
    cur = doc.conn.exec_driver_sql("SELECT * FROM catatan_verifikasi WHERE stage_id = ?", (stage_id,)).cursor
    names = [d[0] for d in cur.description]
    notes = [dict(zip(names, r)) for r in cur.fetchall()]
    before = lock_state(doc)
    with doc._atomic():
        doc.conn.exec_driver_sql("DELETE FROM catatan_verifikasi WHERE stage_id = ?", (stage_id,))
        doc.conn.exec_driver_sql("DELETE FROM renja_stage WHERE id = ?", (stage_id,))
        for key, value in meta.items():
            _set_meta(doc, key, value)
    doc._record("_call", "renja_desktop.stages:insert_stage", row, notes, before)
    doc._emit_stage_change()


def lock_state(doc: "RenjaDocument") -> dict[str, str | None]:
    return {k: doc.meta.get(k) for k in (KEY_LOCKED, KEY_PERUBAHAN, KEY_NEXT)}


def set_lock_state(doc: "RenjaDocument", state: dict[str, str | None]) -> None:
    """Set whether the document is fixed and which Perubahan is being written (records its inverse)."""
    doc._writable_plain()
    before = lock_state(doc)
    with doc._atomic():
        for key, value in state.items():
            _set_meta(doc, key, value)
    doc._record("_call", "renja_desktop.stages:set_lock_state", before)
    doc._emit_stage_change()


def _set_meta(doc: "RenjaDocument", key: str, value: str | None) -> None:
    doc.conn.exec_driver_sql("DELETE FROM meta WHERE key = ?", (key,))
    if value is None:
        doc.meta.pop(key, None)
    else:
        doc.conn.exec_driver_sql("INSERT INTO meta(key, value) VALUES (?, ?)", (key, value))
        doc.meta[key] = value


def is_locked(doc: "RenjaDocument") -> bool:
    return bool(doc.meta.get(KEY_LOCKED))


def start_perubahan(doc: "RenjaDocument") -> str:
    """Unlock a fixed document for the next Perubahan; returns its name (frozen later under it)."""
    nama = next_default_name(doc)
    set_lock_state(doc, {KEY_LOCKED: None, KEY_PERUBAHAN: nama, KEY_NEXT: None})
    return nama


# ------------------------------------------------------------------------------- operations
from .operations import Operation  # noqa: E402 - operations imports the service, as this module does


class FreezeStage(Operation):
    """Freeze the working state as a named stage (undo removes the stage again)."""

    def __init__(self, nama: str, oleh: str | None = None, keterangan: str = "", label: str = ""):
        super().__init__()
        self.nama, self.oleh, self.keterangan = nama, oleh, keterangan
        self.label = label or f"Bekukan tahap {nama}"

    def apply(self, doc: "RenjaDocument") -> StageInfo:
        return freeze(doc, self.nama, self.oleh, self.keterangan)


class StartPerubahan(Operation):
    """Unlock a fixed document for the next Perubahan (undo locks it again)."""

    def __init__(self, label: str = ""):
        super().__init__()
        self.label = label or "Mulai Perubahan Renja"

    def apply(self, doc: "RenjaDocument") -> str:
        if not is_locked(doc):
            raise StageError("stage.not_fixed")
        return start_perubahan(doc)


# ------------------------------------------------------------------------------- a stage as a file
def write_stage_file(doc: "RenjaDocument", nama: str, path) -> "Path":
    """Write stage ``nama`` as its own document file (to view or print it read-only).

    The file is marked with the stage's name (printed on every page: "RANCANGAN AWAL") and as
    read-only. Refuses to overwrite an existing file."""
    from .model import Base
    from .storage import create_file

    info = find_stage(doc, nama)
    tables = stage_tables(doc, info.nama)
    path = Path(path)
    engine = create_file(path)
    try:
        with engine.begin() as conn:
            raw = conn.connection.driver_connection
            for name in STAGE_TABLES:
                t = tables.get(name)
                if not t:
                    continue
                have = [c.name for c in Base.metadata.tables[name].columns]
                cols = [c for c in t["columns"] if c in have]
                idx = [t["columns"].index(c) for c in cols]
                names = ", ".join(f'"{c}"' for c in cols)
                marks = ", ".join("?" for _ in cols)
                raw.executemany(f'INSERT INTO "{name}" ({names}) VALUES ({marks})',
                                ([r[i] for i in idx] for r in t["rows"]))
            raw.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                            [(KEY_STAGE_VIEW, info.nama), ("renja.readonly", "1")])
    finally:
        engine.dispose()
    return path


# ------------------------------------------------------------------------------- compare
@dataclass
class FieldChange:
    isian: str
    sebelum: Any
    sesudah: Any

    def as_dict(self) -> dict:
        return {"isian": self.isian, "sebelum": _jsonable(self.sebelum), "sesudah": _jsonable(self.sesudah)}


@dataclass
class RowChange:
    tabel: str              # plan_row, eval_row, pelayanan, usulan, document, declared_value
    id: str
    jenis: str              # ditambah, dihapus, diubah
    kode: str
    nama: str
    level: int | None = None
    isian: list[FieldChange] = field(default_factory=list)
    pagu_sebelum: int | None = None
    pagu_sesudah: int | None = None

    @property
    def selisih(self) -> int | None:
        if self.pagu_sebelum is None and self.pagu_sesudah is None:
            return None
        return (self.pagu_sesudah or 0) - (self.pagu_sebelum or 0)

    def as_dict(self) -> dict:
        d = {"tabel": self.tabel, "id": self.id, "jenis": self.jenis, "kode": self.kode, "nama": self.nama,
             "level": self.level, "isian": [f.as_dict() for f in self.isian]}
        if self.tabel == "plan_row":
            d.update(pagu_sebelum=self.pagu_sebelum, pagu_sesudah=self.pagu_sesudah, selisih=self.selisih)
        return d


@dataclass
class Comparison:
    a: str
    b: str
    changes: list[RowChange]
    total_sebelum: int
    total_sesudah: int
    #: the plan rows of both sides (their rolled-up pagu), for :attr:`plan`
    sides: tuple = ()

    @property
    def plan(self) -> list[tuple]:
        """Plan rows of both sides, in code order: (id, kode, nama, level, parent_id, pagu A, pagu B,
        only in B). Made when asked (the Perubahan Renja table), not for every comparison."""
        if not self.sides:
            return []
        pa, pb = self.sides
        out = []
        for k in set(pa.rows) | set(pb.rows):
            side = pb if k in pb.rows else pa
            out.append((k, side.kode(k), side.nama(k), side.level(k), side.parent[k],
                        pa.sums[k] if k in pa.rows else None, pb.sums[k] if k in pb.rows else None,
                        k not in pa.rows))
        out.sort(key=lambda r: (_code_key(r[1]), r[2], r[0]))
        return out

    @property
    def selisih(self) -> int:
        return self.total_sesudah - self.total_sebelum

    def as_dict(self) -> dict:
        counts = {k: sum(1 for c in self.changes if c.jenis == k) for k in ("ditambah", "dihapus", "diubah")}
        return {"sebelum": self.a, "sesudah": self.b, "total_pagu_sebelum": self.total_sebelum,
                "total_pagu_sesudah": self.total_sesudah, "selisih": self.selisih, "jumlah": counts,
                "perubahan": [c.as_dict() for c in self.changes]}


def _jsonable(v):
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    return v


def _rows_by_id(t: dict) -> tuple[list[str], dict[str, tuple]]:
    return t["columns"], {r[0]: r for r in map(tuple, t["rows"])}


def _children_lists(t: dict, fields: tuple, only: set) -> dict[str, tuple]:
    cols = t["columns"]
    ri, pi = cols.index("row_id"), cols.index("position")
    idx = [cols.index(f) for f in fields]
    groups: dict[str, list] = {}
    for r in t["rows"]:
        if r[ri] in only:
            groups.setdefault(r[ri], []).append(r)
    return {k: tuple(tuple(r[i] for i in idx) for r in sorted(v, key=lambda r: (r[pi] or 0, r[0])))
            for k, v in groups.items()}


def _changed_owners(a: dict, b: dict, fields: tuple) -> set:
    """Plan rows whose indicators (or funding) differ: the owners of the rows found on one side only."""
    if a["columns"] == b["columns"]:  # the usual case: whole stored rows compared in C, then narrowed
        ri = a["columns"].index("row_id")
        odd = set(map(tuple, a["rows"])) ^ set(map(tuple, b["rows"]))
        return {r[ri] for r in odd}
    sides = []
    for t in (a, b):
        cols = t["columns"]
        pick = itemgetter(cols.index("row_id"), cols.index("position"), *[cols.index(f) for f in fields])
        sides.append(set(map(pick, t["rows"])))
    return {r[0] for r in sides[0] ^ sides[1]}


def plan_tree(t: dict) -> PlanTree:
    """A stage's plan rows as a computed tree (to show it)."""
    cols = t["columns"]
    tree = PlanTree()
    tree.load([dict(zip(cols, r)) for r in t["rows"]])
    return tree


class _Plan:
    """The plan rows of one side: by id, parents, and every row's rolled-up pagu (money on leaves)."""

    def __init__(self, t: dict):
        cols = t["columns"]
        self.cols = cols
        self.rows = {r[0]: r for r in map(tuple, t["rows"])}
        pi, li, gi = cols.index("parent_id"), cols.index("level"), cols.index("pagu")
        self.pi, self.li, self.ki, self.ni = pi, li, cols.index("kode"), cols.index("nama")
        self.parent = dict(zip(self.rows, map(itemgetter(pi), self.rows.values())))
        sums = dict.fromkeys(self.rows, 0)
        total = 0
        parent = self.parent
        for k, r in self.rows.items():
            if r[li] == SUB_KEGIATAN and r[gi]:
                v = r[gi]
                total += v
                p = k
                seen = 0
                while p is not None and p in sums and seen < 12:
                    sums[p] += v
                    p = parent.get(p)
                    seen += 1
        self.sums = sums
        self.total = total

    def kode(self, k: str) -> str:
        return self.rows[k][self.ki] or ""

    def nama(self, k: str) -> str:
        return self.rows[k][self.ni] or ""

    def level(self, k: str) -> int:
        return self.rows[k][self.li]


def _code_key(kode: str) -> tuple:
    return tuple(int(x) if x.isdigit() else -1 for x in kode.split(".")) if kode else (10 ** 9,)


def compare_tables(a: dict[str, dict], b: dict[str, dict], name_a: str, name_b: str) -> Comparison:
    """Row by row, field by field, matched by the rows' ids (never by name or code)."""
    a_doc = a["document"]["rows"][0][0] if a["document"]["rows"] else None
    b_doc = b["document"]["rows"][0][0] if b["document"]["rows"] else None
    if a_doc != b_doc:
        raise StageError("stage.two_documents", a=name_a, b=name_b)
    pa, pb = _Plan(a["plan_row"]), _Plan(b["plan_row"])
    changes: list[RowChange] = []
    for table in ("document", "plan_row", "eval_row", "pelayanan", "usulan"):
        changes += _compare_table(table, a, b, pa, pb)
    return Comparison(name_a, name_b, changes, pa.total, pb.total, (pa, pb))


def _compare_table(table: str, a: dict, b: dict, pa: _Plan, pb: _Plan) -> list[RowChange]:
    if table == "plan_row":
        cols_a, rows_a, cols_b, rows_b = pa.cols, pa.rows, pb.cols, pb.rows
    else:
        cols_a, rows_a = _rows_by_id(a[table])
        cols_b, rows_b = _rows_by_id(b[table])
    fields = [c for c in cols_b if c not in NOT_COMPARED and c in cols_a]
    ia = [cols_a.index(f) for f in fields]
    ib = [cols_b.index(f) for f in fields]
    virtual = {}
    owners: set = set()
    if table == "plan_row":
        for name, vf in (("indikator", IND_FIELDS), ("sumber_dana", SD_FIELDS)):
            own = _changed_owners(a[name], b[name], vf)
            owners |= own
            virtual[name] = (_children_lists(a[name], vf, own), _children_lists(b[name], vf, own))
    out = []

    def label(cols, row) -> tuple[str, str, int | None]:
        d = dict(zip(cols, row))
        if table == "document":
            return "", "Identitas dokumen", None
        text = d.get("nama") or d.get("indikator") or d.get("program_kegiatan") or ""
        return d.get("kode") or "", text, d.get("level")

    get_a, get_b = itemgetter(*ia), itemgetter(*ib)

    def same(ra, rb) -> bool:  # the whole stored row first (C), the compared fields when it differs
        return ra == rb or get_a(ra) == get_b(rb)

    keys = [k for k, rb in rows_b.items() if k in owners or (ra := rows_a.get(k)) is None or not same(ra, rb)]
    keys += [k for k in rows_a if k not in rows_b]
    if table == "plan_row":
        def order(k):
            side = pb if k in pb.rows else pa
            return (_code_key(side.kode(k)), k)
        keys.sort(key=order)
    for key in keys:
        ra, rb = rows_a.get(key), rows_b.get(key)
        if ra is None:
            kode, nama, level = label(cols_b, rb)
            ch = RowChange(table, key, "ditambah", kode, nama, level)
        elif rb is None:
            kode, nama, level = label(cols_a, ra)
            ch = RowChange(table, key, "dihapus", kode, nama, level)
        else:
            kode, nama, level = label(cols_b, rb)
            ch = RowChange(table, key, "diubah", kode, nama, level)
            for f, x, y in zip(fields, ia, ib):
                if ra[x] != rb[y]:
                    ch.isian.append(FieldChange(f, ra[x], rb[y]))
            for f, (va, vb) in virtual.items():
                if va.get(key, ()) != vb.get(key, ()):
                    ch.isian.append(FieldChange(f, va.get(key, ()), vb.get(key, ())))
            if not ch.isian:
                continue  # only the order or the stamp moved
        if table == "plan_row":
            ch.pagu_sebelum = pa.sums[key] if key in pa.rows else None
            ch.pagu_sesudah = pb.sums[key] if key in pb.rows else None
        out.append(ch)
    return out


def compare(doc: "RenjaDocument", a: str, b: str = NOW) -> Comparison:
    """Compare stage ``a`` with stage ``b`` (``sekarang``: the working state)."""
    ta = stage_tables(doc, a)
    tb = stage_tables(doc, b)
    na = a if _key(a) == NOW else find_stage(doc, a).nama
    nb = b if _key(b) == NOW else find_stage(doc, b).nama
    return compare_tables(ta, tb, na, nb)


# ------------------------------------------------------------------------------- Perubahan Renja
@dataclass
class PerubahanRow:
    id: str
    kode: str
    nama: str
    level: int
    sebelum: int | None
    sesudah: int | None
    keterangan: str

    @property
    def selisih(self) -> int:
        return (self.sesudah or 0) - (self.sebelum or 0)

    def as_dict(self) -> dict:
        return {"kode": self.kode, "nama": self.nama, "level": self.level, "sebelum": self.sebelum,
                "sesudah": self.sesudah, "selisih": self.selisih, "keterangan": self.keterangan}


#: the fields a comparison names (Indonesian for the printed Perubahan, English for the English window)
FIELD_LABELS = {
    "kode": Text("kode", "code"), "nama": Text("nama", "name"), "outcome": Text("outcome/keluaran", "outcome/output"),
    "lokasi": Text("lokasi", "location"), "pagu": Text("pagu", "budget"), "pagu_n1": Text("pagu n+1", "budget n+1"),
    "catatan": Text("catatan", "note"), "penanggung_jawab": Text("penanggung jawab", "responsible unit"),
    "indikator": Text("indikator/target", "indicator/target"), "sumber_dana": Text("sumber dana", "funding source"),
    "parent_id": Text("letak", "place"), "rkpd_pagu": Text("pagu RKPD", "RKPD budget"),
    "rkpd_nama": Text("nama RKPD", "RKPD name"), "rkpd_lokasi": Text("lokasi RKPD", "RKPD location"),
    "rkpd_indikator": Text("indikator RKPD", "RKPD indicator"), "rkpd_target": Text("target RKPD", "RKPD target"),
    "rkpd_catatan": Text("catatan RKPD", "RKPD note"),
}


def field_word(key: str, lang: str | None = None) -> str:
    """A compared field's name in ``lang`` (bawaan: the current language)."""
    word = FIELD_LABELS.get(key)
    return pick(word.id, word.en, lang) if word else key.replace("_", " ")


def perubahan_rows(cmp: Comparison, reasons: dict[str, list[str]] | None = None,
                   all_rows: bool = False) -> list[PerubahanRow]:
    """The "Perubahan Renja" table: program, kegiatan and sub kegiatan rows whose content changed
    (with their program and kegiatan), pagu sebelum / sesudah / selisih, what changed and why."""
    reasons = reasons or {}
    changed = {c.id: c for c in cmp.changes if c.tabel == "plan_row"}
    parents = {row[0]: row[4] for row in cmp.plan}
    keep: set[str] = set()
    for rid in changed:
        k = rid
        while k is not None:
            keep.add(k)
            k = parents.get(k)
    out = []
    for rid, kode, nama, level, _parent, pa, pb, _only in cmp.plan:
        if level not in (PROGRAM, KEGIATAN, SUB_KEGIATAN):
            continue
        if not all_rows and rid not in keep:
            continue
        notes = []
        ch = changed.get(rid)
        if ch is not None:
            if ch.jenis == "ditambah":
                notes.append("baru")
            elif ch.jenis == "dihapus":
                notes.append("dihapus")
            else:
                what = [field_word(f.isian, "id") for f in ch.isian]
                notes.append("diubah: " + ", ".join(what))
        why = reasons.get(rid, [])
        text = "; ".join(notes)
        if why:
            text = (text + ". " if text else "") + "Alasan: " + "; ".join(why)
        out.append(PerubahanRow(rid, kode, nama, level, pa, pb, text))
    return out


__all__ = [
    "DEFAULT_NAMES", "StageError", "StageInfo", "freeze", "remove_stage", "insert_stage", "list_stages",
    "find_stage", "compare", "compare_tables", "Comparison", "RowChange", "perubahan_rows", "PerubahanRow",
    "next_default_name", "start_perubahan", "set_lock_state", "is_locked", "current_user", "NOW",
    "FreezeStage", "StartPerubahan", "write_stage_file", "plan_tree",
]
