"""Counted nouns: "1 row", "3 rows", "1 Zeile", "0 Zeilen" (foundation: every core package may use it).

German and English both have two plural categories for whole numbers (CLDR "one" and "other"):
exactly 1 takes the singular, every other count (0 too) the plural. A language with more
categories would add its rule here; the words themselves belong to their package's texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["Count", "countable", "counted", "plural_form"]


def plural_form(n: int, one: str, other: str) -> str:
    """`one` for exactly 1, `other` for any other count (German and English alike)."""
    return one if n == 1 else other


def counted(n: int, one: str, other: str) -> str:
    """ "1 row", "3 rows": the count and its noun in the right form."""
    return f"{n} {plural_form(n, one, other)}"


class Count(int):
    """A count that can also name its noun in a message template: ``{n} {n:word|words}`` gives
    "1 word" and "3 words", ``{n} {n:Wort|Wörtern}`` gives "1 Wort" and "3 Wörtern" (the forms
    after the colon: singular | plural). Three forms choose a text for none, one and more:
    ``{n:Remove them.|Keep it.|Keep {n} of them.}``. Any other format spec is an int's."""

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return int.__format__(self, spec)
        forms = spec.split("|", 2)
        if len(forms) == 3 and int(self) == 0:
            return forms[0]
        return plural_form(int(self), *forms[-2:])


def countable(values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` for a message template, every whole number a `Count` (truth values stay as they are)."""
    return {k: Count(v) if type(v) is int else v for k, v in values.items()}
