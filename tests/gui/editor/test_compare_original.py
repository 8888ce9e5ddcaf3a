"""Issue 17, point 5 (and part of 10): compare from the main window, as a coach uses it.

Without an original there is nothing to compare with: the dialog says how to get one, with the
button right there, and a text pasted into the original's pane is the original. The open compare
follows the current draft. An English interface shows English chrome on a German post. Expected
numbers come from `analyze` itself, never hard-coded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.analysis.packs import load_pack

from ..typing_helpers import type_text
from ..windows import open_window

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
ORIGINAL = (SAMPLES / "sommerfest_de.txt").read_text(encoding="utf-8")
REVISED = (SAMPLES / "sommerfest_de_revised.txt").read_text(encoding="utf-8")
OTHER = "What was your best moment volunteering this year? Tell us in the comments."


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    w.set_ui_language("en")
    return w


def open_compare(qtbot, window):
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Draft › Compare with original
    qtbot.waitUntil(lambda: window.dialogs.compare is not None and window.dialogs.compare.isVisible(), timeout=3000)
    dialog = window.dialogs.compare
    qtbot.addWidget(dialog)
    return dialog


def expected_deltas(original: str, revision: str, window) -> dict[str, int]:
    a = analyze(original, language=window.language, platform=window.platform, rules_dir=None)
    b = analyze(revision, language=window.language, platform=window.platform, rules_dir=None)
    return {d: b.score(d) - a.score(d) for d in DIMENSIONS}


def test_without_an_original_the_dialog_offers_one_and_shows_no_numbers(qtbot, window) -> None:
    window.load_text("")  # a new, empty draft: no original
    window.editor.setFocus()
    type_text(qtbot, window.editor, OTHER)
    dialog = open_compare(qtbot, window)
    panel, view = dialog.panel, dialog.view
    assert panel.hint_bar.isVisible() and panel.use_current_button.isVisible()
    assert "Keep this version as original" in panel.hint.text()  # points to the menu item as well
    assert view.comparison() is None  # never a comparison with an empty text
    assert all(tile.delta_label.text() == "" for tile in view.tiles.values())
    assert view.revision_edit.toPlainText() == OTHER
    qtbot.mouseClick(panel.use_current_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.comparison() is not None, timeout=3000)
    assert window.original == OTHER
    assert not panel.hint_bar.isVisible()
    assert view.comparison().deltas == {d: 0 for d in DIMENSIONS}  # the same text on both sides
    assert view.original_edit.toPlainText() == OTHER
    # the next change is compared with that original, live
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, " What would you like to do next year?")
    now = window.editor.toPlainText()
    qtbot.waitUntil(lambda: view.comparison() is not None and view.comparison().after.text == now, timeout=3000)
    assert view.comparison().deltas == expected_deltas(OTHER, now, window)


def test_a_text_pasted_into_the_original_pane_is_the_original(qtbot, window) -> None:
    window.load_text("")
    window.editor.setPlainText(REVISED)
    dialog = open_compare(qtbot, window)
    view = dialog.view
    assert view.comparison() is None
    assert not view.original_edit.isReadOnly()
    QApplication.clipboard().setText(ORIGINAL)
    view.original_edit.setFocus()
    qtbot.keyClick(view.original_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.comparison() is not None, timeout=3000)
    assert window.original == ORIGINAL
    assert not dialog.panel.hint_bar.isVisible()
    assert view.comparison().deltas == expected_deltas(ORIGINAL, REVISED, window)
    assert view.original_edit.toPlainText() == ORIGINAL
    assert window.editor.toPlainText() == REVISED  # the draft itself is untouched


def test_the_open_compare_follows_another_draft(qtbot, window) -> None:
    window.load_text(ORIGINAL)
    window.editor.setPlainText(REVISED)
    dialog = open_compare(qtbot, window)
    view = dialog.view
    assert view.comparison().after.text == REVISED
    window.load_text(OTHER)  # File › Open of another draft: its own original is its text
    qtbot.waitUntil(lambda: view.revision_edit.toPlainText() == OTHER, timeout=3000)
    qtbot.waitUntil(lambda: view.comparison() is not None and view.comparison().before.text == OTHER, timeout=3000)
    assert view.original_edit.toPlainText() == OTHER
    assert ORIGINAL not in view.original_edit.toPlainText() + view.revision_edit.toPlainText()
    window.load_text("")  # a new draft without an original: the hint, no stale numbers
    qtbot.waitUntil(lambda: view.comparison() is None and dialog.panel.hint_bar.isVisible(), timeout=3000)
    assert view.revision_edit.toPlainText() == ""


def _chrome_texts(dialog) -> list[str]:
    texts = [dialog.windowTitle()]
    texts += [re.sub(r"<[^>]+>|&nbsp;", " ", label.text()) for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    view = dialog.view
    texts += [view.original_edit.placeholderText(), view.revision_edit.placeholderText()]
    texts += [lst.placeholder() for lst in (view.resolved_list, view.new_list, view.gained_list)]
    texts += [tile.toolTip() for tile in view.tiles.values()]
    return [t for t in texts if t.strip()]


def test_english_interface_german_post_shows_no_german_chrome(qtbot, window) -> None:
    window.load_text(ORIGINAL)
    window.editor.setPlainText(REVISED)
    dialog = open_compare(qtbot, window)
    assert dialog.view.comparison().after.language == "de"
    texts = _chrome_texts(dialog)
    german = {w for w in load_pack("de", False).labels.values() if " " not in w}
    found = [(word, text) for text in texts for word in german if re.search(rf"\b{re.escape(word)}\b", text)]
    assert found == []
    tile_names = [tile.name_label.text() for tile in dialog.view.tiles.values()]
    assert tile_names == ["Dialogue", "Shareability", "Clarity", "Platform fit"]
    assert any("words" in t for t in texts)  # the word counts are chrome too
