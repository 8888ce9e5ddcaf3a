"""Issue 17 (point 10): an empty findings list never praises a draft whose scores are not all green.

The line over the findings names every amber or red score (its name, light and value) and where to
look; it goes away as soon as a problem is listed. Expected scores come from `analyze` itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS

from ..typing_helpers import type_text
from ..windows import open_window

NO_PROBLEMS = "What was your best moment volunteering this year? Tell us in the comments."
WITH_PROBLEMS = " We are the leading provider of unique solutions. Buy now!"
NAMES = {"dialogue": "Dialogue", "shareability": "Shareability", "clarity": "Clarity", "platform_fit": "Platform fit"}


def test_no_problems_but_an_amber_or_red_score_says_so_and_never_praises(qtbot) -> None:
    window = open_window(qtbot)
    window.set_ui_language("en")
    window.editor.setFocus()
    type_text(qtbot, window.editor, NO_PROBLEMS)
    qtbot.waitUntil(lambda: window.result is not None and window.result.text == NO_PROBLEMS, timeout=5000)
    expected = analyze(NO_PROBLEMS, language=window.language, platform=window.platform, rules_dir=None)
    assert not [f for f in expected.findings if f.severity in ("error", "warning", "suggestion")]
    not_green = [d for d in DIMENSIONS if expected.scores[d].light != "green"]
    assert not_green, "the example must have a score that is not green"
    note = window.panel.findings_note
    qtbot.waitUntil(note.isVisible, timeout=3000)
    text = note.text()
    for d in not_green:
        assert f"{NAMES[d]} {expected.scores[d].light} ({expected.scores[d].value})" in text
    for d in set(DIMENSIONS) - set(not_green):
        assert NAMES[d] not in text
    assert "well done" not in text.casefold() and "all four scores are green" not in text
    # a problem in the list: the list speaks for itself, the line goes
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, WITH_PROBLEMS)
    qtbot.waitUntil(lambda: window.result is not None and window.result.text == window.editor.toPlainText(), timeout=5000)
    assert any(f.severity in ("error", "warning", "suggestion") for f in window.result.findings)
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=3000)


def test_the_line_is_in_the_interface_language(qtbot) -> None:
    window = open_window(qtbot)
    window.set_ui_language("de")
    window.editor.setPlainText(NO_PROBLEMS)
    qtbot.waitUntil(lambda: window.result is not None and window.result.text == NO_PROBLEMS, timeout=5000)
    note = window.panel.findings_note
    qtbot.waitUntil(note.isVisible, timeout=3000)
    assert note.text().startswith("Keine Probleme markiert")
    window.set_ui_language("en")
    qtbot.waitUntil(lambda: note.text().startswith("No problems marked"), timeout=3000)
    assert Qt.TextFormat.PlainText == note.textFormat()
