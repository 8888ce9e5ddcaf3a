"""S11 engagement bait (issue 16): what must and must not count as bait, and what bait no longer earns.

Facebook demotes engagement bait (vote, react, share, tag and comment baiting; Facebook Newsroom,
"Fighting Engagement Bait on Facebook", 18 Dec 2017), and LinkedIn says the same of posts that ask
for reactions only to boost reach. Resonanz used to reward such sentences as invitations (D4),
questions (D2), pass-on prompts (S4), beneficiaries (S5) and mentions (D5). Now:

- S11 fires with negative points and marks the bait sentence;
- inside a bait sentence D2, D4, S4, S5, D5 mentions and the reader address of D1 don't count;
- a legitimate pass-on prompt, a genuine question and an invitation to tell stay rewarded;
- a hype post with bait scores lower, on dialogue and on shareability, than a concrete rewrite
  without bait and without a question.

Every text here is written for this file.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import AnalysisResult

MUST_FIRE: list[tuple[str, str, str]] = [
    # (language, post, the passage one span of S11 must cover)
    ("de", "Kommentiere mit JA, wenn du findest, dass jede Schule eine eigene Bibliothek braucht! 📚", "Kommentiere mit JA, wenn du findest, dass jede Schule eine eigene Bibliothek braucht!"),
    ("de", "Markiere jemanden, der diesen Sommer unbedingt mit ins Zeltlager muss ⛺", "Markiere jemanden, der diesen Sommer unbedingt mit ins Zeltlager muss ⛺"),
    ("de", "Unsere Streuobstwiese blüht. Teile, wenn du zustimmst: Solche Wiesen brauchen Schutz!", "Teile, wenn du zustimmst: Solche Wiesen brauchen Schutz!"),
    ("de", "Like, wenn du dich noch an das alte Hallenbad in der Weststadt erinnerst! 🏊", "Like, wenn du dich noch an das alte Hallenbad in der Weststadt erinnerst!"),
    ("de", "Wer freut sich noch auf den Weihnachtsmarkt? Wer noch? Schreibt es in die Kommentare! 🎄", "Schreibt es in die Kommentare!"),
    ("de", "Gefällt dir unser neues Vereinslogo? Dann like und teile den Beitrag!", "Dann like und teile den Beitrag!"),
    ("de", "❤️ für den Stadtpark, 👍 für den Badesee – wo verbringt ihr den Sonntag?", "❤️ für den Stadtpark, 👍 für den Badesee – wo verbringt ihr den Sonntag?"),
    ("de", "Like für Brezel, Kommentar für Croissant! 🥨🥐", "Like für Brezel, Kommentar für Croissant!"),
    ("de", "Liken, teilen und mit etwas Glück zwei Karten für das Sommerkonzert gewinnen!", "Liken, teilen und mit etwas Glück zwei Karten für das Sommerkonzert gewinnen!"),
    ("de", "Unter allen, die diesen Beitrag teilen, verlosen wir einen Korb aus unserem Hofladen.", "Unter allen, die diesen Beitrag teilen, verlosen wir einen Korb aus unserem Hofladen."),
    ("de", "Tippt AMEN, wenn ihr an kleine Wunder glaubt 🙏", "Tippt AMEN, wenn ihr an kleine Wunder glaubt 🙏"),
    ("de", "Gebt uns ein Like, wenn ihr am Samstag beim Stadtlauf startet!", "Gebt uns ein Like, wenn ihr am Samstag beim Stadtlauf startet!"),
    ("en", "Comment YES if you think every school deserves its own library! 📚", "Comment YES if you think every school deserves its own library!"),
    ("en", "Tag a friend who has to come to summer camp with you this year ⛺", "Tag a friend who has to come to summer camp with you this year ⛺"),
    ("en", "Our orchard meadow is in bloom. Share if you agree: meadows like this need protecting!", "Share if you agree: meadows like this need protecting!"),
    ("en", "Like if you still remember the old indoor pool on West Street! 🏊", "Like if you still remember the old indoor pool on West Street!"),
    ("en", "Type AMEN if you believe in second chances 🙏", "Type AMEN if you believe in second chances 🙏"),
    ("en", "Who else can't wait for the Christmas market? Drop your stories below! 🎄", "Who else can't wait for the Christmas market?"),
    ("en", "❤️ for the city park, 👍 for the lake – where are you spending Sunday?", "❤️ for the city park, 👍 for the lake – where are you spending Sunday?"),
    ("en", "Like for pretzels, comment for croissants! 🥨🥐", "Like for pretzels, comment for croissants!"),
    ("en", "Like and share this post for a chance to win two tickets to the summer concert!", "Like and share this post for a chance to win two tickets to the summer concert!"),
    ("en", "Raise your hand if you've ever missed the last bus home 🙋", "Raise your hand if you've ever missed the last bus home 🙋"),
    ("en", "Agree? Repost ♻️ so more people see it.", "Agree?"),
    ("en", "Comment 'guide' and we will send you the checklist.", "Comment 'guide' and we will send you the checklist."),
]

MUST_NOT_FIRE: list[tuple[str, str]] = [
    ("de", "Kennen Sie jemanden, der gerade eine Wohnung sucht? Leiten Sie ihm diese Checkliste weiter."),
    ("de", "Welche Erfahrung habt ihr mit Lastenrädern gemacht?"),
    ("de", "Schreibt uns, wenn ihr Fragen zur Anmeldung habt."),
    ("de", "Markiert euch den 14. Juni im Kalender: Dann ist Sommerfest im Familienzentrum."),
    ("de", "Teile der Altstadt sind am Samstag gesperrt, wenn der Festumzug durch die Innenstadt zieht."),
    ("de", "Teilt das gern mit euren Nachbarn, damit am Samstag viele zum Flohmarkt kommen."),
    ("de", "Wer noch einen Platz im Bus braucht, meldet sich bis Freitag bei Anna."),
    ("de", "Danke ❤️ für eure Hilfe beim Aufbau und 🙏 für die vielen Kuchenspenden!"),
    ("de", "Markiert uns auf euren Fotos vom Stadtfest, wenn ihr mögt – wir zeigen die schönsten am Montag."),
    ("de", "Wir teilen die Ergebnisse der Umfrage, wenn alle Bögen ausgewertet sind."),
    ("de", "Unser Sonntags-Tipp 😉 Äpfel vom Markt halten im kühlen Keller bis März."),
    ("en", "Know someone who is looking for a flat? Send them this checklist."),
    ("en", "What has your experience with cargo bikes been so far?"),
    ("en", "Tell us in the comments which tip worked for you."),
    ("en", "Tag us in your photos from the street festival – we will show the best ones on Monday."),
    ("en", "Drop by the library if you are in the neighbourhood on Saturday."),
    ("en", "Comment below if you have questions about your tax return."),
    ("en", "Text GIVE to 70123 to donate £5 to the flood appeal."),
    ("en", "Thanks ❤️ for your help with the setup and 🙏 for all the cake donations!"),
    ("en", "People like and share posts that make them look smart, a new study shows."),
    ("en", "Share this with your team so nobody misses the new deadline."),
    ("en", "COMMENTARY: the new river plan leaves the harbour budget unchanged."),
]


def run(text: str, lang: str, rules_dir: Path | bool = False) -> AnalysisResult:
    return analyze(text, language=lang, platform="facebook", rules_dir=rules_dir)


def marked(result: AnalysisResult, rule: str) -> list[str]:
    return [result.text[s.start : s.end] for f in result.findings_for(rule) for s in f.spans]


def earned(result: AnalysisResult, rule: str) -> int:
    return sum(f.points for f in result.findings_for(rule))


@pytest.mark.parametrize(("lang", "text", "marks"), MUST_FIRE, ids=[f"{lang}-{i}" for i, (lang, _, _) in enumerate(MUST_FIRE)])
def test_bait_fires(lang: str, text: str, marks: str) -> None:
    result = run(text, lang)
    findings = result.findings_for("S11")
    assert findings, f"S11 should fire on {text!r}"
    f = findings[0]
    assert f.severity == "warning" and f.points < 0 and f.dimension == "shareability"
    assert f.suggestion and f.why and "2017" in f.source
    assert marks in marked(result, "S11"), marked(result, "S11")


@pytest.mark.parametrize(("lang", "text"), MUST_NOT_FIRE, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(MUST_NOT_FIRE)])
def test_no_bait(lang: str, text: str) -> None:
    result = run(text, lang)
    assert not result.findings_for("S11"), f"S11 must stay silent; marked {marked(result, 'S11')}"


def test_tables_are_large_enough() -> None:
    for lang in ("de", "en"):
        assert sum(row[0] == lang for row in MUST_FIRE) >= 8
        assert sum(row[0] == lang for row in MUST_NOT_FIRE) >= 8


# ------------------------------------------------------------ what bait used to earn
@pytest.fixture
def without_s11(tmp_path: Path) -> Path:
    """A user rule folder that switches S11 off: the scores as they were before issue 16."""
    (tmp_path / "no-bait.toml").write_text("[rules.S11]\nenabled = false\n", encoding="utf-8")
    return tmp_path


BAIT_EARNED = [
    # (language, bait post, rule that used to reward it)
    ("en", "Tag a friend who needs a coffee break this week! ☕", "S4"),
    ("en", "Comment below if you agree that the bike lane should stay!", "D4"),
    ("en", "Who else is looking forward to the summer holidays? Drop a ☀️ in the comments!", "D2"),
    ("en", "Tag a friend who should meet @lena_bakes at the market on Saturday! 🥖", "D5"),
    ("en", "Share if you agree that parents deserve longer library hours!", "S5"),
    ("de", "Teilt das, wenn ihr auch findet, dass die Radspur bleiben muss!", "S4"),
    ("de", "Schreibt es in die Kommentare, wenn ihr auch findet, dass die Radspur bleiben muss!", "D4"),
    ("de", "Wer noch freut sich auf die Sommerferien? Schreibt es in die Kommentare! ☀️", "D2"),
    ("de", "Markiere jemanden, der @lena_backt am Samstag auf dem Markt treffen sollte! 🥖", "D5"),
    ("de", "Teile, wenn du findest, dass Eltern längere Öffnungszeiten verdienen!", "S5"),
]


#: Off by default since issue 16: switched on in both runs, as a user would, to show that bait
#: earns nothing even then.
OFF_BY_DEFAULT = frozenset({"S5", "S6", "S7", "S8"})


@pytest.mark.parametrize(("lang", "text", "rule"), BAIT_EARNED)
def test_bait_no_longer_earns_points(lang: str, text: str, rule: str, without_s11: Path) -> None:
    after_dir: Path | bool = False
    if rule in OFF_BY_DEFAULT:
        switch_on = f"[rules.{rule}]\nenabled = true\n"
        (without_s11 / "switch-on.toml").write_text(switch_on, encoding="utf-8")
        after_dir = without_s11 / "with-s11"
        after_dir.mkdir()
        (after_dir / "switch-on.toml").write_text(switch_on, encoding="utf-8")
    before = run(text, lang, rules_dir=without_s11)
    after = run(text, lang, rules_dir=after_dir)
    assert earned(before, rule) > 0, f"{rule} should have rewarded the bait before; the example no longer shows the change"
    assert earned(after, rule) == 0, f"{rule} still rewards bait: {[f.kind for f in after.findings_for(rule)]}"
    assert after.findings_for("S11")
    dim = "dialogue" if rule.startswith("D") else "shareability"
    assert after.scores[dim].value < before.scores[dim].value


def test_bait_address_is_not_dialogue() -> None:
    """Like D8's "Buy your tickets": the "you" of "Share if you agree" is instrumental."""
    result = run("Share if you agree that your library should open on Sundays!", "en")
    assert earned(result, "D1") <= 0


