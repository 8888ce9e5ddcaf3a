"""A participant's progress: `ProgressView` (their scores across attempts) and the progress windows of a session.

`ProgressView` charts one participant's scores, oldest first (`Store.participant_history`); their
replies (one reply score each, not the four dimensions) are listed under the chart instead;
`ProgressWindows` opens it in a window with an export button and keeps the open windows'
names in step with projecting (pseudonyms on screen).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget
from resonanz.core.exercises.library import builtin_exercises
from resonanz.core.storage.records import Participant
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.participants import projected_name
from resonanz.gui.coaching.session_common import _dimension_names
from resonanz.gui.panel.charts import HistoryChart

__all__ = ["ProgressView", "ProgressWindows"]


class ProgressView(QWidget):
    """One participant's scores across their attempts, oldest first (labels: exercise title or date)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.participant_id: int | None = None
        self._participant: Participant | None = None
        self._projecting = False
        self.labels: list[str] = []
        self.replies: list[tuple[str, list[int], int | None]] = []  # (exercise title, reply scores, target)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = HistoryChart(self)
        self.chart.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reply_label = QLabel(self)
        self.reply_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reply_label.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.header)
        box.addWidget(self.chart, 1)
        box.addWidget(self.reply_label)
        self.retranslate()

    def set_participant(self, participant_id: int | None) -> None:
        """Show the history of one participant (None clears)."""
        self.participant_id = participant_id
        self._participant = None
        points: list[Mapping[str, int]] = []
        self.labels = []
        self.replies = []
        if participant_id is not None:
            row = self.store.connection.execute(
                "SELECT id, session_id, display_name, pseudonym FROM participants WHERE id = ?", (participant_id,)
            ).fetchone()
            self._participant = Participant(*row) if row else None
            titles = _exercise_titles(self.store)
            for attempt in self.store.participant_history(participant_id):
                if attempt.is_reply:
                    values = [int(p.scores["reply"]) for p in attempt.history if p.scores and p.scores.get("reply") is not None]
                    if values:
                        self.replies.append((titles.get(attempt.exercise_id or "", "") or attempt.title, values, _reply_target(self.store, attempt.exercise_id)))
                    continue
                scores = attempt.latest_scores
                if scores is None:
                    continue
                points.append(scores)
                self.labels.append(titles.get(attempt.exercise_id or "", "") or attempt.created_at[:10])
        self.chart.set_history(points, self.labels)
        self.retranslate()

    def point_count(self) -> int:
        return self.chart.point_count()

    def set_projecting(self, on: bool) -> None:
        self._projecting = bool(on)
        self.retranslate()

    def shown_name(self) -> str:
        p = self._participant
        if p is None:
            return ""
        if self._projecting:
            return projected_name(self.store, p)
        return p.display_name

    def retranslate(self) -> None:
        self.chart.set_labels(_dimension_names(self))
        if self._participant is None:
            self.header.setText(self.tr("Choose a participant to see their progress."))
        else:
            self.header.setText(self.tr("Progress of {name}: %n attempt(s)", "", self.chart.point_count()).format(name=self.shown_name()))
        self.chart.setAccessibleName(self.header.text())
        self.setAccessibleName(self.tr("Participant progress"))
        lines = []
        for title, values, target in self.replies:
            line = self.tr("Reply \u201c{title}\u201d: {first} \u2192 {last}").format(title=title, first=values[0], last=values[-1])
            if target is not None:
                line += " " + (self.tr("(target {target} reached)") if values[-1] >= target else self.tr("(target {target} not yet reached)")).format(target=target)
            lines.append(line)
        self.reply_label.setText("\n".join(lines))
        self.reply_label.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _reply_target(store: Store, exercise_id: str | None) -> int | None:
    """The reply score a reply exercise asks for, or None."""
    try:
        target = store.get_exercise(exercise_id).targets.get("reply") if exercise_id else None
    except Exception:  # noqa: BLE001 - an exercise removed since: no target to show
        return None
    return None if target is None else int(target)


def _exercise_titles(store: Store) -> dict[str, str]:
    titles = {ex.id: ex.title for ex in builtin_exercises()}
    try:
        titles.update({ex.id: ex.title for ex in store.list_exercises()})
    except Exception:  # noqa: BLE001 - titles are a nicety; the chart works without them
        pass
    return titles


class ProgressWindows:
    """The progress windows a `SessionsView` opened (one per request), each with an export button."""

    def __init__(self, parent: QWidget, store: Store, export: Callable[[int], object]) -> None:
        self.parent = parent
        self.store = store
        self.export = export  # participant id -> the export dialog of their progress report
        self.dialogs: list[tuple[QDialog, ProgressView]] = []

    def open(self, participant_id: int, projecting: bool) -> ProgressView:
        """Open a window with the participant's progress; returns its ProgressView."""
        dialog = QDialog(self.parent)
        view = ProgressView(self.store, dialog)
        view.set_projecting(projecting)
        view.set_participant(participant_id)
        box = QVBoxLayout(dialog)
        box.addWidget(view)
        report_button = QPushButton(QCoreApplication.translate("SessionsView", "&Export report…"), dialog)
        report_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Export the progress report"))
        report_button.clicked.connect(lambda: self.export(participant_id))
        box.addWidget(report_button, 0, Qt.AlignmentFlag.AlignRight)
        view.report_button = report_button  # type: ignore[attr-defined]
        dialog.resize(720, 420)
        dialog.setWindowTitle(view.header.text())
        self.dialogs.append((dialog, view))
        dialog.show()
        return view

    def set_projecting(self, on: bool) -> None:
        """Names or pseudonyms in every open window and its title."""
        for dialog, view in self.dialogs:
            view.set_projecting(on)
            dialog.setWindowTitle(view.header.text())
