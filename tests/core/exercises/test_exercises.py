"""Coaching exercises: the 24 built-ins, their targets, safe rendering and exercise packs."""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.engine import analyze
from resonanz.core.exercises.fileformat import parse_exercise, to_markdown
from resonanz.core.exercises.library import builtin_exercises, targets_met
from resonanz.core.exercises.model import LANGUAGES, TOPICS, Exercise, ExerciseError
from resonanz.core.exercises.packs import MAX_MEMBER_BYTES, PackError, export_pack, import_pack
from resonanz.core.exercises.rendering import render_html, render_markdown
from resonanz.core.analysis.model import DIMENSIONS

# Model answers: each must reach every target of its exercise. They live here, not in the
# shipped files, so that participants don't find them next to the exercise.
SOLUTIONS: dict[str, str] = {
    "de-dank-01": """\
Danke an Ayşe, Tom und die 9 anderen Ehrenamtlichen: Gestern habt ihr am Reparaturtag 63 Räder wieder flott gemacht! 🚲

Wessen Rad habt ihr gerettet? Markiert sie gern. Nächster Termin: 14. Juni. #Radwende\
""",
    "de-dialog-01": """\
32 Stunden, volles Gehalt, sechs Monate Testlauf: Ab dem 1. März probieren wir bei Kodewerk die Vier-Tage-Woche aus. Dienstags und donnerstags gibt es keine Termine vor 12 Uhr.

Vielleicht haben Sie so etwas in Ihrem Team schon versucht. Was hat bei Ihnen funktioniert, und woran ist es gescheitert? Schreiben Sie es uns in die Kommentare – wir lesen alles und antworten.

#NewWork\
""",
    "de-dialog-02": """\
Habt ihr noch Fotos vom Hafenviertel aus der Zeit vor 1990 im Schuhkarton?

Für die Ausstellung im Herbst 2026 suchen wir Bilder, Briefe und kleine Dinge aus dem Alltag am Hafen. Und eure Geschichten dazu.

Welche Ecke des Viertels kennt ihr noch, die es heute nicht mehr gibt? Erzählt uns davon!

#Stadtgeschichte #Hafenviertel\
""",
    "de-frage-01": """\
Frauenmannschaft des FC Weidenau: Dienstag und Donnerstag, 19 Uhr, Sportplatz am Wehr. Du kannst jederzeit einsteigen, egal wie lange deine letzte Partie her ist.

Was hält dich bisher davon ab, wieder anzufangen – die Uhrzeit, die Kondition oder die erste Einheit allein? Schreib uns, wir finden eine Lösung.\
""",
    "de-frage-02": """\
Die Stadt gestaltet den Platz vor dem Nachbarschaftshaus Ostend neu. Bänke unter den Linden oder ein Wasserspiel für Kinder: Was wünschen Sie sich? Antworten Sie hier, am 12. Mai um 18 Uhr sprechen wir darüber.\
""",
    "de-hook-01": """\
Nach 12 Wochen hielt Samir die Sicherheitsunterweisung in seiner Schreinerei selbst – auf Deutsch. Vor einem Jahr kam er als Azubi aus Syrien nach Quadrath.

Dazwischen lag ein Kurs „Deutsch am Arbeitsplatz“: 2 Stunden pro Woche, direkt in der Werkstatt. Solche Kurse bringen wir von der VHS Bergheim in Ihren Betrieb, dazu Excel und Erste Hilfe.

Welches Thema würde Ihrem Team gerade am meisten helfen? Schreiben Sie es in die Kommentare.\
""",
    "de-kritik-01": """\
Liebe Frau M., 50 Minuten Wartezeit mit Termin sind zu lang. Da haben Sie recht, und es tut uns leid.

An dem Vormittag kamen zwei Notfälle mit starken Schmerzen dazwischen. Wir hätten Ihnen das am Empfang sagen und einen neuen Termin anbieten müssen. Das ändern wir: Ab Montag rufen wir an oder schicken eine SMS, wenn wir mehr als 20 Minuten hinterher sind.

Möchten Sie uns anrufen, damit wir einen ruhigeren Termin für Sie finden? Schreiben Sie uns gern eine Nachricht, Dr. Kaya meldet sich persönlich.\
""",
    "de-plattform-01": """\
Bruno wartet seit 214 Tagen auf ein Zuhause. 🐶

Der 9-jährige Mischling liebt lange Spaziergänge und schnarcht laut. Eine Patenschaft für ihn kostet 15 € im Monat und zahlt Futter und Tierarzt.

Kennst du jemanden, der einen ruhigen Hund sucht? Markiere die Person! Den Link zur Patenschaft findest du in unserer Bio.

#Tierheim #Patenschaft\
""",
    "de-plattform-02": """\
Hallenbad am Stadtpark: vom 3. bis 21. Juli zu, wir bauen eine neue Lüftung ein. Eure Saisonkarte gilt 3 Wochen länger.

Tipp: Das Freibad Ost hat in der Zeit bis 21 Uhr offen. Wo schwimmt ihr im Juli? #Hallenbad\
""",
    "de-sackgasse-01": """\
3 Dinge fehlen uns diese Woche am meisten: Nudeln, Öl und Babynahrung.

Die Tafel Lindenau versorgt jeden Samstag rund 400 Menschen aus dem Viertel. So können Sie helfen:
• haltbare Lebensmittel in die Kiste im Supermarkt an der Hauptstraße legen
• samstags ab 8 Uhr zwei Stunden beim Sortieren mit anpacken
• diesen Beitrag an Nachbarn und Kolleg:innen weiterleiten

Kennen Sie jemanden mit Kofferraum und einem freien Samstagvormittag? Schicken Sie ihm diesen Beitrag.\
""",
    "de-sackgasse-02": """\
20.000 Hörbücher gratis – mit dem Ausweis, den Sie schon haben

Liebe Leserinnen und Leser,

Ihr Bibliotheksausweis gilt seit März auch fürs Handy. Sie leihen E-Books und Hörbücher aus, ohne das Haus zu verlassen.

So geht's in drei Schritten:
1. App „Onleihe“ installieren
2. Stadtbibliothek Hainburg auswählen
3. mit Ausweisnummer und Geburtsdatum anmelden

Das ist praktisch für alle, die abends pendeln, und für Eltern mit kleinen Kindern. Auch Ihre Nachbarin, die nicht mehr gut zu Fuß ist, hat etwas davon. Leiten Sie diese Mail gern an sie weiter.

Und was hören Sie gerade? Antworten Sie einfach auf diese Mail – wir sammeln Ihre Tipps für die nächste Ausgabe.

Ihre Stadtbibliothek Hainburg\
""",
    "de-werbesprech-01": """\
18 Stunden ruht der Teig für unser Dinkelbrötchen, bevor Meister Jonas ihn um 4 Uhr morgens formt. Darum bleibt es innen so saftig. 🥖 Das Mehl kommt vom Hof Brandt, 12 km von hier.

Tipp: Am nächsten Tag kurz anfeuchten und 5 Minuten aufbacken, dann knackt die Kruste wieder.

Wie esst ihr eure Brötchen am liebsten, süß oder herzhaft? Schreibt es uns! #Bäckerhandwerk\
""",
    "en-ad-speak-01": """\
Last month Nadia, who runs the warehouse at a small furniture maker in Leeds, found out why her Monday deliveries were always late. It took her 10 minutes with Cobalt Insights: one chart showed every order that sat unpacked over the weekend.

She moved one packing shift from Friday to Sunday evening. Late deliveries dropped from 14% to 3% in six weeks.

What's the one report you wish you could build without asking IT? Tell us in the comments – we read every one.\
""",
    "en-critical-01": """\
Mark, you're right: closing at 4 pm on weekdays shuts out anyone who works a day shift. Thank you for saying it so clearly.

Here's what we can do now. From March we'll open until 7 pm every Thursday, with volunteers from the evening rota. If Thursday doesn't work for you, call us on 01632 960 555. We'll set a bag aside for you to collect on Saturday morning.

Would Thursday evening work for you and your neighbours, or is another day better? Let us know below.\
""",
    "en-dead-end-01": """\
3 things that keep you visible when you ride home in the dark this winter:

• lights on both ends, even in town
• something reflective below the knee, where drivers' headlights hit
• a wider line past parked cars, away from opening doors

Save this for your next ride, and tag a friend who cycles to work in the dark. Which tip do you already use? #WinterCycling\
""",
    "en-dead-end-02": """\
Old phone chargers, tangled fairy lights, empty printer cartridges: Westfield Recycling Centre takes them all for free. Save this list and send it to the friend with a drawer full of cables. What else is hiding in yours? #Recycling\
""",
    "en-dialogue-01": """\
40 fruit trees went into the ground on Saturday – apples, plums and two stubborn pears.

Thanks to everyone who came out with a spade, and to the kids who carried watering cans all afternoon.

In three years these trees will give fruit for the whole street. Which fruit would you most like to pick here one day? Tell us in the comments.\
""",
    "en-dialogue-02": """\
Every second Sunday, 2–5 pm, the parish hall on Linden Street turns into a workshop. You sit next to a volunteer while they fix your toaster, lamp or jacket, so you learn how it's done.

What's the one thing at home you'd love to fix but never got round to? Reply with it, and we'll tell you if we can help.

#RepairCafe #FixItYourself\
""",
    "en-hook-01": """\
The figurehead that spent 60 years in a barn is back

Dear Friends of the Museum,

in 1974 a farmer in Cornwall found the figurehead of the Mary Ellen holding up his hay loft. After two years of careful work, our conservators Priya and Tom have brought back her original blue and gold.

You can see her in the main hall from 4 April. Priya gives short talks at 11 am every Saturday in April, free with your ticket.

If you know someone who loves old ships, forward this email to them.

And does your family have a story about the harbour? Just reply to this email – we'd love to hear it.

The Museum Team\
""",
    "en-platform-01": """\
Your kids only need a pea-sized blob of toothpaste. 🦷

Most parents we see use three times that. Here's a tip from our hygienist Leah: for under-3s, a smear the size of a grain of rice is enough. And 2 minutes of brushing matters more than the amount.

Tag a parent who could use this! Which bedtime trick gets your kids to brush? #KidsTeeth #DentalTips\
""",
    "en-platform-02": """\
Our sourdough takes 36 hours: 2 days of waiting for 5 minutes of crunch.

Tip: keep it cut side down on the board, not in the fridge, and it stays fresh for 3 days.

What's your ideal loaf – dark crust or soft and pale? #Sourdough\
""",
    "en-question-01": """\
Walking football at Millbrook Rovers FC, every Wednesday at 10 am: no running, no tackling, lots of tea.

What keeps you from giving it a try – the knees, the time, or not knowing anyone? Tell us and we'll sort it.\
""",
    "en-question-02": """\
212 applications for our last backend developer ad. The one before, with almost the same salary, got 9.

The difference: we named the salary. And we swapped "rockstar ninja with a passion for excellence" for what you would build in your first week.

If you're hiring this year, our free guide lists all 5 changes (link in the first comment).

Which line in a job ad makes you close the tab straight away? Tell us in the comments.\
""",
    "en-recognition-01": """\
Huge thanks to our 23 Reading Buddies! This year you listened to 1,400 children read aloud, one Tuesday afternoon at a time.

Shout-out to Margaret, 81, who never missed a single week, and to @jonas@mastodon.example, who brought his dog Pixel to every session.

Who helped you learn to read? Tell us about them. #ReadingBuddies #Libraries\
""",
}

