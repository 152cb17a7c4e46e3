"""The whole Renja as one PDF: cover, Kata Pengantar, Daftar Isi, Daftar Tabel, BAB I-V, signature.

Text pages are portrait (A4 or F4); each placed table (Tabel 2.1-2.4, 3.1, 4.1) is printed on
landscape pages of the same file by the appendix engine (:mod:`.pdf`: the same builders, layout and
pagination as the appendix tables). Front matter is numbered in roman numerals (i, ii, iii), the
body in arabic numerals from BAB I on; every numbered page carries the running header and its
number in the footer. Fonts are the embedded Liberation Sans.

The Daftar Isi and Daftar Tabel are built in passes: a counting pass (table pages take their
place but are not drawn) records on which page label every heading and table begins; the drawing
pass prints those labels and records them again; it is repeated until nothing moved, so every
number in the contents is the one printed on the heading's page.
"""
from __future__ import annotations

import gc
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, Image, KeepTogether, NextPageTemplate, PageBreak,
    PageTemplate, Paragraph, Spacer, Table, TableStyle,
)

from .output import partial_path, put_in_place
from .. import __version__
from ..narrative import fields as fieldmod
from ..narrative import format as fmt
from ..narrative.generated import expand
from ..narrative.outline import FRONT_KINDS, SectionNode, walk
from ..narrative.store import blocks_of, outline
from . import fonts
from .pdf import (
    Progress, fit_signature, layout_table, PageFlowable, paginate, Renderer, signature_box, page_size,
)
from .tables import PAPERS_MM, ReportError, ReportOptions, row_count, signature_block

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

ProgressFn = Callable[[float, str], "bool | None"]


@dataclass
class DocumentOptions:
    """How the whole document is printed. Margins in millimetres (text pages)."""

    paper: str = "A4"              # text pages, portrait
    tables_paper: str = "F4"       # table pages, landscape
    font_size: float = 12.0
    margin_top: float = 25.0
    margin_bottom: float = 25.0
    margin_left: float = 30.0      # binding side
    margin_right: float = 20.0

    def check(self) -> None:
        for name in ("paper", "tables_paper"):
            if getattr(self, name) not in PAPERS_MM:
                raise ReportError("report.paper", paper=getattr(self, name), choices=", ".join(PAPERS_MM))
        if not 9 <= self.font_size <= 14:
            raise ReportError("report.font_size", size=self.font_size, low=9, high=14)


@dataclass
class TocEntry:
    key: str
    text: str
    level: int          # 0: BAB / front matter, 1: subbab, 2: deeper
    label: str = ""     # page label where the heading stands ("ii", "5")


