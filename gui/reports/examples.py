"""Example report pages for the README: `python -m resonanz.gui.reports.examples OUTDIR`.

Builds a small demo database in a temporary folder (a German draft improved over two versions, a
workshop with four pseudonymous participants), writes the draft sheet (German) and the workshop
summary (English) as PDFs there, and saves their pages as PNG images into OUTDIR:
draft_sheet_de-1.png, workshop_en-1.png (and -2, … when a report has more pages). Nothing else is
written to OUTDIR. Pages are rasterised from the real PDF with poppler's pdftoppm when it is
installed, otherwise with Qt from the same layout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from resonanz.core.analysis.engine import analyze
from resonanz.core.reports.builders import draft_sheet, workshop_summary
from resonanz.core.reports.model import Report
from resonanz.core.storage.store import Store

DPI = 80
DAY = "2026-03-14"

DRAFT_V1 = (
    "Wir freuen uns sehr, mitteilen zu können, dass unser Verein ab April eine neue Laufgruppe anbietet. "
    "Unsere Trainerin hat lange an dem Konzept gearbeitet und wir sind stolz auf unser Team.\n"
    "Die Gruppe trifft sich dienstags um 18 Uhr am Vereinsheim. Weitere Informationen gibt es auf unserer Webseite."
)
DRAFT_V2 = (
    "Wann bist du zuletzt einfach so losgelaufen – ohne Uhr, ohne Ziel? 🏃\n"
    "Ab April trifft sich jeden Dienstag um 18 Uhr eine Laufgruppe am Vereinsheim. Tempo egal, "
    "Anfängerinnen und Anfänger ausdrücklich willkommen.\n"
    "Wen würdest du mitbringen? Schreib es in die Kommentare oder markiere die Person, die schon lange mit dir laufen will."
)

EXERCISES = [
    {"id": "demo-einladung", "language": "de", "platform": "linkedin", "topic": "dialog",
     "title": "Aus der Ankündigung eine Einladung machen", "goal": "Eine offene Frage statt einer Selbstverkündung.",
     "body_md": "Schreibe den Beitrag so um, dass er mit einer Frage an die Leser beginnt.", "starting_draft": DRAFT_V1},
    {"id": "demo-weitersagen", "language": "de", "platform": "linkedin", "topic": "teilen",
     "title": "Einen Grund zum Weitersagen geben", "goal": "Leser sollen an eine bestimmte Person denken.",
     "body_md": "Ergänze einen Satz, der zum Weitergeben einlädt.", "starting_draft": ""},
]

# (display name, pseudonym, language, [(exercise, before, after), ...])
PARTICIPANTS = [
    ("Miriam Hoffmann", "Eisvogel", "de", [
        ("demo-einladung",
         "Unser Chor probt ab sofort im Gemeindehaus. Wir haben neue Noten angeschafft und freuen uns auf die Saison.",
         "Singst du unter der Dusche lauter als im Konzert? Dann komm donnerstags um 19 Uhr ins Gemeindehaus. Welches Lied sollen wir als Erstes proben?"),
        ("demo-weitersagen",
         "Der Chor sucht neue Stimmen. Interessierte melden sich bitte bei uns.",
         "Kennst du jemanden, der immer mitsummt? Erzähl ihr von unserer Probe am Donnerstag – wir freuen uns auf neue Stimmen."),
    ]),
    ("Jonas Krüger", "Zaunkönig", "de", [
        ("demo-einladung",
         "Die Tafel hat im letzten Jahr 12.000 Pakete verteilt. Wir danken allen Spendern. Wir sind sehr zufrieden.",
         "12.000 Pakete in einem Jahr – und jedes hat jemand gepackt. Hast du samstags zwei Stunden Zeit? Schreib uns, wir zeigen dir alles."),
    ]),
    ("Aylin Demir", "Rotmilan", "en", [
        ("demo-einladung",
         "We are proud to announce that our community garden has ten new raised beds. Our volunteers worked hard all winter.",
         "What would you grow in your own raised bed? Ten new beds are free from April. Tag a neighbour who has green fingers!"),
        ("demo-weitersagen",
         "The youth centre has new opening hours. They apply from next week.",
         "Where do you go after school when it rains? From Monday we're open until 9 pm – tell a friend who needs a dry place to hang out."),
    ]),
    ("Peter Schulz", "Kranich", "de", [
        ("demo-einladung",
         "Die freiwillige Feuerwehr lädt zum Tag der offenen Tür ein. Wir zeigen unsere neuen Fahrzeuge.",
         "Wolltest du schon immer mal in einem Löschfahrzeug sitzen? Am Sonntag ab 10 Uhr öffnen wir die Wache. Mit wem kommst du vorbei?"),
    ]),
]
NOTES = ("Gute Energie im Raum; die zweiten Fassungen stellen fast alle eine echte Frage.\n"
         "Nächstes Mal: mehr Zeit für das Weitersagen – da lag die Gruppe noch zurück.")


def _save(store: Store, draft: int, text: str, label: str, language: str) -> None:
    store.save_revision(draft, text, label, analyze(text, language=language, rules_dir=False))


def build_demo(path: Path) -> tuple[int, int]:
    """Create the demo database; returns (draft id, session id)."""
    with Store(path) as store:
        draft = store.create_draft(DRAFT_V1, "Neue Laufgruppe", language="de", platform="linkedin")
        _save(store, draft, DRAFT_V1, "Erste Fassung", "de")
        _save(store, draft, DRAFT_V2, "Mit Frage und Einladung", "de")
        for exercise in EXERCISES:
            store.upsert_exercise(exercise)
        session = store.create_session("workshop", "Frühjahrs-Workshop Vereinskommunikation", DAY, NOTES)
        for name, pseudonym, language, attempts in PARTICIPANTS:
            person = store.add_participant(session, name, pseudonym)
            for k, (exercise, before, after) in enumerate(attempts, start=1):
                attempt = store.create_draft(before, f"Übung {k}", language=language, exercise_id=exercise, owner=person)
                _save(store, attempt, before, "vorher", language)
                _save(store, attempt, after, "nachher", language)
    return draft, session


def _pages(report: Report, pdf: Path, stem: str, outdir: Path) -> list[Path]:
    """Write the PDF, then one PNG per page into outdir."""
    from resonanz.gui.reports.report_pdf import render_pages, write_pdf

    pages = write_pdf(report, pdf, "A4")
    targets = [outdir / f"{stem}-{k}.png" for k in range(1, pages + 1)]
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        raster = pdf.parent / stem
        subprocess.run([pdftoppm, "-r", str(DPI), "-png", str(pdf), str(raster)], check=True)
        produced = sorted(pdf.parent.glob(f"{stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for source, target in zip(produced, targets, strict=True):
            shutil.move(source, target)
    else:
        for image, target in zip(render_pages(report, "A4", DPI), targets, strict=True):
            if not image.save(str(target)):
                raise OSError(f"cannot write {target}")
    return targets


def main(argv: list[str] | None = None) -> int:
    """Build the demo data and write the example page images into the given folder."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m resonanz.gui.reports.examples OUTDIR", file=sys.stderr)
        return 2
    outdir = Path(args[0])
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="resonanz-examples-") as tmp:
        work = Path(tmp)
        draft, session = build_demo(work / "demo.db")
        with Store(work / "demo.db") as store:
            sheet = draft_sheet(store, draft, "de", now=DAY)
            workshop = workshop_summary(store, session, "en", pseudonyms=True, now=DAY)
        written = _pages(sheet, work / "draft_sheet_de.pdf", "draft_sheet_de", outdir)
        written += _pages(workshop, work / "workshop_en.pdf", "workshop_en", outdir)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
