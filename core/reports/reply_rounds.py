"""Replies in reports: the reply rounds of a workshop or a participant, and the sheet of one reply draft.

A reply (a draft of kind "reply", scored with `analyze_reply`) has one score, "reply", instead of
the four post dimensions, and is judged against the comment it answers. `reply_round_blocks`
gives, per reply exercise, the comment being answered, each attempt's first and last reply score
against the exercise's target and the most frequent reply findings; `reply_sheet` is the draft
sheet of one reply: post, comment, reply with marks, its score and findings.

Chrome strings in German and English like `builders`; a finding of the other language is said
again with the report language's template of its reply rule (R1-R9) and the values it was built
with, else named by its rule and quoted as the original. Imports `resonanz.core.analysis` and
`model`; the store is passed in, never imported. `builders` calls in here, never the reverse.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Mapping, Sequence

from resonanz.core.analysis.compare import format_delta
from resonanz.core.analysis.packs import load_pack
from resonanz.core.plural import countable
from resonanz.core.reports.model import (
    Block,
    BulletList,
    CsvRow,
    FindingRow,
    Heading,
    Mark,
    MarkedText,
    Paragraph,
    Report,
    ScoreRow,
    ScoreTable,
    Table,
    chrome,
)

__all__ = ["reply_round_blocks", "reply_sheet", "reply_value"]

PROBLEMS = ("error", "warning", "suggestion")
NO_SCORES = (None, None, None, None)

_CHROME: dict[str, dict[str, str]] = {
    "de": {
        "rounds": "Antwortrunden",
        "comment": "Kommentar, auf den geantwortet wird",
        "post": "Beitrag, unter dem der Kommentar steht",
        "first": "Antwortwert: erste Fassung",
        "last": "letzte Fassung (Änderung)",
        "dimension": "Dimension",
        "target": "Ziel",
        "met": "erreicht",
        "not_met": "nicht erreicht",
        "no_target": "kein Ziel",
        "no_attempts": "Keine bewerteten Antworten.",
        "common": "Häufigste Hinweise zu den Antworten",
        "no_findings": "Keine Hinweise.",
        "times": "×",
        "sheet": "Antwortblatt",
        "score": "Antwortwert",
        "reply": "Antwort mit Markierungen",
        "next_steps": "Die drei nützlichsten nächsten Schritte",
        "no_next_steps": "Keine offenen Probleme – gut gemacht.",
        "findings": "Alle Hinweise",
        "not_scored": "Noch keine bewertete Fassung dieser Antwort auf diesen Kommentar – Wert aus dem aktuellen Text.",
        "not_judged": "Zu wenig Text zum Bewerten: Die Antwort hat noch kein eigenes Wort.",
        "not_enough_text": "Zu wenig Text",
        "value": "Wert", "light": "Ampel", "change": "Änderung", "without_exercise": "Antworten ohne Übung",
        "red": "rot", "amber": "gelb", "green": "grün",
        "quote": "„{}“", "original_de": "deutsches Original", "original_en": "englisches Original", "original": "Original",
    },
    "en": {
        "rounds": "Reply rounds",
        "comment": "Comment being answered",
        "post": "Post the comment is under",
        "first": "Reply score: first version",
        "last": "last version (change)",
        "dimension": "Dimension",
        "target": "Target",
        "met": "met",
        "not_met": "not met",
        "no_target": "no target",
        "no_attempts": "No scored replies.",
        "common": "Most frequent reply findings",
        "no_findings": "No findings.",
        "times": "×",
        "sheet": "Reply sheet",
        "score": "Reply score",
        "reply": "Reply with marks",
        "next_steps": "The three most useful next steps",
        "no_next_steps": "No open problems – well done.",
        "findings": "All findings",
        "not_scored": "No scored version of this reply to this comment yet – score of the current text.",
        "not_judged": "Not enough text to judge: the reply has no word of its own yet.",
        "not_enough_text": "Not enough text",
        "value": "Score", "light": "Light", "change": "Change", "without_exercise": "Replies without an exercise",
        "red": "red", "amber": "amber", "green": "green",
        "quote": "“{}”", "original_de": "German original", "original_en": "English original", "original": "original",
    },
}


def _chrome(language: str) -> Mapping[str, str]:
    return chrome(_CHROME, language)


def reply_label(language: str) -> str:
    """The reply score's name in `language` ("Antwort", "Reply"), from its rule pack."""
    return str(load_pack(language, False).reply.get("label", "Reply"))


