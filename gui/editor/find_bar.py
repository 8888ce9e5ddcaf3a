"""The find bar under the draft (Ctrl+F): one line to search, Enter for the next match."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from resonanz.gui.editor.text_editor import DraftEditor

class FindBar(QWidget):
    """Ctrl+F: a one-line search under the draft; Enter finds the next match, Esc closes."""

    def __init__(self, editor: DraftEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = QLineEdit(self)
        self.status = QLabel(self)
        self.close_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button)
        self.field.returnPressed.connect(self.find_next)
        self.close_button.clicked.connect(self.hide)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find in draft"))
        self.field.setAccessibleName(self.tr("Find in draft"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self) -> None:
        self.show()
        selected = self.editor.textCursor().selectedText()
        if selected:
            self.field.setText(selected)
        self.field.selectAll()
        self.field.setFocus()

    def find_next(self) -> bool:
        needle = self.field.text()
        if not needle:
            return False
        found = self.editor.find(needle)
        if not found:  # wrap around
            cursor = self.editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            found = self.editor.find(needle)
        self.status.setText("" if found else self.tr("Not found"))
        return found

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.editor.setFocus()
            return
        super().keyPressEvent(event)


__all__ = ["FindBar"]
