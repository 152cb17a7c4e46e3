"""Fields in the text: ``{opd}``, ``{tahun}``, ``{kepala_nama}`` ... replaced by the document's values.

A field is a lower-case name in braces. Unknown names are printed visibly as ``{nama?}`` and listed
by ``check`` (:mod:`.checks`), never silently dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..formatting import format_nip, format_rupiah, opd_with_pemda

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

FIELD_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


@dataclass(frozen=True)
class Field:
    name: str
    label: str           # Indonesian
    label_en: str
    value: Callable[["RenjaDocument"], str]


def _info(key: str) -> Callable[["RenjaDocument"], str]:
    return lambda doc: str(doc.info.get(key) or "")


def _year(delta: int) -> Callable[["RenjaDocument"], str]:
    return lambda doc: str(int(doc.info["tahun"]) + delta)


def _renstra(doc: "RenjaDocument") -> str:
    a, b = doc.info.get("renstra_mulai"), doc.info.get("renstra_selesai")
    return f"{a}-{b}" if a and b else ""


def _jabatan(doc: "RenjaDocument") -> str:
    j = (doc.info.get("kepala_jabatan") or "").strip()
    return j or "Kepala " + opd_with_pemda(doc.info.get("opd"), doc.info.get("pemda"))


def _count(level: int) -> Callable[["RenjaDocument"], str]:
    return lambda doc: str(sum(1 for n in doc.plan.nodes.values() if n.values["level"] == level))


FIELDS: dict[str, Field] = {f.name: f for f in (
    Field("pemda", "pemerintah daerah", "regional government", _info("pemda")),
    Field("opd", "perangkat daerah", "agency", _info("opd")),
    Field("opd_singkat", "singkatan perangkat daerah", "agency short name", _info("opd_singkat")),
    Field("tahun", "tahun rencana (n)", "plan year (n)", _year(0)),
    Field("tahun_lalu", "tahun lalu (n-1)", "previous year (n-1)", _year(-1)),
    Field("tahun_evaluasi", "tahun yang dievaluasi (n-2)", "evaluated year (n-2)", _year(-2)),
    Field("tahun_berikut", "tahun berikutnya (n+1)", "next year (n+1)", _year(1)),
    Field("renstra", "periode Renstra", "Renstra period", _renstra),
    Field("judul", "judul dokumen", "document title", _info("judul")),
    Field("tempat", "tempat penandatanganan", "place of signing", _info("tempat")),
    Field("tanggal", "tanggal penandatanganan", "date of signing", _info("tanggal")),
    Field("kepala_jabatan", "jabatan Kepala", "head's title", _jabatan),
    Field("kepala_nama", "nama Kepala", "head's name", _info("kepala_nama")),
    Field("kepala_pangkat", "pangkat Kepala", "head's rank", _info("kepala_pangkat")),
    Field("kepala_nip", "NIP Kepala", "head's NIP", lambda d: format_nip(d.info.get("kepala_nip"))),
    Field("total_pagu", "total pagu indikatif tahun n (Rp)", "total budget year n (Rp)",
          lambda d: format_rupiah(d.plan.pagu(None))),
    Field("total_pagu_n1", "total prakiraan maju n+1 (Rp)", "total forward estimate n+1 (Rp)",
          lambda d: format_rupiah(d.plan.pagu_n1(None))),
    Field("jumlah_program", "jumlah program", "number of programs", _count(3)),
    Field("jumlah_kegiatan", "jumlah kegiatan", "number of activities", _count(4)),
    Field("jumlah_sub_kegiatan", "jumlah sub kegiatan", "number of sub-activities", _count(5)),
)}


def unknown_in(text: str) -> list[str]:
    return [n for n in FIELD_RE.findall(text) if n not in FIELDS]


#: fields that change only when plan rows are added or removed (not when a value is edited)
ROW_COUNT_FIELDS = frozenset({"jumlah_program", "jumlah_kegiatan", "jumlah_sub_kegiatan"})


def values(doc: "RenjaDocument", known: dict[str, str] | None = None) -> dict[str, str]:
    """Every field's current value (for the editor's live list); ``known``: values still current,
    taken as they are (counting 50.000 rows after every edit of a value would be wasted)."""
    out = {}
    for name, f in FIELDS.items():
        if known is not None and name in known:
            out[name] = known[name]
            continue
        try:
            out[name] = f.value(doc)
        except (KeyError, TypeError, ValueError):
            out[name] = ""
    return out


def substitute(text: str, doc: "RenjaDocument", cache: dict[str, str] | None = None) -> str:
    """``text`` with every known field replaced; unknown ones shown as ``{nama?}``."""
    if "{" not in text:
        return text
    vals = cache if cache is not None else values(doc)

    def rep(m: re.Match) -> str:
        name = m.group(1)
        return vals[name] if name in vals else "{" + name + "?}"

    return FIELD_RE.sub(rep, text)
