"""Tests for resonanz.core.analysis.language: offline German/English detection of short posts."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.language import SUPPORTED_LANGUAGES, detect_language, resolve_language

# --------------------------------------------------------------------------- development table
# Written by hand for this detector and used while tuning the weights in language.toml.

DEV_DE = [
    "Danke!",
    "Vielen Dank!",
    "Glückwunsch!",
    "Hallo zusammen!",
    "Moin aus Hamburg 👋",
    "Guten Morgen, ihr Lieben ☀️",
    "Herzlichen Glückwunsch zum Jubiläum!",
    "Glückwunsch an das Team 🎉",
    "Danke für das tolle Feedback zum Workshop!",
    "Das Meeting war super, danke für euer Feedback!",
    "Wer ist morgen beim Call dabei?",
    "Was meint ihr: Sollen wir das Event wiederholen?",
    "Wie findet ihr unser neues Logo?",
    "Habt ihr Fragen? Schreibt uns gern!",
    "Wir suchen Verstärkung für unser Team! #Jobs #Hiring #Karriere",
    "#Nachhaltigkeit #Zukunft #Verantwortung #Innovation",
    "#Danke #Teamwork #Weihnachtsfeier 🎄",
    "Unsere Kund:innen stehen im Mittelpunkt.",
    "Liebe Kund*innen, ab Montag gelten neue Öffnungszeiten.",
    "Wir freuen uns auf alle Teilnehmer_innen!",
    "Für unsere MitarbeiterInnen gibt es ab sofort ein Jobrad.",
    "„Gemeinsam schaffen wir das“, sagt unsere Geschäftsführerin.",
    "Neuer Blogpost online!\nJetzt lesen und teilen 👇",
    "Schönes Wochenende!",
    "Frohe Weihnachten 🎄",
    "Endlich Freitag 🙌",
    "Was für ein Tag! 🤩",
    "Heute im Homeoffice, morgen wieder im Büro.",
    "Kurzes Update: Der Launch verschiebt sich um eine Woche.",
    "Save the Date: Unser Sommerfest findet am 12. Juli statt!",
    "Stolz auf dieses Team 💪",
    "Neue Folge unseres Podcasts ist online – hört rein!",
    "Wir sind dabei! 🚀 #Digitalisierung",
    "Bitte teilen!",
    "Leider ausverkauft 😢",
    "Mega Stimmung beim Networking-Abend gestern!",
    "Welche Tools nutzt ihr für die Planung?",
    "Ich bin gespannt, was ihr dazu sagt.",
    "Vielen Dank an @resonanz für die Einladung! https://resonanz.de/events",
    "Tschüss 2023, hallo 2024! 🎆",
    "Großartige Leistung! 👏👏👏",
    "Zeit für eine Pause ☕",
    "Und jetzt seid ihr dran: Was ist euer Lieblingsbuch?",
    "Das Feedback-Meeting mit dem Kunden lief richtig gut.",
    "Kommentiert gern mit euren Ideen 💡",
]

DEV_EN = [
    "Thanks!",
    "Thank you!",
    "Congrats!",
    "Hello everyone!",
    "Good morning, friends ☀️",
    "Congratulations on your anniversary!",
    "Congrats to the team 🎉",
    "Thanks for the great feedback on the workshop!",
    "The meeting was super, thanks for your feedback!",
    "Who is joining the call tomorrow?",
    "What do you think: should we run the event again?",
    "How do you like our new logo?",
    "Any questions? Just drop us a line!",
    "We're hiring! Join our team. #Jobs #Hiring #Careers",
    "#Sustainability #Future #Leadership #Innovation",
    "#ThankYou #Teamwork #HolidayParty 🎄",
    "Our customers are at the heart of everything we do.",
    "Dear customers, new opening hours start on Monday.",
    "We can't wait to see all participants!",
    "Every employee now gets a company bike.",
    "\u201cTogether we can do this,\u201d says our CEO.",
    "New blog post is live!\nRead and share 👇",
    "Have a great weekend!",
    "Merry Christmas 🎄",
    "Finally Friday 🙌",
    "What a day! 🤩",
    "Working from home today, back in the office tomorrow.",
    "Quick update: the launch moves by one week.",
    "Save the date: our summer party is on July 12!",
    "So proud of this team 💪",
    "New episode of our podcast is out – tune in!",
    "We're in! 🚀 #DigitalTransformation",
    "Please share!",
    "Sorry, we're sold out 😢",
    "Amazing vibes at the networking night yesterday!",
    "Which tools do you use for planning?",
    "I'm curious what you think about it.",
    "Big thanks to @resonanz for the invite! https://resonanz.de/events",
    "Bye 2023, hello 2024! 🎆",
    "Great job, everyone! 👏👏👏",
    "Time for a coffee break ☕",
    "Great talk by Jürgen Müller at the summit today!",
    "Thanks, Jürgen, for hosting us in Berlin!",
    "Now it's your turn: what's your favourite book?",
    "Had a wonderful chat with Katharina Schäfer about leadership.",
]

CRITICAL = [
    ("Danke!", "de"),
    ("Thanks!", "en"),
    ("Vielen Dank!", "de"),
    ("Thank you!", "en"),
    ("Glückwunsch!", "de"),
    ("Congrats!", "en"),
    ("Glückwunsch an das Team 🎉", "de"),
    ("Congrats to the team 🎉", "en"),
]


def _accuracy(texts: list[str], expected: str) -> tuple[float, list[tuple[str, str, float]]]:
    misses = []
    for text in texts:
        code, confidence = detect_language(text)
        if code != expected:
            misses.append((text, code, confidence))
    return 1 - len(misses) / len(texts), misses


def test_dev_tables_are_big_enough() -> None:
    assert len(DEV_DE) >= 40 and len(DEV_EN) >= 40
    for text in DEV_DE + DEV_EN:
        assert 1 <= len(text.split()) <= 25, text


@pytest.mark.parametrize(("texts", "expected"), [(DEV_DE, "de"), (DEV_EN, "en")])
def test_dev_accuracy(texts: list[str], expected: str) -> None:
    accuracy, misses = _accuracy(texts, expected)
    assert accuracy >= 0.95, misses


@pytest.mark.parametrize(("text", "expected"), CRITICAL)
def test_critical_cases(text: str, expected: str) -> None:
    code, confidence = detect_language(text)
    assert code == expected
    assert confidence >= 0.8


def test_danke_is_not_danish_or_anything_else() -> None:
    # The classic failure of general-purpose detectors; here only de/en exist at all.
    assert detect_language("Danke!")[0] == "de"
    assert detect_language("danke")[0] == "de"
    assert detect_language("DANKE!!!")[0] == "de"


@pytest.mark.parametrize("text", ["Wow!", "OK", "Super!", "Team", "👍", "wow 😍"])
def test_neutral_words_have_low_confidence(text: str) -> None:
    code, confidence = detect_language(text)
    assert code in SUPPORTED_LANGUAGES
    assert confidence <= 0.6


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n", "🎉🎉🎉", "12345", "https://example.com/x?y=1", "@some1", "2024!!! 🚀"],
)
def test_no_evidence_gives_default_with_half_confidence(text: str) -> None:
    assert detect_language(text) == ("de", 0.5)


def test_default_comes_from_the_data_file() -> None:
    data = tomllib.loads((files("resonanz.resources") / "language.toml").read_text("utf-8"))
    assert data["default"] == "de"
    assert SUPPORTED_LANGUAGES == tuple(data["languages"])


def test_supported_languages() -> None:
    assert SUPPORTED_LANGUAGES == ("de", "en")
    assert isinstance(SUPPORTED_LANGUAGES, tuple)


def test_word_lists_do_not_contradict_each_other() -> None:
    data = tomllib.loads((files("resonanz.resources") / "language.toml").read_text("utf-8"))
    neutral = set(data["neutral"]["words"].split())
    seen: dict[str, str] = {}
    for code, table in data["languages"].items():
        for tier in ("strong_words", "words", "weak_words"):
            for word in table.get(tier, "").split():
                assert word == word.lower(), word
                assert word not in neutral, f"{word!r} is both neutral and {code}"
                assert seen.setdefault(word, f"{code}.{tier}") == f"{code}.{tier}", (
                    f"{word!r} is in {seen[word]} and {code}.{tier}"
                )
    for code, table in data["languages"].items():
        words = sum(len(table.get(t, "").split()) for t in ("strong_words", "words", "weak_words"))
        assert 150 <= words <= 450, (code, words)  # ~250 lemmas plus inflected forms


def test_confidence_grows_with_evidence() -> None:
    short = detect_language("Danke!")[1]
    longer = detect_language("Danke euch allen für die tolle Zusammenarbeit in diesem Jahr!")[1]
    assert 0.5 < short < longer <= 1.0


def test_mixed_german_with_english_loanwords_is_german() -> None:
    text = "Nach dem Kick-off Meeting haben wir im Workshop das Feedback vom Call besprochen."
    assert detect_language(text)[0] == "de"
    assert detect_language("Das Team hat beim Hackathon einen Award gewonnen!")[0] == "de"


def test_english_with_a_german_name_is_english() -> None:
    assert detect_language("Shoutout to Björn Weißmüller for the keynote!")[0] == "en"


def test_urls_mentions_and_hashtags_are_handled() -> None:
    # URL words (thanks, the) and mentions must not count; hashtag words count at lower weight.
    noisy = "Danke! https://thanks-the-best.com/the/thank-you @thethankyou thanks@the.com"
    assert detect_language(noisy)[0] == "de"
    assert detect_language("Thanks! www.danke-schoen.de/und/der/die/das resonanz.de/ich")[0] == "en"
    assert detect_language("#DankeSchön")[0] == "de"
    assert detect_language("#ThankYou")[0] == "en"
    hashtag_only = detect_language("#danke")[1]
    plain = detect_language("danke")[1]
    assert 0.5 < hashtag_only < plain


def test_typographic_apostrophes() -> None:
    assert detect_language("It\u2019s done")[0] == "en"
    assert detect_language("Wie geht\u2019s?")[0] == "de"


def test_long_text_is_sampled() -> None:
    german = "Vielen Dank für eure Unterstützung! "
    english = "Thanks to the team and all of you! "
    text = german * 2000 + english * 2000
    assert len(text) > 50_000
    code, confidence = detect_language(text)
    assert code == "de"  # only the beginning is looked at
    assert confidence == 1.0


# ---------------------------------------------------------------------------- resolve_language


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "de"),
        ("en", "en"),
        ("DE", "de"),
        ("En", "en"),
        ("de-DE", "de"),
        ("de_AT", "de"),
        ("en-US", "en"),
        ("en-GB", "en"),
        (" en ", "en"),
    ],
)
def test_resolve_forced(language: str, expected: str) -> None:
    # The text is clearly the other language: a forced choice wins over detection.
    text = "Thanks to everyone!" if expected == "de" else "Danke an alle!"
    assert resolve_language(text, language) == (expected, False)


@pytest.mark.parametrize("language", ["auto", "AUTO", "Auto"])
def test_resolve_auto(language: str) -> None:
    assert resolve_language("Danke an alle!", language) == ("de", True)
    assert resolve_language("Thanks to everyone!", language) == ("en", True)
    assert resolve_language("", language) == ("de", False)  # nothing to decide by: the default, not "detected"


@pytest.mark.parametrize(
    "language", ["fr", "", "deutsch", "english", "xx-DE", "de-", "auto-de", "d", "de DE"]
)
def test_resolve_unknown_language_raises(language: str) -> None:
    with pytest.raises(ValueError) as info:
        resolve_language("Hallo", language)
    message = str(info.value)
    assert "\n" not in message
    assert repr(language) in message
    assert "auto, de or en" in message


def test_resolve_error_message_exact() -> None:
    with pytest.raises(ValueError, match=r"^unknown language 'fr': choose auto, de or en$"):
        resolve_language("Hallo", "fr")


# ---------------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_detect_never_raises(text: str) -> None:
    code, confidence = detect_language(text)
    assert code in SUPPORTED_LANGUAGES
    assert 0.5 <= confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=6000))
def test_detect_never_raises_on_long_text(text: str) -> None:
    code, confidence = detect_language(text)
    assert code in SUPPORTED_LANGUAGES
    assert 0.5 <= confidence <= 1.0


# ---------------------------------------------------------------------------- held-out table
# Written only after the detector and the weights in language.toml were finished, and NOT used
# to tune them: it measures how well the hand-made evidence generalises. Do not add words to
# language.toml to fix a miss here; add a new held-out table instead.

HELDOUT_DE = [
    "Servus miteinander!",
    "Wahnsinn, wie schnell dieses Jahr vergangen ist.",
    "Kaffee oder Tee? ☕🍵",
    "Wir haben umgezogen – neue Adresse im Link.",
    "Unser Azubi Jonas hat seine Prüfung bestanden! 🎓",
    "Gestern Abend: volle Hütte beim Meetup in Köln.",
    "Sorry für die Verspätung, der Zug stand ewig.",
    "Kennt jemand eine gute Agentur für Employer Branding?",
    "Neue Stellenanzeige: Projektmanager:in (m/w/d) in Teilzeit",
    "Drei Tipps für bessere Präsentationen 👇",
    "Zum Weltfrauentag: Danke an alle Frauen in unserem Unternehmen 💜",
    "Ab heute gilt: Freitags ist Meeting-freier Tag.",
    "Mittagspause mit Aussicht 😎",
    "Hat jemand Erfahrung mit Remote Onboarding?",
    "Unsere Bäckerei bleibt über Ostern geschlossen.",
    "Die Anmeldung für den Webinar-Termin läuft noch bis Sonntag.",
    "Tolles Gespräch mit Studierenden der TU München.",
    "#Mitarbeiterporträt: Heute stellen wir euch Aylin vor.",
    "Was war eure größte Herausforderung im letzten Quartal?",
    "Schon gewusst? Unser Newsletter erscheint jetzt monatlich.",
    "Ein Hoch auf unsere Azubis! 🥳",
    "Wir gratulieren Sabine zu 25 Jahren Betriebszugehörigkeit.",
    "Nächste Woche sind wir auf der Messe in Nürnberg, Halle 4.",
    "Regen, Wind und trotzdem gute Laune 🌧️",
    "Kurze Umfrage: Wie oft arbeitet ihr mobil?",
    "Frisch aus der Druckerei: unser Jahresbericht.",
    "Es gibt Neuigkeiten! Stay tuned 👀",
    "Bewerbungsschluss ist der 30. Juni.",
    "Feierabend! Bis morgen 👋",
    "Manchmal muss man einfach loslassen.",
    "Fünf Jahre Startup – ein Rückblick in Bildern.",
    "Teamevent im Kletterpark: alle sind heil oben angekommen 🧗",
]

HELDOUT_EN = [
    "Hey there, happy Monday!",
    "Coffee or tea? ☕🍵",
    "We've moved – new address in the link.",
    "Our apprentice Jonas passed his final exam! 🎓",
    "Packed room at last night's meetup in Cologne.",
    "Sorry for the delay, the train was stuck forever.",
    "Can anyone recommend a good employer branding agency?",
    "New opening: part-time project manager (all genders welcome)",
    "Three tips for better presentations 👇",
    "On International Women's Day: thank you to all the women on our team 💜",
    "Starting today, Fridays are meeting-free.",
    "Lunch break with a view 😎",
    "Does anyone have experience with remote onboarding?",
    "Our bakery will be closed over Easter.",
    "Registration for the webinar is open until Sunday.",
    "Inspiring conversation with students from TU Munich.",
    "#EmployeeSpotlight: meet Aylin from our finance team.",
    "What was your biggest challenge last quarter?",
    "Did you know? Our newsletter now comes out monthly.",
    "Here's to our amazing interns! 🥳",
    "Please join us in congratulating Sabine on 25 years with the company.",
    "Next week you'll find us at the trade fair in Nuremberg, hall 4.",
    "Rain, wind and still in a good mood 🌧️",
    "Quick poll: how often do you work remotely?",
    "Fresh off the press: our annual report.",
    "Big news coming soon! Stay tuned 👀",
    "Applications close on June 30.",
    "That's a wrap! See you tomorrow 👋",
    "Sometimes you just have to let go.",
    "Five years of startup life – a look back in pictures.",
    "Team day at the climbing park: everyone made it to the top 🧗",
    "Grateful for a fantastic first week with Maximilian Krüger and the crew.",
]


def test_heldout_tables_are_big_enough() -> None:
    assert len(HELDOUT_DE) >= 30 and len(HELDOUT_EN) >= 30
    assert not set(HELDOUT_DE + HELDOUT_EN) & set(DEV_DE + DEV_EN)


@pytest.mark.parametrize(("texts", "expected"), [(HELDOUT_DE, "de"), (HELDOUT_EN, "en")])
def test_heldout_accuracy(texts: list[str], expected: str) -> None:
    accuracy, misses = _accuracy(texts, expected)
    assert accuracy >= 0.90, misses
