"""Compare and merge, built from real edits on two copies of the sample Renja (Kesbangpol Binjai)."""
from __future__ import annotations

import re
import shutil

import pytest
from exchange_util import state

from renja_desktop import i18n, paths
from renja_desktop.errors import message
from renja_desktop.cli import main as cli_main
from renja_desktop.exchange.diff import compare_files
from renja_desktop.exchange.merge import UnresolvedConflicts, merge_files, plan_merge, write_merge
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.service import RenjaDocument


@pytest.fixture
def copies(sample_file, tmp_path):
    """The office saves the sample to a flash disk; two PCs each take a copy from it."""
    work = shutil.copyfile(sample_file, tmp_path / "kantor.sqlite")
    usb = tmp_path / "usb.sqlite"
    save_copy(work, usb)  # the version both copies descend from (kept as merge base)
    a = tmp_path / "pc_a.sqlite"
    b = tmp_path / "pc_b.sqlite"
    save_copy(usb, a)
    save_copy(usb, b)
    return usb, a, b


def by_code(doc, kode):
    node = doc.plan_by_kode(kode)
    assert node is not None, kode
    return node


def edit(path, fn):
    with RenjaDocument.open(path) as doc:
        return fn(doc)


def values(path, kode, *fields):
    with RenjaDocument.open(path, readonly=True) as doc:
        node = doc.plan_by_kode(kode)
        if node is None:
            return None
        return tuple(node.values.get(f) for f in fields)


def test_both_sides_change_different_rows(copies, tmp_path):
    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="75.000.000", lokasi="Binjai Kota"))
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.03.2.01.0005").id, nama="Monitoring partai politik"))
    edit(b, lambda d: d.set_document(tempat="Binjai (Kantor Walikota)"))
    before = state(a), state(b)
    out = tmp_path / "hasil.sqlite"
    result = merge_files(a, b, out)
    assert result.plan.three_way and not result.plan.conflicts
    assert values(out, "8.01.02.2.01.0001", "pagu", "lokasi") == (75_000_000, "Binjai Kota")
    assert values(out, "8.01.03.2.01.0005", "nama") == ("Monitoring partai politik",)
    with RenjaDocument.open(out, readonly=True) as doc:
        assert doc.info["tempat"] == "Binjai (Kantor Walikota)"
        assert doc.plan.totals[0] == 40_145_568_718 + 5_000_000  # totals recomputed from the rows
        assert len(doc.plan.nodes) == 48 and len(doc.evaluation.nodes) == 73
    assert result.totals["result"] == 40_150_568_718
    assert result.lines()[-2] == f"Hasil: {out}" and result.lines("en")[-2] == f"Result: {out}"
    assert result.lines("en")[-1].startswith("Total budget n: mine Rp ")
    assert (state(a), state(b)) == before  # inputs untouched
    assert result.backup is not None and result.backup.parent == paths.backups_dir()
    # the merged file may replace either copy: both are its ancestors
    save_copy(out, usb)


def test_same_field_changed_differently_is_a_conflict(copies, tmp_path):
    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="75.000.000"))
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="80.000.000", lokasi="Binjai Timur"))
    plan = plan_merge(a, b)
    assert [(c.kind, c.field) for c in plan.conflicts] == [("field", "pagu")]
    c = plan.conflicts[0]
    assert (c.base, c.mine, c.theirs) == ("Rp 70.000.000", "Rp 75.000.000", "Rp 80.000.000")
    with pytest.raises(UnresolvedConflicts) as info:
        write_merge(plan, tmp_path / "x.sqlite")
    assert "belum dipilih" in str(info.value) and not (tmp_path / "x.sqlite").exists()
    out = tmp_path / "saya.sqlite"
    write_merge(plan, out, {c.key: "mine"})
    # the conflict took mine; the non-conflicting lokasi from theirs still arrived
    assert values(out, "8.01.02.2.01.0001", "pagu", "lokasi") == (75_000_000, "Binjai Timur")
    out2 = tmp_path / "mereka.sqlite"
    merge_files(a, b, out2, prefer="theirs")
    assert values(out2, "8.01.02.2.01.0001", "pagu") == (80_000_000,)


