"""Platform profiles and platform-accurate character counting.

The profiles live in ``resonanz/resources/platforms.toml`` (limits, counting
method, preview fold, editorial norms); this module loads them, counts and folds:

* :func:`count_characters` counts a draft the way the platform's composer does;
* :func:`fold_offset` says where the feed preview cuts the post ("…mehr").

URLs, mentions and emoji are found by the text layer (core.analysis.entities); this module only
weighs them. X's count finds URLs by X's own rules instead (core.analysis.xurls, see
`_find_urls_x`). Imports nothing else from core.

Pure Python, no Qt. ``regex`` and ``tomllib`` are imported lazily so that
importing this module stays cheap; the compiled patterns are built on first use.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from resonanz.core.analysis.entities import find_emoji, find_mentions, find_urls, outside
from resonanz.core.analysis.xurls import find_urls_x

__all__ = [
    "COUNTING_METHODS",
    "PlatformProfile",
    "count_characters",
    "default_platform",
    "fold_offset",
    "load_profiles",
    "platform_aliases",
    "resolve_platform",
]

#: The values ``PlatformProfile.counting`` may take.
COUNTING_METHODS: tuple[str, ...] = ("codepoints", "weighted_x", "graphemes", "mastodon")


@dataclass(frozen=True)
class PlatformProfile:
    """What Resonanz knows about one platform (see resources/platforms.toml for each value's basis)."""

    id: str  # table key in platforms.toml, e.g. "x"; not overridable
    name: str  # display name
    limit: int  # maximum length in the platform's unit; 0 = no limit
    counting: str  # one of COUNTING_METHODS
    url_length: int  # fixed length of every URL; 0 = counted as typed
    fold: int  # code points shown before "…see more"; 0 = no fold
    fold_lines: int  # lines shown before the fold; 0 = no line-based fold
    hashtags_min: int  # recommended minimum number of hashtags
    hashtags_max: int  # recommended maximum number of hashtags
    links_penalised: bool  # links in the body lose reach or are not clickable
    emoji_per_100_words_max: float  # soft editorial threshold
    camelcase_hashtags: bool  # #CamelCase is the community norm (screen readers)
    as_of: str  # "YYYY-MM" when the values were checked
    note: str  # one short sentence for the UI
    fold_desktop: int = 0  # desktop fold where it differs from `fold`; 0 = none

    def __post_init__(self) -> None:
        if self.counting not in COUNTING_METHODS:
            raise ValueError(
                f"platform {self.id!r}: counting must be one of {', '.join(COUNTING_METHODS)}, "
                f"not {self.counting!r}"
            )
        for key in ("limit", "url_length", "fold", "fold_lines", "fold_desktop", "hashtags_min", "hashtags_max"):
            if getattr(self, key) < 0:
                raise ValueError(f"platform {self.id!r}: {key} must be >= 0")
        if self.hashtags_min > self.hashtags_max:
            raise ValueError(f"platform {self.id!r}: hashtags_min must not exceed hashtags_max")
        if self.emoji_per_100_words_max < 0:
            raise ValueError(f"platform {self.id!r}: emoji_per_100_words_max must be >= 0")


_FIELD_TYPES: dict[str, type] = {
    "name": str,
    "limit": int,
    "counting": str,
    "url_length": int,
    "fold": int,
    "fold_lines": int,
    "fold_desktop": int,
    "hashtags_min": int,
    "hashtags_max": int,
    "links_penalised": bool,
    "emoji_per_100_words_max": float,
    "camelcase_hashtags": bool,
    "as_of": str,
    "note": str,
}
_REQUIRED = frozenset(_FIELD_TYPES) - {"fold_desktop"}


def _check_value(platform: str, key: str, value: object) -> object:
    """Type-check one profile value; ints are accepted for float fields."""
    expected = _FIELD_TYPES[key]
    if expected is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value  # type: ignore[arg-type]
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, expected)
    if not ok:
        raise ValueError(
            f"platform {platform!r}: {key} must be {expected.__name__}, not {type(value).__name__}"
        )
    return value


# --------------------------------------------------------------------------- loading


class _Defaults:
    """The parsed platforms.toml (a plain class: a second dataclass would cost import time)."""

    __slots__ = ("profiles", "aliases", "default")

    def __init__(self, profiles: Mapping[str, PlatformProfile], aliases: Mapping[str, str], default: str):
        self.profiles = profiles
        self.aliases = aliases
        self.default = default


