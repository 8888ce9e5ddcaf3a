"""`analyze_reply`: coach an organisation's reply to a comment under its post (issue 15).

The reply gets one score, `reply`, 0-100: the `[reply] base` of common.toml plus the points of the
reply rules R1-R9 (core.analysis.rules.reply), cut to 0-100; its breakdown sums exactly (base,
one line per rule, "clamp") and its light uses the red/amber/green thresholds of `[scoring]`.

Which text a span refers to: `Finding.spans` always lie in the REPLY (as `analyze`'s spans lie in
the post), so every consumer of findings can mark them as it marks a post. Where a finding also
points into the COMMENT (the words R2 found shared, the question R3 saw unanswered, the personal
data that justifies R6, …), those spans are in `ReplyResult.comment_spans`, a tuple parallel to
`findings` (`comment_spans[i]` belongs to `findings[i]`; empty when the finding has none). In
JSON every finding carries `"target": "reply"` and `"comment_spans": [[start, end], …]`.

Too little text: a reply is judged from `[reply] min_own_words` (1) word of its own on, not from
the three words a post needs: it is read against the comment, so "Danke!" under a question is a
judgeable and weak reply. A reply with no word of its own (empty, only emoji, a link or a handle)
is not judged (`judged_reason="not_enough_text"`: no score, no findings), like `analyze`. The
comment may be anything, also empty: the rules that need its words (R2, R3) then stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from resonanz.core.analysis.engine import _light
from resonanz.core.analysis.language import choose_language, own_word_count
from resonanz.core.analysis.model import NOT_ENOUGH_TEXT, Contribution, Finding, Score, Span, _frozen
from resonanz.core.analysis.packs import RulePack, load_pack
from resonanz.core.analysis.rules.reply import RULES, ReplyContext
from resonanz.core.analysis.text import Document

#: The one dimension of a reply result.
REPLY = "reply"
_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2, "info": 3, "good": 4}


@dataclass(frozen=True, slots=True)
class ReplyResult:
    """Everything `analyze_reply` says about one reply to one comment."""

    comment: str
    reply: str
    post: str | None
    language: str  # "de" | "en"
    language_detected: bool
    language_reason: str  # "chosen", "detected" or "too_few_words" (as AnalysisResult)
    score: Score | None  # None when not judged
    findings: tuple[Finding, ...]  # spans in the reply
    comment_spans: tuple[tuple[Span, ...], ...]  # parallel to findings: spans in the comment
    stats: Mapping[str, Any]
    signal_counts: Mapping[str, int] = field(default_factory=lambda: _frozen({}))
    judged_reason: str = ""  # "" = judged; NOT_ENOUGH_TEXT = the reply has no word of its own

    def __post_init__(self) -> None:
        if len(self.comment_spans) != len(self.findings):
            raise ValueError("comment_spans must have one entry per finding")
        object.__setattr__(self, "stats", _frozen(self.stats))
        object.__setattr__(self, "signal_counts", _frozen(self.signal_counts))

    @property
    def judged(self) -> bool:
        """True if the reply had enough text to be scored."""
        return not self.judged_reason

    @property
    def text(self) -> str:
        """The reply: the text the spans of `findings` lie in (as `AnalysisResult.text`)."""
        return self.reply

    @property
    def scores(self) -> Mapping[str, Score]:
        """{"reply": Score}, or {} when not judged (the shape of `AnalysisResult.scores`)."""
        return _frozen({REPLY: self.score} if self.score is not None else {})

    @property
    def value(self) -> int | None:
        """The 0-100 reply score, None when not judged."""
        return None if self.score is None else self.score.value

    def findings_for(self, rule: str) -> tuple[Finding, ...]:
        """All findings of one rule id."""
        return tuple(f for f in self.findings if f.rule == rule)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of `resonanz reply --format json`."""
        findings = []
        for f, spans in zip(self.findings, self.comment_spans):
            d = f.to_dict()
            d["target"] = "reply"
            d["comment_spans"] = [[s.start, s.end] for s in spans]
            findings.append(d)
        return {
            "kind": "reply",
            "language": self.language,
            "language_detected": self.language_detected,
            "language_reason": self.language_reason,
            "scores": {REPLY: self.value},
            "lights": {REPLY: self.score.light if self.score else None},
            "breakdown": {REPLY: self.score.to_dict()["breakdown"] if self.score else []},
            "findings": findings,
            "signals": dict(self.signal_counts),
            "stats": dict(self.stats),
            "judged": self.judged,
            **({} if self.judged else {"reason": self.judged_reason}),
        }


