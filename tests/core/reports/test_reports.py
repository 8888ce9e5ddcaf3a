"""Reports (issue #5): document model, Markdown/HTML/CSV renderers, injection safety, pseudonyms, CLI."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from resonanz.core.analysis.engine import analyze
from resonanz.core.reports.builders import draft_sheet, participant_progress, workshop_summary
from resonanz.core.reports.csv import to_csv
from resonanz.core.reports.html import CSP, to_html
from resonanz.core.reports.markdown import md_escape, to_markdown
from resonanz.core.reports.model import CsvRow
from resonanz.core.storage.store import NotFoundError, Store
from report_fixtures import NAMES, TODAY, V1, V2, build_report_db, ids

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_report_db(tmp_path / "resonanz.db")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RESONANZ_UPDATE_GOLDEN") == "1" or not path.exists():
        if not path.exists() and os.environ.get("RESONANZ_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {path} missing: run with RESONANZ_UPDATE_GOLDEN=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (RESONANZ_UPDATE_GOLDEN=1 regenerates)"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_golden_draft_sheet(db: Path, lang: str) -> None:
    with Store(db) as s:
        report = draft_sheet(s, 1, lang, now=TODAY)
    check_golden(f"draft_sheet_{lang}.md", to_markdown(report))
    check_golden(f"draft_sheet_{lang}.html", to_html(report))


def test_golden_workshop_and_progress(db: Path) -> None:
    i = ids(db)
    with Store(db) as s:
        ws = workshop_summary(s, i["session"], "en", pseudonyms=True, now=TODAY)
        pp = participant_progress(s, i["participant"], "de", now=TODAY)
    check_golden("workshop_en.md", to_markdown(ws))
    check_golden("workshop_en.html", to_html(ws))
    check_golden("progress_de.md", to_markdown(pp))
    check_golden("progress_de.html", to_html(pp))


def test_draft_sheet_content(db: Path) -> None:
    with Store(db) as s:
        report = draft_sheet(s, 1, "en", now=TODAY)
        revs = s.revisions(1)
    md = to_markdown(report)
    assert "Change since the previous version" in md and "Dialogue" in md
    table = next(b for b in report.blocks if type(b).__name__ == "ScoreTable")
    assert [r.value for r in table.rows] == [revs[-1].scores[d] for d in ("dialogue", "shareability", "clarity", "platform_fit")]
    assert all(r.delta is not None for r in table.rows)
    steps = next(b for b in report.blocks if type(b).__name__ == "BulletList")
    assert len(steps.items) <= 3
    assert TODAY in report.subtitle
    with Store(db) as s:
        de = draft_sheet(s, 1, "de", now=TODAY)
    assert "Werte" in to_markdown(de) and "Dialog" in to_markdown(de)


def test_injection_never_survives(db: Path) -> None:
    with Store(db) as s:
        report = draft_sheet(s, 2, "de", now=TODAY)
    md, page = to_markdown(report), to_html(report)
    for out in (md, page):
        assert "<script" not in out.lower()
        assert "<b>" not in out
        assert "&amp;lt;" in out  # the literal entity text stays text
    # a Markdown link needs an unescaped "](": the user's brackets arrive escaped, so none forms
    assert re.search(r"(?<!\\)\]\(javascript:", md) is None and "\\[klick\\](javascript:" in md
    assert "href" not in page.lower() and "javascript:alert" in page  # shown as text, never a link
    assert "**fett**" not in md and "\\*\\*fett\\*\\*" in md
    assert "\n# Titel" not in md and "# Titel" in md  # kept as text; "#" starts a heading only at a line's start
    assert md_escape("# Titel\n1. Punkt\n- Liste") == "\\# Titel\n1\\. Punkt\n\\- Liste"
    assert "&lt;script&gt;" in page
    assert f'content="{CSP}"' in page
    assert not re.search(r"(src|href|action)\s*=|url\(|@import|<script|<iframe|<object|<link", page.lower())
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert rows[0][:3] == ["id", "name", "created_at"]
    assert rows[1][1].startswith("'=HYPERLINK")


def test_csv_formula_injection_and_quoting() -> None:
    out = to_csv([CsvRow(1, "=1+1", "2026", (1, 2, 3, 4)), CsvRow(2, "+x", "-y", (None,) * 4), CsvRow(3, '@a,"b"\nc', "t", (5, 6, 7, 8))])
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1] == "'=1+1" and rows[2][1] == "'+x" and rows[2][2] == "'-y" and rows[3][1] == "'@a,\"b\"\nc"
    assert rows[2][3:] == ["", "", "", ""]


def test_pseudonyms_hide_display_names(db: Path) -> None:
    i = ids(db)
    with Store(db) as s:
        ws = workshop_summary(s, i["session"], "de", pseudonyms=True, now=TODAY)
        pp = participant_progress(s, i["participant"], "de", now=TODAY, pseudonyms=True)
        plain = workshop_summary(s, i["session"], "de", pseudonyms=False, now=TODAY)
    for report in (ws, pp):
        for out in (to_markdown(report), to_html(report), to_csv(report)):
            for name in NAMES:
                assert name not in out
                assert name.split()[0] not in out
    assert "Fuchs 1" in to_markdown(ws) and "Teilnehmer:in 3" in to_csv(ws)
    assert all(name in to_html(plain) for name in NAMES)


def test_pseudonyms_also_hide_names_in_notes_titles_and_attempts(tmp_path: Path) -> None:
    """Names typed into free text (the session title, facilitator notes, attempt titles) are
    replaced too: a projected or forwarded summary must not name anyone who chose a pseudonym."""
    with Store(tmp_path / "r.db") as s:
        sess = s.create_session("workshop", "Workshop mit Jana Krüger", "2026-01-15",
                                "Jana hat die beste Frage gestellt; Olafs Entwurf wurde zweimal besser. Janakowski war nicht da.")
        jana = s.add_participant(sess, "Jana Krüger", "Eule")
        olaf = s.add_participant(sess, "Olaf Meier", None)
        for owner, title in ((jana, "Janas zweiter Versuch"), (olaf, "Meier, Fassung 1")):
            a = s.create_draft(V1, title, language="de", owner=owner)
            s.save_revision(a, V1, "vorher", analyze(V1, language="de", rules_dir=False))
            s.save_revision(a, V2, "nachher", analyze(V2, language="de", rules_dir=False))
        hidden = workshop_summary(s, sess, "de", pseudonyms=True, now=TODAY)
        progress = participant_progress(s, jana, "de", pseudonyms=True, now=TODAY)
        shown = workshop_summary(s, sess, "de", pseudonyms=False, now=TODAY)
    for report in (hidden, progress):
        for out in (to_markdown(report), to_html(report), to_csv(report)):
            for word in ("Jana", "Krüger", "Olaf", "Meier"):
                assert re.search(rf"\b{word}\b", out) is None, (word, out)
    md = to_markdown(hidden)
    assert "Eule hat die beste Frage gestellt" in md and "Workshop mit Eule" in md
    assert "Janakowski war nicht da" in md  # only whole words are names
    assert "Jana hat die beste Frage" in to_markdown(shown)


def test_workshop_summary_content(db: Path) -> None:
    i = ids(db)
    with Store(db) as s:
        ws = workshop_summary(s, i["session"], "en", pseudonyms=False, now=TODAY)
    md = to_markdown(ws)
    assert "Average change in the room" in md and "Facilitator notes" in md and "Gute Stimmung" in md
    table = next(b for b in ws.blocks if type(b).__name__ == "Table")
    assert len(table.rows) == 3
    assert len(list(csv.reader(io.StringIO(to_csv(ws))))) == 1 + 6
    assert "&lt;Frühling&gt;" in to_html(ws)


def test_bad_ids_raise(db: Path) -> None:
    with Store(db) as s:
        for fn in (lambda: draft_sheet(s, 999), lambda: participant_progress(s, 999), lambda: workshop_summary(s, 999)):
            with pytest.raises(NotFoundError):
                fn()
        with pytest.raises(ValueError):
            draft_sheet(s, 1, "fr")


# --------------------------------------------------------------------------- CLI


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RESONANZ_HOME"}
    env["RESONANZ_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "resonanz", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_cli_formats(db: Path, tmp_path: Path, fmt: str) -> None:
    i = ids(db)
    out = tmp_path / f"r.{fmt}"
    proc = run(tmp_path, "--db", str(db), "report", "session", str(i["session"]), "--format", fmt, "--lang", "en", "--pseudonyms", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert all(name not in text for name in NAMES)
    assert {"md": "# Workshop summary", "html": "<!DOCTYPE html>", "csv": "id,name,created_at"}[fmt] in text
    assert not list(tmp_path.glob(".r.*.tmp"))
    proc = run(tmp_path, "report", "draft", "1", "--format", fmt, "--db", str(db), "-o", str(tmp_path / "d.out"))
    assert proc.returncode == 0, proc.stderr
    proc = run(tmp_path, "report", "participant", str(i["participant"]), "--db", str(db))
    assert proc.returncode == 0 and "Lernfortschritt" in proc.stdout


def test_cli_errors(db: Path, tmp_path: Path) -> None:
    assert "not found" in one_error_line(run(tmp_path, "--db", str(db), "report", "draft", "999", "-o", str(tmp_path / "x.md")))
    assert "positive whole number" in one_error_line(run(tmp_path, "--db", str(db), "report", "session", "abc"))
    assert "needs a file: add -o FILE.pdf" in one_error_line(run(tmp_path, "--db", str(db), "report", "draft", "1", "--format", "pdf"))
    assert "folder does not exist" in one_error_line(run(tmp_path, "--db", str(db), "report", "draft", "1", "--format", "pdf", "-o", str(tmp_path / "no" / "x.pdf")))
    assert "database not found" in one_error_line(run(tmp_path, "--db", str(tmp_path / "none.db"), "report", "draft", "1"))
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "x.md").exists()


def test_markdown_renders_inert(db: Path) -> None:
    """Run the Markdown through a real renderer: the draft adds no tags, links or headings."""
    import markdown

    with Store(db) as s:
        rendered = markdown.markdown(to_markdown(draft_sheet(s, 2, "en", now=TODAY)), extensions=["tables"])
    low = rendered.lower()
    assert "<script" not in low and "<a " not in low and "<b>" not in low and "href" not in low
    assert "<strong>fett</strong>" not in rendered and "<h1>Titel" not in rendered


def test_a_draft_switched_to_another_platform_is_reported_for_that_platform(db: Path) -> None:
    """Issue 17.3: the report scores the draft for the platform it is written for now, not the
    platform of its last scored revision, and says why it scored the current text."""
    with Store(db) as s:
        before = s.revisions(1)[-1]
        s.set_draft_settings(1, platform="x" if before.platform != "x" else "instagram")
        draft = s.get_draft(1)
        s.autosave(1, before.text)  # the text is the revision's: only the platform changed
        report = draft_sheet(s, 1, "en", now=TODAY)
    md = to_markdown(report)
    expected = analyze(before.text, language=draft.language, platform=draft.platform, rules_dir=False)
    table = next(b for b in report.blocks if type(b).__name__ == "ScoreTable")
    assert [r.value for r in table.rows] == [expected.score(d) for d in ("dialogue", "shareability", "clarity", "platform_fit")]
    assert "platform or language changed since its last scored version" in md
    assert all(r.delta is not None for r in table.rows)  # compared with that last scored version


@pytest.mark.parametrize(("scores", "praised"), [
    ({"dialogue": 80, "shareability": 64, "clarity": 85, "platform_fit": 90}, False),  # amber shareability
    ({"dialogue": 80, "shareability": 75, "clarity": 85, "platform_fit": 90}, True),
])
def test_well_done_only_when_every_score_is_green(tmp_path: Path, scores: dict, praised: bool) -> None:
    """Issue 17.10: "No open problems – well done." on a draft with an amber score praised what was not there."""
    with Store(tmp_path / "r.db") as s:
        draft = s.create_draft("Wie war Ihr Wochenende? Erzählen Sie uns davon.", "Wochenende", language="de")
        s.save_revision(draft, "Wie war Ihr Wochenende? Erzählen Sie uns davon.", "v1",
                        {"scores": scores, "findings": [], "language": "de", "platform": "linkedin"})
        md = {lang: to_markdown(draft_sheet(s, draft, lang, now=TODAY)) for lang in ("en", "de")}
    assert ("well done" in md["en"]) is praised and ("gut gemacht" in md["de"]) is praised
    assert ("No single step stands out" in md["en"]) is not praised
    assert ("Kein einzelner Schritt sticht heraus" in md["de"]) is not praised
