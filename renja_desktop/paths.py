"""Where the app finds its bundled files and keeps the user's data (source tree or frozen build)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_documents_dir

APP_NAME = "RenjaDesktop"
APP_AUTHOR = "RenjaDesktop"


def app_root() -> Path:
    """The folder holding ``resources/`` and ``db/``: the checkout, or PyInstaller's bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def db_dir() -> Path:
    return app_root() / "db"


def data_dir() -> Path:
    """The user's data folder (backups, logs, working copies). ``RENJA_DESKTOP_DATA_DIR`` overrides."""
    override = os.environ.get("RENJA_DESKTOP_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    """Where working copies of documents live (local disk). ``RENJA_DESKTOP_DATA_DIR`` overrides."""
    override = os.environ.get("RENJA_DESKTOP_DATA_DIR")
    path = Path(override) / "Dokumen" if override else Path(user_documents_dir()) / "Renja Desktop"
    path.mkdir(parents=True, exist_ok=True)
    return path
