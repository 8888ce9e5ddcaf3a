"""Counted phrases in the UI: "1 attempt" / "2 attempts", "1 Versuch" / "2 Versuche" (issue 19).

English is the source language, but Qt does not pluralise "%n attempt(s)" by itself: the English
translation (resonanz_en.ts, plural forms only) is installed for English like the German one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from resonanz.core.storage.store import Store
from resonanz.gui.app.i18n import Translations
from resonanz.gui.coaching import attempts as attempts_module
from resonanz.gui.coaching.sessions import ProgressView, SessionsView

TS_DIR = Path(__file__).resolve().parents[3] / "resources" / "translations"
POST = "Was wächst bei euch im Garten am besten? Schreibt es uns in die Kommentare!"
EXPECTED = {
    "en": {"header1": "1 participant, 1 attempt in this round", "header2": "2 participants, 2 attempts in this round",
           "progress1": "Progress of Anna Becker: 1 attempt", "progress2": "Progress of Anna Becker: 2 attempts",
           "imported1": "1 attempt imported.", "imported2": "2 attempts imported."},
    "de": {"header1": "1 Teilnehmer:in, 1 Versuch in dieser Runde", "header2": "2 Teilnehmende, 2 Versuche in dieser Runde",
           "progress1": "Fortschritt von Anna Becker: 1 Versuch", "progress2": "Fortschritt von Anna Becker: 2 Versuche",
           "imported1": "1 Versuch importiert.", "imported2": "2 Versuche importiert."},
}


@pytest.fixture
def ui():
    """The application's translations; removed afterwards, so later tests see the bare source texts."""
    translations = Translations()
    yield translations
    app = QCoreApplication.instance()
    for translator in (translations._translator, translations._qt_translator):
        if translator is not None:
            app.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "de"])
def test_session_header_and_progress_count_properly(qtbot, store: Store, ui: Translations, language: str) -> None:
    assert ui.apply(language) == language
    want = EXPECTED[language]
    view = SessionsView(store)
    qtbot.addWidget(view)
    view.create_session("workshop", "Gartenworkshop", date(2026, 11, 20))
    view.set_exercise("de-frage-01")
    anna = view.add_participant("Anna Becker")
    view.add_attempt(anna, POST)
    assert view.session_header.text().endswith(want["header1"])
    progress = ProgressView(store)
    qtbot.addWidget(progress)
    progress.set_participant(anna)
    assert progress.header.text() == want["progress1"]
    ben = view.add_participant("Ben Okafor")
    view.add_attempt(ben, POST)
    assert view.session_header.text().endswith(want["header2"])
    view.set_exercise("de-dialog-01")
    view.add_attempt(anna, POST)
    progress.set_participant(anna)
    assert progress.header.text() == want["progress2"]


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("count", [1, 2])
def test_import_message_counts_properly(qtbot, store: Store, ui: Translations, language: str, count: int,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ui.apply(language)
    view = SessionsView(store)
    qtbot.addWidget(view)
    view.create_session("workshop", "Gartenworkshop", date(2026, 11, 20))
    view.set_exercise("de-frage-01")
    for i in range(count):
        (tmp_path / f"Person {i + 1}.txt").write_text(POST, encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(attempts_module.QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    monkeypatch.setattr(attempts_module.QMessageBox, "information", staticmethod(lambda parent, title, text: said.append(text)))
    view.import_button.click()
    assert said == [EXPECTED[language][f"imported{count}"]]


def _numerus_messages() -> list[tuple[str, str]]:
    root = ET.parse(TS_DIR / "resonanz_de.ts").getroot()
    return [(ctx.findtext("name"), msg.findtext("source")) for ctx in root.iter("context")
            for msg in ctx.iter("message") if msg.get("numerus") == "yes"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_counted_phrase_has_its_plural_forms(ui: Translations, language: str) -> None:
    """Export's "Saved … (1 page)", the trash's "1 draft", "1 exercise" … in both languages."""
    ui.apply(language)
    messages = _numerus_messages()
    assert ("ExportDialog", "Saved %1 (%n page(s)).") in messages and len(messages) >= 8
    for context, source in messages:
        one, two = (QCoreApplication.translate(context, source, None, n) for n in (1, 2))
        assert "(s)" not in one + two and "(e)" not in one + two and "(n)" not in one + two, (context, source)
        assert "1" in one and "2" in two and one != two.replace("2", "1"), (context, source, one, two)


def test_english_translation_holds_only_counted_phrases() -> None:
    root = ET.parse(TS_DIR / "resonanz_en.ts").getroot()
    messages = list(root.iter("message"))
    assert messages and all(m.get("numerus") == "yes" for m in messages)
    assert {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")} == set(_numerus_messages())
    for ts in TS_DIR.glob("resonanz_*.ts"):
        assert 'type="unfinished"' not in ts.read_text(encoding="utf-8"), ts.name
