"""The sessions' dialogs: new session, add participant, add attempt, and two attempts compared side by side.

Each dialog only collects input (or shows a `CompareView`); `SessionsView` acts on the values.
Their strings follow the UI language (retranslated on LanguageChange).
"""

from __future__ import annotations

from datetime import date as Date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from resonanz.gui.editor.compare import CompareView

__all__ = ["NewSessionDialog", "ParticipantDialog", "AttemptDialog", "CompareDialog"]


class _Dialog(QDialog):
    """A dialog whose strings follow the UI language."""

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass


class NewSessionDialog(_Dialog):
    """Kind (individual/workshop), title, date and facilitator notes of a new session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem("", "workshop")
        self.kind_combo.addItem("", "individual")
        self.title_edit = QLineEdit(self)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(90)
        self.form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(self._labels, (self.kind_combo, self.title_edit, self.date_edit, self.notes_edit)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.buttons)
        self.title_edit.textChanged.connect(self._update_ok)
        self.retranslate()
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.title_edit.text().strip()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New session"))
        self.kind_combo.setItemText(0, self.tr("Workshop"))
        self.kind_combo.setItemText(1, self.tr("Individual coaching"))
        for label, text in zip(self._labels, (self.tr("&Kind:"), self.tr("&Title:"), self.tr("&Date:"), self.tr("&Notes:"))):
            label.setText(text)
        self.kind_combo.setAccessibleName(self.tr("Session kind"))
        self.title_edit.setAccessibleName(self.tr("Session title"))
        self.date_edit.setAccessibleName(self.tr("Session date"))
        self.notes_edit.setAccessibleName(self.tr("Facilitator notes"))

    def values(self) -> tuple[str, str, Date, str]:
        """(kind, title, date, notes) as entered."""
        return (
            str(self.kind_combo.currentData()),
            self.title_edit.text().strip(),
            self.date_edit.date().toPython(),
            self.notes_edit.toPlainText().strip(),
        )


class ParticipantDialog(_Dialog):
    """Display name and optional pseudonym of a new participant."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit(self)
        self.pseudonym_edit = QLineEdit(self)
        self._name_label, self._pseudonym_label = QLabel(self), QLabel(self)
        self._name_label.setBuddy(self.name_edit)
        self._pseudonym_label.setBuddy(self.pseudonym_edit)
        form = QFormLayout()
        form.addRow(self._name_label, self.name_edit)
        form.addRow(self._pseudonym_label, self.pseudonym_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self.retranslate()
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name_edit.text().strip()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add participant"))
        self._name_label.setText(self.tr("&Name:"))
        self._pseudonym_label.setText(self.tr("&Pseudonym (optional):"))
        hint = self.tr("shown instead of the name on the projector")
        self.pseudonym_edit.setPlaceholderText(hint)
        self.pseudonym_edit.setToolTip(hint)
        for edit in (self.name_edit, self.pseudonym_edit):  # room for the whole hint, in any language and font size
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(hint) + 4 * edit.fontMetrics().averageCharWidth())
        self.name_edit.setAccessibleName(self.tr("Participant name"))
        self.pseudonym_edit.setAccessibleName(self.tr("Pseudonym"))

    def values(self) -> tuple[str, str | None]:
        """(display name, pseudonym or None)."""
        return self.name_edit.text().strip(), (self.pseudonym_edit.text().strip() or None)


class AttemptDialog(_Dialog):
    """Pick a participant and paste or type their attempt (a reply exercise: the comment is shown above)."""

    def __init__(self, participants: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participant_combo = QComboBox(self)
        for pid, shown in participants:
            self.participant_combo.addItem(shown, pid)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumSize(480, 220)
        self._participant_label, self._text_label = QLabel(self), QLabel(self)
        self.comment_label = QLabel(self)  # a reply exercise's comment, hidden for a post
        self.comment_label.setTextFormat(Qt.TextFormat.PlainText)
        self.comment_label.setWordWrap(True)
        self.comment_label.hide()
        self.comment = ""
        self._participant_label.setBuddy(self.participant_combo)
        self._text_label.setBuddy(self.text_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self._participant_label)
        box.addWidget(self.participant_combo)
        box.addWidget(self.comment_label)
        box.addWidget(self._text_label)
        box.addWidget(self.text_edit, 1)
        box.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self._update_ok)
        self.retranslate()
        self._update_ok()

    def _update_ok(self) -> None:
        ok = bool(self.text_edit.toPlainText().strip()) and self.participant_combo.count() > 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def set_reply(self, comment: str, starting_reply: str) -> None:
        """A reply round: show the comment being answered and start from the exercise's weak reply."""
        self.comment = comment
        self.comment_label.setVisible(bool(comment))
        self.text_edit.setPlainText(starting_reply)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add attempt"))
        self._participant_label.setText(self.tr("&Participant:"))
        if self.comment:
            self.comment_label.setText(self.tr("Comment to answer: %1").replace("%1", self.comment))
            self._text_label.setText(self.tr("&Reply to the comment:"))
            self.text_edit.setAccessibleName(self.tr("Reply to the comment"))
        else:
            self._text_label.setText(self.tr("&Text of the attempt:"))
            self.text_edit.setAccessibleName(self.tr("Text of the attempt"))
        self.participant_combo.setAccessibleName(self.tr("Participant"))

    def values(self) -> tuple[int, str]:
        """(participant id, text)."""
        return int(self.participant_combo.currentData()), self.text_edit.toPlainText()


class CompareDialog(_Dialog):
    """Two attempts of a round in a `CompareView`; the title names them (pseudonyms while projecting)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compare_view = CompareView(self)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.compare_view, 1)
        box.addWidget(self.close_buttons)
        self.resize(1200, 720)
        self.participant_ids: tuple[int | None, int | None] = (None, None)
        self.names: tuple[str, str] = ("", "")
        self.retranslate()

    def set_names(self, first: str, second: str) -> None:
        """Name the two attempts in the title and over their texts (not "Original" and "Revision")."""
        self.names = (first, second)
        self.compare_view.set_pane_titles(first, second)
        self.retranslate()

    def retranslate(self) -> None:
        a, b = self.names
        self.setWindowTitle(self.tr("Compare: {first} \u2194 {second}").format(first=a, second=b))
        self.compare_view.setAccessibleName(self.windowTitle())
