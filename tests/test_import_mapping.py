"""The column-mapping step's core (renja_desktop/importer/mapping.py) and ``--column FIELD=-``."""
from __future__ import annotations

import pytest

from renja_desktop.cli import main
from renja_desktop.importer import ImportFailure, import_source, import_text
from renja_desktop.importer.mapping import (
    column_map_for, detect_columns, looks_like_document, mapping_problems,
)
from renja_desktop.readers import text_source
from renja_desktop.sample import sample_text
from renja_desktop.service import RenjaDocument

from test_import_seed import seed_lines, table_41

DAU = "Dana Transfer Umum - Dana Alokasi Umum"
UNUSUAL = (
    "Kode Rekening\tNomenklatur\tNilai Usulan\tAsal Anggaran\n"
    f"8.01.02.2.01.0009\tPembinaan Paskibraka Baru\t25.000.000\t{DAU}\n"
    f"8.01.02.2.01.0010\tPelatihan Purna Paskibraka\t15.000.000\t{DAU}\n"
)


@pytest.fixture()
def doc(tmp_path):
    d = RenjaDocument.create(tmp_path / "doc.sqlite", tahun=2024, pemda="Kota Binjai",
                             opd="Badan Kesatuan Bangsa dan Politik", opd_singkat="Badan Kesbangpol")
    yield d
    d.close()


def plan_rows(doc):
    return [(n.kode, n.nama, n.values.get("pagu"), n.values.get("pagu_n1"), n.values.get("lokasi"),
             doc.sumber_dana_text(n.id), [(i["teks"], i["target"], i["satuan"]) for i in doc.indikator.get(n.id, [])],
             n.values.get("rkpd_pagu"), n.values.get("rkpd_nama"))
            for n in doc.plan.walk()]


def test_detection_is_the_importers_own_reading_of_the_header():
    rows = text_source(UNUSUAL).rows
    found = detect_columns(rows, None, 2024)
    # "Nilai Usulan" is not recognised, "Asal Anggaran" reads as money (anggaran)
    assert (found.table, found.guessed, found.from_header) == ("4.1", True, True)
    assert found.columns == {0: "kode", 1: "nama", 3: "pagu"}
    assert found.header_lines == [1] and found.headers[2] == "nilai usulan"
    assert found.fields()[:4] == ["kode", "nama", "pagu", "sumber_dana"]
    assert detect_columns(rows, "4.1", 2024).guessed is False
    # without a header: the usual layout, placed on the first data row (code over several columns)
    headerless = text_source(f"8\t01\t02\t2.01\t0009\tPembinaan\t25.000.000\t{DAU}\n").rows
    assert detect_columns(headerless, "4.1").columns == {0: "kode", 5: "nama", 6: "pagu", 7: "sumber_dana"}
    # nothing to recognise
    assert detect_columns(text_source("apa\tini\nitu\tdia\n").rows, None).table is None


def test_a_changed_mapping_imports_the_chosen_columns(doc):
    src = text_source(UNUSUAL, "usulan.tsv")
    found = detect_columns(src.rows, None, 2024)
    assert column_map_for(found, dict(found.columns)) is None          # kept: import as always
    chosen = {0: "kode", 1: "nama", 2: "pagu", 3: "sumber_dana"}
    column_map = column_map_for(found, chosen)
    assert column_map["pagu"] == "3" and column_map["sumber_dana"] == "4" and column_map["lokasi"] == "-"
    assert "nama" not in column_map    # the name column did not move: rows keep their own name cell
    report = import_source(doc, src, table=found.table, column_map=column_map)
    assert report.rejected == [] and not any("nilai usulan" in m for m in report.messages)
    node = doc.plan_by_kode("8.01.02.2.01.0009")
    assert node.values["pagu"] == 25_000_000 and doc.sumber_dana_text(node.id) == DAU
    assert doc.plan_by_kode("8.01.02.2.01.0010").values["pagu"] == 15_000_000


