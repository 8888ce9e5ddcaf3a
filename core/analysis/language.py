"""Offline language detection for short social-media posts (German and English).

No statistical model and no third-party package: the detector adds up hand-written, weighted
evidence from ``resources/language.toml``:

1. words from per-language lists (grammar words plus frequent social-media words such as
   "danke", "thanks"), in three tiers of weight;
2. for words found in no list: special letters (ä ö ü ß), letter n-grams ("sch", "cht" vs
   "th", "wh") and word endings ("-ung", "-keit" vs "-ness", "-ly"), capped per word;
3. a few regular expressions on the text (gender forms such as "Kund:innen", the German
   quote „, abbreviations such as "z. B." or "e.g.").

URLs, e-mail addresses, @mentions, numbers and emoji are ignored; hashtag words count with a
lower weight and CamelCase hashtags are split (#DankeTeam -> danke, team). Words used alike in
both languages ("Meeting", "Team", "Feedback") are neutral, so mixed German posts are decided by
their grammar words. The candidate languages are exactly the ``[languages.*]`` tables of the
data file; with no evidence at all the detector answers the data file's ``default`` ("de": the
product's primary market is German-speaking) with confidence 0.5.

Some posts have no words of their own to decide by: only a link, only emoji, only hashtags, or
only neutral words next to them. :func:`decide_language` answers None for those, and
:func:`choose_language` then takes the caller's fallback (the editor's last language for the
draft, the UI language, the majority language of a CSV file) and says why: ``"too_few_words"``.

Cost: the data file is loaded and compiled once per process, at import (about 4.5 ms, plus
the import of ``tomllib`` and ``importlib.resources`` if nothing else has loaded them yet).
A 280-character post takes about 35 µs once its words are in the per-process word cache and
about 0.1 ms before. Long texts are cut to a bounded sample (``sample_chars``, ``max_tokens``).
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from importlib.resources import files

__all__ = [
    "LANGUAGE_REASONS", "SUPPORTED_LANGUAGES", "choose_language", "decide_language", "detect_language",
    "own_word_count", "resolve_language",
]

#: Why an analysis has its language: the user chose it, it was detected, or the post has too few
#: words of its own to decide and the language came from the caller's fallback (context).
LANGUAGE_REASONS: tuple[str, ...] = ("chosen", "detected", "too_few_words")

# Words: runs of word characters, optionally joined by apostrophes (it's, don't, geht's). Digits
# and "_" are let through (cheaper than excluding them); such tokens simply earn no evidence.
_TOKEN_RE = re.compile(r"\w+(?:'\w+)*")
_TLDS = r"\.(?:com|de|org|net|io|at|ch|eu|co|uk|info|app|ly|me|gl)\b"
# Cheap hint that a text may contain a bare domain such as "resonanz.de" or "example.com".
_TLD_RE = re.compile(_TLDS)
# A whitespace-separated chunk that is a URL or a bare domain.
_NOISE_CHUNK_RE = re.compile(r"://|www\.|" + _TLDS)
_HASHTAG_RE = re.compile(r"#(\w+)")
# Splits CamelCase hashtag bodies: DankeTeam -> Danke, Team; KIJobs -> KI, Jobs.
_CAMEL_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]+(?![a-zß-öø-ÿ])|[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+")
_WHITESPACE_RE = re.compile(r"\s")
_CHUNK_RE = re.compile(r"\S+")  # what str.split() returns
_STREAM_FROM = 10_000  # characters from which own_word_count(text, enough) reads chunk by chunk
# Accepted language tags besides "auto": "de", "de-DE", "en_GB", "en-US" ...
_TAG_RE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*")

_MISSING = object()
_TOKEN_CACHE_LIMIT = 20_000


class _Model:
    """The data file, compiled into lookup tables.

    A plain class rather than a dataclass: importing ``dataclasses`` costs about 8 ms.
    """

    __slots__ = (
        "languages", "default", "words", "chars", "ngrams", "ngram_sizes", "endings",
        "ending_sizes", "patterns", "hashtag_factor", "subword_cap", "min_subword_length",
        "confidence_scale", "sample_chars", "max_tokens", "token_cache",
    )

    languages: tuple[str, ...]
    default: str
    words: dict[str, tuple[float, ...] | None]  # None: a neutral word
    chars: dict[str, tuple[tuple[int, float], ...]]
    ngrams: dict[str, tuple[tuple[int, float], ...]]
    ngram_sizes: tuple[int, ...]
    endings: dict[str, tuple[tuple[int, float], ...]]
    ending_sizes: tuple[int, ...]  # longest first
    patterns: tuple[tuple[re.Pattern[str], int, float, int], ...]  # regex, language, weight, max
    hashtag_factor: float
    subword_cap: float
    min_subword_length: int
    confidence_scale: float
    sample_chars: int
    max_tokens: int
    token_cache: dict[str, tuple[float, ...] | None]

    def __init__(self, **fields: object) -> None:
        for name, value in fields.items():
            setattr(self, name, value)


def _split_words(value: object, where: str) -> list[str]:
    if not isinstance(value, str):
        raise ValueError(f"language.toml: {where} must be a string of whitespace-separated words")
    return value.lower().replace("\u2019", "'").split()


def _add_feature(table: dict, key: str, index: int, weight: object, where: str) -> None:
    if not isinstance(weight, (int, float)) or isinstance(weight, bool):
        raise ValueError(f"language.toml: {where}.{key} must be a number")
    table[key] = table.get(key, ()) + ((index, float(weight)),)


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    """Load and compile ``resonanz.resources/language.toml`` (once per process)."""
    raw = (files("resonanz.resources") / "language.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    tables = data.get("languages") or {}
    languages = tuple(tables)
    if not languages:
        raise ValueError("language.toml: no [languages.*] tables")
    default = data.get("default")
    if default not in languages:
        raise ValueError(f"language.toml: default {default!r} is not one of {', '.join(languages)}")
    settings = data.get("settings", {})
    tiers = (
        ("strong_words", float(settings.get("strong_word_weight", 3.0))),
        ("words", float(settings.get("word_weight", 2.0))),
        ("weak_words", float(settings.get("weak_word_weight", 1.0))),
    )

    n = len(languages)
    word_vectors: dict[str, list[float]] = {}
    chars: dict[str, tuple] = {}
    ngrams: dict[str, tuple] = {}
    endings: dict[str, tuple] = {}
    patterns: list[tuple[re.Pattern[str], int, float, int]] = []
    for index, code in enumerate(languages):
        table = tables[code]
        for tier, weight in tiers:
            for word in _split_words(table.get(tier, ""), f"languages.{code}.{tier}"):
                word_vectors.setdefault(word, [0.0] * n)[index] += weight
        for key, weight in table.get("chars", {}).items():
            _add_feature(chars, key, index, weight, f"languages.{code}.chars")
        for key, weight in table.get("ngrams", {}).items():
            _add_feature(ngrams, key, index, weight, f"languages.{code}.ngrams")
        for key, weight in table.get("endings", {}).items():
            _add_feature(endings, key, index, weight, f"languages.{code}.endings")
        for pattern in table.get("patterns", []):
            patterns.append(
                (
                    re.compile(pattern["regex"]),
                    index,
                    float(pattern.get("weight", 1.0)),
                    int(pattern.get("max_count", 1)),
                )
            )

    words: dict[str, tuple[float, ...] | None] = {w: tuple(v) for w, v in word_vectors.items()}
    for word in _split_words(data.get("neutral", {}).get("words", ""), "neutral.words"):
        words[word] = None  # neutral wins over any list: it is the explicit "no evidence"

    return _Model(
        languages=languages,
        default=default,
        words=words,
        chars=chars,
        ngrams=ngrams,
        ngram_sizes=tuple(sorted({len(k) for k in ngrams})),
        endings=endings,
        ending_sizes=tuple(sorted({len(k) for k in endings}, reverse=True)),
        patterns=tuple(patterns),
        hashtag_factor=float(settings.get("hashtag_factor", 0.5)),
        subword_cap=float(settings.get("subword_cap", 2.0)),
        min_subword_length=int(settings.get("min_subword_length", 3)),
        confidence_scale=float(settings.get("confidence_scale", 1.0)),
        sample_chars=int(settings.get("sample_chars", 5000)),
        max_tokens=int(settings.get("max_tokens", 800)),
        token_cache={},
    )


def _subword_vector(m: _Model, word: str) -> tuple[float, ...] | None:
    """Evidence from the letters of a word that is in no list (lowercase input)."""
    if len(word) < m.min_subword_length:
        return None
    acc = [0.0] * len(m.languages)
    found = False
    for ch in set(word).intersection(m.chars):
        for index, weight in m.chars[ch]:
            acc[index] += weight
        found = True
    padded = f"_{word}_"
    get = m.ngrams.get
    for size in m.ngram_sizes:
        for start in range(len(padded) - size + 1):
            hit = get(padded[start : start + size])
            if hit:
                for index, weight in hit:
                    acc[index] += weight
                found = True
    for size in m.ending_sizes:
        if len(word) > size:  # the ending must leave a stem
            hit = m.endings.get(word[-size:])
            if hit:
                for index, weight in hit:
                    acc[index] += weight
                found = True
                break
    if not found:
        return None
    cap = m.subword_cap
    return tuple(min(value, cap) for value in acc)


def _word_vector(m: _Model, word: str) -> tuple[float, ...] | None:
    """Evidence vector of one lowercase word (cached), or None if it carries none."""
    cache = m.token_cache
    vector = cache.get(word, _MISSING)
    if vector is _MISSING:
        vector = m.words.get(word, _MISSING)
        if vector is _MISSING:
            vector = _subword_vector(m, word)
        if len(cache) >= _TOKEN_CACHE_LIMIT:
            cache.clear()
        cache[word] = vector
    return vector  # type: ignore[return-value]


def _has_markers(text: str) -> bool:
    """Whether `text` may hold a URL, e-mail address, @mention or hashtag (then `_own_text` reads it chunk-wise)."""
    return "@" in text or "#" in text or "://" in text or "www." in text or bool(_TLD_RE.search(text))


def _own_text(text: str) -> tuple[str, list[str]]:
    """The post's own text and its hashtag bodies: URLs, e-mail addresses and @mentions go (whole
    whitespace-separated chunks); hashtags are set aside (the detector counts them with a lower
    weight). Checked chunk-wise with `in`, which is much cheaper than one regular expression over
    the whole text; skipped when no marker occurs."""
    tags: list[str] = []
    if _has_markers(text):
        kept = []
        for chunk in text.split():
            if "@" in chunk or ("/" in chunk or "." in chunk) and _NOISE_CHUNK_RE.search(chunk):
                continue
            if "#" in chunk:
                tags.extend(_HASHTAG_RE.findall(chunk))
                chunk = _HASHTAG_RE.sub(" ", chunk)
            kept.append(chunk)
        text = " ".join(kept)
    return text, tags


def own_word_count(text: str, enough: int | None = None) -> int:
    """How many words of its own ``text`` has, counted as the detector reads a post.

    URLs, e-mail addresses, @mentions and hashtags are not the post's own words (see
    :func:`_own_text`); of the rest, a word is a token of the detector (``\\w+`` joined by
    apostrophes) with at least one letter, so numbers, emoji and punctuation do not count.
    Neutral words ("Wow", "Team") do count: they are words, they just say nothing about the
    language. ``enough``: stop counting there (the caller only needs to know "at least this many").
    """
    if enough is not None and len(text) > _STREAM_FROM:
        return _own_word_count_streamed(text, enough)
    own, _tags = _own_text(text.replace("\u2019", "'"))
    count = 0
    for match in _TOKEN_RE.finditer(own):
        token = match.group()
        if not token.isdigit() and any(ch.isalpha() for ch in token):
            count += 1
            if enough is not None and count >= enough:
                break
    return count


def _own_word_count_streamed(text: str, enough: int) -> int:
    """`own_word_count(text, enough)` without reading all of a long text: the same chunks are
    dropped or stripped as in `_own_text` (which of them depends on markers anywhere in the text),
    but chunk by chunk, stopping at `enough`. Words never span whitespace, so counting per chunk
    counts the same words as counting the joined text."""
    markers = _has_markers(text)
    count = 0
    for chunk_match in _CHUNK_RE.finditer(text):
        chunk = chunk_match.group().replace("\u2019", "'")
        if markers:
            if "@" in chunk or ("/" in chunk or "." in chunk) and _NOISE_CHUNK_RE.search(chunk):
                continue
            if "#" in chunk:
                chunk = _HASHTAG_RE.sub(" ", chunk)
        for match in _TOKEN_RE.finditer(chunk):
            token = match.group()
            if not token.isdigit() and any(ch.isalpha() for ch in token):
                count += 1
                if count >= enough:
                    return count
    return count


def _scores(m: _Model, text: str) -> tuple[list[float], bool]:
    """Summed evidence per language (same order as ``m.languages``), and whether any of it came
    from the post's own words (not from hashtags alone)."""
    if len(text) > m.sample_chars:
        cut = m.sample_chars
        space = _WHITESPACE_RE.search(text, cut, cut + 64)
        text = text[: space.start() if space else cut]
    text = text.replace("\u2019", "'")
    totals = [0.0] * len(m.languages)

    text, tags = _own_text(text)

    for regex, index, weight, max_count in m.patterns:
        count = len(regex.findall(text))
        if count:
            totals[index] += weight * min(count, max_count)

    vectors = []
    cached = m.token_cache.get
    for word in _TOKEN_RE.findall(text.lower())[: m.max_tokens]:
        vector = cached(word, _MISSING)
        if vector is _MISSING:
            vector = _word_vector(m, word)
        if vector is not None:
            vectors.append(vector)
    if vectors:
        for index, column in enumerate(zip(*vectors)):
            totals[index] += sum(column)

    own = any(totals)
    if tags:
        factor = m.hashtag_factor
        for tag in tags[: m.max_tokens]:
            for token in _TOKEN_RE.findall(tag):
                parts = _CAMEL_RE.findall(token) or [token]
                for part in parts:
                    vector = _word_vector(m, part.lower())
                    if vector is not None:
                        for index, value in enumerate(vector):
                            totals[index] += value * factor
    return totals, own


