"""The command line: a document made, filled and checked entirely from it; bad input refused."""
import json
import subprocess
import sys

import pytest

from renja_desktop.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(tmp_path, capsys):
    f = tmp_path / "renja.sqlite"
    assert run(capsys, "new", f, "--pemda", "Kota Binjai", "--opd", "Badan Kesatuan Bangsa dan Politik",
               "--tahun", "2024", "--renstra", "2021-2026", "--kepala-nip", "19670621 199702 1 002")[0] == 0
    for kode, nama, extra in [
        ("8", "UNSUR PEMERINTAHAN UMUM", []),
        ("8.01", "KESATUAN BANGSA DAN POLITIK", []),
        ("8.01.06", "PROGRAM PENINGKATAN KEWASPADAAN NASIONAL", []),
        ("8.01.06.2.01", "Perumusan Kebijakan Teknis", []),
        ("8.01.06.2.01.0002", "Penyusunan Bahan Perumusan Kebijakan", ["--pagu", "135.000.000"]),
        ("8.01.06.2.01.0003", "Pelaksanaan Kebijakan", ["--pagu", "1000000", "--pagu-n1", "1.100.000"]),
        ("8.1.6.2.1.4", "Pelaksanaan Koordinasi", ["--pagu", "65.000.000"]),
    ]:
        code, out, err = run(capsys, "add", f, kode, nama, *extra)
        assert code == 0, err
    return f


def test_tree_json_has_computed_totals(filled, capsys):
    code, out, _ = run(capsys, "tree", filled, "--json")
    assert code == 0
    rows = json.loads(out)
    by = {r["kode"]: r for r in rows}
    assert set(by) == {"8", "8.01", "8.01.06", "8.01.06.2.01", "8.01.06.2.01.0002",
                       "8.01.06.2.01.0003", "8.01.06.2.01.0004"}
    assert by["8.01.06"]["pagu"] == 201_000_000
    assert by["8"]["pagu_n1"] == 1_100_000
    assert by["8.01.06.2.01.0004"]["level"] == 5
    assert all(isinstance(r["pagu"], int) for r in rows)
    for key in ("kode", "nama", "level", "pagu", "pagu_n1"):
        assert key in rows[0]


def test_set_and_text_tree(filled, capsys):
    assert run(capsys, "set", filled, "8.01.06.2.01.0003", "pagu", "2.000.000")[0] == 0
    code, out, _ = run(capsys, "tree", filled)
    assert code == 0
    assert "202.000.000" in out and "TOTAL" in out
    assert run(capsys, "set", filled, "8.01.06.2.01.0003", "satuan", "Dokumen")[0] == 0
    assert run(capsys, "set", filled, "8.01.06.2.01.0003", "indikator", "Jumlah dokumen")[0] == 0
    code, out, _ = run(capsys, "tree", filled, "--json")
    row = next(r for r in json.loads(out) if r["kode"] == "8.01.06.2.01.0003")
    assert row["satuan"] == "Dokumen" and row["indikator"] == "Jumlah dokumen"


def test_check_exit_status(filled, capsys):
    # no funding sources yet: warnings only -> exit 0
    code, out, _ = run(capsys, "check", filled)
    assert code == 0
    assert "peringatan" in out
    # funding sources that do not add up to the pagu: an error -> exit 1
    assert run(capsys, "set", filled, "8.01.06.2.01.0002", "sumber_dana", "DAU=100.000.000; PAD=5.000.000")[0] == 0
    code, out, _ = run(capsys, "check", filled, "--json")
    assert code == 1
    findings = json.loads(out)
    bad = [f for f in findings if f["rule"] == "sumber_dana_sum"]
    assert bad and bad[0]["kode"] == "8.01.06.2.01.0002"
    assert bad[0]["tercetak"] == "105.000.000" and bad[0]["terhitung"] == "135.000.000"
    assert run(capsys, "set", filled, "8.01.06.2.01.0002", "sumber_dana", "DAU=130.000.000; PAD=5.000.000")[0] == 0
    assert run(capsys, "check", filled)[0] == 0


def test_info(filled, capsys):
    code, out, _ = run(capsys, "info", filled, "--json")
    info = json.loads(out)
    assert info["tahun"] == 2024 and info["total_pagu"] == 201_000_000
    assert info["renstra_mulai"] == 2021 and info["kepala_nip"] == "196706211997021002"
    code, out, _ = run(capsys, "info", filled)
    assert "19670621 199702 1 002" in out and "201.000.000" in out


