"""Backups of Resonanz's database: copy, daily rotation, restore and a health check.

- Copies are made with SQLite's online backup API (``sqlite3.Connection.backup``): a consistent
  snapshot even while another connection writes. Each copy is written to a hidden ``.part`` file,
  checked (``PRAGMA quick_check``), switched to a single-file journal mode and only then renamed
  into place, so a backup file either is complete or does not exist. A backup never overwrites
  an existing file.
- `restore` validates the backup first, refuses while the database is open elsewhere, and moves
  the current database aside as ``resonanz.db.before-restore-<time>`` (with its -wal/-shm files):
  nothing is ever deleted.
- `check` opens the file read-only: it cannot change it (SQLite may leave empty ``-wal``/``-shm``
  files next to a WAL database, as any reader does).
- Nothing here opens a database file with anything but SQLite (see `resonanz.core.storage.dbopen` for
  why that matters while an editor has it open), and every file made here gets the same
  permissions as any other file the user creates (the umask), not the private temp-file mode.

The only files this module deletes are its own ``.part`` leftovers and daily backups beyond `keep`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any, Union

from resonanz.core.fileio import apply_default_mode, side_files
from resonanz.core.paths import default_db_path
from resonanz.core.plural import plural_form
from resonanz.core.storage.dbopen import (
    DatabaseInUseError,
    connect,
    inspect_version,
    open_for_reading,
    probe,
    sqlite_problem,
    stat_database,
)
from resonanz.core.storage.migrations import (
    CorruptDatabaseError,
    NotFoundError,
    StorageError,
    latest_version,
)

PathLike = Union[str, "os.PathLike[str]"]
DAILY = re.compile(r"^resonanz-(\d{4}-\d{2}-\d{2})\.db$")


def backups_dir() -> Path:
    """Where backups go by default: <data dir>/backups."""
    from resonanz.core.paths import data_dir

    return data_dir() / "backups"


def _unlink_quiet(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _sync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class BackupExistsError(StorageError):
    """The backup's file name is taken: a backup never overwrites a file."""