def _light(value: int) -> str:
    scoring = load_pack("en", False).scoring
    if value < scoring["red_below"]:
        return "red"
    return "green" if value >= scoring["green_from"] else "amber"


def _rule_cfg(rule: str, language: str) -> Mapping[str, Any]:
    return load_pack(language, False).reply.get("rules", {}).get(rule, {})


def _rule_label(rule: str, language: str) -> str:
    return str(_rule_cfg(rule, language).get("label", rule))


def _said(f: Mapping[str, Any], key: str, source: str, language: str) -> str | None:
    """A reply finding's message or suggestion in the report language; None if it can only be quoted."""
    text = str(f.get(key) or "")
    if not text or source == language:
        return text
    template = _rule_cfg(str(f.get("rule", "")), language).get("messages", {}).get(str(f.get("kind", "")))
    values = f.get("values")
    if not isinstance(template, Mapping) or not isinstance(values, Mapping):
        return None
    try:
        return str(template.get(key, "")).format_map(countable(values))
    except (ValueError, KeyError, IndexError, AttributeError):
        return None


def _message(f: Mapping[str, Any], source: str, language: str) -> str:
    """The finding's message in the report language, or its rule's name and the quoted original."""
    said = _said(f, "message", source, language)
    if said is not None:
        return said
    t = _chrome(language)
    return f"{_rule_label(str(f.get('rule', '')), language)}: {t['quote'].format(f.get('message', ''))} ({t.get('original_' + source, t['original'])})"


