"""Automatic pseudonyms (issue 17, defect 10): not stored as English text, but made when shown, in the
language of the screen ("Teilnehmer:in 2" in a German UI) or of the report. Databases of older
versions, which stored "Participant 2", show the same.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from resonanz.core.analysis.engine import analyze
from resonanz.core.reports.document import build
from resonanz.core.reports.markdown import to_markdown
from resonanz.core.storage.store import Store
from resonanz.gui.app.i18n import Translations
from resonanz.gui.coaching.sessions import ProgressView, SessionsView

POST = "Was wächst bei euch im Garten am besten? Schreibt es uns in die Kommentare!"
NEUTRAL = {"de": "Teilnehmer:in", "en": "Participant"}


@pytest.fixture
def ui():
    """The application's translations; removed afterwards, so later tests see the bare source texts."""
    translations = Translations()
    yield translations
    app = QCoreApplication.instance()
    for translator in (translations._translator, translations._qt_translator):
        if translator is not None:
            app.removeTranslator(translator)


def _listed(view: SessionsView) -> list[str]:
    return [view.participant_list.item(i).text() for i in range(view.participant_list.count())]


def _old_database_session(store: Store) -> tuple[int, list[int]]:
    """A session as an older version left it: the automatic pseudonyms stored as English text."""
    sid = store.create_session("workshop", "Gartenworkshop", "2026-11-20", "")
    conn = store.connection
    ids = []
    for name, pseudonym in (("Anna Becker", "Fuchs"), ("Ben Okafor", "Participant 2"), ("Clara Weiss", "Teilnehmer:in 3")):
        ids.append(int(conn.execute("INSERT INTO participants (session_id, display_name, pseudonym) VALUES (?, ?, ?)",
                                    (sid, name, pseudonym)).lastrowid))
    conn.commit()
    return sid, ids


def test_automatic_pseudonyms_are_not_stored_and_follow_the_ui_language(qtbot, store: Store, ui: Translations) -> None:
    ui.apply("de")
    view = SessionsView(store)
    qtbot.addWidget(view)
    sid = view.create_session("workshop", "Gartenworkshop", date(2026, 11, 20))
    view.add_participant("Anna Becker")
    view.add_participant("Ben Okafor", "Fuchs")
    assert [p.pseudonym for p in store.participants(sid)] == [None, "Fuchs"]
    view.set_exercise("de-frage-01")
    anna = store.participants(sid)[0].id
    view.add_attempt(anna, POST)
    view.set_projecting(True)
    qtbot.waitUntil(lambda: _listed(view) == ["Teilnehmer:in 1", "Fuchs"])
    assert [row[0] for row in view.gallery_rows()] == ["Teilnehmer:in 1"]
    ui.apply("en")
    qtbot.waitUntil(lambda: _listed(view) == ["Participant 1", "Fuchs"])
    assert [row[0] for row in view.gallery_rows()] == ["Participant 1"]  # the gallery follows the language too


@pytest.mark.parametrize("language", ["de", "en"])
def test_pseudonyms_stored_by_older_versions_show_in_the_ui_language(qtbot, store: Store, ui: Translations, language: str) -> None:
    ui.apply(language)
    sid, ids = _old_database_session(store)
    assert [p.pseudonym for p in store.participants(sid)] == ["Fuchs", None, None]
    view = SessionsView(store)
    qtbot.addWidget(view)
    view.select_session(sid)
    view.set_projecting(True)
    word = NEUTRAL[language]
    qtbot.waitUntil(lambda: _listed(view) == ["Fuchs", f"{word} 2", f"{word} 3"])
    view.set_exercise("de-frage-01")
    view.add_attempt(ids[1], POST)
    progress = ProgressView(store)
    qtbot.addWidget(progress)
    progress.set_participant(ids[1])
    progress.set_projecting(True)
    qtbot.waitUntil(lambda: f"{word} 2" in progress.header.text())
    assert "Ben" not in progress.header.text() and "Participant 2" not in progress.header.text().replace(f"{word} 2", "")


@pytest.mark.parametrize("language", ["de", "en"])
def test_reports_name_automatic_pseudonyms_in_the_report_language(store: Store, language: str) -> None:
    sid, ids = _old_database_session(store)
    other = NEUTRAL["en" if language == "de" else "de"]
    word = NEUTRAL[language]
    draft = store.create_draft(POST, "Versuch", language="de", owner=ids[1])
    store.save_revision(draft, POST, "erste", analyze(POST, language="de", rules_dir=False))
    summary = to_markdown(build(store, "session", sid, language, pseudonyms=True))
    assert f"| {word} 2 |" in summary and "Ben" not in summary and f"{other} " not in summary
    progress = build(store, "participant", ids[2], language, pseudonyms=True)
    assert progress.title.endswith(f"{word} 3")
    assert f"{other} " not in to_markdown(progress) and "Clara" not in to_markdown(progress)
    assert build(store, "participant", ids[0], language, pseudonyms=True).title.endswith("Fuchs")


def test_the_neutral_number_is_the_place_in_the_session(store: Store) -> None:
    sid, _ = _old_database_session(store)
    dana = store.add_participant(sid, "Dana Fischer", "Participant 9")  # typed like an automatic one: none stored
    assert store.participants(sid)[-1].pseudonym is None
    assert store.participant_number(dana) == 4
    with pytest.raises(LookupError):
        store.participant_number(999)
