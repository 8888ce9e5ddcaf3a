"""Never lose work: a real editor process killed with SIGKILL loses at most the last 2 s."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TYPIST = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["resonanz"])
from resonanz.gui.app.start import open_store
from resonanz.gui.editor.main_window import MainWindow
window = MainWindow(store=open_store())
window.load_text("")
window.show()
text = sys.argv[1]
state = {"i": 0}

def type_one():
    # typed one character at a time, like a person, without a pause long enough for a debounce
    if state["i"] < len(text):
        window.editor.insertPlainText(text[state["i"]])
        state["i"] += 1
        QTimer.singleShot(30, type_one)
    else:
        print("typed", flush=True)

QTimer.singleShot(100, type_one)
app.exec()
"""

def _texts_in(db: Path) -> list[str]:
    import sqlite3

    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return [row[0] for row in conn.execute("SELECT text FROM drafts")]
    except sqlite3.Error:
        return []


pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")


def test_sigkill_mid_edit_loses_at_most_two_seconds(tmp_path: Path, qtbot, monkeypatch) -> None:
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))  # the restarted editor uses the same data folder
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    typed = "Was würden Sie Ihrem Team raten? Erzählen Sie es uns in den Kommentaren!"
    proc = subprocess.Popen([sys.executable, "-c", TYPIST, typed], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # blocks until the last character is typed
        assert line.strip() == "typed", proc.stderr.read()[-1000:]
        # Wait until the autosave has reached the file, reading it from outside like a second
        # program would (no action by the user); the 1-second cadence is checked in-process below,
        # and timings belong in benchmarks, so a loaded machine can't make this test flaky.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and typed not in _texts_in(tmp_path / "resonanz.db"):
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    # the next start reopens the draft as it was
    from resonanz.gui.app.start import open_store
    from resonanz.gui.editor.main_window import MainWindow

    window = MainWindow(store=open_store())
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    assert window.resume_last_draft()
    assert window.editor.toPlainText() == typed


def test_typing_continuously_is_saved_every_second(qtbot, tmp_path: Path) -> None:
    from resonanz.core.storage.store import Store
    from resonanz.gui.editor.main_window import MainWindow

    from ..typing_helpers import type_text

    store = Store(tmp_path / "drafts.db")
    window = MainWindow(store=store)
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    window.load_text("")
    draft_id = window.keeper.draft_id
    start = time.monotonic()
    while time.monotonic() - start < 1.6:  # no pause long enough for a debounce
        type_text(qtbot, window.editor, "ab")
        qtbot.wait(40)
    saved = store.get_draft(draft_id).text
    assert saved and window.editor.toPlainText().startswith(saved)
    window.keeper.flush()
    assert store.get_draft(draft_id).text == window.editor.toPlainText()


def test_save_revision_keeps_scores_in_the_database(qtbot, tmp_path: Path) -> None:
    from resonanz.core.storage.store import Store
    from resonanz.gui.editor.main_window import MainWindow

    store = Store(tmp_path / "drafts.db")
    window = MainWindow(store=store)
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    window.load_text("Wir sind führend. Jetzt kaufen!")
    window.save_revision(label="Erste Fassung")
    window.editor.setPlainText("Was würden Sie anders machen? Schreiben Sie es uns!")
    window.save_revision(label="Zweite Fassung")
    revisions = store.revisions(window.keeper.draft_id)
    assert [r.label for r in revisions] == ["Erste Fassung", "Zweite Fassung"]
    assert revisions[1].scores["dialogue"] > revisions[0].scores["dialogue"]


def test_the_daily_backup_is_taken_in_the_background(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))
    from resonanz.gui.app.start import _daily_backup, open_store
    from resonanz.gui.editor.main_window import MainWindow

    window = MainWindow(store=open_store())
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    window.load_text("Was meinen Sie?")
    window.keeper.flush()
    _daily_backup(window)
    qtbot.waitUntil(lambda: any((tmp_path / "backups").glob("resonanz-*.db")), timeout=10000)


def test_how_many_daily_backups_are_kept_is_a_setting(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))
    from resonanz.gui.app.start import _daily_backup, open_store
    from resonanz.gui.editor.main_window import MainWindow

    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 6):  # five older daily backups
        (folder / f"resonanz-2026-11-0{day}.db").write_bytes(b"")
    window = MainWindow(store=open_store())
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    window.settings.setValue("backup_keep", 2)
    window.load_text("Was meinen Sie?")
    window.keeper.flush()
    _daily_backup(window)
    qtbot.waitUntil(lambda: len(list(folder.glob("resonanz-*.db"))) == 2, timeout=10000)
    assert any(p.stat().st_size > 0 for p in folder.glob("resonanz-*.db"))  # today's real backup is one of them


def test_a_corrupt_database_is_reported_kept_and_restorable(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from resonanz.core.storage import backup
    from resonanz.core.storage.store import Store
    from resonanz.gui.app.start import open_store

    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))
    db = tmp_path / "resonanz.db"
    with Store(db) as store:
        draft = store.create_draft("Der Entwurf von gestern")
    (tmp_path / "backups").mkdir()
    backup.backup(db, tmp_path / "backups" / "resonanz-2026-11-21.db")
    damaged = b"SQLite format 3\x00" + b"\x13" * 4000  # header intact, content destroyed
    db.write_bytes(damaged)
    for side in (tmp_path / "resonanz.db-wal", tmp_path / "resonanz.db-shm"):
        side.unlink(missing_ok=True)

    warnings, questions = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.No)
    assert open_store() is None  # the user declined: the editor runs without saving drafts
    assert questions and "resonanz-2026-11-21.db" in questions[0]
    assert warnings and "resonanz.db" in warnings[0]
    assert db.read_bytes() == damaged  # never overwritten, never deleted

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    store = open_store()
    assert store is not None and store.get_draft(draft).text == "Der Entwurf von gestern"
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("resonanz.db.before-restore")]
    assert kept and kept[0].read_bytes() == damaged  # the damaged file is kept aside
    store.close()
