"""LanguageTool's answer as findings: UTF-16 offsets, parsed matches, `Finding`s with zero points.

LanguageTool counts in UTF-16 code units (Java strings); `Utf16Map` turns them into Python str
offsets (code points), so an emoji before an error does not shift its span. `parse_matches` reads
the raw /v2/check JSON (not with language-tool-python's `Match`, whose offset fix-up keeps global
state and leaves `length` in UTF-16 units); `lt_findings` turns the matches into findings and drops
misspellings that the offline check leaves alone (hashtags, URLs, brand names, the user's words).

May import: core.analysis (model, text) and core.proofing.spelling / reasons.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from resonanz.core.analysis.model import LANGUAGE_DIMENSION, Finding, Span
from resonanz.core.analysis.text import Document
from resonanz.core.proofing import spelling
from resonanz.core.proofing.reasons import GrammarError, settings_data

# --- UTF-16 offsets -------------------------------------------------------------------------------


class Utf16Map:
    """Converts between UTF-16 code-unit offsets (LanguageTool, Java, Qt) and str offsets of one text."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]  # each takes 2 UTF-16 units
        self._starts16 = [i + k for k, i in enumerate(self.astral)]
        self.length = len(text) + len(self.astral)  # the text's length in UTF-16 units

    def to_index(self, offset16: int) -> int:
        """str offset of a UTF-16 offset (inside a surrogate pair: the character's start)."""
        if not self.astral:
            return offset16
        return offset16 - bisect.bisect_left(self._starts16, offset16)

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of a str offset."""
        return index + bisect.bisect_left(self.astral, index)


# --- matches --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LTMatch:
    """One LanguageTool match with str offsets."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    description: str
    issue_type: str
    category_id: str
    category_name: str


def parse_matches(data: Any, text: str, label: str = "") -> list[LTMatch]:
    """The matches of a /v2/check answer; GrammarError "bad_response" if it is not shaped like one."""
    matches = data.get("matches") if isinstance(data, dict) else None
    if not isinstance(matches, list):
        raise GrammarError("bad_response", server=label, detail="no list of matches")
    umap = Utf16Map(text)
    out: list[LTMatch] = []
    for m in matches:
        try:
            offset, length = m["offset"], m["length"]
            if not isinstance(offset, int) or not isinstance(length, int):
                raise TypeError
            rule = m["rule"]
            category = rule.get("category") or {}
            reps = tuple(str(r["value"]) for r in m.get("replacements") or () if isinstance(r, dict) and "value" in r)
            match = (str(m["message"]), str(m.get("shortMessage") or ""), reps, str(rule["id"]), str(rule.get("description") or ""),
                     str(rule.get("issueType") or ""), str(category.get("id") or ""), str(category.get("name") or ""))
        except (KeyError, TypeError, AttributeError):
            raise GrammarError("bad_response", server=label, detail="a match without offset, length, message or rule") from None
        if offset < 0 or length < 0 or offset + length > umap.length:
            continue  # outside the text: nothing to mark
        out.append(LTMatch(umap.to_index(offset), umap.to_index(offset + length), *match))
    return out


# --- findings -------------------------------------------------------------------------------------


def lt_findings(matches: list[LTMatch], text: str, lang: str, label: str, known: frozenset[str]) -> tuple[Finding, ...]:
    """LanguageTool matches as findings, minus misspellings of words the offline check leaves alone.

    `known`: the rule pack's brand names and the user's word list (lower case).
    """
    if not matches:
        return ()
    doc = Document(text)
    blocked = spelling.protected_spans(doc)
    msg = spelling.messages(lang)
    data = settings_data()
    warn, most = set(data["warning_issue_types"]), data["max_replacements"]
    out: list[Finding] = []
    for m in matches:
        inside = any(s <= m.start and m.end <= e for s, e in blocked)
        if inside:
            continue
        if m.issue_type == "misspelling" or m.category_id == "TYPOS":
            word = text[m.start : m.end]
            touches = any(s < m.end and m.start < e for s, e in blocked)
            if touches or spelling.exempt_token(word, short=False) or word.replace("’", "'").lower() in known:
                continue
        reps = m.replacements[:most]
        out.append(Finding(
            rule=f"LT:{m.rule_id}",
            dimension=LANGUAGE_DIMENSION,
            severity="warning" if m.issue_type in warn else "suggestion",
            message=m.message,
            suggestion=msg["lt_suggestion"].format(replacements=", ".join(reps)) if reps else "",
            why=msg["lt_why"].format(description=m.description or m.short_message or m.rule_id, category=m.category_name or m.category_id or m.issue_type),
            source=msg["lt_source"].format(server=label),
            spans=(Span(m.start, m.end),),
            points=0,
            kind=m.category_id or m.issue_type,
            replacements=reps,
        ))
    out.sort(key=lambda f: (f.start, f.end))
    return tuple(out)
