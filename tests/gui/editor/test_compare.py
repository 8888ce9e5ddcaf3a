"""CompareView: a coach's original draft beside the revision, driven the way a person uses it.

Expected numbers come from `analyze` itself, never hard-coded: the view must show what the engine
says, and these tests stay true when a rule's weights change.
"""

from __future__ import annotations

import sys
import types
from importlib import resources
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QWidget
from resonanz.core.analysis.compare import compare, format_delta
from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.gui.editor.compare import CompareView
from resonanz.gui.app.theme import DARK, HIGH_CONTRAST, LIGHT, UNDERLINE

#: The dimensions' names in the English interface (the source language; no translator installed here).
UI_NAMES = {"dialogue": "Dialogue", "shareability": "Shareability", "clarity": "Clarity", "platform_fit": "Platform fit"}
DEAD_END_BEFORE = "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen."
DEAD_END_AFTER = "🎉🌿 Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen. Jetzt buchen!"


def _sample(name: str) -> str:
    return (resources.files("resonanz.resources") / "samples" / name).read_text(encoding="utf-8")


@pytest.fixture
def original() -> str:
    return _sample("sommerfest_de.txt")


@pytest.fixture
def revision() -> str:
    return _sample("sommerfest_de_revised.txt")


@pytest.fixture
def view(qtbot) -> CompareView:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    return widget


def _items(lst) -> list[str]:
    return [lst.item(i).text() for i in range(lst.count())]


def _marks(edit) -> list[tuple[str, QTextCharFormat]]:
    # copy the format: the one of a temporary ExtraSelection dies with it
    return [(sel.cursor.selectedText(), QTextCharFormat(sel.format)) for sel in edit.extraSelections()]


# ---------------------------------------------------------------------------- tiles

def test_tiles_show_scores_and_signed_deltas_of_analyze(view: CompareView, original: str, revision: str) -> None:
    before, after = analyze(original, rules_dir=None), analyze(revision, rules_dir=None)
    view.set_drafts(original, revision)
    for dim in DIMENSIONS:
        tile = view.tiles[dim]
        b, a = before.score(dim), after.score(dim)
        assert tile.name_label.text() == UI_NAMES[dim]  # the interface's language, not the German post's
        assert tile.scores_label.text() == f"{b} → {a}"
        assert tile.delta_label.text() == format_delta(a - b)
        assert tile.delta_label.text()[0] in "+\u2212±"  # the sign says it, not the colour alone
        assert str(b) in tile.accessibleName() and str(a) in tile.accessibleName()


def test_delta_colours_green_red_muted(view: CompareView) -> None:
    view.set_theme(LIGHT)
    comparison = view.set_drafts(DEAD_END_BEFORE, DEAD_END_AFTER)
    for dim in DIMENSIONS:
        delta = comparison.deltas[dim]
        expected = LIGHT.light["green"] if delta > 0 else LIGHT.light["red"] if delta < 0 else LIGHT.muted
        assert expected in view.tiles[dim].delta_label.styleSheet()
    assert comparison.deltas["dialogue"] < 0
    assert view.tiles["dialogue"].delta_label.text().startswith("\u2212")


def test_set_drafts_returns_the_comparison_shown(view: CompareView, original: str, revision: str) -> None:
    assert view.comparison() is None
    comparison = view.set_drafts(original, revision)
    assert view.comparison() is comparison
    expected = compare(analyze(original, rules_dir=None), analyze(revision, rules_dir=None))
    assert comparison.deltas == expected.deltas
    assert view.original_edit.toPlainText() == original
    assert view.revision_edit.toPlainText() == revision


# ---------------------------------------------------------------------------- lists

def test_resolved_list_names_the_self_announcement(view: CompareView, original: str, revision: str) -> None:
    comparison = view.set_drafts(original, revision)
    (d6,) = [f for f in comparison.resolved if f.rule == "D6"]
    items = _items(view.resolved_list)
    assert f"✔ {d6.message}" in items
    assert len(items) == len(comparison.resolved)
    assert all(item.startswith("✔ ") for item in items)


def test_new_list_is_empty_for_the_samples(view: CompareView, original: str, revision: str) -> None:
    view.set_drafts(original, revision)
    assert view.new_list.count() == 0
    assert view.new_list.placeholder()  # says "none" in words instead of an empty box
    assert "(0)" in view.new_header.text()


def test_strengths_gained_are_listed(view: CompareView, original: str, revision: str) -> None:
    comparison = view.set_drafts(original, revision)
    assert _items(view.gained_list) == [f"★ {f.message}" for f in comparison.gained]
    assert any(f.rule == "D2" for f in comparison.gained)


def test_added_dead_end_shows_under_new(view: CompareView) -> None:
    comparison = view.set_drafts(DEAD_END_BEFORE, DEAD_END_AFTER)
    (d8,) = [f for f in comparison.new if f.rule == "D8"]
    assert d8.kind == "dead_end"
    assert f"▲ {d8.message}" in _items(view.new_list)
    assert view.resolved_list.count() == 0


