"""The panel's findings area: the title, the tree of findings grouped by dimension, and the grammar check's line.

Rows are reused where they can be; the selected finding (same rule, kind and start, else the
nearest of its kind) and the scroll position survive every refill. A click or Enter on a finding
reports it once per gesture. A group shows at most `max_rows_per_group` findings (resources/editor.toml,
the most important first) and then one row, not selectable, saying how many more there are; its
count still says all of them (a multi-megabyte paste has tens of thousands of findings).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTreeWidgetItem, QWidget
from resonanz.core.analysis.model import DIMENSIONS, LANGUAGE_DIMENSION, Finding
from resonanz.gui.app.settings import editor_config
from resonanz.gui.app.theme import Theme
from resonanz.gui.panel.colors import ink
from resonanz.gui.panel.finding_roles import COUNT_ROLE, DIMENSION_ROLE, FINDING_ROLE, GLYPH, MORE_ROLE, ThemeSource, finding_key, importance
from resonanz.gui.panel.findings import _FindingDelegate, _FindingTree
from resonanz.gui.panel.styling import _paint

__all__ = ["GROUPS", "REPLY_GROUPS", "FindingList", "GrammarStatus"]

#: Groups of the findings tree: the four scored dimensions, then spelling and grammar (never scored).
GROUPS = (*DIMENSIONS, LANGUAGE_DIMENSION)
#: The groups of a reply to a comment: its one score, then spelling and grammar.
REPLY_GROUPS = ("reply", LANGUAGE_DIMENSION)


def max_rows_per_group() -> int:
    """At most this many finding rows per group (resources/editor.toml, `[findings_list]`)."""
    return int(editor_config()["findings_list"]["max_rows_per_group"])


class FindingList:
    """`findings_title` and `tree` with one node per group; reports the current and the activated finding."""

    def __init__(
        self,
        panel: QWidget,
        theme_source: ThemeSource,
        names: Callable[[], Mapping[str, str]],
        on_current: Callable[[Finding | None], None],
        on_activated: Callable[[Finding], None],
        more_text: Callable[[int], str],
    ) -> None:
        self._names = names
        self._more_text = more_text  # "… and %n more findings in this group" in the UI language
        self._on_current = on_current
        self._on_activated = on_activated
        self._rebuilding = False
        self._last_emit: tuple | None = None
        self._emit_clock = QElapsedTimer()
        self.severity_words: dict[str, str] = {}
        self.max_rows = max_rows_per_group()
        self._totals: dict[str, int] = {d: 0 for d in GROUPS}  # findings per group, shown or not
        self._more: dict[str, QTreeWidgetItem | None] = {d: None for d in GROUPS}  # the "… and N more" row
        self.findings_title = QLabel()
        self.tree = _FindingTree(panel)
        self.delegate = _FindingDelegate(theme_source, self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.dimension_items: dict[str, QTreeWidgetItem] = {}
        for d in GROUPS:
            self._add_group(d)
        self.reply = False

    def _add_group(self, d: str, index: int | None = None) -> None:
        item = QTreeWidgetItem()
        if index is None:
            self.tree.addTopLevelItem(item)
        else:
            self.tree.insertTopLevelItem(index, item)
        item.setData(0, DIMENSION_ROLE, d)
        item.setData(0, COUNT_ROLE, 0)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.dimension_items[d] = item
        self._totals[d], self._more[d] = 0, None
        item.setExpanded(True)

    def set_reply(self, on: bool) -> None:
        """Group by the reply's one score (a reply to a comment) or by the four dimensions (a post).

        The reply's group is made the first time it is needed; the groups not in use are hidden."""
        if on == self.reply:
            return
        if on and "reply" not in self.dimension_items:
            self._add_group("reply", 0)
            self._label_dimension_item("reply", self.dimension_items["reply"])
        self.reply = on
        shown = REPLY_GROUPS if on else GROUPS
        for d, item in self.dimension_items.items():
            item.setHidden(d not in shown)

    def connect(self) -> None:
        self.tree.currentItemChanged.connect(self._on_current_item)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemExpanded.connect(lambda _i: self.tree.viewport().update())
        self.tree.itemCollapsed.connect(lambda _i: self.tree.viewport().update())

    def finding_items(self, dimension: str) -> list[QTreeWidgetItem]:
        """The finding rows under one dimension, in the order shown (not the "… and N more" row)."""
        node = self.dimension_items[dimension]
        return [node.child(i) for i in range(self._row_count(dimension))]

    def _row_count(self, dimension: str) -> int:
        return self.dimension_items[dimension].childCount() - (self._more[dimension] is not None)

    def retranslate(self) -> None:
        """Severity words, then every row's label again."""
        self.severity_words = {
            "error": QCoreApplication.translate("CoachPanel", "Error"),
            "warning": QCoreApplication.translate("CoachPanel", "Warning"),
            "suggestion": QCoreApplication.translate("CoachPanel", "Suggestion"),
            "info": QCoreApplication.translate("CoachPanel", "Note"),
            "good": QCoreApplication.translate("CoachPanel", "Works well"),
        }
        for d, item in self.dimension_items.items():
            self._label_dimension_item(d, item)
        for d in self.dimension_items:
            for item in self.finding_items(d):
                self._label_finding_item(item, item.data(0, FINDING_ROLE))
            if self._more[d] is not None:
                self._label_more_item(self._more[d], self._more[d].data(0, MORE_ROLE))

    def _label_dimension_item(self, dimension: str, item: QTreeWidgetItem) -> None:
        name = self._names()[dimension]
        count = self._totals[dimension]
        item.setText(0, name)
        item.setData(0, COUNT_ROLE, count)
        accessible = QCoreApplication.translate("CoachPanel", "%1, findings: %2").replace("%1", name).replace("%2", str(count))
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, accessible)

    def _label_finding_item(self, item: QTreeWidgetItem, finding: Finding) -> None:
        item.setData(0, FINDING_ROLE, finding)
        item.setText(0, finding.message)
        word = self.severity_words.get(finding.severity, finding.severity)
        tip = f"{GLYPH.get(finding.severity, '')} {word}: {finding.message}"
        if finding.suggestion:
            tip += f"\n→ {finding.suggestion}"
        item.setToolTip(0, tip)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{word}: {finding.message}")

    def _label_more_item(self, item: QTreeWidgetItem, hidden: int) -> None:
        item.setData(0, MORE_ROLE, hidden)
        text = self._more_text(hidden)
        item.setText(0, text)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)

    def fill(self, findings: Sequence[Finding], current: Finding | None) -> Finding | None:
        """Put `findings` under their dimension nodes, reusing rows, keeping selection and scroll.

        Returns the finding selected afterwards (`current` or the nearest of its kind), or None.
        """
        keep = finding_key(current) if current is not None else None
        scroll = self.tree.verticalScrollBar().value()
        grouped: dict[str, list[Finding]] = {d: [] for d in self.dimension_items}
        for f in findings:
            grouped.setdefault(f.dimension, []).append(f)
        self._rebuilding = True
        self.tree.setUpdatesEnabled(False)
        model = self.tree.model()
        try:
            wanted = {d: sorted(grouped.get(d, []), key=importance) for d in self.dimension_items}
            self._totals = {d: len(wanted[d]) for d in self.dimension_items}
            wanted = {d: rows[: self.max_rows] for d, rows in wanted.items()}  # a 5 MB paste: ~28,000
            for d in self.dimension_items:  # structure first: drop surplus rows, add missing ones in one go
                node = self.dimension_items[d]
                rows = self._row_count(d)
                while rows > len(wanted[d]):
                    rows -= 1
                    node.removeChild(node.child(rows))
                if rows < len(wanted[d]):
                    fresh = [QTreeWidgetItem() for _ in range(len(wanted[d]) - rows)]
                    for item in fresh:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    node.insertChildren(rows, fresh)
                self._place_more_item(d, self._totals[d] > len(wanted[d]))
            # then the texts, without one dataChanged (and one row-height pass) per role and row:
            # the single layout below measures every row once
            model.blockSignals(True)
            try:
                for d in self.dimension_items:
                    node = self.dimension_items[d]
                    for i, f in enumerate(wanted[d]):
                        item = node.child(i)
                        if item.data(0, FINDING_ROLE) != f:
                            self._label_finding_item(item, f)
                    more = self._more[d]
                    if more is not None and more.data(0, MORE_ROLE) != self._totals[d] - len(wanted[d]):
                        self._label_more_item(more, self._totals[d] - len(wanted[d]))
                    self._label_dimension_item(d, node)
            finally:
                model.blockSignals(False)
            target = self.item_for_key(keep) if keep is not None else None
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
        return target.data(0, FINDING_ROLE) if target is not None else None

    def _place_more_item(self, dimension: str, wanted: bool) -> None:
        """Add the group's "… and N more" row (enabled, not selectable) at its end, or drop it."""
        node, more = self.dimension_items[dimension], self._more[dimension]
        if wanted and more is None:
            more = QTreeWidgetItem()
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            node.addChild(more)
            self._more[dimension] = more
        elif not wanted and more is not None:
            node.removeChild(more)
            self._more[dimension] = None

    def item_for_key(self, key: tuple) -> QTreeWidgetItem | None:
        for d in self.dimension_items:
            for item in self.finding_items(d):
                f = item.data(0, FINDING_ROLE)
                if f is not None and finding_key(f) == key:
                    return item
        return None

    def _nearest_item(self, key: tuple) -> QTreeWidgetItem | None:
        """Same rule and kind, closest start: the passage moved because text was typed before it."""
        rule, kind, start = key
        best, distance = None, None
        for d in self.dimension_items:
            for item in self.finding_items(d):
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
        self._on_current(finding)
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
            if item.data(0, MORE_ROLE) is None:
                item.setExpanded(not item.isExpanded())
            return
        self._emit_activated(finding)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is None:
            if item.data(0, MORE_ROLE) is None and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
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
        self._on_activated(finding)


class GrammarStatus:
    """The line under the findings: what the spelling and grammar check is doing (off, starting, …) and why."""

    def __init__(self) -> None:
        self.state = "off"
        self.label = QLabel()
        self.label.setObjectName("grammar_status")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_status(self, state: str, text: str, theme: Theme) -> None:
        self.state = state
        self.label.setText(text)
        self.label.setProperty("state", state)
        self.label.setAccessibleName(text)
        self.paint(theme)

    def paint(self, t: Theme) -> None:
        """Unavailable is worth noticing (red text); every other state stays quiet (muted)."""
        _paint(self.label, ink(t.light["red"], t.panel) if self.state == "unavailable" else ink(t.muted, t.panel))
