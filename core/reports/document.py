"""Reports: a draft sheet, a participant's progress and a workshop summary as ONE format-independent
document model (`Report` of `Block`s), rendered to Markdown, self-contained HTML or CSV.

Every string that came from a user (draft text, titles, names, notes, finding texts) is escaped by
the renderers: nothing in a draft can restyle a report, link anywhere or run code. The HTML has no
script at all, no external URL and a strict Content-Security-Policy; charts are inline SVG.
Report chrome (headings, labels) is in the chosen language; finding texts stay in the draft's.
"""

from __future__ import annotations

import re

import csv
import html
import io
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any, Callable, Iterable, Mapping, Sequence

from resonanz.core.analysis.compare import format_delta
from resonanz.core.analysis.model import DIMENSIONS, SEVERITIES
from resonanz.core.analysis.packs import load_pack

__all__ = [
    "KINDS", "TEXT_RENDERERS", "build", "segments", "BulletList", "Chart", "CsvRow", "Heading", "Mark", "MarkedText", "Paragraph", "Report", "ScoreRow",
    "ScoreTable", "Series", "Table", "draft_sheet", "participant_progress", "to_csv", "to_html", "to_markdown",
    "workshop_summary",
]

LANGUAGES = ("de", "en")
PROBLEMS = ("error", "warning", "suggestion")

# --------------------------------------------------------------------------- document model


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ScoreRow:
    dimension: str  # display label
    value: int
    light: str  # "red" | "amber" | "green"
    delta: str | None = None  # format_delta text, e.g. "+18"
    light_label: str = ""  # the light in the report's language


@dataclass(frozen=True)
class ScoreTable:
    rows: tuple[ScoreRow, ...]
    header: tuple[str, str, str, str] = ("", "", "", "")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    dimension: str
    severity: str


@dataclass(frozen=True)
class MarkedText:
    text: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    kind: str  # "radar" (one value per axis) | "line" (one value per x label)
    title: str
    labels: tuple[str, ...]  # radar: axis names; line: x labels
    series: tuple[Series, ...]


Block = Heading | Paragraph | ScoreTable | MarkedText | BulletList | Table | Chart


@dataclass(frozen=True)
class CsvRow:
    """One line of raw scores: a draft revision or a session attempt."""

    id: int
    name: str
    created_at: str
    scores: tuple[int | None, ...]  # in DIMENSIONS order


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    language: str
    blocks: tuple[Block, ...]
    rows: tuple[CsvRow, ...] = field(default=())


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
        "since_previous": "Änderung zur vorigen Fassung",
        "resolved": "Gelöst",
        "new": "Neu",
        "findings": "Alle Hinweise",
        "no_findings": "Keine Hinweise.",
        "not_scored": "Noch keine bewertete Fassung – Werte aus dem aktuellen Text.",
        "over_attempts": "Werte über die Versuche",
        "strongest": "Stärken",
        "weak_points": "Häufigste Schwachstellen",
        "times": "×",
        "exercises_done": "Bearbeitete Übungen",
        "no_exercises": "Keine Übungen.",
        "attempts": "Versuche",
        "attempt": "Versuch",
        "exercises": "Übungen der Sitzung",
        "best_attempts": "Bester Versuch je Person (vorher → nachher)",
        "participant": "Teilnehmer:in",
        "participants": "Teilnehmende",
        "room_change": "Durchschnittliche Veränderung im Raum",
        "before": "vorher",
        "after": "nachher",
        "common_findings": "Häufigste Hinweise",
        "notes": "Notizen der Moderation",
        "no_notes": "Keine Notizen.",
        "no_attempts": "Keine bewerteten Versuche.",
        "red": "rot", "amber": "gelb", "green": "grün",
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
        "since_previous": "Change since the previous version",
        "resolved": "Resolved",
        "new": "New",
        "findings": "All findings",
        "no_findings": "No findings.",
        "not_scored": "No scored version yet – scores of the current text.",
        "over_attempts": "Scores over the attempts",
        "strongest": "Strengths",
        "weak_points": "Most frequent weak points",
        "times": "×",
        "exercises_done": "Exercises done",
        "no_exercises": "No exercises.",
        "attempts": "Attempts",
        "attempt": "Attempt",
        "exercises": "Exercises of the session",
        "best_attempts": "Best attempt per person (before → after)",
        "participant": "Participant",
        "participants": "participants",
        "room_change": "Average change in the room",
        "before": "before",
        "after": "after",
        "common_findings": "Most common findings",
        "notes": "Facilitator notes",
        "no_notes": "No notes.",
        "no_attempts": "No scored attempts.",
        "red": "red", "amber": "amber", "green": "green",
    },
}


