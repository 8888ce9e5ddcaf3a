"""The package layout the design card fixes: resonanz.core/gui/resources, core never imports Qt."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def test_core_loads_no_qt_at_runtime() -> None:
    code = (
        "import sys; import resonanz.core, resonanz.core.analysis.engine, resonanz.core.cli.commands, resonanz.core.cli.batch, resonanz.core.analysis.validation.table, resonanz.core.cli.validate;"
        "from resonanz.core import analyze; analyze('Was meinen Sie?');"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]; print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_file_in_core_imports_qt() -> None:
    offenders = []
    for path in (ROOT / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


def test_installed_names() -> None:
    for name in ("resonanz", "resonanz.core", "resonanz.gui", "resonanz.resources"):
        assert importlib.util.find_spec(name) is not None, name


@pytest.mark.parametrize("name", ["core", "gui", "resources"])
def test_nothing_top_level_named_like_the_folders(name: str, tmp_path: Path) -> None:
    # run from a neutral folder: from the repo root, "import core" would find the source folder
    proc = subprocess.run([sys.executable, "-c", f"import importlib.util, sys; sys.exit(0 if importlib.util.find_spec({name!r}) is None else 1)"], cwd=tmp_path)
    assert proc.returncode == 0, f"a top-level '{name}' package is importable"


def test_rule_packs_and_profiles_ship_as_package_data() -> None:
    from importlib import resources

    base = resources.files("resonanz.resources")
    for rel in ("rules/common.toml", "rules/de.toml", "rules/en.toml", "platforms.toml", "language.toml", "readability.toml"):
        assert (base / rel).is_file(), rel
