"""Property-based: any sequence of edits, moves, inserts and deletes keeps incremental totals equal
to a full recompute, in memory and (through the service) in the file."""
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja_desktop.compute import EvalTree, PlanTree
from renja_desktop.service import EditError, RenjaDocument

MONEY = st.one_of(st.none(), st.integers(min_value=0, max_value=10**13))
K = st.one_of(st.none(), st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False))

OPS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "insert", "delete", "move"]),
        st.integers(min_value=0, max_value=10_000),   # picks a row
        st.integers(min_value=0, max_value=10_000),   # picks a target / position
        MONEY, MONEY, K, K,
    ),
    min_size=1, max_size=40,
)


def _check(tree):
    full = tree.full_recompute(apply=False)
    for node in tree.nodes.values():
        assert node.sums == full[node.id], node
    assert tree.totals == full[""]


def _run_ops(tree, ops, values_for):
    counter = [0]

    def new_id():
        counter[0] += 1
        return f"n{counter[0]}"

    for op, a, b, m1, m2, k1, k2 in ops:
        ids = sorted(tree.nodes)
        if op == "insert" or not ids:
            parents = [None] + [i for i in ids if tree.nodes[i].level < 5]
            parent = parents[a % len(parents)]
            level = 1 if parent is None else tree.nodes[parent].level + 1
            vals = {"id": new_id(), "level": level, "kode": "", "nama": "x", **values_for(m1, m2, k1, k2)}
            tree.insert(vals, parent, b % 5)
        elif op == "edit":
            leaves = [i for i in ids if tree.nodes[i].level == 5] or ids
            tree.set_values(leaves[a % len(leaves)], **values_for(m1, m2, k1, k2))
        elif op == "delete":
            tree.remove(ids[a % len(ids)])
        elif op == "move":
            node = tree.nodes[ids[a % len(ids)]]
            targets = [None] if node.level == 1 else [
                i for i in ids if tree.nodes[i].level == node.level - 1
                and node not in [tree.nodes[i], *tree.nodes[i].ancestors()]]
            if targets:
                tree.move(node.id, targets[b % len(targets)], b % 4)
        _check(tree)


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_plan_tree_incremental_equals_full(ops):
    tree = PlanTree()
    tree.load([])
    _run_ops(tree, ops, lambda m1, m2, k1, k2: {"pagu": m1, "pagu_n1": m2, "rkpd_pagu": m1})


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_eval_tree_incremental_equals_full(ops):
    tree = EvalTree()
    tree.load([])

    def vals(m1, m2, k1, k2):
        return {"rp_5": m1, "rp_7": m2, "rp_8": m1, "rp_12": m2, "k_5": None if k1 is None else str(k1),
                "k_7": None if k2 is None else str(k2), "k_8": None if k1 is None else str(k1),
                "satuan": "Dokumen"}

    _run_ops(tree, ops, vals)
    # means of rates are exact Decimals
    for node in tree.nodes.values():
        v = tree.values_of(node.id)
        assert v.k_13 is None or isinstance(v.k_13, Decimal)


SERVICE_OPS = st.lists(
    st.tuples(st.sampled_from(["edit", "add", "delete", "move", "undo_delete"]),
              st.integers(0, 1000), st.integers(0, 1000), MONEY),
    min_size=1, max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(SERVICE_OPS)
def test_service_edits_persist_and_match_recompute(tmp_path_factory, ops):
    """Through the service: after any sequence, memory == full recompute == the file reopened."""
    path = tmp_path_factory.mktemp("prop") / "doc.sqlite"
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Uji", opd="Dinas Uji")
    u = doc.add_plan_row(None, "8", "Urusan")
    b = doc.add_plan_row(u, "8.01", "Bidang")
    snapshots = []
    for op, x, y, money in ops:
        nodes = list(doc.plan.walk())
        try:
            if op == "add":
                parents = [n for n in nodes if 2 <= n.level < 5]
                parent = parents[x % len(parents)]
                kode = doc.next_free_code(parent.id)
                fields = {"pagu": money} if parent.level == 4 else {}
                doc.add_plan_row(parent.id, kode, f"Baris {kode}", position=y % 3, **fields)
            elif op == "edit":
                leaves = [n for n in nodes if n.level == 5]
                if leaves:
                    doc.set_plan(leaves[x % len(leaves)].id, pagu=money, pagu_n1=money)
            elif op == "delete":
                victims = [n for n in nodes if n.level >= 3]
                if victims:
                    snapshots.append(doc.delete_plan_row(victims[x % len(victims)].id))
            elif op == "undo_delete" and snapshots:
                doc.restore(snapshots.pop())
            elif op == "move":
                movable = [n for n in nodes if n.level >= 3]
                if movable:
                    node = movable[x % len(movable)]
                    targets = [n for n in nodes if n.level == node.level - 1]
                    doc.move_plan_row(node.id, targets[y % len(targets)].id, y % 3)
        except EditError:
            pass
        _check(doc.plan)
    memory = {n.id: (n.kode, n.sums, n.values["parent_id"], doc.plan.index_of(n)) for n in doc.plan.walk()}
    doc.close()
    again = RenjaDocument.open(path)
    disk = {n.id: (n.kode, n.sums, n.values["parent_id"], again.plan.index_of(n)) for n in again.plan.walk()}
    again.close()
    assert memory == disk


ROWS = st.lists(
    st.tuples(st.integers(min_value=0, max_value=60), st.integers(min_value=1, max_value=5), MONEY, MONEY, MONEY,
              st.integers(min_value=0, max_value=9)),
    min_size=1, max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(ROWS)
def test_loading_rows_gives_the_totals_of_the_general_rule(spec):
    """PlanTree's written-out load path equals RollupTree's general one and a full recompute, for
    any rows: missing parents, odd levels and money left empty included."""
    rows = []
    for i, (parent, level, pagu, pagu_n1, rkpd, position) in enumerate(spec):
        pid = f"r{parent}" if parent < i else (None if parent % 3 else f"gone{parent}")
        rows.append({"id": f"r{i}", "parent_id": pid, "level": level, "position": position, "kode": "",
                     "nama": "x", "pagu": pagu, "pagu_n1": pagu_n1, "rkpd_pagu": rkpd})
    fast = PlanTree()
    fast.load([dict(r) for r in rows])
    general = PlanTree()
    general._recompute_in_place = lambda: super(PlanTree, general)._recompute_in_place()
    general.load([dict(r) for r in rows])
    assert fast.totals == general.totals
    for rid, node in fast.nodes.items():
        assert node.sums == general.nodes[rid].sums and node.own == general.nodes[rid].own
        assert [c.id for c in node.children] == [c.id for c in general.nodes[rid].children]
    _check(fast)
