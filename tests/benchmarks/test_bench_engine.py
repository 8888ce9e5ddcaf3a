"""On-demand benchmarks: `pytest tests/benchmarks --benchmarks` (not part of the normal test run).

Targets on the 2-core reference machine (issue #2): analyze() median ≤ 1 ms for a 280-char post,
≤ 3 ms for 3,000 chars, ≤ 60 ms for 50,000 chars, cost linear in length; 10,000 posts through
`resonanz score --csv` ≤ 15 s end to end; a cold single-post `resonanz score` ≤ 0.5 s wall.
Figures go into the README; nothing here asserts a time.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core.analysis.engine import analyze

TEXTS = Path(__file__).parent / "texts"
POST = (TEXTS / "post_280_de.txt").read_text(encoding="utf-8").strip()
LONG = (TEXTS / "long_3000_de.txt").read_text(encoding="utf-8")
LONG_EN = (TEXTS / "long_en.txt").read_text(encoding="utf-8")


def _exactly(n: int, *parts: str) -> str:
    text = ""
    while len(text) < n:
        for p in parts:
            text += p + "\n\n"
    return text[:n]


TEXT_280 = _exactly(280, POST)
TEXT_3000 = _exactly(3000, LONG, LONG_EN)
TEXT_50K = _exactly(50_000, LONG, LONG_EN, POST)


@pytest.mark.parametrize("name,text", [("280", TEXT_280), ("3000", TEXT_3000), ("50000", TEXT_50K)])
def test_analyze(benchmark, name: str, text: str) -> None:
    """analyze() with language auto-detection on LinkedIn (the default platform)."""
    benchmark.group = "analyze"
    result = benchmark(analyze, text, language="auto", platform="linkedin", rules_dir=False)
    assert result.stats["code_points"] == len(text)


def _write_posts(path: Path, n: int) -> None:
    """n varied posts built from the benchmark texts' sentences (no third-party text)."""
    sentences = [s.strip() for s in (POST + " " + LONG + " " + LONG_EN).replace("\n", " ").split(". ") if s.strip()]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "date", "text"])
        for i in range(n):
            k = 2 + i % 5
            text = ". ".join(sentences[(i * 7 + j) % len(sentences)] for j in range(k)) + f". {i % 97} Tipps?"
            w.writerow([i, f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", text])


def test_batch_10000_posts(benchmark, tmp_path: Path) -> None:
    """`resonanz score --csv` on 10,000 posts, end to end in a real subprocess."""
    src, out = tmp_path / "posts.csv", tmp_path / "scored.csv"
    _write_posts(src, 10_000)
    cmd = [sys.executable, "-m", "resonanz", "score", "--csv", str(src), "--text-column", "text", "--out", str(out), "--no-progress"]
    benchmark.group = "batch"
    benchmark.pedantic(subprocess.run, args=(cmd,), kwargs={"check": True, "capture_output": True}, rounds=1, iterations=1)
    with open(out, encoding="utf-8") as fh:
        assert sum(1 for _ in fh) == 10_001


def test_cold_cli_single_post(benchmark, tmp_path: Path) -> None:
    """A cold `resonanz score FILE` (new process each round)."""
    post = tmp_path / "post.txt"
    post.write_text(TEXT_280, encoding="utf-8")
    exe = Path(sys.executable).with_name("resonanz")
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "resonanz"]), "score", str(post)]
    benchmark.group = "cli"
    benchmark.pedantic(subprocess.run, args=(cmd,), kwargs={"check": True, "capture_output": True}, rounds=10, iterations=1)
