"""Issue 17 (point 10): comparing two participants' attempts names them, never "Original" and "Revision".

The names over the two texts follow the sessions view's choice: display names, pseudonyms while projecting.
"""

from __future__ import annotations

from datetime import date

import pytest
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.sessions import SessionsView

ANNA = "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen."
BEN = "Am 14. Juni feiern wir unser Sommerfest in der Gärtnerei! Welches Kraut wächst bei euch am besten? Erzählt es uns."


@pytest.fixture
def compared(qtbot, store: Store):
    view = SessionsView(store)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.create_session("workshop", "Workshop", date(2026, 11, 20))
    anna = view.add_participant("Anna Becker", "Fuchs")
    ben = view.add_participant("Ben Okafor", "Dachs")
    view.set_exercise("de-dialog-01")
    first = view.add_attempt(anna, ANNA)
    second = view.add_attempt(ben, BEN)
    view.select_attempts([first, second])
    qtbot.waitUntil(view.compare_button.isEnabled, timeout=2000)
    view.compare_button.click()
    qtbot.waitUntil(lambda: bool(view.compare_dialogs) and view.compare_dialogs[-1].isVisible(), timeout=2000)
    return view, view.compare_dialogs[-1]


def test_the_two_texts_are_headed_by_the_participants_names(compared) -> None:
    view, dialog = compared
    compare = dialog.compare_view
    heads = {compare.original_header.text(), compare.revision_header.text()}
    assert heads == {"Anna Becker", "Ben Okafor"}
    assert "Original" not in heads and "Revision" not in heads
    first = compare.original_edit.toPlainText()
    assert compare.original_header.text() == ("Anna Becker" if first == ANNA else "Ben Okafor")
    assert "Anna Becker" in compare.radar_caption.text() or compare.radar is None


def test_projecting_heads_the_texts_with_pseudonyms(compared) -> None:
    view, dialog = compared
    view.set_projecting(True)
    compare = dialog.compare_view
    assert {compare.original_header.text(), compare.revision_header.text()} == {"Fuchs", "Dachs"}
    assert "Anna" not in compare.radar_caption.text() and "Ben" not in compare.radar_caption.text()
