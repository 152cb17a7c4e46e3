"""The Tahap menu: freeze a stage, view a stage read-only, compare stages, verification notes,
start a Perubahan, next year's Renja (a wizard) and the Renstra (import, check).

Everything here calls the core (:mod:`renja_desktop.stages`, :mod:`.notes`, :mod:`.rollover`,
:mod:`.renstra`); freezing, notes and the Renstra import go through the window's undo stack.
The main window only calls :func:`install_menu` and :func:`attach`.
"""
from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QDockWidget, QFileDialog,
    QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from .. import i18n
from .. import notes as notes_mod
from .. import renstra as renstra_mod
from .. import stages
from ..errors import message
from ..formatting import format_rupiah
from ..service import EditError
from ..storage import DocumentFileError
from . import texts

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

NOW_LABEL = "sekarang"   # the core's name for the working state (not a frozen stage)


def _now_text() -> str:
    """How the window names the working state in its language."""
    return i18n.pick("sekarang", "now")


def _stage_text(name: str) -> str:
    return _now_text() if name == NOW_LABEL else name


translate = QCoreApplication.translate


@contextlib.contextmanager
def _busy():
    """A wait cursor while a whole-document step runs (a stage of a city-sized document: ~1 s)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


# ------------------------------------------------------------------------------ dialogs
class FreezeDialog(QDialog):
    def __init__(self, parent, doc):
        super().__init__(parent)
        self.setWindowTitle(translate("Stages", "Bekukan tahap"))
        form = QFormLayout(self)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        used = {s.nama.lower() for s in stages.list_stages(doc)}
        suggestion = doc.meta.get(stages.KEY_PERUBAHAN) or stages.next_default_name(doc)
        for n in (suggestion, *stages.DEFAULT_NAMES):
            if n.lower() not in used and self.name.findText(n) < 0:
                self.name.addItem(n)
        self.name.setCurrentText(suggestion)
        self.oleh = QLineEdit(stages.current_user(), self)
        self.keterangan = QLineEdit(self)
        form.addRow(translate("Stages", "Nama tahap"), self.name)
        form.addRow(translate("Stages", "Dibekukan oleh"), self.oleh)
        form.addRow(translate("Stages", "Keterangan"), self.keterangan)
        info = QLabel(translate(
            "Stages",
            "Keadaan dokumen sekarang disimpan sebagai tahap hanya-baca di dalam berkas; penyusunan berlanjut seperti biasa.",
        ), self)
        info.setWordWrap(True)
        form.addRow(info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def _show(value) -> str:
    if value is None or value == "" or value == ():
        return "(kosong)"
    if isinstance(value, tuple):
        return "; ".join(" ".join(str(x) for x in item if x not in (None, "")) for item in value) or "(kosong)"
    if isinstance(value, int):
        return format_rupiah(value)
    return str(value)


class CompareDialog(QDialog):
    """Two stages (or a stage and now) side by side: every changed row and field, pagu sebelum /
    sesudah / selisih; prints the Perubahan Renja table with the notes."""

    KINDS = {"ditambah": ("baru", "new"), "dihapus": ("dihapus", "deleted"), "diubah": ("diubah", "changed")}

    def __init__(self, parent, doc, a: str | None = None, b: str | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(translate("Stages", "Bandingkan tahap"))
        self.resize(1100, 560)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        names = [s.nama for s in stages.list_stages(doc)]
        self.a = QComboBox(self)
        self.a.addItems(names)
        self.b = QComboBox(self)
        for name in names:
            self.b.addItem(name, name)
        self.b.addItem(_now_text(), NOW_LABEL)
        if a:
            self.a.setCurrentText(a)
        self.b.setCurrentIndex(max(0, self.b.findData(b or NOW_LABEL)))
        row.addWidget(QLabel(translate("Stages", "Sebelum:"), self))
        row.addWidget(self.a, 1)
        row.addWidget(QLabel(translate("Stages", "Sesudah:"), self))
        row.addWidget(self.b, 1)
        self.print_button = QPushButton(translate("Stages", "Cetak Perubahan Renja (PDF)…"), self)
        self.print_button.clicked.connect(self.print_pdf)
        row.addWidget(self.print_button)
        lay.addLayout(row)
        self.summary = QLabel(self)
        lay.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([
            translate("Stages", "Perubahan"),
            translate("Stages", "Kode"),
            translate("Stages", "Uraian / isian"),
            translate("Stages", "Sebelum"),
            translate("Stages", "Sesudah"),
            translate("Stages", "Selisih pagu"),
        ])
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((90, 150, 420, 170, 170, 120)):
            self.tree.setColumnWidth(col, width)
        lay.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.a.currentTextChanged.connect(self.refresh)
        self.b.currentTextChanged.connect(self.refresh)
        self.comparison = None
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        if not self.a.currentText():
            self.summary.setText(translate("Stages", "Belum ada tahap yang dibekukan."))
            return
        try:
            with _busy():
                cmp = stages.compare(self.doc, self.a.currentText(), self.b.currentData())
        except EditError as exc:
            self.summary.setText(str(exc))
            return
        self.comparison = cmp
        self.summary.setText(
            translate("Stages", "%1 → %2: %3 baris berubah; total pagu Rp %4 → Rp %5 (selisih %6)")
            .replace("%1", _stage_text(cmp.a)).replace("%2", _stage_text(cmp.b)).replace("%3", str(len(cmp.changes)))
            .replace("%4", format_rupiah(cmp.total_sebelum)).replace("%5", format_rupiah(cmp.total_sesudah))
            .replace("%6", format_rupiah(cmp.selisih)))
        table = i18n.pick("Tabel", "Table")
        names = {"eval_row": f"{table} 2.1 ", "pelayanan": f"{table} 2.2 ", "usulan": f"{table} 2.4 "}
        for c in cmp.changes:
            kind = self.KINDS.get(c.jenis)
            top = QTreeWidgetItem([i18n.pick(*kind) if kind else c.jenis, c.kode, names.get(c.tabel, "") + c.nama,
                                   _show(c.pagu_sebelum) if c.tabel == "plan_row" else "",
                                   _show(c.pagu_sesudah) if c.tabel == "plan_row" else "",
                                   format_rupiah(c.selisih) if c.selisih else ""])
            for col in (3, 4, 5):
                top.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for f in c.isian:
                kid = QTreeWidgetItem(["", "", stages.field_word(f.isian),
                                       _show(f.sebelum), _show(f.sesudah), ""])
                top.addChild(kid)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()

    def print_pdf(self, path: str | None = None) -> Path | None:
        from ..reports import ReportOptions, ReportError, render_pdf

        if not self.a.currentText():
            return None
        if not path:
            default = str(self.doc.path.with_name(f"{self.doc.path.stem} perubahan.pdf"))
            path, _ = QFileDialog.getSaveFileName(self, translate("Stages", "Simpan Perubahan Renja"), default, "PDF (*.pdf)")
            if not path:
                return None
        try:
            render_pdf(self.doc, path, ["perubahan", "catatan"],
                       ReportOptions(compare=(self.a.currentText(), self.b.currentData())))
        except (ReportError, EditError, OSError) as exc:
            texts.show_error(self, translate("Stages", "Cetak"), str(exc))
            return None
        return Path(path)


class StageViewDialog(QDialog):
    """One frozen stage, read-only: its plan tree with pagu; print it (its name on every page)."""

    def __init__(self, parent, doc, nama: str):
        super().__init__(parent)
        self.doc = doc
        info = stages.find_stage(doc, nama)
        self.nama = info.nama
        self.setWindowTitle(translate("Stages", "Tahap %1 (hanya-baca)").replace("%1", info.nama))
        self.resize(1000, 600)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("Stages", "Tahap <b>%1</b>, dibekukan %2 oleh %3; %4 baris, total pagu Rp %5")
                             .replace("%1", info.nama).replace("%2", info.dibuat_at[:16].replace("T", " "))
                             .replace("%3", info.oleh or "-").replace("%4", str(info.jumlah_baris))
                             .replace("%5", format_rupiah(info.total_pagu)), self))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([
            translate("Stages", "Kode"),
            translate("Stages", "Uraian"),
            translate("Stages", "Pagu n"),
            translate("Stages", "Pagu n+1"),
        ])
        for col, width in enumerate((240, 500, 140, 140)):
            self.tree.setColumnWidth(col, width)
        tree = stages.plan_tree(stages.stage_tables(doc, info.nama)["plan_row"])
        items: dict = {}
        for node in tree.walk():
            item = QTreeWidgetItem([node.kode, node.nama, format_rupiah(node.sums[0]), format_rupiah(node.sums[1])])
            for col in (2, 3):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent = items.get(node.values.get("parent_id"))
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[node.id] = item
        self.tree.expandAll()
        lay.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(translate("Stages", "Cetak tahap ini (PDF)…"), self)
        self.print_button.clicked.connect(lambda: self.print_pdf())
        row.addStretch(1)
        row.addWidget(self.print_button)
        close = QPushButton(translate("Stages", "Tutup"), self)
        close.clicked.connect(self.reject)
        row.addWidget(close)
        lay.addLayout(row)

    def print_pdf(self, path: str | None = None, tables="all") -> Path | None:
        from ..reports import ReportError, render_pdf
        from ..service import RenjaDocument

        if not path:
            default = str(self.doc.path.with_name(f"{self.doc.path.stem} {self.nama}.pdf"))
            path, _ = QFileDialog.getSaveFileName(self, translate("Stages", "Cetak tahap"), default, "PDF (*.pdf)")
            if not path:
                return None
        with tempfile.TemporaryDirectory(prefix="renja-tahap-") as tmp:
            file = stages.write_stage_file(self.doc, self.nama, Path(tmp) / "tahap.sqlite")
            staged = RenjaDocument.open(file, readonly=True)
            try:
                render_pdf(staged, path, tables)
            except (ReportError, OSError) as exc:
                texts.show_error(self, translate("Stages", "Cetak"), str(exc))
                return None
            finally:
                staged.close()
        return Path(path)


class NotesPanel(QWidget):
    """Verification notes: filter by stage and status, add a note on the selected plan row, close
    or reopen it. In a dock of the main window."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.stage = QComboBox(self)
        self.status = QComboBox(self)
        self.status.addItem(translate("Stages", "semua"), None)
        for status in notes_mod.STATUSES:
            self.status.addItem(notes_mod.note_word(status), status)
        row.addWidget(QLabel(translate("Stages", "Tahap:"), self))
        row.addWidget(self.stage, 1)
        row.addWidget(QLabel(translate("Stages", "Status:"), self))
        row.addWidget(self.status)
        lay.addLayout(row)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            translate("Stages", "Status"),
            translate("Stages", "Tahap"),
            translate("Stages", "Kode"),
            translate("Stages", "Catatan"),
            translate("Stages", "Oleh"),
            translate("Stages", "Tanggal"),
            translate("Stages", "Jenis"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(translate("Stages", "Catatan untuk baris yang dipilih di pohon program…"))
        self.kind = QComboBox(self)
        for kind in notes_mod.KINDS:
            self.kind.addItem(notes_mod.note_word(kind), kind)
        self.add_button = QPushButton(translate("Stages", "Tambah"), self)
        self.close_button = QPushButton(translate("Stages", "Selesai / buka lagi"), self)
        row.addWidget(self.text, 1)
        row.addWidget(self.kind)
        row.addWidget(self.add_button)
        row.addWidget(self.close_button)
        lay.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_note())
        self.close_button.clicked.connect(lambda: self.toggle_status())
        self.stage.currentIndexChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.notes: list = []
        self.reload_stages()

    @property
    def doc(self):
        return self.window.doc

    def reload_stages(self) -> None:
        current = self.stage.currentData()
        self.stage.blockSignals(True)
        self.stage.clear()
        self.stage.addItem(translate("Stages", "semua"), None)
        self.stage.addItem(_now_text(), NOW_LABEL)
        for name in [s.nama for s in stages.list_stages(self.doc)] if self.doc else []:
            self.stage.addItem(name, name)
        if current and self.stage.findData(current) >= 0:
            self.stage.setCurrentIndex(self.stage.findData(current))
        self.stage.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        if self.doc is None:
            return
        stage = None if self.stage.currentIndex() <= 0 else self.stage.currentData()
        status = None if self.status.currentIndex() <= 0 else self.status.currentData()
        self.notes = notes_mod.list_notes(self.doc, stage, status)
        self.table.setRowCount(len(self.notes))
        for r, n in enumerate(self.notes):
            for c, text in enumerate((notes_mod.note_word(n.status), n.tahap or _now_text(), n.kode, n.teks, n.oleh,
                                      n.dibuat_at[:10], notes_mod.note_word(n.jenis))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnToContents(2)

    def add_note(self, teks: str | None = None) -> str | None:
        teks = self.text.text() if teks is None else teks
        page = self.window.plan_page
        row_id = page.current_row_id() if page is not None else None
        if row_id is None:
            return self._fail(translate("Stages", "Pilih dahulu baris di pohon program."))
        stage = self.stage.currentData() if self.stage.currentIndex() > 1 else None
        message = self.window.editor.execute(notes_mod.AddNote(row_id, teks, stage, self.kind.currentData()))
        if message:
            return self._fail(message)
        self.text.clear()
        return None

    def toggle_status(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.notes):
            return self._fail(translate("Stages", "Pilih dahulu catatan di daftar."))
        note = self.notes[row]
        status = "terbuka" if note.status == "selesai" else "selesai"
        message = self.window.editor.execute(notes_mod.SetNoteStatus(note.id, status))
        return self._fail(message) if message else None

    def _fail(self, message: str) -> str:
        texts.show_error(self, translate("Stages", "Catatan verifikasi"), message)
        return message


# ------------------------------------------------------------------------------ rollover wizard
class RolloverWizard(QWizard):
    """Next year's Renja: where to write it, where its pagu comes from; then the report."""

    def __init__(self, parent, doc):
        super().__init__(parent)
        self.doc = doc
        self.report = None
        tahun = int(doc.info.get("tahun") or 0)
        self.setWindowTitle(translate("Stages", "Renja tahun berikutnya"))
        self.resize(760, 520)
        first = QWizardPage(self)
        first.setTitle(translate("Stages", "Renja %1 dari Renja %2").replace("%1", str(tahun + 1)).replace("%2", str(tahun)))
        first.setSubTitle(translate(
            "Stages",
            "Pohon program, identitas, penandatangan, Tabel 2.1 (kolom 6 := kolom 14) dan Renstra dibawa ke berkas baru; dokumen ini tidak diubah.",
        ))
        form = QFormLayout(first)
        row = QHBoxLayout()
        self.target = QLineEdit(str(doc.path.with_name(f"{doc.path.stem} {tahun + 1}.sqlite")), first)
        browse = QPushButton(translate("Stages", "Pilih…"), first)
        browse.clicked.connect(self._browse)
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        form.addRow(translate("Stages", "Berkas baru"), row)
        self.from_prakiraan = QRadioButton(translate("Stages", "prakiraan maju %1 dokumen ini").replace("%1", str(tahun + 1)), first)
        self.from_renstra = QRadioButton(translate("Stages", "anggaran Renstra tahun %1").replace("%1", str(tahun + 1)), first)
        group = QButtonGroup(first)
        group.addButton(self.from_prakiraan)
        group.addButton(self.from_renstra)
        self.from_prakiraan.setChecked(True)
        has_renstra = bool(renstra_mod.load(doc))
        self.from_renstra.setEnabled(has_renstra)
        form.addRow(translate("Stages", "Pagu tahun baru dari"), self.from_prakiraan)
        form.addRow("", self.from_renstra)
        self.nomenklatur = QComboBox(first)
        from ..catalog import available_versions

        self.nomenklatur.addItem(translate("Stages", "sama (%1)").replace("%1", doc.info.get("nomenklatur_versi") or "-"), None)
        for v in available_versions():
            if v["versi"] != doc.info.get("nomenklatur_versi"):
                self.nomenklatur.addItem(v["versi"], v["versi"])
        form.addRow(translate("Stages", "Nomenklatur tahun baru"), self.nomenklatur)
        self.addPage(first)
        second = QWizardPage(self)
        second.setTitle(translate("Stages", "Laporan"))
        second.setSubTitle(translate("Stages", "Setiap baris yang dibawa, dipetakan, ditandai atau tidak dibawa."))
        lay = QVBoxLayout(second)
        self.output = QPlainTextEdit(second)
        self.output.setReadOnly(True)
        lay.addWidget(self.output)
        self.addPage(second)
        self.currentIdChanged.connect(self._page_changed)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("Stages", "Berkas Renja baru"), self.target.text(),
                                              "Renja (*.sqlite)")
        if path:
            self.target.setText(path)

    def validateCurrentPage(self) -> bool:
        if self.currentId() == 0:
            return self.run() is None
        return True

    def run(self) -> str | None:
        from ..rollover import rollover

        try:
            self.report = rollover(self.doc.path, self.target.text().strip(),
                                   "renstra" if self.from_renstra.isChecked() else "prakiraan",
                                   self.nomenklatur.currentData())
        except (EditError, DocumentFileError, OSError) as exc:
            texts.show_error(self, self.windowTitle(), str(exc))
            return str(exc)
        return None

    def _page_changed(self, page_id: int) -> None:
        if page_id == 1 and self.report is not None:
            lines = self.report.lines(i18n.language())
            lines.append("")
            lines.append(translate("Stages", "Baris yang dibawa:"))
            for c in self.report.carried:
                if c["tabel"] == "plan_row":
                    lines.append(f"  {c['kode']:<20} {c['nama'][:60]}  {message(c['catatan'])}")
            self.output.setPlainText("\n".join(lines))


