"""Start the desktop editor: `resonanz` (no arguments), `resonanz DRAFT.txt` or `python -m resonanz`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication


def main(argv: list[str] | None = None) -> int:
    """Run the editor; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if QApplication.instance() is None:  # Qt aborts inside QApplication() if its platform plugin cannot load
        from resonanz.gui.app.platform_check import EXIT_MISSING_LIBRARIES, missing_platform_libraries

        problem = missing_platform_libraries()
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_MISSING_LIBRARIES
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "resonanz"])
    app.setApplicationName("Resonanz")
    app.setOrganizationName("Resonanz")
    app.setApplicationDisplayName("Resonanz")
    setup_identity(app)

    from resonanz.gui.app.i18n import Translations
    from resonanz.gui.editor.main_window import MainWindow, sample_text
    from resonanz.gui.app.settings import open_settings

    settings = open_settings()
    translations = Translations()
    ui_language = translations.apply(str(settings.value("ui_language", "system")))
    store = open_store()
    window = MainWindow(translations, settings, store)
    install_error_hook(window)
    if args:
        window.open_path(Path(args[0]))
    elif not settings.value("first_start_done", False, type=bool):
        window.load_text(sample_text(ui_language))  # first start: show what Resonanz does
        settings.setValue("first_start_done", True)
    elif not window.resume_last_draft():  # the draft of last time, as autosaved (also after a crash)
        window.load_text("")
    window.show()
    background: list = []  # threads that must end before the window's Qt objects go away
    if store is not None and not store.readonly:
        QTimer.singleShot(1500, lambda: background.append(_daily_backup(window)))
    if os.environ.get("RESONANZ_EXIT_WHEN_SHOWN"):  # start-up benchmark: quit once the window is up
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    code = app.exec()
    _shut_down(window, background)
    return code


def _shut_down(window, background: list) -> None:
    """End the background work before Python tears down the Qt objects it reports to.

    A thread still running at interpreter exit (a daily backup copying a large database, a
    spelling check under load) could emit into a deleted window and crash the process (seen
    once in about 120 restarts under load: a segfault after the editor had closed). So: the
    spelling worker is stopped (it delivers nothing after close), the backup may finish (it
    writes a copy, then renames it; bounded), the analysis pool drains, then the window goes."""
    window.grammar.scheduler.close(timeout=10.0)
    for thread in background:
        thread.join(timeout=60.0)
    window.analyzer.wait_idle(10000)
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def setup_identity(app: QApplication) -> None:
    """Version, window icon (also the About box's) and the desktop-file id the shell matches windows to."""
    from resonanz import APP_ID, __version__
    from resonanz.gui.app.brand import app_icon

    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland app id: the installed .desktop file and its icon
    app.setWindowIcon(app_icon())


def open_store():
    """The drafts database, or None (the editor then works without autosave, and says why).

    A corrupt database or one from a newer Resonanz is never changed, overwritten or deleted:
    the user is told what is wrong and offered to restore a backup. A 0-byte file holds no work:
    without a backup to restore it is kept aside and a new database started. Where the data
    folder cannot be written the database is opened read-only (the window says so)."""
    from PySide6.QtWidgets import QMessageBox

    from resonanz.core.storage.store import CorruptDatabaseError, EmptyDatabaseError, StorageError, Store

    def refused(exc: BaseException) -> None:
        QMessageBox.warning(None, "Resonanz", QApplication.translate("App", "%1\n\nResonanz starts without saving drafts; the file was not changed.").replace("%1", str(exc)))

    try:
        return Store()
    except EmptyDatabaseError as exc:
        if _offer_restore(str(exc)):
            return _open_again(refused)
        return _start_over_from_empty(exc, refused)
    except CorruptDatabaseError as exc:
        if _offer_restore(str(exc)):
            return _open_again(refused)
        refused(exc)
    except StorageError as exc:
        refused(exc)
    return None


