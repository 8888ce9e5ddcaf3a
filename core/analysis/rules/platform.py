"""Platform-fit rules P1-P6: does the post fit where it will be published?"""

from __future__ import annotations

from resonanz.core.analysis.platforms import count_characters
from resonanz.core.analysis.rules.base import Context, Outcome, capped
from resonanz.core.analysis.rules.dialogue import fold as fold_of
from resonanz.core.analysis.rules.shareability import hook_spans


def platform_count(ctx: Context) -> int:
    """Characters as the platform counts them."""
    return ctx.memo("platform_count", lambda: count_characters(ctx.doc.text, ctx.platform))


def overflow_offset(ctx: Context) -> int:
    """First str offset whose character takes the post over the platform's limit."""
    text, limit = ctx.doc.text, ctx.platform.limit
    # No tighter upper bound: a ZWJ/VS16 emoji sequence has more code points than it counts
    # (👩🏽‍💻 is 4 code points, 2 on X, 1 grapheme on Bluesky), so the cut can lie past limit + 1.
    lo, hi = 0, len(text)
    while lo < hi:  # smallest prefix length whose count exceeds the limit
        mid = (lo + hi) // 2
        if count_characters(text[:mid], ctx.platform) > limit:
            hi = mid
        else:
            lo = mid + 1
    return max(lo - 1, 0)


def p1_limit(ctx: Context) -> Outcome:
    """P1: over the platform's limit (error) or close to it."""
    cfg, limit = ctx.cfg("P1"), ctx.platform.limit
    out = Outcome()
    if not limit:
        return out
    chars = platform_count(ctx)
    vals = {"chars": chars, "limit": limit, "over": chars - limit}
    if chars > limit:
        out.count = 1
        cut = overflow_offset(ctx)
        points = _points_over(ctx)
        out.findings.append(ctx.finding("P1", "over", "error", points, spans=[(cut, len(ctx.doc.text))], quote="", **vals))
    elif chars >= cfg["close_from"] * limit:
        out.findings.append(ctx.finding("P1", "close", "info", cfg["points_close"], **vals))
    return out


def _points_over(ctx: Context) -> int:
    """P1's points for a post over the limit: `points_over`, or more, so that platform fit ends at
    `max_score_over` at most, and always below `red_below`: a post that can't be published is red,
    however well the rest fits. The other platform-fit rules are asked for their points first."""
    cfg, scoring = ctx.cfg("P1"), ctx.pack.scoring
    ceiling = min(int(cfg.get("max_score_over", scoring["red_below"] - 1)), int(scoring["red_below"]) - 1)
    others = sum(
        f.points
        for rule_id, rule in RULES.items()
        if rule_id != "P1" and ctx.pack.enabled(rule_id) and ctx.cfg(rule_id)["dimension"] == "platform_fit"
        for f in rule(ctx).findings
    )
    return min(int(cfg["points_over"]), ceiling - int(scoring["base"]["platform_fit"]) - others)


def p2_fold(ctx: Context) -> Outcome:
    """P2: the post's hook only appears after the platform's fold."""
    out = Outcome()
    fold = fold_of(ctx)
    if fold is None:
        return out
    hooks = hook_spans(ctx)
    if hooks and hooks[0][0] >= fold:
        out.count = 1
        out.findings.append(ctx.finding("P2", "hook_after_fold", "warning", ctx.cfg("P2")["points"], spans=[hooks[0]], fold=fold))
    return out


def p3_hashtags(ctx: Context) -> Outcome:
    """P3: hashtag count against the platform's range, a block at the end, CamelCase where it matters."""
    cfg, prof = ctx.cfg("P3"), ctx.platform
    tags = ctx.doc.hashtags
    out = Outcome(count=len(tags))
    spans = [(t.start, t.end) for t in tags]
    vals = {"count": len(tags), "max": prof.hashtags_max}
    if len(tags) > prof.hashtags_max:
        points = capped(cfg["points_per_extra"], len(tags) - prof.hashtags_max, cfg["points_max"])
        out.findings.append(ctx.finding("P3", "too_many", "warning", points, spans=spans[prof.hashtags_max :], **vals))
    elif len(tags) < prof.hashtags_min:
        out.findings.append(ctx.finding("P3", "too_few", "info", 0, **vals))
    if len(tags) >= cfg["block_min"]:
        tail = ctx.doc.text[tags[-cfg["block_min"]].start :]
        rest = tail
        for t in tags[-cfg["block_min"] :]:
            rest = rest.replace(ctx.doc.text[t.start : t.end], "", 1)
        if not any(ch.isalnum() for ch in rest):
            out.findings.append(ctx.finding("P3", "block", "suggestion", 0, spans=spans[-cfg["block_min"] :], **vals))
    if prof.camelcase_hashtags:
        flat = [s for s in spans if ctx.doc.text[s[0] + 1 : s[1]].islower() and s[1] - s[0] > 8]
        for i, span in enumerate(flat):
            points = cfg["points_camelcase"] if i < 3 else 0
            out.findings.append(ctx.finding("P3", "camelcase", "suggestion", points, spans=[span]))
    return out


def p4_links(ctx: Context) -> Outcome:
    """P4: a link in the body where the platform penalises links or does not make them clickable."""
    urls = ctx.doc.urls
    out = Outcome(count=len(urls))
    if urls and ctx.platform.links_penalised:
        out.findings.append(ctx.finding("P4", "found", "warning", ctx.cfg("P4")["points"], spans=urls))
    return out


def p5_emoji(ctx: Context) -> Outcome:
    """P5: emoji density above the platform's norm."""
    cfg = ctx.cfg("P5")
    emoji = ctx.doc.emoji
    out = Outcome(count=len(emoji))
    density = 100 * len(emoji) / max(ctx.word_count(), 1)
    if len(emoji) >= cfg["min_emoji"] and density > ctx.platform.emoji_per_100_words_max:
        out.findings.append(ctx.finding("P5", "found", "warning", cfg["points"], spans=emoji, count=len(emoji), density=f"{density:.0f}"))
    return out


def p6_mentions(ctx: Context) -> Outcome:
    """P6: @-mentions invite partners into the conversation."""
    cfg = ctx.cfg("P6")
    mentions = ctx.doc.mentions
    out = Outcome(count=len(mentions))
    if mentions:
        points = capped(cfg["points_per_mention"], len(mentions), cfg["points_max"])
        out.findings.append(ctx.finding("P6", "found", "good", points, spans=mentions, count=len(mentions)))
    return out


RULES = {
    "P1": p1_limit,
    "P2": p2_fold,
    "P3": p3_hashtags,
    "P4": p4_links,
    "P5": p5_emoji,
    "P6": p6_mentions,
}
