"""Integrity on open: ``quick_check`` (full ``integrity_check`` on demand), the content hash of the
rows, and -- for a copy saved by Renja Desktop -- the digest of its bytes recorded when it was saved.

A damaged file is never written to: :func:`check_file` only reads (a file with a crash's
``-journal`` beside it on someone else's medium is settled on a local copy, see
:func:`sqlitefile.readable_copy_if_hot`). Recovery of what can be read is :mod:`.recover`.
"""
from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Msg, Text
from ..storage import DocumentFileError, inspect_file
from . import location
from .sqlitefile import (
    KEY_CONSOLIDATED, KEY_DIGEST, KEY_READONLY, KEY_SAVED_AT, KEY_SAVED_BY, KEY_TOKEN, connect_ro,
    content_hash, document_row, file_digest_status, has_hot_journal, read_meta, readable_copy_if_hot,
    settle_hot_journal,
)

DIGEST_TEXT = {
    "intact": "utuh: sama persis dengan saat disimpan",
    "changed": "berubah sejak disimpan (disunting langsung di tempat, atau rusak)",
    "none": "tidak ada sidik salinan (berkas kerja atau dibuat di luar fitur salin)",
}


@dataclass
class IntegrityReport:
    path: Path
    ok: bool
    kind: str = "ok"                 # DocumentFileError kind when not ok
    message: str = ""
    deep: bool = False
    document_id: str | None = None
    opd: str = ""
    tahun: int | None = None
    content_hash: str | None = None
    digest_status: str = "none"      # 'intact', 'changed', 'none'
    token: str | None = None
    saved_at: str | None = None
    saved_by: str | None = None
    consolidated: bool = False
    read_only_flag: bool = False
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "berkas": str(self.path), "baik": self.ok, "jenis": self.kind, "pesan": self.message,
            "mendalam": self.deep, "document_id": self.document_id, "opd": self.opd, "tahun": self.tahun,
            "content_hash": self.content_hash, "sidik_salinan": self.digest_status,
            "sidik_salinan_teks": DIGEST_TEXT.get(self.digest_status, ""), "disimpan_pada": self.saved_at,
            "disimpan_oleh": self.saved_by, "gabungan": self.consolidated, "peringatan": self.warnings,
        }

    def lines(self) -> list[str]:
        out = [f"Berkas        : {self.path}"]
        if not self.ok:
            out.append(f"Status        : RUSAK / DITOLAK - {self.message}")
            return out
        out.append("Status        : baik (" + ("integrity_check penuh" if self.deep else "quick_check") + ")")
        out.append(f"Dokumen       : {self.opd or '-'} tahun {self.tahun or '-'} (id {self.document_id})")
        out.append(f"Hash isi      : {self.content_hash}")
        out.append(f"Sidik salinan : {DIGEST_TEXT.get(self.digest_status, self.digest_status)}")
        for w in self.warnings:
            out.append(f"Peringatan    : {w}")
        return out


def check_file(path: str | Path, deep: bool = False, with_hash: bool = True, rows: bool = True) -> IntegrityReport:
    """Check ``path`` without writing to it; the report says what is wrong in Indonesian.

    ``rows`` also compares every row with its row digest (:mod:`renja_desktop.rowcheck`); an
    opener that loads the document anyway leaves it to the load."""
    path = Path(path)
    read_from = path
    hot = None
    try:
        try:
            if location.is_local(path):
                if path.exists():
                    try:
                        settle_hot_journal(path)  # SQLite's own roll back, checked on a copy first
                    except sqlite3.DatabaseError:
                        pass
                    if has_hot_journal(path):  # a read-only medium: read a settled copy
                        hot = readable_copy_if_hot(path)
                        read_from = hot or path
            else:
                hot = readable_copy_if_hot(path)
                read_from = hot or path
        except DocumentFileError as exc:
            return IntegrityReport(path, False, exc.kind, Msg.of(exc), deep)
        try:
            inspect_file(read_from, deep=deep, rows=rows)
        except DocumentFileError as exc:
            msg = Msg.of(exc)
            if hot:  # the message names the settled copy read: name the user's file instead
                msg = Msg(msg.key, **{k: v.replace(read_from.name, path.name) if isinstance(v, str) else v
                                      for k, v in msg.params.items()})
            return IntegrityReport(path, False, exc.kind, msg, deep)
        report = IntegrityReport(path, True, deep=deep)
        try:
            conn = connect_ro(read_from)
            try:
                row = document_row(conn) or {}
                meta = read_meta(conn)
                report.document_id = row.get("id")
                report.opd = row.get("opd") or ""
                report.tahun = row.get("tahun")
                if with_hash:
                    report.content_hash = content_hash(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            return IntegrityReport(
                path, False, "damaged",
                Msg("file.rows_unreadable", name=path.name, reason=exc), deep)
        report.token = meta.get(KEY_TOKEN)
        report.saved_at = meta.get(KEY_SAVED_AT)
        report.saved_by = meta.get(KEY_SAVED_BY)
        report.consolidated = meta.get(KEY_CONSOLIDATED) == "1"
        report.read_only_flag = meta.get(KEY_READONLY) == "1"
        if meta.get(KEY_DIGEST):
            report.digest_status = file_digest_status(read_from, meta)
            if report.digest_status == "changed":
                by = Text("oleh " + report.saved_by, "by " + report.saved_by) if report.saved_by else ""
                report.warnings.append(Msg("file.changed_since_saved", name=path.name, by=by,
                                           time=report.saved_at or "?"))
        return report
    finally:
        if hot is not None:
            shutil.rmtree(hot.parent, ignore_errors=True)


def require_good(path: str | Path, deep: bool = False) -> IntegrityReport:
    """:func:`check_file`, raising :class:`DocumentFileError` for a bad file."""
    report = check_file(path, deep=deep)
    if not report.ok:
        raise DocumentFileError(report.kind, report.message, path)
    return report


__all__ = ["IntegrityReport", "check_file", "require_good", "DIGEST_TEXT"]
