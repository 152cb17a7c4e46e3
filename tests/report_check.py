"""Checks shared by the report tests: read a generated PDF back and verify the printing rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from renja_desktop.formatting import format_nip
from renja_desktop.reports import PAPERS_MM

MM = 72 / 25.4

#: a distinctive header phrase and the column-number row of each table, as extracted
HEADER = {
    "4.1": ("Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "1 2 3 4"),
    "3.1": ("Outcome/Keluaran", "1 2 3 4 5 6 7 8 9 10 11 12"),
    "2.3": ("Hasil Analisis Kebutuhan", " ".join(f"({i})" for i in range(1, 13))),
    "2.4": ("Program/Kegiatan", " ".join(f"({i})" for i in range(1, 7))),
    "2.2": ("Catatan Analisis", " ".join(f"({i})" for i in range(1, 14))),
    "2.1": ("Sasaran", "1 2 3 4 5 6 7 12 13=12/7x100 14=6+12 15=14/5x100 16"),
}
HEADER_LENGKAP_21 = "1 2 3 4 5 6 7 8 9 10 11 12=8+9+10+11 13=12/7x100 14=6+12 15=14/5x100 16 17"


@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    text: str
    lines: list[str]
    fonts: set[str]


def read_pdf(path: str | Path) -> list[PdfPage]:
    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for i, p in enumerate(pdf.pages, start=1):
            # header cells are centred vertically: a tight tolerance keeps their lines apart
            text = p.extract_text(y_tolerance=1) or ""
            fonts = {c["fontname"] for c in p.chars}
            pages.append(PdfPage(i, float(p.width), float(p.height), text,
                                 [ln.strip() for ln in text.splitlines()], fonts))
    return pages


def check_paper(pages: list[PdfPage], paper: str) -> None:
    short, long = PAPERS_MM[paper]
    for p in pages:
        assert p.width > p.height, f"halaman {p.number} tidak melintang"
        assert abs(p.width - long * MM) < 1.0, (p.number, p.width, long * MM)
        assert abs(p.height - short * MM) < 1.0, (p.number, p.height, short * MM)


def check_fonts(pages: list[PdfPage]) -> None:
    for p in pages:
        for f in p.fonts:
            assert "LiberationSans" in f, f"halaman {p.number} memakai huruf {f}"


def check_page_numbers(pages: list[PdfPage], cover: bool = False) -> None:
    numbered = pages[1:] if cover else pages
    total = len(numbered)
    for i, p in enumerate(numbered, start=1):
        found = re.findall(r"Halaman (\d+) dari (\d+)", p.text)
        assert found == [(str(i), str(total))], (p.number, found)
        # right-aligned at the bottom: the last line of the page ends with it
        assert p.lines[-1].endswith(f"Halaman {i} dari {total}"), p.lines[-1]
    if cover:
        assert "Halaman" not in pages[0].text


def check_running_header(pages: list[PdfPage], running: tuple[str, str], cover: bool = False) -> None:
    for p in (pages[1:] if cover else pages):
        assert p.lines[0] == running[0], (p.number, p.lines[:2])
        assert p.lines[1] == running[1], (p.number, p.lines[:2])


def check_headers(pages: list[PdfPage], tabel: str, numbers: str | None = None) -> None:
    phrase, default_numbers = HEADER[tabel]
    numbers = numbers or default_numbers
    for p in pages:
        assert phrase in p.text.replace("\n", " "), f"judul kolom hilang di halaman {p.number}"
        assert numbers in p.lines, f"baris nomor kolom hilang di halaman {p.number}: {p.lines[:12]}"


def check_signature(pages: list[PdfPage], nama: str, nip: str, row_pattern: str) -> None:
    """Name and NIP exactly once, on the last page, with at least one table row on that page."""
    nip_text = "NIP. " + format_nip(nip)
    name_count = sum(p.text.count(nama) for p in pages)
    nip_count = sum(p.text.count(nip_text) for p in pages)
    assert name_count == 1, f"nama penanda tangan muncul {name_count} kali"
    assert nip_count == 1, f"NIP muncul {nip_count} kali"
    last = pages[-1]
    assert nama in last.text and nip_text in last.text
    assert any(re.match(row_pattern, ln) for ln in last.lines), \
        "blok tanda tangan sendirian di halaman terakhir"
    # the signature comes after the table: the name's line is below every table row
    row_lines = [i for i, ln in enumerate(last.lines) if re.match(row_pattern, ln)]
    name_line = next(i for i, ln in enumerate(last.lines) if nama in ln)
    assert max(row_lines) < name_line


def code_pattern(kode: str) -> str:
    """How a plan code prints in Tabel 3.1/4.1's five code columns: ``8 01 01 2.01 0001``."""
    seg = kode.split(".")
    parts = seg[:3]
    if len(seg) >= 5:
        parts.append(f"{seg[3]}.{seg[4]}")
    if len(seg) == 6:
        parts.append(seg[5])
    return " ".join(parts)
