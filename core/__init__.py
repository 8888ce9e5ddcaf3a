"""Resonanz analysis engine: pure Python, never imports Qt.

Entry point: `analyze(text, language="auto", platform="linkedin") -> AnalysisResult`.
"""

from __future__ import annotations

from resonanz import __version__  # the one version source (resonanz_pkg/__init__.py)

__all__ = ["analyze", "__version__"]


def analyze(text: str, language: str = "auto", platform: str = "linkedin", *, rules_dir=None):
    """Analyse a draft: four 0-100 scores with breakdowns, findings with spans, reasons and sources, stats.

    See resonanz.core.analysis.engine.analyze; the engine is imported on first use so `import resonanz.core`
    stays cheap.
    """
    from resonanz.core.analysis.engine import analyze as _analyze

    return _analyze(text, language=language, platform=platform, rules_dir=rules_dir)
