"""Every command of the main window, declared once: :data:`ACTIONS` (text, shortcut, handler, when
it is enabled), :data:`MENUS` and :data:`TOOLBAR` (where each appears). :func:`build_actions` and
:func:`build_menus` make the window's QActions, menu bar and toolbar from them (again after a
language switch); :meth:`MainWindow.update_actions` enables them by :data:`ENABLED`. Texts are
translated in the window's context ("MainWindow").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from . import stages_ui
from . import settings as app_settings

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

translate = QCoreApplication.translate

#: the Edit menu operations a page may support
OPERATIONS = ("add_child", "add_sibling", "delete", "move_up", "move_down", "copy", "paste")

SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command of the window: menus, toolbar and shortcuts all use the action built from it.

    ``handler`` is a method of the window (``"print_tables"``, ``"ctl.save_to_origin"``), or
    ``op:NAME`` (an operation of the current page), ``tree:NAME`` (of the current tree) or
    ``lang:XX``. ``enabled`` names when it can be used (:data:`ENABLED`; ``None``: always)."""

    key: str
    text: str
    handler: str
    shortcuts: tuple = ()
    tip: str = ""
    enabled: str | None = None
    tabs_only: bool = False
    checkable: bool = False


ACTIONS = (
    ActionSpec(
        "new", QT_TRANSLATE_NOOP("MainWindow", "&Baru…"), "ctl.new_document",
        shortcuts=(SK.New,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Membuat dokumen Renja baru"),
    ),
    ActionSpec(
        "open", QT_TRANSLATE_NOOP("MainWindow", "B&uka…"), "ctl.open_dialog",
        shortcuts=(SK.Open,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Membuka berkas Renja (.sqlite)"),
    ),
    ActionSpec(
        "sample", QT_TRANSLATE_NOOP("MainWindow", "Buka &contoh"), "ctl.open_sample",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Membuka salinan baru dokumen contoh Kesbangpol Binjai 2024"),
    ),
    ActionSpec(
        "save_origin", QT_TRANSLATE_NOOP("MainWindow", "Simpan ke &flash disk"), "ctl.save_to_origin",
        shortcuts=(SK.Save,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menyimpan dokumen kembali ke flash disk atau folder jaringan asalnya "
                                            "(salinan terverifikasi)"),
        enabled="origin",
    ),
    ActionSpec(
        "save_copy", QT_TRANSLATE_NOOP("MainWindow", "&Simpan salinan sebagai…"), "ctl.save_copy_as",
        shortcuts=("Ctrl+Shift+S",),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menyimpan salinan terverifikasi, mis. ke flash disk"),
        enabled="doc",
    ),
    ActionSpec(
        "compare", QT_TRANSLATE_NOOP("MainWindow", "Ba&ndingkan / gabungkan dengan salinan…"), "ctl.compare_with_copy",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Membandingkan dokumen ini dengan salinan lainnya (mis. dari komputer "
                                            "lain) dan menggabungkan keduanya ke berkas baru"),
        enabled="doc",
    ),
    ActionSpec(
        "backups", QT_TRANSLATE_NOOP("MainWindow", "Ca&dangan…"), "ctl.show_backups",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Cadangan otomatis dokumen ini: pulihkan sebagai berkas baru atau "
                                            "bandingkan"),
        enabled="doc",
    ),
    ActionSpec(
        "consolidate", QT_TRANSLATE_NOOP("MainWindow", "&Gabungkan Renja perangkat daerah…"), "ctl.consolidate",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menggabungkan Renja banyak perangkat daerah menjadi satu tampilan kota "
                                            "(untuk Bappeda)"),
    ),
    ActionSpec(
        "recover", QT_TRANSLATE_NOOP("MainWindow", "Selamatkan berkas &rusak…"), "ctl.recover_dialog",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menyelamatkan isi yang masih terbaca dari berkas rusak ke berkas baru"),
    ),
    ActionSpec(
        "close", QT_TRANSLATE_NOOP("MainWindow", "&Tutup"), "close_document",
        shortcuts=(SK.Close,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menutup dokumen"),
        enabled="doc",
    ),
    ActionSpec(
        "import", QT_TRANSLATE_NOOP("MainWindow", "&Impor tabel…"), "import_table",
        shortcuts=("Ctrl+I",),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Mengimpor tabel Renja dari Excel (.xlsx), CSV/TSV atau teks"),
        enabled="writable",
    ),
    ActionSpec(
        "catalog", QT_TRANSLATE_NOOP("MainWindow", "K&atalog nomenklatur…"), "show_catalog",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Versi katalog nomenklatur: memuat versi baru dari Excel/CSV/TSV, "
                                            "memilih versi yang diikuti dokumen"),
    ),
    ActionSpec(
        "print", QT_TRANSLATE_NOOP("MainWindow", "C&etak…"), "print_tables",
        shortcuts=(SK.Print,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Mencetak tabel lampiran, menyimpan PDF atau mengekspor Excel"),
        enabled="doc",
    ),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "&Keluar"), "close", shortcuts=("Ctrl+Q",)),
    ActionSpec("undo", QT_TRANSLATE_NOOP("MainWindow", "&Urungkan"), "undo", shortcuts=("Ctrl+Z",), enabled="undo"),
    ActionSpec(
        "redo", QT_TRANSLATE_NOOP("MainWindow", "Ulan&gi"), "redo",
        shortcuts=("Ctrl+Y", "Ctrl+Shift+Z"),
        enabled="redo",
    ),
    ActionSpec(
        "add_child", QT_TRANSLATE_NOOP("MainWindow", "Tambah &anak"), "op:add_child",
        shortcuts=("Ctrl+Shift+Insert",),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menambah baris rincian di bawah baris terpilih"),
        enabled="op:add_child",
        tabs_only=True,
    ),
    ActionSpec(
        "add_sibling", QT_TRANSLATE_NOOP("MainWindow", "Tambah &saudara"), "op:add_sibling",
        shortcuts=("Insert",),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menambah baris setingkat sesudah baris terpilih"),
        enabled="op:add_sibling",
        tabs_only=True,
    ),
    ActionSpec(
        "delete", QT_TRANSLATE_NOOP("MainWindow", "&Hapus"), "op:delete",
        shortcuts=(SK.Delete,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menghapus baris terpilih beserta rinciannya"),
        enabled="op:delete",
        tabs_only=True,
    ),
    ActionSpec(
        "move_up", QT_TRANSLATE_NOOP("MainWindow", "Pindah &naik"), "op:move_up",
        shortcuts=("Ctrl+Shift+Up",),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Memindah baris ke atas (kode mengikuti induk baru)"),
        enabled="op:move_up",
        tabs_only=True,
    ),
    ActionSpec(
        "move_down", QT_TRANSLATE_NOOP("MainWindow", "Pindah tu&run"), "op:move_down",
        shortcuts=("Ctrl+Shift+Down",),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Memindah baris ke bawah (kode mengikuti induk baru)"),
        enabled="op:move_down",
        tabs_only=True,
    ),
    ActionSpec(
        "copy", QT_TRANSLATE_NOOP("MainWindow", "Sa&lin"), "op:copy",
        shortcuts=(SK.Copy,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menyalin baris terpilih beserta rinciannya"),
        enabled="op:copy",
        tabs_only=True,
    ),
    ActionSpec(
        "paste", QT_TRANSLATE_NOOP("MainWindow", "&Tempel"), "op:paste",
        shortcuts=(SK.Paste,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Menempel baris yang disalin, atau baris dari Excel (dipisah tab)"),
        enabled="op:paste",
        tabs_only=True,
    ),
    ActionSpec(
        "find", QT_TRANSLATE_NOOP("MainWindow", "&Cari…"), "focus_search",
        shortcuts=(SK.Find,),
        enabled="doc",
    ),
    ActionSpec(
        "clear_declared", QT_TRANSLATE_NOOP("MainWindow", "Hapus nilai tercetak hasil &impor…"), "clear_declared",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Setelah ditinjau: pemeriksaan tidak lagi membandingkan angka tercetak "
                                            "dokumen asal"),
        enabled="declared",
    ),
    ActionSpec("expand", QT_TRANSLATE_NOOP("MainWindow", "&Bentangkan semua"), "tree:expandAll", enabled="doc"),
    ActionSpec(
        "collapse", QT_TRANSLATE_NOOP("MainWindow", "&Ciutkan ke program"), "tree:collapse_to_programs",
        enabled="doc",
    ),
    ActionSpec(
        "quarters", QT_TRANSLATE_NOOP("MainWindow", "Kolom &triwulan pada Tabel 2.1"), "toggle_quarters",
        checkable=True,
    ),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "&Tentang Renja Desktop"), "show_about"),
    ActionSpec(
        "guide", QT_TRANSLATE_NOOP("MainWindow", "&Panduan"), "show_guide",
        shortcuts=(SK.HelpContents,),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Panduan pemakaian Renja Desktop"),
    ),
    ActionSpec("lang_id", QT_TRANSLATE_NOOP("MainWindow", "Bahasa Indonesia"), "lang:id", checkable=True),
    ActionSpec("lang_en", QT_TRANSLATE_NOOP("MainWindow", "English"), "lang:en", checkable=True),
)