def test_same_change_on_both_sides_is_not_a_conflict(copies, tmp_path):
    usb, a, b = copies
    for p in (a, b):
        edit(p, lambda d: d.set_plan(by_code(d, "8.01.04.2.01.0003").id, pagu="40.000.000"))
    plan = plan_merge(a, b)
    assert not plan.conflicts
    assert [c.side for c in plan.changes] == ["both"]


def test_delete_versus_edit(copies, tmp_path):
    usb, a, b = copies
    edit(a, lambda d: d.delete_plan_row(by_code(d, "8.01.04.2.01.0003").id))
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.04.2.01.0003").id, pagu="99.000.000"))
    plan = plan_merge(a, b)
    assert [(c.kind, c.label.split()[0]) for c in plan.conflicts] == [("delete_edit", "8.01.04.2.01.0003")]
    assert "dihapus di salinan saya" in plan.conflicts[0].detail and "99.000.000" in plan.conflicts[0].detail
    keep = tmp_path / "keep.sqlite"
    merge_files(a, b, keep, prefer="theirs")
    assert values(keep, "8.01.04.2.01.0003", "pagu") == (99_000_000,)
    drop = tmp_path / "drop.sqlite"
    merge_files(a, b, drop, prefer="mine")
    assert values(drop, "8.01.04.2.01.0003", "pagu") is None


def test_clean_delete_and_deleting_a_parent_while_the_other_side_adds_beneath(copies, tmp_path):
    usb, a, b = copies
    # A deletes a whole kegiatan (with its sub kegiatan) and one untouched sub kegiatan elsewhere
    edit(a, lambda d: d.delete_plan_row(by_code(d, "8.01.02.2.01").id))
    edit(a, lambda d: d.delete_plan_row(by_code(d, "8.01.03.2.01.0005").id))
    # B adds a new sub kegiatan under that kegiatan
    new_id = edit(b, lambda d: d.add_plan_row(by_code(d, "8.01.02.2.01").id, "8.01.02.2.01.0009",
                                              "Fasilitasi forum pembauran kebangsaan", pagu="15.000.000"))
    plan = plan_merge(a, b)
    kinds = [(c.kind, c.label.split()[0]) for c in plan.conflicts]
    assert kinds == [("delete_edit", "8.01.02.2.01")], kinds
    assert "1 baris di bawahnya" in plan.conflicts[0].detail or "baru" in plan.conflicts[0].detail
    keep = tmp_path / "keep.sqlite"
    merge_files(a, b, keep, prefer="theirs")
    with RenjaDocument.open(keep, readonly=True) as doc:
        k = doc.plan_by_kode("8.01.02.2.01")
        assert k is not None and new_id in {c.id for c in k.children}
        assert len(k.children) == 5  # the four it had, and the new one
        assert doc.plan_by_kode("8.01.03.2.01.0005") is None  # the clean delete went through
    drop = tmp_path / "drop.sqlite"
    merge_files(a, b, drop, prefer="mine")
    with RenjaDocument.open(drop, readonly=True) as doc:
        assert doc.plan_by_kode("8.01.02.2.01") is None and new_id not in doc.plan.nodes


def test_moves_and_edits_of_the_moved_row(copies, tmp_path):
    usb, a, b = copies

    def move(d):
        row = by_code(d, "8.01.03.2.01.0005")
        d.move_plan_row(row.id, by_code(d, "8.01.04.2.01").id)  # moved under another kegiatan, recoded
        return row.id

    rid = edit(a, move)
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.03.2.01.0005").id, pagu="36.000.000"))
    out = tmp_path / "hasil.sqlite"
    result = merge_files(a, b, out)
    assert not result.plan.conflicts
    with RenjaDocument.open(out, readonly=True) as doc:
        node = doc.plan.nodes[rid]
        assert node.parent.kode == "8.01.04.2.01"
        assert node.kode.startswith("8.01.04.2.01.") and node.values["pagu"] == 36_000_000
        old_parent = doc.plan_by_kode("8.01.03.2.01")
        assert rid not in {c.id for c in old_parent.children}
    # both move the same row to different places: a conflict about where it belongs
    edit(b, lambda d: d.move_plan_row(rid, by_code(d, "8.01.02.2.01").id))
    plan = plan_merge(a, b)
    assert "parent_id" in {c.field for c in plan.conflicts}