REQUIRED_TOPICS = ("dialogue", "dead-end", "ad-speak", "question", "hook", "critical-comment", "recognition")
REQUIRED_PLATFORMS = ("x", "linkedin", "instagram", "facebook", "mastodon", "newsletter")

# What the starting draft of a topic must show, so the exercise practises what it says.
TOPIC_SIGNALS = {
    "question": lambda r: bool(r.findings_for("D3")),
    "ad-speak": lambda r: bool(r.findings_for("D7")),
    "dead-end": lambda r: bool(r.findings_for("D8") or r.findings_for("D9")),
    "hook": lambda r: any(f.kind != "hook" for f in r.findings_for("S10")),
}

EXERCISES = builtin_exercises()
BY_ID = {ex.id: ex for ex in EXERCISES}
POSTS = [ex for ex in EXERCISES if ex.kind == "post"]


def _analyze(ex: Exercise, text: str):
    return analyze(text, language=ex.language, platform=ex.platform, rules_dir=False)


# ------------------------------------------------------------------------------- built-ins


def test_there_are_32_builtin_exercises_12_posts_and_4_replies_per_language() -> None:
    assert len(EXERCISES) == 32
    for lang in LANGUAGES:
        assert sum(ex.language == lang and ex.kind == "post" for ex in EXERCISES) == 12, lang
        assert sum(ex.language == lang and ex.kind == "reply" for ex in EXERCISES) == 4, lang
    assert len(BY_ID) == 32  # ids unique