@functools.cache
def _defaults() -> _Defaults:
    """Parse platforms.toml once."""
    import tomllib
    from importlib.resources import files

    raw = tomllib.loads((files("resonanz.resources") / "platforms.toml").read_text(encoding="utf-8"))
    default = raw.pop("default")
    aliases = {str(k).casefold(): str(v) for k, v in raw.pop("aliases", {}).items()}
    profiles: dict[str, PlatformProfile] = {}
    for pid in sorted(raw):
        table = raw[pid]
        unknown = sorted(set(table) - set(_FIELD_TYPES))
        if unknown:
            raise ValueError(f"platforms.toml [{pid}]: unknown key {unknown[0]!r}")
        missing = sorted(_REQUIRED - set(table))
        if missing:
            raise ValueError(f"platforms.toml [{pid}]: missing key {missing[0]!r}")
        values = {k: _check_value(pid, k, v) for k, v in table.items()}
        profiles[pid] = PlatformProfile(id=pid, **values)  # type: ignore[arg-type]
    if default not in profiles:
        raise ValueError(f"platforms.toml: default platform {default!r} is not defined")
    for alias, target in aliases.items():
        if target not in profiles:
            raise ValueError(f"platforms.toml: alias {alias!r} points to unknown platform {target!r}")
    return _Defaults(MappingProxyType(profiles), MappingProxyType(aliases), default)


def default_platform() -> str:
    """Id of the platform used when none is given (``default`` in platforms.toml)."""
    return _defaults().default


def platform_aliases() -> Mapping[str, str]:
    """Alias (casefolded) -> platform id, e.g. ``"twitter" -> "x"``."""
    return _defaults().aliases


def _lookup_id(name: str, ids: Mapping[str, object]) -> str | None:
    key = str(name).strip().casefold()
    if key in ids:
        return key
    target = _defaults().aliases.get(key)
    return target if target is not None and target in ids else None


def load_profiles(overrides: Mapping[str, Mapping] | None = None) -> Mapping[str, PlatformProfile]:
    """All platform profiles by id, with optional per-platform overrides.

    ``overrides`` maps a platform id or alias to the keys to change, e.g.
    ``{"mastodon": {"limit": 1000}}``. Unknown platforms, unknown keys, ``id``
    and wrongly typed values raise ValueError. Returns a read-only mapping
    sorted by id; without overrides the cached defaults are returned.
    """
    base = _defaults().profiles
    if not overrides:
        return base
    result = dict(base)
    for name, changes in overrides.items():
        pid = _lookup_id(name, base)
        if pid is None:
            raise ValueError(f"unknown platform {name!r} in overrides: choose one of {', '.join(base)}")
        if not isinstance(changes, Mapping):
            raise ValueError(f"override for platform {pid!r} must be a table of keys, not {type(changes).__name__}")
        checked = {}
        for key, value in changes.items():
            if key not in _FIELD_TYPES:
                raise ValueError(
                    f"unknown key {key!r} in override for platform {pid!r}: "
                    f"choose one of {', '.join(sorted(_FIELD_TYPES))}"
                )
            checked[key] = _check_value(pid, key, value)
        result[pid] = dataclasses.replace(result[pid], **checked)
    return MappingProxyType(result)


def resolve_platform(name: str, profiles: Mapping[str, PlatformProfile] | None = None) -> PlatformProfile:
    """The profile for ``name`` (case-insensitive id or alias such as "Twitter" or "E-Mail")."""
    profiles = load_profiles() if profiles is None else profiles
    pid = _lookup_id(name, profiles)
    if pid is None:
        raise ValueError(f"unknown platform {name!r}: choose one of {', '.join(sorted(profiles))}")
    return profiles[pid]


# --------------------------------------------------------------------------- patterns


@functools.cache
def _patterns() -> dict[str, object]:
    import regex

    return {
        "grapheme": regex.compile(r"\X"),
        # code points X weighs 1 (twitter-text v3 ranges 0-4351, 8192-8205, 8208-8223, 8242-8247)
        "x_light": regex.compile(r"[\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]"),
        "newline": regex.compile(r"\r\n|[\n\r\u2028\u2029]"),
    }


# --------------------------------------------------------------------------- counting


def _count_graphemes(text: str) -> int:
    if text.isascii() and "\r\n" not in text:
        return len(text)
    return sum(1 for _ in _patterns()["grapheme"].finditer(text))


def _count_x_plain(segment: str) -> int:
    """twitter-text weight of text without URLs or emoji: 1 for light code points, else 2."""
    if segment.isascii():
        return len(segment)
    light = len(_patterns()["x_light"].findall(segment))
    return light + 2 * (len(segment) - light)


def _find_urls_x(text: str) -> list[tuple[int, int]]:
    """URLs as X's twitter-text finds them (``extractUrlsWithIndices``), sorted.

    X's own rules, not `find_urls`: every domain ending in one of the ~1,500 TLDs of
    twitter-text's tld_lib (case-insensitive: "bit.ly/abc", "kultur.berlin", "Satzes.De"),
    no IP addresses ("http://192.168.0.1" is text), punycode length limits. They come from
    core.analysis.xurls, a port of twitter-text's URL extraction (its TLD list is the data file
    resources/x_tlds.txt). Only the X count uses them: the text layer keeps the stricter
    `find_urls`, so that a missing space after "Satzes." is no link for readability.
    """
    return find_urls_x(text)


