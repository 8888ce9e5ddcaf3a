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


# ------------------------------------------------------------------ long texts (issue 19): cost linear in length
# Short sentences with questions, "you"/"Sie"/"du", calls to action, links, hashtags, emoji, German and
# English, some glued together without a space; a 5 MB file of such text must not take minutes.
_LONG_PIECES = (
    "Was denkst du?", "Kennen Sie das schon?", "Jetzt anmelden!", "Wir danken unserem Team.",
    "Mehr unter https://example.de/info.", "#Tipps #Wissen", "Das ist gut 🙂.", "Du bist dabei.",
    "Sie haben recht, z. B. am 3. Mai.", "Dr. Meier kommt.", "Schreib uns @verein!", "Kauf jetzt dein Ticket.",
    "Warum ist das so? Weil es hilft.", "Er sagte: „Kommt alle.“", "What do you think?", "Buy your tickets now!",
    "We thank our volunteers.", "Visit example.org today.", "You are great 🎉.", "Mr. Smith from the U.S. came.",
    "Share this with your friends!", "Do you agree?", "It rained.Then it stopped.", "#news 👍🏻",
)
LONG_SIZES = [3_000, 50_000, 500_000, 5_000_000]


def long_text(n: int) -> str:
    """n characters of short mixed sentences, a line break after every fifth (deterministic)."""
    parts, size, i = [], 0, 0
    while size < n:
        piece = _LONG_PIECES[(i * 7) % len(_LONG_PIECES)] + ("\n" if i % 5 == 4 else " ")
        parts.append(piece)
        size += len(piece)
        i += 1
    return "".join(parts)[:n]


@pytest.mark.parametrize("size", LONG_SIZES, ids=[f"{n:,}" for n in LONG_SIZES])
def test_analyze_long_text(benchmark, size: int) -> None:
    """analyze() per 1,000 characters at 3k, 50k, 500k and 5 MB: the last should stay within 2x of the first."""
    text = long_text(size)
    analyze(long_text(3_000), language="auto", platform="linkedin", rules_dir=False)  # packs loaded
    benchmark.group = "analyze-long"
    rounds = {3_000: 50, 50_000: 10, 500_000: 3}.get(size, 1)
    result = benchmark.pedantic(analyze, args=(text,), kwargs={"language": "auto", "rules_dir": False}, rounds=rounds, iterations=1)
    assert result.stats["code_points"] == size
    per_1k = benchmark.stats.stats.median * 1000 / (size / 1000)
    benchmark.extra_info["ms_per_1000_chars"] = round(per_1k, 3)
    print(f"\nanalyze() {size:>9,} chars: median {benchmark.stats.stats.median:.3f} s, {per_1k:.3f} ms per 1,000 characters")


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent (pytest) across exec.
_PEAK = """
import re, sys, time
sys.path.insert(0, {here!r})
from test_bench_engine import analyze, long_text
def peak_kb():
    with open("/proc/self/status") as fh:
        return int(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1))
text = long_text({size})
analyze(long_text(3_000), rules_dir=False)
before = peak_kb()
t0 = time.perf_counter()
analyze(text, rules_dir=False)
print(time.perf_counter() - t0, before, peak_kb())
"""


def test_analyze_long_text_peak_memory() -> None:
    """Peak resident memory of one analyze() of 5 MB, in a fresh process (goal: ≤ 300 MB); printed, not asserted."""
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc (Linux)")
    size = LONG_SIZES[-1]
    code = _PEAK.format(here=str(Path(__file__).parent), size=size)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    seconds, before_kb, peak_kb = float(out[0]), int(out[1]), int(out[2])
    print(f"\nanalyze() {size:,} chars in a fresh process: {seconds:.2f} s, peak RSS {peak_kb / 1024:.0f} MB (before: {before_kb / 1024:.0f} MB)")
