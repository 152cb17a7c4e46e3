"""Compile the Qt Designer forms in ``ui/`` to Python modules in ``renja_desktop/gui/``.

    python scripts/build_ui.py          # ui/NAME.ui -> renja_desktop/gui/ui_NAME.py
    python scripts/build_ui.py --check  # exit 1 when a compiled module is out of date

The compiled modules are committed (the app and the frozen build need no uic at run time);
``tests/test_ui_forms.py`` checks that they match their .ui files.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "ui"
OUT = ROOT / "renja_desktop" / "gui"


def uic() -> str:
    """pyside6-uic of the running Python (beside its executable), else the one on PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic" + (".exe" if sys.platform == "win32" else ""))
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic tidak ditemukan (bagian dari PySide6)")
    return found


def compile_form(form: Path, target: Path) -> None:
    subprocess.run([uic(), str(form), "-o", str(target)], check=True)


def normalized(text: str) -> str:
    # uic writes the file name it read; keep only what the form defines
    return "\n".join(line for line in text.splitlines() if not line.startswith("## Form generated"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for form in sorted(FORMS.glob("*.ui")):
        target = OUT / f"ui_{form.stem}.py"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                fresh = Path(tmp) / target.name
                compile_form(form, fresh)
                if not target.exists() or normalized(fresh.read_text(encoding="utf-8")) != normalized(
                        target.read_text(encoding="utf-8")):
                    stale.append(form.name)
        else:
            compile_form(form, target)
            print(f"{form.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    if stale:
        print("tidak mutakhir: " + ", ".join(stale) + " (jalankan python scripts/build_ui.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
