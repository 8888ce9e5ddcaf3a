"""The panel's scores: four gauges in a grid that wraps to one column, the radar, and the score history section.

A reply to a comment has one score: its result shows the one "Reply" gauge across the grid, and
the four gauges and the radar (which needs four axes) are hidden until a post's result comes again.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QToolButton
from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult
from resonanz.core.analysis.reply import REPLY, ReplyResult
from resonanz.gui.app.theme import Theme
from resonanz.gui.panel.charts import HistoryChart, RadarChart
from resonanz.gui.panel.gauges import ScoreGauge
from resonanz.gui.panel.styling import _weight

__all__ = ["PROMINENT", "ScoreArea", "ScoreHistory"]

PROMINENT = ("dialogue", "shareability")


class ScoreArea:
    """A gauge per dimension (the prominent two larger) in `grid`, and the radar of all four."""

    def __init__(self) -> None:
        self.columns = 0
        self.gauges = {d: ScoreGauge(d, prominent=d in PROMINENT) for d in DIMENSIONS}
        self.gauges[REPLY] = ScoreGauge(REPLY, prominent=True)
        self.gauges[REPLY].hide()
        self.reply = False  # showing a reply's one score
        self.presentation = False  # on a projector the radar is hidden (it would push the findings out of sight)
        self.radar = RadarChart()
        self.grid = QGridLayout()
        self.grid.setSpacing(8)

    def show(self, result: AnalysisResult | ReplyResult) -> bool:
        """The result's scores; a result that is not judged shows "–" and "Not enough text" in every gauge.

        Returns True for a reply's result (its one gauge is shown, the four and the radar hidden)."""
        reply = isinstance(result, ReplyResult)
        if reply != self.reply:
            self.reply = reply
            for d, gauge in self.gauges.items():
                gauge.setVisible((d == REPLY) == reply)
            self.radar.setVisible(not reply and not self.presentation)
        for d in (REPLY,) if reply else DIMENSIONS:
            self.gauges[d].set_score(result.scores.get(d), not_judged=not result.judged)
        if not reply:
            self.radar.set_scores({d: s.value for d, s in result.scores.items()})
        return reply

    def set_presentation(self, on: bool) -> None:
        """No radar on a projector; none for a reply either."""
        self.presentation = on
        self.radar.setVisible(not on and not self.reply)

    def set_names(self, names: Mapping[str, str]) -> None:
        for d, gauge in self.gauges.items():
            gauge.set_name(names[d])
        self.radar.set_labels(names)

    def set_theme(self, theme: Theme) -> None:
        for gauge in self.gauges.values():
            gauge.set_theme(theme)
        self.radar.set_theme(theme)

    def set_compact(self, on: bool) -> bool:
        """All four gauges as compact bars (a short projector screen); False if nothing changed."""
        changed = False
        for d, gauge in self.gauges.items():
            prominent = d in PROMINENT and not on
            if gauge.prominent != prominent:
                gauge.prominent = prominent
                gauge.face.updateGeometry()
                gauge.update()
                changed = True
        return changed

    def is_compact(self) -> bool:
        return not any(self.gauges[d].prominent for d in PROMINENT)

    def arrange(self, width: int, force: bool) -> None:
        """Two gauges a row when they fit `width`, else one."""
        need = max(g.minimumSizeHint().width() for g in self.gauges.values())
        columns = 2 if 2 * need + self.grid.spacing() <= width else 1
        if force or columns != self.columns:
            self.columns = columns
            for g in self.gauges.values():
                self.grid.removeWidget(g)
            for i, d in enumerate(DIMENSIONS):
                row, col = divmod(i, columns)
                self.grid.addWidget(self.gauges[d], row + 1, col)
            self.grid.addWidget(self.gauges[REPLY], 0, 0, 1, columns)
            for c in range(2):
                self.grid.setColumnStretch(c, 1 if c < columns else 0)


class ScoreHistory:
    """The "Score history" toggle and the chart of the scores per saved revision it opens."""

    def __init__(self) -> None:
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.setAutoRaise(True)
        _weight(self.button, bold=True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.chart = HistoryChart()
        self.chart.hide()

    def on_toggled(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.chart.setVisible(on)