def test_builtins_are_cached_but_the_list_is_a_copy() -> None:
    first, second = builtin_exercises(), builtin_exercises()
    assert first == second and first is not second
    assert all(a is b for a, b in zip(first, second))
    first.clear()
    assert len(builtin_exercises()) == 32


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_builtin_exercise_is_well_formed(ex: Exercise) -> None:
    assert ex.source == f"builtin:{ex.language}/{ex.id}.md"  # file name is the id
    assert ex.id.startswith(f"{ex.language}-")
    assert ex.topic in TOPICS
    assert ex.targets and set(ex.targets) <= ({"reply"} if ex.kind == "reply" else set(DIMENSIONS))
    assert (ex.kind == "reply") == (ex.topic == "reply") == bool(ex.comment)
    assert all(0 <= v <= 100 for v in ex.targets.values())
    assert len(ex.hints) >= 2
    assert ex.goal and ex.title and ex.starting_draft
    heading = "## Aufgabe" if ex.language == "de" else "## Task"
    assert ex.body_md.startswith(heading)
    # exercises are written, not generated: no placeholder left behind
    for text in (ex.title, ex.goal, ex.body_md, ex.starting_draft, *ex.hints):
        assert "…one sentence…" not in text and "TODO" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_topic_is_covered_in_each_language(lang: str) -> None:
    topics = {ex.topic for ex in EXERCISES if ex.language == lang}
    assert set(REQUIRED_TOPICS) | {"platform"} <= topics


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_main_platform_is_covered_in_each_language(lang: str) -> None:
    platforms = {ex.platform for ex in EXERCISES if ex.language == lang}
    assert set(REQUIRED_PLATFORMS) <= platforms
    assert {"threads", "bluesky"} <= platforms


