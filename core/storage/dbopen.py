"""Opening Resonanz's database file: only ever through SQLite, read-only where that is enough.

Why this module is strict about it (issue 18): on POSIX, closing ANY file descriptor of a file
drops ALL of the process's advisory locks on it ("How To Corrupt An SQLite Database File",
section 2.2). A process that reads ``resonanz.db`` with ``open()`` while it also has an SQLite
connection to it silently loses the locks that tell other processes "someone is still using
this WAL"; the next process that closes its connection then checkpoints and DELETES the WAL,
and everything the first process writes afterwards goes into a deleted file. So:

- nothing here (or anywhere in Resonanz) opens the database, its ``-wal``, ``-shm`` or
  ``-journal`` with anything but SQLite; `stat_database` only calls ``os.stat``, which opens
  nothing, and every check of the content asks SQLite (`probe`);
- readers that need not write (``resonanz report``, ``db check``, the editor in a read-only
  folder) connect with ``mode=ro``: such a connection can never checkpoint or delete the WAL.
  ``immutable=1`` (SQLite skips all locking) is used only where nobody can write the file: a
  read-only folder with no ``-wal``/``-shm``/``-journal`` beside the database;
- `resonanz.core.fileio.refuse_database_file` keeps Resonanz's own file readers and writers
  (open draft, import, export, atomic writes) away from the database files; this module tells
  it which files a Store has open (`register_open`).

This module sits below `store` and `backup`; it imports `migrations` (the error classes) and
the foundation modules `resonanz.core.paths` and `resonanz.core.fileio`.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from resonanz.core.fileio import side_files
from resonanz.core.storage.migrations import (
    CorruptDatabaseError,
    NewerSchemaError,
    StorageError,
    latest_version,
    newer_message,
    read_version,
    user_tables,
)

BUSY_TIMEOUT_MS = 5000
_SQLITE_CORRUPT, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 14, 26


class EmptyDatabaseError(CorruptDatabaseError):
    """The database file exists but is 0 bytes long: no Resonanz database, and nothing to lose in it."""


class DatabaseInUseError(StorageError):
    """Another program (an open editor, say) has the database open; nothing was changed."""


# --------------------------------------------------------------------------- looking without opening


def stat_database(path: Path) -> os.stat_result | None:
    """`os.stat` of a database file (None if it does not exist); raises for what cannot be one.

    Never opens the file. An existing 0-byte file is refused (`EmptyDatabaseError`) by the editor,
    the CLI and the backups alike: Resonanz creates its database whole (`create_database`), so
    an empty ``resonanz.db`` means something else emptied it."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise StorageError(f"{path} is a link to a missing file") from None
        return None
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise StorageError(f"{path} is a folder, not a database file")
    if not stat.S_ISREG(st.st_mode):
        raise StorageError(f"{path} is not a regular file")
    if not os.access(path, os.R_OK):
        raise StorageError(f"cannot read {path}: permission denied")
    if st.st_size == 0:
        raise EmptyDatabaseError(f"{path} is empty (0 bytes), not a Resonanz database; it was not changed")
    return st


def writable_problem(path: Path) -> str | None:
    """Why SQLite could not write `path` (and create its -wal/-shm next to it), or None if it can."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only"
    return None


def _has_side_files(path: Path) -> bool:
    return any(p.exists() for p in side_files(path))


# --------------------------------------------------------------------------- connecting


def connect(path: Path | str) -> sqlite3.Connection:
    """A raw read-write autocommit connection with Resonanz's busy timeout (no checks, no pragmas)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def connect_readonly(path: Path | str, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection: SQLite itself refuses every write through it, and it never checkpoints.

    `immutable` (no locks at all) is only for files nobody can change: see `open_for_reading`."""
    query = "?immutable=1" if immutable else "?mode=ro"
    conn = sqlite3.connect(Path(path).resolve().as_uri() + query, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing database, also in a read-only folder.

    A WAL database needs its -shm file even to be read; where it cannot be created (read-only
    folder or medium) and no journal file exists, nobody can be writing the file either, so
    ``immutable=1`` is safe there and used; anywhere else ``mode=ro``."""
    path = Path(path)
    try:
        conn = connect_readonly(path)
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # opens the file (and the WAL) now
        return conn
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code != _SQLITE_CANTOPEN or writable_problem(path) is None or _has_side_files(path):
            raise
    return connect_readonly(path, immutable=True)


def sqlite_problem(where: str, exc: sqlite3.Error) -> StorageError:
    """Translate an sqlite3 error about the database `where` into a one-line StorageError."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_NOTADB:
        return CorruptDatabaseError(f"{where} is not a Resonanz database (not an SQLite file, or its header is damaged); it was not changed")
    if code == _SQLITE_CORRUPT or isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
        return CorruptDatabaseError(f"{where} is damaged ({exc}); it was not changed")
    return StorageError(f"{where}: {exc}")


# --------------------------------------------------------------------------- checking through SQLite


def inspect_version(conn: sqlite3.Connection, where: str) -> int:
    """The schema version of an opened file; raises for damaged, foreign or newer databases."""
    try:
        tables = user_tables(conn)
        version = read_version(conn)
    except sqlite3.Error as exc:
        raise sqlite_problem(where, exc) from None
    if version == 0 and tables:
        raise StorageError(f"{where} is an SQLite database of another program, not Resonanz's; it was not changed")
    if version > latest_version():
        raise NewerSchemaError(newer_message(where, version))
    return version


def probe(conn: sqlite3.Connection, path: Path | None, *, full: bool = True) -> int:
    """Check an opened database through SQLite only; returns its schema version.

    Refuses (one line, file unchanged) what is not SQLite, a damaged header, a truncated file
    (SQLite compares the page count in the header with the file's size), a foreign or newer
    database, and, with `full`, any page ``PRAGMA quick_check`` finds damaged (0.4 s for the
    630 MB benchmark database of 100,000 drafts; measured in the README)."""
    where = str(path) if path is not None else ":memory:"
    version = inspect_version(conn, where)
    if full:
        try:
            status = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
        except sqlite3.Error as exc:
            raise sqlite_problem(where, exc) from None
        if status != ["ok"]:
            raise CorruptDatabaseError(f"{where} is damaged ({status[0]}); it was not changed")
    return version


def create_database(path: Path) -> bool:
    """Make a new, empty Resonanz database at `path` whole; returns False if another process was first.

    It is built in a temporary file beside `path` and linked into place only when complete, so
    Resonanz never leaves a 0-byte or half-made ``resonanz.db`` behind, not even when it is
    killed at that moment or two processes start at once (one wins, the other opens its file)."""
    import secrets

    from resonanz.core.storage.migrations import migrate

    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
    # Not mkstemp: its 0600 would stay with the database; 0666 here is narrowed by the umask like any new file.
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        conn = connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            migrate(conn, where=str(path))
        finally:
            conn.close()  # the last connection: its WAL is folded in and removed
        try:
            os.link(tmp, path)  # atomic, and never replaces a file that appeared meanwhile
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links (FAT): check, then rename
            if path.exists():
                return False
            os.rename(tmp, path)
        return True
    finally:
        for leftover in (tmp, *side_files(tmp)):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass


__all__ = [
    "BUSY_TIMEOUT_MS",
    "DatabaseInUseError",
    "EmptyDatabaseError",
    "connect",
    "connect_readonly",
    "create_database",
    "inspect_version",
    "open_for_reading",
    "probe",
    "sqlite_problem",
    "stat_database",
    "writable_problem",
]
