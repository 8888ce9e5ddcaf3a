"""How the window looks: presentation mode (F11), zoom and the light/dark/high-contrast theme."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from resonanz.gui.app import theme as themes
from resonanz.gui.app.fullscreen import FullScreen

PRESENTATION_ZOOM_DEFAULT = 6  # font steps of 2 pt: 12 pt becomes 24 pt for the back row


class Presentation:
    """Switches presentation mode on and off and keeps zoom and theme in step with it."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self._normal_state: dict = {}
        self.full_screen = FullScreen(window)

    def zoom(self, step: int, reset: bool = False) -> None:
        w = self.window
        steps = 0 if reset else w.editor.zoom_steps() + step
        steps = max(-4, min(16, steps))
        w.editor.set_zoom_steps(steps)
        w.settings.setValue("presentation_zoom" if w.presenting else "zoom", steps)

    def apply_theme(self, theme: themes.Theme) -> None:
        w = self.window
        w.theme_in_use = theme
        QApplication.instance().setPalette(themes.palette_for(theme))
        w.editor.set_theme(theme)
        w.panel.set_theme(theme)
        w.reply.fields.set_theme(theme)

    def on_color_scheme_changed(self) -> None:
        w = self.window
        w.theme = themes.DARK if QApplication.instance().styleHints().colorScheme() == Qt.ColorScheme.Dark else themes.LIGHT
        if not w.presenting:
            self.apply_theme(w.theme)

    def toggle(self) -> None:
        """F11 in any window: full screen, large type, high contrast, larger panel, nothing private on screen.

        The main window and an open sessions window fill the screen; leaving puts each back exactly
        where it was. The window F11 was pressed in stays in front."""
        w = self.window
        active = QApplication.activeWindow()
        if not w.presenting:
            self._normal_state = {"splitter": w.splitter.saveState(), "zoom": w.editor.zoom_steps()}
            w.presenting = True
            self.apply_theme(themes.HIGH_CONTRAST)
            w.editor.set_zoom_steps(int(w.settings.value("presentation_zoom", PRESENTATION_ZOOM_DEFAULT)))
            w.panel.set_presentation(True)
            w.targets.set_presentation(True)
            w.menuBar().hide()
            w.statusBar().hide()
            self.full_screen.enter()
            total = max(w.splitter.width(), 1000)
            w.splitter.setSizes([int(total * 0.58), int(total * 0.42)])
        else:
            w.presenting = False
            w.panel.set_presentation(False)
            w.targets.set_presentation(False)
            self.apply_theme(w.theme)
            w.editor.set_zoom_steps(self._normal_state.get("zoom", 0))
            w.menuBar().show()
            w.statusBar().show()
            self.full_screen.leave()
            w.splitter.restoreState(self._normal_state.get("splitter", QByteArray()))
        w.act_presentation.setChecked(w.presenting)
        w.dialogs.present(w.presenting)  # the sessions window: pseudonyms, large type, full screen
        if active is not None and active is not w and active.isVisible():
            active.raise_()
            active.activateWindow()
        w.files.rebuild_recent_menu()
        w._update_title()
        w._update_status()

    def normal_geometry(self) -> QByteArray:
        """The main window's geometry to remember: where it was before presentation mode, if it is on."""
        return self.full_screen.normal_geometry()


__all__ = ["Presentation", "PRESENTATION_ZOOM_DEFAULT"]
