"""Widgets and layout of the compare view: the finding list, the score-delta tile, the text pane, the list
box with its header, the radar, `setup_ui` (every child of the view, in creation order) and the style sheet.

Construction only; what the widgets show is filled in by `resonanz.gui.editor.compare.CompareView`.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.analysis.compare import format_delta
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.gui.app.theme import Theme


class ChangeList(QListWidget):
    """A list of findings that says so in words when it is empty (an empty box reads as 'not loaded')."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = ""
        self._placeholder_color = QColor("#5b636e")
        # every finding whole, wrapped over as many lines as it needs (issue 17: nothing cut off);
        # the tooltip adds the dimension, the rule and the suggestion
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_placeholder(self, text: str, color: str) -> None:
        """The sentence shown while the list has no items."""
        self._placeholder, self._placeholder_color = text, QColor(color)
        self.viewport().update()

    def placeholder(self) -> str:
        """The sentence shown while the list has no items."""
        return self._placeholder

    def paintEvent(self, event) -> None:  # Qt override
        super().paintEvent(event)
        if self.count() == 0 and self._placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self._placeholder_color)
            painter.setFont(self.font())
            rect = self.viewport().rect().adjusted(8, 6, -8, -6)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), self._placeholder)
            painter.end()



class DeltaTile(QFrame):
    """One dimension: its name, "before → after" and the signed change (sign and colour, never colour alone)."""

    def __init__(self, dimension: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dimension = dimension
        self.setObjectName(f"tile_{dimension}")
        self.setProperty("deltaTile", True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.name_label = QLabel(self)
        self.scores_label = QLabel("\u2013", self)
        self.delta_label = QLabel("", self)
        self.delta_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scores_label, 1)
        row.addWidget(self.delta_label)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 8, 14, 8)
        box.setSpacing(2)
        box.addWidget(self.name_label)
        box.addLayout(row)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.before: int | None = None
        self.after: int | None = None

    @property
    def delta(self) -> int | None:
        """after - before, or None before anything was compared."""
        return None if self.before is None or self.after is None else self.after - self.before

    def set_values(self, name: str, before: int | None, after: int | None) -> None:
        """Show one dimension's scores; None clears the numbers (one side None: that draft is not
        judged, too little text, and shows "–")."""
        self.before, self.after = before, after
        self.name_label.setText(name)
        if before is None and after is None:
            self.scores_label.setText("\u2013")
            self.delta_label.setText("")
        elif before is None or after is None:
            self.scores_label.setText(" \u2192 ".join("\u2013" if v is None else str(v) for v in (before, after)))
            self.delta_label.setText("")
        else:
            self.scores_label.setText(f"{before} \u2192 {after}")
            self.delta_label.setText(format_delta(after - before))

    def apply_colors(self, theme: Theme) -> None:
        """Delta in green (up), red (down) or muted (unchanged); the name in the dimension's colour."""
        delta = self.delta
        if delta is None or delta == 0:
            color = theme.muted
        else:
            color = theme.light["green"] if delta > 0 else theme.light["red"]
        self.delta_label.setStyleSheet(f"color: {color};")
        self.scores_label.setStyleSheet(f"color: {theme.text};")
        self.name_label.setStyleSheet(f"color: {theme.muted};")



def text_pane(owner: QWidget, name: str) -> tuple[QLabel, QLabel, QPlainTextEdit, QWidget]:
    """Header, note and read-only text of one draft in a pane of `owner`, which filters the text's events (tooltips)."""
    pane = QWidget(owner)
    header = QLabel(pane)
    header.setObjectName(f"{name}Header")
    note = QLabel(pane)
    note.setObjectName(f"{name}Note")
    note.setTextFormat(Qt.TextFormat.RichText)
    edit = QPlainTextEdit(pane)
    edit.setObjectName(f"{name}Edit")
    edit.setReadOnly(True)
    edit.setTabChangesFocus(True)
    edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    edit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    edit.viewport().installEventFilter(owner)
    head = QHBoxLayout()
    head.setContentsMargins(2, 0, 2, 0)
    head.addWidget(header)
    head.addStretch(1)
    head.addWidget(note)
    box = QVBoxLayout(pane)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(4)
    box.addLayout(head)
    box.addWidget(edit, 1)
    header.setBuddy(edit)
    return header, note, edit, pane


def list_box(owner: QWidget, name: str) -> tuple[QLabel, ChangeList, QWidget]:
    """A header over a ChangeList, in a box of `owner`."""
    box = QWidget(owner)
    header = QLabel(box)
    header.setObjectName(f"{name}Header")
    lst = ChangeList(box)
    lst.setObjectName(f"{name}List")
    header.setBuddy(lst)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(header)
    layout.addWidget(lst, 1)
    return header, lst, box


