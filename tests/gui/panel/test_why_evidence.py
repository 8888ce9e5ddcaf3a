"""The Why box shows how well a finding's rule is backed by data: a grade badge (colour and word) and one sentence.

Driven as a person: type a draft into the window, click a finding, open "Why?", read the box. The
evidence file is pinned to tests/data/evidence/evidence.toml (the real figures may be regenerated)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from resonanz.core.analysis import evidence
from resonanz.gui.app import theme as themes
from resonanz.gui.panel.finding_detail import grade_colors
from resonanz.gui.panel.panel import FINDING_ROLE

from ..typing_helpers import type_text
from ..windows import open_window

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "evidence" / "evidence.toml"


@pytest.fixture(autouse=True)
def _pinned():
    evidence.use_file(FIXTURE)
    yield
    evidence.use_file(None)


def _open_finding(qtbot, w, rule: str):
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)
    tree = w.panel.tree
    items = [i for d in ("dialogue", "shareability", "clarity", "platform_fit") for i in w.panel.finding_items(d)]
    target = next(i for i in items if i.data(0, FINDING_ROLE).rule == rule)
    tree.scrollToItem(target)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(target).center())
    assert w.panel.selected_finding().rule == rule
    if not w.panel.why_button.isChecked():
        qtbot.mouseClick(w.panel.why_button, Qt.MouseButton.LeftButton)
    return w.panel.why_evidence


def test_why_box_shows_the_grade_badge_and_sentence(qtbot) -> None:
    w = open_window(qtbot)
    w.editor.setFocus()
    type_text(qtbot, w.editor, "Wir freuen uns sehr. Was denkst du? Schreib uns in die Kommentare!")
    box = _open_finding(qtbot, w, "D1")
    assert box.isVisibleTo(w.panel)
    text = box.text()
    assert ">&nbsp;Belegt&nbsp;<" in text  # the grade as a word, not only a colour
    assert "In 2 von 3 Datensätzen in der erwarteten Richtung (stärkster Wert ρ = +0,16, Kommentare je Reaktion, Parteiposts 2019)." in text
    assert box.property("grade") == "supported"
    bg, _fg = grade_colors(w.panel.theme(), "supported")
    assert f"background-color:{bg}" in text
    assert box.accessibleName().endswith("Belegt: in 2 von 3 Datensätzen in der erwarteten Richtung (stärkster Wert ρ = +0,16, "
                                         "Kommentare je Reaktion, Parteiposts 2019).")
    # below the source line
    layout = w.panel.detail.layout()
    assert layout.indexOf(box) == layout.indexOf(w.panel.why_source) + 1


def test_untested_rule_and_an_english_draft(qtbot) -> None:
    w = open_window(qtbot)
    w.panel.set_language_choice("en")
    w.panel.languageChanged.emit("en")
    w.editor.setFocus()
    type_text(qtbot, w.editor, "We are proud of our new report. What do you think? Tell us in the comments!")
    box = _open_finding(qtbot, w, "D4")
    assert ">&nbsp;Supported&nbsp;<" in box.text() and "In the expected direction in 1 data set" in box.text()
    evidence.use_file(FIXTURE.parent / "missing.toml")  # no figures at all: every rule is untested
    w.panel.set_theme(w.panel.theme())  # re-show the selected finding
    assert ">&nbsp;Untested&nbsp;<" in box.text() and "No data set measures this rule yet." in box.text()
    assert box.property("grade") == "untested"


def test_grade_colours_differ_and_stay_legible() -> None:
    from resonanz.gui.panel.colors import contrast
    from PySide6.QtGui import QColor

    for t in (themes.LIGHT, themes.DARK, themes.HIGH_CONTRAST):
        colours = {g: grade_colors(t, g) for g in evidence.GRADES}
        assert len({colours[g][0] for g in ("supported", "mixed", "contradicted", "untested")}) == 4
        assert all(contrast(QColor(bg), QColor(fg)) >= 4.5 for bg, fg in colours.values()), t.name
