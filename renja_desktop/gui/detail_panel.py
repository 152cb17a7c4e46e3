"""The detail panel: every Tabel 3.1 field of the selected plan row, editable (and undoable).

Fields are saved when the user leaves them (Enter or focus out); indicators and funding sources are
small tables saved as a whole after each cell edit. A refused value is shown in red under the
field and the field goes back to the stored value.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..codes import SUB_KEGIATAN, normalization_note
from ..formatting import NumberError, format_rupiah, parse_rupiah
from .texts import level_name

if TYPE_CHECKING:  # pragma: no cover
    from ..service import ChangeEvent, RenjaDocument
    from .undo import Editor


class TextBox(QPlainTextEdit):
    """A multi-line field that reports when the user leaves it."""

    editingFinished = Signal()

    def __init__(self, parent=None, lines: int = 3):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class DetailPanel(QScrollArea):
    message = Signal(str)

    def __init__(self, doc: "RenjaDocument", editor: "Editor", parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.editor = editor
        self.row_id: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)

        self.title = QLabel(self.tr("Pilih satu baris pada pohon program."))
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit | TextBox] = {}
        self.errors: dict[str, QLabel] = {}

        def add(key: str, label: str, widget) -> None:
            self.fields[key] = widget
            error = QLabel()
            error.setWordWrap(True)
            error.setStyleSheet("color: #b3261e;")
            error.hide()
            self.errors[key] = error
            holder = QWidget()
            v = QVBoxLayout(holder)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            v.addWidget(widget)
            v.addWidget(error)
            form.addRow(label, holder)
            widget.editingFinished.connect(lambda k=key: self._commit(k))

        add("kode", self.tr("Kode:"), QLineEdit())
        add("nama", self.tr("Uraian:"), TextBox(lines=2))
        add("outcome", self.tr("Outcome / keluaran:"), TextBox(lines=2))
        add("lokasi", self.tr("Lokasi:"), QLineEdit())
        tahun = int(doc.info.get("tahun") or 0)
        for key, label in (("pagu", self.tr("Pagu indikatif %1 (Rp):").replace("%1", str(tahun))),
                           ("pagu_n1", self.tr("Prakiraan maju %1 (Rp):").replace("%1", str(tahun + 1)))):
            edit = QLineEdit()
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            add(key, label, edit)
        add("catatan", self.tr("Catatan penting:"), TextBox(lines=2))
        add("penanggung_jawab", self.tr("Penanggung jawab:"), QLineEdit())
        layout.addWidget(self.form_box)

        # indicators
        self.ind_box = QGroupBox(self.tr("Indikator kinerja"))
        self.ind_table = self._table([self.tr("Indikator"), self.tr("Target %1").replace("%1", str(tahun)),
                                      self.tr("Satuan"), self.tr("Target %1").replace("%1", str(tahun + 1))])
        self.ind_table.itemChanged.connect(lambda _i: self._commit_indikator())
        ind_layout = QVBoxLayout(self.ind_box)
        ind_layout.addWidget(self.ind_table)
        ind_layout.addLayout(self._buttons(self._add_indikator, self._remove_indikator))
        layout.addWidget(self.ind_box)

        # funding sources
        self.sd_box = QGroupBox(self.tr("Sumber dana"))
        self.sd_table = self._table([self.tr("Sumber dana"), self.tr("Jumlah (Rp)")])
        self.sd_table.itemChanged.connect(lambda _i: self._commit_sumber_dana())
        self.sd_sum = QLabel()
        self.sd_sum.setWordWrap(True)
        sd_layout = QVBoxLayout(self.sd_box)
        sd_layout.addWidget(self.sd_table)
        sd_layout.addWidget(self.sd_sum)
        sd_layout.addLayout(self._buttons(self._add_sumber_dana, self._remove_sumber_dana))
        layout.addWidget(self.sd_box)
        layout.addStretch(1)

        doc.add_listener(self._on_change)
        self.show_row(None)

    def detach(self) -> None:
        self.doc.remove_listener(self._on_change)

    # ------------------------------------------------------------------ building blocks
    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, len(headers)):
            table.horizontalHeader().setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(i, 110 if len(headers) == 2 else 75)
        table.setMinimumHeight(74)
        table.setMaximumHeight(120)
        return table

    def _buttons(self, add: Callable[[], None], remove: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        b_add = QPushButton(self.tr("Tambah"))
        b_add.clicked.connect(add)
        b_del = QPushButton(self.tr("Hapus"))
        b_del.clicked.connect(remove)
        row.addWidget(b_add)
        row.addWidget(b_del)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------------ showing a row
    def node(self):
        return self.doc.plan.nodes.get(self.row_id) if self.row_id else None

    def show_row(self, row_id: str | None) -> None:
        self.row_id = row_id if row_id in self.doc.plan.nodes else None
        for label in self.errors.values():
            label.hide()
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        node = self.node()
        enabled = node is not None
        leaf = enabled and node.values["level"] == SUB_KEGIATAN
        # shown or hidden only when that changes (showing the funding sources of a parent row to
        # hide them again lays the whole panel out and repaints it on every edit of the row)
        for w, show in ((self.form_box, enabled), (self.ind_box, enabled), (self.sd_box, leaf)):
            if w.isHidden() == show:
                w.setVisible(show)
        if node is None:
            self.title.setText(self.tr("Pilih satu baris pada pohon program untuk melihat dan mengubah rinciannya."))
            return
        v = node.values
        self.title.setText(f"{level_name(v['level'])} {node.kode}")
        readonly = self.doc.readonly
        for key, widget in self.fields.items():
            if widget.hasFocus() and not force:
                continue
            # each setter only when its value differs: setReadOnly() alone repaints the field, and
            # an edit of a row shown here must repaint no more of the panel than what it changed
            if key in ("pagu", "pagu_n1"):
                idx = 0 if key == "pagu" else 1
                text = format_rupiah(v.get(key)) if leaf else format_rupiah(node.sums[idx])
                locked = readonly or not leaf
                tip = "" if leaf else self.tr("Jumlah dari rinciannya (dihitung otomatis)")
                if widget.toolTip() != tip:
                    widget.setToolTip(tip)
            else:
                text = v.get(key) or ""
                locked = readonly
            if widget.isReadOnly() != locked:
                widget.setReadOnly(locked)
            with QSignalBlocker(widget):
                if isinstance(widget, QLineEdit):
                    if widget.text() != text:
                        widget.setText(text)
                        widget.setCursorPosition(0)
                elif widget.toPlainText() != text:
                    widget.setPlainText(text)
        if force or not self.ind_table.hasFocus():
            self._fill_indikator()
        if leaf and (force or not self.sd_table.hasFocus()):
            self._fill_sumber_dana()

    @staticmethod
    def _shows(table: QTableWidget, rows: list[tuple[str, ...]]) -> bool:
        """Whether ``table`` shows exactly these cell texts (then filling it again would change
        nothing on screen, only relayout and repaint the panel)."""
        if table.rowCount() != len(rows):
            return False
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                cell = table.item(r, c)
                if cell is None or cell.text() != text:
                    return False
        return True

    def _fill_indikator(self) -> None:
        items = self.doc.indikator.get(self.row_id, [])
        if self._shows(self.ind_table, [tuple(str(it.get(key) or "") for key in ("teks", "target", "satuan", "target_n1"))
                                        for it in items]):
            return
        with QSignalBlocker(self.ind_table):
            self.ind_table.setRowCount(len(items))
            for r, it in enumerate(items):
                for c, key in enumerate(("teks", "target", "satuan", "target_n1")):
                    self.ind_table.setItem(r, c, QTableWidgetItem(str(it.get(key) or "")))

    def _fill_sumber_dana(self) -> None:
        items = self.doc.sumber_dana.get(self.row_id, [])
        if self._shows(self.sd_table, [(it.get("nama") or it.get("kode") or "", format_rupiah(it.get("jumlah")))
                                       for it in items]):
            self._update_sd_sum()
            return
        with QSignalBlocker(self.sd_table):
            self.sd_table.setRowCount(len(items))
            for r, it in enumerate(items):
                self.sd_table.setItem(r, 0, QTableWidgetItem(it.get("nama") or it.get("kode") or ""))
                amount = QTableWidgetItem(format_rupiah(it.get("jumlah")))
                amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.sd_table.setItem(r, 1, amount)
        self._update_sd_sum()

    def _update_sd_sum(self) -> None:
        node = self.node()
        if node is None:
            return
        items = self.doc.sumber_dana.get(self.row_id, [])
        pagu = node.values.get("pagu") or 0
        if not items:
            self._sd_note(self.tr("Belum ada sumber dana."), "color: #8a5a00;")
            return
        if len(items) == 1 and items[0].get("jumlah") is None:
            self._sd_note(self.tr("Seluruh pagu (Rp %1) dari satu sumber dana.").replace("%1", format_rupiah(pagu)), "")
            return
        total = sum(it.get("jumlah") or 0 for it in items)
        if total == pagu:
            self._sd_note(self.tr("Jumlah sumber dana Rp %1 = pagu.").replace("%1", format_rupiah(total)), "")
        else:
            self._sd_note(self.tr("Jumlah sumber dana Rp %1 tidak sama dengan pagu Rp %2 (selisih Rp %3).")
                          .replace("%1", format_rupiah(total)).replace("%2", format_rupiah(pagu))
                          .replace("%3", format_rupiah(abs(pagu - total))), "color: #b3261e;")

    def _sd_note(self, text: str, style: str) -> None:
        """The line under the funding sources; set only when it differs (a style sheet set again,
        even the same, polishes the label anew and lays the panel out again)."""
        if self.sd_sum.text() != text:
            self.sd_sum.setText(text)
        if self.sd_sum.styleSheet() != style:
            self.sd_sum.setStyleSheet(style)

    # ------------------------------------------------------------------ saving
    def _commit(self, key: str) -> None:
        node = self.node()
        if node is None or self.doc.readonly:
            return
        widget = self.fields[key]
        text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if key in ("pagu", "pagu_n1"):
            if node.values["level"] != SUB_KEGIATAN:
                return
            text = text.strip()
        if key == "nama":
            text = " ".join(text.split())
        error = self.editor.set_plan(node.id, **{key: text})
        label = self.errors[key]
        if error:
            label.setText(error)
            label.show()
            self.message.emit(error)
            self.refresh(force=True)
            label.show()
        else:
            label.hide()
            if key == "kode" and normalization_note(text):  # stored canonical: the field shows it, and
                self.message.emit(self.tr("Kode '%1' dibaca sebagai %2")  # the status bar says how it was read
                                  .replace("%1", "".join(text.split())).replace("%2", node.kode))

    def _indikator_items(self) -> list[dict]:
        old = self.doc.indikator.get(self.row_id, [])
        items = []
        for r in range(self.ind_table.rowCount()):
            row = {}
            for c, key in enumerate(("teks", "target", "satuan", "target_n1")):
                cell = self.ind_table.item(r, c)
                row[key] = cell.text().strip() if cell is not None else ""
            if r < len(old):
                row["id"] = old[r]["id"]
            items.append(row)
        return items

    def _commit_indikator(self) -> None:
        if self.node() is None:
            return
        items = [it for it in self._indikator_items() if any(it.get(k) for k in ("teks", "target", "satuan", "target_n1"))
                 or it.get("id")]
        error = self.editor.set_indikator(self.row_id, items)
        if error:
            self.message.emit(error)
            self._fill_indikator()

    def _add_indikator(self) -> None:
        if self.node() is None:
            return
        with QSignalBlocker(self.ind_table):
            r = self.ind_table.rowCount()
            self.ind_table.insertRow(r)
            for c in range(4):
                self.ind_table.setItem(r, c, QTableWidgetItem(""))
        self.ind_table.setCurrentCell(r, 0)
        self.ind_table.editItem(self.ind_table.item(r, 0))

    def _remove_indikator(self) -> None:
        r = self.ind_table.currentRow()
        if r < 0:
            return
        with QSignalBlocker(self.ind_table):
            self.ind_table.removeRow(r)
        self._commit_indikator()

    def _sumber_dana_items(self) -> list[dict] | str:
        old = self.doc.sumber_dana.get(self.row_id, [])
        items = []
        for r in range(self.sd_table.rowCount()):
            name = self.sd_table.item(r, 0).text().strip() if self.sd_table.item(r, 0) else ""
            amount = self.sd_table.item(r, 1).text().strip() if self.sd_table.item(r, 1) else ""
            if not name and not amount:
                continue
            try:
                jumlah = parse_rupiah(amount)
            except NumberError as exc:
                return self.tr("Sumber dana baris %1: %2").replace("%1", str(r + 1)).replace("%2", str(exc))
            item = {"nama": name, "jumlah": jumlah}
            if r < len(old):
                item["id"] = old[r]["id"]
                if old[r].get("nama") == name:
                    item["kode"] = old[r].get("kode") or ""
            items.append(item)
        return items

    def _commit_sumber_dana(self) -> None:
        if self.node() is None:
            return
        items = self._sumber_dana_items()
        if isinstance(items, str):
            self.message.emit(items)
            self._sd_note(items, "color: #b3261e;")
            return
        if any(not it["nama"] for it in items):
            return   # wait until the name is typed
        error = self.editor.set_sumber_dana(self.row_id, items)
        if error:
            self.message.emit(error)
            self._fill_sumber_dana()
        else:
            self._update_sd_sum()

    def _add_sumber_dana(self) -> None:
        node = self.node()
        if node is None or node.values["level"] != SUB_KEGIATAN:
            return
        with QSignalBlocker(self.sd_table):
            r = self.sd_table.rowCount()
            self.sd_table.insertRow(r)
            self.sd_table.setItem(r, 0, QTableWidgetItem(""))
            amount = QTableWidgetItem("")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.sd_table.setItem(r, 1, amount)
        self.sd_table.setCurrentCell(r, 0)
        self.sd_table.editItem(self.sd_table.item(r, 0))

    def _remove_sumber_dana(self) -> None:
        r = self.sd_table.currentRow()
        if r < 0:
            return
        with QSignalBlocker(self.sd_table):
            self.sd_table.removeRow(r)
        self._commit_sumber_dana()

    # ------------------------------------------------------------------ document changes
    def _on_change(self, change: "ChangeEvent") -> None:
        if change.table == "reset":
            self.show_row(self.row_id)
            return
        if change.table != "plan" or self.row_id is None:
            return
        if self.row_id not in self.doc.plan.nodes:
            self.show_row(None)
            return
        if self.row_id in change.changed or self.row_id in change.inserted or self.row_id in change.moved:
            self.refresh()
