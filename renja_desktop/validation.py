"""Validation and audit: every rule a Renja must satisfy, each finding naming where and what.

A :class:`Finding` carries severity, table, row code, column, an Indonesian message, and where it
applies the printed and the computed value side by side. :func:`validate` runs every rule over a
whole document; :func:`validate_rows` only the row-level rules for a few rows (run after each
edit). The import audit's cross-table and nomenclature rules (:mod:`renja_desktop.audit`) run as part
of :func:`validate`.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Iterable

from . import codes
from .codes import SUB_KEGIATAN, CodeError
from . import audit
from .compute import Node
from .errors import Msg, Text, level_text
from .findings import (  # noqa: F401  (re-exported)
    ERROR, IMPORT_ROWS_KEY, INFO, SEVERITY_LABEL, SEVERITY_ORDER, WARNING, Finding, import_rows, source_text,
)
from .formatting import format_percent, format_rupiah
from .narrative.checks import narrative_findings

if TYPE_CHECKING:  # pragma: no cover
    from .service import RenjaDocument


def _where(node: Node) -> str:
    return node.kode or node.nama[:50]


# ------------------------------------------------------------------------------ row rules
def row_findings(doc: "RenjaDocument", node: Node) -> list[Finding]:
    """Rules that look at one plan row (and its parent): code, level, name, pagu, funding."""
    out: list[Finding] = []
    tabel = "3.1"
    kode = node.kode
    made_by = import_rows(doc).get(node.id, "") if doc.meta.get(IMPORT_ROWS_KEY) else ""
    if not node.nama.strip():
        if made_by == "induk":
            out.append(Finding(INFO, tabel, kode, "nama",
                               Msg("finding.name_from_import"), row_id=node.id, rule="name_from_import"))
        else:
            out.append(Finding(ERROR, tabel, kode, "nama", Msg("finding.name_missing"),
                               row_id=node.id, rule="name_missing"))
    if not kode and made_by == "2.3":
        return out  # placeholder of Tabel 2.3: one summary finding (import_placeholders)
    if not kode:
        out.append(Finding(ERROR, tabel, "", "kode", Msg("finding.code_missing", nama=node.nama[:60]),
                           row_id=node.id, rule="code_missing"))
    else:
        try:
            parsed = codes.parse_code(kode)
        except CodeError as exc:
            parsed = None
            out.append(Finding(ERROR, tabel, kode, "kode", Msg("finding.code_format", reason=exc),
                               row_id=node.id, rule="code_format"))
        if parsed is not None:
            if parsed.level != node.level:
                out.append(Finding(
                    ERROR, tabel, kode, "kode",
                    Msg("finding.code_level", shape=level_text(parsed.level), level=level_text(node.level)),
                    row_id=node.id, rule="code_level"))
            parent = node.parent
            if parent is not None and parent.kode:
                try:
                    pcode = codes.parse_code(parent.kode)
                except CodeError:
                    pcode = None
                if pcode is not None and parsed.level == node.level and not parsed.extends(pcode):
                    out.append(Finding(
                        ERROR, tabel, kode, "kode",
                        Msg("finding.code_parent", parent=parent.kode),
                        row_id=node.id, rule="code_parent"))
    parent = node.parent
    if parent is not None and node.level != parent.level + 1:
        out.append(Finding(
            ERROR, tabel, kode, "tingkat",
            Msg("finding.level_under", level=level_text(node.level), parent=level_text(parent.level)),
            row_id=node.id, rule="level_order"))
    if parent is None and node.level != codes.URUSAN:
        out.append(Finding(
            WARNING, tabel, kode, "tingkat",
            Msg("finding.level_top", level=level_text(node.level)),
            row_id=node.id, rule="level_order"))
    if node.level == SUB_KEGIATAN:
        pagu = node.values.get("pagu")
        if pagu is None:
            out.append(Finding(WARNING, tabel, kode, "pagu", Msg("finding.pagu_missing"),
                               row_id=node.id, rule="pagu_missing"))
        sources = doc.sumber_dana.get(node.id, [])
        if sources:
            if len(sources) == 1 and sources[0].get("jumlah") is None:
                pass  # one source for the whole pagu
            else:
                total = sum(s.get("jumlah") or 0 for s in sources)
                if total != (pagu or 0):
                    out.append(Finding(
                        ERROR, tabel, kode, "sumber_dana",
                        Msg("finding.funding_sum"),
                        tercetak=format_rupiah(total), terhitung=format_rupiah(pagu or 0),
                        row_id=node.id, rule="sumber_dana_sum"))
        elif pagu:
            out.append(Finding(WARNING, tabel, kode, "sumber_dana", Msg("finding.funding_missing"),
                               row_id=node.id, rule="sumber_dana_missing"))
    elif not node.children and node.level < SUB_KEGIATAN:
        out.append(Finding(
            WARNING, tabel, kode, "",
            Msg("finding.no_children", level=level_text(node.level), child=level_text(node.level + 1, lower=True)),
            row_id=node.id, rule="no_children"))
    return out


def plan_row_findings(doc: "RenjaDocument", nodes: Iterable[Node]) -> dict[str, list[Finding]]:
    """:func:`row_findings` of many rows, by row id (rows without findings left out).

    The same result as calling :func:`row_findings` on each row, but a row that passes every rule
    (nearly all of them) is recognised by a few direct tests; only the others go through
    :func:`row_findings`, which names what is wrong. Keep both in step when a rule changes."""
    out: dict[str, list[Finding]] = {}
    sources_of = doc.sumber_dana
    urusan = codes.URUSAN
    canonical = codes.CANONICAL_OF_LEVEL
    for node in nodes:
        v = node.values
        kode = v.get("kode")
        nama = v.get("nama")
        clean = False
        if kode and nama and not nama.isspace():
            level = v["level"]
            pattern = canonical.get(level)
            # a canonical code of the row's level (anything else: row_findings says what is wrong)
            if pattern is not None and pattern.fullmatch(kode):
                parent = node.parent
                if parent is None:
                    clean = level == urusan
                elif parent.values["level"] + 1 == level:
                    pkode = parent.values.get("kode")
                    # under its parent's code, itself a canonical code of the level above
                    clean = not pkode or (kode.startswith(pkode) and kode[len(pkode):len(pkode) + 1] == "."
                                          and canonical[level - 1].fullmatch(pkode) is not None)
                if clean:
                    if level == SUB_KEGIATAN:
                        pagu = v.get("pagu")
                        sources = sources_of.get(node.id)
                        if pagu is None:
                            clean = False
                        elif sources:
                            if len(sources) != 1 or sources[0].get("jumlah") is not None:
                                clean = sum(s.get("jumlah") or 0 for s in sources) == pagu
                        elif pagu:
                            clean = False
                    elif level < SUB_KEGIATAN and not node.children:
                        clean = False
        if not clean:
            found = row_findings(doc, node)
            if found:
                out[node.id] = found
    return out


_VALUES = attrgetter("values")


def duplicate_findings(doc: "RenjaDocument") -> list[Finding]:
    # whether any code repeats (rare), in loops that run in C; only then group in document order
    kodes = list(filter(None, map(dict.get, map(_VALUES, doc.plan.nodes.values()), repeat("kode"))))
    if len(set(kodes)) == len(kodes):
        return []
    seen: set[str] = set()
    repeated: set[str] = set()
    for kode in kodes:
        if kode in seen:
            repeated.add(kode)
        seen.add(kode)
    by_code: dict[str, list[Node]] = defaultdict(list)
    for node in doc.plan.walk():
        if node.kode in repeated:
            by_code[node.kode].append(node)
    out = []
    for kode, nodes in by_code.items():
        if len(nodes) > 1:
            names = "; ".join(f"'{n.nama[:50]}'" for n in nodes)
            for n in nodes[1:]:
                out.append(Finding(ERROR, "3.1", kode, "kode",
                                   Msg("finding.code_duplicate", count=len(nodes), names=names),
                                   row_id=n.id, rule="code_duplicate"))
    return out


# ------------------------------------------------------------------------------ declared values
def _computed_for(doc: "RenjaDocument", d: dict) -> tuple[int | None, str | None]:
    """The computed value a declared (printed) value should equal, and the row id, if known."""
    kolom = d["kolom"]
    if d["tabel"] == "2.1":
        tree = doc.evaluation
        node = tree.nodes.get(d.get("row_id")) if d.get("row_id") else None
        if node is None and d.get("kode"):
            node = next((n for n in tree.walk() if n.kode == d["kode"]), None)
        if node is None and (d.get("kode") or d.get("row_id")):
            return None, None
        vals = tree.values_of(node.id if node else None)
        if kolom.startswith("rp_"):
            key = kolom
            value = getattr(vals, key, None)
            if value is None and kolom in ("rp_8", "rp_9", "rp_10", "rp_11"):
                value = vals.rp_tw[int(kolom[3:]) - 8]
            return value, node.id if node else None
        return None, None
    tree = doc.plan
    if kolom not in tree.COLUMNS:
        return None, None
    idx = tree.COLUMNS.index(kolom)
    if not d.get("kode") and not d.get("row_id"):
        return tree.totals[idx], None
    node = tree.nodes.get(d.get("row_id")) if d.get("row_id") else None
    if node is None and d.get("kode"):
        node = next((n for n in tree.walk() if n.kode == d["kode"]), None)
    if node is None:
        return None, None
    return node.sums[idx], node.id


_PLAN_TABLES = ("4.1", "3.1", "2.3")


def _cross_table_index(doc: "RenjaDocument") -> dict[tuple[str, str], dict[str, dict]]:
    """Printed plan-table values above leaf level per (row or TOTAL, column) and table."""
    index: dict[tuple[str, str], dict[str, dict]] = {}
    for d in doc.declared:
        if d["tabel"] in _PLAN_TABLES and d.get("nilai") is not None and (d.get("row_id") or not d.get("kode")):
            index.setdefault((d.get("row_id") or "TOTAL", d["kolom"]), {}).setdefault(d["tabel"], d)
    return index


def _cross_table_text(index, d: dict) -> Text:
    """``; antar tabel: Tabel 3.1 mencetak 132.500.000`` when other tables print another value for the row."""
    per_table = index.get((d.get("row_id") or "TOTAL", d["kolom"]), {})
    others = [(t, o.get("teks") or format_rupiah(o["nilai"])) for t, o in
              sorted(per_table.items(), key=lambda x: _PLAN_TABLES.index(x[0]))
              if t != d["tabel"] and o["nilai"] != d["nilai"]]
    if not others:
        return Text("", "")
    return Text("; antar tabel: " + "; ".join(f"Tabel {t} mencetak {v}" for t, v in others),
                "; across tables: " + "; ".join(f"Table {t} prints {v}" for t, v in others))


def declared_findings(doc: "RenjaDocument") -> list[Finding]:
    out = []
    cross = None   # built at the first mismatch: most documents have few
    for d in doc.declared:
        kolom = d["kolom"]
        where = d.get("kode") or ("TOTAL" if not d.get("row_id") else "")
        src = source_text(d.get("sumber"))
        if d.get("nilai") is None:
            teks = (d.get("teks") or "").strip()
            if teks and teks not in ("-", "\u2013"):
                out.append(Finding(ERROR, d["tabel"], where, kolom,
                                   Msg("finding.declared_malformed", source=src), tercetak=teks,
                                   row_id=d.get("row_id"), rule="declared_malformed"))
                computed, rid = _computed_for(doc, d)
                if computed is not None:
                    out[-1].terhitung = format_rupiah(computed)
            continue
        if d["tabel"] in ("4.1", "3.1", "2.3") and d.get("row_id"):
            leaf = doc.plan.nodes.get(d["row_id"])
            if leaf is not None and leaf.level == SUB_KEGIATAN:
                continue  # a printed leaf value: compared across tables by audit.cross_table_pagu
        computed, rid = _computed_for(doc, d)
        if computed is None:
            if d.get("kode"):
                out.append(Finding(WARNING, d["tabel"], where, kolom,
                                   Msg("finding.declared_orphan", source=src),
                                   tercetak=d.get("teks") or format_rupiah(d["nilai"]),
                                   rule="declared_orphan"))
            continue
        if computed != d["nilai"]:
            label = Text("TOTAL tercetak", "the printed TOTAL") if where == "TOTAL" else \
                Text("nilai tercetak", "the printed value")
            diff = d["nilai"] - computed
            if cross is None:
                cross = _cross_table_index(doc)
            out.append(Finding(
                ERROR, d["tabel"], where, kolom,
                Msg("finding.declared_mismatch", label=label, diff=format_rupiah(abs(diff)),
                    cross=_cross_table_text(cross, d), source=src),
                tercetak=d.get("teks") or format_rupiah(d["nilai"]), terhitung=format_rupiah(computed),
                row_id=rid, rule="declared_mismatch"))
    return out


# ------------------------------------------------------------------------------ evaluation rows
def eval_findings(doc: "RenjaDocument") -> list[Finding]:
    out = []
    for node in doc.evaluation.walk():
        if node.kode:
            try:
                codes.parse_code(node.kode)
            except CodeError as exc:
                out.append(Finding(WARNING, "2.1", node.kode, "kode", Msg("finding.code_format", reason=exc),
                                   row_id=node.id, rule="code_format"))
        if node.level == SUB_KEGIATAN:
            vals = doc.evaluation.values_of(node.id)
            if vals.rp_7 in (None, 0) and (vals.rp_12 or 0) > 0:
                out.append(Finding(
                    WARNING, "2.1", _where(node), "13",
                    Msg("finding.rate_undefined"),
                    terhitung=format_percent(None), row_id=node.id, rule="rate_undefined"))
    return out


# ------------------------------------------------------------------------------ entry points
def validate_rows(doc: "RenjaDocument", row_ids: Iterable[str]) -> list[Finding]:
    out: list[Finding] = []
    for rid in row_ids:
        node = doc.plan.nodes.get(rid)
        if node is not None:
            out.extend(row_findings(doc, node))
    return out


def validate(doc: "RenjaDocument") -> list[Finding]:
    """Every rule over the whole document, errors first, then in document order."""
    out = [f for found in plan_row_findings(doc, doc.plan.walk()).values() for f in found]
    return sort_findings(doc, out + document_findings(doc))


def plan_codes(doc: "RenjaDocument") -> dict[str, str]:
    """Every plan row's code by row id (rows without a code left out)."""
    nodes = doc.plan.nodes
    return {rid: kode for rid, kode in zip(nodes, map(dict.get, map(_VALUES, nodes.values()), repeat("kode")))
            if kode}


