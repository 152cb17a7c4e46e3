"""The printed tables as a new office user meets them (issue: the office user's frictions).

A Langkat health office: its name already holds the region, a funding split with a Rupiah amount,
a target given as a grade, and outcome texts in a narrow column.
"""
from __future__ import annotations

import re

import pytest

from renja_desktop.formatting import opd_with_pemda
from renja_desktop.reports import ReportOptions
from renja_desktop.reports.pdf import _Metrics, render_pdf
from renja_desktop.reports.tables import build_table
from renja_desktop.reports import fonts
from renja_desktop.service import RenjaDocument

from report_check import read_pdf

OPD = "Dinas Kesehatan Kabupaten Langkat"
PEMDA = "Kabupaten Langkat"


def build_langkat(path):
    doc = RenjaDocument.create(path, tahun=2025, pemda=PEMDA, opd=OPD, opd_singkat="Dinkes",
                               tempat="Stabat", tanggal="Juni 2024", kepala_nama="dr. Contoh")
    with doc.batch():
        u = doc.add_plan_row(None, "1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR")
        b = doc.add_plan_row(u, "1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN")
        p = doc.add_plan_row(b, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN "
                             "MASYARAKAT", outcome="Meningkatnya derajat kesehatan masyarakat Kabupaten Langkat")
        k = doc.add_plan_row(p, "1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan "
                             "Tingkat Daerah Kabupaten/Kota",
                             outcome="Meningkatnya cakupan pelayanan kesehatan rujukan")
        s = doc.add_plan_row(k, "1.02.02.2.02.0008", "Pengelolaan Pelayanan Kesehatan Orang dengan "
                             "Gangguan Jiwa Berat", pagu="5.500.000.000", pagu_n1="5.000.000.000",
                             lokasi="Kabupaten Langkat")
    doc.set_sumber_dana(s, [
        {"nama": "DAK", "jumlah": 4_000_000_000},
        {"nama": "DAU", "jumlah": 1_500_000_000},
    ])
    doc.set_indikator(s, [
        {"teks": "Nilai akreditasi puskesmas", "target": "B", "satuan": "Predikat", "target_n1": "A"},
        {"teks": "Jumlah orang yang mendapatkan pelayanan", "target": "68 Orang", "satuan": "Orang",
         "target_n1": "70"},
    ])
    return doc


@pytest.fixture
def langkat(tmp_path):
    doc = build_langkat(tmp_path / "langkat.sqlite")
    yield doc
    doc.close()


def test_region_said_once():
    assert opd_with_pemda(OPD, PEMDA) == OPD
    assert opd_with_pemda("Badan Kesbangpol", "Kota Binjai") == "Badan Kesbangpol Kota Binjai"
    assert opd_with_pemda("Dinas  Kesehatan kabupaten langkat", "Kabupaten Langkat") == \
        "Dinas Kesehatan kabupaten langkat"
    # a longer region name that merely starts like the agency's words is still added
    assert opd_with_pemda("Dinas Kesehatan Kota Batu", "Kota Batusangkar") == \
        "Dinas Kesehatan Kota Batu Kota Batusangkar"
    assert opd_with_pemda("", PEMDA) == PEMDA and opd_with_pemda(OPD, "") == OPD


def test_running_header_names_the_region_once(langkat):
    langkat.set_document(opd_singkat="")
    assert langkat.running_header()[1] == "DINAS KESEHATAN KABUPATEN LANGKAT"


@pytest.mark.parametrize("nomor", ["4.1", "3.1", "2.1", "2.2"])
def test_titles_do_not_repeat_the_region(langkat, nomor):
    spec = build_table(langkat, nomor, ReportOptions())
    assert "Langkat Kabupaten Langkat" not in spec.judul
    assert OPD in spec.judul


def test_pdf_breaks_only_between_words(langkat, tmp_path):
    out = tmp_path / "t31.pdf"
    render_pdf(langkat, out, ["3.1", "4.1"])
    pages = read_pdf(out)
    text = "\n".join(p.text for p in pages)
    assert "Langkat Kabupaten Langkat" not in text
    words = set(re.findall(r"\w+", text))
    # every word of the outcome texts arrives whole, never cut at a line end
    for word in ("Meningkatnya", "Meningkatny", "derajat", "pelayanan"):
        if word == "Meningkatny":
            assert word not in words
        else:
            assert word in words
    # the currency stays with its amount
    assert re.search(r"\(Rp\s4\.000\.000\.000\)", text), text
    assert not re.search(r"\(Rp\s*\n", text)
    # a grade target prints with its unit; a target already holding its unit prints once
    assert "B Predikat" in text
    assert "68 Orang" in text and "68 Orang Orang" not in text


def test_wrap_rules():
    m = _Metrics(fonts.REGULAR, 7)
    width = m.word("(Rp\u00a04.000.000.000)") + 1
    lines = m.wrap("DAK (Rp 4.000.000.000)", width)
    assert lines == ["DAK", "(Rp\u00a04.000.000.000)"]
    # only a word wider than the whole cell is cut
    assert m.wrap("Meningkatnya cakupan", m.word("Meningkatnya") + 0.5) == ["Meningkatnya", "cakupan"]
    cut = m.wrap("Meningkatnya", m.word("Meningkat"))
    assert len(cut) == 2 and "".join(cut) == "Meningkatnya"
