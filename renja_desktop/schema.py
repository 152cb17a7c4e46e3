"""The document's schema: one source of truth (the SQLAlchemy model) and the upgrade steps.

A new file gets the schema straight from :mod:`renja_desktop.model` (``create_all``). An older file
is brought up to date by :data:`STEPS`: ``STEPS[v]`` upgrades a file from version ``v - 1`` to
``v``. The steps are Python functions on a plain :mod:`sqlite3` connection and are driven by the
same model, so an upgraded file and a new file end up with the same schema
(``tests/test_schema.py`` compares them).

How a schema change is made
---------------------------
1. Add the table or column to :mod:`renja_desktop.model` and mark it with the version that brings
   it: a table with ``__table_args__ = {"info": {"since": 2}}``, a column with
   ``mapped_column(..., info={"since": 2})``.
2. While :data:`SCHEMA_VERSION` is that version, nothing else is needed: the generic step
   :func:`add_since` creates every marked table and adds every marked column. For a change that
   is not "a new table or column" (a column renamed, values rewritten), write a function that does
   it and call it from that version's step.
3. A released version is frozen: a later change gets the next version number, a new entry in
   :data:`STEPS` and a new fixture ``tests/data/schema_vN.sql``.

How a column is added: SQLite's ``ALTER TABLE ... ADD COLUMN`` would put it after the table's
constraints and cannot add a ``NOT NULL`` column without a SQL default, so the table is rebuilt
(the procedure the SQLite manual describes): the old table is renamed, the table is created anew
from the model, the rows are copied (a new column gets its Python default: ``""``, ``0``, a new
UUID...), the old table is dropped and the model's indexes are created. Foreign keys are checked
before the step commits.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

from sqlalchemy import MetaData, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable

from .model import Base

#: the schema version this build writes (``PRAGMA user_version``)
SCHEMA_VERSION = 2

Step = Callable[[sqlite3.Connection], None]

_DIALECT = sqlite_dialect.dialect()


def since(item) -> int:
    """The schema version a table or column was added in (1: the first schema)."""
    return int(item.info.get("since", 1))


def create_table_sql(table: Table) -> list[str]:
    """``CREATE TABLE`` and its ``CREATE INDEX`` statements, exactly as ``create_all`` issues them."""
    out = [str(CreateTable(table).compile(dialect=_DIALECT)).strip()]
    for index in sorted(table.indexes, key=lambda i: i.name or ""):
        out.append(str(CreateIndex(index).compile(dialect=_DIALECT)).strip())
    return out


def _columns_in_file(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _default_of(column):
    """A column's Python-side default for rows that existed before the column did."""
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return lambda: default.arg
    if default.is_callable:
        return lambda: default.arg(None)
    return None


def rebuild_table(conn: sqlite3.Connection, table: Table) -> None:
    """Recreate ``table`` from the model, keeping its rows; columns the file lacks get their default."""
    name = table.name
    old = f"_old_{name}"
    present = set(_columns_in_file(conn, name))
    for (index_name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL", (name,)
    ).fetchall():
        conn.execute(f'DROP INDEX "{index_name}"')
    # legacy mode: renaming must not rewrite the REFERENCES of the other tables to the old name
    conn.execute("PRAGMA legacy_alter_table=ON")
    conn.execute(f'ALTER TABLE "{name}" RENAME TO "{old}"')
    conn.execute("PRAGMA legacy_alter_table=OFF")
    for statement in create_table_sql(table):
        conn.execute(statement)
    kept = [c.name for c in table.columns if c.name in present]
    added = [c for c in table.columns if c.name not in present]
    select = [f'"{c}"' for c in kept]
    for k, column in enumerate(added):
        fill = _default_of(column)
        if fill is None:
            select.append("NULL")
            continue
        function = f"renja_default_{k}"
        conn.create_function(function, 0, fill)
        select.append(f"{function}()")
    columns = ", ".join(f'"{c}"' for c in kept + [c.name for c in added])
    conn.execute(f'INSERT INTO "{name}" ({columns}) SELECT {", ".join(select)} FROM "{old}"')
    conn.execute(f'DROP TABLE "{old}"')


def add_since(version: int, metadata: MetaData = Base.metadata) -> Step:
    """The generic step to ``version``: create every table marked ``since: version`` and add every
    column so marked (rebuilding its table, see the module's text)."""

    def step(conn: sqlite3.Connection) -> None:
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in metadata.sorted_tables:
            if table.name not in existing:
                if since(table) != version:
                    raise sqlite3.DatabaseError(
                        f"tabel '{table.name}' tidak ada di berkas dan bukan tabel baru versi {version}")
                for statement in create_table_sql(table):
                    conn.execute(statement)
            elif any(since(c) == version for c in table.columns) \
                    and set(_columns_in_file(conn, table.name)) != {c.name for c in table.columns}:
                rebuild_table(conn, table)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise sqlite3.IntegrityError(f"pembaruan format merusak kunci tamu: {problems[0]}")

    step.__name__ = f"add_since_{version}"
    return step


#: ``STEPS[v]`` upgrades a file from version ``v - 1`` to ``v``
STEPS: dict[int, Step] = {
    2: add_since(2),
}


def run_step(conn: sqlite3.Connection, version: int, step: Step) -> None:
    """Run one step in its own transaction, with ``user_version`` set inside it (a crash leaves
    the file at the old or the new version, never between)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        step(conn)
        conn.execute(f"PRAGMA user_version={version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


__all__ = ["SCHEMA_VERSION", "STEPS", "Step", "add_since", "create_table_sql", "rebuild_table", "run_step",
           "since"]
