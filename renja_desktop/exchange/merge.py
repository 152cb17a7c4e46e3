"""Compare and merge two copies of one document, row by row (docs/architecture.md, "Copy and merge").

Three-way when a common ancestor is known -- every verified copy carries its version token and
lineage, and the version is kept locally as a merge base (:mod:`.backups`); two-way otherwise.
Rows are matched by their UUID ``id``, never by name or code.

* A field changed on one side only is taken from that side; the same change on both is taken once.
* The same field changed differently on both sides is a *conflict* for the user to choose.
* A row deleted on one side is deleted, unless the other side changed it or anything beneath it
  (an edit, a new row, a row moved in): then it is a *delete-versus-edit conflict*, decided for the
  row and everything beneath it at once ("keep" keeps the other side's subtree, "delete" keeps only
  what the deleting side still has).
* A move is a change of ``parent_id`` (a field like any other); the order of siblings is merged as a
  sequence: rows added on either side are placed after the row they follow there, and a reordering
  made on one side is kept. Reorderings made differently on both sides are a conflict too.
* Two-way (no ancestor): every row on either side is kept (a deletion cannot be told from an
  addition, so nothing is dropped); every field that differs is a conflict, with the newer side
  (modification stamp) suggested.

Totals are not merged: they are derived from the merged rows when the result is opened. The
result is always a new file; both inputs stay untouched.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Msg, Text, message
from ..formatting import format_rupiah
from ..model import new_id
from .. import rowcheck
from ..storage import DocumentFileError, header_facts, inspect_file
from . import backups, fsutil
from .errors import ExchangeError
from .rowdata import (
    ORDERED_TABLES, ROW_TABLES, TABLE_NAMES, TREE_TABLES, DocRows, field_name, field_text, load_set, row_label,
    show_value, table_text,
)
from .safecopy import time_text
from .sqlitefile import (
    KEY_DIGEST, KEY_LINEAGE, KEY_TOKEN, connect_ro, copy_pages, document_row, file_digest_status, file_sha,
    io_pool, lineage, lineage_json, merge_lineages, quick_check_problems, read_meta, uri_of,
)

MINE, THEIRS = "mine", "theirs"
SIDES = (MINE, THEIRS)
OTHER = {MINE: THEIRS, THEIRS: MINE}


@dataclass
class Conflict:
    """Something both sides changed differently; ``choice`` is ``'mine'`` or ``'theirs'``.

    ``detail`` (what happened) is a :class:`~renja_desktop.errors.Msg`: a message key with its
    arguments (``detail.key``, ``detail.params``), a string in Indonesian (the command line, the
    JSON), rendered in the window's language by :meth:`description`. ``label``, ``base``, ``mine``,
    ``theirs`` and ``what`` are a ``Msg`` too where they are words of the application (``dihapus``,
    ``kode 8.01``), the data itself otherwise; :meth:`cells` renders them.
    """

    key: str                 # stable: "<table>|<row>|<field>"
    table: str
    row: Any
    field: str               # a field name, "*" (delete versus edit) or "*order" (sibling order)
    kind: str                # 'field', 'delete_edit', 'both_added', 'order'
    label: str
    base: str | None
    mine: str
    theirs: str
    detail: str
    newer: str | None = None  # the side whose row is newer (modification stamp), a hint only
    choice: str | None = None
    covers: int = 0           # rows decided together with it (delete versus edit)
    deleter: str | None = None  # delete versus edit: the side that deleted the row
    what: str = ""              # delete versus edit: what the other side changed

    def description(self, lang: str | None = None) -> str:
        """What happened, in ``lang`` (bawaan: the current language)."""
        return message(self.detail, lang)

    def cells(self, lang: str | None = None) -> tuple[str, str | None, str, str]:
        """The row's label, base, mine and theirs in ``lang`` (bawaan: the current language)."""
        return (message(self.label, lang), None if self.base is None else message(self.base, lang),
                message(self.mine, lang), message(self.theirs, lang))

    def as_dict(self) -> dict:
        return {"kunci": self.key, "tabel": TABLE_NAMES.get(self.table, self.table), "baris": self.label,
                "isian": field_name(self.field, "id"), "jenis": self.kind, "dasar": self.base, "milik_saya": self.mine,
                "milik_mereka": self.theirs, "keterangan": self.detail, "lebih_baru": self.newer,
                "pilihan": self.choice}


@dataclass
class Change:
    """A difference that is not a conflict (applied automatically by a merge)."""

    table: str
    row: Any
    label: str
    kind: str                # 'added', 'removed', 'changed', 'moved', 'only', 'reordered'
    side: str                # 'mine', 'theirs', 'both'
    fields: list[tuple[str, str, str]] = field(default_factory=list)   # (field, before, after)

    def as_dict(self) -> dict:
        return {"tabel": TABLE_NAMES.get(self.table, self.table), "baris": self.label, "jenis": self.kind,
                "sisi": self.side, "isian": [{"isian": field_name(f, "id"), "sebelum": a, "sesudah": b}
                                             for f, a, b in self.fields]}


class UnresolvedConflicts(ExchangeError):
    def __init__(self, plan: "MergePlan", missing: list[Conflict]):
        self.plan = plan
        self.missing = missing
        super().__init__("conflicts", "merge.unresolved", plan.mine.path, count=len(missing), label=missing[0].label,
                         field=field_text(missing[0].field))


@dataclass
class _Row:
    """The decision for one row: its final state depends on the choices of ``conflicts``."""

    state: str                             # 'both', 'mine', 'theirs', 'gone', 'group'
    sources: list[str] | None = None       # per field: 'm', 't', or a conflict key
    conflict: str | None = None            # a delete-versus-edit conflict deciding presence
    group: str | None = None               # the delete conflict of an ancestor that decides this row
    deleter: str | None = None             # the side that deleted it (for group/conflict rows)


