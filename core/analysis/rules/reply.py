"""Reply rules R1-R9: does the organisation's reply to a comment keep the conversation going?

Each rule is `rule(ctx) -> ReplyOutcome`; words, weights and messages come from the `[reply]`
part of the rule packs (resources/rules/*.toml, `RulePack.reply`). Spans of a finding lie in the
reply; spans in the comment travel beside it in `ReplyOutcome.comment_spans` (same order).
docs/HEURISTICS_REPLY.md describes every rule and its sources.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from resonanz.core.analysis.model import Finding, Span
from resonanz.core.analysis.packs import RulePack
from resonanz.core.analysis.patterns import PackMatcher, matcher
from resonanz.core.analysis.rules.base import Context, cached_matcher, capped, string_lists
from resonanz.core.analysis.text import Document, Sentence

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class _NoPlatform:
    """Replies are not tied to a platform; messages never name one."""

    name: str = ""


@dataclass(slots=True)
class ReplyOutcome:
    """What one reply rule found: findings (spans in the reply), their comment spans, a count."""

    findings: list[Finding] = field(default_factory=list)
    comment_spans: list[tuple[Span, ...]] = field(default_factory=list)
    count: int = 0

    def add(self, finding: Finding, comment_spans: Sequence[tuple[int, int]] = ()) -> None:
        self.findings.append(finding)
        self.comment_spans.append(tuple(Span(s, e) for s, e in comment_spans))


class ReplyContext(Context):
    """The reply as the analysed document, with the comment (and the post) beside it."""

    def __init__(
        self,
        reply: Document,
        comment: Document,
        pack: RulePack,
        *,
        post: Document | None = None,
        previous: Sequence[str] = (),
        commenter: str | None = None,
    ) -> None:
        super().__init__(reply, pack, _NoPlatform())  # type: ignore[arg-type]
        self.comment = comment
        self.post = post
        self.previous = tuple(previous)
        self.commenter = commenter or ""

    def cfg(self, rule_id: str) -> Mapping[str, Any]:
        return self.pack.reply["rules"][rule_id]

    def hits(self, rule_id: str, list_key: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        return self._hits_in(self.doc, rule_id, list_key, start, end)

    def comment_hits(self, rule_id: str, list_key: str) -> list[tuple[int, int]]:
        """Matches of a rule's word list in the comment."""
        return self._hits_in(self.comment, rule_id, list_key)

    def _hits_in(self, doc: Document, rule_id: str, list_key: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        # one pass over the text finds every list's hits (PackMatcher), as for posts
        every = self.memo(f"_hits.{id(doc)}", lambda: reply_matcher(self.pack).find_all(doc))
        found = every.get(f"{rule_id}.{list_key}", [])
        stop = len(doc.text) if end is None else end
        return [h for h in found if start <= h[0] and h[1] <= stop]

    def finding(self, rule_id: str, message_key: str, severity: str, points: int = 0, spans=(), **values: Any) -> Finding:
        f = super().finding(rule_id, message_key, severity, points, spans, **values)
        return dataclasses.replace(f, values={k: v for k, v in f.values.items() if k != "platform"})

    def comment_quote(self, span: tuple[int, int]) -> str:
        text = " ".join(self.comment.text[span[0] : span[1]].split())
        return text if len(text) <= 70 else text[:69].rstrip() + "…"


_reply_matchers: dict[int, tuple[RulePack, PackMatcher]] = {}


def reply_matcher(pack: RulePack) -> PackMatcher:
    """One combined matcher per loaded pack over every word list of the reply rules ('R4.phrases')."""
    return cached_matcher(_reply_matchers, pack, lambda p: PackMatcher(string_lists(p.reply.get("rules", {}), keep_empty=False)))


# ------------------------------------------------------------------ shared detections
def _stems(ctx: ReplyContext, doc: Document | None) -> dict[str, list[tuple[int, int]]]:
    """Content words of a text by stem (first `stem_letters` letters), with their spans."""
    if doc is None:
        return {}
    cfg = ctx.cfg("R2")
    stop = {w.lower() for w in cfg.get("stopwords", [])}
    out: dict[str, list[tuple[int, int]]] = {}
    for w in doc.words:
        low = w.text.lower()
        if len(low) < cfg["min_letters"] or low in stop or not any(c.isalpha() for c in low):
            continue
        out.setdefault(low[: cfg["stem_letters"]], []).append((w.start, w.end))
    return out


def shared_words(ctx: ReplyContext) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(reply spans, comment spans) of content words the reply shares with the comment; words the
    comment only repeats from the post (its topic, not its point) do not count."""

    def compute():
        reply, comment = _stems(ctx, ctx.doc), _stems(ctx, ctx.comment)
        post = _stems(ctx, ctx.post)
        name = {w.lower()[: ctx.cfg("R2")["stem_letters"]] for w in _WORD.findall(ctx.commenter)}
        common = [s for s in reply if s in comment and s not in post and s not in name]
        return sorted(sp for s in common for sp in reply[s]), sorted(sp for s in common for sp in comment[s])

    return ctx.memo("shared", compute)


def comment_asks(ctx: ReplyContext) -> list[tuple[int, int]]:
    """Sentences of the comment that ask something or complain."""

    def compute():
        starts = matcher(tuple("^" + w for w in ctx.cfg("R3").get("question_words", []))).find(ctx.comment)
        asking = _starts(starts + ctx.comment_hits("R3", "complaints"))
        out = []
        for s in ctx.comment.sentences:
            if not s.n_words:
                continue
            if s.is_question or _in(asking, s):
                out.append((s.start, s.end))
        return out

    return ctx.memo("asks", compute)


def _starts(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Sorted start offsets of spans, for `_in`."""
    return sorted(a for a, _ in spans)


def _in(starts: Sequence[int], s: Sentence) -> bool:
    """True if one of the sorted `starts` lies inside the sentence (binary search)."""
    i = bisect_left(starts, s.start)
    return i < len(starts) and starts[i] < s.end


def _opens_signature(text: str, start: int, joiners: Sequence[str]) -> bool:
    """A sign-off starts the text, a line, or follows a sentence end, a comma, a dash or a joiner ("und")."""
    before = text[:start].rstrip(" \t")
    if not before or before[-1] in "\n.!?,;:–—-)" or not before[-1].isalnum():
        return True
    last = before.split()[-1].lower()
    return last in joiners


def _is_person(words: Sequence[str], not_names: set[str], endings: Sequence[str]) -> bool:
    """A signature's name, not a team or organisation ("Ihr Radnetz-Team", "Ihr TSV")."""
    if not _is_name(words, not_names):
        return False
    last = words[-1].lower()
    return not any(last.endswith(e) for e in endings) and not (len(words[-1]) >= 3 and words[-1].isupper())


def _is_name(words: Sequence[str], not_names: set[str]) -> bool:
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) and words[0] not in not_names


