"""Findings about the written document for ``check`` and the findings panel: unknown fields,
content that cannot be read, appendix tables not placed in any section."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import INFO, WARNING, Finding
from ..errors import Msg
from . import fields as fieldmod
from . import format as fmt
from .sections import flat, label

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument


def narrative_findings(doc: "RenjaDocument") -> list[Finding]:
    out: list[Finding] = []
    nodes = flat(doc)
    if not nodes:
        return out
    placed: set[str] = set()
    for n in nodes:
        where = label(n)
        for name in fieldmod.unknown_in(n.judul):
            out.append(Finding(WARNING, "naskah", n.nomor, "judul",
                               Msg("finding.naskah_field", section=where, field="{" + name + "}",
                                   shown="{" + name + "?}"),
                               row_id=n.id, rule="naskah_isian"))
        try:
            blocks = fmt.loads(n.content)
        except fmt.FormatError as exc:
            out.append(Finding(WARNING, "naskah", n.nomor, "isi",
                               Msg("finding.naskah_format", section=where, reason=exc), row_id=n.id,
                               rule="naskah_format"))
            continue
        unknown = sorted({u for runs in fmt.iter_runs(blocks) for u in fieldmod.unknown_in(fmt.runs_text(runs))})
        for name in unknown:
            out.append(Finding(WARNING, "naskah", n.nomor, "isi",
                               Msg("finding.naskah_field", section=where, field="{" + name + "}",
                                   shown="{" + name + "?}"),
                               row_id=n.id, rule="naskah_isian"))
        placed.update(b["tabel"] for b in blocks if b["type"] == "table_ref")
    missing = [t for t in fmt.TABLE_REFS if t not in placed]
    if missing:
        out.append(Finding(INFO, "naskah", "", "tabel",
                           Msg("finding.naskah_table", tables=", ".join(missing)), rule="naskah_tabel"))
    return out
