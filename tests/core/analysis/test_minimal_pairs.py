"""Minimal pairs: a weak post and the same post with ONE thing improved.

HEURISTICS.md, "How to judge that a score means something": an improved version of a post must
score higher on the dimension it improves, and not lower on the others without a reason. Each pair
below changes one thing a coach would suggest; the test checks

- the improved post scores strictly higher on ``improves``;
- no other dimension drops by more than ``TOLERANCE`` points, unless the pair names the dimension
  in ``trade_offs`` with the reason, and then the drop must really happen (so the reason stays true).

The last tests show that ``dialogue`` and ``shareability`` are separate outcomes (Saxton & Waters
2014: dialogic posts get comments, informative posts get shared): one can rise while the other
stays where it is.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple

import pytest

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult

TOLERANCE = 5  # points another dimension may lose through side effects of the one change


class Pair(NamedTuple):
    name: str  # what the improvement is
    lang: str
    weak: str
    better: str
    improves: str  # the dimension the change is meant to raise
    platform: str = "linkedin"
    trade_offs: Mapping[str, str] = {}  # dimension -> why the improvement costs points there


PAIRS: list[Pair] = [
    # ------------------------------------------------------------------------------ German
    Pair(
        "add a genuine closing question",
        "de",
        "Die Stadtbibliothek hat ab Montag auch abends geöffnet, dienstags und donnerstags bis 21 Uhr. "
        "Das Lesecafé im Erdgeschoss bleibt an diesen Tagen bis 20 Uhr offen.",
        "Die Stadtbibliothek hat ab Montag auch abends geöffnet, dienstags und donnerstags bis 21 Uhr. "
        "Das Lesecafé im Erdgeschoss bleibt an diesen Tagen bis 20 Uhr offen. "
        "Welche Abendveranstaltung wünschen Sie sich?",
        "dialogue",
    ),
    Pair(
        "replace ad-speak with a number",
        "de",
        "Unser Steuerbüro bietet einzigartige, erstklassige Beratung für Selbstständige. "
        "Wir kümmern uns um Ihre Steuererklärung, damit Sie sich um Ihr Geschäft kümmern können.",
        "Unser Steuerbüro hat im letzten Jahr 240 Selbstständige beraten. "
        "Wir kümmern uns um Ihre Steuererklärung, damit Sie sich um Ihr Geschäft kümmern können.",
        "dialogue",
    ),
    Pair(
        "open with the reader instead of a self-announcement",
        "de",
        "Wir freuen uns, unseren neuen Kurs „Erste Hilfe am Kind“ vorzustellen. "
        "Er dauert vier Stunden und findet jeden ersten Samstag im Monat im Familienzentrum statt.",
        "Wenn Ihr Kind sich verschluckt, wissen Sie sofort, was zu tun ist: im Kurs „Erste Hilfe am Kind“. "
        "Er dauert vier Stunden und findet jeden ersten Samstag im Monat im Familienzentrum statt.",
        "dialogue",
    ),
    Pair(
        "add a pass-on prompt",
        "de",
        "Ab 1. Oktober gilt die neue Regel zur Arbeitszeiterfassung. Unsere Checkliste zeigt in 5 Schritten, "
        "was Betriebe jetzt tun müssen, und liegt als PDF in unserem Mitgliederbereich.",
        "Ab 1. Oktober gilt die neue Regel zur Arbeitszeiterfassung. Unsere Checkliste zeigt in 5 Schritten, "
        "was Betriebe jetzt tun müssen, und liegt als PDF in unserem Mitgliederbereich. "
        "Wer in Ihrem Team sollte das wissen?",
        "shareability",
    ),
    Pair(
        "split a 37-word sentence",
        "de",
        "Weil die Sanierung der Turnhalle an der Schillerschule länger dauert als geplant und die Stadt uns "
        "bis zu den Herbstferien keine andere Halle zur Verfügung stellen kann, trainieren alle "
        "Jugendmannschaften ab Montag draußen auf dem Kunstrasen hinter der Grundschule.",
        "Die Sanierung der Turnhalle an der Schillerschule dauert länger als geplant. Bis zu den Herbstferien "
        "kann uns die Stadt keine andere Halle zur Verfügung stellen. Deshalb trainieren alle "
        "Jugendmannschaften ab Montag draußen auf dem Kunstrasen hinter der Grundschule.",
        "clarity",
    ),
    Pair(
        "move the link out of the opening",
        "de",
        "Alle Infos: https://tsv-nord-beispiel.de/sommercamp\n\n"
        "Unser Sommercamp für Kinder von 8 bis 12 Jahren geht in die zweite Runde. Eine Woche lang gibt es "
        "jeden Tag Fußball, Schwimmen und Klettern, dazu Mittagessen aus der Vereinsküche. Betreut werden "
        "die Kinder von sechs Trainerinnen und Trainern mit Erste-Hilfe-Schein.",
        "Unser Sommercamp für Kinder von 8 bis 12 Jahren geht in die zweite Runde. Eine Woche lang gibt es "
        "jeden Tag Fußball, Schwimmen und Klettern, dazu Mittagessen aus der Vereinsküche. Betreut werden "
        "die Kinder von sechs Trainerinnen und Trainern mit Erste-Hilfe-Schein.\n\n"
        "Alle Infos: https://tsv-nord-beispiel.de/sommercamp",
        "dialogue",
    ),
    Pair(
        "replace a dead-end call to action with a question",
        "de",
        "Im Mai bieten wir zwei Termine für den Erste-Hilfe-Kurs für Vereinstrainer an, am Dienstag, 6. Mai, "
        "und am Donnerstag, 15. Mai, jeweils ab 18 Uhr im Vereinsheim. Jetzt Platz sichern!",
        "Im Mai bieten wir zwei Termine für den Erste-Hilfe-Kurs für Vereinstrainer an, am Dienstag, 6. Mai, "
        "und am Donnerstag, 15. Mai, jeweils ab 18 Uhr im Vereinsheim. Welcher Termin passt euch besser?",
        "dialogue",
    ),
    Pair(
        "announce a live Q&A instead of pointing to a video",
        "de",
        "Unsere Hebammen haben ein neues Video über die ersten Wochen mit dem Baby zu Hause gedreht, vom Stillen "
        "bis zum Schlafen. Schaut euch das Video auf unserer Website an.",
        "Unsere Hebammen sprechen über die ersten Wochen mit dem Baby zu Hause, vom Stillen bis zum Schlafen. "
        "Am Mittwoch um 20 Uhr beantworten sie in einer Fragestunde live auf Instagram alle Fragen.",
        "dialogue",
    ),
    Pair(
        "add a closing question on X, where it costs the character limit",
        "de",
        "Der Stadtlauf am Sonntag war ein Fest: 1.200 Läuferinnen und Läufer, 300 Kinder beim Bambinilauf und "
        "ein Zieleinlauf im Regen. Danke an alle Helferinnen und Helfer an den Ständen, an die Feuerwehr für "
        "die Absperrungen und an alle an der Strecke. #Stadtlauf",
        "Der Stadtlauf am Sonntag war ein Fest: 1.200 Läuferinnen und Läufer, 300 Kinder beim Bambinilauf und "
        "ein Zieleinlauf im Regen. Danke an alle Helferinnen und Helfer an den Ständen, an die Feuerwehr für "
        "die Absperrungen und an alle an der Strecke. #Stadtlauf Wer läuft nächstes Jahr mit?",
        "dialogue",
        platform="x",
        trade_offs={"platform_fit": "the question takes the post over X's 280 characters: cut elsewhere before publishing"},
    ),
    # ------------------------------------------------------------------------------ English
    Pair(
        "add a genuine closing question",
        "en",
        "From Monday the city library is open in the evenings too, on Tuesdays and Thursdays until 9 pm. "
        "The reading café on the ground floor stays open until 8 pm on those days.",
        "From Monday the city library is open in the evenings too, on Tuesdays and Thursdays until 9 pm. "
        "The reading café on the ground floor stays open until 8 pm on those days. "
        "What evening event would you like to see?",
        "dialogue",
    ),
    Pair(
        "replace ad-speak with a number",
        "en",
        "Our tax office offers world-class, best-in-class advice for freelancers. "
        "We take care of your tax return so you can take care of your business.",
        "Our tax office advised 240 freelancers last year. "
        "We take care of your tax return so you can take care of your business.",
        "dialogue",
    ),
    Pair(
        "open with the reader instead of a self-announcement",
        "en",
        "We're excited to announce our new course, First Aid for Children. "
        "It takes four hours and runs on the first Saturday of every month at the family centre.",
        "Your child is choking, and you know exactly what to do: that's what you learn in First Aid for Children. "
        "It takes four hours and runs on the first Saturday of every month at the family centre.",
        "dialogue",
    ),
    Pair(
        "add a pass-on prompt",
        "en",
        "From 1 October the new rule on recording working hours applies. Our checklist shows in 5 steps "
        "what employers need to do now, and it is in the members' area as a PDF.",
        "From 1 October the new rule on recording working hours applies. Our checklist shows in 5 steps "
        "what employers need to do now, and it is in the members' area as a PDF. "
        "Who on your team should know this?",
        "shareability",
    ),
    Pair(
        "split a 40-word sentence",
        "en",
        "Because the repairs to the sports hall at Hill Street School are taking longer than planned and the "
        "council cannot give us another hall before the autumn break, all youth teams will train outside on "
        "the artificial pitch behind the primary school from Monday.",
        "The repairs to the sports hall at Hill Street School are taking longer than planned. The council "
        "cannot give us another hall before the autumn break. So from Monday all youth teams will train "
        "outside on the artificial pitch behind the primary school.",
        "clarity",
    ),
    Pair(
        "move the link out of the opening",
        "en",
        "All the details: https://riverside-fc-example.org/summer-camp\n\n"
        "Our summer camp for kids aged 8 to 12 is back for a second year. For a whole week there is football, "
        "swimming and climbing every day, plus lunch from the clubhouse kitchen. Six coaches with first-aid "
        "training look after the children.",
        "Our summer camp for kids aged 8 to 12 is back for a second year. For a whole week there is football, "
        "swimming and climbing every day, plus lunch from the clubhouse kitchen. Six coaches with first-aid "
        "training look after the children.\n\n"
        "All the details: https://riverside-fc-example.org/summer-camp",
        "dialogue",
    ),
    Pair(
        "replace a dead-end call to action with a question",
        "en",
        "In May we run the first-aid course for club coaches twice, on Tuesday 6 May and on Thursday 15 May, "
        "from 6 pm at the clubhouse. Book your place now!",
        "In May we run the first-aid course for club coaches twice, on Tuesday 6 May and on Thursday 15 May, "
        "from 6 pm at the clubhouse. Which date suits you better?",
        "dialogue",
    ),
    Pair(
        "announce a live Q&A instead of pointing to a video",
        "en",
        "Our midwives have made a new video about the first weeks at home with a baby, from feeding to sleep. "
        "Watch the video on our website.",
        "Our midwives talk about the first weeks at home with a baby, from feeding to sleep. "
        "On Wednesday at 8 pm they answer questions in a live Q&A on Instagram.",
        "dialogue",
    ),
    Pair(
        "add a closing question on X, where it costs the character limit",
        "en",
        "Sunday's city fun run was a party: 1,200 runners, 300 kids in the mini race and a finish in pouring "
        "rain. Thanks to every volunteer at the water stations and to the fire brigade for closing the roads, "
        "and to everyone along the route for cheering us on. #FunRun",
        "Sunday's city fun run was a party: 1,200 runners, 300 kids in the mini race and a finish in pouring "
        "rain. Thanks to every volunteer at the water stations and to the fire brigade for closing the roads, "
        "and to everyone along the route for cheering us on. #FunRun Who is running with us next year?",
        "dialogue",
        platform="x",
        trade_offs={"platform_fit": "the question takes the post over X's 280 characters: cut elsewhere before publishing"},
    ),
]


def run(text: str, lang: str, platform: str) -> AnalysisResult:
    """Analyse with the default rule packs only."""
    return analyze(text, language=lang, platform=platform, rules_dir=False)


def scores(result: AnalysisResult) -> dict[str, int]:
    """All four dimension values."""
    return {d: result.score(d) for d in DIMENSIONS}


def _id(pair: Pair) -> str:
    return f"{pair.lang}-{pair.platform}-{pair.name.replace(' ', '_')}"


@pytest.mark.parametrize("pair", PAIRS, ids=[_id(p) for p in PAIRS])
def test_improved_post_scores_higher_on_its_dimension(pair: Pair) -> None:
    weak = scores(run(pair.weak, pair.lang, pair.platform))
    better = scores(run(pair.better, pair.lang, pair.platform))
    assert better[pair.improves] > weak[pair.improves], f"{pair.improves}: {weak} -> {better}"
    for dim in DIMENSIONS:
        if dim == pair.improves:
            continue
        if dim in pair.trade_offs:
            assert better[dim] < weak[dim] - TOLERANCE, f"{dim} was expected to drop ({pair.trade_offs[dim]}): {weak} -> {better}"
        else:
            assert better[dim] >= weak[dim] - TOLERANCE, f"{dim} dropped without a reason: {weak} -> {better}"


def test_pairs_cover_both_languages_and_change_one_thing() -> None:
    """At least six pairs per language; weak and improved versions really differ."""
    for lang in ("de", "en"):
        assert sum(p.lang == lang for p in PAIRS) >= 6, lang
    for p in PAIRS:
        assert p.weak != p.better and p.improves in DIMENSIONS
        assert set(p.trade_offs) <= set(DIMENSIONS) - {p.improves}
        assert all(reason.strip() for reason in p.trade_offs.values())


def test_the_x_trade_off_is_the_character_limit() -> None:
    """The explained platform drop comes from P1 (over the limit), not from anything else."""
    for p in PAIRS:
        if "platform_fit" not in p.trade_offs:
            continue
        weak, better = run(p.weak, p.lang, p.platform), run(p.better, p.lang, p.platform)
        assert not weak.findings_for("P1") or all(f.kind != "over" for f in weak.findings_for("P1"))
        assert any(f.kind == "over" for f in better.findings_for("P1"))


# --------------------------------------------------------------- dialogue and shareability are separate
# (lang, weak, better, rises, stays): the change raises one outcome and leaves the other where it was.
SEPARATE = [
    # a question to the readers invites comments; it gives nobody anything new to pass on
    (
        "de",
        "20 % weniger Müll: So viel spart unsere Kantine, seit es Mehrwegbecher gibt. "
        "Die Becher kosten 1 Euro Pfand und werden in der eigenen Spülküche gereinigt.",
        "20 % weniger Müll: So viel spart unsere Kantine, seit es Mehrwegbecher gibt. "
        "Die Becher kosten 1 Euro Pfand und werden in der eigenen Spülküche gereinigt. Wie seht ihr das?",
        "dialogue",
        "shareability",
    ),
    (
        "en",
        "20% less waste: that is what our canteen has saved since we brought in reusable cups. "
        "The cups cost a 1 euro deposit and are washed in our own kitchen.",
        "20% less waste: that is what our canteen has saved since we brought in reusable cups. "
        "The cups cost a 1 euro deposit and are washed in our own kitchen. What do you think?",
        "dialogue",
        "shareability",
    ),
    # numbers make the post informative and worth passing on; they don't talk with anyone
    (
        "de",
        "Unsere Kantine spart viel Müll, seit es Mehrwegbecher gibt. "
        "Die Becher kosten etwas Pfand und werden in der eigenen Spülküche gereinigt.",
        "Unsere Kantine spart 20 % Müll, seit es Mehrwegbecher gibt. "
        "Die Becher kosten 1 Euro Pfand und werden in der eigenen Spülküche gereinigt.",
        "shareability",
        "dialogue",
    ),
    (
        "en",
        "Our canteen has saved a lot of waste since we brought in reusable cups. "
        "The cups cost a small deposit and are washed in our own kitchen.",
        "Our canteen has saved 20% of its waste since we brought in reusable cups. "
        "The cups cost a 1 euro deposit and are washed in our own kitchen.",
        "shareability",
        "dialogue",
    ),
]


@pytest.mark.parametrize(("lang", "weak", "better", "rises", "stays"), SEPARATE, ids=[f"{s[0]}-{s[3]}-only" for s in SEPARATE])
def test_dialogue_and_shareability_move_separately(lang: str, weak: str, better: str, rises: str, stays: str) -> None:
    before, after = scores(run(weak, lang, "linkedin")), scores(run(better, lang, "linkedin"))
    assert after[rises] > before[rises], f"{rises}: {before} -> {after}"
    assert after[stays] == before[stays], f"{stays} should not move: {before} -> {after}"


def test_both_directions_are_covered_in_both_languages() -> None:
    """Each outcome rises alone at least once per language: neither score is a proxy for the other."""
    for lang in ("de", "en"):
        assert {s[3] for s in SEPARATE if s[0] == lang} == {"dialogue", "shareability"}


# --------------------------------------------------------------- a call that mobilises costs nothing
# (lang, post, the same post with a mobilising call): since issue 16 "come, sign up, vote, volunteer"
# is no dead end (D8 "mobilise", info, 0 points), so adding one must not lower any score.
MOBILISING = [
    (
        "de",
        "Am Samstag räumen wir das Flussufer an der Alten Brücke auf. Wir treffen uns um 10 Uhr am Bootshaus, "
        "Handschuhe, Zangen und Säcke stellt der Verein.",
        "Am Samstag räumen wir das Flussufer an der Alten Brücke auf. Wir treffen uns um 10 Uhr am Bootshaus, "
        "Handschuhe, Zangen und Säcke stellt der Verein. Kommt zum Aufräumen am Samstag!",
    ),
    (
        "en",
        "On Saturday we are cleaning up the river bank by the Old Bridge. We meet at 10 am at the boathouse, "
        "and the club provides gloves, litter pickers and bags.",
        "On Saturday we are cleaning up the river bank by the Old Bridge. We meet at 10 am at the boathouse, "
        "and the club provides gloves, litter pickers and bags. Come to the clean-up on Saturday!",
    ),
]


@pytest.mark.parametrize(("lang", "plain", "with_call"), MOBILISING, ids=[row[0] for row in MOBILISING])
def test_a_mobilising_call_is_not_scored_lower(lang: str, plain: str, with_call: str) -> None:
    before, after = run(plain, lang, "linkedin"), run(with_call, lang, "linkedin")
    assert any(f.kind == "mobilise" and f.points == 0 for f in after.findings_for("D8")), [f.kind for f in after.findings_for("D8")]
    assert not any(f.kind == "dead_end" for f in after.findings_for("D8"))
    for dim in DIMENSIONS:
        assert after.score(dim) >= before.score(dim), f"{dim}: {scores(before)} -> {scores(after)}"


def test_the_live_pairs_turn_on_d10_and_drop_the_dead_end() -> None:
    """The live-Q&A pairs win because of the live conversation, not by accident."""
    live = [p for p in PAIRS if p.name.startswith("announce a live Q&A")]
    assert {p.lang for p in live} == {"de", "en"}
    for p in live:
        weak, better = run(p.weak, p.lang, p.platform), run(p.better, p.lang, p.platform)
        assert [f.kind for f in weak.findings_for("D8")] == ["dead_end"] and not weak.findings_for("D10")
        assert any(f.kind == "found" and f.points > 0 for f in better.findings_for("D10"))
