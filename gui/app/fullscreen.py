"""Full screen for presentation mode: a window's normal geometry is kept and restored exactly afterwards.

`FullScreen(window).enter()` remembers where the window was (position, size, maximised) before it
fills the screen; `leave()` puts it back there. While it is full screen, `normal_geometry()` is the
remembered geometry, so a window closed during presentation mode stores where it was before, never
the projector's full-screen rectangle. Window managers apply a state change asynchronously, so
`leave()` applies the geometry once more when the event loop has passed the change.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Qt, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["FullScreen"]


class FullScreen:
    """Full screen on and off for one top-level window, with its normal geometry kept in between."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self._normal: QByteArray | None = None
        self._rect = QRect()
        self._maximized = False

    def active(self) -> bool:
        """True between `enter()` and `leave()`."""
        return self._normal is not None

    def enter(self) -> None:
        """Remember the geometry (once) and fill the screen; a hidden window fills it when it is shown."""
        w = self.window
        if self._normal is None:
            self._normal = QByteArray(w.saveGeometry())
            self._rect, self._maximized = QRect(w.geometry()), w.isMaximized()
        if w.isVisible():
            w.showFullScreen()
        else:
            w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)

    def leave(self) -> None:
        """Back to the remembered position, size and maximised state (a hidden window stays hidden)."""
        saved, self._normal = self._normal, None
        if saved is None:
            return
        w = self.window
        if w.isVisible():
            w.showNormal()
        else:
            w.setWindowState(w.windowState() & ~Qt.WindowState.WindowFullScreen)
        self._restore(saved)
        QTimer.singleShot(0, w, lambda: self._settle(saved))

    def normal_geometry(self) -> QByteArray:
        """The geometry to store: the remembered one while full screen, else the window's own."""
        return QByteArray(self._normal) if self._normal is not None else self.window.saveGeometry()

    def _restore(self, saved: QByteArray) -> None:
        """Maximised again, or exactly the rectangle it had (restoreGeometry alone would shrink a
        window that is larger than the screen it is on)."""
        if self._maximized:
            self.window.restoreGeometry(saved)
        else:
            self.window.setGeometry(self._rect)

    def _settle(self, saved: QByteArray) -> None:
        """The window system may still have moved the window while leaving full screen: apply it again."""
        w = self.window
        if self._normal is None and not w.isFullScreen() and (w.isMaximized() != self._maximized or (not self._maximized and w.geometry() != self._rect)):
            self._restore(saved)
