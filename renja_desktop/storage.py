"""The file is the document (docs/architecture.md, "The file format").

One self-contained SQLite file per Renja: rollback journal (never WAL), ``application_id`` and
``user_version`` set, foreign keys on, every edit committed at once (``synchronous=FULL``). Before a
file is opened for writing it is inspected read-only: a file that is not SQLite, belongs to another
application, is truncated or damaged, or comes from a newer version of Renja Desktop is refused
with its own Indonesian message and is left byte-for-byte untouched. Older files are upgraded by the
ordered steps of :mod:`renja_desktop.schema` after a backup copy is taken.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from . import paths
from .errors import RenjaError
from .model import Base
from .schema import SCHEMA_VERSION, STEPS, Step, run_step

#: ``PRAGMA application_id`` of a Renja Desktop document: ASCII "RNJA"
APPLICATION_ID = 0x524E4A41
#: page size of new documents. Larger pages than SQLite's 4 KiB default make the whole-file work of
#: a save-a-copy (backup, ``quick_check``, hashing) about a third faster; a row edit journals one
#: page more or less either way. Files made with other page sizes open and work the same.
PAGE_SIZE = 16384

SQLITE_MAGIC = b"SQLite format 3\x00"


class DocumentFileError(RenjaError):
    """A file that cannot be opened as a Renja document. ``kind`` names the case for callers;
    ``message`` is a message key of :mod:`.errors` (with ``params``) or the message itself."""

    def __init__(self, kind: str, message: str, path: str | os.PathLike | None = None, **params: Any):
        self.kind = kind
        self.path = str(path) if path is not None else None
        super().__init__(message, **params)


@dataclass
class FileFacts:
    path: Path
    size: int
    page_size: int
    page_count: int
    application_id: int
    user_version: int
    wal: bool = False
    change_counter: int = 0


def header_facts(path: Path) -> FileFacts:
    """Read the 100-byte SQLite header without going through SQLite at all."""
    name = path.name
    if not path.exists():
        raise DocumentFileError("missing", "file.missing", path, name=name)
    if path.is_dir():
        raise DocumentFileError("not_a_file", "file.folder", path, name=name)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except PermissionError as exc:
        raise DocumentFileError("no_access", "file.no_access", path, name=name, reason=exc.strerror) from exc
    except OSError as exc:
        raise DocumentFileError("io", "file.unreadable", path, name=name, reason=exc.strerror or exc) from exc
    if size == 0:
        raise DocumentFileError("empty", "file.empty", path, name=name)
    if not header.startswith(SQLITE_MAGIC):
        raise DocumentFileError("not_sqlite", "file.not_sqlite", path, name=name)
    if len(header) < 100:
        raise DocumentFileError("truncated", "file.truncated", path, name=name, size=size)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    change_counter = struct.unpack(">I", header[24:28])[0]
    valid_for = struct.unpack(">I", header[92:96])[0]
    user_version = struct.unpack(">i", header[60:64])[0]
    application_id = struct.unpack(">i", header[68:72])[0] & 0xFFFFFFFF
    if valid_for != change_counter:
        page_count = 0  # header page count not trustworthy (very old writer): skip that test
    wal = header[18] == 2 or header[19] == 2  # read/write format version 2: WAL mode
    if wal:  # even a read-only SQLite connection would create -wal and -shm files beside it
        raise DocumentFileError("wal", "file.wal_mode", path, name=name)
    return FileFacts(path, size, page_size, page_count, application_id, user_version, wal, change_counter)


def is_busy_error(exc: BaseException) -> bool:
    """Whether SQLite refused because another connection holds the file (SQLITE_BUSY or
    SQLITE_LOCKED, extended codes included): decided by the error code, never by its text."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def inspect_file(path: str | os.PathLike, deep: bool = False, rows: bool = False) -> FileFacts:
    """Check that ``path`` is a healthy Renja document this build can open. Never writes to it
    (a hot journal is first settled on a copy; see :func:`settle_journal`).

    ``deep`` runs the full ``integrity_check`` instead of ``quick_check``; ``rows`` also reads every
    row and compares it with its row digest (:mod:`.rowcheck`; the load does the same on open).
    Raises :class:`DocumentFileError` with a message in Bahasa Indonesia.
    """
    path = Path(path)
    check_rows = rows
    facts = header_facts(path)
    name = path.name
    if facts.page_count and facts.size < facts.page_count * facts.page_size:
        raise DocumentFileError(
            "truncated",
            f"Berkas '{name}' terpotong: seharusnya {facts.page_count * facts.page_size:,} byte, "
            f"hanya {facts.size:,} byte (penyalinan tidak selesai?). Gunakan salinan cadangan."
            .replace(",", "."),
            path,
        )
    if facts.application_id != APPLICATION_ID:
        raise DocumentFileError("foreign", "file.foreign", path, name=name)
    if facts.user_version > SCHEMA_VERSION:
        raise DocumentFileError("newer", "file.newer", path, name=name, version=facts.user_version,
                                ours=SCHEMA_VERSION)
    if facts.user_version < 1:
        raise DocumentFileError("foreign", "file.no_version", path, name=name)
    if Path(str(path) + "-wal").exists():
        raise DocumentFileError("wal", "file.wal_companion", path, name=name)
    if has_hot_journal(path):
        settle_journal(path, deep=deep)
    try:
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True, timeout=2)
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damaged names in reports
        try:
            pragma = "integrity_check" if deep else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            problems = [r[0] for r in rows if r[0] != "ok"]
            if problems:
                raise DocumentFileError("damaged", "file.damaged", path, name=name, count=len(problems),
                                        example=_one_line(problems[0])[:200])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "document" not in tables or "plan_row" not in tables:
                raise DocumentFileError("damaged", "file.tables_missing", path, name=name)
            if check_rows:
                _check_rows(conn, name, path)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if is_busy_error(exc):
            raise DocumentFileError("busy", "file.busy", path, name=name) from exc
        raise DocumentFileError("damaged", "file.sqlite_damaged", path, name=name, reason=_one_line(exc)) from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged name in SQLite's own report
        raise DocumentFileError("damaged", "file.sqlite_damaged", path, name=name, reason=_one_line(exc)) from exc
    return facts


