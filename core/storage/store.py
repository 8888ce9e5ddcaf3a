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
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Iterable, Any, Self

import regex
from resonanz.core.storage.dbopen import (
    DB_NAME,
    DatabaseInUseError,
    EmptyDatabaseError,
    connect,
    create_database,
    default_db_path,
    open_for_reading,
    probe,
    register_open,
    sqlite_problem,
    stat_database,
    unregister_open,
    writable_problem,
)
from resonanz.core.storage.migrations import (
    SCHEMA_VERSION,
    CorruptDatabaseError,
    MigrationError,
    NewerSchemaError,
    NotFoundError,
    StorageError,
    latest_version,
    migrate,
    now_utc,
)

__all__ = [
    "SCHEMA_VERSION",
    "Attempt",
    "CorruptDatabaseError",
    "DB_NAME",
    "DatabaseInUseError",
    "Draft",
    "DraftSummary",
    "EmptyDatabaseError",
    "Exercise",
    "ReadOnlyDatabaseError",
    "MigrationError",
    "NewerSchemaError",
    "NotFoundError",
    "Participant",
    "Revision",
    "ScorePoint",
    "Session",
    "StorageError",
    "Store",
    "default_db_path",
]

SESSION_KINDS = ("individual", "workshop")
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")


# --------------------------------------------------------------------------- records


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


def _loads(text: str | None, default: Any) -> Any:
    return default if text is None else json.loads(text)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Draft:
    """One draft with its full text; `deleted_at` set means it is in the trash."""

    id: int
    title: str
    text: str
    language: str
    platform: str
    owner: int | None
    exercise_id: str | None
    session_id: int | None
    created_at: str
    updated_at: str
    deleted_at: str | None

    @property
    def in_trash(self) -> bool:
        """True while the draft is in the trash."""
        return self.deleted_at is not None


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """A line of the draft list: the first 160 characters instead of the whole text."""

    id: int
    title: str
    preview: str
    language: str
    platform: str
    owner: int | None
    exercise_id: str | None
    session_id: int | None
    created_at: str
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True, slots=True)
class Revision:
    """A saved version of a draft with the scores and findings it had then (None = not scored)."""

    id: int
    draft_id: int
    label: str
    text: str
    created_at: str
    language: str
    platform: str
    scores: Mapping[str, int] | None
    findings: tuple[Mapping[str, Any], ...] | None
    engine_version: str | None


@dataclass(frozen=True, slots=True)
class Exercise:
    """A practice task: goal, instructions (Markdown), starting draft, score targets and hints."""

    id: str
    language: str
    platform: str
    topic: str
    title: str
    goal: str
    body_md: str
    starting_draft: str
    targets: Mapping[str, Any]
    hints: tuple[str, ...]
    source: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class Session:
    """A coaching session: one person ("individual") or a group ("workshop")."""

    id: int
    kind: str
    title: str
    date: str
    facilitator_notes: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Participant:
    """A person in a session; `pseudonym` is what a shared screen may show instead of the name."""

    id: int
    session_id: int
    display_name: str
    pseudonym: str | None


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """The scores of one saved revision: one point of a progress curve."""

    revision_id: int
    label: str
    created_at: str
    scores: Mapping[str, int] | None


@dataclass(frozen=True, slots=True)
class Attempt:
    """A draft written in a session, with its scored revisions oldest first."""

    draft_id: int
    title: str
    session_id: int
    owner: int | None
    participant: str | None
    pseudonym: str | None
    exercise_id: str | None
    created_at: str
    updated_at: str
    history: tuple[ScorePoint, ...]

    @property
    def latest_scores(self) -> Mapping[str, int] | None:
        """Scores of the newest scored revision, or None."""
        for point in reversed(self.history):
            if point.scores is not None:
                return point.scores
        return None


