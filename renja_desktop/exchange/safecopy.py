"""Safe "Simpan salinan ke..." (``renja-desktop copy SRC DST``): the target is always either the old
complete file or the new complete file.

1. A read transaction is held on the source for the whole snapshot, so nothing can change it
   (no other connection can commit while it is held, and a hot journal was settled first). Its
   pages are copied byte for byte into a temporary file beside the target (``copy_file_range``,
   inside the kernel, where the file systems allow; journal off: a torn temporary file is simply
   thrown away); the new version's token, lineage and a digest placeholder are written into its
   ``meta``. Meanwhile the source's
   bytes are hashed segment by segment (the reference), and the target is checked:
2. if the target exists, it must be an unchanged earlier version of this same document: its
   version token is in the source's lineage and its bytes still match the digest recorded in it
   (or its rows equal the source's). Otherwise it was changed elsewhere -- :class:`CopyConflict`
   offers a merge instead of overwriting.
3. The temporary file is checked, three things at once on worker threads: ``quick_check`` and
   ``application_id``; its bytes against the source's (every content page byte-for-byte; when the
   layout differs, the rows are compared instead); and it is flushed to the device (``fsync``).
   Its image digest goes into the placeholder and is flushed too.
4. The old target is kept in the local backup folder; the new version's token is added to the
   source's lineage (``meta`` only, never document content); the temporary file is put in place
   with an atomic replace (``MoveFileExW`` write-through on Windows, retried while an antivirus or
   indexer holds the file: WinError 5/32/33) and the folder is flushed.
5. The target is re-opened and verified: header, ``application_id``, the digest recorded in it and
   the digest of its bytes, segment by segment against the temporary file's. A failure here puts
   the old version back.

Any failure -- drive removed, full, read-only, target locked -- raises an
:class:`~renja_desktop.exchange.errors.ExchangeError` whose message says what happened in plain
Bahasa Indonesia; the old target stays intact and the working file's content is untouched.
Temporary files are removed at once or, after a crash, by :func:`backups.startup_cleanup`.
"""
from __future__ import annotations