# ------------------------------------------------------------------ R1-R9
def r1_address(ctx: ReplyContext) -> ReplyOutcome:
    """R1: the commenter's name or @handle, or a greeting with a name; du/Sie as in the comment."""
    cfg, out = ctx.cfg("R1"), ReplyOutcome()
    text = ctx.doc.text
    not_names = set(cfg.get("not_names", []))
    named: list[tuple[int, int]] = [(m.start, m.end) for m in ctx.doc.mentions]
    for part in _WORD.findall(ctx.commenter):
        if len(part) >= 2:
            named += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.IGNORECASE)]
    greetings = ctx.hits("R1", "greetings")
    titles = {t.lower() for t in cfg.get("titles", [])}
    for gs, ge in greetings:
        m = re.match(r"[ ,]*([^\W\d_]+)\.?(?:[ ]+([^\W\d_]+)\.?)?", text[ge : ge + 60])
        if m and _is_name([m.group(1)], not_names):
            named.append((gs, ge + m.end(1)))
        elif m and m.group(1).lower() in titles and m.group(2) and _is_name([m.group(2)], not_names):
            named.append((gs, ge + m.end()))  # "Liebe Frau M.", "Hi Ms Okafor"
    out.count = len(named)
    if named:
        out.add(ctx.finding("R1", "named", "good", cfg["points_named"], spans=sorted(named)[:1]))
    elif greetings:
        out.add(ctx.finding("R1", "greeting", "suggestion", cfg["points_greeting"], spans=greetings[:1]))
    else:
        out.add(ctx.finding("R1", "none", "suggestion", cfg["points_none"]))
    informal_c, formal_c = ctx.comment_hits("R1", "informal"), ctx.comment_hits("R1", "formal")
    informal_r, formal_r = ctx.hits("R1", "informal"), ctx.hits("R1", "formal")
    names = cfg.get("register_names", {})
    if informal_c and not formal_c and formal_r and not informal_r:
        out.add(ctx.finding("R1", "register", "warning", cfg["points_register"], spans=formal_r[:1],
                            comment_register=names.get("informal", ""), reply_register=names.get("formal", "")), informal_c[:1])
    elif formal_c and not informal_c and informal_r and not formal_r:
        out.add(ctx.finding("R1", "register", "warning", cfg["points_register"], spans=informal_r[:1],
                            comment_register=names.get("formal", ""), reply_register=names.get("informal", "")), formal_c[:1])
    return out


