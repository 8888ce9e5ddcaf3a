"""A post over the platform's hard limit can't be published: platform fit is red (issue 17, point 7).

Before, 510 of 280 characters on X gave platform fit 40, amber: the limit's penalty (−60 from a base
of 90) met the points of two @-mentions. Now P1 takes whatever it needs for the score to end below
red, however well the rest fits, and its message says by how much the post is over.

Every text is written for this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resonanz.core.analysis.engine import analyze, platform_profile
from resonanz.core.analysis.platforms import count_characters, load_profiles

#: every platform with a hard limit, from the data (a new platform is tested without an edit here)
LIMITED = sorted(pid for pid, p in load_profiles().items() if p.limit)

# Two @-mentions and a thank-you: the rest of the post fits well (P6 gives points).
OPENING = {
    "de": "Danke an @anna und @ben für die Hilfe beim Stadtlauf! ",
    "en": "Thanks to @anna and @ben for their help at the city run! ",
}
FILLER = {
    "de": "Am Ziel gab es Musik, Kuchen und viele frohe Gesichter. ",
    "en": "At the finish there was music, cake and many happy faces. ",
}
OVER = {"de": "{over} über der Grenze von {limit}", "en": "{over} over the limit of {limit}"}


def post(lang: str, platform: str, length: int) -> str:
    """A post of exactly `length` characters as the platform counts them."""
    text = OPENING[lang]
    while len(text) < length:
        text += FILLER[lang]
    text = text[:length]
    assert count_characters(text, platform_profile(platform, lang)) == length
    return text


def over_by(lang: str, platform: str) -> list[tuple[str, int]]:
    limit = platform_profile(platform, lang).limit
    return [("limit+1", limit + 1), ("far over", limit + min(limit, 2000))]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("platform", LIMITED)
def test_at_the_limit_the_post_is_not_over(platform: str, lang: str) -> None:
    limit = platform_profile(platform, lang).limit
    result = analyze(post(lang, platform, limit), language=lang, platform=platform, rules_dir=False)
    assert not [f for f in result.findings_for("P1") if f.kind == "over"]
    assert result.score("platform_fit") >= 70  # nothing else pulls it down: green


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("platform", LIMITED)
def test_over_the_limit_platform_fit_is_red_and_says_by_how_much(platform: str, lang: str) -> None:
    limit = platform_profile(platform, lang).limit
    for label, length in over_by(lang, platform):
        result = analyze(post(lang, platform, length), language=lang, platform=platform, rules_dir=False)
        fit = result.scores["platform_fit"]
        assert fit.light == "red", f"{platform} {label}: platform fit {fit.value} is {fit.light}"
        assert sum(c.points for c in fit.breakdown) == fit.value  # the breakdown still adds up
        assert any(c.rule == "P6" and c.points > 0 for c in fit.breakdown), "the rest of the post fits well"
        (over,) = [f for f in result.findings_for("P1") if f.kind == "over"]
        assert over.severity == "error"
        assert OVER[lang].format(over=length - limit, limit=limit) in over.message, over.message
        assert over.values["over"] == length - limit


def test_issue_17_example_510_of_280_on_x_is_red() -> None:
    """The case from the issue: 510 of 280 characters on X, with mentions, was amber (40)."""
    for lang in ("de", "en"):
        result = analyze(post(lang, "x", 510), language=lang, platform="x", rules_dir=False)
        assert result.scores["platform_fit"].light == "red"
        (over,) = result.findings_for("P1")
        assert OVER[lang].format(over=230, limit=280) in over.message


def test_red_even_when_a_rule_folder_makes_the_rest_generous(tmp_path: Path) -> None:
    """However many points the other platform rules give (a user's own weights), over the limit is red."""
    (tmp_path / "generous.toml").write_text("[rules.P6]\npoints_per_mention = 40\npoints_max = 80\n", encoding="utf-8")
    result = analyze(post("en", "x", 281), language="en", platform="x", rules_dir=tmp_path)
    fit = result.scores["platform_fit"]
    assert any(c.rule == "P6" and c.points == 80 for c in fit.breakdown)
    assert fit.light == "red", fit


def test_a_higher_ceiling_in_the_rule_folder_still_stays_red(tmp_path: Path) -> None:
    """max_score_over is data; set at or above the red threshold, it is held just below it."""
    (tmp_path / "ceiling.toml").write_text("[rules.P1]\nmax_score_over = 60\n", encoding="utf-8")
    result = analyze(post("de", "x", 400), language="de", platform="x", rules_dir=tmp_path)
    assert result.scores["platform_fit"].light == "red"
