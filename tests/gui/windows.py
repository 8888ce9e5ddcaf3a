"""Opening the main window in a test, the same way everywhere."""

from __future__ import annotations


def open_window(qtbot, store=None, size: tuple[int, int] = (1280, 800)):
    """A shown MainWindow (with `store`, or without a database). pytest-qt closes widgets before
    fixture teardown: the draft is marked saved first, so closing never opens a modal box."""
    from resonanz.gui.editor.main_window import MainWindow

    w = MainWindow(store=store)
    qtbot.addWidget(w, before_close_func=lambda win: win.editor.document().setModified(False))
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def answer_next_box(qtbot, seen: list, key=None) -> None:
    """When the next modal message box appears, note its button texts in `seen` and press a key on
    it (Enter by default, as a hurried user does). For questions the code asks with exec()."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append([b.text() for b in box.buttons()])
        qtbot.keyClick(box, key if key is not None else Qt.Key.Key_Return)

    QTimer.singleShot(0, press)
