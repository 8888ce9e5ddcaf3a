"""Issue 17, point 1: a click on a finding selects its passage, the keyboard stays in the findings list.

Enter there must never edit the text; "Go to text" (Ctrl+Enter, the Edit menu, the button in the
detail box) takes the keyboard to the passage. Driven with mouse and keys, as a person does.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from resonanz.gui.panel.panel import FINDING_ROLE

from ..windows import open_window

DRAFT = "Unser Produkt ist einzigartig und innovativ. Jetzt kaufen!"


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    w.load_text(DRAFT)
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)
    return w


def click_finding(qtbot, window, rule: str):
    """Click the row of the finding with `rule`; returns (item, finding)."""
    item = next(i for i in window.panel.finding_items("dialogue") if i.data(0, FINDING_ROLE).rule == rule)
    tree = window.panel.tree
    tree.scrollToItem(item)
    with qtbot.waitSignal(window.panel.findingActivated, timeout=2000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    return item, item.data(0, FINDING_ROLE)


def passage(finding) -> str:
    span = finding.spans[0]
    return DRAFT[span.start:span.end]


def test_click_then_enter_keeps_the_text_and_the_selection(qtbot, window) -> None:
    _item, finding = click_finding(qtbot, window, "D8")
    tree = window.panel.tree
    qtbot.waitUntil(lambda: window.editor.textCursor().selectedText() == passage(finding), timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree, timeout=2000)  # the keyboard stayed in the list
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree, timeout=2000)
    assert window.editor.toPlainText() == DRAFT
    assert not window.editor.document().isModified()
    assert window.editor.textCursor().selectedText() == passage(finding)


def test_ctrl_enter_goes_to_the_passage_in_the_text(qtbot, window) -> None:
    _item, finding = click_finding(qtbot, window, "D8")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.tree, timeout=2000)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)  # the selection went elsewhere meanwhile
    qtbot.keyClick(window.panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor, timeout=2000)
    assert window.editor.textCursor().selectedText() == passage(finding)
    assert window.editor.toPlainText() == DRAFT
    # now typing replaces the passage, as a person expects after choosing to go there
    qtbot.keyClicks(window.editor, "Mehr dazu im Link")
    qtbot.waitUntil(lambda: window.editor.toPlainText() == DRAFT.replace(passage(finding), "Mehr dazu im Link"), timeout=2000)


def test_go_to_text_is_a_visible_action_and_a_button_in_the_details(qtbot, window) -> None:
    assert window.act_go_to_text in window.menu_edit.actions()
    assert window.act_go_to_text.text().replace("&", "") == "Go to text"
    assert "Ctrl+Return" in [s.toString() for s in window.act_go_to_text.shortcuts()]
    _item, finding = click_finding(qtbot, window, "D8")
    button = window.panel._detail.go_button
    qtbot.waitUntil(button.isVisible, timeout=2000)
    assert "Ctrl+Enter" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor, timeout=2000)
    assert window.editor.textCursor().selectedText() == passage(finding)
