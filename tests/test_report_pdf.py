"""Tabel 4.1 (and the PDF engine) read back with pdfplumber: every printing rule of docs/domain.md ("Printing")."""
from __future__ import annotations

import re

import pytest

from renja_desktop.cli import main
from renja_desktop.formatting import format_rupiah
from renja_desktop.reports import RenderCancelled, ReportError, ReportOptions, render_pdf
from renja_desktop.service import RenjaDocument
from renja_desktop.synthetic import build_city_document

from report_check import (
    check_fonts, check_headers, check_page_numbers, check_paper, check_running_header,
    check_signature, code_pattern, read_pdf,
)
from report_doc import KEPALA, NIP, PLAN, build_binjai

ROW_41 = r"^(\d|X)( \d\d| XX)?( \d\d)?( \d\.\d\d)?( \d{4})? |^TOTAL "


@pytest.fixture(scope="module")
def binjai(tmp_path_factory):
    return build_binjai(tmp_path_factory.mktemp("binjai") / "binjai.sqlite")


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """A multi-page document: 250 sub kegiatan, with a NIP and a signing place."""
    path = build_city_document(tmp_path_factory.mktemp("city") / "city.sqlite", rows=250)
    with RenjaDocument.open(path) as doc:
        doc.set_document(kepala_nip=NIP, kepala_nama="H. Ahmad Syahputra, S.Sos., M.Si.",
                         tempat="Kota Contoh", tanggal="12 Juni 2023")
    return path


def _check_41(doc, pdf_path, paper="F4", thousands=False):
    pages = read_pdf(pdf_path)
    check_paper(pages, paper)
    check_fonts(pages)
    check_page_numbers(pages)
    check_running_header(pages, doc.running_header())
    check_headers(pages, "4.1")
    assert pages[0].lines[2] == "Tabel 4.1"
    # every row's code and pagu, on one printed line
    lines = [ln for p in pages for ln in p.lines]
    by_code = {}
    for ln in lines:
        m = re.match(ROW_41, ln)
        if m:
            by_code.setdefault(m.group(0).strip(), []).append(ln)
    for node in doc.plan.walk():
        printed = by_code.get(code_pattern(node.kode))
        assert printed, f"kode {node.kode} tidak tercetak"
        pagu = format_rupiah(doc.plan.pagu(node.id), thousands=thousands)
        assert any(f" {pagu}" in ln for ln in printed), (node.kode, pagu, printed)
    # the TOTAL row equals the computed total
    total_lines = [ln for ln in lines if ln.startswith("TOTAL ")]
    assert len(total_lines) == 1
    expected = format_rupiah(doc.plan.totals[0], thousands=thousands)
    assert total_lines[0] == f"TOTAL {expected}"
    return pages


def test_tabel_41_binjai(binjai, tmp_path):
    out = tmp_path / "t41.pdf"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        result = render_pdf(doc, out, "4.1")
        pages = _check_41(doc, out)
        assert result.pages == len(pages)
        # the seed's total, computed from the sub kegiatan only
        assert doc.plan.totals[0] == sum(e[2] for e in PLAN if len(e) == 7) == 40_145_568_718
        assert "TOTAL 40.145.568.718" in pages[-1].lines
        check_signature(pages, KEPALA, NIP, ROW_41)
        assert "Binjai, Juni 2023" in pages[-1].text
        assert "Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai" in pages[-1].text
        assert "Pembina Utama Muda" in pages[-1].text
        # the long names wrap inside their cell instead of being cut
        text = " ".join(" ".join(p.lines) for p in pages)
        assert "Pemantauan Situasi Politik di Daerah." not in text  # (name has no final dot)
        assert "Situasi Politik di Daerah" in text
        # title with the agency and year
        assert "Rencana Kerja dan Pendanaan Badan Kesatuan Bangsa dan Politik Kota Binjai Tahun 2024" \
            in pages[0].text.replace("\n", " ")