def _chrome(language: str) -> dict[str, str]:
    if language not in _CHROME:
        raise ValueError(f"report language must be 'de' or 'en', not {language!r}")
    return _CHROME[language]


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


def _score_table(scores: Mapping[str, int], previous: Mapping[str, int] | None, language: str) -> ScoreTable:
    t, dims = _chrome(language), _dim_labels(language)
    rows = []
    for d in DIMENSIONS:
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


def _scores_tuple(scores: Mapping[str, int] | None) -> tuple[int | None, ...]:
    return tuple(None if scores is None else int(scores[d]) for d in DIMENSIONS)


# --------------------------------------------------------------------------- builders


def draft_sheet(store: Any, draft_id: int, language: str = "de", now: Date | str | None = None) -> Report:
    """One draft: text with findings marked, four scores with lights, next steps, change since the previous version."""
    t, dims = _chrome(language), _dim_labels(language)
    draft = store.get_draft(draft_id)
    scored = [r for r in store.revisions(draft_id) if r.scores is not None and r.findings is not None]
    blocks: list[Block] = []
    if scored:
        text, scores, findings = scored[-1].text, scored[-1].scores, list(scored[-1].findings)
        previous = scored[-2] if len(scored) > 1 else None
    else:
        from resonanz.core.analysis.engine import analyze

        result = analyze(draft.text, language=draft.language, platform=draft.platform, rules_dir=False).to_dict()
        text, scores, findings, previous = draft.text, result["scores"], result["findings"], None
        blocks.append(Paragraph(t["not_scored"]))
    blocks.append(Heading(2, t["scores"]))
    blocks.append(_score_table(scores, previous.scores if previous else None, language))
    prev_scores = (previous.scores,) if previous else ()
    blocks.append(Chart("radar", t["scores"], tuple(dims[d] for d in DIMENSIONS),
                        tuple(Series(name, tuple(int(s[d]) for d in DIMENSIONS))
                              for name, s in ((t["before"], p) for p in prev_scores))
                        + (Series(t["after"] if previous else t["scores"], tuple(int(scores[d]) for d in DIMENSIONS)),)))
    blocks.append(Heading(2, t["next_steps"]))
    steps = sorted((f for f in _problems(findings) if f.get("suggestion")), key=lambda f: -abs(int(f.get("points", 0))))[:3]
    blocks.append(BulletList(tuple(f"{f['message']} → {f['suggestion']}" for f in steps)) if steps else Paragraph(t["no_next_steps"]))
    if previous is not None:
        before_keys = {(f.get("rule"), f.get("kind")) for f in _problems(previous.findings or ())}
        after_keys = {(f.get("rule"), f.get("kind")) for f in _problems(findings)}
        blocks.append(Heading(2, t["since_previous"]))
        items = [f"{dims[d]}: {format_delta(int(scores[d]) - int(previous.scores[d]))}" for d in DIMENSIONS]
        items += [f"{t['resolved']}: {f['message']}" for f in _problems(previous.findings or ()) if (f.get("rule"), f.get("kind")) not in after_keys]
        items += [f"{t['new']}: {f['message']}" for f in _problems(findings) if (f.get("rule"), f.get("kind")) not in before_keys]
        blocks.append(BulletList(tuple(items)))
    marks = []
    for f in findings:
        for start, end in f.get("spans") or ():
            if 0 <= start < end <= len(text):
                marks.append(Mark(int(start), int(end), str(f.get("dimension", "")), str(f.get("severity", "info"))))
    blocks.append(Heading(2, t["text"]))
    blocks.append(MarkedText(text, tuple(marks)))
    blocks.append(Heading(2, t["findings"]))
    blocks.append(BulletList(tuple(f"[{dims.get(f.get('dimension', ''), f.get('dimension', ''))}] {f.get('rule', '')}: {f['message']}" for f in findings))
                  if findings else Paragraph(t["no_findings"]))
    rows = tuple(CsvRow(draft.id, draft.title, r.created_at, _scores_tuple(r.scores)) for r in scored)
    if not scored:
        rows = (CsvRow(draft.id, draft.title, draft.updated_at, _scores_tuple(scores)),)
    return Report(f"{t['draft_sheet']}: {draft.title}" if draft.title else t["draft_sheet"],
                  f"{_platform_name(draft.platform)} · {t['created']} {_day(now)}", language, tuple(blocks), rows)