@dataclass
class MergePlan:
    mine: DocRows
    theirs: DocRows
    base: DocRows | None
    base_note: str
    conflicts: list[Conflict] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: dict[str, dict[Any, _Row]] = field(default_factory=dict)
    order_conflicts: dict[tuple[str, Any], str] = field(default_factory=dict)
    #: per side, per table: ids that differ from the base (two-way: from the other side)
    changed: dict[str, dict[str, set]] = field(default_factory=dict)
    #: rows added under a parent the other side recoded: {row: (conflict, old prefix, new prefix,
    #: the recoding side)}; when the recoding side is chosen, their codes follow the new prefix
    code_follow: dict[Any, tuple[str, str, str, str]] = field(default_factory=dict)

    @property
    def three_way(self) -> bool:
        return self.base is not None

    def conflict(self, key: str) -> Conflict:
        return self._by_key[key]

    def __post_init__(self) -> None:
        self._by_key: dict[str, Conflict] = {}

    def _add_conflict(self, c: Conflict) -> str:
        self.conflicts.append(c)
        self._by_key[c.key] = c
        return c.key

    def resolve(self, resolutions: dict[str, str] | None = None, prefer: str | None = None) -> list[Conflict]:
        """Apply choices; return the conflicts still without one."""
        for c in self.conflicts:
            if resolutions and c.key in resolutions:
                c.choice = resolutions[c.key]
            elif prefer in SIDES and c.choice is None:
                c.choice = prefer
            if c.choice not in (None, MINE, THEIRS):
                raise ExchangeError("bad_choice", "exchange.bad_choice", choice=c.choice)
        return [c for c in self.conflicts if c.choice is None]

    def summary_lines(self, lang: str | None = "id") -> list[str]:
        """What the merge does, in ``lang`` (bawaan: Indonesian, the command line's)."""
        way = Msg("merge.three_way") if self.three_way else Msg("merge.two_way")
        lines = [Msg("merge.summary", way=way, base=self.base_note).message(lang)]
        counts: dict[tuple[str, str], int] = {}
        for ch in self.changes:
            counts[(ch.side, ch.kind)] = counts.get((ch.side, ch.kind), 0) + 1
        for (side, kind), n in sorted(counts.items()):
            lines.append(Msg("merge.summary_rows", count=n, kind=_KIND_TEXT[kind], side=_SIDE_TEXT[side]).message(lang))
        lines.append(Msg("merge.summary_conflicts", count=len(self.conflicts)).message(lang))
        return lines


#: the sides and the kinds of change, for :meth:`MergePlan.summary_lines`
_SIDE_TEXT = {MINE: Text("milik saya", "mine"), THEIRS: Text("milik mereka", "theirs"),
              "both": Text("kedua sisi", "both sides")}
_KIND_TEXT = {"added": Text("ditambah", "added"), "removed": Text("dihapus", "deleted"),
              "changed": Text("diubah", "changed"), "moved": Text("dipindah", "moved"),
              "only": Text("hanya ada di satu sisi", "only on one side"),
              "reordered": Text("dengan urutan anak diubah", "with the order of their rows changed")}


# ---------------------------------------------------------------------------- finding a base
@dataclass
class _Head:
    """What is known of a copy before its rows are read."""

    path: Path
    document_id: str
    meta: dict[str, str]
    opd: str
    tahun: int | None


