"""The written Renja: block format, outline operations (with inverses), fields, generated passages,
the sample's chapters, the whole-document PDF (contents page numbers read back from the PDF),
and sections through compare/merge."""
from __future__ import annotations

import re
import shutil

import pdfplumber
import pytest

from renja_desktop.narrative import fields as fieldmod
from renja_desktop.narrative import format as fmt
from renja_desktop.narrative import store
from renja_desktop.narrative.generated import expand
from renja_desktop.reports.document_pdf import DocumentOptions, render_document_pdf
from renja_desktop.service import EditError, RenjaDocument
from renja_desktop.validation import validate

MM = 72 / 25.4


@pytest.fixture
def fresh(tmp_path):
    d = RenjaDocument.create(tmp_path / "baru.sqlite", tahun=2025, pemda="Kota Contoh", opd="Dinas Contoh")
    yield d
    d.close()


# ------------------------------------------------------------------------------ format
def test_format_round_trip_and_refusals():
    blocks = [fmt.paragraph("Teks **tebal** dan *miring*"),
              fmt.list_block("lower-alpha", ["satu", {"runs": [fmt.run("dua")],
                                                      "sub": fmt.list_block("decimal", ["dua.1"])}]),
              {"type": "table_ref", "tabel": "4.1"}, {"type": "signature"}]
    text = fmt.dumps(blocks)
    assert '"format":"renja-naskah"' in text and '"version":1' in text
    assert fmt.loads(text) == blocks
    assert blocks[0]["runs"] == [{"text": "Teks "}, {"text": "tebal", "b": True}, {"text": " dan "},
                                 {"text": "miring", "i": True}]
    with pytest.raises(fmt.FormatError, match="jenis blok 'html'"):
        fmt.validate([{"type": "html", "html": "<p>x</p>"}])
    with pytest.raises(fmt.FormatError, match="tabel '9.9'"):
        fmt.validate([{"type": "table_ref", "tabel": "9.9"}])
    with pytest.raises(fmt.FormatError, match="lebih baru"):
        fmt.loads('{"format":"renja-naskah","version":99,"blocks":[]}')
    with pytest.raises(fmt.FormatError, match="bukan gambar PNG atau JPEG"):
        fmt.image_block(b"GIF89a not really")
    assert fmt.plain_text(blocks).splitlines()[:3] == ["Teks tebal dan miring", "a. satu", "b. dua"]


def test_fields_substituted_and_unknown_shown(doc):
    text = "{opd} {pemda} tahun {tahun}, lalu {tahun_lalu}; {nama_field}"
    out = fieldmod.substitute(text, doc)
    assert out == "Badan Kesatuan Bangsa dan Politik Kota Binjai tahun 2024, lalu 2023; {nama_field?}"
    assert fieldmod.unknown_in(text) == ["nama_field"]


def test_generated_passages_follow_the_data(doc):
    text = fmt.plain_text(expand(doc, "ringkasan_pagu"))
    assert "6 program, 11 kegiatan dan 29 sub kegiatan" in text
    assert "Rp 40.145.568.718" in text
    first = next(n for n in doc.plan.walk() if n.level == 3)
    doc.set_plan(next(n for n in doc.plan.subtree(first) if n.level == 5).id,
                 pagu=next(n for n in doc.plan.subtree(first) if n.level == 5).values["pagu"] + 1000)
    assert "Rp 40.145.569.718" in fmt.plain_text(expand(doc, "ringkasan_pagu"))
    ev = fmt.plain_text(expand(doc, "realisasi_evaluasi"))
    assert re.search(r"tingkat realisasi anggaran tahun itu \d+,\d\d%", ev)


def test_realisation_without_denominator_prints_dash(fresh):
    assert "tahun itu –." in fmt.plain_text(expand(fresh, "realisasi_evaluasi"))


