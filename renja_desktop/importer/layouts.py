"""Table layouts (docs/domain.md, "Tables and formulas") and recognising columns from the table's own header words.

A :class:`Layout` says where each field sits, as an offset from the row's *anchor* cell: the name
cell for coded tables (4.1, 3.1) and Tabel 2.1, whose code columns vary from row to row, and the
``No`` cell for 2.2, 2.3 and 2.4. Offsets come from the header rows when the source has them
(``Kode | Urusan/.../Sub Kegiatan | Pagu Indikatif (Rp) | Sumber Dana``), otherwise from the usual
layout of that table, and can always be set by hand (``--column pagu=E`` or ``pagu="Pagu 2024"``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import registry
from ..errors import Msg
from ..readers import ImportFailure
from .cells import looks_like_money, nonempty, read_code
from .header import combine_header as _combine_header

TABLES = ("4.1", "3.1", "2.1", "2.2", "2.3", "2.4")

#: the official titles (from the registry), in the importer's order
TABLE_TITLES = {n: registry.TABLES[n].id for n in TABLES}

#: the fields each table can carry (keys as in ``tree --json`` where they exist)
FIELDS = {
    "4.1": ("kode", "nama", "pagu", "sumber_dana", "lokasi", "indikator", "target", "satuan",
            "pagu_n1", "catatan"),
    "3.1": ("kode", "nama", "outcome", "keluaran", "indikator", "satuan", "target", "lokasi", "pagu",
            "sumber_dana", "catatan", "target_n1", "pagu_n1", "penanggung_jawab", "keluaran_n1",
            "capaian", "capaian_n1", "satuan_n1", "capaian_tolok_ukur", "capaian_target",
            "keluaran_tolok_ukur", "keluaran_target", "hasil_tolok_ukur", "hasil_target"),
    "2.3": ("no", "rkpd_nama", "rkpd_lokasi", "rkpd_indikator", "rkpd_target", "rkpd_pagu", "nama",
            "lokasi", "indikator", "target", "pagu", "catatan"),
    "2.1": ("no", "sasaran", "nama", "indikator", "k_5", "rp_5", "k_6", "rp_6", "k_7", "rp_7",
            "k_8", "rp_8", "k_9", "rp_9", "k_10", "rp_10", "k_11", "rp_11", "k_12", "rp_12",
            "k_13", "rp_13", "k_14", "rp_14", "k_15", "rp_15", "penanggung_jawab", "keterangan"),
    "2.2": ("no", "indikator", "spm", "ikk", "target_n3", "target_n2", "target_n1", "target_n",
            "realisasi_n3", "realisasi_n2", "proyeksi_n", "proyeksi_n_plus1", "catatan"),
    "2.4": ("no", "program_kegiatan", "lokasi", "indikator", "volume", "catatan"),
}

MONEY_FIELDS = {
    "4.1": ("pagu", "pagu_n1"),
    "3.1": ("pagu", "pagu_n1"),
    "2.3": ("rkpd_pagu", "pagu"),
}

ANCHOR = {"4.1": "nama", "3.1": "nama", "2.1": "nama", "2.3": "no", "2.2": "no", "2.4": "no"}

#: usual layouts when the source has no header rows (offsets from the anchor)
DEFAULT_OFFSETS: dict[str, dict[str, int]] = {
    "4.1": {"nama": 0, "pagu": 1, "sumber_dana": 2},
    # the long 3.1 of Binjai-style Renja: outcome, indicator, output, location, targets, pagu...
    "3.1": {"nama": 0, "outcome": 1, "indikator": 2, "keluaran": 3, "lokasi": 4, "capaian": 5,
            "target": 6, "capaian_n1": 7, "pagu": 8, "sumber_dana": 9, "catatan": 10,
            "keluaran_n1": 11, "target_n1": 12, "pagu_n1": 13, "penanggung_jawab": 14},
    "2.3": {"no": 0, "rkpd_nama": 1, "rkpd_lokasi": 2, "rkpd_indikator": 3, "rkpd_target": 4,
            "rkpd_pagu": 5, "nama": 6, "lokasi": 7, "indikator": 8, "target": 9, "pagu": 10,
            "catatan": 11},
    # Binjai prints columns 5, 6, 7, 12, 13, 14, 15 (K and Rp each) and 16
    "2.1": {"nama": 0, "indikator": 1, "k_5": 2, "rp_5": 3, "k_6": 4, "rp_6": 5, "k_7": 6,
            "rp_7": 7, "k_12": 8, "rp_12": 9, "k_13": 10, "rp_13": 11, "k_14": 12, "rp_14": 13,
            "k_15": 14, "rp_15": 15, "penanggung_jawab": 16},
    "2.2": {"no": 0, "indikator": 1, "spm": 2, "ikk": 3, "target_n3": 4, "target_n2": 5,
            "target_n1": 6, "target_n": 7, "realisasi_n3": 8, "realisasi_n2": 9, "proyeksi_n": 10,
            "proyeksi_n_plus1": 11, "catatan": 12},
    "2.4": {"no": 0, "program_kegiatan": 1, "lokasi": 2, "indikator": 3, "volume": 4, "catatan": 5},
}

HEADER_WORDS = (
    "kode", "program", "kegiatan", "urusan", "indikator", "lokasi", "target", "pagu", "sumber dana",
    "catatan", "penanggung jawab", "satuan", "anggaran", "kebutuhan dana", "uraian", "realisasi",
    "capaian", "outcome", "keluaran", "rancangan awal", "hasil analisis", "prakiraan", "spm", "ikk",
    "proyeksi", "besaran", "volume", "sasaran", "nomenklatur", "no", "no.", "nomor", "tahun",
    "kinerja", "unit", "standar",
)


@dataclass
class Layout:
    table: str
    offsets: dict[str, int]
    anchor: str
    from_header: bool = False
    manual: bool = False
    absolute_anchor: int | None = None    # manual mapping without header: anchor column index
    ignored: list[str] = field(default_factory=list)
    header_lines: list[int] = field(default_factory=list)
    header_positions: dict[str, int] = field(default_factory=dict)   # absolute columns in the header
    code_start: int = 0                   # first code column (coded tables)
    year_notes: list[str] = field(default_factory=list)   # columns of another year than the document's

    def pos(self, name: str, anchor_index: int) -> int | None:
        off = self.offsets.get(name)
        return None if off is None else anchor_index + off


def _norm(text: str) -> str:
    text = (text or "").lower().replace("\u00a0", " ")
    text = text.replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


_HEADER_WORD_RE = re.compile(
    "|".join(rf"(?<![a-z]){re.escape(w)}(?![a-z])" for w in sorted(HEADER_WORDS, key=len, reverse=True)))


_CODE_START = re.compile(r"\s*\d+\.\d")


def is_header_row(cells: list[str]) -> bool:
    filled = nonempty(cells)
    if len(filled) < 2:
        return False
    if _CODE_START.match(filled[0][1]):
        return False      # a data row: it starts with a code ("Kode"/"No" start a header)
    if any(looks_like_money(c) for _, c in filled):
        return False
    hits = 0
    search = _HEADER_WORD_RE.search
    for _, c in filled:
        if search(_norm(c)):
            hits += 1
    return hits >= 2 and hits >= len(filled) // 3


def combine_header(rows: list[list[str]]) -> list[str]:
    """One text per column from stacked header rows (see :func:`.header.combine_header`)."""
    return _combine_header(rows)


def _years(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", text)]


def field_for_header(table: str, text: str, tahun: int | None) -> str | None:
    """The field a header column holds, from its words (Indonesian, as Renja tables print them)."""
    t = text
    if not t:
        return None
    years = _years(t)
    n1 = "n+1" in t.replace(" ", "") or "prakiraan" in t or (tahun is not None and (tahun + 1) in years)
    if table in ("4.1", "3.1", "2.3"):
        if tahun is not None and years and tahun in years and (tahun + 1) not in years:
            n1 = "n+1" in t.replace(" ", "")
        rkpd = table == "2.3" and ("rkpd" in t or "rancangan" in t)
        prefix = "rkpd_" if rkpd else ""
        if re.fullmatch(r"no\.?|nomor|no urut", t) or t.startswith("no. ") and len(t) < 8:
            return "no"
        if "kode" in t or "rekening" in t:
            return "kode"
        if "sumber dana" in t or "sumber pendanaan" in t or "asal dana" in t or t == "sumber":
            return "sumber_dana"
        if "penanggung jawab" in t or "unit kerja" in t:
            return "penanggung_jawab"
        if "catatan" in t:
            return "catatan"
        if "lokasi" in t:
            return prefix + "lokasi"
        # the older 19-column Renja: Indikator Kinerja > Capaian Program / Keluaran Kegiatan /
        # Hasil Kegiatan > Tolok Ukur / Target
        for word, name in (("capaian program", "capaian"), ("keluaran kegiatan", "keluaran"),
                           ("hasil kegiatan", "hasil")):
            if word in t and ("tolok" in t or "target" in t or "indikator" in t):
                return f"{name}_target" if "target" in t and "tolok" not in t else f"{name}_tolok_ukur"
        if "satuan" in t:
            return "satuan_n1" if n1 else "satuan"
        if "indikator" in t or "tolok ukur" in t:
            return prefix + "indikator"
        if "pagu" in t or "anggaran" in t or "kebutuhan dana" in t or "(rp" in t or "rupiah" in t \
                or re.search(r"(?<![a-z])dana(?![a-z])", t):
            return "pagu_n1" if n1 and not rkpd else prefix + "pagu"
        if "target" in t or "capaian" in t:
            return "target_n1" if n1 and not rkpd else prefix + "target"
        if "outcome" in t or "keluaran" in t or "hasil" in t and "analisis" not in t:
            return "keluaran_n1" if n1 else "outcome"
        if any(w in t for w in ("program", "kegiatan", "urusan", "uraian", "nomenklatur", "nama")):
            return prefix + "nama"
        return None
    if table == "2.4":
        if re.fullmatch(r"no\.?|nomor", t):
            return "no"
        if "program" in t or "kegiatan" in t or "usulan" in t:
            return "program_kegiatan"
        if "lokasi" in t:
            return "lokasi"
        if "indikator" in t:
            return "indikator"
        if "besaran" in t or "volume" in t:
            return "volume"
        if "catatan" in t or "keterangan" in t:
            return "catatan"
        return None
    if table == "2.2":
        if re.fullmatch(r"no\.?|nomor", t):
            return "no"
        if "spm" in t or "standar" in t:
            return "spm"
        if "ikk" in t:
            return "ikk"
        if "catatan" in t or "analisis" in t:
            return "catatan"
        if "indikator" in t:
            return "indikator"
        if tahun is not None and years:
            y = years[-1]
            if "target" in t:
                return {tahun - 3: "target_n3", tahun - 2: "target_n2", tahun - 1: "target_n1",
                        tahun: "target_n"}.get(y)
            if "realisasi" in t:
                return {tahun - 3: "realisasi_n3", tahun - 2: "realisasi_n2"}.get(y)
            if "proyeksi" in t:
                return {tahun: "proyeksi_n", tahun + 1: "proyeksi_n_plus1"}.get(y)
        return None
    return None


def layout_from_header(table: str, header_rows: list[list[str]], tahun: int | None,
                       lines: list[int]) -> Layout | None:
    """A layout from the header rows, or ``None`` when they do not name the anchor column."""
    if table == "2.1":
        return None
    columns = combine_header(header_rows)
    positions: dict[str, int] = {}
    ignored = []

    def wanted_year(name: str) -> int | None:
        if tahun is None:
            return None
        return tahun + 1 if name.endswith("_n1") else tahun

    def year_fits(name: str, text: str) -> bool | None:
        """True/False when the header names a year (the wanted one or not); None without a year."""
        years, want = _years(text), wanted_year(name)
        if not years or want is None:
            return None
        return want in years

    for col, text in enumerate(columns):
        if not text:
            continue
        name = field_for_header(table, text, tahun)
        if name is None:
            ignored.append(text)
            continue
        if name in positions:
            if name == "kode":
                continue  # Kode spread over several columns
            # two columns for one field ("Pagu 2025", "Anggaran 2026"): the document year decides
            if year_fits(name, text) and not year_fits(name, columns[positions[name]]):
                ignored.append(columns[positions[name]])
                positions[name] = col
            else:
                ignored.append(text)
            continue
        positions[name] = col
    year_notes = [Msg("cell.other_year", column=columns[col], year=wanted_year(name), name=name)
                  for name, col in positions.items()
                  if name not in ("kode", "no", "nama", "rkpd_nama") and year_fits(name, columns[col]) is False]
    anchor = ANCHOR[table]
    if anchor not in positions:
        if table == "2.3" and "rkpd_nama" in positions:
            positions["no"] = max(0, positions["rkpd_nama"] - 1)
        elif table in ("2.2", "2.4") and positions:
            positions["no"] = 0
        else:
            return None
    base = positions[anchor]
    offsets = {k: v - base for k, v in positions.items() if k != "kode"}
    layout = Layout(table, offsets, anchor, from_header=True, ignored=ignored, header_lines=lines,
                    header_positions=positions, year_notes=year_notes)
    layout.code_start = positions.get("kode", 0)
    return layout


def default_layout(table: str) -> Layout:
    return Layout(table, dict(DEFAULT_OFFSETS[table]), ANCHOR[table])


#: the column-map value for "do not import this field" (``--column lokasi=-``)
IGNORE = "-"


def _column_index(spec: str, header: list[str] | None) -> int:
    """``'E'`` / ``'5'`` / a header text -> a 0-based column index."""
    s = spec.strip()
    if re.fullmatch(r"\d{1,3}", s):
        idx = int(s) - 1
        if idx < 0:
            raise ImportFailure("import.bad_column_number", spec=spec)
        return idx
    if re.fullmatch(r"[A-Za-z]{1,2}", s) and not (header and any(_norm(h) == s.lower() for h in header)):
        idx = 0
        for ch in s.upper():
            idx = idx * 26 + (ord(ch) - 64)
        return idx - 1
    if header:
        want = _norm(s)
        exact = [i for i, h in enumerate(header) if h == want]
        if exact:
            return exact[0]
        partial = [i for i, h in enumerate(header) if want and want in h]
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:
            raise ImportFailure(
                f"kepala kolom '{spec}' cocok dengan beberapa kolom: "
                + "; ".join(f"{column_letter(i)} '{header[i]}'" for i in partial)
                + " - tulis lebih lengkap atau pakai huruf kolom"
            )
    shown = "; ".join(f"{column_letter(i)} '{h}'" for i, h in enumerate(header or []) if h)
    raise ImportFailure(
        f"kolom '{spec}' tidak ditemukan"
        + (f"; kolom yang ada: {shown}" if shown else " (sumber tidak berkepala tabel: pakai huruf atau nomor kolom)")
    )


def column_letter(idx: int) -> str:
    s = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        s = chr(65 + r) + s
    return s


def apply_column_map(layout: Layout, column_map: dict[str, str], header_rows: list[list[str]] | None) -> Layout:
    """Set columns by hand: FIELD -> header text, column letter or 1-based number, or ``-`` (the
    field is not imported, even when the header names it).

    Mapped fields get fixed (absolute) columns. When the anchor itself (the name, or ``No``) is
    mapped, every row is read from that column; otherwise the mapped columns keep their distance
    to the anchor found in the header.
    """
    table = layout.table
    # the table's fields, and any other field the header itself was read as (e.g. Outcome in 4.1)
    valid = set(FIELDS[table]) | set(layout.offsets) | set(layout.header_positions)
    header = combine_header(header_rows) if header_rows else None
    absolute: dict[str, int] = {}
    dropped: set[str] = set()
    for key, spec in column_map.items():
        f = key.strip().lower()
        if f not in valid:
            raise ImportFailure(
                f"isian '{key}' tidak dikenal untuk Tabel {table}; pilih salah satu: " + ", ".join(FIELDS[table])
            )
        if str(spec).strip() == IGNORE:
            if f == layout.anchor or f == "kode" and table in ("4.1", "3.1"):
                raise ImportFailure("import.cannot_ignore", key=key, table=table)
            dropped.add(f)
            continue
        absolute[f] = _column_index(str(spec), header)
    anchor = layout.anchor
    if not layout.from_header and anchor == "nama" and "nama" not in absolute:
        raise ImportFailure("import.no_header_map_name")
    # where every field is now, as absolute columns (the header's anchor, or column 0 without header)
    base = layout.header_positions.get(anchor, 0) if layout.from_header else 0
    positions = {f: base + off for f, off in layout.offsets.items()}
    if layout.from_header and "kode" in layout.header_positions:
        positions["kode"] = layout.header_positions["kode"]
    positions.update(absolute)
    for f in dropped:
        positions.pop(f, None)
    new_base = positions.get(anchor, base)
    layout.offsets = {f: col - new_base for f, col in positions.items() if f != "kode"}
    layout.offsets[anchor] = 0
    if "kode" in positions:
        layout.code_start = positions["kode"]
    if anchor in absolute or not layout.from_header:
        layout.absolute_anchor = new_base if (anchor in absolute or anchor == "no") else None
    if header:
        mapped = {header[col] for col in absolute.values() if col < len(header)}
        layout.ignored = [t for t in layout.ignored if t not in mapped]
        for f in sorted(dropped, key=lambda f: layout.header_positions.get(f, 0)):
            col = layout.header_positions.get(f)
            if col is not None and col < len(header) and header[col] and header[col] not in mapped:
                layout.ignored.append(header[col])
    layout.manual = True
    return layout


def guess_table(header_rows: list[list[str]], data_rows: list[list[str]]) -> str | None:
    """Which of the six tables a block is, from header words or (without header) its shape."""
    text = " ".join(_norm(c) for r in header_rows for c in r if c)
    if text:
        if "rancangan awal" in text or "hasil analisis" in text or "rkpd" in text and "review" in text:
            return "2.3"
        if "spm" in text or "ikk" in text or "standar nasional" in text:
            return "2.2"
        if "besaran" in text or "volume" in text and "usulan" in text:
            return "2.4"
        if "realisasi" in text and ("renstra" in text or "triwulan" in text):
            return "2.1"
        if "kode" in text:
            if any(w in text for w in ("prakiraan", "penanggung jawab", "indikator", "lokasi", "catatan")):
                return "3.1"
            if "pagu" in text or "anggaran" in text or "dana" in text:
                return "4.1"

    coded = 0
    with_money = 0
    widths = []
    for cells in data_rows[:40]:
        cc = read_code(cells)
        if cc.kode or cc.tokens:
            coded += 1
            widths.append(len([c for c in cells[cc.name_index:] if c.strip()]))
            if any(looks_like_money(c) for c in cells[cc.name_index:]):
                with_money += 1
    # coded rows with amounts (a table of contents has section numbers and page numbers only)
    if coded >= max(1, len(data_rows[:40]) // 3) and with_money >= max(1, coded // 3):
        widest = max(widths) if widths else 0
        return "3.1" if widest > 4 else "4.1"
    return None
