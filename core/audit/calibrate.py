"""Calibrate to your audience (issue 13, point 3): per-rule point weights for one client, opt-in.

From an audit with enough posts, fit how much each rule's points should count for THIS page's
audience, and offer the result only when it beats Resonanz's defaults on posts it was not fitted on.

The model, per dimension with an outcome (dialogue ~ comments per reaction, shareability ~ shares
per reaction):

1. Order the posts by date (undated ones keep their file order) and split them: the older
   `train_share` fit, the newer rest test. Time decides, not chance: a calibration must predict the
   posts that come next.
2. On the training posts, the outcome's percentile y is explained by the default score S (its
   slope b0), then the rest by the rules' points: each rule r gets a weight w_r = 1 + v_r, with a
   ridge penalty that pulls every v_r towards 0 (the defaults). A weight is kept in [0, `max_weight`]:
   a calibration may quiet a rule or lean on it, never reverse Resonanz's advice.
3. On the test posts, the Spearman rho of the calibrated score with the outcome must beat the
   default score's rho by at least `min_gain` AND be clearly above zero itself (`min_z`): on noise,
   a fit can beat a useless default by chance, but it rarely predicts the newer posts too. Only
   dimensions that pass are offered.

`to_toml` writes the offer as an ordinary user rule file (`[rules.D2] points_first = …`), with the
before/after figures in its comments, so the coach can read, edit or delete it. Nothing here
writes a file: the caller decides, and only after the person said yes.

Imports `resonanz.core.analysis.validation.stats` (the statistics shared with `resonanz validate`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from resonanz.core.analysis.validation.stats import ranks, spearman
from resonanz.core.plural import counted

__all__ = ["OUTCOME_OF", "Calibration", "DimensionFit", "Sample", "Settings", "calibrate", "calibration_path", "samples_from_audit",
           "to_toml", "write_calibration"]

#: Which outcome rate each calibrated dimension is fitted to.
OUTCOME_OF: Mapping[str, str] = {"dialogue": "comments_per_reaction", "shareability": "shares_per_reaction"}


@dataclass(frozen=True)
class Settings:
    """How cautious the calibration is (the defaults are the product's; tests may pass others)."""

    train_share: float = 0.7
    min_train: int = 100  # fewer training posts: no calibration is offered
    min_test: int = 40
    min_gain: float = 0.03  # test rho must rise at least this much over the defaults ...
    min_z: float = 1.645  # ... and be clearly above 0 itself (one-sided 5 %: rho * sqrt(n - 2) / sqrt(1 - rho²))
    ridge: float = 2.0  # penalty towards the default weights, relative to the features' variance
    max_weight: float = 3.0
    min_change: float = 0.1  # weights closer to 1 than this are left at the default


@dataclass(frozen=True)
class Sample:
    """One audited post as the calibration needs it."""

    row: int
    date: str | None
    base: Mapping[str, int]  # dimension -> the pack's base value
    points: Mapping[str, Mapping[str, int]]  # dimension -> rule -> the points it gave this post
    outcomes: Mapping[str, float | None]  # outcome rate -> value (None: not measurable for this post)


@dataclass(frozen=True)
class DimensionFit:
    """The fitted weights of one dimension and how they did on the newer posts."""

    dimension: str
    outcome: str
    weights: Mapping[str, float]  # rule -> weight (1.0 = the default)
    n_train: int
    n_test: int
    rho_default: float  # Spearman rho of the default score with the outcome, on the test posts
    rho_calibrated: float

    @property
    def gain(self) -> float:
        return self.rho_calibrated - self.rho_default

    def beats_defaults(self, settings: Settings) -> bool:
        """Better than the defaults on the newer posts, and clearly predictive there (nan: never)."""
        rho, n = self.rho_calibrated, self.n_test
        z = rho * (n - 2) ** 0.5 / (1 - rho * rho) ** 0.5 if n > 2 and abs(rho) < 1 else (float("inf") if rho >= 1 else 0.0)
        return bool(self.weights) and self.gain >= settings.min_gain and z >= settings.min_z


@dataclass(frozen=True)
class Calibration:
    """What the calibration found; `offered` only if at least one dimension beat the defaults."""

    offered: bool
    reason: str  # why not, in plain English, when nothing is offered
    fits: tuple[DimensionFit, ...] = field(default_factory=tuple)  # the dimensions that beat the defaults
    tried: tuple[DimensionFit, ...] = field(default_factory=tuple)  # every dimension fitted, for the report
    # the same reasons as data, for a window in another language: (dimension, kind, figures); kind is
    # "too_few" (posts, outcome, min_train, min_test), "no_change" or "not_better" (rho_calibrated, rho_default, n)
    why: tuple[tuple[str, str, dict[str, Any]], ...] = field(default_factory=tuple)


def _date_key(sample: Sample) -> tuple[int, str, int]:
    if sample.date:
        try:
            Date.fromisoformat(sample.date[:10])
            return (0, sample.date, sample.row)
        except ValueError:
            pass
    return (1, "", sample.row)


def _score(base: int, points: Mapping[str, int], weights: Mapping[str, float]) -> float:
    raw = base + sum(p * weights.get(rule, 1.0) for rule, p in points.items())
    return min(100.0, max(0.0, raw))


def _percentiles(values: Sequence[float]) -> list[float]:
    n = len(values)
    return [(r - 0.5) / n for r in ranks(values)] if n else []


def _solve(matrix: list[list[float]], rhs: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems here have at most a dozen unknowns)."""
    n = len(rhs)
    a = [row[:] + [rhs[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            continue
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[r][col]:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] if abs(a[i][i]) >= 1e-12 else 0.0 for i in range(n)]


def _fit(train: Sequence[Sample], dimension: str, outcome: str, settings: Settings) -> dict[str, float]:
    """Ridge-shrunk weights per rule (see the module docstring); {} when nothing can be fitted."""
    y = _percentiles([s.outcomes[outcome] for s in train])  # type: ignore[misc]
    rules = sorted({r for s in train for r, p in s.points.get(dimension, {}).items() if p})
    if not rules:
        return {}
    score = [_score(s.base.get(dimension, 0), s.points.get(dimension, {}), {}) / 100 for s in train]
    n = len(train)
    mean_s, mean_y = sum(score) / n, sum(y) / n
    var_s = sum((v - mean_s) ** 2 for v in score)
    slope = sum((a - mean_s) * (b - mean_y) for a, b in zip(score, y)) / var_s if var_s > 0 else 0.0
    if slope <= 0:
        return {}  # the defaults do not point the right way on these posts: nothing to adjust around
    resid = [b - mean_y - slope * (a - mean_s) for a, b in zip(score, y)]
    cols = [[slope * s.points.get(dimension, {}).get(r, 0) / 100 for s in train] for r in rules]
    cols = [[v - sum(c) / n for v in c] for c in cols]  # centred
    gram = [[sum(a * b for a, b in zip(ci, cj)) for cj in cols] for ci in cols]
    penalty = settings.ridge * (sum(gram[i][i] for i in range(len(rules))) / len(rules) or 1.0)
    for i in range(len(rules)):
        gram[i][i] += penalty
    v = _solve(gram, [sum(a * b for a, b in zip(c, resid)) for c in cols])
    weights = {r: min(settings.max_weight, max(0.0, 1.0 + vi)) for r, vi in zip(rules, v)}
    return {r: round(w, 2) for r, w in weights.items() if abs(w - 1.0) >= settings.min_change}


def calibrate(samples: Sequence[Sample], settings: Settings | None = None) -> Calibration:
    """Fit on the older posts, test on the newer ones; offer only what beats the defaults there."""
    settings = settings or Settings()
    ordered = sorted(samples, key=_date_key)
    tried: list[DimensionFit] = []
    reasons: list[str] = []
    why: list[tuple[str, str, dict[str, Any]]] = []
    for dimension, outcome in OUTCOME_OF.items():
        usable = [s for s in ordered if s.outcomes.get(outcome) is not None and dimension in s.base]
        cut = int(len(usable) * settings.train_share)
        train, test = usable[:cut], usable[cut:]
        if len(train) < settings.min_train or len(test) < settings.min_test:
            reasons.append(f"{dimension}: {counted(len(usable), 'post', 'posts')} with {outcome.replace('_', ' ')} "
                           f"(needs {settings.min_train} to fit and {settings.min_test} newer ones to test)")
            why.append((dimension, "too_few", {"posts": len(usable), "outcome": outcome, "min_train": settings.min_train, "min_test": settings.min_test}))
            continue
        weights = _fit(train, dimension, outcome, settings)
        y = [s.outcomes[outcome] for s in test]
        default = [_score(s.base[dimension], s.points.get(dimension, {}), {}) for s in test]
        calibrated = [_score(s.base[dimension], s.points.get(dimension, {}), weights) for s in test]
        fit = DimensionFit(dimension, outcome, weights, len(train), len(test),
                           round(spearman(default, y), 3), round(spearman(calibrated, y), 3))  # type: ignore[arg-type]
        tried.append(fit)
        if not weights:
            reasons.append(f"{dimension}: the defaults already fit these posts (no weight moved)")
            why.append((dimension, "no_change", {}))
        elif not fit.beats_defaults(settings):
            reasons.append(f"{dimension}: on the newer posts the calibration does not clearly beat the defaults "
                           f"(rho {fit.rho_calibrated:+.2f} vs {fit.rho_default:+.2f}, n = {fit.n_test})")
            why.append((dimension, "not_better", {"rho_calibrated": fit.rho_calibrated, "rho_default": fit.rho_default, "n": fit.n_test}))
    offered = tuple(f for f in tried if f.beats_defaults(settings))
    return Calibration(bool(offered), "" if offered else "; ".join(reasons), offered, tuple(tried), () if offered else tuple(why))


def samples_from_audit(result: Mapping[str, object], *, platform: str, language: str = "auto", rules_dir=None) -> list[Sample]:
    """The calibration's input from an audit's JSON: each judged post analysed once more for its
    score breakdown (which rule gave how many points), with the outcomes the audit measured."""
    from resonanz.core.analysis.engine import analyze

    out = []
    for post in result.get("posts", []):  # type: ignore[union-attr]
        if not isinstance(post, Mapping) or not post.get("scores"):
            continue
        analysed = analyze(str(post.get("text", "")), language=post.get("language") or language, platform=platform, rules_dir=rules_dir)
        if not analysed.judged:
            continue
        base: dict[str, int] = {}
        points: dict[str, dict[str, int]] = {}
        for dimension, score in analysed.scores.items():
            for part in score.breakdown:
                if part.rule == "base":
                    base[dimension] = part.points
                elif part.rule != "clamp":
                    points.setdefault(dimension, {})[part.rule] = part.points
        outcomes = {k: (None if v is None else float(v)) for k, v in (post.get("outcomes") or {}).items()}
        out.append(Sample(int(post.get("row", 0) or 0), post.get("date"), base, points, outcomes))
    return out


def to_toml(calibration: Calibration, rules: Mapping[str, Mapping[str, object]], *, client: str, source: str, created: str) -> str:
    """The offered weights as a user rule file: every `points…` number of a weighted rule, scaled.

    `rules` is the loaded pack's rule table (`load_pack(language).rules`), whose numbers are scaled.
    """
    if not calibration.offered:
        raise ValueError(f"nothing to write: {calibration.reason}")
    lines = [
        f"# Resonanz calibration for {client}",
        f"# fitted on {source} ({created}); delete this file to go back to Resonanz's defaults.",
        "# On the newer posts that the fit did not see (Spearman rho with the outcome):",
    ]
    for fit in calibration.fits:
        lines.append(f"#   {fit.dimension} ~ {fit.outcome.replace('_', ' ')}: defaults {fit.rho_default:+.2f} -> "
                     f"calibrated {fit.rho_calibrated:+.2f} (fitted on {fit.n_train}, tested on {fit.n_test} posts)")
    for fit in calibration.fits:
        for rule, weight in sorted(fit.weights.items()):
            cfg = rules.get(rule, {})
            numbers = {k: v for k, v in cfg.items() if k.startswith("points") and isinstance(v, int) and not isinstance(v, bool)}
            if not numbers:
                continue
            lines += ["", f"[rules.{rule}]  # weight {weight:.2f} for this audience"]
            lines += [f"{key} = {round(value * weight)}  # default {value}" for key, value in sorted(numbers.items())]
    return "\n".join(lines) + "\n"


def calibration_path(name: str, folder: Path | None = None) -> Path | None:
    """`<rule folder>/<name>.toml` with the name made safe for a file (letters, digits, '-'); None
    for a name with nothing usable in it."""
    import re

    from resonanz.core.analysis.packs import user_rules_dir

    stem = re.sub(r"[^\w\-]+", "-", name, flags=re.UNICODE).strip("-_")
    return (Path(folder) if folder else user_rules_dir()) / f"{stem}.toml" if stem else None


def write_calibration(calibration: Calibration, target: Path, *, client: str, source: str, language: str) -> Path:
    """Write an offered calibration to `target` atomically, scaling the `language` pack's numbers
    (the CLI with --yes and the window after Save both end here); returns the path."""
    from resonanz.core.analysis.packs import load_pack
    from resonanz.core.fileio import write_atomic

    rules = load_pack(language if language in ("de", "en") else "de", False).rules
    text = to_toml(calibration, rules, client=client, source=source, created=Date.today().isoformat())
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(target, text)
