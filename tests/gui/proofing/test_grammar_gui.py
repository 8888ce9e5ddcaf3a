"""Spelling and grammar in the editor (issue #6), driven the way a person does it.

LanguageTool cannot run here (no Java download, no network): the server-mode tests talk HTTP to
tests/lt_standin.py, a LanguageTool-COMPATIBLE STAND-IN on 127.0.0.1, clearly not LanguageTool.
The editor's code path is the real one (language-tool-python's HTTP client). The offline
dictionary tests use the real bundled pyspellchecker dictionaries.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from resonanz.core.proofing import spelling
from resonanz.core.proofing.grammar_model import GrammarSettings
from resonanz.core.storage.store import Store
from resonanz.gui.proofing.grammar import GrammarSettingsDialog, load_grammar_settings, save_grammar_settings
from resonanz.gui.editor.main_window import MainWindow
from resonanz.gui.app.settings import open_settings

from lt_standin import LanguageToolStandIn

from ..typing_helpers import type_text

TYPO_DE = "Wir laden euch zum Somerfest im Garten ein. Was bringt ihr mit?"


@pytest.fixture
def standin():
    with LanguageToolStandIn() as lt:
        yield lt


def make_window(qtbot, tmp_path: Path, grammar: GrammarSettings | None = None) -> MainWindow:
    if grammar is not None:
        save_grammar_settings(open_settings(), grammar)
    w = MainWindow(store=Store(tmp_path / "resonanz.db"))
    w.grammar.scheduler.delay = 0.05  # the debounce is tested in core; here: quick turns
    if grammar is not None:  # timeouts and retry intervals are data (grammar.toml), not settings: short ones here
        w.grammar.configure(grammar)
    qtbot.addWidget(w, before_close_func=lambda win: win.editor.document().setModified(False))
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def checked(qtbot, w: MainWindow, timeout: int = 15000) -> None:
    """Wait until the grammar result belongs to exactly the editor's text."""
    qtbot.waitUntil(lambda: w.grammar_result is not None and w.grammar_result.text == w.editor.toPlainText(), timeout=timeout)


def language_rows(w: MainWindow):
    return [i.data(0, Qt.ItemDataRole.UserRole) for i in w.panel.finding_items("language")]


def test_default_is_off_with_the_offline_dictionary_and_nothing_is_sent(qtbot, tmp_path: Path, standin) -> None:
    w = make_window(qtbot, tmp_path)
    assert w.grammar.settings.mode == "off"
    w.editor.setFocus()
    type_text(qtbot, w.editor, TYPO_DE)
    checked(qtbot, w)
    spells = [f for f in language_rows(w) if f.rule == "SPELL"]
    assert [TYPO_DE[f.start:f.end] for f in spells] == ["Somerfest"]
    assert "Sommerfest" in spells[0].replacements
    assert w.panel.grammar_state() == "off" and "offline" in w.panel.grammar_status.text().lower()
    assert standin.count() == 0  # off means off: not even a request to a server on this machine
    # marks: once both the scores and the spelling are in, the misspelt word carries the language mark
    qtbot.waitUntil(lambda: any(f.rule == "SPELL" for f in w.editor.findings_at(TYPO_DE.index("Somerfest") + 2)), timeout=5000)
    assert not any(f.rule == "SPELL" for f in w.editor.findings_at(TYPO_DE.index("Garten") + 2))


def test_one_click_applies_a_replacement_as_one_undo_step(qtbot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path)
    w.load_text(TYPO_DE)
    checked(qtbot, w)
    item = next(i for i in w.panel.finding_items("language") if i.data(0, Qt.ItemDataRole.UserRole).rule == "SPELL")
    w.panel.tree.setCurrentItem(item)
    button = next(b for b in w.panel.fix_buttons if b.isVisible() and b.property("replacement") == "Sommerfest")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.editor.toPlainText() == TYPO_DE.replace("Somerfest", "Sommerfest")
    checked(qtbot, w)
    assert not [f for f in language_rows(w) if f.rule == "SPELL"]
    w.editor.undo()
    assert w.editor.toPlainText() == TYPO_DE


def test_add_to_dictionary_writes_the_word_list_and_the_mark_goes(qtbot, tmp_path: Path) -> None:
    text = "Unser Kiezcafé öffnet am Samstag. Kommt ihr vorbei?"
    w = make_window(qtbot, tmp_path)
    w.load_text(text)
    checked(qtbot, w)
    item = next(i for i in w.panel.finding_items("language") if text[i.data(0, Qt.ItemDataRole.UserRole).start:i.data(0, Qt.ItemDataRole.UserRole).end] == "Kiezcafé")
    w.panel.tree.setCurrentItem(item)
    assert w.panel.add_word_button.isVisible()
    qtbot.mouseClick(w.panel.add_word_button, Qt.MouseButton.LeftButton)
    assert "Kiezcafé" in spelling.user_words_path().read_text(encoding="utf-8").splitlines()
    checked(qtbot, w)
    qtbot.waitUntil(lambda: all(text[f.start:f.end] != "Kiezcafé" for f in language_rows(w)), timeout=5000)


