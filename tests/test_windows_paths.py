"""The Windows code paths of the exchange package, run here with a fake kernel32.

The logic (drive type, replace, process alive) takes the kernel32 object as a parameter; on Windows
it is the private, fully declared one from ``renja_desktop.exchange._kernel32``; here a fake with the
same functions records the calls and answers as Windows would (including a file held open by
antivirus or Excel: ERROR_SHARING_VIOLATION).
"""
from __future__ import annotations

import ctypes
import os
import tokenize
from ctypes import wintypes
from pathlib import Path
from types import SimpleNamespace

import pytest

from renja_desktop.exchange import _kernel32, fsutil, location, lock
from renja_desktop.exchange.errors import ExchangeError, os_error_message

ROOT = Path(__file__).resolve().parent.parent


class FakeKernel32:
    """kernel32 as the exchange package uses it: answers set per test, every call recorded."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.last_error = 0
        self.drive_types: dict[str, int] = {}
        self.held = 0                 # MoveFileExW fails this many times with a sharing violation
        self.processes: dict[int, int | None] = {}   # pid -> exit code (None: still running)
        self.denied: set[int] = set()  # pids of other users' processes
        self.handles: dict[int, int] = {}
        self.closed: list[int] = []

    def get_last_error(self) -> int:
        return self.last_error

    def GetDriveTypeW(self, root):
        self.calls.append(("GetDriveTypeW", root))
        return self.drive_types.get(root, 1)  # DRIVE_NO_ROOT_DIR

    def MoveFileExW(self, src, dst, flags):
        self.calls.append(("MoveFileExW", src, dst, flags))
        if self.held:
            self.held -= 1
            self.last_error = _kernel32.ERROR_SHARING_VIOLATION
            return 0
        os.replace(src, dst)
        return 1

    def OpenProcess(self, access, inherit, pid):
        self.calls.append(("OpenProcess", access, inherit, pid))
        if pid in self.denied:
            self.last_error = _kernel32.ERROR_ACCESS_DENIED
            return None
        if pid not in self.processes:
            self.last_error = 87  # ERROR_INVALID_PARAMETER: no such process
            return None
        handle = 0x7FF6_0000_0000 + pid * 4  # a 64-bit handle: must not be cut to a C int
        self.handles[handle] = pid
        return handle

    def GetExitCodeProcess(self, handle, code_ref):
        self.calls.append(("GetExitCodeProcess", handle))
        pid = self.handles[handle]
        exit_code = self.processes[pid]
        code_ref._obj.value = lock.STILL_ACTIVE if exit_code is None else exit_code
        return 1

    def CloseHandle(self, handle):
        self.closed.append(handle)
        return 1


@pytest.fixture
def k32():
    return FakeKernel32()


# ------------------------------------------------------------------- declarations


def test_every_function_is_declared_with_restype_and_argtypes():
    class Fn:
        pass

    dll = SimpleNamespace(**{name: Fn() for name in _kernel32.SIGNATURES})
    api = _kernel32.declare(dll, lambda: 0)
    for name, (restype, argtypes) in _kernel32.SIGNATURES.items():
        fn = getattr(api, name)
        assert fn.restype is restype and fn.argtypes == list(argtypes), name
    # the process handle is pointer-sized, never a C int
    assert api.OpenProcess.restype is wintypes.HANDLE
    assert ctypes.sizeof(api.OpenProcess.restype) == ctypes.sizeof(ctypes.c_void_p)
    assert api.GetExitCodeProcess.argtypes[0] is wintypes.HANDLE
    assert api.CloseHandle.argtypes == [wintypes.HANDLE]
    assert api.MoveFileExW.argtypes == [wintypes.LPCWSTR, wintypes.LPCWSTR, wintypes.DWORD]
    assert api.GetDriveTypeW.restype is wintypes.UINT


def test_nothing_changes_the_shared_windll():
    """Declarations on ctypes.windll.kernel32 would change it for every library in the process."""
    def names(path):
        with open(path, "rb") as fh:
            return {t.string for t in tokenize.tokenize(fh.readline) if t.type == tokenize.NAME}

    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "renja_desktop").rglob("*.py") if "windll" in names(p)]
    assert offenders == []
    source = (ROOT / "renja_desktop" / "exchange" / "_kernel32.py").read_text(encoding="utf-8")
    assert 'WinDLL("kernel32", use_last_error=True)' in source


def test_win_error_carries_the_windows_code():
    exc = _kernel32.win_error(_kernel32.ERROR_SHARING_VIOLATION, "a.tmp", "b.sqlite")
    assert exc.winerror == 32 and exc.filename == "a.tmp" and exc.filename2 == "b.sqlite"
    assert os_error_message(exc, Path("b.sqlite")).kind == "in_use"


# ------------------------------------------------------------------- drive type


@pytest.mark.parametrize("path, drive_type, expected", [
    (r"C:\Users\ani\Documents\Renja Desktop\renja.sqlite", 3, location.LOCAL),
    (r"E:\RENJA\renja.sqlite", 2, location.REMOVABLE),          # flash disk
    (r"D:\renja.sqlite", 5, location.REMOVABLE),                # CD/DVD
    (r"Z:\Bappeda\renja.sqlite", 4, location.NETWORK),          # mapped network drive
    (r"R:\renja.sqlite", 6, location.LOCAL),                    # RAM disk
    (r"\\?\E:\RENJA\renja.sqlite", 2, location.REMOVABLE),      # long-path form
])
def test_drive_type_decides_the_location(k32, path, drive_type, expected):
    root = path.replace("\\\\?\\", "")[:2] + "\\"
    k32.drive_types[root] = drive_type
    assert location.classify_windows(k32, path) == expected
    assert k32.calls == [("GetDriveTypeW", root)]


@pytest.mark.parametrize("path", [r"\\server\bappeda\renja.sqlite", "//server/bappeda/renja.sqlite",
                                  r"\\?\UNC\server\bappeda\renja.sqlite"])
def test_unc_paths_are_network_without_asking(k32, path):
    assert location.classify_windows(k32, path) == location.NETWORK
    assert k32.calls == []


# ------------------------------------------------------------------- replace


def test_replace_moves_with_write_through(k32, tmp_path):
    src, dst = tmp_path / ".renja.sqlite.1.renja-tmp", tmp_path / "renja.sqlite"
    src.write_bytes(b"new")
    dst.write_bytes(b"old")
    fsutil.move_file_replace(k32, src, dst)
    assert dst.read_bytes() == b"new" and not src.exists()
    flags = k32.calls[0][3]
    assert flags == fsutil.MOVEFILE_REPLACE_EXISTING | fsutil.MOVEFILE_WRITE_THROUGH


def test_replace_retries_while_the_target_is_held(k32, tmp_path, monkeypatch):
    """Antivirus or Excel holds the target a moment: sharing violations, then the replace works."""
    src, dst = tmp_path / "new.tmp", tmp_path / "renja.sqlite"
    src.write_bytes(b"new")
    dst.write_bytes(b"old")
    k32.held = 3
    slept = []
    monkeypatch.setattr(fsutil.time, "sleep", slept.append)
    monkeypatch.setattr(fsutil, "replace_step", lambda s, d: fsutil.move_file_replace(k32, s, d))
    fsutil.replace_with_retries(src, dst)
    assert dst.read_bytes() == b"new"
    assert len([c for c in k32.calls if c[0] == "MoveFileExW"]) == 4
    assert len(slept) == 3 and slept == sorted(slept)  # waits a little longer each time


def test_replace_gives_up_with_a_clear_indonesian_message(k32, tmp_path, monkeypatch):
    """Held for good (the file open in Excel): after the retries the save stops, the old target and
    the working file unchanged, and the user is told what to do."""
    from exchange_util import small_document

    from renja_desktop.exchange.safecopy import save_copy
    from renja_desktop.exchange.sqlitefile import content_hash_of

    work = small_document(tmp_path / "kerja.sqlite")
    target = tmp_path / "flashdisk" / "renja.sqlite"
    target.parent.mkdir()
    save_copy(work, target)
    work_before = content_hash_of(work)
    before = target.read_bytes()
    k32.held = 10_000
    monkeypatch.setattr(fsutil.time, "sleep", lambda s: None)
    monkeypatch.setattr(fsutil, "replace_step", lambda s, d: fsutil.move_file_replace(k32, s, d))
    with pytest.raises(ExchangeError) as info:
        save_copy(work, target, force=True)
    message = str(info.value)
    assert info.value.kind == "in_use"
    assert "renja.sqlite" in message and "sedang dipakai program lain" in message
    assert "Tutup program itu lalu coba lagi" in message
    assert len([c for c in k32.calls if c[0] == "MoveFileExW"]) == 12
    assert target.read_bytes() == before and content_hash_of(work) == work_before
    assert not list(target.parent.glob(f"*{fsutil.TMP_SUFFIX}"))


def test_other_errors_are_not_retried(k32, tmp_path, monkeypatch):
    def refuse(src, dst, flags):
        k32.calls.append(("MoveFileExW", src, dst, flags))
        k32.last_error = 112  # ERROR_DISK_FULL
        return 0

    k32.MoveFileExW = refuse
    monkeypatch.setattr(fsutil, "replace_step", lambda s, d: fsutil.move_file_replace(k32, s, d))
    with pytest.raises(OSError) as info:
        fsutil.replace_with_retries(tmp_path / "a", tmp_path / "b")
    assert info.value.winerror == 112 and len(k32.calls) == 1
    assert os_error_message(info.value, tmp_path / "b").kind == "no_space"


# ------------------------------------------------------------------- process alive (locks)


def test_running_process_is_alive_and_its_handle_closed(k32):
    k32.processes[4242] = None
    assert lock.process_alive_windows(k32, 4242) is True
    opened = k32.calls[0]
    assert opened == ("OpenProcess", lock.PROCESS_QUERY_LIMITED_INFORMATION, False, 4242)
    # the same 64-bit handle goes to GetExitCodeProcess and CloseHandle
    handle = next(iter(k32.handles))
    assert handle > 0xFFFFFFFF
    assert ("GetExitCodeProcess", handle) in k32.calls and k32.closed == [handle]


def test_exited_gone_and_other_users_processes(k32):
    k32.processes[100] = 0          # exited, handle still open somewhere
    k32.denied.add(200)             # another user's process: exists
    assert lock.process_alive_windows(k32, 100) is False
    assert lock.process_alive_windows(k32, 200) is True
    assert lock.process_alive_windows(k32, 300) is False   # no such process
    assert lock.process_alive_windows(k32, 0) is False
    assert lock.process_alive_windows(k32, 2**40) is False  # a damaged lock file: no call made
    assert len(k32.closed) == 1
    assert [c[3] for c in k32.calls if c[0] == "OpenProcess"] == [100, 200, 300]


def test_a_lock_left_by_a_dead_process_is_stale(k32, monkeypatch):
    """The lock module asks Windows through the same logic: dead pid on this PC -> stale."""
    k32.processes[4242] = None
    monkeypatch.setattr(lock, "pid_alive", lambda pid: lock.process_alive_windows(k32, pid))
    info = lock.LockInfo.mine()
    info.pid = 4242
    assert not info.is_stale()
    k32.processes[4242] = 1
    assert info.is_stale()
