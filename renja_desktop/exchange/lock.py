"""A lock on an open document: a sidecar file ``<name>.renja-lock`` beside it.

Not a row in the document (that would travel with every copy). The lock file holds the PC name,
the user, the process id and when the file was opened (and last confirmed). A second instance that
finds a live lock is told "dibuka oleh ... sejak ..." and offered a read-only view; a lock left by a
crash is *stale* -- its process is gone on this same PC, or (another PC) it was not confirmed for
:data:`STALE_AFTER` -- and may be taken over. An instance holding a lock should call
:meth:`FileLock.refresh` every :data:`REFRESH_EVERY` seconds so other PCs can tell it is alive.

Creating the lock uses ``O_CREAT | O_EXCL`` (atomic on local disks and SMB shares); taking over
writes a new lock to a temporary name and renames it over the old one.
"""
from __future__ import annotations

import ctypes
import getpass
import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import _kernel32
from .errors import ExchangeError, os_error_message

LOCK_SUFFIX = ".renja-lock"
STALE_AFTER = timedelta(minutes=30)
REFRESH_EVERY = 300


def host_name() -> str:
    return os.environ.get("COMPUTERNAME") or socket.gethostname() or "?"


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database (containers)
        return os.environ.get("USERNAME") or os.environ.get("USER") or "?"


PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
STILL_ACTIVE = 259


def process_alive_windows(k32, pid: int) -> bool:
    """Windows: whether process ``pid`` runs, asked through the kernel32 object ``k32``."""
    if not 0 < pid <= 0xFFFFFFFF:
        return False
    handle = k32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # access denied: it exists, under another user; anything else: no such process
        return k32.get_last_error() == _kernel32.ERROR_ACCESS_DENIED
    try:
        code = ctypes.c_ulong()
        if not k32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == STILL_ACTIVE
    finally:
        k32.CloseHandle(handle)


