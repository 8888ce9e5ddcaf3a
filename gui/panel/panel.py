"""The live coaching panel: four score gauges, a radar, the findings by dimension, their details, the history.

The panel only renders an AnalysisResult; it never scores anything itself. Updates while typing
are calm: the four gauges are reused, the findings tree keeps its items where it can, and the
selected finding (same rule, kind and start) and the scroll position survive every new result.
UI strings go through self.tr (English source, German .qm from resources/translations); finding
texts and breakdown labels arrive in the draft's language from the engine and are shown as they are.

`CoachPanel` puts its parts together and keeps them in step: the platform/language row and the
counter (top_row.py), the gauges, radar and score history (score_area.py), the findings tree
(finding_list.py, painted by findings.py) and the detail box (finding_detail.py). The gauges live
in gauges.py and the finding helpers in finding_roles.py; their public names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QScrollArea, QTreeWidgetItem, QVBoxLayout, QWidget
from resonanz.core.analysis.model import DIMENSIONS, LANGUAGE_DIMENSION, AnalysisResult, Finding
from resonanz.core.analysis.reply import ReplyResult
from resonanz.gui.app import theme as themes
from resonanz.gui.app.theme import Theme
from resonanz.gui.panel.colors import contrast, ink
from resonanz.gui.panel.finding_detail import FindingDetail
from resonanz.gui.panel.finding_list import FindingList, GrammarStatus
from resonanz.gui.panel.findings_note import FindingsNote
from resonanz.gui.panel.finding_roles import (
    COUNT_ROLE,
    DIMENSION_ROLE,
    FINDING_ROLE,
    GLYPH,
    SEVERITY_RANK,
    dimension_names,
    finding_key,
    importance,
    severity_color,
)
from resonanz.gui.panel.gauges import ScoreGauge
from resonanz.gui.panel.presentation_fit import fit_presentation, presentation_config
from resonanz.gui.panel.score_area import PROMINENT, ScoreArea, ScoreHistory
from resonanz.gui.panel.styling import MINUS, _font, signed
from resonanz.gui.panel.top_row import LANGUAGE_NAMES, TopRow

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


class CoachPanel(QWidget):
    """Scores, findings and their explanations for the current draft, updated live."""

    findingActivated = Signal(object)  # a Finding: the window selects its span in the editor
    goToTextRequested = Signal()  # "Go to text": the editor takes the keyboard at the selected finding
    platformChanged = Signal(str)  # platform id
    languageChanged = Signal(str)  # "auto" | "de" | "en"
    replacementChosen = Signal(object, str)  # (Finding, replacement): the window puts it into the text
    addWordRequested = Signal(object)  # a SPELL Finding: its word goes into the user's dictionary

    def __init__(self, parent: QWidget | None = None, *, editable: bool = True) -> None:
        super().__init__(parent)  # editable=False: a text that is not the user's (no fixes, no "Go to text")
        self._theme: Theme = themes.system_theme()
        self._presentation = False
        self._base_font = QFont(self.font())
        self._shown_findings: tuple[Finding, ...] | None = None
        self._engine_findings: tuple[Finding, ...] = ()
        self._grammar_findings: tuple[Finding, ...] = ()

        # --- widgets
        self._top_row = top = TopRow()
        self.platform_combo, self.language_combo, self.counter_label = top.platform_combo, top.language_combo, top.counter_label
        self._scores = ScoreArea()
        self.gauges, self.radar = self._scores.gauges, self._scores.radar
        self._findings = FindingList(
            self, self, self.dimension_names, self._show_detail, self.findingActivated.emit, self.more_findings_text
        )
        self.findings_title, self.tree, self._delegate = self._findings.findings_title, self._findings.tree, self._findings.delegate
        self._dimension_items: dict[str, QTreeWidgetItem] = self._findings.dimension_items
        self._detail = detail = FindingDetail(
            self.theme, self.dimension_names, lambda: self._findings.severity_words, self.replacementChosen.emit, self.addWordRequested.emit,
            self.goToTextRequested.emit,
        )
        detail.editable = editable
        self.detail, self.detail_head = detail.detail, detail.detail_head
        self.detail_suggestion, self.detail_empty = detail.detail_suggestion, detail.detail_empty
        self.why_button, self.why_text, self.why_source = detail.why_button, detail.why_text, detail.why_source
        self.why_evidence = detail.why_evidence
        self.fix_row, self.fix_buttons, self.add_word_button = detail.fix_row, detail.fix_buttons, detail.add_word_button
        self._note = FindingsNote()  # no problem marked: what is still true about the scores
        self.findings_note = self._note.label
        self._scores_now = None  # the shown result's scores: None before the first, empty when not judged
        self._grammar = GrammarStatus()
        self.grammar_status = self._grammar.label
        detail.build()
        self._history = ScoreHistory()
        self.history_button, self.history_chart = self._history.button, self._history.chart

        # --- layout (inside a scroll area, so nothing is ever squeezed or clipped)
        self._content = QWidget()
        self._content.setObjectName("content")
        outer = QVBoxLayout(self._content)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(10)
        outer.addLayout(top.grid)
        outer.addLayout(self._scores.grid)
        outer.addWidget(self.radar)
        outer.addWidget(self.findings_title)
        outer.addWidget(self.findings_note)
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
        self._findings.connect()
        self.why_button.toggled.connect(detail.on_why_toggled)
        self.history_button.toggled.connect(self._history.on_toggled)

        self.retranslate()
        self._apply_fonts()
        self._show_detail(None)
        detail.on_why_toggled(False)
        self.set_theme(self._theme)

        # Tab order: combos → gauges → tree → detail → history (all widgets are placed by now)
        chain = [self.platform_combo, self.language_combo, *(self.gauges[d] for d in DIMENSIONS), self.tree,
                 *self.fix_buttons, self.add_word_button, self.why_button, detail.go_button, self.history_button]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        self.radar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # ================================================================== public API
    def set_platforms(self, items: Sequence[tuple[str, str]], current: str) -> None:
        """Fill the platform list with (id, display name) pairs and select `current` (no signal)."""
        self._top_row.set_platforms(items, current)
        self._arrange(force=True)

    def set_language_choice(self, value: str) -> None:
        """Select "auto", "de" or "en" in the language list (no signal)."""
        self._top_row.set_language_choice(value)

    def platform(self) -> str:
        """The platform id selected."""
        return self.platform_combo.currentData() or ""

    def language_choice(self) -> str:
        """"auto", "de" or "en"."""
        return self.language_combo.currentData() or "auto"

    def show_result(self, result: AnalysisResult | ReplyResult) -> None:
        """Show a new analysis: gauges, radar and findings; the selected finding and scroll position stay."""
        self._findings.set_reply(self._scores.show(result))  # a reply: one gauge, one group of findings
        self._scores_now = result.scores
        self._top_row.detected = result.language if result.language_detected else None
        self._top_row.update_auto_text(self._arrange)
        self._engine_findings = tuple(f for f in result.findings if f.dimension != LANGUAGE_DIMENSION)
        if result.language != self._detail.language:  # the Why text and its evidence line speak the draft's language
            self._detail.language = result.language
            self._shown_findings = None
        self._refill()

    def set_grammar(self, findings: Sequence[Finding]) -> None:
        """Spelling and grammar findings (LanguageTool or the offline dictionary) for the current text."""
        self._grammar_findings = tuple(findings)
        self._refill()

    def grammar_findings(self) -> tuple[Finding, ...]:
        return self._grammar_findings

    def set_grammar_status(self, state: str, text: str) -> None:
        """One line under the findings: off / starting / checking / ready / unavailable — and why."""
        self._grammar.set_status(state, text, self._theme)

    def grammar_state(self) -> str:
        return self._grammar.state

    def _refill(self) -> None:
        # not judged (too little text): no findings at all, not even spelling; the note asks for more text
        findings = self._engine_findings + (self._grammar_findings if self._scores_now or self._scores_now is None else ())
        if findings != self._shown_findings:  # typing often changes no finding at all
            self._shown_findings = findings
            self._show_detail(self._findings.fill(findings, self._detail.current))
        self._note.update(self._scores_now, findings, self.dimension_names())

    def set_counter(self, count: int, limit: int) -> None:
        """"512 / 3,000" (red and marked when over the limit); just "512" when the platform has no limit."""
        self._top_row.counter = (count, limit)
        self._top_row.update_counter(self._theme)

    def set_theme(self, theme: Theme) -> None:
        """Re-style everything in `theme`'s colours."""
        self._theme = theme
        self.setPalette(themes.palette_for(theme))
        self._content.setAutoFillBackground(True)
        self._scores.set_theme(theme)
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
        return self._findings.finding_items(dimension)

    def selected_finding(self) -> Finding | None:
        """The finding whose details are shown."""
        return self._detail.current

    def select_finding(self, finding: Finding) -> bool:
        """Select the row of `finding` (matched by rule, kind and start); False if it is not shown."""
        item = self._findings.item_for_key(finding_key(finding))
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
        self._scores.set_names(names)
        self.history_chart.set_labels(names)
        self._top_row.retranslate()
        self._top_row.update_auto_text(self._arrange)
        self.radar.setAccessibleName(self.tr("Scores as a radar chart"))
        self.findings_title.setText(self.tr("Findings"))
        self.tree.setAccessibleName(self.tr("Findings by dimension"))
        self.tree.setAccessibleDescription(self.tr("A click or Enter selects the passage in the draft; Ctrl+Enter goes there to edit it."))
        self._detail.retranslate()
        self.history_button.setText(self.tr("Score history"))
        self.history_button.setAccessibleName(self.tr("Score history"))
        self.history_chart.setAccessibleName(self.tr("Scores over the saved revisions"))
        self._findings.retranslate()
        self._note.update(self._scores_now, self._shown_findings or (), names)
        self._detail.retranslate_add_word()
        self._top_row.update_counter(self._theme)
        self._show_detail(self._detail.current)
        self._arrange(force=True)

    def dimension_names(self) -> dict[str, str]:
        """The four dimensions' names in the UI language (finding_roles.py)."""
        return dimension_names()

    def more_findings_text(self, hidden: int) -> str:
        """The last row of a group that shows only part of its findings (finding_list.py)."""
        return self.tr("… and %n more findings in this group", "", hidden)

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
        self._top_row.arrange(width, force)
        force = fit_presentation(self, self._presentation) or force
        self._scores.arrange(width, force)

    def _apply_fonts(self) -> None:
        scale = PRESENTATION_SCALE if self._presentation else 1.0
        base = _font(self._base_font, scale)
        self.setFont(base)
        self.findings_title.setFont(_font(base, 1.1, bold=True))
        lh = QFontMetrics(base).height()
        # on a projector the gauges say it larger; the radar would push the findings out of sight
        self._scores.set_presentation(self._presentation)
        self.findings_title.setVisible(not self._presentation)  # the dimension rows head the list there
        self.grammar_status.setVisible(not self._presentation)  # the checker's state is for the facilitator
        self._show_detail(self._detail.current)
        self.radar.setFixedHeight(round(lh * 11))
        self.history_chart.setFixedHeight(round(lh * 12))
        self.tree.setMinimumHeight(round(lh * (presentation_config()["min_findings_lines"] if self._presentation else 8)))
        self.tree.setIndentation(0)
        self._content.layout().setSpacing(round(lh * 0.6))
        self._delegate.clear_cache()
        self.tree.scheduleDelayedItemsLayout()
        self._arrange(force=True)

    def _restyle(self) -> None:
        self._detail.restyle(self._theme)
        self._grammar.paint(self._theme)
        self._note.paint(self._theme)
        self._top_row.update_counter(self._theme)
        self._show_detail(self._detail.current)

    def _show_detail(self, finding: Finding | None) -> None:
        self._detail.show(finding)
        self.detail.setVisible(finding is not None or not self._presentation)  # no instructions on the projector

    # ================================================================== internals: combos
    def _on_platform_index(self, index: int) -> None:
        if index >= 0:
            self.platformChanged.emit(self.platform_combo.itemData(index))
            self._arrange()

    def _on_language_index(self, index: int) -> None:
        if index >= 0:
            self.languageChanged.emit(self.language_combo.itemData(index))
