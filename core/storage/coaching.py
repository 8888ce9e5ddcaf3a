"""The coaching tables: exercises, sessions, participants and their attempts, as SQL over a connection.

Functions here take the `sqlite3.Connection` of a `Store` (which decides whether it may write and
wraps multi-statement writes in one ``BEGIN IMMEDIATE`` transaction) and return storage records.
`Store` delegates its exercise and session methods here. Imports `records`, `search` and the
error classes of `migrations`; sqlite-utils only inside `import_exercises`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date as Date
from dataclasses import replace
from typing import Any

from resonanz.core.storage.migrations import NotFoundError, now_utc
from resonanz.core.storage.records import _EXERCISE_COLS, Attempt, Exercise, Participant, Session, _attempts, _exercise
from resonanz.core.storage.search import fts_query

SESSION_KINDS = ("individual", "workshop")
_SESSION_COLS = "id, kind, title, date, facilitator_notes, created_at"
_ATTEMPT_SQL = """
    SELECT d.id, d.title, d.session_id, d.owner, p.display_name, p.pseudonym, d.exercise_id,
           d.created_at, d.updated_at, r.id, r.label, r.created_at, r.scores_json, d.kind
    FROM drafts d
    LEFT JOIN participants p ON p.id = d.owner
    LEFT JOIN revisions r ON r.draft_id = d.id
    WHERE {where} AND d.deleted_at IS NULL
    ORDER BY {order}, r.created_at, r.id
"""


#: What older versions stored as an automatic pseudonym, in the UI language of that day. Read back as
#: "no pseudonym given", so the neutral name is made when shown, in the language it is shown in.
_STORED_AUTOMATIC = re.compile(r"(?:Participant|Teilnehmer:in) [1-9][0-9]{0,5}")


def own_pseudonym(stored: str | None) -> str | None:
    """The pseudonym a person chose, or None: for none, blank, or an automatic "Participant 3"."""
    text = (stored or "").strip()
    return None if not text or _STORED_AUTOMATIC.fullmatch(text) else text


def require(conn: sqlite3.Connection, table: str, key: Any, what: str) -> None:
    """NotFoundError unless `key` is None or a row of `table` has that id."""
    if key is not None and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone() is None:
        raise NotFoundError(f"{what} {key!r} not found")


# -- exercises


def upsert_exercise(conn: sqlite3.Connection, data: Mapping[str, Any]) -> str:
    """Insert or replace one checked exercise row (see `records.exercise_row`); returns its id."""
    cols = [c for c in _EXERCISE_COLS.split(", ") if c in data]
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
    conn.execute(
        f"INSERT INTO exercises ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
        [data[c] for c in cols],
    )
    return data["id"]


def import_exercises(conn: sqlite3.Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Upsert checked exercise rows in one transaction: all of them, or nothing (sqlite-utils upsert)."""
    import sqlite_utils

    conn.execute("BEGIN IMMEDIATE")  # one transaction around sqlite-utils' inserts
    try:
        sqlite_utils.Database(conn)["exercises"].upsert_all(rows, pk="id")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if conn.in_transaction:
        conn.execute("COMMIT")
    return len(rows)


