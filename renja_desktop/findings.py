"""What a check reports: a :class:`Finding` and its severities.

Kept apart from the rules themselves (:mod:`renja_desktop.validation`, :mod:`renja_desktop.audit`)
so that every rule module, and the importer that stores the notes it took, can share them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import Text, message
from .i18n import language

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_LABEL = {ERROR: "Galat", WARNING: "Peringatan", INFO: "Info"}
SEVERITY_LABEL_EN = {ERROR: "Error", WARNING: "Warning", INFO: "Info"}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

#: key of the ``meta`` table under which an import keeps, as JSON, what it noticed about the
#: source's codes (shown by :func:`renja_desktop.audit.import_notes` while those rows exist): a list
#: of items with the finding's fields, its Indonesian text ``pesan`` and, since issue 15, the message
#: itself as ``kunci`` (its key in :data:`~.errors.MESSAGES`) and ``arg`` (see :meth:`~.errors.Msg.data`)
IMPORT_NOTES_KEY = "import_findings"


@dataclass
class Finding:
    """One finding: severity, table, row code, column, a message (a :class:`~.errors.Msg` where it
    has a key: Indonesian as a string, English through :func:`~.errors.message`), and where it applies
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
        return dict(self.__dict__)  # the fields are plain values: no deep copy needed

    def line(self, lang: str | None = None) -> str:
        """The finding on one line, in ``lang`` (bawaan: the current language; the command line's
        is Indonesian)."""
        en = (lang or language()) == "en"
        where = f"{'Table' if en else 'Tabel'} {self.tabel}" if self.tabel[:1].isdigit() else self.tabel
        severity = (SEVERITY_LABEL_EN if en else SEVERITY_LABEL).get(self.severity, self.severity)
        parts = [f"[{severity}] {where}"]
        if self.kode:
            parts.append(f"{'code' if en else 'kode'} {self.kode}")
        if self.kolom:
            parts.append(f"{'column' if en else 'kolom'} {self.kolom}")
        text = ", ".join(parts) + ": " + message(self.pesan, lang)
        if self.tercetak or self.terhitung:
            printed, computed = ("printed", "computed") if en else ("tercetak", "terhitung")
            text += f" ({printed} {self.tercetak or '-'}; {computed} {self.terhitung or '-'})"
        return text


def source_text(sumber: str | None) -> Text:
    """`` [berkas.txt baris 12]``: where an import read a printed value (stored as ``berkas.txt baris
    12``), for a finding's message; empty without a source."""
    if not sumber:
        return Text("", "")
    head, sep, number = sumber.rpartition(" baris ")
    english = f"{head} line {number}" if sep and number.isdecimal() else sumber
    return Text(f" [{sumber}]", f" [{english}]")


#: key of the ``meta`` table: plan rows an import created itself, JSON ``{row_id: kind}`` with kind
#: 'induk' (a parent made from a code prefix the source does not print) or '2.3' (a row of Tabel
#: 2.3 imported before any plan table: it has no code until Tabel 4.1/3.1 are imported)
IMPORT_ROWS_KEY = "import_rows"
_import_rows_cache: dict[str, dict[str, str]] = {}


def import_rows(doc) -> dict[str, str]:
    """The rows the imports created themselves (see :data:`IMPORT_ROWS_KEY`), parsed once per value."""
    raw = doc.meta.get(IMPORT_ROWS_KEY) or ""
    if not raw:
        return {}
    found = _import_rows_cache.get(raw)
    if found is None:
        import json

        try:
            found = {str(k): str(v) for k, v in json.loads(raw).items()}
        except (ValueError, AttributeError):
            found = {}
        _import_rows_cache.clear()
        _import_rows_cache[raw] = found
    return found


#: key of the ``meta`` table: the corrections the bundled sample made to its source text (JSON list
#: of dicts ``tabel``, ``baris``, ``sel``, ``tertulis``, ``menjadi``, ``alasan``)
CORRECTIONS_KEY = "sample_corrections"


def correction_text(c) -> str:
    """One correction of a source cell in words: what was written, what it became, why."""
    get = c.get if isinstance(c, dict) else (lambda k: getattr(c, k))
    tertulis = str(get("tertulis") or "")
    written = f"tertulis '{tertulis}'" if tertulis.strip() else "tidak tertulis (sel kosong)"
    return (f"Tabel {get('tabel')} baris {get('baris')} sel {get('sel')} dikoreksi: {written}, "
            f"menjadi '{get('menjadi')}' ({get('alasan')})")


def corrections_of(doc) -> list[dict]:
    """The sample's corrections kept in the document (see :data:`CORRECTIONS_KEY`)."""
    import json

    raw = doc.meta.get(CORRECTIONS_KEY) or ""
    try:
        items = json.loads(raw) if raw.startswith("[") else []
    except ValueError:
        return []
    return [x for x in items if isinstance(x, dict)]


__all__ = ["ERROR", "WARNING", "INFO", "SEVERITY_LABEL", "SEVERITY_ORDER", "IMPORT_NOTES_KEY", "Finding",
           "IMPORT_ROWS_KEY", "import_rows", "CORRECTIONS_KEY", "correction_text", "corrections_of"]
