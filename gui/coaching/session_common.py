"""Shared by the sessions modules: the item role that carries an id, the dimension names shown and the session header."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

ID_ROLE = Qt.ItemDataRole.UserRole


def _dimension_names(widget: QWidget | None = None) -> dict[str, str]:
    """Dimension names in the UI language (one fixed translation context, which lupdate can see)."""
    return {
        "dialogue": QCoreApplication.translate("SessionsView", "Dialogue"),
        "shareability": QCoreApplication.translate("SessionsView", "Shareability"),
        "clarity": QCoreApplication.translate("SessionsView", "Clarity"),
        "platform_fit": QCoreApplication.translate("SessionsView", "Platform fit"),
    }


def header_text(session, participants: str, attempts: str) -> str:
    """The line over a session: its title, date, how many people and how many attempts in this
    round (the counted phrases come from SessionsView's self.tr, where lupdate sees their plural)."""
    if session is None:
        return QCoreApplication.translate("SessionsView", "Select or create a session.")
    return QCoreApplication.translate("SessionsView", "{title} \u2014 {date}: {participants}, {attempts} in this round").format(
        title=session.title, date=session.date, participants=participants, attempts=attempts,
    )
