"""Consolidation of many agencies' Renja into one read-only city view."""
from __future__ import annotations

import shutil

import pytest
from exchange_util import state

from renja_desktop.cli import main as cli_main
from renja_desktop.exchange.consolidate import consolidate, is_consolidated, summary
from renja_desktop.exchange.workspace import open_for_editing
from renja_desktop.service import EditError, RenjaDocument


def agency(path, opd, singkat, urusan, bidang, subs, tahun=2024, pemda="Kota Binjai"):
    doc = RenjaDocument.create(path, tahun=tahun, pemda=pemda, opd=opd, opd_singkat=singkat)
    with doc.batch():
        u = doc.add_plan_row(None, urusan[0], urusan[1])
        b = doc.add_plan_row(u, bidang[0], bidang[1])
        p = doc.add_plan_row(b, f"{bidang[0]}.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH")
        k = doc.add_plan_row(p, f"{bidang[0]}.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja")
        for i, pagu in enumerate(subs, start=1):
            sid = doc.add_plan_row(k, f"{bidang[0]}.01.2.01.{i:04d}", f"Sub kegiatan {i}", pagu=str(pagu))
            doc.set_sumber_dana(sid, [{"nama": "PAD", "jumlah": None}])
    doc.close()
    return path


@pytest.fixture
def agencies(sample_file, tmp_path):
    kesbang = shutil.copyfile(sample_file, tmp_path / "kesbangpol.sqlite")
    dinkes = agency(tmp_path / "dinkes.sqlite", "Dinas Kesehatan", "Dinkes",
                    ("1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"), ("1.02", "KESEHATAN"),
                    [50_000_000, 25_000_000])
    rsud = agency(tmp_path / "rsud.sqlite", "Rumah Sakit Umum Daerah", "RSUD",
                  ("1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"), ("1.02", "KESEHATAN"),
                  [100_000_000])
    return kesbang, dinkes, rsud


def test_consolidation_totals_per_agency_and_urusan(agencies, tmp_path):
    kesbang, dinkes, rsud = agencies
    before = [state(p) for p in agencies]
    out = tmp_path / "rkpd.sqlite"
    result = consolidate([kesbang, dinkes, rsud], out)
    assert result.written and not result.refused
    assert [state(p) for p in agencies] == before  # sources untouched
    assert result.total == 40_145_568_718 + 175_000_000
    by_urusan = {u["kode"]: u for u in result.urusan}
    assert [u["kode"] for u in result.urusan] == ["1", "8"]  # urusan in code order
    assert by_urusan["1"]["pagu"] == 175_000_000 and by_urusan["8"]["pagu"] == 40_145_568_718
    assert by_urusan["1"]["per_opd"] == {"Dinas Kesehatan": 75_000_000, "Rumah Sakit Umum Daerah": 100_000_000}
    assert {s.name: s.pagu for s in result.accepted} == {"Badan Kesbangpol": 40_145_568_718, "Dinkes": 75_000_000,
                                                         "RSUD": 100_000_000}
    # an ordinary document file: info/tree open it, totals are derived from its rows
    with RenjaDocument.open(out, readonly=True) as doc:
        assert doc.plan.totals[0] == result.total
        bidang = [n for n in doc.plan.walk() if n.level == 2]
        assert [n.nama for n in bidang if n.kode == "1.02"] == ["KESEHATAN — Dinkes", "KESEHATAN — RSUD"]
        assert sum(len(v) for v in doc.sumber_dana.values()) == 29 + 3
    assert is_consolidated(out)
    assert summary(out)["total_pagu"] == result.total


def test_consolidated_view_opens_read_only(agencies, tmp_path):
    out = tmp_path / "rkpd.sqlite"
    consolidate(list(agencies), out)
    doc, session = open_for_editing(out)
    try:
        assert doc.readonly and session.readonly
        assert any("gabungan" in n for n in session.notes)
        with pytest.raises(EditError):
            doc.set_document(judul="X")
    finally:
        doc.close()
        session.close()


def test_duplicates_and_bad_files_are_named(agencies, tmp_path):
    kesbang, dinkes, rsud = agencies
    dup = shutil.copyfile(kesbang, tmp_path / "kesbangpol-salinan.sqlite")
    bad = tmp_path / "rusak.sqlite"
    bad.write_bytes(b"bukan basis data" * 100)
    other_year = agency(tmp_path / "lama.sqlite", "Dinas Pendidikan", "Disdik", ("1", "URUSAN WAJIB"),
                        ("1.01", "PENDIDIKAN"), [1_000_000], tahun=2023)
    out = tmp_path / "rkpd.sqlite"
    result = consolidate([kesbang, dinkes, rsud, dup, bad, other_year], out)
    assert not result.written and not out.exists()
    problems = {s.path.name: s.problem for s in result.refused}
    assert set(problems) == {"kesbangpol-salinan.sqlite", "rusak.sqlite", "lama.sqlite"}
    assert "kesbangpol.sqlite" in problems["kesbangpol-salinan.sqlite"] and "id dokumen sama" in problems[
        "kesbangpol-salinan.sqlite"]
    assert "bukan dokumen Renja" in problems["rusak.sqlite"]
    assert "tahun rencana 2023" in problems["lama.sqlite"]
    # with skip_bad the good ones are gathered
    result = consolidate([kesbang, dinkes, rsud, dup, bad, other_year], out, skip_bad=True)
    assert result.written and len(result.accepted) == 3
    # a consolidation is not an input
    again = consolidate([out, dinkes], tmp_path / "lagi.sqlite")
    assert "gabungan" in {s.path.name: s.problem for s in again.refused}["rkpd.sqlite"]


def test_cli_consolidate(agencies, tmp_path, capsys):
    out = tmp_path / "rkpd.sqlite"
    assert cli_main(["consolidate", *map(str, agencies), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Per perangkat daerah" in text and "Per urusan" in text and "TOTAL pagu n Rp 40.320.568.718" in text
    assert cli_main(["consolidate", *map(str, agencies), "-o", str(out)]) == 2  # exists
    assert cli_main(["consolidate", str(agencies[0]), str(agencies[0]), "-o", str(tmp_path / "x.sqlite")]) == 1
    assert "id dokumen sama" in capsys.readouterr().out
    assert cli_main(["info", str(out)]) == 0
    assert cli_main(["tree", str(out)]) == 0
