"""Tabel 2.1, 2.2, 2.3, 2.4 and 3.1 and the all-in-one PDF, read back with pdfplumber."""
from __future__ import annotations

import re

import pytest

from renja_desktop import codes
from renja_desktop.formatting import DASH, format_percent, format_rupiah
from renja_desktop.reports import ReportOptions, build_table, render_pdf
from renja_desktop.sample import build_sample
from renja_desktop.service import RenjaDocument

from report_check import (
    HEADER_LENGKAP_21, check_fonts, check_headers, check_page_numbers, check_paper,
    check_running_header, check_signature, code_pattern, read_pdf,
)
from report_doc import KEPALA, NIP, build_binjai

ROW_31 = r"^(\d|X)( \d\d| XX)?( \d\d)?( \d\.\d\d)?( \d{4})? |^TOTAL "
ROW_23 = r"^([IVXLC]+|[A-Z]{1,2}|\d\d|–) |^TOTAL "
ROW_21 = r"^(\d+(\.\d+)* )|^TOTAL|^Rata-rata"
ROW_LIST = r"^(\d+\.|–) "


@pytest.fixture(scope="module")
def binjai(tmp_path_factory):
    return build_binjai(tmp_path_factory.mktemp("binjai") / "binjai.sqlite")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("sample") / "contoh.sqlite")


def _render(path, tmp_path, tabel, **opts):
    out = tmp_path / f"t{tabel}.pdf"
    doc = RenjaDocument.open(path, readonly=True)
    render_pdf(doc, out, tabel, ReportOptions(**opts))
    return doc, read_pdf(out)


def _common(doc, pages, tabel, paper="F4", numbers=None):
    check_paper(pages, paper)
    check_fonts(pages)
    check_page_numbers(pages)
    check_running_header(pages, doc.running_header())
    check_headers(pages, tabel, numbers)
    assert pages[0].lines[2] == f"Tabel {tabel}"


def _all_lines(pages):
    return [ln for p in pages for ln in p.lines]


@pytest.mark.parametrize("which", ["binjai", "sample"])
def test_tabel_31(which, request, tmp_path):
    doc, pages = _render(request.getfixturevalue(which), tmp_path, "3.1")
    with doc:
        _common(doc, pages, "3.1")
        check_signature(pages, doc.info["kepala_nama"], doc.info["kepala_nip"], ROW_31)
        lines = _all_lines(pages)
        for node in doc.plan.walk():
            pattern = code_pattern(node.kode) + " "
            printed = [ln for ln in lines if ln.startswith(pattern)]
            assert printed, node.kode
            pagu = format_rupiah(doc.plan.pagu(node.id))
            pagu_n1 = format_rupiah(doc.plan.pagu_n1(node.id))
            assert any(f" {pagu} " in ln + " " and f" {pagu_n1}" in ln for ln in printed), \
                (node.kode, pagu, pagu_n1, printed)
        t = doc.plan.totals
        assert f"TOTAL {format_rupiah(t[0])} {format_rupiah(t[1])}" in lines
        header = " ".join(pages[0].lines[:20])
        year = doc.info["tahun"]
        assert f"Rencana Tahun {year}" in header and f"Prakiraan Maju Rencana" in header
        assert f"Tahun {year + 1}" in header


def test_tabel_31_indicators_and_funding(binjai, tmp_path):
    doc, pages = _render(binjai, tmp_path, "3.1")
    with doc:
        # the cells as built: two indicators numbered, two funding sources with their amounts
        spec = build_table(doc, "3.1", ReportOptions())
        row = next(r for r in spec.rows if r.kode == "8.01.01.2.02.0001")
        cells = {spec.columns[i].key: c for i, c in enumerate(row.cells)}
        assert cells["indikator"].value == ("1. Jumlah Orang yang menerima Gaji dan Tunjangan ASN\n"
                                            "2. Jumlah bulan gaji dan tunjangan yang dibayarkan")
        assert cells["target"].value == "1. 40 Orang\n2. 14 Bulan"
        assert cells["target_n1"].value == "1. 42 Orang\n2. 14 Bulan"
        assert cells["catatan"].value == "Termasuk gaji ke-13 dan ke-14"
        row = next(r for r in spec.rows if r.kode == "8.01.02.2.01.0003")
        sumber = row.cells[spec.column_index("sumber_dana")].value  # one cell per column here
        assert "Pendapatan Asli Daerah (PAD) (Rp 53.000.000)" in sumber
        # and they are printed (columns interleave in extracted lines: look for the fragments)
        text = " ".join(_all_lines(pages)).replace("\u00a0", " ")
        for fragment in ("1. Jumlah Orang yang menerima", "2. Jumlah bulan gaji", "1. 40 Orang",
                         "2. 14 Bulan", "1. 42 Orang", "(PAD)", "(Rp 53.000.000)", "Termasuk"):
            assert fragment in text, fragment


