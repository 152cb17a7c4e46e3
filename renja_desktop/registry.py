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

* **Window columns** (:data:`WINDOW_COLUMNS`): each table's columns in the window -- key, header
  label (id/en), kind, tooltip, header group; a column without its own wording shows its field's
  label. **Report headings** (:data:`REPORT_HEADINGS`): the official, longer headings the printed
  tables use for the same columns.

The command line's field lists and help, the window's column headers, undo texts and field labels,
the diff/merge labels, the importer's column-mapping labels and the printed tables' titles and
column headings are derived from here.
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
    # columns and places named by the checks' findings
    "tingkat": ("tingkat", "level"),
    "judul": ("judul", "title"),
    "isi": ("isi", "content"),
    "tabel": ("tabel", "table"),
    "Identitas": ("Identitas", "Identity"),
    "naskah": ("naskah", "chapter text"),
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


# ------------------------------------------------------------------------------------ window columns
#: the year placeholders of column headers, filled by :func:`fill_years`
_YEAR_TAGS = (("{n-3}", -3), ("{n-2}", -2), ("{n-1}", -1), ("{n+1}", 1), ("{n}", 0))


@dataclass(frozen=True)
class Heading:
    """A column of a table as the window shows it: key, header label (id/en), kind, tooltip and the
    header group spanning it. Labels may hold ``{n}``, ``{n+1}``, ``{n-3}`` ... (the plan
    year and the years around it) and ``{r}`` (the last year of the Renstra period)."""

    key: str
    id: str
    en: str
    kind: str = "text"     # text | money | number | percent
    tip_id: str = ""
    tip_en: str = ""
    group: str = ""        # a key of :data:`HEADER_GROUPS`

    def label(self, lang: str | None = None) -> str:
        return pick(self.id, self.en, lang)

    def tooltip(self, lang: str | None = None) -> str:
        return pick(self.tip_id, self.tip_en, lang)


def _h(key: str, store: str, id_: str | None = None, en: str | None = None, **extra) -> Heading:
    """A window column; without its own label it shows the field's label, capitalised."""
    if id_ is None:
        f = BY_STORE[(store, key)]
        id_, en = _capital(f.id), _capital(f.en)
    return Heading(key, id_, en or id_, **extra)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


#: header groups: titles spanning consecutive columns (a two-level header)
HEADER_GROUPS: dict[str, tuple[str, str]] = {
    "rkpd": ("Rancangan awal RKPD", "RKPD first draft"),
    "analisis": ("Hasil analisis kebutuhan", "Needs analysis"),
    "e5": ("(5) Target Renstra {r}", "(5) Renstra target {r}"),
    "e6": ("(6) Realisasi Renstra s.d. {n-3}", "(6) Renstra achieved up to {n-3}"),
    "e7": ("(7) Target Renja {n-2}", "(7) Renja target {n-2}"),
    "e8": ("(8) Triwulan I", "(8) Quarter I"),
    "e9": ("(9) Triwulan II", "(9) Quarter II"),
    "e10": ("(10) Triwulan III", "(10) Quarter III"),
    "e11": ("(11) Triwulan IV", "(11) Quarter IV"),
    "e12": ("(12) Realisasi Renja {n-2}", "(12) Renja realised {n-2}"),
    "e13": ("(13) Tingkat realisasi", "(13) Realisation rate"),
    "e14": ("(14) Realisasi Renstra s.d. {n-2}", "(14) Renstra achieved up to {n-2}"),
    "e15": ("(15) Capaian Renstra", "(15) Renstra achievement"),
}

#: what each column group of Tabel 2.1 holds (the tooltip of its K and Rp columns)
_EVAL_TIPS: dict[int, tuple[str, str]] = {
    5: ("Target Renstra Perangkat Daerah pada akhir periode", "The agency's Renstra target at the end of the period"),
    6: ("Realisasi capaian Renstra sampai dengan Renja tahun lalu", "Renstra achievement up to last year's Renja"),
    7: ("Target kinerja dan anggaran Renja tahun yang dievaluasi",
        "Performance and budget target of the evaluated year's Renja"),
    8: ("Realisasi triwulan I", "Realised in quarter I"),
    9: ("Realisasi triwulan II", "Realised in quarter II"),
    10: ("Realisasi triwulan III", "Realised in quarter III"),
    11: ("Realisasi triwulan IV", "Realised in quarter IV"),
    12: ("Realisasi kinerja dan anggaran Renja tahun yang dievaluasi (12 = 8+9+10+11)",
         "Performance and budget realised in the evaluated year (12 = 8+9+10+11)"),
    13: ("Tingkat realisasi (13 = 12/7 × 100%)", "Realisation rate (13 = 12/7 × 100%)"),
    14: ("Realisasi kinerja dan anggaran Renstra s.d. tahun dievaluasi (14 = 6+12)",
         "Renstra performance and budget achieved up to the evaluated year (14 = 6+12)"),
    15: ("Tingkat capaian Renstra (15 = 14/5 × 100%)", "Renstra achievement rate (15 = 14/5 × 100%)"),
}


