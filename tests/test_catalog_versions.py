"""Catalog for every agency: urusan rows, the official name variants, a default version for new
documents, `catalog find` sorted/unique/paged, and the mapping between versions (`catalog diff`,
`map_code` for the year rollover)."""
from __future__ import annotations

import json

import pytest

from renja_desktop import codes
from renja_desktop.catalog import (
    ADDED, MOVED, RENAMED, REMOVED, SAME, SPLIT, CodeMapping, code_sort_key, diff_versions, get_catalog,
    load_user_catalog, map_code, same_name,
)
from renja_desktop.cli import main
from renja_desktop.service import RenjaDocument
from renja_desktop.validation import validate

NEW = "kep050-5889-2021"
OLD = "kep050-3708-2020"
LATEST = "sipd-pemutakhiran-2027"


def test_urusan_rows_one_to_nine_with_their_official_names():
    cat = get_catalog(NEW)
    names = {k: cat.lookup(k).nama for k in "123456789"}
    assert names["1"] == "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"
    assert names["3"] == "URUSAN PEMERINTAHAN PILIHAN"
    assert names["8"] == "UNSUR PEMERINTAHAN UMUM"
    assert all(cat.lookup(k).tingkat == 1 for k in "123456789")
    assert get_catalog(OLD).lookup("5").nama == "UNSUR PENUNJANG URUSAN PEMERINTAHAN"


def _chain(cat, urusan: str) -> list:
    """A whole urusan > bidang > program > kegiatan > sub kegiatan chain of the catalog."""
    subs = [e for e in cat.entries if e.kode.startswith(urusan + ".") and e.tingkat == 5 and e.jenis != "provinsi"]
    leaf = subs[0]
    parts = leaf.kode.split(".")
    out = [".".join(parts[:n]) for n in (1, 2, 3, 5, 6)]
    return [cat.lookup(k, "kabkota") for k in out]