def test_server_mode_shows_languagetool_findings_and_ready(qtbot, tmp_path: Path, standin) -> None:
    text = "Das ist ein Fehller im Text. Was meint ihr?"
    w = make_window(qtbot, tmp_path, GrammarSettings(mode="server", server_url=standin.url, notice_acknowledged=standin.url))
    w.load_text(text)
    checked(qtbot, w)
    lt = [f for f in language_rows(w) if f.rule.startswith("LT:")]
    assert [text[f.start:f.end] for f in lt] == ["Fehller"] and lt[0].replacements[0] == "Fehler"
    assert w.panel.grammar_state() == "ready" and "127.0.0.1" in w.panel.grammar_status.text()
    sent = standin.checks()[-1]
    assert sent["text"] == text and sent["language"].startswith("de")
    # scores never depend on the network: the four gauges equal the engine's own result
    assert all(f.points == 0 for f in lt)


def test_server_down_says_why_in_one_line_keeps_the_dictionary_and_recovers(qtbot, tmp_path: Path, standin) -> None:
    w = make_window(qtbot, tmp_path, GrammarSettings(mode="server", server_url=standin.url, notice_acknowledged=standin.url, timeout=1.0, retry_after=0.3))
    standin.stop()
    w.load_text(TYPO_DE)
    # Each condition is waited for, never assumed: with retry_after=0.3 the state cycles between
    # "checking" and "unavailable", and the analysis and the spelling arrive on other threads.
    qtbot.waitUntil(lambda: w.panel.grammar_state() == "unavailable" and "not reachable" in w.panel.grammar_status.text(), timeout=10000)
    line = w.panel.grammar_status.text()
    assert "\n" not in line and standin.url.split("//")[1] in line
    checked(qtbot, w)
    qtbot.waitUntil(lambda: [f.rule for f in language_rows(w)] == ["SPELL"], timeout=10000)  # the offline dictionary fills in
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=10000)  # scores are there
    standin.start()
    qtbot.waitUntil(lambda: w.panel.grammar_state() == "ready", timeout=10000)  # retried without typing


def test_slow_server_never_blocks_typing(qtbot, tmp_path: Path, standin) -> None:
    standin.delay_ms = 3000
    w = make_window(qtbot, tmp_path, GrammarSettings(mode="server", server_url=standin.url, notice_acknowledged=standin.url, timeout=1.0))
    w.editor.setFocus()
    type_text(qtbot, w.editor, "Hallo")
    qtbot.waitUntil(lambda: standin.count("/v2/check") + standin.count("/v2/languages") >= 1, timeout=5000)
    type_text(qtbot, w.editor, " ihr da")  # typed while the request hangs: arrives at once
    assert w.editor.toPlainText() == "Hallo ihr da"
    qtbot.waitUntil(lambda: w.panel.grammar_state() == "unavailable", timeout=10000)
    assert "did not answer within 1 s" in w.panel.grammar_status.text()


def test_a_stale_result_is_dropped(qtbot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path)
    w.load_text(TYPO_DE)
    checked(qtbot, w)
    old = w.grammar_result
    w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
    type_text(qtbot, w.editor, " Tschüss")
    w._on_grammar_result(old)  # late delivery of the result for the previous text
    assert w.grammar_result is old and old.text != w.editor.toPlainText()
    checked(qtbot, w)
    assert w.grammar_result is not old


def test_settings_dialog_asks_before_drafts_go_to_a_server(qtbot, tmp_path: Path, monkeypatch, standin) -> None:
    w = make_window(qtbot, tmp_path)
    asked: list[str] = []
    answer = {"value": QMessageBox.StandardButton.No}
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: (asked.append(text), answer["value"])[1])
    dialog = w.show_grammar_settings()
    assert dialog.mode() == "off" and "Nothing leaves" in dialog.privacy.text() or "verlässt" in dialog.privacy.text()
    dialog.mode_buttons["server"].setChecked(True)
    dialog.server_edit.setText(standin.url)
    assert standin.url in dialog.privacy.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert asked and "127.0.0.1" in asked[0] and dialog.isVisible()  # said no: still open, nothing saved
    assert load_grammar_settings(open_settings()).mode == "off"
    answer["value"] = QMessageBox.StandardButton.Yes
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    stored = load_grammar_settings(open_settings())
    assert stored.mode == "server" and stored.server_url == standin.url and stored.notice_acknowledged == standin.url
    assert w.grammar.settings.mode == "server"
    # the second time the same server needs no question
    asked.clear()
    again = GrammarSettingsDialog(replace(stored), "en", w)
    again.buttons.button(again.buttons.StandardButton.Ok).click()
    assert asked == [] and again.result_settings == stored


def test_settings_dialog_download_fails_offline_in_one_line(qtbot, tmp_path: Path, monkeypatch) -> None:
    import requests

    def refuse(*_a, **_k):
        raise requests.exceptions.ConnectionError("no network here")

    monkeypatch.setattr(requests, "get", refuse)  # this machine is offline; make it certain and fast
    dialog = GrammarSettingsDialog(GrammarSettings(), "en")
    qtbot.addWidget(dialog)
    dialog.mode_buttons["local"].setChecked(True)
    dialog.start_download()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Download failed"), timeout=10000)
    assert "\n" not in dialog.message.text() and dialog.download_button.isEnabled()
    assert not dialog.download_bar.isVisible()
