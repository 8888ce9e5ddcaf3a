"""Too little text to judge (issue 17, point 6), driven through the real main window as a person would:
emoji into an empty draft show no traffic lights at all; two real sentences bring the scores back."""

from __future__ import annotations

import pytest

from resonanz.core.analysis.model import DIMENSIONS

from ..typing_helpers import type_text
from ..windows import open_window

SENTENCES = {
    "en": " We planted ten trees in the park today. Which tree should we plant next?",
    "de": " Heute haben wir zehn Bäume im Stadtpark gepflanzt. Welchen Baum pflanzen wir als Nächstes?",
}
WORDS = {
    "en": {"not_judged": "Not enough text", "lights": {"red", "amber", "green"}, "detected": "detected", "hint": "sentences"},
    "de": {"not_judged": "Zu wenig Text", "lights": {"rot", "gelb", "grün"}, "detected": "erkannt", "hint": "Sätze"},
}


def _analysed(qtbot, w) -> None:
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)


def _auto_label(w) -> str:
    combo = w.panel.language_combo
    return combo.itemText(combo.findData("auto"))


@pytest.mark.parametrize("ui", ["en", "de"])
def test_emoji_show_no_lights_until_there_are_sentences(qtbot, store, ui: str) -> None:
    w = open_window(qtbot, store)
    w.language = "auto"
    w.panel.set_language_choice("auto")
    assert w.set_ui_language(ui) == ui
    words = WORDS[ui]
    assert w.editor.toPlainText() == ""
    w.editor.setFocus()

    type_text(qtbot, w.editor, "🚀🚀🚀")
    _analysed(qtbot, w)
    assert not w.result.judged
    for d in DIMENSIONS:
        gauge = w.panel.gauge(d)
        assert gauge.value() is None and gauge.light() == "" and not gauge.is_judged()
        assert gauge.light_text() == words["not_judged"]
        assert words["not_judged"].lower() in gauge.accessibleName().lower()
        assert gauge.breakdown_texts() == []
        assert w.panel.finding_items(d) == []
    assert w.panel.radar.scores() == {}
    assert w.panel.findings_note.isVisible() and words["hint"] in w.panel.findings_note.text()  # a hint instead of findings
    assert _auto_label(w) in ("Auto", "Automatisch") and "Deutsch" not in _auto_label(w)  # no language claimed

    w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
    if ui == "en":
        type_text(qtbot, w.editor, SENTENCES[ui])
    else:  # umlauts: inserted as a paste would (qtbot.keyClicks cannot type them)
        w.editor.insertPlainText(SENTENCES[ui])
    _analysed(qtbot, w)
    assert w.result.judged and w.result.language == ui
    for d in DIMENSIONS:
        gauge = w.panel.gauge(d)
        assert gauge.is_judged() and gauge.value() == w.result.score(d)
        assert gauge.light() in ("red", "amber", "green") and gauge.light_text() in words["lights"]
    assert set(w.panel.radar.scores()) == set(DIMENSIONS)
    assert any(w.panel.finding_items(d) for d in DIMENSIONS)
    assert words["detected"] in _auto_label(w)
    assert not (w.panel.findings_note.isVisible() and words["hint"] in w.panel.findings_note.text())
    w.set_ui_language("en")


def test_a_revision_of_too_little_text_stores_no_scores_and_the_chart_skips_it(qtbot, store) -> None:
    w = open_window(qtbot, store)
    w.new_draft()  # File › New: a draft in the database
    w.editor.setFocus()
    type_text(qtbot, w.editor, "#Danke")
    _analysed(qtbot, w)
    w.save_revision(label="only a hashtag")
    assert w.panel.history_chart.point_count() == 0
    w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
    type_text(qtbot, w.editor, " We planted ten trees in the park today.")
    _analysed(qtbot, w)
    w.save_revision(label="a sentence")
    assert w.panel.history_chart.point_count() == 1
    assert w.keeper is not None and w.keeper.draft_id is not None
    assert [r.scores is None for r in store.revisions(w.keeper.draft_id)] == [True, False]
