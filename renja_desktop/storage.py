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
        raise DocumentFileError(
            "no_access", f"Berkas '{name}' tidak dapat dibaca: akses ditolak ({exc.strerror}).", path
        ) from exc
    except OSError as exc:
        raise DocumentFileError(
            "io", f"Berkas '{name}' tidak dapat dibaca: {exc.strerror or exc}.", path
        ) from exc
    if size == 0:
        raise DocumentFileError("empty", "file.empty", path, name=name)
    if not header.startswith(SQLITE_MAGIC):
        raise DocumentFileError("not_sqlite", "file.not_sqlite", path, name=name)
    if len(header) < 100:
        raise DocumentFileError(
            "truncated", f"Berkas '{name}' terpotong: kepala berkas tidak lengkap ({size} byte).", path
        )
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    change_counter = struct.unpack(">I", header[24:28])[0]
    valid_for = struct.unpack(">I", header[92:96])[0]
    user_version = struct.unpack(">i", header[60:64])[0]
    application_id = struct.unpack(">i", header[68:72])[0] & 0xFFFFFFFF
    if valid_for != change_counter:
        page_count = 0  # header page count not trustworthy (very old writer): skip that test
    return FileFacts(path, size, page_size, page_count, application_id, user_version)


def inspect_file(path: str | os.PathLike, deep: bool = False) -> FileFacts:
    """Check that ``path`` is a healthy Renja document this build can open. Never writes to it.

    ``deep`` runs the full ``integrity_check`` instead of ``quick_check``. Raises
    :class:`DocumentFileError` with a message in Bahasa Indonesia.
    """
    path = Path(path)
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
        raise DocumentFileError(
            "foreign", f"Berkas '{name}' tidak memiliki versi format dokumen Renja Desktop.", path
        )
    journal = Path(str(path) + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        _roll_back_hot_journal(path)
    if Path(str(path) + "-wal").exists():
        raise DocumentFileError(
            "wal", f"Berkas '{name}' memiliki berkas pendamping -wal: bukan format dokumen Renja.", path
        )
    try:
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True)
        try:
            pragma = "integrity_check" if deep else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            problems = [r[0] for r in rows if r[0] != "ok"]
            if problems:
                raise DocumentFileError(
                    "damaged",
                    f"Berkas '{name}' rusak ({len(problems)} masalah, mis. '{problems[0]}'). "
                    "Berkas tidak diubah; pulihkan dari cadangan atau selamatkan isinya.",
                    path,
                )
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "document" not in tables or "plan_row" not in tables:
                raise DocumentFileError(
                    "damaged", f"Berkas '{name}' tidak memiliki tabel dokumen Renja yang lengkap.", path
                )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DocumentFileError(
            "damaged",
            f"Berkas '{name}' rusak dan tidak dapat dibaca SQLite ({exc}). Berkas tidak diubah.",
            path,
        ) from exc
    return facts


def _roll_back_hot_journal(path: Path) -> None:
    """A journal left by a crash in the middle of an edit: let SQLite roll it back.

    The file then holds exactly what was committed before the crash (what was shown as saved); a
    read-only check alone cannot do this and would call the file damaged. SQLite rolls a journal
    back only when it is really hot (no live writer holds it), so a file open elsewhere is safe.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=2)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # the checks that follow report what is wrong


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
    event.listen(engine, "connect", _set_pragmas)
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
        raise DocumentFileError(
            "no_migration",
            f"Tidak ada langkah pembaruan format ke versi {missing[0]} untuk berkas '{path.name}'.",
            path,
        )
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
    "make_engine", "create_file", "upgrade_if_needed", "backup_file", "copy_database",
]
