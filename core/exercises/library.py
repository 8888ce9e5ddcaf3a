"""Coaching exercises: a weak draft, a goal and target scores to reach, with instructions in Markdown.

An exercise is one UTF-8 Markdown file with a small TOML front matter between two ``+++`` lines::

    +++
    id = "de-dialog-01"
    language = "de"
    title = "Vom Monolog zum Gespräch"
    topic = "dialogue"
    platform = "linkedin"
    goal = "…one sentence…"
    targets = { dialogue = 70, shareability = 50 }
    hints = ["…", "…"]
    starting_draft = \"\"\"
    …
    \"\"\"
    +++
    ## Aufgabe
    …

The built-in exercises ship in ``resonanz/resources/exercises/{de,en}/*.md``. Facilitators share
their own exercises as one ``.resonanzpack`` file (a zip with ``manifest.toml`` and
``exercises/*.md``); `import_pack` validates a pack completely and only returns objects - it never
writes anything. Pure Python, no Qt.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import stat
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult

__all__ = [
    "LANGUAGES",
    "MAX_MEMBER_BYTES",
    "PACK_SUFFIX",
    "TOPICS",
    "Exercise",
    "ExerciseError",
    "PackError",
    "builtin_exercises",
    "evaluate",
    "export_pack",
    "import_pack",
    "parse_exercise",
    "platform_ids",
    "render_html",
    "render_markdown",
    "targets_met",
    "to_markdown",
]

#: Languages an exercise may be written in (the engine's languages).
LANGUAGES: tuple[str, ...] = ("de", "en")

#: What an exercise practises.
TOPICS: tuple[str, ...] = (
    "dialogue",  # turn a monologue into a dialogue
    "dead-end",  # give readers something to pass on and someone to pass it to
    "ad-speak",  # replace claims with a concrete example
    "question",  # a real open question instead of a rhetorical one
    "hook",  # a reason to read on before the fold
    "critical-comment",  # answer criticism in public
    "recognition",  # thank and recognise others
    "platform",  # write for one platform's norms
)

#: File name extension of exercise packs.
PACK_SUFFIX = ".resonanzpack"

#: Largest member of a pack (uncompressed), and largest exercise file in general.
MAX_MEMBER_BYTES = 200_000

_FIELDS: tuple[str, ...] = ("id", "language", "title", "topic", "platform", "goal", "targets", "hints", "starting_draft")
_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
_DELIMITER = "+++"
_MAX_HINTS = 20
_MAX_SHORT = 300  # title, goal, each hint (characters)


class ExerciseError(ValueError):
    """An exercise file that cannot be used; str() is one line "<source>:<line>: <problem>"."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source, self.line, self.problem = source, line, message
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {_one_line(message)}")


class PackError(ValueError):
    """An exercise pack that cannot be imported or exported; str() is one line naming the member."""

    def __init__(self, message: str, member: str | None = None) -> None:
        self.member = member
        super().__init__(_one_line(f"{member}: {message}" if member else message))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Exercise:
    """One coaching exercise. `targets` are minimum scores per dimension (see model.DIMENSIONS)."""

    id: str
    language: str  # "de" | "en"
    title: str
    topic: str  # one of TOPICS
    platform: str  # a platform id from platforms.toml
    goal: str  # one sentence
    targets: Mapping[str, int] = field(hash=False)
    hints: tuple[str, ...]
    starting_draft: str
    body_md: str  # instructions in Markdown (never trusted: see render_html)
    source: str  # "builtin:de/<file>.md", "pack:<name>", or what the caller passed to parse_exercise

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets", MappingProxyType(dict(self.targets)))
        object.__setattr__(self, "hints", tuple(self.hints))


# ----------------------------------------------------------------------------------- parsing


@lru_cache(maxsize=1)
def _platforms() -> tuple[frozenset[str], Mapping[str, str]]:
    from resonanz.core.analysis.platforms import load_profiles, platform_aliases

    return frozenset(load_profiles()), dict(platform_aliases())


def platform_ids() -> tuple[str, ...]:
    """The platform ids an exercise may name (aliases such as "twitter" are accepted too)."""
    return tuple(sorted(_platforms()[0]))


