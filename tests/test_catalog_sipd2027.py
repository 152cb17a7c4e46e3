"""The newest bundled list, ``sipd-pemutakhiran-2027`` (SIPD export of the nomenclature as updated for
budget year 2027): its size per level, rows that are new or changed since the 2021 list, the mapping
from the 2021 list (`catalog diff`, the year rollover) and its place as the default for new documents."""
from __future__ import annotations

import collections
import csv
import importlib.util
import json
import os
from pathlib import Path

import pytest

from renja_desktop.catalog import (
    ADDED, MOVED, RENAMED, REMOVED, SAME, SPLIT, bundled_dir, default_version, diff_versions, get_catalog,
    map_code,
)
from renja_desktop.cli import main
from renja_desktop.rollover import rollover
from renja_desktop.service import RenjaDocument

LATEST = "sipd-pemutakhiran-2027"
V2021 = "kep050-5889-2021"


def test_the_2027_list_is_complete_and_recorded_with_its_source():
    cat = get_catalog(LATEST)
    per_level = collections.Counter((e.tingkat, e.jenis) for e in cat.entries)
    assert per_level == {(1, ""): 9, (2, "kabkota"): 45, (2, "provinsi"): 50, (3, "kabkota"): 189,
                         (3, "provinsi"): 217, (4, "kabkota"): 713, (4, "provinsi"): 912,
                         (5, "kabkota"): 3550, (5, "provinsi"): 4031}
    meta = json.loads((bundled_dir() / "versions.json").read_text(encoding="utf-8"))
    assert meta["bawaan"] == LATEST == default_version()
    entry = next(v for v in meta["versi"] if v["versi"] == LATEST)
    assert entry["baris"] == len(cat) == 9716
    source = entry["sumber"][0]
    assert source["repo"] == "allweDepth/sesendok" and len(source["commit"]) == 40
    assert source["path"].endswith("versi_pemutakhiran_2027_1.xlsx")
    # every sub kegiatan has its whole chain of parents in the list, for its kind of pemda, and a
    # satuan (one row of the source has none)
    for e in cat.entries:
        if e.tingkat == 5:
            parts = e.kode.split(".")
            for n in (2, 3, 5):
                assert e.jenis in {p.jenis for p in cat.by_kode[".".join(parts[:n])]}, e.kode
            assert parts[0] == "X" or cat.by_kode[parts[0]], e.kode
            assert e.satuan or e.kode == "2.17.02.1.02.0005", e.kode


def test_rows_new_in_the_newer_decrees_with_their_names_as_the_source_writes_them():
    new, old = get_catalog(LATEST), get_catalog(V2021)
    # statistik sektoral (Kepmendagri 900.1-2850/2025), for every bidang's penunjang program
    stat = new.lookup("1.02.01.2.01.0009", "kabkota")
    assert stat.nama == "Pelaksanaan Pengumpulan Data Statistik Sektoral Daerah" and stat.satuan == "Data"
    assert old.lookup("1.02.01.2.01.0009", "kabkota") is None
    # the urusan Pangan rows Kepmendagri 900.1-861/2026 adds (provinsi)
    pangan = {k: new.lookup(k, "provinsi") for k in ("2.09.03.1.01.0015", "2.09.04.1.02.0007",
                                                      "2.09.05.1.01.0012")}
    assert pangan["2.09.03.1.01.0015"].nama == "Penyusunan Proyeksi Neraca Pangan Wilayah Provinsi"
    assert pangan["2.09.04.1.02.0007"].nama == ("Fasilitasi sarana dan prasarana mendukung penyelamatan "
                                                "pangan Provinsi")
    assert pangan["2.09.05.1.01.0012"].satuan == "Unit"
    assert all(old.lookup(k, "provinsi") is None for k in pangan)
    # a health row that stays, with the satuan the 2021 list had only for urusan 8
    assert new.lookup("1.02.02.2.02.0001").nama == old.lookup("1.02.02.2.02.0001").nama
    assert new.lookup("1.02.02.2.02.0001").satuan == "Orang"
    # kegiatan of the special-autonomy regions, coded with a fourth segment 3-8 (the 2021 list had
    # them under 1 and 2); a code both kinds of pemda have, with another meaning for each
    names = {e.jenis: e.nama for e in new.by_kode["1.01.02.3.04"]}
    assert names == {"kabkota": "Pengelolaan Pendidikan Non Formal/Kesetaraan",
                     "provinsi": "Pengelolaan Akademi Komunitas"}
    assert [e.nama for e in new.by_kode["1.01.07.7.01"]] == ["Pengelolaan Pendidikan Dayah"] * 2
    assert map_code("1.01.07.2.01", V2021, LATEST).tujuan == ("1.01.07.7.01",)


def test_the_mapping_from_2021_uses_the_rows_the_source_states(capsys):
    path = bundled_dir() / "pemetaan" / f"{V2021}__{LATEST}.tsv"
    with path.open(encoding="utf-8") as fh:
        stated = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    assert len(stated) == 50 and {r["jenis"] for r in stated} <= {"pindah", "pecah"}
    # ODMK: stated in the source's column SUBKEGIATAN SEBELUMNYA
    m = map_code("1.02.02.2.02.0021", V2021, LATEST)
    assert m.jenis == MOVED and m.tujuan == ("1.02.02.2.02.0055",)
    assert m.nama_lama == "Pengelolaan Pelayanan Kesehatan Orang dengan Masalah Kesehatan Jiwa (ODMK)"
    assert m.nama_baru == ("Pengelolaan Pelayanan Kesehatan Orang yang berisiko Masalah Kesehatan Jiwa",)
    assert "SUBKEGIATAN SEBELUMNYA" in m.keterangan
    assert map_code("1.02.02.2.02.0001", V2021, LATEST).jenis == SAME
    # a row that moved within its kegiatan goes to that kegiatan, not to a special-autonomy copy
    m = map_code("1.01.02.2.01.0021", V2021, LATEST)
    assert m.jenis == MOVED and m.tujuan == ("1.01.02.2.01.0054",)
    assert map_code("1.02.01.2.01.0009", V2021, LATEST).jenis == ADDED


