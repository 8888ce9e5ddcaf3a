"""The audit's three charts, painted with QPainter (no chart library): every mark is data the
audit computed, every axis says what it shows.

- `ScatterChart`: one dot per post, a score (x, 0-100) against an outcome's percentile (y, 0-100);
- `TimeChart`: the outcome percentile of each dated post over time, with a running median;
- `EffectBars`: one bar per signal, its rho with the 90 % interval as a whisker, 0 in the middle.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_MARGIN_L, _MARGIN_R, _MARGIN_T, _MARGIN_B = 56, 12, 24, 38


class _Chart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setMinimumSize(260, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, 280)

    def _plot(self) -> QRectF:
        return QRectF(_MARGIN_L, _MARGIN_T, max(10, self.width() - _MARGIN_L - _MARGIN_R), max(10, self.height() - _MARGIN_T - _MARGIN_B))

    def _frame(self, p: QPainter) -> QRectF:
        pal = self.palette()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), pal.base())
        p.setPen(pal.text().color())
        p.drawText(QRectF(0, 2, self.width(), _MARGIN_T - 4), Qt.AlignmentFlag.AlignCenter, self.title)
        area = self._plot()
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawRect(area)
        return area

    def _empty(self, p: QPainter, area: QRectF, text: str) -> None:
        p.setPen(self.palette().placeholderText().color())
        p.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)


class ScatterChart(_Chart):
    """Score (x) against outcome percentile (y), one dot per post; `points` are (x, y) in 0-100."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.points: list[tuple[float, float]] = []
        self.x_label = self.y_label = self.empty_text = ""

    def set_data(self, points: Sequence[tuple[float, float]], x_label: str, y_label: str, empty_text: str) -> None:
        self.points, self.x_label, self.y_label, self.empty_text = list(points), x_label, y_label, empty_text
        self.update()

    def dot_positions(self) -> list[QPointF]:
        """Where each post's dot is drawn (for tests: every dot lies inside the plot area)."""
        area = self._plot()
        return [QPointF(area.left() + area.width() * x / 100, area.bottom() - area.height() * y / 100) for x, y in self.points]

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        area = self._frame(p)
        pal = self.palette()
        p.setPen(pal.text().color())
        p.drawText(QRectF(area.left(), area.bottom() + 18, area.width(), 16), Qt.AlignmentFlag.AlignCenter, self.x_label)
        p.save()
        p.translate(10, area.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-area.height() / 2, -10, area.height(), 16), Qt.AlignmentFlag.AlignCenter, self.y_label)
        p.restore()
        for v in (0, 50, 100):  # ticks under the x axis, left of the y axis
            p.drawText(QRectF(area.left() + area.width() * v / 100 - 15, area.bottom() + 3, 30, 14), Qt.AlignmentFlag.AlignCenter, str(v))
            p.drawText(QRectF(area.left() - 34, area.bottom() - area.height() * v / 100 - 7, 30, 14),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
        if not self.points:
            self._empty(p, area, self.empty_text)
            return
        color = QColor(pal.highlight().color())
        color.setAlpha(150)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        for pos in self.dot_positions():
            p.drawEllipse(pos, 3.5, 3.5)


class TimeChart(_Chart):
    """Outcome percentile per dated post (dots) and its running median (line), oldest left."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.values: list[tuple[str, float]] = []
        self.empty_text = ""

    def set_data(self, values: Sequence[tuple[str, float]], empty_text: str) -> None:
        self.values, self.empty_text = sorted(values), empty_text
        self.update()

    def running_median(self, window: int = 9) -> list[float]:
        ys = [v for _, v in self.values]
        out = []
        for i in range(len(ys)):
            part = sorted(ys[max(0, i - window // 2) : i + window // 2 + 1])
            out.append(part[len(part) // 2])
        return out

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        area = self._frame(p)
        pal = self.palette()
        if len(self.values) < 2:
            self._empty(p, area, self.empty_text)
            return
        n = len(self.values)
        xs = [area.left() + area.width() * i / (n - 1) for i in range(n)]
        p.setPen(pal.text().color())
        p.drawText(QRectF(area.left(), area.bottom() + 4, 120, 16), Qt.AlignmentFlag.AlignLeft, self.values[0][0][:10])
        p.drawText(QRectF(area.right() - 120, area.bottom() + 4, 120, 16), Qt.AlignmentFlag.AlignRight, self.values[-1][0][:10])
        for v in (0, 50, 100):  # the percentile scale, left of the plot as in the scatter charts
            p.drawText(QRectF(area.left() - 34, area.bottom() - area.height() * v / 100 - 7, 30, 14),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
        dot = QColor(pal.highlight().color())
        dot.setAlpha(110)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(dot)
        for x, (_, y) in zip(xs, self.values):
            p.drawEllipse(QPointF(x, area.bottom() - area.height() * y / 100), 2.5, 2.5)
        p.setPen(QPen(pal.text().color(), 2))
        med = self.running_median()
        for i in range(1, n):
            p.drawLine(QPointF(xs[i - 1], area.bottom() - area.height() * med[i - 1] / 100), QPointF(xs[i], area.bottom() - area.height() * med[i] / 100))


class EffectBars(_Chart):
    """One row per signal: a bar from 0 to its rho, a whisker over its 90 % interval; -1 … +1."""

    ROW = 22

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.rows: list[tuple[str, float, float, float]] = []
        self.empty_text = ""

    def set_data(self, rows: Sequence[tuple[str, float, float, float]], empty_text: str) -> None:
        self.rows, self.empty_text = list(rows), empty_text
        self.setMinimumHeight(_MARGIN_T + _MARGIN_B + self.ROW * max(3, len(self.rows)))
        self.updateGeometry()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), pal.base())
        p.setPen(pal.text().color())
        p.drawText(QRectF(0, 2, self.width(), _MARGIN_T - 4), Qt.AlignmentFlag.AlignCenter, self.title)
        metrics = p.fontMetrics()
        # the label column as wide as the widest label, at most half the chart; a longer label is
        # shortened in the middle (its start and its n stay), never cut off at the edge
        label_w = min(max((metrics.horizontalAdvance(r[0]) for r in self.rows), default=0) + 6, self.width() // 2)
        left, right = label_w + 8, self.width() - _MARGIN_R
        zero = (left + right) / 2
        if not self.rows:
            self._empty(p, QRectF(0, _MARGIN_T, self.width(), self.height() - _MARGIN_T), self.empty_text)
            return
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(zero, _MARGIN_T), QPointF(zero, _MARGIN_T + self.ROW * len(self.rows)))
        for i, (label, rho, lo, hi) in enumerate(self.rows):
            y = _MARGIN_T + i * self.ROW
            p.setPen(pal.text().color())
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_w) - 4)
            p.drawText(QRectF(0, y, label_w, self.ROW), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            scale = (right - left) / 2
            color = QColor("#2e7d32") if rho >= 0 else QColor("#c62828")
            p.fillRect(QRectF(min(zero, zero + rho * scale), y + 5, abs(rho) * scale, self.ROW - 10), color)
            p.setPen(QPen(pal.text().color(), 1.5))
            p.drawLine(QPointF(zero + lo * scale, y + self.ROW / 2), QPointF(zero + hi * scale, y + self.ROW / 2))
        p.setPen(pal.text().color())
        base = _MARGIN_T + self.ROW * len(self.rows) + 2
        for v, text in ((-1, "−1"), (0, "0"), (1, "+1")):
            p.drawText(QRectF(zero + v * (right - left) / 2 - 15, base, 30, 14), Qt.AlignmentFlag.AlignCenter, text)
