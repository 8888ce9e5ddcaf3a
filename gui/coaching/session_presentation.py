"""Presentation mode of the sessions view: every part in large type, readable from the back of a room.

The view's font grows by the panel's presentation factor and every child follows it: the session
and participant lists, the buttons, the header, the gallery's names and scores (its rows grow with
the font) and the progress windows opened from the view, with their charts.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QWidget
from resonanz.gui.panel.panel import PRESENTATION_SCALE
from resonanz.gui.panel.styling import _font

__all__ = ["LargeType"]


class LargeType:
    """Scales a `SessionsView` (and the progress windows it opened) by `PRESENTATION_SCALE` while on."""

    def __init__(self, view: QWidget) -> None:
        self.view = view
        self.on = False
        self._base = QFont(view.font())
        self._row_height = view.gallery.verticalHeader().defaultSectionSize()

    def font(self) -> QFont:
        """The view's font now: the normal one, or scaled for the projector."""
        return _font(self._base, PRESENTATION_SCALE if self.on else 1.0)

    def set(self, on: bool) -> None:
        self.on = bool(on)
        font = self.font()
        view = self.view
        view.setFont(font)
        rows = view.gallery.verticalHeader()
        rows.setDefaultSectionSize(round(self._row_height * (PRESENTATION_SCALE if self.on else 1.0)))
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for dialog, _progress in view.progress_dialogs:
            self.apply_to(dialog)
        for dialog in view.compare_dialogs:
            dialog.compare_view.set_presentation(self.on)
        for dialog in view.large_dialogs:
            dialog.set_presentation(self.on)
            self.apply_to(dialog)
        view.live_round.set_presentation(self.on)  # its button stands out; its join card fills the screen

    def open(self, dialog: QWidget) -> None:
        """A compare or large window just opened from the gallery: large type while presenting."""
        view = getattr(dialog, "compare_view", dialog)  # a CompareDialog scales its view
        view.set_presentation(self.on)
        self.apply_to(dialog)

    def apply_to(self, window: QWidget) -> None:
        """A window opened from the view (progress, compare) takes the view's type size, and the
        shortcuts of the view's window (F11 toggles presentation mode there too)."""
        window.setFont(self.font())
        if self.view.window() is not self.view:
            window.addActions(self.view.window().actions())
