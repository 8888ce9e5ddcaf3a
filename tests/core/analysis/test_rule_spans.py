"""Every finding's spans point at the words that caused it (issue 17, point 2).

One table for every rule, in German and English. Each row is a post where the rule fires with a
given message key, the exact passages that finding must mark (all of them, in order; no more, no
fewer), and a neighbouring sentence of the same post that no span of the rule may touch. The
neighbour is what a careless span would swallow: the opening question next to a thank-you (D5,
the bug of issue 17), the answer after a rhetorical question (D3), the narration between two
quotations (S7), the intro line above a list (S3), the part of a post still within the limit (P1).

Findings about the post as a whole mark no passage by design; ``WHOLE_POST`` lists them with the
reason, and ``test_whole_post_findings_mark_nothing`` holds them to it. A meta-test fails if a rule
lacks a row in either language.

Every text is written for this file.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

import pytest

from resonanz.core.analysis.engine import RULES, analyze
from resonanz.core.analysis.model import AnalysisResult


class Row(NamedTuple):
    rule: str
    lang: str
    text: str
    kind: str
    marks: tuple[str, ...]  # every passage the finding(s) of this kind mark, in order
    neighbour: str  # a passage of `text` that no span of the rule may overlap
    platform: str = "linkedin"


#: Off by default since issue 16; their rows run with a rule folder that switches them on.
OFF_BY_DEFAULT = ("S5", "S6", "S7", "S8")

#: (rule, kind) findings about the post as a whole: they mark no passage, and why.
WHOLE_POST: dict[tuple[str, str], str] = {
    ("C1", "short"): "a readability index describes the whole text, and this one is too short to judge",
    ("C1", "good"): "readability is a property of the whole text, not of one passage",
    ("C1", "middle"): "readability is a property of the whole text, not of one passage",
    ("C1", "hard"): "readability is a property of the whole text; C2 and C3 mark the passages that make it hard",
    ("D1", "short"): "too few words to judge how the post addresses its readers",
    ("D1", "none"): "nobody is addressed anywhere: an absence has no place in the text",
    ("D2", "missing"): "no question anywhere: an absence has no place in the text",
    ("S4", "missing"): "no pass-on prompt anywhere: an absence has no place in the text",
    ("P1", "close"): "the length of the whole post is close to the limit; no character is over it yet",
    ("P3", "too_few"): "no hashtag anywhere: an absence has no place in the text",
}

#: Rules with no passage at all by design (every kind is in WHOLE_POST).
NO_SPAN_RULES = frozenset({"C1"})

RUN_DE = "Der Stadtlauf war ein Fest. " + "Danke an alle Helferinnen und Helfer an den Ständen, an die Feuerwehr und an die Anwohner für ihre Geduld. " * 3
RUN_EN = "The city run was a party. " + "Thanks to every volunteer at the water stations, to the fire brigade and to everyone along the route. " * 3
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
CLUB_DE = (
    "Das neue Vereinsheim ist fertig. Es hat eine große Küche, einen Saal mit Bühne, eine Terrasse mit Blick "
    "auf den Sportplatz und den See und ab Herbst auch einen Kraftraum. Wir haben lange gebaut und freuen uns "
    "darauf, dort zusammen zu feiern."
)
CLUB_EN = (
    "The new clubhouse is finished. It has a big kitchen, a hall with a stage, a terrace with a view over the "
    "pitch and the lake and from autumn a gym as well. It took a long time to build and we look forward to "
    "celebrating there together."
)
LONG_DE = (
    "Wegen der Sanierung des Daches, die länger dauert als geplant, weil im Winter die Handwerker fehlten und "
    "das Material erst spät geliefert wurde, bleibt die Bibliothek bis Ende Mai geschlossen."
)
LONG_EN = (
    "Because the roof repairs are taking longer than planned, since the builders were short of staff in winter "
    "and the materials arrived late, the library stays closed until the end of May."
)
NOMINAL_DE = (
    "Die Umsetzung der Neugestaltung erfolgt nach Abstimmung der Planung mit der Verwaltung unter "
    "Berücksichtigung der Finanzierung und Genehmigung durch die Behörde sowie der Zustimmung der Anwohner."
)
NOMINAL_EN = (
    "The implementation of the redevelopment follows the alignment of the management with the administration "
    "regarding the availability of funding and the establishment of the requirements for the improvement."
)

ROWS: list[Row] = [
    # ================================================================== dialogue
    Row("D1", "de", "Der Laden liegt am Markt. Ab Montag backen wir auch sonntags, ihr könnt eure Brötchen ab 7 Uhr holen und euer Brot legen wir zurück.", "dialogic", ("ihr könnt", "eure", "euer"), "Der Laden liegt am Markt."),
    Row("D1", "en", "The shop is on the market square. From May you can pick up your bread at 7 am, and your favourite loaf can be reserved.", "dialogic", ("you", "your", "your"), "The shop is on the market square."),
    Row("D1", "de", "Wir sind seit 1950 die Bäckerei im Viertel. Unser Team backt jeden Morgen, unsere Öfen laufen ab 3 Uhr. Der Laden liegt am Markt.", "monologue", ("Wir", "Unser", "unsere"), "Der Laden liegt am Markt."),
    Row("D1", "en", "We are a family bakery. Our ovens run from 3 am and our team bakes 40 kinds of bread. The shop is on the market square.", "monologue", ("We", "Our", "our"), "The shop is on the market square."),
    Row("D1", "de", "Wir backen ab Montag auch sonntags. Ihr bekommt dann frische Brötchen, und wir legen euch gern etwas zurück. Unser Laden liegt am Markt.", "balanced", ("Ihr", "euch"), "Unser Laden liegt am Markt."),
    Row("D1", "en", "We bake on Sundays from May. You get fresh rolls then, and we keep a loaf for you. Our shop is on the market square.", "balanced", ("You", "you"), "Our shop is on the market square."),
    Row("D2", "de", "Die Stadtbibliothek hat jetzt auch samstags geöffnet. Welches Buch sollen wir als Nächstes anschaffen?", "found", ("Welches Buch sollen wir als Nächstes anschaffen?",), "Die Stadtbibliothek hat jetzt auch samstags geöffnet."),
    Row("D2", "en", "The city library is now open on Saturdays. Which book should we buy next?", "found", ("Which book should we buy next?",), "The city library is now open on Saturdays."),
    Row("D2", "de", "Der Radweg wird gebaut. Wo fahren Sie am liebsten Rad? Wir sammeln Ideen bis Freitag.", "found", ("Wo fahren Sie am liebsten Rad?",), "Wir sammeln Ideen bis Freitag."),
    Row("D2", "en", "The cycle lane is being built. Where do you like to ride most? We collect ideas until Friday.", "found", ("Where do you like to ride most?",), "We collect ideas until Friday."),
    Row("D2", "de", "Die Bibliothek hat samstags geöffnet. Welches Buch sollen wir als Nächstes kaufen?", "at_end", ("Welches Buch sollen wir als Nächstes kaufen?",), "Die Bibliothek hat samstags geöffnet."),
    Row("D2", "en", "The library is open on Saturdays. Which book should we buy next?", "at_end", ("Which book should we buy next?",), "The library is open on Saturdays."),
    # the answer right after a rhetorical question is not part of it
    Row("D3", "de", "Warum ist Lesen so wichtig? Weil es die Fantasie anregt. Die Bibliothek hat samstags geöffnet.", "found", ("Warum ist Lesen so wichtig?",), "Weil es die Fantasie anregt."),
    Row("D3", "en", "Why does reading matter? Because it feeds the imagination. The library is open on Saturdays.", "found", ("Why does reading matter?",), "Because it feeds the imagination."),
    Row("D3", "de", "Die Miete im Jugendzentrum steigt schon wieder. Kann es sein, dass die Stadt sparen will?", "loaded", ("Kann es sein, dass die Stadt sparen will?",), "Die Miete im Jugendzentrum steigt schon wieder."),
    Row("D3", "en", "The youth centre's rent is going up again. Is this really the best the council can do?", "loaded", ("Is this really the best the council can do?",), "The youth centre's rent is going up again."),
    Row("D4", "de", "Am Samstag eröffnet unser neuer Lesesaal. Schreibt uns, welche Zeitschriften ihr dort lesen wollt.", "found", ("Schreibt uns",), "Am Samstag eröffnet unser neuer Lesesaal."),
    Row("D4", "en", "Our new reading room opens on Saturday. Let us know which magazines you would like to find there.", "found", ("Let us know",), "Our new reading room opens on Saturday."),
    # issue 17: one thanks and two mentions are three, and the opening question is none of them
    Row("D5", "de", "Wart ihr alle gestern beim Aufräumen dabei? Danke an @anna und @ben für die Hilfe!", "found", ("Danke", "@anna", "@ben"), "Wart ihr alle gestern beim Aufräumen dabei?"),
    Row("D5", "en", "Were all of you at the cleanup yesterday? Thanks @anna and @ben for the help!", "found", ("Thanks", "@anna", "@ben"), "Were all of you at the cleanup yesterday?"),
    Row("D5", "de", "Was meint ihr? Danke an @anna und @ben für die Hilfe!", "found", ("Danke", "@anna", "@ben"), "Was meint ihr?"),
    Row("D5", "en", "What do you think? Thanks to @anna and @ben for the help!", "found", ("Thanks to", "@anna", "@ben"), "What do you think?"),
    # a community moment marks the people it names, not the sentence or its neighbours
    Row("D5", "de", "Was für ein Tag im Stadtpark. Unsere Ehrenamtlichen haben gestern 40 Säcke Müll gesammelt. Der Park ist sauber.", "found", ("Ehrenamtlichen",), "Was für ein Tag im Stadtpark."),
    Row("D5", "en", "What a day in the park. Our volunteers collected 40 bags of litter yesterday. The park is clean again.", "found", ("volunteers",), "What a day in the park."),
    Row("D5", "de", "Der Sommer geht zu Ende. Schönes Wochenende!", "greeting", ("Schönes Wochenende",), "Der Sommer geht zu Ende."),
    Row("D5", "en", "The summer is nearly over. Have a great weekend!", "greeting", ("Have a great weekend",), "The summer is nearly over."),
    Row("D6", "de", "Wir freuen uns, unser neues Vereinsheim vorzustellen. Es hat eine große Küche und einen Saal für 80 Gäste.", "found", ("Wir freuen uns, unser neues Vereinsheim vorzustellen.",), "Es hat eine große Küche und einen Saal für 80 Gäste."),
    Row("D6", "en", "We're excited to announce our new clubhouse. It has a big kitchen and a hall for 80 guests.", "found", ("We're excited to announce our new clubhouse.",), "It has a big kitchen and a hall for 80 guests."),
    Row("D7", "de", "Die Stadtbibliothek hat samstags geöffnet. Unser einzigartiges Lesecafé ist innovativ und bietet Kaffee.", "found", ("einzigartiges", "innovativ"), "Die Stadtbibliothek hat samstags geöffnet."),
    Row("D7", "en", "The library is open on Saturdays. Our unique reading café is innovative and serves coffee.", "found", ("unique", "innovative"), "The library is open on Saturdays."),
    Row("D8", "de", "Das Sommerfest findet am 14. Juni im Sportpark statt. Tickets gibt es im Vorverkauf. Jetzt kaufen!", "dead_end", ("Jetzt kaufen",), "Tickets gibt es im Vorverkauf."),
    Row("D8", "en", "The summer fair takes place on 14 June at the sports ground. Tickets are on sale at the gate. Buy now!", "dead_end", ("Buy now",), "Tickets are on sale at the gate."),
    Row("D8", "de", "Am Samstag ist Vereinsfest im Sportpark. Kommt vorbei und bringt eure Familien mit!", "mobilise", ("Kommt vorbei",), "Am Samstag ist Vereinsfest im Sportpark."),
    Row("D8", "en", "The flea market is on Sunday. Book your stall today! What are you hoping to sell?", "balanced", ("Book your",), "What are you hoping to sell?"),
    Row("D8", "de", "Der Flohmarkt ist am Sonntag. Jetzt buchen! Was wollt ihr verkaufen?", "balanced", ("Jetzt buchen",), "Was wollt ihr verkaufen?"),
    Row("D8", "en", "The club fair is on Saturday at the sports ground. Come along and bring your family!", "mobilise", ("Come",), "The club fair is on Saturday at the sports ground."),
    Row("D9", "de", "Neuer Blogbeitrag über den Radweg: https://example.org/blog", "link_only", ("https://example.org/blog",), "Neuer Blogbeitrag über den Radweg:"),
    Row("D9", "en", "The council has approved the new cycle lane and the plans are online now. Read the details here: https://example.org/cycle", "pointer", ("https://example.org/cycle",), "The council has approved the new cycle lane"),
    Row("D9", "de", "https://example.org/radweg Der Stadtrat hat den neuen Radweg beschlossen. Er führt vom Bahnhof bis zum Freibad und soll im Herbst fertig sein. Die Bauarbeiten beginnen im Mai, in den Ferien wird die Straße für zwei Wochen gesperrt. Danach fahren Kinder sicher zur Schule.", "link_first", ("https://example.org/radweg",), "Der Stadtrat hat den neuen Radweg beschlossen."),
    Row("D9", "en", "https://example.org/cycle The council has approved the new cycle lane. It runs from the station to the lido and should be ready in the autumn. Work starts in May, and the road will be closed for two weeks in the holidays. After that, children can ride safely to school.", "link_first", ("https://example.org/cycle",), "The council has approved the new cycle lane."),
    Row("D9", "de", "Der Stadtrat hat den neuen Radweg beschlossen, die Pläne liegen jetzt online. Er führt vom Bahnhof bis zum Freibad. Alle Details hier: https://example.org/radweg", "pointer", ("https://example.org/radweg",), "Er führt vom Bahnhof bis zum Freibad."),
    Row("D9", "en", "New blog post about the cycle lane: https://example.org/blog", "link_only", ("https://example.org/blog",), "New blog post about the cycle lane:"),
    Row("D10", "de", "Die Bürgermeisterin beantwortet Fragen zum Radweg. Am Donnerstag um 19 Uhr gibt es eine Live-Fragestunde.", "found", ("Live-Fragestunde",), "Die Bürgermeisterin beantwortet Fragen zum Radweg."),
    Row("D10", "en", "The mayor answers questions about the new cycle lane. Join our live Q&A on Thursday at 7 pm.", "found", ("live Q&A",), "The mayor answers questions about the new cycle lane."),
    # ================================================================== shareability
    Row("S1", "de", "Der Winter kommt. Fünf Tipps, wie Ihre Heizung weniger Energie braucht.", "found", ("Tipps",), "Der Winter kommt."),
    Row("S1", "en", "Winter is coming. Here's how to keep your heating bill down.", "found", ("Here's how",), "Winter is coming."),
    Row("S1", "de", "Der Herbst ist da. So geht's: Laub liegen lassen. Das spart Zeit und hilft Igeln.", "more", ("spart", "hilft"), "Der Herbst ist da."),
    Row("S1", "en", "Winter is coming. Here's how: close the curtains at night. It saves energy and keeps your rooms warm.", "more", ("saves",), "Winter is coming."),
    Row("S2", "de", "Der Verein hat einen neuen Vorstand. Beim Stadtlauf waren 1.200 Menschen am Start.", "found", ("1.200 Menschen",), "Der Verein hat einen neuen Vorstand."),
    Row("S2", "en", "The club has a new board. At the city run 1,200 people were at the start.", "found", ("1,200 people",), "The club has a new board."),
    Row("S3", "de", "Das brauchst du fürs Zeltlager:\n- Schlafsack\n- Taschenlampe\n- Regenjacke", "found", ("- Schlafsack", "- Taschenlampe", "- Regenjacke"), "Das brauchst du fürs Zeltlager:"),
    Row("S3", "en", "What to pack for camp:\n- sleeping bag\n- torch\n- rain jacket", "found", ("- sleeping bag", "- torch", "- rain jacket"), "What to pack for camp:"),
    Row("S4", "de", "Die Bibliothek verleiht jetzt auch Werkzeug. Kennst du jemanden, der eine Bohrmaschine braucht?", "found", ("Kennst du jemanden",), "Die Bibliothek verleiht jetzt auch Werkzeug."),
    Row("S4", "en", "The library now lends tools too. Know someone who needs a drill? Share this with them.", "found", ("Know someone who", "Share this"), "The library now lends tools too."),
    Row("S5", "de", "Die Bibliothek hat neue Bilderbücher. Eltern finden sie im ersten Stock.", "found", ("Eltern",), "Die Bibliothek hat neue Bilderbücher."),
    Row("S5", "en", "The library has new picture books. Parents will find them on the first floor.", "found", ("Parents",), "The library has new picture books."),
    Row("S6", "de", "Der Chor singt am Sonntag in der Kirche. Das Konzert war einfach unglaublich.", "high", ("unglaublich",), "Der Chor singt am Sonntag in der Kirche."),
    Row("S6", "en", "The choir sings in church on Sunday. Last year's concert was amazing.", "high", ("amazing",), "The choir sings in church on Sunday."),
    Row("S6", "de", "Der Chor probt dienstags. Leider fällt das Konzert am Sonntag aus.", "low", ("Leider",), "Der Chor probt dienstags."),
    Row("S6", "en", "The choir rehearses on Tuesdays. Sadly, Sunday's concert is cancelled.", "low", ("Sadly",), "The choir rehearses on Tuesdays."),
    Row("S7", "de", "Der Laden öffnet um acht. Letzte Woche kam eine Frau herein und sagte: „Hier habe ich als Kind schon Brot gekauft.“", "found", ("Letzte Woche", "„Hier habe ich als Kind schon Brot gekauft.“"), "Der Laden öffnet um acht."),
    Row("S7", "en", "The shop opens at eight. Last week a woman came in and said: “I bought my bread here as a child.”", "found", ("Last week", "“I bought my bread here as a child.”"), "The shop opens at eight."),
    # straight quotes: the narration between one quotation's closing mark and the next one's opening
    # mark is no quotation
    Row("S7", "de", 'Letzte Woche kam ein Mädchen an die Theke. Sie sagte "Danke." Dann ging sie aus der Bibliothek. Ihre Mutter fragte "Kommen wir morgen wieder?"', "found", ("Letzte Woche", '"Kommen wir morgen wieder?"'), "Dann ging sie aus der Bibliothek."),
    Row("S7", "en", 'Last week a girl came to the desk. She said "Thanks." Then she left the library. Her mum asked "Can we come back tomorrow?"', "found", ("Last week", '"Can we come back tomorrow?"'), "Then she left the library."),
    Row("S8", "de", "Der Wald hat 200 Hektar. Wussten Sie, dass hier Luchse leben? Zum ersten Mal gibt es Fotos.", "found", ("Wussten Sie", "Zum ersten Mal"), "Der Wald hat 200 Hektar."),
    Row("S8", "en", "The forest covers 500 acres. For the first time we have photos of a lynx. The trail is open daily.", "found", ("For the first time",), "The trail is open daily."),
    Row("S9", "de", "Neue Kollektion im Shop. Preis ab 49 €, versandkostenfrei verfügbar.", "found", ("im Shop", "Preis", "€", "versandkostenfrei", "verfügbar"), "Neue Kollektion"),
    Row("S9", "en", "New collection in store. Price from $49, available with free shipping.", "found", ("collection", "in store", "Price", "from $", "available", "free shipping"), "New"),
    Row("S10", "de", "Wir freuen uns, unser neues Vereinsheim vorzustellen. Es hat eine große Küche, einen Saal für 80 Gäste und eine Terrasse mit Blick auf den Sportplatz und den See.", "weak", ("Wir freuen uns, unser neues Vereinsheim vorzustellen.",), "Es hat eine große Küche"),
    Row("S10", "en", "We're excited to announce our new clubhouse. It has a big kitchen, a hall for 80 guests and a terrace with a view over the pitch and the lake behind it.", "weak", ("We're excited to announce our new clubhouse.",), "It has a big kitchen"),
    Row("S10", "de", "Fünf Tipps für den Garten im Herbst, gesammelt von unseren Gärtnerinnen: Laub liegen lassen, Stauden nicht zurückschneiden und Zwiebeln jetzt setzen.", "hook", ("Tipps",), "Laub liegen lassen"),
    Row("S10", "en", "Five tips for your garden in autumn, collected by our gardeners: leave the leaves, keep the perennials standing and plant bulbs now.", "hook", ("tips",), "leave the leaves"),
    # a missing hook marks what the feed shows before "…mehr", and nothing after it
    Row("S10", "de", CLUB_DE, "missing", (CLUB_DE[:210],), "zusammen zu feiern."),
    Row("S10", "en", CLUB_EN, "missing", (CLUB_EN[:210],), "there together."),
    Row("S11", "de", "Der Stadtpark ist wieder sauber. Teilen, wenn du auch für mehr Mülleimer bist!", "found", ("Teilen, wenn du auch für mehr Mülleimer bist!",), "Der Stadtpark ist wieder sauber."),
    Row("S11", "en", "The city park is clean again. Share if you agree we need more bins!", "found", ("Share if you agree we need more bins!",), "The city park is clean again."),
    Row("S11", "en", "Who else loves Mondays? Drop a ☕ below! The café opens at 7.", "found", ("Who else loves Mondays?", "Drop a ☕ below!"), "The café opens at 7."),
    # ================================================================== clarity
    Row("C2", "de", "Die Bibliothek ist zu. " + LONG_DE, "long", (LONG_DE,), "Die Bibliothek ist zu."),
    Row("C2", "en", "The library is closed. " + LONG_EN, "very_long", (LONG_EN,), "The library is closed."),
    Row("C2", "de", "Das Fest beginnt am 14. Juni um 14 Uhr im Sportpark und endet erst spät am Abend, wenn die letzten Gäste nach Hause gegangen sind und die Helfer alles aufgeräumt haben. Es gibt Kuchen.", "very_long", ("Das Fest beginnt am 14. Juni um 14 Uhr im Sportpark und endet erst spät am Abend, wenn die letzten Gäste nach Hause gegangen sind und die Helfer alles aufgeräumt haben.",), "Es gibt Kuchen."),
    Row("C2", "en", "The fair starts on 14 June at 2 p.m. at the sports ground and ends late in the evening, when the last guests have gone home and the volunteers have tidied everything away. There will be cake.", "very_long", ("The fair starts on 14 June at 2 p.m. at the sports ground and ends late in the evening, when the last guests have gone home and the volunteers have tidied everything away.",), "There will be cake."),
    Row("C2", "en", "The library is closed. Because the roof repairs are taking longer than planned, the library on Station Road stays closed until the end of May this year.", "long", ("Because the roof repairs are taking longer than planned, the library on Station Road stays closed until the end of May this year.",), "The library is closed."),
    Row("C3", "de", "Das Fest war schön. " + NOMINAL_DE, "found", ("Umsetzung", "Neugestaltung", "Abstimmung", "Planung", "Verwaltung", "Berücksichtigung", "Finanzierung", "Genehmigung", "Zustimmung"), "Das Fest war schön."),
    Row("C3", "en", "The fair was lovely. " + NOMINAL_EN, "found", ("implementation", "redevelopment", "alignment", "management", "administration", "availability", "establishment", "requirements", "improvement"), "The fair was lovely."),
    Row("C4", "de", "Das Fest war schön. Der Kuchen wurde von den Eltern gebacken.", "found", ("wurde von den Eltern gebacken",), "Das Fest war schön."),
    Row("C4", "en", "The fair was lovely. The cakes were baked by the parents.", "found", ("were baked",), "The fair was lovely."),
    Row("C5", "de", "Das Fest war schön. Wir wollen Synergien nutzen und nachhaltig wirken.", "found", ("Synergien",), "Das Fest war schön."),
    Row("C5", "en", "The fair was lovely. Going forward we will leverage synergies.", "found", ("Going forward", "leverage", "synergies"), "The fair was lovely."),
    # ================================================================== platform fit
    # over the limit: the mark starts where the post stops fitting, never before
    Row("P1", "de", RUN_DE, "over", ("n den Ständen, an die Feuerwehr und an die Anwohner für ihre Geduld. ",), "Der Stadtlauf war ein Fest.", "x"),
    Row("P1", "en", RUN_EN, "over", ("o the fire brigade and to everyone along the route. ",), "The city run was a party.", "x"),
    Row("P2", "de", FOLD_DE, "hook_after_fold", ("Was wünschen Sie sich für das nächste Fest?",), "am Samstag feiert die Lindenstraße ihr Straßenfest."),
    Row("P2", "en", FOLD_EN, "hook_after_fold", ("What would you like to see at the next party?",), "this Saturday Linden Street holds its street party."),
    Row("P3", "de", "Am Samstag ist Lesefest in der Bibliothek. #Lesen #Bibliothek #Kinder #Bücher", "too_many", ("#Bücher",), "Am Samstag ist Lesefest in der Bibliothek."),
    Row("P3", "en", "Reading day at the library on Saturday. #reading #library #kids #books", "block", ("#library", "#kids", "#books"), "Reading day at the library on Saturday."),
    Row("P3", "de", "Lesefest in der Bibliothek am Samstag. #Lesen #Bibliothek #Kinder", "block", ("#Lesen", "#Bibliothek", "#Kinder"), "Lesefest in der Bibliothek am Samstag."),
    Row("P3", "en", "Reading day at the library on Saturday. #reading #library #kids #books", "too_many", ("#kids", "#books"), "Reading day at the library on Saturday.", "x"),
    Row("P3", "de", "Im Garten ist Herbst. #gartenarbeitimherbst", "camelcase", ("#gartenarbeitimherbst",), "Im Garten ist Herbst.", "mastodon"),
    Row("P3", "en", "Autumn in the garden. #gardeningtipsforautumn", "camelcase", ("#gardeningtipsforautumn",), "Autumn in the garden.", "mastodon"),
    Row("P4", "de", "Der Stadtlauf war ein Fest. Alle Ergebnisse: https://example.org/ergebnisse", "found", ("https://example.org/ergebnisse",), "Der Stadtlauf war ein Fest.", "x"),
    Row("P4", "en", "The city run was a party. All results: https://example.org/results", "found", ("https://example.org/results",), "The city run was a party.", "x"),
    Row("P5", "de", "Das Sommerfest war toll. 🎉🎈🌞🍰🎶 Bis nächstes Jahr!", "found", ("🎉", "🎈", "🌞", "🍰", "🎶"), "Bis nächstes Jahr!"),
    Row("P5", "en", "The summer fair was great. 🎉🎈🌞🍰🎶 See you next year!", "found", ("🎉", "🎈", "🌞", "🍰", "🎶"), "See you next year!"),
    Row("P6", "de", "Der Park ist sauber. Danke an @Stadtwerke für die neuen Mülleimer!", "found", ("@Stadtwerke",), "Der Park ist sauber."),
    Row("P6", "en", "The park is clean. Thanks to @CityWater for the new bins!", "found", ("@CityWater",), "The park is clean."),
]

#: Posts whose whole-post findings must mark nothing: (rule, lang, text, kind, platform).
WHOLE_POST_ROWS: list[tuple[str, str, str, str, str]] = [
    ("C1", "de", "Am Samstag ist Lesefest. Wir lesen vor.", "short", "linkedin"),
    ("C1", "en", "Reading day is on Saturday. We read aloud.", "short", "linkedin"),
    ("D1", "de", "Die Stadtbibliothek bleibt am Pfingstmontag geschlossen. Die Rückgabebox am Eingang ist rund um die Uhr geöffnet.", "none", "linkedin"),
    ("D1", "en", "The city library is closed on Easter Monday. The return box at the entrance is open around the clock.", "none", "linkedin"),
    ("D2", "de", "Die Stadtbibliothek bleibt am Pfingstmontag geschlossen. Die Rückgabebox am Eingang ist rund um die Uhr geöffnet.", "missing", "linkedin"),
    ("P3", "en", "The city library is closed on Easter Monday. The return box at the entrance is open around the clock.", "too_few", "x"),
    ("D1", "de", "Danke euch allen!", "short", "linkedin"),
    ("S4", "en", "The city library is closed on Easter Monday. The return box at the entrance is open around the clock, and the reading room opens again on Tuesday morning at nine.", "missing", "linkedin"),
    ("P1", "en", "The city run was a party. " + "Thanks to every volunteer at the water stations. " * 5, "close", "x"),
    ("C1", "en", "We open at ten. The kids pick a book. We read it out loud. " * 12, "good", "linkedin"),
    ("C1", "de", NOMINAL_DE + " " + NOMINAL_DE.replace("Anwohner", "Nachbarn") + " " + NOMINAL_DE.replace("Behörde", "Stadt") + " " + NOMINAL_DE.replace("Verwaltung", "Kommune") + " " + NOMINAL_DE.replace("Planung", "Zeitplanung"), "middle", "linkedin"),
    ("C1", "en", NOMINAL_EN + " " + NOMINAL_EN.replace("funding", "money") + " " + NOMINAL_EN.replace("improvement", "repair") + " " + NOMINAL_EN.replace("management", "board"), "hard", "linkedin"),
]


# ------------------------------------------------------------------------------------ helpers
@pytest.fixture(scope="module")
def switched_on(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user rule folder that switches the off-by-default rules on (as a user would)."""
    folder = tmp_path_factory.mktemp("rules_on")
    (folder / "switch-on.toml").write_text("".join(f"[rules.{r}]\nenabled = true\n" for r in OFF_BY_DEFAULT), encoding="utf-8")
    return folder