def _platform_name(platform: str) -> str:
    """"LinkedIn", not "linkedin"; an id the profiles no longer know is shown as it is."""
    from resonanz.core.analysis.platforms import load_profiles

    profile = load_profiles().get(platform)
    return profile.name if profile is not None else platform


def _latest_findings(store: Any, draft_id: int) -> list[Mapping[str, Any]]:
    scored = [r for r in store.revisions(draft_id) if r.findings is not None]
    return list(scored[-1].findings) if scored else []


def _weak_points(store: Any, attempts: Sequence[Any], language: str, top: int = 5) -> list[str]:
    """Most frequent problem rules across attempts (each attempt's newest scored version counts once per rule)."""
    counts: Counter[str] = Counter()
    example: dict[str, tuple[str, str]] = {}  # rule -> (message, language of the draft it came from)
    for a in attempts:
        problems = _problems(_latest_findings(store, a.draft_id))
        if not problems:
            continue
        draft_lang = store.get_draft(a.draft_id).language
        for f in problems:
            example.setdefault(f["rule"], (f.get("message", ""), draft_lang if draft_lang in LANGUAGES else language))
        counts.update({f["rule"] for f in problems})
    times = _chrome(language)["times"]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    out = []
    for rule, n in ranked:
        message, draft_lang = example[rule]
        for prefix in {_rule_label(rule, draft_lang), _rule_label(rule, language)}:
            if message.startswith(prefix + ":"):  # some messages open with their rule's name: say it once
                message = message[len(prefix) + 1:].lstrip()
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
    name = (row[1] or f"{t['participant']} {participant_id}") if pseudonyms else row[0]
    hide = _name_hider([(row[0], name)]) if pseudonyms else (lambda text: text)
    points = [(a, p) for a in attempts for p in a.history if p.scores is not None]
    blocks: list[Block] = [Heading(2, t["over_attempts"])]
    if points:
        blocks.append(Chart("line", t["over_attempts"], tuple(str(i + 1) for i in range(len(points))),
                            tuple(Series(dims[d], tuple(int(p.scores[d]) for _, p in points)) for d in DIMENSIONS)))
        header = (t["attempt"], *(dims[d] for d in DIMENSIONS))
        blocks.append(Table(header, tuple((f"{i + 1}. {hide(a.title)}" + (f" – {hide(p.label)}" if p.label else ""), *(str(p.scores[d]) for d in DIMENSIONS))
                                          for i, (a, p) in enumerate(points))))
        latest = [a.latest_scores for a in attempts if a.latest_scores is not None]
        means = {d: sum(int(s[d]) for s in latest) / len(latest) for d in DIMENSIONS}
        order = sorted(DIMENSIONS, key=lambda d: (-means[d], DIMENSIONS.index(d)))
        blocks.append(Heading(2, t["strongest"]))
        blocks.append(BulletList(tuple(f"{dims[d]}: {round(means[d])}" for d in order[:2])))
    else:
        blocks.append(Paragraph(t["no_attempts"]))
    weak = _weak_points(store, attempts, language)
    blocks.append(Heading(2, t["weak_points"]))
    blocks.append(BulletList(tuple(weak)) if weak else Paragraph(t["no_findings"]))
    exercises = list(dict.fromkeys(a.exercise_id for a in attempts if a.exercise_id))
    blocks.append(Heading(2, t["exercises_done"]))
    blocks.append(BulletList(tuple(_exercise_title(store, e) for e in exercises)) if exercises else Paragraph(t["no_exercises"]))
    rows = tuple(CsvRow(a.draft_id, name, a.created_at, _scores_tuple(a.latest_scores)) for a in attempts)
    return Report(f"{t['progress']}: {name}", f"{len(attempts)} {t['attempts']} · {t['created']} {_day(now)}", language, tuple(blocks), rows)


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
        mine = [a for a in attempts if a.owner == p.id and a.latest_scores is not None]
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
    common = _weak_points(store, attempts, language)
    blocks.append(Heading(2, t["common_findings"]))
    blocks.append(BulletList(tuple(common)) if common else Paragraph(t["no_findings"]))
    blocks.append(Heading(2, t["notes"]))
    blocks.append(Paragraph(hide(session.facilitator_notes)) if session.facilitator_notes.strip() else Paragraph(t["no_notes"]))
    csv_rows = tuple(CsvRow(a.draft_id, names.get(a.owner, ""), a.created_at, _scores_tuple(a.latest_scores)) for a in attempts)
    return Report(f"{t['workshop']}: {hide(session.title)}", f"{session.date} · {len(people)} {t['participants']} · {t['created']} {_day(now)}",
                  language, tuple(blocks), csv_rows)


