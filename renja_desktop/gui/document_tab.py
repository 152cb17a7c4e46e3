"""The Dokumen tab: the chapter outline beside the text editor of the chosen section.

Left, the outline (cover, Kata Pengantar, Daftar Isi, BAB I-V and their subbab, numbered from the
order) with add / rename / up / down / remove. Right, the section's text in a rich-text editor
(:class:`~.narrative_edit.NarrativeEdit`) with bold, italic, underline, numbered/lettered/bulleted
lists, a table, an image, fields (``{opd}`` ...), table placements, generated passages and the
signature; below it the live values of every field. Every change goes through the outline
operations of :mod:`renja_desktop.narrative.store` on the window's undo stack; the text of a
section is committed when the author pauses, leaves the editor or picks another section.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMenu, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QToolBar, QToolButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from .. import i18n
from ..narrative import fields as fieldmod
from ..narrative import format as fmt
from ..narrative import store
from ..narrative.generated import KINDS as GENERATED_KINDS
from ..narrative.generated import expand
from ..reports.tables import TABLE_TITLES
from ..service import EditError
from .narrative_edit import NarrativeEdit
from .texts import show_error

if TYPE_CHECKING:  # pragma: no cover
    from ..service import ChangeEvent as Change, RenjaDocument
    from .undo import Editor

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole
COMMIT_DELAY_MS = 1500


class DocumentTab(QWidget):
    """Outline + editor + field values. ``printRequested(mode)`` asks the window for Cetak…."""

    message = Signal(str)
    printRequested = Signal(str)

    def __init__(self, doc: "RenjaDocument", editor: "Editor", parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.editor = editor
        self.current_id: str | None = None
        self._loading = False
        #: the field values last shown (the row counts among them are kept while no row is added)
        self._field_values: dict[str, str] | None = None
        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(COMMIT_DELAY_MS)
        self._commit_timer.timeout.connect(self.commit)
        self._build()
        doc.add_listener(self._on_change)
        self.refresh_outline()
        first = self._first_text_item()
        if first is not None:
            self.tree.setCurrentItem(first)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(split)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("<b>Kerangka dokumen</b>")))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.rename_section())
        ll.addWidget(self.tree, 1)
        grid = QHBoxLayout()
        self.add_bab_button = QPushButton(self.tr("+ Bab"))
        self.add_sub_button = QPushButton(self.tr("+ Subbab"))
        self.rename_button = QPushButton(self.tr("Ubah judul"))
        self.add_bab_button.clicked.connect(lambda: self.add_section("bab"))
        self.add_sub_button.clicked.connect(lambda: self.add_section("sub"))
        self.rename_button.clicked.connect(self.rename_section)
        for b in (self.add_bab_button, self.add_sub_button, self.rename_button):
            grid.addWidget(b)
        ll.addLayout(grid)
        grid2 = QHBoxLayout()
        self.up_button = QPushButton(self.tr("▲ Naik"))
        self.down_button = QPushButton(self.tr("▼ Turun"))
        self.delete_button = QPushButton(self.tr("Hapus"))
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        self.delete_button.clicked.connect(self.delete_section)
        for b in (self.up_button, self.down_button, self.delete_button):
            grid2.addWidget(b)
        ll.addLayout(grid2)
        grid3 = QHBoxLayout()
        self.default_button = QPushButton(self.tr("Kerangka bawaan"))
        self.default_button.setToolTip(self.tr("Sistematika Renja menurut Permendagri 86/2017, dengan letak tabel"))
        self.default_button.clicked.connect(self.install_default)
        self.import_button = QPushButton(self.tr("Impor naskah…"))
        self.import_button.setToolTip(self.tr("Bab, paragraf dan daftar dari Renja lama (.docx atau teks)"))
        self.import_button.clicked.connect(self.import_dialog)
        grid3.addWidget(self.default_button)
        grid3.addWidget(self.import_button)
        ll.addLayout(grid3)
        self.print_button = QPushButton(self.tr("Cetak dokumen lengkap…"))
        self.print_button.clicked.connect(lambda: self.printRequested.emit("document_pdf"))
        ll.addWidget(self.print_button)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        f = self.title_label.font()
        f.setPointSizeF(f.pointSizeF() + 3)
        f.setBold(True)
        self.title_label.setFont(f)
        self.title_label.setWordWrap(True)
        rl.addWidget(self.title_label)
        self.toolbar = QToolBar()
        rl.addWidget(self.toolbar)
        self.edit = NarrativeEdit(describe=self.describe)
        self.edit.setMinimumWidth(420)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.cursorPositionChanged.connect(self._sync_format_buttons)
        self.edit.installEventFilter(self)
        self._build_toolbar()
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.edit)
        fields_box = QWidget()
        fl = QVBoxLayout(fields_box)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(QLabel(self.tr("Isian dan nilainya sekarang (klik dua kali untuk menyisipkan)")))
        self.fields_table = QTableWidget(0, 2)
        self.fields_table.setHorizontalHeaderLabels([self.tr("Isian"), self.tr("Nilai")])
        self.fields_table.verticalHeader().setVisible(False)
        self.fields_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.fields_table.horizontalHeader().setStretchLastSection(True)
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table.cellDoubleClicked.connect(
            lambda r, _c: self.insert_field(self.fields_table.item(r, 0).data(ID_ROLE)))
        fl.addWidget(self.fields_table)
        body.addWidget(fields_box)
        body.setStretchFactor(0, 4)
        body.setStretchFactor(1, 1)
        rl.addWidget(body, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 900])
        # the field values wait while the tab is hidden (they read every plan row): None when
        # shown up to date, "values" when only values changed, "all" when row counts changed too
        self._fields_due: str | None = "all"

    def _build_toolbar(self) -> None:
        tb = self.toolbar

        def act(text: str, tip: str, slot, key=None, checkable=False, bold=False, italic=False, under=False):
            a = QAction(text, self)
            a.setToolTip(tip)
            a.setCheckable(checkable)
            if key:
                a.setShortcut(QKeySequence(key))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            f = QFont()
            f.setBold(bold)
            f.setItalic(italic)
            f.setUnderline(under)
            a.setFont(f)
            a.triggered.connect(slot)
            tb.addAction(a)
            return a

        self.bold_action = act("B", self.tr("Tebal (Ctrl+B)"), self.toggle_bold, "Ctrl+B", True, bold=True)
        self.italic_action = act("I", self.tr("Miring (Ctrl+I)"), self.toggle_italic, "Ctrl+I", True, italic=True)
        self.underline_action = act("U", self.tr("Garis bawah (Ctrl+U)"), self.toggle_underline, "Ctrl+U", True,
                                    under=True)
        tb.addSeparator()
        act("1.", self.tr("Daftar bernomor 1. 2. 3."), lambda: self.make_list("decimal"))
        act("a.", self.tr("Daftar huruf a. b. c."), lambda: self.make_list("lower-alpha"))
        act("•", self.tr("Daftar berbutir"), lambda: self.make_list("bullet"))
        act("¶", self.tr("Paragraf biasa (bukan daftar)"), self.make_paragraph)
        tb.addSeparator()
        act(self.tr("Tabel"), self.tr("Sisipkan tabel sederhana (3 kolom)"), self.insert_table)
        act(self.tr("Gambar…"), self.tr("Sisipkan gambar PNG/JPEG (mis. logo daerah)"), self.insert_image_dialog)

        def menu_button(text: str, tip: str) -> QMenu:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            button.setMenu(menu)
            tb.addWidget(button)
            return menu

        self.field_menu = menu_button(self.tr("Isian ▾"), self.tr("Sisipkan isian {opd}, {tahun} …"))
        for name, field in fieldmod.FIELDS.items():
            a = self.field_menu.addAction(f"{{{name}}}  —  {field.label}")
            a.triggered.connect(lambda _=False, n=name: self.insert_field(n))
        self.place_menu = menu_button(self.tr("Tempatkan ▾"), self.tr("Tabel, teks terhitung, tanda tangan"))
        for t, title in TABLE_TITLES.items():
            a = self.place_menu.addAction(self.tr("Tabel %1 %2").replace("%1", t).replace("%2", title))
            a.triggered.connect(lambda _=False, n=t: self.insert_special({"type": "table_ref", "tabel": n}))
        self.place_menu.addSeparator()
        for kind, (label, _en) in GENERATED_KINDS.items():
            a = self.place_menu.addAction(self.tr("Teks terhitung: %1").replace("%1", label))
            a.triggered.connect(lambda _=False, k=kind: self.insert_special({"type": "generated", "kind": k}))
        a = self.place_menu.addAction(self.tr("Blok tanda tangan Kepala"))
        a.triggered.connect(lambda: self.insert_special({"type": "signature"}))
        self.place_menu.addSeparator()
        self.freeze_action = self.place_menu.addAction(self.tr("Jadikan teks terhitung teks biasa"))
        self.freeze_action.triggered.connect(self.freeze_generated)

    # ------------------------------------------------------------------ outline
    def describe(self, block: dict) -> str:
        t = block["type"]
        if t == "table_ref":
            n = block["tabel"]
            return self.tr("▣ Tabel %1 %2 — dicetak di sini pada halaman melintang").replace("%1", n).replace(
                "%2", TABLE_TITLES.get(n, ""))
        if t == "generated":
            try:
                text = fmt.plain_text(expand(self.doc, block["kind"])).replace("\n", " ")
            except Exception:  # noqa: BLE001 - a preview only
                text = ""
            text = text if len(text) <= 160 else text[:159] + "…"
            return self.tr("▣ Teks terhitung (selalu sesuai data): %1").replace("%1", text)
        if t == "signature":
            return self.tr("▣ Blok tanda tangan: %1").replace(
                "%1", self.doc.info.get("kepala_nama") or self.tr("(nama Kepala belum diisi)"))
        return t

    def refresh_outline(self) -> None:
        selected = self.current_id
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for node in store.flat(self.doc):
            parent = items.get(node.parent_id) if node.parent_id else None
            text = store.label(node)
            text = fieldmod.substitute(text, self.doc)
            item = QTreeWidgetItem([text])
            item.setData(0, ID_ROLE, node.id)
            item.setToolTip(0, text)
            if node.kind == "bab":
                f = item.font(0)
                f.setBold(True)
                item.setFont(0, f)
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[node.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if selected in items:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(items[selected])
            self.tree.blockSignals(False)
        elif selected is not None:
            self.current_id = None
            self._show_section(None)
        self._update_buttons()

    def _first_text_item(self) -> QTreeWidgetItem | None:
        for node in store.flat(self.doc):
            if node.kind in ("bab", "sub"):
                return self._item_of(node.id)
        return self.tree.topLevelItem(0)

    def _item_of(self, section_id: str) -> QTreeWidgetItem | None:
        it = self.tree.invisibleRootItem()
        stack = [it.child(i) for i in range(it.childCount())]
        while stack:
            item = stack.pop()
            if item.data(0, ID_ROLE) == section_id:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def select_section(self, section_id: str) -> None:
        item = self._item_of(section_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _current_changed(self, current, _previous) -> None:
        self.commit()
        self.current_id = current.data(0, ID_ROLE) if current is not None else None
        self._show_section(self.current_id)
        self._update_buttons()

    def _show_section(self, section_id: str | None) -> None:
        self._loading = True
        try:
            if section_id is None:
                self.title_label.setText(self.tr("Pilih bagian di kerangka"))
                self.edit.set_blocks([])
                self.edit.setEnabled(False)
                return
            node = store.find(self.doc, section_id)
            self.title_label.setText(fieldmod.substitute(store.label(node), self.doc))
            try:
                blocks = store.blocks_of(node)
            except fmt.FormatError as exc:
                self.edit.set_blocks([])
                self.edit.setEnabled(False)
                self.message.emit(str(exc))
                return
            self.edit.setEnabled(node.kind not in ("daftar_isi", "daftar_tabel"))
            if node.kind in ("daftar_isi", "daftar_tabel"):
                blocks = [fmt.paragraph(self.tr("Disusun otomatis saat dicetak, dengan nomor halaman yang benar."),
                                        align="left")] + blocks
            self.edit.set_blocks(blocks)
        finally:
            self._loading = False

    def _update_buttons(self) -> None:
        has = self.current_id is not None
        for b in (self.rename_button, self.up_button, self.down_button, self.delete_button, self.add_sub_button):
            b.setEnabled(has and not self.doc.readonly)
        self.add_bab_button.setEnabled(not self.doc.readonly)

    # ------------------------------------------------------------------ operations
    def run(self, op: store.Operation, text: str) -> bool:
        error = self.editor.execute(op, text)
        if error:
            show_error(self, self.tr("Perubahan ditolak"), error)
            return False
        return True

    def add_section(self, kind: str, title: str | None = None) -> str | None:
        self.commit()
        if title is None:
            title, ok = QInputDialog.getText(self, self.tr("Tambah bagian"), self.tr("Judul:"))
            if not ok or not title.strip():
                return None
        parent_id, position = None, None
        node = store.find(self.doc, self.current_id) if self.current_id else None
        if kind == "sub" and node is not None:
            parent_id = node.id if node.kind == "bab" or node.parent_id is None else node.parent_id
            if node.parent_id is not None:
                position = node.position + 1
        elif kind == "bab" and node is not None:
            top = node if node.parent_id is None else store.find(self.doc, node.parent_id)
            position = top.position + 1
        op = store.AddSection(parent_id, title, kind, position)
        text = self.tr("Tambah bagian '%1'").replace("%1", title)
        applied, error = self.editor.run(op, text)
        if error:
            show_error(self, self.tr("Bagian tidak ditambahkan"), error)
            return None
        new_id = applied.result
        self.select_section(new_id)
        return new_id

    def rename_section(self, title: str | None = None) -> bool:
        if self.current_id is None:
            return False
        self.commit()
        node = store.find(self.doc, self.current_id)
        if title is None:
            title, ok = QInputDialog.getText(self, self.tr("Ubah judul"), self.tr("Judul:"), text=node.judul)
            if not ok:
                return False
        return self.run(store.RenameSection(node.id, title),
                        self.tr("Ubah judul '%1'").replace("%1", node.judul[:40]))

    def move_section(self, delta: int) -> bool:
        if self.current_id is None:
            return False
        self.commit()
        node = store.find(self.doc, self.current_id)
        position = node.position + delta
        if position < 0:
            return False
        ok = self.run(store.MoveSection(node.id, node.parent_id, position),
                      self.tr("Pindahkan '%1'").replace("%1", node.judul[:40]))
        if ok:
            self.select_section(node.id)
        return ok

    def delete_section(self) -> bool:
        if self.current_id is None:
            return False
        self.commit()
        node = store.find(self.doc, self.current_id)
        return self.run(store.DeleteSection(node.id), self.tr("Hapus '%1'").replace("%1", node.judul[:40]))

    def freeze_generated(self) -> bool:
        if self.current_id is None:
            return False
        self.commit()
        node = store.find(self.doc, self.current_id)
        from ..narrative.generated import expand_all

        blocks = store.blocks_of(node)
        if not any(b["type"] == "generated" for b in blocks):
            show_error(self, self.tr("Tidak ada teks terhitung"),
                       self.tr("Bagian ini tidak memuat teks terhitung."))
            return False
        return self.run(store.SetContent(node.id, expand_all(self.doc, blocks), strict_fields=False),
                        self.tr("Jadikan teks biasa '%1'").replace("%1", node.judul[:40]))

    def install_default(self) -> bool:
        from .texts import ask_yes_no

        self.commit()
        if store.rows(self.doc) and not ask_yes_no(
                self, self.tr("Ganti kerangka"),
                self.tr("Ganti seluruh kerangka dan naskah dengan kerangka bawaan? (Dapat diurungkan.)")):
            return False
        return self.run(store.InstallOutline(None), self.tr("Buat kerangka bawaan"))

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Impor naskah Renja"), "",
                                              self.tr("Dokumen Word atau teks (*.docx *.txt)"))
        if path:
            self.import_narrative(path)

    def import_narrative(self, path: str) -> bool:
        """Read a .docx/.txt Renja's chapters into the outline (replacing it; undoable)."""
        from ..narrative.textimport import NarrativeImportError, parse_docx, parse_text, running_of
        from pathlib import Path

        self.commit()
        p = Path(path)
        try:
            if p.suffix.lower() == ".docx":
                spec, report = parse_docx(p, running_of(self.doc))
            elif p.suffix.lower() in (".txt", ".md", ".text"):
                spec, report = parse_text(p.read_text(encoding="utf-8-sig", errors="replace"), p.name,
                                          running_of(self.doc))
            else:
                raise NarrativeImportError(self.tr("Pilih berkas .docx atau .txt."))
        except (NarrativeImportError, OSError) as exc:
            show_error(self, self.tr("Naskah tidak diimpor"), str(exc))
            return False
        ok = self.run(store.InstallOutline(spec), self.tr("Impor naskah dari %1").replace("%1", p.name))
        if ok:
            self.message.emit(report.summary(i18n.language()).splitlines()[0])
            first = self._first_text_item()
            if first is not None:
                self.tree.setCurrentItem(first)
        return ok

    # ------------------------------------------------------------------ text
    def _text_changed(self) -> None:
        if not self._loading:
            self._commit_timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.edit and event.type() == event.Type.FocusOut:
            self.commit()
        return super().eventFilter(obj, event)

    def commit(self) -> bool:
        """Store the editor's text as the section's content when it changed (one undo step)."""
        self._commit_timer.stop()
        if self.current_id is None or self._loading or not self.edit.isEnabled():
            return False
        try:
            node = store.find(self.doc, self.current_id)
        except EditError:
            return False
        blocks = self.edit.blocks()
        try:
            if blocks == store.blocks_of(node):
                return False
        except fmt.FormatError:
            pass
        error = self.editor.execute(store.SetContent(node.id, blocks),
                                    self.tr("Ubah isi '%1'").replace("%1", node.judul[:40]))
        if error:
            self.message.emit(error)
            show_error(self, self.tr("Isi tidak disimpan"), error)
            return False
        return True

    def _char_format(self, fn) -> None:
        cursor = self.edit.textCursor()
        cf = QTextCharFormat()
        fn(cf, cursor.charFormat())
        cursor.mergeCharFormat(cf)
        self.edit.mergeCurrentCharFormat(cf)

    def toggle_bold(self) -> None:
        self._char_format(lambda cf, cur: cf.setFontWeight(
            QFont.Weight.Normal if cur.fontWeight() >= QFont.Weight.DemiBold else QFont.Weight.Bold))

    def toggle_italic(self) -> None:
        self._char_format(lambda cf, cur: cf.setFontItalic(not cur.fontItalic()))

    def toggle_underline(self) -> None:
        self._char_format(lambda cf, cur: cf.setFontUnderline(not cur.fontUnderline()))

    def _sync_format_buttons(self) -> None:
        cf = self.edit.currentCharFormat()
        self.bold_action.setChecked(cf.fontWeight() >= QFont.Weight.DemiBold)
        self.italic_action.setChecked(cf.fontItalic())
        self.underline_action.setChecked(cf.fontUnderline())

    def make_list(self, style: str) -> None:
        from .narrative_edit import STYLE_TO_QT

        qstyle, suffix = STYLE_TO_QT[style]
        cursor = self.edit.textCursor()
        lf = QTextListFormat()
        lf.setStyle(qstyle)
        current = cursor.currentList()
        lf.setIndent(current.format().indent() if current is not None else 1)
        if suffix:
            lf.setNumberSuffix(suffix)
        if current is not None:
            current.setFormat(lf)
        else:
            cursor.createList(lf)

    def make_paragraph(self) -> None:
        cursor = self.edit.textCursor()
        lst = cursor.currentList()
        if lst is not None:
            lst.remove(cursor.block())
            bf = cursor.blockFormat()
            bf.setIndent(0)
            cursor.setBlockFormat(bf)

    def insert_table(self) -> None:
        self.edit.insert_blocks([{"type": "table", "header_rows": 1, "rows": [
            [[{"text": self.tr("Kolom 1")}], [{"text": self.tr("Kolom 2")}], [{"text": self.tr("Kolom 3")}]],
            [[], [], []], [[], [], []]]}])

    def insert_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Sisipkan gambar"), "",
                                              self.tr("Gambar (*.png *.jpg *.jpeg)"))
        if path:
            self.insert_image(path)

    def insert_image(self, path: str) -> bool:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            block = fmt.image_block(data, width_mm=40)
        except OSError as exc:
            show_error(self, self.tr("Gambar tidak dapat dibaca"), str(exc.strerror or exc))
            return False
        except fmt.FormatError:
            show_error(self, self.tr("Bukan gambar"),
                       self.tr("Berkas '%1' bukan gambar PNG atau JPEG; naskah tidak diubah.").replace("%1", path))
            return False
        self.edit.insert_blocks([block])
        self.commit()
        return True

    def insert_field(self, name: str) -> None:
        if name not in fieldmod.FIELDS:
            show_error(self, self.tr("Isian tidak dikenal"),
                       self.tr("Isian {%1} tidak ada.").replace("%1", name))
            return
        cursor = self.edit.textCursor()
        cursor.insertText("{" + name + "}")
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    def insert_special(self, block: dict) -> None:
        self.edit.insert_blocks([block])
        self.commit()

    # ------------------------------------------------------------------ live values
    def showEvent(self, event) -> None:
        if self._fields_due is not None:
            self.refresh_fields(keep_counts=self._fields_due == "values")
        super().showEvent(event)

    def refresh_fields(self, keep_counts: bool = False) -> None:
        """Show every field's value; ``keep_counts``: no plan row was added or removed since the
        last refresh, so the row counts shown are still current."""
        self._fields_due = None
        last = self._field_values
        known = {n: last[n] for n in fieldmod.ROW_COUNT_FIELDS if n in last} if keep_counts and last else None
        values = self._field_values = fieldmod.values(self.doc, known)
        self.fields_table.setRowCount(len(values))
        for r, (name, value) in enumerate(values.items()):
            item = QTableWidgetItem("{" + name + "}")
            item.setData(ID_ROLE, name)
            item.setToolTip(fieldmod.FIELDS[name].label)
            self.fields_table.setItem(r, 0, item)
            self.fields_table.setItem(r, 1, QTableWidgetItem(value or self.tr("(kosong)")))

    def _on_change(self, change: "Change") -> None:
        if change.table in ("section", "reset"):
            self.refresh_outline()
            if self.current_id is not None and (change.table == "reset" or self.current_id in change.changed
                                                or self.current_id in change.inserted):
                if self.edit.blocks() != self._stored_blocks():
                    self._show_section(self.current_id)
        if change.table in ("plan", "document", "eval", "reset"):
            keep_counts = change.table != "reset" and not (change.inserted or change.removed)
            if self.isVisible():
                self.refresh_fields(keep_counts=keep_counts)
            elif not keep_counts or self._fields_due is None:   # shown when the tab is shown
                self._fields_due = "values" if keep_counts else "all"
            if change.table == "document":
                self.refresh_outline()

    def _stored_blocks(self) -> list[dict]:
        try:
            return store.blocks_of(store.find(self.doc, self.current_id))
        except (EditError, fmt.FormatError):
            return []

    def detach(self) -> None:
        self.commit()
        self.doc.remove_listener(self._on_change)


TAB_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Dokumen")