LEGITIMATE = [
    ("de", "Kennen Sie jemanden, der gerade eine Wohnung sucht? Leiten Sie ihm diese Checkliste weiter.", "S4"),
    ("de", "Welche Erfahrung habt ihr mit Lastenrädern gemacht?", "D2"),
    ("de", "Erzählt uns in den Kommentaren, welcher Tipp bei euch funktioniert hat.", "D4"),
    ("en", "Know someone who is looking for a flat right now? Forward this checklist to them.", "S4"),
    ("en", "What has your experience with cargo bikes been?", "D2"),
    ("en", "Tell us in the comments which tip worked for you.", "D4"),
]


@pytest.mark.parametrize(("lang", "text", "rule"), LEGITIMATE)
def test_legitimate_prompts_still_earn(lang: str, text: str, rule: str) -> None:
    result = run(text, lang)
    assert earned(result, rule) > 0
    assert not result.findings_for("S11")


# ------------------------------------------------------------ minimal pairs
PAIRS = [
    # (language, hype with bait, concrete rewrite without bait and without a question)
    (
        "de",
        "Unser Sommerfest wird einfach sensationell und einzigartig! 🎉 Kommentiert mit JA, wenn ihr dabei seid!",
        "Am 14. Juni feiern wir Sommerfest im Familienzentrum: ab 15 Uhr gibt es einen Kinderflohmarkt, um 17 Uhr spielt "
        "die Schulband. Bringt gern einen Salat für euer Buffet mit.",
    ),
    (
        "de",
        "Die beste Bäckerei der Stadt hat das perfekte Brot für euch! 🍞 Markiert jemanden, der das unbedingt probieren muss!",
        "Unser Dinkelbrot geht 24 Stunden, bevor es in den Ofen kommt. So bleibt es vier Tage frisch, wenn ihr es in ein "
        "Leinentuch wickelt – ein Tipp für alle, die nur einmal pro Woche einkaufen.",
    ),
    (
        "de",
        "Unglaublich, was unser großartiges Team für die Umwelt leistet! Teilt das, wenn ihr zustimmt! 🌍",
        "Unsere 40 Ehrenamtlichen haben am Samstag 320 Kilo Müll aus dem Stadtwald geholt. Die nächste Sammelaktion ist "
        "am 3. Mai um 10 Uhr am Parkplatz Waldstraße – Handschuhe und Zangen bekommt ihr von uns.",
    ),
    (
        "en",
        "Our summer party is going to be sensational and unique! 🎉 Comment YES if you're coming!",
        "On 14 June we hold our summer party at the family centre: a children's flea market from 3 pm, and the school band "
        "plays at 5 pm. Feel free to bring a salad for your buffet.",
    ),
    (
        "en",
        "The best bakery in town has the perfect bread for you! 🍞 Tag a friend who has to try it!",
        "Our spelt loaf proves for 24 hours before it goes into the oven. Wrap it in a linen cloth and it stays fresh for "
        "four days – a tip for anyone who only shops once a week.",
    ),
    (
        "en",
        "It's incredible what our amazing team does for the environment! Share if you agree! 🌍",
        "Our 40 volunteers pulled 320 kg of litter out of the city forest on Saturday. The next clean-up is on 3 May at "
        "10 am at the Forest Road car park – you get gloves and grabbers from us.",
    ),
]


