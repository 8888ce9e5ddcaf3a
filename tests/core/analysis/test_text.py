"""The tokenizer keeps offsets and counts right on what real posts contain."""

from __future__ import annotations

import pytest

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.text import Document


def words(text: str) -> list[str]:
    return [w.text for w in Document(text).words]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Liebe Kund:innen, liebe Kund*innen, liebe KundInnen!", ["Liebe", "Kund:innen", "liebe", "Kund*innen", "liebe", "KundInnen"]),
        ("Kolleg_innen und Nutzer/innen", ["Kolleg_innen", "und", "Nutzer/innen"]),
        ("E-Mail-Adresse, we're, don’t", ["E-Mail-Adresse", "we're", "don’t"]),
        ("3.000 Besucher und 2,5 %", ["3.000", "Besucher", "und", "2,5"]),
        ("„Zitat“ und «citation»", ["Zitat", "und", "citation"]),
    ],
)
def test_words_keep_gender_forms_compounds_and_numbers_whole(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_urls_mentions_and_hashtag_marks_are_not_words() -> None:
    doc = Document("Danke @stadtwerke_ulm! Mehr: https://example.de/sommer-fest #Sommerfest")
    assert [w.text for w in doc.words] == ["Danke", "Mehr"]
    assert [w.text for w in doc.all_words] == ["Danke", "Mehr", "Sommerfest"]  # hashtag words count for word lists
    assert doc.masked.index("Sommerfest") == doc.text.index("Sommerfest")  # masking keeps offsets


@pytest.mark.parametrize(
    "text,sentences",
    [
        ("Das ist z. B. gut. Und jetzt?", ["Das ist z. B. gut.", "Und jetzt?"]),
        ("Am 3. Mai geht es los. Kommen Sie!", ["Am 3. Mai geht es los.", "Kommen Sie!"]),
        ("Dr. Weber kommt. Prof. Lang auch.", ["Dr. Weber kommt.", "Prof. Lang auch."]),
        ("This is e.g. fine. Right?", ["This is e.g. fine.", "Right?"]),
        ("Erste Zeile ohne Punkt\nZweite Zeile", ["Erste Zeile ohne Punkt", "Zweite Zeile"]),
        ("• Punkt eins\n• Punkt zwei\n✅ Punkt drei", ["Punkt eins", "Punkt zwei", "Punkt drei"]),
        ("Wow!!! Wirklich?! Ja…", ["Wow!!!", "Wirklich?!", "Ja…"]),
        ("Er sagte: „Kommt alle.“ Dann ging er.", ["Er sagte: „Kommt alle.“", "Dann ging er."]),
        ("👩🏽‍💻 Was meinen Sie?", ["Was meinen Sie?"]),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    doc = Document(text, frozenset({"z", "b", "dr", "prof", "e.g", "e", "g"}))
    assert [text[s.start : s.end] for s in doc.sentences] == sentences


def test_list_lines() -> None:
    doc = Document("Drei Tipps:\n• eins\n- zwei\n1. drei\n2) vier\n➡️ fünf\nkeine Liste")
    assert len(doc.list_lines) == 5


@pytest.mark.parametrize("prefix", ["", "👩🏽‍💻 ", "🇩🇪🇩🇪 ", "👍🏿👍🏻 ", "1️⃣ ", "\U0001F600" * 5 + " "])
def test_finding_spans_land_on_the_right_word_after_emoji(prefix: str) -> None:
    text = prefix + "Unser einzigartiges Angebot. Jetzt kaufen!"
    r = analyze(text, language="de", platform="facebook", rules_dir=False)
    d8 = r.findings_for("D8")[0]
    d7 = r.findings_for("D7")[0]
    assert text[d8.start : d8.end] == "Jetzt kaufen"
    assert text[d7.start : d7.end] == "einzigartiges"


def test_counts_in_stats_with_emoji_hashtags_mentions_links() -> None:
    text = "Danke an @Team_Nord 🎉👩🏽‍💻! Alle Fotos: https://example.de/fotos #Sommerfest #Ehrenamt"
    st = analyze(text, language="de", platform="x", rules_dir=False).stats
    assert (st["mentions"], st["links"], st["hashtags"], st["emoji"]) == (1, 1, 2, 2)
    # X counts the URL as 23 and each emoji as 2
    plain = len(text) - len("https://example.de/fotos") - len("🎉👩🏽‍💻")
    assert st["characters"] == plain + 23 + 2 + 2
