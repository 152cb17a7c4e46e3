"""Verification notes: what a Bappeda verifier (or the author) wrote about one plan row at one stage.

A note names its plan row (by id, with the row's code and name as they were), its stage (``None``:
the working state), who wrote it and when, the text, and a status ``terbuka`` / ``selesai`` (who
closed it and when). ``jenis`` ``alasan`` marks a reason for a change: those are printed in the
Perubahan Renja table next to the row. Notes are listed and filtered (:func:`list_notes`) and
printed with the stage comparison.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import VerificationNote, new_id, now_stamp
from .errors import Text
from .i18n import pick
from .operations import Operation
from .stages import StageError, current_user, find_stage, has_tables

if TYPE_CHECKING:  # pragma: no cover
    from .service import RenjaDocument

T_NOTE = VerificationNote.__table__
STATUSES = ("terbuka", "selesai")
KINDS = ("verifikasi", "alasan")
#: the statuses and kinds as the window shows them (Indonesian, English); stored as the Indonesian word
WORDS = {"terbuka": Text("terbuka", "open"), "selesai": Text("selesai", "done"),
         "verifikasi": Text("verifikasi", "verification"), "alasan": Text("alasan", "reason")}


def note_word(value: str, lang: str | None = None) -> str:
    """A note's status or kind in ``lang`` (bawaan: the current language)."""
    word = WORDS.get(value)
    return pick(word.id, word.en, lang) if word else value
COLUMNS = ("id", "stage_id", "row_id", "kode", "nama", "jenis", "teks", "oleh", "dibuat_at", "status",
           "ditutup_oleh", "ditutup_at", "modified_at")


@dataclass
class Note:
    id: str
    stage_id: str | None
    row_id: str | None
    kode: str
    nama: str
    jenis: str
    teks: str
    oleh: str
    dibuat_at: str
    status: str
    ditutup_oleh: str
    ditutup_at: str
    modified_at: str
    tahap: str = ""          # the stage's name ("" : the working state)

    def as_dict(self) -> dict:
        return {"id": self.id, "tahap": self.tahap or None, "kode": self.kode, "nama": self.nama,
                "jenis": self.jenis, "teks": self.teks, "oleh": self.oleh, "dibuat_at": self.dibuat_at,
                "status": self.status, "ditutup_oleh": self.ditutup_oleh or None,
                "ditutup_at": self.ditutup_at or None, "row_id": self.row_id}


def _stage_names(doc: "RenjaDocument") -> dict[str, str]:
    from .stages import list_stages

    return {s.id: s.nama for s in list_stages(doc)}


def list_notes(doc: "RenjaDocument", stage: str | None = None, status: str | None = None,
               kode: str | None = None, jenis: str | None = None, row_id: str | None = None) -> list[Note]:
    """Notes in the order written, filtered by stage name (``sekarang``: working state), status,
    code (a prefix: ``8.01.02`` gives the program and everything under it), kind or row."""
    if status is not None and status not in STATUSES:
        raise StageError("note.status", status=status, choices=Text(" atau ".join(STATUSES), " or ".join(STATUSES)))
    if jenis is not None and jenis not in KINDS:
        raise StageError("note.kind", kind=jenis, choices=Text(" atau ".join(KINDS), " or ".join(KINDS)))
    if not has_tables(doc):
        return []
    names = _stage_names(doc)
    rows = doc.conn.exec_driver_sql(
        f"SELECT {', '.join(COLUMNS)} FROM catatan_verifikasi ORDER BY dibuat_at, id").fetchall()
    if not doc._batch_depth:
        doc.conn.rollback()
    stage_id = ...
    if stage is not None:
        stage_id = None if " ".join(stage.split()).lower() == "sekarang" else find_stage(doc, stage).id
    out = []
    for r in rows:
        n = Note(*r, tahap=names.get(r[1], "") if r[1] else "")
        if r[1] is not None and r[1] not in names:
            continue  # a note of another document's stage (a consolidated file)
        if stage_id is not ... and n.stage_id != stage_id:
            continue
        if status is not None and n.status != status:
            continue
        if jenis is not None and n.jenis != jenis:
            continue
        if row_id is not None and n.row_id != row_id:
            continue
        if kode and not (n.kode == kode or n.kode.startswith(kode + ".")):
            continue
        out.append(n)
    return out


def find_note(doc: "RenjaDocument", ref: str) -> Note:
    """A note by its id or a unique start of it (as ``note list`` shows: 8 characters)."""
    ref = ref.strip().lower()
    if not ref:
        raise StageError("note.id_empty")
    hits = [n for n in list_notes(doc) if n.id.lower().startswith(ref)]
    if not hits:
        raise StageError("note.missing", ref=ref, name=doc.path.name)
    if len(hits) > 1:
        raise StageError("note.ambiguous", ref=ref, count=len(hits))
    return hits[0]


