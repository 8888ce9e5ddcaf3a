"""`resonanz report … --format pdf`: the CLI draws the PDF with Qt, headless, as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from report_fixtures import NAMES, build_report_db, ids


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # no display and no QT_QPA_PLATFORM: a terminal on a server must still get its PDF
    env = {k: v for k, v in os.environ.items() if k not in ("RESONANZ_HOME", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["RESONANZ_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "resonanz", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False)


def poppler(tool: str, path: Path) -> str:
    return subprocess.run([tool, str(path), *(["-"] if tool == "pdftotext" else [])], capture_output=True, text=True, check=True).stdout


def test_workshop_summary_as_letter_pdf_with_pseudonyms(tmp_path: Path) -> None:
    db = build_report_db(tmp_path / "resonanz.db")
    out = tmp_path / "workshop.pdf"
    proc = run(tmp_path, "--db", str(db), "report", "session", str(ids(db)["session"]), "--format", "pdf",
               "--lang", "en", "--pseudonyms", "--page-size", "Letter", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    info = poppler("pdfinfo", out)
    assert "612 x 792 pts" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert proc.stderr.strip() == f"report written: {out} ({pages} {'page' if pages == 1 else 'pages'}, Letter)"
    text = poppler("pdftotext", out)
    assert "Workshop summary" in text and f"Page 1 of {pages}" in text
    assert not any(name in text for name in NAMES)
    assert not list(tmp_path.glob(".workshop.pdf*"))


def test_draft_sheet_pdf_defaults_to_a4_and_german(tmp_path: Path) -> None:
    db = build_report_db(tmp_path / "resonanz.db")
    out = tmp_path / "blatt.pdf"
    proc = run(tmp_path, "report", "draft", "1", "--format", "pdf", "--db", str(db), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "595 x 842 pts" in poppler("pdfinfo", out)
    text = poppler("pdftotext", out)
    assert "Entwurfsblatt" in text and "Seite 1 von" in text and "Energie" in text


def test_pdf_without_the_launcher_says_how(tmp_path: Path, capsys, monkeypatch) -> None:
    """resonanz.core never imports Qt: called without the launcher's PDF writer, it refuses in one line."""
    from resonanz.core.cli import commands as cli
    from resonanz.core.cli import report as cli_report

    db = build_report_db(tmp_path / "resonanz.db")
    monkeypatch.setattr(cli_report, "pdf_writer", None)
    status = cli.main(["report", "draft", "1", "--format", "pdf", "--db", str(db), "-o", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert status == 2 and "desktop part" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()
