"""The participants of the selected session: their list and buttons, and the name shown for each.

While projecting, a participant is shown by their pseudonym (or a neutral "Participant n", made
when shown, in the UI language: automatic pseudonyms are not stored), never by their name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget
from resonanz.core.storage.coaching import own_pseudonym
from resonanz.core.storage.records import Participant
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.session_common import ID_ROLE
from resonanz.gui.coaching.session_dialogs import ParticipantDialog

__all__ = ["ParticipantList", "neutral_name", "projected_name"]


class ParticipantList:
    """The participants list with its add, progress and report buttons (laid out in `layout`)."""

    def __init__(self, parent: QWidget, store: Store) -> None:
        self.store = store
        self.projecting = False
        self.items: list[Participant] = []
        self.label = QLabel(parent)
        self.list = QListWidget(parent)
        self.label.setBuddy(self.list)
        self.add_button = QPushButton(parent)
        self.progress_button = QPushButton(parent)
        self.report_button = QPushButton(parent)

    def make_layout(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(self.label)
        box.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.progress_button)
        box.addLayout(row)
        box.addWidget(self.report_button)
        return box

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("SessionsView", "Partici&pants"))
        self.add_button.setText(QCoreApplication.translate("SessionsView", "Add p&articipant\u2026"))
        self.progress_button.setText(QCoreApplication.translate("SessionsView", "Pro&gress\u2026"))
        self.report_button.setText(QCoreApplication.translate("SessionsView", "Progress &report\u2026"))
        self.list.setAccessibleName(QCoreApplication.translate("SessionsView", "Participants"))
        self.add_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Add participant"))
        self.progress_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Show progress of the selected participant"))
        self.report_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Export the selected participant's progress report"))
        for row, person in enumerate(self.items[: self.list.count()]):  # neutral names follow the UI language
            self.list.item(row).setText(self.shown_name(person))

    def current_id(self) -> int | None:
        """The id of the participant selected in the list."""
        current = self.list.currentItem()
        return None if current is None else int(current.data(ID_ROLE))

    def refresh(self, session_id: int | None) -> None:
        """List the participants of `session_id` again; the selected one stays selected."""
        self.items = [] if session_id is None else self.store.participants(session_id)
        current = self.list.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.list.clear()
        for p in self.items:
            item = QListWidgetItem(self.shown_name(p))
            item.setData(ID_ROLE, p.id)
            self.list.addItem(item)
            if p.id == keep:
                self.list.setCurrentItem(item)

    def add(self, session_id: int, name: str, pseudonym: str | None = None) -> int:
        """Store a participant of `session_id`; returns the id. Without a pseudonym none is stored:
        the neutral "Participant n" is made when shown, in the language of the screen or report."""
        name = name.strip()
        if not name:
            raise ValueError("a participant needs a name")
        return self.store.add_participant(session_id, name, (pseudonym or "").strip() or None)

    def ask_participant(self, parent: QWidget, add: Callable[[str, str | None], int]) -> None:
        """Name and pseudonym from a `ParticipantDialog`, then `add` the participant."""
        dialog = ParticipantDialog(parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, pseudonym = dialog.values()
            add(name, pseudonym)

    # ------------------------------------------------------------------ names

    def shown_name(self, participant: Participant | None) -> str:
        """The name to show: the pseudonym while projecting, else the display name."""
        if participant is None:
            return QCoreApplication.translate("SessionsView", "(nobody)")
        if self.projecting:
            return participant.pseudonym or self._fallback_pseudonym(participant)
        return participant.display_name

    def _fallback_pseudonym(self, participant: Participant) -> str:
        ids = [p.id for p in self.items]
        n = ids.index(participant.id) + 1 if participant.id in ids else self.store.participant_number(participant.id)
        return neutral_name(n)

    def by_id(self, participant_id: int | None) -> Participant | None:
        return next((p for p in self.items if p.id == participant_id), None)

    def by_name(self, name: str) -> Participant | None:
        """The participant whose display name is `name`, ignoring case."""
        return next((p for p in self.items if p.display_name.casefold() == name.casefold()), None)

    def new_pseudonym(self) -> str:
        """The neutral name the next participant of the session is shown by ("Participant 3")."""
        return neutral_name(len(self.items) + 1)


def neutral_name(n: int) -> str:
    """ "Participant 3" / "Teilnehmer:in 3" in the UI language: a person without a pseudonym."""
    return QCoreApplication.translate("SessionsView", "Participant {n}").format(n=n)


def projected_name(store: Store, participant: Participant) -> str:
    """A participant's pseudonym, or their neutral name in the UI language (also for an automatic
    pseudonym that an older version stored as English text)."""
    return own_pseudonym(participant.pseudonym) or neutral_name(store.participant_number(participant.id))