def add_note(doc: "RenjaDocument", row_id: str | None, teks: str, stage: str | None = None,
             jenis: str = "verifikasi", oleh: str | None = None, note_id: str | None = None) -> Note:
    """Write a note on a plan row (``row_id``) at a stage (``None``: the working state)."""
    doc._writable_plain()
    teks = (teks or "").strip()
    if not teks:
        raise StageError("note.text_empty")
    if jenis not in KINDS:
        raise StageError("note.kind", kind=jenis, choices=Text(" atau ".join(KINDS), " or ".join(KINDS)))
    stage_id = None
    if stage is not None and " ".join(stage.split()).lower() != "sekarang":
        stage_id = find_stage(doc, stage).id
    kode = nama = ""
    if row_id is not None:
        node = doc.plan.nodes.get(row_id)
        if node is None:
            raise StageError("note.row_missing")
        kode, nama = node.kode, node.nama
    stamp = now_stamp()
    note = Note(note_id or new_id(), stage_id, row_id, kode, nama, jenis, teks,
                current_user() if oleh is None else oleh.strip(), stamp, "terbuka", "", "", stamp)
    insert_note(doc, {c: getattr(note, c) for c in COLUMNS})
    note.tahap = find_stage_name(doc, stage_id)
    return note


def insert_note(doc: "RenjaDocument", row: dict) -> None:
    """Store a note row as given (records :func:`delete_note` as its inverse)."""
    doc._writable_plain()
    with doc._atomic():
        doc.conn.execute(T_NOTE.insert().values(**row))
    doc._record("_call", "renja_desktop.notes:delete_note", row["id"])
    doc._emit_stage_change()


def find_stage_name(doc: "RenjaDocument", stage_id: str | None) -> str:
    return _stage_names(doc).get(stage_id, "") if stage_id else ""


def _row(doc: "RenjaDocument", note_id: str) -> dict:
    found = doc.conn.exec_driver_sql(
        f"SELECT {', '.join(COLUMNS)} FROM catatan_verifikasi WHERE id = ?", (note_id,)).fetchone()
    if found is None:
        raise StageError("note.gone")
    return dict(zip(COLUMNS, found))


def delete_note(doc: "RenjaDocument", note_id: str) -> None:
    """Remove a note (records :func:`insert_note` with the whole row as its inverse)."""
    doc._writable_plain()
    row = _row(doc, note_id)
    with doc._atomic():
        doc.conn.exec_driver_sql("DELETE FROM catatan_verifikasi WHERE id = ?", (note_id,))
    doc._record("_call", "renja_desktop.notes:insert_note", row)
    doc._emit_stage_change()


def set_status(doc: "RenjaDocument", note_id: str, status: str, oleh: str | None = None) -> tuple[str, str, str]:
    """Close (``selesai``) or reopen (``terbuka``) a note; returns the previous (status, by, at)."""
    doc._writable_plain()
    if status not in STATUSES:
        raise StageError("note.status", status=status, choices=Text(" atau ".join(STATUSES), " or ".join(STATUSES)))
    row = _row(doc, note_id)
    before = (row["status"], row["ditutup_oleh"], row["ditutup_at"])
    by = (current_user() if oleh is None else oleh) if status == "selesai" else ""
    at = now_stamp() if status == "selesai" else ""
    restore_status(doc, note_id, (status, by, at))
    return before


def restore_status(doc: "RenjaDocument", note_id: str, state: tuple[str, str, str]) -> None:
    """Set a note's status, closer and time as given (records the previous ones as its inverse)."""
    doc._writable_plain()
    row = _row(doc, note_id)
    before = (row["status"], row["ditutup_oleh"], row["ditutup_at"])
    with doc._atomic():
        doc.conn.exec_driver_sql(
            "UPDATE catatan_verifikasi SET status = ?, ditutup_oleh = ?, ditutup_at = ?, modified_at = ? "
            "WHERE id = ?", (*state, now_stamp(), note_id))
    doc._record("_call", "renja_desktop.notes:restore_status", note_id, before)
    doc._emit_stage_change()


class AddNote(Operation):
    """Write a verification note (or a reason for a change) on a plan row; undo removes it."""

    def __init__(self, row_id: str | None, teks: str, stage: str | None = None, jenis: str = "verifikasi",
                 oleh: str | None = None, label: str = ""):
        super().__init__()
        self.args = (row_id, teks, stage, jenis, oleh)
        self.label = label or "Tulis catatan verifikasi"

    def apply(self, doc: "RenjaDocument") -> Note:
        return add_note(doc, *self.args)


class SetNoteStatus(Operation):
    """Close (``selesai``) or reopen (``terbuka``) a note; undo puts the old status back."""

    def __init__(self, note_id: str, status: str, oleh: str | None = None, label: str = ""):
        super().__init__()
        self.note_id, self.status, self.oleh = note_id, status, oleh
        self.label = label or f"Catatan {status}"

    def apply(self, doc: "RenjaDocument") -> tuple[str, str, str]:
        return set_status(doc, self.note_id, self.status, self.oleh)


def reasons_by_row(doc: "RenjaDocument") -> dict[str, list[str]]:
    """Texts of the ``alasan`` notes per plan row, for the Perubahan Renja table."""
    out: dict[str, list[str]] = {}
    for n in list_notes(doc, jenis="alasan"):
        if n.row_id:
            out.setdefault(n.row_id, []).append(n.teks)
    return out


__all__ = ["Note", "list_notes", "find_note", "add_note", "insert_note", "delete_note", "set_status",
           "restore_status", "reasons_by_row", "AddNote", "SetNoteStatus", "STATUSES", "KINDS"]
