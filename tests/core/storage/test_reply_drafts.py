"""Replies in storage (schema 3): a draft's kind, its comment and post, kept with revisions and exercises."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from resonanz.core.analysis.reply import analyze_reply
from resonanz.core.exercises.fileformat import parse_exercise, to_markdown
from resonanz.core.exercises.model import ExerciseError
from resonanz.core.storage.migrations import migrate
from resonanz.core.storage.store import NotFoundError, Store

COMMENT = "Seit drei Wochen warte ich auf meine Rückerstattung. Wann kommt das Geld?"
REPLY = "Hallo Frau Brandt, das ist zu lange. Die Rückerstattung geht morgen raus. Melden Sie sich, falls nicht. Jana"


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "resonanz.db") as s:
        yield s


def test_a_reply_draft_keeps_its_kind_comment_and_post(store: Store) -> None:
    draft_id = store.create_draft(REPLY, "Antwort an Frau Brandt", "de", "facebook", kind="reply", comment=COMMENT, post_context="Unser Sommerangebot")
    d = store.get_draft(draft_id)
    assert (d.kind, d.is_reply, d.comment, d.post_context) == ("reply", True, COMMENT, "Unser Sommerangebot")
    (line,) = store.list_drafts()
    assert line.kind == "reply"


def test_a_post_draft_has_no_comment(store: Store) -> None:
    d = store.get_draft(store.create_draft("Was lest ihr gerade?"))
    assert (d.kind, d.is_reply, d.comment, d.post_context) == ("post", False, "", "")
    with pytest.raises(ValueError, match="a post has no comment"):
        store.create_draft("x", comment="Kommentar")
    with pytest.raises(ValueError, match="unknown draft kind 'answer'"):
        store.create_draft("x", kind="answer")
    with pytest.raises(ValueError, match="is a post, not a reply"):
        store.set_reply_context(d.id, "Kommentar")


def test_the_revision_keeps_the_comment_it_was_scored_against(store: Store) -> None:
    draft_id = store.create_draft(REPLY, language="de", kind="reply", comment=COMMENT)
    first = store.save_revision(draft_id, REPLY, "v1", analyze_reply(COMMENT, REPLY, language="de"))
    store.set_reply_context(draft_id, "Wo bleibt mein Geld?", "")
    second = store.save_revision(draft_id, REPLY, "v2")
    assert store.get_revision(first).comment == COMMENT
    assert store.get_revision(first).scores is not None and set(store.get_revision(first).scores) == {"reply"}
    assert store.get_revision(second).comment == "Wo bleibt mein Geld?"
    post_id = store.create_draft("Was lest ihr gerade?")
    assert store.get_revision(store.save_revision(post_id, "Was lest ihr gerade?")).comment is None


def test_duplicating_a_reply_keeps_the_comment(store: Store) -> None:
    draft_id = store.create_draft(REPLY, kind="reply", comment=COMMENT, post_context="Post")
    copy = store.get_draft(store.duplicate_draft(draft_id))
    assert (copy.kind, copy.comment, copy.post_context, copy.text) == ("reply", COMMENT, "Post", REPLY)


def test_set_reply_context_on_a_missing_draft_names_it(store: Store) -> None:
    with pytest.raises(NotFoundError, match="draft 99 not found"):
        store.set_reply_context(99, "x")


def test_schema_2_drafts_become_posts(tmp_path: Path) -> None:
    path = tmp_path / "resonanz.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=2)
    conn.execute("INSERT INTO drafts (title, text, created_at, updated_at) VALUES ('alt', 'Alter Text', 'x', 'x')")
    conn.close()
    with Store(path) as s:
        d = s.get_draft(1)
        assert (d.text, d.kind, d.comment, d.post_context) == ("Alter Text", "post", "", "")
        with pytest.raises(sqlite3.IntegrityError):  # the CHECK guards the column even for raw SQL
            s.connection.execute("UPDATE drafts SET kind = 'tweet' WHERE id = 1")


#: a reply exercise written for the tests (tests/data/reply_exercise.md)
REPLY_EXERCISE = (Path(__file__).parents[2] / "data" / "reply_exercise.md").read_text(encoding="utf-8")


def test_a_reply_exercise_file_round_trips_and_is_stored(store: Store) -> None:
    ex = parse_exercise(REPLY_EXERCISE, "test.md")
    assert (ex.kind, ex.comment, ex.post_context, dict(ex.targets)) == ("reply", "Habt ihr am Samstag offen?", "Unser neuer Laden ist eröffnet.", {"reply": 70})
    again = parse_exercise(to_markdown(ex), "test.md")
    assert again == ex
    store.upsert_exercise(dataclasses.replace(ex, source="pack:test"))
    stored = store.get_exercise("de-antwort-test")
    assert (stored.kind, stored.comment, stored.post_context) == ("reply", ex.comment, ex.post_context)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('comment = """\nHabt ihr am Samstag offen?\n"""\n', ""), "needs the comment it answers"),
        (('kind = "reply"\n', ""), "comment belongs to a reply exercise"),
        (('kind = "reply"', 'kind = "answer"'), "unknown kind 'answer'"),
        (("targets = { reply = 70 }", "targets = { dialogue = 70 }"), "unknown dimension 'dialogue' in targets of a reply exercise"),
    ],
)
def test_a_broken_reply_exercise_gets_one_line_naming_the_problem(change: tuple[str, str], message: str) -> None:
    with pytest.raises(ExerciseError, match=message) as info:
        parse_exercise(REPLY_EXERCISE.replace(*change), "test.md")
    assert "\n" not in str(info.value)


def test_a_post_exercise_cannot_target_the_reply_score() -> None:
    text = REPLY_EXERCISE.replace('kind = "reply"\n', "").replace('comment = """\nHabt ihr am Samstag offen?\n"""\n', "").replace('post = """\nUnser neuer Laden ist eröffnet.\n"""\n', "")
    with pytest.raises(ExerciseError, match="unknown dimension 'reply'"):
        parse_exercise(text, "test.md")


def test_a_reply_exercise_is_evaluated_as_a_reply() -> None:
    from resonanz.core.exercises.library import evaluate, targets_met

    ex = parse_exercise(REPLY_EXERCISE, "test.md")
    weak = evaluate(ex, ex.starting_draft)
    assert set(weak.scores) == {"reply"} and targets_met(ex, weak) == {"reply": False}
    good = evaluate(ex, "Hallo! Ja, am Samstag haben wir von 9 bis 14 Uhr offen. Was suchen Sie denn? Wir legen es gern zurück. Viele Grüße, Timo")
    assert good.scores["reply"].value > weak.scores["reply"].value
