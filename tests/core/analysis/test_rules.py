"""Every rule, in both languages, as a table of texts that must and must not trigger it.

This is the spec a newcomer reads first (after docs/HEURISTICS.md). Each row is one post:

- ``kind="..."``: the rule must fire with that message key (see ``[rules.X.messages]`` in
  resources/rules/de.toml and en.toml). ``marks`` (optional) is the exact passage one of the
  finding's spans must cover.
- ``kind=None``: a near miss: the rule must stay silent. Silent means: no finding of that rule
  with points != 0, and none of the rule's firing kinds (``FIRING`` below). Hints that only say
  "this is missing" (D2 missing, S4 missing, S10 missing) or "too short to judge" (C1 short) and
  info-only kinds with 0 points (D8 balanced and mobilise, D5 greeting, D3 loaded) are not firing.
  A must-fire row of such a kind (``ZERO_POINT_KINDS``) also checks that the rule then gives no
  points and none of its firing kinds: "mobilise" means "no dead end", "greeting" means "no
  recognition points", "loaded" means "not rhetorical".
- ``not_kind="..."`` (with ``kind=None``): for rules that judge every post (D1, S10), only that
  kind must be absent; the rule may well say something else about the post.

Rules that are off by default (``OFF_BY_DEFAULT``: S5-S8, issue 16) keep their rows for users who
switch them on; those rows run with a rule folder that says ``enabled = true`` for them, and
``test_off_by_default_rules_neither_fire_nor_score`` checks that by default they stay silent.

A meta-test fails if a rule in ``RULES`` lacks a must-fire and a must-not-fire row in either
language. Every text is written for this table: organisation posts (bakery, library, sports club,
NGO, software firm, hospital …) with the mess of real posts: emoji (incl. ZWJ sequences and skin
tones), hashtags, @-mentions, URLs, bullet lists, gender forms, typographic quotes, line breaks.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

import pytest

from resonanz.core.analysis.engine import RULES, analyze
from resonanz.core.analysis.model import AnalysisResult

WOMAN_TECH = "\U0001F469\U0001F3FD\u200D\U0001F4BB"  # 👩🏽‍💻 ZWJ sequence with a skin tone
THUMBS = "\U0001F44D\U0001F3FE"  # 👍🏾 skin tone
RAINBOW = "\U0001F3F3\uFE0F\u200D\U0001F308"  # 🏳️‍🌈 ZWJ sequence with VS16
FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # 👨‍👩‍👧‍👦 one grapheme, 7 code points
RUNNER = "\U0001F3C3\u200D\u2640\uFE0F"  # 🏃‍♀️


class Example(NamedTuple):
    rule: str
    lang: str
    text: str
    kind: str | None  # message key that must fire; None: the rule must stay silent
    platform: str = "linkedin"
    marks: str | None = None  # exact passage one span of the expected finding covers
    not_kind: str | None = None  # with kind=None: only this kind must be absent


E = Example

#: Kinds that mean "the rule fired". Others are hints about absence or reports without score.
FIRING: dict[str, frozenset[str]] = {
    "D1": frozenset({"dialogic", "balanced", "monologue", "none"}),
    "D2": frozenset({"found", "at_end"}),
    "D8": frozenset({"dead_end"}),
    "D9": frozenset({"link_only", "pointer", "link_first"}),
    "S1": frozenset({"found", "more"}),
    "S4": frozenset({"found"}),
    "S6": frozenset({"high", "low"}),
    "S10": frozenset({"hook", "weak"}),
    "C1": frozenset({"good", "middle", "hard"}),
    "C2": frozenset({"long", "very_long"}),
    "P1": frozenset({"over", "close"}),
    "P2": frozenset({"hook_after_fold"}),
    "P3": frozenset({"too_many", "too_few", "block", "camelcase"}),
}
DEFAULT_FIRING = frozenset({"found"})

#: Info-only kinds: the rule reports something, with 0 points, and none of its firing kinds.
ZERO_POINT_KINDS: frozenset[tuple[str, str]] = frozenset({("D3", "loaded"), ("D5", "greeting"), ("D8", "balanced"), ("D8", "mobilise")})

#: Off by default since issue 16 (their evidence contradicts them); users can switch them on.
OFF_BY_DEFAULT = ("S5", "S6", "S7", "S8")

#: Every rule needs at least this many must-fire and must-not-fire rows per language.
MIN_EACH_WAY = 2

#: Rules whose findings are about the post as a whole and mark no passage.
NO_SPANS = frozenset({"C1"})


# ---------------------------------------------------------------------------------- long texts
C1_DE_EASY = (
    "Am Samstag ist Lesefest in der Stadtbibliothek. Wir fangen um zehn Uhr an. Für Kinder gibt es "
    "eine Ecke mit Kissen und Decken. Dort lesen drei Frauen aus dem Team vor. Jede liest eine Stunde "
    "lang. Die Kinder dürfen sich das Buch selbst aussuchen. Für Eltern gibt es Kaffee und Kuchen. "
    "Den Kuchen backt die Bäckerei am Markt. Um zwölf Uhr kommt ein Zauberer. Er zeigt Tricks mit "
    "Karten und Seilen. Danach malen wir zusammen ein großes Bild für die Wand im Flur. Wer mag, "
    "bringt ein altes Buch mit. Wir tauschen es gern gegen ein neues. Der Eintritt kostet nichts. "
    "Wir freuen uns auf euch und eure Kinder. Bis Samstag!"
)
C1_DE_HARD = (
    "Im Rahmen der Neustrukturierung unserer Unternehmenskommunikation wurde die Implementierung einer "
    "ganzheitlichen Digitalisierungsstrategie beschlossen, deren Umsetzung die kontinuierliche "
    "Weiterentwicklung sämtlicher Kundenschnittstellen einschließlich der Optimierung bestehender "
    "Informationsverarbeitungsprozesse gewährleisten soll. Die Verantwortlichkeiten für die Koordinierung "
    "der bereichsübergreifenden Arbeitsgruppen wurden der Geschäftsführung übertragen, wobei die "
    "Berücksichtigung datenschutzrechtlicher Anforderungen sowie arbeitsrechtlicher Rahmenbedingungen "
    "ausdrücklich vorgesehen ist. Die Evaluierung der Wirksamkeit sämtlicher Maßnahmen erfolgt "
    "voraussichtlich nach Abschluss der Pilotierungsphase durch eine unabhängige Beratungsgesellschaft, "
    "die entsprechende Handlungsempfehlungen hinsichtlich weiterer Verbesserungsmöglichkeiten der "
    "Organisationsentwicklung erarbeiten wird. Eine Veröffentlichung der Ergebnisse ist nach Zustimmung "
    "der zuständigen Gremien vorgesehen, sofern keine Geheimhaltungsinteressen entgegenstehen oder "
    "anderweitige vertragliche Verpflichtungen eine Verschiebung der Bekanntmachung erforderlich machen."
)
C1_EN_EASY = (
    "On Saturday the city library holds its reading day. We start at ten. There is a corner for kids "
    "with rugs and big cushions. Three of our staff read aloud, one hour each. The kids pick the books. "
    "Parents get coffee and cake from the bakery on the square. At noon a magician comes by. He does "
    "tricks with cards and ropes. Then we paint a big picture for the wall in the hall. If you like, "
    "bring an old book. We will swap it for a new one. It costs nothing to come in. We look forward to "
    "seeing you and your kids. Bring a friend, too. The doors close at four. See you on Saturday!"
)
C1_EN_HARD = (
    "Within the framework of the comprehensive reorganisation of our institutional communication "
    "infrastructure, the executive committee has authorised the implementation of an integrated "
    "digitalisation strategy, the operationalisation of which is anticipated to necessitate the "
    "systematic reconfiguration of all customer-facing interfaces, including the optimisation of "
    "established information-processing procedures. Responsibility for coordinating the "
    "interdepartmental working groups has been delegated to the management board, with particular "
    "consideration given to data-protection requirements and employment-related regulatory "
    "considerations. An evaluation of the effectiveness of these measures will presumably be undertaken "
    "following the conclusion of the pilot phase by an independent consultancy, which is expected to "
    "formulate recommendations regarding further organisational development opportunities. Publication "
    "of the results is envisaged subject to approval by the relevant governance bodies, provided that no "
    "confidentiality considerations or contractual obligations necessitate postponement."
)

C1_DE_MIDDLE = (
    "Das Klinikum erweitert im kommenden Jahr seine Notaufnahme. Geplant sind zwölf zusätzliche "
    "Behandlungsplätze, ein eigener Bereich für Kinder und ein größerer Wartebereich mit Tageslicht. Die "
    "Bauarbeiten beginnen im Februar und sollen im Herbst abgeschlossen sein. Während dieser Zeit bleibt die "
    "Notaufnahme durchgehend geöffnet, allerdings ändert sich der Zugang: Patientinnen und Patienten "
    "erreichen sie dann über den Seiteneingang an der Krankenhausstraße. Rettungswagen fahren weiterhin die "
    "bisherige Zufahrt an. Die Kosten von rund acht Millionen Euro tragen das Land und der Landkreis "
    "gemeinsam. Wir informieren regelmäßig über den Fortschritt der Arbeiten und über mögliche Änderungen "
    "bei den Parkmöglichkeiten rund um das Gelände. Bei Fragen erreichen Sie unsere Pressestelle "
    "telefonisch und per E-Mail."
)
C1_EN_MIDDLE = (
    "The hospital will expand its emergency department next year. The plans include twelve additional "
    "treatment bays, a separate area for children and a larger waiting room with natural daylight. "
    "Construction begins in February and should be completed by the autumn. The emergency department "
    "remains open throughout this period, although the entrance changes: patients will reach it through "
    "the side entrance on Hospital Road. Ambulances will continue to use the existing access road. The "
    "regional government and the county are sharing the cost of approximately eight million pounds. We "
    "will provide regular updates on the progress of the work and on any changes to parking around the "
    "site. If you have questions, please contact our press office by telephone or email."
)

CAMP_DE = (
    "Unser Sommercamp für Kinder von 8 bis 12 Jahren geht in die zweite Runde. Eine Woche lang gibt es "
    "jeden Tag Fußball, Schwimmen und Klettern, dazu Mittagessen aus der Vereinsküche. Betreut werden "
    "die Kinder von sechs Trainerinnen und Trainern mit Erste-Hilfe-Schein. Die Anmeldung läuft bis "
    "Ende Mai, danach verlosen wir die restlichen Plätze."
)
CAMP_EN = (
    "Our summer camp for kids aged 8 to 12 is back for a second year. For a whole week there is "
    "football, swimming and climbing every day, plus lunch from the clubhouse kitchen. Six coaches with "
    "first-aid training look after the children. Registration is open until the end of May; after "
    "that, we draw lots for the remaining places."
)

# Over and near the X limit (280, emoji weigh 2, every URL 23).
X_OVER_DE = (
    "Der Stadtlauf am Sonntag war ein Fest: 1.200 Läuferinnen und Läufer, 300 Kinder beim Bambinilauf "
    f"und ein Zieleinlauf im strömenden Regen. {RUNNER}🌧️ Danke an alle Helferinnen und Helfer an den "
    "Verpflegungsständen, an die Feuerwehr für die Absperrungen und an die Anwohner:innen für ihre "
    "Geduld. Nächstes Jahr wieder!"
)
X_CLOSE_DE = (
    "Der Stadtlauf am Sonntag war ein Fest: 1.200 Läuferinnen und Läufer, 300 Kinder beim Bambinilauf "
    "und ein Zieleinlauf im strömenden Regen. Danke an alle Helferinnen und Helfer an den Ständen und "
    "an die Feuerwehr für die Absperrungen. Wer läuft nächstes Jahr mit?"
)
X_URL_DE = (
    "Der Stadtlauf am Sonntag war ein Fest: 1.200 Läuferinnen und Läufer und 300 Kinder beim "
    "Bambinilauf. Alle Ergebnisse und Fotos: https://www.stadtlauf-beispiel.de/ergebnisse/2025/"
    "hauptlauf-10-km/gesamtwertung-frauen-und-maenner-alle-altersklassen-mit-zwischenzeiten"
    "?sortierung=zielzeit&ansicht=tabelle"
)
X_OVER_EN = (
    "Sunday's city fun run was a party: 1,200 runners, 300 kids in the mini race and a finish in "
    f"pouring rain. {RUNNER}🌧️ Thanks to every volunteer at the water stations, to the fire brigade for "
    "closing the roads, and to everyone living along the route for their patience. Same time next year!"
)
X_CLOSE_EN = (
    "Sunday's city fun run was a party: 1,200 runners, 300 kids in the mini race and a finish in "
    "pouring rain. Thanks to every volunteer at the water stations and to the fire brigade for closing "
    "the roads. Who is running with us next year? See you at the start line!"
)
X_URL_EN = (
    "Sunday's city fun run was a party: 1,200 runners and 300 kids in the mini race. All results and "
    "photos are here: https://www.cityrun-example.org/results/2025/main-race-10k/"
    "overall-women-and-men-all-age-groups-with-split-times?sort=finishing-time&view=table&page=1"
)
# Bluesky counts graphemes: a family emoji is one character, not seven code points.
BSKY_DE = (
    "Familientag im Zoo: Am Sonntag zahlen Familien nur den halben Eintritt, die Streichelwiese ist "
    "offen und um 15 Uhr füttern die Tierpflegerinnen die Pinguine. "
    + FAMILY * 10
    + " Kommt vorbei, wir freuen uns auf euch!"
)
BSKY_EN = (
    "Family day at the zoo: on Sunday families pay half price, the petting meadow is open and at 3 pm "
    "the keepers feed the penguins. "
    + FAMILY * 10
    + " Come along, we can't wait to see you!"
)

# A post whose hook comes only after LinkedIn's fold (3 lines / ~210 characters).
FOLD_DE = (
    "Liebe Nachbarinnen und Nachbarn,\n\nam Samstag feiert die Lindenstraße ihr Straßenfest.\n"
    "Es gibt Musik, Essen und Spiele für Groß und Klein, von mittags bis in den Abend.\n"
    "Was wünschen Sie sich für das nächste Fest?"
)
FOLD_EN = (
    "Dear neighbours,\n\nthis Saturday Linden Street holds its street party.\n"
    "There will be music, food and games for all ages, from noon into the evening.\n"
    "What would you like to see at the next party?"
)


EXAMPLES: list[Example] = [
    # Precision fixes found while writing this table (kept here so they stay fixed):
    # a good wish is not a call to action, a job title is not recognition, "need" is not past tense.
    Example("D8", "en", "Get well soon, coach! The whole team is thinking of you.", None, "facebook"),
    Example("D8", "en", "Volunteer of the month: Priya, who has run our Saturday reading hour since May.", None, "facebook"),
    Example("D8", "de", "Kommt gut ins Wochenende! Am Montag geht es mit frischen Brötchen weiter.", None, "facebook"),
    Example("D5", "en", "Dogs welcome on the terrace. Water bowls are by the door.", None, "facebook"),
    Example("D5", "de", "Wir erinnern an die Anmeldefrist: Sie endet am Freitag um 12 Uhr.", None, "facebook"),
    Example("S7", "en", "Last week's update: we need more shelves, and indeed more volunteers who need flexible hours.", None, "facebook"),
    Example("S8", "de", "Das Café ist heute gar nicht voll, kommen Sie gern vorbei.", None, "facebook"),
    # ============================================================ D1 reader address vs self-reference
    E("D1", "de", "Liebe Kund:innen, ab Montag backen wir auch sonntags. Ihr bekommt eure Brötchen dann ab 7 Uhr, und euer Lieblingsbrot legen wir gern zurück.", "dialogic", marks="eure"),
    E("D1", "de", "Wir sind seit 1950 die Bäckerei im Viertel. Unser Team backt jeden Morgen, unsere Öfen laufen ab 3 Uhr, und wir beliefern 12 Kitas. Unser Sauerteig ist unser ganzer Stolz.", "monologue", marks="Unser"),
    E("D1", "de", "Die Stadtbibliothek bleibt am Pfingstmontag geschlossen. Die Rückgabebox am Eingang ist rund um die Uhr geöffnet.", "none"),
    # "Sie" at a sentence start means "she" unless the post addresses its readers formally elsewhere
    E("D1", "de", "Frau Özdemir leitet seit 30 Jahren den Kinderchor der Gemeinde. Sie hat mehr als 500 Kindern das Singen beigebracht.", "none"),
    # "hat ihr" is "she has her …", never the plural "you" (that would be "habt ihr")
    E("D1", "de", "Lea hat ihr Gesellenstück abgegeben: eine Hochzeitstorte mit sieben Etagen. Drei Wochen lang hat sie jeden Abend dafür geübt.", "none"),
    # near misses: "Ihr Ticket" inside a buy-now call to action is a sales formula, not dialogue
    E("D1", "de", "Sommerfest im Sportpark am 14. Juni mit Live-Musik und Kuchenbuffet. Sichern Sie sich jetzt Ihr Ticket für 5 Euro!", None, not_kind="dialogic"),
    # "Wir danken unseren …" gives recognition to others; it is not self-reference
    E("D1", "de", "Wir danken unseren 40 Ehrenamtlichen, die am Samstag den Stadtpark vom Müll befreit haben. Vielen Dank an alle, die mitgemacht haben – ohne euch wäre unser Park nicht so sauber!", None, not_kind="monologue"),
    # "Sie hat …", "Sie kennt …" at a sentence start is "she", even though the post also says "Schreiben Sie"
    E("D1", "de", "Unsere Hebamme Petra Lang geht nach 32 Jahren in Rente. Sie hat in unserem Kreißsaal mehr als 3.000 Geburten begleitet. Sie kennt jede Ecke unserer Klinik. Schreiben Sie ihr einen Gruß!", None, not_kind="dialogic"),
    E("D1", "en", "Your library card now works for e-books too. You can borrow up to 10 titles at a time, and your loans renew automatically. We'll remind you before they expire.", "dialogic", marks="Your"),
    E("D1", "en", "We are a family bakery. Our ovens run from 3 am, our team bakes 40 kinds of bread, and we deliver to 12 schools. We love what we do.", "monologue", marks="Our"),
    E("D1", "en", "The city library is closed on Easter Monday. The return box at the entrance is open around the clock.", "none"),
    # "your" inside "Buy your tickets now" is a sales formula, not dialogue
    E("D1", "en", "Summer fair at the sports ground on Saturday, with live music and a cake stall. Buy your tickets now at the gate.", "none"),
    # near misses: "We thank our volunteers" turns to others; it is not self-reference
    E("D1", "en", "We thank our 40 volunteers who cleaned the riverbank on Saturday. Thanks to you, our river is clean again.", None, not_kind="monologue"),
    E("D1", "en", "Order your birthday cake now and pick your favourite filling. Book your table for Sunday brunch today.", None, not_kind="dialogic"),
    # ============================================================ D2 genuine open question
    E("D2", "de", "Ab Montag hat die Stadtbibliothek bis 20 Uhr geöffnet. Welche Abendveranstaltung wünschen Sie sich?", "at_end", marks="Welche Abendveranstaltung wünschen Sie sich?"),
    # a hashtag line after the question does not make it any less final
    E("D2", "de", "Unser Chor probt ab Herbst donnerstags statt dienstags.\nWelcher Tag passt euch besser?\n\n#Chor #Ehrenamt", "at_end", marks="Welcher Tag passt euch besser?"),
    # "z. B." does not end the sentence: the question still opens with "Welche"
    E("D2", "de", "Unsere Sommerleseliste wächst. Welche Bücher nehmen Sie mit in den Urlaub, z. B. Krimis oder einen Reiseführer?", "found"),
    E("D2", "de", "🥨 Liebe Kund*innen, heute gibt es zum ersten Mal Laugenstangen mit Kürbiskernen. Süß oder salzig – was frühstückt ihr am Sonntag lieber?", "found"),
    E("D2", "de", "Unser Afterwork-Event im Juni: Welche Location wünscht ihr euch – Rooftop oder Biergarten?", "at_end"),
    # the post's own question, where the near misses below quote someone else's
    E("D2", "de", "Was wünscht ihr euch für das neue Hallenbad?", "at_end", marks="Was wünscht ihr euch für das neue Hallenbad?"),
    E("D2", "de", "Welche Bücher sollen in die neue Bücherzelle am Marktplatz?", "found", marks="Welche Bücher sollen in die neue Bücherzelle am Marktplatz?"),
    E("D2", "de", "Der Sportverein sucht für die neue Saison noch zwei Trainer für die F-Jugend. Training ist dienstags und freitags ab 17 Uhr.", "missing"),
    # near misses: a pitch question the post answers itself is D3, not D2
    E("D2", "de", "Sie wollen mehr Umsatz? Dann kommen Sie am 12. März zu unserem Workshop für Einzelhändler.", None),
    E("D2", "de", "Wer kennt das nicht? Der Drucker streikt genau dann, wenn es eilt.", None),
    # a loaded question (D3 "loaded") and someone else's question in quotation marks are no open question
    E("D2", "de", "Kann es sein, dass der Radweg an der Hauptstraße schon wieder vergessen wurde?", None),
    E("D2", "de", "Im Leserbrief fragt Frau Berg: „Warum gibt es keinen Zebrastreifen vor der Schule?“ Wir haben bei der Stadt nachgefragt.", None),
    E("D2", "de", "Wie lange noch sollen Eltern in unserem Viertel auf einen Kitaplatz warten?", None),
    E("D2", "de", "„Was wünscht ihr euch für das neue Hallenbad?“, fragt die Stadt in ihrer Umfrage. Die Ergebnisse kommen im Mai.", None),
    E("D2", "de", "Die Bürgerstiftung sucht Ideen (Motto: „Welche Bücher sollen in die neue Bücherzelle?“) und verlost drei Gutscheine.", None),
    # "Sie hat …" is "she has": a teaser about her, not a question to the readers ("Gratulieren Sie" is formal address)
    E("D2", "de", "Gratulieren Sie mit uns: Mia Kraus ist jetzt Bäckergesellin! Sie hat die Prüfung als Beste im Landkreis bestanden – und jetzt?", None),
    E("D2", "en", "Our reading room now opens at 8 am on weekdays. What would make your morning visit better?", "at_end", marks="What would make your morning visit better?"),
    E("D2", "en", "New season, new kit colours! ⚽\nWhich one do you like better, green or blue?\n\n#Football #GrassrootsFootball", "at_end", marks="Which one do you like better, green or blue?"),
    E("D2", "en", "We bake both fresh every Saturday. Sourdough or rye for your weekend?", "found"),
    # the post's own question, where the near misses below quote someone else's
    E("D2", "en", "What would you like to see in the new swimming pool?", "at_end", marks="What would you like to see in the new swimming pool?"),
    E("D2", "en", "Which books should go into the new book box on the market square?", "found", marks="Which books should go into the new book box on the market square?"),
    E("D2", "en", "The clinic car park is closed for repairs from 3 to 7 June. Please use the multi-storey car park on Elm Street.", "missing"),
    # near misses
    E("D2", "en", "Want more leads? Then join our free webinar on Thursday.", None),
    E("D2", "en", "Who doesn't love a long weekend? Our café is open on Monday too.", None),
    E("D2", "en", "Why does reading aloud matter? Children who are read to every day learn to read faster.", None),
    # a loaded question (D3 "loaded") and someone else's question in quotation marks are no open question
    E("D2", "en", "Is it really too much to ask for a safe crossing outside the school?", None),
    E("D2", "en", 'In a letter, Mrs Berg asks: "Why is there no zebra crossing outside the school?" We asked the council.', None),
    E("D2", "en", "Why don't they open more nursery places in our area?", None),
    E("D2", "en", '"What would you like to see in the new swimming pool?" asks the council in its survey. Results are due in May.', None),
    E("D2", "en", 'The community trust is collecting ideas (theme: "Which books should go into the new book box?") and gives away three vouchers.', None),
    # ============================================================ D3 rhetorical or self-answered question
    E("D3", "de", "Sie wollen mehr Umsatz? Dann kommen Sie am 12. März zu unserem Workshop für Einzelhändler.", "found", marks="Sie wollen mehr Umsatz?"),
    E("D3", "de", "Wer kennt das nicht? Der Drucker streikt genau dann, wenn es eilt. Unser IT-Service hilft.", "found", marks="Wer kennt das nicht?"),
    E("D3", "de", "Warum ist Vorlesen so wichtig? Kinder, denen täglich vorgelesen wird, lernen schneller lesen.", "found"),
    # promotional yes/no questions are formulas
    E("D3", "de", "Schon angemeldet? Der Stadtlauf ist am 3. Mai, Start am Marktplatz.", "found", marks="Schon angemeldet?"),
    E("D3", "de", "Worauf wartet ihr noch? Die Plätze im Erste-Hilfe-Kurs sind fast weg.", "found", marks="Worauf wartet ihr noch?"),
    # the same questions as the quoted ones below, asked by the post itself and answered at once
    E("D3", "de", "Warum gibt es keinen Zebrastreifen vor der Schule? Wir haben bei der Stadt nachgefragt.", "found", marks="Warum gibt es keinen Zebrastreifen vor der Schule?"),
    E("D3", "de", "Brauchen wir noch Bargeld? Darüber spricht am Dienstag ein Bankkaufmann in der Stadtbibliothek.", "found"),
    # loaded questions: a provocation, neither asked nor answered: a hint, 0 points, no D2 and no rhetorical penalty
    E("D3", "de", "Kann es sein, dass der Radweg an der Hauptstraße schon wieder vergessen wurde?", "loaded", marks="Kann es sein, dass der Radweg an der Hauptstraße schon wieder vergessen wurde?"),
    E("D3", "de", "Wie kommt der Rat dazu, das Busticket auf fünf Euro zu verteuern? Das wurde ohne Bürgerbeteiligung beschlossen.", "loaded", marks="Wie kommt der Rat dazu, das Busticket auf fünf Euro zu verteuern?"),
    E("D3", "de", "Wie lange noch sollen Eltern in unserem Viertel auf einen Kitaplatz warten?", "loaded"),
    E("D3", "de", "Warum eigentlich nicht einfach mehr Bänke im Stadtpark? 🌳", "loaded"),
    # near misses: a genuine question, also with hashtags, an invitation or a statement after it
    E("D3", "de", "Welche Bücher haben Ihre Kinder in diesem Sommer begeistert?", None),
    E("D3", "de", "Was wünscht ihr euch für das neue Vereinsheim?\n\n#TSVNord #Ehrenamt", None),
    E("D3", "de", "Wie seht ihr das? Schreibt es uns in die Kommentare.", None),
    E("D3", "de", "Was lesen Sie gerade? Wir sammeln Tipps für die Sommerleseliste.", None),
    # a loaded question is not rhetorical ("loaded", 0 points): no penalty, even with a statement after it
    E("D3", "de", "Wie kommt der Rat dazu, das Busticket auf fünf Euro zu verteuern? Das wurde ohne Bürgerbeteiligung beschlossen.", None),
    # everyday questions with "seit wann" / "wie kommt" are genuine, not loaded
    E("D3", "de", "Seit wann bist du bei uns im Verein? Erzählt mal!", None, not_kind="loaded"),
    E("D3", "de", "Wie kommt ihr morgens zur Arbeit?", None, not_kind="loaded"),
    # genuine questions are not loaded
    E("D3", "de", "Welcher Spielplatz in der Nordstadt ist euer liebster?", None, not_kind="loaded"),
    E("D3", "de", "Was wäre für euch der ideale Termin für den Flohmarkt, Samstag oder Sonntag?", None, not_kind="loaded"),
    # an interjection after the question is no answer to it
    E("D3", "de", "Wer repariert eigentlich das undichte Dach der Turnhalle? Haha! Wir wissen es auch nicht.", None),
    # a quoted or headline question is someone else's: ignored
    E("D3", "de", "Im Leserbrief fragt Frau Berg: „Warum gibt es keinen Zebrastreifen vor der Schule?“ Wir haben bei der Stadt nachgefragt.", None),
    E("D3", "de", "Der Vortrag „Brauchen wir noch Bargeld?“ beginnt am Dienstag um 19 Uhr in der Stadtbibliothek.", None),
    E("D3", "de", "„Wer zahlt das neue Hallenbad?“, fragt heute die Lokalzeitung. Wir finden, alle sollten mitreden.", None),
    E("D3", "de", "Unser Buchtipp der Woche: „Wohin sind die Bienen verschwunden?“ (ab 6 Jahren). Die Autorin wohnt in der Nordstadt.", None),
    E("D3", "en", "Want more leads? Then join our free webinar on Thursday.", "found", marks="Want more leads?"),
    E("D3", "en", "Who doesn't love a long weekend? Our café is open on Monday too.", "found", marks="Who doesn't love a long weekend?"),
    E("D3", "en", "Looking for a last-minute gift? Our vouchers start at 10 euros.", "found"),
    # promotional yes/no questions are formulas
    E("D3", "en", "Have you signed up for the fun run yet? Registration closes on Friday.", "found", marks="Have you signed up for the fun run yet?"),
    E("D3", "en", "What are you waiting for? Places on the first-aid course are going fast.", "found", marks="What are you waiting for?"),
    # the same questions as the quoted ones below, asked by the post itself and answered at once
    E("D3", "en", "Why is there no zebra crossing outside the school? We asked the council.", "found", marks="Why is there no zebra crossing outside the school?"),
    E("D3", "en", "Do we still need cash? A bank clerk talks about it on Tuesday in the city library.", "found"),
    # loaded questions: a hint, 0 points, no D2 and no rhetorical penalty
    E("D3", "en", "How can anyone justify a five-pound bus ticket? The council decided this without asking anyone.", "loaded", marks="How can anyone justify a five-pound bus ticket?"),
    E("D3", "en", "Is it really too much to ask for a safe crossing outside the school?", "loaded", marks="Is it really too much to ask for a safe crossing outside the school?"),
    E("D3", "en", "Why don't they open more nursery places in our area?", "loaded"),
    E("D3", "en", "Why on earth does the last bus leave at 8 pm on Saturdays? 🚌", "loaded"),
    # near misses: a pitch opener nobody answers stays open; a hashtag line is no answer
    E("D3", "en", "What book got your kids reading this summer?", None),
    E("D3", "en", "Which workshop should we repeat in the autumn? Tell us in the comments.", None),
    E("D3", "en", "Need a quiet place to study?\n\n#Library #ExamSeason", None),
    # a loaded question is not rhetorical: no penalty, even with a statement after it
    E("D3", "en", "How could anyone plan a new road without a bike lane? The plans show none at all.", None),
    # everyday "since when" / "how long" questions are genuine, not loaded
    E("D3", "en", "Since when have you been volunteering with us? Tell us below!", None, not_kind="loaded"),
    E("D3", "en", "How long will your commute be once the new line opens?", None, not_kind="loaded"),
    # genuine questions are not loaded
    E("D3", "en", "Which playground in the north of town is your favourite?", None, not_kind="loaded"),
    E("D3", "en", "Which day suits you best for the flea market, Saturday or Sunday?", None, not_kind="loaded"),
    # an interjection after the question is no answer to it
    E("D3", "en", "Who is going to fix the leaking gym roof? Haha! We don't know either.", None),
    # a quoted or headline question is someone else's: ignored
    E("D3", "en", 'In a letter, Mrs Berg asks: "Why is there no zebra crossing outside the school?" We asked the council.', None),
    E("D3", "en", "The talk “Do we still need cash?” starts on Tuesday at 7 pm in the city library.", None),
    E("D3", "en", "Our book of the week is “Where did the bees go?” (ages 6+). The author lives in the north of town.", None),
    E("D3", "en", "Local paper headline today (“Who pays for the new pool?”): we think everyone should have a say.", None),
    # ============================================================ D4 invitation to reply
    E("D4", "de", "Unser Spielplatz bekommt eine neue Kletterwand. Schreiben Sie uns in die Kommentare, was sich Ihre Kinder wünschen.", "found", marks="in die Kommentare"),
    E("D4", "de", "Ab Juli kostet die Jahreskarte 25 statt 20 Euro. Wie seht ihr das?", "found", marks="Wie seht ihr das"),
    E("D4", "de", "Erzählt uns von eurem schönsten Moment im Verein – wir sammeln die Geschichten für die Festschrift.", "found"),
    # near misses
    E("D4", "de", "In der Lokalzeitung standen gestern viele Kommentare zu unserem Neubau.", None),
    E("D4", "de", "Im Vortrag erzählt Dr. Weber, wie sich die Notaufnahme in 20 Jahren verändert hat.", None),
    E("D4", "de", "Wir freuen uns auf Ihren Besuch beim Tag der offenen Tür.", None),
    E("D4", "en", "We're planning next year's reading challenge. Let us know which books should be on the list!", "found", marks="Let us know"),
    E("D4", "en", "From July the annual pass costs £25 instead of £20. What do you think?", "found", marks="What do you think"),
    E("D4", "en", "Share your experience with the new online booking – good or bad.", "found"),
    # near misses: a council vote is news, not a poll
    E("D4", "en", "The local paper printed lots of comments about our new building yesterday.", None),
    E("D4", "en", "The city council will vote on the new swimming pool on Thursday.", None),
    E("D4", "en", "Storytellers told us about their childhood in the old mill town.", None),
    # ============================================================ D5 recognition and community
    E("D5", "de", "Danke an @TSV_Nord für das faire Derby am Sonntag! 🤝", "found", marks="@TSV_Nord"),
    E("D5", "de", "Herzlichen Glückwunsch an unsere Azubis Kemal, Jana und Lukas zur bestandenen Prüfung!", "found", marks="Glückwunsch"),
    E("D5", "de", "Über 60 Helferinnen und Helfer waren am Samstag beim Frühjahrsputz im Stadtpark dabei.", "found"),
    # greetings alone are friendly, but draw likes rather than replies: "greeting", 0 points
    E("D5", "de", "Frohe Ostern an alle Mitglieder und ihre Familien! 🐣", "greeting", marks="Frohe Ostern"),
    E("D5", "de", "Schönes Wochenende euch allen! 🌞", "greeting", marks="Schönes Wochenende"),
    E("D5", "de", "Viel Erfolg allen Prüflingen morgen!", "greeting", marks="Viel Erfolg"),
    E("D5", "de", "Guten Morgen aus der Backstube! 🥐 Die ersten Laugenbrezeln sind aus dem Ofen.", "greeting", marks="Guten Morgen"),
    # a greeting next to thanks is recognition again
    E("D5", "de", "Schöne Feiertage und danke an alle Kundinnen und Kunden für ein tolles Jahr!", "found", marks="danke"),
    # near misses: an e-mail address is not a mention; "Ehrenamtliche gesucht" is no recognition
    E("D5", "de", "Fragen zur Anmeldung bitte per Mail an jugend@tsv-nord.de schicken.", None),
    E("D5", "de", "Für das Stadtfest im Juli suchen wir noch Ehrenamtliche für den Getränkestand. Eine Schicht dauert zwei Stunden.", None),
    # greetings alone earn no recognition points
    E("D5", "de", "Frohe Weihnachten und einen guten Rutsch wünscht das Team der Stadtbibliothek! 🎄", None),
    E("D5", "de", "Guten Appetit wünscht das Team der Kantine: Heute gibt es Linsensuppe.", None),
    E("D5", "de", "Wir wünschen allen Azubis viel Erfolg bei der Prüfung – und danke an die Ausbilderinnen!", None, not_kind="greeting"),
    E("D5", "en", "Huge thanks to @RiverTrust for the 300 tree seedlings! 🌱", "found", marks="@RiverTrust"),
    E("D5", "en", "Congratulations to our under-12 girls on winning the county cup!", "found", marks="Congratulations"),
    E("D5", "en", "More than 80 volunteers joined us on Saturday to clean up the beach.", "found"),
    # greetings alone: "greeting", 0 points
    E("D5", "en", "Happy Easter to all our members and their families! 🐣", "greeting", marks="Happy Easter"),
    E("D5", "en", "Good luck to all our apprentices in tomorrow's exam!", "greeting", marks="Good luck"),
    E("D5", "en", "Good morning from the bakery! 🥐 The first pretzels are out of the oven.", "greeting", marks="Good morning"),
    E("D5", "en", "Happy New Year from everyone at the community centre! 🎆", "greeting"),
    # a greeting next to thanks is recognition again
    E("D5", "en", "Happy holidays, and thank you to all our customers for a wonderful year!", "found", marks="thank you"),
    # near misses
    E("D5", "en", "Questions about the summer camp? Email office@riverside-fc.org and we will get back to you.", None),
    E("D5", "en", "We're recruiting volunteers for the harvest festival next month. Shifts last two hours.", None),
    # greetings alone earn no recognition points
    E("D5", "en", "Merry Christmas and a happy new year from the team at the city library! 🎄", None),
    E("D5", "en", "Enjoy your meal, says the canteen team: today there is lentil soup.", None),
    E("D5", "en", "Happy holidays, and a big thank you to the nurses who worked through them!", None, not_kind="greeting"),
    # ============================================================ D6 self-announcement opener
    E("D6", "de", "Wir freuen uns, Ihnen unser neues Kursprogramm vorzustellen. Es gibt 40 Kurse von Yoga bis Python.", "found", marks="Wir freuen uns, Ihnen unser neues Kursprogramm vorzustellen."),
    E("D6", "de", "🎉 Ab sofort leihen wir auch Werkzeug aus: Bohrmaschine, Stichsäge und Leiter.", "found"),
    E("D6", "de", "+++ Jetzt neu +++ Dinkelbrötchen mit Karotte, jeden Morgen frisch.", "found"),
    # near misses: the announcement comes second, after a sentence for the reader
    E("D6", "de", "Was wünschen Sie sich für die neue Bibliothek? Wir freuen uns auf Ihre Ideen.", None),
    E("D6", "de", "Wie lange warten Sie in der Notaufnahme? Ab sofort zeigt ein Bildschirm im Wartebereich die aktuelle Wartezeit.", None),
    E("D6", "en", "We're excited to announce our new opening hours! From May the library opens at 8 am.", "found", marks="We're excited to announce our new opening hours!"),
    E("D6", "en", f"{WOMAN_TECH} Introducing CodeClub, our free coding club for teens.", "found"),
    E("D6", "en", "Our new app is live. Book a court in three taps.", "found"),
    # near misses
    E("D6", "en", "What keeps you from cycling to work? We're excited to hear your ideas.", None),
    E("D6", "en", "Your child can now borrow up to 20 books at once. Our new rules start on Monday.", None),
    # ============================================================ D7 ad-speak
    E("D7", "de", "Unsere einzigartige Backkunst macht jedes Brot zum Erlebnis.", "found", marks="einzigartige"),
    E("D7", "de", "🚀 Die innovativste Software für Ihre Buchhaltung – vom Marktführer aus Stuttgart.", "found", marks="innovativste"),
    E("D7", "de", "Exklusive Premium-Qualität zum unschlagbaren Preis!", "found"),
    E("D7", "de", "Unser Labor arbeitet mit State of the Art Technik und einem Team aus 12 Fachleuten.", "found", marks="State of the Art"),
    # near misses: guides, managing directors and train drivers are no claims
    E("D7", "de", "Der neue Reiseführer über unsere Stadt liegt ab Montag in der Bibliothek aus. Die Autorin ist selbst Stadtführerin.", None),
    E("D7", "de", "Unsere Geschäftsführerin Dr. Anna Roth führt am Samstag durch die neue Werkhalle.", None),
    E("D7", "de", "Die Lokführer der Stadtbahn streiken am Donnerstag; Busse fahren nach Sonderfahrplan.", None),
    E("D7", "en", "We are the leading provider of world-class payroll software.", "found", marks="world-class"),
    E("D7", "en", f"{RAINBOW} Our innovative, cutting-edge app makes booking seamless.", "found", marks="innovative"),
    # near misses: "leading" as a verb, or in the fixed phrase "leading cause"
    E("D7", "en", "Poor sleep is leading to more accidents on night shifts, our nurses say.", None),
    E("D7", "en", "Heart disease is still the leading cause of death in women.", None),
    # ============================================================ D8 dead-end call to action
    # dead ends: buy, book, click, read, watch – the reader leaves and nothing comes back to the page
    E("D8", "de", f"{WOMAN_TECH} Jetzt bestellen: Programmierbücher für Mädchen ab 12, diese Woche 20 % günstiger.", "dead_end", marks="Jetzt bestellen"),
    E("D8", "de", "Unsere Winterjacken sind da. Link in Bio!", "dead_end", platform="instagram", marks="Link in Bio"),
    E("D8", "de", "Der Sommerkurs hat noch 5 freie Plätze. Erfahren Sie mehr auf unserer Website.", "dead_end", marks="Erfahren Sie mehr"),
    E("D8", "de", "Tickets sichern: Das Sommerkonzert der Musikschule am 5. Juli ist fast ausverkauft.", "dead_end", marks="Tickets sichern"),
    E("D8", "de", "Schaut euch den neuen Imagefilm der Feuerwehr an, gedreht bei der Übung im März.", "dead_end", marks="Schaut"),
    # mobilising calls (come, sign up, vote, sign, volunteer, donate) are no dead end: info, 0 points
    E("D8", "de", f"{WOMAN_TECH} Jetzt anmelden: Programmierkurs für Mädchen ab 12, immer mittwochs.", "mobilise", marks="Jetzt anmelden"),
    # German posts borrow English formulas
    E("D8", "de", "Save the Date: Am 12. Juli ist Sommerfest im Vereinsheim, mit Live-Band und Grillbuffet.", "mobilise", marks="Save the Date"),
    E("D8", "de", "Kommt vorbei: Tag der offenen Tür in der Feuerwache am Sonntag ab 11 Uhr.", "mobilise", marks="Kommt vorbei"),
    E("D8", "de", "Unterschreiben Sie die Petition für einen sicheren Überweg an der Lindenstraße.", "mobilise", marks="Unterschreiben Sie"),
    E("D8", "de", "Helft mit beim Frühjahrsputz im Stadtpark am Samstag ab 9 Uhr! Handschuhe und Zangen stellen wir.", "mobilise", marks="Helft"),
    # with a genuine question next to it, the call to action is no longer the only one
    E("D8", "de", "Jetzt anmelden zum Erste-Hilfe-Kurs am 8. Mai. Wen aus Ihrem Team bringen Sie mit?", "balanced"),
    # near misses: a mobilising call alone costs nothing
    E("D8", "de", "Gestern hat eine Kundin 40 Brötchen für das Kita-Frühstück gekauft.", None),
    E("D8", "de", "Jetzt spenden, damit jedes Kind in unserer Stadt einen warmen Wintermantel bekommt.", None),
    E("D8", "de", "Seid dabei beim Stadtradeln im Juni und sammelt Kilometer für das Team der Grundschule!", None),
    E("D8", "de", "Jetzt anmelden zum Erste-Hilfe-Kurs am 8. Mai – und leiten Sie das an Ihre Kolleg:innen weiter.", None),
    E("D8", "en", f"{THUMBS} Shop now: our winter coats are 30% off this week.", "dead_end", marks="Shop now"),
    E("D8", "en", "Fresh doughnuts every Friday. Link in bio!", "dead_end", platform="instagram", marks="Link in bio"),
    E("D8", "en", "Only 12 places left on the first-aid course. Book now!", "dead_end"),
    E("D8", "en", "Read more on our website about the new opening hours of the swimming pool.", "dead_end", marks="Read more"),
    E("D8", "en", "Click here to see the new bus timetable for the school run.", "dead_end", marks="Click here"),
    # mobilising calls are no dead end: info, 0 points
    E("D8", "en", "Come to the clean-up on Saturday at 10 am at the river bank.", "mobilise", marks="Come"),
    E("D8", "en", "Sign the petition for a safe crossing on Elm Street.", "mobilise", marks="Sign the petition"),
    E("D8", "en", "Volunteer with us at the food bank this winter – shifts are two hours long.", "mobilise", marks="Volunteer with"),
    E("D8", "en", "Donate today so every child in our town gets a warm winter coat.", "mobilise", marks="Donate today"),
    E("D8", "en", "Register now for the first-aid course on 8 May. Who on your team should come along?", "balanced"),
    # near misses: "learned more" is no "learn more"; "Book club" is a noun, not "Book!"
    E("D8", "en", "At the workshop the kids learned more about bees than we expected.", None),
    E("D8", "en", "Book club meets every Tuesday at 6 pm in the reading room.", None),
    E("D8", "en", "Help us clean up the river bank on Saturday from 9 am! Gloves and litter pickers are on us.", None),
    E("D8", "en", "Bring your family to the open day at the fire station on Sunday.", None),
    E("D8", "en", "Register now for the first-aid course on 8 May – and forward this to your team.", None),
    # ============================================================ D9 link-only / link-first
    E("D9", "de", "Neuer Beitrag im Blog: https://stadtbibliothek-beispiel.de/blog/sommerlesen", "link_only", marks="https://stadtbibliothek-beispiel.de/blog/sommerlesen"),
    E("D9", "de", "Der Jahresbericht 2024 ist online. Darin stehen alle Zahlen zu Ausleihen, Veranstaltungen und neuen Medien, dazu ein Interview mit der Leiterin: stadtbibliothek-beispiel.de/jahresbericht", "pointer"),
    E("D9", "de", "Anmeldung: https://tsv-nord-beispiel.de/sommercamp\n\n" + CAMP_DE, "link_first", marks="https://tsv-nord-beispiel.de/sommercamp"),
    # near misses: an e-mail address is not a link; a link after the post's own content is fine
    E("D9", "de", "Anmeldung für das Ferienlager bitte per Mail an jugend@tsv-nord.de.", None),
    E("D9", "de", CAMP_DE + "\n\nAnmeldung: https://tsv-nord-beispiel.de/sommercamp", None),
    E("D9", "en", "New on the blog: https://citylibrary-example.org/blog/summer-reading", "link_only", marks="https://citylibrary-example.org/blog/summer-reading"),
    E("D9", "en", "Our annual report for 2024 is online. It has all the figures on loans, events and new media, plus an interview with our head librarian: citylibrary-example.org/annual-report", "pointer"),
    E("D9", "en", "Sign-up: https://riverside-fc-example.org/summer-camp\n\n" + CAMP_EN, "link_first"),
    # near misses
    E("D9", "en", "To sign up for the holiday camp, please email camp@riverside-fc.org.", None),
    E("D9", "en", CAMP_EN + "\n\nSign-up: https://riverside-fc-example.org/summer-camp", None),
    # ============================================================ D10 live conversation
    E("D10", "de", "Heute um 19 Uhr sind wir live auf Instagram: Unsere Bibliothekarin beantwortet Ihre Fragen zum neuen Lesesaal.", "found", marks="live"),
    E("D10", "de", "Unser Livestream vom Stadtlauf beginnt am Sonntag um 9 Uhr direkt am Ziel. 🏃‍♀️", "found", marks="Livestream"),
    E("D10", "de", "Fragestunde mit unseren Hebammen am Mittwoch: alles rund um die ersten Wochen zu Hause.", "found", marks="Fragestunde"),
    E("D10", "de", "Am Donnerstag um 18 Uhr einschalten: Unser Trainer spricht über die neue Saison.", "found", marks="einschalten"),
    E("D10", "de", "Q&A mit der Bürgermeisterin am Freitag ab 17 Uhr – stellt eure Fragen zum Haushalt!", "found", marks="Q&A"),
    # near misses: live music, German "leben", a recording, a photo report
    E("D10", "de", "Am Samstag gibt es Live-Musik von der Schulband auf unserem Sommerfest.", None),
    E("D10", "de", "Wir leben seit 30 Jahren in der Nordstadt und backen hier jeden Morgen.", None),
    E("D10", "de", "Das Konzert wurde aufgezeichnet und ist ab Montag in der Mediathek zu sehen.", None),
    E("D10", "de", "Die Fotos vom Live-Konzert im Stadtpark sind jetzt online.", None),
    E("D10", "en", "We're live on Facebook tonight at 7 pm: ask our head librarian anything about the new reading room.", "found", marks="We're live"),
    E("D10", "en", "Join our live stream from the city marathon finish line on Sunday morning. 🏃‍♀️", "found", marks="live stream"),
    E("D10", "en", "Q&A with our midwives on Wednesday: bring your questions about the first weeks at home.", "found", marks="Q&A"),
    E("D10", "en", "Tune in on Thursday at 6 pm: our coach talks about the new season.", "found", marks="Tune in"),
    E("D10", "en", "Ask us anything about the new library app in our webchat on Friday from 2 to 4 pm.", "found", marks="webchat"),
    # near misses: "live" as a verb, live music, livestock, a recording
    E("D10", "en", "We live in Ohio and bake our bread there every morning.", None),
    E("D10", "en", "Live music from the school band at our summer party on Saturday.", None),
    E("D10", "en", "Our farm shows its livestock to school classes every Friday morning.", None),
    E("D10", "en", "The concert was recorded and will be on our website from Monday.", None),
    # ============================================================ S1 practical value
    E("S1", "de", "3 Tipps, wie Ihr Fahrrad den Winter übersteht: Kette ölen, Reifendruck prüfen, Licht testen.", "found", marks="Tipps"),
    E("S1", "de", "Unsere Checkliste für den ersten Schultag gibt es kostenlos an der Infotheke.", "more"),
    E("S1", "de", "So geht's: Schritt für Schritt zum eigenen Bibliotheksausweis – online in 5 Minuten.", "found"),
    E("S1", "de", "Unsere Spartipps für den Winter: Heizung nachts auf 17 Grad, Stoßlüften statt Kippfenster.", "found", marks="Spartipps"),
    # near misses: a betting game is no tip; a doctor's "Praxis" is no practical advice
    E("S1", "de", "Unser Tippspiel zur Europameisterschaft startet am Freitag im Vereinsheim.", None),
    E("S1", "de", "Die Praxis von Dr. Yilmaz ist vom 1. bis 14. August geschlossen. Die Vertretung übernimmt das Ärztehaus am Markt.", None),
    E("S1", "en", "5 tips to get your bike through the winter: oil the chain, check the tyres, test the lights.", "found", marks="tips"),
    E("S1", "en", "Here's how to renew your library card online, step by step.", "more"),
    E("S1", "en", "Download our free checklist for the first day of school.", "more"),
    # near misses: "Save the date" and "feel free" are no savings and nothing free
    E("S1", "en", "Save the date: our summer fete is on Saturday 12 July.", None),
    E("S1", "en", "Feel free to drop by the clubhouse after the match on Sunday.", None),
    # ============================================================ S2 concreteness
    E("S2", "de", "In 5 Minuten zum Bibliotheksausweis: Personalausweis mitbringen, Formular ausfüllen, fertig.", "found", marks="5 Minuten"),
    E("S2", "de", "Die Jahreskarte kostet ab Juli € 49 – das sind 20 % weniger als bisher.", "found", marks="20 %"),
    E("S2", "de", "500 Kund:innen haben beim Brotbacken mitgemacht.", "found"),
    # near misses: dates, times, house and phone numbers are no concrete claims
    E("S2", "de", "Treffpunkt ist am 3. Oktober um 18 Uhr im Vereinsheim, Lindenstraße 12.", None),
    E("S2", "de", "Seit 1950 backen wir in der Altstadt. Tel. 0711 123456", None),
    E("S2", "en", "Renew your library card online in 5 minutes.", "found", marks="5 minutes"),
    E("S2", "en", "The annual pass now costs $49 – 20% less than last year.", "found", marks="$49"),
    # near misses
    E("S2", "en", "Meet us on 3 October at 6 pm in the clubhouse, 12 Linden Street.", None),
    E("S2", "en", "Open since 1987. Call 555-0123 or visit Room 101.", None),
    # ============================================================ S3 scannable structure
    E("S3", "de", "Das brauchen Sie für den Bibliotheksausweis:\n• Personalausweis\n• Meldebescheinigung\n• 10 Euro Jahresgebühr", "found", marks="• Personalausweis"),
    E("S3", "de", "Unser Trainingsplan für die Ferien:\n✅ Montag: Ausdauer\n✅ Mittwoch: Technik\n✅ Freitag: Spiel", "found", marks="✅ Mittwoch: Technik"),
    E("S3", "de", "Drei Schritte zum Sauerteig:\n1. Mehl und Wasser mischen\n2. Zwei Tage stehen lassen\n3. Täglich füttern", "found"),
    # near misses: two list lines are no list; dashes inside sentences are no bullets
    E("S3", "de", "Das brauchen Sie:\n• Personalausweis\n• Meldebescheinigung", None),
    E("S3", "de", "Der Kurs beginnt um 18 Uhr – bitte pünktlich sein.\nDie Halle ist ab 17:30 Uhr offen – Umkleiden im Keller.\nDer Parkplatz ist gesperrt – kommt mit dem Rad.", None),
    E("S3", "en", "What to bring for your library card:\n• photo ID\n• proof of address\n• £10 annual fee", "found", marks="• proof of address"),
    E("S3", "en", "Holiday training plan:\n- Monday: endurance\n- Wednesday: technique\n- Friday: match play", "found"),
    # near misses
    E("S3", "en", "What to bring:\n• photo ID\n• proof of address", None),
    E("S3", "en", "Training starts at 6 pm – please be on time.\nThe hall opens at 5:30 – changing rooms are downstairs.\nThe car park is closed – come by bike.", None),
    # ============================================================ S4 pass-on prompt
    E("S4", "de", "Kennen Sie jemanden, der eine Ausbildung in der Pflege sucht? Am 12. Mai ist Infotag in unserer Klinik.", "found", marks="Kennen Sie jemanden"),
    E("S4", "de", "Die neue Checkliste zur Datensicherung ist fertig. Leiten Sie das an Ihr Team weiter.", "found", marks="Leiten Sie das"),
    E("S4", "de", "Teilt das mit euren Freund*innen, damit am Samstag viele zum Flohmarkt kommen!", "found"),
    # the engine's own coaching suggestion must count
    E("S4", "de", "Die neue Checkliste zum Datenschutz ist fertig. Wer in Ihrem Team sollte das wissen?", "found", marks="Wer in Ihrem Team"),
    E("S4", "de", "Ab Montag gelten in der Stadtbibliothek neue Öffnungszeiten: Dienstag bis Freitag von 10 bis 19 Uhr, samstags von 10 bis 14 Uhr. Montags bleibt das Haus geschlossen.", "missing"),
    # near misses: sharing one's experience is a reply (D4), not a pass-on; a marked route is no tag
    E("S4", "de", "Teilen Sie Ihre Erfahrungen mit der neuen Online-Terminvergabe in den Kommentaren.", None),
    E("S4", "de", "Die Laufstrecke ist mit roten Pfeilen markiert und führt 10 Kilometer am Fluss entlang.", None),
    E("S4", "de", "Wer in unserem Team backt die besten Brezeln? Stimmt ab in den Kommentaren!", None),
    E("S4", "en", "Know someone who is looking for a nursing apprenticeship? Our open day is on 12 May.", "found", marks="Know someone who"),
    E("S4", "en", "Our new data backup checklist is ready – forward this to your IT team.", "found", marks="forward this"),
    E("S4", "en", "Forward this to a colleague who still prints every email! 🖨️", "found"),
    E("S4", "en", "Our new data protection checklist is ready. Who on your team should know this?", "found", marks="Who on your team"),
    E("S4", "en", "From Monday the city library has new opening hours: Tuesday to Friday from 10 am to 7 pm, Saturday from 10 am to 2 pm. On Mondays the building stays closed.", "missing"),
    # near misses: "a boost for shops" is no request to boost the post
    E("S4", "en", "Share your experience with the new online appointment system in the comments.", None),
    E("S4", "en", "The new cycle lane is a real boost for the shops on Market Street.", None),
    E("S4", "en", "Who on our team bakes the best pretzels? Vote in the comments!", None),
    # ============================================================ S5 third-party beneficiary
    E("S5", "de", "Unser Erste-Hilfe-Kurs für Ihr Team: 4 Stunden, direkt in Ihrem Büro.", "found", marks="für Ihr Team"),
    E("S5", "de", "Ein Merkblatt für Eltern, deren Kinder zum ersten Mal ins Ferienlager fahren.", "found", marks="Eltern"),
    E("S5", "de", "Neu: Sprechstunde für pflegende Angehörige und Kolleg:innen aus der ambulanten Pflege.", "found", marks="Kolleg:innen"),
    E("S5", "de", "Tipps für KollegInnen, die zum ersten Mal eine Teamsitzung leiten.", "found"),
    E("S5", "de", "Drei Fragen, die Ihre KundInnen vor dem Kauf eines E-Bikes stellen.", "found", marks="Ihre KundInnen"),
    # near misses: a friendly team is no friend; "Elternzeit-Beratung" is no beneficiary
    E("S5", "de", "Unser freundliches Team in der Filiale am Markt freut sich auf Sie.", None),
    E("S5", "de", "Die Elternzeit-Beratung findet ab Juni im Rathaus statt.", None),
    E("S5", "en", "A one-page guide for your team on spotting phishing emails.", "found", marks="for your team"),
    E("S5", "en", "Reading tips for parents of toddlers.", "found", marks="parents"),
    E("S5", "en", "Our evening course is made for beginners.", "found"),
    # near misses: "our team" is the sender
    E("S5", "en", "Our team worked all weekend to repaint the changing rooms.", None),
    E("S5", "en", "Parenthood changes everything, says our midwife Carla.", None),
    # ============================================================ S6 emotion and arousal
    E("S6", "de", "Unglaublich: 1.200 Menschen sind beim Stadtlauf mitgelaufen!", "high", marks="Unglaublich"),
    E("S6", "de", "Gänsehaut beim Abschlusskonzert der Musikschule. 🎻", "high"),
    E("S6", "de", "Leider fällt das Sommerfest wegen des Unwetters aus.", "low", marks="Leider"),
    # near misses: the sender's own excitement in an announcement opener is no emotion for the reader
    E("S6", "de", "Wir sind begeistert, Ihnen den neuen Lesesaal vorzustellen.", None),
    E("S6", "de", "Die Stadtbibliothek hat am Montag von 10 bis 18 Uhr geöffnet.", None),
    E("S6", "en", "Amazing: 1,200 runners finished the city fun run!", "high", marks="Amazing"),
    E("S6", "en", "The view from the new tower is breathtaking. 🏔️", "high"),
    E("S6", "en", "Unfortunately the summer fair is cancelled because of the storm.", "low", marks="Unfortunately"),
    # near misses
    E("S6", "en", "We're thrilled to announce our new reading room.", None),
    E("S6", "en", "The library is open on Monday from 10 am to 6 pm.", None),
    # ============================================================ S7 story
    E("S7", "de", "Gestern kam ein Mädchen an die Ausleihe und fragte: „Habt ihr Bücher über Vulkane?“ Heute hat sie fünf davon in ihrer Tasche.", "found", marks="„Habt ihr Bücher über Vulkane?“"),
    E("S7", "de", "Letzte Woche stand Herr Kaya vor unserer Tür. Er hatte 40 Jahre lang bei uns Brot gekauft und brachte uns ein Foto von 1984 mit.", "found", marks="Letzte Woche"),
    E("S7", "de", "Plötzlich sagte der Trainer: «Heute spielt ihr ohne Schuhe.» Die Kinder lachten noch lange darüber.", "found", marks="«Heute spielt ihr ohne Schuhe.»"),
    # near misses: a recipe has "zuerst" and "danach" but no past; one time marker is no story
    E("S7", "de", "Zuerst den Teig kneten, danach 30 Minuten ruhen lassen und bei 220 Grad backen.", None),
    E("S7", "de", "Gestern ist der neue Spielplan für die Rückrunde erschienen.", None),
    E("S7", "en", "Yesterday a girl came to the desk and asked: “Do you have books about volcanoes?” Today she left with five.", "found", marks="Yesterday"),
    E("S7", "en", "Last week Mr Kaya stood at our door. He had bought his bread from us for 40 years, he said, and he brought a photo from 1984.", "found", marks="Last week"),
    # near misses
    E("S7", "en", "First, knead the dough. Finally, bake it for 30 minutes at 220 degrees.", None),
    E("S7", "en", "Recently the new fixture list for the spring season went online.", None),
    # ============================================================ S8 surprise and social currency
    E("S8", "de", "Wussten Sie, dass eine Buche an einem Sommertag bis zu 400 Liter Wasser verdunstet?", "found", marks="Wussten Sie"),
    E("S8", "de", "Neue Studie: Kinder, die vorgelesen bekommen, haben einen größeren Wortschatz.", "found", marks="Neue Studie"),
    E("S8", "de", "Mythos Nachtschicht: Wer nachts arbeitet, wird nicht automatisch krank.", "found"),
    # near misses: "nehmen … entgegen" (accept) is not "entgegen" (contrary to)
    E("S8", "de", "Sachspenden nehmen wir montags bis freitags im Lager an der Hafenstraße entgegen.", None),
    E("S8", "de", "Die Stadtbibliothek ist am Samstag geschlossen.", None),
    E("S8", "en", "Did you know that a beech tree can release 400 litres of water on a summer day?", "found", marks="Did you know"),
    E("S8", "en", "New study: children who are read to every day know more words.", "found", marks="New study"),
    # near misses: "record your hours" is no record
    E("S8", "en", "Please record your volunteer hours in the logbook at reception.", None),
    E("S8", "en", "The city library is closed on Saturday.", None),
    # ============================================================ S9 brand-only content
    E("S9", "de", "Neu im Sortiment: Dinkelvollkornbrot, 750 g. Preis: 4,20 €. Erhältlich in allen Filialen.", "found", marks="Preis"),
    E("S9", "de", "Die Sneaker-Kollektion ist wieder lieferbar, versandkostenfrei im Onlineshop.", "found"),
    # near misses: a tip or a question gives the reader something of their own
    E("S9", "de", "Neu im Sortiment: Dinkelvollkornbrot für 4,20 €. Unser Tipp: Toasten Sie es mit etwas Butter.", None),
    E("S9", "de", "Der Preis für unsere Schulmilch bleibt gleich, erhältlich ist sie weiter in allen Schulen. Welche Sorte trinken Ihre Kinder am liebsten?", None),
    E("S9", "en", "New arrivals: linen shirts in 6 colours. Price: $39. Free shipping on orders over $50.", "found", marks="New arrivals"),
    E("S9", "en", "Our winter boots are back in stock and available in store.", "found"),
    # near misses
    E("S9", "en", "New arrivals: linen shirts for $39. Tip: wash them cold and they last for years.", None),
    E("S9", "en", "Our winter boots are back in stock and available in store. Which colour should we order more of?", None),
    # ============================================================ S10 hook before the fold
    E("S10", "de", "3 Fehler, die fast jeder beim Fahrradkauf macht – und wie Sie sie vermeiden. Unsere Werkstatt hat die häufigsten Fragen gesammelt und beantwortet sie diese Woche jeden Tag in einem kurzen Video.", "hook", marks="3 Fehler"),
    E("S10", "de", "Wir freuen uns, Ihnen unser neues Veranstaltungsprogramm für den Herbst vorzustellen. Es gibt Lesungen, Workshops und Konzerte, dazu eine Reihe für Familien mit kleinen Kindern am Sonntagvormittag.", "weak", marks="Wir freuen uns, Ihnen unser neues Veranstaltungsprogramm für den Herbst vorzustellen."),
    E("S10", "de", "Am Samstag ist wieder Arbeitseinsatz auf dem Sportplatz. Wir streichen die Banden, reparieren die Tornetze und pflanzen Hecken am Zaun. Für Mittagessen ist gesorgt.", "missing"),
    # near misses: an announcement after a hook is fine; a number after the fold is no hook
    # a link in the opening is no weak opening for passing on (linked posts are shared more; D9 coaches its place)
    E("S10", "de", "https://stadtbibliothek-beispiel.de/herbst\nDas Herbstprogramm der Stadtbibliothek steht: Lesungen, Workshops und Konzerte, dazu eine neue Reihe für Familien mit kleinen Kindern am Sonntagvormittag.", None, not_kind="weak"),
    E("S10", "de", "Wie findet Ihr Kind das richtige Buch? Ab sofort beraten Sie unsere Bibliothekarinnen jeden Dienstagnachmittag in der Kinderbibliothek, ganz ohne Termin und kostenlos für alle Familien.", None, not_kind="weak"),
    E("S10", "de", "Liebe Vereinsmitglieder,\n\nam Samstag ist wieder Arbeitseinsatz auf dem Sportplatz.\nWir streichen die Banden, reparieren die Tornetze und pflanzen Hecken. Dafür brauchen wir 20 Personen.", None),
    E("S10", "en", "3 mistakes almost everyone makes when buying a bike – and how to avoid them. Our workshop team has collected the most common questions and answers one every day this week in a short video.", "hook", marks="3 mistakes"),
    E("S10", "en", "We're excited to announce our autumn programme of events. There are readings, workshops and concerts, plus a series for families with small children on Sunday mornings.", "weak"),
    E("S10", "en", "On Saturday we are back at the sports ground for a work day. We will paint the boards, mend the goal nets and plant a hedge along the fence. Lunch is on us.", "missing"),
    # near misses
    E("S10", "en", "https://citylibrary-example.org/autumn\nThe city library's autumn programme is out: readings, workshops and concerts, plus a new series for families with small children on Sunday mornings.", None, not_kind="weak"),
    E("S10", "en", "How does your child find the right book? From now on our librarians give advice every Tuesday afternoon in the children's library, with no appointment and at no cost for all families.", None, not_kind="weak"),
    E("S10", "en", "Dear club members,\n\nthis Saturday is our work day at the sports ground.\nWe will paint the boards, mend the goal nets and plant a hedge. We need 20 people.", None),
    # ============================================================ S11 engagement bait (more rows: test_bait.py)
    E("S11", "de", "Unser Hofladen hat wieder Spargel. Kommentiert mit JA, wenn ihr schon auf die Saison gewartet habt! 🌱", "found", marks="Kommentiert mit JA, wenn ihr schon auf die Saison gewartet habt!"),
    E("S11", "de", "Markiert eine Freundin, die jeden Morgen als Erste im Schwimmbad ist 🏊‍♀️", "found"),
    # near misses: a pass-on prompt with a concrete reason, a question to answer from experience
    E("S11", "de", "Kennen Sie jemanden, der gerade eine Wohnung sucht? Leiten Sie ihm unsere Checkliste für die Besichtigung weiter.", None),
    E("S11", "de", "Welche Erfahrung habt ihr mit Lastenrädern im Winter gemacht? Schreibt uns, wenn ihr Fragen habt.", None),
    E("S11", "en", "Our farm shop has asparagus again. Comment YES if you have been waiting for the season! 🌱", "found", marks="Comment YES if you have been waiting for the season!"),
    E("S11", "en", "Tag a friend who is always first at the pool in the morning 🏊‍♀️", "found"),
    # near misses
    E("S11", "en", "Know someone who is flat-hunting? Send them our viewing checklist.", None),
    E("S11", "en", "Tell us in the comments which tip worked for you during the winter.", None),
    # ============================================================ C1 readability (scored from 100 words)
    E("C1", "de", C1_DE_EASY, "good"),
    E("C1", "de", C1_DE_HARD, "hard"),
    E("C1", "de", C1_DE_MIDDLE, "middle"),
    # near misses: too short for the index to mean anything, however hard it reads
    E("C1", "de", C1_DE_HARD.split(". ")[0] + ".", None),
    E("C1", "de", "Die Stadtbibliothek ist am Samstag geschlossen.", None),
    E("C1", "en", C1_EN_EASY, "good"),
    E("C1", "en", C1_EN_HARD, "hard"),
    E("C1", "en", C1_EN_MIDDLE, "middle"),
    # near misses
    E("C1", "en", C1_EN_HARD.split(". ")[0] + ".", None),
    E("C1", "en", "The city library is closed on Saturday.", None),
    # ============================================================ C2 long sentences
    E("C2", "de", "Wer am Samstag beim Frühjahrsputz im Stadtpark mithelfen möchte, trifft sich um 9 Uhr am Haupteingang, bringt Handschuhe mit und bekommt von uns Zangen und Säcke.", "long", marks="Wer am Samstag beim Frühjahrsputz im Stadtpark mithelfen möchte, trifft sich um 9 Uhr am Haupteingang, bringt Handschuhe mit und bekommt von uns Zangen und Säcke."),
    # "z. B." does not split the sentence
    E("C2", "de", "Bringen Sie zur Anmeldung bitte alle Unterlagen mit, z. B. den Personalausweis, die Meldebescheinigung und, falls vorhanden, den alten Ausweis der Stadtbibliothek aus Ihrer früheren Heimatstadt.", "long"),
    E("C2", "de", "Weil die Sanierung der Turnhalle länger dauert als geplant und die Stadt uns bis zu den Herbstferien keine andere Halle zur Verfügung stellen kann, trainieren die Jugendmannschaften ab Montag draußen auf dem Kunstrasen hinter der Grundschule.", "very_long"),
    # near misses: list lines without full stops are separate sentences; hashtags are no words
    E("C2", "de", "Das brauchen Sie für die Anmeldung im Verein\n• Personalausweis oder Kinderreisepass\n• ein aktuelles Passfoto für den Mitgliedsausweis\n• die Bankverbindung für den Jahresbeitrag\n• bei Kindern die Unterschrift der Eltern", None),
    E("C2", "de", "Am Samstag putzen wir gemeinsam den Stadtpark, Treffpunkt ist der Haupteingang. #Frühjahrsputz #Stadtpark #Ehrenamt #Nachbarschaft #Umwelt #Müllsammeln #Zusammenhalt", None),
    E("C2", "en", "Anyone who would like to help with the spring clean in the city park on Saturday should meet us at the main gate at 9 am and bring gloves.", "long", marks="Anyone who would like to help with the spring clean in the city park on Saturday should meet us at the main gate at 9 am and bring gloves."),
    # "e.g." and "Dr." do not split the sentence
    E("C2", "en", "Please bring all your documents when you sign up, e.g. your passport, a recent utility bill and a letter from Dr. Patel if your child needs any special care.", "long"),
    E("C2", "en", "Because the repairs to the sports hall are taking longer than planned and the council cannot give us another hall before the autumn break, the youth teams will train outside on the artificial pitch behind the primary school from Monday.", "very_long"),
    # near misses
    E("C2", "en", "What you need to join the club\n• a passport or a child's ID card\n• a recent photo for your membership card\n• bank details for the annual fee\n• a parent's signature for children", None),
    E("C2", "en", "On Saturday we clean up the city park together, meeting at the main gate. #SpringClean #CityPark #Volunteering #Neighbours #Environment #LitterPick #Community", None),
    # ============================================================ C3 nominal style
    E("C3", "de", "Die Durchführung der Sanierung erfolgt nach Genehmigung durch die Verwaltung. Während der Bauphase ist mit Einschränkungen bei der Erreichbarkeit der Beratungsstellen zu rechnen. Für die Unannehmlichkeiten bitten wir um Verständnis und danken für die Unterstützung bei der Umsetzung.", "found", marks="Durchführung"),
    E("C3", "de", "Zur Verbesserung der Kommunikation und zur Stärkung der Zusammenarbeit zwischen den Abteilungen ist die Einführung einer gemeinsamen Plattform vorgesehen. Die Schulung der Mitarbeitenden beginnt nach der Freigabe durch die Leitung im Herbst.", "found"),
    # near misses: everyday nouns like Zeitung, Meinung, Wohnung; a dense sentence that is too short to judge
    E("C3", "de", "In der Zeitung stand gestern Ihre Meinung zur neuen Wohnung für Geflüchtete in der Lindenstraße. Wir haben uns sehr darüber gefreut und laden Sie ein, die Räume am Sonntag selbst anzuschauen. Kaffee steht bereit.", None),
    E("C3", "de", "Die Durchführung der Sanierung erfolgt nach Genehmigung durch die Verwaltung.", None),
    E("C3", "en", "The implementation of the reorganisation requires the establishment of a governance framework and the alignment of management responsibilities. Effectiveness and accountability remain our priority, and an assessment of performance will follow the completion of the development phase.", "found", marks="implementation"),
    E("C3", "en", "Following the restructuring of the department, the coordination of maintenance and the management of procurement will move to the central administration. Implementation starts after the approval of the board in the autumn, with an evaluation after six months.", "found"),
    # near misses
    E("C3", "en", "Thank you for every comment and question about the community garden. Our city has given us the information we needed, and this weekend we start planting. Drop by with your questions, gloves and a good mood.", None),
    E("C3", "en", "The implementation of the reorganisation requires the establishment of a governance framework.", None),
    # ============================================================ C4 passive voice
    E("C4", "de", "Die Spenden wurden an 40 Familien verteilt.", "found", marks="wurden an 40 Familien verteilt"),
    E("C4", "de", "Der Spielplatz an der Lindenstraße wird im April komplett erneuert.", "found"),
    # near misses: "werden" as "become" or as future tense
    E("C4", "de", "Unser Verein wird im Mai 50 Jahre alt.", None),
    E("C4", "de", "Die Kinder werden am Freitag Bäume auf dem Schulhof pflanzen.", None),
    E("C4", "en", "The trees were planted by 40 volunteers.", "found", marks="were planted"),
    E("C4", "en", "Applications will be reviewed in June.", "found", marks="will be reviewed"),
    # near misses: adjectives after "be"
    E("C4", "en", "We were excited to see so many of you at the open day.", None),
    E("C4", "en", "The library is closed on Monday, and our new branch is based in the old station.", None),
    # ============================================================ C5 buzzwords and filler
    E("C5", "de", "Wir schaffen Synergien durch einen ganzheitlichen Ansatz.", "found", marks="Synergien"),
    E("C5", "de", "Wir melden uns zeitnah mit einer Lösung bei Ihnen.", "found", marks="zeitnah"),
    # near misses: "nachhaltig" alone and a picture frame are no buzzwords
    E("C5", "de", "Wir pflanzen nachhaltig: 200 Obstbäume für die Streuobstwiese am Stadtrand.", None),
    E("C5", "de", "Der Rahmen des Fahrrads ist gebrochen, die Reparatur dauert eine Woche.", None),
    E("C5", "en", "We leverage synergies to deliver holistic solutions.", "found", marks="leverage"),
    E("C5", "en", "Going forward, we will circle back on the timetable.", "found", marks="Going forward"),
    # near misses: "look forward" is no "going forward"; roadworks really do disrupt a bus route
    E("C5", "en", "We look forward to seeing you at the open day.", None),
    E("C5", "en", "Roadworks disrupted the number 12 bus this morning; it now runs on its usual route again.", None),
    # ============================================================ P1 character limit
    E("P1", "de", X_OVER_DE, "over", platform="x", marks=" Geduld. Nächstes Jahr wieder!"),
    E("P1", "de", X_CLOSE_DE, "close", platform="x"),
    E("P1", "de", "Der Stadtlauf am Sonntag war ein Fest. " * 8, "over", platform="bluesky"),
    # near misses: the URL counts 23 on X; a family emoji counts 1 on Bluesky; LinkedIn allows 3,000
    E("P1", "de", X_URL_DE, None, platform="x"),
    E("P1", "de", BSKY_DE, None, platform="bluesky"),
    E("P1", "de", X_OVER_DE, None, platform="linkedin"),
    E("P1", "en", X_OVER_EN, "over", platform="x", marks="r!"),
    E("P1", "en", X_CLOSE_EN, "close", platform="x"),
    E("P1", "en", "Sunday's city fun run was a party. " * 9, "over", platform="bluesky"),
    # near misses
    E("P1", "en", X_URL_EN, None, platform="x"),
    E("P1", "en", BSKY_EN, None, platform="bluesky"),
    E("P1", "en", X_OVER_EN, None, platform="mastodon"),
    # ============================================================ P2 hook after the fold
    E("P2", "de", FOLD_DE, "hook_after_fold", marks="Was wünschen Sie sich für das nächste Fest?"),
    E("P2", "de", "Liebe Nachbarinnen und Nachbarn,\n\nam Samstag feiert die Lindenstraße ihr Straßenfest.\nMusik, Essen und Spiele für Groß und Klein. Der Erlös geht an die Kita, letztes Jahr kamen 800 Euro zusammen.", "hook_after_fold", marks="800 Euro"),
    # near misses: the question opens the post; Threads has no fold
    E("P2", "de", "Was wünschen Sie sich für das nächste Straßenfest?\n\nAm Samstag feiert die Lindenstraße.\nEs gibt Musik, Essen und Spiele.\nSchreiben Sie uns!", None),
    E("P2", "de", FOLD_DE, None, platform="threads"),
    E("P2", "en", FOLD_EN, "hook_after_fold", marks="What would you like to see at the next party?"),
    E("P2", "en", "Dear neighbours,\n\nthis Saturday Linden Street holds its street party.\nMusic, food and games for all ages. The proceeds go to the nursery; last year we raised $800.", "hook_after_fold", marks="$800"),
    # near misses
    E("P2", "en", "What would you like to see at the next street party?\n\nThis Saturday Linden Street celebrates.\nThere will be music, food and games.\nTell us!", None),
    E("P2", "en", FOLD_EN, None, platform="threads"),
    # ============================================================ P3 hashtags
    E("P3", "de", "Frisch aus dem Ofen: Roggenbrot mit Walnüssen. #Bäckerei #Handwerk #Brot #Frühstück #Regional", "too_many", marks="#Frühstück"),
    E("P3", "de", "Frisch aus dem Ofen: Roggenbrot mit Walnüssen.\n\n#Bäckerei #Handwerk #Brot", "block", marks="#Bäckerei"),
    E("P3", "de", "Neue Lesetipps in der #stadtbibliothek, diesmal zum Thema Klimawandel.", "camelcase", platform="mastodon", marks="#stadtbibliothek"),
    E("P3", "de", "Frisch aus dem Ofen: Roggenbrot mit Walnüssen.", "too_few", platform="x"),
    # near misses: CamelCase tags; short tags are fine; "#1" is no hashtag; five tags inline on Instagram
    E("P3", "de", "Neue Lesetipps in der #StadtBibliothek, diesmal zum Thema #Klima.", None, platform="mastodon"),
    E("P3", "de", "Platz #1 in der Kreisliga, Tor #2 für Jana und Spiel #3 ohne Gegentor.", None),
    E("P3", "de", "Unsere #Bäckerei backt jeden Morgen #Brot aus #Roggen und #Dinkel für das #Frühstück in der Altstadt.", None, platform="instagram"),
    E("P3", "en", "Fresh from the oven: rye bread with walnuts. #Bakery #Craft #Bread #Breakfast #Local", "too_many", marks="#Breakfast"),
    E("P3", "en", "Fresh from the oven: rye bread with walnuts.\n\n#Bakery #Craft #Bread", "block"),
    E("P3", "en", "New reading tips from the #citylibrary, this time on climate change.", "camelcase", platform="mastodon", marks="#citylibrary"),
    E("P3", "en", "Fresh from the oven: rye bread with walnuts.", "too_few", platform="x"),
    # near misses
    E("P3", "en", "New reading tips from the #CityLibrary, this time on #Climate.", None, platform="mastodon"),
    E("P3", "en", "Top of the league: goal #1 from Jana, goal #2 from Priya and game #3 without conceding.", None),
    # ============================================================ P4 link in the body
    E("P4", "de", "Das neue Kursprogramm ist da: https://vhs-beispiel.de/programm", "found", marks="https://vhs-beispiel.de/programm"),
    E("P4", "de", "Unser Herbstprogramm findet ihr unter stadtbibliothek-beispiel.de/herbst", "found", platform="instagram", marks="stadtbibliothek-beispiel.de/herbst"),
    # near misses: Mastodon does not penalise links; an e-mail address is no link
    E("P4", "de", "Das neue Kursprogramm ist da: https://vhs-beispiel.de/programm", None, platform="mastodon"),
    E("P4", "de", "Fragen zum Kursprogramm? Schreibt an kurse@vhs-beispiel.de", None, platform="instagram"),
    E("P4", "en", "The new course programme is out: https://adulted-example.org/programme", "found", marks="https://adulted-example.org/programme"),
    E("P4", "en", "Find our autumn programme at citylibrary-example.org/autumn", "found", platform="instagram"),
    # near misses
    E("P4", "en", "The new course programme is out: https://adulted-example.org/programme", None, platform="bluesky"),
    E("P4", "en", "Questions about the programme? Email courses@adulted-example.org", None, platform="instagram"),
    # ============================================================ P5 emoji density
    E("P5", "de", f"🎉🥳 Wir sind Kreismeister! {THUMBS}{RUNNER} Danke an alle Fans ❤️", "found", marks=THUMBS),
    E("P5", "de", "Sommerfest ☀️🍰🎶🎈 am Samstag im Vereinsheim!", "found"),
    # near misses: a ZWJ family is one emoji, not four; Instagram tolerates more
    E("P5", "de", f"Familientag im Zoo {FAMILY} am Sonntag: halber Eintritt für alle Familien {FAMILY} und Pinguinfütterung um 15 Uhr {FAMILY}.", None),
    E("P5", "de", "Sommerfest im Vereinsheim ☀️ Am Samstag ab 14 Uhr gibt es Kuchen 🍰 vom Blech, Live-Musik 🎶 von der Schulband und für die Kinder eine Hüpfburg 🎈 auf der Wiese. Wer mag, bringt einen Salat für das Buffet mit. Abends grillen wir gemeinsam, Würstchen und Gemüse stellt der Verein. Bei Regen feiern wir in der Turnhalle, die Umkleiden sind dann ab 13 Uhr geöffnet. Wir freuen uns auf euch, eure Familien und eure Nachbarn!", None, platform="instagram"),
    E("P5", "en", f"🎉🥳 County champions! {THUMBS}{RUNNER} Thank you, fans ❤️", "found", marks=RUNNER),
    E("P5", "en", "Summer party ☀️🍰🎶🎈 this Saturday at the clubhouse!", "found"),
    # near misses
    E("P5", "en", f"Family day at the zoo {FAMILY} on Sunday: half price for all families {FAMILY} and penguin feeding at 3 pm {FAMILY}.", None),
    E("P5", "en", "Summer party at the clubhouse ☀️ From 2 pm on Saturday there is cake 🍰 from the tray, live music 🎶 from the school band and a bouncy castle 🎈 on the lawn for the kids. If you like, bring a salad for the buffet. In the evening we fire up the grill together, and the club pays for sausages and vegetables. If it rains, we move into the sports hall. We look forward to seeing you, your families and your neighbours!", None, platform="instagram"),
    # ============================================================ P6 @-mentions of partners
    E("P6", "de", "Danke an @Stadtwerke_Beispiel für die neuen Trinkbrunnen am Sportplatz!", "found", marks="@Stadtwerke_Beispiel"),
    E("P6", "de", "Gemeinsam mit @bibliothek@kultur.social laden wir zur Lesenacht ein.", "found", platform="mastodon", marks="@bibliothek@kultur.social"),
    # near misses: an e-mail address and "@ 18 Uhr" are no mentions
    E("P6", "de", "Anmeldungen bitte an jugend@tsv-nord.de schicken.", None),
    E("P6", "de", "Treffpunkt @ 18 Uhr am Vereinsheim, Mitfahrgelegenheiten gibt es vor Ort.", None),
    E("P6", "en", "Thanks to @CityWater for the new drinking fountains at the sports ground!", "found", marks="@CityWater"),
    E("P6", "en", "Together with @library@culture.social we invite you to a reading night.", "found", platform="mastodon"),
    # near misses
    E("P6", "en", "Please send sign-ups to youth@riverside-fc.org.", None),
    E("P6", "en", "Meet @ 6 pm at the clubhouse; lifts are available on the spot.", None),
]


# ------------------------------------------------------------------------------------ helpers
def run(example: Example, switched_on: Path | None = None) -> AnalysisResult:
    """Analyse an example with the default rule packs only; rows of a rule that is off by default
    run with `switched_on`, a user rule folder that switches S5-S8 on."""
    rules_dir: Path | bool = switched_on if example.rule in OFF_BY_DEFAULT and switched_on is not None else False
    return analyze(example.text, language=example.lang, platform=example.platform, rules_dir=rules_dir)


@pytest.fixture(scope="module")
def switched_on(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user rule folder that switches the off-by-default rules on (as a user would)."""
    folder = tmp_path_factory.mktemp("rules_on")
    text = "".join(f"[rules.{rule}]\nenabled = true\n" for rule in OFF_BY_DEFAULT)
    (folder / "switch-on.toml").write_text(text, encoding="utf-8")
    return folder


