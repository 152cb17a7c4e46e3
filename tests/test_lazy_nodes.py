"""PlanTree.load_tuples (the load from the file: nodes whose values stay the row tuple until first
asked for) gives the tree PlanTree.load gives from dicts, and its nodes behave as plain nodes."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renja_desktop import operations as ops
from renja_desktop.compute import Node, PlanTree, RowNode
from renja_desktop.service import RenjaDocument
from test_compute_property import OPS, _check, _run_ops

COLUMNS = ("id", "parent_id", "position", "level", "kode", "nama", "pagu", "pagu_n1", "rkpd_pagu")
MONEY = st.one_of(st.none(), st.integers(min_value=0, max_value=10**13))
ROWS = st.lists(
    st.tuples(st.integers(min_value=0, max_value=60), st.integers(min_value=1, max_value=5), MONEY, MONEY, MONEY,
              st.integers(min_value=0, max_value=9)),
    min_size=0, max_size=60,
)


def tuples_of(spec) -> list[tuple]:
    """Rows as read from a file (each ending with its rowid): a parent may come after its
    children, positions in any order, some parents missing."""
    rows = []
    for i, (parent, level, pagu, pagu_n1, rkpd, position) in enumerate(spec):
        pid = f"r{parent}" if parent < len(spec) and parent != i else (None if parent % 3 else f"gone{parent}")
        rows.append((f"r{i}", pid, position, level, f"{level}.{i}", f"nama {i}", pagu, pagu_n1, rkpd, i + 1))
    return rows


def assert_same_tree(lazy: PlanTree, plain: PlanTree) -> None:
    assert lazy.totals == plain.totals
    assert [n.id for n in lazy.walk()] == [n.id for n in plain.walk()]
    assert [n.id for n in lazy.roots] == [n.id for n in plain.roots]
    assert set(lazy.nodes) == set(plain.nodes)  # (in the order read, not sorted by position)
    for rid, node in lazy.nodes.items():
        other = plain.nodes[rid]
        assert (node.level, node.kode, node.nama) == (other.level, other.kode, other.nama)
        assert node.sums == other.sums and node.own == other.own
        assert (node.parent.id if node.parent else None) == (other.parent.id if other.parent else None)
    assert lazy.by_kode == plain.by_kode
    assert lazy.full_recompute() == plain.full_recompute()


def cycle_free(rows: list[tuple]) -> bool:
    parent = {r[0]: r[1] for r in rows}
    for start in parent:
        seen, node = set(), start
        while node in parent:
            if node in seen:
                return False
            seen.add(node)
            node = parent[node]
    return True


@settings(max_examples=200, deadline=None)
@given(ROWS)
def test_tuples_give_the_tree_of_dicts(spec):
    rows = tuples_of(spec)
    if not cycle_free(rows):
        return  # a loop of parents is no tree (neither path shows it)
    plain = PlanTree()
    plain.load([dict(zip(COLUMNS, r)) for r in rows])
    lazy = PlanTree()
    lazy.load_tuples(COLUMNS, list(rows))
    assert_same_tree(lazy, plain)
    # values, once asked for, are the row's fields (the rowid left out), an orphan's parent cleared
    for node in lazy.nodes.values():
        assert node.values == plain.nodes[node.id].values
        assert "rowid" not in node.values and len(node.values) == len(COLUMNS)


@settings(max_examples=150, deadline=None)
@given(ROWS, OPS)
def test_edits_after_loading_tuples_keep_the_totals_of_a_full_recompute(spec, ops):
    """Edits, inserts, deletes and moves on a tree loaded from tuples (values and the vectors of
    sub kegiatan rows not made yet) keep every node's sums equal to a full recompute."""
    rows = tuples_of(spec)
    if not cycle_free(rows):
        return
    tree = PlanTree()
    tree.load_tuples(COLUMNS, list(rows))
    _check(tree)
    tree = PlanTree()
    tree.load_tuples(COLUMNS, list(rows))  # nothing asked for before the first edit
    _run_ops(tree, ops, lambda m1, m2, k1, k2: {"pagu": m1, "pagu_n1": m2, "rkpd_pagu": m1})


