"""Too little text to judge (issue 17, point 6): no scores, no findings, no language claimed.

A post needs `min_own_words` words of its own (resources/rules/common.toml), counted as the
language detector reads a post: URLs, @mentions, hashtags, emoji, numbers and punctuation are not
words. Below that, an empty draft used to show Clarity 85 and Platform fit 90 in green.
"""

from __future__ import annotations

import json

import pytest

from resonanz.core.analysis.compare import compare
from resonanz.core.analysis.engine import analyze, enough_text, min_own_words
from resonanz.core.analysis.language import own_word_count
from resonanz.core.analysis.model import DIMENSIONS, NOT_ENOUGH_TEXT
from resonanz.core.exercises.library import builtin_exercises, targets_met
from resonanz.core.reports.builders import _score_table, _scores_tuple

NOT_JUDGED = [
    "",
    "   \n\t ",
    "🚀🚀🚀",
    "https://www.example.org/news/2019/annual-report-released",
    "#Danke #Ehrenamt #Sommerfest",
    "#ThankYou #Volunteers",
    "@anna @ben @verein",
    "!!! ??? …",
    "2019 2020 2021",
    "Danke!",  # one word of its own
    "Happy Monday! 🎉",  # two
    "Bitte TEILEN! https://example.org/x #wahl",
]

JUDGED = [
    ("Wir feiern heute.", "de"),
    ("Kommt ihr morgen vorbei?", "de"),
    ("See you Saturday!", "en"),
    ("We planted ten trees today.", "en"),
]


def test_the_threshold_is_data() -> None:
    assert min_own_words() == 3  # resources/rules/common.toml [scoring] min_own_words


@pytest.mark.parametrize("language", ["auto", "de", "en"])
@pytest.mark.parametrize("text", NOT_JUDGED)
def test_too_little_text_is_not_judged(text: str, language: str) -> None:
    assert own_word_count(text) < min_own_words() and not enough_text(text)
    r = analyze(text, language=language, rules_dir=False)
    assert not r.judged and r.judged_reason == NOT_ENOUGH_TEXT
    assert dict(r.scores) == {} and r.findings == () and dict(r.signal_counts) == {}
    assert [r.score(d) for d in DIMENSIONS] == [None] * 4
    assert not r.language_detected
    assert r.language_reason == ("too_few_words" if language == "auto" else "chosen")
    assert r.stats["code_points"] == len(text)  # the counts are still there (status bar, counter)


@pytest.mark.parametrize(("text", "language"), JUDGED)
def test_a_short_real_sentence_is_judged(text: str, language: str) -> None:
    r = analyze(text, rules_dir=False)
    assert r.judged and r.judged_reason == ""
    assert set(r.scores) == set(DIMENSIONS) and all(0 <= r.score(d) <= 100 for d in DIMENSIONS)
    assert (r.language, r.language_reason) == (language, "detected")


def test_json_of_a_result_that_is_not_judged() -> None:
    data = json.loads(json.dumps(analyze("🚀🚀🚀", fallback_language="en", rules_dir=False).to_dict()))
    assert data["judged"] is False and data["reason"] == "not_enough_text"
    assert data["scores"] == data["lights"] == {d: None for d in DIMENSIONS}
    assert data["breakdown"] == {d: [] for d in DIMENSIONS}
    assert data["findings"] == [] and data["signals"] == {}
    # the language is the caller's fallback, and says so: nothing was detected
    assert (data["language"], data["language_detected"], data["language_reason"]) == ("en", False, "too_few_words")


def test_json_of_a_judged_result_only_gains_judged_true() -> None:
    data = analyze("Wir feiern heute im Stadtpark. Kommt ihr vorbei?", rules_dir=False).to_dict()
    assert data["judged"] is True and "reason" not in data
    assert all(isinstance(v, int) for v in data["scores"].values())
    assert list(data)[-1] == "judged"  # added at the end: every other key is as before


def test_consumers_cope_with_a_result_that_is_not_judged() -> None:
    empty, full = analyze("", rules_dir=False), analyze("Wir feiern heute im Stadtpark. Kommt ihr vorbei?", rules_dir=False)
    assert compare(empty, full).deltas == {d: None for d in DIMENSIONS}
    assert compare(full, full).deltas == {d: 0 for d in DIMENSIONS}
    ex = builtin_exercises()[0]
    assert not any(targets_met(ex, analyze("", language=ex.language, rules_dir=False)).values())
    assert _scores_tuple({d: None for d in DIMENSIONS}) == (None,) * 4
    for language, word in (("de", "Zu wenig Text"), ("en", "Not enough text")):
        rows = _score_table(None, None, language).rows
        assert [(r.value, r.light, r.light_label) for r in rows] == [(None, "", word)] * 4


@pytest.mark.parametrize(("language", "word"), [("de", "Zu wenig Text"), ("en", "Not enough text")])
def test_reports_and_storage_of_a_draft_too_short_to_judge(tmp_path, language: str, word: str) -> None:
    from resonanz.core.reports.document import TEXT_RENDERERS, build
    from resonanz.core.storage.store import Store

    with Store(tmp_path / "r.db") as store:
        draft = store.create_draft("🚀🚀🚀", "Rakete", language="de")
        store.save_revision(draft, "🚀🚀🚀", "nur Emoji", analyze("🚀🚀🚀", rules_dir=False))
        (rev,) = store.revisions(draft)
        assert rev.scores is None and rev.findings is None and rev.language == "de"  # no scores stored, no language claimed
        report = build(store, "draft", draft, language)
        md, html, csv = (TEXT_RENDERERS[k](report) for k in ("md", "html", "csv"))
    assert f"| {word} |" in md and "| – |" in md
    assert word in html and '<span class="light' not in html
    assert csv.splitlines()[1].endswith(",,,,")  # four empty score cells
    assert "well done" not in md and "gut gemacht" not in md  # no praise for an empty draft
    for dim_line in md.splitlines():
        assert "85" not in dim_line and "90" not in dim_line  # the old base values never show


def test_own_word_count_of_a_long_text_reads_chunk_by_chunk_with_the_same_count() -> None:
    """Issue 19: a long text is counted chunk by chunk and stops at `enough`, with the count of the
    whole-text reading (markers anywhere in the text decide which chunks are dropped)."""
    from resonanz.core.analysis import language

    pieces = ["Wort", "it’s", "#Danke", "@anna", "https://x.de/a", "example.com", "12", "🚀", "z.B.", "Kund:innen", "don't", "\u2003"]
    for seed in range(40):
        words = [pieces[(seed * 7 + i * (seed % 5 + 1)) % len(pieces)] for i in range(6000)]
        text = " ".join(words) + ("\nwww.example.org" if seed % 3 == 0 else "")
        assert len(text) > language._STREAM_FROM
        for enough in (1, 3, 50, 10**9):
            own, _tags = language._own_text(text.replace("\u2019", "'"))
            whole = sum(1 for m in language._TOKEN_RE.finditer(own) if not m.group().isdigit() and any(c.isalpha() for c in m.group()))
            assert own_word_count(text, enough) == min(whole, enough)