def test_solutions_cover_exactly_the_post_builtins() -> None:
    assert set(SOLUTIONS) == {ex.id for ex in POSTS}  # replies: tests/core/exercises/test_reply_exercises.py


@pytest.mark.parametrize("ex", POSTS, ids=lambda e: e.id)
def test_starting_draft_misses_a_target(ex: Exercise) -> None:
    met = targets_met(ex, _analyze(ex, ex.starting_draft))
    assert set(met) == set(ex.targets)
    assert not all(met.values()), f"{ex.id}: the draft already meets {dict(ex.targets)}"


@pytest.mark.parametrize("ex", POSTS, ids=lambda e: e.id)
def test_solution_meets_every_target(ex: Exercise) -> None:
    result = _analyze(ex, SOLUTIONS[ex.id])
    scores = {d: result.scores[d].value for d in ex.targets}
    assert all(targets_met(ex, result).values()), f"{ex.id}: {scores} vs targets {dict(ex.targets)}"
    assert not [f for f in result.findings_for("P1") if f.severity == "error"], "solution is over the platform limit"
    assert not result.findings_for("D3"), "a model answer must not ask rhetorical questions"


@pytest.mark.parametrize("ex", [e for e in EXERCISES if e.topic in TOPIC_SIGNALS], ids=lambda e: e.id)
def test_starting_draft_shows_the_problem_the_topic_names(ex: Exercise) -> None:
    assert TOPIC_SIGNALS[ex.topic](_analyze(ex, ex.starting_draft))


def test_targets_met_reports_each_target_dimension() -> None:
    ex = BY_ID["de-sackgasse-01"]
    result = _analyze(ex, ex.starting_draft)
    met = targets_met(ex, result)
    assert met == {d: result.scores[d].value >= v for d, v in ex.targets.items()}


# ------------------------------------------------------------------------------- rendering

