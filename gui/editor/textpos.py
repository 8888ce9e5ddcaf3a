"""Python str offsets (code points) <-> Qt text positions (UTF-16 code units).

Qt counts a character outside the Basic Multilingual Plane (most emoji) as two positions; Python
counts it as one. Every span that crosses from the engine to a QTextDocument goes through here,
or marks drift one position to the left after every emoji.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts offsets for one text in O(log n) per lookup."""

    def __init__(self, text: str) -> None:
        self.text = text
        # code-point offsets of the characters that take two UTF-16 units
        # (a regex scan, not a loop over every character: a 5 MB paste would stall the UI for 0.5 s)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def to_qt(self, offset: int) -> int:
        """UTF-16 position of the Python offset."""
        return offset + bisect_right(self._astral, offset - 1)

    def to_py(self, position: int) -> int:
        """Python offset of the UTF-16 position (a position inside a surrogate pair rounds down)."""
        lo, hi = 0, len(self._astral)
        # number of astral characters k before the result satisfies: offset + k = position
        offset = position
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < position:  # qt position of astral char mid is astral[mid] + mid
                lo = mid + 1
            else:
                hi = mid
        offset = position - lo
        if lo < len(self._astral) and self._astral[lo] + lo + 1 == position:
            offset = self._astral[lo]  # inside the pair: back to the character
        return max(0, min(offset, len(self.text)))


def to_qt(text: str, offset: int) -> int:
    """UTF-16 position of a Python offset in `text`."""
    return OffsetMap(text).to_qt(offset)


def to_py(text: str, position: int) -> int:
    """Python offset of a UTF-16 position in `text`."""
    return OffsetMap(text).to_py(position)