class RenstraCheckDialog(QDialog):
    def __init__(self, parent, doc):
        super().__init__(parent)
        self.setWindowTitle(translate("Stages", "Pemeriksaan Renstra"))
        self.resize(1000, 560)
        lay = QVBoxLayout(self)
        result = renstra_mod.check(doc)
        self.result = result
        lay.addWidget(QLabel(translate("Stages", "Renstra %1-%2 dibanding Renja %3: %4 galat jumlah, %5 selisih")
                             .replace("%1", str(result.periode[0])).replace("%2", str(result.periode[1]))
                             .replace("%3", str(result.tahun)).replace("%4", str(len(result.rollup)))
                             .replace("%5", str(len(result.deviasi))), self))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([
            translate("Stages", "Jenis"),
            translate("Stages", "Kode"),
            translate("Stages", "Uraian"),
            translate("Stages", "Keterangan"),
        ])
        for col, width in enumerate((170, 150, 330, 330)):
            self.tree.setColumnWidth(col, width)
        groups = ((translate("Stages", "Galat jumlah Renstra"), result.rollup),
                  (translate("Stages", "Renja dibanding Renstra"), result.deviasi))
        for title, findings in groups:
            top = QTreeWidgetItem([title, "", "", str(len(findings))])
            for f in findings:
                top.addChild(QTreeWidgetItem([renstra_mod.check_word(f.jenis), f.kode, f.nama, message(f.pesan)]))
            self.tree.addTopLevelItem(top)
        top = QTreeWidgetItem([translate("Stages", "Status kegiatan"), "", "", str(len(result.status))])
        for s in result.status:
            top.addChild(QTreeWidgetItem([renstra_mod.check_word(s["status"]), s["kode"], s["nama"], ""]))
        self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        lay.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