INJECTIONS = [
    "<script>alert(1)</script>",
    "Text <script src=https://evil.example/x.js></script> text",
    "<img src=x onerror=alert(1)>",
    "Bild: <img src=x onerror='alert(1)'> im Satz",
    "<div>\n<script>alert(1)</script>\n</div>",
    '<a href="javascript:alert(1)">klick</a>',
    "[klick](javascript:alert(1))",
    "[klick](JavaScript:alert(1))",
    "[klick](  java\tscript:alert(1))",
    "[klick](&#106;avascript:alert(1))",
    "[klick](&#x6A;avascript&#x3A;alert(1))",
    "[klick](<javascript:alert(1)>)",
    "[klick][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "![x](https://tracker.example/pixel.png)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    '<iframe src="https://evil.example"></iframe>',
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
    "<!-- <script>alert(1)</script> -->",
    '<p onclick="alert(1)">x</p>',
]


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser would see them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def _assert_safe(out: str) -> None:
    """No executable tag, no event handler, no link or source with a scheme other than http(s)/mailto."""
    low = out.lower()
    assert "<script" not in low and "<img" not in low and "<iframe" not in low and "<svg" not in low and "<style" not in low
    parser = _Tags()
    parser.feed(out)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in SAFE_TAGS, f"unexpected tag <{tag}> in {out!r}"
        for name, value in attrs.items():
            assert not name.startswith("on") and name not in ("style", "src", "srcdoc"), f"<{tag} {name}> in {out!r}"
            if name == "href":
                cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
                scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
                assert scheme is None or scheme.group(1) in ("http", "https", "mailto"), f"href={value!r} in {out!r}"


SAFE_TAGS = {"p", "a", "span", "em", "strong", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br", "div", "del"}


@pytest.mark.parametrize("md", INJECTIONS)
def test_render_escapes_raw_html_and_unsafe_links(md: str) -> None:
    _assert_safe(render_markdown(md))
    ex = replace(BY_ID["en-dialogue-01"], body_md=f"## Task\n\n{md}\n", title=md, goal=md, hints=(md,))
    _assert_safe(render_html(ex))


def test_render_shows_escaped_html_as_text() -> None:
    out = render_markdown("Use <b>bold</b> & <script>x</script>")
    assert "&lt;b&gt;bold&lt;/b&gt;" in out and "&lt;script&gt;" in out


def test_render_keeps_markdown_and_safe_links() -> None:
    out = render_markdown("## Why\n\n- **one**\n- *two*\n\n> quote\n\n[docs](https://example.org/a?b=1&c=2) [local](#why) [mail](mailto:team@example.org)")
    assert "<h2>Why</h2>" in out and "<strong>one</strong>" in out and "<em>two</em>" in out and "<blockquote>" in out
    assert 'href="https://example.org/a?b=1&amp;c=2"' in out
    assert 'href="#why"' in out and 'href="mailto:team@example.org"' in out
    assert 'rel="nofollow noopener noreferrer"' in out


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_render_builtin(ex: Exercise) -> None:
    out = render_html(ex)
    _assert_safe(out)
    assert "<h1>" in out and "<h2>" in out
    assert "<blockquote>" in out  # every exercise shows the principle in one example
    assert out.count("<li>") >= len(ex.hints)


# ------------------------------------------------------------------------------- parsing

GOOD = '''+++
id = "en-test-01"
language = "en"
title = "A test"
topic = "dialogue"
platform = "linkedin"
goal = "Test the parser."
targets = { dialogue = 70, shareability = 50 }
hints = ["one", "two"]
starting_draft = """
We are proud.
"""
+++
## Task

Do it.
'''


def test_parse_good_exercise() -> None:
    ex = parse_exercise(GOOD, "mine.md")
    assert ex.id == "en-test-01" and ex.platform == "linkedin" and ex.source == "mine.md"
    assert dict(ex.targets) == {"dialogue": 70, "shareability": 50}
    assert ex.hints == ("one", "two") and ex.starting_draft == "We are proud."
    assert ex.body_md == "## Task\n\nDo it."
    with pytest.raises(TypeError):
        ex.targets["dialogue"] = 1  # type: ignore[index]
    assert hash(ex) == hash(parse_exercise(GOOD, "mine.md"))


def test_parse_accepts_bom_crlf_and_platform_alias() -> None:
    ex = parse_exercise("\ufeff" + GOOD.replace('"linkedin"', '"Twitter"').replace("\n", "\r\n"), "x.md")
    assert ex.platform == "x" and ex.body_md == "## Task\n\nDo it."


def _bad(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


BAD_CASES = [
    # (text, line, words in the message)
    ("", 1, "empty"),
    ("## Task\n", 1, "'+++'"),
    (GOOD.replace("+++\n## Task", "## Task"), 1, "not closed"),
    (_bad('title = "A test"', 'title = "A test'), 4, "invalid TOML"),
    (_bad('goal = "Test the parser."\n', ""), 12, "missing field 'goal'"),
    (_bad('platform = "linkedin"', 'platform = "tiktok"'), 6, "unknown platform 'tiktok'"),
    (_bad('topic = "dialogue"', 'topic = "smalltalk"'), 5, "unknown topic 'smalltalk'"),
    (_bad('language = "en"', 'language = "fr"'), 3, "unknown language 'fr'"),
    (_bad("dialogue = 70", "dialogue = 101"), 8, "outside 0-100"),
    (_bad("dialogue = 70", "dialogue = -1"), 8, "outside 0-100"),
    (_bad("dialogue = 70", "dialogue = true"), 8, "whole number"),
    (_bad("dialogue = 70", "dialogue = 70.5"), 8, "whole number"),
    (_bad("dialogue = 70", "reach = 70"), 8, "unknown dimension 'reach'"),
    (_bad("targets = { dialogue = 70, shareability = 50 }", "targets = {}"), 8, "non-empty table"),
    (_bad('hints = ["one", "two"]', 'hints = "one"'), 9, "hints must be a list"),
    (_bad('hints = ["one", "two"]', 'hints = ["one", ""]'), 9, "hints must be a list"),
    (_bad('id = "en-test-01"', 'id = "../etc"'), 2, "lowercase letters"),
    (_bad('title = "A test"', "title = 5"), 4, "title must be a string"),
    (_bad('goal = "Test the parser."', 'goal = ""'), 7, "goal must not be empty"),
    (_bad('goal = "Test the parser."', 'goal = "Test"\ncolour = "red"'), 8, "unknown field 'colour'"),
    (GOOD.split("## Task")[0], 13, "instructions"),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD_CASES, ids=[c[2] for c in BAD_CASES])
def test_front_matter_errors_name_source_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ExerciseError) as info:
        parse_exercise(text, "packs/mine.md")
    msg = str(info.value)
    assert msg.startswith(f"packs/mine.md:{line}: "), msg
    assert words in msg
    assert "\n" not in msg
    assert info.value.source == "packs/mine.md" and info.value.line == line


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_to_markdown_round_trips(ex: Exercise) -> None:
    assert replace(parse_exercise(to_markdown(ex), "copy.md"), source=ex.source) == ex


def test_to_markdown_round_trips_awkward_text() -> None:
    draft = 'He said "hi" \\o/ and """ then\n+++\n  +++\ntab\there \u2028 ctrl\x07 end'
    ex = replace(BY_ID["de-dialog-01"], title='Quote " and \\ backslash', hints=('a "b"', "c\\d"), starting_draft=draft, body_md="## Aufgabe\n\n+++\nrest")
    back = parse_exercise(to_markdown(ex), "copy.md")
    assert replace(back, source=ex.source) == ex


# ------------------------------------------------------------------------------- packs


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work inside tmp_path so that any stray write by import would show up in the listing."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


MANIFEST = b'name = "Evil"\nversion = 1\nauthor = "Mallory"\ncreated = 2026-01-01T00:00:00Z\n'


def _zip(path: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]], *, manifest: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        if manifest:
            zf.writestr("manifest.toml", MANIFEST)
        for name, data in members:
            zf.writestr(name, data)
    return path


def _exercise_bytes(ex_id: str = "en-test-01", body: str = "Do it.") -> bytes:
    return GOOD.replace('"en-test-01"', f'"{ex_id}"').replace("Do it.", body).encode("utf-8")


def _import_fails(path: Path, sandbox: Path, *words: str, **limits) -> str:
    before = _tree(sandbox)
    with pytest.raises(PackError) as info:
        import_pack(path, **limits)
    assert _tree(sandbox) == before, "import must not write anything"
    msg = str(info.value)
    assert "\n" not in msg
    for w in words:
        assert w in msg, msg
    return msg


def test_pack_round_trip(sandbox: Path) -> None:
    pack = export_pack(EXERCISES, sandbox / "all.resonanzpack", author="Resonanz")
    assert pack == sandbox / "all.resonanzpack"
    assert _tree(sandbox) == ["all.resonanzpack"]  # no temporary file left behind
    with zipfile.ZipFile(pack) as zf:
        names = zf.namelist()
        manifest = zf.read("manifest.toml").decode()
    assert names[0] == "manifest.toml" and len(names) == len(EXERCISES) + 1 == 33
    assert all(n.startswith("exercises/") and n.endswith(".md") for n in names[1:])
    assert 'name = "all"' in manifest and "version = 1" in manifest and 'author = "Resonanz"' in manifest and "created = " in manifest

    before = _tree(sandbox)
    imported = import_pack(pack)
    assert _tree(sandbox) == before
    assert [replace(ex, source="x") for ex in imported] == [replace(ex, source="x") for ex in EXERCISES]
    assert {ex.source for ex in imported} == {"pack:all"}


def test_pack_name_and_subset(sandbox: Path) -> None:
    pack = export_pack([BY_ID["de-frage-01"]], sandbox / "club.resonanzpack", name="Fußball-Workshop")
    (ex,) = import_pack(pack)
    assert ex.source == "pack:Fußball-Workshop" and ex.id == "de-frage-01"


def test_export_refuses_duplicates_and_empty(sandbox: Path) -> None:
    with pytest.raises(PackError, match="duplicate exercise id"):
        export_pack([EXERCISES[0], EXERCISES[0]], sandbox / "d.resonanzpack")
    with pytest.raises(PackError, match="at least one"):
        export_pack([], sandbox / "e.resonanzpack")
    assert _tree(sandbox) == []


def test_script_in_body_imports_but_renders_escaped(sandbox: Path) -> None:
    body = 'Hi <script>alert("pwned")</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))'
    pack = _zip(sandbox / "s.resonanzpack", [("exercises/a.md", _exercise_bytes(body=body))])
    (ex,) = import_pack(pack)
    assert "<script>" in ex.body_md and ex.source == "pack:Evil"
    out = render_html(ex)
    _assert_safe(out)
    assert "&lt;script&gt;" in out


@pytest.mark.parametrize(
    "name",
    ["../evil.md", "/etc/passwd", "exercises/../../x.md", "C:\\x.md", "C:/x.md", "exercises\\x.md", "exercises/./x.md", "exercises//x.md", "/exercises/a.md"],
)
def test_path_traversal_is_refused(sandbox: Path, name: str) -> None:
    pack = _zip(sandbox / "t.resonanzpack", [("exercises/a.md", _exercise_bytes()), (zipfile.ZipInfo(name), b"x")])
    msg = _import_fails(pack, sandbox)
    assert name in msg or name.replace("\\", "\\\\") in msg


def test_symlink_member_is_refused(sandbox: Path) -> None:
    info = zipfile.ZipInfo("exercises/link.md")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    pack = _zip(sandbox / "l.resonanzpack", [(info, b"/etc/passwd")])
    _import_fails(pack, sandbox, "exercises/link.md", "symbolic link")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("README.md", "unexpected member"),
        ("exercises/notes.txt", "unexpected member"),
        ("exercises/sub/a.md", "unexpected member"),
        ("exercises/.hidden.md", "unexpected member"),
        ("other/", "unexpected folder"),
        ("manifest.toml.bak", "unexpected member"),
    ],
)
def test_unknown_extra_member_is_refused(sandbox: Path, name: str, words: str) -> None:
    pack = _zip(sandbox / "u.resonanzpack", [("exercises/a.md", _exercise_bytes()), (name, b"")])
    _import_fails(pack, sandbox, name, words)