def _check_rows(conn: sqlite3.Connection, name: str, path: Path) -> None:
    from . import rowcheck

    conn.text_factory = str
    damage = rowcheck.verify(conn)
    if damage:
        raise DocumentFileError("damaged", rowcheck.damage_message(name, damage), path)


def has_hot_journal(path: str | os.PathLike) -> bool:
    j = Path(str(path) + "-journal")
    try:
        return j.exists() and j.stat().st_size > 0
    except OSError:
        return False


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
#: how much later than its journal a crashed file may have been written (FAT keeps 2-second times)
JOURNAL_SLACK_S = 3.0


def journal_belongs(path: str | os.PathLike) -> bool:
    """Whether the rollback journal beside ``path`` was left by an edit of the file as it is now.

    A crash in the middle of an edit leaves ``-journal`` holding the pages as they were before the
    edit. When page 1 is among them, its change counter (header offset 24) is the counter of the
    file before that edit; the file left behind carries that counter, or that counter plus one
    when page 1 was already written. A file replaced since (copied over with ``cp``, restored
    from elsewhere) carries another counter, or other schema bytes on page 1: rolling the journal
    back into it would mix old pages into newer content. When page 1 is not journaled (the edit
    had not reached its commit), the file must not have been written more than a moment after
    its journal. A journal that names no page is harmless either way. What a rollback gives is
    checked on a copy before anything is written (:func:`settle_journal`).
    """
    path = Path(path)
    journal = Path(str(path) + "-journal")
    size = journal.stat().st_size
    page1 = None
    total = 0
    with open(journal, "rb") as fh:
        off = 0
        while page1 is None and off + 28 <= size:
            fh.seek(off)
            head = fh.read(28)
            if head[:8] != JOURNAL_MAGIC:
                if off == 0:
                    return True  # SQLite ignores a journal without a valid header: nothing is rolled back
                break
            n_rec, _nonce, _pages, sector, page_size = struct.unpack(">IIIII", head[8:28])
            if not sector or not page_size or page_size & (page_size - 1):
                return off > 0
            record = 4 + page_size + 4
            if n_rec in (0, 0xFFFFFFFF):  # not finalised: as many whole records as the file holds
                n_rec = max(0, (size - off - sector) // record)
            total += n_rec
            for i in range(n_rec):  # each segment (one per cache spill) starts with its own header
                fh.seek(off + sector + i * record)
                raw = fh.read(4)
                if len(raw) < 4:
                    break
                if struct.unpack(">I", raw)[0] == 1:
                    page1 = fh.read(100)
                    break
            end = off + sector + n_rec * record
            off = -(-end // sector) * sector
    n_rec = total
    if page1 is None or len(page1) < 100:
        if n_rec == 0:
            return True
        # page 1 is journaled only when the edit reached it (at commit, or a change of the free
        # list): then the file's pages were written after the journal's, moments later; a file
        # written well after its journal was put there since
        try:
            return path.stat().st_mtime <= journal.stat().st_mtime + JOURNAL_SLACK_S
        except OSError:
            return False
    with open(path, "rb") as fh:
        now = fh.read(100)
    if len(now) < 100:
        return False
    before = struct.unpack(">I", page1[24:28])[0]
    counter = struct.unpack(">I", now[24:28])[0]
    if counter not in (before, (before + 1) & 0xFFFFFFFF):
        return False
    # the rest of the header that an edit does not change: page size, formats, application id,
    # schema cookie (an edit of rows keeps the schema)
    keep = [(16, 24), (40, 44), (44, 60), (68, 72)]
    return all(page1[a:b] == now[a:b] for a, b in keep)


def roll_back_copy(path: Path, local: Path) -> None:
    """Copy a file and its hot journal to ``local`` and let SQLite play the journal back there (the
    first read of a file with a hot journal rolls it back): ``local`` is then the file's last committed
    state, the original untouched."""
    shutil.copyfile(path, local)
    shutil.copyfile(str(path) + "-journal", str(local) + "-journal")
    conn = sqlite3.connect(str(local), timeout=2)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    finally:
        conn.close()


def settle_journal(path: str | os.PathLike, deep: bool = False) -> None:
    """A journal left by a crash in the middle of an edit: return the file to its last committed
    state (what was shown as saved), the way SQLite does -- but only when the journal belongs to
    the file, and only after that committed state passed its checks on a copy: until then nothing
    is written to the file. On a read-only medium the file is left as it is (readers then use a
    settled copy, see ``exchange.sqlitefile.readable_copy_if_hot``).
    """
    import tempfile

    path = Path(path)
    name = path.name
    if not has_hot_journal(path):
        return
    try:
        belongs = journal_belongs(path)
    except OSError as exc:
        raise DocumentFileError("io", "file.journal_unreadable", path, name=name, reason=exc.strerror or exc) from exc
    if not belongs:
        raise DocumentFileError("foreign_journal", "file.foreign_journal", path, name=name)
    folder = Path(tempfile.mkdtemp(prefix="renja-journal-", dir=paths.data_dir()))
    try:
        local = folder / "periksa.sqlite"
        try:
            roll_back_copy(path, local)
            # a journal SQLite did not play back (no valid header yet: the crash came before it
            # was flushed) holds nothing to roll back
            Path(str(local) + "-journal").unlink(missing_ok=True)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise DocumentFileError("damaged", "file.journal_failed", path, name=name, reason=_one_line(exc)) from exc
        try:
            inspect_file(local, deep=deep, rows=True)
        except DocumentFileError as exc:
            raise DocumentFileError(exc.kind, str(exc).replace("periksa.sqlite", name), path) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return
    try:
        conn = sqlite3.connect(str(path), timeout=2)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # read-only medium or busy: readers use a settled copy


def _one_line(exc: BaseException | str) -> str:
    """One line without SQLite's report headers (``*** in database main ***``)."""
    text = re.sub(r"\*\*\* in database \w+ \*\*\*", "", str(exc))
    return " ".join(text.split())


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path.resolve()).replace(os.sep, "/"), safe="/:")