# ------------------------------------------------------------------------------ the menu
class StageMenu:
    """The Tahap menu's actions, bound to one main window."""

    def __init__(self, window: "MainWindow"):
        self.window = window
        self.notes_dock: QDockWidget | None = None
        self.panel: NotesPanel | None = None

    def actions(self) -> list[QAction | None]:
        w = self.window

        def act(text, slot):
            a = QAction(text, w)
            a.triggered.connect(lambda _=False: slot())
            return a

        self.freeze_action = act(translate("Stages", "&Bekukan tahap…"), self.freeze)
        self.view_action = act(translate("Stages", "&Lihat tahap…"), self.view)
        self.compare_action = act(translate("Stages", "Ba&ndingkan tahap…"), self.compare)
        self.notes_action = act(translate("Stages", "&Catatan verifikasi"), self.show_notes)
        self.perubahan_action = act(translate("Stages", "Mulai &Perubahan Renja"), self.start_perubahan)
        self.rollover_action = act(translate("Stages", "&Renja tahun berikutnya…"), self.rollover)
        self.renstra_import_action = act(translate("Stages", "&Impor Renstra…"), self.import_renstra)
        self.renstra_check_action = act(translate("Stages", "Periksa Rens&tra…"), self.check_renstra)
        return [self.freeze_action, self.view_action, self.compare_action, self.notes_action, None,
                self.perubahan_action, None, self.rollover_action, None, self.renstra_import_action,
                self.renstra_check_action]

    @property
    def doc(self):
        return self.window.doc

    def _ready(self) -> bool:
        if self.doc is None:
            texts.show_info(self.window, translate("Stages", "Tahap"), translate("Stages", "Buka dahulu sebuah dokumen Renja."))
            return False
        return True

    def _stage_name(self, title: str) -> str | None:
        names = [s.nama for s in stages.list_stages(self.doc)]
        if not names:
            texts.show_info(self.window, title, translate("Stages", "Belum ada tahap yang dibekukan (Tahap ▸ Bekukan tahap…)."))
            return None
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getItem(self.window, title, translate("Stages", "Tahap:"), names, len(names) - 1, False)
        return name if ok else None

    def freeze(self, nama: str | None = None, oleh: str | None = None, keterangan: str = "") -> str | None:
        if not self._ready():
            return None
        if nama is None:
            dialog = FreezeDialog(self.window, self.doc)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            nama, oleh, keterangan = dialog.name.currentText(), dialog.oleh.text(), dialog.keterangan.text()
        with _busy():
            message = self.window.editor.execute(stages.FreezeStage(
                nama, oleh if oleh is not None else stages.current_user(), keterangan))
        if message:
            texts.show_error(self.window, translate("Stages", "Bekukan tahap"), message)
        return message

    def view(self, nama: str | None = None) -> StageViewDialog | None:
        if not self._ready():
            return None
        nama = nama or self._stage_name(translate("Stages", "Lihat tahap"))
        if not nama:
            return None
        dialog = StageViewDialog(self.window, self.doc, nama)
        dialog.show()
        return dialog

    def compare(self) -> CompareDialog | None:
        if not self._ready():
            return None
        dialog = CompareDialog(self.window, self.doc)
        dialog.show()
        return dialog

    def show_notes(self) -> NotesPanel | None:
        if not self._ready():
            return None
        if self.notes_dock is None:
            self.notes_dock = QDockWidget(translate("Stages", "Catatan verifikasi"), self.window)
            self.notes_dock.setObjectName("notesDock")
            self.panel = NotesPanel(self.window)
            self.notes_dock.setWidget(self.panel)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.notes_dock)
            findings = getattr(self.window, "findings_dock", None)
            if findings is not None:  # a tab next to the findings: the whole width for the notes
                self.window.tabifyDockWidget(findings, self.notes_dock)
        self.panel.reload_stages()
        self.notes_dock.show()
        self.notes_dock.raise_()
        return self.panel

    def start_perubahan(self, ask: bool = True, within_edit: bool = False) -> str | None:
        if not self._ready():
            return None
        if not stages.is_locked(self.doc):
            texts.show_info(self.window, translate("Stages", "Perubahan Renja"),
                            translate("Stages", "Dokumen belum ditetapkan: suntingan sudah diperbolehkan."))
            return None
        name = stages.next_default_name(self.doc)
        if ask and not texts.ask_yes_no(
                self.window, translate("Stages", "Perubahan Renja"),
                translate("Stages", "Dokumen sudah ditetapkan. Mulai %1 untuk menyuntingnya?").replace("%1", name),
                translate("Stages", "Tahap Penetapan tetap tersimpan apa adanya; bekukan %1 setelah selesai.").replace("%1", name)):
            return None
        if within_edit:  # part of the edit being made (undoing that edit locks the document again)
            return stages.start_perubahan(self.doc)
        applied, message = self.window.editor.run(stages.StartPerubahan(), translate("Stages", "Mulai %1").replace("%1", name))
        if message:
            texts.show_error(self.window, translate("Stages", "Perubahan Renja"), message)
            return None
        return applied.result

    def guard(self) -> bool:
        """Asked before an edit of a fixed document (``doc.edit_guard``)."""
        return self.start_perubahan(ask=True, within_edit=True) is not None

    def rollover(self) -> RolloverWizard | None:
        if not self._ready():
            return None
        wizard = RolloverWizard(self.window, self.doc)
        wizard.show()
        return wizard

    def import_renstra(self, path: str | None = None) -> str | None:
        if not self._ready():
            return None
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.window, translate("Stages", "Impor Renstra"), str(self.doc.path.parent),
                                                  translate("Stages", "Tabel (*.xlsx *.csv *.tsv *.txt)"))
            if not path:
                return None
        applied, message = self.window.editor.run(renstra_mod.ImportRenstra(path), translate("Stages", "Impor Renstra"))
        if message:
            texts.show_error(self.window, translate("Stages", "Impor Renstra"), message)
            return message
        r = applied.result
        texts.show_info(self.window, translate("Stages", "Impor Renstra"),
                        translate("Stages", "Renstra %1-%2 diimpor: %3 baris; Tabel 2.1 kolom 5 diisi pada %4 baris.")
                        .replace("%1", str(min(r.years))).replace("%2", str(max(r.years)))
                        .replace("%3", str(r.rows)).replace("%4", str(r.tabel21_filled)))
        return None

    def check_renstra(self) -> RenstraCheckDialog | None:
        if not self._ready():
            return None
        try:
            dialog = RenstraCheckDialog(self.window, self.doc)
        except EditError as exc:
            texts.show_error(self.window, translate("Stages", "Pemeriksaan Renstra"), str(exc))
            return None
        dialog.show()
        return dialog

    def on_change(self, change) -> None:
        if change.table in ("stages", "reset") and self.panel is not None:
            self.panel.reload_stages()


def install_menu(window: "MainWindow", bar) -> StageMenu:
    """Add the Tahap menu to the window's menu bar (called when the menus are built)."""
    menu = getattr(window, "stage_menu", None) or StageMenu(window)
    window.stage_menu = menu
    m = bar.addMenu(translate("Stages", "Taha&p"))
    for action in menu.actions():
        if action is None:
            m.addSeparator()
        else:
            m.addAction(action)
    return menu


def attach(window: "MainWindow", doc) -> None:
    """A document was opened in the window: ask before editing a fixed one; keep the notes fresh."""
    menu = getattr(window, "stage_menu", None)
    if menu is None:
        return
    doc.edit_guard = menu.guard
    doc.add_listener(menu.on_change)
    if menu.panel is not None:
        menu.panel.reload_stages()
