"""The live coaching panel: four score gauges, a radar, the findings by dimension, their details, the history.

The panel only renders an AnalysisResult; it never scores anything itself. Updates while typing
are calm: the four gauges are reused, the findings tree keeps its items where it can, and the
selected finding (same rule, kind and start) and the scroll position survive every new result.
UI strings go through self.tr (English source, German .qm from resources/translations); finding
texts and breakdown labels arrive in the draft's language from the engine and are shown as they are.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QLocale,
    QModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.model import DIMENSIONS, AnalysisResult, Finding, Score
from resonanz.gui import theme as themes
from resonanz.gui.charts import HistoryChart, RadarChart
from resonanz.gui.theme import Theme

SEVERITY_RANK = {"error": 0, "warning": 1, "suggestion": 2, "info": 3, "good": 4}
#: A glyph per severity, always shown together with its colour (never colour alone).
GLYPH = {"error": "✖", "warning": "▲", "suggestion": "●", "info": "ℹ", "good": "✔"}
PRESENTATION_SCALE = 1.6
PROMINENT = ("dialogue", "shareability")
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}  # endonyms: not translated
FINDING_ROLE = Qt.ItemDataRole.UserRole
DIMENSION_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # findings under a dimension node
MINUS = "\u2212"


def signed(points: int) -> str:
    """+15, −10 (typographic minus), 0."""
    return f"+{points}" if points > 0 else f"{MINUS}{-points}" if points < 0 else "0"


def finding_key(finding: Finding) -> tuple:
    """What identifies a finding across live updates: same rule, same message kind, same place."""
    return (finding.rule, finding.kind, finding.start)


def importance(finding: Finding) -> tuple:
    """Sort key: error, warning, suggestion, info, good; then the larger |points| first; then position."""
    return (SEVERITY_RANK.get(finding.severity, 9), -abs(finding.points), finding.start if finding.start is not None else -1)


def _luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1-21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink(color: str | QColor, background: str | QColor, minimum: float = 4.5) -> QColor:
    """`color`, darkened (on light) or lightened (on dark) until it reads on `background`."""
    c, bg = QColor(color), QColor(background)
    darken = _luminance(bg) > 0.4
    for _ in range(12):
        if contrast(c, bg) >= minimum:
            break
        c = c.darker(115) if darken else c.lighter(115)
    return c


def severity_color(theme: Theme, severity: str) -> str:
    """Colour of a severity's glyph."""
    return {
        "error": theme.light["red"],
        "warning": theme.light["amber"],
        "suggestion": theme.accent,
        "info": theme.muted,
        "good": theme.light["green"],
    }.get(severity, theme.muted)


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


# ====================================================================== gauges
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

    def set_score(self, score: Score | None) -> None:
        """Show a score (None: no result yet)."""
        old = self._score
        self._score = score
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
        """The light's word as shown next to the dot (translated)."""
        return self._light_words.get(self.light(), "")

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
        if self._score is None:
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


