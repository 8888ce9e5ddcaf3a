"""Drafts as files: open, save, save as, the recent-files menu and asking before changes are lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from resonanz.gui.app.settings import add_recent, recent_files

FILE_FILTER = "Drafts (*.txt *.md);;All files (*)"


class DraftFiles:
    """The window's File menu work: reading and writing .txt/.md drafts (UTF-8, written atomically)."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window

    def open_path(self, path: Path) -> bool:
        """Open a .txt/.md draft; a file that is not UTF-8 text is refused with a message.

        Resonanz's own database is refused before it is opened: reading it with anything but
        SQLite would drop this process's locks on it (see resonanz.core.storage.dbopen)."""
        from resonanz.core.fileio import is_database_file

        w = self.window
        if is_database_file(path, *([w.keeper.store.path] if w.keeper is not None and w.keeper.store.path else [])):
            QMessageBox.warning(w, QCoreApplication.translate("MainWindow", "Open draft"), QCoreApplication.translate("MainWindow", "%1 is Resonanz's database, not a draft. My drafts (Ctrl+Shift+O) shows the drafts in it.").replace("%1", path.name))
            return False
        try:
            data = path.read_bytes()
            if b"\x00" in data[:8192]:
                raise ValueError(QCoreApplication.translate("MainWindow", "%1 is not a text file.").replace("%1", path.name))
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            message = str(exc) if isinstance(exc, ValueError) else QCoreApplication.translate("MainWindow", "%1 could not be opened as UTF-8 text.").replace("%1", path.name)
            QMessageBox.warning(w, QCoreApplication.translate("MainWindow", "Open draft"), message)
            return False
        w.load_text(text, path)
        self.remember_recent(path)
        return True

    def remember_recent(self, path: Path) -> None:
        add_recent(self.window.settings, str(path))
        self.rebuild_recent_menu()

    def rebuild_recent_menu(self) -> None:
        w = self.window
        w.menu_recent.clear()
        for p in recent_files(w.settings):
            act = w.menu_recent.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, p=p: self._open_if_saved(Path(p)))
        w.menu_recent.setEnabled(bool(recent_files(w.settings)) and not w.presenting)

    def _open_if_saved(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    def open_dialog(self) -> None:
        w = self.window
        if not self.maybe_save():
            return
        start = str(w.path.parent) if w.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(w, QCoreApplication.translate("MainWindow", "Open draft"), start, FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_draft(self) -> None:
        if self.maybe_save():
            self.window.load_text("", None)

    def save(self) -> bool:
        if self.window.path is None:
            return self.save_as()
        return self.write_to(self.window.path)

    def save_as(self) -> bool:
        w = self.window
        start = str(w.path) if w.path else str(Path.home() / QCoreApplication.translate("MainWindow", "draft.txt"))
        name, _ = QFileDialog.getSaveFileName(w, QCoreApplication.translate("MainWindow", "Save draft"), start, FILE_FILTER)
        if not name:
            return False
        return self.write_to(Path(name))

    def write_to(self, path: Path) -> bool:
        """Write atomically (temporary file, fsync, then rename): a crash never leaves half a draft."""
        from resonanz.core.fileio import write_atomic

        w = self.window
        try:
            write_atomic(path, w.editor.toPlainText())
        except OSError as exc:
            QMessageBox.warning(
                w,
                QCoreApplication.translate("MainWindow", "Save draft"),
                QCoreApplication.translate("MainWindow", "Could not save %1: %2").replace("%1", path.name).replace("%2", exc.strerror or str(exc)),
            )
            return False
        w.path = path
        w.editor.document().setModified(False)
        self.remember_recent(path)
        w.save_revision(label=path.stem)
        w._update_title()
        return True

    def maybe_save(self) -> bool:
        """Ask before unsaved changes would be lost; False means the user cancelled."""
        w = self.window
        if not w.editor.document().isModified() or not w.editor.toPlainText().strip():
            return True
        answer = QMessageBox.question(
            w,
            QCoreApplication.translate("MainWindow", "Unsaved changes"),
            QCoreApplication.translate("MainWindow", "The draft has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard


__all__ = ["DraftFiles", "FILE_FILTER"]
