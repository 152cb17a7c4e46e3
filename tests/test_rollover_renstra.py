"""Next year's Renja (rollover) and the Renstra inside the document."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from renja_desktop import renstra
from renja_desktop.cli import main as cli_main
from renja_desktop.codes import SUB_KEGIATAN
from renja_desktop.rollover import RolloverError, rollover
from renja_desktop.service import RenjaDocument

DATA = Path(__file__).parent / "data"
RENSTRA = DATA / "renstra_kesbangpol_2022_2026.tsv"


@pytest.fixture
def doc_path(sample_file, tmp_path):
    return shutil.copyfile(sample_file, tmp_path / "renja2024.sqlite")


def test_rollover_of_the_sample(doc_path, tmp_path, capsys):
    out = tmp_path / "renja2025.sqlite"
    before = doc_path.read_bytes()
    assert cli_main(["rollover", str(doc_path), "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert doc_path.read_bytes() == before  # the source is only read
    with RenjaDocument.open(doc_path, readonly=True) as old, RenjaDocument.open(out, readonly=True) as new:
        assert new.info["tahun"] == 2025 and old.info["tahun"] == 2024
        assert new.document_id != old.document_id
        for key in ("pemda", "opd", "kepala_nama", "kepala_nip", "kepala_pangkat", "tempat"):
            assert new.info[key] == old.info[key]
        old_leaves = [(n.kode, n.nama, n.values["pagu_n1"]) for n in old.plan.walk() if n.level == SUB_KEGIATAN]
        new_leaves = [(n.kode, n.nama, n.values["pagu"]) for n in new.plan.walk() if n.level == SUB_KEGIATAN]
        assert new_leaves == old_leaves  # every leaf's pagu 2025 = its 2024 prakiraan maju
        assert all(n.values["pagu_n1"] is None for n in new.plan.walk())  # no Renstra: emptied
        assert new.plan.totals[0] == old.plan.totals[1] == report["total_pagu"]
        # indicators: target 2025 = the 2024 target n+1
        for n in old.plan.walk():
            old_t = [i["target_n1"] for i in old.indikator.get(n.id, [])]
            match = [m for m in new.plan.find_kode(n.kode)] if n.kode else []
            if match and old_t:
                assert [i["target"] for i in new.indikator.get(match[0].id, [])] == old_t
        # Tabel 2.1: column 6 = the old column 14, row by row, and the totals too
        olds = [old.evaluation.values_of(n.id) for n in old.evaluation.walk()]
        news = [new.evaluation.values_of(n.id) for n in new.evaluation.walk()]
        assert len(olds) == len(news) > 0
        for o, n, node in zip(olds, news, new.evaluation.walk()):
            assert n.rp_6 == o.rp_14, node.nama
            if node.level == SUB_KEGIATAN:
                assert n.k_6 == o.k_14 and n.rp_12 is None and n.rp_7 is None
        assert new.evaluation.values_of(None).rp_6 == old.evaluation.values_of(None).rp_14
        assert new.usulan == [] and new.declared == []
    assert {d["tabel"] for d in report["tidak_dibawa"]} >= {"declared_value"}
    carried = [c for c in report["dibawa"] if c["tabel"] == "plan_row"]
    assert len(carried) == 48
    flagged = {f["kode"] for f in report["ditandai"]}
    assert "8.01.01.2.01.0001" in flagged  # no prakiraan maju: reported, not guessed


def test_rollover_refuses_an_existing_file(doc_path, tmp_path, capsys):
    out = tmp_path / "ada.sqlite"
    out.write_bytes(b"isi lama")
    assert cli_main(["rollover", str(doc_path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: berkas hasil 'ada.sqlite' sudah ada") and err.count("\n") == 1
    assert out.read_bytes() == b"isi lama"
    with pytest.raises(RolloverError, match="belum memiliki Renstra"):
        rollover(doc_path, tmp_path / "baru.sqlite", pagu_from="renstra")
    assert not (tmp_path / "baru.sqlite").exists()


def test_rollover_maps_a_nomenclature_change(doc_path, tmp_path):
    report = rollover(doc_path, tmp_path / "n.sqlite", nomenklatur="kep050-3708-2020")
    assert report.nomenklatur_baru == "kep050-3708-2020"
    with RenjaDocument.open(tmp_path / "n.sqlite", readonly=True) as new:
        assert new.info["nomenklatur_versi"] == "kep050-3708-2020"
        assert len(new.plan.nodes) == 48  # nothing dropped
        codes_now = {n.kode for n in new.plan.walk()}
    for m in report.mapped:
        assert m["kode_baru"] in codes_now
    gone = {f["kode"] for f in report.flagged if "nomenklatur" in f["alasan"]}
    # Paskibraka sub kegiatan came with the post-2021 list: not in the 2020 one, flagged and kept
    assert {"8.01.02.2.01.0007", "8.01.02.2.01.0008"} <= gone <= codes_now


def test_rollover_report_in_both_languages(doc_path, tmp_path):
    """The next-year report: Indonesian as the command line prints it, English for the English window."""
    import re

    out = tmp_path / "renja2025.sqlite"
    report = rollover(doc_path, out, nomenklatur="kep050-3708-2020")
    indonesian, english = report.lines(), report.lines("en")
    assert indonesian[:3] == [
        f"Renja 2025 dibuat dari Renja 2024: {out}",
        "Dibawa: identitas 1 baris, pohon program 48 baris, Tabel 2.1 73 baris, Tabel 2.2 7 baris",
        "Pagu 2025 dari prakiraan maju; total pagu Rp 5.152.524.900"]
    assert "  ditandai: 8.01.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah: prakiraan maju 2025 " \
           "kosong; pagu dikosongkan" in indonesian
    assert indonesian[-1] == "  tidak dibawa: nilai tercetak 225 baris (nilai tercetak dokumen impor, hanya untuk " \
                             "pemeriksaan tahun ini)"
    assert english[:3] == [
        f"Renja 2025 made from Renja 2024: {out}",
        "Carried over: identity 1 rows, program tree 48 rows, Table 2.1 73 rows, Table 2.2 7 rows",
        "Budget 2025 from the forward estimates; total budget Rp 5.152.524.900"]
    assert "  flagged: 8.01.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah: the forward estimate for " \
           "2025 is empty; the budget is left empty" in english
    assert any(line.endswith("in nomenclature kep050-3708-2020; carried over as it is") for line in english)
    assert english[-1] == "  not carried over: printed values 225 rows (printed values of an imported document, " \
                          "for this year's checks only)"
    words = re.compile(r"\b(baris|dibawa|ditandai|tidak|pagu|dari|kosong|dikosongkan|nomenklatur|tahun|apa adanya)\b")
    names = sorted({c["nama"][:50] for c in report.carried if c["nama"]}, key=len, reverse=True)
    for line in english:
        for name in names:  # the rows' own names are the document's words
            line = line.replace(name, "")
        assert not words.search(line), line


def test_renstra_import_check_rollup_errors_found_and_none_invented(doc_path, capsys):
    assert cli_main(["renstra", str(doc_path), "import", str(RENSTRA), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["baris"] == 15 and result["tahun"] == [2022, 2023, 2024, 2025, 2026]
    assert result["tabel21_kolom5_diisi"] >= 1
    with RenjaDocument.open(doc_path, readonly=True) as doc:
        items = renstra.load(doc)
        assert doc.info["renstra_mulai"] == 2021  # the sample's period is kept
        item = renstra.by_code(items)["8.01.02.2.01.0003"]
        assert item.indikator == "Jumlah kegiatan sosialisasi; Jumlah peserta sosialisasi"
        assert item.nilai[2024] == ("12", 300_000_000)
        assert renstra.by_code(items)["8.01.03.2.01.0003"].nilai[2024] == ("", None)
        res = renstra.check(doc)
    found = sorted((f.jenis, f.kode, f.tahun or 0) for f in res.rollup)
    # exactly the three errors written into the file: the 2023 sum, the period-end sum, a childless parent
    assert found == [("rollup", "8.01.02.2.01", 0), ("rollup", "8.01.02.2.01", 2023),
                     ("rollup_tanpa_anak", "8.01.04", 0)]
    y2023 = next(f for f in res.rollup if f.tahun == 2023)
    assert (y2023.renstra, y2023.renja) == (900_000_000, 880_000_000)
    dev = {(f.jenis, f.kode) for f in res.deviasi}
    assert ("pagu", "8.01.02.2.01.0003") in dev and ("pagu", "8.01.02.2.01.0001") not in dev
    assert ("target", "8.01.02.2.01.0003") in dev
    assert ("hanya_renstra", "8.01.02.2.01.0009") in dev
    assert ("hanya_renja", "8.01.06.2.01") in dev
    status = {s["kode"]: s["status"] for s in res.status}
    assert status["8.01.02.2.01"] == "sesuai Renstra"
    assert status["8.01.03.2.01"] == "dimajukan"
    assert status["8.01.01.2.01"] == "baru"
    assert cli_main(["renstra", str(doc_path), "check"]) == 1  # roll-up errors: status 1
    capsys.readouterr()


def test_renstra_status_ditunda_and_rollover_from_renstra(doc_path, tmp_path):
    with RenjaDocument.open(doc_path) as doc:
        renstra.import_renstra(doc, RENSTRA)
        doc.delete_plan_row(doc.plan_by_kode("8.01.05.2.01").id)
        status = {s["kode"]: s["status"] for s in renstra.check(doc).status}
    assert status["8.01.05.2.01"] == "ditunda"
    out = tmp_path / "2025.sqlite"
    report = rollover(doc_path, out, pagu_from="renstra")
    with RenjaDocument.open(out, readonly=True) as new:
        node = new.plan_by_kode("8.01.02.2.01.0003")
        assert node.values["pagu"] == 400_000_000  # Renstra anggaran 2025
        assert node.values["pagu_n1"] == 420_000_000  # prakiraan maju from the Renstra 2026
        assert new.plan_by_kode("8.01.01.2.01.0001").values["pagu"] is None
        assert len(renstra.load(new)) == 15
    assert any(f["kode"] == "8.01.01.2.01.0001" for f in report.flagged)


def test_renstra_bad_input_changes_nothing(doc_path, tmp_path, capsys):
    before = doc_path.read_bytes()
    # a period that does not contain the document's year
    other = tmp_path / "renstra_2025_2029.tsv"
    other.write_text(RENSTRA.read_text().replace("Tahun 2022", "Tahun 2027").replace("Tahun 2023", "Tahun 2028")
                     .replace("Tahun 2024", "Tahun 2029").replace("Tahun 2025", "Tahun 2030")
                     .replace("Tahun 2026", "Tahun 2031"))
    assert cli_main(["renstra", str(doc_path), "import", str(other)]) == 2
    err = capsys.readouterr().err
    assert "periode Renstra 2027-2031 tidak memuat tahun dokumen 2024" in err and err.count("\n") == 1
    # codes of another nomenclature (program codes under another bidang)
    foreign = tmp_path / "renstra_lain.tsv"
    foreign.write_text(RENSTRA.read_text().replace("8.01.0", "8.09.0"))
    assert cli_main(["renstra", str(doc_path), "import", str(foreign)]) == 2
    err = capsys.readouterr().err
    assert "nomenklatur lain" in err and "8.09.02" in err
    # a malformed amount names row and column
    bad = tmp_path / "renstra_rusak.tsv"
    bad.write_text(RENSTRA.read_text().replace("1.047.000.000", "1.047.000000", 1))
    assert cli_main(["renstra", str(doc_path), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "renstra_rusak.tsv baris 8 kolom 10 (anggaran 2024)" in err
    assert doc_path.read_bytes() == before
