"""Cell values of platform exports read the way a person meant them: counts, dates, HTML text.

Counts: "1,234", "1.234" (German grouping), "1 234", "500.0" (X writes floats) and Excel numbers
all become ints; an empty cell, "-", "–" or anything else unreadable is *missing* (None), never 0.
Dates: ISO 8601 with or without time and offset, "03/14/2026 09:30" (Meta, LinkedIn: US order),
"14.03.2026" (German Excel), "Sat, Oct 04, 2025" (X's newer export) and Excel datetimes become
"YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" as written (offsets dropped, no time zone conversion).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from html.parser import HTMLParser

__all__ = ["html_to_text", "parse_count", "parse_date", "slash_day_first"]

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")
_US_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DE_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL = re.compile(r"\d+[.,]\d+")


def parse_count(value: object) -> int | None:
    """A non-negative count, or None when the cell is empty, "-" or not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value + 0.5) if math.isfinite(value) and value >= 0 else None
    s = str(value).strip().translate(_SPACES)
    if s.isdigit() and s.isascii():
        return int(s)
    if _US_GROUPED.fullmatch(s):
        number = float(s.replace(",", ""))
    elif _DE_GROUPED.fullmatch(s):  # "1.234" is a thousand and more, as German Excel writes it
        number = float(s.replace(".", "").replace(",", "."))
    elif _DECIMAL.fullmatch(s):
        number = float(s.replace(",", "."))
    else:
        return None
    return int(number + 0.5)


_TIME = r"(?:[T ,]\s*(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})" + _TIME + r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})" + _TIME)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_WORDY = re.compile(r"(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})" + _TIME)


def slash_day_first(values: Iterable[object]) -> bool:
    """Whether a column's "a/b/yyyy" dates put the day first: only when some "a" is over 12
    (Meta and LinkedIn write US dates; a file saved by European Excel shows itself this way)."""
    for v in values:
        m = _SLASH.fullmatch(v.strip()) if isinstance(v, str) else None
        if m and int(m.group(1)) > 12:
            return True
    return False


def parse_date(value: object, *, day_first: bool = False) -> str | None:
    """ISO "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", or None for an empty or unreadable value.

    `day_first` decides "a/b/yyyy" (see `slash_day_first`); "dd.mm.yyyy" is always day first."""
    if isinstance(value, datetime):
        return _iso(value.year, value.month, value.day, value.hour, value.minute, None, keep_time=bool(value.hour or value.minute))
    if isinstance(value, date):
        return _iso(value.year, value.month, value.day, None, None, None)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if m := _ISO.fullmatch(s):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        hh, mm, ampm = m.group(4), m.group(5), m.group(6)
    elif m := _SLASH.fullmatch(s):
        a, b, y = m.group(1), m.group(2), m.group(3)
        d, mo = (a, b) if day_first else (b, a)
        hh, mm, ampm = m.group(4), m.group(5), m.group(6)
    elif m := _DOTTED.fullmatch(s):
        d, mo, y = m.group(1), m.group(2), m.group(3)
        hh, mm, ampm = m.group(4), m.group(5), m.group(6)
    elif (m := _WORDY.fullmatch(s)) and m.group(1).lower() in _MONTHS:
        mo, d, y = str(_MONTHS[m.group(1).lower()]), m.group(2), m.group(3)
        hh, mm, ampm = m.group(4), m.group(5), m.group(6)
    else:
        return None
    year = int(y) + (2000 if len(y) == 2 else 0)
    return _iso(year, int(mo), int(d), int(hh) if hh else None, int(mm) if mm else None, ampm)


def _iso(y: int, mo: int, d: int, hh: int | None, mm: int | None, ampm: str | None, keep_time: bool = True) -> str | None:
    if hh is not None and ampm:
        if not 1 <= hh <= 12:
            return None
        hh = hh % 12 + (12 if ampm.lower() == "pm" else 0)
    try:
        if hh is None or not keep_time:
            return date(y, mo, d).isoformat()
        return datetime(y, mo, d, hh, mm or 0).strftime("%Y-%m-%dT%H:%M")
    except ValueError:
        return None


class _TextOf(HTMLParser):
    """The text of an HTML fragment: <br> a line break, paragraphs separated by a blank line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "li", "blockquote") and self.parts:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of Mastodon's HTML "content" (tags stripped, entities decoded, <br>/<p> kept as
    line breaks; link texts, hashtags and mentions stay as they read)."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
