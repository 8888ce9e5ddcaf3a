"""What the panel's findings modules share: item roles, glyphs, severity order and colours, a finding's key.

Both the findings tree (findings.py) and the panel's parts import this module; it imports neither.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from resonanz.core.analysis.model import LANGUAGE_DIMENSION, Finding
from resonanz.gui.app.theme import Theme

__all__ = [
    "COUNT_ROLE",
    "DIMENSION_ROLE",
    "FINDING_ROLE",
    "GLYPH",
    "MORE_ROLE",
    "SEVERITY_RANK",
    "dimension_names",
    "ThemeSource",
    "finding_key",
    "importance",
    "severity_color",
]

SEVERITY_RANK = {"error": 0, "warning": 1, "suggestion": 2, "info": 3, "good": 4}
# A glyph per severity, always shown together with its colour (never colour alone).
GLYPH = {"error": "✖", "warning": "▲", "suggestion": "●", "info": "ℹ", "good": "✔"}
FINDING_ROLE = Qt.ItemDataRole.UserRole
DIMENSION_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # findings under a dimension node
MORE_ROLE = Qt.ItemDataRole.UserRole + 3  # on a group's last row "… and N more": N, the findings not shown


class ThemeSource(Protocol):
    """Whatever paints findings asks it for the current theme (the coach panel)."""

    def theme(self) -> Theme: ...


def finding_key(finding: Finding) -> tuple:
    """What identifies a finding across live updates: same rule, same message kind, same place."""
    return (finding.rule, finding.kind, finding.start)


def importance(finding: Finding) -> tuple:
    """Sort key: error, warning, suggestion, info, good; then the larger |points| first; then position."""
    return (SEVERITY_RANK.get(finding.severity, 9), -abs(finding.points), finding.start if finding.start is not None else -1)


def severity_color(theme: Theme, severity: str) -> str:
    """Colour of a severity's glyph."""
    return {
        "error": theme.light["red"],
        "warning": theme.light["amber"],
        "suggestion": theme.accent,
        "info": theme.muted,
        "good": theme.light["green"],
    }.get(severity, theme.muted)


def dimension_names() -> dict[str, str]:
    """The dimensions' names in the UI language (the panel's translation context)."""
    # QCoreApplication.translate spelt out: lupdate reads an alias such as `tr = ...` as self.tr
    # and files the strings under a wrong context (their translations would be dropped).
    return {
        "dialogue": QCoreApplication.translate("CoachPanel", "Dialogue"),
        "shareability": QCoreApplication.translate("CoachPanel", "Shareability"),
        "clarity": QCoreApplication.translate("CoachPanel", "Clarity"),
        "platform_fit": QCoreApplication.translate("CoachPanel", "Platform fit"),
        LANGUAGE_DIMENSION: QCoreApplication.translate("CoachPanel", "Spelling and grammar"),
        "reply": QCoreApplication.translate("CoachPanel", "Reply"),  # the one score of a reply to a comment
    }
