"""Where the editor draws the feed fold ("… more") so that it hides no character.

The marker has two parts: a thin bar at the fold itself (between two characters, also mid-word) and
the tag that names it. The tag never lies over text: it goes into the free room after the last
character of the fold's line, else of one of the next lines (the hidden text), else of the line before;
if none of them has room it shrinks to a small flag in the right document margin, where Qt never
lays out a glyph. Everything is measured with the document layout (`QTextLine`), in viewport
coordinates, so the same rectangles serve painting and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

GAP_EM = 0.6  # room between the end of a line's text and the tag, in tag-font ems
EDGE = 2.0  # room kept free at the viewport's right edge
FOLLOWING = 3  # lines after the fold's line that may carry the tag (they hold the hidden text)


@dataclass(frozen=True)
class FoldMarker:
    """Geometry of one fold marker in viewport coordinates."""

    bar: QRectF  # the cut: a thin vertical bar at the fold
    tag: QRectF  # the tag (or, if `compact`, the small flag in the right margin)
    compact: bool  # no line near the fold has room for the label: the flag carries no text
    font: QFont  # the tag's font


def tag_font(editor: QPlainTextEdit) -> QFont:
    font = QFont(editor.font())
    font.setPointSizeF(max(6.0, editor.font().pointSizeF() * 0.68))
    font.setBold(True)
    return font


def _line_box(editor: QPlainTextEdit, block: QTextBlock, index: int) -> tuple[QRectF, float] | None:
    """(rectangle of the whole line, x where its text ends) of line `index` of `block`, or None."""
    layout = block.layout()
    if layout is None or not block.isVisible() or not 0 <= index < layout.lineCount():
        return None
    line = layout.lineAt(index)
    origin = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).topLeft()
    left = origin.x() + line.x()
    box = QRectF(left, origin.y() + line.y(), line.width(), line.height())
    return box, left + line.naturalTextWidth()


def _candidate_lines(editor: QPlainTextEdit, block: QTextBlock, index: int):
    """The fold's line, up to FOLLOWING lines after it (the hidden text), then the line before it."""
    yield _line_box(editor, block, index)
    here, at = block, index
    for _ in range(FOLLOWING):
        if at + 1 < here.layout().lineCount():
            at += 1
        else:
            here, at = here.next(), 0
            if not here.isValid() or here.layout() is None:
                break
        yield _line_box(editor, here, at)
    if index > 0:
        yield _line_box(editor, block, index - 1)
    else:
        before = block.previous()
        if before.isValid() and before.layout() is not None:
            yield _line_box(editor, before, before.layout().lineCount() - 1)


def fold_marker(editor: QPlainTextEdit, fold: QTextCursor, label: str) -> FoldMarker | None:
    """Where bar and tag go for the fold at `fold`'s position; None if the fold's line is not laid out."""
    block = fold.block()
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return None
    line = layout.lineForTextPosition(fold.position() - block.position())
    if not line.isValid():
        return None
    fold_box = _line_box(editor, block, line.lineNumber())
    if fold_box is None:
        return None
    line_rect = fold_box[0]
    x = line_rect.left() - line.x() + line.cursorToX(fold.position() - block.position())[0]  # cursorToX includes line.x()
    bar = QRectF(round(x) - 1.0, line_rect.top(), 2.0, line_rect.height())
    font = tag_font(editor)
    metrics = QFontMetricsF(font)
    limit = editor.viewport().width() - EDGE
    if label:
        pad_x, pad_y = 5.0, 1.0
        w = metrics.horizontalAdvance(label) + 2 * pad_x
        h = metrics.height() + 2 * pad_y
        gap = GAP_EM * metrics.height()
        for found in _candidate_lines(editor, block, line.lineNumber()):
            if found is None:
                continue
            box, text_end = found
            left = max(text_end + gap, box.left())
            if left + w <= limit and h <= box.height():
                return FoldMarker(bar, QRectF(left, box.top() + (box.height() - h) / 2, w, h), False, font)
    # no room anywhere near (or no label): a flag in the right document margin, beside the fold's line
    margin = editor.document().documentMargin()
    right = editor.viewport().width() - EDGE
    left = max(right - margin + EDGE + 1, line_rect.right() + 1)
    flag = QRectF(left, line_rect.top() + line_rect.height() * 0.15, max(right - left, 1.0), line_rect.height() * 0.7)
    return FoldMarker(bar, flag, True, font)


def paint_fold_marker(painter: QPainter, marker: FoldMarker, colour: QColor, label: str) -> None:
    """Draw the bar and the tag (with the label unless the tag is the compact flag)."""
    painter.fillRect(marker.bar, colour)
    tag = marker.tag
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    radius = min(tag.width(), tag.height()) / 2.5
    painter.drawRoundedRect(tag, radius, radius)
    if label and not marker.compact:
        painter.setPen(QPen(QColor("#000000" if colour.lightnessF() > 0.6 else "#ffffff")))
        painter.setFont(marker.font)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)


__all__ = ["FoldMarker", "fold_marker", "paint_fold_marker", "tag_font"]
