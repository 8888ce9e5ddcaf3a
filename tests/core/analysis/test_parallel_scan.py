"""On a long text the word lists' regexes run on two threads (issue 19: 5 MB in ≤ 3 s); the hits are
exactly those of one thread, merged in the same order, and an error in the helper thread reaches the caller."""

from __future__ import annotations

import random

import pytest
from resonanz.core.analysis import patterns
from resonanz.core.analysis.packs import load_pack
from resonanz.core.analysis.rules.base import pack_matcher
from resonanz.core.analysis.text import Document

PIECES = {
    "de": ["Kommentiere mit JA, wenn du dabei bist!", "Like für Sommer, Herz für Winter.", "Markiere einen Freund, der das sehen muss.",
           "Teilt das, wenn ihr zustimmt!", "Schreib uns in die Kommentare, was du denkst.", "Gib uns einen Daumen hoch!",
           "Was denkst du?", "Wir danken unserem Team.", "20 % Rabatt +++ nur heute +++", "Wer noch? 👇", "Mehr unter example.de."],
    "en": ["Comment YES if you agree!", "Like for summer, heart for winter.", "Tag a friend who needs this.", "Share if you agree!",
           "Drop a 🙏 below.", "Who else loves Mondays? Comment below!", "What do you think?", "We thank our volunteers.",
           "20% off +++ today only +++", "Visit example.org."],
}


def long_post(language: str, seed: int) -> str:
    rnd = random.Random(seed)
    parts, size = [], 0
    while size < patterns.PARALLEL_SCAN_FROM + 1000:
        piece = rnd.choice(PIECES[language]) + rnd.choice([" ", " ", "\n", "\n\n"])
        parts.append(piece)
        size += len(piece)
    return "".join(parts)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("seed", [1, 2])
def test_two_threads_find_exactly_what_one_thread_finds(monkeypatch, language: str, seed: int) -> None:
    pack = load_pack(language, False)
    matcher = pack_matcher(pack)
    doc = Document(long_post(language, seed), pack.abbreviations)
    assert len(doc.masked) >= patterns.PARALLEL_SCAN_FROM and len(matcher._regexes) >= 2
    parallel = matcher.find_all(doc)
    regex_keys = {key for key, _, _ in matcher._regexes}
    assert sum(len(parallel[key]) for key in regex_keys) > 100  # the regexes did find something here
    monkeypatch.setattr(patterns, "PARALLEL_SCAN_FROM", 10**12)
    assert matcher.find_all(doc) == parallel


def test_an_error_in_the_second_thread_reaches_the_caller(monkeypatch) -> None:
    pack = load_pack("de", False)
    matcher = patterns.PackMatcher({key: m_terms for key, m_terms in [("a", ("re:kommentier",)), ("b", ("re:daumen",))]})
    doc = Document(long_post("de", 3), pack.abbreviations)
    real = patterns.PackMatcher._scan_regexes

    def broken(self, doc, regexes=None, low=None):
        if regexes is not None and any(key == "b" for _, (key, _, _) in regexes):
            raise RuntimeError("scan failed")
        return real(self, doc, regexes, low)

    monkeypatch.setattr(patterns.PackMatcher, "_scan_regexes", broken)
    with pytest.raises(RuntimeError, match="scan failed"):
        matcher.find_all(doc)
