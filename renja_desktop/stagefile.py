"""Stages, verification notes and the Renstra at the level of the file (no document open).

The exchange uses these: a copy's content hash covers the tables (:func:`hash_optional_tables`), a
merge keeps what the other copy froze and wrote (:func:`merge_extra_tables`), a consolidation keeps
every source's stages (:func:`carry_stages`) and ``diff`` names what differs
(:func:`extra_differences`). The tables themselves are in :mod:`renja_desktop.model`; the
document-level operations on them in :mod:`renja_desktop.stages`, :mod:`.notes` and :mod:`.renstra`.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.request import pathname2url

#: the tables of stages, notes and the Renstra (schema version 2)
EXTRA_TABLES = ("renja_stage", "catatan_verifikasi", "renstra_row", "renstra_nilai")
#: content tables hashed only when they hold rows, so a file without them and a file with them
#: empty name the same version
OPTIONAL_CONTENT_TABLES = EXTRA_TABLES
#: frozen stages are never changed (only added, or removed by an undo); made with the first freeze
READ_ONLY_TRIGGER = ("CREATE TRIGGER IF NOT EXISTS renja_stage_read_only BEFORE UPDATE ON renja_stage "
                     "BEGIN SELECT RAISE(ABORT, 'tahap yang dibekukan hanya-baca'); END")


def _key(nama: str) -> str:
    return " ".join((nama or "").split()).lower()


def hash_optional_tables(conn: sqlite3.Connection, h) -> None:
    """Feed the rows of the non-empty stage, note and Renstra tables into the content hash ``h``."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    dumps = json.dumps
    for table in OPTIONAL_CONTENT_TABLES:
        if table not in present:
            continue
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        if not rows:
            continue
        for row in rows:
            h.update(dumps([len(x) if isinstance(x, bytes) else x for x in row], default=str,
                           ensure_ascii=False).encode("utf-8"))
            for x in row:
                if isinstance(x, bytes):
                    h.update(x)
        h.update(table.encode())


def _read_extra(path, tables: tuple[str, ...]) -> dict[str, tuple[list[str], list[tuple], str]]:
    """Rows and CREATE statements of the stage/note/Renstra tables in a copy (read-only)."""
    out = {}
    conn = sqlite3.connect(f"file:{pathname2url(str(Path(path).resolve()))}?mode=ro", uri=True)
    try:
        ddl = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
        for name in tables:
            if name not in ddl:
                continue
            cur = conn.execute(f'SELECT * FROM "{name}"')
            out[name] = ([d[0] for d in cur.description], cur.fetchall(), ddl[name])
    except sqlite3.DatabaseError:
        return {}
    finally:
        conn.close()
    return out


def _ensure_raw(conn, name: str, ddl: str) -> list[str]:
    have = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
    if not have:
        conn.execute(ddl)
        have = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
    if name == "renja_stage":
        conn.execute(READ_ONLY_TRIGGER)
    return have


def _insert_raw(conn, name: str, have: list[str], cols: list[str], row: tuple, replace: bool = False) -> None:
    use = [c for c in cols if c in have]
    idx = [cols.index(c) for c in use]
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    conn.execute(f'{verb} INTO "{name}" ({", ".join(use)}) VALUES ({", ".join("?" for _ in use)})',
                 [row[i] for i in idx])


