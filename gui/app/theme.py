"""Colours, underline styles and palettes shared by every widget.

Each dimension has a colour and an underline style, so marks stay distinguishable without colour
(colour-blind users, a washed-out projector). Three themes: light and dark follow the system;
high contrast is for presentation mode, readable from the back of a room.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtCore import Qt

DIMENSION_ORDER = ("dialogue", "shareability", "clarity", "platform_fit")

#: Underline per dimension: wave, dashes, dots, solid line.
UNDERLINE = {
    "dialogue": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "shareability": QTextCharFormat.UnderlineStyle.DashUnderline,
    "clarity": QTextCharFormat.UnderlineStyle.DotLine,
    "platform_fit": QTextCharFormat.UnderlineStyle.SingleUnderline,
    # spelling and grammar: the platform's spell-check squiggle, in red, as in every word processor
    "language": QTextCharFormat.UnderlineStyle.SpellCheckUnderline,
    "reply": QTextCharFormat.UnderlineStyle.WaveUnderline,  # a reply has one score: its marks look like dialogue's
}


@dataclass(frozen=True)
class Theme:
    """One colour scheme; colours as hex strings so stylesheets and QColor can share them."""

    name: str
    window: str
    text: str
    muted: str
    panel: str
    border: str
    accent: str
    dimension: dict  # dimension -> colour of its marks and gauge
    light: dict  # "red"|"amber"|"green" -> traffic-light colour
    good_mark: str  # background for passages that work well
    fold: str  # the "…mehr" fold marker

    def color(self, key: str) -> QColor:
        """A QColor of one of the named colours."""
        return QColor(getattr(self, key))


LIGHT = Theme(
    name="light",
    window="#fbfaf7", text="#1f2328", muted="#5b636e", panel="#f2f0eb", border="#d8d4cc", accent="#1b5e9e",
    dimension={"dialogue": "#1b5e9e", "shareability": "#2e7d32", "clarity": "#b35c00", "platform_fit": "#7b3fa0", "language": "#c62828", "reply": "#00796b"},
    light={"red": "#c62828", "amber": "#d08a00", "green": "#2e7d32"},
    good_mark="#e3f1e4", fold="#c62828",
)
DARK = Theme(
    name="dark",
    window="#1c1f24", text="#e6e8eb", muted="#9aa3ad", panel="#23272e", border="#3a4049", accent="#6cb2ff",
    dimension={"dialogue": "#6cb2ff", "shareability": "#7bd389", "clarity": "#ffb454", "platform_fit": "#d19cff", "language": "#ff6b6b", "reply": "#4dd0c4"},
    light={"red": "#ff6b6b", "amber": "#ffc857", "green": "#7bd389"},
    good_mark="#1f3a26", fold="#ff6b6b",
)
HIGH_CONTRAST = Theme(
    name="high_contrast",
    window="#000000", text="#ffffff", muted="#e0e0e0", panel="#0d0d0d", border="#ffffff", accent="#ffd400",
    dimension={"dialogue": "#4fc3ff", "shareability": "#6dff7a", "clarity": "#ffb300", "platform_fit": "#ff7bff", "language": "#ff4d4d", "reply": "#3dffd8"},
    light={"red": "#ff4d4d", "amber": "#ffd400", "green": "#6dff7a"},
    good_mark="#0b3d16", fold="#ffd400",
)


def system_theme() -> Theme:
    """Light or dark, as the desktop is set (Qt 6.5+ colour scheme, else the palette's lightness)."""
    app = QGuiApplication.instance()
    if app is not None:
        try:
            if app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
                return DARK
        except AttributeError:  # Qt < 6.5
            pass
        if app.palette().color(QPalette.ColorRole.Window).lightness() < 110:
            return DARK
    return LIGHT


def palette_for(theme: Theme) -> QPalette:
    """A QPalette so standard widgets (menus, dialogs, scroll bars) match the theme."""
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, QColor(theme.window))
    pal.setColor(role.WindowText, QColor(theme.text))
    pal.setColor(role.Base, QColor(theme.window if theme.name != "light" else "#ffffff"))
    pal.setColor(role.AlternateBase, QColor(theme.panel))
    pal.setColor(role.Text, QColor(theme.text))
    pal.setColor(role.Button, QColor(theme.panel))
    pal.setColor(role.ButtonText, QColor(theme.text))
    pal.setColor(role.Highlight, QColor(theme.accent))
    pal.setColor(role.HighlightedText, QColor("#000000" if theme.name == "high_contrast" else "#ffffff"))
    pal.setColor(role.ToolTipBase, QColor(theme.panel))
    pal.setColor(role.ToolTipText, QColor(theme.text))
    pal.setColor(role.PlaceholderText, QColor(theme.muted))
    pal.setColor(role.Link, QColor(theme.accent))
    return pal
