"""What every rule gets: the parsed post, its rule pack and platform, and shared detections.

Rules are small functions `rule(ctx) -> Outcome`. Words, weights and messages come from the
rule pack (resources/rules/*.toml); the functions hold only the mechanism.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import itemgetter, lt
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

import regex

from resonanz.core.analysis.model import Finding, Span, make_span
from resonanz.core.analysis.packs import RulePack
from resonanz.core.analysis.patterns import PackMatcher, matcher, terms
from resonanz.core.analysis.platforms import PlatformProfile
from resonanz.core.analysis.text import Document, Sentence
from resonanz.core.plural import countable

QUOTE_MAX = 70
_FIRST, _MINUS_ONE = itemgetter(0), (-1).__add__
_GRAPHEME = regex.compile(r"\X")
_ANCHOR_REACH = 256  # how far back to look for a safe anchor before scanning all the text once
# Unicode's cluster rules (UAX #29 GB3-GB13) keep two characters together only when the first is
# CR, Prepend, ZWJ, a regional indicator or a Hangul jamo/syllable, or the second is Extend, ZWJ,
# SpacingMark, a regional indicator or an Indic conjunct consonant (GB9c). Any other pair is a
# boundary ("🎉." or " 🎉"): no segmentation needed. tests/core/analysis/test_grapheme_spans.py checks it.
JOINS_NEXT = regex.compile(r"[\r\p{GCB=Prepend}\p{GCB=ZWJ}\p{GCB=Regional_Indicator}\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}]")
JOINS_PREVIOUS = regex.compile(r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Regional_Indicator}\p{InCB=Consonant}]")


# each character's two answers, remembered (a long draft asks about the same few characters
# 100,000 times); bounded, so a text of many different characters cannot grow them without end
_JOINS_NEXT_SEEN: dict[str, bool] = {}
_JOINS_PREVIOUS_SEEN: dict[str, bool] = {}
_SEEN_MAX = 4096


def may_join(a: str, b: str) -> bool:
    """Whether Unicode may keep characters `a` and `b` in one grapheme cluster (False: a sure boundary)."""
    joins = _JOINS_NEXT_SEEN.get(a)
    if joins is None:
        joins = _remember(_JOINS_NEXT_SEEN, a, JOINS_NEXT.match(a) is not None)
    if joins:
        return True
    joins = _JOINS_PREVIOUS_SEEN.get(b)
    if joins is None:
        joins = _remember(_JOINS_PREVIOUS_SEEN, b, JOINS_PREVIOUS.match(b) is not None)
    return joins


def _remember(seen: dict[str, bool], char: str, answer: bool) -> bool:
    if len(seen) < _SEEN_MAX:
        seen[char] = answer
    return answer


def _anchor(text: str, i: int) -> int | None:
    """A grapheme boundary at or before i after which no cluster reaches back: a position right
    after an ASCII character where a cluster break is (no combining mark or other extender follows,
    no CR LF). Clusters join across a position only through non-ASCII characters (Extend, ZWJ,
    SpacingMark, Prepend, regional indicators, pictographs), and CR LF, so segmenting from such an
    anchor gives the same boundaries as segmenting from the start. None if there is none near."""
    for j in range(i, max(0, i - _ANCHOR_REACH) - 1, -1):
        if j == 0:
            return 0
        if text[j - 1] < "\x80" and (j == len(text) or _GRAPHEME.match(text, j - 1, j + 1).end() == j):
            return j
    return None


@dataclass(slots=True)
class Outcome:
    """What one rule found: its findings (with points) and how often its signal occurred."""

    findings: list[Finding] = field(default_factory=list)
    count: int = 0


class Context:
    """Per-analysis state shared by all rules; detections other rules reuse are memoised."""

    def __init__(self, doc: Document, pack: RulePack, platform: PlatformProfile) -> None:
        self.doc = doc
        self.pack = pack
        self.language = pack.language
        self.platform = platform
        self._memo: dict[str, Any] = {}
        self._lists: dict[tuple[str, int], tuple[list, Any]] = {}  # see _per_list

    # -- data access -------------------------------------------------------------------
    def cfg(self, rule_id: str) -> Mapping[str, Any]:
        """Merged settings of a rule."""
        return self.pack.rules[rule_id]

    def per_language(self, rule_id: str, key: str) -> Any:
        """A setting that may be a {de:…, en:…} table or one value for both."""
        value = self.cfg(rule_id)[key]
        return value[self.language] if isinstance(value, Mapping) else value

    def hits(self, rule_id: str, list_key: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Matches of a rule's word list (URLs and handles are blanked), optionally within [start, end)."""
        all_hits = self._memo.get("_all_hits")
        if all_hits is None:
            all_hits = self._memo["_all_hits"] = pack_matcher(self.pack).find_all(self.doc)
        key = f"{rule_id}.{list_key}"
        if key not in all_hits:  # a list this language's pack doesn't define (e.g. S7.past_exceptions in de)
            values = terms(self.cfg(rule_id).get(list_key))
            all_hits[key] = matcher(values).find(self.doc) if values else []
        found = all_hits[key]
        if start == 0 and end is None:
            return found
        stop = len(self.doc.text) if end is None else end
        return [h for h in found if start <= h[0] and h[1] <= stop]

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a shared detection once per analysis."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # -- building findings -----------------------------------------------------------------
    def quote(self, span: Span | tuple[int, int]) -> str:
        """The passage of a span, shortened for a message and kept on one line."""
        s, e = (span.start, span.end) if isinstance(span, Span) else span
        text = " ".join(self.doc.text[s:e].split())
        return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1].rstrip() + "…"

    def finding(
        self,
        rule_id: str,
        message_key: str,
        severity: str,
        points: int = 0,
        spans: Sequence[Span | tuple[int, int]] = (),
        **values: Any,
    ) -> Finding:
        """A finding with the rule's message, suggestion, why and source filled in."""
        cfg = self.cfg(rule_id)
        text = cfg["messages"][message_key]
        span_objs = self._on_graphemes_all(spans)
        if "quote" not in values and span_objs:
            values["quote"] = self.quote(span_objs[0])
        values.setdefault("platform", self.platform.name)
        return Finding(
            rule=rule_id,
            dimension=cfg["dimension"],
            severity=severity,
            message=_fill(text["message"], values),
            suggestion=_fill(text.get("suggestion", ""), values),
            why=cfg.get("why", ""),
            source=cfg.get("source", ""),
            spans=span_objs,
            points=int(points),
            kind=message_key,
            values=dict(values),
        )

    def _on_graphemes_all(self, spans: Sequence[Span | tuple[int, int]]) -> tuple[Span, ...]:
        """`_on_graphemes` of every span (one loop: a finding on a long text may have 100,000 spans)."""
        text, out, bounds = self.doc.text, [], self._grapheme_bounds
        n = len(text)
        for sp in spans:
            start, end = sp
            # as in _on_graphemes: ASCII on both sides (not CR LF) is a boundary, so is a pair that never joins
            if 0 < start < n:
                a, b = text[start - 1], text[start]
                if (a >= "\x80" or b >= "\x80" or a == "\r") and may_join(a, b):
                    start = bounds(start)[0]
            if 0 < end < n:
                a, b = text[end - 1], text[end]
                if (a >= "\x80" or b >= "\x80" or a == "\r") and may_join(a, b):
                    end = bounds(end)[1]
            out.append(sp if isinstance(sp, Span) and sp[0] == start and sp[1] == end else make_span((start, end)))
        return tuple(out)

    def _on_graphemes(self, start: int, end: int) -> Span:
        """The span widened to whole grapheme clusters (never a base letter without its accents,
        half an emoji ZWJ sequence or half a flag): start moves back, end moves forward.

        Boundaries are looked up only near the two positions: the `\\X` scan starts at a safe
        anchor shortly before each (see `_anchor`), not at the start of the text."""
        return self._on_graphemes_all([(start, end)])[0]

    def _grapheme_bounds(self, i: int) -> tuple[int, int]:
        """The last grapheme boundary at or before i and the first at or after it (0 < i < len)."""
        text = self.doc.text
        anchor = _anchor(text, i)
        if anchor is None:  # no anchor close by (a long run without ASCII): all boundaries, once
            bounds = self.memo("_graphemes", lambda: [0, *(m.end() for m in _GRAPHEME.finditer(text))])
            return bounds[bisect_right(bounds, i) - 1], bounds[bisect_left(bounds, i)]
        pos = anchor
        while pos < i:
            stop = _GRAPHEME.match(text, pos).end()
            if stop >= i:
                return (i, i) if stop == i else (pos, stop)
            pos = stop
        return i, i

    # -- shared detections -------------------------------------------------------------------
    def word_count(self) -> int:
        """Words of running text (no URLs, handles or hashtag words)."""
        return len(self.doc.words)

    def sentence_has(self, sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
        """True if any span starts inside the sentence (one of the post's sentences; a set look-up,
        see `sentence_starts_with`)."""
        return bool(spans) and sentence.start in self.sentence_starts_with(spans)

    def sentences_with(self, sentences: Sequence[Sentence], spans: list[tuple[int, int]]) -> list[Sentence]:
        """The sentences for which `sentence_has` is true, in their order (one call for many sentences)."""
        if not spans:
            return []
        if sentences is self.doc.sentences:  # straight from the spans: no visit of every sentence
            return [sentences[j] for j in self._sentence_indices(spans)]
        keep = self.sentence_starts_with(spans)
        return [s for s in sentences if s.start in keep]

    def sentence_starts_with(self, spans: list[tuple[int, int]]) -> frozenset[int]:
        """Starts of the post's sentences in which any of the spans starts (`sentence_has` as a set:
        `s.start in …` is then one look-up per sentence)."""
        firsts = self.doc._sentence_starts
        return self._per_list("starts_with", spans, lambda: frozenset(map(firsts.__getitem__, self._sentence_indices(spans))))

    def _sentence_indices(self, spans: list[tuple[int, int]]) -> list[int]:
        """Indices into the post's sentences of those in which any of the spans starts, ascending."""

        def compute() -> list[int]:
            # In C: for each span start x, j = how many sentences start at or before it; x lies in
            # sentence j - 1 if it starts before that sentence's end (ends_after[j]; -1 for j = 0).
            firsts, ends_after = self.doc._sentence_starts, self.doc._sentence_ends_after
            xs = list(map(_FIRST, spans))
            js = list(map(bisect_right, repeat(firsts), xs))
            inside = map(lt, xs, map(ends_after.__getitem__, js))
            return sorted(map(_MINUS_ONE, set(compress(js, inside))))

        return self._per_list("indices", spans, compute)

    def _per_list(self, kind: str, spans: list, compute: Callable[[], Any]) -> Any:
        """`compute()` once per span list (by identity: the list is kept with the value, so a new
        list at a reused address is never taken for the old one)."""
        key = (kind, id(spans))
        hit = self._lists.get(key)
        if hit is None or hit[0] is not spans:
            hit = (spans, compute())
            self._lists[key] = hit
        return hit[1]



def outside(spans: Sequence[tuple[int, int]], areas: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans whose start lies in none of `areas` (half-open, may overlap), in their order.

    Linear-logarithmic, not spans × areas: the areas are merged once and each start is found by
    binary search (a long text has thousands of both)."""
    if not spans or not areas:
        return list(spans)
    merged: list[list[int]] = []
    for a, b in sorted(areas):
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    out = []
    for sp in spans:
        i = bisect_right(starts, sp[0]) - 1
        if i < 0 or sp[0] >= merged[i][1]:
            out.append(sp)
    return out


def phrase_signal(ctx: Context, rule_id: str, list_key: str = "phrases") -> Outcome:
    """The common mechanism of a positive phrase signal: any hit gives one 'found' finding worth `points`."""
    hits = ctx.hits(rule_id, list_key)
    out = Outcome(count=len(hits))
    if hits:
        out.findings.append(ctx.finding(rule_id, "found", "good", ctx.cfg(rule_id)["points"], spans=hits))
    return out


_pack_matchers: dict[int, tuple[RulePack, PackMatcher]] = {}


def string_lists(rules: Mapping[str, Mapping[str, Any]], *, keep_empty: bool = True) -> dict[str, tuple[str, ...]]:
    """Every list of strings in a rules table, keyed 'D4.phrases' (rule id, key)."""
    return {
        f"{rule_id}.{key}": tuple(value)
        for rule_id, cfg in rules.items()
        for key, value in cfg.items()
        if isinstance(value, list) and (value or keep_empty) and all(isinstance(v, str) for v in value)
    }


def cached_matcher(cache: dict[int, tuple[RulePack, PackMatcher]], pack: RulePack, build: Callable[[RulePack], PackMatcher]) -> PackMatcher:
    """The matcher `build` made for this loaded pack, made once (keyed by identity, checked, so a
    pack that replaced a collected one under the same id() never gets the old matcher)."""
    hit = cache.get(id(pack))
    if hit is None or hit[0] is not pack:
        hit = (pack, build(pack))
        cache[id(pack)] = hit
    return hit[1]


def _post_matcher(pack: RulePack) -> PackMatcher:
    lists = string_lists(pack.rules)
    lists["D2.question_starts"] = tuple("^" + w for w in pack.rules["D2"].get("question_words", []))
    return PackMatcher(lists)


def pack_matcher(pack: RulePack) -> PackMatcher:
    """One combined matcher per loaded pack: every list of strings in its rules, keyed 'D4.phrases'."""
    return cached_matcher(_pack_matchers, pack, _post_matcher)


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, values: Mapping[str, Any]) -> str:
    # a template without a field is its own result: shared, not copied (28,000 findings of one kind
    # on a long draft would otherwise each hold a copy)
    if "{" not in template:
        return template
    # counts wrapped only where a template names a noun ({n:Wort|Wörter}): most do not, and a post has dozens of findings
    return template.format_map(_SafeDict(countable(values) if "|" in template else values))


def capped(points_each: int, count: int, cap: int) -> int:
    """count × points_each, limited to cap (cap has the same sign as points_each)."""
    total = points_each * count
    return max(total, cap) if points_each < 0 else min(total, cap)
