"""The one vocabulary of a Renja: levels, tables and fields, with their labels in Indonesian and
English.

* **Levels** of the program tree (urusan ... sub kegiatan): number, machine key, label.
* **Stores**: where a kind of row lives -- ``plan`` (the program tree, printed as Tabel 3.1, 4.1 and
  2.3), ``eval`` (Tabel 2.1), ``pelayanan`` (Tabel 2.2), ``usulan`` (Tabel 2.4), ``document``
  (identity and signature). The store key is the one identifier code uses for "which table"
  (operations, change events); :data:`STORES` maps it to the SQL table of the file format and to
  the printed tables showing it.
* **Printed tables** ``2.1`` ... ``4.1``: their official titles (the same in the PDF, the Excel
  export, the print dialog and the importer's report).
* **Fields**: key (as in ``tree --json`` and the file), kind, store, label, the levels where a value
  is typed (money only on sub kegiatan) and the printed tables showing it.

The command line's field lists and help, the window's undo texts and field labels, the diff/merge
labels and the importer's column-mapping labels are derived from here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import pick

# ------------------------------------------------------------------------------------ levels
URUSAN, BIDANG_URUSAN, PROGRAM, KEGIATAN, SUB_KEGIATAN = 1, 2, 3, 4, 5
ALL_LEVELS = (URUSAN, BIDANG_URUSAN, PROGRAM, KEGIATAN, SUB_KEGIATAN)


@dataclass(frozen=True)
class Level:
    number: int
    key: str
    id: str
    en: str

    def label(self, lang: str | None = None) -> str:
        return pick(self.id, self.en, lang)


LEVELS = {
    URUSAN: Level(URUSAN, "urusan", "Urusan", "Affair"),
    BIDANG_URUSAN: Level(BIDANG_URUSAN, "bidang_urusan", "Bidang Urusan", "Sector"),
    PROGRAM: Level(PROGRAM, "program", "Program", "Program"),
    KEGIATAN: Level(KEGIATAN, "kegiatan", "Kegiatan", "Activity"),
    SUB_KEGIATAN: Level(SUB_KEGIATAN, "sub_kegiatan", "Sub Kegiatan", "Sub-activity"),
}


def level_label(level: int | None, lang: str | None = None) -> str:
    """``3`` -> ``Program``; unknown levels give ``""``."""
    item = LEVELS.get(level)  # type: ignore[arg-type]
    return item.label(lang) if item else ""


# ------------------------------------------------------------------------------------ stores and tables
@dataclass(frozen=True)
class Store:
    key: str                  # the identifier in code: operations, change events
    sql: str                  # the table in the file
    tables: tuple[str, ...]   # printed tables showing it
    root_level: int = URUSAN  # level of a new row at the top of a tree


STORES = {
    "document": Store("document", "document", ()),
    "plan": Store("plan", "plan_row", ("3.1", "4.1", "2.3")),
    "eval": Store("eval", "eval_row", ("2.1",), root_level=PROGRAM),
    "pelayanan": Store("pelayanan", "pelayanan", ("2.2",)),
    "usulan": Store("usulan", "usulan", ("2.4",)),
    "indikator": Store("indikator", "indikator", ("3.1", "4.1")),
    "sumber_dana": Store("sumber_dana", "sumber_dana", ("4.1",)),
    "declared": Store("declared", "declared_value", ()),
}


@dataclass(frozen=True)
class PrintedTable:
    number: str     # "2.1" ... "4.1"
    store: str
    id: str         # official title
    en: str

    def title(self, lang: str | None = None) -> str:
        return pick(self.id, self.en, lang)


#: the printed tables in the order of the document
TABLES = {
    "2.1": PrintedTable("2.1", "eval", "Evaluasi Pelaksanaan Renja dan Capaian Renstra",
                        "Evaluation of the Renja and Renstra achievement"),
    "2.2": PrintedTable("2.2", "pelayanan", "Pencapaian Kinerja Pelayanan", "Service performance achieved"),
    "2.3": PrintedTable("2.3", "plan", "Review terhadap Rancangan Awal RKPD", "Review of the RKPD first draft"),
    "2.4": PrintedTable("2.4", "usulan", "Usulan Program dan Kegiatan dari Para Pemangku Kepentingan",
                        "Programs and activities proposed by stakeholders"),
    "3.1": PrintedTable("3.1", "plan", "Rumusan Rencana Program dan Kegiatan", "Planned programs and activities"),
    "4.1": PrintedTable("4.1", "plan", "Rencana Kerja dan Pendanaan", "Work and funding plan"),
}


def table_title(number: str, lang: str | None = None) -> str:
    return TABLES[number].title(lang)


def store_of_table(number: str) -> str:
    """``'2.1'`` -> ``'eval'``: which store a printed table shows."""
    return TABLES[number].store


def sql_table(store: str) -> str:
    return STORES[store].sql


# ------------------------------------------------------------------------------------ fields
@dataclass(frozen=True)
class Field:
    key: str
    store: str
    kind: str            # text | money | decimal | year | nip | code | cell (a plan cell kept elsewhere)
    id: str              # label, as it reads inside a sentence ("pagu indikatif")
    en: str
    levels: tuple[int, ...] = ALL_LEVELS   # where a value is typed
    tables: tuple[str, ...] = ()

    def label(self, lang: str | None = None) -> str:
        return pick(self.id, self.en, lang)


_LEAF = (SUB_KEGIATAN,)
_PLAN = ("3.1", "4.1")


def _f(key, store, kind, id_, en, levels=ALL_LEVELS, tables=()) -> Field:
    return Field(key, store, kind, id_, en, tuple(levels), tuple(tables))


FIELDS: tuple[Field, ...] = (
    # the plan row (Tabel 3.1, 4.1, 2.3)
    _f("kode", "plan", "code", "kode", "code", tables=("3.1", "4.1", "2.3")),
    _f("nama", "plan", "text", "uraian", "name", tables=("3.1", "4.1", "2.3")),
    _f("outcome", "plan", "text", "outcome/keluaran", "outcome/output", tables=("3.1",)),
    _f("lokasi", "plan", "text", "lokasi", "location", tables=("3.1", "4.1", "2.3")),
    _f("pagu", "plan", "money", "pagu indikatif", "indicative budget", _LEAF, ("3.1", "4.1", "2.3")),
    _f("pagu_n1", "plan", "money", "pagu n+1", "budget n+1", _LEAF, _PLAN),
    _f("catatan", "plan", "text", "catatan penting", "important notes", tables=("3.1", "4.1")),
    _f("penanggung_jawab", "plan", "text", "penanggung jawab", "responsible unit", tables=("3.1",)),
    _f("rkpd_nama", "plan", "text", "uraian RKPD", "RKPD name", tables=("2.3",)),
    _f("rkpd_lokasi", "plan", "text", "lokasi RKPD", "RKPD location", tables=("2.3",)),
    _f("rkpd_indikator", "plan", "text", "indikator RKPD", "RKPD indicator", tables=("2.3",)),
    _f("rkpd_target", "plan", "text", "target RKPD", "RKPD target", tables=("2.3",)),
    _f("rkpd_pagu", "plan", "money", "pagu RKPD", "RKPD budget", _LEAF, ("2.3",)),
    _f("rkpd_catatan", "plan", "text", "catatan RKPD", "RKPD notes", tables=("2.3",)),
    # cells of a plan row kept in other tables: the first indicator, the funding sources
    _f("indikator", "indikator", "cell", "indikator", "indicator", tables=("3.1", "4.1", "2.3")),
    _f("target", "indikator", "cell", "target", "target", tables=("3.1", "4.1", "2.3")),
    _f("satuan", "indikator", "cell", "satuan", "unit", tables=_PLAN),
    _f("target_n1", "indikator", "cell", "target n+1", "target n+1", tables=("3.1",)),
    _f("sumber_dana", "sumber_dana", "cell", "sumber dana", "funding source", _LEAF, ("4.1",)),
    # Tabel 2.1
    _f("kode", "eval", "code", "kode", "code", tables=("2.1",)),
    _f("nama", "eval", "text", "uraian", "name", tables=("2.1",)),
    _f("sasaran", "eval", "text", "sasaran", "objective", tables=("2.1",)),
    _f("indikator", "eval", "text", "indikator", "indicator", tables=("2.1",)),
    _f("satuan", "eval", "text", "satuan", "unit", tables=("2.1",)),
    _f("penanggung_jawab", "eval", "text", "unit penanggung jawab", "responsible unit", tables=("2.1",)),
    _f("keterangan", "eval", "text", "keterangan", "remarks", tables=("2.1",)),
    *(_f(f"k_{n}", "eval", "decimal", f"kolom {n} (K)", f"column {n} (K)", tables=("2.1",))
      for n in (5, 6, 7, 8, 9, 10, 11, 12, 14)),
    *(_f(f"rp_{n}", "eval", "money", f"kolom {n} (Rp)", f"column {n} (Rp)", _LEAF, ("2.1",))
      for n in (5, 6, 7, 8, 9, 10, 11, 12)),
    # Tabel 2.2
    _f("indikator", "pelayanan", "text", "indikator kinerja pelayanan", "service performance indicator",
       tables=("2.2",)),
    _f("spm", "pelayanan", "text", "SPM / standar nasional", "minimum service / national standard", tables=("2.2",)),
    _f("ikk", "pelayanan", "text", "IKK", "IKK", tables=("2.2",)),
    _f("target_n3", "pelayanan", "text", "target Renstra tahun n-3", "Renstra target year n-3", tables=("2.2",)),
    _f("target_n2", "pelayanan", "text", "target Renstra tahun n-2", "Renstra target year n-2", tables=("2.2",)),
    _f("target_n1", "pelayanan", "text", "target Renstra tahun n-1", "Renstra target year n-1", tables=("2.2",)),
    _f("target_n", "pelayanan", "text", "target Renstra tahun n", "Renstra target year n", tables=("2.2",)),
    _f("realisasi_n3", "pelayanan", "text", "realisasi capaian tahun n-3", "achieved in year n-3", tables=("2.2",)),
    _f("realisasi_n2", "pelayanan", "text", "realisasi capaian tahun n-2", "achieved in year n-2", tables=("2.2",)),
    _f("proyeksi_n", "pelayanan", "text", "proyeksi tahun n", "projection year n", tables=("2.2",)),
    _f("proyeksi_n_plus1", "pelayanan", "text", "proyeksi tahun n+1", "projection year n+1", tables=("2.2",)),
    _f("catatan", "pelayanan", "text", "catatan analisis", "analysis notes", tables=("2.2",)),
    # Tabel 2.4
    _f("program_kegiatan", "usulan", "text", "program/kegiatan yang diusulkan", "proposed program/activity",
       tables=("2.4",)),
    _f("lokasi", "usulan", "text", "lokasi", "location", tables=("2.4",)),
    _f("indikator", "usulan", "text", "indikator kinerja", "performance indicator", tables=("2.4",)),
    _f("volume", "usulan", "text", "besaran/volume", "amount/volume", tables=("2.4",)),
    _f("catatan", "usulan", "text", "catatan", "notes", tables=("2.4",)),
    # identity and signature
    _f("pemda", "document", "text", "pemerintah daerah", "local government"),
    _f("opd", "document", "text", "perangkat daerah", "agency"),
    _f("opd_singkat", "document", "text", "nama singkat perangkat daerah", "agency short name"),
    _f("tahun", "document", "year", "tahun rencana", "plan year"),
    _f("renstra_mulai", "document", "year", "awal periode Renstra", "Renstra period start"),
    _f("renstra_selesai", "document", "year", "akhir periode Renstra", "Renstra period end"),
    _f("nomenklatur_versi", "document", "text", "versi nomenklatur", "nomenclature version"),
    _f("judul", "document", "text", "judul", "title"),
    _f("running_header", "document", "text", "kepala halaman", "running header"),
    _f("tempat", "document", "text", "tempat penandatanganan", "place of signing"),
    _f("tanggal", "document", "text", "tanggal penandatanganan", "date of signing"),
    _f("kepala_jabatan", "document", "text", "jabatan kepala", "head's position"),
    _f("kepala_nama", "document", "text", "nama kepala", "head's name"),
    _f("kepala_pangkat", "document", "text", "pangkat kepala", "head's rank"),
    _f("kepala_nip", "document", "nip", "NIP kepala", "head's NIP"),
)

#: fields by (store, key)
BY_STORE: dict[tuple[str, str], Field] = {(f.store, f.key): f for f in FIELDS}

#: the stores whose fields are cells of a plan row
PLAN_CELL_STORES = ("plan", "indikator", "sumber_dana")

#: labels of things compared by diff/merge that are not fields of one store
OTHER_LABELS = {
    "parent_id": ("letak (baris induk)", "place (parent row)"),
    "level": ("tingkat", "level"),
    "value": ("isi", "value"),
    "teks": ("teks tercetak", "printed text"),
    "nilai": ("nilai tercetak", "printed value"),
    "sumber": ("sumber", "source"),
    "*": ("baris", "row"),
    "*order": ("urutan", "order"),
}


def fields(store: str, kind: str | None = None) -> tuple[str, ...]:
    """Keys of a store's fields (of one ``kind``), in registry order."""
    return tuple(f.key for f in FIELDS if f.store == store and (kind is None or f.kind == kind))


def plan_cells() -> tuple[str, ...]:
    """Every cell of a plan row a user can set (``set FILE CODE FIELD VALUE``)."""
    return tuple(f.key for f in FIELDS if f.store in PLAN_CELL_STORES)


def field(key: str, store: str | None = None) -> Field | None:
    """The field ``key`` of ``store``; without a store, the first field with that key."""
    if store is not None:
        return BY_STORE.get((store, key))
    return next((f for f in FIELDS if f.key == key), None)


def field_label(key: str, store: str | None = None, lang: str | None = None) -> str:
    """A field's label in the current language; an unknown key reads as itself."""
    f = field(key, store)
    if f is not None:
        return f.label(lang)
    if key in OTHER_LABELS:
        return pick(*OTHER_LABELS[key], lang)
    return key.replace("_", " ")