import os
import secrets
import hashlib
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage import APPLICATION_ID, DocumentFileError, header_facts, inspect_file, unshare
from . import backups, fsutil, location
from .errors import CopyConflict, ExchangeError, os_error_message, sqlite_error_message
from .lock import host_name, user_name
from ..errors import Msg, Text
from .sqlitefile import (
    KEY_DIGEST, KEY_LINEAGE, KEY_ORIGIN, KEY_SAVED_AT, KEY_SAVED_BY, KEY_TOKEN, SEGMENT, connect_ro,
    content_hash, document_row, file_digest_status, file_sha, file_state, header_ok, io_pool, lineage,
    copy_pages, lineage_json, lineage_tokens, locate_slot, merge_lineages, meta_location,
    quick_check_problems,
    read_bytes, read_meta, read_segment_into, readable_copy_if_hot, remember_intact, segment_hashes,
    settle_hot_journal, tree_digest, uri_of, write_meta, zero_slot,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument


@dataclass
class CopyResult:
    source: Path
    target: Path
    token: str
    digest: str
    size: int
    previous_backup: Path | None = None
    replaced: bool = False
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def message(self, lang: str | None = "id") -> str:
        """What was saved, in ``lang`` (bawaan: Indonesian, the command line's)."""
        size = f"{self.size / 1_048_576:.1f}".replace(".", ",")
        text = Msg("copy.saved", target=self.target, size=size).message(lang)
        if self.previous_backup is not None:
            text += Msg("copy.previous", name=self.previous_backup.name).message(lang)
        return text


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def time_text(iso: str | None) -> "str | Text":
    """A stored time as the messages show it (local time); unknown: both languages' words."""
    if not iso:
        return Text("waktu tidak diketahui", "time unknown")
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.astimezone().strftime("%d-%m-%Y %H.%M")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _cleanup_stale_temps(target: Path) -> None:
    """``.<name>.*.renja-tmp`` beside the target from an earlier interrupted copy."""
    fsutil.remove_leftovers(target)


def _read_only_target(target: Path) -> bool:
    """The target carries the read-only attribute (``chmod 444``, Windows' "Read-only")."""
    import stat

    try:
        return not (target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    except OSError:
        return False


def check_target(target: Path, doc_id: str, meta: dict[str, str], rows: sqlite3.Connection,
                 source: Path) -> None:
    """``rows`` is a connection to the document being saved (its rows are compared as a last resort)."""
    """Refuse to overwrite a target that is not an unchanged earlier version of this document."""
    name = target.name
    try:
        header_facts(target)
        conn = connect_ro(target)
        try:
            trow = document_row(conn) or {}
            tmeta = read_meta(conn)
        finally:
            conn.close()
    except (DocumentFileError, sqlite3.DatabaseError) as exc:
        raise ExchangeError("target_bad", "exchange.target_not_renja", target, name=name, reason=exc) from exc
    if trow.get("id") != doc_id:
        raise ExchangeError("other_document", "exchange.target_other", target, name=name, opd=trow.get("opd") or "?",
                            tahun=trow.get("tahun") or "?")
    token = tmeta.get(KEY_TOKEN)
    known = lineage_tokens(meta)
    if meta.get(KEY_TOKEN):
        known.add(meta[KEY_TOKEN])
    if token and token in known and file_digest_status(target, tmeta) == "intact":
        return  # an unchanged earlier version of this document: safe to replace
    shas = {x.get("file_sha") for x in lineage(meta)} - {None}
    if shas and file_sha(target) in shas:
        return  # exactly the file this document was merged from, unchanged since
    try:
        inspect_file(target)
        conn = connect_ro(target)
        try:
            target_hash = content_hash(conn)
            same = target_hash == content_hash(rows)
        finally:
            conn.close()
    except (DocumentFileError, sqlite3.DatabaseError) as exc:
        raise ExchangeError("target_bad", "exchange.target_damaged", target, name=name, reason=exc) from exc
    if same:
        return  # same rows: nothing can be lost
    if target_hash in {x.get("hash") for x in lineage(meta)}:
        return  # the very version this document was opened from (a file without a version token)
    if _unchanged_since_known_version(target, doc_id, tmeta, known):
        return  # re-saved elsewhere without changes since a version this document descends from
    who = tmeta.get(KEY_SAVED_BY) or Text("tidak diketahui", "unknown")
    when = time_text(tmeta.get(KEY_SAVED_AT))
    if token and token in known:
        why = "exchange.why_changed_in_place"
    elif token:
        why = "exchange.why_saved_elsewhere"
    else:
        why = "exchange.why_other_origin"
    raise CopyConflict("exchange.conflict", source, target, name=name, why=Msg(why, who=who, when=when))


def _unchanged_since_known_version(target: Path, doc_id: str, tmeta: dict[str, str], known: set[str]) -> bool:
    """The target's rows equal those of the newest version in its lineage that this document also
    descends from (kept locally as a merge base): it was saved again elsewhere without changes."""
    for entry in reversed(lineage(tmeta)):
        if entry["token"] not in known:
            continue
        base = backups.find_base(doc_id, entry["token"])
        if base is None:
            return False
        try:
            conn = connect_ro(base)
            try:
                base_hash = content_hash(conn)
            finally:
                conn.close()
            conn = connect_ro(target)
            try:
                return content_hash(conn) == base_hash
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return False
    return False


def save_copy(source: "str | os.PathLike | RenjaDocument", target: str | os.PathLike, *,
              force: bool = False, update_source: bool = True, keep_previous: bool = True,
              store_base: bool = True) -> CopyResult:
    """Write a verified copy of ``source`` to ``target`` (see the module doc for the steps).

    ``source`` is a path or an open :class:`RenjaDocument` (its in-memory ``meta`` is kept in step).
    ``force`` skips the "target changed elsewhere" check (the old target is still backed up).
    ``update_source=False`` leaves the source file byte-for-byte alone (restoring a backup).
    """
    doc = None
    if hasattr(source, "path") and hasattr(source, "conn"):
        doc = source
        source = doc.path
    source = Path(source)
    target = Path(target)
    if target.is_dir():
        target = target / source.name
    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        timings[name] = (now - t0) * 1000
        t0 = now

    if _same_file(source, target) or source.resolve() == target.resolve():
        raise ExchangeError("same_file", "exchange.same_file", target, name=source.name)
    if not target.parent.is_dir():
        raise ExchangeError("gone", "exchange.target_folder_gone", target, folder=target.parent)

    # 1. the snapshot, with the source held still -------------------------------------------
    read_from = source
    hot_copy = None
    if location.is_local(source):
        settle_hot_journal(source)
    else:
        hot_copy = readable_copy_if_hot(source)
        read_from = hot_copy or source
    header_facts(read_from)  # missing / not SQLite / truncated header: its own message
    hold = connect_ro(read_from)
    tmp: Path | None = None
    previous_backup: Path | None = None
    same_layout = False
    try:
        try:
            hold.execute("BEGIN")
            app_id = hold.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF  # takes the read lock

            if app_id != APPLICATION_ID:
                raise DocumentFileError("foreign", "exchange.not_renja", source, name=source.name)
            row = document_row(hold)
            meta = read_meta(hold)
        except sqlite3.DatabaseError as exc:
            raise _damaged(source, str(exc)) from exc
        if row is None:
            raise DocumentFileError("damaged", "file.no_identity", source, name=source.name)
        doc_id = row["id"]
        src_size = os.path.getsize(read_from)  # cannot change while the read lock is held
        token = secrets.token_hex(16)
        entry = {"token": token, "time": _now_iso(), "host": host_name()}
        new_lineage = merge_lineages(lineage(meta), [entry])
        placeholder = secrets.token_hex(32)
        extra = {KEY_TOKEN: token, KEY_LINEAGE: lineage_json(new_lineage), KEY_SAVED_AT: entry["time"],
                 KEY_SAVED_BY: f"{user_name()}@{host_name()}", KEY_ORIGIN: None, KEY_DIGEST: placeholder}
        exists = target.exists()
        _cleanup_stale_temps(target)
        keep_mode = None
        if exists and _read_only_target(target):
            if not force:
                raise ExchangeError("read_only_target", "exchange.read_only_target", target, name=target.name)
            keep_mode = target.stat().st_mode & 0o7777
        tmp = fsutil.temp_path_for(target)
        try:
            fsutil.create_empty(tmp)
        except OSError as exc:
            raise os_error_message(exc, target) from exc
        pool = io_pool()
        snap = pool.submit(_snapshot_into, read_from, tmp, extra)
        checked = pool.submit(quick_check_problems, read_from)  # the same state: the read lock is held
        started: list = [checked]
        try:
            # 2. the target ---------------------------------------------------------------------
            if exists and not force:
                check_target(target, doc_id, meta, hold, source)
            lap("check_target")
            tmp_size, page_size, meta_root, meta_pages = _snapshot_result(snap, source, target)
            lap("snapshot")

            # 3. the temporary file against the source, its digest, flushed -- started as soon
            # as it is written, while quick_check may still be running -------------------------
            slot = locate_slot(tmp, placeholder, page_size, meta_root)
            if slot is None:
                raise RuntimeError("digest placeholder not found exactly once in the copy")
            flushed = pool.submit(fsutil.fsync_path, tmp)
            meta_checked = pool.submit(quick_check_problems, tmp, "meta")
            own = {1, *meta_pages}
            parts = [pool.submit(_check_segment, read_from, tmp, start, min(SEGMENT, tmp_size - start), slot,
                                 page_size, own, src_size)
                     for start in range(0, tmp_size, SEGMENT)]
            started += [flushed, meta_checked, *parts]
            if exists and keep_previous:  # meanwhile: keep the old target (a link, or a copy)
                previous_backup = backups.take_backup(target, "sebelum-ditimpa", raw=True, link=True)
            problems = checked.result()
            if problems:
                raise _damaged(source, problems[0])
            results = [f.result() for f in parts]
            tmp_hashes = [h for h, _ in results]
            same_layout = _same_layout(read_from, tmp, src_size, tmp_size)
            if same_layout:
                same = all(ok for _, ok in results) and not meta_checked.result()
            else:  # writing meta took pages of the free list or added some (a long lineage, small pages)
                same = _same_rows(tmp, hold)
            if not same:
                raise ExchangeError("verify_failed", "exchange.verify_temp", target, name=target.name)
            flushed.result()
        except OSError as exc:
            raise os_error_message(exc, target) from exc
        except BaseException:
            if previous_backup is not None:  # the old target stays: its backup is not needed
                _unlink_quiet(previous_backup)
            raise
        finally:
            _settle(snap, *started)
        digest = tree_digest(tmp_hashes, tmp_size)
        try:
            fsutil.patch_bytes(tmp, slot, digest.encode("ascii"))
        except OSError as exc:
            raise os_error_message(exc, target) from exc
        lap("check_flush")
    except BaseException:
        if tmp is not None:
            fsutil.forget_temp(tmp)
        _release(hold, hot_copy)
        raise

    result = CopyResult(source, target, token, digest, tmp_size, previous_backup=previous_backup, timings=timings)
    hold.close()  # the source may change again (its lineage, next)
    try:
        # 4. note the version in the source (meta only), replace (the old target was kept above) --
        try:
            if update_source and _source_is_working_file(source, meta):
                _record_in_source(doc, source, new_lineage, result)
            lap("record")
            try:
                fsutil.replace_with_retries(tmp, target)
            except OSError as exc:
                if result.previous_backup is not None:  # a hard link to the unchanged target: drop it
                    _unlink_quiet(result.previous_backup)
                    result.previous_backup = None
                raise os_error_message(exc, target) from exc
            result.replaced = True
            fsutil.fsync_dir(target.parent)
            lap("replace")
        finally:
            fsutil.forget_temp(tmp)

        # 5. re-open and verify the target ---------------------------------------------------------
        # the merge base: a hard link when the data folder is on the same file system (no second
        # copy of the bytes: whatever edits the copy in place first gives it bytes of its own,
        # storage.unshare), made first, as it changes the target's change time; else a flushed copy,
        # only after the verify (reading the target first would cache it again)
        base = None
        try:
            if keep_mode is not None:  # forced over a read-only file: the copy stays read-only
                os.chmod(target, keep_mode)
            linked = backups.store_base(doc_id, token, link_from=target) if store_base else None
            if linked is not None:
                base = io_pool().submit(lambda: linked)
            before = file_state(target)
            _verify_target(target, digest, slot, tmp_hashes, tmp_size, read_from if same_layout else None,
                           page_size, own)
            if store_base and linked is None:
                base = io_pool().submit(backups.store_base, doc_id, token, source=target)
        except ExchangeError:
            _drop_base(base)
            if result.previous_backup is not None:
                _put_back(result.previous_backup, target)
                raise ExchangeError("verify_failed", "exchange.verify_saved", target, name=target.name) from None
            raise
        # the next save over this copy (in this process) need not hash it again, as long as not a
        # byte of it changed since it was verified (a copy as the base reads it, changing nothing)
        remember_intact(target, verified_from=before)
        if base is not None and base.result() is None:
            result.notes.append(Msg("copy.no_base"))
        lap("verify_target")
    finally:
        _release(hold, hot_copy)
    return result


def _release(hold: sqlite3.Connection, hot_copy: Path | None) -> None:
    hold.close()
    if hot_copy is not None:
        _remove_tree(hot_copy.parent)


#: hook for tests: called with (status, remaining, total) after every step of the snapshot
snapshot_progress = None
#: pages copied per snapshot step
SNAPSHOT_STEP_PAGES = 1024
def _snapshot_into(source: Path, tmp: Path, extra: dict[str, str | None]) -> tuple[int, int, int | None, set[int]]:
    """The source's pages into the (empty) file ``tmp`` -- byte for byte: the caller holds the
    source's read lock, so no page can change meanwhile -- then the new version's ``meta``.
    Returns (size, page size, root page of ``meta``, root pages of ``meta`` and its index)."""
    src = connect_ro(source)
    try:
        # the pages SQLite counts (a longer file's tail is not part of the database)
        page_size = src.execute("PRAGMA page_size").fetchone()[0]
        pages = src.execute("PRAGMA page_count").fetchone()[0]
    finally:
        src.close()
    copy_pages(source, tmp, page_size, pages, SNAPSHOT_STEP_PAGES, snapshot_progress)
    dst = sqlite3.connect(f"file:{uri_of(tmp)}?nolock=1", uri=True, isolation_level=None)
    try:
        dst.execute("PRAGMA journal_mode=OFF")   # a torn temporary file is thrown away anyway
        dst.execute("PRAGMA synchronous=OFF")    # flushed once, as a whole, afterwards
        dst.execute("BEGIN")
        for key, value in extra.items():
            dst.execute("DELETE FROM meta WHERE key = ?", (key,))
            if value is not None:
                dst.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (key, value))
        dst.execute("COMMIT")
        page_size, root = meta_location(dst)
        own = {r[0] for r in dst.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'meta'")}
    finally:
        dst.close()
    return os.path.getsize(tmp), page_size, root, own


def _snapshot_result(future, source: Path, target: Path) -> tuple[int, int, int | None, set[int]]:
    try:
        return future.result()
    except OSError as exc:
        raise os_error_message(exc, target) from exc
    except sqlite3.DatabaseError as exc:
        mapped = sqlite_error_message(exc, target)
        if mapped is not None:
            raise mapped from exc
        raise _damaged(source, str(exc)) from exc


def _settle(*futures) -> None:
    """Wait for background work (a temporary file is removed only when nothing uses it)."""
    for f in futures:
        if f is None:
            continue
        try:
            f.result()
        except BaseException:  # noqa: BLE001 - the first failure is already being reported
            pass


#: header bytes a copy may differ in from its source: change counter, schema cookie, the
#: version-valid-for number and the SQLite version that wrote it
_HEADER_FREE = [(24, 28), (40, 44), (92, 100)]
_PAIR = threading.local()


def _check_segment(source: Path, tmp: Path, start: int, length: int, slot: int, page_size: int,
                   own_pages: set[int], source_size: int, want_hash: bool = True) -> tuple[bytes | None, bool]:
    """One segment of the copy: its hash (digest slot read as zeros) and whether it holds the
    source's bytes. The snapshot copies pages verbatim, so every page must be the source's but
    for the header's counters and the ``meta`` pages (``own_pages``), where the new version is noted."""
    bufs = getattr(_PAIR, "bufs", None)
    if bufs is None:
        bufs = _PAIR.bufs = (bytearray(SEGMENT), bytearray(SEGMENT))
    mine, theirs = bufs
    view = memoryview(mine)[:length]
    read_segment_into(tmp, start, view)
    same = start + length <= source_size
    if same:
        read_segment_into(source, start, memoryview(theirs)[:length])
        first, last = start // page_size + 1, (start + length - 1) // page_size + 1
        if not any(first <= p <= last for p in own_pages):
            same = mine[:length] == theirs[:length] if length < SEGMENT else mine == theirs
        else:
            same = all(_page_matches(mine, theirs, off, page_size, (start + off) // page_size + 1, own_pages)
                       for off in range(0, length, page_size))
    if not want_hash:
        return None, same
    zero_slot(view, start, slot)
    return hashlib.sha256(view).digest(), same


def _page_matches(mine: bytearray, theirs: bytearray, off: int, page_size: int, page: int, own: set[int]) -> bool:
    if page == 1:
        cuts = [0, *[x for span in _HEADER_FREE for x in span], page_size]
        return all(mine[off + lo:off + hi] == theirs[off + lo:off + hi] for lo, hi in zip(cuts[::2], cuts[1::2]))
    return page in own or mine[off:off + page_size] == theirs[off:off + page_size]


def _same_layout(source: Path, tmp: Path, source_size: int, tmp_size: int) -> bool:
    """Same size and the same free list: every page but ``meta``'s must then be the source's."""
    with open(source, "rb") as a, open(tmp, "rb") as b:
        return source_size == tmp_size and a.read(40)[28:40] == b.read(40)[28:40]


def _same_rows(tmp: Path, rows: sqlite3.Connection) -> bool:
    """The slow way, when writing ``meta`` moved pages about (a long lineage in small pages): the
    whole copy passes ``quick_check`` and holds the same rows as the document."""
    if quick_check_problems(tmp):
        return False
    conn = connect_ro(tmp)
    try:
        return content_hash(conn) == content_hash(rows)
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def _verify_target(target: Path, digest: str, slot: int, hashes: list[bytes], size: int,
                   source: Path | None, page_size: int, own: set[int]) -> None:
    """Re-open the copy in place: header, ``application_id``, the digest recorded in it, and every
    byte. The quick way compares it with the document (``source``, when the layouts match: every
    page but ``meta``'s byte-for-byte, those by hash); whenever that is not conclusive, the hashes
    of the temporary file's bytes decide."""
    def failed() -> ExchangeError:
        return ExchangeError("verify_failed", "exchange.verify_written", target, name=target.name)
    try:
        # what the medium holds, not what the operating system still has in its cache
        fsutil.drop_cache(target)
        with open(target, "rb") as fh:
            head = fh.read(100)
            fh.seek(slot)
            recorded = fh.read(64)
        if os.path.getsize(target) != size or not header_ok(head, size):
            raise failed()
        conn = connect_ro(target)
        try:
            if read_meta(conn).get(KEY_DIGEST) != digest or recorded != digest.encode("ascii"):
                raise failed()
        finally:
            conn.close()
        if source is None:
            if segment_hashes(target, size, slot) != hashes:
                raise failed()
            return
        per_segment = SEGMENT // page_size
        hashed = {(p - 1) // per_segment for p in own} | {slot // SEGMENT, (slot + 63) // SEGMENT}
        pool = io_pool()
        parts = [pool.submit(_check_segment, source, target, k * SEGMENT, min(SEGMENT, size - k * SEGMENT), slot,
                             page_size, own, size, k in hashed)
                 for k in range(len(hashes))]
        results = [f.result() for f in parts]
        if all(same and (k not in hashed or h == hashes[k]) for k, (h, same) in enumerate(results)):
            return
        # a page differs from the document's: the document itself may have changed since (its
        # lineage was just noted in it); the hashes of what was written decide
        if segment_hashes(target, size, slot) != hashes:
            raise failed()
    except (OSError, sqlite3.DatabaseError) as exc:
        raise failed() from exc


def _drop_base(base) -> None:
    if base is None:
        return
    try:
        path = base.result()
    except BaseException:  # noqa: BLE001
        return
    if path is not None:
        _unlink_quiet(path)


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _damaged(source: Path, detail: str) -> DocumentFileError:
    return DocumentFileError("damaged", "exchange.source_damaged", source, name=source.name, detail=detail)


def _unlink_quiet(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _source_is_working_file(source: Path, meta: dict[str, str]) -> bool:
    """Record versions only in a working file on the local disk: never on a flash disk or share,
    and never in a saved copy still exactly as saved (its digest intact) -- copying *from* a copy
    must leave it byte-for-byte alone. A copy edited in place since is a working file again."""
    if not location.is_local(source):
        return False
    if not meta.get(KEY_DIGEST):
        return True
    try:
        return file_digest_status(source, meta) != "intact"
    except OSError:
        return False


def _record_in_source(doc, source: Path, new_lineage: list[dict], result: CopyResult) -> None:
    """Add the new version to the source's lineage (meta only; the content is not touched) and
    drop a stale copy digest (the file is being edited in place)."""
    value = lineage_json(new_lineage)
    try:
        if doc is not None and not getattr(doc, "readonly", False):
            doc.set_meta(KEY_LINEAGE, value)
            if KEY_DIGEST in getattr(doc, "meta", {}):
                doc.set_meta(KEY_DIGEST, None)
            return
        unshare(source)
        conn = sqlite3.connect(str(source), timeout=5)
        try:
            write_meta(conn, {KEY_LINEAGE: value, KEY_DIGEST: None})
        finally:
            conn.close()
    except Exception as exc:  # noqa: BLE001 - the copy is still good; only merges lose a hint
        result.notes.append(Msg("copy.no_lineage", name=source.name, reason=exc))


def _put_back(backup: Path, target: Path) -> None:
    """Return the previous version (from its local backup) to ``target``, atomically."""
    tmp = fsutil.temp_path_for(target)
    try:
        fsutil.write_bytes(tmp, read_bytes(backup))
        fsutil.replace_with_retries(tmp, target)
        fsutil.fsync_dir(target.parent)
    except OSError:
        pass
    finally:
        fsutil.forget_temp(tmp)


def restore_backup(backup: str | os.PathLike, out: str | os.PathLike, overwrite: bool = False):
    """Put a backup back as ``out`` with the safe copy. An existing ``out`` is only replaced with
    ``overwrite`` and is itself backed up first. Returns the copy result."""
    backup = backups.resolve_backup(backup)
    out = Path(out)
    inspect_file(backup, rows=True)  # also every row against its row digest
    if file_digest_status(backup) == "changed":
        raise ExchangeError("backup_changed", "exchange.backup_changed", backup, name=backup.name)
    if out.exists() and not overwrite:
        raise ExchangeError("exists", "exchange.restore_exists", out, name=out.name)
    taken = backups.take_backup(out, "sebelum-pulih", raw=True, rotate_now=False) if out.exists() else None
    result = save_copy(backup, out, force=True, update_source=False, keep_previous=False)
    if taken is not None:  # rotate only now: the backup being restored may be the oldest one
        backups.rotate(backups.describe(taken)["document_id"])
    return result


__all__ = ["save_copy", "restore_backup", "CopyResult", "check_target", "CopyConflict"]
