"""evidence: verdicts, grades on a synthetic table, and the evidence.toml schema."""

from __future__ import annotations

import tomllib

import pytest

from resonanz.core.analysis.validation import evidence
from resonanz.core.analysis.validation.settings import rule_ids
from resonanz.core.analysis.validation.table import DatasetInfo, Figure, Table


def fig(rule: str, low: float, high: float, *, kind: str = "rho", fired: int = 40, direction: int = 1, target: str = "comments_per_reaction") -> Figure:
    value = (low + high) / 2
    return Figure("set", "A synthetic set", target, kind, rule, "rule", value, low, high, 300, fired, 5, 4, direction)


def table(*figures: Figure) -> Table:
    return Table(tuple(figures), (DatasetInfo("set", "A synthetic set", "en", "facebook", 300),), 1000, 1, 0.90)


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (fig("D2", 0.02, 0.2), "for"),
        (fig("D2", -0.2, -0.01), "against"),
        (fig("D2", -0.05, 0.1), "inconclusive"),
        (fig("D2", 0.52, 0.7, kind="auc"), "for"),
        (fig("D2", 0.3, 0.49, kind="auc"), "against"),
        (fig("D2", 0.45, 0.6, kind="auc"), "inconclusive"),
        (fig("D8", 0.30, 0.40, kind="auc", direction=-1, target="action"), "for"),  # fewer points where expected
        (fig("D8", 0.55, 0.60, kind="auc", direction=-1, target="action"), "against"),
    ],
)
def test_verdict_needs_the_whole_interval_on_one_side(figure: Figure, expected: str) -> None:
    assert evidence.verdict(figure) == expected


def test_every_grade_is_reachable_and_rare_rules_are_left_out() -> None:
    t = table(
        fig("D1", 0.1, 0.2), fig("D1", -0.1, 0.2),  # supported
        fig("D2", 0.1, 0.2), fig("D2", -0.3, -0.1),  # mixed
        fig("D3", -0.1, 0.1),  # unclear
        fig("D4", -0.3, -0.1), fig("D4", -0.1, 0.1),  # contradicted
        fig("D5", 0.1, 0.2, fired=9),  # fired on too few posts: untested
    )
    graded = evidence.grade_rules(t, rules=["D1", "D2", "D3", "D4", "D5", "D6"])
    assert {r: e.grade for r, e in graded.items()} == {
        "D1": "supported", "D2": "mixed", "D3": "unclear", "D4": "contradicted", "D5": "untested", "D6": "untested",
    }
    assert graded["D5"].figures == ()
    assert set(evidence.GRADES) == {e.grade for e in graded.values()}


def test_every_rule_of_the_packs_gets_an_entry() -> None:
    graded = evidence.grade_rules(table(fig("D2", 0.1, 0.2)))
    assert set(rule_ids()) <= set(graded)
    assert graded["D2"].grade == "supported"


def test_the_toml_has_the_agreed_schema() -> None:
    t = table(fig("D2", 0.04, 0.26), fig("S1", -0.1, 0.1, target="shares_per_reaction"))
    text = evidence.to_toml(t, evidence.grade_rules(t, rules=["D2", "S1", "C1"]), generated="2026-12-04")
    assert text.startswith(evidence.HEADER + "\n")
    data = tomllib.loads(text)
    assert (data["generated"], data["bootstrap"], data["seed"]) == ("2026-12-04", 1000, 1)
    assert data["rules"]["C1"] == {"grade": "untested"}
    assert data["rules"]["S1"]["grade"] == "unclear"
    (d2,) = data["rules"]["D2"]["figures"]
    assert d2 == {
        "dataset": "set", "dataset_title": "A synthetic set", "target": "comments_per_reaction", "kind": "rho",
        "value": 0.15, "low": 0.04, "high": 0.26, "n": 300, "fired": 40, "groups": 5, "groups_positive": 4, "verdict": "for",
    }