def _key_line(lines: list[str], key: str, first: int, default: int) -> int:
    """1-based line of `key = …` inside the front matter (lines[first:]), else `default`."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(lines[first:], start=first + 1):
        if line.strip() == _DELIMITER:
            break
        if pattern.match(line):
            return number
    return default


def parse_exercise(text: str, source: str) -> Exercise:
    """Parse one exercise file; raises ExerciseError("<source>:<line>: …") on any problem."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise ExerciseError(source, 1, "empty file: an exercise starts with a '+++' line and TOML front matter")
    if lines[start].strip() != _DELIMITER:
        raise ExerciseError(source, start + 1, f"expected '+++' to open the front matter, found {lines[start].strip()[:40]!r}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == _DELIMITER), None)
    if end is None:
        raise ExerciseError(source, start + 1, "front matter is not closed: add a '+++' line after it")
    front = "\n".join(lines[start + 1 : end])
    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = start + 1 + int(m.group(1)) if m else end + 1
        raise ExerciseError(source, line, f"invalid TOML in front matter: {msg}") from None

    def where(key: str) -> int:
        return _key_line(lines, key, start + 1, start + 1)

    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise ExerciseError(source, where(unknown[0]), f"unknown field '{unknown[0]}' (fields: {', '.join(_FIELDS)})")
    missing = [k for k in _FIELDS if k not in data]
    if missing:
        raise ExerciseError(source, end + 1, f"missing field '{missing[0]}' in front matter")

    def text_field(key: str, *, limit: int | None = _MAX_SHORT, multiline: bool = False) -> str:
        value = data[key]
        if not isinstance(value, str):
            raise ExerciseError(source, where(key), f"{key} must be a string, not {type(value).__name__}")
        value = value.strip()
        if not value:
            raise ExerciseError(source, where(key), f"{key} must not be empty")
        if not multiline and "\n" in value:
            raise ExerciseError(source, where(key), f"{key} must be one line")
        if limit is not None and len(value) > limit:
            raise ExerciseError(source, where(key), f"{key} is longer than {limit} characters")
        return value

    ex_id = text_field("id", limit=64)
    if not _ID_RE.match(ex_id):
        raise ExerciseError(source, where("id"), f"id {ex_id!r} must be lowercase letters, digits and '-' (e.g. 'de-dialog-01')")
    language = text_field("language")
    if language not in LANGUAGES:
        raise ExerciseError(source, where("language"), f"unknown language {language!r} (languages: {', '.join(LANGUAGES)})")
    title = text_field("title", limit=120)
    topic = text_field("topic")
    if topic not in TOPICS:
        raise ExerciseError(source, where("topic"), f"unknown topic {topic!r} (topics: {', '.join(TOPICS)})")
    platform = text_field("platform").lower()
    ids, aliases = _platforms()
    platform = aliases.get(platform, platform)
    if platform not in ids:
        raise ExerciseError(source, where("platform"), f"unknown platform {data['platform']!r} (platforms: {', '.join(sorted(ids))})")
    goal = text_field("goal")

    targets = data["targets"]
    if not isinstance(targets, dict) or not targets:
        raise ExerciseError(source, where("targets"), "targets must be a non-empty table, e.g. { dialogue = 70 }")
    for dim, value in targets.items():
        if dim not in DIMENSIONS:
            raise ExerciseError(source, where("targets"), f"unknown dimension '{dim}' in targets (dimensions: {', '.join(DIMENSIONS)})")
        if not isinstance(value, int) or isinstance(value, bool):
            raise ExerciseError(source, where("targets"), f"target {dim} must be a whole number 0-100, not {value!r}")
        if not 0 <= value <= 100:
            raise ExerciseError(source, where("targets"), f"target {dim} = {value} is outside 0-100")
    ordered = {dim: targets[dim] for dim in DIMENSIONS if dim in targets}

    hints = data["hints"]
    if not isinstance(hints, list) or not all(isinstance(h, str) and h.strip() for h in hints):
        raise ExerciseError(source, where("hints"), "hints must be a list of non-empty strings")
    if len(hints) > _MAX_HINTS:
        raise ExerciseError(source, where("hints"), f"at most {_MAX_HINTS} hints")
    if any(len(h.strip()) > _MAX_SHORT for h in hints):
        raise ExerciseError(source, where("hints"), f"each hint must be at most {_MAX_SHORT} characters")

    draft = text_field("starting_draft", limit=20_000, multiline=True)
    body = "\n".join(lines[end + 1 :]).strip()
    if not body:
        raise ExerciseError(source, end + 1, "the instructions (Markdown after the closing '+++') are missing")
    return Exercise(
        id=ex_id,
        language=language,
        title=title,
        topic=topic,
        platform=platform,
        goal=goal,
        targets=ordered,
        hints=tuple(h.strip() for h in hints),
        starting_draft=draft,
        body_md=body,
        source=source,
    )


def _toml_str(value: str) -> str:
    """A TOML basic string (JSON escapes are a subset of TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _toml_multiline(value: str) -> str:
    """A TOML multi-line basic string whose lines can never be read as the '+++' delimiter."""
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\n")
        elif ch == "\t":
            out.append("\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    lines = "".join(out).split("\n")
    # a line that reads '+++' would end the front matter early: write its first '+' as an escape
    lines = [line.replace("+", "\\u002B", 1) if line.strip() == _DELIMITER else line for line in lines]
    return '"""\n' + "\n".join(lines) + '\n"""'


def to_markdown(ex: Exercise) -> str:
    """The exercise as a file that `parse_exercise` reads back to an equal exercise (except source)."""
    targets = ", ".join(f"{dim} = {int(v)}" for dim, v in ex.targets.items())
    hints = "[\n" + "".join(f"    {_toml_str(h)},\n" for h in ex.hints) + "]" if ex.hints else "[]"
    return (
        f"{_DELIMITER}\n"
        f"id = {_toml_str(ex.id)}\n"
        f"language = {_toml_str(ex.language)}\n"
        f"title = {_toml_str(ex.title)}\n"
        f"topic = {_toml_str(ex.topic)}\n"
        f"platform = {_toml_str(ex.platform)}\n"
        f"goal = {_toml_str(ex.goal)}\n"
        f"targets = {{ {targets} }}\n"
        f"hints = {hints}\n"
        f"starting_draft = {_toml_multiline(ex.starting_draft)}\n"
        f"{_DELIMITER}\n"
        f"{ex.body_md}\n"
    )


# ----------------------------------------------------------------------------------- built-ins


@lru_cache(maxsize=1)
def _builtin() -> tuple[Exercise, ...]:
    root = resources.files("resonanz.resources.exercises")
    found: dict[str, Exercise] = {}
    for language in LANGUAGES:
        folder = root / language
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".md") or not entry.is_file():
                continue
            source = f"builtin:{language}/{entry.name}"
            ex = parse_exercise(entry.read_text(encoding="utf-8"), source)
            if ex.language != language:
                raise ExerciseError(source, None, f"language {ex.language!r} does not match its folder '{language}'")
            if ex.id in found:
                raise ExerciseError(source, None, f"duplicate id {ex.id!r} (also in {found[ex.id].source})")
            found[ex.id] = ex
    return tuple(sorted(found.values(), key=lambda e: (e.language, e.id)))


def builtin_exercises() -> list[Exercise]:
    """All exercises shipped with Resonanz, sorted by language and id (parsed once, then cached)."""
    return list(_builtin())


# ----------------------------------------------------------------------------------- checking


def evaluate(ex: Exercise, text: str, *, rules_dir: Path | None | bool = None) -> AnalysisResult:
    """Analyse an attempt at `ex` in the exercise's language and on its platform."""
    from resonanz.core.analysis.engine import analyze

    return analyze(text, language=ex.language, platform=ex.platform, rules_dir=rules_dir)


def targets_met(ex: Exercise, result: AnalysisResult) -> dict[str, bool]:
    """For each target dimension of `ex`: does `result` reach the minimum score?"""
    return {dim: result.scores[dim].value >= minimum for dim, minimum in ex.targets.items()}


# ----------------------------------------------------------------------------------- rendering

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")


def _safe_url(url: str) -> bool:
    """True only for http(s) and mailto links and #fragments within the page.

    Relative and protocol-relative URLs are refused too: a viewer (e.g. Qt's text browser) would
    resolve them against its own base, which may be a local folder.
    """
    import markdown.util

    cleaned = url.replace(markdown.util.AMP_SUBSTITUTE, "&")
    for _ in range(3):  # entities may be nested ("&amp;#106;")
        cleaned = html.unescape(cleaned)
    cleaned = _INVISIBLE_RE.sub("", cleaned).lower()
    if cleaned.startswith("#"):
        return True
    m = _SCHEME_RE.match(cleaned)
    return bool(m) and m.group(1) in _SAFE_SCHEMES


def _make_renderer():
    """A Markdown instance that escapes all raw HTML and drops unsafe links and all images."""
    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class _Sanitise(Treeprocessor):
        def run(self, root):
            for el in root.iter():
                if el.tag == "img":
                    alt = el.get("alt", "")
                    el.attrib.clear()
                    el.tag = "span"
                    el.text = f"[{alt}]" if alt else ""
                    continue
                for attr in list(el.attrib):
                    if attr.lower().startswith("on") or attr.lower() in ("style", "srcdoc"):
                        del el.attrib[attr]
                for attr in ("href", "src", "action", "formaction", "xlink:href"):
                    value = el.get(attr)
                    if value is not None and not _safe_url(value):
                        del el.attrib[attr]
                        if el.tag == "a":
                            el.tag = "span"
                if el.tag == "a" and el.get("href"):
                    el.set("rel", "nofollow noopener noreferrer")

    class _EscapeHtml(Extension):
        def extendMarkdown(self, md):
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(_Sanitise(md), "resonanz_sanitise", -10)

    return markdown.Markdown(extensions=["sane_lists", _EscapeHtml()], output_format="html")


def render_markdown(text: str) -> str:
    """Markdown to an HTML fragment: raw HTML shows as text, images become their alt text, links other
    than http(s)/mailto/#fragment lose their target."""
    return _make_renderer().convert(text)


@lru_cache(maxsize=4)
def _dimension_labels(language: str) -> Mapping[str, str]:
    """Display names of the score dimensions in `language` (from the default rule pack)."""
    from resonanz.core.analysis.packs import load_pack

    labels = load_pack(language, False).labels
    return {dim: str(labels.get(dim, dim)) for dim in DIMENSIONS}


def render_html(ex: Exercise) -> str:
    """The exercise as an HTML fragment (title, goal, targets, instructions, hints), safe to display."""
    esc = html.escape
    parts = [f"<h1>{esc(ex.title)}</h1>", f'<p class="goal">{esc(ex.goal)}</p>']
    labels = _dimension_labels(ex.language)
    targets = ", ".join(f"{esc(labels.get(dim, dim))} ≥ {int(v)}" for dim, v in ex.targets.items())
    parts.append(f'<p class="targets">{targets}</p>')
    parts.append(f'<div class="instructions">\n{render_markdown(ex.body_md)}\n</div>')
    if ex.hints:
        items = "".join(f"<li>{esc(h)}</li>" for h in ex.hints)
        parts.append(f'<ul class="hints">{items}</ul>')
    return "\n".join(parts)


# ----------------------------------------------------------------------------------- packs

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
        data = tomllib.loads(text)
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

    from resonanz.core.fileio import apply_default_mode

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".resonanzpack-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                stamp = created.timetuple()[:6]
                for member, data in members:
                    info = zipfile.ZipInfo(member, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = (stat.S_IFREG | 0o644) << 16
                    zf.writestr(info, data)
            fh.flush()
            os.fsync(fh.fileno())
        if os.path.getsize(tmp) > max_bytes:
            raise PackError(f"the pack would be larger than {max_bytes:,} bytes")
        apply_default_mode(tmp, like=path)  # mkstemp's 0600 is for the temp file, not the user's pack
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
