"""Tests never touch the user's real folders (imported by tests/conftest.py before anything else).

:func:`install` runs once at the start of the test session:

* it notes where the real user folders of Renja Desktop are (data, config, cache, logs and the
  documents folder, as :mod:`platformdirs` and ``QSettings`` would find them);
* it points ``HOME``, ``USERPROFILE``, ``APPDATA``, ``LOCALAPPDATA``, the ``XDG_*`` folders and
  ``RENJA_DESKTOP_DATA_DIR`` at a temporary folder for the whole session (a module-scoped fixture
  that runs before the per-test data folder therefore still writes there, and so does every
  subprocess a test starts); the caches of pip, PyInstaller and the Windows tools stay where they
  were;
* it adds an audit hook (:func:`sys.addaudithook`) that refuses, with :class:`TouchedUserFolder`,
  every write into a real user folder by this process (``open`` for writing, ``os.mkdir``,
  ``os.remove``, ``os.rename``, ``shutil`` copies, any ``sqlite3.connect``) and remembers it;
  ``conftest.pytest_sessionfinish`` fails the run if anything was remembered, even when the code
  under test swallowed the error.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

APP = "RenjaDesktop"

#: the real folders (resolved), filled by install()
REAL_FOLDERS: list[str] = []
#: what tried to touch them: "event path"
VIOLATIONS: list[str] = []
SESSION_HOME: Path | None = None

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_PATH_EVENTS = {"os.mkdir": 0, "os.remove": 0, "os.rmdir": 0, "os.rename": 0, "os.link": 0,
                "os.symlink": 1, "os.truncate": 0, "shutil.copyfile": 1, "shutil.copytree": 1,
                "shutil.rmtree": 0, "shutil.move": 1, "sqlite3.connect": 0}


class TouchedUserFolder(RuntimeError):
    """A test tried to write into the user's real folders (not an OSError: nothing may swallow it)."""


def _real_folders() -> list[str]:
    from platformdirs import (
        user_cache_dir, user_config_dir, user_data_dir, user_documents_dir, user_log_dir, user_state_dir,
    )

    folders = [user_data_dir(APP, APP), user_config_dir(APP, APP), user_cache_dir(APP, APP),
               user_log_dir(APP, APP), user_state_dir(APP, APP), str(Path(user_documents_dir()) / "Renja Desktop"),
               str(Path.home() / ".config" / APP)]  # QSettings' own default place on Linux
    return sorted({os.path.realpath(f) for f in folders})


def _path_of(value) -> str | None:
    if isinstance(value, int) or value is None:
        return None
    try:
        text = os.fsdecode(value)
    except TypeError:
        return None
    if text.startswith("file:"):  # a SQLite URI
        text = text[5:].split("?", 1)[0]
    if text in ("", ":memory:"):
        return None
    return os.path.realpath(text)


def _inside_real_folder(path: str | None) -> bool:
    return path is not None and any(path == f or path.startswith(f + os.sep) for f in REAL_FOLDERS)


def _hook(event: str, args: tuple) -> None:
    if event == "open":
        path, mode, flags = (tuple(args) + (None, None, None))[:3]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or \
            (mode is None and isinstance(flags, int) and flags & _WRITE_FLAGS)
        if not writes:
            return
        target = _path_of(path)
    elif event in _PATH_EVENTS:
        targets = [_path_of(a) for a in args[:2] if not isinstance(a, int)]
        target = next((t for t in targets if _inside_real_folder(t)), None)
    else:
        return
    if _inside_real_folder(target):
        VIOLATIONS.append(f"{event} {target}")
        raise TouchedUserFolder(f"a test touched the user's real folder: {event} {target}")


def install() -> Path:
    """Redirect the user folders to a temporary one and guard the real ones (once per session)."""
    global SESSION_HOME
    if SESSION_HOME is not None:
        return SESSION_HOME
    REAL_FOLDERS[:] = _real_folders()
    # the build and download tools some tests run keep their caches and settings where they were
    real_home = Path.home()
    os.environ.setdefault("RENJA_TOOLS_DIR", str(real_home / ".cache" / "renja-desktop-tools"))
    os.environ.setdefault("PIP_CACHE_DIR", str(real_home / ".cache" / "pip"))
    os.environ.setdefault("PYINSTALLER_CONFIG_DIR", str(real_home / ".cache" / "pyinstaller"))
    pip_conf = Path(os.environ.get("XDG_CONFIG_HOME") or real_home / ".config") / "pip" / "pip.conf"
    if pip_conf.is_file():
        os.environ.setdefault("PIP_CONFIG_FILE", str(pip_conf))
    home = Path(tempfile.mkdtemp(prefix="renja-test-home-"))
    for name, sub in (("HOME", ""), ("USERPROFILE", ""), ("APPDATA", "AppData/Roaming"),
                      ("LOCALAPPDATA", "AppData/Local"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                      ("XDG_STATE_HOME", ".local/state"), ("XDG_DOCUMENTS_DIR", "Documents"),
                      ("RENJA_DESKTOP_DATA_DIR", "renja-data")):
        folder = home / sub if sub else home
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder)
    SESSION_HOME = home
    sys.addaudithook(_hook)
    return home


@contextlib.contextmanager
def expect_violation():
    """For the guard's own test: the block must be refused; the refusal is then forgotten."""
    count = len(VIOLATIONS)
    try:
        yield
    except TouchedUserFolder:
        pass
    else:  # pragma: no cover - the guard failed
        raise AssertionError("the write into the real user folder was not refused")
    finally:
        del VIOLATIONS[count:]
