"""The whole document as .docx: reopened with python-docx (headings, tables, landscape sections,
page numbers, signature) and converted by LibreOffice headless to a PDF holding every BAB."""
from __future__ import annotations

import shutil
import subprocess

import docx
import pdfplumber
import pytest
from docx.enum.section import WD_ORIENT

from renja_desktop.narrative import store
from renja_desktop.reports.document_docx import render_document_docx
from renja_desktop.reports.document_pdf import DocumentOptions
from renja_desktop.sample import build_sample
from renja_desktop.service import RenjaDocument


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    path = build_sample(folder / "contoh.sqlite")
    with RenjaDocument.open(path, readonly=True) as doc:
        result = render_document_docx(doc, folder / "renja.docx", DocumentOptions(paper="A4", tables_paper="F4"))
        babs = [store.label(n) for n in store.flat(doc) if n.kind == "bab"]
    return result, babs


def test_docx_reopens_with_headings_tables_and_sections(sample_docx):
    result, babs = sample_docx
    d = docx.Document(str(result.path))
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    h2 = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    assert [t.split("\n")[0] for t in h1] == ["BAB I", "BAB II", "BAB III", "BAB IV", "BAB V"]
    assert h1[0] == "BAB I\nPENDAHULUAN"
    assert [t.split("\t")[0] for t in h2] == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5",
                                             "3.1", "3.2", "3.3"]
    assert len(d.tables) >= 6
    captions = [p.text.split("\n")[0] for p in d.paragraphs if p.style.name == "Judul Tabel"]
    assert captions == ["Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Tabel 3.1", "Tabel 4.1"]
    # Tabel 4.1: its header row repeats, the TOTAL is the plan's
    t41 = d.tables[5]
    assert t41.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    assert "40.145.568.718" in [c.text for c in t41.rows[-1].cells]
    landscape = [s for s in d.sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert len(landscape) == 6 and all(s.page_width > s.page_height for s in landscape)
    portrait = [s for s in d.sections if s.orientation == WD_ORIENT.PORTRAIT]
    assert all(round(s.page_width.mm) == 210 for s in portrait)
    xml = d.element.xml
    assert 'w:fmt="lowerRoman"' in xml and 'w:fmt="decimal"' in xml and "TOC \\o" in xml
    footers = "".join(s.footer._element.xml for s in d.sections if not s.footer.is_linked_to_previous)
    assert " PAGE " in footers
    text = "\n".join(p.text for p in d.paragraphs)
    assert text.count("NIP. 19670621 199702 1 002") == 2  # Kata Pengantar and BAB V
    assert len(d.inline_shapes) == 1  # the logo on the cover


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by .ci/run")
def test_docx_converts_with_libreoffice(sample_docx, tmp_path):
    result, babs = sample_docx
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(result.path)], capture_output=True, text=True, timeout=300)
    pdf_path = tmp_path / "renja.pdf"
    assert pdf_path.exists(), proc.stderr
    with pdfplumber.open(str(pdf_path)) as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
        landscape = sum(1 for p in pdf.pages if p.width > p.height)
    whole = " ".join(" ".join(texts).split())
    for bab in babs:
        nomor, title = bab.split(" ", 2)[0:2], bab.split(" ", 2)[2]
        assert " ".join(nomor) in whole
        assert title.upper()[:40] in whole, title
    assert "40.145.568.718" in whole and landscape >= 6
