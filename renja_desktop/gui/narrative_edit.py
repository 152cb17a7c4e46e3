"""The section text editor: a QTextEdit whose content goes to and from the stored block format.

:func:`blocks_to_document` writes blocks (:mod:`renja_desktop.narrative.format`) into a
QTextDocument; :func:`document_to_blocks` reads them back: paragraphs (alignment, bold, italic,
underline), lists (numbered, lettered, roman, "1)", bullets; nested by indent), simple tables and
images. Table placements, generated passages and the signature are shown as shaded, labelled
paragraphs that carry their block. Nothing of the widget's HTML is ever stored.

Pasting (from Word or a web page) goes through the same reading: paragraphs, lists (Word's
"1." / "a." / "·" list paragraphs included) and emphasis are kept; fonts, colours, sizes, styles and
everything else are dropped.
"""
from __future__ import annotations

import json
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, QUrl
from PySide6.QtGui import (
    QBrush, QColor, QFont, QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument,
    QTextImageFormat, QTextListFormat, QTextTableFormat,
)
from PySide6.QtWidgets import QTextEdit

from ..narrative import format as fmt
from ..narrative.textimport import cut_prefix, blocks_from_plain, list_item

#: block-format property holding a non-text block (JSON) or the kind of a text block
PROP_BLOCK = QTextBlockFormat.Property.UserProperty + 1
PROP_KIND = QTextBlockFormat.Property.UserProperty + 2
SPECIAL_FILL = QColor("#e3ecf7")
IMAGE_PREFIX = "renja-gambar:"

STYLE_TO_QT = {
    "decimal": (QTextListFormat.Style.ListDecimal, "."),
    "lower-alpha": (QTextListFormat.Style.ListLowerAlpha, "."),
    "upper-roman": (QTextListFormat.Style.ListUpperRoman, "."),
    "decimal-paren": (QTextListFormat.Style.ListDecimal, ")"),
    "bullet": (QTextListFormat.Style.ListDisc, ""),
}
_ALIGN_TO_QT = {
    "justify": Qt.AlignmentFlag.AlignJustify, "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight,
}
#: bullet characters Word and browsers put in front of list paragraphs
_BULLETS = "·•▪◦o§-–"


def _qt_list_style(style) -> tuple[str, int]:
    s = QTextListFormat.Style
    return {
        s.ListDecimal: "decimal", s.ListLowerAlpha: "lower-alpha", s.ListUpperAlpha: "lower-alpha",
        s.ListUpperRoman: "upper-roman", s.ListLowerRoman: "upper-roman",
    }.get(style, "bullet"), 0


# ------------------------------------------------------------------------------ blocks -> Qt
def _char(run: dict, size: float | None = None) -> QTextCharFormat:
    cf = QTextCharFormat()
    cf.setFontWeight(QFont.Weight.Bold if run.get("b") else QFont.Weight.Normal)
    cf.setFontItalic(bool(run.get("i")))
    cf.setFontUnderline(bool(run.get("u")))
    if size:
        cf.setFontPointSize(size)
    return cf