def _open_again(refused):
    from resonanz.core.storage.store import StorageError, Store

    try:
        return Store()
    except StorageError as again:
        refused(again)
    return None


def _start_over_from_empty(exc: BaseException, refused):
    """Keep the empty file as resonanz.db.empty-<time> (nothing is deleted) and start a new database."""
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    from resonanz.core.paths import default_db_path
    from resonanz.core.storage.store import StorageError, Store

    db = default_db_path()
    aside = db.with_name(f"{db.name}.empty-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        os.rename(db, aside)
        store = Store()
    except (OSError, StorageError) as again:
        refused(exc if isinstance(again, OSError) else again)
        return None
    QMessageBox.information(
        None,
        "Resonanz",
        QApplication.translate("App", "%1\n\nIt held no drafts. Resonanz starts a new database; the empty file is kept as %2.").replace("%1", str(exc)).replace("%2", aside.name),
    )
    return store


def _offer_restore(message: str) -> bool:
    """Ask whether to restore the newest backup; the damaged file is kept aside, never deleted."""
    from PySide6.QtWidgets import QMessageBox

    from resonanz.core.storage import backup
    from resonanz.core.paths import data_dir
    from resonanz.core.storage.store import StorageError

    backups = sorted((data_dir() / "backups").glob("*.db"))
    if not backups:
        return False
    answer = QMessageBox.question(
        None,
        "Resonanz",
        QApplication.translate("App", "%1\n\nRestore the newest backup (%2)? The damaged file is kept next to it.").replace("%1", message).replace("%2", backups[-1].name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backup.restore(backups[-1], data_dir() / "resonanz.db")
    except (StorageError, OSError) as exc:
        QMessageBox.warning(None, "Resonanz", str(exc))
        return False
    return True


def install_error_hook(window) -> None:
    """A database that fails while the editor runs (a damaged page, a vanished disk) gets one line, never a traceback.

    Any sqlite3 error or StorageError that reaches Qt's event loop is shown once as a message
    box (then in the status bar if it repeats); the text stays in the editor. Everything else goes
    to the previous hook, as before."""
    import sqlite3

    from resonanz.core.storage.dbopen import sqlite_problem
    from resonanz.core.storage.store import StorageError

    previous = sys.excepthook
    shown: set[str] = set()

    def hook(kind, exc, tb) -> None:
        if not isinstance(exc, (sqlite3.Error, StorageError)):
            previous(kind, exc, tb)
            return
        where = str(window.keeper.store.path) if window.keeper is not None and window.keeper.store.path else "the database"
        line = str(exc) if isinstance(exc, StorageError) else str(sqlite_problem(where, exc))
        message = QApplication.translate("App", "The database could not be read or written: %1\n\nYour text stays in the editor (File › Export to file… keeps a copy). `resonanz db check` says what is wrong; `resonanz db restore` brings back a backup.").replace("%1", line)
        window.statusMessage.emit(line, 15000)
        if line not in shown:
            shown.add(line)
            _show_warning(window, message)

    sys.excepthook = hook


def _show_warning(parent, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, "Resonanz", message)


def _daily_backup(window):
    """Once a day, in a background thread (a large database takes seconds to copy)."""
    import threading

    from resonanz.core.storage import backup

    path = window.keeper.store.path
    keep = max(1, int(window.settings.value("backup_keep", 7)))  # settings.ini: backup_keep=14 keeps two weeks

    def run() -> None:
        try:
            backup.daily_backup(path, keep=keep)  # opens its own connection: safe off the UI thread
        except Exception as exc:  # noqa: BLE001 - a failed backup is reported, never fatal
            message = QApplication.translate("App", "Daily backup failed: %1").replace("%1", str(exc))
            window.statusMessage.emit(message, 10000)  # queued to the UI thread

    thread = threading.Thread(target=run, name="resonanz-backup", daemon=True)
    thread.start()
    return thread


if __name__ == "__main__":
    raise SystemExit(main())