@pytest.mark.parametrize("args, words", [
    (["add", "{f}", "8.01.06.2.01.0009", "Baru", "--pagu", "40.145568.718"], ["40.145568.718", "bukan angka rupiah"]),
    (["add", "{f}", "8.01.07.2.01.0001", "Yatim"], ["induk 8.01.07.2.01"]),
    (["add", "{f}", "8.01.06.2.01.0002", "Ganda"], ["sudah dipakai"]),
    (["add", "{f}", "8.01.06.2.01.00002", "Salah"], ["segmen ke-6"]),
    (["add", "{f}", "8.01.06.2.01", "Kegiatan", "--pagu", "5"], ["sudah dipakai"]),
    (["set", "{f}", "8.01.06", "pagu", "1.000"], ["hanya diisi pada sub kegiatan"]),
    (["set", "{f}", "8.01.06.2.01.0002", "pagu", "1,5 jt"], ["bukan angka rupiah"]),
    (["set", "{f}", "8.01.06.2.01.0002", "warna", "merah"], ["tidak dikenal"]),
    (["set", "{f}", "9.99", "nama", "x"], ["tidak ada"]),
    (["set", "{f}", "8.01.06.2.01.0002", "kode", "8.01.05.2.01.0002"], ["tidak berada di bawah"]),
    (["tree", "{missing}"], ["tidak ditemukan"]),
])
def test_bad_input_one_line_and_nothing_changed(filled, capsys, args, words):
    before = filled.read_bytes()
    args = [a.format(f=filled, missing=filled.with_name("tidakada.sqlite")) for a in args]
    code, out, err = run(capsys, *args)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("galat: "), err
    for w in words:
        assert w in lines[0]
    assert filled.read_bytes() == before


def test_new_refuses_bad_year_and_existing(filled, capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["new", str(tmp_path / "x.sqlite"), "--pemda", "a", "--opd", "b", "--tahun", "dua ribu"])
    assert exc.value.code == 2
    assert not (tmp_path / "x.sqlite").exists()
    code, _, err = run(capsys, "new", filled, "--pemda", "a", "--opd", "b", "--tahun", "2024")
    assert code == 2 and "sudah ada" in err


def test_entry_point_runs_as_a_program(filled):
    result = subprocess.run([sys.executable, "-m", "renja_desktop.cli", "tree", str(filled), "--json"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["kode"] == "8"


def test_identity_delete_and_move_from_the_command_line(filled, capsys):
    code, out, err = run(capsys, "info", filled, "--set", "kepala_nama=Drs. Ruslianto, M.Pd",
                         "--set", "tempat=Binjai", "--json")
    assert code == 0, err
    assert json.loads(out)["kepala_nama"] == "Drs. Ruslianto, M.Pd"
    code, _, err = run(capsys, "info", filled, "--set", "warna=biru")
    assert code == 2 and "tidak dikenal" in err
    code, _, err = run(capsys, "info", filled, "--set", "kepala_nip=123")
    assert code == 2 and "18 digit" in err
    # move 0004 to the front, then delete 0002
    assert run(capsys, "move", filled, "8.01.06.2.01.0004", "--position", "1")[0] == 0
    code, out, _ = run(capsys, "tree", filled, "--json")
    kodes = [r["kode"] for r in json.loads(out)]
    assert kodes[4:] == ["8.01.06.2.01.0004", "8.01.06.2.01.0002", "8.01.06.2.01.0003"]
    code, out, _ = run(capsys, "delete", filled, "8.01.06.2.01.0002")
    assert code == 0 and "66.000.000" in out
    code, _, err = run(capsys, "move", filled, "8.01.06.2.01.0004", "--to", "8.01")
    assert code == 2 and "tidak dapat dipindah" in err


def test_declared_values_listed_and_cleared(tmp_path, capsys):
    """Printed totals kept from an import can be reviewed and then cleared; the audit follows."""
    f = tmp_path / "contoh.sqlite"
    assert run(capsys, "sample", "-o", f)[0] == 0
    code, out, _ = run(capsys, "declared", f, "--table", "4.1", "--json")
    printed = json.loads(out)
    assert any(r["kode"] == "8.01.01" and r["teks"] == "5.117.798.123" for r in printed)
    code, out, _ = run(capsys, "check", f, "--json")
    assert any(x["rule"] == "declared_mismatch" and x["tabel"] == "4.1" for x in json.loads(out))
    assert run(capsys, "declared", f, "--table", "4.1", "--clear")[0] == 0
    code, out, _ = run(capsys, "check", f, "--json")
    findings = json.loads(out)
    assert not any(x["rule"].startswith("declared") and x["tabel"] == "4.1" for x in findings)
    assert any(x["rule"].startswith("declared") and x["tabel"] == "3.1" for x in findings)
    assert json.loads(run(capsys, "declared", f, "--table", "4.1", "--json")[1]) == []