def test_the_same_code_added_on_both_sides_is_a_conflict(copies, tmp_path):
    """Two different new rows with one code: merged silently they would use the code twice."""
    usb, a, b = copies
    ida = edit(a, lambda d: d.add_plan_row(by_code(d, "8.01.04.2.01").id, "8.01.04.2.01.0004", "Usulan A",
                                           pagu="1.000.000"))
    idb = edit(b, lambda d: d.add_plan_row(by_code(d, "8.01.04.2.01").id, "8.01.04.2.01.0004", "Usulan B",
                                           pagu="2.000.000"))
    plan = plan_merge(a, b)
    assert [(c.kind, c.label) for c in plan.conflicts] == [("same_code", "kode 8.01.04.2.01.0004")]
    out = tmp_path / "hasil.sqlite"
    with pytest.raises(UnresolvedConflicts):
        write_merge(plan, out)
    assert not out.exists()
    write_merge(plan, out, prefer="theirs")
    with RenjaDocument.open(out, readonly=True) as doc:
        kids = [c.id for c in doc.plan_by_kode("8.01.04.2.01").children]
        assert idb in kids and ida not in kids
        assert doc.plan.totals[0] == 40_145_568_718 + 2_000_000


def test_recode_on_one_side_and_a_child_under_the_old_code_on_the_other_is_a_conflict(copies, tmp_path):
    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.04.2.01").id, kode="8.01.04.2.07"))
    new = edit(b, lambda d: d.add_plan_row(by_code(d, "8.01.04.2.01").id, "8.01.04.2.01.0009", "Baru",
                                           pagu="5.000"))
    plan = plan_merge(a, b)
    assert [c.kind for c in plan.conflicts] == ["recode_child"]
    assert "8.01.04.2.01.0009" in plan.conflicts[0].detail
    for prefer, parent_code, child_code in (("mine", "8.01.04.2.07", "8.01.04.2.07.0009"),
                                            ("theirs", "8.01.04.2.01", "8.01.04.2.01.0009")):
        out = tmp_path / f"hasil-{prefer}.sqlite"
        write_merge(plan_merge(a, b), out, prefer=prefer)
        with RenjaDocument.open(out, readonly=True) as doc:
            child = doc.plan.nodes[new]
            assert child.kode == child_code and child.parent.kode == parent_code
            assert all(c.kode.startswith(parent_code + ".") for c in child.parent.children)


def test_funding_and_indicators_are_compared_per_row(copies, tmp_path):
    usb, a, b = copies
    kode = "8.01.05.2.01.0003"
    edit(a, lambda d: d.set_sumber_dana(by_code(d, kode).id, [{"nama": "PAD", "jumlah": "1.000.000"},
                                                              {"nama": "DAU", "jumlah": None}]))
    edit(b, lambda d: d.set_sumber_dana(by_code(d, kode).id, [{"nama": "DAK", "jumlah": None}]))
    edit(b, lambda d: d.set_indikator(by_code(d, "8.01.05.2.01.0004").id,
                                      [{"teks": "Jumlah laporan", "target": "4", "satuan": "Laporan"}]))
    plan = plan_merge(a, b)
    assert [c.field for c in plan.conflicts] == ["sumber_dana"]
    out = tmp_path / "hasil.sqlite"
    write_merge(plan, out, prefer="mine")
    with RenjaDocument.open(out, readonly=True) as doc:
        assert [x["nama"] for x in doc.sumber_dana[by_code(doc, kode).id]] == ["PAD", "DAU"]  # never both lists
        ind = doc.indikator[by_code(doc, "8.01.05.2.01.0004").id]
        assert [(x["teks"], x["target"]) for x in ind] == [("Jumlah laporan", "4")]


