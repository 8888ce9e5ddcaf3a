"""The panel's top row: the platform and language lists and the character counter; it wraps when narrow.

The language list's "Auto" entry names the detected language; the counter turns red and marked
when the text is over the platform's limit, and says by how much ("▲ 510 / 280", "230 too many").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel
from resonanz.gui.app.theme import Theme
from resonanz.gui.panel.colors import ink
from resonanz.gui.panel.styling import _paint, _weight

__all__ = ["LANGUAGE_NAMES", "TopRow"]

LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}  # endonyms: not translated


class TopRow:
    """Platform list, language list and counter, laid out in `grid` as one row, two rows or a stack."""

    def __init__(self) -> None:
        self.detected: str | None = None
        self.counter = (0, 0)
        self.mode = ""
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
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)

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

    def set_language_choice(self, value: str) -> None:
        """Select "auto", "de" or "en" in the language list (no signal)."""
        combo = self.language_combo
        index = combo.findData(value)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def retranslate(self) -> None:
        self.platform_combo.setAccessibleName(QCoreApplication.translate("CoachPanel", "Platform"))
        self.platform_combo.setToolTip(QCoreApplication.translate("CoachPanel", "Platform the post is written for"))
        self.language_combo.setAccessibleName(QCoreApplication.translate("CoachPanel", "Language of the draft"))
        self.language_combo.setToolTip(QCoreApplication.translate("CoachPanel", "Language of the draft: detected automatically or chosen"))

    def arrange(self, width: int, force: bool) -> None:
        """One row, two rows (the counter below) or a stack (the language below), whatever fits `width`."""
        top = self.grid
        sp = top.horizontalSpacing()
        p, lang, count = (w.sizeHint().width() for w in (self.platform_combo, self.language_combo, self.counter_label))
        count = max(count, QFontMetrics(self.counter_label.font()).horizontalAdvance("▲ 0,000 / 0,000"))
        if p + lang + count + 2 * sp <= width:
            mode = "row"
        elif p + lang + sp <= width:
            mode = "two"
        else:
            mode = "stack"
        if force or mode != self.mode:
            self.mode = mode
            for w in (self.platform_combo, self.language_combo, self.counter_label):
                top.removeWidget(w)
            for c in range(3):
                top.setColumnStretch(c, 0)
            if mode == "row":
                top.addWidget(self.platform_combo, 0, 0)
                top.addWidget(self.language_combo, 0, 1)
                top.addWidget(self.counter_label, 0, 2)
                top.setColumnStretch(2, 1)
            elif mode == "two":  # both lists side by side, the counter right-aligned below
                top.addWidget(self.platform_combo, 0, 0)
                top.addWidget(self.language_combo, 0, 1)
                top.addWidget(self.counter_label, 1, 0, 1, 2)
                top.setColumnStretch(0, 1)
                top.setColumnStretch(1, 1)
            else:  # the platform with its counter, the language below across the width
                top.addWidget(self.platform_combo, 0, 0)
                top.addWidget(self.counter_label, 0, 1)
                top.addWidget(self.language_combo, 1, 0, 1, 2)
                top.setColumnStretch(0, 1)

    def update_counter(self, t: Theme) -> None:
        count, limit = self.counter
        loc = QLocale()
        if loc.language() == QLocale.Language.C:
            loc = QLocale(QLocale.Language.English)
        over = bool(limit) and count > limit
        if limit:
            text = f"{loc.toString(count)} / {loc.toString(limit)}"
            name = QCoreApplication.translate("CoachPanel", "Characters: %1 of %2").replace("%1", loc.toString(count)).replace("%2", loc.toString(limit))
        else:
            text = loc.toString(count)
            name = QCoreApplication.translate("CoachPanel", "Characters: %1").replace("%1", loc.toString(count))
        if over:
            # the excess on a line of its own, so the counter's width stays what the row reserves
            excess = count - limit
            too_many = QCoreApplication.translate("CoachPanel", "%1 too many", "characters over the limit")
            text = "▲ " + text + "\n" + too_many.replace("%1", loc.toString(excess))
            name += ", " + QCoreApplication.translate("CoachPanel", "%1 over the limit").replace("%1", loc.toString(excess))
        self.counter_label.setText(text)
        self.counter_label.setAccessibleName(name)
        self.counter_label.setToolTip(name)
        self.counter_label.setProperty("over", over)
        _paint(self.counter_label, ink(t.light["red"], t.window) if over else ink(t.muted, t.window))
        _weight(self.counter_label, bold=over)

    def update_auto_text(self, arrange: Callable[[], None]) -> None:
        """"Auto" names the detected language; a changed width re-arranges the row (`arrange`)."""
        if self.detected in LANGUAGE_NAMES:
            text = QCoreApplication.translate("CoachPanel", "Auto (detected: %1)").replace("%1", LANGUAGE_NAMES[self.detected])
        else:
            text = QCoreApplication.translate("CoachPanel", "Auto")
        index = self.language_combo.findData("auto")
        if self.language_combo.itemText(index) != text:
            self.language_combo.setItemText(index, text)
            self.mode = ""  # its width changed
            arrange()