_DRAFT_COLS = "d.id, d.title, d.text, d.language, d.platform, d.owner, d.exercise_id, d.session_id, d.created_at, d.updated_at, d.deleted_at"
_SUMMARY_COLS = _DRAFT_COLS.replace("d.text", "substr(d.text, 1, 160)")
_REVISION_COLS = "id, draft_id, label, text, created_at, language, platform, scores_json, findings_json, engine_version"
_EXERCISE_COLS = "id, language, platform, topic, title, goal, body_md, starting_draft, targets_json, hints_json, source, updated_at"
_EXERCISE_KEYS = frozenset(_EXERCISE_COLS.split(", ")) | {"targets", "hints"}
_ATTEMPT_SQL = """
    SELECT d.id, d.title, d.session_id, d.owner, p.display_name, p.pseudonym, d.exercise_id,
           d.created_at, d.updated_at, r.id, r.label, r.created_at, r.scores_json
    FROM drafts d
    LEFT JOIN participants p ON p.id = d.owner
    LEFT JOIN revisions r ON r.draft_id = d.id
    WHERE {where} AND d.deleted_at IS NULL
    ORDER BY {order}, r.created_at, r.id
"""


def _revision(row: Sequence[Any]) -> Revision:
    scores = _loads(row[7], None)
    findings = _loads(row[8], None)
    return Revision(
        *row[:7],
        scores=None if scores is None else _frozen(scores),
        findings=None if findings is None else tuple(_frozen(f) for f in findings),
        engine_version=row[9],
    )


def _exercise(row: Sequence[Any]) -> Exercise:
    return Exercise(*row[:8], targets=_frozen(json.loads(row[8])), hints=tuple(json.loads(row[9])), source=row[10], updated_at=row[11])


def _attempts(rows: list[Sequence[Any]]) -> list[Attempt]:
    attempts: list[Attempt] = []
    points: dict[int, list[ScorePoint]] = {}
    for row in rows:
        if row[0] not in points:
            points[row[0]] = []
            attempts.append(Attempt(*row[:9], history=()))
        if row[9] is not None:
            scores = _loads(row[12], None)
            points[row[0]].append(ScorePoint(row[9], row[10], row[11], None if scores is None else _frozen(scores)))
    return [replace(a, history=tuple(points[a.draft_id])) for a in attempts]