#: when an action can be used, by the name an :class:`ActionSpec` gives
ENABLED = {
    "doc": lambda w: w.doc is not None,
    "writable": lambda w: w.doc is not None and not w.doc.readonly,
    "declared": lambda w: w.doc is not None and not w.doc.readonly and bool(w.doc.declared),
    "origin": lambda w: w.ctl.can_save_to_origin(),
    "undo": lambda w: w.stack.canUndo(),
    "redo": lambda w: w.stack.canRedo(),
}

RECENT = "recent files"
#: the menu bar: (title, entries); an entry is an action key, ``None`` (a separator), a dock's
#: toggle (``detail_dock``, ``findings_dock``) or a submenu (title, entries)
MENUS = (
    (QT_TRANSLATE_NOOP("MainWindow", "&Berkas"), (
        "new", "open", (QT_TRANSLATE_NOOP("MainWindow", "Buka terak&hir"), RECENT), "sample", None,
        "save_origin", "save_copy", "compare", "backups", None, "import", "catalog", "print", None,
        "consolidate", "recover", None, "close", "quit")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        "undo", "redo", None, "add_child", "add_sibling", "delete", None, "move_up", "move_down", None,
        "copy", "paste", None, "find", None, "clear_declared")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Tampilan"), (
        "detail_dock", "findings_dock", None, "expand", "collapse", "quarters", None,
        (QT_TRANSLATE_NOOP("MainWindow", "Ba&hasa"), ("lang_id", "lang_en")))),
    (QT_TRANSLATE_NOOP("MainWindow", "B&antuan"), ("guide", "about")),
)
TOOLBAR = ("open", "save_origin", "save_copy", "print", None, "undo", "redo", None, "add_child", "add_sibling",
           "delete", None, "move_up", "move_down")


