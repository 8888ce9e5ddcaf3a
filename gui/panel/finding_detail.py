"""The panel's detail box: what the selected finding means, what to do, and on demand why (with its source).

For spelling and grammar findings it offers one-click replacements and, for an unknown word,
"Add to dictionary"; it only reports those choices, the window changes the text.

Under the source line the Why section says how well the rule is backed by data: a badge with the
grade's name (coloured by grade, the word always there) and one sentence (core/analysis/evidence.py).
Like the reasoning and the source above it, that is in the draft's language (`language`), so the
Why section reads in one language; spelling and grammar findings have no such line.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget
from resonanz.core.analysis.evidence import describe, evidence_for, grade_name
from resonanz.core.analysis.model import DIMENSIONS, Finding
from resonanz.gui.app.theme import Theme
from resonanz.gui.panel.colors import contrast, ink
from resonanz.gui.panel.finding_roles import GLYPH, severity_color
from resonanz.gui.panel.findings import _Card
from resonanz.gui.panel.styling import _paint, _weight, signed

__all__ = ["MAX_FIX_BUTTONS", "FindingDetail", "grade_colors"]

MAX_FIX_BUTTONS = 4
# Which theme colour a grade's badge wears ("muted": no claim either way).
_GRADE_HUE = {"supported": "green", "mixed": "amber", "contradicted": "red", "unclear": "muted", "untested": "muted"}


def grade_colors(t: Theme, grade: str) -> tuple[str, str]:
    """(background, text) of a grade's badge in theme `t`: the grade's colour, and the more legible of panel and text ink."""
    hue = _GRADE_HUE.get(grade, "muted")
    bg = QColor(t.muted if hue == "muted" else t.light[hue])
    fg = max((QColor(t.panel), QColor(t.text), QColor("#ffffff"), QColor("#000000")), key=lambda c: contrast(c, bg))
    return bg.name(), fg.name()


class FindingDetail:
    """The `detail` card: head, suggestion, fix buttons, "Why?" with reasoning and source."""

    def __init__(
        self,
        theme: Callable[[], Theme],
        names: Callable[[], Mapping[str, str]],
        words: Callable[[], Mapping[str, str]],
        on_replacement: Callable[[Finding, str], None],
        on_add_word: Callable[[Finding], None],
        on_go_to_text: Callable[[], None] = lambda: None,
    ) -> None:
        self._theme = theme
        self._names = names
        self._words = words  # severity -> word in the UI language
        self._on_replacement = on_replacement
        self._on_add_word = on_add_word
        self.current: Finding | None = None
        self.editable = True  # False: the text is not the user's to change (no fixes, no "Go to text")
        self.language = "en"  # the draft's language: the one the Why text and the evidence line are in
        self.detail = _Card()
        self.detail.setObjectName("detail")
        self.detail_head = QLabel()
        self.detail_suggestion = QLabel()
        self.detail_empty = QLabel()
        # the keyboard stays in the findings list after a click; this (or Ctrl+Enter) takes it to the text
        self.go_button = QPushButton()
        self.go_button.setObjectName("goToText")
        self.go_button.clicked.connect(lambda _c=False: on_go_to_text())
        self.why_button = QToolButton()
        self.why_button.setCheckable(True)
        self.why_button.setAutoRaise(True)
        _weight(self.why_button, bold=True)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_text = QLabel()
        self.why_source = QLabel()
        self.why_evidence = QLabel()  # the rule's evidence grade (a badge) and its sentence
        self.why_evidence.setObjectName("evidence")
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

    def build(self) -> None:
        """Wrap and format the labels and lay the card out (after the panel made its grammar line)."""
        for label in (self.detail_head, self.detail_suggestion, self.detail_empty, self.why_text, self.why_source, self.why_evidence):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_head.setTextFormat(Qt.TextFormat.RichText)
        self.detail_suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.why_evidence.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.why_text, self.why_source, self.detail_empty):
            label.setTextFormat(Qt.TextFormat.PlainText)
        _weight(self.why_source, italic=True)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setSpacing(4)
        for w in (self.detail_empty, self.detail_head, self.detail_suggestion, self.fix_row):
            detail_layout.addWidget(w)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.why_button)
        row.addStretch(1)
        row.addWidget(self.go_button)
        detail_layout.addLayout(row)
        detail_layout.addWidget(self.why_text)
        detail_layout.addWidget(self.why_source)
        detail_layout.addWidget(self.why_evidence)

    def retranslate(self) -> None:
        self.detail.setAccessibleName(QCoreApplication.translate("CoachPanel", "Details of the selected finding"))
        self.detail_empty.setText(QCoreApplication.translate("CoachPanel", "Select a finding to see what to do about it."))
        self.why_button.setText(QCoreApplication.translate("CoachPanel", "Why?"))
        self.go_button.setText(QCoreApplication.translate("CoachPanel", "Go to text"))
        self.go_button.setToolTip(QCoreApplication.translate("CoachPanel", "Edit the passage in the draft (Ctrl+Enter)"))
        self.go_button.setAccessibleName(QCoreApplication.translate("CoachPanel", "Go to the passage in the draft to edit it"))
        self.why_button.setAccessibleName(QCoreApplication.translate("CoachPanel", "Why? Show the reasoning and source"))
        self.why_evidence.setToolTip(QCoreApplication.translate(
            "CoachPanel", "How well this rule is backed by data: measured against public data sets with `resonanz validate`."))

    def retranslate_add_word(self) -> None:
        self.add_word_button.setText(QCoreApplication.translate("CoachPanel", "Add to dictionary"))
        self.add_word_button.setAccessibleName(QCoreApplication.translate("CoachPanel", "Add this word to your dictionary"))

    def restyle(self, t: Theme) -> None:
        self.detail.theme = t
        self.detail.update()
        muted = ink(t.muted, t.panel)
        for label in (self.detail_head, self.detail_empty, self.why_source):
            _paint(label, muted)

    def show(self, finding: Finding | None) -> None:
        """Show `finding` (None: the hint to select one)."""
        self.current = finding
        t = self._theme()
        has = finding is not None
        self.detail_empty.setVisible(not has)
        for w in (self.detail_head, self.why_button):
            w.setVisible(has)
        self.go_button.setVisible(has and self.editable and bool(finding.spans))
        self.detail_suggestion.setVisible(has and bool(finding.suggestion))
        why_open = has and self.why_button.isChecked()
        self.why_text.setVisible(why_open and bool(finding.why))
        self.why_source.setVisible(why_open and bool(finding.source))
        self.why_evidence.setVisible(why_open and finding.dimension in DIMENSIONS)
        options = tuple(finding.replacements[:MAX_FIX_BUTTONS]) if has and self.editable else ()
        for button, option in zip(self.fix_buttons, options + ("",) * MAX_FIX_BUTTONS):
            button.setVisible(bool(option))
            button.setProperty("replacement", option)
            button.setText(option.replace("&", "&&") if option else "")
            button.setToolTip(QCoreApplication.translate("CoachPanel", "Replace with “%1”").replace("%1", option) if option else "")
            button.setAccessibleName(QCoreApplication.translate("CoachPanel", "Replace with “%1”").replace("%1", option) if option else "")
        self.add_word_button.setVisible(has and self.editable and finding.rule == "SPELL")
        self.fix_row.setVisible(bool(options) or self.add_word_button.isVisibleTo(self.fix_row))
        if not has:
            return
        glyph_color = ink(severity_color(t, finding.severity), t.panel, 3.0).name()
        word = self._words().get(finding.severity, finding.severity)
        parts = [html.escape(word), html.escape(self._names().get(finding.dimension, finding.dimension))]
        if finding.points:
            parts.append(html.escape(QCoreApplication.translate("CoachPanel", "Points: %1").replace("%1", signed(finding.points))))
        self.detail_head.setText(f'<span style="color:{glyph_color}; font-weight:bold">{GLYPH.get(finding.severity, "●")}</span> ' + " · ".join(parts))
        accent = ink(t.accent, t.panel).name()
        self.detail_suggestion.setText(f'<span style="color:{accent}; font-weight:bold">→</span> <b>{html.escape(finding.suggestion)}</b>')
        self.why_text.setText(finding.why)
        self.why_source.setText(QCoreApplication.translate("CoachPanel", "Source: %1").replace("%1", finding.source))
        self._show_evidence(finding, t)

    def _show_evidence(self, finding: Finding, t: Theme) -> None:
        """The grade as a badge (colour and word) and the sentence, in the draft's language."""
        if finding.dimension not in DIMENSIONS:
            self.why_evidence.clear()
            return
        ev = evidence_for(finding.rule)
        name = grade_name(ev.grade, self.language)
        name = name[:1].upper() + name[1:]
        sentence = describe(ev, self.language, with_grade=False)
        bg, fg = grade_colors(t, ev.grade)
        muted = ink(t.muted, t.panel).name()
        self.why_evidence.setText(
            f'<span style="background-color:{bg}; color:{fg}; font-weight:bold">&nbsp;{html.escape(name)}&nbsp;</span>'
            f'&nbsp; <span style="color:{muted}">{html.escape(sentence)}</span>'
        )
        self.why_evidence.setProperty("grade", ev.grade)
        label = QCoreApplication.translate("CoachPanel", "Evidence: %1").replace("%1", describe(ev, self.language))
        self.why_evidence.setAccessibleName(label)

    def _on_fix_clicked(self, button: QPushButton) -> None:
        if self.current is not None and button.property("replacement"):
            self._on_replacement(self.current, str(button.property("replacement")))

    def _on_add_word_clicked(self) -> None:
        if self.current is not None and self.current.rule == "SPELL" and self.current.spans:
            self._on_add_word(self.current)

    def on_why_toggled(self, on: bool) -> None:
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.show(self.current)
