"""A draft with too few words of its own (only a link, emoji, hashtags) takes its language from the
editor, not from a fixed default: the draft's last language, else the UI language (issue 19, point 7)."""

from __future__ import annotations

import pytest

from resonanz.gui.editor.worker import LiveAnalyzer

from ..windows import open_window

LINK_ONLY = "https://www.example.org/annual-report-2019"


@pytest.mark.parametrize("fallback", ["de", "en"])
def test_the_worker_passes_the_fallback(qtbot, fallback: str) -> None:
    analyzer = LiveAnalyzer(delay_ms=0)
    with qtbot.waitSignal(analyzer.resultReady, timeout=3000) as blocker:
        analyzer.request_now(LINK_ONLY, "auto", "linkedin", fallback)
    result = blocker.args[1]
    assert (result.language, result.language_detected, result.language_reason) == (fallback, False, "too_few_words")


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    w.language = "auto"
    yield w
    w.set_ui_language("en")  # the translator is application-wide: leave English for the next test


def _analysed(qtbot, w) -> None:
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)


@pytest.mark.parametrize("ui", ["de", "en"])
def test_a_new_link_only_draft_takes_the_ui_language(qtbot, window, ui: str) -> None:
    w = window
    assert w.set_ui_language(ui) == ui
    w.load_text(LINK_ONLY)
    _analysed(qtbot, w)
    assert (w.result.language, w.result.language_detected, w.result.language_reason) == (ui, False, "too_few_words")


def test_a_draft_cut_down_to_a_link_keeps_its_last_language(qtbot, window) -> None:
    w = window
    assert w.set_ui_language("de") == "de"
    w.load_text("Thanks to everyone who joined our volunteer day! What should we do next?")
    _analysed(qtbot, w)
    assert (w.result.language, w.result.language_reason) == ("en", "detected")
    w.editor.setPlainText(LINK_ONLY)  # the same draft, edited: the UI language does not take over
    _analysed(qtbot, w)
    assert (w.result.language, w.result.language_reason) == ("en", "too_few_words")
    w.load_text("🎉👏")  # another draft: its own context, the UI language
    _analysed(qtbot, w)
    assert (w.result.language, w.result.language_reason) == ("de", "too_few_words")
