"""stats.ranks: average ranks for ties, the same on the fast path for tie-heavy data (signal
counts, scores: rank by value) as on the general one (sort and walk)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resonanz.core.analysis.validation.stats import ranks, spearman


def _reference(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    out, i = [0.0] * len(values), 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


@given(st.lists(st.integers(0, 3), max_size=200))
def test_tie_heavy_lists_rank_as_the_reference_does(values: list[int]) -> None:
    assert ranks(values) == _reference(values)


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), max_size=200))
def test_any_list_ranks_as_the_reference_does(values: list[float]) -> None:
    assert ranks(values) == _reference(values)


def test_a_hand_computed_example_and_the_cached_y_ranks() -> None:
    assert ranks([3, 1, 3, 0, 3, 1, 3, 3]) == [6.0, 2.5, 6.0, 1.0, 6.0, 2.5, 6.0, 6.0]
    x, y = [1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]
    assert spearman(x, y) == spearman(x, y, ranks(y))
