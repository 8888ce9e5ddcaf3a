"""Properties every analysis must have, whatever the input (hypothesis)."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.engine import RULES, analyze, enough_text
from resonanz.core.analysis.model import DIMENSIONS

PLATFORMS = ["x", "linkedin", "facebook", "instagram", "mastodon", "threads", "bluesky", "newsletter"]

# Real posts mix these: emoji (ZWJ, skin tones, flags, keycaps), marks, quotes, gender forms.
_PIECES = [
    "👩🏽‍💻", "👍🏻", "🇩🇪", "1️⃣", "✅", "➡️", "🎉", "❤️", "\u200d", "\ufe0f", "„", "“", "«", "»", "’",
    "Kund:innen", "Kund*innen", "KundInnen", "@verein", "#Tipps", "https://example.de/a?b=1#x",
    "z. B.", "Dr.", "3.000", "20 %", "€ 49", "?", "!", "…", "\n", "\n\n", "• ", "- ", "1. ",
    "Wir freuen uns", "Was meinen Sie?", "jetzt kaufen", "Thanks to", "Who needs to see this?",
]
posts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet=string.ascii_letters + "äöüßÄÖÜ ", max_size=12)), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=400), posts)
common = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@common
@given(text=any_text, platform=st.sampled_from(PLATFORMS), language=st.sampled_from(["auto", "de", "en"]))
def test_analyze_never_raises_and_stays_in_bounds(text: str, platform: str, language: str) -> None:
    r = analyze(text, language=language, platform=platform, rules_dir=False)
    assert r.language in ("de", "en")
    # Either judged with four 0-100 scores, or not judged (too little text) with nothing at all.
    assert r.judged == enough_text(text)
    if not r.judged:
        assert r.judged_reason == "not_enough_text" and not r.scores and not r.findings and not r.signal_counts
        assert all(r.score(d) is None for d in DIMENSIONS) and not r.language_detected
        data = r.to_dict()
        assert data["judged"] is False and data["reason"] == "not_enough_text" and data["findings"] == []
        assert set(data["scores"].values()) == set(data["lights"].values()) == {None}
        return
    assert set(r.scores) == set(DIMENSIONS) and r.to_dict()["judged"] is True and "reason" not in r.to_dict()
    for dim in DIMENSIONS:
        score = r.scores[dim]
        assert r.score(dim) == score.value
        assert 0 <= score.value <= 100 and isinstance(score.value, int)
        assert score.light in ("red", "amber", "green")
        assert sum(c.points for c in score.breakdown) == score.value  # every point is explained
    for f in r.findings:
        assert f.rule in RULES and f.dimension in DIMENSIONS
        assert f.message  # never an empty coaching line
        for span in f.spans:
            assert 0 <= span.start <= span.end <= len(text)


@common
@given(text=any_text, platform=st.sampled_from(PLATFORMS))
def test_every_scored_point_traces_to_a_visible_finding(text: str, platform: str) -> None:
    r = analyze(text, language="auto", platform=platform, rules_dir=False)
    for dim in DIMENSIONS if r.judged else ():
        from_findings: dict[str, int] = {}
        for f in r.findings:
            if f.dimension == dim and f.points:
                from_findings[f.rule] = from_findings.get(f.rule, 0) + f.points
        breakdown = {c.rule: c.points for c in r.scores[dim].breakdown if c.rule not in ("base", "clamp")}
        assert breakdown == from_findings


@common
@given(text=any_text, platform=st.sampled_from(PLATFORMS))
def test_deterministic(text: str, platform: str) -> None:
    a = analyze(text, language="auto", platform=platform, rules_dir=False)
    b = analyze(text, language="auto", platform=platform, rules_dir=False)
    assert a.to_dict() == b.to_dict()


@common
@given(text=posts)
def test_spans_are_stable_under_a_prefix_of_astral_emoji(text: str) -> None:
    """Prepending emoji outside the BMP shifts every span by exactly the prefix's code points."""
    prefix = "👩🏽‍💻🇩🇪 "
    plain = analyze(text, language="de", platform="facebook", rules_dir=False)
    shifted = analyze(prefix + text, language="de", platform="facebook", rules_dir=False)
    quote = lambda r, t: sorted((f.rule, t[s.start : s.end]) for f in r.findings for s in f.spans if f.rule not in ("S10", "P1", "P5", "D6"))
    assert set(quote(plain, text)) <= set(quote(shifted, prefix + text)) | {(r, q) for r, q in quote(plain, text) if not q.strip()}


def test_result_is_immutable() -> None:
    r = analyze("Was meinen Sie?", language="de", rules_dir=False)
    import dataclasses

    import pytest

    with pytest.raises(dataclasses.FrozenInstanceError):
        r.language = "en"  # type: ignore[misc]
    with pytest.raises(TypeError):
        r.scores["dialogue"] = None  # type: ignore[index]
