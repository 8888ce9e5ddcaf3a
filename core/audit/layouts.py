"""The table layouts of the platforms' exports, recognised by their header row, and a user's mapping.

A layout names columns by their header text (compared trimmed, case- and space-insensitively):
the columns its header must have (`signature`), where the text and the date are, and for every
count field the export's columns in order of preference (e.g. impressions before reach). The
header need not be the first row: LinkedIn's sheet starts with a line about the date range.

Where the layouts come from (public descriptions of the exports and code reading them):
- meta: Meta Business Suite "Posts" export of a Facebook page (Post ID, Page ID, Page name,
  Title, Description, Duration (sec), Publish time, Permalink, Post type, …, Reach, Reactions,
  Comments, Shares, Total clicks, Link clicks); its Instagram variant (Account ID, Likes, Views)
  too. "Publish time" is "MM/DD/YYYY HH:MM". Newer exports say "Views" where older said
  "Impressions": impressions, then views, then reach.
- linkedin: the company page's content export, sheet "All posts", header on row 2 (Post title,
  Post link, Post type, Campaign name, Posted by, Created date, …, Impressions, Views, Clicks,
  Click through rate (CTR), Likes, Comments, Reposts, Follows, Engagement rate, Content Type).
- x: the classic tweet activity export (Tweet id, Tweet permalink, Tweet text, time,
  impressions, engagements, engagement rate, retweets, replies, likes, user profile clicks,
  url clicks, …) and the newer account analytics content export (Post id, Date, Post text,
  Post Link, Impressions, Likes, Engagements, Bookmarks, Shares, New follows, Replies, Reposts,
  Profile visits, …, URL Clicks); there "Shares" are shares by message/link, "Reposts" the reposts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from resonanz.core.audit.model import COUNT_FIELDS, FIELDS, AuditInputError

#: How many rows from the top a header row may be (LinkedIn: row 2; some tools add a title block).
HEADER_SEARCH_ROWS = 15


def norm(name: object) -> str:
    """A header cell compared as a person reads it: trimmed, lower case, single spaces."""
    return " ".join(str(name).replace("\ufeff", "").split()).lower() if name is not None else ""


@dataclass(frozen=True)
class Layout:
    format: str
    signature: tuple[str, ...]  # normalised header names that must all be present
    text: tuple[str, ...]  # per row, the first of these columns with text
    date: tuple[str, ...]
    counts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # field -> columns, preferred first


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "x",
        ("tweet id", "tweet text", "time"),
        ("tweet text",),
        ("time",),
        {"comments": ("replies",), "shares": ("retweets",), "reactions": ("likes",), "impressions": ("impressions",), "clicks": ("url clicks",)},
    ),
    Layout(
        "x",
        ("post id", "post text", "date"),
        ("post text",),
        ("date",),
        {"comments": ("replies",), "shares": ("reposts",), "reactions": ("likes",), "impressions": ("impressions",), "clicks": ("url clicks",)},
    ),
    Layout(
        "meta",
        ("post id", "permalink", "publish time"),
        ("description", "title", "message"),
        ("publish time",),
        {
            "comments": ("comments",),
            "shares": ("shares",),
            "reactions": ("reactions", "likes"),
            "impressions": ("impressions", "views", "reach"),
            "clicks": ("link clicks", "total clicks"),
        },
    ),
    Layout(
        "linkedin",
        ("post title", "post link", "created date"),
        ("post title",),
        ("created date",),
        {"comments": ("comments",), "shares": ("reposts", "shares"), "reactions": ("likes", "reactions"), "impressions": ("impressions",), "clicks": ("clicks",)},
    ),
)


@dataclass(frozen=True)
class Plan:
    """How to read a table: its format, header row (index into the rows) and the column indices."""

    format: str
    header_at: int
    header: list[str]
    text: tuple[int, ...]
    date: int | None
    counts: dict[str, int]
    columns: dict[str, str]  # Resonanz field -> the export's column, for ImportResult.columns


def plan_for(rows: Sequence[tuple[int, list[object]]], name: str, mapping: Mapping[str, str] | None) -> Plan:
    """The plan for a table: the user's mapping if given, else the first layout whose header is found.

    AuditInputError (one line) for an empty table, a mapping naming an unknown field or a column
    the file does not have, or an unknown layout without a mapping (naming the columns found)."""
    if not rows:
        raise AuditInputError(f"{name} is empty: no header row")
    top = rows[:HEADER_SEARCH_ROWS]
    if mapping:
        return _mapped_plan(top, name, mapping)
    for at, (_line, cells) in enumerate(top):
        header = [norm(c) for c in cells]
        present = set(header)
        for layout in LAYOUTS:
            if all(s in present for s in layout.signature):
                return _plan(layout, at, cells, header)
    raise AuditInputError(
        f"{name}: not an export Resonanz recognises (columns: {_shown(likeliest_header(rows))}); name its columns, e.g. --map text=COLUMN,date=COLUMN,shares=COLUMN"
    )


def likeliest_header(rows: Sequence[tuple[int, list[object]]]) -> list[object]:
    """The row of an unknown layout that most likely names its columns: the one with the most
    filled cells among the first HEADER_SEARCH_ROWS (a title row above it has one). [] for no rows."""
    top = rows[:HEADER_SEARCH_ROWS]
    return max(top, key=lambda r: sum(not _empty(c) for c in r[1]))[1] if top else []


def _plan(layout: Layout, at: int, cells: list[object], header: list[str]) -> Plan:
    index = {h: i for i, h in reversed(list(enumerate(header)))}  # first column of a name wins
    text = tuple(index[c] for c in layout.text if c in index)
    date = next((index[c] for c in layout.date if c in index), None)
    counts, columns = {}, {"text": " or ".join(str(cells[i]).strip() for i in text)}
    if date is not None:
        columns["date"] = str(cells[date]).strip()
    for f in COUNT_FIELDS:
        col = next((index[c] for c in layout.counts.get(f, ()) if c in index), None)
        if col is not None:
            counts[f] = col
            columns[f] = str(cells[col]).strip()
    return Plan(layout.format, at, [str(c) if c is not None else "" for c in cells], text, date, counts, columns)


def _mapped_plan(top: Sequence[tuple[int, list[object]]], name: str, mapping: Mapping[str, str]) -> Plan:
    unknown = [k for k in mapping if k not in FIELDS]
    if unknown:
        raise AuditInputError(f"{name}: --map names unknown field(s) {', '.join(unknown)} (fields: {', '.join(FIELDS)})")
    if "text" not in mapping:
        raise AuditInputError(f"{name}: --map must name the text column (text=COLUMN)")
    wanted = {f: norm(col) for f, col in mapping.items()}
    for at, (_line, cells) in enumerate(top):
        header = [norm(c) for c in cells]
        if all(w in header for w in wanted.values()):
            index = {f: header.index(w) for f, w in wanted.items()}
            counts = {f: index[f] for f in COUNT_FIELDS if f in index}
            columns = {f: str(cells[index[f]]).strip() for f in FIELDS if f in index}
            return Plan("mapped", at, [str(c) if c is not None else "" for c in cells], (index["text"],), index.get("date"), counts, columns)
    first = top[0][1]
    header = [norm(c) for c in first]
    missing = [col for f, col in mapping.items() if norm(col) not in header]
    raise AuditInputError(f"{name} has no column {', '.join(repr(m) for m in missing)} (columns: {_shown(first)})")


def _shown(cells: Sequence[object], most: int = 12) -> str:
    names = [_cut(str(c).strip()) for c in cells if c is not None and str(c).strip()]
    return ", ".join(names[:most]) + (", …" if len(names) > most else "") if names else "none"


def _cut(name: str, most: int = 40) -> str:
    name = " ".join(name.split()) if len(name) <= 4 * most else " ".join(name[: 4 * most].split())
    return name if len(name) <= most else name[: most - 1] + "…"


def _empty(cell: object) -> bool:
    return cell is None or not str(cell).strip()
