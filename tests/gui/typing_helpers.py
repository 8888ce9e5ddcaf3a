"""Type into Qt widgets the way a person does, including umlauts, €, — and emoji.

pytest-qt's `qtbot.keyClicks` aborts the whole process on lower-case umlauts, é, —, € (an
assertion in Qt's qasciikey.cpp, see ../shared/docs/STACK_NOTES.md). Non-ASCII characters are
sent as real key events with Qt.Key_unknown and the character as text instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Send `text` to `widget` key by key (ASCII via qtbot, everything else as raw key events)."""
    for ch in text:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii() and ch.isprintable():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
