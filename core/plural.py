"""Counted nouns: "1 row", "3 rows", "1 Zeile", "0 Zeilen" (foundation: every core package may use it).

German and English both have two plural categories for whole numbers (CLDR "one" and "other"):
exactly 1 takes the singular, every other count (0 too) the plural. A language with more
categories would add its rule here; the words themselves belong to their package's texts.
"""

from __future__ import annotations

__all__ = ["counted", "plural_form"]


def plural_form(n: int, one: str, other: str) -> str:
    """`one` for exactly 1, `other` for any other count (German and English alike)."""
    return one if n == 1 else other


def counted(n: int, one: str, other: str) -> str:
    """ "1 row", "3 rows": the count and its noun in the right form."""
    return f"{n} {plural_form(n, one, other)}"
