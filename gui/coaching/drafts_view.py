"""My drafts: search the drafts in the database, open, duplicate, delete; the trash with restore.

Each row shows the title (or the first words of a draft without one), the platform, when it last
changed (in the UI language's date format) and the four scores of its newest saved version ("–"
before the first); a click on a column header sorts by it.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.analysis.platforms import load_profiles
from resonanz.core.storage.records import DraftSummary
from resonanz.gui.coaching.session_common import _dimension_names

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE_WORDS = 8  # a draft without a title is listed by the first words of its text
REPLY_SIGN = "\u21a9"  # ↩: a reply to a comment in My drafts
NO_SCORE = "\u2013"

__all__ = ["DRAFT_ROLE", "DraftsView"]


def _first_words(preview: str) -> str:
    """The first words of the first non-empty line, with "…" if the line goes on."""
    line = next((ln.strip() for ln in (preview or "").splitlines() if ln.strip()), "")
    words = line.split()
    return " ".join(words[:TITLE_WORDS]) + ("\u2026" if len(words) > TITLE_WORDS else "")


def _local_time(timestamp: str) -> QDateTime:
    """'2026-11-22T04:18:18.123Z' (UTC) as local time."""
    when = QDateTime.fromString(timestamp or "", Qt.DateFormat.ISODateWithMs)
    if not when.isValid():
        when = QDateTime.fromString(timestamp or "", Qt.DateFormat.ISODate)
    return when.toLocalTime()


class _Row(QTreeWidgetItem):
    """A draft's row; sorts by SORT_ROLE (scores as numbers, "–" first; dates by time)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() is not None else 0
        return self.data(column, SORT_ROLE) < other.data(column, SORT_ROLE)