def merge_extra_tables(conn, theirs_path) -> list[str]:
    """A merge keeps what the other copy froze and wrote: its stages (a stage is never changed, so
    the union is the answer; the same name frozen separately on both sides keeps both, theirs
    renamed), its notes (the newer version of a note edited on both sides) and, when this copy has
    no Renstra, its Renstra. ``conn`` is the merge result (sqlite3, inside its transaction)."""
    theirs = _read_extra(theirs_path, EXTRA_TABLES)
    lines: list[str] = []
    if "renja_stage" in theirs:
        cols, rows, ddl = theirs["renja_stage"]
        have = _ensure_raw(conn, "renja_stage", ddl)
        mine = {r[0]: (r[1], _key(r[2])) for r in conn.execute("SELECT id, document_id, nama FROM renja_stage")}
        names = set(mine.values())
        ii, di, ni = cols.index("id"), cols.index("document_id"), cols.index("nama")
        for r in rows:
            if r[ii] in mine:
                continue
            r = list(r)
            if (r[di], _key(r[ni])) in names:
                r[ni] = f"{r[ni]} (salinan {Path(theirs_path).stem})"
                lines.append(f"Tahap '{r[ni]}' dibekukan di kedua salinan: keduanya disimpan.")
            names.add((r[di], _key(r[ni])))
            _insert_raw(conn, "renja_stage", have, cols, tuple(r))
    if "catatan_verifikasi" in theirs:
        cols, rows, ddl = theirs["catatan_verifikasi"]
        have = _ensure_raw(conn, "catatan_verifikasi", ddl)
        mine = dict(conn.execute("SELECT id, modified_at FROM catatan_verifikasi").fetchall())
        ii, mi = cols.index("id"), cols.index("modified_at")
        for r in rows:
            if r[ii] not in mine or (r[mi] or "") > (mine[r[ii]] or ""):
                _insert_raw(conn, "catatan_verifikasi", have, cols, r, replace=True)
    if "renstra_row" in theirs and theirs["renstra_row"][1]:
        mine_has = False
        try:
            mine_has = conn.execute("SELECT count(*) FROM renstra_row").fetchone()[0] > 0
        except Exception:  # noqa: BLE001 - no such table yet
            mine_has = False
        if not mine_has:
            for name in ("renstra_row", "renstra_nilai"):
                if name in theirs:
                    cols, rows, ddl = theirs[name]
                    have = _ensure_raw(conn, name, ddl)
                    for r in rows:
                        _insert_raw(conn, name, have, cols, r)
            lines.append("Renstra diambil dari salinan lain (salinan ini belum memilikinya).")
    return lines


def carry_stages(conn, source_path) -> None:
    """Consolidation keeps every source's stages and notes (each under its own document id)."""
    theirs = _read_extra(source_path, ("renja_stage", "catatan_verifikasi"))
    for name, (cols, rows, ddl) in theirs.items():
        have = _ensure_raw(conn, name, ddl)
        for r in rows:
            _insert_raw(conn, name, have, cols, r, replace=True)


def extra_differences(path_a, path_b) -> list[str]:
    """What two copies of one document hold differently in stages, notes and Renstra (for ``diff``)."""
    tables = ("renja_stage", "catatan_verifikasi", "renstra_row", "renstra_nilai")
    a, b = _read_extra(path_a, tables), _read_extra(path_b, tables)
    out: list[str] = []

    def rows(side, name):
        if name not in side:
            return {}
        cols, data, _ = side[name]
        mi = cols.index("modified_at") if "modified_at" in cols else None
        return {r[0]: tuple(x for i, x in enumerate(r) if i != mi) for r in data}

    sa, sb = rows(a, "renja_stage"), rows(b, "renja_stage")
    name_i = a.get("renja_stage", b.get("renja_stage", ([], [], "")))[0]
    ni = name_i.index("nama") if "nama" in name_i else 2
    for label, mine, other in (("A", sa, sb), ("B", sb, sa)):
        for k, r in mine.items():
            if k not in other:
                out.append(f"  + tahap '{r[ni]}' hanya ada di {label}")
    na, nb = rows(a, "catatan_verifikasi"), rows(b, "catatan_verifikasi")
    only_a = sum(1 for k in na if k not in nb)
    only_b = sum(1 for k in nb if k not in na)
    changed = sum(1 for k in na if k in nb and na[k] != nb[k])
    if only_a or only_b or changed:
        out.append(f"  ~ catatan verifikasi: {only_a} hanya di A, {only_b} hanya di B, {changed} berbeda")

    def renstra(side):
        r = side.get("renstra_row", ([], [], ""))
        v = side.get("renstra_nilai", ([], [], ""))
        if not r[1]:
            return None
        ci = r[0].index("kode")
        vi = [v[0].index(c) for c in ("tahun", "target", "anggaran")] if v[1] else []
        by_row = {}
        for x in v[1]:
            by_row.setdefault(x[v[0].index("row_id")], []).append(tuple(x[i] for i in vi))
        return sorted((row[ci], tuple(sorted(by_row.get(row[0], [])))) for row in r[1])

    ra, rb = renstra(a), renstra(b)
    if ra != rb:
        if ra is None or rb is None:
            out.append(f"  + Renstra hanya ada di {'A' if rb is None else 'B'}")
        else:
            out.append("  ~ Renstra berbeda")
    return out
