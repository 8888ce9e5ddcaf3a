"""The exercise model: what an exercise is, which languages and topics it may have, and its error.

Owns `Exercise`, `LANGUAGES`, `TOPICS` and `ExerciseError`. Imports nothing from Resonanz.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["KINDS", "LANGUAGES", "TOPICS", "Exercise", "ExerciseError"]

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
    "reply",  # answer a comment: the second turn of the dialogue
)

#: What an exercise asks for: a post, or a reply to a comment (scored with `analyze_reply`).
KINDS: tuple[str, ...] = ("post", "reply")


class ExerciseError(ValueError):
    """An exercise file that cannot be used; str() is one line "<source>:<line>: <problem>"."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source, self.line, self.problem = source, line, message
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {_one_line(message)}")


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
    kind: str = "post"  # one of KINDS
    comment: str = ""  # a reply exercise: the comment to answer
    post_context: str = ""  # a reply exercise: the post the comment is under (may be empty)

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets", MappingProxyType(dict(self.targets)))
        object.__setattr__(self, "hints", tuple(self.hints))
