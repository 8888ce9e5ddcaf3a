"""`resonanz score` on a draft with too little text to judge (issue 17, point 6), through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core.analysis.model import DIMENSIONS

RESONANZ = Path(sys.executable).with_name("resonanz")  # the installed console script of this venv


def score(home: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONIOENCODING")}
    env["RESONANZ_HOME"] = str(home)
    command = [str(RESONANZ)] if RESONANZ.exists() else [sys.executable, "-m", "resonanz"]
    return subprocess.run([*command, "score", *args], input=stdin, capture_output=True, env=env, timeout=60)


@pytest.mark.parametrize("text", ["", "🚀🚀🚀", "https://example.org/x", "#Danke #Team"])
def test_json_has_null_scores_and_no_findings(tmp_path: Path, text: str) -> None:
    proc = score(tmp_path, "--format", "json", "-", stdin=text.encode("utf-8"))
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    data = json.loads(proc.stdout)
    assert data["judged"] is False and data["reason"] == "not_enough_text"
    assert data["scores"] == {d: None for d in DIMENSIONS}
    assert data["lights"] == {d: None for d in DIMENSIONS}
    assert data["breakdown"] == {d: [] for d in DIMENSIONS}
    assert data["findings"] == []
    assert data["language_detected"] is False and data["language_reason"] == "too_few_words"


def test_json_from_a_file_with_a_real_sentence_is_judged(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("We planted ten trees today. Which tree should come next?", encoding="utf-8")
    data = json.loads(score(tmp_path, "--format", "json", str(draft)).stdout)
    assert data["judged"] is True and "reason" not in data
    assert all(isinstance(data["scores"][d], int) for d in DIMENSIONS)
    assert data["language"] == "en" and data["language_detected"] is True


@pytest.mark.parametrize(("lang", "line"), [("en", "Not enough text to judge"), ("de", "Zu wenig Text zum Bewerten")])
def test_text_report_is_one_line_instead_of_scores(tmp_path: Path, lang: str, line: str) -> None:
    proc = score(tmp_path, "--lang", lang, "-", stdin="🚀🚀🚀".encode("utf-8"))
    assert proc.returncode == 0 and proc.stderr == b""
    out = proc.stdout.decode("utf-8").splitlines()
    assert out[-1].startswith(line)
    assert sum(line in row for row in out) == 1
    assert not any(word in " ".join(out) for word in ("green", "grün", "85", "90", "Findings", "Hinweise"))
