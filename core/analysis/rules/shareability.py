"""Shareability rules S1-S11: does the post give its reader something to pass on, and someone to pass it to?"""

from __future__ import annotations

from functools import lru_cache

import regex

from resonanz.core.analysis.rules.bait import bait_areas, without_bait
from resonanz.core.analysis.rules.base import Context, Outcome, capped, outside, phrase_signal
from resonanz.core.analysis.rules.dialogue import hits_without_exceptions, classify_questions, opening_end

_NUMBER = r"\d+(?:[.,]\d+)*"
# Direct speech: „…“, "…", “…”, «…», »…« with at least two words inside (a blank inside; at most one
# line break). Possessive runs keep it linear: the lazy form took minutes on a long line with an
# unclosed quote (issue 19). A straight " is both opener and closer: an opener follows no letter,
# digit or sentence mark and a closer follows no blank, so the closing mark of one quote and the
# opening mark of the next never enclose the narration between them ('… "Thanks." Then she left.
# Her mum asked "…"').
_NOQ = r"[^„“”\"«»\n]*+"
_QUOTE = regex.compile(rf"(?<![\p{{L}}\p{{N}}.,;!?])[„“\"«»]\s*[\p{{L}}\p{{N}}][^„“”\"«»\s]*+(?:\n{_NOQ}|[^\S\n]{_NOQ}(?:\n{_NOQ})?)(?<!\s)[“”\"»«]")


@lru_cache(maxsize=16)
def _concrete_pattern(units: tuple[str, ...]) -> regex.Pattern[str]:
    """Number + unit ("20 %", "5 Minuten", "3 reasons") or currency + number ("€ 49", "$5")."""
    symbols = sorted((u for u in units if not any(c.isalpha() for c in u)), key=len, reverse=True)
    words = sorted((u for u in units if any(c.isalpha() for c in u)), key=len, reverse=True)
    word_alt = "|".join(regex.escape(w[:-1]) + r"\p{L}*" if w.endswith("*") else regex.escape(w) for w in words)
    sym_alt = "|".join(regex.escape(s) for s in symbols)
    parts = []
    if words:
        parts.append(rf"(?<![\p{{L}}\p{{N}}.,]){_NUMBER}\s?(?i:{word_alt})(?![\p{{L}}])")
    if symbols:
        parts.append(rf"(?<![\p{{L}}\p{{N}}.,]){_NUMBER}\s?(?:{sym_alt})")
        parts.append(rf"(?:{sym_alt})\s?{_NUMBER}")
    return regex.compile("|".join(parts))


def concrete_hits(ctx: Context) -> list[tuple[int, int]]:
    """Numbers with units, amounts and counted lists."""

    def compute():
        pattern = _concrete_pattern(tuple(ctx.cfg("S2").get("units", [])))
        return [(m.start(), m.end()) for m in pattern.finditer(ctx.doc.masked)]

    return ctx.memo("concrete", compute)


def practical_hits(ctx: Context) -> list[tuple[int, int]]:
    """S1 phrases minus those inside an exception phrase ("save the date", "feel free")."""
    return ctx.memo("practical", lambda: hits_without_exceptions(ctx, "S1", "phrases"))


def hook_spans(ctx: Context) -> list[tuple[int, int]]:
    """Passages that give a reason to read on: genuine questions, practical value, numbers, surprise."""

    def compute():
        genuine, _ = classify_questions(ctx)
        spans = [(s.start, s.end) for s in genuine]
        spans += practical_hits(ctx) + concrete_hits(ctx) + ctx.hits("S8", "phrases")
        return sorted(spans)

    return ctx.memo("hooks", compute)


def s1_practical(ctx: Context) -> Outcome:
    """S1: tips, how-tos, checklists, savings: something the reader can use."""
    cfg = ctx.cfg("S1")
    hits = practical_hits(ctx)
    out = Outcome(count=len(hits))
    if hits:
        out.findings.append(ctx.finding("S1", "found", "good", cfg["points_first"], spans=hits[:1]))
        distinct = {ctx.doc.masked[s:e].lower() for s, e in hits}
        if len(distinct) > 1:
            out.findings.append(ctx.finding("S1", "more", "good", cfg["points_more"], spans=hits[1:], count=len(hits)))
    return out


def s2_concrete(ctx: Context) -> Outcome:
    """S2: numbers, percentages, amounts, durations, counted lists."""
    cfg = ctx.cfg("S2")
    hits = concrete_hits(ctx)
    out = Outcome(count=len(hits))
    if hits:
        points = capped(cfg["points_each"], len(hits), cfg["points_max"])
        out.findings.append(ctx.finding("S2", "found", "good", points, spans=hits, count=len(hits)))
    return out


def s3_structure(ctx: Context) -> Outcome:
    """S3: three or more list lines make a post scannable."""
    cfg = ctx.cfg("S3")
    lines = ctx.doc.list_lines
    out = Outcome(count=len(lines))
    if len(lines) >= cfg["min_lines"]:
        out.findings.append(ctx.finding("S3", "found", "good", cfg["points"], spans=lines, count=len(lines)))
    return out