KINDS = ("draft", "participant", "session")


def build(store: Any, kind: str, item_id: int, language: str = "de", pseudonyms: bool = False) -> Report:
    """The report of one draft, participant or session (what the CLI and the export dialog call)."""
    if kind == "draft":
        return draft_sheet(store, item_id, language)
    if kind == "participant":
        return participant_progress(store, item_id, language, pseudonyms=pseudonyms)
    if kind == "session":
        return workshop_summary(store, item_id, language, pseudonyms)
    raise ValueError(f"report kind must be one of {', '.join(KINDS)}, not {kind!r}")


# --------------------------------------------------------------------------- Markdown

_MD_INLINE = set("\\`*_[]|~")  # active anywhere in a line (emphasis, code, links, tables)
_MD_BLOCK_START = re.compile(r"^(\s*)([#+\-=])", re.MULTILINE)  # headings, lists, setext lines
_MD_ORDERED_START = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)  # "1." / "1)" would start a list


def md_escape(text: str) -> str:
    """User text as inert Markdown: & < > as entities, inline markers escaped, block markers escaped
    only at the start of a line (so "2026-01-15" and "+39" stay readable)."""
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch in _MD_INLINE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    escaped = _MD_BLOCK_START.sub(r"\1\\\2", escaped)
    return _MD_ORDERED_START.sub(r"\1\\\2", escaped)


def _md_lines(text: str) -> str:
    """Escaped multi-line text: single line breaks kept (hard breaks), blank lines stay paragraph breaks."""
    return "  \n".join(md_escape(line) for line in text.split("\n")).replace("  \n  \n", "\n\n")


