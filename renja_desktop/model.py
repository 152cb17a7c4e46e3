"""The Renja document model (SQLAlchemy 2 typed ORM): everything docs/domain.md lists under "What one document holds".

One document per SQLite file. Every row has a UUID primary key (text) and a modification stamp
(``modified_at``, ISO 8601 UTC). Money is ``Integer`` Rupiah (SQLite's 64-bit integer); volumes
and targets that may be fractional are exact decimal strings (``'2.5'``), never floats.

Money lives on sub kegiatan rows only; parent totals are derived by :mod:`renja_desktop.compute`
and never stored. Values an imported document *printed* are kept in :class:`DeclaredValue`, only
to audit them.
"""
from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from . import registry


def new_id() -> str:
    return str(uuid.uuid4())


#: ready-made ids of :func:`fast_id` (refilled 4096 at a time) and the process they were made in
_POOL: list[str] = []
_POOL_PID = [0]
#: the RFC 4122 variant bits (10xx) on a random hex digit
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


def fast_id() -> str:
    """A random UUID (version 4, the form of :func:`new_id`) for rows written in bulk: the
    system's random bytes are fetched for 4096 ids at once instead of by a call per id (a
    fraction of the time of :func:`uuid.uuid4`). A forked process makes its own."""
    if not _POOL or _POOL_PID[0] != os.getpid():
        _POOL.clear()
        _POOL_PID[0] = os.getpid()
        h = os.urandom(16 * 4096).hex()
        v = _VARIANT
        # handed out in ascending order (popped from the end): consecutive rows then land next to
        # each other in the id indexes instead of all over them (a seventh less time to insert)
        _POOL.extend(sorted((f"{h[i:i + 8]}-{h[i + 8:i + 12]}-4{h[i + 13:i + 16]}-{v[h[i + 16]]}{h[i + 17:i + 20]}-"
                             f"{h[i + 20:i + 32]}" for i in range(0, len(h), 32)), reverse=True))
    return _POOL.pop()


def now_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Base(DeclarativeBase):
    pass


class Document(Base):
    """Identity and signing block. Exactly one row per file."""

    __tablename__ = "document"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    pemda: Mapped[str] = mapped_column(Text, default="")            # "Kota Binjai"
    opd: Mapped[str] = mapped_column(Text, default="")              # "Badan Kesatuan Bangsa dan Politik"
    opd_singkat: Mapped[str] = mapped_column(Text, default="")      # "Badan Kesbangpol"
    tahun: Mapped[int] = mapped_column(Integer)                     # plan year n
    renstra_mulai: Mapped[int | None] = mapped_column(Integer)      # 2021
    renstra_selesai: Mapped[int | None] = mapped_column(Integer)    # 2026
    nomenklatur_versi: Mapped[str] = mapped_column(Text, default="")
    judul: Mapped[str] = mapped_column(Text, default="")            # e.g. "RANWAL RENJA"
    running_header: Mapped[str] = mapped_column(Text, default="")  # empty: derived from the above
    tempat: Mapped[str] = mapped_column(Text, default="")           # signing place: "Binjai"
    tanggal: Mapped[str] = mapped_column(Text, default="")          # signing date as printed: "Juni 2023"
    kepala_jabatan: Mapped[str] = mapped_column(Text, default="")   # "Kepala Badan Kesatuan Bangsa ..."
    kepala_nama: Mapped[str] = mapped_column(Text, default="")
    kepala_pangkat: Mapped[str] = mapped_column(Text, default="")
    kepala_nip: Mapped[str] = mapped_column(Text, default="")       # 18 digits, printed grouped
    created_at: Mapped[str] = mapped_column(Text, default=now_stamp)
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp, onupdate=now_stamp)


