"""General statistics for judging a predictor against an outcome, in pure Python.

- `ranks`, `auc` (Mann-Whitney), `pearson`, `spearman`: the point estimates;
- `within_groups`: the median of per-group Spearman correlations (pages, parties: audiences differ
  by orders of magnitude, so posts are only compared within their group);
- `bootstrap`: a percentile interval for any statistic, resampling within strata (posts within each
  group for within-group figures; positives and negatives separately for an AUC), reproducible
  with a seed;
- `percentiles`, `quantile_group`, `fieller_interval`, `median_ratio`: the page audit's figures
  (core/audit): a value's place within its page, the top and bottom fifth, a closed-form interval
  for a Spearman rho on many posts, and "n times as many";
- `auc_many` and `within_groups_many`: the same figures and intervals for many predictors at once,
  fast: the resamples are drawn once (exactly as `bootstrap` draws them) and shared by all
  predictors, a resample is kept as multiplicities instead of copied lists, and a predictor's
  most common value (a rule that did not fire: 0) is never visited post by post.

Nothing here knows about posts or rules, so the page audit can reuse it.
"""

from __future__ import annotations

import math
import random
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

NAN = float("nan")


# ------------------------------------------------------------------ point estimates
def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks with ties given their average rank."""
    counts = Counter(values)
    if len(counts) * 4 <= len(values) and not any(v != v for v in counts):  # many ties (signal counts, scores): rank by value
        avg, below = {}, 0
        for value in sorted(counts):
            avg[value] = below + (counts[value] + 1) / 2
            below += counts[value]
        return [avg[v] for v in values]
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        avg = (i + j) / 2 + 1
        for k in range(i, j + 1):
            out[order[k]] = avg
        i = j + 1
    return out


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve (Mann-Whitney U / (n_pos * n_neg)); ties count one half; nan if a class is empty."""
    n_pos = sum(1 for x in labels if x)
    n_neg = len(labels) - n_pos
    if not n_pos or not n_neg:
        return NAN
    r = ranks(scores)
    rank_sum = sum(rk for rk, lab in zip(r, labels) if lab)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; nan when a variable is constant or there are fewer than 3 pairs."""
    n = len(x)
    if n < 3:
        return NAN
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else NAN


def spearman(x: Sequence[float], y: Sequence[float], y_ranks: Sequence[float] | None = None) -> float:
    """Spearman's rank correlation (Pearson on average ranks); nan if a variable is constant.
    `y_ranks`: `ranks(y)` computed once by a caller that correlates many x with the same y."""
    return pearson(ranks(x), ranks(y) if y_ranks is None else y_ranks)


def percentiles(values: Sequence[float]) -> list[float]:
    """Each value's place among `values` from 0 (lowest) to 100 (highest): 100 * (rank - 1) / (n - 1)
    with ties given their average rank (so tied values share a percentile); 50 for a single value."""
    n = len(values)
    if n == 1:
        return [50.0]
    return [100.0 * (r - 1) / (n - 1) for r in ranks(values)]


def quantile_group(percentile: float | None, fifth: float = 20.0) -> str | None:
    """ "top" for a percentile in the top fifth (>= 100 - fifth), "bottom" for the bottom fifth
    (<= fifth), None in between or without a percentile."""
    if percentile is None or math.isnan(percentile):
        return None
    if percentile >= 100.0 - fifth:
        return "top"
    return "bottom" if percentile <= fifth else None


def fieller_interval(rho: float, n: int, level: float = 0.90) -> tuple[float, float]:
    """Closed-form interval of a Spearman rho: Fisher's z with the variance 1.06 / (n - 3) of
    Fieller, Hartley & Pearson (1957); for many posts, where a bootstrap costs much and says the same."""
    if n <= 3 or math.isnan(rho):
        return NAN, NAN
    z = math.atanh(max(-0.999999, min(0.999999, rho)))
    half = statistics.NormalDist().inv_cdf(0.5 + level / 2) * math.sqrt(1.06 / (n - 3))
    return math.tanh(z - half), math.tanh(z + half)


def median_ratio(with_: Sequence[float], without: Sequence[float]) -> float:
    """median(with_) / median(without): "n times as many"; nan if either is empty or the second median is 0."""
    if not with_ or not without:
        return NAN
    below = statistics.median(without)
    return statistics.median(with_) / below if below > 0 else NAN


@dataclass(frozen=True)
class GroupFigure:
    """A within-group figure: the median per-group rho and what it rests on."""

    value: float  # median of the per-group Spearman correlations (nan: no group usable)
    groups: int  # groups with >= min_n posts and a non-constant predictor (and outcome)
    groups_positive: int  # of those, groups with rho > 0
    n: int  # posts in the groups used


def _by_group(groups: Sequence[object]) -> dict[object, list[int]]:
    out: dict[object, list[int]] = {}
    for i, g in enumerate(groups):
        out.setdefault(g, []).append(i)
    return out


def within_groups(pred: Sequence[float], outcome: Sequence[float], groups: Sequence[object], min_n: int = 10) -> GroupFigure:
    """Median of per-group Spearman correlations over groups with >= min_n posts and a non-constant
    predictor (a group whose outcome is constant has no rho either and is left out too)."""
    rhos, n = [], 0
    for idx in _by_group(groups).values():
        if len(idx) < min_n:
            continue
        rho = spearman([pred[i] for i in idx], [outcome[i] for i in idx])
        if not math.isnan(rho):
            rhos.append(rho)
            n += len(idx)
    if not rhos:
        return GroupFigure(NAN, 0, 0, 0)
    return GroupFigure(statistics.median(rhos), len(rhos), sum(1 for r in rhos if r > 0), n)


# ------------------------------------------------------------------ bootstrap
def percentile_interval(values: Sequence[float], level: float = 0.90) -> tuple[float, float]:
    """The central `level` interval of `values` (nan ignored; linear interpolation between order statistics)."""
    xs = sorted(v for v in values if not math.isnan(v))
    if not xs:
        return NAN, NAN
    tail = (1 - level) / 2

    def q(p: float) -> float:
        pos = p * (len(xs) - 1)
        lo = math.floor(pos)
        hi = min(lo + 1, len(xs) - 1)
        return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)

    return q(tail), q(1 - tail)


def _draws(rng: random.Random, strata: Sequence[Sequence[int]]) -> list[list[int]]:
    """One resample: each stratum drawn with replacement to its own size (the order `bootstrap` uses)."""
    return [rng.choices(s, k=len(s)) if s else [] for s in strata]


def bootstrap(
    statistic: Callable[[list[int]], float],
    strata: Sequence[Sequence[int]],
    reps: int = 1000,
    seed: int = 1,
    level: float = 0.90,
) -> tuple[float, float]:
    """Percentile interval of `statistic(indices)` over `reps` resamples; each stratum (a list of
    indices: the posts of one group, or the positives and the negatives) is resampled with
    replacement to its own size. The same seed gives the same interval (random.Random(seed))."""
    rng = random.Random(seed)
    values = []
    for _ in range(reps):
        idx = [i for draw in _draws(rng, strata) for i in draw]
        values.append(statistic(idx))
    return percentile_interval(values, level)


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its bootstrap interval."""

    value: float
    low: float
    high: float
    n: int
    nonzero: int  # posts where the predictor is not 0
    groups: int = 0
    groups_positive: int = 0


