"""Charts of the PDF report as vector objects: a QTextObjectInterface that paints Chart blocks with QPainter.

Radar and line charts with their legends; in the PDF they stay vector paths and real text.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)
from resonanz.core.reports.model import Chart
from resonanz.gui.panel.charts import draw_marker
from resonanz.gui.reports.pdf_style import (
    _CHART_INDEX,
    SERIES_COLORS,
    SERIES_MARKERS,
    SERIES_STYLES,
    TEXT,
    _font,
    _one_line,
    _screen_dpi,
)


class _ChartObject(QPyTextObject):
    """Draws Chart blocks with QPainter wherever the document is painted (PDF: vector paths and real text)."""

    def __init__(self, parent: QTextDocument, u: float) -> None:
        super().__init__(parent)
        self.u = u
        self.items: list[tuple[Chart, float, bool]] = []

    def add(self, chart: Chart, width_pt: float, show_title: bool) -> int:
        self.items.append((chart, width_pt, show_title))
        return len(self.items) - 1

    def _size_pt(self, index: int) -> QSizeF:
        chart, width, show_title = self.items[index]
        legend = 16 * _legend_rows(chart, width)
        title = 16 if show_title else 0
        if chart.kind == "radar":
            radius, _label_w, label_h = _radar_geometry(chart, width)
            return QSizeF(width, 2 * (radius + RADAR_GAP + label_h) + 6 + legend + title)
        return QSizeF(width, 175 + legend + title)

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        size = self._size_pt(fmt.intProperty(_CHART_INDEX))
        return QSizeF(size.width() * self.u, size.height() * self.u)

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int, fmt: QTextFormat) -> None:
        index = fmt.intProperty(_CHART_INDEX)
        if not 0 <= index < len(self.items):
            return
        chart, width, show_title = self.items[index]
        u = rect.height() / self._size_pt(index).height()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(rect)
        if show_title:
            painter.setFont(_font(9, True))
            painter.setPen(QColor(TEXT))
            painter.drawText(QRectF(area.left(), area.top(), area.width(), 14 * u), Qt.AlignmentFlag.AlignCenter, _one_line(chart.title))
            area.setTop(area.top() + 16 * u)
        legend_h = 16 * u * _legend_rows(chart, width)
        plot = QRectF(area.left(), area.top(), area.width(), area.height() - legend_h)
        if chart.kind == "radar":
            _draw_radar(painter, plot, chart, u)
        else:
            _draw_line(painter, plot, chart, u)
        _draw_legend(painter, QRectF(area.left(), plot.bottom(), area.width(), legend_h), chart, u)
        painter.restore()


def _series_style(chart: Chart, k: int) -> tuple[QColor, Qt.PenStyle, str]:
    """Colour, dash and marker of series k; on a radar the last series is the current one (solid, filled)."""
    if chart.kind == "radar" and len(chart.series) > 1:
        if k == len(chart.series) - 1:
            return QColor(SERIES_COLORS[0]), Qt.PenStyle.SolidLine, "circle"
        return QColor("#868e96"), Qt.PenStyle.DashLine, "square"
    return QColor(SERIES_COLORS[k % len(SERIES_COLORS)]), SERIES_STYLES[k % len(SERIES_STYLES)], SERIES_MARKERS[k % len(SERIES_MARKERS)]


def _legend_rows(chart: Chart, width_pt: float) -> int:
    """Legend rows needed (estimated from character counts so the size is known before painting)."""
    if not chart.series:
        return 0
    rows, used = 1, 0.0
    for s in chart.series:
        item = 30 + 5.2 * len(s.name)
        if used and used + item > width_pt:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def _draw_legend(painter: QPainter, rect: QRectF, chart: Chart, u: float) -> None:
    font = _font(8)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    items = [(_one_line(s.name), *_series_style(chart, k)) for k, s in enumerate(chart.series)]
    rows: list[list[tuple[str, QColor, Qt.PenStyle, str, float]]] = [[]]
    used = 0.0
    for name, color, style, marker in items:
        w = 24 * u + metrics.horizontalAdvance(name) + 12 * u
        if rows[-1] and used + w > rect.width():
            rows.append([])
            used = 0.0
        rows[-1].append((name, color, style, marker, w))
        used += w
    for r, row in enumerate(rows):
        x = rect.left() + (rect.width() - sum(item[4] for item in row)) / 2
        y = rect.top() + (r + 0.5) * 16 * u
        for name, color, style, marker, w in row:
            painter.setPen(QPen(color, 1.4 * u, style))
            painter.drawLine(QPointF(x, y), QPointF(x + 18 * u, y))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            draw_marker(painter, marker, QPointF(x + 9 * u, y), 2.4 * u)
            painter.setPen(QColor(TEXT))
            painter.drawText(QPointF(x + 24 * u, y + metrics.ascent() / 2 - 1 * u), name)
            x += w


RADAR_GAP = 5.0  # points between the outer ring and an axis label
RADAR_MAX_RADIUS = 78.0


def _radar_geometry(chart: Chart, width_pt: float) -> tuple[float, float, float]:
    """Radius, widest label and label height in points: the radar as large as its labels leave room for."""
    metrics = QFontMetricsF(_font(8))  # at Qt's default dpi; converted to points below
    to_pt = 72 / _screen_dpi()
    label_w = max((metrics.horizontalAdvance(_one_line(t)) for t in chart.labels), default=0.0) * to_pt
    radius = max(20.0, min(RADAR_MAX_RADIUS, (width_pt - 2 * (label_w + RADAR_GAP)) / 2 - 2))
    return radius, label_w, metrics.height() * to_pt


def _draw_radar(painter: QPainter, rect: QRectF, chart: Chart, u: float) -> None:
    n = max(len(chart.labels), 3)
    font = _font(8)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    labels = [_one_line(label) for label in chart.labels]
    gap = RADAR_GAP * u
    radius = _radar_geometry(chart, rect.width() / u)[0] * u
    center = rect.center()

    def point(i: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return QPointF(center.x() + radius * value / 100 * math.cos(angle), center.y() + radius * value / 100 * math.sin(angle))

    painter.setBrush(Qt.BrushStyle.NoBrush)
    for ring in (25, 50, 75, 100):
        painter.setPen(QPen(QColor("#c9cdd2" if ring == 100 else "#e3e6e9"), (0.8 if ring == 100 else 0.6) * u))
        painter.drawPolygon(QPolygonF([point(i, ring) for i in range(n)]))
    painter.setPen(QPen(QColor("#e3e6e9"), 0.6 * u))
    for i in range(n):
        painter.drawLine(center, point(i, 100))
    for k, series in enumerate(chart.series):
        color, style, marker = _series_style(chart, k)
        polygon = QPolygonF([point(i, max(0, min(100, v))) for i, v in enumerate(series.values[:n])])
        fill = QColor(color)
        fill.setAlphaF(0.16 if style == Qt.PenStyle.SolidLine else 0.0)
        painter.setBrush(fill)
        painter.setPen(QPen(color, 1.5 * u, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolygon(polygon)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for p in polygon:
            draw_marker(painter, marker, p, 2.2 * u)
    painter.setFont(font)
    painter.setPen(QColor(TEXT))
    for i, text in enumerate(labels[:n]):
        p = point(i, 100)
        angle = -math.pi / 2 + 2 * math.pi * i / n
        dx, dy = math.cos(angle), math.sin(angle)
        w, h = metrics.horizontalAdvance(text), metrics.height()
        if abs(dx) < 0.3:
            x = p.x() - w / 2
        else:
            x = p.x() + gap if dx > 0 else p.x() - gap - w
        if abs(dy) < 0.3:
            y = p.y() - h / 2
        else:
            y = p.y() + gap * 0.6 if dy > 0 else p.y() - gap * 0.6 - h
        painter.drawText(QPointF(x, y + metrics.ascent()), text)


def _draw_line(painter: QPainter, rect: QRectF, chart: Chart, u: float) -> None:
    font = _font(7.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    left = rect.left() + metrics.horizontalAdvance("100") + 8 * u
    right = rect.right() - 8 * u
    top = rect.top() + 6 * u
    bottom = rect.bottom() - metrics.height() - 8 * u
    n = len(chart.labels)

    def xy(i: int, v: float) -> QPointF:
        x = left + ((right - left) * i / (n - 1) if n > 1 else (right - left) / 2)
        return QPointF(x, bottom - (bottom - top) * max(0, min(100, v)) / 100)

    for v in (0, 25, 50, 75, 100):
        y = xy(0, v).y()
        painter.setPen(QPen(QColor("#c9cdd2" if v == 0 else "#e3e6e9"), (0.8 if v == 0 else 0.6) * u))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(QColor("#7b838c"))
        label = str(v)
        painter.drawText(QPointF(left - 5 * u - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1 * u), label)
    step = max(1, math.ceil(n / 30))
    for i, text in enumerate(chart.labels):
        if i % step and i != n - 1:
            continue
        p = xy(i, 0)
        text = _one_line(text)
        painter.drawText(QPointF(p.x() - metrics.horizontalAdvance(text) / 2, bottom + 5 * u + metrics.ascent()), text)
    for k, series in enumerate(chart.series):
        color, style, marker = _series_style(chart, k)
        points = [xy(i, v) for i, v in enumerate(series.values[:n])]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, 1.5 * u, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline(QPolygonF(points))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for p in points:
            draw_marker(painter, marker, p, 2.4 * u)
