"""Sessions and workshops: participants, a round of attempts per exercise, a sortable gallery.

A facilitator runs a workshop: the room works through an exercise, every attempt is stored as a
draft of the session (``session_id``, ``owner`` = participant, ``exercise_id``) with one scored
revision, and the gallery shows the round's scores side by side on the projector. Two attempts
can be opened in a `CompareView`. `set_projecting(True)` replaces every participant's name by
their pseudonym on screen (lists, gallery, compare and progress titles), so nobody is exposed.

Every action a button starts is also a plain method (`create_session`, `add_participant`,
`add_attempt`, `import_folder`, `compare_selected`, `show_progress`): the buttons only collect
input in a dialog and call them, so they can be driven without modal dialogs.

`SessionsView` arranges its parts and keeps them in step: the session list (session_list.py),
the participants (participants.py), the round's exercise and attempts (attempts.py), the gallery
(gallery.py) and the progress windows (progress.py); its dialogs live in session_dialogs.py.
"""

from __future__ import annotations

import os
from datetime import date as Date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.exercises.model import Exercise
from resonanz.core.storage.records import Attempt, Participant, Session
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.attempts import RoundAttempts, import_attempts
from resonanz.gui.coaching.attempt_view import AttemptLargeDialog
from resonanz.gui.coaching.gallery import SCORE_COLUMNS, RoundGallery
from resonanz.gui.coaching.live_round import LiveRound
from resonanz.gui.coaching.participants import ParticipantList
from resonanz.gui.coaching.progress import ProgressView, ProgressWindows
from resonanz.gui.coaching.session_buttons import update_buttons
from resonanz.gui.coaching.session_presentation import LargeType
from resonanz.gui.coaching.session_common import ID_ROLE, header_text
from resonanz.gui.coaching.session_dialogs import CompareDialog
from resonanz.gui.coaching.session_list import SessionList
from resonanz.gui.coaching.session_reports import ReportWindows

__all__ = ["SessionsView", "ProgressView"]


