"""The linear sentence splitter and span filters (issue 19) agree with the quadratic originals (hypothesis)."""

from __future__ import annotations

import re
import string

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.packs import load_pack
from resonanz.core.analysis.rules.base import outside
from resonanz.core.analysis.rules.shareability import _QUOTE
from resonanz.core.analysis.text import _WORD, Document, Sentence, Word, Words

# ------------------------------------------------------------------ the reference: the splitter before issue 19
_OLD_SENTENCE_END = re.compile(r"[.!?…]+[\"'”“«»›‹)\]]*(?=\s|$)|[!?]+")
_OLD_OPENERS = "„“\"'‘‚«»‹›(¿¡@#"
_OLD_LAST_TOKEN = re.compile(r"([^\W_]+)$")


def _old_is_non_final_dot(doc: Document, dot: int, line_end: int) -> bool:
    m = _OLD_LAST_TOKEN.search(doc.masked, max(0, dot - 12), dot)
    if m:
        token = m.group(1)
        if token.lower() in doc._abbreviations or (token.isdigit() and len(token) <= 2):
            return True
        if len(token) == 1 and token.isalpha():
            return True
    nxt = doc.masked[dot + 1 : line_end].lstrip()
    return bool(nxt) and nxt[0].islower()


def _old_masked(doc: Document) -> str:
    chars = list(doc.text)
    for span in (*doc.urls, *doc.mentions):
        chars[span.start : span.end] = " " * (span.end - span.start)
    for span in doc.hashtags:
        chars[span.start] = " "
    return "".join(chars)


def old_sentences(doc: Document) -> list[Sentence]:
    """Document.sentences as it was before issue 19 (quadratic lstrip, no run-together split)."""
    text, masked, words = doc.text, doc.masked, doc.words
    spans: list[tuple[int, int, str]] = []
    for line in doc.lines:
        start = line.start
        for m in _OLD_SENTENCE_END.finditer(masked, line.start, line.end):
            if m.group()[0] in ".…" and _old_is_non_final_dot(doc, m.start(), line.end):
                continue
            spans.append((start, m.end(), m.group()))
            start = m.end()
        if text[start : line.end].strip():
            spans.append((start, line.end, ""))
    out: list[Sentence] = []
    wi = 0
    for start, end, term in spans:
        while start < end and not (text[start].isalnum() or text[start] in _OLD_OPENERS):
            start += 1
        while wi < len(words) and words[wi].start < start:
            wi += 1
        wj = wi
        while wj < len(words) and words[wj].end <= end:
            wj += 1
        if start < end:
            out.append(Sentence(start, end, term, wj - wi, wi, words))
        wi = wj
    return out


# ------------------------------------------------------------------ random long posts
_PIECES = [
    "z. B.", "Dr.", "Mr.", "U.S.", "St.", "H.", "3.", "3.000", "e.g.", "usw.", "bzw.", "?", "!", "…", "...", ".", ". ",
    "\n", "\n\n", "• ", "1. ", "„", "“", "»", "(", ")", "'", "👍🏻", "🎉", "#Tipps", "@verein", "https://example.de/a.B",
    "www.kultur.Berlin", "example.De", "info@verein.de", "max.Muster@x.de", "Was denkst du?", "Kennen Sie das?",
    "Jetzt anmelden!", "Buy your tickets now!", "Do you agree?", "balance.That's", "Satzes.Der", "ende.Ich", "report.PDF",
]
_words = st.text(alphabet=string.ascii_letters + "äöüßÄÖÜ .", min_size=1, max_size=14)
long_posts = st.lists(st.one_of(st.sampled_from(_PIECES), _words), min_size=20, max_size=300).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts))
)
slow = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_ABBREVIATIONS = {lang: load_pack(lang, False).abbreviations for lang in ("de", "en")}


def _run_together(text: str, end: int) -> bool:
    """A sentence end the new splitter may add: lower-case letter, full stop, capital letter."""
    return text[end - 1] == "." and text[end - 2 : end - 1].islower() and text[end : end + 1].isupper()


@slow
@given(text=long_posts, language=st.sampled_from(["de", "en"]))
def test_new_splitter_finds_the_old_sentences_plus_only_run_together_splits(text: str, language: str) -> None:
    doc = Document(text, _ABBREVIATIONS[language])
    assert doc.masked == _old_masked(doc)
    new, old = doc.sentences, old_sentences(doc)
    new_ends, old_ends = {s.end for s in new}, {s.end for s in old}
    assert old_ends <= new_ends  # nothing the old splitter found is lost
    extra = new_ends - old_ends
    assert all(_run_together(text, e) for e in extra), [text[e - 10 : e + 10] for e in extra]
    if not extra:
        assert new == old
    else:  # each new sentence lies inside one old sentence: the split only refines
        for s in new:
            assert any(o.start <= s.start and s.end <= o.end for o in old)


@slow
@given(text=long_posts.map(lambda t: re.sub(r"(?<=[^\W\d_])\.(?=[^\W\d_])", ". ", t)), language=st.sampled_from(["de", "en"]))
def test_without_run_together_dots_the_sentences_are_the_old_ones(text: str, language: str) -> None:
    doc = Document(text, _ABBREVIATIONS[language])
    assert doc.sentences == old_sentences(doc)