class PlanRow(Base):
    """A row of the plan tree for year n (Tabel 3.1, 4.1 and both sides of Tabel 2.3).

    ``level`` is 1 urusan .. 5 sub kegiatan. ``pagu``, ``pagu_n1`` and ``rkpd_pagu`` are stored on
    sub kegiatan only (``None``: not filled in). ``rkpd_*`` is the Rancangan Awal RKPD side of
    Tabel 2.3; ``rkpd_pagu`` ``None`` means the row is not in the RKPD draft.
    """

    __tablename__ = "plan_row"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("plan_row.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer)
    kode: Mapped[str] = mapped_column(Text, default="")
    nama: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")          # outcome (program) / keluaran
    lokasi: Mapped[str] = mapped_column(Text, default="")
    pagu: Mapped[int | None] = mapped_column(Integer)               # pagu indikatif n, Rupiah
    pagu_n1: Mapped[int | None] = mapped_column(Integer)            # prakiraan maju n+1, Rupiah
    catatan: Mapped[str] = mapped_column(Text, default="")          # catatan penting
    penanggung_jawab: Mapped[str] = mapped_column(Text, default="")
    rkpd_nama: Mapped[str] = mapped_column(Text, default="")        # as named in the RKPD draft
    rkpd_lokasi: Mapped[str] = mapped_column(Text, default="")
    rkpd_indikator: Mapped[str] = mapped_column(Text, default="")
    rkpd_target: Mapped[str] = mapped_column(Text, default="")
    rkpd_pagu: Mapped[int | None] = mapped_column(Integer)
    rkpd_catatan: Mapped[str] = mapped_column(Text, default="")
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class Indikator(Base):
    """An indicator of a plan row: text, target n, satuan, target n+1. Several per row."""

    __tablename__ = "indikator"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    row_id: Mapped[str] = mapped_column(ForeignKey("plan_row.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    teks: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")           # as a decimal string or text
    satuan: Mapped[str] = mapped_column(Text, default="")
    target_n1: Mapped[str] = mapped_column(Text, default="")
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class SumberDana(Base):
    """One funding source of a sub kegiatan, with its share of the pagu (shares add up to it)."""

    __tablename__ = "sumber_dana"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    row_id: Mapped[str] = mapped_column(ForeignKey("plan_row.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kode: Mapped[str] = mapped_column(Text, default="")             # catalog code, may be empty
    nama: Mapped[str] = mapped_column(Text, default="")             # "Dana Transfer Umum - DAU"
    jumlah: Mapped[int | None] = mapped_column(Integer)             # Rupiah; None: the whole pagu
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class EvalRow(Base):
    """A row of the evaluation tree of the earlier Renja (Tabel 2.1).

    K (kinerja volumes, decimal strings) and Rp (integers) for column 5 target Renstra, 6 realisasi
    Renstra up to the year before, 7 target Renja, 8-11 realisasi triwulan I-IV. Column 12 is
    computed from the quarters; ``k_12``/``rp_12`` hold column 12 where no quarters were reported
    (Binjai prints only 12), and ``k_14`` column 14 for non-additive satuan (%, index).
    """

    __tablename__ = "eval_row"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("eval_row.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer)
    kode: Mapped[str] = mapped_column(Text, default="")
    nama: Mapped[str] = mapped_column(Text, default="")
    sasaran: Mapped[str] = mapped_column(Text, default="")
    indikator: Mapped[str] = mapped_column(Text, default="")
    satuan: Mapped[str] = mapped_column(Text, default="")
    k_5: Mapped[str | None] = mapped_column(Text)
    rp_5: Mapped[int | None] = mapped_column(Integer)
    k_6: Mapped[str | None] = mapped_column(Text)
    rp_6: Mapped[int | None] = mapped_column(Integer)
    k_7: Mapped[str | None] = mapped_column(Text)
    rp_7: Mapped[int | None] = mapped_column(Integer)
    k_8: Mapped[str | None] = mapped_column(Text)
    rp_8: Mapped[int | None] = mapped_column(Integer)
    k_9: Mapped[str | None] = mapped_column(Text)
    rp_9: Mapped[int | None] = mapped_column(Integer)
    k_10: Mapped[str | None] = mapped_column(Text)
    rp_10: Mapped[int | None] = mapped_column(Integer)
    k_11: Mapped[str | None] = mapped_column(Text)
    rp_11: Mapped[int | None] = mapped_column(Integer)
    k_12: Mapped[str | None] = mapped_column(Text)
    rp_12: Mapped[int | None] = mapped_column(Integer)
    k_14: Mapped[str | None] = mapped_column(Text)
    penanggung_jawab: Mapped[str] = mapped_column(Text, default="")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class Pelayanan(Base):
    """Tabel 2.2: one service-performance indicator (no formulas)."""

    __tablename__ = "pelayanan"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    position: Mapped[int] = mapped_column(Integer, default=0)
    indikator: Mapped[str] = mapped_column(Text, default="", doc="indikator kinerja pelayanan")
    spm: Mapped[str] = mapped_column(Text, default="", doc="SPM / standar nasional")
    ikk: Mapped[str] = mapped_column(Text, default="", doc="IKK")
    target_n3: Mapped[str] = mapped_column(Text, default="", doc="target Renstra tahun n-3")
    target_n2: Mapped[str] = mapped_column(Text, default="", doc="target Renstra tahun n-2")
    target_n1: Mapped[str] = mapped_column(Text, default="", doc="target Renstra tahun n-1")
    target_n: Mapped[str] = mapped_column(Text, default="", doc="target Renstra tahun n")
    realisasi_n3: Mapped[str] = mapped_column(Text, default="", doc="realisasi capaian tahun n-3")
    realisasi_n2: Mapped[str] = mapped_column(Text, default="", doc="realisasi capaian tahun n-2")
    proyeksi_n: Mapped[str] = mapped_column(Text, default="", doc="proyeksi tahun n")
    proyeksi_n_plus1: Mapped[str] = mapped_column(Text, default="", doc="proyeksi tahun n+1")
    catatan: Mapped[str] = mapped_column(Text, default="", doc="catatan analisis")
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class Usulan(Base):
    """Tabel 2.4: one stakeholder proposal. An empty list prints one NIHIL row."""

    __tablename__ = "usulan"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    position: Mapped[int] = mapped_column(Integer, default=0)
    program_kegiatan: Mapped[str] = mapped_column(Text, default="", doc="program/kegiatan yang diusulkan")
    lokasi: Mapped[str] = mapped_column(Text, default="", doc="lokasi")
    indikator: Mapped[str] = mapped_column(Text, default="", doc="indikator kinerja")
    volume: Mapped[str] = mapped_column(Text, default="", doc="besaran/volume")
    catatan: Mapped[str] = mapped_column(Text, default="", doc="catatan")
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class DeclaredValue(Base):
    """A value an imported document printed (a parent total, the TOTAL), kept only for audit.

    ``tabel`` is ``'4.1'``, ``'3.1'``, ``'2.3'`` or ``'2.1'``; ``kode`` the row's normalised code
    (empty for the grand TOTAL); ``kolom`` the field (``pagu``, ``pagu_n1``, ``rkpd_pagu``,
    ``rp_7``...); ``teks`` exactly as printed; ``nilai`` the value read from it (``None`` when the
    text was not a valid number, e.g. ``40.145568.718``).
    """

    __tablename__ = "declared_value"
    __table_args__ = (UniqueConstraint("tabel", "kode", "kolom", "row_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    tabel: Mapped[str] = mapped_column(Text)
    kode: Mapped[str] = mapped_column(Text, default="")
    row_id: Mapped[str | None] = mapped_column(Text)  # plan_row/eval_row id when known (no FK)
    kolom: Mapped[str] = mapped_column(Text)
    teks: Mapped[str] = mapped_column(Text, default="")
    nilai: Mapped[int | None] = mapped_column(Integer)
    sumber: Mapped[str] = mapped_column(Text, default="")           # "file.txt baris 387"
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class Section(Base):
    """One part of the written document: the cover, Kata Pengantar, a BAB or a subbab.

    ``kind`` is one of :data:`renja_desktop.narrative.outline.KINDS`; numbers ("BAB II", "2.3") are
    derived from the order, never stored. ``content`` is the section's text in the versioned block
    format documented in :mod:`renja_desktop.narrative.format` (JSON, never widget HTML).
    """

    __tablename__ = "section"
    __table_args__ = {"info": {"since": 2}}

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(Text, default="sub")
    judul: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class Meta(Base):
    """Key/value facts about the file (e.g. ``copied_from_hash`` for merge bases)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class RowDigest(Base):
    """Checksums of the content rows, per bucket of 32 rowids (see :mod:`renja_desktop.rowcheck`).

    Not content: kept current by every commit, checked on every open; ``('*', 0)`` marks a file
    whose digests are complete."""

    __tablename__ = "row_digest"
    __table_args__ = {"info": {"since": 2}}

    tbl: Mapped[str] = mapped_column(Text, primary_key=True)
    bucket: Mapped[int] = mapped_column(Integer, primary_key=True)
    crc: Mapped[int] = mapped_column(Integer)
    rows: Mapped[bytes | None] = mapped_column(LargeBinary)


class Stage(Base):
    """A frozen stage of the document (Rancangan Awal, Rancangan, ..., Penetapan, Perubahan 1).

    ``data`` holds every content row as it was when frozen: zlib-compressed JSON
    ``{"format": 1, "tables": {name: {"columns": [...], "rows": [[...], ...]}}}`` (see
    :mod:`renja_desktop.stages`). A stage is read-only: the first freeze adds a trigger that
    refuses any UPDATE (``stages.READ_ONLY_TRIGGER``).
    """

    __tablename__ = "renja_stage"
    __table_args__ = (UniqueConstraint("document_id", "nama"), {"info": {"since": 2}})

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    document_id: Mapped[str] = mapped_column(Text)                  # the document it was frozen from
    nama: Mapped[str] = mapped_column(Text)                         # "Rancangan Awal"
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    tahun: Mapped[int | None] = mapped_column(Integer)
    dibuat_at: Mapped[str] = mapped_column(Text, default=now_stamp)
    oleh: Mapped[str] = mapped_column(Text, default="")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    jumlah_baris: Mapped[int] = mapped_column(Integer, default=0)  # plan rows
    total_pagu: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class VerificationNote(Base):
    """A verifier's note (or a reason for a change) on one plan row, per stage.

    ``stage_id`` ``None``: about the working state. ``row_id`` is the plan row's id (no foreign
    key: the row may be deleted later and the note must survive); ``kode``/``nama`` as they were.
    ``jenis`` is ``verifikasi`` or ``alasan``; ``status`` ``terbuka`` or ``selesai``.
    """

    __tablename__ = "catatan_verifikasi"
    __table_args__ = {"info": {"since": 2}}

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    stage_id: Mapped[str | None] = mapped_column(Text)
    row_id: Mapped[str | None] = mapped_column(Text)
    kode: Mapped[str] = mapped_column(Text, default="")
    nama: Mapped[str] = mapped_column(Text, default="")
    jenis: Mapped[str] = mapped_column(Text, default="verifikasi")
    teks: Mapped[str] = mapped_column(Text, default="")
    oleh: Mapped[str] = mapped_column(Text, default="")
    dibuat_at: Mapped[str] = mapped_column(Text, default=now_stamp)
    status: Mapped[str] = mapped_column(Text, default="terbuka")
    ditutup_oleh: Mapped[str] = mapped_column(Text, default="")
    ditutup_at: Mapped[str] = mapped_column(Text, default="")
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class RenstraRow(Base):
    """A row of the agency's Renstra (5-year strategic plan): program, kegiatan or sub kegiatan.

    ``anggaran_akhir``/``target_akhir``: the period-end values as the Renstra printed them
    (``None``/empty: not printed). Values per year live in :class:`RenstraNilai`.
    """

    __tablename__ = "renstra_row"
    __table_args__ = {"info": {"since": 2}}

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("renstra_row.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer)
    kode: Mapped[str] = mapped_column(Text, default="")
    nama: Mapped[str] = mapped_column(Text, default="")
    indikator: Mapped[str] = mapped_column(Text, default="")
    satuan: Mapped[str] = mapped_column(Text, default="")
    target_akhir: Mapped[str] = mapped_column(Text, default="")
    anggaran_akhir: Mapped[int | None] = mapped_column(Integer)
    sumber: Mapped[str] = mapped_column(Text, default="")           # "renstra.xlsx baris 12"
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


class RenstraNilai(Base):
    """Target and anggaran of one Renstra row for one year of the period."""

    __tablename__ = "renstra_nilai"
    __table_args__ = (UniqueConstraint("row_id", "tahun"), {"info": {"since": 2}})

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    row_id: Mapped[str] = mapped_column(ForeignKey("renstra_row.id", ondelete="CASCADE"), index=True)
    tahun: Mapped[int] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(Text, default="")
    anggaran: Mapped[int | None] = mapped_column(Integer)
    modified_at: Mapped[str] = mapped_column(Text, default=now_stamp)


Index("ix_plan_row_kode", PlanRow.kode)
Index("ix_eval_row_kode", EvalRow.kode)

#: the tables whose rows carry a UUID and a modification stamp (compare/merge work on these)
ROW_TABLES = (Document, PlanRow, Indikator, SumberDana, EvalRow, Pelayanan, Usulan, DeclaredValue, Section)

#: fields of PlanRow holding money (stored on sub kegiatan only)
PLAN_MONEY_FIELDS = registry.fields("plan", "money")
#: text fields of PlanRow a user may edit
PLAN_TEXT_FIELDS = tuple(k for k in registry.fields("plan") if k not in PLAN_MONEY_FIELDS)
EVAL_K_COLUMNS = (5, 6, 7, 8, 9, 10, 11)
EVAL_RP_INPUT_FIELDS = registry.fields("eval", "money")
EVAL_K_INPUT_FIELDS = registry.fields("eval", "decimal")
EVAL_TEXT_FIELDS = tuple(k for k in registry.fields("eval") if k not in EVAL_RP_INPUT_FIELDS + EVAL_K_INPUT_FIELDS)
DOCUMENT_FIELDS = registry.fields("document")
