"""The core runs headless: nothing outside renja_desktop.gui imports Qt."""
import pkgutil
import subprocess
import sys

import renja_desktop


def core_modules():
    names = []
    for info in pkgutil.walk_packages(renja_desktop.__path__, "renja_desktop."):
        if info.name.startswith("renja_desktop.gui") or info.name.startswith("renja_desktop.cli_gui"):
            continue
        names.append(info.name)
    return names


def test_core_imports_no_qt():
    modules = core_modules()
    assert "renja_desktop.service" in modules and "renja_desktop.compute" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core modules pulled in Qt: {result.stdout}"


def test_cli_help_does_not_load_qt():
    code = ("import sys\nfrom renja_desktop.cli import build_parser\nbuild_parser()\n"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
