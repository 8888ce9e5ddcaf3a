"""Split a real-world post into words, sentences, lines and entities without breaking offsets.

All offsets are Python str offsets (code points). URLs and @-mentions are masked with spaces in
`Document.masked` (same length), so word lists never match inside a link or a handle and every
match offset is still an offset into the original text. The entity scanners (URLs, mentions,
hashtags, emoji) live beside it in core.analysis.entities; the text layer never needs platforms.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate, compress, repeat
from sys import intern
from operator import itemgetter
from typing import Iterator, NamedTuple

import regex

from resonanz.core.analysis.entities import BARE_DOMAIN_TLDS, find_emoji, find_hashtags, find_mentions, find_urls
from resonanz.core.analysis.model import Span, make_span as _span

# A word: letters/digits, joined by inner hyphens, apostrophes and the German gender marks
# (Kund:innen, Kund*innen, Kund_innen, Kund/innen) so that each counts as one word.
# (stdlib re: [^\W_] is a letter or digit, and re is faster than regex for this simple scan)
_WORD = re.compile(r"[^\W_]+(?:(?:[-'’:*_/]|(?<=\d)[.,](?=\d))[^\W_]+)*")  # 3.000 and 2,5 stay one word
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")  # split keeps the words: gap, word, gap, word, …, gap
# Sentence end: terminal punctuation (plus closing quotes/brackets), then whitespace or the end;
# or a full stop run together with the next sentence ("balance.That's", issue 19), checked in
# `_is_run_together_end`.
# (The leading lookahead only lets the scanner skip to candidate characters: every branch starts with one.)
_SENTENCE_END = re.compile(r"(?=[.!?…])(?:[.!?…]+[\"'”“«»›‹)\]]*(?=\s|$)|[!?]+|(?P<joined>(?<=[^\W\d_])\.(?=[^\W\d_])))")
_NEXT_CHAR = re.compile(r"\s*(\S)")  # the first non-blank character after a dot (anchored: linear)
_CHUNK = re.compile(r"\S+")
_LABEL_AFTER = re.compile(r"([^\W_]+)([-.][^\W_])?")  # the word after a run-together dot
_DOMAIN_WINDOW = 255  # characters either side of a run-together dot that the domain check looks at
_SENTENCE_OPENERS = "„“\"'‘‚«»‹›(¿¡@#"
_NOT_SENTENCE_START = re.compile(r"(?:_|[^\w%s])*" % re.escape(_SENTENCE_OPENERS))  # neither a letter/digit nor an opener
_LAST_TOKEN = re.compile(r"([^\W_]+)$")
_LIST_MARKER = regex.compile(r"^[ \t]*(?:[•·▪◦‣○●■□–—\-*+>]|\p{Extended_Pictographic}\ufe0f?|\d{1,2}[.)]|[a-z][.)])[ \t]+", regex.MULTILINE)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span replaced by as many spaces (same length, same offsets; no list of
    every character: a 5 MB text would need 40 MB for it)."""
    if not spans:
        return text
    pieces, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end > start:
            pieces += (text[pos:start], " " * (end - start))
            pos = end
    pieces.append(text[pos:])
    return "".join(pieces)



# words looked at beside the previous sentence's last word before a binary search of the rest (a
# search over a long list touches int objects all over the memory of a 5 MB text: cache misses)
_NEAR = 32


def _is_abbreviation(token: str, abbreviations: frozenset[str]) -> bool:
    """A known abbreviation, a single letter (initials, 'z. B.') or an ordinal of one or two digits."""
    if token.lower() in abbreviations or (token.isdigit() and len(token) <= 2):
        return True
    return len(token) == 1 and token.isalpha()


