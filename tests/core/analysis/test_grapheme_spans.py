"""Every finding span starts and ends on a grapheme-cluster boundary (issue 19, point 10d): a span
never splits a base letter from its combining marks, an emoji ZWJ sequence or a flag."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.engine import analyze

COMBINING = st.text(st.characters(min_codepoint=0x300, max_codepoint=0x36F), min_size=1, max_size=8)
EMOJI = st.sampled_from(["👩🏽‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "👍🏿", "🇩🇪", "🇺🇸", "🇪🇺", "1️⃣", "\r\n"])
WORD = st.sampled_from(["Heute", "we", "Welt", "share", "Fragen", "#Tag", "@acme", "https://ex.com/a", "!", "?", "Z", "e"])
PIECE = st.one_of(WORD, EMOJI, st.tuples(WORD, COMBINING).map("".join), COMBINING, st.just(" "), st.just("\n"))


def boundaries(text: str) -> set[int]:
    return {0} | {m.end() for m in regex.finditer(r"\X", text)}


def bad_spans(text: str, platform: str) -> list[tuple[str, int, int]]:
    result = analyze(text, language="de", platform=platform, rules_dir=False)
    ok = boundaries(text)
    return [(f.rule, s.start, s.end) for f in result.findings for s in f.spans if s.start not in ok or s.end not in ok]


def test_p1_span_does_not_start_inside_a_combining_sequence() -> None:
    assert bad_spans("Z" + "\u0301" * 5000, "x") == []
    assert bad_spans("a" * 279 + "e\u0301\u0301 und mehr Text", "x") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECE, min_size=1, max_size=120), st.sampled_from(["x", "bluesky", "linkedin", "mastodon", "instagram"]), st.integers(0, 400))
def test_every_span_is_on_grapheme_boundaries(pieces: list[str], platform: str, pad: int) -> None:
    text = "a" * pad + " ".join(pieces)  # the padding pushes the text over short limits (X: 280, Bluesky: 300)
    assert bad_spans(text, platform) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "\r", "\u0301", "\u200d", "👩", "🏽", "🇩", "🇪", "\u0600", "क", "्", "ष", "ि", "е", "\u0903", "\ufe0f", "\u20e3", "#"]), min_size=1, max_size=60), st.integers(0, 300))
def test_windowed_lookup_finds_the_same_boundaries_as_a_scan_of_the_whole_text(chars: list[str], pad: int) -> None:
    """`Context._grapheme_bounds` segments from a nearby anchor, not from the start (issue 19, point 1)."""
    from bisect import bisect_left, bisect_right
    from types import SimpleNamespace

    from resonanz.core.analysis.rules.base import Context

    text = "x" * pad + "".join(chars)
    bounds = sorted(boundaries(text))
    ctx = Context.__new__(Context)
    ctx.doc, ctx._memo = SimpleNamespace(text=text), {}
    for i in range(1, len(text)):
        assert ctx._grapheme_bounds(i) == (bounds[bisect_right(bounds, i) - 1], bounds[bisect_left(bounds, i)])


# ------------------------------------------------------------------ the shortcut: pairs that never join
def _representatives() -> list[str]:
    """One character of every combination of the properties Unicode's cluster rules look at
    (Grapheme_Cluster_Break, Indic_Conjunct_Break, Extended_Pictographic), from all code points."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    values = {
        "gcb": ["CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator", "Prepend", "SpacingMark", "L", "V", "T", "LV", "LVT"],
        "incb": ["Consonant", "Linker", "Extend"],
        "ep": [None],
    }
    signature: dict[str, list[str]] = {}
    for key, names in values.items():
        for name in names:
            prop = r"\p{Extended_Pictographic}" if key == "ep" else rf"\p{{{'GCB' if key == 'gcb' else 'InCB'}={name}}}"
            for ch in regex.findall(f"[{prop}]", every):
                signature.setdefault(ch, []).append(f"{key}={name}")
    reps = {"": "a"}  # a character with none of them (GCB Other)
    for ch, sig in signature.items():
        reps.setdefault("|".join(sig), ch)
    return sorted(reps.values())


REPRESENTATIVES = _representatives()
CONTEXTS = ["", "a", "क्", "क\u094d\u200d", "👩\u200d", "👩\U0001F3FD\u200d", "🇩", "🇩🇪", "\u1100", "\uac00", "\r", "\u0600"]


def test_may_join_is_false_only_where_every_context_has_a_boundary() -> None:
    from resonanz.core.analysis.rules.base import may_join

    assert len(REPRESENTATIVES) >= 15  # every cluster-rule class is represented
    checked = 0
    for a in REPRESENTATIVES:
        for b in REPRESENTATIVES:
            if may_join(a, b):
                continue
            for before in CONTEXTS:
                text = before + a + b
                assert len(before) + 1 in boundaries(text), (before, a, b)
                checked += 1
    assert checked > 1000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REPRESENTATIVES + ["\u094d", "\u0915", "\U0001F3FD", "\ufe0f", "\u20e3"]), min_size=2, max_size=40))
def test_may_join_shortcut_never_hides_a_joined_pair(chars: list[str]) -> None:
    from resonanz.core.analysis.rules.base import may_join

    text = "".join(chars)
    ok = boundaries(text)
    assert all(i in ok for i in range(1, len(text)) if not may_join(text[i - 1], text[i]))
