"""Names offered while typing: the nomenclature catalog when available, else the document's own."""
from __future__ import annotations

from typing import TYPE_CHECKING


if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument


def _catalog(doc: "RenjaDocument"):
    try:
        from .. import catalog
    except ImportError:  # pragma: no cover - the catalog ships with the app
        return None
    try:
        return catalog.catalog_for_document(doc) or catalog.get_catalog()
    except Exception:  # a damaged or missing catalog file must not stop the user typing
        return None


def _catalog_entries(doc: "RenjaDocument", level: int, parent_code: str | None) -> list[tuple[str, str]]:
    """(kode, nama) of the catalog's rows of ``level``: first those under ``parent_code`` (with their
    code, generic ``X.XX`` codes given the parent's urusan and bidang), then the others (name only)."""
    cat = _catalog(doc)
    if cat is None:
        return []
    under: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    prefix = f"{parent_code}." if parent_code else ""
    generic_prefix = ""
    if parent_code and parent_code.count(".") >= 1:
        head = parent_code.split(".")
        generic_prefix = ".".join(["X", "XX"] + head[2:]) + "."
    used = set(doc.plan.by_kode)
    try:
        from ..catalog import pemda_jenis
        jenis = pemda_jenis(doc)
    except ImportError:  # pragma: no cover
        jenis = ""
    seen: set[str] = set()
    for e in cat.entries:
        if e.tingkat != level or (e.jenis and jenis and e.jenis != jenis) or e.nama in seen:
            continue
        seen.add(e.nama)
        kode = ""
        if prefix and e.kode.startswith(prefix):
            kode = e.kode
        elif generic_prefix and e.kode.startswith(generic_prefix):
            kode = parent_code + "." + e.kode[len(generic_prefix):]
        elif not parent_code and level == 1:
            kode = e.kode
        if kode and kode not in used:
            under.append((kode, e.nama))
        else:
            other.append(("", e.nama))
    return under + other


def name_suggestions(doc: "RenjaDocument", level: int, parent_code: str | None = None,
                     tree: str = "plan") -> list[tuple[str, str]]:
    """(kode, nama) pairs to offer for a new or renamed row of ``level``."""
    out: list[tuple[str, str]] = list(_catalog_entries(doc, level, parent_code))
    seen = {n for _, n in out}
    source = doc.plan if tree == "plan" else doc.evaluation
    for node in source.walk():
        if node.level == level and node.nama and node.nama not in seen:
            seen.add(node.nama)
            out.append(("", node.nama))   # its code is taken already: offer the name only
    return out


def sumber_dana_names(doc: "RenjaDocument") -> list[str]:
    names = {"Dana Transfer Umum - Dana Alokasi Umum", "Pendapatan Asli Daerah",
             "Dana Alokasi Khusus", "Dana Bagi Hasil"}
    for items in doc.sumber_dana.values():
        for it in items:
            if it.get("nama"):
                names.add(it["nama"])
    return sorted(names)
