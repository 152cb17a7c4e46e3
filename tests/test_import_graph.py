"""The core's import graph is a DAG and no module reaches into another module's private names.

The graph is read from the source with :mod:`ast`, counting imports at every depth (an import
inside a function is still a dependency: hiding one there to dodge a cycle is what this test
catches), and importing ``a.b.c`` also depends on the package ``a.b`` whose ``__init__`` runs first.
Imports under ``if TYPE_CHECKING:`` are left out: they never run. The core is everything
in ``renja_desktop`` outside ``renja_desktop.gui`` (and ``cli_gui``, the command that starts it).
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "renja_desktop"


def module_files() -> dict[str, Path]:
    mods = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


def is_core(module: str) -> bool:
    return not (module.startswith("renja_desktop.gui") or module == "renja_desktop.cli_gui")


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skip.update(id(n) for n in ast.walk(child))
    return skip


def imports(mods: dict[str, Path]):
    """Yield ``(importer, imported module, imported name or '', line)`` for every package import."""
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        package = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "renja_desktop":
                        yield mod, alias.name, "", node.lineno
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target.split(".")[0] != "renja_desktop":
                    continue
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    if sub in mods:
                        yield mod, sub, "", node.lineno
                    else:
                        yield mod, target, alias.name, node.lineno


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of nodes (first == last), or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def core_graph() -> dict[str, set[str]]:
    mods = module_files()
    graph: dict[str, set[str]] = {m: set() for m in mods if is_core(m)}
    for src, dst, _name, _line in imports(mods):
        # importing a.b.c first runs the package a.b (its __init__), unless src is inside it
        parts = dst.split(".")
        targets = [".".join(parts[:k]) for k in range(2, len(parts) + 1)]
        for target in targets:
            inside = src == target or src.startswith(target + ".")
            if is_core(src) and is_core(target) and not inside:
                graph[src].add(target)
    return graph


def test_graph_sees_the_core():
    graph = core_graph()
    assert "renja_desktop.service" in graph["renja_desktop.cli_core"]
    assert "renja_desktop.model" in graph["renja_desktop.storage"]
    assert "renja_desktop.importer" in graph["renja_desktop.catalog"] or \
        "renja_desktop.readers" in graph["renja_desktop.catalog"]
    assert "renja_desktop.exchange" in graph["renja_desktop.cli_exchange"]  # the package runs first
    assert not any(m.startswith("renja_desktop.gui") for m in graph)


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_core_imports_form_a_dag():
    cycle = find_cycle(core_graph())
    assert cycle is None, "import cycle in the core: " + " -> ".join(cycle)


def test_no_private_names_across_modules():
    mods = module_files()
    bad = [
        f"{src}:{line} imports {name} from {dst}"
        for src, dst, name, line in imports(mods)
        if name.startswith("_") and not name.startswith("__") and src != dst
    ]
    assert bad == []