class DraftsView(QWidget):
    """The list of drafts (or of the trash) with the actions that fit it."""

    openRequested = Signal(int)  # draft id
    deleted = Signal(int)  # draft id, just moved to the trash

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.trash_button = QPushButton(self)
        self.trash_button.setCheckable(True)
        self.list = QTreeWidget(self)
        self.list.setColumnCount(3 + len(DIMENSIONS))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.list.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.open_button = QPushButton(self)
        self.duplicate_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.empty_button = QPushButton(self)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.trash_button)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.duplicate_button, self.delete_button, self.restore_button, self.empty_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self.refresh)
        self.trash_button.toggled.connect(self.refresh)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search drafts"))
        self.search.setAccessibleName(self.tr("Search drafts"))
        self.trash_button.setText(self.tr("&Trash"))
        self.trash_button.setAccessibleName(self.tr("Show the trash"))
        self.list.setAccessibleName(self.tr("Drafts"))
        names = _dimension_names(self)
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Platform"), self.tr("Changed")] + [names[d] for d in DIMENSIONS])
        self.list.headerItem().setToolTip(2, self.tr("Last changed; in the trash: when it was deleted"))
        for column, _ in enumerate(DIMENSIONS, start=3):
            self.list.headerItem().setToolTip(column, self.tr("Score of the newest saved version (–: none saved yet)"))
        self.open_button.setText(self.tr("&Open"))
        self.duplicate_button.setText(self.tr("D&uplicate"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Move the draft to the trash"))
        self.restore_button.setText(self.tr("&Restore"))
        self.empty_button.setText(self.tr("&Empty trash"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ list
    def in_trash(self) -> bool:
        return self.trash_button.isChecked()

    @Slot()
    def refresh(self, *_args) -> None:
        """Refill the list from the store (drafts matching the search, or the trash)."""
        current = self.selected_id()
        if self.in_trash():
            rows = self.store.list_trash()
            needle = self.search.text().strip().casefold()
            if needle:
                rows = [r for r in rows if needle in (r.title or "").casefold() or needle in (r.preview or "").casefold()]
        else:
            rows = self.store.list_drafts(query=self.search.text().strip())
        scores = self.store.latest_scores([r.id for r in rows])
        self.list.blockSignals(True)
        self.list.setSortingEnabled(False)
        self.list.clear()
        keep = None
        for row in rows:
            item = self._row(row, scores.get(row.id, {}))
            self.list.addTopLevelItem(item)
            if row.id == current:
                keep = item
        self.list.setSortingEnabled(True)
        self.list.blockSignals(False)
        self._fit_columns()
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(keep if keep is not None else self.list.topLevelItem(0))
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Room for every column's contents and about 30 characters of title: long titles are
        elided (their tooltip holds them), nothing else is."""
        header = self.list.header()
        others = sum(max(header.sectionSizeHint(c), self.list.sizeHintForColumn(c)) for c in range(1, self.list.columnCount()))
        title = self.list.fontMetrics().averageCharWidth() * 30
        frame = 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width()
        self.list.setMinimumWidth(others + title + frame)

    def _row(self, row: DraftSummary, scores: dict[str, int]) -> QTreeWidgetItem:
        """One draft: title, platform, date and the four scores, each with its sort key."""
        locale = QLocale(self.tr("en", "the locale whose date format My drafts uses: de for German"))
        profiles = load_profiles()
        title = (row.title or "").strip() or _first_words(row.preview) or self.tr("(empty draft)")
        platform = profiles[row.platform].name if row.platform in profiles else (row.platform or NO_SCORE)
        if getattr(row, "kind", "post") == "reply":  # a reply to a comment: it has no platform, and its own mark
            title, platform = f"{REPLY_SIGN} {title}", f"{REPLY_SIGN} {self.tr('Reply')}"
        stamp = row.deleted_at if self.in_trash() and row.deleted_at else row.updated_at
        when = _local_time(stamp)
        shown = locale.toString(when, QLocale.FormatType.ShortFormat) if when.isValid() else (stamp or "")
        texts = [title, platform, shown] + [str(scores[d]) if d in scores else NO_SCORE for d in DIMENSIONS]
        keys: list[object] = [title.casefold(), platform.casefold(), stamp or ""] + [scores.get(d, -1) for d in DIMENSIONS]
        item = _Row(texts)
        item.setData(0, DRAFT_ROLE, row.id)
        for column, key in enumerate(keys):
            item.setData(column, SORT_ROLE, key)
            if column >= 3:
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        preview = (row.preview or "").strip()
        item.setToolTip(0, title if not preview or preview.startswith(title) else f"{title}\n\n{preview}")
        item.setToolTip(1, self.tr("A reply to a comment") if getattr(row, "kind", "post") == "reply" else platform)
        item.setToolTip(2, shown)
        return item

    def draft_ids(self) -> list[int]:
        """The ids listed now, top to bottom."""
        return [self.list.topLevelItem(i).data(0, DRAFT_ROLE) for i in range(self.list.topLevelItemCount())]

    def rows(self) -> list[list[str]]:
        """The texts of every row as shown, top to bottom (title, platform, changed, four scores)."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [[item.text(c) for c in range(self.list.columnCount())] for item in items]

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(0, DRAFT_ROLE) if item is not None else None

    def select(self, draft_id: int) -> bool:
        for i, did in enumerate(self.draft_ids()):
            if did == draft_id:
                self.list.setCurrentItem(self.list.topLevelItem(i))
                return True
        return False

    def _update_buttons(self, *_args) -> None:
        trash, has = self.in_trash(), self.selected_id() is not None
        for b in (self.open_button, self.duplicate_button, self.delete_button):
            b.setVisible(not trash)
            b.setEnabled(has)
        self.restore_button.setVisible(trash)
        self.restore_button.setEnabled(has)
        self.empty_button.setVisible(trash)
        self.empty_button.setEnabled(trash and self.list.topLevelItemCount() > 0)

    # ------------------------------------------------------------------ actions
    @Slot()
    def open_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is not None and not self.in_trash():
            self.openRequested.emit(draft_id)

    @Slot()
    def duplicate_selected(self) -> int | None:
        draft_id = self.selected_id()
        if draft_id is None:
            return None
        new_id = self.store.duplicate_draft(draft_id)
        self.refresh()
        self.select(new_id)
        return new_id

    @Slot()
    def delete_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            self.store.delete_draft(draft_id)
            self.refresh()
            self.deleted.emit(draft_id)

    @Slot()
    def restore_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            self.store.restore_draft(draft_id)
            self.refresh()

    @Slot()
    def empty_trash(self) -> int:
        """Delete the drafts in the trash for good, after asking; returns how many."""
        count = len(self.store.list_trash())
        if not count:
            return 0
        answer = QMessageBox.question(
            self,
            self.tr("Empty trash"),
            self.tr("Delete %n draft(s) in the trash for good? This cannot be undone.", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        removed = self.store.empty_trash()
        self.refresh()
        return removed
