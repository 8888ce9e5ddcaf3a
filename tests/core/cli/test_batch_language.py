"""Batch scoring of posts whose own words cannot decide the language: they take the file's majority
language (issue 19, point 7). Posts with fewer words of their own than a post needs to be judged
(only a link, emoji or hashtags) are not judged at all: no language, empty score cells, reason
"not_enough_text" (issue 17, point 6)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core.cli.batch_language import majority_language

ENGLISH = [
    "Thank you to everyone who joined our volunteer day! What should we do next?",
    "Our food bank needs your help this weekend. Can you spare two hours?",
    "We just published our annual report. Read it and tell us what you think.",
]
GERMAN = ["Danke an alle, die beim Sommerfest geholfen haben! Was machen wir nächstes Jahr?"]
NO_OWN_WORDS = ["https://www.example.org/annual-report-2019", "🎉👏", "#GivingTuesday #ThankYou"]
# Enough words of their own to be judged, but every one is used alike in German and English.
NEUTRAL_WORDS = ["Super cool team event!", "Wow, super cool! 🎉 https://example.org/photos", "Cool team, cool event, super party."]


def write_csv(path: Path, texts: list[str]) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows([["id", "text"]] + [[str(i), t] for i, t in enumerate(texts)])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def score(tmp_path: Path, texts: list[str], *extra: str) -> tuple[dict[str, str], str]:
    src = write_csv(tmp_path / "in.csv", texts)
    out = tmp_path / "out.csv"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONIOENCODING")}
    env["RESONANZ_HOME"] = str(tmp_path / "home")
    (tmp_path / "home").mkdir(exist_ok=True)
    proc = subprocess.run(
        [sys.executable, "-m", "resonanz", "score", "--csv", str(src), "--text-column", "text", "--out", str(out), *extra],
        capture_output=True, stdin=subprocess.DEVNULL, env=env, timeout=120, encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    score.reasons = {row["text"]: row["reason"] for row in rows}
    return {row["text"]: row["language"] for row in rows}, proc.stderr


@pytest.mark.parametrize(("texts", "expected"), [(ENGLISH + GERMAN, "en"), (GERMAN * 3 + ENGLISH[:1], "de")])
def test_majority_language(tmp_path: Path, texts: list[str], expected: str) -> None:
    assert majority_language(write_csv(tmp_path / "in.csv", texts + NO_OWN_WORDS), "text") == expected


def test_majority_language_undecided(tmp_path: Path) -> None:
    assert majority_language(write_csv(tmp_path / "a.csv", NO_OWN_WORDS), "text") is None  # nothing to count
    assert majority_language(write_csv(tmp_path / "b.csv", ENGLISH[:1] + GERMAN), "text") is None  # a tie
    assert majority_language(tmp_path / "b.csv", "no such column") is None
    assert majority_language(tmp_path / "missing.csv", "text") is None


def test_sample_limit(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", GERMAN * 2 + ENGLISH * 3)
    assert majority_language(path, "text", sample_rows=2) == "de"
    assert majority_language(path, "text") == "en"


def test_batch_gives_undecided_posts_the_majority_language(tmp_path: Path) -> None:
    languages, err = score(tmp_path, ENGLISH + GERMAN + NEUTRAL_WORDS + NO_OWN_WORDS)
    assert [languages[t] for t in ENGLISH] == ["en"] * 3 and languages[GERMAN[0]] == "de"
    assert [languages[t] for t in NEUTRAL_WORDS] == ["en"] * 3  # was "de", the detector's fixed default
    assert "3 posts had too few words of their own" in err
    assert "scored as en, the file's majority language" in err


def test_batch_leaves_posts_without_words_of_their_own_unjudged(tmp_path: Path) -> None:
    languages, err = score(tmp_path, ENGLISH + NO_OWN_WORDS)
    assert [languages[t] for t in NO_OWN_WORDS] == [""] * 3  # no language claimed
    assert [score.reasons[t] for t in NO_OWN_WORDS] == ["not_enough_text"] * 3
    assert [score.reasons[t] for t in ENGLISH] == [""] * 3
    assert "3 posts had not enough text to judge" in err
    assert "too few words of their own to detect" not in err


def test_batch_lang_option_wins(tmp_path: Path) -> None:
    languages, err = score(tmp_path, ENGLISH + NEUTRAL_WORDS + NO_OWN_WORDS, "--lang", "de")
    assert {languages[t] for t in ENGLISH + NEUTRAL_WORDS} == {"de"}
    assert "too few words" not in err


@pytest.mark.parametrize(("fallback", "label"), [("de", "zu wenige eigene Wörter"), ("en", "too few words of its own")])
def test_terminal_report_says_the_language_came_from_context(fallback: str, label: str) -> None:
    from resonanz.core.analysis.engine import analyze
    from resonanz.core.cli.terminal import render

    first_line = render(analyze(NEUTRAL_WORDS[0], fallback_language=fallback, rules_dir=False)).splitlines()[0]
    assert label in first_line
    assert "detected" not in first_line and "erkannt (" not in first_line
    unjudged = render(analyze(NO_OWN_WORDS[0], fallback_language=fallback, rules_dir=False)).splitlines()
    assert unjudged[0] == "Resonanz · linkedin"  # no language claimed at all


def test_one_undecided_post_is_counted_as_one(tmp_path: Path) -> None:
    """ "1 post had too few words", not "1 posts" (one plural rule for every message)."""
    _, err = score(tmp_path, ENGLISH + NEUTRAL_WORDS[:1])
    assert "1 post had too few words of their own" in err
