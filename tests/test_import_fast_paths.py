"""Issues 13 and 17 (import speed): the faster internal functions of the importer give exactly
what the plain versions they replaced gave, on varied input (odd codes, shifted money cells,
continuation rows, funding sources split by line breaks, codes of every level).

Each ``_old_*`` below is the replaced implementation, kept here verbatim as the reference."""
from __future__ import annotations

import re

import pytest

from renja_desktop import codes
from renja_desktop.codes import CodeError
from renja_desktop.importer import engine
from renja_desktop.importer.cells import is_dash, looks_like_money, read_code
from renja_desktop.importer.layouts import MONEY_FIELDS, default_layout, layout_from_header
from renja_desktop.model import fast_id


# ------------------------------------------------------------------------------- the old versions
def _old_parent_code(kode: str) -> str:
    return str(codes.parse_code(kode).parent())


def _old_normalize_code(text: str) -> str:
    raw = re.sub(r"\s+", "", text or "")
    if not raw:
        raise CodeError("code.empty")
    parts = raw.split(".")
    if len(parts) in (1, 2, 3, 5, 6):
        widths = (1, 2, 2, 1, 2, 4)
        fixed = []
        for i, part in enumerate(parts):
            if part.isdigit() and len(part) < widths[i]:
                part = part.zfill(widths[i])
            elif part.upper() == "X" * len(part) and part:
                part = "X" * widths[i]
            fixed.append(part)
        return str(codes.parse_code(".".join(fixed)))
    return str(codes.parse_code(raw))


def _old_text_field(cells, anchor, layout, name, used, shifts=()):
    idx = layout.pos(name, anchor)
    if idx is None:
        return ""

    def value(i: int) -> str:
        c = engine._cell(cells, i)
        if i in used or looks_like_money(c) or is_dash(c):
            return ""
        return c

    before = [found - exp for exp, found in shifts if exp < idx]
    after = [found - exp for exp, found in shifts if exp > idx]
    first = idx + (before[-1] if before else 0)
    got = value(first)
    if not got and after and after[0] != (before[-1] if before else 0):
        got = value(idx + after[0])
    return got


def _old_funding_items(sd: str) -> list[dict]:
    names = [re.sub(r"\s+", " ", x).strip() for x in sd.split("\n")] if "\n" in sd else [re.sub(r"\s+", " ", sd)]
    return [engine._source_item(n) for n in dict.fromkeys(n for n in names if n)]


# ------------------------------------------------------------------------------- varied input
CODES = ["8", "X", "8.01", "X.XX", "8.01.02", "8.01.02.2.01", "8.01.02.2.01.0001", "1.02.02.1.03.0012",
         "X.XX.01.2.01.0001", "8.1", "8.01.2", "8.01.02.2.1", "8.01.02.3.01", "8.01.02.2.01.001", "",
         " 8.01", "8.01 ", "8 .01. 06", "8.1.6.2.1.6", "x.xx", "8..01", "8.01.02.2", "١.02", "8.01.02.2.01.0001.5",
         "1.02.02.2.010004", "8.01.02.2.01.00X8", "XX", "12", "8.01.02.2.01.00001"]


def _outcome(fn, arg):
    try:
        return ("ok", fn(arg))
    except CodeError as exc:
        return ("error", str(exc))


@pytest.mark.parametrize("text", CODES)
def test_normalize_code_fast_path_gives_the_same(text):
    assert _outcome(codes.normalize_code, text) == _outcome(_old_normalize_code, text)


@pytest.mark.parametrize("text", CODES)
def test_parent_code_and_level_give_the_same(text):
    assert _outcome(engine._parent_code, text) == _outcome(_old_parent_code, text)
    assert _outcome(engine._code_level, text) == _outcome(codes.code_level, text)


HEADER = ["Kode", "", "", "", "Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan", "Lokasi",
          "Indikator Kinerja", "Target", "Pagu Indikatif (Rp)", "Sumber Dana", "Catatan Penting", "Target n+1",
          "Pagu n+1"]
ROWS = [
    ["8", "01", "02", "2.01", "0001 Sub", "Kota", "Dokumen", "12 dokumen", "1.000.000", "DAU", "", "13", "1.100.000"],
    ["8", "01", "02", "2.01", "0002 Sub", "Kota", "Dokumen", "12 dokumen", "", "1.000.000", "DAU", "13", "1.100.000"],
    ["8", "01", "02", "2.01", "0003 Sub", "", "", "1.000.000", "DAU", "", "", "1.100.000", ""],
    ["8", "01", "02", "2.01", "0004 Sub", "Kota", "-", "12", "1.000.000", "-", "catatan", "", ""],
    ["8", "01", "02", "2.01", "0005 Sub", "Kota", "Dokumen", "50%", "#DIV/0!", "DAU\nDAK", "", "13", "(1.500)"],
    ["8", "01", "02", "", "Program", "", "Cakupan", "95,5 %", "3.000.000", "", "", "", "3.300.000"],
    ["", "", "", "", "sambungan nama", "", "indikator lanjutan", "", "", "", "", "", ""],
    ["8", "01", "02", "2.01", "0006 Sub", "Kota", "Dokumen", "12 dokumen", "1.000.000", "DAU", "x", "13",
     "1.100.000", "9.999.999"],
]


