"""``document``, ``chapter`` and ``import-text`` on the command line, bad input included."""
from __future__ import annotations

import json
import shutil
import zipfile

import docx
import pytest

from renja_desktop.cli import main
from renja_desktop.narrative import store
from renja_desktop.sample import build_sample, sample_dir
from renja_desktop.service import RenjaDocument


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("cli") / "contoh.sqlite")


@pytest.fixture
def work(sample_path, tmp_path):
    path = tmp_path / "renja.sqlite"
    shutil.copy(sample_path, path)
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(path):
    with RenjaDocument.open(path, readonly=True) as d:
        return [(n.id, n.position, n.judul, n.content) for n in store.flat(d)]


def test_document_to_pdf_and_docx(work, tmp_path, capsys):
    code, out, _ = run(capsys, "document", work, "-o", tmp_path / "r.pdf", "--paper", "F4")
    assert code == 0 and "teks F4 tegak" in out and "6 tabel" in out
    code, out, _ = run(capsys, "document", work, "-o", tmp_path / "r.docx")
    assert code == 0 and "Word ditulis" in out and "6 tabel" in out
    assert len(docx.Document(str(tmp_path / "r.docx")).tables) >= 6
    code, _, err = run(capsys, "document", work, "-o", tmp_path / "r.odt")
    assert code == 2 and err.startswith("galat: ") and ".pdf atau .docx" in err


def test_chapter_list_show_set_round_trip(work, tmp_path, capsys):
    code, out, _ = run(capsys, "chapter", work, "list")
    assert code == 0 and "BAB II Evaluasi Pelaksanaan" in out and "[Tabel 2.1]" in out
    code, out, _ = run(capsys, "chapter", work, "list", "--json")
    items = json.loads(out)
    assert [i["nomor"] for i in items if i["jenis"] == "bab"] == ["BAB I", "BAB II", "BAB III", "BAB IV", "BAB V"]
    code, text, _ = run(capsys, "chapter", work, "show", "3.1")
    assert "**Mewujudkan Binjai Yang Lebih Maju, Berbudaya Dan Religius**" in text
    before = snapshot(work)
    f = tmp_path / "isi.txt"
    f.write_text(text, encoding="utf-8")
    assert run(capsys, "chapter", work, "set", "3.1", "--text-file", f)[0] == 0
    assert snapshot(work) == [b if b[0] != after[0] else b for b, after in zip(before, snapshot(work))]
    assert [c for *_, c in snapshot(work)] == [c for *_, c in before]  # the same blocks back
    f.write_text("Disusun oleh {opd} untuk tahun {tahun}.\n\na. satu\n   1. satu.satu\nb. dua\n[Tabel 2.1]\n",
                 encoding="utf-8")
    # Tabel 2.1 is placed in 2.1 already: refused, nothing changed
    code, _, err = run(capsys, "chapter", work, "set", "1.1", "--text-file", f)
    assert code == 2 and "Tabel 2.1 sudah ditempatkan di bagian '2.1" in err
    f.write_text("Disusun oleh {opd} untuk tahun {tahun}.\n\na. satu\n   1. satu.satu\nb. dua\n", encoding="utf-8")
    assert run(capsys, "chapter", work, "set", "1.1", "--text-file", f)[0] == 0
    code, out, _ = run(capsys, "chapter", work, "show", "1.1", "--values")
    assert out.splitlines() == ["Disusun oleh Badan Kesatuan Bangsa dan Politik untuk tahun 2024.", "a. satu",
                                "   1. satu.satu", "b. dua"]


def test_chapter_add_rename_move_delete(work, capsys):
    code, out, _ = run(capsys, "chapter", work, "add", "Gambaran Umum", "--parent", "BAB I", "--position", "2")
    assert code == 0 and "1.2 Gambaran Umum" in out
    assert run(capsys, "chapter", work, "rename", "1.2", "Gambaran Umum {opd_singkat}")[0] == 0
    assert run(capsys, "chapter", work, "move", "1.2", "--parent", "BAB V")[0] == 0
    with RenjaDocument.open(work, readonly=True) as d:
        assert store.find(d, "5.1").judul == "Gambaran Umum {opd_singkat}"
        assert store.find(d, "1.2").judul == "Landasan Hukum"
    assert run(capsys, "chapter", work, "delete", "5.1")[0] == 0
    code, _, err = run(capsys, "chapter", work, "rename", "1.1", "Latar {tidak_ada}")
    assert code == 2 and "{tidak_ada}" in err


def test_chapter_bad_input_changes_nothing(work, tmp_path, capsys):
    before = snapshot(work)
    code, _, err = run(capsys, "chapter", work, "delete", "BAB IV")
    assert code == 2 and err.startswith("galat: ") and "memuat Tabel 4.1" in err
    f = tmp_path / "isi.txt"
    f.write_text("Ditulis oleh {nama_field}.\n", encoding="utf-8")
    code, _, err = run(capsys, "chapter", work, "set", "1.1", "--text-file", f)
    assert code == 2 and "isian {nama_field} tidak dikenal" in err
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"ini bukan gambar")
    code, _, err = run(capsys, "chapter", work, "image", "Sampul", fake)
    assert code == 2 and "bukan gambar PNG atau JPEG" in err
    code, _, err = run(capsys, "chapter", work, "show", "9.9")
    assert code == 2 and "bagian '9.9' tidak ada" in err
    assert snapshot(work) == before
    # a real image goes in
    assert run(capsys, "chapter", work, "image", "BAB V", sample_dir() / "logo.png", "--width-mm", "20")[0] == 0


