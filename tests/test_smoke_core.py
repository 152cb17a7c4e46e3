from renja_desktop.service import RenjaDocument


def test_new_add_total(tmp_path):
    doc = RenjaDocument.create(tmp_path / "a.sqlite", tahun=2024, pemda="Kota Binjai", opd="Badan")
    u = doc.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
    b = doc.add_plan_row(u, "8.01", "KESATUAN BANGSA DAN POLITIK")
    p = doc.add_plan_row(b, "8.01.01", "PROGRAM PENUNJANG")
    k = doc.add_plan_row(p, "8.01.01.2.01", "Perencanaan")
    s = doc.add_plan_row(k, "8.01.01.2.01.0001", "Penyusunan", pagu="1.000.000")
    assert doc.plan.totals[0] == 1_000_000
    change = doc.set_plan(s, pagu="2.500.000")
    assert change.changed == {u, b, p, k, s}
    doc.close()
    again = RenjaDocument.open(tmp_path / "a.sqlite")
    assert again.plan.pagu(u) == 2_500_000
    again.close()
