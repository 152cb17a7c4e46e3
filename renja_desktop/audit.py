"""Audit rules beyond the core: what imported documents printed, across tables and the catalog.

:data:`RULES`, run by :func:`renja_desktop.validation.validate` after the core rules:

* ``cross_table_pagu`` - the same sub kegiatan printed with a different pagu in Tabel 4.1, 3.1 and
  the "hasil analisis kebutuhan" side of 2.3 (the leaf values each import keeps as declared);
* ``nomenclature`` - codes missing from the catalog the document names (a warning: allowed, but
  flagged) and names that differ from the catalog's name for the code, by spelling only or more;
* ``import_notes`` - what the import noticed in the source's codes (a segment written ``6`` for
  ``06``, a row printed under a parent whose code it does not extend), figures it could not
  reconcile and rows it rejected, each with its source line;
* ``import_placeholders`` - rows Tabel 2.3 brought in before any plan table (one finding);
* ``sample_corrections`` - the bundled sample's corrections of its source text, one note each.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import codes
from .catalog import CatalogError, catalog_for_document, name_similarity, normalize_name, pemda_jenis, same_name
from .codes import SUB_KEGIATAN, CodeError
from .findings import (
    CORRECTIONS_KEY, ERROR, IMPORT_NOTES_KEY, INFO, WARNING, Finding, correction_text, corrections_of, import_rows,
    source_text,
)
from .formatting import format_rupiah
from .errors import Msg, Text

if TYPE_CHECKING:  # pragma: no cover
    from .service import RenjaDocument

PLAN_TABLES = ("4.1", "3.1", "2.3")
#: name similarity (0-1) above which two names differ "only in spelling"
SPELLING_THRESHOLD = 0.85


def cross_table_pagu(doc: "RenjaDocument") -> list[Finding]:
    """A sub kegiatan whose printed pagu differs between tables (or from the document's value)."""
    by_row: dict[str, dict[str, dict]] = {}
    for d in doc.declared:
        if d.get("kolom") != "pagu" or d.get("tabel") not in PLAN_TABLES or not d.get("row_id"):
            continue
        if d.get("nilai") is None:
            continue  # malformed numbers are reported by the core rule
        node = doc.plan.nodes.get(d["row_id"])
        if node is None or node.level != SUB_KEGIATAN:
            continue
        by_row.setdefault(node.id, {})[d["tabel"]] = d
    out: list[Finding] = []
    for rid, per_table in by_row.items():
        node = doc.plan.nodes[rid]
        stored = node.values.get("pagu")
        values = {t: d["nilai"] for t, d in per_table.items()}
        if all(v == stored for v in values.values()):
            continue
        shown = [(t, format_rupiah(values[t])) for t in PLAN_TABLES if t in values]
        listing = Text("; ".join(f"Tabel {t} {v}" for t, v in shown), "; ".join(f"Table {t} {v}" for t, v in shown))
        for t in PLAN_TABLES:
            d = per_table.get(t)
            if d is None or d["nilai"] == stored:
                continue
            src = source_text(d.get("sumber"))
            out.append(Finding(
                ERROR, t, node.kode, "pagu",
                Msg("finding.cross_table_pagu", listing=listing, source=src,
                    used=format_rupiah(stored) if stored is not None else Text("nilai kosong", "an empty value")),
                tercetak=d.get("teks") or format_rupiah(d["nilai"]),
                terhitung=format_rupiah(stored) if stored is not None else "",
                row_id=rid, rule="cross_table_pagu"))
    return out


def _catalog(doc: "RenjaDocument"):
    try:
        return catalog_for_document(doc), None
    except CatalogError as exc:
        return None, exc


def nomenclature(doc: "RenjaDocument") -> list[Finding]:
    """Codes not in the document's catalog version; names that differ from the catalog's."""
    cat, problem = _catalog(doc)
    if problem:
        return [Finding(WARNING, "Identitas", "", "nomenklatur_versi",
                        Msg("finding.catalog_unknown", reason=problem), rule="catalog_unknown")]
    if cat is None:
        return []
    jenis = pemda_jenis(doc)
    out: list[Finding] = []
    # one message of each kind, shared by the findings (a large import may give tens of thousands)
    missing, spelling, other_name = (Msg(key, versi=cat.versi) for key in (
        "finding.catalog_missing", "finding.catalog_spelling", "finding.catalog_name"))
    for node in doc.plan.walk():
        kode = node.kode
        if not kode:
            continue
        try:
            codes.parse_code(kode)
        except CodeError:
            continue  # the core reports malformed codes
        entry = cat.lookup(kode, jenis)
        if entry is None:
            out.append(Finding(WARNING, "3.1", kode, "kode", missing, row_id=node.id, rule="catalog_missing"))
            continue
        if node.level <= codes.BIDANG_URUSAN or not node.nama.strip():
            continue  # agencies print their own name at urusan/bidang level
        if same_name(node.nama, entry.nama):
            continue  # incl. the official "... KABUPATEN/KOTA" / "... PROVINSI" variants
        a, b = normalize_name(node.nama), normalize_name(entry.nama)
        import difflib

        # the lengths alone bound the similarity: most different names stop here, cheaply
        bound = 2 * min(len(a), len(b)) / max(1, len(a) + len(b))
        quick = difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio() \
            if bound >= SPELLING_THRESHOLD else bound
        score = name_similarity(node.nama, entry.nama) if quick >= SPELLING_THRESHOLD else quick
        pesan = spelling if score >= SPELLING_THRESHOLD else other_name
        out.append(Finding(WARNING, "3.1", kode, "nama", pesan, tercetak=node.nama, terhitung=entry.nama,
                           row_id=node.id, rule="catalog_name"))
    return out


def import_notes(doc: "RenjaDocument") -> list[Finding]:
    """What the import noticed about the source's codes, shown while the rows still exist."""
    raw = doc.meta.get(IMPORT_NOTES_KEY)
    if not raw:
        return []
    try:
        items = json.loads(raw)
    except ValueError:
        return []
    out = []
    for it in items:
        rid = it.get("row_id")
        if rid and it.get("pohon") == "2.1":
            if rid not in doc.evaluation.nodes:
                continue
        elif rid:
            node = doc.plan.nodes.get(rid)
            if node is None:
                continue
            if it.get("kolom") == "kode" and it.get("terhitung") and not it.get("induk") \
                    and node.kode != it["terhitung"]:
                continue  # a printed code read in its standard form: the row's code has been changed since
            if it.get("induk") and node.parent is not None and node.parent.kode == it["induk"]:
                continue  # the row has since been moved under the parent its code names
        elif it.get("kode") and not it.get("baris_sumber") and not doc.plan.find_kode(it["kode"]):
            continue
        severity = it.get("severity") if it.get("severity") in (ERROR, WARNING, INFO) else WARNING
        # the message itself where it was stored (since issue 15): shown in the window's language;
        # an item stored by an earlier version, or with a key this version lacks, shows its text
        pesan = Msg.from_stored(it)
        out.append(Finding(severity, it.get("tabel", ""), it.get("kode", ""), it.get("kolom", ""),
                           it.get("pesan", "") if pesan is None else pesan, tercetak=it.get("tercetak", ""),
                           terhitung=it.get("terhitung", ""), row_id=rid, rule="import_note"))
    return out


def import_placeholders(doc: "RenjaDocument") -> list[Finding]:
    """Rows Tabel 2.3 brought in before any plan table: one finding for all of them."""
    made = import_rows(doc)
    if not made:
        return []
    rows = [doc.plan.nodes[rid] for rid, kind in made.items()
            if kind == "2.3" and rid in doc.plan.nodes and not doc.plan.nodes[rid].kode]
    if not rows:
        return []
    return [Finding(WARNING, "2.3", "", "kode",
                    Msg("finding.import_placeholder", count=len(rows), nama=rows[0].nama[:50]),
                    row_id=rows[0].id, rule="import_placeholder")]


def sample_corrections(doc: "RenjaDocument") -> list[Finding]:
    """The bundled sample's corrections of its source text, one note each (never silent)."""
    if not doc.meta.get(CORRECTIONS_KEY):
        return []
    return [Finding(INFO, str(c.get("tabel", "")), "", "", correction_text(c), tercetak=str(c.get("tertulis", "")),
                    terhitung=str(c.get("menjadi", "")), rule="sample_correction") for c in corrections_of(doc)]


#: the audit's rules, in the order their findings are listed
RULES = (cross_table_pagu, nomenclature, import_notes, import_placeholders, sample_corrections)
