"""One-line messages for input files that cannot be opened, shared by the CLI and the batch scorer."""

from __future__ import annotations

from pathlib import Path


def open_error(path: Path | str, exc: OSError, kind: str) -> str:
    """Why `path` could not be opened, in one line; `kind` names what was expected ("text file")."""
    if isinstance(exc, FileNotFoundError):
        return f"file not found: {path}"
    if isinstance(exc, IsADirectoryError):
        return f"{path} is a directory, not a {kind}"
    if isinstance(exc, PermissionError):
        return f"cannot read {path}: permission denied"
    return f"cannot read {path}: {exc.strerror or exc}"
