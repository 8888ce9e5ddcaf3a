"""Sessions and workshops: participants, a round of attempts per exercise, a sortable gallery.

A facilitator runs a workshop: the room works through an exercise, every attempt is stored as a
draft of the session (``session_id``, ``owner`` = participant, ``exercise_id``) with one scored
revision, and the gallery shows the round's scores side by side on the projector. Two attempts
can be opened in a `CompareView`. `set_projecting(True)` replaces every participant's name by
their pseudonym on screen (lists, gallery, compare and progress titles), so nobody is exposed.

Every action a button starts is also a plain method (`create_session`, `add_participant`,
`add_attempt`, `import_folder`, `compare_selected`, `show_progress`): the buttons only collect
input in a dialog and call them, so they can be driven without modal dialogs.

`ProgressView` shows one participant's scores across their attempts (`Store.participant_history`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date as Date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.analysis.engine import analyze
from resonanz.core.exercises.library import Exercise, builtin_exercises
from resonanz.core.storage.migrations import NotFoundError
from resonanz.core.storage.store import Attempt, Participant, Session, Store
from resonanz.gui.panel.charts import HistoryChart
from resonanz.gui.editor.compare import CompareView
from resonanz.gui.app.theme import DIMENSION_ORDER

__all__ = ["SessionsView", "ProgressView", "NewSessionDialog", "ParticipantDialog", "AttemptDialog", "CompareDialog"]

IMPORT_SUFFIXES = (".txt", ".md")
MAX_IMPORT_BYTES = 1_000_000  # a post is a few KB; anything bigger is not a post
ID_ROLE = Qt.ItemDataRole.UserRole


def _dimension_names(widget: QWidget | None = None) -> dict[str, str]:
    """Dimension names in the UI language (one fixed translation context, which lupdate can see)."""
    return {
        "dialogue": QCoreApplication.translate("SessionsView", "Dialogue"),
        "shareability": QCoreApplication.translate("SessionsView", "Shareability"),
        "clarity": QCoreApplication.translate("SessionsView", "Clarity"),
        "platform_fit": QCoreApplication.translate("SessionsView", "Platform fit"),
    }


def read_post(path: Path) -> str | None:
    """The text of a .txt/.md file, or None if it is binary, not UTF-8, too big, unreadable or the database."""
    from resonanz.core.storage.dbopen import is_database_file

    if is_database_file(path):  # never read the database except through SQLite (resonanz.core.storage.dbopen)
        return None
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return None  # control characters: not a text someone wrote
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


# --------------------------------------------------------------------------- dialogs


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
        self.pseudonym_edit.setPlaceholderText(self.tr("shown instead of the name on the projector"))
        self.name_edit.setAccessibleName(self.tr("Participant name"))
        self.pseudonym_edit.setAccessibleName(self.tr("Pseudonym"))

    def values(self) -> tuple[str, str | None]:
        """(display name, pseudonym or None)."""
        return self.name_edit.text().strip(), (self.pseudonym_edit.text().strip() or None)


class AttemptDialog(_Dialog):
    """Pick a participant and paste or type their attempt."""

    def __init__(self, participants: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participant_combo = QComboBox(self)
        for pid, shown in participants:
            self.participant_combo.addItem(shown, pid)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumSize(480, 220)
        self._participant_label, self._text_label = QLabel(self), QLabel(self)
        self._participant_label.setBuddy(self.participant_combo)
        self._text_label.setBuddy(self.text_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self._participant_label)
        box.addWidget(self.participant_combo)
        box.addWidget(self._text_label)
        box.addWidget(self.text_edit, 1)
        box.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self._update_ok)
        self.retranslate()
        self._update_ok()

    def _update_ok(self) -> None:
        ok = bool(self.text_edit.toPlainText().strip()) and self.participant_combo.count() > 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add attempt"))
        self._participant_label.setText(self.tr("&Participant:"))
        self._text_label.setText(self.tr("&Text of the attempt:"))
        self.participant_combo.setAccessibleName(self.tr("Participant"))
        self.text_edit.setAccessibleName(self.tr("Text of the attempt"))

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
        self.names = (first, second)
        self.retranslate()

    def retranslate(self) -> None:
        a, b = self.names
        self.setWindowTitle(self.tr("Compare: {first} \u2194 {second}").format(first=a, second=b))
        self.compare_view.setAccessibleName(self.windowTitle())


# --------------------------------------------------------------------------- progress


class ProgressView(QWidget):
    """One participant's scores across their attempts, oldest first (labels: exercise title or date)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.participant_id: int | None = None
        self._participant: Participant | None = None
        self._projecting = False
        self.labels: list[str] = []
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = HistoryChart(self)
        self.chart.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box = QVBoxLayout(self)
        box.addWidget(self.header)
        box.addWidget(self.chart, 1)
        self.retranslate()

    def set_participant(self, participant_id: int | None) -> None:
        """Show the history of one participant (None clears)."""
        self.participant_id = participant_id
        self._participant = None
        points: list[Mapping[str, int]] = []
        self.labels = []
        if participant_id is not None:
            row = self.store.connection.execute(
                "SELECT id, session_id, display_name, pseudonym FROM participants WHERE id = ?", (participant_id,)
            ).fetchone()
            self._participant = Participant(*row) if row else None
            titles = _exercise_titles(self.store)
            for attempt in self.store.participant_history(participant_id):
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
            return p.pseudonym or self.tr("Participant")
        return p.display_name

    def retranslate(self) -> None:
        self.chart.set_labels(_dimension_names(self))
        if self._participant is None:
            self.header.setText(self.tr("Choose a participant to see their progress."))
        else:
            self.header.setText(self.tr("Progress of {name}: {count} attempt(s)").format(name=self.shown_name(), count=self.chart.point_count()))
        self.chart.setAccessibleName(self.header.text())
        self.setAccessibleName(self.tr("Participant progress"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _exercise_titles(store: Store) -> dict[str, str]:
    titles = {ex.id: ex.title for ex in builtin_exercises()}
    try:
        titles.update({ex.id: ex.title for ex in store.list_exercises()})
    except Exception:  # noqa: BLE001 - titles are a nicety; the chart works without them
        pass
    return titles


# --------------------------------------------------------------------------- sessions


class SessionsView(QWidget):
    """Sessions on the left; participants, exercise, attempts and gallery of the selected one on the right."""

    session_changed = Signal(object)  # session id or None
    attempts_changed = Signal()

    SCORE_COLUMNS = DIMENSION_ORDER

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._projecting = False
        self._session_id: int | None = None
        self._participants: list[Participant] = []
        self._attempts: list[Attempt] = []
        self.compare_dialogs: list[CompareDialog] = []
        self.progress_dialogs: list[tuple[QDialog, ProgressView]] = []
        self.exercises: list[Exercise] = builtin_exercises()

        # left: sessions
        self.sessions_label = QLabel(self)
        self.session_list = QListWidget(self)
        self.sessions_label.setBuddy(self.session_list)
        self.new_session_button = QPushButton(self)
        left = QWidget(self)
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.sessions_label)
        lbox.addWidget(self.session_list, 1)
        lbox.addWidget(self.new_session_button)

        # right: the selected session
        self.session_header = QLabel(self)
        self.session_header.setTextFormat(Qt.TextFormat.PlainText)
        self.session_header.setWordWrap(True)
        self.participants_label = QLabel(self)
        self.participant_list = QListWidget(self)
        self.participants_label.setBuddy(self.participant_list)
        self.add_participant_button = QPushButton(self)
        self.progress_button = QPushButton(self)
        self.participant_report_button = QPushButton(self)
        self.session_report_button = QPushButton(self)
        self.export_dialogs: list[QDialog] = []
        pbox = QVBoxLayout()
        pbox.addWidget(self.participants_label)
        pbox.addWidget(self.participant_list, 1)
        prow = QHBoxLayout()
        prow.addWidget(self.add_participant_button)
        prow.addWidget(self.progress_button)
        pbox.addLayout(prow)
        pbox.addWidget(self.participant_report_button)

        self.exercise_label = QLabel(self)
        self.exercise_combo = QComboBox(self)
        self.exercise_label.setBuddy(self.exercise_combo)
        for ex in self.exercises:
            self.exercise_combo.addItem(f"{ex.title} ({ex.language}, {ex.platform})", ex.id)
        self.add_attempt_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.compare_button = QPushButton(self)
        self.gallery_label = QLabel(self)
        self.gallery = QTableWidget(0, 1 + len(self.SCORE_COLUMNS), self)
        self.gallery_label.setBuddy(self.gallery)
        self.gallery.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.gallery.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gallery.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.gallery.verticalHeader().setVisible(False)
        self.gallery.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 1 + len(self.SCORE_COLUMNS)):
            self.gallery.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.gallery.setSortingEnabled(True)
        self.gallery.setAlternatingRowColors(True)

        ebox = QVBoxLayout()
        ebox.addWidget(self.exercise_label)
        ebox.addWidget(self.exercise_combo)
        arow = QHBoxLayout()
        arow.addWidget(self.add_attempt_button)
        arow.addWidget(self.import_button)
        arow.addStretch(1)
        arow.addWidget(self.compare_button)
        ebox.addLayout(arow)
        ebox.addWidget(self.gallery_label)
        ebox.addWidget(self.gallery, 1)

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

        self.session_list.currentItemChanged.connect(self._on_session_item)
        self.new_session_button.clicked.connect(self._new_session_clicked)
        self.add_participant_button.clicked.connect(self._add_participant_clicked)
        self.progress_button.clicked.connect(self._progress_clicked)
        self.participant_report_button.clicked.connect(self._participant_report_clicked)
        self.session_report_button.clicked.connect(lambda: self.export_session_report())
        self.participant_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.participant_list.itemActivated.connect(lambda item: self.show_progress(int(item.data(ID_ROLE))))
        self.exercise_combo.currentIndexChanged.connect(lambda *_: self.refresh_attempts())
        self.add_attempt_button.clicked.connect(self._add_attempt_clicked)
        self.import_button.clicked.connect(self._import_clicked)
        self.compare_button.clicked.connect(self._compare_clicked)
        self.gallery.itemSelectionChanged.connect(self._update_buttons)
        self.gallery.itemActivated.connect(lambda *_: self._compare_clicked() if self.compare_button.isEnabled() else None)

        self.retranslate()
        self.refresh_sessions()

    # ------------------------------------------------------------------ state

    def current_session_id(self) -> int | None:
        return self._session_id

    def current_session(self) -> Session | None:
        return None if self._session_id is None else self.store.get_session(self._session_id)

    def current_exercise(self) -> Exercise | None:
        ex_id = self.exercise_combo.currentData()
        return next((ex for ex in self.exercises if ex.id == ex_id), None)

    def set_exercise(self, exercise_id: str) -> None:
        """Select the exercise (round) by id."""
        index = self.exercise_combo.findData(exercise_id)
        if index < 0:
            raise ValueError(f"unknown exercise {exercise_id!r}")
        self.exercise_combo.setCurrentIndex(index)

    def participants(self) -> list[Participant]:
        return list(self._participants)

    def round_attempts(self) -> list[Attempt]:
        """The attempts of the selected session and exercise, in gallery insertion order."""
        return list(self._attempts)

    def is_projecting(self) -> bool:
        return self._projecting

    # ------------------------------------------------------------------ names

    def shown_name(self, participant: Participant | None) -> str:
        """The name to show: the pseudonym while projecting, else the display name."""
        if participant is None:
            return self.tr("(nobody)")
        if self._projecting:
            return participant.pseudonym or self._fallback_pseudonym(participant)
        return participant.display_name

    def _fallback_pseudonym(self, participant: Participant) -> str:
        ids = [p.id for p in self._participants]
        n = ids.index(participant.id) + 1 if participant.id in ids else participant.id
        return self.tr("Participant {n}").format(n=n)

    def _participant(self, participant_id: int | None) -> Participant | None:
        return next((p for p in self._participants if p.id == participant_id), None)

    def new_pseudonym(self) -> str:
        """A neutral pseudonym not yet used in the session ("Participant 3")."""
        used = {p.pseudonym for p in self._participants}
        n = len(self._participants) + 1
        while self.tr("Participant {n}").format(n=n) in used:
            n += 1
        return self.tr("Participant {n}").format(n=n)

    # ------------------------------------------------------------------ actions

    def create_session(self, kind: str, title: str, date: str | Date, notes: str = "") -> int:
        """Create a session, list it and select it; returns its id."""
        session_id = self.store.create_session(kind, title, date, notes)
        self.refresh_sessions()
        self.select_session(session_id)
        return session_id

    def select_session(self, session_id: int | None) -> None:
        for i in range(self.session_list.count()):
            item = self.session_list.item(i)
            if item.data(ID_ROLE) == session_id:
                self.session_list.setCurrentItem(item)
                return
        self.session_list.setCurrentItem(None)
        self._set_session(None)

    def add_participant(self, name: str, pseudonym: str | None = None) -> int:
        """Add a participant to the selected session (a neutral pseudonym if none is given)."""
        if self._session_id is None:
            raise ValueError("no session selected")
        name = name.strip()
        if not name:
            raise ValueError("a participant needs a name")
        pseudonym = (pseudonym or "").strip() or self.new_pseudonym()
        pid = self.store.add_participant(self._session_id, name, pseudonym)
        self.refresh_participants()
        return pid

    def add_attempt(self, participant_id: int, text: str) -> int:
        """Store `text` as the participant's attempt at the current exercise, scored; returns the draft id."""
        if self._session_id is None:
            raise ValueError("no session selected")
        ex = self.current_exercise()
        if ex is None:
            raise ValueError("no exercise selected")
        self._ensure_exercise_stored(ex)
        result = analyze(text, language=ex.language, platform=ex.platform)
        draft_id = self.store.create_draft(
            text, title=ex.title, language=ex.language, platform=ex.platform, exercise_id=ex.id, session_id=self._session_id, owner=participant_id
        )
        self.store.save_revision(draft_id, text, label=self.tr("Attempt"), result=result)
        self.refresh_attempts()
        self.attempts_changed.emit()
        return draft_id

    def import_folder(self, path: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
        """Every .txt/.md in `path` becomes an attempt of the round (file name = participant).

        The file stem is matched to a participant's display name ignoring case; otherwise a new
        participant is created. Binary, non-UTF-8, empty or unreadable files are skipped.
        Returns (imported file names, skipped file names).
        """
        if self._session_id is None:
            raise ValueError("no session selected")
        folder = Path(path)
        imported: list[str] = []
        skipped: list[str] = []
        try:
            entries = sorted((p for p in folder.iterdir() if p.suffix.lower() in IMPORT_SUFFIXES), key=lambda p: p.name.lower())
        except OSError:
            return imported, [str(folder)]
        for file in entries:
            if not file.is_file():
                continue
            text = read_post(file)
            if text is None:
                skipped.append(file.name)
                continue
            stem = file.stem.strip()
            participant = next((p for p in self._participants if p.display_name.casefold() == stem.casefold()), None)
            pid = participant.id if participant is not None else self.add_participant(stem)
            try:
                self.add_attempt(pid, text)
            except (ValueError, NotFoundError):
                skipped.append(file.name)
                continue
            imported.append(file.name)
        return imported, skipped

    def selected_draft_ids(self) -> list[int]:
        """Draft ids of the selected gallery rows, top to bottom as shown."""
        rows = sorted({index.row() for index in self.gallery.selectionModel().selectedRows()})
        return [int(self.gallery.item(r, 0).data(ID_ROLE)) for r in rows]

    def select_attempts(self, draft_ids: list[int]) -> None:
        """Select the gallery rows of these drafts (for keyboardless callers and tests)."""
        self.gallery.clearSelection()
        mode = self.gallery.selectionMode()
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r in range(self.gallery.rowCount()):
            if int(self.gallery.item(r, 0).data(ID_ROLE)) in draft_ids:
                self.gallery.selectRow(r)
        self.gallery.setSelectionMode(mode)

    def compare_selected(self) -> CompareDialog:
        """Open the two selected attempts side by side (first row = original); returns the dialog."""
        ids = self.selected_draft_ids()
        if len(ids) != 2:
            raise ValueError("select exactly two attempts to compare")
        first, second = (self.store.get_draft(i) for i in ids)
        dialog = CompareDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.participant_ids = (first.owner, second.owner)
        dialog.compare_view.set_drafts(first.text, second.text, first.language, first.platform)
        self.compare_dialogs.append(dialog)
        self._title_compare(dialog)
        dialog.show()
        return dialog

    def show_progress(self, participant_id: int) -> ProgressView:
        """Open a window with the participant's progress; returns its ProgressView."""
        dialog = QDialog(self)
        view = ProgressView(self.store, dialog)
        view.set_projecting(self._projecting)
        view.set_participant(participant_id)
        box = QVBoxLayout(dialog)
        box.addWidget(view)
        report_button = QPushButton(self.tr("&Export report…"), dialog)
        report_button.setAccessibleName(self.tr("Export the progress report"))
        report_button.clicked.connect(lambda: self.export_participant_report(participant_id))
        box.addWidget(report_button, 0, Qt.AlignmentFlag.AlignRight)
        view.report_button = report_button  # type: ignore[attr-defined]
        dialog.resize(720, 420)
        dialog.setWindowTitle(view.header.text())
        self.progress_dialogs.append((dialog, view))
        dialog.show()
        return view

    def set_projecting(self, on: bool) -> None:
        """Show pseudonyms instead of names everywhere (lists, gallery, open compare/progress windows)."""
        self._projecting = bool(on)
        self.refresh_participants()
        for dialog in self.compare_dialogs:
            self._title_compare(dialog)
        for dialog, view in self.progress_dialogs:
            view.set_projecting(self._projecting)
            dialog.setWindowTitle(view.header.text())

    # ------------------------------------------------------------------ filling

    def refresh_sessions(self) -> None:
        keep = self._session_id
        self.session_list.blockSignals(True)
        self.session_list.clear()
        for s in self.store.list_sessions():
            item = QListWidgetItem(self._session_text(s))
            item.setData(ID_ROLE, s.id)
            self.session_list.addItem(item)
        self.session_list.blockSignals(False)
        if keep is not None:
            self.select_session(keep)
        else:
            self._set_session(None)

    def refresh_participants(self) -> None:
        self._participants = [] if self._session_id is None else self.store.participants(self._session_id)
        current = self.participant_list.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.participant_list.clear()
        for p in self._participants:
            item = QListWidgetItem(self.shown_name(p))
            item.setData(ID_ROLE, p.id)
            self.participant_list.addItem(item)
            if p.id == keep:
                self.participant_list.setCurrentItem(item)
        self.refresh_attempts()

    def refresh_attempts(self) -> None:
        ex = self.current_exercise()
        if self._session_id is None or ex is None:
            self._attempts = []
        else:
            self._attempts = [a for a in self.store.session_attempts(self._session_id) if a.exercise_id == ex.id]
        sorting = self.gallery.isSortingEnabled()
        sort_col = self.gallery.horizontalHeader().sortIndicatorSection()
        sort_order = self.gallery.horizontalHeader().sortIndicatorOrder()
        self.gallery.setSortingEnabled(False)
        self.gallery.clearContents()
        self.gallery.setRowCount(len(self._attempts))
        for row, attempt in enumerate(self._attempts):
            name_item = QTableWidgetItem(self.shown_name(self._participant(attempt.owner)))
            name_item.setData(ID_ROLE, attempt.draft_id)
            self.gallery.setItem(row, 0, name_item)
            scores = attempt.latest_scores or {}
            for col, dim in enumerate(self.SCORE_COLUMNS, start=1):
                item = QTableWidgetItem()
                if dim in scores:
                    item.setData(Qt.ItemDataRole.DisplayRole, int(scores[dim]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.gallery.setItem(row, col, item)
        self.gallery.setSortingEnabled(sorting)
        if sorting and sort_col >= 0 and self.gallery.horizontalHeader().isSortIndicatorShown():
            self.gallery.sortItems(sort_col, sort_order)
        self._update_header()
        self._update_buttons()

    def sort_by(self, dimension: str, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
        """Sort the gallery by a dimension ("dialogue", …) or "participant"."""
        col = 0 if dimension == "participant" else 1 + list(self.SCORE_COLUMNS).index(dimension)
        self.gallery.sortItems(col, order)
        self.gallery.horizontalHeader().setSortIndicator(col, order)

    def gallery_rows(self) -> list[list[str]]:
        """The gallery's texts as shown, row by row."""
        return [[self.gallery.item(r, c).text() for c in range(self.gallery.columnCount())] for r in range(self.gallery.rowCount())]

    # ------------------------------------------------------------------ private

    def _session_text(self, s: Session) -> str:
        kind = self.tr("Workshop") if s.kind == "workshop" else self.tr("Individual")
        return f"{s.title}\n{s.date} \u00b7 {kind}"

    def _set_session(self, session_id: int | None) -> None:
        if session_id == self._session_id and session_id is not None:
            return
        self._session_id = session_id
        self.participant_list.clear()
        self.refresh_participants()
        self.right_panel.setEnabled(session_id is not None)
        self.session_changed.emit(session_id)

    def _on_session_item(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._set_session(None if current is None else int(current.data(ID_ROLE)))

    def _ensure_exercise_stored(self, ex: Exercise) -> None:
        """Attempts reference the exercises table: copy a built-in exercise there once."""
        try:
            self.store.get_exercise(ex.id)
        except NotFoundError:
            source = ex.source if ex.source.startswith("pack:") else "builtin"
            self.store.upsert_exercise(
                {
                    "id": ex.id, "language": ex.language, "platform": ex.platform, "topic": ex.topic, "title": ex.title,
                    "goal": ex.goal, "body_md": ex.body_md, "starting_draft": ex.starting_draft,
                    "targets": dict(ex.targets), "hints": list(ex.hints), "source": source,
                }
            )

    def _title_compare(self, dialog: CompareDialog) -> None:
        a, b = (self.shown_name(self._participant(pid)) for pid in dialog.participant_ids)
        dialog.set_names(a, b)

    def _update_header(self) -> None:
        s = self.current_session()
        if s is None:
            self.session_header.setText(self.tr("Select or create a session."))
        else:
            self.session_header.setText(
                self.tr("{title} \u2014 {date}: {participants} participant(s), {attempts} attempt(s) in this round").format(
                    title=s.title, date=s.date, participants=len(self._participants), attempts=len(self._attempts)
                )
            )

    def _update_buttons(self) -> None:
        has_session = self._session_id is not None
        self.add_participant_button.setEnabled(has_session)
        self.import_button.setEnabled(has_session)
        self.add_attempt_button.setEnabled(has_session and bool(self._participants))
        self.progress_button.setEnabled(self.participant_list.currentItem() is not None)
        self.participant_report_button.setEnabled(self.participant_list.currentItem() is not None)
        self.session_report_button.setEnabled(has_session)
        self.compare_button.setEnabled(len(self.gallery.selectionModel().selectedRows()) == 2)

    # ------------------------------------------------------------------ buttons (dialogs)

    def _new_session_clicked(self) -> None:
        dialog = NewSessionDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, title, day, notes = dialog.values()
            self.create_session(kind, title, day, notes)

    def _add_participant_clicked(self) -> None:
        dialog = ParticipantDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, pseudonym = dialog.values()
            self.add_participant(name, pseudonym)

    def _add_attempt_clicked(self) -> None:
        dialog = AttemptDialog([(p.id, self.shown_name(p)) for p in self._participants], self)
        current = self.participant_list.currentItem()
        if current is not None:
            dialog.participant_combo.setCurrentIndex(dialog.participant_combo.findData(current.data(ID_ROLE)))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pid, text = dialog.values()
            self.add_attempt(pid, text)

    def _import_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import attempts from folder"))
        if not folder:
            return
        imported, skipped = self.import_folder(folder)
        message = self.tr("{count} attempt(s) imported.").format(count=len(imported))
        if skipped:
            message += "\n\n" + self.tr("Skipped (not a UTF-8 text file):") + "\n" + "\n".join(skipped)
            QMessageBox.warning(self, self.tr("Import attempts"), message)
        else:
            QMessageBox.information(self, self.tr("Import attempts"), message)

    def _compare_clicked(self) -> None:
        if len(self.selected_draft_ids()) == 2:
            self.compare_selected()

    def export_session_report(self) -> QDialog | None:
        """The workshop summary of the selected session: preview and export (pseudonyms while projecting)."""
        if self._session_id is None:
            return None
        return self._export("session", self._session_id)

    def export_participant_report(self, participant_id: int) -> QDialog:
        """One participant's progress report: preview and export (pseudonyms while projecting)."""
        return self._export("participant", participant_id)

    def _export(self, kind: str, item_id: int) -> QDialog:
        from resonanz.gui.reports.export import ExportDialog
        from resonanz.gui.app.i18n import resolve_ui_language
        from resonanz.gui.app.settings import open_settings

        settings = open_settings()
        language = resolve_ui_language(str(settings.value("ui_language", "system")))
        dialog = ExportDialog(self.store, kind, item_id, settings, language, pseudonyms=self._projecting, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self.export_dialogs.remove(dialog) if dialog in self.export_dialogs else None)
        self.export_dialogs.append(dialog)
        dialog.show()
        return dialog

    def _participant_report_clicked(self) -> None:
        current = self.participant_list.currentItem()
        if current is not None:
            self.export_participant_report(int(current.data(ID_ROLE)))

    def _progress_clicked(self) -> None:
        current = self.participant_list.currentItem()
        if current is not None:
            self.show_progress(int(current.data(ID_ROLE)))

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        """Every UI string, again (called at start and on LanguageChange)."""
        self.sessions_label.setText(self.tr("&Sessions"))
        self.new_session_button.setText(self.tr("&New session\u2026"))
        self.participants_label.setText(self.tr("Partici&pants"))
        self.add_participant_button.setText(self.tr("Add p&articipant\u2026"))
        self.progress_button.setText(self.tr("Pro&gress\u2026"))
        self.participant_report_button.setText(self.tr("Progress &report\u2026"))
        self.session_report_button.setText(self.tr("&Workshop report\u2026"))
        self.exercise_label.setText(self.tr("E&xercise of the round"))
        self.add_attempt_button.setText(self.tr("Add a&ttempt\u2026"))
        self.import_button.setText(self.tr("&Import folder\u2026"))
        self.compare_button.setText(self.tr("&Compare"))
        self.gallery_label.setText(self.tr("&Gallery of the round"))
        names = _dimension_names(self)
        self.gallery.setHorizontalHeaderLabels([self.tr("Participant")] + [names[d] for d in self.SCORE_COLUMNS])

        self.session_list.setAccessibleName(self.tr("Sessions"))
        self.participant_list.setAccessibleName(self.tr("Participants"))
        self.exercise_combo.setAccessibleName(self.tr("Exercise of the round"))
        self.gallery.setAccessibleName(self.tr("Gallery of the round's attempts"))
        self.gallery.setAccessibleDescription(self.tr("Select two attempts and press Compare; click a column header to sort."))
        for button, name in (
            (self.new_session_button, self.tr("New session")),
            (self.add_participant_button, self.tr("Add participant")),
            (self.progress_button, self.tr("Show progress of the selected participant")),
            (self.participant_report_button, self.tr("Export the selected participant's progress report")),
            (self.session_report_button, self.tr("Export the workshop summary of this session")),
            (self.add_attempt_button, self.tr("Add attempt")),
            (self.import_button, self.tr("Import attempts from folder")),
            (self.compare_button, self.tr("Compare the two selected attempts")),
        ):
            button.setAccessibleName(name)
        self.compare_button.setToolTip(self.tr("Select two attempts in the gallery to compare them."))
        for i, s in enumerate(self.store.list_sessions()):
            item = self.session_list.item(i)
            if item is not None and item.data(ID_ROLE) == s.id:
                item.setText(self._session_text(s))
        self._update_header()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
