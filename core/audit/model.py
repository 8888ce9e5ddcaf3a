"""What the page audit reads and produces: one past post with its counts, an import's result.

Shared by the importers (which make `PostRecord`s from a platform's export) and the audit (which
scores them and turns their counts into rates). Imports nothing from Resonanz.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["COUNT_FIELDS", "FIELDS", "FORMATS", "AuditInputError", "ImportResult", "PostRecord"]

#: The outcome counts an export may have, under Resonanz's names. "shares" takes reposts, retweets
#: and boosts; "reactions" takes likes, favourites and all reaction types together.
COUNT_FIELDS: tuple[str, ...] = ("comments", "shares", "reactions", "impressions", "clicks")

#: Every field a column mapping may name (`--map text=Message,shares=Shares`).
FIELDS: tuple[str, ...] = ("text", "date", *COUNT_FIELDS)

#: The export layouts recognised by their header or structure, and "mapped" for a user's mapping.
FORMATS: tuple[str, ...] = ("meta", "linkedin", "x", "mastodon", "bluesky", "mapped")


class AuditInputError(ValueError):
    """An export that cannot be read at all (unreadable, empty, no text column); str() is one line
    naming the file and what is wrong. Single bad rows are skipped and reported instead."""


@dataclass(frozen=True)
class PostRecord:
    """One past post of a page as the export had it."""

    row: int  # where a person finds it in the file: the CSV/XLSX line, or the JSON record number (1-based)
    text: str
    date: str | None  # ISO 8601 ("2026-03-14" or "2026-03-14T09:30"), None when the export has none or it is unreadable
    counts: Mapping[str, int] = field(default_factory=dict)  # only the COUNT_FIELDS the export has

    def __post_init__(self) -> None:
        unknown = set(self.counts) - set(COUNT_FIELDS)
        if unknown:
            raise ValueError(f"unknown count fields: {', '.join(sorted(unknown))}")
        object.__setattr__(self, "counts", MappingProxyType(dict(self.counts)))


@dataclass(frozen=True)
class ImportResult:
    """What an import found: the posts, the rows it skipped (line, reason), and how it read the file."""

    source: str  # the file's name
    format: str  # one of FORMATS
    posts: tuple[PostRecord, ...]
    skipped: tuple[tuple[int, str], ...]
    columns: Mapping[str, str]  # Resonanz field -> the export's column (or JSON key) it came from

    @property
    def count_fields(self) -> tuple[str, ...]:
        """The outcome counts this export has, in COUNT_FIELDS order."""
        return tuple(f for f in COUNT_FIELDS if f in self.columns)