@pytest.mark.parametrize(("lang", "bait", "rewrite"), PAIRS)
def test_concrete_rewrite_beats_bait(lang: str, bait: str, rewrite: str) -> None:
    weak, better = run(bait, lang), run(rewrite, lang)
    assert weak.findings_for("S11") and not better.findings_for("S11")
    assert not any(s.is_question for s in _sentences(rewrite, lang)), "the rewrite must not win by asking a question"
    for dim in ("dialogue", "shareability"):
        assert better.scores[dim].value > weak.scores[dim].value, (
            f"{dim}: rewrite {better.scores[dim].value} should beat bait {weak.scores[dim].value}"
        )


def _sentences(text: str, lang: str):
    from resonanz.core.analysis.packs import load_pack
    from resonanz.core.analysis.text import Document

    return Document(text, load_pack(lang, False).abbreviations).sentences


# ------------------------------------------------------------ cost
def test_bait_detection_stays_linear() -> None:
    """Thousands of bait and near-bait sentences in one post: the detection must not go quadratic."""
    unit = "Like if you agree! Tag a friend who needs this. ❤️ for A, 👍 for B. Who else? Drop a 🙏 below. Share the road if you can. "
    small, big = unit * 200, unit * 1600
    t0 = time.perf_counter()
    run(small, "en")
    t1 = time.perf_counter()
    result = run(big, "en")
    t2 = time.perf_counter()
    assert result.findings_for("S11")
    assert (t2 - t1) < max(2.0, 20 * (t1 - t0)), f"8× the text took {(t2 - t1) / max(t1 - t0, 1e-6):.1f}× as long"
