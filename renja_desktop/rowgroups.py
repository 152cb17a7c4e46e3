"""The rows of a child table grouped by the plan row they belong to, made into dicts on demand.

A city-sized document has 100.000 indicator and funding-source rows; a view shows a few dozen of
them at a time. :class:`RowGroups` keeps what the load read (plain row tuples), groups them by
``row_id`` the first time it is asked anything, and makes the row dicts of one plan row the first
time that row's list is asked for. To every caller it is the mapping it always was,
``{row id: [row dict, ...]}`` with each list in ``position`` order: ``get``, ``[]``, ``in``,
iteration, ``items``, ``values``, ``len``, ``pop``, ``setdefault``, assignment and deletion behave
as a ``dict``'s do (keys in the order their first row was read, lists and dicts that a caller
changes in place stay changed).
"""
from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from operator import itemgetter
from typing import Any

#: per tuple of column names, the class whose instances' __dict__ hold the rows (see RowGroups)
_KINDS: dict[tuple[str, ...], type] = {}


class _Unmade(list):
    """A group whose rows are still the tuples read from the file (never handed out)."""

    __slots__ = ()


class RowGroups(MutableMapping):
    """``{row id: [row dict, ...]}`` over rows read as tuples (see the module docstring).

    ``columns`` names the values of each tuple, in order; a tuple may carry more values after them
    (the load reads each row's rowid last, for the row digests), which are left out of its dict.
    """

    __slots__ = ("_columns", "_tuples", "_groups", "_kind")

    def __init__(self, columns: list[str] | tuple[str, ...] = (), rows: list[tuple] | None = None):
        self._columns = tuple(columns)
        self._tuples = rows if rows else None
        self._groups: dict[str, list] | None = None if rows else {}
        # the dicts of one table share one key table (CPython's key-sharing dictionaries, PEP 412):
        # each is the __dict__ of an empty object of one class per table
        kind = _KINDS.get(self._columns)
        if kind is None:
            kind = _KINDS[self._columns] = type("row", (), {"__slots__": ("__dict__",)})
        self._kind = kind

    # ------------------------------------------------------------------ grouping and making
    def _all(self) -> dict[str, list]:
        groups = self._groups
        if groups is None:
            groups = {}
            find = groups.get
            at = self._columns.index("row_id")
            for row in self._tuples:
                key = row[at]
                group = find(key)
                if group is None:
                    groups[key] = group = _Unmade()
                group.append(row)
            if "position" in self._columns:
                by_position = itemgetter(self._columns.index("position"))
                try:
                    for group in groups.values():
                        if len(group) > 1:
                            group.sort(key=by_position)
                except TypeError:  # a position that is not a number (a foreign file): read order
                    pass
            self._groups = groups
            self._tuples = None
        return groups

    def _made(self, key: str, group: list) -> list[dict[str, Any]]:
        """The dicts of one group, kept in its place (the key keeps its place in the order)."""
        kind, columns, new = self._kind, self._columns, object.__new__
        out = []
        for row in group:
            values = new(kind).__dict__
            values.update(zip(columns, row))
            out.append(values)
        self._groups[key] = out
        return out

    # ------------------------------------------------------------------ the mapping
    def __getitem__(self, key: str) -> list[dict[str, Any]]:
        group = self._all()[key]
        return self._made(key, group) if type(group) is _Unmade else group

    def get(self, key: str, default: Any = None) -> Any:
        group = self._all().get(key)
        if group is None:
            return default
        return self._made(key, group) if type(group) is _Unmade else group

    def __setitem__(self, key: str, value: list[dict[str, Any]]) -> None:
        self._all()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._all()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._all()

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def pop(self, key: str, *default: Any) -> Any:
        groups = self._all()
        if key not in groups:
            if default:
                return default[0]
            raise KeyError(key)
        group = self[key]  # made into dicts first: what is handed out is always dicts
        del groups[key]
        return group

    def setdefault(self, key: str, default: Any = None) -> Any:
        group = self.get(key)
        if group is None and key not in self._all():
            self._all()[key] = group = default
        return group

    def clear(self) -> None:
        self._tuples = None
        self._groups = {}

    def __repr__(self) -> str:
        return f"RowGroups({dict(self.items())!r})"
