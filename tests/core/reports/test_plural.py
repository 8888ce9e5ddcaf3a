"""Counts in reports use the singular for exactly one, in German and English (issue 19, point 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resonanz.core.plural import Count, countable, counted
from resonanz.core.reports.builders import workshop_summary
from resonanz.core.reports.plural import NOUNS, count, plural_form
from resonanz.core.storage.store import Store
from report_fixtures import TODAY


@pytest.mark.parametrize(
    ("n", "language", "expected"),
    [
        (0, "en", "0 participants"), (1, "en", "1 participant"), (2, "en", "2 participants"), (21, "en", "21 participants"),
        (0, "de", "0 Teilnehmende"), (1, "de", "1 Teilnehmer:in"), (2, "de", "2 Teilnehmende"), (21, "de", "21 Teilnehmende"),
    ],
)
def test_count(n: int, language: str, expected: str) -> None:
    assert count(n, "participants", language) == expected


def test_plural_form_and_nouns_in_both_languages() -> None:
    assert [plural_form(n, "Versuch", "Versuche") for n in (0, 1, 2)] == ["Versuche", "Versuch", "Versuche"]
    assert set(NOUNS["de"]) == set(NOUNS["en"])
    # the one rule in the foundation, for every core package (the page audit counts posts and rows with it)
    assert [counted(n, "Zeile", "Zeilen") for n in (0, 1, 2)] == ["0 Zeilen", "1 Zeile", "2 Zeilen"]
    assert [count(n, "rows", "en") for n in (0, 1)] == ["0 rows", "1 row"] and count(1, "posts", "de") == "1 Beitrag"


@pytest.mark.parametrize(("n", "expected"), [(0, "0 Wörtern"), (1, "1 Wort"), (2, "2 Wörtern"), (21, "21 Wörtern")])
def test_a_message_template_names_the_noun_of_a_count(n: int, expected: str) -> None:
    """{n} {n:Wort|Wörtern} in a rule pack's message: the form after the bar that fits the count."""
    values = countable({"n": n, "flag": True, "quote": "Preis?"})
    assert "{n} {n:Wort|Wörtern}".format_map(values) == expected
    assert values["flag"] is True and values["quote"] == "Preis?"  # only whole numbers become counts
    assert f"{Count(n):>3}|{Count(n):d}" == f"{n:>3}|{n}"  # any other spec is an int's



@pytest.mark.parametrize(("n", "expected"), [(0, "Remove them."), (1, "Keep it."), (2, "Keep 2 of them."), (5, "Keep 5 of them.")])
def test_three_forms_choose_a_text_for_none_one_and_more(n: int, expected: str) -> None:
    assert "{n:Remove them.|Keep it.|Keep {n} of them.}".format_map(countable({"n": n})) == expected


@pytest.mark.parametrize(("language", "expected"), [("en", " · 1 participant · "), ("de", " · 1 Teilnehmer:in · ")])
def test_workshop_header_with_one_participant(tmp_path: Path, language: str, expected: str) -> None:
    with Store(tmp_path / "r.db") as s:
        sess = s.create_session("workshop", "Solo", "2026-01-15")
        s.add_participant(sess, "Jana Krüger", None)
        report = workshop_summary(s, sess, language, now=TODAY)
    assert expected in report.subtitle
