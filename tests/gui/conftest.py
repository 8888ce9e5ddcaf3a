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


@pytest.fixture(autouse=True)
def _no_widgets_left_from_earlier_tests():
    """Every GUI test starts without the closed widgets of the tests before it."""
    _delete_closed_widgets()
    yield


@pytest.fixture
def store(tmp_path: Path):
    """A real, empty drafts database in the test's temp folder."""
    s = Store(tmp_path / "resonanz.db")
    yield s
    _delete_closed_widgets()  # the test's windows go before the database they show
    s.close()
