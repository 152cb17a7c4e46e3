"""Names offered while typing: the nomenclature catalog when available, else the document's own."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING


if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument


def _catalog_entries(doc: "RenjaDocument", level: int, parent_code: str | None) -> list[tuple[str, str]]:
    """(kode, nama) of the catalog rows of ``level`` (under ``parent_code`` first), if a catalog exists."""
    try:
        catalog = importlib.import_module("renja_desktop.catalog")
    except ImportError:
        return []
    finder = getattr(catalog, "suggestions", None)
    if finder is None:
        return []
    try:
        return [(str(k), str(n)) for k, n in finder(doc, level, parent_code)]
    except Exception:  # a damaged or missing catalog file must not stop the user typing
        return []


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