def test_evaluation_and_lists_merge(copies, tmp_path):
    usb, a, b = copies

    def eval_edit(d):
        row = next(n for n in d.evaluation.walk() if n.level == 5)
        d.set_eval(row.id, keterangan="Tercapai")
        d.add_list_item("usulan", program_kegiatan="Sosialisasi wawasan kebangsaan", lokasi="Binjai Utara")
        return row.id

    rid = edit(a, eval_edit)
    edit(b, lambda d: d.set_eval(rid, indikator="Persentase dokumen tepat waktu", k_7="90"))
    edit(b, lambda d: d.set_list_item("pelayanan", d.pelayanan[0]["id"], catatan="Diperbarui PC B"))
    edit(b, lambda d: d.add_list_item("usulan", program_kegiatan="Pelatihan kader", lokasi="Binjai Selatan"))
    out = tmp_path / "hasil.sqlite"
    result = merge_files(a, b, out)
    assert not result.plan.conflicts
    with RenjaDocument.open(out, readonly=True) as doc:
        assert doc.evaluation.nodes[rid].values["keterangan"] == "Tercapai"
        assert doc.evaluation.nodes[rid].values["indikator"] == "Persentase dokumen tepat waktu"
        assert doc.evaluation.nodes[rid].values["k_7"] == "90"
        assert doc.pelayanan[0]["catatan"] == "Diperbarui PC B"
        assert sorted(x["program_kegiatan"] for x in doc.usulan) == ["Pelatihan kader", "Sosialisasi wawasan kebangsaan"]


def test_two_way_without_a_base_loses_nothing(sample_file, tmp_path):
    a = shutil.copyfile(sample_file, tmp_path / "a.sqlite")
    b = shutil.copyfile(sample_file, tmp_path / "b.sqlite")
    edit(a, lambda d: d.delete_plan_row(by_code(d, "8.01.04.2.01.0003").id))
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="71.000.000"))
    plan = plan_merge(a, b)
    assert not plan.three_way
    assert [c.field for c in plan.conflicts] == ["pagu"] and plan.conflicts[0].newer == "theirs"
    out = tmp_path / "hasil.sqlite"
    write_merge(plan, out, prefer="theirs")
    # the row only one side has is kept (a deletion cannot be told from an addition without a base)
    assert values(out, "8.01.04.2.01.0003", "pagu") == (35_000_000,)
    assert values(out, "8.01.02.2.01.0001", "pagu") == (71_000_000,)


def test_documents_with_different_ids_are_refused(sample_file, tmp_path):
    from exchange_util import small_document

    a = shutil.copyfile(sample_file, tmp_path / "a.sqlite")
    other = small_document(tmp_path / "lain.sqlite")
    with pytest.raises(Exception) as info:
        plan_merge(a, other)
    assert "bukan salinan dokumen yang sama" in str(info.value)
    assert cli_main(["diff", str(a), str(other)]) == 2


def test_diff_lists_each_side_readably(copies, capsys):
    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="75.000.000"))
    edit(b, lambda d: d.delete_plan_row(by_code(d, "8.01.04.2.01.0003").id))
    comparison = compare_files(a, b)
    text = "\n".join(comparison.lines())
    assert "Perubahan di A" in text and "Perubahan di B" in text
    assert "pagu indikatif Rp 70.000.000 -> Rp 75.000.000" in text
    assert "8.01.04.2.01.0003" in text and "dihapus" in text
    assert cli_main(["diff", str(a), str(b)]) == 1
    assert "Perubahan di A" in capsys.readouterr().out
    assert cli_main(["diff", str(a), str(a)]) == 0
    assert "sama" in capsys.readouterr().out
    assert cli_main(["diff", str(a), str(b), "--json"]) == 1
    import json

    data = json.loads(capsys.readouterr().out)
    assert {x["sisi"] for x in data["perubahan"]} == {"A", "B"}


def test_cli_merge(copies, tmp_path, capsys):
    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="75.000.000"))
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="80.000.000"))
    out = tmp_path / "hasil.sqlite"
    assert cli_main(["merge", str(a), str(b), "-o", str(out)]) == 1
    text = capsys.readouterr().out
    assert "Pertentangan yang harus dipilih" in text and not out.exists()
    key = next(line.split("[kunci ")[1].rstrip("]") for line in text.splitlines() if "[kunci " in line)
    assert cli_main(["merge", str(a), str(b), "-o", str(out), "--choose", f"{key}=theirs"]) == 0
    assert values(out, "8.01.02.2.01.0001", "pagu") == (80_000_000,)
    assert cli_main(["merge", str(a), str(b), "-o", str(out), "--prefer", "mine"]) == 2  # never overwrites
    out2 = tmp_path / "hasil2.sqlite"
    assert cli_main(["merge", str(a), str(b), "-o", str(out2), "--base", str(usb), "--prefer", "mine"]) == 0
    assert values(out2, "8.01.02.2.01.0001", "pagu") == (75_000_000,)


