"""Engagement bait: sentences that ask for a reaction for its own sake (shared detection for S11).

"Comment YES if …", "Tag a friend who …", "Share if you agree", "Like for A, comment for B",
"Who else …? Drop a ☕ below!". Facebook demotes such posts (vote, react, share, tag and comment
baiting) and LinkedIn says the same of posts that ask for likes, comments or shares to game reach.
A question, invitation, pass-on prompt, beneficiary, "you" or @-mention inside a bait sentence is
instrumental, not dialogue: the dialogue and shareability rules drop them via `without_bait`.

The words are data ([rules.S11] in resources/rules/de.toml and en.toml); this module only combines
them. Every step is a pass over sorted hit lists with binary searches: linear-logarithmic in the
length of the post.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from resonanz.core.analysis.rules.base import Context, outside

_LOOK_BACK = 64  # characters looked at before a verb to decide whether it opens a clause
_OPENERS = set(",;:–—-(/|…!?\"'„“”‚‘’«»›‹")  # punctuation after which a clause starts


def bait_areas(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the sentences that are engagement bait, sorted and without repeats."""
    return ctx.memo("bait_areas", lambda: _sentences_of(ctx, _bait_hits(ctx)))


def without_bait(ctx: Context, rule_id: str, list_key: str = "phrases") -> list[tuple[int, int]]:
    """A rule's word-list hits minus those that start inside a bait sentence."""
    return ctx.memo(f"nobait:{rule_id}.{list_key}", lambda: outside(ctx.hits(rule_id, list_key), bait_areas(ctx)))


def in_bait(ctx: Context, start: int) -> bool:
    """True if the offset lies inside a bait sentence."""
    areas = bait_areas(ctx)
    starts = ctx.memo("bait_starts", lambda: [a for a, _ in areas])
    i = bisect_right(starts, start) - 1
    return i >= 0 and start < areas[i][1]


# ------------------------------------------------------------------------ the detection
def _bait_hits(ctx: Context) -> list[tuple[int, int]]:
    if not ctx.pack.enabled("S11") or "S11" not in ctx.pack.rules:
        return []
    cfg = ctx.cfg("S11")
    leads = {w.lower() for w in cfg.get("leads", [])}
    found = list(ctx.hits("S11", "phrases"))
    # a verb of reacting at a clause start, its exceptions removed ("tag us", "share your story")
    verbs = [v for v in outside(ctx.hits("S11", "verbs"), ctx.hits("S11", "verb_exceptions")) if _clause_start(ctx, v[0], leads)]
    # … followed by a condition or reward within a few words: "Share if", "Like this post if", "Teilt das, wenn"
    conditions = outside(ctx.hits("S11", "conditions"), ctx.hits("S11", "condition_exceptions"))
    found += _followed(ctx, verbs, conditions, int(cfg.get("max_gap_words", 3)))
    # "Comment YES", "Type AMEN", "Schreib JA", "Drop a 🙏": a keyword or emoji as the reply
    found += [k for k in ctx.hits("S11", "keyword_replies") if _clause_start(ctx, k[0], leads)]
    found += _who_else(ctx)
    found += _vote_options(ctx)
    return sorted(set(found))


def _clause_start(ctx: Context, pos: int, leads: set[str]) -> bool:
    """True if `pos` opens a sentence or clause (an imperative), or follows a lead word ("please", "bitte")."""
    doc = ctx.doc
    s = doc.sentence_at(pos)
    if s is None:  # before a sentence's first word ("❤️ for …" at the start of a line)
        return True
    lo = max(s.start, pos - _LOOK_BACK)
    raw = doc.masked[lo:pos]
    if raw[-1:] in ("-", "/", "'", "’"):  # "Sonntags-Tipp": a compound, not a new clause
        return False
    before = raw.rstrip()
    if not before:
        return True
    if not before[-1].isalnum():  # punctuation that opens a clause, or an emoji ("👉 Share if …")
        return before[-1] in _OPENERS or ord(before[-1]) > 0x2000
    i = doc.word_index_at(pos) - 1
    return i >= 0 and doc.lowered[doc.all_words.texts[i]] in leads


def _followed(ctx: Context, first: list[tuple[int, int]], then: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Spans from a `first` hit to the next `then` hit in the same sentence, at most `gap` words apart."""
    doc = ctx.doc
    starts = [t[0] for t in then]
    out = []
    for a, b in first:
        j = bisect_left(starts, b)
        if j == len(then):
            continue
        c, d = then[j]
        s = doc.sentence_at(a)
        if s is None or c >= s.end:
            continue
        if doc.word_index_at(c) - doc.word_index_at(b) <= gap:
            out.append((a, d))
    return out


def _indexed_sentences(ctx: Context):
    """Sentences with words, and their start offsets (for binary search)."""

    def compute():
        sents = [s for s in ctx.doc.sentences if s.n_words]
        return sents, [s.start for s in sents]

    return ctx.memo("bait_sentences", compute)


def _sentence_index(ctx: Context, pos: int) -> int:
    """Index of the sentence holding `pos`, -1 if none does."""
    sents, starts = _indexed_sentences(ctx)
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < sents[i].end else -1


def _sentence_from(ctx: Context, pos: int) -> int:
    """Index of the sentence holding `pos`, else of the next one (an emoji before a sentence's first word)."""
    i = _sentence_index(ctx, pos)
    return i if i >= 0 else bisect_left(_indexed_sentences(ctx)[1], pos)


def _who_else(ctx: Context) -> list[tuple[int, int]]:
    """ "Who else …?" / "Wer noch …?" answered by a call to comment in the same or the next sentence."""
    asks = ctx.hits("S11", "who_else")
    if not asks:
        return []
    follows = ctx.hits("S11", "who_else_follow")
    sents, _ = _indexed_sentences(ctx)
    out = []
    for a, _b in asks:
        i = _sentence_index(ctx, a)
        if i < 0 or not sents[i].is_question:
            continue
        for k in (i, i + 1):
            if k < len(sents) and ctx.sentence_has(sents[k], follows):
                out.append((sents[i].start, sents[k].end))
                break
    return out


def _vote_options(ctx: Context) -> list[tuple[int, int]]:
    """Reactions as ballot papers: "Like for A, comment for B", "❤️ für Sommer, 👍 für Winter":
    two options (a reaction word or a reaction emoji, then "for"/"für"/"=") at clause starts in the
    same or neighbouring sentences."""
    options = [o for o in ctx.hits("S11", "vote_options") if _clause_start(ctx, o[0], set())]
    if len(options) < 2:
        return []
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for o in options:
        by_sentence.setdefault(_sentence_from(ctx, o[0]), []).append(o)
    out = []
    for i, opts in by_sentence.items():
        if sum(len(by_sentence.get(k, ())) for k in (i - 1, i, i + 1)) >= 2:
            out += opts
    return out


def _sentences_of(ctx: Context, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences the hits touch (a hit may run over two: "Gefällt's dir? Dann like!")."""
    sents, _ = _indexed_sentences(ctx)
    areas: list[tuple[int, int]] = []
    for a, b in hits:
        i, n = _sentence_from(ctx, a), len(areas)
        while i < len(sents) and sents[i].start < b:  # from the hit on: "❤️ for A" keeps its emoji
            areas.append((min(sents[i].start, a) if len(areas) == n else sents[i].start, sents[i].end))
            i += 1
        if len(areas) == n:  # in no sentence with words: the passage itself
            areas.append((a, b))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(areas):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


__all__ = ["bait_areas", "in_bait", "without_bait"]
