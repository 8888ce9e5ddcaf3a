"""Issue 18 in the editor: every database fault ends in a message, never a traceback, and nothing
typed is lost. Real files throughout: damaged pages, a 0-byte file, a read-only bind mount and a
real full disk (a small tmpfs; see tests/mounts.py, skipped with the reason where mounting is
not allowed).
"""

from __future__ import annotations

import random
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from resonanz.core.storage import backup
from resonanz.core.storage.store import Store

from mounts import fill_disk, readonly_folder, small_disk

from ..typing_helpers import type_text


@pytest.fixture
def dialogs(monkeypatch):
    """Record message boxes instead of showing them; questions are answered by `answer`."""
    seen = {"warning": [], "question": [], "information": [], "answer": QMessageBox.StandardButton.No}
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warning"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen["information"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: seen["question"].append(a[2]) or seen["answer"])
    return seen


def make_window(qtbot, store):
    from resonanz.gui.editor.main_window import MainWindow

    window = MainWindow(store=store)
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    return window


def damage_middle(db: Path) -> bytes:
    data = bytearray(db.read_bytes())
    start = (len(data) // 2) // 4096 * 4096
    data[start : start + 8192] = random.Random(11).randbytes(8192)
    db.write_bytes(bytes(data))
    return bytes(data)


def test_garbage_in_the_middle_is_found_at_start_and_a_backup_restored(qtbot, tmp_path: Path, monkeypatch, dialogs) -> None:
    from resonanz.gui.app.start import open_store

    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))
    db = tmp_path / "resonanz.db"
    with Store(db) as s:
        first = s.create_draft("Was würdet ihr anders machen?")
        (tmp_path / "backups").mkdir()
        backup.backup(s, tmp_path / "backups" / "resonanz-2026-12-01.db")
        for i in range(400):
            s.create_draft(f"Entwurf {i}: " + "Was meint ihr? " * 20)
    damaged = damage_middle(db)  # the header is intact: only SQLite's check can tell

    assert open_store() is None  # declined: the editor runs without saving, the file untouched
    assert "damaged" in dialogs["question"][0] and "resonanz-2026-12-01.db" in dialogs["question"][0]
    assert db.read_bytes() == damaged

    dialogs["answer"] = QMessageBox.StandardButton.Yes
    store = open_store()
    assert store is not None and store.get_draft(first).text == "Was würdet ihr anders machen?"
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("resonanz.db.before-restore") and not p.name.endswith(("-wal", "-shm"))]
    assert kept.read_bytes() == damaged  # moved aside exactly as it was (with any -wal/-shm beside it)
    window = make_window(qtbot, store)
    assert window.open_draft(first) and window.editor.toPlainText() == "Was würdet ihr anders machen?"
    store.close()


def test_an_empty_database_file_without_backups_is_kept_aside_and_a_new_one_started(qtbot, tmp_path: Path, monkeypatch, dialogs) -> None:
    from resonanz.gui.app.start import open_store

    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))
    (tmp_path / "resonanz.db").write_bytes(b"")
    store = open_store()
    assert store is not None and not store.readonly
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith("resonanz.db.empty-")]
    assert aside.read_bytes() == b""  # kept, not deleted
    assert "empty (0 bytes)" in dialogs["information"][0] and aside.name in dialogs["information"][0]
    window = make_window(qtbot, store)
    window.load_text("")
    type_text(qtbot, window.editor, "Neu angefangen.")
    window.keeper.flush()
    assert store.get_draft(window.keeper.draft_id).text == "Neu angefangen."
    store.close()


def test_an_empty_database_file_with_a_backup_offers_it(tmp_path: Path, monkeypatch, dialogs) -> None:
    from resonanz.gui.app.start import open_store

    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path))
    with Store(tmp_path / "saved.db") as s:
        s.create_draft("aus der Sicherung")
    (tmp_path / "backups").mkdir()
    backup.backup(tmp_path / "saved.db", tmp_path / "backups" / "resonanz-2026-12-02.db")
    (tmp_path / "resonanz.db").write_bytes(b"")
    dialogs["answer"] = QMessageBox.StandardButton.Yes
    store = open_store()
    assert "empty (0 bytes)" in dialogs["question"][0]
    assert store is not None and store.get_draft(1).text == "aus der Sicherung"
    store.close()


