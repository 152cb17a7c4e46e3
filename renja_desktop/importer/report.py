"""The import report: what happened to every source row (its summary in Indonesian or English).

Every source row ends in exactly one :class:`RowOutcome`: ``imported`` (became a row or filled an
existing one), ``continuation`` (merged into the row above after a page break), ``recognised``
(a header, number row, TOTAL, running page header, blank line, caption or text) or ``rejected``
(with the reason). Rows made from codes alone (missing parents) are listed separately.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from ..errors import Msg, message

IMPORTED = "imported"
CONTINUATION = "continuation"
RECOGNISED = "recognised"
REJECTED = "rejected"

STATUS_LABEL = {
    IMPORTED: "diimpor",
    CONTINUATION: "sambungan baris sebelumnya",
    RECOGNISED: "dikenali (bukan data)",
    REJECTED: "ditolak",
}


@dataclass
class RowOutcome:
    line: int                 # line number (text/CSV) or worksheet row number (xlsx), 1-based
    status: str               # IMPORTED / CONTINUATION / RECOGNISED / REJECTED
    tabel: str = ""
    kind: str = ""            # for RECOGNISED: header, nomor kolom, total, kepala halaman, kosong, ...
    kode: str = ""
    nama: str = ""
    reason: str = ""          # why rejected / what was recognised
    notes: list[str] = field(default_factory=list)  # warnings about single cells
    row_id: str | None = None
    merged_into: int | None = None   # CONTINUATION: the line it was merged into

    def as_dict(self) -> dict:
        return asdict(self)

    def line_text(self, source: str = "", lang: str | None = None) -> str:
        """The row's outcome on one line (its notes below), in ``lang`` (bawaan: the current
        language). Notes the importer wrote as plain text stay Indonesian."""
        def say(key: str, **params) -> str:
            return Msg(key, **params).message(lang)

        where = say("row.where_source", source=source, line=self.line) if source else say("row.where", line=self.line)
        text = f"{where}: {say('row.status_' + self.status) if self.status in STATUS_LABEL else self.status}"
        what = " ".join(x for x in (self.kode, (self.nama or "")[:60]) if x)
        if self.tabel:
            text += f" ({say('summary.table')} {self.tabel})"
        if self.status == CONTINUATION and self.merged_into:
            text += say("row.merged_into", line=self.merged_into)
        if what:
            text += f" - {what}"
        if self.reason:
            text += f": {message(self.reason, lang)}"
        for note in self.notes:
            text += "\n    " + say("row.note", note=message(note, lang))
        return text


@dataclass
class ImportReport:
    source: str = ""                  # file name or "teks tempelan"
    tables: list[str] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    created_parents: list[str] = field(default_factory=list)   # "8.01.01 (dibuat dari kode)"
    messages: list[str] = field(default_factory=list)          # document-level notes
    findings: list[dict] = field(default_factory=list)         # validation findings after import
    inserted: int = 0                 # new plan/eval/list rows
    updated: int = 0                  # existing rows filled in
    declared: int = 0                 # printed values kept for the audit
    failed: str = ""                  # set when the whole import was rolled back

    # ------------------------------------------------------------------ accounting
    def add(self, outcome: RowOutcome) -> RowOutcome:
        self.rows.append(outcome)
        return outcome

    def counts(self) -> dict[str, int]:
        c = Counter(r.status for r in self.rows)
        return {k: c.get(k, 0) for k in (IMPORTED, CONTINUATION, RECOGNISED, REJECTED)}

    @property
    def rejected(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.status == REJECTED]

    @property
    def ok(self) -> bool:
        return not self.failed

    def by_line(self, line: int) -> list[RowOutcome]:
        return [r for r in self.rows if r.line == line]

    # ------------------------------------------------------------------ text
    def summary(self, lang: str | None = None) -> str:
        """A few lines (in ``lang``, bawaan: the current language; the command line's is
        Indonesian): what was read, what became of it."""
        def say(key: str, **params) -> str:
            return Msg(key, **params).message(lang)

        c = self.counts()
        total = sum(c.values())
        src = self.source or say("summary.source")
        tabel = ", ".join(f"{say('summary.table')} {t}" for t in self.tables) or "-"
        lines = []
        if self.failed:
            lines.append(say("summary.failed", source=src, reason=self.failed))
        lines.append(say("summary.read", source=src, tables=tabel, total=total))
        lines.append(say("summary.counts", imported=c[IMPORTED], continued=c[CONTINUATION],
                         recognised=c[RECOGNISED], rejected=c[REJECTED]))
        lines.append(say("summary.written", inserted=self.inserted, updated=self.updated, declared=self.declared))
        if self.created_parents:
            lines.append(say("summary.parents", count=len(self.created_parents),
                             codes=", ".join(self.created_parents[:8])
                             + (" ..." if len(self.created_parents) > 8 else "")))
        noted = sum(1 for r in self.rows if r.notes)
        if noted:
            lines.append(say("summary.noted", count=noted))
        for m in self.messages:
            lines.append(f"  {message(m, lang)}")
        if self.findings:
            errors = sum(1 for f in self.findings if f.get("severity") == "error")
            warnings = sum(1 for f in self.findings if f.get("severity") == "warning")
            lines.append(say("summary.checked", errors=errors, warnings=warnings))
        return "\n".join(lines)

    def details(self, only_problems: bool = False, lang: str | None = None) -> str:
        """Every row's outcome (or only the rejected and noted ones), in ``lang`` (bawaan: the current language)."""
        out = []
        for r in self.rows:
            if only_problems and r.status != REJECTED and not r.notes:
                continue
            out.append(r.line_text(self.source, lang))
        return "\n".join(out)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "tables": self.tables,
            "counts": self.counts(),
            "inserted": self.inserted,
            "updated": self.updated,
            "declared": self.declared,
            "created_parents": self.created_parents,
            "messages": self.messages,
            "failed": self.failed,
            "rows": [r.as_dict() for r in self.rows],
            "findings": self.findings,
            "summary": self.summary(),
        }
