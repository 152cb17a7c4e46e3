"""Shared user-visible texts and small dialog helpers, all through Qt's translation system.

Source texts are Bahasa Indonesia; ``resources/translations/renja_en.ts`` gives English. Qt's own
buttons (OK, Cancel, Yes, No...) come from ``renja_qt_id.ts`` when the language is Indonesian;
the helpers below also set their button texts explicitly so a message box never shows English
words in the Indonesian interface, whatever Qt translation is (not) installed.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import registry

translate = QCoreApplication.translate

SEVERITY_TEXTS = {
    "error": QT_TRANSLATE_NOOP("Findings", "Galat"),
    "warning": QT_TRANSLATE_NOOP("Findings", "Peringatan"),
    "info": QT_TRANSLATE_NOOP("Findings", "Info"),
}


def level_name(level: int | None) -> str:
    """A level's name in the window's language (from the registry)."""
    return registry.level_label(level)


def severity_name(severity: str) -> str:
    return translate("Findings", SEVERITY_TEXTS[severity]) if severity in SEVERITY_TEXTS else severity


def _button_texts() -> dict:
    B = QMessageBox.StandardButton
    return {
        B.Ok: translate("Dialogs", "Oke"),
        B.Cancel: translate("Dialogs", "Batal"),
        B.Yes: translate("Dialogs", "Ya"),
        B.No: translate("Dialogs", "Tidak"),
        B.Close: translate("Dialogs", "Tutup"),
        B.Save: translate("Dialogs", "Simpan"),
        B.Discard: translate("Dialogs", "Jangan simpan"),
        B.Retry: translate("Dialogs", "Coba lagi"),
        B.Open: translate("Dialogs", "Buka"),
    }


def localize_buttons(box: QMessageBox) -> None:
    texts = _button_texts()
    for std, text in texts.items():
        button = box.button(std)
        if button is not None:
            button.setText(text)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons=QMessageBox.StandardButton.Ok, default=None, informative: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    if informative:
        box.setInformativeText(informative)
    if default is not None:
        box.setDefaultButton(default)
    localize_buttons(box)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str, informative: str = "",
               default_yes: bool = False) -> bool:
    B = QMessageBox.StandardButton
    box = message_box(parent, QMessageBox.Icon.Question, title, text, B.Yes | B.No,
                      B.Yes if default_yes else B.No, informative)
    return box.exec() == B.Yes


def show_error(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    box = message_box(parent, QMessageBox.Icon.Warning, title, text, informative=informative)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    box = message_box(parent, QMessageBox.Icon.Information, title, text, informative=informative)
    box.exec()