@pytest.mark.parametrize("versi", [NEW, LATEST])
def test_a_new_document_with_catalog_codes_of_every_urusan_has_no_false_catalog_warning(tmp_path, capsys, versi):
    path = tmp_path / "dinkes.sqlite"
    chosen = [] if versi == LATEST else ["--nomenklatur", versi]
    assert main(["new", str(path), "--pemda", "Kabupaten Contoh", "--opd", "Dinas Kesehatan",
                 "--tahun", "2026", *chosen]) == 0
    doc = RenjaDocument.open(path)
    try:
        assert doc.info["nomenklatur_versi"] == versi     # LATEST: the default for new documents
        cat = get_catalog(versi)
        urusan_done = set()
        for u in ("1", "2", "3", "4", "5", "6", "7", "8"):
            chain = _chain(cat, u)
            parent = None
            for entry in chain:
                existing = doc.plan_by_kode(entry.kode)
                if existing is not None:
                    parent = existing.id
                    continue
                parent = doc.add_plan_row(parent, entry.kode, entry.nama,
                                          **({"pagu": "1.000.000"} if entry.tingkat == 5 else {}))
            urusan_done.add(u)
        # the agency's own penunjang program, named as the kabupaten/kota list names it
        b = doc.plan_by_kode("1.02") or doc.plan_by_kode(_chain(cat, "1")[1].kode)
        prog = doc.add_plan_row(b.id, b.kode + ".01",
                                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA")
        keg = doc.add_plan_row(prog, b.kode + ".01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah")
        doc.add_plan_row(keg, b.kode + ".01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                         pagu="5.000.000")
        found = [f for f in validate(doc) if f.rule.startswith("catalog")]
        assert found == [], [f.line() for f in found]
        assert len(urusan_done) == 8
        # a code that is not in the list is still flagged
        doc.add_plan_row(keg, b.kode + ".01.2.01.0999", "Sub kegiatan daerah sendiri", pagu="1")
        assert [f.kode for f in validate(doc) if f.rule == "catalog_missing"] == [b.kode + ".01.2.01.0999"]
    finally:
        doc.close()


def test_official_name_variants_are_the_same_name():
    assert same_name("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                     "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH")
    assert same_name("Program Penunjang Urusan Pemerintahan Daerah Provinsi",
                     "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH")
    assert not same_name("PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN KABUPATEN/KOTA",
                         "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN")   # only the penunjang programs
    assert not same_name("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "PROGRAM PENGELOLAAN PENDIDIKAN")


def test_new_nomenklatur_option(tmp_path, capsys):
    a, b, c = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "c.sqlite"
    base = ["--pemda", "Kota X", "--opd", "Dinas Y", "--tahun", "2026"]
    assert main(["new", str(a), *base, "--nomenklatur", OLD]) == 0
    assert main(["new", str(b), *base, "--nomenklatur", "-"]) == 0
    assert main(["new", str(c), *base, "--nomenklatur", "kep-tidak-ada"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: ") and "kep-tidak-ada" in err and NEW in err and not c.exists()
    for path, want in ((a, OLD), (b, "")):
        with RenjaDocument.open(path) as doc:
            assert doc.info["nomenklatur_versi"] == want


def test_catalog_find_is_sorted_unique_and_paged(capsys):
    cat = get_catalog(LATEST)       # the default catalog of `catalog find`
    hits = cat.search_all("penyusunan dokumen perencanaan")
    keys = [(h.kode, h.nama) for h in hits]
    assert len(keys) == len(set(keys)) and len(hits) > 20
    assert [code_sort_key(h.kode) for h in hits] == sorted(code_sort_key(h.kode) for h in hits)
    # provinsi/kabupaten-kota twins of one row are one hit
    assert len([h for h in cat.search_all("1.02") if h.kode == "1.02"]) == 1
    assert main(["catalog", "find", "penyusunan dokumen perencanaan", "--limit", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 6 and out[-1].startswith(f"... dan {len(hits) - 5} lagi ({len(hits)} hasil)")
    assert "--all" in out[-1]
    assert main(["catalog", "find", "penyusunan dokumen perencanaan", "--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(hits) and not out[-1].startswith("...")
    assert main(["catalog", "find", "penyusunan dokumen perencanaan", "--json", "--limit", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["jumlah"] == len(hits) and data["ditampilkan"] == 3 and len(data["hasil"]) == 3
    with pytest.raises(SystemExit) as exc:
        main(["catalog", "find", "x", "--limit", "0"])
    assert exc.value.code == 2 and "--limit: harus 1 atau lebih" in capsys.readouterr().err


def test_version_mapping_and_catalog_diff(capsys):
    # the same code, another meaning: 8.01.06.2.01.0006 was "Pelaksanaan Pimpinan"
    m = map_code("8.01.06.2.01.0006", OLD, NEW)
    assert isinstance(m, CodeMapping) and m.jenis == RENAMED
    assert m.nama_baru == ("Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/Kota",)
    # a row that moved to the next code
    m = map_code("8.01.02.2.01.0003", OLD, NEW)
    assert m.jenis == MOVED and m.tujuan == ("8.01.02.2.01.0004",)
    assert map_code("8.01.05.2.01.0006", OLD, NEW).jenis == REMOVED
    assert map_code("8.01.02.2.01.0002", OLD, NEW).jenis == SAME
    # the agency's own penunjang rows map through the generic X.XX.01 rows, keeping the bidang
    m = map_code("1.02.01.2.01.0001", OLD, NEW)
    assert m.jenis == SAME and m.tujuan == ("1.02.01.2.01.0001",)
    assert map_code("8.01.02.2.01.0008", OLD, NEW).jenis == ADDED
    items = diff_versions(OLD, NEW)
    assert {i.jenis for i in items} >= {RENAMED, MOVED, REMOVED, ADDED} and SAME not in {i.jenis for i in items}
    assert main(["catalog", "diff", OLD, NEW]) == 0
    out = capsys.readouterr().out
    assert "pindah kode 8.01.02.2.01.0003" in out and "-> 8.01.02.2.01.0004" in out
    assert "dihapus     8.01.05.2.01.0006" in out
    assert main(["catalog", "diff", OLD, "tidak-ada"]) == 2


def test_split_codes_are_found_between_a_users_versions(tmp_path):
    old = tmp_path / "lama.csv"
    old.write_text("Kode;Nomenklatur\n1.02.02.2.01;Penyediaan Fasilitas Pelayanan Kesehatan\n"
                   "1.02.02.2.01.0001;Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya\n"
                   "1.02.02.2.01.0002;Pengadaan Obat\n", encoding="utf-8")
    new = tmp_path / "baru.csv"
    new.write_text("Kode;Nomenklatur\n1.02.02.2.01;Penyediaan Fasilitas Pelayanan Kesehatan\n"
                   "1.02.02.2.01.0003;Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya Tipe C\n"
                   "1.02.02.2.01.0004;Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya Tipe D\n"
                   "1.02.02.2.01.0002;Pengadaan Obat dan Vaksin\n", encoding="utf-8")
    load_user_catalog(old, "uji-lama")
    load_user_catalog(new, "uji-baru")
    m = map_code("1.02.02.2.01.0001", "uji-lama", "uji-baru")
    assert m.jenis == SPLIT and m.tujuan == ("1.02.02.2.01.0003", "1.02.02.2.01.0004")
    assert map_code("1.02.02.2.01.0002", "uji-lama", "uji-baru").jenis == RENAMED
