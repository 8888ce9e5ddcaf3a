"""Dialogue rules D1-D9: does the post talk with its readers or at them?"""

from __future__ import annotations

from itertools import compress
from operator import itemgetter

from resonanz.core.analysis.patterns import matcher
from resonanz.core.analysis.rules.bait import bait_areas, in_bait, without_bait
from resonanz.core.analysis.rules.base import Context, Outcome, capped, outside
from resonanz.core.analysis.text import Sentence


# ------------------------------------------------------------------ shared detections
def you_we(ctx: Context) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of reader address (2nd person) and of self-reference (1st person plural, brand)."""

    def compute():
        you = list(hits_without_exceptions(ctx, "D1", "you", "you_exceptions"))
        sie_word = ctx.cfg("D1").get("formal_sie", "")
        if sie_word:
            # Capitalised "Sie" mid-sentence is formal address; at a sentence start it may mean
            # "she/they", so it counts there only when the post addresses formally elsewhere.
            starts = ctx.doc.sentence_start_offsets
            # "Sie hat …", "Sie kennt …": a sentence-initial "Sie" with a third-person singular verb
            # is "she", never the formal "you" (that takes "Sie haben", "Sie kennen").
            she_verbs = {s for s, _ in ctx.hits("D1", "she_verbs")}
            words = ctx.doc.words
            w_starts, texts, n = words.starts, words.texts, len(words)
            sie = []
            # only the words spelt like sie_word are visited (found by a scan in C, not a Python loop)
            for i in compress(range(n), map(sie_word.__eq__, texts)):
                start = w_starts[i]
                if not (start in starts and i + 1 < n and w_starts[i + 1] in she_verbs and texts[i + 1][:1].islower()):
                    sie.append((start, words.ends[i]))
            mid = [sp for sp in sie if sp[0] not in starts]
            formal_elsewhere = bool(mid) or any(ctx.doc.text[s:e][:1] == "I" for s, e in you)
            you += mid + ([sp for sp in sie if sp[0] in starts] if formal_elsewhere else [])
        # "Buy your tickets now": address inside a dead-end call to action is instrumental, not dialogue.
        cta = cta_hits(ctx)
        if cta:
            cta_sentences = [(x.start, x.end) for x in ctx.sentences_with(ctx.doc.sentences, cta)]
            you = outside(you, cta_sentences)
        # "Share if you agree": address inside engagement bait is instrumental too (S11).
        you = outside(you, bait_areas(ctx))
        we = list(ctx.hits("D1", "we"))
        # "We thank our volunteers": a "we" that gives recognition turns to others, not to itself.
        thanks = ctx.hits("D5", "phrases")
        if thanks and we:
            thank_sentences = [(x.start, x.end) for x in ctx.sentences_with(ctx.doc.sentences, thanks)]
            we = outside(we, thank_sentences)
        if ctx.pack.brand_names:
            we += matcher(ctx.pack.brand_names).find(ctx.doc)
        return sorted(set(you)), sorted(set(we))

    return ctx.memo("you_we", compute)


def _question_starts(ctx: Context) -> list[tuple[int, int]]:
    """Question words that open a sentence (W-Fragen, wh-questions)."""
    return ctx.hits("D2", "question_starts")


def classify_questions(ctx: Context) -> tuple[list[Sentence], list[Sentence]]:
    """(genuine, rhetorical) question sentences."""

    def compute():
        doc, genuine, rhetorical = ctx.doc, [], []
        # each list as the set of sentence starts it occurs in: one look-up per question sentence
        within = ctx.sentence_starts_with
        formulas = within(ctx.hits("D3", "formulas"))
        pitch = within(ctx.hits("D3", "pitch"))
        # A question the next sentence answers with a call to action is a pitch ("Want to help? Join us!").
        answers = within(ctx.hits("D3", "answer_openers")) | within(cta_hits(ctx))
        loaded = within(ctx.hits("D3", "loaded"))
        fillers = frozenset(a for a, _ in ctx.hits("D3", "interjections"))
        asking = within(_question_starts(ctx)) | within(ctx.hits("D2", "either_or"))
        you, _ = you_we(ctx)
        invites = within(without_bait(ctx, "D4"))
        # "Anyone …?", "Weiß jemand …?": asked of whoever reads
        addressing = within(you) | invites | within(ctx.hits("D3", "audience"))
        sentences = [s for s in doc.sentences if s.n_words]  # hashtag-, emoji- and link-only lines don't answer

        # In a run of questions, one that turns to the reader makes the whole run a real question:
        # "Was bringt das Gesetz? Was haltet ihr davon? Wir sind gespannt." is no self-answered pitch.
        questions = [i for i, s in enumerate(sentences) if "?" in s.terminator]
        run_addressed: dict[int, bool] = {}
        k = 0
        while k < len(questions):
            m = k
            while m + 1 < len(questions) and questions[m + 1] == questions[m] + 1:
                m += 1
            run = questions[k : m + 1]
            flag = any(sentences[i].start in addressing for i in run)
            run_addressed.update(dict.fromkeys(run, flag))
            k = m + 1
        for i in questions:
            s = sentences[i]
            if in_bait(ctx, s.start):  # "Who else loves Mondays?" is bait (S11), no question
                continue
            if _quoted(doc.text, s) or "++" in doc.text[s.start : s.end] or doc.text[s.end : s.end + 6].lstrip().startswith("++"):  # quoted („Wer zahlt das?“, fragt …) or a +++ headline +++
                continue
            if s.start in loaded:  # "Kann es sein, dass …?": provocation, neither asked nor answered (D3 "loaded")
                continue
            nxt = sentences[i + 1] if i + 1 < len(sentences) else None
            # "Smiley!", "Haha.": an interjection after the question is no answer to it
            if nxt is not None and _only_fillers(nxt, fillers):
                nxt = None
            statement_follows = nxt is not None and not nxt.is_question and nxt.start not in invites
            answered = statement_follows and nxt.start in answers
            addressed = run_addressed.get(i, False)
            # "Why does this matter? Because …": asked on the reader's behalf and answered at once
            expository = statement_follows and not addressed
            if s.start in formulas or answered or expository or (s.start in pitch and statement_follows):
                rhetorical.append(s)
            elif addressed or s.start in asking:
                genuine.append(s)
        return genuine, rhetorical

    return ctx.memo("questions", compute)


_CLOSERS = frozenset("\"“”»«)]’'›‹")


def _quoted(text: str, s: Sentence) -> bool:
    """The question mark sits inside quotation marks or brackets: a quoted or headline question."""
    end = s.end
    while end > s.start and text[end - 1].isspace():
        end -= 1
    q = text.rfind("?", s.start, end)
    return q >= 0 and text[q + 1 : q + 2] in _CLOSERS


def _only_fillers(s: Sentence, fillers: frozenset[int]) -> bool:
    """Every word of the sentence is an interjection ("Haha!", "Smiley."); `fillers`: their starts."""
    if not fillers or not s.n_words:
        return False
    return all(w.start in fillers for w in s.words)


def cta_hits(ctx: Context) -> list[tuple[int, int]]:
    """Every call to act (D8 dead ends and mobilising calls): the reader is told what to do."""
    return ctx.memo("cta", lambda: sorted(set(ctx.hits("D8", "phrases") + ctx.hits("D8", "mobilise"))))


def loaded_questions(ctx: Context) -> list[Sentence]:
    """Question sentences with a marker of a loaded question ("Kann es sein, dass …?", "Since when …?")."""

    def compute():
        loaded = ctx.hits("D3", "loaded")
        if not loaded:
            return []
        return [s for s in ctx.doc.sentences if s.is_question and s.n_words and ctx.sentence_has(s, loaded) and not _quoted(ctx.doc.text, s)]

    return ctx.memo("loaded_questions", compute)


def fold(ctx: Context) -> int | None:
    """Where the platform folds this post ("…mehr"), or None; computed once per analysis."""
    from resonanz.core.analysis.platforms import fold_offset

    return ctx.memo("fold", lambda: fold_offset(ctx.doc.text, ctx.platform))


def opening_end(ctx: Context) -> int:
    """Where the visible opening ends: the platform's fold, or the rule pack's opening length."""

    def compute():
        fold_at = fold(ctx)
        if fold_at is not None:
            return fold_at
        if ctx.platform.fold or ctx.platform.fold_lines:
            return len(ctx.doc.text)  # the whole post is visible before the fold
        return min(len(ctx.doc.text), int(ctx.cfg("S10")["opening_chars"]))

    return ctx.memo("opening_end", compute)


# ------------------------------------------------------------------ rules
def d1_address(ctx: Context) -> Outcome:
    """D1: reader address vs self-reference, as the share you/(you+we)."""
    cfg = ctx.cfg("D1")
    you, we = you_we(ctx)
    out = Outcome(count=len(you))
    if ctx.word_count() < cfg["min_words"]:
        out.findings.append(ctx.finding("D1", "short", "info"))
        return out
    total = len(you) + len(we)
    vals = {"you": len(you), "we": len(we)}
    if total == 0:
        out.findings.append(ctx.finding("D1", "none", "suggestion", cfg["points_none"], **vals))
    elif total < cfg["min_pronouns"]:
        # one pronoun is too little to judge a ratio: say what we saw, score nothing
        key = "dialogic" if you else "monologue"
        out.findings.append(ctx.finding("D1", key, "info", 0, spans=you or we, **vals))
    else:
        ratio = len(you) / total
        if ratio >= cfg["dialogic_from"]:
            out.findings.append(ctx.finding("D1", "dialogic", "good", cfg["points_dialogic"], spans=you, **vals))
        elif ratio >= cfg["monologue_below"]:
            out.findings.append(ctx.finding("D1", "balanced", "info", cfg["points_balanced"], spans=you, **vals))
        else:
            out.findings.append(ctx.finding("D1", "monologue", "warning", cfg["points_monologue"], spans=we, **vals))
    return out


def d2_open_question(ctx: Context) -> Outcome:
    """D2: a genuine open question to the audience, strongest at the end."""
    cfg = ctx.cfg("D2")
    genuine, rhetorical = classify_questions(ctx)
    out = Outcome(count=len(genuine))
    if genuine:
        out.findings.append(ctx.finding("D2", "found", "good", cfg["points_first"], spans=[(s.start, s.end) for s in genuine]))
        last_with_words = next((s for s in reversed(ctx.doc.sentences) if s.n_words and not _only_tags(ctx, s)), None)
        if last_with_words is not None and last_with_words in genuine and cfg["points_at_end"]:
            out.findings.append(ctx.finding("D2", "at_end", "good", cfg["points_at_end"], spans=[last_with_words.span]))
    elif not rhetorical and not without_bait(ctx, "D4") and ctx.word_count() >= cfg["min_words_hint"]:
        out.findings.append(ctx.finding("D2", "missing", "suggestion"))
    return out


def _only_tags(ctx: Context, s: Sentence) -> bool:
    """A line that holds nothing but hashtags (its words are all hashtag words)."""
    return not s.n_words  # hashtag words are not running words


def d3_rhetorical(ctx: Context) -> Outcome:
    """D3: rhetorical or self-answered questions close the conversation they pretend to open."""
    cfg = ctx.cfg("D3")
    _, rhetorical = classify_questions(ctx)
    out = Outcome(count=len(rhetorical))
    for i, s in enumerate(rhetorical):
        points = cfg["points_each"] if (i + 1) * cfg["points_each"] >= cfg["points_max"] else 0
        out.findings.append(ctx.finding("D3", "found", "warning", points, spans=[s.span]))
    # A loaded question draws comments, but as an argument: no dialogue points, no penalty, a hint.
    loaded = [s for s in loaded_questions(ctx) if not in_bait(ctx, s.start)]
    if loaded:
        out.findings.append(ctx.finding("D3", "loaded", "suggestion", 0, spans=[s.span for s in loaded]))
    return out


def d4_invitation(ctx: Context) -> Outcome:
    """D4: an explicit invitation to reply ("Comment below if you agree" is bait, S11, and doesn't count)."""
    hits = without_bait(ctx, "D4")
    out = Outcome(count=len(hits))
    if hits:
        out.findings.append(ctx.finding("D4", "found", "good", ctx.cfg("D4")["points"], spans=hits))
    return out


def d5_recognition(ctx: Context) -> Outcome:
    """D5: thanks, congratulations and @-mentions (Lovejoy & Saxton's Community)."""
    cfg = ctx.cfg("D5")
    # "our award-winning team" praises the sender: recognition words inside ad-speak don't count
    hype = hits_without_exceptions(ctx, "D7")
    thanks = sorted(outside(ctx.hits("D5", "phrases"), hype))
    # "Happy Easter!", "Schönes Wochenende!": friendly, but greetings draw likes, not replies (docs/VALIDITY.md)
    greetings = sorted(outside(ctx.hits("D5", "greetings"), hype))
    # "Tag a friend who …  @anna": a mention inside engagement bait recognises nobody
    mentions = outside([(m.start, m.end) for m in ctx.doc.mentions], bait_areas(ctx))
    people, past = ctx.hits("D5", "community"), ctx.hits("D5", "community_past")
    # people who took part, and a past marker, in the same or the neighbouring sentence; a question
    # about them ("Were all of you at the cleanup?") asks, it recognises nobody. The moment marks the
    # people it names, not its whole sentence.
    sents = ctx.doc.sentences
    moments = [
        [h for h in people if s.start <= h[0] < s.end]
        for i, s in enumerate(sents)
        if not s.is_question and ctx.sentence_has(s, people) and any(ctx.sentence_has(t, past) for t in sents[max(0, i - 1) : i + 2])
    ]
    out = Outcome(count=len(thanks) + len(mentions) + len(moments))
    if greetings and not (thanks or mentions or moments):
        out.findings.append(ctx.finding("D5", "greeting", "info", cfg.get("points_greeting", 0), spans=greetings))
        return out
    thanks = sorted(thanks + greetings)
    if thanks or mentions or moments:
        points = (cfg["points_thanks"] if thanks else 0) + (cfg["points_community"] if moments else 0)
        points += cfg["points_per_mention"] * len(mentions)
        spans = sorted(set(thanks + mentions + (moments[0] if moments else [])))
        count = len(thanks) + len(mentions) + (1 if moments else 0)
        out.findings.append(ctx.finding("D5", "found", "good", min(points, cfg["points_max"]), spans=spans, count=count))
    return out


def d6_self_announcement(ctx: Context) -> Outcome:
    """D6: the first sentence announces the organisation instead of addressing the reader."""
    first = next((s for s in ctx.doc.sentences if s.n_words), None)
    out = Outcome()
    if first is None:
        return out
    hits = ctx.hits("D6", "openers", first.start, first.end)
    if not hits and ctx.pack.brand_names:
        brand = matcher(ctx.pack.brand_names).find(ctx.doc, first.start, first.end)
        hits = [b for b in brand if b[0] == first.words[0].start]
    if hits:
        out.count = len(hits)
        out.findings.append(ctx.finding("D6", "found", "warning", ctx.cfg("D6")["points"], spans=[first.span]))
    return out


def hits_without_exceptions(ctx: Context, rule_id: str, list_key: str = "words", exceptions_key: str = "exceptions") -> list[tuple[int, int]]:
    """Word-list hits minus those inside the rule's exception phrases (e.g. 'Reiseführer', 'leading to')."""
    hits = ctx.hits(rule_id, list_key)
    exceptions = ctx.hits(rule_id, exceptions_key)
    if not exceptions:
        return hits
    return outside(hits, exceptions)


def d7_ad_speak(ctx: Context) -> Outcome:
    """D7: hype and superlatives per 100 words."""
    cfg = ctx.cfg("D7")
    hits = hits_without_exceptions(ctx, "D7")
    out = Outcome(count=len(hits))
    if hits:
        density = 100 * len(hits) / max(ctx.word_count(), 1)
        severity = "warning" if density >= cfg["warning_per_100_words"] else "suggestion"
        points = capped(cfg["points_each"], len(hits), cfg["points_max"])
        out.findings.append(ctx.finding("D7", "found", severity, points, spans=hits, count=len(hits), density=f"{density:.1f}"))
    return out


def d8_dead_end_cta(ctx: Context) -> Outcome:
    """D8: a buy/click call to action that is the post's only call."""
    dead = ctx.hits("D8", "phrases")
    calls = cta_hits(ctx)
    out = Outcome(count=len(dead))
    if not calls:
        return out
    genuine, _ = classify_questions(ctx)
    if genuine or without_bait(ctx, "D4") or without_bait(ctx, "S4"):
        out.findings.append(ctx.finding("D8", "balanced", "info", 0, spans=calls))
    elif dead:
        # buy, book, click, read, watch: the reader leaves, and nothing comes back to the page
        out.findings.append(ctx.finding("D8", "dead_end", "warning", ctx.cfg("D8")["points"], spans=dead))
    else:
        # come, vote, sign, volunteer, donate: a call that moves people is no dead end; it just asks nothing
        out.findings.append(ctx.finding("D8", "mobilise", "info", 0, spans=calls))
    return out


def d10_live(ctx: Context) -> Outcome:
    """D10: a live broadcast, chat or Q&A: readers can comment and be answered in real time."""
    hits = without_bait(ctx, "D10")
    out = Outcome(count=len(hits))
    if hits:
        out.findings.append(ctx.finding("D10", "found", "good", ctx.cfg("D10")["points"], spans=hits[:3]))
    return out


def d9_link_only(ctx: Context) -> Outcome:
    """D9: a link with little own content, or a link before the fold."""
    cfg = ctx.cfg("D9")
    urls = ctx.doc.urls
    out = Outcome(count=len(urls))
    if not urls:
        return out
    own = ctx.word_count()
    if own < cfg["min_own_words"]:
        out.findings.append(ctx.finding("D9", "link_only", "warning", cfg["points_link_only"], spans=urls, words=own))
    elif own < cfg["pointer_words"]:
        out.findings.append(ctx.finding("D9", "pointer", "suggestion", cfg["points_pointer"], spans=urls, words=own))
    elif urls[0].start < opening_end(ctx) and urls[0].start < len(ctx.doc.text) // 2:
        out.findings.append(ctx.finding("D9", "link_first", "suggestion", cfg["points_link_first"], spans=[urls[0]]))
    return out


RULES = {
    "D1": d1_address,
    "D2": d2_open_question,
    "D3": d3_rhetorical,
    "D4": d4_invitation,
    "D5": d5_recognition,
    "D6": d6_self_announcement,
    "D7": d7_ad_speak,
    "D8": d8_dead_end_cta,
    "D9": d9_link_only,
    "D10": d10_live,
}

__all__ = ["RULES", "classify_questions", "cta_hits", "loaded_questions", "fold", "hits_without_exceptions", "opening_end", "you_we"]
