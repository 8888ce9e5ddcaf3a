"""Each draft keeps its platform and language (issue 17, point 3), and nothing asks about
"unsaved changes" that autosave has already kept (point 4); the window title names the draft.

Driven like a person: the panel's combo boxes are chosen, keys are pressed, the window is closed
and a new one opened on the same database (a restart), and the real `resonanz report` command
runs in a second process beside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from resonanz.core.exercises.library import builtin_exercises
from resonanz.gui.app.start import open_store

from ..typing_helpers import type_text
from ..windows import answer_next_box, open_window

POST = "Was war Ihr schoenster Moment im Verein? Erzaehlen Sie es uns in den Kommentaren."


def _analysed(qtbot, w) -> None:
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)


def _choose(combo, value: str) -> None:
    """Pick an entry of a combo box the way a click on it does (emits the change signals)."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _restart(qtbot, w):
    """Close the window (as Quit does) and start a new one on the same data folder."""
    assert w.close()
    w.keeper.store.close()
    again = open_window(qtbot, open_store())
    assert again.resume_last_draft()
    _analysed(qtbot, again)
    return again


def _resonanz() -> list[str]:
    exe = shutil.which("resonanz", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "resonanz.core.cli"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))  # the restarted editor and the CLI use it too
    return tmp_path


def _no_message_boxes(monkeypatch) -> list[str]:
    """Record every message box that would be shown (and answer it with Cancel)."""
    shown: list[str] = []

    def record(box, *_a):
        shown.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", record)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Cancel)
    return shown


