"""Fixtures shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from resonanz.core.storage.store import Store


def _delete_closed_widgets() -> None:
    """pytest-qt closes a test's widgets with deleteLater(); outside an event loop they linger and
    would still receive events (a translator installed by a later test) with their store closed."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _english_only() -> None:
    """Remove every translator a test installed (a window switched to German, a test's own `ui`
    fixture) and put back the English one, so the next test reads English with English plurals."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    from resonanz.gui.app.i18n import Translations

    Translations().apply("en")


@pytest.fixture(autouse=True)
def _no_widgets_left_from_earlier_tests():
    """Every GUI test starts without the closed widgets of the tests before it, in English."""
    _delete_closed_widgets()
    yield
    _delete_closed_widgets()
    _english_only()


@pytest.fixture(autouse=True)
def _no_forgotten_modal_box():
    """A message box nobody answers would hang the run: after 10 s it is closed and the test fails
    with its text. (Tests answer boxes with windows.answer_next_box or by patching QMessageBox.)"""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QCoreApplication.instance() is None:
        yield
        return
    stuck: list[str] = []
    seen: dict[int, int] = {}

    def check() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        seen[id(box)] = seen.get(id(box), 0) + 1
        if seen[id(box)] >= 10:
            stuck.append(box.text())
            box.reject()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    assert not stuck, f"a message box was left open: {stuck[0]!r}"


@pytest.fixture
def store(tmp_path: Path):
    """A real, empty drafts database in the test's temp folder."""
    s = Store(tmp_path / "resonanz.db")
    yield s
    _delete_closed_widgets()  # the test's windows go before the database they show
    s.close()
