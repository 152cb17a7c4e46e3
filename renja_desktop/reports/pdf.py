"""PDF rendering of the appendix tables with ReportLab Platypus (docs/domain.md, "Printing").

ReportLab's own ``Table`` re-lays out every remaining row at each page break, which makes a long
table quadratic (2,2 s for 5.000 rows, 21 s for 20.000). Here the table is laid out once, by us:

1. every cell's text is wrapped into lines with the embedded font's real metrics (a word-width
   cache makes this cheap), which gives every row's exact height;
2. pages are cut from those heights: rows never overflow, a row taller than the room left may be
   split between two lines (a row taller than a whole page always is), so ReportLab's
   ``LayoutError`` cannot happen; the signature block is kept with at least the last table row;
3. each page is one Platypus flowable that draws its title, the repeated header rows and
   column-number row, its rows and (on the last page) the signature block; the page template draws
   the running header and "Halaman x dari y" (the page count is known before drawing starts).
   Pages are written as PDF operators directly (one text block, one grid path per page): each
   distinct text is encoded for its font subsets once per document, glyph widths come from a
   per-character table; the encoded strings and widths are exactly ReportLab's.

Every step is linear in the number of rows. A progress callback can cancel at any time
(:class:`RenderCancelled`); the output file is written to a temporary name and only renamed over
the target when complete.
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer,
)

from .output import partial_path, put_in_place
from .. import __version__
from ..formatting import opd_with_pemda
from . import fonts
from .tables import (
    BOLD_STYLES, CENTER, CODE, LEFT, MONEY, PAPERS_MM, RATE, RIGHT, SHADED_STYLES, STYLE_SUMMARY,
    TABLE_TITLES, VOLUME, ReportError, ReportOptions, TableSpec, build_table,
    format_cell, normalize_tables, row_count, signature_block,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

#: ``progress(fraction 0..1, message)``; returning ``False`` cancels the render
ProgressFn = Callable[[float, str], "bool | None"]

ASCENT = 0.905        # Liberation Sans ascent (em fraction)
LEADING = 1.18        # line distance as a multiple of the font size
PAD_X = 1.8           # cell padding, points
PAD_Y = 1.6
GRID_WIDTH = 0.5
HEADER_FILL = (0.85, 0.85, 0.85)
NUMBER_FILL = (0.94, 0.94, 0.94)
SHADE_FILL = {"kegiatan": (0.93, 0.93, 0.93), "total": (0.85, 0.85, 0.85),
              "summary": (0.96, 0.96, 0.96)}


#: rows that head the rows below them: never left alone at the foot of a page
HEADING_STYLES = frozenset({"urusan", "bidang", "program", "kegiatan"})


class RenderCancelled(Exception):
    """The user cancelled a render through the progress callback."""


class Progress:
    """Turns work units into a 0..1 fraction and lets the callback cancel."""

    def __init__(self, fn: ProgressFn | None, total: int):
        self.fn = fn
        self.total = max(1, total)
        self.done = 0

    def step(self, units: int, message: str) -> None:
        self.done += units
        self.report(message)

    def report(self, message: str) -> None:
        if self.fn is None:
            return
        if self.fn(min(1.0, self.done / self.total), message) is False:
            raise RenderCancelled("Pencetakan dibatalkan.")

    def build(self, doc: "RenjaDocument", table: str, options: ReportOptions, rows: int) -> TableSpec:
        """Build one table's rows from the document, reporting progress row by row."""
        done = [0]

        def tick(i: int) -> None:
            self.step(i - done[0], f"Menyusun Tabel {table}")
            done[0] = i

        spec = build_table(doc, table, options, tick)
        self.step(rows - done[0], f"Menyusun Tabel {table}")
        return spec


# =========================================================================== text measuring
#: where a line may break: ordinary spaces and tabs only (a no-break space holds words together)
_BREAKS = re.compile(r"[ \t\r\f\v]+")
#: the space after "Rp"/"Rp." before an amount is a no-break space in print
_GLUE_RP = re.compile(r"(\bRp\.?) (?=[\d(])")


#: font name -> character -> advance width in thousandths of an em (filled as characters appear)
_UNITS: dict[str, dict[str, float]] = {}


def _units(font: str, text: str) -> float:
    """Advance width of ``text`` in thousandths of an em.

    The same sum, in the same order, as ReportLab's pure-Python ``stringWidth`` (so
    ``0.001 * size * _units(...)`` is the same float), read from a per-character table instead of
    a generator over ``ord()`` calls: about five times faster on the tens of thousands of distinct
    amounts and words of a long table.
    """
    table = _UNITS.get(font)
    if table is None:
        table = _UNITS[font] = {}
    try:
        return sum(map(table.__getitem__, text))
    except KeyError:
        face = getFont(font).face
        get, default = face.charWidths.get, face.defaultWidth
        for ch in text:
            if ch not in table:
                table[ch] = get(ord(ch), default)
        return sum(map(table.__getitem__, text))


def _split_words(para: str) -> list[str]:
    """The unbreakable pieces of one paragraph (no newline), the spaces between them dropped."""
    if "Rp" in para:
        # "Rp 4.000.000.000" is one unit: a line never ends between the currency and its amount
        para = _GLUE_RP.sub("\\1\u00a0", para)
    if para.isprintable():
        # only ordinary spaces can break here (tabs, no-break spaces... are not printable)
        return para.split()
    words = _BREAKS.split(para.strip(" \t"))
    return [] if words == [""] else words


