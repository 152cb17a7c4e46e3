"""The main window: menus, the tables as tabs, the detail and findings panels, the status bar total.

Every edit is committed to the open file at once (the service does it); the title says so, and says
whether there are changes since the document was opened or last copied (e.g. to a flash drive).

Files are opened through :func:`renja_desktop.exchange.workspace.open_for_editing` (DESIGN.md §6):
the working file is always on the local disk (a file on a flash disk or a network share is copied
to the documents folder first and "Simpan ke flash disk" writes it back), and it is locked while
open. The window keeps the :class:`WorkSession` and releases its locks when the document closes.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPainter, QUndoStack
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
    QPushButton, QSizePolicy, QStackedWidget, QTabWidget, QToolBar, QVBoxLayout, QWidget,
)

from .. import __version__
from ..formatting import format_rupiah
from ..paths import data_dir, documents_dir
from ..exchange import location
from ..exchange import lock as exchange_lock
from ..exchange.errors import CopyConflict, ExchangeError
from ..exchange.lock import FileLocked
from ..exchange.workspace import WorkSession, open_for_editing
from ..service import EditError, RenjaDocument
from . import stages_ui
from ..storage import DocumentFileError
from . import exchange_dialogs
from . import settings as app_settings
from . import texts
from . import window_geometry
from .detail_panel import DetailPanel
from .dialogs import NewDocumentDialog
from .findings_panel import FindingsPanel
from .identity_form import IdentityForm
from .pages import EvalPage, ListPage, PlanPage, Tabel23Page, TablePage, TreePage
from ..operations import ClearDeclared
from .undo import Editor

#: the Edit menu operations a page may support
OPERATIONS = ("add_child", "add_sibling", "delete", "move_up", "move_down", "copy", "paste")


class StatusText(QWidget):
    """A status-bar text that repaints only itself when it changes.

    A QLabel asks its layout to re-measure on every ``setText``; in the status bar that re-lays out
    the whole main window and repaints it after every edit (the totals change with each pagu).
    This widget keeps its width (growing only when a longer text needs it) and just repaints.
    """

    def __init__(self, parent: QWidget | None = None, bold: bool = False):
        super().__init__(parent)
        self._text = ""
        self._width = 0
        if bold:
            font = self.font()
            font.setBold(True)
            self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        needed = self.fontMetrics().horizontalAdvance(text) + 16
        if needed > self._width or not text:
            self._width = needed if text else 0
            self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._width, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect().adjusted(8, 0, -8, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), self._text)


class WelcomePage(QWidget):
    """What the window shows with no document open."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        title = QLabel(self.tr("Renja Desktop"))
        title.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f3a5f;")
        sub = QLabel(self.tr("Menyusun Rencana Kerja Perangkat Daerah secara luring: pohon program, pagu, "
                             "evaluasi, dan tabel lampiran yang siap dicetak."))
        sub.setWordWrap(True)
        sub.setStyleSheet("font-size: 11pt; color: #444;")
        layout.addWidget(title)
        layout.addWidget(sub)
        layout.addSpacing(20)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Renja baru…"), window.new_document),
                           (self.tr("Buka berkas…"), window.open_dialog),
                           (self.tr("Buka contoh (Kesbangpol Binjai 2024)"), window.open_sample)):
            b = QPushButton(text)
            b.setMinimumHeight(34)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(20)
        layout.addWidget(QLabel(self.tr("Berkas terakhir:")))
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: window.open_document(Path(item.data(Qt.ItemDataRole.UserRole))))
        layout.addWidget(self.recent, 1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in app_settings.recent_files():
            item = QListWidgetItem(f"{Path(path).name}    —    {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.doc: RenjaDocument | None = None
        self.editor: Editor | None = None
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(lambda _c: self._stack_changed(title=True))
        self.pages: dict[str, TablePage] = {}
        self.plan_page: PlanPage | None = None
        self.eval_page: EvalPage | None = None
        self.t23_page: Tabel23Page | None = None
        self.identity: IdentityForm | None = None
        self.detail: DetailPanel | None = None
        self.findings: FindingsPanel | None = None
        self._copy_target: Path | None = None
        self.session: WorkSession | None = None
        self._lock_lost_warned = False
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(exchange_lock.REFRESH_EVERY * 1000)
        self.lock_timer.timeout.connect(self.refresh_locks)

        self.central = QStackedWidget(self)
        self.setCentralWidget(self.central)
        self.welcome = WelcomePage(self)
        self.central.addWidget(self.welcome)
        self.tabs: QTabWidget | None = None

        self.detail_dock = QDockWidget(self)
        self.detail_dock.setObjectName("detailDock")
        self.detail_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)
        # only the user's own toggling is remembered (the tabs without rows hide the panel themselves)
        self.detail_dock.toggleViewAction().triggered.connect(
            lambda checked: app_settings.set_value("ui/detail", bool(checked)))
        self.findings_dock = QDockWidget(self)
        self.findings_dock.setObjectName("findingsDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)

        self.total_label = StatusText(bold=True)
        self.total_n1_label = StatusText()
        self.saved_label = QLabel()
        self.saved_label.setContentsMargins(8, 0, 8, 0)
        self.origin_label = QLabel()
        self.origin_label.setContentsMargins(8, 0, 8, 0)
        for label in (self.origin_label, self.saved_label, self.total_n1_label, self.total_label):
            self.statusBar().addPermanentWidget(label)

        self._build_actions()
        self._build_menus()
        for signal in (self.stack.canUndoChanged, self.stack.canRedoChanged, self.stack.undoTextChanged,
                       self.stack.redoTextChanged):
            signal.connect(lambda *_a: self._stack_changed())
        self._retitle_docks()
        self._restore_geometry()
        self._show_document_ui(False)
        self.update_title()
        self.update_actions()  # no document yet: its actions look disabled from the start

    # ================================================================== actions and menus
    def _action(self, text: str, slot, shortcut=None, tip: str = "", context=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if context is not None:
            action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        tabs_only = Qt.ShortcutContext.WidgetWithChildrenShortcut
        a = self.actions_ = {}
        a["new"] = self._action(self.tr("&Baru…"), self.new_document, QKeySequence.StandardKey.New,
                                self.tr("Membuat dokumen Renja baru"))
        a["open"] = self._action(self.tr("B&uka…"), self.open_dialog, QKeySequence.StandardKey.Open,
                                 self.tr("Membuka berkas Renja (.sqlite)"))
        a["sample"] = self._action(self.tr("Buka &contoh"), self.open_sample, None,
                                   self.tr("Membuka salinan baru dokumen contoh Kesbangpol Binjai 2024"))
        a["save_origin"] = self._action(self.tr("Simpan ke &flash disk"), self.save_to_origin,
                                        QKeySequence.StandardKey.Save,
                                        self.tr("Menyimpan dokumen kembali ke flash disk atau folder jaringan "
                                                "asalnya (salinan terverifikasi)"))
        a["save_copy"] = self._action(self.tr("&Simpan salinan sebagai…"), self.save_copy_as, "Ctrl+Shift+S",
                                      self.tr("Menyimpan salinan terverifikasi, mis. ke flash disk"))
        a["compare"] = self._action(self.tr("Ba&ndingkan / gabungkan dengan salinan…"), self.compare_with_copy, None,
                                    self.tr("Membandingkan dokumen ini dengan salinan lainnya (mis. dari komputer "
                                            "lain) dan menggabungkan keduanya ke berkas baru"))
        a["backups"] = self._action(self.tr("Ca&dangan…"), self.show_backups, None,
                                    self.tr("Cadangan otomatis dokumen ini: pulihkan sebagai berkas baru atau "
                                            "bandingkan"))
        a["consolidate"] = self._action(self.tr("&Gabungkan Renja perangkat daerah…"), self.consolidate, None,
                                        self.tr("Menggabungkan Renja banyak perangkat daerah menjadi satu tampilan "
                                                "kota (untuk Bappeda)"))
        a["recover"] = self._action(self.tr("Selamatkan berkas &rusak…"), self.recover_dialog, None,
                                    self.tr("Menyelamatkan isi yang masih terbaca dari berkas rusak ke berkas baru"))
        a["close"] = self._action(self.tr("&Tutup"), self.close_document, QKeySequence.StandardKey.Close,
                                  self.tr("Menutup dokumen"))
        a["import"] = self._action(self.tr("&Impor tabel…"), self.import_table, "Ctrl+I",
                                   self.tr("Mengimpor tabel Renja dari Excel (.xlsx), CSV/TSV atau teks"))
        a["catalog"] = self._action(self.tr("K&atalog nomenklatur…"), self.show_catalog, None,
                                    self.tr("Versi katalog nomenklatur: memuat versi baru dari Excel/CSV/TSV, "
                                            "memilih versi yang diikuti dokumen"))
        a["print"] = self._action(self.tr("C&etak…"), self.print_tables, QKeySequence.StandardKey.Print,
                                  self.tr("Mencetak tabel lampiran, menyimpan PDF atau mengekspor Excel"))
        a["quit"] = self._action(self.tr("&Keluar"), self.close, "Ctrl+Q")
        a["undo"] = self._action(self.tr("&Urungkan"), self.undo, QKeySequence("Ctrl+Z"))
        a["redo"] = self._action(self.tr("Ulan&gi"), self.redo, [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        # the toolbar keeps a short, fixed label; the menu item names what would be undone
        a["undo"].setIconText(a["undo"].text().replace("&", ""))
        a["redo"].setIconText(a["redo"].text().replace("&", ""))
        a["add_child"] = self._action(self.tr("Tambah &anak"), lambda: self.run_operation("add_child"),
                                      "Ctrl+Shift+Insert", self.tr("Menambah baris rincian di bawah baris terpilih"),
                                      tabs_only)
        a["add_sibling"] = self._action(self.tr("Tambah &saudara"), lambda: self.run_operation("add_sibling"),
                                        "Insert", self.tr("Menambah baris setingkat sesudah baris terpilih"), tabs_only)
        a["delete"] = self._action(self.tr("&Hapus"), lambda: self.run_operation("delete"),
                                   QKeySequence.StandardKey.Delete, self.tr("Menghapus baris terpilih beserta rinciannya"),
                                   tabs_only)
        a["move_up"] = self._action(self.tr("Pindah &naik"), lambda: self.run_operation("move_up"),
                                    "Ctrl+Shift+Up", self.tr("Memindah baris ke atas (kode mengikuti induk baru)"),
                                    tabs_only)
        a["move_down"] = self._action(self.tr("Pindah tu&run"), lambda: self.run_operation("move_down"),
                                      "Ctrl+Shift+Down", self.tr("Memindah baris ke bawah (kode mengikuti induk baru)"),
                                      tabs_only)
        a["copy"] = self._action(self.tr("Sa&lin"), lambda: self.run_operation("copy"),
                                 QKeySequence.StandardKey.Copy, self.tr("Menyalin baris terpilih beserta rinciannya"),
                                 tabs_only)
        a["paste"] = self._action(self.tr("&Tempel"), lambda: self.run_operation("paste"),
                                  QKeySequence.StandardKey.Paste,
                                  self.tr("Menempel baris yang disalin, atau baris dari Excel (dipisah tab)"), tabs_only)
        a["find"] = self._action(self.tr("&Cari…"), self.focus_search, QKeySequence.StandardKey.Find)
        a["clear_declared"] = self._action(
            self.tr("Hapus nilai tercetak hasil &impor…"), self.clear_declared,
            None, self.tr("Setelah ditinjau: pemeriksaan tidak lagi membandingkan angka tercetak dokumen asal"))
        a["expand"] = self._action(self.tr("&Bentangkan semua"), lambda: self._tree_call("expandAll"))
        a["collapse"] = self._action(self.tr("&Ciutkan ke program"), lambda: self._tree_call("collapse_to_programs"))
        a["quarters"] = self._action(self.tr("Kolom &triwulan pada Tabel 2.1"), self._toggle_quarters)
        a["quarters"].setCheckable(True)
        a["quarters"].setChecked(app_settings.value("eval/quarters", False) in (True, "true", "1"))
        a["about"] = self._action(self.tr("&Tentang Renja Desktop"), self.show_about)
        a["guide"] = self._action(self.tr("&Panduan"), self.show_guide, QKeySequence.StandardKey.HelpContents,
                                  self.tr("Panduan pemakaian Renja Desktop"))
        self.recent_menu = None
        self.language_group = QActionGroup(self)
        a["lang_id"] = QAction(self.tr("Bahasa Indonesia"), self, checkable=True)
        a["lang_en"] = QAction(self.tr("English"), self, checkable=True)
        for key, lang in (("lang_id", "id"), ("lang_en", "en")):
            a[key].setActionGroup(self.language_group)
            a[key].setChecked(app_settings.language() == lang)
            a[key].triggered.connect(lambda _c=False, lg=lang: self.set_language(lg))

    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        bar.clear()
        m = bar.addMenu(self.tr("&Berkas"))
        m.addAction(a["new"])
        m.addAction(a["open"])
        self.recent_menu = m.addMenu(self.tr("Buka terak&hir"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addAction(a["sample"])
        m.addSeparator()
        m.addAction(a["save_origin"])
        m.addAction(a["save_copy"])
        m.addAction(a["compare"])
        m.addAction(a["backups"])
        m.addSeparator()
        m.addAction(a["import"])
        m.addAction(a["catalog"])
        m.addAction(a["print"])
        m.addSeparator()
        m.addAction(a["consolidate"])
        m.addAction(a["recover"])
        m.addSeparator()
        m.addAction(a["close"])
        m.addAction(a["quit"])
        m = bar.addMenu(self.tr("&Edit"))
        for key in ("undo", "redo", None, "add_child", "add_sibling", "delete", None, "move_up", "move_down",
                    None, "copy", "paste", None, "find", None, "clear_declared"):
            if key is None:
                m.addSeparator()
            else:
                m.addAction(a[key])
        self.edit_menu = m
        m.aboutToShow.connect(self.update_actions)
        m = bar.addMenu(self.tr("&Tampilan"))
        self.view_menu = m
        m.addAction(self.detail_dock.toggleViewAction())
        m.addAction(self.findings_dock.toggleViewAction())
        m.addSeparator()
        m.addAction(a["expand"])
        m.addAction(a["collapse"])
        m.addAction(a["quarters"])
        m.addSeparator()
        lang = m.addMenu(self.tr("Ba&hasa"))
        lang.addAction(a["lang_id"])
        lang.addAction(a["lang_en"])
        stages_ui.install_menu(self, bar)  # Tahap: stages, notes, Perubahan, next year, Renstra
        m = bar.addMenu(self.tr("B&antuan"))
        m.addAction(a["guide"])
        m.addAction(a["about"])

        for tb in self.findChildren(QToolBar):
            self.removeToolBar(tb)
            tb.deleteLater()
        tb = QToolBar(self.tr("Alat"), self)
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.setMovable(False)
        for key in ("open", "save_origin", "save_copy", "print", None, "undo", "redo", None, "add_child", "add_sibling",
                    "delete", None, "move_up", "move_down"):
            if key is None:
                tb.addSeparator()
            else:
                tb.addAction(a[key])
        self.addToolBar(tb)

    def _retitle_docks(self) -> None:
        self.detail_dock.setWindowTitle(self.tr("Rincian baris"))
        self.findings_dock.setWindowTitle(self.tr("Temuan pemeriksaan"))

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = app_settings.recent_files()
        if not files:
            empty = menu.addAction(self.tr("(belum ada)"))
            empty.setEnabled(False)
            return
        for i, path in enumerate(files, start=1):
            act = menu.addAction(f"&{i}  {Path(path).name}  —  {Path(path).parent}")
            act.triggered.connect(lambda _c=False, p=path: self.open_document(Path(p)))

    # ================================================================== document life cycle
    def has_document(self) -> bool:
        return self.doc is not None

    def open_dialog(self) -> None:
        start = str(Path(app_settings.recent_files()[0]).parent) if app_settings.recent_files() else str(documents_dir())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Buka berkas Renja"), start,
                                              self.tr("Berkas Renja (*.sqlite);;Semua berkas (*)"))
        if path:
            self.open_document(Path(path))

    def open_document(self, path: Path, readonly: bool = False) -> bool:
        """Open ``path`` the safe way (local working copy, lock, checks); the open document stays
        open when this fails or is cancelled."""
        path = Path(path)
        if not path.exists():
            texts.show_error(self, self.tr("Berkas tidak ditemukan"),
                             self.tr("Berkas '%1' tidak ditemukan.").replace("%1", str(path)),
                             self.tr("Bila berkas itu ada di flash disk, pasang flash disknya lalu coba lagi."))
            app_settings.remove_recent_file(path)
            self.welcome.refresh()
            return False
        if self._is_open(path):
            self.show_message(self.tr("Dokumen ini sudah terbuka: %1").replace("%1", str(path)))
            return True
        opened = self._open_session(path, readonly)
        if opened is None:
            return False
        doc, session = opened
        if self.doc is not None and not self.close_document():
            doc.close()
            session.close()
            return False
        self._attach(doc, session)
        app_settings.add_recent_file(path)
        self.welcome.refresh()
        if session.origin is not None:
            message = self.tr("Dibuka dari %1 %2; Anda bekerja pada salinan di komputer ini (%3).")
            message = message.replace("%1", self._place_name()).replace("%2", str(session.origin)) \
                             .replace("%3", str(session.working))
        else:
            message = self.tr("Dibuka: %1").replace("%1", str(path))
        self.statusBar().showMessage(message, 10000)
        if session.notes:
            texts.show_info(self, self.tr("Catatan pemeriksaan berkas"),
                            self.tr("Berkas '%1' dibuka dengan catatan berikut:").replace("%1", path.name),
                            "\n\n".join(session.notes))
        return True

    def _is_open(self, path: Path) -> bool:
        if self.doc is None:
            return False
        candidates = [self.doc.path]
        if self.session is not None and self.session.origin is not None:
            candidates.append(self.session.origin)
        for other in candidates:
            try:
                if os.path.samefile(path, other):
                    return True
            except OSError:
                continue
        return False

    @contextmanager
    def _busy(self):
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()

    def _open_session(self, path: Path, readonly: bool = False):
        """``open_for_editing`` with the user's answers: locked -> read-only / take over / cancel;
        damaged -> offer to rescue its content into a new file. ``(doc, session)`` or ``None``."""
        takeover = False
        while True:
            try:
                with self._busy():
                    return open_for_editing(path, readonly=readonly, takeover=takeover)
            except FileLocked as exc:
                info = exc.info
                if info is not None and info.pid == os.getpid() and info.is_same_host():
                    texts.show_error(self, self.tr("Dokumen sudah terbuka"),
                                     self.tr("Dokumen '%1' sudah terbuka di jendela Renja Desktop ini.")
                                     .replace("%1", path.name))
                    return None
                choice = exchange_dialogs.ask_locked(self, exc)
                if choice == exchange_dialogs.READONLY:
                    readonly = True
                elif choice == exchange_dialogs.TAKEOVER:
                    takeover = True
                else:
                    return None
            except DocumentFileError as exc:  # ExchangeError included: nothing was written to the file
                if getattr(exc, "kind", "") in ("damaged", "truncated"):
                    if texts.ask_yes_no(self, self.tr("Berkas rusak"), str(exc),
                                        self.tr("Berkas ini tidak akan diubah. Selamatkan isi yang masih terbaca "
                                                "ke berkas baru?"), default_yes=True):
                        self.recover_file(path)
                else:
                    texts.show_error(self, self.tr("Berkas tidak dapat dibuka"), str(exc))
                return None
            except (EditError, OSError) as exc:
                texts.show_error(self, self.tr("Berkas tidak dapat dibuka"), str(exc))
                return None

    def new_document(self) -> bool:
        from datetime import date

        dialog = NewDocumentDialog(self, date.today().year + 1)
        if dialog.exec() != NewDocumentDialog.DialogCode.Accepted:
            return False
        values = dialog.values()
        suggested = documents_dir() / f"Renja {values['tahun']} {values['opd_singkat'] or values['opd']}.sqlite"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan Renja baru sebagai"), str(suggested),
                                              self.tr("Berkas Renja (*.sqlite)"))
        if not path:
            return False
        return self.create_document(Path(path), **values)

    def create_document(self, path: Path, **values) -> bool:
        if path.suffix.lower() != ".sqlite":
            path = path.with_suffix(".sqlite")
        try:
            RenjaDocument.create(path, **values).close()
        except (DocumentFileError, EditError, OSError) as exc:
            texts.show_error(self, self.tr("Dokumen tidak dapat dibuat"), str(exc))
            return False
        # opened like any file: locked, and worked on locally when it was created on a flash disk
        return self.open_document(path)

    def open_sample(self) -> bool:
        """The sample's working copy in the app's data folder: the same file again while it is
        unchanged, a fresh one after it was edited (sample.sample_copy); never a pile of copies
        in the user's documents."""
        try:
            from ..sample import SAMPLE_RENEWED, sample_copy
        except ImportError:
            texts.show_error(self, self.tr("Contoh tidak tersedia"),
                             self.tr("Dokumen contoh tidak disertakan dalam instalasi ini."))
            return False
        folder = data_dir() / "Contoh"
        name = self.tr("Contoh Renja Kesbangpol Binjai 2024")
        if self._is_open(folder / f"{name}.sqlite"):
            self.show_message(self.tr("Dokumen contoh sudah terbuka."))
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path, outcome = sample_copy(folder, name)
        except Exception as exc:  # the sample is bundled data: any failure is reported, not fatal
            QApplication.restoreOverrideCursor()
            texts.show_error(self, self.tr("Contoh tidak dapat dibuat"), str(exc))
            return False
        QApplication.restoreOverrideCursor()
        opened = self.open_document(path)
        if opened and outcome == SAMPLE_RENEWED:
            self.show_message(self.tr("Contoh dibuat baru; salinan yang telah Anda ubah disimpan sebagai "
                                      "'%1 (diubah).sqlite' di %2.").replace("%1", name).replace("%2", str(folder)))
        return opened

    def close_document(self) -> bool:
        if self.doc is None:
            return True
        if not self._confirm_leave_document():
            return False
        self._save_view_state()
        self._detach()
        return True

    def _confirm_leave_document(self) -> bool:
        """Changes not yet saved to the flash disk: save them, leave them on this PC, or stay."""
        if not self.can_save_to_origin() or self.stack.isClean():
            return True
        answer = self._ask_save_before_close()
        if answer == "save":
            return self.save_to_origin()
        return answer == "discard"

    def _ask_save_before_close(self) -> str:
        """``'save'``, ``'discard'`` (keep the changes only on this PC) or ``'cancel'``."""
        from PySide6.QtWidgets import QMessageBox

        B = QMessageBox.StandardButton
        place = self._place_name()
        box = texts.message_box(
            self, QMessageBox.Icon.Question, self.tr("Belum disimpan ke %1").replace("%1", place),
            self.tr("Perubahan pada '%1' belum disimpan ke %2.").replace("%1", self.doc.path.name)
            .replace("%2", place),
            B.Save | B.Discard | B.Cancel, B.Save,
            self.tr("Perubahan tetap ada di salinan kerja di komputer ini (%1), tetapi berkas di %2 masih versi "
                    "lama. Simpan ke %2 sekarang?").replace("%1", str(self.doc.path)).replace("%2", place))
        answer = box.exec()
        if answer == B.Save:
            return "save"
        if answer == B.Discard:
            return "discard"
        return "cancel"

    def _attach(self, doc: RenjaDocument, session: WorkSession | None = None) -> None:
        self.doc = doc
        if session is None:
            session = WorkSession(working=doc.path, readonly=doc.readonly)
        self.session = session
        self._lock_lost_warned = False
        if session.locks:
            self.lock_timer.start()
        self.stack.clear()
        self.editor = Editor(doc, self.stack, self)
        self.editor.failed.connect(self._undo_failed)
        self._copy_target = None
        self._build_document_ui()
        self.stack.setClean()
        doc.add_listener(self._on_change)
        stages_ui.attach(self, doc)
        self._show_document_ui(True)
        self.update_totals()
        self.update_title()
        self.update_actions()

    def _detach(self, close: bool = True) -> RenjaDocument | None:
        """Take the document out of the window. ``close=False`` leaves the document open and the
        session (its locks) alive, for the caller to carry on with (adopting a merge)."""
        doc = self.doc
        if doc is None:
            return None
        doc.remove_listener(self._on_change)
        self._tear_down_document_ui()
        self.stack.clear()
        self.editor = None
        self.doc = None
        if close:
            doc.close()
            self._end_session()
        self._show_document_ui(False)
        self.update_title()
        self.update_actions()
        return doc

    def _end_session(self) -> None:
        self.lock_timer.stop()
        session, self.session = self.session, None
        if session is not None:
            session.close()

    def refresh_locks(self) -> bool:
        """Confirm our locks (the timer calls this every few minutes); warn once if one was taken over."""
        session = self.session
        if session is None or not session.locks:
            return True
        if session.refresh_locks():
            return True
        if not self._lock_lost_warned:
            self._lock_lost_warned = True
            who = ""
            for lk in session.locks:
                try:
                    other = exchange_lock.read_lock(lk.path)
                except (OSError, ValueError):
                    other = None
                if other is not None and other.token != lk.info.token:
                    who = self.tr("%1 di komputer %2 sejak %3").replace("%1", other.user) \
                        .replace("%2", other.host).replace("%3", other.since_local())
                    break
            text = self.tr("Kunci berkas '%1' telah diambil alih oleh %2.").replace(
                "%1", session.working.name).replace("%2", who or self.tr("aplikasi lain"))
            texts.show_error(self, self.tr("Kunci berkas diambil alih"), text, self.tr(
                "Perubahan dari dua tempat dapat saling menimpa. Simpan salinan dokumen ini ke tempat lain "
                "(Berkas ▸ Simpan salinan sebagai…), tutup dokumen, lalu gabungkan bila perlu."))
        return False

    def _build_document_ui(self) -> None:
        doc, editor = self.doc, self.editor
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.plan_page = PlanPage(doc, editor, self.tabs)
        self.eval_page = EvalPage(doc, editor, self.tabs)
        self.t23_page = Tabel23Page(doc, editor, self.tabs)
        self.pelayanan_page = ListPage(doc, editor, "pelayanan", self.tabs)
        self.usulan_page = ListPage(doc, editor, "usulan", self.tabs)
        self.identity = IdentityForm(doc, editor, self.tabs)
        self.pages = {"plan": self.plan_page, "eval": self.eval_page, "2.3": self.t23_page,
                      "pelayanan": self.pelayanan_page, "usulan": self.usulan_page}
        self.tabs.addTab(self.plan_page, self.tr("Rencana Program (Tabel 3.1 / 4.1)"))
        self.tabs.addTab(self.eval_page, self.tr("Evaluasi (Tabel 2.1)"))
        self.tabs.addTab(self.pelayanan_page, self.tr("Kinerja Pelayanan (Tabel 2.2)"))
        self.tabs.addTab(self.t23_page, self.tr("Review RKPD (Tabel 2.3)"))
        self.tabs.addTab(self.usulan_page, self.tr("Usulan (Tabel 2.4)"))
        self.tabs.addTab(self.identity, self.tr("Identitas && Pengesahan"))
        from .document_tab import DocumentTab  # the written document: outline + text editor
        self.document_tab = DocumentTab(doc, editor, self.tabs)
        self.document_tab.message.connect(self.show_message)
        self.document_tab.printRequested.connect(self.print_tables)
        self.tabs.addTab(self.document_tab, self.tr("Dokumen"))
        for page in self.pages.values():
            page.message.connect(self.show_message)
            page.currentRowChanged.connect(lambda _r: self.update_actions())
        self.identity.message.connect(self.show_message)
        self.plan_page.currentRowChanged.connect(self._plan_row_selected)
        self.t23_page.currentRowChanged.connect(self._plan_row_selected)
        self.tabs.currentChanged.connect(self._tab_changed)
        for key in OPERATIONS:
            self.tabs.addAction(self.actions_[key])
        self.central.addWidget(self.tabs)

        self.detail = DetailPanel(doc, editor)
        self.detail.message.connect(self.show_message)
        self.detail_dock.setWidget(self.detail)
        self.findings = FindingsPanel(doc)
        self.findings.jump.connect(self.jump_to_finding)
        self.findings_dock.setWidget(self.findings)
        # big documents open folded to programs; expanding 50.000 rows is the user's choice
        big = len(doc.plan.nodes) > 5000
        for page in (self.plan_page, self.t23_page):
            page.collapse_to_programs() if big else page.view.expandAll()
        self.eval_page.collapse_to_programs() if len(doc.evaluation.nodes) > 5000 else self.eval_page.view.expandAll()
        self.actions_["quarters"].setChecked(self.eval_page.quarters_visible())
        self.tabs.setCurrentWidget(self.plan_page)
        first = self.plan_page.proxy.index(0, 0)
        if first.isValid():
            self.plan_page.view.setCurrentIndex(first)
        self.plan_page.view.setFocus()

    def _tear_down_document_ui(self) -> None:
        for page in self.pages.values():
            page.detach()
        for widget in (self.identity, self.detail, self.findings, getattr(self, "document_tab", None)):
            if widget is not None:
                widget.detach()
        self.document_tab = None
        if self.tabs is not None:
            self.central.removeWidget(self.tabs)
            self.tabs.deleteLater()
        self.tabs = None
        self.pages = {}
        self.plan_page = self.eval_page = self.t23_page = None
        self.identity = None
        for dock in (self.detail_dock, self.findings_dock):
            w = dock.widget()
            dock.setWidget(QWidget())
            if w is not None:
                w.deleteLater()
        self.detail = None
        self.findings = None

    def _show_document_ui(self, shown: bool) -> None:
        if shown and self.tabs is not None:
            self.central.setCurrentWidget(self.tabs)
        else:
            self.central.setCurrentWidget(self.welcome)
        self.detail_dock.setVisible(shown and self._detail_wanted())
        self.findings_dock.setVisible(shown and app_settings.value("ui/findings", True) not in (False, "false"))
        if not shown:
            self.total_label.setText("")
            self.total_n1_label.setText("")
            self.saved_label.setText("")

    # ================================================================== saving a copy
    def save_copy_as(self) -> bool:
        if self.doc is None:
            return False
        start = str(self._copy_target or Path.home() / self.doc.path.name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan salinan sebagai"), start,
                                              self.tr("Berkas Renja (*.sqlite)"))
        if not path:
            return False
        return self.save_copy_to(Path(path))

    def save_copy_to(self, target: Path) -> bool:
        if target.suffix.lower() != ".sqlite":
            target = target.with_suffix(".sqlite")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = self._copy(target)
        except (DocumentFileError, EditError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            texts.show_error(self, self.tr("Salinan tidak tersimpan"), str(exc),
                             self.tr("Berkas kerja Anda tidak berubah dan tetap aman."))
            return False
        QApplication.restoreOverrideCursor()
        self._copy_target = target
        self.stack.setClean()
        self.update_title()
        self.show_message(message)
        return True

    def _copy(self, target: Path) -> str:
        if self.session is not None:
            return self.session.save_copy_to(target, document=self.doc).message()
        from ..exchange.safecopy import save_copy

        return save_copy(self.doc, target).message()

    # ================================================================== flash disk: save back, merge
    def _place_name(self) -> str:
        """Where the document came from, in words: 'flash disk' or 'folder jaringan'."""
        if self.session is not None and self.session.location == location.NETWORK:
            return self.tr("folder jaringan")
        return self.tr("flash disk")

    def can_save_to_origin(self) -> bool:
        return (self.doc is not None and not self.doc.readonly and self.session is not None
                and self.session.origin is not None and not self.session.readonly)

    def save_to_origin(self, offer_merge: bool = True) -> bool:
        """"Simpan ke flash disk": the verified copy back to where the document came from."""
        if not self.can_save_to_origin():
            return False
        session = self.session
        place = self._place_name()
        try:
            with self._busy():
                result = session.save_to_origin(self.doc)
        except CopyConflict:
            if not offer_merge:
                texts.show_error(self, self.tr("Belum tersimpan ke %1").replace("%1", place), self.tr(
                    "Berkas %1 diubah lagi di tempat lain; tidak ditimpa.").replace("%1", str(session.origin)),
                    self.tr("Berkas kerja Anda di komputer ini tidak berubah dan tetap aman."))
                return False
            return self._offer_merge_with_origin()
        except (DocumentFileError, EditError, OSError) as exc:  # ExchangeError: drive gone, full, read-only...
            texts.show_error(self, self.tr("Belum tersimpan ke %1").replace("%1", place), str(exc),
                             self.tr("Berkas kerja Anda di komputer ini tidak berubah dan tetap aman."))
            return False
        self.stack.setClean()
        self.update_title()
        self.show_message(self.tr("Tersimpan ke %1: %2").replace("%1", place).replace("%2", result.message()))
        return True

    def _offer_merge_with_origin(self) -> bool:
        session = self.session
        place = self._place_name()
        text = self.tr("Berkas %1 di %2 telah diubah di tempat lain (mis. di komputer lain) sejak Anda "
                       "membukanya. Bila ditimpa, perubahan itu akan hilang, jadi berkas itu tidak ditimpa.")
        text = text.replace("%1", str(session.origin)).replace("%2", place)
        informative = self.tr(
            "Renja Desktop dapat membandingkan kedua versi dan menggabungkannya: perubahan yang tidak "
            "bertentangan diambil dari keduanya, dan untuk setiap pertentangan Anda memilih sendiri. Hasilnya "
            "menjadi dokumen Anda lalu disimpan ke %1; versi lama disimpan sebagai cadangan.\n\n"
            "Bandingkan dan gabungkan sekarang?").replace("%1", place)
        if not texts.ask_yes_no(self, self.tr("Berkas di %1 sudah berubah").replace("%1", place), text,
                                informative, default_yes=True):
            self.show_message(self.tr("Belum disimpan ke %1; berkas di sana tidak diubah.").replace("%1", place))
            return False
        try:
            with self._busy():
                plan = session.plan_merge_with_origin()
        except (DocumentFileError, OSError) as exc:
            texts.show_error(self, self.tr("Tidak dapat dibandingkan"), str(exc),
                             self.tr("Berkas kerja Anda di komputer ini tidak berubah dan tetap aman."))
            return False
        dialog = exchange_dialogs.MergeDialog(
            self, plan, mine_label=self.tr("Di komputer ini"), theirs_label=self.tr("Di %1").replace("%1", place),
            write=lambda p, resolutions: session.write_merged(p, resolutions))
        dialog.exec()
        result = dialog.result
        if result is None:
            self.show_message(self.tr("Penggabungan dibatalkan; berkas di %1 tidak diubah.").replace("%1", place))
            return False
        if not self.adopt_merged(result.output):
            return False
        if self.save_to_origin(offer_merge=False):
            self.show_message(self.tr("Hasil gabungan menjadi dokumen Anda dan tersimpan ke %1.").replace("%1", place))
            return True
        self.stack.resetClean()  # the working copy now differs from the file there
        self.update_title()
        return False

    def adopt_merged(self, merged: Path) -> bool:
        """Make the merged file the working file and show it (undo history starts afresh)."""
        session = self.session
        if session is None or self.doc is None:
            return False
        self._save_view_state()
        old = self._detach(close=False)
        try:
            with self._busy():
                doc = session.adopt_merged(merged, document=old)
        except (DocumentFileError, EditError, OSError) as exc:
            old.close()
            texts.show_error(self, self.tr("Hasil gabungan tidak dapat dipakai"), str(exc),
                             self.tr("Dokumen Anda dibuka kembali seperti sebelumnya."))
            try:
                doc = RenjaDocument.open(session.working, readonly=session.readonly)
            except (DocumentFileError, EditError, OSError) as exc2:
                self._end_session()
                texts.show_error(self, self.tr("Berkas tidak dapat dibuka"), str(exc2))
                return False
            self._attach(doc, session)
            return False
        try:
            Path(merged).unlink()  # its content is now the (verified) working file
        except OSError:
            pass
        self._attach(doc, session)
        return True

    # ================================================================== compare, backups, consolidate, rescue
    def _ask_open_path(self, title: str, start: str, pattern: str | None = None) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, start, pattern or self.tr("Berkas Renja (*.sqlite)"))
        return Path(path) if path else None

    def _ask_save_path(self, title: str, suggested: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested), self.tr("Berkas Renja (*.sqlite)"))
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == ".sqlite" else path.with_suffix(".sqlite")

    @staticmethod
    def _free_name(folder: Path, stem: str) -> Path:
        path = folder / f"{stem}.sqlite"
        n = 2
        while path.exists():
            path = folder / f"{stem} ({n}).sqlite"
            n += 1
        return path

    def _offer_to_open(self, title: str, text: str, informative: str, path: Path) -> bool:
        if texts.ask_yes_no(self, title, text, informative, default_yes=True):
            return self.open_document(path)
        return False

    def compare_with_copy(self, other: Path | None = None) -> bool:
        """Compare the open document with another copy of it; merge both into a new file."""
        if self.doc is None:
            return False
        if other is None:
            start = str(self.session.origin.parent) if self.session and self.session.origin else str(Path.home())
            other = self._ask_open_path(self.tr("Pilih salinan lain dokumen ini"), start)
            if other is None:
                return False
        from ..exchange.merge import plan_merge, write_merge

        try:
            with self._busy():
                plan = plan_merge(self.doc.path, other)
        except (DocumentFileError, OSError) as exc:
            texts.show_error(self, self.tr("Tidak dapat dibandingkan"), str(exc))
            return False
        stem = f"{self.doc.path.stem} gabungan {datetime.now():%Y-%m-%d %H.%M}"
        suggested = self._free_name(documents_dir(), stem)

        def write(merge_plan, resolutions):
            out = self._ask_save_path(self.tr("Simpan hasil gabungan sebagai"), suggested)
            if out is None:
                raise ExchangeError("cancelled", self.tr("Pilih nama berkas hasil gabungan untuk melanjutkan."))
            return write_merge(merge_plan, out, resolutions)

        dialog = exchange_dialogs.MergeDialog(self, plan, mine_label=self.tr("Dokumen ini"),
                                              theirs_label=self.tr("Salinan lain"), write=write)
        dialog.exec()
        result = dialog.result
        if result is None:
            return False
        self.show_message(self.tr("Hasil gabungan disimpan: %1").replace("%1", str(result.output)))
        self._offer_to_open(
            self.tr("Penggabungan selesai"),
            self.tr("Hasil gabungan disimpan di %1. Kedua berkas masukan tidak diubah.").replace(
                "%1", str(result.output)),
            "\n".join(result.lines()) + "\n\n" + self.tr("Buka hasil gabungan sekarang?"), result.output)
        return True

    def show_backups(self) -> bool:
        if self.doc is None:
            return False
        dialog = exchange_dialogs.BackupsDialog(self, self.doc.path)
        dialog.exec()
        if dialog.restored is not None:
            self._offer_to_open(self.tr("Cadangan dipulihkan"),
                                self.tr("Cadangan dipulihkan ke %1.").replace("%1", str(dialog.restored)),
                                self.tr("Buka berkas itu sekarang?"), dialog.restored)
        return True

    def consolidate(self) -> bool:
        """Bappeda: gather the agencies' Renja into one read-only city view."""
        dialog = exchange_dialogs.ConsolidateDialog(self)
        dialog.exec()
        result = dialog.result
        if result is None or not result.written or result.output is None:
            return False
        self._offer_to_open(self.tr("Gabungan Renja selesai"),
                            self.tr("Tampilan kota ditulis ke %1.").replace("%1", str(result.output)),
                            self.tr("Buka sekarang (hanya-baca)?"), Path(result.output))
        return True

    def recover_dialog(self) -> bool:
        bad = self._ask_open_path(self.tr("Pilih berkas Renja yang rusak"), str(documents_dir()),
                                  self.tr("Berkas Renja (*.sqlite);;Semua berkas (*)"))
        return self.recover_file(bad) if bad is not None else False

    def recover_file(self, bad: Path, out: Path | None = None) -> bool:
        """Save what can be read of a damaged file into a new file (the damaged one is never written)."""
        from ..exchange.recover import recover

        bad = Path(bad)
        if out is None:
            suggested = self._free_name(documents_dir(), f"{bad.stem} (diselamatkan)")
            out = self._ask_save_path(self.tr("Simpan hasil penyelamatan sebagai"), suggested)
            if out is None:
                return False
        try:
            if out.resolve() == bad.resolve():
                raise ExchangeError("same_file", self.tr("Hasil penyelamatan harus berkas baru, bukan berkas yang rusak."),
                                    out)
            with self._busy():
                report = recover(bad, out)
        except (DocumentFileError, OSError) as exc:
            texts.show_error(self, self.tr("Penyelamatan gagal"), str(exc),
                             self.tr("Berkas yang rusak tidak diubah."))
            return False
        head = (self.tr("Semua isi '%1' terselamatkan ke %2.") if report.complete
                else self.tr("Sebagian isi '%1' terselamatkan ke %2; ada yang hilang (lihat rincian)."))
        head = head.replace("%1", bad.name).replace("%2", str(out))
        self.show_message(head)
        self._offer_to_open(self.tr("Hasil penyelamatan"), head,
                            "\n".join(report.lines()) + "\n\n" + self.tr(
                                "Berkas yang rusak tidak diubah. Buka hasil penyelamatan sekarang?"), out)
        return True

    # ================================================================== edits and their echoes
    def run_operation(self, operation: str) -> None:
        page = self.current_page()
        if page is None or not page.can(operation):
            return
        page.run(operation)
        self.update_actions()

    def current_page(self) -> TablePage | None:
        if self.tabs is None:
            return None
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TablePage) else None

    def _tree_call(self, name: str) -> None:
        page = self.current_page()
        if isinstance(page, TreePage):
            target = getattr(page.view, name, None) or getattr(page, name)
            target()

    def focus_search(self) -> None:
        page = self.current_page()
        if isinstance(page, TreePage):
            page.search.setFocus()
            page.search.selectAll()

    def _toggle_quarters(self) -> None:
        if self.eval_page is not None:
            self.eval_page.set_quarters_visible(self.actions_["quarters"].isChecked())

    def _plan_row_selected(self, row_id) -> None:
        if self.detail is not None:
            self.detail.show_row(row_id)

    def _tab_changed(self, _index: int) -> None:
        """The detail panel follows the plan tree's current row on the tabs that show it."""
        page = self.current_page()
        if self.detail is not None:
            shows_rows = page is self.plan_page or page is self.t23_page
            if shows_rows:
                self.detail.show_row(page.current_row_id())
            else:
                self.detail.show_row(None)
            # the panel has nothing to show on the other tabs: it gives them its width
            self.detail_dock.setVisible(shows_rows and self._detail_wanted())
        self.update_actions()

    def _detail_wanted(self) -> bool:
        """The user's choice for the detail panel (Tampilan ▸ Rincian baris), not the tab's."""
        return app_settings.value("ui/detail", True) not in (False, "false")

    def _on_change(self, change) -> None:
        if change.table in ("plan", "reset"):
            self.update_totals()
        if change.table in ("document", "reset"):
            self.update_title()
        # the undo stack's clean state follows (title), actions may change
        QTimer.singleShot(0, self.update_actions)

    def _stack_changed(self, title: bool = False) -> None:
        try:
            if title:
                self.update_title()
            self.update_actions()
        except RuntimeError:  # the window is being destroyed (application exit): nothing to show
            pass

    def undo(self) -> None:
        """Undo the last step; the status bar says what was undone (not the step's own message)."""
        self._step(self.stack.undo, self.stack.undoText(), self.tr("Diurungkan: %1"))

    def redo(self) -> None:
        self._step(self.stack.redo, self.stack.redoText(), self.tr("Diulangi: %1"))

    def _step(self, move, text: str, message: str) -> None:
        before = self.stack.index()
        move()
        if self.stack.index() != before:
            self.show_message(message.replace("%1", text).strip())
        else:
            self.statusBar().clearMessage()

    def _undo_failed(self, message: str) -> None:
        texts.show_error(self, self.tr("Tidak dapat diurungkan"), message)

    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def update_totals(self) -> None:
        if self.doc is None:
            return
        tahun = int(self.doc.info.get("tahun") or 0)
        totals = self.doc.plan.totals
        self.total_label.setText(self.tr("Total pagu %1: Rp %2").replace("%1", str(tahun))
                                 .replace("%2", format_rupiah(totals[0])))
        self.total_n1_label.setText(self.tr("Prakiraan maju %1: Rp %2").replace("%1", str(tahun + 1))
                                    .replace("%2", format_rupiah(totals[1])))

    def update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(self.tr("Renja Desktop"))
            self.origin_label.setText("")
            self.origin_label.setToolTip("")
            return
        info = self.doc.info
        who = info.get("opd_singkat") or info.get("opd") or ""
        session = self.session
        origin = session.origin if session is not None else None
        parts = [self.doc.path.name, f"Renja {info.get('tahun')} {who}".strip()]
        if origin is not None:
            place = self._place_name()
            parts.append(self.tr("dari %1 %2").replace("%1", place).replace("%2", str(origin)))
            self.origin_label.setText(self.tr("Asal: %1 (%2)").replace("%1", str(origin)).replace("%2", place))
            self.origin_label.setToolTip(self.tr("Anda bekerja pada salinan di komputer ini: %1").replace(
                "%1", str(self.doc.path)))
        else:
            self.origin_label.setText("")
            self.origin_label.setToolTip(str(self.doc.path))
        title = " — ".join(parts)
        if self.doc.readonly:
            title += " " + self.tr("(hanya baca)")
            self.saved_label.setText(self.tr("Hanya baca"))
            self.saved_label.setToolTip(self.tr("Dokumen dibuka hanya-baca; perubahan tidak dapat dibuat."))
        elif self.stack.isClean():
            self.saved_label.setText(self.tr("Tersimpan"))
            if origin is not None:
                self.saved_label.setToolTip(self.tr(
                    "Setiap perubahan langsung tersimpan ke salinan di komputer ini; isinya sama dengan berkas "
                    "di %1.").replace("%1", self._place_name()))
            else:
                self.saved_label.setToolTip(self.tr("Setiap perubahan langsung tersimpan ke berkas kerja ini."))
        elif origin is not None:
            place = self._place_name()
            title += " " + self.tr("(belum disimpan ke %1)").replace("%1", place)
            self.saved_label.setText(self.tr("Tersimpan di komputer ini; belum disimpan ke %1").replace("%1", place))
            self.saved_label.setToolTip(self.tr(
                "Perubahan sudah tersimpan di salinan kerja di komputer ini, tetapi belum ke %1 "
                "(Berkas ▸ Simpan ke flash disk, Ctrl+S).").replace("%1", str(origin)))
        else:
            title += " " + self.tr("(ada perubahan belum disalin)")
            self.saved_label.setText(self.tr("Tersimpan di berkas kerja; belum disalin"))
            self.saved_label.setToolTip(self.tr(
                "Perubahan sudah tersimpan di berkas ini, tetapi belum disalin (Berkas ▸ Simpan salinan "
                "sebagai…), mis. ke flash disk."))
        self.setWindowTitle(title + " — " + self.tr("Renja Desktop"))

    def update_actions(self) -> None:
        a = self.actions_
        has = self.doc is not None
        page = self.current_page()
        for key in OPERATIONS:
            a[key].setEnabled(bool(page is not None and page.can(key)))
        a["undo"].setEnabled(self.stack.canUndo())
        a["redo"].setEnabled(self.stack.canRedo())
        undo_text = self.stack.undoText()
        redo_text = self.stack.redoText()
        a["undo"].setText(self.tr("&Urungkan %1").replace("%1", undo_text).strip() if undo_text else self.tr("&Urungkan"))
        a["redo"].setText(self.tr("Ulan&gi %1").replace("%1", redo_text).strip() if redo_text else self.tr("Ulan&gi"))
        for key in ("save_copy", "close", "find", "expand", "collapse", "print", "compare", "backups"):
            a[key].setEnabled(has)
        a["import"].setEnabled(has and not self.doc.readonly)
        a["clear_declared"].setEnabled(has and not self.doc.readonly and bool(self.doc.declared))
        a["save_origin"].setEnabled(self.can_save_to_origin())
        if self.session is not None and self.session.origin is not None:
            a["save_origin"].setText(self.tr("Simpan ke &folder jaringan") if self.session.location == location.NETWORK
                                     else self.tr("Simpan ke &flash disk"))
            a["save_origin"].setToolTip(self.tr("Menyimpan dokumen kembali ke %1").replace("%1", str(self.session.origin)))
        else:
            a["save_origin"].setText(self.tr("Simpan ke &flash disk"))
            a["save_origin"].setToolTip(self.tr("Hanya untuk dokumen yang dibuka dari flash disk atau folder jaringan"))

    # ================================================================== findings
    def jump_to_finding(self, finding) -> None:
        if self.tabs is None:
            return
        tabel = finding.tabel
        if tabel == "naskah" and self.document_tab is not None:  # the written document
            self.tabs.setCurrentWidget(self.document_tab)
            if finding.row_id:
                self.document_tab.select_section(finding.row_id)
            self.show_message(finding.line())
            return
        if tabel == "2.1":
            page: TreePage = self.eval_page
            key = finding.kolom if finding.kolom in page.model._keys else (
                f"rp_{finding.kolom}" if f"rp_{finding.kolom}" in page.model._keys else "nama")
        elif tabel == "2.3":
            page = self.t23_page
            key = finding.kolom if finding.kolom in page.model._keys else "nama"
        elif tabel in ("2.2", "2.4"):
            page = self.pelayanan_page if tabel == "2.2" else self.usulan_page
            self.tabs.setCurrentWidget(page)
            return
        else:
            page = self.plan_page
            key = finding.kolom if finding.kolom in page.model._keys else "nama"
        row_id = finding.row_id
        tree = page.model.tree
        if row_id not in tree.nodes and finding.kode:
            match = tree.find_kode(finding.kode)
            row_id = match[0].id if match else None
        self.tabs.setCurrentWidget(page)
        if row_id and page.select_row(row_id, key):
            page.view.setFocus()
            self.show_message(finding.line())
        else:
            self.show_message(self.tr("Baris temuan ini tidak ada di pohon (mis. nilai TOTAL tercetak): %1")
                              .replace("%1", finding.line()))

    # ================================================================== language, about, settings
    # ================================================================== import, print, guide
    def import_table(self) -> bool:
        if self.doc is None or self.doc.readonly:
            return False
        from .import_flow import choose_columns, choose_source, run_import

        chosen = choose_source(self, str(app_settings.value("import/folder", str(Path.home()))))
        if chosen is None:
            return False
        source, sheet, table = chosen
        app_settings.set_value("import/folder", str(source.parent))
        mapped = choose_columns(self, source, sheet, table, self.doc)
        if mapped is None:
            return False
        table, column_map, src = mapped
        return run_import(self, source, sheet, table, column_map, src)

    def show_catalog(self) -> bool:
        """Berkas ▸ Katalog nomenklatur…: versions, load a newer list, the version the document follows."""
        from .catalog_dialog import CatalogDialog

        dialog = CatalogDialog(self, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        return True

    def clear_declared(self) -> bool:
        """Remove the printed values kept from an imported document (one undoable step)."""
        if self.doc is None or self.doc.readonly or not self.doc.declared:
            return False
        count = len(self.doc.declared)
        if not texts.ask_yes_no(
                self, self.tr("Hapus nilai tercetak"),
                self.tr("Hapus %1 nilai tercetak dari dokumen hasil impor?").replace("%1", str(count)),
                self.tr("Nilai itu hanya dipakai untuk memeriksa angka dokumen asal; tabel selalu dicetak "
                        "dari nilai terhitung. Temuan 'tercetak berbeda' akan hilang. Dapat diurungkan.")):
            return False
        error = self.editor.execute(ClearDeclared(), self.tr("Hapus nilai tercetak"))
        if error:
            texts.show_error(self, self.tr("Nilai tercetak tidak dihapus"), error)
            return False
        self.show_message(self.tr("%1 nilai tercetak dihapus.").replace("%1", str(count)))
        return True

    def print_tables(self, mode: str = "tables") -> None:
        if self.doc is None:
            return
        from .print_dialog import PrintDialog

        if getattr(self, "document_tab", None) is not None:
            self.document_tab.commit()
        dialog = PrintDialog(self.doc, self, mode=mode if isinstance(mode, str) else "tables")
        dialog.exec()

    def show_guide(self) -> None:
        from .guide import GuideDialog

        GuideDialog(self).exec()

    def set_language(self, lang: str) -> None:
        if lang == app_settings.language():
            return
        app_settings.set_language(lang)
        from .app import install_translators

        install_translators(lang)
        self.retranslate()

    def retranslate(self) -> None:
        """Rebuild every text of the window in the current language (the document stays open)."""
        current = self.tabs.currentIndex() if self.tabs is not None else 0
        row = self.plan_page.current_row_id() if self.plan_page is not None else None
        self._save_view_state()
        had_doc = self.doc is not None
        if had_doc:
            self.doc.remove_listener(self._on_change)
            self._tear_down_document_ui()
        old_actions = list(self.actions_.values())
        self._build_actions()
        self._build_menus()
        for act in old_actions:
            act.deleteLater()
        self._retitle_docks()
        self.central.removeWidget(self.welcome)
        self.welcome.deleteLater()
        self.welcome = WelcomePage(self)
        self.central.addWidget(self.welcome)
        if had_doc:
            self._build_document_ui()
            self.doc.add_listener(self._on_change)
            self.tabs.setCurrentIndex(current)
            if row:
                self.plan_page.select_row(row)
        self._show_document_ui(had_doc)
        self.update_totals()
        self.update_title()
        self.update_actions()

    def show_about(self) -> None:
        texts.show_info(self, self.tr("Tentang Renja Desktop"),
                        self.tr("Renja Desktop %1").replace("%1", __version__),
                        self.tr("Menyusun Rencana Kerja Perangkat Daerah secara luring: pohon program dengan "
                                "total yang selalu terhitung, pemeriksaan, dan tabel lampiran siap cetak."))

    def _restore_geometry(self) -> None:
        # the remembered size and place, kept on the screen; first run: fitted to the screen
        window_geometry.place(self, app_settings.value("window/geometry"))
        state = app_settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _save_view_state(self) -> None:
        for page in self.pages.values():
            page.save_state()
        if self.doc is not None:
            if self.tabs is not None and self.current_page() in (self.plan_page, self.t23_page):
                app_settings.set_value("ui/detail", self.detail_dock.isVisible())
            app_settings.set_value("ui/findings", self.findings_dock.isVisible())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_kept_on_screen", False):  # the frame is known only once shown
            self._kept_on_screen = True
            window_geometry.keep_on_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.doc is not None and not self._confirm_leave_document():
            event.ignore()
            return
        self._save_view_state()
        app_settings.set_value("window/geometry", self.saveGeometry())
        app_settings.set_value("window/state", self.saveState())
        app_settings.settings().sync()
        self._detach()
        event.accept()
