"""Immutable result types of the analysis engine: plain data in, plain data out."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

DIMENSIONS: tuple[str, ...] = ("dialogue", "shareability", "clarity", "platform_fit")

#: Dimension of spelling and grammar findings (core.spelling, core.grammar). Not scored: such
#: findings carry points=0 and never enter `AnalysisResult.scores`, so the four scores stay
#: explainable and independent of the network.
LANGUAGE_DIMENSION = "language"

#: Every dimension a finding may have: the four scored ones plus the unscored "language".
FINDING_DIMENSIONS: tuple[str, ...] = (*DIMENSIONS, LANGUAGE_DIMENSION)

#: Why a result has no scores (`AnalysisResult.judged_reason`): "" = judged; "not_enough_text" =
#: the post has fewer words of its own than `min_own_words` in resources/rules/common.toml.
NOT_ENOUGH_TEXT = "not_enough_text"

#: Severity levels from good news to blocking problem, in display order.
SEVERITIES: tuple[str, ...] = ("good", "info", "suggestion", "warning", "error")


class Span(NamedTuple):
    """A half-open range [start, end) of Python str offsets (code points) in the analysed text
    (a tuple: a finding on a long draft may carry 100,000 spans, creation must be cheap)."""

    start: int
    end: int

    def text(self, source: str) -> str:
        """The passage of `source` this span covers."""
        return source[self.start : self.end]


#: Span((start, end)) built in C, without NamedTuple's Python-level __new__ (a long draft's word
#: lists and findings hold hundreds of thousands of spans: creation must be cheap).
make_span = partial(tuple.__new__, Span)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the engine noticed, with where it is, why it matters and what to do."""

    rule: str  # e.g. "D2"; "SPELL" or "LT:<LanguageTool rule id>" for language findings
    dimension: str  # one of FINDING_DIMENSIONS
    severity: str  # one of SEVERITIES
    message: str  # in the draft's language
    suggestion: str  # in the draft's language; "" for good news that needs no action
    why: str  # short reasoning, in the draft's language
    source: str  # citation, e.g. "de Vries, Gensler & Leeflang 2012"
    spans: tuple[Span, ...] = ()
    points: int = 0  # what this finding added to (or took from) its dimension's score
    kind: str = ""  # which message of the rule, e.g. "monologue" for D1: stable, for code and tests
    replacements: tuple[str, ...] = ()  # texts that may replace the first span as they are (one-click fixes)
    # what filled the message and suggestion templates ({"we": 3, "you": 1}, {"quote": "…"}), so a
    # report in the other language can say the same with that pack's template; {} for findings not
    # built from a rule pack (spelling, grammar). Quotes stay in the post's language.
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def start(self) -> int | None:
        """Start of the first span, or None if the finding is about the post as a whole."""
        return self.spans[0].start if self.spans else None

    @property
    def end(self) -> int | None:
        """End of the first span, or None if the finding is about the post as a whole."""
        return self.spans[0].end if self.spans else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; `start`/`end` are Python str offsets of the first span."""
        return {
            "rule": self.rule,
            "kind": self.kind,
            "dimension": self.dimension,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "spans": [[s.start, s.end] for s in self.spans],
            "message": self.message,
            "suggestion": self.suggestion,
            "why": self.why,
            "source": self.source,
            "points": self.points,
            "replacements": list(self.replacements),
            "values": {k: v if isinstance(v, (str, int, float)) else str(v) for k, v in self.values.items()},
        }


@dataclass(frozen=True, slots=True)
class Contribution:
    """One line of a score's breakdown: which signal moved the score by how many points."""

    rule: str  # a rule id, or "base" for the starting value, or "clamp" for the 0-100 cut
    label: str  # human-readable name of the signal, in the draft's language
    points: int


@dataclass(frozen=True, slots=True)
class Score:
    """A dimension score 0-100 whose breakdown sums exactly to its value."""

    dimension: str
    value: int
    light: str  # "red" | "amber" | "green"
    breakdown: tuple[Contribution, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "value": self.value,
            "light": self.light,
            "breakdown": [{"rule": c.rule, "label": c.label, "points": c.points} for c in self.breakdown],
        }


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class AnalysisResult:
    """Everything `analyze` says about one draft."""

    text: str
    language: str  # "de" | "en"
    language_detected: bool  # True only if the post's own words decided an "auto" language
    platform: str
    scores: Mapping[str, Score]
    findings: tuple[Finding, ...]
    stats: Mapping[str, Any]
    signal_counts: Mapping[str, int] = field(default_factory=lambda: _frozen({}))
    # Why `language`: "chosen", "detected" or "too_few_words" (auto, but the post has too few words
    # of its own to decide: the language came from the caller's fallback). "" = derived from
    # `language_detected` ("detected" or "chosen"), for results built without a reason.
    language_reason: str = ""
    # "" = judged: four scores and the findings. "not_enough_text" (NOT_ENOUGH_TEXT) = too few
    # words of its own to judge: `scores` and `findings` are empty, `score(d)` is None, and for an
    # "auto" language nothing was detected (`language_reason` "too_few_words", `language` is the
    # caller's fallback, kept only so stats and messages have a language).
    judged_reason: str = ""

    def __post_init__(self) -> None:
        if not self.language_reason:
            object.__setattr__(self, "language_reason", "detected" if self.language_detected else "chosen")
        object.__setattr__(self, "scores", _frozen(self.scores))
        object.__setattr__(self, "stats", _frozen(self.stats))
        object.__setattr__(self, "signal_counts", _frozen(self.signal_counts))

    @property
    def judged(self) -> bool:
        """True if the post had enough text to be scored (then `scores` holds all four dimensions)."""
        return not self.judged_reason

    def score(self, dimension: str) -> int | None:
        """The 0-100 value of one dimension; None for a result that is not judged."""
        found = self.scores.get(dimension)
        return None if found is None else found.value

    def findings_for(self, rule: str) -> tuple[Finding, ...]:
        """All findings of one rule id."""
        return tuple(f for f in self.findings if f.rule == rule)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of `resonanz score --format json`."""
        return {
            "language": self.language,
            "language_detected": self.language_detected,
            "language_reason": self.language_reason,
            "platform": self.platform,
            "scores": {d: self.scores[d].value if d in self.scores else None for d in DIMENSIONS},
            "lights": {d: self.scores[d].light if d in self.scores else None for d in DIMENSIONS},
            "breakdown": {d: self.scores[d].to_dict()["breakdown"] if d in self.scores else [] for d in DIMENSIONS},
            "findings": [f.to_dict() for f in self.findings],
            "signals": dict(self.signal_counts),
            "stats": dict(self.stats),
            "judged": self.judged,
            **({} if self.judged else {"reason": self.judged_reason}),
        }
