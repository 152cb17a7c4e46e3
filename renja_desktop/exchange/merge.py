"""Compare and merge two copies of one document, row by row (DESIGN.md section 6).

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

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import new_id
from ..storage import DocumentFileError, create_file, inspect_file
from . import backups, fsutil
from .errors import ExchangeError
from .rowdata import (
    ORDERED_TABLES, ROW_TABLES, TABLE_NAMES, TREE_TABLES, DocRows, field_name, load, row_label,
    show_value,
)
from .sqlitefile import (
    KEY_DIGEST, KEY_LINEAGE, KEY_TOKEN, file_digest_status, lineage, lineage_json, merge_lineages,
)

MINE, THEIRS = "mine", "theirs"
SIDES = (MINE, THEIRS)
OTHER = {MINE: THEIRS, THEIRS: MINE}


@dataclass
class Conflict:
    """Something both sides changed differently; ``choice`` is ``'mine'`` or ``'theirs'``."""

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

    def as_dict(self) -> dict:
        return {"kunci": self.key, "tabel": TABLE_NAMES.get(self.table, self.table), "baris": self.label,
                "isian": field_name(self.field), "jenis": self.kind, "dasar": self.base, "milik_saya": self.mine,
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
                "sisi": self.side, "isian": [{"isian": field_name(f), "sebelum": a, "sesudah": b}
                                             for f, a, b in self.fields]}


class UnresolvedConflicts(ExchangeError):
    def __init__(self, plan: "MergePlan", missing: list[Conflict]):
        self.plan = plan
        self.missing = missing
        super().__init__(
            "conflicts",
            f"Ada {len(missing)} pertentangan yang belum dipilih (mis. {missing[0].label}, "
            f"{field_name(missing[0].field)}). Pilih untuk masing-masing, atau pakai --prefer mine|theirs. "
            "Belum ada berkas yang ditulis.", plan.mine.path)


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
                raise ExchangeError("bad_choice", f"Pilihan '{c.choice}' tidak dikenal (mine atau theirs).")
        return [c for c in self.conflicts if c.choice is None]

    def summary_lines(self) -> list[str]:
        way = "tiga arah" if self.three_way else "dua arah (tanpa versi dasar)"
        lines = [f"Penggabungan {way}: {self.base_note}"]
        counts: dict[tuple[str, str], int] = {}
        for ch in self.changes:
            counts[(ch.side, ch.kind)] = counts.get((ch.side, ch.kind), 0) + 1
        side_names = {MINE: "milik saya", THEIRS: "milik mereka", "both": "kedua sisi"}
        kinds = {"added": "ditambah", "removed": "dihapus", "changed": "diubah", "moved": "dipindah",
                 "only": "hanya ada di satu sisi", "reordered": "dengan urutan anak diubah"}
        for (side, kind), n in sorted(counts.items()):
            lines.append(f"- {n} baris {kinds[kind]} ({side_names[side]})")
        lines.append(f"- {len(self.conflicts)} pertentangan")
        return lines


# ---------------------------------------------------------------------------- finding a base
def find_base(mine: DocRows, theirs: DocRows) -> tuple[Path | None, str]:
    """The newest common ancestor of two copies that is available here, and how it was found."""
    def tokens(d: DocRows) -> dict[str, dict]:
        out = {x["token"]: x for x in lineage(d.meta)}
        if d.meta.get(KEY_TOKEN):
            out.setdefault(d.meta[KEY_TOKEN], {"token": d.meta[KEY_TOKEN]})
        return out

    tm, tt = tokens(mine), tokens(theirs)
    # one of them is itself an unchanged earlier version of the other
    for a, b, ta in ((theirs, mine, tm), (mine, theirs, tt)):
        tok = a.meta.get(KEY_TOKEN)
        if tok and tok in ta and a.meta.get(KEY_DIGEST) and file_digest_status(a.path, a.meta) == "intact":
            return a.path, f"'{a.path.name}' adalah versi yang menjadi asal salinan lainnya"
    common = [x for t, x in tm.items() if t in tt]
    common.sort(key=lambda x: (x.get("time") or "", x["token"]), reverse=True)
    for entry in common:
        base = backups.find_base(mine.document_id, entry["token"])
        if base is not None:
            when = entry.get("time") or "?"
            return base, f"versi dasar bersama disimpan {when} ({entry.get('host') or '?'})"
    if common:
        return None, "versi dasar bersama tercatat, tetapi salinannya tidak ada di komputer ini"
    return None, "kedua salinan tidak memiliki versi dasar bersama yang tercatat"


# ---------------------------------------------------------------------------- planning
def plan_merge(mine: str | os.PathLike | DocRows, theirs: str | os.PathLike | DocRows,
               base: str | os.PathLike | DocRows | None = None, auto_base: bool = True) -> MergePlan:
    """Compare two copies (and their ancestor) and decide every row; nothing is written."""
    m = mine if isinstance(mine, DocRows) else _load_checked(Path(mine))
    t = theirs if isinstance(theirs, DocRows) else _load_checked(Path(theirs))
    if m.document_id != t.document_id:
        raise ExchangeError(
            "other_document",
            f"'{m.path.name}' ({m.opd or '?'} {m.tahun or ''}) dan '{t.path.name}' ({t.opd or '?'} {t.tahun or ''}) "
            "bukan salinan dokumen yang sama (id dokumen berbeda); keduanya tidak dapat dibandingkan baris "
            "demi baris.", t.path)
    note = "versi dasar diberikan"
    b: DocRows | None = None
    if base is not None:
        b = base if isinstance(base, DocRows) else _load_checked(Path(base))
        if b.document_id != m.document_id:
            raise ExchangeError("other_document", f"Versi dasar '{b.path.name}' adalah dokumen lain.", b.path)
        note = f"versi dasar '{b.path.name}'"
    elif auto_base:
        path, note = find_base(m, t)
        if path is not None:
            b = _load_checked(path)
    plan = MergePlan(m, t, b, note)
    for table in ROW_TABLES:
        _plan_table(plan, table)
    for table in TREE_TABLES:
        _plan_deletions(plan, table)
    for table in ORDERED_TABLES:
        _plan_order_conflicts(plan, table)
    return plan


def _load_checked(path: Path) -> DocRows:
    inspect_file(path)
    try:
        return load(path)
    except sqlite3.DatabaseError as exc:
        raise DocumentFileError("damaged", f"Berkas '{path.name}' tidak dapat dibaca: {exc}", path) from exc


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
    keys = set(mt.values) | set(tt.values) | (set(bt.values) if bt is not None else set())
    for key in keys:
        m, t = mt.values.get(key), tt.values.get(key)
        b = bt.values.get(key) if bt is not None else None
        in_base = bt is not None and key in bt.values
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
                    if in_base:
                        detail = (f"{field_name(f)} diubah berbeda di kedua salinan")
                    elif bt is not None:
                        detail = f"baris ditambahkan di kedua salinan dengan {field_name(f)} berbeda"
                    else:
                        detail = f"{field_name(f)} berbeda (tanpa versi dasar: tidak diketahui sisi mana yang mengubah)"
                    ck = plan._add_conflict(Conflict(
                        f"{table}|{_key_text(key)}|{f}", table, key, f, kind, _label(plan, table, key),
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


def _delete_conflict(plan: MergePlan, table: str, key, deleter: str, changes: list, covers: int) -> str:
    keeper = OTHER[deleter]
    names = {MINE: "salinan saya", THEIRS: "salinan mereka"}
    what = []
    for ch in changes:
        what.extend(f"{field_name(f)}: {a} -> {b}" for f, a, b in ch)
    detail = f"dihapus di {names[deleter]}, tetapi diubah di {names[keeper]}"
    if covers:
        detail += f" (termasuk {covers} baris di bawahnya yang diubah/ditambah)"
    if what:
        detail += ": " + "; ".join(what[:4]) + (" ..." if len(what) > 4 else "")
    mine_text = "dihapus" if deleter == MINE else "dipertahankan dengan perubahannya"
    theirs_text = "dihapus" if deleter == THEIRS else "dipertahankan dengan perubahannya"
    return plan._add_conflict(Conflict(
        f"{table}|{_key_text(key)}|*", table, key, "*", "delete_edit", _label(plan, table, key), "ada",
        mine_text, theirs_text, detail, _newer(plan, table, key), covers=covers))


def _parents(doc: DocRows, table: str) -> dict[str, str | None]:
    t = doc.tables[table]
    pi = t.index("parent_id")
    return {k: r[pi] for k, r in t.raw.items()}


def _children(parents: dict[str, str | None]) -> dict[str | None, list[str]]:
    out: dict[str | None, list[str]] = {}
    for k, p in parents.items():
        out.setdefault(p, []).append(k)
    return out


def _plan_deletions(plan: MergePlan, table: str) -> None:
    """Rows deleted on one side of a tree: decided per deleted subtree (see module doc)."""
    decisions = plan.rows[table]
    if plan.base is None:
        return
    bt = plan.base.tables[table]
    fields = plan.mine.tables[table].fields
    for deleter in SIDES:
        keeper_doc = plan.theirs if deleter == MINE else plan.mine
        deleter_doc = plan.mine if deleter == MINE else plan.theirs
        kt, dt = keeper_doc.tables[table], deleter_doc.tables[table]
        kparents = _parents(keeper_doc, table)
        kchildren = _children(kparents)
        deleted = {k for k, d in decisions.items() if d.state == "group" and d.deleter == deleter
                   and d.conflict is None}
        roots = [k for k in deleted if kparents.get(k) is None or kparents[k] not in deleted]
        for root in roots:
            subtree, stack = [], [root]
            while stack:
                k = stack.pop()
                subtree.append(k)
                stack.extend(kchildren.get(k, []))
            changed = []
            for k in subtree:
                if k not in bt.values:
                    changed.append([("*", "(baru)", row_label(keeper_doc, table, k))])
                elif kt.values[k] != bt.values[k]:
                    changed.append(_fields_changed(plan, table, fields, bt.values[k], kt.values[k]))
            in_deleter = [k for k in subtree if k in dt.values]
            if not changed:
                for k in subtree:
                    if k in in_deleter:
                        continue
                    decisions[k] = _Row("gone")
                plan.changes.append(Change(table, root, _label(plan, table, root), "removed", deleter))
                continue
            ck = _delete_conflict(plan, table, root, deleter, changed, max(0, len(changed) - 1))
            for k in subtree:
                if k in in_deleter:
                    d = decisions[k]
                    d.group = ck
                    d.deleter = deleter
                    continue
                old = decisions.get(k)
                # a field conflict of a row that the deleting side does not have cannot arise here
                decisions[k] = _Row("group", conflict=ck if k == root else None, group=ck, deleter=deleter)
                if old is not None and old.state in ("mine", "theirs"):
                    # rows added on the keeping side beneath the deleted row: no separate "added" change
                    plan.changes[:] = [c for c in plan.changes if not (c.table == table and c.row == k)]


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
    mo, to = plan.mine.order(table), plan.theirs.order(table)
    bo = plan.base.order(table) if plan.base is not None else None
    for parent in set(mo) & set(to):
        b, m, t = _skeleton(bo.get(parent, []) if bo is not None else None, mo[parent], to[parent])
        if b is not None:
            for side, seq in ((MINE, m), (THEIRS, t)):
                if seq != b and (m != t or side == MINE):
                    label = _label(plan, table, parent) if parent is not None else TABLE_NAMES[table]
                    plan.changes.append(Change(table, parent, label, "reordered", side if m != t else "both"))
        if m == t or (b is not None and (m == b or t == b)):
            continue
        label = (_label(plan, table, parent) if parent is not None else TABLE_NAMES[table] + " (tingkat teratas)")
        names = lambda seq: ", ".join(_short(plan, table, k) for k in seq[:6]) + (" ..." if len(seq) > 6 else "")  # noqa: E731
        ck = plan._add_conflict(Conflict(
            f"{table}|{_key_text(parent)}|*order", table, parent, "*order", "order", label,
            names(b) if b is not None else None, names(m), names(t),
            "urutan baris di bawahnya diubah berbeda di kedua salinan", None))
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

    def lines(self) -> list[str]:
        out = self.plan.summary_lines()
        from ..formatting import format_rupiah

        out.append(f"Hasil: {self.output}")
        out.append("Total pagu n: milik saya Rp {}, milik mereka Rp {}, hasil Rp {}".format(
            format_rupiah(self.totals["mine"]), format_rupiah(self.totals["theirs"]),
            format_rupiah(self.totals["result"])))
        for n in self.notes:
            out.append(f"Catatan: {n}")
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
    col_of = {f: mt.index(f) for f in fields if f not in ("indikator", "sumber_dana")}
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
            out[key] = ((mt if side == MINE else tt).raw[key], side)
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
            if f in ("indikator", "sumber_dana"):
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
    """Final position of every row, merging the sibling sequences of both sides."""
    mt = plan.mine.tables[table]
    par = mt.index("parent_id") if "parent_id" in mt.columns else None
    kode_i = mt.index("kode") if "kode" in mt.columns else None
    kids: dict[Any, list] = {}
    for key, (row, _) in final.items():
        kids.setdefault(row[par] if par is not None else None, []).append(key)
    mo, to = plan.mine.order(table), plan.theirs.order(table)
    bo = plan.base.order(table) if plan.base is not None else None
    mpos, tpos = plan.mine.tables[table], plan.theirs.tables[table]
    pos_i = mt.index("position")
    positions: dict[Any, int] = {}
    for parent, members in kids.items():
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
        leftover = sorted(members_set - placed, key=lambda k: _sort_key(final, k, kode_i))
        if leftover:
            runs.setdefault("^", []).append(leftover)

        def emit(anchor, out):
            for run in sorted(runs.get(anchor, []), key=lambda r: _sort_key(final, r[0], kode_i)):
                out.extend(run)

        order: list = []
        emit("^", order)
        for k in skel:
            order.append(k)
            emit(k, order)
        # keep the stored positions when they describe exactly this order on every side that has it
        candidates = []
        for seq_all, t in ((mo.get(parent, []), mpos), (to.get(parent, []), tpos)):
            if seq_all == order:
                candidates.append([t.raw[k][pos_i] for k in order])
        if candidates and all(c == candidates[0] for c in candidates):
            positions.update(zip(order, candidates[0]))
        else:
            positions.update((k, i) for i, k in enumerate(order))
    return positions


def _sort_key(final, key, kode_i):
    row = final[key][0]
    return ((row[kode_i] or "") if kode_i is not None else "", str(key))


def _repair_orphans(plan: MergePlan, table: str, final: dict, notes: list[str]) -> None:
    """A kept row whose parent is not kept: put the parent back (never lose a row silently)."""
    par = plan.mine.tables[table].index("parent_id")
    changed = True
    while changed:
        changed = False
        for key, (row, _) in list(final.items()):
            pid = row[par]
            if pid is None or pid in final:
                continue
            for side, doc in ((MINE, plan.mine), (THEIRS, plan.theirs), (None, plan.base)):
                if doc is not None and pid in doc.tables[table].raw:
                    final[pid] = (doc.tables[table].raw[pid], side or MINE)
                    notes.append(f"{_label(plan, table, pid)}: dipertahankan karena baris "
                                 f"{_label(plan, table, key)} berada di bawahnya.")
                    changed = True
                    break
            else:
                final[key] = (tuple(None if i == par else v for i, v in enumerate(row)), final[key][1])
                notes.append(f"{_label(plan, table, key)}: induknya tidak ada; ditempatkan di tingkat teratas.")
                changed = True


def write_merge(plan: MergePlan, out: str | os.PathLike, resolutions: dict[str, str] | None = None,
                prefer: str | None = None, backup_mine: bool = True) -> MergeResult:
    """Write the merged document to the new file ``out`` (refuses to overwrite)."""
    out = Path(out)
    missing = plan.resolve(resolutions, prefer)
    if missing:
        raise UnresolvedConflicts(plan, missing)
    if out.exists():
        raise ExchangeError("exists", f"Berkas hasil '{out.name}' sudah ada; pilih nama lain.", out)
    if not out.parent.is_dir():
        raise ExchangeError("no_folder", f"Folder '{out.parent}' tidak ada.", out)
    for src in (plan.mine.path, plan.theirs.path):
        if out.resolve() == src.resolve():
            raise ExchangeError("same_file", "Hasil penggabungan harus berkas baru; masukan tidak diubah.", out)
    notes = list(plan.notes)
    backup = backups.take_backup(plan.mine.path, "sebelum-gabung") if backup_mine else None
    finals = {t: _final_rows(plan, t) for t in ROW_TABLES}
    for table in TREE_TABLES:
        _repair_orphans(plan, table, finals[table], notes)
    positions = {t: _order(plan, t, finals[t]) for t in ORDERED_TABLES}
    tmp = fsutil.temp_path_for(out)
    try:
        engine = create_file(tmp)
        engine.dispose()
        counts = _insert_all(plan, tmp, finals, positions)
        inspect_file(tmp, deep=True)
        fsutil.replace_with_retries(tmp, out)
    finally:
        fsutil.forget_temp(tmp)
    notes.extend(_duplicate_code_notes(plan, finals["plan_row"]))
    totals = _totals(plan, out)
    return MergeResult(out, plan, counts, totals, notes, backup)


def _insert_all(plan: MergePlan, path: Path, finals: dict, positions: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        with conn:
            doc_row = finals["document"]["document"][0]
            _insert(conn, "document", plan.mine.tables["document"].columns, [doc_row])
            for table in ("plan_row", "eval_row", "pelayanan", "usulan"):
                t = plan.mine.tables[table]
                pi = t.index("position")
                rows = []
                for key, (row, _) in finals[table].items():
                    row = list(row)
                    row[pi] = positions[table][key]
                    rows.append(tuple(row))
                _insert(conn, table, t.columns, rows)
                counts[table] = len(rows)
            seen: set[str] = set()
            for kind, cols in (("indikator", plan.mine.ind_columns), ("sumber_dana", plan.mine.sd_columns)):
                rows = []
                for key, (_, coll) in finals["plan_row"].items():
                    side = (coll or {}).get(kind) if isinstance(coll, dict) else coll
                    doc = plan.mine if side in (MINE, None) else plan.theirs
                    if side is None and key not in getattr(plan.mine, kind):
                        doc = plan.theirs
                    for r in getattr(doc, kind).get(key, []):
                        r = list(r)
                        if r[0] in seen:
                            r[0] = new_id()
                        seen.add(r[0])
                        rows.append(tuple(r))
                _insert(conn, kind, cols, rows)
                counts[kind] = len(rows)
            t = plan.mine.tables["declared_value"]
            rows, ids = [], set()
            for key, (row, _) in finals["declared_value"].items():
                if row[0] in ids:
                    row = (new_id(),) + tuple(row[1:])
                ids.add(row[0])
                rows.append(row)
            _insert(conn, "declared_value", t.columns, rows)
            counts["declared_value"] = len(rows)
            meta = [row for _, (row, _) in finals["meta"].items()]
            lin = merge_lineages(lineage(plan.mine.meta), lineage(plan.theirs.meta), _version_entries(plan))
            meta.append((KEY_LINEAGE, lineage_json(lin)))
            _insert(conn, "meta", ["key", "value"], meta)
        bad = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise ExchangeError("merge_failed", f"Hasil penggabungan tidak konsisten ({len(bad)} rujukan); "
                                "tidak ditulis.", path)
    finally:
        conn.close()
    return counts


def _version_entries(plan: MergePlan) -> list[dict]:
    """Both inputs become ancestors of the result (so the result may replace either copy)."""
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    out = []
    for d in (plan.mine, plan.theirs):
        h = d.content_hash()
        tok = d.meta.get(KEY_TOKEN)
        if tok:
            out.append({"token": tok, "hash": h})
        out.append({"token": f"isi:{h}", "hash": h, "time": now})
    return out


def _insert(conn: sqlite3.Connection, table: str, cols: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _duplicate_code_notes(plan: MergePlan, final: dict) -> list[str]:
    t = plan.mine.tables["plan_row"]
    ki = t.index("kode")
    seen: dict[str, list] = {}
    for key, (row, _) in final.items():
        if row[ki]:
            seen.setdefault(row[ki], []).append(key)
    notes = []
    for kode, keys in seen.items():
        if len(keys) < 2:
            continue
        before = [k for k in keys if k in t.raw and t.raw[k][ki] == kode]
        theirs = plan.theirs.tables["plan_row"]
        before_t = [k for k in keys if k in theirs.raw and theirs.raw[k][ki] == kode]
        if len(before) < len(keys) and len(before_t) < len(keys):
            notes.append(f"Kode {kode} kini dipakai {len(keys)} baris (ditambahkan di kedua salinan); "
                         "ubah salah satunya.")
    return notes


def _totals(plan: MergePlan, out: Path) -> dict[str, int]:
    from ..service import RenjaDocument

    totals = {}
    for name, path in ((MINE, plan.mine.path), (THEIRS, plan.theirs.path), ("result", out)):
        with RenjaDocument.open(path, readonly=True) as doc:
            totals[name] = doc.plan.totals[0]
    return totals


def merge_files(mine: str | os.PathLike, theirs: str | os.PathLike, out: str | os.PathLike,
                base: str | os.PathLike | None = None, prefer: str | None = None,
                resolutions: dict[str, str] | None = None) -> MergeResult:
    """Plan and write in one go (the command line). Raises :class:`UnresolvedConflicts` (nothing
    written) when a conflict has no choice and no ``prefer``."""
    plan = plan_merge(mine, theirs, base)
    return write_merge(plan, out, resolutions, prefer)


__all__ = ["Conflict", "Change", "MergePlan", "MergeResult", "UnresolvedConflicts", "plan_merge",
           "write_merge", "merge_files", "find_base", "MINE", "THEIRS"]
