"""Two small charts painted with QPainter: the four scores as a radar, and the scores over revisions.

No QtCharts: it is not part of PySide6-Essentials, and two hand-painted charts are a few dozen
lines each. Both follow the widget's font (presentation mode enlarges it) and the Theme's colours;
lines differ in style as well as colour, so they stay apart in greyscale or on a washed-out projector.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget
from resonanz.gui.app.theme import DIMENSION_ORDER, LIGHT, Theme

#: Angles of the radar axes in screen coordinates: dialogue top, shareability right, clarity bottom, platform fit left.
_AXIS = {"dialogue": (0.0, -1.0), "shareability": (1.0, 0.0), "clarity": (0.0, 1.0), "platform_fit": (-1.0, 0.0)}
#: One line style and marker per dimension (same order as the editor's underline styles).
LINE_STYLE = {
    "dialogue": Qt.PenStyle.SolidLine,
    "shareability": Qt.PenStyle.DashLine,
    "clarity": Qt.PenStyle.DotLine,
    "platform_fit": Qt.PenStyle.DashDotLine,
}
MARKER = {"dialogue": "circle", "shareability": "square", "clarity": "triangle", "platform_fit": "diamond"}
#: The traffic-light thresholds (common.toml: red_below, green_from).
THRESHOLDS = (40, 70)


def _scale(widget: QWidget) -> float:
    """Line widths and gaps grow with the font (presentation mode)."""
    return max(1.0, QFontMetricsF(widget.font()).height() / 15.0)


def draw_marker(painter: QPainter, kind: str, center: QPointF, radius: float) -> None:
    """A small filled shape (circle, square, triangle, diamond) centred on `center`."""
    x, y, r = center.x(), center.y(), radius
    if kind == "square":
        painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif kind == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.1), QPointF(x + r, y + r * 0.8), QPointF(x - r, y + r * 0.8)]))
    elif kind == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.15), QPointF(x + r * 1.15, y), QPointF(x, y + r * 1.15), QPointF(x - r * 1.15, y)]))
    else:
        painter.drawEllipse(center, r, r)


class RadarChart(QWidget):
    """The four scores on four axes (0 in the centre, 100 at the tips), optionally over the original's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scores: dict[str, int] = {}
        self._compare: dict[str, int] | None = None
        self._labels: dict[str, str] = {d: d.replace("_", " ").capitalize() for d in DIMENSION_ORDER}
        self._theme: Theme = LIGHT
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------------ API
    def set_scores(self, scores: Mapping[str, int], compare: Mapping[str, int] | None = None) -> None:
        """Show `scores` (filled) and, if given, `compare` (dashed outline, e.g. the original draft)."""
        self._scores = {d: int(scores[d]) for d in DIMENSION_ORDER if d in scores}
        self._compare = None if compare is None else {d: int(compare[d]) for d in DIMENSION_ORDER if d in compare}
        self.update()

    def set_labels(self, labels: Mapping[str, str]) -> None:
        """Axis names, already translated."""
        self._labels.update(labels)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def scores(self) -> dict[str, int]:
        """The scores shown."""
        return dict(self._scores)

    # ------------------------------------------------------------------ Qt
    def sizeHint(self) -> QSize:
        side = int(220 * _scale(self))
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = int(120 * _scale(self))
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.updateGeometry()

    def paintEvent(self, _event) -> None:
        theme = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        s = _scale(self)
        gap = 4 * s
        side_label = max(fm.horizontalAdvance(self._labels.get(d, "")) for d in ("shareability", "platform_fit"))
        # the chart square, leaving room for a label line above and below and the side labels
        radius = min((self.width() - 2 * (side_label + 2 * gap)) / 2, (self.height() - 2 * (fm.height() + gap)) / 2 - gap)
        radius = max(radius, 10.0)
        c = QPointF(self.width() / 2, self.height() / 2)

        def at(dimension: str, value: float) -> QPointF:
            dx, dy = _AXIS[dimension]
            return QPointF(c.x() + dx * radius * value / 100, c.y() + dy * radius * value / 100)

        # rings and axes
        grid = QColor(theme.border)
        for ring in (25, 50, 75, 100):
            pen = QPen(grid, (1.6 if ring == 100 else 1.0) * s)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([at(d, ring) for d in DIMENSION_ORDER]))
        painter.setPen(QPen(grid, 1.0 * s))
        for d in DIMENSION_ORDER:
            painter.drawLine(c, at(d, 100))

        # the original, dashed
        if self._compare and len(self._compare) == 4:
            pen = QPen(QColor(theme.muted), 1.6 * s, Qt.PenStyle.DashLine)
            pen.setDashPattern([4, 3])
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([at(d, max(self._compare[d], 2)) for d in DIMENSION_ORDER]))

        # the current scores, filled
        if len(self._scores) == 4:
            accent = QColor(theme.accent)
            fill = QColor(accent)
            fill.setAlpha(70 if theme.name != "high_contrast" else 110)
            painter.setPen(QPen(accent, 2.0 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(fill)
            painter.drawPolygon(QPolygonF([at(d, max(self._scores[d], 2)) for d in DIMENSION_ORDER]))
            for d in DIMENSION_ORDER:
                painter.setPen(QPen(QColor(theme.window), 1.2 * s))
                painter.setBrush(QColor(theme.dimension[d]))
                draw_marker(painter, "circle", at(d, max(self._scores[d], 2)), 3.6 * s)

        # axis names
        painter.setPen(QColor(theme.text))
        painter.setFont(self.font())
        h = fm.height()
        top, right, bottom, left = (at(d, 100) for d in DIMENSION_ORDER)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        painter.drawText(QRectF(0, top.y() - gap - h, self.width(), h), Qt.AlignmentFlag.AlignHCenter | flags, self._labels["dialogue"])
        painter.drawText(QRectF(0, bottom.y() + gap, self.width(), h), Qt.AlignmentFlag.AlignHCenter | flags, self._labels["clarity"])
        painter.drawText(QRectF(right.x() + 2 * gap, right.y() - h / 2, self.width(), h), Qt.AlignmentFlag.AlignLeft | flags, self._labels["shareability"])
        painter.drawText(QRectF(0, left.y() - h / 2, left.x() - 2 * gap, h), Qt.AlignmentFlag.AlignRight | flags, self._labels["platform_fit"])
        painter.end()


class HistoryChart(QWidget):
    """One line per dimension over the saved revisions (x: revision, y: 0-100), with the light thresholds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[dict[str, int]] = []
        self._x_labels: list[str] = []
        self._labels: dict[str, str] = {d: d.replace("_", " ").capitalize() for d in DIMENSION_ORDER}
        self._theme: Theme = LIGHT
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()

    # ------------------------------------------------------------------ API
    def set_history(self, points: Sequence[Mapping[str, int]], labels: Sequence[str] = ()) -> None:
        """Scores per revision, oldest first; `labels` name the revisions (default 1, 2, 3 …). A
        revision without scores (too little text to judge: an empty mapping) is skipped, label and all."""
        labels = list(labels)
        kept = [i for i, p in enumerate(points) if p]
        self._points = [{d: int(points[i].get(d, 0)) for d in DIMENSION_ORDER} for i in kept]
        self._x_labels = [str(labels[i]) for i in kept if i < len(labels)] if labels else []
        self.update()

    def set_labels(self, labels: Mapping[str, str]) -> None:
        """Legend names of the dimensions, already translated."""
        self._labels.update(labels)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def point_count(self) -> int:
        """How many revisions are shown."""
        return len(self._points)

    def empty_text(self) -> str:
        """What the chart says while there is nothing to draw."""
        return self._empty

    def retranslate(self) -> None:
        self._empty = self.tr("No revisions yet")
        self._empty_hint = self.tr("Save a revision to follow the scores from version to version.")
        self.update()

    # ------------------------------------------------------------------ Qt
    def sizeHint(self) -> QSize:
        s = _scale(self)
        return QSize(int(320 * s), int(190 * s))

    def minimumSizeHint(self) -> QSize:
        s = _scale(self)
        return QSize(int(160 * s), int(120 * s))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        elif event.type() == event.Type.FontChange:
            self.updateGeometry()

    def paintEvent(self, _event) -> None:
        theme = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        fm = QFontMetricsF(self.font())
        s = _scale(self)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if len(self._points) < 2:
            painter.setPen(QPen(QColor(theme.border), 1.0 * s, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 6 * s, 6 * s)
            painter.setPen(QColor(theme.text))
            text_rect = rect.adjusted(12 * s, 8 * s, -12 * s, -8 * s)
            head = QRectF(text_rect.x(), text_rect.center().y() - fm.height() * 1.2, text_rect.width(), fm.height() * 1.2)
            painter.drawText(head, Qt.AlignmentFlag.AlignCenter, self._empty)
            painter.setPen(QColor(theme.muted))
            below = QRectF(text_rect.x(), text_rect.center().y() + 2 * s, text_rect.width(), text_rect.bottom() - text_rect.center().y())
            painter.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self._empty_hint)
            painter.end()
            return

        # legend: one entry per dimension, wrapped into as many rows as needed
        swatch = 22 * s
        entries = [(d, swatch + 4 * s + fm.horizontalAdvance(self._labels[d]) + 12 * s) for d in DIMENSION_ORDER]
        rows: list[list[tuple[str, float]]] = [[]]
        used = 0.0
        for d, w in entries:
            if rows[-1] and used + w > rect.width():
                rows.append([])
                used = 0.0
            rows[-1].append((d, w))
            used += w
        y = rect.top() + 2 * s
        for row in rows:
            x = rect.left() + 4 * s
            for d, w in row:
                mid = y + fm.height() / 2
                self._line_pen(painter, d, s)
                painter.drawLine(QPointF(x, mid), QPointF(x + swatch, mid))
                painter.setBrush(QColor(theme.dimension[d]))
                painter.setPen(Qt.PenStyle.NoPen)
                draw_marker(painter, MARKER[d], QPointF(x + swatch / 2, mid), 3.2 * s)
                painter.setPen(QColor(theme.text))
                painter.drawText(QRectF(x + swatch + 4 * s, y, w, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._labels[d])
                x += w
            y += fm.height() + 2 * s

        # plot area
        y_label_w = fm.horizontalAdvance("100") + 6 * s
        plot = QRectF(rect.left() + y_label_w, y + fm.height() / 2 + 4 * s, 0, 0)
        plot.setRight(rect.right() - 10 * s)
        plot.setBottom(rect.bottom() - fm.height() - 6 * s)
        if plot.height() < 10 or plot.width() < 10:
            painter.end()
            return

        def ypos(value: float) -> float:
            return plot.bottom() - plot.height() * value / 100

        n = len(self._points)

        def xpos(i: int) -> float:
            return plot.left() + plot.width() * i / (n - 1)

        painter.setPen(QPen(QColor(theme.border), 1.0 * s))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        grid = QPen(QColor(theme.muted), 1.0 * s, Qt.PenStyle.DashLine)
        grid.setDashPattern([3, 3])
        for value in THRESHOLDS:
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), ypos(value)), QPointF(plot.right(), ypos(value)))
        painter.setPen(QColor(theme.muted))
        for value in (0, *THRESHOLDS, 100):
            painter.drawText(QRectF(rect.left(), ypos(value) - fm.height() / 2, y_label_w - 4 * s, fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))

        # x labels: as many as fit without overlapping
        names = [self._x_labels[i] if i < len(self._x_labels) and self._x_labels[i] else str(i + 1) for i in range(n)]
        widest = max(fm.horizontalAdvance(t) for t in names) + 8 * s
        slot = plot.width() / (n - 1)
        step = 1
        while step < n - 1 and slot * step < min(widest, 120 * s):
            step += 1
        shown = list(range(0, n, step))
        if shown[-1] != n - 1:
            shown.append(n - 1)
        placed: list[tuple[float, float, str]] = []  # x, width, text
        for i in shown:
            text = fm.elidedText(names[i], Qt.TextElideMode.ElideRight, max(slot * step - 6 * s, fm.horizontalAdvance("…") + 1))
            w = fm.horizontalAdvance(text)
            placed.append((min(max(xpos(i) - w / 2, rect.left()), rect.right() - w), w, text))
        last = placed[-1]
        kept = [placed[0]] if len(placed) > 1 else []
        for x, w, text in placed[1:-1]:  # a middle label that would touch its neighbour is left out
            if x >= kept[-1][0] + kept[-1][1] + 6 * s and x + w + 6 * s <= last[0]:
                kept.append((x, w, text))
        kept.append(last)
        for x, w, text in kept:
            painter.drawText(QRectF(x, plot.bottom() + 3 * s, w + 1, fm.height()), Qt.AlignmentFlag.AlignLeft, text)

        # one line per dimension
        painter.setClipRect(plot.adjusted(-8 * s, -8 * s, 8 * s, 8 * s))
        for d in DIMENSION_ORDER:
            path = QPainterPath(QPointF(xpos(0), ypos(self._points[0][d])))
            for i in range(1, n):
                path.lineTo(QPointF(xpos(i), ypos(self._points[i][d])))
            self._line_pen(painter, d, s)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            if n <= 40:
                painter.setPen(QPen(QColor(theme.window), 1.0 * s))
                painter.setBrush(QColor(theme.dimension[d]))
                for i in range(n):
                    draw_marker(painter, MARKER[d], QPointF(xpos(i), ypos(self._points[i][d])), 3.4 * s)
        painter.end()

    def _line_pen(self, painter: QPainter, dimension: str, s: float) -> None:
        pen = QPen(QColor(self._theme.dimension[dimension]), 2.2 * s, LINE_STYLE[dimension], Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