def test_catalog_diff_2021_to_2027_counts_every_kind_of_change(capsys):
    for jenis, other in (("kabkota", "provinsi"), ("provinsi", "kabkota")):
        items = diff_versions(V2021, LATEST, jenis)
        kinds = collections.Counter(i.jenis for i in items)
        assert set(kinds) == {RENAMED, MOVED, SPLIT, REMOVED, ADDED}
        # mostly the same list: far fewer changed rows than rows, and splits are rare
        assert kinds[MOVED] > 500 and kinds[SPLIT] < 50 and kinds[RENAMED] < kinds[MOVED]
        # only this kind of pemda's rows: the other kind's own codes are neither added nor removed
        own = {e.kode for e in get_catalog(LATEST).entries if e.jenis == other}
        theirs_only = own - {e.kode for e in get_catalog(LATEST).entries if e.jenis in (jenis, "")}
        assert not theirs_only & {i.kode for i in items if i.jenis == ADDED}
    assert main(["catalog", "diff", V2021, LATEST]) == 0
    out = capsys.readouterr().out
    assert "pindah kode 1.02.02.2.02.0021" in out and "-> 1.02.02.2.02.0055" in out


def test_rollover_into_the_2027_list_maps_a_stated_move(tmp_path):
    path = tmp_path / "dinkes.sqlite"
    assert main(["new", str(path), "--pemda", "Kabupaten Contoh", "--opd", "Dinas Kesehatan",
                 "--tahun", "2026", "--nomenklatur", V2021]) == 0
    old = get_catalog(V2021)
    with RenjaDocument.open(path) as doc:
        parent = None
        for kode in ("1", "1.02", "1.02.02", "1.02.02.2.02"):
            parent = doc.add_plan_row(parent, kode, old.lookup(kode).nama)
        for kode in ("1.02.02.2.02.0001", "1.02.02.2.02.0021"):
            doc.add_plan_row(parent, kode, old.lookup(kode).nama, pagu="1.000.000")
    report = rollover(path, tmp_path / "2027.sqlite", nomenklatur=LATEST)
    assert {"kode_lama": "1.02.02.2.02.0021", "kode_baru": "1.02.02.2.02.0055"} in [
        {k: m[k] for k in ("kode_lama", "kode_baru")} for m in report.mapped]
    with RenjaDocument.open(tmp_path / "2027.sqlite", readonly=True) as new:
        assert new.info["nomenklatur_versi"] == LATEST
        codes_now = {n.kode for n in new.plan.walk()}
    assert {"1.02.02.2.02.0001", "1.02.02.2.02.0055"} <= codes_now and "1.02.02.2.02.0021" not in codes_now


SOURCE_XLSX = Path(os.environ.get("RENJA_SIPD_2027_XLSX") or "missing-sipd-2027.xlsx")


@pytest.mark.skipif(not SOURCE_XLSX.is_file(), reason="set RENJA_SIPD_2027_XLSX to the recorded SIPD export")
def test_build_script_reproduces_the_committed_2027_list(tmp_path):
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build_catalog_sipd", root / "scripts" / "build_catalog_sipd.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("versions.json", f"{V2021}.tsv"):
        (tmp_path / name).write_bytes((bundled_dir() / name).read_bytes())
    module.build(SOURCE_XLSX, tmp_path)
    for name in ("versions.json", f"{LATEST}.tsv", f"pemetaan/{V2021}__{LATEST}.tsv"):
        assert (tmp_path / name).read_bytes() == (bundled_dir() / name).read_bytes(), name


def test_a_special_autonomy_kegiatan_of_the_2027_list_is_entered_and_checked_like_any_other(tmp_path, capsys):
    """The SIPD list codes the kegiatan of special autonomy (Papua, Aceh) with a 4th segment of 3-9:
    such a row is entered through the command line and gets no false catalog warning."""
    path = tmp_path / "disdik.sqlite"
    assert main(["new", str(path), "--pemda", "Kabupaten Jayapura", "--opd", "Dinas Pendidikan",
                 "--tahun", "2026"]) == 0
    cat = get_catalog(LATEST)
    chain = ("1", "1.01", "1.01.02", "1.01.02.3.01", "1.01.02.3.01.0041")
    for kode in chain:
        args = ["add", str(path), kode, cat.lookup(kode).nama]
        if len(kode) > 12:
            args += ["--pagu", "2.500.000"]
        assert main(args) == 0, capsys.readouterr().err
    capsys.readouterr()
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "1.01.02.3.01.0041" not in out or "katalog" not in out.lower(), out
    with RenjaDocument.open(path, readonly=True) as doc:
        assert doc.plan_by_kode("1.01.02.3.01.0041").values["pagu"] == 2_500_000
        assert doc.plan.totals[0] == 2_500_000
