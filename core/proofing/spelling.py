"""Offline spelling: pyspellchecker's bundled German and English dictionaries, no network, no Java.

This is what marks unknown words when LanguageTool is off or unavailable (see core.grammar).

    check_spelling(text, language, *, ignore_words=(), user_words=None) -> tuple[Finding, ...]

Each unknown word becomes a `Finding` with rule "SPELL", kind "unknown_word", dimension "language",
severity "suggestion", points 0 (never scored), one span (Python str offsets, code points) and up
to three `replacements` (one edit away, most frequent first, in the word's capitalisation).

Left alone, by design (a coaching tool must not nag about correct text):
- hashtags, @mentions, URLs, e-mail addresses, emoji (the tokenizer of core.text);
- gender forms: Kolleg*innen, Lehrer:innen, Kund_innen, BürgerInnen;
- words with digits (10er-Karte, 3.000, B2B), acronyms in capitals (NGO, DSGVO), inner capitals
  (LinkedIn, iPhone), words of fewer than three letters;
- in English posts, capitalised words inside a sentence (names: "Main Street", "Anna");
- German compounds whose parts are known words (Nachbarschafts|hilfe, Lasten|rad, Förder|mittel);
  in German posts, English words count as known too (Workshop, Community, Livestream);
- the brand and product names and abbreviations of the rule pack (`protected_words`) and the
  user's own word list (`user_words.txt` in data_dir(), one word per line, UTF-8).

German lookup ignores case: the dictionaries are lower case, and a German noun's capital letter
is not a spelling error this check could judge.

Dictionaries load lazily (German ~0.5 s, English ~0.3 s) and are cached per language for the
process; call `preload()` from a worker thread at start-up so the first check is quick.
Checking is thread-safe. Numbers and word lists: resources/grammar.toml ([spelling]).
"""

from __future__ import annotations

import json
import re
import threading
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from resonanz.core.analysis.model import LANGUAGE_DIMENSION, Finding, Span
from resonanz.core.analysis.text import Document

