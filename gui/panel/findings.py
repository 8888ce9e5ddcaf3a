"""The findings tree's widgets: the delegate that paints dimension and finding rows, the tree, the detail box (`_Card`).

The roles, glyphs and severity helpers they use live in finding_roles.py.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)
from resonanz.gui.app import theme as themes
from resonanz.gui.panel.colors import ink
from resonanz.gui.panel.finding_roles import COUNT_ROLE, DIMENSION_ROLE, FINDING_ROLE, GLYPH, MORE_ROLE, ThemeSource, severity_color
from resonanz.gui.panel.styling import MINUS, _chevron, _font, signed
from resonanz.gui.app.theme import Theme


class _FindingDelegate(QStyledItemDelegate):
    """Paints a dimension row (chevron, colour, name, count), a finding (glyph, wrapped message, points) or
    a group's "… and N more" row (muted, italic)."""

    def __init__(self, panel: ThemeSource, tree: QTreeWidget) -> None:
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
            if index.data(MORE_ROLE) is not None:
                return QSize(100, fm.height() + pad * 2 + 1)
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
        if finding is None and index.data(MORE_ROLE) is not None:
            painter.fillRect(rect, QColor("#ffffff" if theme.name == "light" else theme.window))
            italic = QFont(option.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(QColor(theme.muted))
            text_rect = rect.adjusted(self._indent(fm) + pad * 2 + fm.horizontalAdvance("✖"), 0, -pad, 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, index.data(Qt.ItemDataRole.DisplayRole) or "")
            painter.setPen(QPen(QColor(theme.border), 1))
            painter.drawLine(QPointF(rect.left() + self._indent(fm), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        elif finding is None:
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

    def __init__(self, panel: QWidget) -> None:
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
