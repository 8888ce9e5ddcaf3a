"""The exercise file: one UTF-8 Markdown file with a small TOML front matter between two ``+++`` lines::

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

A reply exercise adds ``kind = "reply"``, the ``comment`` to answer and, optionally, the ``post``
the comment is under; its ``starting_draft`` is the weak reply and its targets name the reply
score only (``targets = { reply = 70 }``).

Owns reading (`parse_exercise`, which checks every field) and writing (`to_markdown`) such a
file, and the platform ids an exercise may name. Imports `model` and `resonanz.core.analysis`
(dimensions, platform profiles).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from functools import lru_cache

from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.exercises.model import KINDS, LANGUAGES, TOPICS, Exercise, ExerciseError
from resonanz.core.fileio import load_toml

__all__ = ["parse_exercise", "platform_ids", "to_markdown"]

_FIELDS: tuple[str, ...] = ("id", "language", "title", "topic", "platform", "goal", "targets", "hints", "starting_draft")
#: Fields a reply exercise adds (`kind = "reply"`, the comment to answer, optionally the post).
_OPTIONAL: tuple[str, ...] = ("kind", "comment", "post")
#: What a reply exercise's targets may name: the reply score of `analyze_reply`.
REPLY_DIMENSIONS: tuple[str, ...] = ("reply",)
_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
_DELIMITER = "+++"
_MAX_HINTS = 20
_MAX_SHORT = 300  # title, goal, each hint (characters)


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
        data = load_toml(front)  # a size and nesting limit: never RecursionError
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = start + 1 + int(m.group(1)) if m else end + 1
        raise ExerciseError(source, line, f"invalid TOML in front matter: {msg}") from None

    def where(key: str) -> int:
        return _key_line(lines, key, start + 1, start + 1)

    unknown = sorted(set(data) - set(_FIELDS) - set(_OPTIONAL))
    if unknown:
        raise ExerciseError(source, where(unknown[0]), f"unknown field '{unknown[0]}' (fields: {', '.join(_FIELDS + _OPTIONAL)})")
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
    kind = text_field("kind") if "kind" in data else "post"
    if kind not in KINDS:
        raise ExerciseError(source, where("kind"), f"unknown kind {kind!r} (kinds: {', '.join(KINDS)})")
    if kind == "reply":
        if "comment" not in data:
            raise ExerciseError(source, end + 1, "a reply exercise needs the comment it answers: add comment = \"\"\"…\"\"\"")
        comment = text_field("comment", limit=20_000, multiline=True)
        post = text_field("post", limit=20_000, multiline=True) if "post" in data else ""
    elif "comment" in data or "post" in data:
        key = "comment" if "comment" in data else "post"
        raise ExerciseError(source, where(key), f"{key} belongs to a reply exercise: add kind = \"reply\" or remove it")
    else:
        comment = post = ""
    dimensions = REPLY_DIMENSIONS if kind == "reply" else DIMENSIONS

    targets = data["targets"]
    if not isinstance(targets, dict) or not targets:
        raise ExerciseError(source, where("targets"), "targets must be a non-empty table, e.g. { dialogue = 70 }")
    for dim, value in targets.items():
        if dim not in dimensions:
            raise ExerciseError(source, where("targets"), f"unknown dimension '{dim}' in targets of a {kind} exercise (dimensions: {', '.join(dimensions)})")
        if not isinstance(value, int) or isinstance(value, bool):
            raise ExerciseError(source, where("targets"), f"target {dim} must be a whole number 0-100, not {value!r}")
        if not 0 <= value <= 100:
            raise ExerciseError(source, where("targets"), f"target {dim} = {value} is outside 0-100")
    ordered = {dim: targets[dim] for dim in dimensions if dim in targets}

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
        kind=kind,
        comment=comment,
        post_context=post,
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
        + (f'kind = "reply"\ncomment = {_toml_multiline(ex.comment)}\n' if ex.kind == "reply" else "")
        + (f"post = {_toml_multiline(ex.post_context)}\n" if ex.kind == "reply" and ex.post_context else "")
        + f"starting_draft = {_toml_multiline(ex.starting_draft)}\n"
        f"{_DELIMITER}\n"
        f"{ex.body_md}\n"
    )
