"""Every figure of a validation run: each score, the naive baseline and each rule against each target.

Per dataset every post with enough text to judge is analysed once (`engine.analyze`, defaults only, the dataset's language
and platform). Predictors: each score in `result.scores`, the baseline, and each rule's points
from the score breakdowns (0 where the rule did not fire). Targets: the dataset's outcomes (a
within-group median Spearman, kind "rho") and labels (an AUC, kind "auc"). Scores and the baseline
are measured against every target; a rule only against the targets that resources/validation.toml
assigns to its dimension (or names it). Each figure carries a bootstrap interval (posts resampled
within groups; positives and negatives separately for an AUC).
"""

from __future__ import annotations

import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

from resonanz.core.analysis.validation import stats
from resonanz.core.analysis.validation.baseline import baseline
from resonanz.core.analysis.validation.datasets import Dataset
from resonanz.core.analysis.validation.settings import rule_dimensions, settings, targets

BASELINE = "baseline"


@dataclass(frozen=True)
class Figure:
    """One predictor against one target on one dataset."""

    dataset: str  # Dataset.key
    dataset_title: str
    target: str  # e.g. "comments_per_reaction", "community"
    kind: str  # "rho" (within-group median Spearman) | "auc"
    predictor: str  # a dimension, "baseline" or a rule id
    predictor_kind: str  # "score" | "baseline" | "rule"
    value: float
    low: float
    high: float
    n: int  # posts measured
    nonzero: int  # posts where the predictor is not 0 (for a rule: where it fired)
    groups: int = 0  # groups used (rho)
    groups_positive: int = 0  # groups with rho > 0
    direction: int = 1  # the side a rule expects: +1 higher points, more of the target; -1 fewer

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (nan as None)."""
        return {k: (None if isinstance(v, float) and v != v else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class DatasetInfo:
    """What a dataset contributed: its key, title, language, posts and skipped rows."""

    key: str
    title: str
    language: str
    platform: str
    posts: int
    source: str = ""
    skipped: tuple[str, ...] = ()
    labelled: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> (positives, labelled posts)
    left_out: int = 0  # posts with too little text to judge (engine: not_enough_text), not measured


@dataclass(frozen=True)
class Table:
    """All figures of one run, with how they were computed."""

    figures: tuple[Figure, ...]
    datasets: tuple[DatasetInfo, ...]
    reps: int
    seed: int
    level: float
    seconds: float = 0.0

    def for_dataset(self, key: str) -> list[Figure]:
        """The figures of one dataset, in computed order."""
        return [f for f in self.figures if f.dataset == key]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "bootstrap": self.reps,
            "seed": self.seed,
            "level": self.level,
            "seconds": round(self.seconds, 2),
            "datasets": [asdict(d) for d in self.datasets],
            "figures": [f.to_dict() for f in self.figures],
        }


def predictors(dataset: Dataset) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Every predictor's value per post, and each predictor's kind ("score", "baseline", "rule")."""
    from resonanz.core.analysis.engine import analyze

    dims = rule_dimensions()
    scores: dict[str, list[float]] = {}
    rules: dict[str, list[float]] = {rid: [0.0] * len(dataset.posts) for rid in dims}
    base: list[float] = []
    for i, post in enumerate(dataset.posts):
        result = analyze(post.text, language=dataset.language, platform=dataset.platform, rules_dir=False)
        for dim, score in result.scores.items():  # empty for a post that is not judged (0 everywhere)
            scores.setdefault(dim, [0.0] * len(dataset.posts))[i] = float(score.value)
            for c in score.breakdown:
                if c.rule not in ("base", "clamp"):
                    rules.setdefault(c.rule, [0.0] * len(dataset.posts))[i] += c.points
        base.append(float(baseline(post.text, dataset.language)))
    # A rule that is off by default (because its evidence contradicted it) is still measured: its
    # points come from a second pass with it switched on, so its grade keeps saying why it is off.
    off = disabled_rules(dataset.language)
    if off:
        with tempfile.TemporaryDirectory(prefix="resonanz-validate-") as tmp:
            folder = Path(tmp)
            (folder / "enable.toml").write_text("".join(f"[rules.{r}]\nenabled = true\n" for r in off), encoding="utf-8")
            for r in off:
                rules[r] = [0.0] * len(dataset.posts)
            for i, post in enumerate(dataset.posts):
                result = analyze(post.text, language=dataset.language, platform=dataset.platform, rules_dir=folder)
                for score in result.scores.values():
                    for c in score.breakdown:
                        if c.rule in off:
                            rules[c.rule][i] += c.points
    values = {**scores, BASELINE: base, **rules}
    kinds = {**{d: "score" for d in scores}, BASELINE: "baseline", **{r: "rule" for r in rules}}
    return values, kinds


