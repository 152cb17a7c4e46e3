"""Edits through the service: refused input keeps the old value; moves recode; listeners see exact rows."""
import pytest

import seedtree
from renja_desktop.service import EditError, RenjaDocument
from renja_desktop.validation import validate


@pytest.fixture
def doc(tmp_path):
    d = seedtree.build(tmp_path / "binjai.sqlite")
    yield d
    d.close()


def node(doc, kode):
    return doc.plan_by_kode(kode)


def test_edit_reports_exactly_leaf_and_ancestors(doc):
    seen = []
    doc.add_listener(seen.append)
    leaf = node(doc, "8.01.02.2.01.0003")
    change = doc.set_plan(leaf.id, pagu="353.000.001")
    expected = {leaf.id, *(a.id for a in leaf.ancestors())}
    assert change.changed == expected and len(expected) == 5
    assert seen[-1].changed == expected
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL + 1


@pytest.mark.parametrize("value", ["40.145568.718", "satu juta", "1,5 jt", "-100", "12.34"])
def test_bad_money_keeps_old_value(doc, value):
    leaf = node(doc, "8.01.02.2.01.0003")
    with pytest.raises(EditError) as info:
        doc.set_plan(leaf.id, pagu=value)
    assert "8.01.02.2.01.0003" in str(info.value) and "pagu" in str(info.value)
    assert leaf.values["pagu"] == 353_000_000
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL
    # and the file holds the old value too
    assert doc.conn.exec_driver_sql("SELECT pagu FROM plan_row WHERE id=?", (leaf.id,)).scalar() == 353_000_000


def test_money_only_on_sub_kegiatan(doc):
    with pytest.raises(EditError) as info:
        doc.set_plan(node(doc, "8.01.02").id, pagu=5)
    assert "hanya diisi pada sub kegiatan" in str(info.value)


def test_move_between_kegiatan_recodes_and_moves_money(doc):
    leaf = node(doc, "8.01.05.2.01.0004")            # 80.000.000
    target = node(doc, "8.01.04.2.01")
    change = doc.move_plan_row(leaf.id, target.id)
    assert leaf.kode == "8.01.04.2.01.0004"
    assert doc.plan.pagu(node(doc, "8.01.05").id) == 130_000_000
    assert doc.plan.pagu(node(doc, "8.01.04").id) == 115_000_000
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL
    assert leaf.id in change.moved and node(doc, "8.01.05").id in change.changed
    # a clash with an existing number takes the next free one
    other = node(doc, "8.01.05.2.01.0003")
    doc.move_plan_row(other.id, target.id, 0)
    assert other.kode == "8.01.04.2.01.0005"
    assert doc.plan.index_of(other) == 0
    assert not [f for f in validate(doc) if f.rule in ("code_parent", "code_duplicate")]


def test_move_refuses_wrong_level(doc):
    with pytest.raises(EditError):
        doc.move_plan_row(node(doc, "8.01.05.2.01.0004").id, node(doc, "8.01.04").id)
    with pytest.raises(EditError):
        doc.move_plan_row(node(doc, "8.01").id, node(doc, "8.01.01.2.01").id)


def test_kegiatan_code_change_carries_children(doc):
    keg = node(doc, "8.01.01.2.09")
    doc.set_plan(keg.id, kode="8.01.01.2.10")
    assert [c.kode for c in keg.children] == ["8.01.01.2.10.0002", "8.01.01.2.10.0006"]


def test_delete_and_restore_subtree(doc, tmp_path):
    keg = node(doc, "8.01.01.2.06")
    before = [n.id for n in doc.plan.walk()]
    doc.set_indikator(keg.children[0].id, [{"teks": "Jumlah paket", "target": "25", "satuan": "Paket"}])
    doc.set_sumber_dana(keg.children[0].id, [{"nama": "DAU", "jumlah": "6.000.000"}])
    snap = doc.delete_plan_row(keg.id)
    assert doc.plan.pagu(node(doc, "8.01.01").id) == 5_177_798_123 - 276_000_000
    assert node(doc, "8.01.01.2.06.0001") is None
    doc.restore(snap)
    assert [n.id for n in doc.plan.walk()] == before
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL
    leaf = node(doc, "8.01.01.2.06.0001")
    assert doc.indikator[leaf.id][0]["satuan"] == "Paket"
    path = doc.path
    doc.close()
    again = RenjaDocument.open(path)
    assert [n.id for n in again.plan.walk()] == before
    assert again.sumber_dana[leaf.id][0]["jumlah"] == 6_000_000
    again.close()


