"""Dialogs of the flash-drive exchange: a locked file, compare and merge, backups, consolidation.

They only show and ask; the work is done by :mod:`renja_desktop.exchange` (no Qt there):

* :class:`LockedFileDialog` / :func:`ask_locked` -- "dibuka oleh ... sejak ...": open read-only,
  take over (a stale lock, or deliberately), or cancel. Call ``open_for_editing`` again with the
  answer.
* :class:`MergeDialog` -- the differences of two copies (what each side changed, applied
  automatically) and the conflicts, each with its own choice ("milik saya" / "milik mereka");
  "Gabungkan" writes the result through a callback (e.g. ``WorkSession.write_merged``). With
  ``compare_only`` it is the read-only "Bandingkan" view.
* :class:`BackupsDialog` -- the automatic backups of a document; restore one as a new file, or
  compare it with the document.
* :class:`ConsolidateDialog` -- Bappeda's gathering of many agencies' Renja into a city view.

Texts go through ``self.tr()`` with Indonesian source text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from .. import i18n
from ..errors import message
from ..exchange.errors import ExchangeError
from ..exchange.lock import FileLocked
from ..storage import DocumentFileError

READONLY, TAKEOVER = "readonly", "takeover"
MINE, THEIRS = "mine", "theirs"
OTHER = {MINE: THEIRS, THEIRS: MINE}
CONFLICT_BG = QColor("#fff4e5")


def _bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def _wrap(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# ============================================================================ a locked file
class LockedFileDialog(QDialog):
    """The file is open elsewhere: who and since when; read-only, take over, or cancel.

    ``choice`` is :data:`READONLY`, :data:`TAKEOVER` or ``None`` after the dialog closes.
    """

    def __init__(self, parent: QWidget | None, error: FileLocked):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Berkas sedang dibuka"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        info = error.info
        if info is not None:
            head = self.tr("Berkas ini sedang dibuka oleh %1 di komputer %2 sejak %3.")
            head = head.replace("%1", info.user).replace("%2", info.host).replace("%3", info.since_local())
        else:
            head = self.tr("Berkas ini terkunci, tetapi keterangan kuncinya tidak terbaca.")
        layout.addWidget(_bold(_wrap(head)))
        if error.stale:
            advice = self.tr("Aplikasi yang membukanya tampaknya sudah tertutup (mis. listrik padam atau "
                             "komputer macet). Anda dapat mengambil alih kuncinya dan menyunting berkas ini.")
        else:
            advice = self.tr("Bila Anda juga menyuntingnya, perubahan dari dua tempat akan saling menimpa. "
                             "Bukalah hanya-baca, atau tunggu sampai berkas ditutup di sana.")
        self.advice = _wrap(advice)
        layout.addWidget(self.advice)
        buttons = QDialogButtonBox()
        self.readonly_button = buttons.addButton(self.tr("Buka &hanya-baca"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.takeover_button = buttons.addButton(self.tr("&Ambil alih kunci"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        if error.stale:
            self.takeover_button.setDefault(True)
        else:
            self.readonly_button.setDefault(True)
            self.takeover_button.setToolTip(self.tr("Hanya bila Anda yakin berkas itu tidak sedang disunting."))
        self.readonly_button.clicked.connect(lambda: self._done(READONLY))
        self.takeover_button.clicked.connect(lambda: self._done(TAKEOVER))
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _done(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_locked(parent: QWidget | None, error: FileLocked) -> str | None:
    """Show :class:`LockedFileDialog`; return ``'readonly'``, ``'takeover'`` or ``None``."""
    dialog = LockedFileDialog(parent, error)
    dialog.exec()
    return dialog.choice


# ============================================================================ compare and merge
class MergeDialog(QDialog):
    """The differences and conflicts of a :class:`~renja_desktop.exchange.merge.MergePlan`.

    ``write(plan, resolutions)`` (a callback) writes the merge and returns its result; it runs when
    the user presses "Gabungkan" with every conflict decided. ``result`` holds what it returned.
    """

    def __init__(self, parent: QWidget | None, plan, *, mine_label: str | None = None,
                 theirs_label: str | None = None, write: Callable | None = None, compare_only: bool = False):
        super().__init__(parent)
        self.plan = plan
        self._write = write
        self.compare_only = compare_only or write is None
        self.result = None
        self.mine_label = mine_label or self.tr("Milik saya")
        self.theirs_label = theirs_label or self.tr("Milik mereka")
        self.setWindowTitle(self.tr("Bandingkan salinan") if self.compare_only else self.tr("Gabungkan salinan"))
        self.resize(1100, 700)

        layout = QVBoxLayout(self)
        names = self.tr("%1: %2    %3: %4").replace("%1", self.mine_label).replace(
            "%2", str(plan.mine.path)).replace("%3", self.theirs_label).replace("%4", str(plan.theirs.path))
        layout.addWidget(_wrap(names))
        way = self.tr("Perbandingan tiga arah") if plan.three_way else self.tr("Perbandingan dua arah (tanpa versi dasar)")
        layout.addWidget(_wrap(f"{way}: {message(plan.base_note)}"))
        self.summary = _bold(_wrap(""))
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        # the changes applied automatically
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(_bold(QLabel(self.tr("Perubahan (diterapkan otomatis)") if not self.compare_only
                                 else self.tr("Perbedaan"))))
        self.changes = QTreeWidget()
        self.changes.setColumnCount(4)
        self.changes.setHeaderLabels([self.tr("Sisi"), self.tr("Baris"), self.tr("Perubahan"), self.tr("Rincian")])
        self.changes.setRootIsDecorated(False)
        self.changes.setAlternatingRowColors(True)
        self.changes.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.changes.header().setStretchLastSection(True)
        for col, width in enumerate((120, 420, 110, 400)):
            self.changes.setColumnWidth(col, width)
        v.addWidget(self.changes)
        splitter.addWidget(box)
        # the conflicts, each with a choice
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(_bold(QLabel(self.tr("Pertentangan (pilih untuk masing-masing)") if not self.compare_only
                                   else self.tr("Pertentangan"))))
        row.addStretch(1)
        self.all_mine = QPushButton(self.tr("Semua: %1").replace("%1", self.mine_label))
        self.all_theirs = QPushButton(self.tr("Semua: %1").replace("%1", self.theirs_label))
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        v.addLayout(row)
        self.conflicts = QTableWidget(0, 6)
        self.conflicts.setHorizontalHeaderLabels([
            self.tr("Baris"), self.tr("Isian"), self.tr("Versi dasar"), self.mine_label, self.theirs_label,
            self.tr("Pilihan")])
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.verticalHeader().setVisible(False)
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((300, 180, 130, 150, 150, 140)):
            self.conflicts.setColumnWidth(col, width)
        v.addWidget(self.conflicts)
        splitter.addWidget(box)
        layout.addWidget(splitter, 1)

        self.error = _wrap("")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        if self.compare_only:
            self.merge_button = None
            close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
            close.clicked.connect(self.reject)
            self.all_mine.hide()
            self.all_theirs.hide()
        else:
            self.merge_button = buttons.addButton(self.tr("&Gabungkan"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.merge_button.clicked.connect(self.do_merge)
            cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._combos: dict[str, QComboBox] = {}
        self._fill()

    # -- content ------------------------------------------------------------------------
    def side_text(self, side: str) -> str:
        return {MINE: self.mine_label, THEIRS: self.theirs_label, "both": self.tr("Keduanya")}.get(side, side)

    def _kind_text(self, kind: str) -> str:
        return {"added": self.tr("ditambah"), "removed": self.tr("dihapus"), "changed": self.tr("diubah"),
                "moved": self.tr("dipindah"), "only": self.tr("hanya di sisi ini"),
                "reordered": self.tr("urutan diubah")}.get(kind, kind)

    def _fill(self) -> None:
        from ..exchange.rowdata import field_name, table_text
        from ..i18n import pick

        plan = self.plan
        for ch in plan.changes:
            details = "; ".join(f"{field_name(f)}: {message(a)} → {message(b)}" for f, a, b in ch.fields if f != "*")
            table, label = pick(*table_text(ch.table)), message(ch.label)
            where = label if label.startswith(table) else f"{table}: {label}"
            item = QTreeWidgetItem([self.side_text(ch.side), where,
                                    self._kind_text(ch.kind), details])
            item.setToolTip(3, details)
            self.changes.addTopLevelItem(item)
        self.conflicts.setRowCount(len(plan.conflicts))
        for r, c in enumerate(plan.conflicts):
            if c.kind == "delete_edit" and c.deleter in (MINE, THEIRS):
                what = self.tr("dihapus di %1, tetapi diubah di %2").replace(
                    "%1", self.side_text(c.deleter)).replace("%2", self.side_text(OTHER[c.deleter]))
                if c.covers:
                    what += " " + self.tr("(termasuk %1 baris di bawahnya)").replace("%1", str(c.covers))
                if c.what:
                    what += ": " + message(c.what)
            elif c.kind == "order":
                what = self.tr("urutan baris di bawahnya")
            else:
                what = field_name(c.field)
            label, base, mine, theirs = c.cells()
            cells = [label, what, base or "–", mine, theirs]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(c.description() if col == 1 else text)
                item.setBackground(CONFLICT_BG)
                self.conflicts.setItem(r, col, item)
            combo = QComboBox()
            combo.addItem(self.tr("(pilih)"), None)
            combo.addItem(self.mine_label, MINE)
            combo.addItem(self.theirs_label, THEIRS)
            if c.newer:
                hint = self.tr("Yang lebih baru: %1").replace("%1", self.side_text(c.newer))
                combo.setToolTip(hint)
            if c.choice in (MINE, THEIRS):
                combo.setCurrentIndex(1 if c.choice == MINE else 2)
            combo.setEnabled(not self.compare_only)
            combo.currentIndexChanged.connect(self._update)
            self.conflicts.setCellWidget(r, 5, combo)
            self._combos[c.key] = combo
        self._update()

    def _update(self) -> None:
        n_changes = len(self.plan.changes)
        n_conf = len(self.plan.conflicts)
        open_ = sum(1 for combo in self._combos.values() if combo.currentData() is None)
        text = self.tr("%1 perubahan, %2 pertentangan").replace("%1", str(n_changes)).replace("%2", str(n_conf))
        if not self.compare_only and n_conf:
            text += " — " + (self.tr("%1 belum dipilih").replace("%1", str(open_)) if open_
                             else self.tr("semua sudah dipilih"))
        if not n_changes and not n_conf:
            text = self.tr("Isi kedua salinan sama.")
        self.summary.setText(text)
        if self.merge_button is not None:
            self.merge_button.setEnabled(open_ == 0)

    # -- choices --------------------------------------------------------------------------
    def choose(self, key: str, side: str) -> None:
        self._combos[key].setCurrentIndex(1 if side == MINE else 2)

    def choose_all(self, side: str) -> None:
        for key in self._combos:
            self.choose(key, side)

    def resolutions(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self._combos.items() if combo.currentData()}

    def do_merge(self) -> None:
        """Write the merge with the choices made (the dialog stays open, saying why, if it fails)."""
        if self._write is None:
            return
        try:
            self.result = self._write(self.plan, self.resolutions())
        except (ExchangeError, DocumentFileError, OSError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


# ============================================================================ backups
class BackupsDialog(QDialog):
    """The automatic backups of one document: restore one as a new file, or compare it."""

    def __init__(self, parent: QWidget | None, document_path: str | Path, entries: list | None = None):
        super().__init__(parent)
        from ..exchange.backups import list_backups

        self.document_path = Path(document_path)
        self.entries = entries if entries is not None else list_backups(self.document_path)
        self.restored: Path | None = None
        self.setWindowTitle(self.tr("Cadangan dokumen"))
        self.resize(900, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrap(self.tr("Salinan cadangan otomatis dari '%1', terbaru di atas. Cadangan dibuat sebelum "
                                       "pembaruan format, penggabungan, impor, pemulihan, dan sebelum salinan lama "
                                       "ditimpa.").replace("%1", self.document_path.name)))
        self.table = QTableWidget(len(self.entries), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Waktu"), self.tr("Alasan"), self.tr("Ukuran"), self.tr("Berkas")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((150, 300, 90, 320)):
            self.table.setColumnWidth(col, width)
        for r, e in enumerate(self.entries):
            size = f"{e.size / 1_048_576:.1f} MB".replace(".", ",")
            for col, text in enumerate((e.time_text(), e.reason_text(i18n.language()), size, e.path.name)):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, item)
        if self.entries:
            self.table.selectRow(0)
        layout.addWidget(self.table, 1)
        self.empty = _wrap(self.tr("Belum ada cadangan untuk dokumen ini."))
        self.empty.setVisible(not self.entries)
        layout.addWidget(self.empty)
        self.message = _wrap("")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("&Pulihkan sebagai berkas baru..."),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button = buttons.addButton(self.tr("&Bandingkan dengan dokumen"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(bool(self.entries))
        self.compare_button.setEnabled(bool(self.entries))
        self.restore_button.clicked.connect(self._ask_restore)
        self.compare_button.clicked.connect(self.compare_selected)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _ask_restore(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        suggested = self.document_path.with_name(f"{self.document_path.stem} (dipulihkan {entry.stamp[:8]}).sqlite")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Pulihkan cadangan sebagai"), str(suggested),
                                              self.tr("Dokumen Renja (*.sqlite)"))
        if path:
            self.restore_selected(Path(path))

    def restore_selected(self, out: Path) -> bool:
        """Restore the selected backup into the new file ``out`` (never over an existing file)."""
        from ..exchange.safecopy import restore_backup

        entry = self.selected()
        if entry is None:
            return False
        try:
            restore_backup(entry.path, out)
        except (ExchangeError, DocumentFileError, OSError) as exc:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(str(exc))
            return False
        self.restored = Path(out)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Cadangan dipulihkan ke %1 (terverifikasi).").replace("%1", str(out)))
        return True

    def compare_selected(self) -> MergeDialog | None:
        """Show how the selected backup differs from the document (read-only)."""
        from ..exchange.merge import plan_merge

        entry = self.selected()
        if entry is None:
            return None
        try:
            plan = plan_merge(self.document_path, entry.path, auto_base=False)
        except (ExchangeError, DocumentFileError, OSError) as exc:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(str(exc))
            return None
        dialog = MergeDialog(self, plan, mine_label=self.tr("Dokumen sekarang"),
                             theirs_label=self.tr("Cadangan"), compare_only=True)
        dialog.setModal(False)
        dialog.show()
        return dialog


# ============================================================================ consolidation
class ConsolidateDialog(QDialog):
    """Gather many agencies' Renja into one read-only city view (for Bappeda)."""

    def __init__(self, parent: QWidget | None = None, files: list | None = None, output: str | Path | None = None):
        super().__init__(parent)
        self.result = None
        self.setWindowTitle(self.tr("Gabungkan Renja perangkat daerah"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrap(self.tr("Pilih berkas Renja setiap perangkat daerah (tahun dan Pemda yang sama). "
                                       "Hasilnya satu tampilan kota hanya-baca dengan total per perangkat daerah "
                                       "dan per urusan.")))
        row = QHBoxLayout()
        self.files = QListWidget()
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        row.addWidget(self.files, 1)
        side = QVBoxLayout()
        add = QPushButton(self.tr("&Tambah berkas..."))
        remove = QPushButton(self.tr("&Keluarkan"))
        add.clicked.connect(self._ask_files)
        remove.clicked.connect(self.remove_selected)
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        row.addLayout(side)
        layout.addLayout(row, 1)
        out_row = QHBoxLayout()
        out_row.addWidget(QLabel(self.tr("Berkas hasil:")))
        self.output = QLineEdit(str(output) if output else "")
        self.output.setPlaceholderText(self.tr("mis. RKPD 2024.sqlite"))
        browse = QPushButton(self.tr("Pilih..."))
        browse.clicked.connect(self._ask_output)
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        layout.addLayout(out_row)
        self.skip_bad = QCheckBox(self.tr("Tetap gabungkan berkas yang baik bila ada yang ditolak"))
        layout.addWidget(self.skip_bad)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("Hasil penggabungan akan tampil di sini."))
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox()
        self.run_button = buttons.addButton(self.tr("&Gabungkan"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.run_button.clicked.connect(self.run)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for f in files or []:
            self.add_file(f)

    def add_file(self, path: str | Path) -> None:
        path = str(path)
        if path not in self.file_list():
            self.files.addItem(path)

    def file_list(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    def _ask_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Pilih berkas Renja"), "",
                                                self.tr("Dokumen Renja (*.sqlite)"))
        for p in paths:
            self.add_file(p)

    def _ask_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan gabungan sebagai"), self.output.text(),
                                              self.tr("Dokumen Renja (*.sqlite)"))
        if path:
            self.output.setText(path)

    def run(self):
        """Consolidate the listed files; the report shows totals, or which files were refused and why."""
        from ..exchange.consolidate import consolidate

        files = self.file_list()
        out = self.output.text().strip()
        if not files:
            self.report.setPlainText(self.tr("Belum ada berkas Renja yang dipilih."))
            return None
        if not out:
            self.report.setPlainText(self.tr("Tentukan dahulu berkas hasil."))
            return None
        try:
            self.result = consolidate(files, out, skip_bad=self.skip_bad.isChecked())
        except (ExchangeError, DocumentFileError, OSError) as exc:
            self.report.setPlainText(str(exc))
            return None
        lines = self.result.lines(i18n.language())
        if self.result.refused and not self.result.written:
            lines.append(self.tr("Keluarkan atau perbaiki berkas yang ditolak, atau centang pilihan di atas."))
        self.report.setPlainText("\n".join(lines))
        return self.result


__all__ = ["LockedFileDialog", "ask_locked", "MergeDialog", "BackupsDialog", "ConsolidateDialog",
           "READONLY", "TAKEOVER"]
