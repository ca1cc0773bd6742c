"""No import cycle anywhere in the package (imports inside functions included), and no
private name (`_x`) imported from another module: what one module shares is public."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "commune_desk"
GENERATED = PACKAGE / "views" / "forms"  # pyside6-uic output
MIGRATIONS = PACKAGE / "data" / "migrations"  # loaded by Alembic, not imported


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if GENERATED in path.parents or MIGRATIONS in path.parents:
            continue
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, str, int]]:
    """(imported module, imported name or "", line) of every project import in the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, "", node.lineno) for a in node.names if a.name in modules]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                if f"{base}.{alias.name}" in modules:
                    found.append((f"{base}.{alias.name}", "", node.lineno))
                elif base in modules:
                    found.append((base, alias.name, node.lineno))
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_private_name_is_imported_from_another_module():
    modules = _modules()
    private = [
        f"{name}:{line} imports {name_} from {source}"
        for name, path in modules.items()
        for source, name_, line in _imports(name, path, modules)
        if _private(name_)
    ]
    assert private == []


def test_no_private_name_is_reached_through_an_imported_module():
    """`from commune_desk.data.repositories import values as repo`, then `repo._x`: refused."""
    modules, reached = _modules(), []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if f"{node.module}.{alias.name}" in modules:
                        aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                aliases.update(
                    {a.asname: a.name for a in node.names if a.asname and a.name in modules}
                )
        reached += [
            f"{name}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _private(node.attr)
        ]
    assert reached == []


def _cycles() -> list[list[str]]:
    """Each import cycle found, as the list of modules around it."""
    modules = _modules()
    graph = {
        name: {source for source, _, _ in _imports(name, path, modules) if source != name}
        for name, path in modules.items()
    }
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt) :])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


def test_no_import_cycle():
    assert [" -> ".join([*c, c[0]]) for c in _cycles()] == []


def test_no_test_module_imports_another():
    """Tests share code through tests/support/ (helpers) and conftest.py files (fixtures, found
    by pytest), never by importing a test module or a conftest."""
    tests = ROOT / "tests"
    found = []
    for path in tests.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for name in names:
                last = name.rsplit(".", 1)[-1]
                if name.startswith("tests.") and (
                    last.startswith("test_") or last == "conftest" or last.endswith("_helpers")
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    assert found == []
