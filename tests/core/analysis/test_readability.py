"""Tests for resonanz.core.analysis.readability: syllable heuristic, formulas, edge cases.

All texts and word lists were written for these tests. Syllable counts follow dictionary
hyphenation (Duden for German; Merriam-Webster / CMU for English).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.resources import files

import pytest

from resonanz.core.analysis.readability import SUPPORTED_LANGUAGES, count_syllables, readability

# --------------------------------------------------------------------------- development table
# Words used while writing the rules, tricky ones on purpose. Decisions:
# - "Familie" is Fa-mi-li-e (4) as in Duden; "Energie"-type words keep a one-syllable "-ie".
# - "every" is ev-ery (2), the dictionary pronunciation, not the spelled e-ve-ry.
# - Gender forms are one word: "Kund:innen" = Kun-din-nen (3).
# - Digit runs count one syllable per digit up to 4 ("2024" = 4).

KNOWN_DE = [
    ("Familie", 4),
    ("Familien", 4),
    ("Familienunternehmen", 8),
    ("Bäume", 2),
    ("Feuer", 2),
    ("beeindruckend", 4),
    ("Kund:innen", 3),
    ("Kund*innen", 3),
    ("KundInnen", 3),
    ("Kund_innen", 3),
    ("Mitarbeiter", 4),
    ("Mitarbeiter:innen", 6),
    ("Europa", 3),
    ("Haus", 1),
    ("HAUS", 1),
    ("Straße", 2),
    ("Idee", 2),
    ("Knie", 1),
    ("Linie", 3),
    ("Batterie", 3),
    ("Batterien", 4),
    ("Jubiläum", 4),
    ("Kooperation", 6),
    ("beurteilen", 4),
    ("geeignet", 3),
    ("Eier", 2),
    ("Bayern", 2),
    ("Dienstag", 2),
    ("vierzig", 2),
    ("Quelle", 2),
    ("Effizienz", 4),
    ("finanziell", 4),
    ("vielleicht", 2),
    ("Lehrer", 2),
    ("Glück", 1),
    ("Ärger", 2),
    ("Übung", 2),
    ("erschien", 2),
    ("Wien", 1),
    ("studieren", 3),
    ("Ingenieur", 4),
    ("Yoga", 2),
    ("Psychologie", 4),
    ("Seeufer", 3),
    ("Melodie", 3),
    ("Poesie", 3),
    ("Reaktion", 4),
    ("Hygiene", 4),
    ("Team", 1),
    ("Teamarbeit", 3),
    ("Homeoffice", 3),
    ("online", 2),
    ("Social-Media-Team", 6),
    ("E-Mail", 2),
    ("#Nachbarschaft", 3),
    ("HR", 2),
    ("KI", 2),
    ("JA", 1),
    ("NATO", 2),
    ("2024", 4),
    ("5G", 2),
]

KNOWN_EN = [
    ("the", 1),
    ("table", 2),
    ("beautiful", 3),
    ("created", 3),
    ("makes", 1),
    ("simple", 2),
    ("people", 2),
    ("every", 2),
    ("idea", 3),
    ("social", 2),
    ("cake", 1),
    ("hello", 2),
    ("used", 1),
    ("boxes", 2),
    ("changes", 2),
    ("goes", 1),
    ("quiet", 2),
    ("being", 2),
    ("saying", 2),
    ("player", 2),
    ("loyal", 2),
    ("theatre", 3),
    ("centre", 2),
    ("hundred", 2),
    ("statement", 2),
    ("lifestyle", 2),
    ("something", 2),
    ("anyone", 3),
    ("didn't", 2),
    ("don't", 1),
    ("can't", 1),
    ("naked", 2),
    ("recipe", 3),
    ("vague", 1),
    ("league", 1),
    ("argue", 2),
    ("unique", 2),
    ("continuous", 4),
    ("actual", 3),
    ("creative", 3),
    ("reality", 4),
    ("react", 2),
    ("cooperate", 4),
    ("media", 3),
    ("special", 2),
    ("religious", 3),
    ("various", 3),
    ("language", 2),
    ("guide", 1),
    ("tried", 1),
    ("happier", 3),
    ("criticism", 4),
    ("rhythm", 2),
    ("European", 4),
    ("ocean", 2),
    ("poem", 2),
    ("eye", 1),
    ("settled", 2),
    ("useful", 2),
    ("hopefully", 3),
    ("business", 2),
    ("colleagues", 2),
    ("fashion", 2),
    ("lion", 2),
    ("COVID-19", 4),
    ("HR", 2),
    ("WE", 1),
]

# --------------------------------------------------------------------------- held-out lists
# Written before the rules were run against them and never used to add exceptions (checked
# below): ordinary words of organisational posts plus a few hard ones, so the score measures
# the heuristic instead of restating it.

HELD_OUT_DE = [
    ("Nachhaltigkeit", 4), ("Veranstaltung", 4), ("Unternehmen", 4), ("Zusammenarbeit", 5),
    ("Gesellschaft", 3), ("Ehrenamt", 3), ("Freude", 2), ("Einladung", 3), ("Mitglieder", 3),
    ("Zukunft", 2), ("gemeinsam", 3), ("Herausforderung", 5), ("Erfahrung", 3),
    ("Digitalisierung", 6), ("Kommentar", 3), ("Frage", 2), ("Antwort", 2), ("Beitrag", 2),
    ("teilen", 2), ("Meinung", 2), ("Projekt", 2), ("Energie", 3), ("Strategie", 3),
    ("Ausbildung", 3), ("Bewerbung", 3), ("Stelle", 2), ("Kolleginnen", 4), ("Bürger*innen", 4),
    ("Veranstaltungen", 5), ("Region", 3), ("Information", 5), ("Kreativität", 5),
    ("Qualität", 3), ("Feiertag", 3), ("Mauer", 2), ("heute", 2), ("Leute", 2), ("Häuser", 2),
    ("Stadt", 1), ("Schule", 2), ("Kinder", 2), ("Jugendliche", 4), ("Spaß", 1), ("schön", 1),
    ("wichtig", 2), ("bitte", 2), ("danke", 2), ("Ergebnis", 3), ("Ideen", 3), ("Kriterien", 4),
    ("Spende", 2), ("Museum", 3), ("Bibliothek", 4), ("Wohnung", 2), ("Kaffee", 2),
    ("Neuigkeiten", 4), ("Eltern", 2), ("Ehrenamtliche", 5), ("Klimaschutz", 3), ("Umwelt", 2),
    ("Verantwortung", 4), ("Situation", 5), ("Politik", 3), ("Demokratie", 4),
    ("Europäische", 5), ("Video", 3), ("Feedback", 2), ("Workshop", 2), ("Bäckerei", 3),
    ("aktuell", 3), ("bauen", 2), ("freuen", 2), ("Theater", 3), ("Patienten", 4), ("Pflege", 2),
    ("Krankenhaus", 3), ("Österreich", 3), ("Fußball", 2), ("Mannschaft", 2), ("Glückwunsch", 2),
    ("Milieu", 2), ("Toilette", 3), ("Ukraine", 4), ("Projektteam", 3), ("Livestream", 2),
]

HELD_OUT_EN = [
    ("community", 4), ("volunteer", 3), ("together", 3), ("important", 3), ("thank", 1),
    ("amazing", 3), ("support", 2), ("event", 2), ("government", 3), ("company", 3),
    ("family", 3), ("education", 4), ("opportunity", 5), ("experience", 4), ("celebrate", 3),
    ("proud", 1), ("announce", 2), ("excited", 3), ("journey", 2), ("success", 2), ("growth", 1),
    ("learning", 2), ("leadership", 3), ("customer", 3), ("service", 2), ("future", 2),
    ("change", 1), ("world", 1), ("question", 2), ("answer", 2), ("comment", 2), ("share", 1),
    ("follow", 2), ("inspire", 2), ("environment", 4), ("sustainable", 4), ("development", 4),
    ("technology", 4), ("innovation", 4), ("research", 2), ("science", 2), ("health", 1),
    ("children", 2), ("school", 1), ("teacher", 2), ("student", 2), ("music", 2), ("video", 3),
    ("radio", 3), ("area", 3), ("create", 2), ("behind", 2), ("because", 2), ("before", 2),
    ("little", 2), ("castle", 2), ("handle", 2), ("named", 1), ("wanted", 2), ("played", 1),
    ("playing", 2), ("studied", 2), ("tries", 1), ("happiness", 3), ("wonderful", 3),
    ("helpful", 2), ("meeting", 2), ("reading", 2), ("really", 2), ("year", 1), ("online", 2),
    ("website", 2), ("everyone", 3), ("program", 2), ("partner", 2), ("region", 2),
    ("official", 3), ("million", 2), ("nation", 2), ("whole", 1), ("flyer", 2),
    ("cooperation", 5), ("reuse", 2), ("Australian", 3), ("Tuesday", 2),
]

MIN_ACCURACY = 0.90

_WORD = re.compile(r"[^\W_]+(?:[-'’:*_/][^\W_]+)*")


def _tokens(text: str) -> tuple[list[str], int]:
    """Words and sentence count of a test text (the engine has its own tokenizer)."""
    return _WORD.findall(text), len(re.findall(r"[.!?]+", text))


def _toml() -> dict:
    return tomllib.loads(files("resonanz.resources").joinpath("readability.toml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- syllables


@pytest.mark.parametrize(("word", "expected"), KNOWN_DE)
def test_known_german_syllables(word, expected):
    assert count_syllables(word, "de") == expected


@pytest.mark.parametrize(("word", "expected"), KNOWN_EN)
def test_known_english_syllables(word, expected):
    assert count_syllables(word, "en") == expected


@pytest.mark.parametrize(("language", "held_out", "known"), [("de", HELD_OUT_DE, KNOWN_DE), ("en", HELD_OUT_EN, KNOWN_EN)])
def test_held_out_lists_are_independent(language, held_out, known):
    data = _toml()[language]
    listed = set(data.get("exceptions", {})) | set(data.get("heads", {}))
    words = {w.lower() for w, _ in held_out}
    assert len(held_out) >= 60
    assert len(words) == len(held_out), "duplicates in the held-out list"
    assert not words & {w.lower() for w, _ in known}, "held-out words must not be in the development table"
    assert not words & listed, "held-out words must not be exceptions or heads in readability.toml"


@pytest.mark.parametrize(("language", "held_out"), [("de", HELD_OUT_DE), ("en", HELD_OUT_EN)])
def test_held_out_accuracy(language, held_out):
    wrong = [(w, exp, count_syllables(w, language)) for w, exp in held_out if count_syllables(w, language) != exp]
    accuracy = 1 - len(wrong) / len(held_out)
    assert accuracy >= MIN_ACCURACY, f"{language}: {accuracy:.1%} right; wrong (word, expected, got): {wrong}"


def test_gender_forms_count_as_one_word():
    forms = ["Kund:innen", "Kund*innen", "Kund_innen", "Kund/innen", "Kund/-innen", "KundInnen", "Kundinnen"]
    assert {count_syllables(f, "de") for f in forms} == {3}
    assert count_syllables("Student*in", "de") == count_syllables("Studentin", "de") == 3


def test_hyphenated_compounds_are_the_sum_of_their_parts():
    for lang, compound in (("de", "Zukunfts-Werkstatt"), ("en", "well-known"), ("de", "Online-Seminar")):
        parts = compound.split("-")
        assert count_syllables(compound, lang) == sum(count_syllables(p, lang) for p in parts)


def test_case_does_not_matter_for_ordinary_words():
    assert count_syllables("Zusammenarbeit", "de") == count_syllables("zusammenarbeit", "de") == 5
    assert count_syllables("Beautiful", "en") == count_syllables("beautiful", "en") == 3


def test_numbers_count_per_digit_up_to_a_cap():
    assert count_syllables("5", "de") == 1
    assert count_syllables("42", "en") == 2
    assert count_syllables("2024", "de") == 4
    assert count_syllables("1234567", "en") == 4
    assert count_syllables("1.000", "de") == 4  # "1" + "000"


def test_tokens_without_letters_or_digits_have_no_syllables():
    for token in ["", "!!!", "🎉", "–", "…"]:
        assert count_syllables(token, "de") == 0
        assert count_syllables(token, "en") == 0


def test_every_word_with_a_letter_has_at_least_one_syllable():
    for token in ["x", "B", "Pst", "hm", "nth", "ß"]:
        assert count_syllables(token, "de") >= 1
        assert count_syllables(token, "en") >= 1


def test_language_tags_and_unsupported_languages():
    assert SUPPORTED_LANGUAGES == ("de", "en")
    assert count_syllables("Haus", "de-AT") == count_syllables("Haus", "DE") == 1
    assert count_syllables("house", "en_US") == 1
    with pytest.raises(ValueError):
        count_syllables("maison", "fr")


# --------------------------------------------------------------------------- formulas

# (word, syllables, letters) – syllables checked against the heuristic first, so a failure here
# points at the formula, not at the counter.
DE_EXAMPLE = [("Die", 1, 3), ("Katze", 2, 5), ("schläft", 1, 7), ("Zusammenarbeit", 5, 14), ("Verantwortung", 4, 13), ("Haus", 1, 4)]
EN_EXAMPLE = [("The", 1), ("cat", 1), ("sat", 1), ("on", 1), ("the", 1), ("beautiful", 3), ("table", 2), ("today", 2)]


def test_german_formulas_by_hand():
    for word, syll, letters in DE_EXAMPLE:
        assert count_syllables(word, "de") == syll
        assert sum(c.isalpha() for c in word) == letters
    words, sentences = [w for w, _, _ in DE_EXAMPLE], 2
    n = 6
    syllables = 1 + 2 + 1 + 5 + 4 + 1  # 14
    asl = n / sentences  # 3.0
    asw = syllables / n  # 2.333...
    flesch_amstad = 180 - asl - 58.5 * asw  # 40.5
    ms = 100 * 2 / n  # Zusammenarbeit, Verantwortung have >= 3 syllables
    iw = 100 * 3 / n  # schläft (7), Zusammenarbeit (14), Verantwortung (13) have > 6 letters
    es = 100 * 3 / n  # Die, schläft, Haus
    wstf = 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875  # 10.93

    result = readability(words, sentences, "de")

    assert list(result) == ["flesch_amstad", "wiener_sachtextformel", "avg_sentence_length", "avg_syllables_per_word"]
    assert result["flesch_amstad"] == pytest.approx(flesch_amstad, abs=0.05)
    assert result["wiener_sachtextformel"] == pytest.approx(wstf, abs=0.05)
    assert result["avg_sentence_length"] == 3.0
    assert result["avg_syllables_per_word"] == pytest.approx(asw, abs=0.05)


def test_english_formulas_by_hand():
    for word, syll in EN_EXAMPLE:
        assert count_syllables(word, "en") == syll
    words, sentences = [w for w, _ in EN_EXAMPLE], 2
    asl = 8 / 2  # 4.0
    asw = 12 / 8  # 1.5
    fre = 206.835 - 1.015 * asl - 84.6 * asw  # 75.875
    fk = 0.39 * asl + 11.8 * asw - 15.59  # 3.67

    result = readability(words, sentences, "en")

    assert list(result) == ["flesch_reading_ease", "flesch_kincaid_grade", "avg_sentence_length", "avg_syllables_per_word"]
    assert result["flesch_reading_ease"] == pytest.approx(fre, abs=0.05)
    assert result["flesch_kincaid_grade"] == pytest.approx(fk, abs=0.05)
    assert result["avg_sentence_length"] == 4.0
    assert result["avg_syllables_per_word"] == 1.5


def test_values_are_rounded_to_one_decimal():
    words, sentences = _tokens("Wir danken allen Helferinnen und Helfern. Ohne euch wäre das Fest nicht möglich gewesen!")
    for value in readability(words, sentences, "de").values():
        assert value == round(value, 1)


def test_flesch_scores_are_clamped_but_grade_and_wstf_are_not():
    easy_de = readability(["Haus"] * 3, 3, "de")  # raw Flesch-Amstad 120.5
    easy_en = readability(["cat"] * 3, 3, "en")  # raw 121.2, grade -3.4
    hard_de = readability(["Verantwortungsbewusstsein"] * 30, 1, "de")
    hard_en = readability(["internationalization"] * 30, 1, "en")
    assert easy_de["flesch_amstad"] == 100.0
    assert easy_en["flesch_reading_ease"] == 100.0
    assert easy_en["flesch_kincaid_grade"] == pytest.approx(0.39 + 11.8 - 15.59, abs=0.05)  # negative
    assert hard_de["flesch_amstad"] == 0.0
    assert hard_en["flesch_reading_ease"] == 0.0
    assert hard_de["wiener_sachtextformel"] > 20  # beyond the usual 4..15 scale, not clipped
    assert hard_en["flesch_kincaid_grade"] > 50


def test_tokens_without_letters_are_not_counted_as_words():
    with_emoji = readability(["Das", "ist", "schön", "🎉", "!"], 1, "de")
    without = readability(["Das", "ist", "schön"], 1, "de")
    assert with_emoji == without
    assert with_emoji["avg_sentence_length"] == 3.0


# --------------------------------------------------------------------------- sanity

SIMPLE_DE = "Wir backen heute Brot. Das Brot ist noch warm. Komm vorbei! Wir haben Zeit. Es gibt auch Tee."
NOMINAL_DE = (
    "Die Gewährleistung der Umsetzungsverantwortlichkeit im Rahmen der Digitalisierungsstrategie "
    "erfordert eine kontinuierliche Abstimmung zwischen sämtlichen Organisationseinheiten der "
    "Kommunalverwaltung. Die Berücksichtigung datenschutzrechtlicher Rahmenbedingungen stellt hierbei "
    "eine wesentliche Herausforderung für die Entscheidungsträgerinnen und Entscheidungsträger dar."
)
SIMPLE_EN = "We bake bread today. The bread is still warm. Come by! We have time. There is tea too."
NOMINAL_EN = (
    "The implementation of the organizational modernization initiative necessitates continuous "
    "coordination between administrative departments regarding infrastructure investment "
    "prioritization. Consideration of regulatory documentation requirements constitutes a "
    "substantial complication for institutional decision-makers."
)


def test_simple_german_text_reads_easier_than_nominal_style():
    simple, nominal = readability(*_tokens(SIMPLE_DE), "de"), readability(*_tokens(NOMINAL_DE), "de")
    assert simple["flesch_amstad"] > nominal["flesch_amstad"]
    assert simple["wiener_sachtextformel"] < nominal["wiener_sachtextformel"]
    assert simple["avg_sentence_length"] < nominal["avg_sentence_length"]
    assert simple["avg_syllables_per_word"] < nominal["avg_syllables_per_word"]


def test_simple_english_text_reads_easier_than_nominal_style():
    simple, nominal = readability(*_tokens(SIMPLE_EN), "en"), readability(*_tokens(NOMINAL_EN), "en")
    assert simple["flesch_reading_ease"] > nominal["flesch_reading_ease"]
    assert simple["flesch_kincaid_grade"] < nominal["flesch_kincaid_grade"]


@pytest.mark.parametrize(
    ("words", "sentences", "language"),
    [
        ([], 1, "de"),
        ([], 0, "en"),
        (["Hallo"], 0, "de"),
        (["Hello"], -2, "en"),
        (["Hello"], float("nan"), "en"),
        (["Hello"], None, "en"),
        (["🎉", "👍"], 1, "de"),
        (["Bonjour"], 1, "fr"),
        ((), 3, "en"),
    ],
)
def test_undefined_input_gives_an_empty_dict(words, sentences, language):
    assert readability(words, sentences, language) == {}


def test_import_is_lazy():
    # The TOML (and tomllib) load on first use, which keeps the import cheap (< 5 ms).
    code = "import sys, resonanz.core.analysis.readability as r; print('tomllib' in sys.modules, r._config.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "0"]