def test_values_made_once_and_then_a_plain_slot():
    rows = [("a", None, 0, 4, "1.01", "Kegiatan", None, None, None, 1),
            ("b", "a", 1, 5, "1.01.0002", "Sub B", 200, 300, 250, 2),
            ("c", "a", 0, 5, "1.01.0001", "Sub C", 100, None, 90, 3)]
    tree = PlanTree()
    tree.load_tuples(COLUMNS, rows)
    b = tree.nodes["b"]
    assert isinstance(b, RowNode) and isinstance(b, Node)
    assert [c.id for c in tree.nodes["a"].children] == ["c", "b"]
    assert (b.level, b.kode, b.nama, b.get("pagu"), b.get("nope", 7)) == (5, "1.01.0002", "Sub B", 200, 7)
    assert tree.totals == [300, 300, 340] and tree.nodes["a"].sums == [300, 300, 340]
    values = b.values
    assert values is b.values and type(values) is dict
    assert values == dict(zip(COLUMNS, rows[1]))
    values["nama"] = "Sub B baru"
    assert b.nama == "Sub B baru" and b.get("nama") == "Sub B baru"
    changed = tree.set_values("b", pagu=1_000)
    assert changed == {"a", "b"} and tree.totals == [1_100, 300, 340]
    with pytest.raises(AttributeError):
        b.no_such_field  # noqa: B018
    tree.set_kode("c", "1.01.0009")
    assert tree.find_kode("1.01.0009") == [tree.nodes["c"]]


def test_odd_files_take_the_general_path():
    # a position that is not a number, and the same id twice (neither in a file Renja Desktop wrote)
    for rows in ([("a", None, None, 5, "", "A", 1, 2, 3, 1), ("b", None, 0, 5, "", "B", 4, 5, 6, 2)],
                 [("a", None, 1, 5, "", "A", 1, 2, 3, 1), ("a", None, 0, 5, "", "A2", 4, 5, 6, 2),
                  ("b", None, 0, 5, "", "B", 7, 8, 9, 3)]):
        plain = PlanTree()
        plain.load([dict(zip(COLUMNS, r)) for r in rows])
        lazy = PlanTree()
        lazy.load_tuples(COLUMNS, list(rows))
        assert_same_tree(lazy, plain)


# ------------------------------------------------------------------ through the document
# `sample_file` and `doc` (an editable copy of the bundled sample): tests/conftest.py


def test_loaded_document_nodes_are_lazy_and_equal_the_file(doc):
    assert all(isinstance(n, RowNode) for n in doc.plan.nodes.values())
    raw = doc.conn.connection.dbapi_connection
    cursor = raw.execute("SELECT * FROM plan_row")
    names = [c[0] for c in cursor.description]
    rows = {r[0]: dict(zip(names, r)) for r in cursor.fetchall()}
    assert rows == {i: n.values for i, n in doc.plan.nodes.items()}


def test_edit_and_undo_of_rows_never_asked_for(doc):
    leaf = next(n for n in doc.plan.walk() if n.level == 5 and n.get("pagu"))
    parent = leaf.parent
    before = (list(doc.plan.totals), list(parent.sums), leaf.get("pagu"))
    doc.history.execute(ops.SetPlanFields(leaf.id, {"pagu": leaf.get("pagu") + 1_000}))
    assert doc.plan.totals[0] == before[0][0] + 1_000 and parent.sums[0] == before[1][0] + 1_000
    doc.history.undo()
    assert (list(doc.plan.totals), list(parent.sums), leaf.get("pagu")) == before
    doc.history.execute(ops.DeleteRows("plan", [parent.id]))
    assert parent.id not in doc.plan.nodes and doc.plan.totals[0] == before[0][0] - before[1][0]
    doc.history.undo()
    assert doc.plan.totals == before[0] and doc.plan.nodes[parent.id].sums == before[1]
    again = RenjaDocument.open(doc.path, readonly=True)
    try:
        assert again.plan.totals == doc.plan.totals
        def stored(tree):  # the modification stamps are the file's (an undo writes a new one)
            return {i: {k: v for k, v in n.values.items() if k != "modified_at"} for i, n in tree.nodes.items()}

        assert stored(again.plan) == stored(doc.plan)
    finally:
        again.close()
