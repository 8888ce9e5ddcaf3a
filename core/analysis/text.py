"""Split a real-world post into words, sentences, lines and entities without breaking offsets.

All offsets are Python str offsets (code points). URLs and @-mentions are masked with spaces in
`Document.masked` (same length), so word lists never match inside a link or a handle and every
match offset is still an offset into the original text. The entity scanners (URLs, mentions,
hashtags, emoji) live beside it in core.analysis.entities; the text layer never needs platforms.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import regex

from resonanz.core.analysis.entities import find_emoji, find_hashtags, find_mentions, find_urls
from resonanz.core.analysis.model import Span

# A word: letters/digits, joined by inner hyphens, apostrophes and the German gender marks
# (Kund:innen, Kund*innen, Kund_innen, Kund/innen) so that each counts as one word.
# (stdlib re: [^\W_] is a letter or digit, and re is faster than regex for this simple scan)
_WORD = re.compile(r"[^\W_]+(?:(?:[-'’:*_/]|(?<=\d)[.,](?=\d))[^\W_]+)*")  # 3.000 and 2,5 stay one word
# Sentence end: terminal punctuation (plus closing quotes/brackets), then whitespace or the end.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”“«»›‹)\]]*(?=\s|$)|[!?]+")
_SENTENCE_OPENERS = "„“\"'‘‚«»‹›(¿¡@#"
_LAST_TOKEN = re.compile(r"([^\W_]+)$")
_LIST_MARKER = regex.compile(r"^[ \t]*(?:[•·▪◦‣○●■□–—\-*+>]|\p{Extended_Pictographic}\ufe0f?|\d{1,2}[.)]|[a-z][.)])[ \t]+", regex.MULTILINE)


class Word(NamedTuple):
    """One word token: its span and text (a tuple: posts have thousands of words, creation must be cheap)."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        """The word in lower case."""
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a list line / line without end punctuation) with its words."""

    start: int
    end: int
    words: tuple[Word, ...]
    terminator: str  # the end punctuation, "" if the sentence ended at a line break or the text end

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
        self.urls = [Span(s, e) for s, e in find_urls(text)]
        url_spans = [(u.start, u.end) for u in self.urls]
        self.mentions = [Span(s, e) for s, e in find_mentions(text, url_spans)]
        self.hashtags = [Span(s, e) for s, e in find_hashtags(text, url_spans)]
        self.emoji = [Span(s, e) for s, e in find_emoji(text)]
        chars = list(text)
        for span in (*self.urls, *self.mentions):
            chars[span.start : span.end] = " " * (span.end - span.start)
        # Hashtag marks become spaces so "#Tipps" reads as the word "Tipps" at the same offset.
        for span in self.hashtags:
            chars[span.start] = " "
        self.masked = "".join(chars)
        self._abbreviations = abbreviations
        self._hashtag_starts = {h.start + 1 for h in self.hashtags}

    @cached_property
    def all_words(self) -> list[Word]:
        """Every word token, hashtag words included."""
        new = tuple.__new__  # NamedTuple's own __new__ is a Python function: too slow for every word
        return [new(Word, (*m.span(), m.group())) for m in _WORD.finditer(self.masked)]

    @cached_property
    def words(self) -> list[Word]:
        """Words of the running text: hashtag words excluded."""
        return [w for w in self.all_words if w.start not in self._hashtag_starts]

    @cached_property
    def lowered_words(self) -> list[str]:
        """`all_words` in lower case with typographic apostrophes made straight (for matching)."""
        low = self.masked.replace("’", "'").lower()
        if len(low) == len(self.masked):  # lower() kept every offset (it does unless e.g. "İ" is present)
            return [low[w.start : w.end] for w in self.all_words]
        return [w.text.replace("’", "'").lower() for w in self.all_words]

    @cached_property
    def sentence_start_offsets(self) -> frozenset[int]:
        """Offsets of the first word of every sentence."""
        return frozenset(s.words[0].start for s in self.sentences if s.words)

    def word_index_at(self, offset: int) -> int:
        """Index of the first word in `all_words` that starts at or after `offset`."""
        if offset <= 0:
            return 0
        return bisect.bisect_left(self._word_starts, offset)

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.all_words]

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
        """Sentences split at end punctuation (abbreviation-aware) and at line breaks."""
        text, masked, words = self.text, self.masked, self.words
        spans: list[tuple[int, int, str]] = []
        for line in self.lines:
            start = line.start
            for m in _SENTENCE_END.finditer(masked, line.start, line.end):
                if m.group()[0] in ".…" and self._is_non_final_dot(m.start(), line.end):
                    continue
                spans.append((start, m.end(), m.group()))
                start = m.end()
            if text[start : line.end].strip():
                spans.append((start, line.end, ""))
        out: list[Sentence] = []
        wi = 0
        for start, end, term in spans:
            # start at the first word (or an opening quote, handle or hashtag): a mark in the editor
            # should not begin on a bullet or an emoji
            while start < end and not (text[start].isalnum() or text[start] in _SENTENCE_OPENERS):
                start += 1
            while wi < len(words) and words[wi].start < start:
                wi += 1
            wj = wi
            while wj < len(words) and words[wj].end <= end:
                wj += 1
            if start < end:
                out.append(Sentence(start, end, tuple(words[wi:wj]), term))
            wi = wj
        return out

    def _is_non_final_dot(self, dot: int, line_end: int) -> bool:
        """True for a dot that ends an abbreviation or ordinal ('z.', 'Dr.', '3.') rather than a sentence."""
        m = _LAST_TOKEN.search(self.masked, max(0, dot - 12), dot)
        if m:
            token = m.group(1)
            if token.lower() in self._abbreviations or (token.isdigit() and len(token) <= 2):
                return True
            if len(token) == 1 and token.isalpha():
                return True  # initials and "z. B."
        nxt = self.masked[dot + 1 : line_end].lstrip()
        return bool(nxt) and nxt[0].islower()

    def first_sentence(self) -> Sentence | None:
        """The opening sentence, or None for an empty text."""
        return self.sentences[0] if self.sentences else None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing `offset`."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
