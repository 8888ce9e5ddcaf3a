"""Resonanz's core: pure Python, never imports Qt.

Entry point: `analyze(text, language="auto", platform="linkedin") -> AnalysisResult`.

The packages, and the one direction their imports may point (tests/test_architecture.py checks it):

- foundation: `paths` (the data folder) and `fileio` (atomic writes); they import nothing else;
- `analysis`: the engine, rules, rule packs, platforms, the result model; imports only the foundation;
- `storage`: the SQLite store, migrations, backups; imports `analysis.model` only;
- `exercises`, `reports`, `proofing`: build on `analysis` (and `storage`);
- `cli`: the `resonanz` command; may import everything.

See docs/ARCHITECTURE.md for the whole house.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resonanz import __version__  # the one version source (resonanz_pkg/__init__.py)

if TYPE_CHECKING:
    from resonanz.core.analysis.model import AnalysisResult

__all__ = ["AnalysisResult", "analyze", "__version__"]


def analyze(text: str, language: str = "auto", platform: str = "linkedin", *, rules_dir=None):
    """Analyse a draft: four 0-100 scores with breakdowns, findings with spans, reasons and sources, stats.

    See resonanz.core.analysis.engine.analyze; the engine is imported on first use so `import resonanz.core`
    stays cheap.
    """
    from resonanz.core.analysis.engine import analyze as _analyze

    return _analyze(text, language=language, platform=platform, rules_dir=rules_dir)


def __getattr__(name: str) -> Any:
    """`resonanz.core.AnalysisResult`, loaded on first use like the engine."""
    if name == "AnalysisResult":
        from resonanz.core.analysis.model import AnalysisResult

        return AnalysisResult
    raise AttributeError(f"module 'resonanz.core' has no attribute {name!r}")