@slow
@given(text=long_posts)
def test_word_columns_hold_the_words_a_regex_scan_finds(text: str) -> None:
    """The compact word store (starts, ends, texts columns; issue 19) reads back as the Word tuples
    one regex scan of the masked text gives, by index, slice, iteration and in reverse; the running
    words are those without the hashtag words; a sentence's words are its slice of them."""
    doc = Document(text, _ABBREVIATIONS["de"])
    ref = [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(doc.masked)]
    words = doc.all_words
    assert list(words) == ref and len(words) == len(ref)
    assert [words[i] for i in range(len(ref))] == ref and [words[-i] for i in range(1, len(ref) + 1)] == ref[::-1]
    assert list(reversed(words)) == ref[::-1]
    assert list(words[3:9]) == ref[3:9] and words.tuple(2, 7) == tuple(ref[2:7])
    tags = {h.start + 1 for h in doc.hashtags}
    running = [w for w in ref if w.start not in tags]
    assert list(doc.words) == running
    for s in doc.sentences:
        assert s.words == tuple(running[s.first_word : s.first_word + s.n_words]) and len(s.words) == s.n_words
        assert all(s.start <= w.start and w.end <= s.end for w in s.words)
    assert doc.sentence_start_offsets == {s.words[0].start for s in doc.sentences if s.words}


def test_words_compare_and_hash_by_their_columns() -> None:
    a, b = Document("Wir #feiern heute.").words, Document("Wir #feiern heute.").words
    assert a == b and hash(a) == hash(b) and a == [Word(0, 3, "Wir"), Word(12, 17, "heute")]
    assert a != Document("Wir feiern heute.").words and a.without([0]) == [Word(12, 17, "heute")]
    assert Words.__len__(a.without([0, 1])) == 0
    long = Document("eins zwei drei vier fünf sechs sieben acht").words
    assert repr(long) == "Words(8: 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', …)" and repr(a) == "Words(2: 'Wir', 'heute')"


# ------------------------------------------------------------------ the other linearised spots
_spans = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])), max_size=40)


@settings(max_examples=300, deadline=None)
@given(spans=_spans.map(sorted), areas=_spans)
def test_outside_is_the_naive_filter(spans: list[tuple[int, int]], areas: list[tuple[int, int]]) -> None:
    assert outside(spans, areas) == [s for s in spans if not any(a <= s[0] < b for a, b in areas)]


# The old lazy pattern, with the quote-direction guards of issue 17 (an opener follows no letter,
# digit or sentence mark; a closer follows no blank) added to both.
_OLD_QUOTE = regex.compile(r"(?<![\p{L}\p{N}.,;!?])[„“\"«»]\s*[\p{L}\p{N}][^„“”\"«»\n]*?\s[^„“”\"«»\n]*?(?<!\s)[“”\"»«]")


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab1 \t\n\u00a0„“”\"«».", max_size=80))
def test_direct_speech_pattern_matches_the_old_one(text: str) -> None:
    assert [m.span() for m in _QUOTE.finditer(text)] == [m.span() for m in _OLD_QUOTE.finditer(text)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=long_posts, language=st.sampled_from(["de", "en"]), raw=st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 20)), max_size=60))
def test_sentence_lookups_by_span_are_the_naive_ones(text: str, language: str, raw: list[tuple[int, int]]) -> None:
    """`sentences_with` (from the spans, or by filtering a subset) and `sentence_starts_with` agree with
    asking every sentence whether a span starts inside it."""
    from resonanz.core.analysis.platforms import load_profiles
    from resonanz.core.analysis.rules.base import Context

    doc = Document(text, _ABBREVIATIONS[language])
    ctx = Context(doc, load_pack(language, False), load_profiles()["linkedin"])
    spans = sorted((a % (len(text) + 1), a % (len(text) + 1) + b) for a, b in raw)

    def naive(sentences):
        return [s for s in sentences if any(s.start <= a < s.end for a, _ in spans)]

    assert ctx.sentences_with(doc.sentences, spans) == naive(doc.sentences)
    subset = doc.sentences[::2]
    assert ctx.sentences_with(subset, spans) == naive(subset)
    assert ctx.sentence_starts_with(spans) == {s.start for s in naive(doc.sentences)}
    assert all(ctx.sentence_has(s, spans) == (s in naive(doc.sentences)) for s in doc.sentences)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["example.de", "https://a.org/x", " ", "\n", "\u00a0", "\u2003", "\x1c", "x" * 70, "ab", ".Then", "://"]), max_size=30))
def test_url_chunks_start_after_the_last_blank_as_a_walk_back_would(parts: list[str]) -> None:
    """`_url_chunks` finds a chunk's start by a search within a window (and walks back only beyond it)."""
    from resonanz.core.analysis.entities import _patterns, _url_chunks

    text = "".join(parts)
    pats = _patterns()
    for start, _ in _url_chunks(text, pats):
        assert start == 0 or text[start - 1].isspace()
        assert all(not ch.isspace() for ch in text[start : start + 1])  # a chunk never starts on a blank
    naive = []
    for m in pats["url_mark"].finditer(text):
        if naive and m.start() < naive[-1][1]:
            continue
        s = m.start()
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        nxt = pats["whitespace"].search(text, m.end())
        naive.append((s, nxt.start() if nxt else len(text)))
    assert _url_chunks(text, pats) == naive
