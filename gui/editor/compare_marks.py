"""Marks in the two texts of the compare view: their formats, the extra selections, hover tooltips and
selecting a finding's passage.

Engine offsets (code points) become Qt positions through `OffsetMap`, so marks stay on their passage
after emoji and with Windows line ends.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip
from resonanz.core.analysis.model import Finding, Span
from resonanz.gui.app.theme import UNDERLINE, Theme
from resonanz.gui.editor.textpos import OffsetMap


def resolved_format(theme: Theme) -> QTextCharFormat:
    """A problem the revision resolved: struck through on the 'good' background."""
    fmt = QTextCharFormat()
    fmt.setFontStrikeOut(True)
    fmt.setBackground(QColor(theme.good_mark))
    fmt.setProperty(QTextCharFormat.Property.UserProperty, "resolved")
    return fmt


def new_format(theme: Theme, dimension: str) -> QTextCharFormat:
    """A problem the revision added: underlined in its dimension's style and colour."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(UNDERLINE[dimension])
    color = QColor(theme.dimension[dimension])
    fmt.setUnderlineColor(color)
    color.setAlpha(48)  # a faint tint of the same colour, so a new problem is found at a glance
    fmt.setBackground(color)
    fmt.setProperty(QTextCharFormat.Property.UserProperty, "new")
    return fmt


def mark(edit: QPlainTextEdit, text: str, marks: Iterable[tuple[Finding, QTextCharFormat, str]]) -> list[tuple[int, int, str]]:
    """Mark every span of the findings in `edit` (which shows `text`); returns (qt_start, qt_end, tooltip) per mark."""
    offsets = OffsetMap(text)
    selections, tips = [], []
    for finding, fmt, what in marks:
        for span in finding.spans:
            if span.end <= span.start:
                continue
            start, end = offsets.to_qt(span.start), offsets.to_qt(span.end)
            cursor = QTextCursor(edit.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            tips.append((start, end, f"{what}: {finding.message}"))
    edit.setExtraSelections(selections)
    return tips


def select_passage(edit: QPlainTextEdit, text: str, span: Span) -> None:
    """Select `span` of `text` in `edit` and scroll it into view."""
    offsets = OffsetMap(text)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(offsets.to_qt(span.start))
    cursor.setPosition(offsets.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()


def show_tip(edit: QPlainTextEdit, tips: list[tuple[int, int, str]], event: QEvent) -> None:
    """The tooltips of the marks under the mouse (each once), or none."""
    position = edit.cursorForPosition(event.pos()).position()
    hits = [tip for start, end, tip in tips if start <= position < end]
    if hits:
        QToolTip.showText(event.globalPos(), "\n".join(dict.fromkeys(hits)), edit.viewport(), QRect(event.pos(), QPoint(1, 1)))
    else:
        QToolTip.hideText()
