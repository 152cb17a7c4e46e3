"""The document service: one open Renja file, its computed trees, and every edit as a command.

Both the GUI and the command line go through :class:`RenjaDocument`. Each accepted edit is
checked first, written to the file and committed at once (unless inside :meth:`RenjaDocument.batch`,
which commits once at the end or rolls everything back), then applied to the in-memory trees of
:mod:`renja_desktop.compute`, and reported to listeners as a :class:`ChangeEvent` naming exactly the rows
whose shown values changed.

Loading reads rows through SQLAlchemy Core (plain row tuples), not ORM entities: for 50.000 rows
ORM identity-map construction costs several times the plain read (see ``benchmarks/run.py``).
"""
from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.engine import Connection

from . import codes, rowcheck
from .codes import SUB_KEGIATAN, CodeError
from .compute import EvalTree, Node, PlanTree, RollupTree
from .longlived import built_to_last
from .rowgroups import RowGroups
from .errors import EditError, level_text
from .stagefile import hash_optional_tables
from .events import ChangeEvent
from .formatting import NumberError, decimal_to_text, opd_with_pemda, parse_decimal, parse_rupiah
from .model import (
    DOCUMENT_FIELDS, EVAL_K_INPUT_FIELDS, EVAL_RP_INPUT_FIELDS, EVAL_TEXT_FIELDS, PLAN_MONEY_FIELDS,
    PLAN_TEXT_FIELDS, DeclaredValue, Document, EvalRow, Indikator, Meta, Pelayanan, PlanRow,
    SumberDana, Usulan, fast_id, new_id, now_stamp,
)
from .history import History
from .narrative.sections import put_rows
from .storage import (APPLICATION_ID, DocumentFileError, create_file, inspect_file, is_busy_error, make_engine,
                      upgrade_if_needed)
from .validation import validate_rows

T_DOC: Table = Document.__table__
T_PLAN: Table = PlanRow.__table__
T_IND: Table = Indikator.__table__
T_SD: Table = SumberDana.__table__
T_EVAL: Table = EvalRow.__table__
T_PEL: Table = Pelayanan.__table__
T_USUL: Table = Usulan.__table__
T_DECL: Table = DeclaredValue.__table__
T_META: Table = Meta.__table__

LIST_TABLES = {"pelayanan": T_PEL, "usulan": T_USUL}


#: the command line's ``--force``: edit a file even though a window holds its lock
IGNORE_LOCKS = False


class StaleDocument(EditError):
    """Another process changed the file since it was loaded; the document was reloaded and the
    edit not made (the command line runs the command again on the fresh content)."""


def _one_line(exc: BaseException) -> str:
    from .errors import one_line

    return one_line(exc)


def write_error(path: Path, exc: BaseException) -> EditError:
    """An error SQLite reported while an edit was written, as one sentence (Indonesian and English)."""
    from .errors import medium_text, one_line

    orig = getattr(exc, "orig", None) or exc
    name = Path(path).name
    if is_busy_error(orig):
        return EditError("edit.busy", name=name)
    medium = medium_text(orig)
    if medium is not None:
        return EditError("edit.medium", name=name, medium=medium)
    return EditError("edit.write_failed", name=name, reason=one_line(orig))


def _refuse_if_locked(path: Path) -> None:
    """Refuse to edit a file another Renja Desktop window holds (its sidecar lock names who); the
    check itself lives with the locks (:func:`renja_desktop.exchange.lock.refuse_if_locked`)."""
    from . import errors

    if errors.LOCK_CHECK is not None:
        errors.LOCK_CHECK(path)


@dataclass
class Snapshot:
    """Everything needed to put deleted rows back exactly (undo)."""

    table: str
    rows: list[dict]                      # the subtree rows, parents before children
    indikator: list[dict] = field(default_factory=list)
    sumber_dana: list[dict] = field(default_factory=list)
    position: int = 0                     # the root's index among its siblings
    parent_id: str | None = None


@dataclass
class Step:
    """One recorded inverse: call ``doc.<method>(*args, **kwargs)`` to undo one primitive write."""

    method: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass
class Recording:
    """What :meth:`RenjaDocument.recording` collected: inverse steps (in the order the writes
    happened; undo replays them backwards) and the change events emitted."""

    steps: list[Step] = field(default_factory=list)
    events: list[ChangeEvent] = field(default_factory=list)


def _label(node: Node) -> str:
    return node.kode or f"'{node.nama[:40]}'"


#: per table, the class whose instances' __dict__ hold its rows (see RenjaDocument._rows)
_ROW_KINDS: dict[str, type] = {}