# ------------------------------------------------------------------------------ outline operations
def test_default_outline_has_the_sistematika_and_every_table(fresh):
    store.install_outline(fresh)
    nodes = store.flat(fresh)
    heads = [store.label(n) for n in nodes if n.kind in ("bab", "sub")]
    assert heads[0] == "BAB I Pendahuluan" and "1.4 Sistematika Penulisan" in heads
    assert [n.nomor for n in nodes if n.kind == "bab"] == ["BAB I", "BAB II", "BAB III", "BAB IV", "BAB V"]
    where = store.placements(fresh)
    assert sorted(where) == ["2.1", "2.2", "2.3", "2.4", "3.1", "4.1"]
    assert store.find(fresh, where["4.1"]).nomor == "BAB IV"
    assert store.find(fresh, where["2.1"]).nomor == "2.1"


def test_add_rename_move_delete_each_undone_by_its_inverse(fresh):
    store.install_outline(fresh)
    before = [(n.id, n.nomor, n.judul, n.content) for n in store.flat(fresh)]
    bab1 = store.find(fresh, "BAB I")
    h = fresh.history
    applied = h.execute(store.AddSection(bab1.id, "Gambaran Umum", position=1,
                                         blocks=[fmt.paragraph("Tentang {opd}.")]))
    sid = applied.result
    assert applied.changes.inserted("section") == [sid]
    assert store.find(fresh, "1.2").id == sid and store.find(fresh, "1.3").judul == "Landasan Hukum"
    h.execute(store.RenameSection(sid, "Gambaran Umum {opd_singkat}"))
    assert store.find(fresh, sid).judul == "Gambaran Umum {opd_singkat}"
    h.execute(store.MoveSection(sid, None, 0))  # to the top level, first
    assert store.outline(fresh)[0].id == sid and store.find(fresh, "1.2").judul == "Landasan Hukum"
    h.execute(store.SetContent(sid, [fmt.paragraph("baru")]))
    assert fmt.plain_text(store.blocks_of(store.find(fresh, sid))) == "baru"
    after = [(n.id, n.nomor, n.judul, n.content) for n in store.flat(fresh)]
    for _ in range(4):
        h.undo()
    assert [(n.id, n.nomor, n.judul, n.content) for n in store.flat(fresh)] == before
    for _ in range(4):
        h.redo()
    assert [(n.id, n.nomor, n.judul, n.content) for n in store.flat(fresh)] == after
    # delete + undo gives the same outline back, ids included
    sub = store.find(fresh, "1.3")
    removed = h.execute(store.DeleteSection(sub.id)).result
    assert removed == [sub.id] and store.find(fresh, "1.3").judul == "Sistematika Penulisan"
    h.undo()
    assert [(n.id, n.nomor, n.judul, n.content) for n in store.flat(fresh)] == after
    # the whole default outline, replaced and back
    h.execute(store.InstallOutline(None))
    h.undo()
    assert [(n.id, n.nomor, n.judul, n.content) for n in store.flat(fresh)] == after


def test_bad_edits_refused_with_nothing_changed(fresh):
    store.install_outline(fresh)
    before = [(n.id, n.position, n.judul, n.content) for n in store.flat(fresh)]
    sec = store.find(fresh, "2.1")
    with pytest.raises(EditError, match="memuat Tabel 2.1"):
        fresh.history.execute(store.DeleteSection(sec.id))
    with pytest.raises(EditError, match="memuat Tabel 2.1"):  # the chapter holding it, too
        fresh.history.execute(store.DeleteSection(store.find(fresh, "BAB II").id))
    with pytest.raises(EditError, match=r"isian \{nama_field\} tidak dikenal"):
        fresh.history.execute(store.SetContent(sec.id, [fmt.paragraph("Ini {nama_field}.")]))
    with pytest.raises(EditError, match="Tabel 4.1 sudah ditempatkan di bagian 'BAB IV"):
        fresh.history.execute(store.SetContent(sec.id, [{"type": "table_ref", "tabel": "4.1"}]))
    with pytest.raises(EditError, match="ke dalam dirinya sendiri"):
        bab = store.find(fresh, "BAB II")
        fresh.history.execute(store.MoveSection(bab.id, sec.id))
    with pytest.raises(EditError, match="judul bagian tidak boleh kosong"):
        fresh.history.execute(store.RenameSection(sec.id, "  "))
    assert [(n.id, n.position, n.judul, n.content) for n in store.flat(fresh)] == before
    assert not fresh.history.can_undo


