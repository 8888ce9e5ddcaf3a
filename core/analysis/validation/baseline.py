"""The naive baseline of issue 16: question marks + second-person words + thanks words +
@-mentions - links, per post.

It is the measuring stick a Resonanz score has to beat, not a product rule: deliberately simple,
with its word lists as data in resources/validation.toml (`[baseline.<language>]`).
"""

from __future__ import annotations

import functools
import re

from resonanz.core.analysis.validation.settings import settings

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_MENTION = re.compile(r"(?<![\w@])@\w+")
_LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+")


def _matcher(words: list[str], ignore_case: bool) -> re.Pattern[str] | None:
    parts = [re.escape(w[:-1]) + r"[\w'’-]*" if w.endswith("*") else re.escape(w) for w in words]
    if not parts:
        return None
    return re.compile(r"(?:" + "|".join(parts) + r")\Z", re.IGNORECASE if ignore_case else 0)


@functools.lru_cache(maxsize=4)
def _lists(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    spec = settings().get("baseline", {}).get(language) or settings().get("baseline", {}).get("en", {})
    return (
        _matcher(spec.get("second_person", []), True),
        _matcher(spec.get("formal", []), False),
        _matcher(spec.get("thanks", []), True),
    )


def baseline(text: str, language: str) -> int:
    """The naive dialogue value of one post (may be negative: links count minus one each)."""
    second, formal, thanks = _lists(language)
    without_links = _LINK.sub(" ", text)
    value = without_links.count("?")  # a "?" inside a link is no question
    for word in _WORD.findall(without_links):
        if (second and second.match(word)) or (formal and formal.match(word)):
            value += 1
        elif thanks and thanks.match(word):
            value += 1
    value += len(_MENTION.findall(without_links))
    value -= len(_LINK.findall(text))
    return value
