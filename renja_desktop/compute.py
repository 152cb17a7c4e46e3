"""The computation service: in-memory trees whose parent totals are always derived from leaves.

A :class:`RollupTree` holds rows as :class:`Node` objects. Each leaf (a sub kegiatan row)
contributes a vector of numbers; every node's ``sums`` is the sum of its leaves' vectors. An edit,
insert, delete or move changes the vectors along the affected paths only, by delta, and returns
exactly the ids whose computed values changed, so a view can repaint just those rows.
:meth:`RollupTree.full_recompute` derives everything from scratch; the property-based tests check
that both always agree.

:class:`PlanTree` rolls up ``pagu``, ``pagu_n1`` and ``rkpd_pagu`` (Tabel 3.1, 4.1, 2.3).
:class:`EvalTree` derives Tabel 2.1: columns 12-15 for K and Rp, with the rules of docs/domain.md (K adds up
only for additive satuan; a program row shows Rp as the ratio of sums and K as the mean of its
rows' rates, leaving out rows without a target; a zero or empty denominator gives ``None``).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter, itemgetter
from typing import Any, Iterable, Iterator

from .codes import SUB_KEGIATAN
from .formatting import rate

ZERO = Decimal(0)


class Node:
    __slots__ = ("id", "parent", "children", "values", "own", "sums")
    #: a :class:`RowNode`'s tuple until its values dict is made; ``None`` on every other node
    _row: tuple | None = None

    def __init__(self, row_id: str, values: dict[str, Any]):
        self.id = row_id
        self.parent: Node | None = None
        self.children: list[Node] = []
        self.values = values  # stored fields of the row (a plain dict)
        # this row's own contribution vector and the totals over its subtree (a list): both set by
        # the tree (load or insert) before anything reads them
        self.own: tuple = ()
        self.sums: list = ()  # type: ignore[assignment]

    @property
    def level(self) -> int:
        return self.values["level"]

    @property
    def kode(self) -> str:
        return self.values.get("kode") or ""

    @property
    def nama(self) -> str:
        return self.values.get("nama") or ""

    def get(self, key: str, default: Any = None) -> Any:
        """One stored field (``values.get``), without making a :class:`RowNode`'s dict."""
        return self.values.get(key, default)

    def ancestors(self) -> Iterator["Node"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def depth(self) -> int:
        return sum(1 for _ in self.ancestors())

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<Node {self.kode or self.id[:8]} {self.nama[:20]!r}>"


class RowNode(Node):
    """A node loaded from a file whose ``values`` dict is made from the row's tuple when first
    asked for: a view shows a few dozen of 50.000 rows, and a tuple is cheaper to keep than a
    dict is to make. ``level``, ``kode`` and ``nama`` are read from the tuple until then. Once made,
    ``values`` is an ordinary slot (``__getattr__`` runs only while it is unset).

    A sub kegiatan row loaded without children (:meth:`PlanTree.load_tuples`) gets its ``own``
    and ``sums`` from the tuple too when first asked for (its sums are its own vector), and always
    before its values dict is made (so they are never derived from values changed since).

    One subclass per table layout (:func:`row_node_class`) names the tuple's values."""

    __slots__ = ("_row",)
    #: the names of the tuple's values, in order (a tuple may carry more values after them)
    COLUMNS: tuple[str, ...] = ()
    #: the class whose instances' __dict__ hold the values (one key table shared, PEP 412)
    KIND: type = object
    #: column name -> index in the tuple
    INDEX: dict[str, int] = {}
    _LEVEL = _KODE = _NAMA = 0
    #: the indexes of pagu, pagu_n1 and rkpd_pagu
    _MONEY: tuple[int, int, int] = (0, 0, 0)

    def __getattr__(self, name: str) -> Any:
        row = self._row
        if name == "own" or name == "sums":
            if row is None or row[self._LEVEL] != SUB_KEGIATAN:
                raise AttributeError(name)  # a slot not set yet, as on any node
            # a sub kegiatan loaded without its vectors (and no children then): from the tuple
            i, j, k = self._MONEY
            own = self.own = (row[i] or 0, row[j] or 0, row[k] or 0)
            sums = self.sums = [*own]
            return own if name == "own" else sums
        if name != "values":
            raise AttributeError(name)
        self.own  # noqa: B018 - the vectors first, from the tuple (never from changed values)
        values = object.__new__(self.KIND).__dict__
        values.update(zip(self.COLUMNS, row))
        self.values = values
        self._row = None
        return values

    def get(self, key: str, default: Any = None) -> Any:
        row = self._row
        if row is None:
            return self.values.get(key, default)
        i = self.INDEX.get(key)
        return default if i is None else row[i]

    @property
    def level(self) -> int:
        row = self._row
        return self.values["level"] if row is None else row[self._LEVEL]

    @property
    def kode(self) -> str:
        row = self._row
        return (self.values.get("kode") if row is None else row[self._KODE]) or ""

    @property
    def nama(self) -> str:
        row = self._row
        return (self.values.get("nama") if row is None else row[self._NAMA]) or ""


_ROW_NODE_CLASSES: dict[tuple[str, ...], type[RowNode]] = {}


def row_node_class(columns: Iterable[str]) -> type[RowNode]:
    """The :class:`RowNode` subclass for tuples with these values (made once per layout)."""
    columns = tuple(columns)
    cls = _ROW_NODE_CLASSES.get(columns)
    if cls is None:
        kind = type("node_values", (), {"__slots__": ("__dict__",)})
        cls = _ROW_NODE_CLASSES[columns] = type("PlanRowNode", (RowNode,), {
            "__slots__": (), "COLUMNS": columns, "KIND": kind, "INDEX": {c: i for i, c in enumerate(columns)},
            "_LEVEL": columns.index("level"),
            "_KODE": columns.index("kode"), "_NAMA": columns.index("nama"),
            "_MONEY": tuple(map(columns.index, PLAN_MONEY)) if set(PLAN_MONEY) <= set(columns) else (0, 0, 0)})
    return cls


def _row_item(i: int):
    """Sort key: item ``i`` of an unmade :class:`RowNode`'s tuple."""
    def key(node: RowNode) -> Any:
        return node._row[i]
    return key


def _position(row: dict[str, Any]) -> int:
    return row.get("position") or 0


_BY_POSITION = itemgetter("position")
_BY_ID = itemgetter("id")
_BY_PARENT = itemgetter("parent_id")
_SUMS = attrgetter("sums")
_ROW = attrgetter("_row")
#: the money fields a plan row adds up (PlanTree.COLUMNS)
PLAN_MONEY = ("pagu", "pagu_n1", "rkpd_pagu")


def _parent_id(row: dict[str, Any]) -> str | None:
    return row.get("parent_id")


class RollupTree:
    """A tree of rows whose ``sums`` are maintained incrementally. Subclasses define the vector."""

    #: names of the entries of the contribution vector, in order
    COLUMNS: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.roots: list[Node] = []
        self.totals: list = self._zero()
        # code -> ids of the rows carrying it (duplicates are possible in imported documents);
        # built on first use, then kept up to date
        self._by_kode: dict[str, set[str]] | None = None

    @property
    def by_kode(self) -> dict[str, set[str]]:
        if self._by_kode is None:
            self._by_kode = {}
            for node in self.nodes.values():
                if node.kode:
                    self._by_kode.setdefault(node.kode, set()).add(node.id)
        return self._by_kode

    def _index(self, node: Node) -> None:
        if node.kode and self._by_kode is not None:
            self._by_kode.setdefault(node.kode, set()).add(node.id)

    def _unindex(self, node: Node) -> None:
        if self._by_kode is None:
            return
        ids = self._by_kode.get(node.kode)
        if ids is not None:
            ids.discard(node.id)
            if not ids:
                del self._by_kode[node.kode]

    def set_kode(self, row_id: str, kode: str) -> None:
        """Change a row's code (keeps the code index right)."""
        node = self.nodes[row_id]
        self._unindex(node)
        node.values["kode"] = kode
        self._index(node)

    # -- the vector -------------------------------------------------------------------------
    def _zero(self) -> list:
        return [0] * len(self.COLUMNS)

    def contribution(self, node: Node) -> tuple:
        raise NotImplementedError

    # -- building -------------------------------------------------------------------------
    def load(self, rows: Iterable[dict[str, Any]]) -> None:
        """Build the tree from row dicts (``id``, ``parent_id``, ``position``, ``level``...)."""
        self._by_kode = None
        rows = rows if isinstance(rows, list) else list(rows)
        try:
            rows.sort(key=_BY_POSITION)
        except (KeyError, TypeError):  # rows without a position, or with None
            rows.sort(key=_position)
        ids = list(map(_BY_ID, rows))
        nodes = self.nodes = dict(zip(ids, map(Node, ids, rows)))  # the loop runs in C
        if len(nodes) == len(rows):
            try:
                parents = list(map(_BY_PARENT, rows))
            except KeyError:
                parents = list(map(_parent_id, rows))
        else:  # the same id twice: the last row wins, as its node does
            parents = [n.values.get("parent_id") for n in nodes.values()]
        self._link(parents)
        self._recompute_in_place()

    def _link(self, parents: Iterable[str | None]) -> None:
        """Attach every node of ``self.nodes`` (in order) to its parent id in ``parents``."""
        nodes = self.nodes
        roots: list[Node] = []
        orphans = []
        find = nodes.get
        for node, pid in zip(nodes.values(), parents):
            if pid is None:
                roots.append(node)
            else:
                parent = find(pid)
                if parent is not None:
                    node.parent = parent
                    parent.children.append(node)
                else:
                    orphans.append(node)
        # a row whose parent is missing (a damaged or foreign file) is shown at top level
        for node in orphans:
            node.values["parent_id"] = None
            roots.append(node)
        self.roots = roots

    def _recompute_in_place(self) -> None:
        """Set every node's ``own`` and ``sums`` from scratch (the load path: no result dict)."""
        # breadth-first order: walked backwards, every child comes before its parent
        order = list(self.roots)
        for node in order:
            order.extend(node.children)
        contribution = self.contribution
        for node in order:
            own = node.own = contribution(node)
            node.sums = list(own)
        width = range(len(self.COLUMNS))
        totals = self._zero()
        for node in reversed(order):
            parent = node.parent
            target = parent.sums if parent is not None else totals
            sums = node.sums
            for i in width:
                target[i] += sums[i]
        self.totals = totals

    def full_recompute(self, apply: bool = False) -> dict[str, list]:
        """Derive every node's sums from the leaves alone. With ``apply`` store them.

        Returns ``{row id: sums}`` plus ``""`` for the grand totals. Children are visited before
        their parents by walking the pre-order list backwards.
        """
        order = list(self.walk())
        width = len(self.COLUMNS)
        result: dict[str, list] = {}
        contribution = self.contribution
        owns = [contribution(node) for node in order]
        for node, own in zip(order, owns):
            result[node.id] = list(own)
        totals = self._zero()
        for node in reversed(order):
            acc = result[node.id]
            parent = node.parent
            target = result[parent.id] if parent is not None else totals
            for i in range(width):
                target[i] += acc[i]
        if apply:
            for node, own in zip(order, owns):
                node.own = own
                node.sums = list(result[node.id])
            self.totals = list(totals)
        result[""] = totals
        return result

    # -- queries --------------------------------------------------------------------------
    def siblings_of(self, node: Node) -> list[Node]:
        return node.parent.children if node.parent is not None else self.roots

    def index_of(self, node: Node) -> int:
        return self.siblings_of(node).index(node)

    def children_of(self, parent_id: str | None) -> list[Node]:
        return self.nodes[parent_id].children if parent_id is not None else self.roots

    def walk(self) -> Iterator[Node]:
        """Every node in document (pre-)order."""
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def subtree(self, node: Node) -> Iterator[Node]:
        stack = [node]
        while stack:
            n = stack.pop()
            yield n
            stack.extend(reversed(n.children))

    def find_kode(self, kode: str) -> list[Node]:
        return [self.nodes[i] for i in self.by_kode.get(kode, ())]

    # -- incremental updates --------------------------------------------------------------
    def _propagate(self, start: Node | None, delta: list) -> set[str]:
        """Add ``delta`` to ``start``, its ancestors and the grand totals; return the changed ids."""
        changed: set[str] = set()
        if not any(delta):
            return changed
        node = start
        while node is not None:
            s = node.sums
            for i, d in enumerate(delta):
                if d:
                    s[i] += d
            changed.add(node.id)
            node = node.parent
        for i, d in enumerate(delta):
            if d:
                self.totals[i] += d
        return changed

    def set_values(self, row_id: str, **fields: Any) -> set[str]:
        """Change stored fields of one row; return the ids whose values or totals changed."""
        node = self.nodes[row_id]
        if "kode" in fields:
            self._unindex(node)
        node.values.update(fields)
        if "kode" in fields:
            self._index(node)
        new_own = self.contribution(node)
        delta = [n - o for n, o in zip(new_own, node.own)]
        node.own = new_own
        changed = self._propagate(node, delta)
        changed.add(node.id)
        return changed

    def insert(self, values: dict[str, Any], parent_id: str | None, position: int | None = None) -> set[str]:
        """Insert a new row (no children) at ``position`` among ``parent_id``'s children."""
        node = Node(values["id"], values)
        parent = self.nodes[parent_id] if parent_id is not None else None
        siblings = parent.children if parent is not None else self.roots
        if position is None or position > len(siblings):
            position = len(siblings)
        siblings.insert(position, node)
        node.parent = parent
        values["parent_id"] = parent_id
        self.nodes[node.id] = node
        self._index(node)
        node.own = self.contribution(node)
        node.sums = list(node.own)
        changed = self._propagate(parent, list(node.own))
        changed.add(node.id)
        return changed

    def remove(self, row_id: str) -> tuple[set[str], list[str]]:
        """Remove a row with its subtree. Return (changed ancestor ids, removed ids)."""
        node = self.nodes[row_id]
        parent = node.parent
        self.siblings_of(node).remove(node)
        removed = []
        for n in self.subtree(node):
            removed.append(n.id)
            self._unindex(n)
            del self.nodes[n.id]
        neg = [-v for v in node.sums]
        changed = self._propagate(parent, neg)
        node.parent = None
        return changed, removed

    def move(self, row_id: str, new_parent_id: str | None, position: int | None = None) -> set[str]:
        """Move a row (with its subtree) under another parent or to another position."""
        node = self.nodes[row_id]
        new_parent = self.nodes[new_parent_id] if new_parent_id is not None else None
        # refuse to move a row into its own subtree
        probe = new_parent
        while probe is not None:
            if probe is node:
                raise ValueError("baris tidak dapat dipindahkan ke dalam dirinya sendiri")
            probe = probe.parent
        old_parent = node.parent
        old_siblings = self.siblings_of(node)
        old_index = old_siblings.index(node)
        old_siblings.pop(old_index)
        new_siblings = new_parent.children if new_parent is not None else self.roots
        if position is None or position > len(new_siblings):
            position = len(new_siblings)
        new_siblings.insert(position, node)
        node.parent = new_parent
        node.values["parent_id"] = new_parent_id
        changed = {node.id}
        if old_parent is not new_parent:
            neg = [-v for v in node.sums]
            changed |= self._propagate(old_parent, neg)
            changed |= self._propagate(new_parent, list(node.sums))
        return changed

# =========================================================================================
# The plan tree
# =========================================================================================
class PlanTree(RollupTree):
    """Tabel 3.1/4.1 and 2.3: pagu n, pagu n+1 and the RKPD draft pagu roll up."""

    COLUMNS = ("pagu", "pagu_n1", "rkpd_pagu")

    def _recompute_in_place(self) -> None:
        """:meth:`RollupTree._recompute_in_place` for this three-column vector, written out: the
        load of a city-sized document spends its time here (``test_compute`` checks it against
        the general form)."""
        order = list(self.roots)
        for node in order:
            order.extend(node.children)
        none = (0, 0, 0)
        leaf = SUB_KEGIATAN
        try:
            for node in order:
                v = node.values
                if v["level"] == leaf:
                    own = node.own = (v["pagu"] or 0, v["pagu_n1"] or 0, v["rkpd_pagu"] or 0)
                    node.sums = [*own]
                else:
                    node.own = none
                    node.sums = [0, 0, 0]
        except KeyError:  # rows not read from a file may leave money fields out
            return super()._recompute_in_place()
        totals = [0, 0, 0]
        for node in reversed(order):
            parent = node.parent
            target = parent.sums if parent is not None else totals
            sums = node.sums
            target[0] += sums[0]
            target[1] += sums[1]
            target[2] += sums[2]
        self.totals = totals

    def load_tuples(self, columns: list[str] | tuple[str, ...], rows: list[tuple]) -> None:
        """:meth:`load` from rows as the driver returns them (``columns`` name each tuple's values;
        a tuple may carry more after them), with the same result: every node a :class:`RowNode`
        whose ``values`` dict is made when first asked for.

        The nodes are made in the order read (rowid order: neighbours in memory, which a global
        sort by position would scatter); children are then sorted by position only where they were
        read out of order (stable: as :meth:`load` orders them). A sub kegiatan's ``own`` and
        ``sums`` are made when first asked for (:class:`RowNode`); its parent adds up its money
        fields straight from the tuples.
        ``nodes`` keeps the order read (:meth:`load`'s is sorted by position)."""
        cls = row_node_class(columns)
        at = list(columns).index
        rid, pid, pos, level = at("id"), at("parent_id"), at("position"), at("level")
        m0, m1, m2 = at("pagu"), at("pagu_n1"), at("rkpd_pagu")
        leaf = SUB_KEGIATAN
        none = (0, 0, 0)
        new = object.__new__
        nodes: dict[str, Node] = {}
        for row in rows:
            node = new(cls)
            node.id = key = row[rid]
            node._row = row
            node.children = []
            if row[level] != leaf:  # a sub kegiatan's vectors are made when asked for (RowNode)
                node.own = none
                node.sums = [0, 0, 0]
            nodes[key] = node
        if len(nodes) != len(rows):  # the same id twice (a foreign file): the general path
            return self.load([dict(zip(columns, row)) for row in rows])
        roots: list[Node] = []
        orphans: list[Node] = []
        unsorted: list[list[Node]] = []
        mixed: set[Node] = set()   # parents with a child that is not a sub kegiatan
        find = nodes.get
        try:
            for node, row in zip(nodes.values(), rows):
                parent_id = row[pid]
                if parent_id is None:
                    node.parent = None
                    roots.append(node)
                    continue
                node.parent = parent = find(parent_id)
                if parent is None:
                    orphans.append(node)
                    continue
                children = parent.children
                if children and children[-1]._row[pos] > row[pos]:
                    if len(children) == 1 or children[-2]._row[pos] <= children[-1]._row[pos]:
                        unsorted.append(children)  # noted once: the first time it goes down
                children.append(node)
                if row[level] != leaf:
                    mixed.add(parent)
            by_position = _row_item(pos)
            for children in unsorted:
                children.sort(key=by_position)
            roots.sort(key=by_position)
            orphans.sort(key=by_position)
        except TypeError:  # a position that is not a number (a foreign file): the general path
            return self.load([dict(zip(columns, row)) for row in rows])
        # a row whose parent is missing (a damaged or foreign file) is shown at top level
        for node in orphans:
            node.values["parent_id"] = None
            roots.append(node)
        self._by_kode = None
        self.nodes = nodes
        self.roots = roots
        # breadth-first order: walked backwards, every child comes before its parent; a parent's
        # sums are its own vector plus its children's, added up column by column in C
        order = list(roots)
        for node in order:
            order.extend(node.children)
        money = itemgetter(m0, m1, m2)
        for node in reversed([node for node in order if node.children]):
            if node.level == leaf:  # a sub kegiatan with rows below it (a foreign file)
                node.own  # noqa: B018 - its vectors made now: its children are added to its sums
                mixed.add(node.parent)
            if node in mixed:
                a, b, c = map(sum, zip(*map(_SUMS, node.children)))
            else:  # sub kegiatan rows alone: their sums are their money fields, read from the tuples
                a, b, c = [sum(filter(None, column)) for column in zip(*map(money, map(_ROW, node.children)))]
            sums = node.sums
            sums[0] += a
            sums[1] += b
            sums[2] += c
        self.totals = [*map(sum, zip(*map(_SUMS, roots)))] if roots else [0, 0, 0]

    def contribution(self, node: Node) -> tuple:
        row = node._row
        if row is None:
            v = node.values
            if v["level"] != SUB_KEGIATAN:
                return (0, 0, 0)
            return (v.get("pagu") or 0, v.get("pagu_n1") or 0, v.get("rkpd_pagu") or 0)
        cls = type(node)  # a RowNode whose values are still its tuple (left so)
        if row[cls._LEVEL] != SUB_KEGIATAN:
            return (0, 0, 0)
        at = cls.INDEX
        return (row[at["pagu"]] or 0, row[at["pagu_n1"]] or 0, row[at["rkpd_pagu"]] or 0)

    def pagu(self, row_id: str | None) -> int:
        return (self.nodes[row_id].sums if row_id is not None else self.totals)[0]

    def pagu_n1(self, row_id: str | None) -> int:
        return (self.nodes[row_id].sums if row_id is not None else self.totals)[1]

    def rkpd_pagu(self, row_id: str | None) -> int:
        return (self.nodes[row_id].sums if row_id is not None else self.totals)[2]


# =========================================================================================
# The evaluation tree (Tabel 2.1)
# =========================================================================================
#: satuan whose K values cannot be added up (rates, indices, scores)
NON_ADDITIVE_SATUAN = {
    "%", "persen", "persentase", "indeks", "index", "nilai", "skor", "predikat", "opini",
    "rasio", "ratio", "peringkat", "level", "kategori",
}


def is_additive(satuan: str | None) -> bool:
    s = (satuan or "").strip().lower().rstrip(".")
    return not (s in NON_ADDITIVE_SATUAN or s.startswith("%") or s.startswith("persen")
                or s.startswith("indeks"))


def _dec(v) -> Decimal | None:
    if v is None or v == "":
        return None
    return Decimal(v)


@dataclass(frozen=True)
class EvalValues:
    """Every column of one Tabel 2.1 row, given and computed (K Decimal, Rp int, rates Decimal)."""

    k_5: Decimal | None
    rp_5: int | None
    k_6: Decimal | None
    rp_6: int | None
    k_7: Decimal | None
    rp_7: int | None
    k_tw: tuple[Decimal | None, ...]
    rp_tw: tuple[int | None, ...]
    k_12: Decimal | None
    rp_12: int | None
    k_13: Decimal | None
    rp_13: Decimal | None
    k_14: Decimal | None
    rp_14: int | None
    k_15: Decimal | None
    rp_15: Decimal | None
    #: on a parent row: how many rows the K means of 13 and 15 are taken over
    k_13_rows: int = 0
    k_15_rows: int = 0
    is_summary: bool = False


def eval_leaf_values(v: dict[str, Any]) -> EvalValues:
    """Columns 12-15 of one sub kegiatan row of Tabel 2.1 (docs/domain.md, "Tables and formulas")."""
    additive = is_additive(v.get("satuan"))
    k_tw = tuple(_dec(v.get(f"k_{c}")) for c in (8, 9, 10, 11))
    rp_tw = tuple(v.get(f"rp_{c}") for c in (8, 9, 10, 11))
    if any(x is not None for x in rp_tw):
        rp_12 = sum(x or 0 for x in rp_tw)
    else:
        rp_12 = v.get("rp_12")
    if additive and any(x is not None for x in k_tw):
        k_12 = sum((x or ZERO) for x in k_tw)
    else:
        k_12 = _dec(v.get("k_12"))
    k_5, k_6, k_7 = _dec(v.get("k_5")), _dec(v.get("k_6")), _dec(v.get("k_7"))
    rp_5, rp_6, rp_7 = v.get("rp_5"), v.get("rp_6"), v.get("rp_7")
    if additive and (k_6 is not None or k_12 is not None):
        k_14 = (k_6 or ZERO) + (k_12 or ZERO)
    else:
        k_14 = _dec(v.get("k_14"))
    rp_14 = None if (rp_6 is None and rp_12 is None) else (rp_6 or 0) + (rp_12 or 0)
    return EvalValues(
        k_5=k_5, rp_5=rp_5, k_6=k_6, rp_6=rp_6, k_7=k_7, rp_7=rp_7, k_tw=k_tw, rp_tw=rp_tw,
        k_12=k_12, rp_12=rp_12, k_13=rate(k_12 or ZERO, k_7) if k_7 else None,
        rp_13=rate(rp_12 or 0, rp_7) if rp_7 else None,
        k_14=k_14, rp_14=rp_14, k_15=rate(k_14 or ZERO, k_5) if k_5 else None,
        rp_15=rate(rp_14 or 0, rp_5) if rp_5 else None,
    )


#: rates enter the sums with this many decimals: fixed-point numbers add and subtract exactly, so a
#: parent's mean is the same whether computed at load or kept up to date edit by edit (undo included)
_RATE_STEP = Decimal(1).scaleb(-18)


def _fixed(rate: Decimal | None) -> Decimal:
    if rate is None:
        return ZERO
    if not rate.is_finite() or rate.adjusted() >= 8:  # an absurd rate (>= 10^8 %) is kept as it is
        return rate
    return rate.quantize(_RATE_STEP)


class EvalTree(RollupTree):
    """Tabel 2.1: Rp columns roll up as sums; K rates of leaves roll up as (sum, count) for means."""

    COLUMNS = (
        "rp_5", "rp_6", "rp_7", "rp_8", "rp_9", "rp_10", "rp_11", "rp_12", "rp_14",
        "k_13_sum", "k_13_rows", "k_15_sum", "k_15_rows",
    )

    def contribution(self, node: Node) -> tuple:
        if node.values["level"] != SUB_KEGIATAN:
            return (0,) * 9 + (ZERO, 0, ZERO, 0)
        e = eval_leaf_values(node.values)
        return (
            e.rp_5 or 0, e.rp_6 or 0, e.rp_7 or 0,
            e.rp_tw[0] or 0, e.rp_tw[1] or 0, e.rp_tw[2] or 0, e.rp_tw[3] or 0,
            e.rp_12 or 0, e.rp_14 or 0,
            _fixed(e.k_13), 1 if e.k_13 is not None else 0,
            _fixed(e.k_15), 1 if e.k_15 is not None else 0,
        )

    def values_of(self, row_id: str | None) -> EvalValues:
        """All printed columns of a row; ``None`` gives the grand summary row."""
        if row_id is not None:
            node = self.nodes[row_id]
            if node.values["level"] == SUB_KEGIATAN:
                return eval_leaf_values(node.values)
            sums = node.sums
        else:
            sums = self.totals
        s = dict(zip(self.COLUMNS, sums))
        k13 = s["k_13_sum"] / s["k_13_rows"] if s["k_13_rows"] else None
        k15 = s["k_15_sum"] / s["k_15_rows"] if s["k_15_rows"] else None
        return EvalValues(
            k_5=None, rp_5=s["rp_5"], k_6=None, rp_6=s["rp_6"], k_7=None, rp_7=s["rp_7"],
            k_tw=(None,) * 4, rp_tw=(s["rp_8"], s["rp_9"], s["rp_10"], s["rp_11"]),
            k_12=None, rp_12=s["rp_12"], k_13=k13, rp_13=rate(s["rp_12"], s["rp_7"]),
            k_14=None, rp_14=s["rp_14"], k_15=k15, rp_15=rate(s["rp_14"], s["rp_5"]),
            k_13_rows=s["k_13_rows"], k_15_rows=s["k_15_rows"], is_summary=True,
        )


