"""Every core operation undone and redone without Qt: apply, undo (the document equals the one
before, in the file and in memory), redo (equals the one after)."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest
from sqlalchemy import select

from renja_desktop import operations as ops
from renja_desktop.model import Base
from renja_desktop.sample import sample_text
from renja_desktop.service import EditError, RenjaDocument

LEAF = "8.01.06.2.01.0002"
KEGIATAN = "8.01.06.2.01"


# `sample_file` and `doc` (an editable copy of the bundled sample): tests/conftest.py


def file_dump(doc: RenjaDocument) -> dict:
    """Every row of every table in the file, by id, without the modification stamps."""
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "row_digest":
            continue  # checksums of the rows (they follow the stamps), not content
        rows = doc.conn.execute(select(table)).mappings().all()
        key = "id" if "id" in table.c else "key"
        out[table.name] = sorted(
            (tuple(sorted((k, str(v)) for k, v in r.items() if k != "modified_at")) for r in rows),
            key=lambda t: dict(t)[key])
    doc.conn.rollback()
    return out


def memory_dump(doc: RenjaDocument) -> dict:
    """What the document holds in memory, including every computed value shown."""
    def clean(rows):
        return [{k: v for k, v in r.items() if k != "modified_at"} for r in rows]

    return {
        "plan": doc.plan_records(),
        "plan_values": {i: {k: v for k, v in n.values.items() if k != "modified_at"}
                        for i, n in doc.plan.nodes.items()},
        "totals": list(doc.plan.totals),
        "eval": [(n.id, n.kode, n.nama, n.level, n.depth(), {k: v for k, v in n.values.items() if k != "modified_at"},
                  _values(doc.evaluation.values_of(n.id))) for n in doc.evaluation.walk()],
        "indikator": {k: clean(v) for k, v in doc.indikator.items() if v},
        "sumber_dana": {k: clean(v) for k, v in doc.sumber_dana.items() if v},
        "pelayanan": clean(doc.pelayanan),
        "usulan": clean(doc.usulan),
        "declared": sorted(map(str, clean(doc.declared))),
        "info": {k: v for k, v in doc.info.items() if k != "modified_at"},
        "meta": dict(doc.meta),
    }


def _values(v) -> tuple:
    """Computed Tabel 2.1 values; percentages by value (100 and 100.0 are the same figure)."""
    def norm(x):
        if isinstance(x, Decimal):
            return x.normalize()
        if isinstance(x, tuple):
            return tuple(norm(y) for y in x)
        return x

    return tuple(norm(getattr(v, f)) for f in v.__dataclass_fields__)


def dump(doc: RenjaDocument) -> tuple[dict, dict]:
    return file_dump(doc), memory_dump(doc)


def reloaded(doc: RenjaDocument) -> dict:
    other = RenjaDocument.open(doc.path, readonly=True)
    try:
        return memory_dump(other)
    finally:
        other.close()


def roundtrip(doc: RenjaDocument, op: ops.Operation) -> ops.Applied:
    """Execute, undo, redo; each time the file and memory agree with the expected state."""
    before = dump(doc)
    depth = len(doc.history)
    applied = doc.history.execute(op)
    assert applied.changes, f"{op!r} changed nothing"
    after = dump(doc)
    assert after != before
    assert reloaded(doc) == after[1]          # memory matches the file
    assert doc.history.can_undo and doc.history.undo_label == op.label
    doc.history.undo()
    assert_same(dump(doc), before)
    assert reloaded(doc) == before[1]
    assert doc.history.can_redo and len(doc.history) == depth
    doc.history.redo()
    assert dump(doc) == after
    assert reloaded(doc) == after[1]
    return applied


def assert_same(got, expected):
    for part in (0, 1):
        for key in expected[part]:
            assert got[part][key] == expected[part][key], (part, key)


def node(doc, kode):
    n = doc.plan_by_kode(kode)
    assert n is not None, kode
    return n


# ------------------------------------------------------------------------------ plan rows
def test_set_pagu_as_text(doc):
    leaf = node(doc, LEAF)
    roundtrip(doc, ops.SetPlanFields(leaf.id, {"pagu": "1.500.000", "lokasi": "Binjai Kota"}))
    assert leaf.values["pagu"] == 1_500_000


def test_set_code_of_a_parent_recodes_its_children(doc):
    keg = node(doc, KEGIATAN)
    free = doc.next_free_code(keg.parent.id)
    applied = roundtrip(doc, ops.SetPlanFields(keg.id, {"kode": free}))
    assert all(c.kode.startswith(free + ".") for c in keg.children)
    assert applied.changes.changed("plan") >= {c.id for c in keg.children}


def test_indicator_cells_and_emptied_first_indicator(doc):
    leaf = node(doc, LEAF)
    roundtrip(doc, ops.SetPlanFields(leaf.id, {"indikator": "Jumlah kegiatan", "target": "12", "satuan": "kali"}))
    first = doc.indikator[leaf.id][0]
    assert (first["teks"], first["target"], first["satuan"]) == ("Jumlah kegiatan", "12", "kali")
    count = len(doc.indikator[leaf.id])
    roundtrip(doc, ops.SetPlanFields(leaf.id, {"indikator": "", "target": "", "satuan": "", "target_n1": ""}))
    assert len(doc.indikator.get(leaf.id, [])) == count - 1


def test_sumber_dana_text(doc):
    leaf = node(doc, LEAF)
    roundtrip(doc, ops.SetPlanFields(leaf.id, {"sumber_dana": "DAU=1.000.000; PAD=500.000"}))
    assert [(x["nama"], x["jumlah"]) for x in doc.sumber_dana[leaf.id]] == [("DAU", 1_000_000), ("PAD", 500_000)]
    # the text the cell shows, typed back, changes nothing; a renamed source keeps its amount
    assert not doc.history.execute(ops.SetPlanFields(leaf.id, {"sumber_dana": "DAU; PAD"})).changes
    roundtrip(doc, ops.SetSumberDana(leaf.id, "DBH; PAD"))
    assert [(x["nama"], x["jumlah"]) for x in doc.sumber_dana[leaf.id]] == [("DBH", 1_000_000), ("PAD", 500_000)]
    roundtrip(doc, ops.SetSumberDana(leaf.id, ""))
    assert leaf.id not in doc.sumber_dana


def test_set_indikator_and_sumber_dana_lists(doc):
    leaf = node(doc, LEAF)
    roundtrip(doc, ops.SetIndikator(leaf.id, [{"teks": "A", "target": "1"}, {"teks": "B", "satuan": "%"}]))
    roundtrip(doc, ops.SetSumberDana(leaf.id, [{"nama": "DAU", "jumlah": "10"}]))


def test_same_value_changes_nothing(doc):
    leaf = node(doc, LEAF)
    applied = doc.history.execute(ops.SetPlanFields(leaf.id, {"pagu": str(leaf.values["pagu"])}))
    assert not applied.changes and not doc.history.can_undo


def test_refused_edit_leaves_document_and_history(doc):
    keg = node(doc, KEGIATAN)
    before = dump(doc)
    with pytest.raises(EditError):
        doc.history.execute(ops.SetPlanFields(keg.id, {"pagu": "5"}))  # a parent's pagu is derived
    with pytest.raises(EditError):
        doc.history.execute(ops.SetPlanFields(node(doc, LEAF).id, {"pagu": "40.145568.718"}))
    assert dump(doc) == before and not doc.history.can_undo


def test_add_row_with_next_code(doc):
    keg = node(doc, KEGIATAN)
    expected = doc.next_free_code(keg.id)
    applied = roundtrip(doc, ops.AddRow("plan", keg.id, None, "Sub kegiatan baru", fields={"pagu": "2.000.000"}))
    new = doc.plan.nodes[applied.result]
    assert new.kode == expected and new.values["pagu"] == 2_000_000


def test_delete_rows(doc):
    keg = node(doc, KEGIATAN)
    leaf = node(doc, LEAF)
    count = len(list(doc.plan.subtree(keg)))
    applied = roundtrip(doc, ops.DeleteRows("plan", [leaf.id, keg.id]))
    assert applied.result == count     # the leaf goes with its kegiatan
    assert keg.id not in doc.plan.nodes and leaf.id not in doc.plan.nodes


def test_move_row_codes_follow(doc):
    keg = node(doc, KEGIATAN)
    program = keg.parent
    other = next(p for p in doc.plan.siblings_of(program) if p is not program and p.level == program.level) \
        if len(doc.plan.siblings_of(program)) > 1 else None
    target = other or program
    roundtrip(doc, ops.MoveRow("plan", keg.id, target.id, 0))
    assert keg.kode.startswith(target.kode + ".")
    assert all(c.kode.startswith(keg.kode + ".") for c in keg.children)


def test_move_within_parent(doc):
    leaf = node(doc, LEAF)
    last = len(leaf.parent.children) - 1
    assert doc.plan.index_of(leaf) != last
    roundtrip(doc, ops.MoveRow("plan", leaf.id, leaf.parent.id, last))
    assert doc.plan.index_of(leaf) == last


def test_paste_subtree_with_new_codes(doc):
    keg = node(doc, KEGIATAN)
    records = [ops.subtree_records(doc, "plan", keg)]
    parent, position = ops.paste_place(doc.plan, keg, keg.level)
    expected = doc.next_free_code(parent.id)
    applied = roundtrip(doc, ops.PasteRows("plan", records, parent.id, position))
    copy = doc.plan.nodes[applied.result[0]]
    assert copy.kode == expected and copy.sums == keg.sums
    assert [c.kode[len(copy.kode):] for c in copy.children] == [c.kode[len(keg.kode):] for c in keg.children]
    assert ops.inserted_roots(doc, applied.changes, "plan") == applied.result


def test_paste_place_refuses_wrong_level(doc):
    leaf = node(doc, LEAF)
    with pytest.raises(EditError):
        ops.paste_place(doc.plan, leaf, 3)


# ------------------------------------------------------------------------------ evaluation rows
def test_eval_operations(doc):
    rows = list(doc.evaluation.walk())
    leaf = next(n for n in rows if n.level == 5)
    roundtrip(doc, ops.SetEvalFields(leaf.id, {"rp_7": "1.000.000", "k_12": "3,5", "nama": "Diubah"}))
    assert leaf.values["k_12"] == "3.5"
    root = rows[0]
    applied = roundtrip(doc, ops.AddRow("eval", root.id, None, "Kegiatan baru", fields={"satuan": "%"}))
    assert doc.evaluation.nodes[applied.result].level == root.level + 1
    roundtrip(doc, ops.AddRow("eval", None, "", "Program baru", level=3))
    roundtrip(doc, ops.DeleteRows("eval", [leaf.id]))
    kegiatan = [n for n in doc.evaluation.walk() if n.level == 4]
    roundtrip(doc, ops.MoveRow("eval", kegiatan[0].id, kegiatan[0].parent.id, None))
    records = [ops.subtree_records(doc, "eval", kegiatan[0])]
    roundtrip(doc, ops.PasteRows("eval", records, kegiatan[0].parent.id, 0))


def test_eval_move_recodes_and_undo_puts_codes_back(doc):
    root = doc.history.execute(ops.AddRow("eval", None, "1", "Urusan", level=1)).result
    b1 = doc.history.execute(ops.AddRow("eval", root, "1.01", "Bidang 1")).result
    b2 = doc.history.execute(ops.AddRow("eval", root, "1.02", "Bidang 2")).result
    p = doc.history.execute(ops.AddRow("eval", b1, None, "Program")).result
    assert doc.evaluation.nodes[p].kode == "1.01.01"
    roundtrip(doc, ops.MoveRow("eval", p, b2, None))
    assert doc.evaluation.nodes[p].kode == "1.02.01"


# ------------------------------------------------------------------------------ identity and lists
def test_document_fields(doc):
    roundtrip(doc, ops.SetDocument({"kepala_nama": "Budi", "tahun": "2025", "renstra_mulai": ""}))
    assert doc.info["tahun"] == 2025
    roundtrip(doc, ops.SetCatalogVersion("2050"))
    assert doc.info["nomenklatur_versi"] == "2050"


@pytest.mark.parametrize("name", ["pelayanan", "usulan"])
def test_list_items(doc, name):
    first = roundtrip(doc, ops.AddListItem(name, 0, {"catatan": "satu"} if name == "pelayanan" else
                                           {"program_kegiatan": "satu"})).result
    second = doc.history.execute(ops.AddListItem(name, None, {})).result
    key = "catatan" if name == "pelayanan" else "program_kegiatan"
    roundtrip(doc, ops.SetListItem(name, first, {key: "dua"}))
    roundtrip(doc, ops.MoveListItem(name, second, 0))
    assert ops.list_items(doc, name)[0]["id"] == second
    roundtrip(doc, ops.DeleteListItems(name, [first, second]))


def test_clear_declared(doc):
    tables = {d["tabel"] for d in doc.declared}
    one = sorted(tables)[0]
    roundtrip(doc, ops.ClearDeclared(one))
    assert all(d["tabel"] != one for d in doc.declared)
    roundtrip(doc, ops.ClearDeclared())
    assert not doc.declared


def test_call_wraps_a_whole_function_as_one_operation(doc):
    """``Call`` (what ``import-text`` runs): the narrative read from a text replaces the outline; one undo."""
    from renja_desktop.narrative.textimport import import_narrative

    roundtrip(doc, ops.Call(lambda d: import_narrative(d, "naskah.txt", replace=True, text=sample_text()),
                            "impor naskah"))


def test_every_operation_has_an_undo_redo_test_without_qt():
    """Each operation of the core is executed, undone and redone by a test that runs without Qt."""
    import importlib
    import pkgutil
    import re
    from pathlib import Path

    import renja_desktop

    for info in pkgutil.walk_packages(renja_desktop.__path__, "renja_desktop."):
        if ".gui" not in info.name and not info.name.endswith("__main__"):
            importlib.import_module(info.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    tests = [p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py")]
    qt = re.compile(r"^\s*(from|import) PySide6|\bqtbot\b\s*[,)]", re.M)
    no_qt = [t for t in tests if not qt.search(t) and ".undo()" in t]
    # Revert is the undo itself: every round trip above runs it
    names = sorted({c.__name__ for c in subclasses(ops.Operation)} - {"Revert"})
    assert len(names) >= 25
    missing = [n for n in names if not any(f"{n}(" in t for t in no_qt)]
    assert missing == []


# ------------------------------------------------------------------------------ import
def test_import_text_under_a_row(doc):
    keg = node(doc, KEGIATAN)
    text = "8.01.06.2.01.0099\tSub kegiatan tempelan\t2.500.000\tDAU\n"
    applied = roundtrip(doc, ops.ImportText(text, keg.id))
    roots = ops.inserted_roots(doc, applied.changes, "plan")
    assert [doc.plan.nodes[r].nama for r in roots] == ["Sub kegiatan tempelan"]


def test_import_whole_document_into_empty_file(tmp_path):
    path = tmp_path / "new.sqlite"
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol")
    try:
        source = tmp_path / "renja.txt"
        source.write_text(sample_text(), encoding="utf-8")
        applied = roundtrip(doc, ops.ImportFile(source))
        assert applied.result.rows and len(doc.plan.nodes) > 40 and doc.evaluation.nodes
        # the inverse deletes the imported roots, not every row one by one
        deletes = [s for s in applied.inverse.steps if s.method == "_delete_tree_row"]
        # plan rows written in bulk by the import come out in bulk too
        bulk = [i for s in applied.inverse.steps if s.method == "_remove_plan_rows_bulk" for i in s.args[0]]
        assert len(deletes) + len(bulk) == len(doc.plan.nodes) + len(doc.evaluation.nodes)
        doc.history.undo()
        assert not doc.plan.nodes and not doc.evaluation.nodes and not doc.declared
    finally:
        doc.close()


# ------------------------------------------------------------------------------ random sequences
def _random_op(doc: RenjaDocument, rnd: random.Random) -> ops.Operation | None:
    plan = list(doc.plan.walk())
    leaves = [n for n in plan if n.level == 5]
    parents = [n for n in plan if n.level < 5]
    choice = rnd.randrange(9)
    if choice == 0 and leaves:
        return ops.SetPlanFields(rnd.choice(leaves).id, {"pagu": str(rnd.randrange(0, 10**9))})
    if choice == 1 and parents:
        p = rnd.choice(parents)
        return ops.AddRow("plan", p.id, None, f"Baris {rnd.randrange(1000)}")
    if choice == 2 and len(plan) > 10:
        return ops.DeleteRows("plan", [rnd.choice(plan).id])
    if choice == 3 and plan:
        n = rnd.choice(plan)
        targets = [p for p in plan if p.level == n.level - 1 and not any(a is n for a in p.ancestors())]
        if targets:
            t = rnd.choice(targets)
            return ops.MoveRow("plan", n.id, t.id, rnd.randrange(0, len(t.children) + 1))
    if choice == 4 and leaves:
        return ops.SetPlanFields(rnd.choice(leaves).id,
                                 {"sumber_dana": rnd.choice(["DAU", "DAU=1.000; PAD=2.000", ""]),
                                  "indikator": rnd.choice(["", "Indikator"])})
    if choice == 5 and doc.evaluation.nodes:
        e = rnd.choice(list(doc.evaluation.walk()))
        if e.level == 5:
            return ops.SetEvalFields(e.id, {"rp_12": str(rnd.randrange(10**6)), "k_12": str(rnd.randrange(100))})
        return ops.AddRow("eval", e.id, None, "Baris evaluasi")
    if choice == 6:
        return ops.AddListItem("pelayanan", rnd.randrange(0, len(doc.pelayanan) + 1), {"catatan": "x"})
    if choice == 7 and doc.pelayanan:
        return ops.MoveListItem("pelayanan", rnd.choice(doc.pelayanan)["id"], rnd.randrange(len(doc.pelayanan)))
    if choice == 8 and parents:
        p = rnd.choice([n for n in parents if n.level > 1] or parents)
        place = ops.paste_place(doc.plan, p, p.level)
        return ops.PasteRows("plan", [ops.subtree_records(doc, "plan", p)], place[0].id if place[0] else None,
                             place[1])
    return None


@pytest.mark.parametrize("seed", range(4))
def test_random_sequences_undo_and_redo_all(doc, seed):
    rnd = random.Random(seed)
    states = [dump(doc)]
    done = 0
    while done < 12:
        op = _random_op(doc, rnd)
        if op is None:
            continue
        try:
            applied = doc.history.execute(op)
        except EditError:
            assert dump(doc) == states[-1]
            continue
        if applied.changes:
            states.append(dump(doc))
            done += 1
    for expected in reversed(states[:-1]):
        doc.history.undo()
        assert_same(dump(doc), expected)
    assert reloaded(doc) == states[0][1]
    for expected in states[1:]:
        doc.history.redo()
        assert dump(doc) == expected
    assert reloaded(doc) == states[-1][1]


def test_history_labels_and_new_operation_clears_redo(doc):
    leaf = node(doc, LEAF)
    doc.history.execute(ops.SetPlanFields(leaf.id, {"pagu": "1"}, label="satu"))
    doc.history.execute(ops.SetPlanFields(leaf.id, {"pagu": "2"}, label="dua"))
    assert doc.history.labels == ["satu", "dua"]
    doc.history.undo()
    assert doc.history.redo_label == "dua" and leaf.values["pagu"] == 1
    doc.history.execute(ops.SetPlanFields(leaf.id, {"lokasi": "x"}, label="tiga"))
    assert not doc.history.can_redo and doc.history.labels == ["satu", "tiga"]