class _Metrics:
    """Word widths of one font at one size, cached; greedy line wrapping."""

    def __init__(self, font: str, size: float):
        self.font = font
        self.size = size
        self.scale = 0.001 * size
        self.cache: dict[str, float] = {}
        self.wrapped: dict[tuple[str, float], list[str]] = {}  # (text, width) -> lines, shared
        self.space = self.word(" ")

    def word(self, w: str) -> float:
        width = self.cache.get(w)
        if width is None:
            width = self.cache[w] = self.scale * _units(self.font, w)
        return width

    def text(self, s: str) -> float:
        if " " not in s:
            return self.word(s)
        return sum(self.word(w) for w in s.split(" ")) + self.space * s.count(" ")

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` cut into lines no wider than ``width``, between words only (a word wider than
        the whole width is cut by characters). The same text and width give the same list object:
        callers must not change it."""
        key = (text, width)
        lines = self.wrapped.get(key)
        if lines is None:
            lines = self.wrapped[key] = self._wrap(text, width)
        return lines

    def _wrap(self, text: str, width: float) -> list[str]:
        if (text and "\n" not in text and "Rp" not in text and text.isprintable() and "  " not in text
                and text[0] != " " and text[-1] != " "
                and self.scale * _units(self.font, text) < width + 0.01 - 1e-6):
            # one line for sure: the word by word sum below differs from the whole text's width
            # only by rounding (far below the margin), and its words joined again are the text
            return [text]
        lines: list[str] = []
        space = self.space
        word = self.word
        width += 0.01  # column edges are sums of floats: a word measured to fit must fit
        for para in text.split("\n"):
            words = _split_words(para)
            if not words:
                if lines or "\n" in text:
                    lines.append("")
                continue
            cur: list[str] = []
            cur_w = 0.0
            for w in words:
                ww = word(w)
                if cur and cur_w + space + ww <= width:
                    cur.append(w)
                    cur_w += space + ww
                    continue
                if cur:
                    lines.append(" ".join(cur))
                if ww <= width:
                    cur, cur_w = [w], ww
                    continue
                # a word wider than the cell (a long code or URL): cut it by characters
                piece = ""
                for ch in w:
                    if piece and self.scale * _units(self.font, piece + ch) > width:
                        lines.append(piece)
                        piece = ch
                    else:
                        piece += ch
                cur, cur_w = [piece], self.scale * _units(self.font, piece)
            if cur:
                lines.append(" ".join(cur))
        while lines and lines[-1] == "":
            lines.pop()
        return lines


class _FontSet:
    def __init__(self, size: float):
        self.size = size
        self.leading = size * LEADING
        self.regular = _Metrics(fonts.REGULAR, size)
        self.bold = _Metrics(fonts.BOLD, size)
        self.italic = _Metrics(fonts.ITALIC, size)

    def for_style(self, style: str) -> _Metrics:
        return self.bold if style in BOLD_STYLES else self.regular


# =========================================================================== table layout
@dataclass
class _HeaderBox:
    x: float
    y: float          # from the top of the header block, downwards
    w: float
    h: float
    lines: list[str]
    fill: tuple


@dataclass
class _TableLayout:
    spec: TableSpec
    fonts: _FontSet
    col_x: list[float]             # left edge of each column, plus the right edge at the end
    title_lines: list[str]
    title_size: float
    title_h: float
    header_boxes: list[_HeaderBox]
    header_h: float                # header rows and number row together
    cell_spans: list[list[tuple[int, int]]] = field(default_factory=list)  # per row (start, end)
    row_lines: list[list[list[str]]] = field(default_factory=list)
    row_nlines: list[int] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.col_x[-1] - self.col_x[0]

    def slice_height(self, nlines: int) -> float:
        return nlines * self.fonts.leading + 2 * PAD_Y


#: cells printed on one line whatever their width (the column is as wide as the widest)
_ONE_LINE = frozenset({MONEY, RATE, CODE})


#: cells set to the right unless they say otherwise
_RIGHT_KINDS = frozenset({MONEY, RATE, VOLUME})


def _words(text: str) -> list[str]:
    """The unbreakable pieces of ``text`` as :meth:`_Metrics.wrap` sees them."""
    words = _split_words(text.replace("\n", " ") if "\n" in text else text)
    return [w for w in words if w] or [""]


def _column_widths(spec: TableSpec, texts: list[list[str]], fs: _FontSet, frame_w: float) -> list[float] | None:
    """Fit columns to their content, share the rest by weight. ``None``: does not fit."""
    columns = spec.columns
    ncol = len(columns)
    need = [0.0] * ncol
    hdr = fs.bold
    for hc in spec.header + spec.numbers:
        if hc.colspan == 1:
            longest = max((hdr.word(w) for w in hc.text.split()), default=0.0)
            need[hc.col] = max(need[hc.col], min(longest, 40 * mm))
    word_cap = 40 * mm  # a longer word (a URL, a long code) may still be cut by characters
    # the distinct texts of each column, by the font they print in (a long table repeats its
    # codes, amounts and sources many times: each is measured once)
    distinct: dict[tuple[int, _Metrics], set[str]] = {}
    whole: dict[_Metrics, list[list[str]]] = {}   # rows with one cell per column, by font
    for r, row in enumerate(spec.rows):
        metrics = fs.for_style(row.style)
        row_texts = texts[r]
        if len(row_texts) == ncol:
            rows_of = whole.get(metrics)
            if rows_of is None:
                rows_of = whole[metrics] = []
            rows_of.append(row_texts)
            continue
        col = 0
        for k, cell in enumerate(row.cells):
            if cell.span == 1 and row_texts[k]:
                distinct.setdefault((col, metrics), set()).add(row_texts[k])
            col += cell.span
    for metrics, rows_of in whole.items():
        for col, column_texts in enumerate(zip(*rows_of)):
            found = set(column_texts)
            found.discard("")
            if found:
                distinct.setdefault((col, metrics), set()).update(found)
    # a text column empty in every row (no sasaran, no catatan...) gets only its minimum width
    filled = [False] * ncol
    for (col, metrics), found in distinct.items():
        filled[col] = True
        if columns[col].weight == 0:
            w = max(max(metrics.text(x) for x in t.split("\n")) if "\n" in t else metrics.text(t)
                    for t in found)
        else:  # a wrapped column is at least as wide as its longest word: no word is cut
            w = min(word_cap, max(max(map(metrics.word, _words(t))) for t in found))
        if w > need[col]:
            need[col] = w
    widths = [0.0] * ncol
    fixed = 0.0
    for i, c in enumerate(columns):
        if c.weight and not filled[i]:
            widths[i] = max(c.min_mm * mm, need[i] + 2 * PAD_X)  # the header's longest word fits
            fixed += widths[i]
        elif c.weight == 0:
            w = need[i] + 2 * PAD_X
            w = max(w, c.min_mm * mm)
            if c.kind not in (MONEY, RATE, CODE):
                w = min(w, c.max_mm * mm)
            widths[i] = w
            fixed += w
    free = frame_w - fixed
    active = [i for i, c in enumerate(columns) if c.weight and filled[i]]
    if not active:
        return widths if free >= -0.5 else None
    # a text column is never narrower than its minimum nor than its header's longest word
    floor = {i: max(columns[i].min_mm * mm, need[i] + 2 * PAD_X) for i in active}
    if free < sum(floor.values()):
        return None
    # share the free width by weight, honouring minimums (a few passes settle it)
    pinned: dict[int, float] = {}
    while True:
        loose = [i for i in active if i not in pinned]
        if not loose:
            break
        weight = sum(columns[i].weight for i in loose)
        room = free - sum(pinned.values())
        small = [i for i in loose if room * columns[i].weight / weight < floor[i]]
        if not small:
            for i in loose:
                widths[i] = room * columns[i].weight / weight
            break
        for i in small:
            pinned[i] = floor[i]
    for i, w in pinned.items():
        widths[i] = w
    return widths


def layout_table(spec: TableSpec, options: ReportOptions, frame_w: float,
                  progress: Progress) -> _TableLayout:
    size = options.font_size or spec.font_size
    thousands = spec.thousands
    texts = [[format_cell(c, thousands) for c in row.cells] for row in spec.rows]
    while True:
        fs = _FontSet(size)
        widths = _column_widths(spec, texts, fs, frame_w)
        if widths is not None or size <= 5:
            break
        size -= 0.5  # the table does not fit the paper at this size: step down
    if widths is None:
        raise ReportError("report.too_wide", table=spec.nomor, paper=options.paper)
    col_x = [0.0]
    for w in widths:
        col_x.append(col_x[-1] + w)
    # scale to the exact frame width when columns are all fitted and narrower
    table_w = col_x[-1]
    if table_w > frame_w + 0.5:
        raise ReportError("report.wider_than_frame", table=spec.nomor)

    # title
    title_size = max(10.0, size + 3)
    tm = _Metrics(fonts.BOLD, title_size)
    title_lines = [spec.caption or f"Tabel {spec.nomor}"] + tm.wrap(spec.judul, frame_w * 0.8)
    title_h = len(title_lines) * title_size * LEADING + 4 * mm

    # header boxes
    hm = fs.bold
    nrows = spec.header_rows
    heights = [fs.leading + 2 * PAD_Y] * nrows
    wrapped = []
    for hc in spec.header:
        w = col_x[hc.col + hc.colspan] - col_x[hc.col]
        lines = hm.wrap(hc.text, w - 2 * PAD_X)
        need = len(lines) * fs.leading + 2 * PAD_Y
        wrapped.append((hc, lines, need))
    for hc, lines, need in sorted(wrapped, key=lambda t: t[0].rowspan):
        span = range(hc.row, hc.row + hc.rowspan)
        have = sum(heights[r] for r in span)
        if need > have:
            heights[hc.row + hc.rowspan - 1] += need - have
    row_y = [0.0]
    for h in heights:
        row_y.append(row_y[-1] + h)
    boxes = []
    for hc, lines, _ in wrapped:
        x = col_x[hc.col]
        boxes.append(_HeaderBox(x, row_y[hc.row], col_x[hc.col + hc.colspan] - x,
                                row_y[hc.row + hc.rowspan] - row_y[hc.row], lines, HEADER_FILL))
    num_h = fs.leading + 2 * PAD_Y
    for hc in spec.numbers:
        x = col_x[hc.col]
        boxes.append(_HeaderBox(x, row_y[-1], col_x[hc.col + hc.colspan] - x, num_h, [hc.text],
                                NUMBER_FILL))
    layout = _TableLayout(spec, fs, col_x, title_lines, title_size, title_h, boxes,
                          row_y[-1] + num_h)

    # body rows: wrap every cell once
    columns = spec.columns
    ncol = len(columns)
    row_lines = layout.row_lines
    row_nlines = layout.row_nlines
    spans = layout.cell_spans
    # shared by many cells (nothing changes a cell's lines once laid out): no empty cell, code or
    # amount needs a list of its own, and a row with one cell per column its own spans
    empty: list[str] = []
    single: dict[str, list[str]] = {}
    unit_spans = [(i, i + 1) for i in range(ncol)]
    inner = [col_x[i + 1] - col_x[i] - 2 * PAD_X for i in range(ncol)]
    step = 2000
    reported = 0
    for r, row in enumerate(spec.rows):
        if r - reported >= step:
            progress.step(r - reported, f"Menata Tabel {spec.nomor}")
            reported = r
        wrap = fs.for_style(row.style).wrap
        row_texts = texts[r]
        cells = row.cells
        cells_lines = []
        n = 1
        if len(cells) == ncol:   # every cell one column wide
            cell_spans = unit_spans
            for k, t in enumerate(row_texts):
                if not t:
                    lines = empty
                elif cells[k].kind in _ONE_LINE:
                    lines = single.get(t) or single.setdefault(t, [t])
                else:
                    lines = wrap(t, inner[k])
                    if len(lines) > n:
                        n = len(lines)
                cells_lines.append(lines)
        else:
            cell_spans = []
            col = 0
            for k, cell in enumerate(cells):
                end = col + cell.span
                t = row_texts[k]
                if not t:
                    lines = empty
                elif cell.kind in _ONE_LINE:
                    lines = [t]
                else:
                    lines = wrap(t, col_x[end] - col_x[col] - 2 * PAD_X)
                    if len(lines) > n:
                        n = len(lines)
                cells_lines.append(lines)
                cell_spans.append((col, end))
                col = end
        row_lines.append(cells_lines)
        spans.append(cell_spans)
        row_nlines.append(n)
        texts[r] = None  # free as we go
    progress.step(len(spec.rows) - reported, f"Menata Tabel {spec.nomor}")
    return layout


# =========================================================================== pagination
@dataclass
class _Page:
    layout: _TableLayout | None
    first: bool = False
    slices: list[tuple[int, int, int]] = field(default_factory=list)  # (row, first line, end line)
    signature: bool = False


@dataclass
class _Signature:
    lines: list[tuple[str, str]]     # (font, text)
    size: float
    width: float
    height: float
    gap: float
    blank: float
    underline_index: int


def signature_box(doc: "RenjaDocument", frame_w: float) -> _Signature:
    size = 9.0
    width = min(100 * mm, frame_w * 0.42)
    reg = _Metrics(fonts.REGULAR, size)
    block = signature_block(doc)
    lines = [(fonts.REGULAR, block.place)]
    lines += [(fonts.REGULAR, x) for x in reg.wrap(block.jabatan, width)]
    blank_index = len(lines)
    lines.append((fonts.BOLD, block.nama))
    if block.pangkat:
        lines.append((fonts.REGULAR, block.pangkat))
    lines.append((fonts.REGULAR, block.nip_line))
    gap = 6 * mm
    blank = 20 * mm
    height = gap + len(lines) * size * LEADING + blank
    return _Signature(lines, size, width, height, gap, blank, blank_index)


def fit_signature(sig: _Signature, room: float) -> None:
    """On a short page the blank space for the signature shrinks (down to 8 mm) to fit."""
    if sig.height <= room:
        return
    shrink = min(sig.height - room, sig.blank - 8 * mm)
    sig.blank -= shrink
    sig.height -= shrink
    if sig.height > room:
        raise ReportError("report.signature_room")


def paginate(layout: _TableLayout, avail_first: float, avail_next: float,
              signature: _Signature | None) -> list[_Page]:
    lead = layout.fonts.leading
    pad2 = 2 * PAD_Y
    pages: list[_Page] = []
    page = _Page(layout, first=True)
    remaining = avail_first
    fresh = int((avail_next - pad2 + 0.01) // lead)
    if fresh < 1:
        raise ReportError("report.frame_small_hint")

    rows = layout.spec.rows
    nlines = layout.row_nlines

    def close() -> None:
        """End the page; a heading row (program, kegiatan...) left at its foot goes along to the
        next page with the rows it heads, so no heading is orphaned."""
        nonlocal page, remaining
        carry: list[tuple[int, int, int]] = []
        while len(page.slices) > 1:
            r, a, b = page.slices[-1]
            if rows[r].style not in HEADING_STYLES or a != 0 or b != nlines[r]:
                break
            carry.insert(0, page.slices.pop())
        pages.append(page)
        page = _Page(layout)
        remaining = avail_next
        for sl in carry:
            page.slices.append(sl)
            remaining -= (sl[2] - sl[1]) * lead + pad2

    for i, n in enumerate(layout.row_nlines):
        l0 = 0
        while True:
            left = n - l0
            h = left * lead + pad2
            if h <= remaining + 0.01:
                page.slices.append((i, l0, n))
                remaining -= h
                break
            fit = int((remaining - pad2 + 0.01) // lead)
            # split a row when it cannot fit a whole page, or when it is tall and much room is left
            # (a heading row only when it cannot fit a page: it goes whole to the next one)
            tall = left >= 6 and fit >= 3 and rows[i].style not in HEADING_STYLES
            if fit >= 1 and (left > fresh or tall):
                k = fit
                if left <= fresh and left - k < 2:
                    k = left - 2
                if k >= 2 or (k >= 1 and left > fresh):
                    page.slices.append((i, l0, l0 + k))
                    l0 += k
                    close()
                    continue
            if not page.slices and remaining >= avail_next - 0.01:
                raise ReportError("report.frame_small")
            close()
    if signature is not None:
        if remaining >= signature.height:
            page.signature = True
        else:
            # the signature block never stands alone: move the last row(s) with it
            def h(s):
                return (s[2] - s[1]) * lead + pad2
            moved = [page.slices.pop()] if page.slices else []
            if len(page.slices) >= 2 and sum(map(h, moved)) + h(page.slices[-1]) + signature.height <= avail_next:
                moved.insert(0, page.slices.pop())
            first = page.first
            if page.slices:
                pages.append(page)
                first = False
            page = _Page(layout, first=first, slices=moved, signature=True)
    pages.append(page)
    return pages


# =========================================================================== drawing
class _FontCodec:
    """One embedded font in one PDF document: text to the escaped bytes of its font subsets.

    ReportLab's ``splitString`` gives each character a code in a subset of 256 the first time the
    document meets it; afterwards it is a lookup, but a slow pure-Python one whose output still
    needs escaping. Here a string whose characters all have codes in subset 0 (nearly every
    string after the first pages) is one ``str.translate``; any other string goes through
    ``splitString`` once, which assigns the new codes, and the table learns them. The bytes are
    exactly ReportLab's.
    """

    def __init__(self, font: str, pdfdoc):
        self.name = font
        self.font = getFont(font)
        self.pdfdoc = pdfdoc
        self.known: set[str] = set()          # characters with a code in subset 0
        self.table: dict[int, str] = {}       # their escaped byte
        self.entries: dict[str, tuple] = {}   # text -> (((subset name, "(...) Tj"), ...), width units)
        self.subset_names: dict[int, str] = {}

    def chunks(self, text: str) -> list[tuple[int, str]]:
        if self.known.issuperset(text):
            return [(0, text.translate(self.table))]
        parts = self.font.splitString(text, self.pdfdoc)
        assigned = self.font.state[self.pdfdoc].assignments
        for ch in set(text):
            code = ord(ch)
            n = assigned.get(32 if code == 0xA0 else code, 0)  # 0: no glyph, drawn as .notdef
            if n < 256:
                self.known.add(ch)
                self.table[code] = escapePDF(bytes((n,)))
        return [(sub, escapePDF(b)) for sub, b in parts]

    def entry(self, text: str) -> tuple:
        e = self.entries[text] = (
            tuple((self.subset_name(sub), f"({esc}) Tj") for sub, esc in self.chunks(text)),
            _units(self.name, text))
        return e

    def subset_name(self, sub: int) -> str:
        name = self.subset_names.get(sub)
        if name is None:
            name = self.subset_names[sub] = self.font.getSubsetInternalName(sub, self.pdfdoc)
        return name


class _TextWriter:
    """Emits text operators straight into a canvas page (one BT..ET block per page).

    Same operators ReportLab's text object writes, without its per-call overhead: each distinct
    string is encoded once per document (:class:`_FontCodec`), then reused.
    """

    def __init__(self, canv, codecs: dict[str, _FontCodec]):
        self.canv = canv
        self.code: list[str] = []
        self.font_name: str | None = None   # the font subset and size in force (Tf)
        self.font_size = 0.0
        self.codecs = codecs   # font name -> codec, all for the canvas's PDF document

    def codec(self, font: str) -> _FontCodec:
        codec = self.codecs.get(font)
        if codec is None:
            codec = self.codecs[font] = _FontCodec(font, self.canv._doc)
        return codec

    def put(self, font: str, size: float, x: float, y: float, text: str, align: str = "left") -> None:
        """Draw ``text`` with its left edge, right edge or centre (``align``) at ``x``."""
        prefix, chunks = self.placed(font, size, x, align, text)
        self.code.append(prefix + "%.2f Tm" % y)
        self.emit(chunks, size)

    def placed(self, font: str, size: float, x: float, align: str, text: str) -> tuple:
        """(``"1 0 0 1 <x> "``, ((font subset, show operator), ...)) for ``text`` anchored at ``x``."""
        codec = self.codecs.get(font) or self.codec(font)
        chunks, units = codec.entries.get(text) or codec.entry(text)
        if align != "left":
            w = 0.001 * size * units
            x = x - w if align == RIGHT else x - w / 2.0
        return "1 0 0 1 %.2f " % x, chunks

    def emit(self, chunks: tuple, size: float) -> None:
        code = self.code
        for name, tj in chunks:
            if name != self.font_name or size != self.font_size:
                code.append(f"{name} {size:g} Tf")
                self.font_name, self.font_size = name, size
            code.append(tj)

    def put_exact(self, font: str, size: float, x: float, y: float, text: str, align: str = "left") -> None:
        """:meth:`put` with the position as precise as ReportLab's own ``drawString`` writes it."""
        _, chunks = self.placed(font, size, x, align, text)
        if align != "left":
            w = 0.001 * size * self.codecs[font].entries[text][1]
            x = x - w if align == RIGHT else x - w / 2.0
        self.code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        self.emit(chunks, size)

    def block(self) -> str:
        """The text drawn so far as one BT..ET block (empty when none); starts a new block."""
        code = "BT\n" + "\n".join(self.code) + "\nET" if self.code else ""
        self.code = []
        self.font_name = None
        return code

    def flush(self) -> None:
        """Add the text drawn so far to the canvas page."""
        if self.code:
            self.canv._code.append(self.block())


def _fill(rgb: tuple, x: float, y: float, w: float, h: float) -> str:
    """A filled rectangle, the colour back to black: the operators ReportLab's ``rect`` writes."""
    return f"{fp_str(rgb)} rg\nn {fp_str(x, y, w, h)} re f*\n0 0 0 rg"


def _stroke_lines(canv, lines: list[tuple[float, float, float, float]]) -> None:
    """All grid lines of a page as one path (ReportLab's ``lines`` formats every number slowly)."""
    if lines:
        canv._code.append(
            "\n".join("%.2f %.2f m %.2f %.2f l" % line for line in lines) + "\nS"
        )


class PageFlowable(Flowable):
    """One whole page of a table: title (first page), header, rows, signature (last page)."""

    def __init__(self, page: _Page, renderer: "Renderer"):
        super().__init__()
        self.page = page
        self.renderer = renderer

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, availHeight
        return availWidth, availHeight

    def draw(self) -> None:
        self.renderer.draw_page(self.canv, self.page, self.width, self.height)


class Renderer:
    def __init__(self, doc: "RenjaDocument", options: ReportOptions, progress: Progress,
                 signature: _Signature):
        self.doc = doc
        self.options = options
        self.progress = progress
        self.signature = signature
        self.codecs: dict[str, _FontCodec] = {}   # for the PDF document below only
        self.cells: dict[tuple, tuple] = {}          # the same
        self.codecs_doc = None
        self.header_fills: dict[tuple, str] = {}

    def writer(self, canv) -> _TextWriter:
        if canv._doc is not self.codecs_doc:
            self.codecs, self.cells, self.codecs_doc = {}, {}, canv._doc
        return _TextWriter(canv, self.codecs)

    def draw_page(self, canv, page: _Page, frame_w: float, frame_h: float) -> None:
        lay = page.layout
        fs = lay.fonts
        lead = fs.leading
        size = fs.size
        # centre the table horizontally in the frame
        x0 = (frame_w - lay.width) / 2.0
        y = frame_h
        canv.saveState()
        text = self.writer(canv)

        def put(font: str, fsize: float, x: float, yy: float, s: str, align: str = "left") -> None:
            if s:
                text.put(font, fsize, x, yy, s, align)

        if page.first:
            ts = lay.title_size
            yy = y - ts * ASCENT
            for line in lay.title_lines:
                put(fonts.BOLD, ts, frame_w / 2.0, yy, line, CENTER)
                yy -= ts * LEADING
            y -= lay.title_h

        grid: list[tuple[float, float, float, float]] = []
        # header (repeated on every page)
        code = canv._code
        key = (id(lay), x0, y)
        fills = self.header_fills.get(key)
        if fills is None:
            fills = self.header_fills[key] = "\n".join(
                _fill(box.fill, x0 + box.x, y - box.y - box.h, box.w, box.h) for box in lay.header_boxes)
        code.append(fills)
        for box in lay.header_boxes:
            bx, top = x0 + box.x, y - box.y
            bottom = top - box.h
            grid += [(bx, top, bx + box.w, top), (bx, bottom, bx + box.w, bottom),
                     (bx, top, bx, bottom), (bx + box.w, top, bx + box.w, bottom)]
            numbers = box.fill == NUMBER_FILL
            font = fonts.REGULAR if numbers else fonts.BOLD
            fsize = size - 0.5 if numbers else size
            block = len(box.lines) * lead
            yy = top - (box.h - block) / 2.0 - fsize * ASCENT - (lead - fsize) / 2.0
            for line in box.lines:
                put(font, fsize, bx + box.w / 2.0, yy, line, CENTER)
                yy -= lead
        y -= lay.header_h

        # rows
        spec = lay.spec
        col_x = [x0 + c for c in lay.col_x]
        left, right = col_x[0], col_x[-1]
        columns = spec.columns
        last = len(columns)
        rows = spec.rows
        row_lines = lay.row_lines
        cell_spans = lay.cell_spans
        placed = text.placed
        emit = text.emit
        tcode = text.code
        cells = self.cells   # (font, size, x, align, text) -> text.placed(...), for this document
        # vertical grid lines: one segment per column edge and run of rows sharing it, noted at
        # each change of the rows' column spans (laid out rows share one spans list when equal)
        runs: dict[int, list[float]] = {}

        def edges_down(spans: list[tuple[int, int]], top: float, low: float) -> None:
            for c in [c0 for c0, _ in spans] + [last]:
                run = runs.get(c)
                if run is not None and run[1] == top:
                    run[1] = low
                else:
                    if run is not None:
                        grid.append((col_x[c], run[0], col_x[c], run[1]))
                    runs[c] = [top, low]

        group, group_top = None, y
        for (r, l0, l1) in page.slices:
            row = rows[r]
            style = row.style
            h = (l1 - l0) * lead + 2 * PAD_Y
            bottom = y - h
            fill = SHADE_FILL.get(style) if style in SHADED_STYLES else None
            if fill:
                code.append(_fill(fill, left, bottom, right - left, h))
            if style == STYLE_SUMMARY:
                font = fonts.BOLD_ITALIC
            else:
                font = fonts.BOLD if style in BOLD_STYLES else fonts.REGULAR
            codec = text.codec(font)
            entries = codec.entries
            yy = y - PAD_Y - size * ASCENT
            ys = []
            for _ in range(l1 - l0):
                ys.append("%.2f Tm" % yy)
                yy -= lead
            spans = cell_spans[r]
            if spans is not group:
                if group is not None:
                    edges_down(group, group_top, y)
                group, group_top = spans, y
            row_cells = row.cells
            for k, lines in enumerate(row_lines[r]):
                if not lines:
                    continue
                c0, c1 = spans[k]
                cell = row_cells[k]
                align = cell.align or (RIGHT if cell.kind in _RIGHT_KINDS else columns[c0].align)
                if align == RIGHT:
                    x = col_x[c1] - PAD_X
                elif align == CENTER:
                    x = (col_x[c0] + col_x[c1]) / 2.0
                else:
                    x = col_x[c0] + PAD_X
                    left_at = "1 0 0 1 %.2f " % x   # the same for every text of the cell
                for i, line in enumerate(lines if l0 == 0 and l1 >= len(lines) else lines[l0:l1]):
                    if not line:
                        continue
                    if align == LEFT:
                        chunks = (entries.get(line) or codec.entry(line))[0]
                        tcode.append(left_at + ys[i])
                    else:
                        key = (font, size, x, align, line)
                        entry = cells.get(key)
                        if entry is None:
                            entry = cells[key] = placed(font, size, x, align, line)
                        tcode.append(entry[0] + ys[i])
                        chunks = entry[1]
                    if len(chunks) == 1 and chunks[0][0] == text.font_name and size == text.font_size:
                        tcode.append(chunks[0][1])   # the usual case: same font subset
                    else:
                        emit(chunks, size)
            grid.append((left, bottom, right, bottom))
            y = bottom
        if group is not None:
            edges_down(group, group_top, y)
        for c, (top, low) in runs.items():
            grid.append((col_x[c], top, col_x[c], low))
        text.flush()
        canv.setLineWidth(GRID_WIDTH)
        canv.setStrokeColorRGB(0, 0, 0)
        _stroke_lines(canv, grid)
        canv.restoreState()

        if page.signature:
            self.draw_signature(canv, frame_w, y)
        self.progress.step(len(page.slices), f"Menggambar Tabel {spec.nomor}")

    def draw_signature(self, canv, frame_w: float, y: float) -> None:
        sig = self.signature
        cx = frame_w - sig.width / 2.0
        yy = y - sig.gap - sig.size * ASCENT
        step = sig.size * LEADING
        for i, (font, line) in enumerate(sig.lines):
            if i == sig.underline_index:
                yy -= sig.blank
            canv.setFont(font, sig.size)
            canv.drawCentredString(cx, yy, line)
            if i == sig.underline_index:
                w = stringWidth(line, font, sig.size)
                canv.setLineWidth(0.6)
                canv.line(cx - w / 2.0, yy - 1.5, cx + w / 2.0, yy - 1.5)
            yy -= step


# =========================================================================== document
@dataclass
class RenderResult:
    path: Path
    pages: int                 # numbered pages (without the cover)
    tables: list[str]
    specs: dict[str, TableSpec]


def page_size(paper: str) -> tuple[float, float]:
    """Landscape (width, height) in points."""
    short, long = PAPERS_MM[paper]
    return long * mm, short * mm


def _cover_story(doc: "RenjaDocument", tables: list[str], frame_w: float) -> list:
    info = doc.info
    big = ParagraphStyle("cover_big", fontName=fonts.BOLD, fontSize=20, leading=26,
                         alignment=TA_CENTER, spaceAfter=6)
    mid = ParagraphStyle("cover_mid", fontName=fonts.BOLD, fontSize=15, leading=20,
                         alignment=TA_CENTER, spaceAfter=4)
    item = ParagraphStyle("cover_item", fontName=fonts.REGULAR, fontSize=11, leading=15,
                          alignment=TA_LEFT, leftIndent=frame_w * 0.2, rightIndent=frame_w * 0.15,
                          firstLineIndent=0)

    def esc(s: str) -> str:
        return (s or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    title = (info.get("judul") or "").strip() or "RENCANA KERJA PERANGKAT DAERAH"
    story: list = [Spacer(1, 25 * mm), Paragraph(esc("LAMPIRAN"), big),
                   Paragraph(esc(title.upper()), big)]
    who = (info.get("opd") or "").upper()
    if who:
        story.append(Paragraph(esc(who), mid))
    if info.get("pemda") and opd_with_pemda(info.get("opd"), info["pemda"]) != (info.get("opd") or "").strip():
        story.append(Paragraph(esc(info["pemda"].upper()), mid))
    story.append(Paragraph(f"TAHUN {info['tahun']}", mid))
    story.append(Spacer(1, 14 * mm))
    for t in tables:
        story.append(Paragraph(f"<b>Tabel {t}</b>&nbsp;&nbsp;{esc(TABLE_TITLES[t])}", item))
    return story


def render_pdf(doc: "RenjaDocument", path: str | Path, tables: str | list[str] | None = "all",
               options: ReportOptions | None = None, progress: ProgressFn | None = None) -> RenderResult:
    """Render ``tables`` of ``doc`` into one PDF at ``path`` (replaced only when complete)."""
    options = options or ReportOptions()
    options.check()
    names = normalize_tables(tables)
    fonts.register_fonts()
    path = Path(path)
    page_w, page_h = page_size(options.paper)
    left, right = options.margin_left * mm, options.margin_right * mm
    top, bottom = options.margin_top * mm, options.margin_bottom * mm
    frame_w = page_w - left - right
    frame_h = page_h - top - bottom
    if frame_w < 100 * mm or frame_h < 60 * mm:
        raise ReportError("report.margins_big")

    # the render allocates millions of small objects that all live until the end: pausing the
    # cyclic garbage collector keeps it from re-scanning them over and over (about 10 % faster)
    paused = gc.isenabled()
    gc.disable()
    try:
        return _render_pdf(doc, path, names, options, progress, (left, right, top, bottom),
                           (page_w, page_h, frame_w, frame_h))
    finally:
        if paused:
            gc.enable()


def _render_pdf(doc: "RenjaDocument", path: Path, names: list[str], options: ReportOptions,
                progress: ProgressFn | None, margins: tuple, geometry: tuple) -> RenderResult:
    left, right, top, bottom = margins
    page_w, page_h, frame_w, frame_h = geometry
    counts = {t: row_count(doc, t) for t in names}
    prog = Progress(progress, 3 * sum(counts.values()))
    prog.report("Menyiapkan tabel")
    signature = signature_box(doc, frame_w)

    specs: dict[str, TableSpec] = {}
    pages: list[_Page] = []
    for t in names:
        spec = specs[t] = prog.build(doc, t, options, counts[t])
        layout = layout_table(spec, options, frame_w, prog)
        avail_next = frame_h - layout.header_h
        avail_first = avail_next - layout.title_h
        if t == names[-1]:
            fit_signature(signature, avail_next - layout.slice_height(1))
        pages += paginate(layout, avail_first, avail_next, signature if t == names[-1] else None)

    total_pages = len(pages)
    offset = 1 if options.cover else 0
    running = doc.running_header()
    stage = (doc.meta.get("renja.tahap.nama") or "").upper()

    x_right = page_w - right
    frame_top = page_h - top
    foot = bottom - 5 * mm
    # the two rules under the running header and above the footer, the same on every page
    rules = (f".6 w\nn {fp_str(left, frame_top + 3)} m {fp_str(x_right, frame_top + 3)} l S\n"
             f"n {fp_str(left, bottom - 2 * mm)} m {fp_str(x_right, bottom - 2 * mm)} l S")

    def decorate(canv, pdfdoc) -> None:
        number = pdfdoc.page - offset
        if number < 1 or number > total_pages:
            return
        spec = pages[number - 1].layout.spec
        text = renderer.writer(canv)
        put = text.put_exact
        size = 8
        if running[0]:
            put(fonts.BOLD, size, x_right, frame_top + 6 + size * LEADING, running[0], RIGHT)
        if running[1]:
            put(fonts.BOLD, size, x_right, frame_top + 6, running[1], RIGHT)
        if stage:  # printed from a frozen stage: its name on every page
            put(fonts.BOLD, 10, left, frame_top + 6, stage)
        put(fonts.ITALIC, 7, left, foot, f"{spec.caption or 'Tabel ' + spec.nomor} {spec.singkat}")
        put(fonts.REGULAR, 8, x_right, foot, f"Halaman {number} dari {total_pages}", RIGHT)
        canv._code.append(f"q\n{text.block()}\n{rules}\nQ")

    renderer = Renderer(doc, options, prog, signature)
    story: list = []
    if options.cover:
        story += _cover_story(doc, names, frame_w)
        story += [NextPageTemplate("tabel"), PageBreak()]
    for i, page in enumerate(pages):
        if i:
            story.append(PageBreak())
        story.append(PageFlowable(page, renderer))

    # binary (not ASCII85) streams: smaller files, and ReportLab's pure-Python encoder is slow
    rl_config.useA85 = 0
    tmp = partial_path(path)
    info = doc.info
    pdfdoc = BaseDocTemplate(
        str(tmp), pagesize=(page_w, page_h), leftMargin=left, rightMargin=right, topMargin=top,
        bottomMargin=bottom, title=" ".join(f"Tabel {t}" for t in names) + f" Renja {info['tahun']}",
        author=" ".join(running).strip(), subject="Rencana Kerja Perangkat Daerah",
        creator=f"Renja Desktop {__version__}", pageCompression=1, invariant=0,
    )
    frame = Frame(left, bottom, frame_w, frame_h, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="isi")
    templates = [PageTemplate("tabel", frames=[frame], onPage=decorate)]
    if options.cover:
        templates.insert(0, PageTemplate("sampul", frames=[frame]))
    pdfdoc.addPageTemplates(templates)
    with put_in_place(tmp, path):
        pdfdoc.build(story)
        prog.report("Menyimpan berkas")
    if progress is not None:
        progress(1.0, "Selesai")
    return RenderResult(path, total_pages, names, specs)