@pytest.mark.parametrize("paper", ["F4", "A4", "Legal"])
def test_tabel_41_many_pages(city, tmp_path, paper):
    out = tmp_path / f"t41_{paper}.pdf"
    with RenjaDocument.open(city, readonly=True) as doc:
        render_pdf(doc, out, "4.1", ReportOptions(paper=paper))
        pages = _check_41(doc, out, paper)
        assert len(pages) > 5
        check_signature(pages, "H. Ahmad Syahputra, S.Sos., M.Si.", NIP, ROW_41)
        # no heading (urusan ... kegiatan) is left alone at the foot of a page
        for page in pages[:-1]:
            last = [ln for ln in page.lines if re.match(ROW_41, ln)][-1]
            segments = re.match(ROW_41, last).group(0).split()
            assert len(segments) == 5, f"baris judul tertinggal di kaki halaman {page.number}: {last}"


def test_thousands(binjai, tmp_path):
    out = tmp_path / "ribuan.pdf"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        render_pdf(doc, out, "4.1", ReportOptions(thousands=True))
        pages = _check_41(doc, out, thousands=True)
    assert "(Rp.000)" in pages[0].text
    assert "TOTAL 40.145.569" in pages[-1].lines


def test_row_taller_than_a_page_splits(tmp_path):
    """A name longer than a page neither fails (LayoutError) nor gets cut: it continues."""
    path = tmp_path / "panjang.sqlite"
    words = [f"kata{i:04d}" for i in range(2500)]
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Uji",
                               kepala_nama="Nama Kepala", kepala_nip=NIP)
    with doc:
        u = doc.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
        b = doc.add_plan_row(u, "8.01", "KESATUAN BANGSA DAN POLITIK")
        p = doc.add_plan_row(b, "8.01.01", "PROGRAM PENUNJANG")
        k = doc.add_plan_row(p, "8.01.01.2.01", "Kegiatan uji")
        doc.add_plan_row(k, "8.01.01.2.01.0001", " ".join(words), pagu=1_000_000)
        doc.add_plan_row(k, "8.01.01.2.01.0002", "Sub kegiatan pendek", pagu=2_000_000)
        out = tmp_path / "panjang.pdf"
        render_pdf(doc, out, "4.1", ReportOptions(paper="A4"))
        pages = read_pdf(out)
        check_page_numbers(pages)
        check_headers(pages, "4.1")
        text = " ".join(" ".join(p.lines) for p in pages)
        found = re.findall(r"kata\d{4}", text)
        assert found == words  # every word, once, in order
        assert len(pages) >= 3
        assert "TOTAL 3.000.000" in pages[-1].lines
        check_signature(pages, "Nama Kepala", NIP, ROW_41)


def test_signature_never_alone(tmp_path):
    """Whatever the number of rows, the signature shares its page with table rows."""
    path = tmp_path / "tt.sqlite"
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Uji",
                               kepala_nama="Nama Kepala", kepala_pangkat="Pembina", kepala_nip=NIP)
    pushed = 0
    with doc:
        u = doc.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
        b = doc.add_plan_row(u, "8.01", "KESATUAN BANGSA DAN POLITIK")
        p = doc.add_plan_row(b, "8.01.01", "PROGRAM PENUNJANG")
        k = doc.add_plan_row(p, "8.01.01.2.01", "Kegiatan uji")
        for i in range(1, 10):
            doc.add_plan_row(k, f"8.01.01.2.01.{i:04d}", f"Sub kegiatan uji nomor {i}", pagu=i * 1000)
        for i in range(10, 40):
            doc.add_plan_row(k, f"8.01.01.2.01.{i:04d}", f"Sub kegiatan uji nomor {i}", pagu=i * 1000)
            out = tmp_path / f"tt{i}.pdf"
            render_pdf(doc, out, "4.1", ReportOptions(paper="A4", margin_top=40))
            pages = read_pdf(out)
            check_signature(pages, "Nama Kepala", NIP, ROW_41)
            check_page_numbers(pages)
            if len(pages) > 1:
                rows_last = [ln for ln in pages[-1].lines if re.match(ROW_41, ln)]
                if len(rows_last) <= 2:
                    pushed += 1
    assert pushed, "kasus tepi (baris terakhir dipindah bersama tanda tangan) tidak teruji"