def disabled_rules(language: str) -> tuple[str, ...]:
    """Rules the default pack switches off (`enabled = false` in resources/rules)."""
    from resonanz.core.analysis.packs import load_pack

    pack = load_pack(language, False)
    return tuple(r for r in pack.rules if not pack.enabled(r))


def rule_dimension(rule: str) -> str:
    """The dimension a rule scores (from common.toml; else guessed from its letter)."""
    dims = rule_dimensions()
    if rule in dims:
        return dims[rule]
    return {"D": "dialogue", "S": "shareability", "C": "clarity", "P": "platform_fit"}.get(rule[:1], "")


def _direction(target: str, predictor: str, kind: str) -> int | None:
    """+1/-1: the side a predictor is expected on for `target`; None: not measured against it."""
    spec = targets().get(target)
    if kind != "rule":
        return 1 if spec is None else (spec["direction"] if predictor in spec["rules"] else 1)
    if spec is None:
        return None
    if predictor in spec["rules"]:
        return spec["direction"]
    return 1 if rule_dimension(predictor) in spec["dimensions"] else None


def dataset_figures(dataset: Dataset, reps: int, seed: int, level: float, min_n: int) -> tuple[list[Figure], DatasetInfo]:
    """Analyse a dataset's posts and compute all its figures.

    Posts the engine does not judge (fewer words of their own than `min_own_words`: a bare link,
    only emoji or hashtags, "Happy Monday!") have no scores; they are left out of every figure and
    counted in `DatasetInfo.left_out`."""
    from resonanz.core.analysis.engine import enough_text

    total = len(dataset.posts)
    dataset = replace(dataset, posts=tuple(p for p in dataset.posts if enough_text(p.text)))
    values, kinds = predictors(dataset)
    posts = dataset.posts
    groups = [p.group for p in posts]
    figures: list[Figure] = []
    for target in dataset.outcome_names():
        chosen = {k: v for k, v in values.items() if _direction(target, k, kinds[k]) is not None}
        outcome = [p.outcomes.get(target) for p in posts]
        found = stats.within_groups_many(chosen, outcome, groups, min_n=min_n, reps=reps, seed=seed, level=level)
        figures += [_figure(dataset, target, "rho", k, kinds[k], e, _direction(target, k, kinds[k]) or 1) for k, e in found.items()]
    labelled = {}
    for target in dataset.label_names():
        chosen = {k: v for k, v in values.items() if _direction(target, k, kinds[k]) is not None}
        labels = [p.labels.get(target) for p in posts]
        labelled[target] = (sum(1 for x in labels if x is True), sum(1 for x in labels if x is not None))
        found = stats.auc_many(chosen, labels, reps=reps, seed=seed, level=level)
        figures += [_figure(dataset, target, "auc", k, kinds[k], e, _direction(target, k, kinds[k]) or 1) for k, e in found.items()]
    info = DatasetInfo(dataset.key, dataset.title, dataset.language, dataset.platform, total, dataset.source, dataset.skipped, labelled, total - len(posts))
    return figures, info


def _figure(ds: Dataset, target: str, kind: str, predictor: str, pkind: str, e: stats.Estimate, direction: int) -> Figure:
    return Figure(ds.key, ds.title, target, kind, predictor, pkind, e.value, e.low, e.high, e.n, e.nonzero, e.groups, e.groups_positive, direction)


def defaults() -> dict[str, Any]:
    """seed, bootstrap (reps), level and min_group_posts from resources/validation.toml."""
    d = settings().get("defaults", {})
    return {"seed": int(d.get("seed", 1)), "bootstrap": int(d.get("bootstrap", 300)), "level": float(settings().get("evidence", {}).get("level", 0.90)), "min_group_posts": int(d.get("min_group_posts", 10))}


def _job(args: tuple[Dataset, int, int, float, int]) -> tuple[list[Figure], DatasetInfo]:
    return dataset_figures(*args)


def build(datasets: Sequence[Dataset], reps: int | None = None, seed: int | None = None, level: float | None = None, jobs: int | None = None) -> Table:
    """All figures of all datasets; `jobs` > 1 (default: the CPUs, at most one per dataset) runs
    datasets in parallel processes. The result does not depend on `jobs`: every target's resamples
    come from random.Random(seed)."""
    d = defaults()
    reps = d["bootstrap"] if reps is None else reps
    seed = d["seed"] if seed is None else seed
    level = d["level"] if level is None else level
    started = time.perf_counter()
    work = [(ds, reps, seed, level, d["min_group_posts"]) for ds in sorted(datasets, key=lambda ds: -len(ds.posts))]
    jobs = min(len(work), jobs or os.cpu_count() or 1)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done = dict(zip((w[0].key for w in work), pool.map(_job, work)))
    else:
        done = {w[0].key: _job(w) for w in work}
    figures = [f for ds in datasets for f in done[ds.key][0]]
    infos = tuple(done[ds.key][1] for ds in datasets)
    return Table(tuple(figures), infos, reps, seed, level, time.perf_counter() - started)
