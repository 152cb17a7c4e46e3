"""Cetak: choose tables, paper and options; preview the pages; print, save the PDF, export Excel.

The PDF comes from :func:`renja_desktop.reports.render_pdf` (the same file the command line
writes). Rendering and exporting run in a worker thread with a progress bar and a Batal button
(the report module's progress callback returns ``False`` to cancel). The preview shows one page
at a time, rasterised with pypdfium2 on demand, so a 1.500-page document previews as fast as a
short one. Printing draws the same page images on a :class:`QPrinter` page by page, cancellable
too.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QObject, QRect, QSizeF, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget,
)

from ..reports import (
    PAPERS_MM, TABLE_ORDER, RenderCancelled, ReportError, ReportOptions, render_pdf,
)
from .. import registry
from ..reports.fonts import FontMissingError
from .settings import settings
from .texts import show_error

ProgressFn = Callable[[float, str], bool]

PAPER_LABELS = {
    "F4": "F4/Folio (215 × 330 mm)",
    "A4": "A4 (210 × 297 mm)",
    "Legal": "Legal (216 × 356 mm)",
}
#: preview zoom choices: None fits the page width
ZOOMS = [None, 0.5, 0.75, 1.0, 1.5, 2.0]
PRINT_DPI = 300


class _Worker(QObject):
    """Runs one job (render or export) off the GUI thread; cancellable between progress steps."""

    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Callable[[ProgressFn], Any]):
        super().__init__()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, fraction: float, message: str) -> bool:
        self.progress.emit(fraction, message)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except RenderCancelled:
            self.cancelled.emit()
        except (ReportError, FontMissingError) as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(f"{exc.strerror or exc} ({exc.filename or ''})".strip())
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a silent crash
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.done.emit(result)


class PrintDialog(QDialog):
    """The Cetak dialog for one open document (``doc``: a :class:`RenjaDocument`)."""

    #: emitted after a job ends: 'preview', 'pdf', 'excel' or 'print', and True when it succeeded
    jobFinished = Signal(str, bool)

    def __init__(self, doc, parent: QWidget | None = None, mode: str = "tables"):
        super().__init__(parent)
        self.doc = doc
        self._initial_mode = mode
        self.setWindowTitle(self.tr("Cetak Tabel Lampiran"))
        self.resize(1180, 760)
        self._tmp = tempfile.TemporaryDirectory(prefix="renja-cetak-")
        self._serial = 0
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._job_kind = ""
        self._after_job: Callable[[], None] | None = None
        self._preview_path: Path | None = None
        self._preview_key: tuple | None = None
        self._pdf: pdfium.PdfDocument | None = None
        self._page = 0
        self._pending_preview = False
        self._printing = False
        self._cancel_print = False
        self._build()
        self._load_settings()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.refresh_preview)
        self._connect_changes()
        self._update_enabled()
        QTimer.singleShot(0, self.refresh_preview)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        side = QVBoxLayout()
        outer.addLayout(side, 0)

        what = QGroupBox(self.tr("Yang dicetak"))
        wl = QFormLayout(what)
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("Tabel lampiran"), "tables")
        self.mode_combo.addItem(self.tr("Dokumen lengkap (PDF)"), "document_pdf")
        self.mode_combo.addItem(self.tr("Dokumen lengkap (Word)"), "document_docx")
        wl.addRow(self.tr("Isi"), self.mode_combo)
        self.text_paper_combo = QComboBox()
        for key in ("A4", "F4"):
            self.text_paper_combo.addItem(PAPER_LABELS[key] + " " + self.tr("tegak"), key)
        wl.addRow(self.tr("Kertas halaman teks"), self.text_paper_combo)
        side.addWidget(what)

        tables = QGroupBox(self.tr("Tabel"))
        self.tables_group = tables
        tl = QVBoxLayout(tables)
        self.table_checks: dict[str, QCheckBox] = {}
        for t in TABLE_ORDER:
            box = QCheckBox(self.tr("Tabel %1  %2").replace("%1", t).replace("%2", registry.table_title(t)))
            box.setChecked(True)
            tl.addWidget(box)
            self.table_checks[t] = box
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Semua"))
        self.none_button = QPushButton(self.tr("Kosongkan"))
        self.all_button.clicked.connect(lambda: self._set_all(True))
        self.none_button.clicked.connect(lambda: self._set_all(False))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        tl.addLayout(row)
        side.addWidget(tables)

        paper = QGroupBox(self.tr("Kertas dan huruf"))
        form = QFormLayout(paper)
        self.paper_combo = QComboBox()
        for key in PAPERS_MM:
            self.paper_combo.addItem(PAPER_LABELS[key] + " " + self.tr("melintang"), key)
        form.addRow(self.tr("Ukuran kertas"), self.paper_combo)
        self.font_spin = QDoubleSpinBox()
        self.font_spin.setRange(4.5, 14.0)
        self.font_spin.setSingleStep(0.5)
        self.font_spin.setDecimals(1)
        self.font_spin.setSuffix(" pt")
        self.font_spin.setSpecialValueText(self.tr("Menurut tabel"))
        self.font_spin.setValue(4.5)
        form.addRow(self.tr("Ukuran huruf"), self.font_spin)
        margins = QGridLayout()
        self.margin_spins: dict[str, QDoubleSpinBox] = {}
        defaults = ReportOptions()
        for i, (key, label) in enumerate((("top", self.tr("Atas")), ("bottom", self.tr("Bawah")),
                                          ("left", self.tr("Kiri")), ("right", self.tr("Kanan")))):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 60.0)
            spin.setDecimals(0)
            spin.setSuffix(" mm")
            spin.setValue(getattr(defaults, f"margin_{key}"))
            self.margin_spins[key] = spin
            margins.addWidget(QLabel(label), i // 2, (i % 2) * 2)
            margins.addWidget(spin, i // 2, (i % 2) * 2 + 1)
        form.addRow(self.tr("Margin"), margins)
        side.addWidget(paper)

        self.paper_group = paper
        opts = QGroupBox(self.tr("Pilihan"))
        self.options_group = opts
        ol = QVBoxLayout(opts)
        self.thousands_check = QCheckBox(self.tr("Rupiah dalam ribuan (Rp.000)"))
        self.cover_check = QCheckBox(self.tr("Dengan halaman sampul"))
        self.lengkap_check = QCheckBox(self.tr("Tabel 2.1 lengkap (kolom triwulan I-IV dan keterangan)"))
        for w in (self.thousands_check, self.cover_check, self.lengkap_check):
            ol.addWidget(w)
        side.addWidget(opts)
        side.addStretch(1)

        actions = QGridLayout()
        self.preview_button = QPushButton(self.tr("Perbarui pratinjau"))
        self.print_button = QPushButton(self.tr("Cetak ke printer…"))
        self.save_pdf_button = QPushButton(self.tr("Simpan PDF…"))
        self.export_button = QPushButton(self.tr("Ekspor Excel…"))
        self.close_button = QPushButton(self.tr("Tutup"))
        self.preview_button.clicked.connect(self.refresh_preview)
        self.print_button.clicked.connect(self.print_clicked)
        self.save_pdf_button.clicked.connect(self.save_pdf_clicked)
        self.export_button.clicked.connect(self.export_clicked)
        self.close_button.clicked.connect(self.reject)
        actions.addWidget(self.preview_button, 0, 0)
        actions.addWidget(self.print_button, 0, 1)
        actions.addWidget(self.save_pdf_button, 1, 0)
        actions.addWidget(self.export_button, 1, 1)
        actions.addWidget(self.close_button, 2, 1)
        side.addLayout(actions)

        # preview
        right = QVBoxLayout()
        outer.addLayout(right, 1)
        nav = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Sebelumnya"))
        self.next_button = QPushButton(self.tr("Berikutnya ▶"))
        self.page_spin = QSpinBox()
        self.page_spin.setRange(1, 1)
        self.page_label = QLabel(self.tr("dari %1").replace("%1", "0"))
        self.zoom_combo = QComboBox()
        for z in ZOOMS:
            self.zoom_combo.addItem(self.tr("Selebar jendela") if z is None else f"{int(z * 100)}%", z)
        self.prev_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self.page_spin.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.zoom_combo.currentIndexChanged.connect(lambda _: self.show_page(self._page))
        nav.addWidget(self.prev_button)
        nav.addWidget(QLabel(self.tr("Halaman")))
        nav.addWidget(self.page_spin)
        nav.addWidget(self.page_label)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(QLabel(self.tr("Perbesaran")))
        nav.addWidget(self.zoom_combo)
        right.addLayout(nav)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setBackgroundRole(self.scroll.backgroundRole())
        self.preview_label = QLabel(self.tr("Menyiapkan pratinjau…"))
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll.setWidget(self.preview_label)
        right.addWidget(self.scroll, 1)
        status = QHBoxLayout()
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat("%p%")
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_job)
        status.addWidget(self.status_label, 1)
        status.addWidget(self.progress_bar)
        status.addWidget(self.cancel_button)
        right.addLayout(status)
        self._update_nav()

    def _connect_changes(self) -> None:
        self.mode_combo.currentIndexChanged.connect(self._options_changed)
        self.text_paper_combo.currentIndexChanged.connect(self._options_changed)
        for box in self.table_checks.values():
            box.toggled.connect(self._options_changed)
        self.paper_combo.currentIndexChanged.connect(self._options_changed)
        self.font_spin.valueChanged.connect(self._options_changed)
        for spin in self.margin_spins.values():
            spin.valueChanged.connect(self._options_changed)
        for box in (self.thousands_check, self.cover_check, self.lengkap_check):
            box.toggled.connect(self._options_changed)

    def _set_all(self, on: bool) -> None:
        for box in self.table_checks.values():
            box.setChecked(on)

    # ------------------------------------------------------------------ options
    def mode(self) -> str:
        """'tables' (the appendices), 'document_pdf' or 'document_docx' (the whole document)."""
        return self.mode_combo.currentData()

    def is_document(self) -> bool:
        return self.mode() != "tables"

    def document_options(self):
        from ..reports.document_pdf import DocumentOptions

        return DocumentOptions(paper=self.text_paper_combo.currentData(), tables_paper=self.paper_combo.currentData())

    def _render(self, path: Path, progress: ProgressFn):
        """The PDF of what is chosen: the appendix tables or the whole document."""
        if self.is_document():
            from ..reports.document_pdf import render_document_pdf

            return render_document_pdf(self.doc, path, self.document_options(), progress)
        return render_pdf(self.doc, path, self.selected_tables(), self.options(), progress)

    def selected_tables(self) -> list[str]:
        return [t for t, box in self.table_checks.items() if box.isChecked()]

    def options(self) -> ReportOptions:
        font = self.font_spin.value()
        return ReportOptions(
            paper=self.paper_combo.currentData(),
            margin_top=self.margin_spins["top"].value(),
            margin_bottom=self.margin_spins["bottom"].value(),
            margin_left=self.margin_spins["left"].value(),
            margin_right=self.margin_spins["right"].value(),
            font_size=None if font <= self.font_spin.minimum() else font,
            thousands=self.thousands_check.isChecked(),
            cover=self.cover_check.isChecked(),
            tabel21_lengkap=True if self.lengkap_check.isChecked() else None,
        )

    def _key(self) -> tuple:
        o = self.options()
        if self.is_document():
            return ("document", self.text_paper_combo.currentData(), o.paper)
        return (tuple(self.selected_tables()), o.paper, o.margin_top, o.margin_bottom, o.margin_left,
                o.margin_right, o.font_size, o.thousands, o.cover, o.tabel21_lengkap)

    def _options_changed(self, *_: Any) -> None:
        self._save_settings()
        if not self._update_enabled():
            self._set_status(self.tr("Pilih sekurang-kurangnya satu tabel."), error=True)
            return
        self._debounce.start()

    def _update_enabled(self) -> bool:
        """Widgets that apply to the chosen kind of print enabled; False when nothing is chosen."""
        document = self.is_document()
        self.setWindowTitle(self.tr("Cetak Dokumen Lengkap") if document else self.tr("Cetak Tabel Lampiran"))
        has_tables = bool(self.selected_tables()) or document
        self.tables_group.setEnabled(not document)
        self.options_group.setEnabled(not document)
        self.font_spin.setEnabled(not document)
        for spin in self.margin_spins.values():
            spin.setEnabled(not document)
        self.text_paper_combo.setEnabled(document)
        self.export_button.setText(self.tr("Simpan Word…") if self.mode() == "document_docx"
                                   else self.tr("Ekspor Excel…"))
        for button in (self.print_button, self.save_pdf_button, self.export_button, self.preview_button):
            button.setEnabled(has_tables and not self._printing)
        if self.mode() == "document_pdf":
            self.export_button.setEnabled(False)
        return has_tables

    def _load_settings(self) -> None:
        s = settings()
        paper = str(s.value("cetak/kertas", "F4"))
        index = self.paper_combo.findData(paper)
        if index >= 0:
            self.paper_combo.setCurrentIndex(index)
        try:
            self.font_spin.setValue(float(s.value("cetak/huruf", self.font_spin.minimum())))
            for key, spin in self.margin_spins.items():
                spin.setValue(float(s.value(f"cetak/margin_{key}", spin.value())))
        except (TypeError, ValueError):
            pass
        self.thousands_check.setChecked(str(s.value("cetak/ribuan", "false")) == "true")
        self.cover_check.setChecked(str(s.value("cetak/sampul", "false")) == "true")
        index = self.text_paper_combo.findData(str(s.value("cetak/kertas_teks", "A4")))
        if index >= 0:
            self.text_paper_combo.setCurrentIndex(index)
        index = self.mode_combo.findData(self._initial_mode)
        if index >= 0:
            self.mode_combo.setCurrentIndex(index)

    def _save_settings(self) -> None:
        s = settings()
        s.setValue("cetak/kertas", self.paper_combo.currentData())
        s.setValue("cetak/huruf", self.font_spin.value())
        for key, spin in self.margin_spins.items():
            s.setValue(f"cetak/margin_{key}", spin.value())
        s.setValue("cetak/ribuan", "true" if self.thousands_check.isChecked() else "false")
        s.setValue("cetak/sampul", "true" if self.cover_check.isChecked() else "false")
        s.setValue("cetak/kertas_teks", self.text_paper_combo.currentData())
        s.sync()

    # ------------------------------------------------------------------ jobs
    def is_busy(self) -> bool:
        return self._worker is not None or self._printing

    def _start(self, kind: str, job: Callable[[ProgressFn], Any],
               on_done: Callable[[Any], None]) -> None:
        self._job_kind = kind
        self._on_done = on_done
        self.progress_bar.setValue(0)
        self.cancel_button.setEnabled(True)
        thread = QThread(self)
        worker = _Worker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_worker_done)
        worker.failed.connect(self._on_worker_failed)
        worker.cancelled.connect(self._on_worker_cancelled)
        for sig in (worker.done, worker.failed, worker.cancelled):
            sig.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(int(fraction * 1000))
        self._set_status(message)

    def cancel_job(self) -> None:
        """Batal: stop the running render/export (or the printing) at its next step."""
        self._pending_preview = False
        self._after_job = None
        if self._worker is not None:
            self._worker.cancel()
            self._set_status(self.tr("Membatalkan…"))
        if self._printing:
            self._cancel_print = True

    @Slot(object)
    def _on_worker_done(self, result: Any) -> None:
        kind = self._job_kind
        try:
            self._on_done(result)
        finally:
            self._finished_kind = (kind, True)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self._finished_kind = (self._job_kind, False)
        self._after_job = None
        self._set_status(message, error=True)
        if self._job_kind != "preview":
            show_error(self, self.tr("Gagal"), message)

    @Slot()
    def _on_worker_cancelled(self) -> None:
        self._finished_kind = (self._job_kind, False)
        self._after_job = None
        self.progress_bar.setValue(0)
        self._set_status(self.tr("Dibatalkan."))

    @Slot()
    def _on_thread_finished(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.deleteLater()
        if thread is not None:
            thread.deleteLater()
        self.cancel_button.setEnabled(False)
        kind, ok = getattr(self, "_finished_kind", (self._job_kind, False))
        self.jobFinished.emit(kind, ok)
        after, self._after_job = self._after_job, None
        if after is not None:
            after()
        elif self._pending_preview:
            self._pending_preview = False
            self.refresh_preview()

    # ------------------------------------------------------------------ preview
    def refresh_preview(self) -> None:
        tables = self.selected_tables()
        if not tables and not self.is_document():
            return
        if self._worker is not None:
            # one job at a time: redo the preview when the running job ends (a stale preview
            # render is stopped at once)
            self._pending_preview = True
            if self._job_kind == "preview":
                self._worker.cancel()
            return
        key = self._key()
        if key == self._preview_key and self._preview_path is not None:
            return
        self._serial += 1
        out = Path(self._tmp.name) / f"pratinjau_{self._serial}.pdf"
        render = self._render

        def job(progress: ProgressFn):
            return render(out, progress)

        def done(result) -> None:
            self._close_pdf()
            old = self._preview_path
            self._preview_path = result.path
            self._preview_key = key
            if old is not None and old != result.path:
                old.unlink(missing_ok=True)
            self._pdf = pdfium.PdfDocument(str(result.path))
            self._set_status(self.tr("Pratinjau siap: %1 halaman.").replace("%1", str(result.pages)))
            self.progress_bar.setValue(1000)
            self.show_page(min(self._page, len(self._pdf) - 1))

        self._set_status(self.tr("Menyusun pratinjau…"))
        self._start("preview", job, done)

    def _close_pdf(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def page_count(self) -> int:
        return len(self._pdf) if self._pdf is not None else 0

    def current_page(self) -> int:
        return self._page

    def preview_path(self) -> Path | None:
        return self._preview_path

    def page_image(self, index: int, scale: float) -> QImage:
        """One page of the current preview PDF as an image (``scale`` pixels per point)."""
        if self._pdf is None:
            raise RuntimeError("belum ada pratinjau")
        page = self._pdf[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888).copy()
        finally:
            page.close()
        return image

    def show_page(self, index: int) -> None:
        count = self.page_count()
        if count == 0:
            self._update_nav()
            return
        index = max(0, min(index, count - 1))
        self._page = index
        zoom = self.zoom_combo.currentData()
        page = self._pdf[index]
        width_pt, _ = page.get_size()
        page.close()
        if zoom is None:
            available = max(200, self.scroll.viewport().width() - 24)
            scale = available / width_pt
        else:
            scale = zoom * (self.logicalDpiX() / 72.0)
        image = self.page_image(index, scale)
        self.preview_label.setPixmap(QPixmap.fromImage(image))
        self.preview_label.resize(image.size())
        self._update_nav()

    def _update_nav(self) -> None:
        count = self.page_count()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(1, count))
        self.page_spin.setValue(self._page + 1 if count else 1)
        self.page_spin.blockSignals(False)
        self.page_label.setText(self.tr("dari %1").replace("%1", str(count)))
        self.prev_button.setEnabled(count > 0 and self._page > 0)
        self.next_button.setEnabled(count > 0 and self._page < count - 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self._pdf is not None and self.zoom_combo.currentData() is None:
            QTimer.singleShot(0, lambda: self.show_page(self._page))

    # ------------------------------------------------------------------ save PDF / Excel
    def save_pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), str(self._suggested_name(".pdf")), self.tr("Berkas PDF (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Write the PDF to ``path``: the previewed file when it is current, else a fresh render."""
        path = Path(path)
        if self._worker is not None:
            self._after_job = lambda: self.save_pdf(path)
            if self._job_kind == "preview":
                return
            return
        if self._preview_key == self._key() and self._preview_path is not None:
            try:
                tmp = path.with_name(path.name + ".sementara")
                shutil.copyfile(self._preview_path, tmp)
                tmp.replace(path)
            except OSError as exc:
                message = self.tr("PDF tidak dapat disimpan ke %1: %2").replace("%1", str(path)).replace(
                    "%2", exc.strerror or str(exc))
                self._set_status(message, error=True)
                show_error(self, self.tr("Gagal"), message)
                self.jobFinished.emit("pdf", False)
                return
            self._set_status(self.tr("PDF disimpan: %1").replace("%1", str(path)))
            self.jobFinished.emit("pdf", True)
            return
        render = self._render

        def job(progress: ProgressFn):
            return render(path, progress)

        def done(result) -> None:
            self._set_status(self.tr("PDF disimpan: %1 (%2 halaman)").replace("%1", str(result.path))
                             .replace("%2", str(result.pages)))
            self.progress_bar.setValue(1000)

        self._start("pdf", job, done)

    def export_clicked(self) -> None:
        if self.mode() == "document_docx":
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan dokumen Word"), str(self._suggested_name(".docx")),
                self.tr("Dokumen Word (*.docx)"))
            if path:
                if not path.lower().endswith(".docx"):
                    path += ".docx"
                self.save_docx(Path(path))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor Excel"), str(self._suggested_name(".xlsx")),
            self.tr("Buku kerja Excel (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_excel(Path(path))

    def export_excel(self, path: Path) -> None:
        from ..reports.excel import export_xlsx

        path = Path(path)
        if self._worker is not None:
            self._after_job = lambda: self.export_excel(path)
            return
        tables, options, doc = self.selected_tables(), self.options(), self.doc

        def job(progress: ProgressFn):
            return export_xlsx(doc, path, tables, options, progress)

        def done(result) -> None:
            self._set_status(self.tr("Excel disimpan: %1").replace("%1", str(result.path)))
            self.progress_bar.setValue(1000)

        self._start("excel", job, done)

    def save_docx(self, path: Path) -> None:
        """Write the whole document as Word (.docx) to ``path``."""
        from ..reports.document_docx import render_document_docx

        path = Path(path)
        if self._worker is not None:
            self._after_job = lambda: self.save_docx(path)
            return
        doc, options = self.doc, self.document_options()

        def job(progress: ProgressFn):
            return render_document_docx(doc, path, options, progress)

        def done(result) -> None:
            self._set_status(self.tr("Dokumen Word disimpan: %1").replace("%1", str(result.path)))
            self.progress_bar.setValue(1000)

        self._start("docx", job, done)

    def _suggested_name(self, suffix: str) -> Path:
        info = self.doc.info
        if self.is_document():
            who = (info.get("opd_singkat") or info.get("opd") or "Renja").replace(" ", "_")
            return Path(self.doc.path).with_name(f"Renja_{who}_{info['tahun']}{suffix}")
        tables = self.selected_tables()
        which = "Lampiran" if len(tables) > 1 else f"Tabel_{tables[0].replace('.', '_')}" if tables else "Tabel"
        who = (info.get("opd_singkat") or info.get("opd") or "Renja").replace(" ", "_")
        return Path(self.doc.path).with_name(f"{which}_{who}_{info['tahun']}{suffix}")

    # ------------------------------------------------------------------ printing
    def make_printer(self, printer: QPrinter | None = None) -> QPrinter:
        """A printer set to the chosen paper, landscape, the whole sheet (our PDF has the margins)."""
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        paper = self.options().paper
        short, long = PAPERS_MM[paper]
        if paper == "A4":
            size = QPageSize(QPageSize.PageSizeId.A4)
        elif paper == "Legal":
            size = QPageSize(QPageSize.PageSizeId.Legal)
        else:
            size = QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter, "F4 / Folio")
        orientation = QPageLayout.Orientation.Landscape
        if self.is_document():  # text pages portrait on the text paper; table pages turn per page
            paper = self.text_paper_combo.currentData()
            short, long = PAPERS_MM[paper]
            size = QPageSize(QPageSize.PageSizeId.A4) if paper == "A4" else \
                QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter, "F4 / Folio")
            orientation = QPageLayout.Orientation.Portrait
        layout = QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))
        printer.setPageLayout(layout)
        printer.setFullPage(True)
        printer.setDocName(self._suggested_name(".pdf").stem)
        return printer

    def print_clicked(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak ke printer"))
        if self.page_count():
            dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_document(printer)

    def print_document(self, printer: QPrinter) -> None:
        """Print the (current) preview pages on ``printer``; renders first if the preview is stale."""
        if self._worker is not None or self._preview_key != self._key() or self._preview_path is None:
            self._after_job = lambda: self.print_document(printer)
            if self._worker is None:
                self.refresh_preview()
            elif self._job_kind == "preview":
                pass
            return
        self._print_pages(printer)

    def _print_pages(self, printer: QPrinter) -> None:
        count = self.page_count()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(0, printer.fromPage() - 1)
            last = min(count - 1, printer.toPage() - 1)
        dpi = min(printer.resolution(), PRINT_DPI)
        turn = self.is_document()  # mixed portrait text and landscape table pages

        def orient(index: int) -> None:
            if turn and self._pdf is not None:
                w, h = self._pdf[index].get_size()
                printer.setPageOrientation(QPageLayout.Orientation.Landscape if w > h
                                           else QPageLayout.Orientation.Portrait)

        orient(first)
        painter = QPainter()
        if not painter.begin(printer):
            message = self.tr("Printer tidak dapat dibuka.")
            self._set_status(message, error=True)
            show_error(self, self.tr("Gagal"), message)
            self.jobFinished.emit("print", False)
            return
        self._printing = True
        self._cancel_print = False
        self.cancel_button.setEnabled(True)
        ok = True
        try:
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            for i in range(first, last + 1):
                if self._cancel_print:
                    ok = False
                    break
                if i > first:
                    orient(i)
                    printer.newPage()
                    target = printer.pageLayout().fullRectPixels(printer.resolution())
                image = self.page_image(i, dpi / 72.0)
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                x = target.x() + (target.width() - scaled.width()) // 2
                y = target.y() + (target.height() - scaled.height()) // 2
                painter.drawImage(QRect(x, y, scaled.width(), scaled.height()), image)
                done = i - first + 1
                self.progress_bar.setValue(int(done / (last - first + 1) * 1000))
                self._set_status(self.tr("Mencetak halaman %1 dari %2").replace("%1", str(done))
                                 .replace("%2", str(last - first + 1)))
                QApplication.processEvents()
        finally:
            painter.end()
            self._printing = False
            self.cancel_button.setEnabled(False)
        if ok:
            self._set_status(self.tr("Terkirim ke printer: %1 halaman.").replace("%1", str(last - first + 1)))
        else:
            self._set_status(self.tr("Pencetakan dibatalkan."))
        self.jobFinished.emit("print", ok)

    # ------------------------------------------------------------------ misc
    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if error else "")

    def done(self, result: int) -> None:  # noqa: D401 - QDialog API
        if self._worker is not None:
            self._worker.cancel()
            if self._thread is not None:
                self._thread.wait(30_000)
        self._cancel_print = True
        self._close_pdf()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._close_pdf()
        super().closeEvent(event)
