"""The page audit (issue 13): score a page's past posts, turn their counts into rates within the
page, and say what travelled, what ended in silence, and which signals go with which outcome.

`run_audit(posts, platform=...)` -> `Audit`; `Audit.to_dict()` is the JSON of `resonanz audit
--format json`. Scoring is in `scoring` (one engine call per post, two processes for large pages),
the figures in `figures` (statistics shared with `resonanz validate`), the reports in `render`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resonanz.core.analysis.engine import RULES, analyze
from resonanz.core.analysis.packs import load_pack
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.audit import figures
from resonanz.core.audit.model import PostRecord
from resonanz.core.audit.scoring import AuditCancelled, Scored, score_posts

__all__ = ["Audit", "AuditCancelled", "AuditPost", "run_audit"]

SEVERITY_RANK = {"error": 4, "warning": 3, "suggestion": 2, "good": 1, "info": 0}


@dataclass(frozen=True)
class AuditPost:
    """One post of the audit: what the engine said, its rates and their percentiles, its group."""

    record: PostRecord
    scored: Scored
    outcomes: Mapping[str, float | None]
    percentiles: Mapping[str, float | None]
    group: str | None  # "travelled", "dead_end" or None
    period: str = "all"
    findings: tuple[str, ...] = ()  # main findings, only for the posts a report shows
    rule_ids: tuple[str, ...] = ()  # the rules the packs checked (the JSON lists each, 0 where it did not fire)

    def to_dict(self) -> dict[str, Any]:
        s = self.scored
        out = {
            "row": self.record.row,
            "date": self.record.date,
            "text": self.record.text,
            "scores": {d: s.score(d) for d in DIMENSIONS},
            "outcomes": {k: figures._num(v) for k, v in self.outcomes.items()},
            "percentiles": {k: figures._num(v) for k, v in self.percentiles.items()},
            "group": self.group,
            "language": s.language or None,
            "judged": s.judged,
            "signals": {r: s.signals.get(r, 0) for r in self.rule_ids} if s.judged else {},
            "counts": dict(self.record.counts),
            "period": self.period,
        }
        if self.findings:
            out["findings"] = list(self.findings)
        return out


@dataclass(frozen=True)
class Audit:
    """Everything the audit found about one page."""

    posts: tuple[AuditPost, ...]
    n_skipped: int
    platform: str
    rates: tuple[str, ...]  # the outcome rates this page has, in audit.toml order
    main_outcome: str | None
    effects: tuple[figures.Effect, ...]
    advice: Mapping[str, Mapping[str, Any]]
    travelled: tuple[int, ...]  # rows, best first
    dead_ends: tuple[int, ...]  # rows, worst first
    by_period: bool = False  # True: percentiles within each calendar year
    language: str = "en"  # the page's majority language (for the report's texts)
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def n_judged(self) -> int:
        return sum(1 for p in self.posts if p.scored.judged)

    def post(self, row: int) -> AuditPost:
        return next(p for p in self.posts if p.record.row == row)

    def to_dict(self, posts: bool = True) -> dict[str, Any]:
        """The JSON object of `resonanz audit --format json` (`posts=False`: all but the posts)."""
        out = {
            "n_posts": len(self.posts),
            "n_skipped": self.n_skipped,
            "n_judged": self.n_judged,
            "platform": self.platform,
            "language": self.language,
            "rates": list(self.rates),
            "main_outcome": self.main_outcome,
            "by_period": self.by_period,
            "min_n": int(self.settings.get("min_n", 0)),
            # "text" in the audit's language; "texts" in both, so a report or a window in the other
            # language says it in its own (a stored audit without "texts" falls back to "text")
            "effects": [{**e.to_dict(), **({"text": figures.plain_line(e, self.language),
                                           "texts": {lang: figures.plain_line(e, lang) for lang in ("de", "en")}} if e.clear else {})}
                        for e in self.effects],
            "advice": {k: dict(v) for k, v in self.advice.items()},
            "travelled": list(self.travelled),
            "dead_ends": list(self.dead_ends),
        }
        if posts:
            out["posts"] = [p.to_dict() for p in self.posts]
        return out


def run_audit(
    posts: Sequence[PostRecord],
    *,
    platform: str,
    language: str = "auto",
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    rules_dir: Path | None | bool = None,
    n_skipped: int = 0,
    reps: int | None = None,
) -> Audit:
    """Score every post (one engine call each; two worker processes from audit.toml `pool_from`
    posts on unless `workers` says otherwise) and compute the audit's figures.
    `progress(done, total)` after each chunk; `cancel()` True raises AuditCancelled between chunks.
    `reps` overrides the bootstrap resamples of audit.toml (tests). ValueError for an unknown
    platform or language, before any work."""
    cfg = figures.settings()["stats"]
    analyze("", language=language, platform=platform, rules_dir=rules_dir)  # one-line ValueError for bad choices, packs warm
    scored = score_posts(
        [p.text for p in posts], platform=platform, language=language, rules_dir=rules_dir, workers=workers,
        pool_from=int(cfg["pool_from"]), chunk=int(cfg["chunk"]), progress=progress, cancel=cancel,
    )
    rates = figures.rates_of([p.counts for p in posts])
    periods = figures.periods_of([p.date for p in posts])
    pcts = {name: figures.percentiles_within(values, periods) for name, values in rates.items()}
    main = figures.main_outcome(rates)
    groups = figures.groups_within(rates[main], periods) if main else [None] * len(posts)

    packs = [load_pack(lang, rules_dir) for lang in sorted({s.language for s in scored if s.judged})]
    rule_ids = [r for r in RULES if any(pack.enabled(r) for pack in packs)]  # what the packs checked, fired or not
    checked = tuple(rule_ids)
    scores = {d: [s.score(d) if s.judged else None for s in scored] for d in DIMENSIONS}
    features: dict[str, list[float | None]] = dict(scores)
    for r in rule_ids:
        features[r] = [s.signals.get(r, 0) if s.judged else None for s in scored]
    found = tuple(figures.effects(features, rates, pcts, DIMENSIONS, reps=reps))
    advice = figures.advice_check(scores, pcts, found, rates, periods)

    def order(group: str, best_first: bool) -> list[int]:
        idx = [i for i, g in enumerate(groups) if g == group]
        idx.sort(key=lambda i: (pcts[main][i], rates[main][i]), reverse=best_first)
        return idx

    top, bottom = order("travelled", True), order("dead_end", False)
    shown = set(top[: int(cfg["shown"])] + bottom[: int(cfg["shown"])])
    languages = Counter(s.language for s in scored if s.judged)
    audit_posts = tuple(
        AuditPost(
            rec, s,
            {k: v[i] for k, v in rates.items()},
            {k: v[i] for k, v in pcts.items()},
            groups[i], periods[i],
            _main_findings(rec.text, language, platform, rules_dir) if i in shown and s.judged else (),
            checked,
        )
        for i, (rec, s) in enumerate(zip(posts, scored))
    )
    return Audit(
        audit_posts, n_skipped, platform, tuple(rates), main, found, advice,
        tuple(posts[i].row for i in top), tuple(posts[i].row for i in bottom),
        by_period=any(p != "all" for p in periods),
        language=languages.most_common(1)[0][0] if languages else ("de" if language == "de" else "en"),
        settings=dict(cfg),
    )


def _main_findings(text: str, language: str, platform: str, rules_dir: Path | None | bool, count: int = 2) -> tuple[str, ...]:
    """The post's `count` weightiest findings (severity, then points moved), as their messages."""
    result = analyze(text, language=language, platform=platform, rules_dir=rules_dir)
    ranked = sorted(
        (f for f in result.findings if f.severity != "info"),
        key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), -abs(f.points)),
    )
    return tuple(f"{f.rule}: {f.message}" for f in ranked[:count])
