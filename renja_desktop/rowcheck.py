"""Row digests: every content row of a document is covered by a checksum kept in the file itself.

``quick_check`` and even ``integrity_check`` only check SQLite's page structure: a byte flipped
*inside* a value (a letter of a name, a digit of a pagu) passes both. So every row of the content
tables (:data:`TABLES`) is covered by a digest in the table ``row_digest``, kept current by every
commit made by Renja Desktop and checked on every open and by ``check --deep``.

How:

* Rows are grouped in *buckets* of 32 rowids (``rowid >> 5``). Per bucket ``row_digest`` holds
  the CRC-32 of the bucket's rows (every column of the model, in model order, then the rowid,
  serialised with :func:`marshal.dumps` version 2, which is fixed and has no object references) and
  a packed list of (rowid, CRC-32 of that row) to name a damaged row exactly.
* Writing: each writing connection has TEMP triggers (in the connection, not in the file) that note
  the buckets an INSERT/UPDATE/DELETE touched; :func:`flush` re-digests those buckets just before
  the commit, reading each run of consecutive buckets with one query. A bulk insert
  (:func:`insert_many`, the import) pauses the insert trigger and notes its buckets with one
  statement instead of one trigger run per row. A write made by another program (without these
  triggers) leaves its rows' digests stale: the next open names those rows as changed outside
  Renja Desktop, the same as damage.
* Checking: the load reads every row anyway (``ORDER BY rowid`` costs nothing on a table scan),
  a few hundred at a time (:meth:`Verifier.fetch`); the rows of a bucket are serialised in one call
  and compared with the stored CRC; only a bucket that differs is looked at row by row. A missing bucket, a surplus bucket and a row whose rowid is
  not listed all count as damage.
* The row ``('*', 0)`` marks a file whose digests are complete, its ``crc`` the scheme they were
  made with (:data:`TABLES_OF_SCHEME`: scheme 1 covered the Renja's tables, scheme 2 also the
  chapters, stages, notes and Renstra; a scheme-1 file is checked on what it covers and digested
  in full when first opened for writing): a new document gets it when it is
  created, a file written with plain ``sqlite3`` (recover, consolidate, rollover) through
  :func:`rebuild`. A merge starts from a snapshot of a file with complete digests and keeps them
  like the app does (:func:`install`, then :func:`flush`): only the buckets it wrote are digested
  again, so a damaged row it did not write is still found (a rebuild would bless it). A file without it (made before digests existed, just upgraded, or written by
  code that does not keep digests) is digested once, after it passed its other checks, when it is
  first opened for writing; until then only SQLite's own checks apply to it.

A CRC-32 finds every change of up to 32 consecutive bits for sure, and any other change with
probability 1 - 2^-32; it is not a defence against deliberate forgery, only against damage.
"""
from __future__ import annotations

import marshal
import sqlite3
import struct
import zlib
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Iterable

from .errors import Msg, Text, joined
from .model import Base

DIGEST_TABLE = "row_digest"
#: the content tables covered since the first scheme: the tables of the Renja itself
BASE_TABLES = ("document", "plan_row", "indikator", "sumber_dana", "eval_row", "pelayanan", "usulan",
               "declared_value")
#: covered since scheme 2: the chapters, frozen stages, verification notes and the Renstra
EXTRA_TABLES = ("section", "renja_stage", "catatan_verifikasi", "renstra_row", "renstra_nilai")
#: every content table covered by a file written now
TABLES = BASE_TABLES + EXTRA_TABLES
BUCKET_BITS = 5
SENTINEL = ("*", 0)
#: the marker row's ``crc`` holds the scheme the file's digests were made with
SCHEME = 2
TABLES_OF_SCHEME = {1: BASE_TABLES, 2: TABLES}
_PAIR = struct.Struct("<qI")
_crc = zlib.crc32
_dumps = marshal.dumps
_ROWID = itemgetter(-1)


_COLUMNS: dict[str, list[str]] = {}


def columns(table: str) -> list[str]:
    """The columns a row digest covers: the model's, in the model's order."""
    cols = _COLUMNS.get(table)
    if cols is None:
        cols = _COLUMNS[table] = [c.name for c in Base.metadata.tables[table].columns]
    return cols


def select_sql(table: str, where: str = "") -> str:
    """Every covered column, then the rowid, in rowid order (a plain table scan: no sort)."""
    names = ", ".join(f'"{c}"' for c in columns(table))
    return f'SELECT {names}, rowid FROM "{table}" {where}ORDER BY rowid'


