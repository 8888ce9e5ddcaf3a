"""The main window, driven the way a person drives it (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from resonanz.core.analysis.engine import analyze
from resonanz.gui.app import theme as themes
from resonanz.gui.editor.main_window import MainWindow
from resonanz.gui.panel.panel import FINDING_ROLE

from ..typing_helpers import type_text
from ..windows import answer_next_box, open_window

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def analysed(qtbot, w: MainWindow) -> None:
    """Wait until the panel shows the result for exactly the editor's current text."""
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)


def test_typing_changes_the_scores(qtbot, window) -> None:
    window.editor.setFocus()
    type_text(qtbot, window.editor, "Wir freuen uns über unser neues Angebot.")
    analysed(qtbot, window)
    before = window.panel.gauge("dialogue").value()
    type_text(qtbot, window.editor, " Was würden Sie sich für Ihr Team wünschen? Schreiben Sie es in die Kommentare!")
    analysed(qtbot, window)
    after = window.panel.gauge("dialogue").value()
    assert after > before
    assert window.panel.gauge("dialogue").value() == window.result.score("dialogue")


def test_clicking_a_finding_selects_its_passage(qtbot, window) -> None:
    window.load_text("Unser Produkt ist einzigartig und innovativ. Jetzt kaufen!")
    analysed(qtbot, window)
    items = window.panel.finding_items("dialogue")
    target, finding = next((i, i.data(0, FINDING_ROLE)) for i in items if i.data(0, FINDING_ROLE).rule == "D8")
    tree = window.panel.tree
    assert finding is not None
    tree.scrollToItem(target)
    rect = tree.visualItemRect(target)
    with qtbot.waitSignal(window.panel.findingActivated, timeout=2000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().selectedText() == "Jetzt kaufen"


@pytest.mark.parametrize("prefix", ["👩🏽‍💻 ", "🇩🇪🇩🇪 👍🏿 ", "😀" * 7])
def test_an_emoji_before_a_finding_still_marks_the_right_word(qtbot, window, prefix: str) -> None:
    window.load_text(prefix + "Unser einzigartiges Angebot. Jetzt kaufen!")
    analysed(qtbot, window)
    marked = {sel.cursor.selectedText() for sel in window.editor.extraSelections()}
    assert "einzigartiges" in marked
    assert "Jetzt kaufen" in marked


def test_compare_shows_the_right_deltas(qtbot, window) -> None:
    original = (SAMPLES / "sommerfest_de.txt").read_text(encoding="utf-8")
    revised = (SAMPLES / "sommerfest_de_revised.txt").read_text(encoding="utf-8")
    window.load_text(original)
    window.editor.setPlainText(revised)
    dialog = window.show_compare()
    qtbot.addWidget(dialog)
    comparison = dialog.view.comparison()
    a = analyze(original, language="auto", platform="linkedin")
    b = analyze(revised, language="auto", platform="linkedin")
    for dim in ("dialogue", "shareability", "clarity", "platform_fit"):
        assert comparison.deltas[dim] == b.score(dim) - a.score(dim)
    assert comparison.deltas["dialogue"] > 0
    assert any(f.rule == "D6" for f in comparison.resolved)
    dialog.close()


def test_presentation_mode_toggles_and_restores(qtbot, window) -> None:
    window.path = Path("/home/coach/klienten/mueller-bau/entwurf.txt")  # must not show on a projector
    window._update_title()
    window.editor.set_zoom_steps(1)
    window.resize(700, 500)  # fits the 800x800 offscreen screen, so nothing clamps the size
    qtbot.waitUntil(lambda: window.width() == 700, timeout=2000)
    geometry = window.geometry()
    sizes = window.splitter.sizes()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting and window.isFullScreen()
    assert window.theme_in_use is themes.HIGH_CONTRAST
    assert window.editor.zoom_steps() > 1
    assert window.menuBar().isHidden() and window.statusBar().isHidden()
    assert "mueller" not in window.windowTitle() and "entwurf" not in window.windowTitle()
    assert not window.menu_recent.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.presenting and not window.isFullScreen()
    assert window.theme_in_use is window.theme
    assert window.editor.zoom_steps() == 1
    assert window.menuBar().isVisible()
    assert "entwurf.txt" in window.windowTitle()
    qtbot.waitUntil(lambda: window.geometry().size() == geometry.size(), timeout=2000)
    assert window.splitter.sizes() == sizes


def test_presentation_zoom_is_remembered(qtbot, window) -> None:
    window.toggle_presentation()
    start = window.editor.zoom_steps()
    window.act_zoom_in.trigger()
    window.toggle_presentation()
    window.toggle_presentation()
    assert window.editor.zoom_steps() == start + 1
    window.toggle_presentation()


def test_switching_the_ui_language_retranslates_the_window(qtbot, window) -> None:
    window.load_text("Was meinen Sie?")
    analysed(qtbot, window)
    assert window.set_ui_language("de") == "de"
    assert window.menu_file.title() == "&Datei"
    assert window.act_save.text() == "&Speichern"
    assert window.panel.findings_title.text() == "Hinweise"
    assert window.editor.accessibleName() == "Entwurf"
    # Qt's own strings follow too: standard buttons in message boxes and dialogs
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, window)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Abbrechen"
    assert window.set_ui_language("en") == "en"
    assert window.menu_file.title() == "&File"
    assert window.panel.findings_title.text() == "Findings"
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, window)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"


