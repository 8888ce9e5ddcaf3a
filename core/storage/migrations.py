"""Versioned schema migrations of Resonanz's database, and the storage errors.

Each migration is a numbered function, ``@migration(n)``, that receives the open connection and
changes the schema with plain SQL. `migrate` applies the missing ones in order, each in ONE
``BEGIN IMMEDIATE`` transaction together with its row in ``schema_migrations(version,
applied_at)``: a migration that fails leaves the database exactly at the previous version.
A database whose recorded version is newer than this code knows is refused and never touched
(there are no down-migrations).

Rules for writing a new migration (append only, never edit a shipped one):
- number it ``SCHEMA_VERSION + 1`` and raise `SCHEMA_VERSION`;
- use ``conn.execute`` / `run_script` only: never ``executescript`` (it commits on its own) and
  never ``COMMIT``;
- foreign keys are OFF while migrations run (so a table can be rebuilt the SQLite way: create new,
  copy, drop old, rename); `migrate` runs ``PRAGMA foreign_key_check`` before every commit and
  rolls back if the migration broke a reference;
- copy existing data forward: a user's v1 database must come out of it with everything in it.

sqlite-utils 4 ships a ``Migrations`` helper, but it records migration *names* in its own table
and has no notion of "this file is newer than me", which Resonanz needs to refuse; so this module
is ~100 lines of plain ``sqlite3`` instead.

The error classes live here (the lowest storage module) and are re-exported by
``resonanz.core.storage.store``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

#: The newest schema this code knows; equals the highest registered migration number.
SCHEMA_VERSION = 4

Migration = Callable[[sqlite3.Connection], None]

#: version -> function; filled by @migration. Tests may monkeypatch extra entries in.
MIGRATIONS: dict[int, Migration] = {}

_FTS_TOKENIZE = "unicode61 remove_diacritics 2"  # "fuchsin" finds "Füchsin" and the reverse


class StorageError(Exception):
    """A database that cannot be used as asked; str() is one line naming the file."""


class CorruptDatabaseError(StorageError):
    """The file is not an SQLite database, or it is damaged; it was left untouched."""


class NewerSchemaError(StorageError):
    """The database was written by a newer Resonanz; it was left untouched."""


class MigrationError(StorageError):
    """A migration failed; the database stays at the version before it."""


class NotFoundError(StorageError, LookupError):
    """No row with that id (draft, exercise, session, participant)."""


def migration(version: int) -> Callable[[Migration], Migration]:
    """Register a function as the migration to schema `version`."""

    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise ValueError(f"migration {version} is registered twice")
        MIGRATIONS[version] = fn
        return fn

    return register


def latest_version() -> int:
    """The highest registered migration (normally `SCHEMA_VERSION`)."""
    return max(MIGRATIONS, default=0)


def now_utc() -> str:
    """Current time as sortable ISO 8601 text in UTC with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Execute several `;`-separated statements one by one, inside the caller's transaction."""
    buf = ""
    for piece in sql.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n\t;"):
                conn.execute(buf)
            buf = ""
    if buf.strip(" \n\t;"):
        raise ValueError(f"incomplete SQL statement: {buf.strip()[:60]}")


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Names of the ordinary tables in the database (no sqlite_ internals)."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [r[0] for r in rows]


