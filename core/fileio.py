"""Writing files so that a crash or a full disk never leaves half a file behind.

One helper for every file Resonanz writes as a whole (reports, the user's word list, exported
text): a temporary file in the target's own folder, flushed and fsynced, then renamed over the
target with os.replace. Readers see the old file or the new one, never a mix; on any error the
temporary file is removed and the old file is untouched.

The temporary file is private while it is written (mkstemp makes it 0600), but the finished
file gets ordinary permissions: those of the file it replaces, or for a new file what the user's
umask gives any new file (0644 with umask 022). A report is the user's document, not a secret.

Resonanz's database and its journal files are never a target, and nothing here reads them:
they are only opened through SQLite (`resonanz.core.storage.dbopen` says why). Every plain file
read or write in Resonanz asks `refuse_database_file` first.

It also owns the two guards for hostile files that every package needs: `csv_safe` (no CSV
cell a spreadsheet would run as a formula) and `load_toml` (TOML with a size and nesting limit),
`RecordLines`, which lets a CSV reader say which lines a broken record spans, and
`sniff_delimiter`, the one guess of a CSV's delimiter (batch scoring and the page audit).

A foundation module: from Resonanz it imports only `resonanz.core.paths`.
"""

from __future__ import annotations

import csv
import os
import re
import stat
import tempfile
import threading
import tomllib
from pathlib import Path
from typing import Any, Iterable

from resonanz.core.paths import default_db_path

_UMASK_LOCK = threading.Lock()
SIDE_FILES = ("-wal", "-shm", "-journal")

#: (st_dev, st_ino) of every database file a Store in this process has open, with a count.
_OPEN_FILES: dict[tuple[int, int], int] = {}


class DatabaseFileError(OSError):
    """A plain file read or write aimed at the database or its journal files (an OSError, so code
    that reports failed file writes reports this one too; storage also treats it as a StorageError)."""


def side_files(path: Path | str) -> list[Path]:
    """The journal files SQLite keeps next to a database: -wal, -shm, -journal."""
    return [Path(f"{path}{suffix}") for suffix in SIDE_FILES]




#: A text cell starting with one of these is a formula (or DDE command) to a spreadsheet (OWASP).
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a leading '.

    The one rule for every CSV Resonanz writes (reports, `resonanz score --csv`): every *text*
    cell is defused, whoever wrote it (a "-5" read from an input file is text and becomes "'-5").
    Numbers Resonanz computes itself (scores, counts: int/float, never str) stay numbers.
    """
    if isinstance(value, str) and value.startswith(CSV_FORMULA_PREFIXES):
        return "'" + value
    return value


def sniff_delimiter(sample: str) -> str:
    """",", ";" or tab for the start of a CSV: what Python's sniffer finds; where it finds nothing
    (too few or irregular lines), the commonest of them in the first line that has any, so a title
    line above the header ("Beiträge März") does not make a semicolon file a comma file."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        for line in sample.splitlines():
            counts = {d: line.count(d) for d in ",;\t"}
            if any(counts.values()):
                return max(counts, key=counts.get)
        return ","


def csv_safe_row(values: Iterable[Any]) -> list[Any]:
    """`csv_safe` applied to every cell of a row (give this to csv.writer.writerow)."""
    return [csv_safe(v) for v in values]


TOML_MAX_DEPTH = 32
TOML_MAX_CHARS = 2_000_000
# Strings and comments first, so brackets inside them do not count as nesting.
_TOML_TOKENS = re.compile(r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}]', re.DOTALL)