@dataclass
class DocumentResult:
    path: Path
    pages: int                                   # physical pages
    toc: list[TocEntry]                          # Daftar Isi entries with their page labels
    tables: list[TocEntry]                       # Daftar Tabel entries
    page_labels: list[str] = field(default_factory=list)   # the label printed on each physical page
    landscape_pages: list[int] = field(default_factory=list)  # 1-based physical page numbers
    passes: int = 0


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Context:
    """What the flowables of one pass need: the document, field values, styles, labels."""

    def __init__(self, doc: "RenjaDocument", options: DocumentOptions, labels: dict[str, str]):
        self.doc = doc
        self.options = options
        self.values = fieldmod.values(doc)
        self.labels = labels
        size = options.font_size
        lead = size * 1.45
        base = dict(fontName=fonts.REGULAR, fontSize=size, leading=lead)
        self.size = size
        self.body = ParagraphStyle("body", alignment=TA_JUSTIFY, spaceAfter=size * 0.6, firstLineIndent=10 * mm,
                                   **base)
        self.aligned = {
            "justify": self.body,
            "left": ParagraphStyle("left", parent=self.body, alignment=TA_LEFT, firstLineIndent=0),
            "center": ParagraphStyle("center", parent=self.body, alignment=TA_CENTER, firstLineIndent=0),
            "right": ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT, firstLineIndent=0),
        }
        self.item = ParagraphStyle("item", alignment=TA_JUSTIFY, spaceAfter=size * 0.3, **base)
        self.inner = ParagraphStyle("inner", parent=self.body, firstLineIndent=0, spaceAfter=0,
                                    fontSize=size - 2, leading=(size - 2) * 1.25, alignment=TA_LEFT)
        self.title = ParagraphStyle("title", fontName=fonts.BOLD, fontSize=20, leading=26, alignment=TA_CENTER,
                                    spaceAfter=8)
        self.subtitle = ParagraphStyle("subtitle", fontName=fonts.BOLD, fontSize=15, leading=20,
                                       alignment=TA_CENTER, spaceAfter=6)
        self.h_inline = ParagraphStyle("h_inline", parent=self.aligned["left"], fontName=fonts.BOLD,
                                       spaceBefore=size * 0.4, keepWithNext=1)
        self.h_bab = ParagraphStyle("h_bab", fontName=fonts.BOLD, fontSize=size + 2, leading=(size + 2) * 1.4,
                                    alignment=TA_CENTER, spaceAfter=size * 1.2, keepWithNext=1)
        self.h_sub = ParagraphStyle("h_sub", fontName=fonts.BOLD, fontSize=size, leading=lead, alignment=TA_LEFT,
                                    leftIndent=12 * mm, firstLineIndent=-12 * mm, spaceBefore=size * 0.8,
                                    spaceAfter=size * 0.5, keepWithNext=1)
        self.h_front = ParagraphStyle("h_front", parent=self.h_bab)
        self.toc = ParagraphStyle("toc", fontName=fonts.REGULAR, fontSize=size - 1, leading=(size - 1) * 1.35,
                                  alignment=TA_LEFT, rightIndent=14 * mm)
        self.toc_bold = ParagraphStyle("toc_bold", parent=self.toc, fontName=fonts.BOLD, spaceBefore=4)
        self.sig = ParagraphStyle("sig", fontName=fonts.REGULAR, fontSize=size, leading=lead, alignment=TA_CENTER)

    def sub(self, text: str) -> str:
        return fieldmod.substitute(text, self.doc, self.values)

    def markup(self, runs: list[dict]) -> str:
        out = []
        for r in runs:
            t = _esc(self.sub(r.get("text", "")))
            if r.get("u"):
                t = f"<u>{t}</u>"
            if r.get("i"):
                t = f"<i>{t}</i>"
            if r.get("b"):
                t = f"<b>{t}</b>"
            out.append(t)
        return "".join(out)


class _Heading(Paragraph):
    """A heading paragraph that tells the document template where it stands (for the contents)."""

    def __init__(self, text: str, style: ParagraphStyle, key: str):
        super().__init__(text, style)
        self.toc_key = key


class _Mark(Flowable):
    """A zero-size marker recording the page label where it is drawn (table starts)."""

    def __init__(self, key: str):
        super().__init__()
        self.toc_key = key

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self) -> None:
        pass


class _TocLine(Flowable):
    """One contents line: the text (wrapping), dot leaders, the page label right-aligned."""

    def __init__(self, text: str, label: str, style: ParagraphStyle, indent: float):
        super().__init__()
        self.label = label
        self.style = style
        self.indent = indent
        self.para = Paragraph(text, ParagraphStyle("t", parent=style, leftIndent=indent))

    def wrap(self, aw, ah):
        self.aw = aw
        w, h = self.para.wrap(aw, ah)
        self.height = h + self.style.spaceBefore
        self.width = aw
        return aw, self.height

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)
        st = self.style
        bl = getattr(self.para, "blPara", None)
        lines = bl.lines if bl is not None else []
        room = self.aw - self.indent - st.rightIndent
        last_w = 0.0
        if lines:
            last = lines[-1]
            extra = last[0] if isinstance(last, tuple) else getattr(last, "extraSpace", 0)
            last_w = room - extra
        n = max(1, len(lines))
        y = self.para.height - st.fontSize - (n - 1) * st.leading
        lw = stringWidth(self.label, st.fontName, st.fontSize)
        self.canv.setFont(st.fontName, st.fontSize)
        dot = " ."
        dw = stringWidth(dot, st.fontName, st.fontSize)
        x0 = self.indent + last_w + 4
        x1 = self.aw - lw - 4
        count = int((x1 - x0) / dw) if x1 > x0 else 0
        if count > 0:
            self.canv.drawRightString(x1, y, dot * count)
        self.canv.drawRightString(self.aw, y, self.label)


