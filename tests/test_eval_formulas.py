"""Tabel 2.1 columns 12-15 with the rules of docs/domain.md, on rows of the seed's evaluation table."""
from decimal import Decimal

import pytest

from renja_desktop.compute import eval_leaf_values, is_additive
from renja_desktop.formatting import format_percent, format_rupiah
from renja_desktop.service import EditError, RenjaDocument


@pytest.fixture
def doc(tmp_path):
    d = RenjaDocument.create(tmp_path / "eval.sqlite", tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol")
    yield d
    d.close()


def build_program(doc):
    u = doc.add_eval_row(None, "8", "UNSUR PEMERINTAHAN UMUM", level=1)
    b = doc.add_eval_row(u, "8.01", "KESATUAN BANGSA DAN POLITIK")
    p = doc.add_eval_row(b, "8.01.01", "Program Penunjang Urusan Pemerintahan Daerah")
    k = doc.add_eval_row(p, "8.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah")
    # seed rows (Tabel 2.1): K5, Rp5, K6, Rp6, K7, Rp7, K12, Rp12 as printed
    a = doc.add_eval_row(k, "8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                         satuan="Dok", k_5="5", rp_5="41.121.973", k_6="1", rp_6="7.499.900",
                         k_7="1", rp_7="0", k_12="1", rp_12="0")
    g = doc.add_eval_row(k, "8.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
                         satuan="thn", k_5="5", rp_5="25.540.525.895", k_6="1", rp_6="5.516.437.124",
                         k_7="1", rp_7="4.126.592.221", k_12="1", rp_12="3.924.184.088")
    return p, a, g


def test_leaf_columns_match_the_seed(doc):
    p, a, g = build_program(doc)
    va = doc.evaluation.values_of(a)
    assert va.k_13 == 100 and va.rp_13 is None          # Rp 7 is 0: rate undefined, printed as a dash
    assert format_percent(va.rp_13) == "\u2013"
    assert va.k_14 == 2 and va.rp_14 == 7_499_900       # 14 = 6 + 12
    assert va.k_15 == 40 and format_percent(va.rp_15) == "18,24%"   # 15 = 14 / 5 x 100
    vg = doc.evaluation.values_of(g)
    assert format_percent(vg.rp_13) == "95,10%"          # the seed prints 95,10 %
    assert vg.rp_14 == 9_440_621_212 and format_percent(vg.rp_15) == "36,96%"


def test_program_summary_ratio_of_sums_and_mean_of_rates(doc):
    p, a, g = build_program(doc)
    vp = doc.evaluation.values_of(p)
    assert vp.is_summary
    assert vp.rp_7 == 4_126_592_221 and vp.rp_12 == 3_924_184_088
    assert vp.rp_13 == Decimal(3_924_184_088) * 100 / Decimal(4_126_592_221)
    assert vp.k_13 == 100 and vp.k_13_rows == 2
    assert vp.rp_14 == 7_499_900 + 9_440_621_212
    # a row without a target is left out of the K mean, and counted out
    k = doc.evaluation.nodes[a].parent.id
    n = doc.add_eval_row(k, "8.01.01.2.01.0002", "Tanpa target", satuan="Dok", k_12="3")
    vp = doc.evaluation.values_of(p)
    assert vp.k_13_rows == 2 and vp.k_13 == 100
    doc.set_eval(n, k_7="6")
    vp = doc.evaluation.values_of(p)
    assert vp.k_13_rows == 3 and vp.k_13 == (Decimal(100) + 100 + 50) / 3


def test_quarters_add_up_for_counts(doc):
    leaf = doc.add_eval_row(None, "", "Baris", level=5, satuan="Laporan", k_6="2", k_7="4", rp_7="1.000.000",
                            k_8="1", k_9="1", k_10="1", k_11="0", rp_8="100.000", rp_9="200.000", rp_10="300.000")
    v = doc.evaluation.values_of(leaf)
    assert v.k_12 == 3 and v.rp_12 == 600_000
    assert v.k_13 == 75 and format_percent(v.rp_13) == "60,00%"
    assert v.k_14 == 5


def test_non_additive_satuan_uses_entered_12_and_14(doc):
    assert not is_additive("%") and not is_additive("Persen") and not is_additive("Indeks")
    assert is_additive("Dokumen") and is_additive("orang")
    leaf = doc.add_eval_row(None, "", "Persentase", level=5, satuan="%", k_5="100", k_6="80", k_7="90",
                            k_8="85", k_9="88", k_12="88", k_14="88")
    v = doc.evaluation.values_of(leaf)
    assert v.k_12 == 88            # not 85 + 88
    assert v.k_14 == 88            # not 80 + 88
    assert format_percent(v.k_13) == "97,78%" and v.k_15 == 88


def test_zero_and_missing_denominators_never_divide(doc):
    leaf = doc.add_eval_row(None, "", "Kosong", level=5, satuan="Dok", k_12="1", rp_12="5")
    v = doc.evaluation.values_of(leaf)
    assert v.k_13 is None and v.rp_13 is None and v.k_15 is None and v.rp_15 is None
    assert doc.evaluation.values_of(None).rp_13 is None


def test_bad_eval_input_refused(doc):
    leaf = doc.add_eval_row(None, "", "Baris", level=5, satuan="Dok", rp_7="1.000")
    for field, value in [("rp_7", "#DIV/0!"), ("rp_7", "40.145568.718"), ("k_7", "abc"), ("k_7", "-1")]:
        with pytest.raises(EditError):
            doc.set_eval(leaf, **{field: value})
    assert doc.evaluation.nodes[leaf].values["rp_7"] == 1000
    parent = doc.add_eval_row(None, "8", "Urusan", level=1)
    with pytest.raises(EditError):
        doc.set_eval(parent, rp_7="5")


def test_leaf_values_function_directly():
    v = eval_leaf_values({"satuan": "Dok", "rp_5": 0, "rp_6": None, "rp_12": None})
    assert v.rp_14 is None and v.rp_15 is None
    assert format_rupiah(None) == ""
