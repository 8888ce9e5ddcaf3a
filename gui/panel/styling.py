"""Small styling helpers shared by the gauges, the findings tree and the panel: fonts, text colour, chevrons, signed points."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QWidget

MINUS = "\u2212"


def signed(points: int) -> str:
    """+15, −10 (typographic minus), 0."""
    return f"+{points}" if points > 0 else f"{MINUS}{-points}" if points < 0 else "0"


def _font(base: QFont, scale: float = 1.0, bold: bool = False) -> QFont:
    font = QFont(base)
    if scale != 1.0:
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * scale)))
    font.setBold(bold)
    return font


def _paint(widget: QWidget, color: str | QColor) -> None:
    """Give `widget` its own text colour; every other palette role still follows the parent."""
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.WindowText, QColor(color))
    pal.setColor(QPalette.ColorRole.Text, QColor(color))
    widget.setPalette(pal)


def _weight(widget: QWidget, bold: bool = False, italic: bool = False) -> None:
    """Bold/italic only: the size keeps following the panel (presentation mode)."""
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    widget.setFont(font)


def _chevron(painter: QPainter, center: QPointF, size: float, open_: bool, color: QColor) -> None:
    """A small filled triangle: ▸ closed, ▾ open (painted, so no font is needed)."""
    h = size / 2
    if open_:
        points = [QPointF(center.x() - h, center.y() - h * 0.55), QPointF(center.x() + h, center.y() - h * 0.55), QPointF(center.x(), center.y() + h * 0.65)]
    else:
        points = [QPointF(center.x() - h * 0.55, center.y() - h), QPointF(center.x() + h * 0.65, center.y()), QPointF(center.x() - h * 0.55, center.y() + h)]
    path = QPainterPath(points[0])
    path.lineTo(points[1])
    path.lineTo(points[2])
    path.closeSubpath()
    painter.fillPath(path, color)