def test_chapter_plain_turns_generated_text_into_text(work, capsys):
    assert run(capsys, "chapter", work, "plain", "BAB IV")[0] == 0
    code, out, _ = run(capsys, "chapter", work, "show", "BAB IV")
    assert "[teks terhitung" not in out and "**6 program, 11 kegiatan dan 29 sub kegiatan**" in out
    code, _, err = run(capsys, "chapter", work, "plain", "BAB IV")
    assert code == 2 and "tidak memuat teks terhitung" in err


def test_import_text_from_our_own_docx_and_from_text(work, tmp_path, capsys):
    out_docx = tmp_path / "renja.docx"
    assert run(capsys, "document", work, "-o", out_docx)[0] == 0
    target = tmp_path / "baru.sqlite"
    assert run(capsys, "new", target, "--pemda", "Kota Binjai", "--opd", "Badan Kesatuan Bangsa dan Politik",
               "--tahun", "2024", "--opd-singkat", "Badan Kesbangpol")[0] == 0
    code, out, _ = run(capsys, "import-text", target, out_docx, "--json")
    assert code == 0
    rep = json.loads(out)
    assert rep["tabel"] == ["2.1", "2.2", "2.3", "2.4", "3.1", "4.1"]
    total = sum(rep["jumlah"].values())
    assert total == len(rep["rincian"]) and rep["jumlah"]["baris tabel (dilewati; dibaca pengimpor tabel)"] == 6
    with RenjaDocument.open(target, readonly=True) as d, RenjaDocument.open(work, readonly=True) as s:
        got = [(n.kind, n.nomor) for n in store.flat(d)]
        want = [(n.kind, n.nomor) for n in store.flat(s)]
        assert got == want
        legal = [b for b in store.blocks_of(store.find(d, "1.2")) if b["type"] == "list"]
        assert len(legal[0]["items"]) == 20
    # again: refused without --replace, nothing changed
    code, _, err = run(capsys, "import-text", target, out_docx)
    assert code == 2 and "--replace" in err
    # plain text with --tables: the tables go to the table importer too
    target2 = tmp_path / "baru2.sqlite"
    run(capsys, "new", target2, "--pemda", "Kota Binjai", "--opd", "Badan Kesatuan Bangsa dan Politik",
        "--tahun", "2024")
    code, out, _ = run(capsys, "import-text", target2, sample_dir() / "renja_kesbangpol_binjai_2024.txt", "--tables")
    assert code == 0 and "Tabel (pengimpor tabel)" in out
    with RenjaDocument.open(target2, readonly=True) as d:
        assert d.plan.totals[0] == 40_145_568_718 and len(store.flat(d)) == 21


def test_import_text_refuses_bad_sources(work, tmp_path, capsys):
    before = snapshot(work)
    other = tmp_path / "surat.docx"
    d = docx.Document()
    d.add_paragraph("Surat undangan rapat koordinasi")
    d.add_paragraph("Dengan hormat, kami mengundang Bapak/Ibu.")
    d.save(str(other))
    code, _, err = run(capsys, "import-text", work, other, "--replace")
    assert code == 2 and "bukan naskah Renja" in err
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"PK\x03\x04 potongan berkas")
    code, _, err = run(capsys, "import-text", work, broken, "--replace")
    assert code == 2 and "bukan dokumen Word (.docx) yang utuh" in err
    half = tmp_path / "setengah.docx"
    with zipfile.ZipFile(half, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    code, _, err = run(capsys, "import-text", work, half, "--replace")
    assert code == 2 and err.startswith("galat: ")
    old = tmp_path / "lama.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(capsys, "import-text", work, old)
    assert code == 2 and ".docx" in err
    assert snapshot(work) == before


def test_check_lists_unknown_fields_and_the_pdf_shows_them(tmp_path, capsys):
    """A field name that does not exist (e.g. from an imported text) is listed by ``check`` and
    printed visibly as ``{nama?}``; nothing silently disappears."""
    import pdfplumber

    target = tmp_path / "r.sqlite"
    run(capsys, "new", target, "--pemda", "Kota Contoh", "--opd", "Dinas Contoh", "--tahun", "2025")
    src = tmp_path / "naskah.txt"
    src.write_text("BAB I PENDAHULUAN\n\n1.1. Latar Belakang\n\nDisusun oleh {opd} untuk {nama_field}.\n",
                   encoding="utf-8")
    code, out, _ = run(capsys, "import-text", target, src)
    assert code == 0 and "isian tidak dikenal: {nama_field}" in out
    code, out, _ = run(capsys, "check", target)
    assert "{nama_field}" in out and "1.1" in out
    assert run(capsys, "document", target, "-o", tmp_path / "r.pdf")[0] == 0
    with pdfplumber.open(str(tmp_path / "r.pdf")) as pdf:
        text = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert "Disusun oleh Dinas Contoh untuk {nama_field?}." in " ".join(text.split())
