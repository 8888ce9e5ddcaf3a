"""The window's tool dialogs: compare, My drafts, exercise library, sessions, page audit, report export, About.

Each non-modal dialog is made once and raised again; this module owns them and how their
signals reach the open draft.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from resonanz.core import __version__
from resonanz.gui.app import theme as themes
from resonanz.gui.app.fullscreen import FullScreen


class ToolDialogs:
    """Makes, refreshes and raises the dialogs the menus open next to the draft."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.compare: QDialog | None = None
        self.sessions: QDialog | None = None
        self.exercises: QDialog | None = None
        self.drafts: QDialog | None = None
        self.export: QDialog | None = None
        self.audit: QDialog | None = None
        self._sessions_full: FullScreen | None = None

    def _tool_dialog(self, view: QWidget, size: tuple[int, int]) -> QDialog:
        """A non-modal dialog holding one view (reachable as `dialog.view`)."""
        dialog = QDialog(self.window)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.view = view  # type: ignore[attr-defined]
        dialog.resize(*size)
        dialog.addAction(self.window.act_presentation)  # F11 works in every tool window
        return dialog

    @staticmethod
    def _raise(dialog: QDialog) -> QDialog:
        dialog.show()
        dialog.raise_()
        return dialog

    def show_compare(self) -> QDialog:
        """Original and current draft side by side, with each score's change; it follows the current draft."""
        w = self.window
        if self.compare is None:
            from resonanz.gui.editor.compare_window import EDIT_PAUSE_MS, OriginalCompare

            panel = OriginalCompare()
            self.compare = self._tool_dialog(panel, (1200, 760))
            self.compare.view = panel.view  # type: ignore[attr-defined]
            self.compare.panel = panel  # type: ignore[attr-defined]
            # another draft, an edit, a new original: the open compare shows the current state, never an old draft
            self._follow = QTimer(self.compare)
            self._follow.setSingleShot(True)
            self._follow.setInterval(EDIT_PAUSE_MS)
            self._follow.timeout.connect(self._refresh_compare)
            w.editor.textChanged.connect(self._follow.start)
            w.reply.fields.edited.connect(self._follow.start)  # a reply's comment changed: its scores did too
            w.act_set_original.triggered.connect(self._follow.start)
            panel.useCurrentRequested.connect(self._use_current_as_original)
            panel.originalEdited.connect(self._take_original)
        self.compare.setWindowTitle(QCoreApplication.translate("MainWindow", "Compare with original"))
        view = self.compare.view  # type: ignore[attr-defined]
        view.set_theme(themes.HIGH_CONTRAST if w.presenting else w.theme)
        view.set_presentation(w.presenting)
        self._refresh_compare(force=True)
        return self._raise(self.compare)

    def _refresh_compare(self, force: bool = False) -> None:
        w = self.window
        if self.compare is not None and (force or self.compare.isVisible()):
            self.compare.panel.show_drafts(w.original, w.editor.toPlainText(), w.language, w.platform, w.reply.context())  # type: ignore[attr-defined]

    def _use_current_as_original(self) -> None:
        self.window.set_original()
        self._refresh_compare()

    def _take_original(self, text: str) -> None:
        """A text pasted into the compare's original pane is the original from now on."""
        self.window.original = text
        self._follow.start()

    def show_sessions(self) -> QDialog | None:
        """Sessions and workshops: participants, a round's attempts as a sortable gallery, progress."""
        w = self.window
        if w.keeper is None:
            return None
        from resonanz.gui.coaching.sessions import SessionsView

        if self.sessions is None:
            self.sessions = self._tool_dialog(SessionsView(w.keeper.store), (1200, 760))
        self.sessions.setWindowTitle(QCoreApplication.translate("MainWindow", "Coaching sessions and workshops"))
        self.sessions.view.refresh_sessions()  # type: ignore[attr-defined]
        self._raise(self.sessions)
        self.present(w.presenting)
        return self.sessions

    def present(self, on: bool) -> None:
        """Presentation mode for the sessions window: pseudonyms and large type, full screen while it is open."""
        if self.sessions is None:
            return
        view = self.sessions.view  # type: ignore[attr-defined]
        if view.is_presentation() != on or view.is_projecting() != on:
            view.set_presentation(on)
        if self._sessions_full is None:
            self._sessions_full = FullScreen(self.sessions)
        if on and self.sessions.isVisible():
            self._sessions_full.enter()
        elif not on:
            self._sessions_full.leave()

    def show_exercises(self) -> QDialog | None:
        """The exercise library; Start begins the chosen exercise."""
        w = self.window
        if w.keeper is None:
            return None
        from resonanz.gui.coaching.exercise_browser import ExerciseBrowser

        if self.exercises is None:
            view = ExerciseBrowser(w.keeper.store)
            view.started.connect(self._start_from_library)
            self.exercises = self._tool_dialog(view, (1000, 680))
        self.exercises.setWindowTitle(QCoreApplication.translate("MainWindow", "Exercise library"))
        self.exercises.view.refresh()  # type: ignore[attr-defined]
        return self._raise(self.exercises)

    def _start_from_library(self, exercise) -> None:
        if not self.window.maybe_save():
            return
        if self.exercises is not None:
            self.exercises.hide()
        self.window.start_exercise(exercise)

    def show_drafts(self) -> QDialog | None:
        """My drafts: open, duplicate, delete and restore the drafts in the database."""
        w = self.window
        if w.keeper is None:
            return None
        from resonanz.gui.coaching.drafts_view import DraftsView

        if self.drafts is None:
            view = DraftsView(w.keeper.store)
            view.openRequested.connect(self._open_from_list)
            view.deleted.connect(self._on_draft_deleted)
            self.drafts = self._tool_dialog(view, (720, 560))
        self.drafts.setWindowTitle(QCoreApplication.translate("MainWindow", "My drafts"))
        w.keeper.flush()  # list the open draft as it is now
        self.drafts.view.refresh()  # type: ignore[attr-defined]
        return self._raise(self.drafts)

    def _on_draft_deleted(self, draft_id: int) -> None:
        """The open draft went to the trash: stop writing into it and start an empty one.

        Its text (with everything typed until now) stays in the trash and can be restored."""
        w = self.window
        if w.keeper is None or w.keeper.draft_id != draft_id:
            return
        w.keeper.flush()
        w.editor.document().setModified(False)
        w.load_text("")
        w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "The open draft is in the trash now; My drafts → Trash restores it."), 10000)

    def _open_from_list(self, draft_id: int) -> None:
        if not self.window.maybe_save():
            return
        if self.window.open_draft(draft_id) and self.drafts is not None:
            self.drafts.hide()

    def show_audit(self) -> QDialog:
        """File › Page audit…: a page's export scored, what travelled and what ended at the first reader."""
        w = self.window
        if self.audit is None:
            from resonanz.gui.audit.dialog import AuditDialog

            store = w.keeper.store if w.keeper is not None else None
            self.audit = AuditDialog(store, w.settings, w.translations.language, parent=w)
            self.audit.addAction(w.act_presentation)
            self.audit.openPost.connect(lambda text: (w.load_text(text), w.raise_(), w.activateWindow()))
        return self._raise(self.audit)

    def export_report(self) -> QDialog | None:
        """The draft sheet of the open draft: preview, then PDF/HTML/Markdown/CSV.

        A report must show what is on screen and be reproducible later (`resonanz report draft ID`),
        so text that differs from the last saved revision is saved as a revision first."""
        w = self.window
        if w.keeper is None:
            return None
        if not w.editor.toPlainText().strip():
            w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Write a draft first; the report is about its text."), 6000)
            return None
        if w.keeper.draft_id is None:
            w.keeper.begin(w.editor.toPlainText(), title=w.path.name if w.path else "", language=w.language, platform=w.platform)
        w.keeper.flush()
        saved = [r for r in w.keeper.store.revisions(w.keeper.draft_id) if r.scores is not None]
        if not saved or saved[-1].text != w.editor.toPlainText() or saved[-1].platform != w.platform:
            w.save_revision(label=QCoreApplication.translate("MainWindow", "Exported as report"))
        from resonanz.gui.reports.export import ExportDialog

        dialog = ExportDialog(w.keeper.store, "draft", w.keeper.draft_id, w.settings, w.translations.language, parent=w)
        dialog.exported.connect(lambda path: w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Report saved: %1").replace("%1", path), 8000))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export = dialog
        dialog.show()
        return dialog

    def show_about(self) -> None:
        from resonanz.gui.app.brand import app_icon

        w = self.window
        w.setWindowIcon(app_icon())  # QMessageBox.about shows its parent's window icon (64 px)
        QMessageBox.about(
            w,
            QCoreApplication.translate("MainWindow", "About Resonanz"),
            "<h3>Resonanz %s</h3><p>%s</p><p>%s</p>"
            % (
                __version__,
                QCoreApplication.translate("MainWindow", "Coaching for social-media posts of organisations: dialogue instead of monologue, no dead ends."),
                QCoreApplication.translate("MainWindow", "Licence: MIT. Runs offline; your drafts never leave this computer."),
            ),
        )


__all__ = ["ToolDialogs"]
