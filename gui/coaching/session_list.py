"""The left column of the sessions view: every session (title, date, kind) and the button that starts a new one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget
from resonanz.core.storage.records import Session
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.session_common import ID_ROLE
from resonanz.gui.coaching.session_dialogs import NewSessionDialog

__all__ = ["SessionList", "session_text"]


def session_text(s: Session) -> str:
    """A session's two lines in the list: title, then date and kind."""
    kind = QCoreApplication.translate("SessionsView", "Workshop") if s.kind == "workshop" else QCoreApplication.translate("SessionsView", "Individual")
    return f"{s.title}\n{s.date} \u00b7 {kind}"


class SessionList:
    """The sessions list with its label and "New session" button; reports the selected session id."""

    def __init__(self, parent: QWidget, store: Store, on_selected: Callable[[int | None], None]) -> None:
        self.store = store
        self._on_selected = on_selected  # session id or None
        self.label = QLabel(parent)
        self.list = QListWidget(parent)
        self.label.setBuddy(self.list)
        self.new_button = QPushButton(parent)
        self.widget = QWidget(parent)
        lbox = QVBoxLayout(self.widget)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.label)
        lbox.addWidget(self.list, 1)
        lbox.addWidget(self.new_button)

    def refresh(self, keep: int | None) -> None:
        """List every session again and select `keep` (None: no session)."""
        self.list.blockSignals(True)
        self.list.clear()
        for s in self.store.list_sessions():
            item = QListWidgetItem(session_text(s))
            item.setToolTip(item.text())  # a long title may not fit the narrow list
            item.setData(ID_ROLE, s.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if keep is not None:
            self.select(keep)
        else:
            self._on_selected(None)

    def select(self, session_id: int | None) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == session_id:
                self.list.setCurrentItem(item)
                return
        self.list.setCurrentItem(None)
        self._on_selected(None)

    def retranslate(self) -> None:
        """Label, button and the sessions' texts in the UI language (the kind is translated)."""
        self.label.setText(QCoreApplication.translate("SessionsView", "&Sessions"))
        self.new_button.setText(QCoreApplication.translate("SessionsView", "&New session\u2026"))
        self.list.setAccessibleName(QCoreApplication.translate("SessionsView", "Sessions"))
        self.new_button.setAccessibleName(QCoreApplication.translate("SessionsView", "New session"))
        for i, s in enumerate(self.store.list_sessions()):
            item = self.list.item(i)
            if item is not None and item.data(ID_ROLE) == s.id:
                item.setText(session_text(s))
                item.setToolTip(item.text())

    def ask_new_session(self, parent: QWidget, create: Callable[[str, str, Date, str], int]) -> None:
        """Kind, title, date and notes from a `NewSessionDialog`, then `create` the session."""
        dialog = NewSessionDialog(parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, title, day, notes = dialog.values()
            create(kind, title, day, notes)

    def on_current_item(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._on_selected(None if current is None else int(current.data(ID_ROLE)))
