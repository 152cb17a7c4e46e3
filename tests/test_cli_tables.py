"""Tabel 2.1, 2.2 and 2.4 from the command line (the GUI's other tabs, scriptable)."""
import json

import pytest

from renja_desktop.cli import main


def sets(*pairs):
    return [x for p in pairs for x in ("--set", p)]


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def doc(tmp_path, capsys):
    f = tmp_path / "r.sqlite"
    assert run(capsys, "new", f, "--pemda", "Kota Binjai", "--opd", "Badan", "--tahun", "2024")[0] == 0
    return f


def test_eval_rows_and_computed_columns(doc, capsys):
    assert run(capsys, "eval-add", doc, "Program Penunjang Urusan Pemerintahan Daerah", "--level", "3")[0] == 0
    assert run(capsys, "eval-add", doc, "Perencanaan", "--parent", "#1")[0] == 0
    code, out, err = run(capsys, "eval-add", doc, "Penyediaan Gaji dan Tunjangan ASN", "--parent", "#2",
                         "--level", "5", *sets("satuan=thn", "k_5=5", "rp_5=25.540.525.895", "k_6=1",
                         "rp_6=5.516.437.124", "k_7=1", "rp_7=4.126.592.221", "k_12=1", "rp_12=3.924.184.088"))
    assert code == 0, err
    code, out, _ = run(capsys, "eval", doc)
    assert "95,10%" in out and "36,96%" in out and "9.440.621.212" in out
    code, out, _ = run(capsys, "eval", doc, "--json")
    rows = json.loads(out)
    assert rows[0]["ringkasan"] and rows[0]["rp_12"] == 3_924_184_088
    assert rows[2]["rp_14"] == 9_440_621_212
    code, _, err = run(capsys, "eval-set", doc, "#3", "--set", "rp_12=#DIV/0!")
    assert code == 2 and "galat lembar kerja" not in err and "bukan angka" in err
    assert run(capsys, "eval-set", doc, "#3", "--set", "rp_12=4.126.592.221")[0] == 0
    assert "100,00%" in run(capsys, "eval", doc)[1]
    assert run(capsys, "eval-delete", doc, "#2")[0] == 0
    assert len(json.loads(run(capsys, "eval", doc, "--json")[1])) == 1
    code, _, err = run(capsys, "eval-set", doc, "#9", "--set", "rp_7=1")
    assert code == 2 and "tidak ada" in err


def test_lists(doc, capsys):
    code, out, _ = run(capsys, "item", doc, "list", "--table", "2.4")
    assert "NIHIL" in out
    assert run(capsys, "item", doc, "add", "--table", "2.4", *sets("program_kegiatan=Pembinaan Ormas",
               "lokasi=Kota Binjai", "volume=60 orang"))[0] == 0
    assert run(capsys, "item", doc, "add", "--table", "2.2", *sets("indikator=Persentase ormas aktif",
               "target_n=80"))[0] == 0
    code, out, _ = run(capsys, "item", doc, "set", "--table", "2.4", "--index", "1", "--set", "catatan=usulan musrenbang", "--json")
    assert json.loads(out)[0]["catatan"] == "usulan musrenbang"
    code, _, err = run(capsys, "item", doc, "set", "--table", "2.4", "--index", "1", "--set", "warna=biru")
    assert code == 2 and "tidak dikenal" in err
    assert run(capsys, "item", doc, "delete", "--table", "2.4", "--index", "1")[0] == 0
    assert "NIHIL" in run(capsys, "item", doc, "list", "--table", "2.4")[1]