def _problems(findings: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [f for f in findings if f.get("severity") in PROBLEMS]


def reply_value(scores: Mapping[str, int] | None) -> int | None:
    return None if scores is None or scores.get("reply") is None else int(scores["reply"])


def _exercise(store: Any, exercise_id: str | None) -> Any:
    try:
        return None if exercise_id is None else store.get_exercise(exercise_id)
    except LookupError:
        return None


def reply_round_blocks(store: Any, attempts: Sequence[Any], language: str, first_column: str,
                       name_of: Callable[[Any], str], hide: Callable[[str], str] = lambda s: s, top: int = 5) -> list[Block]:
    """The reply rounds among `attempts` (reply drafts only; [] when there are none): per exercise
    the comment, one row per attempt (`name_of` fills the first column, headed `first_column`) with
    its first and last reply score and the target, then the most frequent reply findings."""
    t = _chrome(language)
    replies = [a for a in attempts if getattr(a, "is_reply", False)]
    if not replies:
        return []
    blocks: list[Block] = [Heading(2, t["rounds"])]
    for exercise_id in dict.fromkeys(a.exercise_id for a in replies):
        mine = [a for a in replies if a.exercise_id == exercise_id]
        ex = _exercise(store, exercise_id)
        target = None if ex is None else ex.targets.get("reply")
        draft = store.get_draft(mine[0].draft_id)
        comment = (ex.comment if ex is not None and ex.comment else draft.comment).strip()
        title = f"{ex.title} ({ex.id})" if ex is not None else exercise_id or t["without_exercise"]
        blocks.append(Heading(3, title))
        blocks.append(Paragraph(f"{t['comment']}: {t['quote'].format(hide(comment))}"))
        rows = []
        for a in mine:
            values = [v for v in (reply_value(p.scores) for p in a.history) if v is not None]
            if not values:
                continue
            first, last = values[0], values[-1]
            met = "" if target is None else f"≥ {target}: {t['met'] if last >= int(target) else t['not_met']}"
            rows.append((name_of(a), str(first), f"{last} ({format_delta(last - first)})", met or t["no_target"]))
        header = (first_column, t["first"], t["last"], t["target"])
        blocks.append(Table(header, tuple(rows)) if rows else Paragraph(t["no_attempts"]))
        common = _common_findings(store, mine, language, top)
        blocks.append(Heading(3, f"{t['common']}: {title}"))
        blocks.append(BulletList(tuple(common)) if common else Paragraph(t["no_findings"]))
    return blocks


def _common_findings(store: Any, attempts: Sequence[Any], language: str, top: int) -> list[str]:
    """The reply rules that found a problem in most attempts (each attempt's newest scored version counts once per rule)."""
    counts: Counter[str] = Counter()
    example: dict[str, tuple[Mapping[str, Any], str]] = {}
    for a in attempts:
        scored = [r for r in store.revisions(a.draft_id) if r.findings is not None]
        if not scored:
            continue
        source = scored[-1].language or language
        problems = _problems(scored[-1].findings)
        for f in problems:
            example.setdefault(str(f.get("rule", "")), (f, source))
        counts.update({str(f.get("rule", "")) for f in problems})
    times = _chrome(language)["times"]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return [f"{n}{times} {rule} {_rule_label(rule, language)}: {_message(example[rule][0], example[rule][1], language)}" for rule, n in ranked]


def reply_sheet(store: Any, draft: Any, language: str, subtitle: str) -> Report:
    """One reply draft: the post and comment it answers, the reply with marks, its score (with the
    change since the previous version) and its findings."""
    t = _chrome(language)
    label = reply_label(language)
    scored = [r for r in store.revisions(draft.id) if r.scores is not None and r.findings is not None]
    blocks: list[Block] = []
    if scored and (scored[-1].comment or "") == draft.comment:
        latest = scored[-1]
        text, value, findings = latest.text, reply_value(latest.scores), list(latest.findings)
        previous = reply_value(scored[-2].scores) if len(scored) > 1 else None
        source = latest.language or draft.language
    else:  # never scored, or the comment changed since: score the reply as it is now
        from resonanz.core.analysis.reply import analyze_reply

        result = analyze_reply(draft.comment, draft.text, post=draft.post_context or None,
                               language=draft.language if draft.language in _CHROME else "auto", rules_dir=False).to_dict()
        text, findings, source = draft.text, list(result["findings"]), result["language"]
        value = reply_value(result["scores"]) if result["judged"] else None
        previous = None
        blocks.append(Paragraph(t["not_judged"] if value is None else t["not_scored"]))
    if draft.post_context.strip():
        blocks += [Heading(2, t["post"]), Paragraph(draft.post_context)]
    blocks += [Heading(2, t["comment"]), Paragraph(draft.comment)]
    blocks.append(Heading(2, t["score"]))
    if value is None:
        row = ScoreRow(label, None, "", None, t["not_enough_text"])
    else:
        row = ScoreRow(label, value, _light(value), None if previous is None else format_delta(value - previous), t[_light(value)])
    blocks.append(ScoreTable((row,), (t["dimension"], t["value"], t["light"], t["change"])))
    steps = sorted((f for f in _problems(findings) if f.get("suggestion")), key=lambda f: -abs(int(f.get("points", 0))))[:3]
    blocks.append(Heading(2, t["next_steps"]))
    if steps:
        blocks.append(BulletList(tuple(f"{_message(f, source, language)} → {_said(f, 'suggestion', source, language) or f.get('suggestion', '')}" for f in steps)))
    else:
        blocks.append(Paragraph(t["not_judged"] if value is None else t["no_next_steps"]))
    marks = tuple(Mark(int(a), int(b), "reply", str(f.get("severity", "info")))
                  for f in findings for a, b in (f.get("spans") or ()) if 0 <= a < b <= len(text))
    blocks += [Heading(2, t["reply"]), MarkedText(text, marks), Heading(2, t["findings"])]
    said = [_message(f, source, language) for f in findings]
    blocks.append(BulletList(tuple(f"[{label}] {f.get('rule', '')} {_rule_label(str(f.get('rule', '')), language)}: {m}" for f, m in zip(findings, said)))
                  if findings else Paragraph(t["no_findings"]))
    rows = tuple(CsvRow(draft.id, draft.title, r.created_at, NO_SCORES, "reply", reply_value(r.scores)) for r in scored)
    if not scored:
        rows = (CsvRow(draft.id, draft.title, draft.updated_at, NO_SCORES, "reply", value),)
    stamp = rows[-1].created_at
    finding_rows = tuple(FindingRow(draft.id, draft.title, stamp, str(f.get("rule", "")), m, "", "") for f, m in zip(findings, said))
    title = f"{t['sheet']}: {draft.title}" if draft.title else t["sheet"]
    return Report(title, subtitle, language, tuple(blocks), rows, finding_rows)
