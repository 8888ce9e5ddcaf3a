"""Reply-score validation (issue 15.5) on a small invented CSV (no third-party text).

data/reply_pairs.csv holds six pairs with a good reply (name, answer, door open, signature) and
six with a bad one (template, DM redirect, defensive) to the same comments, written for this test.
"""

from __future__ import annotations

import csv
import math
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core.analysis.validation.replies import InputError, evaluate, load_pairs, main

DATA = Path(__file__).parent / "data" / "reply_pairs.csv"
MODULE = "resonanz.core.analysis.validation.replies"
ARGS = ["--comment-column", "comment", "--reply-column", "reply", "--label-column", "label"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", MODULE, *args], capture_output=True, text=True, timeout=120)


def test_good_replies_labelled_positive_give_a_high_auc() -> None:
    pairs, no_label, binary = load_pairs(DATA, "comment", "reply", "label", "team", positive="good")
    assert binary and no_label == 0 and len(pairs) == 12
    v = evaluate(pairs, binary, reps=200)
    assert v.kind == "auc" and v.n == 12 and v.positives == 6 and v.negatives == 6
    assert v.score.value > 0.9
    assert v.score.low <= v.score.value <= v.score.high


def test_reversed_labels_give_a_low_auc() -> None:
    pairs, _, binary = load_pairs(DATA, "comment", "reply", "label", positive="bad")
    v = evaluate(pairs, binary, reps=200)
    assert v.score.value < 0.1
    assert v.rules["R8"][0] == 0.0 and v.rules["R8"][1] == 1.0  # the signature: only the good (now negative) replies


def test_numeric_judgement_gives_spearman(tmp_path: Path) -> None:
    rows = list(csv.DictReader(open(DATA, encoding="utf-8")))
    path = tmp_path / "rated.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["c", "r", "stars"])
        for k, row in enumerate(rows):
            w.writerow([row["comment"], row["reply"], 4 + k % 2 if row["label"] == "good" else 1 + k % 2])
        w.writerow(["Any news?", "Yes, the new hours start on Monday.", ""])  # no label: counted, left out
    pairs, no_label, binary = load_pairs(path, "c", "r", "stars")
    assert not binary and no_label == 1
    v = evaluate(pairs, binary, no_label=no_label, reps=200)
    assert v.kind == "spearman" and v.n == 12 and v.score.value > 0.6


def test_pairs_without_a_score_are_counted_and_left_out(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("comment,reply,ok\nWhen do you open?,\U0001F44D,1\nWhen do you open?,We open at nine every day.,1\n"
                    "When do you open?,Please DM us.,0\n", encoding="utf-8")
    pairs, _, binary = load_pairs(path, "comment", "reply", "ok")
    assert binary
    v = evaluate(pairs, binary, reps=50)
    assert v.not_judged == 1 and v.n == 2 and v.score.value == 1.0


def test_cli_prints_the_figure_first() -> None:
    out = run("--csv", str(DATA), *ARGS, "--positive", "good", "--group-column", "team", "--reps", "100")
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith("reply score: AUC 1.000 [95% ") and "n = 12 (6 positive (good), 6 other)" in first


@pytest.mark.parametrize("column", ["--comment-column", "--label-column"])
def test_bad_column_is_one_line_and_status_2(column: str) -> None:
    args = list(ARGS)
    args[args.index(column) + 1] = "nope"
    out = run("--csv", str(DATA), *args, "--positive", "good")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "column 'nope' not in" in out.stderr and "comment, reply, label, team" in out.stderr


def test_unreadable_file_is_one_line_and_status_2(tmp_path: Path) -> None:
    out = run("--csv", str(tmp_path / "missing.csv"), *ARGS)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and out.stderr.startswith("resonanz: error: cannot read ")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("comment,reply,label\nK\xf6ln?,Ja.,1\n".encode("latin-1"))
    assert main(["--csv", str(bad), *ARGS]) == 2


def test_text_label_without_positive_is_an_error() -> None:
    with pytest.raises(InputError, match="give --positive"):
        load_pairs(DATA, "comment", "reply", "label")
    assert main(["--csv", str(DATA), *ARGS]) == 2


def test_group_figure_needs_big_enough_groups() -> None:
    pairs, _, binary = load_pairs(DATA, "comment", "reply", "label", "team", positive="good")
    small = evaluate(pairs, binary, reps=20)
    assert small.groups is not None and small.groups[1] == 0 and math.isnan(small.groups[0])
    v = evaluate(pairs, binary, reps=20, min_group=4)
    assert v.groups is not None and v.groups[1] == 3 and v.groups[0] > 0.5
