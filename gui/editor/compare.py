"""Original draft beside its revision: how each change moved the four scores.

A coach shows a client what the revision changed: four delta tiles ("42 → 65", "+23"), the two
texts side by side (passages of problems the revision resolved struck through in the original,
problems the revision added underlined in the revision), and the lists of resolved problems, new
problems and strengths gained. All numbers come from `resonanz.core.analysis.compare`; nothing is scored here.

This module owns the view's state, its texts (translations) and filling it in; its widgets are built
in `compare_widgets`, the marks in the two texts are drawn by `compare_marks`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QListWidgetItem, QPlainTextEdit, QWidget
from resonanz.core.analysis.compare import Comparison, compare, format_delta, score_value
from resonanz.core.analysis.model import DIMENSIONS, Finding
from resonanz.gui.app.theme import Theme, system_theme
from resonanz.gui.editor.compare_reply import ReplyContext, analyze_pair, show_kind
from resonanz.gui.editor.compare_marks import mark, new_format, resolved_format, select_passage, show_tip
from resonanz.gui.editor.compare_widgets import setup_ui, style_sheet

PRESENTATION_SCALE = 1.45  # font factor of presentation mode: readable from the back of a room
RESOLVED_SIGN, NEW_SIGN, GAINED_SIGN = "\u2714", "\u25b2", "\u2605"  # ✔ ▲ ★


def normalize_newlines(text: str) -> str:
    """CR LF and lone CR as LF: a QTextDocument folds CR LF into one position, the engine would not."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _show_text(edit: QPlainTextEdit, text: str) -> None:
    """Put `text` into `edit` unless it is there already (the cursor and scroll position stay), keeping the scroll."""
    if edit.toPlainText() == text:
        return
    scroll = edit.verticalScrollBar().value()
    edit.setPlainText(text)
    edit.verticalScrollBar().setValue(scroll)


