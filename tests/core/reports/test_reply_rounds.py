"""Reply rounds in reports: the workshop summary and progress report show them, a reply draft gets its own sheet.

Expected scores come from `evaluate` (analyze_reply) itself, never hard-coded.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest
from resonanz.core.exercises.fileformat import parse_exercise
from resonanz.core.exercises.library import evaluate
from resonanz.core.reports.builders import draft_sheet, participant_progress, workshop_summary
from resonanz.core.reports.csv import CSV_HEADER, to_csv
from resonanz.core.reports.html import to_html
from resonanz.core.reports.markdown import to_markdown
from resonanz.core.reports.model import BulletList, Heading, Paragraph, ScoreTable, Table
from resonanz.core.storage.store import Store

#: a reply exercise written for the tests (tests/data/reply_exercise.md)
REPLY_EXERCISE = (Path(__file__).parents[2] / "data" / "reply_exercise.md").read_text(encoding="utf-8")

WEAK = "Vielen Dank für Ihre Anfrage."
BETTER = "Hallo! Ja, am Samstag haben wir offen. Viele Grüße, Timo"
GOOD = "Hallo! Ja, am Samstag haben wir von 9 bis 14 Uhr offen. Was suchen Sie denn? Wir legen es gern zurück. Viele Grüße, Timo"
POST = "Was lest ihr gerade? Erzählt es uns in den Kommentaren, wir sind gespannt auf eure Tipps für den Sommer."


@pytest.fixture()
def setup(tmp_path: Path):
    ex = dataclasses.replace(parse_exercise(REPLY_EXERCISE, "test.md"), source="pack:test")
    with Store(tmp_path / "resonanz.db") as s:
        s.upsert_exercise(ex)
        sid = s.create_session("workshop", "Antworten üben", "2026-01-15", "Anna fragte viel.")
        anna = s.add_participant(sid, "Anna Apfelbaum", "Fuchs")
        bernd = s.add_participant(sid, "=Bernd Birnstiel", None)
        drafts = {}
        for pid, texts in ((anna, (WEAK, GOOD)), (bernd, (WEAK, BETTER))):
            d = s.create_draft(texts[0], ex.title, "de", ex.platform, ex.id, owner=pid, kind="reply", comment=ex.comment, post_context=ex.post_context)
            for i, text in enumerate(texts):
                s.save_revision(d, text, f"v{i + 1}", evaluate(ex, text))
            drafts[pid] = d
        post = s.create_draft(POST, "Ein Beitrag", "de", owner=anna)  # a post round in the same session
        from resonanz.core.analysis.engine import analyze

        s.save_revision(post, POST, "v1", analyze(POST, language="de"))
        yield s, ex, sid, anna, bernd, drafts


def _score(ex, text: str) -> int:
    return evaluate(ex, text).scores["reply"].value


def _rounds(report, title: str) -> list:
    headings = [i for i, b in enumerate(report.blocks) if isinstance(b, Heading) and b.text == title]
    assert len(headings) == 1, f"no single heading {title!r}"
    return list(report.blocks[headings[0]:])


@pytest.mark.parametrize(("lang", "rounds", "met", "not_met", "comment"), [
    ("de", "Antwortrunden", "≥ 70: erreicht", "≥ 70: nicht erreicht", "Kommentar, auf den geantwortet wird: „Habt ihr am Samstag offen?“"),
    ("en", "Reply rounds", "≥ 70: met", "≥ 70: not met", "Comment being answered: “Habt ihr am Samstag offen?”"),
])
def test_workshop_summary_shows_the_reply_round(setup, lang, rounds, met, not_met, comment) -> None:
    s, ex, sid, anna, bernd, _ = setup
    report = workshop_summary(s, sid, lang)
    blocks = _rounds(report, rounds)
    assert blocks[1] == Heading(3, "Auf eine Frage antworten (de-antwort-test)")
    assert blocks[2] == Paragraph(comment)
    table = blocks[3]
    assert isinstance(table, Table) and len(table.rows) == 2
    weak, good, better = _score(ex, WEAK), _score(ex, GOOD), _score(ex, BETTER)
    assert good >= 70 > weak  # the test exercise is what it claims to be
    by_name = {row[0]: row for row in table.rows}
    expected = {
        "Anna Apfelbaum": (str(weak), f"{good} (+{good - weak})", met if good >= 70 else not_met),
        "=Bernd Birnstiel": (str(weak), f"{better} (+{better - weak})", met if better >= 70 else not_met),
    }
    assert {k: v[1:] for k, v in by_name.items()} == expected
    common = blocks[5]
    assert isinstance(common, BulletList) and common.items
    latest = [evaluate(ex, GOOD), evaluate(ex, BETTER)]
    counts = {}
    for result in latest:
        for rule in {f.rule for f in result.findings if f.severity in ("error", "warning", "suggestion")}:
            counts[rule] = counts.get(rule, 0) + 1
    top_rule, top_n = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    assert common.items[0].startswith(f"{top_n}× {top_rule} ")
    # the post round is unharmed: its best attempt and findings stay with the four dimensions
    best = next(b for b in report.blocks if isinstance(b, Table) and b is not table)
    assert [row[0] for row in best.rows] == ["Anna Apfelbaum"] and "Ein Beitrag" in best.rows[0][1]


def test_reply_round_in_every_text_format_and_csv_stays_safe(setup) -> None:
    s, ex, sid, anna, bernd, drafts = setup
    report = workshop_summary(s, sid, "en")
    md, html = to_markdown(report), to_html(report)
    for text in (md, html):
        assert "Reply rounds" in text and "Comment being answered" in text and "Most frequent reply findings" in text
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert rows[0] == [*CSV_HEADER, "reply"]
    by_id = {int(r[0]): r for r in rows[1:]}
    assert by_id[drafts[anna]][3:] == ["", "", "", "", str(_score(ex, GOOD))]
    assert by_id[drafts[bernd]][1] == "'=Bernd Birnstiel"  # formula-safe
    assert all(len(r) == len(rows[0]) for r in rows)


def test_pseudonyms_hide_names_in_the_reply_round(setup) -> None:
    s, ex, sid, anna, bernd, _ = setup
    report = workshop_summary(s, sid, "de", pseudonyms=True)
    table = _rounds(report, "Antwortrunden")[3]
    assert sorted(row[0] for row in table.rows) == ["Fuchs", "Teilnehmer:in 2"]
    assert "Anna" not in to_markdown(report) and "Bernd" not in to_markdown(report)


def test_progress_report_shows_the_participants_reply_round(setup) -> None:
    s, ex, sid, anna, bernd, _ = setup
    report = participant_progress(s, anna, "en")
    table = _rounds(report, "Reply rounds")[3]
    assert table.header[0] == "Attempt"
    assert table.rows == (("Auf eine Frage antworten", str(_score(ex, WEAK)), f"{_score(ex, GOOD)} (+{_score(ex, GOOD) - _score(ex, WEAK)})", "≥ 70: met"),)
    line = next(b for b in report.blocks if getattr(b, "kind", "") == "line")
    assert line.labels == ("1",)  # the chart of the four dimensions has the post only
    csv_rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert csv_rows[0][-1] == "reply" and len(csv_rows) == 3


def test_a_post_only_report_has_no_reply_part(setup) -> None:
    s, ex, sid, anna, bernd, drafts = setup
    for d in drafts.values():
        s.delete_draft(d)
    report = workshop_summary(s, sid, "en")
    assert not any(isinstance(b, Heading) and b.text == "Reply rounds" for b in report.blocks)
    assert list(csv.reader(io.StringIO(to_csv(report))))[0] == list(CSV_HEADER)


@pytest.mark.parametrize(("lang", "comment_heading", "score_heading", "label", "r1"), [
    ("de", "Kommentar, auf den geantwortet wird", "Antwortwert", "Antwort", "Die Antwort spricht die Person nicht an."),
    ("en", "Comment being answered", "Reply score", "Reply", "The reply does not speak to the person."),
])
def test_draft_sheet_of_a_reply(setup, lang, comment_heading, score_heading, label, r1) -> None:
    s, ex, sid, anna, bernd, drafts = setup
    d = s.create_draft(WEAK, "Antwort an Timo", "de", "facebook", kind="reply", comment=ex.comment, post_context=ex.post_context)
    s.save_revision(d, WEAK, "v1", evaluate(ex, WEAK))
    s.save_revision(d, BETTER, "v2", evaluate(ex, BETTER))
    report = draft_sheet(s, d, lang)
    heads = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert comment_heading in heads and score_heading in heads
    i = heads.index(comment_heading)
    paragraphs = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    assert ex.comment in paragraphs and ex.post_context in paragraphs
    (table,) = [b for b in report.blocks if isinstance(b, ScoreTable)]
    better, weak = _score(ex, BETTER), _score(ex, WEAK)
    assert (table.rows[0].dimension, table.rows[0].value) == (label, better)
    assert table.rows[0].delta == (f"+{better - weak}" if better > weak else str(better - weak))
    findings = report.blocks[-1]
    assert isinstance(findings, BulletList)
    assert len(findings.items) == len(evaluate(ex, BETTER).findings)
    weak_sheet = draft_sheet(s, s.create_draft(WEAK, "x", "de", kind="reply", comment=ex.comment), lang)  # never scored: scored now
    assert any(r1 in item for b in weak_sheet.blocks if isinstance(b, BulletList) for item in b.items)
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert rows[0][len(CSV_HEADER)] == "reply" and [r[len(CSV_HEADER)] for r in rows[1:3]] == [str(weak), str(better)]
    assert i >= 0 and "Habt ihr am Samstag offen?" in to_markdown(report) and "Habt ihr am Samstag offen?" in to_html(report)
