"""Issue 18: the database is touched only through SQLite, readers cannot hurt writers, files keep
the user's permissions, and every database fault ends in one line, never a traceback.

All on real files: a real second process holding the database open, real read-only mounts and
a real full disk (tests/mounts.py; skipped with the reason where mounting is not allowed).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from resonanz.core.storage import backup as bk
from resonanz.core.fileio import is_database_file, refuse_database_file
from resonanz.core.storage.dbopen import create_database
from resonanz.core.fileio import write_atomic
from resonanz.core.storage.store import (
    CorruptDatabaseError,
    DatabaseInUseError,
    EmptyDatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
    Store,
)

from mounts import readonly_folder

def make_db(path: Path, drafts: int = 3) -> Path:
    with Store(path) as s:
        for i in range(drafts):
            s.create_draft(f"Entwurf {i}: Was meint ihr dazu?", f"Titel {i}")
    return path


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RESONANZ_HOME"}
    env["RESONANZ_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "resonanz", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("resonanz: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


# A second program that keeps the database open the way the editor does: a Store, an autosave,
# then it waits. Its locks are what tells every other process "this WAL is in use".
HOLDER = textwrap.dedent(
    """
    import sys, time
    from resonanz.core.storage.store import Store
    s = Store(sys.argv[1])
    s.autosave(1, "vom anderen Prozess")
    print("open", flush=True)
    sys.stdin.readline()
    """
)


def in_use_elsewhere(db: Path) -> bool:
    """Ask from a third process (through SQLite) whether anybody still holds the database."""
    code = "import sys; from resonanz.core.storage.backup import in_use; print(in_use(sys.argv[1]))"
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60, check=True)
    return out.stdout.strip() == "True"


# --------------------------------------------------------------------------- 1. only SQLite opens it


OPEN_WATCH = textwrap.dedent(
    r"""
    # Runs in its own process: an audit hook (it can never be removed again) records every file
    # Python opens. The editor-side operations below must never open a database file that way.
    import os, sys
    from pathlib import Path
    home = Path(sys.argv[1])
    os.environ["RESONANZ_HOME"] = str(home)
    opened = []
    def hook(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            name = os.fsdecode(args[0])
            if ".db" in os.path.basename(name):
                opened.append(name)
    sys.addaudithook(hook)

    from resonanz.core.storage import backup
    from resonanz.core.reports import document as reports
    from resonanz.core.fileio import refuse_database_file
    from resonanz.core.fileio import write_atomic
    from resonanz.core.storage.store import Store, StorageError
    db = home / "resonanz.db"
    store = Store(db)                                   # the editor's own connection stays open
    draft = store.create_draft("Was würdet ihr anders machen?", "t")
    store.save_revision(draft, "Was würdet ihr anders machen?", "v1")
    backup.daily_backup(db, keep=3)                     # what the editor's backup thread runs
    backup.backup(db, home / "copy.db")
    backup.backup(store, home / "copy2.db")
    assert backup.check(db) == [], backup.check(db)
    backup.summary(db)
    backup.validate_backup(home / "copy.db")
    with Store(db, readonly=True) as ro:                # what `resonanz report` runs
        reports.build(ro, "draft", draft, "de", False)
    assert backup.in_use(home / "copy.db") is False
    for bad in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        try:
            write_atomic(bad, "x")
        except OSError:
            pass
        else:
            raise SystemExit(f"write_atomic replaced {bad}")
    try:
        backup.restore(home / "copy.db", db)            # refused: this process has it open
    except StorageError:
        pass
    store.autosave(draft, "noch da")
    store.close()
    mine = [p for p in opened if Path(p).name.startswith("resonanz.db")]
    print("OPENED", mine)
    """
)


def test_no_code_path_opens_the_database_file_outside_sqlite(tmp_path: Path) -> None:
    """The bug of issue 18: Python's open()/close() on resonanz.db drops the process's SQLite locks."""
    proc = subprocess.run([sys.executable, "-c", OPEN_WATCH, str(tmp_path)], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "OPENED []" in proc.stdout, proc.stdout


def test_the_editors_backup_and_checks_keep_its_locks(tmp_path: Path) -> None:
    """With a Store open, every in-process backup/check/report leaves our locks in place: another
    process still sees the database in use, and the WAL is never deleted under us."""
    db = make_db(tmp_path / "resonanz.db")
    with Store(db) as store:
        store.autosave(1, "getippt vor den Kopien")
        bk.daily_backup(db, tmp_path / "backups", keep=2)
        bk.backup(db, tmp_path / "b1.db")
        assert bk.check(db) == []
        bk.summary(db)
        with Store(db, readonly=True) as reader:
            assert reader.get_draft(1).text == "getippt vor den Kopien"
        assert in_use_elsewhere(db), "this process lost its locks on the database"
        assert Path(f"{db}-wal").exists()
        store.autosave(1, "getippt nach den Kopien")
        assert in_use_elsewhere(db)
    with Store(db, readonly=True) as after:
        assert after.get_draft(1).text == "getippt nach den Kopien"


def test_control_a_plain_open_and_close_does_drop_the_locks(tmp_path: Path) -> None:
    """Control for the test above: it notices the bug. One open()/close() of the database file in
    the process that holds a Store, and another process believes it is alone and deletes the WAL."""
    db = make_db(tmp_path / "resonanz.db")
    with Store(db) as store:
        store.autosave(1, "vor dem open()")
        assert in_use_elsewhere(db)
        with open(db, "rb") as fh:  # exactly what the old check_file did (and nothing in Resonanz may)
            fh.read(100)
        assert not in_use_elsewhere(db)
        assert not Path(f"{db}-wal").exists()  # the other process deleted our WAL


def test_database_files_are_refused_as_plain_files(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    with Store(db):
        for name in ("resonanz.db", "resonanz.db-wal", "resonanz.db-shm"):
            target = tmp_path / name
            assert is_database_file(target)
            with pytest.raises(OSError, match="Resonanz's database") as err:
                write_atomic(target, "überschrieben")
            assert "\n" not in str(err.value)
        assert is_database_file(tmp_path / "." / "resonanz.db")  # another spelling of the same file
    assert not is_database_file(tmp_path / "report.md")
    refuse_database_file(tmp_path / "report.md")  # no error
    with pytest.raises(OSError, match="only opened through SQLite"):
        refuse_database_file(tmp_path / "x.db", tmp_path / "x.db")
    assert Store(db, readonly=True).get_draft(1).text.startswith("Entwurf 0")


# --------------------------------------------------------------------------- 2. readers cannot hurt writers


KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE drafts SET text = 'nur im WAL' WHERE id = 1")
    os.kill(os.getpid(), signal.SIGKILL)  # a crash: the WAL stays, with the only copy of the text
    """
)


