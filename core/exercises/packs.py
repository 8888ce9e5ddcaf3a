"""Exercise packs: facilitators share their own exercises as one ``.resonanzpack`` file.

A pack is a zip with ``manifest.toml`` and ``exercises/*.md``. `import_pack` validates a pack
completely in memory and only returns objects - it never writes anything; `export_pack` writes
one atomically. Owns `PackError`, `PACK_SUFFIX` and `MAX_MEMBER_BYTES`. Imports `model`,
`fileformat` and `resonanz.core.fileio`.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tomllib
import zipfile
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from resonanz.core.exercises.fileformat import _toml_str, parse_exercise, to_markdown
from resonanz.core.fileio import load_toml
from resonanz.core.exercises.model import Exercise, ExerciseError, _one_line

__all__ = ["MAX_MEMBER_BYTES", "PACK_SUFFIX", "PackError", "export_pack", "import_pack"]

#: File name extension of exercise packs.
PACK_SUFFIX = ".resonanzpack"

#: Largest member of a pack (uncompressed), and largest exercise file in general.
MAX_MEMBER_BYTES = 200_000


class PackError(ValueError):
    """An exercise pack that cannot be imported or exported; str() is one line naming the member."""

    def __init__(self, message: str, member: str | None = None) -> None:
        self.member = member
        super().__init__(_one_line(f"{member}: {message}" if member else message))


_MANIFEST = "manifest.toml"
_EXERCISE_DIR = "exercises/"
_MEMBER_NAME_RE = re.compile(r"^exercises/[^/\\\x00-\x1f\x7f]{1,120}\.md$")
_MANIFEST_KEYS = ("name", "version", "author", "created")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


def _shown(name: str) -> str:
    """A member name fit for a one-line message: invisible and control characters escaped, cut to 120."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)
    return text if len(text) <= 120 else text[:119] + "…"


