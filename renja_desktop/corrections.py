"""Corrections made to the bundled sample's source text, as the document keeps them.

The sample (:mod:`renja_desktop.sample`) corrects a few ambiguous cells of its source, each with
its reason; the list travels in the document's meta table so that ``check`` (the audit rule
``sample_corrections``) and ``declared`` can show every correction as a correction, never as a
printed value. This module has no imports from the rest of the package, so the audit can read the
list without depending on the sample builder.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

#: document meta key: the corrections made to the sample's source text (JSON list of Correction)
CORRECTIONS_META = "sample_corrections"


@dataclass(frozen=True)
class Correction:
    tabel: str
    baris: int
    sel: int
    tertulis: str
    menjadi: str
    alasan: str


def correction_text(c: Correction) -> str:
    written = f"tertulis '{c.tertulis}'" if c.tertulis.strip() else "tidak tertulis (sel kosong)"
    return f"Tabel {c.tabel} baris {c.baris} sel {c.sel} dikoreksi: {written}, menjadi '{c.menjadi}' ({c.alasan})"


def corrections_of(doc) -> list[Correction]:
    """The corrections recorded in ``doc`` (an empty list for any other document)."""
    raw = doc.meta.get(CORRECTIONS_META) or ""
    try:
        return [Correction(**x) for x in json.loads(raw)] if raw.startswith("[") else []
    except (TypeError, ValueError):
        return []
