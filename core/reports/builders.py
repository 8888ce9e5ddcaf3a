"""The three report builders: a draft sheet, a participant's progress and a workshop summary.

Each reads a `Store` and returns a `Report` (see `model`) in one language: chrome (headings,
labels) and finding texts alike; every finding of a draft sheet carries its rule's evidence grade
(core/analysis/evidence.py) in the report language. A finding of a draft in the other language is said again with the
report language's template of its rule and the values it was built with (`Finding.values`); only
quotes from the post stay in the post's language. A finding stored without values (saved before
they were kept, or not from a rule pack) is named by its rule in the report language, its original
text quoted and marked as such – never wrong-language text unmarked. With pseudonyms on, names are
hidden in free text too. Imports `resonanz.core.analysis` (labels, scoring, deltas, the engine for an
unscored draft) and `model`; the store is passed in, never imported.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date as Date
from typing import Any, Callable, Iterable, Mapping, Sequence

from resonanz.core.analysis.compare import format_delta
from resonanz.core.analysis.evidence import describe, evidence_for, grade_name
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.analysis.packs import load_pack
from resonanz.core.plural import countable
from resonanz.core.reports.plural import count as counted
from resonanz.core.reports.model import (
    Block,
    BulletList,
    Chart,
    CsvRow,
    EvidenceNote,
    FindingRow,
    Heading,
    Mark,
    MarkedText,
    Paragraph,
    Report,
    ScoreRow,
    ScoreTable,
    Series,
    Table,
    chrome,
)
from resonanz.core.reports.reply_rounds import reply_round_blocks, reply_sheet, reply_value
from resonanz.core.storage.coaching import own_pseudonym

__all__ = ["draft_sheet", "participant_progress", "workshop_summary"]

LANGUAGES = ("de", "en")
PROBLEMS = ("error", "warning", "suggestion")

# --------------------------------------------------------------------------- chrome strings

_CHROME: dict[str, dict[str, str]] = {
    "de": {
        "draft_sheet": "Entwurfsblatt",
        "progress": "Lernfortschritt",
        "workshop": "Workshop-Zusammenfassung",
        "created": "erstellt am",
        "text": "Text mit Markierungen",
        "scores": "Werte",
        "dimension": "Dimension",
        "value": "Wert",
        "light": "Ampel",
        "change": "Änderung",
        "next_steps": "Die drei nützlichsten nächsten Schritte",
        "no_next_steps": "Keine offenen Probleme – gut gemacht.",
        "no_single_step": "Kein einzelner Schritt sticht heraus; die Werte oben zeigen, wo noch Luft ist.",
        "since_previous": "Änderung zur vorigen Fassung",
        "resolved": "Gelöst",
        "new": "Neu",
        "findings": "Alle Hinweise",
        "no_findings": "Keine Hinweise.",
        "not_scored": "Noch keine bewertete Fassung – Werte aus dem aktuellen Text.",
        "changed_since": "Plattform oder Sprache des Entwurfs haben sich seit seiner letzten bewerteten Fassung geändert – Werte aus dem aktuellen Stand.",
        "over_attempts": "Werte über die Versuche",
        "strongest": "Stärken",
        "weak_points": "Häufigste Schwachstellen",
        "times": "×",
        "exercises_done": "Bearbeitete Übungen",
        "no_exercises": "Keine Übungen.",
        "attempt": "Versuch",
        "exercises": "Übungen der Sitzung",
        "best_attempts": "Bester Versuch je Person (vorher → nachher)",
        "participant": "Teilnehmer:in",
        "room_change": "Durchschnittliche Veränderung im Raum",
        "before": "vorher",
        "after": "nachher",
        "common_findings": "Häufigste Hinweise",
        "notes": "Notizen der Moderation",
        "no_notes": "Keine Notizen.",
        "no_attempts": "Keine bewerteten Versuche.",
        "not_enough_text": "Zu wenig Text",
        "not_judged": "Zu wenig Text zum Bewerten: Werte und Hinweise erscheinen, sobald der Entwurf ein paar eigene Sätze hat.",
        "red": "rot", "amber": "gelb", "green": "grün",
        "quote": "„{}“", "original_de": "deutsches Original", "original_en": "englisches Original", "original": "Original",
    },
    "en": {
        "draft_sheet": "Draft sheet",
        "progress": "Progress",
        "workshop": "Workshop summary",
        "created": "created on",
        "text": "Text with marks",
        "scores": "Scores",
        "dimension": "Dimension",
        "value": "Score",
        "light": "Light",
        "change": "Change",
        "next_steps": "The three most useful next steps",
        "no_next_steps": "No open problems – well done.",
        "no_single_step": "No single step stands out; the scores above show where there is room to grow.",
        "since_previous": "Change since the previous version",
        "resolved": "Resolved",
        "new": "New",
        "findings": "All findings",
        "no_findings": "No findings.",
        "not_scored": "No scored version yet – scores of the current text.",
        "changed_since": "The draft's platform or language changed since its last scored version – scores of the draft as it is now.",
        "over_attempts": "Scores over the attempts",
        "strongest": "Strengths",
        "weak_points": "Most frequent weak points",
        "times": "×",
        "exercises_done": "Exercises done",
        "no_exercises": "No exercises.",
        "attempt": "Attempt",
        "exercises": "Exercises of the session",
        "best_attempts": "Best attempt per person (before → after)",
        "participant": "Participant",
        "room_change": "Average change in the room",
        "before": "before",
        "after": "after",
        "common_findings": "Most common findings",
        "notes": "Facilitator notes",
        "no_notes": "No notes.",
        "no_attempts": "No scored attempts.",
        "not_enough_text": "Not enough text",
        "not_judged": "Not enough text to judge: scores and findings appear once the draft has a few sentences of its own.",
        "red": "red", "amber": "amber", "green": "green",
        "quote": "“{}”", "original_de": "German original", "original_en": "English original", "original": "original",
    },
}


def _chrome(language: str) -> Mapping[str, str]:
    return chrome(_CHROME, language)


def _dim_labels(language: str) -> dict[str, str]:
    labels = load_pack(language, False).labels
    return {d: labels[d] for d in DIMENSIONS}


def _light(value: int) -> str:
    scoring = load_pack("en", False).scoring
    if value < scoring["red_below"]:
        return "red"
    return "green" if value >= scoring["green_from"] else "amber"


def _day(now: Date | str | None) -> str:
    if now is None:
        now = Date.today()
    return now.isoformat() if isinstance(now, Date) else str(now)


def _score_table(scores: Mapping[str, int] | None, previous: Mapping[str, int] | None, language: str) -> ScoreTable:
    """The four scores with lights; `scores` None (a draft with too little text to judge): every
    value "–" (None) and no light, labelled "Not enough text" in the report language."""
    t, dims = _chrome(language), _dim_labels(language)
    rows = []
    for d in DIMENSIONS:
        if scores is None:
            rows.append(ScoreRow(dims[d], None, "", None, t["not_enough_text"]))
            continue
        value = int(scores[d])
        delta = None if previous is None else format_delta(value - int(previous[d]))
        rows.append(ScoreRow(dims[d], value, _light(value), delta, t[_light(value)]))
    return ScoreTable(tuple(rows), (t["dimension"], t["value"], t["light"], t["change"]))


def _problems(findings: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [f for f in findings if f.get("severity") in PROBLEMS]


def _rule_label(rule: str, language: str) -> str:
    try:
        return str(load_pack(language, False).rules.get(rule, {}).get("label", rule))
    except (FileNotFoundError, ValueError):
        return rule


#: Rules whose values only mean something in the draft's language: C1 reports the readability
#: indices of that language (Flesch-Amstad and Wiener Sachtextformel for German, Flesch Reading
#: Ease and grade for English); the other pack's template would name the wrong index.
_OWN_LANGUAGE_VALUES = frozenset({"C1"})
_FIELD = re.compile(r"(?<!\{)\{(\w+)\}")


def _template(rule: str, kind: str, key: str, language: str) -> str | None:
    """The `key` ("message"/"suggestion") template of a rule's message `kind` in `language`'s pack."""
    try:
        text = load_pack(language, False).rules.get(rule, {}).get("messages", {}).get(kind)
    except (FileNotFoundError, ValueError):
        return None
    return text.get(key, "") if isinstance(text, Mapping) else None


def _said(f: Mapping[str, Any], key: str, source: str, language: str) -> str | None:
    """A finding's message or suggestion in the report `language`; None if it can only be quoted.

    `source` is the language the finding was written in (its draft's analysis language)."""
    text = str(f.get(key) or "")
    if not text or source == language:
        return text
    rule, values = str(f.get("rule", "")), f.get("values")
    template = _template(rule, str(f.get("kind", "")), key, language)
    if not isinstance(values, Mapping) or template is None or rule in _OWN_LANGUAGE_VALUES:
        return None
    if any(name not in values for name in _FIELD.findall(template)):
        return None  # a value this template needs was not stored (an older engine, a user's template)
    try:
        return template.format_map(countable(values)) if template else ""
    except (ValueError, KeyError, IndexError, AttributeError):  # a user's template with stray braces
        return None


def _quoted(text: str, source: str, language: str) -> str:
    """Text in the other language, in the report language's quotation marks with a note which original it is."""
    t = _chrome(language)
    return f"{t['quote'].format(text)} ({t.get('original_' + source, t['original'])})"


def _message(f: Mapping[str, Any], source: str, language: str) -> str:
    """A finding's message in the report language, or its rule's name there and the quoted original."""
    said = _said(f, "message", source, language)
    if said is not None:
        return said
    return f"{_rule_label(str(f.get('rule', '')), language)}: {_quoted(str(f['message']), source, language)}"


def _step(f: Mapping[str, Any], source: str, language: str) -> str:
    """ "message → suggestion" in the report language (quoted as one if it cannot be said again)."""
    message, suggestion = _said(f, "message", source, language), _said(f, "suggestion", source, language)
    if message is not None and suggestion is not None:
        return f"{message} → {suggestion}"
    original = f"{f['message']} → {f['suggestion']}"
    return f"{_rule_label(str(f.get('rule', '')), language)}: {_quoted(original, source, language)}"


def _scores_tuple(scores: Mapping[str, int | None] | None) -> tuple[int | None, ...]:
    return tuple(None if scores is None or scores.get(d) is None else int(scores[d]) for d in DIMENSIONS)


# --------------------------------------------------------------------------- builders


def draft_sheet(store: Any, draft_id: int, language: str = "de", now: Date | str | None = None) -> Report:
    """One draft: text with findings marked, four scores with lights, next steps, change since the previous version."""
    t, dims = _chrome(language), _dim_labels(language)
    draft = store.get_draft(draft_id)
    if draft.is_reply:  # an answer to a comment: one reply score instead of the four (reply_rounds.py)
        return reply_sheet(store, draft, language, f"{_platform_name(draft.platform)} · {t['created']} {_day(now)}")
    scored = [r for r in store.revisions(draft_id) if r.scores is not None and r.findings is not None]
    blocks: list[Block] = []
    if scored and _is_current(scored[-1], draft):
        text, scores, findings = scored[-1].text, scored[-1].scores, list(scored[-1].findings)
        previous = scored[-2] if len(scored) > 1 else None
        source = scored[-1].language or draft.language
    else:  # never scored, or switched to another platform or language since: score the draft as it is
        from resonanz.core.analysis.engine import analyze

        result = analyze(draft.text, language=draft.language, platform=draft.platform, rules_dir=False).to_dict()
        text, findings = draft.text, result["findings"]
        scores = result["scores"] if result["judged"] else None  # None: too little text to judge
        previous = scored[-1] if scored and scores is not None else None
        source = result["language"]
        blocks.append(Paragraph(t["not_judged"] if scores is None else t["changed_since"] if scored else t["not_scored"]))
    blocks.append(Heading(2, t["scores"]))
    blocks.append(_score_table(scores, previous.scores if previous else None, language))
    prev_scores = (previous.scores,) if previous else ()
    if scores is not None:
        blocks.append(Chart("radar", t["scores"], tuple(dims[d] for d in DIMENSIONS),
                            tuple(Series(name, tuple(int(s[d]) for d in DIMENSIONS))
                                  for name, s in ((t["before"], p) for p in prev_scores))
                            + (Series(t["after"] if previous else t["scores"], tuple(int(scores[d]) for d in DIMENSIONS)),)))
    blocks.append(Heading(2, t["next_steps"]))
    steps = sorted((f for f in _problems(findings) if f.get("suggestion")), key=lambda f: -abs(int(f.get("points", 0))))[:3]
    if steps:
        blocks.append(BulletList(tuple(_step(f, source, language) for f in steps)))
    else:  # never "well done" for a draft too short to judge
        praise = scores is not None and all(_light(int(scores[d])) == "green" for d in DIMENSIONS)  # "well done" only when it is
        blocks.append(Paragraph(t["not_judged"] if scores is None else t["no_next_steps"] if praise else t["no_single_step"]))
    if previous is not None:
        before_keys = {(f.get("rule"), f.get("kind")) for f in _problems(previous.findings or ())}
        after_keys = {(f.get("rule"), f.get("kind")) for f in _problems(findings)}
        blocks.append(Heading(2, t["since_previous"]))
        items = [f"{dims[d]}: {format_delta(int(scores[d]) - int(previous.scores[d]))}" for d in DIMENSIONS]
        before = previous.language or draft.language
        items += [f"{t['resolved']}: {_message(f, before, language)}" for f in _problems(previous.findings or ()) if (f.get("rule"), f.get("kind")) not in after_keys]
        items += [f"{t['new']}: {_message(f, source, language)}" for f in _problems(findings) if (f.get("rule"), f.get("kind")) not in before_keys]
        blocks.append(BulletList(tuple(items)))
    marks = []
    for f in findings:
        for start, end in f.get("spans") or ():
            if 0 <= start < end <= len(text):
                marks.append(Mark(int(start), int(end), str(f.get("dimension", "")), str(f.get("severity", "info"))))
    blocks.append(Heading(2, t["text"]))
    blocks.append(MarkedText(text, tuple(marks)))
    blocks.append(Heading(2, t["findings"]))
    said = [_message(f, source, language) for f in findings]
    notes = tuple(_evidence_note(str(f.get("rule", "")), str(f.get("dimension", "")), language) for f in findings)
    blocks.append(BulletList(tuple(f"[{dims.get(f.get('dimension', ''), f.get('dimension', ''))}] {f.get('rule', '')}: {m}" for f, m in zip(findings, said)), notes)
                  if findings else Paragraph(t["no_findings"]))
    rows = tuple(CsvRow(draft.id, draft.title, r.created_at, _scores_tuple(r.scores)) for r in scored)
    if not scored:
        rows = (CsvRow(draft.id, draft.title, draft.updated_at, _scores_tuple(scores)),)
    stamp = rows[-1].created_at
    finding_rows = tuple(FindingRow(draft.id, draft.title, stamp, str(f.get("rule", "")), m, n.grade if n else "", n.sentence if n else "")
                         for f, m, n in zip(findings, said, notes))
    return Report(f"{t['draft_sheet']}: {draft.title}" if draft.title else t["draft_sheet"],
                  f"{_platform_name(draft.platform)} · {t['created']} {_day(now)}", language, tuple(blocks), rows, finding_rows)


def _evidence_note(rule: str, dimension: str, language: str) -> EvidenceNote | None:
    """How well `rule` is backed by data, in the report language; None for spelling and grammar (no rule of ours)."""
    if dimension not in DIMENSIONS:
        return None
    ev = evidence_for(rule)
    return EvidenceNote(ev.grade, grade_name(ev.grade, language).capitalize(), describe(ev, language, with_grade=False), describe(ev, language))


def _is_current(revision, draft) -> bool:
    """True if the newest scored revision was scored for the platform (and chosen language) the
    draft is written for now; the report then shows that saved version, else the draft as it is."""
    same_language = draft.language not in ("de", "en") or (revision.language or draft.language) == draft.language
    return (revision.platform or draft.platform) == draft.platform and same_language


def _platform_name(platform: str) -> str:
    """"LinkedIn", not "linkedin"; an id the profiles no longer know is shown as it is."""
    from resonanz.core.analysis.platforms import load_profiles

    profile = load_profiles().get(platform)
    return profile.name if profile is not None else platform


def _latest_findings(store: Any, draft_id: int) -> tuple[list[Mapping[str, Any]], str]:
    """The findings of a draft's newest analysed version and the language they are written in."""
    scored = [r for r in store.revisions(draft_id) if r.findings is not None]
    if not scored:
        return [], ""
    return list(scored[-1].findings), scored[-1].language or store.get_draft(draft_id).language


def _weak_points(store: Any, attempts: Sequence[Any], language: str, top: int = 5) -> list[str]:
    """Most frequent problem rules across attempts (each attempt's newest scored version counts once per rule)."""
    counts: Counter[str] = Counter()
    example: dict[str, tuple[Mapping[str, Any], str]] = {}  # rule -> (finding, language it is written in)
    for a in attempts:
        found, source = _latest_findings(store, a.draft_id)
        problems = _problems(found)
        if not problems:
            continue
        for f in problems:
            example.setdefault(f["rule"], (f, source))
        counts.update({f["rule"] for f in problems})
    times = _chrome(language)["times"]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    out = []
    for rule, n in ranked:
        f, source = example[rule]
        said = _said(f, "message", source, language)
        message = str(f.get("message", "")) if said is None else said
        for prefix in {_rule_label(rule, source if source in LANGUAGES else language), _rule_label(rule, language)}:
            if message.startswith(prefix + ":"):  # some messages open with their rule's name: say it once
                message = message[len(prefix) + 1:].lstrip()
        if said is None:  # stored without its values: the original, quoted and marked
            message = _quoted(message, source, language)
        out.append(f"{n}{times} {rule} {_rule_label(rule, language)}: {message}")
    return out


def _exercise_title(store: Any, exercise_id: str) -> str:
    try:
        return f"{store.get_exercise(exercise_id).title} ({exercise_id})"
    except LookupError:
        return exercise_id


def participant_progress(store: Any, participant_id: int, language: str = "de", now: Date | str | None = None,
                         pseudonyms: bool = False) -> Report:
    """A participant's scores over their attempts, strengths, most frequent weak points and exercises done."""
    t, dims = _chrome(language), _dim_labels(language)
    attempts = store.participant_history(participant_id)  # raises NotFoundError for a bad id
    row = store.connection.execute("SELECT display_name, pseudonym FROM participants WHERE id = ?", (participant_id,)).fetchone()
    name = (own_pseudonym(row[1]) or f"{t['participant']} {store.participant_number(participant_id)}") if pseudonyms else row[0]
    hide = _name_hider([(row[0], name)]) if pseudonyms else (lambda text: text)
    posts = [a for a in attempts if not a.is_reply]  # replies have their own part (reply_rounds.py)
    points = [(a, p) for a in posts for p in a.history if p.scores is not None]
    blocks: list[Block] = [Heading(2, t["over_attempts"])]
    if points:
        blocks.append(Chart("line", t["over_attempts"], tuple(str(i + 1) for i in range(len(points))),
                            tuple(Series(dims[d], tuple(int(p.scores[d]) for _, p in points)) for d in DIMENSIONS)))
        header = (t["attempt"], *(dims[d] for d in DIMENSIONS))
        blocks.append(Table(header, tuple((f"{i + 1}. {hide(a.title)}" + (f" – {hide(p.label)}" if p.label else ""), *(str(p.scores[d]) for d in DIMENSIONS))
                                          for i, (a, p) in enumerate(points))))
        latest = [a.latest_scores for a in posts if a.latest_scores is not None]
        means = {d: sum(int(s[d]) for s in latest) / len(latest) for d in DIMENSIONS}
        order = sorted(DIMENSIONS, key=lambda d: (-means[d], DIMENSIONS.index(d)))
        blocks.append(Heading(2, t["strongest"]))
        blocks.append(BulletList(tuple(f"{dims[d]}: {round(means[d])}" for d in order[:2])))
    else:
        blocks.append(Paragraph(t["no_attempts"]))
    weak = _weak_points(store, posts, language)
    blocks.append(Heading(2, t["weak_points"]))
    blocks.append(BulletList(tuple(weak)) if weak else Paragraph(t["no_findings"]))
    blocks += reply_round_blocks(store, attempts, language, t["attempt"], lambda a: hide(a.title), hide)
    exercises = list(dict.fromkeys(a.exercise_id for a in attempts if a.exercise_id))
    blocks.append(Heading(2, t["exercises_done"]))
    blocks.append(BulletList(tuple(_exercise_title(store, e) for e in exercises)) if exercises else Paragraph(t["no_exercises"]))
    rows = tuple(CsvRow(a.draft_id, name, a.created_at, _scores_tuple(a.latest_scores), a.kind, reply_value(a.latest_scores)) for a in attempts)
    return Report(f"{t['progress']}: {name}", f"{counted(len(attempts), 'attempts', language)} · {t['created']} {_day(now)}", language, tuple(blocks), rows)


def _name_hider(people: Sequence[tuple[str, str]]) -> Callable[[str], str]:
    """With pseudonyms on, names must not leak through free text either (a note "Anna asked the
    best question", an attempt titled "Bernds zweiter Versuch"): every participant's full name and
    each part of it with 3+ letters is replaced by their pseudonym, longest first, whole words."""
    swaps: dict[str, str] = {}
    for display, shown in people:
        for part in (display, *display.split()):
            part = part.strip(".,;:()")
            if len(part) >= 3 and part not in swaps:
                swaps[part] = shown
    if not swaps:
        return lambda text: text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(swaps, key=len, reverse=True)) + r")(?=s?\b)")
    return lambda text: pattern.sub(lambda m: swaps[m.group(1)], text)


