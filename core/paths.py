"""Where Resonanz keeps the user's data: one folder, moved by ``RESONANZ_HOME``.

Foundation of `resonanz.core`: every subsystem may import this module, and it imports nothing
from Resonanz. The folder holds the database (``resonanz.db``), its backups, the user's rule
files, the spelling word list, settings and caches.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """Resonanz's data directory: $RESONANZ_HOME if set, else the platform's user data dir."""
    home = os.environ.get("RESONANZ_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs  # lazy: only needed when no override is set

    return Path(platformdirs.user_data_dir("resonanz", appauthor=False))


#: The database's file name in the data folder.
DB_NAME = "resonanz.db"


def default_db_path() -> Path:
    """The database file: <data dir>/resonanz.db (RESONANZ_HOME moves the data dir)."""
    return data_dir() / DB_NAME