# ---------------------------------------------------------------------------------- point 3
def test_the_platform_chosen_for_a_draft_survives_a_restart_and_reaches_the_report(qtbot, home: Path) -> None:
    w = open_window(qtbot, open_store())
    w.load_text("")
    w.editor.setFocus()
    type_text(qtbot, w.editor, POST)
    _choose(w.panel.platform_combo, "x")
    _choose(w.panel.platform_combo, "instagram")
    _analysed(qtbot, w)
    draft_id = w.keeper.draft_id
    assert w.keeper.store.get_draft(draft_id).platform == "instagram"  # stored on change, not only globally

    w = _restart(qtbot, w)
    assert w.keeper.draft_id == draft_id
    assert w.panel.platform() == "instagram" and w.result.platform == "instagram"

    report = subprocess.run([*_resonanz(), "report", "draft", str(draft_id), "--format", "md"], capture_output=True, text=True,
                            timeout=120, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    assert report.returncode == 0, report.stderr
    assert "Instagram" in report.stdout and "LinkedIn" not in report.stdout


def test_a_draft_opened_from_my_drafts_brings_its_own_platform_and_language(qtbot, home: Path) -> None:
    w = open_window(qtbot, open_store())
    w.load_text("Wie feiern Sie den Sommer? Schreiben Sie uns.")
    _choose(w.panel.platform_combo, "mastodon")
    _choose(w.panel.language_combo, "en")
    first = w.keeper.draft_id
    w.new_draft()
    _choose(w.panel.platform_combo, "linkedin")
    _choose(w.panel.language_combo, "auto")
    type_text(qtbot, w.editor, "Second draft.")
    assert w.open_draft(first)
    _analysed(qtbot, w)
    assert (w.panel.platform(), w.panel.language_choice()) == ("mastodon", "en")
    assert (w.result.platform, w.result.language) == ("mastodon", "en")
    stored = w.keeper.store.get_draft(first)
    assert (stored.platform, stored.language) == ("mastodon", "en")


def test_an_exercise_draft_keeps_its_platform_and_targets_until_the_user_changes_the_platform(qtbot, home: Path) -> None:
    store = open_store()
    w = open_window(qtbot, store)
    w.settings.setValue("platform", "instagram")  # the last platform chosen elsewhere
    exercise = next(e for e in builtin_exercises() if e.platform == "linkedin")
    w.start_exercise(exercise)
    _analysed(qtbot, w)
    assert w.panel.platform() == "linkedin"

    w = _restart(qtbot, w)
    assert w.panel.platform() == "linkedin" and w.result.platform == "linkedin"
    assert w.exercise is not None and w.exercise.id == exercise.id  # the targets come back with it
    assert w.targets.isVisibleTo(w)

    _choose(w.panel.platform_combo, "x")
    w = _restart(qtbot, w)
    assert w.panel.platform() == "x" and w.exercise is not None and w.exercise.id == exercise.id


# ---------------------------------------------------------------------------------- point 4
def test_new_open_exercise_and_quit_never_ask_about_autosaved_changes(qtbot, home: Path, monkeypatch) -> None:
    shown = _no_message_boxes(monkeypatch)
    dialogs: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: dialogs.append("save") or ("", ""))
    store = open_store()
    w = open_window(qtbot, store)
    w.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    w.load_text("")
    w.editor.setFocus()
    type_text(qtbot, w.editor, "Erster Entwurf")
    first = w.keeper.draft_id

    qtbot.keyClick(w.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New draft
    type_text(qtbot, w.editor, "Zweiter Entwurf\n")  # the first keys after Ctrl+N go into the new draft
    assert w.editor.toPlainText() == "Zweiter Entwurf\n"
    second = w.keeper.draft_id
    assert second != first and store.get_draft(first).text == "Erster Entwurf"

    assert w.open_draft(first) and w.editor.toPlainText() == "Erster Entwurf"
    w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
    type_text(qtbot, w.editor, " mit mehr")
    w.dialogs._start_from_library(builtin_exercises()[0])  # Exercise library › Start
    assert w.exercise is not None
    type_text(qtbot, w.editor, " geaendert")
    qtbot.keyClick(w.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # a reflex Ctrl+S: no file dialog
    assert "My drafts" in w.statusBar().currentMessage()
    assert w.close()
    assert shown == [] and dialogs == []
    assert store.get_draft(first).text == "Erster Entwurf mit mehr"
    assert store.get_draft(second).text == "Zweiter Entwurf\n"


def test_an_opened_file_asks_with_buttons_that_say_what_happens_and_enter_writes_it_back(qtbot, home: Path, monkeypatch) -> None:
    dialogs: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: dialogs.append("save") or ("", ""))
    post = home / "post.txt"
    post.write_text("Hallo", encoding="utf-8")
    w = open_window(qtbot, open_store())
    assert w.open_path(post)
    w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
    type_text(qtbot, w.editor, " Welt")
    assert w.windowTitle().startswith("•post.txt")
    seen: list = []
    answer_next_box(qtbot, seen)
    w.new_draft()
    assert seen and "Write changes to post.txt" in seen[0] and "Leave the file as it is" in seen[0]
    assert post.read_text(encoding="utf-8") == "Hallo Welt" and dialogs == []
    assert w.editor.toPlainText() == ""


def test_a_draft_kept_nowhere_asks_and_enter_keeps_it(qtbot, monkeypatch) -> None:
    dialogs: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: dialogs.append("save") or ("", ""))
    w = open_window(qtbot)  # no database: the text lives only in the editor
    w.editor.setFocus()
    type_text(qtbot, w.editor, "Nur hier")
    seen: list = []
    answer_next_box(qtbot, seen)
    w.new_draft()
    assert seen and set(seen[0]) >= {"Export to file…", "Discard the draft", "Cancel"}
    assert w.editor.toPlainText() == "Nur hier" and dialogs == []  # Enter is Cancel: nothing lost, no dialog


# ---------------------------------------------------------------------------------- point 10: titles
def test_the_window_title_names_the_draft(qtbot, home: Path) -> None:
    store = open_store()
    w = open_window(qtbot, store)
    w.load_text("")
    assert w.windowTitle() == "Untitled draft — Resonanz"
    w.editor.setFocus()
    type_text(qtbot, w.editor, "Wer hilft beim Sommerfest am Samstag mit? Melden Sie sich.")
    _analysed(qtbot, w)
    assert w.windowTitle() == "Wer hilft beim Sommerfest am Samstag… — Resonanz"  # first words, no "•": it is autosaved
    store.rename_draft(w.keeper.draft_id, "Helfer fürs Sommerfest")
    assert w.open_draft(w.keeper.draft_id)
    assert w.windowTitle() == "Helfer fürs Sommerfest — Resonanz"
    exercise = builtin_exercises()[0]
    w.start_exercise(exercise)
    assert w.windowTitle() == f"{exercise.title} — Resonanz"
