"""Shared test setup.

- Qt must never need a screen: QT_QPA_PLATFORM=offscreen is set before anything imports Qt
  (without it pytest dies silently with exit code 134 on a headless machine).
- No test reads or writes the real user data folder: RESONANZ_HOME points to a temp dir.
- Benchmarks (tests/benchmarks) run only on demand: `pytest tests/benchmarks --benchmarks`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--benchmarks", action="store_true", default=False, help="run the on-demand benchmarks in tests/benchmarks")


def pytest_terminal_summary(terminalreporter) -> None:
    """The house's largest module and class, printed at the end of every run (issue 12)."""
    try:
        from test_architecture import largest_rooms
    except Exception as exc:  # noqa: BLE001 - a summary line must never fail the run
        terminalreporter.write_line(f"house: sizes not measured ({exc})")
        return
    terminalreporter.write_line(f"house: {largest_rooms()}")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if "benchmarks" in collection_path.parts and not config.getoption("--benchmarks"):
        return True
    return None


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty Resonanz data folder."""
    home = tmp_path_factory.mktemp("resonanz-home")
    monkeypatch.setenv("RESONANZ_HOME", str(home))
    return home


@pytest.fixture
def pinned_evidence(monkeypatch: pytest.MonkeyPatch):
    """Rule evidence read from a fixed test file (tests/data/evidence), so golden files and report
    tests do not change when the real resources/rules/evidence.toml is regenerated."""
    from resonanz.core.analysis import evidence

    fixture = Path(__file__).resolve().parent / "data" / "evidence" / "evidence.toml"
    monkeypatch.setenv(evidence.ENV, str(fixture))  # for the CLI in a subprocess too
    evidence.use_file(fixture)
    yield fixture
    evidence.use_file(None)
