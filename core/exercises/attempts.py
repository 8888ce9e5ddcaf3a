"""Exercises in the store and attempts at them, without Qt: shared by the Sessions window and a live round's server.

An attempt is a draft of a session (``session_id``, ``owner`` = participant, ``exercise_id``) with
scored revisions. A reply exercise's attempt is a draft of kind "reply" with the exercise's comment
and post, scored with `evaluate` as the answer to that comment. Attempts reference the exercises
table, so a built-in exercise is copied there the first time it is used (`ensure_exercise`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from resonanz.core.exercises.library import builtin_exercises, evaluate
from resonanz.core.exercises.model import Exercise
from resonanz.core.storage.migrations import NotFoundError

__all__ = ["as_exercise", "ensure_builtin_exercises", "ensure_exercise", "find_exercise", "save_attempt", "start_attempt", "store_exercise"]


def as_exercise(row: Any) -> Exercise:
    """A core Exercise from a stored one (storage.Exercise) or a core Exercise (returned as is)."""
    if isinstance(row, Exercise):
        return row
    return Exercise(
        id=row.id, language=row.language, title=row.title, topic=row.topic, platform=row.platform, goal=row.goal,
        targets={k: int(v) for k, v in dict(row.targets).items()}, hints=tuple(row.hints), starting_draft=row.starting_draft,
        body_md=row.body_md, source=row.source, kind=getattr(row, "kind", "post"), comment=getattr(row, "comment", ""),
        post_context=getattr(row, "post_context", ""),
    )


def _store_source(source: str) -> str:
    """The store accepts "builtin" or "pack:<name>"; core exercises say "builtin:de/<file>.md"."""
    if source.startswith("pack:") and len(source) > 5:
        return source
    return "builtin" if source.startswith("builtin") else "pack:local"


def store_exercise(store, ex: Exercise) -> str:
    """Insert or replace one exercise in the store; returns its id."""
    return store.upsert_exercise(
        {
            "id": ex.id, "language": ex.language, "platform": ex.platform, "topic": ex.topic, "title": ex.title,
            "goal": ex.goal, "body_md": ex.body_md, "starting_draft": ex.starting_draft, "targets": dict(ex.targets),
            "hints": list(ex.hints), "source": _store_source(ex.source), "kind": ex.kind, "comment": ex.comment,
            "post_context": ex.post_context,
        }
    )


def ensure_exercise(store, ex) -> None:
    """Make sure the store has an exercise with this id (drafts refer to it)."""
    try:
        store.get_exercise(ex.id)
    except (KeyError, LookupError):
        store_exercise(store, as_exercise(ex))


def ensure_builtin_exercises(store) -> int:
    """Insert every builtin exercise the store lacks; returns how many were added."""
    have = {ex.id for ex in store.list_exercises()}
    missing = [ex for ex in builtin_exercises() if ex.id not in have]
    for ex in missing:
        store_exercise(store, ex)
    return len(missing)


def find_exercise(store, exercise_id: str | None, offered: list[Exercise] | None = None) -> Exercise | None:
    """The exercise with this id: from `offered` (default: the built-in ones), else from the store (a pack's), else None."""
    if exercise_id is None:
        return None
    found = next((ex for ex in (builtin_exercises() if offered is None else offered) if ex.id == exercise_id), None)
    if found is None:
        try:
            found = as_exercise(store.get_exercise(exercise_id))
        except NotFoundError:
            return None
    return found


def start_attempt(store, ex: Exercise, session_id: int, participant_id: int, text: str | None = None) -> int:
    """The participant's draft for `ex`, not yet scored: `text`, else the exercise's starting draft;
    a reply exercise's draft is a reply to its comment (and post). Returns the draft id."""
    ensure_exercise(store, ex)
    reply = {"kind": "reply", "comment": ex.comment, "post_context": ex.post_context} if ex.kind == "reply" else {}
    return store.create_draft(
        ex.starting_draft if text is None else text, title=ex.title, language=ex.language, platform=ex.platform,
        exercise_id=ex.id, session_id=session_id, owner=participant_id, **reply,
    )


def save_attempt(store, draft_id: int, ex: Exercise, text: str, label: str = "") -> tuple[int, Any]:
    """Save a version of an attempt at `ex`, scored against it (a reply against the comment it
    answers); the draft's text becomes `text`. Returns (revision id, the result it was scored with)."""
    draft = store.get_draft(draft_id)
    if draft.is_reply and (draft.comment != ex.comment or draft.post_context != ex.post_context):
        ex = replace(ex, comment=draft.comment, post_context=draft.post_context)
    result = evaluate(ex, text)
    store.autosave(draft_id, text)
    return store.save_revision(draft_id, text, label, result), result