def segments(text: str, marks: Sequence[Mark]) -> list[tuple[str, Mark | None]]:
    """Split text at mark boundaries; each piece carries the most severe mark covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    out: list[tuple[str, Mark | None]] = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [m for m in marks if m.start <= a and b <= m.end]
        out.append((text[a:b], max(cover, key=lambda m: rank.get(m.severity, 0)) if cover else None))
    return out


def _md_marked(block: MarkedText) -> str:
    """Marked passages in bold; touching marks merge into one bold run (no "****" seams)."""
    runs: list[tuple[str, bool]] = []
    for piece, mark in segments(block.text, block.marks):
        bold = mark is not None and mark.severity != "good"
        if runs and runs[-1][1] == bold:
            runs[-1] = (runs[-1][0] + piece, bold)
        else:
            runs.append((piece, bold))
    parts = []
    for piece, bold in runs:
        rendered = []
        for line in piece.split("\n"):
            core = line.strip()
            if not bold or not core:
                rendered.append(md_escape(line))
            else:
                lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()):]
                rendered.append(f"{md_escape(lead)}**{md_escape(core)}**{md_escape(trail)}")
        parts.append("  \n".join(rendered))
    return "".join(parts).replace("  \n  \n", "\n\n")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(md_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(md_escape(c).replace("\n", " ") for c in row) + " |" for row in rows]
    return out


def to_markdown(report: Report) -> str:
    """The report as Markdown; user text can neither restyle it nor inject HTML or links."""
    out = [f"# {md_escape(report.title)}", "", f"*{md_escape(report.subtitle)}*", ""]
    for block in report.blocks:
        if isinstance(block, Heading):
            out += ["#" * min(max(block.level, 1), 6) + " " + md_escape(block.text), ""]
        elif isinstance(block, Paragraph):
            out += [_md_lines(block.text), ""]
        elif isinstance(block, ScoreTable):
            out += _md_table(block.header, [(r.dimension, str(r.value), r.light_label or r.light, r.delta or "–") for r in block.rows]) + [""]
        elif isinstance(block, Table):
            out += _md_table(block.header, block.rows) + [""]
        elif isinstance(block, BulletList):
            out += [f"- {_md_lines(item)}" for item in block.items] + [""]
        elif isinstance(block, MarkedText):
            out += [_md_marked(block), ""]
        elif isinstance(block, Chart):
            if block.kind == "radar":
                out += _md_table(("", *(s.name for s in block.series)), [(label, *(str(s.values[i]) for s in block.series)) for i, label in enumerate(block.labels)])
            else:
                out += _md_table(("", *(s.name for s in block.series)), [(label, *(str(s.values[i]) for s in block.series)) for i, label in enumerate(block.labels)])
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- HTML

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_COLORS = ("#1f6feb", "#d9480f", "#2b8a3e", "#862e9c", "#495057")
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#212529;line-height:1.5}
h1{font-size:1.6rem;margin:.2rem 0}.sub{color:#6c757d;margin-top:0}
.brand{display:flex;align-items:center;gap:.4rem;margin:0;color:#1b5e9e;font-weight:600;font-size:.9rem}.mark{width:20px;height:20px}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #dee2e6;padding:.25rem .6rem;text-align:left}
.light{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:middle}
.red{background:#e03131}.amber{background:#f59f00}.green{background:#2f9e44}
.text{white-space:pre-wrap;border-left:4px solid #dee2e6;padding:.5rem 1rem;background:#f8f9fa}
mark{padding:0 .1em;border-radius:2px}mark.error{background:#ffc9c9}mark.warning{background:#ffe8cc}
mark.suggestion{background:#fff3bf}mark.info{background:#d0ebff}mark.good{background:#d3f9d8}
svg text{font-size:11px;fill:#495057}.legend span{margin-right:1rem}
@media print{body{margin:0}}
""".strip()


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _svg_radar(chart: Chart) -> str:
    size, cx, cy, r = 320, 160, 160, 110
    width, cx = 440, 220  # room left and right for axis names like "Platform fit"
    n = max(len(chart.labels), 1)

    def pt(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * value / 100 * math.cos(angle), cy + r * value / 100 * math.sin(angle)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{size}" viewBox="0 0 {width} {size}" role="img" aria-label="{_e(chart.title)}">']
    for ring in (25, 50, 75, 100):
        poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in (pt(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{poly}" fill="none" stroke="#dee2e6"/>')
    for i, label in enumerate(chart.labels):
        x, y = pt(i, 100)
        lx, ly = pt(i, 118)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#dee2e6"/>')
        parts.append(f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">{_e(label)}</text>')
    for k, s in enumerate(chart.series):
        color = _COLORS[k % len(_COLORS)]
        poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in (pt(i, v) for i, v in enumerate(s.values)))
        parts.append(f'<polygon points="{poly}" fill="{color}" fill-opacity="0.15" stroke="{color}" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def _svg_line(chart: Chart) -> str:
    w, h, left, top, bottom, right = 520, 240, 36, 12, 28, 12
    n = len(chart.labels)
    pw, ph = w - left - right, h - top - bottom

    def xy(i: int, v: float) -> tuple[float, float]:
        x = left + (pw * i / (n - 1) if n > 1 else pw / 2)
        return x, top + ph * (1 - v / 100)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{_e(chart.title)}">']
    for v in (0, 25, 50, 75, 100):
        _, y = xy(0, v)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#dee2e6"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
    for i, label in enumerate(chart.labels):
        x, _ = xy(i, 0)
        parts.append(f'<text x="{x:.1f}" y="{h - 8}" text-anchor="middle">{_e(label)}</text>')
    for k, s in enumerate(chart.series):
        color = _COLORS[k % len(_COLORS)]
        pts = [xy(i, v) for i, v in enumerate(s.values)]
        parts.append(f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in pts)}" fill="none" stroke="{color}" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>' for x, y in pts]
    parts.append("</svg>")
    return "".join(parts)


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _brand_mark() -> str:
    """The app icon (resources/icons/resonanz-small.svg, our own file) as inline SVG, 20 px."""
    from importlib import resources

    svg = (resources.files("resonanz.resources") / "icons" / "resonanz-small.svg").read_text(encoding="utf-8")
    svg = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->|<title>.*?</title>|<defs>.*?</defs>", "", svg, flags=re.DOTALL).strip()
    svg = re.sub(r"url\(#[\w-]+\)", "#1B5E9E", svg)  # a flat brand blue: the report has no url() at all
    svg = re.sub(r"<svg\b", '<svg class="mark" aria-hidden="true"', svg, count=1)
    svg = re.sub(r'\s(width|height)="\d+"', "", svg.split(">", 1)[0], count=2) + ">" + svg.split(">", 1)[1]
    return re.sub(r">\s+<", "><", svg)


def to_html(report: Report) -> str:
    """The report as ONE self-contained HTML file: inline CSS and SVG, no script, no external URL."""
    body = [f'<p class="brand">{_brand_mark()}Resonanz</p>', f"<h1>{_e(report.title)}</h1>", f'<p class="sub">{_e(report.subtitle)}</p>']
    for block in report.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{_e(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            body.append("<p>" + _e(block.text).replace("\n", "<br>") + "</p>")
        elif isinstance(block, ScoreTable):
            head = "".join(f"<th>{_e(h)}</th>" for h in block.header)
            rows = "".join(
                f'<tr><td>{_e(r.dimension)}</td><td>{r.value:d}</td><td><span class="light {_e(r.light)}"></span>{_e(r.light_label or r.light)}</td><td>{_e(r.delta or "–")}</td></tr>'
                for r in block.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Table):
            body.append(_html_table(block.header, block.rows))
        elif isinstance(block, BulletList):
            body.append("<ul>" + "".join(f"<li>{_e(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, MarkedText):
            pieces = []
            for piece, mark in segments(block.text, block.marks):
                if mark is None:
                    pieces.append(_e(piece))
                else:
                    pieces.append(f'<mark class="{_e(mark.severity)} {_e(mark.dimension)}">{_e(piece)}</mark>')
            body.append('<div class="text">' + "".join(pieces) + "</div>")
        elif isinstance(block, Chart):
            svg = _svg_radar(block) if block.kind == "radar" else _svg_line(block)
            legend = "".join(f'<span style="color:{_COLORS[k % len(_COLORS)]}">■ {_e(s.name)}</span>' for k, s in enumerate(block.series))
            body.append(f'<figure>{svg}<figcaption class="legend">{legend}</figcaption></figure>')
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(report.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(report.title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- CSV

CSV_HEADER = ("id", "name", "created_at", *DIMENSIONS)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting with = + - @ (or tab/CR) gets a leading '."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def to_csv(report_or_rows: Report | Iterable[CsvRow]) -> str:
    """Raw scores, one row per draft version or attempt: id, name, created_at and the four scores."""
    rows = report_or_rows.rows if isinstance(report_or_rows, Report) else tuple(report_or_rows)
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow([r.id, csv_safe(r.name), csv_safe(r.created_at), *("" if s is None else s for s in r.scores)])
    return buf.getvalue()


#: The formats rendered here, in core (PDF is drawn by resonanz.gui.reports.report_pdf).
TEXT_RENDERERS = {"md": to_markdown, "html": to_html, "csv": to_csv}
