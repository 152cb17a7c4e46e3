"""The few Windows kernel32 functions the exchange package calls, declared completely and privately.

Declared on a private ``ctypes.WinDLL("kernel32", use_last_error=True)``: setting ``argtypes`` or
``restype`` on the shared ``ctypes.windll.kernel32`` would change those functions for every other
library in the process (Qt for Python, SQLAlchemy's drivers...), and a function without ``restype``
returns a C ``int``, which cuts a 64-bit ``HANDLE`` in half.

The logic that calls them (drive type, replace, process alive) lives beside its callers, in small
functions that take the kernel32 object as a parameter: :func:`kernel32` on Windows, a fake with the
same attributes in the tests (``tests/test_windows_paths.py``), so it runs on every system.
"""
from __future__ import annotations

import ctypes
import errno
from ctypes import wintypes
from functools import lru_cache
from types import SimpleNamespace

# name -> (restype, argtypes), as in the Windows SDK headers
SIGNATURES: dict[str, tuple[type, tuple[type, ...]]] = {
    # UINT GetDriveTypeW(LPCWSTR lpRootPathName)
    "GetDriveTypeW": (wintypes.UINT, (wintypes.LPCWSTR,)),
    # BOOL MoveFileExW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName, DWORD dwFlags)
    "MoveFileExW": (wintypes.BOOL, (wintypes.LPCWSTR, wintypes.LPCWSTR, wintypes.DWORD)),
    # HANDLE OpenProcess(DWORD dwDesiredAccess, BOOL bInheritHandle, DWORD dwProcessId)
    "OpenProcess": (wintypes.HANDLE, (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)),
    # BOOL GetExitCodeProcess(HANDLE hProcess, LPDWORD lpExitCode)
    "GetExitCodeProcess": (wintypes.BOOL, (wintypes.HANDLE, wintypes.LPDWORD)),
    # BOOL CloseHandle(HANDLE hObject)
    "CloseHandle": (wintypes.BOOL, (wintypes.HANDLE,)),
    # HANDLE CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
    #   LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition,
    #   DWORD dwFlagsAndAttributes, HANDLE hTemplateFile)
    "CreateFileW": (wintypes.HANDLE, (wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
                                      wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE)),
}

# error codes (winerror.h)
ERROR_FILE_NOT_FOUND = 2
ERROR_PATH_NOT_FOUND = 3
ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33
ERROR_DISK_FULL = 112

# what Python's own OSError makes of them on Windows (PC/errmap.h)
_ERRNO = {ERROR_FILE_NOT_FOUND: errno.ENOENT, ERROR_PATH_NOT_FOUND: errno.ENOENT,
          ERROR_ACCESS_DENIED: errno.EACCES, ERROR_SHARING_VIOLATION: errno.EACCES,
          ERROR_LOCK_VIOLATION: errno.EACCES, ERROR_DISK_FULL: errno.ENOSPC}
_TEXT = {ERROR_SHARING_VIOLATION: "berkas sedang dipakai proses lain",
         ERROR_LOCK_VIOLATION: "sebagian berkas dikunci proses lain",
         ERROR_ACCESS_DENIED: "akses ditolak"}


def declare(dll, get_last_error) -> SimpleNamespace:
    """The functions of :data:`SIGNATURES` taken from ``dll``, each with ``restype`` and ``argtypes``
    set, and ``get_last_error`` (the error code of the last failed call)."""
    api = SimpleNamespace(get_last_error=get_last_error)
    for name, (restype, argtypes) in SIGNATURES.items():
        fn = getattr(dll, name)
        fn.restype = restype
        fn.argtypes = list(argtypes)
        setattr(api, name, fn)
    return api


@lru_cache(maxsize=1)
def kernel32() -> SimpleNamespace:  # pragma: no cover - Windows only (the logic is tested with a fake)
    """This process's private, fully declared kernel32 (Windows only)."""
    return declare(ctypes.WinDLL("kernel32", use_last_error=True), ctypes.get_last_error)


def win_error(code: int, filename: str | None = None, filename2: str | None = None) -> OSError:
    """An ``OSError`` for Windows error ``code`` with ``winerror`` set, as Windows' own would be."""
    format_error = getattr(ctypes, "FormatError", None)
    text = (format_error(code).strip() if format_error else "") or _TEXT.get(code, f"galat Windows {code}")
    exc = OSError(_ERRNO.get(code, errno.EIO), text, filename, code, filename2)
    if getattr(exc, "winerror", None) != code:  # only Windows fills it in from the arguments
        exc.winerror = code
    return exc


__all__ = ["SIGNATURES", "declare", "kernel32", "win_error", "ERROR_ACCESS_DENIED", "ERROR_SHARING_VIOLATION",
           "ERROR_LOCK_VIOLATION"]
