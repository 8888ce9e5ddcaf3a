"""`resonanz db backup|restore|check`: back up, restore and check the database of drafts.

May import: core.storage (lazily) and core.cli.inputs.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from resonanz.core.cli.inputs import EXIT_USAGE, InputError


def run(args) -> int:
    """`resonanz db backup|restore|check`: every refusal is one line and exit status 2."""
    if not args.db_command:
        sys.stderr.write(args.db_help())
        return EXIT_USAGE
    from resonanz.core.storage import backup as bk
    from resonanz.core.storage.dbopen import sqlite_problem
    from resonanz.core.paths import default_db_path
    from resonanz.core.storage.store import StorageError

    db = Path(args.db) if getattr(args, "db", None) else default_db_path()
    try:
        if args.db_command == "check":
            if not db.exists():
                raise InputError(f"database not found: {db}")
            problems = bk.check(db)
            for line in problems:
                print(f"resonanz: error: {line}", file=sys.stderr)
            if problems:
                return EXIT_USAGE
            print(bk.summary(db))
        elif args.db_command == "backup":
            if not db.exists():
                raise InputError(f"database not found: {db}")
            dest = Path(args.dest) if args.dest else bk.backups_dir()
            if not args.dest or args.dest.endswith(("/", os.sep)):  # a folder: the file gets a dated name
                dest.mkdir(parents=True, exist_ok=True)
            out = bk.backup(db, dest)
            print(f"backup written: {out}")
        else:
            aside = bk.restore(Path(args.file), db)
            kept = f"; the previous database is kept as {aside}" if aside else ""
            print(f"restored {args.file} to {db}{kept}")
    except StorageError as exc:
        raise InputError(str(exc)) from None
    except sqlite3.Error as exc:  # e.g. a page found damaged half-way: one line, never a traceback
        raise InputError(str(sqlite_problem(str(db), exc))) from None
    except OSError as exc:  # a read-only or full disk for the backup folder
        raise InputError(f"{exc.filename or db}: {exc.strerror or exc}") from None
    return 0
