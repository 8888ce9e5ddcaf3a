"""Opening the database file for a `Store`: refuse, create, upgrade (with a copy aside) or only read.

Owns the open procedure `resonanz.core.storage.store` describes: a missing file is created whole
(never a 0-byte file), every file is probed by SQLite before anything is written, an existing
database is copied aside before a schema upgrade, a writable connection gets WAL,
``synchronous=FULL`` and ``foreign_keys=ON``, and a read-only one reads an older file through an
upgraded copy in memory. Imports `dbopen`, `migrations` and (for the copy) `backup`.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from resonanz.core.storage.dbopen import (
    connect,
    create_database,
    open_for_reading,
    probe,
    sqlite_problem,
    stat_database,
    writable_problem,
)
from resonanz.core.storage.migrations import NotFoundError, StorageError, latest_version, migrate

__all__ = ["open_database"]


def open_database(path: Path | None, *, readonly: bool, check: bool) -> tuple[sqlite3.Connection, bool, str | None, int]:
    """(connection, readonly, read_only_reason, schema_version) of the database at `path` (None: in memory).

    `readonly` may come back true for a writable request: the reason then says why. Every refusal
    raises a `StorageError` and leaves the file byte for byte as it was."""
    where = str(path) if path is not None else ":memory:"
    read_only_reason: str | None = "opened for reading only" if readonly else None
    st = None
    if path is not None:
        st = stat_database(path)  # os.stat only: see resonanz.core.storage.dbopen
        if st is None and readonly:
            raise NotFoundError(f"database not found: {path}")
        if st is None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create {path}: {exc.strerror or exc}") from None
            problem = writable_problem(path)
            if problem:
                raise StorageError(f"cannot create {path}: {problem}")
            try:
                create_database(path)  # whole, or not at all: never a 0-byte file
            except sqlite3.Error as exc:
                raise sqlite_problem(where, exc) from None
            except OSError as exc:
                raise StorageError(f"cannot create {path}: {exc.strerror or exc}") from None
            st = stat_database(path)
        elif not readonly and (problem := writable_problem(path)):
            readonly, read_only_reason = True, problem
    try:
        conn = open_for_reading(path) if readonly else connect(path if path is not None else ":memory:")
    except sqlite3.Error as exc:
        raise sqlite_problem(where, exc) from None
    try:
        version = probe(conn, path, full=check)  # reads only: refusals leave the file untouched
        if readonly:
            schema_version = version
            if version < latest_version():  # an older file is read through an upgraded copy in memory
                memory = connect(":memory:")
                conn.backup(memory)
                conn.close()
                conn = memory
                schema_version = migrate(memory, where=where)
        else:
            try:
                conn.execute("PRAGMA journal_mode = WAL").fetchone()
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
            except sqlite3.Error as exc:
                raise sqlite_problem(where, exc) from None
            schema_version = migrate(conn, where=where, before_upgrade=lambda version: _copy_before_upgrade(conn, path))
    except BaseException:
        conn.close()
        raise
    return conn, readonly, read_only_reason, schema_version


def _copy_before_upgrade(conn: sqlite3.Connection, path: Path | None) -> None:
    if path is None:
        return
    from resonanz.core.storage.backup import BackupExistsError, copy_database

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.before-schema-{latest_version()}-{stamp}")
    for n in range(1, 50):  # another process opening the file in the same second may take the name
        try:
            copy_database(conn, base if n == 1 else base.with_name(f"{base.name}-{n}"))
            return
        except BackupExistsError:
            continue
    raise StorageError(f"no free name for the copy {base} before the upgrade")