def test_failed_batch_rolls_back_everything(doc):
    before = doc.content_hash()
    with pytest.raises(EditError):
        with doc.batch():
            doc.set_plan(node(doc, "8.01.02.2.01.0001").id, pagu=1)
            doc.add_plan_row(node(doc, "8.01.02.2.01").id, "8.01.02.2.01.0099", "Baru", pagu=5)
            doc.set_plan(node(doc, "8.01.02.2.01.0003").id, pagu="rusak")
    assert doc.content_hash() == before
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL
    assert node(doc, "8.01.02.2.01.0099") is None


def test_readonly_refuses_edits(doc):
    path = doc.path
    doc.close()
    ro = RenjaDocument.open(path, readonly=True)
    with pytest.raises(EditError) as info:
        ro.set_plan(ro.plan_by_kode("8.01.02.2.01.0001").id, pagu=1)
    assert "hanya-baca" in str(info.value)
    ro.close()


def test_next_free_code(doc):
    assert doc.next_free_code(node(doc, "8.01.01.2.06").id) == "8.01.01.2.06.0010"
    assert doc.next_free_code(node(doc, "8.01").id) == "8.01.07"
    assert doc.next_free_code(node(doc, "8.01.06").id) == "8.01.06.2.02"


def test_identity_edits(doc):
    doc.set_document(kepala_nip="19670621 199702 1 002", renstra_mulai="2021", renstra_selesai=2026)
    assert doc.info["kepala_nip"] == "196706211997021002" and doc.info["renstra_mulai"] == 2021
    with pytest.raises(EditError):
        doc.set_document(kepala_nip="1967")
    with pytest.raises(EditError):
        doc.set_document(tahun="dua ribu")
    assert doc.running_header() == ("RENCANA KERJA 2024", "BADAN KESBANGPOL KOTA BINJAI")


def test_validation_catches_reused_code_and_bad_levels(tmp_path):
    d = RenjaDocument.create(tmp_path / "x.sqlite", tahun=2024)
    u = d.add_plan_row(None, "8", "Urusan")
    b = d.add_plan_row(u, "8.01", "Bidang")
    d.add_plan_row(b, "8.01.05", "Program lima")
    d.add_plan_row(b, "8.01.05", "Program enam", check=False)      # as an import would store it
    d.add_plan_row(b, "8.01.6", "Program tanpa nol", check=False)
    d.add_plan_row(b, "8.01.07", "", check=False)
    rules = {(f.rule, f.kode) for f in validate(d)}
    assert ("code_duplicate", "8.01.05") in rules
    assert ("code_format", "8.01.6") in rules
    assert ("name_missing", "8.01.07") in rules
    d.close()


def test_each_edit_is_validated_at_once(doc):
    leaf = node(doc, "8.01.02.2.01.0003")
    doc.set_sumber_dana(leaf.id, [{"nama": "DAU", "jumlah": "353.000.000"}])
    change = doc.set_plan(leaf.id, pagu="400.000.000")
    rules = [(f.rule, f.kode) for f in change.findings]
    assert ("sumber_dana_sum", "8.01.02.2.01.0003") in rules
    change = doc.set_plan(leaf.id, pagu="353.000.000")
    assert ("sumber_dana_sum", "8.01.02.2.01.0003") not in [(f.rule, f.kode) for f in change.findings]


def test_snapshot_restores_the_whole_document(doc):
    before = doc.content_hash()
    snap = doc.take_snapshot()
    seen = []
    doc.add_listener(seen.append)
    doc.set_plan(node(doc, "8.01.02.2.01.0001").id, pagu=1)
    doc.delete_plan_row(node(doc, "8.01.03").id)
    doc.set_document(tempat="Medan")
    doc.restore_snapshot(snap)
    assert doc.content_hash() == before
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL and doc.info["tempat"] == "Binjai"
    assert seen[-1].table == "reset"
    path = doc.path
    doc.close()
    again = RenjaDocument.open(path)
    assert again.content_hash() == before
    again.close()


def test_snapshot_of_another_document_refused(doc, tmp_path):
    other = RenjaDocument.create(tmp_path / "lain.sqlite", tahun=2024)
    snap = other.take_snapshot()
    other.close()
    before = doc.content_hash()
    with pytest.raises(EditError):
        doc.restore_snapshot(snap)
    assert doc.content_hash() == before


