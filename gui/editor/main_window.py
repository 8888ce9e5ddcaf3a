"""The main window: the draft on the left, the live coaching panel on the right."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from resonanz.core import __version__
from resonanz.core.analysis.model import AnalysisResult, Finding
from resonanz.core.analysis.engine import platform_profile
from resonanz.core.analysis.platforms import count_characters, load_profiles
from resonanz.gui.app import theme as themes
from resonanz.gui.editor.autosave import DraftKeeper
from resonanz.gui.editor.text_editor import DraftEditor
from resonanz.gui.app.i18n import Translations
from resonanz.gui.panel.panel import CoachPanel
from resonanz.gui.coaching.targets import TargetsBox
from resonanz.gui.app.settings import add_recent, open_settings, recent_files
from resonanz.gui.editor.worker import LiveAnalyzer

PRESENTATION_ZOOM_DEFAULT = 6  # font steps of 2 pt: 12 pt becomes 24 pt for the back row
FILE_FILTER = "Drafts (*.txt *.md);;All files (*)"


class FindBar(QWidget):
    """Ctrl+F: a one-line search under the draft; Enter finds the next match, Esc closes."""

    def __init__(self, editor: DraftEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = QLineEdit(self)
        self.status = QLabel(self)
        self.close_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button)
        self.field.returnPressed.connect(self.find_next)
        self.close_button.clicked.connect(self.hide)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find in draft"))
        self.field.setAccessibleName(self.tr("Find in draft"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self) -> None:
        self.show()
        selected = self.editor.textCursor().selectedText()
        if selected:
            self.field.setText(selected)
        self.field.selectAll()
        self.field.setFocus()

    def find_next(self) -> bool:
        needle = self.field.text()
        if not needle:
            return False
        found = self.editor.find(needle)
        if not found:  # wrap around
            cursor = self.editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            found = self.editor.find(needle)
        self.status.setText("" if found else self.tr("Not found"))
        return found

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.editor.setFocus()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    """Editor, panel, menus, files, compare, presentation mode and UI language."""

    #: (message, milliseconds) for the status bar; safe to emit from any thread (queued to the UI)
    statusMessage = Signal(str, int)

    def __init__(self, translations: Translations | None = None, settings=None, store=None) -> None:
        super().__init__()
        self.settings = settings if settings is not None else open_settings()
        self.translations = translations or Translations()
        self.path: Path | None = None
        self.original: str | None = None  # the draft as it was opened or last "set as original"
        self.revisions: list[tuple[str, dict]] = []  # (label, scores) for the history chart
        self.result: AnalysisResult | None = None
        self._profile_key: tuple[str, str] | None = None  # (platform, language) of the cached counter profile
        self._profile = None
        self.presenting = False
        self._normal_state: dict = {}
        self._compare_dialog: QDialog | None = None
        self._sessions_dialog: QDialog | None = None
        self._exercise_dialog: QDialog | None = None
        self._drafts_dialog: QDialog | None = None
        self._export_dialog: QDialog | None = None
        self.exercise = None  # the running exercise (resonanz.core.exercises.library.Exercise) or None

        self.platform = str(self.settings.value("platform", "linkedin"))
        self.language = str(self.settings.value("language", "auto"))
        self.theme = themes.system_theme()

        self.editor = DraftEditor(self)
        self.panel = CoachPanel(self)
        self.find_bar = FindBar(self.editor, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
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
        self.statusBar().addWidget(self.status_words, 1)
        self.statusBar().addPermanentWidget(self.status_readonly)
        self.statusBar().addPermanentWidget(self.status_file)

        self.statusMessage.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.analyzer = LiveAnalyzer(parent=self)
        self.analyzer.resultReady.connect(self._on_result)
        self.analyzer.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        # with a database, every edit is autosaved within a second and the draft survives a crash
        self.keeper = DraftKeeper(store, self.editor.toPlainText, self) if store is not None else None
        if self.keeper is not None:
            self.keeper.failed.connect(lambda msg: self.statusBar().showMessage(self.tr("Could not save the draft: %1").replace("%1", msg), 10000))
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.document().modificationChanged.connect(lambda _m: self._update_title())
        self.panel.findingActivated.connect(self._on_finding_activated)
        self.panel.platformChanged.connect(self._on_platform_changed)
        self.panel.languageChanged.connect(self._on_language_changed)
        # spelling and grammar: on their own thread, never in the way of typing (gui/grammar.py)
        from resonanz.gui.proofing.grammar import GrammarService, load_grammar_settings

        self.grammar_result = None  # the newest GrammarResult for the editor's text, or None
        self.grammar = GrammarService(load_grammar_settings(self.settings), self)
        self.grammar.resultReady.connect(self._on_grammar_result)
        self.grammar.statusChanged.connect(lambda _s: self._update_grammar_status())
        self.panel.replacementChosen.connect(self.apply_replacement)
        self.panel.addWordRequested.connect(self.add_to_dictionary)

        profiles = load_profiles()
        self.panel.set_platforms([(p.id, p.name) for p in profiles.values()], self.platform)
        self.panel.set_language_choice(self.language)

        self._build_actions()
        self._build_menus()
        self.apply_theme(self.theme)
        hints = QApplication.instance().styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+: follow the desktop switching light/dark
            hints.colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.editor.set_zoom_steps(int(self.settings.value("zoom", 0)))
        self._restore_geometry()
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _action(self, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts keep working in presentation mode without a menu bar
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.act_new = self._action(self.new_draft, std.New)
        self.act_open = self._action(self.open_dialog, std.Open)
        self.act_save = self._action(self.save, std.Save)
        self.act_save_as = self._action(self.save_as, std.SaveAs)
        self.act_quit = self._action(self.close, std.Quit)
        self.act_undo = self._action(self.editor.undo, std.Undo)
        self.act_redo = self._action(self.editor.redo, QKeySequence("Ctrl+Y"))
        self.act_cut = self._action(self.editor.cut, std.Cut)
        self.act_copy = self._action(self.editor.copy, std.Copy)
        self.act_paste = self._action(self.editor.paste, std.Paste)
        self.act_find = self._action(self.find_bar.open, std.Find)
        self.act_presentation = self._action(self.toggle_presentation, QKeySequence("F11"), checkable=True)
        self.act_zoom_in = self._action(lambda: self.zoom(+1), std.ZoomIn)
        self.act_zoom_out = self._action(lambda: self.zoom(-1), std.ZoomOut)
        self.act_zoom_reset = self._action(lambda: self.zoom(0, reset=True), QKeySequence("Ctrl+0"))
        self.act_set_original = self._action(self.set_original)
        self.act_compare = self._action(self.show_compare, QKeySequence("Ctrl+D"))
        self.act_revision = self._action(self.save_revision, QKeySequence("Ctrl+Shift+R"))
        self.act_about = self._action(self.show_about)
        self.act_drafts = self._action(self.show_drafts, QKeySequence("Ctrl+Shift+O"))
        self.act_exercises = self._action(self.show_exercises, QKeySequence("Ctrl+L"))
        self.act_end_exercise = self._action(self.end_exercise)
        self.act_sessions = self._action(self.show_sessions, QKeySequence("Ctrl+Shift+W"))
        self.act_export = self._action(self.export_report, QKeySequence("Ctrl+E"))
        self.act_grammar = self._action(self.show_grammar_settings)
        self.act_export.setEnabled(self.keeper is not None)
        self.act_sessions.setEnabled(self.keeper is not None)
        self.act_drafts.setEnabled(self.keeper is not None)
        self.act_exercises.setEnabled(self.keeper is not None)
        self.act_end_exercise.setEnabled(False)
        # the editor has its own undo/redo/cut/copy/paste shortcuts; keep the window's for the menus only
        for act in (self.act_undo, self.act_redo, self.act_cut, self.act_copy, self.act_paste):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.editor.undoAvailable.connect(self.act_undo.setEnabled)
        self.editor.redoAvailable.connect(self.act_redo.setEnabled)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.ui_language_group = QActionGroup(self)
        self.act_lang = {}
        for code in ("system", "de", "en"):
            act = QAction(self)
            act.setCheckable(True)
            act.setData(code)
            act.triggered.connect(lambda _c=False, c=code: self.set_ui_language(c))
            self.ui_language_group.addAction(act)
            self.act_lang[code] = act
        self.act_lang.get(str(self.settings.value("ui_language", "system")), self.act_lang["system"]).setChecked(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_new, self.act_open])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_file.addAction(self.act_drafts)
        self.menu_file.addActions([self.act_save, self.act_save_as])
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_cut, self.act_copy, self.act_paste])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_find)
        self.menu_draft = bar.addMenu("")
        self.menu_draft.addActions([self.act_set_original, self.act_compare, self.act_revision])
        self.menu_exercises = bar.addMenu("")
        self.menu_exercises.addActions([self.act_exercises, self.act_end_exercise])
        self.menu_exercises.addSeparator()
        self.menu_exercises.addAction(self.act_sessions)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_presentation)
        self.menu_view.addSeparator()
        self.menu_view.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        self.menu_settings = bar.addMenu("")
        self.menu_ui_language = self.menu_settings.addMenu("")
        self.menu_ui_language.addActions(list(self.act_lang.values()))
        self.menu_settings.addAction(self.act_grammar)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)
        self._rebuild_recent_menu()

    def retranslate(self) -> None:
        """Every UI string of the window (widgets retranslate themselves on LanguageChange)."""
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &Recent"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_draft.setTitle(self.tr("&Draft"))
        self.menu_exercises.setTitle(self.tr("E&xercises"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_settings.setTitle(self.tr("&Settings"))
        self.menu_ui_language.setTitle(self.tr("Interface &language"))
        self.menu_help.setTitle(self.tr("&Help"))
        texts = {
            self.act_new: self.tr("&New draft"),
            self.act_open: self.tr("&Open…"),
            self.act_save: self.tr("&Save"),
            self.act_save_as: self.tr("Save &as…"),
            self.act_quit: self.tr("&Quit"),
            self.act_undo: self.tr("&Undo"),
            self.act_redo: self.tr("&Redo"),
            self.act_cut: self.tr("Cu&t"),
            self.act_copy: self.tr("&Copy"),
            self.act_paste: self.tr("&Paste"),
            self.act_find: self.tr("&Find…"),
            self.act_presentation: self.tr("&Presentation mode"),
            self.act_zoom_in: self.tr("Zoom &in"),
            self.act_zoom_out: self.tr("Zoom &out"),
            self.act_zoom_reset: self.tr("&Normal size"),
            self.act_set_original: self.tr("Keep this version as &original"),
            self.act_compare: self.tr("&Compare with original"),
            self.act_revision: self.tr("Save &revision"),
            self.act_about: self.tr("&About Resonanz"),
            self.act_drafts: self.tr("My &drafts…"),
            self.act_exercises: self.tr("Exercise &library…"),
            self.act_end_exercise: self.tr("&End exercise"),
            self.act_sessions: self.tr("Coaching &sessions and workshops…"),
            self.act_export: self.tr("&Export report…"),
            self.act_grammar: self.tr("&Spelling and grammar…"),
            self.act_lang["system"]: self.tr("Follow the system"),
            self.act_lang["de"]: "Deutsch",
            self.act_lang["en"]: "English",
        }
        for action, text in texts.items():
            action.setText(text)
        self.splitter.setAccessibleName(self.tr("Draft and coaching panel"))
        self.panel.setAccessibleName(self.tr("Coaching panel"))
        self._update_title()
        self._update_status()
        self._update_grammar_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ live analysis
    @Slot()
    def _on_text_changed(self) -> None:
        if self.keeper is not None:
            self.keeper.edited()
        text = self.editor.toPlainText()  # once per keystroke: a copy of the whole document
        self.analyzer.request(text, self.language, self.platform)
        self.grammar.request(text, self.language)
        self._update_counter_estimate(text)

    def _update_counter_estimate(self, text: str | None = None) -> None:
        """The counter follows every keystroke (cheap); the full analysis follows the pause."""
        profile = self._counter_profile()
        text = self.editor.toPlainText() if text is None else text
        self.panel.set_counter(count_characters(text, profile), profile.limit)

    def _counter_profile(self):
        """The platform profile with the user's overrides, looked up once per platform and language."""
        language = self.result.language if self.result is not None and self.language == "auto" else self.language
        key = (self.platform, language)
        if self._profile_key != key:
            self._profile_key, self._profile = key, platform_profile(self.platform, language)
        return self._profile

    def reanalyze_now(self) -> None:
        """Analyse the current text without waiting for a typing pause."""
        text = self.editor.toPlainText()
        self.analyzer.request_now(text, self.language, self.platform)
        self.grammar.request(text, self.language, now=True)

    @Slot(str, object)
    def _on_result(self, text: str, result: AnalysisResult) -> None:
        # the engine's own fold and limit, user overrides included: nothing is computed twice here
        if not self.editor.show_analysis(text, result.findings + self._grammar_findings_for(text), result.stats["fold"], self.tr("… more")):
            return  # the text changed since: a newer result is on its way
        self.result = result
        self.panel.show_result(result)
        self.targets.update_result(result)
        self.panel.set_counter(result.stats["characters"], result.stats["characters_limit"])
        self._update_status()

    # ------------------------------------------------------------------ spelling and grammar
    def _grammar_findings_for(self, text: str) -> tuple[Finding, ...]:
        g = self.grammar_result
        return g.findings if g is not None and g.text == text else ()

    @Slot(object)
    def _on_grammar_result(self, result) -> None:
        text = self.editor.toPlainText()
        if not result.is_for(text):
            return  # made for an older text: the check of the newest one is on its way
        self.grammar_result = result
        self.panel.set_grammar(result.findings)
        if self.result is not None and self.result.text == text:
            self.editor.show_analysis(text, self.result.findings + result.findings, self.result.stats["fold"], self.tr("… more"))
        self._update_grammar_status()

    def _update_grammar_status(self) -> None:
        from resonanz.gui.proofing.grammar import status_line

        status = self.grammar.status()
        self.panel.set_grammar_status(str(status.state.value), status_line(status, self.grammar.settings, self.translations.language))

    @Slot(object, str)
    def apply_replacement(self, finding: Finding, replacement: str) -> bool:
        """One click: put `replacement` where the finding is (one undo step); False if the text moved on."""
        g = self.grammar_result
        text = self.editor.toPlainText()
        if not finding.spans or g is None or finding not in g.findings:
            return False
        start, end = finding.spans[0].start, finding.spans[0].end
        if text[start:end] != g.text[start:end] or text != g.text:
            self.statusBar().showMessage(self.tr("The text changed; the suggestion is checked again."), 4000)
            return False
        self.editor.select_span(start, end)
        self.editor.textCursor().insertText(replacement)
        self.editor.setFocus()
        return True

    @Slot(object)
    def add_to_dictionary(self, finding: Finding) -> str | None:
        """The finding's word goes into the user's word list; the check runs again at once."""
        from resonanz.core.proofing import spelling

        g = self.grammar_result
        if not finding.spans or g is None:
            return None
        word = g.text[finding.spans[0].start:finding.spans[0].end]
        try:
            spelling.add_word(word)
        except (OSError, ValueError) as exc:
            self.statusBar().showMessage(self.tr("Could not add the word: %1").replace("%1", str(exc)), 8000)
            return None
        self.panel.set_grammar([f for f in g.findings if f.rule != "SPELL" or g.text[f.spans[0].start:f.spans[0].end] != word])
        self.grammar.request(self.editor.toPlainText(), self.language, now=True)
        self.statusBar().showMessage(self.tr("“%1” is in your dictionary now.").replace("%1", word), 5000)
        return word

    def show_grammar_settings(self) -> QDialog:
        """Settings → Spelling and grammar…: off, LanguageTool here, or a LanguageTool server."""
        from resonanz.gui.proofing.grammar import GrammarSettingsDialog, save_grammar_settings

        dialog = GrammarSettingsDialog(self.grammar.settings, self.translations.language, self)

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted and dialog.result_settings is not None:
                save_grammar_settings(self.settings, dialog.result_settings)
                self.grammar.configure(dialog.result_settings)
                self._update_grammar_status()
                self.grammar.request(self.editor.toPlainText(), self.language, now=True)

        dialog.finished.connect(done)
        self._grammar_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_finding_activated(self, finding: Finding) -> None:
        if finding.spans:
            self.editor.select_span(finding.spans[0].start, finding.spans[0].end)

    @Slot(str)
    def _on_platform_changed(self, platform: str) -> None:
        self.platform = platform
        self.settings.setValue("platform", platform)
        self.reanalyze_now()

    @Slot(str)
    def _on_language_changed(self, language: str) -> None:
        self.language = language
        self.settings.setValue("language", language)
        self.reanalyze_now()

    # ------------------------------------------------------------------ files
    def load_text(self, text: str, path: Path | None = None) -> None:
        """Show `text` as the current draft (and the original to compare against); with a database, a new draft there."""
        if self.keeper is not None:
            self.keeper.flush()  # the previous draft is safe before the editor is reused
            self.keeper.draft_id = None
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.path = path
        self.original = text
        self.revisions = []
        self.panel.set_history([], [])
        self._set_exercise(None)
        if self.keeper is not None:
            self.keeper.begin(self.editor.toPlainText(), title=path.name if path else "", language=self.language, platform=self.platform)
        self._update_title()
        self.reanalyze_now()

    def resume_last_draft(self) -> bool:
        """Reopen the draft that was open last time, as autosaved (after a crash too)."""
        if self.keeper is None:
            return False
        self.keeper.flush()
        draft = self.keeper.resume()
        if draft is None:
            return False
        draft_id = self.keeper.draft_id
        self.keeper.draft_id = None  # setPlainText must not count as an edit
        self.editor.setPlainText(draft.text)
        self.keeper.draft_id = draft_id
        self.editor.document().setModified(False)
        self.original = draft.text
        self.revisions = self.keeper.history()
        self.panel.set_history([sc for _, sc in self.revisions], [n for n, _ in self.revisions])
        self._update_title()
        self.reanalyze_now()
        return True

    def open_draft(self, draft_id: int) -> bool:
        """Make a draft from the database the current draft (as last autosaved); False if it cannot be read."""
        if self.keeper is None:
            return False
        try:
            draft = self.keeper.store.get_draft(draft_id)
        except (KeyError, LookupError, ValueError):
            return False
        self.keeper.flush()  # the previous draft is safe before the editor is reused
        self.keeper.draft_id = None  # setPlainText must not count as an edit
        self.editor.setPlainText(draft.text)
        self.keeper.draft_id = draft.id
        self.keeper.remember(draft.id)
        self.editor.document().setModified(False)
        self.path = None
        self.original = draft.text
        self.revisions = self.keeper.history()
        self.panel.set_history([sc for _, sc in self.revisions], [n for n, _ in self.revisions])
        exercise = None
        if draft.exercise_id:
            try:
                from resonanz.gui.coaching.exercise_browser import as_exercise

                exercise = as_exercise(self.keeper.store.get_exercise(draft.exercise_id))
            except (KeyError, LookupError, ValueError):
                exercise = None
        self._set_exercise(exercise)
        if draft.platform and draft.platform != self.platform:
            self._set_platform(draft.platform)
        if exercise is not None and draft.language in ("de", "en"):
            self._set_language(draft.language)
        self._update_title()
        self.reanalyze_now()
        return True

    def start_exercise(self, exercise) -> int | None:
        """Begin a new draft from the exercise's starting draft, on its platform and in its language."""
        from resonanz.gui.coaching.exercise_browser import as_exercise, ensure_exercise

        exercise = as_exercise(exercise)
        if self.keeper is not None and not self.keeper.readonly:
            ensure_exercise(self.keeper.store, exercise)  # the new draft refers to it
            self.keeper.flush()
            self.keeper.draft_id = None
        self._set_platform(exercise.platform)
        self._set_language(exercise.language)
        self.editor.setPlainText(exercise.starting_draft)
        self.editor.document().setModified(False)
        self.path = None
        self.original = exercise.starting_draft
        self.revisions = []
        self.panel.set_history([], [])
        self.result = None
        self._set_exercise(exercise)
        draft_id = None
        if self.keeper is not None:
            draft_id = self.keeper.begin(
                self.editor.toPlainText(), title=exercise.title, language=exercise.language, platform=exercise.platform, exercise_id=exercise.id
            )
        self._update_title()
        self.reanalyze_now()
        return draft_id

    def end_exercise(self) -> None:
        """Hide the targets; the draft stays."""
        self._set_exercise(None)

    def _set_exercise(self, exercise) -> None:
        self.exercise = exercise
        self.targets.set_exercise(exercise)
        if exercise is not None and self.result is not None and self.result.text == self.editor.toPlainText():
            self.targets.update_result(self.result)
        self.act_end_exercise.setEnabled(exercise is not None)

    def _set_platform(self, platform: str) -> None:
        self.platform = platform
        self.panel.set_platforms([(p.id, p.name) for p in load_profiles().values()], platform)
        self._update_counter_estimate()

    def _set_language(self, language: str) -> None:
        """Force the draft language (not remembered in the settings: it belongs to this draft)."""
        self.language = language
        self.panel.set_language_choice(language)

    def show_sessions(self) -> QDialog | None:
        """Sessions and workshops: participants, a round's attempts as a sortable gallery, progress."""
        if self.keeper is None:
            return None
        from resonanz.gui.coaching.sessions import SessionsView

        if self._sessions_dialog is None:
            self._sessions_dialog = self._tool_dialog(SessionsView(self.keeper.store), (1200, 760))
        self._sessions_dialog.setWindowTitle(self.tr("Coaching sessions and workshops"))
        self._sessions_dialog.view.set_projecting(self.presenting)  # type: ignore[attr-defined]
        self._sessions_dialog.view.refresh_sessions()  # type: ignore[attr-defined]
        return self._raise(self._sessions_dialog)

    def show_exercises(self) -> QDialog | None:
        """The exercise library; Start begins the chosen exercise."""
        if self.keeper is None:
            return None
        from resonanz.gui.coaching.exercise_browser import ExerciseBrowser

        if self._exercise_dialog is None:
            view = ExerciseBrowser(self.keeper.store)
            view.started.connect(self._start_from_library)
            self._exercise_dialog = self._tool_dialog(view, (1000, 680))
        self._exercise_dialog.setWindowTitle(self.tr("Exercise library"))
        self._exercise_dialog.view.refresh()  # type: ignore[attr-defined]
        return self._raise(self._exercise_dialog)

    def _start_from_library(self, exercise) -> None:
        if not self.maybe_save():
            return
        if self._exercise_dialog is not None:
            self._exercise_dialog.hide()
        self.start_exercise(exercise)

    def show_drafts(self) -> QDialog | None:
        """My drafts: open, duplicate, delete and restore the drafts in the database."""
        if self.keeper is None:
            return None
        from resonanz.gui.coaching.drafts_view import DraftsView

        if self._drafts_dialog is None:
            view = DraftsView(self.keeper.store)
            view.openRequested.connect(self._open_from_list)
            view.deleted.connect(self._on_draft_deleted)
            self._drafts_dialog = self._tool_dialog(view, (720, 560))
        self._drafts_dialog.setWindowTitle(self.tr("My drafts"))
        self.keeper.flush()  # list the open draft as it is now
        self._drafts_dialog.view.refresh()  # type: ignore[attr-defined]
        return self._raise(self._drafts_dialog)

    def export_report(self) -> QDialog | None:
        """The draft sheet of the open draft: preview, then PDF/HTML/Markdown/CSV.

        A report must show what is on screen and be reproducible later (`resonanz report draft ID`),
        so text that differs from the last saved revision is saved as a revision first."""
        if self.keeper is None:
            return None
        if not self.editor.toPlainText().strip():
            self.statusBar().showMessage(self.tr("Write a draft first; the report is about its text."), 6000)
            return None
        if self.keeper.draft_id is None:
            self.keeper.begin(self.editor.toPlainText(), title=self.path.name if self.path else "", language=self.language, platform=self.platform)
        self.keeper.flush()
        saved = [r for r in self.keeper.store.revisions(self.keeper.draft_id) if r.scores is not None]
        if not saved or saved[-1].text != self.editor.toPlainText():
            self.save_revision(label=self.tr("Exported as report"))
        from resonanz.gui.reports.export import ExportDialog

        dialog = ExportDialog(self.keeper.store, "draft", self.keeper.draft_id, self.settings, self.translations.language, parent=self)
        dialog.exported.connect(lambda path: self.statusBar().showMessage(self.tr("Report saved: %1").replace("%1", path), 8000))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._export_dialog = dialog
        dialog.show()
        return dialog

    def _tool_dialog(self, view: QWidget, size: tuple[int, int]) -> QDialog:
        """A non-modal dialog holding one view (reachable as `dialog.view`)."""
        dialog = QDialog(self)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.view = view  # type: ignore[attr-defined]
        dialog.resize(*size)
        return dialog

    @staticmethod
    def _raise(dialog: QDialog) -> QDialog:
        dialog.show()
        dialog.raise_()
        return dialog

    def _on_draft_deleted(self, draft_id: int) -> None:
        """The open draft went to the trash: stop writing into it and start an empty one.

        Its text (with everything typed until now) stays in the trash and can be restored."""
        if self.keeper is None or self.keeper.draft_id != draft_id:
            return
        self.keeper.flush()
        self.editor.document().setModified(False)
        self.load_text("")
        self.statusBar().showMessage(self.tr("The open draft is in the trash now; My drafts → Trash restores it."), 10000)

    def _open_from_list(self, draft_id: int) -> None:
        if not self.maybe_save():
            return
        if self.open_draft(draft_id) and self._drafts_dialog is not None:
            self._drafts_dialog.hide()

    def open_path(self, path: Path) -> bool:
        """Open a .txt/.md draft; a file that is not UTF-8 text is refused with a message.

        Resonanz's own database is refused before it is opened: reading it with anything but
        SQLite would drop this process's locks on it (see resonanz.core.storage.dbopen)."""
        from resonanz.core.storage.dbopen import is_database_file

        if is_database_file(path, *([self.keeper.store.path] if self.keeper is not None and self.keeper.store.path else [])):
            QMessageBox.warning(self, self.tr("Open draft"), self.tr("%1 is Resonanz's database, not a draft. My drafts (Ctrl+Shift+O) shows the drafts in it.").replace("%1", path.name))
            return False
        try:
            data = path.read_bytes()
            if b"\x00" in data[:8192]:
                raise ValueError(self.tr("%1 is not a text file.").replace("%1", path.name))
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            message = str(exc) if isinstance(exc, ValueError) else self.tr("%1 could not be opened as UTF-8 text.").replace("%1", path.name)
            QMessageBox.warning(self, self.tr("Open draft"), message)
            return False
        self.load_text(text, path)
        self._remember_recent(path)
        return True

    def _remember_recent(self, path: Path) -> None:
        add_recent(self.settings, str(path))
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.menu_recent.clear()
        for p in recent_files(self.settings):
            act = self.menu_recent.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, p=p: self._open_if_saved(Path(p)))
        self.menu_recent.setEnabled(bool(recent_files(self.settings)) and not self.presenting)

    def _open_if_saved(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open draft"), start, FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_draft(self) -> None:
        if self.maybe_save():
            self.load_text("", None)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.write_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else str(Path.home() / self.tr("draft.txt"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save draft"), start, FILE_FILTER)
        if not name:
            return False
        return self.write_to(Path(name))

    def write_to(self, path: Path) -> bool:
        """Write atomically (temporary file, fsync, then rename): a crash never leaves half a draft."""
        from resonanz.core.fileio import write_atomic

        try:
            write_atomic(path, self.editor.toPlainText())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save draft"), self.tr("Could not save %1: %2").replace("%1", path.name).replace("%2", exc.strerror or str(exc)))
            return False
        self.path = path
        self.editor.document().setModified(False)
        self._remember_recent(path)
        self.save_revision(label=path.stem)
        self._update_title()
        return True

    def maybe_save(self) -> bool:
        """Ask before unsaved changes would be lost; False means the user cancelled."""
        if not self.editor.document().isModified() or not self.editor.toPlainText().strip():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The draft has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------------ revisions and compare
    def save_revision(self, _checked: bool = False, label: str | None = None) -> None:
        """Add the current scores to the draft's history chart."""
        if self.result is None or self.result.text != self.editor.toPlainText():
            from resonanz.core.analysis.engine import analyze

            self.result = analyze(self.editor.toPlainText(), language=self.language, platform=self.platform)
        name = label or self.tr("Revision %1").replace("%1", str(len(self.revisions) + 1))
        self.revisions.append((name, {d: s.value for d, s in self.result.scores.items()}))
        self.panel.set_history([s for _, s in self.revisions], [n for n, _ in self.revisions])
        if self.keeper is not None:
            self.keeper.save_revision(self.editor.toPlainText(), name, self.result)

    def set_original(self) -> None:
        self.original = self.editor.toPlainText()
        self.statusBar().showMessage(self.tr("This version is now the original to compare against."), 5000)

    def show_compare(self) -> QDialog:
        """Original and current draft side by side, with each score's change."""
        from resonanz.gui.editor.compare import CompareView

        if self._compare_dialog is None:
            self._compare_dialog = self._tool_dialog(CompareView(), (1200, 720))
        self._compare_dialog.setWindowTitle(self.tr("Compare with original"))
        view = self._compare_dialog.view  # type: ignore[attr-defined]
        view.set_theme(themes.HIGH_CONTRAST if self.presenting else self.theme)
        view.set_presentation(self.presenting)
        view.set_drafts(self.original if self.original is not None else "", self.editor.toPlainText(), self.language, self.platform)
        return self._raise(self._compare_dialog)

    # ------------------------------------------------------------------ view
    def zoom(self, step: int, reset: bool = False) -> None:
        steps = 0 if reset else self.editor.zoom_steps() + step
        steps = max(-4, min(16, steps))
        self.editor.set_zoom_steps(steps)
        self.settings.setValue("presentation_zoom" if self.presenting else "zoom", steps)

    def apply_theme(self, theme: themes.Theme) -> None:
        self.theme_in_use = theme
        QApplication.instance().setPalette(themes.palette_for(theme))
        self.editor.set_theme(theme)
        self.panel.set_theme(theme)

    def _on_color_scheme_changed(self, *_args) -> None:
        self.theme = themes.DARK if QApplication.instance().styleHints().colorScheme() == Qt.ColorScheme.Dark else themes.LIGHT
        if not self.presenting:
            self.apply_theme(self.theme)

    def toggle_presentation(self) -> None:
        """F11: full screen, large type, high contrast, larger panel, nothing private on screen."""
        if not self.presenting:
            self._normal_state = {
                "geometry": self.saveGeometry(),
                "maximized": self.isMaximized(),
                "splitter": self.splitter.saveState(),
                "zoom": self.editor.zoom_steps(),
            }
            self.presenting = True
            self.apply_theme(themes.HIGH_CONTRAST)
            self.editor.set_zoom_steps(int(self.settings.value("presentation_zoom", PRESENTATION_ZOOM_DEFAULT)))
            self.panel.set_presentation(True)
            self.menuBar().hide()
            self.statusBar().hide()
            self.showFullScreen()
            total = max(self.splitter.width(), 1000)
            self.splitter.setSizes([int(total * 0.58), int(total * 0.42)])
        else:
            self.presenting = False
            self.panel.set_presentation(False)
            self.apply_theme(self.theme)
            self.editor.set_zoom_steps(self._normal_state.get("zoom", 0))
            self.menuBar().show()
            self.statusBar().show()
            self.showNormal()
            if self._normal_state.get("maximized"):
                self.showMaximized()
            self.restoreGeometry(self._normal_state.get("geometry", QByteArray()))
            self.splitter.restoreState(self._normal_state.get("splitter", QByteArray()))
        self.act_presentation.setChecked(self.presenting)
        if self._sessions_dialog is not None:
            self._sessions_dialog.view.set_projecting(self.presenting)  # pseudonyms on the projector
        self._rebuild_recent_menu()
        self._update_title()
        self._update_status()

    def set_ui_language(self, choice: str) -> str:
        """Switch the interface language now ('system', 'de', 'en') and remember it."""
        self.settings.setValue("ui_language", choice)
        self.act_lang[choice].setChecked(True)
        language = self.translations.apply(choice)
        # Qt posts LanguageChange to the widgets; deliver it now so the window is retranslated
        # when this returns (menus, panel, editor), not at some later turn of the event loop
        QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return language

    def show_about(self) -> None:
        from resonanz.gui.app.brand import app_icon

        self.setWindowIcon(app_icon())  # QMessageBox.about shows its parent's window icon (64 px)
        QMessageBox.about(
            self,
            self.tr("About Resonanz"),
            "<h3>Resonanz %s</h3><p>%s</p><p>%s</p>"
            % (
                __version__,
                self.tr("Coaching for social-media posts of organisations: dialogue instead of monologue, no dead ends."),
                self.tr("Licence: MIT. Runs offline; your drafts never leave this computer."),
            ),
        )

    # ------------------------------------------------------------------ title, status, state
    @property
    def read_only(self) -> bool:
        """True while the database can only be read (read-only folder or medium): nothing is autosaved."""
        return self.keeper is not None and self.keeper.readonly

    def _update_title(self) -> None:
        if self.presenting or self.path is None:
            name = "" if self.presenting else self.tr("Untitled draft")
        else:
            name = self.path.name
        modified = "•" if self.editor.document().isModified() and not self.presenting else ""
        app = self.tr("Resonanz (read-only)") if self.read_only else "Resonanz"
        self.setWindowTitle(" — ".join(x for x in (f"{modified}{name}".strip(), app) if x))
        if self.read_only:
            reason = getattr(self.keeper.store, "read_only_reason", None) or ""
            self.status_readonly.setText(self.tr("Read-only database: changes are not saved there; File → Save as keeps them."))
            self.status_readonly.setToolTip(reason)
        self.status_readonly.setVisible(self.read_only)
        self.status_file.setText("" if self.presenting or self.path is None else str(self.path))

    def _update_status(self) -> None:
        if self.result is None:
            self.status_words.setText("")
            return
        st = self.result.stats
        self.status_words.setText(
            self.tr("%1 words · %2 sentences · reading time %3 s").replace("%1", str(st["words"])).replace("%2", str(st["sentences"])).replace("%3", str(st["reading_time_seconds"]))
        )

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
        if self.presenting:
            self.toggle_presentation()
        self.settings.setValue("geometry", self.saveGeometry())
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


__all__ = ["MainWindow", "FindBar", "sample_text"]