def document_findings(doc: "RenjaDocument", duplicates: list[Finding] | None = None) -> list[Finding]:
    """The rules that look at the document as a whole rather than one plan row at a time:
    duplicate codes, printed values, Tabel 2.1 and the registered rules (import audit).
    ``duplicates``: the duplicate code findings when the caller already knows them (the findings
    panel counts codes as they change), else they are looked for here."""
    out = list(duplicates) if duplicates is not None else duplicate_findings(doc)
    out.extend(declared_findings(doc))
    out.extend(eval_findings(doc))
    for rule in (*audit.RULES, narrative_findings):
        out.extend(rule(doc))
    return out


def rows_to_recheck(doc: "RenjaDocument", changed: Iterable[str], moved: Iterable[str] = ()) -> set[str]:
    """The plan rows whose :func:`row_findings` an edit of ``changed`` rows can alter: a row's
    findings read the row, its parent (code, level) and whether it has children, so the rows
    themselves, their children and their parents; for ``moved`` rows their whole subtrees."""
    nodes = doc.plan.nodes
    out: set[str] = set()
    for rid in changed:
        node = nodes.get(rid)
        out.add(rid)
        if node is not None:
            out.update(c.id for c in node.children)
            if node.parent is not None:
                out.add(node.parent.id)
    for rid in moved:
        node = nodes.get(rid)
        if node is not None:
            out.update(n.id for n in doc.plan.subtree(node))
    return out


def sort_findings(doc: "RenjaDocument", findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings and notes; by table; then in document order."""
    if not findings:
        return findings
    row_ids = {f.row_id for f in findings if f.row_id}
    if len(row_ids) > 2000:
        order: dict = {node.id: (i,) for i, node in enumerate(doc.plan.walk())}
    else:  # a few rows: each one's place from its ancestors, not a walk of the whole tree
        order = {rid: _tree_position(doc.plan, rid) for rid in row_ids}
    last = (1 << 30,)
    findings.sort(key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.tabel, order.get(f.row_id or "") or last))
    return findings


def _tree_position(tree, row_id: str) -> tuple[int, ...] | None:
    """The row's place in document (pre-)order as the sibling numbers from the top down: tuples
    compare in the order :meth:`walk` visits the rows. ``None`` for a row not in the tree."""
    node = tree.nodes.get(row_id)
    if node is None:
        return None
    path = []
    while node.parent is not None:
        path.append(node.parent.children.index(node))
        node = node.parent
    path.append(tree.roots.index(node))
    return tuple(reversed(path))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
