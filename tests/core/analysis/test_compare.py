"""compare(before, after): score deltas, resolved and new problems, strengths gained (Qt-free).

Findings are matched by rule and kind ("D8"/"dead_end"): a problem the revision still has is
neither resolved nor new, whatever else changed around it.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest
from resonanz.core.analysis.compare import Comparison, compare, format_delta
from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult

PROBLEM = ("error", "warning", "suggestion")


def _sample(name: str) -> str:
    return (resources.files("resonanz.resources") / "samples" / name).read_text(encoding="utf-8")


def _compare(before: str, after: str, language: str = "auto") -> Comparison:
    return compare(analyze(before, language, rules_dir=False), analyze(after, language, rules_dir=False))


def _keys(findings) -> set[tuple[str, str]]:
    return {(f.rule, f.kind) for f in findings}


def _problem_keys(result: AnalysisResult) -> set[tuple[str, str]]:
    return _keys(f for f in result.findings if f.severity in PROBLEM)


@pytest.fixture(scope="module")
def sommerfest() -> Comparison:
    return _compare(_sample("sommerfest_de.txt"), _sample("sommerfest_de_revised.txt"))


# ---------------------------------------------------------------------------- format_delta

@pytest.mark.parametrize(
    ("delta", "text"),
    [(18, "+18"), (1, "+1"), (100, "+100"), (0, "±0"), (-5, "\u22125"), (-100, "\u2212100")],
)
def test_format_delta_shows_the_sign(delta: int, text: str) -> None:
    assert format_delta(delta) == text


def test_format_delta_uses_a_true_minus_sign() -> None:
    # U+2212 is as wide as "+", so a column of deltas lines up; a hyphen would not
    assert "-" not in format_delta(-7)
    assert format_delta(-7).startswith("\u2212")


# ---------------------------------------------------------------------------- the bundled samples

def test_deltas_are_after_minus_before(sommerfest: Comparison) -> None:
    assert set(sommerfest.deltas) == set(DIMENSIONS)
    for dim in DIMENSIONS:
        assert sommerfest.deltas[dim] == sommerfest.after.score(dim) - sommerfest.before.score(dim)


def test_the_revision_improves_every_dimension(sommerfest: Comparison) -> None:
    assert all(delta > 0 for delta in sommerfest.deltas.values()), sommerfest.deltas


def test_self_announcement_is_resolved_and_the_sign_up_call_was_no_problem(sommerfest: Comparison) -> None:
    resolved = _keys(sommerfest.resolved)
    assert ("D6", "found") in resolved  # "Wir freuen uns sehr, ..." is gone
    assert ("P3", "too_many") in resolved  # six hashtags became one
    # "Jetzt anmelden" mobilises (D8 "mobilise", info, 0 points) since issue 16: no dead end to resolve
    mobilise = [f for f in sommerfest.before.findings if (f.rule, f.kind) == ("D8", "mobilise")]
    assert mobilise and all(f.severity == "info" and f.points == 0 for f in mobilise)
    assert ("D8", "dead_end") not in _keys(sommerfest.before.findings)
    assert not {("D8", "mobilise"), ("D8", "dead_end")} & (resolved | _keys(sommerfest.new))


def test_the_revision_adds_no_problem(sommerfest: Comparison) -> None:
    assert sommerfest.new == ()


def test_long_sentence_in_both_is_neither_resolved_nor_new(sommerfest: Comparison) -> None:
    assert ("C2", "long") in _problem_keys(sommerfest.before) & _problem_keys(sommerfest.after)
    assert ("C2", "long") not in _keys(sommerfest.resolved) | _keys(sommerfest.new)


def test_strengths_gained(sommerfest: Comparison) -> None:
    gained = _keys(sommerfest.gained)
    assert {("D2", "found"), ("S4", "found"), ("S10", "hook")} <= gained
    assert all(f.severity == "good" for f in sommerfest.gained)


def test_lists_follow_their_definition(sommerfest: Comparison) -> None:
    before, after = sommerfest.before, sommerfest.after
    assert all(f in before.findings and f.severity in PROBLEM for f in sommerfest.resolved)
    assert not _keys(sommerfest.resolved) & _problem_keys(after)
    # every problem of the original is either resolved or still there
    assert _problem_keys(before) == _keys(sommerfest.resolved) | (_problem_keys(before) & _problem_keys(after))


# ---------------------------------------------------------------------------- small pairs

def test_problem_in_both_versions_is_neither_resolved_nor_new() -> None:
    c = _compare("Tickets sichern: Sommerfest am 14. Juni.", "Tickets sichern: Sommerfest am 14. Juni in der Gärtnerei.")
    assert ("D8", "dead_end") in _problem_keys(c.before) and ("D8", "dead_end") in _problem_keys(c.after)
    assert ("D8", "dead_end") not in _keys(c.resolved)
    assert ("D8", "dead_end") not in _keys(c.new)


def test_removed_problem_is_resolved_and_a_question_is_gained() -> None:
    c = _compare("Join our webinar on 3 June. Click here for the programme!", "Join our webinar on 3 June. What would you like to ask our speakers?")
    assert c.before.language == c.after.language == "en"
    assert ("D8", "dead_end") in _keys(c.resolved)
    assert ("D2", "missing") in _keys(c.resolved)
    assert ("D2", "found") in _keys(c.gained)
    assert c.new == ()
    assert c.deltas["dialogue"] > 0


def test_strength_in_both_versions_is_not_gained() -> None:
    c = _compare("Join our webinar on 3 June. Click here for the programme!", "Join our webinar on 3 June. What would you like to ask our speakers?")
    assert ("S1", "found") in _keys(f for f in c.before.findings if f.severity == "good")
    assert ("S1", "found") not in _keys(c.gained)


def test_added_dead_end_is_new() -> None:
    before = "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen."
    after = "🎉🌿 " + before + " Jetzt bestellen!"
    c = _compare(before, after)
    assert [(f.rule, f.kind) for f in c.new] == [("D8", "dead_end")]
    (span,) = c.new[0].spans
    assert span.text(c.after.text) == "Jetzt bestellen"  # Python offsets, emoji count as one
    assert c.resolved == ()
    assert c.deltas["dialogue"] < 0


def test_added_mobilising_call_is_no_new_problem() -> None:
    # "Jetzt anmelden" moves readers (D8 "mobilise", info, 0 points): no dead end, nothing new to fix
    before = "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen."
    c = _compare(before, before + " Jetzt anmelden!")
    assert c.new == ()
    assert ("D8", "mobilise") in _keys(c.after.findings)
    assert c.deltas["dialogue"] >= 0


def test_identical_drafts_change_nothing() -> None:
    text = _sample("sommerfest_de.txt")
    c = _compare(text, text)
    assert c.deltas == {dim: 0 for dim in DIMENSIONS}
    assert c.resolved == c.new == c.gained == ()


def test_comparison_is_frozen(sommerfest: Comparison) -> None:
    with pytest.raises(AttributeError):
        sommerfest.new = ()  # type: ignore[misc]


def test_compare_module_loads_no_qt() -> None:
    code = "import sys, resonanz.core.analysis.compare; sys.exit(1 if any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
