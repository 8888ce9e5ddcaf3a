"""Resonanz analysis engine: pure Python, never imports Qt.

Entry point: `analyze(text, language="auto", platform="linkedin") -> AnalysisResult`.
"""

from __future__ import annotations

__all__ = ["analyze", "__version__"]

__version__ = "0.1.0"


def analyze(text: str, language: str = "auto", platform: str = "linkedin", *, rules_dir=None):
    """Analyse a draft: four 0-100 scores with breakdowns, findings with spans, reasons and sources, stats.

    See resonanz.core.engine.analyze; the engine is imported on first use so `import resonanz.core`
    stays cheap.
    """
    from resonanz.core.engine import analyze as _analyze

    return _analyze(text, language=language, platform=platform, rules_dir=rules_dir)
