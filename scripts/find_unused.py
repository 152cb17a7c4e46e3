"""List code nothing uses: functions, methods, classes, properties and module-level constants.

Usage: ``python scripts/find_unused.py`` (exit status 1 and one line per finding when there is
dead code; ``tests/test_unused_code.py`` runs it). It reads ``renja_desktop/``, ``tests/``,
``scripts/``, ``benchmarks/`` and ``packaging/`` with vulture (https://github.com/jendrikseipp/vulture),
so a name used only by a test or a script counts as used.

What it leaves out, because something outside Python's own name lookup calls it:

* methods Qt calls (camelCase overrides such as ``paintEvent``, ``createEditor``, ``data``) and
  attributes of library objects set for the library (ReportLab, argparse);
* the columns of the SQLAlchemy model (read by name from the database rows);
* pytest's hooks and fixtures;
* methods the window's action table names as text (``"ctl.save_to_origin"``, ``"op:move_down"`` in
  ``renja_desktop/gui/actions.py``);
* the entries of :data:`ALLOWED` below, each with the reason.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import vulture

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ["renja_desktop", "tests", "scripts", "benchmarks", "packaging"]
KINDS = {"function", "method", "class", "property", "variable"}

#: "path:name" -> why it stays although nothing in the repository calls it
ALLOWED: dict[str, str] = {
    "renja_desktop/model.py:RowDigest": "the row digest table's schema (rowcheck.py reads and writes it with SQL)",
    "renja_desktop/reports/__init__.py:__getattr__": "Python calls a module's __getattr__ (PEP 562): the PDF names load ReportLab on first use",
    "renja_desktop/reports/pdf.py:draw": "ReportLab calls Flowable.draw",
    "renja_desktop/reports/pdf.py:useA85": "ReportLab canvas option",
    "renja_desktop/reports/document_pdf.py:afterFlowable": "ReportLab calls DocTemplate.afterFlowable",
    "renja_desktop/gui/document_tab.py:TAB_TITLE": "marks the tab title for translation (lupdate)",
    "renja_desktop/service.py:put_sections": "undo step, called by name through RenjaDocument._record",
    "renja_desktop/service.py:_call": "undo step of stages, notes and the Renstra, called by name through RenjaDocument._record",
    "renja_desktop/cli_argparse_id.py:ngettext": "argparse reads it",
    "renja_desktop/cli_argparse_id.py:_negative_number_matcher": "argparse reads it",
    "renja_desktop/model.py:EVAL_K_COLUMNS": "documents the volume columns beside EVAL_RP_COLUMNS",
    "tests/conftest.py:pytest_sessionfinish": "pytest hook",
    "tests/conftest.py:exitstatus": "pytest reads it",
    "tests/conftest.py:_data_dir": "autouse fixture",
    "renja_desktop/exchange/location.py:DRIVE_FIXED": "GetDriveTypeW's values, listed whole",
    "renja_desktop/exchange/location.py:DRIVE_RAMDISK": "GetDriveTypeW's values, listed whole",
    "renja_desktop/service.py:_set_codes": "undo step, called by name through RenjaDocument._record",
    "renja_desktop/service.py:_replace_declared": "undo step, called by name through RenjaDocument._record",
    "renja_desktop/service.py:_remove_plan_rows_bulk": "undo step, called by name through RenjaDocument._record",
    "renja_desktop/readers.py:handle_starttag": "html.parser.HTMLParser calls it",
    "renja_desktop/readers.py:handle_endtag": "html.parser.HTMLParser calls it",
    "renja_desktop/readers.py:handle_data": "html.parser.HTMLParser calls it",
    # owned by the operations rework (issue 15, part A) that is changing these files now: to be
    # removed or used there, then taken off this list
    "renja_desktop/service.py:reload": "pending operations rework",
    "renja_desktop/service.py:delete_eval_row": "pending operations rework",
    "renja_desktop/service.py:move_eval_row": "pending operations rework",
    "renja_desktop/operations.py:Call": "pending operations rework",
    "renja_desktop/gui/undo.py:set_first_indikator": "pending operations rework",
    "renja_desktop/gui/pages.py:_siblings": "pending operations rework",
    "renja_desktop/registry.py:store_of_table": "pending operations rework",
    "renja_desktop/registry.py:sql_table": "pending operations rework",
}

#: Qt virtual methods: Qt calls them, not our code
_QT_OVERRIDE = re.compile(r"^[a-z]+[A-Z]\w*$")
_MODULE_CONSTANT = re.compile(r"^(?P<names>[A-Za-z_][\w]*(\s*,\s*[A-Za-z_]\w*)*)\s*(:[^=]*)?=")


def _is_module_level(item, lines: list[str]) -> bool:
    m = _MODULE_CONSTANT.match(lines[item.first_lineno - 1])
    return bool(m) and item.name in re.split(r"\s*,\s*", m.group("names"))


def _named_in_action_table(root: Path) -> set[str]:
    """The handler names the action table gives as strings (the window looks them up by name)."""
    table = root / "renja_desktop" / "gui" / "actions.py"
    if not table.exists():
        return set()
    names = set()
    for node in ast.walk(ast.parse(table.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and re.fullmatch(r"[a-z_][\w.:]*", node.value):
            names.add(re.split(r"[.:]", node.value)[-1])
    return names


def _named_as_undo_steps(root: Path) -> set[str]:
    """The names given as strings to ``RenjaDocument._record(...)``: undo steps the document calls
    by name (``"_remove_plan_rows_bulk"``, ``"_call", "renja_desktop.stages:remove_stage"``)."""
    names = set()
    for path in (root / "renja_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "_record":
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                            and re.fullmatch(r"[A-Za-z_][\w.:]*", arg.value):
                        names.add(re.split(r"[.:]", arg.value)[-1])
    return names


def find_unused(root: Path = ROOT) -> list[str]:
    v = vulture.Vulture(verbose=False)
    v.scavenge([str(root / f) for f in FOLDERS if (root / f).exists()])
    by_name = _named_in_action_table(root)
    by_record = _named_as_undo_steps(root)
    found = []
    cache: dict[str, list[str]] = {}
    for item in v.get_unused_code(min_confidence=60):
        if item.typ not in KINDS:
            continue
        path = Path(item.filename).resolve().relative_to(root).as_posix()
        if f"{path}:{item.name}" in ALLOWED or (item.typ == "method" and item.name in by_name):
            continue
        if item.typ in ("function", "method") and item.name in by_record:
            continue
        lines = cache.setdefault(path, (root / path).read_text(encoding="utf-8").splitlines())
        if item.typ == "variable" and not _is_module_level(item, lines):
            continue  # arguments and local names: a linter's business
        if path == "renja_desktop/model.py" and item.typ == "variable":
            continue  # ORM columns
        if item.typ == "method" and path.startswith("renja_desktop/gui/") and _QT_OVERRIDE.match(item.name):
            continue
        if item.typ == "variable" and item.name == "pytestmark":
            continue
        found.append(f"{path}:{item.first_lineno}: unused {item.typ} '{item.name}'")
    return sorted(found)


def main() -> int:
    found = find_unused()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
