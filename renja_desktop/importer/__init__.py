"""Bringing real Renja tables in: tab-separated text (clipboard), .tsv/.csv and .xlsx.

The two entry points the GUI and the command line use::

    report = import_text(doc, text, table=None, column_map=None, parent_id=None)
    report = import_file(doc, path, table=None, sheet=None, column_map=None)

Both run inside ``with doc.batch():`` so a failed import leaves the document (and its file)
unchanged; rows that cannot be read are *rejected* in the report and never stop the rest. The
:class:`ImportReport` accounts for every source row (imported, continuation, recognised, rejected)
with its line number, and has an Indonesian :meth:`ImportReport.summary`.

``table`` is one of ``'4.1'``, ``'3.1'``, ``'2.1'``, ``'2.2'``, ``'2.3'``, ``'2.4'`` or ``None``
(recognised from the header words or, for a whole Renja converted to text, from the captions).
``column_map`` maps field names (as in ``tree --json``: ``kode``, ``nama``, ``pagu``,
``sumber_dana``...) to a header text, a column letter or a 1-based column number. ``parent_id``
pastes the rows under that plan row (codes may then be just the last segment, or absent).
"""
from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import catalog_for_document
from ..errors import Msg
from ..readers import ImportFailure, Source, TableNotRecognized, file_source, list_sheets, text_source
from ..validation import validate
from .cells import nonempty

from .document import looks_like_document, parse_identity, segment
from .engine import import_block, record_unreconciled
from .layouts import TABLES, guess_table
from .report import CONTINUATION, IMPORTED, RECOGNISED, REJECTED, ImportReport, RowOutcome

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

__all__ = [
    "import_text", "import_file", "import_source", "ImportReport", "RowOutcome", "ImportFailure", "TableNotRecognized",
    "parse_identity", "list_sheets", "TABLES", "IMPORTED", "CONTINUATION", "RECOGNISED", "REJECTED",
]

#: plan tables first: Tabel 2.3 is matched against the plan tree they build
_ORDER = {"4.1": 0, "3.1": 1, "2.3": 2, "2.1": 3, "2.2": 4, "2.4": 5}


def _norm_table(table: str | None) -> str | None:
    if table is None or str(table).strip() == "":
        return None
    t = str(table).strip().lower().replace("tabel", "").strip().rstrip(".")
    if t not in TABLES:
        raise ImportFailure("import.unknown_table", table=table, choices=", ".join(TABLES))
    return t


def _catalog_for(doc: "RenjaDocument"):
    try:
        return catalog_for_document(doc)
    except Exception:  # a broken user catalog must not stop an import
        return None


def import_source(doc: "RenjaDocument", src: Source, table: str | None = None,
                  column_map: dict[str, str] | None = None, parent_id: str | None = None) -> ImportReport:
    """Import a read source into ``doc`` (all or nothing), returning the report."""
    # tens of thousands of small objects and nothing garbage yet: Python's cyclic collector would
    # scan the growing heap again and again (a third of the time of a 50.000-row import)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _import_source(doc, src, table, column_map, parent_id)
    finally:
        if enabled:
            gc.enable()


def _import_source(doc: "RenjaDocument", src: Source, table: str | None,
                   column_map: dict[str, str] | None, parent_id: str | None) -> ImportReport:
    table = _norm_table(table)
    report = ImportReport(source=src.label)
    if not any(not r.is_blank() for r in src.rows):
        raise ImportFailure("import.empty", source=src.label)
    catalog = _catalog_for(doc)
    with doc.batch():
        if table is None and parent_id is None and column_map is None and looks_like_document(src):
            _import_document(doc, src, report, catalog)
        else:
            import_block(doc, src.rows, table, report, src.label, column_map=column_map,
                         parent_id=parent_id, catalog=catalog)
        if not any(r.status == IMPORTED for r in report.rows):
            rejected = len(report.rejected)
            raise ImportFailure(
                f"{src.label}: tidak ada baris data yang dapat diimpor"
                + (f" ({rejected} baris ditolak, mis. baris {report.rejected[0].line}: {report.rejected[0].reason})"
                   if rejected else "")
            )
        record_unreconciled(doc, report)
    report.rows.sort(key=lambda r: r.line)
    report.findings = [f.as_dict() for f in validate(doc)]
    return report


def _import_document(doc: "RenjaDocument", src: Source, report: ImportReport, catalog) -> None:
    try:
        running = doc.running_header()
    except Exception:  # pragma: no cover
        running = ()
    seg = segment(src.rows, tuple(running))
    for r in seg.outside:
        kind = "kosong" if r.is_blank() else "teks dokumen"
        report.add(RowOutcome(r.line, RECOGNISED, "", kind=kind,
                              reason=Msg("row.blank") if r.is_blank() else Msg("row.document_text")))
    blocks = []
    for b in seg.blocks:
        table = b.table
        if table is None:
            table = guess_table([], [r.cells for r in b.rows if len(nonempty(r.cells)) >= 2])
        if table is None:
            for r in b.rows:
                report.add(RowOutcome(r.line, RECOGNISED, "", kind="teks dokumen",
                                      reason=Msg("row.tabbed_outside")))
            continue
        blocks.append((table, b))
    blocks.sort(key=lambda tb: _ORDER.get(tb[0], 9))
    for table, b in blocks:
        try:
            import_block(doc, b.rows, table, report, src.label, catalog=catalog)
        except ImportFailure as exc:
            done = {r.line for r in report.rows}
            for r in b.rows:
                if r.line not in done:
                    report.add(RowOutcome(r.line, REJECTED, table, reason=Msg.of(exc)))
            report.messages.append(Msg("cell.table_not_imported", table=table, line=b.rows[0].line, reason=exc))
    ident = parse_identity("\n".join(r.raw for r in src.rows))
    fill = {k: v for k, v in ident.items() if k != "tahun" and not doc.info.get(k)}
    if fill:
        doc.set_document(**fill)


def import_text(doc: "RenjaDocument", text: str, table: str | None = None,
                column_map: dict[str, str] | None = None, parent_id: str | None = None,
                source: str = "teks tempelan") -> ImportReport:
    """Import tab-separated text (what Word and Excel put on the clipboard)."""
    return import_source(doc, text_source(text, source), table, column_map, parent_id)


def import_file(doc: "RenjaDocument", path: str | Path, table: str | None = None, sheet: str | None = None,
                column_map: dict[str, str] | None = None) -> ImportReport:
    """Import a .tsv/.txt/.csv file or one sheet of an .xlsx workbook."""
    return import_source(doc, file_source(path, sheet), table, column_map)
