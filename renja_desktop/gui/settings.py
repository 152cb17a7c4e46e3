"""Remembered user preferences (window geometry, column widths, recent files, language).

Stored with :class:`QSettings` in an INI file inside the user's data folder
(:func:`renja_desktop.paths.data_dir`), so a portable install and the tests (which point
``RENJA_DESKTOP_DATA_DIR`` at a temporary folder) never touch the real registry.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..paths import data_dir

MAX_RECENT = 8
LANGUAGES = ("id", "en")


def settings() -> QSettings:
    return QSettings(str(data_dir() / "renja-desktop.ini"), QSettings.Format.IniFormat)


def language() -> str:
    lang = str(settings().value("ui/language", "id") or "id")
    return lang if lang in LANGUAGES else "id"


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    s = settings()
    s.setValue("ui/language", lang)
    s.sync()


def recent_files() -> list[str]:
    value = settings().value("files/recent", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in (value or []) if v]


def add_recent_file(path: str | Path) -> list[str]:
    path = str(Path(path).resolve())
    files = [f for f in recent_files() if f != path]
    files.insert(0, path)
    files = files[:MAX_RECENT]
    s = settings()
    s.setValue("files/recent", files)
    s.sync()
    return files


def remove_recent_file(path: str | Path) -> list[str]:
    files = [f for f in recent_files() if f != str(path)]
    s = settings()
    s.setValue("files/recent", files)
    s.sync()
    return files


def column_widths(key: str) -> list[int]:
    value = settings().value(f"columns/{key}", [])
    if isinstance(value, str):
        value = [value]
    out = []
    for v in value or []:
        try:
            out.append(int(v))
        except (TypeError, ValueError):
            return []
    return out


def set_column_widths(key: str, widths: list[int]) -> None:
    s = settings()
    s.setValue(f"columns/{key}", [int(w) for w in widths])


def value(key: str, default=None):
    return settings().value(key, default)


def set_value(key: str, val) -> None:
    s = settings()
    s.setValue(key, val)