def test_choosing_a_list_item_selects_its_passage(view: CompareView, original: str, revision: str) -> None:
    comparison = view.set_drafts(original, revision)
    # the sample's opener, a self-announcement (D6), is resolved by the revision
    d6 = next(f for f in comparison.resolved if f.rule == "D6")
    view.resolved_list.setCurrentRow(comparison.resolved.index(d6))
    assert view.original_edit.textCursor().selectedText() == d6.spans[0].text(original)
    assert view.original_edit.textCursor().selectedText().startswith("Wir freuen uns")


# ---------------------------------------------------------------------------- marks

def test_revision_marks_cover_exactly_the_new_problem_after_emoji(view: CompareView) -> None:
    comparison = view.set_drafts(DEAD_END_BEFORE, DEAD_END_AFTER)
    expected = [span.text(comparison.after.text) for f in comparison.new for span in f.spans]
    marks = _marks(view.revision_edit)
    assert [text for text, _ in marks] == expected == ["Jetzt buchen"]
    fmt = marks[0][1]
    assert fmt.underlineStyle() == UNDERLINE["dialogue"]  # D8 is a dialogue rule
    assert fmt.underlineColor().name() == view.theme().dimension["dialogue"]
    assert view.original_edit.extraSelections() == []


def test_original_marks_resolved_passages_struck_through(view: CompareView, original: str, revision: str) -> None:
    comparison = view.set_drafts(original, revision)
    marks = _marks(view.original_edit)
    expected = [span.text(original) for f in comparison.resolved for span in f.spans]
    assert [text for text, _ in marks] == expected
    (d6,) = [f for f in comparison.resolved if f.rule == "D6"]
    assert d6.spans[0].text(original) in [text for text, _ in marks]
    assert all(fmt.fontStrikeOut() for _, fmt in marks)
    # the first sentence ends in 🎉 and the later marks still land on their words ("Jetzt anmelden"
    # is a mobilising call since issue 16, not a resolved dead end: the hashtag is the last mark)
    assert "#Event" in [text for text, _ in marks]
    assert view.revision_edit.extraSelections() == []  # the revision adds nothing wrong


def test_marks_stay_aligned_with_windows_line_ends(view: CompareView) -> None:
    # Qt folds CR LF into one position; the view analyses the text it shows, so marks do not drift
    before = "Sommerfest am 14. Juni in der Gärtnerei.\r\nEs gibt Kräuter und Führungen."
    after = "🌿 Sommerfest am 14. Juni in der Gärtnerei.\r\n\r\nEs gibt Kräuter und Führungen.\r\nJetzt buchen!"
    comparison = view.set_drafts(before, after)
    assert [(f.rule, f.kind) for f in comparison.new] == [("D8", "dead_end")]
    assert [text for text, _ in _marks(view.revision_edit)] == ["Jetzt buchen"]
    assert view.revision_edit.toPlainText() == comparison.after.text


# ---------------------------------------------------------------------------- translation

def test_retranslate_runs_on_language_change(view: CompareView, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(view, "retranslate", lambda: calls.append(1))
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert calls == [1]


class _GermanHeaders(QTranslator):
    """A translator in code: enough to see the view re-read its strings."""

    WORDS: ClassVar[dict[str, str]] = {"Original": "Ursprung", "Revision": "Überarbeitung", "Resolved": "Behoben", "New": "Neu"}

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt override
        return self.WORDS.get(source, "") if context == "CompareView" else ""  # "" = not translated

    def isEmpty(self) -> bool:  # Qt override: Qt skips translators that say they are empty
        return False


def test_installing_a_translator_retranslates_the_view(view: CompareView, original: str, revision: str) -> None:
    view.set_drafts(original, revision)
    assert view.original_header.text() == "Original"
    translator = _GermanHeaders()
    QCoreApplication.installTranslator(translator)
    try:
        QApplication.processEvents()
        assert view.original_header.text() == "Ursprung"
        assert view.revision_header.text() == "Überarbeitung"
        assert "Behoben" in view.resolved_header.text()
    finally:
        QCoreApplication.removeTranslator(translator)
        QApplication.processEvents()
    assert view.original_header.text() == "Original"


# ---------------------------------------------------------------------------- accessibility, keyboard

def test_accessible_names(view: CompareView, original: str, revision: str) -> None:
    view.set_drafts(original, revision)
    widgets = [view.original_edit, view.revision_edit, view.resolved_list, view.new_list, view.gained_list, *view.tiles.values()]
    names = [w.accessibleName() for w in widgets]
    assert all(names) and len(set(names)) == len(names)


def test_tab_goes_through_editors_then_lists(view: CompareView, qtbot, original: str, revision: str) -> None:
    view.set_drafts(original, revision)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.original_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.original_edit)
    order = [view.original_edit]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [view.original_edit, view.revision_edit, view.resolved_list, view.new_list, view.gained_list]


def test_editors_are_read_only(view: CompareView, qtbot, original: str, revision: str) -> None:
    view.set_drafts(original, revision)
    qtbot.keyClicks(view.revision_edit, "x")
    assert view.revision_edit.toPlainText() == revision


# ---------------------------------------------------------------------------- theme, presentation

