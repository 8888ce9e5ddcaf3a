"""Compare an original draft with a revision: score changes, resolved and new findings.

Works for posts (two `AnalysisResult`s: the four dimensions) and for replies (two `ReplyResult`s:
the one `reply` score); `dimensions(result)` says which scores a result has.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Any

from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult, Finding
from resonanz.core.analysis.reply import REPLY, ReplyResult


@dataclass(frozen=True)
class Comparison:
    """What changed between two analyses of (versions of) the same post."""

    before: AnalysisResult | ReplyResult
    after: AnalysisResult | ReplyResult
    deltas: dict  # dimension -> after - before; None where either side is not judged (too little text)
    resolved: tuple[Finding, ...]  # problems in the original that the revision no longer has
    new: tuple[Finding, ...]  # problems the revision has and the original had not
    gained: tuple[Finding, ...]  # strengths (good findings) the revision added


def _key(f: Finding) -> tuple[str, str]:
    return (f.rule, f.kind)


def dimensions(result: Any) -> tuple[str, ...]:
    """The scores a result has: ("reply",) for a reply, the four dimensions for a post."""
    return (REPLY,) if isinstance(result, ReplyResult) else DIMENSIONS


def score_value(result: Any, dimension: str) -> int | None:
    """One score of a post or reply result, None where it has none (not judged)."""
    score = result.scores.get(dimension)
    return None if score is None else score.value


def _problems(r: AnalysisResult | ReplyResult) -> list[Finding]:
    return [f for f in r.findings if f.severity in ("error", "warning", "suggestion")]


def _delta(before: int | None, after: int | None) -> int | None:
    return None if before is None or after is None else after - before


def compare(before: AnalysisResult | ReplyResult, after: AnalysisResult | ReplyResult) -> Comparison:
    """Match findings by rule and kind: a finding is resolved if its rule/kind no longer occurs.

    Both results are posts or both are replies (a reply's one score is compared)."""
    if dimensions(before) != dimensions(after):
        raise ValueError("compare a post with a post and a reply with a reply")
    deltas = {d: _delta(score_value(before, d), score_value(after, d)) for d in dimensions(after)}
    before_keys = {_key(f) for f in _problems(before)}
    after_keys = {_key(f) for f in _problems(after)}
    resolved = tuple(f for f in _problems(before) if _key(f) not in after_keys)
    new = tuple(f for f in _problems(after) if _key(f) not in before_keys)
    good_before = {_key(f) for f in before.findings if f.severity == "good"}
    gained = tuple(f for f in after.findings if f.severity == "good" and _key(f) not in good_before)
    return Comparison(before, after, deltas, resolved, new, gained)


#: The minus sign of a falling score: U+2212, as wide as "+" so tiles and tables line up.
MINUS = "\u2212"


def format_delta(delta: int) -> str:
    """A score change with its sign: "+18", "−5" (true minus sign), "±0" for no change."""
    if delta > 0:
        return f"+{delta}"
    if delta < 0:
        return f"{MINUS}{-delta}"
    return "\u00b10"
