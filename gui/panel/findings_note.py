"""The line over the findings tree when no problem is marked: what is still true about the scores.

An empty list must never read as praise while a score is amber or red (issue 17): then the line
names those scores and where to look; only when all four are green does it say so. A draft with
too little text to judge (the result's `scores` empty) gets a hint to write more instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel
from resonanz.core.analysis.model import DIMENSIONS, Finding, Score
from resonanz.gui.app.theme import Theme
from resonanz.gui.panel.colors import ink
from resonanz.gui.panel.styling import _paint

__all__ = ["PROBLEM_SEVERITIES", "FindingsNote"]

# Severities that are open problems (the rest are notes and things that work well).
PROBLEM_SEVERITIES = frozenset({"error", "warning", "suggestion"})


class FindingsNote:
    """`label`: hidden while problems are listed; otherwise one sentence about the four scores."""

    def __init__(self) -> None:
        self.label = QLabel()
        self.label.setObjectName("findingsNote")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.hide()
        self.not_green: tuple[str, ...] = ()  # the dimensions the sentence names
        self.not_judged = False  # the line asks for more text (the draft is too short to judge)

    def update(self, scores: Mapping[str, Score] | None, findings: Sequence[Finding], names: Mapping[str, str]) -> None:
        """Show the sentence for `scores` if none of `findings` is a problem; hide it otherwise.

        `scores` None: no result yet (hidden); empty: the draft is not judged (too little text), and
        the line says what to do instead of listing findings."""
        light_words = {
            "red": QCoreApplication.translate("CoachPanel", "red"),
            "amber": QCoreApplication.translate("CoachPanel", "amber"),
        }
        self.not_judged = scores is not None and not scores
        if self.not_judged:
            self.not_green = ()
            self._show(QCoreApplication.translate(
                "CoachPanel", "Not enough text to judge yet. Write two or three sentences of your own: the scores and findings appear as soon as there is something to weigh."
            ))
            return
        if not scores or any(f.severity in PROBLEM_SEVERITIES for f in findings):
            self.not_green = ()
            self.label.hide()
            return
        self.not_green = tuple(d for d in (*DIMENSIONS, "reply") if d in scores and scores[d].light != "green")
        if not self.not_green:
            text = (QCoreApplication.translate("CoachPanel", "No problems marked, and the reply score is green.") if "reply" in scores
                    else QCoreApplication.translate("CoachPanel", "No problems marked, and all four scores are green."))
        else:
            parts = ", ".join(
                QCoreApplication.translate("CoachPanel", "%1 %2 (%3)")
                .replace("%1", names.get(d, d)).replace("%2", light_words.get(scores[d].light, scores[d].light))
                .replace("%3", str(scores[d].value))
                for d in self.not_green
            )
            text = QCoreApplication.translate(
                "CoachPanel", "No problems marked, but not every score is green: %1. Open a score above to see what lowers it."
            ).replace("%1", parts)
        self._show(text)

    def _show(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.label.show()

    def paint(self, t: Theme) -> None:
        _paint(self.label, ink(t.text, t.panel))
