"""Schema migrations on real files: from empty, from every earlier version, failures, newer and corrupt files."""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path

import pytest
from resonanz.core.storage import migrations
from resonanz.core.storage.migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    latest_version,
    migrate,
    read_version,
)
from resonanz.core.storage.store import (
    CorruptDatabaseError,
    MigrationError,
    NewerSchemaError,
    StorageError,
    Store,
)

NOW = "2026-01-02T03:04:05.000000+00:00"


def build(path: Path, version: int) -> None:
    """A database as an older Resonanz left it: migrations up to `version`, plus some work in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")  # writes the header: version 0 is an SQLite file without tables, not 0 bytes
        migrate(conn, target=version)
        if version >= 1:
            conn.execute(
                "INSERT INTO exercises (id, language, platform, topic, title, goal, body_md, updated_at)"
                " VALUES ('de-dialog-01', 'de', 'linkedin', 'dialog', 'Fragen stellen', 'Die Füchsin antwortet', '**Aufgabe**', ?)",
                (NOW,),
            )
            conn.execute("INSERT INTO sessions (kind, title, date, created_at) VALUES ('workshop', 'Verein', '2026-01-02', ?)", (NOW,))
            conn.execute("INSERT INTO participants (session_id, display_name) VALUES (1, 'Ada')")
            conn.execute(
                "INSERT INTO drafts (title, text, language, platform, owner, exercise_id, session_id, created_at, updated_at)"
                " VALUES ('Füchse', 'Die Füchsin läuft über die Straße.', 'de', 'linkedin', 1, 'de-dialog-01', 1, ?, ?)",
                (NOW, NOW),
            )
            conn.execute(
                "INSERT INTO revisions (draft_id, label, text, created_at, language, platform, scores_json, findings_json)"
                " VALUES (1, 'v1', 'Die Füchsin', ?, 'de', 'linkedin', '{\"dialogue\": 40}', '[]')",
                (NOW,),
            )
            conn.execute("INSERT INTO settings (key, value) VALUES ('last_open_draft', '1')")
    finally:
        conn.close()


def version_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return read_version(conn)
    finally:
        conn.close()


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- registry


def test_schema_version_is_the_last_migration() -> None:
    assert SCHEMA_VERSION == latest_version() == max(MIGRATIONS) >= 2
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def test_a_number_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError):
        migrations.migration(1)(lambda conn: None)


# --------------------------------------------------------------------------- upgrading


def test_from_empty(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as s:
        rows = s.connection.execute("SELECT version, applied_at FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))
        assert all(r[1] for r in rows)
        tables = {r[0] for r in s.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"exercises", "sessions", "participants", "drafts", "revisions", "settings", "drafts_fts", "exercises_fts"} <= tables
    assert not list(tmp_path.glob("*.before-schema-*"))  # nothing to keep from an empty file


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / "resonanz.db"
    build(path, start)
    assert version_of(path) == start
    with Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert version_of(path) == SCHEMA_VERSION
        if start >= 1:  # the work in it is kept ...
            d = s.get_draft(1)
            assert (d.title, d.text, d.owner, d.exercise_id, d.session_id) == ("Füchse", "Die Füchsin läuft über die Straße.", 1, "de-dialog-01", 1)
            (rev,) = s.revisions(1)
            assert dict(rev.scores) == {"dialogue": 40}
            assert s.get_setting("last_open_draft") == 1
            assert s.session_attempts(1)[0].participant == "Ada"
            # ... and full-text search covers what was there before the FTS tables existed
            assert [x.id for x in s.list_drafts("fuchsin strasse")] == [1]
            assert [e.id for e in s.list_exercises(query="fuchsin")] == ["de-dialog-01"]
            # and keeps working for new rows
            new = s.create_draft("Ein Igel im Garten")
            assert [x.id for x in s.list_drafts("igel")] == [new]
    if start >= 1:  # an upgrade first copies the old database aside
        (copy,) = tmp_path.glob(f"resonanz.db.before-schema-{SCHEMA_VERSION}-*")
        assert version_of(copy) == start
        conn = sqlite3.connect(copy)
        assert conn.execute("SELECT text FROM drafts WHERE id = 1").fetchone()[0] == "Die Füchsin läuft über die Straße."
        conn.close()


def test_opening_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "resonanz.db"
    with Store(path):
        pass
    with Store(path) as s:
        assert s.connection.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "resonanz.db"
    build(path, 1)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("UPDATE drafts SET text = 'overwritten'")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION + 1, broken)
    with pytest.raises(MigrationError) as err:
        Store(path)
    msg = str(err.value)
    assert f"schema {SCHEMA_VERSION + 1} failed" in msg and "disk on fire" in msg and f"left at schema {SCHEMA_VERSION}" in msg
    assert "\n" not in msg and str(path) in msg
    # migrations before the broken one were applied and committed; the broken one left no trace
    assert version_of(path) == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    assert conn.execute("SELECT text FROM drafts").fetchone()[0] == "Die Füchsin läuft über die Straße."
    conn.close()
    monkeypatch.delitem(MIGRATIONS, SCHEMA_VERSION + 1)
    with Store(path) as s:  # the real code opens it fine afterwards
        assert s.get_draft(1).text == "Die Füchsin läuft über die Straße."


def test_a_migration_that_breaks_references_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "resonanz.db"
    build(path, SCHEMA_VERSION)

    def dangling(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM sessions")  # foreign keys are off while migrating: the runner checks itself

    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION + 1, dangling)
    with pytest.raises(MigrationError, match="broken references"):
        Store(path)
    assert version_of(path) == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    conn.close()


def test_a_new_migration_is_applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "resonanz.db"
    build(path, SCHEMA_VERSION)
    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION + 1, lambda conn: conn.execute("ALTER TABLE drafts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"))
    with Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION + 1
        assert s.connection.execute("SELECT pinned FROM drafts").fetchone()[0] == 0
        assert s.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # back on after migrating


def test_two_processes_opening_a_new_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "resonanz.db"
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_it() -> None:
        try:
            barrier.wait()
            with Store(path) as s:
                s.create_draft("hi")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(path) as s:
        assert s.connection.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
        assert len(s.list_drafts()) == 4


# --------------------------------------------------------------------------- refusals


def test_newer_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "resonanz.db"
    with Store(path) as s:
        s.create_draft("Arbeit aus der Zukunft")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (7, ?)", (NOW,))
    conn.close()
    before = files_in(tmp_path)
    with pytest.raises(NewerSchemaError) as err:
        Store(path)
    assert str(err.value) == f"{path} was written by a newer Resonanz (schema 7, this version knows {SCHEMA_VERSION}); it was not changed"
    assert isinstance(err.value, StorageError)
    assert files_in(tmp_path) == before
    assert version_of(path) == 7


def test_migrate_refuses_newer_too(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    migrate(conn)
    conn.execute("INSERT INTO schema_migrations VALUES (99, ?)", (NOW,))
    with pytest.raises(NewerSchemaError):
        migrate(conn)
    conn.close()


def _random_file(path: Path, n: int = 8192) -> bytes:
    data = random.Random(4).randbytes(n)
    path.write_bytes(data)
    return data


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(lambda p: _random_file(p), id="random-bytes"),
        pytest.param(lambda p: _random_file(p, 50), id="short-random"),
        pytest.param(lambda p: p.write_bytes(b"Liebe Leute,\nhier ist mein Post.\n" * 20), id="text-file"),
        pytest.param(lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(200)), id="bad-header"),
    ],
)
def test_not_a_database(tmp_path: Path, content) -> None:
    path = tmp_path / "resonanz.db"
    content(path)
    before = files_in(tmp_path)
    with pytest.raises(CorruptDatabaseError) as err:
        Store(path)
    msg = str(err.value)
    assert str(path) in msg and "\n" not in msg and "not changed" in msg
    assert files_in(tmp_path) == before  # not overwritten, truncated, deleted; no -wal/-shm created


def _real_db(path: Path) -> None:
    with Store(path) as s:
        for i in range(300):
            d = s.create_draft(f"Entwurf Nummer {i}: " + "Text " * 200, f"Titel {i}")
            s.save_revision(d, "Text " * 100, "v1", {"scores": {"dialogue": i % 100}, "findings": []})
    assert not Path(f"{path}-wal").exists()  # checkpointed on close


@pytest.mark.parametrize("keep", [0.5, 0.1, 0.9])
def test_truncated_database(tmp_path: Path, keep: float) -> None:
    path = tmp_path / "resonanz.db"
    _real_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep) // 4096 * 4096 + 17])
    before = files_in(tmp_path)
    with pytest.raises(CorruptDatabaseError, match="truncated") as err:
        Store(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)
    assert files_in(tmp_path) == before


def test_damaged_pages(tmp_path: Path) -> None:
    """Garbage in the middle of a real database (header intact): refused on open or on check, never rewritten."""
    path = tmp_path / "resonanz.db"
    _real_db(path)
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = random.Random(1).randbytes(4096 * 2)  # the schema's pages
    path.write_bytes(bytes(data))
    before = files_in(tmp_path)
    with pytest.raises(CorruptDatabaseError) as err:
        Store(path)
    assert str(path) in str(err.value)
    assert files_in(tmp_path) == before