def workshop_summary(store: Any, session_id: int, language: str = "de", pseudonyms: bool = False,
                     now: Date | str | None = None) -> Report:
    """A session: exercises, each participant's best attempt before/after, the room's average change, common findings, notes."""
    t, dims = _chrome(language), _dim_labels(language)
    session = store.get_session(session_id)
    people = store.participants(session_id)
    attempts = store.session_attempts(session_id)
    names = {p.id: ((p.pseudonym or f"{t['participant']} {i + 1}") if pseudonyms else p.display_name) for i, p in enumerate(people)}
    hide = _name_hider([(p.display_name, names[p.id]) for p in people]) if pseudonyms else (lambda text: text)
    blocks: list[Block] = [Heading(2, t["exercises"])]
    exercises = list(dict.fromkeys(a.exercise_id for a in attempts if a.exercise_id))
    blocks.append(BulletList(tuple(_exercise_title(store, e) for e in exercises)) if exercises else Paragraph(t["no_exercises"]))

    def key(a: Any) -> int:
        s = a.latest_scores
        return int(s["dialogue"]) + int(s["shareability"])

    befores, afters, table = [], [], []
    for p in people:
        mine = [a for a in attempts if a.owner == p.id and a.latest_scores is not None and not a.is_reply]
        if not mine:
            continue
        best = max(mine, key=key)  # first of equals wins: max keeps the earliest
        scored = [pt.scores for pt in best.history if pt.scores is not None]
        before, after = scored[0], scored[-1]
        befores.append(before)
        afters.append(after)
        table.append((names[p.id], hide(best.title), *(f"{before[d]} → {after[d]} ({format_delta(int(after[d]) - int(before[d]))})" for d in DIMENSIONS)))
    blocks.append(Heading(2, t["best_attempts"]))
    if table:
        blocks.append(Table((t["participant"], t["attempt"], *(dims[d] for d in DIMENSIONS)), tuple(table)))
        mean_before = {d: sum(int(s[d]) for s in befores) / len(befores) for d in DIMENSIONS}
        mean_after = {d: sum(int(s[d]) for s in afters) / len(afters) for d in DIMENSIONS}
        blocks.append(Heading(2, t["room_change"]))
        rows = tuple(ScoreRow(dims[d], round(mean_after[d]), _light(round(mean_after[d])),
                              format_delta(round(mean_after[d] - mean_before[d])), t[_light(round(mean_after[d]))]) for d in DIMENSIONS)
        blocks.append(ScoreTable(rows, (t["dimension"], t["value"], t["light"], t["change"])))
        blocks.append(Chart("radar", t["room_change"], tuple(dims[d] for d in DIMENSIONS),
                            (Series(t["before"], tuple(round(mean_before[d]) for d in DIMENSIONS)),
                             Series(t["after"], tuple(round(mean_after[d]) for d in DIMENSIONS)))))
    else:
        blocks.append(Paragraph(t["no_attempts"]))
    common = _weak_points(store, [a for a in attempts if not a.is_reply], language)
    blocks.append(Heading(2, t["common_findings"]))
    blocks.append(BulletList(tuple(common)) if common else Paragraph(t["no_findings"]))
    blocks += reply_round_blocks(store, attempts, language, t["participant"], lambda a: names.get(a.owner, ""), hide)
    blocks.append(Heading(2, t["notes"]))
    blocks.append(Paragraph(hide(session.facilitator_notes)) if session.facilitator_notes.strip() else Paragraph(t["no_notes"]))
    csv_rows = tuple(CsvRow(a.draft_id, names.get(a.owner, ""), a.created_at, _scores_tuple(a.latest_scores), a.kind, reply_value(a.latest_scores))
                     for a in attempts)
    return Report(f"{t['workshop']}: {hide(session.title)}", f"{session.date} · {counted(len(people), 'participants', language)} · {t['created']} {_day(now)}",
                  language, tuple(blocks), csv_rows)
