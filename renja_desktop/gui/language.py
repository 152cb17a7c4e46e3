"""The window's language: Bahasa Indonesia (the source language of every text) or English.

:func:`install_translators` loads the Qt translation files of a language into the application;
:func:`switch_language` remembers the user's choice and installs it, after which the main window
rebuilds its texts (:meth:`MainWindow.retranslate`, Tampilan ▸ Bahasa).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from .. import i18n
from ..paths import resources_dir
from . import settings as app_settings

_translators: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(lang: str) -> list[str]:
    """Install the translations for ``lang`` ('id' or 'en'); return the files loaded.

    Indonesian is the source language of every string in the app; only Qt's own texts (standard
    dialog buttons, line-edit context menus) need ``renja_qt_id.qm``. English loads ``renja_en.qm``.
    """
    app = QCoreApplication.instance()
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    loaded = []
    names = ["renja_en"] if lang == "en" else ["renja_qt_id"]
    for name in names:
        tr = QTranslator(app)
        path = translations_dir() / f"{name}.qm"
        if path.exists() and tr.load(str(path)):
            app.installTranslator(tr)
            _translators.append(tr)
            loaded.append(path.name)
    i18n.set_language(lang)   # messages and labels made by the core
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Indonesian,
                               QLocale.Country.Indonesia))
    return loaded


def switch_language(lang: str) -> bool:
    """Make ``lang`` the language of the app from now on; ``False`` when it already was."""
    if lang == app_settings.language():
        return False
    app_settings.set_language(lang)
    install_translators(lang)
    return True
