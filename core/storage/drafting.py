"""The SQL of making drafts: a new post or reply, and a reply's comment and post.

A draft's kind is "post" (scored with `analyze`) or "reply" (an answer to ``comment``, written
under ``post_context``, scored with `analyze_reply`). A post has neither. Imports the storage
errors and `coaching.require` only.
"""

from __future__ import annotations

import sqlite3

from resonanz.core.storage import coaching
from resonanz.core.storage.migrations import NotFoundError, now_utc

__all__ = ["KINDS", "check_kind", "insert_draft", "set_reply_context"]

#: What a draft (or an exercise) can be.
KINDS: tuple[str, ...] = ("post", "reply")


def check_kind(kind: str, comment: str, post_context: str) -> None:
    """Refuse an unknown kind, and a post that carries a comment or post context (one line each)."""
    if kind not in KINDS:
        raise ValueError(f"unknown draft kind {kind!r}: choose post or reply")
    if kind == "post" and (comment or post_context):
        raise ValueError("a post has no comment or post context; create the draft with kind='reply'")


def insert_draft(
    conn: sqlite3.Connection,
    *,
    text: str,
    title: str,
    language: str,
    platform: str,
    exercise_id: str | None,
    session_id: int | None,
    owner: int | None,
    kind: str,
    comment: str,
    post_context: str,
) -> int:
    """INSERT one draft inside the caller's write transaction; an owner implies its session."""
    check_kind(kind, comment, post_context)
    if owner is not None:
        row = conn.execute("SELECT session_id FROM participants WHERE id = ?", (owner,)).fetchone()
        if row is None:
            raise NotFoundError(f"participant {owner!r} not found")
        if session_id is None:
            session_id = row[0]
        elif session_id != row[0]:
            raise ValueError(f"participant {owner} belongs to session {row[0]}, not {session_id}")
    coaching.require(conn, "exercises", exercise_id, "exercise")
    coaching.require(conn, "sessions", session_id, "session")
    now = now_utc()
    cur = conn.execute(
        "INSERT INTO drafts (title, text, language, platform, owner, exercise_id, session_id, created_at, updated_at, kind, comment, post_context)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (title, text, language, platform, owner, exercise_id, session_id, now, now, kind, comment, post_context),
    )
    return int(cur.lastrowid)


def set_reply_context(conn: sqlite3.Connection, draft_id: int, comment: str, post_context: str) -> None:
    """UPDATE a reply's comment and post inside the caller's write transaction; refused for a post."""
    row = conn.execute("SELECT kind FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"draft {draft_id!r} not found")
    if row[0] != "reply":
        raise ValueError(f"draft {draft_id} is a post, not a reply: it has no comment")
    conn.execute("UPDATE drafts SET comment = ?, post_context = ?, updated_at = ? WHERE id = ?", (comment, post_context, now_utc(), draft_id))
