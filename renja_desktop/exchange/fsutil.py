"""Careful file operations: flushed writes, atomic replace with retries, leftover clean-up.

Temporary files are named ``.<target name>.<random>.renja-tmp`` and sit beside their target (so the
final rename stays on one device and is atomic). Each one is recorded in a small journal in the
user's data folder before it is created; :func:`remove_leftover_temps` (called once when the app starts)
removes those a crash or a pulled drive left behind.
"""
from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path
from typing import Callable, Iterable

from .. import paths
from . import _kernel32

TMP_SUFFIX = ".renja-tmp"
CHUNK = 1 << 20



def _write_all(fh, chunk) -> None:
    view = memoryview(chunk)
    while len(view):
        n = fh.write(view)
        if n is None or n <= 0:
            raise OSError(5, "penulisan gagal")
        view = view[n:]


#: hook for tests: called with (file object, chunk) for every chunk written by :func:`write_bytes`
write_chunk: Callable = _write_all


def _journal_path() -> Path:
    folder = paths.data_dir() / "exchange"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "pending-temp.json"


def _read_journal() -> list[str]:
    try:
        data = json.loads(_journal_path().read_text(encoding="utf-8"))
        return [str(x) for x in data] if isinstance(data, list) else []
    except (OSError, ValueError):
        return []


def _write_journal(items: Iterable[str]) -> None:
    path = _journal_path()
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(sorted(set(items)), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # the journal only helps clean-up; never block a save on it


def _owner_tag() -> str:
    """``<host>-<pid>`` of this process, as it appears in the names of its temporary files."""
    import re
    import socket

    host = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:24] or "pc"
    return f"{host}-{os.getpid()}"


def temp_path_for(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (recorded in the clean-up journal). The name
    carries this computer and process (``.<name>.<host>-<pid>-<random>.renja-tmp``), so the next
    copy to the same folder knows a leftover of a process that is gone (:func:`remove_leftovers`)."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{_owner_tag()}-{secrets.token_hex(4)}{TMP_SUFFIX}")
    _write_journal(_read_journal() + [str(tmp)])
    return tmp


#: a temporary file of another computer (or of an older version) is left alone this long
FOREIGN_TEMP_AGE_S = 600


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the temporary files an interrupted copy (killed, crashed, drive pulled) left beside
    ``target``: those of a process of this computer that no longer runs, and any other one not
    touched for :data:`FOREIGN_TEMP_AGE_S` seconds (a copy from another PC to the same flash disk
    at the same moment is left alone). Returns what was removed."""
    import re

    from .lock import pid_alive

    target = Path(target)
    host, _pid = _owner_tag().rsplit("-", 1)
    removed = []
    try:
        found = list(target.parent.glob(f".{target.name}.*{TMP_SUFFIX}"))
    except OSError:
        return removed
    for p in found:
        m = re.match(rf"^\.{re.escape(target.name)}\.([A-Za-z0-9]+)-(\d+)-[0-9a-f]+{re.escape(TMP_SUFFIX)}$",
                     p.name, flags=re.IGNORECASE)
        try:
            if m and m.group(1).lower() == host.lower():
                gone = not pid_alive(int(m.group(2)))
            else:
                gone = time.time() - p.stat().st_mtime > FOREIGN_TEMP_AGE_S
        except (OSError, ValueError):
            continue
        if gone:
            forget_temp(p)
            if not p.exists():
                removed.append(p)
    return removed


def drop_cache(path: Path) -> None:
    """Make the next read of ``path`` come from the medium, not from the operating system's cache
    of it: a flash disk that drops writes (fake capacity) then shows it when the copy is verified.

    Linux/POSIX: flush, then ``posix_fadvise(POSIX_FADV_DONTNEED)`` over the whole file. Windows:
    a handle opened without buffering (``FILE_FLAG_NO_BUFFERING``) makes the cache manager write
    out and purge the file's cached pages (:func:`purge_cache_windows`)."""
    if os.name == "nt":  # pragma: no cover - Windows only (the logic is tested with a fake)
        purge_cache_windows(_kernel32.kernel32(), path)
        return
    advise = getattr(os, "posix_fadvise", None)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)  # DONTNEED leaves dirty pages in place
        if advise is not None:
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


GENERIC_READ = 0x80000000
FILE_SHARE_ALL = 0x1 | 0x2 | 0x4
OPEN_EXISTING = 3
FILE_FLAG_NO_BUFFERING = 0x20000000
INVALID_HANDLE_VALUE = (1 << 64) - 1


def purge_cache_windows(k32, path: Path) -> None:
    """Open ``path`` once without buffering and close it (Windows: the file's cached pages are
    written out and dropped). ``k32`` is :func:`_kernel32.kernel32` or a fake in the tests."""
    handle = k32.CreateFileW(str(path), GENERIC_READ, FILE_SHARE_ALL, None, OPEN_EXISTING,
                             FILE_FLAG_NO_BUFFERING, None)
    if handle in (None, 0, -1, INVALID_HANDLE_VALUE):
        raise _kernel32.win_error(k32.get_last_error(), str(path))
    k32.CloseHandle(handle)


def forget_temp(tmp: Path) -> None:
    """Remove ``tmp`` if it exists and drop it from the journal (errors ignored)."""
    for side in (Path(tmp), Path(str(tmp) + "-journal")):
        try:
            side.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            return  # still there (drive gone?): keep it in the journal for the next start
    _write_journal(x for x in _read_journal() if x != str(tmp))