class _Levels:
    """A predictor's values as levels: the most common one implicit, the others as index lists."""

    __slots__ = ("values", "common", "others")

    def __init__(self, values: Sequence[float], members: Sequence[int]) -> None:
        counts = Counter(values[i] for i in members)
        self.common = counts.most_common(1)[0][0] if counts else 0.0
        by_value: dict[float, list[int]] = {}
        for i in members:
            if values[i] != self.common:
                by_value.setdefault(values[i], []).append(i)
        self.values = sorted({self.common, *by_value})
        self.others = by_value

    def weighted(self, weight: Mapping[int, int], extra: Mapping[int, float] | None, total_w: float, total_x: float) -> list[tuple[float, float, float]]:
        """Per level, in value order: (value, summed weight, summed `extra`)."""
        sums = {}
        rest_w, rest_x = total_w, total_x
        for v, idx in self.others.items():
            w = x = 0.0
            for i in idx:
                c = weight.get(i)
                if c:
                    w += c
                    if extra is not None:
                        x += extra[i]
            sums[v] = (w, x)
            rest_w -= w
            rest_x -= x
        sums[self.common] = (rest_w, rest_x)
        return [(v, *sums[v]) for v in self.values]


def auc_many(
    predictors: Mapping[str, Sequence[float]],
    labels: Sequence[bool | None],
    reps: int = 1000,
    seed: int = 1,
    level: float = 0.90,
) -> dict[str, Estimate]:
    """AUC of every predictor for `labels` (None: the post carries no label and is left out), with a
    stratified bootstrap interval (positives and negatives resampled separately); the draws are
    those of `bootstrap(..., [positives, negatives], reps, seed)`, shared by all predictors."""
    pos = [i for i, lab in enumerate(labels) if lab is True]
    neg = [i for i, lab in enumerate(labels) if lab is False]
    members = pos + neg
    levels = {name: (_Levels(v, pos), _Levels(v, neg)) for name, v in predictors.items()}
    reps_values: dict[str, list[float]] = {name: [] for name in predictors}
    if pos and neg:
        rng = random.Random(seed)
        for _ in range(reps):
            dp, dn = _draws(rng, [pos, neg])
            wp, wn = Counter(dp), Counter(dn)
            for name, (lp, ln) in levels.items():
                reps_values[name].append(_auc_from_levels(lp.weighted(wp, None, len(pos), 0.0), ln.weighted(wn, None, len(neg), 0.0)))
    out = {}
    for name, values in predictors.items():
        low, high = percentile_interval(reps_values[name], level)
        out[name] = Estimate(
            auc([values[i] for i in members], [labels[i] for i in members]),
            low, high, len(members), sum(1 for i in members if values[i] != 0),
        )
    return out