def row_crc(row: tuple) -> int:
    return _crc(_dumps(row, 2))


_LIST_HEAD = struct.Struct("<ci")


def bucket_record(rows: list[tuple]) -> tuple[int, bytes]:
    """(CRC of the bucket's rows, packed (rowid, row CRC) pairs) -- rows end with their rowid.

    Each row is serialised once: ``marshal.dumps(rows, 2)`` is the list header followed by each
    row's own serialisation, so the bucket's CRC is continued row by row over the same bytes."""
    crc = _crc(_LIST_HEAD.pack(b"[", len(rows)))
    pairs = []
    for r in rows:
        data = _dumps(r, 2)
        crc = _crc(data, crc)
        pairs.append(_PAIR.pack(r[-1], _crc(data)))
    return crc, b"".join(pairs)


def _unpack(blob: bytes | None) -> dict[int, int]:
    if not blob:
        return {}
    return {rowid: crc for rowid, crc in _PAIR.iter_unpack(blob)}


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                        (DIGEST_TABLE,)).fetchone() is not None


def scheme_of(conn: sqlite3.Connection) -> int | None:
    """The scheme of the file's complete row digests (its marker row), ``None`` without them."""
    if not has_table(conn):
        return None
    row = conn.execute(f"SELECT crc FROM {DIGEST_TABLE} WHERE tbl=? AND bucket=?", SENTINEL).fetchone()
    return None if row is None else (row[0] or 1)


def established(conn: sqlite3.Connection) -> bool:
    """The file has complete row digests (its marker row is present), of any scheme."""
    return scheme_of(conn) is not None


def current(conn: sqlite3.Connection) -> bool:
    """The file's row digests are complete and cover every table this version covers."""
    return scheme_of(conn) == SCHEME


def stored(conn: sqlite3.Connection) -> dict[str, dict[int, tuple[int, bytes]]]:
    """``{table: {bucket: (crc, pairs)}}`` as stored in the file."""
    out: dict[str, dict[int, tuple[int, bytes]]] = {t: {} for t in TABLES}
    for tbl, bucket, crc, pairs in conn.execute(f"SELECT tbl, bucket, crc, rows FROM {DIGEST_TABLE}"):
        if tbl in out:
            out[tbl][bucket] = (crc, pairs)
    return out


#: the word for a row of each table, in the messages about damaged rows
_TABLE_WORDS = {
    "document": Text("identitas dokumen", "document identity"), "plan_row": Text("baris rencana", "plan row"),
    "indikator": Text("indikator", "indicator"), "sumber_dana": Text("sumber dana", "funding source"),
    "eval_row": Text("baris evaluasi", "evaluation row"), "pelayanan": Text("baris Tabel 2.2", "Table 2.2 row"),
    "usulan": Text("baris Tabel 2.4", "Table 2.4 row"), "declared_value": Text("nilai tercetak", "printed value"),
    "section": Text("bagian naskah", "chapter section"), "renja_stage": Text("tahap", "stage"),
    "catatan_verifikasi": Text("catatan verifikasi", "verification note"),
    "renstra_row": Text("baris Renstra", "Renstra row"), "renstra_nilai": Text("nilai Renstra", "Renstra value"),
}


@dataclass
class Damage:
    """A row whose stored digest does not match what is in the file."""

    table: str
    rowid: int
    row: tuple | None           # the row as read now (None: the row is gone)

    def label(self) -> Msg:
        """The row named for a message (its table's word, its code or name), in both languages."""
        what = _TABLE_WORDS.get(self.table) or Text(self.table, self.table)
        if self.row is None:
            return Msg("rowcheck.row_gone", what=what, rowid=self.rowid)
        cols = columns(self.table)
        values = dict(zip(cols, self.row))
        bits = [_printable(values.get(k)) for k in ("kode", "nama", "judul", "teks", "indikator", "program_kegiatan",
                                                     "opd", "tahun") if values.get(k)]
        bits = [b for b in bits if b][:2]
        return Msg("rowcheck.row", what=what, row=' '.join(bits) or _printable(values.get('id')) or f"#{self.rowid}")


def _printable(value, limit: int = 40) -> str:
    text = "" if value is None else str(value)
    text = "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else "?" for ch in text).strip()
    return ("'" + text[:limit] + ("…" if len(text) > limit else "") + "'") if text else ""


