"""Recovery of what can still be read from a damaged document into a new file, with a report.

The damaged file is never written to: it is copied to a local temporary folder (with its crash
journal, if any, which SQLite then rolls back on the copy) and read from there. Each table is read
row by row in rowid order; when a damaged page stops the scan, the reader jumps past it (seeking
to ever larger rowids, then narrowing back down to the first readable one) and carries on, so one
bad page costs only the rows on it. The indexes of a table (its ``id`` index, the code index) are
read too: they tell how many rows there were and, for the plan rows, the codes of those lost.

The rows saved go into a fresh document file with the current schema. A plan or evaluation row
whose parent was lost is kept at the top level; an indicator or funding source whose row was lost
cannot be placed and is listed. The report (:class:`RecoveryReport`) says all of it, in Indonesian or English.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import codes, paths
from ..errors import Msg, Text, joined
from ..model import Base, new_id, now_stamp
from .. import rowcheck
from ..stagefile import EXTRA_TABLES
from ..storage import SQLITE_MAGIC, DocumentFileError, create_file, inspect_file, journal_belongs
from . import fsutil
from .errors import ExchangeError
from .sqlitefile import KEY_DIGEST, KEY_TOKEN

#: tables in the order they are written (parents first)
TABLE_ORDER = ("document", "plan_row", "indikator", "sumber_dana", "eval_row", "pelayanan", "usulan",
               "section", "declared_value", "renstra_row", "renstra_nilai", "renja_stage", "catatan_verifikasi",
               "meta")
#: tables whose rows hang under a parent row of the same table (a lost parent: the row moves to the top)
TREE_TABLES = ("plan_row", "eval_row", "section", "renstra_row")
#: rows that belong to a row of another table (that row lost: they cannot be placed)
OWNED_BY = {"indikator": "plan_row", "sumber_dana": "plan_row", "renstra_nilai": "renstra_row"}
#: what each table holds, in the report (Indonesian and English)
TABLE_LABELS = {
    "document": Text("identitas dokumen", "document identity"),
    "plan_row": Text("baris rencana (Tabel 3.1/4.1)", "plan rows (Table 3.1/4.1)"),
    "indikator": Text("indikator", "indicators"), "sumber_dana": Text("sumber dana", "funding sources"),
    "eval_row": Text("baris evaluasi (Tabel 2.1)", "evaluation rows (Table 2.1)"),
    "pelayanan": Text("Tabel 2.2", "Table 2.2"), "usulan": Text("Tabel 2.4", "Table 2.4"),
    "declared_value": Text("nilai tercetak (audit)", "printed values (audit)"),
    "meta": Text("catatan berkas", "file records"), "section": Text("bagian naskah (bab)", "chapter sections"),
    "renstra_row": Text("baris Renstra", "Renstra rows"),
    "renstra_nilai": Text("target dan anggaran Renstra per tahun", "Renstra targets and budgets per year"),
    "renja_stage": Text("tahap Renja (potret)", "Renja stages (snapshots)"),
    "catatan_verifikasi": Text("catatan verifikasi", "verification notes"),
}
#: the row an owned row belongs to, in the report (the Indonesian as in :data:`TABLE_LABELS`)
OWNER_WORDS = {"plan_row": Text(TABLE_LABELS["plan_row"].id, "plan row"),
               "renstra_row": Text(TABLE_LABELS["renstra_row"].id, "Renstra row")}
ROWID_LIMIT = 2 ** 62


@dataclass
class TableSalvage:
    table: str
    saved: int = 0
    expected: int | None = None          # how many rows the table's index says there were
    read_errors: int = 0
    dropped: list[str] = field(default_factory=list)      # why rows read could not be placed
    lost_codes: list[str] = field(default_factory=list)   # plan/eval codes of rows not read
    unreadable: str = ""                  # the whole table could not be read

    @property
    def lost(self) -> int | None:
        if self.expected is None:
            return None
        return max(0, self.expected - self.saved)


@dataclass
class RecoveryReport:
    source: Path
    output: Path
    tables: dict[str, TableSalvage] = field(default_factory=dict)
    document_id: str | None = None
    identity_recovered: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.identity_recovered and all(
            (t.lost in (0, None)) and not t.read_errors and not t.dropped and not t.unreadable
            for t in self.tables.values())

    def lines(self, lang: str | None = "id") -> list[str]:
        """The report, in ``lang`` (bawaan: Indonesian, the command line's)."""
        def say(key: str, **params) -> str:
            return Msg(key, **params).message(lang)

        out = [say("recover.title", name=self.source.name, output=self.output)]
        for name in TABLE_ORDER:
            t = self.tables.get(name)
            if t is None:
                continue
            label = TABLE_LABELS[name]
            if t.unreadable:
                out.append(say("recover.unreadable", table=label, reason=t.unreadable))
                continue
            if t.expected is not None:
                text = say("recover.saved_of", table=label, saved=t.saved, expected=t.expected)
                if t.lost:
                    text += say("recover.lost", count=t.lost)
            else:
                text = say("recover.saved", table=label, saved=t.saved)
            if t.read_errors:
                text += say("recover.skipped", count=t.read_errors)
            out.append(text)
            if t.lost_codes:
                shown = ", ".join(t.lost_codes[:20]) + (" ..." if len(t.lost_codes) > 20 else "")
                out.append(say("recover.lost_codes", codes=shown))
            for d in t.dropped[:20]:
                out.append(say("recover.unplaced", what=d))
            if len(t.dropped) > 20:
                out.append(say("recover.more", count=len(t.dropped) - 20))
        for n in self.notes:
            out.append(say("recover.note", note=n))
        out.append(say("recover.complete" if self.complete else "recover.partial"))
        return out

    def as_dict(self) -> dict:
        return {
            "sumber": str(self.source), "hasil": str(self.output), "document_id": self.document_id,
            "identitas_terselamatkan": self.identity_recovered, "lengkap": self.complete,
            "tabel": {k: {"terselamatkan": v.saved, "semula": v.expected, "hilang": v.lost,
                          "bagian_rusak": v.read_errors, "tidak_ditempatkan": v.dropped,
                          "kode_hilang": v.lost_codes, "tidak_terbaca": v.unreadable}
                      for k, v in self.tables.items()},
            "catatan": self.notes,
        }


def _columns(table: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[table].columns]


def _scan(conn: sqlite3.Connection, table: str, cols: list[str], ts: TableSalvage) -> dict[int, tuple]:
    """Read every readable row of ``table`` by rowid, jumping over damaged pages."""
    rows: dict[int, tuple] = {}
    select = ", ".join(f'"{c}"' for c in cols)
    try:
        upper = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        upper = None
    pos = -ROWID_LIMIT
    stuck = 0
    while True:
        before = pos
        try:
            for row in conn.execute(f"SELECT rowid, {select} FROM {table} WHERE rowid > ? ORDER BY rowid", (pos,)):
                rows[row[0]] = row[1:]
                pos = row[0]
            return rows
        except sqlite3.DatabaseError:
            ts.read_errors += 1
            if pos == before and before != -ROWID_LIMIT:
                stuck += 1
                if stuck > 3:
                    pos += 1
        # find the smallest jump past the damage from which reading works again
        limit = upper if upper is not None and upper > pos else pos + 2 ** 24
        start = max(pos, 0) if pos == -ROWID_LIMIT else pos
        step, good = 1, None
        while start + step <= limit + 1:
            if _probe(conn, table, start + step):
                good = start + step
                break
            step *= 2
        if good is None:
            return rows
        lo, hi = start + step // 2, good  # probe(lo) failed (or is the start), probe(hi) works
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if _probe(conn, table, mid):
                hi = mid
            else:
                lo = mid
        pos = hi
        if _next_rowid(conn, table, pos) is None:
            return rows


def _probe(conn: sqlite3.Connection, table: str, after: int) -> bool:
    try:
        cur = conn.execute(f"SELECT * FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1", (after,))
        cur.fetchone()
        return True
    except sqlite3.DatabaseError:
        return False


def _next_rowid(conn, table, after):
    try:
        r = conn.execute(f"SELECT rowid FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1", (after,)).fetchone()
        return r[0] if r else None
    except sqlite3.DatabaseError:
        return None


def _index_map(conn: sqlite3.Connection, table: str, index: str, column: str) -> dict[int, str]:
    out: dict[int, str] = {}
    try:
        for rowid, value in conn.execute(f"SELECT rowid, {column} FROM {table} INDEXED BY {index}"):
            out[rowid] = value
    except sqlite3.DatabaseError:
        pass
    return out


def _lost_structure(conn: sqlite3.Connection, table: str, rows: dict[int, tuple]) -> dict[str, dict]:
    """What the indexes still know of rows that could not be read: {id: {kode, parent_id}}."""
    auto = next((r[1] for r in conn.execute(f"PRAGMA index_list({table})")
                 if r[1].startswith("sqlite_autoindex_")), None)
    if auto is None:
        return {}
    ids = _index_map(conn, table, auto, "id")
    kodes = _index_map(conn, table, f"ix_{table}_kode", "kode")
    parents = _index_map(conn, table, f"ix_{table}_parent_id", "parent_id")
    return {rid_id: {"kode": kodes.get(rowid) or "", "parent_id": parents.get(rowid)}
            for rowid, rid_id in ids.items() if rowid not in rows}


def _index_facts(conn: sqlite3.Connection, table: str) -> tuple[int | None, dict[int, str]]:
    """(row count according to the table's id index, {rowid: kode} from the code index)."""
    expected = None
    try:
        indexes = [r[1] for r in conn.execute(f"PRAGMA index_list({table})")]
    except sqlite3.DatabaseError:
        indexes = []
    for name in indexes:
        if name.startswith("sqlite_autoindex_"):
            try:
                expected = conn.execute(f"SELECT count(*) FROM {table} INDEXED BY {name}").fetchone()[0]
                break
            except sqlite3.DatabaseError:
                continue
    codes: dict[int, str] = {}
    if f"ix_{table}_kode" in indexes:
        try:
            for rowid, kode in conn.execute(f"SELECT rowid, kode FROM {table} INDEXED BY ix_{table}_kode"):
                codes[rowid] = kode
        except sqlite3.DatabaseError:
            pass
    return expected, codes


def recover(bad: str | os.PathLike, out: str | os.PathLike) -> RecoveryReport:
    """Save what can be read of ``bad`` into the new document ``out``; return the report."""
    bad, out = Path(bad), Path(out)
    if not bad.exists():
        raise ExchangeError("missing", "file.missing", bad, name=bad.name)
    if out.exists():
        raise ExchangeError("exists", "exchange.result_exists", out, name=out.name)
    if not out.parent.is_dir():
        raise ExchangeError("no_folder", "file.no_folder", out, folder=out.parent)
    with open(bad, "rb") as fh:
        head = fh.read(16)
    if head != SQLITE_MAGIC:
        raise DocumentFileError("not_sqlite", "exchange.rescue_not_sqlite", bad, name=bad.name)
    work = Path(tempfile.mkdtemp(prefix="renja-pulih-", dir=paths.data_dir()))
    try:
        src = work / "rusak.sqlite"
        shutil.copyfile(bad, src)
        journal = Path(str(bad) + "-journal")
        report = RecoveryReport(bad, out)
        if journal.exists():
            shutil.copyfile(journal, str(src) + "-journal")
            try:
                if journal_belongs(src):  # SQLite's own roll back, on this scratch copy
                    conn = sqlite3.connect(str(src), timeout=5)
                    try:
                        conn.execute("PRAGMA schema_version").fetchone()
                    finally:
                        conn.close()
                else:
                    report.notes.append(Msg("recover.journal_foreign", name=journal.name))
                Path(str(src) + "-journal").unlink(missing_ok=True)
            except (OSError, sqlite3.DatabaseError):
                pass
        _note_row_digests(src, report)
        data = _read_all(src, report)
        tmp = fsutil.temp_path_for(out)
        try:
            _write(tmp, data, report)
            inspect_file(tmp, deep=True)
            fsutil.replace_with_retries(tmp, out)
            fsutil.fsync_dir(out.parent)
        finally:
            fsutil.forget_temp(tmp)
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _note_row_digests(src: Path, report: RecoveryReport) -> None:
    """Rows whose content no longer matches their row digest: saved (they may be the best there
    is), but named, so the user checks them against a backup."""
    try:
        conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            damage = rowcheck.verify(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return  # the tables themselves are damaged: what is lost is reported row by row below
    if damage:
        labels = [d.label() for d in damage if d.table != rowcheck.DIGEST_TABLE]
        more = [Msg("rowcheck.more", count=len(labels) - 10)] if len(labels) > 10 else []
        report.notes.append(Msg("recover.rows_damaged", count=len(labels), rows=joined(labels[:10] + more, "; ")))


def _read_all(src: Path, report: RecoveryReport) -> dict[str, list[dict]]:
    try:
        conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        conn.execute("SELECT name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ExchangeError("unrecoverable", "exchange.unrecoverable", report.source, name=report.source.name,
                            reason=exc) from exc
    data: dict[str, list[dict]] = {}
    lost: dict[str, dict[str, dict]] = {}
    data["_lost"] = lost  # type: ignore[assignment]
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in TABLE_ORDER:
            ts = report.tables[table] = TableSalvage(table)
            if table not in present:
                if table in EXTRA_TABLES:  # a file of schema version 1: no stages, notes or Renstra yet
                    ts.expected = 0
                else:
                    ts.unreadable = Msg("recover.no_table")
                data[table] = []
                continue
            try:
                actual = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            except sqlite3.DatabaseError as exc:
                ts.unreadable = str(exc)
                data[table] = []
                continue
            cols = [c for c in _columns(table) if c in actual]
            rows = _scan(conn, table, cols, ts)
            expected, codes = _index_facts(conn, table)
            ts.expected = expected
            if expected is None and ts.read_errors == 0:
                ts.expected = len(rows)
            ts.lost_codes = sorted({k for rid, k in codes.items() if rid not in rows and k})
            data[table] = [dict(zip(cols, values)) for _, values in sorted(rows.items())]
            if table in ("plan_row", "eval_row") and ts.read_errors:
                try:
                    lost[table] = _lost_structure(conn, table, rows)
                except sqlite3.DatabaseError:
                    lost[table] = {}
    finally:
        conn.close()
    return data


PLACEHOLDER_NAME = "[BARIS HILANG SAAT PENYELAMATAN - isi kembali dari cadangan]"


def _placeholders(table: str, rows: list[dict], ids: set[str], lost: dict[str, dict],
                  report: RecoveryReport) -> None:
    """Put back, as marked placeholders, the lost rows whose children survived (their id, code and
    parent are still in the indexes), so the surviving rows keep their place in the tree."""
    needed = [r.get("parent_id") for r in rows if r.get("parent_id") and r["parent_id"] not in ids]
    made = 0
    while needed:
        pid = needed.pop()
        if pid in ids or pid not in lost:
            continue
        facts = lost[pid]
        kode = facts["kode"]
        try:
            level = codes.code_level(codes.normalize_code(kode)) if kode else None
        except codes.CodeError:
            level = None
        child_levels = [r["level"] for r in rows if r.get("parent_id") == pid and r.get("level")]
        if level is None:
            level = (min(child_levels) - 1) if child_levels else 1
        number = codes.last_number(kode) if kode else None
        row = {"id": pid, "parent_id": facts["parent_id"], "position": (number - 1) if number else 0,
               "level": max(1, level), "kode": kode, "nama": PLACEHOLDER_NAME, "modified_at": now_stamp()}
        if table == "eval_row":
            row.update(sasaran="", indikator="", satuan="", penanggung_jawab="", keterangan="")
        else:
            row.update(outcome="", lokasi="", catatan="", penanggung_jawab="", rkpd_nama="", rkpd_lokasi="",
                       rkpd_indikator="", rkpd_target="", rkpd_catatan="")
        rows.append(row)
        ids.add(pid)
        made += 1
        if facts["parent_id"] and facts["parent_id"] not in ids:
            needed.append(facts["parent_id"])
    if made:
        report.notes.append(Msg("recover.placeholders", count=made, table=TABLE_LABELS[table], name=PLACEHOLDER_NAME))


def _write(tmp: Path, data: dict[str, list[dict]], report: RecoveryReport) -> None:
    engine = create_file(tmp)
    engine.dispose()
    docs = data["document"]
    if docs:
        report.document_id = docs[0]["id"]
        keep_docs = docs[:1]
    else:
        report.identity_recovered = False
        report.notes.append(Msg("recover.identity_lost"))
        from datetime import date

        keep_docs = [{"id": new_id(), "tahun": date.today().year, "pemda": "", "opd": "(identitas hilang)",
                      "created_at": now_stamp(), "modified_at": now_stamp()}]
    lost = data.pop("_lost", {})  # type: ignore[arg-type]
    for table in TREE_TABLES:
        rows = data[table]
        ids = {r["id"] for r in rows}
        if table in ("plan_row", "eval_row"):
            _placeholders(table, rows, ids, lost.get(table, {}), report)
        for r in rows:
            if r.get("parent_id") and r["parent_id"] not in ids:
                what = r.get("kode") or r.get("nama") or r.get("judul") or r["id"]
                report.tables[table].dropped.append(Msg("recover.parent_lost", what=str(what)[:40]))
                r["parent_id"] = None
    for table, owner in OWNED_BY.items():
        owner_ids = {r["id"] for r in data[owner]}
        kept = []
        for r in data[table]:
            if r.get("row_id") in owner_ids:
                kept.append(r)
            else:
                what = r.get("teks") or r.get("nama") or r.get("tahun") or r.get("id")
                report.tables[table].dropped.append(Msg("recover.owner_lost", what=str(what)[:50], owner=OWNER_WORDS[owner]))
        data[table] = kept
    if not docs:  # the stages belong to the document under its new id
        for r in data["renja_stage"]:
            r["document_id"] = keep_docs[0]["id"]
    data["document"] = keep_docs
    data["meta"] = [m for m in data["meta"] if m.get("key") not in (KEY_DIGEST, KEY_TOKEN)]
    data["meta"].append({"key": "renja.recovered_from", "value": f"{report.source.name} {now_stamp()}"})
    conn = sqlite3.connect(str(tmp))
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        with conn:
            for table in TABLE_ORDER:
                rows = data[table]
                if table != "meta" and table in report.tables:
                    real = [r for r in rows if r.get("nama") != PLACEHOLDER_NAME]
                    report.tables[table].saved = len(real) if (table != "document" or docs) else 0
                elif table == "meta":
                    report.tables[table].saved = len(rows) - 1  # our own note is not a saved row
                if not rows:
                    continue
                cols = list(rows[0].keys())
                if table == "document":
                    cols = sorted({k for r in rows for k in r})
                placeholders = ", ".join("?" for _ in cols)
                names = ", ".join(f'"{c}"' for c in cols)
                conn.executemany(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({placeholders})",
                                 [tuple(r.get(c) for c in cols) for r in rows])
            rowcheck.rebuild(conn)  # the rescued rows get digests of their own
        bad = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise ExchangeError("recover_failed", "exchange.recover_failed", tmp, count=len(bad))
    finally:
        conn.close()


__all__ = ["recover", "RecoveryReport", "TableSalvage"]