def test_read_only_data_folder_opens_read_only_and_says_so(qtbot, tmp_path: Path, monkeypatch, dialogs) -> None:
    from resonanz.gui.app.start import open_store

    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path / "home"))
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "resonanz.db") as s:
        draft = s.create_draft("Was meint ihr: lieber morgens oder abends?")
        s.set_setting("last_open_draft", str(draft))
    with readonly_folder(home):
        store = open_store()
        assert store is not None and store.readonly and not dialogs["warning"]
        window = make_window(qtbot, store)
        failures = []
        window.keeper.failed.connect(failures.append)
        assert window.resume_last_draft()
        assert window.editor.toPlainText() == "Was meint ihr: lieber morgens oder abends?"
        assert "read-only" in window.windowTitle()
        assert window.status_readonly.isVisibleTo(window) and "Export to file" in window.status_readonly.text()
        type_text(qtbot, window.editor, " Und warum?")
        qtbot.wait(1300)  # one autosave interval: nothing is written, nothing complains
        window.keeper.flush()
        assert failures == []
        window.load_text("")  # a new draft cannot go into the database: it stays in the editor
        assert window.keeper.draft_id is None
        saved = tmp_path / "gerettet.txt"
        assert window.write_to(saved) and saved.read_text(encoding="utf-8") == ""
        store.close()
    with Store(home / "resonanz.db", readonly=True) as s:
        assert s.get_draft(draft).text == "Was meint ihr: lieber morgens oder abends?"


def test_read_only_data_folder_without_a_database_starts_without_saving(qtbot, tmp_path: Path, monkeypatch, dialogs) -> None:
    from resonanz.gui.app.start import open_store

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("RESONANZ_HOME", str(home))
    with readonly_folder(home):
        assert open_store() is None  # no crash: one message, and the editor still works
        (message,) = dialogs["warning"]
        assert "read-only" in message and "resonanz.db" in message
        window = make_window(qtbot, None)
        window.load_text("Ohne Datenbank geht es auch.")
        qtbot.waitUntil(lambda: window.result is not None, timeout=5000)
        assert window.keeper is None and "read-only" not in window.windowTitle()


def test_save_revision_on_a_full_disk_says_so_retries_and_writes_it_once(qtbot, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    with small_disk(disk, 3 * 1024 * 1024):
        store = Store(disk / "resonanz.db")
        window = make_window(qtbot, store)
        messages = []
        window.statusBar().messageChanged.connect(lambda m: m and messages.append(m))
        window.load_text("")
        type_text(qtbot, window.editor, "Was hat euch heute überrascht?")
        window.keeper.flush()
        draft = window.keeper.draft_id
        window.save_revision(label="vorher")
        assert [r.label for r in store.revisions(draft)] == ["vorher"]

        fillers = fill_disk(disk)
        big = "Erzählt uns davon! " * 1500  # 28 kB: more than the last bytes left, and new WAL pages
        window.editor.setPlainText(big)
        window.save_revision(label="voll")  # must not raise
        qtbot.waitUntil(lambda: any("Could not save the draft" in m and "full" in m for m in messages), timeout=5000)
        assert window.keeper.pending_revisions == 1
        with Store(disk / "resonanz.db", readonly=True, check=False) as reader:
            assert [r.label for r in reader.revisions(draft)] == ["vorher"]  # nothing half-written
        for f in fillers:
            f.unlink()
        qtbot.waitUntil(lambda: window.keeper.pending_revisions == 0, timeout=5000)  # the timer retries
        labels = [r.label for r in store.revisions(draft)]
        assert labels == ["vorher", "voll"] and store.revisions(draft)[-1].text == big
        assert store.get_draft(draft).text == big
        assert [r[0] for r in store.connection.execute("PRAGMA integrity_check")] == ["ok"]
        window.close()
        store.close()


def test_the_database_itself_cannot_be_opened_as_a_draft(qtbot, store, dialogs) -> None:
    window = make_window(qtbot, store)
    window.load_text("Was meint ihr?")
    window.keeper.flush()
    before = window.editor.toPlainText()
    for name in ("resonanz.db", "resonanz.db-wal"):
        assert window.open_path(store.path.with_name(name)) is False
    assert all("Resonanz's database" in w for w in dialogs["warning"]) and len(dialogs["warning"]) == 2
    assert window.editor.toPlainText() == before
    store.autosave(window.keeper.draft_id, "geht weiter")  # the connection is unharmed


def test_a_database_error_while_running_is_one_message_not_a_traceback(qtbot, store, monkeypatch, capsys) -> None:
    from resonanz.gui.app import start as app

    window = make_window(qtbot, store)
    shown, passed_on = [], []
    monkeypatch.setattr(app, "_show_warning", lambda parent, message: shown.append(message))
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: passed_on.append(exc))  # the hook before ours
    app.install_error_hook(window)
    error = sqlite3.DatabaseError("database disk image is malformed")
    sys.excepthook(type(error), error, None)
    sys.excepthook(type(error), error, None)  # the same fault again: the status bar only
    assert len(shown) == 1 and "damaged" in shown[0] and str(store.path) in shown[0]
    assert "resonanz db restore" in shown[0]
    assert "damaged" in window.statusBar().currentMessage()
    assert passed_on == []
    other = ValueError("kein Datenbankfehler")
    sys.excepthook(type(other), other, None)
    assert passed_on == [other]  # everything else goes to the previous hook, as before
    assert "Traceback" not in capsys.readouterr().err