class _TablePage(PageFlowable):
    """A landscape table page; in a counting pass (``dry``) it takes its place without drawing."""

    def __init__(self, page, renderer, dry: bool):
        super().__init__(page, renderer)
        self.dry = dry

    def draw(self) -> None:
        if not self.dry:
            super().draw()


class _DocTemplate(BaseDocTemplate):
    def __init__(self, *args, **kw):
        self.recorded: dict[str, str] = {}
        self.page_labels: list[str] = []
        self.landscape: list[int] = []
        self.counter = {"roman": 0, "arabic": 0}
        self.page_label = ""
        super().__init__(*args, **kw)

    def afterFlowable(self, flowable) -> None:
        key = getattr(flowable, "toc_key", None)
        if key is not None and key not in self.recorded:
            self.recorded[key] = self.page_label


def _roman_lower(n: int) -> str:
    return fmt.roman(n, upper=False)


def _signature_block(ctx: _Context, frame_w: float) -> Flowable:
    block = signature_block(ctx.doc)
    lines = [Paragraph(_esc(block.place), ctx.sig), Paragraph(_esc(block.jabatan), ctx.sig), Spacer(1, 22 * mm),
             Paragraph(f"<b><u>{_esc(block.nama)}</u></b>", ctx.sig)]
    if block.pangkat:
        lines.append(Paragraph(_esc(block.pangkat), ctx.sig))
    lines.append(Paragraph(_esc(block.nip_line), ctx.sig))
    col = min(85 * mm, frame_w * 0.55)
    t = Table([["", lines]], colWidths=[frame_w - col, col])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8 * mm), t])


def _list_flowables(ctx: _Context, lb: dict, depth: int, out: list) -> None:
    indent = 4 * mm + depth * 8 * mm
    marker_w = 9 * mm
    for k, it in enumerate(lb["items"]):
        marker = fmt.list_marker(lb["style"], lb.get("start", 1) + k)
        st = ParagraphStyle(f"li{depth}", parent=ctx.item, leftIndent=indent + marker_w, bulletIndent=indent,
                            bulletFontName=fonts.REGULAR, bulletFontSize=ctx.size)
        out.append(Paragraph(ctx.markup(it.get("runs", [])) or "&nbsp;", st, bulletText=marker))
        if it.get("sub"):
            _list_flowables(ctx, it["sub"], depth + 1, out)


def _image(block: dict, frame_w: float, max_h: float) -> Flowable:
    data = fmt.image_bytes(block)
    reader = ImageReader(io.BytesIO(data))
    iw, ih = reader.getSize()
    w = min(block.get("width_mm", 30) * mm, frame_w)
    h = w * ih / iw if iw else w
    if h > max_h:
        w, h = w * max_h / h, max_h
    img = Image(io.BytesIO(data), width=w, height=h)
    img.hAlign = {"left": "LEFT", "right": "RIGHT"}.get(block.get("align", "center"), "CENTER")
    return img


