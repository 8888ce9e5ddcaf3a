"""One live round: its join code, its exercise and session, and what participants do in it (no HTTP here).

`Room.analyze` scores a text exactly as a stored attempt is scored (`evaluate` against the
round's exercise); `Room.submit` stores it as the participant's attempt, a new revision each time
the same page submits again. Every change is reported through `on_event` as one line of the
`round serve` protocol (docs/LIVE_ROUNDS.md): ``COUNTS joined=N submitted=M`` and ``ATTEMPT <draft id>``.
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import regex

from resonanz.core.analysis.reply import ReplyResult
from resonanz.core.exercises.attempts import save_attempt, start_attempt
from resonanz.core.exercises.library import evaluate
from resonanz.core.exercises.model import Exercise
from resonanz.core.live.limits import Limits

__all__ = ["CODE_ALPHABET", "Entrant", "Room", "RoundInputError", "new_code"]

#: 32 letters without look-alikes (no 0/O, no 1/I): six of them are 30 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def new_code() -> str:
    """A fresh, unguessable join code (secrets, not random)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class RoundInputError(ValueError):
    """A request the round refuses: `code` is the stable word for it (docs/LIVE_ROUNDS.md), the message one
    English line for scripts (the page shows its own line for the code)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Entrant:
    """A participant's page in this round: their participant row and attempt, once they submitted."""

    participant_id: int
    draft_id: int
    name: str


_GRAPHEME = regex.compile(r"\X")


def _clean_name(name: Any, limit: int) -> str:
    if not isinstance(name, str):
        raise RoundInputError("wrong_type", "'name' must be a text")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if not name:
        raise RoundInputError("name_empty", "give a name or pseudonym")
    if len(name) > limit:
        raise RoundInputError("name_too_long", f"the name is longer than {limit} characters")
    return name


def _numbered(name: str, n: int, limit: int) -> str:
    """`name (n)` within `limit` characters: the name is shortened by whole characters as a reader
    sees them (an emoji sequence or an accented letter is kept or dropped as one)."""
    suffix = f" ({n})"
    room = limit - len(suffix)
    if len(name) > room:
        cut = 0
        for m in _GRAPHEME.finditer(name):
            if m.end() > room:
                break
            cut = m.end()
        name = name[:cut].rstrip()
    return name + suffix


class Room:
    """The state of one round. Not thread-safe: the server calls it from its one event loop."""

    def __init__(self, store, session_id: int, exercise: Exercise, limits: Limits, *, code: str | None = None,
                 on_event: Callable[[str], None] = lambda line: None) -> None:
        self.store, self.session_id, self.exercise, self.limits = store, session_id, exercise, limits
        self.code = code or new_code()
        self.on_event = on_event
        self.entrants: dict[str, Entrant] = {}
        self.joined: set[str] = set()
        self.open = True

    # ------------------------------------------------------------------ counts

    def seen(self, participant: str) -> None:
        """A page with this X-Participant id has made a valid request."""
        if participant not in self.joined:
            self.joined.add(participant)
            self._counts()

    def _counts(self) -> None:
        self.on_event(f"COUNTS joined={len(self.joined)} submitted={len(self.entrants)}")

    # ------------------------------------------------------------------ what the page asks

    def describe(self) -> dict[str, Any]:
        ex = self.exercise
        return {
            "title": ex.title, "goal": ex.goal, "task": ex.body_md, "starting_draft": ex.starting_draft,
            "language": ex.language, "platform": ex.platform, "kind": ex.kind, "comment": ex.comment,
            "post_context": ex.post_context, "open": self.open, "max_chars": self.limits.max_chars,
            "max_name_chars": self.limits.max_name_chars,
        }

    def _text(self, text: Any) -> str:
        if not isinstance(text, str):
            raise RoundInputError("wrong_type", "'text' must be a text")
        if len(text) > self.limits.max_chars:
            raise RoundInputError("text_too_long", f"the text is longer than {self.limits.max_chars} characters")
        return text

    def _exercise_for(self, language: Any) -> Exercise:
        if language in (None, "auto"):
            return self.exercise
        if language not in ("de", "en"):
            raise RoundInputError("bad_language", "'language' must be \"auto\", \"de\" or \"en\"")
        return replace(self.exercise, language=language)

    def check_analyze(self, text: Any, language: Any = "auto") -> tuple[str, Any]:
        """(text, language) if `analyze` takes them, else RoundInputError: checked before any allowance is spent."""
        self._exercise_for(language)
        return self._text(text), language

    def check_submit(self, name: Any, text: Any) -> tuple[str, str]:
        """(name, text) as `submit` stores them, else RoundInputError: checked before any allowance is spent."""
        text = self._text(text)
        if not text.strip():
            raise RoundInputError("text_empty", "the text is empty")
        return _clean_name(name, self.limits.max_name_chars), text

    def analyze(self, text: Any, language: Any = "auto") -> dict[str, Any]:
        """The scores and top findings of `text`, as the stored attempt would get them."""
        text, language = self.check_analyze(text, language)
        return self.answer(evaluate(self._exercise_for(language), text))

    def submit(self, participant: str, name: Any, text: Any) -> dict[str, Any]:
        """Store `text` as this page's attempt (a new revision if it submitted before)."""
        name, text = self.check_submit(name, text)
        entrant = self.entrants.get(participant)
        if entrant is None:
            taken = {p.display_name for p in self.store.participants(self.session_id)}
            shown = name
            n = 2
            while shown in taken:  # two people called Anna stay two people
                shown, n = _numbered(name, n, self.limits.max_name_chars), n + 1
            pid = self.store.add_participant(self.session_id, shown)
            draft_id = start_attempt(self.store, self.exercise, self.session_id, pid, text)
            entrant = self.entrants[participant] = Entrant(pid, draft_id, shown)
        revision, result = save_attempt(self.store, entrant.draft_id, self.exercise, text, "Live")
        self.joined.add(participant)
        self.on_event(f"ATTEMPT {entrant.draft_id}")
        self._counts()
        return {"attempt": entrant.draft_id, "revision": revision, "name": entrant.name, **self.answer(result)}

    def answer(self, result) -> dict[str, Any]:
        """The JSON the page gets for one result (a post's four scores, or a reply's one)."""
        if isinstance(result, ReplyResult):
            scores = {"reply": result.score.value} if result.judged else {}
        else:
            scores = {d: s.value for d, s in result.scores.items()}
        ranked = sorted(result.findings, key=lambda f: -abs(f.points))[: self.limits.findings]
        return {
            "judged": result.judged, "language": result.language, "scores": scores,
            "findings": [
                {"rule": f.rule, "dimension": f.dimension, "severity": f.severity, "message": f.message,
                 "suggestion": f.suggestion, "why": f.why, "points": f.points,
                 "start": f.spans[0].start if f.spans else None, "end": f.spans[0].end if f.spans else None}
                for f in ranked
            ],
        }
