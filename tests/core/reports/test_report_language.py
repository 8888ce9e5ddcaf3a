"""One language per report (issue 19, point 5): every report in the other language than its drafts.

Labels, messages and suggestions follow the report language; only quotes from the post (and the
user's own words: titles, names, notes, the post text itself) stay as they are. A finding stored
before findings kept their template values is named in the report language and quoted, marked
as the original – never unmarked wrong-language text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from resonanz.core.analysis.language import decide_language
from resonanz.core.reports.builders import draft_sheet, participant_progress, workshop_summary
from resonanz.core.reports.model import BulletList, Chart, Heading, Paragraph, Report, ScoreTable, Table
from resonanz.core.storage.store import Store
from report_fixtures import NAMES, build_report_db

#: Words that give a sentence away as German or English (none is a word of the other language).
WORDS = {
    "de": {"der", "das", "und", "nicht", "mit", "sich", "ist", "ein", "eine", "einen", "den", "dem", "des", "wir",
           "unser", "zu", "auf", "für", "von", "beitrag", "leser", "keine", "kein", "noch", "oder", "sie", "du"},
    "en": {"the", "and", "not", "with", "is", "you", "your", "to", "of", "for", "our", "we", "post", "readers",
           "it", "this", "nothing", "asks", "opens"},
}
#: Text of the users, not of the app: draft titles, session title, notes (the fixture's own words).
USER_TEXT = ("Energie-Post", "Versuch 1", "Versuch 2", "Workshop <Frühling>", "Gute Stimmung. Nächstes Mal mehr Fragen.",
             *NAMES, "Fuchs 1", "Fuchs 2")
_QUOTES = {  # innermost quotes first: the post's (or original's) marks inside the report language's
    "en": (re.compile(r"„[^„“”]*“"), re.compile(r"“[^“”„]*”")),
    "de": (re.compile(r"“[^“”„]*”"), re.compile(r"„[^„“]*“")),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report_db(tmp_path_factory.mktemp("lang") / "reports.db")


def _texts(report: Report) -> list[str]:
    """Every piece of text the report itself says (the marked post text is the post's, left out)."""
    out = [report.title, report.subtitle]
    for b in report.blocks:
        if isinstance(b, (Heading, Paragraph)):
            out.append(b.text)
        elif isinstance(b, BulletList):
            out += b.items
        elif isinstance(b, Table):
            out += [*b.header, *(cell for row in b.rows for cell in row)]
        elif isinstance(b, ScoreTable):
            out += [*b.header, *(f"{r.dimension} {r.light_label}" for r in b.rows)]
        elif isinstance(b, Chart):
            out += [b.title, *b.labels, *(s.name for s in b.series)]
    return out


def _outside_quotes(text: str, language: str) -> str:
    for user in USER_TEXT:
        text = text.replace(user, " ")
    for pattern in _QUOTES[language]:
        while True:
            stripped = pattern.sub(" ", text)
            if stripped == text:
                break
            text = stripped
    return text


def _wrong_language(report: Report) -> list[str]:
    language = report.language
    other = "en" if language == "de" else "de"
    bad = []
    for text in _texts(report):
        rest = _outside_quotes(text, language)
        words = re.findall(r"[^\W\d_]+", rest.lower())
        if WORDS[other] & set(words) or (len(words) >= 8 and decide_language(rest) == other):
            bad.append(text)
    return bad


def _english_draft(store: Store) -> int:
    return next(d.id for d in store.list_drafts() if d.language == "en")


def _participant(store: Store, name: str) -> int:
    session = store.list_sessions()[0]
    return next(p.id for p in store.participants(session.id) if p.display_name == name)


def _reports(store: Store) -> list[Report]:
    session = store.list_sessions()[0].id
    return [
        draft_sheet(store, 1, "en", now="2026-01-15"),  # German draft, English sheet
        draft_sheet(store, _english_draft(store), "de", now="2026-01-15"),  # English draft, German sheet
        participant_progress(store, _participant(store, NAMES[0]), "en", now="2026-01-15"),  # German attempts
        participant_progress(store, _participant(store, NAMES[2]), "de", now="2026-01-15"),  # English attempts
        workshop_summary(store, session, "en", now="2026-01-15"),  # German and English drafts
        workshop_summary(store, session, "de", now="2026-01-15"),
    ]


def test_every_report_speaks_one_language(db: Path) -> None:
    with Store(db) as store:
        for report in _reports(store):
            assert _wrong_language(report) == [], report.title


def test_the_checker_sees_mixed_language(db: Path) -> None:
    """The check itself: the half-English, half-German line of the issue is caught."""
    mixed = Report("Workshop summary", "", "en", (BulletList((
        "2× D1 Addressing the reader, not yourself: 3× wir/unser, 1× Sie/du – der Beitrag spricht über sich, "
        "nicht mit seinem Publikum.",)),))
    assert _wrong_language(mixed) == list(mixed.blocks[0].items)


def _drop_values(store: Store) -> None:
    """Findings as they were stored before they kept their template values."""
    conn = store.connection
    for rid, findings in conn.execute("SELECT id, findings_json FROM revisions WHERE findings_json IS NOT NULL").fetchall():
        old = [{k: v for k, v in f.items() if k != "values"} for f in json.loads(findings)]
        conn.execute("UPDATE revisions SET findings_json = ? WHERE id = ?", (json.dumps(old), rid))
    conn.commit()


def test_findings_stored_without_values_are_named_and_quoted(tmp_path: Path) -> None:
    path = build_report_db(tmp_path / "old.db")
    with Store(path) as store:
        _drop_values(store)
        for report in _reports(store):
            assert _wrong_language(report) == [], report.title
        summary = workshop_summary(store, store.list_sessions()[0].id, "en", now="2026-01-15")
        common = next(b for i, b in enumerate(summary.blocks) if i and summary.blocks[i - 1] == Heading(2, "Most common findings"))
        d1 = next(item for item in common.items if " D1 " in item)
        # the rule's name in English, the German original in quotation marks and said to be one
        assert d1.startswith("2× D1 Addressing the reader, not yourself: “") and d1.endswith("” (German original)")
        assert "wir/unser" in d1
        sheet = draft_sheet(store, _english_draft(store), "de", now="2026-01-15")
        findings = next(b for i, b in enumerate(sheet.blocks) if i and sheet.blocks[i - 1] == Heading(2, "Alle Hinweise"))
        assert any(item.endswith("“ (englisches Original)") for item in findings.items)


def test_a_stored_finding_keeps_its_template_values(db: Path) -> None:
    with Store(db) as store:
        findings = store.revisions(1)[0].findings
    d1 = next(f for f in findings if f["rule"] == "D1")
    assert d1["values"]["we"] == 5 and d1["values"]["you"] == 0
    d6 = next(f for f in findings if f["rule"] == "D6")
    assert d6["values"]["quote"] == "Wir freuen uns sehr."


def test_counts_in_reports_use_plural_forms(db: Path) -> None:
    with Store(db) as store:
        carla = _participant(store, NAMES[2])
        assert participant_progress(store, carla, "en", now="2026-01-15").subtitle.startswith("2 attempts · ")
        assert participant_progress(store, carla, "de", now="2026-01-15").subtitle.startswith("2 Versuche · ")
        session = store.list_sessions()[0].id
        assert " · 3 participants · " in workshop_summary(store, session, "en", now="2026-01-15").subtitle
        assert " · 3 Teilnehmende · " in workshop_summary(store, session, "de", now="2026-01-15").subtitle
