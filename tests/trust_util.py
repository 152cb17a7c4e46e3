"""Helpers for the fault-injection tests of issue 14: running the command line in real processes,
mounting small file systems (tmpfs, a FAT32 image) where the system allows it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def env() -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    return e


def cli(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    """``renja-desktop ARGS`` in its own process (text output)."""
    return subprocess.run([sys.executable, "-m", "renja_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, env=env(), timeout=timeout, cwd=ROOT)


def assert_one_galat_line(proc: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, stderr exactly one ``galat: ...`` line in Indonesian, no traceback, SQL or engine text."""
    err = proc.stderr
    assert proc.returncode == 2, (proc.returncode, proc.stdout, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("galat: "), err
    for bad in ("Traceback", "[SQL", "*** in database", "sqlite3.", "Background on this error", "Error:"):
        assert bad not in err, err
    for needle in needles:
        assert needle in err, (needle, err)
    return lines[0]


def files_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (recursively) with its bytes: 'no byte lost or changed'."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def _run(*cmd) -> subprocess.CompletedProcess:
    return subprocess.run(list(map(str, cmd)), capture_output=True, text=True)


@contextmanager
def tmpfs(where: Path, size: str = "3m"):
    """A small tmpfs mounted at ``where`` (skips the test with the reason where mounting is refused)."""
    where.mkdir(parents=True, exist_ok=True)
    r = _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", where)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield where
    finally:
        _unmount(where)


def remount_ro(where: Path) -> None:
    r = _run("mount", "-o", "remount,ro", where)
    if r.returncode != 0:
        pytest.skip(f"cannot remount read-only here: {r.stderr.strip()}")


def _unmount(where: Path) -> None:
    for _ in range(20):
        r = _run("umount", where)
        if r.returncode == 0:
            return
        r = _run("fusermount", "-u", where)
        if r.returncode == 0:
            return
        time.sleep(0.2)


@contextmanager
def fat32(tmp_path: Path, size_mb: int = 40):
    """A real FAT32 file system on an image file: the kernel's vfat through a loop device, or, where
    the kernel has no vfat (containers), the same image through fusefat. Skips with the reason
    when neither can be mounted (not root, no dosfstools, no loop device or FUSE)."""
    mkfs = shutil.which("mkfs.vfat") or shutil.which("mkfs.fat")
    if mkfs is None:
        pytest.skip("mkfs.vfat not installed (apt-get install dosfstools)")
    image = tmp_path / "flashdisk.img"
    with open(image, "wb") as fh:
        fh.truncate(size_mb << 20)
    r = _run(mkfs, "-F", "32", "-n", "FLASHDISK", image)
    if r.returncode != 0:
        pytest.skip(f"mkfs.vfat failed: {r.stderr.strip()}")
    where = tmp_path / "E"
    where.mkdir()
    r = _run("mount", "-t", "vfat", "-o", "loop", image, where)
    how = "vfat (loop)"
    if r.returncode != 0:
        reason = r.stderr.strip()
        if shutil.which("fusefat") is None:
            pytest.skip(f"cannot mount a FAT32 image here ({reason}); fusefat not installed either")
        r = _run("fusefat", "-o", "rw+", image, where)
        how = "fusefat"
        if r.returncode != 0:
            pytest.skip(f"cannot mount a FAT32 image here: {reason}; fusefat: {r.stderr.strip()}")
        for _ in range(50):
            if os.path.ismount(where):
                break
            time.sleep(0.1)
    try:
        yield where, how
    finally:
        _unmount(where)


@contextmanager
def ext4_loop(tmp_path: Path, size_mb: int = 24):
    """An ext4 file system on an image file through a loop device: the test can change the bytes
    of the medium (the image) behind the mounted file system's cache."""
    if shutil.which("mkfs.ext4") is None:
        pytest.skip("mkfs.ext4 not installed")
    image = tmp_path / "medium.img"
    with open(image, "wb") as fh:
        fh.truncate(size_mb << 20)
    r = _run("mkfs.ext4", "-q", "-F", image)
    if r.returncode != 0:
        pytest.skip(f"mkfs.ext4 failed: {r.stderr.strip()}")
    where = tmp_path / "M"
    where.mkdir()
    r = _run("mount", "-o", "loop", image, where)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a loop device here: {r.stderr.strip()}")
    try:
        yield where, image
    finally:
        _unmount(where)
