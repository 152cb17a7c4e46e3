"""Issue 2 'done means': the seed's Tabel 4.1 numbers, every parent total exact."""
import seedtree
from renja_desktop.formatting import format_rupiah
from renja_desktop.service import RenjaDocument


def test_six_programs_total_with_forum_row(tmp_path):
    doc = seedtree.build(tmp_path / "binjai.sqlite")
    for kode, total in seedtree.PROGRAM_TOTALS.items():
        assert doc.plan.pagu(doc.plan_by_kode(kode).id) == total, kode
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL
    assert format_rupiah(doc.plan.totals[0]) == "40.145.568.718"
    # the bidang and urusan rows carry the same grand total
    assert doc.plan.pagu(doc.plan_by_kode("8.01").id) == seedtree.GRAND_TOTAL
    assert doc.plan.pagu(doc.plan_by_kode("8").id) == seedtree.GRAND_TOTAL
    # kegiatan 2.08 is 132.500.000 (Tabel 3.1 prints 133.500.000)
    assert doc.plan.pagu(doc.plan_by_kode("8.01.01.2.08").id) == 132_500_000
    doc.close()


def test_without_forum_row_total_is_two_million_less(tmp_path):
    doc = seedtree.build(tmp_path / "binjai.sqlite", with_forum=False)
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL - 2_000_000
    forum = doc.add_plan_row(doc.plan_by_kode("8.01.06.2.01").id, seedtree.FORUM[0], seedtree.FORUM[1],
                             pagu="2.000.000")
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL
    assert doc.plan.pagu(doc.plan_by_kode("8.01.06").id) == 203_000_000
    doc.delete_plan_row(forum)
    assert doc.plan.totals[0] == seedtree.GRAND_TOTAL - 2_000_000
    doc.close()


def test_totals_survive_reopen(tmp_path):
    path = tmp_path / "binjai.sqlite"
    seedtree.build(path).close()
    with RenjaDocument.open(path) as doc:
        assert doc.plan.totals[0] == seedtree.GRAND_TOTAL
        records = doc.plan_records()
        assert [r["kode"] for r in records] == [k for k, _, _ in seedtree.TREE + [seedtree.FORUM]]
