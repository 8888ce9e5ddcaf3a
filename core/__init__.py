"""Resonanz analysis engine: pure Python, never imports Qt.

Entry point: `analyze(text, language="auto", platform="linkedin") -> AnalysisResult`.
"""

from __future__ import annotations

__all__ = ["analyze", "__version__"]

__version__ = "0.1.0"


def analyze(text, language="auto", platform="linkedin", **kwargs):  # noqa: D401 - re-exported below
    """Analyse `text` and return an immutable AnalysisResult (see resonanz.core.engine.analyze)."""
    from resonanz.core.engine import analyze as _analyze

    return _analyze(text, language=language, platform=platform, **kwargs)
