"""Backups on real files: online copies while writing, daily rotation, restore that keeps the old db, check."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from resonanz.core.storage.backup import (
    backup,
    backups_dir,
    check,
    daily_backup,
    restore,
    summary,
    validate_backup,
)
from resonanz.core.storage.migrations import SCHEMA_VERSION, migrate, read_version
from resonanz.core.storage.store import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotFoundError,
    StorageError,
    Store,
)


def make_db(path: Path, drafts: int = 3, word: str = "Original") -> Path:
    with Store(path) as s:
        for i in range(drafts):
            d = s.create_draft(f"{word} Entwurf {i}", f"{word} {i}")
            s.save_revision(d, f"{word} Entwurf {i}", "v1", {"scores": {"dialogue": 50 + i}, "findings": []})
    return path


def texts(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM drafts ORDER BY id")]
    finally:
        conn.close()


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- backup


def test_backup_of_a_store(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    with Store(db) as s:
        s.autosave(1, "noch nicht eingecheckt")  # lives in the WAL only
        out = backup(s, tmp_path / "copy.db")
    assert out == tmp_path / "copy.db"
    assert texts(out) == ["noch nicht eingecheckt", "Original Entwurf 1", "Original Entwurf 2"]
    assert not Path(f"{out}-wal").exists()
    assert out.read_bytes()[18:20] == b"\x01\x01"  # rollback-journal mode: one self-contained file
    assert check(out) == []
    with Store(out) as s:  # a backup opens as a normal database
        assert len(s.revisions(1)) == 1
    assert not list(tmp_path.glob(".*.part"))


def test_backup_of_a_file_and_into_a_folder(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    before = db.read_bytes()
    out = backup(db, tmp_path / "backups")  # folder does not exist yet: a file of that name is written
    assert out == tmp_path / "backups" and texts(out) == texts(db)
    folder = tmp_path / "folder"
    folder.mkdir()
    a = backup(db, folder)
    b = backup(db, folder)
    assert a.parent == folder and a.name.startswith("resonanz-") and a != b
    assert db.read_bytes() == before


def test_copies_made_at_the_same_moment_do_not_trip_over_each_other(tmp_path: Path) -> None:
    """Several processes opening an old database at once each copy it aside before upgrading.
    Each copy works in a temporary file of its own; a name taken meanwhile is refused, never
    overwritten (this used to share one '.part' file and fail now and then with an I/O error)."""
    from resonanz.core.storage.backup import BackupExistsError, copy_database

    db = make_db(tmp_path / "resonanz.db")
    barrier = threading.Barrier(6)
    results: list[object] = []

    def copy(n: int) -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        try:
            barrier.wait()
            results.append(copy_database(conn, tmp_path / ("same.db" if n < 3 else f"own-{n}.db")))
        except BaseException as exc:  # noqa: BLE001
            results.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=copy, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    errors = [r for r in results if isinstance(r, BaseException)]
    assert len(errors) == 2 and all(isinstance(e, BackupExistsError) for e in errors), results  # 3 wanted "same.db"
    for name in ("same.db", "own-3.db", "own-4.db", "own-5.db"):
        with sqlite3.connect(tmp_path / name) as check:
            assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert not list(tmp_path.glob(".*.part"))


def test_backup_never_overwrites(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    precious = tmp_path / "precious.db"
    precious.write_bytes(b"my other work")
    with pytest.raises(StorageError, match="already exists"):
        backup(db, precious)
    assert precious.read_bytes() == b"my other work"
    with pytest.raises(StorageError):
        backup(db, db)


def test_backup_of_a_bad_source(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        backup(tmp_path / "missing.db", tmp_path / "out.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(random.Random(0).randbytes(5000))
    with pytest.raises(CorruptDatabaseError):
        backup(junk, tmp_path / "out.db")
    assert not (tmp_path / "out.db").exists()


def test_backup_while_another_connection_writes(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db", drafts=1)
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with Store(db) as s:
                n = 0
                while not stop.is_set() or n < 50:
                    s.autosave(1, f"write {n} " + "x" * 2000)
                    s.save_revision(1, f"write {n}", f"r{n}")
                    written.append(n)
                    n += 1
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=writer)
    t.start()
    outs = []
    with Store(db) as reader:
        while len(written) < 5:
            time.sleep(0.001)
        for i in range(5):
            outs.append(backup(reader, tmp_path / f"b{i}.db"))
    stop.set()
    t.join()
    assert errors == []
    for out in outs:
        assert check(out) == []
        conn = sqlite3.connect(out)
        labels = [r[0] for r in conn.execute("SELECT label FROM revisions ORDER BY id")][1:]
        text = conn.execute("SELECT text FROM drafts WHERE id = 1").fetchone()[0]
        conn.close()
        # a consistent snapshot: revisions r0..rN without gaps, and the draft text of that moment
        assert labels == [f"r{n}" for n in range(len(labels))]
        # autosave n and revision rn are two transactions: the snapshot may fall between them
        assert text.split(" ")[:2] in (["write", str(len(labels) - 1)], ["write", str(len(labels))])


# --------------------------------------------------------------------------- daily


def test_daily_backup_once_a_day_and_pruned(tmp_path: Path, _isolated_home: Path) -> None:
    db = make_db(_isolated_home / "resonanz.db")
    folder = backups_dir()
    assert folder == _isolated_home / "backups"
    folder.mkdir()
    for day in range(1, 11):  # ten older daily backups
        (folder / f"resonanz-2020-01-{day:02d}.db").write_bytes(b"old")
    (folder / "resonanz-2020-01-01-120000.db").write_bytes(b"manual backup")  # not a daily: never pruned
    (folder / "notes.txt").write_text("mine")
    made = daily_backup(db)
    today = folder / f"resonanz-{date.today().isoformat()}.db"
    assert made == today and texts(today) == texts(db)
    assert daily_backup(db) is None  # once per day
    dailies = sorted(p.name for p in folder.glob("resonanz-????-??-??.db"))
    assert dailies == [f"resonanz-2020-01-{d:02d}.db" for d in range(5, 11)] + [today.name]
    assert (folder / "resonanz-2020-01-01-120000.db").exists() and (folder / "notes.txt").exists()
    daily_backup(db, keep=2)
    assert sorted(p.name for p in folder.glob("resonanz-????-??-??.db")) == ["resonanz-2020-01-10.db", today.name]


def test_daily_backup_other_folder_and_no_db(tmp_path: Path) -> None:
    assert daily_backup(tmp_path / "none.db", tmp_path / "b") is None
    db = make_db(tmp_path / "resonanz.db")
    out = daily_backup(db, tmp_path / "b", keep=1)
    assert out is not None and out.parent == tmp_path / "b"
    with pytest.raises(ValueError):
        daily_backup(db, tmp_path / "b", keep=0)


# --------------------------------------------------------------------------- restore


def test_restore_keeps_the_previous_database(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db", word="Alt")
    saved = backup(db, tmp_path / "saved.db")
    with Store(db) as s:
        s.autosave(1, "neuer als die Sicherung")
        s.create_draft("nur im aktuellen Stand")
    current = texts(db)
    aside = restore(saved, db)
    assert aside is not None and aside.name.startswith("resonanz.db.before-restore-")
    assert texts(db) == texts(saved) == ["Alt Entwurf 0", "Alt Entwurf 1", "Alt Entwurf 2"]
    assert texts(aside) == current  # the previous database, complete
    with Store(db) as s:
        assert [x.id for x in s.list_drafts("alt")] == [3, 2, 1]
    assert saved.exists()  # the backup itself stays
    again = restore(saved, db)  # a second restore keeps another copy
    assert again != aside and again.exists() and aside.exists()


def test_restore_keeps_unsaved_wal_content_of_the_previous_db(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    saved = backup(db, tmp_path / "saved.db")
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE drafts SET text = 'only in the WAL' WHERE id = 1")
    writer.close()  # last connection: checkpoints
    aside = restore(saved, db)
    assert texts(aside)[0] == "only in the WAL"
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


def test_restore_into_an_empty_place(tmp_path: Path) -> None:
    saved = make_db(tmp_path / "saved.db")
    target = tmp_path / "new" / "resonanz.db"
    assert restore(saved, target) is None
    assert texts(target) == texts(saved)


def test_restore_an_older_schema_upgrades_on_open(tmp_path: Path) -> None:
    old = tmp_path / "v1.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, target=1)
    conn.execute("INSERT INTO drafts (title, text, created_at, updated_at) VALUES ('t', 'Füchsin', 'x', 'x')")
    conn.close()
    db = make_db(tmp_path / "resonanz.db")
    restore(old, db)
    with Store(db) as s:
        assert s.schema_version == SCHEMA_VERSION and [x.id for x in s.list_drafts("fuchsin")] == [1]


@pytest.mark.parametrize("kind", ["missing", "random", "truncated", "newer", "foreign", "empty"])
def test_restore_refuses_bad_backups_and_changes_nothing(tmp_path: Path, kind: str) -> None:
    live = tmp_path / "live"
    live.mkdir()
    db = make_db(live / "resonanz.db")
    bad = tmp_path / "bad.db"
    if kind == "random":
        bad.write_bytes(random.Random(3).randbytes(10000))
    elif kind == "truncated":
        good = backup(make_db(tmp_path / "big.db", drafts=200), tmp_path / "good.db")
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif kind == "newer":
        backup(db, bad)
        c = sqlite3.connect(bad)
        c.execute("INSERT INTO schema_migrations VALUES (7, 'x')")
        c.commit()
        c.close()
    elif kind == "foreign":
        c = sqlite3.connect(bad)
        c.execute("CREATE TABLE t (x)")
        c.close()
    elif kind == "empty":
        bad.write_bytes(b"")
    before = files_in(live)
    expected = {"missing": NotFoundError, "newer": NewerSchemaError, "foreign": StorageError}.get(kind, CorruptDatabaseError)
    with pytest.raises(expected) as err:
        restore(bad, db)
    assert "\n" not in str(err.value) and str(bad) in str(err.value)
    assert files_in(live) == before


def test_restore_refused_while_the_database_is_open(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    saved = backup(db, tmp_path / "saved.db")
    with Store(db) as s:
        s.autosave(1, "offen im Editor")
        with pytest.raises(StorageError, match="in use"):
            restore(saved, db)
        assert s.get_draft(1).text == "offen im Editor"
    assert texts(db)[0] == "offen im Editor"
    assert not list(tmp_path.glob("*.before-restore-*")) and not list(tmp_path.glob(".*restoring*"))


def test_restore_replaces_a_corrupt_database_and_keeps_it(tmp_path: Path) -> None:
    saved = make_db(tmp_path / "saved.db")
    db = tmp_path / "resonanz.db"
    junk = random.Random(5).randbytes(3000)
    db.write_bytes(junk)
    aside = restore(saved, db)
    assert aside is not None and aside.read_bytes() == junk
    assert check(db) == []


def test_validate_backup(tmp_path: Path) -> None:
    assert validate_backup(make_db(tmp_path / "x.db")) == SCHEMA_VERSION


# --------------------------------------------------------------------------- check


def test_check_healthy_and_read_only(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    before = db.read_bytes()
    assert check(db) == []
    assert db.read_bytes() == before
    assert "ok, schema" in summary(db) and "3 drafts" in summary(db)


def test_check_default_path(_isolated_home: Path) -> None:
    assert check() == [f"database not found: {_isolated_home / 'resonanz.db'}"]
    make_db(_isolated_home / "resonanz.db")
    assert check() == []


def test_check_finds_problems(tmp_path: Path) -> None:
    assert check(tmp_path / "nope.db") == [f"database not found: {tmp_path / 'nope.db'}"]
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"hello world" * 100)
    (msg,) = check(junk)
    assert str(junk) in msg and "not an SQLite file" in msg

    db = make_db(tmp_path / "resonanz.db")
    c = sqlite3.connect(db)
    c.execute("PRAGMA foreign_keys = OFF")
    c.execute("INSERT INTO revisions (draft_id, text, created_at, language, platform) VALUES (999, 'x', 'x', 'de', 'x')")
    c.commit()
    c.close()
    (msg,) = check(db)
    assert "revisions row" in msg and "drafts" in msg

    newer = make_db(tmp_path / "newer.db")
    c = sqlite3.connect(newer)
    c.execute("INSERT INTO schema_migrations VALUES (7, 'x')")
    c.commit()
    c.close()
    (msg,) = check(newer)
    assert "newer Resonanz (schema 7" in msg

    damaged = make_db(tmp_path / "damaged.db", drafts=300)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 8192] = random.Random(2).randbytes(8192)
    damaged.write_bytes(bytes(data))
    before = damaged.read_bytes()
    problems = check(damaged)
    assert problems and all(str(damaged) in p for p in problems)
    assert damaged.read_bytes() == before


def test_check_older_schema_is_not_a_problem(tmp_path: Path) -> None:
    old = tmp_path / "v1.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, target=1)
    conn.close()
    assert check(old) == []
    assert f"upgraded to schema {SCHEMA_VERSION}" in summary(old)
    conn = sqlite3.connect(old)
    assert read_version(conn) == 1  # check and summary did not upgrade it
    conn.close()
