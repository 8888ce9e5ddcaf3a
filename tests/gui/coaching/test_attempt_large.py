"""Open large: the facilitator shows one attempt of the round to the room (issue 14, point 3).

Driven as a facilitator does it: a row of the gallery is selected and opened (Enter, or the
Open large button), the room talks it through, Next / Previous walk the gallery in the order it
is sorted, a participant resubmits while it is open, and presentation mode hides the names.
Expected scores come from the gallery and from `evaluate` itself, never hard-coded.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.exercises.attempts import find_exercise, save_attempt
from resonanz.core.exercises.library import evaluate
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.sessions import SessionsView

EXERCISE = "de-dialog-01"
ATTEMPTS = {
    "Anna Becker": "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen. Wir sind die Besten.",
    "Ben Okafor": (
        "Am 14. Juni feiern wir unser Sommerfest in der Gärtnerei! Welches Kraut wächst bei euch am besten? "
        "Erzählt es uns in den Kommentaren – wir sind gespannt."
    ),
    "Clara Weiss": "Sommerfest am 14. Juni. Jetzt anmelden!!! Das beste Fest des Jahres, nicht verpassen.",
}


@pytest.fixture
def view(sessions_view) -> SessionsView:
    widget = sessions_view()
    widget.create_session("workshop", "Workshop Vereinskommunikation", date(2026, 12, 5))
    widget.set_exercise(EXERCISE)
    for name, text in ATTEMPTS.items():
        widget.add_attempt(widget.add_participant(name), text)
    return widget


def _row_of(view: SessionsView, draft_id: int) -> int:
    return view._gallery.order().index(draft_id)


def _gallery_scores(view: SessionsView, row: int) -> dict[str, int]:
    return {dim: int(view.gallery.item(row, 1 + i).text()) for i, dim in enumerate(DIMENSIONS)}


def test_enter_on_one_row_opens_it_large_scored_and_marked_as_in_the_gallery(qtbot, view: SessionsView, store: Store) -> None:
    assert not view.open_button.isEnabled() and "Select one attempt" in view.open_button.toolTip()
    view.gallery.setFocus()
    view.gallery.selectRow(1)
    assert view.open_button.isEnabled() and not view.compare_button.isEnabled()
    qtbot.keyClick(view.gallery, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(view.large_dialogs) and view.large_dialogs[0].isVisible(), timeout=3000)
    large = view.large_dialogs[0]
    draft_id = view.selected_draft_ids()[0]
    draft = store.get_draft(draft_id)
    assert large.editor.toPlainText() == draft.text
    assert large.name_label.text() == view.gallery.item(1, 0).text() and large.name_label.text() in large.windowTitle()
    # the number on the wall is the number in the table, and the engine's for the exercise
    expected = evaluate(find_exercise(store, EXERCISE), draft.text)
    assert {d: large.panel.gauge(d).value() for d in DIMENSIONS} == _gallery_scores(view, 1) == {d: expected.score(d) for d in DIMENSIONS}
    # every finding with a passage is marked in the text, and choosing one selects its passage
    marked = [f for f in expected.findings if f.spans]
    assert marked and len(large.editor.extraSelections()) >= len(marked)
    finding = marked[0]
    large.panel.findingActivated.emit(finding)
    cursor = large.editor.textCursor()
    assert cursor.selectedText() == draft.text[finding.spans[0].start:finding.spans[0].end]
    # the attempt is the participant's: read-only, no replacements offered
    qtbot.keyClicks(large.editor, "xyz")
    assert large.editor.toPlainText() == draft.text and large.editor.isReadOnly()
    assert not any(b.isVisibleTo(large.panel) for b in large.panel.fix_buttons)
    assert store.get_draft(draft_id).text == draft.text


def test_next_and_previous_walk_the_gallery_in_the_order_it_is_sorted(qtbot, view: SessionsView) -> None:
    view.sort_by("dialogue", Qt.SortOrder.AscendingOrder)
    order = view._gallery.order()
    view.select_attempts([order[0]])
    view.open_button.click()
    large = view.large_dialogs[0]
    assert large.draft.id == order[0] and not large.previous_button.isEnabled() and large.next_button.isEnabled()
    seen = [large.draft.id]
    while large.next_button.isEnabled():
        large.next_button.click()
        seen.append(large.draft.id)
    assert seen == order  # top to bottom as shown, each once, stopping at the last
    large.previous_button.click()
    assert large.draft.id == order[-2]
    # one large window, reused: opening another attempt does not pile windows up
    view.select_attempts([order[0]])
    view.open_button.click()
    assert len(view.large_dialogs) == 1 and large.draft.id == order[0]


def test_the_large_window_follows_a_resubmission(qtbot, view: SessionsView, store: Store) -> None:
    anna = next(a for a in view.round_attempts() if store.get_draft(a.draft_id).text.startswith("Unser Sommerfest"))
    view.select_attempts([anna.draft_id])
    large = view.open_selected()
    before = {d: large.panel.gauge(d).value() for d in DIMENSIONS}
    better = ("Unser Sommerfest am 14. Juni: Welche Kräuter sollen wir bei der Führung zeigen? "
              "Schreibt uns eure Wünsche und nehmt eine Freundin mit, die gern gärtnert.")
    save_attempt(store, anna.draft_id, find_exercise(store, EXERCISE), better, "live")  # as the round's server stores it
    view.refresh_attempts()  # what the live round does on every ATTEMPT line
    assert large.editor.toPlainText() == better
    after = {d: large.panel.gauge(d).value() for d in DIMENSIONS}
    assert after == _gallery_scores(view, _row_of(view, anna.draft_id)) and after != before


def test_presentation_mode_shows_the_pseudonym_in_large_type(qtbot, view: SessionsView, store: Store) -> None:
    view.select_attempts([view.round_attempts()[0].draft_id])
    large = view.open_selected()
    real = large.name_label.text()
    assert real in ATTEMPTS
    small = large.editor.font().pointSizeF()
    view.set_presentation(True)
    assert large.name_label.text() != real and real not in large.windowTitle()
    assert large.name_label.text() == view.gallery.item(_row_of(view, large.draft.id), 0).text()
    assert large.editor.font().pointSizeF() > small and large.panel.is_presentation()
    view.set_presentation(False)
    assert large.name_label.text() == real and not large.panel.is_presentation()


def test_enter_on_two_rows_still_compares_them(qtbot, view: SessionsView) -> None:
    view.select_attempts([a.draft_id for a in view.round_attempts()][:2])
    assert not view.open_button.isEnabled() and view.compare_button.isEnabled()
    view.gallery.setFocus()
    qtbot.keyClick(view.gallery, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(view.compare_dialogs) == 1, timeout=3000)
    assert not view.large_dialogs
