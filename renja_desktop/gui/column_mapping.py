"""Berkas ▸ Impor tabel…, the column-mapping step: a preview of the source with, above each
column, the Renja field it holds. Prefilled with what the importer itself recognises
(:func:`renja_desktop.importer.mapping.detect_columns`); accepted unchanged the import runs exactly
as without this step, changed it imports with a ``column_map`` (as ``import --column``)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..importer.layouts import column_letter
from ..importer.mapping import DetectedColumns, MappingProblem, column_map_for, mapping_problems
from ..readers import Source
from .dialogs import localize_button_box

translate = QCoreApplication.translate

PREVIEW_ROWS = 15
MAX_COLUMNS = 60

#: field labels; {n}, {n+1}, {n-1}... become the plan year and the years around it
FIELD_LABELS = {
    "kode": QT_TRANSLATE_NOOP("ImportFields", "Kode"),
    "nama": QT_TRANSLATE_NOOP("ImportFields", "Nama program/kegiatan/sub kegiatan"),
    "pagu": QT_TRANSLATE_NOOP("ImportFields", "Pagu indikatif {n} (Rp)"),
    "pagu_n1": QT_TRANSLATE_NOOP("ImportFields", "Pagu prakiraan maju {n+1} (Rp)"),
    "sumber_dana": QT_TRANSLATE_NOOP("ImportFields", "Sumber dana"),
    "lokasi": QT_TRANSLATE_NOOP("ImportFields", "Lokasi"),
    "indikator": QT_TRANSLATE_NOOP("ImportFields", "Indikator kinerja"),
    "target": QT_TRANSLATE_NOOP("ImportFields", "Target capaian {n}"),
    "satuan": QT_TRANSLATE_NOOP("ImportFields", "Satuan"),
    "catatan": QT_TRANSLATE_NOOP("ImportFields", "Catatan penting"),
    "outcome": QT_TRANSLATE_NOOP("ImportFields", "Outcome"),
    "keluaran": QT_TRANSLATE_NOOP("ImportFields", "Keluaran"),
    "target_n1": QT_TRANSLATE_NOOP("ImportFields", "Target capaian {n+1}"),
    "penanggung_jawab": QT_TRANSLATE_NOOP("ImportFields", "Penanggung jawab"),
    "keluaran_n1": QT_TRANSLATE_NOOP("ImportFields", "Keluaran {n+1}"),
    "capaian": QT_TRANSLATE_NOOP("ImportFields", "Capaian kinerja {n}"),
    "capaian_n1": QT_TRANSLATE_NOOP("ImportFields", "Capaian kinerja {n+1}"),
    "no": QT_TRANSLATE_NOOP("ImportFields", "Nomor urut (No)"),
    "rkpd_nama": QT_TRANSLATE_NOOP("ImportFields", "RKPD: program/kegiatan/sub kegiatan"),
    "rkpd_lokasi": QT_TRANSLATE_NOOP("ImportFields", "RKPD: lokasi"),
    "rkpd_indikator": QT_TRANSLATE_NOOP("ImportFields", "RKPD: indikator kinerja"),
    "rkpd_target": QT_TRANSLATE_NOOP("ImportFields", "RKPD: target capaian"),
    "rkpd_pagu": QT_TRANSLATE_NOOP("ImportFields", "RKPD: pagu indikatif (Rp)"),
    "sasaran": QT_TRANSLATE_NOOP("ImportFields", "Sasaran"),
    "keterangan": QT_TRANSLATE_NOOP("ImportFields", "Keterangan"),
    "spm": QT_TRANSLATE_NOOP("ImportFields", "SPM/standar nasional"),
    "ikk": QT_TRANSLATE_NOOP("ImportFields", "IKK"),
    "target_n3": QT_TRANSLATE_NOOP("ImportFields", "Target {n-3}"),
    "target_n2": QT_TRANSLATE_NOOP("ImportFields", "Target {n-2}"),
    "target_n": QT_TRANSLATE_NOOP("ImportFields", "Target {n}"),
    "realisasi_n3": QT_TRANSLATE_NOOP("ImportFields", "Realisasi {n-3}"),
    "realisasi_n2": QT_TRANSLATE_NOOP("ImportFields", "Realisasi {n-2}"),
    "proyeksi_n": QT_TRANSLATE_NOOP("ImportFields", "Proyeksi {n}"),
    "proyeksi_n_plus1": QT_TRANSLATE_NOOP("ImportFields", "Proyeksi {n+1}"),
    "program_kegiatan": QT_TRANSLATE_NOOP("ImportFields", "Program/kegiatan"),
    "volume": QT_TRANSLATE_NOOP("ImportFields", "Besaran/volume"),
}

#: where a table prints a field under another meaning
TABLE_LABELS = {
    ("2.3", "nama"): QT_TRANSLATE_NOOP("ImportFields", "Analisis: program/kegiatan/sub kegiatan"),
    ("2.3", "lokasi"): QT_TRANSLATE_NOOP("ImportFields", "Analisis: lokasi"),
    ("2.3", "indikator"): QT_TRANSLATE_NOOP("ImportFields", "Analisis: indikator kinerja"),
    ("2.3", "target"): QT_TRANSLATE_NOOP("ImportFields", "Analisis: target capaian"),
    ("2.3", "pagu"): QT_TRANSLATE_NOOP("ImportFields", "Analisis: pagu indikatif (Rp)"),
    ("2.2", "target_n1"): QT_TRANSLATE_NOOP("ImportFields", "Target {n-1}"),
    ("2.2", "catatan"): QT_TRANSLATE_NOOP("ImportFields", "Catatan analisis"),
    ("2.4", "catatan"): QT_TRANSLATE_NOOP("ImportFields", "Catatan"),
    ("2.1", "penanggung_jawab"): QT_TRANSLATE_NOOP("ImportFields", "Unit penanggung jawab"),
}

#: Tabel 2.1 columns 5-15 (K and Rp each)
EVAL_COLUMNS = {
    5: QT_TRANSLATE_NOOP("ImportFields", "target Renstra"),
    6: QT_TRANSLATE_NOOP("ImportFields", "realisasi Renstra s.d. tahun lalu"),
    7: QT_TRANSLATE_NOOP("ImportFields", "target Renja"),
    8: QT_TRANSLATE_NOOP("ImportFields", "realisasi triwulan I"),
    9: QT_TRANSLATE_NOOP("ImportFields", "realisasi triwulan II"),
    10: QT_TRANSLATE_NOOP("ImportFields", "realisasi triwulan III"),
    11: QT_TRANSLATE_NOOP("ImportFields", "realisasi triwulan IV"),
    12: QT_TRANSLATE_NOOP("ImportFields", "realisasi Renja"),
    13: QT_TRANSLATE_NOOP("ImportFields", "tingkat realisasi (%)"),
    14: QT_TRANSLATE_NOOP("ImportFields", "realisasi Renstra"),
    15: QT_TRANSLATE_NOOP("ImportFields", "tingkat capaian Renstra (%)"),
}


def field_label(table: str, name: str, tahun: int | None = None) -> str:
    """The field's label in the interface language, with the plan year filled in."""
    if table == "2.1" and name[:2] in ("k_", "rp") and name.split("_")[-1].isdigit():
        side, number = name.split("_")
        what = translate("ImportFields", EVAL_COLUMNS.get(int(number), ""))
        text = (translate("ImportFields", "Kolom %1 K: %2") if side == "k"
                else translate("ImportFields", "Kolom %1 Rp: %2"))
        return text.replace("%1", number).replace("%2", what)
    source = TABLE_LABELS.get((table, name)) or FIELD_LABELS.get(name)
    if source is None:
        return name
    text = translate("ImportFields", source)
    for offset, key in ((1, "{n+1}"), (-1, "{n-1}"), (-2, "{n-2}"), (-3, "{n-3}"), (0, "{n}")):
        if key in text:
            text = text.replace(key, str(tahun + offset) if tahun else key.strip("{}"))
    return text


