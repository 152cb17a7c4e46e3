"""Safe "Simpan salinan ke..." (``renja-desktop copy SRC DST``): the target is always either the old
complete file or the new complete file.

1. A consistent snapshot of the source is taken with the SQLite backup API into memory (not
   ``VACUUM INTO``, which does not flush) and checked with ``quick_check``.
2. If the target exists, it must be an unchanged earlier version of this same document: its
   version token is in the source's lineage and its bytes still match the digest recorded in it
   (or its rows equal the source's). Otherwise it was changed elsewhere -- :class:`CopyConflict`
   offers a merge instead of overwriting.
3. The new version gets a token, the lineage and an image digest in ``meta``; its bytes are written
   to a temporary file beside the target and flushed to the device (``fsync``).
4. The temporary file is re-read and checked: SQLite header, ``application_id``, ``quick_check``
   and the digest (every byte as intended).
5. The old target is kept in the local backup folder; the new version's token is added to the
   source's lineage (``meta`` only, never document content); the temporary file is put in place
   with an atomic replace (``MoveFileExW`` write-through on Windows, retried while an antivirus or
   indexer holds the file: WinError 5/32/33) and the folder is flushed.
6. The target is re-opened and verified again (digest of its bytes). A failure here puts the old
   version back.

Any failure -- drive removed, full, read-only, target locked -- raises an
:class:`~renja_desktop.exchange.errors.ExchangeError` whose message says what happened in plain
Bahasa Indonesia; the old target stays intact and the working file's content is untouched.
Temporary files are removed at once or, after a crash, by :func:`fsutil.startup_cleanup`.
"""
from __future__ import annotations

