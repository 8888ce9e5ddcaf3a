"""The coaching panel on a projector: the findings list takes the height the rest leaves.

In presentation mode the findings tree has only a small minimum height (`min_findings_lines`, about four findings) and
stretches over all the height the gauges, the detail box and the history toggle leave, so it shows
as many findings as fit and no empty space below them. On a short screen (fewer than
`compact_gauges_below_lines` lines of the enlarged type) the two prominent gauges become compact
bars, which leaves the findings room for several rows. Both numbers live in resources/editor.toml.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget
from resonanz.gui.app.settings import editor_config

__all__ = ["fit_presentation", "presentation_config"]


def presentation_config() -> dict:
    """`[presentation]` of resources/editor.toml."""
    return editor_config()["presentation"]


def fit_presentation(panel: QWidget, on: bool) -> bool:
    """Compact gauges while presenting on a short screen, prominent ones otherwise; True if that changed."""
    compact = False
    if on:
        lines = panel._scroll.viewport().height() / max(1, QFontMetrics(panel.font()).height())
        compact = lines < presentation_config()["compact_gauges_below_lines"]
    return panel._scores.set_compact(compact)
