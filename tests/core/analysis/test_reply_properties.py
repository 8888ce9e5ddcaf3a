"""analyze_reply as a whole (issue 15): minimal pairs, invariants for any input, the JSON shape.

All example texts are written for these tests.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.model import NOT_ENOUGH_TEXT
from resonanz.core.analysis.reply import ReplyResult, analyze_reply

# (lang, comment, weak reply, improved reply): the improved one must score higher.
PAIRS = [
    ("de", "Wann öffnet eure Filiale in der Bahnhofstraße am Samstag?", "Danke!",
     "Hallo Maria, die Filiale in der Bahnhofstraße öffnet samstags um 8 Uhr. Viele Grüße, Jonas"),
    ("de", "Seit drei Wochen warte ich auf meine Lieferung! Das ist eine FRECHHEIT!",
     "Vielen Dank für Ihr Feedback! Wir leiten es an die zuständige Abteilung weiter. 😊",
     "Drei Wochen Warten auf eine Lieferung sind zu lang, das tut uns leid. Wir prüfen die Sendung heute und melden uns bis morgen. ^AK"),
    ("de", "Ihr habt den Preis doch heimlich erhöht.", "Das ist falsch. Wie in unseren AGB steht, gilt die Preisliste.",
     "Verständlich, dass das so wirkt: Der Preis ist seit März gleich, die Preisliste steht hier. Hilft Ihnen das?"),
    ("de", "Was kostet der Eintritt für Kinder?", "Schreiben Sie uns eine E-Mail.",
     "Der Eintritt für Kinder kostet 4 Euro, unter 6 Jahren ist er frei. Kommt ihr am Wochenende?"),
    ("de", "Könnt ihr auch sonntags liefern?", "Sonntags liefern können wir leider nicht.",
     "Sonntags können wir leider nicht liefern, weil unsere Fahrer dann frei haben. Samstags geht es bis 18 Uhr."),
    ("de", "Der neue Radweg am Kanal ist großartig geworden.", "Danke für Ihren Kommentar.",
     "Danke, Lea! Der Radweg am Kanal war uns ein Herzensprojekt. Fährst du ihn oft?"),
    ("en", "When does your shop on Station Road open on Saturday?", "Thanks!",
     "Hi Priya, the Station Road shop opens at 8am on Saturdays. Best, Jonas"),
    ("en", "Three weeks and my parcel still hasn't arrived! This is OUTRAGEOUS!",
     "Thank you for your feedback! We apologize for any inconvenience. 😊",
     "Three weeks for a parcel is far too long, and I'm sorry. We are tracing it today and will update you by tomorrow. ^AK"),
    ("en", "You secretly raised the price.", "That's not true. As stated in our terms, the price list applies.",
     "I can see why it looks that way: the price has been the same since March, here is the list. Does that help?"),
    ("en", "How much is entry for children?", "Please email us.",
     "Entry for children costs £4, and under-6s go free. Are you coming this weekend?"),
    ("en", "Can you deliver on Sundays too?", "Unfortunately not on Sundays.",
     "We can't deliver on Sundays because our drivers have the day off, but Saturday deliveries run until 6pm."),
    ("en", "The new cycle path along the canal turned out great.", "Thanks for your comment.",
     "Thanks, Lea! The canal path was a labour of love for us. Do you ride it often?"),
]


@pytest.mark.parametrize(("lang", "comment", "weak", "better"), PAIRS)
def test_improved_reply_scores_higher(lang: str, comment: str, weak: str, better: str) -> None:
    a = analyze_reply(comment, weak, language=lang, rules_dir=False)
    b = analyze_reply(comment, better, language=lang, rules_dir=False)
    assert b.value > a.value, (a.value, b.value, [(f.rule, f.kind, f.points) for f in a.findings + b.findings])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_pairs_span_the_lights(lang: str) -> None:
    """The weakest replies are red, the best green (same thresholds as posts)."""
    weak = [analyze_reply(c, w, language=l, rules_dir=False) for l, c, w, _ in PAIRS if l == lang]
    good = [analyze_reply(c, b, language=l, rules_dir=False) for l, c, _, b in PAIRS if l == lang]
    assert all(r.score.light == "red" for r in weak[:2])
    assert all(r.score.light == "green" for r in good[:2])


def test_a_copied_reply_scores_lower_than_the_first() -> None:
    comment, reply = "Wo finde ich die Rezepte?", "Die Rezepte stehen auf unserer Website unter Service."
    first = analyze_reply(comment, reply, language="de", rules_dir=False)
    again = analyze_reply(comment, reply, language="de", rules_dir=False, previous_replies=[reply])
    assert again.value < first.value


@pytest.mark.parametrize("reply", ["", "   ", "👍", "https://example.org", "@anna 🙂"])
def test_a_reply_without_words_is_not_judged(reply: str) -> None:
    result = analyze_reply("Wann habt ihr offen?", reply, language="auto", rules_dir=False)
    assert not result.judged and result.judged_reason == NOT_ENOUGH_TEXT
    assert result.score is None and result.findings == () and result.value is None
    assert result.to_dict()["scores"] == {"reply": None} and result.to_dict()["reason"] == NOT_ENOUGH_TEXT


def test_a_one_word_reply_is_judged_and_its_language_comes_from_the_comment() -> None:
    de = analyze_reply("Wann öffnet eure Filiale am Samstag?", "Danke!", rules_dir=False)
    en = analyze_reply("When does your shop open on Saturday?", "Thanks!", rules_dir=False)
    assert de.judged and de.language == "de" and de.score.light == "red"
    assert en.judged and en.language == "en" and en.findings_for("R3")[0].kind == "unanswered"


def test_bad_input_raises_one_line_errors() -> None:
    with pytest.raises(TypeError):
        analyze_reply(None, "Danke")  # type: ignore[arg-type]
    with pytest.raises(ValueError) as exc:
        analyze_reply("Frage?", "Antwort", language="fr")
    assert "\n" not in str(exc.value)


def test_the_json_shape_is_like_score() -> None:
    result = analyze_reply("Wann öffnet eure Filiale am Samstag?", "Hallo Maria, samstags ab 8 Uhr. ^JK", rules_dir=False)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert set(data) == {"kind", "language", "language_detected", "language_reason", "scores", "lights", "breakdown",
                         "findings", "signals", "stats", "judged"}
    assert data["kind"] == "reply" and data["judged"] is True
    assert list(data["scores"]) == ["reply"] and isinstance(data["scores"]["reply"], int)
    assert data["lights"]["reply"] in ("red", "amber", "green")
    assert sum(p["points"] for p in data["breakdown"]["reply"]) == data["scores"]["reply"]
    assert data["breakdown"]["reply"][0]["rule"] == "base"
    assert set(data["signals"]) == {f"R{i}" for i in range(1, 10)}
    for f in data["findings"]:
        assert {"rule", "kind", "severity", "start", "end", "spans", "message", "suggestion", "why", "source", "points",
                "target", "comment_spans"} <= set(f)
        assert f["target"] == "reply" and f["rule"].startswith("R")


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
words = st.lists(st.sampled_from(["Danke", "thanks", "Hallo", "Anna", "weil", "because", "!", "?", "😊", "DM", "PN",
                                  "Bestellnummer", "order number", "^MK", "– Jo", "Das ist falsch", "du", "Sie",
                                  "FRECHHEIT", "\n", "wir", "open", "öffnet", "8 Uhr", "@anna", "https://x.org"]), max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comment=st.one_of(texts, words), reply=st.one_of(texts, words), post=st.one_of(st.none(), texts, words),
       lang=st.sampled_from(["auto", "de", "en"]), previous=st.lists(st.one_of(texts, words), max_size=3))
def test_any_input_gives_a_sound_result(comment: str, reply: str, post: str | None, lang: str, previous: list[str]) -> None:
    result = analyze_reply(comment, reply, post=post, language=lang, rules_dir=False, previous_replies=previous)
    assert isinstance(result, ReplyResult) and result.language in ("de", "en")
    assert len(result.comment_spans) == len(result.findings)
    if result.judged:
        assert 0 <= result.value <= 100
        assert sum(c.points for c in result.score.breakdown) == result.value
        assert result.score.light in ("red", "amber", "green")
    else:
        assert result.score is None and not result.findings
    for f, comment_spans in zip(result.findings, result.comment_spans):
        assert all(0 <= s.start <= s.end <= len(reply) for s in f.spans)
        assert all(0 <= s.start <= s.end <= len(comment) for s in comment_spans)
        assert f.message and f.source
    json.dumps(result.to_dict())
