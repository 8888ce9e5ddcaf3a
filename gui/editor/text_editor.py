"""The draft editor: a plain-text editor that marks the engine's findings in the text.

Marks are `QTextEdit.ExtraSelection`s, never changes to the document: typing, undo/redo, the
cursor and the user's selection behave exactly as without marks. The selections' cursors are
tracked by the document, so marks move with the text while the user keeps typing until the next
analysis replaces them.

Every span crosses from Python offsets (code points) to Qt positions (UTF-16 units) through
`OffsetMap`; a result is only painted if it was computed for exactly the text on screen.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget
from resonanz.core.analysis.model import Finding
from resonanz.gui.editor.fold_marker import FoldMarker, fold_marker, paint_fold_marker
from resonanz.gui.editor.textpos import OffsetMap
from resonanz.gui.app.settings import editor_config
from resonanz.gui.app.theme import UNDERLINE, Theme, system_theme

#: Marked severities ("info" is not marked; "good" gets a background, the rest an underline).
#: Paint order: later selections are drawn over earlier ones, so stronger problems end up on top.
_PAINT_ORDER = {"good": 0, "suggestion": 1, "warning": 2, "error": 3}

BASE_POINT_SIZE = 12
ZOOM_STEP_POINTS = 2
MIN_ZOOM_STEPS = -3  # 6 pt
MAX_ZOOM_STEPS = 18  # 48 pt

# Bound once at import: PySide creates enum members lazily, which costs milliseconds on first use.
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor
_TO_END = QTextCursor.MoveOperation.End
_TOOLTIP = QEvent.Type.ToolTip
_LANGUAGE_CHANGE = QEvent.Type.LanguageChange


@lru_cache(maxsize=1)
def live_mark_limits() -> tuple[int, int, int]:
    """(max_characters, visible_margin, max_marks) from resources/editor.toml: above max_characters
    only findings within visible_margin of the visible part are marked, at most max_marks of them."""
    data = editor_config()["live_marks"]
    return int(data["max_characters"]), int(data["visible_margin"]), int(data["max_marks"])


class DraftEditor(QPlainTextEdit):
    """Plain-text editor for a post draft that shows findings as underlines and the feed fold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme: Theme = system_theme()
        self._formats: dict[tuple[str, str], QTextCharFormat] = {}
        self._muted_format = QTextCharFormat()
        # one entry per extra selection that marks a finding: (finding, tracked cursor, format key)
        self._marks: list[tuple[Finding, QTextCursor, tuple[str, str]]] = []
        self._fold_cursor: QTextCursor | None = None  # selection from the fold to the end
        self._fold_point: QTextCursor | None = None  # caret-like cursor at the fold, for painting
        self._fold_label = ""
        self._zoom_steps = 0
        # a draft over the live-mark limit: every mark as (finding, qt start, qt end, format key),
        # of which only those near the visible part get a selection (`_mark_visible`)
        self._limited = False
        self._candidates: list[tuple[Finding, int, int, tuple[str, str]]] = []
        self._offsets: OffsetMap | None = None  # of the analysed text, while limited
        self._candidates_revision = -1  # document revision the candidates' positions belong to
        self._visible_timer = QTimer(self, singleShot=True, interval=60, timeout=self._mark_visible)
        self.verticalScrollBar().valueChanged.connect(self._schedule_visible_marks)

        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(BASE_POINT_SIZE)
        self.setFont(font)
        self._rebuild_formats()
        self._install_selections()
        self.viewport().update()  # first access costs ~20 ms of one-time binding setup: pay it here
        self.retranslate()

    # ------------------------------------------------------------------ texts and language

    def retranslate(self) -> None:
        """Set every user-visible string (again, after a language change)."""
        self.setAccessibleName(self.tr("Draft"))
        self.setAccessibleDescription(self.tr("Text of the post; passages the coach comments on are underlined"))
        self.setPlaceholderText(self.tr("Write or paste your post here…"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == _LANGUAGE_CHANGE:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ theme and formats

    def theme(self) -> Theme:
        """The theme marks and the fold marker are drawn in."""
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Recolour the marks and the fold marker; the marks stay where they are."""
        self._theme = theme
        self._rebuild_formats()
        self._install_selections()
        self.viewport().update()

    def _rebuild_formats(self) -> None:
        self._formats = {}
        self._muted_format = QTextCharFormat()
        self._muted_format.setForeground(QColor(self._theme.muted))

    def _format(self, dimension: str, severity: str) -> QTextCharFormat:
        """The (shared) character format of one kind of mark."""
        key = (dimension, severity)
        fmt = self._formats.get(key)
        if fmt is None:
            theme = self._theme
            fmt = QTextCharFormat()
            colour = QColor(theme.dimension.get(dimension, theme.accent))
            if severity == "good":
                fmt.setBackground(QColor(theme.good_mark))
            else:
                fmt.setUnderlineStyle(UNDERLINE.get(dimension, QTextCharFormat.UnderlineStyle.SingleUnderline))
                if severity == "suggestion":
                    colour.setAlpha(170)  # a little lighter than warnings, still clearly visible
                fmt.setUnderlineColor(colour)
                if severity == "error":
                    tint = QColor(theme.light.get("red", "#c62828"))
                    tint.setAlpha(40)
                    fmt.setBackground(tint)
            self._formats[key] = fmt
        return fmt

    # ------------------------------------------------------------------ analysis results

    def show_analysis(self, text_snapshot: str, findings: Sequence[Finding], fold: int | None, fold_label: str) -> bool:
        """Mark `findings` (spans in Python offsets of `text_snapshot`) and the fold.

        Does nothing and returns False if the editor's text is no longer `text_snapshot`
        (the user typed on while the analysis ran): a stale result never paints over newer text.
        """
        if self.toPlainText() != text_snapshot:
            return False
        offsets = OffsetMap(text_snapshot)
        n = len(text_snapshot)
        doc = self.document()
        # (finding, start, end, format key) in Python offsets; "info" and anything unknown: not marked
        spans = [(f, s.start, s.end, (f.dimension, f.severity)) for f in findings if f.severity in _PAINT_ORDER for s in f.spans]
        self._limited = n > live_mark_limits()[0]
        if self._limited:  # too long to mark everything: only near the visible part, again after scrolling
            self._candidates, self._offsets, self._candidates_revision = spans, offsets, doc.revision()
            self._marks = self._visible_marks()
        else:
            self._candidates, self._offsets = [], None
            self._marks = _sorted_marks((finding, _cursor(doc, offsets, start, end), key) for finding, start, end, key in spans)

        self._fold_label = fold_label
        if fold is not None and 0 <= fold <= n:
            cursor = QTextCursor(doc)
            cursor.setPosition(offsets.to_qt(fold))
            self._fold_point = QTextCursor(cursor)  # copy before it gets a selection: stays at the fold
            cursor.movePosition(_TO_END, _KEEP_ANCHOR)
            self._fold_cursor = cursor
        else:
            self._fold_cursor = self._fold_point = None
        self._install_selections()
        self.viewport().update()
        return True

    def marks_limited(self) -> bool:
        """True while the shown draft is over the live-mark limit (only the visible part is marked)."""
        return self._limited

    def _schedule_visible_marks(self) -> None:
        if self._limited:
            self._visible_timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override: a larger viewport shows more text
        super().resizeEvent(event)
        self._schedule_visible_marks()

    def _visible_marks(self) -> list[tuple[Finding, QTextCursor, tuple[str, str]]]:
        """Marks for the candidates in and near the visible part, at most `max_marks`."""
        corner, to_py = QPoint(self.viewport().width() - 1, self.viewport().height() - 1), self._offsets.to_py
        near = _near(self._candidates, to_py(self.cursorForPosition(QPoint(0, 0)).position()), to_py(self.cursorForPosition(corner).position()))
        return _sorted_marks((finding, _cursor(self.document(), self._offsets, start, end), key) for finding, start, end, key in near)

    def _mark_visible(self) -> None:
        """After scrolling a long draft: mark what is visible now (if the text is still the analysed one)."""
        if not self._limited or self.document().revision() != self._candidates_revision:
            return  # typed since: the positions are stale; the next analysis marks again
        self._marks = self._visible_marks()
        self._install_selections()
        self.viewport().update()

    def clear_analysis(self) -> None:
        """Remove every mark and the fold marker."""
        self._marks = []
        self._limited, self._candidates, self._offsets = False, [], None
        self._fold_cursor = self._fold_point = None
        self._install_selections()
        self.viewport().update()

    def _install_selections(self) -> None:
        selections = []
        for _finding, cursor, key in self._marks:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = self._format(*key)
            selections.append(sel)
        if self._fold_cursor is not None:
            # last: it redraws the hidden part's glyphs muted, over backgrounds and under nothing
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._fold_cursor
            sel.format = self._muted_format
            selections.append(sel)
        self.setExtraSelections(selections)

    def fold_position(self) -> int | None:
        """Qt position of the fold marker (it moves with edits), or None."""
        return None if self._fold_point is None else self._fold_point.position()

    def findings_at(self, qt_position: int) -> list[Finding]:
        """Marked findings whose span covers the character at `qt_position` (each finding once)."""
        found: list[Finding] = []
        seen: set[int] = set()
        for finding, cursor, _key in self._marks:
            if cursor.selectionStart() <= qt_position < cursor.selectionEnd() and id(finding) not in seen:
                seen.add(id(finding))
                found.append(finding)
        found.sort(key=lambda f: -_PAINT_ORDER[f.severity])  # strongest first
        return found

    # ------------------------------------------------------------------ tooltips

    def tooltip_html_at(self, qt_position: int) -> str:
        """Rich-text tooltip for the findings at `qt_position`; "" if there are none."""
        findings = self.findings_at(qt_position)
        if not findings:
            return ""
        parts = []
        for f in findings:
            colour = self._theme.dimension.get(f.dimension, self._theme.accent)
            block = f'<p style="margin:0 0 6px 0"><span style="color:{colour}">■</span> <b>{html.escape(f.message)}</b>'
            if f.suggestion:
                block += f"<br>→ {html.escape(f.suggestion)}"
            parts.append(block + "</p>")
        return "<qt>" + "".join(parts) + "</qt>"

    def _position_under(self, viewport_pos: QPoint) -> int | None:
        """Qt position of the character under a viewport point, or None if there is no character."""
        cursor = self.cursorForPosition(viewport_pos)
        rect = self.cursorRect(cursor)
        if not (rect.top() <= viewport_pos.y() <= rect.bottom()):
            return None  # below the last line
        position = cursor.position()
        if viewport_pos.x() < rect.left():  # the click point rounded to the boundary after the character
            position -= 1
        else:  # right of the line's end: no character there
            after = QTextCursor(cursor)
            after.movePosition(QTextCursor.MoveOperation.NextCharacter)
            after_rect = self.cursorRect(after)
            if after.position() == position or after_rect.top() != rect.top():
                if viewport_pos.x() > rect.left() + 2:
                    return None
                position -= 1
        return position if position >= 0 else None

    def _show_tooltip(self, event: QHelpEvent, viewport_pos: QPoint) -> bool:
        position = self._position_under(viewport_pos)
        text = self.tooltip_html_at(position) if position is not None else ""
        if text:
            QToolTip.showText(event.globalPos(), text, self.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True

    def event(self, event: QEvent) -> bool:
        """Tooltips with the findings under the mouse."""
        if event.type() == _TOOLTIP:
            return self._show_tooltip(event, self.viewport().mapFrom(self, event.pos()))
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        """Tooltips over the text."""
        # help events over the text arrive at the viewport, not at the editor itself
        if event.type() == _TOOLTIP:
            return self._show_tooltip(event, event.pos())
        return super().viewportEvent(event)

    # ------------------------------------------------------------------ navigation and zoom

    def select_span(self, start: int, end: int, focus: bool = True) -> None:
        """Select the passage [start, end) given in Python offsets, scroll to it and (if `focus`) focus the editor."""
        text = self.toPlainText()
        offsets = OffsetMap(text)
        n = len(text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        cursor = QTextCursor(self.document())
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), _KEEP_ANCHOR)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if focus:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def zoom_steps(self) -> int:
        """How many steps the font is zoomed in (negative: out) from the 12 pt base."""
        return self._zoom_steps

    def set_zoom_steps(self, steps: int) -> None:
        """Font size = 12 pt + 2 pt per step; clamped to 6..48 pt."""
        steps = max(MIN_ZOOM_STEPS, min(MAX_ZOOM_STEPS, int(steps)))
        self._zoom_steps = steps
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE + ZOOM_STEP_POINTS * steps)
        self.setFont(font)
        self.viewport().update()

    # ------------------------------------------------------------------ fold marker

    def fold_marker(self) -> FoldMarker | None:
        """Where the fold's bar and tag are drawn (viewport coordinates), or None without a fold."""
        if self._fold_point is None:
            return None
        return fold_marker(self, self._fold_point, self._fold_label)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text (with marks), then the fold marker: a bar at the fold, the tag where it hides no character."""
        super().paintEvent(event)
        marker = self.fold_marker()
        if marker is None or not marker.bar.united(marker.tag).intersects(QRectF(event.rect())):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_fold_marker(painter, marker, QColor(self._theme.fold), self._fold_label)
        painter.end()


def _cursor(doc, offsets: OffsetMap, start: int, end: int) -> QTextCursor:
    """A tracked cursor selecting the Python offsets [start, end) (clamped to the text)."""
    n = len(offsets.text)
    start = min(max(start, 0), n)
    cursor = QTextCursor(doc)
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(min(max(end, start), n)), _KEEP_ANCHOR)
    return cursor


def _sorted_marks(marks) -> list[tuple[Finding, QTextCursor, tuple[str, str]]]:
    """Marks in paint order (stable: engine order within a severity)."""
    return sorted(marks, key=lambda m: _PAINT_ORDER[m[2][1]])


def _near(candidates: list, top: int, bottom: int) -> list:
    """The candidates within `visible_margin` of the offsets [top, bottom], the visible ones
    first, then the nearest; at most `max_marks` of them (resources/editor.toml)."""
    _limit, margin, max_marks = live_mark_limits()
    near = [c for c in candidates if c[1] < bottom + margin and c[2] > top - margin]
    near.sort(key=lambda c: max(top - c[2], c[1] - bottom, 0))
    return near[:max_marks]
