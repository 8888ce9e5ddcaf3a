"""`resonanz validate` as a real subprocess, on a small invented CSV (no third-party text)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core.analysis.validation.render import BEGIN, END, merge_markdown

QUESTIONS = [
    "What is your favourite spot along the {place}? Tell us in the comments!",
    "Have you ever cleaned up the {place} with us? What did you find there?",
    "Which plants grow in your garden near the {place}? Share your photos with us!",
    "How should the city protect the {place}? We would love to hear your ideas.",
    "Did you see the birds at the {place} this morning? What did you spot?",
    "What would make the {place} a better place for your family? Let us know below.",
]
STATEMENTS = [
    "Our annual report about the {place} is now online on our website.",
    "The water quality report for the {place} was published today.",
    "Volunteers planted forty trees near the {place} last weekend.",
    "The office near the {place} is closed on Monday for the holiday.",
    "New signs explain the history of the {place} to visitors.",
    "The board met yesterday to discuss the budget for the {place}.",
]
PLACES = {"River Friends": "river", "Lake Watch": "lake", "Creek Club": "creek"}
MAP = "text=Message,comments=Comments,reactions=Reactions,group=Page,label=Dialogic"


def write_posts(path: Path, extra_rows: list[list[str]] = ()) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Page", "Message", "Comments", "Reactions", "Dialogic"])
        for k, (page, place) in enumerate(PLACES.items()):
            for i, template in enumerate(QUESTIONS):
                w.writerow([page, template.format(place=place), 6 + (i + k) % 4, 20 + 3 * i, "yes"])
            for i, template in enumerate(STATEMENTS):
                w.writerow([page, template.format(place=place), (i + k) % 3, 20 + 2 * i, ""])
        w.writerows(extra_rows)


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RESONANZ_VALIDATION",)}
    env["RESONANZ_HOME"] = str(tmp_path / "home")
    return subprocess.run([sys.executable, "-m", "resonanz", "validate", *args], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)


@pytest.fixture()
def posts(tmp_path: Path) -> Path:
    path = tmp_path / "posts.csv"
    write_posts(path)
    return path


def test_questions_with_more_comments_give_a_positive_dialogue_figure(tmp_path: Path, posts: Path) -> None:
    proc = run(tmp_path, "--csv", str(posts), "--map", MAP, "--language", "en", "--format", "json", "--bootstrap", "200", "--name", "demo")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    figs = {(f["target"], f["predictor"]): f for f in data["figures"]}
    rho = figs[("comments_per_reaction", "dialogue")]
    assert rho["dataset"] == "demo" and rho["kind"] == "rho"
    assert rho["n"] == 36 and rho["groups"] == 3 and rho["groups_positive"] == 3
    assert rho["value"] > 0.5 and rho["low"] > 0
    auc = figs[("label", "dialogue")]
    assert auc["kind"] == "auc" and auc["n"] == 36 and auc["value"] > 0.8
    assert figs[("comments_per_reaction", "baseline")]["value"] > 0
    assert ("shares_per_reaction", "dialogue") not in figs  # no shares column mapped
    assert "D2" in data["evidence"]


def test_posts_too_short_to_judge_are_left_out_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    short = [["River Friends", "https://example.org/report", "9", "20", "yes"], ["Lake Watch", "🎉🎉", "0", "30", ""],
             ["Creek Club", "Happy Monday!", "5", "25", "yes"]]
    write_posts(path, extra_rows=short)
    proc = run(tmp_path, "--csv", str(path), "--map", MAP, "--language", "en", "--format", "json", "--bootstrap", "50", "--name", "demo")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["datasets"][0]["posts"] == 39 and data["datasets"][0]["left_out"] == 3
    figs = {(f["target"], f["predictor"]): f for f in data["figures"]}
    assert figs[("comments_per_reaction", "dialogue")]["n"] == 36  # the three short posts are not measured
    assert figs[("label", "dialogue")]["n"] == 36
    md = run(tmp_path, "--csv", str(path), "--map", MAP, "--language", "en", "--format", "md", "--bootstrap", "50")
    assert "39 posts, en, facebook; 3 left out: not enough text" in md.stdout


def test_text_report_and_a_skipped_row_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    write_posts(path, extra_rows=[["Creek Club", "Is this counted?", "many", "3", ""]])
    proc = run(tmp_path, "--csv", str(path), "--map", MAP, "--language", "en", "--bootstrap", "50")
    assert proc.returncode == 0, proc.stderr
    assert "comments_per_reaction (within-group median ρ)" in proc.stdout
    line = next(ln for ln in proc.stdout.splitlines() if ln.strip().startswith("dialogue") and "n 36" in ln)
    assert line.split()[1].startswith("+")
    assert "line 38: Comments is not a number ('many')" in proc.stdout
    assert "skipped 1 row (line 38" in proc.stderr  # one row, not "1 rows"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("text=Message,commentz=Comments", "unknown key 'commentz'"),
        ("comments=Comments", "text=COLUMN is required"),
        ("text=Message,comments", "'comments' is not KEY=COLUMN"),
        ("text=Message,comments=Kommentare", "column 'Kommentare' (for comments) not in posts.csv"),
    ],
)
def test_a_bad_map_is_one_line_and_exit_2(tmp_path: Path, posts: Path, mapping: str, message: str) -> None:
    out = tmp_path / "report.json"
    proc = run(tmp_path, "--csv", str(posts), "--map", mapping, "--format", "json", "--output", str(out))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr
    assert not out.exists() and list(tmp_path.glob(".report.json.*")) == []


def test_missing_file_and_missing_data_are_one_line(tmp_path: Path) -> None:
    proc = run(tmp_path, "--csv", str(tmp_path / "nope.csv"), "--map", "text=Message")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "nope.csv" in proc.stderr
    proc = run(tmp_path, "--data", str(tmp_path / "empty"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "validation data not found" in proc.stderr


def test_markdown_output_replaces_only_the_generated_part(tmp_path: Path, posts: Path) -> None:
    doc = tmp_path / "VALIDITY.md"
    doc.write_text(f"# Validity\n\nHand-written prose before.\n\n{BEGIN}\nold figures\n{END}\n\nProse after.\n", encoding="utf-8")
    evidence = tmp_path / "evidence.toml"
    proc = run(tmp_path, "--csv", str(posts), "--map", MAP, "--language", "en", "--format", "md", "--output", str(doc), "--bootstrap", "50", "--write-evidence", str(evidence))
    assert proc.returncode == 0, proc.stderr
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Validity\n\nHand-written prose before.\n\n" + BEGIN + "\n")
    assert text.endswith(END + "\n\nProse after.\n")
    assert "old figures" not in text and "| comments_per_reaction | rho |" in text and "### Evidence per rule" in text
    assert evidence.read_text(encoding="utf-8").startswith("# Generated by `resonanz validate --write-evidence")


def test_merge_markdown_without_markers_writes_a_whole_file() -> None:
    assert merge_markdown(None, "table\n") == f"# Validity of Resonanz's scores and rules\n\n{BEGIN}\ntable\n{END}\n"
    assert merge_markdown("no markers here\n", "table\n").count(BEGIN) == 1
    assert merge_markdown(f"a\n{BEGIN}\nx\n{END}\nb\n", "new\n") == f"a\n{BEGIN}\nnew\n{END}\nb\n"
