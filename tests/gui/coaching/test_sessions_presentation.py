"""The sessions window on a projector and its buttons that need a selection (issue 17, points 8 and 9).

Driven the way a facilitator works: F11 pressed in the sessions window, rows clicked in the gallery
(Ctrl+click for more), buttons clicked. Sessions and participants are created through the methods
their dialogs call (the dialogs are modal).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.sessions import SessionsView
from resonanz.gui.panel.panel import PRESENTATION_SCALE

POSTS = (
    ("Anna Becker", "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen."),
    ("Ben Okafor", "Am 14. Juni feiern wir unser Sommerfest! Welches Kraut wächst bei euch am besten? Erzählt es uns."),
    ("Clara Weiss", "Sommerfest am 14. Juni: Führungen um 11 und 15 Uhr, Eintritt frei. Wen nehmen Sie mit?"),
)


def _size(font) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())


def _workshop(view: SessionsView) -> None:
    view.create_session("workshop", "Workshop Vereinskommunikation", date(2026, 11, 20))
    view.set_exercise("de-dialog-01")
    for name, text in POSTS:
        view.add_attempt(view.add_participant(name), text)


@pytest.fixture
def view(sessions_view) -> SessionsView:
    return sessions_view(1000, 600)


@pytest.fixture
def window(qtbot, store: Store):
    from resonanz.gui.editor.main_window import MainWindow

    w = MainWindow(store=store)
    qtbot.addWidget(w, before_close_func=lambda win: win.editor.document().setModified(False))
    w.resize(700, 500)
    w.show()
    qtbot.waitExposed(w)
    return w


def _activate(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def _click_row(qtbot, view: SessionsView, row: int, ctrl: bool) -> None:
    rect: QRect = view.gallery.visualRect(view.gallery.model().index(row, 0))
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.gallery.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


# ---------------------------------------------------------------------- point 9: buttons that need a selection
def test_without_a_session_every_session_action_is_disabled_and_says_what_to_do(qtbot, view: SessionsView) -> None:
    buttons: dict[str, QPushButton] = {
        "Workshop report": view.session_report_button,
        "Add participant": view.add_participant_button,
        "Progress": view.progress_button,
        "Progress report": view.participant_report_button,
        "Add attempt": view.add_attempt_button,
        "Import folder": view.import_button,
        "Compare": view.compare_button,
    }
    for name, button in buttons.items():
        qtbot.waitUntil(lambda b=button: not b.isEnabled(), timeout=2000)
        assert "session" in button.toolTip().lower(), (name, button.toolTip())
        assert "select" in button.toolTip().lower() or "create" in button.toolTip().lower(), name
    qtbot.mouseClick(view.session_report_button, Qt.MouseButton.LeftButton)
    assert view.export_dialogs == []  # a disabled button does nothing
    assert view.new_session_button.isEnabled()


def test_each_action_is_enabled_once_what_it_needs_exists(qtbot, view: SessionsView) -> None:
    view.create_session("workshop", "Workshop", date(2026, 11, 20))
    for button in (view.session_report_button, view.add_participant_button, view.import_button):
        qtbot.waitUntil(button.isEnabled, timeout=2000)
        assert button.toolTip() and "select a session" not in button.toolTip().lower()
    qtbot.waitUntil(lambda: not view.add_attempt_button.isEnabled(), timeout=2000)
    assert "participant" in view.add_attempt_button.toolTip().lower()
    assert not view.progress_button.isEnabled() and "select a participant" in view.progress_button.toolTip().lower()
    view.add_participant("Anna Becker")
    qtbot.waitUntil(view.add_attempt_button.isEnabled, timeout=2000)
    assert not view.progress_button.isEnabled()
    item = view.participant_list.item(0)
    qtbot.mouseClick(view.participant_list.viewport(), Qt.MouseButton.LeftButton, pos=view.participant_list.visualItemRect(item).center())
    qtbot.waitUntil(lambda: view.progress_button.isEnabled() and view.participant_report_button.isEnabled(), timeout=2000)
    assert "select a participant" not in view.progress_button.toolTip().lower()


def test_compare_is_enabled_only_with_exactly_two_attempts_selected(qtbot, view: SessionsView) -> None:
    _workshop(view)
    qtbot.waitUntil(lambda: view.gallery.rowCount() == 3, timeout=5000)
    steps = [(0, False, 1), (1, True, 2), (2, True, 3), (2, True, 2)]  # click, Ctrl+click, Ctrl+click, Ctrl+click off
    assert not view.compare_button.isEnabled() and "select exactly two" in view.compare_button.toolTip().lower()
    for row, ctrl, selected in steps:
        _click_row(qtbot, view, row, ctrl)
        qtbot.waitUntil(lambda n=selected: len(view.selected_draft_ids()) == n, timeout=2000)
        assert view.compare_button.isEnabled() == (selected == 2), selected
        assert ("select exactly two" in view.compare_button.toolTip().lower()) != (selected == 2), view.compare_button.toolTip()
        if selected != 2:
            qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
            assert view.compare_dialogs == []
    qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(view.compare_dialogs) == 1, timeout=2000)
    view.compare_dialogs[0].close()


# ---------------------------------------------------------------------- point 8: presentation mode
def _sizes(view: SessionsView) -> dict[str, float]:
    """The type size of each part the room reads, and the gallery's row height."""
    return {
        "gallery numbers": _size(view.gallery.font()),
        "gallery header": _size(view.gallery.horizontalHeader().font()),
        "session list": _size(view.session_list.font()),
        "participants": _size(view.participant_list.font()),
        "header": _size(view.session_header.font()),
        "buttons": _size(view.compare_button.font()),
        "exercise": _size(view.exercise_combo.font()),
        "row height": float(view.gallery.rowHeight(0)),
    }