def test_set_theme_recolours_tiles_editors_and_marks(view: CompareView) -> None:
    view.set_theme(LIGHT)
    view.set_drafts(DEAD_END_BEFORE, DEAD_END_AFTER)
    light_mark = _marks(view.revision_edit)[0][1].underlineColor().name()
    view.set_theme(DARK)
    assert view.theme() is DARK
    assert DARK.window in view.styleSheet()
    assert _marks(view.revision_edit)[0][1].underlineColor().name() == DARK.dimension["dialogue"] != light_mark
    assert DARK.light["red"] in view.tiles["dialogue"].delta_label.styleSheet()
    view.set_theme(HIGH_CONTRAST)
    assert HIGH_CONTRAST.window in view.styleSheet()


def test_presentation_mode_enlarges_fonts(view: CompareView, original: str, revision: str) -> None:
    view.set_drafts(original, revision)
    widgets = [view.original_edit, view.revision_edit, view.resolved_list, view.tiles["clarity"].scores_label, view.original_header]
    normal = [w.font().pointSizeF() for w in widgets]
    view.set_presentation(True)
    assert view.is_presentation()
    bigger = [w.font().pointSizeF() for w in widgets]
    assert all(b > n for b, n in zip(bigger, normal))
    view.set_presentation(False)
    assert [w.font().pointSizeF() for w in widgets] == normal


def test_theme_and_presentation_before_any_drafts(view: CompareView) -> None:
    view.set_theme(HIGH_CONTRAST)
    view.set_presentation(True)
    view.show()
    assert view.comparison() is None
    assert view.tiles["dialogue"].scores_label.text() == "–"


# ---------------------------------------------------------------------------- radar chart (gui/charts.py)

class _FakeRadar(QWidget):
    """Stands in for RadarChart(QWidget).set_scores / set_theme / set_labels while it is being written."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.scores = self.compared = self.theme = self.labels = None

    def set_scores(self, scores, compare=None) -> None:
        self.scores, self.compared = dict(scores), dict(compare) if compare is not None else None

    def set_theme(self, theme) -> None:
        self.theme = theme

    def set_labels(self, labels) -> None:
        self.labels = dict(labels)


def test_radar_shows_revision_against_original(qtbot, monkeypatch: pytest.MonkeyPatch, original: str, revision: str) -> None:
    module = types.ModuleType("resonanz.gui.panel.charts")
    module.RadarChart = _FakeRadar
    monkeypatch.setitem(sys.modules, "resonanz.gui.panel.charts", module)
    view = CompareView()
    qtbot.addWidget(view)
    comparison = view.set_drafts(original, revision)
    assert isinstance(view.radar, _FakeRadar)
    assert view.radar.scores == {d: comparison.after.score(d) for d in DIMENSIONS}
    assert view.radar.compared == {d: comparison.before.score(d) for d in DIMENSIONS}
    assert view.radar.labels == UI_NAMES  # English interface, German post: the chart speaks the interface's language
    view.set_theme(DARK)
    assert view.radar.theme is DARK


def test_without_charts_module_there_is_no_radar(qtbot, monkeypatch: pytest.MonkeyPatch, original: str, revision: str) -> None:
    monkeypatch.setitem(sys.modules, "resonanz.gui.panel.charts", None)  # import raises ImportError
    view = CompareView()
    qtbot.addWidget(view)
    view.set_drafts(original, revision)
    assert view.radar is None


# ---------------------------------------------------------------------------- nothing cut off (issue 17)

def _rows_cut_off(lst) -> tuple[list[str], int]:
    """(texts of rows too short for their wrapped text, number of rows that take more than one line)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    fm = QFontMetrics(lst.font())
    cut, wrapped = [], 0
    for row in range(lst.count()):
        item = lst.item(row)
        rect = lst.visualItemRect(item)
        # the text's room inside the row: item padding (4 px) and the style's text margins (3 px) each side
        room = rect.width() - 2 * 4 - 2 * 3
        needed = fm.boundingRect(QRect(0, 0, room, 100000), Qt.TextFlag.TextWordWrap, item.text()).height()
        if rect.height() - 2 * 3 < needed:
            cut.append(item.text())
        wrapped += needed > fm.height() * 1.5
    return cut, wrapped


@pytest.mark.parametrize("width", [700, 1200])
def test_list_entries_wrap_whole_and_are_never_cut_off(qtbot, view: CompareView, original: str, revision: str, width: int) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.set_drafts(original, revision)
    view.resize(width, 700)  # the rows follow the width the window gets
    lists = (view.resolved_list, view.new_list, view.gained_list)
    assert sum(lst.count() for lst in lists) > 0
    qtbot.waitUntil(lambda: view.resolved_list.viewport().width() < width / 3, timeout=2000)
    qtbot.waitUntil(lambda: all(not _rows_cut_off(lst)[0] for lst in lists), timeout=2000)
    for lst in lists:
        for row in range(lst.count()):
            assert lst.item(row).text()[2:] in lst.item(row).toolTip()  # and the tooltip says it all again
    if width == 700:  # narrow lists: long messages take more than one line instead of "…"
        assert sum(_rows_cut_off(lst)[1] for lst in lists) > 0
