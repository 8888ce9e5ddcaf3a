"""The gallery of a round: one row per attempt with its four scores, sortable; one row opens large, two side by side.

A reply round (a reply exercise) shows instead the reply score and whether it meets the
exercise's target ("✔ ≥ 70" / "○ ≥ 70"); a session may mix post and reply rounds.
The participant column shows the name the sessions view chooses (pseudonyms while projecting);
compare windows opened from here are re-titled when that choice changes.
Open large (or Enter / double-click on one row) shows one attempt in a single window that is
reused for the next one (attempt_view.py); it follows a live round's resubmissions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QWidget
from resonanz.core.exercises.model import Exercise
from resonanz.core.storage.records import Attempt
from resonanz.core.storage.store import Store
from resonanz.gui.app.theme import DIMENSION_ORDER
from resonanz.gui.coaching.attempt_view import AttemptLargeDialog
from resonanz.gui.coaching.session_common import ID_ROLE, _dimension_names
from resonanz.gui.coaching.session_dialogs import CompareDialog

__all__ = ["REPLY_COLUMNS", "SCORE_COLUMNS", "RoundGallery"]

SCORE_COLUMNS = DIMENSION_ORDER
REPLY_COLUMNS = ("reply", "target")  # a reply round: the reply score and its target, met or not


class RoundGallery:
    """The Open large and Compare buttons, the gallery's label and table, and the windows opened from it."""

    def __init__(self, parent: QWidget, store: Store, name_of: Callable[[int | None], str],
                 on_open: Callable[[QDialog], None] = lambda dialog: None) -> None:
        self.parent = parent
        self.store = store
        self.name_of = name_of  # participant id -> the name shown
        self.on_open = on_open  # each window opened from here (large type while presenting)
        self.attempts: list[Attempt] = []
        self.exercise: Exercise | None = None
        self.columns: tuple[str, ...] = tuple(SCORE_COLUMNS)
        self.compare_dialogs: list[CompareDialog] = []
        self.large_dialogs: list[AttemptLargeDialog] = []  # at most one, reused for each attempt opened large
        self.open_button = QPushButton(parent)
        self.open_button.clicked.connect(lambda: self.open_selected() if len(self.selected_draft_ids()) == 1 else None)
        self.compare_button = QPushButton(parent)
        self.compare_button.clicked.connect(lambda: self.compare_selected() if len(self.selected_draft_ids()) == 2 else None)
        self.label = QLabel(parent)
        self.table = QTableWidget(0, 1 + len(SCORE_COLUMNS), parent)
        self.label.setBuddy(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 1 + len(SCORE_COLUMNS)):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)

    def retranslate(self) -> None:
        self.open_button.setText(QCoreApplication.translate("SessionsView", "&Open large"))
        self.open_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Open the selected attempt large"))
        self.compare_button.setText(QCoreApplication.translate("SessionsView", "&Compare"))
        self.label.setText(QCoreApplication.translate("SessionsView", "&Gallery of the round"))
        names = {**_dimension_names(self.table), "reply": QCoreApplication.translate("SessionsView", "Reply score"),
                 "target": QCoreApplication.translate("SessionsView", "Target")}
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("SessionsView", "Participant")] + [names[d] for d in self.columns])
        self.table.setAccessibleName(QCoreApplication.translate("SessionsView", "Gallery of the round's attempts"))
        self.table.setAccessibleDescription(
            QCoreApplication.translate("SessionsView", "Press Enter on an attempt to open it large; select two and press Compare; "
                                       "click a column header to sort.")
        )
        self.compare_button.setAccessibleName(QCoreApplication.translate("SessionsView", "Compare the two selected attempts"))
        self._rename()

    def _rename(self) -> None:
        """Names again in the UI language ("Participant 2" / "Teilnehmer:in 2" are made when shown)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            attempt = next((a for a in self.attempts if a.draft_id == item.data(ID_ROLE)), None) if item else None
            if attempt is not None:
                item.setText(self.name_of(attempt.owner))

    def is_reply_round(self) -> bool:
        return self.exercise is not None and self.exercise.kind == "reply"

    def _set_columns(self, exercise: Exercise | None) -> None:
        """The four dimensions for a post round, reply score and target for a reply round."""
        self.exercise = exercise
        columns = REPLY_COLUMNS if self.is_reply_round() else tuple(SCORE_COLUMNS)
        if columns != self.columns:
            self.columns = columns
            self.table.setColumnCount(1 + len(columns))
            for col in range(1, 1 + len(columns)):
                self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            self.retranslate()

    def _target_item(self, scores) -> QTableWidgetItem:
        """"✔ ≥ 70" when the reply meets the exercise's target, "○ ≥ 70" when not (yet)."""
        item = QTableWidgetItem()
        target = self.exercise.targets.get("reply") if self.exercise is not None else None
        if target is not None:
            met = scores.get("reply") is not None and int(scores["reply"]) >= int(target)
            item.setText(f"{'✔' if met else '○'} ≥ {target}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, QCoreApplication.translate("SessionsView", "Target %1: reached").replace("%1", str(target))
                         if met else QCoreApplication.translate("SessionsView", "Target %1: not yet reached").replace("%1", str(target)))
        return item

    def fill(self, attempts: list[Attempt], exercise: Exercise | None = None) -> None:
        """One row per attempt (names and scores: the four, or a reply round's reply score and
        target); the sort the user chose stays."""
        self._set_columns(exercise)
        self.attempts = attempts
        gallery = self.table
        sorting = gallery.isSortingEnabled()
        sort_col = gallery.horizontalHeader().sortIndicatorSection()
        sort_order = gallery.horizontalHeader().sortIndicatorOrder()
        gallery.setSortingEnabled(False)
        gallery.clearContents()
        gallery.setRowCount(len(attempts))
        for row, attempt in enumerate(attempts):
            name_item = QTableWidgetItem(self.name_of(attempt.owner))
            name_item.setData(ID_ROLE, attempt.draft_id)
            gallery.setItem(row, 0, name_item)
            scores = attempt.latest_scores or {}
            for col, dim in enumerate(self.columns, start=1):
                item = self._target_item(scores) if dim == "target" else QTableWidgetItem()
                if dim in scores:
                    item.setData(Qt.ItemDataRole.DisplayRole, int(scores[dim]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                gallery.setItem(row, col, item)
        gallery.setSortingEnabled(sorting)
        if sorting and sort_col >= 0 and gallery.horizontalHeader().isSortIndicatorShown():
            gallery.sortItems(sort_col, sort_order)
        for dialog in self.large_dialogs:  # a resubmission arrived: the large window shows it
            dialog.refresh()
            dialog.retranslate()

    def sort_by(self, dimension: str, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
        """Sort the gallery by a dimension ("dialogue", …; "reply" in a reply round) or "participant"."""
        col = 0 if dimension == "participant" else 1 + list(self.columns).index(dimension)
        self.table.sortItems(col, order)
        self.table.horizontalHeader().setSortIndicator(col, order)

    def rows(self) -> list[list[str]]:
        """The gallery's texts as shown, row by row."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def selected_draft_ids(self) -> list[int]:
        """Draft ids of the selected gallery rows, top to bottom as shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [int(self.table.item(r, 0).data(ID_ROLE)) for r in rows]

    def select_attempts(self, draft_ids: list[int]) -> None:
        """Select the gallery rows of these drafts (for keyboardless callers and tests)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r in range(self.table.rowCount()):
            if int(self.table.item(r, 0).data(ID_ROLE)) in draft_ids:
                self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def order(self) -> list[int]:
        """Draft ids of all rows, top to bottom as shown (sorted as the user chose)."""
        return [int(self.table.item(r, 0).data(ID_ROLE)) for r in range(self.table.rowCount())]

    def activate(self) -> None:
        """Enter or double-click in the table: one attempt opens large, two side by side."""
        count = len(self.selected_draft_ids())
        if count == 1:
            self.open_selected()
        elif count == 2:
            self.compare_selected()

    def open_selected(self) -> AttemptLargeDialog:
        """Open the selected attempt large (in the one large window, raised); returns that window."""
        ids = self.selected_draft_ids()
        if len(ids) != 1:
            raise ValueError("select exactly one attempt to open it large")
        if not self.large_dialogs:
            dialog = AttemptLargeDialog(self.parent, self.store, self.name_of, self.order, lambda: self.exercise)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.large_dialogs.append(dialog)
        dialog = self.large_dialogs[0]
        dialog.show_attempt(ids[0])
        self.on_open(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def compare_selected(self) -> CompareDialog:
        """Open the two selected attempts side by side (first row = original); returns the dialog."""
        ids = self.selected_draft_ids()
        if len(ids) != 2:
            raise ValueError("select exactly two attempts to compare")
        first, second = (self.store.get_draft(i) for i in ids)
        dialog = CompareDialog(self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.participant_ids = (first.owner, second.owner)
        if first.is_reply and second.is_reply:  # two answers to a reply round's comment: compared as replies
            dialog.compare_view.set_drafts(first.text, second.text, first.language, first.platform,
                                           reply=(second.comment, second.post_context), original_reply=(first.comment, first.post_context))
        else:
            dialog.compare_view.set_drafts(first.text, second.text, first.language, first.platform)
        self.compare_dialogs.append(dialog)
        self.title_compare(dialog)
        self.on_open(dialog)
        dialog.show()
        return dialog

    def title_compare(self, dialog: CompareDialog) -> None:
        a, b = (self.name_of(pid) for pid in dialog.participant_ids)
        dialog.set_names(a, b)

    def retitle(self) -> None:
        """Names again in every open compare and large window (after projecting was switched)."""
        for dialog in self.compare_dialogs:
            self.title_compare(dialog)
        for dialog in self.large_dialogs:
            dialog.retranslate()
