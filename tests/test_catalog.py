"""Nomenclature catalogs: bundled versions, lookups, a user's newer list, and the audit that uses them."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import openpyxl
import pytest

from renja_desktop.catalog import (
    CatalogError, available_versions, bundled_dir, default_version, get_catalog, load_user_catalog,
)
from renja_desktop.cli import main
from renja_desktop.service import RenjaDocument
from renja_desktop.validation import validate

ROOT = Path(__file__).resolve().parent.parent
#: the folder of source lists db/build_catalog.py reads (not part of the repository)
REFERENCE = Path(os.environ.get("RENJA_REFERENCE_DIR") or ROOT / "missing-reference-lists")


def test_bundled_versions_and_a_code_that_changed_meaning():
    names = [v["versi"] for v in available_versions()]
    assert names[:3] == ["kep050-3708-2020", "kep050-5889-2021", "sipd-pemutakhiran-2027"]
    assert default_version() == "sipd-pemutakhiran-2027"       # the newest complete list
    old, new = get_catalog("kep050-3708-2020"), get_catalog("kep050-5889-2021")
    assert old.lookup("8.01.06.2.01.0006").nama == "Pelaksanaan Pimpinan"
    forum = new.lookup("8.01.6.2.1.6")           # loose code, normalised
    assert forum.nama == "Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/Kota"
    assert forum.satuan == "Dokumen"
    # the generic penunjang program answers for the agency's own bidang
    assert new.lookup("8.01.01.2.02.0001").nama == "Penyediaan Gaji dan Tunjangan ASN"
    assert new.lookup("8.01.99.2.01.0001") is None
    assert new.lookup("bukan kode") is None


def test_search_by_code_prefix_and_by_name():
    cat = get_catalog()
    assert [e.kode for e in cat.search("8.01.06.2.01")][:2] == ["8.01.06.2.01", "8.01.06.2.01.0001"]
    hits = cat.search("forum koordinasi pimpinan daerah kabupaten")
    assert hits[0].kode == "8.01.06.2.01.0006"
    entry, score = cat.best_name_match("Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/ Kota", 5)
    assert entry.kode == "8.01.06.2.01.0006" and score == 1.0
    with pytest.raises(CatalogError, match="tidak dikenal"):
        get_catalog("versi-yang-tidak-ada")


def _doc(tmp_path, versi):
    doc = RenjaDocument.create(tmp_path / f"{versi or 'tanpa'}.sqlite", tahun=2024, pemda="Kota Binjai",
                               opd="Kesbangpol", nomenklatur_versi=versi)
    u = doc.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
    b = doc.add_plan_row(u, "8.01", "KESATUAN BANGSA DAN POLITIK")
    p = doc.add_plan_row(b, "8.01.06", "PROGRAM PENINGKATAN KEWASPADAAN NASIONAL DAN PENINGKATAN KUALITAS "
                                        "DAN FASILITASI PENANGANAN KONFLIK SOSIAL")
    k = doc.add_plan_row(p, "8.01.06.2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan "
                                            "Kewaspadaan Nasional dan Penanganan Konflik Sosial")
    doc.add_plan_row(k, "8.01.06.2.01.0006", "Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/ Kota",
                     pagu="2.000.000")
    doc.add_plan_row(k, "8.01.06.2.01.0004", "Pelaksanaan Koordinasi di Bidang Kewaspadaan Dini, Kerja Sama "
                     "Intelijen, Pemantauan Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan "
                     "Perbatana antar Negara, Fasilitas Kelembagaan Bidang Kewaspadaan, serta Penanganan "
                     "Konflik di Daerah", pagu="65.000.000")
    doc.add_plan_row(k, "8.01.06.2.01.0099", "Sub kegiatan daerah sendiri", pagu="1.000.000")
    return doc


def _catalog_findings(doc):
    return {(f.kode, f.rule): f for f in validate(doc) if f.rule.startswith("catalog")}


def test_audit_uses_the_catalog_the_document_names(tmp_path):
    doc = _doc(tmp_path, "kep050-5889-2021")
    try:
        found = _catalog_findings(doc)
        missing = found[("8.01.06.2.01.0099", "catalog_missing")]
        assert missing.severity == "warning" and "kep050-5889-2021" in missing.pesan
        spelling = found[("8.01.06.2.01.0004", "catalog_name")]
        assert spelling.severity == "warning" and "berbeda ejaan" in spelling.pesan
        assert "Perbatana" in spelling.tercetak and "Perbatasan" in spelling.terhitung
        assert ("8.01.06.2.01.0006", "catalog_name") not in found   # "Kabupaten/ Kota": same name
        # the same rows against the 2020 list: 0006 meant something else then
        doc.set_document(nomenklatur_versi="kep050-3708-2020")
        found = _catalog_findings(doc)
        changed = found[("8.01.06.2.01.0006", "catalog_name")]
        assert "berubah arti" in changed.pesan and changed.terhitung == "Pelaksanaan Pimpinan"
        doc.set_document(nomenklatur_versi="kep-rahasia")
        (unknown,) = [f for f in validate(doc) if f.rule == "catalog_unknown"]
        assert "kep-rahasia" in unknown.pesan
        doc.set_document(nomenklatur_versi="")
        assert _catalog_findings(doc) == {}
    finally:
        doc.close()


def test_user_loads_a_newer_catalog_from_csv_and_xlsx(tmp_path, capsys):
    csv_path = tmp_path / "kep900-2023.csv"
    csv_path.write_text(
        "Kode;Nomenklatur Urusan Kabupaten/Kota;Indikator;Satuan\n"
        "8;UNSUR PEMERINTAHAN UMUM;;\n"
        "8.01;KESATUAN BANGSA DAN POLITIK;;\n"
        "8.01.06;PROGRAM PENINGKATAN KEWASPADAAN NASIONAL;;\n"
        "8.01.06.2.01;Perumusan Kebijakan Teknis;;\n"
        "8.01.06.2.01.0099;Sub kegiatan daerah sendiri;Jumlah Laporan;Laporan\n"
        "8.01.06.2.0X.0001;Kode rusak;;\n", encoding="utf-8")
    info = load_user_catalog(csv_path, "kep900-2023")
    assert info["baris"] == 5 and "baris 7, kolom Kode" in info["dilewati"][0]
    assert Path(info["path"]).parent.parent == tmp_path / "userdata"
    assert [v["versi"] for v in available_versions()][-1] == "kep900-2023"
    cat = get_catalog("kep900-2023")
    assert cat.lookup("8.01.06.2.01.0099").satuan == "Laporan"
    with pytest.raises(CatalogError, match="sudah dimuat"):
        load_user_catalog(csv_path, "kep900-2023")
    doc = _doc(tmp_path, "kep900-2023")
    try:
        found = _catalog_findings(doc)
        assert ("8.01.06.2.01.0099", "catalog_missing") not in found
        assert ("8.01.06.2.01.0006", "catalog_missing") in found
    finally:
        doc.close()
    book = tmp_path / "katalog.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Daftar nomenklatur"])
    ws.append(["Kode", "Uraian", "Satuan"])
    ws.append(["8.01.06.2.01.0006", "Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/Kota", "Dokumen"])
    wb.save(book)
    assert main(["catalog", "load", str(book), "--versi", "uji-xlsx"]) == 0
    assert "uji-xlsx" in capsys.readouterr().out
    assert get_catalog("uji-xlsx").lookup("8.01.06.2.01.0006").satuan == "Dokumen"
    bad = tmp_path / "tanpa-kepala.csv"
    bad.write_text("a;b\n1;2\n", encoding="utf-8")
    assert main(["catalog", "load", str(bad), "--versi", "rusak"]) == 2
    assert "kepala kolom" in capsys.readouterr().err


@pytest.mark.skipif(not REFERENCE.exists(), reason="set RENJA_REFERENCE_DIR to the source lists")
def test_build_script_reproduces_the_committed_catalog(tmp_path):
    spec = importlib.util.spec_from_file_location("build_catalog", ROOT / "db" / "build_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # the versions.json entries of other builders (scripts/build_catalog_sipd.py) are kept as they are
    (tmp_path / "versions.json").write_bytes((bundled_dir() / "versions.json").read_bytes())
    module.build(REFERENCE, tmp_path)
    for name in ("versions.json", "kep050-3708-2020.tsv", "kep050-5889-2021.tsv", "sumber_dana_2020.tsv"):
        assert (tmp_path / name).read_bytes() == (bundled_dir() / name).read_bytes(), name
