"""Resonanz's storage: drafts, revisions, exercises, sessions and settings in ONE SQLite file.

The file is ``data_dir() / "resonanz.db"`` unless a path is given (``RESONANZ_HOME`` moves the
data dir). Opening it with `Store`:

- refuses a file that is not SQLite or is damaged (`CorruptDatabaseError`), a database written by
  a newer Resonanz (`NewerSchemaError`) and an SQLite file of another program (`StorageError`);
  in all three cases the file is left byte for byte as it was;
- copies an existing database aside (``resonanz.db.before-schema-<n>-<time>``) before a schema
  upgrade, then applies the missing migrations (see `resonanz.core.storage.migrations`);
- uses WAL (readers never block the writer), ``synchronous=FULL`` (a commit survives a power
  cut), ``foreign_keys=ON`` and a 5 s busy timeout; every multi-statement write is one
  ``BEGIN IMMEDIATE`` transaction, so two processes can write at once without "database is locked".

A `Store` owns one connection and belongs to the thread that made it: open one per thread.

Attempts: a workshop or coaching "attempt" is an ordinary draft with ``session_id`` (and usually
``owner`` = participant and ``exercise_id``) set; its revisions, scored when saved, are its steps
over time. `Store.session_attempts` and `Store.participant_history` read them that way.

Revisions keep the scores AND findings as they were when saved, so progress stays visible
after the rules change.

Where the parts live: opening the file in `opening`, the record dataclasses and their row
conversion in `records`, search input in `search`, the exercise and session SQL in `coaching`, making drafts and replies in `drafting`;
`Store` itself owns the connection's lifetime and transactions, drafts, revisions and settings.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date as Date
from pathlib import Path
from types import TracebackType
from typing import Iterable, Any, Self

from resonanz.core.fileio import register_open, unregister_open
from resonanz.core.paths import default_db_path
from resonanz.core.storage import coaching, drafting
from resonanz.core.storage.audits import AuditRecords
from resonanz.core.storage.dbopen import DatabaseInUseError, EmptyDatabaseError
from resonanz.core.storage.migrations import (
    SCHEMA_VERSION,
    CorruptDatabaseError,
    MigrationError,
    NewerSchemaError,
    NotFoundError,
    StorageError,
    now_utc,
)
from resonanz.core.storage.opening import open_database
from resonanz.core.storage.records import (
    _DRAFT_COLS,
    _REVISION_COLS,
    _SUMMARY_COLS,
    Attempt,
    Draft,
    DraftSummary,
    Exercise,
    Participant,
    Revision,
    Session,
    _dumps,
    _result_parts,
    _revision,
    exercise_row,
)
from resonanz.core.storage.search import draft_search

__all__ = [
    "SCHEMA_VERSION",
    "CorruptDatabaseError",
    "DatabaseInUseError",
    "EmptyDatabaseError",
    "ReadOnlyDatabaseError",
    "MigrationError",
    "NewerSchemaError",
    "NotFoundError",
    "StorageError",
    "Store",
]


class ReadOnlyDatabaseError(StorageError):
    """A write to a Store opened read-only; nothing was written."""


class Store:
    """One connection to Resonanz's database; use one per thread, close it (or use `with`).

    `readonly` (or a data folder where writing is impossible) opens it with SQLite's ``mode=ro``:
    such a Store can read everything, never writes, never checkpoints, and every write method
    raises `ReadOnlyDatabaseError`; `read_only_reason` says why in one line (None if writable).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False, check: bool = True) -> None:
        """Open (creating or upgrading) the database at `path`, default `default_db_path()`; ":memory:" works.

        `check` runs ``PRAGMA quick_check`` over the whole file (a damaged page is refused at
        open instead of failing later); the file itself is only ever opened through SQLite."""
        if path is None:
            path = default_db_path()
        self.path: Path | None = None if str(path) == ":memory:" else Path(path)
        self._conn: sqlite3.Connection | None = None
        self._open_key: tuple[int, int] | None = None
        self._conn, self.readonly, self.read_only_reason, self.schema_version = open_database(self.path, readonly=readonly, check=check)
        if self.path is not None:
            self._open_key = register_open(self.path)

    # -- lifetime

    def close(self) -> None:
        """Close the connection (idempotent)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            if not self.readonly:
                try:
                    conn.execute("PRAGMA optimize")
                except sqlite3.Error:
                    pass
            conn.close()
            unregister_open(self._open_key)
            self._open_key = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def checkpoint(self) -> None:
        """Fold the WAL into the main file without waiting for anyone; call it when the editor is idle.

        SQLite does this by itself every ~1,000 written pages, inside whichever commit crosses the
        mark: that autosave then takes ~15 ms instead of ~0.5 ms. Idle-time checkpoints avoid it.
        """
        if not self.readonly:
            self.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection (for backups and tests); raises after close()."""
        if self._conn is None:
            raise StorageError("this Store is closed")
        return self._conn

    @property
    def audits(self) -> AuditRecords:
        """The stored page audits (save, list, get, result, delete)."""
        return AuditRecords(lambda: self.connection, self._write)

    @property
    def _writer(self) -> sqlite3.Connection:
        """The connection, for a write: a read-only Store refuses here with one line, before SQLite."""
        conn = self.connection
        if self.readonly:
            raise ReadOnlyDatabaseError(f"{self.path} is open read-only ({self.read_only_reason}); nothing was saved")
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction that takes the write lock at once (no deadlock between writers)."""
        conn = self._writer
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- drafts

    def create_draft(
        self,
        text: str = "",
        title: str = "",
        language: str = "auto",
        platform: str = "linkedin",
        exercise_id: str | None = None,
        session_id: int | None = None,
        owner: int | None = None,
        *,
        kind: str = "post",
        comment: str = "",
        post_context: str = "",
    ) -> int:
        """Create a draft and return its id; an owner (participant) implies that participant's session.

        `kind="reply"` makes it an answer to `comment` (under `post_context`, which may be empty).
        """
        with self._write() as conn:
            return drafting.insert_draft(
                conn, text=text, title=title, language=language, platform=platform, exercise_id=exercise_id,
                session_id=session_id, owner=owner, kind=kind, comment=comment, post_context=post_context,
            )

    def autosave(self, draft_id: int, text: str) -> None:
        """Store the editor's current text: one UPDATE, no analysis."""
        cur = self._writer.execute("UPDATE drafts SET text = ?, updated_at = ? WHERE id = ?", (text, now_utc(), draft_id))
        if cur.rowcount == 0:
            raise NotFoundError(f"draft {draft_id!r} not found")

    def get_draft(self, draft_id: int) -> Draft:
        """One draft with its full text (also from the trash)."""
        row = self.connection.execute(f"SELECT {_DRAFT_COLS} FROM drafts d WHERE d.id = ?", (draft_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"draft {draft_id!r} not found")
        return Draft(*row)

    def list_drafts(self, query: str = "", include_deleted: bool = False, limit: int = 200, offset: int = 0) -> list[DraftSummary]:
        """Drafts newest first; `query` searches titles and texts (prefixes, umlaut-insensitive)."""
        sql, args = draft_search(query, include_deleted, limit, offset)
        return [DraftSummary(*row) for row in self.connection.execute(sql, args)]

    def latest_scores(self, draft_ids: Sequence[int]) -> dict[int, dict[str, int]]:
        """Each draft's scores at its newest scored revision (for the draft list); unscored drafts are left out."""
        return coaching.latest_scores(self.connection, draft_ids)

    def list_trash(self) -> list[DraftSummary]:
        """Drafts in the trash, most recently deleted first."""
        sql = f"SELECT {_SUMMARY_COLS} FROM drafts d WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC"
        return [DraftSummary(*row) for row in self.connection.execute(sql)]

    def rename_draft(self, draft_id: int, title: str) -> None:
        """Change a draft's title."""
        cur = self._writer.execute("UPDATE drafts SET title = ?, updated_at = ? WHERE id = ?", (title, now_utc(), draft_id))
        if cur.rowcount == 0:
            raise NotFoundError(f"draft {draft_id!r} not found")

    def set_draft_settings(self, draft_id: int, *, platform: str | None = None, language: str | None = None) -> None:
        """Remember the platform and/or language choice ("auto", "de", "en") a draft is written for."""
        sets = [(col, value) for col, value in (("platform", platform), ("language", language)) if value is not None]
        if not sets:
            return
        if language is not None and language not in ("auto", "de", "en"):
            raise ValueError(f"unknown language {language!r}: choose auto, de or en")
        if platform is not None and not platform.strip():
            raise ValueError("the platform must not be empty")
        assignments = ", ".join(f"{col} = ?" for col, _ in sets)
        cur = self._writer.execute(f"UPDATE drafts SET {assignments} WHERE id = ?", (*(v for _, v in sets), draft_id))
        if cur.rowcount == 0:
            raise NotFoundError(f"draft {draft_id!r} not found")

    def set_reply_context(self, draft_id: int, comment: str, post_context: str = "") -> None:
        """Change the comment a reply answers (and the post it was under); refused for a post."""
        with self._write() as conn:
            drafting.set_reply_context(conn, draft_id, comment, post_context)

    def duplicate_draft(self, draft_id: int, title: str | None = None) -> int:
        """Copy a draft's current text and settings into a new draft (revisions stay with the original)."""
        d = self.get_draft(draft_id)
        return self.create_draft(
            d.text, d.title if title is None else title, d.language, d.platform, d.exercise_id, d.session_id, d.owner,
            kind=d.kind, comment=d.comment, post_context=d.post_context,
        )

    def delete_draft(self, draft_id: int) -> None:
        """Move a draft to the trash (nothing is removed until `empty_trash`)."""
        now = now_utc()
        cur = self._writer.execute("UPDATE drafts SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?", (now, draft_id))
        if cur.rowcount == 0:
            raise NotFoundError(f"draft {draft_id!r} not found")

    def restore_draft(self, draft_id: int) -> None:
        """Take a draft back out of the trash."""
        cur = self._writer.execute("UPDATE drafts SET deleted_at = NULL WHERE id = ?", (draft_id,))
        if cur.rowcount == 0:
            raise NotFoundError(f"draft {draft_id!r} not found")

    def empty_trash(self) -> int:
        """Delete the drafts in the trash for good, with their revisions; returns how many."""
        with self._write() as conn:
            return conn.execute("DELETE FROM drafts WHERE deleted_at IS NOT NULL").rowcount

    # -- revisions

    def save_revision(self, draft_id: int, text: str, label: str = "", result: Any = None) -> int:
        """Save a version of a draft with the scores and findings of `result` (AnalysisResult or None)."""
        from resonanz.core import __version__

        scores, findings, language, platform = _result_parts(result)
        with self._write() as conn:
            row = conn.execute("SELECT language, platform, kind, comment FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"draft {draft_id!r} not found")
            comment = row[3] if row[2] == "reply" else None
            cur = conn.execute(
                "INSERT INTO revisions (draft_id, label, text, created_at, language, platform, scores_json, findings_json, engine_version, comment)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (draft_id, label, text, now_utc(), language or row[0], platform or row[1], scores, findings, __version__ if scores else None, comment),
            )
        return int(cur.lastrowid)

    def revisions(self, draft_id: int) -> list[Revision]:
        """A draft's saved versions, oldest first."""
        rows = self.connection.execute(f"SELECT {_REVISION_COLS} FROM revisions WHERE draft_id = ? ORDER BY created_at, id", (draft_id,))
        return [_revision(r) for r in rows]

    def get_revision(self, revision_id: int) -> Revision:
        """One saved version."""
        row = self.connection.execute(f"SELECT {_REVISION_COLS} FROM revisions WHERE id = ?", (revision_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"revision {revision_id!r} not found")
        return _revision(row)

    # -- settings

    def set_setting(self, key: str, value: Any) -> None:
        """Remember a JSON-able value under `key` (e.g. "last_open_draft")."""
        self._writer.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, _dumps(value))
        )

    def get_setting(self, key: str, default: Any = None) -> Any:
        """The value stored under `key`, or `default`."""
        row = self.connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    # -- exercises (SQL in resonanz.core.storage.coaching)

    def upsert_exercise(self, exercise: Mapping[str, Any] | Exercise) -> str:
        """Insert or replace an exercise from a mapping (or Exercise); returns its id."""
        data = exercise_row(exercise)
        return coaching.upsert_exercise(self._writer, data)

    def import_exercises(self, exercises: Iterable[Mapping[str, Any] | Exercise | Any]) -> int:
        """Store a whole exercise pack in one transaction: all of it, or nothing (sqlite-utils upsert)."""
        rows = [exercise_row(e) for e in exercises]  # every row is checked before anything is written
        if not rows:
            return 0
        return coaching.import_exercises(self._writer, rows)

    def get_exercise(self, exercise_id: str) -> Exercise:
        """One exercise."""
        return coaching.get_exercise(self.connection, exercise_id)

    def list_exercises(self, language: str | None = None, platform: str | None = None, topic: str | None = None, query: str = "") -> list[Exercise]:
        """Exercises by id, filtered by the given fields; `query` searches title, goal and text."""
        return coaching.list_exercises(self.connection, language, platform, topic, query)

    # -- sessions and attempts

    def create_session(self, kind: str, title: str, date: str | Date, facilitator_notes: str = "") -> int:
        """Start an "individual" or "workshop" session; returns its id."""
        coaching.check_session_kind(kind)
        return coaching.create_session(self._writer, kind, title, date, facilitator_notes)

    def get_session(self, session_id: int) -> Session:
        """One session."""
        return coaching.get_session(self.connection, session_id)

    def list_sessions(self) -> list[Session]:
        """All sessions, newest date first."""
        return coaching.list_sessions(self.connection)

    def add_participant(self, session_id: int, display_name: str, pseudonym: str | None = None) -> int:
        """Add a person to a session; returns the participant id."""
        with self._write() as conn:
            return coaching.add_participant(conn, session_id, display_name, pseudonym)

    def participants(self, session_id: int) -> list[Participant]:
        """The people of a session, in the order they were added."""
        return coaching.participants(self.connection, session_id)

    def participant_number(self, participant_id: int) -> int:
        """The person's place in their session (1 for the first added): the n of a neutral "Participant n"."""
        return coaching.participant_number(self.connection, participant_id)

    def session_attempts(self, session_id: int) -> list[Attempt]:
        """The session's drafts (not in the trash) with their score history, by participant then time."""
        return coaching.session_attempts(self.connection, session_id)

    def participant_history(self, participant_id: int) -> list[Attempt]:
        """A participant's drafts (not in the trash), oldest first, each with its scores over time."""
        return coaching.participant_history(self.connection, participant_id)

    # -- convenience

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the database to `dest` (see resonanz.core.storage.backup.backup)."""
        from resonanz.core.storage.backup import backup

        return backup(self, dest)
