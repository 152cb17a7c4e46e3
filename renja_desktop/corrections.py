"""Corrections of the bundled sample's source text, as the document keeps them.

The sample (:mod:`renja_desktop.sample`) corrects a few ambiguous cells of its source text; each
:class:`Correction` is recorded in the document's ``meta`` so that ``check`` lists it as a note
(:func:`renja_desktop.audit.sample_corrections`): a correction is never silent.
"""
from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Correction:
    tabel: str
    baris: int
    sel: int
    tertulis: str
    menjadi: str
    alasan: str


#: document meta key: the corrections made to the sample's source text (JSON list of Correction)
CORRECTIONS_META = "sample_corrections"


def correction_text(c: Correction) -> str:
    written = f"tertulis '{c.tertulis}'" if c.tertulis.strip() else "tidak tertulis (sel kosong)"
    return f"Tabel {c.tabel} baris {c.baris} sel {c.sel} dikoreksi: {written}, menjadi '{c.menjadi}' ({c.alasan})"


def corrections_of(doc) -> list[Correction]:
    raw = doc.meta.get(CORRECTIONS_META) or ""
    try:
        return [Correction(**x) for x in json.loads(raw)] if raw.startswith("[") else []
    except (TypeError, ValueError):
        return []