class RenjaDocument:
    """An open Renja document. Use :meth:`create` or :meth:`open`, then :meth:`close`."""

    def __init__(self, path: Path, engine, readonly: bool = False):
        self.path = Path(path)
        self.engine = engine
        self.readonly = readonly
        self.conn: Connection = engine.connect()
        self._batch_depth = 0
        self._verifier: rowcheck.Verifier | None = None
        self._data_version = 0
        self._pending: list[ChangeEvent] = []
        self._listeners: list[Callable[[ChangeEvent], None]] = []
        #: while an operation runs (see :meth:`recording`): the steps that undo what it did, and
        #: the change events it emitted
        self._journal: list[Step] | None = None
        self._events: list[ChangeEvent] | None = None
        self.history = History(self)
        self.info: dict[str, Any] = {}
        self.plan = PlanTree()
        self.evaluation = EvalTree()
        self.indikator: RowGroups = RowGroups()
        self.sumber_dana: RowGroups = RowGroups()
        self.pelayanan: list[dict] = []
        self.usulan: list[dict] = []
        self.declared: list[dict] = []
        self.meta: dict[str, str] = {}
        #: asked before an edit of a fixed (ditetapkan) document; True: a Perubahan was started
        self.edit_guard: Callable[[], bool] | None = None
        self._load()

    # ---------------------------------------------------------------- opening and closing
    @classmethod
    def create(cls, path: str | Path, *, tahun: int, pemda: str = "", opd: str = "",
               **fields: Any) -> "RenjaDocument":
        """Make a new document file. Raises :class:`DocumentFileError` if it exists."""
        path = Path(path)
        if not isinstance(tahun, int) or not 2000 <= tahun <= 2100:
            raise EditError("edit.year", value=tahun)
        unknown = set(fields) - set(DOCUMENT_FIELDS)
        if unknown:
            raise EditError("edit.unknown_identity", names=", ".join(sorted(unknown)))
        engine = create_file(path)
        with engine.begin() as conn:
            conn.execute(insert(T_DOC).values(
                id=new_id(), tahun=tahun, pemda=pemda, opd=opd, created_at=now_stamp(),
                modified_at=now_stamp(), **{k: v for k, v in fields.items()},
            ))
        doc = cls(path, engine)
        doc._complete_digests()  # marks the new file's row digests complete (see rowcheck)
        return doc

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False, deep: bool = False,
             force: bool | None = None) -> "RenjaDocument":
        """Open an existing document after checking it (never writing to a bad file).

        Nothing is written to the file before it passed every check: the header and SQLite's
        ``quick_check`` (``integrity_check`` when ``deep``) first, then the load compares every
        row with its row digest (:mod:`.rowcheck`). For writing, a file another Renja Desktop
        window holds (its sidecar lock) is refused naming who, unless ``force``.
        """
        path = Path(path)
        facts = inspect_file(path, deep=deep)
        if not readonly:
            if not (IGNORE_LOCKS if force is None else force):
                _refuse_if_locked(path)
            upgrade_if_needed(path, facts)
        engine = make_engine(path, readonly=readonly)
        try:
            doc = cls(path, engine, readonly=readonly)
        except Exception as exc:
            engine.dispose()
            if isinstance(exc, DocumentFileError):
                raise
            raise DocumentFileError("damaged", "file.unloadable", path, name=path.name, reason=_one_line(exc)) from exc
        if not readonly:
            try:
                doc._complete_digests()
            except BaseException:
                doc.close()
                raise
        return doc

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            self.engine.dispose()
            gc.unfreeze()  # what is garbage now (this document's tree) can be collected again

    def __enter__(self) -> "RenjaDocument":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, table: Table, *order) -> list[dict[str, Any]]:
        """All rows of a table as plain dicts, read through Core (no ORM identity map)."""
        if order:
            result = self.conn.execute(select(table).order_by(*order))
            keys = list(result.keys())
            return [dict(zip(keys, row)) for row in result.fetchall()]
        keys, rows = self._tuples(table)
        # Each row's dict is the __dict__ of an empty object of a class kept per table: CPython
        # then shares one key table among all of them ("key-sharing dictionaries", PEP 412), so a
        # plan row takes half the memory of dict(zip(...)) and is made a little faster. They are
        # ordinary dicts in every other respect.
        kind = _ROW_KINDS.get(table.name)
        if kind is None:
            kind = _ROW_KINDS[table.name] = type(f"{table.name}_row", (), {"__slots__": ("__dict__",)})
        new = object.__new__
        out = []
        append = out.append
        for row in rows:
            values = new(kind).__dict__
            values.update(zip(keys, row))
            append(values)
        return out

    def _tuples(self, table: Table) -> tuple[list[str], list[tuple]]:
        """The column names and every row of a table as the tuples the driver returns, checked
        against the row digests while loading (a tuple may then end with its rowid)."""
        # the hot path at load: the DBAPI cursor under SQLAlchemy's connection, no Row objects
        verifier = self._verifier if table.name in rowcheck.TABLES else None
        if verifier is not None:  # each row ends with its rowid, which zip() leaves out
            sql = rowcheck.select_sql(table.name)
        else:
            names = ", ".join(f'"{c.name}"' for c in table.columns)
            sql = f'SELECT {names} FROM "{table.name}"'
        cursor = self.conn.exec_driver_sql(sql).cursor
        keys = [c.name for c in table.columns]
        rows = verifier.fetch(table.name, cursor) if verifier is not None else cursor.fetchall()
        cursor.close()
        return keys, rows

    def _load(self) -> None:
        with built_to_last():  # the tree lives as long as the document; close() gives it back
            self._load_rows()

    def _load_rows(self) -> None:
        raw = self.conn.connection.dbapi_connection
        self._verifier = rowcheck.Verifier.for_connection(raw)
        try:
            try:
                self._load_tables()
            except UnicodeDecodeError:
                # a damaged byte inside a text: read it leniently so the row digests name the row
                self._verifier = rowcheck.Verifier.for_connection(raw)
                raw.text_factory = rowcheck.lenient_text
                try:
                    self._load_tables()
                finally:
                    raw.text_factory = str
                if self._verifier is None or not self._verifier.damage:
                    self.conn.rollback()
                    raise DocumentFileError("damaged", "file.not_utf8", self.path, name=self.path.name) from None
            if self._verifier is not None:  # chapters, stages, notes, Renstra: read when needed, checked now
                self._verifier.feed_rest(raw)
        finally:
            verifier, self._verifier = self._verifier, None
        if verifier is not None and verifier.damage:
            self.conn.rollback()
            raise DocumentFileError("damaged", rowcheck.damage_message(self.path.name, verifier.damage), self.path)
        self._data_version = raw.execute("PRAGMA data_version").fetchone()[0]
        self.conn.rollback()

    def _load_tables(self) -> None:
        doc = self._rows(T_DOC)
        if not doc:
            raise DocumentFileError("damaged", "file.no_identity", name=self.path.name)
        self.info = doc[0]
        self.plan = PlanTree()
        self.plan.load_tuples(*self._tuples(T_PLAN))  # each row's dict is made when first asked for
        self.evaluation = EvalTree()
        self.evaluation.load(self._rows(T_EVAL))
        # no ORDER BY: sorting 150.000 rows in SQLite costs more than sorting the short lists; the
        # rows are grouped and made into dicts when first asked for (see rowgroups)
        self.indikator = RowGroups(*self._tuples(T_IND))
        self.sumber_dana = RowGroups(*self._tuples(T_SD))
        self.pelayanan = sorted(self._rows(T_PEL), key=lambda r: r["position"])
        self.usulan = sorted(self._rows(T_USUL), key=lambda r: r["position"])
        self.declared = self._rows(T_DECL)
        self.meta = {r["key"]: r["value"] for r in self._rows(T_META)}

    def reload(self) -> None:
        """Re-read everything from the file (after a rolled-back batch)."""
        self._load()

    # ---------------------------------------------------------------- listeners and commits
    def add_listener(self, fn: Callable[[ChangeEvent], None]) -> None:
        self._listeners.append(fn)

    def remove_listener(self, fn: Callable[[ChangeEvent], None]) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(fn)

    def _emit(self, change: ChangeEvent) -> None:
        if self._events is not None:
            self._events.append(change)
        if self._batch_depth:
            self._pending.append(change)
            return
        if change.table == "plan" and change.changed:
            change.findings = validate_rows(self, change.changed)
        for fn in list(self._listeners):
            fn(change)

    def _commit(self) -> None:
        if not self._batch_depth:
            self._finish()

    def _record(self, method: str, *args: Any, **kwargs: Any) -> None:
        """Note how to undo the write just made (only while :meth:`recording`)."""
        if self._journal is not None:
            self._journal.append(Step(method, args, kwargs))

    @contextlib.contextmanager
    def recording(self) -> Iterator[Recording]:
        """Collect the inverse steps and change events of the writes made inside (nested: the
        outer recording collects them). Used by :mod:`renja_desktop.operations`."""
        if self._journal is not None:
            yield Recording(self._journal, self._events)
            return
        rec = Recording()
        self._journal, self._events = rec.steps, rec.events
        try:
            yield rec
        finally:
            self._journal = self._events = None

    def replay(self, steps: list[Step]) -> None:
        """Undo recorded steps: run them backwards. Deleting rows whose ancestor the same run of
        deletes removes anyway is skipped (an undone import deletes its roots, not every row)."""
        ordered = list(reversed(steps))
        i = 0
        while i < len(ordered):
            step = ordered[i]
            if step.method != "_delete_tree_row":
                getattr(self, step.method)(*step.args, **step.kwargs)
                i += 1
                continue
            j = i
            while j < len(ordered) and ordered[j].method == "_delete_tree_row":
                j += 1
            run = ordered[i:j]
            doomed = {s.args[1] for s in run}
            for s in run:
                tree, _table = self._tree(s.args[0])
                node = tree.nodes.get(s.args[1])
                if node is None or any(a.id in doomed for a in node.ancestors()):
                    continue
                self._delete_tree_row(*s.args)
            i = j

    def _call(self, target: str, *args: Any, **kwargs: Any) -> Any:
        """Run a write of another core module, ``"module:function"`` called with this document
        first (recorded inverses of stages, notes and the Renstra: see renja_desktop/stages.py)."""
        import importlib

        module, name = target.split(":")
        if not module.startswith("renja_desktop."):
            raise EditError("edit.unknown_step", target=target)
        return getattr(importlib.import_module(module), name)(self, *args, **kwargs)

    def _writable_plain(self) -> None:
        if self.readonly:
            raise EditError("edit.readonly")

    # Every edit runs in one ``BEGIN IMMEDIATE`` transaction: the write lock is taken before
    # anything is read for the edit, so two processes editing one file take turns, and a file
    # changed by another process since it was loaded is noticed (``PRAGMA data_version``) before
    # anything is written: the edit is refused and the document reloaded (:class:`StaleDocument`).
    # The preconditions an edit relies on (code still free, parent still there) are re-checked
    # in the file inside that transaction.
    def _begin(self) -> None:
        raw = self.conn.connection.dbapi_connection
        if raw.in_transaction:
            return
        try:
            self.conn.exec_driver_sql("BEGIN IMMEDIATE")
            version = raw.execute("PRAGMA data_version").fetchone()[0]
        except Exception as exc:  # noqa: BLE001 - busy, read-only medium, drive gone...
            self._rollback_quietly()
            raise write_error(self.path, exc) from None
        if version != self._data_version:
            self._rollback_quietly()
            self._reload_after_outside_change()
            raise StaleDocument("edit.stale", name=self.path.name)

    def _reload_after_outside_change(self) -> None:
        self._load()
        for fn in list(self._listeners):
            fn(ChangeEvent("reset"))

    def changed_elsewhere(self) -> bool:
        """Whether another process committed to the file since it was loaded (cheap: no read of
        rows). The window polls this and calls :meth:`reload_if_changed`."""
        if self._batch_depth:
            return False
        try:
            raw = self.conn.connection.dbapi_connection
            version = raw.execute("PRAGMA data_version").fetchone()[0]
            if not raw.in_transaction:
                self.conn.rollback()
        except Exception:  # noqa: BLE001 - the file is unreachable now: nothing to reload
            return False
        return version != self._data_version

    def reload_if_changed(self) -> bool:
        """Reload (and tell listeners ``reset``) when another process changed the file."""
        if not self.changed_elsewhere():
            return False
        self._reload_after_outside_change()
        return True

    def _rollback_quietly(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.rollback()

    def _finish(self) -> None:
        """Commit the open transaction (row digests are brought up to date just before)."""
        try:
            self.conn.commit()
        except Exception as exc:  # noqa: BLE001 - disk full, drive removed, read-only medium
            self._rollback_quietly()
            raise write_error(self.path, exc) from None

    def _writable(self) -> None:
        self._writable_plain()
        fixed_by = self.meta.get("renja.tahap.terkunci")  # the stage that fixed it (stages.py)
        if fixed_by:
            if self.edit_guard is None or not self.edit_guard():
                nxt = self.meta.get("renja.tahap.berikut") or "Perubahan"
                raise EditError("edit.fixed", stage=fixed_by, next=nxt, name=self.path.name)

    def _emit_stage_change(self) -> None:
        """Stages, notes or the Renstra changed (views of those re-read them)."""
        self._emit(ChangeEvent("stages"))

    @contextlib.contextmanager
    def batch(self) -> Iterator["RenjaDocument"]:
        """Group many edits into one transaction: all are committed, or none (and memory reloads)."""
        self._writable()
        if not self._batch_depth:
            self._begin()
        self._batch_depth += 1
        ok = False
        try:
            yield self
            ok = True
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                pending, self._pending = self._pending, []
                if ok:
                    try:
                        self._finish()
                    except BaseException:
                        self._load()
                        for fn in list(self._listeners):
                            fn(ChangeEvent("reset"))
                        raise
                    for change in pending:
                        for fn in list(self._listeners):
                            fn(change)
                else:
                    self.conn.rollback()
                    self._load()
                    for fn in list(self._listeners):
                        fn(ChangeEvent("reset"))

    @contextlib.contextmanager
    def _atomic(self, recheck: Callable[[], None] | None = None) -> Iterator[None]:
        """One edit: ``BEGIN IMMEDIATE``, ``recheck`` its preconditions in the file, write, commit;
        roll back on any failure (memory is only updated after this succeeded)."""
        outer = not self._batch_depth
        if outer:
            self._begin()
        try:
            if recheck is not None:
                recheck()
            yield
        except BaseException as exc:
            if outer:
                self._rollback_quietly()
            if isinstance(exc, Exception) and not isinstance(exc, (EditError, DocumentFileError)):
                raise write_error(self.path, exc) from None
            raise
        else:
            self._commit()

    def _recheck_plan(self, *, parent_id: str | None = None, kode: str | None = None,
                      exclude_id: str | None = None) -> None:
        """The preconditions of a plan edit, read from the file inside its transaction."""
        if parent_id is not None:
            row = self.conn.execute(select(T_PLAN.c.kode).where(T_PLAN.c.id == parent_id)).first()
            if row is None:
                raise EditError("edit.parent_gone")
            parent = self.plan.nodes.get(parent_id)
            if parent is not None and row[0] != parent.kode:
                raise EditError("edit.parent_code_changed", kode=row[0])
        if kode:
            stmt = select(T_PLAN.c.id).where(T_PLAN.c.kode == kode)
            if exclude_id is not None:
                stmt = stmt.where(T_PLAN.c.id != exclude_id)
            if self.conn.execute(stmt).first() is not None:
                raise EditError("edit.code_taken_in_file", kode=kode)

    def _complete_digests(self) -> None:
        """Digest every row once when the file has none yet (older file, or just upgraded) or its
        digests do not cover every table yet (an earlier scheme); done only after the file passed
        its checks and was loaded."""
        raw = self.conn.connection.dbapi_connection
        if not rowcheck.has_table(raw) or rowcheck.current(raw):
            self.conn.rollback()
            return
        self._begin()
        try:
            rowcheck.rebuild(raw)
        except BaseException:
            self._rollback_quietly()
            raise
        self._finish()

    # ---------------------------------------------------------------- document identity
    def set_document(self, **fields: Any) -> ChangeEvent:
        self._writable()
        unknown = set(fields) - set(DOCUMENT_FIELDS)
        if unknown:
            raise EditError("edit.unknown_identity", names=", ".join(sorted(unknown)))
        clean: dict[str, Any] = {}
        for key, value in fields.items():
            if key in ("tahun", "renstra_mulai", "renstra_selesai"):
                if value in (None, "") and key != "tahun":
                    clean[key] = None
                    continue
                try:
                    year = int(str(value).strip())
                except ValueError:
                    raise EditError("edit.not_a_year", field=key, value=value) from None
                if not 2000 <= year <= 2100:
                    raise EditError("edit.year_range", field=key, year=year)
                clean[key] = year
            elif key == "kepala_nip":
                digits = "".join(ch for ch in str(value or "") if ch.isdigit())
                if value and len(digits) != 18:
                    raise EditError("edit.nip", value=value, digits=len(digits))
                clean[key] = digits
            else:
                clean[key] = "" if value is None else str(value)
        old = {k: self.info.get(k) for k in clean}
        clean["modified_at"] = now_stamp()
        with self._atomic():
            self.conn.execute(update(T_DOC).where(T_DOC.c.id == self.info["id"]).values(**clean))
        self.info.update(clean)
        self._record("set_document", **old)
        change = ChangeEvent("document", {self.info["id"]})
        self._emit(change)
        return change

    @property
    def document_id(self) -> str:
        return self.info["id"]

    def running_header(self) -> tuple[str, str]:
        """The two lines printed on every page: ("RENCANA KERJA 2024", "BADAN KESBANGPOL KOTA BINJAI")."""
        if self.info.get("running_header"):
            lines = self.info["running_header"].split("\n", 1)
            return (lines[0], lines[1] if len(lines) > 1 else "")
        who = opd_with_pemda(self.info.get("opd_singkat") or self.info.get("opd"), self.info.get("pemda"))
        return (f"RENCANA KERJA {self.info['tahun']}", who.upper())

    # ---------------------------------------------------------------- plan tree: checks
    def _check_plan_code(self, kode: str, level: int, parent: Node | None,
                         exclude_id: str | None = None) -> str:
        try:
            canonical = codes.normalize_code(kode)
        except CodeError as exc:
            raise EditError("edit.bad_code", reason=exc) from None
        actual = codes.code_level(canonical)
        if actual != level:
            raise EditError("edit.code_level", kode=canonical, actual=level_text(actual), level=level_text(level))
        if parent is not None and parent.kode:
            try:
                parent_code = codes.parse_code(parent.kode)
            except CodeError:
                parent_code = None
            if parent_code is not None and not codes.parse_code(canonical).extends(parent_code):
                raise EditError("edit.code_parent", kode=canonical, parent=parent.kode)
        for other in self.plan.find_kode(canonical):
            if other.id != exclude_id:
                raise EditError("edit.code_taken", kode=canonical, nama=other.nama[:60])
        return canonical

    def _parse_plan_value(self, node_level: int, key: str, value: Any, label: str) -> Any:
        if key in PLAN_MONEY_FIELDS:
            try:
                amount = parse_rupiah(value)
            except NumberError as exc:
                raise EditError("edit.value", row=label, field=key, reason=exc) from None
            if amount is not None and node_level != SUB_KEGIATAN:
                raise EditError("edit.money_on_parent", row=label, field=key, level=level_text(node_level, lower=True))
            if amount is not None and amount >= 2**63:
                raise EditError("edit.too_big", row=label, field=key)
            return amount
        if key in PLAN_TEXT_FIELDS:
            return "" if value is None else str(value)
        raise EditError("edit.unknown_field", field=key, what=EditError("edit.plan_row"))

    # ---------------------------------------------------------------- plan tree: edits
    def add_plan_row(self, parent_id: str | None, kode: str, nama: str, *, level: int | None = None,
                     position: int | None = None, check: bool = True, row_id: str | None = None,
                     **fields: Any) -> str:
        """Add a row under ``parent_id``; return its id. ``check=False`` (import) stores codes as given."""
        self._writable()
        parent = self.plan.nodes.get(parent_id) if parent_id is not None else None
        if parent_id is not None and parent is None:
            raise EditError("edit.parent_missing")
        if level is None:
            if parent is not None:
                level = parent.level + 1
            else:
                try:
                    level = codes.code_level(codes.normalize_code(kode))
                except CodeError as exc:
                    raise EditError("edit.bad_code", reason=exc) from None
        if not 1 <= level <= SUB_KEGIATAN:
            raise EditError("edit.bad_level", level=level)
        if check:
            if parent is not None and level != parent.level + 1:
                raise EditError("edit.level_under", level=level_text(level), parent=level_text(parent.level))
            kode = self._check_plan_code(kode, level, parent)
            if not (nama or "").strip():
                raise EditError("edit.name_empty", kode=kode)
        recheck = (lambda: self._recheck_plan(parent_id=parent_id, kode=kode)) if check else None
        return self._insert_tree_row("plan", parent_id, kode, nama, level, position, row_id, fields, recheck)

    def _insert_tree_row(self, which: str, parent_id: str | None, kode: str, nama: str, level: int,
                         position: int | None, row_id: str | None, fields: dict[str, Any],
                         recheck: Callable[[], None] | None = None) -> str:
        """Parse the fields, write the row (shifting later siblings), then add it to the tree."""
        tree, table = self._tree(which)
        text_fields, parse = ((PLAN_TEXT_FIELDS, self._parse_plan_value) if which == "plan"
                              else (EVAL_TEXT_FIELDS, self._parse_eval_value))
        label = kode or (nama or "")[:40]
        values: dict[str, Any] = {c.name: None for c in table.columns}
        values.update({k: "" for k in text_fields})
        for key, value in fields.items():
            values[key] = parse(level, key, value, label)
        siblings = tree.children_of(parent_id)
        if position is None or position > len(siblings):
            position = len(siblings)
        values.update(
            id=row_id or new_id(), parent_id=parent_id, level=level, kode=kode or "",
            nama=(nama or "").strip(), position=position, modified_at=now_stamp(),
        )
        with self._atomic(recheck):
            self._shift_positions(table, siblings[position:], +1)
            self.conn.execute(insert(table).values(**values))
        for i, sib in enumerate(siblings[position:], start=position + 1):
            sib.values["position"] = i
        changed = tree.insert(values, parent_id, position)
        if parent_id is not None:
            changed.add(parent_id)  # it has one child more, even when no total changed
        self._record("_delete_tree_row", which, values["id"])
        self._emit(ChangeEvent(which, changed, inserted=[values["id"]]))
        return values["id"]

    def add_plan_rows_bulk(self, rows: list[dict[str, Any]], indikator: list[dict[str, Any]] = (),
                           sumber_dana: list[dict[str, Any]] = ()) -> ChangeEvent:
        """Insert many new plan rows at once (the import): one statement per table, the tree
        rebuilt once. ``rows`` are complete plan rows (see :meth:`new_plan_values`) whose parents
        exist or come earlier in the list, positions after their existing siblings; ``indikator``
        and ``sumber_dana`` complete rows of theirs."""
        self._writable()
        if not rows and not indikator and not sumber_dana:
            return ChangeEvent("plan")
        with self._atomic(), self.large_cache():
            self._insert_many(T_PLAN, rows)
            self._insert_many(T_IND, indikator)
            self._insert_many(T_SD, sumber_dana)
        if rows:
            self.plan.load([n.values for n in self.plan.nodes.values()] + list(rows))
        for table, target in ((indikator, self.indikator), (sumber_dana, self.sumber_dana)):
            for item in table:
                target.setdefault(item["row_id"], []).append(item)
        self._record("_remove_plan_rows_bulk", [r["id"] for r in rows])
        # views rebuild once (the tree's nodes are new objects); then which rows came in
        self._emit(ChangeEvent("reset"))
        change = ChangeEvent("plan", inserted=[r["id"] for r in rows])
        self._emit(change)
        return change

    def _remove_plan_rows_bulk(self, ids: list[str]) -> ChangeEvent:
        """Undo of :meth:`add_plan_rows_bulk`: remove those rows (added last under their parents,
        so no sibling moves), with their indicators and funding sources."""
        self._writable()
        gone = set(ids)
        rows = [dict(self.plan.nodes[i].values) for i in ids if i in self.plan.nodes]
        indikator = [dict(x) for i in ids for x in self.indikator.get(i, [])]
        sumber_dana = [dict(x) for i in ids for x in self.sumber_dana.get(i, [])]
        with self._atomic(), self.large_cache():
            for start in range(0, len(ids), 500):
                self.conn.execute(delete(T_PLAN).where(T_PLAN.c.id.in_(ids[start:start + 500])))
        self.plan.load([n.values for n in self.plan.nodes.values() if n.id not in gone])
        for i in ids:
            self.indikator.pop(i, None)
            self.sumber_dana.pop(i, None)
        self._record("add_plan_rows_bulk", rows, indikator, sumber_dana)
        self._emit(ChangeEvent("reset"))
        change = ChangeEvent("plan", removed=list(ids))
        self._emit(change)
        return change

    def _insert_many(self, table: Table, rows: Iterable[dict[str, Any]]) -> None:
        """One prepared INSERT run for every row (the driver's executemany with plain tuples:
        a third of the time of the same insert through SQLAlchemy's per-row parameter handling)."""
        rows = rows if isinstance(rows, list) else list(rows)
        if not rows:
            return
        names = [c.name for c in table.columns if c.name in rows[0]]
        sql = (f'INSERT INTO "{table.name}" (' + ", ".join(f'"{n}"' for n in names) + ") VALUES ("
               + ", ".join("?" * len(names)) + ")")
        getter = itemgetter(*names) if len(names) > 1 else (lambda r: (r[names[0]],))
        rowcheck.insert_many(self.conn.connection.dbapi_connection, table.name, sql, [getter(r) for r in rows])

    @contextlib.contextmanager
    def large_cache(self, kib: int = 65536) -> Iterator[None]:
        """A larger SQLite page cache for a bulk write: tens of thousands of rows keyed by random
        UUIDs touch index pages all over the file, and the default 2 MiB cache would re-read
        them again and again (an import of 50.000 rows spent most of its time there)."""
        old = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
        self.conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(old)}")

    def new_plan_values(self, parent_id: str | None, kode: str, nama: str, level: int, position: int,
                        fields: dict[str, Any] | None = None, stamp: str | None = None,
                        row_id: str | None = None) -> dict[str, Any]:
        """A complete plan row for :meth:`add_plan_rows_bulk` (fields parsed as by :meth:`set_plan`)."""
        values: dict[str, Any] = dict(self._blank_plan)
        label = kode or (nama or "")[:40]
        for key, value in (fields or {}).items():
            values[key] = self._parse_plan_value(level, key, value, label)
        values.update(id=row_id or new_id(), parent_id=parent_id, level=level, kode=kode or "",
                      nama=(nama or "").strip(), position=position, modified_at=stamp or now_stamp())
        return values

    @functools.cached_property
    def _blank_plan(self) -> dict[str, Any]:
        blank = {c.name: None for c in T_PLAN.columns}
        blank.update({k: "" for k in PLAN_TEXT_FIELDS})
        return blank

    def set_plan(self, row_id: str, check: bool = True, **fields: Any) -> ChangeEvent:
        """Change fields of one plan row (``pagu='1.500.000'``, ``nama=...``, ``kode=...``)."""
        self._writable()
        node = self.plan.nodes.get(row_id)
        if node is None:
            raise EditError("edit.row_missing")
        label = _label(node)
        clean: dict[str, Any] = {}
        for key, value in fields.items():
            if key == "kode":
                kode = str(value or "").strip()
                clean["kode"] = self._check_plan_code(kode, node.level, node.parent, row_id) if check else kode
            elif key == "nama":
                if check and not str(value or "").strip():
                    raise EditError("edit.row_name_empty", row=label)
                clean["nama"] = str(value or "").strip()
            else:
                clean[key] = self._parse_plan_value(node.level, key, value, label)
        if not clean:
            return ChangeEvent("plan")
        old = {k: node.values.get(k) for k in clean}
        clean["modified_at"] = now_stamp()
        recode = "kode" in clean and clean["kode"] != node.kode and node.children and check

        def recheck() -> None:
            if check and "kode" in clean and clean["kode"] != node.kode:
                self._recheck_plan(kode=clean["kode"], exclude_id=row_id)
        with self._atomic(recheck):
            self.conn.execute(update(T_PLAN).where(T_PLAN.c.id == row_id).values(**clean))
            if recode:
                renamed = self._recode_descendants(node, clean["kode"])
        self._record("set_plan", row_id, check=False, **old)
        if recode:
            self._record("_set_codes", "plan", {rid: self.plan.nodes[rid].kode for rid in renamed})
        changed = self.plan.set_values(row_id, **clean)
        if recode:
            for rid, kode in renamed.items():
                self.plan.set_kode(rid, kode)
            changed |= set(renamed)
        change = ChangeEvent("plan", changed)
        self._emit(change)
        return change

    def _recode_descendants(self, node: Node, new_code: str) -> dict[str, str]:
        """When a parent's code changes, its descendants' codes follow (prefix replaced)."""
        old = node.kode
        renamed: dict[str, str] = {}
        if not old:
            return renamed
        for sub in self.plan.subtree(node):
            if sub is node or not sub.kode.startswith(old + "."):
                continue
            renamed[sub.id] = new_code + sub.kode[len(old):]
        stamp = now_stamp()
        for rid, kode in renamed.items():
            self.conn.execute(update(T_PLAN).where(T_PLAN.c.id == rid).values(kode=kode, modified_at=stamp))
        return renamed

    def _shift_positions(self, table: Table, nodes: list[Node], delta: int) -> None:
        stamp = now_stamp()
        for node in nodes:
            self.conn.execute(
                update(table).where(table.c.id == node.id)
                .values(position=node.values["position"] + delta, modified_at=stamp)
            )

    def _renumber(self, table: Table, siblings: list[Node]) -> None:
        stamp = now_stamp()
        for i, node in enumerate(siblings):
            if node.values.get("position") != i:
                self.conn.execute(update(table).where(table.c.id == node.id).values(position=i, modified_at=stamp))
                node.values["position"] = i

    def delete_plan_row(self, row_id: str) -> Snapshot:
        """Delete a row with all its children; return what is needed to restore it."""
        return self._delete_tree_row("plan", row_id)

    def _tree(self, which: str) -> tuple[RollupTree, Table]:
        return (self.plan, T_PLAN) if which == "plan" else (self.evaluation, T_EVAL)

    def _delete_tree_row(self, which: str, row_id: str) -> Snapshot:
        self._writable()
        tree, table = self._tree(which)
        node = tree.nodes.get(row_id)
        if node is None:
            raise EditError("edit.row_missing")
        sub = list(tree.subtree(node))
        snap = Snapshot(
            which, [dict(n.values) for n in sub], position=tree.index_of(node),
            parent_id=node.values.get("parent_id"),
        )
        if which == "plan":
            for n in sub:
                snap.indikator.extend(dict(x) for x in self.indikator.get(n.id, []))
                snap.sumber_dana.extend(dict(x) for x in self.sumber_dana.get(n.id, []))
        siblings = tree.siblings_of(node)
        index = snap.position
        with self._atomic():
            self.conn.execute(delete(table).where(table.c.id == row_id))  # children cascade
            self._shift_positions(table, siblings[index + 1:], -1)
        for sib in siblings[index + 1:]:
            sib.values["position"] -= 1
        changed, removed = tree.remove(row_id)
        if snap.parent_id is not None and snap.parent_id in tree.nodes:
            changed.add(snap.parent_id)  # it has one child fewer, even when no total changed
        if which == "plan":
            for rid in removed:
                self.indikator.pop(rid, None)
                self.sumber_dana.pop(rid, None)
        self._record("restore", snap)
        self._emit(ChangeEvent(which, changed, removed=removed))
        return snap

    def restore(self, snap: Snapshot) -> ChangeEvent:
        """Put back rows removed by a delete (undo), with the same ids, values and position."""
        self._writable()
        tree, table = self._tree(snap.table)
        if snap.table in LIST_TABLES:
            return self._restore_list(snap)
        siblings = tree.children_of(snap.parent_id)
        position = min(snap.position, len(siblings))
        root = snap.rows[0]
        with self._atomic():
            self._shift_positions(table, siblings[position:], +1)
            for row in snap.rows:
                values = dict(row)
                if values["id"] == root["id"]:
                    values["position"] = position
                self.conn.execute(insert(table).values(**values))
            for ind in snap.indikator:
                self.conn.execute(insert(T_IND).values(**ind))
            for sd in snap.sumber_dana:
                self.conn.execute(insert(T_SD).values(**sd))
        for i, sib in enumerate(siblings[position:], start=position + 1):
            sib.values["position"] = i
        changed: set[str] = set()
        inserted = []
        for row in snap.rows:
            values = dict(row)
            pid = values.get("parent_id")
            if values["id"] == root["id"]:
                values["position"] = position
                changed |= tree.insert(values, pid, position)
            else:
                changed |= tree.insert(values, pid, None)
            inserted.append(values["id"])
        for ind in snap.indikator:
            self.indikator.setdefault(ind["row_id"], []).append(dict(ind))
        for sd in snap.sumber_dana:
            self.sumber_dana.setdefault(sd["row_id"], []).append(dict(sd))
        for lst in (self.indikator, self.sumber_dana):
            for rid in inserted:
                if rid in lst:
                    lst[rid].sort(key=lambda x: x["position"])
        if snap.parent_id is not None and snap.parent_id in tree.nodes:
            changed.add(snap.parent_id)  # it has its child back, even when no total changed
        self._record("_delete_tree_row", snap.table, root["id"])
        change = ChangeEvent(snap.table, changed, inserted=inserted)
        self._emit(change)
        return change

    def move_plan_row(self, row_id: str, new_parent_id: str | None, position: int | None = None,
                      recode: bool = True) -> ChangeEvent:
        """Move a row (with its children) to ``position`` under ``new_parent_id``.

        The new parent must be one level up. When the parent changes and ``recode`` is on, the
        row's code follows its new parent (next free number there) and its descendants' codes too.
        """
        return self._move_tree_row("plan", row_id, new_parent_id, position, recode)

    def _move_tree_row(self, which: str, row_id: str, new_parent_id: str | None,
                       position: int | None, recode: bool) -> ChangeEvent:
        self._writable()
        tree, table = self._tree(which)
        node = tree.nodes.get(row_id)
        if node is None:
            raise EditError("edit.row_missing")
        new_parent = tree.nodes.get(new_parent_id) if new_parent_id is not None else None
        if new_parent_id is not None and new_parent is None:
            raise EditError("edit.target_missing")
        expected_parent_level = node.level - 1
        if (new_parent.level if new_parent is not None else 0) != expected_parent_level:
            where = level_text(new_parent.level) if new_parent else EditError("edit.top_level")
            raise EditError("edit.move_level", level=level_text(node.level), row=_label(node), where=where)
        probe = new_parent
        while probe is not None:
            if probe is node:
                raise EditError("edit.move_into_itself")
            probe = probe.parent
        old_siblings = tree.siblings_of(node)
        old_parent = node.parent
        old_position = tree.index_of(node)
        same_parent = old_parent is new_parent
        new_code = None
        if recode and not same_parent and new_parent is not None and new_parent.kode and node.kode:
            try:
                if not codes.parse_code(node.kode).extends(codes.parse_code(new_parent.kode)):
                    new_code = self._next_code_in(tree, new_parent, prefer=codes.last_number(node.kode))
            except CodeError:
                new_code = None
        changed = tree.move(row_id, new_parent_id, position)
        new_siblings = tree.siblings_of(node)
        def recheck() -> None:
            if which == "plan":
                self._recheck_plan(parent_id=new_parent_id, kode=new_code, exclude_id=row_id)
        try:
            with self._atomic(recheck):
                stamp = now_stamp()
                self.conn.execute(update(table).where(table.c.id == row_id)
                                  .values(parent_id=new_parent_id, modified_at=stamp))
                self._renumber(table, old_siblings)
                if not same_parent:
                    self._renumber(table, new_siblings)
                renamed: dict[str, str] = {}
                if new_code is not None:
                    if which == "plan":
                        renamed = self._recode_descendants(node, new_code)
                    else:
                        renamed = self._recode_eval(node, new_code)
                    self.conn.execute(update(table).where(table.c.id == row_id).values(kode=new_code))
        except BaseException:
            self._load()
            raise
        self._record("_move_tree_row", which, row_id, old_parent.id if old_parent is not None else None,
                     old_position, False)
        if new_code is not None:
            self._record("_set_codes", which, {rid: tree.nodes[rid].kode for rid in (node.id, *renamed)})
            tree.set_kode(node.id, new_code)
            for rid, kode in renamed.items():
                tree.set_kode(rid, kode)
            changed |= set(renamed) | {node.id}
        # both parents show a changed set of children even when no total moved
        changed |= {p.id for p in (old_parent, new_parent) if p is not None}
        change = ChangeEvent(which, changed, moved=[row_id])
        self._emit(change)
        return change

    def _recode_eval(self, node: Node, new_code: str) -> dict[str, str]:
        old = node.kode
        renamed = {}
        for sub in self.evaluation.subtree(node):
            if sub is not node and old and sub.kode.startswith(old + "."):
                renamed[sub.id] = new_code + sub.kode[len(old):]
        for rid, kode in renamed.items():
            self.conn.execute(update(T_EVAL).where(T_EVAL.c.id == rid).values(kode=kode))
        return renamed

    def _set_codes(self, which: str, new_codes: dict[str, str]) -> ChangeEvent:
        """Write codes as given (no checks): how undo puts codes back after a move or a recode."""
        self._writable()
        tree, table = self._tree(which)
        new_codes = {rid: kode for rid, kode in new_codes.items() if rid in tree.nodes}
        old = {rid: tree.nodes[rid].kode for rid in new_codes}
        stamp = now_stamp()
        with self._atomic():
            for rid, kode in new_codes.items():
                self.conn.execute(update(table).where(table.c.id == rid).values(kode=kode, modified_at=stamp))
        for rid, kode in new_codes.items():
            tree.set_kode(rid, kode)
            tree.nodes[rid].values["modified_at"] = stamp
        self._record("_set_codes", which, old)
        change = ChangeEvent(which, set(new_codes))
        self._emit(change)
        return change

    def _next_code_in(self, tree: RollupTree, parent: Node | None, prefer: int | None = None,
                      level: int | None = None) -> str:
        """The one rule for a new row's code, in both trees: one past the highest number used
        among the parent's children (or ``prefer`` when free); a root row is an urusan unless
        ``level`` says otherwise. Empty when the parent has no code or the level has no numbering
        of its own at the top (a program without its bidang)."""
        if parent is not None:
            level = parent.level + 1
        elif level is None:
            level = codes.URUSAN
        if parent is not None and not parent.kode:
            return ""
        taken = set()
        for child in tree.children_of(parent.id if parent is not None else None):
            n = codes.last_number(child.kode)
            if n is not None:
                taken.add(n)
        parent_code = parent.kode if parent is not None else None
        if prefer is not None and prefer not in taken and prefer > 0:
            number = prefer
        else:
            number = (max(taken) + 1) if taken else 1
        if parent_code is None and level != codes.URUSAN:
            return ""
        try:
            return codes.child_code(parent_code, number, level)
        except (KeyError, IndexError, TypeError, ValueError):
            return ""

    def next_free_code(self, parent_id: str | None, which: str = "plan", level: int | None = None) -> str:
        """The code a new child of ``parent_id`` should get in the plan (``which='plan'``) or the
        evaluation tree (``'eval'``); for a root row ``level`` names its level (bawaan: urusan)."""
        tree, _table = self._tree(which)
        parent = tree.nodes.get(parent_id) if parent_id is not None else None
        return self._next_code_in(tree, parent, level=level)

    def plan_by_kode(self, kode: str) -> Node | None:
        try:
            kode = codes.normalize_code(kode)
        except CodeError:
            pass
        found = self.plan.find_kode(kode)
        if len(found) <= 1:
            return found[0] if found else None
        ids = {n.id for n in found}
        return next(n for n in self.plan.walk() if n.id in ids)  # the first in document order

    # ---------------------------------------------------------------- indicators and funding
    def set_indikator(self, row_id: str, items: list[dict]) -> ChangeEvent:
        """Replace a plan row's indicators: dicts of ``teks``, ``target``, ``satuan``, ``target_n1``."""
        self._writable()
        node = self.plan.nodes.get(row_id)
        if node is None:
            raise EditError("edit.row_missing")
        old = {x["id"]: x for x in self.indikator.get(row_id, [])}
        rows = []
        for i, item in enumerate(items):
            unknown = set(item) - {"id", "teks", "target", "satuan", "target_n1", "row_id", "position", "modified_at"}
            if unknown:
                raise EditError("edit.unknown_indicator_field", names=", ".join(sorted(unknown)))
            rid = item.get("id") or new_id()
            row = {"id": rid, "row_id": row_id, "position": i,
                   "teks": str(item.get("teks") or "").strip(),
                   "target": str(item.get("target") or "").strip(),
                   "satuan": str(item.get("satuan") or "").strip(),
                   "target_n1": str(item.get("target_n1") or "").strip()}
            prev = old.get(rid)
            same = prev is not None and all(prev.get(k) == row[k] for k in ("position", "teks", "target", "satuan", "target_n1"))
            row["modified_at"] = prev["modified_at"] if same else now_stamp()
            rows.append(row)
        keep = {r["id"] for r in rows}
        with self._atomic():
            for rid in set(old) - keep:
                self.conn.execute(delete(T_IND).where(T_IND.c.id == rid))
            for row in rows:
                if row["id"] in old:
                    if row["modified_at"] != old[row["id"]]["modified_at"]:
                        self.conn.execute(update(T_IND).where(T_IND.c.id == row["id"]).values(**row))
                else:
                    self.conn.execute(insert(T_IND).values(**row))
        self._record("set_indikator", row_id, [dict(x) for x in old.values()])
        if rows:
            self.indikator[row_id] = rows
        else:
            self.indikator.pop(row_id, None)
        change = ChangeEvent("plan", {row_id})
        self._emit(change)
        return change

    def set_sumber_dana(self, row_id: str, items: list[dict]) -> ChangeEvent:
        """Replace a sub kegiatan's funding sources: dicts of ``nama``, ``kode``, ``jumlah``."""
        self._writable()
        node = self.plan.nodes.get(row_id)
        if node is None:
            raise EditError("edit.row_missing")
        if items and node.level != SUB_KEGIATAN:
            raise EditError("edit.funding_on_parent", row=_label(node))
        old = {x["id"]: x for x in self.sumber_dana.get(row_id, [])}
        rows = []
        for i, item in enumerate(items):
            try:
                jumlah = parse_rupiah(item.get("jumlah"))
            except NumberError as exc:
                raise EditError("edit.funding_value", row=_label(node), index=i + 1, reason=exc) from None
            nama = str(item.get("nama") or "").strip()
            if not nama and not item.get("kode"):
                raise EditError("edit.funding_name", row=_label(node), index=i + 1)
            rows.append({"id": item.get("id") or new_id(), "row_id": row_id, "position": i,
                         "kode": str(item.get("kode") or "").strip(), "nama": nama, "jumlah": jumlah,
                         "modified_at": now_stamp()})
        with self._atomic():
            self.conn.execute(delete(T_SD).where(T_SD.c.row_id == row_id))
            for row in rows:
                self.conn.execute(insert(T_SD).values(**row))
        self._record("set_sumber_dana", row_id, [dict(x) for x in old.values()])
        if rows:
            self.sumber_dana[row_id] = rows
        else:
            self.sumber_dana.pop(row_id, None)
        change = ChangeEvent("plan", {row_id})
        self._emit(change)
        return change

    def sumber_dana_text(self, row_id: str) -> str:
        return "; ".join(x["nama"] or x["kode"] for x in self.sumber_dana.get(row_id, []))

    # ---------------------------------------------------------------- evaluation tree (Tabel 2.1)
    def _parse_eval_value(self, level: int, key: str, value: Any, label: str) -> Any:
        if key in EVAL_RP_INPUT_FIELDS:
            try:
                amount = parse_rupiah(value)
            except NumberError as exc:
                raise EditError("edit.value", row=label, field=key, reason=exc) from None
            if amount is not None and level != SUB_KEGIATAN:
                raise EditError("edit.eval_money_on_parent", row=label)
            return amount
        if key in EVAL_K_INPUT_FIELDS:
            try:
                number = parse_decimal(value)
            except NumberError as exc:
                raise EditError("edit.value", row=label, field=key, reason=exc) from None
            if number is not None and number < 0:
                raise EditError("edit.not_negative", row=label, field=key)
            return decimal_to_text(number)
        if key in EVAL_TEXT_FIELDS:
            return "" if value is None else str(value).strip()
        raise EditError("edit.unknown_field", field=key, what=EditError("edit.eval_row"))

    def add_eval_row(self, parent_id: str | None, kode: str, nama: str, *, level: int | None = None,
                     position: int | None = None, row_id: str | None = None, **fields: Any) -> str:
        self._writable()
        parent = self.evaluation.nodes.get(parent_id) if parent_id is not None else None
        if parent_id is not None and parent is None:
            raise EditError("edit.parent_missing")
        if level is None:
            level = parent.level + 1 if parent is not None else codes.URUSAN
        if not 1 <= level <= SUB_KEGIATAN:
            raise EditError("edit.bad_level", level=level)
        return self._insert_tree_row("eval", parent_id, kode, nama, level, position, row_id, fields)

    def set_eval(self, row_id: str, **fields: Any) -> ChangeEvent:
        self._writable()
        node = self.evaluation.nodes.get(row_id)
        if node is None:
            raise EditError("edit.row_missing")
        label = _label(node)
        clean = {k: self._parse_eval_value(node.level, k, v, label) for k, v in fields.items()}
        if not clean:
            return ChangeEvent("eval")
        old = {k: node.values.get(k) for k in clean}
        clean["modified_at"] = now_stamp()
        with self._atomic():
            self.conn.execute(update(T_EVAL).where(T_EVAL.c.id == row_id).values(**clean))
        self._record("set_eval", row_id, **old)
        changed = self.evaluation.set_values(row_id, **clean)
        change = ChangeEvent("eval", changed)
        self._emit(change)
        return change

    def delete_eval_row(self, row_id: str) -> Snapshot:
        return self._delete_tree_row("eval", row_id)

    def move_eval_row(self, row_id: str, new_parent_id: str | None, position: int | None = None) -> ChangeEvent:
        return self._move_tree_row("eval", row_id, new_parent_id, position, recode=True)

    # ---------------------------------------------------------------- lists (Tabel 2.2, 2.4)
    def _list(self, name: str) -> tuple[list[dict], Table]:
        if name not in LIST_TABLES:
            raise EditError("edit.unknown_list", name=name)
        return (self.pelayanan if name == "pelayanan" else self.usulan), LIST_TABLES[name]

    def add_list_item(self, name: str, position: int | None = None, item_id: str | None = None,
                      **fields: Any) -> str:
        self._writable()
        items, table = self._list(name)
        cols = {c.name for c in table.columns} - {"id", "position", "modified_at"}
        unknown = set(fields) - cols
        if unknown:
            raise EditError("edit.unknown_list_fields", name=name, names=", ".join(sorted(unknown)))
        if position is None or position > len(items):
            position = len(items)
        row = {c: "" for c in cols}
        row.update({k: ("" if v is None else str(v)) for k, v in fields.items()})
        row.update(id=item_id or new_id(), position=position, modified_at=now_stamp())
        with self._atomic():
            for i, it in enumerate(items[position:], start=position + 1):
                self.conn.execute(update(table).where(table.c.id == it["id"]).values(position=i))
            self.conn.execute(insert(table).values(**row))
        items.insert(position, row)
        for i, it in enumerate(items):
            it["position"] = i
        self._record("delete_list_item", name, row["id"])
        self._emit(ChangeEvent(name, {row["id"]}, inserted=[row["id"]]))
        return row["id"]

    def set_list_item(self, name: str, item_id: str, **fields: Any) -> ChangeEvent:
        self._writable()
        items, table = self._list(name)
        item = next((it for it in items if it["id"] == item_id), None)
        if item is None:
            raise EditError("edit.row_missing")
        cols = {c.name for c in table.columns} - {"id", "position", "modified_at"}
        unknown = set(fields) - cols
        if unknown:
            raise EditError("edit.unknown_list_fields", name=name, names=", ".join(sorted(unknown)))
        clean = {k: ("" if v is None else str(v)) for k, v in fields.items()}
        old = {k: item.get(k) for k in clean}
        clean["modified_at"] = now_stamp()
        with self._atomic():
            self.conn.execute(update(table).where(table.c.id == item_id).values(**clean))
        item.update(clean)
        self._record("set_list_item", name, item_id, **old)
        change = ChangeEvent(name, {item_id})
        self._emit(change)
        return change

    def delete_list_item(self, name: str, item_id: str) -> Snapshot:
        self._writable()
        items, table = self._list(name)
        index = next((i for i, it in enumerate(items) if it["id"] == item_id), None)
        if index is None:
            raise EditError("edit.row_missing")
        snap = Snapshot(name, [dict(items[index])], position=index)
        with self._atomic():
            self.conn.execute(delete(table).where(table.c.id == item_id))
            for i, it in enumerate(items[index + 1:], start=index):
                self.conn.execute(update(table).where(table.c.id == it["id"]).values(position=i))
        items.pop(index)
        for i, it in enumerate(items):
            it["position"] = i
        self._record("restore", snap)
        self._emit(ChangeEvent(name, set(), removed=[item_id]))
        return snap

    def _restore_list(self, snap: Snapshot) -> ChangeEvent:
        row = dict(snap.rows[0])
        fields = {k: v for k, v in row.items() if k not in ("id", "position", "modified_at")}
        self.add_list_item(snap.table, position=snap.position, item_id=row["id"], **fields)
        return ChangeEvent(snap.table, {row["id"]}, inserted=[row["id"]])

    # ---------------------------------------------------------------- declared (printed) values
    def add_declared(self, tabel: str, kode: str, kolom: str, teks: str, nilai: int | None,
                     row_id: str | None = None, sumber: str = "") -> str:
        """Keep a value the source document printed, for the audit only."""
        self._writable()
        row = {"id": new_id(), "tabel": tabel, "kode": kode or "", "row_id": row_id, "kolom": kolom,
               "teks": teks or "", "nilai": nilai, "sumber": sumber, "modified_at": now_stamp()}
        with self._atomic():
            self.conn.execute(
                delete(T_DECL).where(T_DECL.c.tabel == tabel, T_DECL.c.kode == (kode or ""),
                                     T_DECL.c.kolom == kolom,
                                     (T_DECL.c.row_id == row_id) if row_id else T_DECL.c.row_id.is_(None))
            )
            self.conn.execute(insert(T_DECL).values(**row))
        keep, gone = [], []
        for d in self.declared:
            same = (d["tabel"] == tabel and d["kode"] == (kode or "") and d["kolom"] == kolom
                    and d["row_id"] == row_id)
            (gone if same else keep).append(d)
        self.declared = keep
        self.declared.append(row)
        self._record("_replace_declared", [row["id"]], gone)
        self._emit(ChangeEvent("declared", {row["id"]}))
        return row["id"]

    def add_declared_many(self, items: list[dict]) -> list[str]:
        """Keep many printed values at once (an import): like :meth:`add_declared` for each dict
        (``tabel``, ``kode``, ``kolom``, ``teks``, ``nilai``, ``row_id``, ``sumber``), in one pass."""
        self._writable()
        rows: dict[tuple, dict] = {}
        stamp = now_stamp()
        for it in items:
            row = {"id": fast_id(), "tabel": it["tabel"], "kode": it.get("kode") or "",
                   "row_id": it.get("row_id"), "kolom": it["kolom"], "teks": it.get("teks") or "",
                   "nilai": it.get("nilai"), "sumber": it.get("sumber") or "", "modified_at": stamp}
            rows[(row["tabel"], row["kode"], row["kolom"], row["row_id"])] = row  # the last one wins
        if not rows:
            return []
        keys = set(rows)
        old_ids = [d["id"] for d in self.declared if (d["tabel"], d["kode"], d["kolom"], d["row_id"]) in keys]
        with self._atomic():
            for start in range(0, len(old_ids), 500):
                self.conn.execute(delete(T_DECL).where(T_DECL.c.id.in_(old_ids[start:start + 500])))
            self._insert_many(T_DECL, list(rows.values()))
        gone = [d for d in self.declared if (d["tabel"], d["kode"], d["kolom"], d["row_id"]) in keys]
        self.declared = [d for d in self.declared if (d["tabel"], d["kode"], d["kolom"], d["row_id"]) not in keys]
        self.declared.extend(rows.values())
        ids = [r["id"] for r in rows.values()]
        self._record("_replace_declared", ids, gone)
        self._emit(ChangeEvent("declared", set(ids)))
        return ids

    def clear_declared(self, tabel: str | None = None) -> None:
        self._writable()
        with self._atomic():
            stmt = delete(T_DECL)
            if tabel is not None:
                stmt = stmt.where(T_DECL.c.tabel == tabel)
            self.conn.execute(stmt)
        gone = [d for d in self.declared if tabel is None or d["tabel"] == tabel]
        self.declared = [d for d in self.declared if tabel is not None and d["tabel"] != tabel]
        self._record("_replace_declared", [], gone)
        self._emit(ChangeEvent("declared"))

    def _replace_declared(self, remove_ids: list[str], rows: list[dict]) -> None:
        """Remove printed values by id and put rows back as they were (how undo reverses them)."""
        self._writable()
        remove = set(remove_ids)
        gone = [d for d in self.declared if d["id"] in remove]
        with self._atomic():
            ids = list(remove)
            for start in range(0, len(ids), 500):
                self.conn.execute(delete(T_DECL).where(T_DECL.c.id.in_(ids[start:start + 500])))
            if rows:
                self.conn.execute(insert(T_DECL), [dict(r) for r in rows])
        self.declared = [d for d in self.declared if d["id"] not in remove] + [dict(r) for r in rows]
        self._record("_replace_declared", [r["id"] for r in rows], gone)
        self._emit(ChangeEvent("declared", {r["id"] for r in rows}))

    # ---------------------------------------------------------------- whole-document snapshots
    def take_snapshot(self) -> sqlite3.Connection:
        """An in-memory copy of the whole file, for undoing a whole-document operation (an import)."""
        if self._batch_depth:
            raise EditError("edit.snapshot_in_batch")
        self.conn.commit()
        snapshot = sqlite3.connect(":memory:")
        self.conn.connection.driver_connection.backup(snapshot)
        return snapshot

    def restore_snapshot(self, snapshot: sqlite3.Connection) -> ChangeEvent:
        """Put the whole file back as it was at :meth:`take_snapshot` (one transaction), reload."""
        self._writable()
        if self._batch_depth:
            raise EditError("edit.restore_in_batch")
        facts = snapshot.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
        if facts != APPLICATION_ID:
            raise EditError("edit.snapshot_foreign")
        same_doc = snapshot.execute("SELECT id FROM document").fetchone()
        if same_doc is None or same_doc[0] != self.info.get("id"):
            raise EditError("edit.snapshot_other")
        self.conn.commit()
        snapshot.backup(self.conn.connection.driver_connection)
        self._load()
        change = ChangeEvent("reset")
        self._emit(change)
        return change

    # ---------------------------------------------------------------- written document
    def put_sections(self, rows: list[dict], ids: list[str]) -> ChangeEvent:
        """The written document's one write (chapters, see :mod:`renja_desktop.narrative.store`):
        make the section rows ``ids`` exactly ``rows``; records its own inverse."""
        return put_rows(self, rows, ids)

    # ---------------------------------------------------------------- meta
    def set_meta(self, key: str, value: str | None) -> None:
        """Keep a value in the document's meta table (``None`` removes the key)."""
        self._writable_plain()  # bookkeeping: allowed on a fixed (ditetapkan) document too
        old = self.meta.get(key)
        with self._atomic():
            self.conn.execute(delete(T_META).where(T_META.c.key == key))
            if value is not None:
                self.conn.execute(insert(T_META).values(key=key, value=value))
        if value is None:
            self.meta.pop(key, None)
        else:
            self.meta[key] = value
        self._record("set_meta", key, old)

    # ---------------------------------------------------------------- whole-document views
    def plan_records(self) -> list[dict[str, Any]]:
        """Every plan row in document order with its computed values (``tree --json``)."""
        out = []
        for node in self.plan.walk():
            v = node.values
            inds = self.indikator.get(node.id, [])
            first = inds[0] if inds else {}
            out.append({
                "id": node.id,
                "parent_id": v.get("parent_id"),
                "kode": node.kode,
                "nama": node.nama,
                "level": node.level,
                "level_name": codes.LEVEL_KEYS.get(node.level, ""),
                "pagu": node.sums[0],
                "pagu_n1": node.sums[1],
                "rkpd_pagu": node.sums[2],
                "outcome": v.get("outcome") or "",
                "indikator": first.get("teks", ""),
                "target": first.get("target", ""),
                "satuan": first.get("satuan", ""),
                "target_n1": first.get("target_n1", ""),
                "indikator_list": [
                    {k: i[k] for k in ("teks", "target", "satuan", "target_n1")} for i in inds
                ],
                "lokasi": v.get("lokasi") or "",
                "sumber_dana": self.sumber_dana_text(node.id),
                "catatan": v.get("catatan") or "",
                "penanggung_jawab": v.get("penanggung_jawab") or "",
                "depth": node.depth(),
            })
        return out

    def content_hash(self) -> str:
        """A hash of the document's content (every row of every table, in a stable order)."""
        h = hashlib.sha256()
        c = self.conn
        for table in (T_DOC, T_PLAN, T_IND, T_SD, T_EVAL, T_PEL, T_USUL, T_DECL):
            for row in c.execute(select(table).order_by(table.c.id)):
                h.update(json.dumps(list(row), default=str, ensure_ascii=False).encode("utf-8"))
            h.update(table.name.encode())
        hash_optional_tables(c.connection.driver_connection, h)  # stages, notes, Renstra
        c.rollback()
        return h.hexdigest()
