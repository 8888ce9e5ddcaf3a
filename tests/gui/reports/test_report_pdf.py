"""PDF reports (issue #5): real PDFs from the real store, checked with poppler's own tools.

pdftotext reads what a person would copy out of the PDF, pdfinfo the page size and metadata,
pdffonts whether every font is embedded, pdfimages that charts are vector drawings, pdftoppm what
a page looks like. The injection draft must arrive as literal text with no link or script action.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QTextDocument
from report_fixtures import EVIL, NAMES, TODAY, V2, build_report_db, ids
from resonanz.core.analysis.engine import analyze
from resonanz.core.reports.builders import draft_sheet, participant_progress, workshop_summary
from resonanz.core.reports.model import (
    BulletList,
    Chart,
    Heading,
    Mark,
    MarkedText,
    Paragraph,
    Report,
    Series,
    Table,
)
from resonanz.core.storage.store import Store
from resonanz.gui.reports.report_pdf import PAGE_SIZES, build_document, write_pdf

if not all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm", "pdfimages")):
    pytest.skip("poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm, pdfimages) is needed", allow_module_level=True)

FOOTER = {"de": "Seite {k} von {n}", "en": "Page {k} of {n}"}
SIZES_PT = {"A4": (595, 842), "Letter": (612, 792)}
LONG_DRAFT = "\n".join(
    f"{i}. Liebe Nachbarinnen und Nachbarn, am Samstag öffnet die Fahrradwerkstatt im Hinterhof wieder. "
    "Bringt quietschende Bremsen und müde Ketten mit – wir schrauben gemeinsam. Was wollt ihr lernen?"
    for i in range(1, 21)
)


# --------------------------------------------------------------------------- poppler helpers


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=True, timeout=60).stdout


def text_of(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return run("pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-")


def squash(text: str) -> str:
    """Without any whitespace: a wrapped line compares equal to the unwrapped text."""
    return re.sub(r"\s+", "", text)


def info(pdf: Path) -> dict[str, str]:
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in run("pdfinfo", str(pdf)).splitlines())}


def page_size(pdf: Path) -> tuple[float, float]:
    m = re.match(r"([\d.]+) x ([\d.]+) pts", info(pdf)["Page size"])
    assert m, info(pdf)
    return float(m[1]), float(m[2])


def fonts(pdf: Path) -> list[list[str]]:
    """pdffonts rows as columns; the "emb" column is the fifth from the right (type may be two words)."""
    return [line.split() for line in run("pdffonts", str(pdf)).splitlines()[2:] if line.strip()]


def page_images(pdf: Path, tmp_path: Path) -> list[QImage]:
    prefix = tmp_path / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(prefix)], check=True, timeout=60)
    files = sorted(tmp_path.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [QImage(str(f)) for f in files]


def ink(image: QImage, top: float = 0.0, bottom: float = 0.85) -> float:
    """Share of clearly non-white pixels between two heights (fractions of the page), on a 2-px grid."""
    hits = total = 0
    for y in range(int(image.height() * top), int(image.height() * bottom), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            total += 1
            hits += (c.red() + c.green() + c.blue()) < 600
    return hits / max(total, 1)


def check_headings_kept_with_their_section(report: Report, texts: list[str]) -> None:
    """Every heading is printed once (none cut by a page end) and never as the last line of a page."""
    drawn = {squash(t) for b in report.blocks if isinstance(b, Chart) for t in (*b.labels, *(x.name for x in b.series))}
    headings = [squash(b.text) for b in report.blocks if isinstance(b, Heading)]
    for heading in (h for h in headings if h not in drawn):  # a chart legend may repeat a heading's word
        assert sum(squash(t).count(heading) for t in texts) == 1, heading
    for k, text in enumerate(texts[:-1], start=1):
        body = [line for line in text.splitlines() if line.strip() and not line.startswith("Resonanz ·") and not re.fullmatch(r"(Seite|Page) \d+ (von|of) \d+", line.strip())]
        assert body and squash(body[-1]) not in headings, f"page {k} ends with the heading {body[-1]!r}"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_report_db(tmp_path / "resonanz.db")


def make_report(db: Path, kind: str, lang: str) -> Report:
    i = ids(db)
    with Store(db) as s:
        if kind == "draft":
            return draft_sheet(s, i["draft"], lang, now=TODAY)
        if kind == "progress":
            return participant_progress(s, i["participant"], lang, now=TODAY)
        return workshop_summary(s, i["session"], lang, pseudonyms=True, now=TODAY)


def model_strings(report: Report) -> list[str]:
    """Every string of the report's blocks that has to appear in the PDF's text."""
    out = [report.title, report.subtitle]
    for block in report.blocks:
        if isinstance(block, (Heading, Paragraph)):
            out.append(block.text)
        elif isinstance(block, BulletList):
            out += block.items
            out += [f"{n.label} {n.text}" for n in block.notes if n is not None]  # each finding's evidence badge and sentence
        elif isinstance(block, Table):
            out += [*block.header, *(cell for row in block.rows for cell in row)]
        elif isinstance(block, MarkedText):
            out += [line for line in block.text.split("\n") if line.strip()]
        elif isinstance(block, Chart):
            out += [*block.labels, *(s.name for s in block.series)]
        else:  # ScoreTable
            out += [*block.header, *(f"{r.dimension}" for r in block.rows), *(r.light_label for r in block.rows)]
    return out


@pytest.fixture()
def big_workshop(tmp_path: Path) -> Path:
    """30 participants: the summary table runs over a page break."""
    path = tmp_path / "big.db"
    with Store(path) as s:
        session = s.create_session("workshop", "Großer Workshop", "2026-03-14", "Zeile eins\nZeile zwei")
        for p in range(30):
            person = s.add_participant(s_id := session, f"Person {p}", f"Eule-{p:02d}")
            draft = s.create_draft(V2, f"Übung {p}", language="de", owner=person)
            s.save_revision(draft, "Wir freuen uns sehr.", "vorher", analyze("Wir freuen uns sehr.", language="de", rules_dir=False))
            s.save_revision(draft, V2, "nachher", analyze(V2, language="de", rules_dir=False))
        assert s_id == session
    return path


def long_draft_report(tmp_path: Path) -> Report:
    with Store(tmp_path / "long.db") as s:
        draft = s.create_draft(LONG_DRAFT, "Fahrradwerkstatt", language="de")
        s.save_revision(draft, LONG_DRAFT, "v1", analyze(LONG_DRAFT, language="de", rules_dir=False))
        return draft_sheet(s, draft, "de", now=TODAY)


# --------------------------------------------------------------------------- every report, both languages


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("kind", ["draft", "progress", "workshop"])
def test_report_pdf_text_footer_size_fonts(qapp, db: Path, tmp_path: Path, kind: str, lang: str) -> None:
    report = make_report(db, kind, lang)
    pdf = tmp_path / f"{kind}_{lang}.pdf"
    pages = write_pdf(report, pdf)
    assert pages >= 1 and info(pdf)["Pages"] == str(pages)
    whole = squash(text_of(pdf))
    for s in model_strings(report):
        assert squash(s) in whole, f"{s!r} missing from the PDF text"
    if kind == "draft":
        assert squash("Was brauchst du, um im Alltag Energie zu sparen?") in whole and "fünf" in whole
        # the evidence of the pinned test file (conftest.py), badge and sentence
        d1 = {"de": "Belegt In 2 von 3 Datensätzen in der erwarteten Richtung (stärkster Wert ρ = +0,16",
              "en": "Supported In the expected direction in 2 of 3 data sets (strongest ρ = +0.16"}[lang]
        assert squash(d1) in whole
    if kind == "workshop":
        assert "NächstesMalmehrFragen." in whole and "Workshop<Frühling>" in whole
        assert not any(name.split()[0] in whole for name in NAMES)  # pseudonyms only
    for k in range(1, pages + 1):
        page_text = text_of(pdf, k)
        assert FOOTER[lang].format(k=k, n=pages) in page_text
        assert f"Resonanz · {report.title}"[:40] in page_text
    width, height = page_size(pdf)
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1
    rows = fonts(pdf)
    assert rows and all(r[-5] == "yes" for r in rows), run("pdffonts", str(pdf))
    meta = info(pdf)
    assert meta["Title"] == report.title and meta["Creator"] == "Resonanz"


@pytest.mark.parametrize("size", PAGE_SIZES)
def test_page_sizes(qapp, db: Path, tmp_path: Path, size: str) -> None:
    pdf = tmp_path / f"{size}.pdf"
    write_pdf(make_report(db, "draft", "en"), pdf, size)
    width, height = page_size(pdf)
    assert abs(width - SIZES_PT[size][0]) <= 1 and abs(height - SIZES_PT[size][1]) <= 1


def test_page_size_is_case_insensitive(qapp, db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "letter.pdf"
    write_pdf(make_report(db, "draft", "en"), pdf, "letter")
    assert abs(page_size(pdf)[0] - 612) <= 1


def test_pages_are_not_blank_and_charts_are_vector(qapp, db: Path, tmp_path: Path) -> None:
    for kind in ("draft", "progress", "workshop"):
        pdf = tmp_path / f"{kind}.pdf"
        pages = write_pdf(make_report(db, kind, "de"), pdf)
        images = page_images(pdf, tmp_path)
        assert len(images) == pages
        for k, image in enumerate(images, start=1):
            assert not image.isNull()
            assert ink(image) > 0.005, f"{kind} page {k} has no content above the footer"
            assert ink(image, 0.93, 0.97) > 0.0005, f"{kind} page {k} has no footer"
        # no raster image at all: text is text, charts are paths
        assert run("pdfimages", "-list", str(pdf)).strip().count("\n") == 1, run("pdfimages", "-list", str(pdf))


# --------------------------------------------------------------------------- injection safety


def test_injection_draft_is_literal_text(qapp, db: Path, tmp_path: Path) -> None:
    report = make_report(db, "draft", "de")
    with Store(db) as s:
        report = draft_sheet(s, ids(db)["evil"], "de", now=TODAY)
    pdf = tmp_path / "evil.pdf"
    write_pdf(report, pdf)
    text = " ".join(text_of(pdf).split())
    assert "<script>alert(1)</script> **fett** [klick](javascript:alert(1))" in text
    assert "# Titel &amp; &lt;b&gt;" in text  # entities stay entities
    assert '=HYPERLINK("http://x") <b>' in text  # the title, shown as typed
    raw = pdf.read_bytes()
    for action in (b"/JavaScript", b"/JS", b"/URI", b"/Launch", b"/OpenAction", b"/Link"):
        assert action not in raw, action
    assert info(pdf)["Title"] == report.title


def test_preview_document_interprets_nothing(qtbot, db: Path) -> None:
    from PySide6.QtWidgets import QTextBrowser

    with Store(db) as s:
        report = draft_sheet(s, ids(db)["evil"], "en", now=TODAY)
    doc = build_document(report)
    assert isinstance(doc, QTextDocument)
    plain = doc.toPlainText()
    assert EVIL in plain and report.title in plain
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isAnchor() and not fmt.anchorHref(), it.fragment().text()
            it += 1
        block = block.next()
    assert "<script" not in doc.toHtml().lower()
    charts = sum(isinstance(b, Chart) for b in report.blocks)
    assert plain.count("\ufffc") == charts  # each chart is one drawn object, nothing else is
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setDocument(doc)
    browser.resize(700, 900)
    image = browser.grab().toImage()
    assert ink(image, 0.0, 1.0) > 0.01


def test_marks_line_breaks_and_emoji(qapp, tmp_path: Path) -> None:
    """Marks land on their words after emoji (Python counts code points, Qt UTF-16); line breaks stay."""
    text = "🎉🎉 Wir freuen uns.\nZweite Zeile mit Frage?"
    start = text.index("Wir")
    report = Report("Marks", "sub", "de", (MarkedText(text, (Mark(start, start + 3, "dialogue", "warning"),
                                                              Mark(text.index("Frage"), len(text), "dialogue", "good"))),))
    doc = build_document(report)
    marked = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() in ("#ffe8cc", "#d3f9d8"):
                marked.setdefault(fragment.charFormat().background().color().name(), fragment.text())  # the legend comes later
            it += 1
        block = block.next()
    assert marked == {"#ffe8cc": "Wir", "#d3f9d8": "Frage?"}
    pdf = tmp_path / "marks.pdf"
    write_pdf(report, pdf)
    lines = [line.strip() for line in text_of(pdf).splitlines()]
    assert "Wir freuen uns." in " ".join(lines) and "Zweite Zeile mit Frage?" in lines
    assert all(r[-5] == "yes" for r in fonts(pdf))
    assert "Warnung" in text_of(pdf) and "Gelungen" in text_of(pdf)  # the legend names what the colours mean


# --------------------------------------------------------------------------- long reports, progress


def test_long_draft_runs_over_pages_with_numbering_and_progress(qapp, tmp_path: Path) -> None:
    report = long_draft_report(tmp_path)
    assert len(LONG_DRAFT) > 3000
    calls: list[tuple[int, int]] = []
    pdf = tmp_path / "long.pdf"
    pages = write_pdf(report, pdf, "Letter", progress=lambda done, total: calls.append((done, total)))
    assert pages > 1 and info(pdf)["Pages"] == str(pages)
    assert calls == [(k, pages) for k in range(1, pages + 1)]
    for k in range(1, pages + 1):
        assert f"Seite {k} von {pages}" in text_of(pdf, k)
    whole = squash(text_of(pdf))
    for line in LONG_DRAFT.split("\n"):
        assert squash(line) in whole
    check_headings_kept_with_their_section(report, [text_of(pdf, k) for k in range(1, pages + 1)])
    assert all(ink(image) > 0.005 for image in page_images(pdf, tmp_path))


def test_big_workshop_table_breaks_with_header_repeated(qapp, big_workshop: Path, tmp_path: Path) -> None:
    with Store(big_workshop) as s:
        report = workshop_summary(s, s.list_sessions()[0].id, "de", pseudonyms=True, now=TODAY)
    pdf = tmp_path / "big.pdf"
    pages = write_pdf(report, pdf)
    assert pages > 1
    texts = [text_of(pdf, k) for k in range(1, pages + 1)]
    for k, text in enumerate(texts, start=1):
        assert f"Seite {k} von {pages}" in text
    everything = "".join(texts)
    for p in range(30):
        assert everything.count(f"Eule-{p:02d}") == 1, f"Eule-{p:02d}"  # each row once, none lost or doubled
    second = next(k for k, t in enumerate(texts) if "Eule-29" in t)
    assert second > 0 and "Teilnehmer:in" in texts[second]  # the header row is repeated on the next page
    assert "Zeile eins" in everything and "Durchschnittliche Veränderung im Raum" in everything
    check_headings_kept_with_their_section(report, texts)
    assert all(ink(image) > 0.005 for image in page_images(pdf, tmp_path))


def smallest_two_page_count(report, tmp_path: Path, high: int = 80) -> int:
    """The smallest n for which report(n) needs two pages (binary search over real PDFs)."""
    low = 1
    while low < high:
        mid = (low + high) // 2
        if write_pdf(report(mid), tmp_path / "probe.pdf") > 1:
            high = mid
        else:
            low = mid + 1
    return low


def test_heading_never_ends_a_page(qapp, tmp_path: Path) -> None:
    """Fill page 1 until the chart after a heading no longer fits: the heading must go to page 2 with it."""
    chart = Chart("radar", "Radar", ("Dialog", "Weitergabe", "Klarheit", "Plattform"), (Series("jetzt", (60, 40, 80, 90)),))

    def report(n: int) -> Report:
        filler = tuple(Paragraph(f"Absatz {i}: kurz und knapp.") for i in range(n))
        return Report("Umbruch", "Test", "de", (*filler, Heading(2, "Abschnitt mit Diagramm"), chart))

    low = smallest_two_page_count(report, tmp_path)  # page 1 is full except for less than the chart's height
    pdf = tmp_path / "break.pdf"
    assert write_pdf(report(low), pdf) == 2
    first, second = text_of(pdf, 1), text_of(pdf, 2)
    assert "Abschnitt mit Diagramm" not in first and "Abschnitt mit Diagramm" in second
    assert f"Absatz {low - 1}:" in first and "Klarheit" in second
    check_headings_kept_with_their_section(report(low), [first, second])


def test_short_list_items_are_not_split(qapp, tmp_path: Path) -> None:
    """A three-line bullet at the foot of a page moves to the next page whole."""
    item = "Ein Hinweis, der über drei Zeilen läuft: " + "Wörter, die den Platz füllen und nichts bedeuten, " * 4

    def report(n: int) -> Report:
        return Report("Liste", "Test", "de", (*(Paragraph(f"Absatz {i}.") for i in range(n)), BulletList((f"A {item}", f"B {item}"))))

    low = smallest_two_page_count(report, tmp_path)
    pdf = tmp_path / "list.pdf"
    assert write_pdf(report(low), pdf) == 2
    first, second = squash(text_of(pdf, 1)), squash(text_of(pdf, 2))
    assert squash(f"A {item}") in first and squash(f"B {item}") in second


# --------------------------------------------------------------------------- errors and atomic writing


@pytest.mark.parametrize("bad", ["A5", "", "Legal", "A4 ", None])
def test_bad_page_size(qapp, db: Path, tmp_path: Path, bad) -> None:
    if bad == "A4 ":  # surrounding spaces are forgiven, like the case
        assert write_pdf(make_report(db, "draft", "en"), tmp_path / "ok.pdf", bad) >= 1
        return
    pdf = tmp_path / "x.pdf"
    with pytest.raises(ValueError) as err:
        write_pdf(make_report(db, "draft", "en"), pdf, bad)
    message = str(err.value)
    assert "\n" not in message and "A4" in message and "Letter" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resonanz.db"]  # no PDF, no temp file
    with pytest.raises(ValueError):
        build_document(make_report(db, "draft", "en"), bad)


def test_target_is_a_directory(qapp, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as err:
        write_pdf(make_report(db, "draft", "en"), target)
    assert "\n" not in str(err.value)
    assert list(target.iterdir()) == [] and not list(tmp_path.glob(".*.tmp"))


def test_missing_folder(qapp, db: Path, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as err:
        write_pdf(make_report(db, "draft", "en"), tmp_path / "nope" / "r.pdf")
    assert "\n" not in str(err.value) and "r.pdf" in str(err.value)
    assert not (tmp_path / "nope").exists()


def test_folder_that_is_a_file(qapp, db: Path, tmp_path: Path) -> None:
    """A path through a regular file cannot hold a PDF (works as root too, unlike a read-only folder)."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep me", encoding="utf-8")
    with pytest.raises(OSError) as err:
        write_pdf(make_report(db, "draft", "en"), blocker / "r.pdf")
    assert "\n" not in str(err.value)
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "resonanz.db"]