def test_f11_in_the_sessions_window_presents_every_part_large_and_restores_the_window(qtbot, window) -> None:
    dialog = window.show_sessions()
    view: SessionsView = dialog.view
    _workshop(view)
    dialog.move(40, 50)
    dialog.resize(dialog.minimumSizeHint().width() + 20, 520)
    qtbot.waitUntil(lambda: dialog.height() == 520 and dialog.pos() == QPoint(40, 50), timeout=2000)
    geometry = dialog.geometry()
    before = _sizes(view)
    _activate(qtbot, dialog)

    qtbot.keyClick(dialog, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.presenting and dialog.isFullScreen(), timeout=2000)
    assert view.is_projecting() and view.is_presentation()
    qtbot.waitUntil(lambda: _sizes(view)["gallery numbers"] > before["gallery numbers"], timeout=2000)
    during = _sizes(view)
    for part, size in before.items():
        assert during[part] >= size * PRESENTATION_SCALE * 0.9, (part, size, during[part])
    names = [row[0] for row in view.gallery_rows()]
    assert not any(name in names for name, _ in POSTS)  # pseudonyms on the projector

    _activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.presenting and not dialog.isFullScreen(), timeout=2000)
    qtbot.waitUntil(lambda: dialog.geometry() == geometry, timeout=2000)
    assert _sizes(view) == before
    dialog.close()


def test_a_progress_window_opened_while_presenting_is_large_and_takes_f11(qtbot, window) -> None:
    dialog = window.show_sessions()
    view: SessionsView = dialog.view
    _workshop(view)
    normal = _size(view.font())
    window.toggle_presentation()
    progress = view.show_progress(view.participants()[0].id)
    qtbot.waitUntil(lambda: progress.window().isVisible(), timeout=2000)
    assert _size(progress.chart.font()) >= normal * PRESENTATION_SCALE * 0.9
    assert _size(progress.header.font()) >= normal * PRESENTATION_SCALE * 0.9
    _activate(qtbot, progress.window())
    qtbot.keyClick(progress.window(), Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.presenting, timeout=2000)
    qtbot.waitUntil(lambda: _size(progress.chart.font()) == normal, timeout=2000)
    progress.window().close()
    dialog.close()
