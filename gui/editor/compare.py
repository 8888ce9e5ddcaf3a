"""Original draft beside its revision: how each change moved the four scores.

A coach shows a client what the revision changed: four delta tiles ("42 → 65", "+23"), the two
texts side by side (passages of problems the revision resolved struck through in the original,
problems the revision added underlined in the revision), and the lists of resolved problems, new
problems and strengths gained. All numbers come from `resonanz.core.analysis.compare`; nothing is scored here.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.analysis.compare import Comparison, compare, format_delta
from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS, Finding
from resonanz.core.analysis.packs import load_pack
from resonanz.gui.editor.textpos import OffsetMap
from resonanz.gui.app.theme import UNDERLINE, Theme, system_theme

PRESENTATION_SCALE = 1.45  # font factor of presentation mode: readable from the back of a room
RESOLVED_SIGN, NEW_SIGN, GAINED_SIGN = "\u2714", "\u25b2", "\u2605"  # ✔ ▲ ★


def normalize_newlines(text: str) -> str:
    """CR LF and lone CR as LF: a QTextDocument folds CR LF into one position, the engine would not."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class ChangeList(QListWidget):
    """A list of findings that says so in words when it is empty (an empty box reads as 'not loaded')."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = ""
        self._placeholder_color = QColor("#5b636e")
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        # one line per finding, cut with "…"; the full message and suggestion are in the tooltip
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
        """Show one dimension's scores; None clears the numbers."""
        self.before, self.after = before, after
        self.name_label.setText(name)
        if before is None or after is None:
            self.scores_label.setText("\u2013")
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


