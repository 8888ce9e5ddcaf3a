"""Bad input in one line: `InputError` (exit status 2) and why an input file cannot be opened.

Shared by the commands and the batch scorer; imports nothing from core.
"""

from __future__ import annotations

from pathlib import Path

EXIT_USAGE = 2


class InputError(Exception):
    """Bad input: one line for stderr, exit status 2."""


def open_error(path: Path | str, exc: OSError, kind: str) -> str:
    """Why `path` could not be opened, in one line; `kind` names what was expected ("text file")."""
    if isinstance(exc, FileNotFoundError):
        return f"file not found: {path}"
    if isinstance(exc, IsADirectoryError):
        return f"{path} is a directory, not a {kind}"
    if isinstance(exc, PermissionError):
        return f"cannot read {path}: permission denied"
    return f"cannot read {path}: {exc.strerror or exc}"