def test_save_open_and_recent_files(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "beitrag.md"
    type_text(qtbot, window.editor, "Welche Erfahrung haben Sie gemacht?")
    assert window.write_to(path)
    assert path.read_text(encoding="utf-8") == "Welche Erfahrung haben Sie gemacht?"
    assert not window.editor.document().isModified()
    assert window.menu_recent.actions()[0].toolTip() == str(path)
    assert "beitrag.md" in window.windowTitle()
    window.new_draft()
    assert window.editor.toPlainText() == ""
    assert window.open_path(path)
    assert window.editor.toPlainText() == "Welche Erfahrung haben Sie gemacht?"


def test_a_binary_file_is_refused_and_the_draft_kept(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window.load_text("Mein Entwurf")
    bad = tmp_path / "bild.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert not window.open_path(bad)
    assert window.editor.toPlainText() == "Mein Entwurf"
    assert warnings and "bild.txt" in warnings[0]


def test_unsaved_changes_are_not_lost_on_close(qtbot, window, monkeypatch) -> None:
    type_text(qtbot, window.editor, "Noch nicht gespeichert")  # no database here: the text is kept nowhere else
    seen: list = []
    answer_next_box(qtbot, seen, Qt.Key.Key_Escape)
    assert not window.close()
    assert seen and "Export to file…" in seen[0]
    assert window.isVisible() and window.editor.toPlainText() == "Noch nicht gespeichert"


def test_window_geometry_and_splitter_are_remembered(qtbot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(700, 550)
    first.show()
    first.splitter.setSizes([700, 400])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 700 and second.size().height() == 550
    assert second.splitter.sizes() == sizes


def test_find_bar(qtbot, window) -> None:
    window.load_text("Erster Satz. Zweiter Satz mit Suchwort. Dritter Satz.")
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "Suchwort")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectedText() == "Suchwort"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_remarking_leaves_undo_and_cursor_alone(qtbot, window) -> None:
    type_text(qtbot, window.editor, "Wir sind führend.")
    analysed(qtbot, window)
    position = window.editor.textCursor().position()
    type_text(qtbot, window.editor, " Was meinen Sie?")
    analysed(qtbot, window)
    assert window.editor.textCursor().position() == position + len(" Was meinen Sie?")
    window.editor.undo()
    assert window.editor.toPlainText() != "Wir sind führend. Was meinen Sie?"
    window.editor.redo()
    assert window.editor.toPlainText() == "Wir sind führend. Was meinen Sie?"


def test_platform_switch_reanalyses_with_the_platform_limit(qtbot, window) -> None:
    window.load_text("Was meinen Sie? " * 30)  # ~480 characters: fine on LinkedIn, too long for X
    analysed(qtbot, window)
    assert not window.result.findings_for("P1")
    index = window.panel.platform_combo.findData("x")
    window.panel.platform_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: window.result is not None and window.result.platform == "x", timeout=5000)
    assert window.result.findings_for("P1")
    assert window.panel.is_over_limit()


def test_about_names_version_and_licence(qtbot, window, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.act_about.trigger()
    from resonanz.core import __version__

    assert __version__ in shown[0] and "MIT" in shown[0]


def test_panel_is_usable_by_keyboard_and_screen_readers(qtbot, window) -> None:
    window.load_text("Unser Produkt ist einzigartig. Jetzt kaufen!")
    analysed(qtbot, window)
    for widget in (window.editor, window.panel.platform_combo, window.panel.language_combo, window.panel.tree, window.panel.gauge("dialogue")):
        assert widget.accessibleName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    tree = window.panel.tree
    tree.setFocus()
    tree.setCurrentItem(window.panel.finding_items("dialogue")[0])
    with qtbot.waitSignal(window.panel.findingActivated, timeout=2000):
        qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_first_start_shows_the_sample_draft(tmp_path: Path) -> None:
    env = {**os.environ, "RESONANZ_HOME": str(tmp_path), "RESONANZ_EXIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "resonanz"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-800:]
    assert "shown" in proc.stdout
    settings = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "first_start_done=true" in settings


def test_the_command_opens_a_file_given_to_it(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text("Was meinen Sie?", encoding="utf-8")
    env = {**os.environ, "RESONANZ_HOME": str(tmp_path), "RESONANZ_EXIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "resonanz", str(draft)], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-800:]
    assert str(draft) in (tmp_path / "settings.ini").read_text(encoding="utf-8")


def test_zoom_shortcut_is_remembered(qtbot, window) -> None:
    start = window.editor.zoom_steps()
    window.act_zoom_in.trigger()
    window.act_zoom_in.trigger()
    assert window.editor.zoom_steps() == start + 2
    assert int(window.settings.value("zoom")) == start + 2


def test_follows_the_system_switching_to_dark(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    hints = QApplication.instance().styleHints()
    monkeypatch.setattr(type(hints), "colorScheme", lambda self: Qt.ColorScheme.Dark)
    window._on_color_scheme_changed()
    assert window.theme_in_use is themes.DARK
    assert window.editor.theme() is themes.DARK


def test_the_users_own_platform_limit_reaches_counter_and_marks(qtbot, monkeypatch, tmp_path) -> None:
    home = tmp_path / "home"
    (home / "rules").mkdir(parents=True)
    (home / "rules" / "haus.toml").write_text("[platforms.linkedin]\nlimit = 100\n", encoding="utf-8")
    monkeypatch.setenv("RESONANZ_HOME", str(home))
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda win: win.editor.document().setModified(False))
    w.panel.set_platforms([("linkedin", "LinkedIn")], "linkedin")
    type_text(qtbot, w.editor, "Was meinen Sie? " * 9)  # 144 characters: over the house limit of 100
    assert w.panel.is_over_limit()  # while typing, before any analysis
    analysed(qtbot, w)
    assert w.result.stats["characters_limit"] == 100 and w.result.findings_for("P1")
    assert w.panel.is_over_limit()