def _set_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=DELETE")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=2000")
    cur.close()


def _set_pragmas_rw(dbapi_conn, record) -> None:
    from . import rowcheck

    _set_pragmas(dbapi_conn, record)
    rowcheck.install(dbapi_conn)


def _flush_row_digests(conn) -> None:
    """Every commit keeps the row digests of what it changed current (see :mod:`.rowcheck`)."""
    from . import rowcheck

    rowcheck.flush(conn.connection.dbapi_connection)


def unshare(path: str | os.PathLike) -> None:
    """Give ``path`` bytes of its own before anything writes to it in place, when other names share
    them: a merge base or backup is kept as a hard link to a saved copy (no second copy of the
    bytes), and editing the copy must not change that stored version. Best effort: if the file
    cannot be replaced now, a stored version that changes is later refused by its digest check."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.unshare")
    try:
        if not path.exists() or path.stat().st_nlink <= 1:
            return
        shutil.copy2(path, tmp)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def make_engine(path: str | os.PathLike, readonly: bool = False) -> Engine:
    """A SQLAlchemy engine on one kept connection to ``path`` with the document's pragmas."""
    path = Path(path)
    if readonly:
        url = f"sqlite:///file:{_uri_path(path)}?mode=ro&uri=true"
    else:
        unshare(path)
        url = f"sqlite:///{path}"
    engine = create_engine(url, poolclass=StaticPool, future=True)
    if readonly:
        event.listen(engine, "connect", _set_pragmas)
    else:
        event.listen(engine, "connect", _set_pragmas_rw)
        event.listen(engine, "commit", _flush_row_digests)
    return engine


