"""One attempt of a round, large: the participant's text with its findings marked, the coach's panel beside it.

The facilitator opens it from the gallery (Open large, or Enter / double-click on one row) to talk
the room through one attempt. It is scored exactly as the gallery scores it (against the round's
exercise, a reply against the comment it answers), so the number on the wall and the number in
the table agree. It shows the attempt's newest version: a participant who resubmits during a live
round is followed. The participant is named as the gallery names them (the pseudonym while
projecting). Previous / Next step through the gallery's attempts in the order shown.

The text is the participant's: it is read-only here, and the panel offers neither replacements
nor "add to dictionary"; selecting a finding marks its passage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from resonanz.core.analysis.engine import analyze
from resonanz.core.exercises.library import evaluate
from resonanz.core.exercises.model import Exercise
from resonanz.core.analysis.platforms import load_profiles
from resonanz.core.storage.records import Draft
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.session_dialogs import _Dialog
from resonanz.gui.editor.presentation import PRESENTATION_ZOOM_DEFAULT
from resonanz.gui.editor.text_editor import DraftEditor
from resonanz.gui.panel.panel import CoachPanel

__all__ = ["AttemptLargeDialog", "score_attempt"]


def score_attempt(draft: Draft, exercise: Exercise | None):
    """The attempt's result as the gallery has it: against the round's exercise (a reply against
    the comment the draft answers); without an exercise, as a post in the draft's own settings."""
    if exercise is None:
        return analyze(draft.text, draft.language, draft.platform)
    if draft.is_reply:
        exercise = replace(exercise, kind="reply", comment=draft.comment, post_context=draft.post_context)
    return evaluate(exercise, draft.text)


class AttemptLargeDialog(_Dialog):
    """One attempt, large: name, (a reply's comment), the marked text, the panel; Previous / Next / Close."""

    def __init__(self, parent: QWidget, store: Store, name_of: Callable[[int | None], str],
                 order: Callable[[], list[int]], exercise: Callable[[], Exercise | None]) -> None:
        super().__init__(parent)
        self.store = store
        self._name_of = name_of  # participant id -> the name shown
        self._order = order  # the gallery's draft ids, top to bottom as shown now
        self._exercise = exercise
        self.draft: Draft | None = None
        self.result = None
        self._presentation = False
        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # a participant's name is never markup
        self.comment_label = QLabel(self)
        self.comment_label.setTextFormat(Qt.TextFormat.PlainText)
        self.comment_label.setWordWrap(True)
        self.editor = DraftEditor(self)
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.panel = CoachPanel(self, editable=False)
        self._platforms = [(p.id, p.name) for p in load_profiles().values()]
        self.panel.set_platforms(self._platforms, "linkedin")
        for combo in (self.panel.platform_combo, self.panel.language_combo):
            combo.setEnabled(False)  # the round's exercise decides both; the gallery scores the same way
        self.panel.findingActivated.connect(self._select_passage)
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.previous_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left))
        self.next_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        box = QVBoxLayout(self)
        box.addWidget(self.name_label)
        box.addWidget(self.comment_label)
        box.addWidget(splitter, 1)
        box.addLayout(row)
        self._base_font = QFont(self.font())
        self.resize(1280, 800)
        self._apply_fonts()
        self.retranslate()

    # ------------------------------------------------------------------ the attempt shown

    def show_attempt(self, draft_id: int) -> None:
        """Show this attempt's newest version, scored as the gallery scores it."""
        draft = self.store.get_draft(draft_id)
        self.draft = draft
        self.result = result = score_attempt(draft, self._exercise())
        scroll = self.editor.verticalScrollBar().value() if self.editor.toPlainText() == draft.text else 0
        if self.editor.toPlainText() != draft.text:
            self.editor.setPlainText(draft.text)
        self.editor.verticalScrollBar().setValue(scroll)
        fold = result.stats.get("fold") if result.judged else None
        self.editor.show_analysis(self.editor.toPlainText(), result.findings if result.judged else (), fold, QCoreApplication.translate("MainWindow", "… more"))
        self.panel.set_platforms(self._platforms, draft.platform)
        self.panel.set_language_choice(result.language if result.language in ("de", "en") else "auto")
        self.panel.show_result(result)
        if "characters" in result.stats:  # a reply has no platform limit
            self.panel.set_counter(result.stats["characters"], result.stats["characters_limit"])
        self.panel.counter_label.setVisible("characters" in result.stats)
        versions = [r for r in self.store.revisions(draft.id) if r.scores is not None]  # oldest first
        self.panel.set_history([dict(r.scores) for r in versions], [r.label or "" for r in versions])
        self.comment_label.setVisible(draft.is_reply)
        self.retranslate()

    def refresh(self) -> None:
        """The attempt again, if a newer version arrived (a live round's resubmission); else unchanged."""
        if self.draft is not None:
            newest = self.store.get_draft(self.draft.id)
            if newest.text != self.draft.text or newest.updated_at != self.draft.updated_at:
                self.show_attempt(newest.id)

    def step(self, delta: int) -> None:
        """The previous (-1) or next (+1) attempt in the gallery's order as shown; stays at either end."""
        order = self._order()
        if self.draft is None or not order:
            return
        at = order.index(self.draft.id) if self.draft.id in order else -1
        target = min(max(at + delta, 0), len(order) - 1)
        if order[target] != self.draft.id:
            self.show_attempt(order[target])

    def _select_passage(self, finding) -> None:
        if finding.spans:
            self.editor.select_span(finding.spans[0].start, finding.spans[0].end, focus=False)

    # ------------------------------------------------------------------ presentation and language

    def set_presentation(self, on: bool) -> None:
        """Large type for the projector: the text at the editor's presentation size, the panel's large gauges."""
        self._presentation = bool(on)
        self.panel.set_presentation(self._presentation)
        self._apply_fonts()

    def is_presentation(self) -> bool:
        return self._presentation

    def _apply_fonts(self) -> None:
        self.editor.set_zoom_steps(PRESENTATION_ZOOM_DEFAULT if self._presentation else 2)
        head = QFont(self._base_font)
        head.setPointSizeF(max(self._base_font.pointSizeF(), 9.0) * (2.2 if self._presentation else 1.5))
        head.setBold(True)
        self.name_label.setFont(head)

    def name(self) -> str:
        """The participant's name as shown (the pseudonym while projecting)."""
        return self._name_of(self.draft.owner) if self.draft is not None else ""

    def retranslate(self) -> None:
        name = self.name()
        self.setWindowTitle(self.tr("Attempt: %1").replace("%1", name))
        self.name_label.setText(name)
        self.name_label.setAccessibleName(self.tr("Participant"))
        if self.draft is not None and self.draft.is_reply:
            self.comment_label.setText(self.tr("Reply to the comment: %1").replace("%1", self.draft.comment))
        self.editor.setAccessibleName(self.tr("Text of the attempt %1").replace("%1", name))
        self.editor.setAccessibleDescription(self.tr("Read-only; passages the coach comments on are underlined"))
        self.previous_button.setText(self.tr("&Previous"))
        self.next_button.setText(self.tr("&Next"))
        self.previous_button.setToolTip(self.tr("The attempt above this one in the gallery (Alt+Left)"))
        self.next_button.setToolTip(self.tr("The attempt below this one in the gallery (Alt+Right)"))
        order = self._order()
        at = order.index(self.draft.id) if self.draft is not None and self.draft.id in order else -1
        self.previous_button.setEnabled(at > 0)
        self.next_button.setEnabled(0 <= at < len(order) - 1)