class _Writer:
    def __init__(self, cursor: QTextCursor, images: dict[str, dict], describe: Callable[[dict], str]):
        self.c = cursor
        self.images = images
        self.describe = describe
        self.first = cursor.block().length() <= 1 and not cursor.block().text()

    def new_block(self, bf: QTextBlockFormat | None = None) -> None:
        bf = bf or QTextBlockFormat()
        bf.setBottomMargin(6)  # paragraphs apart on screen, as in print (not stored)
        if self.first:
            self.c.setBlockFormat(bf)
            self.first = False
        else:
            self.c.insertBlock(bf, QTextCharFormat())
        lst = self.c.block().textList()
        if lst is not None and bf.objectIndex() < 0:
            lst.remove(self.c.block())
            self.c.setBlockFormat(bf)

    def runs(self, runs: list[dict], size: float | None = None, bold: bool = False) -> None:
        for r in runs:
            self.c.insertText(r.get("text", ""), _char({**r, "b": r.get("b") or bold}, size))

    def write(self, blocks: list[dict]) -> None:
        for b in blocks:
            t = b["type"]
            if t in ("paragraph", "heading"):
                bf = QTextBlockFormat()
                bf.setAlignment(_ALIGN_TO_QT[b.get("align", "justify" if t == "paragraph" else "left")])
                style = b.get("style", "normal")
                if t == "heading" or style != "normal":
                    bf.setProperty(PROP_KIND, t if t == "heading" else style)
                self.new_block(bf)
                size = 16 if style == "title" else 13 if style == "subtitle" else None
                self.runs(b["runs"], size, bold=t == "heading" or style != "normal")
            elif t == "list":
                self.list(b, 1)
            elif t == "table":
                self.table(b)
            elif t == "image":
                self.image(b)
            else:
                bf = QTextBlockFormat()
                bf.setProperty(PROP_BLOCK, json.dumps(b, ensure_ascii=False))
                bf.setBackground(QBrush(SPECIAL_FILL))
                bf.setAlignment(Qt.AlignmentFlag.AlignLeft)
                self.new_block(bf)
                cf = QTextCharFormat()
                cf.setForeground(QBrush(QColor("#1f3b63")))
                cf.setFontItalic(True)
                self.c.insertText(self.describe(b), cf)

    def list(self, lb: dict, indent: int) -> None:
        qstyle, suffix = STYLE_TO_QT[lb["style"]]
        lf = QTextListFormat()
        lf.setStyle(qstyle)
        lf.setIndent(indent)
        if suffix:
            lf.setNumberSuffix(suffix)
        if lb.get("start", 1) != 1:
            lf.setStart(lb["start"])
        qlist = None
        for it in lb["items"]:
            bf = QTextBlockFormat()
            bf.setAlignment(Qt.AlignmentFlag.AlignJustify)
            bf.setBottomMargin(3)
            if self.first:
                self.c.setBlockFormat(bf)
                self.first = False
            else:
                self.c.insertBlock(bf, QTextCharFormat())
                old = self.c.block().textList()
                if old is not None:
                    old.remove(self.c.block())
                    self.c.setBlockFormat(bf)
            if qlist is None:
                qlist = self.c.createList(lf)
            else:
                qlist.add(self.c.block())
            self.runs(it.get("runs", []))
            if it.get("sub"):
                self.list(it["sub"], indent + 1)

    def table(self, b: dict) -> None:
        self.new_block()
        rows = b["rows"]
        ncol = max(len(r) for r in rows)
        tf = QTextTableFormat()
        tf.setHeaderRowCount(b.get("header_rows", 1))
        tf.setCellPadding(3)
        tf.setCellSpacing(0)
        tf.setBorder(0.5)
        table = self.c.insertTable(len(rows), ncol, tf)
        for i, r in enumerate(rows):
            for j, cell in enumerate(r):
                cc = table.cellAt(i, j).firstCursorPosition()
                for run in cell:
                    cc.insertText(run.get("text", ""), _char({**run, "b": run.get("b") or i < b.get("header_rows", 1)}))
        self.c.setPosition(table.lastPosition() + 1)
        self.first = False

    def image(self, b: dict) -> None:
        name = f"{IMAGE_PREFIX}{len(self.images) + 1}"
        while name in self.images:
            name += "x"
        self.images[name] = b
        data = fmt.image_bytes(b)
        img = QImage.fromData(QByteArray(data))
        doc = self.c.document()
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), img)
        bf = QTextBlockFormat()
        bf.setAlignment(_ALIGN_TO_QT.get(b.get("align", "center"), Qt.AlignmentFlag.AlignHCenter))
        self.new_block(bf)
        imf = QTextImageFormat()
        imf.setName(name)
        width_px = b.get("width_mm", 30) * 96 / 25.4
        imf.setWidth(width_px)
        if img.width():
            imf.setHeight(width_px * img.height() / img.width())
        self.c.insertImage(imf)


def blocks_to_document(qdoc: QTextDocument, blocks: list[dict], images: dict[str, dict],
                       describe: Callable[[dict], str]) -> None:
    """Replace the document's content with ``blocks``."""
    qdoc.clear()
    images.clear()
    cursor = QTextCursor(qdoc)
    _Writer(cursor, images, describe).write(blocks)


