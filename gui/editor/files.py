"""Drafts as files: open, export, the recent-files menu, and the one question left before changes are lost."""

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
        """Ctrl+S: the draft is in My drafts already (autosaved); an opened file is written back too.

        Only a draft that lives nowhere else (no database, or a read-only one) asks for a file."""
        w = self.window
        if w.path is not None:
            return self.write_to(w.path)
        if self.in_database():
            w.keeper.flush()
            w.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Saved in My drafts. Every change is saved there as you type; File › Export to file… writes a copy."), 8000
            )
            return True
        return self.save_as()

    def save_as(self) -> bool:
        """File › Export to file…: write the draft to a .txt/.md file of the user's choice."""
        w = self.window
        start = str(w.path) if w.path else str(Path.home() / QCoreApplication.translate("MainWindow", "draft.txt"))
        name, _ = QFileDialog.getSaveFileName(w, QCoreApplication.translate("MainWindow", "Export draft to a file"), start, FILE_FILTER)
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
                QCoreApplication.translate("MainWindow", "Export draft to a file"),
                QCoreApplication.translate("MainWindow", "Could not save %1: %2").replace("%1", path.name).replace("%2", exc.strerror or str(exc)),
            )
            return False
        w.path = path
        w.editor.document().setModified(False)
        self.remember_recent(path)
        w.save_revision(label=path.stem)
        w._update_title()
        return True

    def in_database(self) -> bool:
        """True if the open draft is autosaved into My drafts (a writable database holds it)."""
        w = self.window
        return w.keeper is not None and not w.keeper.readonly and w.keeper.draft_id is not None

    def maybe_save(self) -> bool:
        """Before the editor shows something else: False means the user cancelled.

        A draft in My drafts is autosaved, so nothing is asked. Two cases remain: an opened file
        whose text changed (its changes are in My drafts, the file on disk is behind), and a draft
        that lives only in the editor (no database, or a read-only one). Each button says what it
        does; Enter never opens a file dialog."""
        w = self.window
        if not w.editor.document().isModified() or not w.editor.toPlainText().strip():
            return True
        box = QMessageBox(w)
        box.setIcon(QMessageBox.Icon.Question)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        if self.in_database():
            if w.path is None:
                return True
            box.setWindowTitle(QCoreApplication.translate("MainWindow", "File not updated"))
            box.setText(QCoreApplication.translate("MainWindow", "%1 on disk does not have your latest changes. They are kept in My drafts either way.").replace("%1", w.path.name))
            write = box.addButton(QCoreApplication.translate("MainWindow", "Write changes to %1").replace("%1", w.path.name), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QCoreApplication.translate("MainWindow", "Leave the file as it is"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(write)  # writes to the known file: no dialog
        else:
            box.setWindowTitle(QCoreApplication.translate("MainWindow", "Draft not kept anywhere"))
            box.setText(QCoreApplication.translate("MainWindow", "This draft is not in My drafts (the database is read-only or not open), so it is lost when the editor shows something else."))
            write = box.addButton(QCoreApplication.translate("MainWindow", "Export to file…"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QCoreApplication.translate("MainWindow", "Discard the draft"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(cancel)  # Enter keeps everything as it is
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is write:
            return self.save() if w.path is not None else self.save_as()
        return clicked is not None and clicked is not cancel


__all__ = ["DraftFiles", "FILE_FILTER"]