def test_cancel_keeps_old_file(binjai, tmp_path):
    out = tmp_path / "lama.pdf"
    out.write_bytes(b"isi lama")
    calls = []

    def progress(fraction, message):
        calls.append(fraction)
        return len(calls) < 3

    with RenjaDocument.open(binjai, readonly=True) as doc:
        with pytest.raises(RenderCancelled):
            render_pdf(doc, out, "all", progress=progress)
    assert out.read_bytes() == b"isi lama"
    assert list(tmp_path.iterdir()) == [out]


def test_progress_reaches_one(binjai, tmp_path):
    seen = []
    with RenjaDocument.open(binjai, readonly=True) as doc:
        render_pdf(doc, tmp_path / "p.pdf", "all", progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


def test_bad_options(binjai, tmp_path):
    with RenjaDocument.open(binjai, readonly=True) as doc:
        with pytest.raises(ReportError, match="kertas"):
            render_pdf(doc, tmp_path / "x.pdf", "4.1", ReportOptions(paper="B5"))
        with pytest.raises(ReportError, match="5.1"):
            render_pdf(doc, tmp_path / "x.pdf", "5.1")
        with pytest.raises(ReportError, match="margin"):
            render_pdf(doc, tmp_path / "x.pdf", "4.1", ReportOptions(margin_left=80))
        with pytest.raises(ReportError, match="huruf"):
            render_pdf(doc, tmp_path / "x.pdf", "4.1", ReportOptions(font_size=30))
    assert not (tmp_path / "x.pdf").exists()


def test_cli_report(binjai, tmp_path, capsys):
    out = tmp_path / "cli.pdf"
    assert main(["report", str(binjai), "--table", "4.1", "-o", str(out), "--paper", "A4"]) == 0
    assert "PDF ditulis" in capsys.readouterr().out
    pages = read_pdf(out)
    check_paper(pages, "A4")
    assert main(["report", str(binjai), "-t", "all", "-o", str(tmp_path / "semua.pdf"), "--cover",
                 "--thousands"]) == 0
    pages = read_pdf(tmp_path / "semua.pdf")
    assert "LAMPIRAN" in pages[0].text
    check_page_numbers(pages, cover=True)
    # errors: one Indonesian line, exit status 2, nothing written
    assert main(["report", str(binjai), "-o", str(tmp_path / "nope" / "x.pdf")]) == 2
    assert "tidak ada" in capsys.readouterr().err
    assert main(["report", str(binjai), "-o", str(tmp_path / "x.txt")]) == 2
    assert ".pdf" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["report", str(binjai), "-t", "9.9", "-o", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2
    assert main(["report", str(tmp_path / "tidakada.sqlite"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_money_text_is_format_rupiah():
    from renja_desktop.reports.tables import MONEY, Cell, format_cell

    for value in (0, 7, 999, 1000, 1_000_000, 40_145_568_718, 10**15 + 123, 2**62):
        assert format_cell(Cell(value, MONEY)) == format_rupiah(value)
        assert format_cell(Cell(value, MONEY), thousands=True) == format_rupiah(value, thousands=True)
    assert format_cell(Cell(None, MONEY)) == ""


def test_short_page_signature_fits(binjai, tmp_path):
    """Big top and bottom margins: the signature's blank space shrinks, it still shares a page."""
    out = tmp_path / "pendek.pdf"
    with RenjaDocument.open(binjai, readonly=True) as doc:
        render_pdf(doc, out, "4.1", ReportOptions(margin_top=60, margin_bottom=60))
    pages = read_pdf(out)
    check_page_numbers(pages)
    check_signature(pages, KEPALA, NIP, ROW_41)


def test_too_wide_for_a4_says_what_to_do(binjai, tmp_path):
    with RenjaDocument.open(binjai, readonly=True) as doc:
        with pytest.raises(ReportError, match="Legal.*ribuan"):
            render_pdf(doc, tmp_path / "x.pdf", "2.1", ReportOptions(paper="A4", tabel21_lengkap=True))
        # in thousands it fits
        render_pdf(doc, tmp_path / "y.pdf", "2.1",
                   ReportOptions(paper="A4", tabel21_lengkap=True, thousands=True))
    pages = read_pdf(tmp_path / "y.pdf")
    check_paper(pages, "A4")
    check_page_numbers(pages)
