"""`resonanz reply` (issue 15), run as the real `resonanz` executable in a subprocess.

All example texts are written for these tests.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "resonanz"
COMMENT_DE = "Wann öffnet eure Filiale in der Bahnhofstraße am Samstag?"
GOOD_DE = "Hallo Maria, die Filiale in der Bahnhofstraße öffnet samstags um 8 Uhr. Brauchst du noch etwas? Viele Grüße, Jonas"
COMMENT_EN = "When does your shop on Station Road open on Saturday?"


def resonanz(home: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "RESONANZ_HOME")}
    env["RESONANZ_HOME"] = str(home)
    done = subprocess.run([str(EXE), *args], input=stdin, capture_output=True, env=env, timeout=60)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_executable_exists() -> None:
    assert EXE.is_file(), f"{EXE}: install with pip install -e ."


def test_json_report_of_one_pair(home: Path, tmp_path: Path) -> None:
    done = resonanz(home, "reply", "--comment", write(tmp_path, "c.txt", COMMENT_DE), "--reply", "-", "--format", "json", stdin=GOOD_DE.encode())
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["kind"] == "reply" and data["language"] == "de"
    assert isinstance(data["scores"]["reply"], int) and data["scores"]["reply"] >= 70 and data["lights"]["reply"] == "green"
    assert sum(p["points"] for p in data["breakdown"]["reply"]) == data["scores"]["reply"]
    rules = {f["rule"] for f in data["findings"]}
    assert {"R1", "R2", "R3", "R7", "R8"} <= rules
    for f in data["findings"]:
        assert all(GOOD_DE[s:e] for s, e in f["spans"])
        assert all(COMMENT_DE[s:e] for s, e in f["comment_spans"])


def test_text_report_in_english_with_post_and_language(home: Path, tmp_path: Path) -> None:
    done = resonanz(home, "reply", "--comment", write(tmp_path, "c.txt", COMMENT_EN), "--reply", write(tmp_path, "r.txt", "Thanks!"),
                    "--post", write(tmp_path, "p.txt", "Our new shop on Station Road is open."), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Reply" in done.stdout and "R3" in done.stdout and "red" in done.stdout
    assert "\x1b[" not in done.stdout  # no colours into a pipe


def test_a_reply_without_words_is_not_judged(home: Path, tmp_path: Path) -> None:
    done = resonanz(home, "reply", "--comment", write(tmp_path, "c.txt", COMMENT_EN), "--reply", "-", "--format", "json", stdin="👍".encode())
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["judged"] is False and data["reason"] == "not_enough_text" and data["scores"] == {"reply": None}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["reply"], "reply needs --comment FILE and --reply FILE"),
        (["reply", "--comment", "MISSING.txt", "--reply", "-"], "file not found: MISSING.txt"),
        (["reply", "--comment", "-", "--reply", "-"], "only one of --comment, --reply and --post can read stdin"),
        (["reply", "--comment", "C", "--reply", "R", "--lang", "fr"], "fr"),
        (["reply", "--comment", "C", "--reply", "R", "--out", "x.csv"], "--out only works with --csv"),
        (["reply", "--csv", "in.csv", "--reply-column", "r", "--out", "o.csv"], "--csv needs --comment-column COL and --reply-column COL"),
        (["reply", "--csv", "in.csv", "--comment-column", "c", "--reply-column", "r"], "--csv needs --out OUT.csv"),
        (["reply", "--csv", "MISSING.csv", "--comment-column", "c", "--reply-column", "r", "--out", "o.csv"], "file not found: MISSING.csv"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(home: Path, tmp_path: Path, args: list[str], needle: str) -> None:
    for name in ("C", "R"):
        (tmp_path / name).write_text("Hallo", encoding="utf-8")
    done = subprocess.run([str(EXE), *args], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={**os.environ, "RESONANZ_HOME": str(home)})
    assert done.returncode == 2, done.stderr
    assert needle in done.stderr and done.stderr.startswith("resonanz: error:") and done.stderr.count("\n") == 1
    assert not (tmp_path / "o.csv").exists()


def test_batch_scores_rows_skips_bad_ones_and_keeps_cells_formula_safe(home: Path, tmp_path: Path) -> None:
    rows = [
        ["id", "Kommentar", "Antwort"],
        ["1", COMMENT_DE, GOOD_DE],
        ["2", COMMENT_DE, "Danke!"],
        ["3", COMMENT_DE, ""],  # skipped: empty reply
        ["4", "=HYPERLINK(\"http://x\")", "Danke für den Hinweis, wir prüfen das heute noch."],
        ["5", COMMENT_EN, "👍"],  # not judged
        ["6", "Where can I find the recipes?", "Danke für den Hinweis, wir prüfen das heute noch."],  # a copy of row 4
    ]
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    out = tmp_path / "out.csv"
    done = resonanz(home, "reply", "--csv", str(src), "--comment-column", "kommentar", "--reply-column", "Antwort", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "skipped line 4: empty reply" in done.stderr
    assert "scored 4 rows, skipped 1" in done.stderr and "1 reply had no word of their own" in done.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    head = table[0]
    assert head[:3] == rows[0] and head[3:6] == ["language", "reply", "light"] and head[6:15] == [f"R{i}" for i in range(1, 10)] and head[-1] == "reason"
    by_id = {r[0]: dict(zip(head, r)) for r in table[1:]}
    assert int(by_id["1"]["reply"]) > int(by_id["2"]["reply"])
    assert by_id["1"]["light"] == "green" and by_id["2"]["light"] == "red"
    assert by_id["3"]["reply"] == "" and by_id["5"]["reason"] == "not_enough_text"
    assert by_id["4"]["Kommentar"].startswith("'=")  # a formula in a cell is defused
    assert by_id["6"]["R4"] == "1" and by_id["4"]["R4"] == "0"  # row 6 repeats row 4's reply


def test_batch_missing_column_names_the_columns(home: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("comment;answer\nFrage?;Antwort.\n", encoding="utf-8")
    done = resonanz(home, "reply", "--csv", str(src), "--comment-column", "comment", "--reply-column", "reply", "--out", str(tmp_path / "o.csv"))
    assert done.returncode == 2
    assert "has no column 'reply' (columns: comment, answer)" in done.stderr
    assert not (tmp_path / "o.csv").exists()
