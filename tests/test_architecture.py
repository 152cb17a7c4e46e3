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


GUI = __import__("pathlib").Path(renja_desktop.__file__).parent / "gui"


def test_main_window_holds_only_the_frame():
    """The window is split by concern (session workflow, actions, pages in their own modules):
    main_window.py stays under about 600 lines."""
    lines = (GUI / "main_window.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 600, lines


def test_undo_is_one_small_generic_command():
    """gui/undo.py wraps core operations with one command that only steps the document's history."""
    import ast

    source = (GUI / "undo.py").read_text(encoding="utf-8")
    assert source.count("\n") <= 250
    tree = ast.parse(source)
    commands = [c for c in tree.body if isinstance(c, ast.ClassDef)
                and any(getattr(b, "id", "") == "QUndoCommand" for b in c.bases)]
    assert [c.name for c in commands] == ["OperationCommand"]
    body = ast.get_source_segment(source, commands[0])
    assert "history.undo" in body and "history.redo" in body
    # no branching on the kind of row or table, no copies of rows to compare
    assert not any(word in body for word in ('"plan"', '"eval"', "copy(", "deepcopy", "snapshot"))
