"""Property-based tests of the merge: random real edits on two copies of the sample Renja.

* merging a copy with itself changes nothing;
* merging with an untouched copy gives the edited copy back (nothing lost);
* the order of the inputs does not change the result: merge(A, B) choosing A's side of every
  conflict equals merge(B, A) choosing the same side.
"""
from __future__ import annotations

import itertools
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja_desktop.exchange.merge import plan_merge, write_merge
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.exchange.sqlitefile import content_hash_of
from renja_desktop.sample import build_sample
from renja_desktop.service import EditError, RenjaDocument

OPS = ("pagu", "nama", "lokasi", "delete", "add", "move", "indikator", "sumber", "usulan", "pelayanan",
       "eval", "reorder", "document")
ops_strategy = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 200), st.integers(0, 200)),
                        min_size=0, max_size=6)


@pytest.fixture(scope="module")
def base_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dasar")
    sample = build_sample(folder / "contoh.sqlite")
    usb = folder / "usb.sqlite"
    save_copy(sample, usb)
    return usb


counter = itertools.count()


def apply(path, ops, tag: str) -> None:
    with RenjaDocument.open(path) as doc:
        for op, i, j in ops:
            nodes = list(doc.plan.walk())
            subs = [n for n in nodes if n.level == 5]
            kegiatan = [n for n in nodes if n.level == 4]
            try:
                if op == "pagu" and subs:
                    doc.set_plan(subs[i % len(subs)].id, pagu=str((j + 1) * 1_000_000 + (7 if tag == "A" else 3)))
                elif op == "nama" and nodes:
                    doc.set_plan(nodes[i % len(nodes)].id, nama=f"Nama {tag} {j}")
                elif op == "lokasi" and subs:
                    doc.set_plan(subs[i % len(subs)].id, lokasi=f"Lokasi {tag} {j}")
                elif op == "delete" and subs:
                    target = (subs + kegiatan)[i % (len(subs) + len(kegiatan))]
                    doc.delete_plan_row(target.id)
                elif op == "add" and kegiatan:
                    k = kegiatan[i % len(kegiatan)]
                    doc.add_plan_row(k.id, doc.next_free_code(k.id), f"Sub baru {tag} {j}", pagu=str(j * 1000),
                                     position=j % (len(k.children) + 1))
                elif op == "move" and subs and len(kegiatan) > 1:
                    s = subs[i % len(subs)]
                    k = kegiatan[j % len(kegiatan)]
                    if s.parent is not k:
                        doc.move_plan_row(s.id, k.id)
                elif op == "indikator" and subs:
                    doc.set_indikator(subs[i % len(subs)].id, [{"teks": f"Indikator {tag}", "target": str(j),
                                                                "satuan": "Dokumen"}])
                elif op == "sumber" and subs:
                    doc.set_sumber_dana(subs[i % len(subs)].id, [{"nama": f"Dana {tag} {j}", "jumlah": None}])
                elif op == "usulan":
                    doc.add_list_item("usulan", program_kegiatan=f"Usulan {tag} {j}")
                elif op == "pelayanan" and doc.pelayanan:
                    doc.set_list_item("pelayanan", doc.pelayanan[i % len(doc.pelayanan)]["id"], catatan=f"{tag}{j}")
                elif op == "eval":
                    rows = list(doc.evaluation.walk())
                    doc.set_eval(rows[i % len(rows)].id, keterangan=f"Ket {tag} {j}")
                elif op == "reorder" and kegiatan:
                    k = kegiatan[i % len(kegiatan)]
                    if len(k.children) > 1:
                        doc.move_plan_row(k.children[-1].id, k.id, 0)
                elif op == "document":
                    doc.set_document(judul=f"JUDUL {tag} {j}")
            except EditError:
                pass


def fresh(base_copy, tmp_path, name):
    p = tmp_path / f"{name}-{next(counter)}.sqlite"
    shutil.copyfile(base_copy, p)
    return p


def merged_hash(mine, theirs, tmp_path, base=None, prefer=None, auto_base=True):
    plan = plan_merge(mine, theirs, base, auto_base=auto_base)
    out = tmp_path / f"hasil-{next(counter)}.sqlite"
    write_merge(plan, out, prefer=prefer, backup_mine=False)
    return content_hash_of(out), plan


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(ops=ops_strategy)
def test_merging_a_copy_with_itself_changes_nothing(base_copy, tmp_path, ops):
    a = fresh(base_copy, tmp_path, "a")
    apply(a, ops, "A")
    h = content_hash_of(a)
    two_way, plan = merged_hash(a, a, tmp_path, auto_base=False)
    assert not plan.conflicts and two_way == h
    three_way, plan = merged_hash(a, a, tmp_path, base=base_copy)
    assert not plan.conflicts and three_way == h


@SETTINGS
@given(ops=ops_strategy)
def test_merging_with_an_untouched_copy_keeps_every_change(base_copy, tmp_path, ops):
    a = fresh(base_copy, tmp_path, "a")
    b = fresh(base_copy, tmp_path, "b")
    apply(a, ops, "A")
    h, plan = merged_hash(a, b, tmp_path)
    assert plan.three_way and not plan.conflicts
    assert h == content_hash_of(a)
    h2, _ = merged_hash(b, a, tmp_path)
    assert h2 == content_hash_of(a)


@SETTINGS
@given(ops_a=ops_strategy, ops_b=ops_strategy)
def test_merge_order_does_not_change_the_result(base_copy, tmp_path, ops_a, ops_b):
    a = fresh(base_copy, tmp_path, "a")
    b = fresh(base_copy, tmp_path, "b")
    apply(a, ops_a, "A")
    apply(b, ops_b, "B")
    ab, plan_ab = merged_hash(a, b, tmp_path, prefer="mine")
    ba, plan_ba = merged_hash(b, a, tmp_path, prefer="theirs")
    assert len(plan_ab.conflicts) == len(plan_ba.conflicts)
    assert ab == ba
    if not plan_ab.conflicts:  # without conflicts the preference plays no part at all
        ab2, _ = merged_hash(a, b, tmp_path, prefer="theirs")
        assert ab2 == ab
