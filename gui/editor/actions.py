"""The main window's actions and menus: building them in their fixed order, and their texts.

The actions and menus are made as attributes of the window (`window.act_save`,
`window.menu_file`, ...), as a Designer form's setupUi would; this module owns how they are made
and what they say in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow


class WindowMenus:
    """Makes the window's actions (with their shortcuts) and menus, retranslates them, switches the UI language."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window

    def _action(self, slot, shortcut=None, checkable: bool = False) -> QAction:
        w = self.window
        action = QAction(w)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        w.addAction(action)  # shortcuts keep working in presentation mode without a menu bar
        return action

    def build_actions(self) -> None:
        w = self.window
        std = QKeySequence.StandardKey
        w.act_new = self._action(w.new_draft, std.New)
        w.act_new_reply = self._action(w.reply.new_reply, QKeySequence("Ctrl+Shift+Y"))  # issue 15: a reply to a comment
        w.act_open = self._action(w.open_dialog, std.Open)
        w.act_save = self._action(w.save, std.Save)
        w.act_save_as = self._action(w.save_as, std.SaveAs)
        w.act_quit = self._action(w.close, std.Quit)
        w.act_undo = self._action(w.editor.undo, std.Undo)
        w.act_redo = self._action(w.editor.redo, QKeySequence("Ctrl+Y"))
        w.act_cut = self._action(w.editor.cut, std.Cut)
        w.act_copy = self._action(w.editor.copy, std.Copy)
        w.act_paste = self._action(w.editor.paste, std.Paste)
        w.act_find = self._action(w.find_bar.open, std.Find)
        w.act_go_to_text = self._action(w.live.go_to_text, QKeySequence("Ctrl+Return"))  # issue 17: focus stays in the findings
        w.act_go_to_text.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        w.panel.goToTextRequested.connect(w.act_go_to_text.trigger)
        w.act_presentation = self._action(w.toggle_presentation, QKeySequence("F11"), checkable=True)
        w.act_zoom_in = self._action(lambda: w.zoom(+1), std.ZoomIn)
        w.act_zoom_out = self._action(lambda: w.zoom(-1), std.ZoomOut)
        w.act_zoom_reset = self._action(lambda: w.zoom(0, reset=True), QKeySequence("Ctrl+0"))
        w.act_set_original = self._action(w.set_original)
        w.act_compare = self._action(w.show_compare, QKeySequence("Ctrl+D"))
        w.act_revision = self._action(w.save_revision, QKeySequence("Ctrl+Shift+R"))
        w.act_about = self._action(w.show_about)
        w.act_drafts = self._action(w.show_drafts, QKeySequence("Ctrl+Shift+O"))
        w.act_exercises = self._action(w.show_exercises, QKeySequence("Ctrl+L"))
        w.act_end_exercise = self._action(w.end_exercise)
        w.act_sessions = self._action(w.show_sessions, QKeySequence("Ctrl+Shift+W"))
        w.act_export = self._action(w.export_report, QKeySequence("Ctrl+E"))
        w.act_audit = self._action(w.dialogs.show_audit)  # issue 13: a page's past posts and what travelled
        w.act_grammar = self._action(w.show_grammar_settings)
        w.act_export.setEnabled(w.keeper is not None)
        w.act_sessions.setEnabled(w.keeper is not None)
        w.act_drafts.setEnabled(w.keeper is not None)
        w.act_exercises.setEnabled(w.keeper is not None)
        w.act_end_exercise.setEnabled(False)
        # the editor has its own undo/redo/cut/copy/paste shortcuts; keep the window's for the menus only
        for act in (w.act_undo, w.act_redo, w.act_cut, w.act_copy, w.act_paste):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        w.editor.undoAvailable.connect(w.act_undo.setEnabled)
        w.editor.redoAvailable.connect(w.act_redo.setEnabled)
        w.act_undo.setEnabled(False)
        w.act_redo.setEnabled(False)
        w.ui_language_group = QActionGroup(w)
        w.act_lang = {}
        for code in ("system", "de", "en"):
            act = QAction(w)
            act.setCheckable(True)
            act.setData(code)
            act.triggered.connect(lambda _c=False, c=code: w.set_ui_language(c))
            w.ui_language_group.addAction(act)
            w.act_lang[code] = act
        w.act_lang.get(str(w.settings.value("ui_language", "system")), w.act_lang["system"]).setChecked(True)

    def build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        w.menu_file = bar.addMenu("")
        w.menu_file.addActions([w.act_new, w.act_new_reply, w.act_open])
        w.menu_recent = w.menu_file.addMenu("")
        w.menu_file.addAction(w.act_drafts)
        w.menu_file.addActions([w.act_save, w.act_save_as])
        w.menu_file.addAction(w.act_export)
        w.menu_file.addAction(w.act_audit)
        w.menu_file.addSeparator()
        w.menu_file.addAction(w.act_quit)
        w.menu_edit = bar.addMenu("")
        w.menu_edit.addActions([w.act_undo, w.act_redo])
        w.menu_edit.addSeparator()
        w.menu_edit.addActions([w.act_cut, w.act_copy, w.act_paste])
        w.menu_edit.addSeparator()
        w.menu_edit.addActions([w.act_find, w.act_go_to_text])
        w.menu_draft = bar.addMenu("")
        w.menu_draft.addActions([w.act_set_original, w.act_compare, w.act_revision])
        w.menu_exercises = bar.addMenu("")
        w.menu_exercises.addActions([w.act_exercises, w.act_end_exercise])
        w.menu_exercises.addSeparator()
        w.menu_exercises.addAction(w.act_sessions)
        w.menu_view = bar.addMenu("")
        w.menu_view.addAction(w.act_presentation)
        w.menu_view.addSeparator()
        w.menu_view.addActions([w.act_zoom_in, w.act_zoom_out, w.act_zoom_reset])
        w.menu_settings = bar.addMenu("")
        w.menu_ui_language = w.menu_settings.addMenu("")
        w.menu_ui_language.addActions(list(w.act_lang.values()))
        w.menu_settings.addAction(w.act_grammar)
        w.menu_help = bar.addMenu("")
        w.menu_help.addAction(w.act_about)
        w.files.rebuild_recent_menu()

    def retranslate(self) -> None:
        """The menu titles and action texts in the interface language."""
        w = self.window
        w.menu_file.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        w.menu_recent.setTitle(QCoreApplication.translate("MainWindow", "Open &Recent"))
        w.menu_edit.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        w.menu_draft.setTitle(QCoreApplication.translate("MainWindow", "&Draft"))
        w.menu_exercises.setTitle(QCoreApplication.translate("MainWindow", "E&xercises"))
        w.menu_view.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        w.menu_settings.setTitle(QCoreApplication.translate("MainWindow", "&Settings"))
        w.menu_ui_language.setTitle(QCoreApplication.translate("MainWindow", "Interface &language"))
        w.menu_help.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        texts = {
            w.act_new: QCoreApplication.translate("MainWindow", "&New draft"),
            w.act_new_reply: QCoreApplication.translate("MainWindow", "New re&ply to a comment…"),
            w.act_open: QCoreApplication.translate("MainWindow", "&Open…"),
            w.act_save: QCoreApplication.translate("MainWindow", "&Save"),
            w.act_save_as: QCoreApplication.translate("MainWindow", "Export to &file…"),
            w.act_quit: QCoreApplication.translate("MainWindow", "&Quit"),
            w.act_undo: QCoreApplication.translate("MainWindow", "&Undo"),
            w.act_redo: QCoreApplication.translate("MainWindow", "&Redo"),
            w.act_cut: QCoreApplication.translate("MainWindow", "Cu&t"),
            w.act_copy: QCoreApplication.translate("MainWindow", "&Copy"),
            w.act_paste: QCoreApplication.translate("MainWindow", "&Paste"),
            w.act_find: QCoreApplication.translate("MainWindow", "&Find…"),
            w.act_go_to_text: QCoreApplication.translate("MainWindow", "&Go to text"),
            w.act_presentation: QCoreApplication.translate("MainWindow", "&Presentation mode"),
            w.act_zoom_in: QCoreApplication.translate("MainWindow", "Zoom &in"),
            w.act_zoom_out: QCoreApplication.translate("MainWindow", "Zoom &out"),
            w.act_zoom_reset: QCoreApplication.translate("MainWindow", "&Normal size"),
            w.act_set_original: QCoreApplication.translate("MainWindow", "Keep this version as &original"),
            w.act_compare: QCoreApplication.translate("MainWindow", "&Compare with original"),
            w.act_revision: QCoreApplication.translate("MainWindow", "Save &revision"),
            w.act_about: QCoreApplication.translate("MainWindow", "&About Resonanz"),
            w.act_drafts: QCoreApplication.translate("MainWindow", "My &drafts…"),
            w.act_exercises: QCoreApplication.translate("MainWindow", "Exercise &library…"),
            w.act_end_exercise: QCoreApplication.translate("MainWindow", "&End exercise"),
            w.act_sessions: QCoreApplication.translate("MainWindow", "Coaching &sessions and workshops…"),
            w.act_export: QCoreApplication.translate("MainWindow", "&Export report…"),
            w.act_audit: QCoreApplication.translate("MainWindow", "Page &audit…"),
            w.act_grammar: QCoreApplication.translate("MainWindow", "&Spelling and grammar…"),
            w.act_lang["system"]: QCoreApplication.translate("MainWindow", "Follow the system"),
            w.act_lang["de"]: "Deutsch",
            w.act_lang["en"]: "English",
        }
        for action, text in texts.items():
            action.setText(text)

    def set_ui_language(self, choice: str) -> str:
        """Switch the interface language now ('system', 'de', 'en') and remember it."""
        w = self.window
        w.settings.setValue("ui_language", choice)
        w.act_lang[choice].setChecked(True)
        language = w.translations.apply(choice)
        # Qt posts LanguageChange to the widgets; deliver it now so the window is retranslated
        # when this returns (menus, panel, editor), not at some later turn of the event loop
        QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return language


__all__ = ["WindowMenus"]