def copy_database(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database behind `conn` into the new file `dest`: backup API, checked, atomic.

    The copy is made in a temporary file of its own (several processes may copy at once) and
    then linked to `dest`, which fails instead of overwriting when `dest` appeared meanwhile."""
    import tempfile

    dest = Path(dest)
    if dest.exists():
        raise BackupExistsError(f"{dest} already exists; a backup never overwrites a file")
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    part = Path(name)
    try:
        out = sqlite3.connect(str(part), isolation_level=None)
        try:
            conn.backup(out)  # all pages in one step: one consistent snapshot
            out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal
            status = [r[0] for r in out.execute("PRAGMA quick_check")]
        finally:
            out.close()
        if status != ["ok"]:
            raise CorruptDatabaseError(f"the copy for {dest} failed its check ({status[0]}); it was not written")
        apply_default_mode(part)  # mkstemp made it private (0600); a backup is an ordinary file of the user's
        _publish_no_overwrite(part, dest)
        _sync_dir(dest.parent)
    except sqlite3.Error as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (11, 26):  # CORRUPT, NOTADB: the source is damaged
            raise  # the caller knows which file that is (see `backup`)
        raise StorageError(f"cannot write the backup {dest}: {exc}") from None
    finally:
        _unlink_quiet(part)
    return dest


def _publish_no_overwrite(part: Path, dest: Path) -> None:
    """Give the finished copy its name, never replacing a file that took the name meanwhile."""
    try:
        os.link(part, dest)  # atomic, and fails if dest exists
    except FileExistsError:
        raise BackupExistsError(f"{dest} already exists; a backup never overwrites a file") from None
    except OSError:  # a file system without hard links: check, then rename
        if dest.exists():
            raise BackupExistsError(f"{dest} already exists; a backup never overwrites a file") from None
        os.replace(part, dest)


def _free_name(path: Path) -> Path:
    """`path`, or `path` with -2, -3, … added before the suffix, whichever does not exist yet."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


def _open_source(source: Path) -> sqlite3.Connection:
    """A read-only connection to an existing database file, checked through SQLite only."""
    st = stat_database(source)
    if st is None:
        raise NotFoundError(f"database not found: {source}")
    try:
        conn = open_for_reading(source)
    except sqlite3.Error as exc:
        raise sqlite_problem(str(source), exc) from None
    try:
        probe(conn, source, full=False)  # the copy gets its own quick_check
    except BaseException:
        conn.close()
        raise
    return conn


def backup(store_or_path: Any, dest: PathLike) -> Path:
    """Write a consistent copy of a Store's or a database file's data to `dest` (a new file or a folder).

    Only SQLite's online backup API reads the source: safe while an editor writes to it."""
    dest = Path(dest)
    if dest.is_dir():
        dest = _free_name(dest / f"resonanz-{datetime.now():%Y-%m-%d-%H%M%S}.db")
    if hasattr(store_or_path, "connection"):  # a Store (duck-typed: this module sits below storage)
        source, conn, owned = store_or_path.path, store_or_path.connection, False
    else:
        source = Path(store_or_path)
        conn, owned = _open_source(source), True
    try:
        if source is not None and dest.exists() and dest.resolve() == source.resolve():
            raise StorageError(f"{dest} is the database itself; choose another file for the backup")
        try:
            return copy_database(conn, dest)
        except sqlite3.Error as exc:
            raise sqlite_problem(str(source or ":memory:"), exc) from None
    finally:
        if owned:
            conn.close()


def daily_backup(db_path: PathLike | None = None, folder: PathLike | None = None, keep: int = 7) -> Path | None:
    """Back up once per day to <folder>/resonanz-YYYY-MM-DD.db and keep the newest `keep` of them.

    Returns the new file, or None if today's backup exists already or there is no database yet.
    Only files named exactly like daily backups are ever pruned.
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    db = Path(db_path) if db_path is not None else default_db_path()
    folder = Path(folder) if folder is not None else backups_dir()
    if not db.exists() or db.stat().st_size == 0:
        return None
    today = folder / f"resonanz-{date.today().isoformat()}.db"
    made = None if today.exists() else backup(db, today)
    dailies = sorted((p for p in folder.iterdir() if DAILY.match(p.name) and p.is_file()), key=lambda p: p.name, reverse=True)
    for old in dailies[keep:]:
        if old != today:
            _unlink_quiet(old)
    return made


def validate_backup(backup_file: PathLike) -> int:
    """Raise unless `backup_file` is an intact Resonanz database this version can use; returns its schema."""
    src = Path(backup_file)
    if not src.is_file():
        raise NotFoundError(f"backup not found: {src}" if not src.exists() else f"{src} is not a file")
    stat_database(src)  # refuses a folder, an unreadable or a 0-byte file before SQLite sees it
    try:
        conn = open_for_reading(src)
        probe(conn, src, full=False)  # integrity_check below is the thorough one
    except sqlite3.Error as exc:
        raise sqlite_problem(str(src), exc) from None
    try:
        try:
            status = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        except sqlite3.Error as exc:
            raise sqlite_problem(str(src), exc) from None
        if status != ["ok"]:
            raise CorruptDatabaseError(f"{src} is damaged ({status[0]}); nothing was restored")
        version = inspect_version(conn, str(src))
        if version == 0:
            raise StorageError(f"{src} is an empty database, not a Resonanz backup")
        return version
    finally:
        conn.close()


def _quiesce(db: Path) -> None:
    """Make sure nobody has `db` open, then fold a healthy database's WAL into it.

    SQLite itself answers "is an editor (or anyone) using it?" (`in_use`): no PID file, no
    guessing. A damaged database is not written to at all: it is moved aside exactly as it is,
    together with its -wal/-shm, where SQLite will find them."""
    try:
        stat_database(db)
        busy = in_use(db)
    except StorageError:
        return  # empty or not SQLite at all: nothing can have it open; move it aside as it is
    if busy:
        raise DatabaseInUseError(f"{db} is in use (an open Resonanz editor or another program; close it first); nothing was restored")
    try:
        reader = open_for_reading(db)
        try:
            healthy = [r[0] for r in reader.execute("PRAGMA quick_check(1)")] == ["ok"]
        finally:
            reader.close()
    except sqlite3.Error:
        healthy = False
    if not healthy:
        return
    conn = connect(db)
    try:
        conn.execute("PRAGMA busy_timeout = 1000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() == "wal":  # somebody opened it in the meantime
            raise DatabaseInUseError(f"{db} is in use (an open Resonanz editor or another program; close it first); nothing was restored")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseInUseError(f"{db} is in use (an open Resonanz editor or another program; close it first); nothing was restored") from None
        raise sqlite_problem(str(db), exc) from None
    finally:
        conn.close()


def in_use(db_path: PathLike | None = None) -> bool:
    """True while another connection (an open editor, a running report) has the database open.

    Asked of SQLite: taking an exclusive lock fails while anyone else holds theirs. Changes nothing."""
    db = Path(db_path) if db_path is not None else default_db_path()
    if stat_database(db) is None:
        return False
    conn = connect(db)
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("PRAGMA journal_mode").fetchone()  # reads the header: NOTADB for a file that is not SQLite
        # Every open connection holds a shared lock on the database file (in WAL mode for as long
        # as it is open): exclusive locking mode asks for the exclusive lock, which SQLite grants
        # only to the last connection, the same test SQLite makes before it deletes a WAL.
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.Error as exc:
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            return True
        raise sqlite_problem(str(db), exc) from None
    finally:
        conn.close()


def restore(backup_file: PathLike, db_path: PathLike | None = None) -> Path | None:
    """Replace the database with a validated backup; returns where the previous database was moved (or None)."""
    src = Path(backup_file)
    db = Path(db_path) if db_path is not None else default_db_path()
    validate_backup(src)
    if db.exists() and db.resolve() == src.resolve():
        raise StorageError(f"{src} is the database itself; nothing was restored")
    db.parent.mkdir(parents=True, exist_ok=True)
    incoming = db.with_name(f".{db.name}.restoring")
    _unlink_quiet(incoming)
    conn = open_for_reading(src)
    try:
        copy_database(conn, incoming)
    finally:
        conn.close()
    if db.exists():
        apply_default_mode(incoming, like=db)  # the restored database keeps the permissions the old one had
    aside: Path | None = None
    moved: list[tuple[Path, Path]] = []
    try:
        if db.exists():
            _quiesce(db)
            aside = _free_name(db.with_name(f"{db.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}"))
            for old in (db, *side_files(db)):  # SQLite finds "<aside>-wal" next to "<aside>"
                if old.exists():
                    new = Path(f"{aside}{old.name[len(db.name):]}")
                    os.rename(old, new)
                    moved.append((new, old))
        os.replace(incoming, db)
        _sync_dir(db.parent)
    except BaseException as exc:
        for new, old in reversed(moved):  # put the previous database back
            if not old.exists():
                os.rename(new, old)
        _unlink_quiet(incoming)
        if isinstance(exc, OSError):
            raise StorageError(f"cannot replace {db}: {exc.strerror or exc}; nothing was restored") from None
        raise
    return aside


def check(db_path: PathLike | None = None) -> list[str]:
    """Problems of a database file, one line each (integrity, references, schema); [] = healthy."""
    db = Path(db_path) if db_path is not None else default_db_path()
    try:
        st = stat_database(db)
    except StorageError as exc:
        return [str(exc)]
    if st is None:
        return [f"database not found: {db}"]
    try:
        conn = open_for_reading(db)
    except sqlite3.Error as exc:
        return [str(sqlite_problem(str(db), exc))]
    try:
        try:
            probe(conn, db, full=False)  # integrity_check below is the thorough one
        except StorageError as exc:
            return [str(exc)]
        problems: list[str] = []
        status = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        if status != ["ok"]:
            problems += [f"{db}: damaged: {line}" for line in status]
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchmany(20):
            problems.append(f"{db}: {table} row {rowid} refers to a missing {parent} row")
        return problems
    except sqlite3.Error as exc:
        return [str(sqlite_problem(str(db), exc))]
    finally:
        conn.close()


def summary(db_path: PathLike | None = None) -> str:
    """One line about a healthy database: schema and how many drafts, revisions, exercises, sessions."""
    db = Path(db_path) if db_path is not None else default_db_path()
    conn = open_for_reading(db)
    try:
        version = inspect_version(conn, str(db))
        if version == 0:
            return f"{db}: empty (Resonanz sets it up when it opens it)"

        def count(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        drafts = count("SELECT count(*) FROM drafts")
        trash = count("SELECT count(*) FROM drafts WHERE deleted_at IS NOT NULL")
        upgrade = "" if version == latest_version() else f" (upgraded to schema {latest_version()} when Resonanz next opens it)"
        def counted(n: int, noun: str) -> str:  # "1 draft", "1,204 drafts"
            return f"{n:,} {plural_form(n, noun, noun + 's')}"

        return (
            f"{db}: ok, schema {version}{upgrade}; {counted(drafts, 'draft')} ({trash:,} in the trash), "
            f"{counted(count('SELECT count(*) FROM revisions'), 'revision')}, {counted(count('SELECT count(*) FROM exercises'), 'exercise')}, "
            f"{counted(count('SELECT count(*) FROM sessions'), 'session')}"
        )
    finally:
        conn.close()


__all__ = ["backup", "backups_dir", "check", "copy_database", "daily_backup", "in_use", "restore", "summary", "validate_backup"]