def make_radar(owner: QWidget) -> QWidget | None:
    """The radar chart, if gui/charts.py is there yet (it is written separately)."""
    try:
        from resonanz.gui.panel.charts import RadarChart
    except ImportError:
        return None
    return RadarChart(owner)


def setup_ui(view: QWidget) -> None:
    """Create the children of a CompareView (its `_mark_tips` dict already there) and lay them out."""
    view.tiles = {dim: DeltaTile(dim, view) for dim in DIMENSIONS}
    view.reply_tile = DeltaTile("reply", view)  # a reply's one score (compare_reply.py), hidden for a post
    view.reply_tile.hide()
    view.all_tiles = {**view.tiles, "reply": view.reply_tile}
    tiles_row = QHBoxLayout()
    tiles_row.setSpacing(10)
    for tile in view.all_tiles.values():
        tiles_row.addWidget(tile, 1)

    view.original_header, view.original_note, view.original_edit, original_pane = text_pane(view, "original")
    view._mark_tips[view.original_edit] = []
    view.revision_header, view.revision_note, view.revision_edit, revision_pane = text_pane(view, "revision")
    view._mark_tips[view.revision_edit] = []
    view.splitter = QSplitter(Qt.Orientation.Horizontal, view)
    view.splitter.setChildrenCollapsible(False)
    view.splitter.addWidget(original_pane)
    view.splitter.addWidget(revision_pane)

    view.resolved_header, view.resolved_list, resolved_box = list_box(view, "resolved")
    view.new_header, view.new_list, new_box = list_box(view, "new")
    view.gained_header, view.gained_list, gained_box = list_box(view, "gained")
    lists_row = QWidget(view)
    lists_layout = QHBoxLayout(lists_row)
    lists_layout.setContentsMargins(0, 0, 0, 0)
    lists_layout.setSpacing(10)
    for box in (resolved_box, new_box, gained_box):
        lists_layout.addWidget(box, 1)

    view.radar = make_radar(view)
    view.radar_caption = QLabel(view)
    view.radar_caption.setWordWrap(True)
    view.radar_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    view.radar_caption.setVisible(view.radar is not None)
    if view.radar is not None:
        view.radar.setObjectName("compareRadar")
        view.radar.setMinimumSize(180, 170)
        view.radar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        radar_box = view._radar_box = QWidget(lists_row)
        radar_layout = QVBoxLayout(radar_box)
        radar_layout.setContentsMargins(0, 0, 0, 0)
        radar_layout.setSpacing(2)
        radar_layout.addWidget(view.radar, 1, Qt.AlignmentFlag.AlignHCenter)
        radar_layout.addWidget(view.radar_caption)
        lists_layout.addWidget(radar_box)

    view._lists_layout = lists_layout
    view.vsplitter = QSplitter(Qt.Orientation.Vertical, view)
    view.vsplitter.setChildrenCollapsible(False)
    view.vsplitter.addWidget(view.splitter)
    view.vsplitter.addWidget(lists_row)
    view.vsplitter.setStretchFactor(0, 5)  # the texts first; the lists scroll
    view.vsplitter.setStretchFactor(1, 3)

    layout = QVBoxLayout(view)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.setSpacing(10)
    layout.addLayout(tiles_row)
    layout.addWidget(view.vsplitter, 1)

    # keyboard: Tab goes editor → editor → lists (the tiles are read by their accessible names)
    chain = [view.original_edit, view.revision_edit, view.resolved_list, view.new_list, view.gained_list]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def style_sheet(t: Theme) -> str:
    """The compare view's style sheet in theme `t`."""
    base = "#ffffff" if t.name == "light" else t.window
    return f"""
            CompareView {{ background: {t.window}; }}
            QLabel {{ color: {t.text}; background: transparent; }}
            QFrame[deltaTile="true"] {{ background: {t.panel}; border: 1px solid {t.border}; border-radius: 6px; }}
            QPlainTextEdit, QListWidget {{
                background: {base}; color: {t.text}; border: 1px solid {t.border}; border-radius: 4px;
                selection-background-color: {t.accent}; selection-color: {"#000000" if t.name == "high_contrast" else "#ffffff"};
            }}
            QPlainTextEdit:focus, QListWidget:focus {{ border: 2px solid {t.accent}; }}
            QListWidget::item {{ padding: 3px 4px; }}
            QSplitter::handle {{ background: {t.window}; }}
            """
