"""Where a file lives: the local disk, a removable drive (flash disk) or a network share.

The working file always lives on the local disk; a document opened from a removable drive or a
network share is copied to the local documents folder first (SQLite's own documentation calls USB
sticks liars about flushing and network locking unreliable: no live connection is kept there).

Detection per system:

* Windows: ``GetDriveTypeW`` of the path's drive (``DRIVE_REMOVABLE``, ``DRIVE_CDROM`` ->
  removable; ``DRIVE_REMOTE`` and UNC paths ``\\\\server\\share`` -> network).
* Linux: the mount holding the path (``/proc/self/mounts``): a network file system type (nfs, cifs,
  smb, sshfs, gvfs...) -> network; a mount under ``/media``, ``/run/media`` or ``/mnt``, or a block
  device whose ``/sys/block/*/removable`` is 1 -> removable.
* macOS: ``/Volumes/...`` -> removable; network file systems by type where ``mount`` reports them.

Tests and unusual setups override it: ``RENJA_DESKTOP_REMOVABLE`` / ``RENJA_DESKTOP_NETWORK``
(folder prefixes separated by ``os.pathsep``) or :func:`set_classifier`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath
from typing import Callable

LOCAL = "local"
REMOVABLE = "removable"
NETWORK = "network"

LOCATION_NAMES = {LOCAL: "disk lokal", REMOVABLE: "flash disk / media lepas", NETWORK: "folder jaringan"}

NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "sshfs", "fuse.gvfsd-fuse", "fuse.rclone", "davfs", "fuse.davfs2", "webdav",
    "lustre", "beegfs",
}
REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/mnt/", "/Volumes/")

_classifier: Callable[[Path], str] | None = None


def set_classifier(fn: Callable[[Path], str] | None) -> None:
    """Replace the detection (tests, or a site that knows better). ``None`` restores it."""
    global _classifier
    _classifier = fn


def _env_prefixes(name: str) -> list[Path]:
    value = os.environ.get(name, "")
    return [Path(p).resolve() for p in value.split(os.pathsep) if p.strip()]


def _under(path: Path, prefix: Path) -> bool:
    try:
        path.relative_to(prefix)
        return True
    except ValueError:
        return False


def classify(path: str | os.PathLike) -> str:
    """``'local'``, ``'removable'`` or ``'network'`` for ``path`` (which need not exist yet)."""
    path = Path(os.path.abspath(path))
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path
    if _classifier is not None:
        return _classifier(resolved)
    for prefix in _env_prefixes("RENJA_DESKTOP_NETWORK"):
        if _under(resolved, prefix):
            return NETWORK
    for prefix in _env_prefixes("RENJA_DESKTOP_REMOVABLE"):
        if _under(resolved, prefix):
            return REMOVABLE
    try:
        if os.name == "nt":  # pragma: no cover - Windows only
            return _classify_windows(resolved)
        if sys.platform.startswith("linux"):
            return _classify_linux(resolved)
        if sys.platform == "darwin":  # pragma: no cover - macOS only
            return REMOVABLE if str(resolved).startswith("/Volumes/") else LOCAL
    except OSError:
        pass
    return LOCAL


DRIVE_REMOVABLE, DRIVE_FIXED, DRIVE_REMOTE, DRIVE_CDROM, DRIVE_RAMDISK = 2, 3, 4, 5, 6


def classify_windows(k32, path: str | os.PathLike) -> str:
    """Windows: where ``path`` lives, from ``GetDriveTypeW`` of its drive asked through the kernel32
    object ``k32``. UNC paths (``\\\\server\\share\\...``) are network without asking."""
    win = PureWindowsPath(path)
    text = str(win)
    if text.startswith("\\\\?\\UNC\\") or (text.startswith("\\\\") and not text.startswith("\\\\?\\")):
        return NETWORK
    if text.startswith("\\\\?\\"):  # \\?\C:\... long-path form
        win = PureWindowsPath(text[4:])
    root = win.drive + "\\" if win.drive else None
    if root is None:
        return LOCAL
    kind = k32.GetDriveTypeW(root)
    if kind == DRIVE_REMOTE:
        return NETWORK
    if kind in (DRIVE_REMOVABLE, DRIVE_CDROM):
        return REMOVABLE
    return LOCAL


def _classify_windows(path: Path) -> str:  # pragma: no cover - Windows only (classify_windows is tested)
    from . import _kernel32

    return classify_windows(_kernel32.kernel32(), path)


def _unescape_mount(text: str) -> str:
    return text.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _mount_of(path: Path, mounts_file: str = "/proc/self/mounts") -> tuple[str, str, str] | None:
    best: tuple[str, str, str] | None = None
    with open(mounts_file, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 3:
                continue
            device, point, fstype = _unescape_mount(parts[0]), _unescape_mount(parts[1]), parts[2]
            if _under(path, Path(point)) and (best is None or len(point) >= len(best[1])):
                best = (device, point, fstype)
    return best


def _classify_linux(path: Path, mounts_file: str = "/proc/self/mounts") -> str:
    mount = _mount_of(path, mounts_file)
    if mount is None:
        return LOCAL
    device, point, fstype = mount
    if fstype in NETWORK_FS or fstype.startswith("fuse.") and "ssh" in fstype or device.startswith("//"):
        return NETWORK
    if point != "/" and any((point + "/").startswith(p) for p in REMOVABLE_PREFIXES):
        return REMOVABLE
    if device.startswith("/dev/"):
        name = os.path.basename(os.path.realpath(device))
        base = name
        while base and not os.path.exists(f"/sys/block/{base}"):
            base = base[:-1]  # sdb1 -> sdb, mmcblk0p1 -> mmcblk0p -> mmcblk0
        try:
            with open(f"/sys/block/{base}/removable", encoding="ascii") as fh:
                if fh.read().strip() == "1":
                    return REMOVABLE
        except OSError:
            pass
    return LOCAL


def is_local(path: str | os.PathLike) -> bool:
    return classify(path) == LOCAL


__all__ = ["LOCAL", "REMOVABLE", "NETWORK", "LOCATION_NAMES", "classify", "is_local", "set_classifier"]
