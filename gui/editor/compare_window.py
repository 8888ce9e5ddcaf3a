"""The main window's compare: the open draft against its original, with help when there is no original yet.

Without an original there is nothing to compare with, so no numbers are shown (never a comparison
with an empty text): a line says how to get one, with the button right there, and the original's
pane takes a pasted text. The window keeps this view on the current draft (`ToolDialogs`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from resonanz.gui.editor.compare import CompareView, normalize_newlines

__all__ = ["EDIT_PAUSE_MS", "OriginalCompare"]

EDIT_PAUSE_MS = 400  # a typed or pasted original is taken once typing pauses this long


class OriginalCompare(QWidget):
    """A `CompareView` (`view`) under a line that offers an original when there is none."""

    useCurrentRequested = Signal()  # "Use current version as original"
    originalEdited = Signal(str)  # the text typed or pasted into the original's pane

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = ""  # the original shown, as the window has it
        self._shown = ""  # the original pane's text as this view put it there (QTextDocument may change it, e.g. no-break spaces)
        self.hint_bar = QFrame(self)
        self.hint_bar.setObjectName("noOriginalBar")
        self.hint_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.hint = QLabel(self.hint_bar)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.use_current_button = QPushButton(self.hint_bar)
        self.use_current_button.clicked.connect(lambda _c=False: self.useCurrentRequested.emit())
        row = QHBoxLayout(self.hint_bar)
        row.addWidget(self.hint, 1)
        row.addWidget(self.use_current_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.view = CompareView(self)
        edit = self.view.original_edit
        edit.setReadOnly(False)  # the original can be pasted (or corrected) here
        edit.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(EDIT_PAUSE_MS)
        self._pause.timeout.connect(self._take_original)
        edit.textChanged.connect(self._pause.start)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.hint_bar)
        box.addWidget(self.view, 1)
        self.retranslate()

    def show_drafts(self, original: str | None, revision: str, language: str, platform: str, reply: tuple[str, str] | None = None) -> None:
        """The comparison of `revision` with `original`; with no original (None or blank) the hint and the revision alone.

        `reply` = (comment, post): the draft is a reply to that comment, and both are scored as replies."""
        if self._pause.isActive():  # an original being typed or pasted wins over the one the window had
            self._pause.stop()
            typed = self.view.original_edit.toPlainText()
            if typed != self._shown:
                original = normalize_newlines(typed)
                self.originalEdited.emit(original)
        self._original = normalize_newlines(original or "")
        missing = not self._original.strip()
        self.hint_bar.setVisible(missing)
        if missing:
            if self.view.original_edit.toPlainText().strip():
                self.view.original_edit.clear()
            self.view.show_revision_only(revision)
        else:
            self.view.set_drafts(self._original, revision, language, platform, reply=reply)
        self.view.retranslate()  # the original pane's placeholder follows its editability
        self._pause.stop()  # what this view put into the original's pane is no edit
        self._shown = self.view.original_edit.toPlainText()

    def has_original(self) -> bool:
        return bool(self._original.strip())

    def _take_original(self) -> None:
        text = self.view.original_edit.toPlainText()
        if text != self._shown:  # typed or pasted, not the text this view put there
            self._shown = text
            self.originalEdited.emit(normalize_newlines(text))

    def retranslate(self) -> None:
        self.hint.setText(self.tr(
            "There is no original to compare with yet. Paste the client's original draft into the left pane, "
            "or keep the current version as the original (also in Draft › Keep this version as original) "
            "and compare your next changes with it."
        ))
        self.use_current_button.setText(self.tr("Use current version as original"))
        self.use_current_button.setAccessibleName(self.tr("Use the current version of the draft as the original"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
