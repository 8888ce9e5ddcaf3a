"""Counted nouns in reports: "1 participant", "3 participants", "1 Teilnehmer:in", "0 Teilnehmende".

The plural rule is `resonanz.core.plural` (one for every core package); the nouns here are report
chrome (see `builders` and `audit_report`).
"""

from __future__ import annotations

from resonanz.core.plural import counted, plural_form

#: (singular, plural) of the counted nouns of the reports, per report language.
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "de": {"participants": ("Teilnehmer:in", "Teilnehmende"), "attempts": ("Versuch", "Versuche"),
           "posts": ("Beitrag", "Beiträge"), "rows": ("Zeile", "Zeilen")},
    "en": {"participants": ("participant", "participants"), "attempts": ("attempt", "attempts"),
           "posts": ("post", "posts"), "rows": ("row", "rows")},
}

__all__ = ["NOUNS", "count", "plural_form"]


def count(n: int, noun: str, language: str) -> str:
    """ "3 participants" in the report `language` ("de" or "en"); KeyError for an unknown noun."""
    one, other = NOUNS[language][noun]
    return counted(n, one, other)
