"""Which buttons of the sessions view can act now, each with a tooltip that says what it needs or what it does.

A button that needs a session, a participant or two attempts is disabled until that exists, and
its tooltip then says what to select or create first (a disabled button still shows its tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton

__all__ = ["update_buttons"]


def _set(button: QAbstractButton, enabled: bool, does: str, needs: str) -> None:
    """Enable or disable `button`; its tooltip says what it does, or what to select before it can."""
    button.setEnabled(enabled)
    button.setToolTip(does if enabled else needs)


def update_buttons(view) -> None:
    """Enable and explain the buttons of a `SessionsView` for its current session and selection."""
    has_session = view.current_session_id() is not None
    has_people = has_session and bool(view.participants())
    has_participant = has_session and view.participant_list.currentItem() is not None
    pairs = len(view.gallery.selectionModel().selectedRows())
    no_session = QCoreApplication.translate("SessionsView", "Select a session in the list or create one with New session first.")
    _set(view.session_report_button, has_session, QCoreApplication.translate("SessionsView", "Export the workshop summary of this session."), no_session)
    _set(view.add_participant_button, has_session, QCoreApplication.translate("SessionsView", "Add a participant to this session."), no_session)
    _set(
        view.import_button, has_session,
        QCoreApplication.translate("SessionsView", "Import a folder of .txt or .md files as attempts; each file name names the participant."), no_session,
    )
    _set(
        view.add_attempt_button, has_people, QCoreApplication.translate("SessionsView", "Store a participant's attempt at the exercise of this round."),
        QCoreApplication.translate("SessionsView", "Add a participant first.") if has_session else no_session,
    )
    no_participant = QCoreApplication.translate("SessionsView", "Select a participant in the list first.") if has_session else no_session
    _set(view.progress_button, has_participant, QCoreApplication.translate("SessionsView", "Show the selected participant's scores across their attempts."), no_participant)
    _set(view.participant_report_button, has_participant, QCoreApplication.translate("SessionsView", "Export the selected participant's progress report."), no_participant)
    one_needs = QCoreApplication.translate("SessionsView", "Select one attempt in the gallery to open it large.") if has_session else no_session
    _set(view.open_button, pairs == 1, QCoreApplication.translate("SessionsView", "Show the selected attempt large, with its findings marked (Enter)."), one_needs)
    if pairs == 2:
        compare_needs = ""
    elif has_session:
        compare_needs = QCoreApplication.translate("SessionsView", "Select exactly two attempts in the gallery to compare them (Ctrl+click the second).")
    else:
        compare_needs = no_session
    _set(view.compare_button, pairs == 2, QCoreApplication.translate("SessionsView", "Open the two selected attempts side by side."), compare_needs)
    view.live_round.update_button(has_session, view.current_exercise() is not None)