def fired(result: AnalysisResult, rule: str, kind: str) -> bool:
    """True if the rule produced a finding with that message key."""
    return any(f.rule == rule and f.kind == kind for f in result.findings)


def silent(result: AnalysisResult, rule: str, kinds: frozenset[str]) -> bool:
    """True if the rule moved no score and produced none of `kinds`."""
    return not any(f.rule == rule and (f.points != 0 or f.kind in kinds) for f in result.findings)


def describe(result: AnalysisResult, rule: str) -> str:
    """The rule's findings, readable in a failure message."""
    text = result.text
    parts = [f"{f.kind}({f.points:+d}) {[text[s.start:s.end] for s in f.spans]}" for f in result.findings_for(rule)]
    return "; ".join(parts) or "no findings"


def _id(example: Example) -> str:
    outcome = example.kind or (f"not-{example.not_kind}" if example.not_kind else "silent")
    return f"{example.rule}-{example.lang}-{example.platform}-{outcome}"


# -------------------------------------------------------------------------------------- tests
@pytest.mark.parametrize("example", EXAMPLES, ids=[_id(e) for e in EXAMPLES])
def test_example(example: Example, switched_on: Path) -> None:
    result = run(example, switched_on)
    assert result.language == example.lang
    if example.kind is not None:
        assert fired(result, example.rule, example.kind), f"{example.rule} should fire as {example.kind!r}; got {describe(result, example.rule)}"
        if (example.rule, example.kind) in ZERO_POINT_KINDS:
            kinds = FIRING.get(example.rule, DEFAULT_FIRING)
            assert silent(result, example.rule, kinds), f"{example.rule} {example.kind!r} must come without points or firing kinds; got {describe(result, example.rule)}"
        if example.marks is not None:
            marked = [
                example.text[s.start : s.end]
                for f in result.findings
                if f.rule == example.rule and f.kind == example.kind
                for s in f.spans
            ]
            assert example.marks in marked, f"{example.rule} should mark {example.marks!r}; marked {marked}"
    elif example.not_kind is not None:
        assert not fired(result, example.rule, example.not_kind), f"{example.rule} must not say {example.not_kind!r}; got {describe(result, example.rule)}"
    else:
        kinds = FIRING.get(example.rule, DEFAULT_FIRING)
        assert silent(result, example.rule, kinds), f"{example.rule} must stay silent; got {describe(result, example.rule)}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_off_by_default_rules_neither_fire_nor_score(lang: str, switched_on: Path) -> None:
    """S5-S8 are off by default (issue 16): their must-fire rows fire only when a user switches them
    on; by default the rules don't run, report nothing and move no score."""
    rows = [e for e in EXAMPLES if e.rule in OFF_BY_DEFAULT and e.lang == lang and e.kind is not None]
    assert {e.rule for e in rows} == set(OFF_BY_DEFAULT)
    for e in rows:
        default = analyze(e.text, language=e.lang, platform=e.platform, rules_dir=False)
        on = run(e, switched_on)
        assert not [f for f in default.findings if f.rule in OFF_BY_DEFAULT], f"{e.text[:40]}: {describe(default, e.rule)}"
        assert not set(OFF_BY_DEFAULT) & set(default.signal_counts)
        assert fired(on, e.rule, e.kind)
        points = sum(f.points for f in on.findings if f.rule == e.rule)
        assert points != 0, f"{e.rule} {e.kind!r} should carry points when switched on"
        # the points come only with the switch: by default the shareability score lacks them
        if points > 0:
            assert default.score("shareability") < on.score("shareability"), e.text
        else:
            assert default.score("shareability") > on.score("shareability"), e.text