def test_oversized_pack_file_is_refused_before_reading(sandbox: Path) -> None:
    big = sandbox / "big.resonanzpack"
    with open(big, "wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.seek(5_000_001 - 1)
        fh.write(b"\0")
    _import_fails(big, sandbox, "big.resonanzpack", "5,000,000")
    small = _zip(sandbox / "small.resonanzpack", [("exercises/a.md", _exercise_bytes())])
    _import_fails(small, sandbox, "more than the 100", max_bytes=100)


def test_oversized_member_is_refused(sandbox: Path) -> None:
    body = "x" * (MAX_MEMBER_BYTES + 1)
    pack = _zip(sandbox / "m.resonanzpack", [("exercises/a.md", _exercise_bytes(body=body))])
    _import_fails(pack, sandbox, "exercises/a.md", "200,000")


def test_zip_bomb_is_refused(sandbox: Path) -> None:
    pack = sandbox / "bomb.resonanzpack"
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.toml", MANIFEST)
        with zf.open("exercises/bomb.md", "w") as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(50):
                fh.write(chunk)
    assert pack.stat().st_size < 200_000  # 50 MB squeezed into a small file
    _import_fails(pack, sandbox, "exercises/bomb.md", "uncompressed")


def test_many_small_members_cannot_exceed_the_total(sandbox: Path) -> None:
    members = [(f"exercises/e{i}.md", _exercise_bytes(f"en-e-{i}", body="y" * 150_000)) for i in range(5)]
    pack = _zip(sandbox / "sum.resonanzpack", members)
    _import_fails(pack, sandbox, "unpacks to more than 500,000", max_bytes=500_000)


def test_member_whose_header_lies_about_its_size_is_refused(sandbox: Path) -> None:
    import struct

    pack = _zip(sandbox / "liar.resonanzpack", [("exercises/a.md", b"\0" * 3_000_000)])
    data = bytearray(pack.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = struct.pack("<I", 100)  # claim 100 bytes uncompressed
    local = data.find(b"PK\x03\x04", 10)
    data[local + 22 : local + 26] = struct.pack("<I", 100)
    pack.write_bytes(bytes(data))
    _import_fails(pack, sandbox, "exercises/a.md")


def test_too_many_files_is_refused(sandbox: Path) -> None:
    members = [(f"exercises/e{i}.md", _exercise_bytes(f"en-e-{i}")) for i in range(3)]
    pack = _zip(sandbox / "n.resonanzpack", members)
    _import_fails(pack, sandbox, "more than the 2", max_files=2)
    assert len(import_pack(pack, max_files=3)) == 3


@pytest.mark.parametrize(
    "content",
    [b"just some text, not a zip", b"", b"PK\x03\x04 truncated", b"%PDF-1.7\n"],
    ids=["text", "empty", "truncated-zip", "pdf"],
)
def test_non_zip_is_refused(sandbox: Path, content: bytes) -> None:
    path = sandbox / "fake.resonanzpack"
    path.write_bytes(content)
    _import_fails(path, sandbox, "fake.resonanzpack", "zip")


def test_truncated_real_pack_is_refused(sandbox: Path) -> None:
    pack = export_pack(EXERCISES[:3], sandbox / "cut.resonanzpack")
    pack.write_bytes(pack.read_bytes()[:-200])
    _import_fails(pack, sandbox, "cut.resonanzpack")


def test_missing_pack_and_folder_are_refused(sandbox: Path) -> None:
    _import_fails(sandbox / "nope.resonanzpack", sandbox, "nope.resonanzpack")
    (sandbox / "dir.resonanzpack").mkdir()
    _import_fails(sandbox / "dir.resonanzpack", sandbox, "not a regular file")


def test_duplicate_ids_are_refused(sandbox: Path) -> None:
    pack = _zip(sandbox / "dup.resonanzpack", [("exercises/a.md", _exercise_bytes("en-same")), ("exercises/b.md", _exercise_bytes("en-same"))])
    _import_fails(pack, sandbox, "exercises/b.md", "duplicate exercise id 'en-same'", "exercises/a.md")


def test_duplicate_member_names_are_refused(sandbox: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name while writing
        pack = _zip(sandbox / "twice.resonanzpack", [("exercises/a.md", _exercise_bytes("en-a")), ("exercises/a.md", _exercise_bytes("en-b"))])
    _import_fails(pack, sandbox, "exercises/a.md", "twice")


def test_invalid_exercise_names_member_and_line(sandbox: Path) -> None:
    bad = _exercise_bytes().replace(b'"linkedin"', b'"myspace"')
    pack = _zip(sandbox / "bad.resonanzpack", [("exercises/good.md", _exercise_bytes("en-good")), ("exercises/bad.md", bad)])
    _import_fails(pack, sandbox, "exercises/bad.md:6:", "unknown platform 'myspace'")


def test_non_utf8_member_is_refused(sandbox: Path) -> None:
    data = _exercise_bytes().replace(b"Do it.", "Übung".encode("latin-1"))
    pack = _zip(sandbox / "latin.resonanzpack", [("exercises/a.md", data)])
    _import_fails(pack, sandbox, "exercises/a.md", "not UTF-8")


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        (None, "no manifest.toml"),
        (b'name = "x"\nversion = 2\nauthor = ""\ncreated = 2026-01-01\n', "version 2"),
        (b'version = 1\nauthor = ""\ncreated = 2026-01-01\n', "missing key 'name'"),
        (b'name = "x"\nversion = 1\nauthor = ""\ncreated = 2026-01-01\nrun = "rm -rf /"\n', "unknown key 'run'"),
        (b"name = \n", "invalid TOML"),
    ],
)
def test_bad_manifest_is_refused(sandbox: Path, manifest: bytes | None, words: str) -> None:
    path = sandbox / "man.resonanzpack"
    with zipfile.ZipFile(path, "w") as zf:
        if manifest is not None:
            zf.writestr("manifest.toml", manifest)
        zf.writestr("exercises/a.md", _exercise_bytes())
    _import_fails(path, sandbox, words)


def test_pack_without_exercises_is_refused(sandbox: Path) -> None:
    pack = _zip(sandbox / "empty.resonanzpack", [("exercises/", b"")])
    _import_fails(pack, sandbox, "no exercises")


def test_encrypted_member_is_refused(sandbox: Path) -> None:
    pack = _zip(sandbox / "enc.resonanzpack", [("exercises/a.md", _exercise_bytes())])
    data = bytearray(pack.read_bytes())
    for sig, flag_offset in ((b"PK\x01\x02", 8), (b"PK\x03\x04", 6)):
        pos = -1
        while (pos := data.find(sig, pos + 1)) != -1:
            data[pos + flag_offset] |= 0x1
    pack.write_bytes(bytes(data))
    _import_fails(pack, sandbox, "encrypted")


def test_import_leaves_the_current_folder_alone(sandbox: Path) -> None:
    """The check on every malicious pack above is the sandbox listing; here also a good import."""
    pack = export_pack(EXERCISES[:2], sandbox / "ok.resonanzpack")
    before = _tree(sandbox)
    assert len(import_pack(str(pack))) == 2
    assert _tree(sandbox) == before
    assert os.getcwd() == str(sandbox)


def test_pack_members_in_memory_only() -> None:
    """import_pack reads the archive into memory: zipfile's extract functions are never used."""
    src = Path(__import__("resonanz.core.exercises.packs", fromlist=["x"]).__file__).read_text(encoding="utf-8")
    assert ".extract(" not in src and ".extractall(" not in src


# ------------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>", "</a>", "[t](", ")", "](",
        "javascript:", "JaVa\tScRiPt:", "&#106;", "&#x3A;", "data:", "<", ">", "\"", "'", "`", "\n", "\n\n", "    ",
        "> ", "- ", "1. ", "#", "*", "_", "![i](", "[r]: ", "<http://x>", "<svg/onload=alert(1)>", "<!--", "-->",
        "&", ";", "\\", "{: onclick=alert(1)}", "text", "ü", " ",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_render_never_lets_active_content_through(md: str) -> None:
    _assert_safe(render_markdown(md))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parser_fails_only_with_exercise_error(noise: str) -> None:
    for text in (noise, GOOD.replace("Do it.", noise), GOOD[: len(noise) % len(GOOD)] + noise):
        try:
            parse_exercise(text, "fuzz.md")
        except ExerciseError as exc:
            assert str(exc).startswith("fuzz.md")


def test_member_names_unicode_ok_invisible_characters_refused(sandbox: Path) -> None:
    ok = _zip(sandbox / "u.resonanzpack", [("exercises/übung-1.md", _exercise_bytes())])
    assert len(import_pack(ok)) == 1
    sneaky = _zip(sandbox / "rtl.resonanzpack", [("exercises/\u202edm.txt.md", _exercise_bytes())])
    msg = _import_fails(sneaky, sandbox, "unexpected member", "\\u202e")
    assert "\u202e" not in msg


@pytest.mark.parametrize("url", ["/etc/passwd", "../secret.md", "//evil.example/x", "file:///etc/passwd", "qrc:/x", "about:blank"])
def test_render_drops_local_and_relative_link_targets(url: str) -> None:
    out = render_markdown(f"[x]({url})")
    assert "href" not in out and "<span>x</span>" in out