def read_version(conn: sqlite3.Connection) -> int:
    """The highest version recorded in schema_migrations; 0 for a database without it."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
    if not has:
        return 0
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0])


def newer_message(where: str, version: int) -> str:
    """The one-line refusal for a database from a newer Resonanz."""
    return f"{where} was written by a newer Resonanz (schema {version}, this version knows {latest_version()}); it was not changed"


def migrate(
    conn: sqlite3.Connection,
    target: int | None = None,
    *,
    where: str = "the database",
    before_upgrade: Callable[[int], None] | None = None,
) -> int:
    """Apply the missing migrations up to `target` (default: all), each in its own transaction.

    Returns the version afterwards. `before_upgrade(current)` runs once before an existing
    (version >= 1) database is changed, e.g. to copy it aside. The connection must be in
    autocommit mode (``isolation_level=None``) and not inside a transaction.
    """
    latest = latest_version()
    target = latest if target is None else target
    if not 0 <= target <= latest:
        raise ValueError(f"no migration {target} (known: 1..{latest})")
    missing = [v for v in range(1, latest + 1) if v not in MIGRATIONS]
    if missing:
        raise RuntimeError(f"migrations are not numbered 1..{latest} without gaps: {missing} missing")
    current = read_version(conn)
    if current > latest:
        raise NewerSchemaError(newer_message(where, current))
    if current >= target:
        return current
    if current >= 1 and before_upgrade is not None:
        before_upgrade(current)
    fk_on = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction, so set it before
    try:
        for version in range(current + 1, target + 1):
            conn.execute("BEGIN IMMEDIATE")  # take the write lock before reading the version
            try:
                now = read_version(conn)  # another process may have migrated meanwhile
                if now >= version:
                    conn.execute("COMMIT")
                    continue
                conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
                MIGRATIONS[version](conn)
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StorageError(f"it left {len(broken)} broken references, first in table {broken[0][0]}")
                conn.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, now_utc()))
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                raise MigrationError(
                    f"{where}: upgrading to schema {version} failed ({type(exc).__name__}: {exc}); "
                    f"it was left at schema {version - 1}, unchanged by this step"
                ) from exc
    finally:
        if fk_on:
            conn.execute("PRAGMA foreign_keys = ON")
    return target


# --------------------------------------------------------------------------- the migrations


@migration(1)
def _initial_schema(conn: sqlite3.Connection) -> None:
    """Settings, exercises, sessions, participants, drafts, revisions."""
    run_script(
        conn,
        """
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL            -- JSON
        ) WITHOUT ROWID;

        CREATE TABLE exercises (
            id             TEXT PRIMARY KEY,                 -- e.g. "de-dialog-01"
            language       TEXT NOT NULL DEFAULT 'de',
            platform       TEXT NOT NULL DEFAULT 'linkedin',
            topic          TEXT NOT NULL DEFAULT '',
            title          TEXT NOT NULL DEFAULT '',
            goal           TEXT NOT NULL DEFAULT '',
            body_md        TEXT NOT NULL DEFAULT '',
            starting_draft TEXT NOT NULL DEFAULT '',
            targets_json   TEXT NOT NULL DEFAULT '{}',
            hints_json     TEXT NOT NULL DEFAULT '[]',
            source         TEXT NOT NULL DEFAULT 'builtin',  -- "builtin" | "pack:<name>"
            updated_at     TEXT NOT NULL
        );
        CREATE INDEX exercises_filter ON exercises (language, platform, topic);

        CREATE TABLE sessions (
            id                INTEGER PRIMARY KEY AUTOINCREMENT,
            kind              TEXT NOT NULL CHECK (kind IN ('individual', 'workshop')),
            title             TEXT NOT NULL DEFAULT '',
            date              TEXT NOT NULL DEFAULT '',
            facilitator_notes TEXT NOT NULL DEFAULT '',
            created_at        TEXT NOT NULL
        );

        CREATE TABLE participants (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id   INTEGER NOT NULL REFERENCES sessions (id),
            display_name TEXT NOT NULL,
            pseudonym    TEXT
        );
        CREATE INDEX participants_session ON participants (session_id);

        -- An "attempt" is a draft with session_id (and usually owner and exercise_id) set;
        -- its revisions are the scored steps of the attempt.
        CREATE TABLE drafts (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after empty_trash
            title       TEXT NOT NULL DEFAULT '',
            text        TEXT NOT NULL DEFAULT '',
            language    TEXT NOT NULL DEFAULT 'auto',
            platform    TEXT NOT NULL DEFAULT 'linkedin',
            owner       INTEGER REFERENCES participants (id),
            exercise_id TEXT REFERENCES exercises (id) ON UPDATE CASCADE,
            session_id  INTEGER REFERENCES sessions (id),
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            deleted_at  TEXT                                  -- set = in the trash
        );
        CREATE INDEX drafts_live ON drafts (updated_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX drafts_all ON drafts (updated_at, id);
        CREATE INDEX drafts_trash ON drafts (deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX drafts_session ON drafts (session_id) WHERE session_id IS NOT NULL;
        CREATE INDEX drafts_owner ON drafts (owner) WHERE owner IS NOT NULL;
        CREATE INDEX drafts_exercise ON drafts (exercise_id) WHERE exercise_id IS NOT NULL;

        CREATE TABLE revisions (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            draft_id       INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
            label          TEXT NOT NULL DEFAULT '',
            text           TEXT NOT NULL,
            created_at     TEXT NOT NULL,
            language       TEXT NOT NULL,
            platform       TEXT NOT NULL,
            scores_json    TEXT,           -- {"dialogue": 62, ...} as scored then; NULL = not scored
            findings_json  TEXT,           -- [Finding.to_dict(), ...] as found then
            engine_version TEXT            -- resonanz version that scored it
        );
        CREATE INDEX revisions_draft ON revisions (draft_id, created_at);
        """,
    )


@migration(2)
def _full_text_search(conn: sqlite3.Connection) -> None:
    """FTS5 indexes over drafts (title, text) and exercises (title, goal, body_md), kept by triggers."""
    run_script(
        conn,
        f"""
        CREATE VIRTUAL TABLE drafts_fts USING fts5 (
            title, text, content = 'drafts', content_rowid = 'id', tokenize = '{_FTS_TOKENIZE}'
        );
        CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
            INSERT INTO drafts_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
            INSERT INTO drafts_fts (drafts_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, text ON drafts
        WHEN old.text IS NOT new.text OR old.title IS NOT new.title BEGIN
            INSERT INTO drafts_fts (drafts_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO drafts_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        INSERT INTO drafts_fts (drafts_fts) VALUES ('rebuild');

        -- exercises have a TEXT key, and VACUUM may renumber the implicit rowid of such a
        -- table: so this index keeps its own copy, keyed by id, instead of pointing at rowids.
        CREATE VIRTUAL TABLE exercises_fts USING fts5 (
            id UNINDEXED, title, goal, body_md, tokenize = '{_FTS_TOKENIZE}'
        );
        CREATE TRIGGER exercises_fts_insert AFTER INSERT ON exercises BEGIN
            INSERT INTO exercises_fts (id, title, goal, body_md) VALUES (new.id, new.title, new.goal, new.body_md);
        END;
        CREATE TRIGGER exercises_fts_delete AFTER DELETE ON exercises BEGIN
            DELETE FROM exercises_fts WHERE id = old.id;
        END;
        CREATE TRIGGER exercises_fts_update AFTER UPDATE ON exercises BEGIN
            DELETE FROM exercises_fts WHERE id = old.id;
            INSERT INTO exercises_fts (id, title, goal, body_md) VALUES (new.id, new.title, new.goal, new.body_md);
        END;
        INSERT INTO exercises_fts (id, title, goal, body_md) SELECT id, title, goal, body_md FROM exercises;
        """,
    )


@migration(3)
def _replies(conn: sqlite3.Connection) -> None:
    """Replies to comments: drafts and exercises get a kind, the comment and the post it is under.

    A draft or exercise of kind 'reply' holds the organisation's answer in `text` /
    `starting_draft`, the comment it answers in `comment` and, optionally, the post the comment
    was written under in `post_context`. A revision keeps the comment it was scored against.
    Every existing row becomes kind 'post' with empty comment and post.
    """
    run_script(
        conn,
        """
        ALTER TABLE drafts ADD COLUMN kind TEXT NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'reply'));
        ALTER TABLE drafts ADD COLUMN comment TEXT NOT NULL DEFAULT '';
        ALTER TABLE drafts ADD COLUMN post_context TEXT NOT NULL DEFAULT '';
        ALTER TABLE revisions ADD COLUMN comment TEXT;  -- NULL for a post's revision
        ALTER TABLE exercises ADD COLUMN kind TEXT NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'reply'));
        ALTER TABLE exercises ADD COLUMN comment TEXT NOT NULL DEFAULT '';
        ALTER TABLE exercises ADD COLUMN post_context TEXT NOT NULL DEFAULT '';
        """,
    )


@migration(4)
def _audits(conn: sqlite3.Connection) -> None:
    """Page audits (issue 13): one row per audit, its result as JSON, optionally linked to a session."""
    run_script(
        conn,
        """
        CREATE TABLE audits (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            title       TEXT NOT NULL DEFAULT '',
            source      TEXT NOT NULL DEFAULT '',   -- the export's file name
            format      TEXT NOT NULL DEFAULT '',   -- meta | linkedin | x | mastodon | bluesky | mapped
            platform    TEXT NOT NULL DEFAULT '',
            language    TEXT NOT NULL DEFAULT 'auto',
            session_id  INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
            n_posts     INTEGER NOT NULL DEFAULT 0,
            result_json TEXT NOT NULL,              -- Audit.to_dict() as computed then
            engine_version TEXT,
            created_at  TEXT NOT NULL
        );
        CREATE INDEX audits_created ON audits (created_at, id);
        CREATE INDEX audits_session ON audits (session_id) WHERE session_id IS NOT NULL;
        """,
    )


if SCHEMA_VERSION != latest_version():  # pragma: no cover - a developer mistake, caught on import
    raise RuntimeError(f"SCHEMA_VERSION is {SCHEMA_VERSION} but the highest migration is {latest_version()}")
