"""The HTML reports in a real browser: Debian's headless Chromium (installed by .ci/run).

Each report (draft sheet, progress, workshop; de and en, with a draft full of HTML, Markdown and
script) is opened from a file:// URL with no network, exactly as a client double-clicking the
attachment would. Chromium must log no console message at all (a CSP violation, a failed load or
a script error each log one), the DOM it built must contain no script, event handler or link, and
the injected text must be there as text. Two control pages prove the harness notices a script
that runs and a console error.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from resonanz.core.reports.builders import draft_sheet, participant_progress, workshop_summary
from resonanz.core.reports.html import CSP, to_html
from resonanz.core.storage.store import Store

from report_fixtures import EVIL, build_report_db, ids

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# no network, no first-run, no background services: the browser sees only the file
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--v=0",
)
CONSOLE = re.compile(r":CONSOLE[:(]\d+\)?\]\s*(.*)")


def open_in_chromium(page: Path, tmp: Path, screenshot: Path | None = None) -> tuple[str, list[str]]:
    """(DOM as Chromium built it, console messages) for one local file."""
    assert CHROMIUM, "Debian's chromium is missing: .ci/run installs it (apt-get install chromium)"
    profile = tmp / f"profile-{page.stem}"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}"]
    if screenshot is not None:
        cmd += [f"--screenshot={screenshot}", "--window-size=1000,1400", "--hide-scrollbars"]
    else:
        cmd.append("--dump-dom")
    proc = subprocess.run([*cmd, page.as_uri()], capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, [m.group(1) for m in map(CONSOLE.search, proc.stderr.splitlines()) if m]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("html-reports")
    db = build_report_db(tmp / "resonanz.db")
    i = ids(db)
    out: dict[str, Path] = {}
    with Store(db) as s:
        for lang in ("de", "en"):
            built = {
                f"evil_{lang}": draft_sheet(s, i["evil"], lang, now="2026-01-15"),
                f"draft_{lang}": draft_sheet(s, i["draft"], lang, now="2026-01-15"),
                f"progress_{lang}": participant_progress(s, i["participant"], lang, now="2026-01-15"),
                f"workshop_{lang}": workshop_summary(s, i["session"], lang, pseudonyms=lang == "en", now="2026-01-15"),
            }
            for name, report in built.items():
                path = tmp / f"{name}.html"
                path.write_text(to_html(report), encoding="utf-8")
                out[name] = path
    return out


@pytest.mark.parametrize("name", [f"{k}_{lang}" for k in ("evil", "draft", "progress", "workshop") for lang in ("de", "en")])
def test_report_opens_without_console_messages_or_script(pages: dict[str, Path], name: str, tmp_path: Path) -> None:
    dom, console = open_in_chromium(pages[name], tmp_path)
    assert console == [], f"{name}: Chromium logged {console}"
    assert "<body" in dom and "</html>" in dom
    low = dom.lower()
    assert "<script" not in low, "a script element reached the DOM"
    assert not re.search(r"<[^>]+\son\w+\s*=", low), "an event handler attribute reached the DOM"
    assert "<a " not in low and "<iframe" not in low and "<object" not in low and "<embed" not in low
    assert f'content="{CSP}"' in dom  # the policy survived parsing (it would block anything that slipped through)


def test_injected_draft_is_shown_as_text(pages: dict[str, Path], tmp_path: Path) -> None:
    dom, _ = open_in_chromium(pages["evil_de"], tmp_path)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "[klick](javascript:alert(1))" in dom and "**fett**" in dom
    assert 'data-ran' not in dom


def test_report_renders_visibly(pages: dict[str, Path], tmp_path: Path, qapp) -> None:
    """A screenshot of the workshop summary is a real page: mostly white, with dark text and coloured charts."""
    from PySide6.QtGui import QImage

    shot = tmp_path / "workshop.png"
    _, console = open_in_chromium(pages["workshop_en"], tmp_path, screenshot=shot)
    assert console == []
    image = QImage(str(shot))
    assert not image.isNull() and image.width() == 1000
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, min(image.height(), 1400), 7)}
    assert "#ffffff" in colours and len(colours) > 20  # text and charts, not a blank page


# ---------------------------------------------------------------------- the harness can fail


def test_control_page_with_running_script_is_noticed(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text("<!DOCTYPE html><html><body><p>x</p><script>document.body.setAttribute('data-ran','1');console.error('boom')</script></body></html>", encoding="utf-8")
    dom, console = open_in_chromium(page, tmp_path)
    assert 'data-ran="1"' in dom
    assert any("boom" in line for line in console)


def test_control_page_blocked_by_our_csp_logs_the_violation(tmp_path: Path) -> None:
    """Our CSP blocks an inline script; Chromium says so on the console, which the report tests would catch."""
    page = tmp_path / "csp.html"
    page.write_text(f'<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="{CSP}"></head>'
                    "<body><script>document.body.setAttribute('data-ran','1')</script></body></html>", encoding="utf-8")
    dom, console = open_in_chromium(page, tmp_path)
    assert "data-ran" not in dom.split("<script>")[0]
    assert any("Content Security Policy" in line for line in console)


def test_evil_fixture_really_contains_markup() -> None:
    assert "<script>" in EVIL and "javascript:" in EVIL