def _auc_from_levels(pos: list[tuple[float, float, float]], neg: list[tuple[float, float, float]]) -> float:
    """Mann-Whitney from per-level weights of positives and negatives."""
    neg_w = {v: w for v, w, _x in neg}
    n_pos = sum(w for _v, w, _x in pos)
    n_neg = sum(neg_w.values())
    if not n_pos or not n_neg:
        return NAN
    below = 0.0
    u = 0.0
    values = sorted(set(neg_w) | {v for v, _w, _x in pos})
    pos_w = {v: w for v, w, _x in pos}
    for v in values:
        wn = neg_w.get(v, 0.0)
        u += pos_w.get(v, 0.0) * (below + wn / 2)
        below += wn
    return u / (n_pos * n_neg)


def _avg_ranks(levels: list[tuple[float, float, float]]) -> list[float]:
    """Average rank of each level from its weight (levels in value order)."""
    out, below = [], 0.0
    for _v, w, _x in levels:
        out.append(below + (w + 1) / 2)
        below += w
    return out


class _GroupData:
    """One group's outcome, sorted once, for weighted Spearman on resamples."""

    __slots__ = ("members", "blocks", "n")

    def __init__(self, outcome: Sequence[float], members: list[int]) -> None:
        self.members = members
        self.n = len(members)
        order = sorted(members, key=outcome.__getitem__)
        self.blocks: list[list[int]] = []
        for i in order:
            if self.blocks and outcome[self.blocks[-1][0]] == outcome[i]:
                self.blocks[-1].append(i)
            else:
                self.blocks.append([i])

    def outcome_ranks(self, weight: Mapping[int, int]) -> tuple[dict[int, float], float, float]:
        """Weighted outcome rank per drawn post (times its weight), the total, and the centred sum of squares."""
        wr: dict[int, float] = {}
        below = 0.0
        ss = 0.0
        for block in self.blocks:
            w = sum(weight.get(i, 0) for i in block)
            if not w:
                continue
            r = below + (w + 1) / 2
            for i in block:
                c = weight.get(i)
                if c:
                    wr[i] = c * r
            ss += w * r * r
            below += w
        mean = (self.n + 1) / 2
        return wr, self.n * mean, ss - self.n * mean * mean


def _weighted_rho(levels: _Levels, weight: Mapping[int, int], wr: dict[int, float], total_r: float, syy: float, n: int) -> float:
    """Spearman on a resample given as weights: Pearson of average ranks, summed per predictor level."""
    per = levels.weighted(weight, wr, n, total_r)
    if sum(1 for _v, w, _x in per if w) < 2 or syy <= 0:
        return NAN
    mean = (n + 1) / 2
    sxy = sxx = 0.0
    for (_v, w, x), r in zip(per, _avg_ranks(per)):
        sxy += r * x
        sxx += w * r * r
    sxy -= n * mean * mean
    sxx -= n * mean * mean
    return sxy / math.sqrt(sxx * syy) if sxx > 0 else NAN


def within_groups_many(
    predictors: Mapping[str, Sequence[float]],
    outcome: Sequence[float | None],
    groups: Sequence[object],
    min_n: int = 10,
    reps: int = 1000,
    seed: int = 1,
    level: float = 0.90,
) -> dict[str, Estimate]:
    """`within_groups` of every predictor with `outcome` (None: no outcome, post left out), with a
    bootstrap interval resampling posts within each group of >= min_n posts; the draws are those of
    `bootstrap(..., strata=the groups' posts in order of first appearance, reps, seed)`."""
    has = [i for i, y in enumerate(outcome) if y is not None]
    strata = [idx for idx in _by_group([groups[i] for i in has]).values()]
    strata = [[has[j] for j in s] for s in strata if len(s) >= min_n]
    y = [v if v is not None else 0.0 for v in outcome]
    data = [_GroupData(y, s) for s in strata]
    levels = {name: [_Levels(v, s) for s in strata] for name, v in predictors.items()}
    reps_values: dict[str, list[float]] = {name: [] for name in predictors}
    rng = random.Random(seed)
    for _ in range(reps if strata else 0):
        draws = _draws(rng, strata)
        per_group = []
        for g, draw in zip(data, draws):
            weight = Counter(draw)
            per_group.append((weight, *g.outcome_ranks(weight)))
        for name, lv in levels.items():
            rhos = [
                rho
                for gl, g, (weight, wr, total_r, syy) in zip(lv, data, per_group)
                if len(gl.values) > 1 and not math.isnan(rho := _weighted_rho(gl, weight, wr, total_r, syy, g.n))
            ]
            reps_values[name].append(statistics.median(rhos) if rhos else NAN)
    out = {}
    kept_groups = [groups[i] for i in has]
    kept_y = [y[i] for i in has]
    for name, values in predictors.items():
        point = within_groups([values[i] for i in has], kept_y, kept_groups, min_n)
        low, high = percentile_interval(reps_values[name], level)
        nonzero = sum(1 for i in has if values[i] != 0)
        out[name] = Estimate(point.value, low, high, len(has), nonzero, point.groups, point.groups_positive)
    return out