def run(rule: str, lang: str, text: str, platform: str, switched_on: Path) -> AnalysisResult:
    return analyze(text, language=lang, platform=platform, rules_dir=switched_on if rule in OFF_BY_DEFAULT else False)


def _id(row: Row) -> str:
    return f"{row.rule}-{row.lang}-{row.kind}-{ROWS.index(row)}"


# -------------------------------------------------------------------------------------- tests
@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_spans_mark_the_words_that_caused_the_finding(row: Row, switched_on: Path) -> None:
    assert row.text.count(row.neighbour) == 1, "the neighbour must name one passage of the post"
    result = run(row.rule, row.lang, row.text, row.platform, switched_on)
    assert result.language == row.lang
    mine = [f for f in result.findings if f.rule == row.rule]
    of_kind = [f for f in mine if f.kind == row.kind]
    assert of_kind, f"{row.rule} should fire as {row.kind!r}; got {[(f.kind, f.points) for f in mine]}"
    marked = [s.text(row.text) for f in of_kind for s in f.spans]
    assert marked == list(row.marks)
    start = row.text.index(row.neighbour)
    end = start + len(row.neighbour)
    touching = [s.text(row.text) for f in mine for s in f.spans if s.start < end and start < s.end]
    assert not touching, f"{row.rule} marks the neighbouring passage {row.neighbour!r}: {touching}"


