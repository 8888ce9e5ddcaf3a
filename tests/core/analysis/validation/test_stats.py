"""stats: hand-computed AUC and Spearman with ties, within-group medians, reproducible bootstraps."""

from __future__ import annotations

import math
import random

import pytest

from resonanz.core.analysis.validation import stats


def test_auc_counts_ties_one_half() -> None:
    # positives 2, 3; negatives 1, 2, 3: pairs 1 + 1/2 + 0 + 1 + 1 + 1/2 = 4 of 6
    assert stats.auc([1, 2, 2, 3, 3], [False, True, False, True, False]) == pytest.approx(4 / 6)
    assert math.isnan(stats.auc([1, 2, 3], [True, True, True]))
    assert math.isnan(stats.auc([1, 2, 3], [False, False, False]))


def test_spearman_uses_average_ranks() -> None:
    # ranks x = 1, 2.5, 2.5, 4; y = 1, 3, 2, 4: rho = 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10)
    assert stats.spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(3 / math.sqrt(10))
    assert stats.ranks([2, 2, 1]) == [2.5, 2.5, 1.0]
    assert math.isnan(stats.spearman([7, 7, 7, 7], [1, 2, 3, 4]))


def test_within_groups_takes_the_median_of_usable_groups() -> None:
    pred = [1, 2, 3] * 3 + [5, 5, 5] + [1, 2]
    outcome = [1, 2, 3, 3, 2, 1, 1, 3, 2, 1, 2, 3, 1, 2]
    groups = ["a"] * 3 + ["b"] * 3 + ["c"] * 3 + ["d"] * 3 + ["e"] * 2
    fig = stats.within_groups(pred, outcome, groups, min_n=3)
    # a: +1, b: -1, c: +0.5; d has a constant predictor, e too few posts
    assert fig.value == pytest.approx(0.5)
    assert (fig.groups, fig.groups_positive, fig.n) == (3, 2, 9)
    assert math.isnan(stats.within_groups(pred, outcome, groups, min_n=4).value)


def _data(n: int = 150) -> tuple[list[float], list[float], list[float], list[bool], list[int]]:
    rng = random.Random(11)
    rule = [rng.choice([0, 0, 0, 0, -8, 12]) for _ in range(n)]
    score = [rng.randint(0, 100) for _ in range(n)]
    outcome = [rng.random() * (1 + r / 10) if i % 6 else 0.0 for i, r in enumerate(rule)]
    labels = [rng.random() < 0.25 + 0.3 * (r > 0) for r in rule]
    groups = [i % 5 for i in range(n)]
    return rule, score, outcome, labels, groups


def test_bootstrap_is_reproducible_with_a_seed_and_differs_with_another() -> None:
    rule, _score, _outcome, labels, _groups = _data()
    pos = [i for i, x in enumerate(labels) if x]
    neg = [i for i, x in enumerate(labels) if not x]

    def statistic(idx: list[int]) -> float:
        return stats.auc([rule[i] for i in idx], [labels[i] for i in idx])

    a = stats.bootstrap(statistic, [pos, neg], reps=200, seed=1)
    assert a == stats.bootstrap(statistic, [pos, neg], reps=200, seed=1)
    assert a != stats.bootstrap(statistic, [pos, neg], reps=200, seed=2)
    point = stats.auc(rule, labels)
    assert a[0] <= point <= a[1] and a[0] < a[1]


def test_the_fast_paths_draw_exactly_like_bootstrap() -> None:
    rule, score, outcome, labels, groups = _data()
    many = stats.auc_many({"rule": rule, "score": score}, labels, reps=60, seed=4)
    pos = [i for i, x in enumerate(labels) if x]
    neg = [i for i, x in enumerate(labels) if not x]
    for name, values in (("rule", rule), ("score", score)):
        generic = stats.bootstrap(lambda idx: stats.auc([values[i] for i in idx], [labels[i] for i in idx]), [pos, neg], reps=60, seed=4)
        assert (many[name].low, many[name].high) == pytest.approx(generic)
        assert many[name].low <= many[name].value <= many[name].high
    assert many["rule"].nonzero == sum(1 for r in rule if r)

    within = stats.within_groups_many({"rule": rule, "score": score}, outcome, groups, min_n=10, reps=60, seed=4)
    strata = [[i for i, g in enumerate(groups) if g == k] for k in range(5)]
    for name, values in (("rule", rule), ("score", score)):
        generic = stats.bootstrap(
            lambda idx: stats.within_groups([values[i] for i in idx], [outcome[i] for i in idx], [groups[i] for i in idx]).value,
            strata, reps=60, seed=4,
        )
        assert (within[name].low, within[name].high) == pytest.approx(generic)
        point = stats.within_groups(values, outcome, groups)
        assert (within[name].value, within[name].groups, within[name].groups_positive) == (point.value, point.groups, point.groups_positive)
        assert within[name].low <= within[name].value <= within[name].high


def test_posts_without_a_label_or_outcome_are_left_out() -> None:
    est = stats.auc_many({"x": [1, 2, 3, 4, 9]}, [False, False, True, True, None], reps=10)["x"]
    assert est.value == 1.0 and est.n == 4
    est = stats.within_groups_many({"x": [1, 2, 3, 4]}, [1.0, 2.0, 3.0, None], ["g"] * 4, min_n=3, reps=10)["x"]
    assert est.value == pytest.approx(1.0) and est.n == 3
