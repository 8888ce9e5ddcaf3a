"""Counted nouns in reports: "1 participant", "3 participants", "1 Teilnehmer:in", "0 Teilnehmende".

German and English both have two plural categories for whole numbers (CLDR "one" and "other"):
exactly 1 takes the singular, every other count (0 too) the plural. A language with more
categories would add its rule here; the words themselves are report chrome (see `builders`).
"""

from __future__ import annotations

#: (singular, plural) of the counted nouns of the reports, per report language.
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "de": {"participants": ("Teilnehmer:in", "Teilnehmende"), "attempts": ("Versuch", "Versuche")},
    "en": {"participants": ("participant", "participants"), "attempts": ("attempt", "attempts")},
}


def plural_form(n: int, one: str, other: str) -> str:
    """`one` for exactly 1, `other` for any other count (German and English alike)."""
    return one if n == 1 else other


def count(n: int, noun: str, language: str) -> str:
    """ "3 participants" in the report `language` ("de" or "en"); KeyError for an unknown noun."""
    one, other = NOUNS[language][noun]
    return f"{n} {plural_form(n, one, other)}"