def block_flowables(ctx: _Context, blocks: list[dict], frame_w: float, frame_h: float,
                    on_table: Callable[[str], list] | None = None) -> list:
    """Flowables for a section's blocks (table placements through ``on_table``)."""
    out: list = []
    for b in blocks:
        t = b["type"]
        if t == "paragraph":
            style = b.get("style", "normal")
            st = ctx.title if style == "title" else ctx.subtitle if style == "subtitle" else \
                ctx.aligned[b.get("align", "justify")]
            out.append(Paragraph(ctx.markup(b["runs"]) or "&nbsp;", st))
        elif t == "heading":
            out.append(Paragraph(ctx.markup(b["runs"]), ctx.h_inline))
        elif t == "list":
            _list_flowables(ctx, b, 0, out)
        elif t == "table":
            hr = b.get("header_rows", 1)
            ncol = max(len(r) for r in b["rows"])
            data = []
            for i, r in enumerate(b["rows"]):
                cells = [Paragraph(("<b>%s</b>" if i < hr else "%s") % ctx.markup(c), ctx.inner) for c in r]
                data.append(cells + [""] * (ncol - len(cells)))
            tab = Table(data, colWidths=[frame_w / ncol] * ncol, repeatRows=hr)
            tab.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                     ("BACKGROUND", (0, 0), (-1, hr - 1), colors.Color(0.88, 0.88, 0.88)) if hr else
                                     ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out += [tab, Spacer(1, ctx.size * 0.6)]
        elif t == "image":
            out.append(_image(b, frame_w, frame_h * 0.4))
            out.append(Spacer(1, 4 * mm))
        elif t == "generated":
            out += block_flowables(ctx, expand(ctx.doc, b["kind"]), frame_w, frame_h, on_table)
        elif t == "signature":
            out.append(_signature_block(ctx, frame_w))
        elif t == "table_ref" and on_table is not None:
            out += on_table(b["tabel"])
    return out


def _bab_heading(ctx: _Context, node: SectionNode) -> str:
    return f"{node.nomor}<br/>{_esc(ctx.sub(node.judul).upper())}"


def toc_text(ctx_sub: Callable[[str], str], node: SectionNode) -> str:
    if node.kind == "bab":
        return f"{node.nomor}  {ctx_sub(node.judul).upper()}"
    if node.kind == "sub":
        return f"{node.nomor}  {ctx_sub(node.judul)}"
    return ctx_sub(node.judul).upper()


def render_document_pdf(doc: "RenjaDocument", path: str | Path, options: DocumentOptions | None = None,
                        progress: ProgressFn | None = None) -> DocumentResult:
    """Print the whole document to ``path`` (replaced only when complete)."""
    options = options or DocumentOptions()
    options.check()
    fonts.register_fonts()
    roots = outline(doc)
    if not roots:
        raise ReportError("report.no_outline")
    path = Path(path)
    paused = gc.isenabled()
    gc.disable()
    try:
        # table layouts do not depend on the pass: build them once
        tables_opts = ReportOptions(paper=options.tables_paper)
        tw, th = page_size(options.tables_paper)
        t_left, t_right = tables_opts.margin_left * mm, tables_opts.margin_right * mm
        t_top, t_bottom = tables_opts.margin_top * mm, tables_opts.margin_bottom * mm
        t_frame = (tw - t_left - t_right, th - t_top - t_bottom)
        nodes = list(walk(roots))
        placed = [b["tabel"] for n in nodes for b in blocks_of(n) if b["type"] == "table_ref"]
        counts = {t: row_count(doc, t) for t in placed}
        prog = Progress(progress, max(1, 3 * sum(counts.values()) + 4 * len(nodes)))
        prog.report("Menyiapkan tabel")
        table_pages: dict[str, list] = {}
        specs: dict[str, Any] = {}
        signature = signature_box(doc, t_frame[0])
        fit_signature(signature, t_frame[1])
        for t in placed:
            spec = specs[t] = prog.build(doc, t, tables_opts, counts[t])
            layout = layout_table(spec, tables_opts, t_frame[0], prog)
            avail_next = t_frame[1] - layout.header_h
            table_pages[t] = paginate(layout, avail_next - layout.title_h, avail_next, None)
        renderer = Renderer(doc, tables_opts, prog, signature)

        # one counting pass (table pages not drawn) finds every label; the drawing pass prints them
        # and checks them: when one moved (a contents line wrapped differently), it runs again
        labels: dict[str, str] = {}
        result = None
        dry = True
        for n_pass in range(1, 7):
            out = io.BytesIO()
            tmpl = _build(doc, roots, options, labels, out, table_pages, specs, renderer,
                          (t_left, t_right, t_top, t_bottom), (tw, th), t_frame, blocks_of, dry)
            prog.report(f"Menyusun halaman (putaran {n_pass})")
            if tmpl.recorded == labels and not dry:
                result = (tmpl, out, n_pass)
                break
            labels = dict(tmpl.recorded)
            dry = False
        if result is None:
            raise ReportError("report.toc_unstable")
        tmpl, out, n_pass = result
        tmp = partial_path(path)
        with put_in_place(tmp, path):
            tmp.write_bytes(out.getvalue())
        toc, tabs = _entries(doc, roots, labels, specs, blocks_of)
        if progress is not None:
            progress(1.0, "Selesai")
        return DocumentResult(path, len(tmpl.page_labels), toc, tabs, list(tmpl.page_labels),
                              list(tmpl.landscape), n_pass)
    finally:
        if paused:
            gc.enable()