def _head(path: Path, quick_check: bool = True) -> _Head:
    """Identity and meta of a copy. ``quick_check`` is skipped for a copy whose bytes are exactly as
    saved (its digest; it passed the check when it was written) and for "mine" (the merge result,
    which starts as a snapshot of it, is checked before it is kept)."""
    header_facts(path)
    try:
        conn = connect_ro(path)
        try:
            row = document_row(conn) or {}
            meta = read_meta(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DocumentFileError("damaged", "file.unreadable", path, name=path.name, reason=exc) from exc
    if not row:
        raise DocumentFileError("damaged", "file.no_identity", path, name=path.name)
    if quick_check:
        _check_unless_intact(path, meta)
    return _Head(path, row["id"], meta, row.get("opd") or "", row.get("tahun"))


def _check_unless_intact(path: Path, meta: dict[str, str]) -> None:
    if not (meta.get(KEY_DIGEST) and file_digest_status(path, meta) == "intact"):
        inspect_file(path)


def find_base(mine, theirs) -> tuple[Path | None, str]:
    """The newest common ancestor of two copies that is available here, and how it was found."""
    def tokens(d) -> dict[str, dict]:
        out = {x["token"]: x for x in lineage(d.meta)}
        if d.meta.get(KEY_TOKEN):
            out.setdefault(d.meta[KEY_TOKEN], {"token": d.meta[KEY_TOKEN]})
        return out

    tm, tt = tokens(mine), tokens(theirs)
    # one of them is itself an unchanged earlier version of the other
    for a, ta in ((theirs, tm), (mine, tt)):
        tok = a.meta.get(KEY_TOKEN)
        if tok and tok in ta and a.meta.get(KEY_DIGEST) and file_digest_status(a.path, a.meta) == "intact":
            return a.path, Msg("merge.base_origin", name=a.path.name)
    order = {t: i for i, t in enumerate(tm)}  # mine's lineage is oldest first
    common = [x for t, x in tm.items() if t in tt]
    common.sort(key=lambda x: (x.get("time") or "", order[x["token"]]), reverse=True)
    for entry in common:
        base = backups.find_base(mine.document_id, entry["token"])
        if base is not None:
            return base, Msg("merge.base_stored", time=time_text(entry.get("time")), host=entry.get("host") or "?")
    if common:
        return None, Msg("merge.base_lost")
    return None, Msg("merge.base_none")


# ---------------------------------------------------------------------------- planning
def plan_merge(mine: str | os.PathLike, theirs: str | os.PathLike, base: str | os.PathLike | None = None,
               auto_base: bool = True) -> MergePlan:
    """Compare two copies (and their ancestor) and decide every row; nothing is written."""
    hm, ht = _head(Path(mine), quick_check=False), _head(Path(theirs), quick_check=False)
    # theirs is checked (quick_check, unless its bytes are exactly as saved) on a worker thread while
    # the copies are compared; a damaged copy is still the error reported, as if found first
    checked = io_pool().submit(_check_unless_intact, ht.path, ht.meta)
    try:
        loaded, note = _load_compared(hm, ht, base, auto_base)
    except BaseException:
        checked.result()
        raise
    checked.result()
    plan = MergePlan(loaded.mine, loaded.theirs, loaded.base, note, changed=loaded.changed)
    for table in ROW_TABLES:
        _plan_table(plan, table)
    for table in TREE_TABLES:
        _plan_deletions(plan, table)
    for table in ORDERED_TABLES:
        _plan_order_conflicts(plan, table)
    _plan_code_conflicts(plan)
    rank = {t: i for i, t in enumerate(TABLE_NAMES)}
    plan.changes.sort(key=lambda c: (rank.get(c.table, 99), c.label, c.side))
    plan.conflicts.sort(key=lambda c: (rank.get(c.table, 99), c.label, c.field))
    return plan


def _load_compared(hm: _Head, ht: _Head, base, auto_base: bool):
    """The rows that differ between the two copies and their base (found or given), and how the
    base was found."""
    if hm.document_id != ht.document_id:
        raise ExchangeError("other_document", "exchange.not_same_document", ht.path, a=hm.path.name,
                            a_who=f"{hm.opd or '?'} {hm.tahun or ''}".strip(), b=ht.path.name,
                            b_who=f"{ht.opd or '?'} {ht.tahun or ''}".strip())
    base_path: Path | None = None
    note = Msg("merge.base_given")
    if base is not None:
        hb = _head(Path(base))
        if hb.document_id != hm.document_id:
            raise ExchangeError("other_document", "exchange.base_other", hb.path, name=hb.path.name)
        base_path = hb.path
        note = Msg("merge.base_named", name=hb.path.name)
    elif auto_base:
        base_path, note = find_base(hm, ht)  # a stored base is used only with its digest intact
    try:
        return load_set(hm.path, ht.path, base_path), note
    except sqlite3.DatabaseError as exc:
        raise DocumentFileError("damaged", "exchange.copy_unreadable", hm.path, reason=exc) from exc


def _plan_code_conflicts(plan: MergePlan) -> None:
    """Two conflicts of codes that no single field shows (three-way only):

    * a row recoded on one side while the other side added rows under it with its old code:
      merged silently, the new rows would sit under a parent whose code they do not extend.
      Choosing the recoding side gives the new rows the new code; choosing the adding side keeps
      the old code for the parent and the rows recoded with it.
    * the same code added on both sides (two different new rows): merged silently, the code would
      be used twice. The chosen side's row is kept, the other one left out.
    """
    if plan.base is None:
        return
    table = "plan_row"
    decisions = plan.rows.get(table, {})
    mt, tt, bt = plan.mine.tables[table], plan.theirs.tables[table], plan.base.tables[table]
    fields = mt.fields
    ki, pi = fields.index("kode"), fields.index("parent_id")
    added = {MINE: [], THEIRS: []}
    for key, d in decisions.items():
        if d.state in ("mine", "theirs") and key not in bt.values:
            side = MINE if d.state == "mine" else THEIRS
            added[side].append(key)
    # -- recode versus rows added under the old code
    for side, keys in added.items():
        other = OTHER[side]
        st, ot = (mt, tt) if side == MINE else (tt, mt)
        by_parent: dict[Any, list] = {}
        for key in keys:
            by_parent.setdefault(st.values[key][pi], []).append(key)
        for pid, kids in by_parent.items():
            d = decisions.get(pid)
            if d is None or d.state != "both" or pid not in bt.values or pid not in ot.values:
                continue
            old, new = bt.values[pid][ki], ot.values[pid][ki]
            if not old or old == new or st.values[pid][ki] != old:
                continue
            stale = [k for k in kids if (st.values[k][ki] or "").startswith(old + ".")]
            if not stale:
                continue
            label = _label(plan, table, pid)
            shown = ", ".join(st.values[k][ki] for k in stale[:3])
            recode_text = Msg("merge.recoded", old=old, new=new)
            add_text = Msg("merge.added_under_old", rows=shown, old=old)
            ck = plan._add_conflict(Conflict(
                _conflict_key(table, pid, "*kode_induk"), table, pid, "kode", "recode_child", label, old,
                recode_text if other == MINE else add_text, recode_text if other == THEIRS else add_text,
                Msg("merge.recode_child", rows=shown)))
            # the recoding side's code changes (the parent and the rows recoded with it) now follow
            # this choice
            for key, dk in decisions.items():
                if dk.state != "both" or dk.sources is None or key not in bt.values:
                    continue
                b_code, o_code = bt.values[key][ki] or "", ot.values[key][ki] or ""
                if (b_code == old or b_code.startswith(old + ".")) and o_code != b_code \
                        and (st.values[key][ki] or "") == b_code and o_code == new + b_code[len(old):]:
                    dk.sources[ki] = ck
            # the new rows (and new rows beneath them) follow the new code when the recoder wins
            todo = list(stale)
            while todo:
                k = todo.pop()
                plan.code_follow[k] = (ck, old, new, other)
                todo.extend(c for c in keys if st.values[c][pi] == k and c not in plan.code_follow)
    # -- the same code added on both sides
    theirs_by_code: dict[str, Any] = {}
    for key in added[THEIRS]:
        code = tt.values[key][ki]
        if code:
            theirs_by_code.setdefault(code, key)
    for key in added[MINE]:
        code = mt.values[key][ki]
        other_key = theirs_by_code.get(code) if code else None
        if other_key is None or other_key == key:
            continue
        ck = plan._add_conflict(Conflict(
            _conflict_key(table, key, "*kode_ganda"), table, key, "kode", "same_code",
            Msg("merge.code", code=code), None, " ".join((code, mt.values[key][fields.index("nama")])),
            " ".join((code, tt.values[other_key][fields.index("nama")])), Msg("merge.same_code", code=code)))
        decisions[key] = _Row("group", conflict=ck, deleter=THEIRS)
        decisions[other_key] = _Row("group", conflict=ck, deleter=MINE)


def _candidates(plan: MergePlan, table: str):
    if table in ORDERED_TABLES:
        return plan.changed[MINE][table] | plan.changed[THEIRS][table]
    keys = set(plan.mine.tables[table].values) | set(plan.theirs.tables[table].values)
    if plan.base is not None:
        keys |= set(plan.base.tables[table].values)
    return keys


def _stamp(doc: DocRows, table: str, key) -> str:
    t = doc.tables[table]
    if "modified_at" not in t.columns or key not in t.raw:
        return ""
    return t.raw[key][t.index("modified_at")] or ""


def _newer(plan: MergePlan, table: str, key) -> str | None:
    sm, st = _stamp(plan.mine, table, key), _stamp(plan.theirs, table, key)
    if sm == st:
        return None
    return MINE if sm > st else THEIRS


def _docs(plan: MergePlan) -> list[DocRows]:
    return [d for d in (plan.mine, plan.theirs, plan.base) if d is not None]


def _show(plan: MergePlan, table: str, f: str, v) -> str:
    return show_value(_docs(plan), table, f, v)


def _label(plan: MergePlan, table: str, key) -> str:
    for d in (plan.mine, plan.theirs, plan.base):
        if d is not None and key in d.tables[table].raw:
            return row_label(d, table, key)
    for d in (plan.mine, plan.theirs, plan.base):
        if d is not None and table in ORDERED_TABLES and d.has(table, key):
            d.ensure(table, [key])
            return row_label(d, table, key)
    return row_label(plan.mine, table, key)


def _fields_changed(plan, table, fields, old, new) -> list[tuple[str, str, str]]:
    return [(f, _show(plan, table, f, a), _show(plan, table, f, b))
            for f, a, b in zip(fields, old, new) if a != b]


def _kind(fields: list[tuple[str, str, str]]) -> str:
    names = {f for f, _, _ in fields}
    return "moved" if names == {"parent_id"} else "changed"


def _plan_table(plan: MergePlan, table: str) -> None:
    mt, tt = plan.mine.tables[table], plan.theirs.tables[table]
    bt = plan.base.tables[table] if plan.base is not None else None
    fields = mt.fields
    decisions: dict[Any, _Row] = {}
    plan.rows[table] = decisions
    for key in _candidates(plan, table):
        m, t = mt.values.get(key), tt.values.get(key)
        b = bt.values.get(key) if bt is not None else None
        in_base = b is not None
        if m is not None and t is not None:
            if m == t:
                decisions[key] = _Row("both", ["m"] * len(fields))
                if bt is not None and m != b:
                    if in_base:
                        ch = _fields_changed(plan, table, fields, b, m)
                        plan.changes.append(Change(table, key, _label(plan, table, key), _kind(ch), "both", ch))
                    else:
                        plan.changes.append(Change(table, key, _label(plan, table, key), "added", "both"))
                continue
            sources: list[str] = []
            mine_changes, theirs_changes = [], []
            for i, f in enumerate(fields):
                if m[i] == t[i]:
                    sources.append("m")
                    if in_base and m[i] != b[i]:
                        mine_changes.append((f, _show(plan, table, f, b[i]), _show(plan, table, f, m[i])))
                        theirs_changes.append(mine_changes[-1])
                elif in_base and m[i] == b[i]:
                    sources.append("t")
                    theirs_changes.append((f, _show(plan, table, f, b[i]), _show(plan, table, f, t[i])))
                elif in_base and t[i] == b[i]:
                    sources.append("m")
                    mine_changes.append((f, _show(plan, table, f, b[i]), _show(plan, table, f, m[i])))
                else:
                    kind = "field" if in_base else ("both_added" if bt is not None else "field")
                    detail = Msg("merge.field_changed" if in_base else "merge.field_added" if bt is not None
                                 else "merge.field_two_way", field=field_text(f))
                    ck = plan._add_conflict(Conflict(
                        _conflict_key(table, key, f), table, key, f, kind, _label(plan, table, key),
                        _show(plan, table, f, b[i]) if in_base else None, _show(plan, table, f, m[i]),
                        _show(plan, table, f, t[i]), detail, _newer(plan, table, key)))
                    sources.append(ck)
            decisions[key] = _Row("both", sources)
            label = _label(plan, table, key)
            if mine_changes:
                plan.changes.append(Change(table, key, label, _kind(mine_changes), MINE, mine_changes))
            if theirs_changes and theirs_changes != mine_changes:
                plan.changes.append(Change(table, key, label, _kind(theirs_changes), THEIRS, theirs_changes))
            continue
        if m is None and t is None:
            decisions[key] = _Row("gone")
            plan.changes.append(Change(table, key, _label(plan, table, key), "removed", "both"))
            continue
        side = MINE if m is not None else THEIRS
        present = m if m is not None else t
        if bt is None:  # two-way: keep what only one side has
            decisions[key] = _Row("mine" if side == MINE else "theirs")
            plan.changes.append(Change(table, key, _label(plan, table, key), "only", side))
            continue
        if not in_base:  # added on one side
            decisions[key] = _Row("mine" if side == MINE else "theirs")
            plan.changes.append(Change(table, key, _label(plan, table, key), "added", side))
            continue
        # deleted on the other side
        deleter = OTHER[side]
        if table in TREE_TABLES:
            decisions[key] = _Row("group", deleter=deleter)  # decided with its subtree below
            continue
        if present == b:
            decisions[key] = _Row("gone")
            plan.changes.append(Change(table, key, _label(plan, table, key), "removed", deleter))
        else:
            ck = _delete_conflict(plan, table, key, deleter, [_fields_changed(plan, table, fields, b, present)], 0)
            decisions[key] = _Row("group", conflict=ck, deleter=deleter)


def _key_text(key) -> str:
    return "/".join("" if k is None else str(k) for k in key) if isinstance(key, tuple) else str(key)


def _conflict_key(table: str, key, what: str) -> str:
    """A conflict's stable key, ``<table>|<row>|<field>`` (the command line's ``--choose``)."""
    return f"{table}|{_key_text(key)}|{what}"


def _delete_conflict(plan: MergePlan, table: str, key, deleter: str, changes: list, covers: int) -> str:
    keeper = OTHER[deleter]
    names = {MINE: Msg("merge.my_copy"), THEIRS: Msg("merge.their_copy")}
    what = [item for ch in changes for item in ch]

    def changes_in(lang: str) -> str:
        shown = [f"{field_name(f, lang)}: {message(a, lang)} -> {message(b, lang)}" for f, a, b in what[:4]]
        return "; ".join(shown) + (" ..." if len(what) > 4 else "")

    what_text = Msg("merge.changes", changes=Text(changes_in("id"), changes_in("en"))) if what else ""
    covers_text = Msg("merge.covers", count=covers) if covers else ""
    detail = Msg("merge.delete_edit_changes" if what else "merge.delete_edit", deleter=names[deleter],
                 keeper=names[keeper], covers=covers_text, changes=what_text)
    mine_text = Msg("merge.deleted") if deleter == MINE else Msg("merge.kept")
    theirs_text = Msg("merge.deleted") if deleter == THEIRS else Msg("merge.kept")
    return plan._add_conflict(Conflict(
        _conflict_key(table, key, "*"), table, key, "*", "delete_edit", _label(plan, table, key), Msg("merge.present"),
        mine_text, theirs_text, detail, _newer(plan, table, key), covers=covers, deleter=deleter,
        what=what_text))


def _plan_deletions(plan: MergePlan, table: str) -> None:
    """Rows deleted on one side of a tree: decided per deleted subtree (see module doc)."""
    decisions = plan.rows[table]
    if plan.base is None:
        return
    bt = plan.base.tables[table]
    fields = plan.mine.tables[table].fields
    for deleter in SIDES:
        keeper = OTHER[deleter]
        keeper_doc = plan.theirs if deleter == MINE else plan.mine
        deleter_doc = plan.mine if deleter == MINE else plan.theirs
        kt = keeper_doc.tables[table]
        deleted = {k for k, d in decisions.items() if d.state == "group" and d.deleter == deleter
                   and d.conflict is None}
        if not deleted:
            continue
        pi = kt.index("parent_id")
        kchanged = plan.changed[keeper][table]
        roots = [k for k in deleted if kt.raw[k][pi] is None or kt.raw[k][pi] not in deleted]
        for root in roots:
            subtree = keeper_doc.subtree(table, root)
            keeper_doc.ensure(table, [k for k in subtree if k in kchanged])
            changed = []
            for k in subtree:
                if k not in kchanged:
                    continue
                if k not in bt.values:
                    changed.append([("*", Msg("merge.new"), row_label(keeper_doc, table, k))])
                elif kt.values[k] != bt.values[k]:
                    changed.append(_fields_changed(plan, table, fields, bt.values[k], kt.values[k]))
            in_deleter = deleter_doc.exists(table, subtree)
            if not changed:
                for k in subtree:
                    if k not in in_deleter:
                        decisions[k] = _Row("gone")
                plan.changes.append(Change(table, root, _label(plan, table, root), "removed", deleter))
                continue
            ck = _delete_conflict(plan, table, root, deleter, changed, max(0, len(changed) - 1))
            for k in subtree:
                if k in in_deleter:
                    d = decisions.get(k)
                    if d is not None:
                        d.group = ck
                        d.deleter = deleter
                    continue
                old = decisions.get(k)
                decisions[k] = _Row("group", conflict=ck if k == root else None, group=ck, deleter=deleter)
                if old is not None and old.state in ("mine", "theirs"):
                    # rows added on the keeping side beneath the deleted row: no separate "added" change
                    plan.changes[:] = [c for c in plan.changes if not (c.table == table and c.row == k)]


def _affected_parents(plan: MergePlan, table: str) -> set:
    """Parents whose children changed in some copy (the others keep their order untouched)."""
    cands = plan.changed[MINE][table] | plan.changed[THEIRS][table]
    out = set()
    for d in (plan.mine, plan.theirs, plan.base):
        if d is None:
            continue
        raw = d.tables[table].raw
        for k in cands:
            if k in raw:
                out.add(d.place(table, k)[0])
    return out


def _seqs(doc: DocRows | None, table: str, parents) -> dict:
    """{parent: [child ids in stored order]} of one copy (None when there is no such copy)."""
    if doc is None:
        return None
    return {p: [k for k, _ in items] for p, items in doc.children(table, parents).items()}


def _skeleton(base_seq: list | None, m_seq: list, t_seq: list) -> tuple[list | None, list, list]:
    """The rows every version has under one parent, in each version's order."""
    common = set(m_seq) & set(t_seq)
    if base_seq is not None:
        common &= set(base_seq)
        b = [x for x in base_seq if x in common]
    else:
        b = None
    return b, [x for x in m_seq if x in common], [x for x in t_seq if x in common]


def _plan_order_conflicts(plan: MergePlan, table: str) -> None:
    parents = _affected_parents(plan, table)
    parents = {p for p in parents if p is None or (plan.mine.has(table, p) and plan.theirs.has(table, p))}
    # each copy's children are read by a query of its own: the three copies at once, on worker threads
    # (a copy's caches are touched by its own thread only)
    mo, to, bo = [f.result() for f in [io_pool().submit(_seqs, d, table, parents)
                                       for d in (plan.mine, plan.theirs, plan.base)]]
    for parent in parents:
        b, m, t = _skeleton(bo.get(parent, []) if bo is not None else None, mo[parent], to[parent])
        if b is not None:
            for side, seq in ((MINE, m), (THEIRS, t)):
                if seq != b and (m != t or side == MINE):
                    label = (_label(plan, table, parent) if parent is not None
                             else Msg("merge.table", table=table_text(table)))
                    plan.changes.append(Change(table, parent, label, "reordered", side if m != t else "both"))
        if m == t or (b is not None and (m == b or t == b)):
            continue
        label = (_label(plan, table, parent) if parent is not None
                 else Msg("merge.top_level", table=table_text(table)))
        for d in (plan.mine, plan.theirs, plan.base):
            if d is not None:
                d.ensure(table, (b or []) + m + t)
        names = lambda seq: ", ".join(_short(plan, table, k) for k in seq[:6]) + (" ..." if len(seq) > 6 else "")  # noqa: E731
        ck = plan._add_conflict(Conflict(
            _conflict_key(table, parent, "*order"), table, parent, "*order", "order", label,
            names(b) if b is not None else None, names(m), names(t),
            Msg("merge.order"), None))
        plan.order_conflicts[(table, parent)] = ck


def _short(plan: MergePlan, table: str, key) -> str:
    for d in (plan.mine, plan.theirs, plan.base):
        if d is not None and key in d.tables[table].raw:
            t = d.tables[table]
            row = dict(zip(t.columns, t.raw[key]))
            return row.get("kode") or (row.get("nama") or row.get("indikator") or row.get("program_kegiatan") or "?")[:20]
    return "?"


# ---------------------------------------------------------------------------- the result
@dataclass
class MergeResult:
    output: Path
    plan: MergePlan
    counts: dict[str, int]
    totals: dict[str, int]
    notes: list[str]
    backup: Path | None = None

    def lines(self, lang: str | None = "id") -> list[str]:
        """What the merge did, in ``lang`` (bawaan: Indonesian, the command line's)."""
        out = self.plan.summary_lines(lang)
        out.append(Msg("merge.result", path=self.output).message(lang))
        out.append(Msg("merge.result_totals", mine=format_rupiah(self.totals["mine"]),
                       theirs=format_rupiah(self.totals["theirs"]),
                       result=format_rupiah(self.totals["result"])).message(lang))
        for n in self.notes:
            out.append(Msg("merge.result_note", note=n).message(lang))
        return out


def _choose(plan: MergePlan, ck: str) -> str:
    c = plan.conflict(ck)
    if c.choice is None:
        raise UnresolvedConflicts(plan, [c])
    return c.choice


def _final_rows(plan: MergePlan, table: str) -> dict[Any, tuple[tuple, Any]]:
    """{key: (stored row tuple, side(s) of its collections)} of the merged table.

    Positions are not final yet (see :func:`_order`)."""
    mt, tt = plan.mine.tables[table], plan.theirs.tables[table]
    fields = mt.fields
    virtual = ("indikator", "sumber_dana") if table == "plan_row" else ()
    col_of = {f: mt.index(f) for f in fields if f not in virtual}
    mod_i = mt.index("modified_at") if "modified_at" in mt.columns else None
    out: dict[Any, tuple[tuple, Any]] = {}
    for key, d in plan.rows[table].items():
        if d.state == "gone":
            continue
        if d.state == "group":  # not on the deleting side: decided by its (or its ancestor's) conflict
            if _choose(plan, d.conflict or d.group) == d.deleter:
                continue
            side = OTHER[d.deleter]
            out[key] = ((mt if side == MINE else tt).raw[key], side)
            continue
        if d.state in ("mine", "theirs"):
            side = MINE if d.state == "mine" else THEIRS
            row = (mt if side == MINE else tt).raw[key]
            follow = plan.code_follow.get(key) if table == "plan_row" else None
            if follow is not None and _choose(plan, follow[0]) == follow[3]:
                ck, old, new, _ = follow
                kode_i = mt.index("kode")
                row = tuple(new + v[len(old):] if i == kode_i else v for i, v in enumerate(row))
            out[key] = (row, side)
            continue
        # on both sides: field by field
        group_choice = _choose(plan, d.group) if d.group is not None else None
        mrow, trow = mt.raw[key], tt.raw[key]
        mvals, tvals = mt.values[key], tt.values[key]
        row = list(mrow)
        coll_side: dict[str, str] = {}
        for i, f in enumerate(fields):
            src = d.sources[i]
            if src not in ("m", "t"):
                src = "m" if _choose(plan, src) == MINE else "t"
            if f == "parent_id" and group_choice is not None and group_choice == d.deleter:
                src = "m" if d.deleter == MINE else "t"  # back where the deleting side keeps it
            if f in virtual:
                if mvals[i] == tvals[i]:  # equal lists: the same rows whichever side is "mine"
                    ids_m = [r[0] for r in getattr(plan.mine, f).get(key, [])]
                    ids_t = [r[0] for r in getattr(plan.theirs, f).get(key, [])]
                    ids_b = ([r[0] for r in getattr(plan.base, f).get(key, [])]
                             if plan.base is not None else None)
                    if ids_b is not None and ids_m == ids_b and ids_t != ids_b:
                        src = "t"  # theirs wrote them anew
                    elif ids_b is not None and ids_t == ids_b and ids_m != ids_b:
                        src = "m"
                    else:
                        src = "m" if ids_m <= ids_t else "t"
                coll_side[f] = MINE if src == "m" else THEIRS
            elif src == "t":
                row[col_of[f]] = trow[col_of[f]]
        if mod_i is not None:
            row[mod_i] = max(mrow[mod_i] or "", trow[mod_i] or "")
        if table == "declared_value" and mrow[0] != trow[0]:
            row[0] = min(mrow[0], trow[0])  # matched by what it is; one id whichever side is "mine"
        out[key] = (tuple(row), coll_side or None)
    return out


def _order(plan: MergePlan, table: str, final: dict[Any, tuple[tuple, Any]]) -> dict[Any, int]:
    """New positions of the rows under every parent whose children changed somewhere, merging the
    sibling sequences of both sides. Rows of other parents keep their stored positions."""
    mt = plan.mine.tables[table]
    par = mt.index("parent_id") if "parent_id" in mt.columns else None
    kode_i = mt.index("kode") if "kode" in mt.columns else None
    decided = plan.rows[table]
    affected = _affected_parents(plan, table)
    new_kids: dict[Any, list] = {}
    for key, (row, _) in final.items():
        parent = row[par] if par is not None else None
        new_kids.setdefault(parent, []).append(key)
        affected.add(parent)
    affected = {p for p in affected
                if p is None or p in final or (p not in decided and plan.mine.has(table, p))}
    mkids, tkids = plan.mine.children(table, affected), plan.theirs.children(table, affected)
    mo, to, bo = (_seqs(d, table, affected) for d in (plan.mine, plan.theirs, plan.base))
    positions: dict[Any, int] = {}
    for parent in affected:
        members = [k for k in mo.get(parent, []) if k not in decided] + new_kids.get(parent, [])
        members_set = set(members)
        m_seq = [k for k in mo.get(parent, []) if k in members_set]
        t_seq = [k for k in to.get(parent, []) if k in members_set]
        b_seq = [k for k in bo.get(parent, []) if k in members_set] if bo is not None else None
        b, m, t = _skeleton(b_seq, m_seq, t_seq)
        if m == t:
            skel = m
        elif b is not None and m == b:
            skel = t
        elif b is not None and t == b:
            skel = m
        else:
            ck = plan.order_conflicts.get((table, parent))
            choice = _choose(plan, ck) if ck else MINE
            skel = m if choice == MINE else t
        skel_set = set(skel)
        runs: dict[Any, list[list]] = {}
        placed = set(skel)
        for seq in (m_seq, t_seq, b_seq or []):
            anchor, run = "^", []
            for k in seq:
                if k in skel_set:
                    if run:
                        runs.setdefault(anchor, []).append(run)
                        run = []
                    anchor = k
                elif k not in placed:
                    run.append(k)
                    placed.add(k)
            if run:
                runs.setdefault(anchor, []).append(run)
        leftover = sorted(members_set - placed, key=lambda k: _sort_key(plan, table, final, k, kode_i))
        if leftover:
            runs.setdefault("^", []).append(leftover)

        def emit(anchor, out):
            for run in sorted(runs.get(anchor, []), key=lambda r: _sort_key(plan, table, final, r[0], kode_i)):
                out.extend(run)

        order: list = []
        emit("^", order)
        for k in skel:
            order.append(k)
            emit(k, order)
        # keep the stored positions when they describe exactly this order on every side that has it
        candidates = []
        for seq_all, kids in ((mo.get(parent, []), mkids), (to.get(parent, []), tkids)):
            if seq_all == order:
                candidates.append([pos for _, pos in kids[parent]])
        if candidates and all(c == candidates[0] for c in candidates):
            positions.update(zip(order, candidates[0]))
        else:
            positions.update((k, i) for i, k in enumerate(order))
    return positions


def _sort_key(plan: MergePlan, table: str, final, key, kode_i):
    row = final[key][0] if key in final else plan.mine.tables[table].raw.get(key)
    kode = (row[kode_i] or "") if (row is not None and kode_i is not None) else ""
    return (kode, str(key))


def _repair_orphans(plan: MergePlan, table: str, final: dict, notes: list[str]) -> None:
    """A kept row whose parent is not kept: put the parent back (never lose a row silently)."""
    par = plan.mine.tables[table].index("parent_id")
    decided = plan.rows[table]

    def kept(pid) -> bool:
        return pid in final or (pid not in decided and plan.mine.has(table, pid))

    changed = True
    while changed:
        changed = False
        for key, (row, _) in list(final.items()):
            pid = row[par]
            if pid is None or kept(pid):
                continue
            for side, doc in ((MINE, plan.mine), (THEIRS, plan.theirs), (MINE, plan.base)):
                if doc is not None and doc.has(table, pid):
                    doc.ensure(table, [pid])
                    final[pid] = (doc.tables[table].raw[pid], side)
                    decided.setdefault(pid, _Row("mine" if side == MINE else "theirs"))
                    notes.append(Msg("merge.kept_parent", row=_label(plan, table, pid), child=_label(plan, table, key)))
                    changed = True
                    break
            else:
                final[key] = (tuple(None if i == par else v for i, v in enumerate(row)), final[key][1])
                notes.append(Msg("merge.orphan", row=_label(plan, table, key)))
                changed = True


def write_merge(plan: MergePlan, out: str | os.PathLike, resolutions: dict[str, str] | None = None,
                prefer: str | None = None, backup_mine: bool = True) -> MergeResult:
    """Write the merged document to the new file ``out`` (refuses to overwrite).

    The result starts as a consistent snapshot of "mine" (its pages, copied under a read lock); the
    rows the merge decided differently are then updated, inserted or deleted in one transaction, the order of the
    affected siblings rewritten, and the file checked (``quick_check``, ``foreign_key_check``)
    before it is flushed and renamed into place."""
    out = Path(out)
    missing = plan.resolve(resolutions, prefer)
    if missing:
        raise UnresolvedConflicts(plan, missing)
    if out.exists():
        raise ExchangeError("exists", "exchange.result_exists", out, name=out.name)
    if not out.parent.is_dir():
        raise ExchangeError("no_folder", "file.no_folder", out, folder=out.parent)
    for src in (plan.mine.path, plan.theirs.path):
        if out.resolve() == src.resolve():
            raise ExchangeError("same_file", "exchange.merge_same_file", out)
    notes = list(plan.notes)
    finals = {t: _final_rows(plan, t) for t in ROW_TABLES}
    for table in TREE_TABLES:
        _repair_orphans(plan, table, finals[table], notes)
    positions = {t: _order(plan, t, finals[t]) for t in ORDERED_TABLES}
    # both inputs' version entries hash whole files: on a worker thread while the result is written
    versions = io_pool().submit(_version_entries, plan)
    backup = backups.take_backup(plan.mine.path, "sebelum-gabung") if backup_mine else None
    tmp = fsutil.temp_path_for(out)
    try:
        # a snapshot of "mine": its pages copied byte for byte while a read transaction holds it still
        src = connect_ro(plan.mine.path)
        try:
            src.execute("BEGIN")
            page_size = src.execute("PRAGMA page_size").fetchone()[0]
            pages = src.execute("PRAGMA page_count").fetchone()[0]  # takes the read lock
            fsutil.create_empty(tmp)
            copy_pages(plan.mine.path, tmp, page_size, pages)
        finally:
            src.close()
        conn = sqlite3.connect(str(tmp))
        try:
            conn.execute("PRAGMA synchronous=OFF")  # a temporary file: flushed once, below, before the rename
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA foreign_keys=OFF")
            # "mine" has complete row digests: the merge re-digests only the buckets it writes to
            # (the rest keep theirs, so damage in an untouched row stays detectable); else all rows
            incremental = rowcheck.current(conn) and rowcheck.install(conn)
            if incremental:  # a row INSERT OR REPLACE removes fires the delete trigger too
                conn.execute("PRAGMA recursive_triggers=ON")
            counts = _apply(plan, conn, finals, positions, incremental, versions)
            # quick_check of the written result on a worker thread (a connection of its own) while
            # its references, codes and totals are read here
            checked = io_pool().submit(quick_check_problems, tmp)
            try:
                references = _check_references(plan, conn, finals)
                code_notes = _duplicate_code_notes(plan, conn)
                totals = {"result": _total(conn, "main")}
                for alias, d in (("m", plan.mine), ("t", plan.theirs)):
                    conn.execute(f"ATTACH DATABASE ? AS {alias}", (f"file:{uri_of(d.path)}?mode=ro",))
                    totals[MINE if alias == "m" else THEIRS] = _total(conn, alias)
            except BaseException:
                _refuse_inconsistent(checked.result(), out)  # what quick_check found comes first
                raise
            _refuse_inconsistent(checked.result() + references, out)
            notes.extend(code_notes)
        finally:
            conn.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        fsutil.replace_with_retries(tmp, out)
        fsutil.fsync_dir(out.parent)
    finally:
        fsutil.forget_temp(tmp)
    return MergeResult(out, plan, counts, totals, notes, backup)


def _refuse_inconsistent(bad: list[str], out: Path) -> None:
    if bad:
        raise ExchangeError("merge_failed", "exchange.merge_failed", out, detail=bad[0])


def _check_references(plan: MergePlan, conn: sqlite3.Connection, finals: dict) -> list[str]:
    """Every row the merge wrote points at a row that exists, and no row points at one it removed
    (the rest of the file is "mine" as it was, consistent already)."""
    bad: list[str] = []
    for table in TREE_TABLES:
        t = plan.mine.tables[table]
        pi = t.index("parent_id")
        for key, (row, _) in finals[table].items():
            pid = row[pi]
            if pid is not None and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (pid,)).fetchone() is None:
                bad.append(f"{table} {key}: induk {pid} tidak ada")
        for key in plan.rows[table]:
            if key not in finals[table]:
                if conn.execute(f"SELECT 1 FROM {table} WHERE parent_id = ?", (key,)).fetchone() is not None:
                    bad.append(f"{table} {key}: masih punya anak")
    for kind in ("indikator", "sumber_dana"):
        for key in plan.rows["plan_row"]:
            if key not in finals["plan_row"] and conn.execute(
                    f"SELECT 1 FROM {kind} WHERE row_id = ?", (key,)).fetchone() is not None:
                bad.append(f"{kind} milik baris terhapus {key}")
    return bad


