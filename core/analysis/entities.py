"""URL, @mention, #hashtag and emoji extraction: the entities of a post's text.

Every scanner returns half-open ``(start, end)`` spans of Python ``str`` offsets (code points),
sorted and non-overlapping within one kind:

* :func:`find_urls` (http(s)://…, www.…, bare domains with a common TLD),
* :func:`find_mentions`, :func:`find_hashtags`, :func:`find_emoji`.

Part of the text layer: core.analysis.text builds its `Document` on these, and
core.analysis.platforms counts and folds with them. Imports nothing from core.
Pure Python, no Qt. ``regex`` is imported lazily so that importing this module stays cheap;
the compiled patterns are built on first use.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "BARE_DOMAIN_TLDS",
    "find_emoji",
    "find_hashtags",
    "find_mentions",
    "find_urls",
    "outside",
    "overlaps",
]

#: Bare domains (without http:// or www.) only count as URLs with one of these
#: top-level domains, so that "z.B.", "u.a." or "3.5" never become links.
BARE_DOMAIN_TLDS: tuple[str, ...] = (
    "de", "com", "org", "net", "io", "eu", "at", "ch", "info", "co", "uk", "app", "dev",
)


# --------------------------------------------------------------------------- patterns

# Characters that end a URL when they are its last character (sentence punctuation,
# quotes, markdown emphasis); closing brackets are only dropped when unbalanced.
_URL_TRAILING = frozenset(".,;:!?'\"*…")
_URL_BRACKETS = {")": "(", "]": "[", "}": "{"}

_LABEL = r"[^\W_](?:[\w\-]{0,61}[^\W_])?"


@functools.cache
def _patterns() -> dict[str, object]:
    import regex

    # Characters a URL may contain: no whitespace, angle brackets, typographic
    # quotes (German „…“, «…») or emoji.
    url_char = r"[^\s<>\"„“”«»‹›‘’‚\p{Extended_Pictographic}\u200d\ufe0f]"
    tlds = "|".join(sorted(BARE_DOMAIN_TLDS, key=len, reverse=True))
    url = regex.compile(
        rf"""
        (?<![\w@])(?i:https?)://(?=[\p{{L}}\p{{N}}\[]){url_char}+           # scheme URL
        |
        (?<![\w@.\-/\#:%&=+~$])                                        # not inside a word,
        (?:                                                           # e-mail or other URL
            (?i:www)\.(?:{_LABEL}\.)+[^\W\d_]{{2,24}}                     # www.<any TLD>
            |
            (?:{_LABEL}\.)+(?:{tlds})                                  # bare domain, known TLD
        )
        (?![\w\-])(?!\.[^\W_])                                        # TLD really ends here
        (?::\d{{1,5}}(?!\w))?
        (?:[/?\#]{url_char}*)?
        """,
        regex.VERBOSE,
    )
    mention = regex.compile(
        r"""
        (?<![\w@.\-/+=&\#$])@
        [\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?                # local part
        (?:@[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?               # @instance.domain
           (?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)+)?
        (?![\w@])
        """,
        regex.VERBOSE,
    )
    hashtag = regex.compile(
        r"""
        (?<![\w&\#/@])\#(?![\ufe0f\u20e3])
        (?=[\p{L}\p{M}\p{N}_]*\p{L})                                  # at least one letter
        [\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*
        """,
        regex.VERBOSE,
    )
    # One emoji "element": a pictograph or emoji-presentation character, with an
    # optional VS16 or skin-tone modifier. ©, ® and ™ only with VS16 (they are
    # ordinary typography otherwise).
    element = (
        r"(?:[\u00a9\u00ae\u2122]\ufe0f"
        r"|(?![\u00a9\u00ae\u2122])[\p{Extended_Pictographic}\p{Emoji_Presentation}])"
        r"(?:\ufe0f|\p{Emoji_Modifier}\ufe0f?)?"
    )
    emoji = regex.compile(
        rf"""
        [0-9\#*]\ufe0f?\u20e3                                          # keycap 1️⃣ #️⃣
        |
        \p{{Regional_Indicator}}{{1,2}}                                 # flag 🇩🇪 (or a lone RI)
        |
        {element}
        (?:[\U000E0020-\U000E007E]+\U000E007F)?                        # tag sequence 🏴󠁧󠁢󠁳󠁣󠁴󠁿
        (?:\u200d{element})*                                          # ZWJ sequence 👩🏽‍💻
        """,
        regex.VERBOSE,
    )
    return {
        "url": url,
        "mention": mention,
        "hashtag": hashtag,
        "emoji": emoji,
        # marks that only a URL-like chunk has: a scheme, or a dot followed by two letters
        "url_mark": re.compile(r"://|\.[^\W\d_]{2}"),
        "whitespace": re.compile(r"\s"),
    }


def _trim_url(text: str, start: int, end: int) -> int:
    """End of the URL text[start:end] without trailing punctuation or unbalanced brackets."""
    while end > start:
        ch = text[end - 1]
        if ch in _URL_TRAILING:
            end -= 1
        elif ch in _URL_BRACKETS:
            segment = text[start:end]
            if segment.count(_URL_BRACKETS[ch]) >= segment.count(ch):
                break
            end -= 1
        else:
            break
    return end


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """True if `span` shares a character with any of `spans`."""
    start, end = span
    return any(s < end and start < e for s, e in spans)


def outside(spans: list[tuple[int, int]], blockers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The `spans` that share no character with any of `blockers`.

    `spans` must be sorted and non-overlapping (as every scanner here returns them);
    `blockers` may come in any order. One merge pass, O(len(spans) + len(blockers)) when
    `blockers` are sorted (as `find_urls` returns them): a 5 MB draft with thousands of
    hashtags and links must not compare every hashtag with every link (issue 19).
    """
    if not blockers or not spans:
        return list(spans)
    if any(blockers[i] > blockers[i + 1] for i in range(len(blockers) - 1)):
        blockers = sorted(blockers)
    kept: list[tuple[int, int]] = []
    i, n = 0, len(blockers)
    reach = -1  # largest end among the blockers that start before the current span ends
    for start, end in spans:
        while i < n and blockers[i][0] < end:  # ends grow with starts, so i only moves forward
            reach = max(reach, blockers[i][1])
            i += 1
        if reach <= start:  # no blocker starts before `end` and ends after `start`
            kept.append((start, end))
    return kept


# --------------------------------------------------------------------------- scanners


_LAST_BLANK = re.compile(r".*\s", re.S)  # greedy: ends right after the last blank (str.isspace, as re's \s)
_BLANK_WINDOW = 64


def _url_chunks(text: str, pats: dict) -> list[tuple[int, int]]:
    """Whitespace-free chunks that hold a URL mark; "Tipps." or "z.B." never get scanned."""
    chunks: list[tuple[int, int]] = []
    ws = pats["whitespace"]
    for m in pats["url_mark"].finditer(text):
        if chunks and m.start() < chunks[-1][1]:
            continue  # a second mark inside the same chunk
        start = m.start()
        # back to the last blank: searched in C within a short window, char by char only beyond it
        back = _LAST_BLANK.match(text, max(0, start - _BLANK_WINDOW), start)
        if back is not None:
            start = back.end()
        else:
            start = max(0, start - _BLANK_WINDOW)
            while start > 0 and not text[start - 1].isspace():
                start -= 1
        nxt = ws.search(text, m.end())
        chunks.append((start, nxt.start() if nxt else len(text)))
    return chunks


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of URLs: http(s)://…, www.…, and bare domains with a common TLD (example.de/pfad).

    Trailing sentence punctuation and unbalanced closing brackets are not part of
    the URL; e-mail addresses ("info@verein.de") are not URLs.
    """
    if not text or ("." not in text and "://" not in text):  # every URL has a dot or a scheme
        return []
    pats = _patterns()
    url = pats["url"]
    spans = []
    # A URL never contains whitespace: scan only the whitespace-free chunks with a dot or "://".
    # The lookbehinds still see the text before each chunk, so results equal a full scan.
    for chunk_start, chunk_end in _url_chunks(text, pats):
        for m in url.finditer(text, chunk_start, chunk_end):
            start = m.start()
            end = _trim_url(text, start, m.end())
            if end > start:
                spans.append((start, end))
    return spans


def find_mentions(text: str, urls: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of @mentions (``@name``, ``@name@instance.social``), not e-mail addresses or URL parts.

    `urls` may pass the result of `find_urls(text)` to avoid scanning twice.
    """
    if not text or "@" not in text:
        return []
    urls = find_urls(text) if urls is None else urls
    return outside([m.span() for m in _patterns()["mention"].finditer(text)], urls)


def find_hashtags(text: str, urls: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of hashtags (``#Wort``, ``#Ümlaute_2025``); "#1" and a URL's #anchor are not hashtags.

    `urls` may pass the result of `find_urls(text)` to avoid scanning twice.
    """
    if not text or "#" not in text:
        return []
    urls = find_urls(text) if urls is None else urls
    return outside([m.span() for m in _patterns()["hashtag"].finditer(text)], urls)


def find_emoji(text: str) -> list[tuple[int, int]]:
    """Spans of whole emoji sequences (ZWJ sequences, skin tones, flags, keycaps, VS16 forms)."""
    if not text or text.isascii():  # every emoji contains a non-ASCII code point
        return []
    return [m.span() for m in _patterns()["emoji"].finditer(text)]
