"""The main window: menus, the tables as tabs, the detail and findings panels, the status bar total.

Every edit is committed to the open file at once (the service does it); the title says so, and says
whether there are changes since the document was opened or last copied (e.g. to a flash drive).

Where things are: every command of the window is declared once in :data:`ACTIONS` (text, shortcut,
handler, when it is enabled) and placed by :data:`MENUS` and :data:`TOOLBAR`; the flash-drive
workflow (open through a local working copy with a lock, "Simpan ke flash disk" with a merge on
conflict, closing with unsaved changes, rescue) is :class:`~renja_desktop.gui.session.SessionController`
(``window.ctl``); switching the language is :mod:`renja_desktop.gui.language`; the status-bar text
and the page shown without a document are in :mod:`renja_desktop.gui.window_parts`.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QStackedWidget, QTabWidget, QWidget

from .. import __version__
from ..exchange import location
from ..exchange.workspace import WorkSession
from ..formatting import format_rupiah
from ..operations import ClearDeclared
from ..service import RenjaDocument
from . import actions, language, stages_ui
from . import settings as app_settings
from . import texts, window_geometry
from .detail_panel import DetailPanel
from .findings_panel import FindingsPanel
from .identity_form import IdentityForm
from .pages import EvalPage, ListPage, PlanPage, Tabel23Page, TablePage, TreePage
from .session import SessionController
from .undo import Editor
from .window_parts import LazyTab, StatusText, WelcomePage, make_document_tab

OPERATIONS = actions.OPERATIONS  # the Edit menu operations a page may support

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
        self.ctl = SessionController(self)  # the flash-drive workflow (gui/session.py)

        self.central = QStackedWidget(self)
        self.setCentralWidget(self.central)
        self.welcome = WelcomePage(self)
        self.central.addWidget(self.welcome)
        self.tabs: QTabWidget | None = None
        self.document_page: LazyTab | None = None

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
        self.saved_label = StatusText(reserve=(self.tr("Tersimpan"), self.tr("Tersimpan di berkas kerja; belum disalin")))
        self.origin_label = QLabel()
        self.origin_label.setContentsMargins(8, 0, 8, 0)
        for label in (self.origin_label, self.saved_label, self.total_n1_label, self.total_label):
            self.statusBar().addPermanentWidget(label)

        actions.build_actions(self)
        actions.build_menus(self)
        for signal in (self.stack.canUndoChanged, self.stack.canRedoChanged, self.stack.undoTextChanged,
                       self.stack.redoTextChanged):
            signal.connect(lambda *_a: self._stack_changed())
        self._retitle_docks()
        self._restore_geometry()
        self._show_document_ui(False)
        self.update_title()
        self.update_actions()  # no document yet: its actions look disabled from the start
        # Babel reads its locale data (~50 ms) on its first number: done while idle, not at open
        QTimer.singleShot(0, lambda: format_rupiah(0))

    # ================================================================== documents (gui/session.py)
    def open_document(self, path: Path, readonly: bool = False) -> bool:
        return self.ctl.open_document(path, readonly)

    def create_document(self, path: Path, **values) -> bool:
        return self.ctl.create_document(path, **values)

    def close_document(self) -> bool:
        return self.ctl.close_document()

    def open_sample(self) -> bool:
        return self.ctl.open_sample()

    @property
    def session(self) -> WorkSession | None:
        """The open document's working copy, locks and origin (see :class:`SessionController`)."""
        return self.ctl.session

    @property
    def lock_timer(self) -> QTimer:
        return self.ctl.lock_timer

    # ================================================================== actions and menus
    def _retitle_docks(self) -> None:
        self.detail_dock.setWindowTitle(self.tr("Rincian baris"))
        self.findings_dock.setWindowTitle(self.tr("Temuan pemeriksaan"))

    def fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = app_settings.recent_files()
        if not files:
            empty = menu.addAction(self.tr("(belum ada)"))
            empty.setEnabled(False)
            return
        for i, path in enumerate(files, start=1):
            act = menu.addAction(f"&{i}  {Path(path).name}  —  {Path(path).parent}")
            act.triggered.connect(lambda _c=False, p=path: self.ctl.open_document(Path(p)))

    # ================================================================== document life cycle
    def attach_document(self, doc: RenjaDocument, session: WorkSession | None = None) -> None:
        self.doc = doc
        self.ctl.start(doc, session)
        self.stack.clear()
        self.editor = Editor(doc, self.stack, self)
        self.editor.failed.connect(self._undo_failed)
        self._build_document_ui()
        self.stack.setClean()
        doc.add_listener(self._on_change)
        self.ctl.outside_timer.start()  # a change another process makes to the file is reloaded
        stages_ui.attach(self, doc)
        self._show_document_ui(True)
        self.update_totals()
        self.update_title()
        self.update_actions()

    def detach_document(self, close: bool = True) -> RenjaDocument | None:
        """Take the document out of the window. ``close=False`` leaves the document open and the
        session (its locks) alive, for the caller to carry on with (adopting a merge)."""
        doc = self.doc
        if doc is None:
            return None
        doc.remove_listener(self._on_change)
        self.ctl.outside_timer.stop()
        self._tear_down_document_ui()
        self.stack.clear()
        self.editor = None
        self.doc = None
        if close:
            doc.close()
            self.ctl.end()
        self._show_document_ui(False)
        self.update_title()
        self.update_actions()
        return doc

    def _build_document_ui(self) -> None:
        doc, editor = self.doc, self.editor
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.plan_page = PlanPage(doc, editor, self.tabs)
        # the tabs not shown at opening build their trees when first shown (gui/pages.py)
        self.eval_page = EvalPage(doc, editor, self.tabs, lazy=True)
        self.t23_page = Tabel23Page(doc, editor, self.tabs, lazy=True)
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
        self.document_page = LazyTab(partial(make_document_tab, self), self.tabs)  # made when first shown
        self.tabs.addTab(self.document_page, self.tr("Dokumen"))
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
        self.actions_["quarters"].setChecked(self.eval_page.quarters_visible())
        self.tabs.setCurrentWidget(self.plan_page)
        first = self.plan_page.view.model().index(0, 0)
        if first.isValid():
            self.plan_page.view.setCurrentIndex(first)
        self.plan_page.view.setFocus()

    @property
    def document_tab(self):
        """The Dokumen tab's content (made now if never shown), or None without a document."""
        return self.document_page.content() if self.document_page is not None else None

    def _built_document_tab(self):  # (None: never shown, nothing in it to refresh or save)
        return self.document_page and self.document_page.built_content()

    def _tear_down_document_ui(self) -> None:
        for page in self.pages.values():
            page.detach()
        for widget in (self.identity, self.detail, self.findings, self._built_document_tab()):
            if widget is not None:
                widget.detach()
        self.document_page = None
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

    def tree_call(self, name: str) -> None:
        page = self.current_page()
        if isinstance(page, TreePage):
            target = getattr(page.view, name, None) or getattr(page, name)
            target()

    def focus_search(self) -> None:
        page = self.current_page()
        if isinstance(page, TreePage):
            page.search.setFocus()
            page.search.selectAll()

    def toggle_quarters(self) -> None:
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
            place = self.ctl.place_name()
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
                    "di %1.").replace("%1", self.ctl.place_name()))
            else:
                self.saved_label.setToolTip(self.tr("Setiap perubahan langsung tersimpan ke berkas kerja ini."))
        elif origin is not None:
            place = self.ctl.place_name()
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
        page = self.current_page()
        for spec in actions.ACTIONS:
            if spec.enabled is None:
                continue
            if spec.enabled.startswith("op:"):
                a[spec.key].setEnabled(bool(page is not None and page.can(spec.enabled[3:])))
            else:
                a[spec.key].setEnabled(bool(actions.ENABLED[spec.enabled](self)))
        undo_text = self.stack.undoText()
        redo_text = self.stack.redoText()
        a["undo"].setText(self.tr("&Urungkan %1").replace("%1", undo_text).strip() if undo_text else self.tr("&Urungkan"))
        a["redo"].setText(self.tr("Ulan&gi %1").replace("%1", redo_text).strip() if redo_text else self.tr("Ulan&gi"))
        session = self.session
        if session is not None and session.origin is not None:
            a["save_origin"].setText(self.tr("Simpan ke &folder jaringan") if session.location == location.NETWORK
                                     else self.tr("Simpan ke &flash disk"))
            a["save_origin"].setToolTip(self.tr("Menyimpan dokumen kembali ke %1").replace("%1", str(session.origin)))
        else:
            a["save_origin"].setText(self.tr("Simpan ke &flash disk"))
            a["save_origin"].setToolTip(self.tr("Hanya untuk dokumen yang dibuka dari flash disk atau folder jaringan"))

    # ================================================================== findings
    def jump_to_finding(self, finding) -> None:
        if self.tabs is None:
            return
        tabel = finding.tabel
        if tabel == "naskah" and self.document_page is not None:  # the written document
            self.tabs.setCurrentWidget(self.document_page)
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

        tab = self._built_document_tab()
        if tab is not None:
            tab.commit()
        dialog = PrintDialog(self.doc, self, mode=mode if isinstance(mode, str) else "tables")
        dialog.exec()

    def show_guide(self) -> None:
        from .guide import GuideDialog

        GuideDialog(self).exec()

    def set_language(self, lang: str) -> None:
        """Tampilan ▸ Bahasa: switch (gui/language.py), then rebuild the window's texts."""
        if language.switch_language(lang):
            self.retranslate()

    def retranslate(self) -> None:
        """Rebuild every text of the window in the current language (the document stays open)."""
        current = self.tabs.currentIndex() if self.tabs is not None else 0
        row = self.plan_page.current_row_id() if self.plan_page is not None else None
        self.save_view_state()
        had_doc = self.doc is not None
        if had_doc:
            self.doc.remove_listener(self._on_change)
            self._tear_down_document_ui()
        old_actions = list(self.actions_.values())
        actions.build_actions(self)
        actions.build_menus(self)
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

    def save_view_state(self) -> None:
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
        if self.doc is not None and not self.ctl.confirm_leave():
            event.ignore()
            return
        self.save_view_state()
        app_settings.set_value("window/geometry", self.saveGeometry())
        app_settings.set_value("window/state", self.saveState())
        app_settings.settings().sync()
        self.detach_document()
        event.accept()
