"""The command line as a new user meets it: Indonesian help and errors, fields listed, negative
amounts, codes that are read differently than typed."""
from __future__ import annotations

import pytest

from renja_desktop import codes
from renja_desktop.cli import main

from gui_support import build_small_document


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "binjai.sqlite"
    build_small_document(path).close()
    return path


def test_help_is_indonesian(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["add", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "penggunaan: renja-desktop add" in out and "argumen posisi" in out and "pilihan:" in out
    assert "menampilkan bantuan ini lalu keluar" in out
    for english in ("usage:", "positional arguments", "show this help", "options:"):
        assert english not in out


@pytest.mark.parametrize("argv, says", [
    (["add"], "argumen berikut wajib diisi: FILE, CODE, NAME"),
    (["report", "x.sqlite", "--table", "9", "-o", "x.pdf"], "pilihan '9' tidak sah"),
    (["new", "x.sqlite", "--pemda", "Kota Binjai", "--opd", "Dinas", "--tahun"], "memerlukan satu nilai"),
    (["tidakada"], "pilihan 'tidakada' tidak sah"),
])
def test_usage_errors_are_one_indonesian_line(capsys, argv, says):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("galat: ") and says in lines[0], err
    assert "--help" in lines[0]
    assert "the following" not in err and "usage" not in err and "invalid choice" not in err


def test_item_help_lists_the_fields(capsys):
    with pytest.raises(SystemExit):
        main(["item", "--help"])
    out = capsys.readouterr().out
    for field in ("indikator", "spm", "target_n3", "realisasi_n2", "proyeksi_n_plus1", "program_kegiatan",
                  "volume"):
        assert f"    {field} " in out, field
    assert "target Renstra tahun n-3" in out


@pytest.mark.parametrize("argv", [
    ["set", "{doc}", "8.01.01.2.01.0001", "pagu", "-1.500.000"],
    ["set", "{doc}", "8.01.01.2.01.0001", "pagu", "-1500000"],
    ["add", "{doc}", "8.01.01.2.01.0009", "Uji", "--pagu", "-1.500.000"],
    ["add", "{doc}", "8.01.01.2.01.0009", "Uji", "--pagu", "-1500000"],
])
def test_a_negative_amount_is_a_value_and_is_refused_clearly(capsys, doc, argv):
    argv = [a.replace("{doc}", str(doc)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("galat: ") and "tidak boleh negatif" in err and "pagu" in err, err


def test_normalised_code_is_said(capsys, doc):
    assert main(["add", str(doc), "8.1.1.2.1.9", "Uji"]) == 0
    captured = capsys.readouterr()
    assert "catatan: kode '8.1.1.2.1.9' dibaca sebagai 8.01.01.2.01.0009" in captured.err
    assert "8.01.01.2.01.0009" in captured.out
    # a canonical code gets no note
    assert main(["add", str(doc), "8.01.01.2.01.0010", "Uji lagi"]) == 0
    assert "catatan" not in capsys.readouterr().err


def test_code_messages():
    with pytest.raises(codes.CodeError) as exc:
        codes.parse_code("8.01.01.0.01.0001")
    assert "segmen ke-4 '0' harus 1 digit 1-9 (1 provinsi, 2 kabupaten/kota" in str(exc.value)
    # the special-autonomy kegiatan of the SIPD lists (4th segment 3-9) are codes like any other
    assert codes.normalize_code("1.01.02.3.01.0001") == "1.01.02.3.01.0001"
    assert codes.normalization_note("1.2.2.2.2.8") == "kode '1.2.2.2.2.8' dibaca sebagai 1.02.02.2.02.0008"
    assert codes.normalization_note("1.02.02.2.02.0008") is None
    assert codes.normalization_note(" 1.02.02.2.02.0008 ") is None
    assert codes.normalization_note("bukan kode") is None
