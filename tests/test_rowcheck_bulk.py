"""Row digests written in bulk (issues 13 and 17, import speed): a bulk insert notes its touched
buckets without the per-row trigger, the touched buckets are re-digested run by run, and a bucket's
CRC is continued row by row; each gives exactly what digesting everything afresh gives."""
from __future__ import annotations

import marshal
import random
import sqlite3
import zlib

from renja_desktop import rowcheck
from renja_desktop.importer import import_text
from renja_desktop.service import RenjaDocument

DIGESTS = "SELECT tbl, bucket, crc, rows FROM row_digest ORDER BY tbl, bucket"


def _rows_digested_afresh(path):
    conn = sqlite3.connect(path)
    kept = conn.execute(DIGESTS).fetchall()
    conn.execute("BEGIN")
    rowcheck.rebuild(conn)
    fresh = conn.execute(DIGESTS).fetchall()
    conn.rollback()
    conn.close()
    return kept, fresh


def test_bucket_record_equals_the_whole_bucket_serialised_at_once():
    rng = random.Random(7)
    values = [None, "", "é", "Sub kegiatan", "x" * 300, 0, -1, 2**40, 1.5, b"\x00\xff"]
    for n in (0, 1, 2, 31, 32):
        rows = [tuple(rng.choice(values) for _ in range(rng.randint(1, 6))) + (i,) for i in range(n)]
        pairs = b"".join(rowcheck._PAIR.pack(r[-1], zlib.crc32(marshal.dumps(r, 2))) for r in rows)
        assert rowcheck.bucket_record(rows) == (zlib.crc32(marshal.dumps(rows, 2)), pairs)


def _table(n, start=1):
    lines = ["Kode\t\t\t\tUrusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan\tPagu Indikatif (Rp)\tSumber Dana",
             "8\t01\t\t\tKESATUAN BANGSA DAN POLITIK\t\t", f"8\t01\t{start:02d}\t\tProgram {start}\t\t",
             f"8\t01\t{start:02d}\t2.01\tKegiatan\t\t"]
    lines += [f"8\t01\t{start:02d}\t2.01\t{s:04d} Sub {s}\t{s}.000.000\tDAU" for s in range(1, n + 1)]
    return "\n".join(lines)


def test_bulk_inserts_updates_and_deletes_leave_the_digests_of_a_fresh_rebuild(tmp_path):
    path = tmp_path / "d.sqlite"
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol")
    try:
        import_text(doc, _table(150), table="4.1")              # bulk: buckets noted without triggers
        import_text(doc, _table(3, start=2), table="4.1")      # small: through the per-row trigger
        with doc.batch():
            import_text(doc, _table(90, start=3), table="4.1")
            leaf = doc.plan_by_kode("8.01.01.2.01.0007")
            doc.set_plan(leaf.id, pagu="2.500.000", nama="Nama baru")
            doc.delete_plan_row(doc.plan_by_kode("8.01.01.2.01.0040").id)
        doc.delete_plan_row(doc.plan_by_kode("8.01.03.2.01").id)  # whole buckets emptied
    finally:
        doc.close()
    kept, fresh = _rows_digested_afresh(path)
    assert len(kept) > 10 and kept == fresh
    conn = sqlite3.connect(path)
    assert rowcheck.verify(conn) == []
    conn.close()


def test_an_insert_above_the_largest_rowid_notes_every_bucket(tmp_path):
    """SQLite picks rowids at random once the largest possible one is taken: every bucket is
    then noted (and re-digested), so the digests still match."""
    path = tmp_path / "d.sqlite"
    RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol").close()
    conn = sqlite3.connect(path, isolation_level=None)
    rowcheck.install(conn)
    conn.execute("BEGIN")
    cols = rowcheck.columns("declared_value")
    sql = f"INSERT INTO declared_value ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.execute(f"INSERT INTO declared_value (rowid, {', '.join(cols)}) VALUES (9223372036854775807, "
                 f"{', '.join('?' * len(cols))})", tuple(f"x{c}" if c != "nilai" else 1 for c in cols))
    rows = [tuple(f"{c}{i}" if c not in ("nilai", "row_id") else None for c in cols) for i in range(100)]
    rowcheck.insert_many(conn, "declared_value", sql, rows)
    rowcheck.flush(conn)
    conn.execute("COMMIT")
    conn.close()
    kept, fresh = _rows_digested_afresh(path)
    assert kept == fresh


def _damage(verifier):
    return sorted((d.table, d.rowid, d.row) for d in verifier.damage)


def test_checking_while_reading_finds_what_checking_after_reading_finds(tmp_path):
    """Verifier.fetch (the load: a few hundred rows at a time as they are read) names exactly the
    rows Verifier.feed (every row at once) names, whatever the chunk size and wherever buckets and
    gaps in the rowids fall: changed rows, rows gone, whole buckets gone, rows added outside."""
    path = tmp_path / "d.sqlite"
    RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol").close()
    doc = RenjaDocument.open(path)
    try:
        import_text(doc, _table(300), table="4.1")
    finally:
        doc.close()
    rng = random.Random(17)
    for trial in range(12):
        conn = sqlite3.connect(path)
        conn.execute("BEGIN")
        if trial:  # the first trial: an undamaged file (no damage either way)
            rowids = [r[0] for r in conn.execute("SELECT rowid FROM plan_row")]
            for rowid in rng.sample(rowids, 3):
                conn.execute("UPDATE plan_row SET nama = nama || 'x' WHERE rowid = ?", (rowid,))
            for rowid in rng.sample(rowids, 4):
                conn.execute("DELETE FROM plan_row WHERE rowid = ?", (rowid,))
            low = rng.choice(rowids) & ~31
            conn.execute("DELETE FROM plan_row WHERE rowid >= ? AND rowid < ?", (low, low + 32 + rng.randrange(40)))
            copy = ("added outside",) + conn.execute("SELECT * FROM plan_row LIMIT 1").fetchone()[1:]
            conn.execute(f"INSERT INTO plan_row VALUES ({', '.join('?' * len(copy))})", copy)
        expected = rowcheck.Verifier.for_connection(conn)
        for table in rowcheck.TABLES:
            expected.feed(table, conn.execute(rowcheck.select_sql(table)).fetchall())
        assert bool(expected.damage) == bool(trial)
        for size in (1, 5, 31, 32, 33, 100, 512):
            verifier = rowcheck.Verifier.for_connection(conn)
            for table in rowcheck.TABLES:
                rows = verifier.fetch(table, conn.execute(rowcheck.select_sql(table)), size)
                assert rows == conn.execute(rowcheck.select_sql(table)).fetchall()
            assert _damage(verifier) == _damage(expected), (trial, size)
        conn.rollback()
        conn.close()