def test_merge_result_passes_checks_and_opens(copies, tmp_path):
    usb, a, b = copies
    edit(a, lambda d: d.set_document(judul="RENJA PERUBAHAN"))
    out = tmp_path / "hasil.sqlite"
    merge_files(a, b, out)
    assert content_hash_of(out) == content_hash_of(a)  # B had no changes: the result is A


def test_copies_with_different_row_layouts_still_match_by_id(copies, tmp_path):
    """A recovered file stores every row at a new place; rows are still matched by their id."""
    from renja_desktop.exchange.recover import recover

    usb, a, b = copies
    relaid = tmp_path / "ditata-ulang.sqlite"
    recover(b, relaid)
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="75.000.000"))
    plan = plan_merge(a, relaid, base=usb)
    assert not plan.conflicts
    assert [c.side for c in plan.changes if c.table != "meta"] == ["mine"]  # recovery adds its own note
    out = tmp_path / "hasil.sqlite"
    write_merge(plan, out)
    assert values(out, "8.01.02.2.01.0001", "pagu") == (75_000_000,)
    assert content_hash_of(out) == content_hash_of(a)


def test_base_survives_edits_of_the_local_copies(copies, tmp_path):
    """The stored base is its own file: editing in place the copy it was written to does not spoil
    it, so the newest common version is the base."""
    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="75.000.000"))
    c = tmp_path / "pc_c.sqlite"
    token = save_copy(a, c).token  # a local copy, then edited in place
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0003").id, pagu="1.000.000"))
    edit(c, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, lokasi="Binjai"))
    usb.unlink()
    plan = plan_merge(a, c)
    assert plan.three_way and plan.base.path.name == f"{token}.sqlite"
    assert not plan.conflicts and {ch.side for ch in plan.changes} == {"mine", "theirs"}


def test_merge_redigests_only_what_it_writes_so_damage_in_an_untouched_row_stays_found(copies, tmp_path):
    import sqlite3

    from renja_desktop import rowcheck
    from renja_desktop.storage import DocumentFileError

    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="75.000.000"))
    # theirs' row is written as a whole (a new rowid, in another bucket than the one it leaves)
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.01.2.01.0001").id, nama="Rapat koordinasi"))
    out = tmp_path / "hasil.sqlite"
    merge_files(a, b, out, prefer="mine")
    conn = sqlite3.connect(out)
    try:  # the buckets the merge wrote were digested again, the others kept theirs: all match
        assert rowcheck.established(conn) and rowcheck.verify(conn) == []
    finally:
        conn.close()
    assert values(out, "8.01.01.2.01.0001", "nama") == ("Rapat koordinasi",)
    # a name changed in "mine" by another program (no digest kept), in a bucket the merge does not
    # write: the merge must not bless it
    c, d = tmp_path / "pc_c.sqlite", tmp_path / "pc_d.sqlite"
    save_copy(usb, c)
    save_copy(usb, d)
    edit(d, lambda doc: doc.set_plan(by_code(doc, "8.01.03.2.01.0005").id, nama="Monitoring partai politik"))
    with RenjaDocument.open(c, readonly=True) as doc:
        victim = by_code(doc, "8.01.01.2.06.0003").id
    conn = sqlite3.connect(c)
    with conn:
        conn.execute("UPDATE plan_row SET nama = 'Diubah di luar' WHERE id = ?", (victim,))
    conn.close()
    out2 = tmp_path / "hasil-2.sqlite"
    merge_files(c, d, out2, prefer="mine")
    with pytest.raises(DocumentFileError) as info:
        RenjaDocument.open(out2, readonly=True).close()
    assert "Diubah di luar" in str(info.value)