def s4_pass_on(ctx: Context) -> Outcome:
    """S4: the anti-dead-end signal: someone to pass it to, and a prompt to do so ("Share if you
    agree" and "Tag a friend who …" are bait, S11, and don't count)."""
    out = _unbaited_signal(ctx, "S4")
    if not out.count and ctx.word_count() >= ctx.cfg("S10")["min_words"]:
        out.findings.append(ctx.finding("S4", "missing", "suggestion"))
    return out


def s5_beneficiary(ctx: Context) -> Outcome:
    """S5: someone other than the reader gains (people share to help others); not inside bait."""
    return _unbaited_signal(ctx, "S5")


def _unbaited_signal(ctx: Context, rule_id: str) -> Outcome:
    """A positive phrase signal whose hits inside engagement-bait sentences don't count."""
    hits = without_bait(ctx, rule_id)
    out = Outcome(count=len(hits))
    if hits:
        out.findings.append(ctx.finding(rule_id, "found", "good", ctx.cfg(rule_id)["points"], spans=hits))
    return out


def s6_emotion(ctx: Context) -> Outcome:
    """S6: high-arousal emotion raises sharing; sadness lowers it."""
    cfg = ctx.cfg("S6")
    # "We're excited to announce" is the sender's mood, not the reader's: D6 openers don't count.
    openers = ctx.hits("D6", "openers")
    high = outside(ctx.hits("S6", "high"), openers)
    low = ctx.hits("S6", "low")
    out = Outcome(count=len(high))
    if high:
        out.findings.append(ctx.finding("S6", "high", "good", cfg["points_high"], spans=high))
    elif low:
        out.findings.append(ctx.finding("S6", "low", "suggestion", cfg["points_low"], spans=low))
    return out


def s7_story(ctx: Context) -> Outcome:
    """S7: a narrative: time markers plus past tense or direct speech."""
    cfg = ctx.cfg("S7")
    markers = ctx.hits("S7", "time_markers")
    out = Outcome(count=len(markers))
    if not markers:
        return out
    past = hits_without_exceptions(ctx, "S7", "past", "past_exceptions")
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(ctx.doc.text)]
    if quotes or len(past) >= cfg["min_past_markers"]:
        out.findings.append(ctx.finding("S7", "found", "good", cfg["points"], spans=sorted(markers + quotes)))
    return out


def s8_surprise(ctx: Context) -> Outcome:
    """S8: surprise and social currency: something the reader looks good passing on."""
    return phrase_signal(ctx, "S8")


def s9_brand_only(ctx: Context) -> Outcome:
    """S9: only price, availability or product features: nothing worth passing on."""
    hits = ctx.hits("S9", "phrases")
    out = Outcome(count=len(hits))
    if len(hits) < 2:
        return out
    genuine, _ = classify_questions(ctx)
    other_value = genuine or practical_hits(ctx) or any(without_bait(ctx, r) for r in ("S4", "S5", "D4")) or any(ctx.hits(r, k) for r, k in (("S8", "phrases"), ("S7", "time_markers")))
    if not other_value:
        out.findings.append(ctx.finding("S9", "found", "warning", ctx.cfg("S9")["points"], spans=hits))
    return out


def s10_hook(ctx: Context) -> Outcome:
    """S10: the part shown before the fold gives a reason to read on."""
    cfg = ctx.cfg("S10")
    out = Outcome()
    if ctx.word_count() < cfg["min_words"]:
        return out
    end = opening_end(ctx)
    from resonanz.core.analysis.rules.dialogue import d6_self_announcement

    opener = d6_self_announcement(ctx)
    hooks = [h for h in hook_spans(ctx) if h[0] < end]
    # A link in the opening is no weak opening for passing on: posts with a link are shared more, not
    # less, in all three validation sets (docs/VALIDITY.md); D9 coaches its place for the dialogue.
    if opener.findings:
        out.findings.append(ctx.finding("S10", "weak", "warning", cfg["points_weak_opening"], spans=[opener.findings[0].spans[0]]))
    elif hooks:
        out.count = len(hooks)
        out.findings.append(ctx.finding("S10", "hook", "good", cfg["points_hook"], spans=hooks[:1]))
    else:
        out.findings.append(ctx.finding("S10", "missing", "suggestion", 0, spans=[(0, end)]))
    return out


def s11_engagement_bait(ctx: Context) -> Outcome:
    """S11: engagement bait ("Comment YES if …", "Tag a friend who …", "Share if you agree"):
    platforms demote it, so reach falls; the bait sentences earn no dialogue or pass-on points."""
    areas = bait_areas(ctx)
    out = Outcome(count=len(areas))
    if areas:
        out.findings.append(ctx.finding("S11", "found", "warning", ctx.cfg("S11")["points"], spans=areas, count=len(areas)))
    return out


RULES = {
    "S1": s1_practical,
    "S2": s2_concrete,
    "S3": s3_structure,
    "S4": s4_pass_on,
    "S5": s5_beneficiary,
    "S6": s6_emotion,
    "S7": s7_story,
    "S8": s8_surprise,
    "S9": s9_brand_only,
    "S10": s10_hook,
    "S11": s11_engagement_bait,
}