def _check_member_name(name: str) -> None:
    """Raise PackError unless `name` stays inside the pack."""
    if not name:
        raise PackError("empty member name", "<unnamed>")
    shown = _shown(name)
    if "\\" in name:
        raise PackError("backslash in member path (paths must use '/' and stay inside the pack)", shown)
    if name.startswith("/") or _DRIVE_RE.match(name):
        raise PackError("absolute member path (paths must stay inside the pack)", shown)
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        raise PackError("control character in member path", shown)
    parts = name.rstrip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise PackError("'..', '.' or empty segment in member path (paths must stay inside the pack)", shown)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most `limit` bytes of a member; PackError if it is larger, damaged or encrypted."""
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError, ValueError) as exc:
        raise PackError(f"cannot be read ({_one_line(exc) or type(exc).__name__})", _shown(info.filename)) from None
    except Exception as exc:  # noqa: BLE001 - zlib.error, lzma.LZMAError, …: a damaged stream is the pack's problem
        raise PackError(f"damaged data ({type(exc).__name__}: {_one_line(exc)})", _shown(info.filename)) from None
    if len(data) > limit:
        raise PackError(f"larger than {limit:,} bytes uncompressed", _shown(info.filename))
    return data


def _decode(data: bytes, member: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(f"not UTF-8 (byte {exc.start})", member) from None
    return text.removeprefix("\ufeff")


def _read_manifest(text: str, member: str) -> dict[str, Any]:
    try:
        data = load_toml(text)  # a size and nesting limit: never RecursionError
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"invalid TOML: {exc}", member) from None
    unknown = sorted(set(data) - set(_MANIFEST_KEYS))
    if unknown:
        raise PackError(f"unknown key '{unknown[0]}' (keys: {', '.join(_MANIFEST_KEYS)})", member)
    missing = [k for k in _MANIFEST_KEYS if k not in data]
    if missing:
        raise PackError(f"missing key '{missing[0]}'", member)
    if data["version"] != 1 or isinstance(data["version"], bool):
        raise PackError(f"unsupported pack version {data['version']!r} (this Resonanz reads version 1)", member)
    name = data["name"]
    if not isinstance(name, str) or not name.strip() or len(name) > 100 or any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        raise PackError("name must be a non-empty single-line string of at most 100 characters", member)
    if not isinstance(data["author"], str) or len(data["author"]) > 200 or "\n" in data["author"]:
        raise PackError("author must be a single-line string of at most 200 characters", member)
    if not isinstance(data["created"], (str, datetime)):
        raise PackError("created must be a date-time", member)
    return data


def import_pack(path: str | os.PathLike[str], max_bytes: int = 5_000_000, max_files: int = 200) -> list[Exercise]:
    """Read and validate an exercise pack; return its exercises (source "pack:<name>") or raise PackError.

    Everything is checked before anything is returned: the file size, that it is a zip, that every
    member path stays inside the pack (no absolute paths, '..', backslashes, drive letters or
    symlinks), that only manifest.toml and exercises/*.md are present, each member at most
    MAX_MEMBER_BYTES and all together at most `max_bytes` uncompressed (zip bombs), UTF-8, that every
    exercise parses and that ids are unique. Nothing is written anywhere.
    """
    path = Path(path)
    label = _shown(path.name)
    try:
        st = path.stat()
    except OSError as exc:
        raise PackError(f"cannot read {label}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise PackError(f"{label} is not a regular file")
    if st.st_size > max_bytes:
        raise PackError(f"{label} is {st.st_size:,} bytes, more than the {max_bytes:,} allowed for a pack")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise PackError(f"cannot read {label}: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise PackError(f"{label} is more than the {max_bytes:,} bytes allowed for a pack")
    if not raw.startswith(b"PK"):
        raise PackError(f"{label} is not a Resonanz pack (not a zip file)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise PackError(f"{label} is not a valid zip file ({_one_line(exc)})") from None

    with zf:
        if len(infos) > max_files + 2:  # exercises + manifest + an optional "exercises/" entry
            raise PackError(f"{label} has {len(infos)} members, more than the {max_files} exercises allowed")
        seen: set[str] = set()
        manifest_info: zipfile.ZipInfo | None = None
        exercise_infos: list[zipfile.ZipInfo] = []
        declared_total = 0
        for info in infos:
            raw, name = info.filename, _shown(info.filename)  # raw decides, name is for messages
            _check_member_name(raw)
            if raw.lower() in seen:
                raise PackError("appears twice in the pack", name)
            seen.add(raw.lower())
            mode = (info.external_attr >> 16) & 0o170000
            if mode == stat.S_IFLNK:
                raise PackError("symbolic link (not allowed in a pack)", name)
            if info.flag_bits & 0x1:
                raise PackError("encrypted (not allowed in a pack)", name)
            if info.is_dir():
                if raw != _EXERCISE_DIR:
                    raise PackError(f"unexpected folder (a pack holds only {_MANIFEST} and {_EXERCISE_DIR}*.md)", name)
                continue
            if mode not in (0, stat.S_IFREG):
                raise PackError("not a regular file", name)
            if raw == _MANIFEST:
                manifest_info = info
            elif _MEMBER_NAME_RE.match(raw) and raw.isprintable() and not raw[len(_EXERCISE_DIR) :].startswith("."):
                exercise_infos.append(info)
            else:
                raise PackError(f"unexpected member (a pack holds only {_MANIFEST} and {_EXERCISE_DIR}*.md)", name)
            if info.file_size > MAX_MEMBER_BYTES:
                raise PackError(f"{info.file_size:,} bytes uncompressed, more than the {MAX_MEMBER_BYTES:,} allowed per file", name)
            declared_total += info.file_size
            if declared_total > max_bytes:
                raise PackError(f"{label} unpacks to more than {max_bytes:,} bytes", name)
        if manifest_info is None:
            raise PackError(f"{label} has no {_MANIFEST}")
        if not exercise_infos:
            raise PackError(f"{label} holds no exercises ({_EXERCISE_DIR}*.md)")
        if len(exercise_infos) > max_files:
            raise PackError(f"{label} holds {len(exercise_infos)} exercises, more than the {max_files} allowed")

        # Read with real limits: a member's declared size may lie.
        total = 0
        texts: list[tuple[str, str]] = []
        for info in [manifest_info, *exercise_infos]:
            data = _read_member(zf, info, min(MAX_MEMBER_BYTES, max_bytes - total))
            total += len(data)
            texts.append((info.filename, _decode(data, info.filename)))

    manifest = _read_manifest(texts[0][1], _MANIFEST)
    pack_name = manifest["name"].strip()
    exercises: list[Exercise] = []
    ids: dict[str, str] = {}
    for member, text in texts[1:]:
        try:
            ex = parse_exercise(text, member)
        except ExerciseError as exc:
            raise PackError(f"{label}: {exc}") from None
        if ex.id in ids:
            raise PackError(f"duplicate exercise id {ex.id!r} (also in {ids[ex.id]})", member)
        ids[ex.id] = member
        exercises.append(replace(ex, source=f"pack:{pack_name}"))
    return exercises


def export_pack(
    exercises: Iterable[Exercise],
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    author: str = "",
    max_bytes: int = 5_000_000,
    max_files: int = 200,
) -> Path:
    """Write `exercises` as one .resonanzpack (zip: manifest.toml + exercises/<id>.md).

    The pack is checked against the limits `import_pack` applies, written to a temporary file next to
    `path` and then moved into place, so a failed export never leaves half a file. `name` defaults
    to the file name without extension. Returns the path written.
    """
    path = Path(path)
    items = list(exercises)
    if not items:
        raise PackError("a pack needs at least one exercise")
    if len(items) > max_files:
        raise PackError(f"{len(items)} exercises, more than the {max_files} a pack may hold")
    pack_name = (name if name is not None else path.name.removesuffix(PACK_SUFFIX)).strip()
    if not pack_name or len(pack_name) > 100 or any(ord(c) < 0x20 or ord(c) == 0x7F for c in pack_name):
        raise PackError("pack name must be a non-empty single-line string of at most 100 characters")
    if len(author) > 200 or any(ord(c) < 0x20 or ord(c) == 0x7F for c in author):
        raise PackError("author must be a single-line string of at most 200 characters")
    created = datetime.now(UTC).replace(microsecond=0)
    manifest = (
        f"name = {_toml_str(pack_name)}\n"
        f"version = 1\n"
        f"author = {_toml_str(author)}\n"
        f"created = {created.isoformat().replace('+00:00', 'Z')}\n"
    )
    members: list[tuple[str, bytes]] = [(_MANIFEST, manifest.encode("utf-8"))]
    ids: set[str] = set()
    for ex in items:
        if ex.id in ids:
            raise PackError(f"duplicate exercise id {ex.id!r}")
        ids.add(ex.id)
        text = to_markdown(ex)
        check = parse_exercise(text, f"{_EXERCISE_DIR}{ex.id}.md")  # what import will read
        if replace(check, source=ex.source) != ex:
            raise PackError(f"exercise {ex.id!r} does not survive a round trip (invalid field?)")
        data = text.encode("utf-8")
        if len(data) > MAX_MEMBER_BYTES:
            raise PackError(f"exercise {ex.id!r} is {len(data):,} bytes, more than {MAX_MEMBER_BYTES:,}")
        members.append((f"{_EXERCISE_DIR}{ex.id}.md", data))
    if sum(len(d) for _, d in members) > max_bytes:
        raise PackError(f"the exercises add up to more than {max_bytes:,} bytes")

    import io

    from resonanz.core.fileio import write_atomic

    buffer = io.BytesIO()  # at most max_bytes (5 MB by default): built in memory, written whole
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        stamp = created.timetuple()[:6]
        for member, data in members:
            info = zipfile.ZipInfo(member, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            zf.writestr(info, data)
    if buffer.tell() > max_bytes:
        raise PackError(f"the pack would be larger than {max_bytes:,} bytes")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, buffer.getvalue())  # temp file, fsync, rename; the user's permissions
    return path