def r2_acknowledge(ctx: ReplyContext) -> ReplyOutcome:
    """R2: the reply takes up content words of the comment, not only a stock thank-you."""
    cfg, out = ctx.cfg("R2"), ReplyOutcome()
    if not _stems(ctx, ctx.comment):
        return out  # the comment has nothing to take up ("👍", "Top!")
    in_reply, in_comment = shared_words(ctx)
    out.count = len(in_reply)
    generic = ctx.hits("R2", "generic")
    if len({ctx.doc.text[s:e].lower() for s, e in in_reply}) >= cfg["min_shared"] and in_reply:
        out.add(ctx.finding("R2", "found", "good", cfg["points_found"], spans=in_reply), in_comment)
    elif generic:
        out.add(ctx.finding("R2", "generic", "warning", cfg["points_generic"], spans=generic[:1]))
    else:
        out.add(ctx.finding("R2", "missing", "suggestion", 0))
    return out


def r3_answers(ctx: ReplyContext) -> ReplyOutcome:
    """R3: a question or complaint in the comment gets an answer-like statement; a refusal says why."""
    cfg, out = ctx.cfg("R3"), ReplyOutcome()
    asks = comment_asks(ctx)
    if not asks:
        return out
    sentences = [s for s in ctx.doc.sentences if s.n_words]
    refusals, reasons = ctx.hits("R3", "refusals"), ctx.hits("R3", "reasons")
    if refusals:
        out.count = len(refusals)
        refusal_at, reason_at = _starts(refusals), _starts(reasons)
        i = next((k for k, s in enumerate(sentences) if _in(refusal_at, s)), 0)
        near = sentences[i : i + 2]
        if any(_in(reason_at, s) for s in near):
            out.add(ctx.finding("R3", "refusal_reason", "good", cfg["points_refusal_reason"], spans=refusals[:1]))
        else:
            out.add(ctx.finding("R3", "refusal_bare", "warning", cfg["points_refusal_bare"], spans=refusals[:1]), asks[:1])
        return out
    blocked = _starts(ctx.hits("R4", "phrases") + ctx.hits("R2", "generic") + ctx.hits("R6", "phrases"))
    markers = _starts(ctx.hits("R3", "answer_markers"))
    shared = _starts(shared_words(ctx)[0])
    for s in sentences:
        if s.is_question or s.n_words < cfg["answer_min_words"] or _in(blocked, s):
            continue
        if any(c.isdigit() for c in ctx.doc.text[s.start : s.end]) or _in(markers, s) or _in(shared, s):
            out.count = 1
            out.add(ctx.finding("R3", "answered", "good", cfg["points_answered"], spans=[(s.start, s.end)]), asks[:1])
            return out
    out.add(ctx.finding("R3", "unanswered", "warning", cfg["points_unanswered"], comment_quote=ctx.comment_quote(asks[0])), asks[:1])
    return out


def r4_boilerplate(ctx: ReplyContext) -> ReplyOutcome:
    """R4: template phrases from the list, and near-copies of earlier replies (shingle Jaccard)."""
    cfg, out = ctx.cfg("R4"), ReplyOutcome()
    hits = ctx.hits("R4", "phrases")
    out.count = len(hits)
    for h in hits:
        out.add(ctx.finding("R4", "template", "warning", 0, spans=[h]))
    if hits:  # the points go to the first finding, capped (the breakdown sums per rule)
        out.findings[0] = dataclasses.replace(out.findings[0], points=capped(cfg["points_each"], len(hits), cfg["points_max"]))
    best = max((jaccard(ctx.doc.text, earlier, cfg["shingle"]) for earlier in ctx.previous), default=0.0)
    if best >= cfg["duplicate_jaccard"]:
        out.count += 1
        words = ctx.doc.words
        span = [(words[0].start, words[-1].end)] if words else []
        out.add(ctx.finding("R4", "duplicate", "warning", cfg["points_duplicate"], spans=span, similarity=round(best * 100)))
    return out