def insert_blocks(cursor: QTextCursor, blocks: list[dict], images: dict[str, dict],
                  describe: Callable[[dict], str]) -> None:
    """Insert ``blocks`` at the cursor (a paste)."""
    w = _Writer(cursor, images, describe)
    w.first = not cursor.block().text()
    w.write(blocks)


# ------------------------------------------------------------------------------ Qt -> blocks
def _block_runs(block) -> tuple[list[dict], list[str]]:
    """Text runs of a block and the names of the images in it."""
    runs: list[dict] = []
    images: list[str] = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if not frag.isValid():
            continue
        cf = frag.charFormat()
        if cf.isImageFormat():
            images.append(cf.toImageFormat().name())
            continue
        text = frag.text().replace("\u2028", " ").replace("\u2029", " ").replace("\ufffc", "")
        text = text.replace("\u00a0", " ")
        if not text:
            continue
        runs.append(fmt.run(text, b=cf.fontWeight() >= QFont.Weight.DemiBold, i=cf.fontItalic(),
                            u=cf.fontUnderline()))
    return fmt.merge_runs(runs), images


def _image_block(qdoc: QTextDocument, name: str, images: dict[str, dict]) -> dict | None:
    if name in images:
        return images[name]
    res = qdoc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    img = res if isinstance(res, QImage) else QImage(res) if res is not None else QImage()
    if img.isNull():
        return None
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return fmt.image_block(bytes(buf.data()), width_mm=min(120.0, max(10.0, img.width() * 25.4 / 96)))


def _align(block) -> str:
    a = block.blockFormat().alignment()
    if a & Qt.AlignmentFlag.AlignHCenter:
        return "center"
    if a & Qt.AlignmentFlag.AlignRight:
        return "right"
    if a & Qt.AlignmentFlag.AlignJustify:
        return "justify"
    return "left" if a & Qt.AlignmentFlag.AlignLeft and not a & Qt.AlignmentFlag.AlignAbsolute else "justify"


