"""The live coaching panel: four score gauges, a radar, the findings by dimension, their details, the history.

The panel only renders an AnalysisResult; it never scores anything itself. Updates while typing
are calm: the four gauges are reused, the findings tree keeps its items where it can, and the
selected finding (same rule, kind and start) and the scroll position survive every new result.
UI strings go through self.tr (English source, German .qm from resources/translations); finding
texts and breakdown labels arrive in the draft's language from the engine and are shown as they are.
The gauges live in gauges.py and the findings tree in findings.py; their public names are re-exported here.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QElapsedTimer, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.analysis.model import DIMENSIONS, LANGUAGE_DIMENSION, AnalysisResult, Finding
from resonanz.gui.app import theme as themes
from resonanz.gui.panel.charts import HistoryChart, RadarChart
from resonanz.gui.panel.colors import contrast, ink
from resonanz.gui.panel.findings import (
    COUNT_ROLE,
    DIMENSION_ROLE,
    FINDING_ROLE,
    GLYPH,
    SEVERITY_RANK,
    _Card,
    _FindingDelegate,
    _FindingTree,
    finding_key,
    importance,
    severity_color,
)
from resonanz.gui.panel.gauges import ScoreGauge
from resonanz.gui.panel.styling import MINUS, _font, _paint, _weight, signed
from resonanz.gui.app.theme import Theme

__all__ = [
    "COUNT_ROLE",
    "DIMENSION_ROLE",
    "FINDING_ROLE",
    "GLYPH",
    "LANGUAGE_NAMES",
    "MINUS",
    "PRESENTATION_SCALE",
    "PROMINENT",
    "SEVERITY_RANK",
    "CoachPanel",
    "ScoreGauge",
    "contrast",
    "finding_key",
    "importance",
    "ink",
    "severity_color",
    "signed",
]

PRESENTATION_SCALE = 1.6
PROMINENT = ("dialogue", "shareability")
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}  # endonyms: not translated
#: Groups of the findings tree: the four scored dimensions, then spelling and grammar (never scored).
GROUPS = (*DIMENSIONS, LANGUAGE_DIMENSION)
MAX_FIX_BUTTONS = 4


class CoachPanel(QWidget):
    """Scores, findings and their explanations for the current draft, updated live."""

    findingActivated = Signal(object)  # a Finding: the window selects its span in the editor
    platformChanged = Signal(str)  # platform id
    languageChanged = Signal(str)  # "auto" | "de" | "en"
    replacementChosen = Signal(object, str)  # (Finding, replacement): the window puts it into the text
    addWordRequested = Signal(object)  # a SPELL Finding: its word goes into the user's dictionary

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
        self._engine_findings: tuple[Finding, ...] = ()
        self._grammar_findings: tuple[Finding, ...] = ()

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
        for d in GROUPS:
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
        # one-click fixes of a spelling/grammar finding, and "add to dictionary" for an unknown word
        self.fix_row = QWidget()
        fix_layout = QHBoxLayout(self.fix_row)
        fix_layout.setContentsMargins(0, 0, 0, 0)
        fix_layout.setSpacing(6)
        self.fix_buttons: list[QPushButton] = []
        for _ in range(MAX_FIX_BUTTONS):
            button = QPushButton()
            button.clicked.connect(lambda _c=False, b=button: self._on_fix_clicked(b))
            fix_layout.addWidget(button)
            self.fix_buttons.append(button)
        self.add_word_button = QPushButton()
        self.add_word_button.clicked.connect(self._on_add_word_clicked)
        fix_layout.addWidget(self.add_word_button)
        fix_layout.addStretch(1)
        self.grammar_status = QLabel()
        self.grammar_status.setObjectName("grammar_status")
        self.grammar_status.setWordWrap(True)
        self.grammar_status.setTextFormat(Qt.TextFormat.PlainText)
        self.grammar_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._grammar_state = "off"
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
        for w in (self.detail_empty, self.detail_head, self.detail_suggestion, self.fix_row):
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
        outer.addWidget(self.grammar_status)
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
        chain = [self.platform_combo, self.language_combo, *(self.gauges[d] for d in DIMENSIONS), self.tree,
                 *self.fix_buttons, self.add_word_button, self.why_button, self.history_button]
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
        self._engine_findings = tuple(f for f in result.findings if f.dimension != LANGUAGE_DIMENSION)
        self._refill()

    def set_grammar(self, findings: Sequence[Finding]) -> None:
        """Spelling and grammar findings (LanguageTool or the offline dictionary) for the current text."""
        self._grammar_findings = tuple(findings)
        self._refill()

    def grammar_findings(self) -> tuple[Finding, ...]:
        return self._grammar_findings

    def set_grammar_status(self, state: str, text: str) -> None:
        """One line under the findings: off / starting / checking / ready / unavailable — and why."""
        self._grammar_state = state
        self.grammar_status.setText(text)
        self.grammar_status.setProperty("state", state)
        self.grammar_status.setAccessibleName(text)
        self._paint_grammar_status()

    def grammar_state(self) -> str:
        return self._grammar_state

    def _refill(self) -> None:
        findings = self._engine_findings + self._grammar_findings
        if findings != self._shown_findings:  # typing often changes no finding at all
            self._shown_findings = findings
            self._fill_tree(findings)

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
        for d in GROUPS:
            for item in self.finding_items(d):
                self._label_finding_item(item, item.data(0, FINDING_ROLE))
        self.add_word_button.setText(self.tr("Add to dictionary"))
        self.add_word_button.setAccessibleName(self.tr("Add this word to your dictionary"))
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
            LANGUAGE_DIMENSION: self.tr("Spelling and grammar"),
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
        self._paint_grammar_status()
        self._update_counter()
        self._show_detail(self._current)

    def _paint_grammar_status(self) -> None:
        """Unavailable is worth noticing (red text); every other state stays quiet (muted)."""
        t = self._theme
        _paint(self.grammar_status, ink(t.light["red"], t.panel) if self._grammar_state == "unavailable" else ink(t.muted, t.panel))

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
        grouped: dict[str, list[Finding]] = {d: [] for d in GROUPS}
        for f in findings:
            grouped.setdefault(f.dimension, []).append(f)
        self._rebuilding = True
        self.tree.setUpdatesEnabled(False)
        model = self.tree.model()
        try:
            wanted = {d: sorted(grouped.get(d, []), key=importance) for d in GROUPS}
            for d in GROUPS:  # structure first: drop surplus rows, add missing ones in one go
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
                for d in GROUPS:
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
        options = tuple(finding.replacements[:MAX_FIX_BUTTONS]) if has else ()
        for button, option in zip(self.fix_buttons, options + ("",) * MAX_FIX_BUTTONS):
            button.setVisible(bool(option))
            button.setProperty("replacement", option)
            button.setText(option.replace("&", "&&") if option else "")
            button.setToolTip(self.tr("Replace with “%1”").replace("%1", option) if option else "")
            button.setAccessibleName(self.tr("Replace with “%1”").replace("%1", option) if option else "")
        self.add_word_button.setVisible(has and finding.rule == "SPELL")
        self.fix_row.setVisible(bool(options) or self.add_word_button.isVisibleTo(self.fix_row))
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

    def _on_fix_clicked(self, button: QPushButton) -> None:
        if self._current is not None and button.property("replacement"):
            self.replacementChosen.emit(self._current, str(button.property("replacement")))

    def _on_add_word_clicked(self) -> None:
        if self._current is not None and self._current.rule == "SPELL" and self._current.spans:
            self.addWordRequested.emit(self._current)

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
