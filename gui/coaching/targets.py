"""The targets of the running exercise, ticked off as the live analysis reaches them."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from resonanz.core.exercises.model import Exercise
from resonanz.gui.panel.panel import PRESENTATION_SCALE
from resonanz.gui.panel.styling import _font

__all__ = ["TargetsBox", "dimension_labels"]

MET_COLOR = "#2e7d32"


@lru_cache(maxsize=4)
def dimension_labels(language: str) -> dict[str, str]:
    """Display names of the score dimensions (and of the reply score) in a draft language (from its rule pack), else {}."""
    try:
        from resonanz.core.analysis.packs import load_pack

        pack = load_pack(language, False)
        return {**{str(k): str(v) for k, v in pack.labels.items()}, "reply": str(pack.reply.get("label", "reply"))}
    except Exception:  # noqa: BLE001 - names are a nicety; fall back to the ids
        return {}


class TargetsBox(QWidget):
    """One row per target, e.g. "✔ Dialog ≥ 70 (now 74)"; hidden while no exercise runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise: Exercise | None = None
        self.values: dict[str, int | None] = {}
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self._base_font = QFont(self.font())
        self._presentation = False
        self.retranslate()
        self.hide()

    def set_exercise(self, exercise: Exercise | None) -> None:
        """Show the targets of `exercise` (all "not yet"), or hide the box for None."""
        self.exercise = exercise
        for widgets in self.rows.values():
            for w in widgets:
                self.grid.removeWidget(w)
                w.deleteLater()
        self.rows = {}
        self.values = {}
        if exercise is None:
            self.hide()
            return
        for r, dim in enumerate(exercise.targets):
            widgets = (QLabel(self), QLabel(self), QLabel(self))
            for c, w in enumerate(widgets):
                self.grid.addWidget(w, r, c)
            self.grid.setColumnStretch(1, 1)
            self.rows[dim] = widgets
            self.values[dim] = None
        self._render()
        self.show()

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: the targets in the coaching panel's large type (readable from the back of a room)."""
        self._presentation = bool(on)
        self.setFont(_font(self._base_font, PRESENTATION_SCALE if on else 1.0))

    def is_presentation(self) -> bool:
        return self._presentation

    def update_result(self, result) -> None:
        """Take the scores of a new analysis result."""
        if self.exercise is None or result is None:
            return
        for dim in self.exercise.targets:
            score = result.scores.get(dim) if hasattr(result.scores, "get") else None
            self.values[dim] = None if score is None else int(score.value)
        self._render()

    def met(self) -> dict[str, bool]:
        """For each target: reached by the last result?"""
        if self.exercise is None:
            return {}
        return {dim: self.values.get(dim) is not None and self.values[dim] >= minimum for dim, minimum in self.exercise.targets.items()}

    def row_texts(self) -> list[str]:
        """Each row as one line of text (for tests and screen readers)."""
        return [" ".join(w.text() for w in widgets if w.text()) for widgets in self.rows.values()]

    def _render(self) -> None:
        if self.exercise is None:
            return
        labels = dimension_labels(self.exercise.language)
        met = self.met()
        for dim, (mark, name, value) in self.rows.items():
            minimum = self.exercise.targets[dim]
            ok = met.get(dim, False)
            mark.setText("✔" if ok else "○")
            mark.setStyleSheet(f"color: {MET_COLOR}; font-weight: bold;" if ok else "")
            name.setText(f"{labels.get(dim, dim)} ≥ {minimum}")
            current = self.values.get(dim)
            value.setText("" if current is None else self.tr("now %1").replace("%1", str(current)))
            state = self.tr("reached") if ok else self.tr("not yet reached")
            for w in (mark, name, value):
                w.setAccessibleName(f"{name.text()}: {state}")
        self.title.setText(self.tr("Exercise: %1").replace("%1", self.exercise.title))

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Exercise targets"))
        if self.exercise is None:
            self.title.setText("")
        else:
            self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