def load_toml(text: str, *, max_depth: int = TOML_MAX_DEPTH, max_chars: int = TOML_MAX_CHARS) -> dict[str, Any]:
    """tomllib.loads for files from outside (rule files, exercise packs), with a size and depth limit.

    Raises tomllib.TOMLDecodeError, with "(at line N, column M)" where known, for a text longer
    than `max_chars`, nested deeper than `max_depth` arrays/inline tables (the parser would hit
    Python's recursion limit), or any other TOML error: never RecursionError.
    """
    if len(text) > max_chars:
        raise tomllib.TOMLDecodeError(f"file too large ({len(text):,} characters, at most {max_chars:,})")
    depth = 0
    for m in _TOML_TOKENS.finditer(text):
        ch = m.group(0)
        if ch in "[{":
            depth += 1
            if depth > max_depth:
                line = text.count("\n", 0, m.start()) + 1
                column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
                raise tomllib.TOMLDecodeError(f"nested deeper than {max_depth} levels (at line {line}, column {column})")
        elif ch in "]}":
            depth = max(depth - 1, 0)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError(f"nested too deeply (more than {max_depth} levels)") from None


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


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Iterable[str], *, newline: str | None = None) -> Path:
    """Write `data` (text as UTF-8, bytes, or text in chunks: a large JSON need never be one
    string in memory) to `path` atomically; returns the path.

    `newline` is passed to open() for text ("" keeps "\\r\\n" in CSV as written). Raises the
    OSError of the failing step (missing folder, permission, disk full; `DatabaseFileError` for
    the database's own files); nothing is left behind.
    """
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
                if isinstance(data, str):
                    fh.write(data)
                else:
                    for chunk in data:
                        fh.write(chunk)
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


def register_open(path: Path) -> tuple[int, int] | None:
    """Note that this process has the database `path` open through SQLite (a Store calls this)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (st.st_dev, st.st_ino)
    _OPEN_FILES[key] = _OPEN_FILES.get(key, 0) + 1
    return key


def unregister_open(key: tuple[int, int] | None) -> None:
    """The counterpart of `register_open`."""
    if key is None or key not in _OPEN_FILES:
        return
    _OPEN_FILES[key] -= 1
    if _OPEN_FILES[key] <= 0:
        del _OPEN_FILES[key]


def is_database_file(path: Path | str, *databases: Path | str) -> bool:
    """True if `path` is a database Resonanz uses or one of its journal files.

    Compared by file identity where the file exists, and by name otherwise: the default database,
    every database a Store in this process has open, and `databases`."""
    path = Path(path)
    try:
        st = os.stat(path)
        ident = (st.st_dev, st.st_ino)
    except OSError:
        ident = None
    if ident is not None and ident in _OPEN_FILES:
        return True
    try:
        target = path.resolve()
    except OSError:
        target = path.absolute()
    for db in (default_db_path(), *databases):
        for candidate in (Path(db), *side_files(db)):
            try:
                if candidate.resolve() == target:
                    return True
                if ident is not None and os.path.exists(candidate) and os.path.samefile(candidate, path):
                    return True
            except OSError:
                continue
    return _is_side_of_open(target)


def _is_side_of_open(target: Path) -> bool:
    """True if `target` is named like the -wal/-shm/-journal of a database this process has open."""
    for suffix in SIDE_FILES:
        if target.name.endswith(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            try:
                st = os.stat(base)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in _OPEN_FILES:
                return True
    return False


def refuse_database_file(path: Path | str, *databases: Path | str) -> None:
    """Raise `DatabaseFileError` if `path` is Resonanz's database or one of its journal files.

    Every plain file read or write in Resonanz (open a draft, import attempts, export a report,
    write a file atomically) calls this first: see resonanz.core.storage.dbopen for why."""
    if is_database_file(path, *databases):
        raise DatabaseFileError(f"{path} is Resonanz's database; it is only opened through SQLite (choose another file)")


class RecordLines:
    """A text stream's lines for `csv.reader` that keeps the lines of the record being read in
    `current` (so a CSV reader can say which lines a broken record spans; the caller clears it)."""

    def __init__(self, stream) -> None:
        self.stream, self.current = stream, []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.stream)
        self.current.append(line)
        return line