@pytest.mark.parametrize("rule, lang, text, kind, platform", WHOLE_POST_ROWS)
def test_whole_post_findings_mark_nothing(rule: str, lang: str, text: str, kind: str, platform: str, switched_on: Path) -> None:
    assert (rule, kind) in WHOLE_POST
    result = run(rule, lang, text, platform, switched_on)
    found = [f for f in result.findings if f.rule == rule and f.kind == kind]
    assert found, f"{rule} should say {kind!r}"
    assert all(not f.spans for f in found)


def test_d5_counts_only_thanks_and_mentions_next_to_a_question() -> None:
    """Issue 17: 'Thanks' and two @-mentions are 3× recognition; the opening question adds nothing."""
    for lang, text in (("de", "Wart ihr alle gestern beim Aufräumen dabei? Danke an @anna und @ben für die Hilfe!"), ("en", "Were all of you at the cleanup yesterday? Thanks @anna and @ben for the help!")):
        found = analyze(text, language=lang, platform="linkedin", rules_dir=False).findings_for("D5")
        assert [f.values["count"] for f in found] == [3], text
        assert "3×" in found[0].message


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_rule_has_a_span_row(lang: str) -> None:
    """Every rule marks its words in both languages, or is listed as a whole-post rule with why."""
    covered = {r.rule for r in ROWS if r.lang == lang}
    missing = [rule for rule in RULES if rule not in covered and rule not in NO_SPAN_RULES]
    assert not missing, f"{lang}: no span row for {missing}"
    for rule in NO_SPAN_RULES:
        assert {kind for r, kind in WHOLE_POST if r == rule}, f"{rule} is listed as spanless without its kinds and reasons"
        assert any(r == rule and l == lang for r, l, *_ in WHOLE_POST_ROWS)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_message_kind_has_a_span_row_or_is_about_the_whole_post(lang: str) -> None:
    """Not only every rule: every kind of finding a rule can report marks its words, or says why not."""
    pack = tomllib.loads(files("resonanz.resources.rules").joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
    covered = {(r.rule, r.kind) for r in ROWS if r.lang == lang} | set(WHOLE_POST)
    missing = [(rule, kind) for rule, cfg in pack["rules"].items() for kind in cfg.get("messages", {}) if (rule, kind) not in covered]
    assert not missing, f"{lang}: no span row for {missing}"


def test_whole_post_kinds_have_no_span_rows() -> None:
    """A kind can't be both about the whole post and about a passage; each has a post showing it."""
    assert {(rule, kind) for rule, _, _, kind, _ in WHOLE_POST_ROWS} == set(WHOLE_POST)
    assert not [r for r in ROWS if (r.rule, r.kind) in WHOLE_POST]
    assert all(reason for reason in WHOLE_POST.values())
