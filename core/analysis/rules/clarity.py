"""Clarity rules C1-C5: can the reader take the post in at a glance?"""

from __future__ import annotations

from itertools import compress

from resonanz.core.analysis.patterns import compile_regex
from resonanz.core.analysis.readability import readability
from resonanz.core.analysis.rules.base import Context, Outcome


def readability_values(ctx: Context) -> dict[str, float]:
    """Readability indices of the running text (empty for a text without sentences)."""

    def compute():
        sentences = sum(1 for s in ctx.doc.sentences if s.n_words)
        return readability(ctx.doc.words.texts, sentences, ctx.language)

    return ctx.memo("readability", compute)


def c1_readability(ctx: Context) -> Outcome:
    """C1: Flesch-Amstad / Wiener Sachtextformel (de), Flesch Reading Ease / grade (en); scored from ~100 words."""
    cfg = ctx.cfg("C1")
    values = readability_values(ctx)
    out = Outcome()
    if not values:
        return out
    main = values.get("flesch_amstad", values.get("flesch_reading_ease", 0.0))
    fmt = {"value": f"{main:.0f}", "wstf": f"{values.get('wiener_sachtextformel', 0):.1f}", "grade": f"{values.get('flesch_kincaid_grade', 0):.1f}"}
    words = ctx.word_count()
    if words < cfg["min_words"]:
        out.findings.append(ctx.finding("C1", "short", "info", 0, min=cfg["min_words"], words=words, **fmt))
        return out
    if main >= ctx.per_language("C1", "good_from"):
        out.findings.append(ctx.finding("C1", "good", "good", cfg["points_good"], **fmt))
    elif main >= ctx.per_language("C1", "hard_below"):
        out.findings.append(ctx.finding("C1", "middle", "suggestion", cfg["points_middle"], **fmt))
    else:
        out.count = 1
        out.findings.append(ctx.finding("C1", "hard", "warning", cfg["points_hard"], **fmt))
    return out


def c2_long_sentences(ctx: Context) -> Outcome:
    """C2: sentences over ~20 words (configurable per language)."""
    cfg = ctx.cfg("C2")
    limit, very = ctx.per_language("C2", "max_words"), ctx.per_language("C2", "very_long_words")
    out, total = Outcome(), 0
    for s in ctx.doc.sentences:
        n = s.n_words
        if n <= limit:
            continue
        out.count += 1
        key, points = ("very_long", cfg["points_very_long"]) if n > very else ("long", cfg["points_long"])
        points = max(points, cfg["points_max"] - total)  # never beyond the cap
        total += points
        out.findings.append(ctx.finding("C2", key, "suggestion" if key == "long" else "warning", points, spans=[s.span], words=n))
    return out


def c3_nominal_style(ctx: Context) -> Outcome:
    """C3: density of nominalisations (-ung/-heit/-keit/-ion; -tion/-ment/-ness/-ity)."""
    cfg = ctx.cfg("C3")
    words = ctx.doc.words
    out = Outcome()
    if len(words) < cfg["min_words"]:
        return out
    suffixes = tuple(cfg.get("suffixes", []))
    exceptions = {e.lower() for e in cfg.get("exceptions", [])}
    need_capital = ctx.language == "de"  # German nouns are capitalised; this skips verbs like "sitzung"? no: keeps precision
    min_length = cfg["min_length"]

    def nominal(text: str) -> bool:
        low = text.lower()
        return len(text) >= min_length and low.endswith(suffixes) and low not in exceptions and (not need_capital or text[0].isupper())

    nominal_spellings = {t for t in set(words.texts) if nominal(t)}  # each spelling checked once
    hits = list(compress(zip(words.starts, words.ends), map(nominal_spellings.__contains__, words.texts)))
    out.count = len(hits)
    density = 100 * len(hits) / len(words)
    fmt = {"count": len(hits), "density": f"{density:.1f}"}
    if density >= ctx.per_language("C3", "strong_per_100_words"):
        out.findings.append(ctx.finding("C3", "found", "warning", cfg["points_strong"], spans=hits, **fmt))
    elif density >= ctx.per_language("C3", "warn_per_100_words"):
        out.findings.append(ctx.finding("C3", "found", "suggestion", cfg["points_warn"], spans=hits, **fmt))
    return out


def c4_passive(ctx: Context) -> Outcome:
    """C4: passive voice (werden + Partizip II; be + past participle)."""
    cfg = ctx.cfg("C4")
    aux_hits = ctx.hits("C4", "auxiliaries")
    part = compile_regex((cfg["participle"],))
    stop = {w.lower() for w in cfg.get("not_participle", [])}
    window = 40 if ctx.language == "de" else 3  # German puts the participle at the clause end
    out = Outcome()
    masked = ctx.doc.masked
    aux_iter = iter(aux_hits)
    a = next(aux_iter, None)
    for s in ctx.doc.sentences:
        while a is not None and a[0] < s.start:
            a = next(aux_iter, None)
        if a is None:
            break
        if a[0] >= s.end:
            continue
        after = [w for w in s.words if w.start >= a[1]][:window]
        p = next((w for w in after if w.lower not in stop and part.fullmatch(masked, w.start, w.end)), None)
        if p is None:
            continue
        out.count += 1
        points = cfg["points_each"] if out.count * cfg["points_each"] >= cfg["points_max"] else 0
        out.findings.append(ctx.finding("C4", "found", "suggestion", points, spans=[(a[0], p.end)]))
    return out


def c5_buzzwords(ctx: Context) -> Outcome:
    """C5: buzzwords and filler words."""
    cfg = ctx.cfg("C5")
    hits = ctx.hits("C5", "words")
    out = Outcome(count=len(hits))
    for i, span in enumerate(hits):
        points = cfg["points_each"] if (i + 1) * cfg["points_each"] >= cfg["points_max"] else 0
        out.findings.append(ctx.finding("C5", "found", "suggestion", points, spans=[span]))
    return out


RULES = {
    "C1": c1_readability,
    "C2": c2_long_sentences,
    "C3": c3_nominal_style,
    "C4": c4_passive,
    "C5": c5_buzzwords,
}

__all__ = ["RULES", "readability_values"]