class CompareView(QWidget):
    """Original and revision of a post side by side, with score deltas and what changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._comparison: Comparison | None = None
        self._titles = ("", "")  # the two panes' names when they are not "Original" and "Revision"
        self._theme: Theme = system_theme()
        self._presentation = False
        base = self.font().pointSizeF()
        self._base_pt = base if base > 0 else 10.0
        # (qt_start, qt_end, tooltip) per editor, for hover explanations of the marks
        self._mark_tips: dict[QPlainTextEdit, list[tuple[int, int, str]]] = {}

        setup_ui(self)

        self.resolved_list.currentItemChanged.connect(lambda item, _prev: self._reveal(item, self.original_edit))
        self.new_list.currentItemChanged.connect(lambda item, _prev: self._reveal(item, self.revision_edit))
        self.gained_list.currentItemChanged.connect(lambda item, _prev: self._reveal(item, self.revision_edit))

        self.retranslate()
        self.set_theme(self._theme)
        self._apply_fonts()

    # ------------------------------------------------------------------ public API

    def set_drafts(self, original: str, revision: str, language: str = "auto", platform: str = "linkedin",
                   reply: ReplyContext | None = None, original_reply: ReplyContext | None = None) -> Comparison:
        """Analyse both drafts and show how the revision moved the scores; returns the comparison.

        `reply` = (comment, post): both are replies to that comment (`original_reply`: the original's, if another)."""
        original, revision = normalize_newlines(original), normalize_newlines(revision)
        self._comparison = compare(*analyze_pair(original, revision, language, platform, reply, original_reply))
        show_kind(self, reply is not None)
        _show_text(self.original_edit, original)
        _show_text(self.revision_edit, revision)
        self._fill_lists()
        self._apply_marks()
        self._update_radar()
        self.retranslate()  # headers with counts, word counts, tiles
        return self._comparison

    def show_revision_only(self, revision: str) -> None:
        """No original to compare with: the revision alone, no numbers (never a comparison with an empty text)."""
        self._comparison = None
        _show_text(self.revision_edit, normalize_newlines(revision))
        for edit in (self.original_edit, self.revision_edit):
            edit.setExtraSelections([])
            self._mark_tips[edit] = []
        for lst in (self.resolved_list, self.new_list, self.gained_list):
            lst.clear()
        self.retranslate()

    def set_pane_titles(self, original: str, revision: str) -> None:
        """Name the two texts (two participants' attempts) instead of "Original" and "Revision"; "" for those."""
        self._titles = (original, revision)
        self.retranslate()

    def comparison(self) -> Comparison | None:
        """The comparison shown, or None before `set_drafts`."""
        return self._comparison

    def set_theme(self, theme: Theme) -> None:
        """Recolour everything, the marks included."""
        self._theme = theme
        t = theme
        self.setStyleSheet(style_sheet(t))
        for dim, tile in self.all_tiles.items():
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
        first, second = self._titles
        self.original_header.setText(first or self.tr("Original"))
        self.revision_header.setText(second or self.tr("Revision"))
        self.original_edit.setAccessibleName(self.tr("Original draft"))
        self.revision_edit.setAccessibleName(self.tr("Revised draft"))
        self.original_edit.setPlaceholderText(
            self.tr("The client's original draft") if self.original_edit.isReadOnly()
            else self.tr("Paste the client's original draft here: it becomes the original to compare with.")
        )
        self.revision_edit.setPlaceholderText(self.tr("The revision"))
        counts = (len(c.resolved), len(c.new), len(c.gained)) if c else (None, None, None)
        titles = (self.tr("Resolved"), self.tr("New"), self.tr("Strengths gained"))
        signs = (RESOLVED_SIGN, NEW_SIGN, GAINED_SIGN)
        headers = (self.resolved_header, self.new_header, self.gained_header)
        for header, sign, title, n in zip(headers, signs, titles, counts):
            header.setText(f"{sign} {title}" if n is None else f"{sign} {title} ({n})")
        if first and second:
            self.radar_caption.setText(self.tr("Filled: %1 \u00b7 dashed: %2").replace("%1", second).replace("%2", first))
        else:
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
        self._update_radar()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_notes(self) -> None:
        """Word counts, and a legend of the marks where there are marks to explain."""
        c, t = self._comparison, self._theme
        if c is None:
            return
        legend_resolved = (
            f'<span style="background-color:{t.good_mark}; color:{t.text}"><s>&nbsp;{html.escape(self.tr("resolved"))}&nbsp;</s></span>'
            if any(f.spans for f in c.resolved) else ""
        )
        legend_new = f'<u>{html.escape(self.tr("new problem"))}</u>' if any(f.spans for f in c.new) else ""
        for note, legend, result in ((self.original_note, legend_resolved, c.before), (self.revision_note, legend_new, c.after)):
            count = html.escape(self.tr("%n word(s)", "", int(result.stats.get("words", 0))))
            note.setText(f"{legend} &nbsp;·&nbsp; {count}" if legend else count)

    def _dimension_name(self, dim: str) -> str:
        """In the interface language, like every label of this view (only the texts are the post's)."""
        names = {
            "dialogue": self.tr("Dialogue"),
            "shareability": self.tr("Shareability"),
            "clarity": self.tr("Clarity"),
            "platform_fit": self.tr("Platform fit"),
            "reply": self.tr("Reply"),
        }
        return names[dim]

    # ------------------------------------------------------------------ filling in

    def _update_tiles(self) -> None:
        c = self._comparison
        for dim, tile in self.all_tiles.items():
            name = self._dimension_name(dim)
            if c is None:
                tile.set_values(name, None, None)
                tile.setAccessibleName(name)
                tile.setAccessibleDescription(self.tr("No comparison yet"))
            else:
                before, after = score_value(c.before, dim), score_value(c.after, dim)
                tile.set_values(name, before, after)
                if before is None or after is None:  # a draft with too little text to judge has no score
                    tile.setAccessibleName(self.tr("{name}: not enough text to judge").format(name=name))
                else:
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
        if self.radar is None or c is None or "reply" in c.deltas:  # a reply's one score makes no radar
            return
        if hasattr(self.radar, "set_labels"):
            self.radar.set_labels({d: self._dimension_name(d) for d in DIMENSIONS})
        # the revision is the shape; the original is the outline it is compared with
        # a side with too little text to judge has no shape
        self.radar.set_scores({d: c.after.score(d) for d in DIMENSIONS} if c.after.judged else {},
                              {d: c.before.score(d) for d in DIMENSIONS} if c.before.judged else None)

    # ------------------------------------------------------------------ marks

    def _apply_marks(self) -> None:
        c = self._comparison
        if c is None:
            return
        t, original, revision = self._theme, self.original_edit, self.revision_edit
        self._mark_tips[original] = mark(original, c.before.text, ((f, resolved_format(t), self.tr("Resolved")) for f in c.resolved))
        self._mark_tips[revision] = mark(revision, c.after.text, ((f, new_format(t, f.dimension), self.tr("New")) for f in c.new))

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
        select_passage(edit, text, finding.spans[0])

    def eventFilter(self, watched, event) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip:
            for edit, tips in self._mark_tips.items():
                if watched is edit.viewport():
                    show_tip(edit, tips, event)
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
        for tile in self.all_tiles.values():
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