def _total(conn: sqlite3.Connection, schema: str) -> int:
    """Grand total pagu n: money lives on sub kegiatan only (as the plan tree sums it)."""
    return conn.execute(f"SELECT coalesce(sum(pagu), 0) FROM {schema}.plan_row WHERE level = 5").fetchone()[0]


def _columns_sql(cols: list[str]) -> tuple[str, str]:
    return ", ".join(f'"{c}"' for c in cols), ", ".join("?" for _ in cols)


def _apply(plan: MergePlan, conn: sqlite3.Connection, finals: dict, positions: dict,
           incremental: bool = False, versions=None) -> dict[str, int]:
    """Turn the copy of "mine" into the merge result (one transaction). ``incremental``: the
    connection notes the buckets it writes (:func:`rowcheck.install`), only those are re-digested."""
    counts = {"diubah": 0, "ditambah": 0, "dihapus": 0}
    mine = plan.mine
    with conn:
        # identity
        t = mine.tables["document"]
        row = finals["document"]["document"][0]
        if row != t.raw["document"]:
            names = ", ".join(f'"{c}" = ?' for c in t.columns[1:])
            conn.execute(f"UPDATE document SET {names} WHERE id = ?", (*row[1:], row[0]))
        # trees and lists
        for table in ORDERED_TABLES:
            t = mine.tables[table]
            names, marks = _columns_sql(t.columns)
            pi = t.index("position")
            final = finals[table]
            raw = t.raw
            for key in plan.rows[table]:
                if key not in final and key in raw:
                    conn.execute(f"DELETE FROM {table} WHERE id = ?", (key,))
                    if table == "plan_row":
                        conn.execute("DELETE FROM indikator WHERE row_id = ?", (key,))
                        conn.execute("DELETE FROM sumber_dana WHERE row_id = ?", (key,))
                    counts["dihapus"] += 1
            for key, (row, _) in final.items():
                row = list(row)
                row[pi] = positions[table].get(key, row[pi])
                row = tuple(row)
                if key in raw:
                    if row != raw.get(key):
                        conn.execute(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})", row)
                        counts["diubah"] += 1
                else:
                    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", row)
                    counts["ditambah"] += 1
            # rows the merge did not touch whose place among their siblings changed
            for key, pos in positions[table].items():
                if key not in final:
                    now = mine.place(table, key)
                    if now is not None and now[1] != pos:
                        conn.execute(f"UPDATE {table} SET position = ? WHERE id = ?", (pos, key))
        # indicators and funding of the plan rows the merge decided
        for kind, cols in (("indikator", mine.ind_columns), ("sumber_dana", mine.sd_columns)):
            names, marks = _columns_sql(cols)
            for key, (row, coll) in finals["plan_row"].items():
                side = (coll or {}).get(kind) if isinstance(coll, dict) else coll
                if side in (MINE, None) and key in mine.tables["plan_row"].raw:
                    continue  # already as in "mine"
                doc = mine if side in (MINE, None) else plan.theirs
                conn.execute(f"DELETE FROM {kind} WHERE row_id = ?", (key,))
                for r in getattr(doc, kind).get(key, []):
                    if conn.execute(f"SELECT 1 FROM {kind} WHERE id = ?", (r[0],)).fetchone():
                        r = (new_id(),) + tuple(r[1:])
                    conn.execute(f"INSERT INTO {kind} ({names}) VALUES ({marks})", r)
        # printed values (matched by what they are)
        t = mine.tables["declared_value"]
        names, marks = _columns_sql(t.columns)
        final_declared = finals["declared_value"]
        for key, row in t.raw.items():
            if key not in final_declared or final_declared[key][0] != row:
                conn.execute("DELETE FROM declared_value WHERE id = ?", (row[0],))
        for key, (row, _) in final_declared.items():
            if t.raw.get(key) != row:
                conn.execute("DELETE FROM declared_value WHERE id = ?", (row[0],))
                conn.execute(f"INSERT INTO declared_value ({names}) VALUES ({marks})", row)
        # meta: merged notes, both inputs' lineage and both inputs as ancestors (no copy digest)
        conn.execute("DELETE FROM meta")
        meta = [row for _, (row, _) in finals["meta"].items()]
        lin = merge_lineages(lineage(plan.mine.meta), lineage(plan.theirs.meta),
                             versions.result() if versions is not None else _version_entries(plan))
        meta.append((KEY_LINEAGE, lineage_json(lin)))
        conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta)
        from ..stagefile import merge_extra_tables  # stages, notes, Renstra: kept from both copies

        merge_extra_tables(conn, plan.theirs.path)
        if incremental:
            rowcheck.flush(conn)  # the merged rows get digests of their own
        else:
            rowcheck.rebuild(conn)
    return counts


