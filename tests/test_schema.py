"""One source of the schema: an upgraded old file and a new file have the same schema, and the
data of the old file survives the upgrade (renja_desktop/schema.py)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, Text, create_engine

from renja_desktop import paths
from renja_desktop.model import Base, new_id
from renja_desktop.schema import SCHEMA_VERSION, STEPS, add_since, run_step, since
from renja_desktop.service import RenjaDocument
from renja_desktop.storage import APPLICATION_ID, PAGE_SIZE

V1_DDL = Path(__file__).parent / "data" / "schema_v1.sql"


def schema_of(path: Path) -> dict[str, object]:
    """Everything that makes up a file's schema, normalized only in white space."""
    conn = sqlite3.connect(path)
    try:
        master = sorted(
            (t, n, tbl, " ".join(sql.split()))
            for t, n, tbl, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
            if sql is not None
        )
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        columns = {t: conn.execute(f'PRAGMA table_info("{t}")').fetchall() for t in tables}
        keys = {t: conn.execute(f'PRAGMA foreign_key_list("{t}")').fetchall() for t in tables}
        # (name, unique, origin, partial) without the list position: create_all's index order varies
        indexes = {t: sorted(r[1:] for r in conn.execute(f'PRAGMA index_list("{t}")')) for t in tables}
        return {"master": master, "columns": columns, "keys": keys, "indexes": indexes,
                "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
                "user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
    finally:
        conn.close()


def fill(conn: sqlite3.Connection, table: str, **values) -> None:
    """Insert a row, giving every NOT NULL column the caller did not name an empty value."""
    for _cid, name, kind, notnull, _default, _pk in conn.execute(f'PRAGMA table_info("{table}")'):
        if notnull and name not in values:
            values[name] = 0 if kind.upper() == "INTEGER" else ""
    names = ", ".join(values)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})", tuple(values.values()))


