"""Reply mode (issue 15, point 2), driven like a person: Ctrl+Shift+Y, a comment, a reply, the score.

Real Store on a temp file, the real window, offscreen; umlauts are typed with typing_helpers.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from resonanz.core.analysis.reply import ReplyResult
from resonanz.core.storage.store import Store
from resonanz.gui.editor.compare import CompareView
from resonanz.gui.editor.compare_reply import show_revisions
from resonanz.gui.panel.finding_roles import FINDING_ROLE
from ..typing_helpers import type_text
from ..windows import open_window

COMMENT = "Wann öffnet ihr am Samstag? Ich finde nichts auf der Website."
WEAK = "Danke für Ihr Feedback! Wir leiten es an die zuständige Abteilung weiter."
GOOD = "Hallo Anna, am Samstag haben wir von 9 bis 14 Uhr geöffnet. Hilft dir das? Viele Grüße, Jonas"


def _ctrl_shift_y(qtbot, w) -> None:
    w.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _reply_result(qtbot, w, timeout: int = 8000) -> ReplyResult:
    """Wait for the reply result of the text and comment now on screen."""
    qtbot.waitUntil(
        lambda: isinstance(w.result, ReplyResult) and w.result.text == w.editor.toPlainText()
        and w.result.comment == w.reply.fields.comment(),
        timeout=timeout,
    )
    return w.result


def _replace_reply(qtbot, w, text: str) -> None:
    w.editor.setFocus()
    w.editor.selectAll()
    qtbot.keyClick(w.editor, Qt.Key.Key_Delete)
    type_text(qtbot, w.editor, text)


def _write_reply(qtbot, store) -> object:
    """The first part of every task: a new reply, the comment typed, a weak reply typed."""
    w = open_window(qtbot, store)
    _ctrl_shift_y(qtbot, w)
    assert w.reply.active and w.reply.fields.isVisible()
    assert w.reply.fields.comment_edit.hasFocus()  # the comment comes first
    type_text(qtbot, w.reply.fields.comment_edit, COMMENT)
    qtbot.keyClick(w.reply.fields.comment_edit, Qt.Key.Key_Tab)  # Tab: the post's toggle, then the reply
    assert w.reply.fields.post_button.hasFocus()
    qtbot.keyClick(w.reply.fields.post_button, Qt.Key.Key_Tab)
    assert w.editor.hasFocus()
    type_text(qtbot, w.editor, WEAK)
    return w


def test_a_weak_reply_is_scored_marked_and_improves(qtbot, store) -> None:
    w = _write_reply(qtbot, store)
    weak = _reply_result(qtbot, w)
    assert w.reply.fields.comment_label.text() == "Comment you are answering"
    # one "Reply" gauge instead of the four post dimensions, and no radar
    gauge = w.panel.gauge("reply")
    assert gauge.isVisible() and gauge.value() == weak.value and weak.value < 40
    assert not any(w.panel.gauge(d).isVisible() for d in ("dialogue", "shareability", "clarity", "platform_fit"))
    assert not w.panel.radar.isVisible()
    # the boilerplate finding is listed and marked in the reply
    rows = {i.data(0, FINDING_ROLE).rule: i for i in w.panel.finding_items("reply")}
    assert "R4" in rows
    boiler = rows["R4"].data(0, FINDING_ROLE)
    qt_start = w.editor.toPlainText().index("Wir leiten")
    assert boiler in w.editor.findings_at(qt_start + 3)
    # a click on it selects the passage in the reply
    tree = w.panel.tree
    tree.scrollToItem(rows["R4"])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(rows["R4"]).center())
    assert w.editor.textCursor().selectedText() == WEAK[boiler.spans[0].start:boiler.spans[0].end]
    assert "zuständige Abteilung" in w.editor.textCursor().selectedText()
    # the question the reply leaves unanswered is marked in the comment, and its finding goes there
    assert w.reply.fields.marked_count() >= 1
    unanswered = rows["R3"]
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(unanswered).center())
    assert w.reply.fields.comment_edit.textCursor().selectedText() == "Wann öffnet ihr am Samstag?"
    # better reply: the score rises and the boilerplate finding goes
    _replace_reply(qtbot, w, GOOD)
    good = _reply_result(qtbot, w)
    assert good.value > weak.value + 30
    assert not good.findings_for("R4")
    assert gauge.value() == good.value


def test_editing_the_comment_scores_the_reply_again(qtbot, store) -> None:
    w = _write_reply(qtbot, store)
    _replace_reply(qtbot, w, "Am Samstag haben wir von 9 bis 14 Uhr geöffnet.")
    answered = _reply_result(qtbot, w)
    assert answered.findings_for("R3")[0].kind == "answered"
    comment = w.reply.fields.comment_edit
    comment.setFocus()
    comment.selectAll()
    type_text(qtbot, comment, "Warum ist die Lieferung so teuer?")
    other = _reply_result(qtbot, w)
    assert other.comment == "Warum ist die Lieferung so teuer?"
    assert other.value != answered.value


def test_reply_survives_a_restart_and_keeps_its_comment_in_revisions(qtbot, tmp_path) -> None:
    path = tmp_path / "resonanz.db"
    store = Store(path)
    w = _write_reply(qtbot, store)
    _reply_result(qtbot, w)
    w.reply.fields.post_button.click()
    assert w.reply.fields.post_edit.isVisible()
    type_text(qtbot, w.reply.fields.post_edit, "Neue Öffnungszeiten ab Mai")
    qtbot.keyClick(w.editor, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # Save revision
    draft_id = w.keeper.draft_id
    revs = store.revisions(draft_id)
    assert [r.comment for r in revs] == [COMMENT] and dict(revs[0].scores).keys() == {"reply"}
    w.editor.document().setModified(False)
    w.close()
    store.close()

    store = Store(path)
    try:
        w2 = open_window(qtbot, store)
        assert w2.resume_last_draft()
        assert w2.reply.active and w2.reply.fields.isVisible()
        assert w2.reply.fields.comment() == COMMENT
        assert w2.reply.fields.post() == "Neue Öffnungszeiten ab Mai" and w2.reply.fields.post_edit.isVisible()
        assert w2.editor.toPlainText() == WEAK
        result = _reply_result(qtbot, w2)
        assert result.post == "Neue Öffnungszeiten ab Mai"
        assert w2.panel.gauge("reply").isVisible()
        # My drafts marks it as a reply, and opening it from there opens reply mode
        from resonanz.gui.coaching.drafts_view import DraftsView

        view = DraftsView(store)
        qtbot.addWidget(view)
        row = next(r for r in view.rows() if "Danke" in r[0])
        assert row[0].startswith("\u21a9") and "Reply" in row[1]
        w2.load_text("Ein ganz normaler Post über unser Sommerfest mit euch allen.")
        assert not w2.reply.active and not w2.reply.fields.isVisible()
        assert w2.open_draft(draft_id)
        assert w2.reply.active and w2.reply.fields.comment() == COMMENT
        w2.editor.document().setModified(False)
        w2.close()
    finally:
        store.close()


def test_compare_two_reply_revisions(qtbot, store) -> None:
    w = _write_reply(qtbot, store)
    _reply_result(qtbot, w)
    w.save_revision(label="weak")
    _replace_reply(qtbot, w, GOOD)
    _reply_result(qtbot, w)
    w.save_revision(label="good")
    first, second = store.revisions(w.keeper.draft_id)
    assert first.comment == second.comment == COMMENT
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    comparison = show_revisions(view, first, second)
    assert isinstance(comparison.after, ReplyResult)
    assert comparison.deltas.keys() == {"reply"} and comparison.deltas["reply"] > 30
    assert any(f.rule == "R4" for f in comparison.resolved)
    assert view.reply_tile.isVisible() and not any(t.isVisible() for t in view.tiles.values())
    assert view.reply_tile.name_label.text() == "Reply" and view.reply_tile.delta_label.text().startswith("+")
    qtbot.wait(50)  # one turn of the event loop: the layout follows the new tiles
    assert view.reply_tile.delta_label.width() >= view.reply_tile.delta_label.sizeHint().width()
    if os.environ.get("RESONANZ_SHOTS"):
        view.grab().save(os.path.join(os.environ["RESONANZ_SHOTS"], "compare_reply.png"))
    # Compare with original in the window: the reply as opened against the reply now, as replies
    w.set_original()
    _replace_reply(qtbot, w, WEAK)
    dialog = w.show_compare()
    c = dialog.view.comparison()
    assert isinstance(c.before, ReplyResult) and c.deltas["reply"] < 0
    dialog.close()


def test_a_post_draft_still_shows_the_four_dimensions(qtbot, store) -> None:
    w = _write_reply(qtbot, store)
    _reply_result(qtbot, w)
    qtbot.keyClick(w.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New draft: a post
    assert not w.reply.active and not w.reply.fields.isVisible()
    type_text(qtbot, w.editor, "Was war euer schönster Moment beim Sommerfest? Erzählt es uns in den Kommentaren!")
    qtbot.waitUntil(lambda: w.result is not None and not isinstance(w.result, ReplyResult) and w.result.text == w.editor.toPlainText(), timeout=8000)
    assert all(w.panel.gauge(d).isVisible() for d in ("dialogue", "shareability", "clarity", "platform_fit"))
    assert not w.panel.gauge("reply").isVisible() and w.panel.radar.isVisible()
    assert w.panel.platform_combo.isVisible() and w.panel.history_button.isVisible()
    assert not w.panel.dimension_item("dialogue").isHidden() and w.panel.dimension_item("reply").isHidden()
    assert store.get_draft(w.keeper.draft_id).kind == "post"


def test_screenshot_of_reply_mode(qtbot, store, tmp_path) -> None:
    w = _write_reply(qtbot, store)
    _reply_result(qtbot, w)
    shots = os.environ.get("RESONANZ_SHOTS") or str(tmp_path)
    qtbot.wait(50)
    assert w.grab().save(os.path.join(shots, "reply_mode.png"))
    # nothing of the fields is cut: the labels fit their width
    fields = w.reply.fields
    for label in (fields.comment_label, fields.reply_label):
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert fields.post_button.sizeHint().width() <= fields.post_button.width()
