"""The bundled sample: the seed Renja built by the importer plus the reviewed corrections."""
from __future__ import annotations

import pytest

from renja_desktop import codes
from renja_desktop.sample import SampleError, apply_corrections, build_sample, load_corrections, sample_text
from renja_desktop.service import RenjaDocument
from renja_desktop.storage import DocumentFileError


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("sample") / "contoh.sqlite")


def test_identity_and_signing_block_from_the_seed_text(sample_path):
    with RenjaDocument.open(sample_path, readonly=True) as doc:
        info = doc.info
        assert info["opd"] == "Badan Kesatuan Bangsa dan Politik"
        assert info["pemda"] == "Kota Binjai"
        assert info["tahun"] == 2024
        assert (info["renstra_mulai"], info["renstra_selesai"]) == (2021, 2026)
        assert (info["tempat"], info["tanggal"]) == ("Binjai", "Juni 2023")
        assert info["kepala_nama"] == "Drs. Ruslianto, M.Pd"
        assert info["kepala_pangkat"] == "Pembina"
        assert info["kepala_nip"] == "196706211997021002"
        assert info["kepala_jabatan"] == "Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai"
        assert doc.running_header() == ("RENCANA KERJA 2024", "BADAN KESBANGPOL KOTA BINJAI")


def test_six_programs_total_with_the_forum_koordinasi_row(sample_path):
    with RenjaDocument.open(sample_path, readonly=True) as doc:
        programs = [n for n in doc.plan.walk() if n.level == codes.PROGRAM]
        assert [p.kode for p in programs] == [f"8.01.0{i}" for i in range(1, 7)]
        assert sum(p.sums[0] for p in programs) == 40_145_568_718
        assert doc.plan.totals[0] == 40_145_568_718
        forum = doc.plan_by_kode("8.01.06.2.01.0006")
        assert forum.nama.startswith("Pelaksanaan Forum Koordinasi Pimpinan Daerah")
        assert forum.values["pagu"] == 2_000_000
        assert doc.plan_by_kode("8.01.06").nama.startswith("PROGRAM PENINGKATAN KEWASPADAAN")
        subs = [n for n in doc.plan.walk() if n.level == codes.SUB_KEGIATAN]
        assert len(subs) == 29 and all(n.values["pagu"] is not None for n in subs)


def test_all_tables_present(sample_path):
    with RenjaDocument.open(sample_path, readonly=True) as doc:
        assert len(doc.pelayanan) == 7                    # Tabel 2.2
        assert doc.usulan == []                           # Tabel 2.4 prints NIHIL
        assert len(doc.evaluation.nodes) > 60             # Tabel 2.1
        gaji = doc.plan_by_kode("8.01.01.2.02.0001")
        assert gaji.values["rkpd_pagu"] == 4_328_298_122  # Tabel 2.3, RKPD side
        tabels = {d["tabel"] for d in doc.declared}
        assert tabels == {"2.1", "2.3", "3.1", "4.1"}


def test_corrections_are_checked_against_the_text():
    corrections = load_corrections()
    assert corrections and all(c.alasan for c in corrections)
    text = sample_text()
    bad = [type(corrections[0])(c.tabel, c.baris, c.sel, "XX", c.menjadi, c.alasan) for c in corrections[:1]]
    with pytest.raises(SampleError, match="tertulis"):
        apply_corrections(text, bad)


def test_existing_file_is_not_overwritten(tmp_path):
    target = tmp_path / "ada.sqlite"
    target.write_bytes(b"punya pengguna")
    with pytest.raises(DocumentFileError):
        build_sample(target)
    assert target.read_bytes() == b"punya pengguna"


def test_eval_penanggung_jawab_is_a_unit_not_a_shifted_number(sample_path):
    """Rows of the seed's Tabel 2.1 printed with an extra number cell push column 16 right; the
    unit is still found, never a percentage such as '0,00%'."""
    import re

    with RenjaDocument.open(sample_path, readonly=True) as doc:
        units = [n.values.get("penanggung_jawab") or "" for n in doc.evaluation.walk() if n.level == 5]
    assert units and not [u for u in units if re.match(r"^[\d.,\s%–-]+$", u)]
    assert all("Badan Kesatuan Bangsa" in u for u in units), units


def test_corrections_are_shown_as_corrections_never_as_printed_values(sample_path, capsys):
    from renja_desktop.cli import main

    with RenjaDocument.open(sample_path, readonly=True) as doc:
        (forum,) = [d for d in doc.declared if d["tabel"] == "4.1" and d["kode"] == "8.01.06.2.01.0006"]
        # the source printed nothing here: the value is the correction, and says so
        assert forum["teks"] == "2.000.000 (dikoreksi, tertulis kosong)" and forum["nilai"] == 2_000_000
        assert "baris 629 sel 7 dikoreksi: tidak tertulis (sel kosong), menjadi '2.000.000'" in forum["sumber"]
        # a value printed on a line whose code was corrected names the correction and the original text
        (prog,) = [d for d in doc.declared if d["tabel"] == "4.1" and d["kode"] == "8.01.06" and d["kolom"] == "pagu"]
        assert "sel 3 dikoreksi: tertulis '05', menjadi '06'" in prog["sumber"]
        corrected_lines = {(c.tabel, c.baris) for c in load_corrections()}
        for d in doc.declared:
            line = d["sumber"].split(" baris ")[-1].split(";")[0]
            if line.isdigit() and (d["tabel"], int(line)) in corrected_lines:
                assert "dikoreksi" in d["sumber"], d
    assert main(["declared", str(sample_path), "--table", "4.1"]) == 0
    out = capsys.readouterr().out
    assert "2.000.000 (dikoreksi, tertulis kosong)" in out
    main(["check", str(sample_path)])
    notes = [ln for ln in capsys.readouterr().out.splitlines() if "dikoreksi" in ln]
    assert len(notes) == len(load_corrections())
    assert any("tertulis '00 08', menjadi '00 06'" in ln for ln in notes)
