"""On-demand report benchmarks: `pytest tests/benchmarks/test_bench_reports.py --benchmarks -s`.

Builds one workshop with 30 participants × 5 attempts, each attempt with two scored versions (a
first draft that talks about itself, then a revision that talks with its readers), written in German
and English, through the real engine and store. Then measures what a coach does after the workshop:
the workshop summary end to end (document model + output). Target (issue #5): PDF ≤ 3 s. Like the
other benchmarks nothing asserts a time; the figures are printed (with -s) and go into the README.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from resonanz.core.analysis.engine import analyze
from resonanz.core.reports.builders import draft_sheet, workshop_summary
from resonanz.core.reports.html import to_html
from resonanz.core.reports.markdown import to_markdown
from resonanz.core.storage.store import Store

PARTICIPANTS = 30
ATTEMPTS = 5
ROUNDS = 5
TARGET_PDF_S = 3.0

# (language, before, after): a first draft about the organisation itself, then one that asks and invites.
POSTS = [
    ("de",
     "Wir freuen uns, dass unser Sportverein ab März eine neue Laufgruppe anbietet. Unsere Trainerin hat lange an dem Konzept gearbeitet. Wir sind stolz auf unser Team.",
     "Wann bist du zuletzt einfach so losgelaufen? Ab März trifft sich jeden Dienstag um 18 Uhr eine Laufgruppe am Vereinsheim – Tempo egal. Wen würdest du mitbringen?"),
    ("de",
     "Die Stadtbibliothek hat jetzt auch sonntags geöffnet. Wir haben dafür neue Mitarbeitende eingestellt. Das Angebot gilt zunächst drei Monate.",
     "Was liest du am liebsten an einem ruhigen Sonntag? Ab jetzt ist die Stadtbibliothek sonntags von 11 bis 16 Uhr offen. Schreib uns deinen Lesetipp in die Kommentare!"),
    ("de",
     "Unsere Tafel hat im letzten Jahr 12.000 Lebensmittelpakete verteilt. Wir danken allen Spenderinnen und Spendern. Wir sind sehr zufrieden mit dem Ergebnis.",
     "12.000 Pakete in einem Jahr – und jedes hat jemand gepackt. Hast du samstags zwei Stunden Zeit? Erzähl es weiter: Wir suchen Helferinnen und Helfer für die Ausgabe."),
    ("de",
     "Der Chor probt ab sofort im Gemeindehaus. Wir haben neue Noten angeschafft. Unser Chorleiter freut sich auf die neue Saison.",
     "Singst du unter der Dusche lauter als im Konzert? Dann komm donnerstags um 19 Uhr ins Gemeindehaus – Vorkenntnisse braucht niemand. Welches Lied sollen wir als Erstes proben?"),
    ("de",
     "Unser Repair-Café findet wieder am ersten Samstag im Monat statt. Wir haben viele Ehrenamtliche gewonnen. Wir reparieren Elektrogeräte, Kleidung und Fahrräder.",
     "Welches kaputte Gerät liegt bei dir schon zu lange in der Schublade? Bring es am Samstag ins Repair-Café – wir schrauben gemeinsam. Kennst du jemanden mit einem wackelnden Toaster?"),
    ("en",
     "We are proud to announce that our community garden has opened ten new raised beds. Our volunteers worked hard all winter. We think it looks great.",
     "What would you grow if you had your own raised bed? Ten new beds are free in the community garden from April. Tag a neighbour who has green fingers!"),
    ("en",
     "Our youth centre has extended its opening hours. We have hired two new staff members. The new hours apply from next week.",
     "Where do you go after school when it rains? From Monday the youth centre is open until 9 pm. Tell us which workshop we should start first!"),
    ("en",
     "The animal shelter is happy to report that 240 animals found a new home last year. We thank our partners. We are very pleased with this result.",
     "240 animals went home with someone last year. Could you walk a dog for an hour on Sundays? Share this with a friend who misses having a pet."),
    ("en",
     "Our climate initiative published its annual report today. The report contains many interesting figures. We worked on it for several months.",
     "Which single change saved you the most energy this year? Our new report lists five that worked for families in our town. Reply with yours and we'll add the best ones."),
    ("de",
     "Die freiwillige Feuerwehr lädt zum Tag der offenen Tür ein. Wir zeigen unsere neuen Fahrzeuge. Für das leibliche Wohl ist gesorgt.",
     "Wolltest du schon immer mal in einem Löschfahrzeug sitzen? Am Sonntag ab 10 Uhr öffnen wir die Wache für alle. Mit wem kommst du vorbei?"),
]


def _build(path: Path) -> tuple[int, int]:
    """The workshop; returns (session id, number of saved revisions)."""
    saved = 0
    with Store(path) as store:
        session = store.create_session("workshop", "Frühjahrs-Workshop Vereinskommunikation", "2026-03-14",
                                       "Viele gute Fragen am Ende.\nNächstes Mal: mehr Zeit für die zweite Fassung.")
        for p in range(PARTICIPANTS):
            person = store.add_participant(session, f"Teilnehmer {p + 1}", f"Eule {p + 1}")
            for a in range(ATTEMPTS):
                lang, before, after = POSTS[(p + a) % len(POSTS)]
                before = f"{before} ({p + 1}.{a + 1})"
                after = f"{after} ({p + 1}.{a + 1})"
                draft = store.create_draft(before, f"Übung {a + 1}", language=lang, owner=person)
                store.save_revision(draft, before, "erste Fassung", analyze(before, language=lang, rules_dir=False))
                store.save_revision(draft, after, "überarbeitet", analyze(after, language=lang, rules_dir=False))
                saved += 2
    return session, saved


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("bench-reports") / "resonanz.db"
    t = time.perf_counter()
    session, saved = _build(path)
    print(f"\n[reports] built {PARTICIPANTS} participants × {ATTEMPTS} attempts ({saved} scored revisions) in {time.perf_counter() - t:.1f} s")
    return path, session


def _median(fn, rounds: int = ROUNDS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def test_workshop_summary_pdf(workshop: tuple[Path, int], tmp_path: Path) -> None:
    from resonanz.gui.reports.report_pdf import ensure_app, write_pdf

    path, session = workshop
    ensure_app()  # once per process, like the CLI; not part of the figure
    out = tmp_path / "workshop.pdf"

    def run() -> int:
        with Store(path) as store:
            report = workshop_summary(store, session, "de", pseudonyms=True)
        return write_pdf(report, out, "A4")

    median, pages = _median(run)
    with Store(path) as store:
        model, _ = _median(lambda: workshop_summary(store, session, "de", pseudonyms=True))
    verdict = "ok" if median <= TARGET_PDF_S else "OVER TARGET"
    print(f"\n[reports] workshop summary → PDF (A4, {pages} pages, {out.stat().st_size / 1000:.0f} kB): median {median:.2f} s of {ROUNDS} "
          f"(target ≤ {TARGET_PDF_S:g} s: {verdict}); of which the document model {model * 1000:.0f} ms")
    assert pages >= 1


def test_workshop_summary_markdown_and_html(workshop: tuple[Path, int]) -> None:
    path, session = workshop
    with Store(path) as store:
        md, text = _median(lambda: to_markdown(workshop_summary(store, session, "en", pseudonyms=True)))
        page, html = _median(lambda: to_html(workshop_summary(store, session, "en", pseudonyms=True)))
    print(f"\n[reports] workshop summary → Markdown: median {md * 1000:.0f} ms ({len(text):,} chars); "
          f"→ HTML: median {page * 1000:.0f} ms ({len(html):,} chars)")
    assert "Eule 1" in text and "Teilnehmer 1" not in text


def test_long_draft_sheet_pdf(tmp_path: Path) -> None:
    """A 3,000-character draft: the marked text runs over a page break."""
    from resonanz.gui.reports.report_pdf import ensure_app, write_pdf

    text = "\n".join(f"{POSTS[i % len(POSTS)][2]}" for i in range(20))[:3200]
    with Store(tmp_path / "d.db") as store:
        draft = store.create_draft(text, "Langer Beitrag", language="de")
        store.save_revision(draft, text, "v1", analyze(text, language="de", rules_dir=False))
        ensure_app()
        median, pages = _median(lambda: write_pdf(draft_sheet(store, draft, "de"), tmp_path / "d.pdf", "Letter"))
    print(f"\n[reports] draft sheet of {len(text):,} characters → PDF (Letter, {pages} pages): median {median * 1000:.0f} ms of {ROUNDS}")