@pytest.mark.parametrize("first,last,table", [(578, 630, "4.1"), (319, 387, "2.3")])
def test_the_detected_mapping_written_out_reads_exactly_as_the_import(tmp_path, first, last, table):
    """Passing the recognised columns as a column map changes nothing (seed Tabel 4.1 and 2.3)."""
    results = []
    for explicit in (False, True):
        d = RenjaDocument.create(tmp_path / f"{explicit}.sqlite", tahun=2024, pemda="Kota Binjai",
                                 opd="Badan Kesatuan Bangsa dan Politik", opd_singkat="Badan Kesbangpol")
        try:
            if table == "2.3":
                import_text(d, table_41(), table="4.1")
            src = text_source(seed_lines(first, last))
            column_map = None
            if explicit:
                found = detect_columns(src.rows, table, 2024, tuple(x for x in d.running_header() if x))
                column_map = column_map_for(found, found.columns, always=True)
                assert column_map
            report = import_source(d, src, table=table, column_map=column_map)
            results.append((plan_rows(d), [(r.line, r.status, r.kode) for r in report.rows],
                            sorted((x["kode"], x["kolom"], x["teks"]) for x in d.declared)))
        finally:
            d.close()
    assert results[0] == results[1]


def test_mapping_problems_name_the_field_and_columns():
    assert mapping_problems("4.1", {0: "kode", 1: "nama", 2: "pagu"}) == []
    twice, missing = mapping_problems("4.1", {0: "kode", 2: "pagu", 3: "pagu"})
    assert (twice.kind, twice.fields, twice.columns) == ("twice", ("pagu",), (2, 3))
    assert (missing.kind, missing.fields) == ("missing", ("nama",))
    (p,) = mapping_problems("2.3", {0: "no", 5: "rkpd_pagu"})
    assert (p.kind, p.fields) == ("missing_one_of", ("nama", "rkpd_nama"))
    assert [p.fields for p in mapping_problems("2.4", {0: "lokasi"})] == [("program_kegiatan",)]


def test_list_without_a_no_column_is_keyed_by_its_name(doc):
    src = text_source("Indikator kinerja\tKeterangan tambahan\tBesaran\n"
                      "Jumlah ormas aktif\tcatatan\t12 ormas\n", "usulan.tsv")
    found = detect_columns(src.rows, "2.4", 2024)
    column_map = column_map_for(found, {0: "program_kegiatan", 2: "volume"})
    assert column_map["no"] == column_map["program_kegiatan"] == "1"
    report = import_source(doc, src, table="2.4", column_map=column_map)
    assert report.rejected == []
    assert [(u["program_kegiatan"], u["volume"], u["indikator"]) for u in doc.usulan] == \
        [("Jumlah ormas aktif", "12 ormas", "")]


def test_a_dash_leaves_a_recognised_field_out(doc, tmp_path, capsys):
    text = ("Kode\tUraian\tLokasi\tPagu Indikatif (Rp)\n"
            "8.01.02.2.01.0009\tPembinaan Paskibraka\tKota Binjai\t25.000.000\n")
    report = import_text(doc, text, table="4.1", column_map={"lokasi": "-"})
    node = doc.plan_by_kode("8.01.02.2.01.0009")
    assert node.values["pagu"] == 25_000_000 and not node.values.get("lokasi")
    assert any("'lokasi'" in m for m in report.messages)     # named as a column not stored
    with pytest.raises(ImportFailure, match="isian 'kode' tidak dapat diabaikan"):
        import_text(doc, text, table="4.1", column_map={"kode": "-"})
    with pytest.raises(ImportFailure, match="isian 'nama' tidak dapat diabaikan"):
        import_text(doc, text, table="4.1", column_map={"nama": "-"})
    # the same on the command line
    path = tmp_path / "t41.tsv"
    path.write_text(text.replace("0009", "0010"), encoding="utf-8")
    target = tmp_path / "cli.sqlite"
    assert main(["sample", "-o", str(target)]) == 0
    assert main(["import", str(path), "-o", str(target), "--column", "lokasi=-"]) == 0
    capsys.readouterr()
    with RenjaDocument.open(target, readonly=True) as d:
        node = d.plan_by_kode("8.01.02.2.01.0010")
        assert node.values["pagu"] == 25_000_000 and not node.values.get("lokasi")


def test_a_whole_document_has_no_single_mapping():
    assert looks_like_document(text_source(sample_text()))
    assert not looks_like_document(text_source(UNUSUAL))
