"""My drafts: search the drafts in the database, open, duplicate, delete; the trash with restore."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1

__all__ = ["DRAFT_ROLE", "DraftsView"]


def _when(timestamp: str) -> str:
    """'2026-11-22T04:18:18.123Z' -> '2026-11-22 04:18'."""
    return (timestamp or "").replace("T", " ")[:16]


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
        self.list = QListWidget(self)
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
        self.list.itemActivated.connect(lambda _i: self.open_selected())
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
        self.list.blockSignals(True)
        self.list.clear()
        keep = 0
        for i, row in enumerate(rows):
            first_line = next((line.strip() for line in (row.preview or "").splitlines() if line.strip()), "")
            name = row.title or first_line or self.tr("(empty draft)")
            when = _when(row.deleted_at if self.in_trash() and row.deleted_at else row.updated_at)
            item = QListWidgetItem(f"{name}\n{when}")
            item.setData(DRAFT_ROLE, row.id)
            item.setToolTip(row.preview or "")
            self.list.addItem(item)
            if row.id == current:
                keep = i
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(keep)
        self._update_buttons()

    def draft_ids(self) -> list[int]:
        """The ids listed now, top to bottom."""
        return [self.list.item(i).data(DRAFT_ROLE) for i in range(self.list.count())]

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(DRAFT_ROLE) if item is not None else None

    def select(self, draft_id: int) -> bool:
        for i, did in enumerate(self.draft_ids()):
            if did == draft_id:
                self.list.setCurrentRow(i)
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
        self.empty_button.setEnabled(trash and self.list.count() > 0)

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