def _layouts():
    yield default_layout("4.1")
    yield default_layout("3.1")
    header = layout_from_header("3.1", [HEADER], 2024, [1])
    if header is not None:
        yield header


def test_text_fields_give_the_same_for_shifted_and_missing_cells():
    checked = 0
    for layout in _layouts():
        fields = MONEY_FIELDS[layout.table]
        for cells in ROWS:
            for anchor in range(0, 6):
                money, _ = engine.assign_money(cells, anchor, layout, fields)
                used = {i for i, _ in money.values()}
                shifts = sorted((anchor + layout.offsets[f], i) for f, (i, _) in money.items())
                variants = [shifts, [], [(anchor + 2, anchor + 4), (anchor + 5, anchor + 5), (anchor + 8, anchor + 6)]]
                for sh in variants:
                    for name in layout.offsets:
                        assert engine._text_field(cells, anchor, layout, name, used, sh) == \
                            _old_text_field(cells, anchor, layout, name, used, sh), (layout.table, cells, anchor, name, sh)
                        checked += 1
    assert checked > 500


@pytest.mark.parametrize("sd", ["DAU", "  Dana Transfer Umum -  dana Alokasi Umum ", "DAU\nDAK\nDAU", "DAU: 1.000.000",
                                "PAD (Rp 2.500.000)\n\nDAK = 500.000", "\n", "Pendapatan   Asli\tDaerah", "BANKEU:12"])
def test_funding_items_give_the_same_and_are_not_shared(sd):
    first = [dict(x) for x in engine._funding_items(sd)]
    assert first == _old_funding_items(sd)
    first.append({"nama": "changed"})
    if first[0:1]:
        first[0]["nama"] = "changed"
    assert [dict(x) for x in engine._funding_items(sd)] == _old_funding_items(sd)