class Word(NamedTuple):
    """One word token: its span and text (a tuple: posts have thousands of words, creation must be cheap)."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        """The word in lower case."""
        return self.text.lower()


class Words(Sequence):
    """A post's words as three columns: starts and ends (int arrays) and texts (interned strings).

    A `Word` tuple is made when one is read (`words[i]`, iteration), not kept: a 5 MB draft has
    840,000 words, 100 MB as tuples, 20 MB as columns. Hot loops read the columns directly."""

    __slots__ = ("starts", "ends", "texts")

    def __init__(self, starts: array, ends: array, texts: list[str]) -> None:
        self.starts, self.ends, self.texts = starts, ends, texts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return Words(self.starts[i], self.ends[i], self.texts[i])
        return _new(Word, (self.starts[i], self.ends[i], self.texts[i]))

    def __iter__(self) -> Iterator[Word]:
        return map(_new, repeat(Word), zip(self.starts, self.ends, self.texts))

    def tuple(self, i: int, j: int) -> tuple[Word, ...]:
        """Words i to j (exclusive) as a tuple of `Word`."""
        return tuple(self[i:j])

    def without(self, drop: Sequence[int]) -> Words:
        """These words without the ones at the indices `drop` (ascending): the rest copied in runs,
        not word by word (hashtag words are few, the words between them many)."""
        starts, ends, texts = array(self.starts.typecode), array(self.ends.typecode), []
        i = 0
        for j in (*drop, len(self.texts)):
            if j > i:
                starts += self.starts[i:j]
                ends += self.ends[i:j]
                texts += self.texts[i:j]
            i = j + 1
        return Words(starts, ends, texts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words):
            return self.starts == other.starts and self.ends == other.ends and self.texts == other.texts
        return isinstance(other, (list, tuple)) and list(self) == list(other)

    def __hash__(self) -> int:  # cheap and consistent with ==: equal columns give equal hashes
        return hash((len(self.texts), self.starts[:1].tobytes(), self.ends[-1:].tobytes()))

    def __repr__(self) -> str:  # short: every Sentence shows its post's words in its repr
        shown = ", ".join(map(repr, self.texts[:_REPR_WORDS]))
        return f"Words({len(self)}: {shown}{', …' if len(self) > _REPR_WORDS else ''})"


_REPR_WORDS = 6


def _offset_type(n: int) -> str:
    """The array type code for offsets into a text of n characters: 4-byte ints unless too small."""
    return "i" if n < 2**31 else "q"


_new = tuple.__new__  # a NamedTuple's own __new__ is a Python function: too slow for every word


class Sentence(NamedTuple):
    """A sentence (or a list line / line without end punctuation) and where its words are (a tuple,
    like `Word`: a long draft has hundreds of thousands of sentences, creation must be cheap; its
    words are read from the post's `Words` on demand, not kept per sentence)."""

    start: int
    end: int
    terminator: str  # the end punctuation, "" if the sentence ended at a line break or the text end
    n_words: int  # running words in it (hashtag words are not running words)
    first_word: int  # index of its first word in `store`
    store: Words  # the post's running words (`Document.words`)

    @property
    def words(self) -> tuple[Word, ...]:
        """Its running words."""
        i = self[4]
        return self[5].tuple(i, i + self[3])

    @property
    def is_question(self) -> bool:
        """True if the sentence ends with a question mark."""
        return "?" in self.terminator

    @property
    def span(self) -> Span:
        """The sentence's span."""
        return Span(self.start, self.end)


class Document:
    """A parsed post: entities, masked text, words, sentences and lines."""

    def __init__(self, text: str, abbreviations: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.urls = list(map(_span, find_urls(text)))  # (start, end) pairs as Spans, built in C
        self.mentions = list(map(_span, find_mentions(text, self.urls)))  # (Spans are (start, end) tuples)
        self.hashtags = list(map(_span, find_hashtags(text, self.urls)))
        self.emoji = list(map(_span, find_emoji(text)))
        # Hashtag marks become spaces so "#Tipps" reads as the word "Tipps" at the same offset.
        blanks = [*self.urls, *self.mentions] + [(h.start, h.start + 1) for h in self.hashtags]
        self.masked = _blank(text, blanks)
        self._abbreviations = abbreviations
        self._hashtag_starts = {h.start + 1 for h in self.hashtags}

    @cached_property
    def all_words(self) -> Words:
        """Every word token, hashtag words included."""
        # In C: split keeps the words between the gaps, the running sum of the pieces' lengths gives
        # every word's start and end (no match object, no tuple per word). Interned: a post repeats
        # its words, so each spelling is stored once.
        pieces = _WORD_SPLIT.split(self.masked)
        offsets = array(_offset_type(len(self.masked)), accumulate(map(len, pieces), initial=0))
        texts = list(map(intern, pieces[1::2]))
        del pieces
        return Words(offsets[1:-1:2], offsets[2:-1:2], texts)

    @cached_property
    def words(self) -> Words:
        """Words of the running text: hashtag words excluded."""
        tags, words = self._hashtag_starts, self.all_words
        if not tags:
            return words
        starts = words.starts
        return words.without(list(compress(range(len(starts)), map(tags.__contains__, starts))))  # (found in C)

    @cached_property
    def lowered(self) -> dict[str, str]:
        """Every spelling in `all_words` and its lower case with typographic apostrophes made
        straight (for matching): word i's is `lowered[all_words.texts[i]]`. Each spelling is lowered
        once, and no list per word is kept (a post repeats its words)."""
        return {t: intern(t.replace("’", "'").lower()) for t in set(self.all_words.texts)}

    def lowered_masked(self) -> str | None:
        """`masked` in lower case for the word lists' lower-case patterns, or None (see patterns.py).
        Not kept: one pass over the word lists needs it, and a 5 MB draft's copy is 20 MB."""
        from resonanz.core.analysis.patterns import lowered_for_regex

        return lowered_for_regex(self.masked)

    @cached_property
    def sentence_start_offsets(self) -> frozenset[int]:
        """Offsets of the first word of every sentence."""
        starts = self.words.starts
        # the sentence's own start where it is the first word's (most are): no second int object
        return frozenset([s[0] if starts[s[4]] == s[0] else starts[s[4]] for s in self.sentences if s[3]])

    def word_index_at(self, offset: int) -> int:
        """Index of the first word in `all_words` that starts at or after `offset`."""
        if offset <= 0:
            return 0
        return bisect.bisect_left(self.all_words.starts, offset)

    @cached_property
    def lines(self) -> list[Span]:
        """Non-empty lines as spans (without the line break)."""
        out, pos = [], 0
        for line in self.text.split("\n"):
            if line.strip():
                out.append(Span(pos, pos + len(line)))
            pos += len(line) + 1
        return out

    @cached_property
    def list_lines(self) -> list[Span]:
        """Lines that start with a bullet, dash, check-mark emoji or a number like '1.'/'1)'."""
        return [ln for ln in self.lines if _LIST_MARKER.match(self.text, ln.start, ln.end)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences split at end punctuation (abbreviation-aware) and at line breaks.

        One pass over the lines, each line's sentences built as soon as its ends are known (a 5 MB
        draft has 230,000 of them): the abbreviation check is inlined and remembered per token, and
        a sentence's first and last word are looked up near the previous sentence's last word."""
        text, masked, words = self.text, self.masked, self.words
        n_words = len(words)
        word_starts, word_ends = words.starts, words.ends
        abbreviations, known = self._abbreviations, {}
        run_together, last_token, next_char, skip = self._is_run_together_end, _LAST_TOKEN.search, _NEXT_CHAR.match, _NOT_SENTENCE_START.match
        bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
        new = tuple.__new__  # Sentence's own __new__ is a Python function
        out: list[Sentence] = []
        append = out.append
        wi = 0
        for line in self.lines:
            line_start, line_end = line.start, line.end
            ends = []  # (end, terminator) of this line's sentences
            for m in _SENTENCE_END.finditer(masked, line_start, line_end):
                term = m.group()
                if term[0] in ".…":  # "!" and "?" always end a sentence
                    dot = m.start()
                    if m.lastgroup == "joined":
                        if not run_together(dot, line_start, line_end):
                            continue
                    else:
                        # a dot that ends an abbreviation or ordinal ('z.', 'Dr.', '3.') rather than a sentence
                        tok = last_token(masked, dot - 12 if dot > 12 else 0, dot)
                        if tok is not None:
                            token = tok.group(1)
                            hit = known.get(token)
                            if hit is None:
                                hit = known[token] = _is_abbreviation(token, abbreviations)
                            if hit:
                                continue
                        nxt = next_char(masked, dot + 1, line_end)  # not lstrip() of the rest: that is quadratic
                        if nxt is not None and nxt.group(1).islower():
                            continue
                ends.append((m.end(), term))
            if text[ends[-1][0] if ends else line_start : line_end].strip():
                ends.append((line_end, ""))
            start = line_start
            for end, term in ends:
                # start at the first word (or an opening quote, handle or hashtag): a mark in the editor
                # should not begin on a bullet or an emoji
                first = skip(text, start, end).end()
                if wi < n_words and word_starts[wi] < first:  # rare: a word ran over the last sentence end
                    wi = bisect_left(word_starts, first, wi)
                hi = wi + _NEAR
                wj = bisect_right(word_ends, end, wi, hi) if hi < n_words else bisect_right(word_ends, end, wi)
                if wj == hi:
                    wj = bisect_right(word_ends, end, hi)
                if first < end:
                    append(new(Sentence, (first, end, term, wj - wi, wi, words)))
                wi = wj
                start = end
        return out

    def _ends_abbreviation(self, dot: int) -> bool:
        """True if the token before `dot` is a known abbreviation, a single letter (initials, 'z. B.') or an ordinal."""
        m = _LAST_TOKEN.search(self.masked, max(0, dot - 12), dot)
        return m is not None and _is_abbreviation(m.group(1), self._abbreviations)

    def _is_run_together_end(self, dot: int, line_start: int, line_end: int) -> bool:
        """True for 'balance.That's': lower-case letter, full stop, capital letter (then not another
        capital: 'report.PDF'), where the token is no abbreviation ('St.Pauli') and the dot is not part
        of an e-mail address or of a domain the URL finder knows in any letter case ('example.De')."""
        text = self.masked
        after = text[dot + 2] if dot + 2 < line_end else ""
        if not (text[dot - 1].islower() and text[dot + 1].isupper()) or after.isupper() or after == ".":
            return False
        if self._ends_abbreviation(dot):
            return False
        label = _LABEL_AFTER.match(text, dot + 1, line_end)
        if label.group(1).lower() not in BARE_DOMAIN_TLDS and not label.group(2) and self.text[label.end() : label.end() + 1] != "@":
            return True  # "That's", "Der": no top-level domain, no further domain label, no e-mail
        lo, hi = max(line_start, dot - _DOMAIN_WINDOW), min(line_end, dot + _DOMAIN_WINDOW)
        chunk = next(m for m in _CHUNK.finditer(self.text, lo, hi) if m.start() <= dot < m.end())
        if "@" in chunk.group():
            return False  # max.Mustermann@firma.de
        at = dot - chunk.start()
        chunk = chunk.group()
        return not any(s <= at < e for s, e in find_urls(chunk.lower()))

    def first_sentence(self) -> Sentence | None:
        """The opening sentence, or None for an empty text."""
        return self.sentences[0] if self.sentences else None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing `offset`."""
        sentences = self.sentences
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return sentences[i] if i >= 0 and offset < sentences[i].end else None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _sentence_ends_after(self) -> list[int]:
        """-1, then every sentence's end: item j is the end of sentence j - 1 (for a binary search
        that counts the sentences starting at or before an offset)."""
        return [-1, *(s.end for s in self.sentences)]
