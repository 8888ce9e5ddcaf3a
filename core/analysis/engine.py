"""`analyze`: run every enabled rule on a draft and turn its findings into four explainable scores."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Mapping

from resonanz.core.analysis.language import choose_language, own_word_count
from resonanz.core.analysis.model import DIMENSIONS, NOT_ENOUGH_TEXT, AnalysisResult, Contribution, Finding, Score
from resonanz.core.analysis.packs import RulePack, load_pack
from resonanz.core.analysis.platforms import PlatformProfile, load_profiles, resolve_platform
from resonanz.core.analysis.rules import clarity, dialogue, platform, shareability
from resonanz.core.analysis.rules.base import Context
from resonanz.core.analysis.text import Document

#: Every rule id in catalogue order (HEURISTICS.md), mapped to its mechanism.
RULES = {**dialogue.RULES, **shareability.RULES, **clarity.RULES, **platform.RULES}

_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2, "info": 3, "good": 4}
_NO_GC_FROM = 100_000  # characters from which analyze() pauses the cyclic garbage collector
_profiles_cache: dict[int, tuple[RulePack, Mapping[str, PlatformProfile]]] = {}


def _profiles(pack: RulePack) -> Mapping[str, PlatformProfile]:
    """Platform profiles with the user's overrides; one parse per loaded pack."""
    hit = _profiles_cache.get(id(pack))
    if hit is None or hit[0] is not pack:
        hit = (pack, load_profiles(pack.platform_overrides or None))
        _profiles_cache[id(pack)] = hit
    return hit[1]


def analyze(
    text: str,
    language: str = "auto",
    platform: str = "linkedin",
    *,
    rules_dir: Path | None | bool = None,
    fallback_language: str | None = None,
) -> AnalysisResult:
    """Analyse a draft: four 0-100 scores, findings with spans and reasons, and text statistics.

    `language` is "auto", "de" or "en"; `platform` a profile id or alias (see platforms.toml).
    `rules_dir` is the user's rule folder (default: <data dir>/rules; False: defaults only).
    `fallback_language` ("de", "en", None: the detector's default) is used when `language` is
    "auto" and the post has too few words of its own to decide (only a link, emoji or hashtags);
    the result then says `language_detected=False`, `language_reason="too_few_words"`.
    A post with fewer words of its own than `min_own_words` (resources/rules/common.toml; counted
    as the language detector reads a post: no URLs, @mentions, hashtags, emoji, numbers or
    punctuation) is not judged: `judged_reason="not_enough_text"`, no scores, no findings, no
    signals, and an "auto" language is not detected (the fallback, reason "too_few_words").
    Raises ValueError with a one-line message for an unknown language or platform.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if len(text) < _NO_GC_FROM:
        return _analyze(text, language, platform, rules_dir, fallback_language)
    # A long text makes a million small objects (words, spans) but hardly any reference cycles: the cyclic
    # garbage collector would re-scan them again and again (12-30 % of the time at 5 MB). Paused for
    # this call only; reference counting still frees everything.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyze(text, language, platform, rules_dir, fallback_language)
    finally:
        if was_enabled:
            gc.enable()


def _analyze(text: str, language: str, platform: str, rules_dir: Path | None | bool, fallback_language: str | None) -> AnalysisResult:
    judged = enough_text(text)
    # Not judged: no language is claimed for a handful of words ("Danke!"), so "auto" decides on nothing.
    lang, reason = choose_language(text if judged else "", language, fallback_language)
    pack = load_pack(lang, rules_dir)
    profile = resolve_platform(platform, _profiles(pack))
    doc = Document(text, pack.abbreviations)
    ctx = Context(doc, pack, profile)
    if not judged:
        return AnalysisResult(
            text=text,
            language=lang,
            language_detected=False,
            platform=profile.id,
            scores={},
            findings=(),
            stats=_stats(ctx),
            signal_counts={},
            language_reason=reason,
            judged_reason=NOT_ENOUGH_TEXT,
        )

    findings: list[Finding] = []
    counts: dict[str, int] = {}
    for rule_id, rule in RULES.items():
        if not pack.enabled(rule_id):
            continue
        outcome = rule(ctx)
        counts[rule_id] = outcome.count
        findings.extend(outcome.findings)

    scores = {dim: _score(dim, findings, pack) for dim in DIMENSIONS}
    findings.sort(key=lambda f: (DIMENSIONS.index(f.dimension), _SEVERITY_ORDER[f.severity], -abs(f.points), f.start if f.start is not None else -1))
    return AnalysisResult(
        text=text,
        language=lang,
        language_detected=reason == "detected",
        platform=profile.id,
        scores=scores,
        findings=tuple(findings),
        stats=_stats(ctx),
        signal_counts=counts,
        language_reason=reason,
    )


def platform_profile(platform: str, language: str = "de", rules_dir: Path | None | bool = None) -> PlatformProfile:
    """The platform's profile as `analyze` uses it: defaults plus the user's overrides (e.g. a house limit)."""
    pack = load_pack(language if language in ("de", "en") else "de", rules_dir)
    return resolve_platform(platform, _profiles(pack))


def min_own_words() -> int:
    """Words of its own a post needs to be judged (`[scoring] min_own_words` of common.toml, the
    same for both languages; user rule files do not change it)."""
    return int(load_pack("de", False).scoring.get("min_own_words", 0))


def enough_text(text: str) -> bool:
    """Whether `analyze` would judge `text` (it has at least `min_own_words()` words of its own)."""
    need = min_own_words()
    return need <= 0 or own_word_count(text, need) >= need


def _light(value: int, scoring: Mapping) -> str:
    if value < scoring["red_below"]:
        return "red"
    return "green" if value >= scoring["green_from"] else "amber"


def _score(dimension: str, findings: list[Finding], pack: RulePack) -> Score:
    """Base value plus every finding's points, cut to 0-100; the breakdown sums to the value."""
    base = int(pack.scoring["base"][dimension])
    parts = [Contribution("base", pack.labels["base"], base)]
    per_rule: dict[str, int] = {}
    for f in findings:
        if f.dimension == dimension and f.points:
            per_rule[f.rule] = per_rule.get(f.rule, 0) + f.points
    for rule_id, points in per_rule.items():
        if points:
            parts.append(Contribution(rule_id, pack.rules[rule_id].get("label", rule_id), points))
    raw = sum(c.points for c in parts)
    value = min(100, max(0, raw))
    if value != raw:
        parts.append(Contribution("clamp", pack.labels["clamp"], value - raw))
    return Score(dimension, value, _light(value, pack.scoring), tuple(parts))


def _stats(ctx: Context) -> dict:
    doc = ctx.doc
    words = len(doc.words)
    wpm = ctx.pack.scoring["reading_wpm"][ctx.language]
    return {
        "words": words,
        "sentences": sum(1 for s in doc.sentences if s.n_words),
        "characters": platform.platform_count(ctx) if ctx.platform.counting != "codepoints" or doc.urls else len(doc.text),
        "characters_limit": ctx.platform.limit,
        "fold": dialogue.fold(ctx),  # str offset where the platform cuts the preview ("…mehr"), or None
        "code_points": len(doc.text),
        "lines": len(doc.lines),
        "hashtags": len(doc.hashtags),
        "mentions": len(doc.mentions),
        "links": len(doc.urls),
        "emoji": len(doc.emoji),
        "reading_time_seconds": round(words * 60 / wpm),
        "readability": clarity.readability_values(ctx),
    }


__all__ = ["analyze", "enough_text", "min_own_words", "platform_profile", "RULES"]