def backup_file(path: Path, reason: str) -> Path:
    """Copy a document into the user's backup folder before a risky step; return the copy."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = paths.backups_dir() / f"{path.stem}.{reason}.{stamp}{path.suffix or '.sqlite'}"
    copy_database(path, target)
    return target


def upgrade_if_needed(path: Path, facts: FileFacts, steps: dict[int, Step] | None = None,
                      target_version: int = SCHEMA_VERSION) -> Path | None:
    """Run the upgrade steps (:data:`renja_desktop.schema.STEPS`) from the file's version to
    ``target_version``. Backs up first.

    Returns the backup's path, or ``None`` when the file was already current. Each step runs in
    one transaction with ``user_version`` set inside it, so a crash leaves a consistent version.
    """
    if facts.user_version >= target_version:
        return None
    steps = STEPS if steps is None else steps
    missing = [v for v in range(facts.user_version + 1, target_version + 1) if v not in steps]
    if missing:
        raise DocumentFileError("no_migration", "file.no_migration", path, version=missing[0], name=path.name)
    backup = backup_file(path, f"sebelum-pembaruan-v{facts.user_version}")
    unshare(path)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA foreign_keys=OFF")
        for version in range(facts.user_version + 1, target_version + 1):
            run_step(conn, version, steps[version])
    finally:
        conn.close()
    return backup


def create_file(path: str | os.PathLike) -> Engine:
    """Create an empty document file with the current schema. Refuses to overwrite a file."""
    path = Path(path)
    if path.exists():
        raise DocumentFileError("exists", "file.exists", path, name=path.name)
    if not path.parent.exists():
        raise DocumentFileError("no_folder", "file.no_folder", path, folder=path.parent)
    tmp = path.with_name(path.name + ".baru.tmp")
    if tmp.exists():
        tmp.unlink()
    engine = make_engine(tmp)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA page_size={PAGE_SIZE}")  # before anything is written
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
            Base.metadata.create_all(conn)
    finally:
        engine.dispose()
    os.replace(tmp, path)
    return make_engine(path)


def copy_database(src: str | os.PathLike, dst: str | os.PathLike) -> None:
    """A consistent snapshot of ``src`` into a new file ``dst`` (SQLite backup API)."""
    source = sqlite3.connect(f"file:{_uri_path(Path(src))}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(str(dst))
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


__all__ = [
    "APPLICATION_ID", "PAGE_SIZE", "SCHEMA_VERSION", "DocumentFileError", "FileFacts", "inspect_file",
    "make_engine", "create_file", "settle_journal", "journal_belongs", "has_hot_journal", "upgrade_if_needed", "backup_file", "copy_database",
]
