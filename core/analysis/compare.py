"""Compare an original draft with a revision: score changes, resolved and new findings."""

from __future__ import annotations

from dataclasses import dataclass

from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult, Finding


@dataclass(frozen=True)
class Comparison:
    """What changed between two analyses of (versions of) the same post."""

    before: AnalysisResult
    after: AnalysisResult
    deltas: dict  # dimension -> after - before; None where either side is not judged (too little text)
    resolved: tuple[Finding, ...]  # problems in the original that the revision no longer has
    new: tuple[Finding, ...]  # problems the revision has and the original had not
    gained: tuple[Finding, ...]  # strengths (good findings) the revision added


def _key(f: Finding) -> tuple[str, str]:
    return (f.rule, f.kind)


def _problems(r: AnalysisResult) -> list[Finding]:
    return [f for f in r.findings if f.severity in ("error", "warning", "suggestion")]


def _delta(before: int | None, after: int | None) -> int | None:
    return None if before is None or after is None else after - before


def compare(before: AnalysisResult, after: AnalysisResult) -> Comparison:
    """Match findings by rule and kind: a finding is resolved if its rule/kind no longer occurs."""
    deltas = {d: _delta(before.score(d), after.score(d)) for d in DIMENSIONS}
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
