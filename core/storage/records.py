"""Storage records: the frozen dataclasses a `Store` returns and their conversion to and from rows.

Owns `Draft`, `DraftSummary`, `Revision`, `Exercise`, `Session`, `Participant`, `ScorePoint` and
`Attempt`, the column lists their SELECTs read, the row -> record converters and the checks that
turn an analysis result or an exercise into columns. Imports nothing from Resonanz but
`resonanz.core.storage.migrations` (`now_utc`); no SQL is run here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from types import MappingProxyType
from typing import Any

from resonanz.core.storage.migrations import now_utc

__all__ = [
    "Attempt",
    "Draft",
    "DraftSummary",
    "Exercise",
    "Participant",
    "Revision",
    "ScorePoint",
    "Session",
    "exercise_row",
]


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


def _loads(text: str | None, default: Any) -> Any:
    return default if text is None else json.loads(text)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Draft:
    """One draft with its full text; `deleted_at` set means it is in the trash."""

    id: int
    title: str
    text: str
    language: str
    platform: str
    owner: int | None
    exercise_id: str | None
    session_id: int | None
    created_at: str
    updated_at: str
    deleted_at: str | None
    kind: str = "post"  # "post" | "reply"
    comment: str = ""  # a reply's comment (the text it answers)
    post_context: str = ""  # a reply's post (what the comment was written under), may be empty

    @property
    def is_reply(self) -> bool:
        """True for an answer to a comment (scored with `analyze_reply`)."""
        return self.kind == "reply"

    @property
    def in_trash(self) -> bool:
        """True while the draft is in the trash."""
        return self.deleted_at is not None


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """A line of the draft list: the first 160 characters instead of the whole text."""

    id: int
    title: str
    preview: str
    language: str
    platform: str
    owner: int | None
    exercise_id: str | None
    session_id: int | None
    created_at: str
    updated_at: str
    deleted_at: str | None
    kind: str = "post"  # "post" | "reply"


@dataclass(frozen=True, slots=True)
class Revision:
    """A saved version of a draft with the scores and findings it had then (None = not scored)."""

    id: int
    draft_id: int
    label: str
    text: str
    created_at: str
    language: str
    platform: str
    scores: Mapping[str, int] | None
    findings: tuple[Mapping[str, Any], ...] | None
    engine_version: str | None
    comment: str | None = None  # the comment a reply was scored against; None for a post


@dataclass(frozen=True, slots=True)
class Exercise:
    """A practice task: goal, instructions (Markdown), starting draft, score targets and hints."""

    id: str
    language: str
    platform: str
    topic: str
    title: str
    goal: str
    body_md: str
    starting_draft: str
    targets: Mapping[str, Any]
    hints: tuple[str, ...]
    source: str
    updated_at: str
    kind: str = "post"  # "post" | "reply"
    comment: str = ""  # a reply exercise's comment
    post_context: str = ""  # a reply exercise's post, may be empty


@dataclass(frozen=True, slots=True)
class Session:
    """A coaching session: one person ("individual") or a group ("workshop")."""

    id: int
    kind: str
    title: str
    date: str
    facilitator_notes: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Participant:
    """A person in a session; `pseudonym` is what a shared screen may show instead of the name."""

    id: int
    session_id: int
    display_name: str
    pseudonym: str | None


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """The scores of one saved revision: one point of a progress curve."""

    revision_id: int
    label: str
    created_at: str
    scores: Mapping[str, int] | None


@dataclass(frozen=True, slots=True)
class Attempt:
    """A draft written in a session, with its scored revisions oldest first."""

    draft_id: int
    title: str
    session_id: int
    owner: int | None
    participant: str | None
    pseudonym: str | None
    exercise_id: str | None
    created_at: str
    updated_at: str
    history: tuple[ScorePoint, ...]
    kind: str = "post"  # the draft's kind: "post" | "reply" (scores {"reply": n})

    @property
    def is_reply(self) -> bool:
        """True for an answer to a comment: its scores are {"reply": n}, not the four dimensions."""
        return self.kind == "reply"

    @property
    def latest_scores(self) -> Mapping[str, int] | None:
        """Scores of the newest scored revision, or None."""
        for point in reversed(self.history):
            if point.scores is not None:
                return point.scores
        return None


_BASE_DRAFT_COLS = "d.id, d.title, d.text, d.language, d.platform, d.owner, d.exercise_id, d.session_id, d.created_at, d.updated_at, d.deleted_at"
_DRAFT_COLS = _BASE_DRAFT_COLS + ", d.kind, d.comment, d.post_context"
_SUMMARY_COLS = _BASE_DRAFT_COLS.replace("d.text", "substr(d.text, 1, 160)") + ", d.kind"
_REVISION_COLS = "id, draft_id, label, text, created_at, language, platform, scores_json, findings_json, engine_version, comment"
_EXERCISE_COLS = "id, language, platform, topic, title, goal, body_md, starting_draft, targets_json, hints_json, source, updated_at, kind, comment, post_context"
_EXERCISE_KEYS = frozenset(_EXERCISE_COLS.split(", ")) | {"targets", "hints"}


def _revision(row: Sequence[Any]) -> Revision:
    scores = _loads(row[7], None)
    findings = _loads(row[8], None)
    return Revision(
        *row[:7],
        scores=None if scores is None else _frozen(scores),
        findings=None if findings is None else tuple(_frozen(f) for f in findings),
        engine_version=row[9],
        comment=row[10],
    )


def _exercise(row: Sequence[Any]) -> Exercise:
    return Exercise(*row[:8], targets=_frozen(json.loads(row[8])), hints=tuple(json.loads(row[9])), source=row[10], updated_at=row[11], kind=row[12], comment=row[13], post_context=row[14])


def _attempts(rows: list[Sequence[Any]]) -> list[Attempt]:
    attempts: list[Attempt] = []
    points: dict[int, list[ScorePoint]] = {}
    for row in rows:
        if row[0] not in points:
            points[row[0]] = []
            attempts.append(Attempt(*row[:9], history=(), kind=row[13] if len(row) > 13 else "post"))
        if row[9] is not None:
            scores = _loads(row[12], None)
            points[row[0]].append(ScorePoint(row[9], row[10], row[11], None if scores is None else _frozen(scores)))
    return [replace(a, history=tuple(points[a.draft_id])) for a in attempts]


def _result_parts(result: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """(scores_json, findings_json, language, platform) of an AnalysisResult, its to_dict(), or None.

    A result that is not judged (too little text: `"judged": false`, scores null) stores no scores
    and no findings, like an unscored revision, and claims no language (the draft's is kept).
    """
    if result is None:
        return None, None, None, None
    data = result.to_dict() if hasattr(result, "to_dict") else result
    if not isinstance(data, Mapping) or not isinstance(data.get("scores"), Mapping):
        raise TypeError("result must be an AnalysisResult, its to_dict(), or None")
    if data.get("judged") is False or any(v is None for v in data["scores"].values()):
        return None, None, None, data.get("platform")
    scores = {str(k): int(v) for k, v in data["scores"].items()}
    return _dumps(scores), _dumps(list(data.get("findings", []))), data.get("language"), data.get("platform")


def exercise_row(exercise: Mapping[str, Any] | Exercise | Any) -> dict[str, Any]:
    """A checked, JSON-encoded row for the exercises table (from a mapping or any exercise dataclass)."""
    if isinstance(exercise, Mapping):
        data = dict(exercise)
    else:
        data = {f.name: getattr(exercise, f.name) for f in fields(exercise)}
        for key in ("language", "title", "topic", "platform", "goal", "starting_draft", "body_md", "source", "kind", "comment", "post_context"):
            data.setdefault(key, getattr(exercise, key, None))
        data = {k: v for k, v in data.items() if k in _EXERCISE_KEYS and not (v is None and k in ("kind", "comment", "post_context"))}
    unknown = set(data) - _EXERCISE_KEYS
    if unknown:
        raise ValueError(f"unknown exercise fields: {', '.join(sorted(unknown))}")
    ex_id = data.get("id")
    if not isinstance(ex_id, str) or not ex_id.strip():
        raise ValueError("an exercise needs a non-empty text id, e.g. 'de-dialog-01'")
    source = data.get("source", "builtin")
    if source != "builtin" and not (isinstance(source, str) and source.startswith("pack:") and len(source) > 5):
        raise ValueError(f"exercise source must be 'builtin' or 'pack:<name>', not {source!r}")
    targets = data.pop("targets", None)
    hints = data.pop("hints", None)
    if targets is not None:
        data["targets_json"] = _dumps(dict(targets))
    if hints is not None:
        data["hints_json"] = _dumps([str(h) for h in ([hints] if isinstance(hints, str) else hints)])
    for key in ("targets_json", "hints_json"):
        if key in data and not isinstance(data[key], str):
            data[key] = _dumps(data[key])
    kind = data.get("kind", "post")
    if kind not in ("post", "reply"):
        raise ValueError(f"exercise kind must be 'post' or 'reply', not {kind!r}")
    if kind == "reply" and not str(data.get("comment") or "").strip():
        raise ValueError(f"reply exercise {ex_id!r} needs the comment it answers")
    data["source"] = source
    data.setdefault("updated_at", now_utc())
    return data