_TO_DIGRAPH = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _spellings(word: str) -> list[str]:
    """A word and its German alternative spellings: ß/ss and ä/ae, ö/oe, ü/ue (diacritics alone FTS5 folds itself)."""
    w = word.lower()
    out = [w, w.replace("ß", "ss"), w.replace("ss", "ß"), w.translate(_TO_DIGRAPH)]
    out.append(w.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü"))
    return list(dict.fromkeys(out))


def fts_query(text: str) -> str:
    """User input -> an FTS5 query: every word a prefix match in any German spelling, all words required, no operators."""
    groups = []
    for word in _WORD.findall(text):
        alternatives = " OR ".join(f'"{w}"*' for w in _spellings(word))
        groups.append(f"({alternatives})")
    return " AND ".join(groups)


def _result_parts(result: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """(scores_json, findings_json, language, platform) of an AnalysisResult, its to_dict(), or None."""
    if result is None:
        return None, None, None, None
    data = result.to_dict() if hasattr(result, "to_dict") else result
    if not isinstance(data, Mapping) or not isinstance(data.get("scores"), Mapping):
        raise TypeError("result must be an AnalysisResult, its to_dict(), or None")
    scores = {str(k): int(v) for k, v in data["scores"].items()}
    return _dumps(scores), _dumps(list(data.get("findings", []))), data.get("language"), data.get("platform")


# --------------------------------------------------------------------------- the store


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
        where = str(self.path) if self.path is not None else ":memory:"
        self.read_only_reason: str | None = "opened for reading only" if readonly else None
        self._conn: sqlite3.Connection | None = None
        self._open_key: tuple[int, int] | None = None
        st = None
        if self.path is not None:
            st = stat_database(self.path)  # os.stat only: see resonanz.core.storage.dbopen
            if st is None and readonly:
                raise NotFoundError(f"database not found: {self.path}")
            if st is None:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorageError(f"cannot create {self.path}: {exc.strerror or exc}") from None
                problem = writable_problem(self.path)
                if problem:
                    raise StorageError(f"cannot create {self.path}: {problem}")
                try:
                    create_database(self.path)  # whole, or not at all: never a 0-byte file
                except sqlite3.Error as exc:
                    raise sqlite_problem(where, exc) from None
                except OSError as exc:
                    raise StorageError(f"cannot create {self.path}: {exc.strerror or exc}") from None
                st = stat_database(self.path)
            elif not readonly and (problem := writable_problem(self.path)):
                readonly, self.read_only_reason = True, problem
        self.readonly = readonly
        try:
            self._conn = open_for_reading(self.path) if readonly else connect(self.path if self.path is not None else ":memory:")
        except sqlite3.Error as exc:
            raise sqlite_problem(where, exc) from None
        try:
            version = probe(self._conn, self.path, full=check)  # reads only: refusals leave the file untouched
            if readonly:
                self.schema_version = version
                if version < latest_version():  # an older file is read through an upgraded copy in memory
                    memory = connect(":memory:")
                    self._conn.backup(memory)
                    self._conn.close()
                    self._conn = memory
                    self.schema_version = migrate(memory, where=where)
            else:
                try:
                    self._conn.execute("PRAGMA journal_mode = WAL").fetchone()
                    self._conn.execute("PRAGMA synchronous = FULL")
                    self._conn.execute("PRAGMA foreign_keys = ON")
                except sqlite3.Error as exc:
                    raise sqlite_problem(where, exc) from None
                self.schema_version = migrate(self._conn, where=where, before_upgrade=self._copy_before_upgrade)
        except BaseException:
            self._conn.close()
            self._conn = None
            raise
        if self.path is not None:
            self._open_key = register_open(self.path)

    def _copy_before_upgrade(self, version: int) -> None:
        if self.path is None:
            return
        from resonanz.core.storage.backup import BackupExistsError, copy_database

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        base = self.path.with_name(f"{self.path.name}.before-schema-{latest_version()}-{stamp}")
        for n in range(1, 50):  # another process opening the file in the same second may take the name
            try:
                copy_database(self._conn, base if n == 1 else base.with_name(f"{base.name}-{n}"))
                return
            except BackupExistsError:
                continue
        raise StorageError(f"no free name for the copy {base} before the upgrade")

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

    def _require(self, table: str, key: Any, what: str) -> None:
        if key is not None and self.connection.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone() is None:
            raise NotFoundError(f"{what} {key!r} not found")

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
    ) -> int:
        """Create a draft and return its id; an owner (participant) implies that participant's session."""
        now = now_utc()
        with self._write() as conn:
            if owner is not None:
                row = conn.execute("SELECT session_id FROM participants WHERE id = ?", (owner,)).fetchone()
                if row is None:
                    raise NotFoundError(f"participant {owner!r} not found")
                if session_id is None:
                    session_id = row[0]
                elif session_id != row[0]:
                    raise ValueError(f"participant {owner} belongs to session {row[0]}, not {session_id}")
            self._require("exercises", exercise_id, "exercise")
            self._require("sessions", session_id, "session")
            cur = conn.execute(
                "INSERT INTO drafts (title, text, language, platform, owner, exercise_id, session_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (title, text, language, platform, owner, exercise_id, session_id, now, now),
            )
        return int(cur.lastrowid)

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
        match = fts_query(query)
        # Walk the recency index newest first and keep the rows the FTS match set contains, so a
        # word found in half of 100,000 drafts costs no more than a rare one (no sort, no 50,000
        # row lookups): measured ~10-15 ms either way (tests/benchmarks/test_bench_storage.py).
        index, live = ("drafts_all", "") if include_deleted else ("drafts_live", "AND d.deleted_at IS NULL")
        if match:
            sql = (
                f"SELECT {_SUMMARY_COLS} FROM drafts d INDEXED BY {index}"
                f" WHERE d.id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?) {live}"
                " ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?"
            )
            args: tuple[Any, ...] = (match, limit, offset)
        else:
            sql = f"SELECT {_SUMMARY_COLS} FROM drafts d INDEXED BY {index} WHERE 1 {live} ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?"
            args = (limit, offset)
        return [DraftSummary(*row) for row in self.connection.execute(sql, args)]

    def list_trash(self) -> list[DraftSummary]:
        """Drafts in the trash, most recently deleted first."""
        sql = f"SELECT {_SUMMARY_COLS} FROM drafts d WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC"
        return [DraftSummary(*row) for row in self.connection.execute(sql)]

    def rename_draft(self, draft_id: int, title: str) -> None:
        """Change a draft's title."""
        cur = self._writer.execute("UPDATE drafts SET title = ?, updated_at = ? WHERE id = ?", (title, now_utc(), draft_id))
        if cur.rowcount == 0:
            raise NotFoundError(f"draft {draft_id!r} not found")

    def duplicate_draft(self, draft_id: int, title: str | None = None) -> int:
        """Copy a draft's current text and settings into a new draft (revisions stay with the original)."""
        d = self.get_draft(draft_id)
        return self.create_draft(d.text, d.title if title is None else title, d.language, d.platform, d.exercise_id, d.session_id, d.owner)

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
            row = conn.execute("SELECT language, platform FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"draft {draft_id!r} not found")
            cur = conn.execute(
                "INSERT INTO revisions (draft_id, label, text, created_at, language, platform, scores_json, findings_json, engine_version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (draft_id, label, text, now_utc(), language or row[0], platform or row[1], scores, findings, __version__ if scores else None),
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

    # -- exercises

    def upsert_exercise(self, exercise: Mapping[str, Any] | Exercise) -> str:
        """Insert or replace an exercise from a mapping (or Exercise); returns its id."""
        data = self._exercise_row(exercise)
        cols = [c for c in _EXERCISE_COLS.split(", ") if c in data]
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
        self._writer.execute(
            f"INSERT INTO exercises ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            f" ON CONFLICT (id) DO UPDATE SET {updates}",
            [data[c] for c in cols],
        )
        return data["id"]

    def import_exercises(self, exercises: Iterable[Mapping[str, Any] | Exercise | Any]) -> int:
        """Store a whole exercise pack in one transaction: all of it, or nothing (sqlite-utils upsert)."""
        import sqlite_utils

        rows = [self._exercise_row(e) for e in exercises]  # every row is checked before anything is written
        if not rows:
            return 0
        conn = self._writer
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

    def _exercise_row(self, exercise: Mapping[str, Any] | Exercise | Any) -> dict[str, Any]:
        """A checked, JSON-encoded row for the exercises table (from a mapping or any exercise dataclass)."""
        if isinstance(exercise, Mapping):
            data = dict(exercise)
        else:
            data = {f.name: getattr(exercise, f.name) for f in fields(exercise)}
            for key in ("language", "title", "topic", "platform", "goal", "starting_draft", "body_md", "source"):
                data.setdefault(key, getattr(exercise, key, None))
            data = {k: v for k, v in data.items() if k in _EXERCISE_KEYS}
        unknown = set(data) - _EXERCISE_KEYS
        if unknown:
            raise ValueError(f"unknown exercise fields: {', '.join(sorted(unknown))}")
        ex_id = data.get("id")
        if not isinstance(ex_id, str) or not ex_id.strip():
            raise ValueError("an exercise needs a non-empty text id, e.g. 'de-dialog-01'")
        source = data.get("source", "builtin")
        if source != "builtin" and not (isinstance(source, str) and source.startswith("pack:") and len(source) > 5):
            raise ValueError(f"exercise source must be 'builtin' or 'pack:<name>', not {source!r}")
        targets = data.pop("targets", None)
        hints = data.pop("hints", None)
        if targets is not None:
            data["targets_json"] = _dumps(dict(targets))
        if hints is not None:
            data["hints_json"] = _dumps([str(h) for h in ([hints] if isinstance(hints, str) else hints)])
        for key in ("targets_json", "hints_json"):
            if key in data and not isinstance(data[key], str):
                data[key] = _dumps(data[key])
        data["source"] = source
        data.setdefault("updated_at", now_utc())
        return data

    def get_exercise(self, exercise_id: str) -> Exercise:
        """One exercise."""
        row = self.connection.execute(f"SELECT {_EXERCISE_COLS} FROM exercises WHERE id = ?", (exercise_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"exercise {exercise_id!r} not found")
        return _exercise(row)

    def list_exercises(self, language: str | None = None, platform: str | None = None, topic: str | None = None, query: str = "") -> list[Exercise]:
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
        rows = self.connection.execute(f"SELECT {_EXERCISE_COLS} FROM exercises WHERE {' AND '.join(where)} ORDER BY id", args)
        return [_exercise(r) for r in rows]

    # -- sessions and attempts

    def create_session(self, kind: str, title: str, date: str | Date, facilitator_notes: str = "") -> int:
        """Start an "individual" or "workshop" session; returns its id."""
        if kind not in SESSION_KINDS:
            raise ValueError(f"session kind must be 'individual' or 'workshop', not {kind!r}")
        day = date.isoformat() if isinstance(date, Date) else str(date)
        cur = self._writer.execute(
            "INSERT INTO sessions (kind, title, date, facilitator_notes, created_at) VALUES (?, ?, ?, ?, ?)",
            (kind, title, day, facilitator_notes, now_utc()),
        )
        return int(cur.lastrowid)

    def get_session(self, session_id: int) -> Session:
        """One session."""
        row = self.connection.execute("SELECT id, kind, title, date, facilitator_notes, created_at FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"session {session_id!r} not found")
        return Session(*row)

    def list_sessions(self) -> list[Session]:
        """All sessions, newest date first."""
        rows = self.connection.execute("SELECT id, kind, title, date, facilitator_notes, created_at FROM sessions ORDER BY date DESC, id DESC")
        return [Session(*r) for r in rows]

    def add_participant(self, session_id: int, display_name: str, pseudonym: str | None = None) -> int:
        """Add a person to a session; returns the participant id."""
        with self._write() as conn:
            self._require("sessions", session_id, "session")
            cur = conn.execute("INSERT INTO participants (session_id, display_name, pseudonym) VALUES (?, ?, ?)", (session_id, display_name, pseudonym))
        return int(cur.lastrowid)

    def participants(self, session_id: int) -> list[Participant]:
        """The people of a session, in the order they were added."""
        rows = self.connection.execute("SELECT id, session_id, display_name, pseudonym FROM participants WHERE session_id = ? ORDER BY id", (session_id,))
        return [Participant(*r) for r in rows]

    def session_attempts(self, session_id: int) -> list[Attempt]:
        """The session's drafts (not in the trash) with their score history, by participant then time."""
        self._require("sessions", session_id, "session")
        sql = _ATTEMPT_SQL.format(where="d.session_id = ?", order="p.display_name COLLATE NOCASE, d.owner, d.created_at, d.id")
        return _attempts(self.connection.execute(sql, (session_id,)).fetchall())

    def participant_history(self, participant_id: int) -> list[Attempt]:
        """A participant's drafts (not in the trash), oldest first, each with its scores over time."""
        self._require("participants", participant_id, "participant")
        sql = _ATTEMPT_SQL.format(where="d.owner = ?", order="d.created_at, d.id")
        return _attempts(self.connection.execute(sql, (participant_id,)).fetchall())

    # -- convenience

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the database to `dest` (see resonanz.core.storage.backup.backup)."""
        from resonanz.core.storage.backup import backup

        return backup(self, dest)