def test_failed_replace_keeps_the_old_file_and_no_temp(qapp, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last step (os.replace) fails, e.g. the disk is gone: the previous PDF stays whole, no temp file remains."""
    pdf = tmp_path / "r.pdf"
    write_pdf(make_report(db, "draft", "en"), pdf)
    before = pdf.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf", "resonanz.db"]

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError) as err:
        write_pdf(make_report(db, "workshop", "de"), pdf)
    assert "\n" not in str(err.value) and "r.pdf" in str(err.value)
    assert pdf.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf", "resonanz.db"]


def test_headless_process_without_display(tmp_path: Path) -> None:
    """The CLI case: no DISPLAY, no QT_QPA_PLATFORM, no app object: write_pdf still works (ensure_app)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = (
        "import sys\n"
        "from resonanz.core.reports.model import Report, Paragraph, Chart, Series\n"
        "from resonanz.gui.reports.report_pdf import write_pdf\n"
        "r = Report('Kopf', 'Unterzeile', 'de', (Paragraph('Grüße'), Chart('radar', 'Werte', ('a', 'b', 'c', 'd'), (Series('x', (1, 50, 70, 100)),))))\n"
        "print(write_pdf(r, sys.argv[1]))\n"
    )
    pdf = tmp_path / "cli.pdf"
    proc = subprocess.run([sys.executable, "-c", code, str(pdf)], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1" and "Grüße" in text_of(pdf)


# --------------------------------------------------------------------------- page images and the README examples


def test_render_pages_matches_the_pdf(qapp, db: Path, tmp_path: Path) -> None:
    from resonanz.gui.reports.report_pdf import render_pages

    report = make_report(db, "draft", "de")
    pages = write_pdf(report, tmp_path / "r.pdf")
    images = render_pages(report, "A4", dpi=72)
    assert len(images) == pages
    for image in images:
        assert (abs(image.width() - 595) <= 1, abs(image.height() - 842) <= 1) == (True, True)
        assert ink(image) > 0.005 and ink(image, 0.93, 0.97) > 0.0005


def test_report_examples_write_only_the_page_images(qapp, tmp_path: Path) -> None:
    from resonanz.gui.reports.examples import main

    out = tmp_path / "out"
    assert main([str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "draft_sheet_de-1.png" in names and "workshop_en-1.png" in names
    assert all(re.fullmatch(r"(draft_sheet_de|workshop_en)-\d\.png", n) for n in names), names
    for path in out.iterdir():
        assert path.stat().st_size < 300_000, path.name
        image = QImage(str(path))
        assert not image.isNull() and ink(image) > 0.005