def test_a_read_only_reader_never_checkpoints_or_deletes_the_wal(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(db)], timeout=60, check=False)
    assert proc.returncode == -signal.SIGKILL
    wal = Path(f"{db}-wal")
    size = wal.stat().st_size
    assert size > 0
    with Store(db, readonly=True) as reader:  # what `resonanz report` and `db check` use
        assert reader.readonly and reader.get_draft(1).text == "nur im WAL"
        with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
            reader.autosave(1, "darf nicht")
        with pytest.raises(ReadOnlyDatabaseError):
            reader.create_draft("neu")
    assert bk.check(db) == []
    proc = run_cli(tmp_path, "report", "draft", "1", "--format", "md", "--db", str(db))
    assert proc.returncode == 0 and "nur im WAL" in proc.stdout, proc.stderr
    assert wal.exists() and wal.stat().st_size == size, "a reader folded or deleted the WAL"


def test_restore_is_refused_while_another_process_has_the_database_open(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = make_db(home / "resonanz.db")
    saved = bk.backup(db, tmp_path / "saved.db")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert bk.in_use(db)
        line = one_error_line(run_cli(home, "db", "restore", str(saved)))
        assert "in use" in line and str(db) in line
        with pytest.raises(DatabaseInUseError):
            bk.restore(saved, db)
        assert not list(home.glob("*.before-restore-*")) and not list(home.glob(".*restoring*"))
        assert Path(f"{db}-wal").exists()
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
    assert not bk.in_use(db)
    with Store(db, readonly=True) as s:
        assert s.get_draft(1).text == "vom anderen Prozess"  # the holder's work is all there
    assert run_cli(home, "db", "restore", str(saved)).returncode == 0  # closed: now it may


def test_in_use_changes_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    before = db.read_bytes()
    assert bk.in_use(db) is False
    assert db.read_bytes() == before
    assert bk.in_use(tmp_path / "missing.db") is False


# --------------------------------------------------------------------------- 4. the user's permissions


@pytest.fixture(params=[0o022, 0o027])
def umask(request: pytest.FixtureRequest):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_get_the_umask_not_the_temp_files_0600(tmp_path: Path, umask: int) -> None:
    expected = 0o666 & ~umask
    db = tmp_path / "resonanz.db"
    make_db(db)
    assert mode(db) == expected
    assert mode(write_atomic(tmp_path / "report.md", "# Bericht")) == expected
    assert mode(bk.backup(db, tmp_path / "backup.db")) == expected
    assert mode(bk.daily_backup(db, tmp_path / "daily", keep=2)) == expected
    from resonanz.core.exercises.library import builtin_exercises
    from resonanz.core.exercises.packs import export_pack

    assert mode(export_pack(builtin_exercises()[:2], tmp_path / "pack.resonanzpack")) == expected


def test_replacing_a_file_keeps_its_mode(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "privat.md"
    target.write_text("alt")
    os.chmod(target, 0o600)
    write_atomic(target, "neu")
    assert mode(target) == 0o600 and target.read_text() == "neu"
    db = make_db(tmp_path / "resonanz.db")
    saved = bk.backup(db, tmp_path / "saved.db")
    os.chmod(db, 0o640)
    bk.restore(saved, db)
    assert mode(db) == 0o640  # the restored database keeps the permissions the old one had
    os.chmod(db, 0o644)
    bk.restore(saved, db)
    assert mode(db) == 0o644


def test_cli_report_file_gets_the_umask(tmp_path: Path) -> None:
    db = make_db(tmp_path / "resonanz.db")
    out = tmp_path / "bericht.md"
    code = "import os, sys; os.umask(0o022); from resonanz.core.cli.commands import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", code, "report", "draft", "1", "--db", str(db), "-o", str(out)], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert mode(out) == 0o644


# --------------------------------------------------------------------------- 5. faults: one line, never a traceback


def damage_middle(db: Path, seed: int = 7) -> bytes:
    """Garbage over pages in the middle of the file; the 100-byte header stays intact."""
    data = bytearray(db.read_bytes())
    assert len(data) > 4 * 4096
    start = (len(data) // 2) // 4096 * 4096
    data[start : start + 8192] = random.Random(seed).randbytes(8192)
    db.write_bytes(bytes(data))
    return bytes(data)


def test_garbage_in_the_middle_is_refused_at_open_and_the_file_is_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "resonanz.db"
    with Store(db) as s:
        for i in range(400):
            s.create_draft(f"Entwurf {i}: " + "Was meint ihr? " * 20, f"T{i}")
    damaged = damage_middle(db)
    with pytest.raises(CorruptDatabaseError, match="damaged") as err:
        Store(db)
    assert str(db) in str(err.value) and "\n" not in str(err.value)
    for args in (("report", "draft", "1", "--format", "md"), ("db", "check"), ("db", "backup", str(tmp_path / "b.db"))):
        line = one_error_line(run_cli(home, *args))
        assert str(db) in line and "damaged" in line, args
    assert db.read_bytes() == damaged and not (tmp_path / "b.db").exists()


def test_a_page_that_breaks_after_opening_is_one_line_in_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Damage found half-way through a report (not at open): still one line, exit 2."""
    home = tmp_path / "home"
    home.mkdir()
    db = make_db(home / "resonanz.db")
    code = textwrap.dedent(
        """
        import sqlite3, sys
        from resonanz.core.reports import document as reports
        def broken(*a, **k):
            raise sqlite3.DatabaseError("database disk image is malformed")
        reports.build = broken
        from resonanz.core.cli.commands import main
        sys.exit(main(sys.argv[1:]))
        """
    )
    env = {**os.environ, "RESONANZ_HOME": str(home)}
    proc = subprocess.run([sys.executable, "-c", code, "report", "draft", "1"], capture_output=True, text=True, timeout=60, env=env, check=False)
    line = one_error_line(proc)
    assert "damaged" in line and str(db) in line


def test_an_empty_file_is_one_rule_everywhere(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "resonanz.db"
    db.write_bytes(b"")
    with pytest.raises(EmptyDatabaseError):
        Store(db)
    assert bk.check(db) == [f"{db} is empty (0 bytes), not a Resonanz database; it was not changed"]
    for args in (("db", "check"), ("report", "draft", "1"), ("db", "backup", str(tmp_path / "b.db"))):
        assert "empty (0 bytes)" in one_error_line(run_cli(home, *args)), args
    assert db.read_bytes() == b"" and sorted(p.name for p in home.iterdir()) == ["resonanz.db"]


def test_a_new_database_is_created_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Resonanz never leaves a 0-byte resonanz.db: it is built aside and linked into place."""
    from resonanz.core.storage import migrations

    def fail(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "migrate", fail)
    with pytest.raises(StorageError, match="full"):
        Store(tmp_path / "resonanz.db")
    assert list(tmp_path.iterdir()) == []  # no half-made file, no temp file
    monkeypatch.undo()
    assert create_database(tmp_path / "resonanz.db") is True
    assert create_database(tmp_path / "resonanz.db") is False  # another process was first: kept
    with Store(tmp_path / "resonanz.db") as s:
        assert s.list_drafts() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resonanz.db"]


def test_read_only_folder_with_a_database(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = make_db(home / "resonanz.db")  # closed cleanly: no -wal/-shm left, as after a normal quit
    assert sorted(p.name for p in home.iterdir()) == ["resonanz.db"]
    with readonly_folder(home):
        with Store(db) as s:  # the editor's call: it cannot write here, so it reads
            assert s.readonly and "read-only" in s.read_only_reason
            assert [d.title for d in s.list_drafts()] == ["Titel 2", "Titel 1", "Titel 0"]
            with pytest.raises(ReadOnlyDatabaseError, match="nothing was saved"):
                s.autosave(1, "x")
        assert bk.check(db) == []
        proc = run_cli(home, "db", "check")
        assert proc.returncode == 0 and "3 drafts" in proc.stdout, proc.stderr
        proc = run_cli(home, "report", "draft", "1", "--format", "md")
        assert proc.returncode == 0 and "Was meint ihr dazu?" in proc.stdout, proc.stderr
        proc = run_cli(home, "db", "backup", str(tmp_path / "elsewhere.db"))
        assert proc.returncode == 0 and (tmp_path / "elsewhere.db").exists(), proc.stderr
        assert "Read-only file system" in one_error_line(run_cli(home, "db", "backup"))  # into the read-only folder
    assert sorted(p.name for p in home.iterdir()) == ["resonanz.db"]


def test_read_only_folder_without_a_database(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with readonly_folder(home):
        with pytest.raises(StorageError, match="read-only") as err:
            Store(home / "resonanz.db")
        assert "\n" not in str(err.value) and "cannot create" in str(err.value)
        assert "not found" in one_error_line(run_cli(home, "db", "check"))
        assert "not found" in one_error_line(run_cli(home, "report", "draft", "1"))
    assert list(home.iterdir()) == []
