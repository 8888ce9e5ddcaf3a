"""Finding text that does not fit: the checks of test_no_clipping.py (issue 17, defect 10).

A text is clipped when the widget showing it is narrower than the text needs: a QLabel that does not
wrap, a button or check box, a line edit's placeholder, an item of a list, tree or table. Qt cuts such
text off or elides it with "…"; that is only acceptable when the full text is in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QToolButton,
    QTreeView,
    QWidget,
)

MAX_ITEMS = 400  # rows looked at per view: enough for every window of the app


def _shown(text: str) -> str:
    """A label's or button's text as drawn: "&&" is "&", a single "&" marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _width(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _covered(widget: QWidget, text: str, tooltip: str | None = None) -> bool:
    """The full text is in the tooltip (of the item or of the widget)."""
    tip = widget.toolTip() if tooltip is None else tooltip
    flat = " ".join(text.split())
    return bool(flat) and flat in " ".join((tip or "").split())


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    window = widget.window()
    return f"{type(window).__name__}/{type(widget).__name__}({widget.objectName() or widget.accessibleName() or ''})"


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.wordWrap() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    if label.textFormat() == Qt.TextFormat.RichText or (label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
        return None  # rich text is laid out by a QTextDocument; the app's rich labels wrap
    shown = _shown(text) if label.buddy() is not None or "&" in text else text
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    if _width(label, shown) > room and not _covered(label, shown):
        return f"{_name(label)}: {shown!r} needs {_width(label, shown)} px, has {room}"
    return None


def _button(button: QAbstractButton) -> str | None:
    text = _shown(button.text())
    if not text or isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    need = button.sizeHint().width()
    if button.width() < need and not _covered(button, text):
        return f"{_name(button)}: {text!r} needs {need} px, has {button.width()}"
    return None


def _placeholder(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if not text or edit.text():
        return None
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit) if edit.hasFrame() else 0
    margins = edit.textMargins()
    room = edit.width() - 2 * frame - 4 - margins.left() - margins.right()  # QLineEdit keeps 2 px each side
    if edit.isClearButtonEnabled():
        room -= edit.height()  # the clear button's room, kept even while it is hidden
    if _width(edit, text) > room and not _covered(edit, text):
        return f"{_name(edit)}: placeholder {text!r} needs {_width(edit, text)} px, has {room}"
    return None


def _items(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    problems: list[str] = []
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    viewport = view.viewport().rect()
    seen = 0

    def walk(parent: QModelIndex) -> None:
        nonlocal seen
        columns = 1 if isinstance(view, QListView) else model.columnCount(parent)  # a list widget's model hides it
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                seen += 1
                if seen > MAX_ITEMS:
                    return
                rect = view.visualRect(index)
                if rect.isEmpty() or not rect.intersects(viewport):
                    continue
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                if not isinstance(text, str) or not text.strip():
                    continue
                room = rect.width() - margin
                if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
                    room -= view.iconSize().width() if view.iconSize().isValid() else view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
                    room -= margin
                if model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
                    room -= view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + margin
                width = _width(view, text)
                if getattr(view, "wordWrap", lambda: False)():  # wrapped: it fits if all its lines do
                    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
                    height = view.fontMetrics().boundingRect(0, 0, max(room, 1), 100000, flags, text).height()
                    width = width if height > rect.height() else 0
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if width > room and not _covered(view, text, tip if isinstance(tip, str) else ""):
                    problems.append(f"{_name(view)}: item {text!r} needs {width} px, has {room}")
            if isinstance(view, QTreeView) and model.hasChildren(model.index(row, 0, parent)):
                walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return problems


def clipped_texts(window: QWidget) -> list[str]:
    """Every clipped text of `window` and its visible children, one line each ("" if none)."""
    problems: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _visible(widget):
            continue
        if isinstance(widget, QLabel):
            found = _label(widget)
        elif isinstance(widget, QAbstractButton):
            found = _button(widget)
        elif isinstance(widget, QLineEdit):
            found = _placeholder(widget)
        else:
            found = None
        if found:
            problems.append(found)
        if isinstance(widget, QAbstractItemView) and isinstance(widget, QAbstractScrollArea):
            problems.extend(_items(widget))
    return problems
