"""`resonanz score --grammar off|local|server`, run as a real subprocess against the LanguageTool
STAND-IN (tests/lt_standin.py): language findings, one-line notes, exit status 0, privacy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lt_standin import LanguageToolStandIn

EMOJI = "👩🏽‍💻🎉"
DRAFT = f"{EMOJI} Unser Sommerfest war ein Fehller? Nein! Wir kommen wegen dem Wetter nicht. Was meint ihr?"


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "RESONANZ_HOME", "LTP_PATH")}
    env["RESONANZ_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "resonanz", "score", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


@pytest.fixture()
def lt():
    with LanguageToolStandIn() as server:
        yield server


def test_default_is_off_and_unchanged(home: Path, draft: Path) -> None:
    proc = run(home, str(draft), "--format", "json")
    data = json.loads(proc.stdout)
    assert proc.returncode == 0 and proc.stderr == ""
    assert "grammar" not in data and all(f["dimension"] != "language" for f in data["findings"])


def test_server_mode_json(home: Path, draft: Path, lt: LanguageToolStandIn) -> None:
    plain = json.loads(run(home, str(draft), "--format", "json").stdout)
    proc = run(home, str(draft), "--format", "json", "--grammar", "server", "--lt-server", lt.url)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    language = [f for f in data["findings"] if f["dimension"] == "language"]
    assert [(f["rule"], DRAFT[f["start"] : f["end"]], f["replacements"]) for f in language] == [
        ("LT:GERMAN_SPELLER_RULE", "Fehller", ["Fehler", "Fehlern"]),
        ("LT:WEGEN_DEM", "wegen dem", ["wegen des"]),
    ]
    assert all(f["points"] == 0 for f in language)
    assert data["scores"] == plain["scores"] and data["breakdown"] == plain["breakdown"]  # never scored
    assert data["grammar"] == {"mode": "server", "state": "ready", "reason_code": "ready", "reason": f"LanguageTool (127.0.0.1:{lt.port}) is ready.", "engine": "languagetool"}
    assert proc.stderr.splitlines() == [f"resonanz: note: the draft is sent to 127.0.0.1:{lt.port} for the grammar check"]
    (form,) = lt.checks()
    assert form["text"] == DRAFT and form["language"] == "de-DE"


def test_server_mode_text_has_its_own_section(home: Path, draft: Path, lt: LanguageToolStandIn) -> None:
    proc = run(home, str(draft), "--grammar", "server", "--lt-server", lt.url)
    assert proc.returncode == 0
    out = proc.stdout
    section = out[out.index("Sprache (Rechtschreibung und Grammatik)") :]
    assert f"LanguageTool (127.0.0.1:{lt.port})" in section
    assert "LT:GERMAN_SPELLER_RULE  »Fehller«" in section and "→ Vorschlag: Fehler, Fehlern" in section
    assert "LT:WEGEN_DEM" not in out[: out.index("Sprache (Rechtschreibung und Grammatik)")]


@pytest.mark.parametrize("behaviour", ["down", "http500", "malformed"])
def test_server_trouble_is_one_note_and_exit_0(home: Path, draft: Path, lt: LanguageToolStandIn, behaviour: str) -> None:
    if behaviour == "down":
        lt.stop()
    else:
        lt.behaviour = behaviour
    proc = run(home, str(draft), "--format", "json", "--grammar", "server", "--lt-server", lt.url)
    assert proc.returncode == 0
    notes = [ln for ln in proc.stderr.splitlines() if "unavailable" in ln]
    assert len(notes) == 1 and "(offline dictionary used instead)" in notes[0]
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    assert data["grammar"]["state"] == "unavailable" and data["grammar"]["engine"] == "spelling"
    assert [DRAFT[f["start"] : f["end"]] for f in data["findings"] if f["rule"] == "SPELL"] == ["Fehller"]
    assert set(data["scores"]) == {"dialogue", "shareability", "clarity", "platform_fit"}


@pytest.mark.parametrize("url", ["not a url", "ftp://lt.example.org"])
def test_bad_url(home: Path, draft: Path, url: str) -> None:
    proc = run(home, str(draft), "--grammar", "server", "--lt-server", url)
    assert proc.returncode == 0 and "Resonanz" in proc.stdout
    assert proc.stderr.splitlines() == [f"resonanz: note: grammar check unavailable: “{url}” is not a server address: use http(s)://host[:port]. (offline dictionary used instead)"]


def test_local_without_languagetool_names_the_option_and_sends_nothing(home: Path, draft: Path, tmp_path: Path, lt: LanguageToolStandIn) -> None:
    proc = run(home, str(draft), "--grammar", "local", "--ltp-path", str(tmp_path / "none"))
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [f"resonanz: note: grammar check unavailable: LanguageTool not found in {tmp_path / 'none'}: pass --ltp-path DIR (a folder with an unpacked LanguageTool) or set LTP_PATH. (offline dictionary used instead)"]
    assert "»Fehller«" in proc.stdout
    assert lt.count() == 0


def test_offline_spelling_on_request(home: Path, draft: Path) -> None:
    data = json.loads(run(home, str(draft), "--format", "json", "--spelling").stdout)
    assert data["grammar"]["engine"] == "spelling" and data["grammar"]["state"] == "off"
    assert [DRAFT[f["start"] : f["end"]] for f in data["findings"] if f["dimension"] == "language"] == ["Fehller"]


def test_no_spelling_fallback_on_request(home: Path, draft: Path, lt: LanguageToolStandIn) -> None:
    lt.stop()
    data = json.loads(run(home, str(draft), "--format", "json", "--grammar", "server", "--lt-server", lt.url, "--no-spelling").stdout)
    assert data["grammar"]["engine"] == "none" and not [f for f in data["findings"] if f["dimension"] == "language"]


def test_users_word_list_is_respected(home: Path, draft: Path) -> None:
    (home / "user_words.txt").write_text("Fehller\n", encoding="utf-8")
    data = json.loads(run(home, str(draft), "--format", "json", "--spelling").stdout)
    assert [f for f in data["findings"] if f["dimension"] == "language"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--lt-server", "http://127.0.0.1:1"), "--lt-server only works with --grammar server"),
        (("--grammar", "server", "--ltp-path", "/x"), "--ltp-path only works with --grammar local"),
        (("--grammar", "cloud"), "invalid choice"),
    ],
)
def test_option_mistakes_exit_2(home: Path, draft: Path, args: tuple[str, ...], message: str) -> None:
    proc = run(home, str(draft), *args)
    assert proc.returncode == 2 and message in proc.stderr


def test_grammar_with_csv_is_refused(home: Path, tmp_path: Path) -> None:
    csv = tmp_path / "posts.csv"
    csv.write_text("text\nHallo\n", encoding="utf-8")
    proc = run(home, "--csv", str(csv), "--text-column", "text", "--out", str(tmp_path / "o.csv"), "--spelling")
    assert proc.returncode == 2 and "not --csv" in proc.stderr