def build_actions(window: "MainWindow") -> None:
    """One QAction per entry of :data:`ACTIONS` (texts in the current language)."""
    window.actions_ = {}
    for spec in ACTIONS:
        action = QAction(translate("MainWindow", spec.text), window)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(translate("MainWindow", spec.tip))
            action.setToolTip(translate("MainWindow", spec.tip))
        if spec.tabs_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(spec.checkable)
        action.triggered.connect(handler(window, spec.handler))
        window.actions_[spec.key] = action
    a = window.actions_
    # the toolbar keeps a short, fixed label; the menu item names what would be undone
    a["undo"].setIconText(a["undo"].text().replace("&", ""))
    a["redo"].setIconText(a["redo"].text().replace("&", ""))
    a["quarters"].setChecked(app_settings.value("eval/quarters", False) in (True, "true", "1"))
    window.language_group = QActionGroup(window)
    for lang in ("id", "en"):
        a[f"lang_{lang}"].setActionGroup(window.language_group)
        a[f"lang_{lang}"].setChecked(app_settings.language() == lang)


def handler(window: "MainWindow", name: str):
    """The slot an action spec names: ``op:NAME`` runs a page operation, ``lang:XX`` switches
    the language, ``tree:NAME`` calls the current tree, else a (dotted) method of the window."""
    kind, _, arg = name.partition(":")
    if kind == "op":
        return lambda _checked=False: window.run_operation(arg)
    if kind == "lang":
        return lambda _checked=False: window.set_language(arg)
    if kind == "tree":
        return lambda _checked=False: window.tree_call(arg)

    def call(_checked=False):
        target = window
        for part in name.split("."):
            target = getattr(target, part)
        target()
    return call


def build_menus(window: "MainWindow") -> None:
    """The menu bar from :data:`MENUS` and the toolbar from :data:`TOOLBAR`."""
    bar = window.menuBar()
    bar.clear()
    special = {"detail_dock": window.detail_dock.toggleViewAction(),
               "findings_dock": window.findings_dock.toggleViewAction()}
    for title, keys in MENUS:
        if title == MENUS[-1][0]:  # Tahap (stages, notes, Perubahan, next year, Renstra) before Bantuan
            stages_ui.install_menu(window, bar)
        menu = bar.addMenu(translate("MainWindow", title))
        _fill_menu(window, menu, keys, special)
        if title == MENUS[1][0]:
            menu.aboutToShow.connect(window.update_actions)

    for tb in window.findChildren(QToolBar):
        window.removeToolBar(tb)
        tb.deleteLater()
    tb = QToolBar(translate("MainWindow", "Alat"), window)
    tb.setObjectName("mainToolbar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tb.setMovable(False)
    _fill_menu(window, tb, TOOLBAR, special)
    window.addToolBar(tb)


def _fill_menu(window: "MainWindow", menu, keys, special) -> None:
    for key in keys:
        if key is None:
            menu.addSeparator()
        elif isinstance(key, tuple):  # a submenu: (title, keys)
            sub = menu.addMenu(translate("MainWindow", key[0]))
            if key[1] == RECENT:
                window.recent_menu = sub
                sub.aboutToShow.connect(window.fill_recent)
            else:
                _fill_menu(window, sub, key[1], special)
        else:
            menu.addAction(special.get(key) or window.actions_[key])
