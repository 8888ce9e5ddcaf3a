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

The only files this module deletes are its own ``.part`` leftovers and daily backups beyond `keep`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Union

from resonanz.core.migrations import (
    CorruptDatabaseError,
    NotFoundError,
    StorageError,
    latest_version,
)
from resonanz.core.storage import (
    Store,
    check_file,
    connect_readonly,
    default_db_path,
    inspect_version,
    sqlite_problem,
)

PathLike = Union[str, "os.PathLike[str]"]
DAILY = re.compile(r"^resonanz-(\d{4}-\d{2}-\d{2})\.db$")


def backups_dir() -> Path:
    """Where backups go by default: <data dir>/backups."""
    from resonanz.core.packs import data_dir

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
        _publish_no_overwrite(part, dest)
        _sync_dir(dest.parent)
    except sqlite3.Error as exc:
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


def backup(store_or_path: Store | PathLike, dest: PathLike) -> Path:
    """Write a consistent copy of a Store's or a database file's data to `dest` (a new file or a folder)."""
    dest = Path(dest)
    if dest.is_dir():
        dest = _free_name(dest / f"resonanz-{datetime.now():%Y-%m-%d-%H%M%S}.db")
    if isinstance(store_or_path, Store):
        source, conn, owned = store_or_path.path, store_or_path.connection, False
    else:
        source = Path(store_or_path)
        check_file(source)
        if source.stat().st_size == 0:
            raise StorageError(f"{source} is empty: there is nothing to back up")
        try:
            conn, owned = connect_readonly(source), True
        except sqlite3.Error as exc:
            raise sqlite_problem(str(source), exc) from None
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
    check_file(src)
    if src.stat().st_size == 0:
        raise CorruptDatabaseError(f"{src} is empty, not a Resonanz backup")
    try:
        conn = connect_readonly(src)
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
    """Fold the WAL into `db` and switch it out of WAL mode; fails if another connection has it open."""
    try:
        check_file(db)
    except CorruptDatabaseError:
        return  # damaged: move it aside exactly as it is
    conn = sqlite3.connect(str(db), timeout=1.0, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StorageError(f"{db} is in use (close Resonanz first); nothing was restored") from None
        # anything else (a damaged page, say): move it aside as it is
    except sqlite3.DatabaseError:
        pass
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
    conn = connect_readonly(src)
    try:
        copy_database(conn, incoming)
    finally:
        conn.close()
    aside: Path | None = None
    moved: list[tuple[Path, Path]] = []
    try:
        if db.exists():
            _quiesce(db)
            aside = _free_name(db.with_name(f"{db.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}"))
            for suffix in ("", "-wal", "-shm", "-journal"):  # SQLite finds "<aside>-wal" next to "<aside>"
                old = Path(f"{db}{suffix}")
                if old.exists():
                    new = Path(f"{aside}{suffix}")
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
    if not db.exists():
        return [f"database not found: {db}"]
    try:
        check_file(db)
    except StorageError as exc:
        return [str(exc)]
    if db.stat().st_size == 0:
        return [f"{db} is empty, not a Resonanz database"]
    try:
        conn = connect_readonly(db)
    except sqlite3.Error as exc:
        return [str(sqlite_problem(str(db), exc))]
    try:
        try:
            inspect_version(conn, str(db))
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
    conn = connect_readonly(db)
    try:
        version = inspect_version(conn, str(db))
        if version == 0:
            return f"{db}: empty (Resonanz sets it up when it opens it)"

        def count(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        drafts = count("SELECT count(*) FROM drafts")
        trash = count("SELECT count(*) FROM drafts WHERE deleted_at IS NOT NULL")
        upgrade = "" if version == latest_version() else f" (upgraded to schema {latest_version()} when Resonanz next opens it)"
        return (
            f"{db}: ok, schema {version}{upgrade}; {drafts:,} drafts ({trash:,} in the trash), "
            f"{count('SELECT count(*) FROM revisions'):,} revisions, {count('SELECT count(*) FROM exercises'):,} exercises, "
            f"{count('SELECT count(*) FROM sessions'):,} sessions"
        )
    finally:
        conn.close()


__all__ = ["backup", "backups_dir", "check", "copy_database", "daily_backup", "restore", "summary", "validate_backup"]
