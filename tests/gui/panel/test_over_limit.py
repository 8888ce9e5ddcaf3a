"""A post too long for X, pasted into the editor: platform fit turns red and the counter says by how
much (issue 17, point 7: 510 of 280 characters on X used to show platform fit 40, amber)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from resonanz.core.analysis.engine import platform_profile
from resonanz.core.analysis.platforms import count_characters
from resonanz.gui.app.i18n import Translations

from ..windows import open_window

POSTS = {
    "en": ("Thanks to @anna and @ben for their help at the city run! ", "At the finish there was music, cake and many happy faces. "),
    "de": ("Danke an @anna und @ben für die Hilfe beim Stadtlauf! ", "Am Ziel gab es Musik, Kuchen und viele frohe Gesichter. "),
}
TOO_MANY = {"en": "230 too many", "de": "230 zu viel"}


def post_of(language: str, length: int) -> str:
    """A post of exactly `length` characters as X counts them, with two @-mentions."""
    opening, filler = POSTS[language]
    text = opening
    while len(text) < length:
        text += filler
    text = text[:length]
    assert count_characters(text, platform_profile("x", language)) == length
    return text


@pytest.fixture
def ui():
    """The application's translations; removed afterwards, so later tests see the bare source texts."""
    translations = Translations()
    yield translations
    app = QCoreApplication.instance()
    for translator in (translations._translator, translations._qt_translator):
        if translator is not None:
            app.removeTranslator(translator)


def choose_platform(qtbot, window, platform: str) -> None:
    combo = window.panel.platform_combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(platform))
    qtbot.waitUntil(lambda: combo.currentData() == platform)


def paste(qtbot, editor, text: str) -> None:
    QApplication.clipboard().setText(text)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.toPlainText() == text)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_post_over_the_x_limit_is_red_and_the_counter_says_by_how_much(qtbot, ui: Translations, language: str) -> None:
    assert ui.apply(language) == language
    window = open_window(qtbot)
    choose_platform(qtbot, window, "x")
    text = post_of(language, 510)
    paste(qtbot, window.editor, text)
    panel = window.panel
    # the counter follows the paste at once, before the analysis
    qtbot.waitUntil(lambda: panel.is_over_limit())
    qtbot.waitUntil(lambda: window.result is not None and window.result.text == text and window.result.platform == "x", timeout=5000)
    gauge = panel.gauge("platform_fit")
    qtbot.waitUntil(lambda: gauge.light() == "red")
    assert gauge.value() == window.result.score("platform_fit") < 40
    assert any(c.rule == "P6" and c.points > 0 for c in gauge.score().breakdown), "the mentions still earn their points"
    lines = panel.counter_text().split("\n")
    assert lines == ["▲ 510 / 280", TOO_MANY[language]]
    assert panel.counter_label.font().bold()


def test_cutting_the_post_to_the_limit_clears_the_excess(qtbot, ui: Translations) -> None:
    assert ui.apply("en") == "en"
    window = open_window(qtbot)
    choose_platform(qtbot, window, "x")
    paste(qtbot, window.editor, post_of("en", 281))
    panel = window.panel
    qtbot.waitUntil(lambda: panel.counter_text() == "▲ 281 / 280\n1 too many")
    qtbot.waitUntil(lambda: panel.gauge("platform_fit").light() == "red", timeout=5000)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: panel.counter_text() == "280 / 280" and not panel.is_over_limit())
    qtbot.waitUntil(lambda: window.result is not None and window.result.text == window.editor.toPlainText(), timeout=5000)
    qtbot.waitUntil(lambda: panel.gauge("platform_fit").light() != "red")