GOLDEN = [  # read_code(cells, start, base) as the code before the change read them
    ((['8', '01', '02', '2.01', '0001 Sub kegiatan'], 0, None), ('8.01.02.2.01.0001', '8.01.02.2.01.0001', 4, 'Sub kegiatan', '', [], ['8', '01', '02', '2.01', '0001'])),
    ((['8', '1', '2', '2.1', '1 Nama'], 0, None), ('8.01.02.2.01', '8.1.2.2.1', 4, None, '', ["segmen kode '1' ditulis tanpa nol di depan (dibaca 01)", "segmen kode '2' ditulis tanpa nol di depan (dibaca 02)", "segmen kode '1' ditulis tanpa nol di depan (dibaca 01)"], ['8', '1', '2', '2.1'])),
    ((['8.01.02.2.01.0001', 'Nama'], 0, None), ('8.01.02.2.01.0001', '8.01.02.2.01.0001', 1, None, '', [], ['8.01.02.2.01.0001'])),
    ((['1.02.02.2.01. 0002', 'Nama'], 0, None), ('1.02.02.2.01.0002', '1.02.02.2.01.0002', 1, None, '', ["spasi di dalam kode '1.02.02.2.01. 0002' dihapus (dibaca 1.02.02.2.01.0002)"], ['1.02.02.2.01.0002'])),
    ((['8', '01', '0x', 'Nama'], 0, None), ('', '8.01.0x', 3, None, "segmen kode '0x' bukan angka (kode '8 01 0x')", [], ['8', '01', '0x'])),
    ((['8', '01', '02', '2.O1', 'Nama'], 0, None), ('', '8.01.02.2.O1', 4, None, "segmen kode '2.O1' bukan angka (kode '8 01 02 2.O1')", [], ['8', '01', '02', '2.O1'])),
    ((['8', '01', '02', '2.01', '00 04', 'Nama'], 0, None), ('8.01.02.2.01.0004', '8.01.02.2.01.0004', 5, None, '', [], ['8', '01', '02', '2.01', '00 04'])),
    ((['8.01.02.2.01.00X8', 'Nama'], 0, None), ('', '8.01.02.2.01.00X8', 1, None, "kode '8.01.02.2.01.00X8' tidak berbentuk U.BB.PP.K.KK.SSSS", [], ['8.01.02.2.01.00X8'])),
    ((['1.02.02.2.010004', 'Nama'], 0, None), ('1.02.02.2.01.0004', '1.02.02.2.01.0004', 1, None, '', ["kode sub kegiatan menempel pada kode kegiatan '1.02.02.2.010004' (dibaca 1.02.02.2.01.0004)"], ['1.02.02.2.01.0004'])),
    ((['', '8', '01', '', 'Nama'], 0, None), ('8.01', '8.01', 4, None, '', [], ['8', '01'])),
    ((['8', '01', '02', '2.01', '0001 (Nama)'], 0, None), ('8.01.02.2.01.0001', '8.01.02.2.01.0001', 4, '(Nama)', '', [], ['8', '01', '02', '2.01', '0001'])),
    ((['X', 'XX', '01', '2.01', '0001', 'Nama'], 0, None), ('X.XX.01.2.01.0001', 'X.XX.01.2.01.0001', 5, None, '', [], ['X', 'XX', '01', '2.01', '0001'])),
    ((['8.1.6.2.1.6 Nama'], 0, None), ('8.01.06.2.01.0006', '8.1.6.2.1.6', 0, 'Nama', '', ["segmen kode '1' ditulis tanpa nol di depan (dibaca 01)", "segmen kode '6' ditulis tanpa nol di depan (dibaca 06)", "segmen kode '1' ditulis tanpa nol di depan (dibaca 01)"], ['8.1.6.2.1.6'])),
    ((['1.2.3', '100', 'Nama'], 0, None), ('', '1.2.3.100', 2, None, "kode '1.2.3 100' tidak lengkap (harus berbentuk U.BB.PP.K.KK.SSSS)", [], ['1.2.3', '100'])),
    ((['8', '01', '02', '2.01', '0001', '1.000.000'], 0, None), ('8.01.02.2.01.0001', '8.01.02.2.01.0001', 5, None, '', [], ['8', '01', '02', '2.01', '0001'])),
    ((['Nama saja'], 0, None), ('', '', 0, None, '', [], [])),
    ((['8.01.02.2.01.0001.5', 'x'], 0, None), ('', '', 0, None, '', [], [])),
    # a special-autonomy kegiatan (4th segment 3-9, as the SIPD 2027 list codes them) is read
    ((['1', '01', '02', '3.01', 'Nama'], 0, None), ('1.01.02.3.01', '1.01.02.3.01', 4, None, '', [], ['1', '01', '02', '3.01'])),
    ((['8', '01', '02', '0.01', 'Nama'], 0, None), ('', '8.01.02.0.01', 4, None, "kode '8.01.02.0.01': segmen ke-4 '0' harus 1 digit 1-9 (1 provinsi, 2 kabupaten/kota, 3-9 kegiatan kekhususan daerah otonomi khusus)", [], ['8', '01', '02', '0.01'])),
    ((['', '0001 Sub'], 1, "8.01.02.2.01"), ('8.01.02.2.01.0001', '0001', 1, 'Sub', '', [], ['0001'])),
    ((['', '0001 Sub'], 1, "8.01.02"), ('', '0001', 1, 'Sub', "kode '0001': segmen ke-1 '0001' harus 1 digit atau X", [], ['0001'])),
    ((['', '2.1', 'Nama'], 1, "8.01.02.2.01"), ('2.01', '2.1', 2, None, '', ["segmen kode '1' ditulis tanpa nol di depan (dibaca 01)"], ['2.1'])),
    ((['', '2.1', 'Nama'], 1, "8.01.02"), ('8.01.02.2.01', '2.1', 2, None, '', ["segmen kode '1' ditulis tanpa nol di depan (dibaca 01)"], ['2.1'])),
    ((['', '0003', 'Nama'], 1, "8.01.02.2.01"), ('8.01.02.2.01.0003', '0003', 2, None, '', [], ['0003'])),
    ((['', '0003', 'Nama'], 1, "8.01.02"), ('', '0003', 2, None, "kode '0003': segmen ke-1 '0003' harus 1 digit atau X", [], ['0003'])),
    ((['', '8.01.02.2.01.0009', 'Nama'], 1, "8.01.02.2.01"), ('8.01.02.2.01.0009', '8.01.02.2.01.0009', 2, None, '', [], ['8.01.02.2.01.0009'])),
    ((['', '8.01.02.2.01.0009', 'Nama'], 1, "8.01.02"), ('8.01.02.2.01.0009', '8.01.02.2.01.0009', 2, None, '', [], ['8.01.02.2.01.0009'])),
]


@pytest.mark.parametrize("args, expected", GOLDEN)
def test_read_code_reads_odd_codes_as_before(args, expected):
    cells, start, base = args
    cc = read_code(list(cells), start=start, base=base)
    assert (cc.kode, cc.printed, cc.name_index, cc.glued_name, cc.error, cc.notes, cc.tokens) == expected


def test_fast_ids_are_uuid4_and_distinct():
    ids = {fast_id() for _ in range(20000)}
    assert len(ids) == 20000
    pattern = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
    assert all(pattern.fullmatch(i) for i in ids)


def test_text_rows_are_cleaned_cell_by_cell_as_before():
    from renja_desktop.readers import _clean_cell, rows_from_text

    lines = ["8\t01\t 02 \t2.01\t0001 Sub\t1.000.000\tDAU", "**RENCANA KERJA**\t\t", "a\u00a0b\t c ", "Kode\tUraian*\t",
             "\u00e9t\u00e9\t1\t", "  \t\t  ", "x", "1.02\t\"kutip\"\tb", "**\t*\t***", "kata **tebal** di tengah\t2"]
    rows = rows_from_text("\n".join(lines))
    assert [r.cells for r in rows] == [[_clean_cell(c) for c in line.split("\t")] for line in lines]