class _FieldCombo(QComboBox):
    """A column's field: the mouse wheel scrolls the preview unless the box has the focus."""

    def __init__(self, column: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.column = column
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # narrow code columns stay narrow; the list that opens shows the whole labels
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def showPopup(self):  # noqa: N802 - Qt
        width = max(self.view().sizeHintForColumn(0) + 30, self.width())
        self.view().setMinimumWidth(width)
        super().showPopup()

    def wheelEvent(self, event):  # noqa: N802 - Qt
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class ColumnMappingDialog(QDialog):
    """Choose, for each column of the source, the field it holds ("(abaikan)": not imported)."""

    def __init__(self, parent: QWidget | None, source: Source, detected: DetectedColumns, table_title: str,
                 tahun: int | None = None):
        super().__init__(parent)
        if detected.table is None:
            raise ValueError("the mapping step needs a table")
        self.source = source
        self.detected = detected
        self.table = detected.table
        self.tahun = tahun
        self.setWindowTitle(self.tr("Petakan kolom"))
        self.setSizeGripEnabled(True)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        title = QLabel()
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        shown = f"{source.label}: {table_title}"
        if detected.guessed:
            shown += " " + self.tr("(dikenali dari kepala kolom)")
        title.setText(shown)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        hint = QLabel(self.tr(
            "Pilih isian Renja yang dimuat setiap kolom berkas; kolom “(abaikan)” tidak diimpor. "
            "Pilihan awal adalah yang dikenali aplikasi dari kepala kolom: bila sudah benar, klik Oke."))
        hint.setWordWrap(True)
        if self.table in ("4.1", "3.1"):
            hint.setText(hint.text() + " " + self.tr(
                "Kode yang tersebar di beberapa kolom berurutan (8 | 01 | 01 | …) cukup dipilih pada "
                "kolom pertamanya."))

        rows = [r for r in source.rows if not r.is_blank()]
        start = 0
        if detected.header_lines:
            start = next((i for i, r in enumerate(rows) if r.line == detected.header_lines[0]), 0)
        self.preview_rows = rows[start:start + PREVIEW_ROWS]
        width = max([len(r.cells) for r in source.rows] + [c + 1 for c in detected.columns] + [1])
        width = min(width, max([MAX_COLUMNS] + [c + 1 for c in detected.columns]))
        self.table_widget = QTableWidget(1 + len(self.preview_rows), width)
        tw = self.table_widget
        tw.setTabKeyNavigation(False)
        tw.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tw.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        tw.setWordWrap(False)
        tw.setAccessibleName(self.tr("Pratinjau berkas sumber"))
        tw.setHorizontalHeaderLabels([column_letter(c) for c in range(width)])
        tw.setVerticalHeaderLabels([self.tr("Isian")] + [str(r.line) for r in self.preview_rows])
        tw.verticalHeader().setDefaultSectionSize(tw.fontMetrics().height() + 10)
        tw.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header_lines = set(detected.header_lines)
        for i, r in enumerate(self.preview_rows, start=1):
            for c in range(width):
                text = r.cells[c] if c < len(r.cells) else ""
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 30 else "")
                if r.line in header_lines:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                tw.setItem(i, c, item)

        self.fields = detected.fields()
        self.combos: list[_FieldCombo] = []
        for c in range(width):
            combo = _FieldCombo(c)
            combo.addItem(self.tr("(abaikan)"), None)
            for name in self.fields:
                combo.addItem(field_label(self.table, name, tahun), name)
            combo.setAccessibleName(self.tr("Isian kolom %1").replace("%1", column_letter(c)))
            head = detected.headers[c] if c < len(detected.headers) else ""
            combo.setToolTip(self.tr("Kolom %1").replace("%1", column_letter(c))
                             + (f" – “{head}”" if head else ""))
            combo.currentIndexChanged.connect(lambda _i, col=c: self._column_changed(col))
            combo.installEventFilter(self)
            tw.setCellWidget(0, c, combo)
            self.combos.append(combo)

        header = tw.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        tw.resizeColumnsToContents()
        for c, combo in enumerate(self.combos):
            tw.setColumnWidth(c, max(min(tw.columnWidth(c), 280), combo.sizeHint().width() + 4))
        tw.setRowHeight(0, max(tw.rowHeight(0), self.combos[0].sizeHint().height() + 6) if self.combos else 30)
        self.set_choice(detected.columns)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        localize_button_box(self.buttons)
        self.reset_button = QPushButton(self.tr("&Kembalikan pilihan awal"))
        self.reset_button.setToolTip(self.tr("Isian setiap kolom seperti yang dikenali aplikasi"))
        self.reset_button.clicked.connect(lambda: self.set_choice(self.detected.columns))
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(tw, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        previous = None
        for combo in self.combos:
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for a, b in ((previous, tw), (tw, ok), (ok, cancel), (cancel, self.reset_button)):
            if a is not None:
                QWidget.setTabOrder(a, b)
        if self.combos:
            self.combos[0].setFocus()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)

        table_width = tw.verticalHeader().sizeHint().width() + sum(tw.columnWidth(c) for c in range(width)) + 64
        self.resize(max(760, min(table_width, 1180)), 560)

    # ------------------------------------------------------------------ choices
    def chosen(self) -> dict[int, str]:
        """0-based column -> field, for the columns that are not ignored."""
        return {c: combo.currentData() for c, combo in enumerate(self.combos) if combo.currentData()}

    def set_choice(self, columns: dict[int, str]) -> None:
        for c, combo in enumerate(self.combos):
            name = columns.get(c)
            index = combo.findData(name) if name else 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._refresh(range(len(self.combos)))

    def column_map(self) -> dict[str, str] | None:
        """What to pass to the import: None when the detected mapping was kept."""
        return column_map_for(self.detected, self.chosen())

    def _code_continuation(self) -> set[int]:
        """Columns right of the code column that the import reads as the rest of the code."""
        kode = next((c for c, combo in enumerate(self.combos) if combo.currentData() == "kode"), None)
        out: set[int] = set()
        if kode is None:
            return out
        span = set(self.detected.code_columns)
        c = kode + 1
        while c < len(self.combos) and c in span and self.combos[c].currentData() is None:
            out.add(c)
            c += 1
        return out

    def _column_changed(self, column: int) -> None:
        self._refresh(range(len(self.combos)) if self.table in ("4.1", "3.1") else (column,))

    def _refresh(self, columns) -> None:
        """Grey the ignored columns, name the code's continuation columns, fit the chosen labels."""
        continuation = self._code_continuation()
        tw = self.table_widget
        for c in columns:
            combo = self.combos[c]
            combo.setItemText(0, self.tr("(bagian kode)") if c in continuation else self.tr("(abaikan)"))
            needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 44
            if tw.columnWidth(c) < needed:
                tw.setColumnWidth(c, needed)
            ignored = combo.currentData() is None and c not in continuation
            grey = QBrush(QColor("#8a8a8a")) if ignored else QBrush()
            for row in range(1, self.table_widget.rowCount()):
                item = self.table_widget.item(row, c)
                if item is not None:
                    item.setForeground(grey)
        self.error.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, _FieldCombo):
            self.table_widget.scrollTo(self.table_widget.model().index(0, watched.column))
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ checking
    def problems_text(self, problems: list[MappingProblem]) -> str:
        lines = []
        for p in problems:
            label = field_label(self.table, p.fields[0], self.tahun)
            if p.kind == "twice":
                cols = [column_letter(c) for c in p.columns]
                where = (translate("ImportMapping", "%1 dan %2")
                         .replace("%1", ", ".join(cols[:-1])).replace("%2", cols[-1]))
                lines.append(self.tr("Isian “%1” dipilih untuk lebih dari satu kolom (kolom %2). "
                                     "Pilih satu kolom saja; ubah yang lain menjadi “(abaikan)”.")
                             .replace("%1", label).replace("%2", where))
            elif p.kind == "missing":
                lines.append(self.tr("Belum ada kolom untuk “%1”: Tabel %2 tidak dapat diimpor tanpanya.")
                             .replace("%1", label).replace("%2", self.table))
            else:
                other = field_label(self.table, p.fields[1], self.tahun)
                lines.append(self.tr("Belum ada kolom untuk “%1” atau “%2”: Tabel %3 "
                                     "memerlukan salah satunya.")
                             .replace("%1", label).replace("%2", other).replace("%3", self.table))
        return "\n".join(lines)

    def accept(self) -> None:
        problems = mapping_problems(self.table, self.chosen())
        if problems:
            self.error.setText(self.problems_text(problems))
            self.error.show()
            first = problems[0]
            if first.columns:
                self.combos[first.columns[-1]].setFocus()
            return
        super().accept()