@dataclass
class Verifier:
    """Checks the rows of each table against the stored digests as the load reads them."""

    expected: dict[str, dict[int, tuple[int, bytes]]]
    damage: list[Damage] = field(default_factory=list)
    #: the tables the file's digests cover (by their scheme)
    tables: tuple[str, ...] = TABLES
    fed: set[str] = field(default_factory=set)

    @classmethod
    def for_connection(cls, conn: sqlite3.Connection) -> "Verifier | None":
        """A verifier for a file with complete digests, else ``None`` (nothing to check)."""
        try:
            scheme = scheme_of(conn)
            if scheme is None:
                return None
            return cls(stored(conn), tables=TABLES_OF_SCHEME.get(scheme, TABLES))
        except sqlite3.DatabaseError:
            return None

    def feed_rest(self, conn: sqlite3.Connection) -> None:
        """Read and check the covered tables not fed yet (those a load does not keep in memory)."""
        for table in self.tables:
            if table not in self.fed:
                self.feed(table, fetch_rows(conn, select_sql(table)))

    def feed(self, table: str, rows: list[tuple]) -> None:
        """All rows of ``table`` in rowid order, each ending with its rowid."""
        self.fed.add(table)
        expected = self.expected.get(table, {})
        seen: set[int] = set()
        if rows:
            self._buckets(table, rows, expected, seen)
        self._missing(table, expected, seen)

    def fetch(self, table: str, cursor, size: int = 512) -> list[tuple]:
        """Every row of ``cursor`` (all rows of ``table`` in rowid order, each ending with its
        rowid, as :func:`select_sql` reads them), checked as :meth:`feed` does, a few hundred rows
        at a time as they are read: the rows are still in the processor's cache when serialised
        (checking after a ``fetchall`` of a city-sized document's 150.000 rows took a quarter
        longer: 74 instead of 58 ms)."""
        self.fed.add(table)
        expected = self.expected.get(table, {})
        seen: set[int] = set()
        out: list[tuple] = []
        carry: list[tuple] = []   # the rows of a bucket that may go on in the next chunk
        fetch = cursor.fetchmany
        while True:
            chunk = fetch(size)
            if not chunk:
                break
            out += chunk
            rows = carry + chunk if carry else chunk
            edge = (rows[-1][-1] >> BUCKET_BITS) << BUCKET_BITS   # the last bucket's first rowid
            cut = edge - rows[0][-1]
            if not 0 <= cut < len(rows) or rows[cut][-1] != edge or rows[cut - 1][-1] >= edge:
                cut = bisect_left(rows, edge, key=_ROWID)   # gaps in the rowids: search
            if cut:
                self._buckets(table, rows[:cut], expected, seen)
            carry = rows[cut:]
        if carry:
            self._buckets(table, carry, expected, seen)
        self._missing(table, expected, seen)
        return out

    def _buckets(self, table: str, rows: list[tuple], expected: dict, seen: set[int]) -> None:
        """Check whole buckets (``rows``: ascending rowids, at least one)."""
        n = len(rows)
        first = rows[0][-1]
        if rows[-1][-1] - first == n - 1:
            # rowids without gaps (ascending, so n consecutive numbers): each bucket's rows are
            # found by arithmetic, without listing the rowids
            size = 1 << BUCKET_BITS
            bucket = first >> BUCKET_BITS
            start = 0
            end = ((bucket + 1) << BUCKET_BITS) - first
            while start < n:
                part = rows[start:end]
                seen.add(bucket)
                want = expected.get(bucket)
                if want is None or _crc(_dumps(part, 2)) != want[0]:
                    self._rows_of(table, part, want)
                bucket += 1
                start = end
                end += size
            return
        rowids = list(map(_ROWID, rows))
        start = 0
        while start < n:
            bucket = rowids[start] >> BUCKET_BITS
            end = bisect_left(rowids, (bucket + 1) << BUCKET_BITS, start)
            part = rows[start:end]
            seen.add(bucket)
            want = expected.get(bucket)
            if want is None or _crc(_dumps(part, 2)) != want[0]:
                self._rows_of(table, part, want)
            start = end

    def _missing(self, table: str, expected: dict, seen: set[int]) -> None:
        for bucket in expected.keys() - seen:  # a whole bucket of rows is gone
            for rowid in _unpack(expected[bucket][1]):
                self.damage.append(Damage(table, rowid, None))

    def _rows_of(self, table: str, part: list[tuple], want: tuple[int, bytes] | None) -> None:
        pairs = _unpack(want[1]) if want else {}
        before = len(self.damage)
        present = set()
        for row in part:
            rowid = row[-1]
            present.add(rowid)
            if pairs.get(rowid) != row_crc(row):
                self.damage.append(Damage(table, rowid, row))
        for rowid in pairs.keys() - present:
            self.damage.append(Damage(table, rowid, None))
        if want is not None and len(self.damage) == before:
            # every row matches its own digest, the bucket's does not: the stored record is damaged
            self.damage.append(Damage(DIGEST_TABLE, part[0][-1] >> BUCKET_BITS, None))