def test_findings_of_many_rows_equal_each_rows_findings(tmp_path):
    """The bulk pass the findings panel runs on opening skips rows that pass every rule by a few
    direct tests: on rows breaking each rule it must give exactly what row_findings gives."""
    from renja_desktop.validation import plan_row_findings, row_findings

    d = seedtree.build(tmp_path / "many.sqlite")
    leaf = node(d, "8.01.02.2.01.0003")
    other = node(d, "8.01.02.2.01.0001")
    u = d.add_plan_row(None, "9", "Urusan lain")
    b = d.add_plan_row(u, "9.01", "Bidang")
    p = d.add_plan_row(b, "9.01.01", "Program")
    k = d.add_plan_row(p, "9.01.01.2.01", "Kegiatan")
    d.add_plan_row(k, "9.01.01.2.01.0001", "Tanpa pagu")                               # pagu_missing
    s = d.add_plan_row(k, "9.01.01.2.01.0002", "Sumber kurang", pagu=1000)
    d.set_sumber_dana(s, [{"nama": "DAU", "jumlah": 400}, {"nama": "DAK", "jumlah": 500}])  # sum
    s1 = d.add_plan_row(k, "9.01.01.2.01.0003", "Satu sumber", pagu=1000)
    d.set_sumber_dana(s1, [{"nama": "DAU"}])                                           # clean
    d.set_sumber_dana(other.id, [{"nama": "DAU", "jumlah": other.values.get("pagu")}])  # clean, summed
    d.add_plan_row(k, "9.01.02.2.01.0004", "Di bawah kode lain", pagu=1, check=False)  # code_parent
    d.add_plan_row(k, "9.01.01", "Kode program di tingkat sub", level=5, check=False)  # code_level
    d.add_plan_row(k, "9.01.01.2.01.5", "Kode salah", pagu=1, check=False)             # code_format
    d.add_plan_row(k, "", "Tanpa kode", level=5, pagu=1, check=False)                 # code_missing
    d.add_plan_row(k, "9.01.01.2.01.0009", "   ", pagu=0, check=False)                # name_missing
    d.add_plan_row(p, "9.01.01.2.01.0010", "Sub langsung di bawah program", level=5, pagu=0,
                   check=False)                                                       # level_order
    d.add_plan_row(None, "9.02", "Bidang tanpa induk", check=False)                   # level_order
    d.add_plan_row(b, "9.01.03", "Program tanpa kegiatan")                            # no_children
    d.add_plan_row(b, "9.01.04 ", "Kode berspasi", check=False)
    b2 = d.add_plan_row(u, "9.02.01", "Bidang berkode program", level=2, check=False)  # code_level
    d.add_plan_row(b2, "9.02.01", "Program berkode sama dengan induk", check=False)    # code_parent
    b3 = d.add_plan_row(u, " 9.03", "Bidang berkode berspasi", check=False)
    d.add_plan_row(b3, "9.03.01", "Program di bawah kode berspasi", check=False)
    d.set_plan(leaf.id, pagu=5)
    d.set_sumber_dana(leaf.id, [{"nama": "DAU", "jumlah": 4}])
    bulk = plan_row_findings(d, d.plan.walk())
    each = {n.id: found for n in d.plan.walk() if (found := row_findings(d, n))}
    assert [(k, [f.line() for f in v]) for k, v in bulk.items()] == \
        [(k, [f.line() for f in v]) for k, v in each.items()]
    rules = {f.rule for found in each.values() for f in found}
    assert {"pagu_missing", "sumber_dana_sum", "code_parent", "code_level", "code_format", "code_missing",
            "name_missing", "level_order", "no_children"} <= rules, rules
    d.close()


def test_findings_of_a_few_rows_sort_in_document_order(tmp_path):
    """sort_findings places a few rows by their ancestors and many by a walk: the same order."""
    from renja_desktop.validation import Finding, sort_findings

    d = seedtree.build(tmp_path / "order.sqlite")
    walked = list(d.plan.walk())
    picked = walked[::-3]  # reversed, every third row
    findings = [Finding("error", "3.1", n.kode, "kode", "x", row_id=n.id) for n in picked]
    findings.append(Finding("error", "3.1", "", "kode", "tanpa baris"))
    ordered = sort_findings(d, list(findings))
    expected = [n.id for n in walked if n in picked] + [None]
    assert [f.row_id for f in ordered] == expected
    d.close()
