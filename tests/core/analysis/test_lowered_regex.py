"""The word lists' regular expressions run as lower-case copies on a lowered text where that finds
exactly what the case-insensitive patterns find on the text (patterns.py, a speed-up for every post).

Three things must hold: the list of characters that fold differently from their lower case is
complete (recomputed here from Python's Unicode tables, and checked against both regex engines);
`lowercase_safe` refuses every pattern with case rules of its own; and for the real rule packs'
patterns, the fast path and the case-insensitive path give the same spans on any text.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.packs import load_pack
from resonanz.core.analysis.patterns import FOLD_SPECIAL_RANGES, TermMatcher, lowercase_safe, lowered_for_regex
from resonanz.core.analysis.rules.base import pack_matcher
from resonanz.core.analysis.text import Document


def _special_from_unicode() -> set[int]:
    """Characters whose case-insensitive class is not "the same lower case": lower() is longer, or
    case folding or upper-then-lower lands on another character."""
    out = set()
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            out.add(cp)
            continue
        fold, up = c.casefold(), c.upper()
        if (len(fold) == 1 and fold != low) or (len(up) == 1 and up.lower() != low):
            out.add(cp)
    return out


def _listed() -> set[int]:
    return {cp for a, b in FOLD_SPECIAL_RANGES for cp in range(a, b + 1)}


REGEX_ONLY = {0x1DF95}  # the `regex` module's newer Unicode tables fold it to "ß"; Python's do not


def test_the_special_characters_are_exactly_those_of_the_unicode_tables() -> None:
    assert _listed() == _special_from_unicode() | REGEX_ONLY


def _latin_letters() -> list[str]:
    """The lower-case Latin letters a fast pattern may contain (patterns.py `_literal_ok`)."""
    return [chr(cp) for cp in range(0x250) if chr(cp).lower() == chr(cp) != chr(cp).upper() and cp not in _listed()]


@pytest.mark.parametrize("engine", [re, regex], ids=["re", "regex"])
def test_outside_the_list_a_case_insensitive_letter_matches_exactly_its_lower_case_forms(engine) -> None:
    special = _listed()
    every = "".join(chr(cp) for cp in range(0x110000) if not (0xD800 <= cp <= 0xDFFF) and cp not in special)
    lowered = every.lower()
    assert len(lowered) == len(every)
    for letter in _latin_letters():
        insensitive = {m.start() for m in engine.finditer(engine.escape(letter), every, engine.IGNORECASE)}
        by_lower_case = {m.start() for m in engine.finditer(engine.escape(letter), lowered)}
        assert insensitive == by_lower_case, f"{letter!r}: {sorted(insensitive ^ by_lower_case)[:5]}"


@pytest.mark.parametrize("pattern, safe", [
    (r"(?:wie komm(?:t|en)\b[^?]{0,80}\bdazu)", True),
    (r"(?<![\p{L}])(?:markier|verlink)\p{L}*\s+\d+", True),
    (r"statt\s+€|\$|%", True),
    (r"[\u2764\U0001F44D]|👇", True),
    (r"(?-i:\p{Lu}{2,})", False),       # case-sensitive inside
    (r"(?i)abc", False),                # inline flags
    (r"\p{Lu}\p{L}+", False),           # an upper-case property
    (r"Nr\.\s+1", False),               # an upper-case literal
    (r"[A-Z]+", False),
    (r"\x41", False),                   # "A", escaped
    (r"\N{LATIN SMALL LETTER A}", False),
    (r"stra\u017fe", False),            # "ſ" folds to "s"
    (r"καλημέρα", False),               # letters beyond Latin: their folding is not checked here
])
def test_lowercase_safe_refuses_every_pattern_with_case_rules_of_its_own(pattern: str, safe: bool) -> None:
    assert lowercase_safe(pattern) is safe


def test_a_text_with_a_special_character_is_not_lowered() -> None:
    assert lowered_for_regex("Straße und STRASSE, ẞ") == "straße und strasse, ß"
    assert lowered_for_regex("Das Gläschen mit 5 µg") is None       # micro sign folds to Greek mu
    assert lowered_for_regex("İstanbul") is None                   # lowers to two characters
    assert lowered_for_regex("Wachsthum und Laſt") is None          # long s folds to s


def test_the_packs_most_used_patterns_take_the_fast_path() -> None:
    fast = [f is not None for lang in ("de", "en") for m in pack_matcher(load_pack(lang, False)).matchers.values() for f in m.lowered_regexes]
    assert sum(fast) >= len(fast) - 2  # only keyword_replies (a case-sensitive part) stays case-insensitive


def _slow(m: TermMatcher) -> TermMatcher:
    slow = TermMatcher(())
    slow.__dict__.update({**m.__dict__, "lowered_regexes": (None,) * len(m.regexes)})
    return slow


_MATCHERS = [m for lang in ("de", "en") for m in pack_matcher(load_pack(lang, False)).matchers.values() if m.regexes]
_WORDS = ["Wie kommt ihr DAZU", "statt €", "NUR €", "Live-Q&A", "#LIVE", "Q & A", "20 % OFF", "Markiert zwei Freunde",
          "TAG A FRIEND", "schreibt es in die Kommentare", "Like & Share", "+++", "👇", "Wer aus Ihrem Team", "who on your team",
          "Kommentiere JA", "Comment YES below", "❤️ = Ja", "Daumen hoch", "um DAS zu gewinnen", "#1", "£", "$",
          "ſtatt €", "LIVE-Q&A", "5 µ", "İstanbul"]
_CHARS = "aAäÄsSßẞſıİKkµΣσς \n.!?–'’\"„“"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_CHARS, max_size=4)), max_size=12))
def test_fast_and_case_insensitive_paths_find_the_same_spans(parts: list[str]) -> None:
    doc = Document(" ".join(parts))
    for m in _MATCHERS:
        assert m.find(doc) == _slow(m).find(doc)


def test_a_pack_list_matches_in_any_case_on_both_paths() -> None:
    m = next(m for m in _MATCHERS if any("dazu" in rx.pattern for rx in m.regexes))
    for text in ("Wie kommt ihr dazu?", "WIE KOMMT IHR DAZU?", "Wie kommt ihr daſu?"):
        assert m.find(Document(text)) == _slow(m).find(Document(text))
    assert m.find(Document("WIE KOMMT IHR DAZU?")) and not m.find(Document("Wie geht es?"))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["ÄRGER ", "Straße ", "ΟΔΟΣ ", "Σ", "👍🏻", "Ǆ", "\n", "WIR ", "dich "]), min_size=1, max_size=12), st.integers(0, 3))
def test_a_long_text_is_lowered_piece_by_piece_exactly_as_in_one_piece(parts: list[str], shift: int) -> None:
    """`lowered_for_regex` lowers long texts in pieces (less memory); Σ, whose lower case depends on
    what follows, keeps a text in one piece."""
    from resonanz.core.analysis import patterns

    piece = "".join(parts)
    text = "x" * shift + piece * (2 * patterns._LOWER_CHUNK // len(piece) + 1)
    assert len(text) > patterns._LOWER_CHUNK
    assert lowered_for_regex(text) == text.lower()
