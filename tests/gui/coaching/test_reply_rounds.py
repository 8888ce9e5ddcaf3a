"""Reply rounds in a workshop: a reply exercise is started per participant as a reply draft, its
revisions get the reply score, the gallery shows that score and its target, a session mixes post
and reply rounds, and the exported workshop report has the reply round.

The reply exercise is the test's own (the built-in ones are written elsewhere); expected scores
come from `evaluate` itself, never hard-coded.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from resonanz.core.exercises.fileformat import parse_exercise
from resonanz.core.exercises.library import builtin_exercises, evaluate
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.session_dialogs import AttemptDialog
from resonanz.gui.coaching.sessions import SessionsView

#: a reply exercise written for the tests (tests/data/reply_exercise.md)
REPLY_EXERCISE = (Path(__file__).parents[2] / "data" / "reply_exercise.md").read_text(encoding="utf-8").replace(
    'id = "de-antwort-test"', 'id = "de-antwort-gui-test"').replace("Auf eine Frage antworten", "Antwort auf die Frage nach Samstag")
GOOD = "Hallo! Ja, am Samstag haben wir von 9 bis 14 Uhr offen. Was suchen Sie denn? Wir legen es gern zurück. Viele Grüße, Timo"
SHORT = "Ja, am Samstag haben wir offen."
POST_EXERCISE = "de-dialog-01"
POST = "Am 14. Juni feiern wir unser Sommerfest in der Gärtnerei! Welches Kraut wächst bei euch am besten? Erzählt es uns."


@pytest.fixture
def reply_exercise(monkeypatch):
    ex = parse_exercise(REPLY_EXERCISE, "test.md")
    monkeypatch.setattr("resonanz.gui.coaching.attempts.builtin_exercises", lambda: [*builtin_exercises(), ex])
    return ex


@pytest.fixture
def view(qtbot, store: Store, reply_exercise) -> SessionsView:
    widget = SessionsView(store)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def _score(ex, text: str) -> int:
    return evaluate(ex, text).scores["reply"].value


def test_a_workshop_reply_round_from_start_to_report(qtbot, view: SessionsView, store: Store, reply_exercise, tmp_path: Path) -> None:
    ex = reply_exercise
    sid = view.create_session("workshop", "Antworten im Verein", date(2026, 11, 20), "Gute Runde.")
    anna, ben = view.add_participant("Anna Becker"), view.add_participant("Ben Okafor")

    # a post round first: the gallery has the four dimensions
    view.set_exercise(POST_EXERCISE)
    view.add_attempt(anna, POST)
    assert view.gallery.columnCount() == 5

    # the reply round: started per participant as a reply draft with the exercise's comment and post
    view.set_exercise(ex.id)
    assert [view.gallery.horizontalHeaderItem(c).text() for c in range(view.gallery.columnCount())] == ["Participant", "Reply score", "Target"]
    started = {pid: view.start_attempt(pid) for pid in (anna, ben)}
    for draft_id in started.values():
        d = store.get_draft(draft_id)
        assert (d.kind, d.comment, d.post_context, d.text, d.exercise_id, d.session_id) == (
            "reply", ex.comment, ex.post_context, ex.starting_draft, ex.id, sid)
        assert store.revisions(draft_id) == []
    assert [row[1:] for row in view.gallery_rows()] == [["", "○ ≥ 70"], ["", "○ ≥ 70"]]  # not scored yet

    # revisions are scored as replies to the comment, against the target
    view.save_attempt_revision(started[anna], ex.starting_draft, "Start")
    view.save_attempt_revision(started[anna], GOOD, "Mit Antwort")
    view.save_attempt_revision(started[ben], ex.starting_draft, "Start")
    view.save_attempt_revision(started[ben], SHORT, "Kurz")
    revisions = store.revisions(started[anna])
    assert [set(r.scores) for r in revisions] == [{"reply"}, {"reply"}]
    assert [r.comment for r in revisions] == [ex.comment, ex.comment]
    assert store.get_draft(started[anna]).text == GOOD
    good, short, weak = _score(ex, GOOD), _score(ex, SHORT), _score(ex, ex.starting_draft)
    assert good >= 70 > weak
    rows = {row[0]: row[1:] for row in view.gallery_rows()}
    assert rows["Anna Becker"] == [str(good), "✔ ≥ 70"]
    assert rows["Ben Okafor"] == [str(short), ("✔" if short >= 70 else "○") + " ≥ 70"]
    view.sort_by("reply")
    assert view.gallery_rows()[0][0] == ("Anna Becker" if good >= short else "Ben Okafor")

    # comparing two answers compares them as replies to the comment: one reply score, no dimensions
    view.select_attempts([started[anna], started[ben]])
    compared = view.compare_selected()
    comparison = compared.compare_view.comparison()
    assert set(comparison.before.scores) == {"reply"} == set(comparison.after.scores)
    assert (comparison.before.scores["reply"].value, comparison.after.scores["reply"].value) == (good, short)
    assert compared.compare_view.reply_tile.isVisibleTo(compared) and not any(t.isVisibleTo(compared) for t in compared.compare_view.tiles.values())
    compared.close()

    # back to the post round: its attempts and columns are unchanged
    view.set_exercise(POST_EXERCISE)
    assert view.gallery.columnCount() == 5 and [r[0] for r in view.gallery_rows()] == ["Anna Becker"]
    view.set_exercise(ex.id)

    # progress lists the reply with its first and last score, the chart keeps the post only
    progress = view.show_progress(anna)
    assert progress.point_count() == 1
    assert f"{weak} \u2192 {good}" in progress.reply_label.text() and "reached" in progress.reply_label.text()

    # the workshop report has the reply round
    dialog = view.export_session_report()
    heading = {"de": "Antwortrunden", "en": "Reply rounds"}[dialog.language]
    assert heading in dialog.preview.toPlainText()
    md = dialog.export_to(tmp_path / "workshop.md", "md").read_text(encoding="utf-8")
    assert heading in md and "Habt ihr am Samstag offen?" in md
    assert f"| Anna Becker | {weak} | {good} (+{good - weak}) |" in md
    out = dialog.export_to(tmp_path / "workshop.pdf", "pdf")
    assert out is not None and out.stat().st_size > 0
    if shutil.which("pdftotext"):
        body = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert heading in body and "Habt ihr am Samstag offen?" in body
    csv_text = dialog.export_to(tmp_path / "workshop.csv", "csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].endswith(",reply")


def test_the_attempt_dialog_of_a_reply_round_shows_the_comment_and_starts_from_the_weak_reply(qtbot, reply_exercise) -> None:
    dialog = AttemptDialog([(1, "Anna")])
    qtbot.addWidget(dialog)
    assert dialog.comment_label.isHidden()
    dialog.set_reply(reply_exercise.comment, reply_exercise.starting_draft)
    assert not dialog.comment_label.isHidden() and reply_exercise.comment in dialog.comment_label.text()
    assert dialog.values() == (1, reply_exercise.starting_draft)
    assert dialog.text_edit.accessibleName() == "Reply to the comment"


def test_add_attempt_in_a_reply_round_stores_a_scored_reply(qtbot, view: SessionsView, store: Store, reply_exercise) -> None:
    view.create_session("workshop", "Runde", "2026-11-21")
    pid = view.add_participant("Clara Weiss")
    view.set_exercise(reply_exercise.id)
    draft_id = view.add_attempt(pid, GOOD)
    d = store.get_draft(draft_id)
    assert d.kind == "reply" and d.comment == reply_exercise.comment
    (rev,) = store.revisions(draft_id)
    assert dict(rev.scores) == {"reply": _score(reply_exercise, GOOD)}
    assert store.get_exercise(reply_exercise.id).kind == "reply"
