"""The whole Renja as a Word document (.docx, python-docx) for offices that finish in Word.

Headings use Word's own styles (Heading 1 for BAB, Heading 2 for subbab), so Word's table of
contents works: the Daftar Isi and Daftar Tabel are real TOC fields (Word refreshes them when the
file is opened; their first text lists the entries). Every placed table is a real Word table in
a landscape section of its own, built from the same table builders as the appendices, its header
rows repeated on every page and its column widths those of the PDF layout. Front matter is
numbered i, ii, iii and the body 1, 2, 3 (PAGE fields in the footers), the running header is in
the body's page headers, and the signature block closes the Kata Pengantar and BAB V.

Large tables are written as one piece of WordprocessingML rather than cell by cell through
python-docx (which is quadratic in the row count).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable
from xml.sax.saxutils import escape

from .output import partial_path, put_in_place
from ..narrative import fields as fieldmod
from ..narrative import format as fmt
from ..narrative.generated import expand
from ..narrative.outline import FRONT_KINDS, walk
from ..narrative.store import blocks_of, outline
from . import fonts
from .document_pdf import DocumentOptions, toc_text
from .pdf import Progress, layout_table, page_size
from .tables import (
    BOLD_STYLES, CENTER, PAPERS_MM, RIGHT, SHADED_STYLES, STYLE_SUMMARY, ReportError, ReportOptions,
    format_cell, row_count, signature_block,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

ProgressFn = Callable[[float, str], "bool | None"]
FONT = "Arial"   # metric-compatible with the Liberation Sans of the PDF; LibreOffice maps it to it
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CAPTION_STYLE = "Judul Tabel"


@dataclass
class DocxResult:
    path: Path
    headings: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)


def _docx():
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a dependency of the app
        raise ReportError("report.no_docx", reason=exc) from None
    return docx


def _set_cell_shading(xml_fill: str | None) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{xml_fill}"/>' if xml_fill else ""


def _run_xml(text: str, bold: bool = False, italic: bool = False, size_half: int | None = None) -> str:
    props = ""
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if size_half:
        props += f'<w:sz w:val="{size_half}"/><w:szCs w:val="{size_half}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para_xml(text: str, align: str = "left", bold: bool = False, italic: bool = False,
              size_half: int | None = None) -> str:
    jc = {"left": "left", CENTER: "center", RIGHT: "right", "center": "center", "right": "right"}.get(align, "left")
    ppr = f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr>'
    lines = text.split("\n")
    runs = []
    for i, line in enumerate(lines):
        if i:
            runs.append("<w:r><w:br/></w:r>")
        runs.append(_run_xml(line, bold, italic, size_half))
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _write_with_tables(data: bytes, target: Path, tables: dict[str, str]) -> None:
    """Copy the saved package to ``target`` with each marker paragraph of ``word/document.xml``
    replaced by its table."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml" and tables:
                text = content.decode("utf-8")
                parts = []
                pos = 0
                for marker, xml in tables.items():
                    at = text.index(marker, pos)
                    start = max(text.rfind("<w:p>", pos, at), text.rfind("<w:p ", pos, at))
                    end = text.index("</w:p>", at) + len("</w:p>")
                    parts += [text[pos:start], xml]
                    pos = end
                parts.append(text[pos:])
                content = "".join(parts).encode("utf-8")
            out.writestr(item, content)


