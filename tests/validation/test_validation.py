"""The scores mean something on real, researcher-coded posts (../shared/validation, not shipped).

Skips only where that data is absent (e.g. an installed copy without the shared folder).
Figures are printed by `resonanz validate`; docs/VALIDITY.md holds the latest run.
"""

from __future__ import annotations

import math

import pytest

from resonanz.core.analysis.validation import datasets, stats, table

DATA = datasets.default_data_dir()
pytestmark = pytest.mark.skipif(DATA is None, reason="../shared/validation/data not present")


@pytest.fixture(scope="module")
def figures() -> dict[tuple[str, str, str], table.Figure]:
    # the thresholds are on point estimates: a few resamples are enough here
    result = table.build(datasets.load_shared(DATA), reps=20, seed=1)
    return {(f.dataset, f.target, f.predictor): f for f in result.figures}


# Thresholds after the rule revision of issue 16. Each comment says whether the threshold is the
# issue-16 target (the engine meets it) or a floor just below the measured value (it doesn't yet);
# "measured" is `resonanz validate` after the revision (point estimates, seed 1).
CONSTRUCTS = [
    # (dataset, coded construct): every construct AUC the validation table computes for dialogue
    ("en_greatlakes_2013", "community"),
    ("en_greatlakes_2013", "conversation"),
    ("en_greatlakes_2014", "community"),
    ("en_greatlakes_2014", "conversation"),
    ("de_parties_2019", "interaction"),
]


def test_dialogue_separates_community_posts(figures) -> None:
    # floor (issue #2): ≥ 0.70 (measured 0.709; the issue-16 target 0.75 is not met, see docs/VALIDITY.md); a naive regex reaches 0.58
    assert figures[("en_greatlakes_2013", "community", "dialogue")].value >= 0.70
    assert figures[("en_greatlakes_2013", "community", "baseline")].value < 0.60


def test_dialogue_finds_conversation_posts_better_than_the_naive_regex(figures) -> None:
    # floor: ≥ 0.85 (measured 0.890; the issue-16 target 0.90 is not met; the naive regex 0.845)
    assert figures[("en_greatlakes_2013", "conversation", "dialogue")].value >= 0.85
    assert figures[("en_greatlakes_2013", "conversation", "dialogue")].value > figures[("en_greatlakes_2013", "conversation", "baseline")].value


def test_dialogue_separates_community_type_posts_in_2014(figures) -> None:
    # floor: ≥ 0.75 on the 2014 hand-coded sample (measured 0.787; the issue-16 target 0.80 is not met; the naive regex 0.645)
    assert figures[("en_greatlakes_2014", "community", "dialogue")].value >= 0.75


@pytest.mark.parametrize(("dataset", "construct"), CONSTRUCTS, ids=[f"{d}-{c}" for d, c in CONSTRUCTS])
def test_dialogue_beats_the_naive_baseline_on_every_construct(figures, dataset: str, construct: str) -> None:
    # measured: 2013 community 0.709 vs 0.576, conversation 0.890 vs 0.845; 2014 community 0.787 vs
    # 0.645, conversation 0.810 vs 0.779; German interaction 0.727 vs 0.689
    dialogue = figures[(dataset, construct, "dialogue")]
    baseline = figures[(dataset, construct, "baseline")]
    assert dialogue.kind == baseline.kind == "auc"
    assert dialogue.value > baseline.value, f"{dataset}/{construct}: dialogue {dialogue.value:.3f} <= baseline {baseline.value:.3f}"


def test_every_construct_auc_is_covered(figures) -> None:
    """A construct added to the validation table must be added to CONSTRUCTS too ("action", the
    calls to act, is no dialogue construct: D8 is tested on it below)."""
    computed = {(d, t) for (d, t, p), f in figures.items() if p == "dialogue" and f.kind == "auc" and t != "action"}
    assert computed == set(CONSTRUCTS)


def test_german_dialogue_goes_with_comments(figures) -> None:
    # issue-16 target: within-party median ρ of dialogue with comments/reaction ≥ +0.05 (measured +0.078)
    assert figures[("de_parties_2019", "comments_per_reaction", "dialogue")].value >= 0.05


def test_german_shareability_goes_with_shares(figures) -> None:
    # issue-16 target: within-party median ρ of shareability with shares/reaction ≥ +0.10 (measured +0.118)
    assert figures[("de_parties_2019", "shares_per_reaction", "shareability")].value >= 0.10


def test_dead_end_cta_signal_points_to_action_posts(figures) -> None:
    # D8 subtracts points for a dead-end call to action (buy, book, click, read, watch), so it fires
    # more on Action posts: they get fewer points, the AUC of the signed points is below 0.5
    # (measured 0.476 [0.463, 0.490]; mobilising calls no longer count). The old figure, the AUC
    # of the firing count of every call to action, was > 0.6.
    d8 = figures[("en_greatlakes_2013", "action", "D8")]
    assert d8.direction == -1
    assert d8.nonzero >= 100  # it still fires on a good share of the posts (measured 271)
    assert d8.value < 0.5


def test_german_figures_are_computed_within_parties(figures) -> None:
    share = figures[("de_parties_2019", "shares_per_reaction", "shareability")]
    assert share.n > 700 and share.groups >= 10
    assert not math.isnan(share.value)
    assert figures[("de_parties_2019", "comments_per_reaction", "dialogue")].groups >= 10


def test_auc_and_spearman_helpers() -> None:
    assert stats.auc([1, 2, 3, 4], [False, False, True, True]) == 1.0
    assert stats.auc([1, 1, 1, 1], [False, True, False, True]) == 0.5
    assert stats.auc([4, 3, 2, 1], [False, False, True, True]) == 0.0
    assert stats.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert stats.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert stats.ranks([5, 1, 5, 3]) == [3.5, 1.0, 3.5, 2.0]
