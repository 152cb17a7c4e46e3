"""``renja-desktop import``, ``sample`` and ``check`` on what was imported."""
from __future__ import annotations

import json

from renja_desktop.cli import main
from renja_desktop.service import RenjaDocument

from test_import_seed import table_31, table_41


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_creates_the_file_with_identity_then_adds_to_it(tmp_path, capsys):
    t41, t31 = tmp_path / "t41.txt", tmp_path / "t31.tsv"
    t41.write_text(table_41(), encoding="utf-8")
    t31.write_text(table_31(), encoding="utf-8")
    target = tmp_path / "renja.sqlite"
    code, out, err = run(capsys, "import", str(t41), "-o", str(target), "--table", "4.1")
    assert code == 2 and "--pemda, --opd, --tahun" in err and not target.exists()
    code, out, err = run(capsys, "import", str(t41), "-o", str(target), "--pemda", "Kota Binjai",
                         "--opd", "Badan Kesatuan Bangsa dan Politik", "--tahun", "2024")
    assert code == 0, err
    assert "53 baris sumber dibaca" in out and "0 ditolak" in out
    code, out, err = run(capsys, "import", str(t31), "-o", str(target), "--table", "3.1", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["tables"] == ["3.1"] and data["counts"]["rejected"] == 0
    assert sum(data["counts"].values()) == len(table_31().split("\n"))
    assert all({"line", "status", "reason"} <= set(r) for r in data["rows"])
    assert any(f["rule"] == "declared_mismatch" for f in data["findings"])
    with RenjaDocument.open(target, readonly=True) as doc:
        assert doc.plan.totals[0] == 40_145_568_718
    code, out, err = run(capsys, "check", str(target), "--json")
    assert code == 1
    findings = json.loads(out)
    total = [f for f in findings if f["tabel"] == "4.1" and f["kode"] == "TOTAL"]
    assert total[0]["tercetak"] == "7.701.036.123" and total[0]["terhitung"] == "40.145.568.718"


def test_failed_import_leaves_the_existing_file_unchanged(tmp_path, capsys):
    target = tmp_path / "renja.sqlite"
    assert run(capsys, "sample", "-o", str(target))[0] == 0
    before = target.read_bytes()
    junk = tmp_path / "catatan.txt"
    junk.write_text("ini catatan rapat\nbukan tabel sama sekali\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(junk), "-o", str(target), "--table", "4.1")
    assert code == 2 and "catatan.txt" in err and "tidak diubah" in err
    code, out, err = run(capsys, "import", str(tmp_path / "hilang.xlsx"), "-o", str(target))
    assert code == 2 and "hilang.xlsx" in err and "tidak ditemukan" in err
    code, out, err = run(capsys, "import", str(junk), "-o", str(target), "--column", "pagu")
    assert code == 2 and "FIELD=HEADER" in err
    assert target.read_bytes() == before


def test_sample_command(tmp_path, capsys):
    target = tmp_path / "contoh.sqlite"
    code, out, err = run(capsys, "sample", "-o", str(target))
    assert code == 0 and target.exists()
    code, out, err = run(capsys, "sample", "-o", str(target))
    assert code == 2 and "sudah ada" in err
    code, out, err = run(capsys, "info", str(target), "--json")
    info = json.loads(out)
    assert info["total_pagu"] == 40_145_568_718 and info["kepala_nama"] == "Drs. Ruslianto, M.Pd"
