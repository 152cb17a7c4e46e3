"""Automatic backups: a rotating set of timestamped copies of each document, and merge bases.

Backups live in :func:`paths.backups_dir` (the user's data folder, platformdirs) and are named like
the core's own upgrade backups: ``<stem>.<reason>.<YYYYmmdd-HHMMSS-ffffff>.sqlite``. They are taken
before every schema upgrade (:func:`storage.upgrade_if_needed`), merge, import, restore and before a
copy overwrites an older file. At most :data:`KEEP_PER_DOCUMENT` are kept per document (by document
id; the oldest go first). A small ``index.json`` remembers what each backup is, so listing does not
open every file.

Merge *bases* are kept apart, in ``<data>/bases/<document id>/<token>.sqlite``: every copy written
to a flash disk (and every file opened from one) stores the version it represents, so a later merge
of two copies that both descend from it can be three-way.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable

from .. import paths
from ..errors import Text
from ..i18n import pick
from ..storage import DocumentFileError, backup_file, inspect_file
from . import fsutil
from .errors import ExchangeError, os_error_message
from .sqlitefile import connect_ro, document_row, file_digest_status

KEEP_PER_DOCUMENT = 20
KEEP_BASES = 8

REASON_LABELS = {
    "sebelum-pembaruan": Text("sebelum pembaruan format", "before a format update"),
    "sebelum-gabung": Text("sebelum penggabungan", "before a merge"),
    "sebelum-impor": Text("sebelum impor", "before an import"),
    "sebelum-ditimpa": Text("versi lama yang ditimpa salinan", "old version overwritten by a copy"),
    "sebelum-pulih": Text("sebelum dipulihkan dari cadangan", "before a restore from a backup"),
    "sebelum-buka-ulang": Text("salinan kerja lama sebelum dibuka ulang", "old working copy before reopening"),
    "manual": Text("dibuat pengguna", "made by the user"),
}

_NAME_RE = re.compile(r"^(?P<stem>.+)\.(?P<reason>[a-z0-9\-]+)\.(?P<stamp>\d{8}-\d{6}-\d{6})(?P<suffix>\.[^.]+)$")


@dataclass
class BackupEntry:
    path: Path
    reason: str
    stamp: str                 # YYYYmmdd-HHMMSS-ffffff (local time)
    document_id: str | None
    source: str                # the file it was taken from
    opd: str = ""
    tahun: int | None = None
    size: int = 0

    @property
    def time(self) -> datetime:
        return datetime.strptime(self.stamp, "%Y%m%d-%H%M%S-%f")

    def time_text(self) -> str:
        return self.time.strftime("%d-%m-%Y %H.%M.%S")

    def reason_text(self, lang: str | None = "id") -> str:
        """Why the backup was made, in ``lang`` (bawaan: Indonesian, the command line's)."""
        for key, label in REASON_LABELS.items():
            if self.reason.startswith(key):
                return pick(label.id, label.en, lang) + self.reason[len(key):].replace("-", " ")
        return self.reason.replace("-", " ")

    def as_dict(self) -> dict:
        d = asdict(self)
        d["path"] = str(self.path)
        d["waktu"] = self.time_text()
        d["alasan"] = self.reason_text()
        return d


def _index_path() -> Path:
    return paths.backups_dir() / "index.json"


def _load_index() -> dict[str, dict]:
    try:
        data = json.loads(_index_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_index(index: dict[str, dict]) -> None:
    path = _index_path()
    tmp = path.with_name(f"index.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(index, ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def describe(path: Path) -> dict:
    """Identity of a backup file (read-only; an unreadable file gets no document id)."""
    info = {"document_id": None, "opd": "", "tahun": None}
    try:
        conn = connect_ro(path)
        try:
            row = document_row(conn)
        finally:
            conn.close()
        if row:
            info.update(document_id=row.get("id"), opd=row.get("opd") or "", tahun=row.get("tahun"))
    except sqlite3.DatabaseError:
        pass
    return info


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def list_all() -> list[BackupEntry]:
    """Every backup in the folder, newest first (the index is brought up to date on the way)."""
    folder = paths.backups_dir()
    index = _load_index()
    changed = False
    entries: list[BackupEntry] = []
    present = set()
    for p in folder.iterdir():
        m = _NAME_RE.match(p.name)
        if not m or not p.is_file() or p.name.endswith(fsutil.TMP_SUFFIX):
            continue
        present.add(p.name)
        rec = index.get(p.name)
        if rec is None:
            rec = {"source": "", **describe(p)}
            index[p.name] = rec
            changed = True
        try:
            size = p.stat().st_size
        except OSError:
            continue
        entries.append(BackupEntry(p, m.group("reason"), m.group("stamp"), rec.get("document_id"),
                                   rec.get("source", ""), rec.get("opd", ""), rec.get("tahun"), size))
    for name in list(index):
        if name not in present:
            del index[name]
            changed = True
    if changed:
        _save_index(index)
    entries.sort(key=lambda e: e.stamp, reverse=True)
    return entries


def list_backups(path: str | os.PathLike | None = None, document_id: str | None = None) -> list[BackupEntry]:
    """Backups of one document (by its id, read from ``path`` when it is readable, else by name)."""
    entries = list_all()
    if path is None and document_id is None:
        return entries
    stem = None
    if path is not None:
        path = Path(path)
        stem = path.stem
        if document_id is None and path.exists():
            document_id = describe(path)["document_id"]
    out = []
    for e in entries:
        if document_id is not None and e.document_id == document_id:
            out.append(e)
        elif e.document_id is None and stem is not None and e.path.name.startswith(stem + "."):
            out.append(e)
        elif document_id is None and stem is not None and e.path.name.startswith(stem + "."):
            out.append(e)
    return out


def rotate(document_id: str | None, keep: int | None = None) -> list[Path]:
    """Delete the oldest backups of a document beyond ``keep``; return what was deleted."""
    if document_id is None:
        return []
    keep = KEEP_PER_DOCUMENT if keep is None else keep
    mine = [e for e in list_all() if e.document_id == document_id]
    removed = []
    for e in mine[keep:]:
        try:
            e.path.unlink()
            removed.append(e.path)
        except OSError:
            pass
    if removed:
        index = _load_index()
        for p in removed:
            index.pop(p.name, None)
        _save_index(index)
    return removed


def rotate_all(keep: int | None = None) -> list[Path]:
    """Apply the rotation to every document (also to backups the core took before upgrades)."""
    removed: list[Path] = []
    for doc_id in {e.document_id for e in list_all() if e.document_id}:
        removed += rotate(doc_id, keep)
    return removed


def take_backup(path: str | os.PathLike, reason: str, raw: bool = False, link: bool = False,
                rotate_now: bool = True) -> Path:
    """Copy ``path`` into the backup folder now; return the copy.

    A healthy document is copied with the SQLite backup API (a consistent snapshot); ``raw=True``
    (or a file SQLite cannot read) copies the bytes as they are, so even a damaged or foreign file
    that is about to be replaced is kept exactly. ``link`` (with ``raw``) may hard-link the file
    when it is on the same file system -- only for a file that is about to be *replaced* (a new
    file put in its place), never one that will be changed in place.
    """
    path = Path(path)
    reason = re.sub(r"[^a-z0-9\-]+", "-", reason.lower()).strip("-") or "cadangan"
    folder = paths.backups_dir()
    healthy = False
    if not raw:
        try:
            inspect_file(path)
            healthy = True
        except DocumentFileError:
            healthy = False
    try:
        if healthy:
            target = backup_file(path, reason)
        else:
            target = folder / f"{path.stem}.{reason}.{_stamp()}{path.suffix or '.sqlite'}"
            tmp = fsutil.temp_path_for(target)
            try:
                if link:
                    fsutil.link_or_copy(path, tmp)
                else:
                    shutil.copyfile(path, tmp)
                os.replace(tmp, target)
            finally:
                fsutil.forget_temp(tmp)
    except OSError as exc:
        raise os_error_message(exc, folder / path.name, "membuat cadangan") from exc
    except sqlite3.DatabaseError as exc:
        raise ExchangeError("backup_failed", "exchange.backup_failed", path, name=path.name, reason=exc) from exc
    info = describe(target)
    index = _load_index()
    index[target.name] = {"source": str(path.resolve()), **info}
    _save_index(index)
    if rotate_now:
        rotate(info["document_id"])
    return target


def resolve_backup(name: str | os.PathLike) -> Path:
    """A backup given by path or by its file name in the backup folder."""
    p = Path(name)
    if p.exists():
        return p
    candidate = paths.backups_dir() / p.name
    if candidate.exists():
        return candidate
    raise ExchangeError("missing", "exchange.backup_missing", p, name=name, folder=paths.backups_dir())


def startup_cleanup(extra_folders: Iterable[Path] = ()) -> list[Path]:
    """Call once at app start: remove the temporary files a crash or a removed drive left behind
    (:func:`fsutil.remove_leftover_temps`) and apply the backup rotation (also to backups taken
    before schema upgrades). Returns what was removed."""
    removed = fsutil.remove_leftover_temps(extra_folders)
    try:
        removed += rotate_all()
    except OSError:
        pass
    return removed


# ---------------------------------------------------------------------------- merge bases
def _bases_dir(document_id: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9\-]", "_", document_id)
    folder = paths.data_dir() / "bases" / safe
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_base(document_id: str, token: str, image=None, source: Path | None = None,
               link_from: Path | None = None) -> Path | None:
    """Keep the version ``token`` of a document: its bytes ``image`` or a copy of ``source``.
    ``link_from`` (a hard link, when on one file system) only for a file that is never changed in
    place afterwards; :func:`find_base` checks the digest of a stored base before using it anyway."""
    if not document_id or not token:
        return None
    folder = _bases_dir(document_id)
    target = folder / f"{token}.sqlite"
    if target.exists():
        return target
    tmp = fsutil.temp_path_for(target)
    try:
        linked = False
        if link_from is not None:
            try:
                os.link(link_from, tmp)
                linked = True
            except (OSError, NotImplementedError, AttributeError):
                linked = False
        if linked:
            pass
        elif image is not None:
            with open(tmp, "xb") as fh:
                for chunk in (image.chunks() if hasattr(image, "chunks") else [image]):
                    fh.write(chunk)
        elif source is not None:
            shutil.copyfile(source, tmp)
            fsutil.fsync_path(tmp)
        else:
            return None
        os.replace(tmp, target)
    except OSError:
        return None
    finally:
        fsutil.forget_temp(tmp)
    bases = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in bases[KEEP_BASES:]:
        try:
            old.unlink()
        except OSError:
            pass
    return target


def find_base(document_id: str, token: str) -> Path | None:
    """The stored version ``token`` of a document, if it is here and still byte-for-byte as saved."""
    if not document_id or not token:
        return None
    p = _bases_dir(document_id) / f"{token}.sqlite"
    if not p.exists():
        return None
    try:
        if file_digest_status(p) != "intact":
            return None
    except (OSError, sqlite3.DatabaseError):
        return None
    return p


__all__ = ["BackupEntry", "take_backup", "list_backups", "list_all", "rotate", "startup_cleanup",
           "resolve_backup", "store_base", "find_base", "KEEP_PER_DOCUMENT"]
