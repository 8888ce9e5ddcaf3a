"""Posts without words of their own (only a link, emoji or hashtags): the language comes from context.

Issue 19, point 7: English link-only posts were scored as German because URL text is ignored and
the detector fell back to its fixed default. Now such a post says it could not decide
(`language_detected` False, `language_reason` "too_few_words") and takes the caller's fallback.
"""

from __future__ import annotations

import json

import pytest

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.language import LANGUAGE_REASONS, choose_language, decide_language, resolve_language

NO_WORDS_OF_THEIR_OWN = [
    # link-only
    "https://www.example.org/news/2019/annual-report-released",
    "http://bit.ly/2Xy7abc",
    "www.example.com/events",
    "https://example.com/the-best-way-to-thank-your-volunteers https://example.com/more",
    "👉 https://example.org/donate",
    "@examplefoundation https://example.org/blog/post",
    # emoji-only
    "🎉",
    "🎉👏🙌",
    "❤️❤️❤️ 😍",
    # hashtag-only
    "#GivingTuesday",
    "#ThankYou #Volunteers",
    "#DankeSchön #Ehrenamt",
    "#AI #MachineLearning #tech",
    # only numbers, neutral words and the like next to them
    "2019 ✅ https://example.org/x",
    "Wow! https://example.org/photos",
    "",
    "   \n ",
]

WORDS_OF_THEIR_OWN = [
    ("Read our annual report: https://www.example.org/report", "en"),
    ("Lest unseren Jahresbericht: https://www.example.org/bericht", "de"),
    ("Thank you all! #GivingTuesday", "en"),
    ("Danke euch allen! 🎉", "de"),
    ("Danke für alles!", "de"),
]

# The detector can decide these, but they have fewer words of their own than a post needs to be
# judged (min_own_words in resources/rules/common.toml): analyze() claims no language for them.
TOO_SHORT_TO_JUDGE = [("Thank you! #GivingTuesday", "en"), ("Danke! 🎉", "de"), ("Danke!", "de")]


@pytest.mark.parametrize("text", NO_WORDS_OF_THEIR_OWN)
@pytest.mark.parametrize("fallback", ["de", "en"])
def test_post_without_words_of_its_own_takes_the_fallback(text: str, fallback: str) -> None:
    assert decide_language(text) is None
    assert choose_language(text, "auto", fallback) == (fallback, "too_few_words")
    assert resolve_language(text, "auto", fallback) == (fallback, False)
    result = analyze(text, fallback_language=fallback, rules_dir=False)
    assert (result.language, result.language_detected, result.language_reason) == (fallback, False, "too_few_words")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["language"] == fallback
    assert data["language_detected"] is False
    assert data["language_reason"] == "too_few_words"


@pytest.mark.parametrize("text", NO_WORDS_OF_THEIR_OWN)
def test_without_a_fallback_the_default_is_used_but_not_claimed_as_detected(text: str) -> None:
    assert choose_language(text, "auto") == ("de", "too_few_words")
    assert choose_language(text, "auto", "auto") == ("de", "too_few_words")
    result = analyze(text, rules_dir=False)
    assert (result.language, result.language_detected, result.language_reason) == ("de", False, "too_few_words")


@pytest.mark.parametrize(("text", "expected"), WORDS_OF_THEIR_OWN)
@pytest.mark.parametrize("fallback", ["de", "en"])
def test_own_words_decide_whatever_the_fallback(text: str, expected: str, fallback: str) -> None:
    assert decide_language(text) == expected
    assert choose_language(text, "auto", fallback) == (expected, "detected")
    result = analyze(text, fallback_language=fallback, rules_dir=False)
    assert (result.language, result.language_detected, result.language_reason) == (expected, True, "detected")


@pytest.mark.parametrize(("text", "detected"), TOO_SHORT_TO_JUDGE)
@pytest.mark.parametrize("fallback", ["de", "en"])
def test_a_post_too_short_to_judge_claims_no_language(text: str, detected: str, fallback: str) -> None:
    assert decide_language(text) == detected  # the detector alone would say
    result = analyze(text, fallback_language=fallback, rules_dir=False)
    assert not result.judged
    assert (result.language, result.language_detected, result.language_reason) == (fallback, False, "too_few_words")


@pytest.mark.parametrize("fallback", [None, "de", "en"])
def test_a_chosen_language_ignores_detection_and_fallback(fallback: str | None) -> None:
    result = analyze("https://example.org/x", language="en-GB", fallback_language=fallback, rules_dir=False)
    assert (result.language, result.language_detected, result.language_reason) == ("en", False, "chosen")
    assert choose_language("Danke an alle!", "en", fallback) == ("en", "chosen")


@pytest.mark.parametrize("fallback", ["EN-us", "de_AT"])
def test_fallback_accepts_regional_tags(fallback: str) -> None:
    assert choose_language("🎉", "auto", fallback) == (fallback[:2].lower(), "too_few_words")


@pytest.mark.parametrize("fallback", ["fr", "", "english"])
def test_bad_fallback_raises_with_one_line(fallback: str) -> None:
    with pytest.raises(ValueError, match=r"^unknown language .*: choose auto, de or en$"):
        choose_language("🎉", "auto", fallback)


def test_reasons_are_the_documented_ones() -> None:
    assert LANGUAGE_REASONS == ("chosen", "detected", "too_few_words")
    assert {choose_language("Thanks!", "auto")[1], choose_language("🎉")[1], choose_language("x", "de")[1]} == set(LANGUAGE_REASONS)