def _eval_pairs() -> tuple[Heading, ...]:
    out = []
    for n in range(5, 16):
        rate = n in (13, 15)
        tip_id, tip_en = _EVAL_TIPS[n]
        out.append(Heading(f"k_{n}", "K", "K", "percent" if rate else "number", tip_id, tip_en, f"e{n}"))
        out.append(Heading(f"rp_{n}", "Rp", "Rp", "percent" if rate else "money", tip_id, tip_en, f"e{n}"))
    return tuple(out)


_PROGRAM_KEGIATAN = ("Program / Kegiatan / Sub Kegiatan", "Program / Activity / Sub-activity")
_INDIKATOR_KINERJA = ("Indikator kinerja", "Performance indicator")
_TARGET_CAPAIAN = ("Target capaian", "Target")
_PAGU_INDIKATIF = ("Pagu indikatif (Rp)", "Indicative budget (Rp)")

#: the columns of each table in the window, by printed table number (``3.1``: the program-plan tab,
#: Tabel 3.1 / 4.1; the fields not shown there are edited in the detail panel)
WINDOW_COLUMNS: dict[str, tuple[Heading, ...]] = {
    "3.1": (
        _h("kode", "plan"),
        _h("nama", "plan", tip_id="Urusan / bidang urusan / program / kegiatan / sub kegiatan",
           tip_en="Affair / sector / program / activity / sub-activity"),
        _h("indikator", "indikator", "Indikator", "Indicator",
           tip_id="Indikator kinerja (yang pertama; semua indikator di panel rincian)",
           tip_en="Performance indicator (the first; all indicators in the detail panel)"),
        _h("target", "indikator"),
        _h("satuan", "indikator"),
        _h("lokasi", "plan"),
        _h("pagu", "plan", "Pagu {n}", "Budget {n}", kind="money",
           tip_id="Pagu indikatif tahun rencana (Rp); induk = jumlah rinciannya",
           tip_en="Indicative budget of the plan year (Rp); a parent = the sum of its rows"),
        _h("sumber_dana", "sumber_dana"),
        _h("pagu_n1", "plan", "Pagu {n+1}", "Budget {n+1}", kind="money",
           tip_id="Prakiraan maju tahun berikutnya (Rp)", tip_en="Forecast for the following year (Rp)"),
    ),
    "2.3": (
        _h("kode", "plan"),
        _h("rkpd_nama", "plan", *_PROGRAM_KEGIATAN, tip_id="Nama menurut rancangan awal RKPD",
           tip_en="Name in the RKPD first draft", group="rkpd"),
        _h("rkpd_lokasi", "plan", "Lokasi", "Location", group="rkpd"),
        _h("rkpd_indikator", "plan", *_INDIKATOR_KINERJA, group="rkpd"),
        _h("rkpd_target", "plan", *_TARGET_CAPAIAN, group="rkpd"),
        _h("rkpd_pagu", "plan", *_PAGU_INDIKATIF, kind="money", tip_id="Pagu indikatif rancangan awal RKPD (Rp)",
           tip_en="Indicative budget in the RKPD first draft (Rp)", group="rkpd"),
        _h("nama", "plan", *_PROGRAM_KEGIATAN, group="analisis"),
        _h("lokasi", "plan", group="analisis"),
        _h("indikator", "indikator", *_INDIKATOR_KINERJA, group="analisis"),
        _h("target", "indikator", *_TARGET_CAPAIAN, group="analisis"),
        _h("pagu", "plan", *_PAGU_INDIKATIF, kind="money", tip_id="Pagu indikatif hasil analisis kebutuhan (Rp)",
           tip_en="Indicative budget from the needs analysis (Rp)", group="analisis"),
        Heading("selisih", "Selisih pagu (Rp)", "Budget difference (Rp)", "money",
                "Pagu hasil analisis − pagu rancangan awal RKPD",
                "Needs-analysis budget − RKPD first-draft budget"),
        _h("rkpd_catatan", "plan", "Catatan penting", "Important notes"),
    ),
    "2.1": (
        _h("kode", "eval"),
        _h("nama", "eval", *_PROGRAM_KEGIATAN),
        _h("indikator", "eval", *_INDIKATOR_KINERJA),
        _h("satuan", "eval"),
        *_eval_pairs(),
        _h("penanggung_jawab", "eval", "(16) Unit penanggung jawab", "(16) Responsible unit"),
        _h("keterangan", "eval", "(17) Keterangan", "(17) Remarks"),
    ),
    "2.2": (
        _h("indikator", "pelayanan", "Indikator", "Indicator"),
        _h("spm", "pelayanan", "SPM / Standar Nasional", "SPM / National standard"),
        _h("ikk", "pelayanan"),
        _h("target_n3", "pelayanan", "Target Renstra {n-3}", "Renstra target {n-3}"),
        _h("target_n2", "pelayanan", "Target Renstra {n-2}", "Renstra target {n-2}"),
        _h("target_n1", "pelayanan", "Target Renstra {n-1}", "Renstra target {n-1}"),
        _h("target_n", "pelayanan", "Target Renstra {n}", "Renstra target {n}"),
        _h("realisasi_n3", "pelayanan", "Realisasi {n-3}", "Realised {n-3}"),
        _h("realisasi_n2", "pelayanan", "Realisasi {n-2}", "Realised {n-2}"),
        _h("proyeksi_n", "pelayanan", "Proyeksi {n}", "Projection {n}"),
        _h("proyeksi_n_plus1", "pelayanan", "Proyeksi {n+1}", "Projection {n+1}"),
        _h("catatan", "pelayanan"),
    ),
    "2.4": (
        _h("program_kegiatan", "usulan", "Program / Kegiatan", "Program / Activity"),
        _h("lokasi", "usulan"),
        _h("indikator", "usulan"),
        _h("volume", "usulan", "Besaran / Volume", "Amount / Volume"),
        _h("catatan", "usulan"),
    ),
}


