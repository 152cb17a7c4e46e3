"""The working file always lives on the local disk.

:func:`open_for_editing` is what the window calls to open a file. A file on the local disk is
opened where it is (after its checks and a lock). A file on a flash disk or a network share is
copied (verified) to the user's local documents folder, that copy is opened, and the session
remembers where it came from; "Simpan ke flash disk" is :meth:`WorkSession.save_to_origin`, the
safe copy back. No live SQLite connection is ever kept on a removable or network drive.

A file open for editing is locked (:mod:`.lock`); a second instance gets :class:`FileLocked`
(who, since when, stale or not) and can open read-only (``readonly=True``) or take over
(``takeover=True``). A file on a network share is locked at its origin too, so a second PC sees
who has it. A consolidated city view (``renja.consolidated``) always opens read-only.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..errors import Msg
from ..service import RenjaDocument
from ..storage import DocumentFileError
from . import backups, location
from .errors import ExchangeError
from .integrity import IntegrityReport, check_file
from .lock import FileLock, FileLocked, acquire, host_name
from .merge import plan_merge, write_merge
from .safecopy import CopyResult, save_copy
from .sqlitefile import (
    KEY_DIGEST, KEY_LINEAGE, KEY_ORIGIN, KEY_TOKEN, connect_ro, content_hash, document_row,
    lineage, lineage_json, merge_lineages, read_meta, write_meta,
)


@dataclass
class WorkSession:
    """One opened document: where its working file is, where it came from, its locks."""

    working: Path
    origin: Path | None = None
    location: str = location.LOCAL
    readonly: bool = False
    locks: list[FileLock] = field(default_factory=list)
    integrity: IntegrityReport | None = None
    notes: list[str] = field(default_factory=list)
    document_id: str | None = None
    origin_token: str | None = None

    def origin_label(self) -> str:
        if self.origin is None:
            return ""
        return f"{self.origin} ({location.LOCATION_NAMES.get(self.location, self.location)})"

    def save_to_origin(self, document=None, force: bool = False) -> CopyResult:
        """"Simpan ke flash disk": the safe copy of the working file back to where it came from.

        Raises :class:`CopyConflict` when the file there was changed elsewhere (offer a merge),
        or :class:`ExchangeError` when the drive is gone, full, read-only or the file is held.
        """
        if self.origin is None:
            raise ExchangeError("no_origin", "exchange.no_origin",
                                self.working)
        return save_copy(document if document is not None else self.working, self.origin, force=force)

    def save_copy_to(self, target: str | os.PathLike, document=None, force: bool = False) -> CopyResult:
        """"Simpan salinan ke...": a verified copy anywhere (e.g. a flash disk)."""
        return save_copy(document if document is not None else self.working, target, force=force)

    def plan_merge_with_origin(self):
        """After :class:`CopyConflict`: compare the working file with the changed file at the origin
        (three-way when their common version is known). Show it in the merge dialog."""
        if self.origin is None:
            raise ExchangeError("no_origin", "exchange.no_origin",
                                self.working)
        return plan_merge(self.working, self.origin)

    def write_merged(self, plan, resolutions: dict[str, str] | None = None, prefer: str | None = None):
        """Write the merge into a new file beside the working file (both inputs untouched)."""
        from datetime import datetime


        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self.working.with_name(f"{self.working.stem}.gabungan-{stamp}{self.working.suffix}")
        return write_merge(plan, out, resolutions, prefer)

    def adopt_merged(self, merged: str | os.PathLike, document=None):
        """Make a merged file the working file (the old one goes to the backups) and reopen it.

        ``document`` -- the open :class:`RenjaDocument` of the working file -- is closed first.
        Saving to the origin afterwards is allowed: the merge descends from the file there.
        """
        if self.readonly:
            raise ExchangeError("read_only", "exchange.document_read_only", self.working)
        if document is not None:
            document.close()
        origin = None
        if self.origin is not None:
            origin = {"path": str(self.origin), "location": self.location, "token": self.origin_token}
        save_copy(merged, self.working, force=True, update_source=False, store_base=False)
        _forget_digest(self.working, origin=origin)
        return _open_document(self.working, False)

    def refresh_locks(self) -> bool:
        """Confirm our locks are alive (call every :data:`lock.REFRESH_EVERY` seconds)."""
        return all([lk.refresh() for lk in self.locks])

    def close(self) -> None:
        for lk in self.locks:
            lk.release()
        self.locks.clear()


def _now_iso() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _unique_local_name(folder: Path, name: str, doc_id: str) -> Path:
    """``name`` in ``folder``, or ``stem (2).sqlite``... when a different document holds it."""
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix or ".sqlite"
    n = 2
    while candidate.exists():
        try:
            conn = connect_ro(candidate)
            try:
                other = (document_row(conn) or {}).get("id")
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            other = None
        if other == doc_id:
            return candidate
        candidate = folder / f"{stem} ({n}){suffix}"
        n += 1
    return candidate


def _forget_digest(path: Path, origin: dict | None = None, extra_lineage: list[dict] | None = None) -> None:
    """A file about to be edited in place no longer is the saved version its digest describes."""
    conn = sqlite3.connect(str(path), timeout=5)
    try:
        meta = read_meta(conn)
        items: dict[str, str | None] = {}
        if KEY_DIGEST in meta:
            items[KEY_DIGEST] = None
        if origin is not None:
            items[KEY_ORIGIN] = json.dumps(origin, ensure_ascii=False)
        if extra_lineage:
            items[KEY_LINEAGE] = lineage_json(merge_lineages(lineage(meta), extra_lineage))
        if items:
            write_meta(conn, items)
    finally:
        conn.close()


def _open_document(path: Path, readonly: bool):
    return RenjaDocument.open(path, readonly=readonly)


def open_for_editing(path: str | os.PathLike, *, readonly: bool = False, takeover: bool = False,
                     documents_dir: Path | None = None):
    """Open a document the safe way; return ``(RenjaDocument, WorkSession)``.

    Raises :class:`DocumentFileError` for a file that is not a healthy Renja document (nothing is
    written to it), :class:`FileLocked` when another instance has it open (call again with
    ``readonly=True`` or ``takeover=True``), :class:`ExchangeError` when the local copy cannot be
    made (disk full...).
    """
    path = Path(os.path.abspath(path))
    kind = location.classify(path)
    # the content hash names the version of a file opened from outside (flash disk, share); a local
    # file is opened in place, so its rows are not hashed on the way in (the slowest step of opening).
    # Every row is checked against its digest by the load, before any write.
    report = check_file(path, rows=False, with_hash=kind != location.LOCAL)
    if not report.ok:
        raise DocumentFileError(report.kind, report.message, path)
    if report.consolidated or report.read_only_flag:
        readonly = True
    session = WorkSession(working=path, location=kind, readonly=readonly, integrity=report,
                          document_id=report.document_id)
    session.notes.extend(report.warnings)
    if report.consolidated:
        session.notes.append(Msg("workspace.combined"))
    try:
        if kind == location.LOCAL:
            if not readonly:
                session.locks.append(acquire(path, takeover=takeover))
            doc = _open_document(path, readonly)
            if not readonly and KEY_DIGEST in doc.meta:
                # only now that every check passed: the file will be edited in place, so it no
                # longer is the saved version its copy digest describes
                try:
                    doc.set_meta(KEY_DIGEST, None)
                except BaseException:
                    doc.close()
                    raise
            return doc, session
        return _open_from_outside(path, session, takeover, documents_dir)
    except BaseException:
        session.close()
        raise


def _open_from_outside(origin: Path, session: WorkSession, takeover: bool,
                       documents_dir: Path | None):
    readonly = session.readonly
    report = session.integrity
    doc_id = report.document_id
    if session.location == location.NETWORK and not readonly:
        try:
            session.locks.append(acquire(origin, takeover=takeover))
        except FileLocked:
            raise
        except ExchangeError:  # a read-only share: the copy still works, the lock cannot be left
            session.notes.append(Msg("workspace.no_lock", folder=origin.parent))
    conn = connect_ro(origin)
    try:
        ometa = read_meta(conn)
    finally:
        conn.close()
    token = ometa.get(KEY_TOKEN)
    session.origin = origin
    session.origin_token = token
    if readonly:
        folder = paths.data_dir() / "hanya-baca"
        folder.mkdir(parents=True, exist_ok=True)
        working = folder / origin.name
        if working.exists():
            working.unlink()
        save_copy(origin, working, force=True, update_source=False, keep_previous=False, store_base=False)
        session.working = working
        return _open_document(working, True), session

    folder = Path(documents_dir) if documents_dir else paths.documents_dir()
    folder.mkdir(parents=True, exist_ok=True)
    working = _unique_local_name(folder, origin.name, doc_id)
    if working.exists():
        # the same document from an earlier session: keep it if its rows are the same, else back it up
        session.locks.append(acquire(working, takeover=takeover))
        conn = connect_ro(working)
        try:
            same = content_hash(conn) == report.content_hash
        finally:
            conn.close()
        if not same:
            backup = backups.take_backup(working, "sebelum-buka-ulang")
            session.notes.append(Msg("workspace.old_copy", name=working.name, folder=origin.parent,
                                     backup=backup.name))
            save_copy(origin, working, force=True, update_source=False, keep_previous=False, store_base=False)
    else:
        save_copy(origin, working, force=True, update_source=False, keep_previous=False, store_base=False)
        session.locks.append(acquire(working, takeover=takeover))
    # remember the origin's version as a merge base, and where the working file came from
    if token and report.digest_status == "intact":
        backups.store_base(doc_id, token, source=origin)
    origin_info = {"path": str(origin), "location": session.location, "token": token,
                   "hash": report.content_hash}
    opened = {"token": token or f"isi:{report.content_hash}", "hash": report.content_hash,
              "time": _now_iso(), "host": host_name(), "opened_from": str(origin)}
    _forget_digest(working, origin=origin_info, extra_lineage=lineage(ometa) + [opened])
    session.working = working
    return _open_document(working, False), session


def origin_of(path: str | os.PathLike) -> Path | None:
    """The flash disk / share file a working copy was opened from (recorded in its meta)."""
    conn = connect_ro(Path(path))
    try:
        meta = read_meta(conn)
    finally:
        conn.close()
    try:
        data = json.loads(meta.get(KEY_ORIGIN) or "null")
    except ValueError:
        return None
    return Path(data["path"]) if isinstance(data, dict) and data.get("path") else None


__all__ = ["WorkSession", "open_for_editing", "origin_of"]