@pytest.mark.parametrize("which", ["binjai", "sample"])
def test_tabel_23(which, request, tmp_path):
    doc, pages = _render(request.getfixturevalue(which), tmp_path, "2.3")
    with doc:
        _common(doc, pages, "2.3")
        check_signature(pages, doc.info["kepala_nama"], doc.info["kepala_nip"], ROW_23)
        lines = _all_lines(pages)
        text = " ".join(lines)
        for node in doc.plan.walk():
            if node.level < codes.PROGRAM:
                continue
            assert f"{node.kode} " in text, node.kode
            assert format_rupiah(doc.plan.pagu(node.id)) in text
        t = doc.plan.totals
        total = next(ln for ln in lines if ln.startswith("TOTAL "))
        assert total.startswith(f"TOTAL {format_rupiah(t[2])} {format_rupiah(t[0])}")
        diff = t[0] - t[2]
        if diff:
            assert f"Pagu {'bertambah' if diff > 0 else 'berkurang'}" in total
        # numbering as typed: programs I, II...; kegiatan A, B...; sub kegiatan 01, 02...
        assert any(ln.startswith("I ") for ln in lines)
        assert any(ln.startswith("A ") for ln in lines)
        assert any(ln.startswith("01 ") for ln in lines)


def test_tabel_23_differences(binjai, tmp_path):
    doc, pages = _render(binjai, tmp_path, "2.3")
    with doc:
        # 8.01.02.2.01.0007 is not in the RKPD draft; 8.01.01.2.02.0004 went down by 5.000.000
        spec = build_table(doc, "2.3", ReportOptions())
        notes = {r.kode: r.cells[-1].value for r in spec.rows}
        assert notes["8.01.02.2.01.0007"] == "Tidak ada dalam Rancangan Awal RKPD"
        assert notes["8.01.01.2.02.0004"] == "Pagu berkurang 5.000.000"
        row = next(r for r in spec.rows if r.kode == "8.01.02.2.01.0007")
        assert row.cells[5].value is None  # no RKPD pagu: an empty cell, not 0
        text = " ".join(_all_lines(pages))
        assert "Tidak ada dalam" in text and "Pagu berkurang" in text and "5.000.000" in text


@pytest.mark.parametrize("which", ["binjai", "sample"])
def test_tabel_21(which, request, tmp_path):
    doc, pages = _render(request.getfixturevalue(which), tmp_path, "2.1")
    with doc:
        _common(doc, pages, "2.1")
        check_signature(pages, doc.info["kepala_nama"], doc.info["kepala_nip"], ROW_21)
        lines = _all_lines(pages)
        total = doc.evaluation.values_of(None)
        total_line = next(ln for ln in lines if ln.startswith("TOTAL"))
        expected = [format_rupiah(total.rp_5), format_rupiah(total.rp_6), format_rupiah(total.rp_7),
                    format_rupiah(total.rp_12), format_percent(total.k_13), format_percent(total.rp_13),
                    format_rupiah(total.rp_14), format_percent(total.k_15), format_percent(total.rp_15)]
        assert total_line.endswith(" ".join(expected)), (total_line, expected)
        # every program has its "rata-rata capaian kinerja" row with the computed rates
        text = " ".join(lines)
        for node in doc.evaluation.walk():
            if node.level == codes.PROGRAM:
                ev = doc.evaluation.values_of(node.id)
                assert f"{format_percent(ev.k_13)} {format_percent(ev.rp_13)}" in text
            if node.level == codes.SUB_KEGIATAN:
                ev = doc.evaluation.values_of(node.id)
                if ev.rp_12 is not None:
                    assert format_rupiah(ev.rp_12) in text
        assert "#DIV/0!" not in text