def _entries(doc, roots, labels, specs, blocks_of) -> tuple[list[TocEntry], list[TocEntry]]:
    sub = lambda s: fieldmod.substitute(s, doc)  # noqa: E731
    toc: list[TocEntry] = []
    tabs: list[TocEntry] = []
    for n in walk(roots):
        if n.kind == "sampul":
            continue
        toc.append(TocEntry(n.id, toc_text(sub, n), min(n.depth, 2), labels.get(n.id, "")))
        for b in blocks_of(n):
            if b["type"] == "table_ref" and b["tabel"] in specs:
                spec = specs[b["tabel"]]
                tabs.append(TocEntry("tabel:" + spec.nomor, f"Tabel {spec.nomor}  {spec.judul}", 0,
                                     labels.get("tabel:" + spec.nomor, "")))
    return toc, tabs


def _build(doc, roots, options: DocumentOptions, labels, out, table_pages, specs, renderer,
           t_margins, t_size, t_frame, blocks_of, dry: bool = False) -> _DocTemplate:
    ctx = _Context(doc, options, labels)
    short, long = PAPERS_MM[options.paper]
    pw, ph = short * mm, long * mm
    left, right = options.margin_left * mm, options.margin_right * mm
    top, bottom = options.margin_top * mm, options.margin_bottom * mm
    frame_w, frame_h = pw - left - right, ph - top - bottom
    running = doc.running_header()
    info = doc.info

    def numbered(kind: str):
        def on_page(canv, tmpl: _DocTemplate) -> None:
            tmpl.counter[kind] += 1
            n = tmpl.counter[kind]
            tmpl.page_label = _roman_lower(n) if kind == "roman" else str(n)
            tmpl.page_labels.append(tmpl.page_label)
        return on_page

    def text_page(kind: str):
        count = numbered(kind)

        def on_page(canv, tmpl: _DocTemplate) -> None:
            count(canv, tmpl)
            canv.saveState()
            if kind == "arabic":
                canv.setFont(fonts.BOLD, 8)
                canv.drawRightString(pw - right, ph - top + 8 * mm + 10, running[0])
                canv.drawRightString(pw - right, ph - top + 8 * mm, running[1])
                canv.setLineWidth(0.6)
                canv.line(left, ph - top + 6 * mm, pw - right, ph - top + 6 * mm)
            canv.setFont(fonts.REGULAR, 10)
            canv.drawCentredString(left + frame_w / 2, bottom - 12 * mm, tmpl.page_label)
            canv.restoreState()
        return on_page

    t_left, t_right, t_top, t_bottom = t_margins
    tw, th = t_size

    def table_page(canv, tmpl: _DocTemplate) -> None:
        numbered("arabic")(canv, tmpl)
        tmpl.landscape.append(len(tmpl.page_labels))
        canv.saveState()
        canv.setFont(fonts.BOLD, 8)
        canv.drawRightString(tw - t_right, th - t_top + 6 + 8 * 1.18, running[0])
        canv.drawRightString(tw - t_right, th - t_top + 6, running[1])
        canv.setLineWidth(0.6)
        canv.line(t_left, th - t_top + 3, tw - t_right, th - t_top + 3)
        canv.line(t_left, t_bottom - 2 * mm, tw - t_right, t_bottom - 2 * mm)
        canv.setFont(fonts.REGULAR, 10)
        canv.drawCentredString(tw / 2, t_bottom - 7 * mm, tmpl.page_label)
        canv.restoreState()

    def cover_page(canv, tmpl: _DocTemplate) -> None:
        tmpl.page_label = ""
        tmpl.page_labels.append("")

    frame = Frame(left, bottom, frame_w, frame_h, 0, 0, 0, 0, id="teks")
    t_frame_obj = Frame(t_left, t_bottom, t_frame[0], t_frame[1], 0, 0, 0, 0, id="tabel")
    tmpl = _DocTemplate(
        out, pagesize=(pw, ph), leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
        title=f"Rencana Kerja {info.get('opd') or ''} {info.get('pemda') or ''} Tahun {info['tahun']}".strip(),
        author=" ".join(running).strip(), subject="Rencana Kerja Perangkat Daerah",
        creator=f"Renja Desktop {__version__}", pageCompression=1, invariant=0,
    )
    nodes = list(walk(roots))
    first_kind = nodes[0].kind
    first_tmpl = "sampul" if first_kind == "sampul" else "depan" if first_kind in FRONT_KINDS else "isi"
    templates = [
        PageTemplate("sampul", frames=[frame], onPage=cover_page, pagesize=(pw, ph)),
        PageTemplate("depan", frames=[frame], onPage=text_page("roman"), pagesize=(pw, ph)),
        PageTemplate("isi", frames=[frame], onPage=text_page("arabic"), pagesize=(pw, ph)),
        PageTemplate("tabel", frames=[t_frame_obj], onPage=table_page, pagesize=(tw, th)),
    ]
    templates.sort(key=lambda t: t.id != first_tmpl)  # the first page uses the first template
    tmpl.addPageTemplates(templates)

    def on_table(nomor: str) -> list:
        pages = table_pages.get(nomor)
        if not pages:
            return []
        story: list = [NextPageTemplate("tabel"), PageBreak(), _Mark("tabel:" + nomor)]
        for i, p in enumerate(pages):
            if i:
                story.append(PageBreak())
            story.append(_TablePage(p, renderer, dry))
        story += [NextPageTemplate("isi"), PageBreak()]
        return story

    sub = ctx.sub
    story: list = []
    first = True
    body_started = False
    entries, tab_entries = _entries(doc, roots, labels, specs, blocks_of)
    for n in nodes:
        blocks = blocks_of(n)
        if n.kind == "sampul":
            if not first:
                story += [NextPageTemplate("sampul"), PageBreak()]
            story += [Spacer(1, 20 * mm)]
            for f in block_flowables(ctx, blocks, frame_w, frame_h):
                if isinstance(f, Image):
                    story += [Spacer(1, 18 * mm), f, Spacer(1, 18 * mm)]
                else:
                    story.append(f)
            first = False
            continue
        if n.kind in FRONT_KINDS and not body_started:
            nxt = "depan"
        else:
            nxt = "isi"
        if n.depth == 0:
            if not first:
                story += [NextPageTemplate(nxt), PageBreak()]
            first = False
            if nxt == "isi":
                body_started = True
        if n.kind == "bab":
            story.append(_Heading(_bab_heading(ctx, n), ctx.h_bab, n.id))
        elif n.kind == "sub":
            story.append(_Heading(f"{n.nomor}&nbsp;&nbsp;&nbsp;{_esc(sub(n.judul))}", ctx.h_sub, n.id))
        else:
            story.append(_Heading(_esc(sub(n.judul).upper()), ctx.h_front, n.id))
        if n.kind == "daftar_isi":
            for e in entries:
                st = ctx.toc_bold if e.level == 0 else ctx.toc
                story.append(_TocLine(_esc(e.text), e.label or "", st, e.level * 10 * mm))
        elif n.kind == "daftar_tabel":
            for e in tab_entries:
                story.append(_TocLine(_esc(e.text), e.label or "", ctx.toc, 0))
        story += block_flowables(ctx, blocks, frame_w, frame_h, on_table)
    # drop a trailing page break left by a table at the very end
    while story and isinstance(story[-1], (PageBreak, NextPageTemplate)):
        story.pop()
    rl_config.useA85 = 0
    tmpl.build(story)
    return tmpl


__all__ = ["DocumentOptions", "DocumentResult", "TocEntry", "render_document_pdf", "block_flowables"]
