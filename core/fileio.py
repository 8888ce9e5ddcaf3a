"""Writing files so that a crash or a full disk never leaves half a file behind.

One helper for every file Resonanz writes as a whole (reports, the user's word list, exported
text): a temporary file in the target's own folder, flushed and fsynced, then renamed over the
target with os.replace. Readers see the old file or the new one, never a mix; on any error the
temporary file is removed and the old file is untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, newline: str | None = None) -> Path:
    """Write `data` (text as UTF-8, or bytes) to `path` atomically; returns the path.

    `newline` is passed to open() for text ("" keeps "\\r\\n" in CSV as written). Raises the
    OSError of the failing step (missing folder, permission, disk full); nothing is left behind.
    """
    target = Path(path)
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
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