def test_tabel_21_dash_and_units(binjai, tmp_path):
    doc, pages = _render(binjai, tmp_path, "2.1")
    with doc:
        lines = _all_lines(pages)
        # 8.01.01.2.01.0001: target Rp 0 in column 7 -> rate 13 Rp undefined -> en dash
        row = next(ln for ln in lines if ln.startswith("8.01.01.2.01.0001 "))
        assert f"100,00% {DASH}" in row
        assert "5 Dokumen 41.121.973" in row
        # a % indicator prints its K with %
        row = next(ln for ln in lines if ln.startswith("8.01.02.2.01.0001 "))
        assert "100% " in row
        assert any(ln.startswith("Kode ") or ln == "Kode" for ln in pages[0].lines)


def test_tabel_21_lengkap(binjai, tmp_path):
    with RenjaDocument.open(binjai, readonly=True) as doc:
        out = tmp_path / "lengkap.pdf"
        render_pdf(doc, out, "2.1", ReportOptions(tabel21_lengkap=True))
        pages = read_pdf(out)
        check_headers(pages, "2.1", HEADER_LENGKAP_21)
        assert "Triwulan" in pages[0].text
        spec = build_table(doc, "2.1", ReportOptions(tabel21_lengkap=True))
        assert [c.key for c in spec.columns][-1] == "keterangan"


@pytest.mark.parametrize("which", ["binjai", "sample"])
def test_tabel_22(which, request, tmp_path):
    doc, pages = _render(request.getfixturevalue(which), tmp_path, "2.2")
    with doc:
        _common(doc, pages, "2.2")
        check_signature(pages, doc.info["kepala_nama"], doc.info["kepala_nip"], ROW_LIST)
        text = " ".join(_all_lines(pages))
        for item in doc.pelayanan:
            assert item["indikator"].split()[0] in text
        n = doc.info["tahun"]
        assert f"Tahun {n - 3}" in pages[0].text and f"Tahun {n + 1}" in pages[0].text


def test_tabel_24_nihil_and_filled(binjai, tmp_path):
    doc, pages = _render(binjai, tmp_path, "2.4")
    with doc:
        _common(doc, pages, "2.4")
        rows = [ln for ln in _all_lines(pages) if re.match(ROW_LIST, ln)]
        assert rows == ["– NIHIL Kota Binjai – – –"]
        check_signature(pages, KEPALA, NIP, ROW_LIST)
    filled = build_binjai(tmp_path / "usulan.sqlite", usulan=True)
    doc, pages = _render(filled, tmp_path, "2.4")
    with doc:
        text = " ".join(_all_lines(pages))
        assert "NIHIL" not in text
        assert "1. Pelatihan wawasan kebangsaan" in text and "120 orang" in text


def test_all_tables_one_pdf(binjai, tmp_path):
    out = tmp_path / "semua.pdf"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        result = render_pdf(doc, out, "all", ReportOptions(cover=True, paper="Legal"))
        pages = read_pdf(out)
        assert result.tables == ["2.1", "2.2", "2.3", "2.4", "3.1", "4.1"]
        check_paper(pages, "Legal")
        check_fonts(pages)
        check_page_numbers(pages, cover=True)
        check_running_header(pages, doc.running_header(), cover=True)
        assert "LAMPIRAN" in pages[0].text and "TAHUN 2024" in pages[0].text
        # the tables in order, each starting on its own page, each page carrying its header
        starts = [p.lines[2] for p in pages[1:] if p.lines[2].startswith("Tabel ")]
        assert starts == [f"Tabel {t}" for t in result.tables]
        current = None
        for p in pages[1:]:
            if p.lines[2].startswith("Tabel "):
                current = p.lines[2].split()[1]
            check_headers([p], current)
        # one signature for the whole bundle, after Tabel 4.1
        check_signature(pages[1:], KEPALA, NIP, ROW_31)


def test_empty_document_prints(tmp_path):
    path = tmp_path / "kosong.sqlite"
    doc = RenjaDocument.create(path, tahun=2025, pemda="Kabupaten Langkat", opd="Dinas Uji")
    with doc:
        out = tmp_path / "kosong.pdf"
        render_pdf(doc, out, "all")
        pages = read_pdf(out)
        check_page_numbers(pages)
        lines = _all_lines(pages)
        assert "TOTAL 0" in lines
        # no name and NIP yet: a blank signing form, still after the table
        assert "(.........................................)" in pages[-1].text
        assert "Kepala Dinas Uji Kabupaten Langkat" in pages[-1].text
