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