# ====================================================================== findings tree
class _FindingDelegate(QStyledItemDelegate):
    """Paints a dimension row (chevron, colour, name, count) or a finding (glyph, wrapped message, points)."""

    def __init__(self, panel: CoachPanel, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.panel = panel
        self.tree = tree
        self._heights: dict[tuple, int] = {}

    def clear_cache(self) -> None:
        self._heights.clear()

    def _pad(self, fm: QFontMetrics) -> int:
        return max(3, round(fm.height() * 0.3))

    def _points_width(self, fm: QFontMetrics) -> int:
        return fm.horizontalAdvance(f"{MINUS}00") + 2

    def _indent(self, fm: QFontMetrics) -> int:
        """Findings sit one step in from their dimension (the view's own indentation is 0, so the
        selection highlight never paints a block into the branch area)."""
        return round(fm.height() * 0.9)

    def _text_width(self, fm: QFontMetrics, width: int | None = None) -> int:
        if width is None:
            width = self.tree.viewport().width()
        pad = self._pad(fm)
        glyph = fm.horizontalAdvance("✖") + pad * 2
        return max(40, width - self._indent(fm) - glyph - self._points_width(fm) - pad * 3)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        pad = self._pad(fm)
        finding = index.data(FINDING_ROLE)
        if finding is None:
            return QSize(100, round(fm.height() * 1.9))
        width = self._text_width(fm)
        key = (finding.message, width, fm.height(), option.font.key())
        height = self._heights.get(key)
        if height is None:
            height = fm.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, finding.message).height()
            self._heights[key] = height
        return QSize(100, height + pad * 2 + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        theme = self.panel.theme()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect)
        fm = QFontMetrics(option.font)
        pad = self._pad(fm)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        accent = QColor(theme.accent)
        finding = index.data(FINDING_ROLE)
        if finding is None:
            dim = index.data(DIMENSION_ROLE)
            painter.fillRect(rect, QColor(theme.panel))
            if selected:
                tint = QColor(accent)
                tint.setAlpha(60)
                painter.fillRect(rect, tint)
            lh = fm.height()
            _chevron(painter, QPointF(rect.x() + lh * 0.5, rect.center().y()), lh * 0.55, self.tree.isExpanded(index), QColor(theme.muted))
            sw = lh * 0.7
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.dimension[dim]))
            painter.drawRoundedRect(QRectF(rect.x() + lh * 1.05, rect.center().y() - sw / 2, sw, sw), 2, 2)
            count = str(index.data(COUNT_ROLE) or 0)
            badge_w = fm.horizontalAdvance(count) + lh * 0.9
            badge = QRectF(rect.right() - badge_w - pad, rect.center().y() - lh * 0.6, badge_w, lh * 1.2)
            painter.setFont(_font(option.font, bold=True))
            painter.setPen(QColor(theme.text))
            name_rect = QRectF(rect.x() + lh * 1.05 + sw + lh * 0.45, rect.y(), badge.left() - rect.x() - lh * 2.5 - sw, rect.height())
            painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, index.data(Qt.ItemDataRole.DisplayRole) or "")
            painter.setPen(QPen(QColor(theme.border), 1))
            painter.setBrush(QColor(theme.window))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(QColor(theme.text))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, count)
            painter.setPen(QPen(QColor(theme.border), 1))
            painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        else:
            painter.fillRect(rect, QColor("#ffffff" if theme.name == "light" else theme.window))
            indent = self._indent(fm)
            if selected:
                tint = QColor(accent)
                tint.setAlpha(45 if theme.name == "light" else 80)
                painter.fillRect(rect, tint)
                painter.fillRect(QRectF(rect.x(), rect.y(), max(3, fm.height() / 5), rect.height()), accent)
            elif state & QStyle.StateFlag.State_MouseOver:
                tint = QColor(accent)
                tint.setAlpha(18)
                painter.fillRect(rect, tint)
            rect = rect.adjusted(indent, 0, 0, 0)
            glyph_w = fm.horizontalAdvance("✖") + pad * 2
            painter.setFont(_font(option.font, bold=True))
            painter.setPen(ink(severity_color(theme, finding.severity), theme.window if theme.name != "light" else "#ffffff", 3.0))
            painter.drawText(QRectF(rect.x() + pad, rect.y() + pad, glyph_w, fm.height()), Qt.AlignmentFlag.AlignCenter, GLYPH.get(finding.severity, "●"))
            painter.setFont(option.font)
            text_w = self._text_width(fm, option.rect.width())
            painter.setPen(QColor(theme.text))
            text_rect = QRectF(rect.x() + pad + glyph_w + pad, rect.y() + pad, text_w, rect.height() - 2 * pad)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, finding.message)
            if finding.points:
                painter.setPen(QColor(theme.muted))
                pts = QRectF(rect.right() - self._points_width(fm) - pad, rect.y() + pad, self._points_width(fm), fm.height())
                painter.drawText(pts, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, signed(finding.points))
            painter.setPen(QPen(QColor(theme.border), 1))
            painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
            rect = QRectF(option.rect)
        if state & QStyle.StateFlag.State_HasFocus and self.tree.hasFocus():
            pen = QPen(accent, 1.5, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()


class _FindingTree(QTreeWidget):
    """The findings tree; row heights follow the width because messages wrap."""

    def __init__(self, panel: CoachPanel) -> None:
        super().__init__(panel)
        self._last_width = -1
        self.setColumnCount(1)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setExpandsOnDoubleClick(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def drawBranches(self, painter, rect, index) -> None:
        """No branch lines or highlight in the indentation: the delegate draws chevrons itself."""

    def viewportEvent(self, event: QEvent) -> bool:
        # the viewport narrows when the scroll bar appears, not only when the tree is resized
        if event.type() == QEvent.Type.Resize and self.viewport().width() != self._last_width:
            self._last_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()
        return super().viewportEvent(event)


class _Card(QFrame):
    """A rounded box in the theme's panel colour (painted: style sheets would stop font propagation)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = themes.LIGHT

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(self.theme.border), 1))
        p.setBrush(QColor(self.theme.panel))
        radius = QFontMetricsF(self.font()).height() * 0.4
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        p.end()


# ====================================================================== panel
class CoachPanel(QWidget):
    """Scores, findings and their explanations for the current draft, updated live."""

    findingActivated = Signal(object)  # a Finding: the window selects its span in the editor
    platformChanged = Signal(str)  # platform id
    languageChanged = Signal(str)  # "auto" | "de" | "en"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme: Theme = themes.system_theme()
        self._presentation = False
        self._base_font = QFont(self.font())
        self._detected: str | None = None
        self._counter = (0, 0)
        self._current: Finding | None = None
        self._shown_findings: tuple[Finding, ...] | None = None
        self._rebuilding = False
        self._last_emit: tuple | None = None
        self._emit_clock = QElapsedTimer()
        self._top_mode = ""
        self._gauge_columns = 0

        # --- widgets
        self.platform_combo = QComboBox()
        self.platform_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_combo = QComboBox()
        self.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value in ("auto", "de", "en"):
            self.language_combo.addItem(LANGUAGE_NAMES.get(value, "Auto"), value)
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counter")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.counter_label.setProperty("over", False)
        self.counter_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.gauges = {d: ScoreGauge(d, prominent=d in PROMINENT) for d in DIMENSIONS}
        self.radar = RadarChart()
        self.findings_title = QLabel()
        self.tree = _FindingTree(self)
        self._delegate = _FindingDelegate(self, self.tree)
        self.tree.setItemDelegate(self._delegate)
        self._dimension_items: dict[str, QTreeWidgetItem] = {}
        for d in DIMENSIONS:
            item = QTreeWidgetItem(self.tree)
            item.setData(0, DIMENSION_ROLE, d)
            item.setData(0, COUNT_ROLE, 0)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self._dimension_items[d] = item
            item.setExpanded(True)

        self.detail = _Card()
        self.detail.setObjectName("detail")
        self.detail_head = QLabel()
        self.detail_suggestion = QLabel()
        self.detail_empty = QLabel()
        self.why_button = QToolButton()
        self.why_button.setCheckable(True)
        self.why_button.setAutoRaise(True)
        _weight(self.why_button, bold=True)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_text = QLabel()
        self.why_source = QLabel()
        for label in (self.detail_head, self.detail_suggestion, self.detail_empty, self.why_text, self.why_source):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_head.setTextFormat(Qt.TextFormat.RichText)
        self.detail_suggestion.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.why_text, self.why_source, self.detail_empty):
            label.setTextFormat(Qt.TextFormat.PlainText)
        _weight(self.why_source, italic=True)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setSpacing(4)
        for w in (self.detail_empty, self.detail_head, self.detail_suggestion):
            detail_layout.addWidget(w)
        detail_layout.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(self.why_text)
        detail_layout.addWidget(self.why_source)

        self.history_button = QToolButton()
        self.history_button.setCheckable(True)
        self.history_button.setAutoRaise(True)
        _weight(self.history_button, bold=True)
        self.history_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_button.setArrowType(Qt.ArrowType.RightArrow)
        self.history_chart = HistoryChart()
        self.history_chart.hide()

        # --- layout (inside a scroll area, so nothing is ever squeezed or clipped)
        self._content = QWidget()
        self._content.setObjectName("content")
        outer = QVBoxLayout(self._content)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(10)
        self._top = QGridLayout()
        self._top.setHorizontalSpacing(8)
        self._top.setVerticalSpacing(6)
        outer.addLayout(self._top)
        self._gauge_grid = QGridLayout()
        self._gauge_grid.setSpacing(8)
        outer.addLayout(self._gauge_grid)
        outer.addWidget(self.radar)
        outer.addWidget(self.findings_title)
        outer.addWidget(self.tree, 1)
        outer.addWidget(self.detail)
        outer.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.history_chart)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._content)
        self._content.installEventFilter(self)
        main = QVBoxLayout(self)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self._scroll)

        # --- behaviour
        self.platform_combo.currentIndexChanged.connect(self._on_platform_index)
        self.language_combo.currentIndexChanged.connect(self._on_language_index)
        self.tree.currentItemChanged.connect(self._on_current_item)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemExpanded.connect(lambda _i: self.tree.viewport().update())
        self.tree.itemCollapsed.connect(lambda _i: self.tree.viewport().update())
        self.why_button.toggled.connect(self._on_why_toggled)
        self.history_button.toggled.connect(self._on_history_toggled)

        self.retranslate()
        self._apply_fonts()
        self._show_detail(None)
        self._on_why_toggled(False)
        self.set_theme(self._theme)

        # Tab order: combos → gauges → tree → detail → history (all widgets are placed by now)
        chain = [self.platform_combo, self.language_combo, *(self.gauges[d] for d in DIMENSIONS), self.tree, self.why_button, self.history_button]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        self.radar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # ================================================================== public API
    def set_platforms(self, items: Sequence[tuple[str, str]], current: str) -> None:
        """Fill the platform list with (id, display name) pairs and select `current` (no signal)."""
        combo = self.platform_combo
        combo.blockSignals(True)
        combo.clear()
        for pid, name in items:
            combo.addItem(name, pid)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self._arrange(force=True)

    def set_language_choice(self, value: str) -> None:
        """Select "auto", "de" or "en" in the language list (no signal)."""
        combo = self.language_combo
        index = combo.findData(value)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def platform(self) -> str:
        """The platform id selected."""
        return self.platform_combo.currentData() or ""

    def language_choice(self) -> str:
        """"auto", "de" or "en"."""
        return self.language_combo.currentData() or "auto"

    def show_result(self, result: AnalysisResult) -> None:
        """Show a new analysis: gauges, radar and findings; the selected finding and scroll position stay."""
        for d in DIMENSIONS:
            self.gauges[d].set_score(result.scores.get(d))
        self.radar.set_scores({d: s.value for d, s in result.scores.items()})
        self._detected = result.language if result.language_detected else None
        self._update_auto_text()
        if result.findings != self._shown_findings:  # typing often changes no finding at all
            self._shown_findings = result.findings
            self._fill_tree(result.findings)

    def set_counter(self, count: int, limit: int) -> None:
        """"512 / 3,000" (red and marked when over the limit); just "512" when the platform has no limit."""
        self._counter = (count, limit)
        self._update_counter()

    def set_theme(self, theme: Theme) -> None:
        """Re-style everything in `theme`'s colours."""
        self._theme = theme
        self.setPalette(themes.palette_for(theme))
        self._content.setAutoFillBackground(True)
        for gauge in self.gauges.values():
            gauge.set_theme(theme)
        self.radar.set_theme(theme)
        self.history_chart.set_theme(theme)
        self._restyle()
        self.tree.viewport().update()

    def theme(self) -> Theme:
        return self._theme

    def set_presentation(self, on: bool) -> None:
        """Large type and gauges for a projector (fonts ×1.6); the window passes the high-contrast theme."""
        self._presentation = on
        self._apply_fonts()

    def is_presentation(self) -> bool:
        return self._presentation

    def set_history(self, points, labels=()) -> None:
        """Scores per saved revision (oldest first) for the history chart."""
        self.history_chart.set_history(points, labels)

    # --- accessors (tests, the window)
    def gauge(self, dimension: str) -> ScoreGauge:
        return self.gauges[dimension]

    def dimension_item(self, dimension: str) -> QTreeWidgetItem:
        """The tree's top-level node of one dimension."""
        return self._dimension_items[dimension]

    def finding_items(self, dimension: str) -> list[QTreeWidgetItem]:
        """The finding rows under one dimension, in the order shown."""
        node = self._dimension_items[dimension]
        return [node.child(i) for i in range(node.childCount())]

    def selected_finding(self) -> Finding | None:
        """The finding whose details are shown."""
        return self._current

    def select_finding(self, finding: Finding) -> bool:
        """Select the row of `finding` (matched by rule, kind and start); False if it is not shown."""
        item = self._item_for_key(finding_key(finding))
        if item is not None:
            self.tree.setCurrentItem(item)
        return item is not None

    def counter_text(self) -> str:
        return self.counter_label.text()

    def is_over_limit(self) -> bool:
        return bool(self.counter_label.property("over"))

    # ================================================================== translation
    def retranslate(self) -> None:
        """Set every UI string (again): called at start and on QEvent.LanguageChange."""
        names = self.dimension_names()
        for d, gauge in self.gauges.items():
            gauge.set_name(names[d])
        self.radar.set_labels(names)
        self.history_chart.set_labels(names)
        self.platform_combo.setAccessibleName(self.tr("Platform"))
        self.platform_combo.setToolTip(self.tr("Platform the post is written for"))
        self.language_combo.setAccessibleName(self.tr("Language of the draft"))
        self.language_combo.setToolTip(self.tr("Language of the draft: detected automatically or chosen"))
        self._update_auto_text()
        self.radar.setAccessibleName(self.tr("Scores as a radar chart"))
        self.findings_title.setText(self.tr("Findings"))
        self.tree.setAccessibleName(self.tr("Findings by dimension"))
        self.tree.setAccessibleDescription(self.tr("Enter or double-click selects the passage in the draft."))
        self.detail.setAccessibleName(self.tr("Details of the selected finding"))
        self.detail_empty.setText(self.tr("Select a finding to see what to do about it."))
        self.why_button.setText(self.tr("Why?"))
        self.why_button.setAccessibleName(self.tr("Why? Show the reasoning and source"))
        self.history_button.setText(self.tr("Score history"))
        self.history_button.setAccessibleName(self.tr("Score history"))
        self.history_chart.setAccessibleName(self.tr("Scores over the saved revisions"))
        self._severity_words = {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "suggestion": self.tr("Suggestion"),
            "info": self.tr("Note"),
            "good": self.tr("Works well"),
        }
        for d, item in self._dimension_items.items():
            self._label_dimension_item(d, item)
        for d in DIMENSIONS:
            for item in self.finding_items(d):
                self._label_finding_item(item, item.data(0, FINDING_ROLE))
        self._update_counter()
        self._show_detail(self._current)
        self._arrange(force=True)

    def dimension_names(self) -> dict[str, str]:
        """The four dimensions' names in the UI language."""
        return {
            "dialogue": self.tr("Dialogue"),
            "shareability": self.tr("Shareability"),
            "clarity": self.tr("Clarity"),
            "platform_fit": self.tr("Platform fit"),
        }

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def eventFilter(self, watched, event) -> bool:
        if watched is self._content and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(watched, event)

    # ================================================================== internals: layout, style
    def _arrange(self, force: bool = False) -> None:
        """Top row and gauge grid wrap when the panel is narrow (or the type is large)."""
        margins = self._content.layout().contentsMargins()
        width = self._scroll.viewport().width() - margins.left() - margins.right()
        sp = self._top.horizontalSpacing()
        p, lang, count = (w.sizeHint().width() for w in (self.platform_combo, self.language_combo, self.counter_label))
        count = max(count, QFontMetrics(self.counter_label.font()).horizontalAdvance("▲ 0,000 / 0,000"))
        if p + lang + count + 2 * sp <= width:
            mode = "row"
        elif p + lang + sp <= width:
            mode = "two"
        else:
            mode = "stack"
        if force or mode != self._top_mode:
            self._top_mode = mode
            for w in (self.platform_combo, self.language_combo, self.counter_label):
                self._top.removeWidget(w)
            for c in range(3):
                self._top.setColumnStretch(c, 0)
            if mode == "row":
                self._top.addWidget(self.platform_combo, 0, 0)
                self._top.addWidget(self.language_combo, 0, 1)
                self._top.addWidget(self.counter_label, 0, 2)
                self._top.setColumnStretch(2, 1)
            elif mode == "two":  # both lists side by side, the counter right-aligned below
                self._top.addWidget(self.platform_combo, 0, 0)
                self._top.addWidget(self.language_combo, 0, 1)
                self._top.addWidget(self.counter_label, 1, 0, 1, 2)
                self._top.setColumnStretch(0, 1)
                self._top.setColumnStretch(1, 1)
            else:  # the platform with its counter, the language below across the width
                self._top.addWidget(self.platform_combo, 0, 0)
                self._top.addWidget(self.counter_label, 0, 1)
                self._top.addWidget(self.language_combo, 1, 0, 1, 2)
                self._top.setColumnStretch(0, 1)
        need = max(g.minimumSizeHint().width() for g in self.gauges.values())
        columns = 2 if 2 * need + self._gauge_grid.spacing() <= width else 1
        if force or columns != self._gauge_columns:
            self._gauge_columns = columns
            for g in self.gauges.values():
                self._gauge_grid.removeWidget(g)
            for i, d in enumerate(DIMENSIONS):
                row, col = divmod(i, columns)
                self._gauge_grid.addWidget(self.gauges[d], row, col)
            for c in range(2):
                self._gauge_grid.setColumnStretch(c, 1 if c < columns else 0)

    def _apply_fonts(self) -> None:
        scale = PRESENTATION_SCALE if self._presentation else 1.0
        base = _font(self._base_font, scale)
        self.setFont(base)
        self.findings_title.setFont(_font(base, 1.1, bold=True))
        lh = QFontMetrics(base).height()
        # on a projector the gauges say it larger; the radar would push the findings out of sight
        self.radar.setVisible(not self._presentation)
        self.findings_title.setVisible(not self._presentation)  # the dimension rows head the list there
        self.radar.setFixedHeight(round(lh * 11))
        self.history_chart.setFixedHeight(round(lh * 12))
        self.tree.setMinimumHeight(round(lh * (6 if self._presentation else 8)))
        self.tree.setIndentation(0)
        self._content.layout().setSpacing(round(lh * 0.6))
        self._delegate.clear_cache()
        self.tree.scheduleDelayedItemsLayout()
        self._arrange(force=True)

    def _restyle(self) -> None:
        t = self._theme
        self.detail.theme = t
        self.detail.update()
        muted = ink(t.muted, t.panel)
        for label in (self.detail_head, self.detail_empty, self.why_source):
            _paint(label, muted)
        self._update_counter()
        self._show_detail(self._current)

    def _update_counter(self) -> None:
        count, limit = self._counter
        loc = QLocale()
        if loc.language() == QLocale.Language.C:
            loc = QLocale(QLocale.Language.English)
        over = bool(limit) and count > limit
        if limit:
            text = f"{loc.toString(count)} / {loc.toString(limit)}"
            name = self.tr("%1 of %2 characters").replace("%1", loc.toString(count)).replace("%2", loc.toString(limit))
        else:
            text = loc.toString(count)
            name = self.tr("%1 characters").replace("%1", loc.toString(count))
        if over:
            text = "▲ " + text
            name += ", " + self.tr("%1 over the limit").replace("%1", loc.toString(count - limit))
        self.counter_label.setText(text)
        self.counter_label.setAccessibleName(name)
        self.counter_label.setToolTip(name)
        self.counter_label.setProperty("over", over)
        t = self._theme
        _paint(self.counter_label, ink(t.light["red"], t.window) if over else ink(t.muted, t.window))
        _weight(self.counter_label, bold=over)

    def _update_auto_text(self) -> None:
        if self._detected in LANGUAGE_NAMES:
            text = self.tr("Auto (detected: %1)").replace("%1", LANGUAGE_NAMES[self._detected])
        else:
            text = self.tr("Auto")
        index = self.language_combo.findData("auto")
        if self.language_combo.itemText(index) != text:
            self.language_combo.setItemText(index, text)
            self._top_mode = ""  # its width changed
            self._arrange()

    # ================================================================== internals: tree
    def _label_dimension_item(self, dimension: str, item: QTreeWidgetItem) -> None:
        name = self.dimension_names()[dimension]
        count = item.childCount()
        item.setText(0, name)
        item.setData(0, COUNT_ROLE, count)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, self.tr("%1: %2 findings").replace("%1", name).replace("%2", str(count)))

    def _label_finding_item(self, item: QTreeWidgetItem, finding: Finding) -> None:
        item.setData(0, FINDING_ROLE, finding)
        item.setText(0, finding.message)
        word = self._severity_words.get(finding.severity, finding.severity)
        tip = f"{GLYPH.get(finding.severity, '')} {word}: {finding.message}"
        if finding.suggestion:
            tip += f"\n→ {finding.suggestion}"
        item.setToolTip(0, tip)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{word}: {finding.message}")

    def _fill_tree(self, findings: Sequence[Finding]) -> None:
        """Put `findings` under their dimension nodes, reusing rows, keeping selection and scroll."""
        keep = finding_key(self._current) if self._current is not None else None
        scroll = self.tree.verticalScrollBar().value()
        grouped: dict[str, list[Finding]] = {d: [] for d in DIMENSIONS}
        for f in findings:
            grouped.setdefault(f.dimension, []).append(f)
        self._rebuilding = True
        self.tree.setUpdatesEnabled(False)
        model = self.tree.model()
        try:
            wanted = {d: sorted(grouped.get(d, []), key=importance) for d in DIMENSIONS}
            for d in DIMENSIONS:  # structure first: drop surplus rows, add missing ones in one go
                node = self._dimension_items[d]
                while node.childCount() > len(wanted[d]):
                    node.removeChild(node.child(node.childCount() - 1))
                if node.childCount() < len(wanted[d]):
                    fresh = [QTreeWidgetItem() for _ in range(len(wanted[d]) - node.childCount())]
                    for item in fresh:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    node.addChildren(fresh)
            # then the texts, without one dataChanged (and one row-height pass) per role and row:
            # the single layout below measures every row once
            model.blockSignals(True)
            try:
                for d in DIMENSIONS:
                    node = self._dimension_items[d]
                    for i, f in enumerate(wanted[d]):
                        item = node.child(i)
                        if item.data(0, FINDING_ROLE) != f:
                            self._label_finding_item(item, f)
                    self._label_dimension_item(d, node)
            finally:
                model.blockSignals(False)
            target = self._item_for_key(keep) if keep is not None else None
            if target is None and keep is not None:
                target = self._nearest_item(keep)
            if target is not None:
                self.tree.setCurrentItem(target)
            else:
                self.tree.setCurrentItem(None)
                self.tree.clearSelection()
            self.tree.doItemsLayout()
            self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self._rebuilding = False
            self.tree.setUpdatesEnabled(True)
        self._show_detail(target.data(0, FINDING_ROLE) if target is not None else None)

    def _item_for_key(self, key: tuple) -> QTreeWidgetItem | None:
        for n in self._dimension_items.values():
            for i in range(n.childCount()):
                item = n.child(i)
                f = item.data(0, FINDING_ROLE)
                if f is not None and finding_key(f) == key:
                    return item
        return None

    def _nearest_item(self, key: tuple) -> QTreeWidgetItem | None:
        """Same rule and kind, closest start: the passage moved because text was typed before it."""
        rule, kind, start = key
        best, distance = None, None
        for n in self._dimension_items.values():
            for i in range(n.childCount()):
                item = n.child(i)
                f = item.data(0, FINDING_ROLE)
                if f.rule == rule and f.kind == kind:
                    dist = abs((f.start or 0) - (start or 0))
                    if distance is None or dist < distance:
                        best, distance = item, dist
        return best

    def _on_current_item(self, current: QTreeWidgetItem | None, _previous) -> None:
        if self._rebuilding:
            return
        finding = current.data(0, FINDING_ROLE) if current is not None else None
        self._show_detail(finding)
        if current is not None:
            QTimer.singleShot(0, lambda: self._ensure_visible(current))

    def _ensure_visible(self, item: QTreeWidgetItem) -> None:
        try:
            if self.tree.currentItem() is item:
                self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
        except RuntimeError:  # the item was removed meanwhile
            pass

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is None:
            item.setExpanded(not item.isExpanded())
            return
        self._emit_activated(finding)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is None:
            if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
                item.setExpanded(not item.isExpanded())
            return
        self._emit_activated(finding)

    def _emit_activated(self, finding: Finding) -> None:
        """One signal per gesture: a double-click (click + activate) selects the passage once."""
        key = finding_key(finding)
        if self._last_emit == key and self._emit_clock.isValid() and self._emit_clock.elapsed() < QApplication.doubleClickInterval():
            return
        self._last_emit = key
        self._emit_clock.restart()
        self.findingActivated.emit(finding)

    # ================================================================== internals: detail
    def _show_detail(self, finding: Finding | None) -> None:
        self._current = finding
        t = self._theme
        has = finding is not None
        self.detail_empty.setVisible(not has)
        for w in (self.detail_head, self.why_button):
            w.setVisible(has)
        self.detail_suggestion.setVisible(has and bool(finding.suggestion))
        why_open = has and self.why_button.isChecked()
        self.why_text.setVisible(why_open and bool(finding.why))
        self.why_source.setVisible(why_open and bool(finding.source))
        if not has:
            return
        glyph_color = ink(severity_color(t, finding.severity), t.panel, 3.0).name()
        word = self._severity_words.get(finding.severity, finding.severity)
        parts = [html.escape(word), html.escape(self.dimension_names().get(finding.dimension, finding.dimension))]
        if finding.points:
            parts.append(html.escape(self.tr("%1 points").replace("%1", signed(finding.points))))
        self.detail_head.setText(f'<span style="color:{glyph_color}; font-weight:bold">{GLYPH.get(finding.severity, "●")}</span> ' + " · ".join(parts))
        accent = ink(t.accent, t.panel).name()
        self.detail_suggestion.setText(f'<span style="color:{accent}; font-weight:bold">→</span> <b>{html.escape(finding.suggestion)}</b>')
        self.why_text.setText(finding.why)
        self.why_source.setText(self.tr("Source: %1").replace("%1", finding.source))

    def _on_why_toggled(self, on: bool) -> None:
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._show_detail(self._current)

    def _on_history_toggled(self, on: bool) -> None:
        self.history_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.history_chart.setVisible(on)

    # ================================================================== internals: combos
    def _on_platform_index(self, index: int) -> None:
        if index >= 0:
            self.platformChanged.emit(self.platform_combo.itemData(index))
            self._arrange()

    def _on_language_index(self, index: int) -> None:
        if index >= 0:
            self.languageChanged.emit(self.language_combo.itemData(index))