import os
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage import DocumentFileError, _header_facts, inspect_file
from . import backups, fsutil, location
from .errors import CopyConflict, ExchangeError, os_error_message
from .lock import host_name, user_name
from .sqlitefile import (
    KEY_DIGEST, KEY_LINEAGE, KEY_ORIGIN, KEY_SAVED_AT, KEY_SAVED_BY, KEY_TOKEN, connect_ro,
    content_hash, document_row, file_digest_status, file_sha, header_ok, image_digest_status, lineage,
    lineage_json, lineage_tokens, merge_lineages, read_bytes, read_meta, readable_copy_if_hot,
    serialize_with_digest, settle_hot_journal, snapshot, write_meta,
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

    def message(self) -> str:
        size = f"{self.size / 1_048_576:.1f}".replace(".", ",")
        text = f"Salinan tersimpan dan terverifikasi: {self.target} ({size} MB)."
        if self.previous_backup is not None:
            text += f" Versi lama disimpan sebagai cadangan: {self.previous_backup.name}."
        return text


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _time_text(iso: str | None) -> str:
    if not iso:
        return "waktu tidak diketahui"
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
    """Old ``.<name>.*.renja-tmp`` beside the target from an earlier interrupted copy."""
    try:
        for p in target.parent.glob(f".{target.name}.*{fsutil.TMP_SUFFIX}"):
            if time.time() - p.stat().st_mtime > 60:
                fsutil.forget_temp(p)
    except OSError:
        pass


def check_target(target: Path, doc_id: str, meta: dict[str, str], mem: sqlite3.Connection,
                 source: Path) -> None:
    """Refuse to overwrite a target that is not an unchanged earlier version of this document."""
    name = target.name
    try:
        _header_facts(target)
        conn = connect_ro(target)
        try:
            trow = document_row(conn) or {}
            tmeta = read_meta(conn)
        finally:
            conn.close()
    except (DocumentFileError, sqlite3.DatabaseError) as exc:
        raise ExchangeError(
            "target_bad",
            f"Berkas tujuan '{name}' sudah ada tetapi bukan dokumen Renja yang utuh ({exc}). Berkas itu "
            "tidak ditimpa; pilih nama lain, atau timpa secara paksa (berkas lama dicadangkan dulu).",
            target) from exc
    if trow.get("id") != doc_id:
        raise ExchangeError(
            "other_document",
            f"Berkas tujuan '{name}' berisi dokumen lain ({trow.get('opd') or '?'}, tahun "
            f"{trow.get('tahun') or '?'}), bukan dokumen ini. Berkas itu tidak ditimpa; pilih nama lain.",
            target)
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
            same = target_hash == content_hash(mem)
        finally:
            conn.close()
    except (DocumentFileError, sqlite3.DatabaseError) as exc:
        raise ExchangeError(
            "target_bad",
            f"Berkas tujuan '{name}' sudah ada tetapi rusak: {exc} Berkas itu tidak ditimpa; pilih nama "
            "lain atau timpa secara paksa (berkas lama dicadangkan dulu).", target) from exc
    if same:
        return  # same rows: nothing can be lost
    if target_hash in {x.get("hash") for x in lineage(meta)}:
        return  # the very version this document was opened from (a file without a version token)
    if _unchanged_since_known_version(target, doc_id, tmeta, known):
        return  # re-saved elsewhere without changes since a version this document descends from
    who = tmeta.get(KEY_SAVED_BY) or "tidak diketahui"
    when = _time_text(tmeta.get(KEY_SAVED_AT))
    if token and token in known:
        why = ("isinya diubah langsung di tempat (di luar Renja Desktop) atau rusak sejak disimpan "
               f"oleh {who} pada {when}")
    elif token:
        why = f"berkas itu disimpan oleh {who} pada {when} dengan perubahan yang belum ada di dokumen ini"
    else:
        why = "berkas itu tidak berasal dari dokumen ini dan isinya berbeda"
    raise CopyConflict(
        f"Berkas tujuan '{name}' telah berubah sejak terakhir disalin dari dokumen ini: {why}. "
        "Menimpanya akan menghilangkan perubahan tersebut, jadi tidak ditimpa. Gunakan Berkas ▸ "
        "Bandingkan / gabungkan dengan salinan… (atau renja-desktop merge) lalu simpan hasilnya.", source, target)


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
        raise ExchangeError("same_file", f"Sumber dan tujuan adalah berkas yang sama ('{source.name}').", target)
    if not target.parent.is_dir():
        raise ExchangeError(
            "gone", f"Folder tujuan '{target.parent}' tidak ditemukan (flash disk dicabut?). "
            "Berkas kerja Anda aman; pasang kembali lalu coba lagi.", target)

    # 1. the snapshot -----------------------------------------------------------------------
    read_from = source
    hot_copy = None
    if location.is_local(source):
        settle_hot_journal(source)
    else:
        hot_copy = readable_copy_if_hot(source)
        read_from = hot_copy or source
    _header_facts(read_from)  # missing / not SQLite / truncated header: its own message
    try:
        mem = snapshot(read_from)
    except sqlite3.DatabaseError as exc:
        raise DocumentFileError(
            "damaged", f"Berkas '{source.name}' tidak dapat dibaca ({exc}); tidak disalin. "
            "Periksa dengan 'renja-desktop check --deep' atau selamatkan isinya.", source) from exc
    lap("snapshot")
    try:
        from ..storage import APPLICATION_ID

        app_id = mem.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
        if app_id != APPLICATION_ID:
            raise DocumentFileError("foreign", f"Berkas '{source.name}' bukan dokumen Renja Desktop.", source)
        try:
            row = document_row(mem)
        except sqlite3.DatabaseError as exc:
            raise _damaged(source, str(exc)) from exc
        if row is None:
            raise DocumentFileError("damaged", f"Berkas '{source.name}' tidak berisi identitas dokumen.", source)
        doc_id = row["id"]
        meta = read_meta(mem)

        # 2. the target ---------------------------------------------------------------------
        exists = target.exists()
        if exists and not force:
            check_target(target, doc_id, meta, mem, source)
        lap("check_target")
        _cleanup_stale_temps(target)

        # 3. the new version: meta written into the snapshot, quick_check, serialized ----------
        token = secrets.token_hex(16)
        entry = {"token": token, "time": _now_iso(), "host": host_name()}
        new_lineage = merge_lineages(lineage(meta), [entry])
        extra = {KEY_TOKEN: token, KEY_LINEAGE: lineage_json(new_lineage), KEY_SAVED_AT: entry["time"],
                 KEY_SAVED_BY: f"{user_name()}@{host_name()}", KEY_ORIGIN: None}
        try:
            image = serialize_with_digest(mem, extra, check=True)
        except sqlite3.DatabaseError as exc:
            raise _damaged(source, str(exc)) from exc
        digest = image.digest
        lap("check_serialize")
    finally:
        mem.close()
        if hot_copy is not None:
            _remove_tree(hot_copy.parent)

    tmp = fsutil.temp_path_for(target)
    result = CopyResult(source, target, token, digest, len(image), timings=timings)
    try:
        try:
            fsutil.write_bytes(tmp, image)
        except OSError as exc:
            raise os_error_message(exc, target) from exc
        lap("write")

        # 4. verify the temporary file: every byte as written (the image passed quick_check) ----
        _verify(tmp, digest, target, temporary=True)
        lap("verify_temp")

        # 5. keep the old target, note the version in the source, replace ----------------------
        if exists and keep_previous:
            result.previous_backup = backups.take_backup(target, "sebelum-ditimpa", raw=True, link=True)
        lap("backup_previous")
        if update_source and _source_is_working_file(source, meta):
            _record_in_source(doc, source, new_lineage, result)
        lap("record_source")
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

    # 6. re-open and verify the target ----------------------------------------------------------
    try:
        _verify(target, digest, target, temporary=False)
    except ExchangeError:
        if result.previous_backup is not None:
            _put_back(result.previous_backup, target)
            raise ExchangeError(
                "verify_failed",
                f"Salinan di '{target.name}' tidak terbaca sama setelah disimpan (media bermasalah?). "
                "Versi lama telah dikembalikan; berkas kerja Anda aman. Coba flash disk lain.", target) from None
        raise
    lap("verify_target")
    if store_base:
        # its own bytes (not a link to the target: that file may be edited in place later)
        if backups.store_base(doc_id, token, image=image) is None:
            result.notes.append("Versi dasar untuk penggabungan tidak dapat disimpan di folder data.")
    lap("store_base")
    return result


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _damaged(source: Path, detail: str) -> DocumentFileError:
    return DocumentFileError(
        "damaged", f"Berkas '{source.name}' rusak ({detail}); tidak disalin agar kerusakan tidak "
        "menyebar. Selamatkan isinya dengan 'renja-desktop recover'.", source)


def _unlink_quiet(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _verify(path: Path, digest: str, target: Path, temporary: bool) -> None:
    """Re-read ``path``: SQLite header, ``application_id``, page count, and the digest of every byte.

    The bytes were produced from a snapshot that passed ``quick_check`` after the last change, so
    byte identity proves the same structure and the same rows (it is stronger than comparing a
    hash of the rows, which a flipped byte in free space or an index could still pass).
    """
    what = "salinan sementara" if temporary else "salinan"
    try:
        data = read_bytes(path)
    except OSError as exc:
        raise os_error_message(exc, target, "memeriksa") from exc
    if not header_ok(data) or image_digest_status(data, digest) != "intact":
        raise ExchangeError(
            "verify_failed",
            f"Pemeriksaan {what} '{target.name}' gagal: isinya tidak sama dengan yang ditulis (media "
            "rusak atau dicabut?). Berkas lama di tujuan tidak berubah dan berkas kerja Anda aman.", target)


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
                conn = sqlite3.connect(str(source), timeout=5)
                try:
                    write_meta(conn, {KEY_DIGEST: None})
                finally:
                    conn.close()
                doc.meta.pop(KEY_DIGEST, None)
            return
        conn = sqlite3.connect(str(source), timeout=5)
        try:
            write_meta(conn, {KEY_LINEAGE: value, KEY_DIGEST: None})
        finally:
            conn.close()
    except Exception as exc:  # noqa: BLE001 - the copy is still good; only merges lose a hint
        result.notes.append(
            f"Riwayat versi tidak dapat dicatat di '{source.name}' ({exc}); penyimpanan berikutnya ke "
            "tujuan ini akan meminta penggabungan.")


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


__all__ = ["save_copy", "CopyResult", "check_target", "CopyConflict"]