def damage_message(name: str, damage: list[Damage]) -> Msg:
    """The message naming the damaged rows (the first few) of file ``name``."""
    labels = [d.label() if d.table != DIGEST_TABLE else Msg("rowcheck.digest_bucket", bucket=d.rowid) for d in damage]
    more = [Msg("rowcheck.more", count=len(labels) - 5)] if len(labels) > 5 else []
    return Msg("file.rows_damaged", name=name, count=len(damage), rows=joined(labels[:5] + more, "; "))


def lenient_text(raw: bytes) -> str:
    """Text that is not valid UTF-8 (a damaged byte) as a string that differs from any valid text,
    so its row's digest no longer matches and the row is named (instead of a decoding error)."""
    return raw.decode("utf-8", "surrogateescape")


def fetch_rows(conn: sqlite3.Connection, sql: str, params=()) -> list[tuple]:
    """``fetchall`` that reads damaged (non-UTF-8) text too, see :func:`lenient_text`."""
    try:
        return conn.execute(sql, params).fetchall()
    except UnicodeDecodeError:
        factory = conn.text_factory
        conn.text_factory = lenient_text
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.text_factory = factory


def verify(conn: sqlite3.Connection) -> list[Damage]:
    """Read every covered row and compare with the stored digests (``[]`` when there are none)."""
    verifier = Verifier.for_connection(conn)
    if verifier is None:
        return []
    verifier.feed_rest(conn)
    return verifier.damage


# ------------------------------------------------------------------------------------ writing
_NOTE = "INSERT OR IGNORE INTO renja_touched VALUES('{t}', {who}.rowid >> {bits});"


def _insert_trigger(table: str) -> str:
    return (f"CREATE TEMP TRIGGER IF NOT EXISTS renja_{table}_i AFTER INSERT ON main.{table} BEGIN "
            + _NOTE.format(t=table, who="NEW", bits=BUCKET_BITS) + " END")


def install(conn: sqlite3.Connection) -> bool:
    """Give a writing connection the TEMP triggers that note touched buckets. ``False`` when the
    file has no digest table (an older file: nothing to keep)."""
    if not has_table(conn):
        return False
    stmts = ["CREATE TEMP TABLE IF NOT EXISTS renja_touched(tbl TEXT, bucket INTEGER, "
             "PRIMARY KEY(tbl, bucket)) WITHOUT ROWID"]
    for t in TABLES:
        stmts += [
            _insert_trigger(t),
            f"CREATE TEMP TRIGGER IF NOT EXISTS renja_{t}_u AFTER UPDATE ON main.{t} BEGIN "
            + _NOTE.format(t=t, who="OLD", bits=BUCKET_BITS) + _NOTE.format(t=t, who="NEW", bits=BUCKET_BITS) + " END",
            f"CREATE TEMP TRIGGER IF NOT EXISTS renja_{t}_d AFTER DELETE ON main.{t} BEGIN "
            + _NOTE.format(t=t, who="OLD", bits=BUCKET_BITS) + " END",
        ]
    for s in stmts:
        conn.execute(s)
    return True


def _has_insert_trigger(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_temp_master WHERE type='trigger' AND name=?",
                        (f"renja_{table}_i",)).fetchone() is not None


def insert_many(conn: sqlite3.Connection, table: str, sql: str, rows: list[tuple]) -> None:
    """``executemany`` of a plain ``INSERT`` into ``table`` (inside the caller's transaction) that
    notes the touched buckets once for all rows instead of by the per-row trigger (which took
    three quarters of the time of inserting 50.000 rows).

    New rows of a rowid table get rowids above the largest one before the insert, so the buckets
    of the rows above it are exactly the touched ones; when SQLite had to pick rowids elsewhere
    (the largest possible rowid is taken) every bucket of the table is noted instead."""
    if table not in TABLES or len(rows) < 64 or not _has_insert_trigger(conn, table):
        conn.executemany(sql, rows)
        return
    top = conn.execute(f'SELECT max(rowid) FROM main."{table}"').fetchone()[0]
    top = -1 if top is None else top
    conn.execute(f"DROP TRIGGER temp.renja_{table}_i")
    try:
        conn.executemany(sql, rows)
    finally:
        conn.execute(_insert_trigger(table))
    above = conn.execute(f'SELECT count(*) FROM main."{table}" WHERE rowid > ?', (top,)).fetchone()[0]
    where, params = ("WHERE rowid > ?", (table, top)) if above == len(rows) else ("", (table,))
    conn.execute(f'INSERT OR IGNORE INTO temp.renja_touched SELECT DISTINCT ?, rowid >> {BUCKET_BITS} '
                 f'FROM main."{table}" {where}', params)