def test_check_lists_unknown_fields(doc):
    sec = store.find(doc, "1.1")
    doc.history.execute(store.SetContent(sec.id, [fmt.paragraph("Tahun {tahun_anggaran} dan {opd}")],
                                         strict_fields=False))
    found = [f for f in validate(doc) if f.rule == "naskah_isian"]
    assert len(found) == 1 and "{tahun_anggaran}" in found[0].pesan and "1.1" in found[0].pesan


# ------------------------------------------------------------------------------ the sample
def test_sample_has_the_seed_chapters_and_text(doc):
    nodes = store.flat(doc)
    assert [n.kind for n in nodes[:4]] == ["sampul", "kata_pengantar", "daftar_isi", "daftar_tabel"]
    babs = [store.label(n) for n in nodes if n.kind == "bab"]
    assert babs == ["BAB I Pendahuluan",
                    "BAB II Evaluasi Pelaksanaan Rencana Kerja Badan Kesatuan Bangsa dan Politik Kota Binjai "
                    "Tahun 2022",
                    "BAB III Tujuan, Sasaran, Program dan Kegiatan", "BAB IV Rencana Kerja dan Pendanaan",
                    "BAB V Penutup"]
    subs = [n.nomor for n in nodes if n.kind == "sub"]
    assert subs == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3"]
    legal = store.blocks_of(store.find(doc, "1.2"))
    lists = [b for b in legal if b["type"] == "list"]
    assert lists[0]["style"] == "decimal" and len(lists[0]["items"]) == 20
    assert fmt.runs_text(lists[0]["items"][0]["runs"]).startswith("Undang-Undang Darurat Nomor 9 Tahun 1956")
    latar = store.blocks_of(store.find(doc, "1.1"))
    alpha = next(b for b in latar if b["type"] == "list")
    assert alpha["style"] == "lower-alpha" and len(alpha["items"]) == 5
    # the item broken by a page in the source is one item again
    assert fmt.runs_text(alpha["items"][3]["runs"]).endswith("pagu indikatif Perangkat Daerah;")
    visi = store.blocks_of(store.find(doc, "3.1"))
    assert {"text": "Mewujudkan Binjai Yang Lebih Maju, Berbudaya Dan Religius", "b": True} in visi[1]["runs"]
    assert store.placements(doc).keys() == {"2.1", "2.2", "2.3", "2.4", "3.1", "4.1"}
    cover = store.blocks_of(nodes[0])
    assert any(b["type"] == "image" for b in cover)
    assert [b["type"] for b in store.blocks_of(nodes[1])][-1] == "signature"