def fill_years(text: str, tahun: int | None, renstra_selesai: int | None = None) -> str:
    """``'Pagu {n+1}'`` -> ``'Pagu 2025'`` for plan year 2024; ``{r}``: the Renstra's last year."""
    n = int(tahun or 0)
    for tag, delta in _YEAR_TAGS:
        text = text.replace(tag, str(n + delta))
    return text.replace("{r}", str(renstra_selesai) if renstra_selesai else "").strip()


def heading(table: str, key: str) -> Heading:
    """The column ``key`` of ``table`` (``'2.4'``, ...) as the window shows it."""
    return next(h for h in WINDOW_COLUMNS[table] if h.key == key)


def header_group(group: str, lang: str | None = None) -> str:
    return pick(*HEADER_GROUPS[group], lang) if group else ""


#: the official column headings of the printed tables (Permendagri 86/2017), where a column has
#: one heading of its own; they are longer than the window's labels and always Indonesian. The
#: groups above them ("Rencana Tahun {n}", "Rancangan Awal RKPD ...") stay with each table's layout.
REPORT_HEADINGS: dict[str, dict[str, str]] = {
    "4.1": {"kode": "Kode", "nama": "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan",
            "pagu": "Pagu Indikatif Tahun {n}", "sumber_dana": "Sumber Dana"},
    "3.1": {"kode": "Kode", "nama": "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan",
            "outcome": "Outcome/Keluaran", "indikator": "Indikator Kinerja Program/Kegiatan/Sub Kegiatan",
            "lokasi": "Lokasi", "target": "Target Capaian Kinerja", "pagu": "Kebutuhan Dana/ Pagu Indikatif",
            "sumber_dana": "Sumber Dana", "catatan": "Catatan Penting", "target_n1": "Target Capaian Kinerja",
            "pagu_n1": "Kebutuhan Dana/ Pagu Indikatif", "penanggung_jawab": "Penanggung Jawab"},
    "2.3": {"nama": "Program/ Kegiatan/ Sub Kegiatan", "lokasi": "Lokasi", "indikator": "Indikator Kinerja",
            "target": "Target Capaian", "pagu": "Pagu Indikatif", "rkpd_catatan": "Catatan Penting"},
    "2.1": {"kode": "Kode", "sasaran": "Sasaran", "nama": "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan",
            "indikator": "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
            "penanggung_jawab": "Unit Perangkat Daerah Penanggung Jawab", "keterangan": "Keterangan"},
    "2.2": {"indikator": "Indikator", "spm": "SPM/ Standar Nasional", "ikk": "IKK", "catatan": "Catatan Analisis"},
    "2.4": {"program_kegiatan": "Program/Kegiatan", "lokasi": "Lokasi", "indikator": "Indikator Kinerja",
            "volume": "Besaran/ Volume", "catatan": "Catatan"},
}


def report_heading(table: str, key: str, tahun: int | None = None) -> str:
    """The official heading of column ``key`` in printed table ``table``, years filled in."""
    return fill_years(REPORT_HEADINGS[table][key], tahun)