def _message_keys(lang: str) -> dict[str, set[str]]:
    pack = tomllib.loads(files("resonanz.resources.rules").joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
    return {rule: set(cfg.get("messages", {})) for rule, cfg in pack["rules"].items()}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_rule_has_examples_both_ways(lang: str) -> None:
    """proselint's contract: no rule without texts that must and must not trigger it, per language."""
    missing = []
    for rule in RULES:
        rows = [e for e in EXAMPLES if e.rule == rule and e.lang == lang]
        if sum(e.kind is not None for e in rows) < MIN_EACH_WAY:
            missing.append(f"{rule}: fewer than {MIN_EACH_WAY} must-fire examples")
        if sum(e.kind is None for e in rows) < MIN_EACH_WAY:
            missing.append(f"{rule}: fewer than {MIN_EACH_WAY} must-not-fire examples")
        if rule not in NO_SPANS and not any(e.marks is not None for e in rows):
            missing.append(f"{rule}: no example checks the marked passage")
    assert not missing, f"{lang}: " + ", ".join(missing)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_examples_use_real_message_keys(lang: str) -> None:
    """A typo in a kind would make a must-not-fire row pass for the wrong reason."""
    keys = _message_keys(lang)
    for e in EXAMPLES:
        if e.lang != lang:
            continue
        assert e.rule in RULES, e
        for kind in (e.kind, e.not_kind):
            if kind is not None:
                assert kind in keys[e.rule], f"{e.rule} has no message {kind!r}"
    for rule, kinds in FIRING.items():
        assert kinds <= keys[rule], f"FIRING[{rule}] names unknown kinds {kinds - keys[rule]}"


def test_examples_are_unique() -> None:
    """Each row says something of its own."""
    seen = set()
    for e in EXAMPLES:
        key = (e.rule, e.lang, e.text, e.platform, e.kind, e.not_kind)
        assert key not in seen, f"duplicate example {e.rule}/{e.lang}: {e.text[:40]}"
        seen.add(key)


@pytest.mark.parametrize(
    "lang,platform,count,message,suggestion",
    [
        ("de", "linkedin", 5, "5 Hashtags – auf LinkedIn sind 3 oder weniger üblich.", "Behalten Sie die 3 treffendsten Hashtags."),
        ("de", "facebook", 2, "2 Hashtags – auf Facebook ist höchstens einer üblich.", "Behalten Sie den treffendsten Hashtag."),
        ("de", "email", 1, "1 Hashtag – auf Newsletter / E-Mail sind keine üblich.", "Entfernen Sie die Hashtags."),
        ("en", "linkedin", 5, "5 hashtags – on LinkedIn, 3 or fewer is usual.", "Keep the 3 most fitting hashtags."),
        ("en", "facebook", 2, "2 hashtags – on Facebook, at most one is usual.", "Keep the most fitting hashtag."),
        ("en", "email", 1, "1 hashtag – on Newsletter / E-Mail, none is usual.", "Remove the hashtags."),
    ],
)
def test_too_many_hashtags_counts_in_words_for_none_one_and_more(lang: str, platform: str, count: int, message: str, suggestion: str) -> None:
    """P3 where the platform's usual maximum is 0 (e-mail), 1 (Facebook) or more: no "1 hashtags",
    no "keep the 1 most fitting hashtags", no "0 or fewer"."""
    words = {"de": "Wir haben heute frisches Brot gebacken, kommt vorbei und probiert es gleich aus", "en": "We baked fresh bread today, come by and try it out right away"}[lang]
    tags = " ".join(["#Brot", "#Backen", "#lecker", "#Samstag", "#frisch"][:count])
    text = f"{words.split(',')[0]} {tags}, {words.split(', ')[1]}."  # inside the sentence: no block finding
    (f,) = [f for f in analyze(text, language=lang, platform=platform, rules_dir=False).findings if f.rule == "P3" and f.kind == "too_many"]
    assert (f.message, f.suggestion) == (message, suggestion)
