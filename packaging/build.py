"""Build the frozen one-folder app with PyInstaller, report its size, and (on Windows) the installer.

    python packaging/build.py [--dist DIR] [--work DIR] [--no-installer]

The folder ``DIST/RenjaDesktop`` holds ``RenjaDesktop`` (the app) and ``renja-desktop`` (the command
line). On Windows, when Inno Setup's ``ISCC.exe`` is on PATH (or in its default folder), the setup
program ``RenjaDesktop-Setup-<version>.exe`` is made from ``packaging/renja-desktop.iss``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def find_iscc() -> str | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def build(dist: Path, work: Path, installer: bool = True) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist),
           "--workpath", str(work), str(ROOT / "installer.spec")]
    subprocess.run(cmd, check=True, cwd=ROOT)
    app = dist / "RenjaDesktop"
    size_mb = folder_size(app) / 1024 / 1024
    print(f"frozen_folder_mb: {size_mb:.1f} MB ({app})")
    if installer and sys.platform == "win32":
        iscc = find_iscc()
        version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
        if iscc:
            subprocess.run([iscc, f"/DAppVersion={version}", f"/DSourceDir={app}",
                            f"/O{dist}", str(ROOT / "packaging" / "renja-desktop.iss")], check=True)
        else:
            print("Inno Setup (ISCC.exe) tidak ditemukan: hanya folder aplikasi yang dibuat.")
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-installer", action="store_true")
    args = parser.parse_args(argv)
    build(args.dist, args.work, installer=not args.no_installer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
