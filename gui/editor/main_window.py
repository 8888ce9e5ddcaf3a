"""The main window: the draft on the left, the live coaching panel on the right.

MainWindow is the shell: it makes the widgets, holds the open draft's state and composes the
parts that do the work (menus in actions.py, files in files.py, the draft in document.py, the
live analysis in live.py, tool dialogs in dialogs.py, presentation mode in presentation.py).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from resonanz.core.analysis.model import AnalysisResult, Finding
from resonanz.core.analysis.platforms import load_profiles
from resonanz.gui.app import theme as themes
from resonanz.gui.editor.actions import WindowMenus
from resonanz.gui.editor.autosave import DraftKeeper
from resonanz.gui.editor.dialogs import ToolDialogs
from resonanz.gui.editor.document import DocumentController
from resonanz.gui.editor.files import DraftFiles
from resonanz.gui.editor.find_bar import FindBar
from resonanz.gui.editor.live import LiveAnalysis
from resonanz.gui.editor.presentation import Presentation
from resonanz.gui.editor.reply_mode import ReplyMode
from resonanz.gui.editor.text_editor import DraftEditor, live_mark_limits
from resonanz.gui.editor.window_title import window_title
from resonanz.gui.app.i18n import Translations
from resonanz.gui.panel.panel import CoachPanel
from resonanz.gui.coaching.targets import TargetsBox
from resonanz.gui.app.settings import open_settings
from resonanz.gui.editor.worker import LiveAnalyzer


class MainWindow(QMainWindow):
    """Editor, panel, status bar and the draft's state; menus, files, compare, presentation mode
    and UI language are done by the parts it composes."""

    #: (message, milliseconds) for the status bar; safe to emit from any thread (queued to the UI)
    statusMessage = Signal(str, int)

    def __init__(self, translations: Translations | None = None, settings=None, store=None) -> None:
        super().__init__()
        self.settings = settings if settings is not None else open_settings()
        self.translations = translations or Translations()
        self.path: Path | None = None
        self.draft_title = ""  # the open draft's title in My drafts (window_title.py names the window by it)
        self.original: str | None = None  # the draft as it was opened or last "set as original"
        self.revisions: list[tuple[str, dict]] = []  # (label, scores) for the history chart
        self.result: AnalysisResult | None = None
        self.presenting = False
        self.exercise = None  # the running exercise (resonanz.core.exercises.model.Exercise) or None
        self.menus = WindowMenus(self)
        self.files = DraftFiles(self)
        self.doc = DocumentController(self)
        self.live = LiveAnalysis(self)
        self.dialogs = ToolDialogs(self)
        self.presentation = Presentation(self)

        self.platform = str(self.settings.value("platform", "linkedin"))
        self.language = str(self.settings.value("language", "auto"))
        self.theme = themes.system_theme()

        self.editor = DraftEditor(self)
        self.panel = CoachPanel(self)
        self.find_bar = FindBar(self.editor, self)
        self.reply = ReplyMode(self)  # a reply draft: the comment (and post) above the editor
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.reply.fields)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.targets = TargetsBox(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.targets)
        right_layout.addWidget(self.panel, 1)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status_words = QLabel(self)
        self.status_file = QLabel(self)
        self.status_readonly = QLabel(self)  # stays while the database is read-only (issue 18)
        self.status_readonly.setObjectName("readOnlyNotice")
        self.status_readonly.setStyleSheet("color: #b3261e; font-weight: 600")
        self.status_readonly.hide()
        self.status_marks = QLabel(self)  # a draft over the live-mark limit (resources/editor.toml)
        self.status_marks.setObjectName("liveMarksNotice")
        self.status_marks.hide()
        self.statusBar().addWidget(self.status_words, 1)
        self.statusBar().addPermanentWidget(self.status_marks)
        self.statusBar().addPermanentWidget(self.status_readonly)
        self.statusBar().addPermanentWidget(self.status_file)

        self.statusMessage.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.analyzer = LiveAnalyzer(parent=self)
        self.analyzer.resultReady.connect(self.live.on_result)
        self.analyzer.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        # with a database, every edit is autosaved within a second and the draft survives a crash
        self.keeper = DraftKeeper(store, self.editor.toPlainText, self) if store is not None else None
        if self.keeper is not None:
            self.keeper.context_source = self.reply.context
            self.keeper.failed.connect(lambda msg: self.statusBar().showMessage(self.tr("Could not save the draft: %1").replace("%1", msg), 10000))
        self.editor.textChanged.connect(self.live.on_text_changed)
        self.editor.document().modificationChanged.connect(lambda _m: self._update_title())
        self.panel.findingActivated.connect(self.live.on_finding_activated)
        self.panel.platformChanged.connect(self.doc.on_platform_changed)
        self.panel.languageChanged.connect(self.doc.on_language_changed)
        # spelling and grammar: on their own thread, never in the way of typing (gui/grammar.py)
        from resonanz.gui.proofing.grammar import GrammarService, load_grammar_settings

        self.grammar_result = None  # the newest GrammarResult for the editor's text, or None
        self.grammar = GrammarService(load_grammar_settings(self.settings), self)
        self.grammar.resultReady.connect(self._on_grammar_result)
        self.grammar.statusChanged.connect(lambda _s: self.live.update_grammar_status())
        self.panel.replacementChosen.connect(self.apply_replacement)
        self.panel.addWordRequested.connect(self.add_to_dictionary)

        profiles = load_profiles()
        self.panel.set_platforms([(p.id, p.name) for p in profiles.values()], self.platform)
        self.panel.set_language_choice(self.language)

        self.menus.build_actions()
        self.menus.build_menus()
        self.apply_theme(self.theme)
        hints = QApplication.instance().styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+: follow the desktop switching light/dark
            hints.colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.editor.set_zoom_steps(int(self.settings.value("zoom", 0)))
        self._restore_geometry()
        self.retranslate()

    def retranslate(self) -> None:
        """Every UI string of the window (widgets retranslate themselves on LanguageChange)."""
        self.menus.retranslate()
        self.splitter.setAccessibleName(self.tr("Draft and coaching panel"))
        self.panel.setAccessibleName(self.tr("Coaching panel"))
        self._update_title()
        self._update_status()
        self.live.update_grammar_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ the parts' entry points
    def reanalyze_now(self) -> None:
        """Analyse the current text without waiting for a typing pause."""
        self.live.reanalyze_now()

    @Slot(object)
    def _on_grammar_result(self, result) -> None:
        self.live.on_grammar_result(result)

    @Slot(object, str)
    def apply_replacement(self, finding: Finding, replacement: str) -> bool:
        return self.live.apply_replacement(finding, replacement)

    @Slot(object)
    def add_to_dictionary(self, finding: Finding) -> str | None:
        return self.live.add_to_dictionary(finding)

    def show_grammar_settings(self) -> QDialog:
        return self.live.show_grammar_settings()

    def load_text(self, text: str, path: Path | None = None) -> None:
        self.doc.load_text(text, path)

    def resume_last_draft(self) -> bool:
        return self.doc.resume_last_draft()

    def open_draft(self, draft_id: int) -> bool:
        return self.doc.open_draft(draft_id)

    def start_exercise(self, exercise) -> int | None:
        return self.doc.start_exercise(exercise)

    def end_exercise(self) -> None:
        self.doc.end_exercise()

    def save_revision(self, _checked: bool = False, label: str | None = None) -> None:
        self.doc.save_revision(label=label)

    def set_original(self) -> None:
        self.doc.set_original()

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def new_draft(self) -> None:
        self.files.new_draft()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def write_to(self, path: Path) -> bool:
        return self.files.write_to(path)

    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def show_compare(self) -> QDialog:
        return self.dialogs.show_compare()

    def show_sessions(self) -> QDialog | None:
        return self.dialogs.show_sessions()

    def show_exercises(self) -> QDialog | None:
        return self.dialogs.show_exercises()

    def show_drafts(self) -> QDialog | None:
        return self.dialogs.show_drafts()

    def export_report(self) -> QDialog | None:
        return self.dialogs.export_report()

    @property
    def _export_dialog(self) -> QDialog | None:
        return self.dialogs.export

    def show_about(self) -> None:
        self.dialogs.show_about()

    def zoom(self, step: int, reset: bool = False) -> None:
        self.presentation.zoom(step, reset)

    def apply_theme(self, theme: themes.Theme) -> None:
        self.presentation.apply_theme(theme)

    def _on_color_scheme_changed(self, *_args) -> None:
        self.presentation.on_color_scheme_changed()

    def toggle_presentation(self) -> None:
        self.presentation.toggle()

    def set_ui_language(self, choice: str) -> str:
        return self.menus.set_ui_language(choice)

    # ------------------------------------------------------------------ title, status, state
    @property
    def read_only(self) -> bool:
        """True while the database can only be read (read-only folder or medium): nothing is autosaved."""
        return self.keeper is not None and self.keeper.readonly

    def _update_title(self) -> None:
        self.setWindowTitle(window_title(self))
        if self.read_only:
            reason = getattr(self.keeper.store, "read_only_reason", None) or ""
            self.status_readonly.setText(self.tr("Read-only database: changes are not saved there; File › Export to file… keeps them."))
            self.status_readonly.setToolTip(reason)
        self.status_readonly.setVisible(self.read_only)
        self.status_file.setText("" if self.presenting or self.path is None else str(self.path))

    def _update_status(self) -> None:
        limited = self.editor.marks_limited()
        self.status_marks.setVisible(limited)
        if limited:
            self.status_marks.setText(
                self.tr("Too long for live marks (over %1 characters): only the visible part is marked, scores still update").replace(
                    "%1", QLocale().toString(live_mark_limits()[0])
                )
            )
        if self.result is None:
            self.status_words.setText("")
            return
        st = self.result.stats
        parts = [self.tr("%n word(s)", "", st["words"]), self.tr("%n sentence(s)", "", st["sentences"])]
        if "reading_time_seconds" in st:  # a post's; a reply has none
            parts.append(self.tr("reading time %1 s").replace("%1", str(st["reading_time_seconds"])))
        self.status_words.setText(" · ".join(parts))

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("splitter")
        if splitter:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([760, 520])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        geometry = self.presentation.normal_geometry()  # never the projector's full screen
        if self.presenting:
            self.toggle_presentation()
        self.settings.setValue("geometry", geometry)
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        if self.keeper is not None:
            self.keeper.flush()
        self.analyzer.wait_idle(2000)
        self.grammar.close()
        event.accept()


def sample_text(ui_language: str) -> str:
    """The first-start sample: a weak post that shows what Resonanz notices."""
    name = "sommerfest_de.txt" if ui_language == "de" else "product_launch_en.txt"
    return (resources.files("resonanz.resources") / "samples" / name).read_text(encoding="utf-8")


__all__ = ["MainWindow", "sample_text"]