class SessionsView(QWidget):
    """Sessions on the left; participants, exercise, attempts and gallery of the selected one on the right."""

    session_changed = Signal(object)  # session id or None
    attempts_changed = Signal()

    SCORE_COLUMNS = SCORE_COLUMNS

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._projecting = False
        self._session_id: int | None = None

        # left: sessions
        self._sessions = SessionList(self, store, self._set_session)
        self.sessions_label, self.session_list, self.new_session_button = self._sessions.label, self._sessions.list, self._sessions.new_button
        left = self._sessions.widget

        # right: the selected session
        self.session_header = QLabel(self)
        self.session_header.setTextFormat(Qt.TextFormat.PlainText)
        self.session_header.setWordWrap(True)
        self._people = people = ParticipantList(self, store)
        self.participants_label, self.participant_list, self.add_participant_button = people.label, people.list, people.add_button
        self.progress_button, self.participant_report_button = people.progress_button, people.report_button
        self.session_report_button = QPushButton(self)
        self._reports = ReportWindows(self, store)
        self.export_dialogs: list[QDialog] = self._reports.dialogs
        pbox = people.make_layout()

        self._round = RoundAttempts(self, store)
        self.exercises: list[Exercise] = self._round.exercises
        self.exercise_label, self.exercise_combo = self._round.exercise_label, self._round.exercise_combo
        self.add_attempt_button, self.import_button = self._round.add_attempt_button, self._round.import_button
        self._gallery = RoundGallery(self, store, lambda pid: self.shown_name(self._people.by_id(pid)), lambda d: self._large_type.open(d))
        self.compare_button, self.gallery_label, self.gallery = self._gallery.compare_button, self._gallery.label, self._gallery.table
        self.open_button, self.large_dialogs = self._gallery.open_button, self._gallery.large_dialogs  # one attempt, large
        self.compare_dialogs: list[CompareDialog] = self._gallery.compare_dialogs
        self._progress = ProgressWindows(self, store, self.export_participant_report)
        self.progress_dialogs: list[tuple[QDialog, ProgressView]] = self._progress.dialogs

        self.live_round = LiveRound(self, store)  # live_round.py: the room submits from its own devices
        ebox = self._round.make_layout((self.open_button, self.compare_button), self.gallery_label, self.gallery, self.live_round)
        right = QWidget(self)
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        header_row = QHBoxLayout()
        header_row.addWidget(self.session_header, 1)
        header_row.addWidget(self.session_report_button, 0, Qt.AlignmentFlag.AlignTop)
        rbox.addLayout(header_row)
        body = QHBoxLayout()
        body.addLayout(pbox, 1)
        body.addLayout(ebox, 3)
        rbox.addLayout(body, 1)
        self.right_panel = right

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 940])
        self.session_list.setMinimumWidth(200)
        self.session_list.setWordWrap(True)
        self.session_list.setSpacing(2)
        box = QVBoxLayout(self)
        box.addWidget(splitter)

        self.session_list.currentItemChanged.connect(self._sessions.on_current_item)
        self.new_session_button.clicked.connect(lambda: self._sessions.ask_new_session(self, self.create_session))
        self.add_participant_button.clicked.connect(lambda: self._people.ask_participant(self, self.add_participant))
        self.progress_button.clicked.connect(self._progress_clicked)
        self.participant_report_button.clicked.connect(self._participant_report_clicked)
        self.session_report_button.clicked.connect(lambda: self.export_session_report())
        self.participant_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.participant_list.itemActivated.connect(lambda item: self.show_progress(int(item.data(ID_ROLE))))
        self.exercise_combo.currentIndexChanged.connect(lambda *_: self.refresh_attempts())
        self.add_attempt_button.clicked.connect(self._add_attempt_clicked)
        self.import_button.clicked.connect(lambda: self._round.ask_folder_and_import(self, self.import_folder))
        self.gallery.itemSelectionChanged.connect(self._update_buttons)
        self.gallery.itemActivated.connect(lambda *_: self._gallery.activate())  # one row: large; two: compared

        self._large_type = LargeType(self)
        self.retranslate()
        self.refresh_sessions()

    # ------------------------------------------------------------------ state

    def current_session_id(self) -> int | None:
        return self._session_id

    def current_session(self) -> Session | None:
        return None if self._session_id is None else self.store.get_session(self._session_id)

    def current_exercise(self) -> Exercise | None:
        return self._round.current_exercise()

    def set_exercise(self, exercise_id: str) -> None:
        """Select the exercise (round) by id."""
        self._round.set_exercise(exercise_id)

    def participants(self) -> list[Participant]:
        return list(self._people.items)

    def round_attempts(self) -> list[Attempt]:
        """The attempts of the selected session and exercise, in gallery insertion order."""
        return list(self._gallery.attempts)

    def is_projecting(self) -> bool:
        return self._projecting

    def shown_name(self, participant: Participant | None) -> str:
        """The name to show: the pseudonym while projecting, else the display name."""
        return self._people.shown_name(participant)

    def new_pseudonym(self) -> str:
        """A neutral pseudonym not yet used in the session ("Participant 3")."""
        return self._people.new_pseudonym()

    # ------------------------------------------------------------------ actions

    def create_session(self, kind: str, title: str, date: str | Date, notes: str = "") -> int:
        """Create a session, list it and select it; returns its id."""
        session_id = self.store.create_session(kind, title, date, notes)
        self.refresh_sessions()
        self.select_session(session_id)
        return session_id

    def select_session(self, session_id: int | None) -> None:
        self._sessions.select(session_id)

    def add_participant(self, name: str, pseudonym: str | None = None) -> int:
        """Add a participant to the selected session (a neutral pseudonym if none is given)."""
        if self._session_id is None:
            raise ValueError("no session selected")
        pid = self._people.add(self._session_id, name, pseudonym)
        self.refresh_participants()
        return pid

    def add_attempt(self, participant_id: int, text: str) -> int:
        """Store `text` as the participant's attempt at the current exercise, scored; returns the draft id."""
        return self._changed(self._round.record(self._require_session(), participant_id, text))

    def start_attempt(self, participant_id: int) -> int:
        """Start the round's exercise for a participant: a draft with its starting text, not yet scored
        (a reply exercise: a reply to its comment, under its post); returns the draft id."""
        return self._changed(self._round.start(self._require_session(), participant_id))

    def save_attempt_revision(self, draft_id: int, text: str, label: str = "") -> int:
        """Save a version of an attempt, scored against its exercise (a reply: its reply score); returns the revision id."""
        return self._changed(self._round.save_revision(draft_id, text, label))

    def _require_session(self) -> int:
        if self._session_id is None:
            raise ValueError("no session selected")
        return self._session_id

    def _changed(self, result: int) -> int:
        self.refresh_attempts()
        self.attempts_changed.emit()
        return result

    def import_folder(self, path: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
        """Every .txt/.md in `path` becomes an attempt of the round (file name = participant, matched to a
        display name ignoring case, else added); binary, non-UTF-8, empty or unreadable files are skipped.
        Returns (imported file names, skipped file names)."""
        self._require_session()
        return import_attempts(path, self._people.by_name, self.add_participant, self.add_attempt)

    def selected_draft_ids(self) -> list[int]:
        """Draft ids of the selected gallery rows, top to bottom as shown."""
        return self._gallery.selected_draft_ids()

    def select_attempts(self, draft_ids: list[int]) -> None:
        """Select the gallery rows of these drafts (for keyboardless callers and tests)."""
        self._gallery.select_attempts(draft_ids)

    def compare_selected(self) -> CompareDialog:
        """Open the two selected attempts side by side (first row = original); returns the dialog."""
        return self._gallery.compare_selected()

    def open_selected(self) -> AttemptLargeDialog:
        """Open the one selected attempt large (one window, reused); returns it."""
        return self._gallery.open_selected()

    def show_progress(self, participant_id: int) -> ProgressView:
        """Open a window with the participant's progress; returns its ProgressView."""
        view = self._progress.open(participant_id, self._projecting)
        self._large_type.apply_to(view.window())
        return view

    def set_projecting(self, on: bool) -> None:
        """Show pseudonyms instead of names everywhere (lists, gallery, open compare/progress windows)."""
        self._projecting = self._people.projecting = bool(on)
        self.refresh_participants()
        self._gallery.retitle()
        self._progress.set_projecting(self._projecting)

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: pseudonyms, and every part in large type (lists, gallery, open progress windows)."""
        self.set_projecting(on)
        self._large_type.set(on)

    def is_presentation(self) -> bool:
        return self._large_type.on

    def export_session_report(self) -> QDialog | None:
        """The workshop summary of the selected session: preview and export (pseudonyms while projecting)."""
        if self._session_id is None:
            return None
        return self._reports.open("session", self._session_id, self._projecting)

    def export_participant_report(self, participant_id: int) -> QDialog:
        """One participant's progress report: preview and export (pseudonyms while projecting)."""
        return self._reports.open("participant", participant_id, self._projecting)

    # ------------------------------------------------------------------ filling

    def refresh_sessions(self) -> None:
        self._sessions.refresh(self._session_id)

    def refresh_participants(self) -> None:
        self._people.refresh(self._session_id)
        self.refresh_attempts()

    def refresh_attempts(self) -> None:
        ex = self.current_exercise()
        if self._session_id is None or ex is None:
            attempts: list[Attempt] = []
        else:
            attempts = [a for a in self.store.session_attempts(self._session_id) if a.exercise_id == ex.id]
        self._gallery.fill(attempts, ex)
        self._update_header()
        self._update_buttons()

    def sort_by(self, dimension: str, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
        """Sort the gallery by a dimension ("dialogue", …; "reply" in a reply round) or "participant"."""
        self._gallery.sort_by(dimension, order)

    def gallery_rows(self) -> list[list[str]]:
        """The gallery's texts as shown, row by row."""
        return self._gallery.rows()

    # ------------------------------------------------------------------ private

    def _set_session(self, session_id: int | None) -> None:
        if session_id == self._session_id and session_id is not None:
            return
        self._session_id = session_id
        self.participant_list.clear()
        self.refresh_participants()
        self.right_panel.setEnabled(session_id is not None)
        self.session_changed.emit(session_id)

    def _update_header(self) -> None:
        people, attempts = len(self._people.items), len(self._gallery.attempts)
        self.session_header.setText(header_text(self.current_session(), self.tr("%n participant(s)", "", people), self.tr("%n attempt(s)", "", attempts)))

    def _update_buttons(self) -> None:
        update_buttons(self)

    # ------------------------------------------------------------------ buttons (dialogs)

    def _add_attempt_clicked(self) -> None:
        chosen = self._round.ask_attempt(self, [(p.id, self.shown_name(p)) for p in self._people.items], self._people.current_id())
        if chosen is not None:
            self.add_attempt(*chosen)

    def _participant_report_clicked(self) -> None:
        if (pid := self._people.current_id()) is not None:
            self.export_participant_report(pid)

    def _progress_clicked(self) -> None:
        if (pid := self._people.current_id()) is not None:
            self.show_progress(pid)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        """Every UI string, again (called at start and on LanguageChange)."""
        self._sessions.retranslate()
        self._people.retranslate()
        self.session_report_button.setText(self.tr("&Workshop report\u2026"))
        self.session_report_button.setAccessibleName(self.tr("Export the workshop summary of this session"))
        self._round.retranslate()
        self._gallery.retranslate()
        self._update_header()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
