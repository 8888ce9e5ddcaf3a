"""The audit's result on screen: the headline, what travelled and the dead ends side by side, what
works for this audience, whether Resonanz's advice holds here, and the three charts.

`AuditView.set_result(result)` takes the JSON of `Audit.to_dict()` (fresh or stored), so a stored
audit looks exactly as it did. A double-click or "Open in the editor" on any post emits
`openPost(text)`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resonanz.core.audit.figures import feature_name as rule_label
from resonanz.core.reports.audit_report import effect_text, main_outcome_of
from resonanz.gui.audit.charts import EffectBars, ScatterChart, TimeChart

TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
_EXCERPT = 120
#: rows per list on screen (the report has them all): a 100,000-post page has 20,000 per fifth
_SHOWN = 100


def _excerpt(text: str) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= _EXCERPT else one[: _EXCERPT - 1].rstrip() + "…"


class AuditView(QWidget):
    """Summary line and four tabs: Travelled and dead ends, What works, Advice, Charts."""

    openPost = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: dict[str, Any] = {}
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tabs = QTabWidget(self)
        self.travelled, self.dead_ends = self._post_table(), self._post_table()
        self.travelled_label, self.dead_label = QLabel(self), QLabel(self)
        self.open_button = QPushButton(self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_selected)
        lists = QWidget(self)
        grid = QGridLayout(lists)
        grid.addWidget(self.travelled_label, 0, 0)
        grid.addWidget(self.dead_label, 0, 1)
        grid.addWidget(self.travelled, 1, 0)
        grid.addWidget(self.dead_ends, 1, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        grid.addLayout(row, 2, 0, 1, 2)
        self.works_lines = QLabel(self)
        self.works_lines.setWordWrap(True)
        self.works_lines.setTextFormat(Qt.TextFormat.PlainText)
        self.effects = EffectBars()
        works = QWidget(self)
        wl = QVBoxLayout(works)
        wl.addWidget(self.works_lines)
        wl.addWidget(self.effects, 1)
        works_scroll = QScrollArea(self)
        works_scroll.setWidgetResizable(True)
        works_scroll.setWidget(works)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scatter_dialogue, self.scatter_share, self.over_time = ScatterChart(), ScatterChart(), TimeChart()
        charts = QWidget(self)
        cl = QGridLayout(charts)
        cl.addWidget(self.scatter_dialogue, 0, 0)
        cl.addWidget(self.scatter_share, 0, 1)
        cl.addWidget(self.over_time, 1, 0, 1, 2)
        self.tabs.addTab(lists, "")
        self.tabs.addTab(works_scroll, "")
        self.tabs.addTab(self.advice, "")
        self.tabs.addTab(charts, "")
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.tabs, 1)
        self.retranslate()

    def _post_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(False)  # one line per post, the full text in its tooltip
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.itemDoubleClicked.connect(lambda item: self.openPost.emit(str(item.data(TEXT_ROLE) or "")))
        table.itemSelectionChanged.connect(self._selection_changed)
        return table

    def retranslate(self) -> None:
        for i, name in enumerate((self.tr("Travelled and dead ends"), self.tr("What works for your audience"),
                                  self.tr("Does the advice hold here?"), self.tr("Charts"))):
            self.tabs.setTabText(i, name)
        self.open_button.setText(self.tr("&Open in the editor"))
        self.open_button.setToolTip(self.tr("Open the selected post as a new draft, to see its findings and rewrite it"))
        for table in (self.travelled, self.dead_ends):
            table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Post"), self.tr("Dialogue"), self.tr("Percentile")])
        self.effects.title = self.tr("Rank correlation with the outcome (bar) and its 90% interval (line)")
        self.scatter_dialogue.title = self.tr("Dialogue score and comments per reaction")
        self.scatter_share.title = self.tr("Shareability score and shares per reaction")
        self.over_time.title = self.tr("Outcome percentile over time (line: running median)")
        if self.result:
            self.set_result(self.result)

    def outcome_name(self, name: str) -> str:
        return {
            "comments_per_reaction": self.tr("comments per reaction"), "shares_per_reaction": self.tr("shares per reaction"),
            "comments_per_impression": self.tr("comments per impression"), "shares_per_impression": self.tr("shares per impression"),
        }.get(name, name)

    def feature_name(self, name: str) -> str:
        """A score's name, or a rule's id with its label in the UI language ("D6 Self-announcement opener")."""
        dimension = {"dialogue": self.tr("Dialogue"), "shareability": self.tr("Shareability"), "clarity": self.tr("Clarity"),
                     "platform_fit": self.tr("Platform fit")}.get(name)
        if dimension is not None:
            return dimension
        label = rule_label(name, self.ui_language())
        return f"{name} {label}" if label != name else name

    # ------------------------------------------------------------------ filling

    def set_result(self, result: Mapping[str, Any]) -> None:
        """Show an audit's result (the JSON of `Audit.to_dict()`)."""
        self.result = dict(result)
        posts = list(result.get("posts", []))
        outcome = main_outcome_of(result)
        counts = self.tr("%n post(s) audited", "", int(result.get("n_posts", len(posts)))) + ", " + self.tr("%n row(s) skipped", "", int(result.get("n_skipped", 0)))
        self.summary.setText(counts + ". " + self.tr("Groups by %1, compared within the page.").replace("%1", self.outcome_name(outcome)))
        self.travelled_label.setText(self.tr("Travelled (top fifth)"))
        self.dead_label.setText(self.tr("Dead ends (bottom fifth)"))
        def pct(p: Mapping[str, Any]) -> float:
            return float((p.get("percentiles") or {}).get(outcome) or 0.0)

        travelled = sorted((p for p in posts if p.get("group") == "travelled"), key=lambda p: -pct(p))  # furthest first
        dead = sorted((p for p in posts if p.get("group") == "dead_end"), key=pct)  # deadest first
        self._fill(self.travelled, travelled[:_SHOWN], outcome)
        self._fill(self.dead_ends, dead[:_SHOWN], outcome)
        more = self.tr(" (the first %1 of %2; the report lists all)")
        self.travelled_label.setText(self.travelled_label.text() + (more.replace("%1", str(_SHOWN)).replace("%2", str(len(travelled))) if len(travelled) > _SHOWN else ""))
        self.dead_label.setText(self.dead_label.text() + (more.replace("%1", str(_SHOWN)).replace("%2", str(len(dead))) if len(dead) > _SHOWN else ""))
        self._fill_effects(result.get("effects", []))
        self._fill_advice(result.get("advice") or {})
        self._fill_charts(posts, outcome)

    def _fill(self, table: QTableWidget, posts: list[Mapping[str, Any]], outcome: str) -> None:
        table.setRowCount(len(posts))
        for r, p in enumerate(posts):
            pct = (p.get("percentiles") or {}).get(outcome)
            dialogue = (p.get("scores") or {}).get("dialogue")
            cells = (str(p.get("row", "")), _excerpt(p.get("text", "")), "–" if dialogue is None else str(dialogue), "–" if pct is None else f"{pct:.0f}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(TEXT_ROLE, str(p.get("text", "")))
                item.setToolTip(str(p.get("text", "")))
                if c != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)

    def _fill_effects(self, effects: Sequence[Mapping[str, Any]]) -> None:
        lines = [effect_text(e, self.ui_language()) for e in effects if e.get("text")]
        self.works_lines.setText("\n".join(f"• {line}" for line in lines) if lines else self.tr("No signal has enough posts yet to say what works here."))
        rows = []
        for e in effects:
            ci = e.get("ci90") or (None, None)
            if e.get("rho") is None or ci[0] is None or e.get("enough") is False:
                continue
            label = f"{self.feature_name(str(e.get('feature')))} · {self.outcome_name(str(e.get('outcome')))} (n = {e.get('n')})"
            rows.append((label, float(e["rho"]), float(ci[0]), float(ci[1])))
        rows.sort(key=lambda r: -abs(r[1]))
        self.effects.set_data(rows[:20], self.tr("Not enough data for any signal yet."))

    def _fill_advice(self, advice: Mapping[str, Any]) -> None:
        lines = []
        for value in advice.values():
            if not isinstance(value, Mapping):
                continue
            if value.get("verdict") == "constant":
                lines.append(self.tr("%1 and %2: the same for every post on this page (for example, never shared), nothing to check (n = %3)")
                             .replace("%1", self.feature_name(str(value.get("score", "")))).replace("%2", self.outcome_name(str(value.get("outcome", ""))))
                             .replace("%3", str(value.get("n", "–"))))
                continue
            for stat, name in (("rho", "ρ"), ("auc", "AUC")):
                if value.get(stat) is not None:
                    lines.append(self.tr("%1 and %2: %3 %4 (n = %5)").replace("%1", self.feature_name(str(value.get("score", ""))))
                                 .replace("%2", self.outcome_name(str(value.get("outcome", "")))).replace("%3", name)
                                 .replace("%4", self.number(float(value[stat]), signed=stat == "rho")).replace("%5", str(value.get("n", "–"))))
        note = self.tr("Reported as measured, also when the link is weak or negative: the figures hold for this page and this period.")
        self.advice.setText("\n".join(lines + ["", note]) if lines else self.tr("No figure on this page to check the advice against."))

    def ui_locale(self) -> QLocale:
        """The UI language's locale: numbers, and which language the sentences of an audit are shown in."""
        return QLocale(self.tr("en", "the locale whose number format the audit window uses: de for German"))

    def ui_language(self) -> str:
        """"de" or "en": the UI language, for the audit's sentences and rule labels."""
        return "de" if self.ui_locale().name().startswith("de") else "en"

    def number(self, value: float, signed: bool) -> str:
        """Two decimals in the UI language's format (0,72 in German); ρ with its sign, an AUC (0 to 1) without."""
        text = self.ui_locale().toString(value, "f", 2)
        return "+" + text if signed and value > 0 else text

    def _fill_charts(self, posts: Sequence[Mapping[str, Any]], outcome: str) -> None:
        def pairs(score: str, rate: str) -> list[tuple[float, float]]:
            out = []
            for p in posts:
                s, pct = (p.get("scores") or {}).get(score), (p.get("percentiles") or {}).get(rate)
                if s is not None and pct is not None:
                    out.append((float(s), float(pct)))
            return out

        empty = self.tr("No posts with this figure.")
        self.scatter_dialogue.set_data(pairs("dialogue", "comments_per_reaction"), self.tr("Dialogue score"), self.tr("percentile"), empty)
        self.scatter_share.set_data(pairs("shareability", "shares_per_reaction"), self.tr("Shareability score"), self.tr("percentile"), empty)
        dated = [(str(p["date"]), float((p.get("percentiles") or {})[outcome])) for p in posts
                 if p.get("date") and (p.get("percentiles") or {}).get(outcome) is not None]
        self.over_time.set_data(dated, self.tr("No dated posts with this figure."))

    # ------------------------------------------------------------------ opening a post

    def _selection_changed(self) -> None:
        sender = self.sender()
        other = self.dead_ends if sender is self.travelled else self.travelled
        if isinstance(sender, QTableWidget) and sender.selectedItems():
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
        self.open_button.setEnabled(bool(self.travelled.selectedItems() or self.dead_ends.selectedItems()))

    def _open_selected(self) -> None:
        for table in (self.travelled, self.dead_ends):
            items = table.selectedItems()
            if items:
                self.openPost.emit(str(items[0].data(TEXT_ROLE) or ""))
                return
