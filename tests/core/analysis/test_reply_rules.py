"""Reply rules R1-R9 (issue 15): for every rule, texts that must and must not trigger it, in German
and English. All example texts are written for these tests.

A row: (rule, kind, fires, lang, comment, reply, extra keyword arguments of analyze_reply).
`fires=True`: a finding of that rule and kind must be there; False: it must not.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from resonanz.core.analysis.reply import analyze_reply
from resonanz.core.analysis.rules.reply import RULES

Q_DE = "Wann öffnet eure Filiale in der Bahnhofstraße am Samstag?"
Q_EN = "When does your shop on Station Road open on Saturday?"
ANGRY_DE = "Seit drei Wochen warte ich auf meine Lieferung! Das ist eine FRECHHEIT!"
ANGRY_EN = "Three weeks and my parcel still hasn't arrived! This is OUTRAGEOUS!"
PRAISE_DE = "Der neue Radweg am Kanal ist großartig geworden."
PRAISE_EN = "The new cycle path along the canal turned out great."

ROWS = [
    # ---------------------------------------------------------------- R1 addressing
    ("R1", "named", True, "de", Q_DE, "Hallo Maria, samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "named", True, "de", Q_DE, "@maria_k samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "named", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr, Frau Berger.", {"commenter": "Petra Berger"}),
    ("R1", "named", False, "de", Q_DE, "Hallo, samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "named", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "greeting", True, "de", Q_DE, "Hallo zusammen, samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "none", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "none", False, "de", Q_DE, "Moin Jonas, samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "register", True, "de", "Kannst du mir sagen, ob ihr Samstag offen habt?", "Hallo Tim, Sie können samstags ab 8 Uhr zu uns kommen.", {}),
    ("R1", "register", True, "de", "Können Sie mir sagen, ob Sie Samstag geöffnet haben?", "Hallo Frau Lenz, du kannst samstags ab 8 Uhr kommen.", {}),
    ("R1", "register", False, "de", "Kannst du mir sagen, ob ihr Samstag offen habt?", "Hallo Tim, du kannst samstags ab 8 Uhr kommen.", {}),
    ("R1", "register", False, "de", "Können Sie mir sagen, ob Sie Samstag geöffnet haben?", "Hallo Frau Lenz, Sie können samstags ab 8 Uhr kommen.", {}),
    ("R1", "named", True, "en", Q_EN, "Hi Priya, on Saturdays we open at 8am.", {}),
    ("R1", "named", True, "en", Q_EN, "Hi Ms Okafor, on Saturdays we open at 8am.", {}),
    ("R1", "named", True, "de", Q_DE, "Liebe Frau M., samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "named", False, "de", Q_DE, "Hallo Frau, samstags öffnen wir um 8 Uhr.", {}),
    ("R1", "named", True, "en", Q_EN, "@priya_s on Saturdays we open at 8am.", {}),
    ("R1", "named", True, "en", Q_EN, "On Saturdays we open at 8am, Priya.", {"commenter": "Priya Shah"}),
    ("R1", "named", False, "en", Q_EN, "Hi there, on Saturdays we open at 8am.", {}),
    ("R1", "named", False, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R1", "greeting", True, "en", Q_EN, "Hello everyone, on Saturdays we open at 8am.", {}),
    ("R1", "none", True, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R1", "none", False, "en", Q_EN, "Hey Sam, on Saturdays we open at 8am.", {}),
    # ---------------------------------------------------------------- R2 acknowledging
    ("R2", "found", True, "de", PRAISE_DE, "Danke, Lea! Der Radweg am Kanal war uns auch ein Herzensprojekt.", {}),
    ("R2", "found", True, "de", "Die Lieferung kam beschädigt an, der Karton war nass.", "Oh nein, ein nasser Karton ist ärgerlich. Wir schicken Ihnen Ersatz.", {}),
    ("R2", "found", False, "de", PRAISE_DE, "Vielen Dank für Ihr Feedback!", {}),
    ("R2", "found", False, "de", PRAISE_DE, "Das freut uns sehr.", {}),
    ("R2", "found", False, "de", "Gibt es beim Sommerfest vegane Gerichte?", "Das Sommerfest wird super!", {"post": "Am Samstag ist unser Sommerfest im Park."}),
    ("R2", "generic", True, "de", PRAISE_DE, "Vielen Dank für Ihr Feedback!", {}),
    ("R2", "generic", True, "de", "Die App stürzt beim Bezahlen ab.", "Danke für deine Rückmeldung.", {}),
    ("R2", "generic", False, "de", PRAISE_DE, "Danke für dein Feedback zum Radweg am Kanal!", {}),
    ("R2", "generic", False, "de", PRAISE_DE, "Das freut uns sehr.", {}),
    ("R2", "missing", True, "de", PRAISE_DE, "Das freut uns sehr.", {}),
    ("R2", "found", True, "en", PRAISE_EN, "Thanks, Lea! The canal path was a labour of love for us too.", {}),
    ("R2", "found", True, "en", "My parcel arrived damaged, the box was soaking wet.", "Oh no, a soaking wet box is the last thing you need. We're sending a replacement.", {}),
    ("R2", "found", False, "en", PRAISE_EN, "Thanks for your feedback!", {}),
    ("R2", "found", False, "en", PRAISE_EN, "Glad to hear it.", {}),
    ("R2", "found", False, "en", "Will there be vegan food at the summer party?", "The summer party will be great!", {"post": "Our summer party is on Saturday in the park."}),
    ("R2", "generic", True, "en", PRAISE_EN, "Thanks for your feedback!", {}),
    ("R2", "generic", True, "en", "The app crashes when I pay.", "Thank you for reaching out.", {}),
    ("R2", "generic", False, "en", PRAISE_EN, "Thanks for your feedback on the canal path!", {}),
    ("R2", "generic", False, "en", PRAISE_EN, "Glad to hear it.", {}),
    ("R2", "missing", True, "en", PRAISE_EN, "Glad to hear it.", {}),
    # ---------------------------------------------------------------- R3 answering
    ("R3", "answered", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R3", "answered", True, "de", "Gibt es das Brot auch glutenfrei?", "Ja, das Dinkelbrot backen wir auch glutenfrei.", {}),
    ("R3", "answered", False, "de", Q_DE, "Danke!", {}),
    ("R3", "answered", False, "de", Q_DE, "Vielen Dank für Ihr Feedback, wir leiten es an die zuständige Abteilung weiter.", {}),
    ("R3", "unanswered", True, "de", Q_DE, "Danke für deine Frage!", {}),
    ("R3", "unanswered", True, "de", "Meine Bestellung ist immer noch nicht da.", "Schade.", {}),
    ("R3", "unanswered", False, "de", PRAISE_DE, "Danke!", {}),
    ("R3", "unanswered", False, "de", Q_DE, "Am Samstag öffnen wir ab 9 Uhr.", {}),
    ("R3", "refusal_bare", True, "de", "Könnt ihr auch sonntags liefern?", "Sonntags liefern können wir leider nicht.", {}),
    ("R3", "refusal_bare", False, "de", "Könnt ihr auch sonntags liefern?", "Sonntags können wir leider nicht liefern, weil unsere Fahrer dann frei haben.", {}),
    ("R3", "refusal_reason", True, "de", "Könnt ihr auch sonntags liefern?", "Sonntags können wir leider nicht liefern, weil unsere Fahrer dann frei haben.", {}),
    ("R3", "answered", True, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R3", "answered", True, "en", "Is the bread also available gluten-free?", "Yes, we bake the spelt loaf gluten-free as well.", {}),
    ("R3", "answered", False, "en", Q_EN, "Thanks!", {}),
    ("R3", "answered", False, "en", Q_EN, "Thanks for your feedback, we have passed your feedback on to the team.", {}),
    ("R3", "unanswered", True, "en", Q_EN, "Thanks for asking!", {}),
    ("R3", "unanswered", True, "en", "My order still hasn't arrived, this is terrible.", "Oh dear.", {}),
    ("R3", "unanswered", False, "en", PRAISE_EN, "Thanks!", {}),
    ("R3", "unanswered", False, "en", Q_EN, "On Saturday we open from 9am.", {}),
    ("R3", "refusal_bare", True, "en", "Can you deliver on Sundays too?", "Unfortunately not on Sundays.", {}),
    ("R3", "refusal_bare", False, "en", "Can you deliver on Sundays too?", "We can't deliver on Sundays because our drivers have the day off.", {}),
    ("R3", "refusal_reason", True, "en", "Can you deliver on Sundays too?", "We can't deliver on Sundays because our drivers have the day off.", {}),
    # ---------------------------------------------------------------- R4 boilerplate
    ("R4", "template", True, "de", ANGRY_DE, "Wir leiten es an die zuständige Abteilung weiter.", {}),
    ("R4", "template", True, "de", ANGRY_DE, "Wir bedauern etwaige Unannehmlichkeiten.", {}),
    ("R4", "template", False, "de", ANGRY_DE, "Drei Wochen sind zu lang. Anna aus dem Versand ruft Sie heute an.", {}),
    ("R4", "template", True, "de", ANGRY_DE, "Danke für Ihr Feedback, wir leiten es weiter.", {}),
    ("R4", "template", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R4", "duplicate", True, "de", Q_DE, "Danke für den Hinweis, wir kümmern uns sofort darum und melden uns.", {"previous_replies": ["Danke für den Hinweis, wir kümmern uns sofort darum und melden uns!"]}),
    ("R4", "duplicate", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {"previous_replies": ["Sonntags haben wir geschlossen, bis Montag."]}),
    ("R4", "template", True, "en", ANGRY_EN, "We apologize for any inconvenience.", {}),
    ("R4", "template", True, "en", ANGRY_EN, "We have passed your feedback on to the team.", {}),
    ("R4", "template", True, "en", ANGRY_EN, "Thanks for letting us know, we'll pass it on.", {}),
    ("R4", "template", False, "en", ANGRY_EN, "Three weeks is far too long. Anna from dispatch will call you today.", {}),
    ("R4", "template", False, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R4", "duplicate", True, "en", Q_EN, "Thanks for the heads-up, we are looking into it right now and will report back.", {"previous_replies": ["Thanks for the heads-up, we are looking into it right now and will report back!"]}),
    ("R4", "duplicate", False, "en", Q_EN, "On Saturdays we open at 8am.", {"previous_replies": ["We are closed on Sundays until Monday."]}),
    # ---------------------------------------------------------------- R5 defensive
    ("R5", "defensive", True, "de", "Ihr habt den Preis doch heimlich erhöht.", "Das ist falsch, der Preis ist gleich geblieben.", {}),
    ("R5", "defensive", True, "de", "Warum wurde mein Abo verlängert?", "Wie in unseren AGB steht, verlängert sich das Abo automatisch.", {}),
    ("R5", "defensive", True, "de", "Ihr habt mir 20 Euro zu viel berechnet.", "Sie haben das falsch verstanden.", {}),
    ("R5", "defensive", False, "de", "Ihr habt den Preis doch heimlich erhöht.", "Verständlich, dass das so wirkt: Der Preis ist seit März gleich, hier die Preisliste.", {}),
    ("R5", "defensive", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R5", "defensive", True, "en", "You secretly raised the price.", "That's not true, the price has stayed the same.", {}),
    ("R5", "defensive", True, "en", "Why was my subscription renewed?", "As stated in our terms, subscriptions renew automatically.", {}),
    ("R5", "defensive", False, "en", "You secretly raised the price.", "I can see why it looks that way: the price has been the same since March, here is the list.", {}),
    ("R5", "defensive", False, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R5", "defensive", True, "en", "Your charger broke after two days.", "This is false. Every charger is tested before it ships.", {}),
    ("R5", "defensive", True, "de", "Ihr habt den Preis doch heimlich erhöht.", "Das ist nicht wahr. Der Preis ist gleich geblieben.", {}),
    # ---------------------------------------------------------------- R6 private channel
    ("R6", "too_early", True, "de", Q_DE, "Schreib uns eine PN, dann klären wir das.", {}),
    ("R6", "too_early", True, "de", "Was kostet der Eintritt für Kinder?", "Schreiben Sie uns eine E-Mail.", {}),
    ("R6", "too_early", False, "de", "Meine Bestellnummer 4711-2231 ist immer noch nicht da.", "Schreiben Sie uns eine PN mit Ihrer Adresse, dann prüfen wir die Sendung.", {}),
    ("R6", "too_early", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R6", "justified", True, "de", "Ich komme nicht mehr in mein Kundenkonto.", "Schreib uns eine PN mit deiner Kundennummer, dann schalten wir es frei.", {}),
    ("R6", "justified", False, "de", Q_DE, "Schreib uns eine PN, dann klären wir das.", {}),
    ("R6", "too_early", True, "en", Q_EN, "Send us a DM and we'll sort it out.", {}),
    ("R6", "too_early", True, "en", "How much is entry for children?", "Please email us.", {}),
    ("R6", "too_early", False, "en", "My order number 558812 still hasn't arrived.", "Send us a DM with your address and we'll trace the parcel.", {}),
    ("R6", "too_early", False, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R6", "justified", True, "en", "I can't log into my account any more.", "Send us a DM with your customer number and we'll unlock it.", {}),
    ("R6", "justified", False, "en", Q_EN, "Send us a DM and we'll sort it out.", {}),
    # ---------------------------------------------------------------- R7 door open
    ("R7", "found", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr. Melde dich gern, wenn du noch etwas brauchst.", {}),
    ("R7", "found", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr. Kommst du zum Frühstück?", {}),
    ("R7", "found", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R7", "found", False, "de", PRAISE_DE, "Danke.", {}),
    ("R7", "missing", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R7", "found", True, "en", Q_EN, "On Saturdays we open at 8am. Let us know if you need anything else.", {}),
    ("R7", "found", True, "en", Q_EN, "On Saturdays we open at 8am. Are you coming for breakfast?", {}),
    ("R7", "found", False, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R7", "found", False, "en", PRAISE_EN, "Thanks.", {}),
    ("R7", "missing", True, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    # ---------------------------------------------------------------- R8 signature
    ("R8", "found", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr. ^MK", {}),
    ("R8", "found", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr. – Anna", {}),
    ("R8", "found", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.\nViele Grüße, Jonas", {}),
    ("R8", "found", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.\nViele Grüße, Ihr Team", {}),
    ("R8", "found", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R8", "missing", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R8", "found", False, "de", ANGRY_DE, "Danke für Ihr Feedback", {}),  # "Ihr" inside a sentence signs nothing
    ("R8", "found", False, "de", ANGRY_DE, "Das tut uns leid. Ihr Serviceteam", {}),
    ("R8", "found", True, "de", ANGRY_DE, "Das tut uns leid.\nIhre Anna", {}),
    ("R8", "found", False, "de", ANGRY_DE, "Das tut uns leid.\nIhr Radnetz-Team", {}),
    ("R8", "found", False, "de", ANGRY_DE, "Das tut uns leid.\nSportliche Grüße, Ihr TSV", {}),
    ("R8", "found", True, "de", ANGRY_DE, "Das tut uns leid. Danke und viele Grüße, Jonas", {}),
    ("R8", "found", True, "en", Q_EN, "On Saturdays we open at 8am. ^MK", {}),
    ("R8", "found", True, "en", Q_EN, "On Saturdays we open at 8am. – Anna", {}),
    ("R8", "found", True, "en", Q_EN, "On Saturdays we open at 8am.\nBest, Jonas", {}),
    ("R8", "found", False, "en", Q_EN, "On Saturdays we open at 8am.\nKind regards, Team", {}),
    ("R8", "found", False, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R8", "missing", True, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R8", "found", False, "en", ANGRY_EN, "Thanks for your Feedback", {}),
    ("R8", "found", True, "en", ANGRY_EN, "Sorry about that! Thanks, Anna", {}),
    ("R8", "found", False, "en", ANGRY_EN, "Sorry about that!\nBest, the Ferry Support", {}),
    # ---------------------------------------------------------------- R9 length and tone
    ("R9", "too_long", True, "de", Q_DE, "Samstags öffnen wir um 8 Uhr. " + "Wir backen jeden Morgen frisch und freuen uns über jeden Besuch in der Filiale. " * 6, {}),
    ("R9", "too_long", False, "de", Q_DE, "Samstags öffnen wir um 8 Uhr.", {}),
    ("R9", "too_long", False, "de", PRAISE_DE, "Danke! " + "Wir backen jeden Morgen frisch und freuen uns über jeden Besuch in der Filiale. " * 6, {}),
    ("R9", "cheerful", True, "de", ANGRY_DE, "Oh nein! Wir kümmern uns! 😊", {}),
    ("R9", "cheerful", True, "de", "Das ist eine Zumutung, die Bahn fällt schon wieder aus.", "Wir sind dran 🙈", {}),
    ("R9", "cheerful", False, "de", ANGRY_DE, "Drei Wochen sind zu lang. Wir prüfen die Sendung heute.", {}),
    ("R9", "cheerful", False, "de", PRAISE_DE, "Danke! 😊", {}),
    ("R9", "calm", True, "de", ANGRY_DE, "Drei Wochen sind zu lang. Wir prüfen die Sendung heute.", {}),
    ("R9", "too_long", True, "en", Q_EN, "On Saturdays we open at 8am. " + "We bake fresh every morning and are always happy to see people in the shop. " * 6, {}),
    ("R9", "too_long", False, "en", Q_EN, "On Saturdays we open at 8am.", {}),
    ("R9", "too_long", False, "en", PRAISE_EN, "Thanks! " + "We bake fresh every morning and are always happy to see people in the shop. " * 6, {}),
    ("R9", "cheerful", True, "en", ANGRY_EN, "Oh no! We're on it! 😊", {}),
    ("R9", "cheerful", True, "en", "This is ridiculous, the train is cancelled again.", "We're on it 🙈", {}),
    ("R9", "cheerful", False, "en", ANGRY_EN, "Three weeks is too long. We are tracing the parcel today.", {}),
    ("R9", "cheerful", False, "en", PRAISE_EN, "Thanks! 😊", {}),
    ("R9", "calm", True, "en", ANGRY_EN, "Three weeks is too long. We are tracing the parcel today.", {}),
]


def _run(lang: str, comment: str, reply: str, extra: dict):
    return analyze_reply(comment, reply, language=lang, rules_dir=False, **extra)


@pytest.mark.parametrize(("rule", "kind", "fires", "lang", "comment", "reply", "extra"), ROWS, ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None)
def test_reply_rule_examples(rule: str, kind: str, fires: bool, lang: str, comment: str, reply: str, extra: dict) -> None:
    result = _run(lang, comment, reply, extra)
    assert result.judged
    found = [f for f in result.findings if f.rule == rule and f.kind == kind]
    described = [(f.rule, f.kind, f.points) for f in result.findings]
    if fires:
        assert found, f"{rule} {kind!r} should fire on {reply!r}: {described}"
        assert all(f.message and f.why and f.source for f in found)
        for f in found:  # the marked passage is in the reply
            assert all(0 <= s.start < s.end <= len(reply) for s in f.spans)
    else:
        assert not found, f"{rule} {kind!r} must not fire on {reply!r}: {described}"


def _kinds(lang: str) -> dict[str, set[str]]:
    pack = tomllib.loads(files("resonanz.resources.rules").joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
    return {rule: set(cfg["messages"]) for rule, cfg in pack["reply"]["rules"].items()}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_reply_rule_has_examples_both_ways(lang: str) -> None:
    """No rule without two texts that must and two that must not trigger it, in each language;
    every message kind fires in at least one example (en has no du/Sie register)."""
    kinds = _kinds(lang)
    assert set(kinds) == set(RULES)
    for rule in RULES:
        rows = [r for r in ROWS if r[0] == rule and r[3] == lang]
        assert sum(r[2] for r in rows) >= 2, f"{rule}/{lang}: fewer than 2 must-fire rows"
        assert sum(not r[2] for r in rows) >= 2, f"{rule}/{lang}: fewer than 2 must-not-fire rows"
        fired = {r[1] for r in rows if r[2]}
        expected = kinds[rule] - ({"register"} if lang == "en" else set())
        assert fired == expected, f"{rule}/{lang}: kinds without a must-fire row: {expected - fired}"
        assert {r[1] for r in rows} <= kinds[rule]


def test_comment_spans_point_into_the_comment() -> None:
    """R2 marks the shared words in both texts; R3 marks the unanswered question in the comment."""
    result = _run("de", PRAISE_DE, "Danke, Lea! Der Radweg am Kanal war uns ein Herzensprojekt.", {})
    (i,) = [k for k, f in enumerate(result.findings) if f.rule == "R2"]
    assert {s.text(result.reply).lower() for s in result.findings[i].spans} == {"radweg", "kanal"}
    assert {s.text(PRAISE_DE).lower() for s in result.comment_spans[i]} == {"radweg", "kanal"}
    result = _run("en", Q_EN, "Thanks!", {})
    (i,) = [k for k, f in enumerate(result.findings) if f.rule == "R3"]
    assert [s.text(Q_EN) for s in result.comment_spans[i]] == [Q_EN]
    assert Q_EN in result.findings[i].message


def test_user_rule_file_changes_reply_rules(tmp_path) -> None:
    """Reply rules are pack data: a user file adds a phrase, changes a weight or switches a rule off."""
    (tmp_path / "mine.toml").write_text(
        'language = "de"\n[rules.R5]\nadd.phrases = ["quatsch"]\npoints_each = -30\npoints_max = -30\n[rules.R8]\nenabled = false\n',
        encoding="utf-8",
    )
    result = analyze_reply(Q_DE, "Quatsch, wir öffnen um 8 Uhr. ^MK", language="de", rules_dir=tmp_path)
    (r5,) = result.findings_for("R5")
    assert r5.points == -30
    assert not result.findings_for("R8") and "R8" not in result.signal_counts
    assert analyze_reply(Q_DE, "Quatsch, wir öffnen um 8 Uhr. ^MK", language="de", rules_dir=False).findings_for("R8")


@pytest.mark.parametrize(
    "lang,comment,expected",
    [
        ("de", "Öffnungszeiten?", "auf eine kurze Frage von 1 Wort."),
        ("de", "Wann öffnet ihr?", "auf eine kurze Frage von 3 Wörtern."),
        ("en", "Hours?", "for a short question of 1 word."),
        ("en", "When do you open?", "for a short question of 4 words."),
    ],
)
def test_a_count_in_a_message_takes_its_plural_form(lang: str, comment: str, expected: str) -> None:
    """R9 on a one-word question: "of 1 word", not "of 1 words" ({n:word|words} in the pack's template)."""
    reply = {"de": "Samstags öffnen wir um 8 Uhr. " + "Wir backen jeden Morgen frisch und freuen uns über jeden Besuch in der Filiale. " * 6,
             "en": "We open at 8 on Saturdays. " + "We bake fresh every morning and are glad about every visit to the shop. " * 6}[lang]
    (finding,) = [f for f in analyze_reply(comment, reply, language=lang, rules_dir=False).findings if f.rule == "R9" and f.kind == "too_long"]
    assert finding.message.endswith(expected), finding.message
