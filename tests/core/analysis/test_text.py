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


# ------------------------------------------------------------------ run-together sentences (issue 19)
def _pack_sentences(text: str, language: str) -> list[str]:
    from resonanz.core.analysis.packs import load_pack

    doc = Document(text, load_pack(language, False).abbreviations)
    return [text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    "language,text,sentences",
    [
        ("en", "Check your balance.That's all.", ["Check your balance.", "That's all."]),
        ("en", "We met in spring.Then the rain came.I stayed.", ["We met in spring.", "Then the rain came.", "I stayed."]),
        ("en", "Go to example.de.Then sign up.", ["Go to example.de.", "Then sign up."]),
        ("de", "Am Ende des Satzes.Der nächste beginnt.", ["Am Ende des Satzes.", "Der nächste beginnt."]),
        ("de", "Wir danken allen.Über 300 kamen.", ["Wir danken allen.", "Über 300 kamen."]),
        ("de", "Mehr auf verein.de.Dort gibt es alles.", ["Mehr auf verein.de.", "Dort gibt es alles."]),
        # a domain only if the URL finder knows it: .berlin is no bare-domain TLD there
        ("de", "Wir sind in kultur.Berlin heute.", ["Wir sind in kultur.", "Berlin heute."]),
    ],
)
def test_run_together_sentences_are_split(language: str, text: str, sentences: list[str]) -> None:
    assert _pack_sentences(text, language) == sentences


@pytest.mark.parametrize(
    "language,text",
    [
        ("en", "Mr. Smith from the U.S. came."),
        ("en", "The U.S.Army came."),  # capital before the dot
        ("en", "Mr.Smith came."),  # known abbreviation
        ("en", "St.Louis is big."),
        ("en", "See example.De for more."),  # a domain in any letter case
        ("en", "Mail max.Mustermann@firma.de today."),  # e-mail address
        ("en", "Open https://example.com/page.Html now."),  # inside a link
        ("en", "The report.PDF is here."),  # capital after capital: a file type, an acronym
        ("en", "The old version.2 is gone."),  # no capital letter after the dot
        ("de", "In St.Pauli wohnt H.Meier."),
        ("de", "Das ist z.B.Unsinn."),  # single letters: z. B.
        ("de", "Termin ca.Mitte Mai, bzw.Ende Mai."),  # known abbreviations
        ("de", "Schreiben Sie an info@verein.De bitte."),
        ("de", "Die www.kultur.Berlin hat auf."),  # www. with any TLD is a link
        ("de", "Wir sind e.V.Mitglied."),
    ],
)
def test_run_together_exceptions_stay_one_sentence(language: str, text: str) -> None:
    assert _pack_sentences(text, language) == [text]


def test_run_together_split_lifts_clarity() -> None:
    glued = "We reached our goal.That's thanks to you.Every donation counted.Now the work starts.Stay with us."
    spaced = glued.replace(".", ". ").strip()
    a, b = analyze(glued, language="en", rules_dir=False), analyze(spaced, language="en", rules_dir=False)
    assert a.stats["sentences"] == b.stats["sentences"] == 5
    assert a.scores["clarity"].value == b.scores["clarity"].value


def test_sentence_at_finds_the_sentence_by_offset() -> None:
    doc = Document("Eins. Zwei drei. Vier?")
    assert [doc.sentence_at(i).start if doc.sentence_at(i) else None for i in (0, 4, 5, 6, 16, 17, 21, 22)] == [0, 0, None, 6, None, 17, 17, None]
