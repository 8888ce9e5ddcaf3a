"""Match the rule packs' word lists against a parsed post in time linear in its length.

Entry syntax (as in the TOML rule packs):
- ``wort`` or ``zwei wörter``: whole words, case-insensitive; words must follow each other with
  only spaces between them (no sentence break).
- ``dein*`` / ``*führer``: the word may continue / may be prefixed (compounds).
- ``=Sie``: case-sensitive.
- ``^Join``: only as the first word of a sentence (after bullets, emoji or quotes).
- ``re:…``: a regular expression (for forms a list cannot express); case-insensitive.
Entries with symbols ("20 %", "+++", "nr. 1") are matched by a small regular expression instead.

Word entries are indexed by their first word (exact, by prefix or by suffix), so each word of the
post costs a few dictionary look-ups however long the lists are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter
import re
import threading
from typing import Iterable, Sequence

import regex

# word-list hits are Spans from the start, so a finding takes them as they are (a long draft's
# findings carry 160,000 of them: no second copy)
from resonanz.core.analysis.model import make_span as _span

_WORD_TOKEN = re.compile(r"[^\W_]+(?:[-'’:*_/][^\W_]+)*")
_KEY = 3  # prefix/suffix bucket length
_LOWER_CHUNK = 1 << 18  # characters lowered at a time by `lowered_for_regex`

# Characters for which "matches case-insensitively" is not "its lower case matches" in `re` or
# `regex`: "ſ" matches "s", "ς" matches "σ", "µ" matches "μ", "İ" lowers to two characters, ….
# A text without them can be lowered once and searched by case-sensitive copies of the
# lower-case-only patterns, which scan several times faster (no case folding at each position).
# tests/core/analysis/test_lowered_regex.py recomputes this set from Unicode and checks both engines.
FOLD_SPECIAL_RANGES = (
    (0x00B5, 0x00B5), (0x0130, 0x0131), (0x017F, 0x017F), (0x0345, 0x0345), (0x03C2, 0x03C2), (0x03D0, 0x03D1),
    (0x03D5, 0x03D6), (0x03F0, 0x03F1), (0x03F5, 0x03F5), (0x13A0, 0x13F5), (0x13F8, 0x13FD), (0x1C80, 0x1C88),
    (0x1E9B, 0x1E9B), (0x1FBE, 0x1FBE), (0xAB70, 0xABBF),
    (0x1DF95, 0x1DF95),  # only in `regex`, whose newer Unicode tables fold it to "ß"
)
_FOLD_SPECIAL = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in FOLD_SPECIAL_RANGES) + "]")
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z-]+[:)]")  # (?i) (?-i:…): case rules of their own
_ESCAPE = re.compile(r"\\(?:[pP]\{([^}]*)\}|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|N\{[^}]*\}()|([A-Za-z])|(.))", re.S)
_CASELESS_PROPERTIES = frozenset({"L", "N", "P", "S", "Z", "M", "Extended_Pictographic"})


def lowered_for_regex(masked: str) -> str | None:
    """`masked` in lower case, offsets unchanged, for the lower-case-only patterns; None when a
    character in it folds differently from its lower case (then the case-insensitive patterns run)."""
    if _FOLD_SPECIAL.search(masked):
        return None
    if len(masked) <= _LOWER_CHUNK or "Σ" in masked:  # Σ lowers by its context (final ς): in one piece
        low = masked.lower()
    else:
        # str.lower() holds three times the text as a buffer while it works (a 5 MB draft: 60 MB);
        # lowered piece by piece, it needs one piece's worth, and the result is the same
        low = "".join([masked[i : i + _LOWER_CHUNK].lower() for i in range(0, len(masked), _LOWER_CHUNK)])
    return low if len(low) == len(masked) else None


def _literal_ok(ch: str) -> bool:
    """A literal the fast path keeps: lower case, not special, and caseless or a Latin letter
    (U+0000-U+024F: the letters whose folding the tests check in both engines)."""
    return ch.lower() == ch and not _FOLD_SPECIAL.match(ch) and (ch.upper() == ch or ord(ch) <= 0x24F)


def lowercase_safe(pattern: str) -> bool:
    """True if `pattern` matches the same on a lowered text without IGNORECASE as on the text with
    it: no inline flags, no case-sensitive property (\\p{Lu}, …), every literal already lower case."""
    if _INLINE_FLAGS.search(pattern):
        return False
    ok = True

    def check(m: re.Match[str]) -> str:
        nonlocal ok
        prop, x2, x4, x8, named, letter, other = m.groups()
        if prop is not None:
            ok &= prop in _CASELESS_PROPERTIES
        elif named is not None:
            ok = False
        elif x2 or x4 or x8:
            ok &= _literal_ok(chr(int(x2 or x4 or x8, 16)))
        elif other is not None:
            ok &= _literal_ok(other)
        return ""  # \\s, \\W, \\b, …: classes and anchors that ignore case

    rest = _ESCAPE.sub(check, pattern)
    return ok and all(_literal_ok(ch) for ch in rest)


def _norm(s: str) -> str:
    return s.replace("’", "'").lower()


@dataclass(frozen=True, slots=True)
class _Part:
    text: str  # normalised (lower case unless case-sensitive)
    mode: str  # "exact" | "prefix" | "suffix" | "infix"
    gap: str = ""  # punctuation written after this word in the entry ("alle, die"; "nr. 1")

    def matches(self, word: str, word_lower: str, case_sensitive: bool) -> bool:
        w = word.replace("’", "'") if case_sensitive else word_lower
        if self.mode == "exact":
            return w == self.text
        if self.mode == "prefix":
            return w.startswith(self.text)
        if self.mode == "suffix":
            return w.endswith(self.text)
        return self.text in w


@dataclass(frozen=True, slots=True)
class _Entry:
    parts: tuple[_Part, ...]
    case_sensitive: bool
    sentence_start: bool
    second: str | None = None  # the exact lower-case second word, for a cheap first rejection


_TRAILING_PUNCT = ",.:;!?"


def _part(token: str, case_sensitive: bool) -> _Part:
    gap = ""
    while token and token[-1] in _TRAILING_PUNCT:
        gap, token = token[-1] + gap, token[:-1]
    star_start, star_end = token.startswith("*"), token.endswith("*") and len(token) > 1
    core = token.strip("*").replace("’", "'")
    core = core if case_sensitive else core.lower()
    mode = "infix" if star_start and star_end else "suffix" if star_start else "prefix" if star_end else "exact"
    return _Part(core, mode, gap)


def _is_word_entry(tokens: list[str]) -> bool:
    """True if every token is a word (with *, a leading hyphen for suffixes, or trailing punctuation)."""
    return all(_WORD_TOKEN.fullmatch(t.rstrip(_TRAILING_PUNCT).strip("*").lstrip("-")) for t in tokens)


class TermMatcher:
    """A compiled word list; `find` returns (start, end) spans of non-overlapping matches."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.exact: dict[str, list[_Entry]] = {}
        self.prefix: dict[str, list[_Entry]] = {}  # keyed by the first _KEY letters
        self.suffix: dict[str, list[_Entry]] = {}  # keyed by the last _KEY letters
        self.prefix_short: dict[str, list[_Entry]] = {}  # prefixes shorter than _KEY
        self.suffix_short: dict[str, list[_Entry]] = {}
        self.infix: list[_Entry] = []
        raw_regexes: list[str] = []
        symbol_regexes: list[str] = []
        symbol_entries: list[str] = []
        for raw in entries:
            entry = raw.strip()
            if not entry:
                continue
            if entry.startswith("re:"):
                raw_regexes.append(f"(?:{entry[3:]})")
                continue
            sentence_start = entry.startswith("^")
            entry = entry.lstrip("^")
            case_sensitive = entry.startswith("=")
            entry = entry.lstrip("=")
            tokens = entry.split()
            if not _is_word_entry(tokens):
                symbol_regexes.append(_symbol_regex(entry))
                symbol_entries.append(entry)
                continue
            parts = tuple(_part(t, case_sensitive) for t in tokens)
            second = parts[1].text if len(parts) > 1 and parts[1].mode == "exact" and not case_sensitive else None
            e = _Entry(parts, case_sensitive, sentence_start, second)
            first = parts[0]
            if first.mode == "exact":
                self.exact.setdefault(first.text, []).append(e)
            elif first.mode == "prefix":
                table = self.prefix if len(first.text) >= _KEY else self.prefix_short
                table.setdefault(first.text[:_KEY], []).append(e)
            elif first.mode == "suffix":
                table = self.suffix if len(first.text) >= _KEY else self.suffix_short
                table.setdefault(first.text[-_KEY:], []).append(e)
            else:
                self.infix.append(e)
        for bucket in (*self.exact.values(), *self.prefix.values(), *self.suffix.values(), *self.prefix_short.values(), *self.suffix_short.values()):
            bucket.sort(key=lambda e: len(e.parts), reverse=True)  # longest phrase wins
        regexes, lowered = [], []  # lowered: a case-sensitive copy for a lowered text, or None
        if raw_regexes:
            joined = "|".join(raw_regexes)
            regexes.append(regex.compile(joined, regex.IGNORECASE))
            lowered.append(regex.compile(joined) if lowercase_safe(joined) else None)
        if symbol_regexes:
            regexes.append(re.compile("|".join(sorted(symbol_regexes, key=len, reverse=True)), re.IGNORECASE))
            low = "|".join(sorted((_symbol_regex(e.lower()) for e in symbol_entries), key=len, reverse=True))
            lowered.append(re.compile(low) if lowercase_safe(low) else None)
        self.regexes = tuple(regexes)
        self.lowered_regexes = tuple(lowered)

    def _candidates(self, word: str, lower: str) -> list[_Entry]:
        out = list(self.exact.get(lower, ()))
        key = word.replace("’", "'")
        if key != lower:
            out += self.exact.get(key, ())  # case-sensitive entries are stored as written
        if len(lower) >= _KEY:
            out += self.prefix.get(lower[:_KEY], ())
            out += self.suffix.get(lower[-_KEY:], ())
        for k, bucket in self.prefix_short.items():
            if lower.startswith(k):
                out += bucket
        for k, bucket in self.suffix_short.items():
            if lower.endswith(k):
                out += bucket
        out += self.infix
        return out

    def find(self, doc, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Spans of matches in doc (a Document) between str offsets start and end."""
        if not (self.exact or self.prefix or self.suffix or self.prefix_short or self.suffix_short or self.infix or self.regexes):
            return []
        end = len(doc.text) if end is None else end
        words = doc.all_words
        w_starts, w_ends, w_texts = words.starts, words.ends, words.texts
        low = doc.lowered
        starts = doc.sentence_start_offsets
        masked = doc.masked
        found: list[tuple[int, int]] = []
        i, n = doc.word_index_at(start), len(words)
        while i < n and w_starts[i] < end:
            best = 0
            for entry in self._candidates(w_texts[i], low[w_texts[i]]):
                k = len(entry.parts)
                if k <= best or i + k > n or w_ends[i + k - 1] > end:
                    continue
                if entry.sentence_start and w_starts[i] not in starts:
                    continue
                ok = True
                for j, part in enumerate(entry.parts):
                    if not part.matches(w_texts[i + j], low[w_texts[i + j]], entry.case_sensitive):
                        ok = False
                        break
                    if j and not _gap_ok(masked[w_ends[i + j - 1] : w_starts[i + j]], entry.parts[j - 1].gap):
                        ok = False  # phrases don't jump over punctuation or sentence breaks
                        break
                if ok:
                    best = k
            if best:
                found.append(_span((w_starts[i], w_ends[i + best - 1])))
                i += best
            else:
                i += 1
        for rx, scan in _scans(self, doc):
            extra = [(m.start(), m.end()) for m in rx.finditer(scan, start, end) if m.end() > m.start() and _left_boundary(masked, m.start())]
            if extra:
                found = _merge(found, extra)
        return found


def _scans(m: TermMatcher, doc) -> list[tuple[regex.Pattern[str] | re.Pattern[str], str]]:
    """(pattern, text to scan) per regex of `m` (see `_pick`)."""
    low = doc.lowered_masked() if any(r is not None for r in m.lowered_regexes) else None
    return [_pick(rx, fast, low, doc.masked) for rx, fast in zip(m.regexes, m.lowered_regexes)]


def _pick(rx, fast, low: str | None, masked: str) -> tuple:
    """The fast lower-case copy on the lowered text where both allow it, else the case-insensitive
    pattern on the masked text (same offsets)."""
    return (fast, low) if fast is not None and low is not None else (rx, masked)


def _symbol_regex(entry: str) -> str:
    """An entry with symbols ("20 %", "nr. 1", "+++"): letters/digits at its edges need word boundaries.

    Written for the stdlib `re` module ([^\\W_] is a letter or digit), which scans these fast.
    """
    body = r"\s+".join(re.escape(t.strip("*")) for t in entry.split())
    body = body.replace("'", "['’]")
    before = ""  # the left word boundary is checked per match (_left_boundary): a lookbehind at every position is slow
    after = r"(?![^\W_])" if entry[-1:].isalnum() else ""
    if entry.endswith("*"):
        after = r"[^\W_]*"
    return before + body + after


def _left_boundary(text: str, start: int) -> bool:
    """A match that begins with a letter or digit must not begin inside a word."""
    return start == 0 or not text[start].isalnum() or not text[start - 1].isalnum()


def _merge(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of two span lists, dropping spans that overlap an earlier-starting or longer one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(a + b, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


@lru_cache(maxsize=2048)
def matcher(terms: tuple[str, ...]) -> TermMatcher:
    """A cached TermMatcher for a word list."""
    return TermMatcher(terms)


@lru_cache(maxsize=256)
def compile_regex(entries: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A single case-insensitive pattern for `re:` entries (used where a whole-text scan is meant)."""
    bodies = [e[3:] for e in entries if e.startswith("re:")]
    return regex.compile("|".join(f"(?:{b})" for b in bodies), regex.IGNORECASE) if bodies else None


def terms(values: Sequence[str] | None) -> tuple[str, ...]:
    """Normalise a TOML list value to a hashable tuple."""
    return tuple(values or ())


_UNSET = object()


class PackMatcher:
    """All word lists of a rule pack in one index: one pass over the post finds every list's hits."""

    _CACHE_MAX = 50_000

    def __init__(self, lists: dict[str, tuple[str, ...]]) -> None:
        self.matchers = {key: TermMatcher(values) for key, values in lists.items()}
        # (key, case-insensitive pattern, its lower-case copy or None) of every list with regexes
        self._regexes = tuple((key, rx, fast) for key, m in self.matchers.items() for rx, fast in zip(m.regexes, m.lowered_regexes))
        self._any_fast = any(fast is not None for _, _, fast in self._regexes)
        self._cache: dict[str, tuple[tuple[str, tuple[_Entry, ...], bool], ...]] = {}

    def _candidates(self, word: str, lower: str) -> tuple[tuple[str, tuple[_Entry, ...], bool], ...]:
        hit = self._cache.get(word)
        if hit is None:
            if len(self._cache) > self._CACHE_MAX:
                self._cache.clear()
            # keep only entries whose first word matches this exact word, longest phrase first:
            # the check then runs once per distinct word instead of once per occurrence
            hit = []
            for key, m in self.matchers.items():
                ok = [e for e in m._candidates(word, lower) if e.parts[0].matches(word, lower, e.case_sensitive)]
                if ok:
                    # single: every entry is one word long and may stand anywhere, so the word is a hit
                    single = all(len(e.parts) == 1 and not e.sentence_start for e in ok)
                    hit.append((key, tuple(sorted(ok, key=lambda e: len(e.parts), reverse=True)), single))
            hit = tuple(hit)
            self._cache[word] = hit
        return hit

    def find_all(self, doc) -> dict[str, list[tuple[int, int]]]:
        """Hits of every list in the whole post, keyed like the `lists` given to the constructor."""
        words, low, starts, masked = doc.all_words, doc.lowered, doc.sentence_start_offsets, doc.masked
        w_starts, w_ends, texts = words.starts, words.ends, words.texts
        n = len(words)
        found: dict[str, list[tuple[int, int]]] = {key: [] for key in self.matchers}
        next_free: dict[str, int] = {}
        cache, candidates = self._cache, self._candidates
        # Candidates are looked up once per distinct spelling; only the words whose spelling has any
        # are visited (a long post repeats its words, and most words are in no list).
        with_hits: dict[str, tuple] = {}
        for text, lower in low.items():
            hit = cache.get(text)
            if hit is None:
                hit = candidates(text, lower)
            if hit:
                with_hits[text] = hit
        # A list none of whose hits in this post can be longer than one word: each occurrence is a
        # hit, nothing to skip (`next_free` only matters where a phrase may cover the next words).
        phrase_keys = {key for hit in with_hits.values() for key, _, single in hit if not single}
        plans = {}
        for text, hit in with_hits.items():
            direct = tuple(found[key] for key, _, _ in hit if key not in phrase_keys)
            plans[text] = (direct, tuple(h for h in hit if h[0] in phrase_keys))
        for i in compress(range(n), map(with_hits.__contains__, texts)):
            direct, rest = plans[texts[i]]
            w_start = w_starts[i]
            span = _span((w_start, w_ends[i]))  # one Span for every list the word is a hit of
            for hits in direct:
                hits.append(span)
            for key, entries, single in rest:
                if key in next_free and i < next_free[key]:
                    continue
                if single:
                    found[key].append(span)
                    next_free[key] = i + 1
                    continue
                best = 0
                for entry in entries:  # longest first, first word already matched
                    k = len(entry.parts)
                    if i + k > n or (entry.sentence_start and w_start not in starts):
                        continue
                    if k == 1 or ((entry.second is None or low[texts[i + 1]] == entry.second) and _rest_matches(entry, words, low, masked, i)):
                        best = k
                        break
                if best:
                    found[key].append(_span((w_start, w_ends[i + best - 1])))
                    next_free[key] = i + best
        for _, key, extra in self._regex_hits(doc):
            found[key] = _merge(found[key], extra)
        return found

    def _scan_regexes(self, doc, regexes=None, low: str | None | object = _UNSET) -> list[tuple[int, str, list[tuple[int, int]]]]:
        """(index in `_regexes`, list key, its hits) for every regex that found something; `low` is
        the lowered text if the caller has it (None: there is none for this text)."""
        masked = doc.masked
        if low is _UNSET:
            low = doc.lowered_masked() if self._any_fast else None
        # a `regex` pattern lets go of the GIL while it scans (concurrent): see `_regex_hits`
        concurrent = len(masked) >= PARALLEL_SCAN_FROM
        out = []
        for i, (key, rx, fast) in enumerate(self._regexes) if regexes is None else regexes:
            pattern, text = _pick(rx, fast, low, masked)
            hits = pattern.finditer(text, concurrent=True) if concurrent and isinstance(pattern, regex.Pattern) else pattern.finditer(text)
            extra = [(x.start(), x.end()) for x in hits if x.end() > x.start() and _left_boundary(masked, x.start())]
            if extra:
                out.append((i, key, extra))
        return out

    def _regex_hits(self, doc) -> list[tuple[int, str, list[tuple[int, int]]]]:
        """`_scan_regexes` of all lists; on a long text on two threads, half of the patterns each
        (`regex` scans without the GIL, so both cores work; a new thread per call: nothing shared
        that a fork could break)."""
        if len(doc.masked) < PARALLEL_SCAN_FROM or len(self._regexes) < 2:
            return self._scan_regexes(doc)
        low = doc.lowered_masked() if self._any_fast else None
        # longest patterns first, dealt out in turn: about the same work on each side
        order = sorted(enumerate(self._regexes), key=lambda r: -len((r[1][2] or r[1][1]).pattern))
        mine, theirs = order[0::2], order[1::2]
        result: list = []
        error: list[BaseException] = []

        def run() -> None:
            try:
                result.extend(self._scan_regexes(doc, theirs, low))
            except BaseException as exc:  # re-raised below, in the caller's thread
                error.append(exc)

        thread = threading.Thread(target=run, name="resonanz-regex-scan", daemon=True)
        thread.start()
        try:
            own = self._scan_regexes(doc, mine, low)
        finally:
            thread.join()
        if error:
            raise error[0]
        return sorted(own + result, key=itemgetter(0))  # merged in the order one thread would merge them


#: Characters from which `find_all` runs the word lists' regexes on two threads (they scan 5 MB
#: in about 0.7 s on one core; a post needs no thread).
PARALLEL_SCAN_FROM = 200_000


def _rest_matches(entry: _Entry, words, low: dict[str, str], masked: str, i: int) -> bool:
    """The second and later words of a phrase follow word i with only spaces between them."""
    starts, ends, texts = words.starts, words.ends, words.texts
    for j in range(1, len(entry.parts)):
        if not entry.parts[j].matches(texts[i + j], low[texts[i + j]], entry.case_sensitive):
            return False
        if not _gap_ok(masked[ends[i + j - 1] : starts[i + j]], entry.parts[j - 1].gap):
            return False
    return True


def _gap_ok(between: str, punct: str) -> bool:
    """The text between two words of a phrase is spaces, around exactly the entry's punctuation."""
    if not punct:
        return between.isspace()
    return between.strip() == punct and (between[-1:].isspace() or punct in ".")
