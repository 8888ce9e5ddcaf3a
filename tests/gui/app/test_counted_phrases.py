"""Counted phrases for 0, 1 and 2 (issue 17, defect 10: "24 exercise(s)", "1 Attempts"): every
phrase with "(s)" is a Qt plural, each reads right for 0, 1 and 2 in both UI languages, and the
status bar counts words and sentences properly. Reports count with core's plural helper.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from resonanz.core.reports.plural import count
from resonanz.gui.app.i18n import Translations

from ..windows import open_window

TS_DIR = Path(__file__).resolve().parents[3] / "resources" / "translations"
STATUS = {
    "en": {"Hallo.": "1 word · 1 sentence", "Hallo Welt. Wie geht es?": "5 words · 2 sentences"},
    "de": {"Hallo.": "1 Wort · 1 Satz", "Hallo Welt. Wie geht es?": "5 Wörter · 2 Sätze"},
}


@pytest.fixture
def ui(qapp):
    """The application's translations; removed afterwards, so later tests see the bare source texts."""
    translations = Translations()
    yield translations
    app = QCoreApplication.instance()
    for translator in (translations._translator, translations._qt_translator):
        if translator is not None:
            app.removeTranslator(translator)


def _messages() -> list[tuple[str, str, bool]]:
    root = ET.parse(TS_DIR / "resonanz_de.ts").getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg.get("numerus") == "yes")
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def test_every_phrase_with_an_optional_plural_is_counted_by_qt() -> None:
    loose = [(context, source) for context, source, numerus in _messages() if "(s)" in source and not numerus]
    assert loose == []


def test_no_number_is_put_before_a_fixed_plural() -> None:
    """ "%1 findings" reads "1 findings"; such counts are Qt plurals or labels ("Findings: %1")."""
    fixed = re.compile(r"(%\d|\{[a-z_]+\}) (\w+s)\b")
    nouns = {"words", "sentences", "characters", "findings", "points", "attempts", "participants", "exercises", "drafts", "pages", "revisions",
             "posts", "rows"}
    loose = [(context, source) for context, source, numerus in _messages()
             if not numerus and any(m.group(2) in nouns for m in fixed.finditer(source)) and "over %1" not in source]  # a limit of thousands
    assert loose == []


@pytest.mark.parametrize("language", ["en", "de"])
def test_zero_takes_the_plural_like_two(ui: Translations, language: str) -> None:
    ui.apply(language)
    counted = [(context, source) for context, source, numerus in _messages() if numerus]
    assert counted
    for context, source in counted:
        zero, one, two = (QCoreApplication.translate(context, source, None, n) for n in (0, 1, 2))
        assert "(s)" not in zero and zero == two.replace("2", "0"), (context, source, zero, two)
        assert one != two.replace("2", "1"), (context, source, one, two)


@pytest.mark.parametrize("language", ["en", "de"])
def test_status_bar_counts_words_and_sentences(qtbot, store, ui: Translations, language: str) -> None:
    w = open_window(qtbot, store)
    assert w.set_ui_language(language) == language
    for text, expected in STATUS[language].items():
        w.load_text(text)
        qtbot.waitUntil(lambda expected=expected: w.status_words.text().startswith(expected + " · "))
    w.set_ui_language("en")


@pytest.mark.parametrize(("n", "en", "de"), [(0, "0 participants", "0 Teilnehmende"), (1, "1 participant", "1 Teilnehmer:in"),
                                             (2, "2 participants", "2 Teilnehmende")])
def test_reports_count_participants_properly(n: int, en: str, de: str) -> None:
    assert (count(n, "participants", "en"), count(n, "participants", "de")) == (en, de)