def _count_weighted_x(text: str, url_length: int) -> int:
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    urls = _find_urls_x(text)
    entities = [(s, e, url_length if url_length > 0 else None) for s, e in urls]
    entities += [(s, e, 2) for s, e in outside(find_emoji(text), urls)]
    entities.sort()
    total = pos = 0
    for start, end, weight in entities:
        total += _count_x_plain(text[pos:start])
        total += weight if weight is not None else _count_x_plain(text[start:end])
        pos = end
    return total + _count_x_plain(text[pos:])


def _rewrite_mastodon(text: str, url_length: int) -> str:
    """Text as Mastodon's StatusLengthValidator measures it.

    Only URLs with a scheme count as ``url_length`` (Mastodon extracts URLs with
    ``extract_url_without_protocol: false``); ``@user@domain`` counts as ``@user``.
    """
    entities: list[tuple[int, int, str]] = []
    if url_length > 0:
        for s, e in find_urls(text):
            if text[s : s + 8].lower().startswith(("http://", "https://")):
                entities.append((s, e, "x" * url_length))
    for s, e in find_mentions(text):
        local = text[s:e]
        cut = local.find("@", 1)
        if cut > 0:
            entities.append((s, e, local[:cut]))
    if not entities:
        return text
    entities.sort()
    parts, pos = [], 0
    for s, e, replacement in entities:
        if s < pos:  # overlapping entity: keep the earlier one
            continue
        parts.append(text[pos:s])
        parts.append(replacement)
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def count_characters(text: str, profile: PlatformProfile) -> int:
    """Length of ``text`` as ``profile``'s platform counts it (compare with ``profile.limit``).

    * ``codepoints``: ``len(text)``; URLs count ``url_length`` if that is > 0.
    * ``weighted_x``: twitter-text v3: NFC, each URL by X's rules (any TLD of X's list,
      with or without http://) ``url_length`` (23), each emoji
      sequence 2, code points in 0-4351, 8192-8205, 8208-8223, 8242-8247 count 1,
      all others 2.
    * ``graphemes``: extended grapheme clusters (Bluesky); URLs as typed unless
      ``url_length`` > 0.
    * ``mastodon``: grapheme clusters after replacing every http(s) URL by
      ``url_length`` characters and ``@user@domain`` by ``@user``.
    """
    if not text:
        return 0
    method = profile.counting
    if method == "weighted_x":
        return _count_weighted_x(text, profile.url_length)
    if method == "mastodon":
        return _count_graphemes(_rewrite_mastodon(text, profile.url_length))
    counter = _count_graphemes if method == "graphemes" else len
    if profile.url_length <= 0:
        return counter(text)
    total = pos = 0
    for start, end in find_urls(text):
        total += counter(text[pos:start]) + profile.url_length
        pos = end
    return total + counter(text[pos:])


# --------------------------------------------------------------------------- fold


def _cluster_start(text: str, offset: int) -> int:
    """``offset`` moved back to the start of the grapheme cluster containing it.

    Segments from the start of the text (folds are a few hundred characters at
    most): starting mid-text could mis-pair regional indicators of flags.
    """
    if 0 < offset < len(text) and text[offset - 1].isascii() and text[offset].isascii() and text[offset - 1 : offset + 1] != "\r\n":
        return offset  # two ASCII characters (other than CR LF) always have a cluster boundary between them
    start = 0
    for m in _patterns()["grapheme"].finditer(text, 0, offset + 1):
        if m.end() > offset:
            break
        start = m.end()
    return start


def fold_offset(text: str, profile: PlatformProfile) -> int | None:
    """Offset where the feed preview cuts ``text`` ("…mehr" / "…see more"), or None.

    The earlier of the ``fold``-th code point (moved back to the start of a
    grapheme cluster, never inside an emoji) and the end of the ``fold_lines``-th
    line. None if the platform has no fold or everything after the cut is
    whitespace. The result always satisfies ``0 < offset < len(text)``.
    """
    if not text or (profile.fold <= 0 and profile.fold_lines <= 0):
        return None
    candidates = []
    if 0 < profile.fold < len(text):
        cut = _cluster_start(text, profile.fold)
        if cut == 0:  # the whole preview is one giant cluster: cut after it
            cut = next(_patterns()["grapheme"].finditer(text)).end()
        candidates.append(cut)
    if profile.fold_lines > 0:
        for i, m in enumerate(_patterns()["newline"].finditer(text), start=1):
            if i == profile.fold_lines:
                candidates.append(m.start())
                break
    candidates = [c for c in candidates if c > 0]
    if not candidates:
        return None
    offset = min(candidates)
    if offset >= len(text) or not text[offset:].strip():
        return None
    return offset
