"""The house rules of issue 12, checked on the source (an AST scan, like the Qt-free test):

- core's packages depend one way: foundation <- analysis <- storage <- exercises/reports/proofing <- cli;
- no module imports Qt in core, no core module imports the GUI, and there are no import circles;
- no module over 500 lines and no class over 300 lines (the .ts translation source and generated
  data excepted). The largest module and class are printed on every run (`pytest -s` or `-rA`).

docs/ARCHITECTURE.md explains the rules; this test is what keeps them true.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULE_MAX, CLASS_MAX = 500, 300
FOUNDATION = {"resonanz.core", "resonanz.core.paths", "resonanz.core.fileio", "resonanz.core.plural"}

#: core package -> the core packages it may import (besides itself and the foundation).
MAY_IMPORT: dict[str, set[str]] = {
    "analysis": set(),
    "storage": {"analysis.model"},
    "exercises": {"analysis", "storage"},
    "reports": {"analysis", "storage"},
    "proofing": {"analysis"},
    "audit": {"analysis"},
    "live": {"analysis", "storage", "exercises"},
    "cli": {"analysis", "storage", "exercises", "reports", "proofing", "audit", "live"},
}


def _modules() -> dict[str, Path]:
    out = {}
    for top in ("core", "gui"):
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT / top).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            out[".".join(["resonanz", top, *parts])] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every resonanz module `name` imports (at the top or inside functions), resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                found.add(candidate if candidate in MODULES else module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.startswith("resonanz")}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _core_package(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 3 and parts[:2] == ["resonanz", "core"] else None


def _allowed(importer: str, target: str) -> bool:
    if not target.startswith("resonanz.core") or target in FOUNDATION:
        return True
    mine, theirs = _core_package(importer), _core_package(target)
    if mine == theirs:
        return True
    if importer == "resonanz.core":  # the public facade: resonanz.core.analyze and AnalysisResult
        return theirs == "analysis"
    if mine is None:  # a foundation module: only the foundation
        return False
    rel = target.removeprefix("resonanz.core.")
    return any(rel == ok or rel.startswith(ok + ".") for ok in MAY_IMPORT[mine])


def test_core_packages_depend_one_way() -> None:
    wrong = sorted(
        f"{importer} imports {target}"
        for importer, targets in GRAPH.items()
        if importer.startswith("resonanz.core")
        for target in targets
        if not _allowed(importer, target)
    )
    assert not wrong, "core imports against the one-way rule (docs/ARCHITECTURE.md):\n" + "\n".join(wrong)


def test_every_core_package_is_known_and_says_what_it_owns() -> None:
    packages = {p.parent.name for p in (ROOT / "core").glob("*/__init__.py")}
    assert packages == set(MAY_IMPORT), f"core packages changed: add them to MAY_IMPORT and docs/ARCHITECTURE.md ({packages ^ set(MAY_IMPORT)})"
    for init in [*(ROOT / "core").glob("*/__init__.py"), *(ROOT / "gui").glob("*/__init__.py")]:
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import" in doc and len(doc.splitlines()) >= 3, f"{init.relative_to(ROOT)} must say what it owns and what it may import"


def test_core_never_imports_the_gui_or_qt() -> None:
    wrong = sorted(
        f"{importer} imports {target}"
        for importer, path in MODULES.items()
        if importer.startswith("resonanz.core")
        for target in GRAPH[importer] | _third_party(path)
        if target.startswith(("resonanz.gui", "PySide6", "shiboken6", "PyQt"))
    )
    assert not wrong, "\n".join(wrong)


def _third_party(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def _circles() -> list[list[str]]:
    """Strongly connected components of the module graph (a package __init__ re-exporting is no circle)."""
    edges = defaultdict(set)
    for importer, targets in GRAPH.items():
        if MODULES[importer].name == "__init__.py":
            continue
        edges[importer] = {t for t in targets if t in MODULES and t != importer}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in MODULES:
        if module not in index:
            visit(module)
    return found


def test_no_import_circles() -> None:
    circles = _circles()
    assert not circles, "import circles:\n" + "\n".join(" <-> ".join(c) for c in circles)


def _sizes() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    modules, classes = [], []
    for path in MODULES.values():
        source = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(ROOT))
        modules.append((len(source.splitlines()), rel))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                classes.append((node.end_lineno - node.lineno + 1, f"{rel}:{node.name}"))
    return sorted(modules, reverse=True), sorted(classes, reverse=True)


def largest_rooms() -> str:
    """One line for the end of every test run (tests/conftest.py prints it)."""
    modules, classes = _sizes()
    return f"largest module: {modules[0][1]} ({modules[0][0]} lines, max {MODULE_MAX}); largest class: {classes[0][1]} ({classes[0][0]} lines, max {CLASS_MAX})"


def test_no_module_over_500_lines_and_no_class_over_300() -> None:
    modules, classes = _sizes()
    print("\n" + largest_rooms())
    too_big = [f"{p}: {n} lines (max {MODULE_MAX})" for n, p in modules if n > MODULE_MAX]
    too_big += [f"{p}: {n} lines (max {CLASS_MAX})" for n, p in classes if n > CLASS_MAX]
    assert not too_big, "split these rooms (docs/ARCHITECTURE.md):\n" + "\n".join(too_big)


@pytest.mark.parametrize("rule", ["core", "gui"])
def test_the_scan_sees_the_whole_tree(rule: str) -> None:
    """Guard for the guards: the scan finds the packages and their imports at all."""
    names = [m for m in MODULES if m.startswith(f"resonanz.{rule}.")]
    assert len(names) > 20
    assert any(GRAPH[m] for m in names)
    assert _allowed("resonanz.core.storage.store", "resonanz.core.analysis.model")
    assert not _allowed("resonanz.core.storage.store", "resonanz.core.analysis.engine")
    assert not _allowed("resonanz.core.analysis.engine", "resonanz.core.storage.store")
    assert not _allowed("resonanz.core.fileio", "resonanz.core.storage.dbopen")
