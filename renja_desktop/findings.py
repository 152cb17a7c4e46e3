"""What a check reports: a :class:`Finding` and its severities.

Kept apart from the rules themselves (:mod:`renja_desktop.validation`, :mod:`renja_desktop.audit`)
so that every rule module, and the importer that stores the notes it took, can share them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_LABEL = {ERROR: "Galat", WARNING: "Peringatan", INFO: "Info"}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

#: key of the ``meta`` table under which an import keeps, as JSON, what it noticed about the
#: source's codes (shown by :func:`renja_desktop.audit.import_notes` while those rows exist)
IMPORT_NOTES_KEY = "import_findings"


@dataclass
class Finding:
    """One finding: severity, table, row code, column, an Indonesian message, and where it applies
    the printed and the computed value side by side."""

    severity: str
    tabel: str
    kode: str
    kolom: str
    pesan: str
    tercetak: str = ""
    terhitung: str = ""
    row_id: str | None = None
    rule: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        where = f"Tabel {self.tabel}" if self.tabel[:1].isdigit() else self.tabel
        parts = [f"[{SEVERITY_LABEL.get(self.severity, self.severity)}] {where}"]
        if self.kode:
            parts.append(f"kode {self.kode}")
        if self.kolom:
            parts.append(f"kolom {self.kolom}")
        text = ", ".join(parts) + ": " + self.pesan
        if self.tercetak or self.terhitung:
            text += f" (tercetak {self.tercetak or '-'}; terhitung {self.terhitung or '-'})"
        return text


__all__ = ["ERROR", "WARNING", "INFO", "SEVERITY_LABEL", "SEVERITY_ORDER", "IMPORT_NOTES_KEY", "Finding"]
