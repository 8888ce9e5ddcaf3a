"""Tests for resonanz.gui.editor.text_editor.DraftEditor: marks, stale results, undo, fold marker, tooltips."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QApplication, QToolTip
from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import Finding, Span
from resonanz.core.analysis.platforms import fold_offset, resolve_platform
from resonanz.gui.editor.text_editor import DraftEditor
from resonanz.gui.editor.textpos import OffsetMap
from resonanz.gui.app.theme import DARK, LIGHT, UNDERLINE

from ..typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[3]
POST = "Unser einzigartiges Angebot. Jetzt kaufen!"
PREFIXES = ["", "👩🏽‍💻🇩🇪 ", "😀😀😀 ", "🎉 👩🏽‍💻🇩🇪🎉🎉 a😀b ", "ä€— 😀\n"]
PARA = "\u2029"  # how QTextCursor.selectedText() spells a line break


@pytest.fixture
def editor(qtbot):
    widget = DraftEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.set_theme(LIGHT)
    return widget


def findings_of(text: str, platform: str = "linkedin"):
    return analyze(text, language="de", platform=platform, rules_dir=False).findings


def qt_len(s: str) -> int:
    """Length in UTF-16 code units, counted independently of OffsetMap."""
    return len(s.encode("utf-16-le")) // 2


def qt_range(text: str, passage: str) -> tuple[int, int]:
    start = qt_len(text[: text.index(passage)])
    return start, start + qt_len(passage)


def sel_range(sel) -> tuple[int, int]:
    return sel.cursor.selectionStart(), sel.cursor.selectionEnd()


def marked(editor: DraftEditor, rule: str) -> list[tuple[int, int, str]]:
    """(start, end, selected text) of every extra selection whose span belongs to `rule`."""
    out = []
    for sel in editor.extraSelections():
        start, end = sel_range(sel)
        if start < end and any(f.rule == rule for f in editor.findings_at(start)) and all(
            any(f.rule == rule for f in editor.findings_at(p)) for p in range(start, end)
        ):
            out.append((start, end, sel.cursor.selectedText()))
    return out


# ---------------------------------------------------------------------------------------- marks


@pytest.mark.parametrize("prefix", PREFIXES)
def test_marks_cover_exactly_the_passages_after_astral_emoji(editor, prefix):
    text = prefix + POST
    editor.setPlainText(text)
    assert editor.show_analysis(editor.toPlainText(), findings_of(text), None, "")

    texts = [sel.cursor.selectedText() for sel in editor.extraSelections()]
    assert "einzigartiges" in texts and "Jetzt kaufen" in texts
    if prefix in ("", "👩🏽‍💻🇩🇪 "):
        assert sorted(texts) == ["Jetzt kaufen", "einzigartiges"]  # D1/C1 are info: not marked

    d7_start, d7_end = qt_range(text, "einzigartiges")
    d8_start, d8_end = qt_range(text, "Jetzt kaufen")
    assert [(s, e) for s, e, _ in marked(editor, "D7")] == [(d7_start, d7_end)]
    assert [(s, e) for s, e, _ in marked(editor, "D8")] == [(d8_start, d8_end)]
    # every Qt position answers with exactly the findings whose passage holds it
    for pos in range(qt_len(text) + 1):
        rules = {f.rule for f in editor.findings_at(pos)}
        assert ("D7" in rules) == (d7_start <= pos < d7_end)
        assert ("D8" in rules) == (d8_start <= pos < d8_end)


def test_typed_text_with_emoji_is_marked_right(editor, qtbot):
    type_text(qtbot, editor, "👩🏽‍💻🇩🇪 Schöne Grüße – " + POST)
    text = editor.toPlainText()
    assert text == "👩🏽‍💻🇩🇪 Schöne Grüße – " + POST
    assert editor.show_analysis(text, findings_of(text), None, "")
    assert sorted(sel.cursor.selectedText() for sel in editor.extraSelections()) == ["Jetzt kaufen", "einzigartiges"]


def test_problem_marks_are_underlines_in_the_dimension_style_and_colour(editor):
    text = "👩🏽‍💻 " + POST
    editor.setPlainText(text)
    editor.show_analysis(text, findings_of(text), None, "")
    for sel in editor.extraSelections():
        fmt = sel.format
        assert fmt.underlineStyle() == UNDERLINE["dialogue"]
        assert fmt.underlineColor().name() == QColor(LIGHT.dimension["dialogue"]).name()
        assert not fmt.hasProperty(QTextCharFormat.Property.ForegroundBrush)  # text colour untouched


def test_each_dimension_has_its_own_underline_style(editor):
    text = (ROOT / "resources/samples/product_launch_en.txt").read_text(encoding="utf-8")
    editor.setPlainText(text)
    findings = analyze(text, language="en", platform="linkedin", rules_dir=False).findings
    editor.show_analysis(editor.toPlainText(), findings, None, "")
    styles = {}
    for sel in editor.extraSelections():
        for f in editor.findings_at(sel.cursor.selectionStart()):
            if f.severity in ("suggestion", "warning", "error") and sel.format.underlineStyle() == UNDERLINE[f.dimension]:
                styles[f.dimension] = sel.format.underlineStyle()
    assert set(styles) >= {"dialogue", "clarity", "platform_fit"}
    assert len(set(styles.values())) == len(styles)


def test_good_findings_get_a_background_and_info_findings_no_mark(editor):
    text = (ROOT / "resources/samples/sommerfest_de_revised.txt").read_text(encoding="utf-8")
    editor.setPlainText(text)
    findings = findings_of(text)
    assert editor.show_analysis(editor.toPlainText(), findings, None, "")
    good = [s for f in findings if f.severity == "good" for s in f.spans]
    backgrounds = [sel for sel in editor.extraSelections() if sel.format.background().color().name() == QColor(LIGHT.good_mark).name()]
    assert len(good) > 0 and len(backgrounds) == len(good)
    for sel in backgrounds:
        assert sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline

    info = Finding("C1", "clarity", "info", "Nur zur Info", "", "", "", spans=(Span(0, 5),))
    editor.show_analysis(editor.toPlainText(), [info], None, "")
    assert len(editor.extraSelections()) == 0
    assert editor.findings_at(2) == []


def test_set_theme_recolours_marks_in_place(editor):
    text = "😀 " + POST
    editor.setPlainText(text)
    editor.show_analysis(text, findings_of(text), None, "")
    before = sorted(sel_range(s) for s in editor.extraSelections())
    editor.set_theme(DARK)
    assert sorted(sel_range(s) for s in editor.extraSelections()) == before
    for sel in editor.extraSelections():
        assert sel.format.underlineColor().name() == QColor(DARK.dimension["dialogue"]).name()
    assert editor.theme() is DARK


# ---------------------------------------------------------------------------------------- stale results


def test_stale_snapshot_is_refused_and_marks_stay(editor, qtbot):
    editor.setPlainText("😀 " + POST)
    old = editor.toPlainText()
    old_findings = findings_of(old)
    assert editor.show_analysis(old, old_findings, None, "")
    type_text(qtbot, editor, " Schöne Grüße 😀")  # the user typed on while the next analysis ran
    before = [(sel_range(s), s.cursor.selectedText()) for s in editor.extraSelections()]
    assert len(before) == 2

    assert editor.show_analysis(old, old_findings, 5, "… mehr") is False
    assert [(sel_range(s), s.cursor.selectedText()) for s in editor.extraSelections()] == before
    assert editor.fold_position() is None


def test_stale_snapshot_on_an_unmarked_editor_paints_nothing(editor):
    editor.setPlainText("Neuer Text")
    assert editor.show_analysis(POST, findings_of(POST), 3, "… mehr") is False
    assert len(editor.extraSelections()) == 0


# ---------------------------------------------------------------------------------------- editing untouched


def test_marks_leave_undo_redo_cursor_and_selection_alone(editor, qtbot):
    twin = DraftEditor()
    qtbot.addWidget(twin)
    for widget in (editor, twin):
        type_text(qtbot, widget, "👩🏽‍💻 Unser einzigartiges Angebot für Sie.\nJetzt kaufen! Grüße")
    text = editor.toPlainText()
    assert text == twin.toPlainText()

    doc = editor.document()
    signals = []
    doc.contentsChanged.connect(lambda: signals.append("contentsChanged"))
    editor.textChanged.connect(lambda: signals.append("textChanged"))
    doc.undoCommandAdded.connect(lambda: signals.append("undoCommandAdded"))
    cursor_before = editor.textCursor().position()
    undo_state = (doc.isUndoAvailable(), doc.isRedoAvailable(), doc.availableUndoSteps(), doc.isModified(), doc.revision())

    assert editor.show_analysis(text, findings_of(text), 10, "… mehr")
    assert len(editor.extraSelections()) >= 2
    assert signals == []  # marks are not edits: no re-analysis is triggered by them
    assert editor.textCursor().position() == cursor_before == qt_len(text)
    assert not editor.textCursor().hasSelection()
    assert (doc.isUndoAvailable(), doc.isRedoAvailable(), doc.availableUndoSteps(), doc.isModified(), doc.revision()) == undo_state

    for widget in (editor, twin):
        widget.undo()
    assert editor.toPlainText() == twin.toPlainText() != text
    for widget in (editor, twin):
        widget.redo()
    assert editor.toPlainText() == twin.toPlainText() == text


def test_marks_keep_the_users_selection(editor):
    text = "😀 " + POST
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(9, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.show_analysis(text, findings_of(text), None, "")
    assert (editor.textCursor().anchor(), editor.textCursor().position()) == (4, 9)


def test_marks_follow_the_text_while_the_user_types(editor, qtbot):
    text = "😀 " + POST
    editor.setPlainText(text)
    editor.show_analysis(text, findings_of(text), None, "")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    type_text(qtbot, editor, "Hallo 🎉 ")
    assert sorted(s.cursor.selectedText() for s in editor.extraSelections()) == ["Jetzt kaufen", "einzigartiges"]


# ---------------------------------------------------------------------------------------- select_span


@pytest.mark.parametrize("prefix", PREFIXES)
def test_select_span_selects_exactly_the_passage(editor, prefix):
    text = prefix + POST
    editor.setPlainText(text)
    start = text.index("einzigartiges")
    editor.select_span(start, start + len("einzigartiges"))
    assert editor.textCursor().selectedText() == "einzigartiges"
    assert (editor.textCursor().selectionStart(), editor.textCursor().selectionEnd()) == qt_range(text, "einzigartiges")


def test_select_span_scrolls_to_the_passage_and_clamps(editor):
    text = "😀 Zeile\n" * 200 + POST
    editor.setPlainText(text)
    editor.show()
    start = text.index("Jetzt")
    editor.select_span(start, start + len("Jetzt kaufen"))
    assert editor.textCursor().selectedText() == "Jetzt kaufen"
    assert editor.verticalScrollBar().value() > 0
    editor.select_span(-5, 10**6)
    assert editor.textCursor().selectedText() == text.replace("\n", PARA)


# ---------------------------------------------------------------------------------------- tooltips


def test_findings_at_and_tooltip_text(editor):
    text = "👩🏽‍💻 " + POST
    editor.setPlainText(text)
    findings = findings_of(text)
    editor.show_analysis(text, findings, None, "")
    d7 = next(f for f in findings if f.rule == "D7")
    pos = qt_range(text, "einzigartiges")[0] + 3
    assert editor.findings_at(pos) == [d7]
    html_text = editor.tooltip_html_at(pos)
    assert f"<b>{d7.message}</b>" in html_text.replace("&quot;", '"')
    assert "→ " + d7.suggestion in html_text
    assert editor.tooltip_html_at(qt_range(text, "Angebot")[0]) == ""
    assert editor.findings_at(0) == []


def test_tooltip_escapes_html_of_findings(editor):
    # the engine quotes the draft, so a draft with markup yields a message with markup
    text = "<b>Wir</b> freuen uns sehr, Ihnen unser einzigartiges Angebot anzukündigen! Jetzt kaufen!"
    editor.setPlainText(text)
    findings = findings_of(text)
    editor.show_analysis(text, findings, None, "")
    tip = editor.tooltip_html_at(qt_range(text, "freuen")[0])
    assert "D6" in {f.rule for f in editor.findings_at(qt_range(text, "freuen")[0])}
    assert "&lt;/b&gt;" in tip and "</b> freuen" not in tip

    evil = Finding("X1", "clarity", "warning", "Nimm <b>x</b> & <script>", "Schreib <i>y</i>", "", "", spans=(Span(0, 5),))
    editor.setPlainText("Hallo Welt")
    editor.show_analysis("Hallo Welt", [evil], None, "")
    tip = editor.tooltip_html_at(1)
    assert "<b>Nimm &lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;</b>" in tip
    assert "→ Schreib &lt;i&gt;y&lt;/i&gt;" in tip
    assert "<script>" not in tip and "<i>" not in tip


def test_tooltip_event_shows_the_finding_under_the_mouse(editor, qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *rest: shown.append(text))
    monkeypatch.setattr(QToolTip, "hideText", lambda: shown.append(""))
    text = "😀😀 " + POST
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_analysis(text, findings_of(text), None, "")

    def hover(qt_pos: int, dx: int = 0) -> None:
        cursor = QTextCursor(editor.document())
        cursor.setPosition(qt_pos)
        rect = editor.cursorRect(cursor)
        point = QPoint(rect.left() + 3 + dx, rect.center().y())
        QApplication.sendEvent(editor.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point)))

    hover(qt_range(text, "einzigartiges")[0] + 2)
    assert shown and "Werbesprache" in shown[-1] and "→" in shown[-1]
    hover(qt_range(text, "Angebot")[0] + 2)
    assert shown[-1] == ""
    hover(qt_len(text), dx=200)  # far right of the last character: nothing there
    assert shown[-1] == ""


# ---------------------------------------------------------------------------------------- fold marker


def long_post(prefix: str = "") -> str:
    sentence = "Unser Team hat im Frühjahr neue Beete angelegt und viel über Wasser gelernt. "
    text = prefix + sentence * 10
    return text[:600]


def fold_colour_pixels(editor: DraftEditor) -> int:
    image = editor.grab().toImage()
    target = QColor(editor.theme().fold).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == target)


@pytest.mark.parametrize("prefix", ["", "👩🏽‍💻🇩🇪😀 "])
def test_fold_marker_mutes_the_hidden_text(editor, qtbot, prefix):
    text = long_post(prefix)
    assert len(text) == 600
    fold = fold_offset(text, resolve_platform("linkedin"))
    assert fold is not None and 0 < fold < 600
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.show_analysis(text, findings_of(text), fold, "… mehr")

    start = OffsetMap(text).to_qt(fold)
    assert editor.fold_position() == start
    muted = [s for s in editor.extraSelections() if s.format.foreground().color().name() == QColor(LIGHT.muted).name()]
    assert len(muted) == 1
    assert sel_range(muted[0]) == (start, qt_len(text))
    assert muted[0].cursor.selectedText() == text[fold:]
    assert fold_colour_pixels(editor) > 20  # bar and tag are painted


def test_no_fold_no_marker(editor, qtbot):
    text = long_post()
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_analysis(text, findings_of(text), 200, "… mehr")
    assert editor.fold_position() == 200
    assert editor.show_analysis(text, findings_of(text), None, "… mehr")
    assert editor.fold_position() is None
    assert not any(s.format.foreground().color().name() == QColor(LIGHT.muted).name() for s in editor.extraSelections())
    assert fold_colour_pixels(editor) == 0
    assert not editor.grab().isNull()


def test_painting_with_fold_in_every_theme_and_zoom(editor, qtbot):
    text = long_post("😀 ")
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_analysis(text, findings_of(text), fold_offset(text, resolve_platform("linkedin")), "… mehr")
    for theme in (LIGHT, DARK):
        editor.set_theme(theme)
        for steps in (-3, 0, 6):
            editor.set_zoom_steps(steps)
            assert not editor.grab().isNull()
    editor.clear_analysis()
    assert len(editor.extraSelections()) == 0 and editor.fold_position() is None


# ---------------------------------------------------------------------------------------- big drafts


def test_twenty_thousand_characters_are_marked_completely(editor):
    base = (ROOT / "tests/benchmarks/texts/long_3000_de.txt").read_text(encoding="utf-8")
    text = (("👩🏽‍💻 " + base + "\n\n") * 8)[:20000]
    editor.setPlainText(text)
    findings = findings_of(text)
    expected = [s for f in findings if f.severity != "info" for s in f.spans]
    assert len(expected) > 100
    assert editor.show_analysis(editor.toPlainText(), findings, None, "")
    selections = editor.extraSelections()
    assert len(selections) == len(expected)
    assert sorted(s.cursor.selectedText() for s in selections) == sorted(s.text(text).replace("\n", PARA) for s in expected)


# ---------------------------------------------------------------------------------------- zoom, texts


def test_zoom_steps_change_the_font_size(editor):
    assert editor.zoom_steps() == 0
    assert editor.font().pointSizeF() == 12
    assert editor.font().family() == "DejaVu Sans"
    editor.set_zoom_steps(2)
    assert editor.zoom_steps() == 2 and editor.font().pointSizeF() == 16
    editor.set_zoom_steps(-1)
    assert editor.font().pointSizeF() == 10
    editor.set_zoom_steps(-50)
    assert editor.font().pointSizeF() >= 6 and editor.zoom_steps() == -3
    editor.set_zoom_steps(0)
    assert editor.font().pointSizeF() == 12


def test_setup_texts_and_language_change(editor, monkeypatch):
    assert editor.accessibleName() == "Draft"
    assert editor.placeholderText()
    assert editor.lineWrapMode() == editor.LineWrapMode.WidgetWidth
    assert editor.document().documentMargin() == 12
    calls = []
    monkeypatch.setattr(editor, "retranslate", lambda: calls.append(1))
    QApplication.sendEvent(editor, QEvent(QEvent.Type.LanguageChange))
    assert calls == [1]


# ---------------------------------------------------------------------------------------- fold tag hides no character


def glyph_cells(editor: DraftEditor):
    """(character, rectangle in viewport coordinates) of every visible non-space character, from the document layout."""
    doc = editor.document()
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        origin = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).topLeft()
        text = block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            for pos in range(line.textStart(), line.textStart() + line.textLength()):
                if pos >= len(text) or text[pos].isspace():
                    continue
                x1, x2 = line.cursorToX(pos)[0], line.cursorToX(pos + 1)[0]
                # cursorToX counts from the block's left edge (line.x() included)
                yield text[pos], QRectF(origin.x() + min(x1, x2), origin.y() + line.y(), abs(x2 - x1), line.height())
        block = block.next()


def covered(editor: DraftEditor) -> list[str]:
    marker = editor.fold_marker()
    assert marker is not None
    return [ch for ch, cell in glyph_cells(editor) if cell.intersects(marker.tag)]


FOLD_MID_WORD = (
    "Welche Pflanze hat bei Ihnen diesen Sommer die Hitze am besten überstanden?\n\n"
    "Letzte Woche stand Frau Yilmaz ratlos vor ihren vertrockneten Tomaten. Unsere Gärtnerin Jana hat "
    "ihr drei Dinge gezeigt, die in 10 Minuten am Tag viel Wasser sparen:\n"
    "• morgens gießen statt abends\n• Mulch aus Rasenschnitt, 5 cm dick\n• Tonkegel in Kübeln statt Gießkanne\n"
)


@pytest.mark.parametrize("width", [360, 520, 700, 1100])
@pytest.mark.parametrize("steps", [0, 6])
@pytest.mark.parametrize("word", ["Minuten", "morgens", "Tonkegel", "Pflanze"])
def test_fold_tag_covers_no_character(editor, qtbot, width, steps, word):
    """The fold falls mid-word; wherever the tag goes, its rectangle meets no character's cell."""
    text = FOLD_MID_WORD + long_post()
    fold = text.index(word) + 3
    editor.resize(width, 900)
    editor.set_zoom_steps(steps)
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.show_analysis(text, [], fold, "… mehr")
    cells = list(glyph_cells(editor))
    assert len(cells) > 100
    marker = editor.fold_marker()
    assert marker is not None and marker.tag.width() > 0 and marker.tag.height() > 0
    assert covered(editor) == []
    assert QRectF(editor.viewport().rect()).contains(marker.tag)
    # the bar marks the fold itself: between the word's third and fourth letter
    cursor = QTextCursor(editor.document())
    cursor.setPosition(OffsetMap(text).to_qt(fold))
    assert abs(marker.bar.center().x() - editor.cursorRect(cursor).left()) <= 2
    assert fold_colour_pixels(editor) > 20


def test_fold_tag_keeps_its_label_where_there_is_room(editor, qtbot):
    """Beside a short line the tag carries its words, on the fold's own line."""
    text = FOLD_MID_WORD
    fold = text.index("morgens") + 3
    editor.resize(700, 500)
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_analysis(text, [], fold, "… mehr")
    marker = editor.fold_marker()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(OffsetMap(text).to_qt(fold))
    line = editor.cursorRect(cursor)
    assert not marker.compact
    assert line.top() <= marker.tag.center().y() <= line.bottom()  # same line as the fold
    assert marker.tag.width() > 30
    assert covered(editor) == []


def test_fold_tag_in_a_wall_of_text_shrinks_into_the_margin(editor, qtbot):
    """No line near the fold has room: a flag in the right margin, still over no character."""
    text = "Wasserstand " * 400
    editor.resize(400, 600)
    editor.setPlainText(text)
    editor.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)  # every line filled to the last pixel
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_analysis(text, [], 1000 + 5, "… mehr")
    marker = editor.fold_marker()
    assert marker.compact and marker.tag.width() >= 4
    assert covered(editor) == []
    assert fold_colour_pixels(editor) > 20