def version_1_file(path: Path) -> None:
    """A document as version 1 of Renja Desktop wrote it: the kept DDL plus a little data."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=1")
    conn.executescript(V1_DDL.read_text(encoding="utf-8"))
    fill(conn, "document", id="doc-1", pemda="Kota Binjai", opd="Badan Kesbangpol", tahun=2024,
         created_at="2023-06-01T00:00:00.000000Z", modified_at="2023-06-01T00:00:00.000000Z")
    ids = ["u", "b", "p", "k"]
    codes = ["8", "8.01", "8.01.02", "8.01.02.2.01"]
    parent = None
    for level, (rid, kode) in enumerate(zip(ids, codes), start=1):
        fill(conn, "plan_row", id=rid, parent_id=parent, level=level, kode=kode, nama=f"Baris {kode}",
             position=0, modified_at="2023-06-01T00:00:00.000000Z")
        parent = rid
    for i in range(1, 4):
        fill(conn, "plan_row", id=f"s{i}", parent_id="k", level=5, kode=f"8.01.02.2.01.{i:04d}",
             nama=f"Sub kegiatan {i}", pagu=i * 1_000_000, pagu_n1=i * 1_100_000, position=i,
             modified_at="2023-06-01T00:00:00.000000Z")
        fill(conn, "indikator", id=f"i{i}", row_id=f"s{i}", teks=f"Indikator {i}", position=0,
             modified_at="2023-06-01T00:00:00.000000Z")
    conn.commit()
    conn.close()


def test_the_fixture_is_version_1(tmp_path):
    path = tmp_path / "v1.sqlite"
    version_1_file(path)
    schema = schema_of(path)
    assert schema["user_version"] == 1
    assert {"document", "plan_row", "indikator", "sumber_dana", "meta"} <= set(schema["columns"])


def test_upgraded_version_1_file_has_the_schema_of_a_new_file(tmp_path):
    old = tmp_path / "lama.sqlite"
    version_1_file(old)
    before = old.read_bytes()
    with RenjaDocument.open(old) as doc:
        # the data survived
        assert doc.info["pemda"] == "Kota Binjai"
        assert doc.plan.totals[0] == 6_000_000
        assert [n.nama for n in doc.plan.walk()][-1] == "Sub kegiatan 3"
        assert [n.id for n in doc.plan.find_kode("8.01.02.2.01.0002")] == ["s2"]
        assert doc.plan.nodes["s2"].values["pagu_n1"] == 2_200_000
        assert doc.plan.totals[1] == 6_600_000
    new = RenjaDocument.create(tmp_path / "baru.sqlite", tahun=2024, pemda="Kota Binjai", opd="Kesbangpol")
    new.close()
    assert schema_of(old) == schema_of(tmp_path / "baru.sqlite")
    assert schema_of(old)["user_version"] == SCHEMA_VERSION
    # the old file was backed up, byte for byte, before the upgrade
    backups = list(paths.backups_dir().glob("lama.sebelum-pembaruan-v1.*.sqlite"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("PRAGMA user_version").fetchone()[0] == 1
    assert schema_of(backups[0])["master"] == schema_of_ddl(tmp_path)
    assert before != old.read_bytes()


def schema_of_ddl(tmp_path: Path):
    path = tmp_path / "ddl.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL.read_text(encoding="utf-8"))
    conn.close()
    return schema_of(path)["master"]


def test_every_version_has_a_step_and_no_mark_is_ahead():
    assert set(STEPS) == set(range(2, SCHEMA_VERSION + 1))
    for table in Base.metadata.sorted_tables:
        assert 1 <= since(table) <= SCHEMA_VERSION, table.name
        for column in table.columns:
            assert 1 <= since(column) <= SCHEMA_VERSION, f"{table.name}.{column.name}"


def _models():
    """A small model in two versions: version 2 adds columns to ``thing`` and a table ``part``."""
    v1, v2 = MetaData(), MetaData()
    Table("thing", v1, Column("id", String(36), primary_key=True), Column("name", Text, nullable=False),
          Column("parent_id", ForeignKey("thing.id"), index=True))
    thing = Table(
        "thing", v2, Column("id", String(36), primary_key=True), Column("name", Text, nullable=False),
        Column("parent_id", ForeignKey("thing.id"), index=True),
        Column("label", Text, nullable=False, default="", info={"since": 2}),
        Column("count", Integer, nullable=False, default=0, info={"since": 2}),
        Column("uid", String(36), nullable=False, default=new_id, info={"since": 2}),
        Column("note", Text, info={"since": 2}),
    )
    Index("ix_thing_label", thing.c.label)
    Table("part", v2, Column("id", String(36), primary_key=True),
          Column("thing_id", ForeignKey("thing.id", ondelete="CASCADE"), index=True, nullable=False),
          info={"since": 2})
    return v1, v2


def test_generic_step_adds_marked_tables_and_columns(tmp_path):
    v1, v2 = _models()
    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    for path, meta in ((old, v1), (new, v2)):
        engine = create_engine(f"sqlite:///{path}")
        meta.create_all(engine)
        engine.dispose()
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("INSERT INTO thing (id, name, parent_id) VALUES ('a', 'akar', NULL), ('b', 'cabang', 'a')")
    conn.execute("PRAGMA foreign_keys=OFF")
    run_step(conn, 2, add_since(2, v2))
    rows = conn.execute("SELECT id, name, parent_id, label, count, uid, note FROM thing ORDER BY id").fetchall()
    conn.close()
    assert [r[:5] for r in rows] == [("a", "akar", None, "", 0), ("b", "cabang", "a", "", 0)]
    assert rows[0][5] != rows[1][5] and len(rows[0][5]) == 36  # each old row gets its own new id
    assert rows[0][6] is None
    got, want = schema_of(old), schema_of(new)
    assert got["master"] == want["master"]
    assert got["columns"] == want["columns"] and got["keys"] == want["keys"]
    assert got["user_version"] == 2


def test_failing_step_leaves_the_file_as_it_was(tmp_path):
    v1, v2 = _models()
    Table("part2", v2, Column("id", String(36), primary_key=True), Column("x", Text))  # not marked
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    v1.create_all(engine)
    engine.dispose()
    before = schema_of(path)
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.DatabaseError, match="part2"):
        run_step(conn, 2, add_since(2, v2))
    conn.close()
    assert schema_of(path) == before


def test_version_1_file_opens_read_only_untouched(tmp_path):
    """Reports, diff and consolidation open files read-only: an old file must still load (and is
    not upgraded, not even backed up)."""
    old = tmp_path / "lama.sqlite"
    version_1_file(old)
    before = old.read_bytes()
    with RenjaDocument.open(old, readonly=True) as doc:
        assert doc.plan.totals[0] == 6_000_000
    assert old.read_bytes() == before
    assert not list(paths.backups_dir().glob("lama.*"))
