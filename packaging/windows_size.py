"""Estimate the size of the Windows build from a Linux build and the Windows (win_amd64) wheels.

    pip download --platform win_amd64 --python-version 3.11 --only-binary=:all: -d WHEELS \\
        PySide6-Essentials==... (every runtime pin of pyproject.toml)
    python packaging/windows_size.py dist/RenjaDesktop WHEELS

No Windows machine is at hand, so the Windows folder is put together from what the Linux build
(``installer.spec``) collected: each extension module, Qt plugin and data file of a package is looked
up in the Windows wheels, and the DLLs those Windows binaries import (``objdump -p``) are added from
the wheels the way PyInstaller does on Windows (Qt6*.dll, the MSVC runtime PySide6 ships...), less
what the spec drops (opengl32sw.dll...). Linux system libraries (X11, ICU, GLib...) have no Windows
counterpart and are left out; the Python runtime (python311.dll, its extension modules and
base_library.zip) and the two programs are counted at their Linux size, a stand-in. Prints one line
per part and the total.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

# kept in step with installer.spec
DROPPED_DLLS = {"opengl32sw.dll", "d3dcompiler_47.dll", "libegl.dll", "libglesv2.dll"}
WINDOWS_ONLY_PLUGINS = ["styles"]  # QtWidgets' hook collects the Windows 11 style; Linux has none
PYTHON_RUNTIME = re.compile(r"^(python3\.\d+/|libpython|base_library\.zip|lib(ssl|crypto|ffi|sqlite3|z|bz2|lzma|"
                            r"expat|mpdec|uuid)[.-])")
APP_DATA = ("resources/", "db/", "docs/")


def unpack(wheels: Path, into: Path) -> list[Path]:
    roots = []
    for wheel in sorted(wheels.glob("*.whl")):
        if "win_amd64" not in wheel.name and "none-any" not in wheel.name:
            continue
        root = into / wheel.stem
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(root)
        roots.append(root)
    return roots


def windows_counterpart(rel: str, index: dict[str, Path]) -> Path | None:
    """The Windows file of a file the Linux build collected (``rel`` relative to ``_internal``)."""
    path = Path(rel)
    name = path.name
    if rel.startswith("PySide6/Qt/plugins/"):
        sub = Path(rel[len("PySide6/Qt/plugins/"):])
        stem = re.sub(r"^lib", "", sub.name.split(".so")[0])
        stem = "qwindows" if stem == "qxcb" else stem
        return index.get(f"pyside6/plugins/{sub.parent.as_posix()}/{stem}.dll".lower())
    if name.endswith(".so") or ".so." in name:
        module = name.split(".")[0]
        parent = path.parent.as_posix()
        for candidate in (f"{parent}/{module}.pyd", f"{parent}/{module}.cp311-win_amd64.pyd",
                          f"{parent}/{module.removeprefix('lib')}.dll"):
            found = index.get(candidate.lower().lstrip("./"))
            if found:
                return found
        return None
    return index.get(rel.lower())


def dll_imports(binary: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(binary)], capture_output=True, text=True).stdout
    return [m.lower() for m in re.findall(r"DLL Name: (\S+)", out)]


def part_of(rel: str) -> str:
    low = rel.lower()
    if low.startswith("pyside6/") or low.startswith("shiboken6/"):
        name = Path(low).name
        if "/plugins/" in low:
            return "Qt plugins"
        if name.startswith("qt6"):
            return "Qt libraries (Qt6*.dll)"
        if re.match(r"(msvcp|vcruntime|concrt|vcomp|vccorlib|vcamp)", name):
            return "MSVC runtime (from PySide6)"
        return "PySide6 / shiboken6 bindings"
    return rel.split("/", 1)[0] if "/" in rel else rel


def estimate(linux_dir: Path, wheels: Path) -> dict[str, int]:
    internal = linux_dir / "_internal"
    sizes: dict[str, int] = defaultdict(int)
    with tempfile.TemporaryDirectory() as tmp:
        roots = unpack(wheels, Path(tmp))
        index = {}
        for root in roots:
            for f in root.rglob("*"):
                if f.is_file() and ".dist-info/" not in f.as_posix():
                    index.setdefault(f.relative_to(root).as_posix().lower(), f)
        by_name = {Path(k).name: v for k, v in index.items() if k.endswith(".dll")}
        chosen: dict[str, Path] = {}
        for f in sorted(internal.rglob("*")):
            if not f.is_file() or f.is_symlink():
                continue
            rel = f.relative_to(internal).as_posix()
            if PYTHON_RUNTIME.match(rel):
                sizes["Python runtime (Linux size as stand-in)"] += f.stat().st_size
                continue
            if rel.startswith(APP_DATA):
                sizes["app data (resources, db, docs)"] += f.stat().st_size
                continue
            if rel.startswith("PySide6/Qt/translations/"):
                continue
            win = windows_counterpart(rel, index)
            if win is not None:
                chosen[win.relative_to(Path(tmp)).as_posix().split("/", 1)[1].lower()] = win
        for key, win in list(index.items()):
            if any(key.startswith(f"pyside6/plugins/{t}/") for t in WINDOWS_ONLY_PLUGINS):
                chosen[key] = win
        queue = [p for p in chosen.values() if p.suffix.lower() in (".pyd", ".dll")]
        while queue:
            for dll in dll_imports(queue.pop()):
                if dll in by_name and dll not in DROPPED_DLLS:
                    target = by_name[dll]
                    key = target.relative_to(Path(tmp)).as_posix().split("/", 1)[1].lower()
                    if key not in chosen:
                        chosen[key] = target
                        queue.append(target)
        for key, win in chosen.items():
            sizes[part_of(key)] += win.stat().st_size
    for exe in ("RenjaDesktop", "renja-desktop"):
        sizes["the two programs, each with the Python archive (Linux size)"] += (linux_dir / exe).stat().st_size
    return dict(sizes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("linux_build", type=Path, help="the Linux build folder (dist/RenjaDesktop)")
    parser.add_argument("wheels", type=Path, help="folder of the downloaded win_amd64 wheels")
    args = parser.parse_args(argv)
    sizes = estimate(args.linux_build, args.wheels)
    for part, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{size / 2**20:7.1f} MB  {part}")
    print(f"windows_folder_mb: {sum(sizes.values()) / 2**20:.1f} MB (estimate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