def pid_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs on this PC."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows only (process_alive_windows is tested with a fake)
        return process_alive_windows(_kernel32.kernel32(), pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _parse_time(text: str) -> datetime | None:
    try:
        t = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


@dataclass
class LockInfo:
    host: str
    user: str
    pid: int
    since: str          # ISO time (UTC) when the file was opened
    refreshed: str      # ISO time (UTC) of the last confirmation
    token: str          # tells our own lock apart from an identical-looking one
    app: str = "Renja Desktop"

    @classmethod
    def mine(cls, app: str = "Renja Desktop") -> "LockInfo":
        now = _now().isoformat(timespec="seconds")
        return cls(host_name(), user_name(), os.getpid(), now, now, secrets.token_hex(8), app)

    @classmethod
    def from_json(cls, text: str) -> "LockInfo":
        data = json.loads(text)
        return cls(str(data.get("host", "?")), str(data.get("user", "?")), int(data.get("pid", 0)),
                   str(data.get("since", "")), str(data.get("refreshed", data.get("since", ""))),
                   str(data.get("token", "")), str(data.get("app", "Renja Desktop")))

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    def since_local(self) -> str:
        """When the file was opened, in local time as Indonesians write it: ``12-06-2024 08.15``."""
        t = _parse_time(self.since)
        if t is None:
            return "waktu tidak diketahui"
        return t.astimezone().strftime("%d-%m-%Y %H.%M")

    def is_same_host(self) -> bool:
        return self.host.lower() == host_name().lower()

    def is_stale(self, now: datetime | None = None) -> bool:
        """Left behind by a crash: dead process on this PC, or not confirmed for a long time."""
        if self.is_same_host():
            return not pid_alive(self.pid)
        t = _parse_time(self.refreshed) or _parse_time(self.since)
        if t is None:
            return True
        return ((now or _now()) - t) > STALE_AFTER

    def who(self) -> str:
        return f"{self.user} di komputer {self.host}"


def lock_path(path: Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + LOCK_SUFFIX)


class FileLocked(ExchangeError):
    """The document is open in another instance. ``info`` says who; ``stale`` whether it is a leftover."""

    def __init__(self, path: Path, info: LockInfo | None, stale: bool):
        self.info = info
        self.stale = stale
        name = Path(path).name
        if info is None:
            msg = (f"Berkas '{name}' terkunci oleh berkas kunci yang tidak terbaca ({lock_path(path).name}). "
                   "Buka hanya-baca, atau ambil alih kuncinya bila yakin tidak ada yang membukanya.")
        elif stale:
            msg = (f"Berkas '{name}' tercatat dibuka oleh {info.who()} sejak {info.since_local()}, "
                   "tetapi aplikasi itu tampaknya sudah tertutup (mis. listrik padam atau macet). "
                   "Kunci lama dapat diambil alih, atau buka hanya-baca.")
        else:
            msg = (f"Berkas '{name}' sedang dibuka oleh {info.who()} sejak {info.since_local()}. "
                   "Buka hanya-baca, atau tunggu sampai berkas ditutup di sana.")
        super().__init__("locked", msg, path)


def read_lock(path: Path) -> LockInfo | None:
    """The lock on ``path`` or ``None``; raises ValueError for an unreadable lock file."""
    lp = lock_path(path)
    try:
        text = lp.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return LockInfo.from_json(text)


class FileLock:
    """A held lock. Use :func:`acquire`; :meth:`release` (or ``with``) when the file is closed."""

    def __init__(self, path: Path, info: LockInfo):
        self.path = Path(path)
        self.info = info
        self.held = True

    @property
    def lock_file(self) -> Path:
        return lock_path(self.path)

    def _write(self, info: LockInfo) -> None:
        tmp = self.lock_file.with_name(self.lock_file.name + f".{secrets.token_hex(3)}.tmp")
        tmp.write_text(info.to_json(), encoding="utf-8")
        os.replace(tmp, self.lock_file)

    def still_mine(self) -> bool:
        try:
            current = read_lock(self.path)
        except (OSError, ValueError):
            return False
        return current is not None and current.token == self.info.token

    def refresh(self) -> bool:
        """Confirm the lock is alive (call every few minutes). False if someone took it over."""
        if not self.held or not self.still_mine():
            return False
        self.info.refreshed = _now().isoformat(timespec="seconds")
        try:
            self._write(self.info)
        except OSError:
            return False
        return True

    def release(self) -> None:
        """Remove the lock file if it is still ours (never someone else's)."""
        if not self.held:
            return
        self.held = False
        if self.still_mine():
            try:
                self.lock_file.unlink()
            except OSError:
                pass

    def __enter__(self) -> "FileLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


#: the ``app`` of a lock held by a command-line edit (other commands wait for it: it is short)
COMMAND_APP = "renja-desktop (perintah)"


def acquire(path: str | os.PathLike, takeover: bool = False, app: str = "Renja Desktop") -> FileLock:
    """Lock ``path`` for this instance, or raise :class:`FileLocked` naming who holds it.

    ``takeover=True`` replaces an existing lock (after the user chose "ambil alih"). Our own
    process's lock on the same file is refused too (one window per file).
    """
    path = Path(path)
    lp = lock_path(path)
    info = LockInfo.mine(app)
    if not takeover:
        try:
            fd = os.open(lp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            try:
                other = read_lock(path)
            except (OSError, ValueError):
                raise FileLocked(path, None, stale=True) from None
            if other is None:  # released between our two calls: try once more
                return acquire(path, takeover=False, app=app)
            raise FileLocked(path, other, stale=other.is_stale()) from None
        except OSError as exc:
            raise os_error_message(exc, lp, "mengunci") from exc
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(info.to_json())
        return FileLock(path, info)
    lock = FileLock(path, info)
    try:
        lock._write(info)
    except OSError as exc:
        raise os_error_message(exc, lp, "mengambil alih kunci") from exc
    if not lock.still_mine():  # someone else took it over in the same instant
        other = read_lock(path)
        raise FileLocked(path, other, stale=False)
    return lock


def acquire_for_command(path: str | os.PathLike, wait_s: float = 30.0) -> FileLock:
    """The lock for one command-line edit: waits while another command holds it (each holds it
    for a moment), takes over one left by a command or window that is gone, and refuses a file
    open in a Renja Desktop window (:class:`FileLocked`, naming who)."""
    import time

    deadline = time.monotonic() + wait_s
    while True:
        try:
            return acquire(path, app=COMMAND_APP)
        except FileLocked as exc:
            if exc.stale:
                return acquire(path, takeover=True, app=COMMAND_APP)
            if exc.info is None or exc.info.app != COMMAND_APP or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def lock_status(path: str | os.PathLike) -> tuple[LockInfo | None, bool]:
    """(who holds the lock or None, whether it is stale); an unreadable lock is (None, True)."""
    try:
        info = read_lock(Path(path))
    except (OSError, ValueError):
        return None, Path(lock_path(Path(path))).exists()
    return info, (info.is_stale() if info else False)


__all__ = ["LockInfo", "FileLock", "FileLocked", "acquire", "acquire_for_command", "COMMAND_APP", "read_lock", "lock_status", "lock_path",
           "pid_alive", "host_name", "user_name", "STALE_AFTER", "REFRESH_EVERY"]