#: words of the Indonesian conflict texts (none of them is English)
INDONESIAN = re.compile(r"\b(dihapus|diubah|salinan|kedua|baris|kode|berbeda|ditambahkan|tanpa|dasar|urutan|rincian|"
                        r"pilih|tetapi|termasuk|bawahnya|kosong|ada|dipertahankan|tabel|tingkat|catatan|berkas|"
                        r"identitas|di|dan|atau|yang|dengan|sisi|induk|lama|baru|kolom|isi|menjadi)\b", re.I)


def test_each_kind_of_conflict_in_english_and_unchanged_in_indonesian(copies, sample_file, tmp_path, capsys):
    """A conflict carries a message key and its arguments: the window in English shows it in
    English, the command line (and the JSON) keeps the Indonesian text it always had."""
    from renja_desktop.errors import Msg

    usb, a, b = copies
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.06.2.01.0002").id, pagu="75.000.000"))
    edit(b, lambda d: d.set_plan(by_code(d, "8.01.06.2.01.0002").id, pagu="80.000.000"))
    edit(a, lambda d: d.delete_plan_row(by_code(d, "8.01.03.2.01").id))
    for code in ("8.01.03.2.01.0009", "8.01.03.2.01.0010"):
        edit(b, lambda d: d.add_plan_row(by_code(d, "8.01.03.2.01").id, code, "X", pagu="1.000"))
    edit(a, lambda d: d.set_plan(by_code(d, "8.01.04.2.01").id, kode="8.01.04.2.07"))
    edit(b, lambda d: d.add_plan_row(by_code(d, "8.01.04.2.01").id, "8.01.04.2.01.0009", "X", pagu="5.000"))
    edit(a, lambda d: d.add_plan_row(by_code(d, "8.01.05.2.01").id, "8.01.05.2.01.0009", "A", pagu="1.000"))
    edit(b, lambda d: d.add_plan_row(by_code(d, "8.01.05.2.01").id, "8.01.05.2.01.0009", "B", pagu="2.000"))
    edit(a, lambda d: d.set_meta("team.note", "satu"))
    edit(b, lambda d: d.set_meta("team.note", "dua"))

    def first_to_top(d, i):
        k = by_code(d, "8.01.02.2.01")
        d.move_plan_row(k.children[i].id, k.id, 0)

    edit(a, lambda d: first_to_top(d, -1))
    edit(b, lambda d: first_to_top(d, -2))
    plan = plan_merge(a, b)
    # the same conflicts, ordered by their kind, then a two-way comparison
    two_way = [shutil.copyfile(sample_file, tmp_path / n) for n in ("x.sqlite", "y.sqlite")]
    edit(two_way[1], lambda d: d.set_plan(by_code(d, "8.01.02.2.01.0001").id, pagu="71.000.000"))
    conflicts = {c.detail.key: c for c in plan.conflicts + plan_merge(*two_way).conflicts}
    assert sorted(conflicts) == ["merge.delete_edit_changes", "merge.field_added", "merge.field_changed",
                                 "merge.field_two_way", "merge.order", "merge.recode_child", "merge.same_code"]
    assert {c.kind for c in conflicts.values()} == {"field", "both_added", "delete_edit", "recode_child",
                                                    "same_code", "order"}
    for c in conflicts.values():
        english = [c.description("en"), *(message(x, "en") for x in (c.label, c.base, c.mine, c.theirs, c.what)
                                         if isinstance(x, Msg))]
        assert not [t for t in english if INDONESIAN.search(t)], (c.kind, english)
        # the Indonesian text is the string itself (command line, JSON), rendered the same way
        assert c.description("id") == c.detail == c.as_dict()["keterangan"]
        assert c.cells("id") == (c.label, c.base, c.mine, c.theirs)
    expected = {
        "merge.field_changed": ("pagu indikatif diubah berbeda di kedua salinan",
                                "indicative budget was changed differently in both copies"),
        "merge.field_added": ("baris ditambahkan di kedua salinan dengan isi berbeda",
                              "the row was added in both copies with a different value"),
        "merge.field_two_way": ("pagu indikatif berbeda (tanpa versi dasar: tidak diketahui sisi mana yang mengubah)",
                                "indicative budget differs (no base version: it is not known which side changed it)"),
        "merge.delete_edit_changes": (
            "dihapus di salinan saya, tetapi diubah di salinan mereka (termasuk 1 baris di bawahnya yang "
            "diubah/ditambah): baris: (baru) -> 8.01.03.2.01.0009 X; baris: (baru) -> 8.01.03.2.01.0010 X",
            "deleted in my copy, but changed in their copy (including changed/added rows beneath it: 1): "
            "row: (new) -> 8.01.03.2.01.0009 X; row: (new) -> 8.01.03.2.01.0010 X"),
        "merge.recode_child": (
            "kode induk diubah di satu salinan, sementara salinan lain menambah rincian di bawah kode lamanya "
            "(8.01.04.2.01.0009): pilih sisi yang mengubah kode (rincian baru ikut kode baru) atau sisi yang "
            "menambah (kode induk tetap)",
            "the parent's code was changed in one copy, while the other copy added rows under its old code "
            "(8.01.04.2.01.0009): choose the side that changed the code (the new rows follow the new code) or "
            "the side that added them (the parent's code stays)"),
        "merge.same_code": (
            "kode 8.01.05.2.01.0009 ditambahkan di kedua salinan sebagai dua baris berbeda: pilih baris yang "
            "dipakai (baris yang lain tidak dimasukkan)",
            "code 8.01.05.2.01.0009 was added in both copies as two different rows: choose the row to use (the "
            "other row is left out)"),
        "merge.order": ("urutan baris di bawahnya diubah berbeda di kedua salinan",
                        "the order of the rows beneath it was changed differently in both copies"),
    }
    assert {k: (c.description("id"), c.description("en")) for k, c in conflicts.items()} == expected
    assert plan.summary_lines()[0].startswith("Penggabungan tiga arah: versi dasar bersama disimpan ")
    assert plan.summary_lines("en")[0].startswith("Merge, three-way: common base version saved ")
    assert plan.summary_lines("en")[-1] == f"- {len(plan.conflicts)} conflicts"
    gone = conflicts["merge.delete_edit_changes"]
    assert gone.cells("id")[1:] == ("ada", "dihapus", "dipertahankan dengan perubahannya")
    assert gone.cells("en")[1:] == ("present", "deleted", "kept with its changes")
    recode = conflicts["merge.recode_child"]
    assert recode.cells("id")[2:] == ("kode 8.01.04.2.01 diubah menjadi 8.01.04.2.07 (rinciannya ikut)",
                                      "rincian baru 8.01.04.2.01.0009 ditambahkan dengan kode lama 8.01.04.2.01")
    assert recode.cells("en")[2:] == ("code 8.01.04.2.01 changed to 8.01.04.2.07 (its rows follow)",
                                      "new rows 8.01.04.2.01.0009 added with the old code 8.01.04.2.01")
    assert conflicts["merge.same_code"].cells("en")[0] == "code 8.01.05.2.01.0009"
    assert conflicts["merge.field_added"].cells("en")[0] == "File note 'team.note'"
    assert conflicts["merge.field_added"].cells("id")[0] == "Catatan berkas 'team.note'"
    # the command line's list of what is still to choose stays Indonesian, whatever the window shows
    i18n.set_language("en")
    try:
        with pytest.raises(UnresolvedConflicts) as info:
            write_merge(plan, tmp_path / "hasil.sqlite")
        assert info.value.message("id").startswith(f"Ada {len(plan.conflicts)} pertentangan yang belum dipilih")
        assert str(info.value).startswith(f"{len(plan.conflicts)} conflicts have no choice yet")
        capsys.readouterr()
        assert cli_main(["merge", str(a), str(b), "-o", str(tmp_path / "hasil.sqlite")]) == 1
    finally:
        i18n.set_language("id")
    out = capsys.readouterr().out
    assert "! kode 8.01.05.2.01.0009: kode: A 8.01.05.2.01.0009 A; B 8.01.05.2.01.0009 B" in out
    assert ": pagu indikatif: dasar Rp 135.000.000; A Rp 75.000.000; B Rp 80.000.000" in out
    assert "dihapus di A, tetapi diubah di B (termasuk 1 baris di bawahnya): baris: (baru)" in out
