"""ScoreGauge: one dimension's score with its painted face (number, arc or bar, traffic light) and its breakdown."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget
from resonanz.core.analysis.model import Score
from resonanz.gui.app import theme as themes
from resonanz.gui.panel.colors import ink
from resonanz.gui.panel.styling import MINUS, _chevron, _font, _paint, _weight, signed
from resonanz.gui.app.theme import Theme


class _GaugeFace(QWidget):
    """The painted part of a ScoreGauge: name, big number, arc or bar, traffic light with its word."""

    def __init__(self, gauge: ScoreGauge) -> None:
        super().__init__(gauge)
        self.gauge = gauge
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _k(self) -> float:
        return QFontMetricsF(self.font()).height() / 15.0

    def _radius(self) -> float:
        return 56 * self._k() ** 0.8  # on a projector the arc grows a little less than the type

    def _big_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(8, round((self._radius() * 0.62) if self.gauge.prominent else 25 * self._k())))
        return font

    def _light_width(self, fm: QFontMetricsF) -> float:
        return fm.height() * 0.9 + fm.horizontalAdvance(self.gauge.light_text() or "–")

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        bold = QFontMetricsF(_font(self.font(), bold=True))
        lh = fm.height()
        head = lh * 1.35
        name_w = lh + bold.horizontalAdvance(self.gauge.name())
        if self.gauge.prominent:
            r = self._radius()
            width = max(name_w, 2 * r + lh, self._light_width(fm)) + 2
            return QSize(int(width), int(head + r + lh * 0.35 + lh * 1.4))
        big = QFontMetricsF(self._big_font())
        width = max(name_w, big.horizontalAdvance("100") + lh * 0.6 + self._light_width(fm)) + 2
        return QSize(int(width), int(head + big.height() + lh * 0.25 + lh * 0.55 + 1))

    def minimumSizeHint(self) -> QSize:
        """Narrower than the hint: the arc shrinks to fit, the number keeps two digits' room."""
        fm = QFontMetricsF(self.font())
        bold = QFontMetricsF(_font(self.font(), bold=True))
        lh = fm.height()
        name_w = lh + bold.horizontalAdvance(self.gauge.name())
        if self.gauge.prominent:
            width = max(name_w, 2 * 36 * self._k() + lh * 0.5, self._light_width(fm))
        else:
            big = QFontMetricsF(self._big_font())
            width = max(name_w, big.horizontalAdvance("00") + lh * 0.6 + self._light_width(fm))
        return QSize(int(width) + 2, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.gauge.setFocus(Qt.FocusReason.MouseFocusReason)
            self.gauge.toggle()
            event.accept()
        else:
            super().mousePressEvent(event)

    def paintEvent(self, _event) -> None:
        g = self.gauge
        theme = g.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        lh = fm.height()
        w = self.width()
        head = lh * 1.35
        dim_color = QColor(theme.dimension[g.dimension])
        text = QColor(theme.text)
        # header: ▸ Name
        _chevron(p, QPointF(lh * 0.35, head / 2), lh * 0.55, g.is_expanded(), QColor(theme.muted))
        p.setFont(_font(self.font(), bold=True))
        p.setPen(text)
        p.drawText(QRectF(lh * 0.85, 0, w - lh * 0.85, head), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, g.name())
        value = g.value()
        number = "–" if value is None else str(value)
        fraction = 0.0 if value is None else value / 100
        track = QColor(theme.border)
        if g.prominent:
            r = min(self._radius(), (w - lh * 0.5) / 2)
            pen_w = r * 0.2
            cx, cy = w / 2, head + r
            arc = QRectF(cx - r + pen_w / 2, cy - r + pen_w / 2, 2 * r - pen_w, 2 * r - pen_w)
            p.setPen(QPen(track, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            p.drawArc(arc, 0, 180 * 16)
            if fraction > 0:
                p.setPen(QPen(dim_color, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                p.drawArc(arc, 180 * 16, -round(180 * 16 * fraction))
            # ticks at the traffic-light thresholds
            p.setPen(QPen(QColor(theme.window), max(1.5, pen_w * 0.12)))
            for t in (40, 70):
                angle = math.pi * (1 - t / 100)
                inner, outer = r - pen_w - 1, r + 1
                p.drawLine(QPointF(cx + math.cos(angle) * inner, cy - math.sin(angle) * inner), QPointF(cx + math.cos(angle) * outer, cy - math.sin(angle) * outer))
            p.setFont(self._big_font())
            p.setPen(text)
            big = QFontMetricsF(self._big_font())
            p.drawText(QRectF(0, cy - big.ascent() - 1, w, big.height()), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, number)
            light_top = cy + lh * 0.35
            light_w = self._light_width(fm)
            self._paint_light(p, QRectF((w - light_w) / 2, light_top, light_w, lh * 1.2), fm)
        else:
            big_font = self._big_font()
            big = QFontMetricsF(big_font)
            p.setFont(big_font)
            p.setPen(text)
            p.drawText(QRectF(0, head, w, big.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)
            nx = big.horizontalAdvance(number) + lh * 0.6
            self._paint_light(p, QRectF(nx, head, w - nx, big.height()), fm)
            bar_h = lh * 0.55
            bar = QRectF(0, head + big.height() + lh * 0.25, w, bar_h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(track)
            p.drawRoundedRect(bar, bar_h / 2, bar_h / 2)
            if fraction > 0:
                p.setBrush(dim_color)
                p.drawRoundedRect(QRectF(bar.x(), bar.y(), max(bar.width() * fraction, bar_h), bar_h), bar_h / 2, bar_h / 2)
            p.setPen(QPen(QColor(theme.window), max(1.5, lh / 10)))
            for t in (40, 70):
                x = bar.x() + bar.width() * t / 100
                p.drawLine(QPointF(x, bar.top()), QPointF(x, bar.bottom()))
        p.end()

    def _paint_light(self, p: QPainter, rect: QRectF, fm: QFontMetricsF) -> None:
        g = self.gauge
        theme = g.theme
        d = fm.height() * 0.6
        cy = rect.center().y()
        if g.light():
            p.setPen(QPen(QColor(theme.text if theme.name == "light" else theme.border), 1.0))
            p.setBrush(QColor(theme.light[g.light()]))
            p.drawEllipse(QRectF(rect.x(), cy - d / 2, d, d))
        p.setFont(self.font())
        p.setPen(QColor(theme.text))
        p.drawText(QRectF(rect.x() + d + fm.height() * 0.3, rect.y(), rect.width(), rect.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, g.light_text() or "")


class ScoreGauge(QWidget):
    """One dimension's score: name, number, gauge, traffic light with its word, and an expandable breakdown.

    Click it, or press Space/Enter while it has focus, to show which signals made up the score.
    """

    expandedChanged = Signal(bool)

    def __init__(self, dimension: str, prominent: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dimension = dimension
        self.prominent = prominent
        self.theme: Theme = themes.LIGHT
        self._name = dimension.replace("_", " ").capitalize()
        self._score: Score | None = None
        self._not_judged = False  # too little text to judge: "–", no light, "Not enough text"
        self._expanded = False
        self._rows: list[tuple[QLabel, QLabel]] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.face = _GaugeFace(self)
        self.details = QWidget(self)
        self._grid = QGridLayout(self.details)
        self._grid.setContentsMargins(0, 4, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.face)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self._apply_margins()
        self.retranslate()

    # ------------------------------------------------------------------ API
    def name(self) -> str:
        return self._name

    def set_name(self, name: str) -> None:
        """The dimension's display name (translated by the panel)."""
        self._name = name
        self.face.updateGeometry()
        self.face.update()
        self._update_accessible()

    def set_score(self, score: Score | None, not_judged: bool = False) -> None:
        """Show a score (None: no result yet; with `not_judged`: the draft has too little text to judge)."""
        old = self._score
        self._score = score
        self._not_judged = score is None and not_judged
        if old is None or score is None or old.breakdown != score.breakdown:
            self._fill_breakdown()
        self.face.update()
        self._update_accessible()

    def score(self) -> Score | None:
        return self._score

    def value(self) -> int | None:
        """The 0-100 value shown, or None before the first result."""
        return None if self._score is None else self._score.value

    def light(self) -> str:
        """"red", "amber", "green", or "" before the first result."""
        return "" if self._score is None else self._score.light

    def light_text(self) -> str:
        """The light's word as shown next to the dot (translated); "Not enough text" when not judged."""
        if self._not_judged:
            return self._not_enough
        return self._light_words.get(self.light(), "")

    def is_judged(self) -> bool:
        """False while the draft has too little text to judge (the gauge shows "–" and no light)."""
        return not self._not_judged

    def is_expanded(self) -> bool:
        return self._expanded

    def set_expanded(self, on: bool) -> None:
        """Show or hide the breakdown list."""
        if on == self._expanded:
            return
        self._expanded = on
        self.details.setVisible(on)
        self.face.update()
        self._update_accessible()
        self.expandedChanged.emit(on)

    def toggle(self) -> None:
        self.set_expanded(not self._expanded)

    def breakdown_texts(self) -> list[str]:
        """The breakdown as shown, one line per row: "Ausgangswert 35", "Echte offene Frage +15", …, "= 65"."""
        return [f"{label.text()} {points.text()}".strip() for label, points in self._rows]

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._style_rows()
        self.update()
        self.face.update()

    def retranslate(self) -> None:
        self._light_words = {"red": self.tr("red"), "amber": self.tr("amber"), "green": self.tr("green")}
        self._not_enough = self.tr("Not enough text", "a score that is not judged: the draft is too short")
        self.setAccessibleDescription(self.tr("Press Space to show how the score is made up."))
        self._fill_breakdown()
        self.face.updateGeometry()
        self.face.update()
        self._update_accessible()

    # ------------------------------------------------------------------ internals
    def _apply_margins(self) -> None:
        lh = QFontMetrics(self.font()).height()
        pad = round(lh * 0.6)
        self.layout().setContentsMargins(pad, pad + round(lh * 0.25), pad, pad)
        self.layout().setSpacing(0)

    def _update_accessible(self) -> None:
        if self._not_judged:
            name = self.tr("%1 score: not enough text to judge").replace("%1", self._name)
        elif self._score is None:
            name = self.tr("%1 score not available yet").replace("%1", self._name)
        else:
            name = self.tr("%1 score %2, %3").replace("%1", self._name).replace("%2", str(self._score.value)).replace("%3", self.light_text())
        self.setAccessibleName(name)
        self.setToolTip(name)

    def _fill_breakdown(self) -> None:
        lines: list[tuple[str, str]] = []
        if self._score is not None:
            for c in self._score.breakdown:
                lines.append((c.label, str(c.points) if c.rule == "base" else signed(c.points)))
            lines.append((self.tr("Score"), f"= {self._score.value}"))
        while len(self._rows) < len(lines):
            label, points = QLabel(self.details), QLabel(self.details)
            label.setWordWrap(True)
            points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            row = len(self._rows)
            self._grid.addWidget(label, row, 0)
            self._grid.addWidget(points, row, 1)
            self._rows.append((label, points))
        while len(self._rows) > len(lines):
            for widget in self._rows.pop():
                self._grid.removeWidget(widget)
                widget.deleteLater()
        for (label, points), (text, value) in zip(self._rows, lines):
            label.setText(text)
            points.setText(value)
        self._style_rows()

    def _style_rows(self) -> None:
        theme = self.theme
        bg = theme.panel
        for i, (label, points) in enumerate(self._rows):
            total = i == len(self._rows) - 1
            value = points.text()
            color = theme.text
            if not total and value.startswith("+"):
                color = ink(theme.light["green"], bg).name()
            elif not total and value.startswith(MINUS):
                color = ink(theme.light["red"], bg).name()
            _paint(label, theme.text)
            _weight(label, bold=total)
            _paint(points, color)
            _weight(points, bold=True)

    # ------------------------------------------------------------------ Qt
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_margins()
            self.updateGeometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toggle()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus):
            self.set_expanded(True)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus):
            self.set_expanded(False)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and (not self.details.isVisible() or event.position().y() < self.details.y()):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.toggle()
            event.accept()
            return
        super().mousePressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, _event) -> None:
        theme = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        lh = QFontMetricsF(self.font()).height()
        radius = lh * 0.5
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        p.fillPath(path, QColor(theme.panel))
        # the dimension's colour as a strip along the top edge (thicker on the two key dimensions)
        strip = lh * (0.32 if self.prominent else 0.2)
        p.save()
        p.setClipPath(path)
        p.fillRect(QRectF(rect.x(), rect.y(), rect.width(), strip), QColor(theme.dimension[self.dimension]))
        p.restore()
        focused = self.hasFocus()
        pen = QPen(QColor(theme.accent if focused else theme.border), 2.5 if focused else 1.0)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.end()