def write_bytes(path: Path, data) -> None:
    """Create ``path`` (must not exist), write ``data`` (bytes or an object with ``chunks()``),
    flush it to the device (``fsync``) and close it."""
    if hasattr(data, "chunks"):
        pieces = data.chunks(CHUNK)
    else:
        view = memoryview(data)
        pieces = (view[a:a + CHUNK] for a in range(0, len(view), CHUNK))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    with os.fdopen(fd, "wb", buffering=0) as fh:
        for chunk in pieces:
            write_chunk(fh, chunk)
        fh.flush()
        os.fsync(fh.fileno())


def create_empty(path: Path) -> None:
    """Create ``path`` as a new empty file (it must not exist): errors such as a read-only or
    removed drive show here, before any work is done."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    os.close(fd)


def fsync_path(path: Path) -> None:
    """Flush ``path``'s data to the device."""
    with open(path, "r+b", buffering=0) as fh:
        os.fsync(fh.fileno())


def patch_bytes(path: Path, offset: int, data: bytes) -> None:
    """Overwrite ``len(data)`` bytes of ``path`` at ``offset`` and flush them to the device."""
    with open(path, "r+b", buffering=0) as fh:
        fh.seek(offset)
        write_chunk(fh, data)
        os.fsync(fh.fileno())


def link_or_copy(src: Path, dst: Path) -> None:
    """``dst`` becomes a copy of ``src``: a hard link when both are on one file system (instant,
    and the old bytes stay referenced when ``src`` is later replaced), else a byte copy."""
    import shutil

    try:
        os.link(src, dst)
        return
    except (OSError, NotImplementedError, AttributeError):
        pass
    shutil.copyfile(src, dst)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX). On Windows the replace itself writes through."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


#: Windows errors of a file another program holds for a moment (antivirus, indexer, Excel):
#: access denied, sharing violation, lock violation
_RETRY_WINERRORS = {_kernel32.ERROR_ACCESS_DENIED, _kernel32.ERROR_SHARING_VIOLATION, _kernel32.ERROR_LOCK_VIOLATION}

MOVEFILE_REPLACE_EXISTING = 0x1
MOVEFILE_WRITE_THROUGH = 0x8


def move_file_replace(k32, src: Path, dst: Path) -> None:
    """Windows: put ``src`` in place of ``dst`` with ``MoveFileExW`` (replace, write through), through
    the kernel32 object ``k32``. Raises ``OSError`` with ``winerror`` set when Windows refuses."""
    if not k32.MoveFileExW(str(src), str(dst), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH):
        raise _kernel32.win_error(k32.get_last_error(), str(src), str(dst))


def _move_replace(src: Path, dst: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows only (move_file_replace is tested with a fake)
        move_file_replace(_kernel32.kernel32(), src, dst)
        return
    os.replace(src, dst)


#: hook for tests: the replace step (src, dst)
replace_step: Callable[[Path, Path], None] = _move_replace


def replace_with_retries(src: Path, dst: Path, attempts: int = 12, first_delay: float = 0.05) -> None:
    """Atomically put ``src`` in place of ``dst``. Antivirus scanners and indexers hold fresh files
    open for a moment on Windows (WinError 5/32/33): wait and retry, about 3 seconds in all."""
    delay = first_delay
    for attempt in range(attempts):
        try:
            replace_step(src, dst)
            return
        except OSError as exc:
            winerror = getattr(exc, "winerror", None)
            if winerror not in _RETRY_WINERRORS or attempt == attempts - 1:
                raise
            time.sleep(delay)
            delay = min(delay * 1.6, 0.5)


def remove_leftover_temps(extra_folders: Iterable[Path] = ()) -> list[Path]:
    """Remove temporary files a crash or a removed drive left behind (part of
    :func:`renja_desktop.exchange.backups.startup_cleanup`).

    Cleans every temp file named in the journal (if its drive is back), and ``*.renja-tmp`` files
    in the documents, backups and bases folders and ``extra_folders``. Returns what was removed.
    """
    removed: list[Path] = []
    keep: list[str] = []
    for item in _read_journal():
        p = Path(item)
        try:
            if p.exists():
                p.unlink()
                removed.append(p)
            j = Path(item + "-journal")
            if j.exists():
                j.unlink()
        except OSError:
            keep.append(item)  # drive not present now or file held: try again next start
            continue
    folders = [paths.documents_dir(), paths.backups_dir(), paths.data_dir() / "bases", *extra_folders]
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for p in list(folder.glob(f"*{TMP_SUFFIX}")) + list(folder.glob(f"*/*{TMP_SUFFIX}")):
            try:
                if time.time() - p.stat().st_mtime < 5:
                    continue  # being written right now by another instance
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    # keep only entries whose files still exist somewhere we could not reach
    _write_journal(k for k in keep if not Path(k).parent.exists() or Path(k).exists())
    return removed


__all__ = [
    "temp_path_for", "forget_temp", "remove_leftovers", "drop_cache", "purge_cache_windows", "write_bytes",
    "create_empty", "fsync_path", "patch_bytes", "fsync_dir", "replace_with_retries", "remove_leftover_temps",
    "TMP_SUFFIX",
]
