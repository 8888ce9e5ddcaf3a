"""`resonanz audit FILE`: registered like the other commands, one-line refusals with exit 2,
nothing half-written, the four formats. In-process tests use a stand-in `read_posts` (the real
importers live in core/audit/importers.py); the subprocess test needs the real importer."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from resonanz.core.audit.model import AuditInputError, ImportResult, PostRecord
from resonanz.core.cli import commands
from resonanz.core.cli.audit import parse_map
from resonanz.core.cli.inputs import InputError

TEXTS = [
    "Was denken Sie über unseren neuen Plan für die Stadt? Schreiben Sie es uns in die Kommentare.",
    "Wir haben heute viel erreicht und sind stolz auf unser Team und unsere Arbeit im Rathaus.",
    "=Teilen Sie diesen Beitrag mit Ihren Freunden, damit alle vom Fest am Samstag erfahren!",
]


def _result(n: int = 40) -> ImportResult:
    posts = tuple(
        PostRecord(i + 2, TEXTS[i % 3] + f" {i}", f"2025-{1 + i % 12:02d}-01", {"comments": i % 7, "shares": i % 5, "reactions": 1 + i % 9})
        for i in range(n)
    )
    return ImportResult("page.csv", "mapped", posts, ((99, "no text"),), {"text": "Message", "comments": "C", "shares": "S", "reactions": "R"})


@pytest.fixture
def importer(monkeypatch: pytest.MonkeyPatch):
    """A stand-in resonanz.core.audit.importers: the posts above, or AuditInputError for 'bad.csv'."""
    calls: list = []

    def read_posts(path, *, mapping=None):
        calls.append((Path(path), mapping))
        if Path(path).name == "bad.csv":
            raise AuditInputError(f"{path} has no text column")
        return _result()

    module = types.ModuleType("resonanz.core.audit.importers")
    module.read_posts = read_posts
    monkeypatch.setitem(sys.modules, "resonanz.core.audit.importers", module)
    return calls


def test_registered_in_parser_and_launcher() -> None:
    from resonanz.launcher import CLI_COMMANDS

    assert "audit" in CLI_COMMANDS
    args = commands.build_parser().parse_args(["audit", "x.csv", "--format", "json", "--workers", "1"])
    assert args.command == "audit" and args.format == "json" and args.workers == 1


def test_parse_map() -> None:
    assert parse_map("text=Message, shares=Shares,likes=Likes") == {"text": "Message", "shares": "Shares", "reactions": "Likes"}
    with pytest.raises(InputError, match="unknown field 'views'"):
        parse_map("text=M,views=V")
    with pytest.raises(InputError, match="needs text="):
        parse_map("shares=S")


def test_json_and_csv_written_atomically(importer, tmp_path: Path, capsys) -> None:
    out = tmp_path / "audit.json"
    assert commands.main(["audit", "page.csv", "--map", "text=Message,comments=C", "--format", "json", "-o", str(out), "--workers", "1"]) == 0
    assert importer[0][1] == {"text": "Message", "comments": "C"}
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["n_posts"] == 40 and data["n_skipped"] == 1 and len(data["posts"]) == 40
    assert "skipped line 99" in capsys.readouterr().err
    assert commands.main(["audit", "page.csv", "--format", "csv", "--workers", "1"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:8] == ["row", "date", "group", "language", "dialogue", "shareability", "clarity", "platform_fit"]
    assert len(rows) == 41 and any(r[-1].startswith("'=") for r in rows[1:])  # formula-safe
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]  # no temporary file left


@pytest.mark.parametrize("fmt,marker", [("text", "Was bei diesem Publikum wirkt"), ("md", "# Seiten-Audit")])
def test_text_and_markdown(importer, capsys, fmt: str, marker: str) -> None:
    assert commands.main(["audit", "page.csv", "--format", fmt, "--workers", "1", "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert marker in out and ("Weit gekommen" in out) and ("Stimmt der Rat" in out)
    assert "40 Beiträge ausgewertet, 1 Zeile übersprungen," in out  # counted nouns: one row, not "1 Zeilen"


def test_the_english_headline_counts_in_english(importer, capsys) -> None:
    assert commands.main(["audit", "page.csv", "--format", "text", "--workers", "1", "--lang", "en"]) == 0
    assert "40 posts audited, 1 row skipped," in capsys.readouterr().out


@pytest.mark.parametrize("argv,message", [
    (["audit", "bad.csv"], "has no text column"),
    (["audit", "page.csv", "--platform", "myspace"], "myspace"),
    (["audit", "page.csv", "--workers", "0"], "--workers"),
    (["audit", "page.csv", "--map", "shares=S"], "--map needs text="),
    (["audit", "page.csv", "-o", "/no/such/folder/out.json"], "folder does not exist"),
])
def test_bad_input_is_one_line_exit_2(importer, capsys, tmp_path: Path, argv, message) -> None:
    assert commands.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("resonanz: error:")


@pytest.mark.skipif(importlib.util.find_spec("resonanz.core.audit.importers") is None, reason="needs core/audit/importers.py (issue 13 point 1)")
def test_subprocess_with_the_real_importer(tmp_path: Path) -> None:
    src = tmp_path / "page.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Message", "Comments", "Shares", "Likes"])
        for i in range(40):
            w.writerow([TEXTS[i % 3] + f" {i}", i % 7, i % 5, 1 + i % 9])
    out = tmp_path / "audit.json"
    cmd = [sys.executable, "-m", "resonanz", "audit", str(src), "--map", "text=Message,comments=Comments,shares=Shares,likes=Likes",
           "--format", "json", "-o", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["n_posts"] == 40 and "comments_per_reaction" in data["posts"][0]["outcomes"]
    bad = subprocess.run([*cmd[:4], str(tmp_path / "missing.csv")], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