def get_exercise(conn: sqlite3.Connection, exercise_id: str) -> Exercise:
    """One exercise."""
    row = conn.execute(f"SELECT {_EXERCISE_COLS} FROM exercises WHERE id = ?", (exercise_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"exercise {exercise_id!r} not found")
    return _exercise(row)


def list_exercises(conn: sqlite3.Connection, language: str | None, platform: str | None, topic: str | None, query: str) -> list[Exercise]:
    """Exercises by id, filtered by the given fields; `query` searches title, goal and text."""
    where, args = ["1"], []
    for col, value in (("language", language), ("platform", platform), ("topic", topic)):
        if value is not None:
            where.append(f"{col} = ?")
            args.append(value)
    match = fts_query(query)
    if match:
        where.append("id IN (SELECT id FROM exercises_fts WHERE exercises_fts MATCH ?)")
        args.append(match)
    rows = conn.execute(f"SELECT {_EXERCISE_COLS} FROM exercises WHERE {' AND '.join(where)} ORDER BY id", args)
    return [_exercise(r) for r in rows]


# -- drafts


def latest_scores(conn: sqlite3.Connection, draft_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """The scores of each draft's newest scored revision; drafts never scored are left out."""
    found: dict[int, dict[str, int]] = {}
    ids = list(dict.fromkeys(int(i) for i in draft_ids))
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
        chunk = ids[start:start + 500]
        rows = conn.execute(
            f"SELECT draft_id, scores_json FROM revisions WHERE scores_json IS NOT NULL AND draft_id IN ({', '.join('?' * len(chunk))})"
            " ORDER BY created_at, id",
            chunk,
        )
        for draft_id, scores_json in rows:  # oldest first: the newest one stays
            try:
                scores = json.loads(scores_json)
            except ValueError:
                continue
            if isinstance(scores, dict):
                found[int(draft_id)] = {str(k): int(v) for k, v in scores.items() if isinstance(v, (int, float))}
    return found


# -- sessions and attempts


def check_session_kind(kind: str) -> None:
    """ValueError unless `kind` is "individual" or "workshop"."""
    if kind not in SESSION_KINDS:
        raise ValueError(f"session kind must be 'individual' or 'workshop', not {kind!r}")


def create_session(conn: sqlite3.Connection, kind: str, title: str, date: str | Date, facilitator_notes: str) -> int:
    """Insert a session (its kind already checked); returns its id."""
    day = date.isoformat() if isinstance(date, Date) else str(date)
    cur = conn.execute(
        "INSERT INTO sessions (kind, title, date, facilitator_notes, created_at) VALUES (?, ?, ?, ?, ?)",
        (kind, title, day, facilitator_notes, now_utc()),
    )
    return int(cur.lastrowid)


def get_session(conn: sqlite3.Connection, session_id: int) -> Session:
    """One session."""
    row = conn.execute(f"SELECT {_SESSION_COLS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"session {session_id!r} not found")
    return Session(*row)


def list_sessions(conn: sqlite3.Connection) -> list[Session]:
    """All sessions, newest date first."""
    return [Session(*r) for r in conn.execute(f"SELECT {_SESSION_COLS} FROM sessions ORDER BY date DESC, id DESC")]


def add_participant(conn: sqlite3.Connection, session_id: int, display_name: str, pseudonym: str | None) -> int:
    """Add a person to a session (inside the caller's write transaction); returns the participant id.
    An automatic pseudonym is stored as none: its neutral name is made in the language it is shown in."""
    require(conn, "sessions", session_id, "session")
    cur = conn.execute("INSERT INTO participants (session_id, display_name, pseudonym) VALUES (?, ?, ?)", (session_id, display_name, own_pseudonym(pseudonym)))
    return int(cur.lastrowid)


def participants(conn: sqlite3.Connection, session_id: int) -> list[Participant]:
    """The people of a session, in the order they were added."""
    rows = conn.execute("SELECT id, session_id, display_name, pseudonym FROM participants WHERE session_id = ? ORDER BY id", (session_id,))
    return [Participant(pid, sid, name, own_pseudonym(pseudonym)) for pid, sid, name, pseudonym in rows]


def participant_number(conn: sqlite3.Connection, participant_id: int) -> int:
    """The person's place in their session (1 for the first added): the n of a neutral "Participant n"."""
    require(conn, "participants", participant_id, "participant")
    row = conn.execute(
        "SELECT COUNT(*) FROM participants WHERE session_id = (SELECT session_id FROM participants WHERE id = ?) AND id <= ?",
        (participant_id, participant_id),
    ).fetchone()
    return int(row[0])


def _own_pseudonyms(attempts: list[Attempt]) -> list[Attempt]:
    return [replace(a, pseudonym=own_pseudonym(a.pseudonym)) for a in attempts]


def session_attempts(conn: sqlite3.Connection, session_id: int) -> list[Attempt]:
    """The session's drafts (not in the trash) with their score history, by participant then time."""
    require(conn, "sessions", session_id, "session")
    sql = _ATTEMPT_SQL.format(where="d.session_id = ?", order="p.display_name COLLATE NOCASE, d.owner, d.created_at, d.id")
    return _own_pseudonyms(_attempts(conn.execute(sql, (session_id,)).fetchall()))


def participant_history(conn: sqlite3.Connection, participant_id: int) -> list[Attempt]:
    """A participant's drafts (not in the trash), oldest first, each with its scores over time."""
    require(conn, "participants", participant_id, "participant")
    sql = _ATTEMPT_SQL.format(where="d.owner = ?", order="d.created_at, d.id")
    return _own_pseudonyms(_attempts(conn.execute(sql, (participant_id,)).fetchall()))