def document_to_blocks(qdoc: QTextDocument, images: dict[str, dict], word_lists: bool = False) -> list[dict]:
    """The blocks of a QTextDocument. ``word_lists``: paragraphs that start with a list marker
    (as Word puts list paragraphs on the clipboard) become list items."""
    out: list[dict] = []
    stack: list[tuple[int, dict, object]] = []      # (depth, list block, QTextList or marker)
    margins: list[float] = []
    if word_lists:
        frame_it = qdoc.rootFrame().begin()
        while not frame_it.atEnd():
            b = frame_it.currentBlock()
            frame_it += 1
            if b.isValid() and b.textList() is None and _word_item(b.text()) is not None:
                margins.append(round(b.blockFormat().leftMargin() + b.blockFormat().textIndent() * 0, 1))
        margins = sorted(set(margins))

    def end_list() -> None:
        stack.clear()

    def add_item(depth: int, style: str, start: int, runs: list[dict], key) -> None:
        item = {"runs": runs}
        while stack and stack[-1][0] > depth:
            stack.pop()
        if stack and stack[-1][0] == depth and (stack[-1][2] is key or (
                key is None and stack[-1][1]["style"] == style
                and stack[-1][1].get("start", 1) + len(stack[-1][1]["items"]) == start)) \
                and stack[-1][1]["style"] == style:
            stack[-1][1]["items"].append(item)
            return
        lb = {"type": "list", "style": style, "items": [item]}
        if start != 1:
            lb["start"] = start
        if stack and stack[-1][0] < depth:
            parent = stack[-1][1]["items"][-1]
            parent["sub"] = lb
        else:
            if stack:
                stack.pop()
            out.append(lb)
        stack.append((depth, lb, key))

    it = qdoc.rootFrame().begin()
    while not it.atEnd():
        block = it.currentBlock()
        frame = it.currentFrame()
        it += 1
        if frame is not None and not block.isValid():
            table = frame if hasattr(frame, "cellAt") else None
            if table is None:
                continue
            end_list()
            rows = []
            for r in range(table.rows()):
                row = []
                for c in range(table.columns()):
                    cell = table.cellAt(r, c)
                    cur = cell.firstCursorPosition()
                    runs: list[dict] = []
                    b = cur.block()
                    while b.isValid() and b.position() <= cell.lastPosition():
                        br, _ = _block_runs(b)
                        if runs and br:
                            runs.append({"text": " "})
                        runs += br
                        b = b.next()
                    row.append(fmt.merge_runs(runs))
                rows.append(row)
            hr = table.format().headerRowCount()
            for row in rows[:max(hr, 0)]:  # header cells are always bold: not stored per run
                for k, cell in enumerate(row):
                    row[k] = fmt.merge_runs([{x: v for x, v in r.items() if x != "b"} for r in cell])
            out.append({"type": "table", "header_rows": max(0, min(hr if hr > 0 else 1, len(rows))), "rows": rows})
            continue
        if not block.isValid():
            continue
        bf = block.blockFormat()
        special = bf.property(PROP_BLOCK)
        if special:
            end_list()
            try:
                out.append(json.loads(special))
            except ValueError:
                pass
            continue
        runs, names = _block_runs(block)
        for name in names:
            img = _image_block(qdoc, name, images)
            if img is not None:
                end_list()
                out.append(img)
        qlist = block.textList()
        if qlist is not None:
            lf = qlist.format()
            style, _ = _qt_list_style(lf.style())
            if style == "decimal" and lf.numberSuffix().strip() == ")":
                style = "decimal-paren"
            number = qlist.itemNumber(block) + (lf.start() if hasattr(lf, "start") else 1)
            add_item(max(0, lf.indent() - 1), style, number, runs, qlist)
            continue
        text = fmt.runs_text(runs).strip()
        if not text:
            continue
        if word_lists:
            item = _word_item(fmt.runs_text(runs))
            if item is not None:
                style, num, rest = item
                full = fmt.runs_text(runs)
                cut = len(full) - len(rest) if full.endswith(rest) else len(full) - len(full.lstrip()) + 2
                depth = margins.index(round(bf.leftMargin(), 1)) if round(bf.leftMargin(), 1) in margins else 0
                add_item(depth, style, num, cut_prefix(runs, cut), None)
                continue
        end_list()
        kind = bf.property(PROP_KIND)
        runs = _trim(runs)
        if kind == "heading":
            out.append({"type": "heading", "runs": [{k: v for k, v in r.items() if k != "b"} for r in runs]})
        elif kind in ("title", "subtitle"):
            out.append(fmt.paragraph([{k: v for k, v in r.items() if k != "b"} for r in runs],
                                     align=_align(block), style=kind))
        else:
            align = _align(block)
            if word_lists and align == "left":  # pasted body text takes the document's justified style
                align = "justify"
            out.append(fmt.paragraph(runs, align=align))
    return out


def _trim(runs: list[dict]) -> list[dict]:
    runs = [dict(r) for r in runs]
    if runs:
        runs[0]["text"] = runs[0]["text"].lstrip()
        runs[-1]["text"] = runs[-1]["text"].rstrip()
    return fmt.merge_runs(runs)


def _word_item(text: str):
    t = text.replace("\u00a0", " ").strip()
    if t[:1] in _BULLETS and len(t) > 1 and t[1] in " \t":
        return "bullet", 1, t[1:].strip()
    item = list_item(t)
    if item is not None and item[0] != "bullet":
        return item
    return None


class NarrativeEdit(QTextEdit):
    """The editor of one section's text; pastes keep paragraphs, lists and emphasis only."""

    def __init__(self, parent=None, describe: Callable[[dict], str] | None = None):
        super().__init__(parent)
        self.images: dict[str, dict] = {}
        self.describe = describe or (lambda b: b["type"])
        self.setAcceptRichText(True)

    def set_blocks(self, blocks: list[dict]) -> None:
        blocks_to_document(self.document(), blocks, self.images, self.describe)
        self.document().setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def blocks(self) -> list[dict]:
        return document_to_blocks(self.document(), self.images)

    def insert_blocks(self, blocks: list[dict]) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        insert_blocks(cursor, blocks, self.images, self.describe)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        return source.hasHtml() or source.hasText() or source.hasImage()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        if source.hasHtml():
            tmp = QTextDocument()
            tmp.setHtml(source.html())
            blocks = document_to_blocks(tmp, {}, word_lists=True)
            # images of a paste are dropped unless they come inline as data (Word puts file links)
        elif source.hasText():
            blocks = blocks_from_plain(source.text())
        else:
            return
        self.insert_blocks(blocks)
