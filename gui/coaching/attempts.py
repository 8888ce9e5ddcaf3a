"""The round's exercise and its attempts: pick the exercise, store a scored attempt, import a folder of posts.

An attempt is a draft of the session (``session_id``, ``owner`` = participant, ``exercise_id``)
with one scored revision. A reply exercise's attempt is a draft of kind "reply" with the
exercise's comment and post; it is scored with `evaluate` (the reply score, not the four
dimensions), and a started attempt begins with the exercise's weak starting reply. A folder import turns every .txt/.md file into an attempt; the file
name names the participant. `read_post` reads such a file and refuses anything that is not a post.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.exercises.attempts import find_exercise, save_attempt, start_attempt
from resonanz.core.exercises.library import builtin_exercises
from resonanz.core.exercises.model import Exercise
from resonanz.core.storage.migrations import NotFoundError
from resonanz.core.storage.records import Participant
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.session_dialogs import AttemptDialog

__all__ = ["IMPORT_SUFFIXES", "MAX_IMPORT_BYTES", "RoundAttempts", "import_attempts", "read_post"]

IMPORT_SUFFIXES = (".txt", ".md")
MAX_IMPORT_BYTES = 1_000_000  # a post is a few KB; anything bigger is not a post


def read_post(path: Path) -> str | None:
    """The text of a .txt/.md file, or None if it is binary, not UTF-8, too big, unreadable or the database."""
    from resonanz.core.fileio import is_database_file

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


def import_attempts(
    path: str | os.PathLike[str],
    participant_named: Callable[[str], Participant | None],
    add_participant: Callable[[str], int],
    add_attempt: Callable[[int, str], int],
) -> tuple[list[str], list[str]]:
    """Every .txt/.md in `path` becomes an attempt (file name = participant, matched ignoring case, else added).

    Returns (imported file names, skipped file names).
    """
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
        participant = participant_named(stem)
        pid = participant.id if participant is not None else add_participant(stem)
        try:
            add_attempt(pid, text)
        except (ValueError, NotFoundError):
            skipped.append(file.name)
            continue
        imported.append(file.name)
    return imported, skipped


class RoundAttempts:
    """The exercise of the round (its label and list) and the buttons that add attempts to it."""

    def __init__(self, parent: QWidget, store: Store) -> None:
        self.store = store
        self.exercises: list[Exercise] = builtin_exercises()
        self.exercise_label = QLabel(parent)
        self.exercise_combo = QComboBox(parent)
        self.exercise_label.setBuddy(self.exercise_combo)
        for ex in self.exercises:
            self.exercise_combo.addItem(f"{ex.title} ({ex.language}, {ex.platform})", ex.id)
        self.add_attempt_button = QPushButton(parent)
        self.import_button = QPushButton(parent)

    def make_layout(self, gallery_buttons: tuple[QPushButton, ...], gallery_label: QLabel, gallery: QWidget, live=None) -> QVBoxLayout:
        """The round's column: the exercise, the attempt buttons (and the live round's; the gallery's
        Open large and Compare on the right), the live round's status line, then the gallery."""
        ebox = QVBoxLayout()
        ebox.addWidget(self.exercise_label)
        ebox.addWidget(self.exercise_combo)
        arow = QHBoxLayout()
        arow.addWidget(self.add_attempt_button)
        arow.addWidget(self.import_button)
        if live is not None:
            arow.addWidget(live.button)
        arow.addStretch(1)
        for button in gallery_buttons:
            arow.addWidget(button)
        ebox.addLayout(arow)
        if live is not None:
            ebox.addWidget(live.bar)
        ebox.addWidget(gallery_label)
        ebox.addWidget(gallery, 1)
        return ebox

    def retranslate(self) -> None:
        self.exercise_label.setText(QCoreApplication.translate("SessionsView", "E&xercise of the round"))
        self.add_attempt_button.setText(QCoreApplication.translate("SessionsView", "Add a&ttempt\u2026"))
        self.import_button.setText(QCoreApplication.translate("SessionsView", "&Import folder\u2026"))
        self.exercise_combo.setAccessibleName(QCoreApplication.translate("SessionsView", "Exercise of the round"))
        self.add_attempt_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Add attempt"))
        self.import_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Import attempts from folder"))

    def current_exercise(self) -> Exercise | None:
        ex_id = self.exercise_combo.currentData()
        return next((ex for ex in self.exercises if ex.id == ex_id), None)

    def set_exercise(self, exercise_id: str) -> None:
        """Select the exercise (round) by id."""
        index = self.exercise_combo.findData(exercise_id)
        if index < 0:
            raise ValueError(f"unknown exercise {exercise_id!r}")
        self.exercise_combo.setCurrentIndex(index)

    def record(self, session_id: int, participant_id: int, text: str) -> int:
        """Store `text` as the participant's attempt at the current exercise, scored; returns the draft id."""
        draft_id = self.start(session_id, participant_id, text)
        self.save_revision(draft_id, text, QCoreApplication.translate("SessionsView", "Attempt"))
        return draft_id

    def start(self, session_id: int, participant_id: int, text: str | None = None) -> int:
        """The participant's draft for the current exercise, not yet scored: `text`, else the
        exercise's starting draft; a reply exercise's draft is a reply to its comment (and post)."""
        ex = self.current_exercise()
        if ex is None:
            raise ValueError("no exercise selected")
        return start_attempt(self.store, ex, session_id, participant_id, text)

    def save_revision(self, draft_id: int, text: str, label: str = "") -> int:
        """Save a version of an attempt scored against its exercise (`evaluate`: a reply gets its
        reply score); the draft's text becomes `text`. Returns the revision id."""
        ex = self.exercise(self.store.get_draft(draft_id).exercise_id)
        if ex is None:
            raise ValueError(f"draft {draft_id} is no attempt at a known exercise")
        return save_attempt(self.store, draft_id, ex, text, label)[0]

    def exercise(self, exercise_id: str | None) -> Exercise | None:
        """The exercise with this id: from the list offered, else from the store (a pack's), else None."""
        return find_exercise(self.store, exercise_id, self.exercises)

    # ------------------------------------------------------------------ buttons (dialogs)

    def ask_attempt(self, parent: QWidget, participants: list[tuple[int, str]], current: int | None) -> tuple[int, str] | None:
        """(participant id, text) typed into an `AttemptDialog`, or None if cancelled."""
        ex = self.current_exercise()
        dialog = AttemptDialog(participants, parent)
        if ex is not None and ex.kind == "reply":  # the comment to answer, and its weak reply to improve
            dialog.set_reply(ex.comment, ex.starting_draft)
        if current is not None:
            dialog.participant_combo.setCurrentIndex(dialog.participant_combo.findData(current))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.values()
        return None

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """Like QObject.tr (this is no QObject): lupdate reads self.tr(…, n) as a counted phrase."""
        return QCoreApplication.translate("RoundAttempts", text, disambiguation, n)

    def ask_folder_and_import(self, parent: QWidget, import_folder: Callable[[str], tuple[list[str], list[str]]]) -> None:
        """Choose a folder, import it, and say what was imported and what was skipped."""
        folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("SessionsView", "Import attempts from folder"))
        if not folder:
            return
        imported, skipped = import_folder(folder)
        message = self.tr("%n attempt(s) imported.", "", len(imported))
        if skipped:
            message += "\n\n" + QCoreApplication.translate("SessionsView", "Skipped (not a UTF-8 text file):") + "\n" + "\n".join(skipped)
            QMessageBox.warning(parent, QCoreApplication.translate("SessionsView", "Import attempts"), message)
        else:
            QMessageBox.information(parent, QCoreApplication.translate("SessionsView", "Import attempts"), message)