def analyze_reply(
    comment: str,
    reply: str,
    *,
    post: str | None = None,
    language: str = "auto",
    rules_dir: Path | None | bool = None,
    previous_replies: Sequence[str] = (),
    commenter: str | None = None,
    fallback_language: str | None = None,
) -> ReplyResult:
    """Score `reply` as an answer to `comment` (optionally under `post`).

    `language` "auto" detects from the reply, else (too few words) from the comment, else uses
    `fallback_language`. `previous_replies`: replies already given (a session, an audit) for R4's
    near-duplicate check. `commenter`: the commenter's display name, if known, for R1.
    `rules_dir` as for `analyze`. Raises ValueError with one line for an unknown language,
    TypeError for a text that is not a str.
    """
    for name, value in (("comment", comment), ("reply", reply)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be str, not {type(value).__name__}")
    if post is not None and not isinstance(post, str):
        raise TypeError(f"post must be str or None, not {type(post).__name__}")
    lang, reason = choose_language(reply, language, fallback_language)
    if reason == "too_few_words":  # "Danke!": the comment it answers tells the language
        from_comment, why = choose_language(comment, "auto", fallback_language)
        lang, reason = (from_comment, why) if why == "detected" else (lang, reason)
    pack = load_pack(lang, rules_dir)
    reply_doc, comment_doc = Document(reply, pack.abbreviations), Document(comment, pack.abbreviations)
    post_doc = Document(post, pack.abbreviations) if post else None
    need = int(pack.reply.get("min_own_words", 1))
    stats = {"words": len(reply_doc.words), "comment_words": len(comment_doc.words), "code_points": len(reply),
             "sentences": sum(1 for s in reply_doc.sentences if s.n_words), "emoji": len(reply_doc.emoji),
             "previous_replies": len(previous_replies)}
    common = dict(comment=comment, reply=reply, post=post, language=lang, language_detected=reason == "detected",
                  language_reason=reason, stats=stats)
    if need > 0 and own_word_count(reply, need) < need:
        return ReplyResult(score=None, findings=(), comment_spans=(), judged_reason=NOT_ENOUGH_TEXT, **common)
    ctx = ReplyContext(reply_doc, comment_doc, pack, post=post_doc, previous=[p for p in previous_replies if isinstance(p, str)], commenter=commenter)
    pairs: list[tuple[Finding, tuple[Span, ...]]] = []
    counts: dict[str, int] = {}
    for rule_id, rule in RULES.items():
        if not pack.enabled_reply(rule_id):
            continue
        outcome = rule(ctx)
        counts[rule_id] = outcome.count
        pairs.extend(zip(outcome.findings, outcome.comment_spans))
    pairs.sort(key=lambda p: (_SEVERITY_ORDER[p[0].severity], -abs(p[0].points), p[0].start if p[0].start is not None else -1))
    score = reply_score([f for f, _ in pairs], pack)
    return ReplyResult(score=score, findings=tuple(f for f, _ in pairs), comment_spans=tuple(c for _, c in pairs), signal_counts=counts, **common)


def reply_score(findings: Sequence[Finding], pack: RulePack) -> Score:
    """Base value plus every finding's points, cut to 0-100; the breakdown sums to the value."""
    base = int(pack.reply["base"])
    parts = [Contribution("base", pack.labels["base"], base)]
    per_rule: dict[str, int] = {}
    for f in findings:
        if f.points:
            per_rule[f.rule] = per_rule.get(f.rule, 0) + f.points
    for rule_id in RULES:
        if per_rule.get(rule_id):
            parts.append(Contribution(rule_id, pack.reply["rules"][rule_id].get("label", rule_id), per_rule[rule_id]))
    raw = sum(c.points for c in parts)
    value = min(100, max(0, raw))
    if value != raw:
        parts.append(Contribution("clamp", pack.labels["clamp"], value - raw))
    return Score(REPLY, value, _light(value, pack.scoring), tuple(parts))


__all__ = ["REPLY", "ReplyResult", "analyze_reply", "reply_score"]
