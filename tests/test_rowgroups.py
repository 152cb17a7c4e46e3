"""RowGroups (the indicators and funding sources of a loaded document, made into dicts on demand)
behaves as the ``dict[str, list[dict]]`` it replaces, for reading, changing and undoing."""
from __future__ import annotations

import random

import pytest

from renja_desktop import operations as ops
from renja_desktop.rowgroups import RowGroups
from renja_desktop.service import RenjaDocument

COLUMNS = ("id", "row_id", "position", "teks")


def rows_and_expected():
    # read order (rowid) is not position order; every tuple ends with an extra value (its rowid)
    rows = [("a2", "A", 2, "A third", 1), ("b0", "B", 0, "B first", 2), ("a0", "A", 0, "A first", 3),
            ("c0", "C", 0, "C only", 4), ("a1", "A", 1, "A second", 5), ("b1", "B", 1, "B second", 6)]
    expected = {}
    for r in sorted(rows, key=lambda r: r[2]):
        expected.setdefault(r[1], []).append(dict(zip(COLUMNS, r)))
    expected = {k: expected[k] for k in ("A", "B", "C")}  # keys in the order first read
    return rows, expected


def test_reads_like_the_grouped_dict():
    rows, expected = rows_and_expected()
    groups = RowGroups(COLUMNS, list(rows))
    assert len(groups) == 3 and list(groups) == ["A", "B", "C"]
    assert "A" in groups and "Z" not in groups
    assert groups.get("Z") is None and groups.get("Z", []) == []
    assert groups["B"] == expected["B"]
    assert dict(groups.items()) == expected and list(groups.values()) == list(expected.values())
    assert groups == expected and list(groups.keys()) == list(expected)
    assert all(type(x) is dict for items in groups.values() for x in items)
    with pytest.raises(KeyError):
        groups["Z"]  # noqa: B018


def test_changes_in_place_stay():
    rows, expected = rows_and_expected()
    groups = RowGroups(COLUMNS, list(rows))
    groups["A"][0]["teks"] = "changed"
    groups.get("A").append({"id": "a3", "row_id": "A", "position": 3, "teks": "new"})
    assert groups["A"] is groups.get("A")
    assert [x["teks"] for x in groups["A"]] == ["changed", "A second", "A third", "new"]
    assert groups.setdefault("C", []) is groups["C"] and len(groups["C"]) == 1
    groups.setdefault("D", []).append({"id": "d0"})
    assert list(groups) == ["A", "B", "C", "D"]
    assert groups.pop("B") == expected["B"] and "B" not in groups
    assert groups.pop("B", None) is None
    with pytest.raises(KeyError):
        groups.pop("B")
    groups["A"] = []
    del groups["C"]
    assert dict(groups) == {"A": [], "D": [{"id": "d0"}]}
    groups.clear()
    assert len(groups) == 0 and groups == {}


def test_random_edits_agree_with_a_dict():
    rnd = random.Random(17)
    for _ in range(40):
        rows = [(f"i{n}", f"R{rnd.randrange(8)}", rnd.randrange(5), f"t{n}", n) for n in range(rnd.randrange(30))]
        reference: dict[str, list[dict]] = {}
        for r in sorted(rows, key=lambda r: r[2]):  # stable: equal positions keep read order
            reference.setdefault(r[1], []).append(dict(zip(COLUMNS, r)))
        order = list(dict.fromkeys(r[1] for r in rows))
        reference = {k: reference[k] for k in order}
        groups = RowGroups(COLUMNS, list(rows))
        for step in range(25):
            key = f"R{rnd.randrange(10)}"
            action = rnd.randrange(7)
            if action == 0:
                assert groups.get(key) == reference.get(key)
            elif action == 1:
                item = {"id": f"n{step}", "row_id": key}
                groups.setdefault(key, []).append(item)
                reference.setdefault(key, []).append(dict(item))
            elif action == 2:
                assert groups.pop(key, None) == reference.pop(key, None)
            elif action == 3:
                groups[key] = [{"id": f"s{step}"}]
                reference[key] = [{"id": f"s{step}"}]
            elif action == 4:
                assert (key in groups) == (key in reference)
            elif action == 5 and key in reference:
                groups[key][0]["teks"] = f"e{step}"
                reference[key][0]["teks"] = f"e{step}"
            elif action == 6:
                assert list(groups.items()) == list(reference.items())
            assert len(groups) == len(reference) and list(groups) == list(reference)
        assert groups == reference


def test_empty():
    groups = RowGroups()
    assert len(groups) == 0 and groups.get("x") is None and "x" not in groups
    groups["x"] = [{"id": "1"}]
    assert groups == {"x": [{"id": "1"}]}


# ------------------------------------------------------------------ a loaded document
# `sample_file` and `doc` (an editable copy of the bundled sample): tests/conftest.py


def file_groups(doc: RenjaDocument, table: str) -> dict[str, list[dict]]:
    raw = doc.conn.connection.dbapi_connection
    cursor = raw.execute(f"SELECT * FROM {table} ORDER BY rowid")
    names = [c[0] for c in cursor.description]
    out: dict[str, list[dict]] = {}
    for r in sorted(cursor.fetchall(), key=lambda r: r[names.index("position")]):
        out.setdefault(r[names.index("row_id")], []).append(dict(zip(names, r)))
    return out


def test_loaded_document_holds_the_file_rows(doc):
    assert isinstance(doc.indikator, RowGroups) and isinstance(doc.sumber_dana, RowGroups)
    for table, groups in (("indikator", doc.indikator), ("sumber_dana", doc.sumber_dana)):
        expected = file_groups(doc, table)
        assert expected, table
        assert dict(groups.items()) == expected and set(groups) == set(expected)


def test_delete_and_undo_of_rows_never_asked_for(doc):
    """A subtree deleted right after loading (its indicator rows still tuples) comes back whole."""
    before_ind, before_sd = file_groups(doc, "indikator"), file_groups(doc, "sumber_dana")
    leaf = next(n for n in doc.plan.walk() if n.id in before_ind and n.id in before_sd)
    top = leaf
    while top.parent is not None:
        top = top.parent
    doc.history.execute(ops.DeleteRows("plan", [top.id]))
    assert leaf.id not in doc.indikator and leaf.id not in doc.sumber_dana
    doc.history.undo()
    assert dict(doc.indikator.items()) == before_ind == file_groups(doc, "indikator")
    assert dict(doc.sumber_dana.items()) == before_sd == file_groups(doc, "sumber_dana")
    doc.history.redo()
    assert leaf.id not in doc.indikator
    doc.history.undo()
    assert doc.indikator[leaf.id] == before_ind[leaf.id]


def test_set_and_undo_on_a_fresh_load(doc):
    leaf = next(n for n in doc.plan.walk() if n.id in doc.indikator)
    before = [dict(x) for x in doc.indikator[leaf.id]]
    doc.history.execute(ops.SetIndikator(leaf.id, [{"teks": "Baru", "target": "3", "satuan": "kali"}]))
    assert [x["teks"] for x in doc.indikator[leaf.id]] == ["Baru"]
    doc.history.undo()
    assert [{k: v for k, v in x.items() if k != "modified_at"} for x in doc.indikator[leaf.id]] == \
        [{k: v for k, v in x.items() if k != "modified_at"} for x in before]
    other = RenjaDocument.open(doc.path, readonly=True)
    try:
        assert dict(other.indikator.items()) == dict(doc.indikator.items())
    finally:
        other.close()
