"""Build the bundled nomenclature catalogs in ``db/catalog/`` from public transcriptions of the lists.

Run from the checkout: ``python db/build_catalog.py REFERENCE_DIR`` (the folder holding the three
source lists named in :func:`build`). The output is committed as
data, so the app never needs the reference folder at run time.

Versions written:

* ``kep050-3708-2020`` - the whole 2020 list (Kepmendagri 050-3708/2020, SIMDA Perencanaan
  transcription; no satuan).
* ``kep050-5889-2021`` - the same list with urusan 8 (kabupaten/kota) replaced by the post-2021
  list, which also gives kinerja, indikator and satuan (Kepmendagri 050-5889/2021).

and ``sumber_dana_2020.tsv``, the funding-source tree. Rows are copied as the sources print them
(typos and glued words included); ``versions.json`` describes each file.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "catalog"
COLUMNS = ("kode", "tingkat", "jenis", "nama", "kinerja", "indikator", "satuan")
LEVELS = {"urusan": 1, "bidang": 2, "program": 3, "kegiatan": 4, "sub_kegiatan": 5}


#: the urusan level (Permendagri 90/2019, lampiran kodefikasi: kode urusan 1-9); the source lists
#: start at bidang level. Cross-checked with AldiAlfatih/BAPPEDA database/seeders/UrusanSeeder.php
#: (commit fc5f5f54ff7ac8fc922a09774b9f02522a5aff06, codes 1-8).
URUSAN = (
    ("1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"),
    ("2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"),
    ("3", "URUSAN PEMERINTAHAN PILIHAN"),
    ("4", "UNSUR PENDUKUNG URUSAN PEMERINTAHAN"),
    ("5", "UNSUR PENUNJANG URUSAN PEMERINTAHAN"),
    ("6", "UNSUR PENGAWASAN URUSAN PEMERINTAHAN"),
    ("7", "UNSUR KEWILAYAHAN"),
    ("8", "UNSUR PEMERINTAHAN UMUM"),
    ("9", "UNSUR KEKHUSUSAN"),
)

#: where each input list comes from (the reference files are transcriptions of these)
SOURCES = {
    "nomenklatur_kep050_2020_simcan.tsv": {
        "repo": "simda-id/simcan", "path": "backup_dbmaster/update_parameter_kep050.sql",
        "commit": "94540f8", "catatan": "SIMDA Perencanaan (BPKP), 2020-12-26; kode dibangun ulang "
                                         "U.BB.PP.K.KK.SSSS, program penunjang dengan bidang XX"},
    "nomenklatur_kabkota_urusan8_post2021_ippd.tsv": {
        "repo": "NurulFaisolRahman/ippd", "path": "ippd.sql",
        "commit": "51bdbf367e97e24cded6626d29238daa537f50ec",
        "catatan": "tabel nomenklaturkabupaten, baris urusan 8 (dengan kinerja, indikator, satuan)"},
    "sumber_dana_simcan_2020.tsv": {
        "repo": "simda-id/simcan", "path": "backup_dbmaster/update_parameter_kep050.sql",
        "commit": "94540f8", "catatan": "tabel 90_ref_sd_1..6"},
    "urusan": {
        "repo": "AldiAlfatih/BAPPEDA", "path": "database/seeders/UrusanSeeder.php",
        "commit": "fc5f5f54ff7ac8fc922a09774b9f02522a5aff06",
        "catatan": "nama urusan 1-8 (Permendagri 90/2019); 9 UNSUR KEKHUSUSAN dari lampiran yang sama"},
}


def with_urusan(rows: list[dict]) -> list[dict]:
    have = {r["kode"] for r in rows if r["tingkat"] == "1"}
    extra = [{"kode": k, "tingkat": "1", "jenis": "", "nama": n, "kinerja": "", "indikator": "", "satuan": ""}
             for k, n in URUSAN if k not in have]
    out = list(rows)
    for row in reversed(extra):   # before the first row of that urusan, the list's order kept
        at = next((i for i, r in enumerate(out) if r["kode"].split(".")[0] == row["kode"]), len(out))
        out.insert(at, row)
    return out


def _read(path: Path) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _level_of(kode: str) -> int:
    n = len(kode.split("."))
    return {1: 1, 2: 2, 3: 3, 5: 4, 6: 5}.get(n, 0)


def build(reference: Path, out: Path = OUT) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    src2020 = reference / "nomenklatur_kep050_2020_simcan.tsv"
    src8 = reference / "nomenklatur_kabkota_urusan8_post2021_ippd.tsv"
    srcsd = reference / "sumber_dana_simcan_2020.tsv"
    rows2020 = []
    for r in _read(src2020):
        kode = (r.get("kode") or "").strip()
        if not kode:
            continue
        jenis = {"1": "provinsi", "2": "kabkota"}.get((r.get("jns_pemda") or "").strip(), "")
        rows2020.append({"kode": kode, "tingkat": str(LEVELS.get(r["level"].strip(), _level_of(kode))),
                         "jenis": jenis, "nama": " ".join((r.get("nama") or "").split()),
                         "kinerja": "", "indikator": "", "satuan": ""})
    rows8 = []
    for r in _read(src8):
        kode = (r.get("Kode") or "").strip()
        if not kode:
            continue
        rows8.append({"kode": kode, "tingkat": str(_level_of(kode)), "jenis": "kabkota",
                      "nama": " ".join((r.get("Nomenklatur") or "").split()),
                      "kinerja": " ".join((r.get("Kinerja") or "").split()),
                      "indikator": " ".join((r.get("Indikator") or "").split()),
                      "satuan": (r.get("Satuan") or "").strip()})
    v2021 = [r for r in rows2020 if not (r["kode"].split(".")[0] == "8" and r["jenis"] != "provinsi")] + rows8
    v2021.sort(key=lambda r: (r["kode"].replace("X", "0"), r["jenis"]))
    rows2020 = with_urusan(rows2020)
    v2021 = with_urusan(v2021)
    versions = [
        {"versi": "kep050-3708-2020", "file": "kep050-3708-2020.tsv",
         "judul": "Kepmendagri 050-3708/2020 (nomenklatur 2020, SIMDA Perencanaan)",
         "sumber": [SOURCES[src2020.name], SOURCES["urusan"]], "baris": len(rows2020)},
        {"versi": "kep050-5889-2021", "file": "kep050-5889-2021.tsv",
         "judul": "Kepmendagri 050-5889/2021 (daftar 2020 dengan urusan 8 pasca-2021, bersatuan)",
         "sumber": [SOURCES[src2020.name], SOURCES[src8.name], SOURCES["urusan"]], "baris": len(v2021)},
    ]
    for v, rows in ((versions[0], rows2020), (versions[1], v2021)):
        with (out / v["file"]).open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                               quoting=csv.QUOTE_NONE, escapechar="\\")
            w.writeheader()
            w.writerows(rows)
    sd = []
    for r in _read(srcsd):
        sd.append({"kode": r["kode"].strip(), "tingkat": r["level"].strip(), "nama": " ".join(r["uraian"].split())})
    with (out / "sumber_dana_2020.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=("kode", "tingkat", "nama"), delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writeheader()
        w.writerows(sd)
    # versions built elsewhere (scripts/build_catalog_sipd.py) and the default they set are kept
    meta_path = out / "versions.json"
    before = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    ours = {v["versi"] for v in versions}
    versions += [v for v in before.get("versi", []) if v["versi"] not in ours]
    meta = {"bawaan": before.get("bawaan", "kep050-5889-2021"), "versi": versions,
            "sumber_dana": {"file": "sumber_dana_2020.tsv", "sumber": [SOURCES[srcsd.name]], "baris": len(sd)},
            "pemetaan": "antar versi: dihitung dari kedua daftar (kode sama/nama sama, nama sama di kode lain, "
                        "dipecah, dihapus, baru) ditambah baris buatan tangan di pemetaan/A__B.tsv bila ada"}
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) < 2:
        sys.exit("pemakaian: python db/build_catalog.py FOLDER_REFERENSI (berisi nomenklatur_kep050_2020_simcan.tsv, "
                 "nomenklatur_kabkota_urusan8_post2021_ippd.tsv, sumber_dana_simcan_2020.tsv)")
    ref = Path(sys.argv[1])
    if not ref.exists():
        sys.exit(f"folder referensi tidak ditemukan: {ref}")
    info = build(ref)
    for v in info["versi"]:
        print(f"{v['versi']}: {v['baris']} baris -> {OUT / v['file']}")