def _write_buckets(conn: sqlite3.Connection, table: str, buckets: list[int]) -> None:
    """Re-digest ``buckets`` (ascending) of ``table``: the rows of each run of consecutive buckets
    are read with one query and split by bucket (as :func:`rebuild` does), the records written
    with one statement."""
    size = 1 << BUCKET_BITS
    records: list[tuple] = []
    empty: list[tuple] = []
    sql = select_sql(table, "WHERE rowid >= ? AND rowid <= ? ")   # '<=': the last bucket ends at 2**63-1
    i = 0
    while i < len(buckets):
        j = i
        while j + 1 < len(buckets) and buckets[j + 1] == buckets[j] + 1:
            j += 1
        rows = conn.execute(sql, (buckets[i] << BUCKET_BITS, ((buckets[j] + 1) << BUCKET_BITS) - 1)).fetchall()
        rowids = [r[-1] for r in rows]
        start = 0
        for bucket in buckets[i:j + 1]:
            end = bisect_left(rowids, (bucket + 1) * size, start)
            if end > start:
                records.append((table, bucket, *bucket_record(rows[start:end])))
            else:
                empty.append((table, bucket))
            start = end
        i = j + 1
    if records:
        conn.executemany(f"INSERT OR REPLACE INTO {DIGEST_TABLE}(tbl, bucket, crc, rows) VALUES (?, ?, ?, ?)",
                         records)
    if empty:
        conn.executemany(f"DELETE FROM {DIGEST_TABLE} WHERE tbl = ? AND bucket = ?", empty)


def flush(conn: sqlite3.Connection) -> int:
    """Re-digest the buckets touched in the open transaction; call just before COMMIT."""
    try:
        touched = conn.execute("SELECT tbl, bucket FROM temp.renja_touched ORDER BY tbl, bucket").fetchall()
    except sqlite3.OperationalError:
        return 0  # not installed on this connection (a file without digests)
    if not touched:
        return 0
    by_table: dict[str, list[int]] = {}
    for table, bucket in touched:
        by_table.setdefault(table, []).append(bucket)
    for table, buckets in by_table.items():
        _write_buckets(conn, table, buckets)
    conn.execute("DELETE FROM temp.renja_touched")
    return len(touched)


def rebuild(conn: sqlite3.Connection, tables: Iterable[str] = TABLES) -> None:
    """Digest every row afresh and mark the file complete (inside the caller's transaction)."""
    if not has_table(conn):
        return
    conn.execute(f"DELETE FROM {DIGEST_TABLE}")
    size = 1 << BUCKET_BITS
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in tables:
        if table not in present:
            continue
        rows = conn.execute(select_sql(table)).fetchall()
        rowids = [r[-1] for r in rows]
        start = 0
        while start < len(rows):
            bucket = rowids[start] >> BUCKET_BITS
            end = bisect_left(rowids, (bucket + 1) * size, start)
            crc, pairs = bucket_record(rows[start:end])
            conn.execute(f"INSERT INTO {DIGEST_TABLE}(tbl, bucket, crc, rows) VALUES (?, ?, ?, ?)",
                         (table, bucket, crc, pairs))
            start = end
    conn.execute(f"INSERT OR REPLACE INTO {DIGEST_TABLE}(tbl, bucket, crc, rows) VALUES (?, ?, ?, NULL)",
                 (*SENTINEL, SCHEME))
    try:
        conn.execute("DELETE FROM temp.renja_touched")
    except sqlite3.OperationalError:
        pass


__all__ = ["DIGEST_TABLE", "TABLES", "BASE_TABLES", "EXTRA_TABLES", "scheme_of", "current", "Damage", "Verifier", "verify", "install", "flush", "rebuild",
           "established", "damage_message", "select_sql", "columns", "insert_many"]