class CompareView(QWidget):
    """Original and revision of a post side by side, with score deltas and what changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._comparison: Comparison | None = None
        self._labels: dict[str, str] = {}
        self._theme: Theme = system_theme()
        self._presentation = False
        base = self.font().pointSizeF()
        self._base_pt = base if base > 0 else 10.0
        # (qt_start, qt_end, tooltip) per editor, for hover explanations of the marks
        self._mark_tips: dict[QPlainTextEdit, list[tuple[int, int, str]]] = {}

        self.tiles = {dim: DeltaTile(dim, self) for dim in DIMENSIONS}
        tiles_row = QHBoxLayout()
        tiles_row.setSpacing(10)
        for tile in self.tiles.values():
            tiles_row.addWidget(tile, 1)

        self.original_header, self.original_note, self.original_edit, original_pane = self._pane("original")
        self.revision_header, self.revision_note, self.revision_edit, revision_pane = self._pane("revision")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(original_pane)
        self.splitter.addWidget(revision_pane)

        self.resolved_header, self.resolved_list, resolved_box = self._list_box("resolved")
        self.new_header, self.new_list, new_box = self._list_box("new")
        self.gained_header, self.gained_list, gained_box = self._list_box("gained")
        lists_row = QWidget(self)
        lists_layout = QHBoxLayout(lists_row)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.setSpacing(10)
        for box in (resolved_box, new_box, gained_box):
            lists_layout.addWidget(box, 1)

        self.radar = self._make_radar()
        self.radar_caption = QLabel(self)
        self.radar_caption.setWordWrap(True)
        self.radar_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.radar_caption.setVisible(self.radar is not None)
        if self.radar is not None:
            self.radar.setObjectName("compareRadar")
            self.radar.setMinimumSize(180, 170)
            self.radar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
            radar_box = self._radar_box = QWidget(lists_row)
            radar_layout = QVBoxLayout(radar_box)
            radar_layout.setContentsMargins(0, 0, 0, 0)
            radar_layout.setSpacing(2)
            radar_layout.addWidget(self.radar, 1, Qt.AlignmentFlag.AlignHCenter)
            radar_layout.addWidget(self.radar_caption)
            lists_layout.addWidget(radar_box)

        self._lists_layout = lists_layout
        self.vsplitter = QSplitter(Qt.Orientation.Vertical, self)
        self.vsplitter.setChildrenCollapsible(False)
        self.vsplitter.addWidget(self.splitter)
        self.vsplitter.addWidget(lists_row)
        self.vsplitter.setStretchFactor(0, 5)  # the texts first; the lists scroll
        self.vsplitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(tiles_row)
        layout.addWidget(self.vsplitter, 1)

        # keyboard: Tab goes editor → editor → lists (the tiles are read by their accessible names)
        chain = [self.original_edit, self.revision_edit, self.resolved_list, self.new_list, self.gained_list]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.resolved_list.currentItemChanged.connect(lambda item, _prev: self._reveal(item, self.original_edit))
        self.new_list.currentItemChanged.connect(lambda item, _prev: self._reveal(item, self.revision_edit))
        self.gained_list.currentItemChanged.connect(lambda item, _prev: self._reveal(item, self.revision_edit))

        self.retranslate()
        self.set_theme(self._theme)
        self._apply_fonts()

    # ------------------------------------------------------------------ building blocks

    def _pane(self, name: str) -> tuple[QLabel, QLabel, QPlainTextEdit, QWidget]:
        pane = QWidget(self)
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
        edit.viewport().installEventFilter(self)
        self._mark_tips[edit] = []
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

    def _list_box(self, name: str) -> tuple[QLabel, ChangeList, QWidget]:
        box = QWidget(self)
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

    def _make_radar(self) -> QWidget | None:
        """The radar chart, if gui/charts.py is there yet (it is written separately)."""
        try:
            from resonanz.gui.panel.charts import RadarChart
        except ImportError:
            return None
        return RadarChart(self)

    # ------------------------------------------------------------------ public API

    def set_drafts(self, original: str, revision: str, language: str = "auto", platform: str = "linkedin") -> Comparison:
        """Analyse both drafts and show how the revision moved the scores; returns the comparison."""
        original, revision = normalize_newlines(original), normalize_newlines(revision)
        before = analyze(original, language, platform, rules_dir=None)
        after = analyze(revision, language, platform, rules_dir=None)
        self._comparison = compare(before, after)
        self._labels = dict(load_pack(after.language, False).labels)
        self.original_edit.setPlainText(original)
        self.revision_edit.setPlainText(revision)
        self._fill_lists()
        self._apply_marks()
        self._update_radar()
        self.retranslate()  # headers with counts, word counts, tiles
        return self._comparison

    def comparison(self) -> Comparison | None:
        """The comparison shown, or None before `set_drafts`."""
        return self._comparison

    def set_theme(self, theme: Theme) -> None:
        """Recolour everything, the marks included."""
        self._theme = theme
        t = theme
        base = "#ffffff" if t.name == "light" else t.window
        self.setStyleSheet(
            f"""
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
        )
        for dim, tile in self.tiles.items():
            # each tile carries its dimension's colour as a bar on the left, like its marks in the editor
            tile.setStyleSheet(f"QFrame#tile_{dim} {{ border-left: 5px solid {t.dimension[dim]}; }}")
            tile.apply_colors(t)
        for label in (self.original_note, self.revision_note, self.radar_caption):
            label.setStyleSheet(f"color: {t.muted};")
        self._update_notes()
        self.original_header.setStyleSheet(f"color: {t.muted};")
        self.revision_header.setStyleSheet(f"color: {t.accent};")
        for lst in (self.resolved_list, self.new_list, self.gained_list):
            lst.set_placeholder(lst.placeholder(), t.muted)
        self._color_list_items()
        self._apply_marks()
        if self.radar is not None and hasattr(self.radar, "set_theme"):
            self.radar.set_theme(t)

    def theme(self) -> Theme:
        """The theme in use."""
        return self._theme

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: larger fonts everywhere, for a projector or a shared screen."""
        self._presentation = bool(on)
        self._apply_fonts()

    def is_presentation(self) -> bool:
        """True in presentation mode."""
        return self._presentation

    # ------------------------------------------------------------------ translation

    def retranslate(self) -> None:
        """Every UI string, again (called at start and on LanguageChange)."""
        c = self._comparison
        self.original_header.setText(self.tr("Original"))
        self.revision_header.setText(self.tr("Revision"))
        self.original_edit.setAccessibleName(self.tr("Original draft"))
        self.revision_edit.setAccessibleName(self.tr("Revised draft"))
        self.original_edit.setPlaceholderText(self.tr("The client's original draft"))
        self.revision_edit.setPlaceholderText(self.tr("The revision"))
        counts = (len(c.resolved), len(c.new), len(c.gained)) if c else (None, None, None)
        titles = (self.tr("Resolved"), self.tr("New"), self.tr("Strengths gained"))
        signs = (RESOLVED_SIGN, NEW_SIGN, GAINED_SIGN)
        headers = (self.resolved_header, self.new_header, self.gained_header)
        for header, sign, title, n in zip(headers, signs, titles, counts):
            header.setText(f"{sign} {title}" if n is None else f"{sign} {title} ({n})")
        self.radar_caption.setText(self.tr("Filled: revision \u00b7 dashed: original"))
        self.resolved_list.setAccessibleName(self.tr("Resolved problems"))
        self.new_list.setAccessibleName(self.tr("New problems"))
        self.gained_list.setAccessibleName(self.tr("Strengths gained"))
        self.resolved_list.setAccessibleDescription(self.tr("Problems of the original that the revision no longer has"))
        self.new_list.setAccessibleDescription(self.tr("Problems the revision has and the original had not"))
        self.gained_list.setAccessibleDescription(self.tr("Strengths the revision added"))
        empty = self.tr("Nothing to compare yet.")
        self.resolved_list.set_placeholder(self.tr("No problem of the original was resolved.") if c else empty, self._theme.muted)
        self.new_list.set_placeholder(self.tr("None: the revision adds no new problems.") if c else empty, self._theme.muted)
        self.gained_list.set_placeholder(self.tr("No new strengths.") if c else empty, self._theme.muted)
        if c is not None:
            self._update_notes()
            self.original_edit.setAccessibleDescription(self.tr("Struck through: passages whose problems the revision resolved"))
            self.revision_edit.setAccessibleDescription(self.tr("Underlined: passages with problems the revision added"))
        else:
            self.original_note.setText("")
            self.revision_note.setText("")
        self._update_tiles()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_notes(self) -> None:
        """Word counts, and a legend of the marks where there are marks to explain."""
        c, t = self._comparison, self._theme
        if c is None:
            return
        words = html.escape(self._labels.get("words", ""))
        legend_resolved = (
            f'<span style="background-color:{t.good_mark}; color:{t.text}"><s>&nbsp;{html.escape(self.tr("resolved"))}&nbsp;</s></span>'
            if any(f.spans for f in c.resolved) else ""
        )
        legend_new = f'<u>{html.escape(self.tr("new problem"))}</u>' if any(f.spans for f in c.new) else ""
        for note, legend, result in ((self.original_note, legend_resolved, c.before), (self.revision_note, legend_new, c.after)):
            count = f"{result.stats.get('words', 0)} {words}".strip()
            note.setText(f"{legend} &nbsp;·&nbsp; {count}" if legend else count)

    def _dimension_name(self, dim: str) -> str:
        if dim in self._labels:
            return self._labels[dim]
        fallback = {
            "dialogue": self.tr("Dialogue"),
            "shareability": self.tr("Shareability"),
            "clarity": self.tr("Clarity"),
            "platform_fit": self.tr("Platform fit"),
        }
        return fallback[dim]

    # ------------------------------------------------------------------ filling in

    def _update_tiles(self) -> None:
        c = self._comparison
        for dim, tile in self.tiles.items():
            name = self._dimension_name(dim)
            if c is None:
                tile.set_values(name, None, None)
                tile.setAccessibleName(name)
                tile.setAccessibleDescription(self.tr("No comparison yet"))
            else:
                before, after = c.before.score(dim), c.after.score(dim)
                tile.set_values(name, before, after)
                delta = format_delta(after - before)
                tile.setAccessibleName(self.tr("{name}: {before} to {after}, change {delta}").format(name=name, before=before, after=after, delta=delta))
                tile.setAccessibleDescription(self.tr("{name} score of the original and of the revision").format(name=name))
                tile.setToolTip(tile.accessibleName())
            tile.apply_colors(self._theme)

    def _fill_lists(self) -> None:
        c = self._comparison
        groups = ((self.resolved_list, RESOLVED_SIGN, c.resolved), (self.new_list, NEW_SIGN, c.new), (self.gained_list, GAINED_SIGN, c.gained))
        for lst, sign, findings in groups:
            lst.blockSignals(True)
            lst.clear()
            for index, finding in enumerate(findings):
                item = QListWidgetItem(f"{sign} {finding.message}")
                item.setData(Qt.ItemDataRole.UserRole, index)
                item.setToolTip(self._finding_tip(finding))
                lst.addItem(item)
            lst.blockSignals(False)
            # an empty list needs room only for its one sentence: give the width to the others
            self._lists_layout.setStretchFactor(lst.parentWidget(), 2 if findings else 1)
        self._color_list_items()

    def _color_list_items(self) -> None:
        t = self._theme
        for lst in (self.resolved_list, self.new_list, self.gained_list):
            for row in range(lst.count()):
                lst.item(row).setForeground(QColor(t.text))

    def _finding_tip(self, finding: Finding) -> str:
        lines = [f"{self._dimension_name(finding.dimension)} \u00b7 {finding.rule}", finding.message]
        if finding.suggestion:
            lines.append(finding.suggestion)
        return "\n".join(lines)

    def _update_radar(self) -> None:
        c = self._comparison
        if self.radar is None or c is None:
            return
        if hasattr(self.radar, "set_labels"):
            self.radar.set_labels({d: self._dimension_name(d) for d in DIMENSIONS})
        # the revision is the shape; the original is the outline it is compared with
        self.radar.set_scores({d: c.after.score(d) for d in DIMENSIONS}, {d: c.before.score(d) for d in DIMENSIONS})

    # ------------------------------------------------------------------ marks

    def _resolved_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontStrikeOut(True)
        fmt.setBackground(QColor(self._theme.good_mark))
        fmt.setProperty(QTextCharFormat.Property.UserProperty, "resolved")
        return fmt

    def _new_format(self, dimension: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(UNDERLINE[dimension])
        color = QColor(self._theme.dimension[dimension])
        fmt.setUnderlineColor(color)
        color.setAlpha(48)  # a faint tint of the same colour, so a new problem is found at a glance
        fmt.setBackground(color)
        fmt.setProperty(QTextCharFormat.Property.UserProperty, "new")
        return fmt

    def _apply_marks(self) -> None:
        c = self._comparison
        if c is None:
            return
        self._mark(self.original_edit, c.before.text, ((f, self._resolved_format(), self.tr("Resolved")) for f in c.resolved))
        self._mark(self.revision_edit, c.after.text, ((f, self._new_format(f.dimension), self.tr("New")) for f in c.new))

    def _mark(self, edit: QPlainTextEdit, text: str, marks: Iterable[tuple[Finding, QTextCharFormat, str]]) -> None:
        offsets = OffsetMap(text)
        selections, tips = [], []
        for finding, fmt, what in marks:
            for span in finding.spans:
                if span.end <= span.start:
                    continue
                start, end = offsets.to_qt(span.start), offsets.to_qt(span.end)
                cursor = QTextCursor(edit.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                tips.append((start, end, f"{what}: {finding.message}"))
        edit.setExtraSelections(selections)
        self._mark_tips[edit] = tips

    def _reveal(self, item: QListWidgetItem | None, edit: QPlainTextEdit) -> None:
        """Select the first passage of the chosen finding in its editor, so the coach can point at it."""
        c = self._comparison
        if item is None or c is None:
            return
        lst = item.listWidget()
        findings = c.resolved if lst is self.resolved_list else c.new if lst is self.new_list else c.gained
        finding = findings[item.data(Qt.ItemDataRole.UserRole)]
        if not finding.spans:
            return
        text = c.before.text if edit is self.original_edit else c.after.text
        offsets = OffsetMap(text)
        cursor = QTextCursor(edit.document())
        cursor.setPosition(offsets.to_qt(finding.spans[0].start))
        cursor.setPosition(offsets.to_qt(finding.spans[0].end), QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()

    def eventFilter(self, watched, event) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip:
            for edit, tips in self._mark_tips.items():
                if watched is edit.viewport():
                    position = edit.cursorForPosition(event.pos()).position()
                    hits = [tip for start, end, tip in tips if start <= position < end]
                    if hits:
                        QToolTip.showText(event.globalPos(), "\n".join(dict.fromkeys(hits)), edit.viewport(), QRect(event.pos(), QPoint(1, 1)))
                    else:
                        QToolTip.hideText()
                    return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ fonts

    def _font(self, factor: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        scale = PRESENTATION_SCALE if self._presentation else 1.0
        font.setPointSizeF(self._base_pt * factor * scale)
        font.setBold(bold)
        return font

    def _apply_fonts(self) -> None:
        for edit in (self.original_edit, self.revision_edit):
            edit.setFont(self._font(1.15))
        for header in (self.original_header, self.revision_header):
            header.setFont(self._font(1.3, bold=True))
        for note in (self.original_note, self.revision_note):
            note.setFont(self._font(1.0))
        for header in (self.resolved_header, self.new_header, self.gained_header):
            header.setFont(self._font(1.1, bold=True))
        for lst in (self.resolved_list, self.new_list, self.gained_list):
            lst.setFont(self._font(1.05))
        for tile in self.tiles.values():
            tile.name_label.setFont(self._font(1.05, bold=True))
            tile.scores_label.setFont(self._font(1.9))
            tile.delta_label.setFont(self._font(1.9, bold=True))
        self.radar_caption.setFont(self._font(0.95))
        if self.radar is not None:
            self.radar.setFont(self._font(1.0))
            # the axis labels grow with the font: the chart grows too, or they squeeze it to a dot
            width = int(240 * (PRESENTATION_SCALE if self._presentation else 1.0))
            self.radar.setFixedWidth(width)
            self._radar_box.setFixedWidth(width + 10)