def detect_language(text: str) -> tuple[str, float]:
    """Guess whether ``text`` is German or English.

    Returns ``(code, confidence)`` with ``code`` in :data:`SUPPORTED_LANGUAGES` and
    ``0.5 <= confidence <= 1.0``. A text without any evidence (empty, only emoji, URLs, numbers
    or neutral words such as "Wow!") gets the default language ("de") with confidence 0.5.
    Never raises for a ``str``.
    """
    code, confidence, _decided = _detect(text)
    return code, confidence


def decide_language(text: str) -> str | None:
    """The detected language of ``text``, or None if the post has too few words of its own to decide.

    Undecided: no word of the post itself carries evidence (only a link, emoji, @mentions,
    numbers, hashtags or neutral words), or the evidence is a perfect tie.
    """
    code, _confidence, decided = _detect(text)
    return code if decided else None


def _detect(text: str) -> tuple[str, float, bool]:
    """(code, confidence, decided): ``detect_language`` plus whether the post's own words decided it."""
    m = _model()
    if not text:
        return m.default, 0.5, False
    totals, own = _scores(m, text)
    best = max(totals)
    winners = [code for code, score in zip(m.languages, totals) if score == best]
    if len(winners) > 1:
        return (m.default if m.default in winners else winners[0]), 0.5, False
    code = winners[0]
    runner_up = max((s for s in totals if s != best), default=0.0)
    margin = (best - runner_up) * m.confidence_scale
    confidence = 1.0 / (1.0 + math.exp(-min(margin, 50.0)))
    return code, round(min(1.0, max(0.5, confidence)), 3), own