# ------------------------------------------------------------------------------ the PDF
def _toc_entries(pages: list[str]) -> list[tuple[str, str]]:
    """(text, page label) of every Daftar Isi line, wrapped lines joined."""
    out, pending = [], ""
    for text in pages:
        for line in text.splitlines()[1:]:
            line = line.strip()
            if not line or line == "DAFTAR ISI":
                continue
            m = re.match(r"^(.*?)[\s.]*\s([ivx]+|\d+)$", line)
            if m and ("." in line[len(m.group(1)):] or re.fullmatch(r"[ivx]+|\d+", line.split()[-1])):
                out.append(((pending + " " + m.group(1)).strip(" ."), m.group(2)))
                pending = ""
            else:
                pending = (pending + " " + line).strip()
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_document_pdf_contents_match_the_printed_page_numbers(doc, tmp_path):
    out = tmp_path / "renja.pdf"
    result = render_document_pdf(doc, out, DocumentOptions(paper="A4", tables_paper="F4"))
    with pdfplumber.open(str(out)) as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
        sizes = [(p.width, p.height) for p in pdf.pages]
        fonts = {c["fontname"].split("+")[-1] for p in pdf.pages[:6] for c in p.chars}
    assert fonts <= {"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic", "LiberationSans-BoldItalic"}
    # the footer: the page label is the last line of every numbered page
    footers = [t.strip().splitlines()[-1].strip() if t.strip() else "" for t in texts]
    toc_pages = [i for i, t in enumerate(texts) if t.strip().splitlines()[:1] and "DAFTAR ISI" in t.splitlines()[0]
                 + (t.splitlines()[1] if len(t.splitlines()) > 1 else "")]
    assert toc_pages, "no Daftar Isi page"
    entries = _toc_entries([texts[i] for i in toc_pages])
    expected = [e for e in result.toc]
    assert len(entries) == len(expected) == 3 + 5 + 12
    for (text, label), e in zip(entries, expected):
        assert label == e.label, (text, label, e.label)
        # the page that prints this label holds the heading
        pages = [i for i, f in enumerate(footers) if f == label]
        assert pages, f"no page numbered {label}"
        if text.startswith("BAB "):
            nomor, title = re.match(r"^(BAB [IVX]+)\s+(.*)$", text).groups()
            hit = [i for i in pages if re.search(rf"(^|\n){nomor}\n", texts[i])
                   and _norm(title)[:30] in _norm(texts[i])]
        else:
            hit = [i for i in pages if _norm(text)[:35] in _norm(texts[i])]
        assert hit, f"'{text}' not on the page numbered {label}"
    # front matter roman, body arabic from BAB I
    assert [e.label for e in expected[:3]] == ["i", "ii", "iii"] and expected[3].label == "1"
    # text pages portrait A4, table pages landscape F4
    a4 = (210 * MM, 297 * MM)
    f4_land = (330 * MM, 215 * MM)
    for i, (w, h) in enumerate(sizes, start=1):
        if i in result.landscape_pages:
            assert abs(w - f4_land[0]) < 1 and abs(h - f4_land[1]) < 1
        else:
            assert abs(w - a4[0]) < 1 and abs(h - a4[1]) < 1
    assert len(result.landscape_pages) >= 6
    # each table on a landscape page, with its Daftar Tabel page number printed there
    assert [t.text.split()[1] for t in result.tables] == ["2.1", "2.2", "2.3", "2.4", "3.1", "4.1"]
    for t in result.tables:
        i = result.page_labels.index(t.label)
        assert i + 1 in result.landscape_pages and f"Tabel {t.text.split()[1]}" in texts[i]
    # cover, signature at the end, generated BAB IV passage
    assert "RANWAL RENJA" in texts[0] and footers[0] != "i"
    assert "NIP. 19670621 199702 1 002" in texts[-1] and "Drs. Ruslianto, M.Pd" in texts[-1]
    assert any("6 program, 11 kegiatan dan" in _norm(t) for t in texts)


def test_document_pdf_on_f4_and_without_outline(doc, fresh, tmp_path):
    r = render_document_pdf(doc, tmp_path / "f4.pdf", DocumentOptions(paper="F4"))
    with pdfplumber.open(str(tmp_path / "f4.pdf")) as pdf:
        assert abs(pdf.pages[0].height - 330 * MM) < 1
    assert r.passes >= 2  # a counting pass, then the one that draws
    from renja_desktop.reports.tables import ReportError

    with pytest.raises(ReportError, match="belum punya kerangka bab"):
        render_document_pdf(fresh, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


# ------------------------------------------------------------------------------ compare and merge
def test_sections_merge_like_other_rows(doc, tmp_path):
    from renja_desktop.exchange.merge import merge_files, plan_merge

    base = tmp_path / "dasar.sqlite"
    doc.close()
    shutil.copy(doc.path, base)
    mine, theirs = tmp_path / "saya.sqlite", tmp_path / "mereka.sqlite"
    shutil.copy(base, mine)
    shutil.copy(base, theirs)
    with RenjaDocument.open(mine) as d:
        d.history.execute(store.RenameSection(store.find(d, "1.1").id, "Latar Belakang Penyusunan"))
    with RenjaDocument.open(theirs) as d:
        d.history.execute(store.AddSection(store.find(d, "BAB V").id, "Harapan",
                                           blocks=[fmt.paragraph("Semoga bermanfaat.")]))
    plan = plan_merge(mine, theirs, base=base)
    assert not plan.conflicts
    assert {c.table for c in plan.changes} == {"section"}
    out = tmp_path / "gabung.sqlite"
    merge_files(mine, theirs, out, base=base)
    with RenjaDocument.open(out) as d:
        assert store.find(d, "1.1").judul == "Latar Belakang Penyusunan"
        assert store.find(d, "5.1").judul == "Harapan"
    doc.path = out  # the fixture closes it again
    doc.__dict__["close"] = lambda: None
