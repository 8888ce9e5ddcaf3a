"""Writing files so that a crash or a full disk never leaves half a file behind.

One helper for every file Resonanz writes as a whole (reports, the user's word list, exported
text): a temporary file in the target's own folder, flushed and fsynced, then renamed over the
target with os.replace. Readers see the old file or the new one, never a mix; on any error the
temporary file is removed and the old file is untouched.

The temporary file is private while it is written (mkstemp makes it 0600), but the finished
file gets ordinary permissions: those of the file it replaces, or for a new file what the user's
umask gives any new file (0644 with umask 022). A report is the user's document, not a secret.

Resonanz's database and its journal files are never a target: they are only ever opened through
SQLite (see `resonanz.core.storage.dbopen`).
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux: /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:  # elsewhere the only way is to set it and put it back
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def apply_default_mode(path: str | os.PathLike[str], like: str | os.PathLike[str] | None = None) -> None:
    """Give a file made with mkstemp the permissions of `like` (if it exists) or of any new file (0666 & ~umask)."""
    mode = None
    if like is not None:
        try:
            mode = stat.S_IMODE(os.stat(like).st_mode)
        except OSError:
            mode = None
    if mode is None:
        mode = 0o666 & ~current_umask()
    try:
        os.chmod(path, mode)
    except OSError:
        pass  # a file system without modes (FAT, some network shares): nothing to give


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, newline: str | None = None) -> Path:
    """Write `data` (text as UTF-8, or bytes) to `path` atomically; returns the path.

    `newline` is passed to open() for text ("" keeps "\\r\\n" in CSV as written). Raises the
    OSError of the failing step (missing folder, permission, disk full; `DatabaseFileError` for
    the database's own files); nothing is left behind.
    """
    from resonanz.core.storage.dbopen import refuse_database_file

    target = Path(path)
    refuse_database_file(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        apply_default_mode(tmp, like=target)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