def _version_entries(plan: MergePlan) -> list[dict]:
    """Both inputs become ancestors of the result, so the result may later replace either copy:
    a saved copy by its version token, a working file by the hash of its bytes as they are now."""
    from datetime import datetime, timezone


    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    out = []
    for d in (plan.mine, plan.theirs):
        tok = d.meta.get(KEY_TOKEN)
        if tok and d.meta.get(KEY_DIGEST) and file_digest_status(d.path, d.meta) == "intact":
            out.append({"token": tok, "time": now})
        else:
            sha = file_sha(d.path)
            out.append({"token": f"berkas:{sha}", "file_sha": sha, "time": now})
    return out


def _duplicate_code_notes(plan: MergePlan, conn: sqlite3.Connection) -> list[str]:
    q = "SELECT kode, count(*) FROM {}.plan_row WHERE kode != '' GROUP BY kode HAVING count(*) > 1"
    now = dict(conn.execute(q.format("main")).fetchall())
    if not now:
        return []
    before: dict[str, int] = {}
    for d in (plan.mine, plan.theirs):
        c = connect_ro(d.path)
        try:
            for kode, n in c.execute(q.format("main")):
                before[kode] = max(before.get(kode, 0), n)
        finally:
            c.close()
    return [Msg("merge.code_twice", kode=kode, count=n) for kode, n in sorted(now.items()) if n > before.get(kode, 1)]


def merge_files(mine: str | os.PathLike, theirs: str | os.PathLike, out: str | os.PathLike,
                base: str | os.PathLike | None = None, prefer: str | None = None,
                resolutions: dict[str, str] | None = None) -> MergeResult:
    """Plan and write in one go (the command line). Raises :class:`UnresolvedConflicts` (nothing
    written) when a conflict has no choice and no ``prefer``."""
    plan = plan_merge(mine, theirs, base)
    return write_merge(plan, out, resolutions, prefer)


__all__ = ["Conflict", "Change", "MergePlan", "MergeResult", "UnresolvedConflicts", "plan_merge",
           "write_merge", "merge_files", "find_base", "MINE", "THEIRS"]