def table_xml(spec, widths_pt: list[float], size: float, namespace: bool = True) -> str:
    """One Word table (``w:tbl``) for a :class:`~.tables.TableSpec`: merged header, number row,
    body rows; header and number rows repeat on every page."""
    half = max(10, int(round(size * 2)))
    ncols = len(spec.columns)
    grid = "".join(f'<w:gridCol w:w="{int(w * 20)}"/>' for w in widths_pt)
    col_tw = [int(w * 20) for w in widths_pt]
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    ns = f' xmlns:w="{W_NS}"' if namespace else ""
    out = [f'<w:tbl{ns}><w:tblPr><w:tblW w:w="{sum(col_tw)}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="30" w:type="dxa"/><w:right w:w="30" w:type="dxa"/></w:tblCellMar>'
           f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>']

    def cell(c0: int, span: int, body: str, fill: str | None = None, vmerge: str | None = None) -> str:
        w = sum(col_tw[c0:c0 + span])
        props = f'<w:tcW w:w="{w}" w:type="dxa"/>'
        if span > 1:
            props += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif vmerge == "continue":
            props += "<w:vMerge/>"
        props += _set_cell_shading(fill) + '<w:vAlign w:val="center"/>'
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"

    head_tr = '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>'
    # the header grid: which header cell covers (row, col)
    for r in range(spec.header_rows):
        cells = []
        c = 0
        while c < ncols:
            hit = next((h for h in spec.header if h.row <= r < h.row + h.rowspan and h.col == c), None)
            if hit is None:
                cells.append(cell(c, 1, _para_xml("", CENTER), "D9D9D9"))
                c += 1
                continue
            vm = None
            if hit.rowspan > 1:
                vm = "restart" if r == hit.row else "continue"
            text = hit.text if r == hit.row else ""
            cells.append(cell(c, hit.colspan, _para_xml(text, CENTER, bold=True, size_half=half), "D9D9D9", vm))
            c += hit.colspan
        out.append(f"<w:tr>{head_tr}{''.join(cells)}</w:tr>")
    cells = []
    for h in spec.numbers:
        cells.append(cell(h.col, h.colspan, _para_xml(h.text, CENTER, size_half=half - 1), "F0F0F0"))
    out.append(f"<w:tr>{head_tr}{''.join(cells)}</w:tr>")
    thousands = spec.thousands
    for row in spec.rows:
        bold = row.style in BOLD_STYLES
        italic = row.style == STYLE_SUMMARY
        fill = "EDEDED" if row.style in SHADED_STYLES else None
        cells = []
        c = 0
        for cl in row.cells:
            col = spec.columns[c]
            align = cl.align or col.align
            cells.append(cell(c, cl.span, _para_xml(format_cell(cl, thousands), align, bold, italic, half), fill))
            c += cl.span
        out.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


class _Writer:
    def __init__(self, doc: "RenjaDocument", options: DocumentOptions, progress: Progress):
        self.doc = doc
        self.options = options
        self.progress = progress
        self.values = fieldmod.values(doc)
        docx = _docx()
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt

        self.Mm, self.Pt, self.WD_ORIENT = Mm, Pt, WD_ORIENT
        self.d = docx.Document()
        self.headings: list[str] = []
        self.tables: list[str] = []
        self._styles()

    # -- styles and page setup
    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import RGBColor

        Pt = self.Pt
        st = self.d.styles
        normal = st["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.options.font_size)
        rpr = normal.element.get_or_add_rPr()
        fonts_el = rpr.find(f"{{{W_NS}}}rFonts")
        if fonts_el is not None:
            for k in ("eastAsia", "cs"):
                fonts_el.set(f"{{{W_NS}}}{k}", FONT)
        pf = normal.paragraph_format
        pf.space_after = Pt(6)
        pf.line_spacing = 1.3
        for name, size in (("Heading 1", self.options.font_size + 2), ("Heading 2", self.options.font_size)):
            h = st[name]
            h.font.name = FONT
            h.font.size = Pt(size)
            h.font.bold = True
            h.font.italic = False
            h.font.color.rgb = RGBColor(0, 0, 0)
            h.paragraph_format.space_before = Pt(12)
            h.paragraph_format.space_after = Pt(8)
            h.paragraph_format.keep_with_next = True
            el = h.element.get_or_add_rPr().find(f"{{{W_NS}}}rFonts")
            if el is not None:
                for k in ("ascii", "hAnsi", "eastAsia", "cs"):
                    el.set(f"{{{W_NS}}}{k}", FONT)
                for k in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                    el.attrib.pop(f"{{{W_NS}}}{k}", None)
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        st["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap = st.add_style(CAPTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        cap.base_style = normal
        cap.font.bold = True
        cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap.paragraph_format.keep_with_next = True
        title = st.add_style("Judul Depan", WD_STYLE_TYPE.PARAGRAPH)
        title.base_style = normal
        title.font.bold = True
        title.font.size = Pt(self.options.font_size + 2)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_after = Pt(12)

    def _page(self, section, landscape: bool) -> None:
        Mm = self.Mm
        if landscape:
            w, h = PAPERS_MM[self.options.tables_paper]
            section.orientation = self.WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(h), Mm(w)
            t = ReportOptions(paper=self.options.tables_paper)
            section.top_margin, section.bottom_margin = Mm(t.margin_top), Mm(t.margin_bottom)
            section.left_margin, section.right_margin = Mm(t.margin_left), Mm(t.margin_right)
            section.header_distance = section.footer_distance = Mm(8)
        else:
            w, h = PAPERS_MM[self.options.paper]
            section.orientation = self.WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(w), Mm(h)
            o = self.options
            section.top_margin, section.bottom_margin = Mm(o.margin_top), Mm(o.margin_bottom)
            section.left_margin, section.right_margin = Mm(o.margin_left), Mm(o.margin_right)
            section.header_distance = section.footer_distance = Mm(12)

    @staticmethod
    def _numbering(section, fmt_name: str, start: int | None) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        sect = section._sectPr
        for old in sect.findall(qn("w:pgNumType")):
            sect.remove(old)
        el = OxmlElement("w:pgNumType")
        el.set(qn("w:fmt"), fmt_name)
        if start is not None:
            el.set(qn("w:start"), str(start))
        sect.append(el)

    @staticmethod
    def _field(paragraph, instr: str, placeholder: str = "1") -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        def fld(kind: str):
            r = OxmlElement("w:r")
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), kind)
            r.append(f)
            return r

        paragraph._p.append(fld("begin"))
        r = OxmlElement("w:r")
        t = OxmlElement("w:instrText")
        t.set(qn("xml:space"), "preserve")
        t.text = f" {instr} "
        r.append(t)
        paragraph._p.append(r)
        paragraph._p.append(fld("separate"))
        paragraph.add_run(placeholder)
        paragraph._p.append(fld("end"))

    def _footer(self, section) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section.footer.is_linked_to_previous = False
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._field(p, "PAGE")

    def _header(self, section) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section.header.is_linked_to_previous = False
        a, b = self.doc.running_header()
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = p.add_run(a)
        r.bold = True
        r.font.size = self.Pt(8)
        r.add_break()
        r2 = p.add_run(b)
        r2.bold = True
        r2.font.size = self.Pt(8)

    # -- content
    def sub(self, text: str) -> str:
        return fieldmod.substitute(text, self.doc, self.values)

    def _runs(self, paragraph, runs: list[dict]) -> None:
        for r in runs:
            run = paragraph.add_run(self.sub(r.get("text", "")))
            run.bold = bool(r.get("b")) or None
            run.italic = bool(r.get("i")) or None
            run.underline = bool(r.get("u")) or None

    def blocks(self, blocks: list[dict], on_table: Callable[[str], None]) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        Mm, Pt = self.Mm, self.Pt
        aligns = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
                  "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
        for b in blocks:
            t = b["type"]
            if t == "paragraph":
                p = self.d.add_paragraph()
                style = b.get("style", "normal")
                p.alignment = aligns[b.get("align", "justify")]
                self._runs(p, b["runs"])
                if style in ("title", "subtitle"):
                    for r in p.runs:
                        r.bold = True
                        r.font.size = Pt(20 if style == "title" else 15)
                elif b.get("align", "justify") == "justify":
                    p.paragraph_format.first_line_indent = Mm(10)
            elif t == "heading":
                p = self.d.add_paragraph()
                self._runs(p, b["runs"])
                for r in p.runs:
                    r.bold = True
                p.paragraph_format.keep_with_next = True
            elif t == "list":
                self._list(b, 0)
            elif t == "table":
                rows = b["rows"]
                ncol = max(len(r) for r in rows)
                table = self.d.add_table(rows=len(rows), cols=ncol)
                table.style = "Table Grid"
                hr = b.get("header_rows", 1)
                for i, r in enumerate(rows):
                    for j, c in enumerate(r):
                        p = table.cell(i, j).paragraphs[0]
                        self._runs(p, c)
                        if i < hr:
                            for run in p.runs:
                                run.bold = True
                for i in range(hr):
                    self._repeat_header(table.rows[i])
                self.d.add_paragraph()
            elif t == "image":
                p = self.d.add_paragraph()
                p.alignment = aligns.get(b.get("align", "center"), WD_ALIGN_PARAGRAPH.CENTER)
                p.add_run().add_picture(io.BytesIO(fmt.image_bytes(b)), width=Mm(b.get("width_mm", 30)))
            elif t == "generated":
                self.blocks(expand(self.doc, b["kind"]), on_table)
            elif t == "signature":
                self.signature()
            elif t == "table_ref":
                on_table(b["tabel"])

    @staticmethod
    def _repeat_header(row) -> None:
        from docx.oxml import OxmlElement

        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))

    def _list(self, lb: dict, depth: int) -> None:
        Mm = self.Mm
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for k, it in enumerate(lb["items"]):
            marker = fmt.list_marker(lb["style"], lb.get("start", 1) + k)
            p = self.d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            pf = p.paragraph_format
            left = Mm(4 + depth * 8 + 9)
            pf.left_indent = left
            pf.first_line_indent = -Mm(9)
            pf.tab_stops.add_tab_stop(left)
            pf.space_after = self.Pt(3)
            p.add_run(marker + "\t")
            self._runs(p, it.get("runs", []))
            if it.get("sub"):
                self._list(it["sub"], depth + 1)

    def signature(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        block = signature_block(self.doc)
        Mm = self.Mm
        lines = [(block.place, False, False), (block.jabatan, False, False), ("", False, False),
                 ("", False, False), ("", False, False), (block.nama, True, True)]
        if block.pangkat:
            lines.append((block.pangkat, False, False))
        lines.append((block.nip_line, False, False))
        first = True
        for text, bold, under in lines:
            p = self.d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf = p.paragraph_format
            pf.left_indent = Mm(75)
            pf.space_after = 0
            pf.keep_with_next = True
            if first:
                pf.space_before = self.Pt(18)
                first = False
            r = p.add_run(text)
            r.bold = bold or None
            r.underline = under or None

    def toc_field(self, instr: str, entries: list[str]) -> None:
        """A TOC field: Word fills in page numbers when it refreshes; its first text lists the entries."""
        p = self.d.add_paragraph()
        self._field(p, instr, entries[0] if entries else "")
        for e in entries[1:]:
            # the entries after the first sit in the field result too, one paragraph each
            q = self.d.add_paragraph(e)
            q.paragraph_format.space_after = self.Pt(2)


def render_document_docx(doc: "RenjaDocument", path: str | Path, options: DocumentOptions | None = None,
                         progress: ProgressFn | None = None) -> DocxResult:
    """Write the whole document as .docx to ``path`` (replaced only when complete)."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn



    options = options or DocumentOptions()
    options.check()
    fonts.register_fonts()  # the table layout measures text with the PDF's font metrics
    roots = outline(doc)
    if not roots:
        raise ReportError("report.no_outline")
    path = Path(path)
    nodes = list(walk(roots))
    placed = [b["tabel"] for n in nodes for b in blocks_of(n) if b["type"] == "table_ref"]
    counts = {t: row_count(doc, t) for t in placed}
    prog = Progress(progress, max(1, 3 * sum(counts.values()) + len(nodes)))
    w = _Writer(doc, options, prog)
    d = w.d
    t_opts = ReportOptions(paper=options.tables_paper)
    tw, th = page_size(options.tables_paper)
    frame_w = tw - (t_opts.margin_left + t_opts.margin_right) * 72 / 25.4
    sub = w.sub

    big_tables: dict[str, str] = {}
    state = {"section": "cover", "first": True}
    sec0 = d.sections[0]
    w._page(sec0, landscape=False)

    def new_section(kind: str, landscape: bool = False):
        s = d.add_section(WD_SECTION.NEW_PAGE)
        w._page(s, landscape)
        if kind == "front" and state["section"] != "front":
            w._numbering(s, "lowerRoman", 1)
            w._footer(s)
        elif kind == "body" and state["section"] not in ("body", "table"):
            w._numbering(s, "decimal", 1)
            w._footer(s)
            w._header(s)
        else:
            w._numbering(s, "decimal" if kind in ("body", "table") else "lowerRoman", None)
        state["section"] = kind
        return s

    def at_section_start() -> bool:
        """True right after a section break (a table's landscape section ended): no page break needed."""
        body = d.element.body
        last = body[-2] if len(body) >= 2 else None
        return last is not None and last.tag == qn("w:p") and last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None

    def page_break() -> None:
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def on_table(nomor: str) -> None:
        spec = prog.build(doc, nomor, t_opts, counts[nomor])
        layout = layout_table(spec, t_opts, frame_w, prog)
        widths = [layout.col_x[i + 1] - layout.col_x[i] + 3.0 for i in range(len(layout.col_x) - 1)]
        # Word's cell margins and bold figures need a little more room than the PDF's layout: the
        # extra comes out of the wrapping (weighted) text columns
        over = sum(widths) - frame_w
        flexible = [i for i, c in enumerate(spec.columns) if c.weight > 0]
        if over > 0 and flexible:
            room = sum(widths[i] for i in flexible)
            for i in flexible:
                widths[i] -= over * widths[i] / room
        new_section("table", landscape=True)
        cap = d.add_paragraph(style=CAPTION_STYLE)
        cap.add_run(f"Tabel {spec.nomor}")
        cap.add_run().add_break()
        cap.add_run(spec.judul)
        # a marker paragraph now, the table's XML in its place when the file is written (moving
        # a parsed 5.000-row table into the document costs lxml seconds; text replacement none)
        marker = f"RENJA-TABEL-{nomor}-{id(spec)}"
        d.add_paragraph(marker)
        big_tables[marker] = table_xml(spec, widths, layout.fonts.size, namespace=False)
        w.tables.append(nomor)
        new_section("body")

    entries = [toc_text(sub, n) for n in nodes if n.kind != "sampul"]
    table_entries = []
    for n in nodes:
        for b in blocks_of(n):
            if b["type"] == "table_ref":
                table_entries.append(f"Tabel {b['tabel']}")
    for n in nodes:
        blocks = blocks_of(n)
        prog.step(1, "Menyusun naskah")
        if n.kind == "sampul":
            if not state["first"]:
                new_section("cover")
            state["first"] = False
            for _ in range(3):
                d.add_paragraph()
            w.blocks(blocks, on_table)
            continue
        kind = "front" if n.kind in FRONT_KINDS else "body"
        if n.depth == 0:
            if state["first"]:
                state["first"] = False
                if kind == "front":
                    w._numbering(sec0, "lowerRoman", 1)
                    w._footer(sec0)
                else:
                    w._numbering(sec0, "decimal", 1)
                    w._footer(sec0)
                    w._header(sec0)
                state["section"] = kind
            elif kind != state["section"]:
                new_section(kind)
            elif not at_section_start():
                page_break()
        if n.kind == "bab":
            p = d.add_paragraph(style="Heading 1")
            p.add_run(n.nomor).add_break()
            p.add_run(sub(n.judul).upper())
        elif n.kind == "sub":
            p = d.add_paragraph(style="Heading 2")
            p.add_run(f"{n.nomor}\t{sub(n.judul)}")
        else:
            p = d.add_paragraph(sub(n.judul).upper(), style="Judul Depan")
        w.headings.append(toc_text(sub, n))
        if n.kind == "daftar_isi":
            w.toc_field('TOC \\o "1-2" \\h \\z \\u', entries)
        elif n.kind == "daftar_tabel":
            w.toc_field(f'TOC \\h \\z \\t "{CAPTION_STYLE},1"', table_entries)
        w.blocks(blocks, on_table)
    # Word refreshes the TOC fields (page numbers) when the file is opened
    settings = d.settings.element
    upd = OxmlElement("w:updateFields")
    upd.set(qn("w:val"), "true")
    settings.append(upd)
    props = d.core_properties
    info = doc.info
    props.title = f"Rencana Kerja {info.get('opd') or ''} {info.get('pemda') or ''} Tahun {info['tahun']}".strip()
    props.author = " ".join(doc.running_header()).strip()
    props.subject = "Rencana Kerja Perangkat Daerah"
    tmp = partial_path(path)
    with put_in_place(tmp, path):
        buf = io.BytesIO()
        d.save(buf)
        _write_with_tables(buf.getvalue(), tmp, big_tables)
    if progress is not None:
        progress(1.0, "Selesai")
    return DocxResult(path, w.headings, w.tables)


__all__ = ["render_document_docx", "DocxResult", "table_xml"]
