"""Printing the signed landscape appendix tables (Tabel 2.1, 2.2, 2.3, 2.4, 3.1, 4.1).

No Qt here: the GUI's print dialog and the command line both call :func:`render_pdf` and
:func:`export_xlsx`. See :mod:`.tables` for the table layouts, :mod:`.pdf` for the PDF engine and
:mod:`.excel` for the spreadsheet export.
"""
from .tables import (
    PAPERS_MM, TABLE_ORDER, TABLE_TITLES, ReportError, ReportOptions, TableSpec, build_table,
    normalize_tables,
)
from . import perubahan  # noqa: F401,E402 - registers the Perubahan Renja and notes tables

__all__ = [
    "RenderCancelled", "RenderResult", "render_pdf", "page_size", "ReportError", "ReportOptions",
    "TableSpec", "build_table", "normalize_tables", "PAPERS_MM", "TABLE_ORDER", "TABLE_TITLES",
]

#: the PDF engine's names: ReportLab is imported when one is first used, not with the tables'
#: titles (the window needs those when it opens a document)
_PDF_NAMES = frozenset({"RenderCancelled", "RenderResult", "page_size", "render_pdf"})


def __getattr__(name: str):
    if name in _PDF_NAMES:
        from . import pdf

        return getattr(pdf, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
