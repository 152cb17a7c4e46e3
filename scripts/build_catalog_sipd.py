"""Build the bundled catalog version ``sipd-pemutakhiran-2027`` from the SIPD export of the list.

Source (public, recorded in ``db/catalog/versions.json``): repository ``allweDepth/sesendok``, file
``public/upload/peraturan/nomenklatur-subkegiatan-20260123005058_versi_pemutakhiran_2027_1.xlsx`` at
commit ``7645f423bb978a9e9744f6c6f5589676e54edf0b`` ("pemuktahiran nomenklatur sub kegiatan TA 2027"):
the SIPD download of every sub kegiatan of the nomenclature as updated for budget year 2027, one row
per sub kegiatan and kind of pemda, with its bidang, program and kegiatan ("kode nama" cells),
kinerja, indikator, satuan and, for rows that replace an older one, the previous code and name
(column "SUBKEGIATAN SEBELUMNYA").

Get the file and run from the checkout::

    git --git-dir=SESENDOK.git show 7645f423bb978a9e9744f6c6f5589676e54edf0b:public/upload/peraturan/\
nomenklatur-subkegiatan-20260123005058_versi_pemutakhiran_2027_1.xlsx > sipd-2027.xlsx
    python scripts/build_catalog_sipd.py sipd-2027.xlsx

Written: ``db/catalog/sipd-pemutakhiran-2027.tsv`` (urusan rows added as in ``db/build_catalog.py``;
names with their spaces collapsed, otherwise as the source writes them), the mapping rows the source
states for codes of ``kep050-5889-2021`` (``db/catalog/pemetaan/kep050-5889-2021__sipd-pemutakhiran-2027.tsv``:
only where the stated previous code is a code of the 2021 list with the same name) and the version's
entry in ``versions.json``, which also becomes the default for new documents.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "db" / "catalog"
VERSION = "sipd-pemutakhiran-2027"
PREVIOUS = "kep050-5889-2021"
SOURCE = {
    "repo": "allweDepth/sesendok",
    "path": "public/upload/peraturan/nomenklatur-subkegiatan-20260123005058_versi_pemutakhiran_2027_1.xlsx",
    "commit": "7645f423bb978a9e9744f6c6f5589676e54edf0b",
    "catatan": "unduhan SIPD 'nomenklatur sub kegiatan versi pemutakhiran 2027' (7.581 sub kegiatan provinsi "
               "dan kabupaten/kota, bersatuan, dengan kolom SUBKEGIATAN SEBELUMNYA); memuat sub kegiatan baru "
               "urusan Pangan Kepmendagri 900.1-861/2026 dan pengumpulan data statistik sektoral (900.1-2850/2025); "
               "baris urusan, program, kegiatan diturunkan dari kolom induk tiap sub kegiatan",
}
TITLE = "SIPD TA 2027 (Kepmendagri 900.1.15.5-3406/2024 dan pemutakhirannya s.d. 900.1-861/2026, bersatuan)"
JENIS = {"PROV": "provinsi", "KABKOT": "kabkota"}
EMPTY = {"", "[null]", "-"}


def _builder():
    spec = importlib.util.spec_from_file_location("build_catalog", ROOT / "db" / "build_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(value) -> str:
    text = " ".join(str(value or "").split())
    return "" if text in EMPTY else text


def _code_name(cell) -> tuple[str, str]:
    code, _, name = str(cell or "").strip().partition(" ")
    return code.strip(), _text(name)


def read_source(path: Path) -> tuple[list[dict], list[tuple[str, str, str, str]]]:
    """The catalog rows (levels 2-5) and the stated predecessors ``(jenis, new code, old code, old name)``."""
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(h).upper() for h in next(rows)]
    col = {name: header.index(name) for name in ("JENIS PEMDA", "BIDANG", "PROGRAM", "KEGIATAN", "SUBKEGIATAN",
                                                  "KINERJA", "INDIKATOR", "SATUAN", "SUBKEGIATAN SEBELUMNYA")}
    out: dict[tuple[str, str], dict] = {}
    previous = []
    for n, row in enumerate(rows, start=2):
        if not any(row):
            continue
        jenis = JENIS.get(_text(row[col["JENIS PEMDA"]]).upper())
        if jenis is None:
            raise SystemExit(f"{path.name} baris {n}: JENIS PEMDA tidak dikenal: {row[col['JENIS PEMDA']]!r}")
        for level, field in ((2, "BIDANG"), (3, "PROGRAM"), (4, "KEGIATAN"), (5, "SUBKEGIATAN")):
            code, name = _code_name(row[col[field]])
            entry = {"kode": code, "tingkat": str(level), "jenis": jenis, "nama": name,
                     "kinerja": "", "indikator": "", "satuan": ""}
            if level == 5:
                entry.update(kinerja=_text(row[col["KINERJA"]]), indikator=_text(row[col["INDIKATOR"]]),
                             satuan=_text(row[col["SATUAN"]]))
            known = out.setdefault((jenis, code), entry)
            if known["nama"] != name:
                raise SystemExit(f"{path.name} baris {n}: kode {code} bernama '{name}', sebelumnya '{known['nama']}'")
        old = str(row[col["SUBKEGIATAN SEBELUMNYA"]] or "").strip()
        if old:
            old_code, old_name = _code_name(old)
            previous.append((jenis, _code_name(row[col["SUBKEGIATAN"]])[0], old_code, old_name))
    return list(out.values()), previous


def stated_mapping(previous, old_rows: list[dict], new_rows: list[dict]) -> list[tuple[str, str, list[str], str]]:
    """Mapping rows for codes of the 2021 list: ``(old code, 'pindah'|'pecah', new codes, note)``."""
    sys.path.insert(0, str(ROOT))
    from renja_desktop.catalog import same_name

    old = {(r["jenis"], r["kode"]): r["nama"] for r in old_rows}
    new = {(r["jenis"], r["kode"]): r["nama"] for r in new_rows}
    targets: dict[str, set[str]] = defaultdict(set)
    for jenis, code, old_code, old_name in previous:
        if not same_name(old.get((jenis, old_code), ""), old_name):
            continue             # the stated predecessor is not this row of the 2021 list
        if same_name(new.get((jenis, old_code), ""), old_name):
            continue             # the old row lives on unchanged: the new one is an addition
        targets[old_code].add(code)
    out = []
    for old_code in sorted(targets, key=lambda k: [int(p) for p in k.split(".")]):
        tujuan = sorted(targets[old_code], key=lambda k: [int(p) for p in k.split(".")])
        out.append((old_code, "pecah" if len(tujuan) > 1 else "pindah", tujuan,
                    "sumber: kolom SUBKEGIATAN SEBELUMNYA"))
    return out


def build(source: Path, out: Path = OUT) -> dict:
    builder = _builder()
    rows, previous = read_source(source)
    rows.sort(key=lambda r: (r["kode"].replace("X", "0"), r["jenis"]))
    rows = builder.with_urusan(rows)
    with (out / f"{VERSION}.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=builder.COLUMNS, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writeheader()
        w.writerows(rows)
    with (out / f"{PREVIOUS}.tsv").open(encoding="utf-8", newline="") as fh:
        old_rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    mapping = stated_mapping(previous, old_rows, rows)
    (out / "pemetaan").mkdir(exist_ok=True)
    with (out / "pemetaan" / f"{PREVIOUS}__{VERSION}.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# {PREVIOUS} -> {VERSION}: baris yang dinyatakan sumber ({SOURCE['repo']} {SOURCE['path']}, "
                 f"kolom SUBKEGIATAN SEBELUMNYA), dibuat oleh scripts/build_catalog_sipd.py\n")
        fh.write("kode\tjenis\ttujuan\tketerangan\n")
        for code, kind, tujuan, note in mapping:
            fh.write(f"{code}\t{kind}\t{','.join(tujuan)}\t{note}\n")
    meta_path = out / "versions.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    entry = {"versi": VERSION, "file": f"{VERSION}.tsv", "judul": TITLE,
             "sumber": [SOURCE, builder.SOURCES["urusan"]], "baris": len(rows)}
    meta["versi"] = [v for v in meta["versi"] if v["versi"] != VERSION] + [entry]
    meta["bawaan"] = VERSION
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {"baris": len(rows), "pemetaan": len(mapping), "sebelumnya": len(previous)}


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_file():
        sys.exit("pemakaian: python scripts/build_catalog_sipd.py FILE.xlsx (unduhan SIPD, lihat docstring)")
    info = build(Path(sys.argv[1]))
    print(f"{VERSION}: {info['baris']} baris; {info['pemetaan']} baris pemetaan dari "
          f"{info['sebelumnya']} baris SUBKEGIATAN SEBELUMNYA")