SPELL_RULE = "SPELL"
USER_WORDS_FILE = "user_words.txt"
LANGUAGES = ("de", "en")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_GENDER_MARKS = frozenset("*:_")
_BINNEN_I = re.compile(r"[a-zäöüß](?:In|Innen)$")
_PARTS = re.compile(r"[-/]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=1)
def config() -> Mapping[str, Any]:
    """resources/grammar.toml as a dict (read once)."""
    return tomllib.loads((resources.files("resonanz.resources") / "grammar.toml").read_text(encoding="utf-8"))


def messages(language: str) -> Mapping[str, str]:
    """The message templates of `language` ("de" or "en"; anything else gets English)."""
    return config()["messages"]["de" if language == "de" else "en"]


# --- dictionaries ---------------------------------------------------------------------------------


class _Dictionary:
    """One language's word→frequency table plus the compound splitter (read-only after loading)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.words: dict[str, int] = _load_words(language)
        cfg = config()["spelling"]
        lang_cfg = cfg[language]
        for word in lang_cfg["words"]:  # our own checker instance: adding words touches no one else
            self.words.setdefault(word.lower(), 1)
        self.swaps: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in lang_cfg["swaps"])
        self.alphabet: str = lang_cfg["alphabet"]
        self.compounds: bool = lang_cfg["compounds"]
        self.linking: tuple[str, ...] = tuple(sorted(lang_cfg["linking"], key=len, reverse=True))
        self.dropped: tuple[str, ...] = tuple(lang_cfg["dropped_endings"])
        self.heads = frozenset(lang_cfg["compound_heads"])
        self.min_part: int = cfg["min_compound_part"]
        self.max_parts: int = cfg["max_compound_parts"]
        self.typo_frequency: int = cfg["typo_neighbour_frequency"]
        self._split_cache: dict[str, bool] = {}

    def has(self, word: str) -> bool:
        """True if the lower-case `word` is in the dictionary."""
        return word in self.words

    def swapped(self, word: str) -> bool:
        """True if replacing the last occurrence of a swap's first half gives a known word
        (British "centre" → "center", German "Begrünung" → "begrünen")."""
        for old, new in self.swaps:
            i = word.rfind(old)
            if i >= 0 and word[:i] + new + word[i + len(old) :] in self.words:
                return True
        return False

    def compound(self, word: str) -> bool:
        """True if the lower-case `word` splits into known parts (German: Spenden|aktion) and is not
        one edit away from a frequent word ("vieleicht" splits as viel|eicht, but is "vielleicht")."""
        if not self.compounds or len(word) < 2 * self.min_part:
            return False
        hit = self._split_cache.get(word)
        if hit is None:
            hit = self._splits(word, self.max_parts) and not any(self.words[c] >= self.typo_frequency for c in _one_edit(word, self))
            if len(self._split_cache) > 50_000:  # a long session types many words: stay bounded
                self._split_cache.clear()
            self._split_cache[word] = hit
        return hit

    def _splits(self, word: str, parts: int) -> bool:
        if parts < 2:
            return False
        m = self.min_part
        for cut in range(len(word) - m, m - 1, -1):  # longest head first: fewest parts
            head, tail = word[:cut], word[cut:]
            if not self._head(head):
                continue
            if tail in self.words or self.swapped(tail) or self._splits(tail, parts - 1):
                return True
        return False

    def _head(self, head: str) -> bool:
        """A known first part: a word, a word plus linking element, a word that lost its ending."""
        words = self.words
        if head in words or head in self.heads:
            return True
        for link in self.linking:
            if head.endswith(link) and len(head) - len(link) >= self.min_part and head[: -len(link)] in words:
                return True
        return len(head) > self.min_part and any(head + end in words for end in self.dropped)


_ENTRY = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:\s*(\d+)')


def _load_words(language: str) -> dict[str, int]:
    """pyspellchecker's bundled word→frequency table of `language`, read entry by entry.

    `SpellChecker(language=…)` parses the 339,000-word German table with ONE json.loads call,
    which holds the GIL for ~0.6 s: the editor's UI thread would freeze while the first check
    loads it. Reading the same file one entry at a time lets the interpreter switch threads every
    few milliseconds (longest UI pause measured: 11 ms) and gives the identical table (a test
    compares it with pyspellchecker's own)."""
    import gzip
    from importlib import resources as ir

    path = ir.files("spellchecker") / "resources" / f"{language}.json.gz"
    with ir.as_file(path) as real, gzip.open(real, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    words: dict[str, int] = {}
    for m in _ENTRY.finditer(raw):
        key = m.group(1)
        if "\\" in key:  # an escaped character: let json decode it
            key = json.loads(f'"{key}"')
        words[key] = int(m.group(2))
    if not words:
        raise ValueError(f"the {language} dictionary of pyspellchecker is empty or unreadable: {path}")
    return words


_dictionaries: dict[str, _Dictionary] = {}
_load_lock = threading.Lock()


def dictionary(language: str) -> _Dictionary:
    """The cached dictionary of "de" or "en" (loaded on first use, thread-safe)."""
    if language not in LANGUAGES:
        raise ValueError(f"no dictionary for language {language!r} (have: {', '.join(LANGUAGES)})")
    hit = _dictionaries.get(language)
    if hit is None:
        with _load_lock:
            hit = _dictionaries.get(language)
            if hit is None:
                hit = _dictionaries[language] = _Dictionary(language)
    return hit


def preload(languages: Iterable[str] = LANGUAGES) -> None:
    """Load the dictionaries now (call from a worker thread at start-up)."""
    for language in languages:
        dictionary(language)


def is_loaded(language: str) -> bool:
    """True if `language`'s dictionary is in memory (a check would not wait for loading)."""
    return language in _dictionaries


# --- the user's word list -------------------------------------------------------------------------


def user_words_path() -> Path:
    """The user's own word list: <data dir>/user_words.txt."""
    from resonanz.core.paths import data_dir

    return data_dir() / USER_WORDS_FILE


_user_cache: dict[str, tuple[tuple[int, int], frozenset[str]]] = {}


def load_user_words(path: Path | None = None) -> frozenset[str]:
    """The user's words in lower case; empty if the file does not exist (re-read only when it changed)."""
    path = Path(path) if path is not None else user_words_path()
    try:
        st = path.stat()
    except OSError:
        return frozenset()
    key = (st.st_mtime_ns, st.st_size)
    hit = _user_cache.get(str(path))
    if hit and hit[0] == key:
        return hit[1]
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return frozenset()
    words = frozenset(w.strip().translate(_APOSTROPHES).lower() for w in lines if w.strip() and not w.startswith("#"))
    _user_cache[str(path)] = (key, words)
    return words


_write_lock = threading.Lock()


def add_word(word: str, path: Path | None = None) -> Path:
    """Add `word` to the user's word list ("Add to dictionary"); atomic, a no-op if it is there.

    Raises ValueError for an empty word or one with whitespace; OSError if the file cannot be written.
    """
    word = word.strip()
    if not word or any(ch.isspace() for ch in word):
        raise ValueError(f"not a single word: {word!r}")
    path = Path(path) if path is not None else user_words_path()
    with _write_lock:
        lines = _read_lines(path)
        if word.translate(_APOSTROPHES).casefold() in {w.translate(_APOSTROPHES).casefold() for w in lines}:
            return path
        _write_lines_atomic(path, [*lines, word])
    return path


def remove_word(word: str, path: Path | None = None) -> bool:
    """Take `word` off the user's word list (any capitalisation); True if it was there."""
    path = Path(path) if path is not None else user_words_path()
    key = word.strip().translate(_APOSTROPHES).casefold()
    with _write_lock:
        lines = _read_lines(path)
        kept = [w for w in lines if w.translate(_APOSTROPHES).casefold() != key]
        if len(kept) == len(lines):
            return False
        _write_lines_atomic(path, kept)
    return True


def _read_lines(path: Path) -> list[str]:
    try:
        return [w.strip() for w in path.read_text(encoding="utf-8-sig", errors="replace").splitlines() if w.strip()]
    except FileNotFoundError:
        return []


def _write_lines_atomic(path: Path, lines: list[str]) -> None:
    """Temp file next to `path`, fsync, rename: a crash never leaves half a word list."""
    from resonanz.core.fileio import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, "".join(f"{w}\n" for w in lines), newline="\n")


# --- words the check leaves alone -----------------------------------------------------------------


def protected_words(language: str, rules_dir: Path | None | bool = None) -> frozenset[str]:
    """Brand/product names and abbreviations of the rule pack, lower case, split into words."""
    from resonanz.core.analysis.packs import load_pack
    from resonanz.core.analysis.text import _WORD

    pack = load_pack(language if language in LANGUAGES else "de", rules_dir)
    out = {a.lower() for a in pack.abbreviations}
    for name in pack.brand_names:
        out.add(name.lower())
        out.update(m.group().lower() for m in _WORD.finditer(name))
    return frozenset(out)


def protected_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans no spelling finding may touch: URLs, @mentions, hashtags, e-mail addresses, emoji."""
    spans = [(s.start, s.end) for s in (*doc.urls, *doc.mentions, *doc.hashtags, *doc.emoji)]
    spans += [m.span() for m in _EMAIL.finditer(doc.text)]
    return sorted(spans)


def exempt_token(token: str, *, capital_means_name: bool = False, short: bool = True) -> bool:
    """True for a token no dictionary should judge: gender form, digits, acronym, inner capitals,
    fewer than three letters (unless `short` is False); with `capital_means_name` also a
    capitalised word (a name)."""
    if short and sum(ch.isalpha() for ch in token) < config()["spelling"]["min_letters"]:
        return True
    if any(ch.isdigit() for ch in token) or _GENDER_MARKS.intersection(token) or _BINNEN_I.search(token):
        return True
    core = token.translate(_APOSTROPHES).split("'")[0]
    if core.isupper() and len(core) > 1:
        return True  # NGO, DSGVO, KI-Tools
    for part in _PARTS.split(core):
        if any(ch.isupper() for ch in part[1:]):
            return True  # LinkedIn, iPhone, YouTube
    return capital_means_name and token[:1].isupper()


# --- the check ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """What counts as a known word for one check."""

    primary: _Dictionary
    others: tuple[_Dictionary, ...]
    extra: frozenset[str]  # protected words and the user's words, lower case

    def knows(self, word: str) -> bool:
        w = word.translate(_APOSTROPHES).lower()
        if w in self.extra or self.primary.has(w) or any(d.has(w) for d in self.others):
            return True
        for suffix in ("'s", "s'", "'"):  # possessives and elisions: the team's, gibt's, hab'
            if w.endswith(suffix) and len(w) > len(suffix):
                base = w[: -len(suffix)]
                if base in self.extra or self.primary.has(base) or any(d.has(base) for d in self.others):
                    return True
        return self.primary.swapped(w) or self.primary.compound(w)


def known(word: str, language: str, user_words: Iterable[str] = ()) -> bool:
    """True if the spelling check would accept `word` in a `language` post."""
    return _lexicon(language, frozenset(w.lower() for w in user_words)).knows(word)


def _lexicon(language: str, extra: frozenset[str]) -> _Lexicon:
    others = tuple(dictionary(lang) for lang in config()["spelling"][language]["also_known"])
    return _Lexicon(dictionary(language), others, extra)


def suggestions(word: str, language: str, limit: int | None = None) -> tuple[str, ...]:
    """Known words one edit away from `word`, most frequent first, in `word`'s capitalisation.

    For a German compound with one misspelt part, the part is corrected: "Spendenaktoin" →
    "Spendenaktion".
    """
    d = dictionary(language)
    limit = config()["spelling"]["max_suggestions"] if limit is None else limit
    w = word.translate(_APOSTROPHES).lower()
    found = _one_edit(w, d)
    if not found and d.compounds:
        found = _compound_fix(w, d)
    return tuple(_same_case(word, c) for c in found[:limit])


def _one_edit(w: str, d: _Dictionary) -> list[str]:
    """Dictionary words one edit (delete, swap, replace, insert) away from `w`, most frequent first."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    candidates: dict[str, None] = {}  # insertion-ordered set: deletes and swaps before the rest
    for left, right in splits:
        if right:
            candidates[left + right[1:]] = None
        if len(right) > 1:
            candidates[left + right[1] + right[0] + right[2:]] = None
    for left, right in splits:
        for ch in d.alphabet:
            if right:
                candidates[left + ch + right[1:]] = None
            candidates[left + ch + right] = None
    candidates.pop(w, None)
    words = d.words
    found = [c for c in candidates if c in words and len(c) > 1]
    found.sort(key=lambda c: (-words[c], c[:1] != w[:1]))  # stable: equal frequency keeps edit order
    return found


def _compound_fix(w: str, d: _Dictionary) -> list[str]:
    """Correct the one unknown part of a compound: known head + misspelt tail, or the reverse."""
    m = d.min_part
    for cut in range(len(w) - m, m - 1, -1):
        head, tail = w[:cut], w[cut:]
        if d._head(head):
            fixed = _one_edit(tail, d)
            if fixed:
                return [head + t for t in fixed]
        if tail in d.words:
            fixed = [h for h in _one_edit(head, d) if len(h) >= m]
            if fixed:
                return [h + tail for h in fixed]
    return []


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def check_spelling(
    text: str,
    language: str,
    *,
    ignore_words: Iterable[str] = (),
    user_words: Iterable[str] | None = None,
    doc: Document | None = None,
) -> tuple[Finding, ...]:
    """Findings for the unknown words of `text` ("de" or "en"); see the module docstring.

    `ignore_words`: extra known words (e.g. `protected_words(language)`); `user_words`: the user's
    list (default: read from `user_words_path()`); `doc`: a parsed Document of `text` to reuse.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no dictionary for language {language!r} (have: {', '.join(LANGUAGES)})")
    if user_words is None:
        user_words = load_user_words()
    extra = frozenset(w.translate(_APOSTROPHES).lower() for w in (*ignore_words, *user_words))
    lexicon = _lexicon(language, extra)
    doc = doc if doc is not None else Document(text)
    blocked = protected_spans(doc)
    starts = doc.sentence_start_offsets
    msg = messages(language)
    findings: list[Finding] = []
    bi = 0
    for word in doc.words:
        while bi < len(blocked) and blocked[bi][1] <= word.start:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] < word.end:
            continue  # inside an e-mail address or touching a protected entity
        token = word.text
        if exempt_token(token, capital_means_name=language == "en" and word.start not in starts):
            continue
        if lexicon.knows(token):
            continue
        offset = word.start
        for part in _PARTS.split(token):  # E-Mail-Adresse, Repair-Café, und/oder: judge the parts
            start = offset
            offset += len(part) + 1
            if len(token) != len(part) and (exempt_token(part) or lexicon.knows(part)):
                continue
            options = suggestions(part, language)
            if not options and part[:1].isupper():
                continue  # capitalised and nothing known one edit away: a name (Aylin), not a typo
            findings.append(_finding(part, Span(start, start + len(part)), options, language, msg))
    return tuple(findings)


def _finding(word: str, span: Span, options: tuple[str, ...], language: str, msg: Mapping[str, str]) -> Finding:
    return Finding(
        rule=SPELL_RULE,
        dimension=LANGUAGE_DIMENSION,
        severity="suggestion",
        message=msg["spell_message"].format(word=word),
        suggestion=msg["spell_suggestion"].format(candidates=", ".join(options)) if options else msg["spell_no_candidates"],
        why=msg["spell_why"],
        source=msg["spell_source"].format(language=language),
        spans=(span,),
        points=0,
        kind="unknown_word",
        replacements=options,
    )


__all__ = [
    "SPELL_RULE",
    "USER_WORDS_FILE",
    "add_word",
    "check_spelling",
    "exempt_token",
    "is_loaded",
    "known",
    "load_user_words",
    "preload",
    "protected_spans",
    "protected_words",
    "remove_word",
    "suggestions",
    "user_words_path",
]
