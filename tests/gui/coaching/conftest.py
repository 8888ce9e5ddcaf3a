"""Fixtures shared by the coaching-view tests."""

from __future__ import annotations

from typing import Callable

import pytest
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.sessions import SessionsView


@pytest.fixture
def sessions_view(qtbot, store: Store) -> Callable[..., SessionsView]:
    """Makes the sessions view on the test's store, shown and exposed at the given size; each
    test file sets up its own session on it."""

    def make(width: int = 1200, height: int = 600) -> SessionsView:
        widget = SessionsView(store)
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make
