"""Where Resonanz keeps the user's data: one folder, moved by ``RESONANZ_HOME``.

Foundation of `resonanz.core`: every subsystem may import this module, and it imports nothing
from Resonanz. The folder holds the database (``resonanz.db``), its backups, the user's rule
files, the spelling word list, settings and caches.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def data_dir() -> Path:
    """Resonanz's data directory: $RESONANZ_HOME if set, else the platform's user data dir.

    Asked for on every analysis (the user's rule folder); the answer is cached per value of the
    environment variables it depends on, so a changed variable still takes effect at once."""
    return _data_dir(os.environ.get("RESONANZ_HOME") or None, *(os.environ.get(name) for name in _PLATFORM_VARS))


# what platformdirs reads to place the data folder on Linux, macOS and Windows
_PLATFORM_VARS = ("HOME", "XDG_DATA_HOME", "APPDATA", "LOCALAPPDATA", "USERPROFILE")


@lru_cache(maxsize=16)
def _data_dir(home: str | None, *_platform: str | None) -> Path:
    if home:
        return Path(home).expanduser()
    import platformdirs  # lazy: only needed when no override is set

    return Path(platformdirs.user_data_dir("resonanz", appauthor=False))


#: The database's file name in the data folder.
DB_NAME = "resonanz.db"


def default_db_path() -> Path:
    """The database file: <data dir>/resonanz.db (RESONANZ_HOME moves the data dir)."""
    return data_dir() / DB_NAME