def shingles(text: str, size: int) -> set[tuple[str, ...]]:
    """The text's word n-grams (lower case); a text shorter than `size` words is one shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return set()
    k = max(1, min(size, len(words)))
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: str, b: str, size: int = 3) -> float:
    """Shared word n-grams over all word n-grams of two texts (0.0 when either has no words)."""
    sa, sb = shingles(a, size), shingles(b, size)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def r5_defensive(ctx: ReplyContext) -> ReplyOutcome:
    """R5: defensive, correcting or lecturing wording."""
    cfg, out = ctx.cfg("R5"), ReplyOutcome()
    hits = ctx.hits("R5", "phrases")
    out.count = len(hits)
    for i, h in enumerate(hits):
        points = capped(cfg["points_each"], len(hits), cfg["points_max"]) if i == 0 else 0
        out.add(ctx.finding("R5", "defensive", "warning", points, spans=[h]))
    return out


def r6_private(ctx: ReplyContext) -> ReplyOutcome:
    """R6: a move to DM/e-mail; fine when the comment involves personal data, else too early."""
    cfg, out = ctx.cfg("R6"), ReplyOutcome()
    hits = ctx.hits("R6", "phrases")
    out.count = len(hits)
    if not hits:
        return out
    personal = ctx.comment_hits("R6", "personal")
    if personal:
        out.add(ctx.finding("R6", "justified", "info", cfg["points_justified"], spans=hits[:1]), personal[:1])
    else:
        out.add(ctx.finding("R6", "too_early", "warning", cfg["points_too_early"], spans=hits[:1]))
    return out


def r7_door_open(ctx: ReplyContext) -> ReplyOutcome:
    """R7: an invitation to come back, or a question back at the end."""
    cfg, out = ctx.cfg("R7"), ReplyOutcome()
    hits = list(ctx.hits("R7", "phrases"))
    sentences = [s for s in ctx.doc.sentences if s.n_words]
    invited = _starts(hits)
    hits += [(s.start, s.end) for s in sentences if s.is_question and not _in(invited, s)]  # a question back
    out.count = len(hits)
    if hits:
        out.add(ctx.finding("R7", "found", "good", cfg["points_found"], spans=sorted(hits)[:1]))
    else:
        out.add(ctx.finding("R7", "missing", "suggestion", 0))
    return out


def r8_signature(ctx: ReplyContext) -> ReplyOutcome:
    """R8: a human name or initials at the end ("^MK", "– Anna", "Viele Grüße, Jonas")."""
    cfg, out = ctx.cfg("R8"), ReplyOutcome()
    text = ctx.doc.text
    tail = max(0, len(text.rstrip()) - cfg["tail_chars"])
    not_names = set(ctx.cfg("R1").get("not_names", []))
    found = [h for h in ctx.hits("R8", "initials") if h[0] >= tail]
    not_names |= set(cfg.get("not_names", []))
    for s, e in ctx.hits("R8", "signoffs"):
        if s < tail or not _opens_signature(text, s, cfg.get("joiners", [])):
            continue  # "Danke für Ihr Feedback": "Ihr" inside a sentence signs nothing
        rest = text[e:].strip(" ,:;.!\n\t-–—")
        words = rest.split()
        if words and _is_person([w.strip(".,!") for w in words], not_names, cfg.get("not_name_endings", [])):
            found.append((s, len(text.rstrip(" .!\n\t"))))
    out.count = len(found)
    if found:
        out.add(ctx.finding("R8", "found", "good", cfg["points_found"], spans=sorted(found)[:1]))
    else:
        out.add(ctx.finding("R8", "missing", "info", 0))
    return out


def angry(ctx: ReplyContext) -> bool:
    """The comment shouts: many "!", words in capitals, or anger words."""
    cfg, text = ctx.cfg("R9"), ctx.comment.text
    caps = sum(1 for w in ctx.comment.words if len(w.text) >= 3 and w.text.isupper() and w.text.isalpha())
    return text.count("!") >= cfg["angry_exclamations"] or caps >= cfg["angry_caps_words"] or bool(ctx.comment_hits("R9", "anger"))


def r9_length_tone(ctx: ReplyContext) -> ReplyOutcome:
    """R9: no paragraph for a one-line question; no "!" or emoji for an angry comment."""
    cfg, out = ctx.cfg("R9"), ReplyOutcome()
    words, comment_words = len(ctx.doc.words), len(ctx.comment.words)
    asks = comment_asks(ctx)
    if asks and 0 < comment_words <= cfg["short_comment_words"] and words > cfg["long_reply_words"]:
        out.count += 1
        out.add(ctx.finding("R9", "too_long", "suggestion", cfg["points_too_long"], words=words, comment_words=comment_words), asks[:1])
    if angry(ctx):
        loud = [(m.start(), m.end()) for m in re.finditer(r"!+", ctx.doc.masked)] + [(e.start, e.end) for e in ctx.doc.emoji]
        if loud:
            out.count += len(loud)
            out.add(ctx.finding("R9", "cheerful", "warning", cfg["points_cheerful"], spans=sorted(loud)))
        else:
            out.add(ctx.finding("R9", "calm", "good", cfg["points_calm"]))
    return out


#: Every reply rule in catalogue order (docs/HEURISTICS_REPLY.md).
RULES = {
    "R1": r1_address,
    "R2": r2_acknowledge,
    "R3": r3_answers,
    "R4": r4_boilerplate,
    "R5": r5_defensive,
    "R6": r6_private,
    "R7": r7_door_open,
    "R8": r8_signature,
    "R9": r9_length_tone,
}
