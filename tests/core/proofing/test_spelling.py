"""Offline spelling (core.spelling): example tables of words that must and must not be flagged,
the user's word list, and a false-positive budget on correct organisation posts."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from resonanz.core.proofing import spelling
from resonanz.core.analysis.model import LANGUAGE_DIMENSION
from resonanz.core.proofing.spelling import add_word, check_spelling, load_user_words, remove_word


def flagged(text: str, language: str, **kw) -> list[str]:
    kw.setdefault("user_words", ())
    return [text[f.start : f.end] for f in check_spelling(text, language, **kw)]


# --- must flag: (text, language, the word, first replacement) -------------------------------------

MUST_FLAG = [
    ("Wir freuen uns auf euer Feedbak.", "de", "Feedbak", "Feedback"),
    ("Die Mitgliderversammlung ist am Montag.", "de", "Mitgliderversammlung", "Mitgliederversammlung"),
    ("Das Sommerferst war toll.", "de", "Sommerferst", "Sommerfest"),
    ("Wir danken allen für die Unterstüzung.", "de", "Unterstüzung", "Unterstützung"),
    ("Die Veranstaltnug beginnt um zehn.", "de", "Veranstaltnug", "Veranstaltung"),
    ("Das war ein schöner Nachmitag.", "de", "Nachmitag", "Nachmittag"),
    ("Unsere Spendenaktoin läuft noch.", "de", "Spendenaktoin", "Spendenaktion"),  # a compound with one misspelt part
    ("Wir sind vieleicht zu spät.", "de", "vieleicht", "vielleicht"),  # splits as viel|eicht, yet a typo
    ("Das ist eigendlich klar.", "de", "eigendlich", "eigentlich"),
    ("Wir sind bestimt dabei.", "de", "bestimt", "bestimmt"),
    ("Thank you to all our volunters.", "en", "volunters", "volunteers"),
    ("See you tomorow at the park.", "en", "tomorow", "tomorrow"),
    ("We recieve many letters.", "en", "recieve", "receive"),
    ("The event was a great sucess.", "en", "sucess", "success"),
    ("Our comunity is growing.", "en", "comunity", "community"),
    ("We are so gratefull for your help.", "en", "gratefull", "grateful"),
    ("We definately need help.", "en", "definately", "definitely"),
    ("Teh results are in.", "en", "Teh", "The"),  # sentence start: capitalised words are checked
]


@pytest.mark.parametrize(("text", "language", "word", "first"), MUST_FLAG)
def test_must_flag(text: str, language: str, word: str, first: str) -> None:
    findings = check_spelling(text, language, user_words=())
    assert [text[f.start : f.end] for f in findings] == [word]
    f = findings[0]
    assert f.replacements[0] == first
    assert (f.rule, f.kind, f.dimension, f.severity, f.points) == ("SPELL", "unknown_word", LANGUAGE_DIMENSION, "suggestion", 0)
    assert first in f.suggestion and word in f.message
    assert f.source == f"{'pyspellchecker-Wörterbuch' if language == 'de' else 'pyspellchecker dictionary'} ({language})"


# --- must not flag ---------------------------------------------------------------------------------

MUST_NOT_FLAG = [
    # gender forms
    ("Liebe Kolleg*innen, Lehrer:innen, BürgerInnen und Kund_innen!", "de"),
    # hashtags, mentions, URLs, e-mail addresses, emoji
    ("Folgt @StadtNordBerlin und nutzt #Zusammenhalt2025 #Ehrnamt sowie https://verein-nord.de/anmelden?x=1 🙌🏽", "de"),
    ("Schreibt an kontakt@foerderverein-suedstadt.de oder besucht www.foerderverein-suedstadt.de.", "de"),
    ("Follow @CityFarmLdn and #GrowYourOwnn, details at cityfarm.org.uk/volunteeer 🌱", "en"),
    # numbers and words with digits, acronyms, inner capitals
    ("Die 10er-Karte kostet 3.000 Euro, Stand Q3/2025, B2B und DSGVO.", "de"),
    ("Wir nutzen LinkedIn, YouTube und WhatsApp; das NGO-Netzwerk trifft sich.", "de"),
    ("Our 5K run raised £2,300 for the NHS and 3 local NGOs.", "en"),
    # very short tokens, elisions
    ("So geht’s: gibt's, wie’s, hab' ich, ok, eh.", "de"),
    ("It's the team's day, isn’t it? We'd love that.", "en"),
    # German compounds and loanwords, English words in German posts
    ("Nachbarschaftshilfe, Spendenaktion, Vereinsheim, Fördermittel, Klimaschutz und Lastenräder.", "de"),
    ("Save the Date: unser Onlineworkshop mit Livestream für die Community.", "de"),
    ("Die Stadtteilzentren laden zur Jahreshauptversammlung ins Begegnungscafé.", "de"),
    # British spellings
    ("The centre's programmes for the neighbourhood were organised with great humour.", "en"),
    # names inside an English sentence
    ("Yesterday Aylin and Jörg from Stadtwerke Nord visited our garden.", "en"),
    # German lookup ignores case: a noun's capital letter is not a spelling error
    ("Das Wetter war SCHÖN, die wolken grau.", "de"),
]


@pytest.mark.parametrize(("text", "language"), MUST_NOT_FLAG)
def test_must_not_flag(text: str, language: str) -> None:
    assert flagged(text, language) == []


def test_spans_are_str_offsets_after_emoji() -> None:
    text = "👩🏽‍💻🎉 Das Sommerferst war toll."
    (f,) = check_spelling(text, "de", user_words=())
    assert text[f.start : f.end] == "Sommerferst"


def test_hyphenated_word_flags_only_the_bad_part() -> None:
    text = "Unser Repair-Cafée hat offen."
    (f,) = check_spelling(text, "de", user_words=())
    assert text[f.start : f.end] == "Cafée"


def test_capitalised_unknown_without_a_near_word_is_taken_for_a_name() -> None:
    # "Aylin" has no known word one edit away: a name, not a typo; a lower-case word is still flagged
    assert flagged("Den Anfang macht Aylin.", "de") == []
    assert flagged("Das ist xqzvw.", "de") == ["xqzvw"]


def test_brand_names_from_the_rule_pack_are_known(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "brand.toml").write_text('[brand]\nnames = ["Flitzr Lastenrad", "Quartix"]\n', encoding="utf-8")
    text = "Mit dem Flitzr durch die Stadt."
    assert flagged(text, "de") == ["Flitzr"]
    assert flagged(text, "de", ignore_words=spelling.protected_words("de", rules)) == []
    assert {"flitzr", "lastenrad", "flitzr lastenrad", "quartix"} <= spelling.protected_words("de", rules)


def test_pack_abbreviations_are_known() -> None:
    assert "bzw" in spelling.protected_words("de", False)


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no dictionary"):
        check_spelling("Hola", "es")


# --- the user's word list --------------------------------------------------------------------------


def test_add_word_writes_the_list_in_the_data_dir_and_stops_flagging(_isolated_home: Path) -> None:
    text = "Unser Quartiersrad Flitzr steht bereit."
    assert flagged(text, "de", user_words=None) == ["Flitzr"]
    path = add_word("Flitzr")
    assert path == _isolated_home / "user_words.txt"
    assert path.read_bytes() == "Flitzr\n".encode("utf-8")
    assert flagged(text, "de", user_words=None) == []
    assert flagged(text.replace("Flitzr", "FLITZR"), "de", user_words=None) == []  # any capitalisation


def test_add_word_is_idempotent_keeps_order_and_utf8(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    for w in ("Lastix", "Grünzeug-Börse", "lastix", "Ørsted"):
        add_word(w, path)
    assert path.read_text(encoding="utf-8").splitlines() == ["Lastix", "Grünzeug-Börse", "Ørsted"]
    assert load_user_words(path) == {"lastix", "grünzeug-börse", "ørsted"}


def test_add_word_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    add_word("eins", path)
    seen: list[str] = []
    stop = threading.Event()

    def reader() -> None:  # a reader never sees a half-written list
        while not stop.is_set():
            content = path.read_text(encoding="utf-8")
            seen.append(content)

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(40):
            add_word(f"wort{i}", path)
    finally:
        stop.set()
        t.join()
    assert all(s.endswith("\n") and s.startswith("eins\n") for s in seen)
    assert sorted(os.listdir(tmp_path)) == ["words.txt"]


def test_remove_word(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    add_word("Lastix", path)
    add_word("Flitzr", path)
    assert remove_word("LASTIX", path) is True
    assert remove_word("nie", path) is False
    assert path.read_text(encoding="utf-8") == "Flitzr\n"


@pytest.mark.parametrize("bad", ["", "   ", "zwei Wörter", "tab\there"])
def test_add_word_refuses_non_words(bad: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        add_word(bad, tmp_path / "w.txt")


def test_user_list_is_reread_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    assert load_user_words(path) == frozenset()
    path.write_text("Alpha\n# a comment\n\n", encoding="utf-8")
    assert load_user_words(path) == {"alpha"}
    path.write_text("Alpha\nBeta-Zwo\n", encoding="utf-8")
    assert load_user_words(path) == {"alpha", "beta-zwo"}


# --- realistic correct posts: the false-positive budget --------------------------------------------

CORRECT_DE = [
    "Unser Repair-Café im Stadtteilzentrum Nord öffnet wieder! 🔧 Am Samstag reparieren Ehrenamtliche von 10 bis 14 Uhr Toaster, Fahrräder und Lieblingsstücke. Was bringt ihr mit? #Nachhaltigkeit #Ehrenamt",
    "Liebe Kolleg*innen, die Mitgliederversammlung findet am 12. März um 18:30 Uhr im Vereinsheim statt. Anmeldung bitte bis Freitag per E-Mail an info@tsv-nord.de. Welche Themen sollen auf die Tagesordnung?",
    "Danke an alle 120 Helfer:innen beim Sommerfest! 🎉 Gemeinsam haben wir 3.450 Euro für die Kita-Renovierung gesammelt. Welcher Moment war euer Highlight?",
    "Neu in unserer Bibliothek: Lastenräder zum Ausleihen. Einfach mit dem Bibliotheksausweis buchen und los geht’s. Wofür würdet ihr ein Lastenrad nutzen? 🚲",
    "Die Nachbarschaftshilfe sucht Verstärkung: Wer hat zwei Stunden pro Woche Zeit, um älteren Menschen beim Einkaufen zu helfen? Meldet euch gern per Direktnachricht oder unter www.nachbarn-helfen.de.",
    "Zum Weltfrauentag stellen wir euch fünf Gründerinnen aus der Region vor. Den Anfang macht Aylin, die mit ihrem Start-up Lebensmittelverschwendung bekämpft. Kennt ihr weitere Vorbilder? @GründerzentrumNord",
    "Save the Date: Unser Onlineworkshop zu Fördermitteln für Vereine findet am 4. Juni statt. Wir erklären Schritt für Schritt, wie ein Antrag gelingt. Welche Fragen sollen wir unbedingt beantworten?",
    "Unsere Jugendfeuerwehr hat beim Landeswettbewerb den zweiten Platz belegt! 🚒 Wir sind unglaublich stolz auf das Team und die Betreuer. Wer von euch war früher selbst in der Jugendfeuerwehr?",
    "Ab Montag gelten neue Öffnungszeiten im Bürgerbüro: Dienstag und Donnerstag bis 19 Uhr. So könnt ihr Termine auch nach der Arbeit wahrnehmen. Passt das für euch, oder welche Zeiten wären besser?",
    "Am Wochenende haben 40 Freiwillige den Uferweg am Baggersee von Müll befreit. 🗑️ Über 300 Kilogramm kamen zusammen, darunter erstaunlich viele Kronkorken. Was war euer kuriosester Fund?",
    "Die Stadtwerke informieren: Wegen Bauarbeiten fährt die Buslinie 7 bis Ende Oktober eine Umleitung über die Bahnhofstraße. Fahrpläne findet ihr in der App. Habt ihr Fragen zur Umleitung?",
    "Heute startet unsere Spendenaktion für den Klimaschutz im Quartier. Jeder Euro fließt in Baumpflanzungen und Fassadenbegrünung. Welche Straße sollte als Erstes grüner werden?",
    "Unser Hospizverein sucht Menschen, die Sterbende und ihre Angehörigen begleiten möchten. Die Qualifizierung umfasst zehn Abende und ein Praktikum. Habt ihr Fragen zum Ehrenamt im Hospiz?",
]
CORRECT_EN = [
    "Our community garden on Elm Street is looking for volunteers this spring! 🌱 No experience needed, just bring gloves and good humour. What would you like to grow this year?",
    "Thank you to the 85 runners who joined our charity 5K on Sunday. Together you raised £2,300 for the local food bank. Who's already training for next year?",
    "We're hiring: our youth centre needs a part-time coordinator for after-school programmes. Apply by 30 April via the link in our bio. Know someone who'd be perfect? Tag them below!",
    "Reminder: the annual general meeting takes place on Thursday at 7 pm in the library hall. Members can submit motions until Monday. Which topics matter most to you?",
    "Our new repair café opens its doors this Saturday. Bring your broken toasters, lamps and bikes, and our volunteers will help you fix them. What's the oldest thing you've ever repaired?",
    "Today we celebrate ten years of our neighbourhood newsletter! Thanks to every writer, photographer and reader who made it possible. What story would you like to read next?",
    "Join our free webinar on grant applications for small charities on 12 June. We'll share practical tips, common mistakes and a checklist you can download. What's your biggest question about funding?",
    "Applications are now open for our summer internship programme. Students interested in conservation can spend eight weeks with our rangers in the national park. Who should we reach out to?",
    "Our theatre group is holding auditions for the winter pantomime. All ages and abilities are welcome, and no preparation is needed. Which role would you love to play?",
    "The allotment society invites you to its autumn harvest festival with homemade jam, cider and a pumpkin competition. What's the biggest vegetable you've ever grown?",
]


@pytest.mark.parametrize(("language", "posts"), [("de", CORRECT_DE), ("en", CORRECT_EN)])
def test_false_positives_on_correct_posts_stay_within_budget(language: str, posts: list[str]) -> None:
    flags = [w for p in posts for w in flagged(p, language, ignore_words=spelling.protected_words(language, False))]
    # Known gap, kept visible: "Fassadenbegrünung" (the dictionary lacks "Begrünung"/"begrünen", and
    # "Begrüßung"/"Begründung" are one edit away). A new flag means a regression or another
    # dictionary gap to look at. Budget: at most one word per ten posts.
    assert len(flags) <= len(posts) // 10, flags


def test_a_long_post_is_checked_in_milliseconds() -> None:
    spelling.preload()
    text = " ".join(CORRECT_DE)[:3000]
    check_spelling(text, "de", user_words=())  # warm the compound cache like a typing session would
    started = time.perf_counter()
    check_spelling(text + " Sommerferst", "de", user_words=())
    assert time.perf_counter() - started < 0.25  # measured ~5 ms; generous for slow CI machines


@pytest.mark.parametrize("language", ["de", "en"])
def test_our_entry_by_entry_reader_gives_pyspellcheckers_own_table(language: str) -> None:
    """The dictionary is read entry by entry (so loading never freezes the UI thread for long);
    it must be exactly the table pyspellchecker itself would load."""
    from spellchecker import SpellChecker

    from resonanz.core.proofing.spelling import _load_words

    assert _load_words(language) == dict(SpellChecker(language=language, distance=1).word_frequency.dictionary)

