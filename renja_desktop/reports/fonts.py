"""The font every report uses: Liberation Sans (SIL OFL 1.1), shipped in ``resources/fonts``.

Liberation Sans has Arial's metrics, so line breaks fall where users who type these tables in
Arial expect them (docs/domain.md, "Printing"). The TrueType files are embedded (subset) in every PDF, so
the print looks the same on every PC; system fonts are never used.
"""
from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import RenjaError
from ..paths import resources_dir

REGULAR = "LiberationSans"
BOLD = "LiberationSans-Bold"
ITALIC = "LiberationSans-Italic"
BOLD_ITALIC = "LiberationSans-BoldItalic"

_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


class FontMissingError(RenjaError, RuntimeError):
    """The bundled font files are missing (a damaged installation)."""


def register_fonts() -> None:
    """Register the four Liberation Sans faces with ReportLab (once per process)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = resources_dir() / "fonts"
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.is_file():
                raise FontMissingError("report.font_missing", name=filename, folder=folder)
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)
        _registered = True