def choose_language(text: str, language: str = "auto", fallback: str | None = None) -> tuple[str, str]:
    """Turn a user's language choice into ``(code, reason)``, ``reason`` one of :data:`LANGUAGE_REASONS`.

    ``language`` is "auto" (detect from ``text``) or a supported code, case-insensitive, also as
    a regional tag ("de-DE", "de_AT", "en-US", "en-GB" -> base code): reason "chosen". For "auto",
    reason "detected" if the post's own words decide it; else "too_few_words" and the code is
    ``fallback`` (same forms as ``language``; "auto" or None: the data file's default). A bad
    ``language`` or ``fallback`` raises ``ValueError`` naming the bad value and the allowed ones.
    """
    key = _base_code(language)
    if key != "auto":
        return key, "chosen"
    default = _model().default
    backup = default if fallback is None else _base_code(fallback)
    code = decide_language(text)
    if code is None:
        return (default if backup == "auto" else backup), "too_few_words"
    return code, "detected"


def resolve_language(text: str, language: str = "auto", fallback: str | None = None) -> tuple[str, bool]:
    """Like :func:`choose_language`, as ``(code, detected)``: ``detected`` is True only when the
    post's own words decided an "auto" choice (not for a chosen language, not for a fallback)."""
    code, reason = choose_language(text, language, fallback)
    return code, reason == "detected"


def _base_code(language: object) -> str:
    """Return "auto" or the base code of a supported language tag; ValueError otherwise."""
    supported = _model().languages
    key = language.strip().lower() if isinstance(language, str) else ""
    if key == "auto":
        return key
    match = _TAG_RE.fullmatch(key)
    if match and match.group(1) in supported:
        return match.group(1)
    choices = ("auto",) + supported
    allowed = ", ".join(choices[:-1]) + " or " + choices[-1]
    raise ValueError(f"unknown language {language!r}: choose {allowed}")


#: Codes the detector can answer, in data-file order, e.g. ("de", "en").
SUPPORTED_LANGUAGES: tuple[str, ...] = _model().languages
